/**
 * The app's Scripted REST API for the executor (GET /api/x_gbg_breakglass/executor/…, ACL: executor role only).
 *
 * The executor's integration user holds only `x_gbg_breakglass.executor`, which reads no platform table on a stock
 * instance. What its recheck gate must know from platform tables (approvals, users and their groups, the target
 * CI, the linked incident / change, the app's properties) is gathered here, by the app's server code with the
 * app's cross-scope read privileges, in ONE call per gate. This module only gathers facts: the executor judges
 * them itself, with the same shared code the app used (an independent recheck).
 *
 * Input: a path parameter that must be a sys_id (checked before any query; nothing is built from request text).
 * A grant that does not exist (or the caller cannot read) → 404; a malformed sys_id → 400; no executor role → 403.
 */
import { failureRoute } from './failure-routing'
import { gs, GlideRecord } from '@servicenow/glide'
import { str } from './glide-io'
import { parseBooleanField } from './shared/booleans'
import {
    APP_APPROVAL_FIELDS,
    APP_TASK_FIELDS,
    COMPUTER_FIELDS,
    GROUP_MEMBER_FIELDS,
    PRODUCTION_USED_FOR,
    SERVER_CLASS,
    SYSTEM_FIELDS,
    USER_FIELDS,
} from './shared/platform'
import { parsePlan } from './shared/plan'
import {
    AUDIT_FIELDS,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    PROPERTY,
    ROLE,
    TABLE,
    isSysId,
    type AppSettingsFacts,
    type ExecutorContextFacts,
    type GateFacts,
    type GateFactsApproval,
    type GateFactsChange,
    type GateFactsComputer,
    type GateFactsIncident,
    type GateFactsUser,
} from './shared/schema'

/** The audit event the app records each accepted vote as (its voter is a person the gate looks up). */
const VOTE_EVENT = 'approval.vote'
/** sys_user field holding the user's time zone (empty: the instance default). */
const USER_TIME_ZONE = 'time_zone'
/** The instance default time zone when neither the session nor the user names one. */
const DEFAULT_TIME_ZONE = 'GMT'
/** Most users one facts answer lists (approvers of a route are a handful; a flood is not a real grant). */
const MAX_USERS = 200

/** Answer `status` with a JSON body. */
function answer(response: any, status: number, body: unknown): void {
    response.setStatus(status)
    response.setBody(body)
}

/** The caller may use this API: the executor role (admin holds every role on the platform). */
function authorised(response: any): boolean {
    if (gs.hasRole(ROLE.executor)) return true
    answer(response, 403, { error: 'forbidden', message: `The caller needs the ${ROLE.executor} role.` })
    return false
}

/** A true/false field as the instance stores it ('1'/'0' from getValue, 'true'/'false' elsewhere). */
function flag(gr: any, field: string): boolean {
    return parseBooleanField(str(gr, field)) === true
}

/** The app's properties the executor judges with, as stored (it parses them with the shared parsers). */
function settings(): AppSettingsFacts {
    const raw = (name: string): string | null => {
        const v: unknown = gs.getProperty(name)
        return v === null || v === undefined ? null : String(v)
    }
    return {
        integration_enabled: raw(PROPERTY.integrationEnabled),
        default_max_duration_minutes: raw(PROPERTY.defaultMaxDuration),
    }
}

/** Group sys_ids of a user. */
function groupsOf(userSysId: string): string[] {
    const out: string[] = []
    const gr = new GlideRecord(PLATFORM_TABLE.groupMember)
    gr.addQuery(GROUP_MEMBER_FIELDS.user, userSysId)
    gr.query()
    while (gr.next()) {
        const g = str(gr, GROUP_MEMBER_FIELDS.group)
        if (isSysId(g) && out.indexOf(g) < 0) out.push(g)
    }
    return out.sort()
}

