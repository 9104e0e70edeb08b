/**
 * Journal retention under the real worker, on the virtual clock (issue 18): settled grants are compacted by the
 * worker's own pass after GBG_JOURNAL_RETENTION_DAYS; a crash right after that pass, with a live grant whose
 * write-back is still pending, resumes with no lost write-back and no second grant — not even for a compacted
 * grant whose queue action ServiceNow hands over again (the journal's compacted action row is what refuses it);
 * and an idle poll reads the same journal rows with 3 past grants as with none.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, AUDIT_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { addGrant, type AddedGrant } from '../../test/e2e/support/grants'
import { startWorld, type World } from '../../test/e2e/support/world'
import { startInProcessExecutor, type InProcessExecutor } from '../../test/support/executor-in-process'
import { VirtualClock } from '../../test/support/virtual-clock'
import { runFor, runUntil } from '../../test/support/virtual-time'
import type { Journal } from '../src/journal/journal'

const DAY = 86_400_000
const POLL_S = 5
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let world: World
const executors: InProcessExecutor[] = []

afterAll(async () => {
    for (const e of executors) await e.stop()
    await world?.close()
})

async function start(): Promise<InProcessExecutor> {
    const e = await startInProcessExecutor(
        world.env('retention', {
            GBG_POLL_INTERVAL_SECONDS: String(POLL_S),
            GBG_JOURNAL_RETENTION_DAYS: '1',
            GBG_LOG_LEVEL: 'info',
        }),
        clock,
    )
    executors.push(e)
    return e
}

const state = (g: AddedGrant) => world.sn.store.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state]
const actionState = (sysId: string) => world.sn.store.get(TABLE.action, sysId)?.[ACTION_FIELDS.state]
const grantCalls = () => world.webhook.callCount('POST', '/grants')

/** Rows an idle stretch of polls reads from the journal (every statement's returned rows, summed). */
async function idleRows(journal: Journal, polls: number): Promise<number> {
    journal.resetStatementStats()
    await runFor(clock, polls * POLL_S * 1000)
    return journal.statementStats().reduce((n, s) => n + s.rows, 0)
}

describe('journal retention with the worker', () => {
    it('compacts settled grants, survives a crash after compaction and never grants twice', async () => {
        // setup: three grants through their whole lifecycle (grant, revoke at expiry, verify)
        world = await startWorld({ durationMinutes: 1, webhookClockLagMs: 15_000, clock })
        const { sn, base } = world
        const past = [1, 2, 3].map(() => addGrant(sn, base, { durationMinutes: 1 }))
        const a = await start()
        await runUntil(
            clock,
            () =>
                past.every((g) => state(g) === 'revoked') &&
                a.service.journal.unfinished().length === 0 &&
                a.service.journal.pendingOutbox() === 0 &&
                sn.store
                    .list(TABLE.action, (r) => past.some((g) => r[ACTION_FIELDS.grant] === g.grantSysId))
                    .every((r) => r[ACTION_FIELDS.state] === 'done'),
            { within: 20 * 60_000, what: 'three lifecycles settled (verify included)' },
        )
        const journalA = a.service.journal
        expect(grantCalls()).toBe(3)
        expect(journalA.history(past[0]!.actionSysId).length).toBeGreaterThan(0)
        const settledRows = await idleRows(journalA, 12)
        await a.stop()

        // a day and an hour later: a new grant whose audit write-backs ServiceNow refuses for now (503)
        await clock.advance(DAY + 3_600_000)
        const live = addGrant(sn, base, { durationMinutes: 3 })
        const audits = () => sn.store.list(TABLE.auditEvent, (r) => r[AUDIT_FIELDS.grant] === live.grantSysId).length
        sn.faults.add({ method: 'POST', path: new RegExp(`/${TABLE.auditEvent}`), status: 503 })
        const b = await start()
        await runUntil(clock, () => grantCalls() === 4, { within: 60_000, what: 'the live grant granted' })
        // execution: the worker's first compaction pass (a minute after start-up)
        await b.waitForLog((l) => l['event'] === 'journal:compacted', 3 * 60_000, 'the compaction pass')
        const j = b.service.journal
        for (const g of past) {
            expect(j.history(g.actionSysId), 'history compacted').toEqual([])
            expect(j.get(g.actionSysId)).toMatchObject({ step: 'done', plan: '' })
        }
        expect(j.outbox({ status: 'delivered' }).filter((o) => past.some((g) => g.grantSysId === o.grantId))).toEqual(
            [],
        )
        // the live grant keeps everything: plan, timer, pending write-back
        expect(j.grantRecord(live.grantSysId)?.plan).not.toBe('')
        expect(j.timer(live.grantSysId)).toBeDefined()
        const owed = j.outbox({ status: 'pending' }).filter((o) => o.grantId === live.grantSysId && o.kind === 'audit')
        expect(owed.length).toBeGreaterThan(0)
        const auditsBefore = audits()

        // execution: crash right after the compaction; ServiceNow hands a compacted grant's action over again
        // (restored from a backup, or reset by hand), its grant back at approved: only the journal knows it ran
        await b.crash()
        sn.store.update(TABLE.action, past[0]!.actionSysId, {
            [ACTION_FIELDS.state]: 'ready',
            [ACTION_FIELDS.leaseOwner]: '',
            [ACTION_FIELDS.leaseUntil]: '',
        })
        sn.store.update(TABLE.grant, past[0]!.grantSysId, { [GRANT_FIELDS.state]: 'approved' })
        sn.faults.clear()
        const c = await start()

        // validation: the live grant's write-back arrives, nothing is granted twice, the replayed action is closed
        await runUntil(clock, () => c.service.journal.pendingOutbox() === 0, {
            within: 120_000,
            what: 'the pending write-back delivered after the restart',
        })
        const delivered = new Map(c.service.journal.outbox({}).map((o) => [o.id, o.status]))
        expect(owed.map((o) => delivered.get(o.id))).toEqual(owed.map(() => 'delivered'))
        expect(audits()).toBeGreaterThanOrEqual(auditsBefore + owed.length)
        await runUntil(clock, () => actionState(past[0]!.actionSysId) === 'done', {
            within: 120_000,
            what: 'the replayed action closed',
        })
        expect(grantCalls()).toBe(4)
        // the live grant is still revoked at its expiry from the journal's timer
        await runUntil(clock, () => state(live) === 'revoked', { within: 5 * 60_000, what: 'live grant revoked' })
        expect(grantCalls()).toBe(4)

        // validation: an idle poll reads no more journal rows after 4 past grants than it did after 3 settled
        // ones before compaction (flat in past grants)
        await runUntil(clock, () => c.service.journal.unfinished().length === 0, { within: 20 * 60_000 })
        const afterRows = await idleRows(c.service.journal, 12)
        expect(afterRows).toBeLessThanOrEqual(settledRows)
    }, 60_000)
})
