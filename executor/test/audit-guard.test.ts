/**
 * The executor's own check of a grant's audit chain before it appends (src/audit-verify.ts judgeBeforeAppend,
 * shared checkAnchoredChain), and how `audit verify` (judgeAuditChain) treats a break the executor recorded.
 */
import { describe, expect, it } from 'vitest'
import { AUDIT_CHAIN_TAMPERED, AUDIT_FIELDS, GENESIS_HASH, SYSTEM_FIELDS, chainEvent } from '@gbg/shared'
import { auditMac } from '../src/audit-mac'
import { APP_REACTION_EVENTS, judgeAuditChain, judgeBeforeAppend, type AuditRow } from '../src/audit-verify'
import { formatGlideDateTime } from '../src/servicenow/query'

const KEY = 'unit-audit-key-0123456789abcdef-0123456789'
const USER = 'gbg.integration'
const GRANT = 'a'.repeat(32)

/** Append an event to `rows` (created by the integration user with a MAC unless `by` / `mac` say otherwise). */
function push(rows: AuditRow[], eventType: string, payload: unknown = {}, by = USER, mac = true): void {
    const prev = rows.at(-1)?.[AUDIT_FIELDS.hash] ?? GENESIS_HASH
    const sequence = rows.length === 0 ? 1 : Number(rows.at(-1)![AUDIT_FIELDS.sequence]) + 1
    const at = new Date(Date.UTC(2026, 0, 6, 10, 0, sequence))
    const e = chainEvent(prev, {
        grant: GRANT,
        action: '',
        sequence,
        eventType,
        actor: by,
        occurredAt: at.toISOString(),
        payload,
    })
    rows.push({
        [SYSTEM_FIELDS.createdBy]: by,
        [AUDIT_FIELDS.grant]: GRANT,
        [AUDIT_FIELDS.action]: '',
        [AUDIT_FIELDS.sequence]: String(sequence),
        [AUDIT_FIELDS.eventType]: eventType,
        [AUDIT_FIELDS.actor]: by,
        [AUDIT_FIELDS.occurredAt]: formatGlideDateTime(at),
        [AUDIT_FIELDS.payload]: JSON.stringify(payload),
        [AUDIT_FIELDS.prevHash]: prev,
        [AUDIT_FIELDS.hash]: e.hash,
        [AUDIT_FIELDS.mac]: mac ? auditMac(KEY, e.hash) : '',
    })
}

const anchorOf = (rows: AuditRow[]) => ({
    sequence: Number(rows.at(-1)![AUDIT_FIELDS.sequence]),
    hash: rows.at(-1)![AUDIT_FIELDS.hash]!,
})
const opts = { key: KEY, integrationUser: USER }

function chain(): AuditRow[] {
    const rows: AuditRow[] = []
    push(rows, 'grant.requested', {}, 'alice')
    push(rows, 'grant.granted')
    push(rows, 'grant.active')
    return rows
}

