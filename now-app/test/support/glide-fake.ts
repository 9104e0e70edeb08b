/**
 * Fake of the server-side Glide API for the app's server modules, in memory (unit tests) or over the ServiceNow
 * emulator's records (sandbox, e2e: test/support/app-on-emulator.ts); method names follow `@servicenow/glide`
 * (types/GlideRecord.d.ts, GlideElement.d.ts, GlideDateTime.d.ts, gs.d.ts). In Node `@servicenow/glide` resolves
 * to this module (the `paths` of the root tsconfig.json: read by tsx, and by vitest.config.ts); seed / inspect the
 * instance through `glide` (`glide.reset()` in beforeEach).
 *
 * Values as the platform returns them (contracts/servicenow-rest.md "Glide values inside the instance",
 * design/FLUENT-NOTES.md; each behaviour listed with its source in GLIDE-FAKE.md): the fake knows every field's
 * type from the same dictionary the emulator uses (app tables from now-app/dist, platform tables from
 * test/emulators/servicenow/platform-schema.ts; see {@link fieldDef}). A true/false field is stored as the Table
 * API shows it ('true' / 'false') and read through GlideRecord as the instance gives it: getValue '1' / '0',
 * getElement(f).toString() / `gr.f + ''` / getDisplayValue(f) 'true' / 'false'; an empty field is null from
 * getValue and '' from toString(); a choice's display value is its label, a reference's the referenced record's
 * display value. setValue(f, true | 'true' | '1') stores a boolean canonically; addQuery on a boolean matches
 * either spelling. Also kept: query results are snapshots until insert()/update(); update() writes only the
 * fields this record changed and inserts a record never loaded; dictionary defaults fill a new record; before /
 * after business rules (setAbortAction → insert()/update() return null, as typed `string | null`); journal fields go
 * to `glide.journal`. Simplified: case-sensitive compares; '!=' and 'NOT IN' match empty values; only booleans are
 * normalised on write (an integer or date field stores what it is given).
 */
import { buildSchema, type Schema } from '../../../test/emulators/servicenow/schema'

/** A stored record, as the Table API shows it: every value a string ('' when empty; booleans 'true' / 'false'). */
export type Row = Record<string, string>

export interface FakeUser {
    sysId: string
    userName: string
    roles: string[]
}

