/**
 * Versioned schema migrations of the journal. Append only: a migration that has shipped is never edited, a
 * change is a new version. Each runs in its own transaction together with its row in `migrations`, so a crash
 * mid-migration leaves the previous version intact.
 */

/** One migration. */
export interface Migration {
    version: number
    name: string
    sql: string
}

/** All migrations, in order. */
export const MIGRATIONS: readonly Migration[] = [
    {
        version: 1,
        name: 'actions, step history, outbox, revoke timers, holders, incidents',
        sql: `
            CREATE TABLE actions (
                action_id       TEXT PRIMARY KEY,
                grant_id        TEXT NOT NULL,
                type            TEXT NOT NULL,
                step            TEXT NOT NULL,
                provider        TEXT NOT NULL DEFAULT '',
                plan            TEXT NOT NULL DEFAULT '',
                txn_ids         TEXT NOT NULL DEFAULT '[]',
                provider_result TEXT,
                expires_at      INTEGER,
                attempts        INTEGER NOT NULL DEFAULT 0,
                last_error      TEXT NOT NULL DEFAULT '',
                data            TEXT NOT NULL DEFAULT '{}',
                created_at      INTEGER NOT NULL,
                updated_at      INTEGER NOT NULL
            );
            CREATE INDEX actions_grant ON actions (grant_id);
            CREATE INDEX actions_step ON actions (step);

            CREATE TABLE step_history (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                action_id TEXT NOT NULL,
                from_step TEXT,
                to_step   TEXT NOT NULL,
                at        INTEGER NOT NULL,
                detail    TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX step_history_action ON step_history (action_id);

            CREATE TABLE outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                action_id       TEXT NOT NULL DEFAULT '',
                grant_id        TEXT NOT NULL DEFAULT '',
                kind            TEXT NOT NULL,
                payload         TEXT NOT NULL,
                status          TEXT NOT NULL DEFAULT 'pending',
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                last_error      TEXT NOT NULL DEFAULT '',
                alerted         INTEGER NOT NULL DEFAULT 0,
                created_at      INTEGER NOT NULL,
                delivered_at    INTEGER
            );
            CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
            CREATE INDEX outbox_action ON outbox (action_id, status);

            CREATE TABLE revoke_timers (
                grant_id         TEXT PRIMARY KEY,
                revoke_action_id TEXT NOT NULL DEFAULT '',
                due_at           INTEGER NOT NULL,
                armed_at         INTEGER NOT NULL
            );

            CREATE TABLE holders (
                holder_key TEXT NOT NULL,
                grant_id   TEXT NOT NULL,
                added_at   INTEGER NOT NULL,
                PRIMARY KEY (holder_key, grant_id)
            );

            CREATE TABLE incidents (
                grant_id   TEXT NOT NULL,
                kind       TEXT NOT NULL,
                sys_id     TEXT NOT NULL,
                number     TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (grant_id, kind)
            );
        `,
    },
    {
        version: 2,
        name: 'holder expiry (the Entra providers record until when a grant holds a shared assignment)',
        sql: `ALTER TABLE holders ADD COLUMN expires_at INTEGER;`,
    },
    {
        version: 3,
        name: 'audit anchors (each grant audit chain head after this executor appended to it)',
        sql: `
            CREATE TABLE audit_anchors (
                grant_id   TEXT PRIMARY KEY,
                sequence   INTEGER NOT NULL,
                hash       TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );
        `,
    },
    {
        version: 4,
        name: 'retention (compacted actions) and the indexes that keep polls and compaction off full scans',
        sql: `
            ALTER TABLE actions ADD COLUMN compacted INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX actions_compaction ON actions (compacted, updated_at);
            CREATE INDEX outbox_grant ON outbox (grant_id, status);
            CREATE INDEX holders_grant ON holders (grant_id);
        `,
    },
]
