/**
 * The executor's ops surface: liveness, readiness (what each means: health.ts), Prometheus metrics and the
 * signed "nudge" that lets ServiceNow wake the worker at once (polling stays the source of truth; a nudge only
 * shortens the wait).
 *
 * Bound to 127.0.0.1 unless configured otherwise: these endpoints are for the local orchestrator / scraper.
 *
 * Nudge signature (one definition with the app that sends it: shared/src/nudge.ts):
 * `X-GBG-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(nudgeSecret, "<t>.<raw body>")>`.
 * The timestamp must be within 300 s of this host's clock, and each signature is accepted once: a replay is
 * refused with 401 even inside the window (signatures are remembered until their timestamp leaves it).
 * An accepted nudge only makes the worker poll sooner (coalesced, at most one nudged poll per 250 ms): nothing in
 * its body is trusted or acted on.
 *
 * Plain `node:http`, no framework: four routes do not need one, and express cost the executor ~0.2 s of CPU and
 * ~15 MB of RSS at every start (docs/performance.md "Memory and restart"). Routes match the path exactly (query
 * ignored); GET routes answer HEAD too; anything else is 404 in JSON.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import {
    ACTION_TYPES,
    NUDGE_MAX_BODY_BYTES,
    NUDGE_WINDOW_SECONDS,
    SYS_ID_PATTERN,
    nudgeSigningInput,
    nudgeTimeInWindow,
    parseNudgeSignature,
} from '@gbg/shared'
import { nullLogger } from '../log'
import type { Logger } from '../ports'
import { errorText } from '../transport'
import type { Health } from './health'

export type { CheckReport, HealthCheckable } from './health'

/** Replay window of a nudge signature, in seconds (both directions): shared/src/nudge.ts. */
export { NUDGE_WINDOW_SECONDS }
/** Upper bound of remembered nudge signatures; beyond it nudges are refused (503) until old ones age out. */
const MAX_REMEMBERED_SIGNATURES = 10_000

/** A validated nudge. All fields optional: a bare `{}` just means "poll now". */
export const nudgeSchema = z
    .object({
        /** The action ServiceNow just queued. */
        actionSysId: z.string().regex(SYS_ID_PATTERN).optional(),
        type: z.enum(ACTION_TYPES).optional(),
        reason: z.string().max(200).optional(),
    })
    .strict()

/** A validated nudge. */
export type Nudge = z.infer<typeof nudgeSchema>

/** Options of {@link createHttpServer}. */
export interface HttpServerOptions {
    /** Liveness (`/healthz`) and readiness (`/readyz`) reports (the service's HealthMonitor). */
    health: Health
    /** Prometheus exposition (the `Metrics` object fits). */
    metrics: { readonly contentType: string; render(): Promise<string> }
    /** Called for every accepted nudge. Errors are logged, never returned to the caller. */
    onNudge: (nudge: Nudge) => void | Promise<void>
    /** HMAC secret of the nudge endpoint; when absent the endpoint answers 404 (disabled). */
    nudgeSecret?: string
    /** @defaultValue () => new Date() */
    now?: () => Date
    logger?: Logger
}

/** A created (not yet listening) server. */
export interface HttpServer {
    /** Starts listening; resolves with the bound address. @defaultValue host 127.0.0.1 */
    listen(host?: string, port?: number): Promise<{ host: string; port: number }>
    close(): Promise<void>
}

/**
 * Longest error text in readiness output and logs: they are for operators, keep them short (provider and
 * ServiceNow errors never carry secrets).
 */
const MAX_ERROR_CHARS = 300

