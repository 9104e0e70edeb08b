/**
 * The sandbox scenario shared by `npm run demo` (run once, exit) and `npm start` without a ServiceNow instance
 * (run, then keep everything up): start the sandbox, print where things are, start watching the grant, spawn
 * the REAL executor, and — once the grant is revoked and verified — check the outcome independently of what
 * the executor says (provider state, audit chain, write-backs) and summarise it.
 *
 * Test / dev code only.
 */
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import {
    AUDIT_FIELDS,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    TABLE,
    verifyChain,
    type ChainedAuditEvent,
    type ProviderName,
} from '@gbg/shared'
import { parseGlideDateTime } from '../emulators/servicenow/store'
import { startExecutorProcess, REPO_ROOT } from '../support/executor-process'
import { startInProcessExecutor } from '../support/executor-in-process'
import type { VirtualClock } from '../support/virtual-clock'
import { holdAwake } from '../support/virtual-time'
import { startSandbox, type Sandbox, type SandboxPorts } from './sandbox'
import type { ConsoleDrift } from '../emulators/console'
import { compactJson, watchGrant, type Timeline } from './timeline'

/** Options of {@link runScenario}. */
export interface ScenarioOptions {
    provider: ProviderName
    durationMinutes: number
    /** Give up after this long (from the executor's start). */
    timeoutMs: number
    ports?: SandboxPorts
    print?: (line: string) => void
    /**
     * Run everything — emulators, the app's modules and the executor (then in this process, not a child) — on
     * this virtual clock (the tests' one demo run). Absent: real time and the executor as a child process, as
     * `npm start` and `npm run demo` run it.
     */
    clock?: VirtualClock
    /** The executor's poll interval, seconds (longer scenarios on virtual time poll less). @defaultValue 1 */
    pollIntervalSeconds?: number
    /** Drifts of the emergency console (provider console), switched on before the executor starts. */
    consoleDrift?: ConsoleDrift
}

/** The scenario's executor, a child process or a service in this process. */
export interface ScenarioExecutor {
    /** File with its JSON log lines. */
    logFile: string
    /** Resolves with the exit code (or signal name) when it ends, however it ends. */
    exited: Promise<number | string>
    /** Graceful stop (drain); resolves with the exit code. */
    stop(): Promise<number | string>
}

/** Starts the scenario's executor: the production program as a child, or the same service in this process. */
async function startScenarioExecutor(sandbox: Sandbox, clock: VirtualClock | undefined): Promise<ScenarioExecutor> {
    if (!clock) return startExecutorProcess(sandbox.env, { logFile: sandbox.executorLogFile, detached: true })
    const service = await startInProcessExecutor(sandbox.env, clock, sandbox.executorLogFile)
    // The console's browser flows run in real time over Playwright's pipe to Chromium (not HTTP): each holds the
    // virtual clock still until it ends, as the real clock would barely move during a flow of a few seconds.
    const browserProvider = service.service.providers.get('console')
    if (browserProvider) {
        for (const op of ['grant', 'revoke', 'verify'] as const) {
            const call = browserProvider[op].bind(browserProvider) as (...args: unknown[]) => Promise<unknown>
            ;(browserProvider as unknown as Record<string, unknown>)[op] = async (...args: unknown[]) => {
                const release = holdAwake()
                try {
                    return await call(...args)
                } finally {
                    release()
                }
            }
        }
    }
    let exit: (code: number) => void = () => undefined
    const exited = new Promise<number | string>((resolve) => (exit = resolve))
    return {
        logFile: sandbox.executorLogFile,
        exited,
        async stop() {
            await service.stop()
            exit(0)
            return exited
        },
    }
}

/** A running scenario. */
export interface RunningScenario {
    sandbox: Sandbox
    executor: ScenarioExecutor
    timeline: Timeline
    /**
     * Resolves when the grant is revoked and verified; rejects with a clear message when the grant fails, the
     * executor exits on its own, or the timeout passes.
     */
    finished: Promise<void>
    /** Stops the executor gracefully (SIGTERM) and closes the emulators; resolves with the executor's exit. */
    shutdown(): Promise<number | string>
}

