import { Acl } from '@servicenow/sdk/core'
import { adminRole, agentRole, auditorRole, executorRole, secopsRole } from './roles.now'

/*
 * ACLs of x_gbg_breakglass_executor (heartbeat rows).
 *
 * - read: agent, SecOps, auditor, admin and the executor.
 * - write: table level admin + executor; `executor.*` admin only, and one ACL per field of
 *   EXECUTOR_WRITABLE (all five columns) for executor + admin. Same shape as the grant and action tables, so
 *   a column added later is not executor-writable until it is added to the contract and given its ACL.
 * - create: admin and the executor (it registers its own row). delete: admin (retire stale instances).
 */

Acl({
    $id: Now.ID['acl-executor-read'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    operation: 'read',
    roles: [agentRole, secopsRole, auditorRole, adminRole, executorRole],
    description: 'Heartbeats are visible to agents, SecOps, auditors, admins and the executor.',
})

Acl({
    $id: Now.ID['acl-executor-write'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    operation: 'write',
    roles: [adminRole, executorRole],
    description: 'Table-level write: admin and the executor.',
})

Acl({
    $id: Now.ID['acl-executor-write-any-field'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    field: '*',
    operation: 'write',
    roles: [adminRole],
    description: 'Fields not listed in EXECUTOR_WRITABLE: admin only.',
})

Acl({
    $id: Now.ID['acl-executor-write-name'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    field: 'name',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-executor-write-host'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    field: 'host',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-executor-write-version'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    field: 'version',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-executor-write-last_poll_at'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    field: 'last_poll_at',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-executor-write-last_claim_at'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    field: 'last_claim_at',
    operation: 'write',
    roles: [executorRole, adminRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-executor-create'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    operation: 'create',
    roles: [adminRole, executorRole],
    description: 'The executor registers its own heartbeat row.',
})

Acl({
    $id: Now.ID['acl-executor-delete'],
    type: 'record',
    table: 'x_gbg_breakglass_executor',
    operation: 'delete',
    roles: [adminRole],
    description: 'Only an admin retires a stale executor row.',
})
