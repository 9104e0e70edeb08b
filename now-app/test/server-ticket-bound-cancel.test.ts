import { beforeEach, describe, expect, it } from 'vitest'

import { GlideRecord, glide } from './support/glide-fake'
import { castVote, orderItem } from './support/app-actions'
import { W, actionsOf, approvalsOf, auditOf, buildWorld, grants, id, journalOf } from './support/app-world'
import { loadAppDist } from '../../test/support/app-dist'
import { ACTION_PRIORITY, PLATFORM_TABLE, PROPERTY, TABLE } from '../../shared/src/schema'
import { cancelFromGrant, cancelFromRitm, cancelGrantAsUser } from '../src/server/cancel'
import { emergencyRequestUrl } from '../src/server/emergency'
import { failureRoute } from '../src/server/failure-routing'

/*
 * Issue 17, app side, on the Glide fake with the app's rules wired as in Fluent: cancel before start (who may, and
 * the attacks: someone else's request, un-cancel, a non-approver), ticket-bound access (incident / change ended, the
 * window moved earlier, the planned duration capped at the window's end), emergency requests from incident tasks for
 * every kind with a catalog item, and failed grants routed to the resolver group.
 */

const MIN = 60_000
const START = Date.UTC(2026, 10, 27, 10, 0, 0)
const EXECUTOR = { sysId: '1'.repeat(32), userName: 'executor', roles: ['x_gbg_breakglass.executor'] }
const ALICE = { sysId: W.alice, userName: 'alice', roles: ['x_gbg_breakglass.requester'] }
const ERIN_SECOPS = { sysId: W.erin, userName: 'erin', roles: ['x_gbg_breakglass.secops'] }
/** Another requester: holds the requester role, is party to nothing. */
const MALLORY = { sysId: W.mallory, userName: 'mallory', roles: ['x_gbg_breakglass.requester'] }
/** Holds the app's approver role (reads every grant) but the route did not ask him. */
const DAVE_APPROVER_ROLE = { sysId: W.dave, userName: 'dave', roles: ['x_gbg_breakglass.approver'] }
const SYSTEM = { sysId: '6816f79cc0a8016401c5a33be04be441', userName: 'system', roles: ['admin'] }

const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
const grantRow = (sysId: string) => glide.row(TABLE.grant, sysId)!

/** Order local admin on alice's workstation as alice; returns the RITM and grant sys_ids. */
function order(variables: Record<string, string> = {}): { ritm: string; grant: string } {
    glide.setUser(ALICE)
    const ritm = orderItem(W.itemLocalAdmin, W.alice, {
        requested_for: W.alice,
        device: W.workstation,
        duration_minutes: '60',
        justification: 'Install the signed scanner driver for the lab',
        emergency: 'false',
        ...variables,
    })
    const grant = grants().find((g) => g.ritm === ritm)
    if (!grant) throw new Error('no grant for the order')
    return { ritm, grant: grant.sys_id! }
}

/** Order and have bob (the manager) approve: the grant is queued with one ready grant action. */
function approved(variables: Record<string, string> = {}): { ritm: string; grant: string } {
    const o = order(variables)
    glide.setUser({ sysId: W.bob, userName: 'bob', roles: [] })
    const approval = approvalsOf(o.grant).find((a) => a.approver === W.bob)!
    expect(castVote(approval.sys_id!, 'approved')).not.toBeNull()
    expect(grantRow(o.grant).state).toBe('queued')
    return o
}

function executorWrites(grantSysId: string, values: Record<string, string>): string | null {
    glide.setUser(EXECUTOR)
    const gr = new GlideRecord(TABLE.grant)
    gr.get(grantSysId)
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    return gr.update()
}

/** Update a platform ticket as a service desk agent would. */
function updateTicket(table: string, sysId: string, values: Record<string, string>): void {
    glide.setUser(SYSTEM)
    const gr = new GlideRecord(table)
    expect(gr.get(sysId)).toBe(true)
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    expect(gr.update()).not.toBeNull()
}

beforeEach(() => {
    buildWorld()
    glide.setNow(START)
})

