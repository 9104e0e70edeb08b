/**
 * Teams cards from the real executor service (in process, virtual time) to the Teams emulator: the granted card
 * (retried through the outbox when Teams answers 503), the 5- and 1-minute expiry warnings driven by the journaled
 * expiry — with the executor restarted between them, each is still sent exactly once — and the removal card; each
 * names the requester by display name (from the app's gate facts) and login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { startTeamsEmulator, type TeamsEmulator } from '../emulators/teams'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runFor, runUntil } from '../support/virtual-time'
import { startWorld, type World } from './support/world'

const clock = new VirtualClock(Date.UTC(2026, 11, 2, 10, 0, 0))
let world: World
let teams: TeamsEmulator
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    world = await startWorld({ durationMinutes: 6, keepSeededAction: true, clock })
    teams = await startTeamsEmulator({ now: () => clock.now() })
})
afterAll(async () => {
    await executor?.stop()
    await teams?.close()
    await world?.close()
})

/** The heading of every card received, in order. */
function headings(): string[] {
    return teams.messages.map((m) => {
        const body = m.payload.attachments[0]!.content['body'] as Array<{ text?: string }>
        return body[0]!.text ?? ''
    })
}

describe('Teams cards from the executor', () => {
    it('granted (retried), 5- and 1-minute warnings once each across a restart, removed', async () => {
        // setup: Teams refuses the first card with a 503
        const { sn, base } = world
        const env = world.env('e2e-teams', {
            GBG_TEAMS_WEBHOOK_URL: teams.workflowsUrl,
            GBG_POLL_INTERVAL_SECONDS: '5',
        })
        const number = base.grant.number
        teams.faults.add({ status: 503 })

        // execution: grant; the granted card arrives on a retry
        executor = await startInProcessExecutor(env, clock)
        await runUntil(clock, () => sn.store.get(TABLE.grant, base.grant.sysId)?.[GRANT_FIELDS.state] === 'active', {
            within: 30_000,
            what: 'grant active',
        })
        await runUntil(clock, () => headings().length === 1, { within: 60_000, what: 'granted card' })
        // the 5-minute warning, then a restart (a new service on the same journal, nothing carried in memory)
        await runUntil(clock, () => headings().length === 2, { within: 3 * 60_000, what: '5-minute warning' })
        await runFor(clock, 60_000)
        await executor.stop()
        executor = await startInProcessExecutor(env, clock)
        await runUntil(clock, () => sn.store.get(TABLE.grant, base.grant.sysId)?.[GRANT_FIELDS.state] === 'revoked', {
            within: 6 * 60_000,
            what: 'grant revoked',
        })
        await runUntil(clock, () => headings().some((h) => h.startsWith('Access removed')), {
            within: 60_000,
            what: 'removal card',
        })
        await runFor(clock, 30_000)

        // validation: each card once, in order; times in the one format with the zone
        expect(headings()).toEqual([
            `Access granted: ${number}`,
            `5 minutes left: ${number}`,
            `1 minute left: ${number}`,
            `Access removed: ${number}`,
        ])
        // every card names the requester by display name (sys_user.name, from the app's gate facts) and login —
        // the warnings and the removal card too, sent by the restarted executor, which read no gate facts
        const requester = `${base.requester.displayName} (${base.requester.userName})`
        expect(requester).toBe('Alice Nguyen (alice.nguyen)')
        for (const m of teams.messages) {
            expect(JSON.stringify(m.payload)).toContain(`"title":"For","value":"${requester}"`)
        }
        const granted = JSON.stringify(teams.messages[0]!.payload)
        expect(granted).toMatch(/"Expires","value":"\d{4}-\d\d-\d\d \d\d:\d\d UTC"/)
        const expiresAt = Date.parse(
            `${sn.store.get(TABLE.grant, base.grant.sysId)![GRANT_FIELDS.expiresAt]!.replace(' ', 'T')}Z`,
        )
        const at = (i: number) => teams.messages[i]!.receivedAt.getTime()
        expect(expiresAt - at(1)).toBeLessThanOrEqual(5 * 60_000)
        expect(expiresAt - at(1)).toBeGreaterThan(4 * 60_000)
        expect(expiresAt - at(2)).toBeLessThanOrEqual(60_000)
        expect(expiresAt - at(2)).toBeGreaterThan(0)
    }, 120_000)
})
