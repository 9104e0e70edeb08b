/**
 * ServiceNow calls per lifecycle phase and per idle poll, counted on the emulator's request log (issue 18), so
 * they cannot regress. Deterministic: one grant on the virtual clock, the real executor in process.
 *
 * Issue 18's targets: at most 12 calls per lifecycle, at most 1 per idle poll. The bounds asserted here are what
 * the executor does today with the Batch API (docs/performance.md: 4 + 5 + 3 = 12 per lifecycle, 1.0 per idle
 * poll with a 5 s poll). A Batch API call is one call whatever it carries; its sub-requests are listed in the
 * breakdown as "[batch] …". Lower the bounds as the cost comes down, never raise them without a reason next to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import type { SeenRequest } from '../emulators/servicenow/types'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runFor, runUntil } from '../support/virtual-time'
import { startWorld, type World } from '../e2e/support/world'

const POLL_S = 5
const IDLE_POLLS = 48
/** Bounds of today (see the module comment). */
// grant: the per-grant ordering read (1), the claim batched with every gate read (1), `granting` before the provider
// call (1), every write-back and the action's close in one batch (1).
// revoke: the timer's read of the queue revoke (1), the claim batched with the grant read (1), `revoking` (1), the
// write-back batch (1) + the periodic audit chain check (one read per active grant every 5 min) falling in it.
// verify: the per-grant ordering read (1), the claim with the grant read (1), the write-back batch (1).
const BOUND = { grant: 4, revoke: 5, verify: 3, lifecycle: 12, idlePerPoll: 1.0 }

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let world: World
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    world = await startWorld({ durationMinutes: 10, keepSeededAction: true, webhookClockLagMs: 15_000, clock })
})
afterAll(async () => {
    await executor?.stop()
    await world?.close()
})

/** "METHOD path" with sys_ids replaced, for the breakdown printed on failure ("[batch]" for a sub-request). */
const shape = (r: SeenRequest) =>
    `${r.batch !== undefined ? '[batch] ' : ''}${r.method} ${r.path.replace(/\/[0-9a-f]{32}/g, '/{id}')}`

/** The encoded query of a request. */
const sysparmQuery = (r: SeenRequest) => new URLSearchParams(r.query).get('sysparm_query') ?? ''

/**
 * Calls that are not a lifecycle's own: the poll read (the action list not about one grant), heartbeats, the
 * start-up reads. A Batch API sub-request is not a call: it travels inside its batch call (counted once).
 */
const background = (r: SeenRequest) =>
    (r.method === 'GET' && r.path === `/api/now/table/${TABLE.action}` && !sysparmQuery(r).startsWith('grant=')) ||
    r.path.startsWith(`/api/now/table/${TABLE.executor}`) ||
    r.path.endsWith('/executor/context') ||
    (r.method === 'GET' && r.path === `/api/now/table/${TABLE.grant}`)

function count(from: number, to: number, own: boolean): { total: number; by: Record<string, number> } {
    const user = world.base.executorUser.userName
    const by: Record<string, number> = {}
    const seen = world.sn.requests.slice(from, to).filter((r) => r.user === user && background(r) !== own)
    for (const r of seen) by[shape(r)] = (by[shape(r)] ?? 0) + 1
    return { total: seen.filter((r) => r.batch === undefined).length, by }
}

describe('ServiceNow calls', () => {
    it('per lifecycle phase and per idle poll stay within their bounds', async () => {
        // setup
        const { sn, base } = world
        const s = sn.store
        const grantId = base.grant.sysId
        const settled = () =>
            executor!.service.journal.pendingOutbox() === 0 && executor!.service.worker.inFlightCount === 0
        executor = await startInProcessExecutor(
            world.env('perf-calls', { GBG_POLL_INTERVAL_SECONDS: String(POLL_S) }),
            clock,
        )

        // execution: grant phase (approved → active, every write-back delivered)
        const t0 = sn.requests.length
        await runUntil(clock, () => s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'active' && settled(), {
            within: 60_000,
            what: 'grant active and delivered',
        })
        const t1 = sn.requests.length
        // idle polls (before the expiry)
        await runFor(clock, IDLE_POLLS * POLL_S * 1000 - 1)
        const t2 = sn.requests.length
        // revoke phase
        await runUntil(clock, () => s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'revoked' && settled(), {
            within: 10 * 60_000,
            what: 'revoked and delivered',
        })
        const t3 = sn.requests.length
        // verify phase (5 minutes later)
        const verified = () =>
            s
                .list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === grantId && a[ACTION_FIELDS.type] === 'verify')
                .some((a) => a[ACTION_FIELDS.state] === 'done')
        await runUntil(clock, () => verified() && settled(), { within: 10 * 60_000, what: 'verify done' })
        const t4 = sn.requests.length

        // validation
        const grant = count(t0, t1, true)
        const idle = count(t1, t2, false)
        const idleOwn = count(t1, t2, true)
        const revoke = count(t2, t3, true)
        const verify = count(t3, t4, true)
        const report =
            `grant ${grant.total} ${JSON.stringify(grant.by)}\nrevoke ${revoke.total} ${JSON.stringify(revoke.by)}\n` +
            `verify ${verify.total} ${JSON.stringify(verify.by)}\nidle ${idle.total}/${IDLE_POLLS} ${JSON.stringify(idle.by)}`
        console.info(`[servicenow calls]\n${report}`)
        expect(idleOwn.total, report).toBe(0)
        expect(idle.total / IDLE_POLLS, report).toBeLessThanOrEqual(BOUND.idlePerPoll)
        expect(grant.total, report).toBeLessThanOrEqual(BOUND.grant)
        expect(revoke.total, report).toBeLessThanOrEqual(BOUND.revoke)
        expect(verify.total, report).toBeLessThanOrEqual(BOUND.verify)
        expect(grant.total + revoke.total + verify.total, report).toBeLessThanOrEqual(BOUND.lifecycle)
    }, 60_000)
})
