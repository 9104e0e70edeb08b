/**
 * Builder of ServiceNow encoded queries (`sysparm_query`) that cannot be injected into.
 *
 * An encoded query has no escaping: a `^` inside a value silently starts a new condition (`^NQ`, `^OR`, `ORDERBY`
 * …), and invalid parts are silently dropped, so a query built from untrusted text can widen to every record.
 * This builder therefore accepts:
 * - table and field names only from the schema constants ({@link QUERYABLE_FIELDS}, schema.ts);
 * - values only of these shapes: a member of the field's enumeration (schema.ts enums), a validated sys_id,
 *   an integer, a boolean, or, for the few identifier fields ({@link IDENTIFIER_FIELDS}, e.g. the executor's own
 *   name), a strict identifier.
 * Anything else throws {@link QueryBuildError}. There is deliberately no "raw string" escape hatch.
 *
 * Dates: a plain date value inside an encoded query is read by the instance either as UTC or in the integration
 * user's time zone — sources disagree (contract "Time zones and dates"), and the user's zone is whatever the
 * instance admin set. So `where()` refuses a Date. {@link QueryBuilder.whereDateAnyZone} instead emits a bound
 * widened by the largest zone offset ({@link MAX_ZONE_OFFSET_MS}), which returns a superset of the rows under
 * either reading and any zone; the caller then keeps the rows whose returned UTC value passes the exact bound.
 * Table API JSON date-times are UTC (`sysparm_display_value=false`), so that filter is exact.
 */
import {
    ACTION_FIELDS,
    ACTION_STATES,
    ACTION_TYPES,
    EXECUTOR_FIELDS,
    GRANT_FIELDS,
    GRANT_STATES,
    PROVIDERS,
    TABLE,
    TARGET_KINDS,
    TICKET_UPDATE_FIELDS,
    TICKET_UPDATE_KINDS,
    SYS_ID_PATTERN,
} from '@gbg/shared'
import { QUERYABLE_FIELDS, SYSTEM_FIELDS } from './platform-fields'

/** Raised when a query (or a table / field name) is not buildable safely. A programming error: fatal. */
export class QueryBuildError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'QueryBuildError'
    }
}

/** Enumerated fields: a string value must be one of these. */
const ENUM_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
    [TABLE.action]: { [ACTION_FIELDS.state]: ACTION_STATES, [ACTION_FIELDS.type]: ACTION_TYPES },
    [TABLE.grant]: {
        [GRANT_FIELDS.state]: GRANT_STATES,
        [GRANT_FIELDS.targetKind]: TARGET_KINDS,
        [GRANT_FIELDS.provider]: PROVIDERS,
    },
    // `report` reads the drift incidents the executor raised (kind incident).
    [TABLE.ticketUpdate]: { [TICKET_UPDATE_FIELDS.kind]: TICKET_UPDATE_KINDS },
}

/** Fields that may be compared to an identifier (see {@link IDENTIFIER_PATTERN}) — names we choose ourselves. */
export const IDENTIFIER_FIELDS: Readonly<Record<string, readonly string[]>> = {
    [TABLE.executor]: [EXECUTOR_FIELDS.name],
    [TABLE.action]: [ACTION_FIELDS.leaseOwner, ACTION_FIELDS.number],
    // Record numbers (BGA…, BGQ…) people type into the CLI; it checks the number's own pattern first.
    [TABLE.grant]: [GRANT_FIELDS.number],
    // The executor's own idempotency keys (<instance>:…), to find its ticket-update row after a lost answer.
    [TABLE.ticketUpdate]: [TICKET_UPDATE_FIELDS.idempotencyKey, TICKET_UPDATE_FIELDS.incidentKind],
}

/**
 * An identifier value: letters, digits and `.`, `_`, `:`, `-`, starting with a letter or digit, at most 100
 * characters. No `^`, `=`, `,`, `@`, spaces or line breaks, so it can never change a query's structure.
 * Executor instance names are validated against this at config load.
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/

/** Comparison operators the builder emits. */
export type QueryOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IN' | 'NOT IN' | 'ISEMPTY' | 'ISNOTEMPTY'

/** A value the builder accepts. Strings are further restricted per field (see the module comment). */
export type QueryValue = string | number | boolean

/**
 * The largest difference between a wall clock and UTC on the platform's zones: UTC−12 … UTC+14 (Pacific/Kiritimati),
 * rounded up to 14 h both ways. A bound widened by it holds whatever zone a plain query date is read in.
 */
export const MAX_ZONE_OFFSET_MS = 14 * 3_600_000

/** Date comparisons {@link QueryBuilder.whereDateAnyZone} emits. */
export type DateOperator = '<' | '<=' | '>' | '>='

const UNARY: readonly QueryOperator[] = ['ISEMPTY', 'ISNOTEMPTY']
const LIST: readonly QueryOperator[] = ['IN', 'NOT IN']

