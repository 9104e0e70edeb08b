/**
 * The deterministic simulator (issue 12): many request lifecycles through the REAL executor (in process, several
 * replicas on one queue), the app's REAL server modules on the ServiceNow emulator and the provider emulators, on
 * one virtual clock, with faults injected at rates scaled by `faults` and the safety invariants checked after every
 * settled step. Every random choice comes from one PRNG seeded by `seed` (workload, faults, crash points, start
 * offsets, clock skews), so a seed replays its run. See docs/simulation.md.
 *
 * Test code only.
 */
import { rmSync } from 'node:fs'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE, type ProviderName } from '@gbg/shared'
import { castVote, orderItem } from '../../now-app/test/support/app-actions'
import { cancelGrantAsUser } from '../../now-app/src/server/cancel'
import { queueRevokeNow } from '../../now-app/src/server/revoke-now'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { runWatchdog } from '../../now-app/src/server/watchdog'
import { addWorkstation } from '../e2e/support/grants'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { settle } from '../support/virtual-time'
import { Agenda } from './agenda'
import { FaultInjector, type FaultKind } from './faults'
import { Invariants, type Violation } from './invariants'
import { useSeededEntropy } from './entropy'
import { runWorldsInWorkers } from './parallel'
import { Prng } from './prng'
import { APPROVAL_TIMEOUT_MINUTES, raiseP1, startSimWorld, type SimWorld } from './world'
import { extendHook } from './extend-hook'

/** Options of {@link runSimulation}. */
export interface SimOptions {
    seed: string
    lifecycles: number
    /** Fault rate scale, 0..1. */
    faults: number
    /** Only these fault kinds (all when absent or empty). */
    only?: string[]
    /**
     * Rates of the issue-17 workload (tests): cancel before start among human-approved requests, ticket close among
     * rule-path requests, extend among human / rule requests. Defaults 0.25, 0.6, 0.15.
     */
    workload?: { cancel?: number; ticketClose?: number; extend?: number }
    /** Lifecycles per simulated world (a fresh world — emulators, executors, journals — per batch). */
    perWorld?: number
    /** Child processes running whole worlds in parallel (1: all in this process). The result does not depend on it. */
    workers?: number
    /** Run only this world of the run's plan (reproducing one world of a long run). */
    world?: number
    /** With `world`: run the worlds `world`..`worldTo` (a long run split over several invocations). */
    worldTo?: number
    /** Progress lines (one per world). */
    progress?: (line: string) => void
    /** The run so far, after each world is merged (a long run stopped early still has its figures). */
    partial?: (result: SimResult) => void
    /** Receives every executor log line (warn and above) with its replica name, for debugging a seed. */
    log?: (replica: string, line: Record<string, unknown>) => void
}

/** What a run produced. */
export interface SimResult {
    seed: string
    /** Lifecycles asked for (`--lifecycles`) and per world: with the seed, what reproduces the run. */
    plan: { lifecycles: number; perWorld: number; world?: number; worldTo?: number }
    lifecycles: number
    faultRate: number
    only?: string[]
    /** Lifecycles by how they ended. */
    outcomes: Record<string, number>
    /** Faults injected, by kind. */
    faults: Record<string, number>
    /** Races observed (not injected): e.g. the provider's native expiry beat the revoke. */
    observed: Record<string, number>
    violations: Violation[]
    simulatedMs: number
    wallMs: number
    worlds: number
    /** The event trace (deterministic for a seed). */
    trace: string[]
}

export type Kind = 'webhook' | 'entra-group' | 'entra-role' | 'epm'
export type ApprovalPath = 'human' | 'rule' | 'escalation' | 'rejection' | 'abandoned'

