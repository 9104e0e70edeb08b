/**
 * Business rules on the grant: an approver's shortening of the duration is checked (shorter only, not below
 * the policy minimum, only while approval is pending), and every state change moves the RITM (ritm-sync.ts) and,
 * for what the executor did, becomes notifications and ticket comments.
 */
import { gs } from '@servicenow/glide'
import { recordRefusal } from './approvals'
import { isPendingApproverOf } from './approver-access'
import {
    appendAudit,
    glideToMs,
    groupMemberIds,
    notify,
    sessionActor,
    str,
    sysIdProperty,
    wholeNumber,
} from './glide-io'
import { policyMinFor } from './request'
import { accessOf, timeOf } from './notice'
import { syncRitm } from './ritm-sync'
import { routeFailedGrant } from './failure-routing'
import { checkTicketsOfGrant } from './ticket-bound'
import { customerComment, workNote } from './ticket'
import { formatTime } from './shared/time-format'
import { EVENT, GRANT_FIELDS, PROPERTY, type TargetKind } from './shared/schema'

/**
 * Business rule (before update, grant): guard approved_duration. Only an approver the app asked on THIS grant, while
 * their approval is still open, may change it (judged by who acts, gs.getUserID()), and only downwards: never above
 * the requested duration nor above a shortening already made, never cleared once set, never below the policy
 * minimum. A refusal is recorded on the grant, the ticket and the audit trail.
 */
export function guardApprovedDuration(current: any, previous: any): void {
    const chosenText = str(current, GRANT_FIELDS.approvedDuration)
    const before = previous ? str(previous, GRANT_FIELDS.approvedDuration) : ''
    if (chosenText === before) return
    const state = str(current, GRANT_FIELDS.state)
    const previousState = previous ? str(previous, GRANT_FIELDS.state) : state
    // The app itself records the approved duration when it approves (→ queued): allowed.
    if (state === 'queued' && previousState !== 'queued') return
    const refuse = (message: string): void => {
        gs.addErrorMessage(message)
        current.setAbortAction(true)
    }
    if (state !== 'awaiting_approval')
        return refuse('The duration can only be changed while the request awaits approval.')
    // An extension's plan carries its new end: reject it and let the requester ask for less instead.
    if (str(current, GRANT_FIELDS.extendsGrant))
        return refuse('The duration of an extension cannot be changed; reject it if it is too long.')
    const grantSysId = String(current.getUniqueValue())
    const refuseRecorded = (message: string): void => {
        current.setAbortAction(true)
        recordRefusal(grantSysId, 'approval.duration_refused', message, {
            by: String(gs.getUserID() || ''),
            from: before,
            to: chosenText,
        })
    }
    if (!isPendingApproverOf(current, String(gs.getUserID() || '')))
        return refuseRecorded(
            `Duration change by ${sessionActor()} refused: only an approver of this request, while their approval is open, may shorten it.`,
        )
    const requested = parseInt(str(current, GRANT_FIELDS.requestedDuration), 10)
    const already = wholeNumber(before)
    const ceiling = isFinite(already) ? Math.min(requested, already) : requested
    const chosen = wholeNumber(chosenText)
    if (chosenText === '' && before === '') return
    if (chosenText === '' || (isFinite(chosen) && chosen > ceiling))
        return refuseRecorded(
            `Duration change by ${sessionActor()} refused: approvers may only shorten the duration, never lengthen it (requested ${requested} minutes, now ${ceiling}).`,
        )
    if (!isFinite(chosen)) return refuse('The approved duration must be a whole number of minutes.')
    const minimum = policyMinFor(str(current, GRANT_FIELDS.targetKind) as TargetKind)
    if (chosen < minimum) return refuse(`The duration cannot be shorter than the policy minimum of ${minimum} minutes.`)
    appendAudit(String(current.getUniqueValue()), 'approval.duration_shortened', sessionActor(), {
        requestedMinutes: requested,
        approvedMinutes: chosen,
    })
}

/**
 * Business rule (after update, grant, state changes): the RITM follows the grant (ritm-sync.ts), and what the
 * executor did is told: comments on the ticket and e-mail events whose text (parm2) names the access and the time
 * in UTC (notice.ts).
 */
export function onGrantStateChanged(current: any, previous: any): void {
    const state = str(current, GRANT_FIELDS.state)
    if (previous && str(previous, GRANT_FIELDS.state) === state) return
    if (str(current, GRANT_FIELDS.extendsGrant)) return onExtensionStateChanged(current, state)
    syncRitm(current)
    const number = str(current, GRANT_FIELDS.number)
    const requester = str(current, GRANT_FIELDS.requestedFor)
    const access = accessOf(current)
    if (state === 'active') {
        const text = `Granted: ${access}, until ${timeOf(current, GRANT_FIELDS.expiresAt)}.`
        customerComment(
            current,
            `Access ${number} (${access}) is granted until ${timeOf(current, GRANT_FIELDS.expiresAt)}. It is removed automatically then.`,
        )
        notify(EVENT.granted, current, requester, text)
        // Bound to an incident / change that ended while it was being granted, or to a shorter window: act now.
        checkTicketsOfGrant(current)
    } else if (state === 'revoked') {
        const reason = str(current, GRANT_FIELDS.revokeReason)
        const text = `Removed: ${access}, at ${timeOf(current, GRANT_FIELDS.revokedAt)}.${reason ? ` Reason: ${reason}` : ''}`
        customerComment(
            current,
            `Access ${number} (${access}) was removed at ${timeOf(current, GRANT_FIELDS.revokedAt)}.${reason ? ` Reason: ${reason}` : ''}`,
        )
        notify(EVENT.revoked, current, requester, text)
    } else if (state === 'revoke_failed') {
        const error = str(current, GRANT_FIELDS.lastError)
        workNote(
            current,
            `REVOKE FAILED for ${number}: ${error}. Security Operations is notified; the watchdog keeps escalating.`,
        )
        notify(
            EVENT.revokeFailed,
            current,
            groupMemberIds(sysIdProperty(PROPERTY.secopsGroup)).join(','),
            `Removing ${access} failed: ${error}`,
        )
    } else if (state === 'grant_failed') {
        customerComment(current, `Access ${number} could not be granted: ${str(current, GRANT_FIELDS.lastError)}`)
        routeFailedGrant(current)
    }
}

/**
 * An extension record's state changes (shared/src/extend.ts): it never holds access, so the RITM and the e-mails follow
 * the grant it extends; the requester reads the outcome as a comment on that RITM.
 */
function onExtensionStateChanged(current: any, state: string): void {
    const number = str(current, GRANT_FIELDS.number)
    if (state === 'extended') {
        const end = glideToMs(str(current, GRANT_FIELDS.expiresAt))
        customerComment(
            current,
            `Extension ${number} applied: the access now ends ${end === null ? '(unknown)' : formatTime(new Date(end))}. It is removed automatically then.`,
        )
    } else if (state === 'grant_failed') {
        customerComment(
            current,
            `Extension ${number} could not be applied: ${str(current, GRANT_FIELDS.lastError)} The access still ends as before.`,
        )
    }
}
