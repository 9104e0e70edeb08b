/**
 * The REAL executor service (`startService`, what `gbg-executor run` starts) inside the test's own process, on
 * the test's virtual clock: the same configuration from the same `GBG_*` variables, the same clients, journal,
 * worker and providers — only the clock and the log destination differ. Its structured log lines are kept in
 * memory, parsed, for assertions. A process boundary is used only where it is the point (kill -9, the CLI as a
 * program, `npm start`): test/support/executor-process.ts.
 *
 * Test code only.
 */
export { isEvent, type LogLine } from './log-lines'
import { loadConfig } from '@gbg/executor/src/config'
import { createLogger } from '@gbg/executor/src/log'
import { logCollector, type LogLine } from './log-lines'
import { main as cliMain } from '@gbg/executor/src/cli'
import { startService, type Service } from '@gbg/executor/src/service'
import type { VirtualClock } from './virtual-clock'
import { runUntil } from './virtual-time'

/** An executor running in this process. */
export interface InProcessExecutor {
    name: string
    service: Service
    lines: LogLine[]
    /** Runs the virtual clock until a line matching `predicate` was logged (within `withinMs` of virtual time). */
    waitForLog(predicate: (line: LogLine) => boolean, withinMs?: number, what?: string): Promise<LogLine>
    /** Graceful stop (drain), as SIGTERM does. */
    stop(): Promise<void>
    /** Abandon in-flight work: leases stay until they expire, the journal keeps its steps (a crash, minus the kill). */
    crash(): Promise<void>
}

/** Starts the executor configured by `env` on `clock` (its log lines also appended to `logFile` when given). */
export async function startInProcessExecutor(
    env: Record<string, string>,
    clock: VirtualClock,
    logFile?: string,
): Promise<InProcessExecutor> {
    const config = loadConfig(env)
    const { stream, lines } = logCollector(logFile)
    const logger = createLogger({ level: config.logLevel, stream })
    const service = await startService(config, { logger, clock })
    let stopped = false
    return {
        name: config.instanceName,
        service,
        lines,
        async waitForLog(predicate, withinMs = 20_000, what = 'a log line') {
            await runUntil(clock, () => lines.some(predicate), { within: withinMs, what })
            return lines.find(predicate)!
        },
        async stop() {
            if (stopped) return
            stopped = true
            await service.stop()
        },
        async crash() {
            if (stopped) return
            stopped = true
            await service.stop({ force: true })
        },
    }
}

/** Result of a one-shot CLI command. */
export interface CliResult {
    code: number
    stdout: string
    stderr: string
}

/** Runs the CLI's `main` (the same function the `gbg-executor` program runs) in this process with `env`. */
export async function runCliInProcess(args: string[], env: Record<string, string>): Promise<CliResult> {
    const out: string[] = []
    const err: string[] = []
    // The command's own log lines (warnings and errors kept) would otherwise go to the test's console.
    const code = await cliMain(
        args,
        { ...env, GBG_LOG_LEVEL: 'warn' },
        (line) => out.push(line),
        (line) => err.push(line),
    )
    return { code, stdout: out.map((l) => l + '\n').join(''), stderr: err.map((l) => l + '\n').join('') }
}
