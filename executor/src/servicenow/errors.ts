/**
 * The ONE error mapping of the ServiceNow client. Every failure of a Table / Attachment / OAuth call becomes a
 * {@link ServiceNowError} whose `kind` tells the worker what to do:
 *
 * - `retryable`: timeouts, connection resets / refusals, 408, 429 (with `retryAfterMs`), 5xx. Retry later.
 *   Whether a failed request was sent at all is the shared transport layer's answer (transport.ts).
 * - `lost_claim`: 403 from the action table's claim guard business rule ("Claim refused…" / "Write refused…"):
 *   another executor owns the action (or our lease lapsed). Drop the action, never retry the write.
 * - `not_found`: 404. The record is missing or hidden by a row ACL (the Table API cannot tell them apart).
 * - `unauthorized`: 401. The client repeats once (a fresh OAuth token, or a fresh connection under Basic); a
 *   second 401 stays `unauthorized`: credentials expired or revoked. Callers keep their work and retry with
 *   backoff (a person fixes the credentials); readiness reports it meanwhile.
 * - `fatal`: everything else, notably 403 ACL exceptions (a missing ACL is a deployment error, not a transient),
 *   other 4xx and anything this mapping does not recognise — unknown failures are loud, never retried forever.
 */

import { classifyTransportError, parseRetryAfter } from '../transport'

/** How the caller must treat a ServiceNow failure. */
export type ServiceNowErrorKind = 'retryable' | 'fatal' | 'lost_claim' | 'not_found' | 'unauthorized'

/** Details of a {@link ServiceNowError}. */
export interface ServiceNowErrorDetails {
    /** HTTP status, absent for network failures. */
    status?: number
    /** `error.detail` of the ServiceNow envelope, when there was one. */
    detail?: string
    /** Milliseconds to wait before retrying (from `Retry-After`), when the server said. */
    retryAfterMs?: number
    /** HTTP method and path (no query string: queries may hold sys_ids only, but paths are enough to debug). */
    method?: string
    path?: string
    /** Network error code (ECONNRESET, ECONNABORTED…), when there was no response. */
    code?: string
    /**
     * True when a write may have been applied although no answer arrived (connection dropped / timed out after
     * the request was sent). The caller must read the record before repeating a non-idempotent write.
     */
    unknownOutcome?: boolean
    /**
     * Fields a write sent that the instance's answer lacks: the Table API silently drops fields the table does
     * not have (an app older than this executor) or the caller cannot read. A deployment error, loud; the write
     * is kept and repeated (PATCH is idempotent) until the app is upgraded.
     */
    missingFields?: string[]
    cause?: unknown
}

/** The single error type of the ServiceNow client and gateway. */
export class ServiceNowError extends Error {
    readonly kind: ServiceNowErrorKind
    readonly status?: number
    readonly detail?: string
    readonly retryAfterMs?: number
    readonly method?: string
    readonly path?: string
    readonly code?: string
    readonly unknownOutcome: boolean
    readonly missingFields?: string[]

    constructor(kind: ServiceNowErrorKind, message: string, details: ServiceNowErrorDetails = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause })
        this.name = 'ServiceNowError'
        this.kind = kind
        this.status = details.status
        this.detail = details.detail
        this.retryAfterMs = details.retryAfterMs
        this.method = details.method
        this.path = details.path
        this.code = details.code
        this.unknownOutcome = details.unknownOutcome === true
        if (details.missingFields && details.missingFields.length > 0) this.missingFields = details.missingFields
    }

    /** True for the kinds a later attempt may fix. */
    get retryable(): boolean {
        return this.kind === 'retryable'
    }
}

/** The audit insert rule refused an event linked after the caller's known head: the chain's head is elsewhere. */
export class AuditHeadMoved extends Error {
    constructor(
        readonly grantSysId: string,
        cause: unknown,
    ) {
        super(`audit chain of ${grantSysId || '(none)'}: the head is not the anchored one`, { cause })
        this.name = 'AuditHeadMoved'
    }
}

/** True when `error` is a {@link ServiceNowError} (optionally of `kind`). */
export function isServiceNowError(error: unknown, kind?: ServiceNowErrorKind): error is ServiceNowError {
    return error instanceof ServiceNowError && (kind === undefined || error.kind === kind)
}

/** Longest Retry-After we accept (beyond this the value is nonsense or hostile): 1 hour. */
const MAX_RETRY_AFTER_MS = 3_600_000

/** Message and detail of a ServiceNow error envelope `{"error":{"message","detail"},"status":"failure"}`. */
export function parseErrorEnvelope(body: unknown): { message: string; detail: string } {
    let data = body
    if (typeof data === 'string') {
        try {
            data = JSON.parse(data)
        } catch {
            return { message: '', detail: '' }
        }
    }
    if (Buffer.isBuffer(data)) return parseErrorEnvelope(data.toString('utf8'))
    if (typeof data !== 'object' || data === null) return { message: '', detail: '' }
    const error = (data as { error?: unknown }).error
    if (typeof error === 'object' && error !== null) {
        const e = error as { message?: unknown; detail?: unknown }
        return {
            message: typeof e.message === 'string' ? e.message : '',
            detail: typeof e.detail === 'string' ? e.detail : '',
        }
    }
    // OAuth endpoint errors: {"error":"server_error","error_description":"access_denied"}
    if (typeof error === 'string') {
        const description = (data as { error_description?: unknown }).error_description
        return { message: error, detail: typeof description === 'string' ? description : '' }
    }
    return { message: '', detail: '' }
}

