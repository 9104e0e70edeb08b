/**
 * `npm run demo` end to end: the demo script as a child process, the REAL executor as its child, a 1-minute
 * grant revoked at its real expiry. Slow by nature (about 70 s per provider: the grant lasts a real minute), so
 * the providers run concurrently.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STAGES } from './sandbox/timeline'
import { REPO_ROOT } from './sandbox/executor-process'

interface DemoRun {
    code: number | null
    stdout: string
    stderr: string
}

/** Runs `test/sandbox/demo.ts` with `args`; kills it after `limitMs` (the demo's own limit is 3 minutes). */
function runDemo(args: string[], limitMs = 200_000): Promise<DemoRun> {
    return new Promise((resolveRun, reject) => {
        const child = spawn(
            process.execPath,
            ['--import', 'tsx', resolve(REPO_ROOT, 'test/sandbox/demo.ts'), ...args],
            {
                cwd: REPO_ROOT,
                env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
                stdio: ['ignore', 'pipe', 'pipe'],
            },
        )
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
        const timer = setTimeout(() => child.kill('SIGKILL'), limitMs)
        child.once('error', reject)
        child.once('exit', (code) => {
            clearTimeout(timer)
            resolveRun({ code, stdout, stderr })
        })
    })
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
    // The executor's JSON logs went to the file, not the terminal.
    expect(run.stdout).not.toMatch(/^\{"/m)
    const logPath = /logs: (\S+)$/m.exec(run.stdout)?.[1]
    expect(logPath, 'log path printed').toBeTruthy()
    const logFile = resolve(REPO_ROOT, logPath!)
    expect(existsSync(logFile)).toBe(true)
    expect(readFileSync(logFile, 'utf8')).toMatch(/^\{/)
}

describe.concurrent('npm run demo', () => {
    it('webhook: grants, writes back, revokes at expiry, verifies, exits 0', { timeout: 240_000 }, async () => {
        // setup / execution
        const run = await runDemo([])

        // validation
        expectCompleteTimeline(run)
        expect(run.stdout).toMatch(/through the admin-as-a-service webhook/)
    })

    it('entra-role: the same lifecycle through PIM for roles', { timeout: 240_000 }, async () => {
        // setup / execution
        const run = await runDemo(['--provider', 'entra-role'])

        // validation
        expectCompleteTimeline(run)
        expect(run.stdout).toMatch(/Entra role Global Administrator/)
    })

    it('entra-group: local admin through the Intune-fed Entra group', { timeout: 240_000 }, async () => {
        // setup / execution
        const run = await runDemo(['--provider', 'entra-group'])

        // validation
        expectCompleteTimeline(run)
        expect(run.stdout).toMatch(/local admin on WS-ALICE-01 through Entra group/)
    })

    it('refuses an unknown provider with a clear message and exit 1', { timeout: 30_000 }, async () => {
        // setup / execution
        const run = await runDemo(['--provider', 'pam'])

        // validation
        expect(run.code).toBe(1)
        expect(run.stderr).toMatch(/unknown provider "pam"/)
    })
})
