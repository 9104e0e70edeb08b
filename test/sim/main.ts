/**
 * `npm run sim -- --seed S --lifecycles N --faults P`: the deterministic simulator (docs/simulation.md). Prints
 * the lifecycles by outcome, the faults injected by kind, every invariant violation with its seed and trace, and
 * simulated vs wall time; exits 1 on any violation (2 on bad arguments).
 *
 * Test / dev code only.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { ensureCurrentApp } from './built-app'
import { formatReport, parseSimArgs } from './report'
import { runSimulation } from './run'

// The executors' journals (synchronous=FULL: an fsync per step) live in the world's temp folder: on tmpfs when the
// machine has one, as durability across a power loss is not what the simulator tests (a crash keeps the file, a
// lost journal deletes it). Worker processes inherit the variable.
if (!process.env['TMPDIR'] && existsSync('/dev/shm')) process.env['TMPDIR'] = '/dev/shm'

async function main(): Promise<number> {
    let args
    try {
        args = parseSimArgs(process.argv.slice(2))
    } catch (error) {
        console.error((error as Error).message)
        return 2
    }
    // The worlds read now-app/dist: build it first on a fresh clone, rebuild it after an edit of the app.
    if (!ensureCurrentApp((line) => console.error(line))) return 3
    const logLines: string[] = []
    const result = await runSimulation({
        ...args,
        progress: args.quiet ? undefined : (line) => console.error(line),
        log: args.logFile ? (replica, line) => logLines.push(JSON.stringify({ replica, ...line })) : undefined,
        partial: args.reportFile
            ? (so) => writeFileSync(args.reportFile!, formatReport(so).join('\n') + '\n(partial: the run goes on)\n')
            : undefined,
    })
    if (args.logFile) writeFileSync(args.logFile, logLines.join('\n') + '\n')
    const report = formatReport(result, { traceFile: args.traceFile })
    if (args.reportFile) writeFileSync(args.reportFile, report.join('\n') + '\n')
    for (const line of report) console.log(line)
    return result.violations.length > 0 ? 1 : 0
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(`sim FAILED: ${(error as Error).stack ?? String(error)}`)
        process.exit(3)
    },
)
