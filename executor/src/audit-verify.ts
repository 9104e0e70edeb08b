/**
 * `audit verify`'s judgement of one grant's audit chain as read from ServiceNow (docs/security.md "Audit chain"):
 *
 * 1. the hash chain itself (shared verifyChain): every link, every hash, increasing sequences;
 * 2. the anchor this executor's journal holds (shared checkAnchor): the chain still has the anchored event with
 *    the anchored hash — a deleted tail, a chain deleted whole, or events rewritten with every later hash
 *    recomputed all fail here;
 * 3. breaks the executor itself found and recorded (an `audit_chain_tampered` event it MACed): the chain goes on
 *    after them, and they stay BROKEN here with the break they record;
 * 4. who wrote each event: with the audit key, every event created by the executor's integration user must carry
 *    a valid MAC (a forged append with the integration user's credentials but without the key fails); an event
 *    that names a person as its actor but was created by another session is reported (a note, not a failure).
 *
 * Pure over the rows it is given (the CLI reads them); no output of the key.
 */
import {
    APP_REACTION_EVENTS,
    AUDIT_CHAIN_TAMPERED,
    AUDIT_FIELDS,
    SYSTEM_FIELDS,
    checkAnchor,
    checkAnchoredChain,
    needsExecutorMac,
    verifyChain,
    type AuditAnchor,
    type ChainedAuditEvent,
} from '@gbg/shared'
import { auditMacValid } from './audit-mac'
import { parseGlideDateTime } from './servicenow/query'

/** One stored audit event row (AUDIT_FIELDS plus sys_created_by). */
export type AuditRow = Record<string, string | undefined>

/** Actors the app records for its own automation (not a person's session). */
export const AUTOMATION_ACTORS: readonly string[] = ['system', 'watchdog']

/**
 * The app's reactions, appended in the writer's session (the integration user's too) without the executor's MAC:
 * the shared list (shared/src/audit-chain.ts APP_REACTION_EVENTS), which the app's rules append by name.
 */
export { APP_REACTION_EVENTS }

/** An event created by the integration user that must carry the executor's MAC (shared needsExecutorMac). */
function needsMac(row: AuditRow, event: ChainedAuditEvent, integrationUser: string): boolean {
    return needsExecutorMac(event.eventType, row[SYSTEM_FIELDS.createdBy] ?? '', integrationUser)
}

/** What {@link judgeAuditChain} found. */
export interface AuditJudgement {
    ok: boolean
    events: ChainedAuditEvent[]
    /** The first problem ('' when ok). */
    reason: string
    /** Sequence of the first bad event (or of the anchor when the chain is gone), when there is one. */
    badSequence?: number
    /** Notes that do not fail the chain (unanchored, unkeyed). */
    warnings: string[]
}

/** Rebuild the hashed events from stored rows (occurred_at back to ISO, payload parsed). */
export function eventsOfRows(rows: AuditRow[]): ChainedAuditEvent[] {
    return rows.map((r) => {
        const at = parseGlideDateTime(r[AUDIT_FIELDS.occurredAt] ?? '')
        let payload: unknown
        try {
            payload = JSON.parse(r[AUDIT_FIELDS.payload] || 'null')
        } catch {
            payload = r[AUDIT_FIELDS.payload]
        }
        return {
            grant: r[AUDIT_FIELDS.grant] ?? '',
            action: r[AUDIT_FIELDS.action] ?? '',
            sequence: Number(r[AUDIT_FIELDS.sequence]),
            eventType: r[AUDIT_FIELDS.eventType] ?? '',
            actor: r[AUDIT_FIELDS.actor] ?? '',
            occurredAt: at ? at.toISOString() : '',
            payload,
            prevHash: r[AUDIT_FIELDS.prevHash] ?? '',
            hash: r[AUDIT_FIELDS.hash] ?? '',
        }
    })
}

