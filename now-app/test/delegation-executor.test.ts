/**
 * Delegated votes end to end (issue 11): on the ServiceNow emulator (sys_user_delegate from the platform fixture)
 * with the app's real server modules and the real executor in process, on one virtual clock. The manager's current
 * delegate for approvals approves; the app records the vote as the delegate's, for the manager; the executor's
 * recheck gate accepts it and grants. A delegate whose delegation ended is refused by the app, and nothing reaches
 * the provider. Contract: servicenow-rest.md "Glide values" (delegate, approval_admin, admin may act on approvals
 * that are not theirs; gs.getUserID() is who acts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GRANT_FIELDS, PLATFORM_TABLE, ROLE, TABLE } from '../../shared/src/schema'
import { castVote } from './support/app-actions'
import { formatGlideDateTime } from '../../test/emulators/servicenow'
import { auditEvents, providerWrites, startRedTeamWorld, type RedTeamWorld } from '../../test/red-team/support'
import { startInProcessExecutor, type InProcessExecutor } from '../../test/support/executor-in-process'
import { VirtualClock } from '../../test/support/virtual-clock'
import { runFor } from '../../test/support/virtual-time'

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
const HOUR = 3600_000
let rt: RedTeamWorld
let executor: InProcessExecutor | undefined
const dana = { userName: 'dana.reyes', sysId: '' }

beforeAll(async () => {
    rt = await startRedTeamWorld({ clock, devicePrefix: 'WS-DLG' })
    const { sn } = rt.world
    dana.sysId = sn.addUser({
        userName: dana.userName,
        firstName: 'Dana',
        lastName: 'Reyes',
        email: 'dana.reyes@contoso.example',
        roles: [ROLE.approver],
        groups: [],
    })
    executor = await startInProcessExecutor(rt.world.env('delegation'), clock)
})

afterAll(async () => {
    await executor?.stop()
    await rt?.close()
})

/** A sys_user_delegate row: dana acts for the manager (set up by the manager, as Self-Service does). */
function delegation(from: number, to: number): string {
    const { sn, base } = rt.world
    return sn.store.insert('sys_user_delegate', {
        user: base.manager.sysId,
        delegate: dana.sysId,
        starts: formatGlideDateTime(new Date(clock.nowMs() + from)),
        ends: formatGlideDateTime(new Date(clock.nowMs() + to)),
        approvals: 'true',
        sys_created_by: base.manager.userName,
    })['sys_id']!
}

/** The manager's open approval of the grant. */
function managerApproval(grantSysId: string): string {
    const { base } = rt.world
    return rt.openApprovals(grantSysId).find((a) => a['approver'] === base.manager.sysId)!['sys_id']!
}

describe('delegated votes, app and executor on the emulator', () => {
    it('a delegate whose delegation ended is refused by the app; nothing is granted', async () => {
        const { sn } = rt.world
        const row = delegation(-48 * HOUR, -HOUR)
        const calls = rt.providerCallsFromNow()
        const { grantSysId, ritmSysId } = rt.orderGrant()
        expect(rt.app.as(dana.userName, () => castVote(managerApproval(grantSysId), 'approved'))).toBeNull()
        const grant = sn.store.get(TABLE.grant, grantSysId)!
        expect(grant[GRANT_FIELDS.state]).toBe('awaiting_approval')
        expect(grant[GRANT_FIELDS.lastError]).toMatch(/Their delegation from .* does not count: it ended at/)
        expect(
            sn.store
                .journal(PLATFORM_TABLE.ritm, ritmSysId)
                .map((j) => j.value)
                .join('\n'),
        ).toMatch(/it ended at/)
        await runFor(clock, 2 * 60_000)
        expect(calls()).toBe(0)
        // Leave the world as found: that delegation and request are over.
        sn.store.update('sys_user_delegate', row, { approvals: 'false' })
        sn.store.update(TABLE.grant, grantSysId, { [GRANT_FIELDS.state]: 'cancelled' })
    })

    it("the manager's current delegate approves: recorded as the delegate's vote for the manager; the executor grants", async () => {
        const { sn, base } = rt.world
        delegation(-HOUR, 8 * HOUR)
        const calls = rt.providerCallsFromNow()
        const { grantSysId } = rt.orderGrant()
        expect(rt.app.as(dana.userName, () => castVote(managerApproval(grantSysId), 'approved'))).not.toBeNull()
        expect(sn.store.get(TABLE.grant, grantSysId)![GRANT_FIELDS.state]).toBe('queued')
        const votes = auditEvents(sn.store, grantSysId).filter((e) => e.eventType === 'approval.vote')
        expect(
            votes.map((v) => [v.actor, v.payload['voter'], v.payload['onBehalfOf'], v.payload['authority']]),
        ).toEqual([[dana.userName, dana.sysId, base.manager.sysId, 'delegate']])
        await rt.world.until((s) => s.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] === 'active', 60_000)
        expect(calls()).toBe(1)
        expect(providerWrites({ webhook: rt.world.webhook })).toBeGreaterThan(0)
    })
})
