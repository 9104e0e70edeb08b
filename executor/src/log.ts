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
 *
 * The logger is this file's own (no logging framework): one JSON object per line, keys sorted, written to a stream.
 * winston did the same through a format pipeline and cost ~0.1 s of CPU and ~5 MB at every start, on the path to
 * the first claim (docs/performance.md "Memory and restart").
 */
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

/** Log levels, most severe first (the npm levels the executor uses). */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Where log lines go: a Writable, or anything with its `write`. */
export interface LogStream {
    write(line: string): unknown
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
    /** @defaultValue 'info' */
    level?: LogLevel
    /** Fields added to every line (e.g. `{ instance }`). */
    defaultMeta?: Record<string, unknown>
    /** Where lines go. @defaultValue process.stdout */
    stream?: LogStream
}

/** A log line's fields before redaction: the metadata, then `level`, `message` and `timestamp`. */
function entry(
    level: LogLevel,
    message: unknown,
    meta: unknown,
    defaultMeta: Record<string, unknown> | undefined,
    now: Date,
): Record<string, unknown> {
    const out: Record<string, unknown> = { ...defaultMeta }
    // An Error passed as the message (or as the metadata) keeps its message, stack and own properties.
    const merge = (value: unknown) => {
        if (value instanceof Error) {
            Object.assign(out, value, { message: value.message, stack: value.stack })
        } else if (value !== null && typeof value === 'object') Object.assign(out, value)
    }
    merge(message)
    const text = message instanceof Error ? message.message : String(message ?? '')
    const extra = meta !== null && typeof meta === 'object' ? (meta as Record<string, unknown>)['message'] : undefined
    merge(meta)
    const metaText = meta instanceof Error ? meta.message : extra
    // A `message` in the metadata is appended to the message text (as winston did), never lost.
    out['message'] =
        message !== null && typeof message === 'object' && !(message instanceof Error)
            ? String((message as Record<string, unknown>)['message'] ?? '')
            : metaText !== undefined && metaText !== '' && typeof metaText === 'string'
              ? `${text} ${metaText}`
              : text
    out['level'] = level
    if (typeof out['timestamp'] !== 'string') out['timestamp'] = now.toISOString()
    return out
}

/** JSON with the keys of every object sorted (stable lines, easy to diff); `undefined` values are left out. */
function sortedJson(value: unknown): string {
    return JSON.stringify(value, (_key, v: unknown) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
        const sorted: Record<string, unknown> = {}
        for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k]
        return sorted
    })
}

/**
 * A structured logger: the port's four levels (an Error is accepted as the message too), each line redacted and
 * written as one JSON object.
 */
export type JsonLogger = {
    [L in LogLevel]: (message: string | Error, meta?: Record<string, unknown>) => void
}

/**
 * A JSON logger (one object per line: `timestamp`, `level`, `message`, metadata, keys sorted) that redacts
 * secrets: every key and value of the line passes through {@link redact} (the message text through
 * {@link redactString}); an Error passed as the message keeps its stack — redacted too. A line that cannot be
 * written (a closed stream) is dropped: logging never throws into the caller.
 */
export function createLogger(options: LoggerOptions = {}): JsonLogger {
    const threshold = LOG_LEVELS.indexOf(options.level ?? 'info')
    const stream: LogStream = options.stream ?? process.stdout
    const write = (level: LogLevel, message: unknown, meta?: unknown) => {
        if (LOG_LEVELS.indexOf(level) > threshold) return
        let line: string
        try {
            line = sortedJson(redact(entry(level, message, meta, options.defaultMeta, new Date())))
        } catch (error) {
            line = sortedJson({ level, message: `log line not serialisable: ${String(error)}`, timestamp: new Date() })
        }
        try {
            stream.write(line + '\n')
        } catch {
            // a closed or broken stream: nothing to log to
        }
    }
    return {
        error: (message, meta) => write('error', message, meta),
        warn: (message, meta) => write('warn', message, meta),
        info: (message, meta) => write('info', message, meta),
        debug: (message, meta) => write('debug', message, meta),
    }
}

/** The logger port's no-op: the default of every component built without a logger (tests, library use). */
export const nullLogger: LoggerPort = { error() {}, warn() {}, info() {}, debug() {} }
