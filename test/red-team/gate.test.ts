/**
 * Red team, issue 10 attacks 4, 5 and 9d: the executor's recheck gate and the plan it acts on.
 *
 * Every request is made through the app (catalog order as the requester, votes as the approver: the app records
 * each accepted vote as `approval.vote` bound to the plan digest); the attacker then rewrites records straight in
 * the store between steps (someone with write access to the grant / approval / user tables, or a background
 * script: no business rule runs), and the real executor, in process on the world's virtual clock, acts on them.
 * Each attack must end refused by the recheck gate (executor/src/recheck.ts, executor/src/approval-gate.ts) with
 * no provider call, the reason on the grant and the RITM, and a `recheck_refused` audit event; the attack after
 * the grant must revoke the access really granted (executor/src/worker/revoke.ts `planToRevoke`) and report it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE, canonicalJson } from '@gbg/shared'
import { GlideRecord } from '@servicenow/glide'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { newSysId, queueAction } from '../e2e/support/grants'
import type { World } from '../e2e/support/world'
import { auditEvents, ritmText, startRedTeamWorld, type RedTeamWorld } from './support'
import { appendForgedEvent, expectGateRefused, rewritePlan } from './gate-support'

let rt: RedTeamWorld
let world: World
const clock = new VirtualClock(Date.UTC(2026, 2, 3, 9, 0, 0))
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    rt = await startRedTeamWorld({ clock, durationMinutes: 60, devicePrefix: 'WS-RTG' })
    world = rt.world
})
afterAll(async () => {
    await executor?.stop()
    await rt?.close()
})

/** What the attacker does to a grant nobody approved: mark it queued and put a grant action in the queue. */
function forceQueued(grantSysId: string): void {
    world.sn.store.update(TABLE.grant, grantSysId, {
        [GRANT_FIELDS.state]: 'queued',
        [GRANT_FIELDS.approvedDuration]: '30',
    })
    queueAction(world.sn, grantSysId, 'grant', world.base.requester.sysId)
}

/**
 * The executor polls once a virtual minute: each wake-up costs real time, and the attack after the grant runs the
 * world to the grant's expiry (30 minutes); the gate acts on the first poll either way.
 */
const POLL_SECONDS = 60

async function runUntilEnded(grantSysId: string): Promise<void> {
    executor ??= await startInProcessExecutor(
        world.env('rt-gate', { GBG_POLL_INTERVAL_SECONDS: String(POLL_SECONDS) }),
        clock,
    )
    await world.until(
        (s) => ['grant_failed', 'active'].includes(s.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] ?? ''),
        3 * POLL_SECONDS * 1000,
        'the grant action decided',
    )
}

describe('red team 4: a plan rewritten together with its digest after approval', () => {
    it("the principal's e-mail rewritten (webhook): the votes bound another digest, refused", async () => {
        // setup: approved through the app; then plan.principal.email and the digest are rewritten
        const calls = rt.providerCallsFromNow()
        const g = rt.approvedGrant()
        rewritePlan(world.sn.store, g.grantSysId, (p) => {
            p.principal.email = 'mallory@example.com'
        })

        // execution
        await runUntilEnded(g.grantSysId)

        // validation
        expectGateRefused({ store: world.sn.store, ...g, reason: /PLAN_NOT_APPROVED/, providerCallsSince: calls })
    })

    it('the device name rewritten: refused, nothing granted on the other device', async () => {
        // setup
        const calls = rt.providerCallsFromNow()
        const g = rt.approvedGrant()
        const other = rt.newWorkstation('WS-CEO-LAPTOP')
        rewritePlan(world.sn.store, g.grantSysId, (p) => {
            p.target.deviceName = other.name
        })

        // execution
        await runUntilEnded(g.grantSysId)

        // validation
        expectGateRefused({ store: world.sn.store, ...g, reason: /PLAN_NOT_APPROVED/, providerCallsSince: calls })
    })
})

