/**
 * The Glide fake returns what the platform returns (contracts/servicenow-rest.md "Glide values inside the instance";
 * design/FLUENT-NOTES.md: "Inside the instance getValue() gives "1" / "0" for true/false fields … a Glide fake must
 * do the same"), on both of its backends: the in-memory store (server-module unit tests) and the ServiceNow
 * emulator's records (sandbox, e2e, red team). Field types come from the one dictionary both use (app tables from
 * now-app/dist, platform tables from test/emulators/servicenow/platform-schema.ts). See support/GLIDE-FAKE.md.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { startServiceNowEmulator, type ServiceNowEmulator } from '../../test/emulators/servicenow'
import { startAppOnEmulator, type AppRuntime } from '../../test/support/app-on-emulator'
import { glide, GlideRecord, type Row } from './support/glide-fake'
import { PLATFORM_TABLE, TABLE } from '../../shared/src/schema'

const NOW = Date.UTC(2026, 10, 27, 10, 0, 0)

/** Where seeded records go: the backend under test. */
interface Backend {
    name: string
    start(): Promise<void>
    stop(): Promise<void>
    /** Seed a record as stored (Table API spelling), bypassing GlideRecord. */
    seed(table: string, values: Record<string, string>): Row
    /** The record as stored (what the Table API would return). */
    stored(table: string, sysId: string): Row | undefined
}

let sn: ServiceNowEmulator | null = null
let app: AppRuntime | null = null

const BACKENDS: Backend[] = [
    {
        name: 'in memory',
        start: async () => {
            glide.reset()
            glide.setNow(NOW)
        },
        stop: async () => undefined,
        seed: (table, values) => glide.insert(table, values),
        stored: (table, sysId) => glide.row(table, sysId),
    },
    {
        name: 'on the ServiceNow emulator',
        start: async () => {
            sn = await startServiceNowEmulator({ now: () => new Date(NOW) })
            app = startAppOnEmulator(sn)
        },
        stop: async () => {
            app?.stop()
            await sn?.close()
            sn = null
            app = null
            glide.reset()
        },
        seed: (table, values) => sn!.store.insert(table, values),
        stored: (table, sysId) => sn!.store.get(table, sysId),
    },
]

/** A record of `table` opened through GlideRecord. */
function open(table: string, sysId: string): GlideRecord {
    const gr = new GlideRecord(table)
    expect(gr.get(sysId)).toBe(true)
    return gr
}

/** `gr.field` (a GlideElement on the instance), as a script reads it. */
const element = (gr: GlideRecord, field: string): unknown => (gr as unknown as Record<string, unknown>)[field]

