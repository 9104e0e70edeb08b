/**
 * MSAL auth against the emulator: certificate credential (client assertion, PS256 + x5t#S256), token caching,
 * and a certificate the tenant does not know.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MsalTokenSource, entraConnectionSchema } from '../src/providers/entra'
import { ProviderError } from '../src/providers/types'
import { createTestCertificate, startGraphEmulator, type GraphEmulator } from '../../test/emulators/graph'
import { ALICE, CLIENT_ID, TENANT } from '../../test/emulators/graph/fixture'

let emu: GraphEmulator | undefined
afterEach(async () => {
    await emu?.close()
    emu = undefined
})

describe('MSAL token source', () => {
    it('authenticates with a certificate and caches the token', async () => {
        // setup
        const cert = createTestCertificate('gbg-executor')
        emu = await startGraphEmulator({
            tenantId: TENANT,
            clients: [{ clientId: CLIENT_ID, certificatePem: cert.certPem }],
            users: [ALICE],
            roles: [],
            groups: [],
        })
        const source = new MsalTokenSource(
            entraConnectionSchema.parse({
                tenantId: TENANT,
                clientId: CLIENT_ID,
                certificate: {
                    thumbprintSha256: cert.thumbprintSha256,
                    privateKeyPem: cert.keyPem,
                    certificatePem: cert.certPem,
                },
                authorityHost: emu.authorityHost,
                graphBaseUrl: emu.graphBase,
                caCertificatePem: emu.ca,
            }),
        )
        // execution
        const first = await source.getToken()
        const cached = await source.getToken()
        const refreshed = await source.getToken(true)
        // validation
        expect(first).toBe(cached)
        expect(refreshed).not.toBe(first)
        expect(emu.callCount({ method: 'POST', path: /oauth2\/v2\.0\/token$/ })).toBe(2)
        expect(emu.requests.every((r) => !r.path.includes('discovery'))).toBe(true)
    })

    it('a certificate the app does not have → fatal invalid_client', async () => {
        // setup
        const registered = createTestCertificate('registered')
        const other = createTestCertificate('other')
        emu = await startGraphEmulator({
            tenantId: TENANT,
            clients: [{ clientId: CLIENT_ID, certificatePem: registered.certPem }],
            users: [],
            roles: [],
            groups: [],
        })
        const source = new MsalTokenSource(
            entraConnectionSchema.parse({
                tenantId: TENANT,
                clientId: CLIENT_ID,
                certificate: { thumbprintSha256: other.thumbprintSha256, privateKeyPem: other.keyPem },
                authorityHost: emu.authorityHost,
                graphBaseUrl: emu.graphBase,
                caCertificatePem: emu.ca,
            }),
        )
        // execution
        const err = await source.getToken().catch((e: unknown) => e)
        // validation
        expect(err).toBeInstanceOf(ProviderError)
        expect(err).toMatchObject({ kind: 'fatal', code: 'invalid_client' })
        expect((err as ProviderError).message).toMatch(/AADSTS700027/)
    })

    it('a token endpoint MSAL cannot reach (here: untrusted TLS certificate, MSAL network_error) → retryable', async () => {
        // setup
        emu = await startGraphEmulator({
            tenantId: TENANT,
            clients: [{ clientId: CLIENT_ID, clientSecret: 's' }],
            users: [],
            roles: [],
            groups: [],
        })
        const source = new MsalTokenSource(
            entraConnectionSchema.parse({
                tenantId: TENANT,
                clientId: CLIENT_ID,
                clientSecret: 's',
                authorityHost: emu.authorityHost,
                graphBaseUrl: emu.graphBase,
                timeoutMs: 2_000,
            }),
        )
        // execution
        const err = await source.getToken().catch((e: unknown) => e)
        // validation
        expect(err).toBeInstanceOf(ProviderError)
        expect((err as ProviderError).kind).toBe('retryable')
    })
})
