/**
 * Executor configuration: ONE settings table ({@link SETTINGS}) over the environment (variables prefixed `GBG_`)
 * and an optional JSON config file (`GBG_CONFIG_FILE`, keys = the setting's path in the table; the environment
 * overrides the file).
 *
 * - Each setting is declared once, in the table: its variable, type, validation, default and meaning. The schema,
 *   {@link describeConfig} (`gbg-executor config`, `doctor`), {@link configTableMarkdown} (the README's table,
 *   asserted equal by a test) and the worker's defaults ({@link CONFIG_DEFAULTS}) are derived from it.
 * - Secrets may be given directly (`GBG_SN_PASSWORD`) or as a file path (`GBG_SN_PASSWORD_FILE`, read and
 *   trimmed: Docker / Kubernetes / systemd credentials). Giving both is an error.
 * - Anything wrong fails fast with a {@link ConfigError} listing every problem, each naming its variable (and
 *   the config file key when the value came from the file). Secret values are never echoed.
 * - URLs: https, plain `http://` only to loopback — decided by url-policy.ts, the one function the providers use too.
 * - Unknown `GBG_*` variables and unknown config file keys are errors: a typo must not silently fall back to a
 *   default. A removed setting is an error that says what replaced it.
 * - Provider sections come out typed and validated: the providers take them as they are.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import cron from 'node-cron'
import { z } from 'zod'
import { PROPERTY, PROVIDERS, type ProviderName } from '@gbg/shared'
import { REDACTED, redact, type LogLevel } from './log'
import { URL_RULE, isAllowedUrl, isLoopbackHost } from './url-policy'
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from './providers/entra/config'

export { isLoopbackHost }

// ---------------------------------------------------------------------------------------------------------------
// The typed configuration
// ---------------------------------------------------------------------------------------------------------------

/** How the executor authenticates to ServiceNow. */
export type ServiceNowAuthMode = 'basic' | 'oauth_password' | 'oauth_client_credentials'

/** ServiceNow connection. */
export interface ServiceNowConfig {
    /** Instance base URL, e.g. `https://acme.service-now.com` (no path). Required. */
    url: string
    /** @defaultValue 'basic' */
    authMode: ServiceNowAuthMode
    /** Integration user name (basic, oauth_password). */
    username?: string
    /** Integration user password (basic, oauth_password). Secret. */
    password?: string
    /** OAuth client id (oauth_*). */
    clientId?: string
    /** OAuth client secret (oauth_*). Secret. */
    clientSecret?: string
    /** Per-request timeout, ms. @defaultValue 30000 */
    timeoutMs: number
    /** Rows per Table API page. @defaultValue 500 */
    pageSize: number
    /**
     * Use the Batch API (`POST /api/now/v1/batch`) for a claim with its reads and for an action's write-backs
     * (docs/performance.md). Off: one call per request. @defaultValue true
     */
    batch: boolean
}

/** Queue polling, leasing and retries. */
export interface QueueConfig {
    /** Seconds between polls of the action queue. @defaultValue 5 */
    pollIntervalSeconds: number
    /** Lease length when claiming an action, seconds. @defaultValue 120 */
    leaseSeconds: number
    /** Grant and verify actions processed concurrently by one executor (K). @defaultValue 32 */
    maxInFlight: number
    /**
     * Grant and revoke calls per second to each provider (a token bucket; revokes never wait for it); 0 = unpaced.
     * @defaultValue 20 (Microsoft Graph: 3,000 writes per 150 s per app and tenant)
     */
    providerWritesPerSecond: number
    /** Attempts of an action before it is dead (for actions the executor creates). @defaultValue 8 */
    maxAttempts: number
    /** First retry delay, ms. @defaultValue 2000 */
    backoffBaseMs: number
    /** Largest retry delay, ms. @defaultValue 300000 */
    backoffMaxMs: number
}

/** When to tell the ops channel that results cannot be written back to ServiceNow. */
export interface WriteBackConfig {
    /** Minutes a write-back may stay undelivered before the ops alert (it keeps retrying). @defaultValue 15 */
    maxMinutes: number
}

/** Revoke failure handling. */
export interface RevokeConfig {
    /** Failed revoke attempts after which a P1/P2 incident is raised (retries continue). @defaultValue 3 */
    incidentAfterFailures: number
    /**
     * Milliseconds a due revoke waits for ServiceNow (the queue revoke's hand-over and the grant read, together)
     * before it revokes from the journal's plan; its write-back catches up later. @defaultValue 500
     */
    serviceNowWaitMs: number
}

/** The executor's own HTTP server (/healthz, /readyz, /metrics, nudge). */
export interface HttpConfig {
    /** Bind address. @defaultValue '127.0.0.1' */
    host: string
    /** Port. @defaultValue 8787 */
    port: number
    /** HMAC secret of the signed nudge endpoint (at least 32 characters); nudges are refused without it. Secret. */
    nudgeSecret?: string
}

/** The audit chain's keyed MAC and anchors (docs/security.md "Audit chain"). */
export interface AuditConfig {
    /**
     * HMAC-SHA256 key (at least 32 characters) the executor MACs every audit event it appends with; `audit verify`
     * requires a valid MAC on every event created by the integration user. Shared by every executor replica. Secret.
     */
    key?: string
    /**
     * ServiceNow user_name the executor's writes are created by (sys_created_by of its events).
     * @defaultValue the integration user name (GBG_SN_USERNAME)
     */
    integrationUser?: string
}

/** The admin-as-a-service webhook provider. */
export interface WebhookConfig {
    /** Base URL of the service. */
    baseUrl: string
    /** Shared HMAC signing secret (at least 32 characters). Secret. */
    hmacSecret: string
    /** Per-request timeout, ms. @defaultValue 10000 */
    timeoutMs: number
}

/** Client certificate of the Entra app registration (read from {@link EntraConfig.certFile}). */
export interface EntraCertificate {
    /** SHA-256 thumbprint of the certificate (hex), computed from the PEM. */
    thumbprintSha256: string
    /** PEM private key. Secret. */
    privateKeyPem: string
    /** PEM certificate (sent as x5c). */
    certificatePem: string
}

/** Entra (Microsoft Graph) providers: `entra-role` (PIM roles) and `entra-group` (local admin via group). */
export interface EntraConfig {
    /** Directory (tenant) id, a GUID. */
    tenantId: string
    /** Application (client) id of the executor's app registration, a GUID. */
    clientId: string
    /** Client secret (use a certificate in production). Secret. Exactly one of this and `certFile`. */
    clientSecret?: string
    /** Path of a PEM file holding the certificate and its private key. */
    certFile?: string
    /** Parsed from `certFile`. */
    certificate?: EntraCertificate
    /** Login host. @defaultValue 'https://login.microsoftonline.com' */
    authorityHost: string
    /** Graph base URL with version. @defaultValue 'https://graph.microsoft.com/v1.0' */
    graphBaseUrl: string
    /** Local admin group mode: PIM for Groups (native expiry) or plain membership. @defaultValue 'pim' */
    groupMode: 'pim' | 'members'
    /** How a ServiceNow user is found in Entra: by UPN or by mail. @defaultValue 'userPrincipalName' */
    principalLookup: 'userPrincipalName' | 'mail'
    /** Device class (`workstation`, `server`…) → Entra group object id. @defaultValue {} */
    groupsByDeviceClass: Record<string, string>
    /** What happens to a Windows session at expiry (local admin): `forced` sign-out or `required`. @defaultValue 'required' */
    signOutPolicy: 'forced' | 'required'
    /** PIM eligibility before an Entra role grant: refuse without it, or only report. @defaultValue 'required' */
    roleEligibility: 'required' | 'report'
    /** Roles whose revoke is followed by revoking the user's sign-in sessions. @defaultValue [Global Administrator] */
    revokeSessionsRoleIds: string[]
    /** Extra trusted CA certificates (PEM) for the Entra endpoints, from GBG_ENTRA_CA_FILE. */
    caCertificatePem?: string
    /** Per-request timeout, ms. @defaultValue 30000 */
    timeoutMs: number
}

