/**
 * People-facing Teams notifications, durable: every card is first queued in the journal's outbox (kind `teams`,
 * in the executor's SQLite journal like every write-back), then sent; a send that fails is retried with backoff,
 * a refused one (the card or the URL is wrong) is kept as dead for `status`. Nothing lives only in memory, so a
 * restart loses no card and sends none twice.
 *
 * Cards:
 * - granted (on `grant:active`), removed (on `revoke:done`, unless a shared assignment stays for another grant);
 * - failure, when the SecOps incident for a grant / revoke / verify failure is raised (`incident:raised`), so the
 *   card names the incident; one card per incident, not one per failed retry;
 * - the 5- and 1-minute expiry warnings, driven by the grant's expiry in ServiceNow: at most every
 *   {@link WARNING_SCAN_MS} one read lists the active grants of every replica that expire within the largest lead;
 *   a warning whose moment has come is claimed fleet-wide through the ticket-update table's unique idempotency key
 *   (`expiry-warning:<grant>:<minutes>`, a RITM note naming the executor that sends it: claimOnce), and only the
 *   claim's holder queues the card. Any replica may send it, exactly one does, and a restart (even between claim
 *   and queueing: the claim names this executor) neither loses nor repeats it. A grant gets a warning when it is
 *   longer than the warning's lead (a 5-minute grant gets the 1-minute warning, a 1-minute grant none); a
 *   5-minute warning whose moment passed while every executor was down is not sent late once the 1-minute one is
 *   due.
 *
 * - the ops channel card when a write-back to ServiceNow stays undelivered past its bound (`writeback:bound_exceeded`),
 *   once per grant, to the ops webhook (`GBG_TEAMS_OPS_WEBHOOK_URL`; the main webhook when it is not set).
 *
 * Idempotency: each card has a key (`teams:<grant sys_id>:<card>`), stored as the outbox item's action id (the
 * outbox's indexed column; no ServiceNow action has that form, so the worker never mistakes it for one). A card
 * whose key is already in the outbox — pending, sent or dead — is not queued again.
 *
 * Delivery runs after each worker round (and right after a card is queued), independently of the ServiceNow
 * write-back: the write-back (writeback.ts) leaves `teams` items to this module, so a dead Teams URL never holds
 * back a grant's write-back, and ServiceNow being down never holds back a card. A card not delivered within
 * {@link TEAMS_GIVE_UP_MS} is abandoned (dead, with an error log line); a warning whose grant has expired meanwhile
 * is dropped (it would be wrong), and logged.
 */
import { backoffMs, formatMinutes, formatTime, parsePlan, verifyPlanDigest, type ExecutionPlan } from '@gbg/shared'
import type { ExecutorEventBus } from '../events'
import type { Journal, OutboxItem } from '../journal/journal'
import type { Clock, Logger, ServiceNowGateway } from '../ports'
import { errorText } from '../transport'
import type { ApprovalNotice } from '../servicenow/app-api'
import { NotifyError, summaryFromPlan, type GrantSummary, type TeamsEvent } from './teams'

/** Outbox kind of a Teams card. */
export const TEAMS_OUTBOX_KIND = 'teams'

/** What an outbox item records, in words for people (cards, incidents). */
export function outboxItemText(kind: string): string {
    switch (kind) {
        case 'grant_patch':
            return "the grant's state and times"
        case 'action_patch':
            return 'the queue action result'
        case 'work_note':
        case 'incident_note':
            return 'a work note'
        case 'attachment':
            return 'the receipt'
        case 'audit':
            return 'an audit event'
        case 'incident':
            return 'an incident'
        case 'create_action':
            return 'a scheduled action'
        default:
            return kind
    }
}

/** Minutes before expiry at which the holder is warned, most distant first. */
export const WARNING_MINUTES = [5, 1] as const

/** How often the expiring grants are read from ServiceNow (one query): a warning is at most this late. */
export const WARNING_SCAN_MS = 15_000

/** A card still undelivered after this long is abandoned: a late "access granted" or failure card misleads. */
export const TEAMS_GIVE_UP_MS = 10 * 60_000

