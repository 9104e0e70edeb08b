/**
 * The webhook provider against the emulator: signing and idempotency keys on the wire, transaction ids,
 * reconciliation paths of revoke / verify, redaction of audited calls, and configuration checks.
 * (The generic contract suite lives in test/provider-contract-webhook.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExecutionPlan } from '@gbg/shared'
import { ProviderError } from '../src/providers/types'
import { IDEMPOTENCY_TXN_PREFIX, WebhookProvider, createWebhookProvider } from '../src/providers/webhook'
import { startWebhookEmulator, type WebhookEmulator } from '../../test/emulators/webhook'

const SECRET = 'provider-test-secret-0123456789abcdef'
const START = new Date('2030-01-01T08:00:00Z')

const plan: ExecutionPlan = {
    version: 1,
    grantSysId: '0123456789abcdef0123456789abcdef',
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

let clock: Date
let emu: WebhookEmulator
let provider: WebhookProvider

beforeEach(async () => {
    clock = new Date(START)
    emu = await startWebhookEmulator({ hmacSecret: SECRET, now: () => clock })
    provider = createWebhookProvider({ baseUrl: emu.url, hmacSecret: SECRET, timeoutMs: 300 }, { now: () => clock })
})

afterEach(async () => {
    await emu.close()
})

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
    const err = await promise.then(
        () => undefined,
        (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ProviderError)
    return err as ProviderError
}

describe('grant', () => {
    it('sends the idempotency key, records id and key as transaction ids, and native expiry', async () => {
        // execution
        const result = await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        // validation
        const [grant] = [...emu.grants.values()]
        expect(grant!.idempotencyKey).toBe('grant:action-1')
        expect(grant!.target).toEqual({ kind: 'device_local_admin', deviceName: 'PC-0042', deviceClass: 'workstation' })
        expect(result.txnIds).toEqual([grant!.id, `${IDEMPOTENCY_TXN_PREFIX}grant:action-1`])
        expect(result.expiresAt).toEqual(new Date(START.getTime() + 60 * 60_000))
        expect(result.nativeExpiry).toBe(true)
        expect(result.alreadyDone).toBe(false)
    })

    it('never puts the secret or the signature into audited calls', async () => {
        // execution
        const granted = await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        const revoked = await provider.revoke(plan, { idempotencyKey: 'revoke:action-2', txnIds: granted.txnIds })
        // validation
        const audited = JSON.stringify([granted.calls, revoked.calls])
        expect(audited).not.toContain(SECRET)
        expect(audited).not.toMatch(/v1=|X-GBG-Signature|signature/i)
        expect(granted.calls[0]).toMatchObject({ method: 'POST', url: `${emu.url}/grants`, status: 201 })
    })

    it('reconciles a replayed answer against the current state: a grant revoked since is fatal', async () => {
        // setup
        const first = await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        await provider.revoke(plan, { idempotencyKey: 'revoke:1', txnIds: first.txnIds })
        // execution
        const err = await providerError(provider.grant(plan, { idempotencyKey: 'grant:action-1' }))
        // validation
        expect(err.kind).toBe('fatal')
        expect(err.message).toMatch(/is revoked/)
        expect(emu.grants.size).toBe(1)
    })

    it('revokes at the approved end when the service sets a later expiry', async () => {
        // setup: the service answers with a 3-hour expiry for a 60-minute plan
        const late = new Date(START.getTime() + 3 * 3_600_000).toISOString()
        const body = JSON.stringify({ id: 'grt_x', status: 'active', grantedAt: START.toISOString(), expiresAt: late })
        emu.faults.add({ method: 'POST', status: 201, body })
        // execution
        const result = await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        // validation
        expect(result.expiresAt).toEqual(new Date(START.getTime() + 60 * 60_000))
        expect(result.nativeExpiry).toBe(false)
        expect(result.notes?.[0]).toMatch(/later than the approved end/)
    })

    it('refuses plans for another provider or an unsupported target without calling the service', async () => {
        // execution
        const wrong = await providerError(provider.grant({ ...plan, provider: 'entra-role' }, { idempotencyKey: 'k' }))
        const role = await providerError(
            provider.grant({ ...plan, target: { kind: 'entra_role', roleId: 'r' } }, { idempotencyKey: 'k' }),
        )
        const badKey = await providerError(provider.grant(plan, { idempotencyKey: 'bad key/../x' }))
        // validation
        expect([wrong.kind, role.kind, badKey.kind]).toEqual(['fatal', 'fatal', 'fatal'])
        expect(emu.callCount('POST', '/grants')).toBe(0)
    })

    it('a timeout on a service that still applies the grant is unknown_outcome; verify finds it, retry replays', async () => {
        // setup: the service answers after the 300 ms client timeout but completes the grant
        emu.faults.add({ method: 'POST', latencyMs: 600 })
        const ctx = { idempotencyKey: 'grant:action-1' }
        // execution
        const err = await providerError(provider.grant(plan, ctx))
        await emu.settled()
        const seen = await provider.verify(plan, ctx)
        const retried = await provider.grant(plan, ctx)
        // validation
        expect(err.kind).toBe('unknown_outcome')
        expect(err.code).toBe('ECONNABORTED')
        expect(seen.present).toBe(true)
        expect(retried.alreadyDone).toBe(true)
        expect(emu.grants.size).toBe(1)
    })

    it('turns an abort after sending into unknown_outcome', async () => {
        // setup
        emu.faults.add({ method: 'POST', latencyMs: 1000 })
        const controller = new AbortController()
        // execution
        const pending = provider.grant(plan, { idempotencyKey: 'grant:action-1', signal: controller.signal })
        setTimeout(() => controller.abort(), 50)
        const err = await providerError(pending)
        // validation
        expect(err.kind).toBe('unknown_outcome')
        expect(err.code).toBe('ERR_CANCELED')
    })

    it('treats a refused connection as retryable (nothing was sent)', async () => {
        // setup
        await emu.close()
        // execution
        const err = await providerError(provider.grant(plan, { idempotencyKey: 'grant:action-1' }))
        // validation
        expect(err.kind).toBe('retryable')
        expect(err.code).toBe('ECONNREFUSED')
        emu = await startWebhookEmulator({ hmacSecret: SECRET, now: () => clock }) // for afterEach
    })
})

describe('revoke', () => {
    it('on 404 for the id, finds the grant by the recorded key and revokes it', async () => {
        // setup: the recorded id is stale but the key is right
        const granted = await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        const txnIds = ['grt_stale', granted.txnIds[1]!]
        // execution
        const result = await provider.revoke(plan, { idempotencyKey: 'revoke:action-2', txnIds })
        // validation
        expect(result.alreadyAbsent).toBe(false)
        expect(emu.activeGrantsFor('alice')).toHaveLength(0)
        expect(emu.callCount('GET', '/grants')).toBe(1)
    })

    it('on 404 with nothing under the key, reports already absent', async () => {
        const result = await provider.revoke(plan, {
            idempotencyKey: 'revoke:2',
            txnIds: ['grt_gone', `${IDEMPOTENCY_TXN_PREFIX}grant:never`],
        })
        expect(result.alreadyAbsent).toBe(true)
        expect(result.notes).toEqual(['No grant exists at the service.'])
    })

    it('without transaction ids, finds the grant by the context key (grant outcome never recorded)', async () => {
        // setup
        await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        // execution
        const result = await provider.revoke(plan, { idempotencyKey: 'grant:action-1' })
        // validation
        expect(result.alreadyAbsent).toBe(false)
        expect(emu.activeGrantsFor('alice')).toHaveLength(0)
    })

    it('treats a natively expired grant as already absent', async () => {
        // setup
        const granted = await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        clock = new Date(START.getTime() + 61 * 60_000)
        // execution
        const result = await provider.revoke(plan, { idempotencyKey: 'revoke:1', txnIds: granted.txnIds })
        // validation
        expect(result.alreadyAbsent).toBe(true)
    })

    it('refuses a recorded transaction id that is not a grant id, without building a URL from it', async () => {
        const err = await providerError(provider.revoke(plan, { idempotencyKey: 'revoke:1', txnIds: ['../admin?x=1'] }))
        expect(err.kind).toBe('fatal')
        expect(emu.callCount('DELETE', '/')).toBe(0)
    })
})

describe('verify', () => {
    it('reads by id and reports evidence and expiry', async () => {
        // setup
        const granted = await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        // execution
        const result = await provider.verify(plan, { idempotencyKey: 'verify:1', txnIds: granted.txnIds })
        // validation
        expect(result.present).toBe(true)
        expect(result.expiresAt).toEqual(granted.expiresAt)
        expect(result.evidence).toMatchObject({ grantId: granted.txnIds[0], status: 'active', principal: 'alice' })
    })

    it('reads by idempotency key when no id is known, and reports absence', async () => {
        // execution
        const none = await provider.verify(plan, { idempotencyKey: 'grant:action-1' })
        await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        const some = await provider.verify(plan, { idempotencyKey: 'grant:action-1' })
        const found = await provider.findByIdempotencyKey('grant:action-1')
        // validation
        expect(none.present).toBe(false)
        expect(none.evidence).toMatchObject({ found: false })
        expect(some.present).toBe(true)
        expect(found.grants).toHaveLength(1)
    })

    it('refuses a grant that belongs to another principal', async () => {
        // setup
        const granted = await provider.grant(plan, { idempotencyKey: 'grant:action-1' })
        const bob = { ...plan, principal: { ...plan.principal, userName: 'bob', email: 'bob@example.com' } }
        // execution
        const err = await providerError(provider.verify(bob, { idempotencyKey: 'v', txnIds: granted.txnIds }))
        // validation
        expect(err.kind).toBe('fatal')
        expect(err.code).toBe('principal_mismatch')
    })
})

describe('health and configuration', () => {
    it('is healthy with the right secret and fatal with a wrong one', async () => {
        // setup
        const wrong = createWebhookProvider({ baseUrl: emu.url, hmacSecret: 'w'.repeat(40) }, { now: () => clock })
        // execution + validation
        await expect(provider.health()).resolves.toBeUndefined()
        const err = await providerError(wrong.health())
        expect(err.kind).toBe('fatal')
        expect(err.code).toBe('signature_invalid')
    })

    it('is fatal when its clock is off by more than the replay window', async () => {
        const skewed = createWebhookProvider(
            { baseUrl: emu.url, hmacSecret: SECRET },
            { now: () => new Date(clock.getTime() + 301_000) },
        )
        const err = await providerError(skewed.health())
        expect(err.code).toBe('signature_expired')
    })

    it('refuses plain http except to localhost, credentials in the URL and short secrets', () => {
        expect(() => createWebhookProvider({ baseUrl: 'http://admin.example.com', hmacSecret: SECRET })).toThrow(
            /https/,
        )
        expect(() => createWebhookProvider({ baseUrl: 'https://u:p@admin.example.com', hmacSecret: SECRET })).toThrow(
            /credentials/,
        )
        expect(() => createWebhookProvider({ baseUrl: 'https://admin.example.com', hmacSecret: 'short' })).toThrow(/32/)
        expect(
            createWebhookProvider({ baseUrl: 'https://admin.example.com/api/', hmacSecret: SECRET }).describe(),
        ).toEqual({
            name: 'webhook',
            baseUrl: 'https://admin.example.com/api',
            nativeExpiry: true,
        })
    })
})
