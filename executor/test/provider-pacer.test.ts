/**
 * Provider pacing (providers/pacer.ts, issue 18): grants at the configured writes per second after a burst of one
 * second's worth, revokes never waiting for a token (only for a provider's Retry-After), and a Retry-After from the
 * provider pausing every caller. Virtual clock: exact instants.
 */
import { describe, expect, it } from 'vitest'
import { WritePacer, pacedProvider } from '../src/providers/pacer'
import { ProviderError, type Provider } from '../src/providers/types'
import { VirtualClock } from '../../test/support/virtual-clock'
import { runUntil } from '../../test/support/virtual-time'

const T0 = Date.UTC(2026, 0, 6, 10, 0, 0)

describe('provider pacer', () => {
    it('lets a burst of one second through, then one grant per 1/rate seconds', async () => {
        const clock = new VirtualClock(T0)
        const pacer = new WritePacer(20, clock)
        const at: number[] = []
        for (let i = 0; i < 40; i++) void pacer.take(false).then(() => at.push(clock.nowMs() - T0))
        await runUntil(clock, () => at.length === 40, { within: 10_000 })
        expect(at.slice(0, 20)).toEqual(Array(20).fill(0))
        // 20 more at 20 / s: the last one a second later
        expect(at[20]).toBe(50)
        expect(at[39]).toBe(1_000)
    })

    it('serves a revoke at once even with grants queued, and the grants yield its token', async () => {
        const clock = new VirtualClock(T0)
        const pacer = new WritePacer(10, clock)
        const grants: number[] = []
        for (let i = 0; i < 12; i++) void pacer.take(false).then(() => grants.push(clock.nowMs() - T0))
        let revokedAt = -1
        void pacer.take(true).then(() => (revokedAt = clock.nowMs() - T0))
        await runUntil(clock, () => grants.length === 12 && revokedAt >= 0, { within: 10_000 })
        expect(revokedAt).toBe(0)
        // 10 at once, then the revoke's token is owed: grant 11 at 200 ms (not 100), grant 12 at 300 ms
        expect(grants.slice(10)).toEqual([200, 300])
    })

    it('honours a Retry-After for every caller, revokes included', async () => {
        const clock = new VirtualClock(T0)
        let calls = 0
        const inner: Provider = {
            name: 'fake',
            describe: () => ({ name: 'fake', baseUrl: 'https://fake.invalid', nativeExpiry: false }),
            health: async () => undefined,
            grant: async () => {
                calls++
                if (calls === 1) throw new ProviderError('retryable', 'rate limited', 'rate_limited', 3_000)
                return { txnIds: [], expiresAt: new Date(T0), nativeExpiry: false, alreadyDone: false, calls: [] }
            },
            revoke: async () => ({ alreadyAbsent: false, calls: [] }),
            verify: async () => ({ present: false, evidence: {}, calls: [] }),
        }
        const paced = pacedProvider(inner, { writesPerSecond: 50 }, clock)
        const plan = {} as Parameters<Provider['grant']>[0]
        await expect(paced.grant(plan, { idempotencyKey: 'a' })).rejects.toThrow('rate limited')
        let grantAt = -1
        let revokeAt = -1
        void paced.grant(plan, { idempotencyKey: 'b' }).then(() => (grantAt = clock.nowMs() - T0))
        void paced.revoke(plan, { idempotencyKey: 'c' }).then(() => (revokeAt = clock.nowMs() - T0))
        await runUntil(clock, () => grantAt >= 0 && revokeAt >= 0, { within: 10_000 })
        expect(revokeAt).toBe(3_000)
        expect(grantAt).toBeGreaterThanOrEqual(3_000)
        // 0 turns pacing off
        expect(pacedProvider(inner, { writesPerSecond: 0 }, clock)).toBe(inner)
    })
    it('keeps every operation of the provider it wraps: an extension is forwarded, paced like a grant', async () => {
        // The pacer once dropped `extend`, so an approved Entra extension failed "cannot extend access in place".
        const clock = new VirtualClock(T0)
        const extended: Date[] = []
        const inner: Provider = {
            name: 'fake',
            describe: () => ({ name: 'fake', baseUrl: 'https://fake.invalid', nativeExpiry: true }),
            health: async () => undefined,
            grant: async () => ({
                txnIds: [],
                expiresAt: new Date(T0),
                nativeExpiry: true,
                alreadyDone: false,
                calls: [],
            }),
            revoke: async () => ({ alreadyAbsent: false, calls: [] }),
            verify: async () => ({ present: false, evidence: {}, calls: [] }),
            extend: async (_plan, to) => {
                extended.push(to)
                return { txnIds: ['x'], expiresAt: to, nativeExpiry: true, alreadyDone: false, calls: [] }
            },
        }
        const paced = pacedProvider(inner, { writesPerSecond: 1 }, clock)
        expect(Object.keys(paced).sort()).toEqual(Object.keys(inner).sort())
        const plan = {} as Parameters<Provider['grant']>[0]
        // One token a second: the grant takes the burst's token, the extension waits for the next one.
        await paced.grant(plan, { idempotencyKey: 'g' })
        let doneAt = -1
        void paced.extend!(plan, new Date(T0 + 60_000), { idempotencyKey: 'e' }).then(
            () => (doneAt = clock.nowMs() - T0),
        )
        await runUntil(clock, () => doneAt >= 0, { within: 10_000 })
        expect(extended).toEqual([new Date(T0 + 60_000)])
        expect(doneAt).toBeGreaterThanOrEqual(1_000)
        // A provider without an extension gets none from the wrapper either.
        const { extend: _none, ...plain } = inner
        expect('extend' in pacedProvider(plain, { writesPerSecond: 1 }, clock)).toBe(false)
    })
})
