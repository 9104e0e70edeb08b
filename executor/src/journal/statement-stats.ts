/**
 * Statement counters of the journal: every statement the stores prepare is counted (calls, and rows returned by
 * `get` / `all` / `iterate`), keyed by its SQL. Tests and the bench use them to show that a poll's work does not
 * grow with the number of past grants; the cost is one map entry per statement and two additions per call.
 */
import type Database from 'better-sqlite3'

/** One statement's counts. */
export interface StatementStat {
    sql: string
    calls: number
    rows: number
}

/** The counters of one database connection. */
export class StatementStats {
    private readonly bySql = new Map<string, StatementStat>()

    /** The counter of `sql` (created at its first prepare). */
    of(sql: string): StatementStat {
        let stat = this.bySql.get(sql)
        if (!stat) {
            stat = { sql, calls: 0, rows: 0 }
            this.bySql.set(sql, stat)
        }
        return stat
    }

    /** Every statement's counts (copies), most rows first. */
    list(): StatementStat[] {
        return [...this.bySql.values()].map((s) => ({ ...s })).sort((a, b) => b.rows - a.rows || b.calls - a.calls)
    }

    /** Zero every counter. */
    reset(): void {
        for (const s of this.bySql.values()) {
            s.calls = 0
            s.rows = 0
        }
    }
}

type Method = (...args: unknown[]) => unknown

/** Count every statement `db` prepares from now on; returns the counters. */
export function countStatements(db: Database.Database): StatementStats {
    const stats = new StatementStats()
    const prepare = db.prepare.bind(db) as (sql: string) => Database.Statement
    const counted = (sql: string): Database.Statement => {
        const statement = prepare(sql)
        const stat = stats.of(sql.replace(/\s+/g, ' ').trim())
        const target = statement as unknown as Record<string, Method>
        const wrap = (name: 'get' | 'all' | 'run' | 'iterate', rowsOf: (result: unknown) => number): void => {
            const original = target[name]!.bind(statement)
            target[name] = (...args: unknown[]) => {
                const result = original(...args)
                stat.calls++
                stat.rows += rowsOf(result)
                return result
            }
        }
        wrap('get', (r) => (r === undefined ? 0 : 1))
        wrap('all', (r) => (r as unknown[]).length)
        wrap('run', () => 0)
        wrap('iterate', () => 0)
        return statement
    }
    ;(db as unknown as { prepare: typeof counted }).prepare = counted
    return stats
}
