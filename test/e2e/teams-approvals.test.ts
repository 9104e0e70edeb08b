/**
 * Approvals in Teams (issue 17; seeds 000 / 001: the approval card to the approver in Teams, escalation to the on-call
 * channel when no decision comes in time), through the real app modules on the ServiceNow emulator and TWO real
 * executors in process on virtual time, both polling the app's `approval-notices` operation:
 * - the manager's approval card (plan in words, digest, requester, risk, a button opening THEIR approval record)
 *   arrives once, from one executor: each notice is claimed through ServiceNow (a `teams_notice` row whose unique key
 *   the other replica cannot take);
 * - the reminder arrives once, before the policy's timeout; the escalation card arrives once in the on-call channel
 *   at the timeout itself (within one poll interval), not at the watchdog's next 5-minute sweep;
 * - the cards change nothing in ServiceNow: the approval is still open, the vote stays the approver's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE, TICKET_UPDATE_FIELDS } from '@gbg/shared'
import { orderItem } from '../../now-app/test/support/app-actions'
import { glideToMs } from '../../now-app/src/server/glide-io'
import { startTeamsEmulator, type TeamsEmulator } from '../emulators/teams'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runFor, runUntil } from '../support/virtual-time'
import { startAppWorld, type AppWorld } from './support/app-world'

const clock = new VirtualClock(Date.UTC(2026, 11, 2, 10, 0, 0))
const POLL_SECONDS = 20
let appWorld: AppWorld
let people: TeamsEmulator
let oncall: TeamsEmulator
const executors: InProcessExecutor[] = []

beforeAll(async () => {
    appWorld = await startAppWorld({ clock })
    people = await startTeamsEmulator({ now: () => clock.now() })
    oncall = await startTeamsEmulator({ now: () => clock.now() })
})
afterAll(async () => {
    for (const e of executors) await e.stop()
    await people?.close()
    await oncall?.close()
    await appWorld?.close()
})

function cards(teams: TeamsEmulator): Array<{ heading: string; json: string; at: number }> {
    return teams.messages.map((m) => {
        const body = m.payload.attachments[0]!.content['body'] as Array<{ text?: string }>
        return { heading: body[0]!.text ?? '', json: JSON.stringify(m.payload), at: m.receivedAt.getTime() }
    })
}

describe('approval cards in Teams from two executors', () => {
    it('card once to the approver, reminder once, escalation once in the on-call channel at the timeout', async () => {
        // setup: Alice orders 30 minutes of local admin; the app asks her manager (escalation group set); two executors with the same Teams webhooks
        const { world, app, items } = appWorld
        const { sn, base } = world
        const ritm = app.as(base.requester.userName, () =>
            orderItem(
                items.localAdmin,
                base.requester.sysId,
                {
                    requested_for: base.requester.sysId,
                    device: base.ci.sysId,
                    duration_minutes: '30',
                    justification: 'Install and debug the vendor VPN client driver on my development workstation',
                    emergency: 'false',
                },
                { requested_for: base.requester.sysId },
            ),
        )
        const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]!
        expect(grant[GRANT_FIELDS.state]).toBe('awaiting_approval')
        const [approval] = sn.store.list(PLATFORM_TABLE.approval, (a) => a['document_id'] === grant['sys_id'])
        // The route the app stored names the policy's timeout (60 minutes in the seeded policy); a 10-minute one keeps
        // this test short on virtual time (a policy with that timeout stores exactly this).
        const decision = JSON.parse(grant[GRANT_FIELDS.policyDecision]!) as Record<string, unknown>
        expect(decision['approvalTimeoutMinutes']).toBe(60)
        sn.store.update(TABLE.grant, grant['sys_id']!, {
            [GRANT_FIELDS.policyDecision]: JSON.stringify({ ...decision, approvalTimeoutMinutes: 10 }),
        })
        const requestedAt = glideToMs(grant[GRANT_FIELDS.approvalRequestedAt]!)!
        const dueAt = requestedAt + 10 * 60_000
        for (const name of ['e2e-approvals-a', 'e2e-approvals-b']) {
            const env = world.env(name, {
                GBG_TEAMS_WEBHOOK_URL: people.workflowsUrl,
                GBG_TEAMS_ONCALL_WEBHOOK_URL: oncall.workflowsUrl,
                GBG_POLL_INTERVAL_SECONDS: String(POLL_SECONDS),
            })
            executors.push(await startInProcessExecutor(env, clock))
        }

        // execution: the approval card
        await runUntil(clock, () => cards(people).length >= 1, { within: 2 * 60_000, what: 'approval card' })
        await runFor(clock, 60_000)

        // validation: once, for the manager, with the plan, digest, requester, risk and a link to THEIR approval
        expect(cards(people).map((c) => c.heading)).toEqual([`Approval needed: ${grant[GRANT_FIELDS.number]}`])
        const card = cards(people)[0]!.json
        expect(card).toContain(`"title":"Approver","value":"${base.manager.displayName} (${base.manager.userName})"`)
        expect(card).toContain(
            `"title":"Requester","value":"${base.requester.displayName} (${base.requester.userName})"`,
        )
        expect(card).toContain(`"title":"Plan digest","value":"${grant[GRANT_FIELDS.planDigest]}"`)
        expect(card).toContain('"title":"Risk","value":"standard, normal risk"')
        expect(card).toContain(`/sysapproval_approver.do?sys_id=${approval!['sys_id']}"`)
        expect(card).not.toContain('Action.Submit')

        // execution: up to the reminder (a fifth of the timeout before it: 2 minutes) and past the timeout
        await runUntil(clock, () => cards(people).length >= 2, { within: 10 * 60_000, what: 'reminder' })
        await runUntil(clock, () => cards(oncall).length >= 1, { within: 5 * 60_000, what: 'escalation card' })
        await runFor(clock, 3 * 60_000)

        // validation: one reminder, before the timeout; one escalation card, in the on-call channel, at the timeout
        const reminder = cards(people)[1]!
        expect(cards(people)).toHaveLength(2)
        expect(reminder.heading).toMatch(/^Reminder — approval due \d{4}-\d\d-\d\d \d\d:\d\d UTC: BGA/)
        expect(reminder.at).toBeGreaterThanOrEqual(dueAt - 2 * 60_000)
        expect(reminder.at).toBeLessThan(dueAt)
        const escalation = cards(oncall)
        expect(escalation.map((c) => c.heading)).toEqual([
            `No approval by ${new Date(dueAt).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${grant[GRANT_FIELDS.number]}`,
        ])
        expect(escalation[0]!.at).toBeGreaterThanOrEqual(dueAt)
        expect(escalation[0]!.at - dueAt).toBeLessThanOrEqual((POLL_SECONDS + 5) * 1000)

        // each notice claimed once in ServiceNow, by one of the two executors
        const claims = sn.store.list(
            TABLE.ticketUpdate,
            (r) => r[TICKET_UPDATE_FIELDS.kind] === 'teams_notice' && r[TICKET_UPDATE_FIELDS.grant] === grant['sys_id'],
        )
        expect(claims.map((c) => c[TICKET_UPDATE_FIELDS.idempotencyKey]).sort()).toEqual(
            [
                `notice:approval:${approval!['sys_id']}`,
                `notice:escalation:${grant['sys_id']}`,
                `notice:reminder:${approval!['sys_id']}`,
            ].sort(),
        )
        for (const c of claims) expect(['e2e-approvals-a', 'e2e-approvals-b']).toContain(c[TICKET_UPDATE_FIELDS.text])
        // the vote stays in ServiceNow: the cards changed no approval
        expect(sn.store.get(PLATFORM_TABLE.approval, approval!['sys_id']!)!['state']).toBe('requested')
    }, 120_000)
})
