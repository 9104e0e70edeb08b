import { afterEach, describe, expect, it } from 'vitest'
import { ProviderError } from '../src/providers/types'
import { seedGrant, unreachable } from './support/fake-gateway'
import { makeHarness, type Harness } from './support/worker-harness'

const MINUTE = 60_000

/**
 * A crash at each step: the old worker is abandoned with `stop({ force: true })` at the chosen point (its
 * journal step stays, like a kill -9) and a NEW worker is built over the same journal file.
 */
describe('worker: resume after a crash', () => {
    let h: Harness
    afterEach(() => h?.cleanup())

    it('crash after the claim, before any call: the lease lapses, the action runs again from the start', async () => {
        // setup: die as soon as the action is claimed
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.worker.events.on('action:claimed', () => void h.worker.stop({ force: true }))
        await h.worker.tick()
        await h.worker.idle()
        expect(h.journal.get(s.action.sysId)?.step).toBe('claimed')
        expect(h.provider.count('grant')).toBe(0)

        // execution: restart; nothing to resume (no call was made); the lease expires; the sweeper returns it
        h = h.restart()
        await h.worker.resume()
        expect(h.provider.count('grant')).toBe(0)
        await h.clock.advance(MINUTE + 1)
        await h.round()

        // validation
        expect(h.sn.actions.get(s.action.sysId)).toMatchObject({ state: 'done', attempts: 2 })
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.provider.applied).toBe(1)
    })

    it('crash mid-call after the provider granted: reconciled by verify, exactly one grant', async () => {
        // setup: the provider applies the grant and never answers; the executor dies
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { applyThenHang: true })
        await h.worker.tick()
        await h.provider.whenApplied(1)
        await h.worker.stop({ force: true })
        await h.worker.idle()
        expect(h.journal.get(s.action.sysId)?.step).toBe('calling')

        // execution: a new worker resumes (our lease is still valid: it is renewed and the run continues)
        h = h.restart()
        await h.worker.resume()
        await h.worker.idle()

        // validation: verify first, no second grant call
        expect(h.provider.count('grant')).toBe(1)
        expect(h.provider.applied).toBe(1)
        expect(h.provider.calls.map((c) => c.op)).toEqual(['grant', 'verify'])
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
        expect(h.names('action:resumed')).toHaveLength(1)
    })

    it('crash mid-call; the shared access now ends later for another holder: the grant keeps its own approved end', async () => {
        // setup (simulator, seed ext-2: L10, 10 min, reconciled after a crash while L12 — 15 min, same Entra group —
        // had extended the shared PIM assignment; L10 was written to expire with L12): the provider applies this
        // 60-minute grant and never answers; the executor dies; meanwhile the access it shares ends 2 h out
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { applyThenHang: true })
        const calledAt = h.clock.now().getTime()
        await h.worker.tick()
        await h.provider.whenApplied(1)
        await h.worker.stop({ force: true })
        await h.worker.idle()
        const shared = [...h.provider.held.values()][0]!
        shared.expiresAt = new Date(calledAt + 120 * MINUTE)

        // execution: a new worker resumes and reconciles by verify (which reports the shared access's end)
        h = h.restart()
        await h.worker.resume()
        await h.worker.idle()

        // validation: active, ending at its own approved 60 minutes from the call, not at the other holder's end
        expect(h.provider.calls.map((c) => c.op)).toEqual(['grant', 'verify'])
        const grant = h.sn.grants.get(s.grant.sysId)!
        expect(grant.state).toBe('active')
        expect(grant.expiresAt?.getTime()).toBe(calledAt + 60 * MINUTE)
    })

    it('crash mid-call before the request arrived: verify finds nothing, the grant is retried once', async () => {
        // setup: the call blocks before reaching the provider; the executor dies
        h = makeHarness()
        const s = seedGrant(h.sn)
        const gate = h.provider.block('grant')
        await h.worker.tick()
        await gate.entered
        await h.worker.stop({ force: true })
        await h.worker.idle()
        expect(h.journal.get(s.action.sysId)?.step).toBe('calling')

        // execution: restart after the lease lapsed (the old lease is released, then re-claimed)
        await h.clock.advance(2 * MINUTE)
        h = h.restart()
        await h.worker.resume()
        await h.worker.idle()

        // validation: verify said absent → the grant is made in the same attempt (after a fresh recheck)
        expect(h.provider.calls.map((c) => c.op)).toEqual(['grant', 'verify', 'grant'])
        expect(h.provider.applied).toBe(1)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.sn.actions.get(s.action.sysId)).toMatchObject({ state: 'done', attempts: 2 })
    })

    it('crash after provider_done: only the write-back remains', async () => {
        // setup: die right after the grant is journaled as done at the provider
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.worker.events.on('grant:active', () => void h.worker.stop({ force: true }))
        await h.worker.tick()
        await h.worker.idle()
        expect(h.journal.get(s.action.sysId)?.step).toBe('provider_done')
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('granting')

        // execution
        h = h.restart()
        await h.worker.resume()
        await h.worker.idle()

        // validation: no provider call at all, full write-back
        expect(h.provider.calls.map((c) => c.op)).toEqual(['grant'])
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
        expect(h.sn.actionsOf(s.grant.sysId, 'revoke')).toHaveLength(1)
        expect(h.journal.get(s.action.sysId)?.step).toBe('done')
    })

    it('crash with the write-back half delivered: resumed without duplicates (one revoke action)', async () => {
        // setup: ServiceNow fails from the revoke-action creation on; the worker dies
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.fail('createAction', 1, () => {
            h.sn.down = true
            return unreachable()
        })
        await h.round()
        await h.worker.stop({ force: true })
        expect(h.journal.get(s.action.sysId)?.step).toBe('written_back')
        expect(h.journal.pendingOutbox(s.action.sysId)).toBeGreaterThan(0)

        // execution: ServiceNow is back; a new worker resumes
        h.sn.down = false
        h = h.restart()
        await h.worker.resume()
        await h.worker.idle()
        // the failed item is retried on its schedule; the items behind it wait (queue order per grant)
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('claimed')
        await h.clock.advance(5_000)
        await h.round()

        // validation
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
        expect(h.sn.actionsOf(s.grant.sysId, 'revoke')).toHaveLength(1)
        expect(h.sn.workNotes.filter((n) => n.sysId === s.ritm)).toHaveLength(1)
        expect(h.journal.get(s.action.sysId)?.step).toBe('done')
        expect(h.provider.count('grant')).toBe(1)
    })

    it('crash mid-revoke: the revoke is called again and verified; the timer is restored from the journal', async () => {
        // setup: grant, then die in the middle of the revoke at expiry
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        expect(h.journal.timers().map((t) => t.grantId)).toEqual([s.grant.sysId])
        await h.clock.advance(30 * MINUTE)
        const gate = h.provider.block('revoke')
        await h.worker.tick()
        await gate.entered
        await h.worker.stop({ force: true })
        await h.worker.idle()
        const revokeId = h.sn.actionsOf(s.grant.sysId, 'revoke')[0]!.sysId
        expect(h.journal.get(revokeId)?.step).toBe('calling')

        // execution
        h = h.restart()
        expect(h.journal.timers().map((t) => t.grantId)).toEqual([s.grant.sysId])
        await h.worker.resume()
        await h.worker.idle()

        // validation
        expect(h.provider.has(s.plan)).toBe(false)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoked')
        expect(h.sn.actions.get(revokeId)?.state).toBe('done')
        expect(h.journal.timers()).toEqual([])
    })

    it('a revoke whose journal already finished is closed without a provider call', async () => {
        // setup: full grant + revoke, then the revoke action is re-queued in ServiceNow (lost final patch)
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        await h.clock.advance(30 * MINUTE)
        await h.round()
        const revoke = h.sn.actionsOf(s.grant.sysId, 'revoke')[0]!
        Object.assign(h.sn.actions.get(revoke.sysId)!, { state: 'ready', leaseOwner: '', leaseUntil: null })
        const calls = h.provider.calls.length

        // execution
        await h.round()

        // validation
        expect(h.provider.calls.length).toBe(calls)
        expect(h.sn.actions.get(revoke.sysId)?.state).toBe('done')
    })

    it('a grant retried after an unknown outcome reads the provider first', async () => {
        // setup: unknown outcome, and the verify fails too (still unknown)
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { throw: new ProviderError('unknown_outcome', 'timeout') })
        h.provider.script('verify', { throw: new ProviderError('retryable', 'HTTP 503') })
        await h.round()
        expect(h.journal.get(s.action.sysId)?.data.reconcile).toBe(true)

        // execution: the next attempt
        await h.clock.advance(30_000)
        await h.round()

        // validation: verify came before the second grant call
        expect(h.provider.calls.map((c) => c.op)).toEqual(['grant', 'verify', 'verify', 'grant'])
        expect(h.provider.applied).toBe(1)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
    })
})
