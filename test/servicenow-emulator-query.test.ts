import { describe, expect, it } from 'vitest'
import {
    UnsupportedQueryError,
    matchesQuery,
    parseEncodedQuery,
    sortByQuery,
    type FieldValue,
} from './emulators/servicenow/query'

type Rec = Record<string, string>
const TYPES: Record<string, string> = { priority: 'integer', attempts: 'integer', not_before: 'glide_date_time' }

const getter =
    (r: Rec) =>
    (path: string): FieldValue | undefined =>
        path in r ? { value: r[path]!, type: TYPES[path] ?? 'string' } : undefined

function run(query: string, rows: Rec[], isField?: (p: string) => boolean): string[] {
    const q = parseEncodedQuery(query, { isField })
    return sortByQuery(
        rows.filter((r) => matchesQuery(q, getter(r))),
        q.orderBy,
        (r, p) => getter(r)(p),
    ).map((r) => r['id']!)
}

const ROWS: Rec[] = [
    { id: 'a', state: 'ready', priority: '3', not_before: '2025-01-01 10:00:00', lease_owner: '', name: 'alpha' },
    { id: 'b', state: 'claimed', priority: '10', not_before: '', lease_owner: 'exec-1', name: 'beta' },
    { id: 'c', state: 'ready', priority: '1', not_before: '2025-01-01 09:00:00', lease_owner: '', name: 'gamma' },
    {
        id: 'd',
        state: 'done',
        priority: '2',
        not_before: '2025-01-02 00:00:00',
        lease_owner: 'exec-2',
        name: 'alphabet',
    },
]

