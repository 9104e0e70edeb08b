/**
 * The retention store: compacts the journal history of SETTLED grants once it is older than the retention age
 * (GBG_JOURNAL_RETENTION_DAYS), so the journal does not keep ~14 KB per grant forever and nothing a poll reads
 * grows with the number of past grants.
 *
 * A grant is settled, and its history compactable, when ALL of these hold (each is a reason to keep everything):
 * - no revoke timer is armed for it (it is not active on this replica: a timer is disarmed only once revoked);
 * - it holds no shared access (no `holders` row: the Entra providers' reference counts);
 * - every one of its actions is in a final step other than `halted` (nothing to resume; a halted action waits for
 *   a person, who needs its plan and history) and none changed within the retention age;
 * - none of its write-backs is pending or dead (undelivered work is never dropped; a dead item stays for
 *   inspection) and none was delivered within the retention age;
 * - its audit anchor (if any) did not move within the retention age.
 *
 * What compaction removes: the step history of the grant's actions, its delivered write-backs (outbox rows of the
 * grant or of its actions, Teams cards included), and the bulky columns of its action rows (plan, provider result,
 * per-action data). What it keeps, forever and small (~200 bytes per action): the action rows themselves with
 * their final step, type, provider and transaction ids — the idempotency facts: a queue action this executor
 * already ran is found by {@link ActionStore.begin} as final and never run (never granted) a second time, however
 * late ServiceNow hands it over again — plus the grant's audit anchor (so `audit verify` still tells a cut chain
 * years later) and its incident rows (an incident is raised once).
 *
 * Each pass reads only candidates: action rows not yet compacted and older than the cutoff (an index on
 * `(compacted, updated_at)`), in batches of grant ids after a cursor, every grant judged and compacted in its own
 * transaction.
 */
import type Database from 'better-sqlite3'
import { FINAL_STEPS } from './actions'

/** What one compaction pass did. */
export interface CompactionReport {
    /** Grants whose history was compacted. */
    grants: number
    /** Candidates older than the cutoff that are not settled (kept whole). */
    kept: number
    /** Rows removed: step history, delivered outbox. */
    historyRows: number
    outboxRows: number
    /** True when the pass stopped at its grant limit with candidates left (run again soon). */
    more: boolean
}

/** Steps that let a grant's history go (final, and not waiting for a person). */
const SETTLED_STEPS = FINAL_STEPS.filter((s) => s !== 'halted')
const settledList = SETTLED_STEPS.map((s) => `'${s}'`).join(', ')

/** Compaction of settled grants. Statements are prepared once, here. */
export class RetentionStore {
    private readonly selectCandidates: Database.Statement<[number, string, number], { grant_id: string }>
    private readonly selectBlockers: Database.Statement<{ g: string; cutoff: number }, { n: number }>
    private readonly deleteHistory: Database.Statement<[string]>
    private readonly deleteOutbox: Database.Statement<[string, string]>
    private readonly stripActions: Database.Statement<[string]>

    constructor(private readonly db: Database.Database) {
        this.selectCandidates = db.prepare(
            `SELECT DISTINCT grant_id FROM actions
             WHERE compacted = 0 AND updated_at < ? AND grant_id > ? ORDER BY grant_id LIMIT ?`,
        )
        // Every reason to keep the grant's history, counted (0: settled and old enough).
        this.selectBlockers = db.prepare(
            `SELECT
               (SELECT COUNT(*) FROM revoke_timers WHERE grant_id = @g)
             + (SELECT COUNT(*) FROM holders WHERE grant_id = @g)
             + (SELECT COUNT(*) FROM actions WHERE grant_id = @g
                  AND (step NOT IN (${settledList}) OR updated_at >= @cutoff))
             + (SELECT COUNT(*) FROM outbox WHERE grant_id = @g
                  AND (status != 'delivered' OR COALESCE(delivered_at, created_at) >= @cutoff))
             + (SELECT COUNT(*) FROM outbox WHERE action_id IN (SELECT action_id FROM actions WHERE grant_id = @g)
                  AND (status != 'delivered' OR COALESCE(delivered_at, created_at) >= @cutoff))
             + (SELECT COUNT(*) FROM audit_anchors WHERE grant_id = @g AND updated_at >= @cutoff)
             AS n`,
        )
        this.deleteHistory = db.prepare(
            'DELETE FROM step_history WHERE action_id IN (SELECT action_id FROM actions WHERE grant_id = ?)',
        )
        this.deleteOutbox = db.prepare(
            `DELETE FROM outbox WHERE status = 'delivered'
             AND (grant_id = ? OR action_id IN (SELECT action_id FROM actions WHERE grant_id = ?))`,
        )
        this.stripActions = db.prepare(
            `UPDATE actions SET plan = '', provider_result = NULL, data = '{}', compacted = 1 WHERE grant_id = ?`,
        )
    }

    /**
     * Compact every settled grant whose last activity is before `cutoffMs`, at most `maxGrants` of them (the
     * rest in a later pass: `more`).
     */
    compact(cutoffMs: number, maxGrants: number): CompactionReport {
        const report: CompactionReport = { grants: 0, kept: 0, historyRows: 0, outboxRows: 0, more: false }
        let cursor = ''
        const batch = Math.max(1, Math.min(100, maxGrants))
        for (;;) {
            // One transaction (one fsync) per batch; each grant is judged inside the transaction that compacts it,
            // so nothing can slip in between.
            const done = this.db.transaction((): boolean => {
                const ids = this.selectCandidates.all(cutoffMs, cursor, batch).map((r) => r.grant_id)
                if (ids.length === 0) return true
                for (const g of ids) {
                    if (report.grants >= maxGrants) {
                        report.more = true
                        return true
                    }
                    cursor = g
                    if (this.selectBlockers.get({ g, cutoff: cutoffMs })!.n > 0) {
                        report.kept++
                        continue
                    }
                    report.historyRows += this.deleteHistory.run(g).changes
                    report.outboxRows += this.deleteOutbox.run(g, g).changes
                    this.stripActions.run(g)
                    report.grants++
                }
                return false
            })()
            if (done) return report
        }
    }
}