/** The claim guard's refusal texts (shared/src/claim-guard.ts), surfaced by the business rule abort. */
const CLAIM_REFUSED = /\b(Claim|Write) refused\b/
/** ACL refusal text of the Table API. */
const ACL_EXCEPTION = /ACL Exception/i

/** Context of a response to map. */
export interface ResponseContext {
    method: string
    path: string
    /** Table the call addressed, to name it in operator messages. */
    table?: string
    /** Reference time of a `Retry-After` date. */
    now?: Date
}

/** Map an HTTP error response (status >= 400, or an unexpected status) to a {@link ServiceNowError}. */
export function mapHttpError(
    status: number,
    headers: Record<string, unknown>,
    body: unknown,
    ctx: ResponseContext & { now: Date },
): ServiceNowError {
    const { message, detail } = parseErrorEnvelope(body)
    const where = `${ctx.method} ${ctx.path}`
    const snText = [message, detail].filter((s) => s !== '').join(': ') || 'no error detail'
    const base = { status, detail: detail || undefined, method: ctx.method, path: ctx.path }

    if (status === 408 || status === 429 || (status >= 500 && status <= 599)) {
        const retryAfter = parseRetryAfter(headerValue(headers, 'retry-after'), ctx.now)
        const retryAfterMs = retryAfter === undefined ? undefined : Math.min(retryAfter, MAX_RETRY_AFTER_MS)
        return new ServiceNowError('retryable', `ServiceNow ${status} on ${where} (${snText})`, {
            ...base,
            retryAfterMs,
        })
    }
    if (status === 401) {
        return new ServiceNowError('unauthorized', `ServiceNow 401 on ${where} (${snText})`, base)
    }
    if (status === 404) {
        return new ServiceNowError(
            'not_found',
            `ServiceNow 404 on ${where}: record missing or hidden by a row ACL (${snText})`,
            base,
        )
    }
    if (status === 403) {
        if (CLAIM_REFUSED.test(detail) || CLAIM_REFUSED.test(message)) {
            const reason = CLAIM_REFUSED.test(detail) ? detail : message
            return new ServiceNowError('lost_claim', `Lost the claim on ${where}: ${reason}`, base)
        }
        if (ACL_EXCEPTION.test(detail) || ACL_EXCEPTION.test(message)) {
            const table = ctx.table ? `table ${ctx.table}` : 'the addressed table'
            return new ServiceNowError(
                'fatal',
                `ServiceNow refused ${where} with an ACL exception: the integration user lacks a ` +
                    `${aclOperation(ctx.method)} ACL on ${table} (or on one of the fields sent). Give it the role ` +
                    `x_gbg_breakglass.executor and check the app's field-level ACLs match EXECUTOR_WRITABLE ` +
                    `(${snText})`,
                base,
            )
        }
        return new ServiceNowError('fatal', `ServiceNow 403 on ${where}: operation aborted (${snText})`, base)
    }
    if (status >= 400 && status <= 499) {
        return new ServiceNowError('fatal', `ServiceNow ${status} on ${where} (${snText})`, base)
    }
    return new ServiceNowError('fatal', `Unexpected ServiceNow status ${status} on ${where} (${snText})`, base)
}

function aclOperation(method: string): string {
    switch (method.toUpperCase()) {
        case 'POST':
            return 'create'
        case 'PATCH':
        case 'PUT':
            return 'write'
        case 'DELETE':
            return 'delete'
        default:
            return 'read'
    }
}

function headerValue(headers: Record<string, unknown>, name: string): unknown {
    if (typeof (headers as { get?: unknown }).get === 'function') {
        const v = (headers as { get(n: string): unknown }).get(name)
        if (v !== undefined && v !== null) return v
    }
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v
    return undefined
}

/**
 * Map a failure that produced no HTTP response (network error, timeout) or any other thrown value. Whether the
 * request was sent is {@link classifyTransportError}'s answer; `write` tells whether a sent request may have
 * changed the record (for {@link ServiceNowErrorDetails.unknownOutcome}).
 *
 * | Failure                                              | kind                                         |
 * |------------------------------------------------------|----------------------------------------------|
 * | refused, network unreachable (not sent)              | retryable                                    |
 * | timeout, connection reset / hang-up                  | retryable (unknownOutcome on a write)        |
 * | aborted                                              | retryable (unknownOutcome on a write)        |
 * | host name not found, TLS, invalid URL, anything else | fatal (a deployment error: loud, not retried) |
 */
export function mapTransportError(error: unknown, ctx: ResponseContext & { write: boolean }): ServiceNowError {
    if (error instanceof ServiceNowError) return error
    const failure = classifyTransportError(error)
    const { code, message: text } = failure
    const where = `${ctx.method} ${ctx.path}`
    const details = { method: ctx.method, path: ctx.path, code, cause: error }
    switch (failure.reason) {
        case 'refused':
        case 'unreachable':
        case 'timeout':
        case 'reset': {
            const unknownOutcome = ctx.write && failure.delivery === 'outcome_unknown'
            return new ServiceNowError(
                'retryable',
                `ServiceNow unreachable on ${where}: ${text}` +
                    (unknownOutcome ? ' (the write may have been applied)' : ''),
                { ...details, unknownOutcome },
            )
        }
        case 'aborted':
            return new ServiceNowError('retryable', `ServiceNow call ${where} aborted`, {
                ...details,
                unknownOutcome: ctx.write,
            })
        default:
            return new ServiceNowError('fatal', `ServiceNow call ${where} failed unexpectedly: ${text}`, details)
    }
}
