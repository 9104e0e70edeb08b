/**
 * ServiceNow Table / Attachment API client (axios). Knows HTTP, auth and paging; knows nothing of grants or
 * actions (that is the gateway's job).
 *
 * - Auth: Basic, or OAuth (`/oauth_token.do`, password or client_credentials grant). The token is cached,
 *   refreshed shortly before it expires, and once more when a call answers 401 (a token revoked or expired
 *   early); under Basic a 401 is repeated once on a fresh connection. A second 401 is `unauthorized`: callers
 *   retry with backoff and keep their work (see sendAuthenticated).
 * - Paging: follows the `Link` header's `rel="next"` until it is absent. Never stops at a short page: row ACLs
 *   run after `sysparm_limit`, so a page may hold fewer rows than asked (even none) while more follow.
 * - Values: every value the Table API returns is a string; reference fields arrive as plain sys_ids
 *   (`sysparm_exclude_reference_link=true`, `sysparm_display_value=false`). Parsing into numbers, dates and
 *   booleans is the gateway's, from these strings.
 * - Retries: none for writes (the worker retries from its journal, which knows whether a write is safe to
 *   repeat). Idempotent GETs get a bounded in-call retry on retryable errors, honouring `Retry-After`.
 * - Errors: every failure is a {@link ServiceNowError} (see errors.ts).
 */
import http from 'node:http'
import https from 'node:https'
import axios, { type AxiosAdapter, type AxiosInstance, type AxiosResponse, type Method } from 'axios'
import { EXECUTOR_API, TABLE, isSysId } from '@gbg/shared'
import type { Clock, Logger } from '../ports'
import { systemClock } from '../clock'
import { nullLogger } from '../log'
import { ServiceNowError, mapHttpError, mapTransportError } from './errors'
import { EncodedQuery, QueryBuildError, assertFields, assertTable } from './query'
import { SYSTEM_FIELDS } from './platform-fields'

/** Credentials of the integration user. */
export type ServiceNowAuth =
    | { mode: 'basic'; username: string; password: string }
    | { mode: 'oauth_password'; clientId: string; clientSecret: string; username: string; password: string }
    | { mode: 'oauth_client_credentials'; clientId: string; clientSecret: string }

/** Options of {@link createServiceNowClient}. */
export interface ServiceNowClientOptions {
    /** Instance base URL, e.g. `https://acme.service-now.com` (validated by config: https or loopback http). */
    baseUrl: string
    auth: ServiceNowAuth
    /** Per-request timeout. @defaultValue 30000 */
    timeoutMs?: number
    /** Rows per page of a list call (`sysparm_limit`). @defaultValue 500 */
    pageSize?: number
    /** Pages one list call may follow before giving up loudly (a Link loop guard). @defaultValue 1000 */
    maxPages?: number
    /** Extra attempts of an idempotent GET on a retryable error. @defaultValue 3 */
    getRetries?: number
    /** Delay before the first GET retry when the server gave no Retry-After; doubles per retry. @defaultValue 500 */
    getRetryBaseMs?: number
    /**
     * Longest in-call wait. A Retry-After longer than this is not slept through: the error is thrown so the
     * worker reschedules from its journal instead of holding a slot. @defaultValue 30000
     */
    getRetryMaxDelayMs?: number
    /** Refresh an OAuth token this long before it expires. @defaultValue 60000 */
    tokenRefreshSkewMs?: number
    clock?: Clock
    logger?: Logger
    /** axios adapter override (unit tests). */
    adapter?: AxiosAdapter
    /** @defaultValue 'gbg-executor' */
    userAgent?: string
    /** Told about every HTTP call (Table, Attachment, OAuth token) as it ends: the metrics choke point. */
    observer?: ServiceNowCallObserver
    /** Offer {@link ServiceNowClient.batch} (the Batch API). @defaultValue true */
    batch?: boolean
}

/**
 * Receives one ServiceNow HTTP call: method, table (`sys_attachment` for the Attachment API, `oauth_token` for
 * the token endpoint), outcome (`ok` for 2xx, else the error kind) and real duration. The Metrics object fits.
 */
export interface ServiceNowCallObserver {
    observeServiceNowCall(method: string, table: string, outcome: string, seconds: number): void
    /** ServiceNow refused the integration user on a call and on its repetition (an `unauthorized` error). */
    observeRefused?(): void
}

/** A record as returned by the Table API: every value a string. */
export type SnRecord = Record<string, string>

