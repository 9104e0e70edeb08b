import { Acl } from '@servicenow/sdk/core'
import { canReadAsRouteApprover, canShortenAsPendingApprover } from '../../server/approver-access'
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
 * The people the approval route asks (the requester's manager, a second approver, escalation approvers) hold no app
 * role as such: nothing assigns one to a manager. Their access comes from being asked, judged by who acts
 * (server/approver-access.ts, reading the route stored on the grant and the approval records the app created):
 * - read: an approver the route asked on this grant (before or after their vote);
 * - write: only while their own approval of this grant is still open (`requested`), only while the grant awaits
 *   approval, and only approved_duration (every other field stays behind the admin-only `grant.*`). The business
 *   rule "approvers may only shorten the duration" refuses a longer value or one below the policy minimum.
 * Holders of the approver role still read every grant (acl-grant-read) but write nothing through that role.
 */
Acl({
    $id: Now.ID['acl-grant-read-route-approver'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'read',
    roles: [],
    script: canReadAsRouteApprover,
    description: 'An approver the approval route asked on this grant reads it (no role needed).',
})

Acl({
    $id: Now.ID['acl-grant-write-approver'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'write',
    roles: [],
    condition: 'state=awaiting_approval^EQ',
    script: canShortenAsPendingApprover,
    description:
        'An approver whose approval of this grant is still open may update it while it awaits approval (field ACLs narrow it to approved_duration).',
})

Acl({
    $id: Now.ID['acl-grant-write-approved_duration'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'approved_duration',
    operation: 'write',
    roles: [adminRole],
    description: 'Admins may set the approved duration (the business rule still refuses a longer one).',
})

Acl({
    $id: Now.ID['acl-grant-write-approved_duration-pending-approver'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'approved_duration',
    operation: 'write',
    roles: [],
    script: canShortenAsPendingApprover,
    description: 'An approver whose approval of this grant is still open shortens the duration before voting.',
})
