import { beforeEach, describe, expect, it } from 'vitest'

import { GlideRecord, glide } from './support/glide-fake'
import { callProposalApi, castVote, orderItem } from './support/app-actions'
import { W, actionsOf, approvalsOf, auditOf, buildWorld, grants, journalOf } from './support/app-world'
import { ACTION_PRIORITY, PROPERTY, ROLE, TABLE } from '../../shared/src/schema'
import { APP_REACTION_EVENT, needsExecutorMac } from '../../shared/src/audit-chain'
import { cancelGrantAsUser } from '../src/server/cancel'
import { extendFromGrant, requestExtension } from '../src/server/extend'
import { queueRevokeNow } from '../src/server/revoke-now'

/*
 * Issue 17, "extend an active grant", app side on the Glide fake with the app's rules wired as in Fluent: the request
 * (who may, when), its judgement (the policy's maximum on the total, a human approval never by the requester, the
 * extension plan), the write guard (the executor moves an active grant's end only to an approved extension's new end)
 * and the scheduled revoke moved with it. Attacks are marked ATTACK.
 */

const MIN = 60_000
const START = Date.UTC(2026, 10, 27, 10, 0, 0)
const EXECUTOR = { sysId: '1'.repeat(32), userName: 'executor', roles: ['x_gbg_breakglass.executor'] }
const ALICE = { sysId: W.alice, userName: 'alice', roles: ['x_gbg_breakglass.requester'] }
const BOB = { sysId: W.bob, userName: 'bob', roles: [] }
const ERIN_SECOPS = { sysId: W.erin, userName: 'erin', roles: ['x_gbg_breakglass.secops'] }
const REASON = 'The scanner driver install needs a second reboot cycle'

const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
const grantRow = (sysId: string) => glide.row(TABLE.grant, sysId)!

/** An executor write on a grant (null when the guard refused it). */
function executorWrites(grantSysId: string, values: Record<string, string>): string | null {
    glide.setUser(EXECUTOR)
    const gr = new GlideRecord(TABLE.grant)
    gr.get(grantSysId)
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    return gr.update()
}

/** Alice's 60 minutes of local admin, approved by bob and granted by the executor at START; its scheduled revoke. */
function activeGrant(): { ritm: string; grant: string; revoke: string } {
    glide.setUser(ALICE)
    const ritm = orderItem(W.itemLocalAdmin, W.alice, {
        requested_for: W.alice,
        device: W.workstation,
        duration_minutes: '60',
        justification: 'Install the signed scanner driver for the lab',
        emergency: 'false',
    })
    const grant = grants().find((g) => g.ritm === ritm)!.sys_id!
    glide.setUser(BOB)
    expect(castVote(approvalsOf(grant).find((a) => a.approver === W.bob)!.sys_id!, 'approved')).not.toBeNull()
    expect(executorWrites(grant, { state: 'granting' })).not.toBeNull()
    expect(
        executorWrites(grant, { state: 'active', granted_at: at(START), expires_at: at(START + 60 * MIN) }),
    ).not.toBeNull()
    glide.setUser(EXECUTOR)
    const revoke = new GlideRecord(TABLE.action)
    revoke.initialize()
    revoke.setValue('grant', grant)
    revoke.setValue('type', 'revoke')
    revoke.setValue('state', 'ready')
    revoke.setValue('priority', String(ACTION_PRIORITY.revoke))
    revoke.setValue('not_before', at(START + 60 * MIN))
    revoke.setValue('max_attempts', '8')
    revoke.setValue('idempotency_key', `revoke:${grant}`)
    const revokeId = String(revoke.insert())
    expect(revokeId).toMatch(/^[0-9a-f]{32}$/)
    glide.setNow(START + 40 * MIN)
    return { ritm, grant, revoke: revokeId }
}

/** Alice asks for `minutes` more; returns the result. */
function ask(grant: string, minutes: number) {
    glide.setUser(ALICE)
    return requestExtension(grant, minutes, REASON)
}

beforeEach(() => {
    buildWorld()
    glide.setNow(START)
})

