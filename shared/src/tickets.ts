/**
 * Ticket validation on submit, beyond what the policy judges: a referenced incident or change must involve the
 * person the access is for (caller / requester, assignee, or member of the assignment group) or the requested
 * device (its CI), and an emergency always needs a P1 / P2 incident. Existence of the tickets and the "one open
 * request per user and target" rule need a database; the app resolves them and reports them with the reasons
 * built here, so every refusal reads the same wherever it is raised.
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import type { AccessRequest, DecisionReason, RequestIncident, RequestTarget } from './policy-types'
import type { TargetKind } from './schema'
import { GRANT_FIELDS } from './schema'

/** Stable reason codes of ticket validation (never rename: tickets and reports key on them). */
export const TICKET_REASON = {
    incidentNotFound: 'INCIDENT_NOT_FOUND',
    changeNotFound: 'CHANGE_NOT_FOUND',
    userNotFound: 'USER_NOT_FOUND',
    ciNotFound: 'CI_NOT_FOUND',
    incidentNotInvolved: 'INCIDENT_NOT_INVOLVED',
    changeNotInvolved: 'CHANGE_NOT_INVOLVED',
    emergencyNeedsIncident: 'EMERGENCY_INCIDENT_REQUIRED',
    duplicateOpenRequest: 'DUPLICATE_OPEN_REQUEST',
} as const

/** Whether the incident / change of `request` involves the requested-for user or the requested CI. */
export function ticketReasons(request: AccessRequest): DecisionReason[] {
    const reasons: DecisionReason[] = []
    const user = request.requestedFor
    const groups = user.groupIds || []
    const ciSysId = request.target && request.target.ci ? request.target.ci.sysId : ''
    const incident = request.incident
    if (request.emergency && !incident) {
        reasons.push({
            code: TICKET_REASON.emergencyNeedsIncident,
            message: 'An emergency request must reference an open P1 or P2 incident.',
        })
    }
    if (incident) {
        const involved =
            (incident.callerId !== '' && incident.callerId === user.sysId) ||
            (incident.assignedTo !== '' && incident.assignedTo === user.sysId) ||
            (incident.assignmentGroupId !== '' && groups.indexOf(incident.assignmentGroupId) >= 0) ||
            (ciSysId !== '' && incident.ciSysId === ciSysId)
        if (!involved) {
            reasons.push({
                code: TICKET_REASON.incidentNotInvolved,
                message:
                    `Incident ${incident.number} does not involve ${user.userName || 'the requested-for user'}: ` +
                    'they must be its caller, its assignee or a member of its assignment group, or the incident must be about the requested device.',
            })
        }
    }
    const change = request.change
    if (change) {
        const involved =
            (!!change.requestedBy && change.requestedBy === user.sysId) ||
            (!!change.assignedTo && change.assignedTo === user.sysId) ||
            (!!change.assignmentGroupId && groups.indexOf(change.assignmentGroupId) >= 0) ||
            (ciSysId !== '' && change.ciSysId === ciSysId)
        if (!involved) {
            reasons.push({
                code: TICKET_REASON.changeNotInvolved,
                message:
                    `Change ${change.number} does not involve ${user.userName || 'the requested-for user'}: ` +
                    'they must be its requester, its assignee or a member of its assignment group, or the change must be for the requested device.',
            })
        }
    }
    return reasons
}

/**
 * Reasons in order with duplicate codes dropped (the policy and the ticket check can both notice a missing
 * emergency incident; the requester needs to read it once).
 */
export function mergeReasons(...lists: DecisionReason[][]): DecisionReason[] {
    const seen: Record<string, boolean> = {}
    const out: DecisionReason[] = []
    const alias: Record<string, string> = { [TICKET_REASON.emergencyNeedsIncident]: 'INCIDENT_REQUIRED' }
    for (const list of lists) {
        for (const reason of list) {
            const key = alias[reason.code] || reason.code
            if (seen[key]) continue
            seen[key] = true
            out.push(reason)
        }
    }
    return out
}

/** The grant field that identifies the target of a request of `kind` (used for the one-open-request rule). */
export function targetField(kind: TargetKind): string {
    switch (kind) {
        case 'device_local_admin':
            return GRANT_FIELDS.targetCi
        case 'entra_role':
            return GRANT_FIELDS.targetRoleId
        case 'entra_group':
            return GRANT_FIELDS.targetGroupId
        default:
            return GRANT_FIELDS.targetAccount
    }
}

/** The value of {@link targetField} for `target` ('' when missing). */
export function targetValue(kind: TargetKind, target: RequestTarget): string {
    switch (kind) {
        case 'device_local_admin':
            return target.ci ? target.ci.sysId : ''
        case 'entra_role':
            return target.roleId || ''
        case 'entra_group':
            return target.groupId || ''
        default:
            return target.account || ''
    }
}

