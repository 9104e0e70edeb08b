/**
 * Journal retention (journal/retention.ts): what compaction removes, what it keeps, and that each reason to keep
 * a grant's history (armed timer, shared access held, open or halted action, pending or dead write-back, recent
 * activity) does keep it. On the virtual clock, against a real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { VirtualClock } from '../../test/support/virtual-clock'
import { Journal } from '../src/journal/journal'

const DAY = 86_400_000
const RETENTION = 30 * DAY
const PLAN = JSON.stringify({ grantSysId: 'x', note: 'p'.repeat(2_000) })

describe('journal retention', () => {
    let dir: string
    let path: string
    let clock: VirtualClock
    let journal: Journal

    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'gbg-retention-'))
        path = join(dir, 'journal.db')
        clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
        journal = Journal.open(path, { clock })
    })
    afterEach(() => {
        journal.close()
        rmSync(dir, { recursive: true, force: true })
    })

    /** One grant's whole lifecycle as the worker journals it: grant, revoke and verify, every write-back delivered. */
    function lifecycle(grantId: string): void {
        // one transaction (one fsync) per lifecycle: the test's speed, not a property of the worker
        journal.transaction(() => journalLifecycle(grantId))
    }

    function journalLifecycle(grantId: string): void {
        const grantAction = `${grantId}-grant`
        journal.begin({ actionId: grantAction, grantId, type: 'grant', attempts: 1 })
        journal.transition(grantAction, 'claimed', 'calling', { plan: PLAN, provider: 'webhook' })
        journal.transition(grantAction, 'calling', 'provider_done', {
            txnIds: ['t1'],
            providerResult: { big: 'r'.repeat(1_000) },
            expiresAt: new Date(clock.nowMs() + 3_600_000),
        })
        journal.transition(grantAction, 'provider_done', 'written_back', { data: { recheck: 'ok'.repeat(200) } })
        const ids = journal.enqueue([
            {
                actionId: grantAction,
                grantId,
                kind: 'grant_patch',
                payload: { kind: 'grant_patch', x: 'y'.repeat(800) },
            },
            { actionId: grantAction, grantId, kind: 'audit', payload: { kind: 'audit', x: 'z'.repeat(800) } },
            { actionId: `teams:${grantId}:granted`, grantId, kind: 'teams', payload: { card: 'c'.repeat(800) } },
        ])
        for (const id of ids) journal.markDelivered(id)
        journal.transition(grantAction, 'written_back', 'done')
        journal.armTimer(grantId, new Date(clock.nowMs() + 3_600_000))
        journal.anchorAudit(grantId, 3, 'a'.repeat(64))
        for (const type of ['revoke', 'verify']) {
            const id = `${grantId}-${type}`
            journal.begin({ actionId: id, grantId, type, attempts: 1 })
            journal.transition(id, 'claimed', 'calling', { plan: PLAN })
            journal.transition(id, 'calling', 'provider_done')
            journal.transition(id, 'provider_done', 'written_back')
            for (const oid of journal.enqueue([{ actionId: id, grantId, kind: 'audit', payload: { kind: 'audit' } }]))
                journal.markDelivered(oid)
            journal.transition(id, 'written_back', 'done')
        }
        journal.disarmTimer(grantId)
    }

    const cutoff = () => new Date(clock.nowMs() - RETENTION)
    const rows = (sql: string, ...args: unknown[]) => {
        const db = new Database(path, { readonly: true })
        try {
            return (db.prepare(sql).get(...args) as { n: number }).n
        } finally {
            db.close()
        }
    }

    it('compacts a settled grant past the age to its idempotency facts, and only then', async () => {
        // setup
        lifecycle('g1')

        // execution: within the age nothing goes
        await clock.advance(RETENTION - 1_000)
        expect(journal.compact(cutoff())).toMatchObject({ grants: 0, kept: 0 })
        expect(journal.history('g1-grant').length).toBeGreaterThan(0)

        // execution: past it
        await clock.advance(2_000)
        const report = journal.compact(cutoff())

        // validation: history, delivered write-backs (Teams cards too) and bulky columns gone
        expect(report).toMatchObject({ grants: 1, kept: 0, more: false })
        expect(report.historyRows).toBe(15)
        expect(report.outboxRows).toBe(5)
        expect(journal.history('g1-grant')).toEqual([])
        expect(journal.outbox({})).toEqual([])
        expect(journal.outbox({ actionId: 'teams:g1:granted' })).toEqual([])
        // kept: every action row, final, with its type, provider and txn ids (begin() finds it: never run again)
        const grant = journal.begin({ actionId: 'g1-grant', grantId: 'g1', type: 'grant', attempts: 9 })
        expect(grant).toMatchObject({ step: 'done', type: 'grant', provider: 'webhook', txnIds: ['t1'], plan: '' })
        expect(grant.providerResult).toBeNull()
        expect(grant.data).toEqual({})
        expect(journal.actionsOfGrant('g1').map((a) => a.step)).toEqual(['done', 'done', 'done'])
        expect(journal.auditAnchor('g1')).toMatchObject({ sequence: 3 })
        // a second pass has nothing left to read
        expect(journal.compact(cutoff())).toMatchObject({ grants: 0, kept: 0 })
    })

    it('keeps every grant that can still matter, whatever its age', async () => {
        // setup: one settled grant and one of each reason to keep
        lifecycle('settled')
        lifecycle('armed')
        journal.armTimer('armed', new Date(clock.nowMs() + DAY))
        lifecycle('holder')
        journal.addHolder('entra-role|u|r', 'holder')
        lifecycle('open')
        journal.begin({ actionId: 'open-revoke2', grantId: 'open', type: 'revoke', attempts: 1 })
        journal.transition('open-revoke2', 'claimed', 'calling')
        lifecycle('halted')
        journal.begin({ actionId: 'halted-x', grantId: 'halted', type: 'grant', attempts: 1 })
        journal.transition('halted-x', 'claimed', 'halted')
        lifecycle('pending')
        journal.enqueue([{ actionId: 'pending-revoke', grantId: 'pending', kind: 'grant_patch', payload: {} }])
        lifecycle('dead')
        const [deadId] = journal.enqueue([{ actionId: 'dead-revoke', kind: 'audit', payload: {} }])
        journal.markDead(deadId!, 'refused')
        lifecycle('retrying')
        journal.begin({ actionId: 'retrying-v2', grantId: 'retrying', type: 'verify', attempts: 1 })
        journal.transition('retrying-v2', 'claimed', 'retry_wait')
        await clock.advance(RETENTION + DAY)

        // execution
        const report = journal.compact(cutoff())

        // validation: only the settled one went
        expect(report).toMatchObject({ grants: 1, kept: 7 })
        expect(journal.history('settled-grant')).toEqual([])
        for (const g of ['armed', 'holder', 'open', 'halted', 'pending', 'dead', 'retrying']) {
            expect(journal.history(`${g}-grant`).length, g).toBeGreaterThan(0)
            expect(journal.get(`${g}-grant`)!.plan, g).toBe(PLAN)
        }
        expect(journal.grantRecord('armed')?.plan).toBe(PLAN)
        expect(journal.outbox({ status: 'pending' })).toHaveLength(1)
        expect(journal.outbox({ status: 'dead' })).toHaveLength(1)

        // execution: a grant that became settled later goes once it is old enough, not before
        // (the revoke that disarms the timer is journaled with it)
        journal.transaction(() => {
            journal.begin({ actionId: 'armed-revoke2', grantId: 'armed', type: 'revoke', attempts: 1 })
            journal.transition('armed-revoke2', 'claimed', 'done')
            journal.disarmTimer('armed')
        })
        expect(journal.compact(cutoff())).toMatchObject({ grants: 0 })
        await clock.advance(RETENTION + 1)
        expect(journal.compact(cutoff())).toMatchObject({ grants: 1 })
        expect(journal.history('armed-grant')).toEqual([])
    })

    it('a grant touched again after compaction is kept until that activity is old too', async () => {
        // setup
        lifecycle('g1')
        await clock.advance(RETENTION + DAY)
        expect(journal.compact(cutoff())).toMatchObject({ grants: 1 })

        // execution: a late verify action for the grant
        journal.begin({ actionId: 'g1-verify2', grantId: 'g1', type: 'verify', attempts: 1 })
        journal.transition('g1-verify2', 'claimed', 'done')
        await clock.advance(DAY)
        expect(journal.compact(cutoff())).toMatchObject({ grants: 0, kept: 0 })
        expect(journal.history('g1-verify2')).toHaveLength(2)
        await clock.advance(RETENTION)

        // validation
        expect(journal.compact(cutoff())).toMatchObject({ grants: 1 })
        expect(journal.history('g1-verify2')).toEqual([])
    })

    it('works in bounded passes, each grant in full', async () => {
        // setup: 120 settled grants
        for (let i = 0; i < 120; i++) lifecycle(`g${String(i).padStart(4, '0')}`)
        await clock.advance(RETENTION + DAY)
        const before = rows('SELECT COUNT(*) AS n FROM step_history')

        // execution: passes of at most 50 grants
        const passes = [journal.compact(cutoff(), 50), journal.compact(cutoff(), 50), journal.compact(cutoff(), 50)]

        // validation
        expect(passes.map((p) => [p.grants, p.more])).toEqual([
            [50, true],
            [50, true],
            [20, false],
        ])
        expect(before).toBe(120 * 15)
        expect(rows('SELECT COUNT(*) AS n FROM step_history')).toBe(0)
        expect(rows('SELECT COUNT(*) AS n FROM outbox')).toBe(0)
        expect(rows('SELECT COUNT(*) AS n FROM actions WHERE compacted = 1')).toBe(360)
    })

    it('counts timers and pages their grants without reading every row', () => {
        // setup
        journal.transaction(() => {
            for (let i = 0; i < 250; i++)
                journal.armTimer(`g${String(i).padStart(4, '0')}`, new Date(clock.nowMs() + i * 1_000))
        })
        journal.resetStatementStats()

        // execution
        const count = journal.timerCount()
        const due = journal.timerCount(new Date(clock.nowMs() + 9_500))
        const first = journal.timerGrantsAfter('', 100)
        const next = journal.timerGrantsAfter(first[first.length - 1]!, 100)
        const last = journal.timerGrantsAfter(next[next.length - 1]!, 100)

        // validation
        expect([count, due]).toEqual([250, 10])
        expect([first.length, next.length, last.length]).toEqual([100, 100, 50])
        expect(new Set([...first, ...next, ...last]).size).toBe(250)
        const read = journal.statementStats().reduce((n, s) => n + s.rows, 0)
        expect(read).toBe(2 + 250)
    })
})
