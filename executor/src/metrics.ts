/**
 * Prometheus metrics of the executor, on their own registry (never prom-client's global one, so tests and
 * several executors in one process do not share counters). Everything else calls the typed methods of
 * {@link Metrics}; label values are enumerated by their callers (action types, table names, provider names,
 * error kinds) so no free text can explode cardinality.
 *
 * Names (what the README, the alert rules in deploy/prometheus and the dashboard in deploy/grafana rely on):
 * - `gbg_*`: the executor's own metrics, listed in {@link METRIC_NAMES}.
 * - Node's default process metrics under their standard names (`process_cpu_user_seconds_total`,
 *   `nodejs_eventloop_lag_seconds`, `nodejs_heap_size_used_bytes`…), without a prefix, so stock Node.js
 *   dashboards match.
 * - `gbg_build_info{version,commit} 1`: which build runs.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { ACTION_TYPES, type ActionType } from '@gbg/shared'
import { buildInfo, type BuildInfo } from './build-info'

/** How one action attempt ended. */
export type ActionOutcome = 'done' | 'retry' | 'failed' | 'dead' | 'halted' | 'lost_claim' | 'unknown_outcome'

/** Outcome of one ServiceNow HTTP call: `ok` (2xx) or the client's error kind (retryable, fatal, not_found…). */
export type CallOutcome = 'ok' | 'retryable' | 'fatal' | 'lost_claim' | 'not_found' | 'unauthorized'

/** Outcome of one Teams send: `ok`, or the notifier's error kind. */
export type TeamsOutcome = 'ok' | 'retryable' | 'fatal'

/** One readiness / liveness check as the `gbg_ready` / `gbg_live` gauges report it. */
export interface CheckStates {
    [check: string]: boolean
}

/** Options of {@link Metrics}. */
export interface MetricsOptions {
    /** Also collect Node's default process metrics (CPU, memory, event loop lag). @defaultValue true */
    defaultMetrics?: boolean
    /** Constant labels on every metric (e.g. `{ instance: 'exec-1' }`). */
    labels?: Record<string, string>
    /** The build reported by `gbg_build_info`. @defaultValue buildInfo() */
    build?: BuildInfo
}

/** Every `gbg_` metric the executor exports (histograms by their base name). */
export const METRIC_NAMES = [
    'gbg_build_info',
    'gbg_actions_total',
    'gbg_provider_call_duration_seconds',
    'gbg_servicenow_call_duration_seconds',
    'gbg_teams_notifications_total',
    'gbg_active_grants',
    'gbg_drift_holders',
    'gbg_overdue_revokes',
    'gbg_writeback_backlog',
    'gbg_writeback_bound_exceeded_total',
    'gbg_lease_lost_total',
    'gbg_incidents_raised_total',
    'gbg_live',
    'gbg_ready',
] as const

// Provider and ServiceNow calls: tens of ms normally, seconds when a system is slow; timeouts around 10-30 s.
const CALL_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

/** Outcomes counted from zero for every action type, so `increase()` sees the first one. */
const ZERO_ACTION_OUTCOMES: readonly ActionOutcome[] = ['done', 'retry', 'failed', 'dead', 'halted']
/** Teams card kinds and outcomes counted from zero (a new kind is still counted, from its first send). */
const ZERO_TEAMS_KINDS = ['granted', 'warning', 'revoked', 'failure']
const ZERO_TEAMS_OUTCOMES: readonly TeamsOutcome[] = ['ok', 'retryable', 'fatal']
/** Provider operations and outcomes observed from zero for every enabled provider (see {@link Metrics.initProvider}). */
const ZERO_PROVIDER_OPERATIONS = ['grant', 'revoke', 'verify']
const ZERO_PROVIDER_OUTCOMES = ['ok', 'retryable', 'fatal']