describe.each(BACKENDS)('Glide fake values $name', (backend) => {
    beforeEach(() => backend.start())
    afterEach(() => backend.stop())

    it("a true/false field: getValue gives '1' / '0'; getElement().toString(), gr.f + '' and getDisplayValue give 'true' / 'false'", () => {
        // Contract "Glide values": getValue '1'/'0' (ServiceNow's own scripts test getValue('active') == '1'),
        // toString() / gr.field + '' 'true'/'false'; the Table API keeps 'true'/'false' in storage.
        const on = backend.seed(PLATFORM_TABLE.user, { user_name: 'on', active: 'true' })
        const off = backend.seed(PLATFORM_TABLE.user, { user_name: 'off', active: 'false' })
        const active = open(PLATFORM_TABLE.user, on.sys_id!)
        const inactive = open(PLATFORM_TABLE.user, off.sys_id!)
        expect([active.getValue('active'), inactive.getValue('active')]).toEqual(['1', '0'])
        expect([active.getElement('active')!.toString(), inactive.getElement('active')!.toString()]).toEqual([
            'true',
            'false',
        ])
        expect([`${element(active, 'active') as string}`, String(element(inactive, 'active'))]).toEqual([
            'true',
            'false',
        ])
        expect([active.getDisplayValue('active'), inactive.getDisplayValue('active')]).toEqual(['true', 'false'])
        // The Table API's spelling is never what getValue gives: comparing with 'true' is false on every record.
        expect(active.getValue('active') === 'true').toBe(false)
        expect(backend.stored(PLATFORM_TABLE.user, on.sys_id!)!.active).toBe('true')
    })

    it('app tables too: the grant emergency flag, the policy flags (types from now-app/dist)', () => {
        const grant = backend.seed(TABLE.grant, { emergency: 'true', expiry_warned: 'false' })
        const gr = open(TABLE.grant, grant.sys_id!)
        expect([gr.getValue('emergency'), gr.getValue('expiry_warned')]).toEqual(['1', '0'])
        const policy = backend.seed(TABLE.policy, { name: 'P', active: 'true', corp_managed_only: 'false' })
        const p = open(TABLE.policy, policy.sys_id!)
        expect([p.getValue('active'), p.getValue('corp_managed_only')]).toEqual(['1', '0'])
    })

    it("setValue stores a boolean canonically from true / 'true' / '1' (and false / 'false' / '0')", () => {
        const ids: string[] = []
        for (const value of [true, 'true', '1', 1, false, 'false', '0', 0]) {
            const gr = new GlideRecord(PLATFORM_TABLE.user)
            gr.initialize()
            gr.setValue('user_name', `u${ids.length}`)
            gr.setValue('active', value)
            ids.push(gr.insert()!)
        }
        expect(ids.map((id) => backend.stored(PLATFORM_TABLE.user, id)!.active)).toEqual([
            'true',
            'true',
            'true',
            'true',
            'false',
            'false',
            'false',
            'false',
        ])
        expect(ids.map((id) => open(PLATFORM_TABLE.user, id).getValue('active'))).toEqual([
            '1',
            '1',
            '1',
            '1',
            '0',
            '0',
            '0',
            '0',
        ])
        // gr.field = value sets it, as on the instance; update() writes it.
        const gr = open(PLATFORM_TABLE.user, ids[0]!)
        ;(gr as unknown as Record<string, unknown>).active = '0'
        gr.update()
        expect(backend.stored(PLATFORM_TABLE.user, ids[0]!)!.active).toBe('false')
    })

    it("addQuery on a boolean matches either spelling (true, 'true', '1'); addActiveQuery matches true", () => {
        backend.seed(PLATFORM_TABLE.user, { user_name: 'on', active: 'true' })
        backend.seed(PLATFORM_TABLE.user, { user_name: 'off', active: 'false' })
        const names = (build: (gr: GlideRecord) => void): string[] => {
            const gr = new GlideRecord(PLATFORM_TABLE.user)
            build(gr)
            gr.query()
            const out: string[] = []
            while (gr.next()) out.push(gr.getValue('user_name')!)
            return out.filter((n) => n === 'on' || n === 'off')
        }
        for (const value of [true, 'true', '1']) expect(names((g) => g.addQuery('active', value))).toEqual(['on'])
        for (const value of [false, 'false', '0']) expect(names((g) => g.addQuery('active', value))).toEqual(['off'])
        expect(names((g) => g.addQuery('active', '!=', '1'))).toEqual(['off'])
        expect(names((g) => g.addActiveQuery())).toEqual(['on'])
    })

    it("an empty field: getValue gives null, toString() and getDisplayValue ''; integers and dates likewise", () => {
        // Contract "Glide values": "An empty field gives null from getValue, "" from toString()".
        const change = backend.seed(PLATFORM_TABLE.change, { short_description: 'x', start_date: '', risk: '' })
        const gr = open(PLATFORM_TABLE.change, change.sys_id!)
        for (const field of ['start_date', 'end_date', 'risk', 'requested_by']) {
            expect(gr.getValue(field)).toBeNull()
            expect(gr.getElement(field)!.toString()).toBe('')
            expect(gr.getDisplayValue(field)).toBe('')
            expect(gr.getElement(field)!.nil()).toBe(true)
        }
        // A false boolean is not empty.
        expect(gr.getElement('active')!.nil()).toBe(false)
        // A column the table does not have: no element, and getValue null.
        expect(gr.getElement('no_such_column')).toBeNull()
        expect(element(gr, 'no_such_column')).toBeUndefined()
        expect(gr.getValue('no_such_column')).toBeNull()
    })

    it("getDisplayValue: a choice's label, a reference's display value; dictionary defaults fill a new record", () => {
        const caller = backend.seed(PLATFORM_TABLE.user, {
            user_name: 'alice',
            first_name: 'Alice',
            last_name: 'Ng',
            name: 'Alice Ng',
        })
        const incident = backend.seed(PLATFORM_TABLE.incident, { priority: '1', caller_id: caller.sys_id! })
        const gr = open(PLATFORM_TABLE.incident, incident.sys_id!)
        expect(gr.getValue('priority')).toBe('1')
        expect(gr.getDisplayValue('priority')).toBe('1 - Critical')
        expect(gr.getDisplayValue('caller_id')).toBe('Alice Ng')
        expect(gr.getValue('caller_id')).toBe(caller.sys_id)
        // Defaults (platform-schema: incident.state 1 "New", task.active true).
        const created = new GlideRecord(PLATFORM_TABLE.incident)
        created.initialize()
        created.setValue('short_description', 'new')
        const id = created.insert()!
        const fresh = open(PLATFORM_TABLE.incident, id)
        expect([fresh.getValue('state'), fresh.getDisplayValue('state'), fresh.getValue('active')]).toEqual([
            '1',
            'New',
            '1',
        ])
    })
})

describe('Glide fake: tables a test declares itself', () => {
    beforeEach(() => glide.reset())

    it('defineTable gives an ad-hoc table its types; an undeclared unknown table keeps plain strings', () => {
        glide.defineTable('x_test_flags', { flag: 'boolean', level: { type: 'integer', choices: [['1', 'High']] } })
        const row = glide.insert('x_test_flags', { flag: true, level: 1 })
        expect(row).toMatchObject({ flag: 'true', level: '1' })
        const gr = open('x_test_flags', row.sys_id!)
        expect([gr.getValue('flag'), gr.getDisplayValue('flag'), gr.getDisplayValue('level')]).toEqual([
            '1',
            'true',
            'High',
        ])
        const plain = glide.insert('x_untyped', { flag: true })
        expect(open('x_untyped', plain.sys_id!).getValue('flag')).toBe('true')
        glide.reset()
        const again = glide.insert('x_test_flags', { flag: true })
        expect(open('x_test_flags', again.sys_id!).getValue('flag')).toBe('true')
    })
})
