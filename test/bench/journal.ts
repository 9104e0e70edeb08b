/**
 * Journal bench (issue 18): the PRODUCTION bundle (`node executor/dist/cli.js run`, built first, no tsx) as a child
 * process, the emulators in this process, and a journal holding many active grants.
 *
 *   npm run bench -- --only journal            (or: npx tsx test/bench/journal.ts [--active 10000] [--restart 1000])
 *
 * - RSS: one real grant goes through the executor; its journal rows (action, step history, delivered write-backs,
 *   revoke timer) are then copied to `active` grants with fresh sys_ids and timers hours away, and the executor is
 *   started on that journal. VmRSS of the executor process (/proc) is sampled while it polls, grants and revokes
 *   a few real grants for a minute: peak and end, target ≤ 100 MB. Also prints the journal's bytes per grant.
 * - Restart: `restart` active grants (20 real ones expiring in about a minute, the rest copied), kill -9 of the
 *   executor one second before the first real expiry, a new approved grant queued, the executor started again:
 *   spawn → first claim of the new grant (target ≤ 1 s), and per real grant the provider revoke call against its
 *   journaled expiry (target: none more than 1 s late because of the restart), and whether the due revokes ran
 *   before the first claim.
 *
 * Copied grants carry no audit anchor (their chains do not exist on the emulator, and the periodic chain check
 * would report every one as cut): the check reads the chains of the real grants only. Test code only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { addGrant, type AddedGrant } from '../e2e/support/grants'
import { startWorld, type World } from '../e2e/support/world'
import { REPO_ROOT } from '../support/executor-process'
import { lineSplitter, type LogLine } from '../support/log-lines'

const BUNDLE = resolve(REPO_ROOT, 'executor/dist/cli.js')
/**
 * Node flags of the executor: those of deploy/Dockerfile's ENTRYPOINT and deploy/gbg-executor.service (source maps
 * on), or BENCH_NODE_FLAGS (e.g. `--enable-source-maps --max-semi-space-size=2`) to compare footprints.
 */
const NODE_FLAGS = (process.env['BENCH_NODE_FLAGS'] ?? '--enable-source-maps').split(' ').filter((f) => f !== '')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const hex = () => randomBytes(16).toString('hex')
const load = () =>
    loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')
const line = (what: string, value: string, target: string, met?: boolean) =>
    console.log(
        `${what.padEnd(46)} ${value.padEnd(24)} target ${target}${met === undefined ? '' : met ? '  ✓' : '  ✗'}`,
    )

/** The executor bundle as a child process, its log lines stamped with their arrival time. */
interface Child {
    proc: ChildProcess
    startedAt: number
    lines: { at: number; line: LogLine }[]
    exited: Promise<unknown>
}

function spawnBundle(env: Record<string, string>): Child {
    const clean = Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'E2E_CLOCK_OFFSET_FILE'))
    const startedAt = performance.now()
    const proc = spawn(process.execPath, [...NODE_FLAGS, BUNDLE, 'run'], {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...clean },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: Child['lines'] = []
    const onLine = (l: LogLine) => lines.push({ at: performance.now(), line: l })
    proc.stdout!.on('data', lineSplitter(onLine))
    proc.stderr!.on('data', lineSplitter(onLine))
    const exited = new Promise((r) => proc.once('exit', r))
    process.once('exit', () => proc.kill('SIGKILL'))
    return { proc, startedAt, lines, exited }
}

/** VmRSS of a process in MB (0 once it is gone). */
function rssMb(pid: number | undefined): number {
    try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
        return m ? Number(m[1]) / 1024 : 0
    } catch {
        return 0
    }
}

async function until(what: string, check: () => boolean, timeoutMs: number, stepMs = 20): Promise<void> {
    const end = Date.now() + timeoutMs
    while (!check()) {
        if (Date.now() > end) throw new Error(`bench: ${what} not reached within ${timeoutMs} ms`)
        await sleep(stepMs)
    }
}

const stateOf = (world: World, g: AddedGrant) => world.sn.store.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state]

