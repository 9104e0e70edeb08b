/**
 * The ops HTTP server through real requests (axios against a server listening on an ephemeral port):
 * liveness, readiness by check, metrics, and the signed, replay-proof nudge.
 */
import { createHmac } from 'node:crypto'
import axios from 'axios'
import { afterEach, describe, expect, it } from 'vitest'
import type { LiveReport, ReadyReport } from '../src/http/health'
import { createHttpServer, type HttpServer, type HttpServerOptions, type Nudge } from '../src/http/server'
import { createMetrics } from '../src/metrics'

const NUDGE_SECRET = 'nudge-secret-0123456789abcdef0123456789'
const NOW = new Date('2030-01-01T08:00:00Z')

let server: HttpServer | undefined

afterEach(async () => {
    await server?.close()
    server = undefined
})

interface Harness {
    base: string
    nudges: Nudge[]
}

async function start(overrides: Partial<HttpServerOptions> = {}): Promise<Harness> {
    const nudges: Nudge[] = []
    server = createHttpServer({
        health: {
            live: () => ({ status: 'ok', checks: { worker: { ok: true }, journal: { ok: true } } }),
            ready: async () => ({ ready: true, checks: { journal: { ok: true }, servicenow: { ok: true } } }),
        },
        metrics: createMetrics({ defaultMetrics: false }),
        onNudge: (n) => {
            nudges.push(n)
        },
        nudgeSecret: NUDGE_SECRET,
        now: () => NOW,
        ...overrides,
    })
    const { host, port } = await server.listen('127.0.0.1', 0)
    return { base: `http://${host}:${port}`, nudges }
}

const http = axios.create({ validateStatus: () => true })

function nudgeHeaders(body: string, at: Date = NOW, secret = NUDGE_SECRET) {
    const t = Math.floor(at.getTime() / 1000)
    const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
    return { 'Content-Type': 'application/json', 'X-GBG-Signature': `t=${t},v1=${v1}` }
}

function postNudge(base: string, body: string, headers: Record<string, string>) {
    return http.post(`${base}/v1/nudge`, body, { headers, transformRequest: [(d) => d] })
}

describe('liveness and readiness', () => {
    it('answers /healthz 200 or 503 with the report of each check', async () => {
        // setup
        let report: LiveReport = { status: 'ok', checks: { worker: { ok: true }, journal: { ok: true } } }
        const { base } = await start({
            health: { live: () => report, ready: async () => ({ ready: true, checks: {} }) },
        })
        // execution
        const ok = await http.get(`${base}/healthz`)
        report = { status: 'stuck', checks: { worker: { ok: false, error: 'no progress' }, journal: { ok: true } } }
        const stuck = await http.get(`${base}/healthz`)
        // validation
        expect(ok.status).toBe(200)
        expect(ok.data).toEqual({ status: 'ok', checks: { worker: { ok: true }, journal: { ok: true } } })
        expect(stuck.status).toBe(503)
        expect(stuck.data).toEqual(report)
    })

    it('answers /readyz 200 or 503 naming the failing checks', async () => {
        // setup
        let report: ReadyReport = { ready: true, checks: { journal: { ok: true }, servicenow: { ok: true } } }
        const { base } = await start({
            health: { live: () => ({ status: 'ok', checks: {} }), ready: async () => report },
        })
        // execution
        const ok = await http.get(`${base}/readyz`)
        report = {
            ready: false,
            checks: { journal: { ok: true }, servicenow: { ok: false, error: 'no successful ServiceNow call yet' } },
        }
        const notReady = await http.get(`${base}/readyz`)
        // validation
        expect(ok.status).toBe(200)
        expect(notReady.status).toBe(503)
        expect(notReady.data).toEqual(report)
    })

    it('answers 503, never 500, when a health report itself fails', async () => {
        const { base } = await start({
            health: {
                live: () => {
                    throw new Error('boom')
                },
                ready: () => Promise.reject(new Error('boom')),
            },
        })
        const live = await http.get(`${base}/healthz`)
        const ready = await http.get(`${base}/readyz`)
        expect(live.status).toBe(503)
        expect(live.data).toEqual({ status: 'stuck', checks: { health: { ok: false, error: 'boom' } } })
        expect(ready.status).toBe(503)
        expect(ready.data.ready).toBe(false)
    })
})

