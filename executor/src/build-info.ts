/**
 * What build this executor is: version, git commit and build time. `npm run build --workspace executor`
 * (executor/scripts/build.mjs) writes them to `dist/build-info.json` next to the compiled `cli.js`; this module
 * reads that file once. Run from source (tsx, tests) there is no such file: the version comes from
 * executor/package.json and the commit and build time are "unknown".
 *
 * Used by `gbg-executor --version`, the heartbeat row and the `gbg_build_info{version,commit}` metric.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The build this process runs. */
export interface BuildInfo {
    /** Semantic version of the executor package, e.g. `0.1.0`. */
    version: string
    /** Full git commit hash the build was made from (`-dirty` appended for uncommitted changes), or `unknown`. */
    commit: string
    /** ISO 8601 UTC time of the build, or `unknown`. */
    builtAt: string
}

/** File name of the build-info file next to the compiled entry point. */
export const BUILD_INFO_FILE = 'build-info.json'

/** Value of every field that cannot be known (run from source). */
export const UNKNOWN = 'unknown'

let cached: BuildInfo | undefined

/** The build info of this process (read once; never throws). */
export function buildInfo(): BuildInfo {
    cached ??= readBuildInfo(moduleDir())
    return { ...cached }
}

/**
 * Read the build info of the code in `dir`: `dir/build-info.json` when present and well-formed, else the version
 * of `dir/../package.json` with commit and build time unknown. Exported for tests.
 */
export function readBuildInfo(dir: string | undefined): BuildInfo {
    if (dir === undefined) return { version: UNKNOWN, commit: UNKNOWN, builtAt: UNKNOWN }
    const built = readJson(join(dir, BUILD_INFO_FILE))
    if (built) {
        return {
            version: field(built, 'version', /^\d+\.\d+\.\d+[0-9A-Za-z.+-]*$/),
            commit: field(built, 'commit', /^[0-9a-f]{7,40}(-dirty)?$/),
            builtAt: field(built, 'builtAt', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
        }
    }
    const pkg = readJson(join(dir, '..', 'package.json'))
    return {
        version: pkg ? field(pkg, 'version', /^\d+\.\d+\.\d+[0-9A-Za-z.+-]*$/) : UNKNOWN,
        commit: UNKNOWN,
        builtAt: UNKNOWN,
    }
}

/** One line for `--version`: `gbg-executor 0.1.0 (commit 1a2b3c4…, built 2026-12-02T15:40:00Z)`. */
export function versionLine(info: BuildInfo = buildInfo()): string {
    return `gbg-executor ${info.version} (commit ${info.commit}, built ${info.builtAt})`
}

function moduleDir(): string | undefined {
    // CommonJS (the compiled bundle, tsx) and vitest both provide __dirname.
    return typeof __dirname === 'string' ? __dirname : undefined
}

function readJson(path: string): Record<string, unknown> | undefined {
    try {
        const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
            ? (parsed as Record<string, unknown>)
            : undefined
    } catch {
        return undefined
    }
}

/** A field of the file when it has the expected form, else "unknown" (a metric label must stay well-formed). */
function field(obj: Record<string, unknown>, key: string, pattern: RegExp): string {
    const value = obj[key]
    return typeof value === 'string' && pattern.test(value) ? value : UNKNOWN
}
