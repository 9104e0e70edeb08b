/**
 * `entra-group` provider (local admin through an Intune-fed Entra group) against the Graph emulator, in both
 * modes: PIM for Groups (native expiry) and plain `$ref` membership (the executor's revoke is the only clock).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ProviderError } from '../src/providers/types'
import { chooseGroup, entraGroupConfigSchema, holderKey } from '../src/providers/entra'
import {
    ALICE,
    GROUP_SRV_ADMINS,
    GROUP_WS_ADMINS,
    groupPlan,
    startEntraFixture,
    TENANT,
    CLIENT_ID,
    type EntraFixture,
} from '../../test/emulators/graph/fixture'

let fx: EntraFixture | undefined

afterEach(async () => {
    await fx?.close()
    fx = undefined
})

async function failure(p: Promise<unknown>): Promise<ProviderError> {
    const err = await p.then(
        () => undefined,
        (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ProviderError)
    return err as ProviderError
}

/** Every DELETE the emulator saw on a member path without `/$ref` (must stay empty). */
function dangerousDeletes(f: EntraFixture) {
    return f.emu.requests.filter((r) => r.method === 'DELETE' && /\/members\/[^/]+$/.test(r.path))
}

const key = holderKey('entra-group', ALICE.id, GROUP_WS_ADMINS.id)

describe('entra-group provider, PIM for Groups mode', () => {
    it('grants with adminAssign accessId member and afterDuration; Entra ends it natively', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'pim' })
        // execution
        const g = await fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' })
        // validation
        const req = fx.emu.state.groupRequests[0]!
        expect(req).toMatchObject({
            accessId: 'member',
            action: 'adminAssign',
            principalId: ALICE.id,
            groupId: GROUP_WS_ADMINS.id,
        })
        expect(req.scheduleInfo).toMatchObject({ expiration: { type: 'afterDuration', duration: 'PT30M' } })
        expect(g).toMatchObject({ alreadyDone: false, nativeExpiry: true })
        expect(g.notes?.join(' ')).toMatch(/Sign out and in again/)
        expect(g.notes?.join(' ')).toMatch(/sign-out is required at expiry/)
        expect(fx.emu.state.members(GROUP_WS_ADMINS.id).map((u) => u.id)).toEqual([ALICE.id])

        // execution: native expiry
        fx.clock.advanceMinutes(30)
        const v = await fx.group.verify(groupPlan(), { idempotencyKey: 'act-2' })
        const r = await fx.group.revoke(groupPlan(), { idempotencyKey: 'act-3' })
        // validation
        expect(v.present).toBe(false)
        expect(r.alreadyAbsent).toBe(true)
        expect(fx.emu.state.groupRequests).toHaveLength(1)
    })

    it('revokes with adminRemove; sign-out forced note per policy', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'pim', signOutPolicy: 'forced' })
        const g = await fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' })
        // execution
        const r = await fx.group.revoke(groupPlan(), { idempotencyKey: 'act-2', txnIds: g.txnIds })
        // validation
        expect(g.notes?.join(' ')).toMatch(/sign-out is forced at expiry/)
        expect(r.alreadyAbsent).toBe(false)
        expect(r.notes?.join(' ')).toMatch(/sign-out is forced now/)
        expect(fx.emu.state.groupRequests.map((x) => x.action)).toEqual(['adminAssign', 'adminRemove'])
        expect(fx.emu.state.members(GROUP_WS_ADMINS.id)).toEqual([])
    })

    it('a manual (non-PIM) member is held outside the system → drift, nothing changed', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'pim' })
        fx.emu.addDirectMember(GROUP_WS_ADMINS.id, ALICE.id)
        // execution
        const g = await fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' })
        const r = await fx.group.revoke(groupPlan(), { idempotencyKey: 'act-2' })
        // validation
        expect(g.evidence).toMatchObject({ drift: true, external: true })
        expect(r.evidence).toMatchObject({ drift: true })
        expect(fx.emu.state.groupRequests).toHaveLength(0)
        expect(fx.emu.state.members(GROUP_WS_ADMINS.id).map((u) => u.id)).toEqual([ALICE.id])
    })

    it('overlap extends the PIM for Groups assignment to the later expiry; the last holder removes', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'pim' })
        const a = groupPlan({ grantSysId: 'a'.repeat(32), durationMinutes: 30 })
        const b = groupPlan({ grantSysId: 'b'.repeat(32), durationMinutes: 90 })
        // execution
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        await fx.worker.grant(fx.group, b, { idempotencyKey: 'b-1' })
        const ra = await fx.worker.revoke(fx.group, a, { idempotencyKey: 'a-2' })
        // validation
        expect(fx.emu.state.groupInstances).toHaveLength(1)
        expect(fx.emu.state.groupInstances[0]!.endDateTime).toBe('2030-01-01T09:30:00Z')
        expect(ra.alreadyAbsent).toBe(false)
        expect(fx.emu.state.members(GROUP_WS_ADMINS.id).map((u) => u.id)).toEqual([ALICE.id])
        // execution
        await fx.worker.revoke(fx.group, b, { idempotencyKey: 'b-2' })
        // validation
        expect(fx.emu.state.groupInstances).toHaveLength(0)
        expect(fx.holders.holdersOf(key)).toEqual([])
    })
})

