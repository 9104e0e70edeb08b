/**
 * Red team (issue 17): the authority to cancel an approved request before it starts, on the ServiceNow emulator with
 * the app's own modules and rules. Who may: Security Operations, an approver the route asked, the person the access
 * is for (their own). Attacks: another requester cancels someone else's request; a holder of the app's approver role
 * whom the route never asked cancels; the requester un-cancels (Table API, and through a script as admin); the
 * executor integration user moves a cancelled grant on. Each is refused with the reason where a person sees it, and
 * the executor then grants nothing for a cancelled request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { cancelGrantAsUser } from '../../now-app/src/server/cancel'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runFor } from '../support/virtual-time'
import { auditEvents, ritmText, startRedTeamWorld, type RedTeamWorld } from './support'

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let rt: RedTeamWorld
let executor: InProcessExecutor | undefined
const PASSWORD = 'red-team-cancel-pw'
const basic = (user: string): string => Buffer.from(`${user}:${PASSWORD}`).toString('base64')

beforeAll(async () => {
    rt = await startRedTeamWorld({ clock, devicePrefix: 'WS-CX' })
    const { sn } = rt.world
    sn.addUser({ userName: 'mallory.requester', password: PASSWORD, roles: ['x_gbg_breakglass.requester'] })
    sn.addUser({ userName: 'victor.approver', password: PASSWORD, roles: ['x_gbg_breakglass.approver'] })
    // The requester signs in too (for the Table API attack).
    sn.addUser({ userName: 'alice.api', password: PASSWORD, roles: ['x_gbg_breakglass.requester'] })
})
afterAll(async () => {
    await executor?.stop()
    await rt?.close()
})

const state = (grantSysId: string): string => rt.world.sn.store.get(TABLE.grant, grantSysId)![GRANT_FIELDS.state]!

describe('red team: who may cancel an approved request', () => {
    it('another requester cannot cancel someone else’s request: refused, audited, and it is still granted', async () => {
        const { grantSysId } = rt.approvedGrant()
        const result = rt.app.as('mallory.requester', () => cancelGrantAsUser(grantSysId, 'Cancel it, I say so'))
        expect(result.ok).toBe(false)
        expect(result.message).toMatch(/only Security Operations, an approver of this request, or the person/)
        expect(state(grantSysId)).toBe('queued')
        const refused = auditEvents(rt.world.sn.store, grantSysId).filter(
            (e) => e.eventType === 'request.cancel_refused',
        )
        expect(refused).toHaveLength(1)
        // The refusal changed nothing: the executor grants the request as approved.
        executor = await startInProcessExecutor(rt.world.env('rt-cancel'), clock)
        await rt.world.until((s) => s.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] === 'active', 60_000)
    }, 60_000)

    it('the app’s approver role is no authority when the route never asked that person', () => {
        const { grantSysId } = rt.approvedGrant()
        // Stop the executor from taking it first: the attack is judged before anything runs.
        const result = rt.app.as('victor.approver', () => cancelGrantAsUser(grantSysId, 'Approved in error'))
        expect(result.ok).toBe(false)
        expect(['queued', 'granting', 'active']).toContain(state(grantSysId))
    })

    it('the requester cancels her own; un-cancelling is refused through the Table API and through a script', async () => {
        // The executor is paused so the request is still queued when it is cancelled.
        await executor?.stop()
        executor = undefined
        const { grantSysId, ritmSysId } = rt.approvedGrant()
        const { sn, base } = rt.world
        const cancelled = rt.app.as(base.requester.userName, () =>
            cancelGrantAsUser(grantSysId, 'No longer needed: the vendor fixed it remotely'),
        )
        expect(cancelled.ok, cancelled.message).toBe(true)
        expect(state(grantSysId)).toBe('cancelled')
        expect(ritmText(sn.store, ritmSysId)).toMatch(/Cancelled before it started by/)
        const action = sn.store.list(
            TABLE.action,
            (a) => a[ACTION_FIELDS.grant] === grantSysId && a[ACTION_FIELDS.type] === 'grant',
        )[0]!
        expect(action[ACTION_FIELDS.state]).toBe('failed')

        // Table API, as a requester: the state field is not hers to write (field ACL) → 403, nothing changes.
        const res = await fetch(`${sn.url}/api/now/table/${TABLE.grant}/${grantSysId}`, {
            method: 'PATCH',
            headers: {
                Accept: 'application/json',
                'Content-Type': 'application/json',
                Authorization: `Basic ${basic('alice.api')}`,
            },
            body: JSON.stringify({ [GRANT_FIELDS.state]: 'queued' }),
        })
        expect([403, 404]).toContain(res.status)
        expect(state(grantSysId)).toBe('cancelled')

        // Through a script, even as an administrator: the app's rule aborts the write.
        const written = rt.app.as('system', () => {
            const gr = new GlideRecord(TABLE.grant)
            gr.get(grantSysId)
            gr.setValue(GRANT_FIELDS.state, 'queued')
            return gr.update()
        })
        expect(written).toBeNull()
        expect(state(grantSysId)).toBe('cancelled')

        // The integration user, over the Table API: refused by the state machine.
        const exec = await fetch(`${sn.url}/api/now/table/${TABLE.grant}/${grantSysId}`, {
            method: 'PATCH',
            headers: {
                Accept: 'application/json',
                'Content-Type': 'application/json',
                Authorization: `Basic ${Buffer.from(`${base.executorUser.userName}:${base.executorUser.password}`).toString('base64')}`,
            },
            body: JSON.stringify({ [GRANT_FIELDS.state]: 'granting' }),
        })
        expect(exec.status).toBe(403)
        expect(state(grantSysId)).toBe('cancelled')

        // And an executor started now grants nothing for it.
        executor = await startInProcessExecutor(rt.world.env('rt-cancel-2'), clock)
        await runFor(clock, 30_000)
        const forThisGrant = [...rt.world.webhook.grants.values()].filter((w) => w.idempotencyKey === action['sys_id'])
        expect(forThisGrant).toEqual([])
        expect(state(grantSysId)).toBe('cancelled')
    }, 60_000)
})
