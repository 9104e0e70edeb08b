/**
 * `npm run demo [-- --provider webhook|entra-role|entra-group]`: the one-command demo. Starts the embedded
 * sandbox (emulators on 127.0.0.1), takes a 1-minute catalog request through the ServiceNow app's own modules
 * (policy, plan, approvals, queue), runs the REAL executor as a child process,
 * prints the grant's timeline, waits for the revoke at the real expiry (no clock tricks) and its verification,
 * stops the executor gracefully (SIGTERM) and prints a summary.
 *
 * Exit 0 on success; exit 1 with a clear message on any failure or after 3 minutes.
 *
 * Test / dev code only.
 */
import { parseDemoArgs, type DemoArgs } from './args'
import { checkOutcome, runScenario, tailExecutorLog, repoPath, type RunningScenario } from './scenario'

/** The demo gives up after this long. */
export const DEMO_TIMEOUT_MS = 3 * 60_000

async function main(): Promise<number> {
    let args: DemoArgs
    try {
        args = parseDemoArgs(process.argv.slice(2))
    } catch (error) {
        console.error((error as Error).message)
        return 1
    }
    console.log('Governed break-glass access — sandbox demo')
    console.log('')
    let scenario: RunningScenario | undefined
    // First Ctrl-C / SIGTERM: stop gracefully (the failure path below). A second one: stop waiting.
    let signals = 0
    const interrupted = new Promise<never>((_, reject) => {
        const onSignal = (signal: string): void => {
            signals += 1
            if (signals > 1) {
                console.error(`${signal} again: exiting now (the executor is killed; its leases will expire)`)
                process.exit(130)
            }
            reject(new Error(`interrupted (${signal})`))
        }
        process.on('SIGINT', onSignal)
        process.on('SIGTERM', onSignal)
    })
    interrupted.catch(() => undefined)
    try {
        scenario = await runScenario({ ...args, timeoutMs: DEMO_TIMEOUT_MS })
        await Promise.race([scenario.finished, interrupted])
        const exit = await scenario.shutdown()
        const outcome = checkOutcome(scenario.sandbox)
        console.log('')
        console.log('Summary')
        for (const line of outcome.lines) console.log(line)
        console.log(`  executor stopped with SIGTERM, exit ${exit}; logs: ${repoPath(scenario.executor.logFile)}`)
        if (exit !== 0) outcome.problems.push(`the executor did not stop cleanly (exit ${exit})`)
        if (outcome.problems.length > 0) {
            console.error('')
            console.error(`DEMO FAILED: ${outcome.problems.join('; ')}`)
            return 1
        }
        console.log('')
        console.log('Demo complete: granted, written back, revoked at expiry and verified.')
        return 0
    } catch (error) {
        console.error('')
        console.error(`DEMO FAILED: ${(error as Error).message}`)
        if (scenario) {
            const tail = signals > 0 ? [] : tailExecutorLog(scenario.executor.logFile)
            if (tail.length > 0) {
                console.error(`Last executor log records (${repoPath(scenario.executor.logFile)}):`)
                for (const line of tail) console.error(`  ${line}`)
            }
            await scenario.shutdown().catch(() => undefined)
        }
        return 1
    }
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(`DEMO FAILED: ${(error as Error).stack ?? String(error)}`)
        process.exit(1)
    },
)
