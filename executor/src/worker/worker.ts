/**
 * The worker: ONE loop that never runs concurrently with itself. Each round (every poll interval, or at once on
 * `nudge()`):
 *
 *   sweeper (return expired leases) → list ready actions → per-grant strict order (priority, then creation)
 *   → claim with a lease (attempts counted at claim) → run at most K at once → due revoke timers
 *   → deliver the outbox → heartbeat.
 *
 * Revokes have their own lane (revokeLoop): it wakes at the next revoke timer of the journal, claims the grant's
 * ServiceNow revoke action and runs it at once — or revokes from the journal when ServiceNow does not answer — with
 * its own concurrency bound, so a due revoke never waits for a poll, a grant slot or a write-back. Slots freed
 * while ready actions were left over are refilled by an immediate round, not at the next poll.
 *
 * Runs hold their lease by renewing it every half lease (leases.ts: the lease protocol and the sweeper). Shutdown has two stages: `stop()` stops claiming and
 * drains the runs; `stop({ force: true })` aborts them (their journal step stays, leases expire, the next start
 * resumes). On start every action the journal has not finished is resumed from its step.
 */
import { ACTION_TYPES, NUDGE_MIN_POLL_GAP_MS, isSysId } from '@gbg/shared'
import { ExecutorEventBus } from '../events'
import { Journal, type JournalAction, type RevokeTimer } from '../journal/journal'
import { nullLogger } from '../log'
import type { Clock, Logger, QueueAction, ServiceNowGateway } from '../ports'
import type { Provider } from '../providers/types'
import { outboxItem, WriteBack } from '../writeback'
import {
    LOCAL_REVOKE_PREFIX,
    auditItem,
    errorText,
    localRevokeId,
    ref,
    ritmNoteItems,
    type RunContext,
    type WorkerCore,
} from './context'
import { finishAction } from './finish'
import { runGrant } from './grant'
import { Leases } from './leases'
import { resolveWorkerOptions, type ResolvedWorkerOptions, type WorkerOptions } from './options'
import { runRevoke } from './revoke'
import { runVerify } from './verify'

/** Ports of the worker. */
export interface WorkerDeps {
    gateway: ServiceNowGateway
    journal: Journal
    /** Configured providers by name. */
    providers: ReadonlyMap<string, Provider>
    clock: Clock
    /** Event bus; one is created when absent (read it back from {@link Worker.events}). */
    events?: ExecutorEventBus
    logger?: Logger
}

/** What one round did (for tests and the demo). */
export interface TickReport {
    swept: number
    ready: number
    claimed: number
    skipped: number
    timersFired: number
    pollOk: boolean
}

/** Options of {@link Worker.stop}. */
export interface StopOptions {
    /** Abandon in-flight runs instead of draining them (their leases expire; the next start resumes). */
    force?: boolean
}

const OPEN_STATES = ['ready', 'claimed']
/** Least time between two rounds triggered by freed slots (each reads the due queue once). */
const REFILL_MIN_GAP_MS = 250
/** Replicas spread over actions queued within this window of each other (spreadOrder); older ones always go first. */
const SPREAD_WINDOW_MS = 2_000
/** Grants whose audit chain one round checks: a pass over N active grants is spread over N / 100 rounds. */
const AUDIT_CHECK_BATCH = 100
/** Settled grants one round compacts at most (the rest in the next rounds). */
const COMPACT_MAX_GRANTS = 500
/** The first compaction pass runs this long after start-up (never on the way to the first claim). */
const COMPACT_FIRST_DELAY_MS = 60_000

/** The executor worker. */
export class Worker {
    readonly events: ExecutorEventBus
    readonly options: ResolvedWorkerOptions
    private readonly core: WorkerCore
    private readonly leases: Leases
    private readonly inFlight = new Map<string, Promise<void>>()
    /** Runs of the revoke lane (revokes: queue or local), counted apart from the K slots. */
    private readonly revokeRuns = new Set<string>()
    /** Timers being decided (claiming the queue revoke) by the revoke lane. */
    private readonly timerTasks = new Set<Promise<void>>()
    /** Grants whose queue revoke another executor held when the timer fell due (time first seen). */
    private readonly heldElsewhere = new Map<string, number>()
    private readonly busyGrants = new Set<string>()
    private revokeWake = new AbortController()
    /** Grants whose due timer waits for a failed revoke's retry: the attempt it waits after, and until when. */
    private readonly retryWaits = new Map<string, { attempts: number; until: number }>()
    private revokeLoopDone: Promise<void> | null = null
    /** The last poll left ready actions unclaimed for want of a slot: a freed slot triggers a round at once. */
    private backlogged = false
    private lastHeartbeatMs = -Infinity
    /** The last poll returned a full page of ready actions (batchSize): more may be waiting behind it. */
    private moreReady = false
    /** When the last round started (refills are spaced by REFILL_MIN_GAP_MS). */
    private lastRoundAtMs = -Infinity
    private claimedSinceHeartbeat = false
    private readonly forceAbort = new AbortController()
    private wake = new AbortController()
    /** When a nudge last woke the loop (nudged wake-ups are spaced by NUDGE_MIN_POLL_GAP_MS). */
    private lastNudgeWakeMs = -Infinity
    /** A nudged round is scheduled (nudges until it starts are coalesced into it). */
    private nudgeScheduled = false
    /** A refill round is scheduled at the end of REFILL_MIN_GAP_MS (refillSoon). */
    private refillScheduled = false
    /** Cancels a scheduled nudged round on stop. */
    private readonly nudgeCancel = new AbortController()
    private ticking: Promise<TickReport> | null = null
    private loopDone: Promise<void> | null = null
    private stopping = false
    private started = false
    private lastPollOk = true
    /** When the periodic audit chain check last ran (never: it runs in the first round). */
    private lastAuditCheckMs = -Infinity
    /** Grant id after which the audit chain pass under way continues (null: no pass under way). */
    private auditCursor: string | null = null
    /** When the last compaction pass ran (set at start so the first runs COMPACT_FIRST_DELAY_MS after it). */
    private lastCompactMs = -Infinity
    /** The last pass left settled grants for the next round. */
    private compactBacklog = false

