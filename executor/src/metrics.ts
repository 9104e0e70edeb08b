/**
 * Prometheus metrics of the executor, on their own registry (never prom-client's global one, so tests and
 * several executors in one process do not share counters). Everything else calls the typed methods of
 * {@link Metrics}; label values are enumerated here so a caller cannot explode cardinality with free text.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { ActionType } from '@gbg/shared'

/** How one action attempt ended. */
export type ActionOutcome = 'done' | 'retry' | 'failed' | 'dead' | 'halted' | 'lost_claim' | 'unknown_outcome'

/** ServiceNow call outcome classes. */
export type CallOutcome = 'ok' | 'retryable' | 'fatal' | 'lost_claim' | 'not_found' | string

/** Options of {@link Metrics}. */
export interface MetricsOptions {
    /** Prefix of every metric name. @defaultValue 'gbg_' */
    prefix?: string
    /** Also collect Node's default process metrics (CPU, memory, event loop lag). @defaultValue true */
    defaultMetrics?: boolean
    /** Constant labels on every metric (e.g. `{ instance: 'exec-1' }`). */
    labels?: Record<string, string>
}

// Provider and ServiceNow calls: tens of ms normally, seconds when a system is slow; timeouts around 10-30 s.
const CALL_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

/** The executor's metrics. */
export class Metrics {
    /** The registry `/metrics` renders. */
    readonly registry: Registry
    private readonly actions: Counter<'type' | 'outcome'>
    private readonly providerCalls: Histogram<'provider' | 'operation' | 'outcome'>
    private readonly serviceNowCalls: Histogram<'operation' | 'outcome'>
    private readonly activeGrants: Gauge
    private readonly driftHolders: Gauge
    private readonly overdueRevokes: Gauge
    private readonly writeBackBacklog: Gauge
    private readonly writeBackBoundExceeded: Counter
    private readonly leaseLost: Counter
    private readonly incidentsRaised: Counter<'priority'>

    constructor(options: MetricsOptions = {}) {
        const prefix = options.prefix ?? 'gbg_'
        this.registry = new Registry()
        if (options.labels) this.registry.setDefaultLabels(options.labels)
        if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix })
        const registers = [this.registry]
        this.actions = new Counter({
            name: `${prefix}actions_total`,
            help: 'Executor action attempts by action type and outcome.',
            labelNames: ['type', 'outcome'],
            registers,
        })
        this.providerCalls = new Histogram({
            name: `${prefix}provider_call_duration_seconds`,
            help: 'Latency of calls to grant providers, by provider, operation and outcome.',
            labelNames: ['provider', 'operation', 'outcome'],
            buckets: CALL_BUCKETS,
            registers,
        })
        this.serviceNowCalls = new Histogram({
            name: `${prefix}servicenow_call_duration_seconds`,
            help: 'Latency of ServiceNow Table API calls, by operation and outcome.',
            labelNames: ['operation', 'outcome'],
            buckets: CALL_BUCKETS,
            registers,
        })
        this.driftHolders = new Gauge({
            name: `${prefix}drift_holders`,
            help: 'Entra role / group holders without an active grant at the last drift scan (should be zero).',
            registers,
        })
        this.activeGrants = new Gauge({
            name: `${prefix}active_grants`,
            help: 'Grants currently active (access exists at a provider).',
            registers,
        })
        this.overdueRevokes = new Gauge({
            name: `${prefix}overdue_revokes`,
            help: 'Grants past their expiry whose revoke is not yet confirmed (must be zero).',
            registers,
        })
        this.writeBackBacklog = new Gauge({
            name: `${prefix}writeback_backlog`,
            help: 'Results waiting in the journal to be written back to ServiceNow.',
            registers,
        })
        this.writeBackBoundExceeded = new Counter({
            name: `${prefix}writeback_bound_exceeded_total`,
            help: 'Times a write-back stayed pending past its bound and the ops channel was notified.',
            registers,
        })
        this.leaseLost = new Counter({
            name: `${prefix}lease_lost_total`,
            help: 'Claims refused or leases lost to another executor.',
            registers,
        })
        this.incidentsRaised = new Counter({
            name: `${prefix}incidents_raised_total`,
            help: 'Incidents raised for SecOps, by priority.',
            labelNames: ['priority'],
            registers,
        })
    }

    /** Counts one action attempt. */
    recordAction(type: ActionType, outcome: ActionOutcome): void {
        this.actions.inc({ type, outcome })
    }

    /** Records the latency of one provider call (seconds). Fits `ProviderCallObserver`. */
    observeProviderCall(provider: string, operation: string, outcome: string, seconds: number): void {
        this.providerCalls.observe({ provider, operation, outcome }, seconds)
    }

    /** Records the latency of one ServiceNow call (seconds). */
    observeServiceNowCall(operation: string, outcome: CallOutcome, seconds: number): void {
        this.serviceNowCalls.observe({ operation, outcome }, seconds)
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
