import { Acl } from '@servicenow/sdk/core'
import { adminRole, agentRole, auditorRole, executorRole, secopsRole } from './roles.now'

/*
 * ACLs of x_gbg_breakglass_action (the executor's queue).
 *
 * - read: agent, SecOps, auditor, admin and the executor.
 * - write (table): admin, SecOps (re-queue a dead action) and the executor. Field level: `action.*` is
 *   admin + SecOps; each executor-owned field (EXECUTOR_WRITABLE) has its own ACL for executor + admin +
 *   SecOps, so the executor writes exactly state, not_before, attempts, lease_owner, lease_until,
 *   last_error, result and completed_at (never grant, type, priority, idempotency key or reason).
 * - create (table): admin, SecOps and the executor (it schedules revoke / verify actions). Field level:
 *   `action.*` create is admin + SecOps, and each field of EXECUTOR_CREATABLE has a create ACL that adds the
 *   executor, so on insert it can set exactly grant, type, state, priority, not_before, max_attempts,
 *   idempotency_key and reason (not attempts, leases or results).
 * - delete: admin only.
 */

Acl({
    $id: Now.ID['acl-action-read'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    operation: 'read',
    roles: [agentRole, secopsRole, auditorRole, adminRole, executorRole],
    description: 'Agents, SecOps, auditors, admins and the executor read the queue.',
})

Acl({
    $id: Now.ID['acl-action-write'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    operation: 'write',
    roles: [adminRole, secopsRole, executorRole],
    description: 'Table-level write: admin, SecOps and the executor (field ACLs narrow the executor).',
})

Acl({
    $id: Now.ID['acl-action-write-any-field'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: '*',
    operation: 'write',
    roles: [adminRole, secopsRole],
    description: 'Every field not owned by the executor: admin and SecOps.',
})

Acl({
    $id: Now.ID['acl-action-write-state'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'state',
    operation: 'write',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-action-write-not_before'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'not_before',
    operation: 'write',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-action-write-attempts'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'attempts',
    operation: 'write',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-action-write-lease_owner'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'lease_owner',
    operation: 'write',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-action-write-lease_until'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'lease_until',
    operation: 'write',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-action-write-last_error'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'last_error',
    operation: 'write',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-action-write-result'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'result',
    operation: 'write',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-action-write-completed_at'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'completed_at',
    operation: 'write',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Executor-owned field.',
})

Acl({
    $id: Now.ID['acl-action-create'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    operation: 'create',
    roles: [adminRole, secopsRole, executorRole],
    description: 'Admin, SecOps and the executor (revoke / verify scheduling) create actions.',
})

Acl({
    $id: Now.ID['acl-action-create-any-field'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: '*',
    operation: 'create',
    roles: [adminRole, secopsRole],
    description: 'On insert, fields outside EXECUTOR_CREATABLE are set by admin / SecOps only.',
})

Acl({
    $id: Now.ID['acl-action-create-grant'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'grant',
    operation: 'create',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Field the executor may set when it schedules an action.',
})

Acl({
    $id: Now.ID['acl-action-create-type'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'type',
    operation: 'create',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Field the executor may set when it schedules an action.',
})

Acl({
    $id: Now.ID['acl-action-create-state'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'state',
    operation: 'create',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Field the executor may set when it schedules an action.',
})

Acl({
    $id: Now.ID['acl-action-create-priority'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'priority',
    operation: 'create',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Field the executor may set when it schedules an action.',
})

Acl({
    $id: Now.ID['acl-action-create-not_before'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'not_before',
    operation: 'create',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Field the executor may set when it schedules an action.',
})

Acl({
    $id: Now.ID['acl-action-create-max_attempts'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'max_attempts',
    operation: 'create',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Field the executor may set when it schedules an action.',
})

Acl({
    $id: Now.ID['acl-action-create-idempotency_key'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'idempotency_key',
    operation: 'create',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Field the executor may set when it schedules an action.',
})

Acl({
    $id: Now.ID['acl-action-create-reason'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    field: 'reason',
    operation: 'create',
    roles: [executorRole, adminRole, secopsRole],
    description: 'Field the executor may set when it schedules an action.',
})

Acl({
    $id: Now.ID['acl-action-delete'],
    type: 'record',
    table: 'x_gbg_breakglass_action',
    operation: 'delete',
    roles: [adminRole],
    description: 'Only an admin deletes a queue entry.',
})
