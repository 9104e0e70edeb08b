import { beforeEach, describe, expect, it, vi } from 'vitest'

// A minimal Glide fake: GlideRecord over in-memory tables (get, addQuery with = / IN, query/next, insert with
// auto-number), gs messages and user, GlideDateTime at a fixed "now".
const glide = vi.hoisted(() => {
    const tables = new Map<string, Record<string, string>[]>()
    const messages: { info: string[]; error: string[] } = { info: [], error: [] }
    let seq = 0
    class GlideRecord {
        private rows: Record<string, string>[] = []
        private i = -1
        private filters: ((r: Record<string, string>) => boolean)[] = []
        private current: Record<string, string> = {}
        constructor(private readonly table: string) {}
        private all() {
            if (!tables.has(this.table)) tables.set(this.table, [])
            return tables.get(this.table)!
        }
        get(id: string) {
            const row = this.all().find((r) => r.sys_id === id)
            if (row) this.current = row
            return !!row
        }
        addQuery(field: string, a: string, b?: string) {
            if (b === undefined) this.filters.push((r) => r[field] === a)
            else if (a === 'IN') this.filters.push((r) => b.split(',').includes(r[field] ?? ''))
            else throw new Error(`fake: operator ${a} not supported`)
        }
        query() {
            this.rows = this.all().filter((r) => this.filters.every((f) => f(r)))
            this.i = -1
        }
        next() {
            this.i += 1
            if (this.i >= this.rows.length) return false
            this.current = this.rows[this.i]!
            return true
        }
        initialize() {
            this.current = {}
        }
        setValue(f: string, v: string) {
            this.current[f] = v
        }
        getValue(f: string) {
            return this.current[f] ?? null
        }
        insert() {
            seq += 1
            this.current.sys_id = `id${seq}`.padEnd(32, '0')
            this.current.number = `BGQ${String(seq).padStart(7, '0')}`
            this.all().push(this.current)
            return this.current.sys_id
        }
    }
    return { tables, messages, GlideRecord }
})
vi.mock('@servicenow/glide', () => ({
    GlideRecord: glide.GlideRecord,
    GlideDateTime: class {
        getValue() {
            return '2026-11-24 12:00:00'
        }
        getNumericValue() {
            return Date.UTC(2026, 10, 24, 12)
        }
    },
    gs: {
        getUserID: () => 'u-bob',
        getUserName: () => 'bob.approver',
        addInfoMessage: (m: string) => glide.messages.info.push(m),
        addErrorMessage: (m: string) => glide.messages.error.push(m),
    },
}))

import { queueRevokeNow, revokeNowFromGrant } from '../src/server/revoke-now'

const GRANT = 'a'.repeat(32)
const actions = () => glide.tables.get('x_gbg_breakglass_action') ?? []

describe('Revoke now (server module)', () => {
    beforeEach(() => {
        glide.tables.clear()
        glide.messages.info = []
        glide.messages.error = []
        glide.tables.set('x_gbg_breakglass_grant', [{ sys_id: GRANT, number: 'BGA0001000', state: 'active' }])
    })

    it('queues one priority-1 revoke recording who and why', () => {
        // execution
        revokeNowFromGrant({ getUniqueValue: () => GRANT })
        // validation
        expect(actions()).toHaveLength(1)
        expect(actions()[0]).toMatchObject({
            grant: GRANT,
            type: 'revoke',
            state: 'ready',
            priority: '1',
            not_before: '2026-11-24 12:00:00',
            requested_by: 'u-bob',
            reason: 'Revoke now requested by bob.approver from the grant form',
        })
        expect(glide.messages.info[0]).toMatch(/Revoke of BGA0001000 queued/)
    })

    it('a second click while the first is waiting queues nothing more', () => {
        queueRevokeNow(GRANT, 'u-bob', 'first')
        const again = queueRevokeNow(GRANT, 'u-bob', 'second')
        expect(again.ok).toBe(false)
        expect(again.message).toMatch(/already queued/)
        expect(actions()).toHaveLength(1)
    })

    it('refuses a grant that holds no access', () => {
        glide.tables.get('x_gbg_breakglass_grant')![0]!.state = 'revoked'
        revokeNowFromGrant({ getUniqueValue: () => GRANT })
        expect(actions()).toEqual([])
        expect(glide.messages.error[0]).toMatch(/BGA0001000 is revoked; there is no access to revoke/)
    })
})