/** BeyondTrust EPM-WM JIT Admin provider `epm` (docs/epm.md). */
export interface EpmConfig {
    /** Tenant origin, e.g. `https://acme-services.pm.beyondtrustcloud.com`. */
    baseUrl: string
    /** Token endpoint. @defaultValue `<baseUrl>/oauth/connect/token` */
    tokenUrl?: string
    /** API account client id. */
    clientId: string
    /** API account client secret. Secret. */
    clientSecret: string
    /** Decision call path (unconfirmed in the docs; `{id}` = request id). */
    decisionPath: string
    /** A computer must have connected within this many minutes. @defaultValue 1440 */
    computerMaxAgeMinutes: number
    /** Approver name recorded in EPM. @defaultValue 'ServiceNow break-glass' */
    decidedBy: string
    /** ServiceNow instance URL for the ticket link (the executor's GBG_SN_URL). */
    ticketBaseUrl: string
    /** Per-request timeout, ms. @defaultValue 30000 */
    timeoutMs: number
}

/** The browser-only emergency console provider (`console`, issue 14). */
export interface ConsoleConfig {
    /** Console base URL (https; http only to loopback). */
    baseUrl: string
    /** Service account of the console. */
    username: string
    /** Service account password. Secret. */
    password: string
    /** Base32 TOTP seed of the service account (RFC 6238). Secret. */
    totpSeed: string
    /** Debian's Chromium. @defaultValue '/usr/bin/chromium' */
    chromiumPath: string
    /** Folder of masked screenshots, page texts and traces. @defaultValue './.data/console-evidence' */
    evidenceDir: string
    /** How long one console page may take (ms). @defaultValue 30000 */
    pageTimeoutMs: number
}

/** Teams notifications. */
export interface TeamsConfig {
    /** Workflows webhook URL (its `sig=` is a credential). Secret. */
    webhookUrl: string
    /** The ops channel's webhook (write-back trouble); the main one when unset. Secret. */
    opsWebhookUrl?: string
    /** The on-call channel's webhook (approval escalations); the main one when unset. Secret. */
    oncallWebhookUrl?: string
}

/** The whole configuration. */
export interface Config {
    /** This executor's name: lease owner and heartbeat row. @defaultValue `<hostname>-<pid>` */
    instanceName: string
    /** Sandbox / demo mode (never in production). @defaultValue false */
    sandbox: boolean
    /** @defaultValue 'info' */
    logLevel: LogLevel
    servicenow: ServiceNowConfig
    queue: QueueConfig
    writeBack: WriteBackConfig
    revoke: RevokeConfig
    /** SQLite journal file. @defaultValue './.data/journal.db' */
    journalPath: string
    /**
     * Days a settled grant's journal history (step history, delivered write-backs, plans) is kept before it is
     * compacted to its idempotency facts (docs/performance.md "Journal"). @defaultValue 30
     */
    journalRetentionDays: number
    http: HttpConfig
    /** Audit chain MAC key and integration user. */
    audit: AuditConfig
    /** Providers to enable. @defaultValue every provider whose section is configured */
    providers: ProviderName[]
    /** Present when the webhook provider is configured. */
    webhook?: WebhookConfig
    /** Present when the Entra providers are configured. */
    entra?: EntraConfig
    /** Present when the EPM provider is configured. */
    epm?: EpmConfig
    /** Present when the console provider is configured. */
    console?: ConsoleConfig
    /** Present when Teams notifications are configured. */
    teams?: TeamsConfig
    /** Cron expression of the periodic drift scan (Entra only). @defaultValue undefined (off) */
    driftSchedule?: string
}

// ---------------------------------------------------------------------------------------------------------------
// The settings table: every setting ONCE — variable, type, validation, default and meaning. The key in the JSON
// config file is its path in the table. describeConfig(), `gbg-executor config`, the README's configuration table
// (generated by configTableMarkdown(), asserted equal by test/cli-config.test.ts) and the schema all come from it.
// ---------------------------------------------------------------------------------------------------------------

/** A validated field: its zod schema (string from the environment or typed value from the file → T). */
interface Field<T> {
    schema: z.ZodType<T, z.ZodTypeDef, unknown>
    /** Type in words, e.g. `integer 1–3600`. */
    type: string
    /** Default in words ('' when none). */
    defaultText: string
}

/** One setting of the table. */
class Setting<T> {
    constructor(
        readonly name: string,
        readonly field: Field<T>,
        readonly description: string,
        readonly secret: boolean,
        readonly defaultText: string,
    ) {}
}

function setting<T>(
    name: string,
    field: Field<T>,
    description: string,
    opts: { secret?: boolean; defaultText?: string } = {},
): Setting<T> {
    return new Setting(name, field, description, opts.secret ?? false, opts.defaultText ?? field.defaultText)
}

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

/** Invalid configuration: `problems` holds one line per problem, each naming its variable. */
export class ConfigError extends Error {
    constructor(readonly problems: string[]) {
        super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
        this.name = 'ConfigError'
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Field types (strings from the environment, typed values from the JSON file)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Report a field problem. Returns `undefined` rather than `z.NEVER` on purpose: the object then stays "dirty"
 * (not aborted), so the cross-field checks still run and the error lists every problem at once; the final
 * transform never runs on dirty input, so the placeholder cannot escape.
 */
function issue(ctx: z.RefinementCtx, message: string): never {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message })
    return undefined as never
}

const isUnset = (x: unknown): boolean => x === undefined || x === null || x === ''

function int(min: number, max: number, def: number): Field<number> {
    return {
        type: `integer ${min}–${max}`,
        defaultText: String(def),
        schema: z.unknown().transform((x, ctx): number => {
            if (isUnset(x)) return def
            const n =
                typeof x === 'number' ? x : typeof x === 'string' && /^\s*-?\d+\s*$/.test(x) ? Number(x) : Number.NaN
            if (!Number.isSafeInteger(n) || n < min || n > max) {
                return issue(ctx, `must be an integer from ${min} to ${max} (got ${show(x)})`)
            }
            return n
        }),
    }
}

function bool(def: boolean): Field<boolean> {
    return {
        type: 'true | false',
        defaultText: String(def),
        schema: z.unknown().transform((x, ctx): boolean => {
            if (isUnset(x)) return def
            if (typeof x === 'boolean') return x
            if (typeof x === 'string') {
                const s = x.trim().toLowerCase()
                if (['true', '1', 'yes', 'on'].includes(s)) return true
                if (['false', '0', 'no', 'off'].includes(s)) return false
            }
            return issue(ctx, `must be true or false (got ${show(x)})`)
        }),
    }
}

