import {
    BooleanColumn,
    ChoiceColumn,
    DateTimeColumn,
    IntegerColumn,
    ListColumn,
    ReferenceColumn,
    StringColumn,
    Table,
} from '@servicenow/sdk/core'

/**
 * Policy: policy as data, evaluated by the same pure module on submit (ServiceNow) and in the executor's
 * recheck gate. Field names are the contract in `shared/src/schema.ts` (POLICY_FIELDS); rule lists are JSON
 * text (parsed and validated by the shared policy module, so a malformed rule fails closed).
 *
 * Web service access: yes, read-only for the executor. The recheck gate re-runs policy immediately before
 * every privileged call ("requester and target still pass policy"), so the executor must read the active
 * policies; ACLs give the executor role read and nothing else here.
 *
 * Two-person rule: a change to a policy's content records its editor (edited_by) and clears the confirmation; a
 * DIFFERENT SecOps person confirms by writing confirmed_digest = the SHA-256 of the content they read (the rule
 * stamps confirmed_by / confirmed_at). Auto-approve rules of a policy whose current content is not so confirmed
 * are not applied (app and executor alike). The table is audited: sys_audit keeps every edit and confirmation.
 */
export const x_gbg_breakglass_policy = Table({
    name: 'x_gbg_breakglass_policy',
    label: 'Break-glass policy',
    display: 'name',
    audit: true,
    allowWebServiceAccess: true,
    schema: {
        name: StringColumn({ label: 'Name', maxLength: 100, mandatory: true }),
        active: BooleanColumn({ label: 'Active', default: true }),
        order: IntegerColumn({ label: 'Order', default: '100' }),
        target_kind: ChoiceColumn({
            label: 'Target kind',
            mandatory: true,
            default: 'any',
            dropdown: 'dropdown_without_none',
            choices: {
                any: { label: 'Any', sequence: 0 },
                device_local_admin: { label: 'Device local admin', sequence: 10 },
                entra_role: { label: 'Entra directory role', sequence: 20 },
                entra_group: { label: 'Entra group', sequence: 30 },
                pam_account: { label: 'PAM account', sequence: 40 },
                console: { label: 'Emergency console', sequence: 50 },
            },
        }),
        min_duration: IntegerColumn({ label: 'Min duration (minutes)' }),
        max_duration: IntegerColumn({ label: 'Max duration (minutes)' }),
        emergency_max_duration: IntegerColumn({ label: 'Emergency max duration (minutes)' }),
        allowed_device_classes: StringColumn({ label: 'Allowed device classes (JSON)', maxLength: 8000 }),
        corp_managed_only: BooleanColumn({ label: 'Corporate-managed devices only', default: true }),
        blocked_users: ListColumn({ label: 'Blocked users', referenceTable: 'sys_user' }),
        blocked_groups: ListColumn({ label: 'Blocked groups', referenceTable: 'sys_user_group' }),
        allowed_roles: StringColumn({ label: 'Allowed roles per resolver group (JSON)', maxLength: 8000 }),
        change_required_for_servers: BooleanColumn({ label: 'Change required for servers', default: true }),
        change_required_for_production: BooleanColumn({ label: 'Change required for production', default: true }),
        incident_required_for_emergency: BooleanColumn({ label: 'Incident required for emergency', default: true }),
        business_hours: StringColumn({ label: 'Business hours (JSON)', maxLength: 8000 }),
        second_approver_rules: StringColumn({ label: 'Second approver rules (JSON)', maxLength: 8000 }),
        second_approver_group: ReferenceColumn({ label: 'Second approver group', referenceTable: 'sys_user_group' }),
        high_risk_roles: StringColumn({ label: 'High-risk roles (JSON)', maxLength: 8000 }),
        auto_approve_rules: StringColumn({ label: 'Auto-approve rules (JSON)', maxLength: 8000 }),
        approval_timeout_minutes: IntegerColumn({ label: 'Approval timeout (minutes)' }),
        emergency_approval_timeout_minutes: IntegerColumn({ label: 'Emergency approval timeout (minutes)' }),
        escalation_group: ReferenceColumn({ label: 'Escalation group', referenceTable: 'sys_user_group' }),
        // The emergency console's named approval slots (issue 14): one group per slot; a console request needs all three.
        incident_command_group: ReferenceColumn({
            label: 'Incident command approvers (console)',
            referenceTable: 'sys_user_group',
        }),
        security_group: ReferenceColumn({ label: 'Security approvers (console)', referenceTable: 'sys_user_group' }),
        customer_authority_group: ReferenceColumn({
            label: 'Customer-account authority approvers (console)',
            referenceTable: 'sys_user_group',
        }),
        // Two-person rule (server/policy-confirmation.ts): set by the before rule, confirmed by another SecOps person.
        edited_by: ReferenceColumn({ label: 'Content last changed by', referenceTable: 'sys_user', readOnly: true }),
        confirmed_by: ReferenceColumn({ label: 'Confirmed by', referenceTable: 'sys_user', readOnly: true }),
        confirmed_at: DateTimeColumn({ label: 'Confirmed at', readOnly: true }),
        confirmed_digest: StringColumn({ label: 'Confirmed content (SHA-256)', maxLength: 64 }),
    },
})
