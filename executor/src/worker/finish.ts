/**
 * How an action run ends. Every outcome of a grant, revoke or verify (and of a malformed queue record) goes
 * through {@link finishAction}: it adds the action patch the outcome means to the outcome's own items, commits the
 * journal step with all of them in one transaction, emits the events and delivers the outbox.
 *
 * | outcome  | journal step   | ServiceNow action                          | event                                 |
 * | -------- | -------------- | ------------------------------------------ | ------------------------------------- |
 * | `done`   | `written_back` | `done`, with its result                    | `action:done` once delivered (settle) |
 * | `dead`   | `dead`         | `dead`                                     | `action:dead`                         |
 * | `failed` | `failed`       | `failed`                                   | `action:failed`                       |
 * | `halted` | `halted`       | `failed`                                   | `action:failed`                       |
 * | `retry`  | `retry_wait`   | `ready` at `notBefore`, the lease given up | `action:retry` (queue actions only)   |
 *
 * A retry's action patch is queued first, so nothing of its grant holds the action back from the queue; a final
 * state is queued last, after everything it reports.
 */
import { backoffMs } from '@gbg/shared'
import type { JournalAction, JournalPatch, JournalStep, OutboxInput } from '../journal/journal'
import type { ActionPatch } from '../ports'
import { outboxItem } from '../writeback'
import { commit, ref, type RunContext } from './context'

/** What every outcome carries besides its kind. */
interface OutcomeBase {
    /** The outcome's outbox items (grant patch, notes, incidents, audit…), without the action patch. */
    items?: OutboxInput[]
    /** Note of the step in the journal history. */
    detail: string
    /** More journal fields set with the step (`lastError` is set from the outcome's error). */
    patch?: JournalPatch
    /** The steps the action may be at. @defaultValue `provider_done` for `done`, else `claimed` or `calling` */
    from?: JournalStep | readonly JournalStep[]
    /** Other journal writes that belong to the same transaction (revoke timers). */
    journal?: () => void
    /** The action type's own events, emitted after the commit and before the action event. */
    announce?: () => void
}

/** How an action run ends. */
export type Outcome = OutcomeBase &
    (
        | { kind: 'done'; result: Record<string, unknown> }
        | { kind: 'dead' | 'failed' | 'halted'; error: string }
        | { kind: 'retry'; error: string; notBefore: Date }
    )

/** Finish the run with `outcome`: items, journal step, events, outbox delivery. */
export async function finishAction(ctx: RunContext, outcome: Outcome): Promise<void> {
    const { core } = ctx
    const own = actionPatchItems(ctx, actionPatchOf(outcome, core.clock.now()))
    const items = outcome.kind === 'retry' ? [...own, ...(outcome.items ?? [])] : [...(outcome.items ?? []), ...own]
    const patch = outcome.kind === 'done' ? { ...outcome.patch } : { lastError: outcome.error, ...outcome.patch }
    const from = outcome.from ?? (outcome.kind === 'done' ? 'provider_done' : ['claimed', 'calling'])
    commit(ctx, from, STEP[outcome.kind], patch, items, outcome.detail, outcome.journal)
    outcome.announce?.()
    if (outcome.kind === 'retry') {
        if (!ctx.local) {
            const { attempts } = ctx.action
            core.events.emit('action:retry', {
                ...ref(ctx),
                attempts,
                notBefore: outcome.notBefore,
                error: outcome.error,
            })
        }
    } else if (outcome.kind !== 'done') {
        core.events.emit(outcome.kind === 'dead' ? 'action:dead' : 'action:failed', {
            ...ref(ctx),
            error: outcome.error,
        })
    }
    const delivery = core.writeBack.flush({ grantId: ctx.action.grantSysId })
    // A revoke's lane slot is not held while ServiceNow takes its write-back (a storm would keep due revokes
    // waiting for slots); the journal step is committed and the grant's write-back lane delivers it.
    if (ctx.action.type !== 'revoke') await delivery
}

const STEP: Record<Outcome['kind'], JournalStep> = {
    done: 'written_back',
    dead: 'dead',
    failed: 'failed',
    halted: 'halted',
    retry: 'retry_wait',
}

/** The ServiceNow action patch an outcome means. */
function actionPatchOf(outcome: Outcome, now: Date): ActionPatch {
    switch (outcome.kind) {
        case 'done':
            return { state: 'done', result: JSON.stringify(outcome.result), completedAt: now, lastError: '' }
        case 'retry':
            return {
                state: 'ready',
                notBefore: outcome.notBefore,
                leaseOwner: '',
                leaseUntil: null,
                lastError: outcome.error,
            }
        default:
            return { state: outcome.kind === 'dead' ? 'dead' : 'failed', lastError: outcome.error, completedAt: now }
    }
}

/**
 * When a grant or verify runs again after a retryable failure: backoff by attempts (at least `retryAfterMs`),
 * or `gaveUp` (the message to die with) once the action's attempts are spent.
 */
export function nextAttempt(
    ctx: RunContext,
    message: string,
    retryAfterMs?: number,
): { notBefore: Date } | { gaveUp: string } {
    const { core, action } = ctx
    const maxAttempts = action.maxAttempts > 0 ? action.maxAttempts : 5
    if (action.attempts >= maxAttempts) return { gaveUp: `${message} (gave up after ${action.attempts} attempts)` }
    let delay = backoffMs(action.attempts, { ...core.options.grantBackoff, random: core.options.random })
    if (retryAfterMs !== undefined) delay = Math.max(delay, retryAfterMs)
    return { notBefore: new Date(core.clock.now().getTime() + delay) }
}

/**
 * An action the journal already finished came back from the queue (its final patch was lost, or someone
 * re-queued it). Nothing is called again: the journal's verdict is written to the action once more.
 */
export async function closeFinished(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core } = ctx
    if (core.journal.pendingOutbox(ctx.action.sysId) === 0) {
        core.journal.enqueue(
            actionPatchItems(ctx, {
                state: row.step === 'done' ? 'done' : row.step === 'dead' ? 'dead' : 'failed',
                lastError: row.lastError,
                completedAt: core.clock.now(),
            }),
        )
    }
    await core.writeBack.flush({ grantId: ctx.action.grantSysId })
}

/** The action patch item, or none for a local run (no ServiceNow action behind it). */
function actionPatchItems(ctx: RunContext, patch: ActionPatch): OutboxInput[] {
    if (ctx.local) return []
    return [outboxItem.actionPatch(ctx.action.sysId, ctx.action.grantSysId, patch)]
}