function oneOf<T extends string>(values: readonly T[], def: T, aliases: Record<string, T> = {}): Field<T> {
    const shown = (v: string): string => Object.keys(aliases).find((a) => aliases[a] === v) ?? v
    return {
        type: values.map(shown).join(' | '),
        defaultText: shown(def),
        schema: z.unknown().transform((x, ctx): T => {
            if (isUnset(x)) return def
            const s = typeof x === 'string' ? x.trim() : x
            if (typeof s === 'string' && (values as readonly string[]).includes(s)) return s as T
            if (typeof s === 'string' && aliases[s] !== undefined) return aliases[s]
            return issue(ctx, `must be one of ${[...values, ...Object.keys(aliases)].join(', ')} (got ${show(x)})`)
        }),
    }
}

interface TextOptions {
    secret?: boolean
    min?: number
    pattern?: RegExp
    patternText?: string
    /** Type in words. @defaultValue 'text' (secrets: 'secret text') */
    type?: string
}

/** Text; `secret` values are never echoed in messages. Without a default an unset value is `undefined`. */
function text(opts?: TextOptions): Field<string | undefined>
function text(opts: TextOptions, def: string): Field<string>
function text(opts: TextOptions = {}, def?: string): Field<string | undefined> {
    const type = opts.type ?? (opts.secret ? 'secret text' : 'text')
    return {
        type: opts.min !== undefined ? `${type} (≥ ${opts.min} characters)` : type,
        defaultText: def ?? '',
        schema: z.unknown().transform((x, ctx): string | undefined => {
            if (isUnset(x)) return def
            if (typeof x !== 'string') return issue(ctx, 'must be a string')
            const s = x.trim()
            if (opts.min !== undefined && s.length < opts.min) {
                return issue(ctx, `must be at least ${opts.min} characters` + (opts.secret ? '' : ` (got ${show(s)})`))
            }
            if (opts.pattern && !opts.pattern.test(s)) {
                return issue(
                    ctx,
                    `must be ${opts.patternText ?? String(opts.pattern)}` + (opts.secret ? '' : ` (got ${show(s)})`),
                )
            }
            return s
        }),
    }
}

interface UrlOptions {
    secret?: boolean
    /** Instance URLs: the origin only. */
    noPath?: boolean
    /** https only, not even loopback http (MSAL's authority). */
    httpsOnly?: boolean
}

/** URL: https, or http to loopback only (url-policy.ts); no credentials in it; `noPath` for instance URLs. */
function url(opts?: UrlOptions): Field<string | undefined>
function url(opts: UrlOptions, def: string): Field<string>
function url(opts: UrlOptions = {}, def?: string): Field<string | undefined> {
    return {
        type: opts.httpsOnly ? 'https URL' : 'https URL (http only to loopback)',
        defaultText: def ?? '',
        schema: z.unknown().transform((x, ctx): string | undefined => {
            if (isUnset(x)) return def
            const shown = opts.secret ? '' : ` (got ${show(x)})`
            if (typeof x !== 'string') return issue(ctx, 'must be a URL')
            let u: URL
            try {
                u = new URL(x.trim())
            } catch {
                return issue(ctx, `must be a URL${shown}`)
            }
            if (u.protocol !== 'https:' && u.protocol !== 'http:') return issue(ctx, `must be an https:// URL${shown}`)
            if (opts.httpsOnly && u.protocol !== 'https:') return issue(ctx, `must use https:// (MSAL refuses http)${shown}`)
            if (!isAllowedUrl(u)) return issue(ctx, `${URL_RULE}${shown}`)
            if (u.username !== '' || u.password !== '') {
                return issue(ctx, 'must not embed credentials (user:password@); use the credential variables')
            }
            if (opts.noPath && (u.pathname !== '/' || u.search !== '' || u.hash !== '')) {
                return issue(ctx, `must be the instance root URL without a path${shown}`)
            }
            if (opts.noPath) return u.origin
            return opts.secret ? x.trim() : u.toString().replace(/\/$/, '')
        }),
    }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const guidMap: Field<Record<string, string>> = {
    type: 'map class=GUID,… or JSON',
    defaultText: '',
    schema: z.unknown().transform((x, ctx): Record<string, string> => {
        if (isUnset(x)) return {}
        let entries: [string, unknown][]
        if (typeof x === 'string') {
            const s = x.trim()
            if (s.startsWith('{')) {
                try {
                    entries = Object.entries(JSON.parse(s) as Record<string, unknown>)
                } catch {
                    return issue(ctx, 'is not valid JSON')
                }
            } else {
                entries = s.split(',').map((pair) => {
                    const at = pair.indexOf('=')
                    return at < 0 ? [pair.trim(), ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
                })
            }
        } else if (typeof x === 'object' && !Array.isArray(x)) {
            entries = Object.entries(x as Record<string, unknown>)
        } else {
            return issue(ctx, 'must be a map of device class to group id')
        }
        const out: Record<string, string> = {}
        for (const [k, val] of entries) {
            if (!/^[a-z][a-z0-9_]{0,39}$/.test(k))
                return issue(ctx, `device class ${show(k)} must be lowercase letters, digits, _`)
            if (typeof val !== 'string' || !GUID.test(val)) return issue(ctx, `group id of ${k} must be a GUID`)
            out[k] = val.toLowerCase()
        }
        return out
    }),
}

/** Path of a PEM file: read and parsed here so a bad file is reported with the other problems. */
const certificateFile: Field<{ path: string; certificate: EntraCertificate } | undefined> = {
    type: 'file path (PEM)',
    defaultText: '',
    schema: z.unknown().transform((x, ctx): { path: string; certificate: EntraCertificate } | undefined => {
        if (isUnset(x)) return undefined
        if (typeof x !== 'string') return issue(ctx, 'must be a file path')
        const path = x.trim()
        try {
            return { path, certificate: readCertificate(path) }
        } catch (error) {
            // The file is set but unusable: report why, and keep it counted as set so the cross-field rule does not
            // add a misleading "exactly one of secret and certificate must be set" (the parse fails on this issue).
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message })
            return { path, certificate: undefined as unknown as EntraCertificate }
        }
    }),
}

/** A cron expression (node-cron syntax, 5 or 6 fields). */
const cronExpression: Field<string | undefined> = {
    type: 'cron expression',
    defaultText: '',
    schema: z.unknown().transform((x, ctx): string | undefined => {
        if (isUnset(x)) return undefined
        if (typeof x !== 'string' || !cron.validate(x.trim()))
            return issue(ctx, `must be a cron expression (got ${show(x)})`)
        return x.trim()
    }),
}

/** Path of a PEM file of extra CA certificates trusted for the Entra endpoints (private CA / TLS inspection). */
const caFile: Field<string | undefined> = {
    type: 'file path (PEM)',
    defaultText: '',
    schema: z.unknown().transform((x, ctx): string | undefined => {
        if (isUnset(x)) return undefined
        if (typeof x !== 'string') return issue(ctx, 'must be a file path')
        try {
            const pem = readFileSync(x.trim(), 'utf8')
            if (!pem.includes('-----BEGIN CERTIFICATE-----')) return issue(ctx, 'does not contain a PEM certificate')
            return pem
        } catch (error) {
            return issue(ctx, (error as Error).message)
        }
    }),
}

