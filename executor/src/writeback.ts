/**
 * Write-back through the journal outbox. Every write to ServiceNow (grant / action patches, work notes, the
 * receipt attachment, audit events, incidents, scheduled actions) is first queued in the journal in the same
 * SQLite transaction as the step it belongs to, then delivered by {@link WriteBack.flush}. ServiceNow being
 * down therefore never loses a write: items are retried with capped backoff, forever; past a bound an
 * error-level log line and a `writeback:bound_exceeded` event tell ops (the notifier posts the ops channel card), and
 * a child incident for the integration is queued once per grant (seed 001: "if still failing, open a child incident
 * for integration failure"; {@link INTEGRATION_INCIDENT}). The revoke itself does not depend on ServiceNow: the
 * armed timer runs from the journal.
 *
 * Ordering: items of the same grant are delivered in queue order, and a failing item holds back the later items
 * of its grant (so a grant never shows `active` after `revoked`). Items of other grants are not held back.
 */
import {
    AUDIT_CHAIN_TAMPERED,
    AUDIT_FIELDS,
    backoffMs,
    isSha256Hex,
    sha256,
    type AuditAnchor,
    type BackoffOptions,
} from '@gbg/shared'
import { judgeBeforeAppend, type AuditJudgement } from './audit-verify'
import type { ExecutorEventBus } from './events'
import { TEAMS_OUTBOX_KIND, outboxItemText } from './notify/notifier'
import type { Journal, OutboxInput, OutboxItem, OutboxKey } from './journal/journal'
import { redact } from './log'
import type {
    ActionPatch,
    AuditEventInput,
    BatchWrite,
    Clock,
    GrantPatch,
    IncidentInput,
    Logger,
    NewAction,
    QueueAction,
    ServiceNowGateway,
} from './ports'
import { AuditHeadMoved, isServiceNowError, ServiceNowError } from './servicenow/errors'
import { errorText } from './transport'
import type { Leases } from './worker/leases'

/**
 * Incident kind of a write-back stuck past its bound: one per grant, whichever replica raises it (the app makes it a
 * child of the grant's linked incident, when it has one).
 */
export const INTEGRATION_INCIDENT = 'integration_writeback'

/** Backoff settings without the random source. */
export type BackoffSettings = Omit<BackoffOptions, 'random'>

/** Outbox payloads (dates as ISO strings: they go through JSON). */
export type OutboxPayload =
    | { kind: 'grant_patch'; grantSysId: string; patch: Record<string, unknown> }
    | { kind: 'action_patch'; actionSysId: string; patch: Record<string, unknown> }
    | { kind: 'work_note'; table: 'sc_req_item' | 'incident'; sysId: string; note: string }
    | { kind: 'incident_note'; grantSysId: string; incidentKind: string; note: string }
    | { kind: 'attachment'; table: string; sysId: string; fileName: string; contentType: string; bodyBase64: string }
    | { kind: 'audit'; event: Record<string, unknown> }
    | { kind: 'incident'; grantSysId: string; incidentKind: string; input: IncidentInput }
    | { kind: 'create_action'; action: Record<string, unknown>; armTimer: boolean }

type PayloadOf<K extends OutboxPayload['kind']> = Extract<OutboxPayload, { kind: K }>

function serializeDates<T extends object>(value: T): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
        if (v === undefined) continue
        out[k] = v instanceof Date ? { $date: v.toISOString() } : v
    }
    return out
}

function reviveDates(value: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
        const d = v as { $date?: unknown } | null
        out[k] = d && typeof d === 'object' && typeof d.$date === 'string' ? new Date(d.$date) : v
    }
    return out
}

