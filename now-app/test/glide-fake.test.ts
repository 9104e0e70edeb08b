import { beforeEach, describe, expect, it, vi } from 'vitest'

import { glide, gs, GlideAggregate, GlideDateTime, GlideRecord } from './support/glide-fake'
import { revokeNowFromGrant } from '../src/server/revoke-now'
import { TABLE } from '../src/server/shared/schema'

const T = 'x_test_item'
const HEX32 = /^[0-9a-f]{32}$/

/** The values of `field` over what a query on T with `build` returns. */
function pick(field: string, build: (gr: GlideRecord) => void): (string | null)[] {
    const gr = new GlideRecord(T)
    build(gr)
    gr.query()
    const out: (string | null)[] = []
    while (gr.next()) out.push(gr.getValue(field))
    return out
}

describe('glide fake: GlideRecord queries', () => {
    beforeEach(() => {
        glide.reset()
        glide.insert(T, { name: 'alpha', n: 9, active: true, at: '2026-11-27 09:00:00', state: 'ready' })
        glide.insert(T, { name: 'beta', n: 10, active: false, at: '2026-11-27 11:00:00', state: 'claimed' })
        glide.insert(T, { name: 'gamma', n: 100, active: true, at: '', state: 'done' })
    })

    it('filters with every operator, numeric-aware where both sides are numbers', () => {
        expect(pick('name', (g) => g.addQuery('state', 'ready'))).toEqual(['alpha'])
        expect(pick('name', (g) => g.addQuery('state', '=', 'done'))).toEqual(['gamma'])
        expect(pick('name', (g) => g.addQuery('state', '!=', 'ready'))).toEqual(['beta', 'gamma'])
        expect(pick('name', (g) => g.addQuery('state', 'IN', 'ready,done'))).toEqual(['alpha', 'gamma'])
        expect(pick('name', (g) => g.addQuery('state', 'IN', ['claimed']))).toEqual(['beta'])
        expect(pick('name', (g) => g.addQuery('state', 'NOT IN', 'ready,done'))).toEqual(['beta'])
        expect(pick('name', (g) => g.addQuery('n', '<', '10'))).toEqual(['alpha'])
        expect(pick('name', (g) => g.addQuery('n', '<=', 10))).toEqual(['alpha', 'beta'])
        expect(pick('name', (g) => g.addQuery('n', '>', '10'))).toEqual(['gamma'])
        expect(pick('name', (g) => g.addQuery('n', '>=', '10'))).toEqual(['beta', 'gamma'])
        // date-times compare as strings; an empty value never matches a comparison
        expect(pick('name', (g) => g.addQuery('at', '<', '2026-11-27 10:00:00'))).toEqual(['alpha'])
        expect(pick('name', (g) => g.addQuery('at', '>=', '2026-11-27 10:00:00'))).toEqual(['beta'])
        expect(pick('name', (g) => g.addQuery('name', 'STARTSWITH', 'ga'))).toEqual(['gamma'])
        expect(pick('name', (g) => g.addQuery('name', 'CONTAINS', 'et'))).toEqual(['beta'])
        expect(() => new GlideRecord(T).addQuery('n', 'BETWEEN', '1@2')).toThrow(/not supported/)
    })

    it('ANDs conditions; null / not-null / active queries; addOrCondition widens one condition', () => {
        expect(pick('name', (g) => [g.addQuery('active', 'true'), g.addQuery('n', '>', 9)])).toEqual(['gamma'])
        expect(pick('name', (g) => g.addNullQuery('at'))).toEqual(['gamma'])
        expect(pick('name', (g) => g.addNotNullQuery('at'))).toEqual(['alpha', 'beta'])
        expect(pick('name', (g) => g.addNullQuery('no_such_field'))).toHaveLength(3)
        expect(pick('name', (g) => g.addActiveQuery())).toEqual(['alpha', 'gamma'])
        expect(pick('name', (g) => g.addQuery('state', 'ready').addOrCondition('n', '>', 50))).toEqual([
            'alpha',
            'gamma',
        ])
    })

    it('orders (numeric-aware, several keys, descending), limits and counts', () => {
        glide.insert(T, { name: 'delta', n: 9, state: 'ready' })
        expect(pick('n', (g) => g.orderBy('n'))).toEqual(['9', '9', '10', '100'])
        expect(pick('name', (g) => [g.orderBy('n'), g.orderByDesc('name')])).toEqual([
            'delta',
            'alpha',
            'beta',
            'gamma',
        ])
        expect(pick('n', (g) => g.orderByDesc('n'))).toEqual(['100', '10', '9', '9'])
        const gr = new GlideRecord(T)
        gr.orderByDesc('n')
        gr.setLimit(2)
        gr.query()
        expect(gr.getRowCount()).toBe(2)
        expect(gr.hasNext()).toBe(true)
        expect(gr.next() && gr.next()).toBe(true)
        expect(gr.hasNext()).toBe(false)
        expect(gr.next()).toBe(false)
        expect(gr.isValidRecord()).toBe(false)
    })

    it('get by sys_id and by field; an unknown table is empty; encoded queries throw', () => {
        const beta = glide.rows(T)[1]!
        const gr = new GlideRecord(T)
        expect(gr.get(beta.sys_id!)).toBe(true)
        expect(gr.getValue('name')).toBe('beta')
        expect(gr.getUniqueValue()).toBe(beta.sys_id)
        expect(gr.get('name', 'gamma')).toBe(true)
        expect(gr.getValue('n')).toBe('100')
        expect(gr.getValue('at')).toBeNull()
        expect(gr.getValue('missing')).toBeNull()
        expect(gr.get('name', 'nobody')).toBe(false)
        expect(gr.isValidRecord()).toBe(false)
        expect(new GlideRecord('x_unknown').get('a'.repeat(32))).toBe(false)
        expect(pick('name', () => undefined)).toHaveLength(3)
        expect(() => new GlideRecord(T).addEncodedQuery('state=ready')).toThrow(
            'fake: encoded queries are not allowed, use addQuery',
        )
    })
})

