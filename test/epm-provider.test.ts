/**
 * The `epm` provider against the EPM emulator: every failure switch and every unconfirmed contract point under
 * each of its settings (the provider must be correct under all), the token cache, the computer checks, the
 * duplicate protection, and the session activity summary with ingestion lag. Virtual time throughout.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ExecutionPlan } from '@gbg/shared'
import {
    createEpmProvider,
    ENDED_SESSION_MARGIN_MS,
    LATE_AFTER_MS,
    TOKEN_RENEW_BEFORE_MS,
    type EpmProvider,
} from '../executor/src/providers/epm'
import { ProviderError, type ProviderCallContext } from '../executor/src/providers/types'
import { DECISION_PATHS, SWITCH_SETTINGS, startEpmEmulator, type EpmEmulator, type EpmSwitches } from './emulators/epm'

const CLIENT_ID = 'gbg-test-client'
const SECRET = 'epm-test-secret-do-not-log-0123456789'
const T0 = new Date('2030-03-04T09:00:00Z')

const plan: ExecutionPlan = {
    version: 1,
    grantSysId: '0123456789abcdef0123456789abcdef',
    grantNumber: 'BGA0002001',
    provider: 'epm',
    operation: 'grant',
    principal: { userSysId: 'fedcba9876543210fedcba9876543210', userName: 'bob', email: 'bob@example.com' },
    target: { kind: 'device_local_admin', deviceName: 'PC-0042', deviceClass: 'workstation' },
    durationMinutes: 30,
    justification: 'Update the CAD software',
    tickets: { ritm: 'RITM0020001' },
    emergency: false,
    highRisk: false,
}

interface Fx {
    emu: EpmEmulator
    provider: EpmProvider
    clock: { t: Date }
    logs: string[]
    advance(ms: number): void
}

const open: EpmEmulator[] = []
afterEach(async () => {
    await Promise.all(open.splice(0).map((e) => e.close()))
})

/** `skewMs`: the executor's clock runs this far ahead of EPM's. */
async function fixture(switches: Partial<EpmSwitches> = {}, computer = true, skewMs = 0): Promise<Fx> {
    const clock = { t: T0 }
    const now = () => clock.t
    const executorNow = () => new Date(clock.t.getTime() + skewMs)
    const emu = await startEpmEmulator({ clientId: CLIENT_ID, clientSecret: SECRET, now, switches })
    open.push(emu)
    if (computer) emu.addComputer('PC-0042')
    const logs: string[] = []
    const record = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
        logs.push(`${level} ${msg} ${JSON.stringify(fields ?? {})}`)
    const provider = createEpmProvider(
        {
            baseUrl: emu.url,
            clientId: CLIENT_ID,
            clientSecret: SECRET,
            decisionPath: DECISION_PATHS[emu.switches.decisionPath],
            ticketBaseUrl: 'https://example.service-now.com',
            timeoutMs: 2_000,
        },
        {
            now: executorNow,
            logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
        },
    )
    return { emu, provider, clock, logs, advance: (ms) => (clock.t = new Date(clock.t.getTime() + ms)) }
}

let seq = 0
const key = (): string => `action-${++seq}`

async function failure(p: Promise<unknown>): Promise<ProviderError> {
    try {
        await p
    } catch (e) {
        expect(e).toBeInstanceOf(ProviderError)
        return e as ProviderError
    }
    throw new Error('expected a ProviderError')
}

