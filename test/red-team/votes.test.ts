/**
 * Red team, part "votes" (issue 10 attacks 2, 3, 6 and 9b): people who may not approve a request try to get
 * it approved anyway — by voting on someone else's approval record, by inserting approval records, by proposing
 * access for their own admin account through an assistant and approving it, or by changing the approved duration.
 *
 * The world: the ServiceNow emulator with the app's real server modules (business rules wired as in Fluent), the
 * webhook emulator and the real executor in process, all on one virtual clock. Every attack is done as the
 * attacker (`app.as(user, …)`: the session user whose gs.getUserID() the app sees); then the executor gets time
 * to poll. Each must end with 0 provider calls, the reason on the grant and the RITM, and an audit event.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { GRANT_FIELDS, PLATFORM_TABLE, ROLE, TABLE } from '@gbg/shared'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { callProposalApi, castVote } from '../../now-app/test/support/app-actions'
import { formatGlideDateTime } from '../emulators/servicenow'
import type { AppRuntime } from '../support/app-on-emulator'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runFor } from '../support/virtual-time'
import type { World } from '../e2e/support/world'
import { auditEvents, expectRefused, providerWrites, startRedTeamWorld, type RedTeamWorld } from './support'

let rt: RedTeamWorld
let world: World
let app: AppRuntime
let executor: InProcessExecutor
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))

/** People the attacks need besides the scenario's requester (alice), manager (marcus) and SecOps (sam). */
const people = {
    colleague: { userName: 'oscar.diaz', sysId: '' }, // opens a request for alice
    stranger: { userName: 'eve.stone', sysId: '' }, // an approver of other requests
    adminAccount: { userName: 'marcus.lee-adm', sysId: '' }, // marcus's own admin account
    bot: { userName: 'teams-bot', sysId: '' }, // the assistant calling the proposal API
}
/** A production workstation (change + second approver required) and its change record. */
let production = { ci: '', change: '' }

beforeAll(async () => {
    rt = await startRedTeamWorld({ clock })
    world = rt.world
    app = rt.app
    const { sn, base } = world
    const add = (userName: string, roles: string[], extra: { manager?: string; email?: string } = {}): string =>
        sn.addUser({
            userName,
            firstName: userName.split('.')[0]!,
            lastName: 'Test',
            email: extra.email ?? `${userName}@contoso.example`,
            roles,
            groups: [],
            manager: extra.manager,
        })
    people.colleague.sysId = add(people.colleague.userName, [ROLE.requester])
    people.stranger.sysId = add(people.stranger.userName, [ROLE.approver])
    // Marcus's admin account: same mailbox as marcus, and marcus as its manager (how the directory links them).
    people.adminAccount.sysId = add(people.adminAccount.userName, [], {
        manager: base.manager.sysId,
        email: base.manager.email,
    })
    people.bot.sysId = add(people.bot.userName, [ROLE.proposer])
    const ci = sn.store.insert(PLATFORM_TABLE.computer, {
        name: 'WS-TRADING-07',
        u_device_class: 'workstation',
        u_corp_managed: 'true',
        used_for: 'Production',
        assigned_to: base.requester.sysId,
    })['sys_id']!
    const change = sn.store.insert(PLATFORM_TABLE.change, {
        short_description: 'Trading workstation driver update',
        active: 'true',
        start_date: formatGlideDateTime(new Date(clock.nowMs() - 3600_000)),
        end_date: formatGlideDateTime(new Date(clock.nowMs() + 8 * 3600_000)),
        cmdb_ci: ci,
        requested_by: base.requester.sysId,
        assigned_to: base.requester.sysId,
    })['sys_id']!
    production = { ci, change }
    executor = await startInProcessExecutor(world.env('red-team-votes'), clock)
})

afterEach(() => {
    // End whatever the attack left open, so the next attack may ask for the same target again.
    for (const g of world.sn.store.list(TABLE.grant, (r) =>
        ['requested', 'awaiting_approval', 'queued'].includes(r[GRANT_FIELDS.state] ?? ''),
    )) {
        world.sn.store.update(TABLE.grant, g['sys_id']!, { [GRANT_FIELDS.state]: 'cancelled' })
    }
})

afterAll(async () => {
    await executor?.stop()
    await rt?.close()
})

