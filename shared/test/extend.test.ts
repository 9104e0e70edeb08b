/**
 * The shared decisions of "extend an active grant" (shared/src/extend.ts), the extension plan's validation
 * (plan.ts) and the executor-write guard for extensions (state-machine.ts): each rule with a case that passes and
 * one that must be refused.
 */
import { describe, expect, it } from 'vitest'
import { checkGrantWrite } from '../src/claim-guard'
import {
    EXTEND_CODE,
    EXTEND_MIN_LEFT_MS,
    buildExtensionPlan,
    extendRequestVerdict,
    extensionProviderReason,
    extensionGateVerdict,
    extensionOverMaxReason,
    extensionWindow,
    shortenExtensionPlan,
    type ExtendRequestFacts,
    type GateGrant,
} from '../src/extend'
import { parsePlan, planDigest, verifyPlanDigest } from '../src/plan'
import type { ExecutionPlan } from '../src/plan-types'
import { planText } from '../src/plan-text'
import { canonicalJson } from '../src/canonical-json'

const ALICE = 'a1'.repeat(16)
const BOB = 'b0'.repeat(16)
const GRANT = 'ab'.repeat(16)
const EXT = 'ef'.repeat(16)
const T0 = Date.UTC(2026, 0, 6, 10, 0, 0)
const MIN = 60_000

