#!/usr/bin/env node
/**
 * Production build of the executor: `npm run build --workspace executor`.
 *
 * - Bundles executor/src/cli.ts and the workspace package @gbg/shared (TypeScript, no runtime dependency of its own)
 *   into ONE CommonJS file, executor/dist/cli.js (+ source map), that plain `node` runs. Every npm package the
 *   executor imports stays external: it is loaded from node_modules, installed with `npm ci --omit=dev`.
 * - Checks the dependency list: every package the bundle loads at runtime must be a `dependencies` entry of
 *   executor/package.json, and every entry must be loaded by the bundle (type-only and build-time packages belong
 *   in devDependencies). A mismatch fails the build with both lists.
 * - Writes dist/build-info.json: version (executor/package.json), git commit (GBG_BUILD_COMMIT, else
 *   `git rev-parse HEAD` with `-dirty` for a changed tree, else "unknown") and build time (SOURCE_DATE_EPOCH when
 *   set, for reproducible builds; else now), read by src/build-info.ts (`--version`, gbg_build_info).
 *
 * Type-checking is not part of this build (esbuild strips types): `npm test` / `npx tsc -b` does it.
 */
import { execFileSync } from 'node:child_process'
import { builtinModules } from 'node:module'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const EXECUTOR = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(EXECUTOR, 'dist')
const pkg = JSON.parse(readFileSync(join(EXECUTOR, 'package.json'), 'utf8'))
const runtimeDeps = Object.keys(pkg.dependencies ?? {}).sort()

/** Package name of a bare import specifier (`@scope/name/sub` → `@scope/name`). */
function packageName(specifier) {
    const parts = specifier.split('/')
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

rmSync(DIST, { recursive: true, force: true })
mkdirSync(DIST, { recursive: true })

const result = await build({
    absWorkingDir: EXECUTOR,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // Positions only: stack traces map to src/ files and lines without the sources' text in the map (1.6 MB → about
    // a third), which `node --enable-source-maps` (the deploy's entry point) would otherwise keep in memory.
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [
        {
            // Every bare import is external except the workspace package @gbg/shared, which is compiled in.
            name: 'externals',
            setup(b) {
                b.onResolve({ filter: /^[^./]/ }, (args) => {
                    if (packageName(args.path) === '@gbg/shared') return undefined
                    return { path: args.path, external: true }
                })
            },
        },
    ],
})

// The dependency check: what the bundle requires at runtime vs executor/package.json "dependencies".
const loaded = new Set()
for (const input of Object.values(result.metafile.inputs)) {
    for (const imp of input.imports) {
        // Relative paths marked external are imports TypeScript elides (type-only uses): nothing is loaded.
        if (imp.external && !builtins.has(imp.path) && !/^[./]/.test(imp.path)) loaded.add(packageName(imp.path))
    }
}
const missing = [...loaded].filter((p) => !runtimeDeps.includes(p)).sort()
const unused = runtimeDeps.filter((p) => !loaded.has(p))
if (missing.length > 0 || unused.length > 0) {
    const lines = ['executor build: executor/package.json "dependencies" do not match what the executor loads at runtime']
    if (missing.length > 0) lines.push(`  loaded but not a dependency (add to dependencies): ${missing.join(', ')}`)
    if (unused.length > 0) lines.push(`  a dependency the runtime never loads (move to devDependencies): ${unused.join(', ')}`)
    console.error(lines.join('\n'))
    process.exit(1)
}

function gitCommit() {
    const given = process.env.GBG_BUILD_COMMIT?.trim()
    if (given && given !== 'unknown') {
        if (!/^[0-9a-f]{7,40}(-dirty)?$/.test(given)) {
            console.error('executor build: GBG_BUILD_COMMIT must be a git commit hash (7 to 40 lowercase hex)')
            process.exit(1)
        }
        return given
    }
    try {
        const git = (...args) => execFileSync('git', args, { cwd: EXECUTOR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        const head = git('rev-parse', 'HEAD').trim()
        const dirty = git('status', '--porcelain', '--', '.', '../shared').trim() !== ''
        return dirty ? `${head}-dirty` : head
    } catch {
        return 'unknown'
    }
}

function buildTime() {
    const epoch = process.env.SOURCE_DATE_EPOCH?.trim()
    if (epoch) {
        if (!/^\d+$/.test(epoch)) {
            console.error('executor build: SOURCE_DATE_EPOCH must be seconds since 1970')
            process.exit(1)
        }
        return new Date(Number(epoch) * 1000).toISOString()
    }
    return new Date().toISOString()
}

const info = { version: pkg.version, commit: gitCommit(), builtAt: buildTime() }
writeFileSync(join(DIST, 'build-info.json'), JSON.stringify(info, null, 2) + '\n')
console.log(
    `executor build: dist/cli.js (${[...loaded].length} runtime packages: ${[...loaded].sort().join(', ')}); ` +
        `version ${info.version}, commit ${info.commit}, built ${info.builtAt}`,
)
