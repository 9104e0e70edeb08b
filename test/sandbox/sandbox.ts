/**
 * The embedded sandbox: every external system the executor talks to, emulated on 127.0.0.1 — ServiceNow (tables
 * and ACLs from the built app), the admin-as-a-service webhook, Microsoft Graph / Entra (HTTPS, self-signed) and
 * a Teams Workflows webhook — seeded with people, a device and a policy; the ServiceNow app's own server modules
 * take one catalog request through policy and approval to a queued grant (see through-app.ts; `via: 'seed'`
 * writes those records directly) — plus the `GBG_*` environment that points the REAL executor at them. Nothing here changes how the executor behaves: it gets an ordinary production
 * configuration whose URLs happen to be local.
 *
 * Test / dev code only.
 */
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { PROPERTY, type ProviderName } from '@gbg/shared'
import { startServiceNowEmulator, type ServiceNowEmulator } from '../emulators/servicenow'
import { startWebhookEmulator, type WebhookEmulator } from '../emulators/webhook'
import { startGraphEmulator, type GraphEmulator } from '../emulators/graph'
import { startTeamsEmulator, type TeamsEmulator } from '../emulators/teams'
import { DECISION_PATHS, startEpmEmulator, type EpmEmulator } from '../emulators/epm'
import { startConsoleEmulator, type ConsoleEmulator } from '../emulators/console'
import { DEFAULT_GRAPH_IDS, seedScenario, type GraphIds, type SeededScenario } from './seed'
import { REPO_ROOT } from '../support/executor-process'
import { submitThroughApp, type AppSubmission } from './through-app'
import { startAppOnEmulator } from '../support/app-on-emulator'
import type { AppRuntime } from '../support/app-on-emulator'
import type { Clock } from '@gbg/executor/src/ports'

/** Fixed ports, for a sandbox someone wants to point other tools at. 0 / absent = any free port. */
export interface SandboxPorts {
    servicenow?: number
    webhook?: number
    graph?: number
    teams?: number
    epm?: number
    /** The emergency console (provider console only). */
    console?: number
    /** The executor's own HTTP port (/healthz, /readyz, /metrics). */
    executor?: number
}

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
    provider: ProviderName
    /** Duration of the seeded grant in minutes (the sandbox policy allows 1..240). */
    durationMinutes: number
    ports?: SandboxPorts
    /** Folder for the journal, logs and the Graph CA file. @defaultValue `.data/sandbox/<run id>` */
    dataDir?: string
    /** The executor's instance name (lease owner). @defaultValue `sandbox-executor-1` */
    instanceName?: string
    /** Poll interval of the executor, seconds. @defaultValue 1 */
    pollIntervalSeconds?: number
    /**
     * How the request reaches the queue: `app` — the ServiceNow app's own server modules take the catalog request
     * (policy, plan, approvals, queueing) and keep reacting to the executor's write-backs; `seed` — the records
     * are written directly (what e2e tests that focus on the executor use). @defaultValue 'app'
     */
    via?: 'app' | 'seed'
    /**
     * The one clock of the sandbox: every emulator and the app's modules read it (and so does an executor started
     * in process on it). Absent: the system clock (`npm start`, `npm run demo`).
     */
    clock?: Clock
}

/** A running sandbox. */
export interface Sandbox {
    /** The executor's configuration: `GBG_*` variables pointing at the emulators (contains secrets: never print). */
    env: Record<string, string>
    /**
     * The same configuration as a file (`KEY="value"` lines, mode 0600, in the run's folder) for an operator's
     * commands against the sandbox's executor: `node --env-file=<file> …` ({@link operatorCommands}).
     */
    envFile: string
    sn: ServiceNowEmulator
    webhook: WebhookEmulator
    graph: GraphEmulator
    teams: TeamsEmulator
    /** BeyondTrust EPM (the device is enrolled; the endpoint's session activity is simulated). */
    epm: EpmEmulator
    /** The browser-only emergency console (issue 14), started for the console provider only (else null). */
    console: ConsoleEmulator | null
    /** The sandbox's one clock (virtual in tests). */
    now(): Date
    seeded: SeededScenario
    /** The app running on the ServiceNow emulator (via 'app'), or null. */
    app: AppRuntime | null
    /** Who approved, in order (via 'app'). */
    approvedBy: string[]
    /** Folder of this run (journal, logs). */
    dataDir: string
    /** Where the executor child's JSON logs should go. */
    executorLogFile: string
    /** The executor's HTTP port. */
    executorPort: number
    /** Closes every emulator (idempotent). */
    close(): Promise<void>
}

