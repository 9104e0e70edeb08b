/**
 * The schema version of a journal file: the `migrations` table records which of the versioned migrations
 * (migrations.ts) the file has applied, and {@link Schema.migrate} applies the newer ones.
 */
import type Database from 'better-sqlite3'
import type { NowMs } from './columns'
import type { Migration } from './migrations'

/** Applied migrations. Created (if needed) and its statements prepared once, here. */
export class Schema {
    private readonly insertApplied: Database.Statement<[number, string, number]>
    private readonly selectVersion: Database.Statement<[], { v: number | null }>

    constructor(
        private readonly db: Database.Database,
        private readonly nowMs: NowMs,
    ) {
        db.exec(
            'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
        )
        this.insertApplied = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)')
        this.selectVersion = db.prepare('SELECT MAX(version) AS v FROM migrations')
    }

    /** Apply `migrations` newer than the recorded version, each in its own transaction; returns their versions. */
    migrate(migrations: readonly Migration[]): number[] {
        const current = this.version()
        const applied: number[] = []
        const sorted = [...migrations].sort((a, b) => a.version - b.version)
        for (const m of sorted) {
            if (m.version <= current) continue
            this.db.transaction(() => {
                this.db.exec(m.sql)
                this.insertApplied.run(m.version, m.name, this.nowMs())
            })()
            applied.push(m.version)
        }
        return applied
    }

    /** Highest applied migration version (0 for a fresh file). */
    version(): number {
        return this.selectVersion.get()!.v ?? 0
    }
}
