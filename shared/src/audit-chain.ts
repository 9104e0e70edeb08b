/**
 * The audit hash chain. Every audit event stores `prev_hash` (the previous event's hash) and
 * `hash = sha256(prev_hash + '\n' + canonicalJson(event))`, so deleting, reordering or editing any event breaks
 * every later link and {@link verifyChain} names the first broken one. The app (on insert) and the executor /
 * CLI (`audit verify`) use this one implementation.
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */
import { canonicalJson } from './canonical-json'
import { sha256, isSha256Hex } from './sha256'

/** `prev_hash` of the first event of a chain. */
export const GENESIS_HASH = '0'.repeat(64)
/** Alias of {@link GENESIS_HASH}. */
export const GENESIS = GENESIS_HASH

/**
 * The hashed content of an audit event (the audit table's fields minus `prev_hash` and `hash`).
 * `payload` is the JSON *value* (it is hashed canonically, so the stored text's key order does not matter;
 * store it as `canonicalJson(payload)`).
 */
export interface AuditEvent {
    /** grant sys_id ('' when the event is not about a grant). */
    grant: string
    /** action sys_id ('' when none). */
    action: string
    /** Position in the chain; strictly increasing. */
    sequence: number
    eventType: string
    /** Who caused the event (user name, executor instance name, 'system'). */
    actor: string
    /** ISO-8601 timestamp. */
    occurredAt: string
    payload: unknown
}

/** An audit event as stored: content plus its links. */
export interface ChainedAuditEvent extends AuditEvent {
    prevHash: string
    hash: string
}

/** Result of {@link verifyChain}. `brokenAt` is the index (in the given array) of the first bad event. */
export type ChainVerdict = { ok: true } | { ok: false; brokenAt: number; reason: string }

/** Hash of `event` chained after `prevHash`. Only the content fields are hashed (extra properties ignored). */
export function auditHash(prevHash: string, event: AuditEvent): string {
    const content = {
        grant: event.grant,
        action: event.action,
        sequence: event.sequence,
        eventType: event.eventType,
        actor: event.actor,
        occurredAt: event.occurredAt,
        payload: event.payload,
    }
    return sha256(prevHash + '\n' + canonicalJson(content))
}

/** Link `event` after `prevHash` (use {@link GENESIS_HASH} for the first event). */
export function chainEvent(prevHash: string, event: AuditEvent): ChainedAuditEvent {
    return {
        grant: event.grant,
        action: event.action,
        sequence: event.sequence,
        eventType: event.eventType,
        actor: event.actor,
        occurredAt: event.occurredAt,
        payload: event.payload,
        prevHash,
        hash: auditHash(prevHash, event),
    }
}

/**
 * Verify a whole chain, in sequence order, starting at {@link GENESIS_HASH}: each event's `prevHash` must be the
 * previous event's `hash`, each `hash` must match its content, and sequence numbers must strictly increase.
 * An empty chain is valid.
 */
export function verifyChain(events: ChainedAuditEvent[], startHash: string = GENESIS_HASH): ChainVerdict {
    let expectedPrev = startHash
    let lastSequence = -Infinity
    for (let i = 0; i < events.length; i++) {
        const event = events[i]!
        if (!isSha256Hex(event.prevHash) || !isSha256Hex(event.hash)) {
            return { ok: false, brokenAt: i, reason: 'prevHash / hash is not a SHA-256 hex digest' }
        }
        if (event.prevHash !== expectedPrev) {
            return {
                ok: false,
                brokenAt: i,
                reason:
                    i === 0
                        ? startHash === GENESIS_HASH
                            ? 'first event does not start at the genesis hash'
                            : 'first event does not link to the given start hash'
                        : 'prevHash does not match the previous event hash (event missing, reordered or inserted)',
            }
        }
        if (typeof event.sequence !== 'number' || !(event.sequence > lastSequence)) {
            return { ok: false, brokenAt: i, reason: `sequence ${String(event.sequence)} does not increase` }
        }
        let actual: string
        try {
            actual = auditHash(event.prevHash, event)
        } catch (error) {
            return { ok: false, brokenAt: i, reason: `event cannot be hashed: ${(error as Error).message}` }
        }
        if (actual !== event.hash) {
            return { ok: false, brokenAt: i, reason: 'hash does not match the event content (event altered)' }
        }
        expectedPrev = event.hash
        lastSequence = event.sequence
    }
    return { ok: true }
}

