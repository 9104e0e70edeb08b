/**
 * Running a whole system under test — the executor in process, the emulators and the app's modules — on one
 * {@link VirtualClock}, as a discrete-event simulation: let everything that is awake finish (no HTTP request in
 * flight, nothing new started for a few turns of the event loop), check the condition, and if it does not hold
 * yet, jump the clock to the next wake-up (a poll, a lease renewal, a backoff, a revoke timer). A one-minute
 * grant's expiry passes in milliseconds, and what happens is decided by the order of wake-ups, never by how
 * loaded the machine is.
 *
 * "Awake" is observed, not guessed: every HTTP request of this process (client side, any library: axios, MSAL,
 * fetch through node:http) is counted through Node's built-in diagnostics channels from its start until its
 * response ended or it failed, and so is every request the emulators serve.
 *
 * Test code only.
 */
import dc from 'node:diagnostics_channel'
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http'
import { VirtualClock } from './virtual-clock'

let inFlight = 0
let started = 0
let subscribed = false
/** What is in flight, named in settle's error (which request never ended, and its socket's state). */
const active = new Map<number, () => string>()
/** The last requests started (kind only), named in settle's error when the system never goes quiet. */
const RECENT = 500
const recent: string[] = []

/** Requests one settle may see start without a quiet point before it declares a livelock. */
export const SETTLE_MAX_REQUESTS = 10_000

/** A request's kind: method and path, record ids and query left out. */
function kindOf(method: string, host: string, url: string): string {
    return `${method} ${host}${url.split('?')[0]!.replace(/\/[0-9a-f]{32}(?=\/|$)/g, '/{id}')}`
}

function track(describe: () => string, done: (end: () => void) => void, kind: string): void {
    inFlight += 1
    started += 1
    recent[started % RECENT] = kind
    const id = started
    active.set(id, describe)
    let ended = false
    done(() => {
        if (ended) return
        ended = true
        inFlight -= 1
        active.delete(id)
    })
}

function clientState(request: ClientRequest): string {
    const path = request.path.split('?')[0]
    return `client ${request.method} ${request.host}${path} (sent ${request.writableFinished}, reused socket ${request.reusedSocket})`
}

/** Count this process's HTTP requests (idempotent). */
function subscribe(): void {
    if (subscribed) return
    subscribed = true
    dc.subscribe('http.client.request.start', (message) => {
        const { request } = message as { request: ClientRequest }
        track(
            () => clientState(request),
            (end) => {
                request.once('close', end)
                request.once('error', end)
                request.once('response', (res: IncomingMessage) => {
                    res.once('end', end)
                    res.once('close', end)
                    res.once('error', end)
                })
            },
            `client ${kindOf(request.method, request.host, request.path)}`,
        )
    })
    dc.subscribe('http.server.request.start', (message) => {
        const { request, response } = message as { request: IncomingMessage; response: ServerResponse }
        track(
            () => `server ${request.method} ${(request.url ?? '').split('?')[0]}`,
            (end) => {
                response.once('close', end)
                response.once('finish', end)
                response.once('error', end)
            },
            `server ${kindOf(request.method ?? '', '', request.url ?? '')}`,
        )
    })
}
subscribe()

/**
 * Work of this process that is not HTTP but must finish before the clock moves — a browser flow, whose Playwright
 * talks to Chromium over a pipe, not HTTP — holds the system awake until the returned release is called: {@link settle}
 * waits for it as for a request in flight, so the virtual clock does not jump in the middle of a browser flow.
 */
export function holdAwake(): () => void {
    let released = false
    inFlight += 1
    started += 1
    recent[started % RECENT] = 'hold awake (non-HTTP work)'
    return () => {
        if (released) return
        released = true
        inFlight -= 1
        started += 1
        recent[started % RECENT] = 'release (non-HTTP work)'
    }
}

/** HTTP requests of this process currently in flight (client and server side). */
export function httpInFlight(): number {
    return inFlight
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1))

