import { afterEach, describe, expect, it } from 'vitest'
import { planDigest } from '@gbg/shared'
import { ProviderError } from '../src/providers/types'
import { seedGrant } from './support/fake-gateway'
import { makeHarness, type Harness } from './support/worker-harness'

const MINUTE = 60_000

describe('worker: write-back outbox and revoke failures', () => {
    let h: Harness
    afterEach(() => h?.cleanup())

    it('write-back failing retries from the outbox with backoff and converges, in order', async () => {
        // setup: the grant patch fails twice
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.fail('updateGrant', 2, undefined, (args) => (args[1] as { state?: string }).state === 'active')

        // execution
        await h.round()

        // validation: provider done, write-back held (the later items of the grant wait behind the failed one)
        expect(h.provider.applied).toBe(1)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('granting')
        expect(h.sn.workNotes).toEqual([])
        expect(h.journal.get(s.action.sysId)?.step).toBe('written_back')

        // execution: first retry after 5 s fails again, second after 10 s more succeeds
        await h.clock.advance(5_000)
        await h.round()
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('granting')
        await h.clock.advance(10_000)
        await h.round()

        // validation
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
        expect(h.journal.get(s.action.sysId)?.step).toBe('done')
        expect(h.names('writeback:failed')).toHaveLength(2)
        expect(h.names('writeback:bound_exceeded')).toEqual([])
        expect(h.provider.count('grant')).toBe(1)
    })

    it('ServiceNow down past the bound: alert event, the revoke still happens at expiry from the journal', async () => {
        // setup: granted at the provider, then ServiceNow goes down before any write-back lands
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 10 })
        h.worker.events.on('grant:active', () => {
            h.sn.down = true
        })
        await h.round()
        expect(h.provider.has(s.plan)).toBe(true)
        expect(h.journal.timer(s.grant.sysId)).toBeDefined()

        // execution: rounds while down, past the 2-minute bound
        for (let i = 0; i < 5; i++) {
            await h.clock.advance(30_000)
            await h.round()
        }

        // validation: one alert per undelivered item, nothing lost
        const alerts = h.events.filter((e) => e.name === 'writeback:bound_exceeded')
        expect(alerts.length).toBeGreaterThan(0)
        expect(alerts[0]!.payload).toMatchObject({ grantSysId: s.grant.sysId, kind: 'grant_patch' })
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('granting')

        // execution: expiry passes while ServiceNow is still down
        await h.clock.advance(8 * MINUTE)
        await h.round()

        // validation: the local timer revoked and verified; the result is queued
        expect(h.provider.has(s.plan)).toBe(false)
        expect(h.events.find((e) => e.name === 'revoke:done')?.payload).toMatchObject({ local: true })
        expect(h.names('timer:fired')).toHaveLength(1)

        // execution: ServiceNow comes back; everything converges
        h.sn.down = false
        for (let i = 0; i < 4; i++) {
            await h.clock.advance(MINUTE)
            await h.round()
        }

        // validation: the grant ends revoked (active first, then revoked), one revoke action, closed without
        // a second provider revoke
        const grant = h.sn.grants.get(s.grant.sysId)!
        expect(grant.state).toBe('revoked')
        expect(grant.grantedAt).not.toBeNull()
        expect(JSON.parse(grant.evidence)).toMatchObject({ present: false })
        expect(h.sn.audit.find((e) => e.eventType === 'revoke_done')?.payload).toMatchObject({ local: true })
        const revokes = h.sn.actionsOf(s.grant.sysId, 'revoke')
        expect(revokes).toHaveLength(1)
        expect(revokes[0]!.state).toBe('done')
        expect(h.provider.count('revoke')).toBe(1)
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
        expect(h.journal.pendingOutbox()).toBe(0)
        expect(h.sn.auditTypes(s.grant.sysId).slice(0, 4)).toEqual([
            'recheck_passed',
            'provider_call',
            'grant_active',
            'revoke_done',
        ])
    })

    it('revoke failing: retried with capped backoff, incident after the bound, confirmed later on the incident', async () => {
        // setup: granted; the revoke will fail 4 times
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30, highRisk: true })
        await h.round()
        const fail = () => ({ throw: new ProviderError('retryable', 'HTTP 502 from endpoint') })
        h.provider.script('revoke', fail(), fail(), fail(), fail())

        // execution: expiry, then retries at 10 s, 20 s, 40 s (capped at 60 s)
        await h.clock.advance(30 * MINUTE)
        await h.round()
        const revoke = h.sn.actionsOf(s.grant.sysId, 'revoke')[0]!
        expect(h.sn.actions.get(revoke.sysId)).toMatchObject({ state: 'ready', attempts: 1 })
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoking')
        expect(h.sn.incidents).toEqual([])
        await h.clock.advance(10_000)
        await h.round()
        await h.clock.advance(20_000)
        await h.round()

        // validation: third failure → P1 incident (high-risk plan) for SecOps, grant revoke_failed
        expect(h.sn.incidents).toHaveLength(1)
        expect(h.sn.incidents[0]!.input).toMatchObject({ priority: 1, grantSysId: s.grant.sysId })
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoke_failed')
        expect(h.sn.actions.get(revoke.sysId)?.notBefore?.getTime()).toBe(h.clock.now().getTime() + 40_000)

        // execution: fourth failure (no second incident), then success
        await h.clock.advance(40_000)
        await h.round()
        expect(h.sn.incidents).toHaveLength(1)
        expect(h.sn.actions.get(revoke.sysId)?.notBefore?.getTime()).toBe(h.clock.now().getTime() + 60_000)
        await h.clock.advance(60_000)
        await h.round()

        // validation: revoked, never dead, and the incident got the confirmation with the evidence
        expect(h.provider.has(s.plan)).toBe(false)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoked')
        expect(h.sn.actions.get(revoke.sysId)?.state).toBe('done')
        const incidentNote = h.sn.workNotes.find((n) => n.table === 'incident')!
        expect(incidentNote.sysId).toBe(h.sn.incidents[0]!.sysId)
        expect(incidentNote.note).toContain('Removal confirmed')
        expect(incidentNote.note).toContain('"present":false')
        expect(h.names('revoke:failed')).toHaveLength(4)
    })

    it('a revoke the provider claims but verify contradicts counts as failed', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        h.provider.script('revoke', { noEffect: true })

        // execution
        await h.clock.advance(30 * MINUTE)
        await h.round()

        // validation
        expect(h.events.find((e) => e.name === 'revoke:failed')?.payload.error).toContain('still shows the access')
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoking')
        await h.clock.advance(10_000)
        await h.round()
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoked')
    })

    it('a revoke with a tampered plan removes what the journal recorded and raises an incident', async () => {
        // setup: granted; then someone edits the stored plan
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        const grant = h.sn.grants.get(s.grant.sysId)!
        grant.plan = grant.plan.replace('svc-db-admin', 'svc-other')

        // execution
        await h.clock.advance(30 * MINUTE)
        await h.round()

        // validation
        expect(h.provider.has(s.plan)).toBe(false)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoked')
        expect(h.sn.incidents.map((i) => i.input.priority)).toEqual([1])
        expect(h.sn.auditTypes(s.grant.sysId)).toContain('revoke_plan_mismatch')
    })

    it('a plan rewritten with a matching digest after the grant: the revoke still removes what was granted', async () => {
        // setup: granted; then the stored plan AND its digest are rewritten to another account
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        expect(h.provider.has(s.plan)).toBe(true)
        const other = { ...s.plan, target: { ...s.plan.target, account: 'svc-other' } }
        const grant = h.sn.grants.get(s.grant.sysId)!
        grant.plan = JSON.stringify(other)
        grant.planDigest = planDigest(other)

        // execution
        await h.clock.advance(30 * MINUTE)
        await h.round()

        // validation: the real access is gone, the rewritten target untouched; tampering reported everywhere
        expect(h.provider.has(s.plan)).toBe(false)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoked')
        expect(h.sn.incidents.map((i) => i.input.shortDescription)).toEqual([
            `Tampered plan on break-glass grant ${s.plan.grantNumber}`,
        ])
        const event = h.sn.audit.find((e) => e.eventType === 'revoke_plan_mismatch')
        expect(JSON.stringify(event?.payload)).toContain('svc-other')
        expect(h.sn.workNotes.some((n) => n.sysId === s.ritm && n.note.includes('Tampering detected'))).toBe(true)
    })

    it('verify finding revoked access present escalates and queues a revoke again', async () => {
        // setup: full grant + revoke; then the access reappears at the provider
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        await h.clock.advance(30 * MINUTE)
        await h.round()
        h.provider.held.set(`${s.plan.principal.userSysId}|pam_account|svc-db-admin`, {
            txnIds: ['manual'],
            expiresAt: new Date(h.clock.now().getTime() + MINUTE),
            idempotencyKey: 'manual',
        })

        // execution: the verify action
        await h.clock.advance(MINUTE)
        await h.round()

        // validation
        expect(h.sn.incidents).toHaveLength(1)
        const again = h.sn
            .actionsOf(s.grant.sysId, 'revoke')
            .filter((a) => a.idempotencyKey.startsWith('revoke-again:'))
        expect(again).toHaveLength(1)
        await h.round()
        expect(h.provider.has(s.plan)).toBe(false)
    })
})
