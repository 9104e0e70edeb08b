/**
 * The executor's local journal (better-sqlite3, WAL, synchronous=FULL): every step of every action is written
 * here BEFORE and AFTER each external call, so a crash at any point resumes without a second grant and without
 * losing a revoke. ServiceNow stays the coordination point; the journal is this replica's memory of what it
 * did (and what it still owes ServiceNow: the outbox).
 *
 * Invariants:
 * - Step changes are compare-and-swap (`UPDATE … WHERE action_id = ? AND step = ?`); a lost CAS throws
 *   {@link JournalConflictError}: two code paths believing they own the same step is a bug, never a retry.
 * - Every step change is recorded in `step_history` in the same transaction.
 * - `synchronous=FULL`: a step reported written survives power loss (WAL alone with NORMAL may lose the last
 *   transactions; for a "calling" marker that is exactly the one that matters).
 */
import Database from 'better-sqlite3'
import type { Clock } from '../ports'
import { MIGRATIONS, type Migration } from './migrations'

/**
 * Steps of an action in the journal.
 * - `claimed`: leased, nothing sent to a provider in this attempt.
 * - `calling`: a provider call was (or is about to be) sent; no result recorded. Found on start → the outcome
 *   is unknown and must be reconciled by reading the provider before any new grant call.
 * - `provider_done`: the provider call succeeded; txn ids / expiry recorded. Only the write-back remains.
 * - `written_back`: every write-back item is durably queued in the outbox; done once they are all delivered.
 * - `retry_wait`: the attempt failed retryably; the action went back to the ServiceNow queue with not_before.
 * - `done`, `failed`, `dead`, `halted`: final for this replica.
 */
export const JOURNAL_STEPS = [
    'claimed',
    'calling',
    'provider_done',
    'written_back',
    'retry_wait',
    'done',
    'failed',
    'dead',
    'halted',
] as const
export type JournalStep = (typeof JOURNAL_STEPS)[number]

/** Steps after which nothing more happens to the action on this replica. */
export const FINAL_STEPS: readonly JournalStep[] = ['done', 'failed', 'dead', 'halted']

/** One action as journaled. */
export interface JournalAction {
    actionId: string
    grantId: string
    type: string
    step: JournalStep
    provider: string
    /** Raw plan JSON the action acted on ('' until known). */
    plan: string
    txnIds: string[]
    providerResult: unknown
    expiresAt: Date | null
    attempts: number
    lastError: string
    /** Free-form per-action facts (recheck summary, failure counters…). */
    data: Record<string, unknown>
    createdAt: Date
    updatedAt: Date
}

/** Fields {@link Journal.transition} / {@link Journal.update} may change. */
export interface JournalPatch {
    provider?: string
    plan?: string
    txnIds?: string[]
    providerResult?: unknown
    expiresAt?: Date | null
    attempts?: number
    lastError?: string
    /** Merged into the existing data (shallow). */
    data?: Record<string, unknown>
}

/** One step transition. */
export interface StepHistoryEntry {
    fromStep: JournalStep | null
    toStep: JournalStep
    at: Date
    detail: string
}

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

/** An armed revoke timer. */
export interface RevokeTimer {
    grantId: string
    /** The ServiceNow revoke action, once created ('' before). */
    revokeActionId: string
    dueAt: Date
    armedAt: Date
}

/** An incident raised for a grant (one per grant and kind). */
export interface IncidentRef {
    grantId: string
    kind: string
    sysId: string
    number: string
    createdAt: Date
}

/** Thrown when a compare-and-swap finds another step than expected (or no row). */
export class JournalConflictError extends Error {
    constructor(
        readonly actionId: string,
        readonly expected: readonly JournalStep[],
        readonly actual: JournalStep | null,
    ) {
        super(
            `journal CAS failed for action ${actionId}: expected step ${expected.join(' | ')}, found ${actual ?? 'no row'}`,
        )
        this.name = 'JournalConflictError'
    }
}

/** Options of {@link Journal.open}. */
export interface JournalOptions {
    /** Time source for timestamps. */
    clock: Pick<Clock, 'now'>
}

