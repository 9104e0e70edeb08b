/**
 * A readable timeline of one grant, built by watching the ServiceNow emulator's store: every write re-checks
 * the grant, its actions, the RITM's journal and attachments (through the emulator's `waitFor` hook, never by
 * sleeping), and each lifecycle stage prints one line the moment it is first seen:
 *
 *   queued → claimed → granted → written back → revoke scheduled → revoked → verified
 *
 * "verified" is the provider read-back after the revoke (the grant's evidence says the access is absent). Retries,
 * failures, incidents and the later follow-up verify action print as extra lines. Only what ServiceNow itself
 * records is shown: this is what an auditor would see on the instance, whatever the executor believes.
 *
 * Test / dev code only.
 */
import { ACTION_FIELDS, AUDIT_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import type { EmulatorStore } from '../emulators/servicenow/types'
import { parseGlideDateTime } from '../emulators/servicenow/store'

/** Lifecycle stages, in the order they normally happen. */
export const STAGES = [
    'queued',
    'claimed',
    'granted',
    'written back',
    'revoke scheduled',
    'revoked',
    'verified',
] as const
export type Stage = (typeof STAGES)[number]

/** One printed line. `kind` is a stage, or `retry` / `failure` / `incident` for the extra lines. */
export interface TimelineEvent {
    kind: Stage | 'retry' | 'failure' | 'incident' | 'recheck' | 'checkpoint'
    /** Wall-clock time the change was seen (synchronously with the write that made it). */
    at: Date
    text: string
}

/** What the timeline watches. */
export interface TimelineSubject {
    grantSysId: string
    ritmSysId: string
}

/** Options of {@link Timeline}. */
export interface TimelineOptions {
    /** Where lines go. @defaultValue console.log */
    print?: (line: string) => void
    /** Wall clock. @defaultValue system clock */
    now?: () => Date
}

/** Width of the stage column. */
const KIND_WIDTH = 17

/** "HH:MM:SS" (UTC) of a glide date-time string, '' when empty. */
function clock(glide: string | undefined): string {
    if (!glide) return ''
    const ms = parseGlideDateTime(glide)
    return Number.isNaN(ms) ? glide : `${new Date(ms).toISOString().slice(11, 19)} UTC`
}

/** Parses a JSON object text; undefined for empty / non-object / invalid text. */
function parseJson(text: string | undefined): Record<string, unknown> | undefined {
    if (!text) return undefined
    try {
        const value: unknown = JSON.parse(text)
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : undefined
    } catch {
        return undefined
    }
}

/** Short, JSON-free rendering of a JSON text (array / object of ids, or anything else). */
export function compactJson(text: string | undefined, maxLength = 100): string {
    if (!text) return ''
    let value: unknown
    try {
        value = JSON.parse(text)
    } catch {
        return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
    }
    const parts: string[] = []
    const walk = (v: unknown, key: string): void => {
        if (v === null || v === undefined) return
        if (Array.isArray(v)) {
            for (const item of v) walk(item, key)
        } else if (typeof v === 'object') {
            for (const [k, item] of Object.entries(v as Record<string, unknown>)) walk(item, k)
        } else {
            parts.push(key && !/^\d+$/.test(key) ? `${key}=${String(v)}` : String(v))
        }
    }
    walk(value, '')
    const out = parts.join(', ')
    return out.length > maxLength ? `${out.slice(0, maxLength - 1)}…` : out
}

/**
 * Watches one grant. Call {@link observe} after every write (see {@link watchGrant}); it prints each new stage
 * once and keeps {@link events} for assertions and the summary.
 */
export class Timeline {
    readonly events: TimelineEvent[] = []
    private readonly seen = new Set<string>()
    private readonly print: (line: string) => void
    private readonly now: () => Date
    private readonly startedAt: Date
    private fatal: string | undefined
    private revokeActionDone = false

    constructor(
        private readonly store: EmulatorStore,
        private readonly subject: TimelineSubject,
        options: TimelineOptions = {},
    ) {
        this.print = options.print ?? ((line) => console.log(line))
        this.now = options.now ?? (() => new Date())
        this.startedAt = this.now()
    }

    /**
     * True once the grant is revoked, the revoke is verified and the revoke action is done (its write-back — work
     * note, audit events, follow-up verify — is then complete, so a summary taken now is final).
     */
    get done(): boolean {
        return this.has('revoked') && this.has('verified') && this.revokeActionDone
    }

    /** Why the run cannot succeed any more (a dead action, a failed grant), or undefined. */
    get failure(): string | undefined {
        return this.fatal
    }

    /** True when `stage` has been seen. */
    has(stage: Stage): boolean {
        return this.seen.has(`stage:${stage}`)
    }

    /** Re-reads the grant and everything hanging off it; prints what is new. Cheap: a few in-memory lookups. */
    observe(): void {
        const grant = this.store.get(TABLE.grant, this.subject.grantSysId)
        if (!grant) return
        const g = (field: string): string => grant[field] ?? ''
        const actions = this.store.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === this.subject.grantSysId)
        const byType = (type: string): Record<string, string>[] => actions.filter((a) => a[ACTION_FIELDS.type] === type)
        const state = g(GRANT_FIELDS.state)
        const grantAction = byType('grant')[0]

        if (grantAction) {
            const a = (field: string): string => grantAction[field] ?? ''
            const what = `${g(GRANT_FIELDS.targetKind)} via ${g(GRANT_FIELDS.provider)}`
            this.stage(
                'queued',
                `grant ${g(GRANT_FIELDS.number)} (${what}, ${g(GRANT_FIELDS.approvedDuration)} min); ` +
                    `action ${a(ACTION_FIELDS.number)} ready, priority ${a(ACTION_FIELDS.priority)}`,
            )
            if (a(ACTION_FIELDS.leaseOwner)) {
                this.stage(
                    'claimed',
                    `action ${a(ACTION_FIELDS.number)} by ${a(ACTION_FIELDS.leaseOwner)} ` +
                        `(attempt ${a(ACTION_FIELDS.attempts)}, lease until ${clock(a(ACTION_FIELDS.leaseUntil))})`,
                )
            }
        }
        if (g(GRANT_FIELDS.grantedAt) && g(GRANT_FIELDS.expiresAt) && state !== 'queued' && state !== 'granting') {
            const expiresMs = parseGlideDateTime(g(GRANT_FIELDS.expiresAt))
            const inSeconds = Math.round((expiresMs - this.now().getTime()) / 1000)
            const txn = compactJson(g(GRANT_FIELDS.providerTxnIds)) || '(none)'
            this.stage(
                'granted',
                `txn ${txn}; granted ${clock(g(GRANT_FIELDS.grantedAt))}, ` +
                    `expires ${clock(g(GRANT_FIELDS.expiresAt))} (in ${inSeconds} s) ` +
                    `by ${g(GRANT_FIELDS.executorInstance) || '?'}`,
            )
        }
        if (g(GRANT_FIELDS.provider) === 'console') this.consoleCheckpoints()
        // The executor's note (the app writes its own notes on the RITM too: approval requested, queued).
        const notes = this.store
            .journal(PLATFORM_TABLE.ritm, this.subject.ritmSysId)
            .filter((j) => j.element === 'work_notes' && j.value.startsWith('Access granted'))
        const receipts = this.store.attachments(PLATFORM_TABLE.ritm, this.subject.ritmSysId)
        if (notes.length > 0 && receipts.length > 0) {
            const receipt = receipts.find((r) => r.contentType === 'application/json') ?? receipts[0]!
            this.stage(
                'written back',
                `work note by ${notes[0]!.createdBy} + receipt ${receipt.fileName} ` +
                    `(${receipt.contentType}, ${receipt.content.length} bytes) on the RITM`,
            )
        }
        const revoke = byType('revoke')[0]
        this.revokeActionDone = byType('revoke').some((a) => a[ACTION_FIELDS.state] === 'done')
        if (revoke) {
            this.stage(
                'revoke scheduled',
                `action ${revoke[ACTION_FIELDS.number]} not before ${clock(revoke[ACTION_FIELDS.notBefore])} ` +
                    `(priority ${revoke[ACTION_FIELDS.priority]})`,
            )
        }
        if (state === 'revoked' || (grant[GRANT_FIELDS.revokedAt] && state !== 'revoking')) {
            const revokedMs = parseGlideDateTime(grant[GRANT_FIELDS.revokedAt] ?? '')
            const expiresMs = parseGlideDateTime(grant[GRANT_FIELDS.expiresAt] ?? '')
            const late =
                Number.isNaN(revokedMs) || Number.isNaN(expiresMs)
                    ? ''
                    : `, ${Math.round((revokedMs - expiresMs) / 1000)} s after expiry`
            this.stage('revoked', `at ${clock(grant[GRANT_FIELDS.revokedAt])}${late}`)
        }
        // Verified = the provider was read after the revoke and reported the access absent. The executor records
        // that reading as the grant's evidence when it marks the grant revoked; a later verify action re-checks
        // that the access stays removed (shown as an extra line when it completes).
        if (this.has('revoked')) {
            const evidence = parseJson(grant[GRANT_FIELDS.evidence])
            if (evidence && evidence['present'] === false) {
                const checked =
                    typeof evidence['verifiedAt'] === 'string' ? evidence['verifiedAt'].slice(11, 19) + ' UTC' : '?'
                const read = evidence['evidence'] as Record<string, unknown> | null | undefined
                // A provider that reports what the access was used for (EPM's session events) says so here.
                const detail =
                    read && typeof read['activitySummary'] === 'string'
                        ? `session activity: ${read['activitySummary']}`
                        : compactJson(JSON.stringify(evidence['evidence'] ?? null), 110)
                const provider = String(evidence['provider'] ?? g(GRANT_FIELDS.provider))
                this.stage(
                    'verified',
                    `access absent at ${provider}, checked ${checked}` + (detail ? `; evidence: ${detail}` : ''),
                )
            } else if (evidence && evidence['present'] === true) {
                this.fatal ??= 'the revoke evidence says the access is still present'
                this.emit('failure', 'evidence:present', 'revoke evidence says the access is still present')
            }
        }
        for (const v of byType('verify')) {
            const number = v[ACTION_FIELDS.number]
            this.emit(
                'recheck',
                `verify:scheduled:${number}`,
                `follow-up verify ${number} not before ${clock(v[ACTION_FIELDS.notBefore])}`,
            )
            if (v[ACTION_FIELDS.state] === 'done') {
                const result = compactJson(v[ACTION_FIELDS.result], 110)
                this.emit(
                    'recheck',
                    `verify:done:${number}`,
                    `follow-up verify ${number} done${result ? `: ${result}` : ''}`,
                )
            }
        }

        // Extra lines: retries, dead actions, failed grants, incidents raised about this grant.
        for (const a of actions) {
            const error = a[ACTION_FIELDS.lastError]
            const number = a[ACTION_FIELDS.number]
            if (a[ACTION_FIELDS.state] === 'dead') {
                this.fatal ??= `action ${number} (${a[ACTION_FIELDS.type]}) is dead: ${error || 'no error recorded'}`
                this.emit('failure', `dead:${number}`, `action ${number} (${a[ACTION_FIELDS.type]}) gave up: ${error}`)
            } else if (error) {
                this.emit(
                    'retry',
                    `retry:${number}:${a[ACTION_FIELDS.attempts]}:${error}`,
                    `action ${number} (${a[ACTION_FIELDS.type]}) attempt ${a[ACTION_FIELDS.attempts]}: ${error}`,
                )
            }
        }
        if (state === 'halted') {
            // The console stopped rather than guessed (issue 14): the takeover state is on the grant for SecOps.
            const takeover = (parseJson(grant[GRANT_FIELDS.evidence])?.['takeover'] ?? {}) as Record<string, unknown>
            const reason = grant[GRANT_FIELDS.lastError] || 'no error recorded'
            this.fatal ??= `grant is halted: ${reason}`
            this.emit(
                'failure',
                'grant:halted',
                `grant halted (${String(takeover['code'] ?? '?')}) on "${String(takeover['pageReached'] ?? '?')}", ` +
                    `submitted ${String(takeover['submitted'] ?? '?')}, draft ${String(takeover['draftId'] ?? 'none')}: ${reason}`,
            )
        }
        if (state === 'grant_failed' || state === 'revoke_failed' || state === 'cancelled') {
            const reason = grant[GRANT_FIELDS.lastError] || 'no error recorded'
            if (state !== 'revoke_failed') this.fatal ??= `grant is ${state}: ${reason}`
            this.emit('failure', `grant:${state}`, `grant ${state}: ${reason}`)
        }
        const incidents = this.store.list(
            PLATFORM_TABLE.incident,
            (i) =>
                (i['description'] ?? '').includes(this.subject.grantSysId) ||
                (i['description'] ?? '').includes(grant[GRANT_FIELDS.number] ?? '#'),
        )
        for (const i of incidents) {
            this.emit(
                'incident',
                `incident:${i['sys_id']}`,
                `${i['number']} P${i['priority']}: ${i['short_description']}`,
            )
        }
    }

    /**
     * The console's gated checkpoints (issue 14) as the executor recorded them in the grant's audit chain: each
     * fresh recheck (packet check, submit gate) and each masked screenshot with its SHA-256.
     */
    private consoleCheckpoints(): void {
        const events = this.store
            .list(
                TABLE.auditEvent,
                (e) =>
                    e[AUDIT_FIELDS.grant] === this.subject.grantSysId &&
                    (e[AUDIT_FIELDS.eventType] ?? '').endsWith('provider_call'),
            )
            .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
        for (const e of events) {
            const calls = (parseJson(e[AUDIT_FIELDS.payload])?.['calls'] ?? []) as {
                method?: string
                responseBody?: Record<string, unknown>
            }[]
            calls.forEach((call, i) => {
                const r = call.responseBody ?? {}
                const key = `checkpoint:${e[AUDIT_FIELDS.sequence]}:${i}`
                if (call.method === 'GATE') {
                    const approvals = Array.isArray(r['approvals']) ? r['approvals'].length : 0
                    this.emit(
                        'checkpoint',
                        key,
                        `${String(r['where'])}: recheck passed fresh (plan ${String(r['digest']).slice(0, 12)}…, ` +
                            `${approvals} approvals, ${String(r['grantMinutes'])} min allowed)`,
                    )
                } else if (call.method === 'CHECKPOINT') {
                    this.emit(
                        'checkpoint',
                        key,
                        `${String(r['checkpoint'])} on "${String(r['page'])}": masked screenshot SHA-256 ` +
                            `${String(r['screenshotSha256']).slice(0, 12)}…`,
                    )
                }
            })
        }
    }

    private stage(stage: Stage, text: string): void {
        this.emit(stage, `stage:${stage}`, text)
    }

    private emit(kind: TimelineEvent['kind'], key: string, text: string): void {
        if (this.seen.has(key)) return
        this.seen.add(key)
        const at = this.now()
        this.events.push({ kind, at, text })
        this.print(formatLine(kind, at, this.startedAt, text))
    }
}

