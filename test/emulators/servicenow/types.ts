import type { OutboundHttp } from './outbound'
import type { ScriptedRestRouter } from './scripted-rest'

/**
 * Public types of the ServiceNow emulator (re-exported by `index.ts`). Other test code codes against these.
 */

/** A user to create at start (or later with `addUser`). */
export interface SeedUser {
    /** Fixed sys_id (32 lowercase hex); generated when absent. */
    sysId?: string
    userName: string
    /** Basic / password-grant password. A user without one cannot log in with a password. */
    password?: string
    email?: string
    firstName?: string
    lastName?: string
    /** Role names, e.g. `x_gbg_breakglass.executor`, `admin`, `itil`. Missing sys_user_role rows are created. */
    roles: string[]
    /** sys_user_group sys_ids the user is a member of (sys_user_grmember rows are created). */
    groups?: string[]
    /** @defaultValue true */
    active?: boolean
    /** sys_id of the manager (sys_user). */
    manager?: string
    /**
     * sys_user.time_zone, an IANA / Java zone id such as `America/New_York` or `Europe/Berlin`; an unknown zone
     * throws. @defaultValue '' (the instance's system zone, which the emulator takes as GMT)
     */
    timeZone?: string
}

/**
 * A fault to inject. A request matches when `method` (if given) and `path` (if given, tested against the
 * path with its query string) match; `rate` and `times` then decide whether it is affected. Latencies of all
 * matching latency-only rules add up; the first rule with a status / drop / expire effect decides the outcome
 * (rules with an effect that were not applied keep their `times`).
 */
export interface FaultRule {
    method?: string
    path?: RegExp
    /** Answer this status without processing the request (429 carries Retry-After and X-RateLimit-*). */
    status?: 429 | 500 | 502 | 503
    /** Retry-After of a 429. @defaultValue 60 */
    retryAfterSeconds?: number
    /** Delay (real time) before the request is processed. */
    latencyMs?: number
    /** Probability that a matching request is affected, 0..1. @defaultValue 1 */
    rate?: number
    /** How many matching requests to affect. @defaultValue Infinity */
    times?: number
    /** Apply the request (the write happens), then destroy the socket without answering. */
    dropAfterWrite?: boolean
    /**
     * Destroy the socket without processing the request (nothing applied): what a client sees when its request
     * timed out before the instance acted on it (a read or write whose outcome it cannot know).
     */
    dropBeforeProcessing?: boolean
    /** Answer 401 as for an expired token; a Bearer token used on the request stays expired. */
    expireToken?: boolean
    /**
     * Batch API only (`POST /api/now/v1/batch`): run the first N sub-requests, then stop as when the batch hits its
     * size or processing limit — the rest come back in `unserviced_requests` (docs "Batch API", "Size and processing
     * limits"). The batch itself answers 200.
     */
    unservicedAfter?: number
    /**
     * Whether the rule also matches the sub-requests of a Batch API call (each runs as its own request, README
     * "Batch API"): `'any'` (default) direct calls and sub-requests, `'direct'` direct calls only, `'batch'`
     * sub-requests only. A status fault on a sub-request is that sub-request's `status_code`; a drop inside a batch
     * drops the whole batch call's connection at that point (the sub-requests before it applied, none after).
     */
    scope?: 'any' | 'direct' | 'batch'
}

/** OAuth application registry entry (oauth_entity). */
export interface OAuthClient {
    clientId: string
    clientSecret: string
    /** user_name the client-credentials grant acts as; without it that grant is refused (as when disabled). */
    clientCredentialsUser?: string
}