interface ActionRow {
    action_id: string
    grant_id: string
    type: string
    step: string
    provider: string
    plan: string
    txn_ids: string
    provider_result: string | null
    expires_at: number | null
    attempts: number
    last_error: string
    data: string
    created_at: number
    updated_at: number
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

function parseJson<T>(text: string | null, fallback: T): T {
    if (text === null || text === '') return fallback
    try {
        return JSON.parse(text) as T
    } catch {
        return fallback
    }
}

function toAction(row: ActionRow): JournalAction {
    return {
        actionId: row.action_id,
        grantId: row.grant_id,
        type: row.type,
        step: row.step as JournalStep,
        provider: row.provider,
        plan: row.plan,
        txnIds: parseJson<string[]>(row.txn_ids, []),
        providerResult: parseJson<unknown>(row.provider_result, null),
        expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
        attempts: row.attempts,
        lastError: row.last_error,
        data: parseJson<Record<string, unknown>>(row.data, {}),
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
    }
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
        deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
    }
}

/** The journal. One instance per database file; not shared between processes. */
export class Journal {
    private constructor(
        private readonly db: Database.Database,
        private readonly clock: Pick<Clock, 'now'>,
    ) {}

    /** Open (creating if needed) the journal at `path` and apply pending migrations. */
    static open(path: string, options: JournalOptions): Journal {
        const db = new Database(path)
        db.pragma('journal_mode = WAL')
        db.pragma('synchronous = FULL')
        db.pragma('foreign_keys = ON')
        db.pragma('busy_timeout = 5000')
        const journal = new Journal(db, options.clock)
        journal.migrate(MIGRATIONS)
        return journal
    }

