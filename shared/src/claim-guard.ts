/**
 * The claim guard: decides whether a write to an action record by an executor is allowed. One pure function,
 * called by the app's before-update business rule on the action table AND by the ServiceNow emulator, so the
 * multi-executor tests exercise exactly the rule the instance enforces.
 *
 * Rules:
 * 1. A claim (writing a new lease_owner, leaving the action in state `claimed`) is refused while another owner's lease
 *    is still valid.
 * 2. Any other executor write to an action (state, result, lease renewal…) is refused unless the writer holds
 *    the lease (lease_owner equals the writer and the lease has not expired) — a writer whose lease lapsed and
 *    was taken over cannot complete the action behind the new owner's back.
 * 3. A finished action (done / dead) cannot be re-claimed.
 * 4. Any executor may return a `claimed` action whose lease has expired to `ready` with no owner (the sweeper).
 *
 * ES2021, dependency-free: it also runs inside ServiceNow.
 */

/** The action as stored before the update. Times are epoch milliseconds (0 / NaN = empty). */
export interface GuardedActionBefore {
    state: string
    leaseOwner: string
    leaseUntilMs: number
}

/** The fields the update changes (only those present in the update). */
export interface GuardedActionChange {
    state?: string
    leaseOwner?: string
    leaseUntilMs?: number
}

export type ClaimGuardVerdict = { allowed: true } | { allowed: false; reason: string }

const FINISHED = ['done', 'dead']

/**
 * Decide whether `writer` (an executor instance name) may apply `change` to an action currently in `before`,
 * at time `nowMs`. Writes by non-executors (app logic, admins) are not judged here: the business rule only calls
 * this for the executor integration role.
 */
export function checkActionWrite(
    before: GuardedActionBefore,
    change: GuardedActionChange,
    writer: string,
    nowMs: number,
): ClaimGuardVerdict {
    const leaseValid = before.leaseOwner !== '' && before.leaseUntilMs > nowMs
    // A claim takes the lease AND leaves the action `claimed` (a takeover of an expired claim keeps the state, so
    // the resulting state counts). A write that only names a new owner — e.g. a late executor marking `done` an
    // action the sweeper released — is not a claim, so rule 2 refuses it.
    const resultingState = change.state !== undefined ? change.state : before.state
    const isClaim =
        change.leaseOwner !== undefined &&
        change.leaseOwner !== '' &&
        change.leaseOwner !== before.leaseOwner &&
        resultingState === 'claimed'

    if (isClaim) {
        if (change.leaseOwner !== writer) {
            return { allowed: false, reason: `Claim refused: an executor may only claim in its own name (${writer}).` }
        }
        if (FINISHED.indexOf(before.state) >= 0) {
            return { allowed: false, reason: `Claim refused: the action is already ${before.state}.` }
        }
        if (leaseValid) {
            return {
                allowed: false,
                reason: `Claim refused: action is leased by ${before.leaseOwner} until ${new Date(before.leaseUntilMs).toISOString()}.`,
            }
        }
        return { allowed: true }
    }

    // Sweeper: anyone may return an action whose lease has expired to the queue (state ready, no owner).
    const isRelease = change.leaseOwner === '' && change.state === 'ready'
    if (isRelease && before.state === 'claimed' && !leaseValid) {
        return { allowed: true }
    }

    // Otherwise only the current, unexpired lease holder may write.
    if (before.leaseOwner !== writer) {
        return {
            allowed: false,
            reason: `Write refused: ${writer} does not hold the lease on this action (holder: ${before.leaseOwner || 'none'}).`,
        }
    }
    if (!leaseValid) {
        return { allowed: false, reason: `Write refused: the lease of ${writer} on this action has expired.` }
    }
    return { allowed: true }
}
