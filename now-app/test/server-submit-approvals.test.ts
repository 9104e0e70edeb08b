import { beforeEach, describe, expect, it } from 'vitest'

import { GlideRecord, glide } from './support/glide-fake'
import { castVote, orderItem } from './support/app-actions'
import { confirmSeededPolicies } from './support/policy-confirmation'
import {
    W,
    actionsOf,
    approvalsOf,
    auditOf,
    buildWorld,
    grants,
    journalOf,
    policies,
    setPolicies,
} from './support/app-world'
import { verifyChain } from '../../shared/src/audit-chain'
import { verifyPlanDigest } from '../../shared/src/plan'
import { EVENT, PLATFORM_TABLE, PROPERTY, TABLE } from '../../shared/src/schema'
import { runWatchdog } from '../src/server/watchdog'

interface Order {
    item?: string
    requested_for?: string
    device?: string
    role?: string
    duration_minutes?: string
    justification?: string
    incident?: string
    change_request?: string
    emergency?: string
}

/** Order a catalog item as the session user: insert the RITM with its variables (the RITM rule creates the grant). */
function order(o: Order = {}): { ritm: string; grant: Record<string, string> } {
    const alice = glide.rows(PLATFORM_TABLE.user).find((u) => u.user_name === 'alice')!.sys_id!
    const ritmId = orderItem(o.item ?? W.itemLocalAdmin, alice, {
        requested_for: o.requested_for ?? W.alice,
        device: o.device ?? W.workstation,
        role: o.role ?? '',
        duration_minutes: o.duration_minutes ?? '60',
        justification: o.justification ?? 'Install the signed scanner driver for the lab',
        incident: o.incident ?? '',
        change_request: o.change_request ?? '',
        emergency: o.emergency ?? 'false',
    })
    const grant = grants().find((g) => g.ritm === ritmId)!
    return { ritm: ritmId, grant }
}

/** Cast a vote as `voter` on their approval of `grantSysId`. Returns update()'s result. */
function vote(
    grantSysId: string,
    voter: string,
    state: 'approved' | 'rejected',
    userName = 'voter',
    comment = '',
): string | null {
    glide.setUser({ sysId: voter, userName, roles: ['x_gbg_breakglass.approver'] })
    const approval = approvalsOf(grantSysId).find((a) => a.approver === voter)
    if (!approval) throw new Error(`no approval for ${voter}`)
    return castVote(approval.sys_id!, state, comment)
}

function chainOk(grantSysId: string): void {
    const events = auditOf(grantSysId).map((r) => ({
        grant: r.grant!,
        action: r.action ?? '',
        sequence: Number(r.sequence),
        eventType: r.event_type!,
        actor: r.actor!,
        occurredAt: new Date(r.occurred_at!.replace(' ', 'T') + 'Z').toISOString(),
        payload: JSON.parse(r.payload!) as unknown,
        prevHash: r.prev_hash!,
        hash: r.hash!,
    }))
    expect(events.length).toBeGreaterThan(0)
    expect(verifyChain(events)).toEqual({ ok: true })
}

beforeEach(() => buildWorld())

