import { describe, expect, it } from 'vitest'
import {
    approvalOutcome,
    approvalRoute,
    approvalSummaryText,
    approvalTimeoutStep,
    escalationAssignments,
} from '../src/approval'
import { evaluate } from '../src/policy'
import type { AccessRequest, Decision } from '../src/policy-types'
import { policyRule } from './fixtures'
import { validateProposal } from '../src/proposal'
import { duplicateRequestReason, mergeReasons, targetField, targetValue, ticketReasons } from '../src/tickets'
import { grantCorrelationId, watchdogFindings } from '../src/watchdog'

const id = (n: number): string => n.toString(16).padStart(32, '0')
const USER = id(1)
const OPENER = id(2)
const MANAGER = id(3)
const SECOND_A = id(4)
const SECOND_B = id(5)
const ESCALATION = id(6)
const GROUP_RESOLVERS = id(10)
const GROUP_SECURITY = id(11)
const CI = id(20)

const request = (over: Partial<AccessRequest> = {}): AccessRequest => ({
    requestedFor: {
        sysId: USER,
        userName: 'alice',
        email: 'alice@example.com',
        active: true,
        groupIds: [GROUP_RESOLVERS],
    },
    openedBy: USER,
    targetKind: 'device_local_admin',
    target: { ci: { sysId: CI, name: 'PC-1', deviceClass: 'workstation', corpManaged: true, production: false } },
    durationMinutes: 60,
    justification: 'Install the signed driver for the scanner',
    emergency: false,
    ...over,
})

const decision = (over: Partial<Decision> = {}): Decision => ({
    allowed: true,
    reasons: [],
    durationMinutes: 60,
    requiredApprovals: [{ kind: 'manager', reason: 'always' }],
    autoApprove: null,
    highRisk: false,
    policyName: 'p',
    approvalTimeoutMinutes: 60,
    escalationGroupId: '',
    ...over,
})

const incident = {
    sysId: id(30),
    number: 'INC0010001',
    priority: 1,
    active: true,
    callerId: id(99),
    assignedTo: '',
    assignmentGroupId: id(98),
    ciSysId: '',
}

describe('ticket validation', () => {
    it('accepts an incident the requester is involved in (caller, assignee, group member or the CI)', () => {
        expect(ticketReasons(request({ incident: { ...incident, callerId: USER } }))).toEqual([])
        expect(ticketReasons(request({ incident: { ...incident, assignedTo: USER } }))).toEqual([])
        expect(ticketReasons(request({ incident: { ...incident, assignmentGroupId: GROUP_RESOLVERS } }))).toEqual([])
        expect(ticketReasons(request({ incident: { ...incident, ciSysId: CI } }))).toEqual([])
    })

    it('refuses an incident and a change that do not involve the requester or the device', () => {
        const change = { sysId: id(31), number: 'CHG0000001', active: true, startMs: 0, endMs: 1, ciSysId: id(77) }
        const reasons = ticketReasons(request({ incident, change }))
        expect(reasons.map((r) => r.code)).toEqual(['INCIDENT_NOT_INVOLVED', 'CHANGE_NOT_INVOLVED'])
        expect(reasons[0]?.message).toContain('INC0010001')
        expect(ticketReasons(request({ change: { ...change, requestedBy: USER } }))).toEqual([])
        expect(ticketReasons(request({ change: { ...change, assignmentGroupId: GROUP_RESOLVERS } }))).toEqual([])
        expect(ticketReasons(request({ change: { ...change, ciSysId: CI } }))).toEqual([])
    })

    it('requires an incident for every emergency and reports it once with the policy reason', () => {
        const own = ticketReasons(request({ emergency: true }))
        expect(own.map((r) => r.code)).toEqual(['EMERGENCY_INCIDENT_REQUIRED'])
        const merged = mergeReasons([{ code: 'INCIDENT_REQUIRED', message: 'x' }], own)
        expect(merged.map((r) => r.code)).toEqual(['INCIDENT_REQUIRED'])
    })

    it('names the target field per kind and points a duplicate at the first request', () => {
        expect(targetField('device_local_admin')).toBe('target_ci')
        expect(targetField('entra_role')).toBe('target_role_id')
        expect(targetValue('entra_group', { groupId: 'g' })).toBe('g')
        expect(targetValue('console', {})).toBe('')
        expect(duplicateRequestReason('BGA0001001', 'active').message).toContain('BGA0001001')
    })
})

