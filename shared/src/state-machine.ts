/**
 * The server-side state machine of grants and actions, as far as the executor is concerned: the transitions the
 * executor's integration user owns, the actions it may create, and what a well-formed queue row is. Pure tables
 * and checks, used by
 *
 * - the app's business rules (now-app/src/server/claim-guard-rule.ts, through shared/src/claim-guard.ts), which
 *   refuse any other write by the executor role (403 through the Table API);
 * - the ServiceNow emulator's native claim guard (test/emulators/servicenow/server.ts → checkActionWrite);
 * - the executor itself, before it writes (executor/src/servicenow/gateway.ts) and when it parses a queue row
 *   (a malformed row is parsed alone and marked dead with its reason: it never blocks the rows behind it).
 *
 * ES2021, dependency-free: it also runs inside ServiceNow (no loops over Object.entries of imported maps needed
 * at build time; plain functions only).
 */
import { ACTION_STATES, ACTION_TYPES, GRANT_FIELDS, GRANT_STATES, isSysId } from './schema'

/**
 * Grant transitions the executor makes (from → to), read from the worker:
 * - grant run: queued → granting (before the provider call), granting → active, queued | granting → grant_failed
 *   (recheck refused, provider refused, attempts spent), granting → halted (the provider stopped rather than guessed:
 *   takeover state on the evidence, SecOps decides);
 * - revoke run: any state in which access may exist (granting, active, revoking, revoke_failed) and a failed
 *   grant that may have left partial access (grant_failed) → revoking → revoked | revoke_failed; a revoke that
 *   finds the access already gone goes straight to revoked.
 * Everything else (approval states, cancelled, a queued grant made active or revoked without a provider call,
 * anything out of revoked) belongs to the app and to people, never to the executor.
 */
export const EXECUTOR_GRANT_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
    queued: ['granting', 'grant_failed'],
    granting: ['active', 'grant_failed', 'revoking', 'revoked', 'revoke_failed', 'halted'],
    active: ['revoking', 'revoked', 'revoke_failed'],
    revoking: ['revoked', 'revoke_failed'],
    revoke_failed: ['revoking', 'revoked'],
    grant_failed: ['revoking', 'revoked', 'revoke_failed'],
    // A halted grant is ended by a revoke (SecOps cancels: anything the console may hold is ended and verified).
    halted: ['revoking', 'revoked', 'revoke_failed'],
}

/**
 * Action transitions the executor makes: claim (ready → claimed), renew / take over (claimed → claimed, not a
 * transition), give back (claimed → ready: a retry, or the sweeper), finish (claimed → done | failed | dead).
 * A finished action is never re-queued by the executor (done → ready would run a grant twice): SecOps re-queues.
 */
export const EXECUTOR_ACTION_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
    ready: ['claimed'],
    claimed: ['ready', 'done', 'failed', 'dead'],
}

/** Action types the executor may create: it schedules revokes and verifies, never a grant. */
export const EXECUTOR_CREATABLE_ACTION_TYPES: readonly string[] = ['revoke', 'verify']

/**
 * Grant fields the executor writes only with the move INTO the state they belong to (a re-sent patch that changes
 * nothing is no write): an active grant's expiry cannot be pushed out later.
 */
const FIELD_BELONGS_TO: Readonly<Record<string, string>> = {
    [GRANT_FIELDS.grantedAt]: 'active',
    [GRANT_FIELDS.expiresAt]: 'active',
    [GRANT_FIELDS.providerTxnIds]: 'active',
    [GRANT_FIELDS.revokedAt]: 'revoked',
}

export type TransitionVerdict = { allowed: true } | { allowed: false; reason: string }

const ALLOWED: TransitionVerdict = { allowed: true }

function refused(reason: string): TransitionVerdict {
    return { allowed: false, reason }
}

/** True when the executor may move a grant from `from` to `to` (an unchanged state is no transition). */
export function executorMayMoveGrant(from: string, to: string): boolean {
    if (from === to) return true
    const next = EXECUTOR_GRANT_TRANSITIONS[from]
    return next !== undefined && next.indexOf(to) >= 0
}

/** True when the executor may move an action from `from` to `to` (an unchanged state is no transition). */
export function executorMayMoveAction(from: string, to: string): boolean {
    if (from === to) return true
    const next = EXECUTOR_ACTION_TRANSITIONS[from]
    return next !== undefined && next.indexOf(to) >= 0
}

/**
 * Judge an executor's update of a grant: `changed` are the fields the update changes, `writable` the executor's
 * field-level write set (schema.ts EXECUTOR_WRITABLE; the ACLs enforce it too — this is the second layer, for an
 * instance whose ACLs were widened by hand).
 */