    constructor(deps: WorkerDeps, options: WorkerOptions) {
        this.options = resolveWorkerOptions(options)
        this.events = deps.events ?? new ExecutorEventBus()
        const logger = deps.logger ?? nullLogger
        this.leases = new Leases({
            gateway: deps.gateway,
            clock: deps.clock,
            events: this.events,
            logger,
            instance: this.options.instance,
            leaseMs: this.options.leaseMs,
        })
        const writeBack = new WriteBack({
            journal: deps.journal,
            gateway: deps.gateway,
            clock: deps.clock,
            events: this.events,
            logger,
            leases: this.leases,
            backoff: this.options.writebackBackoff,
            boundMs: this.options.writebackBoundMs,
            instance: this.options.instance,
            random: this.options.random,
            onActionSettled: (actionId) => this.settle(actionId),
            auditGuard: {
                instance: this.options.instance,
                key: this.options.auditKey,
                integrationUser: this.options.auditIntegrationUser,
            },
        })
        this.core = {
            gateway: deps.gateway,
            journal: deps.journal,
            providers: deps.providers,
            clock: deps.clock,
            events: this.events,
            logger,
            options: this.options,
            writeBack,
        }
    }

    /** Number of runs in flight. */
    get inFlightCount(): number {
        return this.inFlight.size
    }

    /** True once `stop` was called. */
    get isStopping(): boolean {
        return this.stopping
    }

    /** Resume unfinished journal actions, then run the loop until {@link stop}. */
    async start(): Promise<void> {
        if (this.started) throw new Error('worker already started')
        this.started = true
        this.lastCompactMs = this.core.clock.now().getTime() - this.options.compactIntervalMs + COMPACT_FIRST_DELAY_MS
        this.events.emit('worker:started', { instance: this.options.instance })
        // Revokes first: the lane runs due timers before anything else reads ServiceNow.
        this.revokeLoopDone = this.revokeLoop()
        await this.resume()
        this.loopDone = this.loop()
    }

    /**
     * A nudge (the signed nudge endpoint calls this): poll now. The first nudge wakes the loop at once; further ones
     * within NUDGE_MIN_POLL_GAP_MS (250 ms) of it are coalesced into one wake-up at the end of that gap, so however
     * many arrive they cost at most 4 extra polls a second. A nudge during a round gets one more round after it (the
     * action may have been queued after that round's read). A nudge grants nothing: the round reads the queue and
     * every action passes the gate as at any poll.
     */
    nudge(): void {
        if (this.stopping || this.nudgeScheduled) return
        const now = this.core.clock.now().getTime()
        const wait = this.lastNudgeWakeMs + NUDGE_MIN_POLL_GAP_MS - now
        if (wait <= 0) {
            this.lastNudgeWakeMs = now
            this.wake.abort()
            return
        }
        this.nudgeScheduled = true
        this.wakeAfter(wait, () => {
            this.nudgeScheduled = false
            this.lastNudgeWakeMs = this.core.clock.now().getTime()
        })
    }

    /** Wake the loop `wait` ms from now (not once stopping); `settle` runs first either way. */
    private wakeAfter(wait: number, settle: () => void): void {
        this.core.clock.sleep(wait, this.nudgeCancel.signal).then(() => {
            settle()
            if (!this.stopping) this.wake.abort()
        }, settle)
    }

    /**
     * A slot freed while ready actions were left over: a round now, or — within REFILL_MIN_GAP_MS of the last one —
     * at that gap's end. (Before 2026-12-03 a slot freed inside the gap was dropped, and the backlog waited for the
     * next poll: runs shorter than the gap, or a round taken up by another replica's claims, stalled a burst.)
     */
    private refillSoon(): void {
        if (this.stopping || this.refillScheduled) return
        const wait = this.lastRoundAtMs + REFILL_MIN_GAP_MS - this.core.clock.now().getTime()
        if (wait <= 0) {
            this.wake.abort()
            return
        }
        this.refillScheduled = true
        this.wakeAfter(wait, () => {
            this.refillScheduled = false
        })
    }

