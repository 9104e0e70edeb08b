/**
 * Two replicas on one burst (issue 18, "scales with replicas"): each tries the poll page in its own order
 * (worker.ts spreadOrder), and a round that launched work refills at once even when it lost a few claims to the
 * other replica. Before: both tried the same oldest actions, and any lost claim stopped the refill, so the replica
 * that lost waited for the next poll — two replicas together went slower than one.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ACTION_PRIORITY } from '@gbg/shared'
import type { QueueAction } from '../src/ports'
import { spreadOrder } from '../src/worker/worker'
import { seedGrant } from './support/fake-gateway'
import { makeHarness, type Harness } from './support/worker-harness'
import { runUntil } from '../../test/support/virtual-time'

const hex = (n: number) => n.toString(16).padStart(32, '0')
const T0 = Date.UTC(2026, 11, 3, 9, 0, 0)
const action = (grant: number, priority: number, createdMs = T0, n = 0): QueueAction =>
    ({
        sysId: hex(1_000_000 + grant * 10 + n),
        grantSysId: hex(grant),
        priority,
        createdOn: new Date(createdMs),
    }) as unknown as QueueAction

describe('spreadOrder', () => {
    it('orders by priority first, then differently for two replicas within a burst; each grant keeps its own actions', () => {
        // a burst: 64 grants queued within 100 ms, each with a grant action and a later verify
        const page = Array.from({ length: 64 }, (_, i) => [
            action(i + 1, ACTION_PRIORITY.grant, T0 + i, 0),
            action(i + 1, 4, T0 + i, 1),
        ])
        const urgent = [action(999, 1, T0 + 5_000)]
        const a = spreadOrder([...page, urgent], 'exec-a')
        const b = spreadOrder([...page, urgent], 'exec-b')
        // the priority-1 grant comes first for both, though queued last
        expect(a[0]).toBe(urgent)
        expect(b[0]).toBe(urgent)
        // the same for a replica every round; each group untouched
        expect(spreadOrder([...page, urgent], 'exec-a')).toEqual(a)
        for (const g of a) expect(page.includes(g) || g === urgent).toBe(true)
        // the first half each would claim (K = 32 of a page of 64) overlaps far less than entirely
        const first = (o: QueueAction[][]) => new Set(o.slice(1, 33).map((g) => g[0]!.grantSysId))
        const fa = first(a)
        const shared = [...first(b)].filter((g) => fa.has(g)).length
        expect(shared).toBeLessThan(24)
    })

    it('never lets an action be overtaken by one queued more than the window (2 s) after it', () => {
        // 40 grants a second apart: whatever the jitter, an older one goes before one queued 2 s or more later
        const page = Array.from({ length: 40 }, (_, i) => [action(i + 1, ACTION_PRIORITY.grant, T0 + i * 1_000)])
        for (const name of ['exec-a', 'exec-b', 'exec-c']) {
            const order = spreadOrder(page, name).map((g) => g[0]!.createdOn.getTime())
            order.forEach((t, i) => {
                for (const later of order.slice(i + 1)) expect(later).toBeGreaterThan(t - 2_000)
            })
        }
    })
})

describe('two replicas on one burst', () => {
    let hs: Harness[] = []
    afterEach(async () => {
        for (const h of hs) await h.worker.stop({ force: true })
        hs = []
    })

    it('both take work from the first poll on and finish by refills, long before the next poll', async () => {
        // setup: 24 approved grants, two replicas with K = 4 and a page of 8 on one queue, a poll only every minute
        const a = makeHarness({ instance: 'exec-a', maxInFlight: 4, batchSize: 8, pollIntervalMs: 60_000 })
        const b = makeHarness(
            { instance: 'exec-b', maxInFlight: 4, batchSize: 8, pollIntervalMs: 60_000 },
            { clock: a.clock, sn: a.sn, provider: a.provider },
        )
        hs = [a, b]
        const seeds = Array.from({ length: 24 }, () => seedGrant(a.sn))
        const t0 = a.clock.nowMs()
        const claimedBy = (name: string) =>
            seeds.filter((s) => a.sn.actions.get(s.action.sysId)?.leaseOwner === name).length

        // execution: both loops run on their own
        await a.worker.start()
        await b.worker.start()
        await runUntil(a.clock, () => seeds.every((s) => a.sn.actions.get(s.action.sysId)?.state === 'done'), {
            within: 50_000,
            what: 'every grant of the burst done',
        })

        // validation: done by refill rounds (250 ms apart), not by polls a minute apart; each grant once
        expect(a.clock.nowMs() - t0).toBeLessThan(10_000)
        expect(a.provider.applied).toBe(24)
        // both replicas did a real share of the work
        const byA = claimedBy('exec-a')
        const byB = claimedBy('exec-b')
        expect(byA + byB).toBe(24)
        expect(Math.min(byA, byB)).toBeGreaterThanOrEqual(6)
    })
})
