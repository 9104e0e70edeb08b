/**
 * Cancelling an approved request before it starts (issue 17; BeyondTrust EPM JIT admin, seed 003: "set a request
 * already approved to deny if the session is no longer required or approved in error"). Who may cancel, and from
 * which states, decided once here; the app's server module (now-app/src/server/cancel.ts) reads the facts and acts,
 * and the executor's recheck gate refuses a cancelled grant (it is not a grantable state) without asking anyone.
 *
 * - States: `approved` and `queued` only. Once the executor has written `granting` the access may exist and the way
 *   out is "Revoke now"; a request still awaiting approval is rejected by its approvers (or withdrawn by policy).
 * - Who: Security Operations (the app's secops role); an approver the stored route asked on this request; the
 *   person the access is for or who opened it, for their own request (withdrawing gives nothing away).
 *   Nobody else, whatever other role they hold.
 * - Final: a cancelled request is never moved to another state by anyone (no "un-cancel"): a new request is.
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import type { GrantState } from './schema'

/** Grant states from which a request may be cancelled. */
export const CANCELLABLE_STATES: readonly GrantState[] = ['approved', 'queued']

/** Stable codes of a cancel refusal. */
export const CANCEL_CODE = {
    state: 'CANCEL_STATE',
    notAllowed: 'CANCEL_NOT_ALLOWED',
    reasonMissing: 'CANCEL_REASON_MISSING',
} as const

/** On what authority a cancel was allowed (recorded in the audit event). */
export type CancelAuthority = 'secops' | 'approver' | 'requester' | 'ticket'

/** The facts a cancel is judged on (sys_ids). */
export interface CancelFacts {
    /** The grant's state now. */
    state: string
    number: string
    /** Who acts (the session user, gs.getUserID()). */
    actor: string
    requestedFor: string
    openedBy: string
    /** Whether the actor holds the app's SecOps role. */
    actorIsSecops: boolean
    /** Whether the stored approval route asked the actor on this grant (an approval the app created for them). */
    actorIsRouteApprover: boolean
    /** The reason the person gave. */
    reason: string
}

export type CancelVerdict =
    { allowed: true; authority: CancelAuthority } | { allowed: false; code: string; message: string }

/** The minimum length of a cancel reason (it is read on the ticket and in the audit trail). */
export const CANCEL_REASON_MIN = 5

/** Judge a person's cancel of a grant. */
export function cancelVerdict(f: CancelFacts): CancelVerdict {
    if ((CANCELLABLE_STATES as readonly string[]).indexOf(f.state) < 0) {
        const started = ['granting', 'active', 'revoking', 'revoke_failed'].indexOf(f.state) >= 0
        return {
            allowed: false,
            code: CANCEL_CODE.state,
            message: started
                ? `${f.number} is ${f.state}: access may already exist, so it cannot be cancelled; use "Revoke now".`
                : `${f.number} is ${f.state}; only an approved request that has not started can be cancelled.`,
        }
    }
    if (!f.actor) return { allowed: false, code: CANCEL_CODE.notAllowed, message: 'Cancel refused: no user is acting.' }
    let authority: CancelAuthority | '' = ''
    if (f.actorIsSecops) authority = 'secops'
    else if (f.actorIsRouteApprover) authority = 'approver'
    else if (f.actor === f.requestedFor || f.actor === f.openedBy) authority = 'requester'
    if (!authority) {
        return {
            allowed: false,
            code: CANCEL_CODE.notAllowed,
            message:
                `Cancel of ${f.number} refused: only Security Operations, an approver of this request, or the person ` +
                'it is for may cancel it.',
        }
    }
    if (String(f.reason || '').trim().length < CANCEL_REASON_MIN) {
        return {
            allowed: false,
            code: CANCEL_CODE.reasonMissing,
            message: `Cancel of ${f.number} refused: give a reason (at least ${CANCEL_REASON_MIN} characters).`,
        }
    }
    return { allowed: true, authority }
}

/** Whether a write that moves a grant from `from` to `to` is an un-cancel (refused for everyone). */
export function isUncancel(from: string, to: string): boolean {
    return from === 'cancelled' && to !== 'cancelled'
}