    /**
     * Stop. Default: stop claiming, let in-flight runs finish, deliver the outbox once. With `force`: abort the
     * runs at once (their journal step stays; leases expire; the next start resumes).
     */
    async stop(options: StopOptions = {}): Promise<void> {
        this.stopping = true
        const forced = options.force === true
        if (forced) this.forceAbort.abort(new Error('forced shutdown'))
        this.nudgeCancel.abort()
        this.wake.abort()
        this.revokeWake.abort()
        if (this.loopDone) await this.loopDone
        if (this.revokeLoopDone) await this.revokeLoopDone
        if (!forced) {
            if (this.ticking) await this.ticking
            await this.idle()
            await this.core.writeBack.flush()
        }
        this.events.emit('worker:stopped', { instance: this.options.instance, forced })
    }

    /** Resolve once no run is in flight, nor a write-back a run left under way (revokes do not wait for theirs). */
    async idle(): Promise<void> {
        while (this.inFlight.size > 0) {
            await Promise.allSettled([...this.inFlight.values()])
        }
        await this.core.writeBack.idle()
    }

    /** Deliver the outbox now (also part of every round). */
    flushOutbox(): ReturnType<WriteBack['flush']> {
        return this.core.writeBack.flush()
    }

    private async loop(): Promise<void> {
        while (!this.stopping) {
            await this.tick()
            if (this.stopping) break
            const wake = this.wake
            try {
                await this.core.clock.sleep(this.nextDelay(), wake.signal)
            } catch {
                // nudged or stopping
            }
            if (wake.signal.aborted) this.wake = new AbortController()
        }
    }

    /**
     * Sleep until the next poll, or earlier when a write-back retry falls due sooner (revoke timers have their own
     * lane). Only future instants count.
     */
    private nextDelay(): number {
        const now = this.core.clock.now().getTime()
        let delay = this.options.pollIntervalMs
        // The last poll returned a full page of ready actions and slots are free: the rest now, not at the next poll.
        if (this.moreReady && this.slotsInUse() < this.options.maxInFlight) delay = REFILL_MIN_GAP_MS
        const outbox = this.core.journal.nextOutboxAttempt()
        if (outbox && outbox.getTime() > now) delay = Math.min(delay, outbox.getTime() - now)
        return Math.max(delay, 1)
    }

    /** The revoke lane: due timers at once, then sleep until the next one (at most a poll interval). */
    private async revokeLoop(): Promise<void> {
        const { clock, journal, logger } = this.core
        while (!this.stopping) {
            let waiting = false
            try {
                waiting = this.fireDueTimers().waiting > 0
            } catch (error) {
                logger.error('revoke lane failed', { error: errorText(error) })
            }
            if (this.stopping) break
            const now = clock.now().getTime()
            let delay = this.options.pollIntervalMs
            const next = journal.nextTimerDue(new Date(now))
            if (next) delay = Math.min(delay, next.getTime() - now)
            // Due timers held back (grant busy, lane full, queue revoke elsewhere): look again soon.
            if (waiting) delay = Math.min(delay, 250)
            const wake = this.revokeWake
            try {
                await clock.sleep(Math.max(delay, 1), wake.signal)
            } catch {
                // woken or stopping
            }
            if (wake.signal.aborted) this.revokeWake = new AbortController()
        }
        await Promise.allSettled([...this.timerTasks])
    }

    /** Grant / verify runs in flight (the K slots). */
    private slotsInUse(): number {
        return this.inFlight.size - this.revokeRuns.size
    }

    /** One round. Calls while a round runs join it (the loop never runs concurrently with itself). */
    tick(): Promise<TickReport> {
        if (this.ticking) return this.ticking
        this.ticking = this.round().finally(() => {
            this.ticking = null
        })
        return this.ticking
    }

