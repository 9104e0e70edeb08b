/**
 * Write-back stuck past its bound (seed 000: "if still failing, it posts to an ops channel and schedules an automatic
 * revoke at expiry"; seed 001: "if still failing, open a child incident for integration failure"), with the real
 * executor in process on virtual time: ServiceNow refuses every update of one grant record (503) from its activation
 * on. The revoke at expiry still happens (from the journal); past GBG_WRITEBACK_MAX_MINUTES the ops channel — its
 * own webhook, not the people's — gets ONE card saying what is waiting, and ONE integration incident is raised as a
 * child of the grant's incident; when ServiceNow accepts updates again the write-back lands and nothing repeats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_TASK_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { startTeamsEmulator, type TeamsEmulator } from '../emulators/teams'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runFor, runUntil } from '../support/virtual-time'
import { addGrant } from './support/grants'
import { startWorld, type World } from './support/world'

const clock = new VirtualClock(Date.UTC(2026, 11, 2, 9, 0, 0))
let world: World
let people: TeamsEmulator
let ops: TeamsEmulator
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    world = await startWorld({ clock })
    people = await startTeamsEmulator({ now: () => clock.now() })
    ops = await startTeamsEmulator({ now: () => clock.now() })
})
afterAll(async () => {
    await executor?.stop()
    await people?.close()
    await ops?.close()
    await world?.close()
})

function headings(teams: TeamsEmulator): string[] {
    return teams.messages.map((m) => {
        const body = m.payload.attachments[0]!.content['body'] as Array<{ text?: string }>
        return body[0]!.text ?? ''
    })
}

describe('write-back stuck past its bound', () => {
    it('revokes on time anyway, posts one ops card and raises one child incident for the integration', async () => {
        // setup: a 4-minute grant; a bound of 1 minute; the people's and the ops channel's webhooks
        const { sn, base } = world
        const g = addGrant(sn, base, { durationMinutes: 4 })
        const env = world.env('e2e-wb-stuck', {
            GBG_TEAMS_WEBHOOK_URL: people.workflowsUrl,
            GBG_TEAMS_OPS_WEBHOOK_URL: ops.workflowsUrl,
            GBG_WRITEBACK_MAX_MINUTES: '1',
            GBG_POLL_INTERVAL_SECONDS: '5',
        })
        const grant = () => sn.store.get(TABLE.grant, g.grantSysId)!
        executor = await startInProcessExecutor(env, clock)
        await runUntil(clock, () => grant()[GRANT_FIELDS.state] === 'active', { within: 60_000, what: 'grant active' })
        // the grant is worked under a P2 incident (linked once active: the gate's own incident checks are not the
        // subject here), and from now on ServiceNow refuses every update of this grant record
        const parent = sn.store.insert(PLATFORM_TABLE.incident, {
            short_description: 'VPN client broken after update',
            caller_id: base.requester.sysId,
            priority: '2',
            state: '2',
        })
        sn.store.update(TABLE.grant, g.grantSysId, { [GRANT_FIELDS.incident]: parent['sys_id']! })
        sn.faults.add({
            method: 'PATCH',
            path: new RegExp(`/${TABLE.grant}/${g.grantSysId}(\\?|$)`),
            status: 503,
            times: 1_000_000,
        })
        const expiresAt = Date.parse(`${grant()[GRANT_FIELDS.expiresAt]!.replace(' ', 'T')}Z`)

        // execution: past the expiry and the bound
        const atProvider = () => [...world.webhook.grants.values()].find((x) => x.grantNumber === g.grantNumber)!
        await runUntil(clock, () => clock.now().getTime() > expiresAt + 30_000, { within: 16 * 60_000, what: 'expiry' })
        await runUntil(clock, () => headings(ops).length >= 1, { within: 3 * 60_000, what: 'ops card' })
        const integration = () =>
            sn.store.list(PLATFORM_TABLE.incident, (i) =>
                (i[APP_TASK_FIELDS.correlationId] ?? '').endsWith(`${g.grantSysId}:integration_writeback`),
            )
        await runUntil(clock, () => integration().length >= 1, { within: 3 * 60_000, what: 'integration incident' })
        await runFor(clock, 60_000)

        // validation: the access ended at the provider on time while ServiceNow still shows it active
        expect(atProvider().status).not.toBe('active')
        expect(grant()[GRANT_FIELDS.state]).toBe('active')
        // one ops card, in the ops channel only, saying what is waiting
        expect(headings(ops)).toEqual([`ServiceNow not updated: ${g.grantNumber}`])
        expect(headings(people).some((h) => h.startsWith('ServiceNow not updated'))).toBe(false)
        const card = JSON.stringify(ops.messages[0]!.payload)
        expect(card).toContain('"title":"Waiting to record","value":"the grant\'s state and times"')
        expect(card).toContain('ServiceNow 503 on PATCH')
        // one incident, a child of the grant's incident
        expect(integration()).toHaveLength(1)
        expect(integration()[0]![APP_TASK_FIELDS.parentIncident]).toBe(parent['sys_id'])
        expect(integration()[0]![APP_TASK_FIELDS.priority]).toBe('2')

        // execution: ServiceNow accepts updates again
        sn.faults.clear()
        await runUntil(clock, () => grant()[GRANT_FIELDS.state] === 'revoked', {
            within: 5 * 60_000,
            what: 'revoked recorded',
        })
        await runFor(clock, 2 * 60_000)

        // validation: nothing repeated
        expect(headings(ops)).toHaveLength(1)
        expect(integration()).toHaveLength(1)
    }, 120_000)
})
