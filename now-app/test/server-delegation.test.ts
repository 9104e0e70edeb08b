/**
 * Delegated votes (issue 11; contracts/servicenow-rest.md "Glide values": "`gs.getUserID()` is the session user
 * who acts … a delegate (`sys_user_delegate`, approvals = true), `approval_admin` and `admin` may act on approvals
 * that are not theirs"; ServiceNow docs "Delegate approvals and tasks to another user"). The app lets the approver's
 * current delegate for approvals, an approval_admin or an admin act on an approval it created, records the person
 * who acted as the voter with whom they acted for, never lets the requester approve their own request by any
 * authority, and never lets one person fill two slots. The executor's gate counts such a recorded vote.
 *
 * Attacks first, then the votes that count.
 */
import { beforeEach, describe, expect, it } from 'vitest'

import { glide } from './support/glide-fake'
import { castVote, orderItem } from './support/app-actions'
import { W, actionsOf, approvalsOf, auditOf, buildWorld, grants, id, journalOf } from './support/app-world'
import { judgeApprovals, parseStoredRoute } from '../../executor/src/approval-gate'
import type { AuditEventRecord, UserRecord } from '../../executor/src/ports'
import { PLATFORM_TABLE, TABLE } from '../../shared/src/schema'

const HOUR = 3600_000
const NOW = Date.UTC(2026, 10, 27, 10, 0, 0)
const at = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

/** More people: bob's delegate, carol's delegate, an approval administrator, an admin. */
const P = { dana: id(0xda), frank: id(0xf0), ava: id(0xa7), adam: id(0xad) }
const NAMES: Record<string, string> = {
    [W.alice]: 'alice',
    [W.bob]: 'bob',
    [W.carol]: 'carol',
    [P.dana]: 'dana',
    [P.frank]: 'frank',
    [P.ava]: 'ava',
    [P.adam]: 'adam',
}

/** Delegation row: `delegate` may act for `user` (defaults: approvals, from an hour ago to an hour from now). */
function delegate(
    user: string,
    to: string,
    o: { approvals?: boolean; starts?: string; ends?: string; createdBy?: string } = {},
): void {
    glide.insert('sys_user_delegate', {
        user,
        delegate: to,
        approvals: o.approvals ?? true,
        starts: o.starts ?? at(NOW - HOUR),
        ends: o.ends ?? at(NOW + HOUR),
        // The approver sets up their own delegates (Self-Service > My Profile > Delegates).
        sys_created_by: o.createdBy ?? NAMES[user]!,
    })
}

/** Order the local-admin item as alice (a server: manager bob + second approver from security, carol or bob). */
function order(device = W.workstation, change = ''): Record<string, string> {
    const ritm = orderItem(W.itemLocalAdmin, W.alice, {
        requested_for: W.alice,
        device,
        role: '',
        duration_minutes: '60',
        justification: 'Install the signed scanner driver for the lab',
        incident: '',
        change_request: change,
        emergency: 'false',
    })
    const grant = grants().find((g) => g.ritm === ritm)!
    expect(grant.state).toBe('awaiting_approval')
    return grant
}

/** The approval of `grantSysId` assigned to `approver`, the `nth` one when they hold several. */
function approvalOf(grantSysId: string, approver: string, nth = 0): string {
    const found = approvalsOf(grantSysId).filter((a) => a.approver === approver)[nth]
    if (!found) throw new Error(`no approval for ${approver}`)
    return found.sys_id!
}

/** Vote as `who` (session user, with `roles`) on an approval. */
function voteAs(
    who: string,
    approvalSysId: string,
    state: 'approved' | 'rejected' = 'approved',
    roles: string[] = [],
    comment = '',
): string | null {
    glide.setUser({ sysId: who, userName: NAMES[who]!, roles })
    return castVote(approvalSysId, state, comment)
}

const grantRow = (sysId: string): Record<string, string> => glide.row(TABLE.grant, sysId)!
const events = (sysId: string, type: string): Record<string, unknown>[] =>
    auditOf(sysId)
        .filter((e) => e.event_type === type)
        .map((e) => JSON.parse(e.payload!) as Record<string, unknown>)

/** The refusal the app recorded: vote not stored, grant unchanged, reason on the grant, ticket and audit trail. */
function expectRefused(
    grant: Record<string, string>,
    approval: string,
    result: string | null,
    reason: RegExp,
    event: string,
): void {
    expect(result).toBeNull()
    expect(glide.row(PLATFORM_TABLE.approval, approval)!.state).toBe('requested')
    expect(grantRow(grant.sys_id!).state).toBe('awaiting_approval')
    expect(grantRow(grant.sys_id!).last_error).toMatch(reason)
    expect(journalOf(grant.ritm!, 'work_notes').join('\n')).toMatch(reason)
    expect(events(grant.sys_id!, event).map((p) => String(p.reason))).toEqual([expect.stringMatching(reason)])
    expect(events(grant.sys_id!, 'approval.vote')).toEqual([])
    expect(actionsOf(grant.sys_id!)).toEqual([])
}

