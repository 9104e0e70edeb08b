/**
 * The metrics choke points: every ServiceNow HTTP call (the client's observer) and every provider call (the
 * registry's instrumented port) is timed and labelled with its outcome, through the real code paths.
 */
import axios, { type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, TABLE, type ExecutionPlan } from '@gbg/shared'
import { createMetrics } from '../src/metrics'
import { instrumentProvider } from '../src/providers/instrumented'
import { createProviders } from '../src/providers/registry'
import { ProviderError, type Provider } from '../src/providers/types'
import { createServiceNowClient } from '../src/servicenow/client'
import { query } from '../src/servicenow/query'
import { startWebhookEmulator, type WebhookEmulator } from '../../test/emulators/webhook'
import { startTeamsEmulator } from '../../test/emulators/teams'
import { createTeamsNotifier, summaryFromPlan } from '../src/notify/teams'

const SECRET = 'metrics-test-secret-0123456789abcdef'
const START = new Date('2030-01-01T08:00:00Z')
const SYS_ID = '0123456789abcdef0123456789abcdef'

const plan: ExecutionPlan = {
    version: 1,
    grantSysId: SYS_ID,
    grantNumber: 'BGA0001001',
    provider: 'webhook',
    operation: 'grant',
    principal: { userSysId: 'fedcba9876543210fedcba9876543210', userName: 'alice', email: 'alice@example.com' },
    target: { kind: 'device_local_admin', deviceName: 'PC-0042', deviceClass: 'workstation' },
    durationMinutes: 60,
    justification: 'Install the plotter driver',
    tickets: { ritm: 'RITM0010001' },
    emergency: false,
    highRisk: false,
}

interface Observation {
    a: string
    b: string
    outcome: string
    seconds: number
}

describe('ServiceNow client observer', () => {
    it('reports every HTTP call with method, table and outcome: ok, not_found, lost_claim, retryable, token', async () => {
        // setup: an instance answering by path; OAuth so the token call is made too
        const seen: Observation[] = []
        const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
            const url = new URL(axios.getUri(config))
            const reply = (status: number, body: unknown): AxiosResponse => ({
                status,
                statusText: String(status),
                headers: {},
                data: JSON.stringify(body),
                config,
            })
            if (url.pathname === '/oauth_token.do') return reply(200, { access_token: 'tok', expires_in: 1800 })
            if (url.pathname.endsWith(`/${TABLE.grant}/${SYS_ID}`))
                return reply(404, { error: { message: 'No Record found', detail: '' }, status: 'failure' })
            if (config.method?.toUpperCase() === 'PATCH')
                return reply(403, {
                    error: { message: 'Operation Failed', detail: 'Claim refused: leased by another executor' },
                    status: 'failure',
                })
            if (url.pathname.endsWith(`/${TABLE.executor}`)) {
                const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', config })
                throw error
            }
            return reply(200, { result: [] })
        }
        const client = createServiceNowClient({
            baseUrl: 'https://acme.service-now.com',
            auth: { mode: 'oauth_client_credentials', clientId: 'id', clientSecret: 'secret' },
            adapter,
            getRetries: 0,
            observer: {
                observeServiceNowCall: (method, table, outcome, seconds) =>
                    seen.push({ a: method, b: table, outcome, seconds }),
            },
        })
        // execution
        await client.list(TABLE.action, query(TABLE.action).eq(ACTION_FIELDS.state, 'ready').build(), ['sys_id'])
        await client.get(TABLE.grant, SYS_ID).catch(() => undefined)
        await client.patch(TABLE.action, SYS_ID, { [ACTION_FIELDS.state]: 'claimed' }).catch(() => undefined)
        await client.ping().catch(() => undefined)
        // validation
        expect(seen.map(({ a, b, outcome }) => `${a} ${b} ${outcome}`)).toEqual([
            'POST oauth_token ok',
            `GET ${TABLE.action} ok`,
            `GET ${TABLE.grant} not_found`,
            `PATCH ${TABLE.action} lost_claim`,
            `GET ${TABLE.executor} retryable`,
        ])
        for (const o of seen) expect(o.seconds).toBeGreaterThanOrEqual(0)
    })

    it('never fails a call because the observer throws', async () => {
        const adapter: AxiosAdapter = async (config) => ({
            status: 200,
            statusText: '200',
            headers: {},
            data: JSON.stringify({ result: [] }),
            config,
        })
        const client = createServiceNowClient({
            baseUrl: 'https://acme.service-now.com',
            auth: { mode: 'basic', username: 'svc', password: 'pw' },
            adapter,
            observer: {
                observeServiceNowCall: () => {
                    throw new Error('metrics bug')
                },
            },
        })
        await expect(client.ping()).resolves.toBeUndefined()
    })
})

