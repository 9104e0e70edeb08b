import { beforeEach, describe, expect, it } from 'vitest'

import { glide } from './support/glide-fake'
import { W, approvalsOf, auditOf, buildWorld, grants } from './support/app-world'
import { callProposalApi } from './support/app-actions'
import { ROLE } from '../../shared/src/schema'

const BOT = 'b07'.padEnd(32, '0')

/** Call the endpoint as the session user. */
function call(body: unknown, raw?: string): { status: number; body: any } {
    return callProposalApi(body, raw !== undefined)
}

const valid = {
    requested_for: 'alice',
    target_kind: 'device_local_admin',
    device: W.workstation,
    duration_minutes: 30,
    justification: 'Reinstall the VPN client after the failed update',
}

beforeEach(() => {
    buildWorld()
    glide.insert('sys_user', { sys_id: BOT, user_name: 'teams-bot', name: 'Teams bot', active: true })
    glide.setUser({ sysId: BOT, userName: 'teams-bot', roles: [ROLE.proposer] })
})

describe('proposal API', () => {
    it('creates a request on behalf of the named user, marked as proposed, and it goes through policy and approval', () => {
        const out = call(valid)
        expect(out.status).toBe(201)
        expect(out.body).toMatchObject({ state: 'awaiting_approval', number: expect.stringMatching(/^BGA/) })
        const [grant] = grants()
        expect(grant).toMatchObject({
            requested_for: W.alice,
            proposed_by: BOT,
            opened_by: BOT,
            state: 'awaiting_approval',
        })
        // The proposer cannot approve: the manager is asked as for any request.
        expect(approvalsOf(grant!.sys_id!).map((a) => a.approver)).toEqual([W.bob])
        expect(auditOf(grant!.sys_id!).map((e) => e.event_type)).toContain('request.proposed')
    })

    it('records the human behind the proposal as the opener (never an approver), the assistant as proposer', () => {
        const out = call({ ...valid, requested_by: 'carol' })
        expect(out.status).toBe(201)
        const [grant] = grants()
        expect(grant).toMatchObject({ opened_by: W.carol, proposed_by: BOT, state: 'awaiting_approval' })
        expect(approvalsOf(grant!.sys_id!).map((a) => a.approver)).toEqual([W.bob])
        // The manager asking the assistant for their own report: they opened it, so they cannot be its approver.
        glide.rows('x_gbg_breakglass_grant').length = 0
        const own = call({ ...valid, requested_by: 'bob' })
        expect(own.body.state).toBe('policy_rejected')
        expect(own.body.message).toContain('MANAGER_UNAVAILABLE')
    })

    it("refuses routing to a manager who shares the account's mailbox (an admin account of the manager)", () => {
        glide.insert('sys_user', {
            sys_id: 'ad1'.padEnd(32, '0'),
            user_name: 'bob-adm',
            email: ' BOB@example.com',
            manager: W.bob,
            active: true,
        })
        const out = call({ ...valid, requested_for: 'bob-adm' })
        expect(out.body.state).toBe('policy_rejected')
        expect(out.body.message).toContain('same person')
    })

    it('answers 400 for a requested_by that is no user', () => {
        const out = call({ ...valid, requested_by: 'nobody' })
        expect(out.status).toBe(400)
        expect(out.body.errors).toEqual([{ field: 'requested_by', message: 'No user "nobody".' }])
        expect(call({ ...valid, requested_by: 42 }).body.errors.map((e: { field: string }) => e.field)).toEqual([
            'requested_by',
        ])
        expect(grants()).toEqual([])
    })

    it('reports the policy refusal of a proposal in the answer', () => {
        const out = call({ ...valid, duration_minutes: 600 })
        expect(out.status).toBe(201)
        expect(out.body.state).toBe('policy_rejected')
        expect(out.body.message).toContain('DURATION_ABOVE_POLICY_MAX')
    })

    it('answers 403 without the proposer role', () => {
        glide.setUser({ sysId: BOT, userName: 'teams-bot', roles: ['x_gbg_breakglass.requester'] })
        expect(call(valid).status).toBe(403)
        expect(grants()).toEqual([])
    })

    it('answers 400 with one message per problem and creates nothing', () => {
        expect(call(undefined, '{oops').body.errors).toEqual([
            { field: '(body)', message: 'The body is not valid JSON.' },
        ])
        const bad = call({ ...valid, state: 'approved', duration_minutes: 0, requested_for: "x' OR 1=1" })
        expect(bad.status).toBe(400)
        expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
            'duration_minutes',
            'requested_for',
            'state',
        ])
        const unknown = call({ ...valid, requested_for: 'nobody', device: '9'.repeat(32), incident: 'INC0099999' })
        expect(unknown.status).toBe(400)
        expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual([
            'requested_for',
            'device',
            'incident',
        ])
        expect(grants()).toEqual([])
    })
})
