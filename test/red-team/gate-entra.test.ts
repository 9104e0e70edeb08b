/**
 * Red team, issue 10 attack 4 through the Entra role provider: the plan of a grant approved through the app is
 * rewritten together with its digest (someone with write access to the grant record), before the executor acts.
 *
 * The world: the sandbox (ServiceNow emulator with the app's server modules, Graph emulator over HTTPS) with the
 * request ordered and approved through the app (`via: 'app'`: the app records the manager's `approval.vote` bound
 * to the plan digest), and the real executor in process, all on one virtual clock. Every attack must end refused by
 * the recheck gate (executor/src/approval-gate.ts: the votes bound another digest) with no Graph write, the reason
 * on the grant and the RITM, and a `recheck_refused` audit event.
 *
 * The sandbox approves Global Administrator (test/sandbox/seed.ts DEFAULT_GRAPH_IDS; startSandbox takes no other
 * role), so the role attack rewrites the approved role to another one the tenant has: Privileged Role
 * Administrator, which can assign any role, Global Administrator included.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'
import { providerWrites } from './support'
import { expectGateRefused, rewritePlan } from './gate-support'

/** A role the tenant has besides the approved one (its real, tenant-independent template id). */
const PRIVILEGED_ROLE_ADMIN = {
    id: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
    displayName: 'Privileged Role Administrator',
}
/** The attacker's own Entra account: exists in the tenant, so a rewritten plan naming it would resolve. */
const MALLORY = {
    id: '0b5e7c2a-9d41-4f3e-8a6b-2c1d0e9f8a7b',
    userPrincipalName: 'mallory@example.com',
    mail: 'mallory@example.com',
    displayName: 'Mallory Attacker',
}

let sandbox: Sandbox | undefined
let executor: InProcessExecutor | undefined
afterEach(async () => {
    await executor?.stop().catch(() => undefined)
    await sandbox?.close()
    executor = undefined
    sandbox = undefined
})

/** A sandbox whose one Entra role grant was ordered and approved through the app: queued, executor not started. */
async function approvedEntraGrant(
    clock: VirtualClock,
): Promise<{ sb: Sandbox; grantSysId: string; ritmSysId: string }> {
    sandbox = await startSandbox({ provider: 'entra-role', via: 'app', durationMinutes: 30, clock })
    sandbox.graph.state.users.set(MALLORY.id, { ...MALLORY })
    sandbox.graph.state.roles.set(PRIVILEGED_ROLE_ADMIN.id, { ...PRIVILEGED_ROLE_ADMIN })
    return { sb: sandbox, grantSysId: sandbox.seeded.grant.sysId, ritmSysId: sandbox.seeded.ritm.sysId }
}

/** Starts the executor and waits until it decided the grant action. */
async function runUntilDecided(sb: Sandbox, clock: VirtualClock, grantSysId: string): Promise<void> {
    executor = await startInProcessExecutor(sb.env, clock)
    await runUntil(
        clock,
        () => ['grant_failed', 'active'].includes(sb.sn.store.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] ?? ''),
        { within: 30_000, what: 'the grant action decided' },
    )
}

/** The recheck gate refused the grant as not approved, with no Graph write since `before` writes. */
function expectPlanNotApproved(sb: Sandbox, g: { grantSysId: string; ritmSysId: string }, before: number): void {
    expectGateRefused({
        store: sb.sn.store,
        ...g,
        reason: /PLAN_NOT_APPROVED/,
        providerCallsSince: () => providerWrites({ graph: sb.graph }) - before,
    })
}

describe('red team 4 (Entra role): a plan rewritten together with its digest after approval', () => {
    it('control: the approved plan untouched is granted through PIM (the world can grant)', async () => {
        // setup
        const clock = new VirtualClock(Date.UTC(2026, 2, 4, 9, 0, 0))
        const { sb, grantSysId } = await approvedEntraGrant(clock)
        const before = providerWrites({ graph: sb.graph })

        // execution
        await runUntilDecided(sb, clock, grantSysId)

        // validation
        const grant = sb.sn.store.get(TABLE.grant, grantSysId)!
        expect(grant[GRANT_FIELDS.state], grant[GRANT_FIELDS.lastError]).toBe('active')
        expect(providerWrites({ graph: sb.graph }) - before).toBeGreaterThan(0)
    })

    it("the principal's UPN / e-mail rewritten to the attacker's account: refused, no Graph write", async () => {
        // setup: approved through the app; then plan.principal.email and the digest are rewritten
        const clock = new VirtualClock(Date.UTC(2026, 2, 4, 9, 0, 0))
        const { sb, grantSysId, ritmSysId } = await approvedEntraGrant(clock)
        const before = providerWrites({ graph: sb.graph })
        rewritePlan(sb.sn.store, grantSysId, (p) => {
            p.principal.email = MALLORY.userPrincipalName
        })

        // execution
        await runUntilDecided(sb, clock, grantSysId)

        // validation
        expectPlanNotApproved(sb, { grantSysId, ritmSysId }, before)
    })

    it("the plan's role id rewritten to another privileged role: refused, no Graph write", async () => {
        // setup: approved through the app for the seeded role; then roleId / roleName and the digest are rewritten,
        // and the grant record's target role with them (else the plan-vs-record check alone refuses it)
        const clock = new VirtualClock(Date.UTC(2026, 2, 4, 9, 0, 0))
        const { sb, grantSysId, ritmSysId } = await approvedEntraGrant(clock)
        const before = providerWrites({ graph: sb.graph })
        rewritePlan(sb.sn.store, grantSysId, (p) => {
            p.target.roleId = PRIVILEGED_ROLE_ADMIN.id
            p.target.roleName = PRIVILEGED_ROLE_ADMIN.displayName
        })
        sb.sn.store.update(TABLE.grant, grantSysId, {
            [GRANT_FIELDS.targetRoleId]: PRIVILEGED_ROLE_ADMIN.id,
            [GRANT_FIELDS.targetRoleName]: PRIVILEGED_ROLE_ADMIN.displayName,
        })

        // execution
        await runUntilDecided(sb, clock, grantSysId)

        // validation
        expectPlanNotApproved(sb, { grantSysId, ritmSysId }, before)
    })
})
