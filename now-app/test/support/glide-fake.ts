/**
 * In-memory fake of the server-side Glide API for unit tests of now-app/src/server modules; method names follow
 * `@servicenow/glide` (types/GlideRecord.d.ts, GlideDateTime.d.ts, gs.d.ts). In Node `@servicenow/glide` resolves
 * to this module (the `paths` of the root tsconfig.json: read by tsx, and by vitest.config.ts); seed / inspect the instance
 * through `glide` (`glide.reset()` in beforeEach).
 * Kept from the platform: values are strings, getValue gives null when empty; query results are snapshots until
 * insert()/update(); update() writes only the fields this record changed and inserts a record never loaded;
 * before/after business rules (setAbortAction → insert()/update() return null, as typed `string | null`);
 * journal fields go to `glide.journal`. Simplified: case-sensitive compares; '!=' and 'NOT IN' match empty values.
 */

/** A stored record: every value a string ('' when empty). */
export type Row = Record<string, string>

export interface FakeUser {
    sysId: string
    userName: string
    roles: string[]
}

export interface BusinessRule {
    table: string
    when: 'before' | 'after'
    on: 'insert' | 'update'
    /** `previous` is null on insert. */
    fn: (current: GlideRecord, previous: GlideRecord | null) => void
}

type Predicate = (row: Row) => boolean

const DEFAULT_NOW = Date.UTC(2026, 10, 27, 10, 0, 0)
const DEFAULT_USER: FakeUser = { sysId: '6816f79cc0a8016401c5a33be04be441', userName: 'admin', roles: ['admin'] }
const JOURNAL_FIELDS = ['work_notes', 'comments']
const NUMBER_START = 1000

let clockFn: () => number = () => DEFAULT_NOW
let user: FakeUser = { ...DEFAULT_USER }
let guidSeq = 0
const counters = new Map<string, number>()
const rules: BusinessRule[] = []

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v))
const isJournal = (field: string) => JOURNAL_FIELDS.indexOf(field) >= 0
const NUMERIC = /^-?\d+(\.\d+)?$/

/** Numeric compare when both sides are numbers, else string compare (glide date-times sort as strings). */
function compare(a: string, b: string): number {
    if (NUMERIC.test(a) && NUMERIC.test(b)) return Number(a) - Number(b)
    return a < b ? -1 : a > b ? 1 : 0
}

function formatUtc(ms: number): string {
    const d = new Date(ms)
    const p = (n: number) => String(n).padStart(2, '0')
    return (
        `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
        `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
    )
}

function parseUtc(value: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(value.trim())
    if (!m) return NaN
    const n = (i: number) => Number(m[i] ?? 0)
    return Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6))
}

function newGuid(): string {
    if (backend.newSysId) return backend.newSysId()
    guidSeq += 1
    return (0x5eed0000 + guidSeq).toString(16).padStart(32, '0')
}

/**
 * Storage behind GlideRecord. The default keeps rows in `glide.tables`; the ServiceNow emulator provides one
 * over its store so the app's server modules run against the same records the executor reads through the
 * Table API. Rows returned by `rows` may be live: GlideRecord copies them.
 */
export interface GlideBackend {
    rows(table: string): Row[]
    /** Store a new record (sys_id set by the caller); journal entries in `notes`. Returns the stored row. */
    insert(table: string, values: Row, notes: Row, actor: string): Row
    /** Apply `changed` (and journal `notes`) to a stored record; undefined when it is gone. */
    update(table: string, sysId: string, changed: Row, notes: Row, actor: string): Row | undefined
    remove(table: string, sysId: string): boolean
    /** A system property ('' / undefined when absent); the default reads `glide.properties`. */
    property?(name: string): string | undefined
    /** A fresh sys_id (the default counts up, predictable after reset(); an emulator's are random). */
    newSysId?(): string
    /**
     * Store an attachment (GlideSysAttachment): its sys_attachment row and content; returns its sys_id. The default
     * keeps the row in `glide.tables` and the bytes in `glide.files`; the ServiceNow emulator stores both.
     */
    attach?(table: string, sysId: string, fileName: string, contentType: string, content: Buffer, actor: string): string
}