/** The client. */
export interface ServiceNowClient {
    /** All records of `table` matching `query` (following Link `next`), at most `limit`. */
    list(table: string, query: EncodedQuery, fields: readonly string[], limit?: number): Promise<SnRecord[]>
    /** One record. Throws `not_found` on 404. */
    get(table: string, sysId: string, fields?: readonly string[]): Promise<SnRecord>
    /** Insert one record (POST, not idempotent: never retried here). */
    create(table: string, values: Record<string, string>): Promise<SnRecord>
    /** Update the given fields of one record (PATCH). */
    patch(table: string, sysId: string, values: Record<string, string>): Promise<SnRecord>
    /** Upload a file as an attachment of a record (Attachment API). */
    attach(table: string, sysId: string, fileName: string, contentType: string, body: Buffer): Promise<SnRecord>
    /** A cheap authenticated call (readiness). */
    ping(): Promise<void>
    /**
     * GET one of the app's Scripted REST operations for the executor (`path` under EXECUTOR_API.basePath, built
     * from constants and validated sys_ids only); resolves to the answer's `result`.
     */
    getApi(path: string): Promise<unknown>
    /**
     * POST JSON to one of the app's Scripted REST operations for the executor (same path rule as {@link getApi}).
     * Only for operations that answer a repeat with the same result (the approval-notice claim): retried in-call.
     */
    postApi(path: string, body: Record<string, unknown>): Promise<unknown>
    /**
     * Several requests in ONE Batch API call (`POST /api/now/v1/batch`, docs/performance.md "Batch API"). Each
     * sub-request is built and validated exactly as its direct method builds it, runs on the instance with the
     * integration user's own ACLs, and its answer is checked exactly as the direct answer would be (the same error
     * table): one {@link BatchSubResult} per request, in request order. Throws (a {@link ServiceNowError}) only when
     * the batch call as a whole failed — a 429, 5xx, 401 or a lost connection: then none, some or all of the
     * sub-requests may have run (`unknownOutcome` when the call was sent). A sub-request the instance did not run
     * (`unserviced_requests`: a size or processing limit) is a `retryable` error of its own, known not applied.
     * Not retried in-call (it holds writes). Optional: test fakes without it get direct calls.
     */
    batch?(requests: readonly BatchSubRequest[]): Promise<BatchSubResult[]>
    /** Release keep-alive sockets. */
    close(): void
}

/** One request of a {@link ServiceNowClient.batch} call, by the direct method it stands for. */
export type BatchSubRequest =
    | { op: 'get'; table: string; sysId: string; fields?: readonly string[] }
    /** A list (all its pages: later pages, rare, are read directly). */
    | { op: 'list'; table: string; query: EncodedQuery; fields: readonly string[]; limit?: number }
    | { op: 'create'; table: string; values: Record<string, string> }
    | { op: 'patch'; table: string; sysId: string; values: Record<string, string> }
    | { op: 'getApi'; path: string }

/** The answer to one {@link BatchSubRequest}: what the direct method resolves to, or the error it throws. */
export type BatchSubResult =
    | { ok: true; record: SnRecord; records?: undefined; result?: undefined }
    | { ok: true; records: SnRecord[]; record?: undefined; result?: undefined }
    | { ok: true; result: unknown; record?: undefined; records?: undefined }
    | { ok: false; error: ServiceNowError; record?: undefined; records?: undefined; result?: undefined }

/** Longest in-call wait before a GET retry unless configured otherwise (liveness windows are derived from it). */
export const DEFAULT_GET_RETRY_MAX_DELAY_MS = 30_000

const TABLE_PATH = '/api/now/table/'
/** Paths of the app's Scripted REST operations the client may call: the executor API, no query string. */
const API_PATH = new RegExp(`^${EXECUTOR_API.basePath}(?:/[A-Za-z0-9_-]{1,64}){1,4}$`)
/** Metrics label of Scripted REST calls. */
const API_LABEL = 'scripted_rest'
const ATTACHMENT_PATH = '/api/now/attachment/file'
/** The Batch API: only the versioned path exists (docs "Batch API"; community: /api/now/batch is 400). */
const BATCH_PATH = '/api/now/v1/batch'
/** Metrics label of Batch API calls. */
const BATCH_LABEL = 'batch'
/** Sub-requests one batch call carries at most (the caller splits longer lists). */
export const MAX_BATCH_REQUESTS = 50
const TOKEN_PATH = '/oauth_token.do'
/** File names we send: plain, no path separators, no query metacharacters. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+(?:;\s*charset=[a-z0-9-]+)?$/i

interface CachedToken {
    accessToken: string
    expiresAtMs: number
}

interface RequestSpec {
    method: Method
    /** Path (relative to base URL) or an absolute URL of the same origin (Link next). */
    url: string
    params?: Record<string, string>
    data?: unknown
    headers?: Record<string, string>
    table?: string
    /** GETs: may be retried in-call. */
    idempotent: boolean
}

/** Create a client. Throws a fatal {@link ServiceNowError} on an unusable base URL. */
export function createServiceNowClient(options: ServiceNowClientOptions): ServiceNowClient {
    const client = new AxiosServiceNowClient(options)
    if (options.batch === false) {
        // No batch(): every caller falls back to one call per request.
        Object.defineProperty(client, 'batch', { value: undefined })
    }
    return client
}