describe('approval routing', () => {
    it('routes to the manager and to every eligible member of the second-approver group', () => {
        const d = decision({
            requiredApprovals: [
                { kind: 'manager', reason: 'always' },
                { kind: 'second_approver', groupId: GROUP_SECURITY, reason: 'server' },
            ],
        })
        const route = approvalRoute(
            d,
            request(),
            { sysId: MANAGER, active: true },
            {
                [GROUP_SECURITY]: [SECOND_A, USER, SECOND_B, 'not-a-sys-id'],
            },
        )
        expect(route.ok).toBe(true)
        if (!route.ok) return
        expect(route.slots).toEqual(['manager', 'second_approver'])
        expect(route.assignments.map((a) => a.approverSysId)).toEqual([MANAGER, SECOND_A, SECOND_B])
    })

    it('refuses when no manager or no eligible second approver exists, or the manager opened the request', () => {
        const d = decision({
            requiredApprovals: [
                { kind: 'manager', reason: 'always' },
                { kind: 'second_approver', groupId: GROUP_SECURITY, reason: 'server' },
            ],
        })
        const none = approvalRoute(d, request(), null, { [GROUP_SECURITY]: [USER] })
        expect(none.ok).toBe(false)
        if (!none.ok)
            expect(none.reasons.map((r) => r.code)).toEqual(['MANAGER_UNAVAILABLE', 'SECOND_APPROVER_UNAVAILABLE'])
        const inactive = approvalRoute(decision(), request(), { sysId: MANAGER, active: false }, {})
        expect(inactive.ok).toBe(false)
        const self = approvalRoute(decision(), request({ openedBy: MANAGER }), { sysId: MANAGER, active: true }, {})
        expect(self.ok).toBe(false)
    })

    it('escalates to eligible members not asked before', () => {
        const a = escalationAssignments(request(), id(12), [ESCALATION, USER, MANAGER], [MANAGER])
        expect(a).toEqual([{ slot: 'escalation', approverSysId: ESCALATION, groupId: id(12) }])
    })
})

describe('approval outcome', () => {
    const slots = ['manager', 'second_approver'] as const
    it('is pending until every slot has an approval from a distinct person', () => {
        const req = request()
        expect(
            approvalOutcome(req, [...slots], [{ slot: 'manager', approverSysId: MANAGER, state: 'approved' }]).status,
        ).toBe('pending')
        const done = approvalOutcome(
            req,
            [...slots],
            [
                { slot: 'manager', approverSysId: MANAGER, state: 'approved' },
                { slot: 'second_approver', approverSysId: SECOND_A, state: 'approved' },
                { slot: 'second_approver', approverSysId: SECOND_B, state: 'requested' },
            ],
        )
        expect(done.status).toBe('approved')
        expect(done.approvals.map((a) => [a.filled, a.approverSysId])).toEqual([
            ['manager', MANAGER],
            ['second_approver', SECOND_A],
        ])
        // The manager also sits in the security group: one person cannot fill both slots.
        const twice = approvalOutcome(
            req,
            [...slots],
            [
                { slot: 'manager', approverSysId: MANAGER, state: 'approved' },
                { slot: 'second_approver', approverSysId: MANAGER, state: 'approved' },
            ],
        )
        expect(twice.status).toBe('pending')
    })

    it('ignores a self-approval and reports it, never counting it', () => {
        const out = approvalOutcome(
            request({ openedBy: OPENER }),
            ['manager'],
            [
                { slot: 'manager', approverSysId: OPENER, state: 'approved' },
                { slot: 'manager', approverSysId: USER, state: 'rejected' },
            ],
        )
        expect(out.status).toBe('pending')
        expect(out.ignored).toHaveLength(2)
    })

    it('rejects on any eligible rejection and lets escalation approvals fill open slots', () => {
        const rejected = approvalOutcome(
            request(),
            ['manager'],
            [{ slot: 'escalation', approverSysId: ESCALATION, state: 'rejected', comments: 'no' }],
        )
        expect(rejected.status).toBe('rejected')
        expect(rejected.rejection?.approverSysId).toBe(ESCALATION)
        const escalated = approvalOutcome(
            request(),
            ['manager'],
            [
                { slot: 'manager', approverSysId: MANAGER, state: 'requested' },
                { slot: 'escalation', approverSysId: ESCALATION, state: 'approved' },
            ],
        )
        expect(escalated.status).toBe('approved')
        expect(escalated.approvals[0]).toMatchObject({ slot: 'escalation', filled: 'manager' })
        expect(approvalOutcome(request(), [], []).status).toBe('pending')
    })
})

