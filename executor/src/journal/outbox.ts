/**
 * The outbox store: write-backs this replica still owes ServiceNow (`outbox`), queued in the same transaction as
 * the step change they belong to and kept, delivered or dead, for inspection.
 */
import type Database from 'better-sqlite3'
import { dateOrNull, parseJson, type NowMs } from './columns'

/** Status of an outbox item. */
export type OutboxStatus = 'pending' | 'delivered' | 'dead'

/** A write-back waiting for (or done with) ServiceNow. */
export interface OutboxItem {
    id: number
    actionId: string
    grantId: string
    kind: string
    payload: unknown
    status: OutboxStatus
    attempts: number
    nextAttemptAt: Date
    lastError: string
    alerted: boolean
    createdAt: Date
    deliveredAt: Date | null
}

/** A new outbox item. */
export interface OutboxInput {
    actionId?: string
    grantId?: string
    kind: string
    payload: unknown
}

/** Which items {@link OutboxStore.list} returns (every item when empty). */
export interface OutboxFilter {
    actionId?: string
    status?: OutboxStatus
}

/** What orders delivery: a grant's items go in order; without a grant, an action's; else the item alone. */
export interface OutboxKey {
    grantId?: string
    actionId?: string
    id?: number
}

interface OutboxRow {
    id: number
    action_id: string
    grant_id: string
    kind: string
    payload: string
    status: string
    attempts: number
    next_attempt_at: number
    last_error: string
    alerted: number
    created_at: number
    delivered_at: number | null
}

function toOutbox(row: OutboxRow): OutboxItem {
    return {
        id: row.id,
        actionId: row.action_id,
        grantId: row.grant_id,
        kind: row.kind,
        payload: parseJson<unknown>(row.payload, null),
        status: row.status as OutboxStatus,
        attempts: row.attempts,
        nextAttemptAt: new Date(row.next_attempt_at),
        lastError: row.last_error,
        alerted: row.alerted === 1,
        createdAt: new Date(row.created_at),
        deliveredAt: dateOrNull(row.delivered_at),
    }
}

/** The outbox. Statements are prepared once, here. */
export class OutboxStore {
    private readonly insertOne: Database.Statement<[string, string, string, string, number, number]>
    private readonly selectDue: Database.Statement<[number, number], OutboxRow>
    private readonly selectAll: Database.Statement<[], OutboxRow>
    private readonly selectOfAction: Database.Statement<[string], OutboxRow>
    private readonly selectWithStatus: Database.Statement<[string], OutboxRow>
    private readonly selectOfActionWithStatus: Database.Statement<[string, string], OutboxRow>
    private readonly selectPendingOfGrant: Database.Statement<[string], OutboxRow>
    private readonly selectPendingOfActionOnly: Database.Statement<[string], OutboxRow>
    private readonly selectPendingById: Database.Statement<[number], OutboxRow>
    private readonly countPending: Database.Statement<[], { n: number }>
    private readonly countPendingOfAction: Database.Statement<[string], { n: number }>
    private readonly selectNextAttempt: Database.Statement<[], { t: number | null }>
    private readonly setDelivered: Database.Statement<[number, number]>
    private readonly setRetry: Database.Statement<[string, number, number]>
    private readonly setPostponed: Database.Statement<[number, string, number]>
    private readonly setDead: Database.Statement<[string, number]>
    private readonly setAlerted: Database.Statement<[number]>