/** Builders of outbox items (so callers never hand-write a payload). */
export const outboxItem = {
    grantPatch(grantSysId: string, patch: GrantPatch, actionSysId = ''): OutboxInput {
        const payload: PayloadOf<'grant_patch'> = { kind: 'grant_patch', grantSysId, patch: serializeDates(patch) }
        return { kind: payload.kind, grantId: grantSysId, actionId: actionSysId, payload }
    },
    actionPatch(actionSysId: string, grantSysId: string, patch: ActionPatch): OutboxInput {
        const payload: PayloadOf<'action_patch'> = { kind: 'action_patch', actionSysId, patch: serializeDates(patch) }
        return { kind: payload.kind, grantId: grantSysId, actionId: actionSysId, payload }
    },
    workNote(
        table: 'sc_req_item' | 'incident',
        sysId: string,
        note: string,
        grantSysId: string,
        actionSysId = '',
    ): OutboxInput {
        const payload: PayloadOf<'work_note'> = { kind: 'work_note', table, sysId, note }
        return { kind: payload.kind, grantId: grantSysId, actionId: actionSysId, payload }
    },
    incidentNote(grantSysId: string, incidentKind: string, note: string, actionSysId = ''): OutboxInput {
        const payload: PayloadOf<'incident_note'> = { kind: 'incident_note', grantSysId, incidentKind, note }
        return { kind: payload.kind, grantId: grantSysId, actionId: actionSysId, payload }
    },
    attachment(
        table: string,
        sysId: string,
        fileName: string,
        contentType: string,
        body: Buffer,
        grantSysId: string,
        actionSysId = '',
    ): OutboxInput {
        const payload: PayloadOf<'attachment'> = {
            kind: 'attachment',
            table,
            sysId,
            fileName,
            contentType,
            bodyBase64: body.toString('base64'),
        }
        return { kind: payload.kind, grantId: grantSysId, actionId: actionSysId, payload }
    },
    /** An audit event; the payload is redacted here, once, before it is stored anywhere. */
    audit(event: AuditEventInput): OutboxInput {
        const redacted = { ...event, payload: redact(event.payload) as Record<string, unknown> }
        const payload: PayloadOf<'audit'> = { kind: 'audit', event: serializeDates(redacted) }
        return { kind: payload.kind, grantId: event.grantSysId, actionId: event.actionSysId ?? '', payload }
    },
    incident(grantSysId: string, incidentKind: string, input: IncidentInput, actionSysId = ''): OutboxInput {
        const payload: PayloadOf<'incident'> = { kind: 'incident', grantSysId, incidentKind, input }
        return { kind: payload.kind, grantId: grantSysId, actionId: actionSysId, payload }
    },
    /**
     * The integration incident of a grant whose write-back is stuck. Queued under its own ordering key (not the
     * grant's): it must not wait behind the very item that is stuck.
     */
    integrationIncident(grantSysId: string, input: IncidentInput): OutboxInput {
        const payload: PayloadOf<'incident'> = {
            kind: 'incident',
            grantSysId,
            incidentKind: INTEGRATION_INCIDENT,
            input,
        }
        return { kind: payload.kind, grantId: '', actionId: `integration:${grantSysId || 'none'}`, payload }
    },
    /** Schedule a new action; `armTimer` records its sys_id on the grant's revoke timer once created. */
    createAction(action: NewAction, armTimer: boolean, actionSysId = ''): OutboxInput {
        const payload: PayloadOf<'create_action'> = { kind: 'create_action', action: serializeDates(action), armTimer }
        return { kind: payload.kind, grantId: action.grantSysId, actionId: actionSysId, payload }
    },
}

/** Options of {@link WriteBack}. */
export interface WriteBackOptions {
    journal: Journal
    gateway: ServiceNowGateway
    clock: Clock
    events: ExecutorEventBus
    logger: Logger
    /** The executor's leases: an action patch refused because our lease lapsed takes the action back first. */
    leases: Leases
    backoff: BackoffSettings
    /** Age after which an undelivered item raises the bound alert. */
    boundMs: number
    /** This executor's name, in the integration incident. @defaultValue 'executor' */
    instance?: string
    random: () => number
    /** Most deliveries to ServiceNow under way at once (lanes of different grants). @defaultValue 16 */
    concurrency?: number
    /** Called after each pass with the actions whose items are all delivered (the worker closes them). */
    onActionSettled?: (actionId: string) => void
    /**
     * The anchor check before every append to a grant's chain (docs/security.md "Audit chain"): this executor's
     * name (actor of its `audit_chain_tampered` events), and the audit key and
     * integration user the MAC check needs. Without it no chain is checked.
     */
    auditGuard?: {
        instance: string
        key?: string
        integrationUser?: string
    }
}

/** Result of one {@link WriteBack.flush} pass. */
export interface FlushReport {
    delivered: number
    failed: number
    pending: number
}

type Outcome = { ok: true } | { ok: false; error: unknown; postpone?: boolean }

/** Which items a {@link WriteBack.flush} delivers. */
export interface FlushOptions {
    /** Only this grant's items (a run delivering its own write-back). @defaultValue every due item */
    grantId?: string
    /**
     * Wait only for the deliveries this call starts, not for those already under way (the worker's round, which
     * must not sit behind the write-backs of runs). @defaultValue true
     */
    join?: boolean
}

/** Most ServiceNow write-backs under way at once unless configured (GBG_WRITEBACK_CONCURRENCY's default). */
export const DEFAULT_WRITEBACK_CONCURRENCY = 16

/**
 * Delivers the outbox. Each delivery key (a grant; without one, an action; else the item alone) is a lane: its
 * items go one at a time in queue order, and a failing item holds back the rest of its lane. Lanes run in parallel,
 * at most `concurrency` ServiceNow calls at once: one grant's write-backs never wait behind another's.
 */
export class WriteBack {
    /** The lane of each key with a delivery under way or queued. */
    private readonly lanes = new Map<string, Promise<void>>()
    /** Keys with a delivery queued behind the running one (a later flush joins it instead of queueing another). */
    private readonly queued = new Map<string, Promise<void>>()
    private active = 0
    private readonly waiting: Array<() => void> = []
    private readonly concurrency: number

    constructor(private readonly o: WriteBackOptions) {
        this.concurrency = Math.max(1, o.concurrency ?? DEFAULT_WRITEBACK_CONCURRENCY)
    }

