/**
 * The executor's deployment definitions, proven without a Docker engine (none runs where this repository is
 * tested): deploy/Dockerfile's COPY and RUN steps are replayed outside Docker — every stage in its own temporary
 * directory standing for the image's root, the stages' files copied between them as the Dockerfile says — and the
 * image's ENTRYPOINT then runs with `--version`, `doctor --help` and `status` on production dependencies only.
 *
 * Differences from a real `docker build`, all about installing, none about what ends up in the image:
 * - `npm ci` runs with `--offline` (against the npm cache the repository's own `npm ci` filled), so nothing is
 *   downloaded;
 * - the production `npm ci` runs with `--ignore-scripts` and the native better-sqlite3 binary is copied from the
 *   repository's node_modules (same Node.js ABI) instead of being compiled again (that compile alone takes minutes
 *   on this machine: better-sqlite3 has no prebuilt binary offline);
 * - `apt-get` steps (compiler tools, Debian's Chromium) and the journal folder's `mkdir` / `chown` (absolute container paths, root
 *   only) are not run; the test asserts they are there and name the volume and the USER instead.
 *
 * It also checks the Dockerfile's shape (multi-stage, non-root, volume, healthcheck on /healthz) and the systemd
 * unit's settings. Runs in the `processes` vitest project (it spawns npm and node): about a minute, mostly the two
 * offline `npm ci` runs.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from './support/executor-process'

// -----------------------------------------------------------------------------------------------------------------
// A small Dockerfile reader: enough of the syntax to replay this project's Dockerfile, nothing more.
// -----------------------------------------------------------------------------------------------------------------

interface Instruction {
    op: string
    args: string
    line: number
}

interface Stage {
    name: string
    image: string
    steps: Instruction[]
}

/** Instructions of a Dockerfile: comments dropped, `\` continuations joined. */
function readInstructions(text: string): Instruction[] {
    const out: Instruction[] = []
    const lines = text.split('\n')
    for (let i = 0; i < lines.length; i++) {
        const start = i
        let line = lines[i]!.trim()
        if (line === '' || line.startsWith('#')) continue
        while (line.endsWith('\\')) {
            line = line.slice(0, -1).trimEnd() + ' ' + (lines[++i] ?? '').trim()
        }
        const m = /^([A-Z]+)\s+(.*)$/.exec(line)
        if (!m) throw new Error(`Dockerfile line ${start + 1}: cannot read "${line}"`)
        out.push({ op: m[1]!, args: m[2]!, line: start + 1 })
    }
    return out
}

function readStages(text: string): { globalArgs: Record<string, string>; stages: Stage[] } {
    const globalArgs: Record<string, string> = {}
    const stages: Stage[] = []
    for (const ins of readInstructions(text)) {
        if (ins.op === 'FROM') {
            const m = /^(\S+)\s+AS\s+(\S+)$/i.exec(ins.args)
            if (!m) throw new Error(`Dockerfile line ${ins.line}: every stage must be named (FROM <image> AS <name>)`)
            stages.push({ name: m[2]!, image: m[1]!, steps: [] })
        } else if (stages.length === 0) {
            if (ins.op !== 'ARG') throw new Error(`Dockerfile line ${ins.line}: ${ins.op} before the first FROM`)
            const [k, v] = ins.args.split('=', 2)
            globalArgs[k!] = v ?? ''
        } else {
            stages.at(-1)!.steps.push(ins)
        }
    }
    return { globalArgs, stages }
}

/** `KEY=value KEY2="value 2"` pairs of ENV / ARG. */
function readPairs(args: string): Record<string, string> {
    const out: Record<string, string> = {}
    for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|\S*))?/g)) {
        out[m[1]!] = (m[2] ?? '').replace(/^"|"$/g, '')
    }
    return out
}

function jsonArray(ins: Instruction): string[] {
    const parsed: unknown = JSON.parse(ins.args)
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) {
        throw new Error(`Dockerfile line ${ins.line}: ${ins.op} must be a JSON array of strings (exec form)`)
    }
    return parsed as string[]
}