/** grant → session events → revoke → verify with the activity summary; asserts the invariants. */
async function lifecycle(fx: Fx): Promise<void> {
    const ctx: ProviderCallContext = { idempotencyKey: key() }
    const granted = await fx.provider.grant(plan, ctx)
    const id = granted.txnIds[0]!
    expect(granted.alreadyDone).toBe(false)
    expect(granted.nativeExpiry).toBe(true)
    expect(granted.expiresAt.toISOString()).toBe(new Date(T0.getTime() + 30 * 60_000).toISOString())
    const stored = fx.emu.requests.get(id)!
    expect(stored.decision).toBe('Approved')
    expect(stored.durationSeconds).toBe(1800)
    expect(stored.ticketId).toBe('RITM0020001')
    expect(stored.ticketUrl).toContain('RITM0020001')
    expect(fx.emu.openRequestsFor('bob')).toHaveLength(1)
    fx.emu.recordSessionEvent(id, { code: '300', at: new Date(T0.getTime() + 60_000) })
    fx.emu.recordSessionEvent(id, { code: '101', at: new Date(T0.getTime() + 5 * 60_000), process: 'setup.exe' })
    fx.emu.recordSessionEvent(id, { code: 'PPAM', at: new Date(T0.getTime() + 9 * 60_000) })
    fx.emu.recordOtherEvent({ code: '101', at: new Date(T0.getTime() + 6 * 60_000) })
    fx.advance(10 * 60_000)
    const withTxn = { ...ctx, txnIds: granted.txnIds }
    expect((await fx.provider.verify(plan, withTxn)).present).toBe(true)
    const revoked = await fx.provider.revoke(plan, withTxn)
    expect(revoked.alreadyAbsent).toBe(false)
    expect(fx.emu.requests.get(id)!.decision).toBe('Denied')
    const after = await fx.provider.verify(plan, withTxn)
    expect(after.present).toBe(false)
    const activity = after.evidence.activity as { counts: Record<string, number>; blocked: unknown[]; total: number }
    expect(activity.total).toBe(3)
    expect(activity.counts).toEqual({ elevation: 1, logon: 1, blocked: 1, other: 0 })
    expect(activity.blocked).toHaveLength(1)
}

