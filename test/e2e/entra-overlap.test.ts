/**
 * Issue 4, overlap rule, end to end: two grants of the same Entra role to the same person with different
 * expiries. Entra holds ONE assignment; the earlier grant's revoke must not remove access the later grant still
 * covers; access ends with the later grant.
 *
 * Real executor process against the sandbox emulators, real time: a 1-minute and a 2-minute grant.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE, planDigest, type ExecutionPlan } from '@gbg/shared'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import type { SeededScenario } from '../sandbox/seed'
import type { ServiceNowEmulator } from '../emulators/servicenow'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { startExecutor, type RunningExecutor } from './support/executor'

const SYSTEM = ['sys_id', 'number', 'sys_created_on', 'sys_updated_on', 'sys_mod_count', 'sys_created_by', 'sys_updated_by']
const copy = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([k]) => !SYSTEM.includes(k)))

/** A second approved request of the scenario's person for the same target, with another duration. */
function cloneGrant(sn: ServiceNowEmulator, base: SeededScenario, durationMinutes: number): string {
    const store = sn.store
    const ritm = store.insert(PLATFORM_TABLE.ritm, copy(store.get(PLATFORM_TABLE.ritm, base.ritm.sysId)!))
    for (const id of base.approvalSysIds) {
        store.insert(PLATFORM_TABLE.approval, { ...copy(store.get(PLATFORM_TABLE.approval, id)!), sysapproval: ritm.sys_id! })
    }
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
    store.update(TABLE.grant, grant.sys_id!, {
        [GRANT_FIELDS.plan]: JSON.stringify(plan),
        [GRANT_FIELDS.planDigest]: planDigest(plan),
        [GRANT_FIELDS.requestedDuration]: String(durationMinutes),
        [GRANT_FIELDS.approvedDuration]: String(durationMinutes),
    })
    store.insert(TABLE.action, {
        ...copy(store.get(TABLE.action, base.action.sysId)!),
        [ACTION_FIELDS.grant]: grant.sys_id!,
        [ACTION_FIELDS.idempotencyKey]: `${grant.sys_id}:grant`,
    })
    return grant.sys_id!
}

describe('two overlapping grants of one Entra role', () => {
    let sandbox: Sandbox | undefined
    let executor: RunningExecutor | undefined
    afterAll(async () => {
        await executor?.stop(2_000).catch(() => undefined)
        await sandbox?.close()
    })

    it('share one assignment that lasts until the later expiry, then is removed', async () => {
        // setup: the sandbox's 1-minute grant, and a second approved 2-minute request for the same person and role
        sandbox = await startSandbox({ provider: 'entra-role', durationMinutes: 1, pollIntervalSeconds: 1 })
        const sn = sandbox.sn
        const early = sandbox.seeded.grant.sysId
        const late = cloneGrant(sn, sandbox.seeded, 2)
        const grant = (id: string) => sn.store.get(TABLE.grant, id)!
        const state = (id: string) => grant(id)[GRANT_FIELDS.state]
        const { userId, roleId } = sandbox.seeded.graphIds
        const instances = () => {
            sandbox!.graph.state.purgeExpired()
            return sandbox!.graph.state.roleInstances.filter((i) => i.principalId === userId && i.roleDefinitionId === roleId)
        }

        // execution: one executor runs both
        executor = startExecutor(sandbox.env)
        await sn.waitFor((s) => [early, late].every((id) => s.get(TABLE.grant, id)?.[GRANT_FIELDS.state] === 'active'), 30_000)

        // validation 1: one assignment at Entra, ending with the later grant
        expect(instances()).toHaveLength(1)
        const lateExpiry = parseGlideDateTime(grant(late)[GRANT_FIELDS.expiresAt]!)!
        expect(Math.abs(Date.parse(instances()[0]!.endDateTime!) - lateExpiry.getTime())).toBeLessThan(5_000)

        // validation 2: the earlier grant ends; the shared assignment stays for the later one
        await sn.waitFor((s) => s.get(TABLE.grant, early)?.[GRANT_FIELDS.state] === 'revoked', 90_000)
        expect(JSON.parse(grant(early)[GRANT_FIELDS.evidence]!).retainedFor).toEqual([late])
        expect(state(late)).toBe('active')
        expect(Date.now()).toBeLessThan(lateExpiry.getTime())
        expect(instances()).toHaveLength(1)

        // validation 3: the later grant ends and the access is gone
        await sn.waitFor((s) => s.get(TABLE.grant, late)?.[GRANT_FIELDS.state] === 'revoked', 90_000)
        expect(instances()).toHaveLength(0)
        expect(JSON.parse(grant(late)[GRANT_FIELDS.evidence]!)).toMatchObject({ present: false, retainedFor: [] })
    }, 240_000)
})
