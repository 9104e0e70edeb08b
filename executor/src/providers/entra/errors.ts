/**
 * THE error mapping of the Graph client: every Graph / token failure becomes a {@link ProviderError} here and
 * nowhere else. `code` keeps Graph's own error code (for the ticket and for the providers' reconciliation of
 * `RoleAssignmentExists` & co.); `details` keep status, Graph's message and request id — never a token.
 *
 * | Graph answer                                        | kind            |
 * |-----------------------------------------------------|-----------------|
 * | 408, 429 (+Retry-After), 5xx                        | retryable       |
 * | `ActiveDurationTooShort`                            | retryable (5 min; providers refine from the start time) |
 * | `PendingRoleAssignmentRequest`                      | halted          |
 * | policy rules (`ExpirationRule`, …)                  | fatal, rule named |
 * | 401 after one token refresh, 403, 404, other 4xx    | fatal           |
 * | timeout / reset after a write was sent              | unknown_outcome |
 * | timeout / reset on a read, connection refused, DNS  | retryable       |
 * | TLS failure                                         | fatal           |
 *
 * Whether a failed request was sent at all is the shared transport layer's answer (transport.ts).
 */
import { classifyTransportError, parseRetryAfter } from '../../transport'
import { ProviderError } from '../types'

/** Graph's OData error body. */
export interface GraphErrorBody {
    error?: { code?: string; message?: string; innerError?: Record<string, unknown> }
}

/** Codes that mean "already there" / "already gone": the providers reconcile them by reading state. */
export const GRAPH_CODES = {
    assignmentExists: 'RoleAssignmentExists',
    assignmentDoesNotExist: 'RoleAssignmentDoesNotExist',
    activeDurationTooShort: 'ActiveDurationTooShort',
    policyFailed: 'RoleAssignmentRequestPolicyValidationFailed',
    pendingRequest: 'PendingRoleAssignmentRequest',
    badRequest: 'Request_BadRequest',
    notFound: 'Request_ResourceNotFound',
    throttled: 'TooManyRequests',
} as const

/** Entra's rule: an assignment may not be removed within 5 minutes of activation. */
export const MIN_ACTIVE_MS = 5 * 60_000
/** Used when a 429 / 503 carries no usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 30_000

/** Policy rule names quoted in a `RoleAssignmentRequestPolicyValidationFailed` message. */
export function policyRules(message: string): string[] {
    return [...new Set(message.match(/[A-Za-z]+Rule\b/g) ?? [])]
}

/** Map an HTTP answer from Graph to a ProviderError. */
export function mapGraphResponse(args: {
    method: string
    path: string
    status: number
    body: unknown
    retryAfter?: unknown
    now: Date
}): ProviderError {
    const { method, path, status, now } = args
    const err = (args.body as GraphErrorBody | undefined)?.error
    const code = err?.code ?? `HTTP_${status}`
    const graphMessage = err?.message ?? ''
    const details = {
        status,
        method,
        path,
        graphMessage,
        requestId: err?.innerError?.['request-id'],
    }
    const what = `Graph ${method} ${path} → ${status} ${code}${graphMessage ? `: ${graphMessage}` : ''}`
    const retryAfterMs = parseRetryAfter(args.retryAfter, now)
    if (status === 429 || status === 408 || status >= 500) {
        return new ProviderError('retryable', what, code, retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, details)
    }
    if (code === GRAPH_CODES.activeDurationTooShort) {
        return new ProviderError('retryable', what, code, MIN_ACTIVE_MS, details)
    }
    if (code === GRAPH_CODES.pendingRequest) {
        return new ProviderError(
            'halted',
            `${what} (a request is awaiting a decision in Entra PIM)`,
            code,
            undefined,
            details,
        )
    }
    if (code === GRAPH_CODES.policyFailed) {
        const rules = policyRules(graphMessage)
        return new ProviderError(
            'fatal',
            `Entra policy rejected the request: ${rules.length ? rules.join(', ') : graphMessage} (${what})`,
            code,
            undefined,
            { ...details, rules },
        )
    }
    if (status === 401) {
        return new ProviderError(
            'fatal',
            `${what} (token refused after a refresh: check the app credentials)`,
            code,
            undefined,
            details,
        )
    }
    if (status === 403) {
        return new ProviderError(
            'fatal',
            `${what} (the app registration lacks a Graph permission)`,
            code,
            undefined,
            details,
        )
    }
    return new ProviderError('fatal', what, code, undefined, details)
}

/**
 * Map a transport failure (no HTTP answer) to a ProviderError. Whether the request was sent is
 * {@link classifyTransportError}'s answer: a TLS failure is fatal (a trust problem retrying cannot fix), any
 * other failure before sending retries, and a sent write whose answer was lost is `unknown_outcome`.
 */
export function mapTransportError(method: string, path: string, error: unknown): ProviderError {
    const { delivery, reason, code, message } = classifyTransportError(error)
    const details = { method, path, transportCode: code }
    if (reason === 'tls') {
        return new ProviderError(
            'fatal',
            `Graph ${method} ${path}: TLS failure ${code} (${message})`,
            code,
            undefined,
            details,
        )
    }
    if (delivery === 'not_sent') {
        return new ProviderError(
            'retryable',
            `Graph ${method} ${path}: not reachable (${code})`,
            code,
            undefined,
            details,
        )
    }
    if (method === 'GET') {
        return new ProviderError(
            'retryable',
            `Graph ${method} ${path}: ${code ?? 'transport error'} (${message})`,
            code,
            undefined,
            details,
        )
    }
    return new ProviderError(
        'unknown_outcome',
        `Graph ${method} ${path}: no answer after the request was sent (${code ?? message}); the change may or may not have been applied`,
        code,
        undefined,
        details,
    )
}

/** Map an MSAL (token endpoint) failure. Credential problems are fatal; outages retry. */
export function mapTokenError(err: unknown): ProviderError {
    const e = err as { errorCode?: string; errorMessage?: string; message?: string; name?: string }
    const code = e?.errorCode ?? e?.name ?? 'token_error'
    // Keep only the AADSTS line: MSAL messages can quote request parameters.
    const aadsts = /AADSTS\d+[^\r\n]*/.exec(e?.errorMessage ?? e?.message ?? '')?.[0] ?? code
    const fatal = [
        'invalid_client',
        'unauthorized_client',
        'invalid_scope',
        'invalid_request',
        'unsupported_grant_type',
        'invalid_grant',
    ]
    if (fatal.includes(code) || e?.name === 'ClientConfigurationError') {
        return new ProviderError('fatal', `Entra token request refused: ${aadsts}`, code)
    }
    return new ProviderError('retryable', `Entra token request failed: ${aadsts}`, code, DEFAULT_RETRY_AFTER_MS)
}