describe('entra-group provider, PIM for Groups: concurrent grants on one shared assignment (docs/simulation.md finding 18)', () => {
    it('two grants extending the shared assignment at once never shorten it: the later end wins', async () => {
        // setup: a holds the assignment until 08:30; b (until 09:30) and c (until 09:00) are granted at the same
        // moment by one executor. Before: both read 08:30, both updated, and c's update landing last cut b's end to
        // 09:00 (sim long-5 world 198: the active grant lost its access at the shorter end).
        fx = await startEntraFixture({ groupMode: 'pim' })
        const a = groupPlan({ grantSysId: 'a'.repeat(32), durationMinutes: 30 })
        const b = groupPlan({ grantSysId: 'b'.repeat(32), durationMinutes: 90 })
        const c = groupPlan({ grantSysId: 'c'.repeat(32), durationMinutes: 60 })
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        // execution
        await Promise.all([
            fx.worker.grant(fx.group, b, { idempotencyKey: 'b-1' }),
            fx.worker.grant(fx.group, c, { idempotencyKey: 'c-1' }),
        ])
        // validation: one assignment, ending at the latest end any holder needs
        expect(fx.emu.state.groupInstances).toHaveLength(1)
        expect(fx.emu.state.groupInstances[0]!.endDateTime).toBe('2030-01-01T09:30:00Z')
    })
})

describe('entra-group provider, PIM for Groups overlap under clock skew (docs/simulation.md finding 7)', () => {
    it('extending a shared assignment keeps its start: an executor clock ahead of Entra never opens a gap', async () => {
        // setup: the executor's clock runs 5 s ahead of Entra's (NTP-scale skew, as in the simulator)
        const entraNow = () => new Date((fx?.clock.now().getTime() ?? Date.parse('2030-01-01T08:00:00Z')) - 5_000)
        fx = await startEntraFixture({ groupMode: 'pim', emulator: { now: entraNow } })
        const a = groupPlan({ grantSysId: 'a'.repeat(32), durationMinutes: 30 })
        const b = groupPlan({ grantSysId: 'b'.repeat(32), durationMinutes: 90 })
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        fx.clock.advanceMinutes(10)
        const firstStart = fx.emu.state.groupInstances[0]!.startDateTime
        // execution: B's grant extends the assignment A holds
        await fx.worker.grant(fx.group, b, { idempotencyKey: 'b-1' })
        // validation: the update kept A's start; the membership never left (before the fix the new window started
        // "now" by the executor's clock, 5 s in Entra's future, and Alice was no member for those 5 s)
        expect(fx.emu.state.groupRequests.map((r) => r.action)).toEqual(['adminAssign', 'adminUpdate'])
        expect(fx.emu.state.groupInstances[0]!.startDateTime).toBe(firstStart)
        expect(fx.emu.state.members(GROUP_WS_ADMINS.id).map((u) => u.id)).toEqual([ALICE.id])
        expect(fx.emu.state.groupInstances[0]!.endDateTime).toBe('2030-01-01T09:40:00Z')
    })
})