describe('red team 4: a shortening is the only change a vote covers', () => {
    it('the manager shortens the duration, then approves: the shorter plan is granted (control)', async () => {
        // setup: ordered for 30 minutes; the manager sets 15 on the grant (their write path), then approves
        const calls = rt.providerCallsFromNow()
        const g = rt.orderGrant()
        const shortened = rt.app.as(world.base.manager.userName, () => {
            const gr = new GlideRecord(TABLE.grant)
            gr.get(g.grantSysId)
            gr.setValue(GRANT_FIELDS.approvedDuration, '15')
            return gr.update()
        })
        expect(shortened).not.toBeNull()
        rt.voteOpenApprovals(g.grantSysId)
        expect(world.sn.store.get(TABLE.grant, g.grantSysId)![GRANT_FIELDS.state]).toBe('queued')
        expect(auditEvents(world.sn.store, g.grantSysId).map((e) => e.eventType)).toContain('plan.shortened')

        // execution
        await runUntilEnded(g.grantSysId)

        // validation: granted for 15 minutes, once
        const grant = world.sn.store.get(TABLE.grant, g.grantSysId)!
        expect(grant[GRANT_FIELDS.state], grant[GRANT_FIELDS.lastError]).toBe('active')
        expect(JSON.parse(grant[GRANT_FIELDS.plan]!).durationMinutes).toBe(15)
        expect(calls()).toBe(1)
    })

    it('a forged plan.shortened that also changes the device: the votes do not cover it, refused', async () => {
        // setup: approved for 30 minutes; the attacker rewrites the plan (another device, 10 minutes) with its
        // digest and appends a plan.shortened event naming the approved digest as "before"
        const calls = rt.providerCallsFromNow()
        const g = rt.approvedGrant()
        const approved = world.sn.store.get(TABLE.grant, g.grantSysId)![GRANT_FIELDS.planDigest]!
        const other = rt.newWorkstation('WS-CFO-LAPTOP')
        const plan = rewritePlan(world.sn.store, g.grantSysId, (p) => {
            p.target.deviceName = other.name
            p.durationMinutes = 10
        })
        world.sn.store.update(TABLE.grant, g.grantSysId, { [GRANT_FIELDS.approvedDuration]: '10' })
        appendForgedEvent(world.sn.store, g.grantSysId, 'plan.shortened', 'system', {
            before: approved,
            after: world.sn.store.get(TABLE.grant, g.grantSysId)![GRANT_FIELDS.planDigest]!,
            beforeMinutes: 30,
            durationMinutes: plan.durationMinutes,
        })

        // execution
        await runUntilEnded(g.grantSysId)

        // validation
        expectGateRefused({ store: world.sn.store, ...g, reason: /PLAN_NOT_APPROVED/, providerCallsSince: calls })
    })
})

describe('red team 5: a weak gate', () => {
    it('an approval by an unrelated user (inserted approved on the grant): not on the route, refused', async () => {
        // setup: nobody on the route voted; an unrelated user's approval is inserted approved
        const calls = rt.providerCallsFromNow()
        const g = rt.orderGrant()
        world.sn.store.insert(PLATFORM_TABLE.approval, {
            approver: world.base.secondApprover.sysId,
            sysapproval: g.ritmSysId,
            document_id: g.grantSysId,
            source_table: TABLE.grant,
            state: 'approved',
        })
        forceQueued(g.grantSysId)

        // execution
        await runUntilEnded(g.grantSysId)

        // validation
        expectGateRefused({ store: world.sn.store, ...g, reason: /APPROVAL_MISSING/, providerCallsSince: calls })
    })

    it('an approval by a sys_id that is no user, added to the route with a forged vote: refused', async () => {
        // setup: the ghost is on the route, approved, and a vote event names it with the right digest
        const calls = rt.providerCallsFromNow()
        const g = rt.orderGrant()
        const ghost = newSysId()
        const s = world.sn.store
        const approval = s.insert(PLATFORM_TABLE.approval, {
            approver: ghost,
            sysapproval: g.ritmSysId,
            document_id: g.grantSysId,
            source_table: TABLE.grant,
            state: 'approved',
        })['sys_id']!
        const grant = s.get(TABLE.grant, g.grantSysId)!
        s.update(TABLE.grant, g.grantSysId, {
            [GRANT_FIELDS.policyDecision]: canonicalJson({
                slots: ['manager'],
                assignments: [{ slot: 'manager', approverSysId: ghost, groupId: '', approvalSysId: approval }],
            }),
        })
        appendForgedEvent(s, g.grantSysId, 'approval.vote', 'ghost', {
            approval,
            decision: 'approved',
            voter: ghost,
            slot: 'manager',
            planDigest: grant[GRANT_FIELDS.planDigest],
        })
        forceQueued(g.grantSysId)

        // execution
        await runUntilEnded(g.grantSysId)

        // validation
        expectGateRefused({
            store: world.sn.store,
            ...g,
            reason: /APPROVER_INVALID|AUDIT|CHAIN/i,
            providerCallsSince: calls,
        })
    })

    it('one vote where the route requires two: refused', async () => {
        // setup: the stored route needs a manager AND a second approver; only the manager votes (the app keeps
        // waiting), then the grant is pushed to queued with a grant action
        const calls = rt.providerCallsFromNow()
        const g = rt.orderGrant()
        const s = world.sn.store
        const decision = JSON.parse(s.get(TABLE.grant, g.grantSysId)![GRANT_FIELDS.policyDecision]!) as {
            slots: string[]
            assignments: Record<string, string>[]
        }
        s.update(TABLE.grant, g.grantSysId, {
            [GRANT_FIELDS.policyDecision]: canonicalJson({
                ...decision,
                slots: [...decision.slots, 'second_approver'],
                assignments: [
                    ...decision.assignments,
                    { slot: 'second_approver', approverSysId: world.base.secondApprover.sysId, groupId: '' },
                ],
            }),
        })
        rt.voteOpenApprovals(g.grantSysId)
        expect(s.get(TABLE.grant, g.grantSysId)![GRANT_FIELDS.state]).toBe('awaiting_approval')
        forceQueued(g.grantSysId)

        // execution
        await runUntilEnded(g.grantSysId)

        // validation
        expectGateRefused({ store: world.sn.store, ...g, reason: /APPROVAL_MISSING/, providerCallsSince: calls })
    })

    it("the grant's ritm re-pointed to another, approved RITM: its approvals do not count", async () => {
        // setup: grant A approved through the app; grant B never approved, re-pointed at A's RITM and queued
        const calls = rt.providerCallsFromNow()
        const a = rt.approvedGrant()
        const b = rt.orderGrant()
        world.sn.store.update(TABLE.grant, b.grantSysId, { [GRANT_FIELDS.ritm]: a.ritmSysId })
        // A's own action is parked: this story is about B
        for (const act of world.sn.store.list(TABLE.action, (x) => x[ACTION_FIELDS.grant] === a.grantSysId)) {
            world.sn.store.update(TABLE.action, act['sys_id']!, { [ACTION_FIELDS.state]: 'done' })
        }
        forceQueued(b.grantSysId)

        // execution
        await runUntilEnded(b.grantSysId)

        // validation: the refusal lands on the (re-pointed) RITM the grant names now
        expectGateRefused({
            store: world.sn.store,
            grantSysId: b.grantSysId,
            ritmSysId: a.ritmSysId,
            reason: /APPROVAL_MISSING/,
            providerCallsSince: calls,
        })
    })
})

