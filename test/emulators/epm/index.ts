/**
 * Emulator of the BeyondTrust EPM-WM Management API, as far as JIT Admin access needs it, built from the contract
 * note `shared/contracts/beyondtrust-epm.md` (section per behaviour in ./README.md): the OAuth2 token endpoint,
 * AdminAccessRequest create / decide / get / list, Computers, Events from a start date with ingestion lag, API
 * account rights per area, secret regeneration, and fault injection. Every point the contract marks unconfirmed
 * [U] is a switch ({@link EpmSwitches}); the provider is tested under each setting.
 *
 * Test / dev code only.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import express, { type Request, type Response } from 'express'
import { listen } from '../http-listen'

/** Access rights of the API account per area (contract "Auth"). */
export type AreaRight = 'full' | 'read' | 'none'
/** API areas. */
export type Area = 'jit' | 'management' | 'reporting'

/** Unconfirmed contract points, each with its settings (the first is the default). */
export interface EpmSwitches {
    /** Wire casing of answers [U]. */
    wireCasing: 'camel' | 'pascal'
    /** 200 body of create [U]: bare id string, `{id}`, `[{id}]`, or nothing. */
    createAnswer: 'id-string' | 'object' | 'array' | 'empty'
    /** Unit of `duration` on create [U] (the decision call uses seconds [C]). */
    createDurationUnit: 'seconds' | 'minutes'
    /** Whether approving fields on create make the request born Approved [C: yes]; `ignored` = born Pending. */
    approveOnCreate: 'honoured' | 'ignored'
    /** Path of the decision call [U]. */
    decisionPath: 'body-id' | 'path-id'
    /** Get one with an unknown id [U]. */
    unknownId: '404' | 'empty-array'
    /** Create while the user has an open request [U]. */
    secondOpenRequest: 'conflict-409' | 'bad-request-400' | 'born-denied'
    /** Create while JIT Admin is disabled [C: declined with a message; API form U]. */
    jitDisabledAnswer: 'born-denied' | 'bad-request-400'
    /** Deciding a request that is no longer open [U]. */
    repeatDecision: 'ok' | 'conflict-409'
    /**
     * Re-approving a live Approved request with a duration that ends it LATER (an extension through the decision call,
     * "Updates an Admin Access Request decision": id, decision, duration in seconds [C]; its effect on a running
     * session [U]): `restarts` = the new decision runs `duration` seconds from its own time (as any decision here),
     * `conflict-409` = refused, `no-effect` = 200 and nothing changes.
     */
    extendApproved: 'restarts' | 'conflict-409' | 'no-effect'
    /** A session past its end [U]: stays `Approved` (time tells) or reads `Expired`. */
    endedState: 'stays-approved' | 'expired'
    /** An account whose area right is insufficient [U: 401 vs 403]. */
    rightsRefusal: 401 | 403
    /** Host name filter of /Computers [U]: exact, partial (contains), or not honoured at all. */
    hostFilter: 'exact' | 'partial' | 'ignored'
    /** User filter of the request list [U]: honoured or ignored. */
    listFilters: 'honoured' | 'ignored'
    /** Whether events' RequestIdentifier equals the API request id [U; likely], or is an opaque session id. */
    eventRequestIdentifier: 'request-id' | 'opaque'
    /** Events answer envelope [U]. */
    eventsEnvelope: 'events' | 'array'
    /** Before release 26.2: StartDate with more than 3 fractional digits → 400 [C]. */
    eventsStrictFraction: boolean
    /** 429 with or without Retry-After [U]. */
    retryAfter: 'seconds' | 'absent'
    /** Error bodies [U]: ProblemDetails, plain text, or empty. */
    errorBody: 'problem' | 'text' | 'empty'
}

