/**
 * The audit anchor store: per grant, the head of its ServiceNow audit chain right after the last append this
 * executor made (`audit_anchors`: sequence + hash). Kept outside ServiceNow, it lets `audit verify` tell a chain
 * that was cut short, deleted whole or rewritten (every later hash recomputed) from an intact one: the anchored
 * event must still be there with exactly that hash. An anchor only moves forward.
 */
import type Database from 'better-sqlite3'
import type { NowMs } from './columns'

/** A grant's anchored chain head. */
export interface AuditAnchorRecord {
    grantId: string
    sequence: number
    hash: string
    /** When it was last advanced. */
    updatedAt: Date
}

interface AnchorRow {
    grant_id: string
    sequence: number
    hash: string
    updated_at: number
}

/** Anchored chain heads. Statements are prepared once, here. */
export class AuditAnchorStore {
    private readonly selectOne: Database.Statement<[string], AnchorRow>
    private readonly upsert: Database.Statement<[string, number, string, number]>
    private readonly replace: Database.Statement<[string, number, string, number]>

    constructor(
        db: Database.Database,
        private readonly nowMs: NowMs,
    ) {
        this.selectOne = db.prepare('SELECT * FROM audit_anchors WHERE grant_id = ?')
        // Forward only: a late or repeated record of an older head never moves the anchor back.
        this.upsert = db.prepare(
            `INSERT INTO audit_anchors (grant_id, sequence, hash, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (grant_id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash,
                 updated_at = excluded.updated_at
             WHERE excluded.sequence > audit_anchors.sequence`,
        )
        this.replace = db.prepare(
            `INSERT INTO audit_anchors (grant_id, sequence, hash, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (grant_id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash,
                 updated_at = excluded.updated_at`,
        )
    }

    /** The anchored head of a grant's chain, if this executor ever appended to it. */
    get(grantId: string): AuditAnchorRecord | undefined {
        const row = this.selectOne.get(grantId)
        return row
            ? { grantId: row.grant_id, sequence: row.sequence, hash: row.hash, updatedAt: new Date(row.updated_at) }
            : undefined
    }

    /** Record the head after an append (ignored when an equal or later head is already anchored). */
    advance(grantId: string, sequence: number, hash: string): void {
        this.upsert.run(grantId, sequence, hash, this.nowMs())
    }

    /**
     * Re-anchor on the executor's own record of a broken chain (its `audit_chain_tampered` event), even when that
     * head is lower than the anchor (a deleted tail): the break is reported once, and later appends are judged
     * from the recorded event on. The only way an anchor moves back.
     */
    rebase(grantId: string, sequence: number, hash: string): void {
        this.replace.run(grantId, sequence, hash, this.nowMs())
    }
}