    /** Apply `migrations` newer than the recorded version, each in its own transaction. */
    migrate(migrations: readonly Migration[]): number[] {
        this.db.exec(
            'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
        )
        const current = this.schemaVersion()
        const applied: number[] = []
        const sorted = [...migrations].sort((a, b) => a.version - b.version)
        for (const m of sorted) {
            if (m.version <= current) continue
            this.db.transaction(() => {
                this.db.exec(m.sql)
                this.db
                    .prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)')
                    .run(m.version, m.name, this.nowMs())
            })()
            applied.push(m.version)
        }
        return applied
    }

    /** Highest applied migration version (0 for a fresh file). */
    schemaVersion(): number {
        const row = this.db.prepare('SELECT MAX(version) AS v FROM migrations').get() as { v: number | null }
        return row.v ?? 0
    }

    /** SQLite pragma value (for readiness checks and tests). */
    pragma(name: 'journal_mode' | 'synchronous'): unknown {
        return this.db.pragma(name, { simple: true })
    }

    /** Close the database. */
    close(): void {
        if (this.db.open) this.db.close()
    }

    /** Run `fn` in one SQLite transaction (nested calls join the outer one). */
    transaction<T>(fn: () => T): T {
        return this.db.transaction(fn)()
    }

    private nowMs(): number {
        return this.clock.now().getTime()
    }

    // ── actions ───────────────────────────────────────────────────────────────────────────────────────────────

    /** The journaled action, or undefined. */
    get(actionId: string): JournalAction | undefined {
        const row = this.db.prepare('SELECT * FROM actions WHERE action_id = ?').get(actionId) as ActionRow | undefined
        return row ? toAction(row) : undefined
    }

    /**
     * Start journaling an action: inserts it at step `claimed` unless it is already known, and returns the
     * (existing or new) row. An existing row is never reset: its step tells the caller where to resume.
     */
    begin(input: { actionId: string; grantId: string; type: string; attempts: number }): JournalAction {
        return this.transaction(() => {
            const existing = this.get(input.actionId)
            if (existing) return existing
            const now = this.nowMs()
            this.db
                .prepare(
                    `INSERT INTO actions (action_id, grant_id, type, step, attempts, created_at, updated_at)
                     VALUES (?, ?, ?, 'claimed', ?, ?, ?)`,
                )
                .run(input.actionId, input.grantId, input.type, input.attempts, now, now)
            this.recordHistory(input.actionId, null, 'claimed', 'begin')
            return this.get(input.actionId)!
        })
    }

    /**
     * Compare-and-swap the step of `actionId` from one of `from` to `to`, applying `patch` in the same write.
     *
     * @throws JournalConflictError when the current step is not one of `from` (or the action is unknown).
     */
    transition(
        actionId: string,
        from: JournalStep | readonly JournalStep[],
        to: JournalStep,
        patch: JournalPatch = {},
        detail = '',
    ): JournalAction {
        const expected = (Array.isArray(from) ? from : [from]) as readonly JournalStep[]
        return this.transaction(() => {
            const current = this.get(actionId)
            if (!current || !expected.includes(current.step)) {
                throw new JournalConflictError(actionId, expected, current ? current.step : null)
            }
            const { sets, values } = this.patchSql(current, patch)
            sets.push('step = ?')
            values.push(to)
            const placeholders = expected.map(() => '?').join(', ')
            const result = this.db
                .prepare(`UPDATE actions SET ${sets.join(', ')} WHERE action_id = ? AND step IN (${placeholders})`)
                .run(...values, actionId, ...expected)
            if (result.changes !== 1) throw new JournalConflictError(actionId, expected, current.step)
            this.recordHistory(actionId, current.step, to, detail)
            return this.get(actionId)!
        })
    }

    /**
     * Change fields of `actionId` without changing its step, guarded by the expected step (CAS).
     *
     * @throws JournalConflictError when the step is not `step`.
     */
    update(actionId: string, step: JournalStep, patch: JournalPatch): JournalAction {
        return this.transaction(() => {
            const current = this.get(actionId)
            if (!current || current.step !== step) {
                throw new JournalConflictError(actionId, [step], current ? current.step : null)
            }
            const { sets, values } = this.patchSql(current, patch)
            const result = this.db
                .prepare(`UPDATE actions SET ${sets.join(', ')} WHERE action_id = ? AND step = ?`)
                .run(...values, actionId, step)
            if (result.changes !== 1) throw new JournalConflictError(actionId, [step], current.step)
            return this.get(actionId)!
        })
    }

    private patchSql(current: JournalAction, patch: JournalPatch): { sets: string[]; values: unknown[] } {
        const sets: string[] = ['updated_at = ?']
        const values: unknown[] = [this.nowMs()]
        if (patch.provider !== undefined) {
            sets.push('provider = ?')
            values.push(patch.provider)
        }
        if (patch.plan !== undefined) {
            sets.push('plan = ?')
            values.push(patch.plan)
        }
        if (patch.txnIds !== undefined) {
            sets.push('txn_ids = ?')
            values.push(JSON.stringify(patch.txnIds))
        }
        if (patch.providerResult !== undefined) {
            sets.push('provider_result = ?')
            values.push(JSON.stringify(patch.providerResult))
        }
        if (patch.expiresAt !== undefined) {
            sets.push('expires_at = ?')
            values.push(patch.expiresAt === null ? null : patch.expiresAt.getTime())
        }
        if (patch.attempts !== undefined) {
            sets.push('attempts = ?')
            values.push(patch.attempts)
        }
        if (patch.lastError !== undefined) {
            sets.push('last_error = ?')
            values.push(patch.lastError)
        }
        if (patch.data !== undefined) {
            sets.push('data = ?')
            values.push(JSON.stringify({ ...current.data, ...patch.data }))
        }
        return { sets, values }
    }

    private recordHistory(actionId: string, from: JournalStep | null, to: JournalStep, detail: string): void {
        this.db
            .prepare('INSERT INTO step_history (action_id, from_step, to_step, at, detail) VALUES (?, ?, ?, ?, ?)')
            .run(actionId, from, to, this.nowMs(), detail)
    }

    /** Every step transition of `actionId`, oldest first. */
    history(actionId: string): StepHistoryEntry[] {
        const rows = this.db
            .prepare('SELECT from_step, to_step, at, detail FROM step_history WHERE action_id = ? ORDER BY id')
            .all(actionId) as { from_step: string | null; to_step: string; at: number; detail: string }[]
        return rows.map((r) => ({
            fromStep: r.from_step as JournalStep | null,
            toStep: r.to_step as JournalStep,
            at: new Date(r.at),
            detail: r.detail,
        }))
    }

    /** Actions not done / failed / dead / halted (to resume on start), oldest first. */
    unfinished(): JournalAction[] {
        const placeholders = FINAL_STEPS.map(() => '?').join(', ')
        const rows = this.db
            .prepare(`SELECT * FROM actions WHERE step NOT IN (${placeholders}) ORDER BY created_at, action_id`)
            .all(...FINAL_STEPS) as ActionRow[]
        return rows.map(toAction)
    }

    /** Every journaled action of a grant, oldest first. */
    actionsOfGrant(grantId: string): JournalAction[] {
        const rows = this.db
            .prepare('SELECT * FROM actions WHERE grant_id = ? ORDER BY created_at, action_id')
            .all(grantId) as ActionRow[]
        return rows.map(toAction)
    }

    /**
     * The plan and txn ids the most recent successful grant of `grantId` acted on: what a revoke removes when
     * the stored plan can no longer be trusted.
     */
    grantRecord(
        grantId: string,
    ): { plan: string; provider: string; txnIds: string[]; expiresAt: Date | null } | undefined {
        const row = this.db
            .prepare(
                `SELECT * FROM actions WHERE grant_id = ? AND type = 'grant' AND plan != ''
                 AND step IN ('provider_done', 'written_back', 'done') ORDER BY updated_at DESC LIMIT 1`,
            )
            .get(grantId) as ActionRow | undefined
        if (!row) return undefined
        const a = toAction(row)
        return { plan: a.plan, provider: a.provider, txnIds: a.txnIds, expiresAt: a.expiresAt }
    }

    // ── outbox ────────────────────────────────────────────────────────────────────────────────────────────────

    /** Queue write-backs (call inside {@link transaction} together with the step change they belong to). */
    enqueue(items: OutboxInput[]): number[] {
        const now = this.nowMs()
        const stmt = this.db.prepare(
            `INSERT INTO outbox (action_id, grant_id, kind, payload, next_attempt_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
        )
        return this.transaction(() =>
            items.map((item) =>
                Number(
                    stmt.run(item.actionId ?? '', item.grantId ?? '', item.kind, JSON.stringify(item.payload), now, now)
                        .lastInsertRowid,
                ),
            ),
        )
    }

    /** Pending items due at `now`, in queue order. */
    dueOutbox(now: Date, limit = 100): OutboxItem[] {
        const rows = this.db
            .prepare(`SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`)
            .all(now.getTime(), limit) as OutboxRow[]
        return rows.map(toOutbox)
    }

    /** Every outbox item (optionally of one action), in queue order. */
    outbox(filter: { actionId?: string; status?: OutboxStatus } = {}): OutboxItem[] {
        const where: string[] = []
        const values: unknown[] = []
        if (filter.actionId !== undefined) {
            where.push('action_id = ?')
            values.push(filter.actionId)
        }
        if (filter.status !== undefined) {
            where.push('status = ?')
            values.push(filter.status)
        }
        const sql = `SELECT * FROM outbox ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id`
        return (this.db.prepare(sql).all(...values) as OutboxRow[]).map(toOutbox)
    }

    /** Number of pending items (of one action, or all). */
    pendingOutbox(actionId?: string): number {
        const row = (
            actionId === undefined
                ? this.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`).get()
                : this.db
                      .prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND action_id = ?`)
                      .get(actionId)
        ) as { n: number }
        return row.n
    }

    /** Soonest next attempt among pending items, or null. */
    nextOutboxAttempt(): Date | null {
        const row = this.db.prepare(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'`).get() as {
            t: number | null
        }
        return row.t === null ? null : new Date(row.t)
    }

    /** Mark an item delivered. */
    markDelivered(id: number): void {
        this.db
            .prepare(`UPDATE outbox SET status = 'delivered', delivered_at = ?, last_error = '' WHERE id = ?`)
            .run(this.nowMs(), id)
    }

    /** Record a failed delivery and when to try again. */
    markRetry(id: number, error: string, nextAttemptAt: Date): void {
        this.db
            .prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`)
            .run(error, nextAttemptAt.getTime(), id)
    }

    /** Postpone an item without counting an attempt (a dependency is not there yet). */
    postpone(id: number, nextAttemptAt: Date, reason: string): void {
        this.db
            .prepare(`UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?`)
            .run(nextAttemptAt.getTime(), reason, id)
    }

    /** Give up on an item (non-retryable failure); it stays for inspection. */
    markDead(id: number, error: string): void {
        this.db
            .prepare(`UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?`)
            .run(error, id)
    }

    /** Remember that the bound alert for an item was raised (raised once). */
    markAlerted(id: number): void {
        this.db.prepare('UPDATE outbox SET alerted = 1 WHERE id = ?').run(id)
    }

    // ── revoke timers ─────────────────────────────────────────────────────────────────────────────────────────

    /** Arm (or re-arm) the revoke timer of a grant. */
    armTimer(grantId: string, dueAt: Date, revokeActionId = ''): void {
        this.db
            .prepare(
                `INSERT INTO revoke_timers (grant_id, revoke_action_id, due_at, armed_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT (grant_id) DO UPDATE SET due_at = excluded.due_at,
                 revoke_action_id = CASE WHEN excluded.revoke_action_id != '' THEN excluded.revoke_action_id
                                         ELSE revoke_timers.revoke_action_id END`,
            )
            .run(grantId, revokeActionId, dueAt.getTime(), this.nowMs())
    }

    /** Record the ServiceNow revoke action of an armed timer. */
    setTimerAction(grantId: string, revokeActionId: string): void {
        this.db.prepare('UPDATE revoke_timers SET revoke_action_id = ? WHERE grant_id = ?').run(revokeActionId, grantId)
    }

    /** Disarm the timer of a grant (revoked). */
    disarmTimer(grantId: string): void {
        this.db.prepare('DELETE FROM revoke_timers WHERE grant_id = ?').run(grantId)
    }

    /** The timer of a grant, if armed. */
    timer(grantId: string): RevokeTimer | undefined {
        const row = this.db.prepare('SELECT * FROM revoke_timers WHERE grant_id = ?').get(grantId) as
            { grant_id: string; revoke_action_id: string; due_at: number; armed_at: number } | undefined
        return row
            ? {
                  grantId: row.grant_id,
                  revokeActionId: row.revoke_action_id,
                  dueAt: new Date(row.due_at),
                  armedAt: new Date(row.armed_at),
              }
            : undefined
    }

    /** Armed timers, soonest first (all, or those due at `now`). */
    timers(dueAt?: Date): RevokeTimer[] {
        const rows = (
            dueAt === undefined
                ? this.db.prepare('SELECT * FROM revoke_timers ORDER BY due_at').all()
                : this.db.prepare('SELECT * FROM revoke_timers WHERE due_at <= ? ORDER BY due_at').all(dueAt.getTime())
        ) as { grant_id: string; revoke_action_id: string; due_at: number; armed_at: number }[]
        return rows.map((row) => ({
            grantId: row.grant_id,
            revokeActionId: row.revoke_action_id,
            dueAt: new Date(row.due_at),
            armedAt: new Date(row.armed_at),
        }))
    }

    // ── holders (reference counts for overlapping grants of the same access) ──────────────────────────────────
    // The journal is the durable HolderRegistry of the Entra providers (providers/entra/holders.ts): two grants
    // of the same role / group to the same user share one assignment, and only the last holder's revoke removes
    // it. The providers own the rule and the key format; the journal only keeps the counts across restarts.

    /** Active grant sys_ids holding the access identified by `key` (provider|principal|target). */
    holdersOf(key: string): string[] {
        const rows = this.db
            .prepare('SELECT grant_id FROM holders WHERE holder_key = ? ORDER BY added_at, grant_id')
            .all(key) as { grant_id: string }[]
        return rows.map((r) => r.grant_id)
    }

    /** Record (or refresh the expiry of) `grantId` as a holder of `key`. Idempotent. */
    addHolder(key: string, grantId: string, expiresAt?: Date): void {
        this.db
            .prepare(
                `INSERT INTO holders (holder_key, grant_id, added_at, expires_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT (holder_key, grant_id) DO UPDATE SET expires_at = excluded.expires_at`,
            )
            .run(key, grantId, this.nowMs(), expiresAt ? expiresAt.getTime() : null)
    }

    /** Record that `grantId` no longer holds `key` (idempotent). Returns the remaining holders. */
    removeHolder(key: string, grantId: string): string[] {
        this.db.prepare('DELETE FROM holders WHERE holder_key = ? AND grant_id = ?').run(key, grantId)
        return this.holdersOf(key)
    }

    /** Every key with at least one holder (the drift scan's active grant keys). */
    holderKeys(): string[] {
        const rows = this.db.prepare('SELECT DISTINCT holder_key FROM holders ORDER BY holder_key').all() as {
            holder_key: string
        }[]
        return rows.map((r) => r.holder_key)
    }

    /** Recorded expiry of a holder, if any. */
    holderExpiry(key: string, grantId: string): Date | undefined {
        const row = this.db
            .prepare('SELECT expires_at FROM holders WHERE holder_key = ? AND grant_id = ?')
            .get(key, grantId) as { expires_at: number | null } | undefined
        return row && row.expires_at !== null ? new Date(row.expires_at) : undefined
    }

    // ── incidents ─────────────────────────────────────────────────────────────────────────────────────────────

    /** The incident raised for a grant and kind, if any. */
    incident(grantId: string, kind: string): IncidentRef | undefined {
        const row = this.db.prepare('SELECT * FROM incidents WHERE grant_id = ? AND kind = ?').get(grantId, kind) as
            { grant_id: string; kind: string; sys_id: string; number: string; created_at: number } | undefined
        return row
            ? {
                  grantId: row.grant_id,
                  kind: row.kind,
                  sysId: row.sys_id,
                  number: row.number,
                  createdAt: new Date(row.created_at),
              }
            : undefined
    }

    /** Remember a raised incident (first one wins). */
    recordIncident(grantId: string, kind: string, sysId: string, number: string): void {
        this.db
            .prepare(
                'INSERT OR IGNORE INTO incidents (grant_id, kind, sys_id, number, created_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(grantId, kind, sysId, number, this.nowMs())
    }
}