describe('glide fake: writes', () => {
    beforeEach(() => glide.reset())

    it('insert assigns sys_id, audit stamps and a number; seeds get the same', () => {
        glide.numbering.set(T, 'TST')
        const seeded = glide.insert(T, { name: 'seed', n: 1 })
        expect(seeded).toMatchObject({
            name: 'seed',
            n: '1',
            number: 'TST0001000',
            sys_created_on: '2026-11-27 10:00:00',
        })
        expect(seeded.sys_id).toMatch(HEX32)
        const gr = new GlideRecord(T)
        gr.initialize()
        expect(gr.isNewRecord()).toBe(true)
        gr.setValue('name', 'new')
        gr.setValue('flag', true)
        const id = gr.insert()
        expect(id).toMatch(HEX32)
        expect(glide.row(T, id!)).toMatchObject({
            name: 'new',
            flag: 'true',
            number: 'TST0001001',
            sys_updated_by: 'admin',
        })
        expect(gr.isValidRecord()).toBe(true)
        expect(gr.getDisplayValue()).toBe('TST0001001')
        expect(gr.getDisplayValue('name')).toBe('new')
        expect(gr.getTableName()).toBe(T)
        expect([gr.canRead(), gr.canWrite(), gr.canCreate()]).toEqual([true, true, true])
        const fixed = new GlideRecord('x_other')
        fixed.newRecord()
        const preset = fixed.getUniqueValue()
        expect(fixed.insert()).toBe(preset)
        expect(glide.row('x_other', preset)).toMatchObject({ sys_id: preset })
        expect(glide.row('x_other', preset)!.number).toBeUndefined()
    })

    it('query results are snapshots; update writes only the changed fields and stamps sys_updated_on', () => {
        const row = glide.insert(T, { name: 'a', state: 'ready', owner: '' })
        const mine = new GlideRecord(T)
        mine.get(row.sys_id!)
        const theirs = new GlideRecord(T)
        theirs.get(row.sys_id!)
        mine.setValue('state', 'claimed')
        expect(glide.row(T, row.sys_id!)!.state).toBe('ready')
        theirs.setValue('owner', 'exec-2')
        glide.setNow(Date.UTC(2026, 10, 27, 10, 5, 0))
        expect(theirs.update()).toBe(row.sys_id)
        expect(mine.update()).toBe(row.sys_id)
        expect(glide.row(T, row.sys_id!)).toMatchObject({ state: 'claimed', owner: 'exec-2' })
        expect(glide.row(T, row.sys_id!)!.sys_updated_on).toBe('2026-11-27 10:05:00')
        expect(glide.row(T, row.sys_id!)!.sys_created_on).toBe('2026-11-27 10:00:00')
    })

    it('update of a record never loaded inserts it; deleteRecord removes the row', () => {
        const gr = new GlideRecord(T)
        gr.setValue('name', 'via update')
        const id = gr.update()
        expect(glide.row(T, id!)!.name).toBe('via update')
        expect(gr.deleteRecord()).toBe(true)
        expect(glide.rows(T)).toEqual([])
        expect(gr.deleteRecord()).toBe(false)
    })

    it('journal fields are appended to glide.journal, not stored as columns', () => {
        glide.setUser({ sysId: 'b'.repeat(32), userName: 'bob', roles: [] })
        const gr = new GlideRecord(T)
        gr.initialize()
        gr.setValue('work_notes', 'created')
        expect(gr.getValue('work_notes')).toBe('created')
        const id = gr.insert()!
        gr.setValue('comments', 'hello')
        gr.update()
        const at = '2026-11-27 10:00:00'
        expect(glide.journal).toEqual([
            { table: T, sysId: id, field: 'work_notes', text: 'created', by: 'bob', at },
            { table: T, sysId: id, field: 'comments', text: 'hello', by: 'bob', at },
        ])
        // ... and read back as sys_journal_field rows, as a server script queries them on an instance.
        const journal = new GlideRecord('sys_journal_field')
        journal.addQuery('element_id', id)
        journal.addQuery('element', 'comments')
        journal.query()
        expect(journal.next()).toBe(true)
        expect([journal.getValue('name'), journal.getValue('value'), journal.getValue('sys_created_by')]).toEqual([
            T,
            'hello',
            'bob',
        ])
        expect(journal.next()).toBe(false)
        expect(glide.row(T, id)).not.toHaveProperty('work_notes')
        expect(glide.row(T, id)).not.toHaveProperty('comments')
        const again = new GlideRecord(T)
        again.get(id)
        expect(again.getValue('work_notes')).toBe('')
    })
})

