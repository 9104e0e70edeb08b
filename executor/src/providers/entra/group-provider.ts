/**
 * `entra-group`: temporary local admin through the Entra security group an Intune "Local users and groups"
 * policy puts into the device's local Administrators group (or any allowed group for `entra_group` targets).
 *
 * - mode `pim`: PIM for Groups `adminAssign` with `accessId: member` and an `afterDuration` expiration: Entra
 *   removes the membership itself at expiry.
 * - mode `members`: `POST /groups/{id}/members/$ref` and `DELETE /groups/{id}/members/{id}/$ref`. Entra has no
 *   clock here: the executor's revoke is the only one, and every result says so. `DELETE …/members/{id}`
 *   without `/$ref` deletes the user object; it is never built (and the Graph client refuses it).
 *
 * Windows keeps an already issued admin token until sign-out, so every result carries the sign-out note of
 * `signOutPolicy`.
 */
import type { ExecutionPlan } from '@gbg/shared'
import type {
    DirectoryObject,
    PrivilegedAccessGroupAssignmentScheduleInstance,
    PrivilegedAccessGroupAssignmentScheduleRequest,
} from '@microsoft/microsoft-graph-types'
import type { AuditedCall } from '../types'
import { ProviderError } from '../types'
import {
    grantMarker,
    keptStart,
    parseGrantMarker,
    type AssignmentBackend,
    type AssignOutcome,
    type Observed,
    type WriteArgs,
} from './assignment'
import { isGuid, type EntraGroupConfig } from './config'
import { isoDurationFromMinutes } from './duration'
import { GRAPH_CODES } from './errors'
import { eqFilter, graphPath, type GraphClient } from './graph-client'
import { checkRequestStatus, pimJustification, pimTicket, SUCCESS_STATUSES } from './role-provider'

const PIM_REQUESTS = '/identityGovernance/privilegedAccess/group/assignmentScheduleRequests'
const PIM_INSTANCES = '/identityGovernance/privilegedAccess/group/assignmentScheduleInstances'

/** The group a plan targets: approved plan's group id and the configured device mapping must agree. */
export function chooseGroup(plan: ExecutionPlan, cfg: EntraGroupConfig): string {
    const t = plan.target
    if (t.kind !== 'device_local_admin' && t.kind !== 'entra_group') {
        throw new ProviderError('fatal', `entra-group cannot grant a ${t.kind} target`, 'wrong_target')
    }
    const byDevice = t.deviceName ? cfg.groupsByDevice[t.deviceName] : undefined
    const byClass = t.deviceClass ? cfg.groupsByDeviceClass[t.deviceClass] : undefined
    const configured = byDevice ?? byClass
    const planned = t.groupId || undefined
    if (planned !== undefined && !isGuid(planned)) {
        throw new ProviderError('fatal', `plan group id "${planned}" is not a GUID`, 'invalid_plan')
    }
    if (planned && configured && planned.toLowerCase() !== configured.toLowerCase()) {
        // The approved plan and today's configuration disagree: acting on either could be wrong. Stop.
        throw new ProviderError(
            'fatal',
            `plan group ${planned} differs from the group configured for ${t.deviceName ?? t.deviceClass} (${configured})`,
            'group_mismatch',
        )
    }
    const groupId = planned ?? configured
    if (!groupId) {
        throw new ProviderError(
            'fatal',
            `no Entra group configured for device ${t.deviceName ?? '?'} (class ${t.deviceClass ?? '?'}) and the plan names none`,
            'group_not_configured',
        )
    }
    const allowed = [
        ...Object.values(cfg.groupsByDevice),
        ...Object.values(cfg.groupsByDeviceClass),
        ...cfg.allowedGroupIds,
    ]
    if (!allowed.some((g) => g.toLowerCase() === groupId.toLowerCase())) {
        throw new ProviderError(
            'fatal',
            `group ${groupId} is not one this provider manages (entra-group configuration)`,
            'group_not_allowed',
        )
    }
    return groupId
}

/** Notes every local-admin result carries (Windows token lifetime). */
export function signOutNotes(policy: EntraGroupConfig['signOutPolicy'], op: 'grant' | 'revoke'): string[] {
    const tokenNote = 'Windows keeps an existing admin token until sign-out'
    if (op === 'grant') {
        return [
            `Sign out and in again to use the admin rights (${tokenNote.toLowerCase()}).`,
            policy === 'forced'
                ? 'Access ends at expiry; a sign-out is forced at expiry.'
                : 'Access ends at expiry; a sign-out is required at expiry (the admin token of a running session lives until then).',
        ]
    }
    return [
        policy === 'forced'
            ? `Membership removed; a sign-out is forced now (${tokenNote.toLowerCase()}).`
            : `Membership removed; ${tokenNote.toLowerCase()}: the user must sign out now.`,
    ]
}

