/**
 * Resolve a grant record into the AccessRequest the shared policy judges: the requested-for user and groups,
 * the target (CI, role, group, account), the incident and change it references, duration, justification.
 * References that do not resolve are reasons, reported with everything else.
 */
import { GlideRecord } from '@servicenow/glide'
import {
    booleanProperty,
    findUserSysId,
    intProperty,
    nowMs,
    readChange,
    readCi,
    readIncident,
    readUser,
    str,
    wholeNumber,
    type UserInfo,
} from './glide-io'
import { parseBooleanField } from './shared/booleans'
import { policyMinDuration, selectPolicy } from './shared/policy'
import { evaluatePolicyRecords, policyFromRecord } from './shared/policy-record'
import type { PolicyRule } from './shared/policy-types'
import type { AccessRequest, Decision, DecisionReason, RequestIncident, RequestTarget } from './shared/policy-types'
import { APP_TASK_FIELDS } from './shared/platform'
import {
    GRANT_FIELDS,
    PLATFORM_TABLE,
    POLICY_FIELDS,
    PROPERTY,
    TABLE,
    TARGET_KINDS,
    type TargetKind,
} from './shared/schema'
import { TICKET_REASON, notFoundReason } from './shared/tickets'

/** A grant resolved for judgement. */
export interface ResolvedRequest {
    request: AccessRequest
    user: UserInfo | null
    /** References that did not resolve. */
    reasons: DecisionReason[]
}

/** Build the AccessRequest of a grant record. */
export function resolveGrant(grant: any): ResolvedRequest {
    const reasons: DecisionReason[] = []
    const userId = str(grant, GRANT_FIELDS.requestedFor)
    const user = readUser(userId)
    if (!user) reasons.push(notFoundReason(TICKET_REASON.userNotFound, 'requested-for user', userId))
    const kind = str(grant, GRANT_FIELDS.targetKind) as TargetKind
    const target: RequestTarget = {}
    if (kind === 'device_local_admin') {
        const ciId = str(grant, GRANT_FIELDS.targetCi)
        const ci = readCi(ciId)
        if (ci) target.ci = ci
        else if (ciId) reasons.push(notFoundReason(TICKET_REASON.ciNotFound, 'device', ciId))
        const groupId = str(grant, GRANT_FIELDS.targetGroupId)
        if (groupId) target.groupId = groupId
    } else if (kind === 'entra_role') {
        target.roleId = str(grant, GRANT_FIELDS.targetRoleId)
        target.roleName = str(grant, GRANT_FIELDS.targetRoleName)
    } else if (kind === 'entra_group') {
        target.groupId = str(grant, GRANT_FIELDS.targetGroupId)
    } else if ((TARGET_KINDS as readonly string[]).indexOf(kind) >= 0) {
        target.account = str(grant, GRANT_FIELDS.targetAccount)
        if (kind === 'console') {
            // The console packet (issue 14); the policy refuses a console request without it.
            const tenantId = str(grant, GRANT_FIELDS.targetTenantId).trim()
            const tenantName = str(grant, GRANT_FIELDS.targetTenantName).trim()
            const scope = str(grant, GRANT_FIELDS.targetScope).trim()
            if (tenantId) target.tenantId = tenantId
            if (tenantName) target.tenantName = tenantName
            if (scope) target.scope = scope
        }
    }
    const request: AccessRequest = {
        requestedFor: user || { sysId: userId, userName: '', email: '', active: false, groupIds: [] },
        openedBy: str(grant, GRANT_FIELDS.openedBy),
        targetKind: kind,
        target,
        durationMinutes: wholeNumber(str(grant, GRANT_FIELDS.requestedDuration)),
        justification: str(grant, GRANT_FIELDS.justification),
        emergency: parseBooleanField(str(grant, GRANT_FIELDS.emergency)) === true,
    }
    const incidentRef = str(grant, GRANT_FIELDS.incident)
    if (incidentRef) {
        const incident = readIncident(incidentRef)
        if (incident) request.incident = withTicketHistory(incident)
        else reasons.push(notFoundReason(TICKET_REASON.incidentNotFound, 'incident', incidentRef))
    }
    const changeRef = str(grant, GRANT_FIELDS.change)
    if (changeRef) {
        const change = readChange(changeRef)
        if (change) request.change = change
        else reasons.push(notFoundReason(TICKET_REASON.changeNotFound, 'change request', changeRef))
    }
    return { request, user, reasons }
}

