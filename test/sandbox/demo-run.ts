/**
 * The demo scenario run once: sandbox, catalog request through the app, the executor, the timeline, the revoke at
 * expiry and its verification, a graceful stop and an independent check of the outcome. `demo.ts` runs it as the
 * `npm run demo` program (real time, the executor as a child process); the tests run it on a virtual clock.
 *
 * Test / dev code only.
 */
import { parseDemoArgs, type DemoArgs } from './args'
import { ensureBuiltApp } from './built-app'
import { checkOutcome, runScenario, tailExecutorLog, repoPath, type RunningScenario } from './scenario'
import type { VirtualClock } from '../support/virtual-clock'

/** The demo gives up after this long. */
export const DEMO_TIMEOUT_MS = 3 * 60_000

/** Options of {@link runDemo}. */
export interface DemoOptions {
    out?: (line: string) => void
    err?: (line: string) => void
    /** Rejects when the person asks to stop (Ctrl-C). */
    interrupted?: Promise<never>
    /** Run on this virtual clock, the executor in this process (tests). */
    clock?: VirtualClock
    /** Called with the running scenario once it started (tests that read its records and files too). */
    onScenario?: (scenario: RunningScenario) => void
}

/** Runs the demo for `argv`; resolves with the exit code (0 success, 1 failure). */
export async function runDemo(argv: string[], options: DemoOptions = {}): Promise<number> {
    const out = options.out ?? ((line: string) => console.log(line))
    const err = options.err ?? ((line: string) => console.error(line))
    let args: DemoArgs
    try {
        args = parseDemoArgs(argv)
    } catch (error) {
        err((error as Error).message)
        return 1
    }
    out('Governed break-glass access — sandbox demo')
    out('')
    if (!ensureBuiltApp(out)) return 1
    let scenario: RunningScenario | undefined
    const interrupted = options.interrupted ?? new Promise<never>(() => undefined)
    try {
        // A grant longer than a minute (EPM's 5-minute floor) needs its duration on top of the usual allowance.
        const timeoutMs = DEMO_TIMEOUT_MS + Math.max(0, args.durationMinutes - 1) * 60_000
        scenario = await runScenario({ ...args, timeoutMs, print: out, clock: options.clock })
        options.onScenario?.(scenario)
        await Promise.race([scenario.finished, interrupted])
        const exit = await scenario.shutdown()
        const outcome = checkOutcome(scenario.sandbox)
        out('')
        out('Summary')
        for (const line of outcome.lines) out(line)
        out(`  executor stopped with SIGTERM, exit ${exit}; logs: ${repoPath(scenario.executor.logFile)}`)
        if (exit !== 0) outcome.problems.push(`the executor did not stop cleanly (exit ${exit})`)
        if (outcome.problems.length > 0) {
            err('')
            err(`DEMO FAILED: ${outcome.problems.join('; ')}`)
            return 1
        }
        out('')
        out('Demo complete: granted, written back, revoked at expiry and verified.')
        return 0
    } catch (error) {
        err('')
        err(`DEMO FAILED: ${(error as Error).message}`)
        if (scenario) {
            const tail = tailExecutorLog(scenario.executor.logFile)
            if (tail.length > 0) {
                err(`Last executor log records (${repoPath(scenario.executor.logFile)}):`)
                for (const line of tail) err(`  ${line}`)
            }
            await scenario.shutdown().catch(() => undefined)
        }
        return 1
    }
}
