import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { startServiceNowEmulator, type ServiceNowEmulator } from './emulators/servicenow'

// The emulator's hooks for running the app's server code: business rules on Table API writes, and the scripting
// view of the store (what GlideRecord does on an instance).
let sn: ServiceNowEmulator
const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(sn.url + path, {
        method,
        headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            Authorization: `Basic ${Buffer.from('admin:admin-pw').toString('base64')}`,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: await res.json().catch(() => undefined) }
}

beforeAll(async () => {
    sn = await startServiceNowEmulator({ users: [{ userName: 'admin', password: 'admin-pw', roles: ['admin'] }] })
})
afterAll(async () => sn?.close())

describe('emulator scripting view', () => {
    it('ignores unknown fields, drops invalid values, appends journal entries and lists them as sys_journal_field', () => {
        const ritm = sn.scripting.create(
            PLATFORM_TABLE.ritm,
            { short_description: 'x', no_such_field: 'y', priority: 'high', work_notes: 'first note' },
            'alice',
        )
        expect(ritm['no_such_field']).toBeUndefined()
        expect(ritm['priority']).toBe('4') // the invalid value was dropped: the column default stays
        expect(sn.scripting.modify(PLATFORM_TABLE.ritm, 'f'.repeat(32), { state: '2' }, 'alice')).toBeUndefined()
        sn.scripting.modify(PLATFORM_TABLE.ritm, ritm['sys_id']!, { comments: 'to the requester' }, 'bob')
        const entries = sn.scripting.list('sys_journal_field').filter((j) => j['element_id'] === ritm['sys_id'])
        expect(entries.map((j) => [j['name'], j['element'], j['value'], j['sys_created_by']])).toEqual([
            [PLATFORM_TABLE.ritm, 'work_notes', 'first note', 'alice'],
            [PLATFORM_TABLE.ritm, 'comments', 'to the requester', 'bob'],
        ])
        expect(sn.scripting.now()).toBeGreaterThan(0)
    })
})

describe('emulator business-rule hooks', () => {
    it('runs before / after rules on Table API writes; a before refusal is a 403 and writes nothing', async () => {
        const seen: string[] = []
        sn.useBusinessRules({
            before: (table, op, record, previous, actor) => {
                seen.push(`before ${op} ${table} ${actor} ${previous ? previous[GRANT_FIELDS.justification] : '-'}`)
                return record[GRANT_FIELDS.justification] === 'refuse me' ? 'Refused by the test rule' : undefined
            },
            after: (table, op, record, _previous, actor) => {
                seen.push(`after ${op} ${table} ${actor} ${record[GRANT_FIELDS.justification]}`)
            },
        })
        const created = await call('POST', `/api/now/table/${TABLE.grant}`, {
            requested_for: 'a'.repeat(32),
            target_kind: 'entra_role',
            requested_duration: '30',
            justification: 'first',
        })
        expect(created.status).toBe(201)
        const id = created.body.result.sys_id as string
        const refused = await call('PATCH', `/api/now/table/${TABLE.grant}/${id}`, { justification: 'refuse me' })
        expect(refused.status).toBe(403)
        expect(refused.body.error).toEqual({ message: 'Operation Failed', detail: 'Refused by the test rule' })
        expect(sn.store.get(TABLE.grant, id)![GRANT_FIELDS.justification]).toBe('first')
        const updated = await call('PATCH', `/api/now/table/${TABLE.grant}/${id}`, { justification: 'second' })
        expect(updated.status).toBe(200)
        expect(seen).toEqual([
            `before insert ${TABLE.grant} admin -`,
            `after insert ${TABLE.grant} admin first`,
            `before update ${TABLE.grant} admin first`,
            `before update ${TABLE.grant} admin first`,
            `after update ${TABLE.grant} admin second`,
        ])
        sn.useBusinessRules(undefined)
        await call('PATCH', `/api/now/table/${TABLE.grant}/${id}`, { justification: 'third' })
        expect(seen).toHaveLength(5)
    })
})