    /** Deliver every due item (or one grant's) once. Never throws. */
    async flush(options: FlushOptions = {}): Promise<FlushReport> {
        const report = { delivered: 0, failed: 0 }
        const runs: Promise<void>[] = []
        try {
            if (options.grantId) runs.push(this.lane(options.grantId, { grantId: options.grantId }, report))
            else {
                const now = this.o.clock.now().getTime()
                const byKey = new Map<string, OutboxItem[]>()
                for (const item of this.o.journal.outbox({ status: 'pending' })) {
                    // Teams cards share the journal's outbox but are delivered by notify/notifier.ts, never held here.
                    if (item.kind === TEAMS_OUTBOX_KIND) continue
                    const key = keyOf(item)
                    const list = byKey.get(key)
                    if (list) list.push(item)
                    else byKey.set(key, [item])
                }
                for (const [key, items] of byKey) {
                    // A lane whose first item is not due waits (later items of the same key wait behind it).
                    if (items[0]!.nextAttemptAt.getTime() > now) continue
                    const running = this.lanes.has(key)
                    if (running && options.join === false) continue
                    const spec = { grantId: items[0]!.grantId, actionId: items[0]!.actionId, id: items[0]!.id }
                    runs.push(this.lane(key, spec, report, running ? undefined : items))
                }
                this.alertAgedItems()
            }
            await Promise.all(runs)
        } catch (error) {
            this.o.logger.error('write-back pass failed', { error: String(error) })
        }
        let pending = 0
        try {
            pending = this.o.journal.pendingOutbox()
        } catch {
            // The journal is closed (a pass still running when the service was force-stopped): nothing to count,
            // and a rejection here would be unhandled for a caller that does not await the flush.
        }
        return { ...report, pending }
    }

    /** Resolve once no delivery is under way or queued (revoke runs leave theirs in the background). */
    async idle(): Promise<void> {
        while (this.lanes.size > 0) await Promise.all([...this.lanes.values()])
    }

    /** Run `task` on the lane of `key`, after whatever the lane already runs. */
    private onLane(key: string, task: () => Promise<void>): Promise<void> {
        const previous = this.lanes.get(key)
        const run = (previous ? previous.then(task) : task()).catch((error: unknown) => {
            this.o.logger.error('write-back pass failed', { key, error: String(error) })
        })
        const tracked = run.finally(() => {
            if (this.lanes.get(key) === tracked) this.lanes.delete(key)
        })
        this.lanes.set(key, tracked)
        return tracked
    }

    /**
     * Deliver the due items of one key, in order. `snapshot`: the items just read (the lane is idle, so nobody
     * delivered them since); otherwise they are read when the delivery starts, after the one under way.
     */
    private lane(
        key: string,
        spec: OutboxKey,
        report: { delivered: number; failed: number },
        snapshot?: OutboxItem[],
    ): Promise<void> {
        const busy = this.lanes.has(key)
        if (busy) {
            // One delivery queued behind the running one is enough: it reads the key's items when it starts.
            const queued = this.queued.get(key)
            if (queued) return queued
        }
        const items = busy ? undefined : snapshot
        const run = this.onLane(key, async () => {
            if (busy) this.queued.delete(key)
            await this.deliverKey(items ?? this.o.journal.pendingOutboxOfKey(spec), report)
        })
        if (busy) this.queued.set(key, run)
        return run
    }

    private async deliverKey(items: OutboxItem[], report: { delivered: number; failed: number }): Promise<void> {
        const { journal, clock } = this.o
        const touched = new Set<string>()
        const now = clock.now().getTime()
        // The lane's leading first attempts in one Batch API call; a failure there holds back the rest of the lane.
        const batched = await this.withSlot(() => this.deliverBatch(items, now, touched))
        report.delivered += batched.delivered
        report.failed += batched.failed
        // Each delivered item is marked at once (the crash-recovery test kills the executor between any two marks).
        for (const item of batched.blocked ? [] : items) {
            if (item.kind === TEAMS_OUTBOX_KIND || batched.handled.has(item.id)) continue
            // Not due yet: later items of the same key wait behind it (queue order per grant).
            if (item.nextAttemptAt.getTime() > now) break
            const outcome = await this.withSlot(() => this.deliver(item))
            if (item.actionId) touched.add(item.actionId)
            if (outcome.ok) {
                this.markDelivered(item)
                report.delivered++
                continue
            }
            if (outcome.postpone) {
                journal.postpone(
                    item.id,
                    new Date(clock.now().getTime() + this.o.backoff.baseMs),
                    errorText(outcome.error),
                )
                break
            }
            report.failed++
            this.recordFailure(item, outcome.error)
            break
        }
        if (this.o.onActionSettled) {
            for (const actionId of touched) {
                if (journal.pendingOutbox(actionId) === 0) this.o.onActionSettled(actionId)
            }
        }
    }

    /** Mark an item delivered, then tell listeners. */
    private markDelivered(item: OutboxItem): void {
        this.o.journal.markDelivered(item.id)
        this.o.events.emit('writeback:done', {
            outboxId: item.id,
            kind: item.kind,
            grantSysId: item.grantId,
            actionSysId: item.actionId,
        })
    }

