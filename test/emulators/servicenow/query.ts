/**
 * ServiceNow encoded queries (`sysparm_query`, ACL conditions): parser and evaluator.
 *
 * Grammar, as the platform reads it: `<field><OP><value>` terms joined by `^` (AND) and `^OR` (OR with the
 * previous term), `^NQ` starting a new OR'ed block, `ORDERBY<f>` / `ORDERBYDESC<f>` anywhere, `^EQ` as an end
 * marker. There is no escaping: a `^` in a value always splits. Field names are lowercase (the platform
 * lowercases column names), operators are uppercase or symbols, which is what separates them.
 *
 * Like a real instance, a term naming an unknown field, or with no recognisable operator, is silently dropped
 * and the rest of the query runs. Unlike a real instance, operators that exist on the platform but that this
 * emulator does not implement (DATEPART, RELATIVEGT, VALCHANGES, …) and `javascript:` values it cannot
 * evaluate throw {@link UnsupportedQueryError}: silently ignoring them would return more rows than the instance
 * and hide a bug in the caller.
 */

/** Operators this emulator evaluates. */
export const SUPPORTED_OPERATORS = [
    'NOT LIKE',
    'NOT IN',
    'ISNOTEMPTY',
    'EMPTYSTRING',
    'STARTSWITH',
    'ENDSWITH',
    'ANYTHING',
    'BETWEEN',
    'ISEMPTY',
    'NSAMEAS',
    'SAMEAS',
    'LIKE',
    'IN',
    '!=',
    '<=',
    '>=',
    '=',
    '<',
    '>',
] as const
export type QueryOperator = (typeof SUPPORTED_OPERATORS)[number]

/** Platform operators the emulator recognises but does not implement (a query using one is refused, loudly). */
const UNSUPPORTED_OPERATORS = [
    'DATEPART',
    'RELATIVEGT',
    'RELATIVELT',
    'RELATIVEGE',
    'RELATIVELE',
    'RELATIVEEE',
    'MORETHAN',
    'LESSTHAN',
    'VALCHANGES',
    'CHANGESFROM',
    'CHANGESTO',
    'DYNAMIC',
    'GT_FIELD',
    'LT_FIELD',
    'GT_OR_EQUALS_FIELD',
    'LT_OR_EQUALS_FIELD',
    'ONToday',
    'NOTON',
    'ON',
]

/** Operators without a value. */
const UNARY: readonly QueryOperator[] = ['ISEMPTY', 'ISNOTEMPTY', 'ANYTHING', 'EMPTYSTRING']

/** Raised for a platform feature the emulator does not implement; the server answers 400 with its message. */
export class UnsupportedQueryError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'UnsupportedQueryError'
    }
}

/** One `<field><OP><value>` term. */
export interface QueryCondition {
    field: string
    op: QueryOperator
    value: string
}

/** One ORDERBY part. */
export interface QueryOrder {
    field: string
    desc: boolean
}

/**
 * A parsed query: `blocks` are OR'ed (`^NQ`); each block is a list of AND'ed terms; each term is a list of
 * OR'ed alternatives (`a^ORb^c` = `(a OR b) AND c`).
 */
export interface ParsedQuery {
    blocks: QueryCondition[][][]
    orderBy: QueryOrder[]
    /** Raw parts that were silently dropped (unknown field, no operator), for debugging. */
    dropped: string[]
}

/** Options of {@link parseEncodedQuery}. */
export interface ParseOptions {
    /** True when `path` (possibly dot-walked) names a field; others are dropped. Default: every name is valid. */
    isField?: (path: string) => boolean
    /**
     * Resolves a `javascript:` value (e.g. `gs.getUserID()` in ACL conditions). Returns undefined when the
     * expression is not supported, which throws {@link UnsupportedQueryError}.
     */
    resolveScript?: (expression: string) => string | undefined
}

const FIELD = /^[a-z0-9_]+(?:\.[a-z0-9_]+)*/

/** Parses an encoded query. Never throws for malformed parts (they are dropped); throws for unsupported ones. */
export function parseEncodedQuery(query: string, options: ParseOptions = {}): ParsedQuery {
    const isField = options.isField ?? (() => true)
    const result: ParsedQuery = { blocks: [], orderBy: [], dropped: [] }
    for (const blockText of query.split('^NQ')) {
        const block: QueryCondition[][] = []
        for (const rawPart of blockText.split('^')) {
            const part = rawPart
            if (part === '' || part === 'EQ') continue
            if (part.startsWith('ORDERBY')) {
                const desc = part.startsWith('ORDERBYDESC')
                const field = part.slice(desc ? 'ORDERBYDESC'.length : 'ORDERBY'.length)
                if (FIELD.exec(field)?.[0] === field && isField(field)) result.orderBy.push({ field, desc })
                else result.dropped.push(part)
                continue
            }
            // `^OR` after a dropped (or no) term starts a term of its own, as what it was OR'ed with is gone.
            const isOr = part.startsWith('OR')
            const condition = parseCondition(isOr ? part.slice(2) : part, isField, options.resolveScript)
            if (!condition) {
                result.dropped.push(part)
                continue
            }
            if (isOr && block.length > 0) block[block.length - 1]!.push(condition)
            else block.push([condition])
        }
        if (block.length > 0) result.blocks.push(block)
    }
    return result
}