describe('approval timeout', () => {
    const min = 60000
    it('waits, escalates after one timeout and cancels after two', () => {
        expect(approvalTimeoutStep(0, 0, 5, 60, true, 4 * min)).toBe('wait')
        expect(approvalTimeoutStep(0, 0, 5, 60, true, 5 * min)).toBe('escalate')
        expect(approvalTimeoutStep(1, 0, 5, 60, true, 6 * min)).toBe('wait')
        expect(approvalTimeoutStep(1, 0, 5, 60, true, 10 * min)).toBe('cancel')
        expect(approvalTimeoutStep(0, 0, 5, 60, false, 5 * min)).toBe('wait')
        expect(approvalTimeoutStep(0, 0, 5, 60, false, 10 * min)).toBe('cancel')
        expect(approvalTimeoutStep(0, 0, 0, 60, true, 60 * min)).toBe('escalate')
        expect(approvalTimeoutStep(0, 10 * min, 5, 60, true, 0)).toBe('wait')
    })

    it('summarises who approved, by rule or by person', () => {
        expect(
            approvalSummaryText({
                by: 'rule',
                rule: 'P1 on-call',
                approvals: [],
                durationMinutes: 30,
                shortened: false,
                policy: 'p',
            }),
        ).toBe('approved by rule "P1 on-call"; duration 30 minutes; policy p.')
        expect(
            approvalSummaryText({
                by: 'people',
                approvals: [{ slot: 'manager', filled: 'manager', approver: MANAGER, approverName: 'bob', at: 't' }],
                durationMinutes: 30,
                shortened: true,
                policy: 'p',
            }),
        ).toContain('bob (manager, t)')
    })
})

describe('approval routing from a real policy decision', () => {
    it('auto-approves the on-call responder of a P1 and asks a manager otherwise', () => {
        const policy = policyRule({
            name: 'local admin',
            emergencyMaxDurationMinutes: 30,
            incidentRequiredForEmergency: true,
            autoApproveRules: [
                {
                    name: 'P1 on-call',
                    requireIncidentPriorityAtMost: 2,
                    requireRequesterInIncidentGroup: true,
                    targetKinds: ['device_local_admin'],
                    maxDurationMinutes: 30,
                },
            ],
        })
        const ctx = { nowMs: 0, integrationEnabled: true, defaultMaxDurationMinutes: 240 }
        const onCall = request({
            emergency: true,
            durationMinutes: 30,
            // Raised, prioritised and assigned by someone else (the service desk), as the rule requires.
            incident: {
                ...incident,
                assignmentGroupId: GROUP_RESOLVERS,
                openedBy: id(97),
                prioritySetBy: [id(97)],
                assignmentSetBy: [id(97)],
            },
        })
        const auto = evaluate(onCall, [policy], ctx)
        expect(auto.autoApprove).toEqual({ rule: 'P1 on-call' })
        expect(approvalRoute(auto, onCall, null, {})).toEqual({ ok: true, slots: [], assignments: [] })
        const normal = evaluate(request(), [policy], ctx)
        const route = approvalRoute(normal, request(), { sysId: MANAGER, active: true }, {})
        expect(route).toEqual({
            ok: true,
            slots: ['manager'],
            assignments: [{ slot: 'manager', approverSysId: MANAGER, groupId: '' }],
        })
    })
})