// ── Anchoring, keyed events and the single-head rule (issue 10, attack 7) ─────────────────────────────────────────

/**
 * The executor's record of a grant's chain head right after one of its own appends (kept in its journal, outside
 * ServiceNow): the chain must still contain the event `sequence` with exactly `hash`. Everything up to it is pinned
 * by the hash links; deleting it, deleting anything before it, or rewriting any of them (even with every later hash
 * recomputed) changes or removes that event.
 */
export interface AuditAnchor {
    sequence: number
    hash: string
}

/**
 * Domain separation of the executor's event MAC: `mac = HMAC-SHA256(key, AUDIT_MAC_CONTEXT + hash)` (hex). The
 * hash already commits to the event's content and to every earlier event, so the MAC of one event authenticates it
 * and pins its position. Computed and checked only by the executor (the key never reaches ServiceNow).
 */
export const AUDIT_MAC_CONTEXT = 'gbg-audit-event-mac-v1\n'

/** The message the executor's MAC is computed over (`HMAC-SHA256(key, auditMacInput(hash))`, hex): the one definition. */
export function auditMacInput(hash: string): string {
    return AUDIT_MAC_CONTEXT + hash
}

/**
 * Events the app's business rules append in the session of whoever wrote the record that triggered them — the
 * executor's integration user too, when its Table API write runs the rule (an instance runs rules in the writer's
 * session, so `sys_created_by` is the integration user). They cannot carry the executor's MAC (the key never reaches
 * ServiceNow), so they are the only events created by the integration user that need none. Every other event the
 * integration user creates must be MACed, or it is reported as a forged append ({@link needsExecutorMac}).
 *
 * One list for both sides: the app appends these types by these names (now-app/src/server), the executor's chain
 * check (executor/src/audit-verify.ts: `audit verify`, the guard before every append, the simulator's invariant)
 * exempts exactly these. None is a fact the recheck gate or the expiry relies on (votes, approvals, shortenings,
 * ticket facts are never written in the executor's session; the revoke's due time is the action record's
 * `not_before`, not its audit event), so a forged one cannot steer access; they stay covered by the hash links and
 * the executor's anchor like every app event. An app rule that appends any other type in the executor's session is
 * a bug (the chain would be reported tampered): add it here only if it meets the same bar.
 */
export const APP_REACTION_EVENT = {
    /** An app event queued for e-mail (a state change the executor wrote). */
    notificationQueued: 'notification.queued',
    /** The app's write guard refused an executor write (claim guard, state machine). */
    executorWriteRefused: 'executor.write_refused',
    /** The executor wrote an approved extension's new end on an active grant; the app moved the scheduled revoke. */
    revokeRescheduled: 'revoke.rescheduled',
} as const

/** The event types of {@link APP_REACTION_EVENT}. */
export const APP_REACTION_EVENTS: readonly string[] = [
    APP_REACTION_EVENT.notificationQueued,
    APP_REACTION_EVENT.executorWriteRefused,
    APP_REACTION_EVENT.revokeRescheduled,
]

/**
 * True when an event must carry the executor's MAC: it was created by the executor's integration user
 * (`sys_created_by`) and is not one of the app's reactions ({@link APP_REACTION_EVENTS}). An empty integration user
 * tells nothing apart (false).
 */
export function needsExecutorMac(eventType: string, createdBy: string, integrationUser: string): boolean {
    return integrationUser !== '' && createdBy === integrationUser && APP_REACTION_EVENTS.indexOf(eventType) < 0
}

/** Prefix of the audit insert rule's refusal when an append does not extend the current head (a would-be fork). */
export const AUDIT_HEAD_MOVED = 'Audit chain head moved'