/** Journal rows read in this process (read-only; the executor may be running). */
function pending(path: string): number {
    const db = new Database(path, { readonly: true })
    try {
        return (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n
    } finally {
        db.close()
    }
}

/**
 * Copy the journal rows of `template` (an active grant) to `n` new active grants: its actions, their step
 * history, its delivered write-backs (sys_ids replaced in every text) and an armed revoke timer `dueInMs` away.
 * The executor must be stopped.
 */
function copyGrant(path: string, template: string, n: number, dueInMs: number): void {
    const db = new Database(path)
    db.pragma('journal_mode = WAL')
    const actions = db.prepare('SELECT * FROM actions WHERE grant_id = ?').all(template) as Record<string, unknown>[]
    const ids = actions.map((a) => a['action_id'] as string)
    const history = db
        .prepare(`SELECT * FROM step_history WHERE action_id IN (${ids.map(() => '?').join(',')})`)
        .all(...ids) as Record<string, unknown>[]
    const outbox = db
        .prepare(`SELECT * FROM outbox WHERE grant_id = ? OR action_id IN (${ids.map(() => '?').join(',')})`)
        .all(template, ...ids) as Record<string, unknown>[]
    const insert = (table: string, row: Record<string, unknown>) => {
        const cols = Object.keys(row)
        return db.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`)
    }
    const strip = (row: Record<string, unknown>, drop: string) => {
        const copy = { ...row }
        delete copy[drop]
        return copy
    }
    const insAction = insert('actions', actions[0]!)
    const insHistory = insert('step_history', strip(history[0]!, 'id'))
    const insOutbox = insert('outbox', strip(outbox[0]!, 'id'))
    const insTimer = db.prepare(
        'INSERT INTO revoke_timers (grant_id, revoke_action_id, due_at, armed_at) VALUES (?, ?, ?, ?)',
    )
    const now = Date.now()
    db.transaction(() => {
        for (let i = 0; i < n; i++) {
            const g = hex()
            const map = new Map<string, string>([[template, g], ...ids.map((a) => [a, hex()] as [string, string])])
            const sub = (v: unknown) => {
                if (typeof v !== 'string') return v
                let s = v
                for (const [from, to] of map) s = s.split(from).join(to)
                return s
            }
            const copy = (row: Record<string, unknown>) => Object.values(row).map(sub)
            for (const a of actions) insAction.run(...copy(a))
            for (const h of history) insHistory.run(...copy(strip(h, 'id')))
            for (const o of outbox) insOutbox.run(...copy(strip(o, 'id')))
            insTimer.run(g, '', now + dueInMs + i, now)
        }
    })()
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
}

/** The V8 heap of the executor as its /metrics reports it (prom-client's default metrics), in MB. */
async function heapOf(child: Child): Promise<string> {
    const started = child.lines.find((l) => l.line['message'] === 'executor started')
    const address = String(started?.line['http'] ?? '')
    if (!address) return 'heap: no /metrics address logged'
    try {
        const text = await (await fetch(`http://${address}/metrics`)).text()
        const metric = (name: string) => {
            const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text)
            return m ? (Number(m[1]) / 1e6).toFixed(0) : '?'
        }
        return (
            `V8 heap used ${metric('nodejs_heap_size_used_bytes')} MB of ${metric('nodejs_heap_size_total_bytes')} MB, ` +
            `external ${metric('nodejs_external_memory_bytes')} MB`
        )
    } catch (error) {
        return `heap: /metrics unreadable (${String(error)})`
    }
}

/**
 * Wall time and CPU time (user + system) of `node executor/dist/cli.js --version`: node's start-up plus loading the
 * bundle (median of 5). The CPU time barely depends on the machine's load; the wall time does.
 */
function moduleLoadMs(): { wall: number; cpu: number } {
    const probe = join(mkdtempSync(join(tmpdir(), 'gbg-bench-')), 'cpu-probe.cjs')
    writeFileSync(probe, CPU_PROBE)
    const runs = [0, 1, 2, 3, 4].map(() => {
        const t0 = performance.now()
        const out = execFileSync(process.execPath, [...NODE_FLAGS, '-r', probe, BUNDLE, '--version'], {
            encoding: 'utf8',
        })
        return { wall: performance.now() - t0, cpu: Number(out.trim().split('\n').at(-1)) }
    })
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!
    return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) }
}

/** Preloaded (`-r`): prints the CPU the process used (ms) as its last line when it exits. */
const CPU_PROBE =
    'process.on("exit",()=>{const c=process.cpuUsage();console.log(((c.user+c.system)/1000).toFixed(0))})\n'