function userFacts(sysId: string): GateFactsUser | null {
    const gr = new GlideRecord(PLATFORM_TABLE.user)
    if (!gr.get(sysId)) return null
    return {
        sys_id: sysId,
        user_name: str(gr, USER_FIELDS.userName),
        name: str(gr, USER_FIELDS.name),
        email: str(gr, USER_FIELDS.email),
        active: flag(gr, USER_FIELDS.active),
        groups: groupsOf(sysId),
    }
}

function computerFacts(sysId: string): GateFactsComputer | null {
    const gr = new GlideRecord(PLATFORM_TABLE.computer)
    if (!gr.get(sysId)) return null
    const declared = str(gr, COMPUTER_FIELDS.deviceClass)
    return {
        sys_id: sysId,
        name: str(gr, COMPUTER_FIELDS.name),
        // A server CI stored in cmdb_ci_server without the custom column is still a server.
        device_class: declared !== '' ? declared : str(gr, SYSTEM_FIELDS.className) === SERVER_CLASS ? 'server' : '',
        production: str(gr, COMPUTER_FIELDS.usedFor) === PRODUCTION_USED_FOR,
        corp_managed: parseBooleanField(str(gr, COMPUTER_FIELDS.corpManaged)),
    }
}

function incidentFacts(sysId: string): GateFactsIncident | null {
    const gr = new GlideRecord(PLATFORM_TABLE.incident)
    if (!gr.get(sysId)) return null
    const whole = (field: string, fallback: number): number => {
        const v = str(gr, field)
        return /^-?[0-9]+$/.test(v) ? parseInt(v, 10) : fallback
    }
    return {
        sys_id: sysId,
        number: str(gr, APP_TASK_FIELDS.number),
        priority: whole(APP_TASK_FIELDS.priority, 5),
        active: flag(gr, APP_TASK_FIELDS.active),
        state: str(gr, APP_TASK_FIELDS.state),
        caller_id: str(gr, APP_TASK_FIELDS.callerId),
        assigned_to: str(gr, APP_TASK_FIELDS.assignedTo),
        assignment_group: str(gr, APP_TASK_FIELDS.assignmentGroup),
        cmdb_ci: str(gr, APP_TASK_FIELDS.cmdbCi),
        sys_mod_count: whole(SYSTEM_FIELDS.modCount, -1),
        sys_updated_on: str(gr, SYSTEM_FIELDS.updatedOn),
    }
}

function changeFacts(sysId: string): GateFactsChange | null {
    const gr = new GlideRecord(PLATFORM_TABLE.change)
    if (!gr.get(sysId)) return null
    return {
        sys_id: sysId,
        number: str(gr, APP_TASK_FIELDS.number),
        active: flag(gr, APP_TASK_FIELDS.active),
        state: str(gr, APP_TASK_FIELDS.state),
        start_date: str(gr, APP_TASK_FIELDS.startDate),
        end_date: str(gr, APP_TASK_FIELDS.endDate),
        cmdb_ci: str(gr, APP_TASK_FIELDS.cmdbCi),
        requested_by: str(gr, APP_TASK_FIELDS.requestedBy),
        assigned_to: str(gr, APP_TASK_FIELDS.assignedTo),
        assignment_group: str(gr, APP_TASK_FIELDS.assignmentGroup),
    }
}

/** Approval records of one query, each once (by sys_id), in update order. */
function approvals(field: string, value: string, sourceTable: string, into: GateFactsApproval[]): void {
    const gr = new GlideRecord(PLATFORM_TABLE.approval)
    gr.addQuery(field, value)
    if (sourceTable) gr.addQuery(APP_APPROVAL_FIELDS.sourceTable, sourceTable)
    gr.orderBy(SYSTEM_FIELDS.updatedOn)
    gr.query()
    while (gr.next()) {
        const sysId = String(gr.getUniqueValue())
        if (into.some((a) => a.sys_id === sysId)) continue
        into.push({
            sys_id: sysId,
            approver: str(gr, APP_APPROVAL_FIELDS.approver),
            state: str(gr, APP_APPROVAL_FIELDS.state),
            document_id: str(gr, APP_APPROVAL_FIELDS.documentId),
            source_table: str(gr, APP_APPROVAL_FIELDS.sourceTable),
            sysapproval: str(gr, APP_APPROVAL_FIELDS.sysapproval),
            sys_updated_on: str(gr, SYSTEM_FIELDS.updatedOn),
        })
    }
}

