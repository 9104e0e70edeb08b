/**
 * The demo scenario (`npm run demo`) end to end — sandbox, the app's modules, the REAL executor service, the
 * timeline, the revoke at expiry, the independent outcome check — for each provider, on a virtual clock: the
 * 1-minute grant expires in virtual time, so the three providers take seconds, not three real minutes. The
 * executor runs in this process (the process boundary of `npm start` is sandbox-start.test.ts's subject). The
 * console's demo runs once, in console-e2e.test.ts, which checks the same timeline and its records and files too.
 */
import { describe, expect, it } from 'vitest'
import { expectCompleteTimeline, runDemo } from './support/demo'

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

    it('refuses an unknown provider with a clear message and exit 1', async () => {
        // setup / execution
        const run = await runDemo(['--provider', 'pam'])

        // validation
        expect(run.code).toBe(1)
        expect(run.stderr).toMatch(/unknown provider "pam"/)
    })
})
