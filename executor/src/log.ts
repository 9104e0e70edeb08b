/**
 * Structured JSON logging with secret redaction. Every log line passes through {@link redact}, so a secret that
 * reaches a log call by accident (an axios error carrying its request headers, a token response, a webhook URL
 * with its `sig=`) is replaced by `[REDACTED]` before it is written:
 *
 * - any property whose key looks secret ({@link isSecretKey}), at any depth, arrays and errors included;
 * - string values that carry credentials: `Bearer …` / `Basic …`, JWTs, and URL query parameters such as
 *   `sig=` (Teams / Logic Apps webhook signatures) and `code=` (Azure Functions keys, OAuth codes).
 *
 * The same {@link redact} is used for audit-event payloads, so the audit trail holds no secrets either.
 */
import { Writable } from 'node:stream'
import winston from 'winston'
import type { Logger as LoggerPort } from './ports'

/** The replacement text. */
export const REDACTED = '[REDACTED]'

/** Key fragments that mark a secret (matched anywhere in the key, case-insensitive). */
const SECRET_KEY =
    /(password|passwd|secret|token|authorization|cookie|signature|client_assertion|api[-_]?key|private[-_]?key|credential)/i

/**
 * `sig` must be its own word of the key: as a plain substring it matches "as*sig*nment_group" and "de*sig*n",
 * which would hide harmless, useful fields.
 */
function hasSigWord(key: string): boolean {
    return key
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .includes('sig')
}

/** True when a property called `key` holds a secret. */
export function isSecretKey(key: string): boolean {
    return SECRET_KEY.test(key) || hasSigWord(key)
}

/** URL query parameters whose value is a credential. */
const SECRET_PARAMS = [
    'sig',
    'code',
    'access_token',
    'refresh_token',
    'id_token',
    'token',
    'client_secret',
    'client_assertion',
    'password',
    'api_key',
    'apikey',
    'key',
]
const SECRET_PARAM = new RegExp(`([?&](?:${SECRET_PARAMS.join('|')})=)[^&#\\s"'<>]*`, 'gi')
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|NTLM|Negotiate)\s+[A-Za-z0-9._~+/=-]+/gi
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g
/** Credentials embedded in a URL: `https://user:pass@host`. */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi

/** Redact credentials inside a free-text string (messages, URLs, error texts). */
export function redactString(text: string): string {
    return text
        .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
        .replace(JWT, REDACTED)
        .replace(SECRET_PARAM, `$1${REDACTED}`)
        .replace(URL_USERINFO, `$1${REDACTED}@`)
}

/** Deepest level copied; below it values become `[Truncated]` (an axios error holds sockets and agents). */
const MAX_DEPTH = 8

/**
 * A redacted deep copy of `value`, safe to log or store. Cycles become `[Circular]`, Buffers are summarised,
 * Errors keep name / message / stack / code-like own properties (redacted too).
 */
export function redact(value: unknown): unknown {
    return redactInner(value, 0, new WeakSet())
}

function redactInner(value: unknown, depth: number, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return redactString(value)
    if (value === null || typeof value !== 'object') {
        return typeof value === 'function' ? '[Function]' : typeof value === 'bigint' ? String(value) : value
    }
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
    if (Buffer.isBuffer(value)) return `[Buffer ${value.length} bytes]`
    if (seen.has(value)) return '[Circular]'
    if (depth >= MAX_DEPTH) return '[Truncated]'
    seen.add(value)
    try {
        if (Array.isArray(value)) return value.map((v) => redactInner(v, depth + 1, seen))
        if (value instanceof Map) {
            return redactInner(Object.fromEntries(value), depth, seen)
        }
        if (value instanceof Set) return [...value].map((v) => redactInner(v, depth + 1, seen))
        const out: Record<string, unknown> = {}
        if (value instanceof Error) {
            out.name = value.name
            out.message = redactString(value.message)
            if (value.stack) out.stack = redactString(value.stack)
            if (value.cause !== undefined) out.cause = redactInner(value.cause, depth + 1, seen)
        }
        for (const [key, v] of Object.entries(value)) {
            if (isSecretKey(key)) {
                out[key] = v === undefined || v === null || v === '' ? v : REDACTED
                continue
            }
            out[key] = redactInner(v, depth + 1, seen)
        }
        return out
    } finally {
        seen.delete(value)
    }
}

/**
 * winston format applying {@link redact} to every string-keyed property of a log entry (winston's own Symbol
 * keys — level, message, splat — are kept as they are, after the message text itself is redacted).
 */
export const redactFormat = winston.format((info) => {
    const out = info as Record<string | symbol, unknown>
    for (const key of Object.keys(info)) {
        if (key === 'level') continue
        if (isSecretKey(key)) {
            out[key] = REDACTED
            continue
        }
        out[key] = redact(out[key])
    }
    return info
})

/** Log levels, most severe first (winston's npm levels subset the executor uses). */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Options of {@link createLogger}. */
export interface LoggerOptions {
    /** @defaultValue 'info' */
    level?: LogLevel
    /** Fields added to every line (e.g. `{ instance }`). */
    defaultMeta?: Record<string, unknown>
    /** Where lines go. @defaultValue process.stdout (as winston's Console transport) */
    stream?: Writable
}

/**
 * A JSON logger (one object per line: `timestamp`, `level`, `message`, metadata) that redacts secrets.
 * `errors({ stack: true })` runs first so an Error passed as the message keeps its stack — redacted afterwards.
 */
export function createLogger(options: LoggerOptions = {}): winston.Logger {
    const transport = options.stream
        ? new winston.transports.Stream({ stream: options.stream })
        : new winston.transports.Console()
    return winston.createLogger({
        level: options.level ?? 'info',
        defaultMeta: options.defaultMeta,
        format: winston.format.combine(
            winston.format.errors({ stack: true }),
            winston.format.timestamp(),
            redactFormat(),
            winston.format.json(),
        ),
        transports: [transport],
    })
}

/** The logger port's no-op: the default of every component built without a logger (tests, library use). */
export const nullLogger: LoggerPort = { error() {}, warn() {}, info() {}, debug() {} }