/** Judge a grant's chain (rows in sequence order) against the journal's anchor and the audit key. */
export function judgeAuditChain(
    rows: AuditRow[],
    options: { anchor?: AuditAnchor; key?: string; integrationUser?: string },
): AuditJudgement {
    const events = eventsOfRows(rows)
    const warnings: string[] = []
    const fail = (index: number, reason: string): AuditJudgement => ({
        ok: false,
        events,
        reason,
        badSequence: events[index]?.sequence ?? options.anchor?.sequence,
        warnings,
    })
    const chain = verifyChain(events)
    if (!chain.ok) return fail(chain.brokenAt, chain.reason)
    const anchored = checkAnchor(events, options.anchor)
    if (!anchored.ok) return fail(anchored.brokenAt, anchored.reason)
    if (!options.anchor)
        warnings.push("this executor's journal holds no anchor for this grant: a deleted tail is not detected")
    const integrationUser = options.integrationUser ?? ''
    const recorded = rows.findIndex((r, i) => isRecordedBreak(r, events[i]!, options.key, integrationUser))
    if (recorded >= 0) {
        const p = events[recorded]!.payload as { reason?: unknown } | null
        const what = typeof p?.reason === 'string' ? p.reason : 'see its payload'
        return fail(
            recorded,
            `tampered: the executor recorded a break of this chain at #${events[recorded]!.sequence}: ${what}`,
        )
    }
    if (!options.key)
        warnings.push('no audit key (GBG_AUDIT_KEY): forged appends by the integration user are not detected')
    if (options.key && integrationUser === '') {
        warnings.push('no integration user (GBG_AUDIT_INTEGRATION_USER): the executor events cannot be told apart')
    }
    for (let i = 0; i < rows.length && integrationUser !== ''; i++) {
        const createdBy = rows[i]![SYSTEM_FIELDS.createdBy] ?? ''
        const event = events[i]!
        if (createdBy === integrationUser) {
            if (
                options.key &&
                needsMac(rows[i]!, event, integrationUser) &&
                !auditMacValid(options.key, event.hash, rows[i]![AUDIT_FIELDS.mac] ?? '')
            ) {
                return fail(i, forgedAppend(event, integrationUser))
            }
        } else if (!AUTOMATION_ACTORS.includes(event.actor) && createdBy !== event.actor) {
            // Reported, not failed: the app's events are written by server code whose session is not always the
            // person named (async rules, seeded data); sys_created_by is what the platform proves.
            warnings.push(
                `event #${event.sequence} names ${event.actor} as its actor but was created by ${createdBy || 'nobody'}`,
            )
        }
    }
    return { ok: true, events, reason: '', warnings }
}

function forgedAppend(event: ChainedAuditEvent, integrationUser: string): string {
    return `tampered: event #${event.sequence} was created by the integration user ${integrationUser} without a valid MAC (forged append)`
}

/** An `audit_chain_tampered` event the executor appended (created by its integration user, MAC valid with a key). */
function isRecordedBreak(row: AuditRow, event: ChainedAuditEvent, key: string | undefined, integrationUser: string) {
    if (event.eventType !== AUDIT_CHAIN_TAMPERED) return false
    if (integrationUser !== '' && (row[SYSTEM_FIELDS.createdBy] ?? '') !== integrationUser) return false
    return !key || auditMacValid(key, event.hash, row[AUDIT_FIELDS.mac] ?? '')
}

/**
 * The executor's own check of a chain before it appends to it, and periodically (src/writeback.ts): from the last
 * break it already recorded on, every link holds; the anchored event is there with its hash (shared
 * checkAnchoredChain); every event after the anchor that the integration user created carries a valid MAC. Events
 * up to the anchor are pinned by its hash, so their MACs were judged when the anchor was set.
 */
export function judgeBeforeAppend(
    rows: AuditRow[],
    options: { anchor: AuditAnchor; key?: string; integrationUser?: string },
): AuditJudgement {
    const events = eventsOfRows(rows)
    const integrationUser = options.integrationUser ?? ''
    let from = 0
    rows.forEach((r, i) => {
        if (isRecordedBreak(r, events[i]!, options.key, integrationUser)) from = i
    })
    const fail = (index: number, reason: string): AuditJudgement => ({
        ok: false,
        events,
        reason,
        badSequence: events[index]?.sequence ?? options.anchor.sequence,
        warnings: [],
    })
    const verdict = checkAnchoredChain(events, options.anchor, from)
    if (!verdict.ok) return fail(verdict.brokenAt, verdict.reason)
    if (options.key && integrationUser !== '') {
        for (let i = 0; i < rows.length; i++) {
            const event = events[i]!
            if (event.sequence <= options.anchor.sequence) continue
            if (!needsMac(rows[i]!, event, integrationUser)) continue
            if (!auditMacValid(options.key, event.hash, rows[i]![AUDIT_FIELDS.mac] ?? '')) {
                return fail(i, forgedAppend(event, integrationUser))
            }
        }
    }
    return { ok: true, events, reason: '', warnings: [] }
}