/** The most frequent kinds among the last `n` requests started, as "count × kind". */
function frequentKinds(n: number): string {
    const counts = new Map<string, number>()
    for (let i = Math.max(1, started - Math.min(n, RECENT) + 1); i <= started; i++) {
        const k = recent[i % RECENT] ?? '?'
        counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    return [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 8)
        .map(([k, c]) => `${c} × ${k}`)
        .join('; ')
}

/**
 * Resolves once the process is quiet: no HTTP request in flight and none started for three consecutive rounds
 * of (setImmediate, 1 ms timer). Gives up (rejects), naming what is still running, after `realMs` of wall time,
 * or once `maxRequests` requests started without a quiet point: a **livelock** — something repeats HTTP calls
 * without ever sleeping on the virtual clock, so virtual time cannot move (simulator finding 9, a revoke retried
 * with no wait, looked like one request that never ended: the error now says how many started meanwhile).
 */
export async function settle(realMs = 30_000, maxRequests = SETTLE_MAX_REQUESTS): Promise<void> {
    const began = Date.now()
    const giveUpAt = began + realMs
    const first = started
    let quiet = 0
    let seen = started
    while (quiet < 3) {
        await turn()
        await tick()
        if (inFlight === 0 && started === seen) quiet += 1
        else quiet = 0
        seen = started
        const during = started - first
        if (during > maxRequests)
            throw new Error(
                `settle: livelock — ${during} HTTP requests started in ${Date.now() - began} ms of wall time without a ` +
                    `quiet point (virtual time cannot move: something repeats calls without sleeping on the clock). ` +
                    `Last ${Math.min(during, RECENT)} by kind: ${frequentKinds(during)}`,
            )
        if (Date.now() > giveUpAt)
            throw new Error(
                `settle: still ${inFlight} HTTP request(s) in flight after ${realMs} ms (${during} started meanwhile` +
                    `${during > 0 ? `; last ${Math.min(during, RECENT)} by kind: ${frequentKinds(during)}` : ''}): ` +
                    `${[...active.values()].map((d) => d()).join('; ')}`,
            )
    }
}

/** Options of {@link runUntil}. */
export interface RunUntilOptions {
    /** Virtual time allowed for the condition to hold. @defaultValue 10 minutes */
    within?: number
    /** What is awaited, for the error message. */
    what?: string
    /** Wall time allowed (a hang fails the test with a message instead of the runner's timeout). @defaultValue 60 s */
    realMs?: number
}

/**
 * Runs the system until `condition` holds: settle, check, jump to the next wake-up, repeat. Fails when the
 * condition does not hold within `within` ms of virtual time, or nothing sleeps any more (nothing can change).
 * Returns the virtual time it took.
 */
export async function runUntil(
    clock: VirtualClock,
    condition: () => boolean | Promise<boolean>,
    options: RunUntilOptions = {},
): Promise<number> {
    const within = options.within ?? 10 * 60_000
    const what = options.what ?? 'the condition'
    const realMs = options.realMs ?? 60_000
    const start = clock.nowMs()
    const deadline = start + within
    const giveUpAt = Date.now() + realMs
    for (;;) {
        await settle(realMs)
        if (await condition()) return clock.nowMs() - start
        const next = clock.nextWakeAt()
        if (next === undefined) throw new Error(`runUntil: ${what} does not hold and nothing is scheduled`)
        if (next > deadline) {
            await clock.set(deadline)
            await settle(realMs)
            if (await condition()) return clock.nowMs() - start
            throw new Error(`runUntil: ${what} did not hold within ${within} ms of virtual time`)
        }
        if (Date.now() > giveUpAt) throw new Error(`runUntil: ${what} did not hold within ${realMs} ms of wall time`)
        await clock.set(Math.max(next, clock.nowMs()))
    }
}

/** Runs the system for `ms` of virtual time (every wake-up on the way, each followed by a settle). */
export async function runFor(clock: VirtualClock, ms: number, realMs = 60_000): Promise<void> {
    const target = clock.nowMs() + ms
    const giveUpAt = Date.now() + realMs
    for (;;) {
        await settle(realMs)
        const next = clock.nextWakeAt()
        if (next === undefined || next > target) break
        if (Date.now() > giveUpAt)
            throw new Error(`runFor: ${ms} ms of virtual time took over ${realMs} ms of wall time`)
        await clock.set(Math.max(next, clock.nowMs()))
    }
    await clock.set(target)
    await settle(realMs)
}