    /** Run `call` when fewer than `concurrency` deliveries are under way. */
    private async withSlot<T>(call: () => Promise<T>): Promise<T> {
        if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve))
        else this.active++
        try {
            return await call()
        } finally {
            const next = this.waiting.shift()
            if (next) next()
            else this.active--
        }
    }

    /**
     * The batch step of a lane (issue 18): its leading due items that can go in one Batch API call — first attempts
     * only, in queue order, at most one write per grant / action record per call — are delivered in ONE call; each
     * answer is judged as the item's direct delivery would be. A write that failed is recorded like a failed direct
     * delivery (the lane's later items wait) and is then retried by itself, the direct way with its recovery paths
     * (ticket-update key read back, audit chain check and dedupe, lease take-back). A whole call that failed (429,
     * 5xx, a lost connection) is a failure of every item in it: each is retried by itself, and what a lost answer may
     * have applied is found again by its idempotency key (ticket updates), its hash (audit events), its open action
     * (create_action) or is simply repeated (PATCH). Nothing is lost, nothing written twice. Items after one that
     * cannot be batched are left to the direct loop, in order. `handled`: the items this step settled.
     */
    private async deliverBatch(
        items: OutboxItem[],
        now: number,
        touched: Set<string>,
    ): Promise<{ delivered: number; failed: number; blocked: boolean; handled: Set<number> }> {
        const { journal, gateway } = this.o
        const handled = new Set<number>()
        const none = { delivered: 0, failed: 0, blocked: false, handled }
        if (!gateway.writeBatch) return none
        const records = new Set<string>()
        const picked: { item: OutboxItem; write: BatchWrite }[] = []
        for (const item of items) {
            if (item.kind === TEAMS_OUTBOX_KIND) continue
            const write = item.attempts === 0 && item.nextAttemptAt.getTime() <= now ? this.batchWrite(item) : undefined
            const record = write ? recordOf(write) : undefined
            if (!write || (record && records.has(record)) || picked.length >= WRITE_BATCH_MAX) break
            if (record) records.add(record)
            picked.push({ item, write })
        }
        // One item alone is sent the direct way (the same one call, and its direct recovery paths at once).
        if (picked.length < 2) return none
        // A create has no key the instance checks: mark it tried BEFORE the call, so a crash before the answer is
        // recorded sends it the direct way (open actions read first) instead of a second time in a batch.
        for (const { item } of picked) {
            if (item.kind === 'create_action') journal.markRetry(item.id, 'sent in a batch call', new Date(now))
        }
        let outcomes: Awaited<ReturnType<NonNullable<ServiceNowGateway['writeBatch']>>>
        try {
            journal.sync() // durability barrier (journal.ts): what the journal says before this call is on disk
            outcomes = await gateway.writeBatch(picked.map((p) => p.write))
        } catch (error) {
            outcomes = picked.map(() => ({ ok: false as const, error }))
        }
        let delivered = 0
        let failed = 0
        let blocked = false
        for (const [i, { item, write }] of picked.entries()) {
            handled.add(item.id)
            const outcome = outcomes[i] ?? { ok: false as const, error: new Error('no outcome') }
            if (item.actionId) touched.add(item.actionId)
            if (outcome.ok) {
                if (write.kind === 'audit' && outcome.head && write.event.grantSysId !== '') {
                    journal.anchorAudit(write.event.grantSysId, outcome.head.sequence, outcome.head.hash)
                }
                if (item.kind === 'create_action') {
                    const p = item.payload as PayloadOf<'create_action'>
                    const grantId = String(p.action['grantSysId'] ?? '')
                    if (p.armTimer && outcome.sysId && journal.timer(grantId))
                        journal.setTimerAction(grantId, outcome.sysId)
                }
                this.markDelivered(item)
                delivered++
                continue
            }
            if (blocked) {
                failed++
                this.recordFailure(item, retryLater(outcome.error))
                continue
            }
            // Refused (a moved audit head, a ticket update's key already taken, a lapsed lease): not a transient,
            // so the direct way with its recovery path runs NOW. A transient (429, 5xx, a lost answer) waits for its
            // backoff and then goes the direct way.
            if (isRefusal(outcome.error)) {
                const direct = await this.deliver(item)
                if (direct.ok) {
                    this.markDelivered(item)
                    delivered++
                    continue
                }
                blocked = true
                failed++
                this.recordFailure(item, direct.error)
                continue
            }
            blocked = true
            failed++
            this.recordFailure(item, retryLater(outcome.error))
        }
        return { delivered, failed, blocked, handled }
    }

    /** The batch write an outbox item stands for, or undefined when it goes the direct way. */
    private batchWrite(item: OutboxItem): BatchWrite | undefined {
        const p = item.payload as OutboxPayload
        switch (p.kind) {
            case 'grant_patch':
                return { kind: 'grant_patch', grantSysId: p.grantSysId, patch: reviveDates(p.patch) as GrantPatch }
            case 'action_patch': {
                const patch = reviveDates(p.patch) as ActionPatch
                // A release takes the lease protocol's several writes.
                if (patch.state === 'ready' && patch.leaseOwner === '') return undefined
                return { kind: 'action_patch', actionSysId: p.actionSysId, patch }
            }
            case 'work_note':
                if (p.table !== 'sc_req_item') return undefined
                return {
                    kind: 'ticket_update',
                    update: { kind: 'ritm_note', grantSysId: item.grantId, text: p.note },
                    idempotencyKey: ticketUpdateKey(item),
                }
            case 'attachment':
                return {
                    kind: 'ticket_update',
                    update: {
                        kind: 'receipt',
                        grantSysId: item.grantId,
                        fileName: p.fileName,
                        contentType: p.contentType,
                        content: Buffer.from(p.bodyBase64, 'base64'),
                    },
                    idempotencyKey: ticketUpdateKey(item),
                }
            case 'audit': {
                const event = reviveDates(p.event) as unknown as AuditEventInput
                const anchor = event.grantSysId !== '' ? this.o.journal.auditAnchor(event.grantSysId) : undefined
                return { kind: 'audit', event, ...(anchor && this.o.auditGuard ? { knownHead: anchor } : {}) }
            }
            case 'create_action':
                return { kind: 'create_action', action: reviveDates(p.action) as unknown as NewAction }
            default:
                // Incidents and incident notes depend on the journal's incident records: the direct way.
                return undefined
        }
    }

    private recordFailure(item: OutboxItem, error: unknown): void {
        const { journal, clock, events, logger } = this.o
        const text = errorText(error)
        const final = !isRetryableWrite(error)
        if (final) {
            journal.markDead(item.id, text)
            logger.error('write-back item abandoned: ServiceNow refused it for good', {
                outboxId: item.id,
                kind: item.kind,
                grant: item.grantId,
                action: item.actionId,
                error: text,
            })
        } else {
            const attempt = item.attempts + 1
            let delay = backoffMs(attempt, { ...this.o.backoff, random: this.o.random })
            const retryAfter = error instanceof ServiceNowError ? error.retryAfterMs : undefined
            if (retryAfter !== undefined) delay = Math.max(delay, retryAfter)
            journal.markRetry(item.id, text, new Date(clock.now().getTime() + delay))
            const fields = { outboxId: item.id, kind: item.kind, attempt, error: text }
            if (isServiceNowError(error, 'unauthorized')) {
                // Loud: nothing reaches ServiceNow until a person fixes the credentials; the item is kept.
                logger.error(
                    'write-back refused: ServiceNow does not accept the integration user (401); kept, retrying',
                    fields,
                )
            } else if (error instanceof ServiceNowError && error.missingFields) {
                logger.error(
                    `write-back incomplete: the instance dropped field(s) ${error.missingFields.join(', ')}; ` +
                        'upgrade the app to the version this executor expects; kept, retrying',
                    fields,
                )
            } else logger.warn('write-back failed, will retry', fields)
        }
        events.emit('writeback:failed', {
            outboxId: item.id,
            kind: item.kind,
            grantSysId: item.grantId,
            actionSysId: item.actionId,
            error: text,
            attempts: item.attempts + 1,
            final,
        })
    }

    /** Raise the bound alert (once per item) for pending items older than the bound. */
    private alertAgedItems(): void {
        const { journal, clock, events, logger, boundMs } = this.o
        const now = clock.now().getTime()
        for (const item of journal.outbox({ status: 'pending' })) {
            if (item.kind === TEAMS_OUTBOX_KIND) continue
            const age = now - item.createdAt.getTime()
            if (item.alerted || age < boundMs) continue
            journal.markAlerted(item.id)
            logger.error('write-back to ServiceNow undelivered past its bound; still retrying', {
                outboxId: item.id,
                kind: item.kind,
                grant: item.grantId,
                action: item.actionId,
                ageMs: age,
                attempts: item.attempts,
                error: item.lastError,
            })
            events.emit('writeback:bound_exceeded', {
                outboxId: item.id,
                kind: item.kind,
                grantSysId: item.grantId,
                actionSysId: item.actionId,
                ageMs: age,
                attempts: item.attempts,
                error: item.lastError,
            })
            this.queueIntegrationIncident(item, age)
        }
    }

    /** Queue the grant's integration incident unless it was raised or queued already (once per grant). */
    private queueIntegrationIncident(item: OutboxItem, ageMs: number): void {
        const { journal } = this.o
        const payload = item.payload as OutboxPayload
        const grantSysId = item.grantId || (payload.kind === 'incident' ? payload.grantSysId : '')
        if (payload.kind === 'incident' && payload.incidentKind === INTEGRATION_INCIDENT) return
        if (journal.incident(grantSysId, INTEGRATION_INCIDENT)) return
        const key = `${grantSysId}|${INTEGRATION_INCIDENT}`
        if (journal.outbox({}).some((o) => o.kind === 'incident' && incidentKindOf(o) === key)) return
        const minutes = Math.floor(ageMs / 60_000)
        journal.enqueue([
            outboxItem.integrationIncident(grantSysId, {
                grantSysId,
                priority: 2,
                shortDescription: 'Break-glass executor cannot record a grant in ServiceNow',
                description:
                    `Executor ${this.o.instance ?? 'executor'} could not record ${outboxItemText(item.kind)} of this ` +
                    `grant in ServiceNow for ${minutes} minute(s) (${item.attempts} attempt(s); last error: ` +
                    `${item.lastError || 'none recorded'}). It keeps retrying. The access follows the executor's own ` +
                    'journal: it is still removed at expiry. Until the write-back arrives, the grant record in ' +
                    'ServiceNow may not show the latest state.',
            }),
        ])
    }

    private async deliver(item: OutboxItem): Promise<Outcome> {
        const { gateway, journal } = this.o
        const p = item.payload as OutboxPayload
        try {
            journal.sync() // durability barrier (journal.ts) before the write-back's calls
            switch (p.kind) {
                case 'grant_patch':
                    await gateway.updateGrant(p.grantSysId, reviveDates(p.patch) as GrantPatch)
                    return { ok: true }
                case 'action_patch':
                    return await this.deliverActionPatch(p.actionSysId, reviveDates(p.patch) as ActionPatch)
                case 'work_note': {
                    // Only ever the grant's own RITM (the app's rule refuses anything else).
                    if (p.table !== 'sc_req_item')
                        return {
                            ok: false,
                            error: new ServiceNowError(
                                'fatal',
                                `work note on ${p.table}: the executor writes notes only to the grant's RITM`,
                            ),
                        }
                    await gateway.requestTicketUpdate(
                        { kind: 'ritm_note', grantSysId: item.grantId, text: p.note },
                        ticketUpdateKey(item),
                    )
                    return { ok: true }
                }
                case 'incident_note': {
                    const ref = journal.incident(p.grantSysId, p.incidentKind)
                    if (!ref) {
                        // The incident is still queued: wait for it; if none was ever queued there is nobody to tell.
                        const queued = journal
                            .outbox({ status: 'pending' })
                            .some(
                                (o) =>
                                    o.kind === 'incident' && incidentKindOf(o) === `${p.grantSysId}|${p.incidentKind}`,
                            )
                        return queued
                            ? { ok: false, error: new Error('incident not created yet'), postpone: true }
                            : { ok: true }
                    }
                    await gateway.requestTicketUpdate(
                        { kind: 'incident_note', grantSysId: p.grantSysId, incidentSysId: ref.sysId, text: p.note },
                        ticketUpdateKey(item),
                    )
                    return { ok: true }
                }
                case 'attachment':
                    // The receipt goes to the grant's RITM, or to the grant when it has none: the app decides.
                    await gateway.requestTicketUpdate(
                        {
                            kind: 'receipt',
                            grantSysId: item.grantId,
                            fileName: p.fileName,
                            contentType: p.contentType,
                            content: Buffer.from(p.bodyBase64, 'base64'),
                        },
                        ticketUpdateKey(item),
                    )
                    return { ok: true }
                case 'audit': {
                    const event = reviveDates(p.event) as unknown as AuditEventInput
                    // An earlier attempt may have been applied with its answer lost (a dropped call, a batch whose
                    // answer never came): its row is found by its hash, and not appended twice.
                    if (item.attempts > 0 && gateway.findAppendedAudit) {
                        const found = await gateway.findAppendedAudit(event)
                        if (found) {
                            const anchored = event.grantSysId !== '' ? journal.auditAnchor(event.grantSysId) : undefined
                            if (event.grantSysId !== '' && (!anchored || anchored.sequence < found.sequence)) {
                                journal.anchorAudit(event.grantSysId, found.sequence, found.hash)
                            }
                            return { ok: true }
                        }
                    }
                    // Fast path, no read: link after the head this executor anchored in its journal. The app's insert
                    // rule refuses it unless that IS the chain's head (nothing cut, rewritten or appended since); only
                    // then is the chain read and checked below.
                    const anchor = event.grantSysId !== '' ? journal.auditAnchor(event.grantSysId) : undefined
                    if (anchor && this.o.auditGuard) {
                        try {
                            const head = await gateway.appendAudit(event, anchor, { onlyAfterKnownHead: true })
                            if (head) journal.anchorAudit(event.grantSysId, head.sequence, head.hash)
                            return { ok: true }
                        } catch (error) {
                            if (!(error instanceof AuditHeadMoved)) throw error
                        }
                    }
                    // Never onto a tampered chain silently: a break is recorded first, then this event follows it.
                    const checked = event.grantSysId !== '' ? await this.guardChain(event.grantSysId) : undefined
                    // The head the check just read (or the break it recorded) links this event: no second read.
                    const head = await gateway.appendAudit(event, checked?.head)
                    // The anchor outside ServiceNow that `audit verify` checks the chain against.
                    if (head && event.grantSysId !== '') journal.anchorAudit(event.grantSysId, head.sequence, head.hash)
                    return { ok: true }
                }
                case 'incident': {
                    if (journal.incident(p.grantSysId, p.incidentKind)) return { ok: true }
                    const created = await gateway.requestTicketUpdate(
                        {
                            kind: 'incident',
                            grantSysId: p.grantSysId,
                            incidentKind: p.incidentKind,
                            priority: p.input.priority,
                            shortDescription: p.input.shortDescription,
                            description: p.input.description,
                        },
                        // One incident per grant and kind, whichever replica raises it.
                        `inc:${p.grantSysId}:${sha256(p.incidentKind).slice(0, 16)}`,
                    )
                    journal.recordIncident(p.grantSysId, p.incidentKind, created.sysId, created.number)
                    this.o.events.emit('incident:raised', {
                        grantSysId: p.grantSysId,
                        kind: p.incidentKind,
                        priority: p.input.priority,
                        sysId: created.sysId,
                        number: created.number,
                    })
                    this.o.logger.warn('incident raised', {
                        grant: p.grantSysId,
                        kind: p.incidentKind,
                        incident: created.number,
                        priority: p.input.priority,
                    })
                    return { ok: true }
                }
                case 'create_action': {
                    const action = reviveDates(p.action) as unknown as NewAction
                    // Never two: a resumed write-back finds the action an earlier attempt created.
                    const open = await gateway.listOpenActionsForGrant(action.grantSysId)
                    let created: QueueAction | undefined = open.find(
                        (a) => a.type === action.type && a.idempotencyKey === action.idempotencyKey,
                    )
                    if (!created) created = await gateway.createAction(action)
                    if (p.armTimer && journal.timer(action.grantSysId))
                        journal.setTimerAction(action.grantSysId, created.sysId)
                    return { ok: true }
                }
                default:
                    return { ok: false, error: new Error(`unknown outbox item kind ${(p as { kind: string }).kind}`) }
            }
        } catch (error) {
            return { ok: false, error }
        }
    }

    /**
     * Check the audit chains of `grantIds` against their journal anchors now (the worker's periodic pass over the
     * grants it holds active, so a deleted tail is noticed with no append due), then deliver what a break queued.
     * Serialized with the flush passes. Never throws: a chain that cannot be read is checked next time.
     */
    async checkAuditChains(grantIds: readonly string[]): Promise<number> {
        let broken = 0
        for (const grantId of grantIds) {
            // On the grant's lane: never at the same time as a delivery of the same chain.
            await this.onLane(grantId, async () => {
                try {
                    if ((await this.guardChain(grantId)).broken) broken++
                } catch (error) {
                    this.o.logger.warn('audit chain check failed; checked again next pass', {
                        grant: grantId,
                        error: errorText(error),
                    })
                }
            })
        }
        if (broken > 0) await this.flush()
        return broken
    }

    /**
     * The anchor check of one grant's chain (src/audit-verify.ts judgeBeforeAppend). On a break: a P1 for SecOps,
     * a work note on the RITM and the grant's last_error (queued once per break), an error log line, and an
     * `audit_chain_tampered` event appended after the current head, on which the anchor is re-based, so the chain
     * goes on, the break is part of it, and it is reported once. Nothing here touches access: no expiry moves, and
     * revokes run from the journal whatever the chain says. Resolves true when a break was found.
     */
    private async guardChain(grantId: string): Promise<{ broken: boolean; head?: AuditAnchor }> {
        const { gateway, journal, clock, logger } = this.o
        const guard = this.o.auditGuard
        const anchor = journal.auditAnchor(grantId)
        if (!guard || !anchor || !gateway.readAuditChain) return { broken: false }
        const rows = await gateway.readAuditChain(grantId)
        const verdict = judgeBeforeAppend(rows, {
            anchor,
            ...(guard.key ? { key: guard.key } : {}),
            ...(guard.integrationUser ? { integrationUser: guard.integrationUser } : {}),
        })
        if (verdict.ok) return { broken: false, head: chainHead(rows) }
        logger.error('audit chain tampered', {
            grant: grantId,
            anchoredSequence: anchor.sequence,
            badSequence: verdict.badSequence,
            reason: verdict.reason,
        })
        this.o.events.emit('worker:error', { stage: 'audit_chain', error: `grant ${grantId}: ${verdict.reason}` })
        await this.reportBreak(grantId, anchor, verdict)
        const head = await gateway.appendAudit({
            grantSysId: grantId,
            eventType: AUDIT_CHAIN_TAMPERED,
            actor: guard.instance,
            occurredAt: clock.now(),
            payload: {
                reason: verdict.reason,
                anchoredSequence: anchor.sequence,
                anchoredHash: anchor.hash,
                ...(verdict.badSequence !== undefined ? { badSequence: verdict.badSequence } : {}),
            },
        })
        if (head) journal.rebaseAuditAnchor(grantId, head.sequence, head.hash)
        return { broken: true, ...(head ? { head } : {}) }
    }

    /** Queue the P1, the RITM work note and the grant's last_error of a chain break (once per distinct break). */
    private async reportBreak(grantId: string, anchor: AuditAnchor, verdict: AuditJudgement): Promise<void> {
        const { gateway, journal } = this.o
        const kind = `audit_chain_tampered:${sha256(`${anchor.sequence}|${anchor.hash}|${verdict.reason}`).slice(0, 16)}`
        if (incidentRaisedOrQueued(journal, grantId, kind)) return
        const grant = await gateway.getGrant(grantId)
        const text = `Audit chain tampered: ${verdict.reason}. The executor recorded the break in the chain; access is not extended and any revoke still runs. SecOps has been notified.`
        journal.enqueue([
            outboxItem.incident(grantId, kind, {
                shortDescription: `Audit chain tampered on break-glass grant ${grant.number}`,
                description: `${text}\nAnchored head: #${anchor.sequence} ${anchor.hash}. Run \`gbg-executor audit verify ${grantId}\`.`,
                priority: 1,
                grantSysId: grantId,
            }),
            ...(grant.ritm ? [outboxItem.workNote('sc_req_item', grant.ritm, text, grantId)] : []),
            outboxItem.grantPatch(grantId, { lastError: text }),
        ])
    }

    /**
     * Patch an action we hold. When the lease lapsed meanwhile (ServiceNow was unreachable longer than the
     * lease), take the action back ({@link Leases.takeBack}) and apply the patch under the new lease. A finished
     * action needs nothing more; another executor's valid lease means try again later.
     */
    private async deliverActionPatch(sysId: string, patch: ActionPatch): Promise<Outcome> {
        const { gateway, leases } = this.o
        try {
            await gateway.updateAction(sysId, patch)
            return { ok: true }
        } catch (error) {
            if (!isServiceNowError(error, 'lost_claim')) throw error
            const taken = await leases.takeBack(await gateway.getAction(sysId))
            if (taken.kind === 'finished') return { ok: true }
            if (taken.kind === 'held') throw error
            await gateway.updateAction(sysId, patch)
            return { ok: true }
        }
    }
}