/** What the executor's recheck gate decides on the grant's records (executor/src/approval-gate.ts). */
function executorGate(grantSysId: string): ReturnType<typeof judgeApprovals> {
    const g = grantRow(grantSysId)
    const users = new Map<string, UserRecord | null>()
    for (const [sysId, userName] of Object.entries(NAMES)) {
        users.set(sysId, { sysId, userName, email: `${userName}@example.com`, active: true, groupSysIds: [] })
    }
    const votes: AuditEventRecord[] = auditOf(grantSysId)
        .filter((e) => e.event_type === 'approval.vote')
        .map((e) => ({
            sequence: Number(e.sequence),
            eventType: e.event_type!,
            actor: e.actor!,
            payload: JSON.parse(e.payload!) as Record<string, unknown>,
        }))
    return judgeApprovals({
        request: {
            requestedFor: { sysId: g.requested_for!, userName: '', email: '', active: true, groupIds: [] },
            openedBy: g.opened_by!,
            targetKind: 'device_local_admin',
            target: {},
            durationMinutes: 0,
            justification: '',
            emergency: false,
        },
        route: parseStoredRoute(g.policy_decision!),
        approvals: approvalsOf(grantSysId).map((a) => ({
            sysId: a.sys_id!,
            approverSysId: a.approver!,
            state: a.state!,
            updatedOn: new Date(NOW),
        })),
        votes,
        digest: g.plan_digest!,
        users,
    })
}

beforeEach(() => {
    buildWorld()
    for (const sysId of [P.dana, P.frank, P.ava, P.adam]) {
        const name = NAMES[sysId]!
        glide.insert(PLATFORM_TABLE.user, {
            sys_id: sysId,
            user_name: name,
            name,
            email: `${name}@example.com`,
            active: true,
        })
    }
})

describe('delegated votes: attacks refused with a clear reason', () => {
    it('a delegate whose delegation ended', () => {
        delegate(W.bob, P.dana, { starts: at(NOW - 48 * HOUR), ends: at(NOW - HOUR) })
        const grant = order()
        const approval = approvalOf(grant.sys_id!, W.bob)
        expectRefused(
            grant,
            approval,
            voteAs(P.dana, approval),
            /delegation from bob does not count: it ended at 2026-11-27 09:00:00 UTC/,
            'approval.refused',
        )
    })

    it('a delegate whose delegation has not started yet', () => {
        delegate(W.bob, P.dana, { starts: at(NOW + HOUR), ends: at(NOW + 48 * HOUR) })
        const grant = order()
        const approval = approvalOf(grant.sys_id!, W.bob)
        expectRefused(
            grant,
            approval,
            voteAs(P.dana, approval),
            /it starts at 2026-11-27 11:00:00 UTC/,
            'approval.refused',
        )
    })

    it('a delegation without approvals = true', () => {
        delegate(W.bob, P.dana, { approvals: false })
        const grant = order()
        const approval = approvalOf(grant.sys_id!, W.bob)
        expectRefused(grant, approval, voteAs(P.dana, approval), /it does not include approvals/, 'approval.refused')
    })

    it('a delegation the requester created for an accomplice', () => {
        delegate(W.bob, P.dana, { createdBy: 'alice' })
        const grant = order()
        const approval = approvalOf(grant.sys_id!, W.bob)
        expectRefused(
            grant,
            approval,
            voteAs(P.dana, approval),
            /it was created by alice, a party to this request/,
            'approval.refused',
        )
    })

    it('the requester as the delegate of their own approver', () => {
        delegate(W.bob, W.alice)
        const grant = order()
        const approval = approvalOf(grant.sys_id!, W.bob)
        expectRefused(
            grant,
            approval,
            voteAs(W.alice, approval),
            /person the access is for cannot approve it/,
            'approval.self_refused',
        )
    })

    it('an admin voting on their own request (and an approval_admin likewise)', () => {
        const grant = order()
        const approval = approvalOf(grant.sys_id!, W.bob)
        expectRefused(
            grant,
            approval,
            voteAs(W.alice, approval, 'approved', ['admin']),
            /person the access is for cannot approve it/,
            'approval.self_refused',
        )
        expect(voteAs(W.alice, approval, 'approved', ['approval_admin'])).toBeNull()
        expect(grantRow(grant.sys_id!).state).toBe('awaiting_approval')
    })

    it("someone with no delegation and no approval role: not the approver's stand-in", () => {
        const grant = order()
        const approval = approvalOf(grant.sys_id!, W.bob)
        expectRefused(
            grant,
            approval,
            voteAs(P.dana, approval, 'approved', ['x_gbg_breakglass.approver']),
            /not the approver this approval was assigned to, nor their current delegate/,
            'approval.refused',
        )
    })

    it('one person cannot fill two slots: a delegate of both approvers, or an approver whose delegate already voted for them', () => {
        delegate(W.bob, P.dana)
        delegate(W.carol, P.dana)
        const grant = order(W.server, W.change)
        // bob holds the manager approval and a second-approver one (he is in security); carol the other.
        const manager = approvalOf(grant.sys_id!, W.bob, 0)
        const bobSecond = approvalOf(grant.sys_id!, W.bob, 1)
        const carolSecond = approvalOf(grant.sys_id!, W.carol)
        expect(voteAs(P.dana, manager)).not.toBeNull()
        expect(voteAs(P.dana, carolSecond)).toBeNull()
        expect(grantRow(grant.sys_id!).last_error).toMatch(/dana for carol refused: one person fills one approval slot/)
        // bob was used through his delegate: he cannot fill the second slot himself.
        expect(voteAs(W.bob, bobSecond)).toBeNull()
        expect(grantRow(grant.sys_id!).last_error).toMatch(/bob refused: one person fills one approval slot/)
        expect(grantRow(grant.sys_id!).state).toBe('awaiting_approval')
        expect(events(grant.sys_id!, 'approval.vote')).toHaveLength(1)
        expect(executorGate(grant.sys_id!)).toMatchObject({ ok: false, code: 'APPROVAL_MISSING' })
        // carol herself completes it.
        expect(voteAs(W.carol, carolSecond)).not.toBeNull()
        expect(grantRow(grant.sys_id!).state).toBe('queued')
        expect(executorGate(grant.sys_id!)).toMatchObject({ ok: true })
    })
})

