/**
 * The product's auto-approval end to end, in process on the virtual clock: a service-desk agent raises a P1 for the
 * requester's group, the example rule is set by one SecOps person and confirmed by another, the requester orders
 * local admin → the app auto-approves (recording the incident facts it judged on: who raised and shaped it per
 * sys_audit, and its version) → the executor's gate accepts the rule on those facts (the incident is unchanged)
 * and grants (one provider call) → the grant is revoked at expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import type { AppRuntime } from '../support/app-on-emulator'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { auditEvents } from '../red-team/support'
import { addDeskAgent, confirmExampleRule, orderOnIncident, raiseIncident } from './support/auto-approval'
import type { World } from './support/world'
import { startAppWorld, type AppWorld } from './support/app-world'

let world: World
let app: AppRuntime
let items: { localAdmin: string; entraRole: string }
let executor: InProcessExecutor | undefined
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))

let appWorld: AppWorld | undefined

beforeAll(async () => {
    appWorld = await startAppWorld({ durationMinutes: 60, clock })
    ;({ world, app, items } = appWorld)
})
afterAll(async () => {
    await executor?.stop()
    await appWorld?.close()
})

describe('auto-approval: P1 raised by the desk, rule confirmed by a second SecOps person', () => {
    it('is approved by the app, granted by the executor on the recorded facts, and revoked at expiry', async () => {
        const { sn, webhook } = world
        const desk = addDeskAgent(world)
        confirmExampleRule(world, app)
        const incident = raiseIncident(world, app, 'desk.agent', desk)
        const audit = sn.store.list('sys_audit', (a) => a['documentkey'] === incident)
        expect(audit.find((a) => a['fieldname'] === 'priority')?.['user']).toBe('desk.agent')

        const { grant } = orderOnIncident(world, app, items.localAdmin, incident)
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.state]).toBe('queued')
        const evaluated = auditEvents(sn.store, grant).find((e) => e.eventType === 'policy.evaluated')!
        const facts = evaluated.payload.ticketFacts as Record<string, unknown>
        const inc = sn.store.get(PLATFORM_TABLE.incident, incident)!
        expect(facts).toEqual({
            incident,
            number: inc['number'],
            callerId: desk,
            openedBy: desk,
            prioritySetBy: [desk],
            assignmentSetBy: [desk],
            sysModCount: Number(inc['sys_mod_count']),
            sysUpdatedOn: inc['sys_updated_on'],
        })

        // A 30 s poll: the revoke at expiry is driven by the executor's own timer, so the 30 minutes pass in a few
        // dozen wake-ups instead of 1,800.
        executor = await startInProcessExecutor(world.env('auto-approval', { GBG_POLL_INTERVAL_SECONDS: '30' }), clock)
        await world
            .until((s) => s.get(TABLE.grant, grant)?.[GRANT_FIELDS.state] === 'active', 30_000)
            .catch((e: Error) => {
                throw new Error(`${e.message}: ${sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.lastError]}`)
            })
        expect(webhook.callCount('POST', '/grants')).toBe(1)

        // world.until runs the virtual clock: the revoke action is due at expiry (30 minutes).
        await world.until((s) => s.get(TABLE.grant, grant)?.[GRANT_FIELDS.state] === 'revoked', 35 * 60_000)
        expect(webhook.callCount('DELETE', '/grants')).toBe(1)
        expect([...webhook.grants.values()].filter((g) => g.status === 'active')).toEqual([])
    })
})
