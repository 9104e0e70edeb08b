/**
 * Worker settings with their defaults. The executor's config module maps its validated configuration onto
 * {@link WorkerOptions}; tests pass the few values they care about.
 */
import { hostname } from 'node:os'
import { buildInfo } from '../build-info'
import { CONFIG_DEFAULTS, type Config } from '../config'
import type { BackoffSettings } from '../writeback'

/** Options of the worker. */
export interface WorkerOptions {
    /** This executor's name: lease owner, `executor_instance` on grants, heartbeat row. */
    instance: string
    /** Host name for the heartbeat. @defaultValue os.hostname() */
    host?: string
    /** Executor version for the heartbeat. @defaultValue buildInfo().version */
    version?: string
    /** Poll interval. @defaultValue GBG_POLL_INTERVAL_SECONDS' default (every default of a setting comes from config.ts) */
    pollIntervalMs?: number
    /** Most grant and verify actions run at once (K). @defaultValue GBG_MAX_IN_FLIGHT (32) */
    maxInFlight?: number
    /** Ready actions taken per poll. @defaultValue max(20, 2K) (a poll can fill every slot, and replicas have room to spread: worker.ts spreadOrder) */
    batchSize?: number
    /**
     * Revokes run at once in the revoke lane, besides the K slots of grants and verifies (revokes never queue
     * behind them). @defaultValue max(16, 4 × K)
     */
    revokeMaxInFlight?: number
    /**
     * Least time between two heartbeats (the app's watchdog calls a heartbeat stale after 10 minutes by default):
     * not every poll writes one. @defaultValue 120000
     */
    heartbeatIntervalMs?: number
    /** Lease length; renewed every half lease while an action runs. @defaultValue 120000 */
    leaseMs?: number
    /** Retry schedule of grant / verify actions. @defaultValue GBG_BACKOFF_BASE_MS / GBG_BACKOFF_MAX_MS, jitter 0.2 */
    grantBackoff?: BackoffSettings
    /** Retry schedule of revokes (retried forever). @defaultValue the grant schedule, at most 5 min */
    revokeBackoff?: BackoffSettings
    /** Retry schedule of write-backs. @defaultValue the grant schedule */
    writebackBackoff?: BackoffSettings
    /** Age of an undelivered write-back that raises the ops alert. @defaultValue GBG_WRITEBACK_MAX_MINUTES (15 min) */
    writebackBoundMs?: number
    /** Failed revoke attempts after which SecOps get an incident. @defaultValue 3 */
    revokeEscalateAfterFailures?: number
    /**
     * At expiry the revoke lane claims the grant's ServiceNow revoke action and runs it at once, or revokes from
     * the journal when ServiceNow does not answer. Only when ANOTHER executor holds that revoke action does the
     * timer wait this long for it before revoking on its own. @defaultValue 60000
     */
    localRevokeGraceMs?: number
    /**
     * How long after its expiry a due revoke may wait for ServiceNow (the queue revoke's hand-over AND the grant read),
     * all told, before it revokes from the journal (GBG_REVOKE_SERVICENOW_WAIT_MS). @defaultValue 500
     */
    revokeServiceNowWaitMs?: number
    /** Delay of the verify action scheduled after a revoke. @defaultValue 300000 (5 min) */
    verifyDelayMs?: number
    /** max_attempts written on revoke actions the executor creates (revokes never go dead). @defaultValue 1000 */
    revokeMaxAttempts?: number
    /** max_attempts written on verify actions the executor creates. @defaultValue 5 */
    verifyMaxAttempts?: number
    /** Oldest approval the recheck gate accepts. @defaultValue 86400000 (24 h) */
    maxApprovalAgeMs?: number
    /** Randomness for backoff jitter. @defaultValue Math.random */
    random?: () => number
    /** Audit MAC key (GBG_AUDIT_KEY) for the executor's own chain check. @defaultValue '' (no MAC check) */
    auditKey?: string
    /** user_name that creates the executor's audit events (GBG_AUDIT_INTEGRATION_USER). @defaultValue '' */
    auditIntegrationUser?: string
    /**
     * How often the audit chains of the grants this executor holds active (armed revoke timers) are checked
     * against their journal anchors, besides the check before every append: one Table API read per active grant
     * per pass (docs/security.md "Audit chain"). @defaultValue 300000 (5 min)
     */
    auditCheckIntervalMs?: number
    /**
     * Age after which a settled grant's journal history is compacted to its idempotency facts (journal/retention.ts).
     * @defaultValue GBG_JOURNAL_RETENTION_DAYS' default (30 days)
     */
    journalRetentionMs?: number
    /** How often a compaction pass runs (the first one a pass after start-up). @defaultValue 3600000 (1 h) */
    compactIntervalMs?: number
}

