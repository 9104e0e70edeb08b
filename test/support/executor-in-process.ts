/**
 * The REAL executor service (`startService`, what `gbg-executor run` starts) inside the test's own process, on
 * the test's virtual clock: the same configuration from the same `GBG_*` variables, the same clients, journal,
 * worker and providers — only the clock and the log destination differ. Its structured log lines are kept in
 * memory, parsed, for assertions. A process boundary is used only where it is the point (kill -9, the CLI as a
 * program, `npm start`): test/support/executor-process.ts.
 *
 * Test code only.
 */
import { Writable } from 'node:stream'
import { loadConfig } from '@gbg/executor/src/config'
import { createLogger } from '@gbg/executor/src/log'
import { main as cliMain } from '@gbg/executor/src/cli'
import { startService, type Service } from '@gbg/executor/src/service'
import type { Clock } from '@gbg/executor/src/ports'

/** One parsed log line (`message` plus metadata), or `{ raw }` for a non-JSON line. */
export type LogLine = Record<string, unknown> & { message?: string; level?: string }

/** True for a log line of the executor's event `name` about `grantSysId` (when given). */
export function isEvent(name: string, grantSysId?: string): (l: LogLine) => boolean {
    return (l) => l['event'] === name && (grantSysId === undefined || l['grantSysId'] === grantSysId)
}

/** A collector of JSON log lines (a Writable the executor's winston logger writes to). */
export function logCollector(): { stream: Writable; lines: LogLine[] } {
    const lines: LogLine[] = []
    let buffer = ''
    const stream = new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
            buffer += chunk.toString()
            let nl: number
            while ((nl = buffer.indexOf('\n')) >= 0) {
                const text = buffer.slice(0, nl)
                buffer = buffer.slice(nl + 1)
                if (text.trim() === '') continue
                try {
                    lines.push(JSON.parse(text) as LogLine)
                } catch {
                    lines.push({ raw: text })
                }
            }
            callback()
        },
    })
    return { stream, lines }
}

/** An executor running in this process. */
export interface InProcessExecutor {
    name: string
    service: Service
    lines: LogLine[]
    /** Graceful stop (drain), as SIGTERM does. */
    stop(): Promise<void>
    /** Abandon in-flight work: leases stay until they expire, the journal keeps its steps (a crash, minus the kill). */
    crash(): Promise<void>
}

/** Starts the executor configured by `env` on `clock`. */
export async function startInProcessExecutor(env: Record<string, string>, clock: Clock): Promise<InProcessExecutor> {
    const config = loadConfig(env)
    const { stream, lines } = logCollector()
    const logger = createLogger({ level: config.logLevel, stream })
    const service = await startService(config, { logger, clock })
    let stopped = false
    return {
        name: config.instanceName,
        service,
        lines,
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
        { GBG_LOG_LEVEL: 'warn', ...env, ...(env['GBG_LOG_LEVEL'] === 'debug' ? { GBG_LOG_LEVEL: 'warn' } : {}) },
        (line) => out.push(line),
        (line) => err.push(line),
    )
    return { code, stdout: out.map((l) => l + '\n').join(''), stderr: err.map((l) => l + '\n').join('') }
}