/** The refusal for a second open request for the same user and target. */
export function duplicateRequestReason(existingNumber: string, existingState: string): DecisionReason {
    return {
        code: TICKET_REASON.duplicateOpenRequest,
        message:
            `There is already an open request for this user and target: ${existingNumber} (${existingState}). ` +
            'Use that one, or have it revoked or cancelled first.',
    }
}

/** The refusal for a referenced record that does not exist (or cannot be read). */
export function notFoundReason(code: string, what: string, reference: string): DecisionReason {
    return { code, message: `The ${what} referenced by the request (${reference || 'empty'}) does not exist.` }
}

/**
 * The incident facts the app judged an auto-approve rule on, recorded in the grant's `policy.evaluated` audit
 * event (`ticketFacts`): who raised and shaped it as read from sys_audit, and the incident's sys_mod_count and
 * sys_updated_on at that moment. The executor cannot read sys_audit (a platform table no integration role reads
 * on a stock instance): it re-uses these facts ONLY while the incident is unchanged since (same sys_mod_count and
 * sys_updated_on, which it can read), see {@link withRecordedTicketFacts}.
 */
export interface RecordedTicketFacts {
    incident: string
    number: string
    callerId: string
    openedBy: string
    prioritySetBy: string[]
    assignmentSetBy: string[]
    sysModCount: number
    sysUpdatedOn: string
}

/** The facts to record for `incident` (null when its history or version is unknown: nothing to rely on later). */
export function recordTicketFacts(incident: RequestIncident): RecordedTicketFacts | null {
    if (
        incident.openedBy === undefined ||
        !Array.isArray(incident.prioritySetBy) ||
        !Array.isArray(incident.assignmentSetBy) ||
        typeof incident.sysModCount !== 'number' ||
        !isFinite(incident.sysModCount) ||
        !incident.sysUpdatedOn
    ) {
        return null
    }
    return {
        incident: incident.sysId,
        number: incident.number,
        callerId: incident.callerId,
        openedBy: incident.openedBy,
        prioritySetBy: incident.prioritySetBy.slice(),
        assignmentSetBy: incident.assignmentSetBy.slice(),
        sysModCount: incident.sysModCount,
        sysUpdatedOn: incident.sysUpdatedOn,
    }
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')

/**
 * `current` (the incident as read today, without its history) completed with the history `recorded` when the app
 * auto-approved, ONLY when the incident is unchanged since: same sys_id, sys_mod_count and sys_updated_on. Otherwise
 * the incident comes back without history (the shared policy then declines every auto-approve rule: the request
 * needs a human approval) and `problem` says why.
 */
export function withRecordedTicketFacts(
    current: RequestIncident,
    recorded: unknown,
): { incident: RequestIncident; problem: string } {
    const bare: RequestIncident = { ...current }
    delete bare.openedBy
    delete bare.prioritySetBy
    delete bare.assignmentSetBy
    const r = recorded as Partial<RecordedTicketFacts> | null | undefined
    if (
        !r ||
        typeof r !== 'object' ||
        typeof r.incident !== 'string' ||
        typeof r.openedBy !== 'string' ||
        !isStringList(r.prioritySetBy) ||
        !isStringList(r.assignmentSetBy) ||
        typeof r.sysModCount !== 'number' ||
        typeof r.sysUpdatedOn !== 'string' ||
        r.sysUpdatedOn === ''
    ) {
        return {
            incident: bare,
            problem: `no ticket facts of incident ${current.number} were recorded when the request was auto-approved`,
        }
    }
    if (r.incident !== current.sysId) {
        return {
            incident: bare,
            problem: `the recorded ticket facts are for another incident (${r.incident}), not ${current.number}`,
        }
    }
    if (typeof current.sysModCount !== 'number' || !current.sysUpdatedOn) {
        return { incident: bare, problem: `the current version of incident ${current.number} cannot be read` }
    }
    if (r.sysModCount !== current.sysModCount || r.sysUpdatedOn !== current.sysUpdatedOn) {
        return {
            incident: bare,
            problem:
                `incident ${current.number} changed after the auto-approval (updates ${r.sysModCount} → ` +
                `${current.sysModCount}, last updated ${r.sysUpdatedOn} → ${current.sysUpdatedOn})`,
        }
    }
    return {
        incident: {
            ...bare,
            openedBy: r.openedBy,
            prioritySetBy: r.prioritySetBy.slice(),
            assignmentSetBy: r.assignmentSetBy.slice(),
        },
        problem: '',
    }
}
