/**
 * `entra-role` provider against the Graph emulator: PIM request shape, native expiry, reconciliation, overlap,
 * drift, and every mapped Graph error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProviderError, type ProviderErrorKind } from '../src/providers/types'
import { holderKey } from '../src/providers/entra'
import {
    ALICE,
    BOB,
    CLIENT_ID,
    ROLE_GLOBAL_ADMIN,
    ROLE_USER_ADMIN,
    rolePlan,
    SHARED_MAIL,
    startEntraFixture,
    type EntraFixture,
    type EntraFixtureOptions,
} from '../../test/emulators/graph/fixture'
import { createEntraRoleProvider } from '../src/providers/entra'

const REQUESTS = /\/roleManagement\/directory\/roleAssignmentScheduleRequests$/

let fx: EntraFixture

async function restart(opts: EntraFixtureOptions): Promise<void> {
    await fx.close()
    fx = await startEntraFixture(opts)
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
    const err = await p.then(
        () => undefined,
        (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ProviderError)
    return err as ProviderError
}

function instancesOf(principalId: string, roleId = ROLE_USER_ADMIN.id) {
    fx.emu.state.purgeExpired()
    return fx.emu.state.roleInstances.filter((i) => i.principalId === principalId && i.roleDefinitionId === roleId)
}

describe('entra-role provider', () => {
    beforeEach(async () => {
        fx = await startEntraFixture()
    })
    afterEach(async () => {
        await fx.close()
    })

    it('grants with adminAssign, afterDuration expiry, ticket info and the grant marker', async () => {
        // execution
        const result = await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        // validation
        const request = fx.emu.state.roleRequests[0]!
        expect(request).toMatchObject({
            action: 'adminAssign',
            principalId: ALICE.id,
            roleDefinitionId: ROLE_USER_ADMIN.id,
            directoryScopeId: '/',
            ticketInfo: { ticketNumber: 'RITM0010001', ticketSystem: 'ServiceNow' },
            customData: 'gbg-grant=0123456789abcdef0123456789abcd01;action=act-1',
        })
        expect(request.justification).toContain('BGA0001001')
        expect(request.scheduleInfo).toMatchObject({
            expiration: { type: 'afterDuration', duration: 'PT30M', endDateTime: null },
        })
        expect(result).toMatchObject({ alreadyDone: false, nativeExpiry: true })
        expect(result.expiresAt.toISOString()).toBe('2030-01-01T08:30:00.000Z')
        expect(result.txnIds).toEqual([request.targetScheduleId, request.id])
        // user lookup, the eligibility and current-assignment reads of the pre-check (seed 001), the instance read, the write
        expect(result.calls.map((c) => `${c.method} ${c.status}`)).toEqual([
            'GET 200',
            'GET 200',
            'GET 200',
            'GET 200',
            'POST 201',
        ])
        expect(JSON.stringify(result.calls)).not.toMatch(/Bearer|secret/i)
        expect(fx.holders.holdersOf(holderKey('entra-role', ALICE.id, ROLE_USER_ADMIN.id))).toEqual([
            rolePlan().grantSysId,
        ])
    })

    it('verify reads roleAssignmentScheduleInstances and returns what it read as evidence', async () => {
        // setup
        await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        // execution
        const v = await fx.role.verify(rolePlan(), { idempotencyKey: 'act-2' })
        // validation
        expect(v.present).toBe(true)
        expect(v.expiresAt?.toISOString()).toBe('2030-01-01T08:30:00.000Z')
        expect(v.evidence).toMatchObject({
            principalId: ALICE.id,
            assignment: { instances: [{ endDateTime: '2030-01-01T08:30:00Z' }] },
        })
        expect(
            v.calls.some((c) =>
                c.url.startsWith('/roleManagement/directory/roleAssignmentScheduleInstances?$filter=principalId eq'),
            ),
        ).toBe(true)
    })

    it('native expiry: past the end, verify says absent and revoke is alreadyAbsent without a write', async () => {
        // setup
        await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        fx.clock.advanceMinutes(31)
        const writesBefore = fx.emu.callCount({ method: 'POST', path: REQUESTS })
        // execution
        const v = await fx.role.verify(rolePlan(), { idempotencyKey: 'act-2' })
        const r = await fx.role.revoke(rolePlan(), { idempotencyKey: 'act-3' })
        // validation
        expect(v.present).toBe(false)
        expect(r.alreadyAbsent).toBe(true)
        expect(fx.emu.callCount({ method: 'POST', path: REQUESTS })).toBe(writesBefore)
        expect(fx.holders.holdersOf(holderKey('entra-role', ALICE.id, ROLE_USER_ADMIN.id))).toEqual([])
    })

    it('RoleAssignmentExists after a lost response is reconciled as alreadyDone (our marker), one assignment', async () => {
        // setup: the first POST is applied but its answer is dropped
        fx.emu.faults.add({ method: 'POST', path: REQUESTS, dropAfterApply: true })
        const first = await failure(fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' }))
        // execution
        const retried = await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        // validation
        expect(first.kind).toBe('unknown_outcome')
        expect(retried.alreadyDone).toBe(true)
        expect(retried.txnIds[0]).toBe(fx.emu.state.roleRequests[0]!.targetScheduleId)
        expect(instancesOf(ALICE.id)).toHaveLength(1)
        expect(fx.emu.state.roleRequests).toHaveLength(1)
    })

    it('RoleAssignmentExists racing our read is reconciled by re-reading (our request, not in the registry)', async () => {
        // setup: our earlier request exists, the registry lost it, and the first instance read misses it
        const granted = await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        fx.holders.removeHolder(holderKey('entra-role', ALICE.id, ROLE_USER_ADMIN.id), rolePlan().grantSysId)
        const origList = fx.emu.state.listRoleInstances.bind(fx.emu.state)
        let reads = 0
        // (the pre-check's current-assignment read comes first; the provider's own read is the second)
        fx.emu.state.listRoleInstances = (f) => (++reads === 2 ? [] : origList(f))
        // execution
        const again = await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1', txnIds: granted.txnIds })
        // validation
        expect(
            fx.emu.requests.filter((r) => r.method === 'POST' && REQUESTS.test(r.path)).map((r) => r.status),
        ).toEqual([201, 400])
        expect(again.alreadyDone).toBe(true)
        expect(again.txnIds[0]).toBe(granted.txnIds[0])
        expect(fx.emu.state.roleRequests).toHaveLength(1)
        expect(fx.holders.holdersOf(holderKey('entra-role', ALICE.id, ROLE_USER_ADMIN.id))).toEqual([
            rolePlan().grantSysId,
        ])
    })

    it('overlap: two grants of one role to one user share one assignment that lasts until the later expiry', async () => {
        // setup
        const a = rolePlan({ grantSysId: 'a'.repeat(32), grantNumber: 'BGA0000001', durationMinutes: 30 })
        const b = rolePlan({ grantSysId: 'b'.repeat(32), grantNumber: 'BGA0000002', durationMinutes: 60 })
        const key = holderKey('entra-role', ALICE.id, ROLE_USER_ADMIN.id)
        // execution
        const ga = await fx.worker.grant(fx.role, a, { idempotencyKey: 'a-1' })
        fx.clock.advanceMinutes(10)
        const gb = await fx.worker.grant(fx.role, b, { idempotencyKey: 'b-1' })
        // validation: one assignment, extended with adminUpdate to B's expiry
        expect(ga.alreadyDone).toBe(false)
        expect(gb.alreadyDone).toBe(false)
        expect(gb.notes?.join(' ')).toMatch(/shared assignment/)
        expect(instancesOf(ALICE.id)).toHaveLength(1)
        expect(instancesOf(ALICE.id)[0]!.endDateTime).toBe('2030-01-01T09:10:00Z')
        expect(fx.emu.state.roleRequests.map((r) => r.action)).toEqual(['adminAssign', 'adminUpdate'])
        expect(fx.holders.holdersOf(key).sort()).toEqual([a.grantSysId, b.grantSysId])

        // execution: A expires and is revoked first → the assignment stays for B
        fx.clock.advanceMinutes(20)
        const ra = await fx.worker.revoke(fx.role, a, { idempotencyKey: 'a-2' })
        const va = await fx.role.verify(a, { idempotencyKey: 'a-3' })
        const vb = await fx.role.verify(b, { idempotencyKey: 'b-2' })
        // validation
        expect(ra.alreadyAbsent).toBe(false)
        expect(ra.notes?.join(' ')).toMatch(/stays for grant/)
        expect(instancesOf(ALICE.id)).toHaveLength(1)
        expect(va.present).toBe(false)
        expect(va.evidence).toMatchObject({ assignmentPresent: true, heldBy: [b.grantSysId] })
        expect(vb.present).toBe(true)

        // execution: B, the last holder, removes it
        const rb = await fx.worker.revoke(fx.role, b, { idempotencyKey: 'b-3' })
        // validation
        expect(rb.alreadyAbsent).toBe(false)
        expect(instancesOf(ALICE.id)).toHaveLength(0)
        expect(fx.emu.state.roleRequests.at(-1)!.action).toBe('adminRemove')
        expect(fx.holders.holdersOf(key)).toEqual([])
    })

    it('overlap at the same instant, one minute longer: the assignment is extended to the later expiry', async () => {
        // setup: two grants claimed in one poll, durations one minute apart (no time passes between them)
        const a = rolePlan({ grantSysId: 'a'.repeat(32), durationMinutes: 1 })
        const b = rolePlan({ grantSysId: 'b'.repeat(32), durationMinutes: 2 })
        await fx.worker.grant(fx.role, a, { idempotencyKey: 'a-1' })
        // execution
        const gb = await fx.worker.grant(fx.role, b, { idempotencyKey: 'b-1' })
        // validation: B's access lasts its whole two minutes at Entra
        expect(fx.emu.state.roleRequests.map((r) => r.action)).toEqual(['adminAssign', 'adminUpdate'])
        expect(instancesOf(ALICE.id)[0]!.endDateTime).toBe('2030-01-01T08:02:00Z')
        expect(gb.expiresAt.toISOString()).toBe('2030-01-01T08:02:00.000Z')
    })

    it('overlap under clock skew: the update keeps the assignment start (no gap for the first holder)', async () => {
        // setup: Entra's clock 5 s behind the executor's (docs/simulation.md finding 7)
        const t0 = fx.clock.now().getTime()
        await restart({ emulator: { now: () => new Date((fx?.clock.now().getTime() ?? t0) - 5_000) } })
        const a = rolePlan({ grantSysId: 'a'.repeat(32), durationMinutes: 30 })
        const b = rolePlan({ grantSysId: 'b'.repeat(32), durationMinutes: 60 })
        await fx.worker.grant(fx.role, a, { idempotencyKey: 'a-1' })
        fx.clock.advanceMinutes(10)
        const firstStart = instancesOf(ALICE.id)[0]!.startDateTime
        // execution
        await fx.worker.grant(fx.role, b, { idempotencyKey: 'b-1' })
        // validation: same start, later end, the role still active on Entra's clock
        expect(fx.emu.state.roleRequests.map((r) => r.action)).toEqual(['adminAssign', 'adminUpdate'])
        expect(instancesOf(ALICE.id)[0]!.startDateTime).toBe(firstStart)
        expect(fx.emu.state.listRoleInstances({ principalId: ALICE.id })).toHaveLength(1)
    })

    it('overlap with a shorter second grant does not shorten or extend the assignment', async () => {
        // setup
        const a = rolePlan({ grantSysId: 'a'.repeat(32), durationMinutes: 60 })
        const b = rolePlan({ grantSysId: 'b'.repeat(32), durationMinutes: 15 })
        await fx.worker.grant(fx.role, a, { idempotencyKey: 'a-1' })
        // execution
        const gb = await fx.worker.grant(fx.role, b, { idempotencyKey: 'b-1' })
        const rb = await fx.worker.revoke(fx.role, b, { idempotencyKey: 'b-2' })
        // validation
        expect(gb.nativeExpiry).toBe(false)
        expect(gb.expiresAt.toISOString()).toBe('2030-01-01T08:15:00.000Z')
        expect(fx.emu.state.roleRequests.map((r) => r.action)).toEqual(['adminAssign'])
        expect(rb.alreadyAbsent).toBe(false)
        expect(instancesOf(ALICE.id)[0]!.endDateTime).toBe('2030-01-01T09:00:00Z')
    })

    it('a permanent assignment held outside the system: nothing changes, drift in evidence, revoke removes nothing', async () => {
        // setup
        fx.emu.addPermanentAssignment(ALICE.id, ROLE_USER_ADMIN.id)
        // execution
        const g = await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        const v = await fx.role.verify(rolePlan(), { idempotencyKey: 'act-2' })
        const r = await fx.role.revoke(rolePlan(), { idempotencyKey: 'act-3' })
        // validation
        expect(g.evidence).toMatchObject({ drift: true, external: true })
        expect(g.notes?.join('\n')).toMatch(/outside the break-glass system .*permanently/)
        expect(g.nativeExpiry).toBe(false)
        expect(v).toMatchObject({ present: true, evidence: { drift: true } })
        expect(r).toMatchObject({ alreadyAbsent: true, evidence: { drift: true } })
        expect(fx.emu.callCount({ method: 'POST', path: REQUESTS })).toBe(0)
        expect(instancesOf(ALICE.id)).toHaveLength(1)
    })

    it('an assignment removed behind our back → revoke is alreadyAbsent without a write', async () => {
        // setup
        await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        fx.emu.state.roleInstances = []
        // execution
        const r = await fx.role.revoke(rolePlan(), { idempotencyKey: 'act-2' })
        // validation
        expect(r.alreadyAbsent).toBe(true)
        expect(fx.emu.callCount({ method: 'POST', path: REQUESTS })).toBe(1)
    })

    it('RoleAssignmentDoesNotExist from the remove itself is reconciled by a re-read', async () => {
        // setup: the instance is listed by the first read, then gone when adminRemove arrives
        await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        const inst = fx.emu.state.roleInstances[0]!
        fx.emu.faults.add({ method: 'POST', path: REQUESTS, status: 400, code: 'RoleAssignmentDoesNotExist' })
        const origList = fx.emu.state.listRoleInstances.bind(fx.emu.state)
        let reads = 0
        fx.emu.state.listRoleInstances = (f) =>
            ++reads === 1 ? origList(f) : origList(f).filter((i) => i.id !== inst.id)
        // execution
        const r = await fx.role.revoke(rolePlan(), { idempotencyKey: 'act-2' })
        // validation
        expect(r.alreadyAbsent).toBe(true)
        expect(reads).toBe(2)
    })

    it('ActiveDurationTooShort → retryable with retryAfterMs until 5 minutes after activation', async () => {
        // setup
        await restart({ minActiveMinutes: 5 })
        await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        fx.clock.advanceMinutes(2)
        // execution
        const err = await failure(fx.role.revoke(rolePlan(), { idempotencyKey: 'act-2' }))
        fx.clock.advanceMinutes(3)
        const later = await fx.role.revoke(rolePlan(), { idempotencyKey: 'act-2' })
        // validation
        expect(err.kind).toBe('retryable')
        expect(err.code).toBe('ActiveDurationTooShort')
        expect(err.retryAfterMs).toBe(3 * 60_000)
        expect(later.alreadyAbsent).toBe(false)
        expect(instancesOf(ALICE.id)).toHaveLength(0)
    })

    it('ActiveDurationTooShort on a grant shorter than 5 minutes → retry just after its own end, when Entra has removed it', async () => {
        // setup: a 1-minute assignment whose revoke timer fires a moment before Entra's end
        await restart({ minActiveMinutes: 5 })
        await fx.role.grant(rolePlan({ durationMinutes: 1 }), { idempotencyKey: 'act-1' })
        fx.clock.advanceSeconds(59)
        // execution
        const err = await failure(fx.role.revoke(rolePlan({ durationMinutes: 1 }), { idempotencyKey: 'act-2' }))
        fx.clock.advanceSeconds(3)
        const later = await fx.role.revoke(rolePlan({ durationMinutes: 1 }), { idempotencyKey: 'act-2' })
        // validation: retried 1 s after the end + 2 s margin, not after the 5-minute minimum
        expect(err.code).toBe('ActiveDurationTooShort')
        expect(err.retryAfterMs).toBe(3_000)
        expect(later.alreadyAbsent).toBe(true)
    })

    it.each([
        ['ExpirationRule', { roleMaxDuration: { [ROLE_USER_ADMIN.id]: 'PT15M' } }],
        ['JustificationRule', {}],
        ['TicketingRule', { requireTicket: true }],
    ])('policy %s → fatal naming the rule', async (rule, emulator) => {
        // setup
        await restart({ emulator })
        const plan = rule === 'JustificationRule' ? rolePlan({ justification: '' }) : rolePlan()
        if (rule === 'JustificationRule')
            fx.emu.faults.add({
                method: 'POST',
                path: REQUESTS,
                status: 400,
                code: 'RoleAssignmentRequestPolicyValidationFailed',
                message: 'The following policy rules failed: ["JustificationRule"]',
            })
        if (rule === 'TicketingRule')
            fx.emu.faults.add({
                method: 'POST',
                path: REQUESTS,
                status: 400,
                code: 'RoleAssignmentRequestPolicyValidationFailed',
                message: 'The following policy rules failed: ["TicketingRule"]',
            })
        // execution
        const err = await failure(fx.role.grant(plan, { idempotencyKey: 'act-1' }))
        // validation
        expect(err.kind).toBe('fatal')
        expect(err.code).toBe('RoleAssignmentRequestPolicyValidationFailed')
        expect(err.message).toContain(rule)
        expect(err.details?.rules).toEqual([rule])
        expect(fx.holders.holdersOf(holderKey('entra-role', ALICE.id, ROLE_USER_ADMIN.id))).toEqual([])
    })

    it('PendingApproval → halted with the approval id, no holder recorded; a retry stays halted', async () => {
        // setup
        await restart({ emulator: { approvalRequiredRoles: [ROLE_GLOBAL_ADMIN.id] } })
        const plan = rolePlan({ target: { kind: 'entra_role', roleId: ROLE_GLOBAL_ADMIN.id } })
        // execution
        const err = await failure(fx.role.grant(plan, { idempotencyKey: 'act-1' }))
        const again = await failure(fx.role.grant(plan, { idempotencyKey: 'act-1' }))
        // validation
        expect(err.kind).toBe('halted')
        expect(err.details?.approvalId).toMatch(/^[0-9a-f-]{36}$/)
        expect(again.kind).toBe('halted')
        expect(again.code).toBe('PendingRoleAssignmentRequest')
        expect(fx.holders.holdersOf(holderKey('entra-role', ALICE.id, ROLE_GLOBAL_ADMIN.id))).toEqual([])
    })

    it.each<
        [string, { status: number; code?: string; retryAfterSeconds?: number }, ProviderErrorKind, number | undefined]
    >([
        ['403 Authorization_RequestDenied', { status: 403 }, 'fatal', undefined],
        ['429 TooManyRequests + Retry-After', { status: 429, retryAfterSeconds: 42 }, 'retryable', 42_000],
        ['500', { status: 500 }, 'retryable', 30_000],
        ['503 + Retry-After', { status: 503, retryAfterSeconds: 5 }, 'retryable', 5_000],
        ['400 other', { status: 400, code: 'BadRequest' }, 'fatal', undefined],
    ])('grant POST %s → %s', async (_name, fault, kind, retryAfterMs) => {
        // setup
        fx.emu.faults.add({ method: 'POST', path: REQUESTS, ...fault })
        // execution
        const err = await failure(fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' }))
        // validation
        expect(err.kind).toBe(kind)
        expect(err.retryAfterMs).toBe(retryAfterMs)
        expect(instancesOf(ALICE.id)).toHaveLength(0)
    })

    it('429 from the documented write limit → retryable with the emulator Retry-After', async () => {
        // setup
        await restart({ emulator: { writeLimit: { max: 1, windowSeconds: 150 } } })
        await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        // execution
        const err = await failure(
            fx.role.grant(rolePlan({ principal: { userSysId: 'x', userName: 'bob', email: BOB.userPrincipalName } }), {
                idempotencyKey: 'act-2',
            }),
        )
        // validation
        expect(err).toMatchObject({ kind: 'retryable', code: 'TooManyRequests', retryAfterMs: 150_000 })
    })

    it('404 for an unknown role → fatal', async () => {
        // setup: eligibility only reported, so the write reaches Graph (a required eligibility refuses first)
        const provider = createEntraRoleProvider(
            { connection: fx.connection, eligibility: 'report' },
            { holders: fx.holders, fleet: fx.fleet, now: fx.clock.now },
        )
        // execution
        const err = await failure(
            provider.grant(
                rolePlan({ target: { kind: 'entra_role', roleId: '00000000-0000-4000-8000-00000000beef' } }),
                { idempotencyKey: 'a' },
            ),
        )
        // validation
        expect(err).toMatchObject({ kind: 'fatal', code: 'Request_ResourceNotFound' })
    })

    it('a slow response past the client timeout on the write → unknown_outcome; the retry reconciles', async () => {
        // setup
        await restart({ connection: { timeoutMs: 300 } })
        fx.emu.faults.add({ method: 'POST', path: REQUESTS, latencyMs: 1_500 })
        // execution
        const err = await failure(fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' }))
        const retried = await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        // validation
        expect(err.kind).toBe('unknown_outcome')
        expect(retried.alreadyDone).toBe(true)
        expect(instancesOf(ALICE.id)).toHaveLength(1)
    })

    it('a slow read → retryable (reads are safe to repeat)', async () => {
        // setup
        await restart({ connection: { timeoutMs: 300 } })
        fx.emu.faults.add({ method: 'GET', path: /roleAssignmentScheduleInstances$/, latencyMs: 1_500 })
        // execution
        const err = await failure(fx.role.verify(rolePlan(), { idempotencyKey: 'act-1' }))
        // validation
        expect(err.kind).toBe('retryable')
    })

    it('401 expired token → refreshed once, the call succeeds', async () => {
        // setup: a token is cached, then the emulator expires every token
        await fx.role.verify(rolePlan(), { idempotencyKey: 'warm' })
        const tokensBefore = fx.emu.callCount({ method: 'POST', path: /oauth2\/v2\.0\/token$/ })
        fx.emu.faults.add({ expireTokens: true, path: /\/users$/ })
        // execution
        const g = await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        // validation
        expect(g.alreadyDone).toBe(false)
        expect(g.calls[0]).toMatchObject({ status: 401 })
        expect(fx.emu.callCount({ method: 'POST', path: /oauth2\/v2\.0\/token$/ })).toBe(tokensBefore + 1)
    })

    it('401 that survives the refresh → fatal', async () => {
        // setup
        fx.emu.faults.add({
            method: 'GET',
            path: /\/users$/,
            status: 401,
            code: 'InvalidAuthenticationToken',
            times: 2,
        })
        // execution
        const err = await failure(fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' }))
        // validation
        expect(err).toMatchObject({ kind: 'fatal', code: 'InvalidAuthenticationToken' })
    })

    it('a wrong client secret → fatal invalid_client, no secret in the message', async () => {
        // setup
        const provider = createEntraRoleProvider(
            { connection: { ...fx.connection, clientSecret: 'wrong-secret-value' } },
            { holders: fx.holders, fleet: fx.fleet, now: fx.clock.now },
        )
        // execution
        const err = await failure(provider.grant(rolePlan(), { idempotencyKey: 'act-1' }))
        // validation
        expect(err).toMatchObject({ kind: 'fatal', code: 'invalid_client' })
        expect(err.message).toMatch(/AADSTS7000215/)
        expect(err.message).not.toContain('wrong-secret-value')
    })

    it('token endpoint outage → retryable', async () => {
        // setup
        const provider = createEntraRoleProvider(
            { connection: fx.connection },
            { holders: fx.holders, fleet: fx.fleet, now: fx.clock.now },
        )
        fx.emu.faults.add({ path: /oauth2\/v2\.0\/token$/, status: 503, code: 'temporarily_unavailable', times: 5 })
        // execution
        const err = await failure(provider.verify(rolePlan(), { idempotencyKey: 'act-1' }))
        // validation
        expect(err.kind).toBe('retryable')
    })

    it('principal not found, or not unique by mail → fatal with a clear message', async () => {
        // setup
        const byMail = createEntraRoleProvider(
            { connection: { ...fx.connection, principalLookup: 'mail' } },
            { holders: fx.holders, fleet: fx.fleet, now: fx.clock.now },
        )
        // execution
        const missing = await failure(
            fx.role.grant(rolePlan({ principal: { userSysId: 'x', userName: 'zed', email: 'zed@contoso.example' } }), {
                idempotencyKey: 'a',
            }),
        )
        const several = await failure(
            byMail.grant(rolePlan({ principal: { userSysId: 'x', userName: 'ops', email: SHARED_MAIL } }), {
                idempotencyKey: 'b',
            }),
        )
        const malformed = await failure(
            fx.role.grant(rolePlan({ principal: { userSysId: 'x', userName: 'evil', email: "x' or 1 eq 1" } }), {
                idempotencyKey: 'c',
            }),
        )
        // validation
        expect(missing).toMatchObject({ kind: 'fatal', code: 'principal_not_found' })
        expect(missing.message).toMatch(/no Entra user has userPrincipalName zed@contoso.example/)
        expect(several).toMatchObject({ kind: 'fatal', code: 'principal_not_unique' })
        expect(several.message).toMatch(/2 Entra users have mail/)
        expect(malformed).toMatchObject({ kind: 'fatal', code: 'principal_invalid' })
        expect(fx.emu.callCount({ method: 'POST', path: REQUESTS })).toBe(0)
    })

    it('refuses plans that do not fit: wrong provider, wrong target kind, role outside allowedRoleIds', async () => {
        // setup
        const restricted = createEntraRoleProvider(
            { connection: fx.connection, allowedRoleIds: [ROLE_USER_ADMIN.id] },
            { holders: fx.holders, fleet: fx.fleet, now: fx.clock.now },
        )
        // execution
        const wrongProvider = await failure(fx.role.grant(rolePlan({ provider: 'webhook' }), { idempotencyKey: 'a' }))
        const wrongKind = await failure(
            fx.role.grant(rolePlan({ target: { kind: 'device_local_admin', deviceName: 'PC' } }), {
                idempotencyKey: 'b',
            }),
        )
        const notAllowed = await failure(
            restricted.grant(rolePlan({ target: { kind: 'entra_role', roleId: ROLE_GLOBAL_ADMIN.id } }), {
                idempotencyKey: 'c',
            }),
        )
        // validation
        expect(wrongProvider.code).toBe('wrong_provider')
        expect(wrongKind.code).toBe('wrong_target')
        expect(notAllowed.code).toBe('role_not_allowed')
        expect(fx.emu.requests).toHaveLength(0)
    })

    it('describes itself and checks health with one authenticated read', async () => {
        // execution
        await fx.role.health()
        // validation
        expect(fx.role.describe()).toEqual({ name: 'entra-role', baseUrl: fx.emu.graphBase, nativeExpiry: true })
        expect(fx.emu.requests.filter((r) => r.clientId === CLIENT_ID)).toHaveLength(1)
    })
})

describe('entra-role extend (issue 17)', () => {
    beforeEach(async () => {
        fx = await startEntraFixture()
    })
    afterEach(async () => {
        await fx.close()
    })

    it('adminExtend keeps the schedule and moves its end; Entra’s maximum judges the whole assignment', async () => {
        // setup: a 1-hour maximum for the role at Entra
        await restart({ emulator: { roleMaxDuration: { [ROLE_USER_ADMIN.id]: 'PT1H' } } })
        const granted = await fx.role.grant(rolePlan(), { idempotencyKey: 'act-1' })
        fx.clock.advanceMinutes(20)
        // execution
        const tooLong = await failure(
            fx.role.extend!(rolePlan(), new Date('2030-01-01T09:15:00Z'), { idempotencyKey: 'ext-1' }),
        )
        const ok = await fx.role.extend!(rolePlan(), new Date('2030-01-01T08:50:00Z'), { idempotencyKey: 'ext-2' })
        // validation
        expect(tooLong.kind).toBe('fatal')
        expect(tooLong.message).toContain('ExpirationRule')
        const req = fx.emu.state.roleRequests.find((r) => r.action === 'adminExtend' && r.status === 'Provisioned')!
        expect(req.targetScheduleId).toBe(granted.txnIds[0])
        expect(ok.txnIds).toEqual([req.targetScheduleId, req.id])
        expect(instancesOf(ALICE.id)).toHaveLength(1)
        expect(instancesOf(ALICE.id)[0]!.endDateTime).toBe('2030-01-01T08:50:00Z')
        expect(ok.notes?.join(' ')).toMatch(/extended in place/)
    })
})
