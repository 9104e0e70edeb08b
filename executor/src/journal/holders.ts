/**
 * The holder store: reference counts for overlapping grants of the same access (`holders`).
 *
 * The journal is the durable HolderRegistry of the Entra providers (providers/entra/holders.ts): two grants of the
 * same role / group to the same user share one assignment, and only the last holder's revoke removes it. The
 * providers own the rule and the key format; this store only keeps the counts across restarts.
 */
import type Database from 'better-sqlite3'
import type { NowMs } from './columns'

/** Holders of accesses. Statements are prepared once, here. */
export class HolderStore {
    private readonly selectOfKey: Database.Statement<[string], { grant_id: string }>
    private readonly upsert: Database.Statement<[string, string, number, number | null]>
    private readonly deleteOne: Database.Statement<[string, string]>
    private readonly selectKeys: Database.Statement<[], { holder_key: string }>
    private readonly selectExpiry: Database.Statement<[string, string], { expires_at: number | null }>

    constructor(
        db: Database.Database,
        private readonly nowMs: NowMs,
    ) {
        this.selectOfKey = db.prepare('SELECT grant_id FROM holders WHERE holder_key = ? ORDER BY added_at, grant_id')
        this.upsert = db.prepare(
            `INSERT INTO holders (holder_key, grant_id, added_at, expires_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (holder_key, grant_id) DO UPDATE SET expires_at = excluded.expires_at`,
        )
        this.deleteOne = db.prepare('DELETE FROM holders WHERE holder_key = ? AND grant_id = ?')
        this.selectKeys = db.prepare('SELECT DISTINCT holder_key FROM holders ORDER BY holder_key')
        this.selectExpiry = db.prepare('SELECT expires_at FROM holders WHERE holder_key = ? AND grant_id = ?')
    }

    /** Active grant sys_ids holding the access identified by `key` (provider|principal|target). */
    of(key: string): string[] {
        return this.selectOfKey.all(key).map((r) => r.grant_id)
    }

    /** Record (or refresh the expiry of) `grantId` as a holder of `key`. Idempotent. */
    add(key: string, grantId: string, expiresAt?: Date): void {
        this.upsert.run(key, grantId, this.nowMs(), expiresAt ? expiresAt.getTime() : null)
    }

    /** Record that `grantId` no longer holds `key` (idempotent). Returns the remaining holders. */
    remove(key: string, grantId: string): string[] {
        this.deleteOne.run(key, grantId)
        return this.of(key)
    }

    /** Every key with at least one holder (the drift scan's active grant keys). */
    keys(): string[] {
        return this.selectKeys.all().map((r) => r.holder_key)
    }

    /** Recorded expiry of a holder, if any. */
    expiry(key: string, grantId: string): Date | undefined {
        const row = this.selectExpiry.get(key, grantId)
        return row && row.expires_at !== null ? new Date(row.expires_at) : undefined
    }
}