describe('entra-group provider, PIM for Groups: one grant per approved request (docs/simulation.md finding 10)', () => {
    it('an earlier attempt granted and the membership ended natively: the re-attempt makes no second assignment', async () => {
        // setup: the first attempt assigned the membership, then its journal and write-back were lost; the re-attempt
        // (no holder, no txnIds) runs after Entra ended the 4-minute assignment
        fx = await startEntraFixture({ groupMode: 'pim' })
        const plan = groupPlan({ durationMinutes: 4 })
        await fx.group.grant(plan, { idempotencyKey: 'act-1' })
        fx.holders.removeHolder(key, plan.grantSysId)
        fx.clock.advanceMinutes(5)
        // execution
        const err = await failure(fx.group.grant(plan, { idempotencyKey: 'act-1' }))
        // validation
        expect(err.kind).toBe('fatal')
        expect(err.code).toBe('grant_ended')
        expect(fx.emu.state.groupRequests.map((r) => r.action)).toEqual(['adminAssign'])
        expect(fx.emu.state.members(GROUP_WS_ADMINS.id)).toEqual([])
    })

    it('another grant of the same person and group is not mistaken for an earlier attempt of this one', async () => {
        // setup: grant A's assignment ran out; B (another approved request) is granted afterwards
        fx = await startEntraFixture({ groupMode: 'pim' })
        const a = groupPlan({ grantSysId: 'a'.repeat(32), durationMinutes: 4 })
        const b = groupPlan({ grantSysId: 'b'.repeat(32), durationMinutes: 10 })
        await fx.group.grant(a, { idempotencyKey: 'a-1' })
        fx.clock.advanceMinutes(5)
        // execution
        const g = await fx.group.grant(b, { idempotencyKey: 'b-1' })
        // validation
        expect(g.alreadyDone).toBe(false)
        expect(fx.emu.state.groupRequests.map((r) => r.action)).toEqual(['adminAssign', 'adminAssign'])
        expect(fx.emu.state.members(GROUP_WS_ADMINS.id).map((u) => u.id)).toEqual([ALICE.id])
    })
})

describe('entra-group provider, PIM for Groups: a membership held outside is never shared (docs/simulation.md finding 13)', () => {
    it('a grant while another grant of this system rests on an outside membership is drift too, not a share', async () => {
        // setup: someone made Alice a plain member; grant A found it (drift, nothing made) and is active
        fx = await startEntraFixture({ groupMode: 'pim' })
        fx.emu.addDirectMember(GROUP_WS_ADMINS.id, ALICE.id)
        const a = groupPlan({ grantSysId: 'a'.repeat(32), grantNumber: 'BGA0000001', durationMinutes: 30 })
        const b = groupPlan({ grantSysId: 'b'.repeat(32), grantNumber: 'BGA0000002', durationMinutes: 30 })
        const ga = await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        // execution
        const gb = await fx.worker.grant(fx.group, b, { idempotencyKey: 'b-1' })
        // validation: B is told the access is held outside (SecOps informed) instead of "shared with A", which holds
        // nothing: before, B recorded a share and lost its access the moment SecOps removed the outside membership
        expect(ga.evidence).toMatchObject({ drift: true, external: true })
        expect(gb.evidence).toMatchObject({ drift: true, external: true })
        expect(gb.evidence?.sharedWith).toBeUndefined()
        expect(fx.emu.state.groupRequests).toHaveLength(0)
    })

    it('two grants granting at once on an outside membership do not adopt each other', async () => {
        // setup: both grants are `granting` in ServiceNow (claimed in the same poll) when they read the membership
        fx = await startEntraFixture({ groupMode: 'pim' })
        fx.emu.addDirectMember(GROUP_WS_ADMINS.id, ALICE.id)
        const a = groupPlan({ grantSysId: 'a'.repeat(32), grantNumber: 'BGA0000001', durationMinutes: 30 })
        const b = groupPlan({ grantSysId: 'b'.repeat(32), grantNumber: 'BGA0000002', durationMinutes: 30 })
        fx.fleet.set(a, 'granting')
        fx.fleet.set(b, 'granting')
        // execution
        const ga = await fx.group.grant(a, { idempotencyKey: 'a-1' })
        const gb = await fx.group.grant(b, { idempotencyKey: 'b-1' })
        // validation
        expect(ga.evidence).toMatchObject({ drift: true, external: true })
        expect(gb.evidence).toMatchObject({ drift: true, external: true })
    })

    it('a PIM assignment this system made is still shared by a second grant', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'pim' })
        const a = groupPlan({ grantSysId: 'a'.repeat(32), grantNumber: 'BGA0000001', durationMinutes: 30 })
        const b = groupPlan({ grantSysId: 'b'.repeat(32), grantNumber: 'BGA0000002', durationMinutes: 30 })
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        // execution
        const gb = await fx.worker.grant(fx.group, b, { idempotencyKey: 'b-1' })
        // validation
        expect(gb.evidence).toMatchObject({ sharedWith: [a.grantSysId] })
        expect(gb.evidence?.drift).toBeUndefined()
    })
})