/** Voters named by the grant's `approval.vote` events (the gate looks each one up). */
function votersOf(grantSysId: string): string[] {
    const out: string[] = []
    const gr = new GlideRecord(TABLE.auditEvent)
    gr.addQuery(AUDIT_FIELDS.grant, grantSysId)
    gr.addQuery(AUDIT_FIELDS.eventType, VOTE_EVENT)
    gr.query()
    while (gr.next()) {
        try {
            const payload = JSON.parse(str(gr, AUDIT_FIELDS.payload)) as { voter?: unknown }
            if (typeof payload.voter === 'string' && isSysId(payload.voter)) out.push(payload.voter)
        } catch {
            // A payload that does not parse names nobody.
        }
    }
    return out
}

/** Approvers named on the grant's stored route (policy_decision.assignments). */
function routeAssignees(policyDecision: string): string[] {
    try {
        const v = JSON.parse(policyDecision || '{}') as { assignments?: unknown }
        if (!Array.isArray(v.assignments)) return []
        return v.assignments
            .map((a) => (a && typeof a === 'object' ? (a as { approverSysId?: unknown }).approverSysId : ''))
            .filter((id): id is string => typeof id === 'string' && isSysId(id))
    } catch {
        return []
    }
}

/**
 * GET /api/x_gbg_breakglass/executor/grants/{grant_sys_id}/facts — the facts the executor's recheck gate judges
 * for one grant ({@link GateFacts}).
 */
export function executorGateFacts(request: any, response: any): void {
    if (!authorised(response)) return
    const params = request && request.pathParams ? request.pathParams : {}
    const grantSysId = String(
        params.grant_sys_id === undefined || params.grant_sys_id === null ? '' : params.grant_sys_id,
    )
    if (!isSysId(grantSysId)) {
        return answer(response, 400, {
            error: 'invalid request',
            message: 'grant_sys_id must be a sys_id (32 lowercase hex).',
        })
    }
    const grant = new GlideRecord(TABLE.grant)
    if (!grant.get(grantSysId)) return answer(response, 404, { error: 'not found', message: `No grant ${grantSysId}.` })

    const ritm = str(grant, GRANT_FIELDS.ritm)
    const list: GateFactsApproval[] = []
    approvals(APP_APPROVAL_FIELDS.documentId, grantSysId, TABLE.grant, list)
    if (isSysId(ritm)) approvals(APP_APPROVAL_FIELDS.sysapproval, ritm, '', list)

    // The people the gate needs: the requested-for user (and the plan's principal), whoever opened the request,
    // every approver, every recorded voter, everyone on the stored route.
    const parsed = parsePlan(str(grant, GRANT_FIELDS.plan))
    const plan = parsed.ok ? parsed.plan : null
    const people: string[] = [str(grant, GRANT_FIELDS.requestedFor), str(grant, GRANT_FIELDS.openedBy)]
    if (plan) people.push(plan.principal.userSysId)
    for (const a of list) people.push(a.approver)
    people.push(...votersOf(grantSysId), ...routeAssignees(str(grant, GRANT_FIELDS.policyDecision)))
    const users: GateFactsUser[] = []
    const seen: string[] = []
    for (const id of people) {
        if (!isSysId(id) || seen.indexOf(id) >= 0 || seen.length >= MAX_USERS) continue
        seen.push(id)
        const u = userFacts(id)
        if (u) users.push(u)
    }

    const computers: GateFactsComputer[] = []
    const cis = [str(grant, GRANT_FIELDS.targetCi)]
    if (plan && plan.target.ciSysId) cis.push(plan.target.ciSysId)
    for (const id of cis) {
        if (!isSysId(id) || computers.some((c) => c.sys_id === id)) continue
        const c = computerFacts(id)
        if (c) computers.push(c)
    }

    const incident = str(grant, GRANT_FIELDS.incident)
    const change = str(grant, GRANT_FIELDS.change)
    const facts: GateFacts = {
        grant: grantSysId,
        approvals: list,
        users,
        computers,
        incident: isSysId(incident) ? incidentFacts(incident) : null,
        change: isSysId(change) ? changeFacts(change) : null,
        settings: settings(),
    }
    answer(response, 200, facts)
}