/** Characters that would change a query's structure; checked on every formatted value as a last line of defence. */
const FORBIDDEN = /[\^=,@\r\n\t<>!]/

/**
 * How far a `<` / `<=` date bound must be moved forward so that it holds whether the instance reads a plain
 * query date as UTC or in the integration user's zone `zone` (contract "Time zones and dates"): under the user
 * reading a text T means T − offset, so T = at + max(0, offset). Zones west of UTC (and UTC) need no widening at
 * all; an unknown zone (empty: the instance's system zone, or a name this runtime does not know) needs the full
 * {@link MAX_ZONE_OFFSET_MS}.
 */
export function zoneWideningMs(zone: string | undefined, at: Date): number {
    if (!zone) return MAX_ZONE_OFFSET_MS
    let parts: Intl.DateTimeFormatPart[]
    try {
        parts = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
        }).formatToParts(at)
    } catch {
        return MAX_ZONE_OFFSET_MS
    }
    const n = (t: string) => Number(parts.find((p) => p.type === t)?.value)
    const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))
    const offset = local - Math.floor(at.getTime() / 1000) * 1000
    if (!Number.isFinite(offset)) return MAX_ZONE_OFFSET_MS
    return Math.min(MAX_ZONE_OFFSET_MS, Math.max(0, offset))
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, the Table API's date-time format. */
export function formatGlideDateTime(date: Date): string {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new QueryBuildError('Invalid Date')
    return date.toISOString().slice(0, 19).replace('T', ' ')
}

