/**
 * Issue 4, overlap rule, end to end: two grants of the same Entra role to the same person with different
 * expiries. Entra holds ONE assignment; the earlier grant's revoke must not remove access the later grant still
 * covers; access ends with the later grant.
 *
 * The real executor service against the sandbox emulators, all on one virtual clock: a 1-minute and a 2-minute
 * grant.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { cloneGrant } from './support/grants'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'

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
