/**
 * Emulator of Teams incoming webhooks (contract: `contracts/endpoint-and-teams.md` §4), both styles:
 * - Workflows: `POST /workflows/<id>/triggers/manual/paths/invoke?api-version=2016-06-01&sp=…&sv=1.0&sig=<secret>`
 *   → 202 with an empty body; a wrong or missing `sig` → 401.
 * - Legacy connector: `POST /webhookb2/<secret path>` → 200 with body `1`; an unknown path → 404; more than 4
 *   messages per second → 200 with "HTTP error 429" in the body (legacy throttling).
 * Both refuse: a non-JSON content type or body (400), more than 28 KB (413), anything but an Adaptive Card
 * message, and any `Action.Submit` (webhooks cannot deliver it) with 400.
 * A GET of the Workflows URL (what `doctor` sends: nothing is posted) → 400 `TriggerRequestMethodNotValid` when the
 * signature is right, 401 otherwise. Each behaviour and its source: README.md.
 *
 * Test / dev code only.
 */
import { randomBytes } from 'node:crypto'
import express, { type Request, type Response } from 'express'
import { listen } from '../http-listen'

/** Teams' payload limit (about 28 KB). */
export const TEAMS_MAX_BYTES = 28 * 1024
/** Legacy connector rate: at most this many messages per second. */
export const LEGACY_PER_SECOND = 4

/** One received, accepted message. */
export interface ReceivedMessage {
    style: 'workflows' | 'legacy'
    payload: TeamsPayload
    receivedAt: Date
}

/** The accepted payload shape (what the emulator checked). */
export interface TeamsPayload {
    type: 'message'
    attachments: Array<{ contentType: string; contentUrl: null; content: Record<string, unknown> }>
}

/** A fault applied to the next matching message(s). */
export interface TeamsFault {
    style?: 'workflows' | 'legacy'
    /** Answer this status (with a short text body). */
    status?: number
    /** Legacy throttling: 200 whose body says "HTTP error 429". */
    throttledBody?: boolean
    retryAfterSeconds?: number
    /** @defaultValue 1 */
    times?: number
}

/** Options of {@link startTeamsEmulator}. */
export interface TeamsEmulatorOptions {
    /** Clock of the legacy rate limit. @defaultValue () => new Date() */
    now?: () => Date
    port?: number
}

/** A running emulator. */
export interface TeamsEmulator {
    /** Workflows-style webhook URL (contains the secret `sig`). */
    workflowsUrl: string
    /** Legacy connector URL (its path is the secret). */
    legacyUrl: string
    /** Accepted messages, oldest first. */
    messages: ReceivedMessage[]
    faults: { add(fault: TeamsFault): void; clear(): void }
    /** Resolves when `count` messages have been accepted in total. */
    waitForMessages(count: number): Promise<ReceivedMessage[]>
    close(): Promise<void>
}

/** Returns a reason the payload is not acceptable, or null. */
export function checkPayload(value: unknown): string | null {
    if (typeof value !== 'object' || value === null) return 'payload must be a JSON object'
    const message = value as Record<string, unknown>
    if (message.type !== 'message') return 'type must be "message"'
    if (!Array.isArray(message.attachments) || message.attachments.length === 0) return 'attachments are required'
    for (const attachment of message.attachments as Array<Record<string, unknown>>) {
        if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') {
            return 'only Adaptive Card attachments are accepted'
        }
        const card = attachment.content as Record<string, unknown> | undefined
        if (!card || card.type !== 'AdaptiveCard') return 'attachment content must be an AdaptiveCard'
        if (typeof card.version !== 'string' || !/^1\.[0-6]$/.test(card.version)) return 'card version must be 1.0-1.6'
        if (!Array.isArray(card.body)) return 'card body must be an array'
        if (JSON.stringify(card).includes('"Action.Submit"')) return 'Action.Submit is not supported by webhooks'
    }
    return null
}