/** The executor's metrics. */
export class Metrics {
    /** The registry `/metrics` renders. */
    readonly registry: Registry
    private readonly actions: Counter<'type' | 'outcome'>
    private readonly providerCalls: Histogram<'provider' | 'operation' | 'outcome'>
    private readonly serviceNowCalls: Histogram<'method' | 'table' | 'outcome'>
    private readonly teamsSends: Counter<'kind' | 'outcome'>
    private readonly activeGrants: Gauge
    private readonly driftHolders: Gauge
    private readonly overdueRevokes: Gauge
    private readonly writeBackBacklog: Gauge
    private readonly writeBackBoundExceeded: Counter
    private readonly leaseLost: Counter
    private readonly incidentsRaised: Counter<'priority'>
    private readonly live: Gauge<'check'>
    private readonly ready: Gauge<'check'>
    private liveSource: (() => CheckStates) | undefined
    private readySource: (() => Promise<CheckStates>) | undefined

    constructor(options: MetricsOptions = {}) {
        this.registry = new Registry()
        if (options.labels) this.registry.setDefaultLabels(options.labels)
        // Standard names (no prefix): stock Node.js dashboards and alerts match them.
        if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry })
        const registers = [this.registry]
        const build = options.build ?? buildInfo()
        const buildGauge = new Gauge({
            name: 'gbg_build_info',
            help: 'The executor build running: always 1, with the version and git commit as labels.',
            labelNames: ['version', 'commit'],
            registers,
        })
        buildGauge.set({ version: build.version, commit: build.commit }, 1)
        this.actions = new Counter({
            name: 'gbg_actions_total',
            help: 'Executor action attempts by action type and outcome.',
            labelNames: ['type', 'outcome'],
            registers,
        })
        for (const type of ACTION_TYPES)
            for (const outcome of ZERO_ACTION_OUTCOMES) this.actions.inc({ type, outcome }, 0)
        this.providerCalls = new Histogram({
            name: 'gbg_provider_call_duration_seconds',
            help: 'Latency of calls to grant providers (grant, revoke, verify, health), by provider, operation and outcome (ok or the error kind).',
            labelNames: ['provider', 'operation', 'outcome'],
            buckets: CALL_BUCKETS,
            registers,
        })
        this.serviceNowCalls = new Histogram({
            name: 'gbg_servicenow_call_duration_seconds',
            help: 'Latency of every ServiceNow HTTP call (Table API, Attachment API, OAuth token), by method, table and outcome (ok or the error kind).',
            labelNames: ['method', 'table', 'outcome'],
            buckets: CALL_BUCKETS,
            registers,
        })
        this.teamsSends = new Counter({
            name: 'gbg_teams_notifications_total',
            help: 'Teams notifications sent, by card kind and outcome (ok, retryable, fatal).',
            labelNames: ['kind', 'outcome'],
            registers,
        })
        for (const kind of ZERO_TEAMS_KINDS)
            for (const outcome of ZERO_TEAMS_OUTCOMES) this.teamsSends.inc({ kind, outcome }, 0)
        this.driftHolders = new Gauge({
            name: 'gbg_drift_holders',
            help: 'Entra role / group holders without an active grant at the last drift scan (should be zero).',
            registers,
        })
        this.activeGrants = new Gauge({
            name: 'gbg_active_grants',
            help: 'Grants currently active (access exists at a provider).',
            registers,
        })
        this.overdueRevokes = new Gauge({
            name: 'gbg_overdue_revokes',
            help: 'Grants past their expiry whose revoke is not yet confirmed (must be zero).',
            registers,
        })
        this.writeBackBacklog = new Gauge({
            name: 'gbg_writeback_backlog',
            help: 'Results waiting in the journal to be written back to ServiceNow.',
            registers,
        })
        this.writeBackBoundExceeded = new Counter({
            name: 'gbg_writeback_bound_exceeded_total',
            help: 'Times a write-back stayed pending past its bound and the ops channel was notified.',
            registers,
        })
        this.leaseLost = new Counter({
            name: 'gbg_lease_lost_total',
            help: 'Claims refused or leases lost to another executor.',
            registers,
        })
        this.incidentsRaised = new Counter({
            name: 'gbg_incidents_raised_total',
            help: 'Incidents raised for SecOps, by priority.',
            labelNames: ['priority'],
            registers,
        })
        for (const priority of ['1', '2']) this.incidentsRaised.inc({ priority }, 0)
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const self = this
        this.live = new Gauge({
            name: 'gbg_live',
            help: 'Liveness checks of /healthz at scrape time, by check (1 = passing).',
            labelNames: ['check'],
            registers,
            collect() {
                if (!self.liveSource) return
                this.reset()
                for (const [check, ok] of Object.entries(self.liveSource())) this.set({ check }, ok ? 1 : 0)
            },
        })
        this.ready = new Gauge({
            name: 'gbg_ready',
            help: 'Readiness checks of /readyz at scrape time, by check (1 = passing).',
            labelNames: ['check'],
            registers,
            async collect() {
                if (!self.readySource) return
                const states = await self.readySource()
                this.reset()
                for (const [check, ok] of Object.entries(states)) this.set({ check }, ok ? 1 : 0)
            },
        })
    }

    /** Where `gbg_live` and `gbg_ready` read their checks at scrape time (the service's health monitor). */
    reportHealth(live: () => CheckStates, ready: () => Promise<CheckStates>): void {
        this.liveSource = live
        this.readySource = ready
    }

    /** Counts one action attempt. */
    recordAction(type: ActionType, outcome: ActionOutcome): void {
        this.actions.inc({ type, outcome })
    }

    /**
     * Starts the main series of an enabled provider at zero, so `increase()` and `rate()` see its first grant,
     * revoke and verify (a series born with its first observation shows no increase in Prometheus).
     */
    initProvider(provider: string): void {
        for (const operation of ZERO_PROVIDER_OPERATIONS)
            for (const outcome of ZERO_PROVIDER_OUTCOMES) this.providerCalls.zero({ provider, operation, outcome })
    }

    /** Records the latency of one provider call (seconds). Fits `ProviderCallObserver`. */
    observeProviderCall(provider: string, operation: string, outcome: string, seconds: number): void {
        this.providerCalls.observe({ provider, operation, outcome }, seconds)
    }

    /** Records the latency of one ServiceNow HTTP call (seconds). Fits the client's `ServiceNowCallObserver`. */
    observeServiceNowCall(method: string, table: string, outcome: CallOutcome | string, seconds: number): void {
        this.serviceNowCalls.observe({ method, table, outcome }, seconds)
    }

    /** Counts one Teams send. Fits the notifier's `TeamsSendObserver`. */
    countTeamsSend(kind: string, outcome: TeamsOutcome): void {
        this.teamsSends.inc({ kind, outcome })
    }

    /** Sets the number of Entra holders without an active grant found by the last drift scan. */
    setDriftHolders(count: number): void {
        this.driftHolders.set(count)
    }

    /** Sets the number of grants currently active. */
    setActiveGrants(count: number): void {
        this.activeGrants.set(count)
    }

    /** Sets the number of grants past expiry whose revoke is not confirmed. */
    setOverdueRevokes(count: number): void {
        this.overdueRevokes.set(count)
    }

    /** Sets the number of results waiting to be written back to ServiceNow. */
    setWriteBackBacklog(count: number): void {
        this.writeBackBacklog.set(count)
    }

    /** Counts one write-back that stayed pending past its bound. */
    countWriteBackBoundExceeded(): void {
        this.writeBackBoundExceeded.inc()
    }

    /** Counts one claim refused / lease lost to another executor. */
    countLeaseLost(): void {
        this.leaseLost.inc()
    }

    /** Counts one incident raised for SecOps. */
    countIncident(priority: 1 | 2): void {
        this.incidentsRaised.inc({ priority: String(priority) })
    }

    /** Content type of {@link render}'s output. */
    get contentType(): string {
        return this.registry.contentType
    }

    /** The Prometheus text exposition. */
    render(): Promise<string> {
        return this.registry.metrics()
    }
}

/** Creates the executor's metrics. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
    return new Metrics(options)
}
