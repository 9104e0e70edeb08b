/**
 * The REAL executor as a child process (`node --import tsx executor/src/cli.ts …`, the production entry point),
 * configured only by `GBG_*` environment variables — for the few tests where the process boundary is the point
 * (kill -9 and restart on the same journal, the CLI as a program, `npm start`) and for the sandbox (`npm start`,
 * `npm run demo`). Everything else runs the executor in the test's process on a virtual clock
 * (executor-in-process.ts).
 *
 * Its structured JSON log lines are collected in memory (and appended to `logFile` when given), so a test can
 * await "the executor logged X" instead of sleeping. With E2E_CLOCK_OFFSET_FILE in the env the child loads
 * clock-offset-preload.mjs: the test can then jump its wall clock (see test/e2e/support/world.ts).
 *
 * Test / dev code only.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lineSplitter, type LogLine } from './log-lines'

/** Repository root (this file is test/support/executor-process.ts). */
export const REPO_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The executor's production entry point. */
export const EXECUTOR_CLI: string = resolve(REPO_ROOT, 'executor/src/cli.ts')

const CLOCK_PRELOAD = resolve(REPO_ROOT, 'test/support/clock-offset-preload.mjs')

/** A running executor child. */
export interface ExecutorProcess {
    child: ChildProcess
    pid: number
    name: string
    lines: LogLine[]
    /** File receiving every line ('' when none). */
    logFile: string
    /** Resolves with the exit code or signal name when the child ends, however it ends. */
    exited: Promise<number | string>
    /** Resolves with the first line (already seen or future) matching `predicate`. */
    waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number, what?: string): Promise<LogLine>
    /** SIGKILL: the process dies without any cleanup (journal step, leases and in-flight calls stay as they are). */
    kill9(): Promise<number | string>
    /** SIGTERM (graceful drain); SIGKILL after `graceMs`. */
    stop(graceMs?: number): Promise<number | string>
}

/** Options of {@link startExecutorProcess}. */
export interface ExecutorProcessOptions {
    /** Append every line here too (for a human reading a run). */
    logFile?: string
    /**
     * Own process group: a Ctrl-C in the terminal reaches only the caller, which then stops the executor with ONE
     * SIGTERM (in the terminal's group the executor would get SIGINT plus our SIGTERM, and its second signal means
     * "force exit"). The sandbox uses this.
     */
    detached?: boolean
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
    // Never leave an orphan executor polling dead emulators.
    for (const child of running) child.kill('SIGKILL')
})

/** Only what node needs to run: nothing from the caller's environment leaks into the executor's configuration. */
function baseEnv(): Record<string, string> {
    const base: Record<string, string> = {}
    for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT']) {
        const value = process.env[key]
        if (value !== undefined) base[key] = value
    }
    return base
}

function nodeArgs(env: Record<string, string>, args: string[]): string[] {
    const preload = env['E2E_CLOCK_OFFSET_FILE'] ? ['--import', CLOCK_PRELOAD] : []
    return ['--import', 'tsx', ...preload, EXECUTOR_CLI, ...args]
}

/** Starts `executor/src/cli.ts run` with exactly `env` (plus what node needs to run at all). */
export function startExecutorProcess(
    env: Record<string, string>,
    options: ExecutorProcessOptions = {},
): ExecutorProcess {
    let logFile = options.logFile ?? ''
    // E2E_LOG_DIR=<folder> keeps every executor's log lines for a human debugging a failed run.
    if (!logFile && process.env['E2E_LOG_DIR']) {
        logFile = `${process.env['E2E_LOG_DIR']}/${env['GBG_INSTANCE_NAME'] ?? 'executor'}-${Date.now()}.log`
    }
    if (logFile) mkdirSync(dirname(logFile), { recursive: true })
    const child = spawn(process.execPath, nodeArgs(env, ['run']), {
        cwd: REPO_ROOT,
        env: { ...baseEnv(), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: options.detached ?? false,
    })
    running.add(child)
    const lines: LogLine[] = []
    const waiters: { predicate: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = []
    const onLine = (line: LogLine, text: string): void => {
        if (logFile) appendFileSync(logFile, text + '\n')
        lines.push(line)
        for (const w of [...waiters]) {
            if (w.predicate(line)) {
                waiters.splice(waiters.indexOf(w), 1)
                w.resolve(line)
            }
        }
    }
    child.stdout!.setEncoding('utf8').on('data', lineSplitter(onLine))
    child.stderr!.setEncoding('utf8').on('data', lineSplitter(onLine))
    const exited = new Promise<number | string>((resolveExit) => {
        child.once('exit', (code, signal) => {
            running.delete(child)
            resolveExit(code ?? signal ?? 'unknown')
        })
        child.once('error', (error) => resolveExit(`spawn error: ${error.message}`))
    })
    const alive = () => child.exitCode === null && child.signalCode === null
    return {
        child,
        pid: child.pid ?? -1,
        name: env['GBG_INSTANCE_NAME'] ?? '',
        lines,
        logFile,
        exited,
        waitForLog(predicate, timeoutMs = 20_000, what = 'a log line') {
            const seen = lines.find(predicate)
            if (seen) return Promise.resolve(seen)
            return new Promise<LogLine>((resolveLine, reject) => {
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
                        resolveLine(l)
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

/** Runs `executor/src/cli.ts <args>` as a program to completion with `env`. */
export function runCliProcess(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
    return new Promise((resolveRun, reject) => {
        const child = spawn(process.execPath, nodeArgs(env, args), {
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
            resolveRun({ code: code ?? -1, stdout, stderr })
        })
    })
}
