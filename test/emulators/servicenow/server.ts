/**
 * The HTTP side of the ServiceNow emulator: Table API, Attachment API, OAuth token endpoint, auth, rate
 * limiting, fault injection and the app's claim guard. See README.md for what is emulated and how.
 */
import { OutboundHttp } from './outbound'
import { randomBytes } from 'node:crypto'
import express, { type Request, type Response } from 'express'
import { ACTION_FIELDS, ROLE, TABLE, checkActionWrite } from '@gbg/shared'
import { listen } from '../http-listen'
import { AccessControl, type Principal } from './acl'
import { STOCK_ROLE_PERMISSIONS } from './platform-schema'
import {
    UnsupportedQueryError,
    mapConditionValues,
    matchesQuery,
    parseEncodedQuery,
    sortByQuery,
    type FieldValue,
    type ParsedQuery,
} from './query'
import { buildSchema, type FieldDef, type Schema, type TableDef } from './schema'
import { Store, StoreError, newSysId, normalizeValue, parseGlideDateTime } from './store'
import { effectiveZone, isTimeZone, utcToZone, zoneToUtc } from './time-zone'
import type {
    EmulatorBusinessRules,
    EmulatorScripting,
    EmulatorStore,
    FaultRule,
    OAuthClient,
    SeedUser,
    SeenRequest,
    ServiceNowEmulator,
    ServiceNowEmulatorOptions,
} from './types'
import type { ScriptedRestRouter } from './scripted-rest'
import { BatchError, batchItemOf, batchSecret, runBatch, type BatchDeps } from './batch'

type Row = Record<string, string>

const SYS_ID = /^[0-9a-f]{32}$/
/** sys_id reported in X-RateLimit-Rule (the single "all users" rule the emulator has). */
const RATE_LIMIT_RULE_ID = '5a1e5a1e5a1e5a1e5a1e5a1e5a1e5a1e'
/** Lifetime of refresh tokens (the platform default, 100 days). */
const REFRESH_TTL_SECONDS = 100 * 24 * 3600

interface ActiveFault extends FaultRule {
    remaining: number
}

interface AccessToken {
    userSysId: string
    expiresAtMs: number
}

interface RefreshToken {
    userSysId: string
    clientId: string
    expiresAtMs: number
}

/** Thrown inside handlers to answer an error envelope. */
class HttpError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly detail: string | null = null,
        readonly headers: Record<string, string> = {},
    ) {
        super(message)
    }
}

const notAuthenticated = (): HttpError =>
    new HttpError(401, 'User Not Authenticated', 'Required to provide Auth information', {
        'WWW-Authenticate': 'BASIC realm="Service-now"',
    })