/** The repository's compiled better-sqlite3 addon (reused instead of compiling it again, see the file comment). */
const NATIVE_SQLITE = join(REPO_ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')

/** Result of a child process. */
interface Ran {
    status: number | null
    stdout: string
    stderr: string
}

/** Runs a child process without blocking this one (vitest's worker must keep answering its RPC meanwhile). */
function run(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Promise<Ran> {
    return new Promise((resolveRun, reject) => {
        const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
        let stdout = ''
        let stderr = ''
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
        child.once('error', reject)
        child.once('close', (status) => resolveRun({ status, stdout, stderr }))
    })
}

/** What a replayed stage left behind. */
interface Replayed {
    root: string
    workdir: string
    env: Record<string, string>
    user: string
    volumes: string[]
    entrypoint: string[]
    cmd: string[]
    healthcheck: string
    skipped: string[]
}

/** Only what node / npm need: nothing from the caller's environment leaks in. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {}
    for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
        const value = process.env[key]
        if (value !== undefined) env[key] = value
    }
    return { ...env, ...extra }
}

async function replay(
    stage: Stage,
    base: string,
    built: Map<string, Replayed>,
    buildArgs: Record<string, string>,
    log: string[],
): Promise<Replayed> {
    const root = join(base, stage.name)
    mkdirSync(root, { recursive: true })
    const r: Replayed = {
        root,
        workdir: '/',
        env: {},
        user: 'root',
        volumes: [],
        entrypoint: [],
        cmd: [],
        healthcheck: '',
        skipped: [],
    }
    const args: Record<string, string> = {}
    const inStage = (path: string, from: Replayed = r): string =>
        isAbsolute(path) ? join(from.root, path) : join(from.root, r.workdir, path)
    for (const ins of stage.steps) {
        switch (ins.op) {
            case 'WORKDIR':
                r.workdir = ins.args
                mkdirSync(inStage('.'), { recursive: true })
                break
            case 'ENV':
                Object.assign(r.env, readPairs(ins.args))
                break
            case 'ARG':
                for (const [k, v] of Object.entries(readPairs(ins.args))) args[k] = buildArgs[k] ?? v
                break
            case 'COPY': {
                const parts = ins.args.split(/\s+/)
                let from: Replayed | undefined
                const paths: string[] = []
                for (const p of parts) {
                    const m = /^--from=(\S+)$/.exec(p)
                    if (m) {
                        from = built.get(m[1]!)
                        if (!from) throw new Error(`Dockerfile line ${ins.line}: unknown stage ${m[1]}`)
                    } else if (p.startsWith('--')) {
                        throw new Error(`Dockerfile line ${ins.line}: COPY option ${p} is not replayed here`)
                    } else paths.push(p)
                }
                const dest = paths.pop()!
                for (const src of paths) {
                    const source = from ? join(from.root, src) : join(REPO_ROOT, src)
                    if (!existsSync(source)) throw new Error(`Dockerfile line ${ins.line}: ${src} does not exist`)
                    const target = dest.endsWith('/')
                        ? join(inStage(dest), src.split('/').filter(Boolean).at(-1)!)
                        : inStage(dest)
                    mkdirSync(dirname(target), { recursive: true })
                    // Never the repository's own build outputs or installed modules unless the step names them.
                    cpSync(source, target, {
                        recursive: true,
                        filter: (f) => from !== undefined || !/[/\\](node_modules|dist)([/\\]|$)/.test(relative(REPO_ROOT, f)),
                    })
                }
                break
            }
            case 'RUN': {
                const command = ins.args
                if (/^apt-get\b/.test(command) || /^mkdir -p \/\S+ && chown /.test(command)) {
                    r.skipped.push(command)
                    break
                }
                let cmd = command
                let copyNative = false
                if (/\bnpm ci\b/.test(cmd)) {
                    cmd = cmd.replace(/\bnpm ci\b/, 'npm ci --offline')
                    if (!/--ignore-scripts/.test(cmd)) {
                        cmd = cmd.replace(/\bnpm ci --offline\b/, 'npm ci --offline --ignore-scripts')
                        copyNative = true
                    }
                }
                const started = Date.now()
                const result = await run('bash', ['-euo', 'pipefail', '-c', cmd], {
                    cwd: inStage('.'),
                    env: cleanEnv({ ...args, ...r.env, npm_config_update_notifier: 'false' }),
                })
                log.push(`[${stage.name}] RUN ${cmd} (${Date.now() - started} ms)`)
                if (result.status !== 0) {
                    throw new Error(
                        `Dockerfile line ${ins.line} failed (${result.status}): ${cmd}\n${result.stdout}\n${result.stderr}`,
                    )
                }
                if (copyNative) {
                    const target = join(inStage('.'), 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
                    if (existsSync(join(inStage('.'), 'node_modules/better-sqlite3'))) {
                        mkdirSync(dirname(target), { recursive: true })
                        cpSync(NATIVE_SQLITE, target)
                    }
                }
                break
            }
            case 'USER':
                r.user = ins.args
                break
            case 'VOLUME':
                r.volumes.push(...jsonArray(ins))
                break
            case 'ENTRYPOINT':
                r.entrypoint = jsonArray(ins)
                break
            case 'CMD':
                r.cmd = jsonArray(ins)
                break
            case 'HEALTHCHECK':
                r.healthcheck = ins.args
                break
            case 'EXPOSE':
            case 'STOPSIGNAL':
            case 'LABEL':
                break
            default:
                throw new Error(`Dockerfile line ${ins.line}: ${ins.op} is not replayed here`)
        }
    }
    return r
}

// -----------------------------------------------------------------------------------------------------------------

const DOCKERFILE = readFileSync(join(REPO_ROOT, 'deploy/Dockerfile'), 'utf8')
const { globalArgs, stages } = readStages(DOCKERFILE)
/** A fixed build time (reproducible builds): 2026-01-01T00:00:00Z. */
const SOURCE_DATE_EPOCH = '1767225600'
const HEAD = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()

let base = ''
let runtime: Replayed
const log: string[] = []

/** Runs the image's ENTRYPOINT with `args` the way the container would (its ENV, its WORKDIR, nothing else). */
function runImage(args: string[], env: Record<string, string> = {}): Promise<Ran> {
    const [program, ...rest] = runtime.entrypoint
    expect(program).toBe('node')
    const mapped = rest.map((a) => (a.startsWith('/') ? join(runtime.root, a) : a))
    return run(process.execPath, [...mapped, ...args], {
        cwd: join(runtime.root, runtime.workdir),
        env: cleanEnv({ ...runtime.env, ...env }),
    })
}

beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'gbg-image-'))
    const built = new Map<string, Replayed>()
    const started = Date.now()
    for (const stage of stages) {
        built.set(
            stage.name,
            await replay(stage, base, built, { GBG_BUILD_COMMIT: HEAD, SOURCE_DATE_EPOCH, ...globalArgs }, log),
        )
    }
    runtime = built.get(stages.at(-1)!.name)!
    log.push(`image replayed in ${Date.now() - started} ms`)
    console.info(log.join('\n'))
}, 600_000)

afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true })
})

describe('deploy/Dockerfile, replayed outside Docker', () => {
    it('is multi-stage and its runtime stage runs as a non-root user with the journal on a volume', () => {
        expect(stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime'])
        expect(runtime.user).toBe('node')
        expect(runtime.volumes).toEqual(['/var/lib/gbg-executor'])
        expect(runtime.env['GBG_JOURNAL_PATH']).toBe('/var/lib/gbg-executor/journal.db')
        expect(runtime.env['NODE_ENV']).toBe('production')
        // The skipped runtime steps: Debian's Chromium for the console provider (the distribution's package, never a
        // downloaded browser) and the volume folder for that user (root filesystem read-only), where the console's
        // evidence goes too.
        expect(runtime.skipped).toEqual([
            'apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation && rm -rf /var/lib/apt/lists/*',
            'mkdir -p /var/lib/gbg-executor && chown node:node /var/lib/gbg-executor && chmod 0700 /var/lib/gbg-executor',
        ])
        expect(runtime.env['GBG_CONSOLE_EVIDENCE_DIR']).toBe('/var/lib/gbg-executor/console-evidence')
        expect(runtime.healthcheck).toMatch(/\/healthz/)
        expect(runtime.entrypoint).toEqual(['node', '--enable-source-maps', '/app/executor/dist/cli.js'])
        expect(runtime.cmd).toEqual(['run'])
    })

    it('the runtime image holds the bundle and production dependencies only', () => {
        const app = join(runtime.root, 'app')
        expect(readdirSync(app).sort()).toEqual(['executor', 'node_modules'])
        expect(readdirSync(join(app, 'executor')).sort()).toEqual(['dist', 'package.json'])
        expect(readdirSync(join(app, 'executor/dist')).sort()).toEqual(['build-info.json', 'cli.js', 'cli.js.map'])
        const modules = readdirSync(join(app, 'node_modules'))
        const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'executor/package.json'), 'utf8')) as {
            dependencies: Record<string, string>
            devDependencies: Record<string, string>
        }
        for (const dep of Object.keys(pkg.dependencies)) {
            expect(existsSync(join(app, 'node_modules', dep)), dep).toBe(true)
        }
        // No dev tool, no workspace link, nothing of the test workspace or the ServiceNow SDK.
        for (const dev of ['esbuild', 'tsx', 'typescript', 'vitest', 'eslint', '@gbg', '@servicenow', 'adaptivecards']) {
            expect(modules, dev).not.toContain(dev)
        }
        for (const dev of Object.keys(pkg.devDependencies)) {
            expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false)
        }
    })

    it('--version prints the version, the commit and the build time of the build', async () => {
        const result = await runImage(['--version'])
        expect(result.status, result.stderr).toBe(0)
        expect(result.stdout.trim()).toBe(`gbg-executor 0.1.0 (commit ${HEAD}, built 2026-01-01T00:00:00.000Z)`)
    })

    it('doctor --help and the other commands start on production dependencies only', async () => {
        const help = await runImage(['doctor', '--help'])
        expect(help.status, help.stderr).toBe(0)
        expect(help.stdout).toMatch(/usage: gbg-executor doctor/)
        const config = await runImage(['config'])
        expect(config.status, config.stderr).toBe(0)
        expect(config.stdout).toContain('GBG_SN_URL')
    })

    it('status opens a journal through the native SQLite module and loads the whole configuration', async () => {
        const journal = join(base, 'volume/journal.db')
        mkdirSync(dirname(journal), { recursive: true })
        const result = await runImage(['status'], {
            GBG_JOURNAL_PATH: journal,
            GBG_SN_URL: 'https://acme.service-now.com',
            GBG_SN_USERNAME: 'gbg.executor',
            GBG_SN_PASSWORD: 'x'.repeat(20),
            GBG_INSTANCE_NAME: 'image-check',
            GBG_DRIFT_SCHEDULE: '*/30 * * * *',
            GBG_ENTRA_TENANT_ID: '00000000-0000-4000-8000-000000000001',
            GBG_ENTRA_CLIENT_ID: '00000000-0000-4000-8000-000000000002',
            GBG_ENTRA_CLIENT_SECRET: 'y'.repeat(20),
        })
        expect(result.status, result.stderr).toBe(0)
        expect(result.stdout).toMatch(/executor image-check · journal .*journal\.db \(schema v\d+\)/)
        expect(existsSync(journal)).toBe(true)
    })
})