/** A free TCP port on 127.0.0.1 (the executor binds it a moment later; a collision fails loudly at its start). */
export async function freePort(): Promise<number> {
    return new Promise((resolvePort, reject) => {
        const server = createServer()
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => {
            const address = server.address()
            const port = typeof address === 'object' && address ? address.port : 0
            server.close(() => resolvePort(port))
        })
    })
}

/** Entra tenant of the sandbox (a fixed GUID: it only names the emulated tenant). */
export const SANDBOX_TENANT_ID = '3f1e8a2c-5b7d-4c9e-8f0a-1b2c3d4e5f60'

/**
 * Starts the emulators, seeds the scenario and builds the executor's environment. On any failure the emulators
 * already started are closed before the error propagates.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
    const runId = `${stamp}-${options.provider}-${randomBytes(3).toString('hex')}`
    const dataDir = resolve(options.dataDir ?? join(REPO_ROOT, '.data', 'sandbox', runId))
    mkdirSync(dataDir, { recursive: true })
    const ports = options.ports ?? {}
    const closers: (() => Promise<void>)[] = []
    let closed = false
    const close = async (): Promise<void> => {
        if (closed) return
        closed = true
        // Reverse start order; one emulator failing to close must not leave the others running.
        for (const c of closers.reverse()) await c().catch(() => undefined)
    }
    try {
        const hmacSecret = randomBytes(32).toString('base64url')
        const clientId = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
        const clientSecret = randomBytes(24).toString('base64url')
        const graphIds: GraphIds = { ...DEFAULT_GRAPH_IDS }

        const clock = options.clock
        const now = clock ? () => clock.now() : () => new Date()
        const sn = await startServiceNowEmulator({ port: ports.servicenow ?? 0, now })
        closers.push(() => sn.close())
        const webhook = await startWebhookEmulator({ hmacSecret, port: ports.webhook ?? 0, now })
        closers.push(() => webhook.close())
        const teams = await startTeamsEmulator({ port: ports.teams ?? 0, now })
        closers.push(() => teams.close())

        let submission: AppSubmission | null = null
        const seeded = seedScenario(sn, {
            provider: options.provider,
            durationMinutes: options.durationMinutes,
            graphIds,
            now,
            throughApp:
                (options.via ?? 'app') === 'app' ? (order) => (submission = submitThroughApp(sn, order)) : undefined,
        })
        const appSubmission = submission as AppSubmission | null
        if (appSubmission) closers.push(async () => appSubmission.app.stop())
        else {
            // Seeded by hand: the app's executor interfaces (REST API, ticket-update rules) still run, as on an instance.
            const executorApi = startAppOnEmulator(sn, { only: 'executor-api' })
            closers.push(async () => executorApi.stop())
        }
        const graph = await startGraphEmulator({
            port: ports.graph ?? 0,
            now,
            tenantId: SANDBOX_TENANT_ID,
            clients: [{ clientId, clientSecret }],
            users: [
                {
                    id: graphIds.userId,
                    userPrincipalName: seeded.requester.email,
                    mail: seeded.requester.email,
                    displayName: seeded.requester.displayName,
                },
            ],
            roles: [{ id: graphIds.roleId, displayName: graphIds.roleName }],
            // The requester is eligible for the role in PIM: the executor confirms it before an Entra role grant.
            eligibilities: [{ principalId: graphIds.userId, roleDefinitionId: graphIds.roleId }],
            groups: [{ id: graphIds.groupId, displayName: graphIds.groupName }],
            pimForGroups: true,
            // Entra's real rules stay on (5 minutes before a removal is accepted): a 1-minute PIM assignment ends
            // natively at its expiry, and the executor's revoke at that time finds it already gone.
        })
        closers.push(() => graph.close())
        const epmClientId = 'gbg-sandbox-executor'
        const epmSecret = randomBytes(24).toString('base64url')
        const epm = await startEpmEmulator({
            clientId: epmClientId,
            clientSecret: epmSecret,
            now,
            port: ports.epm ?? 0,
            endpointActivity: { lagMs: 20_000 },
        })
        closers.push(() => epm.close())
        if (seeded.ci) epm.addComputer(seeded.ci.name)
        let consoleEmu: ConsoleEmulator | null = null
        if (options.provider === 'console') {
            consoleEmu = await startConsoleEmulator({ now, port: ports.console ?? 0 })
            const c = consoleEmu
            closers.push(() => c.close())
        }
        const graphCaFile = join(dataDir, 'graph-emulator-ca.pem')
        writeFileSync(graphCaFile, graph.ca)

        const executorPort = ports.executor ?? (await freePort())
        // The nudge (issue 18): the app's async rule POSTs a signed "poll now" to this executor whenever it queues an
        // action ready now (an approval, "Revoke now"), so those run without waiting for the poll. Configured as an
        // admin would: the three properties on the instance, the same secret in GBG_NUDGE_SECRET.
        const nudgeSecret = randomBytes(32).toString('base64url')
        configureNudge(sn, `http://127.0.0.1:${executorPort}/v1/nudge`, nudgeSecret)
        const env = executorEnv({
            nudgeSecret,
            provider: options.provider,
            sn,
            seeded,
            webhook,
            hmacSecret,
            graph,
            graphCaFile,
            clientId,
            clientSecret,
            teams,
            epm,
            epmClientId,
            epmSecret,
            console: consoleEmu,
            dataDir,
            journalPath: join(dataDir, 'journal.db'),
            executorPort,
            instanceName: options.instanceName ?? 'sandbox-executor-1',
            pollIntervalSeconds: options.pollIntervalSeconds ?? 1,
        })
        const envFile = writeEnvFile(join(dataDir, 'executor.env'), env)
        return {
            env,
            envFile,
            sn,
            webhook,
            graph,
            teams,
            epm,
            console: consoleEmu,
            now,
            seeded,
            app: appSubmission ? appSubmission.app : null,
            approvedBy: appSubmission ? appSubmission.approvedBy : [],
            dataDir,
            executorLogFile: join(dataDir, 'executor.log'),
            executorPort,
            close,
        }
    } catch (error) {
        await close()
        throw error
    }
}

interface EnvInput {
    nudgeSecret: string
    provider: ProviderName
    sn: ServiceNowEmulator
    seeded: SeededScenario
    webhook: WebhookEmulator
    hmacSecret: string
    graph: GraphEmulator
    graphCaFile: string
    clientId: string
    clientSecret: string
    teams: TeamsEmulator
    epm: EpmEmulator
    epmClientId: string
    epmSecret: string
    console: ConsoleEmulator | null
    dataDir: string
    journalPath: string
    executorPort: number
    instanceName: string
    pollIntervalSeconds: number
}

/**
 * The executor's production configuration for this sandbox (names from `executor/src/config.ts`). Only the
 * scenario's provider is enabled, so the executor's readiness checks exactly what the demo uses.
 */