const memoryBackend: GlideBackend = {
    // Journal entries are rows of sys_journal_field on an instance.
    rows: (table) =>
        table === 'sys_journal_field'
            ? glide.journal.map((j, i) => ({
                  sys_id: (0x10000000 + i).toString(16).padStart(32, '0'),
                  name: j.table,
                  element_id: j.sysId,
                  element: j.field,
                  value: j.text,
                  sys_created_on: j.at,
                  sys_created_by: j.by,
              }))
            : (glide.tables.get(table) ?? []),
    insert(table, values, notes, actor) {
        const stamp = formatUtc(clockFn())
        const row: Row = {
            ...values,
            sys_created_on: stamp,
            sys_created_by: actor,
            sys_updated_on: stamp,
            sys_updated_by: actor,
        }
        if (glide.numbering.has(table) && !row.number) row.number = nextNumber(table)
        tableRows(table).push(row)
        writeJournal(table, row.sys_id ?? '', notes)
        return row
    },
    update(table, sysId, changed, notes, actor) {
        const stored = glide.row(table, sysId)
        if (!stored) return undefined
        Object.assign(stored, changed, { sys_updated_on: formatUtc(clockFn()), sys_updated_by: actor })
        writeJournal(table, sysId, notes)
        return stored
    },
    remove(table, sysId) {
        const rows = glide.tables.get(table) ?? []
        const i = rows.findIndex((r) => r.sys_id === sysId)
        if (i < 0) return false
        rows.splice(i, 1)
        return true
    },
}

let backend: GlideBackend = memoryBackend

function tableRows(table: string): Row[] {
    let rows = glide.tables.get(table)
    if (!rows) glide.tables.set(table, (rows = []))
    return rows
}

function nextNumber(table: string): string {
    const n = counters.get(table) ?? NUMBER_START
    counters.set(table, n + 1)
    return `${glide.numbering.get(table)}${String(n).padStart(7, '0')}`
}

function writeJournal(table: string, sysId: string, notes: Row): void {
    for (const field of Object.keys(notes)) {
        const text = notes[field] ?? ''
        if (text) glide.journal.push({ table, sysId, field, text, by: user.userName, at: formatUtc(clockFn()) })
    }
}

function format(message: unknown, args: unknown[]): string {
    return str(message).replace(/\{(\d)\}/g, (all, i: string) => (Number(i) < args.length ? str(args[Number(i)]) : all))
}

