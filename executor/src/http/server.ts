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
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express, { type NextFunction, type Request, type Response } from 'express'
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
    app: express.Express
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

    const app = express()
    app.disable('x-powered-by')

    app.get('/healthz', (_req, res) => {
        try {
            const report = options.health.live()
            res.status(report.status === 'ok' ? 200 : 503).json(report)
        } catch (err) {
            res.status(503).json({
                status: 'stuck',
                checks: { health: { ok: false, error: errorText(err, MAX_ERROR_CHARS) } },
            })
        }
    })

    app.get('/readyz', async (_req, res) => {
        try {
            const report = await options.health.ready()
            res.status(report.ready ? 200 : 503).json(report)
        } catch (err) {
            res.status(503).json({
                ready: false,
                checks: { health: { ok: false, error: errorText(err, MAX_ERROR_CHARS) } },
            })
        }
    })

    app.get('/metrics', async (_req, res) => {
        try {
            const text = await options.metrics.render()
            res.status(200).type(options.metrics.contentType).send(text)
        } catch (err) {
            logger.error('metrics rendering failed', { error: errorText(err, MAX_ERROR_CHARS) })
            res.status(500).json({ error: { code: 'internal_error', message: 'metrics unavailable' } })
        }
    })

    app.post('/v1/nudge', express.raw({ type: () => true, limit: NUDGE_MAX_BODY_BYTES }), async (req, res) => {
        const refuse = (status: number, code: string, message: string) =>
            res.status(status).json({ error: { code, message } })
        if (!options.nudgeSecret) return refuse(404, 'not_found', 'nudge is disabled')
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
        const header = req.get('x-gbg-signature') ?? ''
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
        if (!/^application\/json\b/i.test(req.get('content-type') ?? '')) {
            return refuse(400, 'validation_failed', 'Content-Type must be application/json')
        }
        let body: unknown
        try {
            body = JSON.parse(raw.toString('utf8'))
        } catch {
            return refuse(400, 'validation_failed', 'body is not valid JSON')
        }
        const nudge = nudgeSchema.safeParse(body)
        if (!nudge.success) {
            return refuse(
                400,
                'validation_failed',
                nudge.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
            )
        }
        try {
            await options.onNudge(nudge.data)
        } catch (err) {
            logger.error('nudge handler failed', { error: errorText(err, MAX_ERROR_CHARS) })
        }
        logger.debug('nudge accepted', { type: nudge.data.type })
        return res.status(202).json({ accepted: true })
    })

    app.use((_req: Request, res: Response) => {
        res.status(404).json({ error: { code: 'not_found', message: 'no such route' } })
    })
    app.use((err: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
        const status = err.status === 413 ? 413 : err.status && err.status < 500 ? 400 : 500
        res.status(status).json({
            error: {
                code: status === 500 ? 'internal_error' : 'validation_failed',
                message: err.type ?? 'bad request',
            },
        })
    })

    let server: Server | undefined
    return {
        app,
        listen(host = '127.0.0.1', port = 0) {
            return new Promise((resolve, reject) => {
                const s = app.listen(port, host, (err?: Error) => {
                    if (err) return reject(err)
                    server = s
                    const address = s.address() as AddressInfo
                    logger.info('http server listening', { host: address.address, port: address.port })
                    resolve({ host: address.address, port: address.port })
                })
                s.once('error', reject)
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
