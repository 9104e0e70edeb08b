/**
 * `npm start`.
 *
 * - `GBG_SN_URL` set: the production service — `executor/src/cli.ts run` with the current environment, as it
 *   is. Nothing from `test/` is loaded on this path.
 * - `GBG_SN_URL` unset: the embedded sandbox (`test/sandbox/serve.ts`): a banner explaining what it is and how
 *   to configure a real instance, the demo scenario against local emulators with the real executor, and both
 *   kept running until Ctrl-C. Extra arguments (`npm start -- --provider entra-role`) go to the sandbox.
 */
import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Runs the production executor in the foreground; resolves with its exit code. */
function runProduction(): Promise<number> {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'executor/src/cli.ts'), 'run'], {
        cwd: process.cwd(),
        env: process.env,
        stdio: 'inherit',
    })
    // A terminal's Ctrl-C already reaches the executor (same process group): forwarding SIGINT as well would be
    // its second signal, which forces exit. SIGTERM / SIGHUP (service managers, `kill`) reach only us: forward.
    process.on('SIGINT', () => undefined)
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal))
    return new Promise((resolveExit) => {
        child.once('exit', (code, signal) => resolveExit(code ?? (signal ? 128 + signalNumber(signal) : 1)))
        child.once('error', (error) => {
            console.error(`cannot start the executor: ${error.message}`)
            resolveExit(1)
        })
    })
}

function signalNumber(signal: NodeJS.Signals): number {
    return signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : signal === 'SIGKILL' ? 9 : 1
}

async function main(): Promise<number> {
    if ((process.env['GBG_SN_URL'] ?? '').trim() !== '') return runProduction()
    // Loaded only here, so the production path never touches test code.
    const { serveSandbox } = await import('../test/sandbox/serve')
    return serveSandbox(process.argv.slice(2))
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error((error as Error).stack ?? String(error))
        process.exit(1)
    },
)
