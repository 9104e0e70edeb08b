/**
 * The approval timeout at its due time (issue 17: "scheduled for the due time — not the next 5-minute watchdog
 * sweep"), through the real app modules on the ServiceNow emulator and its virtual clock, with no watchdog run at
 * all: requesting approvals schedules `x_gbg_breakglass.approval.due` (gs.eventQueueScheduled) for the timeout and the
 * second timeout; its script action escalates the request to the escalation group at the first, and ends it
 * `expired_unapproved` at the second — each at that instant. A request decided meanwhile is left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EVENT, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { glide } from '../../now-app/test/support/glide-fake'
import { castVote, orderItem } from '../../now-app/test/support/app-actions'
import { glideToMs } from '../../now-app/src/server/glide-io'
import { VirtualClock } from '../support/virtual-clock'
import { runFor } from '../support/virtual-time'
import { startAppWorld, type AppWorld } from './support/app-world'

const clock = new VirtualClock(Date.UTC(2026, 11, 2, 10, 0, 0))
let appWorld: AppWorld

beforeAll(async () => {
    appWorld = await startAppWorld({ clock })
})
afterAll(async () => {
    await appWorld?.close()
})

function order(ciSysId: string): Record<string, string> {
    const { world, app, items } = appWorld
    const { sn, base } = world
    const ritm = app.as(base.requester.userName, () =>
        orderItem(
            items.localAdmin,
            base.requester.sysId,
            {
                requested_for: base.requester.sysId,
                device: ciSysId,
                duration_minutes: '30',
                justification: 'Install and debug the vendor VPN client driver on my development workstation',
                emergency: 'false',
            },
            { requested_for: base.requester.sysId },
        ),
    )
    return sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]!
}

describe('approval timeout at its due time', () => {
    it('escalates at the timeout and cancels at the second, each at that instant, with no watchdog sweep', async () => {
        // setup: a request awaiting its manager (policy timeout 60 minutes, escalation group = SecOps)
        const { sn, base } = appWorld.world
        const grant = order(base.ci.sysId)
        const id = grant['sys_id']!
        expect(grant[GRANT_FIELDS.state]).toBe('awaiting_approval')
        const requestedAt = glideToMs(grant[GRANT_FIELDS.approvalRequestedAt]!)!
        // validation: two events scheduled, at the timeout and the second timeout
        const scheduled = glide.scheduledEvents.filter((e) => e.name === EVENT.approvalDue && e.sysId === id)
        expect(scheduled.map((e) => [e.parm1, e.atMs - requestedAt])).toEqual([
            ['0', 60 * 60_000],
            ['1', 120 * 60_000],
        ])
        const approvals = () => sn.store.list(PLATFORM_TABLE.approval, (a) => a['document_id'] === id)
        const g = () => sn.store.get(TABLE.grant, id)!

        // execution: one second before the timeout, then the timeout itself
        await runFor(clock, requestedAt + 60 * 60_000 - 1_000 - clock.nowMs())
        expect(g()[GRANT_FIELDS.approvalStage]).toBe('0')
        await runFor(clock, 1_000)

        // validation: escalated at that instant, to the escalation group's members
        expect(clock.nowMs()).toBe(requestedAt + 60 * 60_000)
        expect(g()[GRANT_FIELDS.approvalStage]).toBe('1')
        expect(g()[GRANT_FIELDS.state]).toBe('awaiting_approval')
        expect(approvals().length).toBeGreaterThan(1)

        // execution + validation: the second timeout ends it
        await runFor(clock, 60 * 60_000)
        expect(g()[GRANT_FIELDS.state]).toBe('expired_unapproved')
    }, 60_000)

    it('a request approved before its timeout is left alone when the event arrives', async () => {
        // setup: a second request, approved by the manager at once
        const { app, world } = appWorld
        const { sn, base } = world
        const ci = sn.store.insert(PLATFORM_TABLE.computer, {
            name: 'WS-DUE-0002',
            os: 'Windows 11 Enterprise',
            u_device_class: 'workstation',
            u_corp_managed: 'true',
            used_for: 'Development',
            assigned_to: base.requester.sysId,
        })['sys_id']!
        const grant = order(ci)
        const id = grant['sys_id']!
        for (const a of sn.store.list(
            PLATFORM_TABLE.approval,
            (r) => r['document_id'] === id && r['state'] === 'requested',
        ))
            app.as(base.manager.userName, () => expect(castVote(a['sys_id']!, 'approved')).not.toBeNull())
        expect(sn.store.get(TABLE.grant, id)![GRANT_FIELDS.state]).toBe('queued')
        // execution: both due times pass
        await runFor(clock, 121 * 60_000)
        // validation: still queued, no escalation approvals added
        expect(sn.store.get(TABLE.grant, id)![GRANT_FIELDS.state]).toBe('queued')
        expect(sn.store.get(TABLE.grant, id)![GRANT_FIELDS.approvalStage]).toBe('0')
    }, 60_000)
})