/** Default switches. */
export const DEFAULT_SWITCHES: EpmSwitches = {
    wireCasing: 'camel',
    createAnswer: 'id-string',
    createDurationUnit: 'seconds',
    approveOnCreate: 'honoured',
    decisionPath: 'body-id',
    unknownId: '404',
    secondOpenRequest: 'conflict-409',
    jitDisabledAnswer: 'born-denied',
    repeatDecision: 'ok',
    extendApproved: 'restarts',
    endedState: 'stays-approved',
    rightsRefusal: 401,
    hostFilter: 'exact',
    listFilters: 'honoured',
    eventRequestIdentifier: 'request-id',
    eventsEnvelope: 'events',
    eventsStrictFraction: false,
    retryAfter: 'seconds',
    errorBody: 'problem',
}

/** Every setting of every switch (for tests that run the provider under each). */
export const SWITCH_SETTINGS: { [K in keyof EpmSwitches]: EpmSwitches[K][] } = {
    wireCasing: ['camel', 'pascal'],
    createAnswer: ['id-string', 'object', 'array', 'empty'],
    createDurationUnit: ['seconds', 'minutes'],
    approveOnCreate: ['honoured', 'ignored'],
    decisionPath: ['body-id', 'path-id'],
    unknownId: ['404', 'empty-array'],
    secondOpenRequest: ['conflict-409', 'bad-request-400', 'born-denied'],
    jitDisabledAnswer: ['born-denied', 'bad-request-400'],
    repeatDecision: ['ok', 'conflict-409'],
    extendApproved: ['restarts', 'conflict-409', 'no-effect'],
    endedState: ['stays-approved', 'expired'],
    rightsRefusal: [401, 403],
    hostFilter: ['exact', 'partial', 'ignored'],
    listFilters: ['honoured', 'ignored'],
    eventRequestIdentifier: ['request-id', 'opaque'],
    eventsEnvelope: ['events', 'array'],
    eventsStrictFraction: [false, true],
    retryAfter: ['seconds', 'absent'],
    errorBody: ['problem', 'text', 'empty'],
}

/** The decision call's path under each {@link EpmSwitches.decisionPath} setting. */
export const DECISION_PATHS: Record<EpmSwitches['decisionPath'], string> = {
    'body-id': '/management-api/v2/AdminAccessRequest/decision',
    'path-id': '/management-api/v2/AdminAccessRequest/{id}/decision',
}

/** A computer known to EPM. */
export interface EmulatedComputer {
    id: string
    hostName: string
    state: 'Authorised' | 'Pending' | 'Deactivated'
    lastConnected: Date | null
    createdOn: Date
}

/** An admin access request. */
export interface EmulatedRequest {
    id: string
    computerId: string
    userId: string | null
    userName: string
    reason: string
    systemId: string
    ticketId: string
    ticketUrl: string
    decision: 'Pending' | 'Approved' | 'Denied'
    durationSeconds: number
    decisionTime: Date | null
    decisionPerformedByUser: string
    message: string
    createdOn: Date
    modifiedOn: Date
    /** Opaque session id carried by events when `eventRequestIdentifier` is `opaque`. */
    sessionIdentifier: string
}

/** One event (ECS-like, as EPM's Elastic store holds it). */
export interface EmulatedEvent {
    id: string
    at: Date
    ingestedAt: Date
    body: Record<string, unknown>
}

/** A fault for matching requests; the first match wins. */
export interface EpmFault {
    method?: string
    path?: RegExp
    status?: number
    /** Raw body with `status`. */
    body?: string
    retryAfterSeconds?: number
    times?: number
    /** Apply the request, then drop the connection without answering. */
    dropAfterApply?: boolean
    /** Drop the connection without applying anything. */
    dropBeforeApply?: boolean
    /** Runs before the request is handled (e.g. a console admin acting in between: races). */
    before?: () => void
}