/** A comma list (or JSON array) of GUIDs, lower-cased; `def` when unset. */
function guidList(def: string[]): Field<string[]> {
    return {
        type: 'comma list of GUIDs',
        defaultText: def.join(','),
        schema: z.unknown().transform((x, ctx): string[] => {
            if (isUnset(x)) return def
            const items = Array.isArray(x)
                ? x
                : typeof x === 'string'
                  ? x
                        .split(',')
                        .map((s) => s.trim())
                        .filter((s) => s !== '')
                  : null
            if (!items) return issue(ctx, 'must be a comma list of GUIDs')
            for (const item of items) {
                if (typeof item !== 'string' || !GUID.test(item)) return issue(ctx, `${show(item)} is not a GUID`)
            }
            return [...new Set((items as string[]).map((i) => i.toLowerCase()))]
        }),
    }
}

const providerList: Field<ProviderName[] | undefined> = {
    type: `comma list of ${PROVIDERS.join(', ')}`,
    defaultText: '',
    schema: z.unknown().transform((x, ctx): ProviderName[] | undefined => {
        if (isUnset(x)) return undefined
        const items = Array.isArray(x)
            ? x
            : typeof x === 'string'
              ? x
                    .split(',')
                    .map((s) => s.trim())
                    .filter((s) => s !== '')
              : null
        if (!items) return issue(ctx, 'must be a comma list of provider names')
        for (const item of items) {
            if (typeof item !== 'string' || !(PROVIDERS as readonly string[]).includes(item)) {
                return issue(ctx, `unknown provider ${show(item)}; known: ${PROVIDERS.join(', ')}`)
            }
        }
        return [...new Set(items as ProviderName[])]
    }),
}

function show(x: unknown): string {
    const s = typeof x === 'string' ? x : JSON.stringify(x)
    return JSON.stringify((s ?? String(x)).slice(0, 60))
}

function defaultInstanceName(): string {
    const host =
        os
            .hostname()
            .replace(/[^A-Za-z0-9._:-]/g, '-')
            .replace(/^[^A-Za-z0-9]+/, '') || 'executor'
    return `${host}-${process.pid}`.slice(0, 100)
}

// ---------------------------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------------------------