/** Grant `count` real grants through a child executor, then stop it; returns them. */
async function realGrants(world: World, name: string, count: number, minutes: number): Promise<AddedGrant[]> {
    const grants: AddedGrant[] = []
    for (let i = 0; i < count; i++) grants.push(addGrant(world.sn, world.base, { durationMinutes: minutes }))
    const child = spawnBundle(world.env(name, { GBG_LOG_LEVEL: 'warn', GBG_MAX_IN_FLIGHT: '8' }))
    await until('real grants active', () => grants.every((g) => stateOf(world, g) === 'active'), 120_000, 100)
    await until('write-backs delivered', () => pending(world.journalPath(name)) === 0, 60_000, 100)
    child.proc.kill('SIGTERM')
    await child.exited
    return grants
}

/** RSS of the executor alone with `active` grants in its journal. */
async function rssScenario(active: number): Promise<void> {
    const world = await startWorld({ durationMinutes: 60 })
    try {
        const name = 'bench-rss'
        const path = world.journalPath(name)
        const [template] = await realGrants(world, name, 1, 240)
        const sizeOne = statSync(path).size
        const copyStart = Date.now()
        copyGrant(path, template!.grantSysId, active - 1, 4 * 3_600_000)
        const bytesPerGrant = (statSync(path).size - sizeOne) / (active - 1)
        console.log(
            `journal: ${active} active grants (1 real + ${active - 1} copies, made in ${Date.now() - copyStart} ms), ` +
                `${(statSync(path).size / 1e6).toFixed(1)} MB, ${(bytesPerGrant / 1024).toFixed(1)} KB per active grant`,
        )
        // the executor on that journal: polls, a few real grants through it, a minute of samples
        const child = spawnBundle(world.env(name, { GBG_LOG_LEVEL: 'info' }))
        const samples: number[] = []
        const sampler = setInterval(() => samples.push(rssMb(child.proc.pid)), 250)
        const fresh: AddedGrant[] = []
        for (let i = 0; i < 5; i++) fresh.push(addGrant(world.sn, world.base, { durationMinutes: 1 }))
        await until('fresh grants active', () => fresh.every((g) => stateOf(world, g) === 'active'), 120_000, 100)
        await sleep(Math.max(0, 60_000 - (performance.now() - child.startedAt)))
        clearInterval(sampler)
        const heap = await heapOf(child)
        const peak = Math.max(...samples)
        const end = samples[samples.length - 1] ?? 0
        line(
            `executor RSS, ${active} active grants (bundle)`,
            `peak ${peak.toFixed(0)} MB, end ${end.toFixed(0)} MB`,
            '≤ 100 MB',
            peak <= 100,
        )
        console.log(`  (load average ${load()}, ${samples.length} samples over 60 s; at the end ${heap})`)
        child.proc.kill('SIGTERM')
        await child.exited
    } finally {
        await world.close()
    }
}

