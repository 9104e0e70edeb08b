import {
    BooleanColumn,
    ChoiceColumn,
    DateTimeColumn,
    IntegerColumn,
    MultiLineTextColumn,
    ReferenceColumn,
    StringColumn,
    Table,
} from '@servicenow/sdk/core'

/**
 * Grant: one per requested elevation, from request to revocation. Field names and choice values are the
 * contract in `shared/src/schema.ts` (GRANT_FIELDS, GRANT_STATES, TARGET_KINDS, PROVIDERS); the dist tests
 * fail if this file and the contract drift.
 *
 * Web service access: the executor reads grants and writes back state, times, transaction IDs and evidence
 * through the Table API (field-level ACLs limit it to EXECUTOR_WRITABLE).
 *
 * JSON payloads (plan, approval summary, evidence, provider txn ids) are plain strings, not JsonColumn: the
 * plan digest is a SHA-256 over the exact stored text, and a string column stores it byte for byte.
 */
export const x_gbg_breakglass_grant = Table({
    name: 'x_gbg_breakglass_grant',
    label: 'Break-glass grant',
    display: 'number',
    audit: true,
    allowWebServiceAccess: true,
    autoNumber: { prefix: 'BGA', number: 1000, numberOfDigits: 7 },
    schema: {
        number: StringColumn({
            label: 'Number',
            maxLength: 40,
            readOnly: true,
            default: 'javascript:global.getNextObjNumberPadded();',
        }),
        requested_for: ReferenceColumn({ label: 'Requested for', referenceTable: 'sys_user', mandatory: true }),
        opened_by: ReferenceColumn({ label: 'Opened by', referenceTable: 'sys_user' }),
        target_kind: ChoiceColumn({
            label: 'Target kind',
            mandatory: true,
            dropdown: 'dropdown_with_none',
            choices: {
                device_local_admin: { label: 'Device local admin', sequence: 10 },
                entra_role: { label: 'Entra directory role', sequence: 20 },
                entra_group: { label: 'Entra group', sequence: 30 },
                pam_account: { label: 'PAM account', sequence: 40 },
                console: { label: 'Emergency console', sequence: 50 },
            },
        }),
        provider: ChoiceColumn({
            label: 'Provider',
            dropdown: 'dropdown_with_none',
            choices: {
                webhook: { label: 'Webhook (admin-as-a-service)', sequence: 10 },
                'entra-role': { label: 'Entra role (PIM)', sequence: 20 },
                'entra-group': { label: 'Entra group', sequence: 30 },
                epm: { label: 'BeyondTrust EPM JIT Admin', sequence: 40 },
                console: { label: 'Emergency console (browser)', sequence: 50 },
            },
        }),
        target_ci: ReferenceColumn({ label: 'Target device', referenceTable: 'cmdb_ci_computer' }),
        target_role_id: StringColumn({ label: 'Target role definition id', maxLength: 64 }),
        target_role_name: StringColumn({ label: 'Target role name', maxLength: 100 }),
        target_group_id: StringColumn({ label: 'Target group id', maxLength: 64 }),
        target_account: StringColumn({ label: 'Target account', maxLength: 255 }),
        // The emergency console packet (issue 14): tenant id and name as the console shows them, privilege scope.
        target_tenant_id: StringColumn({ label: 'Console tenant id', maxLength: 100 }),
        target_tenant_name: StringColumn({ label: 'Console tenant name', maxLength: 255 }),
        target_scope: StringColumn({ label: 'Console privilege scope', maxLength: 1000 }),
        requested_duration: IntegerColumn({ label: 'Requested duration (minutes)', mandatory: true }),
        approved_duration: IntegerColumn({ label: 'Approved duration (minutes)' }),
        justification: MultiLineTextColumn({ label: 'Justification', maxLength: 4000, mandatory: true }),
        ritm: ReferenceColumn({ label: 'Requested item', referenceTable: 'sc_req_item' }),
        incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident' }),
        change_request: ReferenceColumn({ label: 'Change request', referenceTable: 'change_request' }),
        emergency: BooleanColumn({ label: 'Emergency', default: false }),
        proposed_by: ReferenceColumn({ label: 'Proposed by', referenceTable: 'sys_user' }),
        plan: StringColumn({ label: 'Execution plan (JSON)', maxLength: 65000 }),
        plan_digest: StringColumn({ label: 'Plan digest (SHA-256)', maxLength: 64 }),
        approval_summary: StringColumn({ label: 'Approval summary (JSON)', maxLength: 8000 }),
        approved_at: DateTimeColumn({ label: 'Approved at' }),
        state: ChoiceColumn({
            label: 'State',
            mandatory: true,
            default: 'requested',
            dropdown: 'dropdown_without_none',
            choices: {
                requested: { label: 'Requested', sequence: 10 },
                policy_rejected: { label: 'Policy rejected', sequence: 20 },
                awaiting_approval: { label: 'Awaiting approval', sequence: 30 },
                approved: { label: 'Approved', sequence: 40 },
                rejected: { label: 'Rejected', sequence: 50 },
                queued: { label: 'Queued', sequence: 60 },
                granting: { label: 'Granting', sequence: 70 },
                active: { label: 'Active', sequence: 80 },
                revoking: { label: 'Revoking', sequence: 90 },
                revoked: { label: 'Revoked', sequence: 100 },
                grant_failed: { label: 'Grant failed', sequence: 110 },
                revoke_failed: { label: 'Revoke failed', sequence: 120 },
                cancelled: { label: 'Cancelled', sequence: 130 },
                expired_unapproved: { label: 'Expired unapproved', sequence: 140 },
                halted: { label: 'Halted (human takeover)', sequence: 150 },
                extended: { label: 'Extended (applied to its grant)', sequence: 160 },
            },
        }),
        granted_at: DateTimeColumn({ label: 'Granted at' }),
        expires_at: DateTimeColumn({ label: 'Expires at' }),
        revoked_at: DateTimeColumn({ label: 'Revoked at' }),
        revoke_reason: StringColumn({ label: 'Revoke reason', maxLength: 1000 }),
        provider_txn_ids: StringColumn({ label: 'Provider transaction IDs (JSON)', maxLength: 4000 }),
        executor_instance: StringColumn({ label: 'Executor instance', maxLength: 100 }),
        last_error: StringColumn({ label: 'Last error', maxLength: 4000 }),
        evidence: StringColumn({ label: 'Evidence (JSON)', maxLength: 65000 }),
        policy_decision: StringColumn({ label: 'Policy decision and approval route (JSON)', maxLength: 65000 }),
        approval_requested_at: DateTimeColumn({ label: 'Approval requested at' }),
        approval_stage: IntegerColumn({ label: 'Approval stage (0 = approvers, 1 = escalated)', default: 0 }),
        expiry_warned: BooleanColumn({ label: 'Expiry warning sent', default: false }),
        watchdog_incident: ReferenceColumn({ label: 'Watchdog incident', referenceTable: 'incident' }),
        // Report measures, computed once by the app (server/grant-measures.ts, shared/src/grant-measures.ts).
        approval_latency_seconds: IntegerColumn({ label: 'Approval latency (seconds, submit to approved)' }),
        time_to_access_seconds: IntegerColumn({ label: 'Time to access (seconds, approved to active)' }),
        revoke_lateness_seconds: IntegerColumn({ label: 'Revoke lateness (seconds past expiry, target 0)' }),
        auto_approved: BooleanColumn({ label: 'Auto-approved by rule', default: false }),
        refusal_code: StringColumn({ label: 'Refusal reason code', maxLength: 64 }),
        plan_text: StringColumn({ label: 'Plan in words', maxLength: 8000 }),
        // An extension request: the grant whose live access it asks more time for (server/extend.ts).
        extends_grant: ReferenceColumn({ label: 'Extends grant', referenceTable: 'x_gbg_breakglass_grant' }),
    },
})
