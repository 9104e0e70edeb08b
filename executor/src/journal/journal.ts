/**
 * The executor's local journal (better-sqlite3, WAL, synchronous=NORMAL plus a durability barrier before every
 * external write, below): every step of every action is written here BEFORE and AFTER each external call, so a crash at any point resumes without a second grant and without
 * losing a revoke. ServiceNow stays the coordination point; the journal is this replica's memory of what it
 * did (and what it still owes ServiceNow: the outbox).
 *
 * This class is the facade over one database file and its stores, one file each, every statement prepared once
 * when the journal opens:
 * - actions.ts: actions, their step history (compare-and-swap step changes) and grant records;
 * - outbox.ts: write-backs owed to ServiceNow;
 * - revoke-timers.ts: armed revoke timers;
 * - holders.ts: holders of shared accesses (the Entra providers' holder registry);
 * - incidents.ts: incidents raised per grant and kind;
 * - audit-anchors.ts: each grant's audit chain head after this executor's last append to it;
 * - retention.ts: compaction of settled grants' history past the retention age;
 * - statement-stats.ts: calls and rows of every statement (what a poll reads, for tests and the bench);
 * - schema.ts: the applied migrations (migrations.ts).
 *
 * Invariants:
 * - Step changes are compare-and-swap; a lost CAS throws {@link JournalConflictError}.
 * - Every step change is recorded in `step_history` in the same transaction.
 * - Stores share the one connection, so {@link Journal.transaction} makes writes to several stores atomic (a step
 *   change and the write-backs it queues).
 * - Durability (issue 18): every commit reaches the WAL file at once (a kill -9 loses nothing committed), but it is
 *   forced to disk (fsync) only by {@link Journal.sync}, the barrier the executor passes right before every provider
 *   write (grant, revoke, extend: providers/durable.ts) and every ServiceNow write-back call (writeback.ts). A power
 *   loss therefore rolls the journal back at most to the last barrier, and nothing external happened after that
 *   barrier that a kill -9 at the same moment could not also leave behind (a `calling` marker is always on disk
 *   before its call). Before: `synchronous=FULL`, one fsync per commit — ~20 per grant, 5 ms each on the shared
 *   machine's disk, all of them blocking the event loop (docs/performance.md "Run 5").
 */
import { closeSync, fstatSync, fsyncSync, openSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Clock } from '../ports'
import {
    ActionStore,
    type ActionStart,
    type GrantRecord,
    type JournalAction,
    type JournalPatch,
    type JournalStep,
    type StepHistoryEntry,
} from './actions'
import type { NowMs } from './columns'
import { AuditAnchorStore, type AuditAnchorRecord } from './audit-anchors'
import { HolderStore } from './holders'
import { IncidentStore, type IncidentRef } from './incidents'
import { MIGRATIONS, type Migration } from './migrations'
import { OutboxStore, type OutboxFilter, type OutboxInput, type OutboxItem, type OutboxKey } from './outbox'
import { RetentionStore, type CompactionReport } from './retention'
import { RevokeTimerStore, type RevokeTimer } from './revoke-timers'
import { Schema } from './schema'
import { countStatements, type StatementStat, type StatementStats } from './statement-stats'

export {
    FINAL_STEPS,
    JOURNAL_STEPS,
    JournalConflictError,
    type JournalAction,
    type JournalPatch,
    type JournalStep,
    type StepHistoryEntry,
} from './actions'
export type { AuditAnchorRecord } from './audit-anchors'
export type { IncidentRef } from './incidents'
export type { OutboxInput, OutboxItem, OutboxKey, OutboxStatus } from './outbox'
export type { RevokeTimer } from './revoke-timers'
export type { CompactionReport } from './retention'
export type { StatementStat } from './statement-stats'

/** Options of {@link Journal.open}. */
export interface JournalOptions {
    /** Time source for timestamps. */
    clock: Pick<Clock, 'now'>
}