/** `opener` orders local admin for `requestedFor` on `ci` (production CIs come with their change). */
function order(options: { opener?: string; requestedFor?: string; ci?: string; minutes?: number } = {}): {
    ritm: string
    grant: string
} {
    const ci = options.ci ?? world.base.ci.sysId
    const { grantSysId, ritmSysId } = rt.orderGrant({
        opener: options.opener,
        requestedFor: options.requestedFor,
        ci,
        minutes: options.minutes ?? 60,
        justification: 'Install and debug the vendor VPN client driver on the workstation',
        changeRequest: ci === production.ci ? production.change : '',
    })
    return { ritm: ritmSysId, grant: grantSysId }
}

/** The grant's approval records assigned to `approverSysId`. */
function approvalFor(grantSysId: string, approverSysId: string): string {
    const found = world.sn.store.list(
        PLATFORM_TABLE.approval,
        (a) => a['document_id'] === grantSysId && a['approver'] === approverSysId,
    )[0]
    if (!found) throw new Error(`no approval for ${approverSysId}`)
    return found['sys_id']!
}

/** `userName` sets the approval's state, as the platform's approval UI would. */
function voteAs(userName: string, approvalSysId: string, state: 'approved' | 'rejected' = 'approved'): string | null {
    return app.as(userName, () => castVote(approvalSysId, state))
}

/** `userName` inserts an approval record for the grant (a write path the platform offers: form, import, API). */
function insertApprovalAs(userName: string, grantSysId: string, ritm: string, approver: string): string | null {
    return app.as(userName, () => {
        const gr = new GlideRecord(PLATFORM_TABLE.approval)
        gr.initialize()
        gr.setValue('approver', approver)
        gr.setValue('state', 'approved')
        gr.setValue('source_table', TABLE.grant)
        gr.setValue('document_id', grantSysId)
        gr.setValue('sysapproval', ritm)
        return gr.insert()
    })
}

/** `userName` sets approved_duration on the grant form. */
function setDurationAs(userName: string, grantSysId: string, minutes: string): string | null {
    return app.as(userName, () => {
        const gr = new GlideRecord(TABLE.grant)
        gr.get(grantSysId)
        gr.setValue(GRANT_FIELDS.approvedDuration, minutes)
        return gr.update()
    })
}

/** Give the executor time to poll (and grant anything queued), then judge the outcome. */
async function settleAndExpectRefused(grant: string, ritm: string, reason: RegExp, eventTypes: string[]) {
    await runFor(clock, 15_000)
    expectRefused({
        store: world.sn.store,
        grantSysId: grant,
        ritmSysId: ritm,
        reason,
        eventTypes,
        providers: { webhook: world.webhook },
    })
    expect(world.sn.store.list(TABLE.action, (a) => a['grant'] === grant)).toEqual([])
}

const REFUSED_VOTE = ['approval.self_refused', 'approval.refused']