/** kill -9 and restart with `active` grants: spawn → first claim, and revoke lateness across the restart. */
async function restartScenario(active: number): Promise<void> {
    const world = await startWorld({ durationMinutes: 60, webhookClockLagMs: 15_000 })
    try {
        const name = 'bench-restart'
        const path = world.journalPath(name)
        const REAL = 20
        const real = await realGrants(world, name, REAL, 1)
        copyGrant(path, real[0]!.grantSysId, active - REAL, 4 * 3_600_000)
        const db = new Database(path, { readonly: true })
        const expiry = new Map<string, number>()
        for (const g of real) {
            const row = db.prepare(`SELECT due_at FROM revoke_timers WHERE grant_id = ?`).get(g.grantSysId) as
                { due_at: number } | undefined
            if (row) expiry.set(g.grantSysId, row.due_at)
        }
        db.close()
        const first = Math.min(...expiry.values())
        // the executor runs on the full journal until a second before the first expiry, then dies
        const before = spawnBundle(world.env(name, { GBG_LOG_LEVEL: 'warn' }))
        if (first - Date.now() < 10_000) throw new Error('bench: the real grants expire too soon for the restart')
        await sleep(first - 1_000 - Date.now())
        before.proc.kill('SIGKILL')
        await before.exited
        const probe = addGrant(world.sn, world.base, { durationMinutes: 30 })
        const after = spawnBundle(world.env(name, { GBG_LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info' }))
        const actionState = () => world.sn.store.get(TABLE.action, probe.actionSysId)?.[ACTION_FIELDS.state]
        await until('first claim after the restart', () => actionState() !== 'ready', 60_000, 2)
        const firstClaimMs = performance.now() - after.startedAt
        const calls = () =>
            after.lines.filter((l) => l.line['event'] === 'revoke:calling' && expiry.has(String(l.line['grantSysId'])))
        await until('every real grant revoked', () => real.every((g) => stateOf(world, g) === 'revoked'), 180_000, 50)
        // lateness: when the provider revoke was called (log arrival, this clock) vs the journaled expiry
        const origin = Date.now() - performance.now()
        const late = new Map<string, number>()
        for (const c of calls()) {
            const g = String(c.line['grantSysId'])
            if (!late.has(g)) late.set(g, Math.max(0, origin + c.at - expiry.get(g)!))
        }
        const dueAtStart = [...expiry.entries()].filter(([, t]) => t <= origin + after.startedAt).length
        const values = [...late.values()].sort((a, b) => a - b)
        const revokedBefore = real.filter((g) => !late.has(g.grantSysId)).length
        line(
            `restart after kill -9, ${active} active → first claim`,
            `${firstClaimMs.toFixed(0)} ms`,
            '≤ 1000 ms',
            firstClaimMs <= 1_000,
        )
        const max = values.length > 0 ? values[values.length - 1]! : NaN
        line(
            `revoke lateness across the restart (${values.length})`,
            `p50 ${values[Math.floor(values.length / 2)]?.toFixed(0)} ms, max ${max.toFixed(0)} ms`,
            '≤ 1000 ms',
            max <= 1_000,
        )
        const firstRevokeAt = Math.min(...calls().map((c) => c.at))
        const started = after.lines.find((l) => l.line['message'] === 'executor started')
        const { wall: floor, cpu: floorCpu } = moduleLoadMs()
        console.log(
            `  (spawn → 'executor started' logged: ${started ? (started.at - after.startedAt).toFixed(0) : '?'} ms; ` +
                `the executor's own count at that line: ${String(started?.line['processUptimeMs'] ?? '?')} ms ` +
                `since its process started, ${String(started?.line['processCpuMs'] ?? '?')} ms of CPU; ` +
                `\`node dist/cli.js --version\` alone (node start + loading the bundle): ${floor.toFixed(0)} ms, ` +
                `${floorCpu.toFixed(0)} ms of CPU)`,
        )
        console.log(
            `  (${dueAtStart} revokes due when the new process started, ${revokedBefore} revoked before the kill; ` +
                `first revoke call ${(firstRevokeAt - after.startedAt).toFixed(0)} ms after spawn, ` +
                `${firstRevokeAt <= after.startedAt + firstClaimMs ? 'before' : 'after'} the first claim; ` +
                `load average ${load()})`,
        )
        if (process.env['BENCH_TIMELINE']) {
            // every log line of the restarted executor with its arrival after the spawn (ms), for a post-mortem
            const timeline = after.lines.map((l) => `${(l.at - after.startedAt).toFixed(0)} ${JSON.stringify(l.line)}`)
            writeFileSync(process.env['BENCH_TIMELINE'], timeline.join('\n') + '\n')
        }
        after.proc.kill('SIGTERM')
        await after.exited
    } finally {
        await world.close()
    }
}

/** Both scenarios, after building the bundle. */
export async function journalBench(options: { active?: number; restart?: number } = {}): Promise<void> {
    execFileSync('npm', ['run', 'build', '--workspace', 'executor'], { cwd: REPO_ROOT, stdio: 'ignore' })
    console.log(
        `journal bench: node ${NODE_FLAGS.join(' ')} ${BUNDLE} (node ${process.version}), load average ${load()}`,
    )
    if (options.active !== 0) await rssScenario(options.active ?? 10_000)
    if (options.restart !== 0) await restartScenario(options.restart ?? 1_000)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(REPO_ROOT, 'test/bench/journal.ts')) {
    const argv = process.argv.slice(2)
    const opt = (name: string) => {
        const i = argv.indexOf(name)
        return i >= 0 ? Number(argv[i + 1]) : undefined
    }
    journalBench({ active: opt('--active'), restart: opt('--restart') }).then(
        () => process.exit(0),
        (error: unknown) => {
            console.error(error)
            process.exit(1)
        },
    )
}