/** The operation a SecOps incident kind reports a failure of; undefined: not a failure card (e.g. drift). */
export function failedOperation(incidentKind: string): 'grant' | 'revoke' | 'verify' | undefined {
    if (/^(grant_|recheck_|max_attempts)/.test(incidentKind)) return 'grant'
    if (incidentKind.startsWith('revoke_')) return 'revoke'
    if (incidentKind.startsWith('verify')) return 'verify'
    return undefined
}

/** Sends one card (notify/teams.ts TeamsNotifier.send). */
export interface CardSender {
    send(event: TeamsEvent): Promise<void>
}

/** Options of {@link Notifications}. */
export interface NotificationsOptions {
    journal: Journal
    events: ExecutorEventBus
    clock: Clock
    logger: Logger
    teams: CardSender
    /** The ops channel's webhook (write-back trouble). @defaultValue {@link NotificationsOptions.teams} */
    opsTeams?: CardSender
    /** The on-call channel's webhook (approval escalations). @defaultValue {@link NotificationsOptions.teams} */
    oncallTeams?: CardSender
    /**
     * The approval notices due now, claimed for this executor through ServiceNow (gateway.claimApprovalNotices
     * bound to the instance name). Absent: no approval cards.
     */
    approvalNotices?: () => Promise<ApprovalNotice[]>
    /** Retry delays of a failed send. */
    backoff: { baseMs: number; maxMs: number; jitter: number }
    random?: () => number
    /** The requester's display name for a grant, when something can tell (cards fall back to the login). */
    displayName?: (plan: ExecutionPlan) => string | undefined
    /** ServiceNow: the expiring grants of every replica, and the fleet-wide claim of each warning. */
    grants: Pick<ServiceNowGateway, 'listExpiringGrants' | 'claimOnce'>
    /** This executor's instance name (named in the warning claims it holds). */
    instance: string
}

/** The outbox payload of a card: the event with its dates as ISO strings. */
interface CardPayload {
    kind: typeof TEAMS_OUTBOX_KIND
    event: Record<string, unknown>
    /** Which webhook: the people's (default) or the ops channel's. */
    channel?: CardChannel
}

/** The webhook a card goes to. */
export type CardChannel = 'people' | 'ops' | 'oncall'

const DATE_KEYS = ['expiresAt', 'revokedAt', 'since'] as const

function toPayload(event: TeamsEvent, channel: CardChannel = 'people'): CardPayload {
    const copy: Record<string, unknown> = { ...event }
    for (const k of DATE_KEYS) if (copy[k] instanceof Date) copy[k] = (copy[k] as Date).toISOString()
    const request = copy.request as Record<string, unknown> | undefined
    if (request?.dueAt instanceof Date) copy.request = { ...request, dueAt: request.dueAt.toISOString() }
    return { kind: TEAMS_OUTBOX_KIND, event: copy, ...(channel === 'people' ? {} : { channel }) }
}

function fromPayload(payload: unknown): TeamsEvent {
    const p = payload as CardPayload
    const copy: Record<string, unknown> = { ...p.event }
    for (const k of DATE_KEYS) if (typeof copy[k] === 'string') copy[k] = new Date(copy[k] as string)
    const request = copy.request as Record<string, unknown> | undefined
    if (typeof request?.dueAt === 'string') copy.request = { ...request, dueAt: new Date(request.dueAt) }
    return copy as unknown as TeamsEvent
}

/** Queues, and delivers, the Teams cards of one executor. */
export class Notifications {
    private delivering: Promise<void> = Promise.resolve()
    private claiming = false
    private claimRun: Promise<void> = Promise.resolve()
    private readonly random: () => number
    private lastWarningScan = Number.NEGATIVE_INFINITY
    private scanning = false
    /** Warning keys another executor holds (asked once per process). */
    private readonly claimedElsewhere = new Set<string>()

    constructor(private readonly o: NotificationsOptions) {
        this.random = o.random ?? Math.random
    }