/** Parse `YYYY-MM-DD HH:mm:ss` (UTC). Returns null for '' and throws on anything else. */
export function parseGlideDateTime(value: string): Date | null {
    if (value === '') return null
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value)
    if (!m) throw new QueryBuildError(`not a ServiceNow date-time: ${JSON.stringify(value.slice(0, 40))}`)
    const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`)
    if (Number.isNaN(date.getTime())) throw new QueryBuildError(`not a valid date-time: ${value}`)
    return date
}

/** True when `table` is a table the client may address. */
export function isKnownTable(table: string): boolean {
    return Object.prototype.hasOwnProperty.call(QUERYABLE_FIELDS, table)
}

/** Throws unless `table` is a known table. */
export function assertTable(table: string): void {
    if (typeof table !== 'string' || !isKnownTable(table)) {
        throw new QueryBuildError(`unknown table ${JSON.stringify(String(table).slice(0, 80))}`)
    }
}

/** True when `field` is a field of `table` known to the schema constants (system fields included). */
export function isKnownField(table: string, field: string): boolean {
    if ((Object.values(SYSTEM_FIELDS) as string[]).includes(field)) return true
    return QUERYABLE_FIELDS[table]?.includes(field) === true
}

/** Throws unless every name in `fields` is a known field of `table`. */
export function assertFields(table: string, fields: readonly string[]): void {
    assertTable(table)
    for (const field of fields) {
        if (typeof field !== 'string' || !isKnownField(table, field)) {
            throw new QueryBuildError(`unknown field ${JSON.stringify(String(field).slice(0, 80))} of ${table}`)
        }
    }
}

/**
 * A finished encoded query. Only {@link QueryBuilder} can make one (the private field makes the type nominal),
 * so the client cannot be handed a raw string.
 */
export class EncodedQuery {
    readonly #text: string
    readonly table: string

    /** @internal use {@link query} */
    constructor(table: string, text: string, token: symbol) {
        if (token !== BUILDER_TOKEN) throw new QueryBuildError('EncodedQuery can only be made by QueryBuilder')
        this.table = table
        this.#text = text
    }

    /** The `sysparm_query` text. */
    toString(): string {
        return this.#text
    }
}

const BUILDER_TOKEN = Symbol('EncodedQuery')

/** Fluent builder; see {@link query}. Every method validates its input and throws {@link QueryBuildError}. */
export class QueryBuilder {
    private readonly parts: string[] = []
    private readonly orders: string[] = []

    constructor(readonly table: string) {
        assertTable(table)
    }

    /** AND condition: `field OP value`. */
    where(field: string, op: QueryOperator, value?: QueryValue | readonly QueryValue[]): this {
        this.parts.push(this.condition(field, op, value))
        return this
    }

    /** OR alternative to the previous condition (`a^b^ORc` = a AND (b OR c)). */
    or(field: string, op: QueryOperator, value?: QueryValue | readonly QueryValue[]): this {
        if (this.parts.length === 0) throw new QueryBuildError('or() needs a preceding condition')
        this.parts.push('OR' + this.condition(field, op, value))
        return this
    }

    /**
     * `field OP at`, widened by {@link MAX_ZONE_OFFSET_MS} so that it returns every row the exact condition would,
     * whether the instance reads the value as UTC or in the integration user's zone (`<`, `<=`: at + 14 h; `>`,
     * `>=`: at − 14 h). The rows are a SUPERSET: filter them on their returned UTC values with the exact bound.
     */
    whereDateAnyZone(field: string, op: DateOperator, at: Date, widenMs: number = MAX_ZONE_OFFSET_MS): this {
        if (!(['<', '<=', '>', '>='] as string[]).includes(op)) {
            throw new QueryBuildError(`unsupported date operator ${JSON.stringify(String(op).slice(0, 20))}`)
        }
        this.assertField(field)
        if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new QueryBuildError('Invalid Date')
        if (!(widenMs >= 0 && widenMs <= MAX_ZONE_OFFSET_MS)) throw new QueryBuildError('zone widening out of range')
        const widened = new Date(at.getTime() + (op === '<' || op === '<=' ? widenMs : -widenMs))
        const text = formatGlideDateTime(widened)
        // A date-time legitimately holds ':' '-' and one space; nothing structural.
        if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) throw new QueryBuildError(`bad date for ${field}`)
        this.parts.push(`${field}${op}${text}`)
        return this
    }

    /** `^NQ`: the conditions after it form a new block, OR'ed with the blocks before. */
    newQuery(): this {
        if (this.parts.length === 0) throw new QueryBuildError('newQuery() needs a preceding condition')
        this.parts.push('NQ')
        return this
    }

    /** `field=value`. */
    eq(field: string, value: QueryValue): this {
        return this.where(field, '=', value)
    }

    /** `fieldINa,b,c`. */
    in(field: string, values: readonly QueryValue[]): this {
        return this.where(field, 'IN', values)
    }

    orderBy(field: string): this {
        this.assertField(field)
        this.orders.push(`ORDERBY${field}`)
        return this
    }

    orderByDesc(field: string): this {
        this.assertField(field)
        this.orders.push(`ORDERBYDESC${field}`)
        return this
    }

    build(): EncodedQuery {
        return new EncodedQuery(this.table, [...this.parts, ...this.orders].join('^'), BUILDER_TOKEN)
    }

    private assertField(field: string): void {
        if (typeof field !== 'string' || !isKnownField(this.table, field)) {
            throw new QueryBuildError(`unknown field ${JSON.stringify(String(field).slice(0, 80))} of ${this.table}`)
        }
    }

    private condition(field: string, op: QueryOperator, value?: QueryValue | readonly QueryValue[]): string {
        this.assertField(field)
        if (UNARY.includes(op)) {
            if (value !== undefined) throw new QueryBuildError(`${op} takes no value`)
            return `${field}${op}`
        }
        if (LIST.includes(op)) {
            if (!Array.isArray(value) || value.length === 0) {
                throw new QueryBuildError(`${op} needs a non-empty list of values for ${field}`)
            }
            return `${field}${op}${value.map((v) => this.formatValue(field, v)).join(',')}`
        }
        if (!(['=', '!=', '<', '<=', '>', '>='] as string[]).includes(op)) {
            throw new QueryBuildError(`unsupported operator ${JSON.stringify(String(op).slice(0, 20))}`)
        }
        if (value === undefined || Array.isArray(value)) throw new QueryBuildError(`${op} needs one value for ${field}`)
        return `${field}${op}${this.formatValue(field, value as QueryValue)}`
    }

    private formatValue(field: string, value: QueryValue): string {
        let text: string
        if ((value as unknown) instanceof Date) {
            throw new QueryBuildError(
                `${field}: a plain date in a query is read as UTC or in the integration user's time zone; ` +
                    'use whereDateAnyZone() and filter the rows on their UTC values',
            )
        }
        if (typeof value === 'number') {
            if (!Number.isSafeInteger(value)) throw new QueryBuildError(`${field}: only integers are accepted`)
            return String(value)
        }
        if (typeof value === 'boolean') return value ? 'true' : 'false'
        if (typeof value !== 'string') throw new QueryBuildError(`${field}: unsupported value type ${typeof value}`)

        const enumeration = ENUM_FIELDS[this.table]?.[field]
        if (enumeration) {
            if (!enumeration.includes(value)) {
                throw new QueryBuildError(`${field}: ${JSON.stringify(value.slice(0, 80))} is not an enumerated value`)
            }
            text = value
        } else if (SYS_ID_PATTERN.test(value)) {
            text = value
        } else if (IDENTIFIER_FIELDS[this.table]?.includes(field) && IDENTIFIER_PATTERN.test(value)) {
            text = value
        } else {
            throw new QueryBuildError(
                `${field}: ${JSON.stringify(String(value).slice(0, 80))} is not a sys_id, an enumerated value or an identifier`,
            )
        }
        // Enumerations are constants, sys_ids and identifiers are pattern-checked: this only fires if a constant
        // itself were ever edited into something dangerous.
        if (FORBIDDEN.test(text)) throw new QueryBuildError(`${field}: value contains a query metacharacter`)
        return text
    }
}

/** Start a query on `table` (a schema.ts table name). */
export function query(table: string): QueryBuilder {
    return new QueryBuilder(table)
}
