/**
 * Reads the vote rules need (issue 10): a user's identity for the same-person check, and the payloads of a grant's
 * audit events of one type (the accepted votes are recorded there, append-only). Queries by fixed field names only.
 */
import { GlideRecord } from '@servicenow/glide'
import { str } from './glide-io'
import type { PersonRef } from './shared/approval'
import { USER_FIELDS } from './shared/platform'
import { AUDIT_FIELDS, PLATFORM_TABLE, TABLE, isSysId } from './shared/schema'

/** A user as the same-person check sees them (sys_id and e-mail; e-mail '' when the user is unknown). */
export function personRef(sysId: string): PersonRef {
    if (!isSysId(sysId)) return { sysId, email: '' }
    const gr = new GlideRecord(PLATFORM_TABLE.user)
    return { sysId, email: gr.get(sysId) ? str(gr, USER_FIELDS.email) : '' }
}

/** The parsed payloads of the grant's audit events of `eventType`, in chain order (unparsable ones skipped). */
export function auditPayloads(grantSysId: string, eventType: string): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = []
    if (!isSysId(grantSysId)) return out
    const gr = new GlideRecord(TABLE.auditEvent)
    gr.addQuery(AUDIT_FIELDS.grant, grantSysId)
    gr.addQuery(AUDIT_FIELDS.eventType, eventType)
    gr.orderBy(AUDIT_FIELDS.sequence)
    gr.query()
    while (gr.next()) {
        try {
            const parsed: unknown = JSON.parse(str(gr, AUDIT_FIELDS.payload) || '{}')
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) out.push(parsed as Record<string, unknown>)
        } catch {
            // A payload that is not JSON is not a vote.
        }
    }
    return out
}
