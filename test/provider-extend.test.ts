/**
 * provider.extend of the webhook (contract 1.1 `POST /grants/{id}/extend`) and EPM (the decision call re-approves the
 * live request to the new end) against their emulators: in place, idempotent, lost answers, ended access, a service
 * or setting that cannot extend (webhook contract 1.0.0; EPM `extendApproved` conflict-409 / no-effect), bounds, and
 * the emulator's own rules. Each provider's result is checked at the emulator, not only in what the provider says.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ExecutionPlan } from '@gbg/shared'
import { ACCESS_ENDED_CODE, ProviderError } from '../executor/src/providers/types'
import { IDEMPOTENCY_TXN_PREFIX, createWebhookProvider } from '../executor/src/providers/webhook'
import { createEpmProvider } from '../executor/src/providers/epm'
import { signRequest } from '../executor/src/providers/webhook/signature'
import { startWebhookEmulator, type WebhookEmulator } from './emulators/webhook'
import { DECISION_PATHS, SWITCH_SETTINGS, startEpmEmulator, type EpmEmulator, type EpmSwitches } from './emulators/epm'

const T0 = new Date('2030-05-06T09:00:00Z')
const MIN = 60_000

const base = {
    version: 1,
    grantSysId: '0123456789abcdef0123456789abcdef',
    grantNumber: 'BGA0003001',
    operation: 'grant',
    principal: { userSysId: 'fedcba9876543210fedcba9876543210', userName: 'alice', email: 'alice@example.com' },
    target: { kind: 'device_local_admin', deviceName: 'PC-0042', deviceClass: 'workstation' },
    durationMinutes: 30,
    justification: 'Install the plotter driver',
    tickets: { ritm: 'RITM0030001' },
    emergency: false,
    highRisk: false,
} as const
const webhookPlan = { ...base, provider: 'webhook' } as unknown as ExecutionPlan
const epmPlan = { ...base, provider: 'epm' } as unknown as ExecutionPlan

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c()))
})

async function rejected(promise: Promise<unknown>): Promise<ProviderError> {
    const err = await promise.then(
        () => undefined,
        (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ProviderError)
    return err as ProviderError
}

describe('webhook extend (contract 1.1)', () => {
    const SECRET = 'extend-test-secret-0123456789abcdef01'
    async function fx(contractVersion: '1.0.0' | '1.1.0' = '1.1.0') {
        const clock = { t: T0 }
        const emu: WebhookEmulator = await startWebhookEmulator({
            hmacSecret: SECRET,
            now: () => clock.t,
            contractVersion,
        })
        closers.push(() => emu.close())
        const provider = createWebhookProvider(
            { baseUrl: emu.url, hmacSecret: SECRET, timeoutMs: 500 },
            { now: () => clock.t },
        )
        const granted = await provider.grant(webhookPlan, { idempotencyKey: 'grant-action-1' })
        return { emu, provider, clock, granted, grant: [...emu.grants.values()][0]! }
    }

    it('moves the end of the same grant; a repeat (lost answer) makes no second call', async () => {
        const { emu, provider, clock, granted, grant } = await fx()
        clock.t = new Date(T0.getTime() + 20 * MIN)
        const to = new Date(T0.getTime() + 45 * MIN)
        const ctx = { idempotencyKey: 'ext-action-1', txnIds: granted.txnIds, reference: 'BGA0003002' }
        // execution
        const first = await provider.extend(webhookPlan, to, ctx)
        const again = await provider.extend(webhookPlan, to, ctx)
        // validation: one grant, its end moved, one extend call; the second attempt read and stopped
        expect(emu.grants.size).toBe(1)
        expect(grant.expiresAt).toEqual(to)
        expect(grant.extensions).toEqual([
            { extensionNumber: 'BGA0003002', from: new Date(T0.getTime() + 30 * MIN), to, at: clock.t },
        ])
        expect(first).toMatchObject({ expiresAt: to, nativeExpiry: true, alreadyDone: false })
        expect(first.txnIds).toEqual([grant.id, `${IDEMPOTENCY_TXN_PREFIX}ext-action-1`])
        expect(again).toMatchObject({ expiresAt: to, alreadyDone: true })
        expect(emu.callCount('POST', `/grants/${grant.id}/extend`)).toBe(1)
        // the service ends it natively at the new end
        clock.t = new Date(to.getTime() + 1)
        expect(grant.status).toBe('expired')
    })

    it('a dropped answer leaves the outcome unknown; the retry finds it done', async () => {
        const { emu, provider, clock, granted, grant } = await fx()
        clock.t = new Date(T0.getTime() + 10 * MIN)
        const to = new Date(T0.getTime() + 40 * MIN)
        emu.faults.add({ method: 'POST', path: /\/extend$/, dropAfterApply: true })
        const ctx = { idempotencyKey: 'ext-action-2', txnIds: granted.txnIds }
        const lost = await rejected(provider.extend(webhookPlan, to, ctx))
        expect(lost.kind).toBe('unknown_outcome')
        expect(grant.expiresAt).toEqual(to)
        expect(await provider.extend(webhookPlan, to, ctx)).toMatchObject({ alreadyDone: true })
        expect(emu.callCount('POST', `/grants/${grant.id}/extend`)).toBe(1)
    })

    it('finds the grant by its recorded key when the id is not recorded; fails when nothing is recorded', async () => {
        const { emu, provider, granted, grant } = await fx()
        const to = new Date(T0.getTime() + 35 * MIN)
        const keyOnly = granted.txnIds.filter((t) => t.startsWith(IDEMPOTENCY_TXN_PREFIX))
        await provider.extend(webhookPlan, to, { idempotencyKey: 'ext-3', txnIds: keyOnly })
        expect(grant.expiresAt).toEqual(to)
        const none = await rejected(provider.extend(webhookPlan, to, { idempotencyKey: 'ext-4', txnIds: [] }))
        expect(none).toMatchObject({ kind: 'fatal', code: 'bad_txn_id' })
        expect(emu.callCount('POST', `/grants/${grant.id}/extend`)).toBe(1)
    })

    it('ended access (revoked, expired) is never extended: fatal access_ended, no extend call', async () => {
        const revokedFx = await fx()
        await revokedFx.provider.revoke(webhookPlan, { idempotencyKey: 'r', txnIds: revokedFx.granted.txnIds })
        const to = new Date(T0.getTime() + 45 * MIN)
        const err = await rejected(
            revokedFx.provider.extend(webhookPlan, to, { idempotencyKey: 'e', txnIds: revokedFx.granted.txnIds }),
        )
        expect(err).toMatchObject({ kind: 'fatal', code: ACCESS_ENDED_CODE })
        expect(revokedFx.emu.callCount('POST', '/grants/')).toBe(0)
        const expiredFx = await fx()
        expiredFx.clock.t = new Date(T0.getTime() + 31 * MIN)
        const late = await rejected(
            expiredFx.provider.extend(webhookPlan, to, { idempotencyKey: 'e', txnIds: expiredFx.granted.txnIds }),
        )
        expect(late).toMatchObject({ code: ACCESS_ENDED_CODE })
        expect(expiredFx.grant.expiresAt).toEqual(new Date(T0.getTime() + 30 * MIN))
    })

    it('a 1.0.0 service (no extend route) refuses: fatal extend_not_supported, the grant unchanged', async () => {
        const { provider, granted, grant } = await fx('1.0.0')
        const to = new Date(T0.getTime() + 45 * MIN)
        const err = await rejected(provider.extend(webhookPlan, to, { idempotencyKey: 'e', txnIds: granted.txnIds }))
        expect(err).toMatchObject({ kind: 'fatal', code: 'extend_not_supported' })
        expect(grant.expiresAt).toEqual(new Date(T0.getTime() + 30 * MIN))
    })

    it('a grant that ends between the read and the call (410) is not extended: access_ended', async () => {
        const { emu, provider, granted, grant } = await fx()
        emu.faults.add({ method: 'POST', path: /\/extend$/, status: 410 })
        const to = new Date(T0.getTime() + 45 * MIN)
        const err = await rejected(provider.extend(webhookPlan, to, { idempotencyKey: 'e', txnIds: granted.txnIds }))
        expect(err).toMatchObject({ kind: 'fatal', code: ACCESS_ENDED_CODE })
        expect(grant.expiresAt).toEqual(new Date(T0.getTime() + 30 * MIN))
    })

    it('the emulator: never shortens, at most 1440 minutes, keys replay or refuse another body, signed', async () => {
        const { emu, grant } = await fx()
        const send = async (body: unknown, key = 'k-1', id = grant.id) => {
            const text = JSON.stringify(body)
            const path = `/grants/${id}/extend`
            const res = await fetch(`${emu.url}${path}`, {
                method: 'POST',
                headers: {
                    'Content-Type': 'application/json',
                    'Idempotency-Key': key,
                    'X-GBG-Signature': signRequest(SECRET, T0, 'POST', path, text),
                },
                body: text,
            })
            return { status: res.status, replayed: res.headers.get('idempotent-replayed'), json: await res.json() }
        }
        const iso = (m: number) => new Date(T0.getTime() + m * MIN).toISOString()
        expect((await send({ expiresAt: iso(20), extensionNumber: 'X1' })).status).toBe(400)
        expect((await send({ expiresAt: iso(1441), extensionNumber: 'X1' })).status).toBe(400)
        expect((await send({ expiresAt: iso(50), extensionNumber: 'X1', extra: 1 })).status).toBe(400)
        expect((await send({ expiresAt: iso(50), extensionNumber: 'X1' }, 'k-1', 'nope')).status).toBe(404)
        const ok = await send({ expiresAt: iso(50), extensionNumber: 'X1' })
        expect(ok).toMatchObject({ status: 200, replayed: null, json: { id: grant.id, expiresAt: iso(50) } })
        const replay = await send({ expiresAt: iso(50), extensionNumber: 'X1' })
        expect(replay).toMatchObject({ status: 200, replayed: 'true' })
        expect((await send({ expiresAt: iso(60), extensionNumber: 'X1' })).json.error.code).toBe(
            'idempotency_key_reused',
        )
        expect(grant.expiresAt.toISOString()).toBe(iso(50))
        const unsigned = await fetch(`${emu.url}/grants/${grant.id}/extend`, { method: 'POST', body: '{}' })
        expect(unsigned.status).toBe(401)
    })
})

describe('EPM extend (decision call on the live request)', () => {
    const CLIENT_ID = 'gbg-extend-client'
    const SECRET = 'epm-extend-secret-do-not-log-0123456789'
    async function fx(switches: Partial<EpmSwitches> = {}) {
        const clock = { t: T0 }
        const emu: EpmEmulator = await startEpmEmulator({
            clientId: CLIENT_ID,
            clientSecret: SECRET,
            now: () => clock.t,
            switches,
        })
        closers.push(() => emu.close())
        emu.addComputer('PC-0042')
        const provider = createEpmProvider(
            {
                baseUrl: emu.url,
                clientId: CLIENT_ID,
                clientSecret: SECRET,
                decisionPath: DECISION_PATHS[emu.switches.decisionPath],
                timeoutMs: 500,
            },
            { now: () => clock.t },
        )
        const granted = await provider.grant(epmPlan, { idempotencyKey: 'grant-action-1' })
        const request = () => [...emu.requests.values()][0]!
        const end = () => {
            const r = request()
            return (r.decisionTime ?? r.createdOn).getTime() + r.durationSeconds * 1000
        }
        return { emu, provider, clock, granted, request, end }
    }
    const decisions = (emu: EpmEmulator) => emu.callCount('POST', '/management-api/v2/AdminAccessRequest')

    it('re-approves the same request to the new end; a repeat makes no second decision; EPM ends it there', async () => {
        const { emu, provider, clock, granted, request, end } = await fx()
        clock.t = new Date(T0.getTime() + 25 * MIN)
        const to = new Date(T0.getTime() + 50 * MIN)
        const ctx = { idempotencyKey: 'ext-1', txnIds: granted.txnIds, reference: 'BGA0003002' }
        const first = await provider.extend(epmPlan, to, ctx)
        const again = await provider.extend(epmPlan, to, ctx)
        expect(emu.requests.size).toBe(1)
        expect(end()).toBe(to.getTime())
        expect(request().decision).toBe('Approved')
        expect(request().message).toContain('BGA0003002')
        expect(first).toMatchObject({ expiresAt: to, nativeExpiry: true, alreadyDone: false })
        expect(first.txnIds[0]).toBe(request().id)
        expect(again.alreadyDone).toBe(true)
        expect(decisions(emu)).toBe(1)
        clock.t = new Date(to.getTime() + 1)
        expect(emu.openRequestsFor('alice')).toHaveLength(0)
    })

    it('a dropped answer: unknown outcome, then found done', async () => {
        const { emu, provider, clock, granted, end } = await fx()
        clock.t = new Date(T0.getTime() + 5 * MIN)
        const to = new Date(T0.getTime() + 40 * MIN)
        emu.faults.add({ method: 'POST', path: /decision/, dropAfterApply: true })
        const ctx = { idempotencyKey: 'ext-2', txnIds: granted.txnIds }
        expect((await rejected(provider.extend(epmPlan, to, ctx))).kind).toBe('unknown_outcome')
        expect(end()).toBe(to.getTime())
        expect((await provider.extend(epmPlan, to, ctx)).alreadyDone).toBe(true)
        expect(decisions(emu)).toBe(1)
    })

    for (const setting of SWITCH_SETTINGS.extendApproved) {
        it(`extendApproved=${setting}: extended, or refused with the session unchanged`, async () => {
            const { emu, provider, clock, granted, end } = await fx({ extendApproved: setting })
            clock.t = new Date(T0.getTime() + 10 * MIN)
            const to = new Date(T0.getTime() + 45 * MIN)
            const run = provider.extend(epmPlan, to, { idempotencyKey: 'ext-3', txnIds: granted.txnIds })
            if (setting === 'restarts') {
                await run
                expect(end()).toBe(to.getTime())
            } else {
                const err = await rejected(run)
                expect(err).toMatchObject({ kind: 'fatal', code: 'extend_refused' })
                expect(end()).toBe(T0.getTime() + 30 * MIN)
            }
            expect(emu.requests.size).toBe(1)
        })
    }

    it('a denied (revoked) or expired session is never extended; nor a new end under 5 minutes away', async () => {
        const { emu, provider, clock, granted, request } = await fx()
        clock.t = new Date(T0.getTime() + 28 * MIN)
        const tooSoon = await rejected(
            provider.extend(epmPlan, new Date(T0.getTime() + 32 * MIN), {
                idempotencyKey: 'e',
                txnIds: granted.txnIds,
            }),
        )
        expect(tooSoon.code).toBe('duration_out_of_range')
        await provider.revoke(epmPlan, { idempotencyKey: 'r', txnIds: granted.txnIds })
        expect(request().decision).toBe('Denied')
        const denied = await rejected(
            provider.extend(epmPlan, new Date(T0.getTime() + 60 * MIN), {
                idempotencyKey: 'e',
                txnIds: granted.txnIds,
            }),
        )
        expect(denied).toMatchObject({ kind: 'fatal', code: ACCESS_ENDED_CODE })
        expect(request().decision).toBe('Denied')
        expect(emu.openRequestsFor('alice')).toHaveLength(0)
        const noRecord = await rejected(
            provider.extend(epmPlan, new Date(T0.getTime() + 60 * MIN), { idempotencyKey: 'e' }),
        )
        expect(noRecord.code).toBe('bad_txn_id')
    })
})
