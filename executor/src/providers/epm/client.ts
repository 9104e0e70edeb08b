/**
 * The one client of the EPM-WM Management API (`shared/contracts/beyondtrust-epm.md`): OAuth2 client credentials,
 * the token cached until shortly before it expires, one fresh token when EPM answers 401 (a regenerated secret
 * kills every token of the account at once [C]) and then a clear failure; every answer judged by errors.ts.
 *
 * The secret and the token never leave this file: not in logs, not in the audited calls, not in errors.
 */
import axios, { type AxiosInstance } from 'axios'
import { nullLogger } from '../../log'
import type { Logger } from '../../ports'
import type { AuditedCall } from '../types'
import { mapHttpError, mapTokenError, mapTransportError, notUnderstood, type EpmOperation } from './errors'
import { camelKeys } from './wire'

/** Connection settings of the client. */
export interface EpmClientConfig {
    /** `https://{tenant}-services.pm.beyondtrustcloud.com` (no path). */
    baseUrl: string
    /** Token endpoint. @defaultValue `${baseUrl}/oauth/connect/token` */
    tokenUrl?: string
    clientId: string
    /** Secret. */
    clientSecret: string
    /** Per-request timeout, ms. @defaultValue 30000 */
    timeoutMs?: number
}

/** One answer of the API. `json` has its keys camel-cased (wire casing is unconfirmed). */
export interface EpmAnswer {
    status: number
    json: unknown
    text: string
    retryAfter: unknown
    call: AuditedCall
}

/** A token is renewed this long before EPM says it expires. */
export const TOKEN_RENEW_BEFORE_MS = 5 * 60_000

interface CachedToken {
    value: string
    expiresAt: number
}

/** The EPM client (see the module comment). */
export class EpmClient {
    private readonly http: AxiosInstance
    private readonly origin: string
    private readonly tokenUrl: string
    private readonly timeoutMs: number
    private token: CachedToken | undefined
    private pendingToken: Promise<CachedToken> | undefined
    /** Tokens fetched so far (for tests and doctor). */
    tokensIssued = 0

    constructor(
        private readonly config: EpmClientConfig,
        private readonly now: () => Date,
        private readonly logger: Logger = nullLogger,
    ) {
        this.origin = new URL(config.baseUrl).origin
        this.tokenUrl = config.tokenUrl ?? `${this.origin}/oauth/connect/token`
        this.timeoutMs = config.timeoutMs ?? 30_000
        this.http = axios.create({
            validateStatus: () => true,
            maxRedirects: 0,
            responseType: 'text',
            transformResponse: [(data: unknown) => data],
        })
    }

    /** Base URL (for describe()). */
    get baseUrl(): string {
        return this.origin
    }

    /**
     * Sends one API request with a bearer token. A 401 drops the cached token and retries once with a fresh one;
     * a second 401 is returned for errors.ts to turn into the clear failure. Transport failures are mapped here.
     */
    async request(
        op: EpmOperation,
        method: 'GET' | 'POST',
        pathAndQuery: string,
        body: Record<string, unknown> | undefined,
        signal?: AbortSignal,
    ): Promise<EpmAnswer> {
        let answer = await this.send(op, method, pathAndQuery, body, (await this.bearer(signal)).value, signal)
        if (answer.status === 401) {
            this.logger.warn('epm token refused; fetching a fresh one', { op })
            this.token = undefined
            answer = await this.send(op, method, pathAndQuery, body, (await this.bearer(signal)).value, signal)
        }
        return answer
    }

    /** The answer when its status is `ok`, else the mapped error. */
    expect(op: EpmOperation, answer: EpmAnswer, ok = 200): EpmAnswer {
        if (answer.status === ok) return answer
        if (answer.status >= 200 && answer.status < 300) throw notUnderstood(op, `unexpected status ${answer.status}`)
        throw mapHttpError(op, answer.status, answer.text, answer.retryAfter, this.now())
    }

    /** The mapped error of an answer (for statuses the caller does not handle). */
    error(op: EpmOperation, answer: EpmAnswer): Error {
        if (answer.status >= 200 && answer.status < 300) return notUnderstood(op, `unexpected status ${answer.status}`)
        return mapHttpError(op, answer.status, answer.text, answer.retryAfter, this.now())
    }

    /** A valid token: the cached one until TOKEN_RENEW_BEFORE_MS before expiry, else a new one (one at a time). */
    private async bearer(signal?: AbortSignal): Promise<CachedToken> {
        const nowMs = this.now().getTime()
        if (this.token && nowMs < this.token.expiresAt - TOKEN_RENEW_BEFORE_MS) return this.token
        this.pendingToken ??= this.fetchToken(signal).finally(() => {
            this.pendingToken = undefined
        })
        try {
            this.token = await this.pendingToken
        } catch (error) {
            this.token = undefined
            throw error
        }
        return this.token
    }

    private async fetchToken(signal?: AbortSignal): Promise<CachedToken> {
        const form = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: this.config.clientId,
            client_secret: this.config.clientSecret,
            scope: 'urn:management:api',
        }).toString()
        let response
        try {
            response = await this.http.request<string>({
                url: this.tokenUrl,
                method: 'POST',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
                data: form,
                timeout: this.timeoutMs,
                signal,
            })
        } catch (err) {
            throw mapTransportError(err, 'token')
        }
        const text = typeof response.data === 'string' ? response.data : ''
        if (response.status !== 200)
            throw mapTokenError(response.status, text, response.headers['retry-after'], this.now())
        let parsed: unknown
        try {
            parsed = JSON.parse(text)
        } catch {
            throw notUnderstood('token', 'token answer is not JSON')
        }
        const o = (parsed ?? {}) as Record<string, unknown>
        const value = o.access_token
        const expiresIn = Number(o.expires_in)
        if (typeof value !== 'string' || value === '' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
            throw notUnderstood('token', 'token answer lacks access_token / expires_in')
        }
        if (typeof o.token_type === 'string' && o.token_type.toLowerCase() !== 'bearer') {
            throw notUnderstood('token', `token type ${o.token_type.slice(0, 20)}`)
        }
        this.tokensIssued += 1
        this.logger.debug('epm token issued', { expiresIn })
        return { value, expiresAt: this.now().getTime() + expiresIn * 1000 }
    }

    private async send(
        op: EpmOperation,
        method: 'GET' | 'POST',
        pathAndQuery: string,
        body: Record<string, unknown> | undefined,
        token: string,
        signal?: AbortSignal,
    ): Promise<EpmAnswer> {
        const url = this.origin + pathAndQuery
        const call: AuditedCall = { method, url }
        if (body !== undefined) call.requestBody = body
        const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` }
        if (body !== undefined) headers['Content-Type'] = 'application/json'
        try {
            const response = await this.http.request<string>({
                url,
                method,
                headers,
                data: body === undefined ? undefined : JSON.stringify(body),
                timeout: this.timeoutMs,
                signal,
            })
            const text = typeof response.data === 'string' ? response.data : ''
            let json: unknown
            try {
                json = text === '' ? undefined : camelKeys(JSON.parse(text))
            } catch {
                json = undefined
            }
            call.status = response.status
            if (text !== '') call.responseBody = json ?? text.slice(0, 500)
            this.logger.debug('epm call', { op, method, path: pathAndQuery.split('?')[0], status: response.status })
            return { status: response.status, json, text, retryAfter: response.headers['retry-after'], call }
        } catch (err) {
            const mapped = mapTransportError(err, op)
            this.logger.warn('epm call failed', { op, method, path: pathAndQuery.split('?')[0], code: mapped.code })
            throw mapped
        }
    }
}
