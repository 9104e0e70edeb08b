/**
 * Cancel an approved request before it starts (the grant form's and the RITM's "Cancel before start", and the
 * ticket-bound rules when the request's incident / change ends first). Who may and from which states is decided by
 * shared/src/cancel.ts; this module reads the facts and acts:
 *
 * - the grant goes `cancelled` with the reason (last_error), its open approvals are cancelled, the RITM closes
 *   (Closed Incomplete, ritm-sync.ts), a work note and a customer comment say who cancelled and why, the
 *   *cancelled* e-mail goes to the requester, the audit trail records `request.cancelled {by, authority, reason}`;
 * - its grant action, while still `ready`, is ended (`failed`, with the reason) so no executor claims it; an action an
 *   executor already claimed is left to the executor, whose recheck gate reads the grant (cancelled is not grantable)
 *   and whose `granting` write the state guard refuses once the grant is cancelled: no provider call either way;
 * - a cancelled grant is never moved out of `cancelled` by anyone (before-update rule {@link guardCancelledFinal}).
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { endUnapproved } from './approvals'
import { routeApprovalStates } from './approver-access'
import { appendAudit, sessionActor, str, userNameOf } from './glide-io'
import { ACTION_FIELDS, GRANT_FIELDS, ROLE, TABLE } from './shared/schema'
import { cancelVerdict, isUncancel, type CancelAuthority } from './shared/cancel'

/** Outcome shown to the person who clicked. */
export interface CancelResult {
    ok: boolean
    message: string
}

/**
 * Cancel `grantSysId` as the session user, who gave `reason`. Refused (nothing changes, the refusal is audited when
 * the person is not allowed) unless shared cancelVerdict allows it.
 */
export function cancelGrantAsUser(grantSysId: string, reason: string): CancelResult {
    const grant = new GlideRecord(TABLE.grant)
    if (!grant.get(grantSysId)) return { ok: false, message: 'Cancel: the request does not exist.' }
    const actor = String(gs.getUserID() || '')
    const verdict = cancelVerdict({
        state: str(grant, GRANT_FIELDS.state),
        number: str(grant, GRANT_FIELDS.number) || grantSysId,
        actor,
        requestedFor: str(grant, GRANT_FIELDS.requestedFor),
        openedBy: str(grant, GRANT_FIELDS.openedBy),
        actorIsSecops: !!actor && gs.hasRole(ROLE.secops),
        actorIsRouteApprover: routeApprovalStates(grant, actor).length > 0,
        reason,
    })
    if (!verdict.allowed) {
        if (verdict.code === 'CANCEL_NOT_ALLOWED') {
            appendAudit(grantSysId, 'request.cancel_refused', sessionActor(), { by: actor, reason: verdict.message })
        }
        return { ok: false, message: verdict.message }
    }
    return cancelGrant(grant, verdict.authority, reason, actor, sessionActor())
}

/**
 * Cancel an approved grant that has not started (the caller has judged who may): the grant ends `cancelled`, its
 * ready grant action is ended, everyone is told. Also used by the ticket-bound rules (authority `ticket`).
 */
export function cancelGrant(
    grant: any,
    authority: CancelAuthority,
    reason: string,
    actorSysId: string,
    actor: string,
): CancelResult {
    const grantSysId = String(grant.getUniqueValue())
    const number = str(grant, GRANT_FIELDS.number) || grantSysId
    const who = actorSysId ? userNameOf(actorSysId) || actor : actor
    const text = String(reason).trim().slice(0, 1000)
    const message = `Cancelled before it started by ${who} (${authority}): ${text}`
    const ended = endReadyGrantActions(grantSysId, message)
    appendAudit(grantSysId, 'request.cancelled_before_start', actor, {
        by: actorSysId,
        authority,
        reason: text,
        actionsEnded: ended,
    })
    // endUnapproved: state cancelled, last_error, approvals cancelled, audit request.cancelled, work note, comment, e-mail.
    endUnapproved(grant, 'cancelled', message, actor)
    return { ok: true, message: `${number} was cancelled: nothing will be granted.` }
}

/** End the grant's grant actions that no executor holds yet (ready → failed); returns their numbers. */
function endReadyGrantActions(grantSysId: string, message: string): string[] {
    const numbers: string[] = []
    const action = new GlideRecord(TABLE.action)
    action.addQuery(ACTION_FIELDS.grant, grantSysId)
    action.addQuery(ACTION_FIELDS.type, 'grant')
    action.addQuery(ACTION_FIELDS.state, 'ready')
    action.query()
    while (action.next()) {
        action.setValue(ACTION_FIELDS.state, 'failed')
        action.setValue(ACTION_FIELDS.lastError, message.slice(0, 1000))
        action.update()
        numbers.push(str(action, ACTION_FIELDS.number))
    }
    return numbers
}

/**
 * Business rule (before update, grant): a cancelled request stays cancelled, whoever writes (admin and the app's own
 * code included): a new request is the way back. The attempt is refused (aborted) and audited.
 */
export function guardCancelledFinal(current: any, previous: any): void {
    if (!previous) return
    const from = str(previous, GRANT_FIELDS.state)
    const to = str(current, GRANT_FIELDS.state)
    if (!isUncancel(from, to)) return
    const message = `A cancelled request stays cancelled (${str(current, GRANT_FIELDS.number)} → ${to} refused); submit a new request instead.`
    gs.addErrorMessage(message)
    current.setAbortAction(true)
    appendAudit(String(current.getUniqueValue()), 'request.uncancel_refused', sessionActor(), {
        by: String(gs.getUserID() || ''),
        to,
    })
}

function show(result: CancelResult): void {
    if (result.ok) gs.addInfoMessage(result.message)
    else gs.addErrorMessage(result.message)
}

/** UI action script on the grant form. */
export function cancelFromGrant(current: any): void {
    show(
        cancelGrantAsUser(
            String(current.getUniqueValue()),
            `Cancelled by ${gs.getUserName()} from the grant form: no longer needed or approved in error`,
        ),
    )
}

/** UI action script on the RITM form: cancel every approved, not yet started grant of the request. */
export function cancelFromRitm(current: any): void {
    const grants = new GlideRecord(TABLE.grant)
    grants.addQuery(GRANT_FIELDS.ritm, String(current.getUniqueValue()))
    grants.addQuery(GRANT_FIELDS.state, 'IN', 'approved,queued')
    grants.query()
    let found = false
    while (grants.next()) {
        found = true
        show(
            cancelGrantAsUser(
                String(grants.getUniqueValue()),
                `Cancelled by ${gs.getUserName()} from request ${str(current, 'number')}: no longer needed or approved in error`,
            ),
        )
    }
    if (!found) gs.addErrorMessage('Cancel: this request has no approved access waiting to start.')
}
