/**
 * Liveness and readiness of the executor, kept apart on purpose.
 *
 * **Liveness** (`/healthz`, the orchestrator restarts the process when it fails) depends on nothing outside the
 * process. It fails only when the process itself is wedged:
 * - `worker`: the worker loop made no progress for the liveness window. Progress is a finished poll round or a
 *   finished ServiceNow HTTP call (whatever its outcome: a refused connection or a timeout is progress too). A
 *   round blocked on a dead ServiceNow still ends each call within the request timeout, so a ServiceNow outage
 *   never fails liveness; a loop stuck on something that never settles (or an event loop blocked by a runaway
 *   computation, which cannot even answer) does. Window: 3 poll intervals + the ServiceNow request timeout + the
 *   client's longest in-call retry wait (the longest legitimate gap between two calls of a round).
 * - `journal`: the SQLite journal takes its write lock (`Journal.probeWrite`): closed, read-only or locked by
 *   another process fails.
 *
 * **Readiness** (`/readyz`, "can this executor do its job now") covers the dependencies:
 * - `journal`: open and migrated.
 * - `servicenow`: a ServiceNow call answered 2xx within the readiness window (3 poll intervals + the request
 *   timeout), and none was refused as unauthorized (401, then 401 again on its repetition) within it. It reads what the worker's own traffic (polls, heartbeats, write-backs) observed: probes never call
 *   ServiceNow, so a probe can neither mask a wedged worker nor load the instance.
 * - `provider:<name>`: each enabled provider's `health()` (a cheap authenticated call), with a timeout.
 *
 * The same reports feed the `gbg_live` / `gbg_ready` gauges at scrape time.
 */
import { errorText } from '../transport'

/** One check as reported by `/healthz` and `/readyz`. */
export interface CheckReport {
    ok: boolean
    error?: string
}

/** What `/healthz` answers. */
export interface LiveReport {
    status: 'ok' | 'stuck'
    checks: Record<string, CheckReport>
}

/** What `/readyz` answers. */
export interface ReadyReport {
    ready: boolean
    checks: Record<string, CheckReport>
}

/** What the HTTP server and the metrics need of health. */
export interface Health {
    live(): LiveReport
    ready(): Promise<ReadyReport>
}

/** What readiness needs of a provider. */
export interface HealthCheckable {
    readonly name: string
    health(): Promise<void>
}

/** Options of {@link HealthMonitor}. */
export interface HealthOptions {
    now: () => Date
    /** Poll interval of the worker loop (ms). */
    pollIntervalMs: number
    /** ServiceNow request timeout (ms). */
    serviceNowTimeoutMs: number
    /** Longest in-call wait of the ServiceNow client between two attempts of one GET (ms). */
    serviceNowRetryWaitMs: number
    journal: {
        /** Throws when the journal cannot be written. */
        probeWrite(): void
        /** True once the journal's migrations have run. */
        ready(): boolean
    }
    providers: Iterable<HealthCheckable>
    /** Time one readiness check may take before it counts as failed. @defaultValue 5000 */
    checkTimeoutMs?: number
}

/** Longest error text in the reports: they are for operators (errors never carry secrets). */
const MAX_ERROR_CHARS = 300
const DEFAULT_CHECK_TIMEOUT_MS = 5_000
/**
 * A provider's health result is reused this long: probes (every few seconds) and scrapes of `gbg_ready` then make
 * at most one provider call per provider and period.
 */
export const PROVIDER_CHECK_TTL_MS = 30_000

/** Liveness window (ms): see the module comment. */
export function livenessWindowMs(pollIntervalMs: number, serviceNowTimeoutMs: number, retryWaitMs: number): number {
    return 3 * pollIntervalMs + serviceNowTimeoutMs + retryWaitMs
}