export function checkExecutorGrantUpdate(
    fromState: string,
    toState: string,
    changed: readonly string[],
    writable: readonly string[],
    extension?: ExtensionWriteFacts,
): TransitionVerdict {
    for (let i = 0; i < changed.length; i++) {
        const field = changed[i]!
        if (writable.indexOf(field) < 0) {
            return refused(`Grant write refused: ${field} is not the executor's to write.`)
        }
    }
    if (GRANT_STATES.indexOf(toState as never) < 0) {
        return refused(`Grant write refused: "${toState.slice(0, 40)}" is not a grant state.`)
    }
    const isExtension = extension !== undefined && extension.isExtensionRecord
    // An extension record (shared/src/extend.ts) never holds access: granting → extended, never active.
    if (fromState !== toState && isExtension && !(fromState === 'queued' && toState === 'granting')) {
        const ok =
            (fromState === 'granting' || fromState === 'queued') &&
            (toState === 'extended' || toState === 'grant_failed')
        if (!ok) return refused(`Grant write refused: an extension record may not move ${fromState} → ${toState}.`)
        if (toState === 'extended' && fromState !== 'granting') {
            return refused('Grant write refused: an extension is applied only from granting.')
        }
        return ALLOWED
    }
    if (toState === 'extended' && fromState !== toState) {
        return refused('Grant write refused: only an extension record becomes extended.')
    }
    // The end of active access moves only to the new end of an approved extension of it, from the end it extends.
    if (fromState === 'active' && toState === 'active' && changed.indexOf(GRANT_FIELDS.expiresAt) >= 0) {
        const others = changed.filter((f) => f !== GRANT_FIELDS.expiresAt)
        const approved =
            extension !== undefined &&
            isFinite(extension.newExpiresAtMs) &&
            extension.approvedEndsMs.indexOf(extension.newExpiresAtMs) >= 0
        if (approved && others.length === 0) return ALLOWED
        return refused(
            approved
                ? `Grant write refused: an extension moves only expires_at (not ${others.join(', ')}).`
                : 'Grant write refused: the expiry of active access moves only to the new end of an approved extension of it.',
        )
    }
    if (!executorMayMoveGrant(fromState, toState)) {
        return refused(`Grant write refused: the executor may not move a grant ${fromState} → ${toState}.`)
    }
    for (let i = 0; i < changed.length; i++) {
        const field = changed[i]!
        const belongs = FIELD_BELONGS_TO[field]
        if (belongs !== undefined && (toState !== belongs || fromState === toState)) {
            return refused(`Grant write refused: ${field} is written only with the move to ${belongs}.`)
        }
    }
    return ALLOWED
}

/**
 * What the app knows about an executor write that may belong to an extension (shared/src/extend.ts): whether the
 * grant written is an extension record, and, for the grant it extends, the new ends of its approved extensions that
 * start at its current end (an extension record in `granting` or `extended` whose verified plan says so).
 */
export interface ExtensionWriteFacts {
    isExtensionRecord: boolean
    approvedEndsMs: number[]
    /** The expires_at the write sets (epoch ms; NaN when it sets none). */
    newExpiresAtMs: number
}

/** Judge an executor's insert of a grant: never (grants come from requests, through the app). */
export function checkExecutorGrantInsert(): TransitionVerdict {
    return refused('Grant insert refused: the executor never creates a grant record.')
}

/** An action row as stored (every value a string; '' when empty). Fields absent from the row are not judged. */
export interface ActionRowValues {
    grant?: string
    type?: string
    state?: string
    priority?: string
    attempts?: string
    maxAttempts?: string
}

/**
 * What makes a queue row malformed, field by field, and why there is no safe default for any of them:
 * - `grant`: a sys_id (a row naming no grant cannot be reported to anyone, nor run);
 * - `type`: grant / revoke / verify (guessing would run the wrong thing);
 * - `state`: one of the action states;
 * - `priority`: a whole number ≥ 1 (empty or 0 would have to be guessed: too low delays a revoke, too high lets
 *   a forged row jump the queue);
 * - `max_attempts`: a whole number ≥ 1 (empty is not "the default": the app always writes one, so an empty value
 *   means the row was not written by the app);
 * - `attempts`: empty (never claimed) or a whole number ≥ 0.
 * Returns the problems ([] when well-formed): each names its field and the value seen.
 */
export function actionRowProblems(row: ActionRowValues): string[] {
    const problems: string[] = []
    const shown = (v: string): string => JSON.stringify(v.slice(0, 40))
    if (row.grant !== undefined && !isSysId(row.grant)) {
        problems.push(`the action references no valid grant (${shown(row.grant)} is not a sys_id)`)
    }
    if (row.type !== undefined && ACTION_TYPES.indexOf(row.type as never) < 0) {
        problems.push(`unknown action type ${shown(row.type)} (not one of ${ACTION_TYPES.join(', ')})`)
    }
    if (row.state !== undefined && ACTION_STATES.indexOf(row.state as never) < 0) {
        problems.push(`state ${shown(row.state)} is not one of ${ACTION_STATES.join(', ')}`)
    }
    if (row.priority !== undefined && !wholeAtLeast(row.priority, 1)) {
        problems.push(`priority ${shown(row.priority)} is not a whole number ≥ 1`)
    }
    if (row.maxAttempts !== undefined && !wholeAtLeast(row.maxAttempts, 1)) {
        problems.push(`max_attempts ${shown(row.maxAttempts)} is not a whole number ≥ 1`)
    }
    if (row.attempts !== undefined && row.attempts !== '' && !wholeAtLeast(row.attempts, 0)) {
        problems.push(`attempts ${shown(row.attempts)} is not a whole number ≥ 0`)
    }
    return problems
}

/**
 * Judge an executor's insert of an action: a revoke or a verify, created `ready`, well-formed. (Which fields it
 * may set is the ACLs' and schema.ts EXECUTOR_CREATABLE's business.)
 */
export function checkExecutorActionInsert(row: ActionRowValues): TransitionVerdict {
    const type = row.type ?? ''
    if (EXECUTOR_CREATABLE_ACTION_TYPES.indexOf(type) < 0) {
        return refused(
            type === 'grant'
                ? 'Action insert refused: the executor may not create a grant action (only revoke and verify).'
                : `Action insert refused: the executor may create only revoke and verify actions, not "${type.slice(0, 40)}".`,
        )
    }
    if ((row.state ?? '') !== 'ready') {
        return refused(`Action insert refused: an action is created ready, not "${(row.state ?? '').slice(0, 40)}".`)
    }
    const problems = actionRowProblems(row)
    if (problems.length > 0) return refused(`Action insert refused: malformed row: ${problems.join('; ')}.`)
    return ALLOWED
}

function wholeAtLeast(value: string, min: number): boolean {
    return /^\d+$/.test(value) && Number(value) >= min
}
