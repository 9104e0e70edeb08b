/**
 * `npm run demo [-- --provider webhook|entra-role|entra-group]`: the one-command demo. Starts the embedded
 * sandbox (emulators on 127.0.0.1), takes a 1-minute catalog request through the ServiceNow app's own modules
 * (policy, plan, approvals, queue), runs the REAL executor as a child process, prints the grant's timeline,
 * waits for the revoke at the real expiry (no clock tricks) and its verification, stops the executor gracefully
 * (SIGTERM) and prints a summary (demo-run.ts).
 *
 * Exit 0 on success; exit 1 with a clear message on any failure or after 3 minutes.
 *
 * Test / dev code only.
 */
import { runDemo } from './demo-run'

// First Ctrl-C / SIGTERM: stop gracefully (the demo's failure path). A second one: stop waiting.
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

runDemo(process.argv.slice(2), { interrupted }).then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(`DEMO FAILED: ${(error as Error).stack ?? String(error)}`)
        process.exit(1)
    },
)