function parseCondition(
    text: string,
    isField: (path: string) => boolean,
    resolveScript: ParseOptions['resolveScript'],
): QueryCondition | undefined {
    const field = FIELD.exec(text)?.[0]
    if (!field) return undefined
    const rest = text.slice(field.length)
    const op = SUPPORTED_OPERATORS.find((o) => rest.startsWith(o))
    if (!op) {
        const unsupported = UNSUPPORTED_OPERATORS.find((o) => rest.startsWith(o))
        if (unsupported) throw new UnsupportedQueryError(`Emulator does not support the query operator ${unsupported}`)
        return undefined
    }
    if (!isField(field)) return undefined
    let value = rest.slice(op.length)
    if (UNARY.includes(op)) value = ''
    if (value.startsWith('javascript:')) {
        const resolved = resolveScript?.(value.slice('javascript:'.length).trim())
        if (resolved === undefined) throw new UnsupportedQueryError(`Emulator cannot evaluate ${value}`)
        value = resolved
    }
    return { field, op, value }
}

/** The value of a field on the record being tested, with its dictionary type (for numeric comparisons). */
export interface FieldValue {
    value: string
    type: string
}

/** Dictionary types compared as numbers. */
const NUMERIC_TYPES = new Set(['integer', 'decimal', 'float', 'longint', 'currency', 'numeric'])

/**
 * Compares two stored values of a field type: numbers numerically, everything else (strings, sys_ids and the
 * `YYYY-MM-DD HH:mm:ss` date-times, which sort correctly as text) by code unit.
 */
export function compareValues(a: string, b: string, type: string): number {
    if (NUMERIC_TYPES.has(type)) {
        const x = Number(a)
        const y = Number(b)
        if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y
    }
    return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Evaluates one condition. Empty values follow SQL NULL semantics as on the instance: a negative operator
 * (`!=`, `NOT IN`, `NOT LIKE`) and the range operators never match an empty field — ask for `ISEMPTY` explicitly.
 */
export function evaluateCondition(c: QueryCondition, get: (path: string) => FieldValue | undefined): boolean {
    const fv = get(c.field)
    if (!fv) return false
    const v = fv.value
    switch (c.op) {
        case '=':
            return v === c.value
        case '!=':
            return v !== '' && v !== c.value
        case '<':
        case '<=':
        case '>':
        case '>=': {
            if (v === '' || c.value === '') return false
            const cmp = compareValues(v, c.value, fv.type)
            return c.op === '<' ? cmp < 0 : c.op === '<=' ? cmp <= 0 : c.op === '>' ? cmp > 0 : cmp >= 0
        }
        case 'IN':
            return c.value.split(',').includes(v)
        case 'NOT IN':
            return v !== '' && !c.value.split(',').includes(v)
        case 'ISEMPTY':
            return v === ''
        case 'ISNOTEMPTY':
            return v !== ''
        case 'ANYTHING':
            return true
        case 'EMPTYSTRING':
            return v === ''
        case 'STARTSWITH':
            return v.startsWith(c.value)
        case 'ENDSWITH':
            return v.endsWith(c.value)
        case 'LIKE':
            return v.includes(c.value)
        case 'NOT LIKE':
            return v !== '' && !v.includes(c.value)
        case 'BETWEEN': {
            const at = c.value.indexOf('@')
            if (at < 0 || v === '') return false
            const lo = c.value.slice(0, at)
            const hi = c.value.slice(at + 1)
            return compareValues(v, lo, fv.type) >= 0 && compareValues(v, hi, fv.type) <= 0
        }
        case 'SAMEAS':
        case 'NSAMEAS': {
            const other = get(c.value)
            if (!other) return false
            return c.op === 'SAMEAS' ? v === other.value : v !== other.value
        }
    }
}

/**
 * The query with every condition value passed through `map(field, value)` (both ends of a `BETWEEN`, each member
 * of an `IN` list); the emulator reads plain date values in the caller's zone with it.
 */
export function mapConditionValues(query: ParsedQuery, map: (field: string, value: string) => string): ParsedQuery {
    const one = (c: QueryCondition): QueryCondition => {
        if (c.op === 'SAMEAS' || c.op === 'NSAMEAS' || UNARY.includes(c.op)) return c
        if (c.op === 'BETWEEN' || c.op === 'IN' || c.op === 'NOT IN') {
            const sep = c.op === 'BETWEEN' ? '@' : ','
            return { ...c, value: c.value.split(sep).map((v) => map(c.field, v)).join(sep) }
        }
        return { ...c, value: map(c.field, c.value) }
    }
    return { ...query, blocks: query.blocks.map((block) => block.map((term) => term.map(one))) }
}

/** True when the record (seen through `get`) matches the query. An empty query matches everything. */
export function matchesQuery(query: ParsedQuery, get: (path: string) => FieldValue | undefined): boolean {
    if (query.blocks.length === 0) return true
    return query.blocks.some((block) => block.every((term) => term.some((c) => evaluateCondition(c, get))))
}

/** Sorts records by the query's ORDERBY parts (stable: ties keep their order). */
export function sortByQuery<T>(
    rows: T[],
    orderBy: QueryOrder[],
    get: (row: T, path: string) => FieldValue | undefined,
): T[] {
    if (orderBy.length === 0) return rows
    return [...rows].sort((a, b) => {
        for (const o of orderBy) {
            const x = get(a, o.field)
            const y = get(b, o.field)
            const cmp = compareValues(x?.value ?? '', y?.value ?? '', x?.type ?? y?.type ?? 'string')
            if (cmp !== 0) return o.desc ? -cmp : cmp
        }
        return 0
    })
}