/** Creates the ops HTTP server (see the module comment). */
export function createHttpServer(options: HttpServerOptions): HttpServer {
    const now = options.now ?? (() => new Date())
    const logger = options.logger ?? nullLogger
    /** Accepted nudge signatures (hex) → time (ms) after which their timestamp is outside the window anyway. */
    const seenSignatures = new Map<string, number>()

    const nudge = async (raw: Buffer, header: string, contentType: string): Promise<[number, unknown]> => {
        const refuse = (status: number, code: string, message: string): [number, unknown] => [
            status,
            { error: { code, message } },
        ]
        if (!options.nudgeSecret) return refuse(404, 'not_found', 'nudge is disabled')
        const signature = parseNudgeSignature(header)
        if (!signature) return refuse(401, 'signature_missing', 'X-GBG-Signature must be t=<unix seconds>,v1=<hex>')
        const nowMs = now().getTime()
        const { t, v1 } = signature
        if (!nudgeTimeInWindow(t, nowMs)) {
            return refuse(401, 'signature_expired', 'signature timestamp outside the 300 s window')
        }
        // The signed bytes are the raw body as received (the app signs the exact string it sends).
        const expected = createHmac('sha256', options.nudgeSecret)
            .update(nudgeSigningInput(t, ''))
            .update(raw)
            .digest()
        const given = Buffer.from(v1, 'hex')
        if (!timingSafeEqual(given, expected)) return refuse(401, 'signature_invalid', 'signature does not match')
        for (const [sig, until] of seenSignatures) if (until < nowMs) seenSignatures.delete(sig)
        if (seenSignatures.has(v1)) return refuse(401, 'signature_replayed', 'signature already used')
        if (seenSignatures.size >= MAX_REMEMBERED_SIGNATURES) {
            return refuse(503, 'unavailable', 'too many nudges in the replay window')
        }
        // Remember before validating the body: a signed but invalid request is not accepted a second time either.
        seenSignatures.set(v1, (t + NUDGE_WINDOW_SECONDS) * 1000 + 1000)
        if (!/^application\/json\b/i.test(contentType)) {
            return refuse(400, 'validation_failed', 'Content-Type must be application/json')
        }
        let body: unknown
        try {
            body = JSON.parse(raw.toString('utf8'))
        } catch {
            return refuse(400, 'validation_failed', 'body is not valid JSON')
        }
        const parsed = nudgeSchema.safeParse(body)
        if (!parsed.success) {
            return refuse(
                400,
                'validation_failed',
                parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
            )
        }
        try {
            await options.onNudge(parsed.data)
        } catch (err) {
            logger.error('nudge handler failed', { error: errorText(err, MAX_ERROR_CHARS) })
        }
        logger.debug('nudge accepted', { type: parsed.data.type })
        return [202, { accepted: true }]
    }

    const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
        const path = (req.url ?? '/').split('?')[0]
        const method = req.method ?? 'GET'
        const read = method === 'GET' || method === 'HEAD'
        const json = (status: number, value: unknown, close = false) =>
            send(res, status, JSON_TYPE, JSON.stringify(value), close)
        if (read && path === '/healthz') {
            try {
                const report = options.health.live()
                return json(report.status === 'ok' ? 200 : 503, report)
            } catch (err) {
                return json(503, {
                    status: 'stuck',
                    checks: { health: { ok: false, error: errorText(err, MAX_ERROR_CHARS) } },
                })
            }
        }
        if (read && path === '/readyz') {
            try {
                const report = await options.health.ready()
                return json(report.ready ? 200 : 503, report)
            } catch (err) {
                return json(503, {
                    ready: false,
                    checks: { health: { ok: false, error: errorText(err, MAX_ERROR_CHARS) } },
                })
            }
        }
        if (read && path === '/metrics') {
            try {
                return send(res, 200, options.metrics.contentType, await options.metrics.render())
            } catch (err) {
                logger.error('metrics rendering failed', { error: errorText(err, MAX_ERROR_CHARS) })
                return json(500, { error: { code: 'internal_error', message: 'metrics unavailable' } })
            }
        }
        if (method === 'POST' && path === '/v1/nudge') {
            const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase()
            if (encoding !== 'identity') {
                req.resume()
                return json(415, { error: { code: 'validation_failed', message: 'content encoding not accepted' } })
            }
            const raw = await readBody(req, NUDGE_MAX_BODY_BYTES)
            if (raw === 'too_large') {
                return json(413, { error: { code: 'validation_failed', message: 'entity.too.large' } }, true)
            }
            if (raw === 'aborted') return
            const [status, body] = await nudge(raw, header(req, 'x-gbg-signature'), header(req, 'content-type'))
            return json(status, body)
        }
        req.resume()
        return json(404, { error: { code: 'not_found', message: 'no such route' } })
    }

    let server: Server | undefined
    return {
        listen(host = '127.0.0.1', port = 0) {
            return new Promise((resolve, reject) => {
                const s = createServer((req, res) => {
                    handle(req, res).catch((err: unknown) => {
                        logger.error('http request failed', { error: errorText(err, MAX_ERROR_CHARS) })
                        if (!res.headersSent) send(res, 500, JSON_TYPE, JSON.stringify(INTERNAL_ERROR))
                        else res.destroy()
                    })
                })
                s.once('error', reject)
                s.listen(port, host, () => {
                    s.off('error', reject)
                    server = s
                    const address = s.address() as AddressInfo
                    logger.info('http server listening', { host: address.address, port: address.port })
                    resolve({ host: address.address, port: address.port })
                })
            })
        },
        async close() {
            const s = server
            if (!s) return
            server = undefined
            await new Promise<void>((resolve) => {
                s.close(() => resolve())
                s.closeAllConnections()
            })
        },
    }
}

const JSON_TYPE = 'application/json; charset=utf-8'
const INTERNAL_ERROR = { error: { code: 'internal_error', message: 'internal error' } }

/** One response with its length; `close` ends the connection (a request body left unread). */
function send(res: ServerResponse, status: number, type: string, body: string, close = false): void {
    const bytes = Buffer.from(body, 'utf8')
    res.writeHead(status, {
        'Content-Type': type,
        'Content-Length': bytes.length,
        ...(close ? { Connection: 'close' } : {}),
    })
    res.end(res.req.method === 'HEAD' ? undefined : bytes)
}

/** A request header as one string ('' when absent). */
function header(req: IncomingMessage, name: string): string {
    const value = req.headers[name]
    return Array.isArray(value) ? value.join(', ') : (value ?? '')
}

/**
 * The request body, at most `limit` bytes: 'too_large' as soon as the declared length or the bytes received exceed
 * it (the rest is not read), 'aborted' when the client went away.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) return Promise.resolve('too_large')
    return new Promise((resolve) => {
        const chunks: Buffer[] = []
        let size = 0
        let done = false
        const finish = (result: Buffer | 'too_large' | 'aborted') => {
            if (done) return
            done = true
            req.off('data', onData)
            resolve(result)
        }
        const onData = (chunk: Buffer) => {
            size += chunk.length
            if (size > limit) {
                req.pause()
                return finish('too_large')
            }
            chunks.push(chunk)
        }
        req.on('data', onData)
        req.once('end', () => finish(Buffer.concat(chunks)))
        req.once('aborted', () => finish('aborted'))
        req.once('error', () => finish('aborted'))
    })
}
