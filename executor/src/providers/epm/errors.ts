/**
 * THE error table of the `epm` provider (BeyondTrust EPM-WM Management API, `shared/contracts/beyondtrust-epm.md`):
 * every transport failure, every non-success HTTP answer and every refusal EPM expresses in a body becomes one
 * {@link ProviderError} here, and nowhere else. Messages are written for the person reading the ticket.
 *
 * | What happened                                                        | Kind              | code                    |
 * |----------------------------------------------------------------------|-------------------|-------------------------|
 * | nothing sent (refused, DNS, TLS)                                     | `retryable`       | transport code          |
 * | timeout / reset after a create or decision was sent                  | `unknown_outcome` | transport code          |
 * | same on a read (GET) or the token request                            | `retryable`       | transport code          |
 * | 429 (Retry-After → retryAfterMs), 408, 5xx (500 is EPM's only documented error) | `retryable` | `http_<status>` |
 * | token endpoint 400 / 401 (client id or secret refused)               | `fatal`           | `token_refused`         |
 * | 401 again after one fresh token (secret regenerated, account removed)| `fatal`           | `unauthorized`          |
 * | 403 (area not granted Full Access: JIT, Management or Reporting)     | `fatal`           | `forbidden`             |
 * | 404 on create / list / computers                                     | `fatal`           | `not_found`             |
 * | 404 / `[]` on get one, 404 on decide                                 | not an error: the request is absent (provider.ts) |
 * | 409 on create, or a create refused because the user has an open request | `fatal`        | `one_open_request`      |
 * | 409 on decide (decision already made)                                | not an error: read back (provider.ts)             |
 * | "JIT requests are disabled" (born Denied, or 400 with that message)  | `fatal`           | `jit_disabled`          |
 * | any other 4xx (400 bad uuid / decision / duration…)                  | `fatal`           | `http_<status>`         |
 * | computer: none / several / not Authorised / not connected recently   | `fatal`           | `computer_*`            |
 * | 2xx body that matches nothing we know, 1xx / 3xx                     | `fatal`           | `answer_not_understood` |
 * | revoke of a request already Denied / expired                          | not an error: already absent, with evidence       |
 *
 * A 500 on create does not prove nothing was created; retrying is safe because every create is preceded by the
 * lookup of an open request carrying the same idempotency key (provider.ts).
 */
import { classifyTransportError, parseRetryAfter } from '../../transport'
import { ProviderError } from '../types'

/** Operations of the EPM provider, as used in errors, metrics and logs. */
export type EpmOperation =
    'token' | 'computers' | 'create' | 'decide' | 'get' | 'list' | 'events' | 'health' | 'grant' | 'revoke' | 'verify'

/** Operations whose request changes state at EPM: a lost answer leaves the outcome unknown. */
const MUTATING: ReadonlySet<EpmOperation> = new Set<EpmOperation>(['create', 'decide'])

/** Text EPM uses when JIT Admin is switched off (vendor page quoted in seeds/003: "Just-in-time requests are disabled"). */
export const JIT_DISABLED_PATTERN = /(just[- ]in[- ]time|\bJIT\b)[^.]{0,40}\bdisabled\b/i
/** Text of a refusal because the user already has an open request. */
export const OPEN_REQUEST_PATTERN =
    /\b(one|an?|already)\b[^.]{0,40}\bopen\b[^.]{0,30}\brequest|\bone\b[^.]{0,20}\brequests?\b[^.]{0,10}\bopen\b/i

/**
 * The human part of an error body: ASP.NET ProblemDetails (`title`, `detail`, `errors`), an OAuth error
 * (`error`, `error_description`), a `{message}` object, a JSON string or plain text. Cut to 300 characters and
 * never containing a header or token (bodies are EPM's, not ours).
 */
export function errorBodyText(text: string): string {
    const trimmed = text.trim()
    if (trimmed === '') return ''
    try {
        const parsed: unknown = JSON.parse(trimmed)
        if (typeof parsed === 'string') return parsed.slice(0, 300)
        if (parsed && typeof parsed === 'object') {
            const o = parsed as Record<string, unknown>
            const parts: string[] = []
            for (const key of ['title', 'detail', 'message', 'Message', 'error', 'error_description']) {
                if (typeof o[key] === 'string' && o[key] !== '') parts.push(o[key] as string)
            }
            if (o.errors && typeof o.errors === 'object') {
                for (const [field, list] of Object.entries(o.errors as Record<string, unknown>)) {
                    if (Array.isArray(list))
                        parts.push(`${field}: ${list.filter((x) => typeof x === 'string').join(' ')}`)
                }
            }
            if (parts.length > 0) return parts.join(' — ').slice(0, 300)
        }
    } catch {
        // plain text
    }
    return trimmed.replace(/\s+/g, ' ').slice(0, 300)
}

/** Maps a failure where no HTTP answer arrived. */
export function mapTransportError(err: unknown, op: EpmOperation): ProviderError {
    const failure = classifyTransportError(err)
    const code = failure.code ?? 'UNKNOWN'
    if (failure.delivery === 'not_sent') {
        return new ProviderError('retryable', `epm ${op}: ${failure.reason}; the request was not sent`, code)
    }
    if (MUTATING.has(op)) {
        return new ProviderError(
            'unknown_outcome',
            `epm ${op}: ${failure.reason} after the request was sent; the outcome is unknown`,
            code,
        )
    }
    return new ProviderError('retryable', `epm ${op}: ${failure.reason}`, code)
}