/** The session's time zone: the platform session's, else the user's own setting, else the instance default. */
function sessionTimeZone(userSysId: string): string {
    const g = gs as any
    if (typeof g.getSession === 'function') {
        const session = g.getSession()
        if (session && typeof session.getTimeZoneName === 'function') {
            const name = String(session.getTimeZoneName() || '')
            if (name) return name
        }
    }
    const user = new GlideRecord(PLATFORM_TABLE.user)
    if (isSysId(userSysId) && user.get(userSysId)) {
        const zone = str(user, USER_TIME_ZONE)
        if (zone) return zone
    }
    return DEFAULT_TIME_ZONE
}

/** Role names the session user holds (sys_user_has_role, active grants of the role). */
function rolesOf(userSysId: string): string[] {
    const out: string[] = []
    if (!isSysId(userSysId)) return out
    const gr = new GlideRecord('sys_user_has_role')
    gr.addQuery('user', userSysId)
    gr.query()
    while (gr.next()) {
        if (str(gr, 'state') === 'inactive') continue
        const role = new GlideRecord('sys_user_role')
        if (!role.get(str(gr, 'role'))) continue
        const name = str(role, 'name')
        if (name && out.indexOf(name) < 0) out.push(name)
    }
    return out.sort()
}

/**
 * GET /api/x_gbg_breakglass/executor/context — what `doctor` and the executor's start-up need from the instance
 * ({@link ExecutorContextFacts}): the app's settings, the SecOps group property resolved, the caller of the
 * incidents the app raises for the executor, and the session user (name, roles, time zone).
 */
export function executorContext(_request: any, response: any): void {
    if (!authorised(response)) return
    const userSysId = String(gs.getUserID())
    const userName = String(gs.getUserName())
    const raw: unknown = gs.getProperty(PROPERTY.secopsGroup)
    const secopsRaw = raw === null || raw === undefined ? null : String(raw)
    const secops: ExecutorContextFacts['secops_group'] = { status: 'unset', sys_id: '', name: '' }
    const value = (secopsRaw ?? '').trim()
    if (value !== '') {
        if (!isSysId(value)) {
            secops.status = 'invalid'
        } else {
            secops.sys_id = value
            const group = new GlideRecord(PLATFORM_TABLE.group)
            if (group.get(value)) {
                secops.status = 'ok'
                secops.name = str(group, 'name')
            } else {
                secops.status = 'not_found'
            }
        }
    }
    const context: ExecutorContextFacts = {
        settings: { ...settings(), secops_group: secopsRaw },
        secops_group: secops,
        failure_route: failureRouteFacts(),
        incident_caller: isSysId(userSysId) ? { sys_id: userSysId, user_name: userName } : null,
        session: {
            sys_id: userSysId,
            user_name: userName,
            roles: rolesOf(userSysId),
            time_zone: sessionTimeZone(userSysId),
        },
    }
    answer(response, 200, context)
}

/** Where a failed grant is routed (failure-routing.ts), for doctor. */
function failureRouteFacts(): NonNullable<ExecutorContextFacts['failure_route']> {
    const route = failureRoute()
    return { via: route.via, sys_id: route.groupSysId, name: route.groupName }
}
