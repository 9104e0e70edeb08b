/**
 * Seed 001's Entra follow-up steps on the Graph emulator:
 * - before a role grant, the principal's PIM eligibility for the role is confirmed (Graph v1.0 "List
 *   roleEligibilityScheduleInstances") and its current role assignments are read; both go on the ticket (the grant
 *   result's notes and evidence); no eligibility → refused before any write (`eligibility: required`, the default);
 * - after a high-risk role is gone (Global Administrator, `revokeSessionsRoleIds`, or a plan the policy marked
 *   high-risk), the user's sign-in sessions are revoked (Graph v1.0 "user: revokeSignInSessions") with the user's
 *   `signInSessionsValidFromDateTime` read back as evidence; a failure fails the revoke (retried, then the worker's
 *   revoke-failed incident), and the retry finds the role gone and revokes the sessions then.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
    createEntraRoleProvider,
    createGraphClient,
    entraConnectionSchema,
    InMemoryHolderRegistry,
} from '../executor/src/providers/entra'
import { ProviderError, type Provider } from '../executor/src/providers/types'
import {
    ALICE,
    BOB,
    CLIENT_ID,
    CLIENT_SECRET,
    ROLE_GLOBAL_ADMIN,
    ROLE_USER_ADMIN,
    rolePlan,
    startEntraFixture,
    type EntraFixture,
} from './emulators/graph/fixture'

const GA_TARGET = { kind: 'entra_role' as const, roleId: ROLE_GLOBAL_ADMIN.id, roleName: ROLE_GLOBAL_ADMIN.displayName }
const ctx = (key: string) => ({ idempotencyKey: key })
const REVOKE_SESSIONS = /\/users\/[^/]+\/revokeSignInSessions$/
const ROLE_WRITES = /\/roleAssignmentScheduleRequests$/

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
    try {
        await p
    } catch (e) {
        if (e instanceof ProviderError) return e
        throw e
    }
    throw new Error('expected a ProviderError')
}

function roleProvider(fx: EntraFixture, over: Record<string, unknown>): Provider {
    const graph = createGraphClient(entraConnectionSchema.parse(fx.connection), { now: fx.clock.now })
    return createEntraRoleProvider(
        { connection: fx.connection, ...over },
        { holders: new InMemoryHolderRegistry(), fleet: fx.fleet, now: fx.clock.now, graph },
    )
}

describe('entra-role: eligibility and current assignments before the grant', () => {
    let fx: EntraFixture
    beforeEach(async () => {
        fx = await startEntraFixture()
    })
    afterEach(async () => fx.close())

    it('reports eligibility and the roles the user already holds on the grant', async () => {
        // setup: Alice already holds Global Administrator from an earlier grant
        await fx.role.grant(rolePlan({ grantSysId: 'b'.repeat(32), target: GA_TARGET }), ctx('a1'))
        // execution
        const result = await fx.role.grant(rolePlan(), ctx('a2'))
        // validation: the notes (the ticket's work note and receipt) say what was checked and found
        expect(result.notes).toEqual(
            expect.arrayContaining([
                `Entra check: ${ALICE.userPrincipalName} is eligible for ${ROLE_USER_ADMIN.displayName} in PIM`,
                `Entra check: ${ALICE.userPrincipalName} already holds 1 other directory role assignment(s): ${ROLE_GLOBAL_ADMIN.id}`,
            ]),
        )
        const pre = result.evidence?.precheck as {
            eligible: boolean
            currentAssignments: { roleDefinitionId: string }[]
        }
        expect(pre.eligible).toBe(true)
        expect(pre.currentAssignments.map((a) => a.roleDefinitionId)).toEqual([ROLE_GLOBAL_ADMIN.id])
    })

    it('refuses a user with no PIM eligibility for the role before any write (attack: grant to a non-eligible account)', async () => {
        // setup: Alice's eligibility for User Administrator was removed in PIM
        fx.emu.state.removeEligibility(ALICE.id, ROLE_USER_ADMIN.id)
        // execution
        const err = await rejection(fx.role.grant(rolePlan(), ctx('a1')))
        // validation: fatal with a reason people read, nothing assigned, no schedule request posted
        expect(err.kind).toBe('fatal')
        expect(err.code).toBe('not_eligible')
        expect(err.message).toContain(
            `${ALICE.userPrincipalName} is not eligible for the Entra role User Administrator`,
        )
        expect(fx.emu.callCount({ method: 'POST', path: ROLE_WRITES })).toBe(0)
        expect(fx.emu.state.roleInstances).toHaveLength(0)
    })

    it('an eligibility that ended no longer counts', async () => {
        // setup: Bob's only eligibility for the role ends in one minute
        fx.emu.state.removeEligibility(BOB.id, ROLE_USER_ADMIN.id)
        fx.emu.state.addEligibility(
            BOB.id,
            ROLE_USER_ADMIN.id,
            new Date(fx.clock.now().getTime() + 60_000).toISOString(),
        )
        fx.clock.advanceMinutes(2)
        const bobPlan = rolePlan({
            principal: { userSysId: 'c'.repeat(32), userName: 'bob', email: BOB.userPrincipalName },
        })
        // execution + validation
        expect((await rejection(fx.role.grant(bobPlan, ctx('b1')))).code).toBe('not_eligible')
    })

    it('with eligibility "report" the grant goes ahead and the ticket says eligibility is missing', async () => {
        // setup
        fx.emu.state.removeEligibility(ALICE.id, ROLE_USER_ADMIN.id)
        const reporting = roleProvider(fx, { eligibility: 'report' })
        // execution
        const result = await reporting.grant(rolePlan(), ctx('a1'))
        // validation
        expect(result.notes).toContain(
            `Entra check: ${ALICE.userPrincipalName} has NO PIM eligibility for User Administrator (eligibility is only reported by configuration)`,
        )
        expect(fx.emu.state.roleInstances).toHaveLength(1)
    })

    it('an unreadable eligibility is a failure of the grant, never a pass', async () => {
        // setup: the eligibility read answers 503, then 403
        fx.emu.faults.add({ method: 'GET', path: /roleEligibilityScheduleInstances$/, status: 503 })
        // execution + validation
        expect((await rejection(fx.role.grant(rolePlan(), ctx('a1')))).kind).toBe('retryable')
        fx.emu.faults.add({ method: 'GET', path: /roleEligibilityScheduleInstances$/, status: 403 })
        expect((await rejection(fx.role.grant(rolePlan(), ctx('a1')))).kind).toBe('fatal')
        expect(fx.emu.callCount({ method: 'POST', path: ROLE_WRITES })).toBe(0)
    })
})

describe('entra-role: sign-in sessions revoked after a high-risk role', () => {
    let fx: EntraFixture
    beforeEach(async () => {
        fx = await startEntraFixture()
    })
    afterEach(async () => fx.close())

    it('revokes the sessions after Global Administrator is removed, with the evidence read back', async () => {
        // setup
        const plan = rolePlan({ target: GA_TARGET })
        await fx.role.grant(plan, ctx('g1'))
        fx.clock.advanceMinutes(10)
        // execution
        const result = await fx.role.revoke(plan, ctx('r1'))
        // validation: role gone, sessions revoked once, the evidence is Graph's own property
        expect(fx.emu.state.roleInstances).toHaveLength(0)
        expect(fx.emu.state.sessionRevocations).toEqual([
            {
                userId: ALICE.id,
                at: fx.clock
                    .now()
                    .toISOString()
                    .replace(/\.\d{3}Z$/, 'Z'),
            },
        ])
        const ev = result.evidence?.sessionRevocation as { signInSessionsValidFromDateTime: string; userId: string }
        expect(ev.userId).toBe(ALICE.id)
        expect(Date.parse(ev.signInSessionsValidFromDateTime)).toBe(Math.floor(fx.clock.now().getTime() / 1000) * 1000)
        expect(result.notes?.some((n) => n.startsWith(`sign-in sessions of ${ALICE.userPrincipalName} revoked`))).toBe(
            true,
        )
        // the calls go into the audit trail
        expect(result.calls.some((c) => c.method === 'POST' && REVOKE_SESSIONS.test(c.url))).toBe(true)
    })

    it('also after the role already ended natively at Entra (tokens issued during the elevation still live)', async () => {
        // setup: a 30-minute GA grant that Entra ended by itself
        const plan = rolePlan({ target: GA_TARGET })
        await fx.role.grant(plan, ctx('g1'))
        fx.clock.advanceMinutes(31)
        // execution
        const result = await fx.role.revoke(plan, ctx('r1'))
        // validation
        expect(result.alreadyAbsent).toBe(true)
        expect(fx.emu.state.sessionRevocations).toHaveLength(1)
    })

    it('does not touch the sessions for a role that is neither listed nor high-risk', async () => {
        const plan = rolePlan()
        await fx.role.grant(plan, ctx('g1'))
        const result = await fx.role.revoke(plan, ctx('r1'))
        expect(fx.emu.callCount({ method: 'POST', path: REVOKE_SESSIONS })).toBe(0)
        expect(result.evidence?.sessionRevocation).toBeUndefined()
    })

    it('revokes them for any role the policy marked high-risk, and for a configured role', async () => {
        // a high-risk plan
        const risky = rolePlan({ highRisk: true })
        await fx.role.grant(risky, ctx('g1'))
        await fx.role.revoke(risky, ctx('r1'))
        expect(fx.emu.state.sessionRevocations).toHaveLength(1)
        // a configured role
        const listed = roleProvider(fx, { revokeSessionsRoleIds: [ROLE_USER_ADMIN.id] })
        await listed.grant(rolePlan({ grantSysId: 'd'.repeat(32) }), ctx('g2'))
        await listed.revoke(rolePlan({ grantSysId: 'd'.repeat(32) }), ctx('r2'))
        expect(fx.emu.state.sessionRevocations).toHaveLength(2)
    })

    it('not while another grant still holds the shared assignment; the last holder revokes them', async () => {
        // setup: two overlapping GA grants of Alice
        const first = rolePlan({ target: GA_TARGET, grantSysId: '1'.repeat(32), durationMinutes: 30 })
        const second = rolePlan({ target: GA_TARGET, grantSysId: '2'.repeat(32), durationMinutes: 60 })
        // (through the worker's grant-state writes: holders are read from ServiceNow's grants, the fleet double)
        await fx.worker.grant(fx.role, first, ctx('g1'))
        await fx.worker.grant(fx.role, second, ctx('g2'))
        // execution + validation: the first revoke releases only
        await fx.worker.revoke(fx.role, first, ctx('r1'))
        expect(fx.emu.state.sessionRevocations).toHaveLength(0)
        await fx.worker.revoke(fx.role, second, ctx('r2'))
        expect(fx.emu.state.sessionRevocations).toHaveLength(1)
    })

    it('a failed session revocation fails the revoke; the retry finds the role gone and revokes the sessions', async () => {
        // setup
        const plan = rolePlan({ target: GA_TARGET })
        await fx.role.grant(plan, ctx('g1'))
        fx.emu.faults.add({ method: 'POST', path: REVOKE_SESSIONS, status: 503 })
        // execution: first attempt
        const err = await rejection(fx.role.revoke(plan, ctx('r1')))
        // validation: retryable, the role is already removed, no sessions revoked yet
        expect(err.kind).toBe('retryable')
        expect(fx.emu.state.roleInstances).toHaveLength(0)
        expect(fx.emu.state.sessionRevocations).toHaveLength(0)
        // the retry
        const again = await fx.role.revoke(plan, ctx('r1'))
        expect(again.alreadyAbsent).toBe(true)
        expect(fx.emu.state.sessionRevocations).toHaveLength(1)
        expect(again.evidence?.sessionRevocation).toBeDefined()
    })

    it('without the User.RevokeSessions.All permission the revoke fails for good (fatal: an operator must act)', async () => {
        // setup: an app registration lacking the permission
        await fx.close()
        fx = await startEntraFixture({
            emulator: {
                clients: [
                    {
                        clientId: CLIENT_ID,
                        clientSecret: CLIENT_SECRET,
                        permissions: ['RoleManagement.ReadWrite.Directory', 'User.Read.All'],
                    },
                ],
            },
        })
        const plan = rolePlan({ target: GA_TARGET })
        await fx.role.grant(plan, ctx('g1'))
        // execution + validation
        const err = await rejection(fx.role.revoke(plan, ctx('r1')))
        expect(err.kind).toBe('fatal')
        expect(err.message).toContain('revokeSignInSessions')
        expect(fx.emu.state.roleInstances).toHaveLength(0)
    })
})