/** The journal. One instance per database file; not shared between processes. */
export class Journal {
    private readonly actions: ActionStore
    private readonly outboxStore: OutboxStore
    private readonly timerStore: RevokeTimerStore
    private readonly holders: HolderStore
    private readonly incidents: IncidentStore
    private readonly anchors: AuditAnchorStore
    private readonly retention: RetentionStore
    /** The WAL file, opened at the first {@link sync} that finds it; its size and mtime at the last fsync. */
    private wal: { fd: number; mark: string } | undefined
    private syncs = 0

    /** Builds the stores over a migrated database (their statements need the tables). */
    private constructor(
        private readonly db: Database.Database,
        private readonly schema: Schema,
        nowMs: NowMs,
        private readonly stats: StatementStats,
    ) {
        this.actions = new ActionStore(db, nowMs)
        this.outboxStore = new OutboxStore(db, nowMs)
        this.timerStore = new RevokeTimerStore(db, nowMs)
        this.holders = new HolderStore(db, nowMs)
        this.incidents = new IncidentStore(db, nowMs)
        this.anchors = new AuditAnchorStore(db, nowMs)
        this.retention = new RetentionStore(db)
    }

    /** Open (creating if needed) the journal at `path` and apply pending migrations. */
    static open(path: string, options: JournalOptions): Journal {
        const db = new Database(path)
        const stats = countStatements(db)
        db.pragma('journal_mode = WAL')
        db.pragma('synchronous = NORMAL') // durability: the sync() barrier (module comment)
        db.pragma('foreign_keys = ON')
        db.pragma('busy_timeout = 5000')
        const nowMs = (): number => options.clock.now().getTime()
        const schema = new Schema(db, nowMs)
        schema.migrate(MIGRATIONS)
        return new Journal(db, schema, nowMs, stats)
    }

    /** Apply `migrations` newer than the recorded version, each in its own transaction. */
    migrate(migrations: readonly Migration[]): number[] {
        return this.schema.migrate(migrations)
    }

    /** Highest applied migration version (0 for a fresh file). */
    schemaVersion(): number {
        return this.schema.version()
    }

    /**
     * Liveness probe (/healthz): takes the database's write lock and releases it without writing anything
     * (`BEGIN IMMEDIATE`, `ROLLBACK`). Throws when the journal cannot be written: closed, read-only, or locked by
     * another process (which may hold it up to the busy timeout). A transaction of ours in progress passes.
     */
    probeWrite(): void {
        if (this.db.inTransaction) return
        this.db.exec('BEGIN IMMEDIATE')
        this.db.exec('ROLLBACK')
    }

    /** SQLite pragma value (for readiness checks and tests). */
    pragma(name: 'journal_mode' | 'synchronous'): unknown {
        return this.db.pragma(name, { simple: true })
    }

    /**
     * Durability barrier: force every transaction committed so far to disk (fsync of the WAL file, what
     * `synchronous=FULL` does at each commit), unless nothing was written since the last barrier. Called right
     * before an external write whose repetition or loss after a power failure would matter (module comment).
     */
    sync(): void {
        if (!this.db.open || this.db.memory) return
        if (!this.wal) {
            let fd: number
            try {
                fd = openSync(`${this.db.name}-wal`, 'r')
            } catch {
                return // no WAL file yet: nothing was ever written
            }
            this.wal = { fd, mark: '' }
        }
        const st = fstatSync(this.wal.fd, { bigint: true })
        const mark = `${st.size}:${st.mtimeNs}`
        if (mark === this.wal.mark) return
        fsyncSync(this.wal.fd)
        this.wal.mark = mark
        this.syncs++
    }

    /** Number of fsyncs {@link sync} made (tests, the bench). */
    syncCount(): number {
        return this.syncs
    }

    /** Close the database (after a last barrier). */
    close(): void {
        if (!this.db.open) return
        this.sync()
        if (this.wal) closeSync(this.wal.fd)
        this.wal = undefined
        this.db.close()
    }

    /**
     * Calls and rows returned per statement since the journal opened (or since {@link resetStatementStats}):
     * what a poll, a revoke or a start-up reads, counted (tests assert it does not grow with past grants).
     */
    statementStats(): StatementStat[] {
        return this.stats.list()
    }

    /** Zero the statement counters. */
    resetStatementStats(): void {
        this.stats.reset()
    }

