/**
 * Throughput bench (issue 18): each executor replica is the PRODUCTION bundle (`node executor/dist/cli.js run`,
 * built first) in its OWN process, the ServiceNow and webhook emulators in this one — so two replicas can use two
 * cores, and the executor's CPU is measured apart from the emulators' (before: everything on one event loop, which
 * measured the emulators as much as the executor, and two replicas could not scale in it).
 *
 *   npm run bench -- --only throughput [--grants 1000] [--latency 50] [--server-ms 10] [--k K] [--poll 5] [--replicas 1,2]
 *                                      [--writes-per-second 20]
 *
 * Per configuration: fresh emulators, `latency` ms of round trip per ServiceNow and webhook call and `serverMs` per ServiceNow request (latency.ts), the replicas started
 * and idle, then `grants` approved grants (60-minute grants: no revoke falls in the run) queued at once and each
 * replica nudged once, signed, as the app's approval rule does. Figures: seconds from the queueing until every
 * grant is `active` on ServiceNow, grants/s, CPU seconds per grant of the executors (/proc utime + stime) and of
 * this process (the emulators), and the load average.
 *
 * Two rounds: default settings (the provider pacer at GBG_PROVIDER_WRITES_PER_SECOND, 20/s: the issue's "1,000 in
 * ≤ 60 s"), then the replica scaling with the pacer off (`--writes-per-second 0` for both runs: the provider's
 * limit is per app and tenant and would cap two replicas exactly as one, so it is not what replicas scale).
 * Test code only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { GRANT_FIELDS, TABLE, nudgeBody, nudgeSignature } from '@gbg/shared'
import { addGrant, type AddedGrant } from '../e2e/support/grants'
import { startWorld, type World } from '../e2e/support/world'
import { REPO_ROOT } from '../support/executor-process'
import { lineSplitter, type LogLine } from '../support/log-lines'
import { applyLatency } from './latency'

const BUNDLE = resolve(REPO_ROOT, 'executor/dist/cli.js')
/** Node flags of each executor (deploy's `--enable-source-maps`), or BENCH_NODE_FLAGS (e.g. `--cpu-prof`). */
const NODE_FLAGS = (process.env['BENCH_NODE_FLAGS'] ?? '--enable-source-maps').split(' ').filter((f) => f !== '')
const NUDGE_SECRET = 'bench-nudge-secret-0123456789abcdef0123456789'

/** Options of {@link throughputBench}. */
export interface ThroughputOptions {
    grants: number
    latency: number
    /** ms of instance time per ServiceNow request, sub-requests included (latency.ts). */
    serverMs: number
    poll: number
    /** K; the configuration's default when absent. */
    k?: number
    /** Replica counts of the scaling round. @defaultValue [1, 2] */
    replicas?: number[]
    /** Pacer of the default-settings round; absent: the configuration's default. */
    writesPerSecond?: number
}

type Line = (what: string, value: string, target: string, met?: boolean) => void