describe('epm provider: every unconfirmed contract point, under each setting', () => {
    for (const [name, settings] of Object.entries(SWITCH_SETTINGS)) {
        for (const value of settings) {
            it(`${name} = ${String(value)}: grant → events → revoke → verify with activity`, async () => {
                const fx = await fixture({ [name]: value } as Partial<EpmSwitches>)
                await lifecycle(fx)
            })
        }
    }

    for (const value of SWITCH_SETTINGS.secondOpenRequest) {
        it(`secondOpenRequest = ${value}: a request opened in the race is refused as one_open_request, nothing granted`, async () => {
            const fx = await fixture({ secondOpenRequest: value })
            const computerId = [...fx.emu.computers.values()][0]!.id
            fx.emu.faults.add({
                method: 'POST',
                path: /AdminAccessRequest$/,
                // The user opens a request from the endpoint app between our lookup and our create.
                before: () => {
                    fx.emu.requests.set('0b0b0b0b-0000-4000-8000-000000000001', {
                        id: '0b0b0b0b-0000-4000-8000-000000000001',
                        computerId,
                        userId: null,
                        userName: 'bob',
                        reason: 'from the endpoint app',
                        systemId: '',
                        ticketId: '',
                        ticketUrl: '',
                        decision: 'Pending',
                        durationSeconds: 3600,
                        decisionTime: null,
                        decisionPerformedByUser: '',
                        message: '',
                        createdOn: fx.clock.t,
                        modifiedOn: fx.clock.t,
                        sessionIdentifier: 'x',
                    })
                },
            })
            const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
            expect(err.kind).toBe('fatal')
            expect(err.code).toBe('one_open_request')
            expect([...fx.emu.requests.values()].filter((r) => r.decision === 'Approved')).toHaveLength(0)
        })
    }

    for (const value of SWITCH_SETTINGS.jitDisabledAnswer) {
        it(`jitDisabledAnswer = ${value}: fatal jit_disabled with EPM's message for the ticket`, async () => {
            const fx = await fixture({ jitDisabledAnswer: value })
            fx.emu.jit.enabled = false
            const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
            expect(err.kind).toBe('fatal')
            expect(err.code).toBe('jit_disabled')
            expect(err.message).toMatch(/Just-in-time requests are disabled/)
        })
    }

    for (const value of SWITCH_SETTINGS.repeatDecision) {
        it(`repeatDecision = ${value}: a console admin denying it just before our revoke — done, verified absent`, async () => {
            const fx = await fixture({ repeatDecision: value })
            const ctx: ProviderCallContext = { idempotencyKey: key() }
            const granted = await fx.provider.grant(plan, ctx)
            const id = granted.txnIds[0]!
            fx.emu.faults.add({
                path: /decision$/,
                before: () => {
                    fx.emu.requests.get(id)!.decision = 'Denied'
                },
            })
            // The provider reads first, so force the race: it read Approved, the admin denies, then our decision.
            fx.emu.faults.add({ method: 'GET', path: /AdminAccessRequest\/[^/]+$/, before: () => undefined })
            const revoked = await fx.provider.revoke(plan, { ...ctx, txnIds: granted.txnIds })
            expect(revoked.calls.length).toBeGreaterThan(0)
            expect((await fx.provider.verify(plan, { ...ctx, txnIds: granted.txnIds })).present).toBe(false)
        })
    }

    for (const value of SWITCH_SETTINGS.endedState) {
        it(`endedState = ${value}: after EPM's own expiry the revoke is already-absent with evidence`, async () => {
            const fx = await fixture({ endedState: value })
            const ctx: ProviderCallContext = { idempotencyKey: key() }
            const granted = await fx.provider.grant(plan, ctx)
            fx.advance(31 * 60_000)
            const revoked = await fx.provider.revoke(plan, { ...ctx, txnIds: granted.txnIds })
            expect(revoked.alreadyAbsent).toBe(true)
            expect(revoked.notes?.[0]).toMatch(/expired/)
            expect((revoked.evidence as { endedBy: string }).endedBy).toBe('expired')
            expect(fx.emu.callCount('POST', '/management-api/v2/AdminAccessRequest')).toBe(0)
        })
    }

    for (const value of SWITCH_SETTINGS.repeatDecision) {
        it(`repeatDecision = ${value}: an executor clock ahead of EPM's still ends a session EPM keeps running (docs/simulation.md finding 8)`, async () => {
            // setup: the executor's clock runs 6 s ahead of EPM's (NTP-scale skew)
            const fx = await fixture({ repeatDecision: value }, true, 6_000)
            const ctx: ProviderCallContext = { idempotencyKey: key() }
            const granted = await fx.provider.grant(plan, ctx)
            // execution: the revoke timer fires at the expiry by the executor's clock — EPM's session runs ~6 s more
            fx.advance(30 * 60_000 - 3_000)
            const revoked = await fx.provider.revoke(plan, { ...ctx, txnIds: granted.txnIds })
            // validation: before the fix the revoke trusted its own clock (already absent) and left the session
            // running on EPM; now it ends it, and EPM shows it ended
            const request = fx.emu.requests.get(granted.txnIds[0]!)!
            expect(request.decision).toBe('Denied')
            expect(revoked.alreadyAbsent).toBe(false)
            // long after the end (past the margin) nothing is sent
            const before = fx.emu.requests.size
            fx.advance(ENDED_SESSION_MARGIN_MS + 60_000)
            const again = await fx.provider.revoke(plan, { ...ctx, txnIds: granted.txnIds })
            expect(again.alreadyAbsent).toBe(true)
            expect(fx.emu.requests.size).toBe(before)
        })
    }

    for (const value of SWITCH_SETTINGS.rightsRefusal) {
        it(`rightsRefusal = ${value}: a read-only API account cannot grant — fatal, one fresh token at most`, async () => {
            const fx = await fixture({ rightsRefusal: value })
            fx.emu.rights.jit = 'read'
            const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
            expect(err.kind).toBe('fatal')
            expect(err.code).toBe(value === 401 ? 'unauthorized' : 'forbidden')
            expect(fx.emu.tokensIssued()).toBeLessThanOrEqual(2)
            expect(fx.emu.requests.size).toBe(0)
        })
    }

    for (const value of SWITCH_SETTINGS.retryAfter) {
        it(`retryAfter = ${value}: 429 is retryable, with the delay when EPM sends one`, async () => {
            const fx = await fixture({ retryAfter: value })
            fx.emu.faults.add({ method: 'GET', path: /Computers$/, status: 429, retryAfterSeconds: 100 })
            const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
            expect(err.kind).toBe('retryable')
            expect(err.retryAfterMs).toBe(value === 'seconds' ? 100_000 : undefined)
        })
    }

    for (const value of SWITCH_SETTINGS.errorBody) {
        it(`errorBody = ${value}: a 409 on create is one_open_request whatever the body`, async () => {
            const fx = await fixture({ errorBody: value })
            fx.emu.faults.add({ method: 'POST', path: /AdminAccessRequest$/, status: 409 })
            const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
            expect(err.code).toBe('one_open_request')
        })
    }

    it('eventsStrictFraction: the provider sends at most 3 fractional digits (pre-26.2 EPM accepts it)', async () => {
        const fx = await fixture({ eventsStrictFraction: true })
        await lifecycle(fx)
        expect(fx.emu.callCount('GET', '/management-api/v3/Events/FromStartDate')).toBeGreaterThan(0)
    })

    it('decision path misconfigured: fatal with the status, never a silent success', async () => {
        const fx = await fixture({ decisionPath: 'path-id', createDurationUnit: 'minutes' })
        const wrong = createEpmProvider(
            { baseUrl: fx.emu.url, clientId: CLIENT_ID, clientSecret: SECRET, decisionPath: DECISION_PATHS['body-id'] },
            { now: () => fx.clock.t },
        )
        const err = await failure(wrong.grant(plan, { idempotencyKey: key() }))
        expect(err.kind).toBe('fatal')
        expect(err.message).toMatch(/405|Method Not Allowed/)
    })
})