    /** Subscribe to the executor's events; returns the function that unsubscribes. */
    start(): () => void {
        const { events } = this.o
        const offs = [
            events.on('grant:active', (e) => {
                const grant = this.summary(e.grantSysId)
                if (grant) this.queue(`${e.grantSysId}:granted`, { kind: 'granted', grant, expiresAt: e.expiresAt })
            }),
            events.on('revoke:done', (e) => {
                if (e.retainedFor.length > 0) return
                const grant = this.summary(e.grantSysId)
                if (grant)
                    this.queue(`${e.grantSysId}:revoked`, {
                        kind: 'revoked',
                        grant,
                        revokedAt: this.o.clock.now(),
                    })
            }),
            events.on('incident:raised', (e) => {
                const operation = failedOperation(e.kind)
                const grant = operation ? this.summary(e.grantSysId) : undefined
                if (!operation || !grant) return
                this.queue(`${e.grantSysId}:incident:${e.kind}`, {
                    kind: 'failure',
                    grant,
                    operation,
                    error: this.lastError(e.grantSysId) || 'see the incident',
                    incidentNumber: e.number,
                })
            }),
            events.on('writeback:bound_exceeded', (e) => {
                const grant = e.grantSysId ? this.summary(e.grantSysId) : undefined
                if (!grant) {
                    this.o.logger.warn('no ops card for a stuck write-back without a journaled plan', {
                        outboxId: e.outboxId,
                        grant: e.grantSysId,
                    })
                    return
                }
                const item = this.o.journal.outbox({ actionId: e.actionSysId }).find((o) => o.id === e.outboxId)
                this.queue(
                    `${e.grantSysId}:writeback_stuck`,
                    {
                        kind: 'writeback_stuck',
                        grant,
                        since: item?.createdAt ?? new Date(this.o.clock.now().getTime() - e.ageMs),
                        waiting: outboxItemText(e.kind),
                        attempts: e.attempts,
                        error: e.error || 'none recorded',
                    },
                    true,
                    'ops',
                )
            }),
            events.on('worker:polled', () => {
                void this.queueDueWarnings()
                    .catch((error: unknown) =>
                        this.o.logger.warn('expiry warnings: cannot read ServiceNow; retried next round', {
                            error: errorText(error),
                        }),
                    )
                    .then(() => this.claimApprovalNotices())
                    .then(() => this.deliver())
            }),
        ]
        return () => offs.forEach((off) => off())
    }

    /**
     * Queue the expiry warnings due now, from ServiceNow's active grants (every replica's), each claimed fleet-wide
     * first. At most one ServiceNow read per {@link WARNING_SCAN_MS}, plus one claim per warning due. Returns how
     * many this executor queued. Resolves after the scan (the worker does not wait for it).
     */
    async queueDueWarnings(): Promise<number> {
        const nowDate = this.o.clock.now()
        const now = nowDate.getTime()
        if (this.scanning || now - this.lastWarningScan < WARNING_SCAN_MS) return 0
        this.scanning = true
        try {
            const grants = await this.o.grants.listExpiringGrants(nowDate, Math.max(...WARNING_MINUTES) * 60_000)
            this.lastWarningScan = now
            let queued = 0
            for (const g of grants) {
                const v = verifyPlanDigest(g.plan, g.planDigest)
                if (!v.ok || !g.expiresAt) continue
                const plan = v.plan
                const expiresMs = g.expiresAt.getTime()
                const at = this.o.clock.now().getTime()
                // The most urgent warning due now, only (never "5 minutes left" with 30 seconds to go).
                const due = WARNING_MINUTES.filter((m) => plan.durationMinutes > m && at >= expiresMs - m * 60_000)
                const minutesLeft = due[due.length - 1]
                if (minutesLeft === undefined || at >= expiresMs) continue
                // The expiry is part of the key: an extended grant (shared extend.ts) is warned again before its new end.
                const key = `${g.sysId}:warning:${minutesLeft}:${Math.floor(expiresMs / 1000)}`
                if (this.claimedElsewhere.has(key) || this.o.journal.outbox({ actionId: `teams:${key}` }).length > 0)
                    continue
                const note =
                    `Expiry warning (${formatMinutes(minutesLeft)} left, access ends ${formatTime(g.expiresAt)}) ` +
                    `sent to Teams by executor ${this.o.instance}.`
                if (
                    !(await this.o.grants.claimOnce(
                        g.sysId,
                        `expiry-warning:${g.sysId}:${minutesLeft}:${Math.floor(expiresMs / 1000)}`,
                        note,
                    ))
                ) {
                    this.claimedElsewhere.add(key)
                    continue
                }
                const grant = summaryFromPlan(plan, this.requesterName(plan))
                if (this.queue(key, { kind: 'warning', grant, expiresAt: g.expiresAt, minutesLeft }, false)) queued++
            }
            return queued
        } finally {
            this.scanning = false
        }
    }

