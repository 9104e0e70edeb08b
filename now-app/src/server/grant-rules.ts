/**
 * Business rules on the grant: an approver's shortening of the duration is checked (shorter only, not below
 * the policy minimum, only while approval is pending), and state changes written by the executor are turned
 * into notifications and ticket comments.
 */
import { gs } from '@servicenow/glide'
import { appendAudit, groupMemberIds, notify, sessionActor, str, sysIdProperty, wholeNumber } from './glide-io'
import { policyMinFor } from './request'
import { customerComment, workNote } from './ticket'
import { EVENT, GRANT_FIELDS, PROPERTY, type TargetKind } from './shared/schema'

/** Business rule (before update, grant): guard approved_duration. */
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
    const requested = parseInt(str(current, GRANT_FIELDS.requestedDuration), 10)
    const chosen = wholeNumber(chosenText)
    if (chosenText === '') return
    if (!isFinite(chosen)) return refuse('The approved duration must be a whole number of minutes.')
    if (chosen > requested)
        return refuse(`Approvers may shorten the duration, never lengthen it (requested ${requested} minutes).`)
    const minimum = policyMinFor(str(current, GRANT_FIELDS.targetKind) as TargetKind)
    if (chosen < minimum) return refuse(`The duration cannot be shorter than the policy minimum of ${minimum} minutes.`)
    appendAudit(String(current.getUniqueValue()), 'approval.duration_shortened', sessionActor(), {
        requestedMinutes: requested,
        approvedMinutes: chosen,
    })
}

/** Business rule (after update, grant, state changes): tell people what the executor did. */
export function onGrantStateChanged(current: any, previous: any): void {
    const state = str(current, GRANT_FIELDS.state)
    if (previous && str(previous, GRANT_FIELDS.state) === state) return
    const number = str(current, GRANT_FIELDS.number)
    const requester = str(current, GRANT_FIELDS.requestedFor)
    if (state === 'active') {
        const expires = str(current, GRANT_FIELDS.expiresAt)
        customerComment(current, `Access ${number} is granted until ${expires} UTC. It is removed automatically then.`)
        notify(EVENT.granted, current, requester, expires)
    } else if (state === 'revoked') {
        customerComment(current, `Access ${number} was removed at ${str(current, GRANT_FIELDS.revokedAt)} UTC.`)
        notify(EVENT.revoked, current, requester, str(current, GRANT_FIELDS.revokeReason))
    } else if (state === 'revoke_failed') {
        const error = str(current, GRANT_FIELDS.lastError)
        workNote(
            current,
            `REVOKE FAILED for ${number}: ${error}. Security Operations is notified; the watchdog keeps escalating.`,
        )
        notify(EVENT.revokeFailed, current, groupMemberIds(sysIdProperty(PROPERTY.secopsGroup)).join(','), error)
    } else if (state === 'grant_failed') {
        customerComment(current, `Access ${number} could not be granted: ${str(current, GRANT_FIELDS.lastError)}`)
    }
}
