/**
 * `npm run sim -- --seed S --lifecycles N --faults P`: the deterministic simulator (docs/simulation.md). Prints
 * the lifecycles by outcome, the faults injected by kind, every invariant violation with its seed and trace, and
 * simulated vs wall time; exits 1 on any violation (2 on bad arguments).
 *
 * Test / dev code only.
 */
import { writeFileSync } from 'node:fs'
import { formatReport, parseSimArgs } from './report'
import { runSimulation } from './run'

async function main(): Promise<number> {
    let args
    try {
        args = parseSimArgs(process.argv.slice(2))
    } catch (error) {
        console.error((error as Error).message)
        return 2
    }
    const logLines: string[] = []
    const result = await runSimulation({
        ...args,
        progress: args.quiet ? undefined : (line) => console.error(line),
        log: args.logFile ? (replica, line) => logLines.push(JSON.stringify({ replica, ...line })) : undefined,
    })
    if (args.logFile) writeFileSync(args.logFile, logLines.join('\n') + '\n')
    for (const line of formatReport(result, { traceFile: args.traceFile })) console.log(line)
    return result.violations.length > 0 ? 1 : 0
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(`sim FAILED: ${(error as Error).stack ?? String(error)}`)
        process.exit(3)
    },
)
