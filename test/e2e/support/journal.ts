/**
 * Reads a running executor's SQLite journal from the outside (read-only, WAL lets a reader see every committed
 * step while the executor writes): which step an action is at, its step history, pending write-backs. Used to
 * confirm "the executor is now at step X" before a kill -9, and to check the journal after recovery.
 *
 * Test code only.
 */
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'

/** Polling period of the waits below: the journal has no change feed, and 25 ms is far below any hold. */
const POLL_MS = 25

function open(path: string): Database.Database {
    return new Database(path, { readonly: true, fileMustExist: true })
}

/** Current step of an action, or undefined when the journal (or the row) does not exist yet. */
export function journalStep(path: string, actionId: string): string | undefined {
    if (!existsSync(path)) return undefined
    const db = open(path)
    try {
        const row = db.prepare('SELECT step FROM actions WHERE action_id = ?').get(actionId) as
            { step: string } | undefined
        return row?.step
    } catch {
        return undefined // tables not migrated yet
    } finally {
        db.close()
    }
}

/** Step transitions of an action, oldest first, as `from→to`. */
export function journalHistory(path: string, actionId: string): string[] {
    const db = open(path)
    try {
        const rows = db
            .prepare('SELECT from_step, to_step FROM step_history WHERE action_id = ? ORDER BY id')
            .all(actionId) as { from_step: string | null; to_step: string }[]
        return rows.map((r) => `${r.from_step ?? '∅'}→${r.to_step}`)
    } finally {
        db.close()
    }
}

/** Outbox rows of the journal (optionally of one action). */
export function journalOutbox(
    path: string,
    actionId?: string,
): { id: number; kind: string; status: string; actionId: string }[] {
    const db = open(path)
    try {
        const sql = `SELECT id, kind, status, action_id AS actionId FROM outbox ${actionId ? 'WHERE action_id = ?' : ''} ORDER BY id`
        return (actionId ? db.prepare(sql).all(actionId) : db.prepare(sql).all()) as {
            id: number
            kind: string
            status: string
            actionId: string
        }[]
    } finally {
        db.close()
    }
}

/** Resolves once the action's journal step is one of `steps`; rejects after `timeoutMs` naming the last step. */
export async function waitForStep(
    path: string,
    actionId: string,
    steps: string[],
    timeoutMs = 20_000,
): Promise<string> {
    const deadline = Date.now() + timeoutMs
    let last: string | undefined
    for (;;) {
        last = journalStep(path, actionId)
        if (last !== undefined && steps.includes(last)) return last
        if (Date.now() > deadline) {
            throw new Error(
                `action ${actionId} did not reach ${steps.join(' | ')} in ${timeoutMs} ms (last: ${last ?? 'none'})`,
            )
        }
        await new Promise((r) => setTimeout(r, POLL_MS))
    }
}

/** Resolves once `check()` is true (polled); for state held outside the emulators' awaitable hooks. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
        await new Promise((r) => setTimeout(r, POLL_MS))
    }
}

/**
 * Rewrites a STOPPED executor's journal so that `actionId` is exactly as a crash between its `provider_done`
 * commit and its `written_back` commit leaves it: step `provider_done`, none of the write-backs (and no revoke
 * timer) that the `written_back` commit queues. The two commits are separate SQLite transactions with no I/O in
 * between, so no external hold can stop a live process there; this reproduces the on-disk state instead.
 * `keepItems` is how many outbox rows of the action the earlier commits queued (kept).
 */
export function rewindToProviderDone(path: string, actionId: string, keepItems: number, grantId?: string): void {
    const db = new Database(path)
    try {
        db.transaction(() => {
            const row = db.prepare('SELECT step FROM actions WHERE action_id = ?').get(actionId) as { step: string }
            if (row.step !== 'written_back')
                throw new Error(`rewind: action ${actionId} is at ${row.step}, not written_back`)
            const ids = (
                db.prepare('SELECT id FROM outbox WHERE action_id = ? ORDER BY id').all(actionId) as { id: number }[]
            ).map((r) => r.id)
            for (const id of ids.slice(keepItems)) db.prepare('DELETE FROM outbox WHERE id = ?').run(id)
            db.prepare(`UPDATE actions SET step = 'provider_done' WHERE action_id = ?`).run(actionId)
            db.prepare(
                `DELETE FROM step_history WHERE action_id = ? AND from_step = 'provider_done' AND to_step = 'written_back'`,
            ).run(actionId)
            if (grantId) db.prepare('DELETE FROM revoke_timers WHERE grant_id = ?').run(grantId)
        })()
    } finally {
        db.close()
    }
}

/**
 * Resolves once the first undelivered write-back of `actionId` is of `kind` — every item queued before it is
 * delivered, so a held request of that kind is the only thing in flight for the action.
 */
export async function waitForPendingHead(
    path: string,
    actionId: string,
    kind: string,
    timeoutMs = 20_000,
): Promise<void> {
    await until(
        () => journalOutbox(path, actionId).find((o) => o.status === 'pending')?.kind === kind,
        timeoutMs,
        `the first pending write-back of ${actionId} to be ${kind}`,
    )
}

/** Resolves once every write-back of `actionId` is delivered (nothing of it left in flight). */
export async function waitForAllDelivered(path: string, actionId: string, timeoutMs = 20_000): Promise<void> {
    await until(
        () => journalOutbox(path, actionId).every((o) => o.status === 'delivered'),
        timeoutMs,
        `every write-back of ${actionId} delivered`,
    )
}