/** Options with every default applied. */
export type ResolvedWorkerOptions = Required<WorkerOptions>

/** The worker options the configuration decides (GBG_* queue, write-back and revoke settings). */
export type ConfiguredWorkerOptions = Required<
    Pick<
        WorkerOptions,
        | 'pollIntervalMs'
        | 'maxInFlight'
        | 'leaseMs'
        | 'grantBackoff'
        | 'revokeBackoff'
        | 'writebackBackoff'
        | 'writebackBoundMs'
        | 'revokeEscalateAfterFailures'
        | 'revokeServiceNowWaitMs'
        | 'verifyMaxAttempts'
    >
>

/** Longest retry delay of a revoke, whatever GBG_BACKOFF_MAX_MS says: access must not outlive its expiry for long. */
const REVOKE_MAX_DELAY_MS = 300_000

/**
 * Map the configuration's settings onto the worker's options: the ONE mapping, used by the service for the loaded
 * configuration and below for the defaults (the configuration table's defaults: one set of defaults).
 */
export function workerOptionsFromConfig(
    config: Pick<Config, 'queue' | 'writeBack' | 'revoke'>,
): ConfiguredWorkerOptions {
    const q = config.queue
    const backoff = { baseMs: q.backoffBaseMs, maxMs: q.backoffMaxMs, jitter: 0.2 }
    return {
        pollIntervalMs: q.pollIntervalSeconds * 1000,
        maxInFlight: q.maxInFlight,
        leaseMs: q.leaseSeconds * 1000,
        grantBackoff: backoff,
        revokeBackoff: { ...backoff, maxMs: Math.min(q.backoffMaxMs, REVOKE_MAX_DELAY_MS) },
        writebackBackoff: backoff,
        writebackBoundMs: config.writeBack.maxMinutes * 60_000,
        revokeEscalateAfterFailures: config.revoke.incidentAfterFailures,
        revokeServiceNowWaitMs: config.revoke.serviceNowWaitMs,
        verifyMaxAttempts: Math.min(q.maxAttempts, 5),
    }
}

const DEFAULTS = workerOptionsFromConfig(CONFIG_DEFAULTS)

/** Apply the defaults. */
export function resolveWorkerOptions(options: WorkerOptions): ResolvedWorkerOptions {
    if (!options.instance) throw new Error('worker: instance name is required')
    return {
        instance: options.instance,
        host: options.host ?? hostname(),
        version: options.version ?? buildInfo().version,
        pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
        maxInFlight: Math.max(1, options.maxInFlight ?? DEFAULTS.maxInFlight),
        // Twice K: room for replicas reading the same page to spread over it (worker.ts spreadOrder).
        batchSize: options.batchSize ?? Math.max(20, 2 * (options.maxInFlight ?? DEFAULTS.maxInFlight)),
        revokeMaxInFlight: Math.max(
            1,
            options.revokeMaxInFlight ?? Math.max(16, 4 * (options.maxInFlight ?? DEFAULTS.maxInFlight)),
        ),
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 120_000,
        leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
        grantBackoff: options.grantBackoff ?? DEFAULTS.grantBackoff,
        revokeBackoff: options.revokeBackoff ?? DEFAULTS.revokeBackoff,
        writebackBackoff: options.writebackBackoff ?? DEFAULTS.writebackBackoff,
        writebackBoundMs: options.writebackBoundMs ?? DEFAULTS.writebackBoundMs,
        revokeEscalateAfterFailures: options.revokeEscalateAfterFailures ?? DEFAULTS.revokeEscalateAfterFailures,
        localRevokeGraceMs: options.localRevokeGraceMs ?? 60_000,
        revokeServiceNowWaitMs: options.revokeServiceNowWaitMs ?? DEFAULTS.revokeServiceNowWaitMs,
        verifyDelayMs: options.verifyDelayMs ?? 300_000,
        revokeMaxAttempts: options.revokeMaxAttempts ?? 1000,
        verifyMaxAttempts: options.verifyMaxAttempts ?? DEFAULTS.verifyMaxAttempts,
        maxApprovalAgeMs: options.maxApprovalAgeMs ?? 24 * 3_600_000,
        random: options.random ?? Math.random,
        auditKey: options.auditKey ?? '',
        auditIntegrationUser: options.auditIntegrationUser ?? '',
        auditCheckIntervalMs: options.auditCheckIntervalMs ?? 300_000,
        journalRetentionMs: options.journalRetentionMs ?? CONFIG_DEFAULTS.journalRetentionDays * 86_400_000,
        compactIntervalMs: options.compactIntervalMs ?? 3_600_000,
    }
}
