/**
 * THE transport-error layer of the executor's HTTP clients (ServiceNow, Microsoft Graph, the webhook provider,
 * the Teams notifier). It answers, once, the questions that do not depend on which system was called:
 *
 * - {@link classifyTransportError}: what a failed exchange says about the request — never sent (refused, DNS,
 *   TLS…), sent with the outcome unknown (timeout, connection dropped after the write), or answered with a
 *   status (only when a caller lets axios throw on statuses; the clients here judge every status themselves).
 * - {@link parseRetryAfter}: a `Retry-After` header (delta-seconds or HTTP date, relative to an injected `now`)
 *   in milliseconds.
 * - {@link errorText}: the text of any thrown value.
 *
 * Each client keeps only its own table on top of this: which status and which {@link TransportFailure} become
 * which error kind of that system.
 *
 * | Delivery          | Reason        | Codes                                                                 |
 * |-------------------|---------------|-----------------------------------------------------------------------|
 * | `not_sent`        | `refused`     | ECONNREFUSED                                                          |
 * |                   | `unresolved`  | ENOTFOUND (the host name does not exist)                              |
 * |                   | `unreachable` | EAI_AGAIN, EHOSTUNREACH, ENETUNREACH, ENETDOWN, ERR_SOCKET_CONNECTION_TIMEOUT |
 * |                   | `invalid_url` | ERR_INVALID_URL                                                       |
 * |                   | `tls`         | any code naming a certificate or TLS failure (the handshake failed)   |
 * | `outcome_unknown` | `timeout`     | ECONNABORTED (axios), ETIMEDOUT, ESOCKETTIMEDOUT; no code and "timeout" in the message |
 * |                   | `reset`       | ECONNRESET, EPIPE, UND_ERR_SOCKET; no code and "socket hang up" in the message |
 * |                   | `aborted`     | ERR_CANCELED (an AbortSignal fired)                                   |
 * |                   | `unknown`     | anything else: nothing proves the request was not sent                |
 * | `answered`        | `status`      | an axios error carrying a response                                    |
 *
 * A reset on a reused keep-alive socket may happen before or after the request was written: it counts as
 * possibly sent, the safe side.
 */
import axios from 'axios'

/** Why a request never left this host (retrying cannot apply it twice). */
export type NotSentReason = 'refused' | 'unresolved' | 'unreachable' | 'invalid_url' | 'tls'

/** Why a request that may have reached the server got no answer. */
export type OutcomeUnknownReason = 'timeout' | 'reset' | 'aborted' | 'unknown'

/** What a failed exchange says about the request (see the module comment). */
export type TransportFailure =
    | { delivery: 'not_sent'; reason: NotSentReason; code: string | undefined; message: string }
    | { delivery: 'outcome_unknown'; reason: OutcomeUnknownReason; code: string | undefined; message: string }
    | { delivery: 'answered'; reason: 'status'; status: number; code: string | undefined; message: string }

const NOT_SENT: Record<string, NotSentReason> = {
    ECONNREFUSED: 'refused',
    ENOTFOUND: 'unresolved',
    EAI_AGAIN: 'unreachable', // the DNS server did not answer (temporary)
    EHOSTUNREACH: 'unreachable',
    ENETUNREACH: 'unreachable',
    ENETDOWN: 'unreachable',
    ERR_SOCKET_CONNECTION_TIMEOUT: 'unreachable', // connect phase (autoSelectFamily)
    ERR_INVALID_URL: 'invalid_url',
}

const OUTCOME_UNKNOWN: Record<string, OutcomeUnknownReason> = {
    ECONNABORTED: 'timeout', // axios: timeout exceeded, or the request aborted mid-way
    ETIMEDOUT: 'timeout',
    ESOCKETTIMEDOUT: 'timeout',
    ECONNRESET: 'reset',
    EPIPE: 'reset',
    UND_ERR_SOCKET: 'reset',
    ERR_CANCELED: 'aborted',
}

/** Certificate and TLS failure codes (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_…). */
const TLS_CODE = /CERT|SELF_SIGNED|TLS/

/**
 * Classifies a value thrown by an HTTP call (axios, Node's net / tls / undici errors, or anything else). Never
 * throws. `code` is the error's own code (ERR_CANCELED for an axios cancellation), `message` its text.
 */
export function classifyTransportError(error: unknown): TransportFailure {
    const err = (typeof error === 'object' && error !== null ? error : {}) as {
        code?: unknown
        response?: { status?: unknown }
    }
    const code = axios.isCancel(error) ? 'ERR_CANCELED' : typeof err.code === 'string' ? err.code : undefined
    const message = errorText(error)
    if (typeof err.response?.status === 'number') {
        return { delivery: 'answered', reason: 'status', status: err.response.status, code, message }
    }
    if (code !== undefined) {
        const notSent = Object.hasOwn(NOT_SENT, code) ? NOT_SENT[code] : TLS_CODE.test(code) ? 'tls' : undefined
        if (notSent) return { delivery: 'not_sent', reason: notSent, code, message }
        if (Object.hasOwn(OUTCOME_UNKNOWN, code)) {
            return { delivery: 'outcome_unknown', reason: OUTCOME_UNKNOWN[code]!, code, message }
        }
    }
    // No telling code: Node's own texts still tell a dropped connection or a timeout apart.
    const reason = /socket hang up|ECONNRESET|EPIPE/i.test(message)
        ? 'reset'
        : /timeout/i.test(message)
          ? 'timeout'
          : 'unknown'
    return { delivery: 'outcome_unknown', reason, code, message }
}

/**
 * `Retry-After` in milliseconds: delta-seconds (a fraction is rounded up) or an HTTP date, relative to `now`
 * (a date in the past gives 0). Accepts a header value as axios hands it (string, number or array; the first
 * element counts). Undefined when absent or unparsable. Not capped: each caller bounds its own schedule.
 */
export function parseRetryAfter(value: unknown, now: Date): number | undefined {
    if (Array.isArray(value)) value = value[0]
    if (typeof value === 'number') value = String(value)
    if (typeof value !== 'string') return undefined
    const text = value.trim()
    if (text === '') return undefined
    if (/^\d+(?:\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000)
    const at = Date.parse(text)
    return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime())
}

/** The text of any thrown value (an Error's message), cut to `maxChars` when given. */
export function errorText(error: unknown, maxChars?: number): string {
    const text = error instanceof Error ? error.message : String(error)
    return maxChars === undefined ? text : text.slice(0, maxChars)
}
