import { describe, expect, it } from 'vitest'
import {
    ServiceNowError,
    mapHttpError,
    mapTransportError,
    parseErrorEnvelope,
    type ServiceNowErrorKind,
} from '../src/servicenow/errors'

const envelope = (message: string, detail: string | null) =>
    JSON.stringify({ error: { message, detail }, status: 'failure' })
const ctx = {
    method: 'PATCH',
    path: '/api/now/table/x_gbg_breakglass_action/0123',
    table: 'x_gbg_breakglass_action',
    now: new Date('2025-01-01T00:00:00Z'),
}

describe('mapHttpError', () => {
    const cases: [string, number, Record<string, string>, string, ServiceNowErrorKind, number | undefined][] = [
        [
            '401 no auth',
            401,
            {},
            envelope('User Not Authenticated', 'Required to provide Auth information'),
            'unauthorized',
            undefined,
        ],
        [
            '404 hidden',
            404,
            {},
            envelope('No Record found', "Record doesn't exist or ACL restricts the record retrieval"),
            'not_found',
            undefined,
        ],
        [
            '403 ACL',
            403,
            {},
            envelope('Operation Failed', 'ACL Exception Update Failed due to security constraints'),
            'fatal',
            undefined,
        ],
        [
            '403 claim refused',
            403,
            {},
            envelope('Operation Failed', 'Claim refused: action is leased by exec-2 until 2025-01-01T00:02:00.000Z.'),
            'lost_claim',
            undefined,
        ],
        [
            '403 write refused',
            403,
            {},
            envelope(
                'Operation Failed',
                'Write refused: exec-1 does not hold the lease on this action (holder: exec-2).',
            ),
            'lost_claim',
            undefined,
        ],
        [
            '403 claim text in message',
            403,
            {},
            envelope(
                'Claim refused: the action is already done.',
                "Operation against file 'x' was aborted by Business Rule",
            ),
            'lost_claim',
            undefined,
        ],
        [
            '403 data policy',
            403,
            {},
            envelope('Operation Failed', 'Data Policy Exception: Reason is mandatory'),
            'fatal',
            undefined,
        ],
        ['400 invalid table', 400, {}, envelope('Invalid table x_nope', null), 'fatal', undefined],
        ['405', 405, {}, envelope('Method not Supported', null), 'fatal', undefined],
        ['406', 406, {}, '', 'fatal', undefined],
        ['408', 408, {}, '', 'retryable', undefined],
        ['415', 415, {}, '', 'fatal', undefined],
        [
            '429 seconds',
            429,
            { 'Retry-After': '7' },
            envelope('Rate limit exceeded', 'Rate limit of 10 requests per hour for Table API exceeded'),
            'retryable',
            7000,
        ],
        ['429 date', 429, { 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, '', 'retryable', 30000],
        ['429 no header', 429, {}, '', 'retryable', undefined],
        ['500', 500, {}, '<html>oops</html>', 'retryable', undefined],
        ['502', 502, {}, '', 'retryable', undefined],
        ['503 retry-after', 503, { 'Retry-After': '120' }, '', 'retryable', 120000],
        ['302 unexpected', 302, {}, '', 'fatal', undefined],
    ]
    for (const [name, status, headers, body, kind, retryAfterMs] of cases) {
        it(`${name} → ${kind}`, () => {
            // Execution
            const error = mapHttpError(status, headers, body, ctx)
            // Validation
            expect(error).toBeInstanceOf(ServiceNowError)
            expect(error.kind).toBe(kind)
            expect(error.status).toBe(status)
            expect(error.retryAfterMs).toBe(retryAfterMs)
            expect(error.message).toContain('PATCH /api/now/table/x_gbg_breakglass_action')
        })
    }

    it('tells the operator which ACL is missing', () => {
        // Execution
        const error = mapHttpError(
            403,
            {},
            envelope('Operation Failed', 'ACL Exception Update Failed due to security constraints'),
            ctx,
        )
        // Validation
        expect(error.message).toMatch(/lacks a write ACL on table x_gbg_breakglass_action/)
        expect(error.message).toContain('x_gbg_breakglass.executor')
        expect(error.detail).toBe('ACL Exception Update Failed due to security constraints')
        const create = mapHttpError(
            403,
            {},
            envelope('Operation Failed', 'ACL Exception Insert Failed due to security constraints'),
            { ...ctx, method: 'POST', table: 'incident' },
        )
        expect(create.message).toMatch(/lacks a create ACL on table incident/)
    })
})

describe('mapTransportError', () => {
    const cases: [string, unknown, boolean, ServiceNowErrorKind, boolean][] = [
        [
            'reset on GET',
            Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
            false,
            'retryable',
            false,
        ],
        [
            'reset on write',
            Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
            true,
            'retryable',
            true,
        ],
        [
            'refused on write (never sent)',
            Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
            true,
            'retryable',
            false,
        ],
        [
            'axios timeout',
            Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ECONNABORTED' }),
            true,
            'retryable',
            true,
        ],
        ['socket hang up', new Error('socket hang up'), true, 'retryable', true],
        ['EPIPE', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), false, 'retryable', false],
        [
            'DNS typo',
            Object.assign(new Error('getaddrinfo ENOTFOUND acme'), { code: 'ENOTFOUND' }),
            false,
            'fatal',
            false,
        ],
        [
            'TLS failure',
            Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
            false,
            'fatal',
            false,
        ],
        ['a string', 'weird', false, 'fatal', false],
    ]
    for (const [name, thrown, write, kind, unknownOutcome] of cases) {
        it(`${name} → ${kind}`, () => {
            // Execution
            const error = mapTransportError(thrown, {
                method: write ? 'POST' : 'GET',
                path: '/api/now/table/incident',
                write,
            })
            // Validation
            expect(error.kind).toBe(kind)
            expect(error.unknownOutcome).toBe(unknownOutcome)
        })
    }
})

describe('Retry-After / parseErrorEnvelope', () => {
    it('table: Retry-After forms (parsed by transport.ts, capped at one hour here)', () => {
        // ctx.now is 2025-01-01T00:00:00Z
        const retryAfterMs = (value: unknown) => mapHttpError(503, { 'Retry-After': value }, '', ctx).retryAfterMs
        expect(retryAfterMs('0')).toBe(0)
        expect(retryAfterMs(' 15 ')).toBe(15000)
        expect(retryAfterMs('Wed, 01 Jan 2025 00:01:00 GMT')).toBe(60000)
        expect(retryAfterMs('Tue, 31 Dec 2024 23:00:00 GMT')).toBe(0)
        expect(retryAfterMs('999999999')).toBe(3_600_000)
        expect(retryAfterMs('Sat, 01 Jan 2050 00:00:00 GMT')).toBe(3_600_000)
        expect(retryAfterMs('soon')).toBeUndefined()
        expect(retryAfterMs(undefined)).toBeUndefined()
        expect(retryAfterMs(['5'])).toBe(5000)
    })

    it('reads Table API and OAuth envelopes', () => {
        expect(parseErrorEnvelope(envelope('m', 'd'))).toEqual({ message: 'm', detail: 'd' })
        expect(parseErrorEnvelope({ error: { message: 'm', detail: null } })).toEqual({ message: 'm', detail: '' })
        expect(parseErrorEnvelope('{"error":"access_denied","error_description":"bad client"}')).toEqual({
            message: 'access_denied',
            detail: 'bad client',
        })
        expect(parseErrorEnvelope('<html/>')).toEqual({ message: '', detail: '' })
    })
})