    /**
     * Ask the app for the approval notices due now (each claimed for this executor through ServiceNow, so two
     * replicas never both send one) and queue their cards. One request at a time; a failure is logged and retried
     * on the next round (a notice claimed but not received is handed to this executor again). Returns how many
     * cards were queued.
     */
    claimApprovalNotices(): Promise<number> {
        const source = this.o.approvalNotices
        if (!source || this.claiming) return Promise.resolve(0)
        this.claiming = true
        const run = source()
            .then((notices) => {
                let queued = 0
                for (const n of notices) if (this.queueNotice(n)) queued++
                return queued
            })
            .catch((error: unknown) => {
                this.o.logger.warn('approval notices not read; asked again next round', { error: errorText(error) })
                return 0
            })
            .finally(() => {
                this.claiming = false
            })
        this.claimRun = run.then(() => undefined)
        return run
    }

    private queueNotice(n: ApprovalNotice): boolean {
        const grant: GrantSummary = {
            grantSysId: n.grant_sys_id,
            grantNumber: n.grant_number,
            requester: n.requester.user_name,
            ...(n.requester.name ? { requesterName: n.requester.name } : {}),
            target: n.access,
            justification: n.justification,
        }
        const request = {
            durationMinutes: n.duration_minutes,
            planText: n.plan_text,
            planDigest: n.plan_digest,
            emergency: n.emergency,
            highRisk: n.high_risk,
            dueAt: new Date(n.due_at),
        }
        // The notice's key is claimed in ServiceNow for this executor; the outbox key makes a repeat a no-op here.
        const key = `${n.grant_sys_id}:${n.key}`
        if (n.kind === 'escalation')
            return this.queue(key, { kind: 'approval_escalation', grant, request }, false, 'oncall')
        return this.queue(
            key,
            {
                kind: n.kind === 'approval' ? 'approval_request' : 'approval_reminder',
                grant,
                request,
                approver: {
                    approvalSysId: n.approval_sys_id,
                    userName: n.approver.user_name,
                    name: n.approver.name,
                    email: n.approver.email,
                },
            },
            false,
        )
    }

    /** Resolves when the delivery pass under way (if any) has finished (before the journal closes). */
    async idle(): Promise<void> {
        await this.claimRun
        await this.delivering
    }

    /** Send every due card once (passes never overlap). Never throws. */
    deliver(): Promise<void> {
        const run = this.delivering.then(() => this.pass())
        this.delivering = run.catch((error: unknown) => {
            this.o.logger.error('Teams delivery pass failed', { error: errorText(error) })
        })
        return this.delivering
    }

