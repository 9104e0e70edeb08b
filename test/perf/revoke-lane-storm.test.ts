/**
 * Many revokes due together during a ServiceNow 429 storm (issue 18: bench p99 41 s, one or two of 40 revokes).
 *
 * Causes found (bench trace of the late ones: due revokes launched in bursts, 5–14 s late, or 2 s after their claim):
 * - a revoke run held its revoke-lane slot until its write-back was delivered, and the write-back was one serial
 *   pass over the whole outbox whose reads (the verify action's "already created?" read, audit chain reads) retried
 *   in the call honouring Retry-After 5 s: due revokes past the lane's bound waited for those slots;
 * - a due revoke could wait 1 s for the queue revoke's hand-over, then 2 s more for the grant read.
 *
 * Now each grant's write-back has its own lane, a revoke run frees its slot once the provider's answer is journaled,
 * and hand-over and grant read share one budget (500 ms after the expiry). Here 24 grants (three times the lane's 8
 * slots) expire together while every ServiceNow read takes 15 s and then fails (three in-call retries after
 * Retry-After 5 s), writes going through: each provider revoke must be called within the budget (the code before
 * this change: 1,000 ms).
 * Fake ServiceNow and provider on a virtual clock: deterministic, no wall-clock wait.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Journal } from '@gbg/executor/src/journal/journal'
import type { ServiceNowGateway } from '@gbg/executor/src/ports'
import { ServiceNowError } from '@gbg/executor/src/servicenow/errors'
import { Worker } from '@gbg/executor/src/worker/worker'
import { FakeServiceNow, seedGrant } from '../../executor/test/support/fake-gateway'
import { FakeProvider } from '../../executor/test/support/fake-provider'
import { TEST_OPTIONS } from '../../executor/test/support/worker-harness'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'

const GRANTS = 24
/** Reads of the gateway that retry in the call (client.ts: idempotent GETs honour Retry-After). */
const READS = new Set(['getAction', 'getGrant', 'listOpenActionsForGrant', 'readAuditChain', 'listPollActions'])

let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
    await cleanup?.()
    cleanup = undefined
})

describe('revoke lane under a 429 storm', () => {
    it('calls the provider within 500 ms of expiry for more due revokes than the lane has slots', async () => {
        const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
        const dir = mkdtempSync(join(tmpdir(), 'gbg-storm-'))
        const journal = Journal.open(join(dir, 'journal.db'), { clock })
        const sn = new FakeServiceNow(clock)
        const provider = new FakeProvider(clock)
        const storm = { on: false }
        const inner = sn.gateway(TEST_OPTIONS.instance)
        // During the storm a read answers only after the client's in-call retries: 3 × Retry-After 5 s, then 429.
        const gateway = new Proxy(inner, {
            get(target, name, receiver) {
                const value: unknown = Reflect.get(target, name, receiver)
                if (typeof value !== 'function') return value
                return async (...args: unknown[]) => {
                    if (storm.on && READS.has(String(name))) {
                        await clock.sleep(15_000)
                        throw new ServiceNowError('retryable', 'ServiceNow 429 (fake storm)', {
                            status: 429,
                            retryAfterMs: 5_000,
                        })
                    }
                    return (value as (...a: unknown[]) => unknown).apply(target, args)
                }
            },
        }) as ServiceNowGateway
        const worker = new Worker(
            { gateway, journal, providers: new Map([[provider.name, provider]]), clock },
            { ...TEST_OPTIONS, maxInFlight: GRANTS, batchSize: GRANTS, revokeMaxInFlight: 8 },
        )
        cleanup = async () => {
            storm.on = false
            let stopped = false
            void worker.stop({ force: true }).then(() => (stopped = true))
            await runUntil(clock, () => stopped, { within: 10 * 60_000, what: 'worker stopped' })
            journal.close()
            rmSync(dir, { recursive: true, force: true })
        }
        const grants = Array.from({ length: GRANTS }, () => seedGrant(sn, { durationMinutes: 10 }).grant.sysId)
        await worker.start()
        await runUntil(clock, () => grants.every((id) => journal.timer(id)?.dueAt !== undefined), {
            within: 120_000,
            what: 'every grant active',
        })
        await runUntil(clock, () => journal.pendingOutbox() === 0, { within: 120_000, what: 'write-backs delivered' })
        const due = new Map(grants.map((id) => [id, journal.timer(id)!.dueAt.getTime()]))
        const first = Math.min(...due.values())
        expect(Math.max(...due.values()) - first).toBeLessThan(5_000)
        const calledAt = new Map<string, number>()
        worker.events.on('revoke:calling', (e) => {
            if (!calledAt.has(e.grantSysId)) calledAt.set(e.grantSysId, clock.nowMs())
        })
        await runUntil(clock, () => clock.nowMs() >= first - 5_000, { within: 15 * 60_000, what: 'near expiry' })
        storm.on = true
        await runUntil(clock, () => calledAt.size === GRANTS, { within: 5 * 60_000, what: 'every revoke called' })
        const late = grants.map((id) => calledAt.get(id)! - due.get(id)!)
        expect(Math.min(...late)).toBeGreaterThanOrEqual(0)
        // the 500 ms budget, and no revoke waiting for a slot behind a write-back
        expect(Math.max(...late)).toBeLessThanOrEqual(600)
        expect(provider.count('revoke')).toBeGreaterThanOrEqual(GRANTS)

        // the storm ends: every write-back catches up, every grant ends revoked in ServiceNow
        storm.on = false
        await runUntil(clock, () => grants.every((id) => sn.grants.get(id)?.state === 'revoked'), {
            within: 10 * 60_000,
            what: 'revoked written back',
        })
    }, 30_000)
})
