/**
 * `npm run bench` (issue 18): the executor against the ServiceNow and webhook emulators on the REAL clock, with
 * latency knobs, printing each figure next to its target. A benchmark, not a test: `npm test` only checks the
 * deterministic call counts (test/perf/servicenow-calls.test.ts). Figures of one run belong in
 * docs/performance.md together with the machine they were taken on.
 *
 *   npm run bench -- [--grants 200] [--latency 50] [--server-ms 10] [--k K] [--poll 5] [--storm 0.25] [--only throughput,revoke,nudge]
 *                    [--nudge-approvals 20] [--async-delay 0] [--replicas 1,2] [--writes-per-second 20]
 *
 * Scenarios:
 * - throughput (throughput.ts): N approved grants at once, each executor replica in its own process, one executor
 *   and then 1 vs 2 replicas on fresh emulators: time until every grant is active, CPU per grant;
 * - revoke lateness (executor in this process): N grants expire together; revoked_at − expires_at of each (p50 / p99 / max), with
 *   and without a 429 storm (`storm` = share of ServiceNow requests answered 429 while the revokes run);
 * - calls: ServiceNow requests of the integration user per grant lifecycle (grant + revoke) in the run;
 * - RSS of the whole bench process (executor + emulators: an upper bound of the executor's);
 * - nudge (nudge.ts): approval → active with and without the app's nudge.
 * - journal (`--only journal`, test/bench/journal.ts): RSS of the executor bundle alone with 10,000 active grants,
 *   restart after kill -9 with 1,000.
 * Test code only.
 */
import os from 'node:os'
import { Writable } from 'node:stream'
import { loadConfig } from '@gbg/executor/src/config'
import { createLogger } from '@gbg/executor/src/log'
import { startService, type Service } from '@gbg/executor/src/service'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { parseGlideDateTime } from '../emulators/servicenow'
import { addGrant, type AddedGrant } from '../e2e/support/grants'
import { startWorld, type World } from '../e2e/support/world'
import { runNudgeBench } from './nudge'
import { journalBench } from './journal'
import { applyLatency } from './latency'
import { throughputBench } from './throughput'

interface Args {
    grants: number
    latency: number
    /** ms of instance processing per ServiceNow request, batch sub-requests included (latency.ts). */
    serverMs: number
    /** K (GBG_MAX_IN_FLIGHT); the configuration's default when not given. */
    k?: number
    poll: number
    storm: number
    only: string[]
    nudgeApprovals: number
    asyncDelay: number
    replicas?: number[]
    writesPerSecond?: number
}

function parseArgs(argv: string[]): Args {
    const a: Args = {
        ...{ grants: 200, latency: 50, serverMs: 10, poll: 5, storm: 0.25, only: ['throughput', 'revoke', 'nudge'] },
        ...{ nudgeApprovals: 20, asyncDelay: 0 },
    }
    for (let i = 0; i < argv.length; i += 2) {
        const [k, v] = [argv[i], argv[i + 1] ?? '']
        if (k === '--grants') a.grants = Number(v)
        else if (k === '--latency') a.latency = Number(v)
        else if (k === '--server-ms') a.serverMs = Number(v)
        else if (k === '--k') a.k = Number(v)
        else if (k === '--poll') a.poll = Number(v)
        else if (k === '--storm') a.storm = Number(v)
        else if (k === '--only') a.only = v.split(',')
        else if (k === '--nudge-approvals') a.nudgeApprovals = Number(v)
        else if (k === '--async-delay') a.asyncDelay = Number(v)
        else if (k === '--replicas') a.replicas = v.split(',').map(Number)
        else if (k === '--writes-per-second') a.writesPerSecond = Number(v)
        else throw new Error(`unknown argument ${k}`)
    }
    return a
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b)
    return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}
const line = (what: string, value: string, target: string, met?: boolean) =>
    console.log(
        `${what.padEnd(46)} ${value.padEnd(24)} target ${target}${met === undefined ? '' : met ? '  ✓' : '  ✗'}`,
    )

async function startExecutor(world: World, name: string, args: Args): Promise<Service> {
    const env = world.env(name, {
        GBG_POLL_INTERVAL_SECONDS: String(args.poll),
        ...(args.k ? { GBG_MAX_IN_FLIGHT: String(args.k) } : {}),
        GBG_LOG_LEVEL: 'error',
    })
    const config = loadConfig(env)
    const logger = createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, done) => done() }) })
    return startService(config, { logger })
}

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs
    while (!check()) {
        if (Date.now() > end) throw new Error(`bench: ${what} not reached within ${timeoutMs} ms`)
        await sleep(50)
    }
}

