/**
 * Emulator of the admin-as-a-service webhook contract (`docs/webhook-provider.openapi.yaml`): request
 * signatures with a 300-second replay window, idempotency keys (replay / 422 on a different body), conflicts,
 * native expiry on an injectable clock, the 1.1.0 in-place extension (`POST /grants/{id}/extend`; option
 * `contractVersion: '1.0.0'` serves a service without it: 404), and fault injection (status codes with Retry-After, latency, and a
 * connection dropped after the grant was applied).
 *
 * Test / dev code only. The signature check is written here independently of the executor's signer on purpose:
 * a shared helper would let one bug hide in both.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import express, { type Request, type Response } from 'express'
import { canonicalJson } from '@gbg/shared'
import { listen } from '../http-listen'

/** Replay window of the signature timestamp, in seconds, both directions. */
export const SIGNATURE_WINDOW_SECONDS = 300
/** How long an idempotency key is remembered after its first successful use. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const SYS_ID_PATTERN = /^[0-9a-f]{32}$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const SUPPORTED_KINDS = ['device_local_admin', 'pam_account', 'console'] as const

/** The principal of a grant, as the service stores it. */
export interface EmulatedPrincipal {
    userName: string
    email: string
}

/** The target of a grant, as the service stores it. */
export interface EmulatedTarget {
    kind: (typeof SUPPORTED_KINDS)[number]
    deviceName?: string
    deviceClass?: string
    ciSysId?: string
    account?: string
}

/** One grant held by the emulator. `status` is computed on the emulator's clock (native expiry). */
export interface EmulatedGrant {
    readonly id: string
    readonly idempotencyKey: string
    readonly principal: EmulatedPrincipal
    readonly target: EmulatedTarget
    readonly durationMinutes: number
    readonly justification: string
    readonly grantNumber: string
    readonly grantedAt: Date
    /** Moved later by an extension (contract 1.1.0). */
    expiresAt: Date
    revokedAt: Date | null
    /** The approved extensions applied to this grant, in order (contract 1.1.0). */
    extensions: { extensionNumber: string; from: Date; to: Date; at: Date }[]
    readonly status: 'active' | 'revoked' | 'expired'
}

/** A fault to inject into matching requests. Faults are checked in insertion order; the first match wins. */
export interface WebhookFault {
    /** Upper-case method to match; any when omitted. */
    method?: string
    /** Matched against the request path (without query string); any when omitted. */
    path?: RegExp
    /** Answer with this status and a contract error body instead of handling the request. */
    status?: number
    /** Raw body sent with `status` instead of the contract error body (to send answers the contract forbids). */
    body?: string
    /** `Retry-After` seconds sent with `status`. */
    retryAfterSeconds?: number
    /**
     * Delay (real time) before anything else happens; the request is then handled (or faulted) normally — even
     * when the client gave up meanwhile, as a real slow service would finish its work. Await `settled()`.
     */
    latencyMs?: number
    /** How many matching requests this fault applies to. @defaultValue 1 */
    times?: number
    /** Handle the request normally (the grant / revoke is applied), then destroy the socket without answering. */
    dropAfterApply?: boolean
    /** Destroy the socket without handling the request (nothing applied). */
    dropBeforeApply?: boolean
}

/** Options of {@link startWebhookEmulator}. */
export interface WebhookEmulatorOptions {
    /** Shared HMAC secret. */
    hmacSecret: string
    /** The service's clock (signature window, grant times, native expiry). @defaultValue () => new Date() */
    now?: () => Date
    /** @defaultValue 0 (any free port) */
    port?: number
    /**
     * Whether the principal may get admin on the target; `false` answers 403 `principal_not_allowed`.
     * @defaultValue allows everyone except targets whose deviceClass is `domain_controller`
     */
    allow?: (principal: EmulatedPrincipal, target: EmulatedTarget) => boolean
    /**
     * Contract version the service implements: `1.1.0` (default) serves `POST /grants/{id}/extend`; `1.0.0` does not
     * (404 `not_found`, like any unknown route), as a service not yet updated would answer.
     */
    contractVersion?: '1.0.0' | '1.1.0'
}

