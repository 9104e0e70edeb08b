/**
 * `npm run sim` reads the BUILT app (now-app/dist) into the ServiceNow emulator of every world. On a fresh clone
 * nothing has built it; after an edit of now-app/src the old build would simulate the old app. So the simulator
 * builds it first when it is missing or older than its sources, with the project's own build command (the way
 * `npm start` / `npm run demo` do, test/sandbox/built-app.ts), and says so. Never while a run is under way: a
 * build replaces now-app/dist under any other run in the same working tree (docs/simulation.md).
 *
 * Test / dev code only.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BUILT_APP_DIR, ensureBuiltApp } from '../sandbox/built-app'
import { REPO_ROOT } from '../support/executor-process'

/** What the build reads: the app's sources and its configuration. */
const SOURCES = ['now-app/src', 'now-app/now.config.json', 'now-app/package.json'].map((p) => resolve(REPO_ROOT, p))

/** Newest modification time (ms) of a file or of any file below a folder; 0 when absent. */
export function newestMtime(path: string): number {
    if (!existsSync(path)) return 0
    const st = statSync(path)
    if (!st.isDirectory()) return st.mtimeMs
    let newest = 0
    for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
    return newest
}

/** Why the built app must be (re)built, or undefined when it is current. */
export function builtAppStale(built = BUILT_APP_DIR, sources = SOURCES): string | undefined {
    const builtAt = newestMtime(built)
    if (builtAt === 0) return 'never built'
    const changed = sources.find((s) => newestMtime(s) > builtAt)
    return changed ? `${changed.slice(REPO_ROOT.length + 1)} changed since the last build` : undefined
}

/** Builds the app when missing or stale; false (after printing the build's output) when the build fails. */
export function ensureCurrentApp(print: (line: string) => void): boolean {
    const why = builtAppStale()
    if (why === undefined) return true
    if (why !== 'never built') {
        print(`The built app is stale (${why}): rebuilding now-app/dist…`)
        // ensureBuiltApp builds only when the folder is missing: a stale build is rebuilt in place.
        return ensureBuiltApp(print, true)
    }
    return ensureBuiltApp(print)
}