describe('watchdog findings', () => {
    const base = {
        nowMs: 100 * 60000,
        graceMinutes: 5,
        heartbeatStaleMinutes: 10,
        executors: [{ name: 'a', lastPollAtMs: 99 * 60000, lastClaimAtMs: null }],
    }
    const grant = { sysId: id(40), number: 'BGA1', state: 'active', expiresAtMs: 90 * 60000, highRisk: false }

    it('raises a P2 for an overdue grant (P1 when high risk) and re-queues the revoke when none is live', () => {
        const out = watchdogFindings({
            ...base,
            grants: [grant, { ...grant, sysId: id(41), number: 'BGA2', highRisk: true }],
            actions: [],
        })
        expect(out.grants.map((g) => [g.grantNumber, g.priority, g.requeueRevoke])).toEqual([
            ['BGA1', 2, true],
            ['BGA2', 1, true],
        ])
        expect(out.grants[0]?.correlationId).toBe(grantCorrelationId(id(40)))
        expect(out.heartbeat).toBeNull()
    })

    it('does nothing within the grace, and does not re-queue while a revoke is live', () => {
        expect(
            watchdogFindings({ ...base, grants: [{ ...grant, expiresAtMs: 96 * 60000 }], actions: [] }).grants,
        ).toEqual([])
        const live = {
            sysId: id(50),
            number: 'BGQ1',
            grantSysId: id(40),
            type: 'revoke',
            state: 'claimed',
            leaseOwner: 'exec-a',
            leaseUntilMs: 101 * 60000,
            notBeforeMs: 90 * 60000,
        }
        const out = watchdogFindings({ ...base, grants: [grant], actions: [live] })
        expect(out.grants[0]?.requeueRevoke).toBe(false)
        expect(watchdogFindings({ ...base, grants: [{ ...grant, state: 'revoked' }], actions: [] }).grants).toEqual([])
        // A revoke scheduled for later does not help a grant already overdue.
        const later = { ...live, state: 'ready', leaseOwner: '', leaseUntilMs: null, notBeforeMs: 120 * 60000 }
        expect(watchdogFindings({ ...base, grants: [grant], actions: [later] }).grants[0]?.requeueRevoke).toBe(true)
        const due = { ...later, notBeforeMs: 99 * 60000 }
        expect(watchdogFindings({ ...base, grants: [grant], actions: [due] }).grants[0]?.requeueRevoke).toBe(false)
    })

    it('reports actions stuck past their lease and revokes nobody picked up', () => {
        const stuck = {
            sysId: id(51),
            number: 'BGQ2',
            grantSysId: id(42),
            type: 'grant',
            state: 'claimed',
            leaseOwner: 'exec-b',
            leaseUntilMs: 80 * 60000,
            notBeforeMs: 70 * 60000,
        }
        const unpicked = {
            ...stuck,
            sysId: id(52),
            number: 'BGQ3',
            grantSysId: id(43),
            type: 'revoke',
            state: 'ready',
            leaseOwner: '',
            leaseUntilMs: null,
        }
        const grants = [
            { ...grant, sysId: id(42), number: 'BGA3', state: 'granting', expiresAtMs: null },
            { ...grant, sysId: id(43), number: 'BGA4', expiresAtMs: 200 * 60000, highRisk: true },
        ]
        const out = watchdogFindings({ ...base, grants, actions: [stuck, unpicked] })
        expect(out.grants.map((g) => [g.kind, g.grantNumber, g.priority, g.requeueRevoke])).toEqual([
            ['stuck_action', 'BGA3', 2, true],
            ['stuck_action', 'BGA4', 1, true],
        ])
        expect(out.grants[0]?.message).toContain('exec-b')
    })

    it('raises the heartbeat finding when no executor polled recently and there is work or an executor', () => {
        expect(watchdogFindings({ ...base, executors: [], grants: [], actions: [] }).heartbeat).toBeNull()
        const stale = watchdogFindings({
            ...base,
            executors: [{ name: 'a', lastPollAtMs: 80 * 60000, lastClaimAtMs: 85 * 60000 }],
            grants: [],
            actions: [],
        })
        expect(stale.heartbeat?.lastSeenMs).toBe(85 * 60000)
        const never = watchdogFindings({
            ...base,
            executors: [],
            grants: [],
            actions: [
                {
                    sysId: id(53),
                    number: 'Q',
                    grantSysId: id(44),
                    type: 'grant',
                    state: 'ready',
                    leaseOwner: '',
                    leaseUntilMs: null,
                    notBeforeMs: null,
                },
            ],
        })
        expect(never.heartbeat?.message).toContain('never')
    })
})

