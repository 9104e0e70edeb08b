/**
 * The provider contract suite run against the `epm` provider (BeyondTrust EPM JIT Admin) and the EPM Management
 * API emulator (test/emulators/epm). Failure switches and unconfirmed contract points: test/epm-provider.test.ts.
 */
import type { ExecutionPlan } from '@gbg/shared'
import { createEpmProvider } from '../executor/src/providers/epm'
import { DECISION_PATHS, startEpmEmulator } from './emulators/epm'
import { runProviderContract, type ProviderContractFixture } from './provider-contract'

const CLIENT_ID = 'gbg-contract-client'
const SECRET = 'epm-contract-secret-0123456789'
const TIMEOUT_MS = 2_000

const plan: ExecutionPlan = {
    version: 1,
    grantSysId: '0123456789abcdef0123456789abcdef',
    grantNumber: 'BGA0001001',
    provider: 'epm',
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
    tickets: { incident: 'INC0010001', ritm: 'RITM0010001' },
    emergency: false,
    highRisk: false,
}

async function setup(): Promise<ProviderContractFixture> {
    const clock = { t: new Date('2030-01-01T08:00:00Z') }
    const now = () => clock.t
    const emu = await startEpmEmulator({ clientId: CLIENT_ID, clientSecret: SECRET, now })
    emu.addComputer('PC-0042')
    const provider = createEpmProvider(
        {
            baseUrl: emu.url,
            clientId: CLIENT_ID,
            clientSecret: SECRET,
            decisionPath: DECISION_PATHS['body-id'],
            ticketBaseUrl: 'https://example.service-now.com',
            timeoutMs: TIMEOUT_MS,
        },
        { now },
    )
    const create = /^\/management-api\/v3\/AdminAccessRequest$/
    const decide = /\/decision$/
    const getOne = /^\/management-api\/v2\/AdminAccessRequest\/[^/]+$/
    return {
        provider,
        plan,
        inject: {
            retryable: () => emu.faults.add({ method: 'POST', path: create, status: 500 }),
            fatal: () => {
                emu.jit.enabled = false
            },
            dropAfterApply: () => emu.faults.add({ method: 'POST', path: create, dropAfterApply: true }),
            documented: {
                'create 500 (the only documented error)': {
                    operation: 'grant',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'POST', path: create, status: 500 }),
                },
                'create 429 + Retry-After': {
                    operation: 'grant',
                    expect: 'retryable',
                    retryAfterMs: 30_000,
                    inject: () => emu.faults.add({ method: 'POST', path: create, status: 429, retryAfterSeconds: 30 }),
                },
                'create 400 invalid': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'POST', path: create, status: 400 }),
                },
                'create 401 twice (rights withdrawn: fresh token refused too)': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => {
                        emu.rights.jit = 'read'
                    },
                },
                'create 403': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => {
                        emu.rights.jit = 'read'
                        emu.switches.rightsRefusal = 403
                    },
                },
                'create 409 (another open request of the user)': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => emu.faults.add({ method: 'POST', path: create, status: 409 }),
                },
                'JIT Admin disabled': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => {
                        emu.jit.enabled = false
                    },
                },
                'computer offline': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => {
                        for (const c of emu.computers.values()) c.lastConnected = new Date('2029-12-01T00:00:00Z')
                    },
                },
                'computer not authorised': {
                    operation: 'grant',
                    expect: 'fatal',
                    inject: () => {
                        for (const c of emu.computers.values()) c.state = 'Pending'
                    },
                },
                'token endpoint 503': {
                    operation: 'grant',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'POST', path: /^\/oauth\//, status: 503 }),
                },
                'decide 500 on revoke': {
                    operation: 'revoke',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'POST', path: decide, status: 500 }),
                },
                'decide answer lost on revoke': {
                    operation: 'revoke',
                    expect: 'unknown_outcome',
                    inject: () => emu.faults.add({ method: 'POST', path: decide, dropBeforeApply: true }),
                },
                'revoke after EPM expired the session': {
                    operation: 'revoke',
                    expect: 'already_absent',
                    inject: () => {
                        clock.t = new Date(clock.t.getTime() + 61 * 60_000)
                    },
                },
                'revoke after a console admin denied it': {
                    operation: 'revoke',
                    expect: 'already_absent',
                    inject: () => {
                        for (const r of emu.requests.values()) r.decision = 'Denied'
                    },
                },
                'get 500 on verify': {
                    operation: 'verify',
                    expect: 'retryable',
                    inject: () => emu.faults.add({ method: 'GET', path: getOne, status: 500 }),
                },
            },
        },
        countGrants: () => emu.openRequestsFor('alice').filter((r) => r.decision === 'Approved').length,
        teardown: () => emu.close(),
    }
}

runProviderContract('epm', setup)
