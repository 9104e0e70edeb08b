/**
 * The one settings table (executor/src/config.ts) and what is derived from it: the README's configuration table,
 * `gbg-executor config`, the worker's defaults; a removed setting's error; and the one loopback rule
 * (executor/src/url-policy.ts) that the configuration, the providers and the Teams notifier all apply, so a URL is
 * never accepted by one and refused by another.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '@gbg/executor/src/cli'
import { CONFIG_DEFAULTS, ConfigError, configTableMarkdown, describeConfig, loadConfig } from '@gbg/executor/src/config'
import { createTeamsNotifier } from '@gbg/executor/src/notify/teams'
import { entraConnectionSchema } from '@gbg/executor/src/providers/entra/config'
import { createWebhookProvider } from '@gbg/executor/src/providers/webhook'
import { isAllowedUrl } from '@gbg/executor/src/url-policy'
import { resolveWorkerOptions } from '@gbg/executor/src/worker/options'
import { REPO_ROOT } from './support/executor-process'

const BASE = {
    GBG_SN_URL: 'https://acme.service-now.com',
    GBG_SN_USERNAME: 'svc_breakglass',
    GBG_SN_PASSWORD: 'p'.repeat(20),
}

function problemsOf(env: Record<string, string>): string[] {
    try {
        loadConfig(env)
    } catch (error) {
        if (error instanceof ConfigError) return error.problems
        throw error
    }
    return []
}

describe('the settings table', () => {
    it("the README's configuration table is the generated one", () => {
        // setup
        const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
        const m = /<!-- config-table:begin[^>]*-->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme)

        // validation: regenerate with `gbg-executor config --markdown` when this fails
        expect(m, 'README.md has no config-table markers').not.toBeNull()
        expect(m![1]).toBe(configTableMarkdown())
    })

    it('describes every variable once, with a type, a meaning and its file key', async () => {
        // execution
        const vars = describeConfig()
        const printed: string[] = []
        const code = await main(['config', '--json'], {}, (l) => printed.push(l))

        // validation
        expect(code).toBe(0)
        expect(JSON.parse(printed.join('\n'))).toEqual(vars)
        const names = vars.map((v) => v.name)
        expect(new Set(names).size).toBe(names.length)
        for (const v of vars) {
            expect(v.type, v.name).not.toBe('')
            expect(v.description.length, v.name).toBeGreaterThan(5)
            if (v.name !== 'GBG_CONFIG_FILE') expect(v.key, v.name).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)?$/)
        }
        expect(vars.find((v) => v.name === 'GBG_LEASE_SECONDS')).toMatchObject({
            key: 'queue.leaseSeconds',
            type: 'integer 10–86400',
            defaultValue: '120',
        })
        expect(names).not.toContain('GBG_WRITEBACK_MAX_ATTEMPTS')
    })

    it('a config file uses the keys of the table; the environment overrides it', () => {
        // setup
        const dir = mkdtempSync(join(tmpdir(), 'gbg-config-'))
        try {
            const file = join(dir, 'executor.json')
            writeFileSync(
                file,
                JSON.stringify({ queue: { pollIntervalSeconds: 7, leaseSeconds: 300 }, http: { port: 9000 } }),
            )

            // execution
            const config = loadConfig({ ...BASE, GBG_CONFIG_FILE: file, GBG_LEASE_SECONDS: '240' })

            // validation
            expect(config.queue.pollIntervalSeconds).toBe(7)
            expect(config.queue.leaseSeconds).toBe(240)
            expect(config.http.port).toBe(9000)
        } finally {
            rmSync(dir, { recursive: true, force: true })
        }
    })

    it('GBG_WRITEBACK_MAX_ATTEMPTS is removed: setting it is an error that says what bounds the alert', () => {
        // setup
        const dir = mkdtempSync(join(tmpdir(), 'gbg-config-'))
        try {
            const file = join(dir, 'executor.json')
            writeFileSync(file, JSON.stringify({ writeBack: { maxAttempts: 10, maxMinutes: 20 } }))

            // execution
            const fromEnv = problemsOf({ ...BASE, GBG_WRITEBACK_MAX_ATTEMPTS: '10' })
            const fromFile = problemsOf({ ...BASE, GBG_CONFIG_FILE: file })

            // validation
            expect(fromEnv).toEqual([
                expect.stringMatching(/^GBG_WRITEBACK_MAX_ATTEMPTS: removed: .*GBG_WRITEBACK_MAX_MINUTES/),
            ])
            expect(fromFile).toEqual([
                expect.stringMatching(
                    /^GBG_WRITEBACK_MAX_ATTEMPTS \(config file key writeBack\.maxAttempts\): removed: /,
                ),
            ])
        } finally {
            rmSync(dir, { recursive: true, force: true })
        }
    })

    it("the worker's defaults are the configuration's defaults (one set)", () => {
        // execution
        const worker = resolveWorkerOptions({ instance: 'defaults-check' })
        const configured = loadConfig(BASE)

        // validation
        const q = CONFIG_DEFAULTS.queue
        expect(q).toEqual(configured.queue)
        expect(worker.pollIntervalMs).toBe(q.pollIntervalSeconds * 1000)
        expect(worker.leaseMs).toBe(q.leaseSeconds * 1000)
        expect(worker.maxInFlight).toBe(q.maxInFlight)
        expect(worker.grantBackoff).toEqual({ baseMs: q.backoffBaseMs, maxMs: q.backoffMaxMs, jitter: 0.2 })
        expect(worker.writebackBackoff).toEqual(worker.grantBackoff)
        expect(worker.revokeBackoff.baseMs).toBe(q.backoffBaseMs)
        expect(worker.writebackBoundMs).toBe(CONFIG_DEFAULTS.writeBack.maxMinutes * 60_000)
        expect(worker.writebackBoundMs).toBe(15 * 60_000)
        expect(worker.revokeEscalateAfterFailures).toBe(CONFIG_DEFAULTS.revoke.incidentAfterFailures)
    })
})

describe('one loopback rule', () => {
    const SECRET = 'h'.repeat(40)
    const GUIDS = { tenantId: '11111111-2222-3333-4444-555555555555', clientId: '66666666-7777-8888-9999-000000000000' }

    /** Whether each consumer accepts `url` as its base URL. */
    function verdicts(url: string): Record<string, boolean> {
        const accepts = (f: () => unknown): boolean => {
            try {
                f()
                return true
            } catch {
                return false
            }
        }
        return {
            policy: isAllowedUrl(new URL(url)),
            config: problemsOf({ ...BASE, GBG_WEBHOOK_BASE_URL: url, GBG_WEBHOOK_HMAC_SECRET: SECRET }).length === 0,
            webhookProvider: accepts(() => createWebhookProvider({ baseUrl: url, hmacSecret: SECRET })),
            entraSchema: entraConnectionSchema.safeParse({ ...GUIDS, clientSecret: 's', graphBaseUrl: url }).success,
            teams: accepts(() => createTeamsNotifier({ webhookUrl: url, instanceUrl: 'https://acme.service-now.com' })),
            teamsInstanceLink: accepts(() =>
                createTeamsNotifier({ webhookUrl: 'https://teams.example.com/x', instanceUrl: url }),
            ),
        }
    }

    it.each([
        ['http://127.0.0.2:8080/api', true],
        ['http://localhost:8080/api', true],
        ['http://[::1]:8080/api', true],
        ['https://admin.example.com/api', true],
        ['http://10.0.0.5:8080/api', false],
        ['http://admin.example.com/api', false],
        ['http://127.0.0.1.example.com/api', false],
    ])('%s: every consumer says %s', (url, allowed) => {
        // execution
        const all = verdicts(url)

        // validation: all agree, and agree with the policy
        for (const [who, verdict] of Object.entries(all)) expect(verdict, who).toBe(allowed)
    })
})
