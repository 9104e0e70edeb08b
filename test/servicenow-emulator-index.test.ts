/**
 * The emulator store's equality index (issue 18's bench: the emulator, not the executor, was the bound at 1,000
 * grants). The index only narrows the candidates of a `list`; these tests pin that it never changes an answer:
 * after inserts, updates that move a record between values, deletes, across a table family, and against the
 * full scan of the same query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { startServiceNowEmulator, type ServiceNowEmulator } from './emulators/servicenow'

let sn: ServiceNowEmulator
beforeAll(async () => {
    sn = await startServiceNowEmulator({ users: [{ userName: 'admin', password: 'admin-pw', roles: ['admin'] }] })
})
afterAll(async () => sn?.close())

const ids = (rows: Record<string, string>[]) => rows.map((r) => r['sys_id'])

describe('emulator store: equality index', () => {
    it('answers as the full scan through inserts, updates that move a record, and deletes', () => {
        const g1 = 'a'.repeat(32)
        const g2 = 'b'.repeat(32)
        const made = Array.from({ length: 12 }, (_, i) =>
            sn.store.insert(TABLE.action, {
                [ACTION_FIELDS.grant]: i % 3 === 0 ? g1 : g2,
                [ACTION_FIELDS.state]: 'ready',
            }),
        )
        const byGrant = (g: string) => (r: Record<string, string>) => r[ACTION_FIELDS.grant] === g
        const check = (g: string) =>
            expect(ids(sn.store.list(TABLE.action, byGrant(g), { [ACTION_FIELDS.grant]: g }))).toEqual(
                ids(sn.store.list(TABLE.action, byGrant(g))),
            )
        check(g1)
        check(g2)
        expect(sn.store.list(TABLE.action, byGrant(g1), { [ACTION_FIELDS.grant]: g1 })).toHaveLength(4)
        // an update moves a record from one value to the other (the index built above must follow)
        sn.store.update(TABLE.action, made[1]!['sys_id']!, { [ACTION_FIELDS.grant]: g1 })
        check(g1)
        check(g2)
        expect(sn.store.list(TABLE.action, byGrant(g1), { [ACTION_FIELDS.grant]: g1 })).toHaveLength(5)
        // in creation order, as the scan
        expect(ids(sn.store.list(TABLE.action, byGrant(g1), { [ACTION_FIELDS.grant]: g1 }))[1]).toBe(made[1]!['sys_id'])
        // a delete leaves it
        expect(sn.scripting.remove(TABLE.action, made[0]!['sys_id']!)).toBe(true)
        check(g1)
        expect(sn.store.list(TABLE.action, byGrant(g1), { [ACTION_FIELDS.grant]: g1 })).toHaveLength(4)
        // a record inserted after the index exists is found
        sn.store.insert(TABLE.action, { [ACTION_FIELDS.grant]: g1 })
        check(g1)
    })

    it('finds records of extending tables when listing the parent, by sys_id', () => {
        const inc = sn.store.insert(PLATFORM_TABLE.incident, { short_description: 'through task' })
        const id = inc['sys_id']!
        const same = (r: Record<string, string>) => r['sys_id'] === id
        expect(ids(sn.store.list('task', same, { sys_id: id }))).toEqual([id])
        expect(ids(sn.store.list('task', same, { sys_id: id }))).toEqual(ids(sn.store.list('task', same)))
    })

    it('the Table API and GlideRecord answer the same with and without an indexable equality', async () => {
        const g = 'c'.repeat(32)
        for (let i = 0; i < 5; i++)
            sn.store.insert(TABLE.action, { [ACTION_FIELDS.grant]: g, [ACTION_FIELDS.state]: i % 2 ? 'done' : 'ready' })
        const get = async (query: string) => {
            const res = await fetch(
                `${sn.url}/api/now/table/${TABLE.action}?sysparm_query=${encodeURIComponent(query)}`,
                {
                    headers: {
                        Accept: 'application/json',
                        Authorization: `Basic ${Buffer.from('admin:admin-pw').toString('base64')}`,
                    },
                },
            )
            return ((await res.json()) as { result: Record<string, string>[] }).result.map((r) => r['sys_id']).sort()
        }
        // indexable (AND of an exact sys_id) vs. the same set through a non-indexable OR form
        const indexed = await get(`${ACTION_FIELDS.grant}=${g}^${ACTION_FIELDS.state}=ready`)
        const scanned = await get(`${ACTION_FIELDS.grant}STARTSWITH${g}^${ACTION_FIELDS.state}=ready`)
        expect(indexed).toHaveLength(3)
        expect(indexed).toEqual(scanned)
        // an OR block: not indexable, every alternative found
        const either = await get(`${ACTION_FIELDS.grant}=${g}^NQ${ACTION_FIELDS.grant}=${'d'.repeat(32)}`)
        expect(either).toHaveLength(5)
    })
})