class AxiosServiceNowClient implements ServiceNowClient {
    private readonly http: AxiosInstance
    private readonly origin: string
    private readonly clock: Clock
    private readonly log: Logger
    private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 })
    private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 })
    private token: CachedToken | undefined
    private tokenRequest: Promise<CachedToken> | undefined

    constructor(private readonly opts: ServiceNowClientOptions) {
        let base: URL
        try {
            base = new URL(opts.baseUrl)
        } catch {
            throw new ServiceNowError('fatal', 'ServiceNow base URL is not a URL')
        }
        if (base.pathname !== '/' && base.pathname !== '') {
            throw new ServiceNowError('fatal', 'ServiceNow base URL must not have a path (https://<instance>)')
        }
        this.origin = base.origin
        this.clock = opts.clock ?? systemClock
        this.log = opts.logger ?? nullLogger
        this.http = axios.create({
            baseURL: this.origin,
            timeout: opts.timeoutMs ?? 30_000,
            httpAgent: this.httpAgent,
            httpsAgent: this.httpsAgent,
            maxRedirects: 0, // a redirect to a login page must not be followed (or leak the Authorization header)
            validateStatus: () => true,
            responseType: 'text',
            transformResponse: [(data: unknown) => data],
            adapter: opts.adapter,
            headers: { 'User-Agent': opts.userAgent ?? 'gbg-executor' },
        })
    }

    close(): void {
        this.httpAgent.destroy()
        this.httpsAgent.destroy()
    }

    async list(table: string, query: EncodedQuery, fields: readonly string[], limit = Infinity): Promise<SnRecord[]> {
        guard(() => assertFields(table, fields))
        if (!(query instanceof EncodedQuery)) throw invalid('list() needs an EncodedQuery from the query builder')
        if (query.table !== table) throw invalid(`query built for ${query.table} used on ${table}`)
        if (!(limit > 0)) throw invalid('list() limit must be positive')
        const pageSize = Math.max(1, Math.min(this.opts.pageSize ?? 500, Number.isFinite(limit) ? limit : Infinity))
        const maxPages = this.opts.maxPages ?? 1000
        const path = TABLE_PATH + table
        const rows: SnRecord[] = []
        let next: string | undefined = path
        let params: Record<string, string> | undefined = {
            sysparm_query: query.toString(),
            sysparm_fields: fields.join(','),
            sysparm_limit: String(pageSize),
            sysparm_display_value: 'false',
            sysparm_exclude_reference_link: 'true',
        }
        for (let page = 0; next !== undefined; page++) {
            if (page >= maxPages) {
                throw new ServiceNowError('fatal', `GET ${path}: more than ${maxPages} pages; refusing to follow Link`)
            }
            const response = await this.send({ method: 'GET', url: next, params, table, idempotent: true })
            const result = resultOf(response, 'GET', path)
            if (!Array.isArray(result)) throw shapeError('GET', path, 'result is not an array')
            for (const row of result) rows.push(normalizeRecord(row, 'GET', path))
            if (rows.length >= limit) break
            next = this.nextLink(response, path)
            params = undefined // the next URL carries every parameter
        }
        return Number.isFinite(limit) ? rows.slice(0, limit) : rows
    }

    async get(table: string, sysId: string, fields?: readonly string[]): Promise<SnRecord> {
        guard(() => assertFields(table, fields ?? []))
        assertSysId(sysId)
        const path = `${TABLE_PATH}${table}/${sysId}`
        const params: Record<string, string> = {
            sysparm_display_value: 'false',
            sysparm_exclude_reference_link: 'true',
        }
        if (fields && fields.length > 0) params.sysparm_fields = fields.join(',')
        const response = await this.send({ method: 'GET', url: path, params, table, idempotent: true })
        return normalizeRecord(resultOf(response, 'GET', path), 'GET', path)
    }

    async create(table: string, values: Record<string, string>): Promise<SnRecord> {
        guard(() => assertFields(table, Object.keys(values)))
        assertStrings(values)
        const path = TABLE_PATH + table
        const response = await this.send({
            method: 'POST',
            url: path,
            params: { sysparm_display_value: 'false', sysparm_exclude_reference_link: 'true' },
            data: JSON.stringify(values),
            table,
            idempotent: false,
        })
        return normalizeRecord(resultOf(response, 'POST', path), 'POST', path)
    }

    async patch(table: string, sysId: string, values: Record<string, string>): Promise<SnRecord> {
        guard(() => assertFields(table, Object.keys(values)))
        assertSysId(sysId)
        assertStrings(values)
        if (Object.keys(values).length === 0) throw invalid('patch() with no fields')
        const path = `${TABLE_PATH}${table}/${sysId}`
        const response = await this.send({
            method: 'PATCH',
            url: path,
            params: { sysparm_display_value: 'false', sysparm_exclude_reference_link: 'true' },
            data: JSON.stringify(values),
            table,
            idempotent: false,
        })
        return normalizeRecord(resultOf(response, 'PATCH', path), 'PATCH', path)
    }

    async attach(table: string, sysId: string, fileName: string, contentType: string, body: Buffer): Promise<SnRecord> {
        guard(() => assertTable(table))
        assertSysId(sysId)
        if (!FILE_NAME.test(fileName)) throw invalid('attachment file name must match ' + String(FILE_NAME))
        if (!CONTENT_TYPE.test(contentType)) throw invalid('attachment content type is not a plain media type')
        if (!Buffer.isBuffer(body)) throw invalid('attachment body must be a Buffer')
        const response = await this.send({
            method: 'POST',
            url: ATTACHMENT_PATH,
            params: { table_name: table, table_sys_id: sysId, file_name: fileName },
            data: body,
            headers: { 'Content-Type': contentType },
            table,
            idempotent: false,
        })
        return normalizeRecord(resultOf(response, 'POST', ATTACHMENT_PATH), 'POST', ATTACHMENT_PATH)
    }

    async getApi(path: string): Promise<unknown> {
        if (!API_PATH.test(path)) throw invalid(`not an executor API path: ${JSON.stringify(path.slice(0, 120))}`)
        const response = await this.send({ method: 'GET', url: path, table: API_LABEL, idempotent: true })
        return resultOf(response, 'GET', path)
    }

    async postApi(path: string, body: Record<string, unknown>): Promise<unknown> {
        if (!API_PATH.test(path)) throw invalid(`not an executor API path: ${JSON.stringify(path.slice(0, 120))}`)
        const response = await this.send({ method: 'POST', url: path, data: body, table: API_LABEL, idempotent: true })
        return resultOf(response, 'POST', path)
    }

    async batch(requests: readonly BatchSubRequest[]): Promise<BatchSubResult[]> {
        if (requests.length === 0) return []
        if (requests.length > MAX_BATCH_REQUESTS) throw invalid(`batch of ${requests.length} > ${MAX_BATCH_REQUESTS}`)
        // Every sub-request is built (and validated) before anything is sent.
        const built = requests.map((r, i) => ({ id: String(i + 1), ...this.subRequest(r) }))
        const batchId = `gbg-${this.clock.now().getTime().toString(36)}-${(this.batchSeq++).toString(36)}`
        const response = await this.send({
            method: 'POST',
            url: BATCH_PATH,
            data: JSON.stringify({
                batch_request_id: batchId,
                rest_requests: built.map((b) => ({
                    id: b.id,
                    method: b.method,
                    url: b.url,
                    headers: [
                        { name: 'Accept', value: 'application/json' },
                        ...(b.body !== undefined ? [{ name: 'Content-Type', value: 'application/json' }] : []),
                    ],
                    ...(b.body !== undefined ? { body: Buffer.from(b.body, 'utf8').toString('base64') } : {}),
                    exclude_response_headers: false,
                })),
            }),
            table: BATCH_LABEL,
            idempotent: false,
        })
        const lost = (what: string): ServiceNowError =>
            // Sent and answered 2xx, but not in the documented shape: whether the sub-requests ran is unknown.
            new ServiceNowError('retryable', `Unexpected ServiceNow answer to POST ${BATCH_PATH}: ${what}`, {
                method: 'POST',
                path: BATCH_PATH,
                status: response.status,
                unknownOutcome: true,
            })
        const body = parseJson(response.data) as
            { serviced_requests?: unknown; unserviced_requests?: unknown } | undefined
        if (typeof body !== 'object' || body === null || !Array.isArray(body.serviced_requests)) {
            const error = lost('no serviced_requests (instance asleep or a proxy?)')
            return built.map(() => ({ ok: false, error }))
        }
        const serviced = new Map<string, Record<string, unknown>>()
        for (const s of body.serviced_requests as unknown[]) {
            const item = s as Record<string, unknown> | null
            if (item && typeof item['id'] === 'string') serviced.set(item['id'], item)
        }
        const unserviced = new Set(
            Array.isArray(body.unserviced_requests) ? (body.unserviced_requests as unknown[]).map(String) : [],
        )
        const results: BatchSubResult[] = []
        for (const [i, b] of built.entries()) {
            const spec = b.spec
            const item = serviced.get(b.id)
            if (!item) {
                const known = unserviced.has(b.id)
                results.push({
                    ok: false,
                    error: new ServiceNowError(
                        'retryable',
                        `ServiceNow did not run ${spec.method} ${pathOf(spec.url)} of batch ${batchId}` +
                            (known
                                ? ' (unserviced: the batch reached a size or processing limit)'
                                : ' (no answer for it)'),
                        { method: spec.method, path: pathOf(spec.url), unknownOutcome: !known },
                    ),
                })
                continue
            }
            try {
                results.push(await this.subAnswer(requests[i]!, spec, item))
            } catch (error) {
                results.push({
                    ok: false,
                    error: mapTransportError(error, { ...this.ctx(spec), write: !spec.idempotent }),
                })
            }
        }
        return results
    }

    private batchSeq = 0

    /** A sub-request as its direct method would send it. */
    private subRequest(r: BatchSubRequest): { method: string; url: string; body?: string; spec: RequestSpec } {
        const readParams = { sysparm_display_value: 'false', sysparm_exclude_reference_link: 'true' }
        let spec: RequestSpec
        switch (r.op) {
            case 'get': {
                guard(() => assertFields(r.table, r.fields ?? []))
                assertSysId(r.sysId)
                const params: Record<string, string> = { ...readParams }
                if (r.fields && r.fields.length > 0) params.sysparm_fields = r.fields.join(',')
                spec = {
                    method: 'GET',
                    url: `${TABLE_PATH}${r.table}/${r.sysId}`,
                    params,
                    table: r.table,
                    idempotent: true,
                }
                break
            }
            case 'list': {
                guard(() => assertFields(r.table, r.fields))
                if (!(r.query instanceof EncodedQuery))
                    throw invalid('list needs an EncodedQuery from the query builder')
                if (r.query.table !== r.table) throw invalid(`query built for ${r.query.table} used on ${r.table}`)
                const limit = r.limit ?? Infinity
                if (!(limit > 0)) throw invalid('list limit must be positive')
                const pageSize = Math.max(1, Math.min(this.opts.pageSize ?? 500, limit))
                spec = {
                    method: 'GET',
                    url: TABLE_PATH + r.table,
                    params: {
                        sysparm_query: r.query.toString(),
                        sysparm_fields: r.fields.join(','),
                        sysparm_limit: String(pageSize),
                        ...readParams,
                    },
                    table: r.table,
                    idempotent: true,
                }
                break
            }
            case 'create':
                guard(() => assertFields(r.table, Object.keys(r.values)))
                assertStrings(r.values)
                spec = {
                    method: 'POST',
                    url: TABLE_PATH + r.table,
                    params: readParams,
                    data: JSON.stringify(r.values),
                    table: r.table,
                    idempotent: false,
                }
                break
            case 'patch':
                guard(() => assertFields(r.table, Object.keys(r.values)))
                assertSysId(r.sysId)
                assertStrings(r.values)
                if (Object.keys(r.values).length === 0) throw invalid('patch with no fields')
                spec = {
                    method: 'PATCH',
                    url: `${TABLE_PATH}${r.table}/${r.sysId}`,
                    params: readParams,
                    data: JSON.stringify(r.values),
                    table: r.table,
                    idempotent: false,
                }
                break
            case 'getApi':
                if (!API_PATH.test(r.path))
                    throw invalid(`not an executor API path: ${JSON.stringify(r.path.slice(0, 120))}`)
                spec = { method: 'GET', url: r.path, table: API_LABEL, idempotent: true }
                break
        }
        const query = spec.params ? '?' + new URLSearchParams(spec.params).toString() : ''
        return {
            method: spec.method as string,
            url: spec.url + query,
            ...(typeof spec.data === 'string' ? { body: spec.data } : {}),
            spec,
        }
    }

    /** One sub-response, checked and parsed exactly as the direct answer (the one error table, mapHttpError). */
    private async subAnswer(
        r: BatchSubRequest,
        spec: RequestSpec,
        item: Record<string, unknown>,
    ): Promise<BatchSubResult> {
        const status = Number(item['status_code'])
        const text = typeof item['body'] === 'string' ? Buffer.from(item['body'], 'base64').toString('utf8') : ''
        const headers: Record<string, string> = {}
        if (Array.isArray(item['headers'])) {
            for (const h of item['headers'] as unknown[]) {
                const hv = h as { name?: unknown; value?: unknown } | null
                if (typeof hv?.name === 'string' && typeof hv.value === 'string')
                    headers[hv.name.toLowerCase()] = hv.value
            }
        }
        if (!(status >= 200 && status < 300)) {
            return {
                ok: false,
                error: mapHttpError(Number.isFinite(status) ? status : 0, headers, text, this.ctx(spec)),
            }
        }
        const response = { status, headers, data: text } as unknown as AxiosResponse
        const path = pathOf(spec.url)
        const method = spec.method.toUpperCase()
        switch (r.op) {
            case 'getApi':
                return { ok: true, result: resultOf(response, method, path) }
            case 'list': {
                const result = resultOf(response, method, path)
                if (!Array.isArray(result)) throw shapeError(method, path, 'result is not an array')
                const rows = result.map((row) => normalizeRecord(row, method, path))
                const limit = r.limit ?? Infinity
                // Later pages (a list longer than a page, or short pages under row ACLs): read directly.
                let next = rows.length >= limit ? undefined : this.nextLink(response, path)
                for (let page = 1; next !== undefined; page++) {
                    if (page >= (this.opts.maxPages ?? 1000)) {
                        throw new ServiceNowError('fatal', `GET ${path}: too many pages; refusing to follow Link`)
                    }
                    const more = await this.send({ method: 'GET', url: next, table: r.table, idempotent: true })
                    const moreRows = resultOf(more, 'GET', path)
                    if (!Array.isArray(moreRows)) throw shapeError('GET', path, 'result is not an array')
                    for (const row of moreRows) rows.push(normalizeRecord(row, 'GET', path))
                    next = rows.length >= limit ? undefined : this.nextLink(more, path)
                }
                return { ok: true, records: Number.isFinite(limit) ? rows.slice(0, limit) : rows }
            }
            default:
                return { ok: true, record: normalizeRecord(resultOf(response, method, path), method, path) }
        }
    }

    async ping(): Promise<void> {
        // The executor heartbeat table: the integration user can always read it, and it is tiny.
        const path = TABLE_PATH + TABLE.executor
        const response = await this.send({
            method: 'GET',
            url: path,
            params: { sysparm_limit: '1', sysparm_fields: SYSTEM_FIELDS.sysId, sysparm_no_count: 'true' },
            table: TABLE.executor,
            idempotent: true,
        })
        const result = resultOf(response, 'GET', path)
        if (!Array.isArray(result)) throw shapeError('GET', path, 'result is not an array')
    }

    /** The `rel="next"` URL of a list response, validated to stay on this instance and this table. */
    private nextLink(response: AxiosResponse, path: string): string | undefined {
        const header = response.headers['link'] as unknown
        if (typeof header !== 'string' || header === '') return undefined
        const next = parseLinkHeader(header).next
        if (next === undefined) return undefined
        let url: URL
        try {
            url = new URL(next, this.origin)
        } catch {
            throw shapeError('GET', path, 'Link next is not a URL')
        }
        // Never send our credentials elsewhere, whatever a (proxied, tampered) Link header says.
        if (url.origin !== this.origin || url.pathname !== path) {
            throw new ServiceNowError('fatal', `GET ${path}: Link next points outside ${path}; refusing to follow`, {
                method: 'GET',
                path,
            })
        }
        return url.pathname + url.search
    }

    /** One logical request: in-call retries for idempotent GETs, around {@link sendAuthenticated}. */
    private async send(spec: RequestSpec): Promise<AxiosResponse> {
        const retries = spec.idempotent ? (this.opts.getRetries ?? 3) : 0
        const baseMs = this.opts.getRetryBaseMs ?? 500
        const maxDelay = this.opts.getRetryMaxDelayMs ?? DEFAULT_GET_RETRY_MAX_DELAY_MS
        for (let attempt = 0; ; attempt++) {
            try {
                return await this.sendAuthenticated(spec)
            } catch (error) {
                if (!(error instanceof ServiceNowError) || error.kind !== 'retryable' || attempt >= retries) throw error
                const delay = error.retryAfterMs ?? baseMs * 2 ** attempt
                if (delay > maxDelay) throw error
                this.log.warn('ServiceNow GET failed, retrying', {
                    path: error.path,
                    status: error.status,
                    code: error.code,
                    retryInMs: delay,
                    attempt: attempt + 1,
                })
                await this.clock.sleep(delay)
            }
        }
    }

    /**
     * One request with auth, and what a 401 means (contract: "401 on bad or expired credentials / token"): with
     * OAuth, fetch a new token and repeat once; with Basic, repeat once on a fresh connection (an expired or
     * dropped session on the instance side; the client keeps no cookie). A second 401 is an `unauthorized` error:
     * the caller keeps its work and retries with backoff (a write-back is never dropped for it), and readiness
     * reports it until a call succeeds again.
     */
    private async sendAuthenticated(spec: RequestSpec): Promise<AxiosResponse> {
        const response = await this.sendOnce(spec, await this.authorization(false))
        if (response.status !== 401) return this.check(response, spec)
        if (this.opts.auth.mode === 'basic') {
            this.log.warn('ServiceNow answered 401 under Basic auth; repeating once on a fresh connection', {
                method: spec.method,
                path: pathOf(spec.url),
            })
            const retried = await this.sendOnce(spec, await this.authorization(false), true)
            if (retried.status === 401) {
                throw this.unauthorized(retried, spec, 'check GBG_SN_USERNAME / GBG_SN_PASSWORD (refused twice)')
            }
            return this.check(retried, spec)
        }
        this.log.info('ServiceNow answered 401; refreshing the OAuth token once')
        const retried = await this.sendOnce(spec, await this.authorization(true))
        if (retried.status === 401) {
            throw this.unauthorized(retried, spec, 'a fresh OAuth token was refused too; check the OAuth user / roles')
        }
        return this.check(retried, spec)
    }

    private unauthorized(response: AxiosResponse, spec: RequestSpec, hint: string): ServiceNowError {
        const mapped = mapHttpError(401, response.headers, response.data, this.ctx(spec))
        try {
            this.opts.observer?.observeRefused?.()
        } catch (error) {
            this.log.warn('ServiceNow call observer failed', { error: String(error) })
        }
        this.log.error('ServiceNow refused the integration user (401 twice); work is kept and retried', {
            method: mapped.method,
            path: mapped.path,
        })
        return new ServiceNowError('unauthorized', `${mapped.message}: ${hint}`, {
            status: 401,
            detail: mapped.detail,
            method: mapped.method,
            path: mapped.path,
        })
    }

    private check(response: AxiosResponse, spec: RequestSpec): AxiosResponse {
        if (response.status >= 200 && response.status < 300) return response
        throw mapHttpError(response.status, response.headers, response.data, this.ctx(spec))
    }

    private ctx(spec: RequestSpec): { method: string; path: string; table?: string; now: Date } {
        return { method: spec.method.toUpperCase(), path: pathOf(spec.url), table: spec.table, now: this.clock.now() }
    }

    /** One HTTP exchange; `fresh` sends it on a new connection (no kept-alive socket). */
    private async sendOnce(spec: RequestSpec, authorization: string, fresh = false): Promise<AxiosResponse> {
        const started = Date.now()
        const headers: Record<string, string> = {
            Accept: 'application/json',
            Authorization: authorization,
            ...(spec.data !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...spec.headers,
        }
        let response: AxiosResponse
        try {
            response = await this.http.request({
                method: spec.method,
                url: spec.url,
                params: spec.params,
                data: spec.data,
                headers,
                ...(fresh ? { httpAgent: new http.Agent(), httpsAgent: new https.Agent() } : {}),
            })
        } catch (error) {
            const mapped = mapTransportError(error, { ...this.ctx(spec), write: !spec.idempotent })
            this.observe(spec.method, callTable(spec), mapped.kind, started)
            throw mapped
        }
        const ok = response.status >= 200 && response.status < 300
        const outcome = ok ? 'ok' : mapHttpError(response.status, response.headers, response.data, this.ctx(spec)).kind
        this.observe(spec.method, callTable(spec), outcome, started)
        this.log.debug('ServiceNow call', {
            method: spec.method,
            path: pathOf(spec.url),
            status: response.status,
            ms: Date.now() - started,
        })
        return response
    }

    /** Reports one HTTP call to the observer (metrics); an observer bug never fails the call. */
    private observe(method: string, table: string, outcome: string, startedMs: number): void {
        try {
            this.opts.observer?.observeServiceNowCall(
                method.toUpperCase(),
                table,
                outcome,
                (Date.now() - startedMs) / 1000,
            )
        } catch (error) {
            this.log.warn('ServiceNow call observer failed', { error: String(error) })
        }
    }

    /** The Authorization header value; `refresh` forces a new OAuth token. */
    private async authorization(refresh: boolean): Promise<string> {
        const auth = this.opts.auth
        if (auth.mode === 'basic') {
            return 'Basic ' + Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')
        }
        const skew = this.opts.tokenRefreshSkewMs ?? 60_000
        const now = this.clock.now().getTime()
        if (refresh) this.token = undefined
        if (this.token && now < this.token.expiresAtMs - skew) return 'Bearer ' + this.token.accessToken
        // Concurrent callers share one token request.
        this.tokenRequest ??= this.fetchToken().finally(() => {
            this.tokenRequest = undefined
        })
        this.token = await this.tokenRequest
        return 'Bearer ' + this.token.accessToken
    }

    private async fetchToken(): Promise<CachedToken> {
        const auth = this.opts.auth
        if (auth.mode === 'basic') throw new Error('unreachable')
        const form = new URLSearchParams({
            grant_type: auth.mode === 'oauth_password' ? 'password' : 'client_credentials',
            client_id: auth.clientId,
            client_secret: auth.clientSecret,
        })
        if (auth.mode === 'oauth_password') {
            form.set('username', auth.username)
            form.set('password', auth.password)
        }
        const ctx = { method: 'POST', path: TOKEN_PATH, now: this.clock.now() }
        const started = Date.now()
        let response: AxiosResponse
        try {
            response = await this.http.request({
                method: 'POST',
                url: TOKEN_PATH,
                data: form.toString(),
                headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            })
        } catch (error) {
            const mapped = mapTransportError(error, { ...ctx, write: false })
            this.observe('POST', TOKEN_TABLE_LABEL, mapped.kind, started)
            throw mapped
        }
        const tokenOk = response.status >= 200 && response.status < 300
        const tokenOutcome = tokenOk
            ? 'ok'
            : response.status === 400 || response.status === 401
              ? 'fatal' // refused credentials, as thrown below
              : mapHttpError(response.status, response.headers, response.data, ctx).kind
        this.observe('POST', TOKEN_TABLE_LABEL, tokenOutcome, started)
        if (response.status === 400 || response.status === 401) {
            // Bad client or user credentials: not fixable by retrying. (No secret in the message.)
            throw new ServiceNowError(
                'fatal',
                `ServiceNow refused the OAuth token request (${response.status}, grant ${form.get('grant_type')}): ` +
                    'check GBG_SN_CLIENT_ID / GBG_SN_CLIENT_SECRET' +
                    (auth.mode === 'oauth_password' ? ' / GBG_SN_USERNAME / GBG_SN_PASSWORD' : '') +
                    (auth.mode === 'oauth_client_credentials'
                        ? ' and that the client credentials grant is enabled on the instance'
                        : ''),
                { status: response.status, method: 'POST', path: TOKEN_PATH },
            )
        }
        if (response.status < 200 || response.status >= 300) {
            throw mapHttpError(response.status, response.headers, response.data, ctx)
        }
        const body = parseJson(response.data)
        const accessToken = (body as { access_token?: unknown } | undefined)?.access_token
        const expiresIn = Number((body as { expires_in?: unknown } | undefined)?.expires_in)
        if (typeof accessToken !== 'string' || accessToken === '' || !(expiresIn > 0)) {
            throw new ServiceNowError('fatal', 'ServiceNow OAuth token response has no access_token / expires_in', {
                status: response.status,
                method: 'POST',
                path: TOKEN_PATH,
            })
        }
        return { accessToken, expiresAtMs: this.clock.now().getTime() + expiresIn * 1000 }
    }
}