describe('cancel before start', () => {
    it('the requester cancels their own approved request: cancelled, action ended, told everywhere, audited', () => {
        const { ritm, grant } = approved()
        glide.setUser(ALICE)
        const result = cancelGrantAsUser(grant, 'No longer needed: the vendor shipped a signed driver')
        expect(result.ok, result.message).toBe(true)
        const g = grantRow(grant)
        expect(g.state).toBe('cancelled')
        expect(g.last_error).toContain('Cancelled before it started by alice (requester)')
        const [action] = actionsOf(grant).filter((a) => a.type === 'grant')
        expect(action!.state).toBe('failed')
        expect(action!.last_error).toContain('Cancelled before it started')
        const events = auditOf(grant).map((e) => e.event_type)
        expect(events).toContain('request.cancelled_before_start')
        expect(events).toContain('request.cancelled')
        const cancelled = auditOf(grant).find((e) => e.event_type === 'request.cancelled_before_start')!
        expect(JSON.parse(cancelled.payload!)).toMatchObject({ by: W.alice, authority: 'requester' })
        expect(journalOf(ritm, 'work_notes').join('\n')).toContain('cancelled: Cancelled before it started')
        expect(journalOf(ritm, 'comments').join('\n')).toContain('was not granted')
        // The RITM closes like any request that ends without access (Closed Incomplete).
        expect(glide.row(PLATFORM_TABLE.ritm, ritm)!.state).toBe('4')
    })

    it('Security Operations and the approver the route asked may cancel; the UI actions say what happened', () => {
        const first = approved()
        glide.setUser(ERIN_SECOPS)
        cancelFromGrant({ getUniqueValue: () => first.grant })
        expect(grantRow(first.grant).state).toBe('cancelled')
        expect(glide.messages.info.join(' ')).toContain('was cancelled: nothing will be granted')

        // A second request (the first is closed): bob, who approved it, cancels it from the RITM.
        const second = approved()
        glide.setUser({ sysId: W.bob, userName: 'bob', roles: [] })
        cancelFromRitm({ getUniqueValue: () => second.ritm, getValue: () => 'RITM', number: 'RITM' })
        expect(grantRow(second.grant).state).toBe('cancelled')
        const event = auditOf(second.grant).find((e) => e.event_type === 'request.cancelled_before_start')!
        expect(JSON.parse(event.payload!)).toMatchObject({ by: W.bob, authority: 'approver' })
    })

    it('ATTACK: another requester cannot cancel someone else’s request (refused, audited, nothing changes)', () => {
        const { grant } = approved()
        glide.setUser(MALLORY)
        const result = cancelGrantAsUser(grant, 'I want this cancelled for no reason')
        expect(result.ok).toBe(false)
        expect(result.message).toContain('only Security Operations, an approver of this request, or the person')
        expect(grantRow(grant).state).toBe('queued')
        expect(actionsOf(grant).find((a) => a.type === 'grant')!.state).toBe('ready')
        const refused = auditOf(grant).filter((e) => e.event_type === 'request.cancel_refused')
        expect(refused).toHaveLength(1)
        expect(JSON.parse(refused[0]!.payload!)).toMatchObject({ by: W.mallory })
    })

    it('ATTACK: holding the approver role without being asked by the route is no authority to cancel', () => {
        const { grant } = approved()
        glide.setUser(DAVE_APPROVER_ROLE)
        expect(cancelGrantAsUser(grant, 'Approved in error, cancel it').ok).toBe(false)
        expect(grantRow(grant).state).toBe('queued')
    })

    it('ATTACK: nobody un-cancels — not the requester, not an admin, not the executor', () => {
        const { grant } = approved()
        glide.setUser(ALICE)
        expect(cancelGrantAsUser(grant, 'No longer needed after all').ok).toBe(true)
        for (const who of [ALICE, SYSTEM]) {
            glide.setUser(who)
            const gr = new GlideRecord(TABLE.grant)
            gr.get(grant)
            gr.setValue('state', 'queued')
            expect(gr.update(), who.userName).toBeNull()
            expect(grantRow(grant).state).toBe('cancelled')
        }
        expect(glide.messages.error.join(' ')).toContain('A cancelled request stays cancelled')
        expect(auditOf(grant).filter((e) => e.event_type === 'request.uncancel_refused')).toHaveLength(2)
        // The executor cannot move it on either (its state machine and this rule both refuse).
        expect(executorWrites(grant, { state: 'granting' })).toBeNull()
        expect(grantRow(grant).state).toBe('cancelled')
    })

    it('a started grant cannot be cancelled: the answer points to Revoke now', () => {
        const { grant } = approved()
        expect(executorWrites(grant, { state: 'granting' })).not.toBeNull()
        glide.setUser(ALICE)
        const result = cancelGrantAsUser(grant, 'No longer needed, stop it')
        expect(result.ok).toBe(false)
        expect(result.message).toContain('use "Revoke now"')
        expect(grantRow(grant).state).toBe('granting')
    })

    it('a claimed grant action is left to the executor, whose state write the cancel then beats', () => {
        const { grant } = approved()
        const action = actionsOf(grant).find((a) => a.type === 'grant')!
        glide.setUser(EXECUTOR)
        const claim = new GlideRecord(TABLE.action)
        claim.get(action.sys_id!)
        claim.setValue('state', 'claimed')
        claim.setValue('lease_owner', 'exec-a')
        claim.setValue('lease_until', at(START + 5 * MIN))
        expect(claim.update()).not.toBeNull()
        glide.setUser(ERIN_SECOPS)
        expect(cancelGrantAsUser(grant, 'Approved in error').ok).toBe(true)
        expect(glide.row(TABLE.action, action.sys_id!)!.state).toBe('claimed')
        // The executor's compare-and-set (queued → granting) is refused now.
        expect(executorWrites(grant, { state: 'granting' })).toBeNull()
        expect(grantRow(grant).state).toBe('cancelled')
    })
})