describe('provider calls', () => {
    let clock: Date
    let emu: WebhookEmulator

    beforeEach(async () => {
        clock = new Date(START)
        emu = await startWebhookEmulator({ hmacSecret: SECRET, now: () => clock })
    })
    afterEach(async () => {
        await emu.close()
    })

    it('times every call of a provider built by the registry, by operation and outcome', async () => {
        // setup
        const metrics = createMetrics({ defaultMetrics: false })
        const providers = createProviders(
            { providers: ['webhook'], webhook: { baseUrl: emu.url, hmacSecret: SECRET, timeoutMs: 300 } },
            { metrics, now: () => clock },
        )
        const webhook = providers.get('webhook')!
        // execution
        await webhook.health()
        const granted = await webhook.grant(plan, { idempotencyKey: 'grant:action-1' })
        await webhook.verify(plan, { idempotencyKey: 'verify:action-2', txnIds: granted.txnIds })
        emu.faults.add({ method: 'DELETE', status: 400, times: 1 })
        const refused = await webhook
            .revoke(plan, { idempotencyKey: 'revoke:action-3', txnIds: granted.txnIds })
            .catch((e: unknown) => e)
        // validation
        expect(refused).toBeInstanceOf(ProviderError)
        const text = await metrics.render()
        const count = (operation: string, outcome: string) =>
            new RegExp(
                `^gbg_provider_call_duration_seconds_count\\{provider="webhook",operation="${operation}",outcome="${outcome}"\\} 1$`,
                'm',
            )
        expect(text).toMatch(count('health', 'ok'))
        expect(text).toMatch(count('grant', 'ok'))
        expect(text).toMatch(count('verify', 'ok'))
        expect(text).toMatch(count('revoke', (refused as ProviderError).kind))
    })

    it('labels failures with the ProviderError kind (error for anything else) and passes results through', async () => {
        // setup
        const seen: string[] = []
        const failing = (error: unknown): Provider => ({
            name: 'entra-role',
            describe: () => ({ name: 'entra-role', baseUrl: 'https://graph.example', nativeExpiry: true }),
            health: async () => undefined,
            grant: async () => {
                throw error
            },
            revoke: async () => ({ alreadyAbsent: true, calls: [] }),
            verify: async () => ({ present: false, evidence: {}, calls: [] }),
        })
        const observer = {
            observeProviderCall: (p: string, op: string, outcome: string) => seen.push(`${p} ${op} ${outcome}`),
        }
        const halted = instrumentProvider(failing(new ProviderError('halted', 'PIM approval pending')), observer)
        const buggy = instrumentProvider(failing(new TypeError('bug')), observer)
        // execution
        const e1 = await halted.grant(plan, { idempotencyKey: 'k1' }).catch((e: unknown) => e)
        const e2 = await buggy.grant(plan, { idempotencyKey: 'k2' }).catch((e: unknown) => e)
        const revoked = await halted.revoke(plan, { idempotencyKey: 'k3' })
        // validation
        expect((e1 as ProviderError).kind).toBe('halted')
        expect(e2).toBeInstanceOf(TypeError)
        expect(revoked).toEqual({ alreadyAbsent: true, calls: [] })
        expect(halted.name).toBe('entra-role')
        expect(halted.describe().nativeExpiry).toBe(true)
        expect(seen).toEqual(['entra-role grant halted', 'entra-role grant error', 'entra-role revoke ok'])
    })
})

describe('Teams sends', () => {
    it('counts every send by card kind and outcome: ok, retryable (5xx), fatal (401)', async () => {
        // setup
        const teams = await startTeamsEmulator()
        try {
            const metrics = createMetrics({ defaultMetrics: false })
            const notifier = createTeamsNotifier(
                { webhookUrl: teams.workflowsUrl, instanceUrl: 'https://acme.service-now.com' },
                undefined,
                undefined,
                metrics,
            )
            const grant = summaryFromPlan(plan)
            const expiresAt = new Date(START.getTime() + 3_600_000)
            // execution
            await notifier.send({ kind: 'granted', grant, expiresAt })
            teams.faults.add({ status: 503 })
            await notifier.send({ kind: 'warning', grant, expiresAt, minutesLeft: 5 }).catch(() => undefined)
            const wrongUrl = createTeamsNotifier(
                {
                    webhookUrl: teams.workflowsUrl.replace(/sig=[^&]+/, 'sig=wrong'),
                    instanceUrl: 'https://acme.service-now.com',
                },
                undefined,
                undefined,
                metrics,
            )
            await wrongUrl.send({ kind: 'revoked', grant, revokedAt: expiresAt }).catch(() => undefined)
            // validation
            const text = await metrics.render()
            expect(text).toContain('gbg_teams_notifications_total{kind="granted",outcome="ok"} 1')
            expect(text).toContain('gbg_teams_notifications_total{kind="warning",outcome="retryable"} 1')
            expect(text).toContain('gbg_teams_notifications_total{kind="revoked",outcome="fatal"} 1')
        } finally {
            await teams.close()
        }
    })
})