describe('submit: server-side policy enforcement', () => {
    it('refuses a request out of policy with every reason on the ticket, routes it to SecOps, queues nothing', () => {
        const { ritm, grant } = order({ duration_minutes: '600', justification: 'too short' })
        expect(grant.state).toBe('policy_rejected')
        expect(grant.last_error).toContain('DURATION_ABOVE_POLICY_MAX')
        expect(grant.last_error).toContain('JUSTIFICATION_TOO_SHORT')
        const notes = journalOf(ritm, 'work_notes').join('\n')
        const comments = journalOf(ritm, 'comments').join('\n')
        for (const text of [notes, comments]) {
            expect(text).toContain('at most 240 minutes')
            expect(text).toContain('at least 20 characters')
        }
        expect(glide.row(PLATFORM_TABLE.ritm, ritm)?.assignment_group).toBe(W.secops)
        expect(actionsOf(grant.sys_id!)).toEqual([])
        expect(approvalsOf(grant.sys_id!)).toEqual([])
        expect(glide.events.map((e) => e.name)).toContain(EVENT.rejected)
        expect(auditOf(grant.sys_id!).map((e) => e.event_type)).toEqual([
            'request.submitted',
            'policy.evaluated',
            'request.policy_rejected',
            'notification.queued',
        ])
        chainOk(grant.sys_id!)
    })

    it('declines everything with the integration disabled, saying so', () => {
        glide.properties.set(PROPERTY.integrationEnabled, 'false')
        const { ritm, grant } = order()
        expect(grant.state).toBe('policy_rejected')
        expect(journalOf(ritm, 'comments').join()).toContain('The break-glass integration is disabled.')
    })

    it('validates tickets: existence, involvement, emergency incident, change window', () => {
        // An incident that does not involve alice or her device.
        glide.insert(PLATFORM_TABLE.incident, {
            sys_id: '9'.repeat(32),
            number: 'INC0010002',
            priority: 2,
            active: true,
            caller_id: W.bob,
        })
        expect(order({ incident: '9'.repeat(32) }).grant.last_error).toContain('INCIDENT_NOT_INVOLVED')
        // A reference to an incident that does not exist.
        expect(order({ incident: '8'.repeat(32), device: W.workstation }).grant.last_error).toContain(
            'INCIDENT_NOT_FOUND',
        )
        // Emergency without an incident.
        const emergency = order({ emergency: 'true', duration_minutes: '20' }).grant
        expect(emergency.last_error).toContain('INCIDENT_REQUIRED')
        expect(emergency.last_error!.match(/INCIDENT_REQUIRED/g)).toHaveLength(1)
        // Emergency with a P3 incident.
        expect(order({ emergency: 'true', incident: W.incident, duration_minutes: '20' }).grant.last_error).toContain(
            'INCIDENT_PRIORITY_TOO_LOW',
        )
        // A server needs a change, inside its window.
        expect(order({ device: W.server }).grant.last_error).toContain('CHANGE_REQUIRED')
        glide.setNow(Date.UTC(2026, 10, 27, 13, 0, 0))
        expect(order({ device: W.server, change_request: W.change }).grant.last_error).toContain(
            'CHANGE_OUTSIDE_WINDOW',
        )
    })

    it('allows one open request per user and target, pointing at the first', () => {
        const first = order().grant
        expect(first.state).toBe('awaiting_approval')
        const second = order().grant
        expect(second.state).toBe('policy_rejected')
        expect(second.last_error).toContain(`${first.number} (awaiting_approval)`)
        // Another target is fine.
        glide.insert(PLATFORM_TABLE.computer, {
            sys_id: '7'.repeat(32),
            name: 'PC-2',
            u_device_class: 'workstation',
            u_corp_managed: true,
        })
        expect(order({ device: '7'.repeat(32) }).grant.state).toBe('awaiting_approval')
    })

    it('refuses when the requester has no manager to approve', () => {
        const { grant } = order({ requested_for: W.mallory })
        expect(grant.state).toBe('policy_rejected')
        expect(grant.last_error).toContain('MANAGER_UNAVAILABLE')
    })

    it('refuses an unknown requested-for user and an unknown device with clear reasons', () => {
        const { grant } = order({ requested_for: '5'.repeat(32), device: '6'.repeat(32) })
        expect(grant.state).toBe('policy_rejected')
        expect(grant.last_error).toContain('USER_NOT_FOUND')
        expect(grant.last_error).toContain('CI_NOT_FOUND')
    })

    it('refuses (does not crash on) a policy record that does not parse', () => {
        setPolicies(policies())
        const broken = glide.rows(TABLE.policy)[0]!
        broken.max_duration = 'lots'
        const { grant } = order()
        expect(grant.state).toBe('policy_rejected')
        expect(grant.last_error).toContain('POLICY_INVALID')
    })
})

