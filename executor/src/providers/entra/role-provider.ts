/**
 * `entra-role`: a Microsoft Entra directory role through PIM for roles. Grant = `adminAssign` with
 * `scheduleInfo.expiration {type: afterDuration, duration: PT…}` so Entra ends the access itself even if every
 * executor is down; revoke = `adminRemove`; verify = `roleAssignmentScheduleInstances` filtered by principal
 * and role. Overlap, drift and reconciliation are in `assignment.ts`.
 */
import type { ExecutionPlan } from '@gbg/shared'
import type {
    UnifiedRoleAssignmentScheduleInstance,
    UnifiedRoleAssignmentScheduleRequest,
    UnifiedRoleEligibilityScheduleInstance,
} from '@microsoft/microsoft-graph-types'
import type { AuditedCall } from '../types'
import { ProviderError } from '../types'
import {
    grantMarker,
    keptStart,
    parseGrantMarker,
    type AssignmentBackend,
    type AssignOutcome,
    type Followup,
    type Observed,
    type WriteArgs,
} from './assignment'
import { isGuid, type EntraRoleConfig } from './config'
import { isoDurationFromMinutes } from './duration'
import { GRAPH_CODES } from './errors'
import { eqFilter, type GraphClient } from './graph-client'

const REQUESTS = '/roleManagement/directory/roleAssignmentScheduleRequests'
const INSTANCES = '/roleManagement/directory/roleAssignmentScheduleInstances'
/** Graph v1.0 "List roleEligibilityScheduleInstances" (https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityscheduleinstances). */
const ELIGIBILITIES = '/roleManagement/directory/roleEligibilityScheduleInstances'

/** Request statuses that mean the change is made (or scheduled) at Entra. */
export const SUCCESS_STATUSES = [
    'Provisioned',
    'Granted',
    'PendingProvisioning',
    'PendingScheduleCreation',
    'ScheduleCreated',
    'Revoked',
]
/** Request statuses that wait for a human in Entra PIM. */
export const PENDING_STATUSES = ['PendingApproval', 'PendingAdminDecision']

/** Turn a schedule request's `status` into success or a ProviderError. */
export function checkRequestStatus(
    req: { id?: string; status?: string | null; approvalId?: string | null },
    what: string,
): void {
    const status = req.status ?? ''
    if (SUCCESS_STATUSES.includes(status)) return
    const details = { requestId: req.id, approvalId: req.approvalId ?? undefined, status }
    if (PENDING_STATUSES.includes(status)) {
        throw new ProviderError(
            'halted',
            `${what} is waiting for approval in Entra PIM (request ${req.id}, approval ${req.approvalId ?? 'n/a'})`,
            status,
            undefined,
            details,
        )
    }
    throw new ProviderError(
        'fatal',
        `${what} ended in status ${status || 'unknown'} (request ${req.id})`,
        status || 'unknown_status',
        undefined,
        details,
    )
}

/** Justification sent to PIM: the approved text plus the grant number (a human-readable marker). */
export function pimJustification(plan: ExecutionPlan, verb = 'Break-glass grant'): string {
    return `${verb} ${plan.grantNumber}: ${plan.justification}`.slice(0, 500)
}

/** `ticketInfo` from the plan: RITM, else incident, else change, else the grant number. */
export function pimTicket(plan: ExecutionPlan, ticketSystem: string): { ticketNumber: string; ticketSystem: string } {
    return {
        ticketNumber: plan.tickets.ritm || plan.tickets.incident || plan.tickets.change || plan.grantNumber,
        ticketSystem,
    }
}

/** PIM for roles backend. */
export class RoleBackend implements AssignmentBackend {
    readonly provider = 'entra-role' as const
    readonly nativeExpiry = true
    readonly preRegister = false

    constructor(
        private readonly graph: GraphClient,
        private readonly cfg: EntraRoleConfig,
        private readonly now: () => Date,
    ) {}