describe('glide fake: business rules', () => {
    beforeEach(() => glide.reset())

    it('before rules see and change current; after rules see previous as before the write', () => {
        const seen: string[] = []
        glide.addRule({ table: T, when: 'before', on: 'insert', fn: (cur) => cur.setValue('state', 'ready') })
        glide.addRule({
            table: T,
            when: 'before',
            on: 'insert',
            fn: (cur, prev) => seen.push(`new=${cur.isNewRecord()} prev=${prev}`),
        })
        glide.addRule({
            table: T,
            when: 'after',
            on: 'update',
            fn: (cur, prev) => seen.push(`${prev!.getValue('state')}->${cur.getValue('state')}`),
        })
        const gr = new GlideRecord(T)
        gr.initialize()
        const id = gr.insert()!
        expect(glide.row(T, id)!.state).toBe('ready')
        gr.setValue('state', 'done')
        gr.update()
        expect(seen).toEqual(['new=true prev=null', 'ready->done'])
    })

    it('setAbortAction(true) in a before rule: insert / update return null and nothing is written', () => {
        glide.addRule({
            table: T,
            when: 'before',
            on: 'insert',
            fn: (cur) => cur.setAbortAction(cur.getValue('name') === 'bad'),
        })
        glide.addRule({
            table: T,
            when: 'before',
            on: 'update',
            fn: (cur, prev) => cur.setAbortAction(prev!.getValue('state') === 'done'),
        })
        const after = vi.fn()
        glide.addRule({ table: T, when: 'after', on: 'update', fn: after })
        const gr = new GlideRecord(T)
        gr.initialize()
        gr.setValue('name', 'bad')
        gr.setValue('work_notes', 'never')
        expect(gr.insert()).toBeNull()
        expect(glide.rows(T)).toEqual([])
        const done = glide.insert(T, { name: 'ok', state: 'done' })
        const upd = new GlideRecord(T)
        upd.get(done.sys_id!)
        upd.setValue('state', 'ready')
        upd.setValue('comments', 'never')
        expect(upd.update()).toBeNull()
        expect(glide.row(T, done.sys_id!)!.state).toBe('done')
        expect(glide.journal).toEqual([])
        expect(after).not.toHaveBeenCalled()
    })

    it('setWorkflow(false) skips the rules', () => {
        glide.addRule({ table: T, when: 'before', on: 'insert', fn: (cur) => cur.setAbortAction(true) })
        const gr = new GlideRecord(T)
        gr.initialize()
        expect(gr.insert()).toBeNull()
        gr.setWorkflow(false)
        expect(gr.insert()).toMatch(HEX32)
        expect(glide.rows(T)).toHaveLength(1)
    })
})