describe('ticket-bound access', () => {
    /** An approved request linked to the P1 incident, then made active by the executor. */
    function activeOnIncident(): string {
        updateTicket(PLATFORM_TABLE.incident, W.incident, { priority: '1' })
        const { grant } = approved({ incident: W.incident })
        expect(
            executorWrites(grant, { state: 'granting' }) &&
                executorWrites(grant, {
                    state: 'active',
                    granted_at: at(START),
                    expires_at: at(START + 60 * MIN),
                }),
        ).not.toBeNull()
        return grant
    }

    const ticketRevokes = (grant: string) =>
        actionsOf(grant).filter((a) => a.type === 'revoke' && a.priority === String(ACTION_PRIORITY.revokeNow))

    it('resolving the incident queues one priority-1 revoke due now, with the reason (repeated updates queue none)', () => {
        const grant = activeOnIncident()
        updateTicket(PLATFORM_TABLE.incident, W.incident, { state: '6' })
        updateTicket(PLATFORM_TABLE.incident, W.incident, { close_notes: 'Fixed by the vendor patch' })
        const revokes = ticketRevokes(grant)
        expect(revokes).toHaveLength(1)
        expect(revokes[0]).toMatchObject({ state: 'ready', not_before: at(START) })
        expect(revokes[0]!.reason).toContain('Incident INC0010001 was resolved')
        const queued = auditOf(grant).find((e) => e.event_type === 'revoke.queued' && e.actor === 'ticket:INC0010001')
        expect(queued).toBeDefined()
        expect(journalOf(grantRow(grant).ritm!, 'work_notes').join('\n')).toContain('is bound to INC0010001')
    })

    it('an incident that stays open, or an update that changes nothing relevant, queues nothing', () => {
        const grant = activeOnIncident()
        updateTicket(PLATFORM_TABLE.incident, W.incident, { short_description: 'Still investigating' })
        expect(ticketRevokes(grant)).toHaveLength(0)
    })

    it('closing the incident cancels an approved request that has not started', () => {
        updateTicket(PLATFORM_TABLE.incident, W.incident, { priority: '1' })
        const { grant } = approved({ incident: W.incident })
        updateTicket(PLATFORM_TABLE.incident, W.incident, { state: '7', active: 'false' })
        expect(grantRow(grant).state).toBe('cancelled')
        expect(grantRow(grant).last_error).toContain('Incident INC0010001 was closed')
        expect(actionsOf(grant).find((a) => a.type === 'grant')!.state).toBe('failed')
        const event = auditOf(grant).find((e) => e.event_type === 'request.cancelled_before_start')!
        expect(JSON.parse(event.payload!)).toMatchObject({ authority: 'ticket' })
    })

    it('closing the incident also ends a request still awaiting approval (its approvals cancelled)', () => {
        updateTicket(PLATFORM_TABLE.incident, W.incident, { priority: '1' })
        const { grant } = order({ incident: W.incident })
        expect(grantRow(grant).state).toBe('awaiting_approval')
        updateTicket(PLATFORM_TABLE.incident, W.incident, { state: '8' })
        expect(grantRow(grant).state).toBe('cancelled')
        expect(approvalsOf(grant).map((a) => a.state)).toEqual(['cancelled'])
        expect(actionsOf(grant)).toEqual([])
    })

    it('a change window moved earlier than the expiry: a priority-1 revoke due exactly at the new end', () => {
        // Local admin on the production server needs the change (and a second approver: carol).
        glide.setNow(Date.UTC(2026, 10, 27, 10, 0, 0))
        const { grant } = order({ device: W.server, change_request: W.change, duration_minutes: '60' })
        for (const [who, name] of [
            [W.bob, 'bob'],
            [W.carol, 'carol'],
        ] as const) {
            glide.setUser({ sysId: who, userName: name, roles: [] })
            const approval = approvalsOf(grant).find((a) => a.approver === who)!
            expect(castVote(approval.sys_id!, 'approved')).not.toBeNull()
        }
        expect(grantRow(grant).state).toBe('queued')
        executorWrites(grant, { state: 'granting' })
        executorWrites(grant, { state: 'active', granted_at: at(START), expires_at: at(START + 60 * MIN) })
        expect(ticketRevokes(grant)).toHaveLength(0)
        const newEnd = START + 20 * MIN
        updateTicket(PLATFORM_TABLE.change, W.change, { end_date: at(newEnd) })
        const revokes = ticketRevokes(grant)
        expect(revokes).toHaveLength(1)
        expect(revokes[0]).toMatchObject({ state: 'ready', not_before: at(newEnd) })
        expect(revokes[0]!.reason).toContain('The window of change CHG0030001 ends at')
        // Cancelling the change then needs a revoke due now (earlier than the one waiting).
        updateTicket(PLATFORM_TABLE.change, W.change, { state: '4' })
        expect(
            ticketRevokes(grant)
                .map((a) => a.not_before)
                .sort(),
        ).toEqual([at(START), at(newEnd)])
    })

    it('submit caps the planned duration at the change window end (and refuses when too little is left)', () => {
        // Window 09:00–12:00; at 11:30 a 60-minute request is planned for 30 minutes.
        glide.setNow(Date.UTC(2026, 10, 27, 11, 30, 0))
        const { grant } = order({ device: W.server, change_request: W.change, duration_minutes: '60' })
        expect(JSON.parse(grantRow(grant).plan!).durationMinutes).toBe(30)
        const frozen = auditOf(grant).find((e) => e.event_type === 'plan.frozen')!
        expect(JSON.parse(frozen.payload!)).toMatchObject({
            durationMinutes: 30,
            cappedToChangeWindow: { change: 'CHG0030001', requestedMinutes: 60 },
        })
        // At 11:57 three minutes are left, below the policy minimum of 5: refused with the reason.
        glide.setNow(Date.UTC(2026, 10, 27, 11, 57, 0))
        glide.setUser(SYSTEM)
        const other = new GlideRecord(TABLE.grant)
        other.get(grant)
        other.setValue('state', 'cancelled')
        other.update()
        const late = order({ device: W.server, change_request: W.change, duration_minutes: '60' })
        expect(grantRow(late.grant).state).toBe('policy_rejected')
        expect(grantRow(late.grant).last_error).toContain('CHANGE_WINDOW_TOO_SHORT')
    })

    it('submit refuses an incident that is still marked active but resolved', () => {
        updateTicket(PLATFORM_TABLE.incident, W.incident, { priority: '1', state: '6' })
        const { grant } = order({ incident: W.incident })
        expect(grantRow(grant).state).toBe('policy_rejected')
        expect(grantRow(grant).last_error).toContain('Incident INC0010001 was resolved')
    })
})

