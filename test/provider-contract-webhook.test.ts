/**
 * The provider contract suite run against the webhook provider and the admin-as-a-service emulator.
 */
import type { ExecutionPlan } from '@gbg/shared'
import { createWebhookProvider } from '../executor/src/providers/webhook'
import { startWebhookEmulator } from './emulators/webhook'
import { runProviderContract, type ProviderContractFixture } from './provider-contract'

const SECRET = 'contract-suite-secret-0123456789abcdef'
/** Short enough that a latency fault turns into a timeout quickly, long enough for a loaded CI machine. */
const TIMEOUT_MS = 400

const plan: ExecutionPlan = {
    version: 1,
    grantSysId: '0123456789abcdef0123456789abcdef',
    grantNumber: 'BGA0001001',
    provider: 'webhook',
    operation: 'grant',
    principal: { userSysId: 'fedcba9876543210fedcba9876543210', userName: 'alice', email: 'alice@example.com' },
    target: {
        kind: 'device_local_admin',
        deviceName: 'PC-0042',
        deviceClass: 'workstation',
        ciSysId: 'aaaabbbbccccddddaaaabbbbccccdddd',
    },
    durationMinutes: 60,
    justification: 'Install the plotter driver (INC0010001)',
    tickets: { incident: 'INC0010001' },
    emergency: false,
    highRisk: false,
}

async function setup(): Promise<ProviderContractFixture> {
    const clock = new Date('2030-01-01T08:00:00Z')
    const now = () => clock
    const emu = await startWebhookEmulator({ hmacSecret: SECRET, now })
    const provider = createWebhookProvider({ baseUrl: emu.url, hmacSecret: SECRET, timeoutMs: TIMEOUT_MS }, { now })
    const grants = /^\/grants$/
    const one = /^\/grants\/[^/]+$/
    return {
        provider,
        plan,
        inject: {
            retryable: () => emu.faults.add({ method: 'POST', path: grants, status: 503 }),
            fatal: () => emu.faults.add({ method: 'POST', path: grants, status: 403 }),
            dropAfterApply: () => emu.faults.add({ method: 'POST', path: grants, dropAfterApply: true }),
            documented: {
                'grant 400 validation_failed': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'POST', status: 400 }),
                },
                'grant 401 signature refused': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'POST', status: 401 }),
                },
                'grant 403 principal_not_allowed': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'POST', status: 403 }),
                },
                'grant 409 grant_conflict': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'POST', status: 409 }),
                },
                'grant 422 idempotency_key_reused': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'POST', status: 422 }),
                },
                'grant 408': {
                    operation: 'grant',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'POST', status: 408 }),
                },
                'grant 429 + Retry-After': {
                    operation: 'grant',
                    expect: 'retryable',
                    retryAfterMs: 7000,
                    inject: () => emu.faults.add({ method: 'POST', status: 429, retryAfterSeconds: 7 }),
                },
                'grant 500': {
                    operation: 'grant',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'POST', status: 500 }),
                },
                'grant 503 + Retry-After': {
                    operation: 'grant',
                    expect: 'retryable',
                    retryAfterMs: 30_000,
                    inject: () => emu.faults.add({ method: 'POST', status: 503, retryAfterSeconds: 30 }),
                },
                'grant timeout after sending': {
                    operation: 'grant',
                    expect: 'unknown_outcome',
                    inject: () => emu.faults.add({ method: 'POST', latencyMs: TIMEOUT_MS * 4 }),
                },
                'grant connection reset after sending': {
                    operation: 'grant',
                    expect: 'unknown_outcome',
                    inject: () => emu.faults.add({ method: 'POST', dropBeforeApply: true }),
                },
                'grant 201 body not understood': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'POST', status: 201, body: '{"ok":true}' }),
                },
                'revoke 410 already revoked': {
                    operation: 'revoke',
                    expect: 'already_absent',
                    inject: () => emu.faults.add({ method: 'DELETE', path: one, status: 410 }),
                },
                'revoke 429 + Retry-After': {
                    operation: 'revoke',
                    expect: 'retryable',
                    retryAfterMs: 2000,
                    inject: () => emu.faults.add({ method: 'DELETE', status: 429, retryAfterSeconds: 2 }),
                },
                'revoke 502': {
                    operation: 'revoke',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'DELETE', status: 502 }),
                },
                'revoke 403': {
                    operation: 'revoke',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'DELETE', status: 403 }),
                },
                'revoke timeout after sending': {
                    operation: 'revoke',
                    expect: 'unknown_outcome',
                    inject: () => emu.faults.add({ method: 'DELETE', latencyMs: TIMEOUT_MS * 4 }),
                },
                'verify 503': {
                    operation: 'verify',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'GET', status: 503 }),
                },
                'verify timeout (a read: retryable)': {
                    operation: 'verify',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'GET', latencyMs: TIMEOUT_MS * 4 }),
                },
                'verify 401': {
                    operation: 'verify',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'GET', status: 401 }),
                },
                'verify 200 body not understood': {
                    operation: 'verify',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'GET', status: 200, body: '<html>login</html>' }),
                },
            },
        },
        countGrants: () => emu.activeGrantsFor(plan.principal.userName).length,
        teardown: () => emu.close(),
    }
}

runProviderContract('webhook', setup)