    private async round(): Promise<TickReport> {
        const report: TickReport = { swept: 0, ready: 0, claimed: 0, skipped: 0, timersFired: 0, pollOk: true }
        const { gateway, clock, events, logger } = this.core
        this.lastRoundAtMs = clock.now().getTime()
        this.moreReady = false // set again by this round's claim pass when its poll page was full
        if (!this.stopping) {
            const running = (id: string) => this.inFlight.has(id)
            let polled: { ready: QueueAction[]; expired: QueueAction[] } | undefined
            if (gateway.listPollActions) {
                // One read per poll: lapsed leases and ready actions together.
                try {
                    polled = await gateway.listPollActions(clock.now(), this.options.batchSize)
                } catch (error) {
                    logger.warn('listing actions failed', { error: errorText(error) })
                }
                if (polled) {
                    // Released now, claimable in this same round (as when the sweep ran before the ready read).
                    const released: QueueAction[] = []
                    report.swept = await this.leases.sweep(this.options.batchSize, running, polled.expired, released)
                    if (released.length > 0) polled.ready = [...polled.ready, ...released].sort(queueOrder)
                }
            } else report.swept = await this.leases.sweep(this.options.batchSize, running)
            try {
                if (gateway.listPollActions && !polled) throw new Error('the poll read failed')
                await this.claimReady(report, polled?.ready)
            } catch (error) {
                report.pollOk = false
                logger.warn('poll failed', { error: errorText(error) })
                events.emit('worker:error', { stage: 'poll', error: errorText(error) })
            }
            this.lastPollOk = report.pollOk
            // The lane runs due timers as they fall due; a round also looks (a tick driven by hand, or ServiceNow
            // trouble just seen: due timers may now revoke locally).
            report.timersFired = this.fireDueTimers().taken
            await Promise.allSettled([...this.timerTasks])
            if (report.pollOk) await this.checkAuditChains()
        }
        // Write-backs due for a retry; runs deliver their own, and the round does not wait behind them.
        await this.core.writeBack.flush({ join: this.stopping })
        if (!this.stopping) this.compactJournal()
        if (report.claimed > 0) this.claimedSinceHeartbeat = true
        const nowMs = clock.now().getTime()
        if (nowMs - this.lastHeartbeatMs >= this.options.heartbeatIntervalMs || this.stopping) {
            try {
                const o = this.options
                await gateway.heartbeat(o.instance, o.host, o.version, clock.now(), this.claimedSinceHeartbeat)
                this.lastHeartbeatMs = nowMs
                this.claimedSinceHeartbeat = false
            } catch (error) {
                logger.warn('heartbeat failed', { error: errorText(error) })
            }
        }
        events.emit('worker:polled', {
            at: clock.now(),
            ready: report.ready,
            claimed: report.claimed,
            ok: report.pollOk,
        })
        return report
    }

    private async claimReady(report: TickReport, listed?: QueueAction[]): Promise<void> {
        const { gateway, clock } = this.core
        this.backlogged = false
        const ready = listed ?? (await gateway.listReadyActions(clock.now(), this.options.batchSize))
        report.ready = ready.length
        // Grants are claimed in parallel (each its ordering read and claim), a grant's own actions in queue order.
        const byGrant = new Map<string, QueueAction[]>()
        for (const action of ready) {
            const list = byGrant.get(action.grantSysId)
            if (list) list.push(action)
            else byGrant.set(action.grantSysId, [action])
        }
        const reserved = { slots: 0, revokes: 0 }
        // Grants in priority order, then by age with a per-replica jitter (spreadOrder): replicas reading the same
        // page start on different grants instead of racing for the same oldest ones.
        let groups = spreadOrder([...byGrant.values()], this.options.instance)
        let launchedAny = false
        // Claims lost to another executor free their reservation: the grants left for want of a slot get another
        // pass (a few at most), as the serial loop went on down the list.
        for (let pass = 0; pass < 4 && groups.length > 0 && !this.stopping; pass++) {
            const outcomes = await Promise.all(groups.map((actions) => this.claimForGrant(actions, report, reserved)))
            const launched = outcomes.filter((o) => o === 'launched').length
            if (launched > 0) launchedAny = true
            const left = groups.filter((_, i) => outcomes[i] === 'capacity')
            if (left.length === groups.length || launched === groups.length - left.length) break
            groups = left
        }
        // A full page (the poll reads at most batchSize ready actions): more may be waiting. Free slots take them at the
        // next round, REFILL_MIN_GAP_MS away (nextDelay); once the slots are full, a freed slot does (backlogged).
        // Before: the rest waited for the next poll, so a burst went through batchSize actions per poll interval.
        // Not when the round launched nothing: then every claim was lost or held back (another replica is working
        // the same page, or the grants are busy), and hurrying would only race it for the same actions again (each
        // lost claim costs a call and the instance its batched reads); the next poll comes soon enough. A round
        // that launched some work refills even if it lost a few claims — before 2026-12-03 any lost claim stopped
        // the refill, so two replicas on one burst each waited for the next poll and together went slower than one.
        this.moreReady = ready.length >= this.options.batchSize && launchedAny && !this.stopping
        if (this.moreReady) this.backlogged = true
    }