/** One simulated lifecycle. */
export interface Lifecycle {
    id: number
    label: string
    kind: Kind
    path: ApprovalPath
    durationMinutes: number
    /** The directory role asked for (entra-role). */
    roleId?: string
    /** Who orders it (the world's requester; EPM orders rotate over the world's EPM engineers). */
    requester?: { sysId: string; userName: string }
    /** Minutes after activation at which the requester clicks "Revoke now" (none: runs to expiry). */
    revokeNowAfterMinutes?: number
    orderedAt: number
    ritmSysId: string
    ritmNumber: string
    grantSysId: string
    grantNumber: string
    /** The sim cast the deciding approval (or saw the auto-approval): the request may reach the provider. */
    approved: boolean
    /** When "Revoke now" was clicked (epoch ms). */
    revokeNowAt?: number
    /** Someone re-added the access out of band at this lifecycle's revoke (once per lifecycle). */
    reAdded?: boolean
    /** That out-of-band access is still there (SecOps have not removed it yet). */
    strayAccess?: boolean
    /** The incident the request is for (the rule path raises one). */
    incidentSysId?: string
    /** Cancel before start: the approver who voted cancels this long after approving (racing the executor's claim). */
    cancelAfterMs?: number
    /** The approver who cast the deciding vote (user name). */
    approverUserName?: string
    /** When the cancel was accepted by the app (epoch ms): nothing may ever be granted for it. */
    cancelledAt?: number
    /** The cancel was tried and refused (the executor had started: `granting` was recorded first). */
    cancelRefused?: boolean
    /** Ticket close: the desk agent resolves the linked incident this long after approval. */
    closeTicketAfterMs?: number
    /** When the linked incident was resolved (epoch ms): access ends within the grace of it. */
    ticketClosedAt?: number
    /** Extend: the requester asks for more time this many minutes after activation (extend-hook.ts). */
    extendAfterMinutes?: number
    /** The extension asked for, and whether the sim's approver approved it (its own approval). */
    extension?: { sysId: string; number: string; minutes: number; approved: boolean; state: string }
    final: string
}

const FINAL_STATES = ['revoked', 'rejected', 'policy_rejected', 'cancelled', 'expired_unapproved', 'grant_failed']
/** Lifecycles per world unless `perWorld` says otherwise. */
export const DEFAULT_PER_WORLD = 40

/**
 * Wall time a world may take to go quiet between two virtual-time steps before the run fails as hung. Generous:
 * on a loaded machine (long run 2026-12-02, load average ~18) a quiet point took over 30 s to reach, and the run
 * died of the timeout although the world was not hung (the same world alone: 0 violations).
 */
const SETTLE_WALL_MS = 300_000
const START = Date.UTC(2026, 0, 5, 9, 0, 0)
const DAY = 24 * 60 * 60_000
const WATCHDOG_EVERY_MS = 5 * 60_000
/** A world must converge (every request final, queue and outboxes empty) this long after its last request. */
const CONVERGE_WITHIN_MS = 4 * 60 * 60_000