describe('emergency requests from incidents and incident tasks, for every kind with a catalog item', () => {
    const task = (over: Record<string, unknown>) => {
        const row = glide.insert('incident_task', { number: 'TASK0001', active: true, incident: W.incident, ...over })
        const gr = new GlideRecord('incident_task')
        gr.get(row.sys_id!)
        return gr
    }
    const incident = () => {
        const gr = new GlideRecord(PLATFORM_TABLE.incident)
        gr.get(W.incident)
        return gr
    }
    const prefill = (url: string) =>
        JSON.parse(decodeURIComponent(/sysparm_variable_values=([^&]+)/.exec(url)![1]!)) as Record<string, string>

    it('local admin and Entra role from a task of a P1 incident: the parent incident and emergency prefilled', () => {
        updateTicket(PLATFORM_TABLE.incident, W.incident, { priority: '1' })
        for (const [kind, item] of [
            ['device_local_admin', W.itemLocalAdmin],
            ['entra_role', W.itemEntraRole],
        ] as const) {
            for (const from of [task({}), incident()]) {
                const result = emergencyRequestUrl(from, kind)
                if (!result.ok) throw new Error(result.message)
                expect(result.url).toContain(`sys_id=${item}`)
                expect(prefill(result.url)).toEqual({ incident: W.incident, emergency: 'true' })
            }
        }
    })

    it('refused from a task of a P3 incident, a closed task, and for a kind without a catalog item', () => {
        expect(emergencyRequestUrl(task({}), 'entra_role')).toMatchObject({ ok: false })
        updateTicket(PLATFORM_TABLE.incident, W.incident, { priority: '2' })
        expect(emergencyRequestUrl(task({ active: false }), 'device_local_admin')).toMatchObject({ ok: false })
        expect(emergencyRequestUrl(task({ incident: id(0x999) }), 'device_local_admin')).toMatchObject({ ok: false })
        // PAM accounts have no catalog item (the console has had one since issue 17's emergency kinds).
        const none = emergencyRequestUrl(task({}), 'pam_account')
        expect(none).toMatchObject({ ok: false })
        expect((none as { message: string }).message).toContain('proposal API')
    })

    it('an emergency Entra role ordered with the prefilled values goes the emergency path', () => {
        updateTicket(PLATFORM_TABLE.incident, W.incident, { priority: '1' })
        glide.setUser(ALICE)
        const ritm = orderItem(W.itemEntraRole, W.alice, {
            requested_for: W.alice,
            role: W.helpdeskRole,
            duration_minutes: '20',
            justification: 'Reset the MFA of the locked-out on-call engineer',
            incident: W.incident,
            emergency: 'true',
        })
        const grant = grants().find((g) => g.ritm === ritm)!
        expect(grant.emergency === 'true' || grant.emergency === '1').toBe(true)
        expect(['awaiting_approval', 'queued']).toContain(grant.state)
    })
})