const SETTINGS = {
    instanceName: setting(
        'GBG_INSTANCE_NAME',
        text({ pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, patternText: 'letters, digits and . _ : - (max 100)' }),
        'Executor name (lease owner, heartbeat row); letters, digits, . _ : -',
        { defaultText: '<hostname>-<pid>' },
    ),
    sandbox: setting('GBG_SANDBOX', bool(false), 'Sandbox / demo mode; never in production'),
    logLevel: setting('GBG_LOG_LEVEL', oneOf(['error', 'warn', 'info', 'debug'] as const, 'info'), 'Log level'),
    servicenow: {
        url: setting(
            'GBG_SN_URL',
            url({ noPath: true }),
            'ServiceNow instance URL, e.g. https://acme.service-now.com (required)',
        ),
        authMode: setting(
            'GBG_SN_AUTH_MODE',
            oneOf(['basic', 'oauth_password', 'oauth_client_credentials'] as const, 'basic'),
            'How the executor authenticates to ServiceNow',
        ),
        username: setting('GBG_SN_USERNAME', text(), 'Integration user name (basic, oauth_password)'),
        password: setting('GBG_SN_PASSWORD', text({ secret: true }), 'Integration user password (basic, oauth_password)', {
            secret: true,
        }),
        clientId: setting('GBG_SN_CLIENT_ID', text(), 'OAuth client id (oauth_*)'),
        clientSecret: setting('GBG_SN_CLIENT_SECRET', text({ secret: true }), 'OAuth client secret (oauth_*)', {
            secret: true,
        }),
        timeoutMs: setting('GBG_SN_TIMEOUT_MS', int(1_000, 300_000, 30_000), 'ServiceNow request timeout (ms)'),
        pageSize: setting('GBG_SN_PAGE_SIZE', int(1, 10_000, 500), 'Rows per Table API page'),
        batch: setting(
            'GBG_SN_BATCH',
            bool(true),
            "Combine a claim with its reads and an action's write-backs in Batch API calls (off: one call each)",
        ),
    },
    queue: {
        pollIntervalSeconds: setting('GBG_POLL_INTERVAL_SECONDS', int(1, 3_600, 5), 'Seconds between queue polls'),
        leaseSeconds: setting('GBG_LEASE_SECONDS', int(10, 86_400, 120), 'Lease length of a claimed action (s)'),
        maxInFlight: setting(
            'GBG_MAX_IN_FLIGHT',
            int(1, 256, 32),
            'Grant and verify actions processed concurrently (K); revokes have their own lane',
        ),
        providerWritesPerSecond: setting(
            'GBG_PROVIDER_WRITES_PER_SECOND',
            int(0, 10_000, 20),
            'Grant and revoke calls per second to each provider (token bucket; revokes never wait; honours Retry-After); 0 = unpaced',
        ),
        maxAttempts: setting(
            'GBG_MAX_ATTEMPTS',
            int(1, 1_000, 8),
            'Attempts of the verify actions the executor creates before they are dead',
        ),
        backoffBaseMs: setting(
            'GBG_BACKOFF_BASE_MS',
            int(0, 86_400_000, 2_000),
            'First retry delay of grants, revokes, verifies and write-backs (ms); doubles per attempt',
        ),
        backoffMaxMs: setting(
            'GBG_BACKOFF_MAX_MS',
            int(0, 86_400_000, 300_000),
            'Largest retry delay (ms); revokes retry at least every 5 minutes',
        ),
    },
    writeBack: {
        maxMinutes: setting(
            'GBG_WRITEBACK_MAX_MINUTES',
            int(1, 10_080, 15),
            'Minutes a write-back to ServiceNow may stay undelivered before ops are alerted (it keeps retrying)',
        ),
    },
    revoke: {
        incidentAfterFailures: setting(
            'GBG_REVOKE_INCIDENT_AFTER_FAILURES',
            int(1, 1_000, 3),
            'Failed revoke attempts before a P1/P2 incident',
        ),
        serviceNowWaitMs: setting(
            'GBG_REVOKE_SERVICENOW_WAIT_MS',
            int(100, 60_000, 500),
            "Milliseconds a due revoke waits for ServiceNow before revoking from the journal's plan",
        ),
    },
    journalPath: setting('GBG_JOURNAL_PATH', text({ type: 'file path' }, './.data/journal.db'), 'SQLite journal file'),
    journalRetentionDays: setting(
        'GBG_JOURNAL_RETENTION_DAYS',
        int(1, 3_650, 30),
        "Days a settled grant's journal history is kept before it is compacted to its idempotency facts",
    ),
    http: {
        host: setting(
            'GBG_HTTP_HOST',
            text({ pattern: /^[A-Za-z0-9.:[\]-]+$/, patternText: 'a host name or IP address', type: 'host' }, '127.0.0.1'),
            'Bind address of /healthz, /readyz, /metrics, nudge',
        ),
        port: setting('GBG_HTTP_PORT', int(0, 65_535, 8787), 'Port of the HTTP server'),
        nudgeSecret: setting(
            'GBG_NUDGE_SECRET',
            text({ secret: true, min: 32 }),
            'HMAC secret of the nudge endpoint; nudges are refused without it',
            { secret: true },
        ),
    },
    audit: {
        key: setting(
            'GBG_AUDIT_KEY',
            text({ secret: true, min: 32 }),
            'HMAC key of the audit events the executor appends (the same on every replica)',
            { secret: true },
        ),
        integrationUser: setting(
            'GBG_AUDIT_INTEGRATION_USER',
            text(),
            'user_name whose audit events must carry the executor MAC',
            { defaultText: 'GBG_SN_USERNAME' },
        ),
    },
    providers: setting('GBG_PROVIDERS', providerList, 'Providers to enable', {
        defaultText: 'every configured provider',
    }),
    webhook: {
        baseUrl: setting('GBG_WEBHOOK_BASE_URL', url(), 'Admin-as-a-service webhook base URL'),
        hmacSecret: setting(
            'GBG_WEBHOOK_HMAC_SECRET',
            text({ secret: true, min: 32 }),
            'Webhook HMAC signing secret',
            { secret: true },
        ),
        timeoutMs: setting('GBG_WEBHOOK_TIMEOUT_MS', int(100, 300_000, 10_000), 'Webhook request timeout (ms)'),
    },
    entra: {
        tenantId: setting('GBG_ENTRA_TENANT_ID', text({ pattern: GUID, patternText: 'a GUID', type: 'GUID' }), 'Entra tenant id'),
        clientId: setting(
            'GBG_ENTRA_CLIENT_ID',
            text({ pattern: GUID, patternText: 'a GUID', type: 'GUID' }),
            'Entra app (client) id',
        ),
        clientSecret: setting(
            'GBG_ENTRA_CLIENT_SECRET',
            text({ secret: true }),
            'Entra client secret (or use a certificate)',
            { secret: true },
        ),
        certFile: setting(
            'GBG_ENTRA_CERT_FILE',
            certificateFile,
            'PEM file with the Entra client certificate and its private key',
        ),
        authorityHost: setting(
            'GBG_ENTRA_AUTHORITY_URL',
            url({ httpsOnly: true }, 'https://login.microsoftonline.com'),
            'Entra login host (https only: MSAL refuses http)',
        ),
        graphBaseUrl: setting(
            'GBG_ENTRA_GRAPH_BASE_URL',
            url({}, 'https://graph.microsoft.com/v1.0'),
            'Microsoft Graph base URL',
        ),
        groupMode: setting('GBG_ENTRA_GROUP_MODE', oneOf(['pim', 'members'] as const, 'pim'), 'Local admin groups: PIM for Groups or plain membership'),
        principalLookup: setting(
            'GBG_ENTRA_PRINCIPAL_LOOKUP',
            oneOf<'userPrincipalName' | 'mail'>(['userPrincipalName', 'mail'], 'userPrincipalName', {
                upn: 'userPrincipalName',
            }),
            'Find users by UPN or mail',
        ),
        groupsByDeviceClass: setting(
            'GBG_ENTRA_DEVICE_CLASS_GROUPS',
            guidMap,
            'Device class → group id, "workstation=<guid>,server=<guid>" or JSON',
        ),
        signOutPolicy: setting(
            'GBG_ENTRA_SIGN_OUT_POLICY',
            oneOf(['forced', 'required'] as const, 'required'),
            'Local admin at expiry: forced (sign-out enforced by Intune/EPM) or required (user told to sign out)',
        ),
        roleEligibility: setting(
            'GBG_ENTRA_ROLE_ELIGIBILITY',
            oneOf(['required', 'report'] as const, 'required'),
            'Entra roles: a user without PIM eligibility for the role is refused (required) or only reported on the ticket (report)',
        ),
        revokeSessionsRoleIds: setting(
            'GBG_ENTRA_REVOKE_SESSIONS_ROLES',
            guidList([GLOBAL_ADMINISTRATOR_ROLE_ID]),
            "Role ids after whose revoke the user's sign-in sessions are revoked (high-risk plans always); default Global Administrator",
        ),
        caFile: setting('GBG_ENTRA_CA_FILE', caFile, 'PEM of extra CA certificates trusted for the Entra endpoints'),
        timeoutMs: setting('GBG_ENTRA_TIMEOUT_MS', int(1_000, 300_000, 30_000), 'Graph request timeout (ms)'),
    },
    epm: {
        baseUrl: setting(
            'GBG_EPM_BASE_URL',
            url(),
            'BeyondTrust EPM tenant origin, e.g. https://<tenant>-services.pm.beyondtrustcloud.com',
        ),
        tokenUrl: setting('GBG_EPM_TOKEN_URL', url(), 'EPM OAuth token endpoint', {
            defaultText: '<GBG_EPM_BASE_URL>/oauth/connect/token',
        }),
        clientId: setting('GBG_EPM_CLIENT_ID', text(), 'EPM API account client id'),
        clientSecret: setting('GBG_EPM_CLIENT_SECRET', text({ secret: true }), 'EPM API account client secret', {
            secret: true,
        }),
        decisionPath: setting(
            'GBG_EPM_DECISION_PATH',
            text(
                { pattern: /^\/[A-Za-z0-9/_.{}-]{1,200}$/, patternText: 'an absolute path (optionally with {id})' },
                '/management-api/v2/AdminAccessRequest/decision',
            ),
            'Path of EPM\'s "update an admin access request decision" call ({id} = request id)',
        ),
        computerMaxAgeMinutes: setting(
            'GBG_EPM_COMPUTER_MAX_AGE_MINUTES',
            int(5, 43_200, 1_440),
            'A device must have connected to EPM within this many minutes to get a JIT session',
        ),
        decidedBy: setting(
            'GBG_EPM_DECIDED_BY',
            text({}, 'ServiceNow break-glass'),
            'Approver name recorded on the EPM request',
        ),
        timeoutMs: setting('GBG_EPM_TIMEOUT_MS', int(1_000, 300_000, 30_000), 'EPM request timeout (ms)'),
    },
    console: {
        baseUrl: setting('GBG_CONSOLE_URL', url(), 'Emergency admin console base URL (browser-only, driven in Chromium)'),
        username: setting('GBG_CONSOLE_USERNAME', text(), 'Console service account'),
        password: setting('GBG_CONSOLE_PASSWORD', text({ secret: true }), 'Console service account password', {
            secret: true,
        }),
        totpSeed: setting(
            'GBG_CONSOLE_TOTP_SEED',
            text({ secret: true, pattern: /^[A-Za-z2-7]{16,}=*$/, patternText: 'a base32 seed of at least 16 characters' }),
            'Base32 TOTP seed of the console service account (RFC 6238)',
            { secret: true },
        ),
        chromiumPath: setting(
            'GBG_CONSOLE_CHROMIUM_PATH',
            text({}, '/usr/bin/chromium'),
            "Chromium binary (Debian's package chromium; never a downloaded browser)",
        ),
        evidenceDir: setting(
            'GBG_CONSOLE_EVIDENCE_DIR',
            text({}, './.data/console-evidence'),
            'Folder of the masked screenshots, page texts and traces',
        ),
        pageTimeoutMs: setting('GBG_CONSOLE_PAGE_TIMEOUT_MS', int(500, 300_000, 30_000), 'How long one console page may take (ms)'),
    },
    driftSchedule: setting(
        'GBG_DRIFT_SCHEDULE',
        cronExpression,
        'Cron expression of the periodic Entra drift scan (e.g. "*/30 * * * *"); off when unset',
        { defaultText: 'off' },
    ),
    teams: {
        webhookUrl: setting(
            'GBG_TEAMS_WEBHOOK_URL',
            url({ secret: true }),
            'Teams Workflows webhook URL (contains a signature)',
            { secret: true },
        ),
        opsWebhookUrl: setting(
            'GBG_TEAMS_OPS_WEBHOOK_URL',
            url({ secret: true }),
            'Teams webhook of the ops channel (write-back to ServiceNow stuck past its bound); the main webhook when unset',
            { secret: true },
        ),
        oncallWebhookUrl: setting(
            'GBG_TEAMS_ONCALL_WEBHOOK_URL',
            url({ secret: true }),
            'Teams webhook of the on-call channel (approval escalation at the policy timeout); the main webhook when unset',
            { secret: true },
        ),
    },
}

