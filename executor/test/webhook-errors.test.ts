/**
 * The webhook provider's single error mapping, case by case (pure functions, no network).
 */
import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mapHttpError, mapTransportError } from '../src/providers/webhook/errors'
import { signRequest, signingString } from '../src/providers/webhook/signature'

const NOW = new Date('2030-01-01T08:00:00Z')
const body = (code: string) => JSON.stringify({ error: { code, message: `${code} message` } })

describe('mapHttpError', () => {
    it.each([
        [408, 'retryable'],
        [429, 'retryable'],
        [500, 'retryable'],
        [502, 'retryable'],
        [503, 'retryable'],
        [504, 'retryable'],
        [400, 'fatal'],
        [401, 'fatal'],
        [403, 'fatal'],
        [404, 'fatal'],
        [409, 'fatal'],
        [410, 'fatal'],
        [418, 'fatal'],
        [422, 'fatal'],
        [302, 'fatal'],
    ] as const)('maps HTTP %i on grant to %s', (status, kind) => {
        // execution
        const err = mapHttpError('grant', status, undefined, body('some_code'), NOW)
        // validation
        expect(err.kind).toBe(kind)
    })

    it('keeps the service error code and message for the ticket', () => {
        const err = mapHttpError('grant', 403, undefined, body('principal_not_allowed'), NOW)
        expect(err.code).toBe('principal_not_allowed')
        expect(err.message).toContain('principal_not_allowed message')
        expect(err.details).toEqual({ status: 403 })
    })

    it('explains a 409 conflict clearly', () => {
        const err = mapHttpError('grant', 409, undefined, body('grant_conflict'), NOW)
        expect(err.kind).toBe('fatal')
        expect(err.message).toMatch(/already holds an active grant on this target from another request/)
    })

    it('explains a 401 as a secret or clock problem', () => {
        const err = mapHttpError('verify', 401, undefined, body('signature_expired'), NOW)
        expect(err.message).toMatch(/shared secret and this host's clock/)
    })

    it('calls an unknown status "not understood"', () => {
        const err = mapHttpError('grant', 302, undefined, '', NOW)
        expect(err.kind).toBe('fatal')
        expect(err.message).toMatch(/provider answer not understood/)
    })

    it('honours Retry-After in seconds and as an HTTP date', () => {
        // execution
        const seconds = mapHttpError('grant', 429, '12', body('rate_limited'), NOW)
        const date = mapHttpError('grant', 503, new Date(NOW.getTime() + 90_000).toUTCString(), '', NOW)
        const none = mapHttpError('grant', 500, undefined, 'oops', NOW)
        // validation
        expect(seconds.retryAfterMs).toBe(12_000)
        expect(date.retryAfterMs).toBe(90_000)
        expect(none.retryAfterMs).toBeUndefined()
        expect(none.code).toBe('http_500')
    })
})

describe('Retry-After', () => {
    it('ignores garbage and clamps past dates to zero', () => {
        const retryAfterMs = (value?: string) => mapHttpError('grant', 503, value, '', NOW).retryAfterMs
        expect(retryAfterMs('soon')).toBeUndefined()
        expect(retryAfterMs(undefined)).toBeUndefined()
        expect(retryAfterMs(new Date(NOW.getTime() - 5000).toUTCString())).toBe(0)
    })
})

describe('mapTransportError', () => {
    it.each([
        ['ECONNABORTED', 'grant', 'unknown_outcome'],
        ['ETIMEDOUT', 'grant', 'unknown_outcome'],
        ['ECONNRESET', 'grant', 'unknown_outcome'],
        ['EPIPE', 'revoke', 'unknown_outcome'],
        ['ERR_CANCELED', 'revoke', 'unknown_outcome'],
        ['ECONNREFUSED', 'grant', 'retryable'],
        ['ENOTFOUND', 'revoke', 'retryable'],
        ['ECONNABORTED', 'verify', 'retryable'],
        ['ECONNRESET', 'lookup', 'retryable'],
        ['ECONNRESET', 'health', 'retryable'],
        [undefined, 'grant', 'unknown_outcome'],
    ] as const)('maps %s on %s to %s', (code, op, kind) => {
        // execution
        const err = mapTransportError(code ? { code, message: 'x' } : new Error('boom'), op)
        // validation
        expect(err.kind).toBe(kind)
    })
})

describe('signature', () => {
    it('signs "<t>.<METHOD>.<path>.<sha256 of body>" with HMAC-SHA256', () => {
        // setup: an independent computation of the same value
        const secret = 'x'.repeat(32)
        const payload = '{"a":1}'
        const expectedString = `1893484800.POST./api/grants.${createHash('sha256').update(payload).digest('hex')}`
        const expected = createHmac('sha256', secret).update(expectedString).digest('hex')
        // execution
        const header = signRequest(secret, NOW, 'post', '/api/grants', payload)
        // validation
        expect(signingString(1893484800, 'post', '/api/grants', payload)).toBe(expectedString)
        expect(header).toBe(`t=1893484800,v1=${expected}`)
    })
})
