/**
 * Resolve a grant record into the AccessRequest the shared policy judges: the requested-for user and groups,
 * the target (CI, role, group, account), the incident and change it references, duration, justification.
 * References that do not resolve are reasons, reported with everything else.
 */
import { GlideRecord } from '@servicenow/glide'
import {
    boolProperty,
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
import { policyMinDuration, selectPolicy } from './shared/policy'
import { evaluatePolicyRecords, policyFromRecord } from './shared/policy-record'
import type { PolicyRule } from './shared/policy-types'
import type { AccessRequest, Decision, DecisionReason, RequestTarget } from './shared/policy-types'
import { GRANT_FIELDS, POLICY_FIELDS, PROPERTY, TABLE, TARGET_KINDS, type TargetKind } from './shared/schema'
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
    }
    const request: AccessRequest = {
        requestedFor: user || { sysId: userId, userName: '', email: '', active: false, groupIds: [] },
        openedBy: str(grant, GRANT_FIELDS.openedBy),
        targetKind: kind,
        target,
        durationMinutes: wholeNumber(str(grant, GRANT_FIELDS.requestedDuration)),
        justification: str(grant, GRANT_FIELDS.justification),
        emergency: str(grant, GRANT_FIELDS.emergency) === 'true',
    }
    const incidentRef = str(grant, GRANT_FIELDS.incident)
    if (incidentRef) {
        const incident = readIncident(incidentRef)
        if (incident) request.incident = incident
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
    return evaluatePolicyRecords(request, loadPolicyRecords(), {
        nowMs: nowMs(),
        integrationEnabled: boolProperty(PROPERTY.integrationEnabled),
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