describe('red team: voting as someone else (attack 2)', () => {
    it("the requester approves the manager's approval record", async () => {
        const { base } = world
        const { ritm, grant } = order()
        expect(voteAs(base.requester.userName, approvalFor(grant, base.manager.sysId))).toBeNull()
        await settleAndExpectRefused(grant, ritm, /person the access is for cannot approve/, REFUSED_VOTE)
        expect(auditEvents(world.sn.store, grant).filter((e) => e.eventType === 'approval.vote')).toEqual([])
    })

    it("whoever opened the request for someone else approves the manager's record", async () => {
        const { base } = world
        const { ritm, grant } = order({ opener: people.colleague.userName })
        expect(voteAs(people.colleague.userName, approvalFor(grant, base.manager.sysId))).toBeNull()
        await settleAndExpectRefused(grant, ritm, /opened the request cannot approve/, REFUSED_VOTE)
    })

    it("an unrelated approver approves the manager's record", async () => {
        const { base } = world
        const { ritm, grant } = order()
        expect(voteAs(people.stranger.userName, approvalFor(grant, base.manager.sysId))).toBeNull()
        await settleAndExpectRefused(grant, ritm, /not the approver this approval was assigned to/, REFUSED_VOTE)
    })

    it('the approval record is reassigned to an accomplice, who approves it', async () => {
        const { base, sn } = world
        const { ritm, grant } = order()
        const approval = approvalFor(grant, base.manager.sysId)
        sn.store.update(PLATFORM_TABLE.approval, approval, { approver: people.stranger.sysId })
        expect(voteAs(people.stranger.userName, approval)).toBeNull()
        await settleAndExpectRefused(grant, ritm, /not the approver this approval was assigned to/, REFUSED_VOTE)
    })

    it("the manager approves a record of the grant reassigned to someone else (counted as the actor's)", async () => {
        const { base, sn } = world
        const { ritm, grant } = order({ ci: production.ci })
        // The second approver's record is rewritten to name the manager: the manager's second vote must not fill
        // the second-approver slot.
        const second = approvalFor(grant, base.secondApprover.sysId)
        expect(voteAs(base.manager.userName, approvalFor(grant, base.manager.sysId))).not.toBeNull()
        sn.store.update(PLATFORM_TABLE.approval, second, { approver: base.manager.sysId })
        expect(voteAs(base.manager.userName, second)).toBeNull()
        await settleAndExpectRefused(grant, ritm, /not the approver this approval was assigned to/, REFUSED_VOTE)
        const votes = auditEvents(sn.store, grant).filter((e) => e.eventType === 'approval.vote')
        expect(votes.map((v) => [v.actor, v.payload['voter'], v.payload['slot'], v.payload['decision']])).toEqual([
            [base.manager.userName, base.manager.sysId, 'manager', 'approved'],
        ])
        expect(votes[0]!.payload['planDigest']).toBe(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.planDigest])
    })
})

describe('red team: inserted votes (attack 3)', () => {
    it('the requester inserts a pre-approved record for the manager; the second approver then votes', async () => {
        const { base, sn } = world
        const { ritm, grant } = order({ ci: production.ci })
        expect(insertApprovalAs(base.requester.userName, grant, ritm, base.manager.sysId)).toBeNull()
        expect(voteAs(base.secondApprover.userName, approvalFor(grant, base.secondApprover.sysId))).not.toBeNull()
        await settleAndExpectRefused(grant, ritm, /not created by the app/, ['approval.insert_refused'])
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.state]).toBe('awaiting_approval')
    })

    it('the requester inserts a pre-approved record for the second-approver slot; the manager then votes', async () => {
        const { base, sn } = world
        const { ritm, grant } = order({ ci: production.ci })
        expect(insertApprovalAs(base.requester.userName, grant, ritm, base.secondApprover.sysId)).toBeNull()
        expect(voteAs(base.manager.userName, approvalFor(grant, base.manager.sysId))).not.toBeNull()
        await settleAndExpectRefused(grant, ritm, /not created by the app/, ['approval.insert_refused'])
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.state]).toBe('awaiting_approval')
    })

    it('a pre-approved record that slipped in (stored directly) is never counted', async () => {
        const { base, sn } = world
        const { ritm, grant } = order({ ci: production.ci })
        // Past every business rule (e.g. an import with rules off): the record is there, approved.
        sn.store.insert(PLATFORM_TABLE.approval, {
            approver: base.secondApprover.sysId,
            state: 'approved',
            source_table: TABLE.grant,
            document_id: grant,
            sysapproval: ritm,
        })
        expect(voteAs(base.manager.userName, approvalFor(grant, base.manager.sysId))).not.toBeNull()
        await runFor(clock, 15_000)
        expect(providerWrites({ webhook: world.webhook })).toBe(0)
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.state]).toBe('awaiting_approval')
        expect(sn.store.list(TABLE.action, (a) => a['grant'] === grant)).toEqual([])
    })
})

/** Call the proposal API as the assistant. */
function propose(body: Record<string, unknown>): { status: number; body: any } {
    return app.as(people.bot.userName, () => callProposalApi(body))
}

/**
 * The assistant proposes `body`; the manager then approves whatever approval of theirs it got; the executor polls.
 * The proposal must have been refused at submit because the manager is the person behind the admin account.
 */
