import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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

    it('applies the migrations once, in WAL mode with synchronous=FULL', () => {
        // validation: the fresh file is at the latest version, durable settings applied
        expect(journal.schemaVersion()).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version)
        expect(journal.pragma('journal_mode')).toBe('wal')
        expect(journal.pragma('synchronous')).toBe(2) // FULL

        // execution: reopening applies nothing again
        journal.close()
        journal = Journal.open(path, { clock })
        expect(journal.migrate(MIGRATIONS)).toEqual([])
        const db = new Database(path, { readonly: true })
        const rows = db.prepare('SELECT version FROM migrations').all()
        db.close()
        expect(rows).toHaveLength(MIGRATIONS.length)
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
})
