/**
 * Issue 17 (first bullet), simulator finding 2: overlap and drift across executor replicas. Two grants of the same Entra
 * group to the same person, each granted by a DIFFERENT replica (own instance name, own journal). The revoke of
 * the first, run by the replica that never saw the second, must keep the membership for the second (ServiceNow's
 * grants say it is still held); the second's revoke, by the other replica, removes it. Plain membership mode: no
 * native expiry, so only the executors' revokes end the access (the hard case). Replica A's drift scan must not
 * report the membership B's grant holds.
 *
 * Two real executor services in this process, the sandbox emulators, one virtual clock.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { formatGlideDateTime } from '../emulators/servicenow/store'
import { cloneGrant } from './support/grants'
import { loadConfig } from '../../executor/src/config'
import { runDriftScan } from '../../executor/src/drift'
import { nullLogger } from '../../executor/src/log'
import { connectServiceNow } from '../../executor/src/service'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'

describe('overlapping grants held by different executor replicas', () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    const dir = mkdtempSync(join(tmpdir(), 'gbg-fleet-'))
    let sandbox: Sandbox | undefined
    const running: InProcessExecutor[] = []
    afterAll(async () => {
        await Promise.all(running.map((e) => e.stop().catch(() => undefined)))
        await sandbox?.close()
        rmSync(dir, { recursive: true, force: true })
    })

    it('a revoke by one replica keeps the membership the other replica’s grant holds; the last holder removes', async () => {
        // setup: the sandbox's 2-minute grant (E) and a second approved 4-minute request (L), same person and group
        sandbox = await startSandbox({
            provider: 'entra-group',
            durationMinutes: 2,
            pollIntervalSeconds: 1,
            via: 'seed',
            clock,
        })
        const sn = sandbox.sn
        const env = (name: string) => ({
            ...sandbox!.env,
            GBG_ENTRA_GROUP_MODE: 'members',
            GBG_HTTP_PORT: '0',
            GBG_INSTANCE_NAME: name,
            GBG_JOURNAL_PATH: join(dir, `${name}.db`),
        })
        const early = sandbox.seeded.grant.sysId
        const grant = (id: string) => sn.store.get(TABLE.grant, id)!
        const state = (id: string) => grant(id)[GRANT_FIELDS.state]
        const { userId, groupId } = sandbox.seeded.graphIds
        const member = () => sandbox!.graph.state.members(groupId).some((u) => u.id === userId)
        const start = async (name: string) => {
            const e = await startInProcessExecutor(env(name), clock)
            running.push(e)
            return e
        }

        const late = cloneGrant(sn, sandbox.seeded, 4)
        // L's grant action waits (not_before in an hour) until replica B runs
        const [lateAction] = sn.store.list(TABLE.action, (r) => r[ACTION_FIELDS.grant] === late)
        const hold = (notBefore: string) =>
            sn.store.update(TABLE.action, lateAction!['sys_id']!, { [ACTION_FIELDS.notBefore]: notBefore })
        hold(formatGlideDateTime(new Date(clock.nowMs() + 3_600_000)))

        // execution 1: replica A alone grants E; then replica B alone grants L (A's journal never sees L)
        const a = await start('fleet-a')
        await runUntil(clock, () => state(early) === 'active', { within: 30_000, what: 'E active' })
        await a.stop()
        hold('')
        const b = await start('fleet-b')
        await runUntil(clock, () => state(late) === 'active', { within: 30_000, what: 'L active' })
        await b.stop()
        // validation 1: one membership, two grants, each executor instance recorded on its own grant
        expect(member()).toBe(true)
        expect(grant(early)[GRANT_FIELDS.executorInstance]).toBe('fleet-a')
        expect(grant(late)[GRANT_FIELDS.executorInstance]).toBe('fleet-b')
        expect(JSON.parse(grant(late)[GRANT_FIELDS.evidence]!)).toMatchObject({ sharedWith: [early] })

        // validation 1b: replica A's drift scan explains L's membership by ServiceNow's grants (no false drift)
        const scanA = () =>
            runDriftScan(
                loadConfig(env('fleet-a')).entra!,
                connectServiceNow(loadConfig(env('fleet-a')), nullLogger).client,
            )
        const drift1 = await scanA()
        expect(drift1.openGrants).toBe(2)
        expect(drift1.managedGroups).toContain(groupId)
        expect(drift1.items).toEqual([])

        // execution 2: only A runs when E expires: it revokes E
        const a2 = await start('fleet-a2')
        const earlyExpiry = parseGlideDateTime(grant(early)[GRANT_FIELDS.expiresAt]!)!
        const lateExpiry = parseGlideDateTime(grant(late)[GRANT_FIELDS.expiresAt]!)!
        await runUntil(clock, () => state(early) === 'revoked', { within: 4 * 60_000, what: 'E revoked' })
        // validation 2: E ended on time, the membership stays for L (held by the other replica's grant)
        expect(clock.nowMs()).toBeLessThan(lateExpiry.getTime())
        expect(clock.nowMs() - earlyExpiry.getTime()).toBeLessThan(60_000)
        expect(JSON.parse(grant(early)[GRANT_FIELDS.evidence]!)).toMatchObject({ retainedFor: [late] })
        expect(member()).toBe(true)
        expect(state(late)).toBe('active')

        // execution 3: both replicas run; L expires and whichever claims its revoke removes the membership
        await start('fleet-b2')
        await runUntil(clock, () => state(late) === 'revoked', { within: 4 * 60_000, what: 'L revoked' })
        // validation 3: access gone within a minute of L's expiry, verified by the provider
        expect(member()).toBe(false)
        expect(clock.nowMs() - lateExpiry.getTime()).toBeLessThan(60_000)
        expect(JSON.parse(grant(late)[GRANT_FIELDS.evidence]!)).toMatchObject({ present: false, retainedFor: [] })
        void a2

        // validation 4: a membership no grant explains any more is drift (the scan is not empty by construction)
        sandbox.graph.state.addMemberRef(groupId, { '@odata.id': `https://graph.microsoft.com/v1.0/users/${userId}` })
        const drift2 = await scanA()
        expect(drift2.openGrants).toBe(0)
        expect(drift2.items).toMatchObject([{ kind: 'entra-group', targetId: groupId, principalId: userId }])
    }, 120_000)
})
