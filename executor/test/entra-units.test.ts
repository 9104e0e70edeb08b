/**
 * Pure pieces of the Entra providers: the one Graph error mapping, durations, URL building guards, config
 * validation, the in-memory holder registry and the grant marker.
 */
import { describe, expect, it } from 'vitest'
import {
    entraGroupConfigSchema,
    entraRoleConfigSchema,
    GraphClient,
    graphPath,
    holderKey,
    InMemoryHolderRegistry,
    mapGraphResponse,
    mapTokenError,
    mapTransportError,
    parseGrantMarker,
    grantMarker,
} from '../src/providers/entra'
import { isoDurationFromMinutes, parseIsoDurationMs } from '../src/providers/entra/duration'
import { ProviderError } from '../src/providers/types'

const now = new Date('2030-01-01T08:00:00Z')
const odata = (code: string, message = '') => ({ error: { code, message, innerError: { 'request-id': 'r-1' } } })
const map = (status: number, body: unknown, retryAfter?: string, method = 'POST') =>
    mapGraphResponse({ method, path: '/x', status, body, retryAfter, now })

describe('Graph error mapping', () => {
    it.each([
        [429, odata('TooManyRequests'), '12', 'retryable', 12_000],
        [429, odata('TooManyRequests'), undefined, 'retryable', 30_000],
        [503, odata('ServiceUnavailable'), 'Tue, 01 Jan 2030 08:00:20 GMT', 'retryable', 20_000],
        [500, {}, undefined, 'retryable', 30_000],
        [408, {}, undefined, 'retryable', 30_000],
        [400, odata('ActiveDurationTooShort'), undefined, 'retryable', 300_000],
        [400, odata('PendingRoleAssignmentRequest'), undefined, 'halted', undefined],
        [400, odata('RoleAssignmentExists'), undefined, 'fatal', undefined],
        [400, odata('RoleAssignmentDoesNotExist'), undefined, 'fatal', undefined],
        [401, odata('InvalidAuthenticationToken'), undefined, 'fatal', undefined],
        [403, odata('Authorization_RequestDenied'), undefined, 'fatal', undefined],
        [404, odata('Request_ResourceNotFound'), undefined, 'fatal', undefined],
        [409, {}, undefined, 'fatal', undefined],
    ] as const)('%i %j → %s', (status, body, retryAfter, kind, retryAfterMs) => {
        // execution
        const err = map(status, body, retryAfter)
        // validation
        expect(err).toBeInstanceOf(ProviderError)
        expect(err.kind).toBe(kind)
        expect(err.retryAfterMs).toBe(retryAfterMs)
        expect(err.details?.status).toBe(status)
    })

    it('keeps the Graph code, message and request id; names policy rules', () => {
        // execution
        const err = map(
            400,
            odata(
                'RoleAssignmentRequestPolicyValidationFailed',
                'The following policy rules failed: ["ExpirationRule","TicketingRule"]',
            ),
        )
        // validation
        expect(err.code).toBe('RoleAssignmentRequestPolicyValidationFailed')
        expect(err.message).toMatch(/^Entra policy rejected the request: ExpirationRule, TicketingRule/)
        expect(err.details).toMatchObject({ rules: ['ExpirationRule', 'TicketingRule'], requestId: 'r-1' })
    })

    it('transport failures: writes are unknown_outcome, reads and unreachable hosts retryable, TLS fatal', () => {
        // execution + validation
        const failed = (code: string, message: string) => Object.assign(new Error(message), { code })
        expect(mapTransportError('POST', '/x', failed('ETIMEDOUT', 'timeout')).kind).toBe('unknown_outcome')
        expect(mapTransportError('DELETE', '/x', failed('ECONNRESET', 'socket hang up')).kind).toBe('unknown_outcome')
        expect(mapTransportError('GET', '/x', failed('ECONNRESET', 'socket hang up')).kind).toBe('retryable')
        expect(mapTransportError('POST', '/x', failed('ECONNREFUSED', 'refused')).kind).toBe('retryable')
        expect(mapTransportError('POST', '/x', failed('SELF_SIGNED_CERT_IN_CHAIN', 'tls')).kind).toBe('fatal')
    })

    it('token failures: credentials fatal, outages retryable, only the AADSTS line kept', () => {
        // execution
        const bad = mapTokenError({
            errorCode: 'invalid_client',
            errorMessage: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x client_secret=abc',
        })
        const down = mapTokenError({ errorCode: 'temporarily_unavailable', errorMessage: 'AADSTS50001: down' })
        // validation
        expect(bad.kind).toBe('fatal')
        expect(bad.message).toBe('Entra token request refused: AADSTS7000215: Invalid client secret provided.')
        expect(down.kind).toBe('retryable')
    })

    it('reads Retry-After as seconds or HTTP date (transport.ts), else waits the default 30 s', () => {
        // execution + validation
        const retryAfterMs = (value?: string) => map(429, odata('TooManyRequests'), value).retryAfterMs
        expect(retryAfterMs('3')).toBe(3000)
        expect(retryAfterMs('Tue, 01 Jan 2030 08:01:00 GMT')).toBe(60_000)
        expect(retryAfterMs('soon')).toBe(30_000)
        expect(retryAfterMs(undefined)).toBe(30_000)
    })
})