/** Maps a non-success answer of the token endpoint. */
export function mapTokenError(status: number, bodyText: string, retryAfter: unknown, now: Date): ProviderError {
    const detail = errorBodyText(bodyText) || `HTTP ${status}`
    if (status === 408 || status === 429 || status >= 500) {
        return new ProviderError(
            'retryable',
            `epm token: transient failure (${detail})`,
            `http_${status}`,
            parseRetryAfter(retryAfter, now),
            { status },
        )
    }
    return new ProviderError(
        'fatal',
        `epm token: the token endpoint refused the client credentials (${detail}); check GBG_EPM_CLIENT_ID and ` +
            'GBG_EPM_CLIENT_SECRET (a regenerated secret invalidates the old one)',
        'token_refused',
        undefined,
        { status },
    )
}

/**
 * Maps a non-success answer of the Management API. `provider.ts` handles the answers that are not errors for an
 * operation (404 / `[]` on get one, 404 and 409 on decide) before calling this. A 401 here is the second one:
 * the client has already fetched one fresh token and retried.
 */
export function mapHttpError(
    op: EpmOperation,
    status: number,
    bodyText: string,
    retryAfter: unknown,
    now: Date,
): ProviderError {
    const body = errorBodyText(bodyText)
    const detail = body || `HTTP ${status}`
    const details = { status }
    if (status === 408 || status === 429 || status >= 500) {
        return new ProviderError(
            'retryable',
            `epm ${op}: transient failure (${detail})`,
            `http_${status}`,
            parseRetryAfter(retryAfter, now),
            details,
        )
    }
    if (JIT_DISABLED_PATTERN.test(body)) return jitDisabled(op, body, details)
    if (status === 409 || (op === 'create' && OPEN_REQUEST_PATTERN.test(body))) {
        return oneOpenRequest(op, detail, details)
    }
    switch (status) {
        case 401:
            return new ProviderError(
                'fatal',
                `epm ${op}: EPM refused a freshly issued token (${detail}); the API account's secret was ` +
                    'regenerated or the account lost its rights — update GBG_EPM_CLIENT_SECRET or the account',
                'unauthorized',
                undefined,
                details,
            )
        case 403:
            return new ProviderError(
                'fatal',
                `epm ${op}: the API account lacks ${AREA[op]} (${detail}); give it Full Access to that area`,
                'forbidden',
                undefined,
                details,
            )
        case 404:
            return new ProviderError('fatal', `epm ${op}: not found (${detail})`, 'not_found', undefined, details)
        default:
            if (status >= 400 && status < 500) {
                return new ProviderError(
                    'fatal',
                    `epm ${op}: EPM refused the request as invalid (${detail})`,
                    `http_${status}`,
                    undefined,
                    details,
                )
            }
            return notUnderstood(op, `unexpected HTTP status ${status}`)
    }
}

/** Which API area a call needs (contract "Auth": JIT, Management, Reporting). */
const AREA: Record<EpmOperation, string> = {
    token: 'a valid client',
    computers: 'Read access to the Management area (/Computers)',
    create: 'Full Access to the JIT area (/AdminAccessRequest)',
    decide: 'Full Access to the JIT area (/AdminAccessRequest)',
    get: 'Read access to the JIT area (/AdminAccessRequest)',
    list: 'Read access to the JIT area (/AdminAccessRequest)',
    events: 'Read access to the Reporting area (/Events)',
    health: 'Read access to the Management area (/Computers)',
    grant: 'Full Access to the JIT area',
    revoke: 'Full Access to the JIT area',
    verify: 'Read access to the JIT area',
}

/** EPM declined because JIT Admin is switched off in its configuration. */
export function jitDisabled(op: EpmOperation, message: string, details?: Record<string, unknown>): ProviderError {
    return new ProviderError(
        'fatal',
        `epm ${op}: EPM declined the request because Just-in-time Admin access is disabled in its configuration ` +
            `("${message.slice(0, 200)}"); an EPM administrator must enable it (Configuration → JIT Configuration → Admin Access)`,
        'jit_disabled',
        undefined,
        details,
    )
}

/** EPM allows one open request per user: another one is open. */
export function oneOpenRequest(op: EpmOperation, detail: string, details?: Record<string, unknown>): ProviderError {
    return new ProviderError(
        'fatal',
        `epm ${op}: the user already has an open JIT Admin request in EPM (${detail}); EPM allows one open request ` +
            'per user — it must end or be denied first',
        'one_open_request',
        undefined,
        details,
    )
}

/** EPM declined the request with a message (born Denied for another reason). */
export function declined(op: EpmOperation, message: string, details?: Record<string, unknown>): ProviderError {
    if (JIT_DISABLED_PATTERN.test(message)) return jitDisabled(op, message, details)
    if (OPEN_REQUEST_PATTERN.test(message)) return oneOpenRequest(op, message, details)
    return new ProviderError(
        'fatal',
        `epm ${op}: EPM declined the request (${message.slice(0, 200) || 'no message'})`,
        'declined',
        undefined,
        details,
    )
}

/** The computer named by the plan cannot take a JIT session: why, for the ticket. */
export function computerRefused(
    reason: 'computer_not_found' | 'computer_ambiguous' | 'computer_not_authorised' | 'computer_offline',
    message: string,
    details?: Record<string, unknown>,
): ProviderError {
    return new ProviderError('fatal', `epm grant: ${message}`, reason, undefined, details)
}

/** A 2xx (or 1xx / 3xx) answer that matches nothing the contract describes: loud and final. */
export function notUnderstood(op: EpmOperation, detail: string): ProviderError {
    return new ProviderError('fatal', `epm ${op}: EPM answer not understood (${detail})`, 'answer_not_understood')
}