interface Replica {
    proc: ChildProcess
    lines: LogLine[]
    exited: Promise<unknown>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const load = () =>
    loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')

function spawnReplica(world: World, name: string, env: Record<string, string>): Replica {
    const all = world.env(name, env)
    delete all['E2E_CLOCK_OFFSET_FILE'] // real clock
    const proc = spawn(process.execPath, [...NODE_FLAGS, BUNDLE, 'run'], {
        cwd: world.dir, // a --cpu-prof profile lands next to the journals
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...all },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: LogLine[] = []
    proc.stdout!.on(
        'data',
        lineSplitter((l) => lines.push(l)),
    )
    proc.stderr!.on(
        'data',
        lineSplitter((l) => lines.push(l)),
    )
    const exited = new Promise((r) => proc.once('exit', r))
    process.once('exit', () => proc.kill('SIGKILL'))
    return { proc, lines, exited }
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 once it is gone). */
function cpuSeconds(pid: number | undefined): number {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return (Number(fields[11]) + Number(fields[12])) / 100 // utime, stime in clock ticks (USER_HZ = 100)
    } catch {
        return 0
    }
}

async function until(what: string, check: () => boolean, timeoutMs: number, stepMs = 50): Promise<void> {
    const end = Date.now() + timeoutMs
    while (!check()) {
        if (Date.now() > end) throw new Error(`bench: ${what} not reached within ${timeoutMs} ms`)
        await sleep(stepMs)
    }
}

async function nudge(replica: Replica): Promise<void> {
    const started = replica.lines.find((l) => l.message === 'executor started')
    const body = nudgeBody('grant')
    const res = await fetch(`http://${String(started?.['http'])}/v1/nudge`, {
        method: 'POST',
        headers: {
            'content-type': 'application/json',
            'X-GBG-Signature': nudgeSignature(NUDGE_SECRET, Date.now() / 1000, body),
        },
        body,
    })
    if (res.status >= 300) throw new Error(`bench: nudge answered ${res.status}`)
}

/** One run: `replicas` executors, `grants` approvals at once; seconds until all are active, CPU per grant. */
async function run(
    options: ThroughputOptions,
    replicas: number,
    env: Record<string, string>,
): Promise<{ seconds: number; rate: number; execCpuMs: number; benchCpuMs: number; calls: number }> {
    const world = await startWorld({ durationMinutes: 60 })
    const children: Replica[] = []
    try {
        const { sn, webhook, base } = world
        applyLatency(sn, webhook, options)
        for (let r = 0; r < replicas; r++) {
            children.push(
                spawnReplica(world, `tp-${replicas}-${r}`, {
                    GBG_POLL_INTERVAL_SECONDS: String(options.poll),
                    GBG_LOG_LEVEL: 'info',
                    GBG_NUDGE_SECRET: NUDGE_SECRET,
                    ...(options.k ? { GBG_MAX_IN_FLIGHT: String(options.k) } : {}),
                    ...env,
                }),
            )
        }
        for (const c of children) {
            await until('executor started', () => c.lines.some((l) => l.message === 'executor started'), 120_000)
        }
        await sleep(1_000) // past the start-up's first poll and resume pass: idle replicas
        const grants: AddedGrant[] = []
        for (let i = 0; i < options.grants; i++) grants.push(addGrant(sn, base, { durationMinutes: 60 }))
        const requests0 = sn.requests.length
        const t0 = Date.now()
        const exec0 = children.map((c) => cpuSeconds(c.proc.pid))
        const bench0 = process.cpuUsage()
        await Promise.all(children.map(nudge))
        // BENCH_TRACE: once a second, the grant states and actions states on ServiceNow and the calls of that second
        let seen = requests0
        const trace = process.env['BENCH_TRACE']
            ? setInterval(() => {
                  const count = (table: string, field: string) => {
                      const by: Record<string, number> = {}
                      for (const r of sn.store.list(table)) by[r[field]!] = (by[r[field]!] ?? 0) + 1
                      return JSON.stringify(by)
                  }
                  const calls = sn.requests.length - seen
                  seen = sn.requests.length
                  console.log(
                      `  t+${((Date.now() - t0) / 1000).toFixed(0)}s grants ${count(TABLE.grant, GRANT_FIELDS.state)} actions ${count(TABLE.action, 'state')} requests ${calls}`,
                  )
              }, 1_000)
            : undefined
        let left = grants
        await until(
            'all grants active',
            () => {
                left = left.filter((g) => sn.store.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state] !== 'active')
                return left.length === 0
            },
            30 * 60_000,
            100,
        )
        const seconds = (Date.now() - t0) / 1000
        clearInterval(trace)
        const execCpu = children.reduce((sum, c, i) => sum + cpuSeconds(c.proc.pid) - exec0[i]!, 0)
        const bench = process.cpuUsage(bench0)
        // calls of the executor's user; a Batch API call counts once (its sub-requests are logged as `batch`)
        const user = base.executorUser.userName
        const mine = sn.requests.slice(requests0).filter((r) => r.user === user)
        const calls = mine.filter((r) => r.batch === undefined).length
        if (process.env['BENCH_CALLS']) {
            const by = new Map<string, number>()
            for (const r of mine) {
                const key = `${r.batch !== undefined ? '[batch] ' : ''}${r.method} ${r.path.replace(/\/[0-9a-f]{32}/g, '/{id}')}`
                by.set(key, (by.get(key) ?? 0) + 1)
            }
            for (const [k, n] of [...by].sort((x, y) => y[1] - x[1]).slice(0, 12))
                console.log(`    ${(n / options.grants).toFixed(2)} per grant  ${k}`)
        }
        return {
            seconds,
            rate: options.grants / seconds,
            execCpuMs: (execCpu * 1000) / options.grants,
            benchCpuMs: (bench.user + bench.system) / 1000 / options.grants,
            calls: calls / options.grants,
        }
    } finally {
        for (const c of children) c.proc.kill('SIGTERM')
        await Promise.all(children.map((c) => Promise.race([c.exited, sleep(10_000)])))
        await world.close()
    }
}

/** Both rounds (module docs), printing each figure with its target. */
export async function throughputBench(options: ThroughputOptions, line: Line): Promise<void> {
    execFileSync('npm', ['run', 'build', '--workspace', 'executor'], { cwd: REPO_ROOT, stdio: 'ignore' })
    const k = options.k ?? 'default'
    const show = (what: string, r: Awaited<ReturnType<typeof run>>, target: string, met?: boolean) =>
        line(
            what,
            `${r.rate.toFixed(2)} grants/s (${r.seconds.toFixed(1)} s)`,
            `${target}; executors ${r.execCpuMs.toFixed(1)} ms CPU/grant, emulators ${r.benchCpuMs.toFixed(1)} ms, ` +
                `${r.calls.toFixed(1)} SN calls/grant, load ${load()}`,
            met,
        )
    const pacer: Record<string, string> =
        options.writesPerSecond === undefined ? {} : { GBG_PROVIDER_WRITES_PER_SECOND: String(options.writesPerSecond) }
    const one = await run(options, 1, pacer)
    show(`throughput, 1 executor process, K=${k}, ${options.grants}`, one, '1000 in ≤ 60 s (16.7/s)', one.rate >= 16.7)
    const counts = options.replicas ?? [1, 2]
    const unpaced: Record<number, Awaited<ReturnType<typeof run>>> = {}
    for (const n of counts) {
        unpaced[n] = await run(options, n, { GBG_PROVIDER_WRITES_PER_SECOND: '0' })
        const ratio = n > 1 && unpaced[1] ? unpaced[n]!.rate / unpaced[1].rate : undefined
        show(
            `throughput, ${n} replica${n > 1 ? 's' : ''}, pacer off, K=${k}`,
            unpaced[n]!,
            ratio === undefined ? '—' : `${ratio.toFixed(2)}× one, target ≥ 1.8×`,
            ratio === undefined ? undefined : ratio >= 1.8,
        )
    }
}