describe("red team 9d: the plan's principal against the user's current record", () => {
    it("the requester's e-mail changed after approval: refused", async () => {
        // setup
        const calls = rt.providerCallsFromNow()
        const g = rt.approvedGrant()
        const original = world.sn.store.get(PLATFORM_TABLE.user, world.base.requester.sysId)!['email']!
        world.sn.store.update(PLATFORM_TABLE.user, world.base.requester.sysId, { email: 'mallory@example.com' })

        try {
            // execution
            await runUntilEnded(g.grantSysId)

            // validation
            expectGateRefused({ store: world.sn.store, ...g, reason: /PRINCIPAL_MISMATCH/, providerCallsSince: calls })
        } finally {
            world.sn.store.update(PLATFORM_TABLE.user, world.base.requester.sysId, { email: original })
        }
    })
})

describe('red team 4: the plan rewritten after the grant', () => {
    it('the revoke still removes the access really granted and reports the tampering', async () => {
        // setup: granted through the app and the executor
        const g = rt.approvedGrant()
        await runUntilEnded(g.grantSysId)
        expect(world.sn.store.get(TABLE.grant, g.grantSysId)![GRANT_FIELDS.state]).toBe('active')
        const granted = JSON.parse(world.sn.store.get(TABLE.grant, g.grantSysId)![GRANT_FIELDS.plan]!) as {
            target: { deviceName: string }
        }
        const other = rt.newWorkstation('WS-DECOY-001')
        rewritePlan(world.sn.store, g.grantSysId, (p) => {
            p.target.deviceName = other.name
            p.target.ciSysId = other.sysId
        })

        // execution: the revoke at expiry
        await world.until(
            (s) => s.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state] === 'revoked',
            40 * 60_000,
            'revoked',
        )

        // validation: the access granted on the real device is no longer active at the service, tampering reported
        const onDevice = [...world.webhook.grants.values()].filter((x) =>
            JSON.stringify(x.target).includes(granted.target.deviceName),
        )
        expect(onDevice.length).toBeGreaterThanOrEqual(1)
        expect(onDevice.filter((x) => x.status === 'active' && x.revokedAt === null)).toEqual([])
        const events = auditEvents(world.sn.store, g.grantSysId)
        const mismatch = events.find((e) => e.eventType === 'revoke_plan_mismatch')
        expect(JSON.stringify(mismatch?.payload)).toContain('WS-DECOY-001')
        const done = events.find((e) => e.eventType === 'revoke_done')
        expect(JSON.stringify(done?.payload)).not.toContain('WS-DECOY-001')
        expect(ritmText(world.sn.store, g.ritmSysId)).toMatch(/Tampering detected/)
        const incidents = world.sn.store.list(PLATFORM_TABLE.incident, (i) =>
            (i['short_description'] ?? '').includes('Tampered plan'),
        )
        expect(incidents.length).toBeGreaterThanOrEqual(1)
    })
})
