/**
 * Scale-out: two real executor services (their own instance names and journals; in this process, on one virtual
 * clock, so both poll at the same instants) share one ServiceNow queue of 200 ready grant actions. The emulator runs the app's claim guard, so both executors race for the same actions
 * and lose claims; every action must still be executed exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'
import { addGrant, type AddedGrant } from './support/grants'
import { startWorld, type World } from './support/world'

const GRANTS = 200
const NAMES = ['e2e-scale-a', 'e2e-scale-b'] as const

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let world: World
const executors: InProcessExecutor[] = []

beforeAll(async () => {
    world = await startWorld({ clock })
})
afterAll(async () => {
    await Promise.all(executors.map((e) => e.stop()))
    await world?.close()
})

/** Journaled actions of one executor: action id → [type, step]. */
function journaled(path: string): Map<string, { type: string; step: string }> {
    const db = new Database(path, { readonly: true })
    try {
        const rows = db.prepare('SELECT action_id, type, step FROM actions').all() as {
            action_id: string
            type: string
            step: string
        }[]
        return new Map(rows.map((r) => [r.action_id, { type: r.type, step: r.step }]))
    } finally {
        db.close()
    }
}

describe('two executors on one queue', () => {
    it(`executes each of ${GRANTS} grant actions exactly once`, async () => {
        // setup: 200 approved grants (60 minutes: none expires during the test), each on its own workstation
        const { sn, webhook, base } = world
        const grants: AddedGrant[] = []
        for (let i = 0; i < GRANTS; i++) grants.push(addGrant(sn, base, { durationMinutes: 60 }))
        const isDone = (g: AddedGrant) => sn.store.get(TABLE.action, g.actionSysId)?.[ACTION_FIELDS.state] === 'done'
        const t0 = Date.now()
        const v0 = clock.nowMs()

        // execution: both start together on the same queue
        for (const name of NAMES) {
            const env = world.env(name, { GBG_MAX_IN_FLIGHT: '6', GBG_LEASE_SECONDS: '60', GBG_LOG_LEVEL: 'info' })
            executors.push(await startInProcessExecutor(env, clock))
        }
        await runUntil(clock, () => grants.every(isDone), { within: 10 * 60_000, realMs: 150_000, what: 'all done' })
        const wallMs = Date.now() - t0
        const virtualMs = clock.nowMs() - v0
        // the last write-backs (the grant patch precedes the action's final patch) are in
        await runUntil(
            clock,
            () => grants.every((g) => sn.store.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state] === 'active'),
            { within: 10_000 },
        )

        // validation: the provider saw exactly one grant per action, no replay, no duplicate key
        expect(webhook.grants.size).toBe(GRANTS)
        const keys = [...webhook.grants.values()].map((w) => w.idempotencyKey)
        expect(new Set(keys).size).toBe(GRANTS)
        expect(new Set(keys)).toEqual(new Set(grants.map((g) => g.actionSysId)))
        expect(webhook.callCount('POST', '/grants')).toBe(GRANTS)

        // validation: each action is in exactly one journal, finished there, and the grant names that executor
        await Promise.all(executors.map((e) => e.stop()))
        const [ja, jb] = NAMES.map((n) => journaled(world.journalPath(n)))
        const byExecutor: Record<string, number> = { [NAMES[0]]: 0, [NAMES[1]]: 0 }
        for (const g of grants) {
            const inA = ja!.get(g.actionSysId)
            const inB = jb!.get(g.actionSysId)
            expect(Boolean(inA) !== Boolean(inB), `action ${g.actionSysId} journaled by exactly one executor`).toBe(
                true,
            )
            const owner = inA ? NAMES[0] : NAMES[1]
            expect((inA ?? inB)!.step).toBe('done')
            byExecutor[owner]! += 1
            const grant = sn.store.get(TABLE.grant, g.grantSysId)!
            expect(grant[GRANT_FIELDS.executorInstance]).toBe(owner)
            expect(sn.store.get(TABLE.action, g.actionSysId)![ACTION_FIELDS.attempts]).toBe('1')
            // one work note, one receipt, one scheduled revoke per grant
            expect(
                sn.store.journal('sc_req_item', g.ritmSysId).filter((n) => n.value.startsWith('Access granted')),
            ).toHaveLength(1)
            // one receipt: JSON + the page people read
            expect(sn.store.attachments('sc_req_item', g.ritmSysId).map((a) => a.contentType)).toEqual([
                'application/json',
                'text/html',
            ])
            expect(
                sn.store.list(
                    TABLE.action,
                    (a) => a[ACTION_FIELDS.grant] === g.grantSysId && a[ACTION_FIELDS.type] === 'revoke',
                ),
            ).toHaveLength(1)
        }
        // both worked, and the claim guard made them lose races without harm
        const lost = executors.map(
            (e) => e.lines.filter((l) => l['event'] === 'lease:lost' && l['stage'] === 'claim').length,
        )
        expect(byExecutor[NAMES[0]]).toBeGreaterThan(0)
        expect(byExecutor[NAMES[1]]).toBeGreaterThan(0)
        expect(lost[0]! + lost[1]!).toBeGreaterThan(0)
        const refused = sn.requests.filter(
            (r) => r.method === 'PATCH' && r.path.includes(TABLE.action) && r.status === 403,
        ).length
        expect(refused).toBe(lost[0]! + lost[1]!)
        console.info(
            `[e2e scale] ${GRANTS} grants by 2 executors in ${wallMs} ms wall, ${virtualMs} ms virtual; ` +
                `split ${JSON.stringify(byExecutor)}; lost claims ${lost.join(' + ')}; ServiceNow requests ${sn.requests.length}`,
        )
    }, 200_000)
})