/** Settings that no longer exist: setting one is an error that says what to do instead. */
const REMOVED: Readonly<Record<string, { key: string; message: string }>> = {
    GBG_WRITEBACK_MAX_ATTEMPTS: {
        key: 'writeBack.maxAttempts',
        message:
            'removed: write-backs retry until delivered and ops are alerted after GBG_WRITEBACK_MAX_MINUTES; ' +
            'an attempt count added nothing (the retry delay is capped); unset it',
    },
}

/**
 * Settings the app now decides: still accepted (a deployment that sets one keeps starting) and ignored; `doctor`
 * warns while one is set in the environment. Their config-file keys are dropped the same way.
 */
export const OBSOLETE_VARIABLES: Readonly<Record<string, { key: string; nowIn: string }>> = {
    GBG_SECOPS_GROUP: { key: 'secopsGroupSysId', nowIn: `the app's property ${PROPERTY.secopsGroup} on the instance` },
    GBG_SN_INCIDENT_CALLER: {
        key: 'servicenow.incidentCallerSysId',
        nowIn: 'the app (the incident caller is the integration user)',
    },
}

/** Variables read outside the table. */
const META_VARIABLES = ['GBG_CONFIG_FILE', ...Object.keys(OBSOLETE_VARIABLES)]

/** The raw (validated, defaulted) values of a table section. */
type RawOf<S> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : RawOf<S[K]> }
type Raw = RawOf<typeof SETTINGS>

/** Every setting with its dotted key, in table order. */
function flatten(node: object, prefix = ''): { key: string; setting: Setting<unknown> }[] {
    return Object.entries(node).flatMap(([k, v]) =>
        v instanceof Setting ? [{ key: prefix + k, setting: v as Setting<unknown> }] : flatten(v as object, `${prefix}${k}.`),
    )
}

/** The zod object of a table section: unknown keys are errors; a missing section is `{}` (so defaults apply). */
function sectionSchema(node: object): z.ZodTypeAny {
    const shape: Record<string, z.ZodTypeAny> = {}
    for (const [k, v] of Object.entries(node)) {
        shape[k] = v instanceof Setting ? (v as Setting<unknown>).field.schema : sectionSchema(v as object).default({})
    }
    return z.object(shape).strict()
}

const FLAT = flatten(SETTINGS)

/** One configuration variable, as {@link describeConfig} lists it. */
export interface ConfigVariable {
    /** Environment variable. */
    name: string
    /** Key in the JSON config file (dotted path; '' for GBG_CONFIG_FILE). */
    key: string
    /** Type and accepted values in words. */
    type: string
    description: string
    /** Default, as text ('' when there is none). */
    defaultValue: string
    /** A secret: never printed; may also be given as `<name>_FILE`. */
    secret: boolean
}

const VARIABLES: ConfigVariable[] = FLAT.map(({ key, setting: s }) => ({
    name: s.name,
    key,
    type: s.field.type,
    description: s.description,
    defaultValue: s.defaultText,
    secret: s.secret,
}))

/** Every configuration variable with its type, meaning and default (for `config`, the README and `doctor`). */
export function describeConfig(): ConfigVariable[] {
    return [
        {
            name: 'GBG_CONFIG_FILE',
            key: '',
            type: 'file path',
            description: 'Optional JSON config file (keys as below; the environment overrides it)',
            defaultValue: '',
            secret: false,
        },
        ...VARIABLES.map((x) => ({ ...x })),
    ]
}

/** The README's configuration table (Markdown), generated from the settings table. */
export function configTableMarkdown(): string {
    const cell = (s: string): string => s.replace(/\|/g, '\\|')
    const rows = describeConfig().map((v) => {
        const name = v.secret ? `\`${v.name}\` (secret, or \`${v.name}_FILE\`)` : `\`${v.name}\``
        const key = v.key ? `\`${v.key}\`` : ''
        const def = v.defaultValue ? `\`${cell(v.defaultValue)}\`` : ''
        return `| ${name} | ${key} | ${cell(v.type)} | ${cell(v.description)} | ${def} |`
    })
    return ['| Variable | File key | Type | Meaning | Default |', '|---|---|---|---|---|', ...rows].join('\n')
}

/** Default values of the settings the worker maps (worker/options.ts takes its defaults from here). */
export const CONFIG_DEFAULTS: Pick<Config, 'queue' | 'writeBack' | 'revoke' | 'journalRetentionDays'> = {
    journalRetentionDays: SETTINGS.journalRetentionDays.field.schema.parse(undefined) as number,
    queue: sectionSchema(SETTINGS.queue).parse({}) as QueueConfig,
    writeBack: sectionSchema(SETTINGS.writeBack).parse({}) as WriteBackConfig,
    revoke: sectionSchema(SETTINGS.revoke).parse({}) as RevokeConfig,
}

// ---------------------------------------------------------------------------------------------------------------
// The schema: the table's fields, then cross-field rules, then the typed shape
// ---------------------------------------------------------------------------------------------------------------

const rawSchema = sectionSchema(SETTINGS) as unknown as z.ZodType<Raw, z.ZodTypeDef, unknown>