/** Options of {@link startEpmEmulator}. */
export interface EpmEmulatorOptions {
    clientId: string
    clientSecret: string
    /** EPM's clock. @defaultValue () => new Date() */
    now?: () => Date
    /** @defaultValue 3600 [C] */
    tokenLifetimeSeconds?: number
    switches?: Partial<EpmSwitches>
    port?: number
    /**
     * Simulates the endpoint during every approved session (sandbox / demo): a logon 10 s after the approval, an
     * on-demand elevation at 1 min, a blocked attempt to add an administrator (PPAM) at 2 min, a passive-token
     * elevation at 3 min (each within the session only), each ingested `lagMs` later. @defaultValue off
     */
    endpointActivity?: { lagMs: number }
}

/** A running emulator. */
export interface EpmEmulator {
    url: string
    close(): Promise<void>
    switches: EpmSwitches
    computers: Map<string, EmulatedComputer>
    requests: Map<string, EmulatedRequest>
    events: EmulatedEvent[]
    faults: { add(fault: EpmFault): void; clear(): void }
    /** API account rights per area. @defaultValue full everywhere */
    rights: Record<Area, AreaRight>
    /** JIT Admin configuration switch (contract lifecycle 1 and 6). */
    jit: { enabled: boolean }
    /** Adds a computer; returns it. */
    addComputer(hostName: string, opts?: Partial<Omit<EmulatedComputer, 'hostName'>>): EmulatedComputer
    /** Regenerates the client secret: every token dies at once [C]. */
    regenerateSecret(newSecret: string): void
    /** Tokens issued so far. */
    tokensIssued(): number
    /**
     * An event raised on the endpoint during request `requestId`'s session, ingested `lagMs` after `at`.
     * `code` 101 / 106 (elevation), 300 (logon) or `PPAM` (blocked privileged-account management).
     */
    recordSessionEvent(
        requestId: string,
        e: { code: string; action?: string; at: Date; lagMs?: number; process?: string },
    ): EmulatedEvent
    /** An unrelated event (another user's session), for noise. */
    recordOtherEvent(e: { code: string; at: Date; lagMs?: number }): EmulatedEvent
    /** Requests open for the user now (Pending, or Approved and not past the end). */
    openRequestsFor(userName: string): EmulatedRequest[]
    /** Number of requests received whose method matches and whose path starts with `pathPrefix`. */
    callCount(method: string, pathPrefix: string): number
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const API = '/management-api'

/** Starts the emulator. */
export async function startEpmEmulator(options: EpmEmulatorOptions): Promise<EpmEmulator> {
    const now = options.now ?? (() => new Date())
    const switches: EpmSwitches = { ...DEFAULT_SWITCHES, ...options.switches }
    const lifetime = options.tokenLifetimeSeconds ?? 3600
    let secret = options.clientSecret
    const tokens = new Map<string, number>() // token → expiry ms
    let issued = 0
    const computers = new Map<string, EmulatedComputer>()
    const requests = new Map<string, EmulatedRequest>()
    const events: EmulatedEvent[] = []
    const faults: (EpmFault & { remaining: number })[] = []
    const calls: { method: string; path: string }[] = []
    const rights: Record<Area, AreaRight> = { jit: 'full', management: 'full', reporting: 'full' }
    const jit = { enabled: true }

    // --- helpers --------------------------------------------------------------------------------------------
    const sessionEnd = (r: EmulatedRequest): Date =>
        new Date((r.decisionTime ?? r.createdOn).getTime() + r.durationSeconds * 1000)
    const isOpen = (r: EmulatedRequest): boolean =>
        r.decision === 'Pending' || (r.decision === 'Approved' && now().getTime() < sessionEnd(r).getTime())
    const pascal = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(pascal)
        if (v && typeof v === 'object' && !(v instanceof Date)) {
            const out: Record<string, unknown> = {}
            for (const [k, x] of Object.entries(v as Record<string, unknown>))
                out[k[0]!.toUpperCase() + k.slice(1)] = pascal(x)
            return out
        }
        return v
    }
    const cased = (v: unknown): unknown => (switches.wireCasing === 'pascal' ? pascal(v) : v)
    const json = (res: Response, status: number, body: unknown): void => {
        if (res.locals.drop) {
            res.socket?.destroy()
            return
        }
        res.status(status).type('application/json').send(JSON.stringify(body))
    }
    /** An error answer in the configured body form (ProblemDetails [U]). */
    const problem = (
        res: Response,
        status: number,
        title: string,
        detail = '',
        headers: Record<string, string> = {},
    ): void => {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        if (res.locals.drop) {
            res.socket?.destroy()
            return
        }
        if (switches.errorBody === 'empty') {
            res.status(status).end()
            return
        }
        if (switches.errorBody === 'text') {
            res.status(status)
                .type('text/plain')
                .send(detail ? `${title}: ${detail}` : title)
            return
        }
        res.status(status)
            .type('application/problem+json')
            .send(
                JSON.stringify({
                    type: 'https://tools.ietf.org/html/rfc9110',
                    title,
                    status,
                    detail,
                    traceId: randomUUID(),
                }),
            )
    }
    const requestModel = (r: EmulatedRequest) => {
        const expired = switches.endedState === 'expired' && r.decision === 'Approved' && !isOpen(r)
        return {
            id: r.id,
            computerId: r.computerId,
            userId: r.userId,
            userName: r.userName,
            reason: r.reason,
            systemId: r.systemId,
            ticketId: r.ticketId,
            ticketUrl: r.ticketUrl,
            ticketType: r.systemId ? 'ServiceNow' : 'EPM',
            decision: expired ? 'Expired' : r.decision,
            duration: String(r.durationSeconds),
            decisionTime: r.decisionTime ? r.decisionTime.toISOString() : null,
            decisionPerformedByUser: r.decisionPerformedByUser,
            message: r.message,
            createdOn: r.createdOn.toISOString(),
            modifiedOn: r.modifiedOn.toISOString(),
        }
    }
    const computerModel = (c: EmulatedComputer) => ({
        id: c.id,
        host: c.hostName,
        hostType: 'MicrosoftWindows',
        authorisationState: c.state,
        lastConnected: c.lastConnected ? c.lastConnected.toISOString() : null,
        created: c.createdOn.toISOString(),
    })
    /** Body keys read case-insensitively (ASP.NET model binding). */
    const field = (body: Record<string, unknown>, name: string): unknown => {
        const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase())
        return key === undefined ? undefined : body[key]
    }
    const str = (v: unknown): string => (typeof v === 'string' ? v : '')
    const page = <T>(
        req: Request,
        items: T[],
    ): { pageNumber: number; pageSize: number; totalRecordCount: number; pageCount: number; data: T[] } | string => {
        const size = Number(req.query['Pagination.PageSize'] ?? 200)
        const number = Number(req.query['Pagination.PageNumber'] ?? 1)
        if (!Number.isInteger(size) || size < 1 || size > 200) return 'Pagination.PageSize must be 1–200'
        if (!Number.isInteger(number) || number < 1) return 'Pagination.PageNumber must be ≥ 1'
        return {
            pageNumber: number,
            pageSize: size,
            totalRecordCount: items.length,
            pageCount: Math.max(1, Math.ceil(items.length / size)),
            data: items.slice((number - 1) * size, number * size),
        }
    }

    function takeFault(method: string, path: string): EpmFault | undefined {
        const index = faults.findIndex(
            (f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || f.path.test(path)),
        )
        if (index < 0) return undefined
        const fault = faults[index]!
        fault.remaining -= 1
        if (fault.remaining <= 0) faults.splice(index, 1)
        return fault
    }

    function areaOf(path: string): Area | undefined {
        if (/^\/management-api\/v\d\/AdminAccessRequest/i.test(path)) return 'jit'
        if (/^\/management-api\/v\d\/Computers/i.test(path)) return 'management'
        if (/^\/management-api\/v\d\/Events/i.test(path)) return 'reporting'
        return undefined
    }

    // --- server ---------------------------------------------------------------------------------------------
    const app = express()
    app.disable('x-powered-by')
    app.disable('etag')
    app.use(express.urlencoded({ extended: false, limit: '16kb' }))
    app.use(express.json({ limit: '64kb' }))

    app.use((req, res, next) => {
        calls.push({ method: req.method.toUpperCase(), path: req.path })
        const fault = takeFault(req.method.toUpperCase(), req.path)
        fault?.before?.()
        if (fault?.dropBeforeApply) {
            req.socket.destroy()
            return
        }
        if (fault?.status) {
            const headers: Record<string, string> = {}
            if (fault.retryAfterSeconds !== undefined && switches.retryAfter === 'seconds')
                headers['Retry-After'] = String(fault.retryAfterSeconds)
            if (fault.body !== undefined) {
                for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
                res.status(fault.status).type('application/json').send(fault.body)
            } else problem(res, fault.status, `Injected fault ${fault.status}`, '', headers)
            return
        }
        if (fault?.dropAfterApply) res.locals.drop = true
        next()
    })

    // Token endpoint (contract "Auth")
    app.post('/oauth/connect/token', (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>
        if (body.grant_type !== 'client_credentials') {
            res.status(400).json({ error: 'unsupported_grant_type' })
            return
        }
        if (body.client_id !== options.clientId || body.client_secret !== secret) {
            // Token error body [U]: OAuth form here; the provider reads any form.
            res.status(400).json({ error: 'invalid_client' })
            return
        }
        const token = randomBytes(24).toString('base64url')
        tokens.set(token, now().getTime() + lifetime * 1000)
        issued += 1
        res.status(200).json({
            access_token: token,
            expires_in: lifetime,
            token_type: 'Bearer',
            scope: 'urn:management:api',
        })
    })

    // Bearer check and area rights for the API.
    app.use(API, (req, res, next) => {
        const auth = req.header('authorization') ?? ''
        const token = auth.startsWith('Bearer ') ? auth.slice(7) : ''
        const expiry = tokens.get(token)
        if (expiry === undefined || expiry <= now().getTime()) {
            res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"')
            res.status(401).end()
            return
        }
        const area = areaOf(req.baseUrl + req.path)
        if (!area) {
            problem(res, 404, 'Not Found')
            return
        }
        const right = rights[area]
        const allowed = right === 'full' || (right === 'read' && req.method === 'GET')
        if (!allowed) {
            if (switches.rightsRefusal === 401) res.status(401).end()
            else
                problem(
                    res,
                    403,
                    'Forbidden',
                    `The API account has no ${req.method === 'GET' ? 'read' : 'write'} access to this area.`,
                )
            return
        }
        next()
    })

    // Computers (contract "Computer lookup")
    app.get(`${API}/v3/Computers`, (req, res) => {
        const host = String(req.query['Filter.Host'] ?? '').toLowerCase()
        const all = [...computers.values()].sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())
        const filtered =
            host === '' || switches.hostFilter === 'ignored'
                ? all
                : all.filter((c) =>
                      switches.hostFilter === 'exact'
                          ? c.hostName.toLowerCase() === host
                          : c.hostName.toLowerCase().includes(host),
                  )
        const p = page(req, filtered.map(computerModel))
        if (typeof p === 'string') return problem(res, 400, 'Bad Request', p)
        json(res, 200, cased(p))
    })

    // Create (contract "Create")
    app.post(`${API}/v3/AdminAccessRequest`, (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>
        const computerId = str(field(body, 'computerId'))
        if (!UUID.test(computerId) || !computers.has(computerId.toLowerCase()))
            return problem(res, 400, 'Bad Request', 'computerId is not a known computer')
        const userName = str(field(body, 'userName'))
        if (!userName) return problem(res, 400, 'Bad Request', 'userName is required')
        const durationText = str(field(body, 'duration'))
        const durationValue = /^\d{1,7}$/.test(durationText) ? Number(durationText) : 0
        const durationSeconds = switches.createDurationUnit === 'minutes' ? durationValue * 60 : durationValue
        const approving =
            switches.approveOnCreate === 'honoured' &&
            field(body, 'decision') === 'Approved' &&
            str(field(body, 'decisionPerformedByUser')) !== ''
        const t = now()
        const request: EmulatedRequest = {
            id: randomUUID(),
            computerId: computerId.toLowerCase(),
            userId: str(field(body, 'userId')) || null,
            userName,
            reason: str(field(body, 'reason')),
            systemId: str(field(body, 'systemId')),
            ticketId: str(field(body, 'ticketId')),
            ticketUrl: str(field(body, 'ticketUrl')),
            decision: approving ? 'Approved' : 'Pending',
            durationSeconds,
            decisionTime: approving ? t : null,
            decisionPerformedByUser: approving ? str(field(body, 'decisionPerformedByUser')) : '',
            message: str(field(body, 'message')),
            createdOn: t,
            modifiedOn: t,
            sessionIdentifier: randomUUID(),
        }
        if (!jit.enabled) {
            if (switches.jitDisabledAnswer === 'bad-request-400')
                return problem(res, 400, 'Bad Request', 'Just-in-time requests are disabled.')
            request.decision = 'Denied'
            request.decisionTime = t
            request.decisionPerformedByUser = 'EPM'
            request.message = 'Just-in-time requests are disabled.'
        } else if (
            [...requests.values()].some((r) => r.userName.toLowerCase() === userName.toLowerCase() && isOpen(r))
        ) {
            // One open request per user [C]; the API's answer [U].
            if (switches.secondOpenRequest === 'conflict-409')
                return problem(res, 409, 'Conflict', 'The user already has an open admin access request.')
            if (switches.secondOpenRequest === 'bad-request-400')
                return problem(res, 400, 'Bad Request', 'Users can have only one request open at a time.')
            request.decision = 'Denied'
            request.decisionTime = t
            request.decisionPerformedByUser = 'EPM'
            request.message = 'Users can have only one request open at a time.'
        }
        requests.set(request.id, request)
        if (request.decision === 'Approved') simulateEndpoint(request)
        switch (switches.createAnswer) {
            case 'id-string':
                return json(res, 200, request.id)
            case 'object':
                return json(res, 200, cased({ id: request.id }))
            case 'array':
                return json(res, 200, cased([{ id: request.id }]))
            case 'empty':
                if (res.locals.drop) return void res.socket?.destroy()
                return void res.status(200).end()
        }
    })

    // Decide (contract "Decide" / "End early")
    const decide = (req: Request, res: Response, pathId?: string): void => {
        const body = (req.body ?? {}) as Record<string, unknown>
        const id = (pathId ?? str(field(body, 'requestId')) ?? '').toLowerCase()
        if (!UUID.test(id)) return problem(res, 400, 'Bad Request', 'requestId is not a uuid')
        const decision = field(body, 'decision')
        if (decision !== 'Approved' && decision !== 'Denied')
            return problem(res, 400, 'Bad Request', 'decision must be Approved or Denied')
        const durationText = str(field(body, 'duration'))
        const seconds = /^\d{1,7}$/.test(durationText) ? Number(durationText) : NaN
        if (decision === 'Approved' && !(seconds >= 300 && seconds <= 86_400))
            return problem(res, 400, 'Bad Request', 'duration must be 300–86400 seconds')
        const request = requests.get(id)
        if (!request) return problem(res, 404, 'Not Found', 'no such request')
        if (!isOpen(request)) {
            // Deciding a request that is no longer open [U]: refused, or accepted without effect.
            if (switches.repeatDecision === 'conflict-409')
                return problem(res, 409, 'Conflict', 'The request is no longer open.')
        } else {
            const t = now()
            const wasApproved = request.decision === 'Approved'
            const lengthens =
                wasApproved && decision === 'Approved' && t.getTime() + seconds * 1000 > sessionEnd(request).getTime()
            if (lengthens && switches.extendApproved === 'conflict-409')
                return problem(res, 409, 'Conflict', 'The duration of an approved request cannot be extended.')
            if (lengthens && switches.extendApproved === 'no-effect') {
                if (res.locals.drop) return void res.socket?.destroy()
                return void res.status(200).end()
            }
            if (decision === 'Approved') request.durationSeconds = seconds
            request.decision = decision
            request.decisionTime = t
            request.decisionPerformedByUser = str(field(body, 'user'))
            request.message = str(field(body, 'message'))
            request.modifiedOn = t
            if (decision === 'Approved' && !wasApproved) simulateEndpoint(request)
        }
        if (res.locals.drop) return void res.socket?.destroy()
        res.status(200).end()
    }
    app.post(`${API}/v2/AdminAccessRequest/decision`, (req, res) => {
        if (switches.decisionPath !== 'body-id') return problem(res, 405, 'Method Not Allowed')
        decide(req, res)
    })
    app.post(`${API}/v2/AdminAccessRequest/:id/decision`, (req, res) => {
        if (switches.decisionPath !== 'path-id') return problem(res, 404, 'Not Found')
        decide(req, res, String(req.params.id))
    })

    // Get one (contract "Get one")
    app.get(`${API}/v2/AdminAccessRequest/:id`, (req, res) => {
        const id = String(req.params.id)
        if (!UUID.test(id)) return problem(res, 400, 'Bad Request', 'The value is not a valid uuid.')
        const request = requests.get(id.toLowerCase())
        if (!request) return switches.unknownId === '404' ? problem(res, 404, 'Not Found') : json(res, 200, [])
        json(res, 200, cased([requestModel(request)]))
    })

    // List (contract "List")
    app.get(`${API}/v3/AdminAccessRequest`, (req, res) => {
        const user = String(req.query['Filter.ComputerUserName'] ?? '').toLowerCase()
        const desc = String(req.query['Sorts[0].order'] ?? 'asc') === 'desc'
        let all = [...requests.values()].sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())
        if (desc) all = all.reverse()
        if (user && switches.listFilters === 'honoured') all = all.filter((r) => r.userName.toLowerCase() === user)
        const p = page(req, all.map(requestModel))
        if (typeof p === 'string') return problem(res, 400, 'Bad Request', p)
        json(res, 200, cased(p))
    })

    // Events (contract "Events"): filtered on the ingestion time, no end date, only what is ingested by now.
    app.get(`${API}/v3/Events/FromStartDate`, (req, res) => {
        const startText = String(req.query.StartDate ?? '')
        const fraction = /\.(\d+)/.exec(startText)?.[1] ?? ''
        if (!startText || Number.isNaN(Date.parse(startText)) || (switches.eventsStrictFraction && fraction.length > 3))
            return problem(res, 400, 'Bad Request', 'Invalid Start date format.')
        const size = Number(req.query.RecordSize ?? 1000)
        if (!Number.isInteger(size) || size < 1 || size > 1000)
            return problem(res, 400, 'Bad Request', 'RecordSize must be 1–1000')
        const start = Date.parse(startText)
        const nowMs = now().getTime()
        const visible = events
            .filter((e) => e.ingestedAt.getTime() >= start && e.ingestedAt.getTime() <= nowMs)
            .sort((a, b) => a.ingestedAt.getTime() - b.ingestedAt.getTime())
            .slice(0, size)
            .map((e) => e.body)
        json(
            res,
            200,
            switches.eventsEnvelope === 'events' ? { totalRecordsReturned: visible.length, events: visible } : visible,
        )
    })

    app.use((req, res) => problem(res, 404, 'Not Found'))

    const listening = await listen(app, { port: options.port })

    const addEvent = (e: {
        code: string
        action?: string
        at: Date
        lagMs?: number
        process?: string
        userName: string
        hostName: string
        requestIdentifier: string
        ticketIdentifier: string
    }): EmulatedEvent => {
        const ingestedAt = new Date(e.at.getTime() + (e.lagMs ?? 30_000))
        const id = randomUUID()
        const body = {
            '@timestamp': e.at.toISOString(),
            event: {
                id,
                code: e.code,
                action:
                    e.action ??
                    (e.code === 'PPAM' ? 'PPAM: prevented adding a member to the local Administrators group' : ''),
                ingested: ingestedAt.toISOString(),
            },
            user: { name: e.userName },
            host: { hostname: e.hostName },
            process: e.process ? { name: e.process } : undefined,
            EPMWinMac: {
                Session: { JITAdmin: { RequestIdentifier: e.requestIdentifier, TicketIdentifier: e.ticketIdentifier } },
            },
        }
        const event = { id, at: e.at, ingestedAt, body: JSON.parse(JSON.stringify(body)) as Record<string, unknown> }
        events.push(event)
        return event
    }

    /** The endpoint's activity during an approved session (option `endpointActivity`). */
    function simulateEndpoint(r: EmulatedRequest): void {
        if (!options.endpointActivity) return
        const start = (r.decisionTime ?? r.createdOn).getTime()
        const end = start + r.durationSeconds * 1000
        const script: { code: string; afterMs: number; process?: string }[] = [
            { code: '300', afterMs: 10_000 },
            { code: '101', afterMs: 60_000, process: 'DriverSetup.exe' },
            { code: 'PPAM', afterMs: 120_000 },
            { code: '106', afterMs: 180_000, process: 'mmc.exe' },
        ]
        for (const step of script) {
            if (start + step.afterMs >= end) continue
            addEvent({
                code: step.code,
                at: new Date(start + step.afterMs),
                lagMs: options.endpointActivity.lagMs,
                process: step.process,
                userName: r.userName,
                hostName: computers.get(r.computerId)?.hostName ?? '',
                requestIdentifier: switches.eventRequestIdentifier === 'request-id' ? r.id : r.sessionIdentifier,
                ticketIdentifier: r.ticketId,
            })
        }
    }

    return {
        url: listening.url,
        close: () => listening.close(),
        switches,
        computers,
        requests,
        events,
        rights,
        jit,
        faults: {
            add: (fault) => faults.push({ ...fault, remaining: fault.times ?? 1 }),
            clear: () => faults.splice(0, faults.length),
        },
        addComputer(hostName, opts = {}) {
            const c: EmulatedComputer = {
                id: opts.id ?? randomUUID(),
                hostName,
                state: opts.state ?? 'Authorised',
                lastConnected:
                    opts.lastConnected === undefined ? new Date(now().getTime() - 10 * 60_000) : opts.lastConnected,
                createdOn: opts.createdOn ?? new Date(now().getTime() - 30 * 86_400_000 + computers.size * 1000),
            }
            computers.set(c.id, c)
            return c
        },
        regenerateSecret(newSecret) {
            secret = newSecret
            tokens.clear()
        },
        tokensIssued: () => issued,
        recordSessionEvent(requestId, e) {
            const r = requests.get(requestId)
            if (!r) throw new Error(`no request ${requestId}`)
            return addEvent({
                ...e,
                userName: r.userName,
                hostName: computers.get(r.computerId)?.hostName ?? '',
                requestIdentifier: switches.eventRequestIdentifier === 'request-id' ? r.id : r.sessionIdentifier,
                ticketIdentifier: r.ticketId,
            })
        },
        recordOtherEvent(e) {
            return addEvent({
                ...e,
                userName: 'someone-else',
                hostName: 'OTHER-PC',
                requestIdentifier: randomUUID(),
                ticketIdentifier: 'RITM9999999',
            })
        },
        openRequestsFor: (userName) =>
            [...requests.values()].filter((r) => r.userName.toLowerCase() === userName.toLowerCase() && isOpen(r)),
        callCount: (method, prefix) => calls.filter((c) => c.method === method && c.path.startsWith(prefix)).length,
    }
}