    /** Claim the first runnable action of one grant (its list in queue order), within K / the revoke lane's bound. */
    private async claimForGrant(
        actions: QueueAction[],
        report: TickReport,
        reserved: { slots: number; revokes: number },
    ): Promise<'launched' | 'capacity' | 'none'> {
        const { gateway, events } = this.core
        let open: QueueAction[] | undefined
        let capacity = false
        for (const action of actions) {
            if (this.stopping) return 'none'
            // Revokes never wait for a grant slot (their lane has its own bound); grants and verifies use K.
            const lane = action.type === 'revoke' ? 'revokes' : 'slots'
            const inUse = lane === 'slots' ? this.slotsInUse() : this.revokeRuns.size
            const bound = lane === 'slots' ? this.options.maxInFlight : this.options.revokeMaxInFlight
            if (inUse + reserved[lane] >= bound) {
                if (lane === 'slots') this.backlogged = true
                capacity = true
                continue
            }
            const r = { actionSysId: action.sysId, grantSysId: action.grantSysId, type: action.type }
            if (this.inFlight.has(action.sysId)) continue
            // The revoke lane takes the queue revoke of a grant whose journal timer is due (with its budget).
            if (lane === 'revokes' && this.laneTakes(action)) continue
            if (this.busyGrants.has(action.grantSysId)) {
                report.skipped++
                events.emit('action:skipped', { ...r, reason: 'grant_busy' })
                continue
            }
            reserved[lane]++
            try {
                // A malformed row is never run (it is marked dead), so the grant's order does not hold it back.
                if (!action.malformed && isSysId(action.grantSysId)) {
                    open ??= await gateway.listOpenActionsForGrant(action.grantSysId)
                    // …nor does it hold back the grant's good actions behind it.
                    const ahead = (o: QueueAction) =>
                        o.sysId !== action.sysId && !o.malformed && OPEN_STATES.includes(o.state) && before(o, action)
                    if (open.some(ahead)) {
                        report.skipped++
                        events.emit('action:skipped', { ...r, reason: 'ordering' })
                        continue
                    }
                }
                // Taken meanwhile (the revoke lane, or a run of the same grant launched during the reads).
                if (this.inFlight.has(action.sysId) || this.busyGrants.has(action.grantSysId)) continue
                const claimed = await this.leases.claim(action)
                if (!claimed) continue
                if (this.inFlight.has(claimed.sysId)) return 'none'
                report.claimed++
                this.launch(claimed, false)
                // One run per grant at a time: the grant's later actions wait for a later round.
                return 'launched'
            } finally {
                reserved[lane]--
            }
        }
        return capacity ? 'capacity' : 'none'
    }

    /** True when this executor's journal timer of the revoke's grant is due: the revoke lane takes it. */
    private laneTakes(action: QueueAction): boolean {
        const timer = this.core.journal.timer(action.grantSysId)
        return timer !== undefined && timer.dueAt <= this.core.clock.now()
    }

    /** Start a run in the background (bounded by K), holding the grant busy and renewing the lease. */
    private launch(action: QueueAction, resumed: boolean, local = false, revokeBy?: Date): void {
        const signal = this.forceAbort.signal
        const ctx: RunContext = { core: this.core, action, local, signal, ...(revokeBy ? { revokeBy } : {}) }
        const revoke = action.type === 'revoke'
        if (revoke) this.revokeRuns.add(action.sysId)
        this.busyGrants.add(action.grantSysId)
        const run = (async () => {
            const renewal = local ? null : this.leases.hold(action)
            try {
                await this.dispatch(ctx, resumed)
            } catch (error) {
                // A bug in a handler (or a journal conflict): loud, and the action is left to its lease / resume.
                this.core.logger.error('action run failed', {
                    action: action.sysId,
                    type: action.type,
                    error: errorText(error),
                })
                this.events.emit('worker:error', { stage: `run ${action.type}`, error: errorText(error) })
            } finally {
                if (renewal) renewal.stop()
                this.busyGrants.delete(action.grantSysId)
                this.inFlight.delete(action.sysId)
                this.revokeRuns.delete(action.sysId)
                // The run may have armed a revoke timer (a grant went active): the lane looks at its next due time.
                this.revokeWake.abort()
                // A freed slot with ready actions left over: claim them now, not at the next poll.
                // (at most one such round per REFILL_MIN_GAP_MS: each reads the due queue)
                if (!revoke && this.backlogged && !this.stopping) {
                    this.backlogged = false
                    this.refillSoon()
                }
            }
        })()
        this.inFlight.set(action.sysId, run)
    }

    private async dispatch(ctx: RunContext, resumed: boolean): Promise<void> {
        const a = ctx.action
        if (resumed)
            this.events.emit('action:resumed', { ...ref(ctx), step: this.core.journal.get(a.sysId)?.step ?? '' })
        const malformed = this.malformedReason(a)
        if (malformed) return this.rejectMalformed(ctx, malformed)
        switch (a.type) {
            case 'grant':
                return runGrant(ctx)
            case 'revoke':
                return runRevoke(ctx)
            case 'verify':
                return runVerify(ctx)
        }
    }

    private malformedReason(a: QueueAction): string {
        if (a.malformed) return a.malformed
        if (!(ACTION_TYPES as readonly string[]).includes(a.type)) return `unknown action type "${String(a.type)}"`
        if (!isSysId(a.grantSysId)) return 'the action references no valid grant'
        if (a.result) {
            try {
                JSON.parse(a.result)
            } catch {
                return 'the action result is not valid JSON'
            }
        }
        return ''
    }