/** Cross-field rules. Run even when a field is invalid, so every problem is reported at once. */
function crossChecks(raw: Raw, ctx: z.RefinementCtx): void {
    const at = (path: string[], message: string): void => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message })
    const sn = raw.servicenow
    if (sn.url === undefined) at(['servicenow', 'url'], 'is required')
    if (
        (raw.teams.opsWebhookUrl !== undefined || raw.teams.oncallWebhookUrl !== undefined) &&
        raw.teams.webhookUrl === undefined
    )
        at(['teams', 'webhookUrl'], 'is required when an ops or on-call Teams webhook is set (cards for people go there)')
    if (raw.driftSchedule !== undefined && !entraGiven(raw))
        at(['driftSchedule'], 'the drift scan needs the Entra settings (GBG_ENTRA_*)')
    if (sn.authMode === 'basic' || sn.authMode === 'oauth_password') {
        if (!sn.username) at(['servicenow', 'username'], `is required with auth mode ${sn.authMode}`)
        if (!sn.password) at(['servicenow', 'password'], `is required with auth mode ${sn.authMode}`)
    }
    if (sn.authMode === 'oauth_password' || sn.authMode === 'oauth_client_credentials') {
        if (!sn.clientId) at(['servicenow', 'clientId'], `is required with auth mode ${sn.authMode}`)
        if (!sn.clientSecret) at(['servicenow', 'clientSecret'], `is required with auth mode ${sn.authMode}`)
    }
    if (raw.queue.backoffBaseMs > raw.queue.backoffMaxMs) {
        at(['queue', 'backoffBaseMs'], 'must not exceed the backoff maximum (GBG_BACKOFF_MAX_MS)')
    }
    const wh = raw.webhook
    if (wh.baseUrl !== undefined && !wh.hmacSecret)
        at(['webhook', 'hmacSecret'], 'is required when the webhook base URL is set')
    if (wh.hmacSecret !== undefined && !wh.baseUrl)
        at(['webhook', 'baseUrl'], 'is required when the webhook HMAC secret is set')
    const e = raw.entra
    if (entraGiven(raw)) {
        if (!e.tenantId) at(['entra', 'tenantId'], 'is required when Entra is configured')
        if (!e.clientId) at(['entra', 'clientId'], 'is required when Entra is configured')
        if ((e.clientSecret === undefined) === (e.certFile === undefined)) {
            at(['entra', 'clientSecret'], 'exactly one of the Entra client secret and certificate file must be set')
        }
    }
    const ep = raw.epm
    if (epmGiven(raw)) {
        if (!ep.baseUrl) at(['epm', 'baseUrl'], 'is required when EPM is configured')
        if (!ep.clientId) at(['epm', 'clientId'], 'is required when EPM is configured')
        if (!ep.clientSecret) at(['epm', 'clientSecret'], 'is required when EPM is configured')
    }
    for (const p of raw.providers ?? []) {
        if (p === 'webhook' && wh.baseUrl === undefined && wh.hmacSecret === undefined) {
            at(['providers'], 'enables webhook but GBG_WEBHOOK_BASE_URL / GBG_WEBHOOK_HMAC_SECRET are not set')
        }
        if (p === 'epm' && !epmGiven(raw))
            at(['providers'], 'enables epm but GBG_EPM_BASE_URL / GBG_EPM_CLIENT_ID / GBG_EPM_CLIENT_SECRET are not set')
        if (p === 'console' && !consoleGiven(raw))
            at(['providers'], 'enables console but the GBG_CONSOLE_* settings are not set')
        if ((p === 'entra-role' || p === 'entra-group') && !entraGiven(raw))
            at(['providers'], `enables ${p} but the Entra settings (GBG_ENTRA_*) are not set`)
    }
    if (consoleGiven(raw)) {
        const c = raw.console
        if (!c.baseUrl) at(['console', 'baseUrl'], 'is required when the console is configured')
        if (!c.username) at(['console', 'username'], 'is required when the console is configured')
        if (!c.password) at(['console', 'password'], 'is required when the console is configured')
        if (!c.totpSeed) at(['console', 'totpSeed'], 'is required when the console is configured')
    }
}

/** The console counts as configured as soon as its URL, account or a credential is given. */
function consoleGiven(raw: Raw): boolean {
    const c = raw.console
    return c.baseUrl !== undefined || c.username !== undefined || c.password !== undefined || c.totpSeed !== undefined
}

/** EPM counts as configured as soon as its URL or a credential is given. */
function epmGiven(raw: Raw): boolean {
    const ep = raw.epm
    return ep.baseUrl !== undefined || ep.clientId !== undefined || ep.clientSecret !== undefined
}

/** Entra counts as configured as soon as any identifying or credential setting is given. */
function entraGiven(raw: Raw): boolean {
    const e = raw.entra
    return (
        e.tenantId !== undefined ||
        e.clientId !== undefined ||
        e.clientSecret !== undefined ||
        e.certFile !== undefined ||
        Object.keys(e.groupsByDeviceClass ?? {}).length > 0
    )
}

/** The final shape (only ever runs on fully valid input). */
function toConfig(raw: Raw): Config {
    const sn = raw.servicenow
    const wh = raw.webhook
    const e = raw.entra
    const webhook: WebhookConfig | undefined =
        wh.baseUrl && wh.hmacSecret
            ? { baseUrl: wh.baseUrl, hmacSecret: wh.hmacSecret, timeoutMs: wh.timeoutMs }
            : undefined
    const entra: EntraConfig | undefined =
        entraGiven(raw) && e.tenantId && e.clientId
            ? {
                  tenantId: e.tenantId.toLowerCase(),
                  clientId: e.clientId.toLowerCase(),
                  clientSecret: e.clientSecret,
                  certFile: e.certFile?.path,
                  certificate: e.certFile?.certificate,
                  authorityHost: e.authorityHost,
                  graphBaseUrl: e.graphBaseUrl,
                  groupMode: e.groupMode,
                  principalLookup: e.principalLookup,
                  groupsByDeviceClass: e.groupsByDeviceClass,
                  signOutPolicy: e.signOutPolicy,
                  roleEligibility: e.roleEligibility,
                  revokeSessionsRoleIds: e.revokeSessionsRoleIds,
                  caCertificatePem: e.caFile,
                  timeoutMs: e.timeoutMs,
              }
            : undefined
    const ep = raw.epm
    const epm: EpmConfig | undefined =
        ep.baseUrl && ep.clientId && ep.clientSecret
            ? {
                  baseUrl: ep.baseUrl,
                  tokenUrl: ep.tokenUrl,
                  clientId: ep.clientId,
                  clientSecret: ep.clientSecret,
                  decisionPath: ep.decisionPath,
                  computerMaxAgeMinutes: ep.computerMaxAgeMinutes,
                  decidedBy: ep.decidedBy,
                  ticketBaseUrl: sn.url ?? '',
                  timeoutMs: ep.timeoutMs,
              }
            : undefined
    const c = raw.console
    const consoleSection: ConsoleConfig | undefined =
        c.baseUrl && c.username && c.password && c.totpSeed
            ? {
                  baseUrl: c.baseUrl,
                  username: c.username,
                  password: c.password,
                  totpSeed: c.totpSeed,
                  chromiumPath: c.chromiumPath,
                  evidenceDir: c.evidenceDir,
                  pageTimeoutMs: c.pageTimeoutMs,
              }
            : undefined
    const configured: ProviderName[] = []
    if (webhook) configured.push('webhook')
    if (entra) configured.push('entra-role', 'entra-group')
    if (epm) configured.push('epm')
    if (consoleSection) configured.push('console')
    return {
        instanceName: raw.instanceName ?? defaultInstanceName(),
        sandbox: raw.sandbox,
        logLevel: raw.logLevel,
        servicenow: {
            url: sn.url ?? '',
            authMode: sn.authMode,
            username: sn.username,
            password: sn.password,
            clientId: sn.clientId,
            clientSecret: sn.clientSecret,
            timeoutMs: sn.timeoutMs,
            pageSize: sn.pageSize,
            batch: sn.batch,
        },
        queue: raw.queue,
        writeBack: raw.writeBack,
        revoke: raw.revoke,
        journalPath: raw.journalPath,
        journalRetentionDays: raw.journalRetentionDays,
        http: { host: raw.http.host, port: raw.http.port, nudgeSecret: raw.http.nudgeSecret },
        audit: { key: raw.audit.key, integrationUser: raw.audit.integrationUser ?? sn.username },
        providers: raw.providers ?? configured,
        webhook,
        entra,
        epm,
        console: consoleSection,
        teams: raw.teams.webhookUrl
            ? {
                  webhookUrl: raw.teams.webhookUrl,
                  ...(raw.teams.opsWebhookUrl ? { opsWebhookUrl: raw.teams.opsWebhookUrl } : {}),
                  ...(raw.teams.oncallWebhookUrl ? { oncallWebhookUrl: raw.teams.oncallWebhookUrl } : {}),
              }
            : undefined,
        driftSchedule: raw.driftSchedule,
    }
}

/** The one schema: fields, then cross-field rules, then the typed shape. */
const configSchema: z.ZodType<Config, z.ZodTypeDef, unknown> = rawSchema.superRefine(crossChecks).transform(toConfig)