/** A running emulator. */
export interface WebhookEmulator {
    /** Base URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
    url: string
    close(): Promise<void>
    /** Every grant by id (inspectable; mutate only to set up unusual states). */
    grants: Map<string, EmulatedGrant>
    faults: { add(fault: WebhookFault): void; clear(): void }
    /** Number of requests received whose method matches and whose path starts with `pathPrefix`. */
    callCount(method: string, pathPrefix: string): number
    /** Grants that are active now for this principal user name (any target). */
    activeGrantsFor(userName: string): EmulatedGrant[]
    /** Resolves once every request delayed by a latency fault has been handled. */
    settled(): Promise<void>
}

interface StoredResponse {
    bodyCanonical: string
    status: number
    body: string
    storedAt: number
    grantId: string
}

interface ErrorCode {
    status: number
    code: string
}

function sha256Hex(data: Buffer | string): string {
    return createHash('sha256').update(data).digest('hex')
}

function errorBody(code: string, message: string): string {
    return JSON.stringify({ error: { code, message } })
}

function codeForStatus(status: number): ErrorCode {
    const byStatus: Record<number, string> = {
        400: 'validation_failed',
        401: 'signature_invalid',
        403: 'principal_not_allowed',
        404: 'not_found',
        409: 'grant_conflict',
        410: 'already_revoked',
        422: 'idempotency_key_reused',
        429: 'rate_limited',
        503: 'unavailable',
    }
    return { status, code: byStatus[status] ?? (status >= 500 ? 'internal_error' : 'error') }
}

function targetKey(target: EmulatedTarget): string {
    const object = target.kind === 'device_local_admin' ? target.deviceName : target.account
    return `${target.kind}:${(object ?? '').toLowerCase()}`
}

/** Validates a POST /grants body; returns the parsed grant input or a list of problems. */
function validateGrantBody(value: unknown):
    | {
          ok: true
          principal: EmulatedPrincipal
          target: EmulatedTarget
          duration: number
          justification: string
          grantNumber: string
      }
    | { ok: false; errors: string[] } {
    const errors: string[] = []
    const isObject = (v: unknown): v is Record<string, unknown> =>
        typeof v === 'object' && v !== null && !Array.isArray(v)
    const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max
    if (!isObject(value)) return { ok: false, errors: ['body must be a JSON object'] }
    const allowedTop = ['principal', 'target', 'durationMinutes', 'justification', 'tickets', 'grantNumber']
    for (const k of Object.keys(value)) if (!allowedTop.includes(k)) errors.push(`unknown property ${k}`)
    const p = value.principal
    if (!isObject(p)) errors.push('principal is required')
    else {
        for (const k of Object.keys(p))
            if (!['userName', 'email'].includes(k)) errors.push(`unknown property principal.${k}`)
        if (!str(p.userName, 100)) errors.push('principal.userName must be 1-100 characters')
        if (!str(p.email, 254) || !EMAIL_PATTERN.test(p.email)) errors.push('principal.email must be an email address')
    }
    const t = value.target
    if (!isObject(t)) errors.push('target is required')
    else {
        const allowed = ['kind', 'deviceName', 'deviceClass', 'ciSysId', 'account']
        for (const k of Object.keys(t)) if (!allowed.includes(k)) errors.push(`unknown property target.${k}`)
        if (!SUPPORTED_KINDS.includes(t.kind as EmulatedTarget['kind'])) {
            errors.push(`target.kind must be one of ${SUPPORTED_KINDS.join(', ')}`)
        }
        if (t.deviceName !== undefined && !str(t.deviceName, 255))
            errors.push('target.deviceName must be 1-255 characters')
        if (t.deviceClass !== undefined && (typeof t.deviceClass !== 'string' || t.deviceClass.length > 100)) {
            errors.push('target.deviceClass must be a string of at most 100 characters')
        }
        if (t.ciSysId !== undefined && (typeof t.ciSysId !== 'string' || !SYS_ID_PATTERN.test(t.ciSysId))) {
            errors.push('target.ciSysId must be a sys_id')
        }
        if (t.account !== undefined && !str(t.account, 255)) errors.push('target.account must be 1-255 characters')
        if (t.kind === 'device_local_admin' && t.deviceName === undefined) errors.push('target.deviceName is required')
        if ((t.kind === 'pam_account' || t.kind === 'console') && t.account === undefined) {
            errors.push('target.account is required')
        }
    }
    const d = value.durationMinutes
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > 1440) {
        errors.push('durationMinutes must be an integer 1-1440')
    }
    if (!str(value.justification, 4000)) errors.push('justification must be 1-4000 characters')
    if (!str(value.grantNumber, 40)) errors.push('grantNumber must be 1-40 characters')
    const tickets = value.tickets
    if (!isObject(tickets)) errors.push('tickets is required (may be empty)')
    else {
        for (const [k, v] of Object.entries(tickets)) {
            if (!['ritm', 'incident', 'change'].includes(k)) errors.push(`unknown property tickets.${k}`)
            else if (typeof v !== 'string' || v.length > 40) errors.push(`tickets.${k} must be a string of at most 40`)
        }
    }
    if (errors.length > 0) return { ok: false, errors }
    const pr = p as Record<string, string>
    const tr = t as Record<string, string>
    const target: EmulatedTarget = { kind: tr.kind as EmulatedTarget['kind'] }
    for (const k of ['deviceName', 'deviceClass', 'ciSysId', 'account'] as const)
        if (tr[k] !== undefined) target[k] = tr[k]
    return {
        ok: true,
        principal: { userName: pr.userName!, email: pr.email! },
        target,
        duration: d as number,
        justification: value.justification as string,
        grantNumber: value.grantNumber as string,
    }
}