    /** A queue record that cannot be trusted: dead, with the reason on the action (and the grant). No provider call. */
    private async rejectMalformed(ctx: RunContext, reason: string): Promise<void> {
        const a = ctx.action
        const row = this.core.journal.begin({
            actionId: a.sysId,
            grantId: a.grantSysId,
            type: String(a.type),
            attempts: a.attempts,
        })
        if (row.step !== 'claimed' && row.step !== 'retry_wait') return
        const text = `Rejected malformed action: ${reason}`
        // Where a person sees it: the grant's ticket (best effort: the grant may be unreadable too).
        let ritm = ''
        if (isSysId(a.grantSysId)) {
            try {
                ritm = (await this.core.gateway.getGrant(a.grantSysId)).ritm
            } catch {
                ritm = ''
            }
        }
        const number = a.number || a.sysId
        return finishAction(ctx, {
            kind: 'dead',
            error: text,
            items: isSysId(a.grantSysId)
                ? [
                      outboxItem.grantPatch(a.grantSysId, { lastError: text }, a.sysId),
                      ...ritmNoteItems(ctx, ritm, `Queue action ${number} was not run and is dead: ${text}.`),
                      auditItem(ctx, 'action_rejected', { reason }),
                  ]
                : [],
            from: row.step,
            detail: 'malformed',
        })
    }

    /** Called by the outbox when every item of an action is delivered: `written_back` → `done`. */
    private settle(actionId: string): void {
        const row = this.core.journal.get(actionId)
        if (!row || row.step !== 'written_back') return
        this.core.journal.transition(actionId, 'written_back', 'done', {}, 'write-back delivered')
        this.events.emit('action:done', { actionSysId: actionId, grantSysId: row.grantId, type: row.type })
    }

    // ── resume ───────────────────────────────────────────────────────────────────────────────────────────────

    /**
     * Continue every action the journal has not finished. Actions that had a call or a write-back under way, and
     * claimed revokes, are taken back (their lease renewed, or re-claimed once it lapsed) and run from their
     * step. Other `claimed` and all `retry_wait` actions made no call: the queue brings them back.
     */
    async resume(): Promise<void> {
        const { journal, gateway, clock, logger } = this.core
        for (const row of journal.unfinished()) {
            if (row.actionId.startsWith(LOCAL_REVOKE_PREFIX)) {
                // A local timer revoke: its timer is still armed (re-armed now when it was mid-call).
                if (row.step === 'calling' || row.step === 'claimed') journal.armTimer(row.grantId, clock.now())
                if (row.step === 'provider_done' || row.step === 'written_back')
                    this.launch(syntheticRevoke(row), true, true)
                continue
            }
            if (row.step === 'retry_wait') continue
            // A claimed grant or verify made no call: the queue brings it back once our lease lapses. A claimed
            // REVOKE is taken back now: waiting out the lease (120 s by default) would leave access in place past
            // its expiry just because the executor restarted.
            if (row.step === 'claimed' && row.type !== 'revoke') continue
            if (this.inFlight.has(row.actionId)) continue
            let action: QueueAction
            try {
                action = await gateway.getAction(row.actionId)
            } catch (error) {
                // ServiceNow unreachable: the outbox keeps the write-backs; the queue brings the action back later.
                logger.warn('resume: cannot read action', {
                    action: row.actionId,
                    step: row.step,
                    error: errorText(error),
                })
                continue
            }
            const taken = await this.leases.retake(action)
            if (taken) this.launch(taken, true)
        }
    }

    // ── local revoke timers ──────────────────────────────────────────────────────────────────────────────────

    /**
     * Every `auditCheckIntervalMs`, check the audit chain of each grant this executor holds active (an armed revoke
     * timer) against its journal anchor, so a deleted tail or a rewritten chain is reported even when no event is
     * appended. A break found is reported by the write-back (WriteBack.checkAuditChains); access is never touched.
     */
    private async checkAuditChains(): Promise<void> {
        if (this.auditCursor === null) {
            const now = this.core.clock.now().getTime()
            if (now - this.lastAuditCheckMs < this.options.auditCheckIntervalMs) return
            this.lastAuditCheckMs = now
            this.auditCursor = ''
        }
        // A page per round (AUDIT_CHECK_BATCH grants), never every timer row: a round's work stays bounded
        // whatever the number of active grants, and the pass goes on in the next rounds.
        const grants = this.core.journal.timerGrantsAfter(this.auditCursor, AUDIT_CHECK_BATCH)
        this.auditCursor = grants.length < AUDIT_CHECK_BATCH ? null : grants[grants.length - 1]!
        if (grants.length > 0) await this.core.writeBack.checkAuditChains(grants)
    }

    /**
     * Journal retention (journal/retention.ts): every `compactIntervalMs` (and in the following rounds while a
     * pass left work), compact the history of grants settled for longer than `journalRetentionMs`. Bounded per
     * round; a failure is logged and retried at the next interval (nothing depends on it but disk space).
     */
    private compactJournal(): void {
        const { clock, journal, logger } = this.core
        const now = clock.now().getTime()
        if (!this.compactBacklog && now - this.lastCompactMs < this.options.compactIntervalMs) return
        this.lastCompactMs = now
        try {
            const report = journal.compact(new Date(now - this.options.journalRetentionMs), COMPACT_MAX_GRANTS)
            this.compactBacklog = report.more
            if (report.grants > 0)
                logger.info('journal compacted', {
                    event: 'journal:compacted',
                    grants: report.grants,
                    kept: report.kept,
                    historyRows: report.historyRows,
                    outboxRows: report.outboxRows,
                    more: report.more,
                })
        } catch (error) {
            this.compactBacklog = false
            logger.error('journal compaction failed; retried at the next interval', { error: errorText(error) })
        }
    }

