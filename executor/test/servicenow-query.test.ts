import { ACTION_FIELDS, AUDIT_FIELDS, EXECUTOR_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { describe, expect, it } from 'vitest'
import { EncodedQuery, QueryBuildError, formatGlideDateTime, parseGlideDateTime, query } from '../src/servicenow/query'

const SYS_ID = '0123456789abcdef0123456789abcdef'

describe('EncodedQuery builder', () => {
    it('builds the poll query from schema constants', () => {
        // Execution
        const q = query(TABLE.action)
            .eq(ACTION_FIELDS.state, 'ready')
            .whereDateAnyZone(ACTION_FIELDS.notBefore, '<=', new Date('2025-03-04T05:06:07.890Z'))
            .or(ACTION_FIELDS.notBefore, 'ISEMPTY')
            .orderBy(ACTION_FIELDS.priority)
            .orderByDesc('sys_created_on')
            .build()
        // Validation
        expect(q).toBeInstanceOf(EncodedQuery)
        expect(q.table).toBe(TABLE.action)
        expect(q.toString()).toBe(
            // The date bound is widened by 14 h (any zone reading); the gateway filters on the returned UTC values.
            'state=ready^not_before<=2025-03-04 19:06:07^ORnot_beforeISEMPTY^ORDERBYpriority^ORDERBYDESCsys_created_on',
        )
        expect(
            query(TABLE.action)
                .whereDateAnyZone(ACTION_FIELDS.leaseUntil, '>', new Date('2025-03-04T05:06:07Z'))
                .build()
                .toString(),
        ).toBe('lease_until>2025-03-03 15:06:07')
    })

    it('accepts sys_ids, integers, booleans, IN lists of enumerated values and identifiers', () => {
        // Execution
        const q = query(TABLE.action)
            .eq(ACTION_FIELDS.grant, SYS_ID)
            .in(ACTION_FIELDS.state, ['ready', 'claimed'])
            .where(ACTION_FIELDS.attempts, '<', 3)
            .eq(ACTION_FIELDS.leaseOwner, 'exec-1.prod:7')
            .build()
        const exec = query(TABLE.executor).eq(EXECUTOR_FIELDS.name, 'host-42').build()
        const completed = query(TABLE.action).eq(ACTION_FIELDS.state, 'done').eq(ACTION_FIELDS.grant, SYS_ID).build()
        // Validation
        expect(q.toString()).toBe(`grant=${SYS_ID}^stateINready,claimed^attempts<3^lease_owner=exec-1.prod:7`)
        expect(exec.toString()).toBe('name=host-42')
        expect(completed.toString()).toBe(`state=done^grant=${SYS_ID}`)
    })

    it("addresses only the app's own tables: every platform table is refused (the executor role reads none)", () => {
        // Execution / validation: what the recheck gate needs from them comes from the app's executor API
        for (const table of Object.values(PLATFORM_TABLE)) {
            expect(() => query(table), table).toThrow(/unknown table/)
        }
        expect(() => query('sys_properties')).toThrow(/unknown table/)
    })

    it('table: rejects injection attempts and anything not from the schema', () => {
        const attempts: [string, () => unknown][] = [
            ['^ in an enumerated field', () => query(TABLE.action).eq(ACTION_FIELDS.state, 'ready^NQstate=done')],
            ['^OR in a sys_id field', () => query(TABLE.action).eq(ACTION_FIELDS.grant, `${SYS_ID}^ORstate=done`)],
            ['= in a value', () => query(TABLE.grant).eq(GRANT_FIELDS.ritm, 'a=b')],
            ['newline', () => query(TABLE.grant).eq(GRANT_FIELDS.ritm, `${SYS_ID}\n`)],
            ['uppercase sys_id', () => query(TABLE.grant).eq(GRANT_FIELDS.ritm, SYS_ID.toUpperCase())],
            ['not an enum value', () => query(TABLE.action).eq(ACTION_FIELDS.state, 'approved')],
            ['enum of another field', () => query(TABLE.grant).eq(GRANT_FIELDS.state, 'claimed')],
            ['comma in an IN item', () => query(TABLE.action).in(ACTION_FIELDS.state, ['ready,done'])],
            ['empty IN', () => query(TABLE.action).in(ACTION_FIELDS.state, [])],
            ['free text in a string field', () => query(TABLE.grant).eq(GRANT_FIELDS.justification, 'hello')],
            ['identifier with ^', () => query(TABLE.executor).eq(EXECUTOR_FIELDS.name, 'a^ORname=b')],
            ['identifier with space', () => query(TABLE.executor).eq(EXECUTOR_FIELDS.name, 'a b')],
            ['identifier on a non-identifier field', () => query(TABLE.grant).eq(GRANT_FIELDS.targetAccount, 'admin')],
            ['float', () => query(TABLE.action).where(ACTION_FIELDS.priority, '<', 1.5)],
            ['NaN', () => query(TABLE.action).where(ACTION_FIELDS.priority, '<', Number.NaN)],
            [
                'invalid Date',
                () => query(TABLE.action).whereDateAnyZone(ACTION_FIELDS.notBefore, '<', new Date('nope')),
            ],
            // A plain date is read as UTC or in the user's zone: only the widened form is built.
            ['Date in where()', () => query(TABLE.action).where(ACTION_FIELDS.notBefore, '<=', new Date() as never)],
            ['date =', () => query(TABLE.action).whereDateAnyZone(ACTION_FIELDS.notBefore, '=' as never, new Date())],
            ['unknown field', () => query(TABLE.action).eq('state^ORstate', 'ready')],
            ['field of another table', () => query(TABLE.action).eq(GRANT_FIELDS.planDigest, SYS_ID)],
            ['dot-walk', () => query(TABLE.action).eq('grant.state', 'active')],
            ['ORDERBY injection', () => query(TABLE.action).orderBy('priority^NQstate=done')],
            ['unknown table', () => query('sys_user_has_role')],
            ['raw operator', () => query(TABLE.action).where(ACTION_FIELDS.state, 'LIKE' as never, 'ready')],
            ['unary with value', () => query(TABLE.action).where(ACTION_FIELDS.leaseUntil, 'ISEMPTY', 'x')],
            ['or first', () => query(TABLE.action).or(ACTION_FIELDS.state, '=', 'ready')],
            ['object value', () => query(TABLE.action).eq(ACTION_FIELDS.state, { toString: () => 'ready' } as never)],
            ['grant sequence string', () => query(TABLE.auditEvent).eq(AUDIT_FIELDS.sequence, '1^NQ')],
        ]
        for (const [name, build] of attempts) {
            // Execution / validation
            expect(build, name).toThrow(QueryBuildError)
        }
    })

    it('cannot be forged from a raw string', () => {
        // Execution / validation
        expect(() => new EncodedQuery(TABLE.action, 'state=done', Symbol('EncodedQuery'))).toThrow(QueryBuildError)
    })
})

describe('glide date-times', () => {
    it('format and parse in UTC, rejecting anything else', () => {
        expect(formatGlideDateTime(new Date('2025-12-31T23:59:59.999Z'))).toBe('2025-12-31 23:59:59')
        expect(parseGlideDateTime('2025-12-31 23:59:59')?.toISOString()).toBe('2025-12-31T23:59:59.000Z')
        expect(parseGlideDateTime('')).toBeNull()
        expect(() => parseGlideDateTime('2025-12-31T23:59:59Z')).toThrow(QueryBuildError)
        expect(() => parseGlideDateTime('2025-13-45 99:99:99')).toThrow(QueryBuildError)
    })
})
