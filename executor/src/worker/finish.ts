/**
 * An action the journal already finished came back from the queue (its final patch was lost, or someone
 * re-queued it). Nothing is called again: the journal's verdict is written to the action once more.
 */
import type { JournalAction } from '../journal/journal'
import { actionPatchItems, actionStateForStep, type RunContext } from './context'

/** Re-send the final state of an action the journal has finished. */
export async function closeFinished(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core } = ctx
    if (core.journal.pendingOutbox(ctx.action.sysId) === 0) {
        core.journal.enqueue(
            actionPatchItems(ctx, {
                state: actionStateForStep(row.step),
                lastError: row.lastError,
                completedAt: core.clock.now(),
            }),
        )
    }
    await core.writeBack.flush()
}