describe('epm provider: token', () => {
    it('is cached across calls and renewed shortly before expiry', async () => {
        const fx = await fixture()
        await fx.provider.health()
        await fx.provider.health()
        expect(fx.emu.tokensIssued()).toBe(1)
        fx.advance(3600_000 - TOKEN_RENEW_BEFORE_MS + 1_000)
        await fx.provider.health()
        expect(fx.emu.tokensIssued()).toBe(2)
    })

    it('a killed token is replaced once and the call succeeds', async () => {
        const fx = await fixture()
        await fx.provider.health()
        fx.emu.regenerateSecret(SECRET) // same secret: only the tokens die
        await fx.provider.health()
        expect(fx.emu.tokensIssued()).toBe(2)
        expect(fx.logs.some((l) => l.includes('epm token refused'))).toBe(true)
    })

    it('a regenerated secret is a clear fatal failure after one attempt, and the secret is never logged', async () => {
        const fx = await fixture()
        await fx.provider.health()
        fx.emu.regenerateSecret('a-new-secret-the-executor-does-not-know')
        const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
        expect(err.kind).toBe('fatal')
        expect(err.code).toBe('token_refused')
        expect(err.message).toMatch(/GBG_EPM_CLIENT_SECRET/)
        expect(err.message).not.toContain(SECRET)
        expect(fx.logs.join('\n')).not.toContain(SECRET)
        expect(fx.emu.tokensIssued()).toBe(1)
    })
})

describe('epm provider: computer, duration and duplicates', () => {
    it('refuses a device EPM does not know, with the reason', async () => {
        const fx = await fixture({}, false)
        const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
        expect(err.code).toBe('computer_not_found')
        expect(err.message).toContain('PC-0042')
    })

    it('refuses two computers with the same host name', async () => {
        const fx = await fixture()
        fx.emu.addComputer('pc-0042')
        const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
        expect(err.code).toBe('computer_ambiguous')
    })

    it('picks the exact host name when EPM matches partially or ignores the filter', async () => {
        for (const hostFilter of ['partial', 'ignored'] as const) {
            const fx = await fixture({ hostFilter })
            fx.emu.addComputer('PC-00421')
            fx.emu.addComputer('XPC-0042')
            const granted = await fx.provider.grant(plan, { idempotencyKey: key() })
            const exact = [...fx.emu.computers.values()].find((c) => c.hostName === 'PC-0042')!
            expect(fx.emu.requests.get(granted.txnIds[0]!)!.computerId).toBe(exact.id)
        }
    })

    it('refuses a computer that is not Authorised or has not connected for a day', async () => {
        const fx = await fixture()
        const c = [...fx.emu.computers.values()][0]!
        c.state = 'Pending'
        expect((await failure(fx.provider.grant(plan, { idempotencyKey: key() }))).code).toBe('computer_not_authorised')
        c.state = 'Authorised'
        c.lastConnected = new Date(T0.getTime() - 25 * 3600_000)
        expect((await failure(fx.provider.grant(plan, { idempotencyKey: key() }))).code).toBe('computer_offline')
        c.lastConnected = null
        expect((await failure(fx.provider.grant(plan, { idempotencyKey: key() }))).code).toBe('computer_offline')
        expect(fx.emu.requests.size).toBe(0)
    })

    it('refuses durations outside 5 minutes – 24 hours before any call', async () => {
        const fx = await fixture()
        for (const minutes of [4, 1441]) {
            const err = await failure(
                fx.provider.grant({ ...plan, durationMinutes: minutes }, { idempotencyKey: key() }),
            )
            expect(err.code).toBe('duration_out_of_range')
        }
        expect(fx.emu.tokensIssued()).toBe(0)
    })

    it('another open request of the user (any computer) refuses the grant; ours under the same key is reused', async () => {
        const fx = await fixture()
        const ctx = { idempotencyKey: key() }
        const first = await fx.provider.grant(plan, ctx)
        const again = await fx.provider.grant(plan, ctx)
        expect(again.alreadyDone).toBe(true)
        expect(again.txnIds[0]).toBe(first.txnIds[0])
        const err = await failure(fx.provider.grant(plan, { idempotencyKey: key() }))
        expect(err.code).toBe('one_open_request')
        expect(err.message).toContain(first.txnIds[0])
        expect(fx.emu.requests.size).toBe(1)
    })

    it('a grant whose earlier request under this key has ended is refused (a new grant needs a new action)', async () => {
        const fx = await fixture()
        const ctx = { idempotencyKey: key() }
        const granted = await fx.provider.grant(plan, ctx)
        await fx.provider.revoke(plan, { ...ctx, txnIds: granted.txnIds })
        expect((await failure(fx.provider.grant(plan, ctx))).code).toBe('grant_ended')
    })

    it('a recorded id of another user is refused as principal_mismatch', async () => {
        const fx = await fixture()
        const granted = await fx.provider.grant(plan, { idempotencyKey: key() })
        const other = { ...plan, principal: { ...plan.principal, userName: 'mallory' } }
        const err = await failure(fx.provider.revoke(other, { idempotencyKey: key(), txnIds: granted.txnIds }))
        expect(err.code).toBe('principal_mismatch')
        expect(fx.emu.requests.get(granted.txnIds[0]!)!.decision).toBe('Approved')
    })
})

