/**
 * The revoke lane (worker.ts revokeLoop / takeTimer) honours a failed revoke's backoff. Simulator finding 9
 * (docs/simulation.md): a due revoke timer claimed the grant's queue revoke whenever it was `ready`, ignoring the
 * `not_before` its failed run had just written, and the end of every run wakes the lane — so a revoke that kept
 * failing (Entra `ActiveDurationTooShort`, a provider down) was retried in a loop with no wait at all: hundreds of
 * provider calls, ServiceNow writes and audit events a second, in production, until the failure cleared.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushMicrotasks } from '../../test/support/virtual-clock'
import { ProviderError } from '../src/providers/types'
import { seedGrant } from './support/fake-gateway'
import { makeHarness, TEST_OPTIONS, type Harness } from './support/worker-harness'

const MINUTE = 60_000

/** Let every run, write-back and lane wake-up that needs no virtual time finish. */
async function quiesce(): Promise<void> {
    for (let i = 0; i < 50; i++) await flushMicrotasks()
}

describe('worker: revoke lane', () => {
    let h: Harness
    afterEach(async () => {
        await h?.worker.stop({ force: true })
        h?.cleanup()
    })

    it('a failing revoke is retried at its backoff, never again in the same instant (no hot loop)', async () => {
        // setup: an active 30-minute grant with its timer armed; the running worker (poll loop and revoke lane)
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        const tooShort = () => ({
            throw: new ProviderError('retryable', 'ActiveDurationTooShort (fake)', 'ActiveDurationTooShort', 2_000),
        })
        h.provider.script('revoke', tooShort(), tooShort(), tooShort(), tooShort(), tooShort())
        await h.worker.start()

        // execution: expiry, then everything that needs no virtual time
        await h.clock.advance(30 * MINUTE)
        await quiesce()

        // validation: one attempt at expiry; the retry waits for the backoff written on the action
        const revoke = h.sn.actionsOf(s.grant.sysId, 'revoke')[0]!
        expect(h.provider.count('revoke')).toBe(1)
        const queued = h.sn.actions.get(revoke.sysId)!
        expect(queued.state).toBe('ready')
        expect(queued.notBefore!.getTime()).toBeGreaterThan(h.clock.now().getTime())

        // execution: time moves on; the provider recovers after five failures
        await h.clock.advance(10 * MINUTE)
        await quiesce()

        // validation: revoked after six attempts, each at its own instant, never sooner than the provider asked
        // (the queue retry and, past the grace, the journal's own revoke may alternate: two tracks, each backing off)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoked')
        const at = h.provider.calls.filter((c) => c.op === 'revoke').map((c) => c.at.getTime())
        expect(at).toHaveLength(6)
        for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(2_000)
    })

    it('a retry whose not_before is absurdly far is still claimed within the longest backoff (no deferral for ever)', async () => {
        // setup: active grant whose first revoke fails; then its not_before is moved a year ahead
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        const revoke = h.sn.actionsOf(s.grant.sysId, 'revoke')[0]!
        h.provider.script('revoke', { throw: new ProviderError('retryable', 'HTTP 503 (fake)') })
        await h.worker.start()
        await h.clock.advance(30 * MINUTE)
        await quiesce()
        expect(h.provider.count('revoke')).toBe(1)
        h.sn.actions.get(revoke.sysId)!.notBefore = new Date(h.clock.now().getTime() + 365 * 24 * 60 * MINUTE)

        // execution: the longest revoke backoff
        await h.clock.advance(TEST_OPTIONS.revokeBackoff!.maxMs)
        await quiesce()

        // validation: revoked by the timer within it
        expect(h.provider.has(s.plan)).toBe(false)
        expect(h.provider.count('revoke')).toBe(2)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoked')
    })
})
