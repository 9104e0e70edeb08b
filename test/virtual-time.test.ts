/**
 * The tests' clock and discrete-event runner (test/support): the virtual clock wakes sleepers in time order; the
 * runner waits for in-flight HTTP before it moves time, jumps straight to the next wake-up, and fails loudly when
 * a condition cannot come true.
 */
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { VirtualClock } from './support/virtual-clock'
import { httpInFlight, runFor, runUntil, settle } from './support/virtual-time'

let server: Server | undefined
afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    server = undefined
})

/** A server answering every request after `delayMs` of real time. */
async function slowServer(delayMs: number): Promise<string> {
    server = createServer((_req, res) => setTimeout(() => res.end('ok'), delayMs))
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

function get(url: string): Promise<string> {
    return new Promise((resolve, reject) => {
        request(url, (res) => {
            let body = ''
            res.setEncoding('utf8').on('data', (c: string) => (body += c))
            res.on('end', () => resolve(body))
        })
            .on('error', reject)
            .end()
    })
}

describe('VirtualClock', () => {
    it('wakes sleepers in time order and only when time reaches them', async () => {
        // setup
        const clock = new VirtualClock(new Date('2025-01-01T00:00:00Z'))
        const woke: string[] = []
        void clock.sleep(300).then(() => woke.push(`c@${clock.now().getTime() % 1000}`))
        void clock.sleep(100).then(() => woke.push(`a@${clock.now().getTime() % 1000}`))
        void clock.sleep(100).then(() => woke.push(`b@${clock.now().getTime() % 1000}`))
        // execution
        await clock.advance(99)
        const early = [...woke]
        await clock.advance(250)
        // validation
        expect(early).toEqual([])
        expect(woke).toEqual(['a@100', 'b@100', 'c@300'])
        expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.349Z')
        // abort
        const ac = new AbortController()
        const aborted = clock.sleep(1000, ac.signal)
        ac.abort()
        await expect(aborted).rejects.toThrow()
        expect(clock.pending).toBe(0)
        expect(clock.nextWakeAt()).toBeUndefined()
    })
})

describe('runUntil / runFor / settle', () => {
    it('settle waits for an HTTP request in flight before it reports the process quiet', async () => {
        // setup: a request that takes 150 ms of real time
        const url = await slowServer(150)
        let answered = false
        const call = get(url).then(() => (answered = true))
        // execution
        await settle()
        // validation: quiet only once the answer is in
        expect(answered).toBe(true)
        expect(httpInFlight()).toBe(0)
        await call
    })

    it('jumps to each wake-up and lets the woken work (including its HTTP) finish before moving on', async () => {
        // setup: a loop that polls a slow server every 60 s of virtual time, recording when each answer arrived
        const url = await slowServer(30)
        const clock = new VirtualClock(Date.UTC(2026, 0, 1))
        const seen: number[] = []
        let stop = false
        const loop = (async () => {
            while (!stop) {
                await get(url)
                seen.push(clock.nowMs() - Date.UTC(2026, 0, 1))
                await clock.sleep(60_000)
            }
        })()
        // execution: ten virtual minutes in a few real milliseconds per step
        const t0 = Date.now()
        const took = await runUntil(clock, () => seen.length >= 10, { within: 20 * 60_000 })
        const wall = Date.now() - t0
        // validation: every poll answered at its own virtual instant; no step skipped the in-flight answer
        expect(seen).toEqual([0, 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000, 480_000, 540_000])
        expect(took).toBe(540_000)
        expect(wall).toBeLessThan(60_000)
        stop = true
        await runFor(clock, 60_000)
        await loop
    })

    it('settle names a livelock: calls repeated without sleeping on the clock fail fast, with their kinds', async () => {
        // setup: a loop that calls the server again as soon as it answers, never sleeping on the virtual clock
        // (simulator finding 9: it looked like one request that never ended, for the whole 5-minute bound)
        const url = await slowServer(0)
        let stop = false
        let calls = 0
        const loop = (async () => {
            while (!stop) {
                await get(`${url}api/now/table/x_gbg_breakglass_action/${'a'.repeat(32)}?sysparm_fields=state`)
                calls++
            }
        })()
        // execution
        const t0 = Date.now()
        const error = await settle(60_000, 200).then(
            () => undefined,
            (e: unknown) => e as Error,
        )
        stop = true
        await loop
        // validation: stopped after the request bound, not the wall-time bound; the kind is named, ids left out
        expect(error?.message).toMatch(/^settle: livelock — 20\d HTTP requests started in \d+ ms/)
        expect(error?.message).toContain('× client GET 127.0.0.1/api/now/table/x_gbg_breakglass_action/{id}')
        expect(error?.message).toContain('× server GET /api/now/table/x_gbg_breakglass_action/{id}')
        expect(calls).toBeGreaterThan(50)
        expect(Date.now() - t0).toBeLessThan(30_000)
    })

    it('fails with the reason when nothing is scheduled or the virtual deadline passes', async () => {
        // setup
        const clock = new VirtualClock()
        // execution / validation: nothing sleeps, nothing can change
        await expect(runUntil(clock, () => false, { what: 'the impossible' })).rejects.toThrow(
            /the impossible does not hold and nothing is scheduled/,
        )
        // a sleeper far beyond the deadline: time stops at the deadline
        void clock.sleep(3_600_000)
        const start = clock.nowMs()
        await expect(runUntil(clock, () => false, { within: 1_000, what: 'x' })).rejects.toThrow(
            /did not hold within 1000 ms of virtual time/,
        )
        expect(clock.nowMs() - start).toBe(1_000)
        await runFor(clock, 3_600_000)
        expect(clock.pending).toBe(0)
    })
})