describe('delegated votes that count', () => {
    it("the approver's current delegate approves: recorded as who acted, for whom; the executor's gate counts it", () => {
        delegate(W.bob, P.dana)
        const grant = order()
        expect(voteAs(P.dana, approvalOf(grant.sys_id!, W.bob))).not.toBeNull()
        expect(grantRow(grant.sys_id!).state).toBe('queued')
        expect(actionsOf(grant.sys_id!)).toHaveLength(1)
        const [recorded] = events(grant.sys_id!, 'approval.vote')
        expect(recorded).toMatchObject({
            voter: P.dana,
            onBehalfOf: W.bob,
            authority: 'delegate',
            slot: 'manager',
            decision: 'approved',
        })
        expect(auditOf(grant.sys_id!).find((e) => e.event_type === 'approval.vote')!.actor).toBe('dana')
        const summary = JSON.parse(grantRow(grant.sys_id!).approval_summary!) as {
            approvals: { approver: string; approverName: string }[]
        }
        expect(summary.approvals).toEqual([expect.objectContaining({ approver: P.dana, approverName: 'dana for bob' })])
        expect(executorGate(grant.sys_id!)).toMatchObject({ ok: true })
    })

    it('an approval_admin and an admin may act on approvals not theirs (recorded with their authority)', () => {
        const first = order()
        expect(voteAs(P.ava, approvalOf(first.sys_id!, W.bob), 'approved', ['approval_admin'])).not.toBeNull()
        expect(events(first.sys_id!, 'approval.vote')[0]).toMatchObject({
            voter: P.ava,
            onBehalfOf: W.bob,
            authority: 'approval_admin',
        })
        expect(grantRow(first.sys_id!).state).toBe('queued')
        glide.setUser({ sysId: W.alice, userName: 'alice', roles: [] })
        const second = order(W.server, W.change)
        expect(voteAs(P.adam, approvalOf(second.sys_id!, W.bob, 0), 'approved', ['admin'])).not.toBeNull()
        expect(events(second.sys_id!, 'approval.vote')[0]).toMatchObject({
            voter: P.adam,
            onBehalfOf: W.bob,
            authority: 'admin',
        })
        expect(voteAs(W.carol, approvalOf(second.sys_id!, W.carol))).not.toBeNull()
        expect(grantRow(second.sys_id!).state).toBe('queued')
        expect(executorGate(second.sys_id!)).toMatchObject({ ok: true })
    })

    it("a delegate's rejection names who acted and for whom, with their comment", () => {
        delegate(W.bob, P.dana, { ends: '' })
        const grant = order()
        expect(voteAs(P.dana, approvalOf(grant.sys_id!, W.bob), 'rejected', [], 'Not during the freeze')).not.toBeNull()
        expect(grantRow(grant.sys_id!).state).toBe('rejected')
        expect(grantRow(grant.sys_id!).last_error).toBe('Rejected by dana for bob: Not during the freeze')
    })

    it("the executor's gate does not count a vote for another approver recorded without a stand-in authority", () => {
        delegate(W.bob, P.dana)
        const grant = order()
        expect(voteAs(P.dana, approvalOf(grant.sys_id!, W.bob))).not.toBeNull()
        // Someone rewrites the recorded authority (the gate reads the payload): the vote no longer counts.
        const event = auditOf(grant.sys_id!).find((e) => e.event_type === 'approval.vote')!
        const row = glide.rows(TABLE.auditEvent).find((e) => e.sys_id === event.sys_id)!
        row.payload = JSON.stringify({ ...JSON.parse(row.payload!), authority: 'approver' })
        expect(executorGate(grant.sys_id!)).toMatchObject({ ok: false, code: 'APPROVAL_MISSING' })
    })
})
