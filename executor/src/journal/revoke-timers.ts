/**
 * The revoke timer store: one armed timer per active grant (`revoke_timers`), due when the grant expires and
 * disarmed once it is revoked.
 */
import type Database from 'better-sqlite3'
import type { NowMs } from './columns'

/** An armed revoke timer. */
export interface RevokeTimer {
    grantId: string
    /** The ServiceNow revoke action, once created ('' before). */
    revokeActionId: string
    dueAt: Date
    armedAt: Date
}

interface TimerRow {
    grant_id: string
    revoke_action_id: string
    due_at: number
    armed_at: number
}

function toTimer(row: TimerRow): RevokeTimer {
    return {
        grantId: row.grant_id,
        revokeActionId: row.revoke_action_id,
        dueAt: new Date(row.due_at),
        armedAt: new Date(row.armed_at),
    }
}

/** Revoke timers. Statements are prepared once, here. */
export class RevokeTimerStore {
    private readonly upsert: Database.Statement<[string, string, number, number]>
    private readonly setAction: Database.Statement<[string, string]>
    private readonly deleteOne: Database.Statement<[string]>
    private readonly selectOne: Database.Statement<[string], TimerRow>
    private readonly selectAll: Database.Statement<[], TimerRow>
    private readonly selectDue: Database.Statement<[number], TimerRow>
    private readonly selectNext: Database.Statement<[number], { due: number | null }>
    private readonly countAll: Database.Statement<[], { n: number }>
    private readonly countDue: Database.Statement<[number], { n: number }>
    private readonly selectGrantsAfter: Database.Statement<[string, number], { grant_id: string }>

    constructor(
        db: Database.Database,
        private readonly nowMs: NowMs,
    ) {
        this.upsert = db.prepare(
            `INSERT INTO revoke_timers (grant_id, revoke_action_id, due_at, armed_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (grant_id) DO UPDATE SET due_at = excluded.due_at,
             revoke_action_id = CASE WHEN excluded.revoke_action_id != '' THEN excluded.revoke_action_id
                                     ELSE revoke_timers.revoke_action_id END`,
        )
        this.setAction = db.prepare('UPDATE revoke_timers SET revoke_action_id = ? WHERE grant_id = ?')
        this.deleteOne = db.prepare('DELETE FROM revoke_timers WHERE grant_id = ?')
        this.selectOne = db.prepare('SELECT * FROM revoke_timers WHERE grant_id = ?')
        this.selectAll = db.prepare('SELECT * FROM revoke_timers ORDER BY due_at')
        // The revoke lane asks for the next due time on every turn: an index keeps that O(log N) in active grants.
        db.exec('CREATE INDEX IF NOT EXISTS revoke_timers_due ON revoke_timers (due_at)')
        this.selectDue = db.prepare('SELECT * FROM revoke_timers WHERE due_at <= ? ORDER BY due_at')
        this.selectNext = db.prepare('SELECT MIN(due_at) AS due FROM revoke_timers WHERE due_at > ?')
        // Gauges and the periodic audit-chain check: counts and pages, never every row at once.
        this.countAll = db.prepare('SELECT COUNT(*) AS n FROM revoke_timers')
        this.countDue = db.prepare('SELECT COUNT(*) AS n FROM revoke_timers WHERE due_at <= ?')
        this.selectGrantsAfter = db.prepare(
            'SELECT grant_id FROM revoke_timers WHERE grant_id > ? ORDER BY grant_id LIMIT ?',
        )
    }

    /** Arm (or re-arm) the revoke timer of a grant; an empty `revokeActionId` keeps the recorded one. */
    arm(grantId: string, dueAt: Date, revokeActionId: string): void {
        this.upsert.run(grantId, revokeActionId, dueAt.getTime(), this.nowMs())
    }

    /** Record the ServiceNow revoke action of an armed timer. */
    setRevokeAction(grantId: string, revokeActionId: string): void {
        this.setAction.run(revokeActionId, grantId)
    }

    /** Disarm the timer of a grant (revoked). */
    disarm(grantId: string): void {
        this.deleteOne.run(grantId)
    }

    /** The timer of a grant, if armed. */
    get(grantId: string): RevokeTimer | undefined {
        const row = this.selectOne.get(grantId)
        return row ? toTimer(row) : undefined
    }

    /** The soonest due time of an armed timer after `after`, or undefined. */
    nextDue(after: Date): Date | undefined {
        const due = this.selectNext.get(after.getTime())?.due
        return due === null || due === undefined ? undefined : new Date(due)
    }

    /** Armed timers, soonest first (all, or those due at `dueAt`). */
    list(dueAt?: Date): RevokeTimer[] {
        const rows = dueAt === undefined ? this.selectAll.all() : this.selectDue.all(dueAt.getTime())
        return rows.map(toTimer)
    }

    /** Number of armed timers (all, or those due at `dueAt`). */
    count(dueAt?: Date): number {
        return (dueAt === undefined ? this.countAll.get() : this.countDue.get(dueAt.getTime()))!.n
    }

    /** Up to `limit` grants with an armed timer, after `cursor` in grant id order (a page of a full pass). */
    grantsAfter(cursor: string, limit: number): string[] {
        return this.selectGrantsAfter.all(cursor, limit).map((r) => r.grant_id)
    }
}