    private async pass(): Promise<void> {
        const { journal, clock, logger } = this.o
        for (const item of journal.outbox({ status: 'pending' })) {
            if (item.kind !== TEAMS_OUTBOX_KIND) continue
            const now = clock.now()
            if (item.nextAttemptAt.getTime() > now.getTime()) continue
            const event = fromPayload(item.payload)
            const meta = { outboxId: item.id, card: event.kind, grant: item.grantId }
            if (event.kind === 'warning' && now.getTime() >= event.expiresAt.getTime()) {
                journal.markDelivered(item.id)
                logger.warn('Teams expiry warning dropped: the grant expired before it could be sent', meta)
                continue
            }
            if (now.getTime() - item.createdAt.getTime() > TEAMS_GIVE_UP_MS) {
                journal.markDead(
                    item.id,
                    `not delivered within ${formatMinutes(TEAMS_GIVE_UP_MS / 60_000)}: ${item.lastError}`,
                )
                logger.error('Teams card abandoned: not delivered in time', { ...meta, error: item.lastError })
                continue
            }
            const channel = (item.payload as CardPayload).channel
            const sender =
                channel === 'ops'
                    ? (this.o.opsTeams ?? this.o.teams)
                    : channel === 'oncall'
                      ? (this.o.oncallTeams ?? this.o.teams)
                      : this.o.teams
            try {
                await sender.send(event)
                journal.markDelivered(item.id)
            } catch (error) {
                this.failed(item, error)
            }
        }
    }

    private failed(item: OutboxItem, error: unknown): void {
        const { journal, clock, logger } = this.o
        const text = errorText(error)
        if (error instanceof NotifyError && error.kind === 'fatal') {
            journal.markDead(item.id, text)
            logger.error('Teams card refused for good (check GBG_TEAMS_WEBHOOK_URL; `doctor` probes it)', {
                outboxId: item.id,
                grant: item.grantId,
                error: text,
            })
            return
        }
        const attempt = item.attempts + 1
        let delay = backoffMs(attempt, { ...this.o.backoff, random: this.random })
        if (error instanceof NotifyError && error.retryAfterMs !== undefined)
            delay = Math.max(delay, error.retryAfterMs)
        journal.markRetry(item.id, text, new Date(clock.now().getTime() + delay))
        logger.warn('Teams card not delivered, will retry', {
            outboxId: item.id,
            grant: item.grantId,
            attempt,
            error: text,
        })
    }

    /** Queue a card unless its key was ever queued; returns true when queued. */
    private queue(key: string, event: TeamsEvent, deliverNow = true, channel: CardChannel = 'people'): boolean {
        const id = `teams:${key}`
        const { journal } = this.o
        if (journal.outbox({ actionId: id }).length > 0) return false
        journal.enqueue([
            {
                kind: TEAMS_OUTBOX_KIND,
                grantId: event.grant.grantSysId,
                actionId: id,
                payload: toPayload(event, channel),
            },
        ])
        if (deliverNow) void this.deliver()
        return true
    }

    private summary(grantSysId: string): GrantSummary | undefined {
        const plan = this.plan(grantSysId)
        if (!plan) {
            this.o.logger.debug('no journaled plan for a Teams card', { grant: grantSysId })
            return undefined
        }
        return summaryFromPlan(plan, this.requesterName(plan))
    }

    /**
     * The requester's display name: from the hook (the gate facts this process read), else the one an earlier card
     * of the grant carried (its journaled payload), so a restart between the granted card and the warnings or the
     * removal card keeps the name. Undefined when neither knows (the card shows the login).
     */
    private requesterName(plan: ExecutionPlan): string | undefined {
        const fromHook = this.o.displayName?.(plan)
        if (fromHook) return fromHook
        for (const item of this.o.journal.outbox({ actionId: `teams:${plan.grantSysId}:granted` })) {
            if (item.kind !== TEAMS_OUTBOX_KIND) continue
            const name = fromPayload(item.payload).grant?.requesterName
            if (name) return name
        }
        return undefined
    }

    /** The plan this executor acted on for the grant: its grant record, else any of its actions' journaled plan. */
    private plan(grantSysId: string): ExecutionPlan | undefined {
        const { journal } = this.o
        const texts = [journal.grantRecord(grantSysId)?.plan, ...journal.actionsOfGrant(grantSysId).map((a) => a.plan)]
        for (const text of texts) {
            if (!text) continue
            const parsed = parsePlan(text)
            if (parsed.ok) return parsed.plan
        }
        return undefined
    }

    private lastError(grantSysId: string): string {
        const actions = this.o.journal.actionsOfGrant(grantSysId)
        const latest = [...actions].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
        return latest.find((a) => a.lastError)?.lastError ?? ''
    }
}
