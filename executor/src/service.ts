/**
 * The production service: wires the validated configuration onto the real adapters (ServiceNow Table API
 * client and gateway, SQLite journal, providers, system clock), the worker, the ops HTTP server, metrics,
 * structured logs and Teams notifications. Nothing here decides anything: decisions live in the worker, the
 * recheck gate and the shared policy module; this file only connects them.
 */
import { mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import type { ProviderName } from '@gbg/shared'
import cron, { type ScheduledTask } from 'node-cron'
import { buildInfo } from './build-info'
import { systemClock } from './clock'
import { runDriftScan } from './drift'
import type { Config } from './config'
import { ExecutorEventBus } from './events'
import { HealthMonitor } from './http/health'
import { checkInstanceFields } from './servicenow/field-check'
import { createHttpServer, type HttpServer } from './http/server'
import { Journal } from './journal/journal'
import { createLogger } from './log'
import { errorText } from './transport'
import { createMetrics, type Metrics } from './metrics'
import { Notifications } from './notify/notifier'
import { createTeamsNotifier } from './notify/teams'
import type { Clock, Logger, ServiceNowGateway } from './ports'
import { pacedProvider } from './providers/pacer'
import { createProviders } from './providers/registry'
import { durableProvider } from './providers/durable'
import type { ConsoleGate } from './providers/console'
import { recheckGrant } from './recheck'
import type { Provider } from './providers/types'
import {
    DEFAULT_GET_RETRY_MAX_DELAY_MS,
    createServiceNowClient,
    type ServiceNowAuth,
    type ServiceNowCallObserver,
    type ServiceNowClient,
} from './servicenow/client'
import { ServiceNowFleetGrants } from './servicenow/fleet-grants'
import type { FleetGrants } from './providers/entra/fleet'
import { createServiceNowGateway } from './servicenow/gateway'
import { Worker } from './worker/worker'
import { workerOptionsFromConfig, type WorkerOptions } from './worker/options'

/** Executor version, reported in the heartbeat row and /healthz. */
export const EXECUTOR_VERSION = buildInfo().version

/** A running executor. */
export interface Service {
    config: Config
    logger: Logger
    journal: Journal
    client: ServiceNowClient
    gateway: ServiceNowGateway
    providers: Map<ProviderName, Provider>
    metrics: Metrics
    events: ExecutorEventBus
    worker: Worker
    http: HttpServer
    /** Liveness (worker progress, journal writable) and readiness (journal, ServiceNow, providers). */
    health: HealthMonitor
    /** Address the ops HTTP server listens on. */
    address: { host: string; port: number }
    /** Stage 1: stop claiming and drain. Stage 2 (`force`): abandon in-flight runs; leases expire. */
    stop(options?: { force?: boolean }): Promise<void>
}

/** Map the configuration's ServiceNow section onto the client's credentials. */
export function serviceNowAuth(config: Config): ServiceNowAuth {
    const sn = config.servicenow
    switch (sn.authMode) {
        case 'basic':
            return { mode: 'basic', username: sn.username ?? '', password: sn.password ?? '' }
        case 'oauth_password':
            return {
                mode: 'oauth_password',
                clientId: sn.clientId ?? '',
                clientSecret: sn.clientSecret ?? '',
                username: sn.username ?? '',
                password: sn.password ?? '',
            }
        case 'oauth_client_credentials':
            return {
                mode: 'oauth_client_credentials',
                clientId: sn.clientId ?? '',
                clientSecret: sn.clientSecret ?? '',
            }
    }
}

/** Map the configuration onto the worker's options. */
export function workerOptions(config: Config): WorkerOptions {
    return {
        instance: config.instanceName,
        host: hostname(),
        version: EXECUTOR_VERSION,
        ...workerOptionsFromConfig(config),
        auditKey: config.audit.key ?? '',
        auditIntegrationUser: config.audit.integrationUser ?? '',
        journalRetentionMs: config.journalRetentionDays * 86_400_000,
    }
}

/**
 * Build the ServiceNow client + gateway for a configuration (also used by the CLI's doctor / status). `observer`
 * is told about every HTTP call (metrics, health).
 */
export function connectServiceNow(
    config: Config,
    logger: Logger,
    clock: Clock = systemClock,
    observer?: ServiceNowCallObserver,
) {
    const client = createServiceNowClient({
        observer,
        baseUrl: config.servicenow.url,
        auth: serviceNowAuth(config),
        timeoutMs: config.servicenow.timeoutMs,
        pageSize: config.servicenow.pageSize,
        batch: config.servicenow.batch,
        clock,
        logger,
    })
    const gateway = createServiceNowGateway(client, {
        instanceName: config.instanceName,
        auditKey: config.audit.key,
        now: () => clock.now(),
    })
    return { client, gateway }
}

/** Open the journal file, creating its folder. */
export function openJournal(config: Config, clock: Clock = systemClock): Journal {
    mkdirSync(dirname(config.journalPath), { recursive: true })
    return Journal.open(config.journalPath, { clock })
}

/**
 * Build every enabled provider. The Entra providers learn who else holds a shared assignment from ServiceNow's
 * grants (`fleet`); the journal only remembers this replica's own writes.
 */
export function buildProviders(
    config: Config,
    journal: Journal,
    fleet: FleetGrants,
    logger: Logger,
    metrics?: Metrics,
    clock: Clock = systemClock,
    gate?: ConsoleGate,
): Map<ProviderName, Provider> {
    // Metrics fits the providers' call observer as it is (observeProviderCall). The providers read the service's
    // one clock (signature timestamps, schedule start and end, native expiry windows).
    const providers = createProviders(config, {
        logger,
        holders: journal,
        fleet,
        metrics,
        now: () => clock.now(),
        gate,
    })
    // Each provider's grant and revoke calls at its pace (providers/pacer.ts), outside the metrics' timing; the
    // journal on disk right before each write, after the wait for a token (providers/durable.ts).
    const pace = { writesPerSecond: config.queue.providerWritesPerSecond }
    const barrier = () => journal.sync()
    for (const [name, provider] of providers)
        providers.set(name, pacedProvider(durableProvider(provider, barrier), pace, clock))
    return providers
}

/**
 * Subscribe logs and metrics to the worker's events (Teams cards: notify/notifier.ts). Every event is logged as one structured
 * line (secrets are redacted by the logger); failures are `error`, escalations `warn`.
 */
function wireEvents(
    events: ExecutorEventBus,
    logger: Logger,
    metrics: Metrics,
    journal: Journal,
    clock: Clock,
): () => void {
    const offs: (() => void)[] = []
    const errorEvents = new Set([
        'action:dead',
        'grant:failed',
        'revoke:failed',
        'writeback:bound_exceeded',
        'worker:error',
    ])
    const warnEvents = new Set([
        'action:failed',
        'grant:halted',
        'recheck:refused',
        'incident:raised',
        'lease:lost',
        'writeback:failed',
    ])
    const quiet = new Set(['worker:polled', 'action:skipped', 'lease:renewed', 'writeback:done'])
    offs.push(
        events.onAny((name, payload) => {
            const level = errorEvents.has(name)
                ? 'error'
                : warnEvents.has(name)
                  ? 'warn'
                  : quiet.has(name)
                    ? 'debug'
                    : 'info'
            logger[level](name, { event: name, ...(payload as Record<string, unknown>) })
        }),
    )
    offs.push(events.on('action:done', (e) => metrics.recordAction(e.type as never, 'done')))
    offs.push(events.on('action:retry', (e) => metrics.recordAction(e.type as never, 'retry')))
    offs.push(events.on('action:failed', (e) => metrics.recordAction(e.type as never, 'failed')))
    offs.push(events.on('action:dead', (e) => metrics.recordAction(e.type as never, 'dead')))
    offs.push(events.on('grant:halted', (e) => metrics.recordAction(e.type as never, 'halted')))
    offs.push(events.on('lease:lost', () => metrics.countLeaseLost()))
    offs.push(events.on('incident:raised', (e) => metrics.countIncident(e.priority)))
    offs.push(events.on('writeback:bound_exceeded', () => metrics.countWriteBackBoundExceeded()))
    offs.push(
        events.on('worker:polled', () => {
            const now = clock.now()
            metrics.setWriteBackBacklog(journal.pendingOutbox())
            // Counts, not rows: a poll never reads every timer (10,000 active grants are 10,000 objects per poll).
            metrics.setActiveGrants(journal.timerCount())
            metrics.setOverdueRevokes(journal.timerCount(now))
        }),
    )
    return () => offs.forEach((off) => off())
}

/** Start the executor: journal, clients, providers, worker, ops HTTP server. */
export async function startService(config: Config, opts: { logger?: Logger; clock?: Clock } = {}): Promise<Service> {
    const clock = opts.clock ?? systemClock
    const logger = opts.logger ?? createLogger({ level: config.logLevel })
    const metrics = createMetrics()
    const journal = openJournal(config, clock)
    // The providers are built before the ServiceNow client (its call observer feeds the health monitor that
    // watches the providers): the fleet's grants reach the gateway through a getter, used only once running.
    const fleet = new ServiceNowFleetGrants(() => gateway)
    // The console provider's packet check and submit gate: the worker's recheck gate, run fresh against ServiceNow
    // (bound once the gateway exists, just below).
    const gateRef: { gateway?: ServiceNowGateway } = {}
    const gate: ConsoleGate = (grantSysId) => {
        if (!gateRef.gateway) return Promise.reject(new Error('ServiceNow is not connected yet'))
        return recheckGrant(grantSysId, { gateway: gateRef.gateway, clock, providers })
    }
    const providers = buildProviders(config, journal, fleet, logger, metrics, clock, gate)
    for (const name of providers.keys()) metrics.initProvider(name)
    const health = new HealthMonitor({
        now: () => clock.now(),
        pollIntervalMs: config.queue.pollIntervalSeconds * 1000,
        serviceNowTimeoutMs: config.servicenow.timeoutMs,
        serviceNowRetryWaitMs: DEFAULT_GET_RETRY_MAX_DELAY_MS,
        journal: { probeWrite: () => journal.probeWrite(), ready: () => journal.schemaVersion() > 0 },
        providers: providers.values(),
    })
    const { client, gateway } = connectServiceNow(config, logger, clock, {
        observeServiceNowCall(method, table, outcome, seconds) {
            metrics.observeServiceNowCall(method, table, outcome, seconds)
            health.serviceNowCall(outcome)
        },
        observeRefused() {
            health.serviceNowRefused()
        },
    })
    gateRef.gateway = gateway
    metrics.reportHealth(
        () => Object.fromEntries(Object.entries(health.live().checks).map(([k, c]) => [k, c.ok])),
        async () => Object.fromEntries(Object.entries((await health.ready()).checks).map(([k, c]) => [k, c.ok])),
    )

    const events = new ExecutorEventBus()
    const worker = new Worker({ gateway, journal, providers, clock, events, logger }, workerOptions(config))
    const unwire = wireEvents(events, logger, metrics, journal, clock)
    // Teams cards, queued in the journal's outbox and retried; expiry warnings from ServiceNow's grants.
    const notifications = config.teams
        ? new Notifications({
              journal,
              events,
              clock,
              logger,
              teams: createTeamsNotifier(
                  { webhookUrl: config.teams.webhookUrl, instanceUrl: config.servicenow.url },
                  logger,
                  () => clock.now(),
                  metrics,
              ),
              ...(config.teams.opsWebhookUrl
                  ? {
                        opsTeams: createTeamsNotifier(
                            { webhookUrl: config.teams.opsWebhookUrl, instanceUrl: config.servicenow.url },
                            logger,
                            () => clock.now(),
                            metrics,
                        ),
                    }
                  : {}),
              ...(config.teams.oncallWebhookUrl
                  ? {
                        oncallTeams: createTeamsNotifier(
                            { webhookUrl: config.teams.oncallWebhookUrl, instanceUrl: config.servicenow.url },
                            logger,
                            () => clock.now(),
                            metrics,
                        ),
                    }
                  : {}),
              // Approval cards: the app decides which are due and claims each for this executor (exactly one sender).
              ...(gateway.claimApprovalNotices
                  ? { approvalNotices: () => gateway.claimApprovalNotices!(config.instanceName) }
                  : {}),
              backoff: { baseMs: config.queue.backoffBaseMs, maxMs: config.queue.backoffMaxMs, jitter: 0.2 },
              // The requester's display name from the gate facts (the executor cannot read sys_user itself).
              displayName: (plan) => gateway.userDisplayName?.(plan.principal.userSysId),
              // Expiry warnings from ServiceNow's active grants, each claimed once for the whole fleet.
              grants: gateway,
              instance: config.instanceName,
          })
        : undefined
    const unnotify = notifications?.start()

    events.on('worker:polled', () => health.roundFinished())
    const http = createHttpServer({
        health,
        metrics,
        onNudge: () => worker.nudge(),
        nudgeSecret: config.http.nudgeSecret,
        // The service's one clock: the replay window is judged on the time everything else uses.
        now: () => clock.now(),
        logger,
    })

    // Optional periodic drift scan (off by default): holders of managed Entra roles / groups with no active grant.
    let driftTask: ScheduledTask | undefined
    const entra = config.entra
    if (config.driftSchedule && entra) {
        driftTask = cron.schedule(
            config.driftSchedule,
            async () => {
                try {
                    const report = await runDriftScan(entra, client)
                    metrics.setDriftHolders(report.items.length)
                    for (const item of report.items) {
                        logger.error('drift: access held without an active grant', { event: 'drift:found', ...item })
                    }
                    logger.info('drift scan done', {
                        event: 'drift:scanned',
                        roles: report.managedRoles.length,
                        groups: report.managedGroups.length,
                        holders: report.items.length,
                    })
                } catch (error) {
                    logger.warn('drift scan failed', { error: errorText(error) })
                }
            },
            { noOverlap: true },
        )
    }

    await worker.start()
    // Off the path to the first claim: the instance's grant and action fields, read once.
    void checkInstanceFields(client).then((results) => {
        const missing: string[] = []
        for (const r of results) {
            if (r.status === 'error') logger.warn('field check: cannot read table', { table: r.table, error: r.error })
            else if (r.missing.length > 0) {
                missing.push(...r.missing.map((f) => `${r.table}.${f}`))
                logger.error('the instance lacks fields this executor writes: write-backs would lose them', {
                    event: 'servicenow:fields_missing',
                    table: r.table,
                    missing: r.missing,
                })
            }
        }
        health.fieldsChecked(missing)
    })
    const address = await http.listen(config.http.host, config.http.port)
    const cpu = process.cpuUsage()
    logger.info('executor started', {
        instance: config.instanceName,
        servicenow: config.servicenow.url,
        providers: [...providers.keys()],
        http: `${address.host}:${address.port}`,
        journal: config.journalPath,
        // The start-up's cost in this process (node, loading the bundle, the steps above; docs/performance.md):
        // wall time since the process started and the CPU it used, which a loaded machine does not inflate.
        processUptimeMs: Math.round(process.uptime() * 1000),
        processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    })

    let stopped = false
    const stop = async (options: { force?: boolean } = {}) => {
        if (stopped && !options.force) return
        stopped = true
        logger.info(
            options.force
                ? 'forced stop: abandoning in-flight actions (leases will expire)'
                : 'stopping: draining in-flight actions',
        )
        await driftTask?.stop()
        await worker.stop(options)
        await http.close()
        unwire()
        unnotify?.()
        await notifications?.idle()
        journal.close()
        logger.info('executor stopped', { instance: config.instanceName })
    }
    return {
        config,
        logger,
        journal,
        client,
        gateway,
        providers,
        metrics,
        events,
        worker,
        http,
        health,
        address,
        stop,
    }
}