describe('judgeBeforeAppend: the executor checks the chain against its anchor before it appends', () => {
    it('accepts the intact chain and app events appended after the anchor', () => {
        const rows = chain()
        const anchor = anchorOf(rows)
        push(rows, 'notification.queued', {}, 'system')
        expect(judgeBeforeAppend(rows, { anchor, ...opts }).ok).toBe(true)
    })

    it('reports a deleted tail, a deleted chain and a rewritten anchored event', () => {
        const rows = chain()
        const anchor = anchorOf(rows)
        expect(judgeBeforeAppend(rows.slice(0, 2), { anchor, ...opts }).reason).toMatch(/tail deleted/)
        expect(judgeBeforeAppend([], { anchor, ...opts }).reason).toMatch(/whole chain is gone/)
        const rewritten = chain().slice(0, 2)
        push(rewritten, 'grant.active', { forged: true })
        expect(judgeBeforeAppend(rewritten, { anchor, ...opts }).reason).toMatch(/does not have the hash/)
    })

    it("accepts the app's rule events written in the integration user's session (an executor write triggered them)", () => {
        // the notification of a state change and an executor write refusal: created by the integration user, no MAC
        const rows = chain()
        const anchor = anchorOf(rows)
        push(rows, 'notification.queued', { event: 'granted' }, USER, false)
        push(rows, 'executor.write_refused', { reason: 'state' }, USER, false)
        expect(judgeBeforeAppend(rows, { anchor, ...opts }).ok).toBe(true)
        expect(judgeAuditChain(rows, { anchor, ...opts }).ok).toBe(true)
    })

    it("accepts the app's revoke.rescheduled of an extension the executor wrote (simulator finding 10)", () => {
        // the executor writes an approved extension's new end; the app's rule moves the scheduled revoke and records
        // it in the executor's session: one of the shared APP_REACTION_EVENTS, so no MAC is asked of it
        const rows = chain()
        const anchor = anchorOf(rows)
        push(rows, 'revoke.rescheduled', { previousExpiresAt: 'a', expiresAt: 'b', actions: [] }, USER, false)
        expect(APP_REACTION_EVENTS).toContain('revoke.rescheduled')
        expect(judgeBeforeAppend(rows, { anchor, ...opts }).ok).toBe(true)
        expect(judgeAuditChain(rows, { anchor, ...opts }).ok).toBe(true)
        // the executor's own events after it still need their MAC
        push(rows, 'grant_extended', {}, USER, false)
        expect(judgeBeforeAppend(rows, { anchor, ...opts }).reason).toMatch(
            /event #5 was created by the integration user .* \(forged append\)/,
        )
    })

    it('still reports a gate fact (a vote) created by the integration user without a MAC', () => {
        const rows = chain()
        const anchor = anchorOf(rows)
        push(rows, 'approval.vote', { decision: 'approved' }, USER, false)
        expect(judgeBeforeAppend(rows, { anchor, ...opts }).reason).toMatch(/forged append/)
        expect(judgeAuditChain(rows, { anchor, ...opts }).reason).toMatch(/forged append/)
    })

    it('reports an integration-user event after the anchor without a valid MAC (forged append)', () => {
        const rows = chain()
        const anchor = anchorOf(rows)
        push(rows, 'grant.revoked', {}, USER, false)
        const verdict = judgeBeforeAppend(rows, { anchor, ...opts })
        expect(verdict.ok).toBe(false)
        expect(verdict.reason).toMatch(/event #4 was created by the integration user .* without a valid MAC/)
    })

    it('a recorded break is reported once: later appends are judged from the audit_chain_tampered event on', () => {
        const rows = chain()
        const anchor = anchorOf(rows)
        push(rows, 'grant.revoked', {}, USER, false)
        const first = judgeBeforeAppend(rows, { anchor, ...opts })
        push(rows, AUDIT_CHAIN_TAMPERED, { reason: first.reason })
        const rebased = anchorOf(rows)
        expect(judgeBeforeAppend(rows, { anchor: rebased, ...opts }).ok).toBe(true)
        push(rows, 'grant.revoked')
        expect(judgeBeforeAppend(rows, { anchor: anchorOf(rows), ...opts }).ok).toBe(true)
        // audit verify keeps it BROKEN: the forged event first, and the recorded break on a re-linked chain.
        expect(judgeAuditChain(rows, { anchor: anchorOf(rows), ...opts }).reason).toMatch(/without a valid MAC/)
    })

    it('audit verify reports a chain whose tail the executor found deleted as BROKEN with the recorded break', () => {
        const rows = chain().slice(0, 2)
        push(rows, AUDIT_CHAIN_TAMPERED, { reason: 'tampered: the chain ends at #2, the journal anchors #3' })
        const verdict = judgeAuditChain(rows, { anchor: anchorOf(rows), ...opts })
        expect(verdict.ok).toBe(false)
        expect(verdict.reason).toMatch(/the executor recorded a break of this chain at #3: tampered: the chain ends/)
    })

    it('a forged audit_chain_tampered event (no MAC) does not hide an earlier break', () => {
        const rows = chain()
        const anchor = anchorOf(rows)
        rows[1]![AUDIT_FIELDS.payload] = JSON.stringify({ forged: true })
        push(rows, AUDIT_CHAIN_TAMPERED, { reason: 'nothing' }, USER, false)
        expect(judgeBeforeAppend(rows, { anchor, ...opts }).ok).toBe(false)
    })
})
