/**
 * `--workers N`: whole worlds run in N child processes (test/sim/worker.ts), handed out one at a time as workers
 * become free; the parent merges their results in world order, so a seed's trace and figures are the same for any
 * N. A world is a pure function of its {@link WorldSpec} (its PRNG and its entropy are forked from the run's seed
 * by world index, entropy.ts), whichever process runs it.
 *
 * Test / dev code only.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SimOptions, WorldResult, WorldSpec } from './run'

const WORKER = resolve(dirname(fileURLToPath(import.meta.url)), 'worker.ts')

/** Parent → worker. */
export interface WorkRequest {
    spec: WorldSpec
    options: Pick<SimOptions, 'seed' | 'lifecycles' | 'faults' | 'only' | 'perWorld' | 'workload'> & { wantLog: boolean }
}

/** Worker → parent. */
export type WorkReply = { ok: true; result: WorldResult } | { ok: false; index: number; error: string }

/** Runs `worlds` over `options.workers` children; `take` receives each world's result in world order. */
export async function runWorldsInWorkers(
    worlds: WorldSpec[],
    options: SimOptions,
    take: (result: WorldResult) => void,
): Promise<void> {
    const count = Math.min(options.workers ?? 1, worlds.length)
    const queue = [...worlds]
    const done = new Map<number, WorldResult>()
    let nextToMerge = 0
    const order = worlds.map((w) => w.index)
    const children: ChildProcess[] = []
    const request = (spec: WorldSpec): WorkRequest => ({
        spec,
        options: {
            seed: options.seed,
            lifecycles: options.lifecycles,
            faults: options.faults,
            only: options.only,
            perWorld: options.perWorld,
            workload: options.workload,
            wantLog: options.log !== undefined,
        },
    })
    const flush = (): void => {
        while (nextToMerge < order.length && done.has(order[nextToMerge]!)) {
            const index = order[nextToMerge]!
            take(done.get(index)!)
            done.delete(index)
            nextToMerge += 1
        }
    }
    try {
        await Promise.all(
            Array.from({ length: count }, async () => {
                const child = fork(WORKER, [], {
                    execArgv: ['--import', 'tsx'],
                    serialization: 'advanced',
                    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
                })
                children.push(child)
                const exited = new Promise<never>((_, reject) =>
                    child.once('exit', (code, signal) =>
                        reject(new Error(`simulator worker ${child.pid} ended (${signal ?? code}) before its world`)),
                    ),
                )
                exited.catch(() => undefined)
                for (let spec = queue.shift(); spec; spec = queue.shift()) {
                    const asked = spec
                    const answer = await Promise.race([
                        new Promise<WorkReply>((ok) => {
                            child.once('message', (m) => ok(m as WorkReply))
                            child.send(request(asked))
                        }),
                        exited,
                    ])
                    if (!answer.ok) throw new Error(`world ${answer.index} failed in a worker: ${answer.error}`)
                    done.set(answer.result.index, answer.result)
                    flush()
                }
                child.send('exit')
            }),
        )
    } finally {
        for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill()
    }
}