    /**
     * Due revoke timers (the revoke lane; a round looks too). A due timer claims the grant's ServiceNow revoke action and runs it at
     * once; with ServiceNow not answering (or no revoke action recorded yet) it revokes from the journal at once:
     * access never outlives its expiry because ServiceNow is slow or down, and the write-back catches up later.
     * Only a revoke action another executor holds is waited for, at most `localRevokeGraceMs`. Returns the due
     * timers left waiting.
     */
    private fireDueTimers(): { taken: number; waiting: number } {
        const { journal, clock } = this.core
        const now = clock.now()
        let waiting = 0
        let taken = 0
        for (const grantId of this.retryWaits.keys()) if (!journal.timer(grantId)) this.retryWaits.delete(grantId)
        for (const timer of journal.timers(now)) {
            if (this.stopping) break
            if (this.busyGrants.has(timer.grantId) || this.revokeRuns.size >= this.options.revokeMaxInFlight) {
                waiting++
                continue
            }
            const since = this.heldElsewhere.get(timer.grantId)
            if (since !== undefined && now.getTime() - since < this.options.localRevokeGraceMs) {
                waiting++
                continue
            }
            this.busyGrants.add(timer.grantId)
            const task = this.takeTimer(timer, since !== undefined).finally(() => {
                this.timerTasks.delete(task)
            })
            this.timerTasks.add(task)
            taken++
        }
        return { taken, waiting }
    }

    /** Decide and launch one due timer's revoke: the queue revoke claimed now, else a local revoke. */
    private async takeTimer(timer: RevokeTimer, graceOver: boolean): Promise<void> {
        const { journal, clock, gateway, events, logger } = this.core
        const grantId = timer.grantId
        let launch: (() => void) | undefined
        try {
            const row = journal.get(localRevokeId(grantId))
            if (row && ['provider_done', 'written_back', 'done'].includes(row.step)) {
                journal.disarmTimer(grantId)
                return
            }
            if (!journal.grantRecord(grantId)) {
                logger.error('timer: no journaled grant to revoke', { grant: grantId })
                journal.disarmTimer(grantId)
                return
            }
            // The provider call is due by this instant, whatever ServiceNow does (its grant read shares the budget).
            const revokeBy = new Date(
                Math.max(timer.dueAt.getTime(), clock.now().getTime()) + this.options.revokeServiceNowWaitMs,
            )
            if (timer.revokeActionId && this.lastPollOk && !graceOver) {
                let outcome: QueueAction | 'lost' | 'failed' | 'closed' | 'slow' | { later: Date } = 'failed'
                const revokeActionId = timer.revokeActionId
                const decide = async (): Promise<QueueAction | 'lost' | 'failed' | 'closed' | { later: Date }> => {
                    const queued = await gateway.getAction(revokeActionId)
                    if (queued.state === 'ready') {
                        const now = clock.now().getTime()
                        // The grant was extended (shared extend.ts): its scheduled revoke now falls due later.
                        if (queued.attempts < 1 && queued.notBefore && queued.notBefore.getTime() > now)
                            return { later: queued.notBefore }
                        // A failed revoke's retry waits for the backoff its run wrote, as the poll does (claiming it
                        // at once, with every run's end waking this lane, retried a failing revoke in a loop with no
                        // wait: docs/simulation.md finding 9) — bounded, and once per attempt.
                        const due = retryDueAt(queued, now, this.options.revokeBackoff.maxMs)
                        const waited = this.retryWaits.get(grantId)
                        const over = waited !== undefined && waited.attempts === queued.attempts && now >= waited.until
                        if (due > 0 && !over) {
                            this.retryWaits.set(grantId, { attempts: queued.attempts, until: due })
                            return { later: new Date(due) }
                        }
                        this.retryWaits.delete(grantId)
                        return this.leases.tryClaim(queued)
                    }
                    // Claimed: another executor runs it (or our previous process: resume takes it back).
                    if (queued.state === 'claimed') return 'lost'
                    return 'closed'
                }
                // ServiceNow has until the revoke's deadline to hand over the queue revoke; a slower answer (429
                // storm, in-call retries) does not hold the revoke: it runs from the journal, the write-back catches up.
                const stop = new AbortController()
                try {
                    outcome = await Promise.race([
                        decide(),
                        clock.sleep(Math.max(0, revokeBy.getTime() - clock.now().getTime()), stop.signal).then(
                            () => 'slow' as const,
                            () => 'slow' as const,
                        ),
                    ])
                } catch (error) {
                    logger.warn('timer: cannot read the revoke action; revoking locally', {
                        grant: grantId,
                        error: errorText(error),
                    })
                } finally {
                    stop.abort()
                }
                if (typeof outcome === 'object' && 'later' in outcome) {
                    this.heldElsewhere.delete(grantId)
                    journal.armTimer(grantId, outcome.later)
                    this.revokeWake.abort() // the lane's next wake-up is this timer's new due time
                    return
                }
                if (typeof outcome === 'object') {
                    this.heldElsewhere.delete(grantId)
                    events.emit('timer:fired', { grantSysId: grantId, dueAt: timer.dueAt, local: false })
                    launch = () => this.launch(outcome as QueueAction, false, false, revokeBy)
                    return
                }
                if (outcome === 'lost') {
                    // Another executor runs it; revoke ourselves only if it has not within the grace.
                    if (!this.heldElsewhere.has(grantId)) this.heldElsewhere.set(grantId, clock.now().getTime())
                    return
                }
                if (outcome === 'closed') {
                    const grant = await gateway.getGrant(grantId).catch(() => undefined)
                    if (grant?.state === 'revoked') {
                        journal.disarmTimer(grantId)
                        return
                    }
                }
            }
            this.heldElsewhere.delete(grantId)
            const now = clock.now()
            const overdue = now.getTime() - timer.dueAt.getTime()
            events.emit('timer:fired', { grantSysId: grantId, dueAt: timer.dueAt, local: true })
            logger.warn('revoking from the local timer', {
                grant: grantId,
                overdueMs: overdue,
                serviceNowOk: this.lastPollOk,
            })
            // Keep it from firing again while the run is under way; the run re-arms it on failure.
            journal.armTimer(grantId, new Date(now.getTime() + this.options.leaseMs))
            launch = () =>
                this.launch(
                    syntheticRevoke({ actionId: localRevokeId(grantId), grantId, attempts: (row?.attempts ?? 0) + 1 }),
                    false,
                    true,
                )
        } finally {
            this.busyGrants.delete(grantId)
            if (launch && !this.stopping) launch()
        }
    }
}

