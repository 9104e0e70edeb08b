/**
 * Runs the REAL executor (`executor/src/cli.ts run`, the production entry point) as a child process with a given
 * environment. Its stdout / stderr (structured JSON logs) go to a file, never to the terminal: the sandbox's
 * terminal shows the timeline. Stopping is graceful (SIGTERM, then wait); SIGKILL only after a grace period, so a
 * wedged executor cannot hang the demo.
 *
 * Test / dev code only.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Repository root (this file is test/sandbox/executor-process.ts). */
export const REPO_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The executor's production entry point. */
export const EXECUTOR_CLI: string = resolve(REPO_ROOT, 'executor/src/cli.ts')

/** A running executor child. */
export interface ExecutorProcess {
    child: ChildProcess
    pid: number
    /** File receiving the child's stdout and stderr. */
    logFile: string
    /** Resolves with the exit code (or the signal name) when the child ends, however it ends. */
    exited: Promise<number | string>
    /** SIGTERM, wait up to `graceMs` (then SIGKILL); resolves with the exit code / signal. */
    stop(graceMs?: number): Promise<number | string>
}

/**
 * Starts `node --import tsx executor/src/cli.ts run` with exactly `env` (plus PATH / HOME / NODE_* needed to run
 * node at all): nothing from the caller's environment leaks into the executor's configuration.
 */
export function startExecutorProcess(env: Record<string, string>, logFile: string): ExecutorProcess {
    mkdirSync(dirname(logFile), { recursive: true })
    const fd = openSync(logFile, 'a')
    const base: Record<string, string> = {}
    for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT']) {
        const value = process.env[key]
        if (value !== undefined) base[key] = value
    }
    // Own process group: a Ctrl-C in the terminal reaches only the sandbox, which then stops the executor with ONE
    // SIGTERM. In the terminal's group the executor would get the terminal's SIGINT plus our SIGTERM, and its
    // second signal means "force exit, leave leases to expire" — not the graceful stop the demo shows.
    const child = spawn(process.execPath, ['--import', 'tsx', EXECUTOR_CLI, 'run'], {
        cwd: REPO_ROOT,
        env: { ...base, ...env },
        stdio: ['ignore', fd, fd],
        detached: true,
    })
    closeSync(fd)
    // Never leave an orphan executor polling dead emulators when the sandbox exits without stopping it.
    const killOnExit = (): void => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    process.once('exit', killOnExit)
    child.once('exit', () => process.removeListener('exit', killOnExit))
    const exited = new Promise<number | string>((resolveExit) => {
        child.once('exit', (code, signal) => resolveExit(code ?? signal ?? 'unknown'))
        child.once('error', (error) => resolveExit(`spawn error: ${error.message}`))
    })
    const stop = async (graceMs = 15_000): Promise<number | string> => {
        if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM')
            const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
            try {
                return await exited
            } finally {
                clearTimeout(timer)
            }
        }
        return exited
    }
    return { child, pid: child.pid ?? -1, logFile, exited, stop }
}
