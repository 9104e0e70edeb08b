/**
 * What the executor loads at start (issue 18: restart to first claim, RSS): a provider that is not enabled costs
 * nothing, and the heavy modules of the enabled ones are loaded at their first use, not at start. The load hooks are
 * Node's module loader (every CommonJS require) and vitest's module mock (its factory runs exactly when something
 * imports the package, and hands over the real one).
 * The service is started for real (configuration, journal, providers, worker, ops HTTP server) against a ServiceNow
 * address that refuses connections: start-up must not need it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../src/config'
import { nullLogger } from '../src/log'
import { MsalTokenSource, entraConnectionSchema } from '../src/providers/entra'
import { startService } from '../src/service'
import { VirtualClock } from '../../test/support/virtual-clock'
import { runUntil } from '../../test/support/virtual-time'

const loaded = vi.hoisted(() => [] as string[])
// A CommonJS require (MSAL is loaded with one: an import() would let the simulator's virtual clock run on during the
// load, auth.ts) is seen at Node's module loader, cached or not; an ESM import at vitest's module mock below.
const WATCHED = ['playwright-core', '@azure/msal-node']
const moduleLoader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
const realLoad = moduleLoader._load
moduleLoader._load = function (request: string, ...rest: unknown[]) {
    if (WATCHED.includes(request)) loaded.push(request)
    return realLoad.call(this, request, ...rest)
}
afterAll(() => {
    moduleLoader._load = realLoad
})
vi.mock('playwright-core', async (importOriginal) => {
    loaded.push('playwright-core')
    return await importOriginal()
})
vi.mock('@azure/msal-node', async (importOriginal) => {
    loaded.push('@azure/msal-node')
    return await importOriginal()
})

const dir = mkdtempSync(join(tmpdir(), 'gbg-startup-modules-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A port nothing listens on (connections refused at once). */
const REFUSED = 'http://127.0.0.1:9'

describe('start-up loads only what the configuration needs', () => {
    it('an executor with the webhook provider never loads the console (Playwright) or Entra (MSAL) modules', async () => {
        // setup
        const config = loadConfig({
            GBG_SN_URL: REFUSED,
            GBG_SN_USERNAME: 'svc_breakglass',
            GBG_SN_PASSWORD: 'pa55-word-not-for-logs',
            GBG_PROVIDERS: 'webhook',
            GBG_WEBHOOK_BASE_URL: REFUSED,
            GBG_WEBHOOK_HMAC_SECRET: 'webhook-hmac-secret-0123456789abcdef',
            GBG_JOURNAL_PATH: join(dir, 'journal.db'),
            GBG_HTTP_PORT: '0',
        })
        // execution: the real service starts, its worker's first poll fails (ServiceNow refuses), it stops
        const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
        const service = await startService(config, { logger: nullLogger, clock })
        let stopped = false
        void service.stop({ force: true }).then(() => (stopped = true))
        await runUntil(clock, () => stopped, { within: 120_000, what: 'the service stopped' })
        // validation
        expect([...service.providers.keys()]).toEqual(['webhook'])
        expect(loaded).toEqual([])
    })

    it('MSAL is loaded at the first Entra token request, not when the provider is built (the hook sees it)', async () => {
        // setup
        const source = new MsalTokenSource(
            entraConnectionSchema.parse({
                tenantId: '11111111-2222-3333-4444-555555555555',
                clientId: '66666666-7777-8888-9999-000000000000',
                clientSecret: 'client-secret-value-0123456789',
                authorityHost: 'https://127.0.0.1:9',
                graphBaseUrl: 'https://127.0.0.1:9/v1.0',
                timeoutMs: 2_000,
            }),
        )
        expect(loaded).toEqual([])
        // execution: the token request fails (nothing listens), after MSAL was loaded
        await expect(source.getToken()).rejects.toThrow()
        // validation
        expect(loaded).toEqual(['@azure/msal-node'])
    })
})
