/**
 * "Verify audit chain" on the Glide fake: the grant's stored events run through the shared verifyChain server-side.
 * Intact, tampered (an event's payload edited in place), truncated (an event deleted from the middle, the first event
 * deleted), and the limit the message states (a deleted tail is not visible in the instance).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { GlideRecord, glide } from './support/glide-fake'
import { W, buildWorld } from './support/app-world'
import { appendAudit } from '../src/server/glide-io'
import { IN_INSTANCE_SCOPE, verifyChainFromGrant, verifyGrantChain } from '../src/server/chain-verify'
import { AUDIT_FIELDS, TABLE } from '../../shared/src/schema'

const T0 = Date.UTC(2026, 10, 27, 10, 0, 0)

/** A grant with five chained events written by the app's own appendAudit (through the audit insert rule). */
function grantWithChain(): string {
    const grant = glide.insert(TABLE.grant, {
        requested_for: W.alice,
        target_kind: 'device_local_admin',
        target_ci: W.workstation,
        requested_duration: '60',
        justification: 'Install the signed scanner driver for the lab',
        state: 'revoked',
    })
    const id = grant.sys_id!
    const events = ['request.submitted', 'policy.evaluated', 'plan.frozen', 'approval.vote', 'request.approved']
    events.forEach((type, i) => {
        glide.setNow(T0 + i * 60_000)
        appendAudit(id, type, i === 3 ? 'bob' : 'system', { step: i + 1, planDigest: 'd'.repeat(64) })
    })
    return id
}

/** The stored event #`sequence` of the grant, as a GlideRecord positioned on it. */
function event(grantSysId: string, sequence: number): any {
    const gr = new GlideRecord(TABLE.auditEvent)
    gr.addQuery(AUDIT_FIELDS.grant, grantSysId)
    gr.addQuery(AUDIT_FIELDS.sequence, String(sequence))
    gr.query()
    expect(gr.next()).toBe(true)
    return gr
}

beforeEach(() => {
    buildWorld()
    glide.setNow(T0)
})

describe('Verify audit chain (server-side, shared verifyChain)', () => {
    it('intact: every link and hash checks, and the message says what it proves and what it cannot', () => {
        // Setup
        const grant = grantWithChain()
        // Execution
        const check = verifyGrantChain(grant)
        // Validation
        expect(check).toMatchObject({ ok: true, count: 5 })
        expect(check.message).toMatch(/INTACT: 5 events, #1 to #5 \(request\.approved, 2026-11-27 10:04:00 UTC\)/)
        expect(check.message).toContain(IN_INSTANCE_SCOPE)
        expect(IN_INSTANCE_SCOPE).toMatch(/cannot prove the newest events were not deleted, nor who wrote/)
    })

    it('tampered: an event edited in place is named as the first bad event', () => {
        // Setup: someone with table access rewrites the vote's payload (the audit ACLs forbid it; this is the
        // after-the-fact case the check exists for)
        const grant = grantWithChain()
        const vote = event(grant, 4)
        vote.setValue(AUDIT_FIELDS.payload, JSON.stringify({ step: 4, planDigest: 'e'.repeat(64) }))
        vote.setWorkflow(false)
        vote.update()
        // Execution
        glide.setUser({ sysId: W.erin, userName: 'erin', roles: ['x_gbg_breakglass.auditor'] })
        const check = verifyGrantChain(grant)
        verifyChainFromGrant({ getUniqueValue: () => grant })
        // Validation
        expect(check.ok).toBe(false)
        expect(check.first).toMatchObject({ sequence: '4', eventType: 'approval.vote' })
        expect(check.first!.reason).toMatch(/hash does not match the event content/)
        expect(glide.messages.error.join('\n')).toMatch(
            /BROKEN at event #4 \(approval\.vote, 2026-11-27 10:03:00 UTC\)/,
        )
        expect(glide.messages.info).toEqual([])
    })

    it('truncated: an event deleted from the middle, or the first one, breaks the next link', () => {
        // Setup
        const middle = grantWithChain()
        event(middle, 3).deleteRecord()
        const head = grantWithChain()
        event(head, 1).deleteRecord()
        // Execution
        const a = verifyGrantChain(middle)
        const b = verifyGrantChain(head)
        // Validation
        expect(a).toMatchObject({ ok: false, count: 4, first: { sequence: '4', eventType: 'approval.vote' } })
        expect(a.first!.reason).toMatch(/event missing, reordered or inserted/)
        expect(b).toMatchObject({ ok: false, count: 4, first: { sequence: '2' } })
        expect(b.first!.reason).toMatch(/does not start at the genesis hash/)
    })

    it('a chain deleted whole is reported; a deleted tail is not visible here (gbg audit verify is told so)', () => {
        // Setup
        const gone = grantWithChain()
        for (let s = 1; s <= 5; s++) event(gone, s).deleteRecord()
        const tail = grantWithChain()
        event(tail, 5).deleteRecord()
        // Execution / validation
        expect(verifyGrantChain(gone)).toMatchObject({ ok: false, count: 0 })
        expect(verifyGrantChain(gone).message).toMatch(/NO EVENTS/)
        const shorter = verifyGrantChain(tail)
        expect(shorter).toMatchObject({ ok: true, count: 4 })
        expect(shorter.message).toContain('cannot prove the newest events were not deleted')
    })
})
