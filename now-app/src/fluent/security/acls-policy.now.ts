import { Acl } from '@servicenow/sdk/core'
import { adminRole, agentRole, approverRole, auditorRole, executorRole, secopsRole } from './roles.now'

/*
 * ACLs of x_gbg_breakglass_policy (policy as data).
 *
 * - read: approver, agent, SecOps, auditor, admin, and the executor (its recheck gate re-runs policy).
 * - write / create / delete: admin and SecOps only. The executor never changes policy.
 */

Acl({
    $id: Now.ID['acl-policy-read'],
    type: 'record',
    table: 'x_gbg_breakglass_policy',
    operation: 'read',
    roles: [approverRole, agentRole, secopsRole, auditorRole, adminRole, executorRole],
    description: 'Approvers, agents, SecOps, auditors, admins and the executor read policies.',
})

Acl({
    $id: Now.ID['acl-policy-write'],
    type: 'record',
    table: 'x_gbg_breakglass_policy',
    operation: 'write',
    roles: [adminRole, secopsRole],
    description: 'Policies are maintained by admins and SecOps only.',
})

Acl({
    $id: Now.ID['acl-policy-create'],
    type: 'record',
    table: 'x_gbg_breakglass_policy',
    operation: 'create',
    roles: [adminRole, secopsRole],
    description: 'Policies are maintained by admins and SecOps only.',
})

Acl({
    $id: Now.ID['acl-policy-delete'],
    type: 'record',
    table: 'x_gbg_breakglass_policy',
    operation: 'delete',
    roles: [adminRole, secopsRole],
    description: 'Policies are maintained by admins and SecOps only.',
})

/*
 * Two-person rule on policy changes (server/policy-confirmation.ts): only SecOps write confirmed_digest (the
 * confirmation); edited_by, confirmed_by and confirmed_at are stamped by the before rule and writable by admin
 * only. The rule itself refuses a confirmation by the policy's last editor.
 */
Acl({
    $id: Now.ID['acl-policy-write-confirmed-digest'],
    type: 'record',
    table: 'x_gbg_breakglass_policy',
    field: 'confirmed_digest',
    operation: 'write',
    roles: [secopsRole],
    description: 'Only SecOps confirm a policy change (never the person who made it: enforced by the rule).',
})

Acl({
    $id: Now.ID['acl-policy-write-edited-by'],
    type: 'record',
    table: 'x_gbg_breakglass_policy',
    field: 'edited_by',
    operation: 'write',
    roles: [adminRole],
    description: 'Stamped by the policy confirmation rule.',
})

Acl({
    $id: Now.ID['acl-policy-write-confirmed-by'],
    type: 'record',
    table: 'x_gbg_breakglass_policy',
    field: 'confirmed_by',
    operation: 'write',
    roles: [adminRole],
    description: 'Stamped by the policy confirmation rule.',
})

Acl({
    $id: Now.ID['acl-policy-write-confirmed-at'],
    type: 'record',
    table: 'x_gbg_breakglass_policy',
    field: 'confirmed_at',
    operation: 'write',
    roles: [adminRole],
    description: 'Stamped by the policy confirmation rule.',
})
