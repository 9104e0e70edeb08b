/**
 * Drift scan: holders of managed roles and groups without an active grant are reported (never changed).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { entraConnectionSchema, createGraphClient, holderKey, scanDrift } from '../src/providers/entra'
import {
    ALICE,
    BOB,
    GROUP_WS_ADMINS,
    groupPlan,
    ROLE_GLOBAL_ADMIN,
    ROLE_USER_ADMIN,
    rolePlan,
    startEntraFixture,
    type EntraFixture,
} from '../../test/emulators/graph/fixture'

let fx: EntraFixture

describe('scanDrift', () => {
    beforeEach(async () => {
        fx = await startEntraFixture({ groupMode: 'pim' })
    })
    afterEach(async () => {
        await fx.close()
    })

    it('reports permanent assignments, manual members and leftovers; not holders with an active grant', async () => {
        // setup: an active grant of ours (role + group), a permanent Global Admin, a manual group member
        await fx.role.grant(rolePlan(), { idempotencyKey: 'a-1' })
        await fx.group.grant(groupPlan(), { idempotencyKey: 'a-2' })
        fx.emu.addPermanentAssignment(BOB.id, ROLE_GLOBAL_ADMIN.id)
        fx.emu.addDirectMember(GROUP_WS_ADMINS.id, BOB.id)
        const graph = createGraphClient(entraConnectionSchema.parse(fx.connection), { now: fx.clock.now })
        const active = [
            holderKey('entra-role', ALICE.id, ROLE_USER_ADMIN.id),
            holderKey('entra-group', ALICE.id, GROUP_WS_ADMINS.id),
        ]
        // execution
        const drift = await scanDrift({
            graph,
            managedRoles: [ROLE_USER_ADMIN.id, ROLE_GLOBAL_ADMIN.id],
            managedGroups: [GROUP_WS_ADMINS.id],
            activeGrantKeys: active,
        })
        // validation
        expect(drift).toEqual([
            {
                kind: 'entra-role',
                targetId: ROLE_GLOBAL_ADMIN.id,
                principalId: BOB.id,
                principalName: BOB.userPrincipalName,
                reason: 'permanent assignment outside the break-glass system',
            },
            expect.objectContaining({
                kind: 'entra-group',
                targetId: GROUP_WS_ADMINS.id,
                principalId: BOB.id,
                principalName: BOB.userPrincipalName,
            }),
        ])
        expect(fx.emu.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/v1.0/')).length).toBe(2)
    })

    it('a grant no longer active turns its assignment into drift; ignored principals are skipped', async () => {
        // setup
        await fx.role.grant(rolePlan(), { idempotencyKey: 'a-1' })
        fx.emu.addPermanentAssignment(BOB.id, ROLE_USER_ADMIN.id)
        const graph = createGraphClient(entraConnectionSchema.parse(fx.connection), { now: fx.clock.now })
        // execution
        const drift = await scanDrift({
            graph,
            managedRoles: [ROLE_USER_ADMIN.id],
            managedGroups: [],
            activeGrantKeys: [],
            ignorePrincipalIds: [BOB.id],
        })
        // validation
        expect(drift).toHaveLength(1)
        expect(drift[0]).toMatchObject({
            principalId: ALICE.id,
            reason: expect.stringMatching(/^time-bound .*2030-01-01T08:30:00Z without an active grant$/),
        })
    })
})