/** Parse an RFC 8288 `Link` header into rel → URL. Tolerates commas inside the `<…>` URLs. */
export function parseLinkHeader(header: string): Record<string, string> {
    const links: Record<string, string> = {}
    const re = /<([^>]*)>\s*((?:;\s*[a-zA-Z]+\s*=\s*(?:"[^"]*"|[^;,\s]*)\s*)*)/g
    for (let m = re.exec(header); m; m = re.exec(header)) {
        const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(m[2] ?? '')
        if (!rel) continue
        for (const name of rel[1]!.trim().split(/\s+/)) links[name.toLowerCase()] ??= m[1]!
    }
    return links
}

/** `table` label of the OAuth token call (not a table: the token endpoint). */
const TOKEN_TABLE_LABEL = 'oauth_token'

/** `table` label of a call: the Attachment API is `sys_attachment`, whatever record the file is attached to. */
function callTable(spec: RequestSpec): string {
    return pathOf(spec.url) === ATTACHMENT_PATH ? 'sys_attachment' : (spec.table ?? 'unknown')
}

function pathOf(url: string): string {
    const q = url.indexOf('?')
    const p = q < 0 ? url : url.slice(0, q)
    return p.startsWith('http') ? new URL(p).pathname : p
}

function parseJson(data: unknown): unknown {
    if (typeof data !== 'string') return data
    try {
        return JSON.parse(data)
    } catch {
        return undefined
    }
}

function resultOf(response: AxiosResponse, method: string, path: string): unknown {
    const body = parseJson(response.data)
    if (typeof body !== 'object' || body === null || !('result' in body)) {
        // e.g. an HTML page from a hibernating developer instance or a proxy, answered with 200.
        throw shapeError(
            method,
            path,
            `status ${response.status} without a JSON "result" (instance asleep or a proxy?)`,
        )
    }
    return (body as { result: unknown }).result
}

/** A record with every value as a string: references reduced to their sys_id, null to ''. */
function normalizeRecord(row: unknown, method: string, path: string): SnRecord {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
        throw shapeError(method, path, 'record is not an object')
    const out: SnRecord = {}
    for (const [key, value] of Object.entries(row)) {
        if (typeof value === 'string') out[key] = value
        else if (value === null || value === undefined) out[key] = ''
        else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value)
        else if (typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') {
            out[key] = (value as { value: string }).value
        } else throw shapeError(method, path, `field ${key} has an unexpected shape`)
    }
    return out
}

function shapeError(method: string, path: string, what: string): ServiceNowError {
    return new ServiceNowError('fatal', `Unexpected ServiceNow response to ${method} ${path}: ${what}`, {
        method,
        path,
    })
}

function invalid(message: string, cause?: unknown): ServiceNowError {
    return new ServiceNowError('fatal', `Invalid ServiceNow request: ${message}`, { cause })
}

function guard(check: () => void): void {
    try {
        check()
    } catch (error) {
        if (error instanceof QueryBuildError) throw invalid(error.message, error)
        throw error
    }
}

function assertSysId(sysId: string): void {
    if (!isSysId(sysId)) throw invalid(`not a sys_id: ${JSON.stringify(String(sysId).slice(0, 40))}`)
}

function assertStrings(values: Record<string, string>): void {
    for (const [key, value] of Object.entries(values)) {
        if (typeof value !== 'string') throw invalid(`value of ${key} must be a string`)
    }
}