/** The fake instance: state to seed and inspect. */
export const glide = {
    tables: new Map<string, Row[]>(),
    properties: new Map<string, string>(),
    numbering: new Map<string, string>(),
    events: [] as { name: string; table: string; sysId: string; parm1: string; parm2: string }[],
    logs: [] as { level: 'info' | 'warn' | 'error' | 'debug'; message: string }[],
    messages: { info: [] as string[], error: [] as string[] },
    journal: [] as { table: string; sysId: string; field: string; text: string; by: string; at: string }[],
    /** Attachment contents by sys_attachment sys_id (GlideSysAttachment on the in-memory backend). */
    files: new Map<string, Buffer>(),
    /** URLs passed to gs.setRedirect (UI action scripts). */
    redirects: [] as string[],

    /** Back to an empty instance: no rows, rules, properties, numbering, records; default clock and user. */
    reset(): void {
        glide.tables.clear()
        glide.properties.clear()
        glide.numbering.clear()
        glide.events.length = 0
        glide.logs.length = 0
        glide.messages.info.length = 0
        glide.messages.error.length = 0
        glide.journal.length = 0
        glide.files.clear()
        glide.redirects.length = 0
        rules.length = 0
        counters.clear()
        clockFn = () => DEFAULT_NOW
        backend = memoryBackend
        user = { ...DEFAULT_USER }
        guidSeq = 0
    },
    setNow(ms: number): void {
        clockFn = () => ms
    },
    /** Follow another clock (e.g. the emulator's). */
    setClock(fn: () => number): void {
        clockFn = fn
    },
    now(): number {
        return clockFn()
    },
    /** Where GlideRecord reads and writes (default: the in-memory `tables`). Kept until reset(). */
    useBackend(b: GlideBackend): void {
        backend = b
    },
    /**
     * Run the business rules registered for a write that did not come through GlideRecord (e.g. a Table API
     * write to the emulator), as the session user `actor`. Returns the first error message of a before rule that
     * aborted, or undefined.
     */
    runRules(
        table: string,
        when: 'before' | 'after',
        on: 'insert' | 'update',
        current: Row,
        previous: Row | null,
    ): string | undefined {
        const record = new GlideRecord(table)
        record.loadForRules(current)
        const errors = glide.messages.error.length
        const ok = record.runRulesFromOutside(when, on, previous)
        return ok ? undefined : (glide.messages.error[errors] ?? `Operation aborted by a business rule on ${table}`)
    },
    /** The session user (default: admin with the admin role). */
    setUser(u: FakeUser): void {
        user = { sysId: u.sysId, userName: u.userName, roles: [...u.roles] }
    },
    /** Seed a row as stored (no business rules). Fills sys_id, number, sys_created_*, sys_updated_* if absent. */
    insert(table: string, fields: Record<string, unknown>): Row {
        const row: Row = {}
        const notes: Row = {}
        for (const [k, v] of Object.entries(fields)) (isJournal(k) ? notes : row)[k] = str(v)
        const stamp = formatUtc(clockFn())
        row.sys_id = row.sys_id || newGuid()
        if (glide.numbering.has(table) && !row.number) row.number = nextNumber(table)
        row.sys_created_on = row.sys_created_on || stamp
        row.sys_created_by = row.sys_created_by || user.userName
        row.sys_updated_on = row.sys_updated_on || stamp
        row.sys_updated_by = row.sys_updated_by || user.userName
        tableRows(table).push(row)
        writeJournal(table, row.sys_id, notes)
        return row
    },
    /** The stored rows of `table` (the live array; [] for an unknown table). */
    rows(table: string): Row[] {
        return glide.tables.get(table) ?? []
    },
    row(table: string, sysId: string): Row | undefined {
        return glide.rows(table).find((r) => r.sys_id === sysId)
    },
    /** Simulate a business rule; rules run in the order added. */
    addRule(rule: BusinessRule): void {
        rules.push(rule)
    },
}

const OPERATORS: Record<string, (field: string, value: string, list: string[]) => boolean> = {
    '=': (f, v) => f === v,
    '!=': (f, v) => f !== v,
    IN: (f, _v, list) => list.indexOf(f) >= 0,
    'NOT IN': (f, _v, list) => list.indexOf(f) < 0,
    '<': (f, v) => f !== '' && compare(f, v) < 0,
    '<=': (f, v) => f !== '' && compare(f, v) <= 0,
    '>': (f, v) => f !== '' && compare(f, v) > 0,
    '>=': (f, v) => f !== '' && compare(f, v) >= 0,
    STARTSWITH: (f, v) => f.startsWith(v),
    CONTAINS: (f, v) => f.indexOf(v) >= 0,
}

/** What addQuery returns (GlideQueryCondition): addOrCondition widens that condition. */
interface QueryCondition {
    addOrCondition(field: string, opOrValue: unknown, value?: unknown): QueryCondition
}

export class GlideRecord {
    protected results: Row[] = []
    protected index = -1
    private conditions: Predicate[][] = []
    private order: { field: string; desc: boolean }[] = []
    private limit = -1
    private values: Row = {}
    private changed = new Set<string>()
    private notes: Row = {}
    private loaded = false
    private fresh = false
    private workflow = true
    private aborted = false

    constructor(private readonly table: string) {}

    private static predicate(field: string, opOrValue: unknown, value?: unknown, three = false): Predicate {
        const op = three ? str(opOrValue).toUpperCase() : '='
        const v = str(three ? value : opOrValue)
        const list = Array.isArray(value) ? value.map(str) : v.split(',').map((s) => s.trim())
        const test = OPERATORS[op]
        if (!test) throw new Error(`fake: addQuery operator '${op}' is not supported`)
        return (r) => test(r[field] ?? '', v, list)
    }