describe('extend an active grant: request, judgement, approval', () => {
    it('alice asks for 30 more minutes; the manager (never alice) approves the extension plan; one grant action', () => {
        const { ritm, grant } = activeGrant()
        const result = ask(grant, 30)
        expect(result.ok, result.message).toBe(true)
        const ext = grantRow(result.sysId!)
        expect(ext.state).toBe('awaiting_approval')
        expect(ext.extends_grant).toBe(grant)
        expect(ext.ritm).toBe(ritm)
        const plan = JSON.parse(ext.plan!)
        expect(plan).toMatchObject({
            operation: 'extend',
            durationMinutes: 30,
            extension: {
                grantSysId: grant,
                fromExpiresAt: new Date(START + 60 * MIN).toISOString(),
                toExpiresAt: new Date(START + 90 * MIN).toISOString(),
            },
        })
        const approvals = approvalsOf(result.sysId!)
        expect(approvals.map((a) => a.approver)).toEqual([W.bob])
        // The RITM follows the grant, not the extension: still in fulfilment.
        expect(glide.row('sc_req_item', ritm)!.state).toBe('2')
        expect(journalOf(ritm, 'comments').join('\n')).toContain('would end 2026-11-27 11:30 UTC')

        glide.setUser(BOB)
        expect(castVote(approvals[0]!.sys_id!, 'approved')).not.toBeNull()
        expect(grantRow(result.sysId!).state).toBe('queued')
        expect(actionsOf(result.sysId!).filter((a) => a.type === 'grant')).toHaveLength(1)
        expect(glide.row('sc_req_item', ritm)!.state).toBe('2')
        expect(auditOf(grant).map((e) => e.event_type)).toContain('extension.requested')
    })

    it('ATTACK: someone else asks to extend alice’s access → refused, audited, nothing created', () => {
        const { grant } = activeGrant()
        for (const who of [BOB, ERIN_SECOPS]) {
            glide.setUser(who)
            const result = requestExtension(grant, 30, REASON)
            expect(result.ok).toBe(false)
            expect(result.message).toMatch(/only the person the access is for/)
        }
        expect(grants().filter((g) => g.extends_grant === grant)).toEqual([])
        const refusals = auditOf(grant).filter((e) => e.event_type === 'extension.refused')
        expect(refusals.map((e) => JSON.parse(e.payload!).code)).toEqual(['EXTEND_NOT_ALLOWED', 'EXTEND_NOT_ALLOWED'])
    })

    it('ATTACK: beyond the policy maximum — the maximum (240) applies to the whole access, not the extra minutes', () => {
        const { grant } = activeGrant()
        const result = ask(grant, 200) // 60 granted + 200 = 260 in total
        expect(result.ok).toBe(false)
        expect(grantRow(result.sysId!).state).toBe('policy_rejected')
        expect(grantRow(result.sysId!).last_error).toContain('EXTEND_OVER_POLICY_MAX')
        expect(grantRow(result.sysId!).last_error).toContain('260 minutes in total')
        expect(actionsOf(result.sysId!)).toEqual([])
        // Within the maximum it goes on.
        expect(ask(grant, 180).ok).toBe(true)
    })

    it('ATTACK: alice approves her own extension → refused; she is never asked', () => {
        const { grant } = activeGrant()
        const result = ask(grant, 30)
        const approval = approvalsOf(result.sysId!)[0]!
        glide.setUser(ALICE)
        castVote(approval.sys_id!, 'approved')
        expect(grantRow(result.sysId!).state).toBe('awaiting_approval')
        expect(auditOf(result.sysId!).map((e) => e.event_type)).toContain('approval.self_refused')
    })

    it('ATTACK: an extension of a revoked grant, or of one being revoked now, is refused', () => {
        const { grant } = activeGrant()
        glide.setUser(ALICE)
        expect(queueRevokeNow(grant, W.alice, 'done early').ok).toBe(true)
        expect(ask(grant, 30)).toMatchObject({ ok: false, message: expect.stringMatching(/being removed/) })
        expect(executorWrites(grant, { state: 'revoking' })).not.toBeNull()
        expect(executorWrites(grant, { state: 'revoked', revoked_at: at(START + 41 * MIN) })).not.toBeNull()
        expect(ask(grant, 30)).toMatchObject({
            ok: false,
            message: expect.stringMatching(/revoked: the access has ended/),
        })
    })

    it('the webhook extends like Entra (in place, contract 1.1); a second open extension is refused', () => {
        glide.properties.set(PROPERTY.deviceAdminProvider, 'webhook')
        const { grant } = activeGrant()
        expect(grantRow(grant).provider).toBe('webhook')
        const asked = ask(grant, 30)
        expect(asked, asked.message).toMatchObject({ ok: true, state: 'awaiting_approval' })
        expect(JSON.parse(grantRow(asked.sysId!).plan!)).toMatchObject({ provider: 'webhook', operation: 'extend' })
        expect(ask(grant, 10)).toMatchObject({ ok: false, message: expect.stringMatching(/already open/) })
    })

    it('EPM: an extension adds at least 5 minutes (EPM sessions last 5 minutes to 24 hours)', () => {
        glide.properties.set(PROPERTY.deviceAdminProvider, 'epm')
        const epm = activeGrant().grant
        expect(grantRow(epm).provider).toBe('epm')
        const short = ask(epm, 4)
        expect(short.ok).toBe(false)
        expect(grantRow(short.sysId!).last_error).toMatch(/EPM session adds at least 5 minutes.*EXTEND_NOT_SUPPORTED/s)
        expect(ask(epm, 30)).toMatchObject({ ok: true, state: 'awaiting_approval' })
    })

    it('an approved extension can be cancelled before it starts; the grant and its RITM are untouched', () => {
        const { ritm, grant } = activeGrant()
        const result = ask(grant, 30)
        glide.setUser(BOB)
        castVote(approvalsOf(result.sysId!)[0]!.sys_id!, 'approved')
        glide.setUser(ALICE)
        expect(cancelGrantAsUser(result.sysId!, 'Finished sooner than expected').ok).toBe(true)
        expect(grantRow(result.sysId!).state).toBe('cancelled')
        expect(actionsOf(result.sysId!).filter((a) => a.type === 'grant')[0]!.state).toBe('failed')
        expect(grantRow(grant).state).toBe('active')
        expect(grantRow(grant).expires_at).toBe(at(START + 60 * MIN))
        expect(glide.row('sc_req_item', ritm)!.state).toBe('2')
    })

    it('the grant form action asks for 30 more minutes and says what happened', () => {
        const { grant } = activeGrant()
        glide.setUser(ALICE)
        extendFromGrant({ getUniqueValue: () => grant })
        expect(glide.messages.info.join(' ')).toMatch(/30 more minutes\) is awaiting approval/)
    })
})