describe('glide fake: GlideDateTime, gs, GlideAggregate', () => {
    beforeEach(() => glide.reset())

    it('GlideDateTime: fake now, UTC round trips, arithmetic and comparison', () => {
        expect(new GlideDateTime().getValue()).toBe('2026-11-27 10:00:00')
        glide.setNow(Date.UTC(2027, 0, 2, 3, 4, 5))
        const now = new GlideDateTime()
        expect(now.getNumericValue()).toBe(Date.UTC(2027, 0, 2, 3, 4, 5))
        expect(now.getDisplayValue()).toBe('2027-01-02 03:04:05')
        const parsed = new GlideDateTime('2026-02-28 23:59:30')
        expect(parsed.getNumericValue()).toBe(Date.UTC(2026, 1, 28, 23, 59, 30))
        parsed.addSeconds(45)
        expect(parsed.getValue()).toBe('2026-03-01 00:00:15')
        parsed.setValue('2026-01-01 00:00:00')
        expect(String(parsed)).toBe('2026-01-01 00:00:00')
        parsed.setNumericValue(Date.UTC(2030, 5, 6))
        expect(parsed.getValue()).toBe('2030-06-06 00:00:00')
        expect([parsed.after(now), parsed.before(now), parsed.compareTo(now)]).toEqual([true, false, 1])
        expect(now.compareTo(new GlideDateTime(now))).toBe(0)
        expect(new GlideDateTime('yesterday').isValid()).toBe(false)
        expect(new GlideDateTime('yesterday').getValue()).toBe('')
    })

    it('gs: properties, user and roles, events, logs, messages, GUIDs', () => {
        glide.properties.set('x.p', '5')
        expect(gs.getProperty('x.p', '1')).toBe('5')
        expect(gs.getProperty('x.missing', '1')).toBe('1')
        expect(gs.getProperty('x.missing')).toBeNull()
        expect([gs.getUserName(), gs.hasRole('anything')]).toEqual(['admin', true])
        glide.setUser({ sysId: 'c'.repeat(32), userName: 'carol', roles: ['x.approver'] })
        expect([gs.getUserID(), gs.getUser().getID(), gs.getUser().getName()]).toEqual([
            'c'.repeat(32),
            'c'.repeat(32),
            'carol',
        ])
        expect([gs.hasRole('x.approver'), gs.hasRole('admin'), gs.getUser().hasRole('x.other')]).toEqual([
            true,
            false,
            false,
        ])
        const row = glide.insert(T, {})
        const gr = new GlideRecord(T)
        gr.get(row.sys_id!)
        gs.eventQueue('x.revoked', gr, 'p1', 2)
        expect(glide.events).toEqual([{ name: 'x.revoked', table: T, sysId: row.sys_id, parm1: 'p1', parm2: '2' }])
        gs.info('a {0} b {1}', 'x', 7)
        gs.warn('w')
        gs.error('e')
        gs.debug('d')
        expect(glide.logs.map((l) => `${l.level}:${l.message}`)).toEqual([
            'info:a x b 7',
            'warn:w',
            'error:e',
            'debug:d',
        ])
        gs.addInfoMessage('i')
        gs.addErrorMessage('e')
        expect(glide.messages).toEqual({ info: ['i'], error: ['e'] })
        expect(gs.generateGUID()).toMatch(HEX32)
        expect(gs.generateGUID()).not.toBe(gs.generateGUID())
        expect(gs.getMessage('Grant {0} revoked', ['BGA1'])).toBe('Grant BGA1 revoked')
        expect([gs.nil(''), gs.nil(null), gs.nil(undefined), gs.nil('x'), gs.nil(0)]).toEqual([
            true,
            true,
            true,
            false,
            false,
        ])
    })

    it('GlideAggregate counts the query; reset empties everything', () => {
        glide.insert(T, { state: 'ready' })
        glide.insert(T, { state: 'ready' })
        glide.insert(T, { state: 'done' })
        const ga = new GlideAggregate(T)
        ga.addAggregate('COUNT')
        ga.addQuery('state', 'ready')
        ga.query()
        expect(ga.next()).toBe(true)
        expect(ga.getAggregate('COUNT')).toBe('2')
        expect(ga.next()).toBe(false)
        expect(() => ga.addAggregate('SUM', 'n')).toThrow(/COUNT only/)
        glide.addRule({ table: T, when: 'before', on: 'insert', fn: (c) => c.setAbortAction(true) })
        gs.info('x')
        glide.reset()
        expect([glide.tables.size, glide.logs.length]).toEqual([0, 0])
        expect(new GlideRecord(T).insert()).toMatch(HEX32)
    })
})

