/**
 * Liveness and readiness of the REAL executor (in process, virtual time) against the emulators, through its
 * HTTP endpoints: a ServiceNow outage (503 pages, then a refused connection) leaves /healthz at 200 for as long
 * as it lasts while /readyz answers 503 naming ServiceNow, and recovers with it; a worker loop stuck on something
 * that never settles turns /healthz to 503 once the liveness window has passed.
 */
import axios from 'axios'
import { afterEach, describe, expect, it } from 'vitest'
import { livenessWindowMs } from '@gbg/executor/src/http/health'
import { DEFAULT_GET_RETRY_MAX_DELAY_MS } from '@gbg/executor/src/servicenow/client'
import { startInProcessExecutor, type InProcessExecutor } from './support/executor-in-process'
import { VirtualClock } from './support/virtual-clock'
import { runFor, runUntil } from './support/virtual-time'
import { startWorld, type World } from './e2e/support/world'

const POLL_SECONDS = 5
const TIMEOUT_MS = 10_000

let world: World | undefined
let executor: InProcessExecutor | undefined

afterEach(async () => {
    await executor?.crash()
    await world?.close()
    executor = undefined
    world = undefined
})

const http = axios.create({ validateStatus: () => true })

async function start(instance: string): Promise<{ clock: VirtualClock; base: string }> {
    const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    world = await startWorld({ clock })
    executor = await startInProcessExecutor(
        world.env(instance, {
            GBG_POLL_INTERVAL_SECONDS: String(POLL_SECONDS),
            GBG_SN_TIMEOUT_MS: String(TIMEOUT_MS),
            GBG_LOG_LEVEL: 'warn',
        }),
        clock,
    )
    const { host, port } = executor.service.address
    const base = `http://${host}:${port}`
    await runUntil(clock, async () => (await http.get(`${base}/readyz`)).status === 200, {
        within: 30_000,
        what: 'the executor ready',
    })
    return { clock, base }
}

describe('liveness is independent of ServiceNow; readiness is not', () => {
    it('ServiceNow unreachable for 10 minutes: healthz 200 throughout, readyz 503 naming ServiceNow, both recover', async () => {
        // setup
        const { clock, base } = await start('health-outage')
        const live0 = await http.get(`${base}/healthz`)
        expect(live0.status).toBe(200)
        expect(live0.data).toEqual({ status: 'ok', checks: { worker: { ok: true }, journal: { ok: true } } })

        // execution: 5 minutes of 503 pages from the load balancer on every call
        world!.sn.faults.add({ status: 503 })
        const seen: Array<{ live: number; ready: number }> = []
        for (let minute = 0; minute < 5; minute++) {
            await runFor(clock, 60_000)
            const live = await http.get(`${base}/healthz`)
            const ready = await http.get(`${base}/readyz`)
            seen.push({ live: live.status, ready: ready.status })
            if (minute === 4) {
                expect(ready.data.checks.servicenow.ok).toBe(false)
                expect(ready.data.checks.servicenow.error).toMatch(
                    /^no successful ServiceNow call for \d+ s \(limit 25 s\) \(last failure: retryable\)$/,
                )
                expect(ready.data.checks.journal).toEqual({ ok: true })
                expect(ready.data.checks['provider:webhook']).toEqual({ ok: true })
            }
        }
        // ServiceNow back: ready again at the next poll
        world!.sn.faults.clear()
        await runUntil(clock, async () => (await http.get(`${base}/readyz`)).status === 200, {
            within: 3 * POLL_SECONDS * 1000,
            what: 'ready again after the outage',
        })
        // then a refused connection (the instance gone) for 5 more minutes
        await world!.sn.close()
        for (let minute = 0; minute < 5; minute++) {
            await runFor(clock, 60_000)
            const live = await http.get(`${base}/healthz`)
            const ready = await http.get(`${base}/readyz`)
            seen.push({ live: live.status, ready: ready.status })
        }

        // validation: never a liveness failure; never ready while ServiceNow was unreachable
        expect(seen).toEqual(Array.from({ length: 10 }, () => ({ live: 200, ready: 503 })))
        const metrics = String((await http.get(`${base}/metrics`)).data)
        expect(metrics).toMatch(/^gbg_live\{check="worker"\} 1$/m)
        expect(metrics).toMatch(/^gbg_ready\{check="servicenow"\} 0$/m)
        expect(metrics).toMatch(
            /^gbg_servicenow_call_duration_seconds_count\{method="GET",table="[a-z_]+",outcome="retryable"\} \d+$/m,
        )
    })

    it('a worker loop stuck on something that never settles: healthz 503 after the liveness window', async () => {
        // setup
        const { clock, base } = await start('health-stuck')
        const window = livenessWindowMs(POLL_SECONDS * 1000, TIMEOUT_MS, DEFAULT_GET_RETRY_MAX_DELAY_MS)
        // execution: the next round's heartbeat never settles (no I/O, no timeout: a wedged loop)
        const gateway = executor!.service.gateway
        const heartbeat = gateway.heartbeat.bind(gateway)
        let release: (() => void) | undefined
        gateway.heartbeat = () => new Promise<void>((resolve) => (release = resolve))
        // (a heartbeat is written at most every 2 minutes, not on every poll: issue 18)
        await runUntil(clock, () => release !== undefined, {
            within: 120_000 + 2 * POLL_SECONDS * 1000,
            what: 'the loop stuck',
        })
        await runFor(clock, window - 2_000)
        const before = await http.get(`${base}/healthz`)
        await runFor(clock, 4_000)
        const after = await http.get(`${base}/healthz`)
        // validation
        expect(before.status).toBe(200)
        expect(after.status).toBe(503)
        expect(after.data.status).toBe('stuck')
        expect(after.data.checks.worker.ok).toBe(false)
        expect(after.data.checks.worker.error).toMatch(/^worker loop made no progress for \d+ s \(limit 55 s\)$/)
        expect(after.data.checks.journal).toEqual({ ok: true })
        expect(String((await http.get(`${base}/metrics`)).data)).toMatch(/^gbg_live\{check="worker"\} 0$/m)
        // the loop unsticks: alive again
        gateway.heartbeat = heartbeat
        release!()
        await runUntil(clock, async () => (await http.get(`${base}/healthz`)).status === 200, {
            within: 2 * POLL_SECONDS * 1000,
            what: 'alive again',
        })
    })
})