/** Readiness window of ServiceNow (ms): see the module comment. */
export function readinessWindowMs(pollIntervalMs: number, serviceNowTimeoutMs: number): number {
    return 3 * pollIntervalMs + serviceNowTimeoutMs
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`check timed out after ${ms} ms`)), ms)
    })
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`

/** Tracks the worker's progress and ServiceNow's answers; judges liveness and readiness. */
export class HealthMonitor implements Health {
    private lastProgressAt: Date
    private lastServiceNowOkAt: Date | null = null
    private lastServiceNowFailure: string | null = null
    /** Fields the instance lacks (start-up check); readiness fails while any is missing. */
    private missingFields: string[] = []
    /** When ServiceNow last refused the integration user (401). */
    private lastUnauthorizedAt: Date | null = null
    private readonly providers: HealthCheckable[]
    private readonly providerResults = new Map<string, { at: number; report: CheckReport }>()

    constructor(private readonly o: HealthOptions) {
        this.lastProgressAt = o.now()
        this.providers = [...o.providers]
    }

    /** The worker loop finished a round. */
    roundFinished(): void {
        this.lastProgressAt = this.o.now()
    }

    /** The start-up field check (servicenow/field-check.ts) found `missing` fields (empty: all present). */
    fieldsChecked(missing: string[]): void {
        this.missingFields = missing
    }

    /** ServiceNow refused the integration user twice in a row on one call (client: an `unauthorized` error). */
    serviceNowRefused(): void {
        this.lastUnauthorizedAt = this.o.now()
    }

    /** A ServiceNow HTTP call ended with `outcome` (`ok` or the error kind). Fits the client's observer. */
    serviceNowCall(outcome: string): void {
        const now = this.o.now()
        this.lastProgressAt = now
        if (outcome === 'ok') this.lastServiceNowOkAt = now
        else this.lastServiceNowFailure = outcome
    }

    /** Liveness: never calls anything outside the process. */
    live(): LiveReport {
        const checks: Record<string, CheckReport> = { worker: this.workerCheck(), journal: this.journalWritable() }
        return { status: Object.values(checks).every((c) => c.ok) ? 'ok' : 'stuck', checks }
    }

    /** Readiness: journal, ServiceNow (from observed traffic), every provider's health check. */
    async ready(): Promise<ReadyReport> {
        const checks: Record<string, CheckReport> = {}
        checks['journal'] = this.o.journal.ready() ? { ok: true } : { ok: false, error: 'journal not migrated' }
        checks['servicenow'] = this.serviceNowCheck()
        if (this.missingFields.length > 0) {
            checks['servicenow:fields'] = {
                ok: false,
                error: `the instance lacks field(s) ${this.missingFields.join(', ')}: upgrade the app`,
            }
        }
        const timeoutMs = this.o.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS
        await Promise.all(
            this.providers.map(async (p) => {
                const cached = this.providerResults.get(p.name)
                const now = this.o.now().getTime()
                if (cached && now - cached.at < PROVIDER_CHECK_TTL_MS) {
                    checks[`provider:${p.name}`] = cached.report
                    return
                }
                let report: CheckReport
                try {
                    await withTimeout(p.health(), timeoutMs)
                    report = { ok: true }
                } catch (error) {
                    report = { ok: false, error: errorText(error, MAX_ERROR_CHARS) }
                }
                this.providerResults.set(p.name, { at: now, report })
                checks[`provider:${p.name}`] = report
            }),
        )
        return { ready: Object.values(checks).every((c) => c.ok), checks }
    }

    private workerCheck(): CheckReport {
        const idle = this.o.now().getTime() - this.lastProgressAt.getTime()
        const limit = livenessWindowMs(this.o.pollIntervalMs, this.o.serviceNowTimeoutMs, this.o.serviceNowRetryWaitMs)
        if (idle <= limit) return { ok: true }
        return { ok: false, error: `worker loop made no progress for ${seconds(idle)} (limit ${seconds(limit)})` }
    }

    private journalWritable(): CheckReport {
        try {
            this.o.journal.probeWrite()
            return { ok: true }
        } catch (error) {
            return { ok: false, error: `journal cannot be written: ${errorText(error, MAX_ERROR_CHARS)}` }
        }
    }

    private serviceNowCheck(): CheckReport {
        const now = this.o.now().getTime()
        const limit = readinessWindowMs(this.o.pollIntervalMs, this.o.serviceNowTimeoutMs)
        const ok = this.lastServiceNowOkAt
        const refused = this.lastUnauthorizedAt
        if (refused && now - refused.getTime() <= limit) {
            return {
                ok: false,
                error: `ServiceNow refused the integration user's credentials (401) at ${refused.toISOString()}; check GBG_SN_* credentials (work is kept and retried)`,
            }
        }
        if (ok && now - ok.getTime() <= limit) return { ok: true }
        const failure = this.lastServiceNowFailure ? ` (last failure: ${this.lastServiceNowFailure})` : ''
        return {
            ok: false,
            error: ok
                ? `no successful ServiceNow call for ${seconds(now - ok.getTime())} (limit ${seconds(limit)})${failure}`
                : `no successful ServiceNow call yet${failure}`,
        }
    }
}