describe('glide fake: what a real server module gets for @servicenow/glide', () => {
    beforeEach(() => glide.reset())

    it('revoke-now queues a numbered action and reports it', () => {
        glide.numbering.set(TABLE.action, 'BGQ')
        glide.setUser({ sysId: 'd'.repeat(32), userName: 'dave', roles: [] })
        const grant = glide.insert(TABLE.grant, { number: 'BGA0001000', state: 'active' })
        revokeNowFromGrant({ getUniqueValue: () => grant.sys_id })
        expect(glide.rows(TABLE.action)).toHaveLength(1)
        expect(glide.rows(TABLE.action)[0]).toMatchObject({
            number: 'BGQ0001000',
            grant: grant.sys_id,
            type: 'revoke',
            state: 'ready',
            priority: '1',
            not_before: '2026-11-27 10:00:00',
            requested_by: 'd'.repeat(32),
            idempotency_key: `revoke-now:${grant.sys_id}:${Date.UTC(2026, 10, 27, 10)}`,
            reason: 'Revoke now requested by dave from the grant form',
        })
        expect(glide.messages.info).toEqual(['Revoke of BGA0001000 queued (BGQ0001000); the executor runs it next.'])
        revokeNowFromGrant({ getUniqueValue: () => grant.sys_id })
        expect(glide.messages.error[0]).toMatch(/already queued \(BGQ0001000\)/)
        expect(glide.rows(TABLE.action)).toHaveLength(1)
    })
})
