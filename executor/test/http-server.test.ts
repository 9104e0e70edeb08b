/**
 * The ops HTTP server through real requests (axios against a server listening on an ephemeral port):
 * liveness, readiness by check, metrics, and the signed, replay-proof nudge.
 */
import { createHmac } from 'node:crypto'
import { request } from 'node:http'
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

describe('the request surface without a framework (node:http)', () => {
    /** A raw request (node:http), so length, chunking and encoding are exactly what the test says. */
    function raw(
        base: string,
        method: string,
        path: string,
        headers: Record<string, string>,
        chunks: string[] = [],
    ): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
        const url = new URL(path, base)
        return new Promise((resolve, reject) => {
            const req = request(url, { method, headers }, (res) => {
                const parts: Buffer[] = []
                res.on('data', (c: Buffer) => parts.push(c))
                res.on('end', () =>
                    resolve({
                        status: res.statusCode ?? 0,
                        body: Buffer.concat(parts).toString('utf8'),
                        headers: res.headers,
                    }),
                )
            })
            req.on('error', reject)
            for (const c of chunks) req.write(c)
            req.end()
        })
    }

    it('refuses a chunked nudge body over the limit (413) without calling onNudge', async () => {
        // setup: no Content-Length, the body arrives in chunks and exceeds 4096 bytes only on the way
        const { base, nudges } = await start()
        const big = '{"reason":"' + 'x'.repeat(5000) + '"}'
        // execution
        const res = await raw(base, 'POST', '/v1/nudge', { ...nudgeHeaders(big), 'Transfer-Encoding': 'chunked' }, [
            big.slice(0, 3000),
            big.slice(3000),
        ])
        // validation
        expect(res.status).toBe(413)
        expect(JSON.parse(res.body)).toEqual({ error: { code: 'validation_failed', message: 'entity.too.large' } })
        expect(nudges).toHaveLength(0)
    })

    it('refuses a compressed nudge (415): the signed bytes are the bytes received', async () => {
        const { base, nudges } = await start()
        const res = await raw(base, 'POST', '/v1/nudge', { ...nudgeHeaders('{}'), 'Content-Encoding': 'gzip' }, ['{}'])
        expect(res.status).toBe(415)
        expect(nudges).toHaveLength(0)
    })

    it('answers HEAD like GET without a body, and 404 for a route under the wrong method', async () => {
        const { base } = await start()
        const head = await raw(base, 'HEAD', '/healthz', {})
        const getNudge = await raw(base, 'GET', '/v1/nudge', {})
        const postHealth = await raw(base, 'POST', '/healthz', { 'Content-Type': 'application/json' }, ['{}'])
        const query = await raw(base, 'GET', '/healthz?verbose=1', {})
        expect(head.status).toBe(200)
        expect(head.body).toBe('')
        expect(head.headers['content-type']).toBe('application/json; charset=utf-8')
        expect([getNudge.status, postHealth.status]).toEqual([404, 404])
        expect(JSON.parse(getNudge.body)).toEqual({ error: { code: 'not_found', message: 'no such route' } })
        expect(query.status).toBe(200)
    })

    it('a nudge with the exact signed body is accepted when sent in chunks', async () => {
        const { base, nudges } = await start()
        const body = '{"type":"grant","reason":"approved"}'
        const res = await raw(base, 'POST', '/v1/nudge', { ...nudgeHeaders(body), 'Transfer-Encoding': 'chunked' }, [
            body.slice(0, 10),
            body.slice(10),
        ])
        expect(res.status).toBe(202)
        expect(nudges).toEqual([{ type: 'grant', reason: 'approved' }])
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
