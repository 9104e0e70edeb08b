/**
 * What a JIT Admin session was used for: the EPM events raised during the session (contract "Events" and
 * "Linking session activity"), matched to our request and summarised for the grant record and the audit trail.
 *
 * - Matching: an event belongs to the session when its `EPMWinMac.Session.JITAdmin.RequestIdentifier` equals the
 *   EPM request id, or — because whether RequestIdentifier equals the API request id is unconfirmed [U] — its
 *   `TicketIdentifier` equals the ticket id we sent; in both cases only within the session's window.
 * - Kinds: 101 (on-demand elevation) and 106 (passive token) are elevations, 300 a user logon, PPAM audits the
 *   blocked attempts to manage privileged accounts (e.g. adding an administrator) [C: seeds/003]; anything else
 *   is `other`.
 * - Ingestion lag: the API filters on the ingestion time, not the event time [C]. An event is *late* when EPM
 *   ingested it more than {@link LATE_AFTER_MS} after the session ended: the read made at the revoke could not
 *   have seen it; the later re-read (the executor's verify action) reports it.
 *
 * Event field names inside `EpmEcsEventResponseModel` are unconfirmed [U]; the ECS names (`@timestamp`,
 * `event.ingested`, `event.code`) are read case-insensitively, see docs/epm.md.
 *
 * Pure: no I/O, no clock.
 */

/** Ingested later than this after the session end = a late event. */
export const LATE_AFTER_MS = 2 * 60_000
/** Longest raw JSON kept per blocked event. */
const MAX_BLOCKED_CHARS = 2_000
/** Blocked events kept in full on the grant. */
const MAX_BLOCKED_EVENTS = 20

/** Kinds of session activity. */
export type ActivityKind = 'elevation' | 'logon' | 'blocked' | 'other'

/** One event of the session, as summarised. */
export interface SessionEvent {
    id: string
    kind: ActivityKind
    code: string
    at: Date
    ingestedAt: Date
    matchedBy: 'RequestIdentifier' | 'TicketIdentifier'
    /** Short description (action, process) for people. */
    what: string
    raw: Record<string, unknown>
}

/** What identifies our session among EPM's events. */
export interface SessionKey {
    requestId: string
    ticketId: string
    start: Date
    end: Date
}

/** The summary attached to the grant and the audit trail. */
export interface ActivitySummary {
    window: { from: string; to: string }
    readAt: string
    total: number
    counts: Record<ActivityKind, number>
    first: { at: string; kind: ActivityKind; what: string } | null
    last: { at: string; kind: ActivityKind; what: string } | null
    /** The blocked attempts in full (raw event JSON, bounded). */
    blocked: Record<string, unknown>[]
    /** Events EPM ingested more than LATE_AFTER_MS after the session ended. */
    late: { count: number; ids: string[] }
    matchedBy: { requestIdentifier: number; ticketIdentifier: number }
    /** One line for people. */
    text: string
    /** Set when EPM held more events than could be paged through: the counts are a lower bound. */
    incomplete?: boolean
}

/** Value at a dotted path, each segment matched case-insensitively (also accepts flat dotted keys). */
export function fieldAt(obj: unknown, path: string): unknown {
    if (!obj || typeof obj !== 'object') return undefined
    const record = obj as Record<string, unknown>
    const flat = Object.keys(record).find((k) => k.toLowerCase() === path.toLowerCase())
    if (flat !== undefined) return record[flat]
    const dot = path.indexOf('.', path.startsWith('@') ? 1 : 0)
    if (dot < 0) return undefined
    const head = path.slice(0, dot)
    const key = Object.keys(record).find((k) => k.toLowerCase() === head.toLowerCase())
    return key === undefined ? undefined : fieldAt(record[key], path.slice(dot + 1))
}

function text(v: unknown): string {
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
}

function date(v: unknown): Date | undefined {
    if (typeof v !== 'string') return undefined
    const d = new Date(v)
    return Number.isNaN(d.getTime()) ? undefined : d
}

/** The event's kind from its code / action. */
export function kindOf(code: string, action: string): ActivityKind {
    if (/ppam|prohibit.*privilege|blocked/i.test(action) || /^ppam/i.test(code)) return 'blocked'
    if (code === '101' || code === '106') return 'elevation'
    if (code === '300') return 'logon'
    return 'other'
}

/**
 * The events of `page` that belong to the session `key` (identifier match, event time within the window).
 * Events without an id, time or ingestion time are skipped (they cannot be placed or de-duplicated).
 */