async function proposeAndManagerApproves(body: Record<string, unknown>): Promise<string> {
    const { base, sn } = world
    const out = propose(body)
    expect(out.status).toBe(201)
    const grant = out.body.sys_id as string
    const mine = sn.store.list(
        PLATFORM_TABLE.approval,
        (a) => a['document_id'] === grant && a['approver'] === base.manager.sysId,
    )[0]
    if (mine) voteAs(base.manager.userName, mine['sys_id']!)
    await runFor(clock, 15_000)
    expectRefused({
        store: sn.store,
        grantSysId: grant,
        reason: /MANAGER_UNAVAILABLE/,
        eventTypes: ['request.policy_rejected'],
        providers: { webhook: world.webhook },
    })
    return grant
}

describe('red team: the proposal API loses the human (attack 6)', () => {
    const proposal = () => ({
        requested_for: people.adminAccount.userName,
        target_kind: 'device_local_admin',
        device: world.base.ci.sysId,
        duration_minutes: 30,
        justification: 'Patch the VPN client on the shared build workstation tonight',
    })

    it('a manager proposes, through the assistant, access for their own admin account and approves it', async () => {
        const { base, sn } = world
        const grant = await proposeAndManagerApproves({ ...proposal(), requested_by: base.manager.userName })
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.openedBy]).toBe(base.manager.sysId)
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.proposedBy]).toBe(people.bot.sysId)
    })

    it('the assistant does not say who asked: the same person is still recognised by the account data', async () => {
        const grant = await proposeAndManagerApproves(proposal())
        expect(world.sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.lastError]).toContain('same person')
    })

    it('the human behind a proposal votes on an approval of it', async () => {
        const { base, sn } = world
        // Oscar asks the assistant for access for alice; the request is routed to marcus. Oscar votes on his record.
        const out = propose({
            ...proposal(),
            requested_for: base.requester.userName,
            requested_by: people.colleague.userName,
        })
        expect(out.body.state).toBe('awaiting_approval')
        const grant = out.body.sys_id as string
        expect(voteAs(people.colleague.userName, approvalFor(grant, base.manager.sysId))).toBeNull()
        await runFor(clock, 15_000)
        expectRefused({
            store: sn.store,
            grantSysId: grant,
            reason: /opened the request cannot approve/,
            eventTypes: REFUSED_VOTE,
            providers: { webhook: world.webhook },
        })
    })
})

describe('red team: changing the approved duration (attack 9b)', () => {
    it('a stranger (an approver of other requests) shortens a grant awaiting approval', async () => {
        const { ritm, grant } = order()
        expect(setDurationAs(people.stranger.userName, grant, '5')).toBeNull()
        await settleAndExpectRefused(grant, ritm, /only an approver of this request/, ['approval.duration_refused'])
        expect(world.sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.approvedDuration] ?? '').toBe('')
    })

    it('the requester shortens (or otherwise edits) their own duration', async () => {
        const { base } = world
        const { ritm, grant } = order()
        expect(setDurationAs(base.requester.userName, grant, '30')).toBeNull()
        await settleAndExpectRefused(grant, ritm, /only an approver of this request/, ['approval.duration_refused'])
    })

    it('the approver lengthens a duration already shortened', async () => {
        const { base, sn } = world
        const { ritm, grant } = order()
        expect(setDurationAs(base.manager.userName, grant, '30')).not.toBeNull()
        expect(setDurationAs(base.manager.userName, grant, '55')).toBeNull()
        await settleAndExpectRefused(grant, ritm, /only shorten/, ['approval.duration_refused'])
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.approvedDuration]).toBe('30')
    })

    it('the approver lengthens beyond the requested duration', async () => {
        const { base } = world
        const { ritm, grant } = order()
        expect(setDurationAs(base.manager.userName, grant, '90')).toBeNull()
        await settleAndExpectRefused(grant, ritm, /only shorten/, ['approval.duration_refused'])
    })

    it('an approver changes the duration after casting their vote', async () => {
        const { base, sn } = world
        const { ritm, grant } = order({ ci: production.ci })
        // The manager voted (their approval is no longer open); the duration is no longer theirs to change.
        expect(voteAs(base.manager.userName, approvalFor(grant, base.manager.sysId))).not.toBeNull()
        expect(setDurationAs(base.manager.userName, grant, '10')).toBeNull()
        await settleAndExpectRefused(grant, ritm, /only an approver of this request/, ['approval.duration_refused'])
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.state]).toBe('awaiting_approval')
    })
})
