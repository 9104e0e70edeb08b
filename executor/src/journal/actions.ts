/**
 * The action store: one row per action (`actions`) and every change of its step (`step_history`).
 *
 * Step changes are compare-and-swap (`UPDATE … WHERE action_id = ? AND step = ?`) and recorded in the history
 * in the same transaction; a lost CAS throws {@link JournalConflictError}: two code paths believing they own the
 * same step is a bug, never a retry.
 */
import type Database from 'better-sqlite3'
import { dateOrNull, parseJson, type NowMs } from './columns'

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

/** Steps an action is resumed from (every step that is not final). */
const OPEN_STEPS: readonly JournalStep[] = JOURNAL_STEPS.filter((s) => !FINAL_STEPS.includes(s))

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

/** Fields {@link ActionStore.transition} / {@link ActionStore.update} may change. */
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

/** What the most recent successful grant of a grant acted on (see {@link ActionStore.grantRecord}). */
export interface GrantRecord {
    /** The grant action's own id: the idempotency key the provider's grant was made under. */
    actionId: string
    plan: string
    provider: string
    txnIds: string[]
    expiresAt: Date | null
}

/** A new action (see {@link ActionStore.begin}). */
export interface ActionStart {
    actionId: string
    grantId: string
    type: string
    attempts: number
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

interface HistoryRow {
    from_step: string | null
    to_step: string
    at: number
    detail: string
}

/** The row as written by a step change: every changeable column, plus the step the CAS expects. */
type RowWrite = Omit<ActionRow, 'grant_id' | 'type' | 'created_at'> & { expected: string }

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
        expiresAt: dateOrNull(row.expires_at),
        attempts: row.attempts,
        lastError: row.last_error,
        data: parseJson<Record<string, unknown>>(row.data, {}),
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
    }
}

/** `value` unless it is undefined (the patch leaves the column as it is). */
function patched<T>(value: T | undefined, current: T): T {
    return value === undefined ? current : value
}

/** Actions and their step history. Statements are prepared once, here. */
export class ActionStore {
    private readonly selectOne: Database.Statement<[string], ActionRow>
    private readonly insertOne: Database.Statement<[string, string, string, number, number, number]>
    private readonly writeOne: Database.Statement<RowWrite>
    private readonly insertHistory: Database.Statement<[string, string | null, string, number, string]>
    private readonly selectHistory: Database.Statement<[string], HistoryRow>
    private readonly selectUnfinished: Database.Statement<string[], ActionRow>
    private readonly selectOfGrant: Database.Statement<[string], ActionRow>
    private readonly selectGrantRecord: Database.Statement<[string], ActionRow>

    constructor(
        private readonly db: Database.Database,
        private readonly nowMs: NowMs,
    ) {
        this.selectOne = db.prepare('SELECT * FROM actions WHERE action_id = ?')
        this.insertOne = db.prepare(
            `INSERT INTO actions (action_id, grant_id, type, step, attempts, created_at, updated_at)
             VALUES (?, ?, ?, 'claimed', ?, ?, ?)`,
        )
        // One statement for every patch: a column the patch leaves alone is written back with its own value.
        this.writeOne = db.prepare(
            `UPDATE actions SET step = @step, provider = @provider, plan = @plan, txn_ids = @txn_ids,
             provider_result = @provider_result, expires_at = @expires_at, attempts = @attempts,
             last_error = @last_error, data = @data, updated_at = @updated_at
             WHERE action_id = @action_id AND step = @expected`,
        )
        this.insertHistory = db.prepare(
            'INSERT INTO step_history (action_id, from_step, to_step, at, detail) VALUES (?, ?, ?, ?, ?)',
        )
        this.selectHistory = db.prepare(
            'SELECT from_step, to_step, at, detail FROM step_history WHERE action_id = ? ORDER BY id',
        )
        // IN over the open steps (not NOT IN over the final ones): the step index finds the few open rows without
        // reading every action ever journaled (start-up and `doctor` stay flat in the number of past grants).
        const openSteps = OPEN_STEPS.map(() => '?').join(', ')
        this.selectUnfinished = db.prepare(
            `SELECT * FROM actions WHERE step IN (${openSteps}) ORDER BY created_at, action_id`,
        )
        this.selectOfGrant = db.prepare('SELECT * FROM actions WHERE grant_id = ? ORDER BY created_at, action_id')
        this.selectGrantRecord = db.prepare(
            `SELECT * FROM actions WHERE grant_id = ? AND type = 'grant' AND plan != ''
             AND step IN ('provider_done', 'written_back', 'done') ORDER BY updated_at DESC LIMIT 1`,
        )
    }

