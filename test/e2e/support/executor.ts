/**
 * The REAL executor as a child process (`node --import tsx executor/src/cli.ts run`, the production entry point),
 * configured only by `GBG_*` environment variables, with its structured JSON log lines collected in memory so
 * tests can await them ("wait until the executor logged grant:active for this grant") instead of sleeping.
 * Also runs one-shot CLI commands (`doctor`, `status`, `audit verify`, `revoke`).
 *
 * Test code only.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { EXECUTOR_CLI, REPO_ROOT } from '../../sandbox/executor-process'

/** One parsed log line (`message` plus metadata), or `{ raw }` for a non-JSON line. */
export type LogLine = Record<string, unknown> & { message?: string; level?: string }

/** A running executor child. */
export interface RunningExecutor {
    child: ChildProcess
    pid: number
    name: string
    lines: LogLine[]
    /** Resolves with the exit code or signal name when the child ends. */
    exited: Promise<number | string>
    /** Resolves with the first line (already seen or future) matching `predicate`. */
    waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number, what?: string): Promise<LogLine>
    /** SIGKILL: the process dies without any cleanup (journal step, leases and in-flight calls stay as they are). */
    kill9(): Promise<number | string>
    /** SIGTERM (graceful drain); SIGKILL after `graceMs`. */
    stop(graceMs?: number): Promise<number | string>
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL')
})

/** Only what node needs to run: nothing from the test runner's environment leaks into the executor's config. */
function baseEnv(): Record<string, string> {
    const base: Record<string, string> = {}
    for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
        const value = process.env[key]
        if (value !== undefined) base[key] = value
    }
    return base
}

/**
 * Starts `executor/src/cli.ts run` with `env`. When `logFile` is given every line is appended there too (for a
 * human reading a failed run).
 */
export function startExecutor(env: Record<string, string>, logFile?: string): RunningExecutor {
    // E2E_LOG_DIR=<folder> keeps every executor's log lines for a human debugging a failed run.
    if (!logFile && process.env['E2E_LOG_DIR']) {
        logFile = `${process.env['E2E_LOG_DIR']}/${env['GBG_INSTANCE_NAME'] ?? 'executor'}-${Date.now()}.log`
    }
    const child = spawn(process.execPath, ['--import', 'tsx', EXECUTOR_CLI, 'run'], {
        cwd: REPO_ROOT,
        env: { ...baseEnv(), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    running.add(child)
    const lines: LogLine[] = []
    const waiters: { predicate: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = []
    const onText = (stream: NodeJS.ReadableStream) => {
        let buffer = ''
        stream.setEncoding('utf8')
        stream.on('data', (chunk: string) => {
            buffer += chunk
            let nl: number
            while ((nl = buffer.indexOf('\n')) >= 0) {
                const text = buffer.slice(0, nl)
                buffer = buffer.slice(nl + 1)
                if (text.trim() === '') continue
                if (logFile) appendFileSync(logFile, text + '\n')
                let line: LogLine
                try {
                    line = JSON.parse(text) as LogLine
                } catch {
                    line = { raw: text }
                }
                lines.push(line)
                for (const w of [...waiters]) {
                    if (w.predicate(line)) {
                        waiters.splice(waiters.indexOf(w), 1)
                        w.resolve(line)
                    }
                }
            }
        })
    }
    onText(child.stdout!)
    onText(child.stderr!)
    const exited = new Promise<number | string>((resolve) => {
        child.once('exit', (code, signal) => {
            running.delete(child)
            resolve(code ?? signal ?? 'unknown')
        })
    })
    const alive = () => child.exitCode === null && child.signalCode === null
    return {
        child,
        pid: child.pid ?? -1,
        name: env['GBG_INSTANCE_NAME'] ?? '',
        lines,
        exited,
        waitForLog(predicate, timeoutMs = 20_000, what = 'a log line') {
            const seen = lines.find(predicate)
            if (seen) return Promise.resolve(seen)
            return new Promise<LogLine>((resolve, reject) => {
                const timer = setTimeout(() => {
                    waiters.splice(waiters.indexOf(entry), 1)
                    const tail = lines
                        .slice(-15)
                        .map((l) => JSON.stringify(l).slice(0, 300))
                        .join('\n')
                    reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last lines:\n${tail}`))
                }, timeoutMs)
                const entry = {
                    predicate,
                    resolve: (l: LogLine) => {
                        clearTimeout(timer)
                        resolve(l)
                    },
                }
                waiters.push(entry)
                void exited.then((code) => {
                    if (waiters.includes(entry)) {
                        clearTimeout(timer)
                        waiters.splice(waiters.indexOf(entry), 1)
                        reject(new Error(`executor exited (${code}) while waiting for ${what}`))
                    }
                })
            })
        },
        async kill9() {
            if (alive()) child.kill('SIGKILL')
            return exited
        },
        async stop(graceMs = 15_000) {
            if (alive()) {
                child.kill('SIGTERM')
                const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
                try {
                    return await exited
                } finally {
                    clearTimeout(timer)
                }
            }
            return exited
        },
    }
}

/** Result of a one-shot CLI command. */
export interface CliResult {
    code: number
    stdout: string
    stderr: string
}

/** Runs `executor/src/cli.ts <args>` to completion with `env`. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', EXECUTOR_CLI, ...args], {
            cwd: REPO_ROOT,
            env: { ...baseEnv(), ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
        })
        let stdout = ''
        let stderr = ''
        child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
        child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
        const timer = setTimeout(() => {
            child.kill('SIGKILL')
            reject(new Error(`cli ${args.join(' ')} did not finish in ${timeoutMs} ms:\n${stdout}\n${stderr}`))
        }, timeoutMs)
        child.once('exit', (code) => {
            clearTimeout(timer)
            resolve({ code: code ?? -1, stdout, stderr })
        })
    })
}

/** True for a log line of the executor's event `name` about `grantSysId` (when given). */
export function isEvent(name: string, grantSysId?: string): (l: LogLine) => boolean {
    return (l) => l['event'] === name && (grantSysId === undefined || l['grantSysId'] === grantSysId)
}