    target(plan: ExecutionPlan): string {
        if (plan.target.kind !== 'entra_role') {
            throw new ProviderError('fatal', `entra-role cannot grant a ${plan.target.kind} target`, 'wrong_target')
        }
        const roleId = plan.target.roleId
        if (!isGuid(roleId))
            throw new ProviderError('fatal', `plan role id "${String(roleId)}" is not a GUID`, 'invalid_plan')
        if (
            this.cfg.allowedRoleIds.length > 0 &&
            !this.cfg.allowedRoleIds.some((r) => r.toLowerCase() === roleId.toLowerCase())
        ) {
            throw new ProviderError('fatal', `role ${roleId} is not in entra-role.allowedRoleIds`, 'role_not_allowed')
        }
        return roleId
    }

    async read(principalId: string, roleId: string, calls: AuditedCall[], signal?: AbortSignal): Promise<Observed> {
        const all = await this.graph.list<UnifiedRoleAssignmentScheduleInstance>(
            { path: INSTANCES, query: { $filter: eqFilter({ principalId, roleDefinitionId: roleId }) }, signal },
            calls,
        )
        const instances = all.filter((i) => (i.directoryScopeId ?? '/') === this.cfg.directoryScopeId)
        const evidence = {
            instances: instances.map((i) => ({
                id: i.id,
                startDateTime: i.startDateTime,
                endDateTime: i.endDateTime,
                assignmentType: i.assignmentType,
                memberType: i.memberType,
                roleAssignmentScheduleId: i.roleAssignmentScheduleId,
            })),
        }
        const primary = instances.find((i) => i.memberType === 'Direct') ?? instances[0]
        if (!primary) return { present: false, ids: [], evidence }
        return {
            present: true,
            start: primary.startDateTime ? new Date(primary.startDateTime) : undefined,
            end: primary.endDateTime ? new Date(primary.endDateTime) : null,
            scheduleId: primary.roleAssignmentScheduleId ?? undefined,
            ids: [primary.roleAssignmentScheduleId, primary.id].filter((x): x is string => typeof x === 'string'),
            evidence,
        }
    }

    async traceOwners(principalId: string, roleId: string, obs: Observed, calls: AuditedCall[], signal?: AbortSignal) {
        if (!obs.scheduleId) return { grantSysIds: [], requestIds: [] }
        const requests = await this.graph.list<UnifiedRoleAssignmentScheduleRequest>(
            { path: REQUESTS, query: { $filter: eqFilter({ principalId, roleDefinitionId: roleId }) }, signal },
            calls,
        )
        const ours = requests.filter(
            (r) =>
                r.targetScheduleId === obs.scheduleId &&
                r.action !== 'adminRemove' &&
                SUCCESS_STATUSES.includes(r.status ?? ''),
        )
        return {
            grantSysIds: ours.map((r) => parseGrantMarker(r.customData)).filter((g): g is string => g !== undefined),
            requestIds: ours.map((r) => r.id).filter((id): id is string => typeof id === 'string'),
        }
    }

    private async post(body: UnifiedRoleAssignmentScheduleRequest, calls: AuditedCall[], signal?: AbortSignal) {
        const res = await this.graph.request<UnifiedRoleAssignmentScheduleRequest>(
            { method: 'POST', path: REQUESTS, body, signal },
            calls,
        )
        return res.body
    }

    private baseBody(
        a: WriteArgs,
        action: UnifiedRoleAssignmentScheduleRequest['action'],
    ): UnifiedRoleAssignmentScheduleRequest {
        return {
            action,
            principalId: a.principal.id,
            roleDefinitionId: a.targetId,
            directoryScopeId: this.cfg.directoryScopeId,
            justification: pimJustification(
                a.plan,
                action === 'adminRemove' ? 'Revoke of break-glass grant' : 'Break-glass grant',
            ),
            ticketInfo: pimTicket(a.plan, this.cfg.ticketSystem),
            customData: grantMarker(a.plan.grantSysId, a.ctx.idempotencyKey),
        }
    }