describe('failure routing', () => {
    const resolverDesk = id(0x104)
    it('a failed grant assigns its RITM to the resolver group with the reason', () => {
        glide.insert(PLATFORM_TABLE.group, { sys_id: resolverDesk, name: 'Endpoint Engineering', active: true })
        glide.properties.set(PROPERTY.resolverGroup, resolverDesk)
        const { ritm, grant } = approved()
        executorWrites(grant, { state: 'grant_failed', last_error: 'webhook refused the grant (403): device offline' })
        const r = glide.row(PLATFORM_TABLE.ritm, ritm)!
        expect(r.assignment_group).toBe(resolverDesk)
        const notes = journalOf(ritm, 'work_notes').join('\n')
        expect(notes).toContain('webhook refused the grant (403): device offline')
        expect(notes).toContain('Assigned to the resolver group Endpoint Engineering')
    })

    it('without a resolver group: Security Operations, and the note says the resolver group is not configured', () => {
        const { ritm, grant } = approved()
        executorWrites(grant, { state: 'grant_failed', last_error: 'entra refused the grant: role not assignable' })
        expect(glide.row(PLATFORM_TABLE.ritm, ritm)!.assignment_group).toBe(W.secops)
        expect(journalOf(ritm, 'work_notes').join('\n')).toContain('no resolver group is configured')
        glide.properties.set(PROPERTY.resolverGroup, id(0x999)) // names no group
        expect(failureRoute()).toMatchObject({ via: 'secops', groupSysId: W.secops })
        glide.properties.set(PROPERTY.secopsGroup, '')
        expect(failureRoute()).toMatchObject({ via: '', groupSysId: '' })
    })
})

describe('built app: the ticket-bound and cancel rules', () => {
    const dist = loadAppDist()
    const rules = dist.records('sys_script')
    const find = (name: string) => rules.find((r) => r.name === name)!
    it('async rules on incident (ended states only) and change_request, and the before rule on the grant', () => {
        const incident = find('Break-glass: access ends with its incident')
        expect(incident).toMatchObject({ collection: 'incident', when: 'async_always', action_update: 'true' })
        expect(incident.filter_condition).toBe('stateIN6,7,8^ORactive=false^EQ')
        expect(incident.script).toContain('onIncidentUpdated')
        const change = find('Break-glass: access ends with its change and its window')
        expect(change).toMatchObject({ collection: 'change_request', when: 'async_always', action_update: 'true' })
        expect(change.script).toContain('onChangeUpdated')
        const final = find('Break-glass: a cancelled request stays cancelled')
        expect(final).toMatchObject({ collection: TABLE.grant, when: 'before', action_update: 'true', order: '40' })
        expect(final.script).toContain('guardCancelledFinal')
    })
})