/**
 * When a due timer may claim its `ready` queue revoke once a run tried it (`attempts` > 0): 0 for now, else the
 * epoch ms to wait for — its `not_before`, the backoff that run wrote, while still ahead, and never longer than the
 * longest revoke backoff from now (only an active grant is extended, so a retry's `not_before` moved far ahead is
 * no extension: it does not hold a revoke for ever). 0 for a revoke never tried (an extension moves its
 * `not_before`: the caller honours that).
 */
export function retryDueAt(action: QueueAction, nowMs: number, maxBackoffMs: number): number {
    if (action.attempts < 1 || action.notBefore === null) return 0
    const notBefore = action.notBefore.getTime()
    return notBefore > nowMs ? Math.min(notBefore, nowMs + maxBackoffMs) : 0
}

/** Queue order: priority, then creation, then sys_id. */
/**
 * The order a replica tries the grants of one poll page in: by the priority of each grant's first action, then by its
 * queue time plus a jitter of up to SPREAD_WINDOW_MS drawn from a hash of (this replica's name, grant) — the same
 * every round for a replica, different between replicas. Replicas reading the same page (a burst queued within the
 * window) start on different grants instead of racing for the same oldest ones, and no action is ever overtaken by
 * one queued more than the window after it (a bounded wait, unlike a pure hash order: a grant whose hash ranked last
 * could wait out a whole burst). Each grant's own actions keep their strict order (`before`).
 */
export function spreadOrder(groups: QueueAction[][], instance: string): QueueAction[][] {
    const keyed = groups.map((actions) => {
        const first = actions[0]!
        const jitter = fnv1a(`${instance}\u0000${first.grantSysId}`) % SPREAD_WINDOW_MS
        return { actions, priority: first.priority, key: first.createdOn.getTime() + jitter }
    })
    keyed.sort((a, b) => a.priority - b.priority || a.key - b.key)
    return keyed.map((k) => k.actions)
}

/** 32-bit FNV-1a of a string (a spreading hash, not a security one). */
function fnv1a(text: string): number {
    let h = 0x811c9dc5
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i)
        h = Math.imul(h, 0x01000193)
    }
    return h >>> 0
}

function queueOrder(a: QueueAction, b: QueueAction): number {
    return before(a, b) ? -1 : before(b, a) ? 1 : 0
}

/** Strict per-grant order: priority, then creation, then sys_id. */
function before(a: QueueAction, b: QueueAction): boolean {
    if (a.priority !== b.priority) return a.priority < b.priority
    const ca = a.createdOn.getTime()
    const cb = b.createdOn.getTime()
    if (ca !== cb) return ca < cb
    return a.sysId < b.sysId
}

/** A queue-shaped stand-in for a local timer revoke (no ServiceNow action behind it). */
function syntheticRevoke(row: Pick<JournalAction, 'actionId' | 'grantId' | 'attempts'>): QueueAction {
    return {
        sysId: row.actionId,
        number: '',
        grantSysId: row.grantId,
        type: 'revoke',
        state: 'claimed',
        priority: 1,
        notBefore: null,
        attempts: row.attempts,
        maxAttempts: 0,
        leaseOwner: '',
        leaseUntil: null,
        idempotencyKey: row.actionId,
        reason: 'local revoke timer',
        lastError: '',
        result: '',
        createdOn: new Date(0),
    }
}