/** One timeline line: wall time, elapsed seconds, stage, details. */
export function formatLine(kind: TimelineEvent['kind'], at: Date, startedAt: Date, text: string): string {
    const elapsed = ((at.getTime() - startedAt.getTime()) / 1000).toFixed(1)
    const mark =
        kind === 'failure' ? '✗' : kind === 'retry' || kind === 'incident' ? '!' : kind === 'recheck' ? '·' : '✓'
    return `${at.toISOString().slice(11, 23)}  +${elapsed.padStart(6)}s  ${mark} ${kind.padEnd(KIND_WIDTH)} ${text}`
}

/** The part of the ServiceNow emulator the timeline needs. */
export interface WatchTarget {
    store: EmulatorStore
    waitFor(predicate: (store: EmulatorStore) => boolean, timeoutMs?: number): Promise<void>
}

/**
 * Starts printing the grant's timeline. `finished` resolves once the grant is revoked and verified, and rejects
 * when a failure makes success impossible ({@link TimelineFailure}) or `timeoutMs` passes. Every store write
 * re-checks; the timeline object stays usable (events, summary) whatever the outcome.
 */
export function watchGrant(
    sn: WatchTarget,
    subject: TimelineSubject,
    timeoutMs: number,
    options: TimelineOptions = {},
): { timeline: Timeline; finished: Promise<void> } {
    const timeline = new Timeline(sn.store, subject, options)
    const finished = sn
        .waitFor(() => {
            timeline.observe()
            return timeline.done || timeline.failure !== undefined
        }, timeoutMs)
        .then(() => {
            if (!timeline.done) throw new TimelineFailure(timeline.failure ?? 'unknown failure', timeline)
        })
    return { timeline, finished }
}

/** Raised by {@link watchGrant} when the grant can no longer complete. */
export class TimelineFailure extends Error {
    constructor(
        message: string,
        readonly timeline: Timeline,
    ) {
        super(message)
        this.name = 'TimelineFailure'
    }
}