    async assign(a: WriteArgs, _end: Date): Promise<AssignOutcome> {
        const start = this.now()
        const body: UnifiedRoleAssignmentScheduleRequest = {
            ...this.baseBody(a, 'adminAssign'),
            scheduleInfo: {
                startDateTime: start.toISOString(),
                expiration: { type: 'afterDuration', duration: isoDurationFromMinutes(a.plan.durationMinutes) },
            },
        }
        const req = await this.post(body, a.calls, a.ctx.signal)
        checkRequestStatus(req, `adminAssign of role ${a.targetId}`)
        return {
            txnIds: [req.targetScheduleId, req.id].filter((x): x is string => typeof x === 'string'),
            end: new Date(start.getTime() + a.plan.durationMinutes * 60_000),
        }
    }

    async extend(a: WriteArgs, end: Date, obs: Observed, asExtension?: boolean): Promise<AssignOutcome> {
        // Overlap: adminUpdate moves the end of the live schedule. An approved extension: adminExtend ("for
        // administrators to extend expiring assignments", Graph v1.0 Create roleAssignmentScheduleRequests) from the
        // assignment's own start, so the role's maximum-duration rule (ExpirationRule) judges the whole assignment.
        // afterDateTime keeps the exact later expiry.
        const action = asExtension ? 'adminExtend' : 'adminUpdate'
        const body: UnifiedRoleAssignmentScheduleRequest = {
            ...this.baseBody(a, action),
            scheduleInfo: {
                startDateTime: keptStart(obs, this.now()),
                expiration: { type: 'afterDateTime', endDateTime: end.toISOString() },
            },
        }
        const req = await this.post(body, a.calls, a.ctx.signal)
        checkRequestStatus(req, `${action} of role ${a.targetId}`)
        return { txnIds: [req.targetScheduleId, req.id].filter((x): x is string => typeof x === 'string'), end }
    }

    async remove(a: WriteArgs): Promise<{ txnIds: string[] }> {
        const req = await this.post(this.baseBody(a, 'adminRemove'), a.calls, a.ctx.signal)
        checkRequestStatus(req, `adminRemove of role ${a.targetId}`)
        return { txnIds: req.id ? [req.id] : [] }
    }

    isExistsError(e: ProviderError): boolean {
        return e.code === GRAPH_CODES.assignmentExists
    }

    isAbsentError(e: ProviderError): boolean {
        return e.code === GRAPH_CODES.assignmentDoesNotExist
    }

    /**
     * PIM eligibility and the principal's current role assignments, read before the grant (seed 001 "confirm target
     * user exists and is eligible"; "pull user + current role assignments from Entra"). Reported on the ticket
     * through the grant's notes and evidence; `eligibility: required` refuses a principal with no eligibility.
     */
    async precheck(a: WriteArgs): Promise<Followup> {
        const principalId = a.principal.id
        const eligible = (
            await this.graph.list<UnifiedRoleEligibilityScheduleInstance>(
                {
                    path: ELIGIBILITIES,
                    query: { $filter: eqFilter({ principalId, roleDefinitionId: a.targetId }) },
                    signal: a.ctx.signal,
                },
                a.calls,
            )
        ).filter((e) => (e.directoryScopeId ?? '/') === this.cfg.directoryScopeId)
        const held = await this.graph.list<UnifiedRoleAssignmentScheduleInstance>(
            { path: INSTANCES, query: { $filter: eqFilter({ principalId }) }, signal: a.ctx.signal },
            a.calls,
        )
        const evidence = {
            eligibility: this.cfg.eligibility,
            eligible: eligible.length > 0,
            eligibilities: eligible.map((e) => ({
                id: e.id,
                memberType: e.memberType,
                startDateTime: e.startDateTime,
                endDateTime: e.endDateTime ?? null,
            })),
            currentAssignments: held.map((i) => ({
                roleDefinitionId: i.roleDefinitionId,
                directoryScopeId: i.directoryScopeId,
                assignmentType: i.assignmentType,
                memberType: i.memberType,
                endDateTime: i.endDateTime ?? null,
            })),
        }
        const who = a.principal.userPrincipalName
        const role = a.plan.target.kind === 'entra_role' ? (a.plan.target.roleName ?? a.targetId) : a.targetId
        if (eligible.length === 0 && this.cfg.eligibility === 'required') {
            throw new ProviderError(
                'fatal',
                `${who} is not eligible for the Entra role ${role} in PIM: nothing was assigned (ask an identity ` +
                    'administrator to make the user eligible, or refuse the request)',
                'not_eligible',
                undefined,
                evidence,
            )
        }
        const others = held.filter((i) => i.roleDefinitionId !== a.targetId)
        const heldList = others.map((i) => i.roleDefinitionId ?? '?')
        const notes = [
            eligible.length > 0
                ? `Entra check: ${who} is eligible for ${role} in PIM`
                : `Entra check: ${who} has NO PIM eligibility for ${role} (eligibility is only reported by configuration)`,
            heldList.length === 0
                ? `Entra check: ${who} held no other directory role before this grant`
                : `Entra check: ${who} already holds ${heldList.length} other directory role assignment(s): ${heldList.join(', ')}`,
        ]
        return { notes, evidence: evidence }
    }