/** Starts the emulator on 127.0.0.1. */
export async function startWebhookEmulator(options: WebhookEmulatorOptions): Promise<WebhookEmulator> {
    const now = options.now ?? (() => new Date())
    const allow = options.allow ?? ((_p: EmulatedPrincipal, t: EmulatedTarget) => t.deviceClass !== 'domain_controller')
    const grants = new Map<string, EmulatedGrant>()
    const idempotency = new Map<string, StoredResponse>()
    const faults: Array<WebhookFault & { remaining: number }> = []
    const calls: Array<{ method: string; path: string }> = []
    const timers = new Set<NodeJS.Timeout>()
    /** Delayed requests still to be handled (see `settled()`). */
    const delayed = new Set<Promise<void>>()

    function makeGrant(input: Omit<EmulatedGrant, 'status' | 'revokedAt' | 'extensions'>): EmulatedGrant {
        const grant = {
            ...input,
            revokedAt: null as Date | null,
            extensions: [] as EmulatedGrant['extensions'],
            get status(): EmulatedGrant['status'] {
                if (this.revokedAt) return 'revoked'
                return now().getTime() >= this.expiresAt.getTime() ? 'expired' : 'active'
            },
        }
        return grant
    }

    function grantJson(g: EmulatedGrant): Record<string, unknown> {
        return {
            id: g.id,
            status: g.status,
            principal: { ...g.principal },
            target: { ...g.target },
            grantedAt: g.grantedAt.toISOString(),
            expiresAt: g.expiresAt.toISOString(),
            // A natively expired grant keeps revokedAt null: nobody revoked it.
            revokedAt: g.revokedAt ? g.revokedAt.toISOString() : null,
        }
    }

    function send(res: Response, status: number, body: string | null, headers: Record<string, string> = {}): void {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        if (body === null) {
            res.status(status).end()
            return
        }
        res.status(status).type('application/json').send(body)
    }

    function fail(res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}) {
        send(res, status, errorBody(code, message), headers)
    }

    /**
     * A request whose Idempotency-Key was seen: the stored answer again (Idempotent-Replayed), or 422 when the key
     * came with a different body. True when answered; false for a new key (create and extend alike).
     */
    function answeredFromKey(
        res: Response,
        keys: Map<string, StoredResponse>,
        key: string,
        canonical: string,
    ): boolean {
        const stored = keys.get(key)
        if (!stored) return false
        if (stored.bodyCanonical !== canonical)
            fail(res, 422, 'idempotency_key_reused', 'Idempotency-Key was already used with a different body')
        else answer(res, stored.status, stored.body, { 'Idempotent-Replayed': 'true' })
        return true
    }

    /** An ended grant (revoked, or expired) is answered 410 with why, by revoke and extend alike: true when refused. */
    function refusedAsEnded(res: Response, grant: EmulatedGrant): boolean {
        if (grant.status === 'revoked') fail(res, 410, 'already_revoked', 'grant was already revoked')
        else if (grant.status === 'expired') fail(res, 410, 'already_expired', 'grant already ended at its expiry')
        else return false
        return true
    }

    /** Returns an error message when the signature is unacceptable, or null. */
    function checkSignature(req: Request, rawBody: Buffer): { code: string; message: string } | null {
        const header = req.get('x-gbg-signature')
        if (!header) return { code: 'signature_missing', message: 'X-GBG-Signature header is required' }
        const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim())
        if (!match) return { code: 'signature_missing', message: 'X-GBG-Signature must be t=<unix seconds>,v1=<hex>' }
        const t = Number(match[1])
        const skew = Math.abs(now().getTime() / 1000 - t)
        if (skew > SIGNATURE_WINDOW_SECONDS) {
            return { code: 'signature_expired', message: 'signature timestamp outside the 300 s window' }
        }
        const signing = `${match[1]}.${req.method.toUpperCase()}.${req.originalUrl}.${sha256Hex(rawBody)}`
        const expected = createHmac('sha256', options.hmacSecret).update(signing).digest()
        const given = Buffer.from(match[2]!, 'hex')
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
            return { code: 'signature_invalid', message: 'signature does not match' }
        }
        return null
    }

    function takeFault(method: string, path: string): WebhookFault | undefined {
        const index = faults.findIndex(
            (f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || f.path.test(path)),
        )
        if (index < 0) return undefined
        const fault = faults[index]!
        fault.remaining -= 1
        if (fault.remaining <= 0) faults.splice(index, 1)
        return fault
    }

    function sweepKeys(): void {
        const limit = now().getTime() - IDEMPOTENCY_RETENTION_MS
        for (const [key, stored] of idempotency) if (stored.storedAt < limit) idempotency.delete(key)
        for (const [key, stored] of extendKeys) if (stored.storedAt < limit) extendKeys.delete(key)
    }

    const app = express()
    app.disable('x-powered-by')
    app.use(express.raw({ type: () => true, limit: '64kb' }))

    app.use(async (req, res, next) => {
        calls.push({ method: req.method.toUpperCase(), path: req.path })
        const fault = takeFault(req.method.toUpperCase(), req.path)
        let handled: () => void = () => {}
        if (fault?.latencyMs) {
            const tracker = new Promise<void>((resolve) => (handled = resolve))
            delayed.add(tracker)
            void tracker.then(() => delayed.delete(tracker))
            await new Promise<void>((resolve) => {
                const timer = setTimeout(() => {
                    timers.delete(timer)
                    resolve()
                }, fault.latencyMs)
                timers.add(timer)
            })
            // Carry on even when the client gave up meanwhile: a slow service still finishes its work.
        }
        try {
            if (fault?.dropBeforeApply) {
                req.socket.destroy()
                return
            }
            if (fault?.status) {
                const { code } = codeForStatus(fault.status)
                const headers: Record<string, string> = {}
                if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds)
                if (fault.body !== undefined) send(res, fault.status, fault.body, headers)
                else fail(res, fault.status, code, `injected fault ${fault.status}`, headers)
                return
            }
            if (fault?.dropAfterApply) {
                // Let the handler apply the change, then kill the connection instead of answering.
                res.locals.dropAfterApply = true
            }
            const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
            res.locals.rawBody = raw
            const problem = checkSignature(req, raw)
            if (problem) {
                fail(res, 401, problem.code, problem.message)
                return
            }
            // The route handlers are synchronous: when next() returns, the request has been handled.
            next()
        } finally {
            handled()
        }
    })

    /** Answers, or drops the connection when a dropAfterApply fault matched (the change is already applied). */
    function answer(res: Response, status: number, body: string | null, headers: Record<string, string> = {}): void {
        if (res.locals.dropAfterApply) {
            res.socket?.destroy()
            return
        }
        send(res, status, body, headers)
    }

    app.get('/health', (_req, res) => {
        answer(res, 200, JSON.stringify({ status: 'ok' }))
    })

    app.post('/grants', (req, res) => {
        const key = req.get('idempotency-key')
        if (!key || !KEY_PATTERN.test(key)) {
            fail(res, 400, 'validation_failed', 'Idempotency-Key header is required: 1-200 of A-Z a-z 0-9 . _ : -')
            return
        }
        const raw = res.locals.rawBody as Buffer
        if (!/^application\/json\b/i.test(req.get('content-type') ?? '')) {
            fail(res, 400, 'validation_failed', 'Content-Type must be application/json')
            return
        }
        let parsed: unknown
        try {
            parsed = JSON.parse(raw.toString('utf8'))
        } catch {
            fail(res, 400, 'validation_failed', 'body is not valid JSON')
            return
        }
        const input = validateGrantBody(parsed)
        if (!input.ok) {
            fail(res, 400, 'validation_failed', input.errors.join('; '))
            return
        }
        sweepKeys()
        const canonical = canonicalJson(parsed)
        if (answeredFromKey(res, idempotency, key, canonical)) return
        if (!allow(input.principal, input.target)) {
            fail(res, 403, 'principal_not_allowed', 'principal is not allowed admin access on this target')
            return
        }
        const tk = targetKey(input.target)
        const clash = [...grants.values()].find(
            (g) =>
                g.status === 'active' &&
                g.principal.userName.toLowerCase() === input.principal.userName.toLowerCase() &&
                targetKey(g.target) === tk,
        )
        if (clash) {
            fail(res, 409, 'grant_conflict', 'principal already holds an active grant on this target')
            return
        }
        const grantedAt = now()
        const grant = makeGrant({
            id: `grt_${randomBytes(12).toString('hex')}`,
            idempotencyKey: key,
            principal: input.principal,
            target: input.target,
            durationMinutes: input.duration,
            justification: input.justification,
            grantNumber: input.grantNumber,
            grantedAt,
            expiresAt: new Date(grantedAt.getTime() + input.duration * 60_000),
        })
        grants.set(grant.id, grant)
        const body = JSON.stringify({
            id: grant.id,
            status: 'active',
            grantedAt: grant.grantedAt.toISOString(),
            expiresAt: grant.expiresAt.toISOString(),
        })
        idempotency.set(key, {
            bodyCanonical: canonical,
            status: 201,
            body,
            storedAt: grantedAt.getTime(),
            grantId: grant.id,
        })
        answer(res, 201, body)
    })

    // Contract 1.1.0: move the end of an active grant later, in place (docs/webhook-provider.openapi.yaml, "Extension").
    const extendKeys = new Map<string, StoredResponse>()
    app.post('/grants/:id/extend', (req, res) => {
        if ((options.contractVersion ?? '1.1.0') === '1.0.0') {
            fail(res, 404, 'not_found', 'no such route')
            return
        }
        const key = req.get('idempotency-key')
        if (!key || !KEY_PATTERN.test(key)) {
            fail(res, 400, 'validation_failed', 'Idempotency-Key header is required: 1-200 of A-Z a-z 0-9 . _ : -')
            return
        }
        if (!/^application\/json\b/i.test(req.get('content-type') ?? '')) {
            fail(res, 400, 'validation_failed', 'Content-Type must be application/json')
            return
        }
        let parsed: unknown
        try {
            parsed = JSON.parse((res.locals.rawBody as Buffer).toString('utf8'))
        } catch {
            fail(res, 400, 'validation_failed', 'body is not valid JSON')
            return
        }
        const body = parsed as Record<string, unknown>
        const problems: string[] = []
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            problems.push('body must be a JSON object')
        else {
            for (const k of Object.keys(body))
                if (k !== 'expiresAt' && k !== 'extensionNumber') problems.push(`unknown property ${k}`)
            if (typeof body.expiresAt !== 'string' || Number.isNaN(Date.parse(body.expiresAt)))
                problems.push('expiresAt must be a date-time')
            if (
                typeof body.extensionNumber !== 'string' ||
                body.extensionNumber.length < 1 ||
                body.extensionNumber.length > 40
            )
                problems.push('extensionNumber must be 1-40 characters')
        }
        if (problems.length > 0) {
            fail(res, 400, 'validation_failed', problems.join('; '))
            return
        }
        const id = req.params.id
        const grant = ID_PATTERN.test(id) ? grants.get(id) : undefined
        if (!grant) {
            fail(res, 404, 'not_found', 'no grant with this id')
            return
        }
        sweepKeys()
        const canonical = canonicalJson({ id, body: parsed })
        if (answeredFromKey(res, extendKeys, key, canonical)) return
        if (refusedAsEnded(res, grant)) return
        const to = new Date(Date.parse(body.expiresAt as string))
        if (to.getTime() < grant.expiresAt.getTime()) {
            fail(
                res,
                400,
                'validation_failed',
                'expiresAt is earlier than the current end: an extension never shortens',
            )
            return
        }
        if (to.getTime() - grant.grantedAt.getTime() > 1440 * 60_000) {
            fail(res, 400, 'validation_failed', 'a grant lasts at most 1440 minutes from grantedAt')
            return
        }
        const at = now()
        if (to.getTime() > grant.expiresAt.getTime()) {
            grant.extensions.push({ extensionNumber: body.extensionNumber as string, from: grant.expiresAt, to, at })
            grant.expiresAt = to
        }
        const text = JSON.stringify(grantJson(grant))
        extendKeys.set(key, {
            bodyCanonical: canonical,
            status: 200,
            body: text,
            storedAt: at.getTime(),
            grantId: grant.id,
        })
        answer(res, 200, text)
    })

    app.get('/grants', (req, res) => {
        const keys = Object.keys(req.query)
        const key = req.query.idempotencyKey
        if (keys.length !== 1 || typeof key !== 'string' || !KEY_PATTERN.test(key)) {
            fail(res, 400, 'validation_failed', 'exactly one query parameter idempotencyKey is required')
            return
        }
        const found = [...grants.values()].filter((g) => g.idempotencyKey === key).map(grantJson)
        answer(res, 200, JSON.stringify({ grants: found }))
    })

    app.get('/grants/:id', (req, res) => {
        const id = req.params.id
        const grant = ID_PATTERN.test(id) ? grants.get(id) : undefined
        if (!grant) {
            fail(res, 404, 'not_found', 'no grant with this id')
            return
        }
        answer(res, 200, JSON.stringify(grantJson(grant)))
    })

    app.delete('/grants/:id', (req, res) => {
        const id = req.params.id
        const grant = ID_PATTERN.test(id) ? grants.get(id) : undefined
        if (!grant) {
            fail(res, 404, 'not_found', 'no grant with this id')
            return
        }
        if (refusedAsEnded(res, grant)) return
        grant.revokedAt = now()
        answer(res, 204, null)
    })

    app.use((_req: Request, res: Response) => fail(res, 404, 'not_found', 'no such route'))
    // Express 5 error handler: body too large / unreadable → 400 in the contract's shape.
    app.use((err: { status?: number; message?: string }, _req: Request, res: Response, _next: unknown) => {
        const status = err.status && err.status >= 400 && err.status < 500 ? 400 : 500
        fail(res, status, status === 400 ? 'validation_failed' : 'internal_error', err.message ?? 'error')
    })

    const listening = await listen(app, { port: options.port })

    return {
        url: listening.url,
        grants,
        faults: {
            add(fault) {
                faults.push({ ...fault, remaining: fault.times ?? 1 })
            },
            clear() {
                faults.length = 0
            },
        },
        callCount(method, pathPrefix) {
            return calls.filter((c) => c.method === method.toUpperCase() && c.path.startsWith(pathPrefix)).length
        },
        async settled() {
            await Promise.all([...delayed])
            await new Promise<void>((resolve) => setImmediate(resolve))
        },
        activeGrantsFor(userName) {
            return [...grants.values()].filter(
                (g) => g.status === 'active' && g.principal.userName.toLowerCase() === userName.toLowerCase(),
            )
        },
        async close() {
            for (const timer of timers) clearTimeout(timer)
            timers.clear()
            await listening.close()
        },
    }
}
