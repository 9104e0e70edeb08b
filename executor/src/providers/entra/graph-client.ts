/**
 * The one Graph client both Entra providers share: bearer auth (refresh once on 401), per-request timeout,
 * `@odata.nextLink` paging restricted to the configured base URL, audit records of every call (never a token),
 * and {@link mapGraphResponse} / {@link mapTransportError} as the single error mapping.
 *
 * Paths are built only by the helpers in this module from validated GUIDs and enumerated values; OData string
 * literals are escaped and go through URLSearchParams. A `DELETE` on `/groups/{id}/members/{id}` that does not
 * end in `/$ref` is refused before it leaves the process: without `/$ref` Graph deletes the user object itself.
 */
import https from 'node:https'
import axios, { type AxiosInstance } from 'axios'
import type { AuditedCall } from '../types'
import { ProviderError } from '../types'
import { errorText } from '../../transport'
import { isGuid } from './config'
import { mapGraphResponse, mapTransportError } from './errors'
import type { TokenSource } from './auth'

/** HTTP methods the client uses. */
export type GraphMethod = 'GET' | 'POST' | 'DELETE' | 'PATCH'

/** One Graph request. `path` is relative to the base URL and comes from {@link graphPath}. */
export interface GraphRequest {
    method: GraphMethod
    path: string
    query?: Record<string, string>
    body?: unknown
    headers?: Record<string, string>
    signal?: AbortSignal
}

/** A successful (2xx) Graph answer. */
export interface GraphResponse<T> {
    status: number
    body: T
}

/** Options of {@link GraphClient}. */
export interface GraphClientOptions {
    /** e.g. `https://graph.microsoft.com/v1.0`. */
    baseUrl: string
    tokens: TokenSource
    /** @defaultValue 30000 */
    timeoutMs?: number
    /** Extra trust anchor (PEM). */
    caCertificatePem?: string
    /** @defaultValue () => new Date() */
    now?: () => Date
}

/** Build a path from literal segments and GUIDs; anything else throws (never a URL from untrusted text). */
export function graphPath(strings: TemplateStringsArray, ...ids: string[]): string {
    let out = strings[0] ?? ''
    ids.forEach((id, i) => {
        if (!isGuid(id))
            throw new ProviderError(
                'fatal',
                `refusing to build a Graph URL with a non-GUID id "${String(id).slice(0, 60)}"`,
                'invalid_id',
            )
        out += id + (strings[i + 1] ?? '')
    })
    return out
}

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
    return `'${value.replace(/'/g, "''")}'`
}

/** `a eq 'x' and b eq 'y'` from GUID values (validated). */
export function eqFilter(fields: Record<string, string>): string {
    return Object.entries(fields)
        .map(([k, v]) => {
            if (!isGuid(v)) throw new ProviderError('fatal', `refusing to filter on a non-GUID ${k}`, 'invalid_id')
            return `${k} eq ${odataString(v)}`
        })
        .join(' and ')
}

function safeDecode(u: string): string {
    try {
        return decodeURIComponent(u.replace(/\+/g, ' '))
    } catch {
        return u
    }
}

const DANGEROUS_MEMBER_DELETE = /^\/groups\/[^/]+\/members\/[^/]+\/?$/

/** The shared Graph client. */
export class GraphClient {
    readonly baseUrl: string
    private readonly http: AxiosInstance
    private readonly now: () => Date
    private readonly timeoutMs: number

    constructor(private readonly opts: GraphClientOptions) {
        this.baseUrl = opts.baseUrl.replace(/\/+$/, '')
        this.now = opts.now ?? (() => new Date())
        this.timeoutMs = opts.timeoutMs ?? 30_000
        this.http = axios.create({
            timeout: this.timeoutMs,
            maxRedirects: 0,
            validateStatus: () => true,
            transitional: { clarifyTimeoutError: true },
            ...(opts.caCertificatePem
                ? { httpsAgent: new https.Agent({ ca: opts.caCertificatePem, keepAlive: true }) }
                : {}),
        })
    }

    /**
     * Send one request; 2xx → body, anything else → ProviderError (mapped once, here). A 401 gets one retry
     * with a force-refreshed token. Each HTTP exchange is appended to `calls` for the audit trail.
     */
    async request<T>(req: GraphRequest, calls: AuditedCall[]): Promise<GraphResponse<T>> {
        if (req.method === 'DELETE' && DANGEROUS_MEMBER_DELETE.test(req.path)) {
            // Programming-error guard: this call would delete the directory object, not the membership.
            throw new ProviderError(
                'fatal',
                `refusing DELETE ${req.path}: member removal must use /$ref`,
                'unsafe_delete',
            )
        }
        const query = req.query ? new URLSearchParams(req.query).toString() : ''
        return this.send<T>(req, `${this.baseUrl}${req.path}${query ? `?${query}` : ''}`, calls)
    }

    /** GET a collection, following `@odata.nextLink` (only on the configured base URL). */
    async list<T>(req: Omit<GraphRequest, 'method' | 'body'>, calls: AuditedCall[]): Promise<T[]> {
        const out: T[] = []
        let page = await this.request<{ value?: T[]; '@odata.nextLink'?: string }>({ ...req, method: 'GET' }, calls)
        for (let guard = 0; ; guard++) {
            out.push(...(page.body.value ?? []))
            const next = page.body['@odata.nextLink']
            if (!next) return out
            if (!next.startsWith(this.baseUrl + '/') || guard > 1000) {
                throw new ProviderError(
                    'fatal',
                    'Graph returned a nextLink outside the configured base URL',
                    'bad_next_link',
                )
            }
            page = await this.send({ ...req, method: 'GET', path: new URL(next).pathname }, next, calls)
        }
    }

    private async send<T>(req: GraphRequest, url: string, calls: AuditedCall[]): Promise<GraphResponse<T>> {
        // Readable in the audit trail (no secret is ever in a Graph URL).
        const auditUrl = safeDecode(url.slice(this.baseUrl.length) || '/')
        for (let attempt = 0; ; attempt++) {
            const token = await this.opts.tokens.getToken(attempt > 0)
            const call: AuditedCall = { method: req.method, url: auditUrl }
            if (req.body !== undefined) call.requestBody = req.body
            calls.push(call)
            let res
            try {
                res = await this.http.request({
                    method: req.method,
                    url,
                    data: req.body,
                    signal: req.signal,
                    headers: {
                        Authorization: `Bearer ${token}`,
                        Accept: 'application/json',
                        ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
                        ...req.headers,
                    },
                })
            } catch (err) {
                const mapped = mapTransportError(req.method, req.path, err)
                call.responseBody = { transportError: mapped.code ?? errorText(err) }
                throw mapped
            }
            call.status = res.status
            if (res.data !== '' && res.data !== undefined) call.responseBody = res.data
            if (res.status >= 200 && res.status < 300) return { status: res.status, body: res.data as T }
            if (res.status === 401 && attempt === 0) continue
            throw mapGraphResponse({
                method: req.method,
                path: req.path,
                status: res.status,
                body: res.data,
                retryAfter: res.headers['retry-after'],
                now: this.now(),
            })
        }
    }
}