const grantPlan: ExecutionPlan = {
    version: 1,
    grantSysId: GRANT,
    grantNumber: 'BGA0001001',
    provider: 'entra-role',
    operation: 'grant',
    principal: { userSysId: ALICE, userName: 'alice', email: 'alice@example.com' },
    target: { kind: 'entra_role', roleId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', roleName: 'Helpdesk Administrator' },
    durationMinutes: 30,
    justification: 'Reset the MFA of the locked-out finance users',
    tickets: { ritm: 'RITM0010001' },
    emergency: false,
    highRisk: false,
}

const facts = (over: Partial<ExtendRequestFacts> = {}, grant: Partial<ExtendRequestFacts['grant']> = {}) =>
    ({
        grant: {
            sysId: GRANT,
            number: 'BGA0001001',
            state: 'active',
            requestedFor: ALICE,
            openedBy: ALICE,
            provider: 'entra-role',
            grantedAtMs: T0,
            expiresAtMs: T0 + 30 * MIN,
            isExtension: false,
            ...grant,
        },
        actor: ALICE,
        minutes: 15,
        justification: 'Ten more accounts to fix',
        nowMs: T0 + 20 * MIN,
        revokePending: '',
        openExtension: '',
        ...over,
    }) satisfies ExtendRequestFacts

const extensionPlan = (): ExecutionPlan =>
    buildExtensionPlan({
        grantPlan,
        extensionSysId: EXT,
        extensionNumber: 'BGA0001002',
        fromMs: T0 + 30 * MIN,
        toMs: T0 + 45 * MIN,
        justification: 'Ten more accounts to fix',
        highRisk: false,
        emergency: false,
    })

const gateGrant = (over: Partial<GateGrant> = {}): GateGrant => ({
    sysId: GRANT,
    number: 'BGA0001001',
    state: 'active',
    expiresAtMs: T0 + 30 * MIN,
    plan: grantPlan,
    openRevokes: [{ priority: 2, number: 'BGAA0001', notBeforeMs: T0 + 30 * MIN }],
    ...over,
})

describe('who may ask for more time, and when', () => {
    it('the person the access is for may ask while it is active', () => {
        expect(extendRequestVerdict(facts())).toEqual({ allowed: true })
        expect(extendRequestVerdict(facts({ actor: BOB }, { openedBy: BOB }))).toEqual({ allowed: true })
    })

    it('refuses anyone else: another user, an approver, nobody', () => {
        expect(extendRequestVerdict(facts({ actor: BOB }))).toMatchObject({
            allowed: false,
            code: EXTEND_CODE.notAllowed,
        })
        expect(extendRequestVerdict(facts({ actor: '' }))).toMatchObject({
            allowed: false,
            code: EXTEND_CODE.notAllowed,
        })
    })

    it('refuses a grant that ended, is being revoked, never started, or ends within a minute', () => {
        for (const state of ['revoked', 'revoking', 'revoke_failed', 'grant_failed', 'cancelled']) {
            expect(extendRequestVerdict(facts({}, { state }))).toMatchObject({
                allowed: false,
                code: EXTEND_CODE.ended,
            })
        }
        for (const state of ['queued', 'granting', 'awaiting_approval', 'halted']) {
            expect(extendRequestVerdict(facts({}, { state }))).toMatchObject({
                allowed: false,
                code: EXTEND_CODE.state,
            })
        }
        expect(extendRequestVerdict(facts({ nowMs: T0 + 30 * MIN }))).toMatchObject({ code: EXTEND_CODE.ended })
        expect(extendRequestVerdict(facts({ nowMs: T0 + 30 * MIN - EXTEND_MIN_LEFT_MS + 1 }))).toMatchObject({
            code: EXTEND_CODE.tooLate,
        })
        expect(extendRequestVerdict(facts({}, { expiresAtMs: NaN }))).toMatchObject({ code: EXTEND_CODE.state })
        expect(extendRequestVerdict(facts({}, { isExtension: true }))).toMatchObject({ code: EXTEND_CODE.state })
    })

    it('refuses while a revoke or another extension is open, and for providers that cannot extend', () => {
        expect(extendRequestVerdict(facts({ revokePending: 'BGAA0009' }))).toMatchObject({
            code: EXTEND_CODE.revokePending,
        })
        expect(extendRequestVerdict(facts({ openExtension: 'BGA0001003' }))).toMatchObject({
            code: EXTEND_CODE.alreadyOpen,
        })
        for (const provider of ['console', 'pam-x', '']) {
            const v = extendRequestVerdict(facts({}, { provider }))
            expect(v).toMatchObject({ allowed: false, code: EXTEND_CODE.provider })
        }
        expect(extendRequestVerdict(facts({}, { provider: 'console' }))).toMatchObject({
            message: /no step to extend it/,
        })
        for (const provider of ['entra-role', 'entra-group', 'webhook', 'epm']) {
            expect(extendRequestVerdict(facts({}, { provider }))).toEqual({ allowed: true })
        }
    })

    it('applies what the provider accepts: EPM 5 minutes more and 24 hours in all, the webhook 1440 minutes', () => {
        expect(extensionProviderReason('epm', 4, 64)).toMatch(/at least 5 minutes/)
        expect(extensionProviderReason('epm', 5, 65)).toBe('')
        expect(extensionProviderReason('epm', 60, 24 * 60 + 1)).toMatch(/at most 24 hours/)
        expect(extensionProviderReason('webhook', 1, 1440)).toBe('')
        expect(extensionProviderReason('webhook', 1, 1441)).toMatch(/1440 minutes/)
        expect(extensionProviderReason('entra-role', 1, 5000)).toBe('')
    })

    it('refuses bad minutes and a missing reason', () => {
        for (const minutes of [0, -5, 2.5, NaN]) {
            expect(extendRequestVerdict(facts({ minutes }))).toMatchObject({ code: EXTEND_CODE.minutes })
        }
        expect(extendRequestVerdict(facts({ justification: ' short ' }))).toMatchObject({
            code: EXTEND_CODE.justification,
        })
    })
})

describe('how long: the total and the change window', () => {
    it('counts the total from the grant time to the new end', () => {
        expect(extensionWindow(T0, T0 + 30 * MIN, 15, null)).toEqual({
            toMs: T0 + 45 * MIN,
            extraMinutes: 15,
            totalMinutes: 45,
            capped: false,
        })
    })

    it('caps the new end at a change window and says so', () => {
        const w = extensionWindow(T0, T0 + 30 * MIN, 15, T0 + 40 * MIN + 30_000)
        expect(w).toEqual({ toMs: T0 + 40 * MIN, extraMinutes: 10, totalMinutes: 40, capped: true })
        expect(extensionWindow(T0, T0 + 30 * MIN, 15, T0 + 30 * MIN).extraMinutes).toBe(0)
    })

    it('explains a total over the policy maximum only when the policy refused it', () => {
        const over = extensionOverMaxReason('BGA0001001', 250, [
            { code: 'DURATION_ABOVE_POLICY_MAX', message: 'The policy allows at most 240 minutes.' },
        ])
        expect(over).toMatch(/250 minutes in total/)
        expect(over).toMatch(/240/)
        expect(extensionOverMaxReason('BGA0001001', 250, [{ code: 'JUSTIFICATION_TOO_SHORT', message: 'x' }])).toBe('')
    })
})

describe('the extension plan', () => {
    it('names exactly the grant’s provider, person and target, the old and new end; it parses and digests', () => {
        const plan = extensionPlan()
        expect(plan).toMatchObject({
            grantSysId: EXT,
            operation: 'extend',
            provider: 'entra-role',
            principal: grantPlan.principal,
            target: grantPlan.target,
            durationMinutes: 15,
            extension: {
                grantSysId: GRANT,
                fromExpiresAt: new Date(T0 + 30 * MIN).toISOString(),
                toExpiresAt: new Date(T0 + 45 * MIN).toISOString(),
            },
        })
        const json = canonicalJson(plan)
        expect(verifyPlanDigest(json, planDigest(plan))).toMatchObject({ ok: true })
        expect(planText(plan, planDigest(plan))).toMatch(/new end: 2026-01-06 10:45 UTC \(15 more minutes\)/)
    })

    it('refuses malformed extension plans', () => {
        const plan = extensionPlan()
        const broken = (mutate: (p: Record<string, any>) => void): string[] => {
            const copy = JSON.parse(JSON.stringify(plan)) as Record<string, any>
            mutate(copy)
            const parsed = parsePlan(JSON.stringify(copy))
            return parsed.ok ? [] : parsed.errors
        }
        expect(broken((p) => delete p.extension)).toContain('plan.extension is required for operation extend')
        expect(broken((p) => (p.operation = 'grant'))).toContain('plan.extension applies only to operation extend')
        expect(broken((p) => (p.extension.grantSysId = EXT))).toContain(
            'plan.extension.grantSysId must name another grant',
        )
        expect(broken((p) => (p.extension.toExpiresAt = p.extension.fromExpiresAt))).toContain(
            'plan.extension.toExpiresAt must be later than fromExpiresAt',
        )
        expect(broken((p) => (p.extension.extra = 1))).toContain('plan.extension.extra is not a plan field')
        expect(broken((p) => (p.operation = 'delete'))).toContain("plan.operation must be 'grant' or 'extend'")
        expect(broken(() => undefined)).toEqual([])
    })

    it('a shortened extension moves its end with it', () => {
        const short = shortenExtensionPlan(extensionPlan(), 5)
        expect(short.durationMinutes).toBe(5)
        expect(short.extension!.toExpiresAt).toBe(new Date(T0 + 35 * MIN).toISOString())
    })
})

describe("the executor's gate on the grant an extension extends", () => {
    const now = T0 + 20 * MIN
    it('passes for the active grant ending where the approvers saw it end', () => {
        expect(extensionGateVerdict(extensionPlan(), gateGrant(), now)).toEqual({ allowed: true })
    })

    it('refuses a revoked, revoking or expired grant, and one that ends within a minute', () => {
        expect(extensionGateVerdict(extensionPlan(), gateGrant({ state: 'revoked' }), now)).toMatchObject({
            code: EXTEND_CODE.ended,
        })
        expect(extensionGateVerdict(extensionPlan(), gateGrant({ state: 'revoking' }), now)).toMatchObject({
            code: EXTEND_CODE.ended,
        })
        expect(extensionGateVerdict(extensionPlan(), gateGrant(), T0 + 30 * MIN)).toMatchObject({
            code: EXTEND_CODE.ended,
        })
        expect(extensionGateVerdict(extensionPlan(), gateGrant(), T0 + 29.5 * MIN)).toMatchObject({
            code: EXTEND_CODE.tooLate,
        })
    })

    it('refuses when a Revoke now (or a moved revoke) is open', () => {
        const revokeNow = { priority: 1, number: 'BGAA0002', notBeforeMs: now }
        expect(extensionGateVerdict(extensionPlan(), gateGrant({ openRevokes: [revokeNow] }), now)).toMatchObject({
            code: EXTEND_CODE.revokePending,
        })
        const early = { priority: 2, number: 'BGAA0003', notBeforeMs: T0 + 25 * MIN }
        expect(extensionGateVerdict(extensionPlan(), gateGrant({ openRevokes: [early] }), now)).toMatchObject({
            code: EXTEND_CODE.revokePending,
        })
    })

    it('refuses a grant extended or shortened since the approval, and plans for another grant, person or target', () => {
        expect(
            extensionGateVerdict(extensionPlan(), gateGrant({ expiresAtMs: T0 + 40 * MIN, openRevokes: [] }), now),
        ).toMatchObject({ code: EXTEND_CODE.changed })
        expect(extensionGateVerdict(extensionPlan(), gateGrant({ sysId: 'cd'.repeat(16) }), now)).toMatchObject({
            code: EXTEND_CODE.mismatch,
        })
        const otherTarget = {
            ...grantPlan,
            target: { ...grantPlan.target, roleId: '62e90394-69f5-4237-9190-012177145e10' },
        }
        expect(extensionGateVerdict(extensionPlan(), gateGrant({ plan: otherTarget }), now)).toMatchObject({
            code: EXTEND_CODE.mismatch,
        })
        const otherPerson = { ...grantPlan, principal: { ...grantPlan.principal, email: 'bob@example.com' } }
        expect(extensionGateVerdict(extensionPlan(), gateGrant({ plan: otherPerson }), now)).toMatchObject({
            code: EXTEND_CODE.mismatch,
        })
        expect(extensionGateVerdict(extensionPlan(), gateGrant({ plan: null }), now)).toMatchObject({
            code: EXTEND_CODE.mismatch,
        })
        expect(extensionGateVerdict(grantPlan, gateGrant(), now)).toMatchObject({ code: EXTEND_CODE.mismatch })
    })
})

describe("the app's guard on executor writes for extensions", () => {
    const to = T0 + 45 * MIN
    it('moves an active grant’s end only to an approved extension’s new end', () => {
        const ext = { isExtensionRecord: false, approvedEndsMs: [to], newExpiresAtMs: to }
        expect(checkGrantWrite('active', 'active', ['expires_at'], ext)).toEqual({ allowed: true })
        expect(checkGrantWrite('active', 'active', ['expires_at'], { ...ext, newExpiresAtMs: to + MIN })).toMatchObject(
            { allowed: false },
        )
        expect(checkGrantWrite('active', 'active', ['expires_at'], { ...ext, approvedEndsMs: [] })).toMatchObject({
            allowed: false,
        })
        expect(checkGrantWrite('active', 'active', ['expires_at'])).toMatchObject({ allowed: false })
        expect(checkGrantWrite('active', 'active', ['expires_at', 'provider_txn_ids'], ext)).toMatchObject({
            allowed: false,
        })
    })

    it('an extension record goes granting → extended and never becomes active; nothing else becomes extended', () => {
        const ext = { isExtensionRecord: true, approvedEndsMs: [], newExpiresAtMs: to }
        expect(checkGrantWrite('queued', 'granting', ['state', 'executor_instance'], ext)).toEqual({ allowed: true })
        expect(
            checkGrantWrite('granting', 'extended', ['state', 'granted_at', 'expires_at', 'provider_txn_ids'], ext),
        ).toEqual({ allowed: true })
        expect(checkGrantWrite('granting', 'grant_failed', ['state', 'last_error'], ext)).toEqual({ allowed: true })
        expect(checkGrantWrite('granting', 'active', ['state', 'expires_at'], ext)).toMatchObject({ allowed: false })
        expect(checkGrantWrite('queued', 'extended', ['state'], ext)).toMatchObject({ allowed: false })
        expect(checkGrantWrite('granting', 'extended', ['state'])).toMatchObject({ allowed: false })
        expect(checkGrantWrite('granting', 'extended', ['state'], { ...ext, isExtensionRecord: false })).toMatchObject({
            allowed: false,
        })
    })
})