/**
 * Check a chain that {@link verifyChain} accepted against the journal's anchor: the anchored event must be there,
 * unchanged. A chain with no events while an anchor exists was deleted whole; a chain whose events stop before the
 * anchor lost its tail. Without an anchor this adds nothing (the caller reports the chain as unanchored).
 */
export function checkAnchor(events: ChainedAuditEvent[], anchor: AuditAnchor | undefined): ChainVerdict {
    if (!anchor) return { ok: true }
    if (events.length === 0) {
        return {
            ok: false,
            brokenAt: 0,
            reason: `tampered: the whole chain is gone, the executor's journal anchors event #${anchor.sequence}`,
        }
    }
    const at = events.findIndex((e) => e.sequence === anchor.sequence)
    if (at < 0) {
        const last = events[events.length - 1]!
        return {
            ok: false,
            brokenAt: events.length - 1,
            reason:
                last.sequence < anchor.sequence
                    ? `tampered: the chain ends at #${last.sequence}, the executor's journal anchors #${anchor.sequence} (tail deleted)`
                    : `tampered: anchored event #${anchor.sequence} is missing`,
        }
    }
    if (events[at]!.hash !== anchor.hash) {
        return {
            ok: false,
            brokenAt: at,
            reason: `tampered: event #${anchor.sequence} does not have the hash the executor's journal anchored (events rewritten)`,
        }
    }
    return { ok: true }
}

/** The head of a grant's chain as stored: its highest sequence and that event's hash; null for an empty chain. */
export type AuditHead = AuditAnchor | null

/**
 * The audit insert rule's decision: a new event must extend the current head — sequence = head + 1 (1 on an empty
 * chain), prev_hash = the head's hash (genesis on an empty chain) — and its hash must match its content. Two
 * appenders that read the same head therefore cannot both land: the second is refused with {@link AUDIT_HEAD_MOVED}
 * and re-reads the head.
 */
export function checkAppend(head: AuditHead, event: ChainedAuditEvent): { ok: true } | { ok: false; reason: string } {
    const sequence = head ? head.sequence + 1 : 1
    const prevHash = head ? head.hash : GENESIS_HASH
    if (event.sequence !== sequence || event.prevHash !== prevHash) {
        return {
            ok: false,
            reason: `${AUDIT_HEAD_MOVED}: the next event of this chain is #${sequence} after ${prevHash.slice(0, 12)}…, not #${String(event.sequence)} after ${String(event.prevHash).slice(0, 12)}…`,
        }
    }
    let actual: string
    try {
        actual = auditHash(event.prevHash, event)
    } catch (error) {
        return { ok: false, reason: `Audit event refused: it cannot be hashed (${(error as Error).message})` }
    }
    if (actual !== event.hash) return { ok: false, reason: 'Audit event refused: its hash does not match its content' }
    return { ok: true }
}

// ── The executor's own check of a chain it is about to extend (issue 10, attack 7 follow-up) ─────────────────────

/**
 * Event type of the executor's record of a broken chain: appended after the current head, so the chain goes on and
 * the break is itself part of it (docs/security.md "Audit chain"). Its payload names the anchor it found broken.
 */
export const AUDIT_CHAIN_TAMPERED = 'audit_chain_tampered'

/**
 * The executor's check before it appends to a grant's chain (and periodically for the grants it holds active):
 * the chain must link from `from` on (the index of the last break the executor already recorded with an
 * {@link AUDIT_CHAIN_TAMPERED} event, whose own `prevHash` is taken as given; 0 = from the genesis hash), and the
 * anchored event must still be there, at its sequence, with its hash ({@link checkAnchor}). `brokenAt` indexes
 * `events`. A break before an already recorded one is not reported again (the recorded event pins it).
 */
export function checkAnchoredChain(
    events: ChainedAuditEvent[],
    anchor: AuditAnchor | undefined,
    from = 0,
): ChainVerdict {
    const start = Math.max(0, Math.min(from, events.length))
    const tail = events.slice(start)
    const linked = start === 0 ? verifyChain(tail) : verifyChain(tail, tail[0]!.prevHash)
    if (!linked.ok) return { ok: false, brokenAt: linked.brokenAt + start, reason: linked.reason }
    return checkAnchor(events, anchor)
}