/** Options of `startServiceNowEmulator`. */
export interface ServiceNowEmulatorOptions {
    /** Port to listen on, bound to 127.0.0.1 only. @defaultValue 0 (random) */
    port?: number
    /** Built app to take the app tables and ACLs from. @defaultValue `now-app/dist` */
    distDir?: string
    /** Clock for timestamps, token expiry, rate-limit windows and the claim guard. @defaultValue system clock */
    now?: () => Date
    /** Lifetime of access tokens. @defaultValue 1799 */
    tokenTtlSeconds?: number
    /** Per-user hourly limit on API requests (a rule for all users); no limit when absent. */
    rateLimitPerHour?: number
    users?: SeedUser[]
    oauthClients?: OAuthClient[]
    /**
     * How a plain date-time value inside an encoded query (`sysparm_query`, plain `field=value` parameters) is read:
     * `'utc'` (ServiceNow staff's web-service note) or `'user'` — in the calling user's `sys_user.time_zone`
     * (community reports for REST). Sources disagree (contract "Time zones and dates"), so clients must be correct
     * under both. Table API JSON date-times are UTC either way. @defaultValue 'user'
     */
    queryDateZone?: 'utc' | 'user'
    /**
     * Batch API (README "Batch API"): how the sub-requests of one batch call count against `rateLimitPerHour`. The
     * vendor docs do not say: `'each'` (default, the stricter reading) counts the batch call AND every sub-request
     * (a sub-request over the limit answers 429 inside the batch); `'batch'` counts the batch call once.
     */
    batchRateLimit?: 'each' | 'batch'
    /**
     * Batch API: the order the sub-requests run in. The docs describe a list answered as a stream and "not intended
     * for parallel transaction processing" (and ServiceNow's batch REST patent runs the items one after another), so
     * `'sequential'` (default) runs them in request order; `'reverse'` runs them last to first, for clients that must
     * not depend on the order.
     */
    batchOrder?: 'sequential' | 'reverse'
    /** Batch API: the "REST Batch API request timeout" transaction quota (real ms). @defaultValue 30000 */
    batchTimeoutMs?: number
    /** Batch API: largest sub-request body (glide.rest.batch.max.inputSize). @defaultValue 5 MB */
    batchMaxInputBytes?: number
}

/** One request the emulator answered (or dropped). */
export interface SeenRequest {
    method: string
    /** Path without the query string. */
    path: string
    /** Raw query string without the `?` ('' when none). */
    query: string
    /** Status sent (or that would have been sent, for a dropped connection). */
    status: number
    /** user_name of the authenticated caller, '' when unauthenticated. */
    user: string
    /**
     * Set on a sub-request of a Batch API call: the batch's `batch_request_id`. It reached the instance inside the
     * batch call (one HTTP request, logged on its own without this field), not as a call of its own.
     */
    batch?: string
}

/**
 * Business rules the emulator runs on Table API writes (as an instance runs the app's rules on them). The
 * emulator itself only applies the claim guard; the app's own rules are plugged in by test code that runs the
 * app's server modules (see `glide-backend.ts`). Direct store writes never run them.
 */
export interface EmulatorBusinessRules {
    /**
     * Before an insert / update: return a message to refuse it (403 "Operation Failed", nothing written). Values the
     * rule sets on `record` are saved with the write (a before rule's `current.setValue` on an instance).
     */
    before?(
        table: string,
        operation: 'insert' | 'update',
        record: Record<string, string>,
        previous: Record<string, string> | null,
        actor: string,
    ): string | undefined
    /** After the write. */
    after?(
        table: string,
        operation: 'insert' | 'update',
        record: Record<string, string>,
        previous: Record<string, string> | null,
        actor: string,
    ): void
}

/**
 * What server-side scripts (GlideRecord) do on an instance: no ACLs, unknown fields ignored, values normalised to
 * the column type (an invalid value is dropped, as the platform does), the writer recorded as `actor`. Business
 * rules are the caller's business.
 */