/** N grants approved at once; returns the seconds until all are active, and the world for the revoke phase. */
async function burst(
    args: Args,
    replicas: number,
): Promise<{ seconds: number; cpuMs: number; world: World; grants: AddedGrant[]; execs: Service[] }> {
    const world = await startWorld({ durationMinutes: 1 })
    const { sn, webhook, base } = world
    applyLatency(sn, webhook, args)
    const grants: AddedGrant[] = []
    for (let i = 0; i < args.grants; i++) grants.push(addGrant(sn, base, { durationMinutes: 1 }))
    const t0 = Date.now()
    const cpu0 = process.cpuUsage()
    const execs: Service[] = []
    for (let r = 0; r < replicas; r++) execs.push(await startExecutor(world, `bench-${replicas}-${r}`, args))
    const active = () =>
        grants.every((g) => {
            const state = sn.store.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state]
            return state === 'active' || state === 'revoking' || state === 'revoked'
        })
    await until('all grants active', active, 30 * 60_000)
    const cpu = process.cpuUsage(cpu0)
    return { seconds: (Date.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000, world, grants, execs }
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2))
    console.log(
        `bench: ${args.grants} grants, ${args.latency} ms round trip per call to ServiceNow and the webhook, ` +
            `${args.serverMs} ms instance time per ServiceNow request (batch sub-requests included), K=${args.k ?? 'default'}, ` +
            `poll ${args.poll} s, node ${process.version}, ${new Date().toISOString()}`,
    )
    // executors in their own processes: test/bench/throughput.ts
    if (args.only.includes('throughput')) await throughputBench(args, line)
    if (args.only.includes('revoke')) {
        const one = await burst(args, 1)
        const rate1 = args.grants / one.seconds
        line(
            `throughput in the bench process (${args.grants} approvals)`,
            `${rate1.toFixed(2)} grants/s`,
            // the set-up of the revoke round (executor and emulators share this process): the throughput goal is
            // judged by the throughput round, each executor in its own process (throughput.ts)
            '— (goal: the throughput round)',
        )
        const requests = one.world.sn.requests.length
        // CPU of the whole bench process (executor AND emulators) per grant: a figure a loaded machine distorts less
        line(
            'CPU per grant (bench process, incl. emulators)',
            `${(one.cpuMs / args.grants).toFixed(1)} ms (load ${os.loadavg()[0]!.toFixed(1)})`,
            '—',
        )

        // revoke lateness: every grant expires about a minute after it went active (no storm)
        const lateness = async (world: World, grants: AddedGrant[], execs: Service[]) => {
            // ms precision: when the provider revoke was called vs. the expiry journaled at grant time (ServiceNow
            // stores both times in whole seconds only)
            const calledAt = new Map<string, number>()
            for (const e of execs) {
                e.events.on('revoke:calling', (ev: { grantSysId: string }) => {
                    if (!calledAt.has(ev.grantSysId)) calledAt.set(ev.grantSysId, Date.now())
                })
            }
            await until(
                'all revoked',
                () =>
                    grants.every(
                        (g) => world.sn.store.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state] === 'revoked',
                    ),
                10 * 60_000,
            )
            return grants.map((g) => {
                const expiresAt = execs
                    .map((e) => e.journal.grantRecord(g.grantSysId)?.expiresAt?.getTime())
                    .find((t) => t !== undefined)
                const at = calledAt.get(g.grantSysId)
                if (expiresAt === undefined || at === undefined) {
                    const r = world.sn.store.get(TABLE.grant, g.grantSysId)!
                    return (
                        parseGlideDateTime(r[GRANT_FIELDS.revokedAt]!) - parseGlideDateTime(r[GRANT_FIELDS.expiresAt]!)
                    )
                }
                return Math.max(0, at - expiresAt)
            })
        }
        if (args.only.includes('revoke')) {
            const late = await lateness(one.world, one.grants, one.execs)
            line(
                `revoke lateness, ${args.grants} expiring together`,
                `p50 ${pct(late, 50)} ms, p99 ${pct(late, 99)} ms, max ${Math.max(...late)} ms`,
                'p99 ≤ 1000 ms',
                pct(late, 99) <= 1000,
            )
            const user = one.world.base.executorUser.userName
            // a Batch API call counts once (its sub-requests are logged with `batch`), as test/perf counts calls
            const calls = one.world.sn.requests.filter((r) => r.user === user && r.batch === undefined).length
            line(
                'ServiceNow calls per grant + revoke (incl. polls)',
                `${(calls / args.grants).toFixed(1)}`,
                '≤ 12 per lifecycle',
                calls / args.grants <= 12,
            )
            void requests
        }
        line(
            'RSS of the bench process',
            `${Math.round(process.memoryUsage().rss / 1e6)} MB`,
            '≤ 100 MB (executor alone)',
        )
        for (const e of one.execs) await e.stop()
        await one.world.close()

        if (args.only.includes('revoke') && args.storm > 0) {
            const stormy = await burst(args, 1)
            // the storm starts before the expiry and lasts through the revokes
            stormy.world.sn.faults.add({ status: 429, retryAfterSeconds: 5, rate: args.storm })
            const late = await lateness(stormy.world, stormy.grants, stormy.execs)
            line(
                `revoke lateness, 429 on ${Math.round(args.storm * 100)} % of ServiceNow calls`,
                `p50 ${pct(late, 50)} ms, p99 ${pct(late, 99)} ms, max ${Math.max(...late)} ms`,
                'p99 ≤ 1000 ms',
                pct(late, 99) <= 1000,
            )
            for (const e of stormy.execs) await e.stop()
            await stormy.world.close()
        }
    }
    if (args.only.includes('nudge')) {
        await runNudgeBench(
            {
                approvals: args.nudgeApprovals,
                latency: args.latency,
                serverMs: args.serverMs,
                poll: args.poll,
                asyncDelay: args.asyncDelay,
            },
            line,
        )
    }
    if (args.only.includes('journal')) await journalBench() // test/bench/journal.ts: RSS and restart, bundle
}

main().then(
    () => process.exit(0),
    (error: unknown) => {
        console.error(error)
        process.exit(1)
    },
)