/** The platform's field-change history: one row per audited field update (tablename, documentkey, fieldname, user). */
const SYS_AUDIT = 'sys_audit'

/**
 * The incident with who raised and shaped it (see RequestIncident.openedBy / prioritySetBy / assignmentSetBy):
 * its opened_by, and for priority and assignment group the creator plus every user sys_audit records changing
 * them. sys_audit is read with GlideRecord (server side, no ACL); where it cannot be read (a platform without
 * it, an error) the facts stay absent and the shared policy declines auto-approval (human approval instead).
 * The platform audits inserts and updates of audited tables (incident is audited out of the box); the creator
 * is counted anyway, so a value never changed was set by the creator even where inserts are not audited. User
 * names become sys_ids; a name with no user record stays `user:<name>`. The incident's sys_mod_count and
 * sys_updated_on are read too: the app records them with these facts (tickets.ts RecordedTicketFacts).
 */
function withTicketHistory(incident: RequestIncident): RequestIncident {
    const out: RequestIncident = { ...incident }
    const gr = new GlideRecord(PLATFORM_TABLE.incident)
    if (!gr.get(incident.sysId)) return out
    const openedBy = str(gr, APP_TASK_FIELDS.openedBy)
    if (openedBy) out.openedBy = openedBy
    // The version judged on (recorded with the facts, so the executor can tell the incident is unchanged since).
    const modCount = str(gr, 'sys_mod_count')
    if (/^\d+$/.test(modCount)) out.sysModCount = Number(modCount)
    const updatedOn = str(gr, 'sys_updated_on')
    if (updatedOn) out.sysUpdatedOn = updatedOn
    const creator = str(gr, 'sys_created_by')
    if (!creator) return out
    try {
        const setters = (field: string): string[] => {
            const names = [creator]
            const audit = new GlideRecord(SYS_AUDIT)
            audit.addQuery('tablename', PLATFORM_TABLE.incident)
            audit.addQuery('documentkey', incident.sysId)
            audit.addQuery('fieldname', field)
            audit.query()
            while (audit.next()) names.push(str(audit, 'user'))
            const ids: string[] = []
            for (const name of names) {
                const id = name ? findUserSysId(name) || `user:${name}` : 'user:(unknown)'
                if (ids.indexOf(id) < 0) ids.push(id)
            }
            return ids
        }
        out.prioritySetBy = setters(APP_TASK_FIELDS.priority)
        out.assignmentSetBy = setters(APP_TASK_FIELDS.assignmentGroup)
    } catch {
        // sys_audit not readable here: the facts stay absent (the policy then declines auto-approval).
        delete out.prioritySetBy
        delete out.assignmentSetBy
    }
    return out
}

/** Every policy record (active or not: a broken record must be reported, see evaluatePolicyRecords). */
export function loadPolicyRecords(): Record<string, string>[] {
    const records: Record<string, string>[] = []
    const gr = new GlideRecord(TABLE.policy)
    gr.query()
    while (gr.next()) {
        const record: Record<string, string> = {}
        for (const field of Object.values(POLICY_FIELDS)) record[field] = str(gr, field)
        records.push(record)
    }
    return records
}

/** Judge the request against the active policies now, with the app's kill switch and default maximum. */
export function judge(request: AccessRequest): Decision {
    const killSwitch = booleanProperty(PROPERTY.integrationEnabled)
    return evaluatePolicyRecords(request, loadPolicyRecords(), {
        nowMs: nowMs(),
        integrationEnabled: killSwitch.value,
        integrationError: killSwitch.error,
        defaultMaxDurationMinutes: intProperty(PROPERTY.defaultMaxDuration, 240),
    })
}

/** The governing policy's minimum duration for `kind` (the production-safe default when none parses). */
export function policyMinFor(kind: TargetKind): number {
    const policies: PolicyRule[] = []
    for (const record of loadPolicyRecords()) {
        const parsed = policyFromRecord(record)
        if (parsed.ok) policies.push(parsed.policy)
    }
    return policyMinDuration(selectPolicy(policies, kind))
}