/** Starts the emulator on 127.0.0.1. */
export async function startTeamsEmulator(options: TeamsEmulatorOptions = {}): Promise<TeamsEmulator> {
    const now = options.now ?? (() => new Date())
    const flowId = randomBytes(16).toString('hex')
    const sig = randomBytes(24).toString('base64url')
    const legacyPath = `/webhookb2/${randomBytes(16).toString('hex')}/IncomingWebhook/${randomBytes(16).toString('hex')}`
    const messages: ReceivedMessage[] = []
    const faults: Array<TeamsFault & { remaining: number }> = []
    const legacyTimes: number[] = []
    const waiters: Array<{ count: number; resolve: (m: ReceivedMessage[]) => void }> = []

    const takeFault = (style: 'workflows' | 'legacy') => {
        const index = faults.findIndex((f) => !f.style || f.style === style)
        if (index < 0) return undefined
        const fault = faults[index]!
        fault.remaining -= 1
        if (fault.remaining <= 0) faults.splice(index, 1)
        return fault
    }

    const accept = (style: 'workflows' | 'legacy', req: Request, res: Response): boolean => {
        const fault = takeFault(style)
        if (fault) {
            if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds))
            if (fault.throttledBody)
                res.status(200)
                    .type('text/plain')
                    .send('Microsoft Teams endpoint returned HTTP error 429 with ContextId …')
            else
                res.status(fault.status ?? 500)
                    .type('text/plain')
                    .send(`injected ${fault.status ?? 500}`)
            return false
        }
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
        if (raw.length > TEAMS_MAX_BYTES) {
            res.status(413).type('text/plain').send('Request Entity Too Large')
            return false
        }
        if (!/^application\/json\b/i.test(req.get('content-type') ?? '')) {
            res.status(400).type('text/plain').send('Content-Type must be application/json')
            return false
        }
        let payload: unknown
        try {
            payload = JSON.parse(raw.toString('utf8'))
        } catch {
            res.status(400).type('text/plain').send('Body is not valid JSON')
            return false
        }
        const problem = checkPayload(payload)
        if (problem) {
            res.status(400).type('text/plain').send(problem)
            return false
        }
        messages.push({ style, payload: payload as TeamsPayload, receivedAt: now() })
        for (const waiter of [...waiters]) {
            if (messages.length >= waiter.count) {
                waiters.splice(waiters.indexOf(waiter), 1)
                waiter.resolve(messages.slice())
            }
        }
        return true
    }

    const app = express()
    app.disable('x-powered-by')
    app.use(express.raw({ type: () => true, limit: '1mb' }))

    app.post('/workflows/:flowId/triggers/manual/paths/invoke', (req, res) => {
        if (req.params.flowId !== flowId || req.query.sig !== sig || req.query['api-version'] !== '2016-06-01') {
            res.status(401).json({ error: { code: 'DirectApiAuthorizationRequired', message: 'invalid signature' } })
            return
        }
        if (accept('workflows', req, res)) res.status(202).end()
    })

    // The trigger accepts POST only: a GET that passes the signature check is refused with 400
    // TriggerRequestMethodNotValid (what doctor's probe relies on; README.md).
    app.get('/workflows/:flowId/triggers/manual/paths/invoke', (req, res) => {
        if (req.params.flowId !== flowId || req.query.sig !== sig || req.query['api-version'] !== '2016-06-01') {
            res.status(401).json({ error: { code: 'DirectApiAuthorizationRequired', message: 'invalid signature' } })
            return
        }
        res.status(400).json({
            error: {
                code: 'TriggerRequestMethodNotValid',
                message: "The HTTP method for this request is not valid: expected 'Post' and actual 'GET'.",
            },
        })
    })

    app.post('/webhookb2/*rest', (req, res) => {
        if (req.path !== legacyPath) {
            res.status(404).type('text/plain').send('Webhook not found')
            return
        }
        const t = now().getTime()
        while (legacyTimes.length > 0 && legacyTimes[0]! <= t - 1000) legacyTimes.shift()
        if (legacyTimes.length >= LEGACY_PER_SECOND) {
            res.status(200).type('text/plain').send('Microsoft Teams endpoint returned HTTP error 429 with ContextId …')
            return
        }
        legacyTimes.push(t)
        if (accept('legacy', req, res)) res.status(200).type('text/plain').send('1')
    })

    app.use((_req: Request, res: Response) => {
        res.status(404).type('text/plain').send('Not found')
    })
    app.use((err: { status?: number }, _req: Request, res: Response, _next: unknown) => {
        res.status(err.status === 413 ? 413 : 400)
            .type('text/plain')
            .send('Bad request')
    })

    const listening = await listen(app, { port: options.port })
    const base = listening.url

    return {
        workflowsUrl: `${base}/workflows/${flowId}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`,
        legacyUrl: `${base}${legacyPath}`,
        messages,
        faults: {
            add(fault) {
                faults.push({ ...fault, remaining: fault.times ?? 1 })
            },
            clear() {
                faults.length = 0
            },
        },
        waitForMessages(count) {
            if (messages.length >= count) return Promise.resolve(messages.slice())
            return new Promise((resolve) => waiters.push({ count, resolve }))
        },
        close: listening.close,
    }
}
