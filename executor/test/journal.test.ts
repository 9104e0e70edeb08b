import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VirtualClock } from '../../test/support/virtual-clock'
import { Journal, JournalConflictError } from '../src/journal/journal'
import { MIGRATIONS } from '../src/journal/migrations'

describe('journal', () => {
    let dir: string
    let path: string
    let clock: VirtualClock
    let journal: Journal

    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'gbg-journal-'))
        path = join(dir, 'journal.db')
        clock = new VirtualClock(Date.UTC(2025, 0, 6, 10, 0, 0))
        journal = Journal.open(path, { clock })
    })

    afterEach(() => {
        journal.close()
        rmSync(dir, { recursive: true, force: true })
    })

    it('applies the migrations once, in WAL mode with synchronous=NORMAL (durability by the sync barrier)', () => {
        // validation: the fresh file is at the latest version, durable settings applied
        expect(journal.schemaVersion()).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version)
        expect(journal.pragma('journal_mode')).toBe('wal')
        expect(journal.pragma('synchronous')).toBe(1) // NORMAL: commits are forced to disk by sync()

        // execution: reopening applies nothing again
        journal.close()
        journal = Journal.open(path, { clock })
        expect(journal.migrate(MIGRATIONS)).toEqual([])
        const db = new Database(path, { readonly: true })
        const rows = db.prepare('SELECT version FROM migrations').all()
        db.close()
        expect(rows).toHaveLength(MIGRATIONS.length)
    })

    it('forces commits to disk at the sync barrier, once per batch of commits, and survives a reopen', () => {
        // setup: the migrations were written; the barrier forces them to disk once
        journal.sync()
        const base = journal.syncCount()
        expect(base).toBe(1)
        journal.sync()
        expect(journal.syncCount()).toBe(base) // nothing committed since: no fsync

        // execution: several commits, then one barrier
        journal.begin({ actionId: 'a1', grantId: 'g1', type: 'grant', attempts: 1 })
        journal.transition('a1', 'claimed', 'calling', {}, 'before the provider call')
        journal.sync()

        // validation: one fsync for both commits; what it covered is there after a reopen
        expect(journal.syncCount()).toBe(base + 1)
        journal.sync()
        expect(journal.syncCount()).toBe(base + 1)
        journal.close()
        journal = Journal.open(path, { clock })
        expect(journal.get('a1')?.step).toBe('calling')
    })

    it('applies a later migration on top of existing data', () => {
        // setup
        journal.begin({ actionId: 'a1', grantId: 'g1', type: 'grant', attempts: 1 })

        // execution
        const applied = journal.migrate([
            ...MIGRATIONS,
            { version: 99, name: 'test column', sql: 'ALTER TABLE actions ADD COLUMN extra TEXT' },
        ])

        // validation
        expect(applied).toEqual([99])
        expect(journal.schemaVersion()).toBe(99)
        expect(journal.get('a1')?.step).toBe('claimed')
    })

    it('changes steps only by compare-and-swap and records every transition', () => {
        // setup
        journal.begin({ actionId: 'a1', grantId: 'g1', type: 'grant', attempts: 1 })

        // execution
        journal.transition('a1', 'claimed', 'calling', { plan: '{}', provider: 'webhook' })
        clock.advance(1000)
        const done = journal.transition('a1', 'calling', 'provider_done', {
            txnIds: ['t1', 't2'],
            expiresAt: new Date(Date.UTC(2025, 0, 6, 11)),
            providerResult: { ok: true },
            data: { grantedAt: 'x' },
        })

        // validation: the row carries the patch
        expect(done.step).toBe('provider_done')
        expect(done.txnIds).toEqual(['t1', 't2'])
        expect(done.expiresAt?.toISOString()).toBe('2025-01-06T11:00:00.000Z')
        expect(done.providerResult).toEqual({ ok: true })
        expect(done.data).toEqual({ grantedAt: 'x' })
        // a CAS from the wrong step throws and changes nothing
        expect(() => journal.transition('a1', 'calling', 'provider_done')).toThrow(JournalConflictError)
        expect(() => journal.transition('nope', 'claimed', 'calling')).toThrow(JournalConflictError)
        expect(() => journal.update('a1', 'claimed', { lastError: 'x' })).toThrow(JournalConflictError)
        expect(journal.get('a1')?.step).toBe('provider_done')
        // history
        expect(journal.history('a1').map((h) => `${h.fromStep}->${h.toStep}`)).toEqual([
            'null->claimed',
            'claimed->calling',
            'calling->provider_done',
        ])
    })

    it('begin never resets an existing action (its step says where to resume)', () => {
        // setup
        journal.begin({ actionId: 'a1', grantId: 'g1', type: 'grant', attempts: 1 })
        journal.transition('a1', 'claimed', 'calling')

        // execution
        const again = journal.begin({ actionId: 'a1', grantId: 'g1', type: 'grant', attempts: 2 })

        // validation
        expect(again.step).toBe('calling')
    })

    it('lists unfinished actions for resume and survives a reopen', () => {
        // setup
        for (const id of ['a1', 'a2', 'a3', 'a4'])
            journal.begin({ actionId: id, grantId: 'g', type: 'grant', attempts: 1 })
        journal.transition('a2', 'claimed', 'calling')
        journal.transition('a3', 'claimed', 'failed')
        journal.transition('a4', 'claimed', 'dead')

        // execution: "crash" and reopen
        journal.close()
        journal = Journal.open(path, { clock })

        // validation
        expect(journal.unfinished().map((a) => `${a.actionId}:${a.step}`)).toEqual(['a1:claimed', 'a2:calling'])
    })

    it('keeps an outbox with attempts, schedule, delivery and the alert flag', () => {
        // setup
        const [id1, id2] = journal.enqueue([
            { kind: 'grant_patch', grantId: 'g', actionId: 'a', payload: { x: 1 } },
            { kind: 'work_note', grantId: 'g', actionId: 'a', payload: { y: 2 } },
        ])

        // execution
        journal.markRetry(id1!, 'down', new Date(clock.now().getTime() + 5000))
        journal.markDelivered(id2!)
        journal.markAlerted(id1!)

        // validation
        expect(journal.dueOutbox(clock.now())).toEqual([])
        expect(journal.pendingOutbox('a')).toBe(1)
        expect(journal.nextOutboxAttempt()?.getTime()).toBe(clock.now().getTime() + 5000)
        const [item] = journal.dueOutbox(new Date(clock.now().getTime() + 5000))
        expect(item).toMatchObject({
            id: id1,
            kind: 'grant_patch',
            attempts: 1,
            lastError: 'down',
            alerted: true,
            payload: { x: 1 },
        })
    })

    it('keeps armed revoke timers across a reopen', () => {
        // setup
        const due = new Date(clock.now().getTime() + 60_000)
        journal.armTimer('g1', due)
        journal.setTimerAction('g1', 'r1')
        journal.armTimer('g2', new Date(due.getTime() + 1000))

        // execution
        journal.close()
        journal = Journal.open(path, { clock })

        // validation
        expect(journal.timers().map((t) => [t.grantId, t.revokeActionId])).toEqual([
            ['g1', 'r1'],
            ['g2', ''],
        ])
        expect(journal.timers(due).map((t) => t.grantId)).toEqual(['g1'])
        journal.disarmTimer('g1')
        expect(journal.timer('g1')).toBeUndefined()
    })

    it("reference-counts holders of the same access (the Entra providers' holder registry)", () => {
        // execution
        const until = new Date(Date.UTC(2025, 0, 6, 11))
        journal.addHolder('entra-role|u|r', 'g1', until)
        journal.addHolder('webhook|u|acct', 'g1')
        journal.addHolder('webhook|u|acct', 'g2')
        journal.addHolder('webhook|u|acct', 'g2', until)

        // validation
        expect(journal.holdersOf('webhook|u|acct')).toEqual(['g1', 'g2'])
        expect(journal.holderExpiry('webhook|u|acct', 'g2')).toEqual(until)
        expect(journal.holderKeys()).toEqual(['entra-role|u|r', 'webhook|u|acct'])
        expect(journal.removeHolder('webhook|u|acct', 'g1')).toEqual(['g2'])
        expect(journal.removeHolder('webhook|u|acct', 'g2')).toEqual([])
    })

    it('records an incident once per grant and kind', () => {
        // execution
        journal.recordIncident('g1', 'revoke_failed', 's1', 'INC1')
        journal.recordIncident('g1', 'revoke_failed', 's2', 'INC2')

        // validation
        expect(journal.incident('g1', 'revoke_failed')).toMatchObject({ sysId: 's1', number: 'INC1' })
        expect(journal.incident('g1', 'other')).toBeUndefined()
    })

    it('keeps the columns a patch leaves alone, clears an expiry set to null, and accepts any of several from-steps', () => {
        // setup
        journal.begin({ actionId: 'a1', grantId: 'g1', type: 'grant', attempts: 1 })
        journal.transition('a1', 'claimed', 'calling', {
            provider: 'webhook',
            plan: '{"p":1}',
            txnIds: ['t1'],
            providerResult: { ok: true },
            expiresAt: new Date(Date.UTC(2025, 0, 6, 11)),
            data: { a: 1 },
        })
        clock.advance(1000)

        // execution
        const updated = journal.update('a1', 'calling', { lastError: 'slow', attempts: 2, data: { b: 2 } })
        const moved = journal.transition('a1', ['claimed', 'calling'], 'retry_wait', { expiresAt: null }, 'retry')

        // validation: untouched columns kept, data merged, updated_at stamped, null clears the expiry
        expect(updated).toMatchObject({
            step: 'calling',
            provider: 'webhook',
            plan: '{"p":1}',
            txnIds: ['t1'],
            providerResult: { ok: true },
            lastError: 'slow',
            attempts: 2,
            data: { a: 1, b: 2 },
        })
        expect(updated.expiresAt?.toISOString()).toBe('2025-01-06T11:00:00.000Z')
        expect(updated.updatedAt.getTime()).toBe(clock.now().getTime())
        expect(moved).toMatchObject({ step: 'retry_wait', expiresAt: null, lastError: 'slow', data: { a: 1, b: 2 } })
        expect(journal.history('a1').at(-1)).toMatchObject({
            fromStep: 'calling',
            toStep: 'retry_wait',
            detail: 'retry',
        })
        expect(journal.actionsOfGrant('g1').map((a) => a.actionId)).toEqual(['a1'])
        expect(journal.grantRecord('g1')).toBeUndefined() // never reached provider_done
    })

    it('lists the outbox by action, by status, by both, or all', () => {
        // setup
        const [a1, a2, b1] = journal.enqueue([
            { kind: 'k', actionId: 'a', payload: 1 },
            { kind: 'k', actionId: 'a', payload: 2 },
            { kind: 'k', actionId: 'b', payload: 3 },
        ])
        journal.markDelivered(a2!)
        journal.markDead(b1!, 'gone')

        // validation
        const ids = (filter?: Parameters<Journal['outbox']>[0]) => journal.outbox(filter).map((i) => i.id)
        expect(ids()).toEqual([a1, a2, b1])
        expect(ids({ actionId: 'a' })).toEqual([a1, a2])
        expect(ids({ status: 'pending' })).toEqual([a1])
        expect(ids({ actionId: 'a', status: 'delivered' })).toEqual([a2])
        expect(ids({ actionId: 'b', status: 'pending' })).toEqual([])
        expect(journal.outbox({ status: 'dead' })[0]).toMatchObject({ attempts: 1, lastError: 'gone' })
        expect(journal.pendingOutbox()).toBe(1)
    })

    it('keeps a transaction across stores atomic: a step change and its write-backs commit or roll back together', () => {
        // setup
        journal.begin({ actionId: 'a1', grantId: 'g1', type: 'grant', attempts: 1 })

        // execution: a failure after writing to three stores rolls all of them back
        expect(() =>
            journal.transaction(() => {
                journal.transition('a1', 'claimed', 'provider_done', { txnIds: ['t1'] })
                journal.enqueue([{ kind: 'grant_patch', actionId: 'a1', grantId: 'g1', payload: {} }])
                journal.armTimer('g1', clock.now())
                throw new Error('crash before commit')
            }),
        ).toThrow('crash before commit')

        // validation: nothing of it is left
        expect(journal.get('a1')?.step).toBe('claimed')
        expect(journal.history('a1')).toHaveLength(1)
        expect(journal.outbox()).toEqual([])
        expect(journal.timer('g1')).toBeUndefined()

        // execution: the same transaction without the failure commits everything
        journal.transaction(() => {
            journal.transition('a1', 'claimed', 'provider_done', { txnIds: ['t1'] })
            journal.enqueue([{ kind: 'grant_patch', actionId: 'a1', grantId: 'g1', payload: {} }])
            journal.armTimer('g1', clock.now())
        })
        expect(journal.get('a1')?.step).toBe('provider_done')
        expect(journal.pendingOutbox('a1')).toBe(1)
        expect(journal.timer('g1')).toBeDefined()
    })

    it('prepares its statements once, when it opens, not on each call', () => {
        // One round of every operation; the keys are unique per round so each one writes.
        const round = (j: Journal, i: number) => {
            const a = `a${i}`
            const g = `g${i}`
            j.begin({ actionId: a, grantId: g, type: 'grant', attempts: 1 })
            j.transition(a, 'claimed', 'calling', { plan: '{}', provider: 'webhook' })
            j.update(a, 'calling', { lastError: 'x' })
            j.transition(a, ['calling'], 'provider_done', { txnIds: ['t'], expiresAt: clock.now() })
            j.get(a)
            j.history(a)
            j.unfinished()
            j.actionsOfGrant(g)
            j.grantRecord(g)
            const [id] = j.transaction(() => j.enqueue([{ kind: 'k', actionId: a, payload: { i } }]))
            j.dueOutbox(clock.now())
            j.outbox()
            j.outbox({ actionId: a })
            j.outbox({ status: 'pending' })
            j.outbox({ actionId: a, status: 'pending' })
            j.pendingOutbox()
            j.pendingOutbox(a)
            j.nextOutboxAttempt()
            j.markRetry(id!, 'down', clock.now())
            j.postpone(id!, clock.now(), 'later')
            j.markAlerted(id!)
            j.markDelivered(id!)
            j.markDead(id!, 'gone')
            j.transition(a, 'provider_done', 'done')
            j.armTimer(g, clock.now())
            j.setTimerAction(g, 'r')
            j.timer(g)
            j.timers()
            j.timers(clock.now())
            j.disarmTimer(g)
            j.addHolder('k', g, clock.now())
            j.holdersOf('k')
            j.holderKeys()
            j.holderExpiry('k', g)
            j.removeHolder('k', g)
            j.recordIncident(g, 'revoke_failed', 's', 'INC')
            j.incident(g, 'revoke_failed')
            j.schemaVersion()
        }
        const prepare = vi.spyOn(Database.prototype, 'prepare')
        const counted = Journal.open(join(dir, 'counted.db'), { clock })
        try {
            const atOpen = prepare.mock.calls.length

            // execution
            for (let i = 0; i < 50; i++) round(counted, i)

            // validation: the spy saw the statements of the open, and not one more since
            expect(atOpen).toBeGreaterThan(0)
            expect(prepare).toHaveBeenCalledTimes(atOpen)
            expect(counted.unfinished()).toEqual([])
            expect(counted.pendingOutbox()).toBe(0)
            expect(counted.grantRecord('g49')).toMatchObject({ plan: '{}', provider: 'webhook', txnIds: ['t'] })
        } finally {
            prepare.mockRestore()
            counted.close()
        }
    })

    it('anchors each grant audit chain head forward only (audit-anchors.ts)', () => {
        // setup / execution: two appends, then a late record of an older head
        expect(journal.auditAnchor('g1')).toBeUndefined()
        journal.anchorAudit('g1', 3, 'a'.repeat(64))
        journal.anchorAudit('g1', 5, 'b'.repeat(64))
        journal.anchorAudit('g1', 4, 'c'.repeat(64))
        // validation: the latest head stays, other grants are separate, and it survives a reopen
        expect(journal.auditAnchor('g1')).toMatchObject({ grantId: 'g1', sequence: 5, hash: 'b'.repeat(64) })
        expect(journal.auditAnchor('g2')).toBeUndefined()
        journal.close()
        journal = Journal.open(path, { clock })
        expect(journal.auditAnchor('g1')?.sequence).toBe(5)
    })
})
