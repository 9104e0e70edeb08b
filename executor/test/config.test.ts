import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, describeConfig, isLoopbackHost, loadConfig, redactConfig } from '../src/config'

const BASE = {
    GBG_SN_URL: 'https://acme.service-now.com',
    GBG_SN_USERNAME: 'svc_breakglass',
    GBG_SN_PASSWORD: 'pa55-word-not-for-logs',
}

let dir: string

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gbg-config-'))
})
afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
})

function problemsOf(env: Record<string, string>): string[] {
    try {
        loadConfig(env)
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigError)
        return (error as ConfigError).problems
    }
    throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
    it('applies every default when only the required settings are given', () => {
        // Setup / execution
        const config = loadConfig({ ...BASE })
        // Validation
        expect(config.servicenow).toMatchObject({
            url: 'https://acme.service-now.com',
            authMode: 'basic',
            timeoutMs: 30000,
        })
        expect(config.queue).toEqual({
            pollIntervalSeconds: 5,
            leaseSeconds: 120,
            maxInFlight: 32,
            providerWritesPerSecond: 20,
            maxAttempts: 8,
            backoffBaseMs: 2000,
            backoffMaxMs: 300000,
        })
        expect(config.journalPath).toBe('./.data/journal.db')
        expect(config.http).toEqual({ host: '127.0.0.1', port: 8787, nudgeSecret: undefined })
        expect(config.instanceName).toMatch(new RegExp(`-${process.pid}$`))
        expect(config.sandbox).toBe(false)
        expect(config.providers).toEqual([])
        expect(config.webhook).toBeUndefined()
        expect(config.entra).toBeUndefined()
        expect(config.teams).toBeUndefined()
    })

    it('lists every problem at once, each naming its variable', () => {
        // Setup: several independent mistakes
        const env = {
            GBG_SN_URL: 'http://acme.service-now.com',
            GBG_SN_AUTH_MODE: 'oauth_client_credentials',
            GBG_POLL_INTERVAL_SECONDS: 'soon',
            GBG_HTTP_PORT: '70000',
            GBG_SANDBOX: 'maybe',
            GBG_LEASE_SECONDS: '1',
            GBG_SN_PASWORD: 'typo',
        }
        // Execution
        const problems = problemsOf(env)
        // Validation: one line per problem, each starting with its variable
        const expected = [
            'GBG_SN_URL',
            'GBG_SN_CLIENT_ID',
            'GBG_SN_CLIENT_SECRET',
            'GBG_POLL_INTERVAL_SECONDS',
            'GBG_HTTP_PORT',
            'GBG_SANDBOX',
            'GBG_LEASE_SECONDS',
            'GBG_SN_PASWORD',
        ]
        for (const name of expected) expect(problems.some((p) => p.startsWith(name))).toBe(true)
        expect(problems.length).toBe(expected.length)
        expect(problems.find((p) => p.startsWith('GBG_SN_PASWORD'))).toContain('unknown variable')
        expect(problems.find((p) => p.startsWith('GBG_HTTP_PORT'))).toContain('0 to 65535')
    })

    it('accepts and ignores the obsolete GBG_SECOPS_GROUP / GBG_SN_INCIDENT_CALLER (the app decides both), from env and file', () => {
        // Setup: any value, even one that was never a sys_id
        const file = join(dir, 'obsolete.json')
        writeFileSync(file, JSON.stringify({ secopsGroupSysId: 'x', servicenow: { incidentCallerSysId: 'y' } }))
        // Execution
        const config = loadConfig({
            ...BASE,
            GBG_CONFIG_FILE: file,
            GBG_SECOPS_GROUP: 'SecOps',
            GBG_SN_INCIDENT_CALLER: 'admin',
        })
        // Validation: nothing of them reaches the configuration, and neither is a documented setting
        expect(config).not.toHaveProperty('secopsGroupSysId')
        expect(config.servicenow).not.toHaveProperty('incidentCallerSysId')
        const names = describeConfig().map((v) => v.name)
        expect(names).not.toContain('GBG_SECOPS_GROUP')
        expect(names).not.toContain('GBG_SN_INCIDENT_CALLER')
    })

    it('table: every invalid value yields an error that names the variable', () => {
        const cases: [string, string][] = [
            ['GBG_INSTANCE_NAME', 'has space'],
            ['GBG_INSTANCE_NAME', 'a^b'],
            ['GBG_LOG_LEVEL', 'verbose'],
            ['GBG_SN_AUTH_MODE', 'kerberos'],
            ['GBG_SN_TIMEOUT_MS', '-1'],
            ['GBG_SN_PAGE_SIZE', '1.5'],
            ['GBG_MAX_IN_FLIGHT', '0'],
            ['GBG_MAX_ATTEMPTS', 'x'],
            ['GBG_BACKOFF_BASE_MS', '999999999'],
            ['GBG_WRITEBACK_MAX_ATTEMPTS', '0'],
            ['GBG_WRITEBACK_MAX_MINUTES', 'ten'],
            ['GBG_REVOKE_INCIDENT_AFTER_FAILURES', '0'],
            ['GBG_HTTP_HOST', 'bad host'],
            ['GBG_NUDGE_SECRET', 'short'],
            ['GBG_PROVIDERS', 'pam'],
            ['GBG_WEBHOOK_BASE_URL', 'ftp://example.com'],
            ['GBG_ENTRA_TENANT_ID', 'contoso'],
            ['GBG_ENTRA_GROUP_MODE', 'magic'],
            ['GBG_ENTRA_PRINCIPAL_LOOKUP', 'objectId'],
            ['GBG_ENTRA_DEVICE_CLASS_GROUPS', 'workstation=not-a-guid'],
            ['GBG_TEAMS_WEBHOOK_URL', 'http://prod.westus.logic.azure.com/workflows/x?sig=abc'],
        ]
        for (const [name, value] of cases) {
            // Execution
            const problems = problemsOf({ ...BASE, [name]: value })
            // Validation
            expect(
                problems.some((p) => p.startsWith(name)),
                `${name}=${value}: ${problems.join(' | ')}`,
            ).toBe(true)
        }
    })

    it('requires the credentials of the chosen auth mode', () => {
        // Execution
        const basic = problemsOf({ GBG_SN_URL: BASE.GBG_SN_URL })
        const password = problemsOf({ ...BASE, GBG_SN_AUTH_MODE: 'oauth_password' })
        // Validation
        expect(basic.map((p) => p.split(':')[0])).toEqual([
            'GBG_SN_USERNAME',
            'GBG_SN_PASSWORD (or GBG_SN_PASSWORD_FILE)',
        ])
        expect(password.map((p) => p.split(':')[0])).toEqual([
            'GBG_SN_CLIENT_ID',
            'GBG_SN_CLIENT_SECRET (or GBG_SN_CLIENT_SECRET_FILE)',
        ])
        const cc = loadConfig({
            GBG_SN_URL: BASE.GBG_SN_URL,
            GBG_SN_AUTH_MODE: 'oauth_client_credentials',
            GBG_SN_CLIENT_ID: 'cid',
            GBG_SN_CLIENT_SECRET: 'csecret',
        })
        expect(cc.servicenow).toMatchObject({
            authMode: 'oauth_client_credentials',
            clientId: 'cid',
            clientSecret: 'csecret',
        })
    })

    it('reads *_FILE secrets, trimmed, and refuses both forms or an unreadable file', () => {
        // Setup
        const pw = join(dir, 'sn-password')
        writeFileSync(pw, '  from-a-file\n')
        const hmac = join(dir, 'hmac')
        writeFileSync(hmac, 'h'.repeat(40) + '\n')
        const teams = join(dir, 'teams')
        writeFileSync(teams, 'https://prod.westus.logic.azure.com/workflows/abc?sig=s3cr3t\n')
        // Execution
        const config = loadConfig({
            GBG_SN_URL: BASE.GBG_SN_URL,
            GBG_SN_USERNAME: 'svc',
            GBG_SN_PASSWORD_FILE: pw,
            GBG_WEBHOOK_BASE_URL: 'https://admin.example.com/api/',
            GBG_WEBHOOK_HMAC_SECRET_FILE: hmac,
            GBG_TEAMS_WEBHOOK_URL_FILE: teams,
        })
        // Validation
        expect(config.servicenow.password).toBe('from-a-file')
        expect(config.webhook).toEqual({
            baseUrl: 'https://admin.example.com/api',
            hmacSecret: 'h'.repeat(40),
            timeoutMs: 10000,
        })
        expect(config.providers).toEqual(['webhook'])
        expect(config.teams?.webhookUrl).toBe('https://prod.westus.logic.azure.com/workflows/abc?sig=s3cr3t')

        const both = problemsOf({ ...BASE, GBG_SN_PASSWORD_FILE: pw })
        expect(both).toEqual(['GBG_SN_PASSWORD and GBG_SN_PASSWORD_FILE are both set; set only one'])
        const missing = problemsOf({
            GBG_SN_URL: BASE.GBG_SN_URL,
            GBG_SN_USERNAME: 'svc',
            GBG_SN_PASSWORD_FILE: join(dir, 'nope'),
        })
        expect(missing[0]).toMatch(/^GBG_SN_PASSWORD_FILE: cannot read .*ENOENT/)
    })

    it('refuses plain http except to loopback', () => {
        // Setup
        const allowed = ['http://localhost:8080', 'http://127.0.0.1:1234', 'http://127.10.0.3', 'http://[::1]:9000']
        const refused = ['http://10.0.0.5', 'http://acme.service-now.com', 'http://127.0.0.1.evil.com', 'http://[::2]']
        for (const url of allowed) {
            // Execution / validation
            expect(loadConfig({ ...BASE, GBG_SN_URL: url }).servicenow.url).toBe(new URL(url).origin)
        }
        for (const url of refused) {
            const problems = problemsOf({ ...BASE, GBG_SN_URL: url })
            expect(problems[0]).toMatch(/^GBG_SN_URL: must use https:\/\//)
        }
        expect(problemsOf({ ...BASE, GBG_SN_URL: 'https://acme.service-now.com/api' })[0]).toMatch(/without a path/)
        expect(problemsOf({ ...BASE, GBG_SN_URL: 'https://u:p@acme.service-now.com' })[0]).toMatch(/credentials/)
        expect(isLoopbackHost('127.255.255.255')).toBe(true)
        expect(isLoopbackHost('127.256.0.1')).toBe(false)
    })

    it('merges the JSON config file under the environment and names file keys in errors', () => {
        // Setup
        const file = join(dir, 'config.json')
        writeFileSync(
            file,
            JSON.stringify({
                servicenow: { url: 'https://file.service-now.com', username: 'svc', password: 'from-file' },
                queue: { leaseSeconds: 300, maxInFlight: 2 },
                entra: {
                    tenantId: '11111111-2222-3333-4444-555555555555',
                    clientId: '66666666-7777-8888-9999-000000000000',
                    clientSecret: 'entra-secret',
                    groupsByDeviceClass: { workstation: 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE' },
                },
            }),
        )
        // Execution
        const config = loadConfig({ GBG_CONFIG_FILE: file, GBG_MAX_IN_FLIGHT: '6', GBG_ENTRA_PRINCIPAL_LOOKUP: 'upn' })
        // Validation: file values, env overrides, defaults
        expect(config.servicenow.url).toBe('https://file.service-now.com')
        expect(config.queue.leaseSeconds).toBe(300)
        expect(config.queue.maxInFlight).toBe(6)
        expect(config.entra).toMatchObject({
            principalLookup: 'userPrincipalName',
            groupMode: 'pim',
            graphBaseUrl: 'https://graph.microsoft.com/v1.0',
            groupsByDeviceClass: { workstation: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
        })
        expect(config.providers).toEqual(['entra-role', 'entra-group'])

        // Setup: bad file values and an unknown key
        const bad = join(dir, 'bad.json')
        writeFileSync(
            bad,
            JSON.stringify({
                servicenow: { url: 'https://x.service-now.com', username: 'u', password: 'p', colour: 1 },
                queue: { leaseSeconds: 'long' },
            }),
        )
        const problems = problemsOf({ GBG_CONFIG_FILE: bad })
        expect(problems).toContain('GBG_CONFIG_FILE: unknown key servicenow.colour')
        expect(problems.some((p) => p.startsWith('GBG_LEASE_SECONDS (config file key queue.leaseSeconds)'))).toBe(true)

        writeFileSync(bad, '{ not json')
        expect(problemsOf({ GBG_CONFIG_FILE: bad })[0]).toMatch(/^GBG_CONFIG_FILE: .* is not valid JSON/)
    })

    it('checks the Entra section: ids, exactly one credential, a readable certificate', () => {
        // Setup
        const tenant = '11111111-2222-3333-4444-555555555555'
        const client = '66666666-7777-8888-9999-000000000000'
        // Execution / validation: no credential
        expect(problemsOf({ ...BASE, GBG_ENTRA_TENANT_ID: tenant, GBG_ENTRA_CLIENT_ID: client })[0]).toMatch(
            /^GBG_ENTRA_CLIENT_SECRET .*exactly one/,
        )
        // missing ids
        const missing = problemsOf({ ...BASE, GBG_ENTRA_CLIENT_SECRET: 'x' })
        expect(missing.map((p) => p.split(':')[0])).toEqual(['GBG_ENTRA_TENANT_ID', 'GBG_ENTRA_CLIENT_ID'])
        // unreadable certificate
        const certProblems = problemsOf({
            ...BASE,
            GBG_ENTRA_TENANT_ID: tenant,
            GBG_ENTRA_CLIENT_ID: client,
            GBG_ENTRA_CERT_FILE: join(dir, 'missing.pem'),
        })
        expect(certProblems[0]).toMatch(/^GBG_ENTRA_CERT_FILE: cannot read the certificate file/)
    })

    it('parses a certificate file and computes its SHA-256 thumbprint', () => {
        // Setup: a throwaway self-signed certificate
        const pem = join(dir, 'entra.pem')
        try {
            execFileSync(
                'openssl',
                [
                    'req',
                    '-x509',
                    '-newkey',
                    'rsa:2048',
                    '-nodes',
                    '-days',
                    '1',
                    '-subj',
                    '/CN=gbg-test',
                    '-keyout',
                    join(dir, 'key.pem'),
                    '-out',
                    join(dir, 'cert.pem'),
                ],
                { stdio: 'ignore' },
            )
        } catch {
            return // openssl not installed: covered by the unreadable-file case above
        }
        writeFileSync(pem, readFileSync(join(dir, 'cert.pem'), 'utf8') + readFileSync(join(dir, 'key.pem'), 'utf8'))
        // Execution
        const config = loadConfig({
            ...BASE,
            GBG_ENTRA_TENANT_ID: '11111111-2222-3333-4444-555555555555',
            GBG_ENTRA_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
            GBG_ENTRA_CERT_FILE: pem,
        })
        // Validation
        expect(config.entra?.certificate?.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/)
        expect(config.entra?.certificate?.privateKeyPem).toContain('PRIVATE KEY')
        expect(JSON.stringify(redactConfig(config))).not.toContain('PRIVATE KEY-----\n')
    })
})

describe('redactConfig / describeConfig', () => {
    it('never prints a secret', () => {
        // Setup
        const config = loadConfig({
            ...BASE,
            GBG_NUDGE_SECRET: 'n'.repeat(40),
            GBG_WEBHOOK_BASE_URL: 'https://admin.example.com',
            GBG_WEBHOOK_HMAC_SECRET: 'w'.repeat(40),
            GBG_TEAMS_WEBHOOK_URL: 'https://prod.westus.logic.azure.com/workflows/abc?sig=teams-sig-value',
        })
        // Execution
        const printed = JSON.stringify(redactConfig(config))
        // Validation
        for (const secret of [BASE.GBG_SN_PASSWORD, 'n'.repeat(40), 'w'.repeat(40), 'teams-sig-value']) {
            expect(printed).not.toContain(secret)
        }
        expect(printed).toContain('svc_breakglass')
        expect(printed).toContain('https://admin.example.com')
    })

    it('describes every variable with a meaning, secrets flagged', () => {
        // Execution
        const vars = describeConfig()
        // Validation
        const names = vars.map((v) => v.name)
        expect(new Set(names).size).toBe(names.length)
        for (const v of vars) {
            expect(v.name).toMatch(/^GBG_[A-Z_]+$/)
            expect(v.description.length).toBeGreaterThan(5)
        }
        const secrets = vars.filter((v) => v.secret).map((v) => v.name)
        expect(secrets).toEqual(
            expect.arrayContaining([
                'GBG_SN_PASSWORD',
                'GBG_SN_CLIENT_SECRET',
                'GBG_WEBHOOK_HMAC_SECRET',
                'GBG_NUDGE_SECRET',
                'GBG_TEAMS_WEBHOOK_URL',
                'GBG_ENTRA_CLIENT_SECRET',
            ]),
        )
        expect(vars.find((v) => v.name === 'GBG_LEASE_SECONDS')?.defaultValue).toBe('120')
    })
})

describe('loadConfig: Entra options added for the sandbox and the drift job', () => {
    const ENTRA = {
        ...BASE,
        GBG_ENTRA_TENANT_ID: '3f1e8a2c-5b7d-4c9e-8f0a-1b2c3d4e5f60',
        GBG_ENTRA_CLIENT_ID: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        GBG_ENTRA_CLIENT_SECRET: 'entra-secret-value',
    }

    it('the drift scan is off by default and takes a cron expression', () => {
        expect(loadConfig(ENTRA).driftSchedule).toBeUndefined()
        expect(loadConfig({ ...ENTRA, GBG_DRIFT_SCHEDULE: '*/30 * * * *' }).driftSchedule).toBe('*/30 * * * *')
    })

    it('refuses a bad cron expression and a drift scan without Entra, naming the variable', () => {
        expect(problemsOf({ ...ENTRA, GBG_DRIFT_SCHEDULE: 'every hour' }).join('\n')).toMatch(
            /GBG_DRIFT_SCHEDULE.*cron/,
        )
        expect(problemsOf({ ...BASE, GBG_DRIFT_SCHEDULE: '0 * * * *' }).join('\n')).toMatch(/GBG_DRIFT_SCHEDULE.*Entra/)
    })

    it('sign-out policy defaults to required; the CA file must hold a certificate', () => {
        expect(loadConfig(ENTRA).entra?.signOutPolicy).toBe('required')
        expect(loadConfig({ ...ENTRA, GBG_ENTRA_SIGN_OUT_POLICY: 'forced' }).entra?.signOutPolicy).toBe('forced')
        const notPem = join(dir, 'not-a-ca.pem')
        writeFileSync(notPem, 'hello')
        expect(problemsOf({ ...ENTRA, GBG_ENTRA_CA_FILE: notPem }).join('\n')).toMatch(/GBG_ENTRA_CA_FILE.*PEM/)
    })
})

describe('audit key (GBG_AUDIT_KEY)', () => {
    it('is a secret of at least 32 characters, never printed; the integration user defaults to GBG_SN_USERNAME', () => {
        // Setup / execution
        const key = 'k'.repeat(40)
        const config = loadConfig({ ...BASE, GBG_AUDIT_KEY: key })
        // Validation
        expect(config.audit).toEqual({ key, integrationUser: BASE.GBG_SN_USERNAME })
        expect(JSON.stringify(redactConfig(config))).not.toContain(key)
        expect(loadConfig({ ...BASE, GBG_AUDIT_INTEGRATION_USER: 'svc_x' }).audit.integrationUser).toBe('svc_x')
        let message = ''
        try {
            loadConfig({ ...BASE, GBG_AUDIT_KEY: 'short-key' })
        } catch (error) {
            message = (error as ConfigError).message
        }
        expect(message).toMatch(/GBG_AUDIT_KEY/)
        expect(message).not.toContain('short-key')
    })
})