describe('entra-group provider, members mode', () => {
    it('adds with $ref, removes with DELETE …/$ref, never DELETE without $ref; no native expiry', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'members' })
        // execution
        const g = await fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' })
        const v1 = await fx.group.verify(groupPlan(), { idempotencyKey: 'act-2' })
        const r = await fx.group.revoke(groupPlan(), { idempotencyKey: 'act-3' })
        const v2 = await fx.group.verify(groupPlan(), { idempotencyKey: 'act-4' })
        const again = await fx.group.revoke(groupPlan(), { idempotencyKey: 'act-5' })
        // validation
        expect(g).toMatchObject({ alreadyDone: false, nativeExpiry: false })
        expect(g.notes?.join(' ')).toMatch(/the executor’s revoke at expiry is the only clock/)
        expect(v1.present).toBe(true)
        expect(r.alreadyAbsent).toBe(false)
        expect(v2.present).toBe(false)
        expect(again.alreadyAbsent).toBe(true)
        const paths = fx.emu.requests
            .filter((x) => x.method !== 'GET' && x.path.startsWith('/v1.0/'))
            .map((x) => `${x.method} ${x.path}`)
        expect(paths).toEqual([
            `POST /v1.0/groups/${GROUP_WS_ADMINS.id}/members/$ref`,
            `DELETE /v1.0/groups/${GROUP_WS_ADMINS.id}/members/${ALICE.id}/$ref`,
        ])
        expect(dangerousDeletes(fx)).toEqual([])
        expect(fx.emu.state.dangerousDeletes).toEqual([])
        expect(fx.emu.state.users.has(ALICE.id)).toBe(true)
    })

    it('a lost $ref add is reconciled: the retry finds the membership and is alreadyDone', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'members' })
        fx.emu.faults.add({ method: 'POST', path: /\/members\/\$ref$/, dropAfterApply: true })
        // execution
        const err = await failure(fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' }))
        const retried = await fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' })
        // validation
        expect(err.kind).toBe('unknown_outcome')
        expect(retried.alreadyDone).toBe(true)
        expect(retried.evidence?.drift).toBeUndefined()
    })

    it('a failed $ref add (503) is retryable and releases the pre-registered holder', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'members' })
        fx.emu.faults.add({ method: 'POST', path: /\/members\/\$ref$/, status: 503 })
        // execution
        const err = await failure(fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' }))
        // validation
        expect(err.kind).toBe('retryable')
        expect(fx.holders.holdersOf(key)).toEqual([])
    })

    it('DELETE $ref 404 (already removed) → re-read → alreadyAbsent', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'members' })
        await fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' })
        fx.emu.faults.add({ method: 'DELETE', status: 404, code: 'Request_ResourceNotFound' })
        const members = fx.emu.state.members.bind(fx.emu.state)
        let reads = 0
        fx.emu.state.members = (g) => (++reads === 1 ? members(g) : [])
        // execution
        const r = await fx.group.revoke(groupPlan(), { idempotencyKey: 'act-2' })
        // validation
        expect(r.alreadyAbsent).toBe(true)
        expect(fx.holders.holdersOf(key)).toEqual([])
    })

    it('overlap: one membership, removed only by the last holder', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'members' })
        const a = groupPlan({ grantSysId: 'a'.repeat(32) })
        const b = groupPlan({ grantSysId: 'b'.repeat(32), durationMinutes: 120 })
        // execution
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        const gb = await fx.worker.grant(fx.group, b, { idempotencyKey: 'b-1' })
        await fx.worker.revoke(fx.group, a, { idempotencyKey: 'a-2' })
        const stillThere = fx.emu.state.members(GROUP_WS_ADMINS.id).length
        await fx.worker.revoke(fx.group, b, { idempotencyKey: 'b-2' })
        // validation
        expect(gb.notes?.join(' ')).toMatch(/shared assignment/)
        expect(fx.emu.callCount({ method: 'POST', path: /\/members\/\$ref$/ })).toBe(1)
        expect(stillThere).toBe(1)
        expect(fx.emu.state.members(GROUP_WS_ADMINS.id)).toEqual([])
    })
})

