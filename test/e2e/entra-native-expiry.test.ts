/**
 * Issue 4: a grant that Entra expires natively while the executor is stopped. PIM assignments carry
 * `scheduleInfo.expiration` (afterDuration), so Entra ends the access even with every executor down; when the
 * executor comes back it must verify, record "expired at the provider" and treat it as success — no failure,
 * no incident.
 *
 * Real executor process against the sandbox emulators (ServiceNow, Graph over HTTPS), real time: a 1-minute
 * PIM assignment (the sandbox policy's minimum is 1 minute).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import { startExecutor, type RunningExecutor } from './support/executor'
import { until } from './support/journal'

describe('Entra role expires natively while the executor is stopped', () => {
    let sandbox: Sandbox | undefined
    const executors: RunningExecutor[] = []
    afterAll(async () => {
        for (const e of executors) await e.stop(2_000).catch(() => undefined)
        await sandbox?.close()
    })

    it('on return verifies, records "expired at the provider" and does not fail', async () => {
        // setup: sandbox with one approved 1-minute Global Administrator grant through PIM
        sandbox = await startSandbox({ provider: 'entra-role', durationMinutes: 1, pollIntervalSeconds: 1 })
        const sn = sandbox.sn
        const grantId = sandbox.seeded.grant.sysId
        const grant = () => sn.store.get(TABLE.grant, grantId)!
        const principal = sandbox.seeded.graphIds.userId
        const role = sandbox.seeded.graphIds.roleId
        const pimInstances = () =>
            sandbox!.graph.state.roleInstances.filter((i) => i.principalId === principal && i.roleDefinitionId === role)

        // execution 1: the executor grants, then is stopped gracefully
        const first = startExecutor(sandbox.env)
        executors.push(first)
        await sn.waitFor((s) => s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'active', 30_000)
        expect(pimInstances()).toHaveLength(1)
        expect(pimInstances()[0]!.endDateTime).not.toBeNull() // Entra holds the clock
        expect(await first.stop()).toBe(0)

        // the expiry passes with no executor running; Entra drops the assignment by itself
        const expiresAt = parseGlideDateTime(grant()[GRANT_FIELDS.expiresAt]!)!
        await until(() => Date.now() > expiresAt.getTime() + 2_000, 90_000, 'the grant to pass its expiry')
        sandbox.graph.state.purgeExpired()
        expect(pimInstances()).toHaveLength(0)
        expect(grant()[GRANT_FIELDS.state]).toBe('active') // ServiceNow does not know yet

        // execution 2: the executor returns and runs the revoke scheduled at expiry
        const second = startExecutor(sandbox.env)
        executors.push(second)
        await sn.waitFor((s) => s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'revoked', 60_000)

        // validation: success, evidence says the provider had already ended it, nobody paged
        const evidence = JSON.parse(grant()[GRANT_FIELDS.evidence]!)
        expect(evidence).toMatchObject({ alreadyAbsent: true, expiredAtProvider: true, present: false })
        expect(grant()[GRANT_FIELDS.lastError]).toBe('')
        // the RITM work note follows the grant patch in the write-back order
        const ritm = sandbox.seeded.ritm.sysId
        await sn.waitFor(
            (s) => s.journal(PLATFORM_TABLE.ritm, ritm).some((j) => j.value.includes('expired at the provider')),
            15_000,
        )
        expect(sn.store.list(PLATFORM_TABLE.incident)).toEqual([])
        const revokes = (st: typeof sn.store) => st.list(TABLE.action, (r) => r.grant === grantId && r.type === 'revoke')
        await sn.waitFor((st) => revokes(st).every((a) => a.state === 'done'), 15_000)
        expect(revokes(sn.store)).toHaveLength(1)
        expect(sn.store.list(PLATFORM_TABLE.incident)).toEqual([])
    }, 180_000)
})
