/**
 * Ticket-bound access (issue 17): access given for an incident or a change ends with that ticket. The decision is
 * shared/src/tickets.ts ticketVerdict (the executor's recheck gate applies the same one, and caps the expiry at the
 * change window's end); this module finds the grants bound to a ticket and acts:
 *
 * - the ticket ended (incident Resolved 6 / Closed 7 / Canceled 8, change Closed 3 / Canceled 4, inactive, or the
 *   change window is over): a grant that may hold access (granting, active, revoking, revoke_failed) gets a
 *   PRIORITY-1 revoke with the reason, due now; a request that has not started (awaiting approval, approved,
 *   queued) is cancelled (cancel.ts);
 * - the change window was moved earlier than an active grant's expiry: a priority-1 revoke due exactly at the new
 *   window end (the queue's not_before: the executor claims it at that time, no sweep).
 *
 * Wired as async business rules on incident and change_request (a scoped app may add only async rules to another
 * scope's tables: ServiceNow docs, "Creation restrictions across application scopes"; they need the cross-scope
 * read of incident / change_request the app already declares) and from the grant's own rule when it becomes active
 * (a ticket that ended, or a window shorter than the expiry, while the grant was being granted).
 */
import { GlideRecord } from '@servicenow/glide'
import { cancelGrant } from './cancel'
import { boolField, glideToMs, msToGlide, nowMs, str } from './glide-io'
import { queueRevokeAction } from './queue'
import { workNote } from './ticket'
import { CANCELLABLE_STATES } from './shared/cancel'
import { APP_TASK_FIELDS } from './shared/platform'
import { ACTION_FIELDS, ACTION_PRIORITY, GRANT_FIELDS, PLATFORM_TABLE, REVOCABLE_STATES, TABLE } from './shared/schema'
import { ticketVerdict, type BoundTicket } from './shared/tickets'

type TicketKind = BoundTicket['kind']

/**
 * Requests that have not started and end with their ticket: the cancellable ones, and one still awaiting approval
 * (its approvals are cancelled with it: nobody should approve access for a ticket that is over).
 */
const NOT_STARTED: readonly string[] = ['awaiting_approval'].concat(CANCELLABLE_STATES as readonly string[])

/** Business rule (async, incident insert / update): end the access bound to an incident that ended. */
export function onIncidentUpdated(current: any): void {
    applyTicket('incident', current)
}

/** Business rule (async, change_request update): end the access bound to a change that ended or whose window moved. */
export function onChangeUpdated(current: any): void {
    applyTicket('change', current)
}

/** The ticket as the shared rule reads it. */
function boundTicketOf(kind: TicketKind, record: any): BoundTicket {
    const end = kind === 'change' ? glideToMs(str(record, APP_TASK_FIELDS.endDate)) : null
    return {
        kind,
        number: str(record, APP_TASK_FIELDS.number),
        state: str(record, APP_TASK_FIELDS.state),
        active: boolField(record, APP_TASK_FIELDS.active),
        ...(kind === 'change' ? { endMs: end === null ? NaN : end } : {}),
    }
}

/** Act on every grant bound to `record`; returns how many grants were acted on. */
export function applyTicket(kind: TicketKind, record: any): number {
    const ticket = boundTicketOf(kind, record)
    const grants = new GlideRecord(TABLE.grant)
    grants.addQuery(kind === 'incident' ? GRANT_FIELDS.incident : GRANT_FIELDS.change, String(record.getUniqueValue()))
    grants.addQuery(GRANT_FIELDS.state, 'IN', NOT_STARTED.concat(REVOCABLE_STATES).join(','))
    grants.query()
    let acted = 0
    while (grants.next()) {
        if (applyToGrant(grants, ticket)) acted++
    }
    return acted
}

/** Act on one grant bound to `ticket`; true when something was queued or cancelled. */
function applyToGrant(grant: any, ticket: BoundTicket): boolean {
    const verdict = ticketVerdict(ticket, nowMs())
    const state = str(grant, GRANT_FIELDS.state)
    const holdsAccess = (REVOCABLE_STATES as readonly string[]).indexOf(state) >= 0
    if (!verdict.open) {
        if (holdsAccess) return queueTicketRevoke(grant, ticket, verdict.reason, nowMs())
        if (NOT_STARTED.indexOf(state) >= 0) {
            cancelGrant(grant, 'ticket', verdict.reason, '', `ticket:${ticket.number}`)
            return true
        }
        return false
    }
    if (verdict.endsAtMs === null || !holdsAccess) return false
    const expires = glideToMs(str(grant, GRANT_FIELDS.expiresAt))
    // Ends inside the window already (the gate capped it, or it was short): the executor's own revoke at expiry does it.
    if (expires !== null && expires <= verdict.endsAtMs) return false
    return queueTicketRevoke(
        grant,
        ticket,
        `The window of change ${ticket.number} ends at ${msToGlide(verdict.endsAtMs)} UTC, before the access expires.`,
        verdict.endsAtMs,
    )
}

/**
 * Queue a priority-1 revoke of `grant` due at `dueMs` for the ticket, unless a priority-1 revoke due no later is
 * already waiting (repeated ticket updates queue one).
 */
function queueTicketRevoke(grant: any, ticket: BoundTicket, reason: string, dueMs: number): boolean {
    const grantSysId = String(grant.getUniqueValue())
    const open = new GlideRecord(TABLE.action)
    open.addQuery(ACTION_FIELDS.grant, grantSysId)
    open.addQuery(ACTION_FIELDS.type, 'revoke')
    open.addQuery(ACTION_FIELDS.priority, String(ACTION_PRIORITY.revokeNow))
    open.addQuery(ACTION_FIELDS.state, 'IN', 'ready,claimed')
    open.query()
    while (open.next()) {
        const due = glideToMs(str(open, ACTION_FIELDS.notBefore))
        if (due === null || due <= dueMs) return false
    }
    const action = queueRevokeAction(
        grantSysId,
        ACTION_PRIORITY.revokeNow,
        `ticket:${grantSysId}:${ticket.kind}:${dueMs}`,
        '',
        reason,
        `ticket:${ticket.number}`,
        dueMs,
    )
    const when = dueMs <= nowMs() ? 'now' : `at ${msToGlide(dueMs)} UTC`
    workNote(
        grant,
        `Access ${str(grant, GRANT_FIELDS.number)} is bound to ${ticket.number}: ${reason} Revoke ${action} queued ${when}.`,
    )
    return true
}

/**
 * When a grant becomes active: if its incident / change ended meanwhile, or the change window ends before the
 * expiry, act now (the rules on the tickets ran before the access existed).
 */
export function checkTicketsOfGrant(grant: any): void {
    const incident = str(grant, GRANT_FIELDS.incident)
    const change = str(grant, GRANT_FIELDS.change)
    if (incident) {
        const gr = new GlideRecord(PLATFORM_TABLE.incident)
        if (gr.get(incident)) applyToGrant(grant, boundTicketOf('incident', gr))
    }
    if (change) {
        const gr = new GlideRecord(PLATFORM_TABLE.change)
        if (gr.get(change)) applyToGrant(grant, boundTicketOf('change', gr))
    }
}