describe('epm provider: session activity', () => {
    it('summarises by kind, excludes other sessions and events outside the window, and reports late events on the re-read', async () => {
        const fx = await fixture({ eventRequestIdentifier: 'opaque' })
        const ctx: ProviderCallContext = { idempotencyKey: key() }
        const granted = await fx.provider.grant(plan, ctx)
        const id = granted.txnIds[0]!
        const at = (min: number) => new Date(T0.getTime() + min * 60_000)
        fx.emu.recordSessionEvent(id, { code: '300', at: at(1) })
        fx.emu.recordSessionEvent(id, { code: '106', at: at(2) })
        fx.emu.recordSessionEvent(id, { code: '101', at: at(3) })
        fx.emu.recordSessionEvent(id, { code: 'PPAM', at: at(4) })
        // Raised during the session, ingested 10 minutes after it ended: invisible at the revoke.
        fx.emu.recordSessionEvent(id, { code: '101', at: at(7), lagMs: 13 * 60_000 })
        fx.emu.recordOtherEvent({ code: '101', at: at(3) })
        for (let i = 0; i < 1_100; i += 1) fx.emu.recordOtherEvent({ code: '300', at: at(1), lagMs: 1_000 + i * 10 })
        fx.advance(8 * 60_000)
        const withTxn = { ...ctx, txnIds: granted.txnIds }
        await fx.provider.revoke(plan, withTxn)
        const first = await fx.provider.verify(plan, withTxn)
        const a1 = first.evidence.activity as { total: number; counts: Record<string, number>; late: { count: number } }
        expect(a1.total).toBe(4)
        expect(a1.counts).toEqual({ elevation: 2, logon: 1, blocked: 1, other: 0 })
        expect(a1.late.count).toBe(0)
        expect(String(first.evidence.activitySummary)).toMatch(/4 event\(s\)/)
        // The executor's delayed verify (5 min later by default; here 15): the late event is in, and named late.
        fx.advance(15 * 60_000)
        const later = await fx.provider.verify(plan, withTxn)
        const a2 = later.evidence.activity as {
            total: number
            late: { count: number }
            matchedBy: { ticketIdentifier: number }
            first: { at: string }
            last: { at: string }
        }
        expect(a2.total).toBe(5)
        expect(a2.late.count).toBe(1)
        expect(a2.matchedBy.ticketIdentifier).toBe(5)
        expect(a2.first.at).toBe(at(1).toISOString())
        expect(a2.last.at).toBe(at(7).toISOString())
        expect(LATE_AFTER_MS).toBeLessThan(13 * 60_000)
    })

    it('a Reporting failure never blocks the verification of a revoke', async () => {
        const fx = await fixture()
        const ctx: ProviderCallContext = { idempotencyKey: key() }
        const granted = await fx.provider.grant(plan, ctx)
        await fx.provider.revoke(plan, { ...ctx, txnIds: granted.txnIds })
        fx.emu.rights.reporting = 'none'
        fx.emu.switches.rightsRefusal = 403
        const v = await fx.provider.verify(plan, { ...ctx, txnIds: granted.txnIds })
        expect(v.present).toBe(false)
        expect((v.evidence.activity as { code: string }).code).toBe('forbidden')
    })
})