/** Is `principalId` a direct member of `groupId`? (advanced query: ConsistencyLevel + $count.) */
async function isMember(
    graph: GraphClient,
    groupId: string,
    principalId: string,
    calls: AuditedCall[],
    signal?: AbortSignal,
) {
    const members = await graph.list<DirectoryObject>(
        {
            path: graphPath`/groups/${groupId}/members`,
            query: { $filter: eqFilter({ id: principalId }), $count: 'true', $select: 'id' },
            headers: { ConsistencyLevel: 'eventual' },
            signal,
        },
        calls,
    )
    return members.some((m) => m.id?.toLowerCase() === principalId.toLowerCase())
}

/** PIM for Groups backend (native expiry). */
export class PimGroupBackend implements AssignmentBackend {
    readonly provider = 'entra-group' as const
    readonly nativeExpiry = true
    readonly preRegister = false

    constructor(
        private readonly graph: GraphClient,
        private readonly cfg: EntraGroupConfig,
        private readonly now: () => Date,
    ) {}

    target(plan: ExecutionPlan): string {
        return chooseGroup(plan, this.cfg)
    }

    async read(principalId: string, groupId: string, calls: AuditedCall[], signal?: AbortSignal): Promise<Observed> {
        const all = await this.graph.list<PrivilegedAccessGroupAssignmentScheduleInstance>(
            { path: PIM_INSTANCES, query: { $filter: eqFilter({ groupId, principalId }) }, signal },
            calls,
        )
        const instances = all.filter((i) => i.accessId === 'member')
        const primary = instances[0]
        const evidence: Record<string, unknown> = {
            instances: instances.map((i) => ({
                id: i.id,
                startDateTime: i.startDateTime,
                endDateTime: i.endDateTime,
                assignmentType: i.assignmentType,
                memberType: i.memberType,
                assignmentScheduleId: i.assignmentScheduleId,
            })),
        }
        if (primary) {
            return {
                present: true,
                start: primary.startDateTime ? new Date(primary.startDateTime) : undefined,
                end: primary.endDateTime ? new Date(primary.endDateTime) : null,
                scheduleId: primary.assignmentScheduleId ?? undefined,
                ids: [primary.assignmentScheduleId, primary.id].filter((x): x is string => typeof x === 'string'),
                evidence,
            }
        }
        // No PIM assignment: a plain membership made elsewhere still gives local admin.
        const member = await isMember(this.graph, groupId, principalId, calls, signal)
        evidence.directMember = member
        return member ? { present: true, end: null, ids: [], evidence } : { present: false, ids: [], evidence }
    }

