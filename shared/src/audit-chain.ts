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
export function verifyChain(events: ChainedAuditEvent[]): ChainVerdict {
    let expectedPrev = GENESIS_HASH
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
                        ? 'first event does not start at the genesis hash'
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
