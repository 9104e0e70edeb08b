/**
 * The sandbox's ServiceNow emulator takes its tables and ACLs from the BUILT app (now-app/dist). On a fresh clone
 * nothing has built it yet (only `npm test` did), so `npm start` and `npm run demo` build it first, once, with
 * the project's own build command, saying so. A failed build stops the sandbox with the build's output.
 *
 * Test / dev code only.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { REPO_ROOT } from '../support/executor-process'

/** Where the build leaves the app's records (what test/support/app-dist.ts reads). */
export const BUILT_APP_DIR = resolve(REPO_ROOT, 'now-app/dist/app')

/**
 * Builds the app when it has never been built (or always, with `force`: a stale build, test/sim/built-app.ts);
 * returns false (after printing why) when the build fails.
 */
export function ensureBuiltApp(print: (line: string) => void = (l) => console.log(l), force = false): boolean {
    if (!force && existsSync(BUILT_APP_DIR)) return true
    if (!force) print('First run: building the ServiceNow app (now-app/dist) for the emulator — about a minute…')
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const build = spawnSync(npm, ['run', 'build', '--workspace', 'now-app'], { cwd: REPO_ROOT, encoding: 'utf8' })
    if (build.status === 0 && existsSync(BUILT_APP_DIR)) return true
    print(`The app build failed (exit ${build.status ?? build.signal}):`)
    print(`${build.stdout ?? ''}${build.stderr ?? ''}`.trim())
    return false
}
