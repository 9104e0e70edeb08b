import '@servicenow/sdk/global'
import { Form, List, default_view } from '@servicenow/sdk/core'

/*
 * Form and list layouts of the app's other tables (the grant's are in grant-layouts.now.ts): every column on the
 * form, the columns people scan in the list. Written out literally (FLUENT-NOTES.md); checked in dist by
 * now-app/test/dist-audit.test.ts. The receipt's base64 content stays off the ticket update form (the attachment
 * is on the request item).
 */

/** Break-glass action: form. */
Form({
    table: 'x_gbg_breakglass_action',
    view: default_view,
    sections: [
        {
            caption: 'Break-glass action',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'number', type: 'table_field' },
                        { field: 'grant', type: 'table_field' },
                        { field: 'type', type: 'table_field' },
                        { field: 'state', type: 'table_field' },
                        { field: 'priority', type: 'table_field' },
                        { field: 'not_before', type: 'table_field' },
                        { field: 'attempts', type: 'table_field' },
                        { field: 'max_attempts', type: 'table_field' },
                        { field: 'lease_owner', type: 'table_field' },
                        { field: 'lease_until', type: 'table_field' },
                        { field: 'idempotency_key', type: 'table_field' },
                        { field: 'requested_by', type: 'table_field' },
                        { field: 'reason', type: 'table_field' },
                        { field: 'last_error', type: 'table_field' },
                        { field: 'result', type: 'table_field' },
                        { field: 'completed_at', type: 'table_field' },
                    ],
                },
            ],
        },
    ],
})

/** Break-glass action: list. */
List({
    table: 'x_gbg_breakglass_action',
    view: default_view,
    columns: [
        'number',
        'grant',
        'type',
        'state',
        'priority',
        'not_before',
        'attempts',
        'lease_owner',
        'lease_until',
        'completed_at',
    ],
})

/** Break-glass policy: form. */
Form({
    table: 'x_gbg_breakglass_policy',
    view: default_view,
    sections: [
        {
            caption: 'Break-glass policy',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'name', type: 'table_field' },
                        { field: 'active', type: 'table_field' },
                        { field: 'order', type: 'table_field' },
                        { field: 'target_kind', type: 'table_field' },
                        { field: 'min_duration', type: 'table_field' },
                        { field: 'max_duration', type: 'table_field' },
                        { field: 'emergency_max_duration', type: 'table_field' },
                        { field: 'allowed_device_classes', type: 'table_field' },
                        { field: 'corp_managed_only', type: 'table_field' },
                        { field: 'blocked_users', type: 'table_field' },
                        { field: 'blocked_groups', type: 'table_field' },
                        { field: 'allowed_roles', type: 'table_field' },
                        { field: 'change_required_for_servers', type: 'table_field' },
                        { field: 'change_required_for_production', type: 'table_field' },
                        { field: 'incident_required_for_emergency', type: 'table_field' },
                        { field: 'business_hours', type: 'table_field' },
                        { field: 'second_approver_rules', type: 'table_field' },
                        { field: 'second_approver_group', type: 'table_field' },
                        { field: 'high_risk_roles', type: 'table_field' },
                        { field: 'auto_approve_rules', type: 'table_field' },
                        { field: 'approval_timeout_minutes', type: 'table_field' },
                        { field: 'emergency_approval_timeout_minutes', type: 'table_field' },
                        { field: 'escalation_group', type: 'table_field' },
                        { field: 'incident_command_group', type: 'table_field' },
                        { field: 'security_group', type: 'table_field' },
                        { field: 'customer_authority_group', type: 'table_field' },
                        { field: 'edited_by', type: 'table_field' },
                        { field: 'confirmed_by', type: 'table_field' },
                        { field: 'confirmed_at', type: 'table_field' },
                        { field: 'confirmed_digest', type: 'table_field' },
                    ],
                },
            ],
        },
    ],
})

/** Break-glass policy: list. */
List({
    table: 'x_gbg_breakglass_policy',
    view: default_view,
    columns: [
        'name',
        'active',
        'order',
        'target_kind',
        'max_duration',
        'emergency_max_duration',
        'edited_by',
        'confirmed_by',
        'confirmed_at',
    ],
})

/** Break-glass audit event: form. */
Form({
    table: 'x_gbg_breakglass_audit_event',
    view: default_view,
    sections: [
        {
            caption: 'Break-glass audit event',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'grant', type: 'table_field' },
                        { field: 'action', type: 'table_field' },
                        { field: 'sequence', type: 'table_field' },
                        { field: 'event_type', type: 'table_field' },
                        { field: 'actor', type: 'table_field' },
                        { field: 'occurred_at', type: 'table_field' },
                        { field: 'payload', type: 'table_field' },
                        { field: 'prev_hash', type: 'table_field' },
                        { field: 'hash', type: 'table_field' },
                        { field: 'mac', type: 'table_field' },
                    ],
                },
            ],
        },
    ],
})

/** Break-glass audit event: list. */
List({
    table: 'x_gbg_breakglass_audit_event',
    view: default_view,
    columns: ['grant', 'sequence', 'occurred_at', 'actor', 'event_type', 'hash'],
})

/** Break-glass executor: form. */
Form({
    table: 'x_gbg_breakglass_executor',
    view: default_view,
    sections: [
        {
            caption: 'Break-glass executor',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'name', type: 'table_field' },
                        { field: 'host', type: 'table_field' },
                        { field: 'version', type: 'table_field' },
                        { field: 'last_poll_at', type: 'table_field' },
                        { field: 'last_claim_at', type: 'table_field' },
                    ],
                },
            ],
        },
    ],
})

/** Break-glass executor: list. */
List({
    table: 'x_gbg_breakglass_executor',
    view: default_view,
    columns: ['name', 'host', 'version', 'last_poll_at', 'last_claim_at'],
})

/** Break-glass ticket update: form. */
Form({
    table: 'x_gbg_breakglass_ticket_update',
    view: default_view,
    sections: [
        {
            caption: 'Break-glass ticket update',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'grant', type: 'table_field' },
                        { field: 'kind', type: 'table_field' },
                        { field: 'incident', type: 'table_field' },
                        { field: 'incident_kind', type: 'table_field' },
                        { field: 'priority', type: 'table_field' },
                        { field: 'short_description', type: 'table_field' },
                        { field: 'text', type: 'table_field' },
                        { field: 'file_name', type: 'table_field' },
                        { field: 'content_type', type: 'table_field' },
                        { field: 'idempotency_key', type: 'table_field' },
                        { field: 'state', type: 'table_field' },
                        { field: 'result_sys_id', type: 'table_field' },
                        { field: 'result_number', type: 'table_field' },
                        { field: 'error', type: 'table_field' },
                    ],
                },
            ],
        },
    ],
})

/** Break-glass ticket update: list. */
List({
    table: 'x_gbg_breakglass_ticket_update',
    view: default_view,
    columns: ['sys_created_on', 'grant', 'kind', 'incident_kind', 'state', 'result_number', 'error'],
})
