/**
 * Before-insert business rule on the audit table: one head per chain. A new event must extend the grant's current
 * head (next sequence, prev_hash = the head's hash) and carry the hash of its own content, so the app's appendAudit
 * and the executor's append (or two executor replicas) that read the same head cannot both land and fork the
 * chain: the later one is refused with AUDIT_HEAD_MOVED, re-reads the head and appends after it. Thin Glide glue;
 * the decision is the shared pure `checkAppend`.
 *
 * This rule keeps the chain linear; it does not prove who wrote an event (see docs/security.md "Audit chain": the
 * executor MACs its own events and anchors each head in its journal).
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { checkAppend, type AuditHead } from './shared/audit-chain'
import { AUDIT_FIELDS, TABLE } from './shared/schema'

function value(record: any, field: string): string {
    const v = record.getValue(field)
    return v === null || v === undefined ? '' : String(v)
}

/** 'YYYY-MM-DD HH:mm:ss' (UTC, as stored) → the ISO form the hash covers; '' when malformed. */
function glideToIso(stored: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(stored)
    return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : ''
}

/** The stored head (highest sequence) of the chain of `grantSysId` ('' = events about no grant). */
export function auditHead(grantSysId: string): AuditHead {
    const last = new GlideRecord(TABLE.auditEvent)
    if (grantSysId === '') last.addNullQuery(AUDIT_FIELDS.grant)
    else last.addQuery(AUDIT_FIELDS.grant, grantSysId)
    last.orderByDesc(AUDIT_FIELDS.sequence)
    last.setLimit(1)
    last.query()
    if (!last.next()) return null
    return { sequence: parseInt(value(last, AUDIT_FIELDS.sequence), 10) || 0, hash: value(last, AUDIT_FIELDS.hash) }
}

/** The business rule's script: abort the insert with the reason when it does not extend the current head. */
export function guardAuditAppend(current: any): void {
    const grant = value(current, AUDIT_FIELDS.grant)
    let payload: unknown
    try {
        payload = JSON.parse(value(current, AUDIT_FIELDS.payload) || 'null')
    } catch {
        payload = value(current, AUDIT_FIELDS.payload)
    }
    const verdict = checkAppend(auditHead(grant), {
        grant,
        action: value(current, AUDIT_FIELDS.action),
        sequence: Number(value(current, AUDIT_FIELDS.sequence)),
        eventType: value(current, AUDIT_FIELDS.eventType),
        actor: value(current, AUDIT_FIELDS.actor),
        occurredAt: glideToIso(value(current, AUDIT_FIELDS.occurredAt)),
        payload,
        prevHash: value(current, AUDIT_FIELDS.prevHash),
        hash: value(current, AUDIT_FIELDS.hash),
    })
    if (!verdict.ok) {
        current.setAbortAction(true)
        gs.addErrorMessage(verdict.reason)
    }
}
