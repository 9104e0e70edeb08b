/**
 * Restart with many active grants (issue 18), deterministic on the virtual clock: after a crash, a revoke that
 * fell due while the executor was down runs before the first claim of new work and within a second of the start,
 * and the start-up reads a bounded number of journal rows whatever the number of active grants (1,000 here:
 * nothing at start reads every timer or every action). The wall-clock figures are the bench's
 * (test/bench/journal.ts).
 */
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { addGrant } from '../../test/e2e/support/grants'
import { startWorld, type World } from '../../test/e2e/support/world'
import { startInProcessExecutor, type InProcessExecutor } from '../../test/support/executor-in-process'
import { VirtualClock } from '../../test/support/virtual-clock'
import { runFor, runUntil } from '../../test/support/virtual-time'
import { Journal } from '../src/journal/journal'

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let world: World
const executors: InProcessExecutor[] = []

afterAll(async () => {
    for (const e of executors) await e.stop()
    await world?.close()
})

async function start(): Promise<InProcessExecutor> {
    const e = await startInProcessExecutor(
        world.env('restart', { GBG_POLL_INTERVAL_SECONDS: '5', GBG_LOG_LEVEL: 'info' }),
        clock,
    )
    executors.push(e)
    return e
}

/** `n` active grants as the worker journals them (granted, written back, timer armed hours away). */
function seedActive(path: string, n: number): void {
    const journal = Journal.open(path, { clock })
    journal.transaction(() => {
        for (let i = 0; i < n; i++) {
            const grantId = randomBytes(16).toString('hex')
            const actionId = randomBytes(16).toString('hex')
            journal.begin({ actionId, grantId, type: 'grant', attempts: 1 })
            journal.transition(actionId, 'claimed', 'calling', { plan: '{"seeded":true}', provider: 'webhook' })
            journal.transition(actionId, 'calling', 'provider_done', { txnIds: ['t'] })
            journal.transition(actionId, 'provider_done', 'written_back')
            journal.transition(actionId, 'written_back', 'done')
            journal.armTimer(grantId, new Date(clock.nowMs() + 4 * 3_600_000 + i))
        }
    })
    journal.close()
}

describe('restart with active grants', () => {
    it('runs the revoke that fell due while down before the first claim; start-up and idle polls read a bounded journal', async () => {
        // setup: one real grant active, then the executor dies
        world = await startWorld({ durationMinutes: 1, webhookClockLagMs: 15_000, clock })
        const { sn, base } = world
        const expiring = addGrant(sn, base, { durationMinutes: 1 })
        const a = await start()
        await runUntil(
            clock,
            () =>
                sn.store.get(TABLE.grant, expiring.grantSysId)?.[GRANT_FIELDS.state] === 'active' &&
                a.service.journal.pendingOutbox() === 0,
            { within: 60_000, what: 'grant active' },
        )
        const dueAt = a.service.journal.timer(expiring.grantSysId)!.dueAt.getTime()
        await a.crash()
        seedActive(world.journalPath('restart'), 1_000)
        // down past the expiry; meanwhile a new approval is queued
        await clock.set(dueAt + 30_000)
        const fresh = addGrant(sn, base, { durationMinutes: 30 })

        // execution
        const startedAt = clock.nowMs()
        const b = await start()
        const startupRows = b.service.journal.statementStats().reduce((n, s) => n + s.rows, 0)
        const claimedFresh = (l: Record<string, unknown>) =>
            l['event'] === 'action:claimed' && l['actionSysId'] === fresh.actionSysId
        const revokeCalled = (l: Record<string, unknown>) =>
            l['event'] === 'revoke:calling' && l['grantSysId'] === expiring.grantSysId
        await b.waitForLog(revokeCalled, 30_000, 'the revoke of the expired grant')
        const revokeAfterMs = clock.nowMs() - startedAt
        await b.waitForLog(claimedFresh, 30_000, 'the first claim of the new approval')
        const at = (p: (l: Record<string, unknown>) => boolean) => b.lines.findIndex(p)

        // validation: the due revoke first, at once; start-up did not read the 1,000 active grants
        expect(at(revokeCalled)).toBeLessThan(at(claimedFresh))
        expect(revokeAfterMs).toBeLessThanOrEqual(1_000)
        await runUntil(
            clock,
            () => sn.store.get(TABLE.grant, expiring.grantSysId)?.[GRANT_FIELDS.state] === 'revoked',
            { within: 60_000, what: 'revoked' },
        )
        expect(startupRows).toBeLessThan(50) // 4 measured: the open actions and the next due times
        // the 1,000 seeded grants and the new approval, active
        expect(b.service.journal.timerCount()).toBe(1_001)

        // execution: a minute of idle polls (12) with 1,001 active grants, once the audit-chain pass is over
        await runUntil(clock, () => b.service.journal.pendingOutbox() === 0 && b.service.worker.inFlightCount === 0, {
            within: 60_000,
            what: 'settled',
        })
        await runFor(clock, 6 * 60_000)
        b.service.journal.resetStatementStats()
        await runFor(clock, 60_000)
        const idle = b.service.journal.statementStats()

        // validation: no statement returned the active grants' rows (the gauges count them: COUNT(*), one row)
        const rows = idle.reduce((n, s) => n + s.rows, 0)
        expect(rows, JSON.stringify(idle.slice(0, 5))).toBeLessThan(100)
    }, 60_000)
})