export function sessionEvents(page: unknown[], key: SessionKey): SessionEvent[] {
    const out: SessionEvent[] = []
    for (const raw of page) {
        if (!raw || typeof raw !== 'object') continue
        const requestIdentifier = text(fieldAt(raw, 'EPMWinMac.Session.JITAdmin.RequestIdentifier')).toLowerCase()
        const ticketIdentifier = text(fieldAt(raw, 'EPMWinMac.Session.JITAdmin.TicketIdentifier'))
        const matchedBy =
            requestIdentifier !== '' && requestIdentifier === key.requestId.toLowerCase()
                ? 'RequestIdentifier'
                : ticketIdentifier !== '' && key.ticketId !== '' && ticketIdentifier === key.ticketId
                  ? 'TicketIdentifier'
                  : undefined
        if (!matchedBy) continue
        const id = text(fieldAt(raw, 'event.id'))
        const at = date(fieldAt(raw, '@timestamp'))
        const ingestedAt = date(fieldAt(raw, 'event.ingested'))
        if (!id || !at || !ingestedAt) continue
        if (at.getTime() < key.start.getTime() || at.getTime() > key.end.getTime()) continue
        const code = text(fieldAt(raw, 'event.code'))
        const action = text(fieldAt(raw, 'event.action'))
        const process = text(fieldAt(raw, 'process.name'))
        out.push({
            id,
            kind: kindOf(code, action),
            code,
            at,
            ingestedAt,
            matchedBy,
            what: [code && `event ${code}`, action, process].filter(Boolean).join(' ').slice(0, 200),
            raw: raw as Record<string, unknown>,
        })
    }
    return out
}

/** The summary of the session's events (de-duplicated by id), read at `readAt`. */
export function summarise(events: SessionEvent[], key: SessionKey, readAt: Date): ActivitySummary {
    const byId = new Map<string, SessionEvent>()
    for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e)
    const all = [...byId.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id))
    const counts: Record<ActivityKind, number> = { elevation: 0, logon: 0, blocked: 0, other: 0 }
    for (const e of all) counts[e.kind] += 1
    const late = all.filter((e) => e.ingestedAt.getTime() > key.end.getTime() + LATE_AFTER_MS)
    const brief = (e: SessionEvent | undefined) => (e ? { at: e.at.toISOString(), kind: e.kind, what: e.what } : null)
    const blocked = all
        .filter((e) => e.kind === 'blocked')
        .slice(0, MAX_BLOCKED_EVENTS)
        .map((e) => boundedRaw(e.raw))
    const first = all[0]
    const last = all[all.length - 1]
    const parts = [
        `${all.length} event(s) during the session`,
        `${counts.elevation} elevation(s), ${counts.logon} logon(s), ${counts.blocked} blocked attempt(s), ${counts.other} other`,
    ]
    if (first && last) parts.push(`first ${first.at.toISOString()}, last ${last.at.toISOString()}`)
    if (late.length > 0) parts.push(`${late.length} arrived late (ingested after the session ended)`)
    return {
        window: { from: key.start.toISOString(), to: key.end.toISOString() },
        readAt: readAt.toISOString(),
        total: all.length,
        counts,
        first: brief(first),
        last: brief(last),
        blocked,
        late: { count: late.length, ids: late.map((e) => e.id).slice(0, 50) },
        matchedBy: {
            requestIdentifier: all.filter((e) => e.matchedBy === 'RequestIdentifier').length,
            ticketIdentifier: all.filter((e) => e.matchedBy === 'TicketIdentifier').length,
        },
        text: parts.join('; ') + '.',
    }
}

function boundedRaw(raw: Record<string, unknown>): Record<string, unknown> {
    const json = JSON.stringify(raw)
    if (json.length <= MAX_BLOCKED_CHARS) return raw
    return { truncated: true, json: json.slice(0, MAX_BLOCKED_CHARS) }
}

/** The events array of an events answer: `{events}` / `{data}` envelope [U] or a bare array. */
export function eventsOf(body: unknown): unknown[] | undefined {
    if (Array.isArray(body)) return body
    if (body && typeof body === 'object') {
        for (const key of Object.keys(body)) {
            const lower = key.toLowerCase()
            if ((lower === 'events' || lower === 'data') && Array.isArray((body as Record<string, unknown>)[key]))
                return (body as Record<string, unknown>)[key] as unknown[]
        }
    }
    return undefined
}
