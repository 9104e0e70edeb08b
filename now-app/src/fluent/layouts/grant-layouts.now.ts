import '@servicenow/sdk/global'
import { AnnotationType, Form, List, default_view } from '@servicenow/sdk/core'

/*
 * The grant's story on one page (docs/audit.md): the request, the plan in words with its digest, the approvals and
 * what each vote bound, what the executor did (times, transaction ids, evidence of removal), the measures the
 * reports use, and the audit trail as a related list (who, what, when, with the event hash). Written out literally
 * (FLUENT-NOTES.md); the dist tests check the sections, fields and related lists.
 */
export const grantForm = Form({
    table: 'x_gbg_breakglass_grant',
    view: default_view,
    sections: [
        {
            caption: 'Request',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'number', type: 'table_field' },
                        { field: 'requested_for', type: 'table_field' },
                        { field: 'opened_by', type: 'table_field' },
                        { field: 'proposed_by', type: 'table_field' },
                        { field: 'emergency', type: 'table_field' },
                        { field: 'requested_duration', type: 'table_field' },
                        { field: 'approved_duration', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'state', type: 'table_field' },
                        { field: 'target_kind', type: 'table_field' },
                        { field: 'provider', type: 'table_field' },
                        { field: 'target_ci', type: 'table_field' },
                        { field: 'target_role_name', type: 'table_field' },
                        { field: 'target_role_id', type: 'table_field' },
                        { field: 'target_group_id', type: 'table_field' },
                        { field: 'target_account', type: 'table_field' },
                        { field: 'target_tenant_id', type: 'table_field' },
                        { field: 'target_tenant_name', type: 'table_field' },
                        { field: 'target_scope', type: 'table_field' },
                    ],
                },
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'justification', type: 'table_field' },
                        { field: 'ritm', type: 'table_field' },
                        { field: 'incident', type: 'table_field' },
                        { field: 'change_request', type: 'table_field' },
                        { field: 'extends_grant', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Plan',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        {
                            type: 'annotation',
                            annotationId: Now.ID['annotation-grant-plan'],
                            text: 'The plan was frozen before approval. Approvers approved this exact plan: the executor refuses to act unless the stored plan still has this digest.',
                            isPlainText: true,
                            annotationType: AnnotationType.Info_Box_Blue,
                        },
                        { field: 'plan_text', type: 'table_field' },
                        { field: 'plan_digest', type: 'table_field' },
                        { field: 'plan', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Approvals',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'approval_requested_at', type: 'table_field' },
                        { field: 'approval_stage', type: 'table_field' },
                        { field: 'approved_at', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'auto_approved', type: 'table_field' },
                        { field: 'refusal_code', type: 'table_field' },
                    ],
                },
                {
                    layout: 'one-column',
                    elements: [
                        {
                            type: 'annotation',
                            annotationId: Now.ID['annotation-grant-approvals'],
                            text: 'Each vote is bound to the plan digest it approved: the approval.vote events in the audit trail below carry it (planDigest), with who voted, for whom, and when.',
                            isPlainText: true,
                            annotationType: AnnotationType.Info_Box_Blue,
                        },
                        { field: 'approval_summary', type: 'table_field' },
                        { field: 'policy_decision', type: 'table_field' },
                        { type: 'list', listType: '12M', listRef: 'sysapproval_approver.document_id' },
                    ],
                },
            ],
        },
        {
            caption: 'Access',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'granted_at', type: 'table_field' },
                        { field: 'expires_at', type: 'table_field' },
                        { field: 'revoked_at', type: 'table_field' },
                        { field: 'expiry_warned', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'executor_instance', type: 'table_field' },
                        { field: 'watchdog_incident', type: 'table_field' },
                        { field: 'revoke_reason', type: 'table_field' },
                    ],
                },
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'provider_txn_ids', type: 'table_field' },
                        { field: 'last_error', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Revoke evidence',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        {
                            type: 'annotation',
                            annotationId: Now.ID['annotation-grant-evidence'],
                            text: 'What the provider reported when the access was removed and verified absent (also noted on the request item).',
                            isPlainText: true,
                            annotationType: AnnotationType.Info_Box_Blue,
                        },
                        { field: 'evidence', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Measures',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'approval_latency_seconds', type: 'table_field' },
                        { field: 'time_to_access_seconds', type: 'table_field' },
                    ],
                    rightElements: [{ field: 'revoke_lateness_seconds', type: 'table_field' }],
                },
            ],
        },
        {
            caption: 'Audit trail',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        {
                            type: 'annotation',
                            annotationId: Now.ID['annotation-grant-audit'],
                            text: 'Append-only, hash-chained events. "Verify audit chain" checks every link here; only "gbg audit verify" also proves that no newest events were deleted and who wrote the executor events.',
                            isPlainText: true,
                            annotationType: AnnotationType.Info_Box_Blue,
                        },
                        { type: 'list', listType: '12M', listRef: 'x_gbg_breakglass_audit_event.grant' },
                        { type: 'list', listType: '12M', listRef: 'x_gbg_breakglass_action.grant' },
                        { type: 'list', listType: '12M', listRef: 'x_gbg_breakglass_ticket_update.grant' },
                    ],
                },
            ],
        },
    ],
})

/** The grant list. */
List({
    table: 'x_gbg_breakglass_grant',
    view: default_view,
    columns: [
        'number',
        'requested_for',
        'target_kind',
        'provider',
        'state',
        'emergency',
        'approved_at',
        'granted_at',
        'expires_at',
        'revoked_at',
        'revoke_lateness_seconds',
    ],
})

/** The audit trail on the grant form: who, what, when, with the event's hash (the chain's digest). */
List({
    table: 'x_gbg_breakglass_audit_event',
    view: default_view,
    parent: 'x_gbg_breakglass_grant',
    columns: ['sequence', 'occurred_at', 'actor', 'event_type', 'payload', 'hash'],
})

/** The actions of a grant on its form. */
List({
    table: 'x_gbg_breakglass_action',
    view: default_view,
    parent: 'x_gbg_breakglass_grant',
    columns: ['number', 'type', 'state', 'priority', 'attempts', 'lease_owner', 'completed_at', 'last_error'],
})

/** The executor's platform effects of a grant (notes, incidents, receipts) on its form. */
List({
    table: 'x_gbg_breakglass_ticket_update',
    view: default_view,
    parent: 'x_gbg_breakglass_grant',
    columns: ['sys_created_on', 'kind', 'incident_kind', 'short_description', 'state', 'result_number', 'error'],
})