export interface BusinessRule {
    table: string
    /** `async`: queued after the write and run later by the scheduler ({@link glide.useAsyncRunner}). */
    when: 'before' | 'after' | 'async'
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

/** What the fake knows of a column: its dictionary type, choice labels (value → label) and referenced table. */
export interface FieldInfo {
    type: string
    choices: Map<string, string>
    reference: string
}

/** A column of a table declared with glide.defineTable: a type, or a type with choices / reference. */
export type FieldSpec = string | { type: string; choices?: [value: string, label: string][]; reference?: string }

let dictionary: Schema | null = null
/** Tables a test declares itself (glide.defineTable): they shadow the dictionary, until reset(). */
const declared = new Map<string, { fields: Map<string, FieldInfo>; displayField: string }>()

/**
 * The dictionary: the same one the ServiceNow emulator builds (app tables from now-app/dist through
 * test/support/app-dist.ts, platform tables from test/emulators/servicenow/platform-schema.ts), loaded on first use.
 * Throws, with the command to run, when the app has not been built.
 */
function schema(): Schema {
    if (!dictionary) dictionary = buildSchema()
    return dictionary
}

/** The column `field` of `table` (inherited columns included); undefined for an unknown table or column. */
export function fieldDef(table: string, field: string): FieldInfo | undefined {
    const own = declared.get(table)
    if (own) return own.fields.get(field)
    return schema().tables.get(table)?.fields.get(field)
}

/** Whether the fake knows `table` (from the dictionary or glide.defineTable). */
function knownTable(table: string): boolean {
    return declared.has(table) || schema().tables.has(table)
}

/** The column whose value is a record's display value ('' when the table is unknown). */
function displayFieldOf(table: string): string {
    const own = declared.get(table)
    if (own) return own.displayField
    return schema().tables.get(table)?.displayField ?? ''
}

const isBoolean = (table: string, field: string): boolean => fieldDef(table, field)?.type === 'boolean'

/**
 * A boolean as stored (what the Table API returns): 'true' for true, 'true' or '1' (any spelling the platform
 * accepts as true), 'false' for anything else — the emulator's normalizeValue does the same for its store.
 */
function storedBoolean(value: unknown): string {
    const text = str(value)
    return text === 'true' || text === '1' ? 'true' : 'false'
}

/** A value as `table`.`field` stores it (booleans canonical; everything else its text). */
function storedValue(table: string, field: string, value: unknown): string {
    return isBoolean(table, field) ? storedBoolean(value) : str(value)
}

/** A query operand on `table`.`field`: a boolean compares with the stored spelling ('' stays empty). */
function queryOperand(table: string, field: string, value: string): string {
    return value !== '' && isBoolean(table, field) ? storedBoolean(value) : value
}

/** The dictionary defaults of a new record of `table` (javascript: defaults are not run: empty). */
function defaults(table: string): Row {
    const out: Row = {}
    const own = declared.get(table)
    if (own || !knownTable(table)) return out
    for (const f of schema().tables.get(table)?.fields.values() ?? []) {
        if (f.system || f.type === 'journal_input' || f.defaultValue === '') continue
        out[f.name] = f.defaultValue.startsWith('javascript:') ? '' : storedValue(table, f.name, f.defaultValue)
    }
    return out
}

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
    /**
     * The rows of `table`. `filter`, when given, MAY be applied by the backend to skip rows early (the emulator
     * reads its records without copying them first); callers filter the result again. `eq`: exact equalities the
     * filter implies (the emulator looks those candidates up by index); a backend may ignore it.
     */
    rows(table: string, filter?: (r: Row) => boolean, eq?: Readonly<Record<string, string>>): Row[]
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
            ...defaults(table),
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

let eventScheduler: ((atMs: number, run: () => void) => void) | undefined
let asyncRunner: ((job: () => Promise<void>) => void) | undefined

/** An outbound HTTP request as a script built it with RESTMessageV2. */
export interface OutboundRequest {
    method: string
    url: string
    headers: Record<string, string>
    body: string
    /** setHttpTimeout, ms (0: not set). */
    timeoutMs: number
}

/**
 * What a script reads back from execute(): the response (`status`, `body`, and `error` when the transaction
 * failed: haveError() true, getErrorCode() / getErrorMessage()), or `thrown`: execute() throws an Error with that
 * message (the docs' "Might throw exception if http connection timed out").
 */
export interface OutboundAnswer {
    status: number
    body: string
    error?: { code: number; message: string }
    thrown?: string
}

/** The instance's outbound HTTP: performs the request. */
export type OutboundTransport = (request: OutboundRequest) => Promise<OutboundAnswer>

let outboundTransport: OutboundTransport | undefined

/**
 * Outbound calls of the script being run by {@link runWithOutbound}: the answers so far, how many this pass used,
 * the request this (dry) pass stopped at.
 */
let outboundPass: { answers: OutboundAnswer[]; used: number; pending: OutboundRequest | null; dry: boolean } | null =
    null

/** Thrown by execute() in a dry pass when the call has no answer yet (the runner performs it, then re-runs). */
class PendingOutbound extends Error {
    constructor() {
        super('outbound call pending (fake scheduler: the script is re-run with its answer)')
        this.name = 'PendingOutbound'
    }
}

function refuseInDryPass(what: string): void {
    if (outboundPass && outboundPass.dry) {
        throw new Error(
            `fake: ${what} before an outbound call in an async script: the fake re-runs such scripts (see runWithOutbound); write after the last execute()`,
        )
    }
}

/**
 * Run a background script (async business rule, script action) that may call `RESTMessageV2.execute()`.
 *
 * On an instance execute() blocks the scheduler worker's thread until the answer (or the timeout) comes. Node
 * cannot block a thread on I/O while the same process serves the other end (the executor under test), so the fake
 * runs the script in passes: a dry pass runs it until its next unanswered execute() (nothing it logs or queues is
 * kept, and a write before that call is refused loudly), the transport performs that request for real, and the
 * script runs again from the start with the answers so far; the last pass, where every execute() has its answer,
 * is the one whose effects count. The script must therefore be deterministic up to its outbound calls (read, then
 * call, then log) — what the app's nudge module is. `wrap` runs each pass (e.g. as the session user).
 */
export async function runWithOutbound(
    script: () => void,
    wrap: (pass: () => void) => void = (p) => p(),
): Promise<void> {
    const answers: OutboundAnswer[] = []
    for (let round = 0; round < 8; round++) {
        const pass = { answers, used: 0, pending: null as OutboundRequest | null, dry: true }
        const marks = {
            logs: glide.logs.length,
            events: glide.events.length,
            info: glide.messages.info.length,
            error: glide.messages.error.length,
        }
        outboundPass = pass
        try {
            wrap(script)
        } catch {
            // a dry pass's outcome does not count
        } finally {
            outboundPass = null
            glide.logs.length = marks.logs
            glide.events.length = marks.events
            glide.messages.info.length = marks.info
            glide.messages.error.length = marks.error
        }
        if (!pass.pending) break
        const transport = outboundTransport
        answers.push(
            transport
                ? await transport(pass.pending).catch((e: unknown) => ({ status: 0, body: '', thrown: str(e) }))
                : { status: 0, body: '', thrown: 'fake: no outbound HTTP on this instance' },
        )
    }
    outboundPass = { answers, used: 0, pending: null, dry: false }
    try {
        wrap(script)
    } finally {
        outboundPass = null
    }
}

function queueAsyncRule(rule: BusinessRule, table: string, sysId: string): void {
    const who = { ...user, roles: [...user.roles] }
    const job = async (): Promise<void> => {
        const before = user
        try {
            await runWithOutbound(
                () => {
                    // As the platform: the rule runs later, on the record as it is then.
                    const current = new GlideRecord(table)
                    if (!current.get(sysId)) return
                    rule.fn(current, null)
                },
                (pass) => {
                    user = who
                    try {
                        pass()
                    } finally {
                        user = before
                    }
                },
            )
        } catch (error) {
            // As on an instance: a failing async rule is logged; the write that queued it stands.
            glide.logs.push({ level: 'error', message: `async business rule on ${table} failed: ${str(error)}` })
        }
    }
    if (asyncRunner) asyncRunner(job)
    else glide.asyncJobs.push(job)
}

/** sn_ws.RESTResponseV2 over an {@link OutboundAnswer}. */
export class RESTResponseV2 {
    constructor(private readonly answer: OutboundAnswer) {}
    getStatusCode(): number {
        return this.answer.status
    }
    getBody(): string {
        return this.answer.body
    }
    haveError(): boolean {
        return this.answer.error !== undefined
    }
    getErrorCode(): number {
        return this.answer.error ? this.answer.error.code : 0
    }
    getErrorMessage(): string {
        return this.answer.error ? this.answer.error.message : ''
    }
}

/**
 * sn_ws.RESTMessageV2, the empty constructor (endpoint and method set by the script: docs "RESTMessageV2 -
 * RESTMessageV2()", "setEndpoint", "setHttpMethod"); execute() performs the request through the instance's outbound
 * HTTP ({@link glide.useOutbound}), from a background script run by {@link runWithOutbound} only.
 */
export class RESTMessageV2 {
    private method = ''
    private endpoint = ''
    private body = ''
    private timeoutMs = 0
    private readonly headers: Record<string, string> = {}
    constructor(name?: string, _methodName?: string) {
        if (name !== undefined) throw new Error('fake: REST message records are not modelled; use new RESTMessageV2()')
    }
    setEndpoint(endpoint: string): void {
        this.endpoint = String(endpoint)
    }
    getEndpoint(): string {
        return this.endpoint
    }
    setHttpMethod(method: string): void {
        this.method = String(method).toUpperCase()
    }
    setRequestHeader(name: string, value: string): void {
        this.headers[String(name)] = String(value)
    }
    getRequestHeaders(): Record<string, string> {
        return { ...this.headers }
    }
    setRequestBody(body: string): void {
        this.body = String(body)
    }
    getRequestBody(): string {
        return this.body
    }
    setHttpTimeout(ms: number): void {
        this.timeoutMs = Number(ms)
    }
    execute(): RESTResponseV2 {
        const pass = outboundPass
        if (!pass) throw new Error('fake: execute() runs only in background scripts (async rules, script actions)')
        if (!this.method || !this.endpoint) throw new Error('RESTMessageV2: no HTTP method or endpoint set')
        const answer = pass.answers[pass.used]
        if (answer) {
            pass.used++
            if (answer.thrown !== undefined) throw new Error(answer.thrown)
            return new RESTResponseV2(answer)
        }
        if (!pass.dry) throw new Error('fake: an outbound call without an answer in the final pass')
        pass.pending = {
            method: this.method,
            url: this.endpoint,
            headers: { ...this.headers },
            body: this.body,
            timeoutMs: this.timeoutMs,
        }
        throw new PendingOutbound()
    }
}

/** The fake instance: state to seed and inspect. */
export const glide = {
    tables: new Map<string, Row[]>(),
    properties: new Map<string, string>(),
    numbering: new Map<string, string>(),
    events: [] as { name: string; table: string; sysId: string; parm1: string; parm2: string }[],
    /** Events queued with gs.eventQueueScheduled, with the time they are due. */
    scheduledEvents: [] as {
        name: string
        table: string
        sysId: string
        parm1: string
        parm2: string
        atMs: number
    }[],
    /** Script actions by event name (sysevent_script_action): `(event, current)`. */
    scriptActions: new Map<string, (event: unknown, current: unknown) => void>(),
    /** Install the timer that runs scheduled events at their time (a virtual clock's sleep in tests); undefined: none. */
    useEventScheduler(scheduler: ((atMs: number, run: () => void) => void) | undefined): void {
        eventScheduler = scheduler
    },
    /** Run the script actions of one scheduled event now, on a fresh read of its record (as the event processor). */
    processScheduledEvent(event: { name: string; table: string; sysId: string; parm1: string; parm2: string }): void {
        const action = glide.scriptActions.get(event.name)
        if (!action) return
        const current = new GlideRecord(event.table)
        if (!current.get(event.sysId)) return
        action({ name: event.name, parm1: event.parm1, parm2: event.parm2 }, current)
    },
    /** Async business rule jobs queued while no runner is installed (run them with {@link glide.runAsyncJobs}). */
    asyncJobs: [] as (() => Promise<void>)[],
    /**
     * Install the scheduler worker that runs async business rules (`run` resolves when the job is done); undefined:
     * jobs wait in {@link glide.asyncJobs}.
     */
    useAsyncRunner(runner: ((job: () => Promise<void>) => void) | undefined): void {
        asyncRunner = runner
    },
    /** Run (and empty) the queued async jobs, in order, including jobs they queue. */
    async runAsyncJobs(): Promise<void> {
        while (glide.asyncJobs.length > 0) await glide.asyncJobs.shift()!()
    },
    /**
     * The instance's outbound HTTP (what `sn_ws.RESTMessageV2.execute()` reaches): performs one request and resolves
     * with what the script will read. Undefined: execute() throws, as a call to an unreachable host does.
     */
    useOutbound(transport: OutboundTransport | undefined): void {
        outboundTransport = transport
    },
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
        glide.scheduledEvents.length = 0
        glide.scriptActions.clear()
        eventScheduler = undefined
        glide.asyncJobs.length = 0
        asyncRunner = undefined
        outboundTransport = undefined
        glide.logs.length = 0
        glide.messages.info.length = 0
        glide.messages.error.length = 0
        glide.journal.length = 0
        glide.files.clear()
        glide.redirects.length = 0
        rules.length = 0
        declared.clear()
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
        // A before rule's setValue changes the record that is then saved (as on an instance): hand it back.
        if (when === 'before') Object.assign(current, record.valuesForRules())
        return ok ? undefined : (glide.messages.error[errors] ?? `Operation aborted by a business rule on ${table}`)
    },
    /** The session user (default: admin with the admin role). */
    setUser(u: FakeUser): void {
        user = { sysId: u.sysId, userName: u.userName, roles: [...u.roles] }
    },
    /**
     * Seed a row as stored (no business rules): dictionary defaults, booleans stored canonically ('true' /
     * 'false', from true / 'true' / '1' …); fills sys_id, number, sys_created_*, sys_updated_* if absent.
     */
    insert(table: string, fields: Record<string, unknown>): Row {
        const row: Row = defaults(table)
        const notes: Row = {}
        for (const [k, v] of Object.entries(fields)) {
            if (isJournal(k)) notes[k] = str(v)
            else row[k] = storedValue(table, k, v)
        }
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
    /**
     * Declare a table the dictionary does not have (a test's own table), with its column types (e.g.
     * `{ active: 'boolean', n: 'integer' }`); it shadows the dictionary's table of that name until reset().
     */
    defineTable(table: string, fields: Record<string, FieldSpec>, displayField = ''): void {
        const out = new Map<string, FieldInfo>()
        for (const [name, spec] of Object.entries(fields)) {
            const s = typeof spec === 'string' ? { type: spec } : spec
            out.set(name, { type: s.type, choices: new Map(s.choices ?? []), reference: s.reference ?? '' })
        }
        declared.set(table, { fields: out, displayField })
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

/**
 * A field of a record (GlideElement): what `gr.getElement(f)` and `gr.f` give. `toString()` (and so `gr.f + ''`)
 * is the value as text: 'true' / 'false' for a boolean, '' when empty; getValue() is GlideRecord.getValue.
 */
export class GlideElement {
    constructor(
        private readonly record: GlideRecord,
        private readonly field: string,
    ) {}
    getName(): string {
        return this.field
    }
    getTableName(): string {
        return this.record.getTableName()
    }
    getValue(): string | null {
        return this.record.getValue(this.field)
    }
    setValue(value: unknown): void {
        this.record.setValue(this.field, value)
    }
    getDisplayValue(): string {
        return this.record.getDisplayValue(this.field)
    }
    /** True when the field is empty (a false boolean is not empty). */
    nil(): boolean {
        return this.record.getValue(this.field) === null
    }
    toString(): string {
        return this.record.elementText(this.field)
    }
}

/**
 * `gr.field` reads a GlideElement and `gr.field = v` sets the value, as on the instance, for the table's columns
 * (and any column a record of an unknown table holds); the record's own methods and state take precedence.
 */
const FIELD_ACCESS: ProxyHandler<GlideRecord> = {
    get(target, prop, receiver) {
        if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver) as unknown
        return target.hasField(prop) ? new GlideElement(receiver as GlideRecord, prop) : undefined
    },
    set(target, prop, value, receiver) {
        if (typeof prop === 'string' && !(prop in target) && target.hasField(prop)) {
            target.setValue(prop, value)
            return true
        }
        return Reflect.set(target, prop, value, receiver)
    },
}

export class GlideRecord {
    protected _results: Row[] = []
    protected _index = -1
    private _conditions: Predicate[][] = []
    /** The exact `field = value` of a condition group added by addQuery (dropped in effect once it is OR-widened). */
    private _eqHints = new WeakMap<Predicate[], [string, string]>()
    private _order: { field: string; desc: boolean }[] = []
    private _limit = -1
    private _values: Row = {}
    private _changed = new Set<string>()
    private _notes: Row = {}
    private _loaded = false
    private _fresh = false
    private _workflow = true
    private _aborted = false
    private readonly _table: string

    constructor(table: string) {
        this._table = table
        return new Proxy(this, FIELD_ACCESS)
    }

    /** Whether `field` is a column of this record (dictionary, declared table, or a value it holds). */
    hasField(field: string): boolean {
        if (fieldDef(this._table, field) !== undefined) return true
        return !knownTable(this._table) && Object.prototype.hasOwnProperty.call(this._values, field)
    }

    private predicate(field: string, opOrValue: unknown, value?: unknown, three = false): Predicate {
        const op = three ? str(opOrValue).toUpperCase() : '='
        const v = queryOperand(this._table, field, str(three ? value : opOrValue))
        const list = (Array.isArray(value) ? value.map(str) : v.split(',').map((x) => x.trim())).map((x) =>
            queryOperand(this._table, field, x),
        )
        const test = OPERATORS[op]
        if (!test) throw new Error(`fake: addQuery operator '${op}' is not supported`)
        return (r) => test(r[field] ?? '', v, list)
    }

    private addCondition(predicate: Predicate, eq?: [string, string]): QueryCondition {
        const group = [predicate]
        this._conditions.push(group)
        if (eq) this._eqHints.set(group, eq)
        const condition: QueryCondition = {
            addOrCondition: (...args: [string, unknown, unknown?]) => {
                group.push(this.predicate(args[0], args[1], args[2], args.length > 2))
                return condition
            },
        }
        return condition
    }

    addQuery(field: string, value: unknown): QueryCondition
    addQuery(field: string, operator: string, value: unknown): QueryCondition
    addQuery(field: string, ...args: unknown[]): QueryCondition {
        const three = args.length > 1
        const exact = !three || str(args[0]).toUpperCase() === '='
        const eq: [string, string] | undefined = exact
            ? [field, queryOperand(this._table, field, str(three ? args[1] : args[0]))]
            : undefined
        return this.addCondition(this.predicate(field, args[0], args[1], three), eq)
    }

    /** Exact equalities the query implies: single-alternative `field = value` conditions (backend index hint). */
    private eqHints(): Record<string, string> {
        const eq: Record<string, string> = {}
        for (const group of this._conditions) {
            const hint = group.length === 1 ? this._eqHints.get(group) : undefined
            if (hint) eq[hint[0]] = hint[1]
        }
        return eq
    }
    addNullQuery(field: string): QueryCondition {
        return this.addCondition((r) => !r[field])
    }
    addNotNullQuery(field: string): QueryCondition {
        return this.addCondition((r) => !!r[field])
    }
    /** active = true (either stored spelling of true). */
    addActiveQuery(): QueryCondition {
        return this.addCondition((r) => r.active === 'true' || r.active === '1')
    }
    addEncodedQuery(_query: string): void {
        throw new Error('fake: encoded queries are not allowed, use addQuery')
    }
    orderBy(field: string): void {
        this._order.push({ field, desc: false })
    }
    orderByDesc(field: string): void {
        this._order.push({ field, desc: true })
    }
    setLimit(limit: number): void {
        this._limit = limit
    }

    query(field?: string, value?: unknown): void {
        if (field !== undefined) this.addQuery(field, value)
        const match = (r: Row) => this._conditions.every((g) => g.some((p) => p(r)))
        let rows = backend.rows(this._table, match, this.eqHints()).filter(match)
        rows = rows.slice().sort((a, b) => {
            for (const { field: f, desc } of this._order) {
                const c = compare(a[f] ?? '', b[f] ?? '')
                if (c !== 0) return desc ? -c : c
            }
            return 0
        })
        if (this._limit >= 0) rows = rows.slice(0, this._limit)
        this._results = rows.map((r) => ({ ...r }))
        this._index = -1
        this.load(null)
    }
    next(): boolean {
        this._index += 1
        this.load(this._results[this._index] ?? null)
        return this._loaded
    }
    hasNext(): boolean {
        return this._index + 1 < this._results.length
    }
    getRowCount(): number {
        return this._results.length
    }
    /** get(sysId) or get(field, value): a fresh query (earlier conditions dropped), positioned on the first match. */
    get(sysId: string): boolean
    get(field: string, value: unknown): boolean
    get(fieldOrSysId: string, ...value: unknown[]): boolean {
        this._conditions = []
        this._order = []
        this._limit = -1
        if (value.length === 0) this.query('sys_id', fieldOrSysId)
        else this.query(fieldOrSysId, value[0])
        return this.next()
    }

    /** An empty new record (no sys_id until insert) with the dictionary defaults. */
    initialize(): void {
        this.load({})
        this._values = defaults(this._table)
        this._fresh = true
    }
    /** A new record with its sys_id already assigned. */
    newRecord(): void {
        this.initialize()
        this._values.sys_id = newGuid()
    }
    private load(row: Row | null): void {
        this._values = row ? { ...row } : {}
        this._loaded = row !== null && row.sys_id !== undefined
        this._fresh = false
        this._changed.clear()
        this._notes = {}
    }

    /**
     * The stored value as a string, null when empty or missing; a true/false field gives '1' / '0' (contract
     * "Glide values": ServiceNow's own scripts test getValue('active') == '1'); a journal field reads '' (or the
     * entry pending on this record).
     */
    getValue(field: string): string | null {
        if (isJournal(field)) return this._notes[field] ?? ''
        const v = this._values[field]
        if (v === undefined || v === '') return null
        if (isBoolean(this._table, field)) return v === 'true' || v === '1' ? '1' : '0'
        return v
    }
    /** Set a value; a true/false field stores true / 'true' / '1' as true and anything else as false. */
    setValue(field: string, value: unknown): void {
        if (isJournal(field)) this._notes[field] = str(value)
        else {
            this._values[field] = storedValue(this._table, field, value)
            this._changed.add(field)
        }
    }
    /** The field as a GlideElement; null when the table is known and has no such column. */
    getElement(field: string): GlideElement | null {
        return this.hasField(field) || !knownTable(this._table) ? new GlideElement(this, field) : null
    }
    /** GlideElement.toString(): 'true' / 'false' for a boolean, '' when empty, else the stored value. */
    elementText(field: string): string {
        if (isJournal(field)) return this._notes[field] ?? ''
        const v = this._values[field] ?? ''
        if (v === '' || !isBoolean(this._table, field)) return v
        return v === 'true' || v === '1' ? 'true' : 'false'
    }
    /**
     * getDisplayValue(field): a boolean 'true' / 'false', a choice its label (when the dictionary has one), a
     * reference the referenced record's display value (the sys_id when that record is not found), a date-time as
     * stored (the session user's zone is UTC here), else the value; '' when empty. Without a field: the record's
     * display value (its table's display column, else number, name or sys_id).
     */
    getDisplayValue(field?: string): string {
        if (field === undefined) {
            const column = displayFieldOf(this._table)
            if (column) return this.elementText(column)
            return this._values.number || this._values.name || this._values.sys_id || ''
        }
        const text = this.elementText(field)
        const def = fieldDef(this._table, field)
        if (text === '' || !def) return text
        const label = def.choices.get(text)
        if (label !== undefined) return label
        if (def.type === 'reference' && def.reference) {
            const referenced = new GlideRecord(def.reference)
            return referenced.get(text) ? referenced.getDisplayValue() || text : text
        }
        return text
    }
    getUniqueValue(): string {
        return this._values.sys_id ?? ''
    }
    getTableName(): string {
        return this._table
    }
    isValidRecord(): boolean {
        return this._loaded
    }
    isNewRecord(): boolean {
        return this._fresh
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
        this._workflow = enabled
    }
    setAbortAction(abort: boolean): void {
        this._aborted = abort
    }

    private runRules(when: 'before' | 'after', on: 'insert' | 'update', previous: Row | null): boolean {
        if (!this._workflow) return true
        const prev = previous ? new GlideRecord(this._table) : null
        prev?.load(previous)
        for (const rule of rules.slice()) {
            if (rule.table === this._table && rule.when === when && rule.on === on) rule.fn(this, prev)
        }
        if (when === 'after' && !this._aborted) {
            const sysId = this.getUniqueValue()
            for (const rule of rules.slice()) {
                if (rule.table === this._table && rule.when === 'async' && rule.on === on) {
                    queueAsyncRule(rule, this._table, sysId)
                }
            }
        }
        return !this._aborted
    }

    /** Insert the current values as a new record; null when a before rule aborts or the sys_id exists. */
    insert(): string | null {
        refuseInDryPass(`insert into ${this._table}`)
        this._aborted = false
        const values = { ...this._values }
        if (!values.sys_id || this._loaded) values.sys_id = newGuid()
        this._values = values
        this._loaded = false
        this._fresh = true
        const same = (r: Row) => r.sys_id === values.sys_id
        if (backend.rows(this._table, same, { sys_id: values.sys_id }).some(same)) {
            gs.error(`fake: duplicate sys_id ${values.sys_id} in ${this._table}`)
            return null
        }
        if (!this.runRules('before', 'insert', null)) return null
        const notes = this._notes
        const row = backend.insert(this._table, { ...this._values }, notes, user.userName)
        this.load({ ...row })
        this.runRules('after', 'insert', null)
        return row.sys_id ?? null
    }

    /** Write the changed fields; inserts a record never loaded; null when aborted or the record is gone. */
    update(_reason?: unknown): string | null {
        if (!this._loaded) return this.insert()
        refuseInDryPass(`update of ${this._table}`)
        this._aborted = false
        const id = this.getUniqueValue()
        const byId = (r: Row) => r.sys_id === id
        const found = backend.rows(this._table, byId, { sys_id: id }).find(byId)
        if (!found) return null
        const previous = { ...found }
        if (!this.runRules('before', 'update', previous)) return null
        const changed: Row = {}
        for (const f of this._changed) changed[f] = this._values[f] ?? ''
        const stored = backend.update(this._table, id, changed, this._notes, user.userName)
        if (!stored) return null
        this.load({ ...stored })
        this.runRules('after', 'update', previous)
        return stored.sys_id ?? null
    }

    deleteRecord(): boolean {
        refuseInDryPass(`delete from ${this._table}`)
        if (!this._loaded || !backend.remove(this._table, this._values.sys_id ?? '')) return false
        this.load(null)
        return true
    }

    /** For glide.runRules: position on `row` as a business rule's `current`. */
    loadForRules(row: Row): void {
        this.load({ ...row })
    }
    /** For glide.runRules: the record's values after the rules ran. */
    valuesForRules(): Row {
        return { ...this._values }
    }
    /** For glide.runRules: run the registered rules; false when a before rule aborted. */
    runRulesFromOutside(when: 'before' | 'after', on: 'insert' | 'update', previous: Row | null): boolean {
        this._aborted = false
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
        this._index += 1
        return this._index === 0
    }
    getAggregate(agg: string, _field?: string | null): string {
        this.addAggregate(agg)
        return this._index === 0 ? String(this._results.length) : ''
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
    /**
     * An event processed at `when` (a GlideDateTime), not at once. Recorded in `glide.scheduledEvents`; when a
     * scheduler is installed ({@link glide.useEventScheduler}) it runs the event's script actions at that time, as
     * the instance's event processor does.
     */
    eventQueueScheduled(name: string, gr?: GlideRecord | null, parm1?: unknown, parm2?: unknown, when?: unknown): void {
        const table = gr ? gr.getTableName() : ''
        const atMs =
            when instanceof GlideDateTime ? when.getNumericValue() : new GlideDateTime(str(when)).getNumericValue()
        const event = { name, table, sysId: gr ? gr.getUniqueValue() : '', parm1: str(parm1), parm2: str(parm2), atMs }
        refuseInDryPass(`scheduling event ${name}`)
        glide.scheduledEvents.push(event)
        if (eventScheduler) eventScheduler(atMs, () => glide.processScheduledEvent(event))
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
        refuseInDryPass('attachment write')
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

export const glideModule = { gs, GlideRecord, GlideElement, GlideDateTime, GlideAggregate, GlideSysAttachment }
/** What `@servicenow/glide/sn_ws` resolves to in Node (glide-fake-sn-ws.ts). */
export const snWsModule = { RESTMessageV2, RESTResponseV2 }
