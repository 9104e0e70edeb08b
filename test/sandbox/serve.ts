/**
 * `npm start` without a ServiceNow instance (`GBG_SN_URL` unset): explain that this is the embedded sandbox and
 * how to configure a real instance, run the demo scenario, then keep the emulators and the executor running
 * until Ctrl-C (or SIGTERM), which stops both cleanly. Loaded by `scripts/start.ts` only in that case.
 *
 * Test / dev code only.
 */
import { parseDemoArgs } from './args'
import { ensureBuiltApp } from './built-app'
import { operatorCommands } from './sandbox'
import { checkOutcome, repoPath, runScenario, tailExecutorLog } from './scenario'

/** How long the scenario may take before the sandbox says so (it keeps running regardless). */
export const SCENARIO_TIMEOUT_MS = 3 * 60_000

/** Signals this close to the first one are relayed copies of it (npm and tsx forward the terminal's SIGINT). */
const RELAYED_SIGNAL_MS = 1_000

/** How long the timeline keeps watching after the scenario completed. */
const KEEP_WATCHING_MS = 12 * 3_600_000

/** The banner printed before the sandbox starts. Every variable it names exists in executor/src/config.ts. */
export function sandboxBanner(): string[] {
    return [
        '════════════════════════════════════════════════════════════════════════════════════════════',
        ' EMBEDDED SANDBOX — no ServiceNow instance is configured (GBG_SN_URL is not set).',
        '',
        ' Everything below runs on this machine: ServiceNow, the admin-as-a-service webhook, Microsoft',
        " Graph / Entra and Teams are local emulators. The ServiceNow app's own server modules take a",
        ' 1-minute catalog request through policy and approval; the executor is the real production',
        ' service, configured through ordinary GBG_* variables.',
        ' No real system is touched.',
        '',
        ' To run against a real instance instead, set at least:',
        '   GBG_SN_URL=https://<instance>.service-now.com',
        '   GBG_SN_USERNAME and GBG_SN_PASSWORD   (the integration user holding only the executor role)',
        '     or GBG_SN_AUTH_MODE=oauth_client_credentials with GBG_SN_CLIENT_ID and GBG_SN_CLIENT_SECRET',
        '   one provider:',
        '     GBG_WEBHOOK_BASE_URL and GBG_WEBHOOK_HMAC_SECRET',
        '     or GBG_ENTRA_TENANT_ID, GBG_ENTRA_CLIENT_ID and GBG_ENTRA_CERT_FILE (or GBG_ENTRA_CLIENT_SECRET)',
        '   GBG_TEAMS_WEBHOOK_URL and GBG_JOURNAL_PATH are recommended; on the instance, set the app property',
        '   x_gbg_breakglass.secops_group (incidents the app raises for the executor are assigned to it).',
        ' Secrets may be given as files (GBG_SN_PASSWORD_FILE, …). Then run `npm start` again.',
        ' Try another provider here: npm start -- --provider entra-role | entra-group | epm',
        '════════════════════════════════════════════════════════════════════════════════════════════',
        '',
    ]
}

/** Runs the sandbox until a signal; resolves with the process exit code. */
export async function serveSandbox(argv: string[]): Promise<number> {
    let args
    try {
        args = parseDemoArgs(argv)
    } catch (error) {
        console.error((error as Error).message.replace('npm run demo', 'npm start'))
        return 1
    }
    for (const line of sandboxBanner()) console.log(line)
    if (!ensureBuiltApp()) return 1

    // Listen before anything starts: a Ctrl-C during start-up still ends in a clean shutdown.
    // First Ctrl-C / SIGTERM: clean shutdown. A second one while shutting down: exit at once (the executor is
    // then killed by the exit hook of executor-process.ts and its leases expire).
    let signals = 0
    let firstSignalAt = 0
    const stopRequested = new Promise<string>((resolve) => {
        const onSignal = (signal: NodeJS.Signals): void => {
            // One Ctrl-C on `npm start` arrives two or three times within milliseconds: from the terminal and
            // relayed by npm (and tsx). Copies within RELAYED_SIGNAL_MS of the first are the same keystroke.
            if (signals > 0 && Date.now() - firstSignalAt < RELAYED_SIGNAL_MS) return
            if (signals === 0) firstSignalAt = Date.now()
            signals += 1
            if (signals > 1) {
                console.error(`${signal} again: exiting now`)
                process.exit(130)
            }
            resolve(signal)
        }
        process.on('SIGINT', onSignal)
        process.on('SIGTERM', onSignal)
    })
    const scenario = await runScenario({ ...args, timeoutMs: SCENARIO_TIMEOUT_MS })
    const executorGone = scenario.executor.exited.then((code) => `executor exited (${code})`)

    // 1. The scenario, reported but never the end of the sandbox: it stays up for exploring.
    const outcome = await Promise.race([
        scenario.finished.then(
            () => 'done' as const,
            (error: unknown) => (error as Error).message,
        ),
        stopRequested.then((signal) => `stop:${signal}`),
    ])
    if (outcome === 'done') {
        const result = checkOutcome(scenario.sandbox)
        console.log('')
        for (const line of result.lines) console.log(line)
        if (result.problems.length > 0) console.log(`Problems: ${result.problems.join('; ')}`)
    } else if (!outcome.startsWith('stop:')) {
        console.log('')
        console.log(`The scenario did not complete: ${outcome}`)
        for (const line of tailExecutorLog(scenario.executor.logFile)) console.log(`  ${line}`)
    }

    // 2. Keep running until Ctrl-C / SIGTERM, or until the executor dies on its own.
    let reason = outcome.startsWith('stop:') ? outcome.slice(5) : ''
    if (!reason) {
        const s = scenario.sandbox
        console.log('')
        console.log(
            'The sandbox keeps running: ServiceNow emulator ' +
                s.sn.url +
                ', executor http://127.0.0.1:' +
                s.executorPort,
        )
        console.log('')
        for (const line of operatorCommands(s)) console.log(line)
        console.log('')
        console.log(`Executor logs: ${repoPath(scenario.executor.logFile)}. Press Ctrl-C to stop both.`)
        console.log('')
        // Keep printing what happens to the grant (e.g. the follow-up verify a few minutes later).
        s.sn
            .waitFor(() => {
                scenario.timeline.observe()
                return false
            }, KEEP_WATCHING_MS)
            .catch(() => undefined)
        reason = await Promise.race([stopRequested, executorGone])
    }
    console.log('')
    console.log(`Stopping (${reason}): executor first (SIGTERM, graceful), then the emulators…`)
    const exit = await scenario.shutdown()
    console.log(`Stopped. Executor exit: ${exit}.`)
    if (reason.startsWith('executor exited')) return 1
    return exit === 0 ? 0 : 1
}
