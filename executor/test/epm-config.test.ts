/**
 * The `epm` provider's settings (the one settings table) and its construction by the registry: configured from
 * GBG_EPM_*, the secret from the environment or a file and never echoed, a clear startup error for an enabled but
 * unconfigured provider or a bad URL, and every port call counted by the metrics choke point.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, redactConfig } from '../src/config'
import { ProviderConfigError, createProviders } from '../src/providers/registry'

const BASE = {
    GBG_SN_URL: 'https://acme.service-now.com',
    GBG_SN_USERNAME: 'svc_breakglass',
    GBG_SN_PASSWORD: 'p'.repeat(20),
}
const SECRET = 'epm-client-secret-never-printed-0123'

function problems(env: Record<string, string>): string[] {
    try {
        loadConfig(env)
    } catch (error) {
        if (error instanceof ConfigError) return error.problems
        throw error
    }
    return []
}

describe('epm settings', () => {
    it('loads GBG_EPM_* with defaults, enables epm, passes the ServiceNow URL for ticket links, and redacts the secret', () => {
        const config = loadConfig({
            ...BASE,
            GBG_EPM_BASE_URL: 'https://acme-services.pm.beyondtrustcloud.com',
            GBG_EPM_CLIENT_ID: 'gbg-executor',
            GBG_EPM_CLIENT_SECRET: SECRET,
        })
        expect(config.providers).toEqual(['epm'])
        expect(config.epm).toMatchObject({
            baseUrl: 'https://acme-services.pm.beyondtrustcloud.com',
            clientId: 'gbg-executor',
            decisionPath: '/management-api/v2/AdminAccessRequest/decision',
            computerMaxAgeMinutes: 1440,
            ticketBaseUrl: 'https://acme.service-now.com',
        })
        expect(JSON.stringify(redactConfig(config))).not.toContain(SECRET)
    })

    it('reads the secret from GBG_EPM_CLIENT_SECRET_FILE', () => {
        const dir = mkdtempSync(join(tmpdir(), 'gbg-epm-'))
        try {
            const file = join(dir, 'secret')
            writeFileSync(file, `${SECRET}\n`)
            const config = loadConfig({
                ...BASE,
                GBG_EPM_BASE_URL: 'https://acme-services.pm.beyondtrustcloud.com',
                GBG_EPM_CLIENT_ID: 'gbg-executor',
                GBG_EPM_CLIENT_SECRET_FILE: file,
            })
            expect(config.epm?.clientSecret).toBe(SECRET)
        } finally {
            rmSync(dir, { recursive: true, force: true })
        }
    })

    it('refuses half a configuration, epm enabled without it, plain http to a remote host, and a bad decision path', () => {
        expect(
            problems({ ...BASE, GBG_EPM_BASE_URL: 'https://x-services.pm.beyondtrustcloud.com' }).join('\n'),
        ).toMatch(
            /GBG_EPM_CLIENT_ID.*required[\s\S]*GBG_EPM_CLIENT_SECRET.*required|GBG_EPM_CLIENT_SECRET.*required[\s\S]*GBG_EPM_CLIENT_ID.*required/,
        )
        expect(problems({ ...BASE, GBG_PROVIDERS: 'epm' }).join('\n')).toMatch(/enables epm but GBG_EPM_BASE_URL/)
        expect(
            problems({
                ...BASE,
                GBG_EPM_BASE_URL: 'http://epm.example.com',
                GBG_EPM_CLIENT_ID: 'c',
                GBG_EPM_CLIENT_SECRET: SECRET,
            }).join('\n'),
        ).toMatch(/GBG_EPM_BASE_URL/)
        const bad = problems({
            ...BASE,
            GBG_EPM_BASE_URL: 'https://x-services.pm.beyondtrustcloud.com',
            GBG_EPM_CLIENT_ID: 'c',
            GBG_EPM_CLIENT_SECRET: SECRET,
            GBG_EPM_DECISION_PATH: 'https://elsewhere/decide?x=1',
        }).join('\n')
        expect(bad).toMatch(/GBG_EPM_DECISION_PATH/)
        expect(bad).not.toContain(SECRET)
    })
})

describe('epm in the provider registry', () => {
    const epm = {
        baseUrl: 'https://acme-services.pm.beyondtrustcloud.com',
        clientId: 'c',
        clientSecret: SECRET,
        decisionPath: '/management-api/v2/AdminAccessRequest/decision',
        computerMaxAgeMinutes: 1440,
        decidedBy: 'ServiceNow break-glass',
        ticketBaseUrl: 'https://acme.service-now.com',
        timeoutMs: 30_000,
    }

    it('builds it under its name, with native expiry, instrumented', async () => {
        const seen: string[] = []
        const providers = createProviders(
            { providers: ['epm'], epm },
            { metrics: { observeProviderCall: (p, op, outcome) => seen.push(`${p} ${op} ${outcome}`) } },
        )
        const provider = providers.get('epm')!
        expect(provider.describe()).toEqual({ name: 'epm', baseUrl: epm.baseUrl, nativeExpiry: true })
        // A plan for another provider is refused before any network call, and the refusal is counted.
        await expect(
            provider.verify(
                {
                    version: 1,
                    grantSysId: '0'.repeat(32),
                    grantNumber: 'BGA1',
                    provider: 'webhook',
                    operation: 'grant',
                    principal: { userSysId: '1'.repeat(32), userName: 'a', email: 'a@example.com' },
                    target: { kind: 'device_local_admin', deviceName: 'PC-1' },
                    durationMinutes: 10,
                    justification: 'x',
                    tickets: {},
                    emergency: false,
                    highRisk: false,
                },
                { idempotencyKey: 'k' },
            ),
        ).rejects.toMatchObject({ kind: 'fatal', code: 'wrong_provider' })
        expect(seen).toEqual(['epm verify fatal'])
    })

    it('fails at startup when enabled without settings, or with a URL it refuses, never printing the secret', () => {
        expect(() => createProviders({ providers: ['epm'] })).toThrow(/GBG_EPM_/)
        expect(() => createProviders({ providers: ['epm'] })).toThrow(ProviderConfigError)
        let message = ''
        try {
            createProviders({ providers: ['epm'], epm: { ...epm, baseUrl: 'http://epm.example.com' } })
        } catch (err) {
            message = (err as Error).message
        }
        expect(message).toMatch(/^provider "epm": .*https/)
        expect(message).not.toContain(SECRET)
    })
})
