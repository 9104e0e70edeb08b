import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
    APP_REACTION_EVENT,
    APP_REACTION_EVENTS,
    AUDIT_HEAD_MOVED,
    AUDIT_MAC_CONTEXT,
    auditHash,
    auditMacInput,
    needsExecutorMac,
    chainEvent,
    checkAnchor,
    checkAppend,
    GENESIS,
    GENESIS_HASH,
    verifyChain,
    type AuditEvent,
    type ChainedAuditEvent,
} from '../src/audit-chain'

const GRANT = 'ab'.repeat(16)
function event(sequence: number, payload: unknown = { n: sequence }): AuditEvent {
    return {
        grant: GRANT,
        action: '',
        sequence,
        eventType: 'grant.step',
        actor: 'exec-a',
        occurredAt: `2025-03-12T10:00:0${sequence}.000Z`,
        payload,
    }
}
function chain(n: number): ChainedAuditEvent[] {
    const out: ChainedAuditEvent[] = []
    let prev = GENESIS_HASH
    for (let i = 1; i <= n; i++) {
        const e = chainEvent(prev, event(i))
        out.push(e)
        prev = e.hash
    }
    return out
}

describe('audit chain', () => {
    it('hashes prevHash + newline + canonical JSON of the content', () => {
        // Setup
        const e = event(1, { b: 2, a: 1 })
        const canonical = `{"action":"","actor":"exec-a","eventType":"grant.step","grant":"${GRANT}","occurredAt":"2025-03-12T10:00:01.000Z","payload":{"a":1,"b":2},"sequence":1}`
        // Execution / validation
        expect(GENESIS).toBe('0'.repeat(64))
        expect(auditHash(GENESIS_HASH, e)).toBe(
            createHash('sha256').update(`${GENESIS_HASH}\n${canonical}`).digest('hex'),
        )
        expect(auditHash(GENESIS_HASH, event(1, { a: 1, b: 2 }))).toBe(auditHash(GENESIS_HASH, e))
    })

    it('verifies an intact chain and an empty one', () => {
        expect(verifyChain(chain(5))).toEqual({ ok: true })
        expect(verifyChain([])).toEqual({ ok: true })
    })

    it('detects an altered payload at that event', () => {
        // Setup
        const events = chain(5)
        events[2] = { ...events[2]!, payload: { n: 99 } }
        // Execution / validation
        expect(verifyChain(events)).toEqual({
            ok: false,
            brokenAt: 2,
            reason: 'hash does not match the event content (event altered)',
        })
    })

    it('detects an altered event re-hashed by the attacker at the next event', () => {
        // Setup: the attacker recomputes event 2's own hash, but event 3 still points at the old one.
        const events = chain(5)
        events[2] = chainEvent(events[2]!.prevHash, { ...events[2]!, actor: 'mallory' })
        // Execution / validation
        const verdict = verifyChain(events)
        expect(verdict.ok === false && verdict.brokenAt).toBe(3)
    })

    it('detects a deleted, a reordered and a truncated-at-start chain', () => {
        const deleted = chain(5)
        deleted.splice(1, 1)
        expect(verifyChain(deleted)).toMatchObject({ ok: false, brokenAt: 1 })
        const reordered = chain(5)
        ;[reordered[3], reordered[4]] = [reordered[4]!, reordered[3]!]
        expect(verifyChain(reordered)).toMatchObject({ ok: false, brokenAt: 3 })
        expect(verifyChain(chain(5).slice(1))).toMatchObject({
            ok: false,
            brokenAt: 0,
            reason: 'first event does not start at the genesis hash',
        })
    })

    it('detects non-increasing sequence numbers even in a consistently hashed chain', () => {
        // Setup: hashes are all valid, but sequence 2 is followed by sequence 2.
        const first = chainEvent(GENESIS_HASH, event(1))
        const second = chainEvent(first.hash, event(2))
        const third = chainEvent(second.hash, event(2))
        // Execution / validation
        expect(verifyChain([first, second, third])).toEqual({
            ok: false,
            brokenAt: 2,
            reason: 'sequence 2 does not increase',
        })
    })

    it('reports malformed hashes and unhashable payloads instead of throwing', () => {
        const events = chain(2)
        expect(verifyChain([{ ...events[0]!, hash: 'nope' }])).toMatchObject({ ok: false, brokenAt: 0 })
        const bad = { ...events[0]!, payload: { x: NaN } }
        expect(verifyChain([bad])).toMatchObject({
            ok: false,
            brokenAt: 0,
            reason: expect.stringMatching(/cannot be hashed/),
        })
    })
})

describe('audit chain anchor and single head (issue 10, attack 7)', () => {
    it('checkAnchor: the anchored event must still be there with its hash', () => {
        const c = chain(5)
        const anchor = { sequence: 4, hash: c[3]!.hash }
        expect(checkAnchor(c, anchor)).toEqual({ ok: true })
        expect(checkAnchor(c, undefined)).toEqual({ ok: true })
        expect(checkAnchor(c.slice(0, 3), anchor)).toMatchObject({ ok: false, reason: /tail deleted/ })
        expect(checkAnchor([], anchor)).toMatchObject({ ok: false, reason: /whole chain is gone/ })
        const rewritten = chain(5).map((e, i) => (i === 3 ? { ...e, hash: 'f'.repeat(64) } : e))
        expect(checkAnchor(rewritten, anchor)).toMatchObject({ ok: false, brokenAt: 3, reason: /events rewritten/ })
    })

    it('checkAppend: only the next sequence after the head, with its hash and a hash of its own content', () => {
        const c = chain(3)
        const head = { sequence: 3, hash: c[2]!.hash }
        const next = chainEvent(head.hash, event(4))
        expect(checkAppend(head, next)).toEqual({ ok: true })
        expect(checkAppend(null, chain(1)[0]!)).toEqual({ ok: true })
        // A second appender that read the same old head (sequence 3 after #2) is refused.
        expect(checkAppend(head, c[2]!)).toMatchObject({ ok: false, reason: new RegExp(`^${AUDIT_HEAD_MOVED}`) })
        expect(checkAppend(head, { ...next, hash: '0'.repeat(64) })).toMatchObject({
            ok: false,
            reason: /hash does not match/,
        })
    })

    it("the executor's MAC: its message, and which events created by the integration user need it", () => {
        expect(auditMacInput('ab'.repeat(32))).toBe(AUDIT_MAC_CONTEXT + 'ab'.repeat(32))
        expect([...APP_REACTION_EVENTS].sort()).toEqual(Object.values(APP_REACTION_EVENT).sort())
        for (const type of APP_REACTION_EVENTS) expect(needsExecutorMac(type, 'svc', 'svc')).toBe(false)
        // the executor's own events and every gate fact need it when the integration user created them
        for (const type of ['grant_active', 'approval.vote', 'request.approved', 'revoke.queued', 'grant_extended']) {
            expect(needsExecutorMac(type, 'svc', 'svc')).toBe(true)
            expect(needsExecutorMac(type, 'alice', 'svc')).toBe(false)
        }
        // no integration user named: nothing can be told apart
        expect(needsExecutorMac('grant_active', '', '')).toBe(false)
    })
})