describe('supervised plan and approvals', () => {
    it('freezes the plan with its digest and shows it to the manager on the approval record', () => {
        const { ritm, grant } = order()
        expect(grant.state).toBe('awaiting_approval')
        const verified = verifyPlanDigest(grant.plan!, grant.plan_digest!)
        expect(verified.ok).toBe(true)
        if (verified.ok)
            expect(verified.plan).toMatchObject({
                durationMinutes: 60,
                provider: 'entra-group',
                tickets: { ritm: glide.row(PLATFORM_TABLE.ritm, ritm)!.number },
            })
        const approvals = approvalsOf(grant.sys_id!)
        expect(approvals.map((a) => [a.approver, a.state, a.sysapproval, a.source_table])).toEqual([
            [W.bob, 'requested', ritm, TABLE.grant],
        ])
        const shown = journalOf(approvals[0]!.sys_id!, 'comments').join()
        expect(shown).toContain('local administrator on device PC-ALICE (workstation)')
        expect(shown).toContain(grant.plan_digest)
        expect(approvals[0]!.due_date).toBe('2026-11-27 11:00:00')
        const requested = glide.events.find((e) => e.name === EVENT.approvalRequested)!
        expect(requested.parm1).toBe(W.bob)
        expect(requested.parm2).toContain(grant.plan_digest)
    })

    it('queues exactly one grant action when the manager approves, with the approval summary', () => {
        const { ritm, grant } = order()
        expect(vote(grant.sys_id!, W.bob, 'approved', 'bob')).not.toBeNull()
        const after = glide.row(TABLE.grant, grant.sys_id!)!
        expect(after.state).toBe('queued')
        expect(after.approved_at).toBe('2026-11-27 10:00:00')
        const summary = JSON.parse(after.approval_summary!)
        expect(summary).toMatchObject({ by: 'people', durationMinutes: 60, shortened: false, policy: 'Local admin' })
        expect(summary.approvals).toEqual([
            expect.objectContaining({ approver: W.bob, filled: 'manager', approverName: 'bob' }),
        ])
        const actions = actionsOf(grant.sys_id!)
        expect(actions.map((a) => [a.type, a.state, a.priority, a.idempotency_key])).toEqual([
            ['grant', 'ready', '3', `grant:${grant.sys_id}`],
        ])
        expect(journalOf(ritm, 'comments').join()).toContain('approved by bob (manager')
        expect(glide.events.map((e) => e.name)).toContain(EVENT.approved)
        // Voting again does nothing more.
        decideAgain(grant.sys_id!)
        expect(actionsOf(grant.sys_id!)).toHaveLength(1)
        chainOk(grant.sys_id!)
    })

    it('needs a distinct second approver for a server; the manager in the security group cannot fill both', () => {
        const { grant } = order({ device: W.server, change_request: W.change })
        expect(grant.state).toBe('awaiting_approval')
        expect(
            approvalsOf(grant.sys_id!)
                .map((a) => a.approver)
                .sort(),
        ).toEqual([W.bob, W.bob, W.carol].sort())
        vote(grant.sys_id!, W.bob, 'approved', 'bob')
        expect(glide.row(TABLE.grant, grant.sys_id!)!.state).toBe('awaiting_approval')
        vote(grant.sys_id!, W.carol, 'approved', 'carol')
        expect(glide.row(TABLE.grant, grant.sys_id!)!.state).toBe('queued')
        expect(
            JSON.parse(glide.row(TABLE.grant, grant.sys_id!)!.approval_summary!).approvals.map(
                (a: { filled: string }) => a.filled,
            ),
        ).toEqual(['manager', 'second_approver'])
    })

    it('never counts a self-approval: the vote is refused with a message and recorded', () => {
        const { grant } = order()
        // Someone adds an approval for alice by hand; she tries to approve her own request.
        glide.insert(PLATFORM_TABLE.approval, {
            approver: W.alice,
            state: 'requested',
            document_id: grant.sys_id,
            source_table: TABLE.grant,
        })
        expect(vote(grant.sys_id!, W.alice, 'approved', 'alice')).toBeNull()
        expect(glide.messages.error.join()).toContain('cannot approve it')
        expect(glide.row(TABLE.grant, grant.sys_id!)!.state).toBe('awaiting_approval')
        expect(auditOf(grant.sys_id!).map((e) => e.event_type)).toContain('approval.self_refused')
        expect(actionsOf(grant.sys_id!)).toEqual([])
    })

    it('rejects when an approver rejects, telling the requester who and why', () => {
        const { ritm, grant } = order()
        vote(grant.sys_id!, W.bob, 'rejected', 'bob', 'Use the lab machine, not your own laptop')
        const after = glide.row(TABLE.grant, grant.sys_id!)!
        expect(after.state).toBe('rejected')
        expect(after.last_error).toBe('Rejected by bob: Use the lab machine, not your own laptop')
        expect(journalOf(ritm, 'comments').join()).toContain(
            'Rejected by bob: Use the lab machine, not your own laptop',
        )
        const rejected = glide.events.filter((e) => e.name === EVENT.rejected)
        expect(rejected.map((e) => e.parm2)).toEqual(['Rejected by bob: Use the lab machine, not your own laptop'])
        expect(actionsOf(grant.sys_id!)).toEqual([])
    })

    it('says so when the approver gave no reason (the plan comment on the approval is not theirs)', () => {
        const { grant } = order()
        vote(grant.sys_id!, W.bob, 'rejected', 'bob')
        expect(glide.row(TABLE.grant, grant.sys_id!)!.last_error).toBe('Rejected by bob (no comment given).')
    })

    it('lets an approver shorten the duration, never lengthen it, and re-freezes the plan', () => {
        const { grant } = order()
        const frozen = grant.plan_digest
        glide.setUser({ sysId: W.bob, userName: 'bob', roles: ['x_gbg_breakglass.approver'] })
        const set = (minutes: string): string | null => {
            const gr = new GlideRecord(TABLE.grant)
            gr.get(grant.sys_id!)
            gr.setValue('approved_duration', minutes)
            return gr.update()
        }
        expect(set('90')).toBeNull()
        expect(glide.messages.error.pop()).toContain('never lengthen')
        expect(set('2')).toBeNull()
        expect(glide.messages.error.pop()).toContain('policy minimum of 5')
        expect(set('30')).not.toBeNull()
        vote(grant.sys_id!, W.bob, 'approved', 'bob')
        const after = glide.row(TABLE.grant, grant.sys_id!)!
        expect(after.state).toBe('queued')
        expect(after.approved_duration).toBe('30')
        expect(after.plan_digest).not.toBe(frozen)
        const verified = verifyPlanDigest(after.plan!, after.plan_digest!)
        expect(verified.ok && verified.plan.durationMinutes).toBe(30)
        expect(JSON.parse(after.approval_summary!)).toMatchObject({ durationMinutes: 30, shortened: true })
        expect(auditOf(grant.sys_id!).map((e) => e.event_type)).toEqual(
            expect.arrayContaining(['approval.duration_shortened', 'plan.shortened']),
        )
        // Once queued, nobody can change it.
        expect(set('10')).toBeNull()
    })

    it('auto-approves by rule a P1/P2 incident responder, recorded as approved by rule', () => {
        // Issue 10: only under rules a second SecOps person confirmed, and only on an incident someone other than
        // the requester raised, prioritised and assigned (here dave, not alice).
        confirmSeededPolicies(W.erin, W.carol)
        glide.insert(PLATFORM_TABLE.incident, {
            sys_id: '4'.repeat(32),
            number: 'INC0010009',
            priority: 1,
            active: true,
            assignment_group: W.resolvers,
            opened_by: W.dave,
            sys_created_by: 'dave',
        })
        const { grant } = order({ emergency: 'true', incident: '4'.repeat(32), duration_minutes: '30' })
        const after = glide.row(TABLE.grant, grant.sys_id!)!
        expect(after.state).toBe('queued')
        expect(JSON.parse(after.approval_summary!)).toMatchObject({ by: 'rule', rule: 'P1/P2 on-call responder' })
        expect(approvalsOf(grant.sys_id!)).toEqual([])
        expect(actionsOf(grant.sys_id!)).toHaveLength(1)
        const audit = auditOf(grant.sys_id!)
        expect(audit.find((e) => e.event_type === 'request.approved')?.actor).toBe('rule:P1/P2 on-call responder')
        chainOk(grant.sys_id!)
    })

    it('does not queue when the kill switch is turned off between submit and approval', () => {
        const { grant } = order()
        glide.properties.set(PROPERTY.integrationEnabled, 'false')
        vote(grant.sys_id!, W.bob, 'approved', 'bob')
        const after = glide.row(TABLE.grant, grant.sys_id!)!
        expect(after.state).toBe('cancelled')
        expect(after.last_error).toContain('disabled')
        expect(actionsOf(grant.sys_id!)).toEqual([])
    })

    it('turns an Entra role request into a plan for the entra-role provider, high risk needing security', () => {
        const { grant } = order({ item: W.itemEntraRole, role: W.globalAdminRole, duration_minutes: '30' })
        expect(grant.state).toBe('awaiting_approval')
        expect(grant.provider).toBe('entra-role')
        expect(JSON.parse(grant.plan!).highRisk).toBe(true)
        expect(
            approvalsOf(grant.sys_id!)
                .map((a) => a.approver)
                .sort(),
        ).toEqual([W.bob, W.bob, W.carol].sort())
    })

    it('names the configured device provider in the plan, and refuses devices when it is not a known one', () => {
        glide.properties.set(PROPERTY.deviceAdminProvider, 'webhook')
        const webhook = order().grant
        expect(webhook.provider).toBe('webhook')
        expect(JSON.parse(webhook.plan!).provider).toBe('webhook')
        glide.properties.set(PROPERTY.deviceAdminProvider, 'ftp')
        const refused = order({ device: W.server, change_request: W.change }).grant
        expect(refused.state).toBe('policy_rejected')
        expect(refused.last_error).toContain('CONFIGURATION_INVALID')
    })

    it('epm: one open request per user on any device (EPM enforces it), pointing at the first', () => {
        glide.properties.set(PROPERTY.deviceAdminProvider, 'epm')
        const first = order().grant
        expect(first.state).toBe('awaiting_approval')
        expect(first.provider).toBe('epm')
        glide.insert(PLATFORM_TABLE.computer, {
            sys_id: '7'.repeat(32),
            name: 'PC-2',
            u_device_class: 'workstation',
            u_corp_managed: true,
        })
        const other = order({ device: '7'.repeat(32) }).grant
        expect(other.state).toBe('policy_rejected')
        expect(other.last_error).toContain('OPEN_REQUEST_FOR_USER')
        expect(other.last_error).toContain(`${first.number} (awaiting_approval)`)
        // Through a provider that scopes per target, the same second order is fine.
        glide.properties.set(PROPERTY.deviceAdminProvider, 'webhook')
        glide.insert(PLATFORM_TABLE.computer, {
            sys_id: '8'.repeat(32),
            name: 'PC-3',
            u_device_class: 'workstation',
            u_corp_managed: true,
        })
        expect(order({ device: '8'.repeat(32) }).grant.state).toBe('awaiting_approval')
    })

    it("epm: refuses a duration under EPM's 5-minute floor even when the policy allows it", () => {
        setPolicies(policies().map((p) => ({ ...p, minDurationMinutes: 1 })))
        glide.properties.set(PROPERTY.deviceAdminProvider, 'epm')
        const short = order({ duration_minutes: '3' }).grant
        expect(short.state).toBe('policy_rejected')
        expect(short.last_error).toContain('DURATION_BELOW_PROVIDER_MINIMUM')
        glide.properties.set(PROPERTY.deviceAdminProvider, 'webhook')
        glide.insert(PLATFORM_TABLE.computer, {
            sys_id: '9'.repeat(32),
            name: 'PC-4',
            u_device_class: 'workstation',
            u_corp_managed: true,
        })
        expect(order({ duration_minutes: '3', device: '9'.repeat(32) }).grant.state).toBe('awaiting_approval')
    })

    it('refuses rather than cut the approval route when the second-approver group is huge', () => {
        for (let i = 0; i < 800; i += 1) {
            const sysId = (0x7000 + i).toString(16).padStart(32, '0')
            glide.insert(PLATFORM_TABLE.user, { sys_id: sysId, user_name: `sec${i}`, active: true })
            glide.insert(PLATFORM_TABLE.groupMember, { user: sysId, group: W.security })
        }
        const { grant } = order({ device: W.server, change_request: W.change })
        expect(grant.state).toBe('policy_rejected')
        expect(grant.last_error).toContain('APPROVAL_ROUTE_TOO_LARGE')
        expect(approvalsOf(grant.sys_id!)).toEqual([])
    })

    it('ignores a RITM of another catalog item', () => {
        order({ item: '3'.repeat(32) })
        expect(grants()).toEqual([])
    })
})