    constructor(
        private readonly db: Database.Database,
        private readonly nowMs: NowMs,
    ) {
        this.insertOne = db.prepare(
            `INSERT INTO outbox (action_id, grant_id, kind, payload, next_attempt_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
        )
        this.selectDue = db.prepare(
            `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`,
        )
        // One statement per filter shape, so each keeps the plan (and index) of its own WHERE clause.
        this.selectAll = db.prepare('SELECT * FROM outbox ORDER BY id')
        this.selectOfAction = db.prepare('SELECT * FROM outbox WHERE action_id = ? ORDER BY id')
        this.selectWithStatus = db.prepare('SELECT * FROM outbox WHERE status = ? ORDER BY id')
        this.selectOfActionWithStatus = db.prepare(
            'SELECT * FROM outbox WHERE action_id = ? AND status = ? ORDER BY id',
        )
        this.selectPendingOfGrant = db.prepare(
            `SELECT * FROM outbox WHERE status = 'pending' AND grant_id = ? ORDER BY id`,
        )
        this.selectPendingOfActionOnly = db.prepare(
            `SELECT * FROM outbox WHERE action_id = ? AND status = 'pending' AND grant_id = '' ORDER BY id`,
        )
        this.selectPendingById = db.prepare(`SELECT * FROM outbox WHERE id = ? AND status = 'pending'`)
        this.countPending = db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`)
        this.countPendingOfAction = db.prepare(
            `SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND action_id = ?`,
        )
        this.selectNextAttempt = db.prepare(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'`)
        this.setDelivered = db.prepare(
            `UPDATE outbox SET status = 'delivered', delivered_at = ?, last_error = '' WHERE id = ?`,
        )
        this.setRetry = db.prepare(
            'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?',
        )
        this.setPostponed = db.prepare('UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?')
        this.setDead = db.prepare(
            `UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?`,
        )
        this.setAlerted = db.prepare('UPDATE outbox SET alerted = 1 WHERE id = ?')
    }

    /** Queue write-backs, all or none; returns their ids. */
    enqueue(items: OutboxInput[]): number[] {
        const now = this.nowMs()
        return this.db.transaction(() =>
            items.map((item) =>
                Number(
                    this.insertOne.run(
                        item.actionId ?? '',
                        item.grantId ?? '',
                        item.kind,
                        JSON.stringify(item.payload),
                        now,
                        now,
                    ).lastInsertRowid,
                ),
            ),
        )()
    }

    /** Pending items due at `now`, in queue order. */
    due(now: Date, limit: number): OutboxItem[] {
        return this.selectDue.all(now.getTime(), limit).map(toOutbox)
    }

    /** Every item (of one action, with one status, or both), in queue order. */
    list(filter: OutboxFilter): OutboxItem[] {
        const { actionId, status } = filter
        const rows =
            actionId === undefined
                ? status === undefined
                    ? this.selectAll.all()
                    : this.selectWithStatus.all(status)
                : status === undefined
                  ? this.selectOfAction.all(actionId)
                  : this.selectOfActionWithStatus.all(actionId, status)
        return rows.map(toOutbox)
    }

    /**
     * Pending items of one delivery key, in queue order: a grant's items; else (no grant) an action's; else one
     * item by id. The write-back delivers each key in order, keys in parallel (writeback.ts).
     */
    pendingOfKey(key: OutboxKey): OutboxItem[] {
        const rows = key.grantId
            ? this.selectPendingOfGrant.all(key.grantId)
            : key.actionId
              ? this.selectPendingOfActionOnly.all(key.actionId)
              : key.id !== undefined
                ? this.selectPendingById.all(key.id)
                : []
        return rows.map(toOutbox)
    }

    /** Number of pending items (of one action, or all). */
    pending(actionId?: string): number {
        const row = actionId === undefined ? this.countPending.get() : this.countPendingOfAction.get(actionId)
        return row!.n
    }

    /** Soonest next attempt among pending items, or null. */
    nextAttempt(): Date | null {
        return dateOrNull(this.selectNextAttempt.get()!.t)
    }

    /** Mark an item delivered. */
    markDelivered(id: number): void {
        this.setDelivered.run(this.nowMs(), id)
    }

    /** Record a failed delivery and when to try again. */
    markRetry(id: number, error: string, nextAttemptAt: Date): void {
        this.setRetry.run(error, nextAttemptAt.getTime(), id)
    }

    /** Postpone an item without counting an attempt (a dependency is not there yet). */
    postpone(id: number, nextAttemptAt: Date, reason: string): void {
        this.setPostponed.run(nextAttemptAt.getTime(), reason, id)
    }

    /** Give up on an item (non-retryable failure); it stays for inspection. */
    markDead(id: number, error: string): void {
        this.setDead.run(error, id)
    }

    /** Remember that the bound alert for an item was raised (raised once). */
    markAlerted(id: number): void {
        this.setAlerted.run(id)
    }
}