/** Human description of what the grant gives. */
function describeTarget(sandbox: Sandbox): string {
    const s = sandbox.seeded
    if (s.targetKind === 'entra_role') return `Entra role ${s.graphIds.roleName} (${s.graphIds.roleId})`
    if (s.provider === 'entra-group') return `local admin on ${s.ci.name} through Entra group ${s.graphIds.groupName}`
    if (s.provider === 'epm') return `local admin on ${s.ci.name} through a BeyondTrust EPM JIT Admin session`
    if (s.provider === 'console') {
        const p = s.plan.target
        return `the restoration of ${p.account} as ${p.scope} at tenant ${p.tenantId} (${p.tenantName}) through the browser-only emergency console`
    }
    return `local admin on ${s.ci.name} through the admin-as-a-service webhook`
}

/** Starts the sandbox and the executor, and the timeline watch. */
export async function runScenario(options: ScenarioOptions): Promise<RunningScenario> {
    const print = options.print ?? ((line: string) => console.log(line))
    const sandbox = await startSandbox({
        provider: options.provider,
        durationMinutes: options.durationMinutes,
        ports: options.ports,
        clock: options.clock,
        pollIntervalSeconds: options.pollIntervalSeconds,
    })
    if (sandbox.console && options.consoleDrift) Object.assign(sandbox.console.drift, options.consoleDrift)
    const s = sandbox.seeded
    const rel = (p: string): string => relative(process.cwd(), p) || p
    print(`Sandbox (${options.provider}) — every system below is an emulator on 127.0.0.1:`)
    print(`  ServiceNow   ${sandbox.sn.url}   (executor signs in as ${s.executorUser.userName}, role executor only)`)
    print(`  Webhook      ${sandbox.webhook.url}`)
    print(`  Graph/Entra  ${sandbox.graph.url}`)
    print(`  EPM          ${sandbox.epm.url}   (device ${s.ci.name} enrolled; its session activity is simulated)`)
    if (sandbox.console) {
        print(`  Console      ${sandbox.console.url}   (browser-only emergency console, driven in Debian's Chromium)`)
    }
    print(`  Executor     http://127.0.0.1:${sandbox.executorPort}/healthz  /readyz  /metrics`)
    print(`  Executor logs (JSON): ${rel(sandbox.executorLogFile)}`)
    print('')
    if (sandbox.app) {
        print(
            `${s.requester.displayName} (${s.requester.userName}) ordered ${describeTarget(sandbox)} for ` +
                `${s.durationMinutes} min (${s.ritm.number}). The ServiceNow app — its real server modules, running ` +
                `on the emulator — judged it with policy "${s.decision.policyName}", froze plan ` +
                `${s.planDigest.slice(0, 12)}…, asked ${sandbox.approvedBy.join(' and ')}, who approved, and queued ` +
                `${s.grant.number}.`,
        )
    } else {
        print(
            `${s.requester.displayName} (${s.requester.userName}) asked for ${describeTarget(sandbox)} for ` +
                `${s.durationMinutes} min on ${s.ritm.number}; policy "${s.decision.policyName}" allowed it, ` +
                `${s.approvalSysIds.length === 1 ? 'her manager' : 'her manager and SecOps'} approved plan ` +
                `${s.planDigest.slice(0, 12)}…`,
        )
    }
    print('')

    const { timeline, finished: grantDone } = watchGrant(
        sandbox.sn,
        { grantSysId: s.grant.sysId, ritmSysId: s.ritm.sysId },
        options.timeoutMs,
        { print, now: options.clock ? () => options.clock!.now() : undefined },
    )
    const executor = await startScenarioExecutor(sandbox, options.clock)
    let stopping = false
    const executorDied = executor.exited.then((code) => {
        if (stopping) return
        throw new Error(
            `the executor exited on its own (${code}) before the grant was revoked; see ${rel(executor.logFile)}`,
        )
    })
    const finished = Promise.race([grantDone, executorDied]).catch((error: unknown) => {
        const message = (error as Error).message
        if (/waitFor: condition not met/.test(message)) {
            const missing = ['claimed', 'granted', 'written back', 'revoke scheduled', 'revoked', 'verified'].filter(
                (stage) => !timeline.has(stage as never),
            )
            throw new Error(
                `timed out after ${Math.round(options.timeoutMs / 1000)} s; never reached: ${missing.join(', ')}`,
            )
        }
        throw error
    })
    // The race's losers must not surface as unhandled rejections.
    grantDone.catch(() => undefined)
    executorDied.catch(() => undefined)

    let shutdownPromise: Promise<number | string> | undefined
    const shutdown = (): Promise<number | string> => {
        shutdownPromise ??= (async () => {
            stopping = true
            const code = await executor.stop()
            await sandbox.close()
            return code
        })()
        return shutdownPromise
    }
    return { sandbox, executor, timeline, finished, shutdown }
}

