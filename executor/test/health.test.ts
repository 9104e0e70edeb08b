/**
 * Liveness and readiness rules (health.ts) on a hand-moved clock, and the journal's write probe on a real SQLite
 * file: liveness never depends on ServiceNow or a provider; readiness does.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
    HealthMonitor,
    PROVIDER_CHECK_TTL_MS,
    livenessWindowMs,
    readinessWindowMs,
    type HealthOptions,
} from '../src/http/health'
import { Journal } from '../src/journal/journal'
import { ProviderError } from '../src/providers/types'
import { VirtualClock } from '../../test/support/virtual-clock'

const POLL = 5_000
const TIMEOUT = 30_000
const RETRY_WAIT = 30_000
const LIVE_WINDOW = livenessWindowMs(POLL, TIMEOUT, RETRY_WAIT)
const READY_WINDOW = readinessWindowMs(POLL, TIMEOUT)

function monitor(clock: VirtualClock, overrides: Partial<HealthOptions> = {}): HealthMonitor {
    return new HealthMonitor({
        now: () => clock.now(),
        pollIntervalMs: POLL,
        serviceNowTimeoutMs: TIMEOUT,
        serviceNowRetryWaitMs: RETRY_WAIT,
        journal: { probeWrite: () => undefined, ready: () => true },
        providers: [],
        checkTimeoutMs: 100,
        ...overrides,
    })
}

describe('liveness', () => {
    it('derives its window from the poll interval, the request timeout and the longest retry wait', () => {
        expect(LIVE_WINDOW).toBe(3 * 5_000 + 30_000 + 30_000)
        expect(READY_WINDOW).toBe(3 * 5_000 + 30_000)
    })

    it('stays alive while rounds finish, and fails after a window without any progress', async () => {
        // setup
        const clock = new VirtualClock(Date.UTC(2030, 0, 1))
        const health = monitor(clock)
        // execution + validation: the start counts as progress
        await clock.advance(LIVE_WINDOW)
        expect(health.live().status).toBe('ok')
        health.roundFinished()
        await clock.advance(LIVE_WINDOW)
        expect(health.live()).toEqual({ status: 'ok', checks: { worker: { ok: true }, journal: { ok: true } } })
        await clock.advance(1_000)
        const stuck = health.live()
        expect(stuck.status).toBe('stuck')
        expect(stuck.checks['worker']).toEqual({
            ok: false,
            error: `worker loop made no progress for ${LIVE_WINDOW / 1000 + 1} s (limit ${LIVE_WINDOW / 1000} s)`,
        })
    })

    it('counts failed ServiceNow calls as progress: an outage is not a wedged process', async () => {
        // setup: ServiceNow times out on every call, rounds take longer than the window
        const clock = new VirtualClock(Date.UTC(2030, 0, 1))
        const health = monitor(clock)
        // execution: ten minutes of calls that each time out after the request timeout
        for (let t = 0; t < 600_000; t += TIMEOUT) {
            await clock.advance(TIMEOUT)
            health.serviceNowCall('retryable')
            expect(health.live().status).toBe('ok')
        }
        // validation: readiness knows ServiceNow is gone
        const ready = await health.ready()
        expect(ready.ready).toBe(false)
        expect(ready.checks['servicenow']).toEqual({
            ok: false,
            error: 'no successful ServiceNow call yet (last failure: retryable)',
        })
    })

    it('fails when the journal cannot be written', () => {
        const clock = new VirtualClock(Date.UTC(2030, 0, 1))
        const health = monitor(clock, {
            journal: {
                probeWrite: () => {
                    throw new Error('attempt to write a readonly database')
                },
                ready: () => true,
            },
        })
        expect(health.live()).toEqual({
            status: 'stuck',
            checks: {
                worker: { ok: true },
                journal: { ok: false, error: 'journal cannot be written: attempt to write a readonly database' },
            },
        })
    })
})

describe('readiness', () => {
    it('is ready while ServiceNow answered within the window, not after', async () => {
        // setup
        const clock = new VirtualClock(Date.UTC(2030, 0, 1))
        const health = monitor(clock)
        // execution + validation
        expect((await health.ready()).ready).toBe(false)
        health.serviceNowCall('ok')
        expect(await health.ready()).toEqual({
            ready: true,
            checks: { journal: { ok: true }, servicenow: { ok: true } },
        })
        health.serviceNowCall('not_found') // an answer that is not a 2xx does not refresh reachability
        await clock.advance(READY_WINDOW + 1_000)
        const stale = await health.ready()
        expect(stale.ready).toBe(false)
        expect(stale.checks['servicenow']).toEqual({
            ok: false,
            error: `no successful ServiceNow call for ${READY_WINDOW / 1000 + 1} s (limit ${READY_WINDOW / 1000} s) (last failure: not_found)`,
        })
    })

    it('reports the journal and each provider by name, a hanging provider as timed out', async () => {
        // setup
        const clock = new VirtualClock(Date.UTC(2030, 0, 1))
        const health = monitor(clock, {
            journal: { probeWrite: () => undefined, ready: () => false },
            providers: [
                { name: 'webhook', health: async () => undefined },
                {
                    name: 'entra-role',
                    health: async () => {
                        throw new ProviderError('fatal', 'token refused')
                    },
                },
                { name: 'entra-group', health: () => new Promise<void>(() => undefined) },
            ],
        })
        health.serviceNowCall('ok')
        // execution
        const report = await health.ready()
        // validation
        expect(report).toEqual({
            ready: false,
            checks: {
                journal: { ok: false, error: 'journal not migrated' },
                servicenow: { ok: true },
                'provider:webhook': { ok: true },
                'provider:entra-role': { ok: false, error: 'token refused' },
                'provider:entra-group': { ok: false, error: 'check timed out after 100 ms' },
            },
        })
    })
})

describe('provider checks', () => {
    it('reuse a provider health result for PROVIDER_CHECK_TTL_MS, then ask the provider again', async () => {
        // setup
        const clock = new VirtualClock(Date.UTC(2030, 0, 1))
        let calls = 0
        let healthy = true
        const health = monitor(clock, {
            providers: [
                {
                    name: 'webhook',
                    health: async () => {
                        calls++
                        if (!healthy) throw new ProviderError('retryable', 'service unavailable')
                    },
                },
            ],
        })
        health.serviceNowCall('ok')
        // execution + validation
        expect((await health.ready()).ready).toBe(true)
        healthy = false
        await clock.advance(PROVIDER_CHECK_TTL_MS - 1)
        health.serviceNowCall('ok')
        expect((await health.ready()).ready).toBe(true)
        expect(calls).toBe(1)
        await clock.advance(1)
        const report = await health.ready()
        expect(calls).toBe(2)
        expect(report.checks['provider:webhook']).toEqual({ ok: false, error: 'service unavailable' })
    })
})

describe('Journal.probeWrite', () => {
    let dir: string | undefined
    afterEach(() => {
        if (dir) rmSync(dir, { recursive: true, force: true })
        dir = undefined
    })

    it('passes on an open journal, leaves nothing behind, and throws once the journal is closed', () => {
        // setup
        dir = mkdtempSync(join(tmpdir(), 'gbg-health-'))
        const clock = new VirtualClock(Date.UTC(2030, 0, 1))
        const journal = Journal.open(join(dir, 'journal.db'), { clock })
        // execution + validation
        expect(() => journal.probeWrite()).not.toThrow()
        expect(() => journal.probeWrite()).not.toThrow() // the lock was released
        journal.armTimer('0123456789abcdef0123456789abcdef', new Date(Date.UTC(2030, 0, 1, 1)))
        expect(journal.timers()).toHaveLength(1) // a write after the probe works
        journal.close()
        expect(() => journal.probeWrite()).toThrow(/not open/)
    })
})
