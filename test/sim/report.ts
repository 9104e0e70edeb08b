/**
 * The simulator's command line and its report (shared by `npm run sim` and test/sim.test.ts).
 *
 * Test code only.
 */
import { writeFileSync } from 'node:fs'
import { DEFAULT_PER_WORLD, type SimResult } from './run'

/** Defaults: finish in about a minute on a 2-core machine. */
export const DEFAULT_SEED = '1'
export const DEFAULT_LIFECYCLES = 20
export const DEFAULT_FAULTS = 0.3

/** Parsed arguments. */
export interface SimArgs {
    seed: string
    lifecycles: number
    faults: number
    perWorld?: number
    workers?: number
    world?: number
    /** With `world`: the last world of a range (`--world A-B`, both included). */
    worldTo?: number
    quiet: boolean
    traceFile?: string
    logFile?: string
    /** Rewritten after every world with the run so far. */
    reportFile?: string
    only?: string[]
}

const USAGE =
    'usage: npm run sim -- [--seed S] [--lifecycles N] [--faults P (0..1)] [--per-world N] [--workers N] [--world I | --world A-B] [--trace FILE] [--log FILE] [--report FILE] [--only KIND,KIND] [--quiet]'

/** Parses `argv`; throws with the usage on anything wrong. */
export function parseSimArgs(argv: string[]): SimArgs {
    const args: SimArgs = { seed: DEFAULT_SEED, lifecycles: DEFAULT_LIFECYCLES, faults: DEFAULT_FAULTS, quiet: false }
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i]!
        const value = (): string => {
            const v = argv[++i]
            if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`)
            return v
        }
        if (flag === '--seed') {
            args.seed = value()
            if (!/^[A-Za-z0-9._-]{1,64}$/.test(args.seed)) throw new Error(`--seed: letters, digits, . _ - only\n${USAGE}`)
        } else if (flag === '--lifecycles') {
            args.lifecycles = Number(value())
            if (!Number.isInteger(args.lifecycles) || args.lifecycles < 1)
                throw new Error(`--lifecycles: a positive integer\n${USAGE}`)
        } else if (flag === '--faults') {
            args.faults = Number(value())
            if (!(args.faults >= 0 && args.faults <= 1)) throw new Error(`--faults: a fraction between 0 and 1\n${USAGE}`)
        } else if (flag === '--per-world') {
            args.perWorld = Number(value())
            if (!Number.isInteger(args.perWorld) || args.perWorld < 1)
                throw new Error(`--per-world: a positive integer\n${USAGE}`)
        } else if (flag === '--workers') {
            args.workers = Number(value())
            if (!Number.isInteger(args.workers) || args.workers < 1 || args.workers > 64)
                throw new Error(`--workers: an integer from 1 to 64\n${USAGE}`)
        } else if (flag === '--world') {
            const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(value())
            if (!m) throw new Error(`--world: a world index (0, 1, ...) or a range A-B\n${USAGE}`)
            args.world = Number(m[1])
            if (m[2] !== undefined) {
                args.worldTo = Number(m[2])
                if (args.worldTo < args.world) throw new Error(`--world A-B: B must not be less than A\n${USAGE}`)
            }
        } else if (flag === '--trace') args.traceFile = value()
        else if (flag === '--log') args.logFile = value()
        else if (flag === '--report') args.reportFile = value()
        else if (flag === '--only') args.only = value().split(',').filter((k) => k !== '')
        else if (flag === '--quiet') args.quiet = true
        else throw new Error(`unknown argument ${flag}\n${USAGE}`)
    }
    return args
}

const duration = (ms: number): string => {
    const s = Math.round(ms / 1000)
    const d = Math.floor(s / 86400)
    const h = Math.floor((s % 86400) / 3600)
    const m = Math.floor((s % 3600) / 60)
    return `${d > 0 ? `${d} d ` : ''}${h} h ${m} min`
}

/** The report lines of a run. */
export function formatReport(r: SimResult, options: { traceFile?: string } = {}): string[] {
    const lines: string[] = []
    lines.push(
        `Simulation seed ${r.seed}: ${r.lifecycles} lifecycles at ${r.faultRate} fault rate, ${r.worlds} world(s)` +
            (r.plan.world !== undefined
                ? r.plan.worldTo !== undefined
                    ? ` (worlds ${r.plan.world}-${r.plan.worldTo} of the run's plan)`
                    : ` (world ${r.plan.world} of the run's plan)`
                : '') +
            (r.only && r.only.length > 0 ? `, faults limited to ${r.only.join(', ')}` : ''),
    )
    lines.push('')
    lines.push('Lifecycles by outcome:')
    for (const [k, n] of Object.entries(r.outcomes).sort()) lines.push(`  ${String(n).padStart(6)}  ${k}`)
    lines.push('')
    const faultTotal = Object.values(r.faults).reduce((a, b) => a + b, 0)
    lines.push(`Faults injected: ${faultTotal}`)
    for (const [k, n] of Object.entries(r.faults).sort()) lines.push(`  ${String(n).padStart(6)}  ${k}`)
    if (Object.keys(r.observed).length > 0) {
        lines.push('Races observed:')
        for (const [k, n] of Object.entries(r.observed).sort()) lines.push(`  ${String(n).padStart(6)}  ${k}`)
    }
    lines.push('')
    lines.push(`Invariant violations: ${r.violations.length}`)
    for (const v of r.violations) {
        lines.push(`  [${v.invariant}] world ${v.world} at ${v.at}: ${v.message}`)
        lines.push(
            `    reproduce: npm run sim -- --seed ${r.seed} --lifecycles ${r.plan.lifecycles} --faults ${r.faultRate}` +
                (r.plan.perWorld !== DEFAULT_PER_WORLD ? ` --per-world ${r.plan.perWorld}` : '') +
                (r.only && r.only.length > 0 ? ` --only ${r.only.join(',')}` : '') +
                ` --world ${v.world}`,
        )
        for (const t of v.trace) lines.push(`      ${t}`)
    }
    lines.push('')
    lines.push(
        `Simulated time: ${duration(r.simulatedMs)}; wall time: ${(r.wallMs / 1000).toFixed(1)} s ` +
            `(${Math.round(r.simulatedMs / Math.max(1, r.wallMs))}x)`,
    )
    if (options.traceFile) {
        writeFileSync(options.traceFile, r.trace.join('\n') + '\n')
        lines.push(`Trace (${r.trace.length} lines): ${options.traceFile}`)
    }
    return lines
}