describe('deploy/gbg-executor.service', () => {
    const unit = readFileSync(join(REPO_ROOT, 'deploy/gbg-executor.service'), 'utf8')
    const settings = new Map<string, string[]>()
    for (const line of unit.split('\n')) {
        const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim())
        if (m) settings.set(m[1]!, [...(settings.get(m[1]!) ?? []), m[2]!])
    }
    const one = (key: string): string | undefined => settings.get(key)?.at(-1)

    it('runs the compiled bundle as an unprivileged user with its journal in the state directory', () => {
        expect(one('ExecStart')).toMatch(/^\/usr\/bin\/node .*\/executor\/dist\/cli\.js run$/)
        expect(one('DynamicUser')).toBe('yes')
        expect(one('StateDirectory')).toBe('gbg-executor')
        expect(settings.get('Environment')).toContain('GBG_JOURNAL_PATH=/var/lib/gbg-executor/journal.db')
        expect(one('EnvironmentFile')).toBe('/etc/gbg-executor/executor.env')
        expect(unit).toMatch(/install -m 0600 \/dev\/null \/etc\/gbg-executor\/executor\.env/)
    })

    it('is hardened: no new privileges, a read-only system but the journal, no capabilities', () => {
        expect(one('NoNewPrivileges')).toBe('yes')
        expect(one('ProtectSystem')).toBe('strict')
        expect(one('ReadWritePaths')).toBe('/var/lib/gbg-executor')
        expect(one('ProtectHome')).toBe('yes')
        expect(one('PrivateTmp')).toBe('yes')
        expect(one('CapabilityBoundingSet')).toBe('')
        expect(one('UMask')).toBe('0077')
        expect(one('KillSignal')).toBe('SIGTERM')
    })

    it('passes systemd-analyze verify where systemd is installed', () => {
        const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' })
        if (analyze.error) {
            console.info('systemd-analyze not installed: unit syntax not verified by systemd')
            return
        }
        const dir = mkdtempSync(join(tmpdir(), 'gbg-unit-'))
        try {
            const file = join(dir, 'gbg-executor.service')
            cpSync(join(REPO_ROOT, 'deploy/gbg-executor.service'), file)
            const verify = spawnSync('systemd-analyze', ['verify', resolve(file)], { encoding: 'utf8' })
            // `verify` also complains that /usr/bin/node is missing on a machine without it; node runs this test.
            expect(verify.status, verify.stderr).toBe(0)
            expect(verify.stderr.trim()).toBe('')
        } finally {
            rmSync(dir, { recursive: true, force: true })
        }
    })
})
