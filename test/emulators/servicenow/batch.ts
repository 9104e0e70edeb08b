/**
 * The Batch API of the emulator: `POST /api/now/v1/batch` (README "Batch API", the vendor's "Batch API" reference
 * https://www.servicenow.com/docs/r/australia/api-reference/rest-apis/batch-api.html).
 *
 * Each sub-request is run as a request of its own, back through this emulator's HTTP front door, with the batch
 * caller's own credentials (its Authorization header; one a sub-request carries is dropped): so it meets the same
 * authentication, ACLs, business rules, claim guard, fault rules and — per `batchRateLimit` — rate limit as a direct
 * call ("Apply existing ACLs to each API call in the batch"). Nothing is run with more privilege than the caller has.
 * The internal marker header that tells the front door "this is a sub-request of batch X" carries a per-emulator
 * random secret, so a client cannot forge it (to dodge rate limits or the request log).
 */
import { randomBytes } from 'node:crypto'
import type { Request, Response } from 'express'

/** Header marking a sub-request (value: `<secret> <batch_request_id>`). */
export const BATCH_ITEM_HEADER = 'x-gbg-emulator-batch-item'

/** Headers a sub-request may not set: identity and framing belong to the batch call. */
const STRIPPED = new Set(['authorization', 'cookie', 'host', 'content-length', 'transfer-encoding', 'connection'])
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
/** The status texts the sub-responses carry. */
const STATUS_TEXT: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    204: 'No Content',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
}

/** An error answered for the batch call as a whole (the Table API's envelope). */
export class BatchError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly detail: string | null = null,
    ) {
        super(message)
    }
}

interface RestRequest {
    id: string
    method: string
    url: string
    headers: { name: string; value: string }[]
    body: Buffer | undefined
    excludeHeaders: boolean
}

/** What the batch handler needs of the emulator. */
export interface BatchDeps {
    /** The emulator's own base URL (sub-requests go back through its front door). */
    baseUrl: () => string
    /** Per-emulator secret of {@link BATCH_ITEM_HEADER}. */
    secret: string
    order: 'sequential' | 'reverse'
    timeoutMs: number
    maxInputBytes: number
}

/** A fresh secret for {@link BatchDeps.secret}. */
export function batchSecret(): string {
    return randomBytes(16).toString('hex')
}

/** The batch id a request carries when it is one of our sub-requests (undefined for direct calls and forgeries). */
export function batchItemOf(req: Request, secret: string): string | undefined {
    const value = req.get(BATCH_ITEM_HEADER)
    if (!value) return undefined
    const space = value.indexOf(' ')
    if (space < 0 || value.slice(0, space) !== secret) return undefined
    return value.slice(space + 1)
}

function parseBody(req: Request): { batchId: string; items: RestRequest[] } {
    const type = req.get('content-type') ?? ''
    if (!/^application\/json\s*(;|$)/i.test(type)) {
        // Docs: "Content-Type … Only supports application/json".
        throw new BatchError(
            415,
            'Unsupported Media Type',
            `Content-Type must be application/json (got: ${type || 'none'})`,
        )
    }
    let parsed: unknown
    try {
        parsed = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '')
    } catch {
        throw new BatchError(400, 'Exception while reading request', 'The payload is not valid JSON.')
    }
    const body = parsed as { batch_request_id?: unknown; rest_requests?: unknown } | null
    if (typeof body !== 'object' || body === null || !Array.isArray(body.rest_requests)) {
        throw new BatchError(400, 'Exception while reading request', 'rest_requests is required and must be an array')
    }
    const batchId = typeof body.batch_request_id === 'string' ? body.batch_request_id : ''
    const seen = new Set<string>()
    const items = body.rest_requests.map((raw: unknown, i): RestRequest => {
        const r = raw as Record<string, unknown> | null
        const bad = (what: string): never => {
            throw new BatchError(400, 'Exception while reading request', `rest_requests[${i}]: ${what}`)
        }
        if (typeof r !== 'object' || r === null) return bad('not an object')
        // Docs: id, method and url are required.
        if (typeof r['id'] !== 'string' || r['id'] === '') return bad('id is required')
        if (typeof r['method'] !== 'string' || r['method'] === '') return bad('method is required')
        if (typeof r['url'] !== 'string' || r['url'] === '') return bad('url is required')
        if (seen.has(r['id'])) return bad(`id ${r['id']} is used twice`)
        seen.add(r['id'])
        const headers: { name: string; value: string }[] = []
        if (r['headers'] !== undefined) {
            if (!Array.isArray(r['headers'])) return bad('headers must be an array of {name, value}')
            for (const h of r['headers'] as unknown[]) {
                const hv = h as { name?: unknown; value?: unknown } | null
                if (typeof hv?.name !== 'string' || typeof hv.value !== 'string')
                    return bad('a header has no name / value')
                headers.push({ name: hv.name, value: hv.value })
            }
        }
        let itemBody: Buffer | undefined
        if (r['body'] !== undefined && r['body'] !== null && r['body'] !== '') {
            if (typeof r['body'] !== 'string') return bad('body must be a Base64 string')
            // Docs: "Base64-encoded body of the request" (line breaks inside the text are tolerated, as in the example).
            const text = r['body'].replace(/\s+/g, '')
            if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return bad('body is not Base64')
            itemBody = Buffer.from(text, 'base64')
        }
        return {
            id: r['id'],
            method: r['method'].toUpperCase(),
            url: r['url'],
            headers,
            body: itemBody,
            excludeHeaders: r['exclude_response_headers'] === true,
        }
    })
    return { batchId, items }
}