    private addCondition(predicate: Predicate): QueryCondition {
        const group = [predicate]
        this.conditions.push(group)
        const condition: QueryCondition = {
            addOrCondition: (...args: [string, unknown, unknown?]) => {
                group.push(GlideRecord.predicate(args[0], args[1], args[2], args.length > 2))
                return condition
            },
        }
        return condition
    }

    addQuery(field: string, value: unknown): QueryCondition
    addQuery(field: string, operator: string, value: unknown): QueryCondition
    addQuery(field: string, ...args: unknown[]): QueryCondition {
        return this.addCondition(GlideRecord.predicate(field, args[0], args[1], args.length > 1))
    }
    addNullQuery(field: string): QueryCondition {
        return this.addCondition((r) => !r[field])
    }
    addNotNullQuery(field: string): QueryCondition {
        return this.addCondition((r) => !!r[field])
    }
    addActiveQuery(): QueryCondition {
        return this.addCondition((r) => r.active === 'true')
    }
    addEncodedQuery(_query: string): void {
        throw new Error('fake: encoded queries are not allowed, use addQuery')
    }
    orderBy(field: string): void {
        this.order.push({ field, desc: false })
    }
    orderByDesc(field: string): void {
        this.order.push({ field, desc: true })
    }
    setLimit(limit: number): void {
        this.limit = limit
    }

    query(field?: string, value?: unknown): void {
        if (field !== undefined) this.addQuery(field, value)
        let rows = backend.rows(this.table).filter((r) => this.conditions.every((g) => g.some((p) => p(r))))
        rows = rows.slice().sort((a, b) => {
            for (const { field: f, desc } of this.order) {
                const c = compare(a[f] ?? '', b[f] ?? '')
                if (c !== 0) return desc ? -c : c
            }
            return 0
        })
        if (this.limit >= 0) rows = rows.slice(0, this.limit)
        this.results = rows.map((r) => ({ ...r }))
        this.index = -1
        this.load(null)
    }
    next(): boolean {
        this.index += 1
        this.load(this.results[this.index] ?? null)
        return this.loaded
    }
    hasNext(): boolean {
        return this.index + 1 < this.results.length
    }
    getRowCount(): number {
        return this.results.length
    }
    /** get(sysId) or get(field, value): a fresh query (earlier conditions dropped), positioned on the first match. */
    get(sysId: string): boolean
    get(field: string, value: unknown): boolean
    get(fieldOrSysId: string, ...value: unknown[]): boolean {
        this.conditions = []
        this.order = []
        this.limit = -1
        if (value.length === 0) this.query('sys_id', fieldOrSysId)
        else this.query(fieldOrSysId, value[0])
        return this.next()
    }

    /** An empty new record (no sys_id until insert). */
    initialize(): void {
        this.load({})
        this.fresh = true
    }
    /** A new record with its sys_id already assigned. */
    newRecord(): void {
        this.initialize()
        this.values.sys_id = newGuid()
    }
    private load(row: Row | null): void {
        this.values = row ? { ...row } : {}
        this.loaded = row !== null && row.sys_id !== undefined
        this.fresh = false
        this.changed.clear()
        this.notes = {}
    }

    /** null when empty or missing; a journal field reads '' (or the entry pending on this record). */
    getValue(field: string): string | null {
        if (isJournal(field)) return this.notes[field] ?? ''
        const v = this.values[field]
        return v === undefined || v === '' ? null : v
    }
    setValue(field: string, value: unknown): void {
        if (isJournal(field)) this.notes[field] = str(value)
        else {
            this.values[field] = str(value)
            this.changed.add(field)
        }
    }
    getDisplayValue(field?: string): string {
        if (field !== undefined) return this.getValue(field) ?? ''
        return this.values.number || this.values.name || this.values.sys_id || ''
    }
    getUniqueValue(): string {
        return this.values.sys_id ?? ''
    }
    getTableName(): string {
        return this.table
    }
    isValidRecord(): boolean {
        return this.loaded
    }
    isNewRecord(): boolean {
        return this.fresh
    }
    canRead(): boolean {
        return true
    }
    canWrite(): boolean {
        return true
    }
    canCreate(): boolean {
        return true
    }
    setWorkflow(enabled: boolean): void {
        this.workflow = enabled
    }
    setAbortAction(abort: boolean): void {
        this.aborted = abort
    }

