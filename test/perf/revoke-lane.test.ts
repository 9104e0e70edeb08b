/**
 * A due revoke never waits for a poll nor for ServiceNow (issue 18): with a 60 s poll the revoke lane calls the
 * provider at the journaled expiry; during a 429 storm on every ServiceNow call it revokes from the journal within
 * the lane's 1 s claim bound, and the write-back catches up once ServiceNow answers again.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'
import { startWorld, type World } from '../e2e/support/world'

let world: World | undefined
let executor: InProcessExecutor | undefined

afterEach(async () => {
    await executor?.stop()
    await world?.close()
    executor = undefined
    world = undefined
})

async function activeGrant(storm: boolean): Promise<{ lateMs: number; clock: VirtualClock; w: World }> {
    const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    const w = await startWorld({ durationMinutes: 1, keepSeededAction: true, webhookClockLagMs: 15_000, clock })
    world = w
    const grantId = w.base.grant.sysId
    executor = await startInProcessExecutor(w.env('perf-lane', { GBG_POLL_INTERVAL_SECONDS: '60' }), clock)
    const service = executor.service
    await runUntil(clock, () => w.sn.store.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'active', {
        within: 30_000,
        what: 'grant active',
    })
    await runUntil(clock, () => service.journal.pendingOutbox() === 0, { within: 30_000, what: 'delivered' })
    // the revoke is due at the journal timer (the approved end on the executor's clock)
    const expiresAt = service.journal.timer(grantId)!.dueAt.getTime()
    let calledAt: number | undefined
    service.events.on('revoke:calling', () => (calledAt ??= clock.nowMs()))
    if (storm) {
        // from a little before the expiry: every ServiceNow call answers 429 (Retry-After 5 s)
        await runUntil(clock, () => clock.nowMs() >= expiresAt - 3_000, { within: 120_000, what: 'near expiry' })
        w.sn.faults.add({ status: 429, retryAfterSeconds: 5 })
    }
    await runUntil(clock, () => calledAt !== undefined, { within: 120_000, what: 'provider revoke called' })
    return { lateMs: calledAt! - expiresAt, clock, w }
}

describe('revoke lane', () => {
    it('calls the provider at the expiry, not at the next 60 s poll', async () => {
        const { lateMs } = await activeGrant(false)
        expect(lateMs).toBeGreaterThanOrEqual(0)
        expect(lateMs).toBeLessThanOrEqual(1_000)
    }, 30_000)

    it('during a 429 storm revokes from the journal within 1 s and writes back once ServiceNow answers', async () => {
        const { lateMs, clock, w } = await activeGrant(true)
        expect(lateMs).toBeGreaterThanOrEqual(0)
        expect(lateMs).toBeLessThanOrEqual(1_500)
        w.sn.faults.clear()
        await runUntil(
            clock,
            () => w.sn.store.get(TABLE.grant, w.base.grant.sysId)?.[GRANT_FIELDS.state] === 'revoked',
            {
                within: 180_000,
                what: 'revoked written back',
            },
        )
    }, 30_000)
})