export interface EmulatorScripting {
    /**
     * Records of `table` and the tables extending it (those `filter` keeps, when given). `eq`: exact equalities the
     * filter implies, a hint to look the candidates up by index (Store.list).
     */
    list(
        table: string,
        filter?: (r: Record<string, string>) => boolean,
        eq?: Readonly<Record<string, string>>,
    ): Record<string, string>[]
    create(table: string, values: Record<string, string>, actor: string): Record<string, string>
    modify(
        table: string,
        sysId: string,
        values: Record<string, string>,
        actor: string,
    ): Record<string, string> | undefined
    remove(table: string, sysId: string): boolean
    /** The emulator's clock, epoch ms. */
    now(): number
    /**
     * Attach `content` to a record (GlideSysAttachment.writeBase64 on an instance): a sys_attachment row written
     * as `actor` and its bytes; returns the attachment's sys_id.
     */
    attach(table: string, sysId: string, fileName: string, contentType: string, content: Buffer, actor: string): string
}

/** A running emulator. */
export interface ServiceNowEmulator {
    /** Base URL, e.g. `http://127.0.0.1:PORT`. */
    url: string
    close(): Promise<void>
    /** Direct access to the data: bypasses auth and ACLs (for seeding and assertions). */
    store: EmulatorStore
    faults: { add(rule: FaultRule): void; clear(): void }
    /**
     * Every OAuth access token issued so far expires now (an early expiry at this instant; refresh tokens stay
     * valid): the next call with one gets 401 and the client refreshes. Unlike the `expireToken` fault rule (one
     * per later request), several calls before any request expire the same tokens once.
     */
    expireTokens(): void
    /** Creates a user (and its role / group rows); returns its sys_id. */
    addUser(user: SeedUser): string
    /** Resolves when `predicate(store)` is true, re-checked after every write; rejects after `timeoutMs` (5000). */
    waitFor(predicate: (store: EmulatorStore) => boolean, timeoutMs?: number): Promise<void>
    /** Every request seen, in arrival order of the answers. */
    requests: SeenRequest[]
    /** Install (or remove, with undefined) the business rules run on Table API writes. */
    useBusinessRules(rules: EmulatorBusinessRules | undefined): void
    /** Install (or remove) the app's Scripted REST APIs (scripted-rest.ts: routes from dist, handlers from the app). */
    useScriptedRest(router: ScriptedRestRouter | undefined): void
    /** Server-side scripting access to the records (what GlideRecord does on an instance). */
    scripting: EmulatorScripting
    /** The instance's outbound HTTP (sn_ws.RESTMessageV2), its log and failure switches (outbound.ts). */
    outbound: OutboundHttp
}

/** One journal entry (a sys_journal_field row). */
export interface JournalEntry {
    element: 'work_notes' | 'comments'
    value: string
    /** "YYYY-MM-DD HH:mm:ss" UTC */
    createdOn: string
    /** user_name of the writer ('system' for direct store writes). */
    createdBy: string
}

/** One stored attachment with its content. */
export interface StoredAttachment {
    sysId: string
    fileName: string
    contentType: string
    content: Buffer
}

/**
 * The emulator's data. Values are strings as on the instance. Writes through the store are done as `system`,
 * bypass ACLs and business rules, but are validated against the dictionary: an unknown table, an unknown field
 * or a malformed value (e.g. a date-time not in "YYYY-MM-DD HH:mm:ss") throws, so a seeding mistake is loud.
 */
export interface EmulatorStore {
    /** The instance's clock (the emulator's `now` option): what sys_created_on and the query dates are read against. */
    clock(): Date
    /** Inserts a record: fills sys_id, system fields, defaults and auto-number. May set sys_* fields explicitly. */
    insert(table: string, values: Record<string, string>): Record<string, string>
    get(table: string, sysId: string): Record<string, string> | undefined
    /** Records of `table` and of the tables extending it, in insertion order (`eq`: see Store.list). */
    list(
        table: string,
        filter?: (r: Record<string, string>) => boolean,
        eq?: Readonly<Record<string, string>>,
    ): Record<string, string>[]
    /** Updates a record (sys_mod_count + 1). Throws when it does not exist. */
    update(table: string, sysId: string, values: Record<string, string>): Record<string, string>
    journal(table: string, sysId: string): JournalEntry[]
    attachments(table: string, sysId: string): StoredAttachment[]
}
