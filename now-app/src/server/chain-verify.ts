/**
 * "Verify audit chain" (UI action on the grant, auditors and SecOps): read the grant's audit events in sequence
 * order and run the SHARED chain verification (shared/src/audit-chain.ts verifyChain, the same code as the
 * executor's `gbg audit verify`) on the server; show intact, or broken with the first bad event.
 *
 * What this proves, and what it cannot (docs/audit.md "Verifying a chain"): every stored event still has the content
 * it was hashed with, none was removed, inserted or reordered before the newest one, and the chain starts at the
 * genesis hash. It cannot prove that the newest events were not deleted (a removed tail leaves a valid shorter chain)
 * nor who wrote an executor event: the executor's journal anchor and its MAC key stay outside ServiceNow, so only
 * `gbg audit verify` (run by SecOps where the executor runs) proves those.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { str } from './glide-io'
import { verifyChain, type ChainedAuditEvent } from './shared/audit-chain'
import { AUDIT_FIELDS, GRANT_FIELDS, TABLE } from './shared/schema'

/** What the verification found, for the person who clicked (and for tests). */
export interface ChainCheck {
    ok: boolean
    /** Events read. */
    count: number
    /** The first bad event (when broken). */
    first?: { sequence: string; eventType: string; occurredAt: string; reason: string }
    message: string
}

/** What the in-instance check proves, said with every result. */
export const IN_INSTANCE_SCOPE =
    'This check proves the stored events were not edited, removed or reordered, up to the newest one. It cannot ' +
    'prove the newest events were not deleted, nor who wrote the executor events: run "gbg audit verify" ' +
    "(the executor's journal anchor and audit key) for that."

/** 'YYYY-MM-DD HH:mm:ss' (UTC, as stored) → the ISO form the hash covers; '' when malformed. */
function glideToIso(stored: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(stored)
    return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : ''
}

function payloadOf(text: string): unknown {
    try {
        return JSON.parse(text || 'null')
    } catch {
        return text
    }
}

/** Verify the audit chain of `grantSysId`. */
export function verifyGrantChain(grantSysId: string): ChainCheck {
    const grant = new GlideRecord(TABLE.grant)
    if (!grant.get(grantSysId)) return { ok: false, count: 0, message: 'Verify audit chain: the grant does not exist.' }
    const number = str(grant, GRANT_FIELDS.number) || grantSysId
    const rows = new GlideRecord(TABLE.auditEvent)
    rows.addQuery(AUDIT_FIELDS.grant, grantSysId)
    rows.orderBy(AUDIT_FIELDS.sequence)
    rows.query()
    const events: ChainedAuditEvent[] = []
    const shown: { sequence: string; eventType: string; occurredAt: string }[] = []
    while (rows.next()) {
        const occurredAt = str(rows, AUDIT_FIELDS.occurredAt)
        events.push({
            grant: str(rows, AUDIT_FIELDS.grant),
            action: str(rows, AUDIT_FIELDS.action),
            sequence: Number(str(rows, AUDIT_FIELDS.sequence)),
            eventType: str(rows, AUDIT_FIELDS.eventType),
            actor: str(rows, AUDIT_FIELDS.actor),
            occurredAt: glideToIso(occurredAt),
            payload: payloadOf(str(rows, AUDIT_FIELDS.payload)),
            prevHash: str(rows, AUDIT_FIELDS.prevHash),
            hash: str(rows, AUDIT_FIELDS.hash),
        })
        shown.push({
            sequence: str(rows, AUDIT_FIELDS.sequence),
            eventType: str(rows, AUDIT_FIELDS.eventType),
            occurredAt,
        })
    }
    if (events.length === 0) {
        return {
            ok: false,
            count: 0,
            message: `Audit chain of ${number}: NO EVENTS. Every grant has at least its submission event; the chain is missing or was deleted. ${IN_INSTANCE_SCOPE}`,
        }
    }
    const verdict = verifyChain(events)
    if (verdict.ok) {
        const last = shown[shown.length - 1]!
        return {
            ok: true,
            count: events.length,
            message: `Audit chain of ${number} INTACT: ${events.length} events, #${shown[0]!.sequence} to #${last.sequence} (${last.eventType}, ${last.occurredAt} UTC), every link and hash checks. ${IN_INSTANCE_SCOPE}`,
        }
    }
    const bad = shown[verdict.brokenAt]!
    return {
        ok: false,
        count: events.length,
        first: { ...bad, reason: verdict.reason },
        message: `Audit chain of ${number} BROKEN at event #${bad.sequence} (${bad.eventType}, ${bad.occurredAt} UTC): ${verdict.reason}. Events from there on cannot be trusted; tell Security Operations. ${IN_INSTANCE_SCOPE}`,
    }
}

/** UI action script on the grant form. */
export function verifyChainFromGrant(current: any): void {
    const check = verifyGrantChain(String(current.getUniqueValue()))
    if (check.ok) gs.addInfoMessage(check.message)
    else gs.addErrorMessage(check.message)
}
