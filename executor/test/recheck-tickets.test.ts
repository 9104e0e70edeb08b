import { afterEach, describe, expect, it } from 'vitest'
import { RECHECK_CODE, recheckGrant } from '../src/recheck'
import { seedGrant, sysId } from './support/fake-gateway'
import { makeHarness, type Harness } from './support/worker-harness'

/*
 * Issue 17 at the executor's recheck gate: access bound to its ticket (shared tickets.ts ticketVerdict, the rule the
 * app applies too) and a request cancelled before it started.
 */

const MIN = 60_000

describe('recheck gate: ticket-bound access and cancel', () => {
    let h: Harness
    afterEach(() => h?.cleanup())

    /** Link a change whose window ends `endsInMinutes` from now (started an hour ago). */
    function linkChange(grantSysId: string, endsInMinutes: number, over: Record<string, unknown> = {}): void {
        const now = h.clock.now().getTime()
        const change = sysId()
        h.sn.changes.set(change, {
            sysId: change,
            number: 'CHG0040001',
            active: true,
            state: '-1',
            startMs: now - 60 * MIN,
            endMs: now + endsInMinutes * MIN,
            ciSysId: '',
            ...over,
        })
        h.sn.grants.get(grantSysId)!.change = change
    }

    const check = (grantSysId: string) =>
        recheckGrant(grantSysId, { gateway: h.sn.gateway('exec-1'), clock: h.clock, providers: new Set(['webhook']) })

    it('caps the grant at the change window end: 60 approved minutes, 20 left → 20 granted, expiry at the end', async () => {
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 60 })
        linkChange(s.grant.sysId, 20)
        const r = await check(s.grant.sysId)
        expect(r.ok).toBe(true)
        if (!r.ok) return
        expect(r.grantMinutes).toBe(20)
        expect(r.expiryCapMs).toBe(h.clock.now().getTime() + 20 * MIN)

        // Through the worker: the provider is asked for 20 minutes, the grant expires at the window end.
        await h.round()
        expect(h.provider.calls.map((c) => c.op)).toEqual(['grant'])
        const g = h.sn.grants.get(s.grant.sysId)!
        expect(g.state).toBe('active')
        expect(g.expiresAt?.getTime()).toBe(r.expiryCapMs)
    })

    it('a window longer than the plan changes nothing', async () => {
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 60 })
        linkChange(s.grant.sysId, 180)
        const r = await check(s.grant.sysId)
        expect(r.ok && r.grantMinutes).toBe(60)
    })

    it('refuses a change that is closed although still marked active, and one without a planned end', async () => {
        h = makeHarness()
        const s = seedGrant(h.sn)
        linkChange(s.grant.sysId, 120, { state: '3' })
        const closed = await check(s.grant.sysId)
        expect(closed).toMatchObject({ ok: false, code: RECHECK_CODE.ticketEnded })
        expect(!closed.ok && closed.reason).toContain('Change CHG0040001 was closed')

        linkChange(s.grant.sysId, 120, { state: '-1', endMs: Number.NaN })
        const noEnd = await check(s.grant.sysId)
        expect(noEnd.ok).toBe(false)
    })

    it('refuses a resolved incident that is still marked active, with no provider call', async () => {
        h = makeHarness()
        const s = seedGrant(h.sn)
        const incident = sysId()
        h.sn.incidentFacts.set(incident, {
            sysId: incident,
            number: 'INC0090001',
            priority: 2,
            active: true,
            state: '6',
            callerId: s.requester.sysId,
            assignedTo: '',
            assignmentGroupId: '',
            ciSysId: '',
        })
        h.sn.grants.get(s.grant.sysId)!.incident = incident
        const r = await check(s.grant.sysId)
        expect(r).toMatchObject({ ok: false, code: RECHECK_CODE.ticketEnded })
        expect(!r.ok && r.reason).toContain('Incident INC0090001 was resolved')
        await h.round()
        expect(h.provider.calls).toEqual([])
    })

    it('a cancelled grant: refused as GRANT_CANCELLED, no provider call, no incident, the grant left as the app set it', async () => {
        h = makeHarness()
        const s = seedGrant(h.sn)
        const g = h.sn.grants.get(s.grant.sysId)!
        g.state = 'cancelled'
        g.lastError = 'Cancelled before it started by mona (approver): approved in error'
        await h.round()
        expect(h.provider.calls).toEqual([])
        expect(h.sn.actions.get(s.action.sysId)).toMatchObject({ state: 'failed' })
        expect(h.sn.actions.get(s.action.sysId)!.lastError).toContain(RECHECK_CODE.grantCancelled)
        expect(h.sn.incidents).toEqual([])
        expect(h.sn.grants.get(s.grant.sysId)).toMatchObject({
            state: 'cancelled',
            lastError: 'Cancelled before it started by mona (approver): approved in error',
        })
        expect(h.sn.auditTypes(s.grant.sysId)).toEqual(['recheck_refused'])
    })
})