    private runRules(when: 'before' | 'after', on: 'insert' | 'update', previous: Row | null): boolean {
        if (!this.workflow) return true
        const prev = previous ? new GlideRecord(this.table) : null
        prev?.load(previous)
        for (const rule of rules.slice()) {
            if (rule.table === this.table && rule.when === when && rule.on === on) rule.fn(this, prev)
        }
        return !this.aborted
    }

    /** Insert the current values as a new record; null when a before rule aborts or the sys_id exists. */
    insert(): string | null {
        this.aborted = false
        const values = { ...this.values }
        if (!values.sys_id || this.loaded) values.sys_id = newGuid()
        this.values = values
        this.loaded = false
        this.fresh = true
        if (backend.rows(this.table).some((r) => r.sys_id === values.sys_id)) {
            gs.error(`fake: duplicate sys_id ${values.sys_id} in ${this.table}`)
            return null
        }
        if (!this.runRules('before', 'insert', null)) return null
        const notes = this.notes
        const row = backend.insert(this.table, { ...this.values }, notes, user.userName)
        this.load({ ...row })
        this.runRules('after', 'insert', null)
        return row.sys_id ?? null
    }

    /** Write the changed fields; inserts a record never loaded; null when aborted or the record is gone. */
    update(_reason?: unknown): string | null {
        if (!this.loaded) return this.insert()
        this.aborted = false
        const id = this.getUniqueValue()
        const found = backend.rows(this.table).find((r) => r.sys_id === id)
        if (!found) return null
        const previous = { ...found }
        if (!this.runRules('before', 'update', previous)) return null
        const changed: Row = {}
        for (const f of this.changed) changed[f] = this.values[f] ?? ''
        const stored = backend.update(this.table, id, changed, this.notes, user.userName)
        if (!stored) return null
        this.load({ ...stored })
        this.runRules('after', 'update', previous)
        return stored.sys_id ?? null
    }

    deleteRecord(): boolean {
        if (!this.loaded || !backend.remove(this.table, this.values.sys_id ?? '')) return false
        this.load(null)
        return true
    }

    /** For glide.runRules: position on `row` as a business rule's `current`. */
    loadForRules(row: Row): void {
        this.load({ ...row })
    }
    /** For glide.runRules: run the registered rules; false when a before rule aborted. */
    runRulesFromOutside(when: 'before' | 'after', on: 'insert' | 'update', previous: Row | null): boolean {
        this.aborted = false
        return this.runRules(when, on, previous)
    }
}

/** COUNT over the query, no groupBy: addAggregate('COUNT'); query(); next(); getAggregate('COUNT'). */
export class GlideAggregate extends GlideRecord {
    addAggregate(agg: string, _field?: string | null): void {
        if (agg.toUpperCase() !== 'COUNT') throw new Error(`fake: aggregate '${agg}' is not supported (COUNT only)`)
    }
    groupBy(_field: string): void {
        throw new Error('fake: GlideAggregate.groupBy is not supported')
    }
    override next(): boolean {
        this.index += 1
        return this.index === 0
    }
    getAggregate(agg: string, _field?: string | null): string {
        this.addAggregate(agg)
        return this.index === 0 ? String(this.results.length) : ''
    }
}

export class GlideDateTime {
    private ms: number

