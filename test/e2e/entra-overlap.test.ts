/**
 * Issue 4, overlap rule, end to end: two grants of the same Entra role to the same person with different
 * expiries. Entra holds ONE assignment; the earlier grant's revoke must not remove access the later grant still
 * covers; access ends with the later grant.
 *
 * The real executor service against the sandbox emulators, all on one virtual clock: a 1-minute and a 2-minute
 * grant.
 */
import { afterAll, describe, expect, it } from 'vitest'
import {
    ACTION_FIELDS,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    TABLE,
    canonicalJson,
    planDigest,
    type ExecutionPlan,
} from '@gbg/shared'
import { appendChainedEvent } from './support/grants'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import type { SeededScenario } from '../sandbox/seed'
import type { ServiceNowEmulator } from '../emulators/servicenow'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'

const SYSTEM = [
    'sys_id',
    'number',
    'sys_created_on',
    'sys_updated_on',
    'sys_mod_count',
    'sys_created_by',
    'sys_updated_by',
]
const copy = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([k]) => !SYSTEM.includes(k)))

/** A second approved request of the scenario's person for the same target, with another duration. */
function cloneGrant(sn: ServiceNowEmulator, base: SeededScenario, durationMinutes: number): string {
    const store = sn.store
    const ritm = store.insert(PLATFORM_TABLE.ritm, copy(store.get(PLATFORM_TABLE.ritm, base.ritm.sysId)!))
    const grant = store.insert(TABLE.grant, {
        ...copy(store.get(TABLE.grant, base.grant.sysId)!),
        [GRANT_FIELDS.ritm]: ritm.sys_id!,
        [GRANT_FIELDS.plan]: '',
        [GRANT_FIELDS.planDigest]: '',
    })
    const plan: ExecutionPlan = {
        ...base.plan,
        grantSysId: grant.sys_id!,
        grantNumber: grant.number!,
        durationMinutes,
        tickets: { ...base.plan.tickets, ritm: ritm.number! },
    }
    const digest = planDigest(plan)
    store.update(TABLE.grant, grant.sys_id!, {
        [GRANT_FIELDS.plan]: JSON.stringify(plan),
        [GRANT_FIELDS.planDigest]: digest,
        [GRANT_FIELDS.requestedDuration]: String(durationMinutes),
        [GRANT_FIELDS.approvedDuration]: String(durationMinutes),
    })
    // Approved as the app approves: its approvals on the new grant, the route naming them, each vote recorded in
    // the new grant's audit chain bound to this plan's digest (what the recheck gate counts).
    const route = JSON.parse(store.get(TABLE.grant, base.grant.sysId)![GRANT_FIELDS.policyDecision]!) as {
        assignments: { slot: string; approverSysId: string; approvalSysId?: string }[]
    }
    for (const assignment of route.assignments) {
        const original = store.get(PLATFORM_TABLE.approval, assignment.approvalSysId ?? '')
        if (!original || original['state'] !== 'approved') continue
        const approval = store.insert(PLATFORM_TABLE.approval, {
            ...copy(original),
            sysapproval: ritm.sys_id!,
            document_id: grant.sys_id!,
        })
        assignment.approvalSysId = approval.sys_id!
        const voter = store.get('sys_user', assignment.approverSysId)!
        appendChainedEvent(store, grant.sys_id!, 'approval.vote', voter['user_name']!, {
            approval: approval.sys_id!,
            decision: 'approved',
            voter: assignment.approverSysId,
            slot: assignment.slot,
            planDigest: digest,
        })
    }
    store.update(TABLE.grant, grant.sys_id!, { [GRANT_FIELDS.policyDecision]: canonicalJson(route) })
    store.insert(TABLE.action, {
        ...copy(store.get(TABLE.action, base.action.sysId)!),
        [ACTION_FIELDS.grant]: grant.sys_id!,
        [ACTION_FIELDS.idempotencyKey]: `${grant.sys_id}:grant`,
    })
    return grant.sys_id!
}

describe('two overlapping grants of one Entra role', () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    let sandbox: Sandbox | undefined
    let executor: InProcessExecutor | undefined
    afterAll(async () => {
        await executor?.stop().catch(() => undefined)
        await sandbox?.close()
    })

    it('share one assignment that lasts until the later expiry, then is removed', async () => {
        // setup: the sandbox's 1-minute grant, and a second approved 2-minute request for the same person and role
        sandbox = await startSandbox({ provider: 'entra-role', durationMinutes: 1, pollIntervalSeconds: 1, clock })
        const sn = sandbox.sn
        const early = sandbox.seeded.grant.sysId
        const late = cloneGrant(sn, sandbox.seeded, 2)
        const grant = (id: string) => sn.store.get(TABLE.grant, id)!
        const state = (id: string) => grant(id)[GRANT_FIELDS.state]
        const { userId, roleId } = sandbox.seeded.graphIds
        const instances = () => {
            sandbox!.graph.state.purgeExpired()
            return sandbox!.graph.state.roleInstances.filter(
                (i) => i.principalId === userId && i.roleDefinitionId === roleId,
            )
        }

        // execution: one executor runs both
        executor = await startInProcessExecutor(sandbox.env, clock)
        await runUntil(clock, () => [early, late].every((id) => state(id) === 'active'), { within: 30_000 })

        // validation 1: one assignment at Entra, ending with the later grant
        expect(instances()).toHaveLength(1)
        const lateExpiry = parseGlideDateTime(grant(late)[GRANT_FIELDS.expiresAt]!)!
        expect(Math.abs(Date.parse(instances()[0]!.endDateTime!) - lateExpiry.getTime())).toBeLessThan(5_000)

        // validation 2: the earlier grant ends; the shared assignment stays for the later one
        await runUntil(clock, () => state(early) === 'revoked', { within: 90_000, what: 'early revoked' })
        expect(JSON.parse(grant(early)[GRANT_FIELDS.evidence]!).retainedFor).toEqual([late])
        expect(state(late)).toBe('active')
        expect(clock.nowMs()).toBeLessThan(lateExpiry.getTime())
        expect(instances()).toHaveLength(1)

        // validation 3: the later grant ends and the access is gone
        await runUntil(clock, () => state(late) === 'revoked', { within: 90_000, what: 'late revoked' })
        expect(instances()).toHaveLength(0)
        expect(JSON.parse(grant(late)[GRANT_FIELDS.evidence]!)).toMatchObject({ present: false, retainedFor: [] })
    })
})