function executorEnv(i: EnvInput): Record<string, string> {
    const env: Record<string, string> = {
        GBG_INSTANCE_NAME: i.instanceName,
        GBG_SANDBOX: 'true',
        GBG_LOG_LEVEL: 'debug',
        GBG_SN_URL: i.sn.url,
        GBG_SN_AUTH_MODE: 'basic',
        GBG_SN_USERNAME: i.seeded.executorUser.userName,
        GBG_SN_PASSWORD: i.seeded.executorUser.password,
        GBG_POLL_INTERVAL_SECONDS: String(i.pollIntervalSeconds),
        // Short retry delays: a demo of a 1-minute grant cannot wait the production 2 s → 5 min backoff.
        GBG_BACKOFF_BASE_MS: '500',
        GBG_BACKOFF_MAX_MS: '5000',
        GBG_JOURNAL_PATH: i.journalPath,
        GBG_HTTP_HOST: '127.0.0.1',
        GBG_HTTP_PORT: String(i.executorPort),
        GBG_NUDGE_SECRET: i.nudgeSecret,
        GBG_PROVIDERS: i.provider,
        GBG_TEAMS_WEBHOOK_URL: i.teams.workflowsUrl,
        // The executor's audit events are keyed (HMAC) as in production (docs/security.md, "Audit chain").
        GBG_AUDIT_KEY: randomBytes(32).toString('base64url'),
    }
    if (i.provider === 'webhook') {
        env['GBG_WEBHOOK_BASE_URL'] = i.webhook.url
        env['GBG_WEBHOOK_HMAC_SECRET'] = i.hmacSecret
    } else if (i.provider === 'epm') {
        env['GBG_EPM_BASE_URL'] = i.epm.url
        env['GBG_EPM_CLIENT_ID'] = i.epmClientId
        env['GBG_EPM_CLIENT_SECRET'] = i.epmSecret
        env['GBG_EPM_DECISION_PATH'] = DECISION_PATHS[i.epm.switches.decisionPath]
    } else if (i.provider === 'console') {
        if (!i.console) throw new Error('executorEnv: the console provider needs the console emulator')
        env['GBG_CONSOLE_URL'] = i.console.url
        env['GBG_CONSOLE_USERNAME'] = i.console.username
        env['GBG_CONSOLE_PASSWORD'] = i.console.password
        env['GBG_CONSOLE_TOTP_SEED'] = i.console.totpSeed
        env['GBG_CONSOLE_EVIDENCE_DIR'] = join(i.dataDir, 'console-evidence')
        // Debian's Chromium (the README's prerequisite); a loaded machine is slow to answer a page.
        env['GBG_CONSOLE_CHROMIUM_PATH'] = '/usr/bin/chromium'
        env['GBG_CONSOLE_PAGE_TIMEOUT_MS'] = '15000'
    } else {
        env['GBG_ENTRA_TENANT_ID'] = i.graph.tenantId
        env['GBG_ENTRA_CLIENT_ID'] = i.clientId
        env['GBG_ENTRA_CLIENT_SECRET'] = i.clientSecret
        env['GBG_ENTRA_AUTHORITY_URL'] = i.graph.authorityHost
        env['GBG_ENTRA_GRAPH_BASE_URL'] = i.graph.graphBase
        env['GBG_ENTRA_GROUP_MODE'] = 'pim'
        env['GBG_ENTRA_DEVICE_CLASS_GROUPS'] = `workstation=${i.seeded.graphIds.groupId}`
        // The Graph emulator serves HTTPS with a throw-away self-signed certificate: the executor trusts it the way
        // an enterprise trusts its TLS-inspecting proxy's CA — through its own setting (an executor in this
        // process) and through Node's standard variable (an executor child process).
        env['GBG_ENTRA_CA_FILE'] = i.graphCaFile
        env['NODE_EXTRA_CA_CERTS'] = i.graphCaFile
    }
    return env
}