describe('metrics', () => {
    it('serves the Prometheus exposition', async () => {
        // setup
        const metrics = createMetrics({ defaultMetrics: false })
        metrics.countLeaseLost()
        const { base } = await start({ metrics })
        // execution
        const res = await http.get(`${base}/metrics`)
        // validation
        expect(res.status).toBe(200)
        expect(res.headers['content-type']).toMatch(/^text\/plain/)
        expect(res.data).toContain('gbg_lease_lost_total 1')
    })
})

describe('nudge', () => {
    it('accepts a signed nudge once and calls onNudge', async () => {
        // setup
        const { base, nudges } = await start()
        const body = JSON.stringify({ actionSysId: 'a'.repeat(32), type: 'revoke' })
        const headers = nudgeHeaders(body)
        // execution
        const first = await postNudge(base, body, headers)
        const replay = await postNudge(base, body, headers)
        // validation
        expect(first.status).toBe(202)
        expect(replay.status).toBe(401)
        expect(replay.data.error.code).toBe('signature_replayed')
        expect(nudges).toEqual([{ actionSysId: 'a'.repeat(32), type: 'revoke' }])
    })

    it('refuses missing, wrong and stale signatures', async () => {
        // setup
        const { base, nudges } = await start()
        const body = '{}'
        // execution
        const missing = await postNudge(base, body, { 'Content-Type': 'application/json' })
        const wrong = await postNudge(base, body, nudgeHeaders(body, NOW, 'another-secret-0123456789abcdefghijkl'))
        const stale = await postNudge(base, body, nudgeHeaders(body, new Date(NOW.getTime() - 301_000)))
        const tampered = await postNudge(base, '{"reason":"x"}', nudgeHeaders(body))
        // validation
        expect([missing.status, wrong.status, stale.status, tampered.status]).toEqual([401, 401, 401, 401])
        expect(stale.data.error.code).toBe('signature_expired')
        expect(nudges).toHaveLength(0)
    })

    it('validates the body of a correctly signed nudge', async () => {
        // setup
        const { base, nudges } = await start()
        // execution
        const badId = await postNudge(base, '{"actionSysId":"../x"}', nudgeHeaders('{"actionSysId":"../x"}'))
        const extra = await postNudge(base, '{"run":"rm"}', nudgeHeaders('{"run":"rm"}'))
        const notJson = await postNudge(base, 'nope', nudgeHeaders('nope'))
        const big = 'x'.repeat(5000)
        const tooBig = await postNudge(base, big, nudgeHeaders(big))
        // validation
        expect([badId.status, extra.status, notJson.status, tooBig.status]).toEqual([400, 400, 400, 413])
        expect(nudges).toHaveLength(0)
    })

    it('is disabled (404) without a nudge secret', async () => {
        const { base } = await start({ nudgeSecret: undefined })
        const res = await postNudge(base, '{}', nudgeHeaders('{}'))
        expect(res.status).toBe(404)
    })

    it('does not leak a failing onNudge to the caller', async () => {
        const { base } = await start({
            onNudge: () => {
                throw new Error('loop busy')
            },
        })
        const res = await postNudge(base, '{}', nudgeHeaders('{}'))
        expect(res.status).toBe(202)
    })
})

describe('listening', () => {
    it('binds to 127.0.0.1 by default and answers 404 in JSON for unknown routes', async () => {
        // setup
        server = createHttpServer({
            health: {
                live: () => ({ status: 'ok', checks: {} }),
                ready: async () => ({ ready: true, checks: {} }),
            },
            metrics: createMetrics({ defaultMetrics: false }),
            onNudge: () => {},
        })
        // execution
        const { host, port } = await server.listen()
        const res = await http.get(`http://127.0.0.1:${port}/nothing`)
        // validation
        expect(host).toBe('127.0.0.1')
        expect(res.status).toBe(404)
        expect(res.data.error.code).toBe('not_found')
    })
})
