import { Acl } from '@servicenow/sdk/core'
import { adminRole, auditorRole, executorRole, secopsRole } from './roles.now'

/*
 * ACLs of x_gbg_breakglass_audit_event: append-only.
 *
 * - read: auditor, SecOps, admin, and the executor (it reads the chain head to compute prev_hash).
 * - create: the executor and admin (app logic running as the system appends too). `audit_event.*` create
 *   names the same roles so that, on insert, every column can be set by them whatever the platform's
 *   field-level fallback is.
 * - write and delete: there is NO path for anyone. Rather than leaving the operations without ACLs (which
 *   some instance security settings treat as "allowed"), each is covered by an ACL that always denies: no
 *   roles, a script that answers false, and admin_overrides=false so not even `admin` passes. `.*` write is
 *   denied the same way for the field level. Corrections are new events, never edits; the hash chain
 *   (prev_hash -> hash) makes any out-of-band change detectable by `executor audit verify`.
 */

Acl({
    $id: Now.ID['acl-audit-event-read'],
    type: 'record',
    table: 'x_gbg_breakglass_audit_event',
    operation: 'read',
    roles: [auditorRole, secopsRole, adminRole, executorRole],
    description: 'Auditors, SecOps, admins and the executor read audit events.',
})

Acl({
    $id: Now.ID['acl-audit-event-create'],
    type: 'record',
    table: 'x_gbg_breakglass_audit_event',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Audit events are appended by the executor and app logic.',
})

Acl({
    $id: Now.ID['acl-audit-event-create-any-field'],
    type: 'record',
    table: 'x_gbg_breakglass_audit_event',
    field: '*',
    operation: 'create',
    roles: [executorRole, adminRole],
    description: 'Whoever may append an event may set all of its columns on insert.',
})

Acl({
    $id: Now.ID['acl-audit-event-write-deny'],
    type: 'record',
    table: 'x_gbg_breakglass_audit_event',
    operation: 'write',
    script: 'answer = false;',
    adminOverrides: false,
    description: 'Append-only: audit events are never updated, by anyone (admin included).',
})

Acl({
    $id: Now.ID['acl-audit-event-write-any-field-deny'],
    type: 'record',
    table: 'x_gbg_breakglass_audit_event',
    field: '*',
    operation: 'write',
    script: 'answer = false;',
    adminOverrides: false,
    description: 'Append-only: no field of an audit event is ever updated, by anyone (admin included).',
})

Acl({
    $id: Now.ID['acl-audit-event-delete-deny'],
    type: 'record',
    table: 'x_gbg_breakglass_audit_event',
    operation: 'delete',
    script: 'answer = false;',
    adminOverrides: false,
    description: 'Append-only: audit events are never deleted, by anyone (admin included).',
})
