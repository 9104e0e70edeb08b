/**
 * A ready tenant for Entra tests: the Graph emulator with two users (plus a duplicated mail), roles, groups, a
 * movable clock, an in-memory holder registry and the real providers (MSAL auth against the emulator).
 *
 * Test / dev code only.
 */
import type { ExecutionPlan } from '@gbg/shared'
import {
    createEntraGroupProvider,
    createEntraRoleProvider,
    createGraphClient,
    entraConnectionSchema,
    InMemoryFleetGrants,
    InMemoryHolderRegistry,
    type EntraConnectionInput,
} from '../../../executor/src/providers/entra'
import type { GrantResult, Provider, ProviderCallContext, RevokeResult } from '../../../executor/src/providers/types'
import { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from './index'

export const TENANT = '11111111-2222-3333-4444-555555555555'
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
export const CLIENT_SECRET = 'emulator-client-secret-not-real'
export const ALICE = {
    id: 'a11ce000-0000-4000-8000-000000000001',
    userPrincipalName: 'alice@contoso.example',
    mail: 'alice@contoso.example',
    displayName: 'Alice Admin',
}
export const BOB = {
    id: 'b0b00000-0000-4000-8000-000000000002',
    userPrincipalName: 'bob@contoso.example',
    mail: 'bob@contoso.example',
    displayName: 'Bob Builder',
}
/** Two accounts share this mail: lookup by mail must refuse to guess. */
export const SHARED_MAIL = 'ops@contoso.example'
export const OPS1 = {
    id: '0b500000-0000-4000-8000-000000000003',
    userPrincipalName: 'ops1@contoso.example',
    mail: SHARED_MAIL,
    displayName: 'Ops One',
}
export const OPS2 = {
    id: '0b500000-0000-4000-8000-000000000004',
    userPrincipalName: 'ops2@contoso.example',
    mail: SHARED_MAIL,
    displayName: 'Ops Two',
}
export const ROLE_USER_ADMIN = { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', displayName: 'User Administrator' }
export const ROLE_GLOBAL_ADMIN = { id: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator' }
export const GROUP_WS_ADMINS = { id: '9a000000-0000-4000-8000-0000000000a1', displayName: 'LocalAdmins-Workstations' }
export const GROUP_SRV_ADMINS = { id: '9a000000-0000-4000-8000-0000000000a2', displayName: 'LocalAdmins-Servers' }

/** A movable clock shared by the emulator and the providers. */
export class MovableClock {
    constructor(private t: number) {}
    now = (): Date => new Date(this.t)
    advanceMinutes(m: number): void {
        this.t += m * 60_000
    }
    advanceSeconds(s: number): void {
        this.t += s * 1000
    }
}

/** Plan for the `entra-role` provider. */
export function rolePlan(over: Partial<ExecutionPlan> = {}): ExecutionPlan {
    return {
        version: 1,
        grantSysId: '0123456789abcdef0123456789abcd01',
        grantNumber: 'BGA0001001',
        provider: 'entra-role',
        operation: 'grant',
        principal: { userSysId: 'fedcba9876543210fedcba9876543210', userName: 'alice', email: ALICE.userPrincipalName },
        target: { kind: 'entra_role', roleId: ROLE_USER_ADMIN.id, roleName: ROLE_USER_ADMIN.displayName },
        durationMinutes: 30,
        justification: 'Reset MFA for the CFO (INC0010001)',
        tickets: { ritm: 'RITM0010001', incident: 'INC0010001' },
        emergency: false,
        highRisk: false,
        ...over,
    }
}

/** Plan for the `entra-group` provider (workstation local admin). */
export function groupPlan(over: Partial<ExecutionPlan> = {}): ExecutionPlan {
    return {
        ...rolePlan(),
        provider: 'entra-group',
        target: {
            kind: 'device_local_admin',
            deviceName: 'PC-0042',
            deviceClass: 'workstation',
            ciSysId: 'aaaabbbbccccddddaaaabbbbccccdddd',
        },
        justification: 'Install the plotter driver',
        ...over,
    }
}

/** Options of {@link startEntraFixture}. */
export interface EntraFixtureOptions {
    emulator?: Partial<GraphEmulatorOptions>
    connection?: Partial<EntraConnectionInput>
    groupMode?: 'pim' | 'members'
    signOutPolicy?: 'forced' | 'required'
    /** @defaultValue 0 (immediate removal allowed; the 5-minute rule has its own tests) */
    minActiveMinutes?: number
}

/** A started fixture. */
export interface EntraFixture {
    emu: GraphEmulator
    clock: MovableClock
    holders: InMemoryHolderRegistry
    /** ServiceNow's grant records as the providers read them (tests set each grant's state). */
    fleet: InMemoryFleetGrants
    /** Provider calls wrapped in the grant-state writes the worker makes around them (see {@link workerLike}). */
    worker: ReturnType<typeof workerLike>
    role: Provider
    group: Provider
    connection: EntraConnectionInput
    close(): Promise<void>
}

/** Start the emulator and both providers. */
export async function startEntraFixture(opts: EntraFixtureOptions = {}): Promise<EntraFixture> {
    const clock = new MovableClock(Date.parse('2030-01-01T08:00:00Z'))
    const emu = await startGraphEmulator({
        now: clock.now,
        tenantId: TENANT,
        clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
        users: [ALICE, BOB, OPS1, OPS2],
        roles: [ROLE_USER_ADMIN, ROLE_GLOBAL_ADMIN],
        groups: [GROUP_WS_ADMINS, GROUP_SRV_ADMINS],
        minActiveMinutes: opts.minActiveMinutes ?? 0,
        ...opts.emulator,
    })
    const connection: EntraConnectionInput = {
        tenantId: TENANT,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        authorityHost: emu.authorityHost,
        graphBaseUrl: emu.graphBase,
        caCertificatePem: emu.ca,
        timeoutMs: 2_000,
        ...opts.connection,
    }
    const holders = new InMemoryHolderRegistry()
    const fleet = new InMemoryFleetGrants()
    // One Graph client shared by both providers, as in production.
    const graph = createGraphClient(entraConnectionSchema.parse(connection), { now: clock.now })
    const deps = { holders, fleet, now: clock.now, graph }
    const role = createEntraRoleProvider({ connection }, deps)
    const group = createEntraGroupProvider(
        {
            connection,
            mode: opts.groupMode ?? 'pim',
            groupsByDeviceClass: { workstation: GROUP_WS_ADMINS.id, server: GROUP_SRV_ADMINS.id },
            signOutPolicy: opts.signOutPolicy ?? 'required',
        },
        deps,
    )
    return {
        emu,
        clock,
        holders,
        fleet,
        worker: workerLike(fleet),
        role,
        group,
        connection,
        close: () => emu.close(),
    }
}

/**
 * The grant-state writes the worker makes in ServiceNow around a provider call, into the fleet double: `granting`
 * before the grant, `active` with the expiry after it; `revoking` before the revoke, `revoked` (with the grants it
 * kept the shared assignment for) after it. A failed call leaves the state the worker leaves (granting / revoking).
 */
export function workerLike(fleet: InMemoryFleetGrants) {
    return {
        async grant(p: Provider, plan: ExecutionPlan, ctx: ProviderCallContext): Promise<GrantResult> {
            fleet.set(plan, 'granting')
            const r = await p.grant(plan, ctx)
            fleet.set(plan, 'active', r.expiresAt)
            return r
        },
        async revoke(p: Provider, plan: ExecutionPlan, ctx: ProviderCallContext): Promise<RevokeResult> {
            const expiresAt = (
                await fleet.list(plan.principal.userSysId, plan.provider as never, ['active'], 1000)
            ).find((g) => g.sysId === plan.grantSysId)?.expiresAt
            fleet.set(plan, 'revoking', expiresAt ?? null)
            const r = await p.revoke(plan, ctx)
            const kept = r.evidence?.sharedWith
            fleet.set(plan, 'revoked', expiresAt ?? null, Array.isArray(kept) ? (kept as string[]) : [])
            return r
        },
    }
}
