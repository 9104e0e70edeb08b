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
import { formatTime } from './time-format'

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

/*
 * Ticket-bound access (issue 17): access given for an incident or a change lasts no longer than that ticket.
 * - incident.state: Resolved 6, Closed 7, Canceled 8 end it (base-system choices; platform.ts INCIDENT_STATE);
 * - change_request.state: Closed 3, Canceled 4 end it (ServiceNow docs "State model and transitions": New -5,
 *   Assess -4, Authorize -3, Scheduled -2, Implement -1, Review 0, Closed 3, Canceled 4);
 * - either ticket inactive (active = false) ends it whatever its state says;
 * - a change's window ends at its planned end date (end_date): access is capped there, and ended at that time.
 * The app (business rules on incident / change_request, grant submit) and the executor (recheck gate) both decide
 * with these functions.
 */

/** incident.state values that end the access given for the incident. */
export const INCIDENT_ENDED_STATES: Readonly<Record<string, string>> = {
    '6': 'resolved',
    '7': 'closed',
    '8': 'cancelled',
}
/** change_request.state values that end the access given for the change. */
export const CHANGE_ENDED_STATES: Readonly<Record<string, string>> = { '3': 'closed', '4': 'cancelled' }

/** Stable codes of a ticket ending access (revoke reasons and refusals key on them). */
export const TICKET_END_CODE = {
    incidentEnded: 'TICKET_INCIDENT_ENDED',
    changeEnded: 'TICKET_CHANGE_ENDED',
    windowEnded: 'TICKET_CHANGE_WINDOW_ENDED',
    windowUnknown: 'TICKET_CHANGE_WINDOW_UNKNOWN',
} as const

/** The ticket a grant is bound to, as read now. */
export interface BoundTicket {
    kind: 'incident' | 'change'
    number: string
    /** The ticket's state value as stored ('' when unknown). */
    state: string
    active: boolean
    /** A change's planned end (epoch ms); NaN / undefined when not set. Ignored for incidents. */
    endMs?: number
}

/** Whether the ticket still allows access at `nowMs`, and until when. */
export type TicketVerdict =
    | { open: true; /** epoch ms at which the change window ends; null for an incident */ endsAtMs: number | null }
    | { open: false; code: string; reason: string }

/** Judge whether `ticket` still allows access at `nowMs` (pure; one rule for the app and the executor). */
export function ticketVerdict(ticket: BoundTicket, nowMs: number): TicketVerdict {
    const label = ticket.kind === 'incident' ? `Incident ${ticket.number}` : `Change ${ticket.number}`
    const ended = ticket.kind === 'incident' ? INCIDENT_ENDED_STATES[ticket.state] : CHANGE_ENDED_STATES[ticket.state]
    const code = ticket.kind === 'incident' ? TICKET_END_CODE.incidentEnded : TICKET_END_CODE.changeEnded
    if (ended) return { open: false, code, reason: `${label} was ${ended}; access given for it ends with it.` }
    if (!ticket.active)
        return { open: false, code, reason: `${label} is no longer active; access given for it ends with it.` }
    if (ticket.kind === 'incident') return { open: true, endsAtMs: null }
    const end = ticket.endMs
    if (typeof end !== 'number' || !isFinite(end)) {
        // Fail secure: a change without a planned end gives no window to hold access in.
        return {
            open: false,
            code: TICKET_END_CODE.windowUnknown,
            reason: `${label} has no planned end date; access cannot be bound to its window.`,
        }
    }
    if (nowMs >= end) {
        return {
            open: false,
            code: TICKET_END_CODE.windowEnded,
            reason: `The window of change ${ticket.number} ended at ${formatTime(new Date(end))}; access given for it ends with it.`,
        }
    }
    return { open: true, endsAtMs: end }
}

/**
 * The expiry of access starting at `startMs` for `durationMinutes`, capped at a change window's end (`windowEndMs`,
 * null for none): never later than the window, never longer than approved.
 */
export function cappedExpiryMs(
    startMs: number,
    durationMinutes: number,
    windowEndMs: number | null,
): { expiresAtMs: number; capped: boolean } {
    const full = startMs + durationMinutes * 60_000
    if (windowEndMs === null || !(windowEndMs < full)) return { expiresAtMs: full, capped: false }
    return { expiresAtMs: windowEndMs, capped: true }
}

/**
 * The duration to plan for a request made at `nowMs`: the requested minutes, or fewer so that access ends by the
 * change window's end (whole minutes, rounded down; 0 when less than a minute is left).
 */
export function durationWithinWindow(nowMs: number, durationMinutes: number, windowEndMs: number | null): number {
    if (windowEndMs === null) return durationMinutes
    const left = Math.floor((windowEndMs - nowMs) / 60_000)
    return Math.max(0, Math.min(durationMinutes, left))
}

/** Reason codes of the ticket-bound checks on submit. */
export const TICKET_SUBMIT_CODE = {
    ticketEnded: 'TICKET_ENDED',
    windowTooShort: 'CHANGE_WINDOW_TOO_SHORT',
} as const

/**
 * Ticket-bound refusals on submit that the policy does not already give: an incident or change that is still marked
 * active but whose state ended it (an incident Resolved, a change Closed / Canceled). Inactive tickets and times
 * outside a change window are the policy's (INCIDENT_INACTIVE, CHANGE_INACTIVE, CHANGE_OUTSIDE_WINDOW).
 */
export function ticketSubmitReasons(request: AccessRequest, nowMs: number): DecisionReason[] {
    const out: DecisionReason[] = []
    const i = request.incident
    if (i && i.active) {
        const v = ticketVerdict({ kind: 'incident', number: i.number, state: i.state || '', active: true }, nowMs)
        if (!v.open) out.push({ code: TICKET_SUBMIT_CODE.ticketEnded, message: v.reason })
    }
    const c = request.change
    if (c && c.active && CHANGE_ENDED_STATES[c.state || '']) {
        const v = ticketVerdict(
            { kind: 'change', number: c.number, state: c.state || '', active: true, endMs: c.endMs },
            nowMs,
        )
        if (!v.open) out.push({ code: TICKET_SUBMIT_CODE.ticketEnded, message: v.reason })
    }
    return out
}

/**
 * The duration to freeze in the plan of a request linked to a change: capped so that access ends by the window's
 * end, or a refusal when what is left of the window is shorter than the policy minimum (`minMinutes`).
 */
export function plannedDurationWithinWindow(
    request: AccessRequest,
    durationMinutes: number,
    minMinutes: number,
    nowMs: number,
): { ok: true; durationMinutes: number; capped: boolean } | { ok: false; reason: DecisionReason } {
    const c = request.change
    if (!c || typeof c.endMs !== 'number' || !isFinite(c.endMs)) return { ok: true, durationMinutes, capped: false }
    const minutes = durationWithinWindow(nowMs, durationMinutes, c.endMs)
    if (minutes < Math.max(1, minMinutes)) {
        return {
            ok: false,
            reason: {
                code: TICKET_SUBMIT_CODE.windowTooShort,
                message:
                    `Only ${minutes} minute(s) are left in the window of change ${c.number} (ends ${formatTime(new Date(c.endMs))}); ` +
                    `the policy minimum is ${Math.max(1, minMinutes)}.`,
            },
        }
    }
    return { ok: true, durationMinutes: minutes, capped: minutes < durationMinutes }
}