describe('the executor-write guard and the scheduled revoke', () => {
    it('ATTACK: the executor cannot push an active grant’s end out without an approved extension', () => {
        const { grant } = activeGrant()
        expect(executorWrites(grant, { expires_at: at(START + 120 * MIN) })).toBeNull()
        expect(grantRow(grant).expires_at).toBe(at(START + 60 * MIN))
        expect(auditOf(grant).map((e) => e.event_type)).toContain('executor.write_refused')
    })

    it('the approved new end is accepted while the extension is applied; the app moves the scheduled revoke', () => {
        const { grant, revoke } = activeGrant()
        glide.setUser({ sysId: '6816f79cc0a8016401c5a33be04be441', userName: 'system', roles: ['admin'] })
        const warned = new GlideRecord(TABLE.grant)
        warned.get(grant)
        warned.setValue('expiry_warned', 'true')
        warned.update()
        expect(grantRow(grant).expiry_warned).toBe('true')
        const result = ask(grant, 30)
        glide.setUser(BOB)
        castVote(approvalsOf(result.sysId!)[0]!.sys_id!, 'approved')
        // Not yet applied (still queued): a write of the new end is refused.
        expect(executorWrites(grant, { expires_at: at(START + 90 * MIN) })).toBeNull()
        expect(executorWrites(result.sysId!, { state: 'granting' })).not.toBeNull()
        // Another end than the approved one: refused.
        expect(executorWrites(grant, { expires_at: at(START + 100 * MIN) })).toBeNull()
        expect(executorWrites(grant, { expires_at: at(START + 90 * MIN) })).not.toBeNull()
        expect(glide.row(TABLE.action, revoke)!.not_before).toBe(at(START + 90 * MIN))
        // The "expires soon" e-mail is due again before the new end.
        expect(grantRow(grant).expiry_warned).toBe('false')
        expect(auditOf(grant).map((e) => e.event_type)).toContain('revoke.rescheduled')
        // The extension record ends `extended`, never `active`.
        expect(executorWrites(result.sysId!, { state: 'active', expires_at: at(START + 90 * MIN) })).toBeNull()
        expect(
            executorWrites(result.sysId!, {
                state: 'extended',
                granted_at: at(START + 41 * MIN),
                expires_at: at(START + 90 * MIN),
            }),
        ).not.toBeNull()
        expect(journalOf(grantRow(grant).ritm!, 'comments').join('\n')).toContain('now ends 2026-11-27 11:30 UTC')
    })
})

