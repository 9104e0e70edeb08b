/**
 * Issue 4: a grant that Entra expires natively while the executor is stopped. PIM assignments carry
 * `scheduleInfo.expiration` (afterDuration), so Entra ends the access even with every executor down; when the
 * executor comes back it must verify, record "expired at the provider" and treat it as success — no failure,
 * no incident.
 *
 * The real executor service against the sandbox emulators (ServiceNow, Graph over HTTPS), all on one virtual
 * clock: a 1-minute PIM assignment (the sandbox policy's minimum is 1 minute).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runFor, runUntil } from '../support/virtual-time'

describe('Entra role expires natively while the executor is stopped', () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    let sandbox: Sandbox | undefined
    const executors: InProcessExecutor[] = []
    afterAll(async () => {
        for (const e of executors) await e.stop().catch(() => undefined)
        await sandbox?.close()
    })

    it('on return verifies, records "expired at the provider" and does not fail', async () => {
        // setup: sandbox with one approved 1-minute Global Administrator grant through PIM
        sandbox = await startSandbox({ provider: 'entra-role', durationMinutes: 1, pollIntervalSeconds: 1, clock })
        const sn = sandbox.sn
        const grantId = sandbox.seeded.grant.sysId
        const grant = () => sn.store.get(TABLE.grant, grantId)!
        const principal = sandbox.seeded.graphIds.userId
        const role = sandbox.seeded.graphIds.roleId
        const pimInstances = () =>
            sandbox!.graph.state.roleInstances.filter((i) => i.principalId === principal && i.roleDefinitionId === role)

        // execution 1: the executor grants, then is stopped gracefully
        const first = await startInProcessExecutor(sandbox.env, clock)
        executors.push(first)
        await runUntil(clock, () => grant()[GRANT_FIELDS.state] === 'active', { within: 30_000, what: 'grant active' })
        expect(pimInstances()).toHaveLength(1)
        expect(pimInstances()[0]!.endDateTime).not.toBeNull() // Entra holds the clock
        await first.stop()

        // the expiry passes with no executor running; Entra drops the assignment by itself
        const expiresAt = parseGlideDateTime(grant()[GRANT_FIELDS.expiresAt]!)!
        await runFor(clock, expiresAt.getTime() + 2_000 - clock.nowMs())
        sandbox.graph.state.purgeExpired()
        expect(pimInstances()).toHaveLength(0)
        expect(grant()[GRANT_FIELDS.state]).toBe('active') // ServiceNow does not know yet

        // execution 2: the executor returns and runs the revoke scheduled at expiry
        const second = await startInProcessExecutor(sandbox.env, clock)
        executors.push(second)
        await runUntil(clock, () => grant()[GRANT_FIELDS.state] === 'revoked', { within: 60_000, what: 'revoked' })

        // validation: success, evidence says the provider had already ended it, nobody paged
        const evidence = JSON.parse(grant()[GRANT_FIELDS.evidence]!)
        expect(evidence).toMatchObject({ alreadyAbsent: true, expiredAtProvider: true, present: false })
        expect(grant()[GRANT_FIELDS.lastError]).toBe('')
        // the RITM work note follows the grant patch in the write-back order
        const ritm = sandbox.seeded.ritm.sysId
        await runUntil(
            clock,
            () => sn.store.journal(PLATFORM_TABLE.ritm, ritm).some((j) => j.value.includes('expired at the provider')),
            { within: 15_000, what: 'the work note' },
        )
        expect(sn.store.list(PLATFORM_TABLE.incident)).toEqual([])
        const revokes = (st: typeof sn.store) =>
            st.list(TABLE.action, (r) => r.grant === grantId && r.type === 'revoke')
        await runUntil(clock, () => revokes(sn.store).every((a) => a.state === 'done'), { within: 15_000 })
        expect(revokes(sn.store)).toHaveLength(1)
        expect(sn.store.list(PLATFORM_TABLE.incident)).toEqual([])
    })
})