    /** No argument: the fake now. A string is 'YYYY-MM-DD HH:mm:ss' (or 'YYYY-MM-DD') in UTC. */
    constructor(value?: string | GlideDateTime) {
        this.ms = value === undefined ? clockFn() : value instanceof GlideDateTime ? value.ms : parseUtc(value)
    }
    /** 'YYYY-MM-DD HH:mm:ss' UTC; '' when invalid. */
    getValue(): string {
        return this.isValid() ? formatUtc(this.ms) : ''
    }
    setValue(value: string | number | GlideDateTime): void {
        this.ms = typeof value === 'number' ? value : new GlideDateTime(value).ms
    }
    /** The session user's zone is UTC in the fake, so this equals getValue(). */
    getDisplayValue(): string {
        return this.getValue()
    }
    toString(): string {
        return this.getValue()
    }
    isValid(): boolean {
        return !Number.isNaN(this.ms)
    }
    getNumericValue(): number {
        return this.isValid() ? this.ms : 0
    }
    setNumericValue(ms: number): void {
        this.ms = ms
    }
    addSeconds(seconds: number): void {
        this.ms += seconds * 1000
    }
    compareTo(other: GlideDateTime): number {
        return Math.sign(this.ms - other.ms)
    }
    after(other: GlideDateTime): boolean {
        return this.ms > other.ms
    }
    before(other: GlideDateTime): boolean {
        return this.ms < other.ms
    }
}

const log =
    (level: 'info' | 'warn' | 'error' | 'debug') =>
    (message?: unknown, ...parms: unknown[]): void => {
        glide.logs.push({ level, message: format(message, parms) })
    }

export const gs = {
    /** The property, else `alt`, else null. */
    getProperty(name: string, alt?: unknown): any {
        const v = backend.property ? backend.property(name) : glide.properties.get(name)
        return v !== undefined ? v : alt === undefined ? null : alt
    },
    getUserID: (): string => user.sysId,
    getUserName: (): string => user.userName,
    getUser: () => ({ getID: gs.getUserID, getName: gs.getUserName, hasRole: gs.hasRole }),
    /** admin has every role. */
    hasRole: (role: string): boolean => user.roles.indexOf('admin') >= 0 || user.roles.indexOf(role) >= 0,
    eventQueue(name: string, gr?: GlideRecord | null, parm1?: unknown, parm2?: unknown, _queue?: string): void {
        const table = gr ? gr.getTableName() : ''
        glide.events.push({ name, table, sysId: gr ? gr.getUniqueValue() : '', parm1: str(parm1), parm2: str(parm2) })
    },
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: log('debug'),
    addInfoMessage(message?: unknown): void {
        glide.messages.info.push(str(message))
    },
    addErrorMessage(message?: unknown): void {
        glide.messages.error.push(str(message))
    },
    setRedirect(url?: unknown): void {
        glide.redirects.push(str(url))
    },
    generateGUID: (): string => newGuid(),
    /** The text itself (no translations), with {0}… replaced from `args` (an array or one value). */
    getMessage(text: string, args?: unknown): string {
        return format(text, args === undefined ? [] : Array.isArray(args) ? args : [args])
    },
    nil: (v: unknown): boolean => v === null || v === undefined || str(v) === '',
    /** The session: its time zone is the user's sys_user.time_zone, else the instance default GMT. */
    getSession: () => ({
        getTimeZoneName(): string {
            const row = backend.rows('sys_user').find((u) => u.sys_id === user.sysId)
            return (row && row.time_zone) || 'GMT'
        },
    }),
}

/** The module to hand to vi.mock('@servicenow/glide', ...). */
/** Attachments (GlideSysAttachment.writeBase64 only): stored through the backend's `attach`. */
export class GlideSysAttachment {
    /** Attach base64 `content` to the record `gr` is on; the new sys_attachment sys_id, or null. */
    writeBase64(gr: GlideRecord, fileName: string, contentType: string, content: string): string | null {
        const table = gr.getTableName()
        const sysId = gr.getUniqueValue()
        if (!sysId) return null
        const bytes = Buffer.from(content, 'base64')
        if (backend.attach) return backend.attach(table, sysId, fileName, contentType, bytes, user.userName)
        const id = newGuid()
        glide.files.set(id, bytes)
        glide.insert('sys_attachment', {
            sys_id: id,
            table_name: table,
            table_sys_id: sysId,
            file_name: fileName,
            content_type: contentType,
            size_bytes: String(bytes.length),
        })
        return id
    }
}

export const glideModule = { gs, GlideRecord, GlideDateTime, GlideAggregate, GlideSysAttachment }