/** Result of {@link checkOutcome}. */
export interface Outcome {
    lines: string[]
    /** Anything that makes the run a failure (empty = success). */
    problems: string[]
}

/**
 * Checks the end state independently of the executor: the grant record, the provider's own state (no access
 * left), the audit chain, the write-backs, incidents and notifications.
 */
export function checkOutcome(sandbox: Sandbox): Outcome {
    const s = sandbox.seeded
    const store = sandbox.sn.store
    const lines: string[] = []
    const problems: string[] = []
    const grant = store.get(TABLE.grant, s.grant.sysId) ?? {}
    const g = (field: string): string => grant[field] ?? ''

    const expires = parseGlideDateTime(g(GRANT_FIELDS.expiresAt))
    const granted = parseGlideDateTime(g(GRANT_FIELDS.grantedAt))
    const revoked = parseGlideDateTime(g(GRANT_FIELDS.revokedAt))
    lines.push(`Grant ${s.grant.number}: ${g(GRANT_FIELDS.state)}`)
    lines.push(
        `  granted ${g(GRANT_FIELDS.grantedAt)} UTC, expired ${g(GRANT_FIELDS.expiresAt)} UTC, revoked ` +
            `${g(GRANT_FIELDS.revokedAt)} UTC` +
            (Number.isNaN(revoked) || Number.isNaN(expires)
                ? ''
                : ` (${Math.round((revoked - expires) / 1000)} s after expiry)`),
    )
    if (g(GRANT_FIELDS.state) !== 'revoked') problems.push(`grant state is ${g(GRANT_FIELDS.state)}, expected revoked`)
    if (!Number.isNaN(granted) && !Number.isNaN(expires)) {
        const minutes = Math.round((expires - granted) / 60_000)
        if (minutes !== s.durationMinutes)
            problems.push(`granted for ${minutes} min, approved ${s.durationMinutes} min`)
    }
    if (!Number.isNaN(revoked) && !Number.isNaN(expires) && revoked < expires - 1000) {
        problems.push('revoked before the approved expiry without a revoke-now request')
    }
    lines.push(`  provider transaction ids: ${compactJson(g(GRANT_FIELDS.providerTxnIds)) || '(none)'}`)

    // The provider's own view: no access may be left.
    let remaining = 0
    if (s.provider === 'webhook') {
        remaining = sandbox.webhook.activeGrantsFor(s.requester.userName).length
    } else if (s.provider === 'epm') {
        remaining = sandbox.epm.openRequestsFor(s.requester.userName).length
        // What the session was used for, as the executor attached it to the grant after the revoke.
        const evidence = JSON.parse(g(GRANT_FIELDS.evidence) || 'null') as { evidence?: Record<string, unknown> } | null
        const activity = evidence?.evidence?.['activity'] as { total?: number; text?: string } | undefined
        lines.push(`  EPM session activity on the grant: ${activity?.text ?? '(none)'}`)
        if (!activity || !activity.total) problems.push('the grant carries no EPM session activity')
    } else if (s.provider === 'console' && sandbox.console) {
        // The console's own status: no restoration of this grant still active; each one ended or expired.
        const mine = sandbox.console.restorations.filter((r) => r.reference === s.grant.number)
        remaining = mine.filter(
            (r) => r.endedAt === null && (r.expiresAt === null || r.expiresAt > sandbox.now()),
        ).length
        lines.push(
            `  console restorations for ${s.grant.number}: ${mine.map((r) => `${r.id} (${r.scope.slice().sort().join(',')}, ${r.expiryMinutes} min)`).join(', ') || 'none'}`,
        )
        if (mine.length !== 1)
            problems.push(`the console holds ${mine.length} restorations for ${s.grant.number}, expected 1`)
        const evidence = JSON.parse(g(GRANT_FIELDS.evidence) || 'null') as Record<string, unknown> | null
        if (!evidence) problems.push('the grant carries no console evidence')
    } else if (s.provider === 'entra-role') {
        remaining = sandbox.graph.state.listRoleInstances({
            principalId: s.graphIds.userId,
            roleDefinitionId: s.graphIds.roleId,
        }).length
    } else {
        remaining = sandbox.graph.state.members(s.graphIds.groupId).filter((u) => u.id === s.graphIds.userId).length
    }
    lines.push(`  ${s.provider} now reports ${remaining === 0 ? 'no access left' : `${remaining} active access(es)!`}`)
    if (remaining > 0) problems.push(`the ${s.provider} emulator still shows active access for ${s.requester.userName}`)

    // Write-backs on the RITM.
    const notes = store.journal(PLATFORM_TABLE.ritm, s.ritm.sysId).filter((j) => j.element === 'work_notes')
    const files = store.attachments(PLATFORM_TABLE.ritm, s.ritm.sysId)
    lines.push(
        `  ${s.ritm.number}: ${notes.length} work note(s), attachment(s): ` +
            (files.map((f) => f.fileName).join(', ') || 'none'),
    )
    if (!notes.some((n) => n.createdBy === s.executorUser.userName)) {
        problems.push(`no work note by the executor on ${s.ritm.number}`)
    }
    if (sandbox.app) {
        const counts = new Map<string, number>()
        for (const e of sandbox.app.events) {
            const name = e.name.replace('x_gbg_breakglass.', '')
            counts.set(name, (counts.get(name) ?? 0) + 1)
        }
        lines.push(
            `  e-mail events queued by the app: ` +
                ([...counts].map(([n, c]) => (c > 1 ? `${n} ×${c}` : n)).join(', ') || 'none'),
        )
        for (const expected of ['approval.requested', 'approved', 'granted', 'revoked']) {
            if (!counts.has(expected)) problems.push(`the app queued no ${expected} notification`)
        }
    }
    if (files.length === 0) problems.push(`no receipt attached to ${s.ritm.number}`)

    // The audit trail must still verify end to end (app events + the executor's).
    const events: ChainedAuditEvent[] = store
        .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === s.grant.sysId)
        .map((e) => ({
            grant: e[AUDIT_FIELDS.grant] ?? '',
            action: e[AUDIT_FIELDS.action] ?? '',
            sequence: Number(e[AUDIT_FIELDS.sequence]),
            eventType: e[AUDIT_FIELDS.eventType] ?? '',
            actor: e[AUDIT_FIELDS.actor] ?? '',
            occurredAt: new Date(parseGlideDateTime(e[AUDIT_FIELDS.occurredAt] ?? '')).toISOString(),
            payload: JSON.parse(e[AUDIT_FIELDS.payload] || 'null') as unknown,
            prevHash: e[AUDIT_FIELDS.prevHash] ?? '',
            hash: e[AUDIT_FIELDS.hash] ?? '',
        }))
        .sort((a, b) => a.sequence - b.sequence)
    const verdict = verifyChain(events)
    const executorEvents = events.filter((e) => /executor/.test(e.actor)).length
    lines.push(
        `  audit trail: ${events.length} events (${executorEvents} by the executor), chain ` +
            (verdict.ok ? 'verifies' : `BROKEN at event ${verdict.brokenAt + 1}: ${verdict.reason}`),
    )
    if (!verdict.ok) problems.push(`audit chain broken at event ${verdict.brokenAt + 1}: ${verdict.reason}`)

    // Raised by the run (the console scenario's P1, which the request is for, was there before it).
    const incidents = store.list(PLATFORM_TABLE.incident, (i) => i['sys_id'] !== s.console?.incident.sysId)
    lines.push(`  incidents raised: ${incidents.length}; Teams notifications: ${sandbox.teams.messages.length}`)
    return { lines, problems }
}

/**
 * The executor's last `count` warnings and errors (info records when there are none; never debug chatter), as
 * "level message detail" lines, for a failure message.
 */
export function tailExecutorLog(logFile: string, count = 8): string[] {
    let text = ''
    try {
        text = readFileSync(logFile, 'utf8')
    } catch {
        return []
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '')
    const level = (line: string): string => /"level":"(\w+)"/.exec(line)?.[1] ?? 'text'
    const serious = lines.filter((l) => ['warn', 'error', 'text'].includes(level(l)))
    const chosen = serious.length > 0 ? serious : lines.filter((l) => level(l) === 'info')
    return chosen.slice(-count).map((line) => {
        try {
            const record = JSON.parse(line) as Record<string, unknown>
            const extra = record['error'] ?? record['err'] ?? record['reason'] ?? ''
            return `${String(record['level'] ?? '')} ${String(record['message'] ?? record['msg'] ?? '')} ${
                typeof extra === 'string' ? extra : JSON.stringify(extra)
            }`.trim()
        } catch {
            return line.slice(0, 300)
        }
    })
}

/** Repository-relative path, for printing. */
export function repoPath(path: string): string {
    return relative(REPO_ROOT, path)
}