    // ── retention (retention.ts) ──────────────────────────────────────────────────────────────────────────────

    /**
     * Compact the history of settled grants whose last activity is before `cutoff` (retention.ts says what is
     * settled, what goes and what stays), at most `maxGrants` per call.
     */
    compact(cutoff: Date, maxGrants = 1000): CompactionReport {
        return this.retention.compact(cutoff.getTime(), maxGrants)
    }

    /** Run `fn` in one SQLite transaction (nested calls join the outer one), whichever stores it writes. */
    transaction<T>(fn: () => T): T {
        return this.db.transaction(fn)()
    }

    // ── actions (actions.ts) ──────────────────────────────────────────────────────────────────────────────────

    /** The journaled action, or undefined. */
    get(actionId: string): JournalAction | undefined {
        return this.actions.get(actionId)
    }

    /** See {@link ActionStore.begin}: the existing or new row (at `claimed`); an existing row is never reset. */
    begin(input: ActionStart): JournalAction {
        return this.actions.begin(input)
    }

    /**
     * Compare-and-swap the step of `actionId` from one of `from` to `to`, applying `patch` in the same write
     * (arguments: see {@link ActionStore.transition}).
     *
     * @throws JournalConflictError when the current step is not one of `from` (or the action is unknown).
     */
    transition(...args: Parameters<ActionStore['transition']>): JournalAction {
        return this.actions.transition(...args)
    }

    /**
     * Change fields of `actionId` without changing its step, guarded by the expected step (CAS).
     *
     * @throws JournalConflictError when the step is not `step`.
     */
    update(actionId: string, step: JournalStep, patch: JournalPatch): JournalAction {
        return this.actions.update(actionId, step, patch)
    }

    /** Every step transition of `actionId`, oldest first. */
    history(actionId: string): StepHistoryEntry[] {
        return this.actions.history(actionId)
    }

    /** Actions not done / failed / dead / halted (to resume on start), oldest first. */
    unfinished(): JournalAction[] {
        return this.actions.unfinished()
    }

    /** Every journaled action of a grant, oldest first. */
    actionsOfGrant(grantId: string): JournalAction[] {
        return this.actions.ofGrant(grantId)
    }

    /** What the most recent successful grant of `grantId` acted on (see {@link ActionStore.grantRecord}). */
    grantRecord(grantId: string): GrantRecord | undefined {
        return this.actions.grantRecord(grantId)
    }

    // ── outbox (outbox.ts) ────────────────────────────────────────────────────────────────────────────────────

    /** Queue write-backs (call inside {@link transaction} together with the step change they belong to). */
    enqueue(items: OutboxInput[]): number[] {
        return this.outboxStore.enqueue(items)
    }

    /** Pending items due at `now`, in queue order. */
    dueOutbox(now: Date, limit = 100): OutboxItem[] {
        return this.outboxStore.due(now, limit)
    }

    /** Every outbox item (optionally of one action and / or with one status), in queue order. */
    outbox(filter: OutboxFilter = {}): OutboxItem[] {
        return this.outboxStore.list(filter)
    }

    /** Pending items of one delivery key (a grant, else an action, else one item), in queue order. */
    pendingOutboxOfKey(key: OutboxKey): OutboxItem[] {
        return this.outboxStore.pendingOfKey(key)
    }

    /** Number of pending items (of one action, or all). */
    pendingOutbox(actionId?: string): number {
        return this.outboxStore.pending(actionId)
    }

    /** Soonest next attempt among pending items, or null. */
    nextOutboxAttempt(): Date | null {
        return this.outboxStore.nextAttempt()
    }

    /** Mark an item delivered. */
    markDelivered(id: number): void {
        this.outboxStore.markDelivered(id)
    }

    /** Record a failed delivery and when to try again. */
    markRetry(id: number, error: string, nextAttemptAt: Date): void {
        this.outboxStore.markRetry(id, error, nextAttemptAt)
    }

    /** Postpone an item without counting an attempt (a dependency is not there yet). */
    postpone(id: number, nextAttemptAt: Date, reason: string): void {
        this.outboxStore.postpone(id, nextAttemptAt, reason)
    }

