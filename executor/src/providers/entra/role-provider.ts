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
} from '@microsoft/microsoft-graph-types'
import type { AuditedCall } from '../types'
import { ProviderError } from '../types'
import {
    grantMarker,
    parseGrantMarker,
    type AssignmentBackend,
    type AssignOutcome,
    type Observed,
    type WriteArgs,
} from './assignment'
import { isGuid, type EntraRoleConfig } from './config'
import { isoDurationFromMinutes } from './duration'
import { GRAPH_CODES } from './errors'
import { eqFilter, type GraphClient } from './graph-client'

const REQUESTS = '/roleManagement/directory/roleAssignmentScheduleRequests'
const INSTANCES = '/roleManagement/directory/roleAssignmentScheduleInstances'

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

    async extend(a: WriteArgs, end: Date): Promise<AssignOutcome> {
        // adminUpdate moves the end of the live schedule; afterDateTime keeps the exact later expiry.
        const body: UnifiedRoleAssignmentScheduleRequest = {
            ...this.baseBody(a, 'adminUpdate'),
            scheduleInfo: {
                startDateTime: this.now().toISOString(),
                expiration: { type: 'afterDateTime', endDateTime: end.toISOString() },
            },
        }
        const req = await this.post(body, a.calls, a.ctx.signal)
        checkRequestStatus(req, `adminUpdate of role ${a.targetId}`)
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

    notes(op: 'grant' | 'revoke'): string[] {
        return op === 'grant'
            ? [
                  'Entra ends the role assignment at expiry by itself; sign out and in again (or reopen the admin portal) to use it',
              ]
            : []
    }
}
