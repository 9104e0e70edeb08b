/**
 * Business rules on the grant: an approver's shortening of the duration is checked (shorter only, not below
 * the policy minimum, only while approval is pending), and state changes written by the executor are turned
 * into notifications and ticket comments.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { recordRefusal, storedRoute } from './approvals'
import { appendAudit, groupMemberIds, notify, sessionActor, str, sysIdProperty, wholeNumber } from './glide-io'
import { policyMinFor } from './request'
import { customerComment, workNote } from './ticket'
import { APP_APPROVAL_FIELDS } from './shared/platform'
import { EVENT, GRANT_FIELDS, PLATFORM_TABLE, PROPERTY, type TargetKind } from './shared/schema'

/**
 * Whether `userSysId` holds an open approval of this grant that the app created for its stored route (the
 * assignment names them and the record is still `requested`).
 */
function hasOpenApproval(grant: any, userSysId: string): boolean {
    for (const a of storedRoute(grant).assignments) {
        if (!a.approvalSysId || a.approverSysId !== userSysId) continue
        const approval = new GlideRecord(PLATFORM_TABLE.approval)
        if (
            approval.get(a.approvalSysId) &&
            str(approval, APP_APPROVAL_FIELDS.documentId) === String(grant.getUniqueValue()) &&
            str(approval, APP_APPROVAL_FIELDS.state) === 'requested'
        ) {
            return true
        }
    }
    return false
}

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
    const grantSysId = String(current.getUniqueValue())
    const refuseRecorded = (message: string): void => {
        current.setAbortAction(true)
        recordRefusal(grantSysId, 'approval.duration_refused', message, {
            by: String(gs.getUserID() || ''),
            from: before,
            to: chosenText,
        })
    }
    if (!hasOpenApproval(current, String(gs.getUserID() || '')))
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
