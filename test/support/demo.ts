/**
 * The demo (`npm run demo`) run by tests on a virtual clock, and what every provider's demo must show: exit 0, the
 * complete timeline in causal order, the revoke at (never before) the expiry, the outcome check, no incident, the
 * executor's logs in their file. Used by sandbox-demo.test.ts (one scenario per provider) and console-e2e.test.ts
 * (the console's demo, with its records and files checked too). Test code only.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect } from 'vitest'
import { STAGES } from '../sandbox/timeline'
import { REPO_ROOT } from './executor-process'
import { runDemo as runDemoScenario } from '../sandbox/demo-run'
import type { RunningScenario } from '../sandbox/scenario'
import { VirtualClock } from './virtual-clock'
import { runUntil } from './virtual-time'

export interface DemoRun {
    code: number | null
    stdout: string
    stderr: string
}

/** Options of {@link startDemo}. */
export interface DemoTestOptions {
    /** The run's virtual clock. @defaultValue a fresh one at 2026-01-06 10:00 UTC */
    clock?: VirtualClock
    /** Called with the running scenario once it started (its records and files, read by the test). */
    onScenario?: (scenario: RunningScenario) => void
}

/** A demo started on a virtual clock; nothing runs it until the test does (runUntil on `clock`, or `finish`). */
export interface StartedDemo {
    clock: VirtualClock
    /** Whether the demo has ended (its exit code is known). */
    ended(): boolean
    /** Runs the demo to its end (at most `withinMs` more virtual time) and returns its exit code and output. */
    finish(withinMs?: number): Promise<DemoRun>
}

/** Starts the demo for `args` (the program's own `runDemo`, output captured) on a virtual clock. */
export function startDemo(args: string[], options: DemoTestOptions = {}): StartedDemo {
    const clock = options.clock ?? new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    const out: string[] = []
    const err: string[] = []
    let code: number | null = null
    const run = runDemoScenario(args, {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        clock,
        onScenario: options.onScenario,
    }).then((c) => (code = c))
    return {
        clock,
        ended: () => code !== null,
        async finish(withinMs = 10 * 60_000) {
            await runUntil(clock, () => code !== null, { within: withinMs, what: 'the demo to end', realMs: 150_000 })
            await run
            return { code, stdout: out.join('\n') + '\n', stderr: err.join('\n') + '\n' }
        },
    }
}

/** Runs the demo for `args` on a fresh virtual clock until it ends (at most `withinMs` of virtual time). */
export function runDemo(args: string[], withinMs = 10 * 60_000): Promise<DemoRun> {
    return startDemo(args).finish(withinMs)
}

/** Index of the timeline line of `stage` in the output (-1 when absent). */
function stageLine(lines: string[], stage: string): number {
    return lines.findIndex((l) => new RegExp(`✓ ${stage.replace(' ', '\\s')}\\s{2,}`).test(l))
}

export function expectCompleteTimeline(run: DemoRun): void {
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