    /** The journaled action, or undefined. */
    get(actionId: string): JournalAction | undefined {
        const row = this.selectOne.get(actionId)
        return row ? toAction(row) : undefined
    }

    /**
     * Start journaling an action: inserts it at step `claimed` unless it is already known, and returns the
     * (existing or new) row. An existing row is never reset: its step tells the caller where to resume.
     */
    begin(input: ActionStart): JournalAction {
        return this.db.transaction(() => {
            const existing = this.get(input.actionId)
            if (existing) return existing
            const now = this.nowMs()
            this.insertOne.run(input.actionId, input.grantId, input.type, input.attempts, now, now)
            this.recordHistory(input.actionId, null, 'claimed', 'begin')
            return this.get(input.actionId)!
        })()
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
        return this.db.transaction(() => {
            const current = this.selectOne.get(actionId)
            const step = (current?.step ?? null) as JournalStep | null
            if (!current || !expected.includes(current.step as JournalStep)) {
                throw new JournalConflictError(actionId, expected, step)
            }
            this.write(current, to, patch, expected)
            this.recordHistory(actionId, step, to, detail)
            return this.get(actionId)!
        })()
    }

    /**
     * Change fields of `actionId` without changing its step, guarded by the expected step (CAS).
     *
     * @throws JournalConflictError when the step is not `step`.
     */
    update(actionId: string, step: JournalStep, patch: JournalPatch): JournalAction {
        return this.db.transaction(() => {
            const current = this.selectOne.get(actionId)
            if (!current || current.step !== step) {
                throw new JournalConflictError(actionId, [step], current ? (current.step as JournalStep) : null)
            }
            this.write(current, step, patch, [step])
            return this.get(actionId)!
        })()
    }

    /** Every step transition of `actionId`, oldest first. */
    history(actionId: string): StepHistoryEntry[] {
        return this.selectHistory.all(actionId).map((r) => ({
            fromStep: r.from_step as JournalStep | null,
            toStep: r.to_step as JournalStep,
            at: new Date(r.at),
            detail: r.detail,
        }))
    }

    /** Actions not done / failed / dead / halted (to resume on start), oldest first. */
    unfinished(): JournalAction[] {
        return this.selectUnfinished.all(...OPEN_STEPS).map(toAction)
    }

    /** Every journaled action of a grant, oldest first. */
    ofGrant(grantId: string): JournalAction[] {
        return this.selectOfGrant.all(grantId).map(toAction)
    }

    /**
     * The plan and txn ids the most recent successful grant of `grantId` acted on: what a revoke removes when
     * the stored plan can no longer be trusted.
     */
    grantRecord(grantId: string): GrantRecord | undefined {
        const row = this.selectGrantRecord.get(grantId)
        if (!row) return undefined
        const a = toAction(row)
        return { actionId: a.actionId, plan: a.plan, provider: a.provider, txnIds: a.txnIds, expiresAt: a.expiresAt }
    }

    /** Write `patch` and step `to` over `current` (read in the same transaction), CAS on its step. */
    private write(current: ActionRow, to: JournalStep, patch: JournalPatch, expected: readonly JournalStep[]): void {
        const result = this.writeOne.run({
            action_id: current.action_id,
            expected: current.step,
            step: to,
            provider: patched(patch.provider, current.provider),
            plan: patched(patch.plan, current.plan),
            txn_ids: patch.txnIds === undefined ? current.txn_ids : JSON.stringify(patch.txnIds),
            provider_result:
                patch.providerResult === undefined
                    ? current.provider_result
                    : (JSON.stringify(patch.providerResult) ?? null),
            expires_at:
                patch.expiresAt === undefined
                    ? current.expires_at
                    : patch.expiresAt === null
                      ? null
                      : patch.expiresAt.getTime(),
            attempts: patched(patch.attempts, current.attempts),
            last_error: patched(patch.lastError, current.last_error),
            data:
                patch.data === undefined
                    ? current.data
                    : JSON.stringify({ ...parseJson<Record<string, unknown>>(current.data, {}), ...patch.data }),
            updated_at: this.nowMs(),
        })
        if (result.changes !== 1)
            throw new JournalConflictError(current.action_id, expected, current.step as JournalStep)
    }

    private recordHistory(actionId: string, from: JournalStep | null, to: JournalStep, detail: string): void {
        this.insertHistory.run(actionId, from, to, this.nowMs(), detail)
    }
}