describe('approval timeouts (watchdog job)', () => {
    const T0 = Date.UTC(2026, 10, 27, 10, 0, 0)
    const MIN = 60_000

    it('escalates after the policy timeout; an escalation approver may then approve', () => {
        const { grant } = order()
        glide.setNow(T0 + 59 * MIN)
        expect(runWatchdog().escalated).toEqual([])
        glide.setNow(T0 + 60 * MIN)
        expect(runWatchdog().escalated).toEqual([grant.number])
        expect(glide.row(TABLE.grant, grant.sys_id!)!.approval_stage).toBe('1')
        expect(approvalsOf(grant.sys_id!).map((a) => a.approver)).toEqual([W.bob, W.dave])
        expect(glide.events.filter((e) => e.name === EVENT.approvalRequested).map((e) => e.parm1)).toEqual([
            W.bob,
            W.dave,
        ])
        // Escalated once only.
        glide.setNow(T0 + 61 * MIN)
        expect(runWatchdog().escalated).toEqual([])
        vote(grant.sys_id!, W.dave, 'approved', 'dave')
        expect(glide.row(TABLE.grant, grant.sys_id!)!.state).toBe('queued')
        expect(JSON.parse(glide.row(TABLE.grant, grant.sys_id!)!.approval_summary!).approvals[0]).toMatchObject({
            slot: 'escalation',
            filled: 'manager',
        })
    })

    it('cancels after the second timeout and tells the requester', () => {
        const { ritm, grant } = order()
        glide.setNow(T0 + 60 * MIN)
        runWatchdog()
        glide.setNow(T0 + 120 * MIN)
        expect(runWatchdog().cancelled).toEqual([grant.number])
        expect(glide.row(TABLE.grant, grant.sys_id!)!.state).toBe('expired_unapproved')
        expect(approvalsOf(grant.sys_id!).map((a) => a.state)).toEqual(['cancelled', 'cancelled'])
        expect(journalOf(ritm, 'comments').join()).toContain('No approval decision was made in time')
        expect(glide.events.map((e) => e.name)).toContain(EVENT.cancelled)
        expect(actionsOf(grant.sys_id!)).toEqual([])
    })

    it('uses the 5-minute emergency timeout', () => {
        glide.insert(PLATFORM_TABLE.incident, {
            sys_id: '4'.repeat(32),
            number: 'INC0010010',
            priority: 2,
            active: true,
            caller_id: W.alice,
        })
        // A P2 incident where alice is the caller but not in the assignment group: no auto-approval.
        const { grant } = order({ emergency: 'true', incident: '4'.repeat(32), duration_minutes: '30' })
        expect(grant.state).toBe('awaiting_approval')
        glide.setNow(T0 + 5 * MIN)
        expect(runWatchdog().escalated).toEqual([grant.number])
    })
})

/** Re-run the decision as if another vote arrived (no effect on a queued grant). */
function decideAgain(grantSysId: string): void {
    const approval = new GlideRecord(PLATFORM_TABLE.approval)
    approval.addQuery('document_id', grantSysId)
    approval.query()
    approval.next()
    approval.setValue('state', 'approved')
    approval.update()
}