const noRecord = (): HttpError =>
    new HttpError(404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval")
const aclFailed = (what: 'Insert' | 'Update' | 'Delete'): HttpError =>
    new HttpError(403, 'Operation Failed', `ACL Exception ${what} Failed due to security constraints`)

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Options of a Table API read or write response. */
interface RenderOptions {
    fields: string[] | undefined
    display: 'false' | 'true' | 'all'
    excludeLink: boolean
    /** The caller's zone: display values of date-times are shown in it. */
    zone: string
}

/** Starts the emulator. See {@link ServiceNowEmulatorOptions}. */
export async function startServiceNowEmulator(opts: ServiceNowEmulatorOptions = {}): Promise<ServiceNowEmulator> {
    const now = opts.now ?? (() => new Date())
    const tokenTtl = opts.tokenTtlSeconds ?? 1799
    const queryDateZone = opts.queryDateZone ?? 'user'
    const schema: Schema = buildSchema(opts.distDir)
    const store = new Store(schema, now)
    let businessRules: EmulatorBusinessRules | undefined
    // The app's Scripted REST APIs (scripted-rest.ts), installed by the app world.
    let scriptedRest: ScriptedRestRouter | undefined
    const passwords = new Map<string, string>()
    const clients = new Map<string, OAuthClient>((opts.oauthClients ?? []).map((c) => [c.clientId, c]))
    const accessTokens = new Map<string, AccessToken>()
    const refreshTokens = new Map<string, RefreshToken>()
    const faults: ActiveFault[] = []
    const requests: SeenRequest[] = []
    const rateCounters = new Map<string, { windowStartMs: number; count: number }>()
    let url = ''
    const batchDeps: BatchDeps = {
        baseUrl: () => url,
        secret: batchSecret(),
        order: opts.batchOrder ?? 'sequential',
        timeoutMs: opts.batchTimeoutMs ?? 30_000,
        maxInputBytes: opts.batchMaxInputBytes ?? 5 * 1024 * 1024,
    }

    // ---- paths and values ---------------------------------------------------------------------------------

    /** Walks a (dot-walked) path through the dictionary; undefined when a segment is not a field. */
    function resolvePath(table: string, path: string): { tables: string[]; fields: FieldDef[] } | undefined {
        const segments = path.split('.')
        const tables: string[] = []
        const fields: FieldDef[] = []
        let current = schema.tables.get(table)
        for (let i = 0; i < segments.length; i++) {
            if (!current) return undefined
            const field = current.fields.get(segments[i]!)
            if (!field) return undefined
            tables.push(current.name)
            fields.push(field)
            if (i < segments.length - 1) {
                if (field.type !== 'reference') return undefined
                current = schema.tables.get(field.reference)
            }
        }
        return { tables, fields }
    }

    const isPath = (table: string, path: string): boolean => resolvePath(table, path) !== undefined

    /**
     * Follows a path on a record. Returns the record (seen through its table) holding the last field and
     * that field, or undefined for an unknown path. `row` is undefined when a reference on the way is empty.
     */
    function walk(
        table: string,
        row: Row,
        path: string,
    ):
        | { table: string; row: Row | undefined; field: FieldDef; hops: { table: string; row: Row; field: string }[] }
        | undefined {
        const resolved = resolvePath(table, path)
        if (!resolved) return undefined
        const segments = path.split('.')
        const hops: { table: string; row: Row; field: string }[] = []
        let currentRow: Row | undefined = row
        for (let i = 0; i < segments.length - 1; i++) {
            if (!currentRow) break
            hops.push({ table: resolved.tables[i]!, row: currentRow, field: segments[i]! })
            const id: string = currentRow[segments[i]!] ?? ''
            currentRow = id ? store.get(resolved.fields[i]!.reference, id) : undefined
        }
        const last = resolved.tables.length - 1
        return { table: resolved.tables[last]!, row: currentRow, field: resolved.fields[last]!, hops }
    }

    const readPath = (table: string, row: Row, path: string): FieldValue | undefined => {
        const w = walk(table, row, path)
        if (!w) return undefined
        return { value: w.row?.[w.field.name] ?? '', type: w.field.type }
    }

    // Stock roles' platform grants; the executor's role gets none (only what the app's dist grants: issue 11).
    const acl = new AccessControl(schema, readPath, isPath, STOCK_ROLE_PERMISSIONS)

    function displayOf(table: string, sysId: string): string {
        const def = schema.tables.get(table)
        const row = def ? store.get(table, sysId) : undefined
        if (!def || !row) return ''
        return row[def.displayField] ?? ''
    }

    /** Formats one value for the Table API response. */
    function formatValue(field: FieldDef, value: string, o: RenderOptions): unknown {
        if (field.type === 'reference') {
            if (value === '') return o.display === 'all' ? { display_value: '', value: '' } : ''
            const link = `${url}/api/now/table/${field.reference}/${value}`
            const display = displayOf(field.reference, value)
            if (o.display === 'false') return o.excludeLink ? value : { link, value }
            if (o.display === 'true') return o.excludeLink ? display : { display_value: display, link }
            return o.excludeLink ? { display_value: display, value } : { display_value: display, link, value }
        }
        // Display values of date-times are in the caller's zone; values stay UTC (contract "Time zones and dates").
        const display =
            field.type === 'glide_date_time' ? utcToZone(value, o.zone) : (field.choices.get(value) ?? value)
        if (o.display === 'false') return value
        if (o.display === 'true') return display
        return { display_value: display, value }
    }

    /** A record as the Table API returns it to `p`: fields `p` cannot read are left out. */
    function render(table: string, row: Row, p: Principal, o: RenderOptions): Record<string, unknown> {
        const def = schema.tables.get(table)!
        const names = o.fields ? o.fields.filter((f) => isPath(table, f)) : [...def.fields.keys()]
        const out: Record<string, unknown> = {}
        for (const path of names) {
            const w = walk(table, row, path)
            if (!w) continue
            // Every hop of a dot-walk must be readable: the reference field, then the referenced record.
            const hopsReadable = w.hops.every(
                (h, i) =>
                    (i === 0 || acl.canTable(p, h.table, 'read', h.row)) &&
                    acl.canField(p, h.table, h.field, 'read', h.row),
            )
            if (!hopsReadable) continue
            if (w.row && w.hops.length > 0 && !acl.canTable(p, w.table, 'read', w.row)) continue
            if (!acl.canField(p, w.table, w.field.name, 'read', w.row ?? {})) continue
            out[path] = formatValue(w.field, w.row?.[w.field.name] ?? '', o)
        }
        return out
    }

    function renderOptions(params: URLSearchParams, p: Principal): RenderOptions {
        const dv = params.get('sysparm_display_value')
        const fields = params.get('sysparm_fields')
        return {
            zone: effectiveZone(p.timeZone),
            display: dv === 'true' ? 'true' : dv === 'all' ? 'all' : 'false',
            excludeLink: params.get('sysparm_exclude_reference_link') === 'true',
            fields: fields
                ? fields
                      .split(',')
                      .map((f) => f.trim())
                      .filter(Boolean)
                : undefined,
        }
    }

    // ---- users, auth, rate limits -------------------------------------------------------------------------

    function ensureRole(name: string): string {
        const existing = store.list('sys_user_role', (r) => r['name'] === name)[0]
        return existing ? existing['sys_id']! : store.insert('sys_user_role', { name })['sys_id']!
    }

    function addUser(user: SeedUser): string {
        const values: Row = {
            user_name: user.userName,
            first_name: user.firstName ?? '',
            last_name: user.lastName ?? '',
            email: user.email ?? '',
            active: user.active === false ? 'false' : 'true',
            manager: user.manager ?? '',
            time_zone: user.timeZone ?? '',
        }
        if (!isTimeZone(values['time_zone']!)) throw new StoreError(`Unknown time zone ${user.timeZone}`)
        if (user.sysId) values['sys_id'] = user.sysId
        if (store.list('sys_user', (u) => u['user_name'] === user.userName).length > 0) {
            throw new StoreError(`User ${user.userName} already exists`)
        }
        const sysId = store.insert('sys_user', values)['sys_id']!
        if (user.password !== undefined) passwords.set(sysId, user.password)
        for (const role of user.roles) store.insert('sys_user_has_role', { user: sysId, role: ensureRole(role) })
        for (const group of user.groups ?? []) store.insert('sys_user_grmember', { user: sysId, group })
        return sysId
    }

    function principalOf(userSysId: string): Principal | undefined {
        const user = store.get('sys_user', userSysId)
        if (!user || user['active'] !== 'true' || user['locked_out'] === 'true') return undefined
        const roleIds = new Set(
            store
                .list('sys_user_has_role', (r) => r['user'] === userSysId && r['state'] !== 'inactive')
                .map((r) => r['role']),
        )
        const roles = new Set(store.list('sys_user_role', (r) => roleIds.has(r['sys_id'])).map((r) => r['name']!))
        return { sysId: userSysId, userName: user['user_name']!, roles, timeZone: user['time_zone'] ?? '' }
    }

    function userByName(userName: string): Row | undefined {
        return store.list('sys_user', (u) => u['user_name'] === userName)[0]
    }

    function checkPassword(userName: string, password: string): Principal | undefined {
        const user = userByName(userName)
        if (!user) return undefined
        const expected = passwords.get(user['sys_id']!)
        if (expected === undefined || expected !== password) return undefined
        return principalOf(user['sys_id']!)
    }

    function authenticate(req: Request, res: Response): Principal {
        const header = req.get('authorization') ?? ''
        let p: Principal | undefined
        if (/^basic /i.test(header)) {
            const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8')
            const colon = decoded.indexOf(':')
            if (colon > 0) p = checkPassword(decoded.slice(0, colon), decoded.slice(colon + 1))
        } else if (/^bearer /i.test(header)) {
            const token = accessTokens.get(header.slice(7).trim())
            if (token && token.expiresAtMs > now().getTime()) p = principalOf(token.userSysId)
        }
        if (!p) throw notAuthenticated()
        res.locals['user'] = p.userName
        return p
    }

    /** Counts the request against the user's hourly window; throws 429 when over. Sets X-RateLimit-* always. */
    function rateLimit(p: Principal, res: Response): void {
        const limit = opts.rateLimitPerHour
        if (limit === undefined) return
        // A sub-request of a batch call counts on its own only under batchRateLimit 'each' (README "Batch API").
        if (res.locals['batch'] !== undefined && opts.batchRateLimit === 'batch') return
        const nowMs = now().getTime()
        const windowStartMs = Math.floor(nowMs / 3_600_000) * 3_600_000
        let counter = rateCounters.get(p.sysId)
        if (!counter || counter.windowStartMs !== windowStartMs) {
            counter = { windowStartMs, count: 0 }
            rateCounters.set(p.sysId, counter)
        }
        counter.count++
        const resetSeconds = Math.floor((windowStartMs + 3_600_000) / 1000)
        res.set({
            'X-RateLimit-Limit': String(limit),
            'X-RateLimit-Reset': String(resetSeconds),
            'X-RateLimit-Rule': RATE_LIMIT_RULE_ID,
        })
        if (counter.count > limit) {
            throw new HttpError(
                429,
                'Rate limit exceeded',
                `Rate limit of ${limit} requests per hour for Table API exceeded`,
                {
                    'Retry-After': String(Math.max(1, resetSeconds - Math.floor(nowMs / 1000))),
                },
            )
        }
    }

    // ---- request helpers ----------------------------------------------------------------------------------

    function params(req: Request): URLSearchParams {
        return new URL(req.originalUrl, 'http://emulator').searchParams
    }

    function checkAccept(req: Request): void {
        const accept = req.get('accept')
        if (!accept) return
        if (!/application\/json|application\/\*|\*\/\*/i.test(accept)) {
            throw new HttpError(406, 'Not Acceptable', `The emulator answers application/json only (Accept: ${accept})`)
        }
    }

    function jsonBody(req: Request): Record<string, unknown> {
        const type = req.get('content-type') ?? ''
        if (!/^application\/json\s*(;|$)/i.test(type)) {
            throw new HttpError(
                415,
                'Unsupported Media Type',
                `Content-Type must be application/json (got: ${type || 'none'})`,
            )
        }
        const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : ''
        let parsed: unknown
        try {
            parsed = JSON.parse(raw)
        } catch {
            throw new HttpError(400, 'Exception while reading request', 'The payload is not valid JSON.')
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new HttpError(
                400,
                'Exception while reading request',
                'The payload must be a JSON object (one record per call).',
            )
        }
        return parsed as Record<string, unknown>
    }

    /**
     * The writable values of a body for `def`: unknown and system fields are silently ignored (as the Table
     * API does), values that cannot be stored (e.g. a date-time not in "YYYY-MM-DD HH:mm:ss") are dropped.
     * `provided` lists the known fields the caller tried to set, for the field ACL check.
     */
    function writableValues(
        def: TableDef,
        body: Record<string, unknown>,
        inputZone: string | undefined,
    ): { values: Row; provided: string[] } {
        const values: Row = {}
        const provided: string[] = []
        for (const [key, raw] of Object.entries(body)) {
            const field = def.fields.get(key)
            if (!field || field.system || key === 'sys_class_name') continue
            let text: string
            if (raw === null) text = ''
            else if (typeof raw === 'string') text = raw
            else if (typeof raw === 'number' || typeof raw === 'boolean') text = String(raw)
            else continue
            provided.push(key)
            // sysparm_input_display_value=true: a date-time is the caller's wall clock (else UTC).
            if (inputZone !== undefined && field.type === 'glide_date_time') text = zoneToUtc(text, inputZone)
            let normalized = normalizeValue(field, text)
            if (normalized === undefined) continue
            if (field.type === 'reference' && normalized !== '' && !SYS_ID.test(normalized)) {
                // The platform resolves a display value to the sys_id of the referenced record.
                const refDef = schema.tables.get(field.reference)
                const hit = refDef
                    ? store.list(refDef.name, (r) => r[refDef.displayField] === normalized)[0]
                    : undefined
                if (hit) normalized = hit['sys_id']!
            }
            values[key] = normalized
        }
        return { values, provided }
    }

    function respond(req: Request, res: Response, status: number, body: unknown): void {
        if (req.get('x-no-response-body') === 'true') {
            res.status(status).end()
            return
        }
        res.status(status).json(body)
    }

    // ---- the claim guard (the app's before-update business rule on the action table) ----------------------

    /**
     * Runs the shared claim guard for an executor's write to an action. The writer is identified by the
     * `lease_owner` the write carries: executors send their own instance name as lease_owner in every write to
     * an action they hold (a claim sets it; a release by the sweeper sends ''), so a write without it comes
     * from nobody and is refused unless it is a release of an expired lease.
     */
    function claimGuard(p: Principal, current: Row, values: Row): void {
        if (!p.roles.has(ROLE.executor) || acl.isAdmin(p)) return
        const leaseUntilMs = (v: string): number => {
            const ms = parseGlideDateTime(v)
            return Number.isNaN(ms) ? 0 : ms
        }
        const change: { state?: string; leaseOwner?: string; leaseUntilMs?: number } = {}
        if (ACTION_FIELDS.state in values) change.state = values[ACTION_FIELDS.state]
        if (ACTION_FIELDS.leaseOwner in values) change.leaseOwner = values[ACTION_FIELDS.leaseOwner]
        if (ACTION_FIELDS.leaseUntil in values) change.leaseUntilMs = leaseUntilMs(values[ACTION_FIELDS.leaseUntil]!)
        const verdict = checkActionWrite(
            {
                state: current[ACTION_FIELDS.state] ?? '',
                leaseOwner: current[ACTION_FIELDS.leaseOwner] ?? '',
                leaseUntilMs: leaseUntilMs(current[ACTION_FIELDS.leaseUntil] ?? ''),
            },
            change,
            values[ACTION_FIELDS.leaseOwner] ?? '',
            now().getTime(),
        )
        if (!verdict.allowed) throw new HttpError(403, 'Operation Failed', verdict.reason)
    }

    // ---- Table API ----------------------------------------------------------------------------------------

    function tableApi(
        req: Request,
        res: Response,
        version: string,
        tableName: string,
        sysId: string | undefined,
    ): void {
        const p = authenticate(req, res)
        rateLimit(p, res)
        const def = schema.tables.get(tableName)
        if (!def) throw new HttpError(400, `Invalid table ${tableName}`, null)
        if (!def.wsAccess) {
            throw new HttpError(403, 'User Not Authorized', `Web service access is not allowed for table ${tableName}`)
        }
        checkAccept(req)
        const q = params(req)
        const o = renderOptions(q, p)
        const inputZone = q.get('sysparm_input_display_value') === 'true' ? o.zone : undefined
        const method = req.method
        if (method === 'GET' && sysId === undefined) return listRecords(req, res, p, def, version, q, o)
        if (sysId === undefined ? method !== 'POST' : !['GET', 'PATCH', 'PUT', 'DELETE'].includes(method)) {
            throw new HttpError(405, 'Method not Supported', `${method} is not supported for this resource`)
        }
        if (method === 'POST') return createRecord(req, res, p, def, o, inputZone)
        const current = store.get(def.name, sysId!)
        if (!current || !acl.canTable(p, def.name, 'read', current)) throw noRecord()
        if (method === 'GET') {
            res.status(200).json({ result: render(def.name, current, p, o) })
            return
        }
        if (method === 'DELETE') {
            if (!acl.canTable(p, def.name, 'delete', current)) throw aclFailed('Delete')
            store.remove(def.name, sysId!)
            res.status(204).end()
            return
        }
        const body = jsonBody(req)
        if (!acl.canTable(p, def.name, 'write', current)) throw aclFailed('Update')
        const { values, provided } = writableValues(def, body, inputZone)
        for (const field of provided) if (!acl.canField(p, def.name, field, 'write', current)) throw aclFailed('Update')
        if (def.name === TABLE.action) claimGuard(p, current, values)
        const proposed = { ...current, ...values }
        const refusal = businessRules?.before?.(def.name, 'update', proposed, { ...current }, p.userName)
        if (refusal) throw new HttpError(403, 'Operation Failed', refusal)
        setByBeforeRules(def, { ...current, ...values }, proposed, values)
        const updated = store.modify(def.name, sysId!, values, p.userName)
        businessRules?.after?.(def.name, 'update', { ...updated }, current, p.userName)
        respond(req, res, 200, { result: render(def.name, store.get(def.name, sysId!) ?? updated, p, o) })
    }

    /**
     * What a before business rule set on `current` is saved with the record (ServiceNow: "before" rules run before
     * the database write, so values they set on current are saved without another update). Only the table's own
     * columns; the rule's change wins over the caller's value, as on an instance.
     */
    function setByBeforeRules(def: TableDef, sent: Row, afterRules: Row, values: Row): void {
        for (const [field, value] of Object.entries(afterRules)) {
            if (def.fields.has(field) && value !== sent[field]) values[field] = value
        }
    }

    function createRecord(
        req: Request,
        res: Response,
        p: Principal,
        def: TableDef,
        o: RenderOptions,
        inputZone: string | undefined,
    ): void {
        const body = jsonBody(req)
        const { values, provided } = writableValues(def, body, inputZone)
        const preview: Row = {}
        for (const f of def.fields.values())
            preview[f.name] = f.defaultValue.startsWith('javascript:') ? '' : f.defaultValue
        Object.assign(preview, values)
        if (!acl.canTable(p, def.name, 'create', preview)) throw aclFailed('Insert')
        for (const field of provided)
            if (!acl.canField(p, def.name, field, 'create', preview)) throw aclFailed('Insert')
        const proposed = { ...preview }
        const refusal = businessRules?.before?.(def.name, 'insert', proposed, null, p.userName)
        if (refusal) throw new HttpError(403, 'Operation Failed', refusal)
        setByBeforeRules(def, preview, proposed, values)
        const created = store.create(def.name, values, p.userName)
        businessRules?.after?.(def.name, 'insert', { ...created }, null, p.userName)
        res.set('Location', `${url}/api/now/table/${def.name}/${created['sys_id']}`)
        respond(req, res, 201, { result: render(def.name, store.get(def.name, created['sys_id']!) ?? created, p, o) })
    }

    /** True when `path` of `table` ends on a date-time column. */
    function isDateTimePath(table: string, path: string): boolean {
        const resolved = resolvePath(table, path)
        return resolved?.fields[resolved.fields.length - 1]?.type === 'glide_date_time'
    }

    /**
     * Plain date-time values of a caller's query as the instance reads them: unchanged with `queryDateZone: 'utc'`,
     * else as the caller's wall clock (README "Time zones").
     */
    function queryDates(table: string, parsed: ParsedQuery, p: Principal | undefined): ParsedQuery {
        if (queryDateZone === 'utc' || !p) return parsed
        const zone = effectiveZone(p.timeZone)
        return mapConditionValues(parsed, (field, value) =>
            isDateTimePath(table, field) ? zoneToUtc(value, zone) : value,
        )
    }

    function query(def: TableDef, q: URLSearchParams, p?: Principal): Row[] {
        const parsed = queryDates(
            def.name,
            parseEncodedQuery(q.get('sysparm_query') ?? '', { isField: (path) => isPath(def.name, path) }),
            p,
        )
        const zone = queryDateZone === 'user' && p ? effectiveZone(p.timeZone) : undefined
        // Plain `field=value` parameters filter too (ANDed with the encoded query).
        const plain = [...q.entries()]
            .filter(([k]) => !k.startsWith('sysparm_') && isPath(def.name, k))
            .map(([k, v]): [string, string] => [k, zone && isDateTimePath(def.name, k) ? zoneToUtc(v, zone) : v])
        // Exact equalities every match must satisfy (one OR-block, a single-alternative `field=value` term on a
        // plain field, or a plain parameter): the store looks the candidates up by index (Store.list).
        const eq: Record<string, string> = {}
        if (parsed.blocks.length === 1)
            for (const term of parsed.blocks[0]!)
                if (term.length === 1 && term[0]!.op === '=' && !term[0]!.field.includes('.'))
                    eq[term[0]!.field] = term[0]!.value
        for (const [k, v] of plain) if (!k.includes('.')) eq[k] = v
        const rows = store.list(
            def.name,
            (row) => {
                const get = (path: string): FieldValue | undefined => readPath(def.name, row, path)
                return matchesQuery(parsed, get) && plain.every(([k, v]) => get(k)?.value === v)
            },
            eq,
        )
        return sortByQuery(rows, parsed.orderBy, (row, path) => readPath(def.name, row, path))
    }

    function paging(q: URLSearchParams, defaultLimit: number): { limit: number; offset: number } {
        const limitRaw = Number.parseInt(q.get('sysparm_limit') ?? '', 10)
        const offsetRaw = Number.parseInt(q.get('sysparm_offset') ?? '', 10)
        return {
            limit: Number.isFinite(limitRaw) && limitRaw > 0 ? limitRaw : defaultLimit,
            offset: Number.isFinite(offsetRaw) && offsetRaw > 0 ? offsetRaw : 0,
        }
    }

    /** Sets Link (first / prev / next / last, keeping the caller's other parameters) and X-Total-Count. */
    function pagingHeaders(
        req: Request,
        res: Response,
        q: URLSearchParams,
        total: number,
        pageFull: boolean,
        limit: number,
        offset: number,
    ): void {
        const noCount = q.get('sysparm_no_count') === 'true'
        if (!noCount) res.set('X-Total-Count', String(total))
        if (q.get('sysparm_suppress_pagination_header') === 'true') return
        const base = `${url}${req.path}`
        const link = (off: number, rel: string): string => {
            const p = new URLSearchParams(q)
            p.set('sysparm_limit', String(limit))
            p.set('sysparm_offset', String(off))
            return `<${base}?${p.toString()}>;rel="${rel}"`
        }
        const links = [link(0, 'first')]
        if (offset > 0) links.push(link(Math.max(0, offset - limit), 'prev'))
        const hasNext = noCount ? pageFull : offset + limit < total
        if (hasNext) links.push(link(offset + limit, 'next'))
        if (!noCount) links.push(link(total > 0 ? Math.floor((total - 1) / limit) * limit : 0, 'last'))
        res.set('Link', links.join(','))
    }

    function listRecords(
        req: Request,
        res: Response,
        p: Principal,
        def: TableDef,
        version: string,
        q: URLSearchParams,
        o: RenderOptions,
    ): void {
        const all = query(def, q, p)
        const { limit, offset } = paging(q, 10000)
        const page = all.slice(offset, offset + limit)
        // Row ACLs run after the limit: a page may be short (even empty) while more records follow.
        const visible = page.filter((row) => acl.canTable(p, def.name, 'read', row))
        if (version === 'v1' && visible.length === 0) throw new HttpError(404, 'No Record found', 'Records not found')
        pagingHeaders(req, res, q, all.length, page.length === limit, limit, offset)
        res.status(200).json({ result: visible.map((row) => render(def.name, row, p, o)) })
    }

    // ---- Attachment API -----------------------------------------------------------------------------------

    function renderAttachment(row: Row): Record<string, string> {
        const nameOf = (userName: string): string => userByName(userName)?.['name'] || userName
        return {
            average_image_color: row['average_image_color'] ?? '',
            compressed: row['compressed'] ?? 'true',
            content_type: row['content_type'] ?? '',
            created_by_name: nameOf(row['sys_created_by'] ?? ''),
            download_link: `${url}/api/now/attachment/${row['sys_id']}/file`,
            file_name: row['file_name'] ?? '',
            image_height: row['image_height'] ?? '',
            image_width: row['image_width'] ?? '',
            size_bytes: row['size_bytes'] ?? '',
            size_compressed: row['size_compressed'] ?? '',
            sys_created_by: row['sys_created_by'] ?? '',
            sys_created_on: row['sys_created_on'] ?? '',
            sys_id: row['sys_id'] ?? '',
            sys_mod_count: row['sys_mod_count'] ?? '0',
            sys_tags: '',
            sys_updated_by: row['sys_updated_by'] ?? '',
            sys_updated_on: row['sys_updated_on'] ?? '',
            table_name: row['table_name'] ?? '',
            table_sys_id: row['table_sys_id'] ?? '',
            updated_by_name: nameOf(row['sys_updated_by'] ?? ''),
        }
    }

    /** The attachment's parent record when `p` may read it. */
    function readableParent(p: Principal, attachment: Row): Row | undefined {
        const table = attachment['table_name'] ?? ''
        if (!schema.tables.has(table)) return acl.isAdmin(p) ? {} : undefined
        const parent = store.get(table, attachment['table_sys_id'] ?? '')
        if (!parent) return acl.isAdmin(p) ? {} : undefined
        return acl.canTable(p, table, 'read', parent) ? parent : undefined
    }

    function attachmentApi(req: Request, res: Response, rest: string): void {
        const p = authenticate(req, res)
        rateLimit(p, res)
        const q = params(req)
        if (rest === '/file' || rest === '/upload') {
            if (req.method !== 'POST')
                throw new HttpError(405, 'Method not Supported', `${req.method} is not supported for this resource`)
            if (rest === '/upload')
                throw new HttpError(400, 'Emulator does not support multipart upload; use /api/now/attachment/file')
            checkAccept(req)
            for (const name of ['table_name', 'table_sys_id', 'file_name']) {
                if (!q.get(name)) throw new HttpError(400, `Missing parameter: ${name}`, null)
            }
            const contentType = req.get('content-type')
            if (!contentType) throw new HttpError(400, 'Content-Type header is mandatory', null)
            const tableName = q.get('table_name')!
            const def = schema.tables.get(tableName)
            if (!def) throw new HttpError(400, `Invalid table ${tableName}`, null)
            const parent = store.get(tableName, q.get('table_sys_id')!)
            if (!parent || !acl.canTable(p, tableName, 'read', parent)) throw noRecord()
            if (!acl.canTable(p, 'sys_attachment', 'create', {})) throw aclFailed('Insert')
            const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
            const sysId = newSysId()
            store.putFile(sysId, content)
            const row = store.create(
                'sys_attachment',
                {
                    sys_id: sysId,
                    file_name: q.get('file_name')!,
                    content_type: contentType,
                    size_bytes: String(content.length),
                    size_compressed: String(content.length),
                    compressed: 'true',
                    table_name: tableName,
                    table_sys_id: parent['sys_id']!,
                },
                p.userName,
            )
            res.set('Location', `${url}/api/now/attachment/${sysId}`)
            res.status(201).json({ result: renderAttachment(row) })
            return
        }
        if (rest === '' || rest === '/') {
            if (req.method !== 'GET')
                throw new HttpError(405, 'Method not Supported', `${req.method} is not supported for this resource`)
            checkAccept(req)
            const def = schema.tables.get('sys_attachment')!
            const all = query(def, q, p)
            const { limit, offset } = paging(q, 1000)
            const page = all.slice(offset, offset + limit)
            const visible = page.filter((row) => readableParent(p, row) !== undefined)
            pagingHeaders(req, res, q, all.length, page.length === limit, limit, offset)
            res.status(200).json({ result: visible.map(renderAttachment) })
            return
        }
        const m = /^\/([0-9a-f]{32})(\/file)?$/.exec(rest)
        const row = m ? store.get('sys_attachment', m[1]!) : undefined
        if (!row || !readableParent(p, row)) throw noRecord()
        if (m![2]) {
            if (req.method !== 'GET')
                throw new HttpError(405, 'Method not Supported', `${req.method} is not supported for this resource`)
            res.status(200)
                .type(row['content_type'] || 'application/octet-stream')
                .send(store.file(row['sys_id']!) ?? Buffer.alloc(0))
            return
        }
        if (req.method === 'GET') {
            checkAccept(req)
            res.status(200).json({ result: renderAttachment(row) })
            return
        }
        if (req.method === 'DELETE') {
            const parent = readableParent(p, row)!
            if (!acl.isAdmin(p) && !acl.canTable(p, row['table_name']!, 'write', parent)) throw aclFailed('Delete')
            store.remove('sys_attachment', row['sys_id']!)
            res.status(204).end()
            return
        }
        throw new HttpError(405, 'Method not Supported', `${req.method} is not supported for this resource`)
    }

    // ---- OAuth --------------------------------------------------------------------------------------------

    function issueToken(
        res: Response,
        userSysId: string,
        clientId: string,
        withRefresh: boolean,
        refresh?: string,
    ): void {
        const access = randomBytes(48).toString('base64url')
        const nowMs = now().getTime()
        accessTokens.set(access, { userSysId, expiresAtMs: nowMs + tokenTtl * 1000 })
        const body: Record<string, unknown> = {
            access_token: access,
            scope: 'useraccount',
            token_type: 'Bearer',
            expires_in: tokenTtl,
        }
        if (withRefresh) {
            const token = refresh ?? randomBytes(48).toString('base64url')
            if (!refresh)
                refreshTokens.set(token, { userSysId, clientId, expiresAtMs: nowMs + REFRESH_TTL_SECONDS * 1000 })
            body['refresh_token'] = token
        }
        res.set('Cache-Control', 'no-store')
        res.status(200).json(body)
    }

    function oauthToken(req: Request, res: Response): void {
        const denied = (): void => {
            res.status(401).json({ error_description: 'access_denied', error: 'server_error' })
        }
        if (req.method !== 'POST')
            throw new HttpError(405, 'Method not Supported', `${req.method} is not supported for this resource`)
        if (!/^application\/x-www-form-urlencoded/i.test(req.get('content-type') ?? '')) {
            res.status(400).json({ error_description: 'form-encoded body required', error: 'invalid_request' })
            return
        }
        const form = new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '')
        const client = clients.get(form.get('client_id') ?? '')
        if (!client || client.clientSecret !== form.get('client_secret')) return denied()
        const grant = form.get('grant_type')
        if (grant === 'password') {
            const p = checkPassword(form.get('username') ?? '', form.get('password') ?? '')
            if (!p) return denied()
            res.locals['user'] = p.userName
            return issueToken(res, p.sysId, client.clientId, true)
        }
        if (grant === 'client_credentials') {
            // Acts as the client's configured user; without one the grant is refused (as when the instance
            // property glide.oauth.inbound.client.credential.grant_type.enabled is false).
            const user = client.clientCredentialsUser ? userByName(client.clientCredentialsUser) : undefined
            const p = user ? principalOf(user['sys_id']!) : undefined
            if (!p) return denied()
            res.locals['user'] = p.userName
            return issueToken(res, p.sysId, client.clientId, false)
        }
        if (grant === 'refresh_token') {
            const token = form.get('refresh_token') ?? ''
            const entry = refreshTokens.get(token)
            if (!entry || entry.clientId !== client.clientId || entry.expiresAtMs <= now().getTime()) return denied()
            const p = principalOf(entry.userSysId)
            if (!p) return denied()
            res.locals['user'] = p.userName
            return issueToken(res, p.sysId, client.clientId, true, token)
        }
        res.status(400).json({
            error_description: `unsupported grant_type ${grant ?? ''}`.trim(),
            error: 'unsupported_grant_type',
        })
    }

    // ---- faults -------------------------------------------------------------------------------------------

    /** Applies matching fault rules; returns true when the request was answered by a fault. */
    async function applyFaults(req: Request, res: Response): Promise<boolean> {
        const inBatch = res.locals['batch'] !== undefined
        const isBatchCall = /^\/api\/now\/v1\/batch\/?$/.test(req.path)
        const matched = faults.filter(
            (f) =>
                f.remaining > 0 &&
                (f.scope === undefined || f.scope === 'any' || (f.scope === 'batch') === inBatch) &&
                (f.unservicedAfter === undefined || isBatchCall) &&
                (!f.method || f.method.toUpperCase() === req.method) &&
                (!f.path || f.path.test(req.originalUrl)) &&
                Math.random() < (f.rate ?? 1),
        )
        if (matched.length === 0) return false
        // Latency-only rules all apply; of the rules with an effect, only the first does (the others keep
        // their `times` for later requests).
        const hasEffect = (f: ActiveFault): boolean =>
            f.status !== undefined ||
            f.dropAfterWrite === true ||
            f.dropBeforeProcessing === true ||
            f.expireToken === true ||
            f.unservicedAfter !== undefined
        const terminal = matched.find(hasEffect)
        const applied = matched.filter((f) => f === terminal || !hasEffect(f))
        for (const f of applied) f.remaining--
        const latency = applied.reduce((sum, f) => sum + (f.latencyMs ?? 0), 0)
        if (latency > 0) await sleep(latency)
        if (!terminal) return false
        if (terminal.unservicedAfter !== undefined) {
            res.locals['unservicedAfter'] = terminal.unservicedAfter
            return false
        }
        if (terminal.dropAfterWrite) {
            res.locals['drop'] = true
            return false
        }
        if (terminal.dropBeforeProcessing) {
            // Logged in `requests`, then the socket is destroyed before anything is processed or answered.
            res.locals['drop'] = true
            res.end()
            return true
        }
        if (terminal.expireToken) {
            const header = req.get('authorization') ?? ''
            const token = /^bearer /i.test(header) ? accessTokens.get(header.slice(7).trim()) : undefined
            if (token) token.expiresAtMs = 0
            throw notAuthenticated()
        }
        if (terminal.status === 429) {
            const retryAfter = terminal.retryAfterSeconds ?? 60
            const limit = opts.rateLimitPerHour ?? 0
            throw new HttpError(
                429,
                'Rate limit exceeded',
                `Rate limit of ${limit} requests per hour for Table API exceeded`,
                {
                    'Retry-After': String(retryAfter),
                    'X-RateLimit-Limit': String(limit),
                    'X-RateLimit-Reset': String(Math.floor(now().getTime() / 1000) + retryAfter),
                    'X-RateLimit-Rule': RATE_LIMIT_RULE_ID,
                },
            )
        }
        if (terminal.status === 500) throw new HttpError(500, 'Internal server error', null)
        // 502 / 503 come from the load balancer or a node in maintenance: an HTML page, not the JSON envelope.
        const title = terminal.status === 502 ? 'Bad Gateway' : 'Service Unavailable'
        res.status(terminal.status!)
            .type('text/html')
            .send(`<html><head><title>${terminal.status} ${title}</title></head><body><h1>${title}</h1></body></html>`)
        return true
    }

    // ---- express wiring -----------------------------------------------------------------------------------

    const app = express()
    app.disable('x-powered-by')
    app.set('etag', false)
    app.use(express.raw({ type: () => true, limit: '50mb' }))
    app.use(async (req: Request, res: Response) => {
        // Log every answer (or drop) synchronously, before the bytes leave: a test that awaited the response
        // sees its entry in `requests`.
        const end = res.end.bind(res) as (...args: unknown[]) => Response
        let logged = false
        res.end = ((...args: unknown[]) => {
            if (!logged) {
                logged = true
                const [path, query = ''] = req.originalUrl.split('?', 2) as [string, string?]
                requests.push({
                    method: req.method,
                    path,
                    query,
                    status: res.statusCode,
                    user: String(res.locals['user'] ?? ''),
                    ...(res.locals['batch'] !== undefined ? { batch: String(res.locals['batch']) } : {}),
                })
            }
            if (res.locals['drop']) {
                req.socket.destroy()
                return res
            }
            return end(...args)
        }) as typeof res.end
        try {
            const batchItem = batchItemOf(req, batchDeps.secret)
            if (batchItem !== undefined) res.locals['batch'] = batchItem
            if (await applyFaults(req, res)) return
            const path = req.path
            if (path === '/oauth_token.do') return oauthToken(req, res)
            if (/^\/api\/now\/v1\/batch\/?$/.test(path)) {
                // Docs: only the versioned path (community: /api/now/batch answers "Requested URI does not represent
                // any resource", as it does here through the unknown-path rule below).
                if (req.method !== 'POST')
                    throw new HttpError(405, 'Method not Supported', `${req.method} is not supported for this resource`)
                const p = authenticate(req, res)
                rateLimit(p, res)
                const unservicedAfter = res.locals['unservicedAfter'] as number | undefined
                return await runBatch(req, res, batchDeps, unservicedAfter === undefined ? {} : { unservicedAfter })
            }
            const table = /^\/api\/now\/(?:(v1|v2)\/)?table\/([^/]+)(?:\/([^/]+))?\/?$/.exec(path)
            if (table) return tableApi(req, res, table[1] ?? '', table[2]!, table[3])
            const attachment = /^\/api\/now\/(?:v1\/)?attachment(\/.*)?$/.exec(path)
            if (attachment) return attachmentApi(req, res, attachment[1] ?? '')
            const scripted = scriptedRest?.handle(
                {
                    method: req.method,
                    path,
                    query: params(req),
                    body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
                    headers: req.headers,
                },
                () => {
                    const p = authenticate(req, res)
                    rateLimit(p, res)
                    return p
                },
            )
            if (scripted) {
                res.set(scripted.headers)
                res.status(scripted.status).json(scripted.body)
                return
            }
            if (path.startsWith('/api/'))
                throw new HttpError(400, 'Requested URI does not represent any resource', null)
            res.status(404).type('text/plain').send('Not found')
        } catch (error) {
            if (error instanceof BatchError) {
                res.status(error.status).json({
                    error: { message: error.message, detail: error.detail },
                    status: 'failure',
                })
            } else if (error instanceof HttpError) {
                res.set(error.headers)
                res.status(error.status).json({
                    error: { message: error.message, detail: error.detail },
                    status: 'failure',
                })
            } else if (error instanceof UnsupportedQueryError) {
                res.status(400).json({
                    error: { message: error.message, detail: 'emulator limitation' },
                    status: 'failure',
                })
            } else {
                res.status(500).json({
                    error: { message: 'Internal server error', detail: (error as Error).message },
                    status: 'failure',
                })
            }
        }
    })

    for (const user of opts.users ?? []) addUser(user)

    const listening = await listen(app, { port: opts.port })
    url = listening.url

    const waitFor = (predicate: (s: EmulatorStore) => boolean, timeoutMs = 5000): Promise<void> =>
        new Promise((resolve, reject) => {
            let unsubscribe = (): void => undefined
            const timer = setTimeout(() => {
                unsubscribe()
                reject(new Error(`waitFor: condition not met within ${timeoutMs} ms`))
            }, timeoutMs)
            const check = (): boolean => {
                try {
                    if (!predicate(store)) return false
                    resolve()
                } catch (error) {
                    reject(error as Error)
                }
                unsubscribe()
                clearTimeout(timer)
                return true
            }
            if (!check()) unsubscribe = store.onWrite(check)
        })

    /** Values as a script's setValue would leave them: known columns only, normalised, invalid ones dropped. */
    const scriptValues = (table: string, values: Record<string, string>): Row => {
        const def = store.table(table)
        const clean: Row = {}
        for (const [k, v] of Object.entries(values)) {
            const field = def.fields.get(k)
            if (!field) continue
            if (field.system) {
                if (k === 'sys_id') clean[k] = v
                continue
            }
            const n = field.type === 'journal_input' ? String(v) : normalizeValue(field, String(v))
            if (n !== undefined) clean[k] = n
        }
        return clean
    }
    const outbound = new OutboundHttp(now)
    const scripting: EmulatorScripting = {
        // Journal entries are rows of sys_journal_field on an instance; the emulator keeps them beside the records.
        list: (table, filter, eq) =>
            table === 'sys_journal_field'
                ? store.journalRows().filter((r) => !filter || filter(r))
                : store.list(table, filter, eq),
        create: (table, values, actor) => store.create(table, scriptValues(table, values), actor),
        modify: (table, sysId, values, actor) =>
            store.get(table, sysId) ? store.modify(table, sysId, scriptValues(table, values), actor) : undefined,
        remove: (table, sysId) => store.remove(table, sysId),
        now: () => now().getTime(),
        attach: (table, sysId, fileName, contentType, content, actor) => {
            const id = newSysId()
            store.putFile(id, content)
            store.create(
                'sys_attachment',
                {
                    sys_id: id,
                    file_name: fileName,
                    content_type: contentType,
                    size_bytes: String(content.length),
                    size_compressed: String(content.length),
                    compressed: 'true',
                    table_name: table,
                    table_sys_id: sysId,
                },
                actor,
            )
            return id
        },
    }

    return {
        url,
        store,
        requests,
        addUser,
        waitFor,
        scripting,
        outbound,
        useScriptedRest: (router) => {
            scriptedRest = router
        },
        useBusinessRules: (rules) => {
            businessRules = rules
        },
        faults: {
            add: (rule) => faults.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }),
            clear: () => void faults.splice(0, faults.length),
        },
        expireTokens: () => {
            for (const token of accessTokens.values()) token.expiresAtMs = 0
        },
        close: listening.close,
    }
}
