/**
 * The incident store: the incident raised for a grant, one per grant and kind (`incidents`), so a failure that
 * repeats does not raise a second one.
 */
import type Database from 'better-sqlite3'
import type { NowMs } from './columns'

/** An incident raised for a grant (one per grant and kind). */
export interface IncidentRef {
    grantId: string
    kind: string
    sysId: string
    number: string
    createdAt: Date
}

interface IncidentRow {
    grant_id: string
    kind: string
    sys_id: string
    number: string
    created_at: number
}

/** Raised incidents. Statements are prepared once, here. */
export class IncidentStore {
    private readonly selectOne: Database.Statement<[string, string], IncidentRow>
    private readonly insertOne: Database.Statement<[string, string, string, string, number]>

    constructor(
        db: Database.Database,
        private readonly nowMs: NowMs,
    ) {
        this.selectOne = db.prepare('SELECT * FROM incidents WHERE grant_id = ? AND kind = ?')
        this.insertOne = db.prepare(
            'INSERT OR IGNORE INTO incidents (grant_id, kind, sys_id, number, created_at) VALUES (?, ?, ?, ?, ?)',
        )
    }

    /** The incident raised for a grant and kind, if any. */
    get(grantId: string, kind: string): IncidentRef | undefined {
        const row = this.selectOne.get(grantId, kind)
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
    record(grantId: string, kind: string, sysId: string, number: string): void {
        this.insertOne.run(grantId, kind, sysId, number, this.nowMs())
    }
}
