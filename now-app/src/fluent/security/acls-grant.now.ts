import { Acl } from '@servicenow/sdk/core'
import { adminRole, agentRole, approverRole, auditorRole, executorRole, requesterRole, secopsRole } from './roles.now'

/*
 * ACLs of x_gbg_breakglass_grant.
 *
 * Grants are created and moved through their life by server logic (flows, business rules, UI actions run as
 * the system), so people need little direct write access:
 * - read: approver, agent, secops, auditor, admin and the executor read every grant; a requester reads only
 *   the grants requested for or opened by them (condition below).
 * - write (table): admin and the executor. Field level: `grant.*` is admin only, and each executor-owned
 *   field (EXECUTOR_WRITABLE in shared/src/schema.ts) has its own ACL for executor + admin. The executor can
 *   therefore write exactly state, granted_at, expires_at, revoked_at, provider_txn_ids, executor_instance,
 *   last_error and evidence, and never the requester, target, duration, plan or its digest.
 * - create / delete: admin only (the executor never creates or deletes grants).
 * The auditor appears in read ACLs only.
 */

Acl({
    $id: Now.ID['acl-grant-read'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'read',
    roles: [approverRole, agentRole, secopsRole, auditorRole, adminRole, executorRole],
    description: 'Approvers, agents, SecOps, auditors, admins and the executor read all grants.',
})

Acl({
    $id: Now.ID['acl-grant-read-own'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'read',
    roles: [requesterRole],
    condition: 'requested_for=javascript:gs.getUserID()^ORopened_by=javascript:gs.getUserID()^EQ',
    description: 'A requester reads the grants requested for or opened by them.',
})

Acl({
    $id: Now.ID['acl-grant-write'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'write',
    roles: [adminRole, executorRole],
    description: 'Table-level write: admin and the executor (field ACLs narrow the executor to its fields).',
})

Acl({
    $id: Now.ID['acl-grant-write-any-field'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: '*',
    operation: 'write',
    roles: [adminRole],
    description: 'Every field not owned by the executor: admin only.',
})

Acl({
    $id: Now.ID['acl-grant-write-state'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'state',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-grant-write-granted_at'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'granted_at',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-grant-write-expires_at'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'expires_at',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-grant-write-revoked_at'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'revoked_at',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-grant-write-provider_txn_ids'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'provider_txn_ids',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-grant-write-executor_instance'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'executor_instance',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-grant-write-last_error'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'last_error',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-grant-write-evidence'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'evidence',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-grant-create'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'create',
    roles: [adminRole],
    description: 'Grants are created by the request flow (system); by hand only by an admin.',
})

Acl({
    $id: Now.ID['acl-grant-delete'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'delete',
    roles: [adminRole],
    description: 'Only an admin deletes a grant (audit events keep the history).',
})

/*
 * Approvers may shorten the duration of a request waiting for their decision, and nothing else: a table-level
 * write limited to grants awaiting approval, and a field ACL on approved_duration only (`grant.*` stays admin
 * only). The business rule "approvers may only shorten the duration" refuses longer or too-short values.
 */
Acl({
    $id: Now.ID['acl-grant-write-approver'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'write',
    roles: [approverRole],
    condition: 'state=awaiting_approval^EQ',
    description: 'Approvers may update a grant awaiting approval (field ACLs narrow it to approved_duration).',
})

Acl({
    $id: Now.ID['acl-grant-write-approved_duration'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'approved_duration',
    operation: 'write',
    roles: [approverRole, adminRole],
    description: 'Approvers shorten the duration before approving (never lengthen: see the business rule).',
})
