/**
 * THE error mapping of the webhook provider: every transport failure and every non-success HTTP answer of the
 * admin-as-a-service contract becomes one {@link ProviderError} kind here, and nowhere else.
 *
 * | What happened                                               | Kind               |
 * |-------------------------------------------------------------|--------------------|
 * | timeout / reset / dropped connection on a mutating request  | `unknown_outcome`  |
 * | same on a read (GET)                                        | `retryable`        |
 * | refused, DNS, TLS: nothing was sent (transport.ts)          | `retryable`        |
 * | 408, 429 (Retry-After → retryAfterMs), 5xx                  | `retryable`        |
 * | 409 grant_conflict                                          | `fatal` (clear msg)|
 * | 410 on revoke                                               | not an error: already absent (provider.ts) |
 * | 410 on extend                                               | `fatal` `access_ended` (provider.ts) |
 * | 404 on extend of a grant just read                          | `fatal` `extend_not_supported` (1.0.0 service) |
 * | 404 on revoke                                               | not an error: look up by key (provider.ts) |
 * | any other 4xx (400, 401, 403, 404 elsewhere, 422…)          | `fatal`            |
 * | 2xx whose body does not match the contract, 1xx/3xx         | `fatal` ("provider answer not understood") |
 *
 * A 5xx on `POST /grants` does not prove that nothing was granted, but retrying is safe: the retry carries the
 * same idempotency key and the service replays the original answer.
 */
import { z } from 'zod'
import { classifyTransportError, parseRetryAfter } from '../../transport'
import { ProviderError } from '../types'

/** Operations of the webhook provider, as used in errors, metrics and logs. */
export type WebhookOperation = 'grant' | 'revoke' | 'extend' | 'verify' | 'lookup' | 'health'

/** Operations whose request changes state at the service: a lost answer leaves the outcome unknown. */
const MUTATING: Record<WebhookOperation, boolean> = {
    grant: true,
    revoke: true,
    extend: true,
    verify: false,
    lookup: false,
    health: false,
}

const errorBodySchema = z.object({ error: z.object({ code: z.string().max(100), message: z.string() }) })

/** The contract's error body, when the answer has one. */
export function parseErrorBody(text: string): { code: string; message: string } | undefined {
    try {
        const parsed = errorBodySchema.safeParse(JSON.parse(text))
        if (parsed.success) return { code: parsed.data.error.code, message: parsed.data.error.message.slice(0, 300) }
    } catch {
        // not JSON: fall through
    }
    return undefined
}

/**
 * Maps a failure where no HTTP answer arrived (timeout, reset, refused, aborted). Whether the request was sent
 * is {@link classifyTransportError}'s answer; a request that may have been sent leaves a mutating operation's
 * outcome unknown.
 */
export function mapTransportError(err: unknown, op: WebhookOperation): ProviderError {
    const failure = classifyTransportError(err)
    const code = failure.code ?? 'UNKNOWN'
    const what = describeTransport(code)
    if (failure.delivery === 'not_sent') {
        return new ProviderError('retryable', `webhook ${op}: ${what}; the request was not sent`, code)
    }
    if (MUTATING[op]) {
        // The request may have been applied: the worker must read the state (verify by idempotency key) first.
        return new ProviderError(
            'unknown_outcome',
            `webhook ${op}: ${what} after the request was sent; the outcome is unknown`,
            code,
        )
    }
    return new ProviderError('retryable', `webhook ${op}: ${what}`, code)
}

function describeTransport(code: string): string {
    switch (code) {
        case 'ECONNABORTED':
        case 'ETIMEDOUT':
            return 'request timed out'
        case 'ECONNRESET':
        case 'EPIPE':
            return 'connection reset'
        case 'ERR_CANCELED':
            return 'request aborted'
        case 'ECONNREFUSED':
            return 'connection refused'
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return 'host name not resolved'
        default:
            return `transport failure (${code})`
    }
}

/**
 * Maps a non-success HTTP answer. `provider.ts` handles the statuses that are not errors for an operation
 * (410 / 404 on revoke, 404 on verify by id) before calling this.
 */
export function mapHttpError(
    op: WebhookOperation,
    status: number,
    retryAfter: string | undefined,
    bodyText: string,
    now: Date,
): ProviderError {
    const body = parseErrorBody(bodyText)
    const code = body?.code ?? `http_${status}`
    const detail = body ? `${body.code}: ${body.message}` : `HTTP ${status}`
    const details = { status }
    if (status === 408 || status === 429 || status >= 500) {
        return new ProviderError(
            'retryable',
            `webhook ${op}: transient failure (${detail})`,
            code,
            parseRetryAfter(retryAfter, now),
            details,
        )
    }
    switch (status) {
        case 400:
            return new ProviderError(
                'fatal',
                `webhook ${op}: the service refused the request as invalid (${detail})`,
                code,
                undefined,
                details,
            )
        case 401:
            return new ProviderError(
                'fatal',
                `webhook ${op}: signature refused (${detail}); check the shared secret and this host's clock`,
                code,
                undefined,
                details,
            )
        case 403:
            return new ProviderError(
                'fatal',
                `webhook ${op}: principal not allowed on this target (${detail})`,
                code,
                undefined,
                details,
            )
        case 409:
            return new ProviderError(
                'fatal',
                `webhook ${op}: the principal already holds an active grant on this target from another request ` +
                    `(${detail}); revoke or reconcile that grant first`,
                code,
                undefined,
                details,
            )
        case 422:
            return new ProviderError(
                'fatal',
                `webhook ${op}: the idempotency key was already used with a different request body (${detail}); ` +
                    'the plan sent under this key changed',
                code,
                undefined,
                details,
            )
        default:
            if (status >= 400 && status < 500) {
                return new ProviderError(
                    'fatal',
                    `webhook ${op}: request refused (${detail})`,
                    code,
                    undefined,
                    details,
                )
            }
            return notUnderstood(op, `unexpected HTTP status ${status}`)
    }
}

/** A 2xx (or 1xx / 3xx) answer the contract does not describe: loud and final, never retried blindly. */
export function notUnderstood(op: WebhookOperation, detail: string): ProviderError {
    return new ProviderError(
        'fatal',
        `webhook ${op}: provider answer not understood (${detail})`,
        'answer_not_understood',
    )
}
