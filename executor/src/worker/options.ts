/**
 * Worker settings with their defaults. The executor's config module maps its validated configuration onto
 * {@link WorkerOptions}; tests pass the few values they care about.
 */
import { hostname } from 'node:os'
import type { BackoffSettings } from '../writeback'

/** Options of the worker. */
export interface WorkerOptions {
    /** This executor's name: lease owner, `executor_instance` on grants, heartbeat row. */
    instance: string
    /** Host name for the heartbeat. @defaultValue os.hostname() */
    host?: string
    /** Executor version for the heartbeat. @defaultValue '0.1.0' */
    version?: string
    /** Poll interval. @defaultValue 5000 */
    pollIntervalMs?: number
    /** Most actions run at once (K). @defaultValue 4 */
    maxInFlight?: number
    /** Ready actions read per poll. @defaultValue 20 */
    batchSize?: number
    /** Lease length; renewed every half lease while an action runs. @defaultValue 120000 */
    leaseMs?: number
    /** Retry schedule of grant / verify actions. @defaultValue base 30 s, max 15 min, jitter 0.2 */
    grantBackoff?: BackoffSettings
    /** Retry schedule of revokes (retried forever). @defaultValue base 15 s, max 5 min, jitter 0.2 */
    revokeBackoff?: BackoffSettings
    /** Retry schedule of write-backs. @defaultValue base 5 s, max 5 min, jitter 0.2 */
    writebackBackoff?: BackoffSettings
    /** Age of an undelivered write-back that raises the ops alert. @defaultValue 600000 (10 min) */
    writebackBoundMs?: number
    /** Failed revoke attempts after which SecOps get an incident. @defaultValue 3 */
    revokeEscalateAfterFailures?: number
    /**
     * How long after expiry the local timer waits for the ServiceNow revoke action (when ServiceNow answers)
     * before revoking on its own. With ServiceNow unreachable the timer revokes at once. @defaultValue 60000
     */
    localRevokeGraceMs?: number
    /** Delay of the verify action scheduled after a revoke. @defaultValue 300000 (5 min) */
    verifyDelayMs?: number
    /** max_attempts written on revoke actions the executor creates (revokes never go dead). @defaultValue 1000 */
    revokeMaxAttempts?: number
    /** max_attempts written on verify actions the executor creates. @defaultValue 5 */
    verifyMaxAttempts?: number
    /** SecOps assignment group sys_id for incidents ('' = instance assignment rules). @defaultValue '' */
    secopsGroupSysId?: string
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
}

/** Options with every default applied. */
export type ResolvedWorkerOptions = Required<WorkerOptions>

/** Apply the defaults. */
export function resolveWorkerOptions(options: WorkerOptions): ResolvedWorkerOptions {
    if (!options.instance) throw new Error('worker: instance name is required')
    return {
        instance: options.instance,
        host: options.host ?? hostname(),
        version: options.version ?? '0.1.0',
        pollIntervalMs: options.pollIntervalMs ?? 5_000,
        maxInFlight: Math.max(1, options.maxInFlight ?? 4),
        batchSize: options.batchSize ?? 20,
        leaseMs: options.leaseMs ?? 120_000,
        grantBackoff: options.grantBackoff ?? { baseMs: 30_000, maxMs: 900_000, jitter: 0.2 },
        revokeBackoff: options.revokeBackoff ?? { baseMs: 15_000, maxMs: 300_000, jitter: 0.2 },
        writebackBackoff: options.writebackBackoff ?? { baseMs: 5_000, maxMs: 300_000, jitter: 0.2 },
        writebackBoundMs: options.writebackBoundMs ?? 600_000,
        revokeEscalateAfterFailures: options.revokeEscalateAfterFailures ?? 3,
        localRevokeGraceMs: options.localRevokeGraceMs ?? 60_000,
        verifyDelayMs: options.verifyDelayMs ?? 300_000,
        revokeMaxAttempts: options.revokeMaxAttempts ?? 1000,
        verifyMaxAttempts: options.verifyMaxAttempts ?? 5,
        secopsGroupSysId: options.secopsGroupSysId ?? '',
        maxApprovalAgeMs: options.maxApprovalAgeMs ?? 24 * 3_600_000,
        random: options.random ?? Math.random,
        auditKey: options.auditKey ?? '',
        auditIntegrationUser: options.auditIntegrationUser ?? '',
        auditCheckIntervalMs: options.auditCheckIntervalMs ?? 300_000,
    }
}