/** A sub-request URL the instance accepts: a relative path under /api/ (docs: "Relative path of the endpoint"). */
function relativeApiPath(url: string): boolean {
    if (!url.startsWith('/api/') || url.startsWith('//')) return false
    if (/[\s\\]/.test(url) || url.includes('/../') || url.includes('/./')) return false
    const path = url.split('?', 1)[0]!
    // A batch inside a batch is not run (no recursion).
    return !/^\/api\/now\/(?:v\d+\/)?batch\/?$/.test(path)
}

interface Serviced {
    id: string
    body: string
    status_code: number
    status_text: string
    headers: { name: string; value: string }[]
    execution_time: number
}

function answered(
    id: string,
    status: number,
    body: Buffer,
    headers: Headers | undefined,
    exclude: boolean,
    ms: number,
): Serviced {
    const list: { name: string; value: string }[] = []
    if (!exclude && headers) headers.forEach((value, name) => list.push({ name, value }))
    return {
        id,
        body: body.toString('base64'),
        status_code: status,
        status_text: STATUS_TEXT[status] ?? '',
        headers: list,
        execution_time: ms,
    }
}

function refused(id: string, status: number, message: string, exclude: boolean): Serviced {
    const body = Buffer.from(JSON.stringify({ error: { message, detail: null }, status: 'failure' }))
    const headers = new Headers({ 'content-type': 'application/json;charset=UTF-8' })
    return answered(id, status, body, headers, exclude, 0)
}

/**
 * Run one batch call (already authenticated and counted by the caller). Answers 200 with `serviced_requests` /
 * `unserviced_requests`, or drops the connection when a sub-request's connection was dropped (a fault inside the
 * batch: the client sees the batch call reset, the sub-requests before it applied).
 */
export async function runBatch(
    req: Request,
    res: Response,
    deps: BatchDeps,
    opts: { unservicedAfter?: number },
): Promise<void> {
    const accept = req.get('accept')
    if (accept && !/application\/json|application\/\*|\*\/\*/i.test(accept)) {
        throw new BatchError(406, 'Not Acceptable', 'The emulator answers the Batch API in application/json only')
    }
    const { batchId, items } = parseBody(req)
    const order = deps.order === 'reverse' ? [...items].reverse() : items
    const started = Date.now()
    const serviced: Serviced[] = []
    const unserviced: string[] = []
    const authorization = req.get('authorization') ?? ''
    for (const [index, item] of order.entries()) {
        const overQuota = Date.now() - started >= deps.timeoutMs
        const overCount = opts.unservicedAfter !== undefined && index >= opts.unservicedAfter
        const tooBig = item.body !== undefined && item.body.length > deps.maxInputBytes
        if (overQuota || overCount || tooBig || unserviced.length > 0) {
            // "When a batch request reaches a size or processing limit, the system cancels the transaction and
            // returns unprocessed requests in the unserviced JSON array."
            unserviced.push(item.id)
            continue
        }
        if (!METHODS.has(item.method)) {
            serviced.push(refused(item.id, 405, `Method ${item.method} not Supported`, item.excludeHeaders))
            continue
        }
        if (!relativeApiPath(item.url)) {
            serviced.push(refused(item.id, 400, 'Requested URI does not represent any resource', item.excludeHeaders))
            continue
        }
        const headers = new Headers()
        for (const h of item.headers) {
            const name = h.name.toLowerCase()
            if (STRIPPED.has(name) || name === 'x-gbg-emulator-batch-item') continue
            headers.append(h.name, h.value)
        }
        // The caller's own identity, always: a sub-request cannot speak for anybody else.
        if (authorization) headers.set('authorization', authorization)
        headers.set('x-gbg-emulator-batch-item', `${deps.secret} ${batchId}`)
        const t0 = Date.now()
        let response: globalThis.Response
        try {
            response = await fetch(deps.baseUrl() + item.url, {
                method: item.method,
                headers,
                ...(item.body !== undefined && item.method !== 'GET' ? { body: item.body } : {}),
            })
        } catch {
            // The sub-request's connection was dropped (a fault rule): the batch call is lost at this point.
            res.locals['drop'] = true
            res.status(200).end()
            return
        }
        const body = Buffer.from(await response.arrayBuffer())
        serviced.push(answered(item.id, response.status, body, response.headers, item.excludeHeaders, Date.now() - t0))
    }
    if (deps.order === 'reverse') serviced.reverse()
    res.status(200).json({ batch_request_id: batchId, serviced_requests: serviced, unserviced_requests: unserviced })
}