/**
 * Simulator finding 10 (docs/simulation.md): the app's rules run in the session of the writer, so an event they append
 * when the *executor* writes is created by the executor's integration user. Such an event carries no executor MAC, and
 * the executor's chain check (its guard before every append, `audit verify`, the simulator's invariant) reports it as a
 * forged append unless it is one of the app's reactions in the one shared list (shared/src/audit-chain.ts).
 */
describe("the app's events in the executor's session (the audit MAC's coverage)", () => {
    /** Events of `grant` the executor's session created that would need an executor MAC it cannot have. */
    const unMacable = (grant: string) =>
        auditOf(grant).filter((e) => needsExecutorMac(e.event_type!, e.sys_created_by!, EXECUTOR.userName))

    it('activating a grant (its first end written) appends no revoke.rescheduled: no end moved', () => {
        const { grant } = activeGrant()
        const types = auditOf(grant).map((e) => e.event_type)
        expect(types).not.toContain(APP_REACTION_EVENT.revokeRescheduled)
        expect(unMacable(grant)).toEqual([])
    })

    it('an approved extension written by the executor: the reschedule is an app reaction, nothing needs a MAC', () => {
        const { grant, revoke } = activeGrant()
        const result = ask(grant, 30)
        glide.setUser(BOB)
        castVote(approvalsOf(result.sysId!)[0]!.sys_id!, 'approved')
        expect(executorWrites(result.sysId!, { state: 'granting' })).not.toBeNull()
        expect(executorWrites(grant, { expires_at: at(START + 90 * MIN) })).not.toBeNull()
        expect(glide.row(TABLE.action, revoke)!.not_before).toBe(at(START + 90 * MIN))
        const rescheduled = auditOf(grant).filter((e) => e.event_type === APP_REACTION_EVENT.revokeRescheduled)
        expect(rescheduled).toHaveLength(1)
        expect(rescheduled[0]!.sys_created_by).toBe(EXECUTOR.userName)
        expect(JSON.parse(rescheduled[0]!.payload!)).toMatchObject({
            previousExpiresAt: at(START + 60 * MIN),
            expiresAt: at(START + 90 * MIN),
        })
        expect(
            executorWrites(result.sysId!, {
                state: 'extended',
                granted_at: at(START + 41 * MIN),
                expires_at: at(START + 90 * MIN),
            }),
        ).not.toBeNull()
        expect(unMacable(grant)).toEqual([])
        expect(unMacable(result.sysId!)).toEqual([])
    })
})

describe('extension proposals (proposal API)', () => {
    const BOT = 'b07'.padEnd(32, '0')
    const proposer = () => {
        glide.insert('sys_user', { sys_id: BOT, user_name: 'teams-bot', name: 'Teams bot', active: true })
        glide.setUser({ sysId: BOT, userName: 'teams-bot', roles: [ROLE.proposer] })
    }

    it('an assistant asks on behalf of alice: created, awaiting approval by the manager, proposed by the bot', () => {
        const { grant } = activeGrant()
        proposer()
        const out = callProposalApi({
            extends: grant,
            duration_minutes: 20,
            justification: REASON,
            requested_by: 'alice',
        })
        expect(out.status, JSON.stringify(out.body)).toBe(201)
        expect(out.body.state).toBe('awaiting_approval')
        const ext = grantRow(out.body.sys_id)
        expect(ext).toMatchObject({ extends_grant: grant, opened_by: W.alice, proposed_by: BOT })
        expect(approvalsOf(out.body.sys_id).map((a) => a.approver)).toEqual([W.bob])
    })

    it('ATTACK: the assistant names someone else as the asker, or sends a bad body → 400, nothing created', () => {
        const { grant } = activeGrant()
        proposer()
        const other = callProposalApi({
            extends: grant,
            duration_minutes: 20,
            justification: REASON,
            requested_by: 'bob',
        })
        expect(other.status).toBe(400)
        expect(JSON.stringify(other.body)).toMatch(/only the person the access is for/)
        const bad = callProposalApi({ extends: "x' OR 1=1", duration_minutes: 0, justification: 'short', extra: 1 })
        expect(bad.status).toBe(400)
        expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
            ['duration_minutes', 'extends', 'extra', 'justification'].sort(),
        )
        expect(grants().filter((g) => g.extends_grant === grant)).toEqual([])
    })
})