    /** Give up on an item (non-retryable failure); it stays for inspection. */
    markDead(id: number, error: string): void {
        this.outboxStore.markDead(id, error)
    }

    /** Remember that the bound alert for an item was raised (raised once). */
    markAlerted(id: number): void {
        this.outboxStore.markAlerted(id)
    }

    // ── revoke timers (revoke-timers.ts) ──────────────────────────────────────────────────────────────────────

    /** Arm (or re-arm) the revoke timer of a grant. */
    armTimer(grantId: string, dueAt: Date, revokeActionId = ''): void {
        this.timerStore.arm(grantId, dueAt, revokeActionId)
    }

    /** Record the ServiceNow revoke action of an armed timer. */
    setTimerAction(grantId: string, revokeActionId: string): void {
        this.timerStore.setRevokeAction(grantId, revokeActionId)
    }

    /** Disarm the timer of a grant (revoked). */
    disarmTimer(grantId: string): void {
        this.timerStore.disarm(grantId)
    }

    /** The timer of a grant, if armed. */
    timer(grantId: string): RevokeTimer | undefined {
        return this.timerStore.get(grantId)
    }

    /** The soonest due time of an armed timer after `after` (the revoke lane's next wake-up). */
    nextTimerDue(after: Date): Date | undefined {
        return this.timerStore.nextDue(after)
    }

    /** Armed timers, soonest first (all, or those due at `now`). */
    timers(dueAt?: Date): RevokeTimer[] {
        return this.timerStore.list(dueAt)
    }

    /** Number of armed timers (all, or those due at `dueAt`): gauges, without reading the rows. */
    timerCount(dueAt?: Date): number {
        return this.timerStore.count(dueAt)
    }

    /** Up to `limit` grants with an armed timer after `cursor`, in grant id order (a page of a full pass). */
    timerGrantsAfter(cursor: string, limit: number): string[] {
        return this.timerStore.grantsAfter(cursor, limit)
    }

    // ── holders (holders.ts; the Entra providers' HolderRegistry) ─────────────────────────────────────────────

    /** Active grant sys_ids holding the access identified by `key` (provider|principal|target). */
    holdersOf(key: string): string[] {
        return this.holders.of(key)
    }

    /** Record (or refresh the expiry of) `grantId` as a holder of `key`. Idempotent. */
    addHolder(key: string, grantId: string, expiresAt?: Date): void {
        this.holders.add(key, grantId, expiresAt)
    }

    /** Record that `grantId` no longer holds `key` (idempotent). Returns the remaining holders. */
    removeHolder(key: string, grantId: string): string[] {
        return this.holders.remove(key, grantId)
    }

    /** Every key with at least one holder (the drift scan's active grant keys). */
    holderKeys(): string[] {
        return this.holders.keys()
    }

    /** Recorded expiry of a holder, if any. */
    holderExpiry(key: string, grantId: string): Date | undefined {
        return this.holders.expiry(key, grantId)
    }

    // ── incidents (incidents.ts) ──────────────────────────────────────────────────────────────────────────────

    /** The incident raised for a grant and kind, if any. */
    incident(grantId: string, kind: string): IncidentRef | undefined {
        return this.incidents.get(grantId, kind)
    }

    /** Remember a raised incident (first one wins). */
    recordIncident(grantId: string, kind: string, sysId: string, number: string): void {
        this.incidents.record(grantId, kind, sysId, number)
    }

    // ── audit anchors (audit-anchors.ts) ──────────────────────────────────────────────────────────────────────

    /** The anchored head of a grant's audit chain (after this executor's last append to it), if any. */
    auditAnchor(grantId: string): AuditAnchorRecord | undefined {
        return this.anchors.get(grantId)
    }

    /** Anchor a grant's chain head after an append (forward only). */
    anchorAudit(grantId: string, sequence: number, hash: string): void {
        this.anchors.advance(grantId, sequence, hash)
    }

    /** Re-anchor a grant's chain on the executor's record of a break (may move the anchor back; audit-anchors.ts). */
    rebaseAuditAnchor(grantId: string, sequence: number, hash: string): void {
        this.anchors.rebase(grantId, sequence, hash)
    }
}