/**
 * The idempotency key of the ticket update an outbox item asks for: the same for every delivery attempt of the item
 * (a lost answer is read back by it), distinct for distinct items.
 */
function ticketUpdateKey(item: OutboxItem): string {
    return `tu:${sha256(`${item.id}|${item.createdAt.toISOString()}|${item.kind}|${JSON.stringify(item.payload)}`).slice(0, 40)}`
}

/** The delivery key of an item: its grant; without one, its action; else the item alone. */
function keyOf(item: OutboxItem): string {
    return item.grantId || item.actionId || `#${item.id}`
}

function incidentKindOf(item: OutboxItem): string {
    const p = item.payload as PayloadOf<'incident'>
    return `${p.grantSysId}|${p.incidentKind}`
}

/** True when a failed write may succeed later. */
export function isRetryableWrite(error: unknown): boolean {
    if (error instanceof ServiceNowError) {
        if (error.missingFields) return true
        return error.kind === 'retryable' || error.kind === 'unauthorized' || error.kind === 'lost_claim'
    }
    return false
}

/** True when an incident of `kind` for `grantSysId` is raised or queued (so it is raised once). */
export function incidentRaisedOrQueued(journal: Journal, grantSysId: string, kind: string): boolean {
    if (journal.incident(grantSysId, kind)) return true
    return journal
        .outbox({ status: 'pending' })
        .some((o) => o.kind === 'incident' && incidentKindOf(o) === `${grantSysId}|${kind}`)
}

