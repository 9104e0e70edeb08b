/**
 * The demo scenario (`npm run demo`) end to end — sandbox, the app's modules, the REAL executor service, the
 * timeline, the revoke at expiry, the independent outcome check — for each provider, on a virtual clock: the
 * 1-minute grant expires in virtual time, so the three providers take seconds, not three real minutes. The
 * executor runs in this process (the process boundary of `npm start` is sandbox-start.test.ts's subject).
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STAGES } from './sandbox/timeline'
import { REPO_ROOT } from './support/executor-process'
import { runDemo as runDemoScenario } from './sandbox/demo-run'
import { VirtualClock } from './support/virtual-clock'
import { runUntil } from './support/virtual-time'

interface DemoRun {
    code: number | null
    stdout: string
    stderr: string
}

/** Runs the demo for `args` on a fresh virtual clock until it ends (at most `withinMs` of virtual time). */
async function runDemo(args: string[], withinMs = 10 * 60_000): Promise<DemoRun> {
    const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    const out: string[] = []
    const err: string[] = []
    let code: number | null = null
    const run = runDemoScenario(args, { out: (l) => out.push(l), err: (l) => err.push(l), clock }).then(
        (c) => (code = c),
    )
    await runUntil(clock, () => code !== null, { within: withinMs, what: 'the demo to end', realMs: 150_000 })
    await run
    return { code, stdout: out.join('\n') + '\n', stderr: err.join('\n') + '\n' }
}

/** Index of the timeline line of `stage` in the output (-1 when absent). */
function stageLine(lines: string[], stage: string): number {
    return lines.findIndex((l) => new RegExp(`✓ ${stage.replace(' ', '\\s')}\\s{2,}`).test(l))
}

function expectCompleteTimeline(run: DemoRun): void {
    const diagnostics = `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`
    expect(run.code, diagnostics).toBe(0)
    const lines = run.stdout.split('\n')
    const at = Object.fromEntries(STAGES.map((s) => [s, stageLine(lines, s)]))
    for (const stage of STAGES) expect(at[stage], `stage "${stage}" missing\n${diagnostics}`).toBeGreaterThanOrEqual(0)
    // Causal order; the write-back and the revoke scheduling both follow the grant, in either order.
    expect(at['queued']).toBeLessThan(at['claimed']!)
    expect(at['claimed']).toBeLessThan(at['granted']!)
    expect(at['granted']).toBeLessThan(at['written back']!)
    expect(at['granted']).toBeLessThan(at['revoke scheduled']!)
    expect(at['written back']).toBeLessThan(at['revoked']!)
    expect(at['revoke scheduled']).toBeLessThan(at['revoked']!)
    expect(at['revoked']).toBeLessThan(at['verified']!)
    // The revoke happened at the real expiry, not before it.
    const revoked = lines[at['revoked']!]!
    const late = /(-?\d+) s after expiry/.exec(revoked)
    expect(late, revoked).not.toBeNull()
    expect(Number(late![1])).toBeGreaterThanOrEqual(0)
    expect(run.stdout).toMatch(/Demo complete/)
    expect(run.stdout).toMatch(/no access left/)
    expect(run.stdout).toMatch(/chain verifies/)
    // Nobody was paged: a normal lifecycle raises no incident (the executor's keyed audit check included).
    expect(run.stdout).toMatch(/incidents raised: 0;/)
    // The executor's JSON logs went to the file, not the terminal.
    expect(run.stdout).not.toMatch(/^\{"/m)
    const logPath = /logs: (\S+)$/m.exec(run.stdout)?.[1]
    expect(logPath, 'log path printed').toBeTruthy()
    const logFile = resolve(REPO_ROOT, logPath!)
    expect(existsSync(logFile)).toBe(true)
    expect(readFileSync(logFile, 'utf8')).toMatch(/^\{/)
}

describe('npm run demo (one scenario per provider, virtual time)', () => {
    it('webhook: grants, writes back, revokes at expiry, verifies, exits 0', async () => {
        // setup / execution
        const run = await runDemo([])

        // validation
        expectCompleteTimeline(run)
        expect(run.stdout).toMatch(/through the admin-as-a-service webhook/)
    })

    it('entra-role: the same lifecycle through PIM for roles', async () => {
        // setup / execution
        const run = await runDemo(['--provider', 'entra-role'])

        // validation
        expectCompleteTimeline(run)
        expect(run.stdout).toMatch(/Entra role Global Administrator/)
    })

    it('entra-group: local admin through the Intune-fed Entra group', async () => {
        // setup / execution
        const run = await runDemo(['--provider', 'entra-group'])

        // validation
        expectCompleteTimeline(run)
        expect(run.stdout).toMatch(/local admin on WS-ALICE-01 through Entra group/)
    })

    it('epm: a BeyondTrust EPM JIT Admin session — grant, session events, revoke, verify with the activity on the grant', async () => {
        // setup / execution (EPM's floor: the demo grant lasts 5 minutes of virtual time)
        const run = await runDemo(['--provider', 'epm'])

        // validation
        expectCompleteTimeline(run)
        expect(run.stdout).toMatch(/local admin on WS-ALICE-01 through a BeyondTrust EPM JIT Admin session/)
        // The simulated endpoint: a logon, an on-demand elevation, a blocked attempt to add an administrator and a
        // passive-token elevation, all within the 5 minutes; summarised on the grant after the revoke.
        expect(run.stdout).toMatch(
            /verified .*session activity: 4 event\(s\) during the session; 2 elevation\(s\), 1 logon\(s\), 1 blocked attempt\(s\)/,
        )
        expect(run.stdout).toMatch(/EPM session activity on the grant: 4 event\(s\)/)
    })

    it(
        'console: three named approvals, then the browser-only console in Chromium with its gated checkpoints on the timeline',
        {
            timeout: 200_000,
        },
        async () => {
            // setup / execution (the console's shortest expiry: the demo restoration lasts 15 minutes of virtual time)
            const run = await runDemo(['--provider', 'console'], 40 * 60_000)

            // validation: the whole lifecycle, the approvers of the three slots, and each gated checkpoint in order
            expectCompleteTimeline(run)
            expect(run.stdout).toMatch(/through the browser-only emergency console/)
            expect(run.stdout).toMatch(/asked iris\.cole and sam\.okafor and carlos\.reyes, who approved/)
            const lines = run.stdout.split('\n')
            const at = (re: RegExp): number => lines.findIndex((l) => re.test(l))
            const order = [
                /checkpoint\s+Packet check: recheck passed fresh/,
                /checkpoint\s+packet-checked on "Packet checked": masked screenshot SHA-256 [0-9a-f]{12}/,
                /checkpoint\s+tenant-verified on "Tenant verification": masked screenshot/,
                /checkpoint\s+review on "Review restoration": masked screenshot/,
                /checkpoint\s+Submit gate: recheck passed fresh \(plan [0-9a-f]{12}…, 3 approvals, 15 min allowed\)/,
                /checkpoint\s+confirmation on "Restoration submitted": masked screenshot/,
            ].map(at)
            for (const i of order) expect(i, run.stdout).toBeGreaterThanOrEqual(0)
            expect([...order].sort((a, b) => a - b)).toEqual(order)
            expect(run.stdout).toMatch(/console restorations for BGA\d+: RST-\d+ \(helpdesk_admin,user_admin, 15 min\)/)
        },
    )

    it('refuses an unknown provider with a clear message and exit 1', async () => {
        // setup / execution
        const run = await runDemo(['--provider', 'pam'])

        // validation
        expect(run.code).toBe(1)
        expect(run.stderr).toMatch(/unknown provider "pam"/)
    })
})