const fmt = (ms: number): string => {
    const s = Math.floor(ms / 1000)
    const h = Math.floor(s / 3600)
    const m = Math.floor((s % 3600) / 60)
    const sec = s % 60
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`
}

/** One world of a run: which lifecycles it holds and the seed of its PRNG (forked from the run's, in order). */
export interface WorldSpec {
    index: number
    firstId: number
    count: number
    /** Seed of the world's PRNG: `new Prng(seed)` is the run PRNG's `fork('world-<index>')`. */
    seed: string
}

/** What one world produced (merged into the run's {@link SimResult} in world order). */
export type WorldResult = Omit<SimResult, 'seed' | 'plan' | 'faultRate' | 'only' | 'wallMs' | 'worlds'> & {
    index: number
    /** Executor log lines (warn and above) and ServiceNow writes, when asked for (`log`). */
    log: [string, Record<string, unknown>][]
}

/**
 * The worlds of a run, in order. Each world's PRNG is forked from the run's PRNG by one draw per world (as
 * `Prng.fork` does), so world `i` is the same whichever process runs it and whichever worlds run before it.
 */
export function planWorlds(options: Pick<SimOptions, 'seed' | 'lifecycles' | 'perWorld'>): WorldSpec[] {
    const prng = new Prng(options.seed)
    const perWorld = Math.max(1, options.perWorld ?? DEFAULT_PER_WORLD)
    const worlds: WorldSpec[] = []
    for (let firstId = 1, index = 0; firstId <= options.lifecycles; index++) {
        const count = Math.min(perWorld, options.lifecycles - firstId + 1)
        worlds.push({ index, firstId, count, seed: `world-${index}:${prng.int(0, 2 ** 31)}` })
        firstId += count
    }
    return worlds
}

/** Runs one world (in this process) and returns what it produced. */
export async function runWorldSpec(spec: WorldSpec, options: SimOptions & { wantLog?: boolean }): Promise<WorldResult> {
    const acc: SimResult = {
        seed: options.seed,
        plan: { lifecycles: options.lifecycles, perWorld: options.perWorld ?? DEFAULT_PER_WORLD },
        lifecycles: 0,
        faultRate: options.faults,
        only: options.only,
        outcomes: {},
        faults: {},
        observed: {},
        violations: [],
        simulatedMs: 0,
        wallMs: 0,
        worlds: 0,
        trace: [],
    }
    const log: [string, Record<string, unknown>][] = []
    const wantLog = options.wantLog ?? options.log !== undefined
    const restore = useSeededEntropy(new Prng(`entropy/${spec.seed}`))
    try {
        await runWorld(new Prng(spec.seed), acc, {
            ...options,
            firstId: spec.firstId,
            count: spec.count,
            index: spec.index,
            log: wantLog ? (replica, line) => log.push([replica, line]) : undefined,
        })
    } finally {
        restore()
    }
    return {
        index: spec.index,
        lifecycles: acc.lifecycles,
        outcomes: acc.outcomes,
        faults: acc.faults,
        observed: acc.observed,
        violations: acc.violations,
        simulatedMs: acc.simulatedMs,
        trace: acc.trace,
        log,
    }
}

/** Adds `world` into `total` (call in world order: the trace is the worlds' traces in order). */
export function mergeWorld(total: SimResult, world: WorldResult): void {
    const add = (into: Record<string, number>, from: Record<string, number>): void => {
        for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n
    }
    total.lifecycles += world.lifecycles
    add(total.outcomes, world.outcomes)
    add(total.faults, world.faults)
    add(total.observed, world.observed)
    total.violations.push(...world.violations)
    total.simulatedMs += world.simulatedMs
    total.trace.push(...world.trace)
    total.worlds += 1
}

/**
 * Runs a simulation: its worlds one after the other in this process, or (`workers` > 1) spread over that many
 * child processes (parallel.ts). Either way the worlds' results are merged in world order, so the trace and the
 * figures of a seed do not depend on the number of workers.
 */
export async function runSimulation(options: SimOptions): Promise<SimResult> {
    const wallStart = performance.now()
    const all = planWorlds(options)
    const last = options.worldTo ?? options.world
    const worlds =
        options.world === undefined ? all : all.filter((w) => w.index >= options.world! && w.index <= last!)
    if (worlds.length === 0) throw new Error(`--world ${options.world}: the run has worlds 0..${all.length - 1}`)
    const result: SimResult = {
        seed: options.seed,
        plan: {
            lifecycles: options.lifecycles,
            perWorld: options.perWorld ?? DEFAULT_PER_WORLD,
            world: options.world,
            worldTo: options.worldTo,
        },
        lifecycles: 0,
        faultRate: options.faults,
        only: options.only,
        outcomes: {},
        faults: {},
        observed: {},
        violations: [],
        simulatedMs: 0,
        wallMs: 0,
        worlds: 0,
        trace: [],
    }
    const progress = (): void =>
        options.progress?.(
            `world ${result.worlds}/${worlds.length}: ${result.lifecycles}/${options.lifecycles} lifecycles, ` +
                `${result.violations.length} violation(s), ${Math.round((performance.now() - wallStart) / 1000)} s`,
        )
    const take = (w: WorldResult): void => {
        mergeWorld(result, w)
        if (options.log) for (const [replica, line] of w.log) options.log(replica, line)
        progress()
        if (options.partial) {
            result.wallMs = Math.round(performance.now() - wallStart)
            options.partial(result)
        }
    }
    if ((options.workers ?? 1) > 1 && worlds.length > 1) {
        await runWorldsInWorkers(worlds, options, take)
    } else {
        for (const spec of worlds) take(await runWorldSpec(spec, options))
    }
    result.wallMs = Math.round(performance.now() - wallStart)
    return result
}

interface WorldRun extends SimOptions {
    firstId: number
    count: number
    index: number
}

/** A running executor replica of the world. */
interface Replica {
    name: string
    env: Record<string, string>
    skewMs: number
    exec?: InProcessExecutor
    /** Crashes since its start. */
    crashes: number
    /** Its start in progress. */
    starting?: Promise<void>
}

async function runWorld(prng: Prng, result: SimResult, run: WorldRun): Promise<void> {
    const start = START + run.index * DAY
    const clock = new VirtualClock(start)
    const sim = await startSimWorld(clock, prng)
    const { world, app, items } = sim.appWorld
    const { sn, base } = world
    const agenda = new Agenda()
    const trace = (line: string): void => {
        result.trace.push(`[w${run.index} ${fmt(clock.nowMs() - start)}] ${line}`)
    }
    const faults = new FaultInjector(prng.fork('faults'), run.faults, run.only ?? [], sim, result, trace)
    const lifecycles: Lifecycle[] = []
    const byGrant = new Map<string, Lifecycle>()
    const label = (grantSysId: string): string => byGrant.get(grantSysId)?.label ?? 'L?'

    // ---- executors -----------------------------------------------------------------------------------------
    const replicas: Replica[] = []
    const allLines: [string, Record<string, unknown>[]][] = []
    const replicaCount = prng.int(2, 3)
    for (let k = 1; k <= replicaCount; k++) {
        const name = `sim-exec-${k}`
        // Clock skew between the executor's host and the instance (NTP keeps it to seconds).
        let skewMs = prng.chance(run.faults) ? prng.int(-15_000, 15_000) : 0
        if (!faults.enabled('clock_skew')) skewMs = 0
        replicas.push({ name, env: sim.env(name), skewMs, crashes: 0 })
        if (skewMs !== 0) faults.count('clock_skew')
    }
    const skewedClock = (skewMs: number): VirtualClock => {
        if (skewMs === 0) return clock
        return {
            now: () => new Date(clock.nowMs() + skewMs),
            nowMs: () => clock.nowMs() + skewMs,
            sleep: (ms: number, signal?: AbortSignal) => clock.sleep(ms, signal),
        } as unknown as VirtualClock
    }
    /**
     * Starts a replica WITHOUT blocking the loop: its start-up talks to ServiceNow and may back off on the virtual
     * clock (a fault on its first calls), which only moves when the loop does.
     */
    const startReplica = (r: Replica, why: string): void => {
        if (r.exec || r.starting) return
        r.starting = bootReplica(r, why)
            .catch((error: unknown) => {
                trace(`${r.name} failed to start: ${(error as Error).message}`)
                agenda.at(clock.nowMs() + 30_000, `retry start ${r.name}`, () => startReplica(r, why))
            })
            .finally(() => {
                r.starting = undefined
            })
    }
    const bootReplica = async (r: Replica, why: string): Promise<void> => {
        const exec = await startInProcessExecutor(r.env, skewedClock(r.skewMs))
        r.exec = exec
        allLines.push([r.name, exec.lines as unknown as Record<string, unknown>[]])
        trace(`${r.name} started (${why}${r.skewMs ? `, clock skew ${r.skewMs} ms` : ''})`)
        const ev = exec.service.events
        const stepEvents = [
            'action:claimed',
            'recheck:passed',
            'grant:calling',
            'grant:active',
            'revoke:calling',
            'revoke:done',
            'verify:done',
            'writeback:done',
        ] as const
        for (const name of stepEvents) {
            ev.on(name, (e: { grantSysId: string; type?: string }) => {
                if (r.exec !== exec) return
                // Crash at this journal step (the in-flight run is abandoned; the journal keeps the step).
                if (faults.crashHere(name)) {
                    const lost = prng.chance(0.15) && faults.enabled('journal_lost')
                    trace(`${r.name} CRASH at ${name} ${label(e.grantSysId)}${lost ? ' (journal lost)' : ''}`)
                    faults.count(lost ? 'journal_lost' : 'executor_crash')
                    r.exec = undefined
                    r.crashes += 1
                    void exec.crash()
                    const back = clock.nowMs() + prng.int(5_000, 180_000)
                    agenda.at(back, `restart ${r.name}`, () => {
                        // Already back (the final drain starts every replica that is down).
                        if (r.exec || r.starting) return
                        if (lost) {
                            const path = r.env['GBG_JOURNAL_PATH']!
                            for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
                        }
                        startReplica(r, lost ? 'restart, empty journal' : 'restart on its journal')
                    })
                }
            })
        }
        ev.on('grant:active', (e) => trace(`${r.name} granted ${label(e.grantSysId)} via ${e.provider}`))
        ev.on('grant:failed', (e) => trace(`${r.name} grant failed ${label(e.grantSysId)}: ${e.kind} ${e.error}`))
        ev.on('recheck:refused', (e) => trace(`${r.name} gate refused ${label(e.grantSysId)}: ${e.code} ${e.reason}`))
        ev.on('revoke:calling', (e) => {
            trace(`${r.name} revoking ${label(e.grantSysId)}${e.local ? ' (local timer)' : ''}`)
            if (r.exec === exec) faults.maybeReAdd(byGrant.get(e.grantSysId), agenda, clock.nowMs())
        })
        ev.on('revoke:done', (e) => {
            trace(
                `${r.name} revoked ${label(e.grantSysId)}${e.alreadyAbsent ? ' (already absent)' : ''}` +
                    (e.retainedFor.length ? ` (retained for ${e.retainedFor.map(label).join(',')})` : ''),
            )
            if (e.alreadyAbsent) result.observed['native_expiry_won_race'] = (result.observed['native_expiry_won_race'] ?? 0) + 1
        })
        ev.on('revoke:failed', (e) => trace(`${r.name} revoke failed ${label(e.grantSysId)} (#${e.failures})`))
        ev.on('incident:raised', (e) => {
            trace(`${r.name} raised P${e.priority} ${e.kind} for ${label(e.grantSysId)}`)
            faults.onIncident(byGrant.get(e.grantSysId), agenda, clock.nowMs())
        })
        ev.on('action:dead', (e) => trace(`${r.name} action dead ${label(e.grantSysId)} ${e.type}`))
        ev.on('lease:lost', (e) => trace(`${r.name} lost lease ${label(e.grantSysId)} ${e.type}`))
    }
    for (const r of replicas) {
        // Staggered starts: replicas poll at different instants, as real ones do.
        agenda.at(start + prng.int(0, 19_999), `start ${r.name}`, () => startReplica(r, 'boot'))
    }

    // ---- workload ------------------------------------------------------------------------------------------
    const requester = base.requester
    const userName = (sysId: string): string => sn.store.get(PLATFORM_TABLE.user, sysId)?.['user_name'] ?? ''
    const grantRow = (l: Lifecycle) => sn.store.get(TABLE.grant, l.grantSysId)
    const voteAll = (l: Lifecycle, decision: 'approved' | 'rejected', documentId = l.grantSysId): number => {
        let votes = 0
        for (const a of sn.store.list(
            PLATFORM_TABLE.approval,
            (x) => x['document_id'] === documentId && x['state'] === 'requested',
        )) {
            const who = userName(a['approver'] ?? '')
            if (!who || who === (l.requester ?? requester).userName) continue
            app.as(who, () => castVote(a['sys_id']!, decision, decision === 'rejected' ? 'Not justified' : ''))
            l.approverUserName = who
            votes += 1
            if (decision === 'rejected') break
        }
        return votes
    }
    const afterApproval = (l: Lifecycle): void => {
        const state = grantRow(l)?.[GRANT_FIELDS.state] ?? ''
        if (state !== 'queued' && state !== 'approved') {
            trace(`${l.label} not queued after approval: ${state}`)
            return
        }
        l.approved = true
        trace(`${l.label} approved (${l.path}) -> ${state}`)
        scheduleAfterApproval(l)
    }
    /** Cancel before start and ticket close, once a request is approved (issue 17 workload). */
    const scheduleAfterApproval = (l: Lifecycle): void => {
        if (l.cancelAfterMs !== undefined && l.approverUserName) {
            const who = l.approverUserName
            agenda.at(clock.nowMs() + l.cancelAfterMs, `cancel ${l.label}`, () => {
                const r = app.as(who, () => cancelGrantAsUser(l.grantSysId, 'Approved in error: no longer needed'))
                if (r.ok) l.cancelledAt = clock.nowMs()
                else l.cancelRefused = true
                trace(`${l.label} cancel by ${who}: ${r.ok ? 'cancelled' : `refused (${r.message})`}`)
            })
        }
        if (l.closeTicketAfterMs !== undefined && l.incidentSysId) {
            const incident = l.incidentSysId
            agenda.at(clock.nowMs() + l.closeTicketAfterMs, `close ticket ${l.label}`, () => {
                // The service desk resolves the incident; the app's async rule on incident runs (ticket-bound.ts).
                const ok = app.as(sim.deskAgent.userName, () => {
                    const gr = new GlideRecord(PLATFORM_TABLE.incident)
                    if (!gr.get(incident)) return false
                    gr.setValue('state', '6')
                    gr.setValue('close_code', 'Solution provided')
                    gr.setValue('close_notes', 'Service restored')
                    return gr.update() !== null
                })
                if (ok) l.ticketClosedAt = clock.nowMs()
                trace(`${l.label} incident resolved${ok ? '' : ' (update refused)'} -> ${grantRow(l)?.[GRANT_FIELDS.state]}`)
            })
        }
    }

    // The issue-17 workload (cancel before start, ticket close, extend) draws from its own PRNG, so the main
    // sequence — and every kept seed's other choices — is unchanged by it.
    const extras = new Prng(`lifecycle-extras/${run.seed}/${run.index}`)
    const rates = { cancel: 0.25, ticketClose: 0.6, extend: 0.15, ...run.workload }
    let arrival = start + 30_000
    for (let i = 0; i < run.count; i++) {
        const id = run.firstId + i
        let kind: Kind = prng.weighted<Exclude<Kind, 'epm'>>({ webhook: 4, 'entra-group': 2, 'entra-role': 3 })
        // A third of the device orders go to BeyondTrust EPM — by lifecycle number, not a draw, so the PRNG's
        // sequence (and every other lifecycle of a kept seed) is unchanged.
        if (kind !== 'entra-role' && id % 3 === 2) kind = 'epm'
        let path = prng.weighted<ApprovalPath>({ human: 60, rule: 10, escalation: 10, rejection: 12, abandoned: 4 })
        if (path === 'rule' && kind === 'entra-role') path = 'human'
        const long = prng.chance(0.25)
        let durationMinutes = long ? prng.int(30, 120) : prng.int(1, 20)
        if (path === 'rule') durationMinutes = Math.min(durationMinutes, 60)
        // EPM's floor: a JIT Admin session lasts at least 5 minutes (docs/epm.md).
        if (kind === 'epm') durationMinutes = Math.max(durationMinutes, 5)
        const revokeNow = prng.chance(0.2)
        const l: Lifecycle = {
            id,
            label: `L${id}`,
            kind,
            path,
            durationMinutes,
            revokeNowAfterMinutes: revokeNow ? prng.int(0, durationMinutes) : undefined,
            // By lifecycle number, not a draw: the PRNG's sequence (and so every kept seed) is unchanged.
            roleId: kind === 'entra-role' ? sim.roleIds[(id - 1) % sim.roleIds.length] : undefined,
            orderedAt: arrival,
            ritmSysId: '',
            ritmNumber: '',
            grantSysId: '',
            grantNumber: '',
            approved: false,
            final: '',
        }
        if (path === 'human' && extras.chance(rates.cancel)) l.cancelAfterMs = extras.int(0, 40_000)
        if (path === 'rule' && extras.chance(rates.ticketClose))
            l.closeTicketAfterMs = extras.int(0, (durationMinutes + 3) * 60_000)
        if (extendHook && (path === 'human' || path === 'rule') && extras.chance(rates.extend))
            l.extendAfterMinutes = extras.int(0, Math.max(0, durationMinutes - 1))
        if (kind === 'epm') {
            // By count, not a draw: EPM orders rotate over the EPM engineers (one open EPM request per user).
            const n = lifecycles.filter((x) => x.kind === 'epm').length
            l.requester = sim.epmRequesters[n % sim.epmRequesters.length]
        }
        lifecycles.push(l)
        const voteDelay = prng.int(10_000, 20 * 60_000)
        agenda.at(arrival, `order ${l.label}`, () => {
            let incident = ''
            if (kind !== 'entra-role') sim.setDeviceProvider(kind)
            if (path === 'rule') incident = raiseP1(sim)
            if (incident) l.incidentSysId = incident
            const host = `WS-SIM-${run.index}-${String(id).padStart(5, '0')}`
            const ci = kind === 'entra-role' ? '' : addWorkstation(sn.store, base, host)
            const who = l.requester ?? requester
            if (kind === 'epm') {
                // The workstation is the EPM engineer's, enrolled in EPM.
                sn.store.update(PLATFORM_TABLE.computer, ci, { assigned_to: who.sysId })
                sim.enrolDevice(host)
            }
            const emergency = path === 'rule'
            l.ritmSysId = app.as(who.userName, () =>
                orderItem(
                    kind === 'entra-role' ? items.entraRole : items.localAdmin,
                    who.sysId,
                    {
                        requested_for: who.sysId,
                        device: ci,
                        role: l.roleId ?? '',
                        duration_minutes: String(durationMinutes),
                        justification: `Simulated lifecycle ${l.label}: ${kind} for ${durationMinutes} minutes`,
                        emergency: String(emergency),
                        ...(incident ? { incident } : {}),
                    },
                    {
                        short_description: kind === 'entra-role' ? 'Temporary Entra role' : 'Temporary local admin access',
                        requested_for: who.sysId,
                    },
                ),
            )
            const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === l.ritmSysId)[0]
            if (!grant) {
                l.final = 'not_submitted'
                trace(`${l.label} order produced no grant`)
                return
            }
            l.grantSysId = grant['sys_id']!
            l.grantNumber = grant[GRANT_FIELDS.number]!
            l.ritmNumber = sn.store.get(PLATFORM_TABLE.ritm, l.ritmSysId)?.['number'] ?? ''
            byGrant.set(l.grantSysId, l)
            const state = grant[GRANT_FIELDS.state]
            trace(
                `${l.label} ordered ${kind} ${durationMinutes} min (${path}) -> ${l.grantNumber} ${state}` +
                    (state === 'policy_rejected' ? `: ${JSON.stringify(grant[GRANT_FIELDS.lastError] ?? "")}` : ''),
            )
            if (path === 'rule') {
                if (state === 'queued') afterApproval(l)
                else trace(`${l.label} rule did not auto-approve: ${state} ${grant[GRANT_FIELDS.lastError] ?? ''}`)
                return
            }
            if (state !== 'awaiting_approval') return
            if (path === 'human' || path === 'rejection') {
                agenda.at(clock.nowMs() + voteDelay, `vote ${l.label}`, () => {
                    if (grantRow(l)?.[GRANT_FIELDS.state] !== 'awaiting_approval') return
                    if (path === 'rejection') {
                        voteAll(l, 'rejected')
                        trace(`${l.label} rejected -> ${grantRow(l)?.[GRANT_FIELDS.state]}`)
                        return
                    }
                    voteAll(l, 'approved')
                    afterApproval(l)
                })
            }
            if (path === 'escalation') {
                // Nobody answers; after the policy's timeout the watchdog escalates; the escalation group approves.
                const check = (): void => {
                    const g = grantRow(l)
                    if (g?.[GRANT_FIELDS.state] !== 'awaiting_approval') return
                    if (g[GRANT_FIELDS.approvalStage] === '1' && voteAll(l, 'approved') > 0) {
                        afterApproval(l)
                        return
                    }
                    agenda.at(clock.nowMs() + WATCHDOG_EVERY_MS, `escalation ${l.label}`, check)
                }
                agenda.at(clock.nowMs() + APPROVAL_TIMEOUT_MINUTES * 60_000, `escalation ${l.label}`, check)
            }
        })
        arrival += prng.int(5_000, 120_000)
    }
    const lastArrival = arrival

    // "Revoke now" once active, at the chosen minute.
    const revokeNowCheck = (): void => {
        for (const l of lifecycles) {
            if (l.revokeNowAfterMinutes === undefined || l.revokeNowAt !== undefined || !l.grantSysId) continue
            const g = grantRow(l)
            if (g?.[GRANT_FIELDS.state] !== 'active') continue
            const grantedAt = faults.parseTime(g[GRANT_FIELDS.grantedAt])
            if (grantedAt === undefined || clock.nowMs() < grantedAt + l.revokeNowAfterMinutes * 60_000) continue
            const who = l.requester ?? requester
            const r = app.as(who.userName, () => queueRevokeNow(l.grantSysId, who.sysId, 'Work finished'))
            if (r.ok) {
                l.revokeNowAt = clock.nowMs()
                trace(`${l.label} Revoke now clicked`)
            }
        }
    }

    // Extend: once active, at the chosen minute, the requester asks for more time; the route's approver decides on
    // the extension's own approval a little later (approves 4 times in 5).
    const extendCheck = (): void => {
        if (!extendHook) return
        for (const l of lifecycles) {
            if (l.extendAfterMinutes === undefined || l.extension || !l.grantSysId) continue
            const g = grantRow(l)
            if (g?.[GRANT_FIELDS.state] !== 'active') continue
            const grantedAt = faults.parseTime(g[GRANT_FIELDS.grantedAt])
            if (grantedAt === undefined || clock.nowMs() < grantedAt + l.extendAfterMinutes * 60_000) continue
            const who = l.requester ?? requester
            const minutes = extras.int(5, 20)
            const answer = app.as(who.userName, () =>
                extendHook!.request(l.grantSysId, minutes, `Simulated lifecycle ${l.label}: ${minutes} more minutes to finish`),
            )
            trace(`${l.label} extension of ${minutes} min asked: ${answer.ok ? `${answer.number} ${answer.state}` : `refused (${answer.message})`}`)
            if (!answer.ok || !answer.sysId) {
                l.extendAfterMinutes = undefined
                continue
            }
            const ext = { sysId: answer.sysId, number: answer.number ?? '', minutes, approved: false, state: answer.state ?? '' }
            l.extension = ext
            const approve = extras.chance(0.8)
            agenda.at(clock.nowMs() + extras.int(10_000, 3 * 60_000), `vote extension ${l.label}`, () => {
                const state = sn.store.get(TABLE.grant, ext.sysId)?.[GRANT_FIELDS.state] ?? ''
                if (state !== 'awaiting_approval') return
                voteAll(l, approve ? 'approved' : 'rejected', ext.sysId)
                ext.state = sn.store.get(TABLE.grant, ext.sysId)?.[GRANT_FIELDS.state] ?? ''
                ext.approved = approve && (ext.state === 'queued' || ext.state === 'approved')
                trace(`${l.label} extension ${ext.number} ${approve ? 'approved' : 'rejected'} -> ${ext.state}`)
            })
        }
    }

    // The watchdog job (every 5 minutes on the instance), plus extra runs racing the executor at expiries.
    const watchdog = (why: string): void => {
        const r = app.as('system', () => runWatchdog())
        if (r.incidentsRaised.length + r.escalated.length > 0)
            trace(`watchdog (${why}): raised ${r.incidentsRaised.length}, escalated ${r.escalated.length}`)
    }
    const watchdogTick = (): void => {
        watchdog('schedule')
        if (!done()) agenda.at(clock.nowMs() + WATCHDOG_EVERY_MS, 'watchdog', watchdogTick)
    }
    agenda.at(start + WATCHDOG_EVERY_MS, 'watchdog', watchdogTick)
    faults.onWatchdogRace = () => watchdog('race')

    // ---- the loop ------------------------------------------------------------------------------------------
    const invariants = new Invariants(sim, clock, lifecycles, byGrant, trace, result, run.seed, run.index)
    const allFinal = (): boolean =>
        lifecycles.every((l) => {
            if (l.final === 'not_submitted') return true
            if (!l.grantSysId) return false
            const state = grantRow(l)?.[GRANT_FIELDS.state] ?? ''
            return FINAL_STATES.includes(state) || (state === 'awaiting_approval' && false)
        })
    const quiet = (): boolean =>
        sn.store.list(TABLE.action, (a) => a['state'] === 'ready' || a['state'] === 'claimed').length === 0 &&
        replicas.every((r) => !r.starting && (!r.exec || r.exec.service.journal.pendingOutbox() === 0))
    let finishing = false
    const done = (): boolean => finishing && allFinal() && quiet()
    const deadline = lastArrival + CONVERGE_WITHIN_MS
    faults.schedule(agenda, start, lastArrival, () => finishing)

    for (;;) {
        await settle(SETTLE_WALL_MS)
        revokeNowCheck()
        extendCheck()
        invariants.check()
        if (clock.nowMs() > lastArrival && allFinal()) {
            if (!finishing) {
                finishing = true
                faults.stop()
                // Every replica up for the end of the run (a crashed one restarts on its journal).
                for (const r of replicas) startReplica(r, 'final drain')
                continue
            }
            if (quiet()) break
        }
        if (clock.nowMs() > deadline) {
            invariants.liveness(`run did not converge within ${CONVERGE_WITHIN_MS / 3_600_000} h of virtual time after the last request`)
            break
        }
        const nextWake = clock.nextWakeAt()
        const nextItem = agenda.next()
        const next = Math.min(nextWake ?? Infinity, nextItem ?? Infinity)
        if (next === Infinity) {
            invariants.liveness('nothing is scheduled and the run is not finished')
            break
        }
        await clock.set(Math.max(next, clock.nowMs()))
        for (const item of agenda.due(clock.nowMs())) await item.run()
    }
    invariants.final(replicas.map((r) => r.exec).filter((e): e is InProcessExecutor => e !== undefined))

    for (const l of lifecycles) {
        const state = l.final || grantRow(l)?.[GRANT_FIELDS.state] || 'unknown'
        const extras =
            (l.revokeNowAt !== undefined ? '+revoke_now' : '') +
            (l.cancelledAt !== undefined ? '+cancel' : l.cancelRefused ? '+cancel_too_late' : '') +
            (l.ticketClosedAt !== undefined ? '+ticket_closed' : '') +
            (l.extension ? `+extend_${l.extension.approved ? 'approved' : 'unapproved'}` : '')
        const key = `${l.kind}/${l.path}${extras} -> ${state}`
        result.outcomes[key] = (result.outcomes[key] ?? 0) + 1
    }
    result.lifecycles += lifecycles.length
    result.simulatedMs += clock.nowMs() - start
    // A replica still starting needs the clock to move (its start-up may back off on it).
    for (let i = 0; i < 1000 && replicas.some((r) => r.starting); i++) {
        await settle(SETTLE_WALL_MS)
        const next = clock.nextWakeAt()
        if (next === undefined) break
        await clock.set(Math.max(next, clock.nowMs()))
    }
    // Force-stop: a graceful drain would wait for backoffs on the virtual clock, which no longer moves.
    for (const r of replicas) await r.exec?.crash().catch(() => undefined)
    if (run.log) {
        for (const [name, lines] of allLines) for (const line of lines) run.log(name, line)
        for (const q of sn.requests) if (q.method !== 'GET') run.log('servicenow', { ...q })
    }
    await sim.close()
}

export type { FaultKind, Violation, ProviderName, SimWorld }