/**
 * The head of a chain as read (rows in sequence order): the last event's sequence and hash, or undefined when the
 * chain is empty or its last row is not a well-formed link (the append then reads the head itself).
 */
function chainHead(rows: Record<string, string>[]): AuditAnchor | undefined {
    const last = rows[rows.length - 1]
    if (!last) return undefined
    const sequence = Number(last[AUDIT_FIELDS.sequence])
    const hash = last[AUDIT_FIELDS.hash] ?? ''
    return Number.isInteger(sequence) && sequence > 0 && isSha256Hex(hash) ? { sequence, hash } : undefined
}

/**
 * Items one batch call carries at most: about two actions' write-backs. The instance runs them one after another
 * within its 30 s batch quota and our request timeout, so a batch is kept small.
 */
const WRITE_BATCH_MAX = 25

/** The record a batched write changes, when at most one write to it may go in one call (PATCHes). */
function recordOf(write: BatchWrite): string | undefined {
    if (write.kind === 'grant_patch') return `grant:${write.grantSysId}`
    if (write.kind === 'action_patch') return `action:${write.actionSysId}`
    return undefined
}

/** A batched write's failure that is not a transient: it is delivered the direct way at once. */
function isRefusal(error: unknown): boolean {
    return !isRetryableWrite(error) || isServiceNowError(error, 'lost_claim')
}

/**
 * A batched write that failed is retried by itself, the direct way, after its backoff; a refusal is never final
 * from a batch alone (the direct way judges it: a ticket update's key read back, a moved audit head re-linked).
 */
function retryLater(error: unknown): unknown {
    if (isRetryableWrite(error)) return error
    return new ServiceNowError('retryable', `refused in a batch call, retried by itself: ${errorText(error)}`, {
        ...(error instanceof ServiceNowError && error.status !== undefined ? { status: error.status } : {}),
        cause: error,
    })
}
