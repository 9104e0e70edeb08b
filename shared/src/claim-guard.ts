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
 * 5. The state machine (shared/src/state-machine.ts): even the lease holder makes only the action transitions the
 *    executor owns (ready → claimed → ready | done | failed | dead); a finished action is never re-queued by it.
 *
 * The same mechanism judges the executor's other writes, through the app's business rules: an action it inserts
 * ({@link checkActionInsert}: revoke / verify only, created ready, well-formed) and a grant it updates or inserts
 * ({@link checkGrantWrite}, {@link checkGrantInsert}: only the grant transitions it owns, only its fields).
 *
 * ES2021, dependency-free: it also runs inside ServiceNow.
 */
import {
    checkExecutorActionInsert,
    checkExecutorGrantInsert,
    checkExecutorGrantUpdate,
    type ExtensionWriteFacts,
    executorMayMoveAction,
    type ActionRowValues,
} from './state-machine'
import { ACTION_STATES, EXECUTOR_WRITABLE, TABLE } from './schema'

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

/** States a claim may start from: a ready action, or a claimed one whose lease lapsed (a takeover). */
const CLAIMABLE = ['ready', 'claimed']

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
    // No executor, holder or not, ever writes a state the queue does not know.
    if (change.state !== undefined && ACTION_STATES.indexOf(change.state as never) < 0) {
        return {
            allowed: false,
            reason: `Transition refused: "${change.state.slice(0, 40)}" is not an action state.`,
        }
    }
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
        if (CLAIMABLE.indexOf(before.state) < 0) {
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
    // The holder, too, makes only the executor's transitions ("Transition refused" is not a lost claim: a bug or
    // an attack, never a race).
    if (change.state !== undefined && !executorMayMoveAction(before.state, change.state)) {
        return {
            allowed: false,
            reason: `Transition refused: the executor may not move an action ${before.state} → ${change.state.slice(0, 40)}.`,
        }
    }
    return { allowed: true }
}

/** Decide whether the executor may insert the action `row` (values as stored: strings, '' when empty). */
export function checkActionInsert(row: ActionRowValues): ClaimGuardVerdict {
    return checkExecutorActionInsert(row)
}

/**
 * Decide whether the executor may update a grant from state `fromState` to `toState`, changing the fields
 * `changed` (every field whose stored value the update changes).
 */
export function checkGrantWrite(
    fromState: string,
    toState: string,
    changed: readonly string[],
    extension?: ExtensionWriteFacts,
): ClaimGuardVerdict {
    return checkExecutorGrantUpdate(fromState, toState, changed, EXECUTOR_WRITABLE[TABLE.grant], extension)
}

/** Decide whether the executor may insert a grant: never. */
export function checkGrantInsert(): ClaimGuardVerdict {
    return checkExecutorGrantInsert()
}