/** Read a PEM holding a certificate and its private key; returns the parts and the SHA-256 thumbprint. */
function readCertificate(path: string): EntraCertificate {
    let pem: string
    try {
        pem = readFileSync(path, 'utf8')
    } catch (error) {
        throw new Error(`cannot read the certificate file (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0]
    const key =
        /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(
            pem,
        )?.[0]
    if (!cert) throw new Error('the certificate file holds no PEM CERTIFICATE block')
    if (!key) throw new Error('the certificate file holds no PEM PRIVATE KEY block')
    let x509: X509Certificate
    try {
        x509 = new X509Certificate(cert)
        createPrivateKey(key)
    } catch {
        throw new Error('the certificate file does not hold a readable certificate and unencrypted private key')
    }
    return {
        thumbprintSha256: x509.fingerprint256.replace(/:/g, '').toLowerCase(),
        privateKeyPem: key,
        certificatePem: cert,
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------------------------

type Source = { kind: 'env'; name: string } | { kind: 'file'; name: string; key: string }

/**
 * Load and validate the configuration from `env` (and the file named by `GBG_CONFIG_FILE`).
 *
 * @throws ConfigError listing every problem, each naming its variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
    const problems: string[] = []
    /** Keys whose variable already has a problem (no second "is required" for them). */
    const failed = new Set<string>()
    const sources = new Map<string, Source>()
    const byKey = new Map(VARIABLES.map((x) => [x.key, x]))
    const known = new Set<string>(META_VARIABLES)
    for (const x of VARIABLES) {
        known.add(x.name)
        if (x.secret) known.add(`${x.name}_FILE`)
    }

    // 1. The config file (optional)
    let raw: Record<string, unknown> = {}
    const file = nonEmpty(env.GBG_CONFIG_FILE)
    if (file !== undefined) {
        try {
            const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
                problems.push('GBG_CONFIG_FILE: the file must hold a JSON object')
            } else {
                raw = parsed as Record<string, unknown>
                for (const [name, removed] of Object.entries(REMOVED)) {
                    if (getPath(raw, removed.key) === undefined) continue
                    problems.push(`${name} (config file key ${removed.key}): ${removed.message}`)
                    deletePath(raw, removed.key)
                }
                for (const obsolete of Object.values(OBSOLETE_VARIABLES)) deletePath(raw, obsolete.key)
                for (const x of VARIABLES) {
                    if (getPath(raw, x.key) !== undefined)
                        sources.set(x.key, { kind: 'file', name: x.name, key: x.key })
                }
            }
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code
            problems.push(
                code
                    ? `GBG_CONFIG_FILE: cannot read ${file} (${code})`
                    : `GBG_CONFIG_FILE: ${file} is not valid JSON (${(error as Error).message})`,
            )
        }
    }

    // 2. The environment overrides the file; secrets may come from *_FILE
    for (const x of VARIABLES) {
        const direct = nonEmpty(env[x.name])
        const fromFile = x.secret ? nonEmpty(env[`${x.name}_FILE`]) : undefined
        if (direct !== undefined && fromFile !== undefined) {
            problems.push(`${x.name} and ${x.name}_FILE are both set; set only one`)
            failed.add(x.key)
            continue
        }
        if (fromFile !== undefined) {
            try {
                const value = readFileSync(fromFile, 'utf8').trim()
                if (value === '') {
                    problems.push(`${x.name}_FILE: ${fromFile} is empty`)
                    failed.add(x.key)
                } else {
                    setPath(raw, x.key, value)
                    sources.set(x.key, { kind: 'env', name: `${x.name}_FILE` })
                }
            } catch (error) {
                problems.push(
                    `${x.name}_FILE: cannot read ${fromFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
                )
                failed.add(x.key)
            }
            continue
        }
        if (direct !== undefined) {
            setPath(raw, x.key, direct)
            sources.set(x.key, { kind: 'env', name: x.name })
        }
    }

    // 3. Removed and unknown GBG_* variables (typos) are errors
    for (const name of Object.keys(env)) {
        if (nonEmpty(env[name]) === undefined) continue
        const removed = REMOVED[name]
        if (removed) {
            problems.push(`${name}: ${removed.message}`)
            continue
        }
        if (name.startsWith('GBG_') && !known.has(name)) {
            problems.push(`${name}: unknown variable (see describeConfig / the README for the list)`)
        }
    }

    // 4. The schema
    const result = configSchema.safeParse(raw)
    if (!result.success) {
        for (const i of result.error.issues) {
            if (i.code === z.ZodIssueCode.unrecognized_keys) {
                const prefix = i.path.length > 0 ? `${i.path.join('.')}.` : ''
                for (const k of i.keys) problems.push(`GBG_CONFIG_FILE: unknown key ${prefix}${k}`)
                continue
            }
            const key = i.path.join('.')
            // One problem per setting: a malformed value also reads as "missing" to the cross-field rules.
            if (failed.has(key)) continue
            failed.add(key)
            const variable = byKey.get(key)
            const source = sources.get(key)
            const label =
                source?.kind === 'file'
                    ? `${source.name} (config file key ${source.key})`
                    : source?.kind === 'env'
                      ? source.name
                      : variable
                        ? variable.secret
                            ? `${variable.name} (or ${variable.name}_FILE)`
                            : variable.name
                        : key === ''
                          ? 'GBG_CONFIG_FILE'
                          : `config key ${key}`
            problems.push(`${label}: ${i.message === 'Required' ? 'is required' : i.message}`)
        }
    }
    if (problems.length > 0) throw new ConfigError(problems)
    return (result as z.SafeParseSuccess<Config>).data
}

/** A copy of `config` safe to print: every secret replaced by `[REDACTED]`. */
export function redactConfig(config: Config): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>
    for (const x of VARIABLES) {
        if (x.secret && getPath(copy, x.key) !== undefined) setPath(copy, x.key, REDACTED)
    }
    if (getPath(copy, 'entra.certificate.privateKeyPem') !== undefined)
        setPath(copy, 'entra.certificate.privateKeyPem', REDACTED)
    // Belt and braces: the log redaction catches anything keyed like a secret that the list above missed.
    return redact(copy) as Record<string, unknown>
}

function nonEmpty(value: string | undefined): string | undefined {
    return value === undefined || value.trim() === '' ? undefined : value
}

function getPath(obj: Record<string, unknown>, path: string): unknown {
    let cur: unknown = obj
    for (const part of path.split('.')) {
        if (typeof cur !== 'object' || cur === null) return undefined
        cur = (cur as Record<string, unknown>)[part]
    }
    return cur
}

function deletePath(obj: Record<string, unknown>, path: string): void {
    const parts = path.split('.')
    const parent = parts.length === 1 ? obj : getPath(obj, parts.slice(0, -1).join('.'))
    if (typeof parent === 'object' && parent !== null) delete (parent as Record<string, unknown>)[parts.at(-1)!]
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
    const parts = path.split('.')
    let cur = obj
    for (const part of parts.slice(0, -1)) {
        const next = cur[part]
        if (typeof next !== 'object' || next === null || Array.isArray(next)) cur[part] = {}
        cur = cur[part] as Record<string, unknown>
    }
    cur[parts[parts.length - 1]!] = value
}

/** Whether a secret setting holds a value (for `doctor`: "set" / "not set", never the value). */
export function isSecretSet(config: Config, name: string): boolean {
    const x = VARIABLES.find((y) => y.name === name)
    if (!x) return false
    return getPath(config as unknown as Record<string, unknown>, x.key) !== undefined
}
