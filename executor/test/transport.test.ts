/**
 * The shared transport-error layer (pure functions, no network): "was the request sent?", Retry-After and the
 * text of a thrown value, as every HTTP client of the executor reads them.
 */
import { AxiosError, CanceledError } from 'axios'
import { describe, expect, it } from 'vitest'
import { classifyTransportError, errorText, parseRetryAfter } from '../src/transport'

const failed = (code: string, message = `failed with ${code}`) => Object.assign(new Error(message), { code })

describe('classifyTransportError', () => {
    it.each([
        ['ECONNREFUSED', 'not_sent', 'refused'],
        ['ENOTFOUND', 'not_sent', 'unresolved'],
        ['EAI_AGAIN', 'not_sent', 'unreachable'],
        ['EHOSTUNREACH', 'not_sent', 'unreachable'],
        ['ENETUNREACH', 'not_sent', 'unreachable'],
        ['ENETDOWN', 'not_sent', 'unreachable'],
        ['ERR_SOCKET_CONNECTION_TIMEOUT', 'not_sent', 'unreachable'],
        ['ERR_INVALID_URL', 'not_sent', 'invalid_url'],
        ['DEPTH_ZERO_SELF_SIGNED_CERT', 'not_sent', 'tls'],
        ['CERT_HAS_EXPIRED', 'not_sent', 'tls'],
        ['ERR_TLS_CERT_ALTNAME_INVALID', 'not_sent', 'tls'],
        ['ECONNABORTED', 'outcome_unknown', 'timeout'],
        ['ETIMEDOUT', 'outcome_unknown', 'timeout'],
        ['ESOCKETTIMEDOUT', 'outcome_unknown', 'timeout'],
        ['ECONNRESET', 'outcome_unknown', 'reset'],
        ['EPIPE', 'outcome_unknown', 'reset'],
        ['UND_ERR_SOCKET', 'outcome_unknown', 'reset'],
        ['ERR_CANCELED', 'outcome_unknown', 'aborted'],
        ['ERR_SOMETHING_NEW', 'outcome_unknown', 'unknown'],
    ] as const)('%s → %s (%s)', (code, delivery, reason) => {
        // execution
        const failure = classifyTransportError(failed(code))
        // validation
        expect(failure).toMatchObject({ delivery, reason, code, message: `failed with ${code}` })
    })

    it('reads Node texts when there is no code: a hang-up is a reset, a timeout a timeout', () => {
        expect(classifyTransportError(new Error('socket hang up'))).toMatchObject({ reason: 'reset', code: undefined })
        expect(classifyTransportError(new Error('timeout of 100ms exceeded')).reason).toBe('timeout')
        expect(classifyTransportError(new Error('boom'))).toMatchObject({
            delivery: 'outcome_unknown',
            reason: 'unknown',
        })
    })

    it('classifies axios cancellations, answers and thrown non-errors', () => {
        // setup
        const response = { status: 503, statusText: 'Service Unavailable', headers: {}, data: '' }
        const answered = new AxiosError(
            'Request failed with status code 503',
            'ERR_BAD_RESPONSE',
            undefined,
            {},
            {
                ...response,
                config: {} as never,
            },
        )
        // execution + validation
        expect(classifyTransportError(new CanceledError())).toMatchObject({
            delivery: 'outcome_unknown',
            reason: 'aborted',
            code: 'ERR_CANCELED',
        })
        expect(classifyTransportError(answered)).toMatchObject({ delivery: 'answered', status: 503 })
        expect(classifyTransportError('weird')).toMatchObject({
            delivery: 'outcome_unknown',
            reason: 'unknown',
            message: 'weird',
        })
        expect(classifyTransportError(null)).toMatchObject({ reason: 'unknown', code: undefined, message: 'null' })
    })
})

describe('parseRetryAfter', () => {
    const now = new Date('2025-01-01T00:00:00Z')

    it('reads delta-seconds and HTTP dates relative to now', () => {
        expect(parseRetryAfter('0', now)).toBe(0)
        expect(parseRetryAfter('3', now)).toBe(3000)
        expect(parseRetryAfter(' 15 ', now)).toBe(15000)
        expect(parseRetryAfter('1.5', now)).toBe(1500)
        expect(parseRetryAfter('999999999', now)).toBe(999_999_999_000)
        expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60000)
        expect(parseRetryAfter(7, now)).toBe(7000)
        expect(parseRetryAfter(['5'], now)).toBe(5000)
    })

    it('ignores garbage and clamps past dates to zero', () => {
        expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0)
        expect(parseRetryAfter(new Date(now.getTime() - 5000).toUTCString(), now)).toBe(0)
        expect(parseRetryAfter('soon', now)).toBeUndefined()
        expect(parseRetryAfter('', now)).toBeUndefined()
        expect(parseRetryAfter(undefined, now)).toBeUndefined()
        expect(parseRetryAfter(null, now)).toBeUndefined()
    })
})

describe('errorText', () => {
    it("is an Error's message, or the value as text, cut when asked", () => {
        expect(errorText(new Error('boom'))).toBe('boom')
        expect(errorText('plain')).toBe('plain')
        expect(errorText(42)).toBe('42')
        expect(errorText(new Error('x'.repeat(400)), 300)).toHaveLength(300)
    })
})