    async traceOwners(principalId: string, groupId: string, obs: Observed, calls: AuditedCall[], signal?: AbortSignal) {
        if (!obs.scheduleId) return { grantSysIds: [], requestIds: [] }
        const requests = await this.graph.list<PrivilegedAccessGroupAssignmentScheduleRequest>(
            { path: PIM_REQUESTS, query: { $filter: eqFilter({ groupId, principalId }) }, signal },
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

    private body(
        a: WriteArgs,
        action: PrivilegedAccessGroupAssignmentScheduleRequest['action'],
    ): PrivilegedAccessGroupAssignmentScheduleRequest {
        return {
            accessId: 'member',
            principalId: a.principal.id,
            groupId: a.targetId,
            action,
            justification: pimJustification(
                a.plan,
                action === 'adminRemove' ? 'Revoke of break-glass grant' : 'Break-glass grant',
            ),
            ticketInfo: pimTicket(a.plan, this.cfg.ticketSystem),
            customData: grantMarker(a.plan.grantSysId, a.ctx.idempotencyKey),
        }
    }

    private async post(body: PrivilegedAccessGroupAssignmentScheduleRequest, a: WriteArgs, what: string) {
        const res = await this.graph.request<PrivilegedAccessGroupAssignmentScheduleRequest>(
            { method: 'POST', path: PIM_REQUESTS, body, signal: a.ctx.signal },
            a.calls,
        )
        checkRequestStatus(res.body, what)
        return res.body
    }

    async assign(a: WriteArgs): Promise<AssignOutcome> {
        const start = this.now()
        const req = await this.post(
            {
                ...this.body(a, 'adminAssign'),
                scheduleInfo: {
                    startDateTime: start.toISOString(),
                    expiration: { type: 'afterDuration', duration: isoDurationFromMinutes(a.plan.durationMinutes) },
                },
            },
            a,
            `PIM for Groups adminAssign to group ${a.targetId}`,
        )
        return {
            txnIds: [req.targetScheduleId, req.id].filter((x): x is string => typeof x === 'string'),
            end: new Date(start.getTime() + a.plan.durationMinutes * 60_000),
        }
    }

    async extend(a: WriteArgs, end: Date, obs: Observed, asExtension?: boolean): Promise<AssignOutcome> {
        // PIM for Groups takes the same actions as PIM for roles: adminExtend for an approved extension (from the
        // assignment's own start), adminUpdate for the overlap case.
        const action = asExtension ? 'adminExtend' : 'adminUpdate'
        const req = await this.post(
            {
                ...this.body(a, action),
                scheduleInfo: {
                    startDateTime: keptStart(obs, this.now()),
                    expiration: { type: 'afterDateTime', endDateTime: end.toISOString() },
                },
            },
            a,
            `PIM for Groups ${action} of group ${a.targetId}`,
        )
        return { txnIds: [req.targetScheduleId, req.id].filter((x): x is string => typeof x === 'string'), end }
    }

    async remove(a: WriteArgs): Promise<{ txnIds: string[] }> {
        const req = await this.post(
            this.body(a, 'adminRemove'),
            a,
            `PIM for Groups adminRemove from group ${a.targetId}`,
        )
        return { txnIds: req.id ? [req.id] : [] }
    }

    isExistsError(e: ProviderError): boolean {
        return e.code === GRAPH_CODES.assignmentExists
    }

    isAbsentError(e: ProviderError): boolean {
        return e.code === GRAPH_CODES.assignmentDoesNotExist
    }

    notes(op: 'grant' | 'revoke'): string[] {
        return signOutNotes(this.cfg.signOutPolicy, op)
    }
}

/** Plain `$ref` membership backend (no native expiry). */
export class MembersGroupBackend implements AssignmentBackend {
    readonly provider = 'entra-group' as const
    readonly nativeExpiry = false
    /** Graph keeps no marker on a membership: register the holder before the add so a lost response is ours. */
    readonly preRegister = true

    constructor(
        private readonly graph: GraphClient,
        private readonly cfg: EntraGroupConfig,
    ) {}

    target(plan: ExecutionPlan): string {
        return chooseGroup(plan, this.cfg)
    }

    async read(principalId: string, groupId: string, calls: AuditedCall[], signal?: AbortSignal): Promise<Observed> {
        const member = await isMember(this.graph, groupId, principalId, calls, signal)
        return member
            ? { present: true, end: null, ids: [`${groupId}/members/${principalId}`], evidence: { directMember: true } }
            : { present: false, ids: [], evidence: { directMember: false } }
    }

    async traceOwners() {
        return { grantSysIds: [], requestIds: [] }
    }

    async assign(a: WriteArgs): Promise<AssignOutcome> {
        await this.graph.request(
            {
                method: 'POST',
                path: graphPath`/groups/${a.targetId}/members/$ref`,
                body: { '@odata.id': `${this.graph.baseUrl}/directoryObjects/${a.principal.id}` },
                signal: a.ctx.signal,
            },
            a.calls,
        )
        return { txnIds: [`${a.targetId}/members/${a.principal.id}`], end: null }
    }

    async extend(): Promise<AssignOutcome> {
        throw new ProviderError('fatal', 'plain group membership has no end to extend', 'not_supported')
    }

    async remove(a: WriteArgs): Promise<{ txnIds: string[] }> {
        // Always `/$ref`: without it Graph deletes the user object, not the membership.
        await this.graph.request(
            {
                method: 'DELETE',
                path: graphPath`/groups/${a.targetId}/members/${a.principal.id}/$ref`,
                signal: a.ctx.signal,
            },
            a.calls,
        )
        return { txnIds: [] }
    }

    isExistsError(e: ProviderError): boolean {
        const msg = String(e.details?.graphMessage ?? '')
        return e.code === GRAPH_CODES.badRequest && /already exist/i.test(msg)
    }

    isAbsentError(e: ProviderError): boolean {
        return e.code === GRAPH_CODES.notFound && e.details?.status === 404
    }

    notes(op: 'grant' | 'revoke'): string[] {
        const clock =
            op === 'grant'
                ? ['Entra has no expiry for this membership: the executor’s revoke at expiry is the only clock.']
                : []
        return [...clock, ...signOutNotes(this.cfg.signOutPolicy, op)]
    }
}