describe('encoded query parser', () => {
    it('parses AND, OR and NQ into blocks of OR-alternatives', () => {
        // Setup / execution
        const q = parseEncodedQuery('state=ready^ORstate=claimed^priority<5^NQname=beta^ORDERBYpriority')

        // Validation
        expect(q.blocks).toEqual([
            [
                [
                    { field: 'state', op: '=', value: 'ready' },
                    { field: 'state', op: '=', value: 'claimed' },
                ],
                [{ field: 'priority', op: '<', value: '5' }],
            ],
            [[{ field: 'name', op: '=', value: 'beta' }]],
        ])
        expect(q.orderBy).toEqual([{ field: 'priority', desc: false }])
    })

    it('recognises the word operators with the longest match first', () => {
        // Setup / execution
        const q = parseEncodedQuery('stateNOT INdone,dead^lease_ownerISNOTEMPTY^nameSTARTSWITHal^stateIN1,2^EQ')

        // Validation
        expect(q.blocks[0]!.map((t) => t[0])).toEqual([
            { field: 'state', op: 'NOT IN', value: 'done,dead' },
            { field: 'lease_owner', op: 'ISNOTEMPTY', value: '' },
            { field: 'name', op: 'STARTSWITH', value: 'al' },
            { field: 'state', op: 'IN', value: '1,2' },
        ])
    })

    it('evaluates = and != (an empty field never matches !=, SQL semantics)', () => {
        // Setup / execution / validation
        expect(run('state=ready', ROWS)).toEqual(['a', 'c'])
        expect(run('lease_owner!=exec-1', ROWS)).toEqual(['d'])
    })

    it('compares integers numerically and date-times chronologically', () => {
        // Setup / execution / validation: "10" > "3" numerically although "10" < "3" as text
        expect(run('priority>3', ROWS)).toEqual(['b'])
        expect(run('priority>=3', ROWS)).toEqual(['a', 'b'])
        expect(run('priority<=2', ROWS)).toEqual(['c', 'd'])
        expect(run('not_before<2025-01-01 10:00:00', ROWS)).toEqual(['c'])
        expect(run('not_before<=2025-01-01 10:00:00', ROWS)).toEqual(['a', 'c'])
        // an empty date is neither before nor after anything
        expect(run('not_before>2000-01-01 00:00:00', ROWS)).toEqual(['a', 'c', 'd'])
    })

    it('evaluates IN, NOT IN, ISEMPTY, ISNOTEMPTY, STARTSWITH, LIKE', () => {
        // Setup / execution / validation
        expect(run('stateINready,done', ROWS)).toEqual(['a', 'c', 'd'])
        expect(run('stateNOT INready,done', ROWS)).toEqual(['b'])
        expect(run('not_beforeISEMPTY', ROWS)).toEqual(['b'])
        expect(run('lease_ownerISNOTEMPTY', ROWS)).toEqual(['b', 'd'])
        expect(run('nameSTARTSWITHalpha', ROWS)).toEqual(['a', 'd'])
        expect(run('nameLIKEmm', ROWS)).toEqual(['c'])
        expect(run('nameNOT LIKEalpha', ROWS)).toEqual(['b', 'c'])
    })

    it('combines AND / OR / NQ with OR binding to the previous term', () => {
        // Setup / execution / validation: (state=ready OR state=done) AND priority<3
        expect(run('state=ready^ORstate=done^priority<3', ROWS)).toEqual(['c', 'd'])
        // block 1 OR block 2
        expect(run('state=claimed^NQpriority=1', ROWS)).toEqual(['b', 'c'])
    })

    it('sorts by several ORDERBY / ORDERBYDESC fields', () => {
        // Setup
        const rows: Rec[] = [
            { id: '1', state: 'ready', priority: '2' },
            { id: '2', state: 'done', priority: '1' },
            { id: '3', state: 'ready', priority: '1' },
            { id: '4', state: 'done', priority: '2' },
        ]

        // Execution / validation
        expect(run('ORDERBYDESCstate^ORDERBYpriority', rows)).toEqual(['3', '1', '2', '4'])
        expect(run('ORDERBYpriority^ORDERBYDESCstate', rows)).toEqual(['3', '2', '1', '4'])
    })

    it('silently drops parts naming unknown fields, as an instance does', () => {
        // Setup
        const isField = (p: string): boolean => p !== 'bogus'

        // Execution
        const q = parseEncodedQuery('bogus=1^state=ready^ORDERBYbogus', { isField })

        // Validation
        expect(q.dropped).toEqual(['bogus=1', 'ORDERBYbogus'])
        expect(run('bogus=1^state=ready', ROWS, isField)).toEqual(['a', 'c'])
        expect(run('bogus=1', ROWS, isField)).toEqual(['a', 'b', 'c', 'd'])
    })

    it('drops a part without a recognisable operator', () => {
        // Setup / execution
        const q = parseEncodedQuery('state~ready^priority=1')

        // Validation
        expect(q.dropped).toEqual(['state~ready'])
        expect(q.blocks).toEqual([[[{ field: 'priority', op: '=', value: '1' }]]])
    })

    it('refuses platform operators and javascript values the emulator does not implement', () => {
        // Setup / execution / validation
        expect(() => parseEncodedQuery('sys_created_onRELATIVEGT@hour@ago@1')).toThrow(UnsupportedQueryError)
        expect(() => parseEncodedQuery('sys_created_on>javascript:gs.daysAgo(1)')).toThrow(UnsupportedQueryError)
    })

    it('resolves supported javascript values through the resolver', () => {
        // Setup
        const q = parseEncodedQuery(
            'requested_for=javascript:gs.getUserID()^ORopened_by=javascript:gs.getUserID()^EQ',
            {
                resolveScript: (e) => (e === 'gs.getUserID()' ? 'u1' : undefined),
            },
        )

        // Execution / validation
        expect(matchesQuery(q, getter({ requested_for: 'u2', opened_by: 'u1' }))).toBe(true)
        expect(matchesQuery(q, getter({ requested_for: 'u2', opened_by: 'u3' }))).toBe(false)
    })

    it('matches everything with an empty query', () => {
        // Setup / execution / validation
        expect(run('', ROWS)).toEqual(['a', 'b', 'c', 'd'])
    })
})