describe('proposal validation', () => {
    const valid = {
        requested_for: 'alice',
        target_kind: 'device_local_admin',
        device: CI,
        duration_minutes: 30,
        justification: 'Reinstall the VPN client after the failed update',
        incident: 'INC0010001',
    }
    it('accepts a well-formed proposal', () => {
        const out = validateProposal(valid)
        expect(out).toMatchObject({
            ok: true,
            proposal: {
                requestedFor: 'alice',
                device: CI,
                durationMinutes: 30,
                incident: 'INC0010001',
                emergency: false,
            },
        })
        expect(
            validateProposal({
                requested_for: USER,
                target_kind: 'entra_role',
                role_id: '62e90394-69f5-4237-9190-012177145e10',
                duration_minutes: 5,
                justification: 'x'.repeat(20),
            }).ok,
        ).toBe(true)
    })

    it('refuses every problem at once, with the field named', () => {
        const out = validateProposal({
            requested_for: "alice' OR 1=1",
            target_kind: 'device_local_admin',
            duration_minutes: 2000,
            justification: 'short',
            incident: 'INC1^ORactive=true',
            state: 'approved',
            emergency: 'yes',
            role_id: 'x',
        })
        expect(out.ok).toBe(false)
        if (out.ok) return
        const fields = out.errors.map((e) => e.field).sort()
        expect(fields).toEqual(
            [
                'device',
                'duration_minutes',
                'emergency',
                'incident',
                'justification',
                'requested_for',
                'role_id',
                'role_id',
                'state',
            ].sort(),
        )
    })

    it('refuses a body that is not an object, unknown kinds and non-integer durations', () => {
        expect(validateProposal([]).ok).toBe(false)
        expect(validateProposal(null).ok).toBe(false)
        const bad = validateProposal({ ...valid, target_kind: 'root', duration_minutes: 1.5 })
        expect(bad.ok).toBe(false)
        if (!bad.ok) expect(bad.errors.map((e) => e.field)).toEqual(['target_kind', 'duration_minutes'])
    })
})

describe('plan text', () => {
    it('renders what the executor will do, with the digest', async () => {
        const { buildPlan, planDigest } = await import('../src/plan')
        const { planText } = await import('../src/plan-text')
        const plan = buildPlan({
            grantSysId: id(60),
            grantNumber: 'BGA0001001',
            request: request({ incident }),
            durationMinutes: 30,
            highRisk: false,
            ritmNumber: 'RITM0010001',
        })
        const text = planText(plan, planDigest(plan))
        expect(text).toContain('BGA0001001')
        expect(text).toContain('local administrator on device PC-1 (workstation)')
        expect(text).toContain('30 minutes')
        expect(text).toContain('request RITM0010001, incident INC0010001')
        expect(text).toContain(planDigest(plan))
    })
})