describe('durations', () => {
    it.each([
        [30, 'PT30M'],
        [60, 'PT1H'],
        [90, 'PT1H30M'],
        [1440, 'P1D'],
        [1530, 'P1DT1H30M'],
    ])('%i minutes → %s and back', (minutes, iso) => {
        // execution + validation
        expect(isoDurationFromMinutes(minutes)).toBe(iso)
        expect(parseIsoDurationMs(iso)).toBe(minutes * 60_000)
    })

    it('refuses non-positive or fractional minutes and malformed ISO', () => {
        // execution + validation
        expect(() => isoDurationFromMinutes(0)).toThrow(RangeError)
        expect(() => isoDurationFromMinutes(1.5)).toThrow(RangeError)
        expect(parseIsoDurationMs('PT')).toBeNull()
        expect(parseIsoDurationMs('30M')).toBeNull()
    })
})

describe('Graph URL guards', () => {
    it('builds paths only from GUIDs', () => {
        // execution + validation
        const id = '9a000000-0000-4000-8000-0000000000a1'
        expect(graphPath`/groups/${id}/members/$ref`).toBe(`/groups/${id}/members/$ref`)
        expect(() => graphPath`/groups/${'../users'}/members`).toThrow(ProviderError)
    })

    it('refuses DELETE on a member without /$ref before sending anything', async () => {
        // setup
        let tokenAsked = false
        const client = new GraphClient({
            baseUrl: 'https://graph.invalid/v1.0',
            tokens: { getToken: async () => ((tokenAsked = true), 't') },
        })
        // execution
        const err = await client
            .request(
                {
                    method: 'DELETE',
                    path: '/groups/9a000000-0000-4000-8000-0000000000a1/members/a11ce000-0000-4000-8000-000000000001',
                },
                [],
            )
            .catch((e: unknown) => e)
        // validation
        expect(err).toBeInstanceOf(ProviderError)
        expect((err as ProviderError).code).toBe('unsafe_delete')
        expect(tokenAsked).toBe(false)
    })
})

describe('config', () => {
    const connection = {
        tenantId: '11111111-2222-3333-4444-555555555555',
        clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
        clientSecret: 's',
    }

    it('applies defaults', () => {
        // execution
        const role = entraRoleConfigSchema.parse({ connection })
        const group = entraGroupConfigSchema.parse({ connection })
        // validation
        expect(role).toMatchObject({ directoryScopeId: '/', ticketSystem: 'ServiceNow' })
        expect(role.connection).toMatchObject({
            authorityHost: 'https://login.microsoftonline.com',
            graphBaseUrl: 'https://graph.microsoft.com/v1.0',
            timeoutMs: 30_000,
            principalLookup: 'userPrincipalName',
        })
        expect(group).toMatchObject({ mode: 'pim', signOutPolicy: 'required' })
    })

    it.each([
        ['no credential', { ...connection, clientSecret: undefined }],
        ['two credentials', { ...connection, certificate: { thumbprintSha256: 'a'.repeat(64), privateKeyPem: 'k' } }],
        ['plain http Graph', { ...connection, graphBaseUrl: 'http://graph.example.com/v1.0' }],
        ['http authority', { ...connection, authorityHost: 'http://127.0.0.1:1' }],
        ['non-GUID tenant', { ...connection, tenantId: 'contoso' }],
    ])('refuses %s', (_name, conn) => {
        // execution + validation
        expect(entraRoleConfigSchema.safeParse({ connection: conn }).success).toBe(false)
    })
})

describe('holders and markers', () => {
    it('registry: add is idempotent, remove returns who remains', () => {
        // setup
        const reg = new InMemoryHolderRegistry()
        const key = holderKey(
            'entra-role',
            'A11CE000-0000-4000-8000-000000000001',
            'fe930be7-5e62-47db-91af-98c3a49a38b1',
        )
        // execution
        reg.addHolder(key, 'g1', new Date(1))
        reg.addHolder(key, 'g1', new Date(2))
        reg.addHolder(key, 'g2', new Date(3))
        const remaining = reg.removeHolder(key, 'g1')
        // validation
        expect(key).toBe('entra-role|a11ce000-0000-4000-8000-000000000001|fe930be7-5e62-47db-91af-98c3a49a38b1')
        expect(remaining).toEqual(['g2'])
        expect(reg.removeHolder(key, 'g2')).toEqual([])
        expect(reg.holdersOf(key)).toEqual([])
    })

    it('grant marker round-trips', () => {
        // execution + validation
        expect(parseGrantMarker(grantMarker('abc', 'act:1'))).toBe('abc')
        expect(parseGrantMarker('something else')).toBeUndefined()
        expect(parseGrantMarker(null)).toBeUndefined()
    })
})