describe('entra-group target selection', () => {
    const cfg = entraGroupConfigSchema.parse({
        connection: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: 's' },
        groupsByDeviceClass: { workstation: GROUP_WS_ADMINS.id },
        groupsByDevice: { 'SRV-DB01': GROUP_SRV_ADMINS.id },
    })

    it('chooses by device override, then device class, then the plan group', () => {
        // execution + validation
        expect(chooseGroup(groupPlan(), cfg)).toBe(GROUP_WS_ADMINS.id)
        expect(
            chooseGroup(
                groupPlan({
                    target: { kind: 'device_local_admin', deviceName: 'SRV-DB01', deviceClass: 'workstation' },
                }),
                cfg,
            ),
        ).toBe(GROUP_SRV_ADMINS.id)
        expect(chooseGroup(groupPlan({ target: { kind: 'entra_group', groupId: GROUP_SRV_ADMINS.id } }), cfg)).toBe(
            GROUP_SRV_ADMINS.id,
        )
    })

    it.each([
        [
            'a plan group that differs from the configured one',
            { kind: 'device_local_admin', deviceClass: 'workstation', groupId: GROUP_SRV_ADMINS.id },
            'group_mismatch',
        ],
        ['a device class with no group', { kind: 'device_local_admin', deviceClass: 'kiosk' }, 'group_not_configured'],
        [
            'a group outside the configuration',
            { kind: 'entra_group', groupId: '9a000000-0000-4000-8000-0000000000ff' },
            'group_not_allowed',
        ],
        ['a non-GUID group', { kind: 'entra_group', groupId: "x' or 1 eq 1" }, 'invalid_plan'],
        ['a role target', { kind: 'entra_role', roleId: GROUP_SRV_ADMINS.id }, 'wrong_target'],
    ] as const)('refuses %s', (_name, target, code) => {
        // execution
        let err: unknown
        try {
            chooseGroup(groupPlan({ target: { ...target } }), cfg)
        } catch (e) {
            err = e
        }
        // validation
        expect(err).toBeInstanceOf(ProviderError)
        expect((err as ProviderError).kind).toBe('fatal')
        expect((err as ProviderError).code).toBe(code)
    })
})

describe('extend an active grant in place (issue 17, shared/src/extend.ts)', () => {
    it('PIM for Groups: adminExtend from the assignment’s own start moves its end; nothing live is a fatal refusal', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'pim' })
        const absent = await failure(
            fx.group.extend!(groupPlan(), new Date('2030-01-01T08:45:00Z'), { idempotencyKey: 'ext-0' }),
        )
        await fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' })
        fx.clock.advanceMinutes(10)
        // execution
        const ext = await fx.group.extend!(groupPlan(), new Date('2030-01-01T08:45:00Z'), { idempotencyKey: 'ext-1' })
        const again = await fx.group.extend!(groupPlan(), new Date('2030-01-01T08:45:00Z'), { idempotencyKey: 'ext-1' })
        // validation
        expect(absent.kind).toBe('fatal')
        expect(absent.code).toBe('RoleAssignmentDoesNotExist')
        const req = fx.emu.state.groupRequests.find((r) => r.action === 'adminExtend')!
        expect(req).toMatchObject({ accessId: 'member', principalId: ALICE.id, groupId: GROUP_WS_ADMINS.id })
        expect(req.scheduleInfo).toMatchObject({
            startDateTime: '2030-01-01T08:00:00Z',
            expiration: { type: 'afterDateTime', endDateTime: '2030-01-01T08:45:00.000Z' },
        })
        expect(req.customData).toContain(`gbg-grant=${groupPlan().grantSysId}`)
        expect(ext).toMatchObject({ alreadyDone: false, nativeExpiry: true })
        expect(ext.expiresAt.toISOString()).toBe('2030-01-01T08:45:00.000Z')
        // The same end again (a resumed attempt): no second write.
        expect(again.alreadyDone).toBe(true)
        expect(fx.emu.state.groupRequests.filter((r) => r.action === 'adminExtend')).toHaveLength(1)
        // Entra keeps it past the old end and ends it at the new one.
        fx.clock.advanceMinutes(25)
        expect((await fx.group.verify(groupPlan(), { idempotencyKey: 'v-1' })).present).toBe(true)
        fx.clock.advanceMinutes(10)
        expect((await fx.group.verify(groupPlan(), { idempotencyKey: 'v-2' })).present).toBe(false)
    })

    it('members mode: no end at Entra, nothing is written (the scheduled revoke moves)', async () => {
        // setup
        fx = await startEntraFixture({ groupMode: 'members' })
        await fx.group.grant(groupPlan(), { idempotencyKey: 'act-1' })
        const writes = fx.emu.requests.filter((r) => r.method !== 'GET').length
        // execution
        const ext = await fx.group.extend!(groupPlan(), new Date('2030-01-01T08:45:00Z'), { idempotencyKey: 'ext-1' })
        // validation
        expect(ext).toMatchObject({ nativeExpiry: false, alreadyDone: false })
        expect(fx.emu.requests.filter((r) => r.method !== 'GET').length).toBe(writes)
    })
})
