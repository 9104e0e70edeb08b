import { Acl } from '@servicenow/sdk/core'
import { adminRole, auditorRole, executorRole, secopsRole } from './roles.now'

/*
 * ACLs of x_gbg_breakglass_ticket_update (the executor's requests for platform-side effects).
 *
 * - create: the executor (and admin); one create ACL per input column of EXECUTOR_CREATABLE for the executor, and
 *   `.*` create for admin only, so the executor can never set a result column (the app's rules clear and write
 *   those with server code, which ignores ACLs).
 * - read: the executor (it reads its row back by idempotency key), SecOps, auditors, admin.
 * - write and delete: nobody (deny-all ACLs, admin_overrides=false): a row is a record of what was asked and done.
 */

Acl({
    $id: Now.ID['acl-ticket-update-read'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    operation: 'read',
    roles: [executorRole, secopsRole, auditorRole, adminRole],
    description: 'The executor reads its own requests back; SecOps, auditors and admins read them.',
})

Acl({
    $id: Now.ID['acl-ticket-update-create'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'The executor asks for a work note, an incident or the receipt attachment.',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-any-field'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: '*',
    operation: 'create',
    roles: [adminRole],
    description:
        'Columns outside EXECUTOR_CREATABLE (the result columns) are set by admin only on insert; the app writes them with server code.',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-grant'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'grant',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-kind'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'kind',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-incident'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'incident',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-text'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'text',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-incident_kind'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'incident_kind',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-priority'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'priority',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-short_description'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'short_description',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-file_name'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'file_name',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-content_type'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'content_type',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-content'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'content',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-create-idempotency_key'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: 'idempotency_key',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Input column the executor sets when it asks for an effect (EXECUTOR_CREATABLE).',
})

Acl({
    $id: Now.ID['acl-ticket-update-write-deny'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    operation: 'write',
    script: 'answer = false;',
    adminOverrides: false,
    description: 'Ticket updates are never edited through the API; the app records results with server code.',
})

Acl({
    $id: Now.ID['acl-ticket-update-write-any-field-deny'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    field: '*',
    operation: 'write',
    script: 'answer = false;',
    adminOverrides: false,
    description: 'No field of a ticket update is edited through the API.',
})

Acl({
    $id: Now.ID['acl-ticket-update-delete-deny'],
    type: 'record',
    table: 'x_gbg_breakglass_ticket_update',
    operation: 'delete',
    script: 'answer = false;',
    adminOverrides: false,
    description: 'Ticket updates are never deleted.',
})