    /**
     * After a high-risk role (Global Administrator, `revokeSessionsRoleIds`, or a plan the policy marked high-risk)
     * is gone: revoke the user's sign-in sessions so refresh tokens and browser sessions issued during the elevation
     * stop working (seed 001; Graph v1.0 "user: revokeSignInSessions", https://learn.microsoft.com/graph/api/user-revokesigninsessions,
     * application permission `User.RevokeSessions.All`). The evidence is Graph's answer and the user's
     * `signInSessionsValidFromDateTime` read back. Any failure throws: the revoke is retried (and, past its attempts,
     * raises the revoke-failed incident) until the sessions are revoked.
     */
    async afterRevoke(a: WriteArgs): Promise<Followup> {
        const listed = this.cfg.revokeSessionsRoleIds.some((r) => r.toLowerCase() === a.targetId.toLowerCase())
        if (!listed && !a.plan.highRisk) return { notes: [], evidence: {} }
        const userId = a.principal.id
        if (!isGuid(userId))
            throw new ProviderError('fatal', `principal id ${userId} is not a GUID`, 'invalid_principal')
        const res = await this.graph.request<{ value?: unknown }>(
            { method: 'POST', path: `/users/${userId}/revokeSignInSessions`, signal: a.ctx.signal },
            a.calls,
        )
        if (res.body?.value !== true) {
            throw new ProviderError(
                'retryable',
                `revokeSignInSessions for ${a.principal.userPrincipalName} did not answer true`,
                'sessions_not_revoked',
                30_000,
            )
        }
        const user = await this.graph.request<{ signInSessionsValidFromDateTime?: string | null }>(
            {
                method: 'GET',
                path: `/users/${userId}`,
                query: { $select: 'id,signInSessionsValidFromDateTime' },
                signal: a.ctx.signal,
            },
            a.calls,
        )
        const validFrom = user.body?.signInSessionsValidFromDateTime ?? null
        const requestedAt = this.now()
        // Graph sets the property to "now" on its clock; a value older than a minute before our call means the
        // revocation did not take (or the read is stale): retry rather than claim evidence we do not have.
        if (!validFrom || Date.parse(validFrom) < requestedAt.getTime() - 60_000) {
            throw new ProviderError(
                'retryable',
                `signInSessionsValidFromDateTime of ${a.principal.userPrincipalName} is ${validFrom ?? 'unset'} after revokeSignInSessions`,
                'sessions_not_revoked',
                30_000,
            )
        }
        return {
            notes: [
                `sign-in sessions of ${a.principal.userPrincipalName} revoked (tokens issued before ${validFrom} no longer work; ` +
                    'Entra may take a few minutes to apply it)',
            ],
            evidence: {
                sessionRevocation: {
                    userId,
                    reason: listed ? 'role listed for session revocation' : 'high-risk grant',
                    signInSessionsValidFromDateTime: validFrom,
                },
            },
        }
    }

    notes(op: 'grant' | 'revoke'): string[] {
        return op === 'grant'
            ? [
                  'Entra ends the role assignment at expiry by itself; sign out and in again (or reopen the admin portal) to use it',
              ]
            : []
    }
}