/** Enable the app's nudge on the sandbox instance (properties PROPERTY.nudgeEnabled / nudgeUrl / nudgeSecret). */
export function configureNudge(sn: ServiceNowEmulator, url: string, secret: string): void {
    const set = (name: string, value: string): void => {
        const existing = sn.scripting.list('sys_properties').find((p) => p['name'] === name)
        if (existing) sn.scripting.modify('sys_properties', existing['sys_id']!, { value }, 'system')
        else sn.scripting.create('sys_properties', { name, value }, 'system')
    }
    set(PROPERTY.nudgeEnabled, 'true')
    set(PROPERTY.nudgeUrl, url)
    set(PROPERTY.nudgeSecret, secret)
}

/** The env file's text: one `KEY="value"` line per variable, as `node --env-file` reads it. */
export function envFileText(env: Record<string, string>): string {
    const lines = ["# The sandbox executor's configuration (contains secrets). Use: node --env-file=<this file> …"]
    for (const [key, value] of Object.entries(env)) {
        if (!/^[A-Z][A-Z0-9_]*$/.test(key)) throw new Error(`envFileText: not a variable name: ${key}`)
        // Double-quoted values are taken literally by Node's parser except for \n; refuse what it would change.
        if (/["\\\n\r]/.test(value)) throw new Error(`envFileText: ${key} holds a character the env file cannot carry`)
        lines.push(`${key}="${value}"`)
    }
    return lines.join('\n') + '\n'
}

/** Writes the executor's configuration to `path`, readable by the owner only (0600, also when it existed). */
export function writeEnvFile(path: string, env: Record<string, string>): string {
    writeFileSync(path, envFileText(env), { mode: 0o600 })
    chmodSync(path, 0o600)
    return path
}

/**
 * How an operator runs the Runbook's commands against the sandbox's executor, from the repository root: the CLI
 * under Node with the sandbox's env file (Node 20.6+ `--env-file`; tsx runs the TypeScript as `npm start` does).
 * No secret is printed: they stay in the file.
 */
export function operatorCommands(sandbox: Pick<Sandbox, 'envFile' | 'seeded'>, cwd: string = REPO_ROOT): string[] {
    const file = relative(cwd, sandbox.envFile) || sandbox.envFile
    const cli = `node --env-file=${file} --import tsx executor/src/cli.ts`
    const grant = sandbox.seeded.grant.number
    return [
        `Operate this executor as the Runbook does (from the repository root; its settings, secrets included, are in`,
        `${file}, readable by you only):`,
        `  ${cli} doctor`,
        `  ${cli} status`,
        `  ${cli} audit verify ${grant}`,
        `  ${cli} revoke ${grant} --reason "trying the runbook"`,
    ]
}
