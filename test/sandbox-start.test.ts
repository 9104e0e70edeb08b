/**
 * `npm start` (scripts/start.ts): without GBG_SN_URL the embedded sandbox with its banner, stopped cleanly by
 * Ctrl-C; with GBG_SN_URL the production executor with the caller's environment, stopped cleanly by SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, TABLE } from '@gbg/shared'
import { describeConfig } from '@gbg/executor/src/config'
import { REPO_ROOT } from './support/executor-process'
import { startSandbox, type Sandbox } from './sandbox/sandbox'
import { sandboxBanner } from './sandbox/serve'

interface Started {
    child: ChildProcess
    output: () => string
    /** Resolves when `pattern` appears in stdout + stderr. */
    waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>
    exited: Promise<number | null>
}

function startScript(env: Record<string, string>, args: string[] = []): Started {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'scripts/start.ts'), ...args], {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    let text = ''
    const listeners = new Set<() => void>()
    const onData = (d: Buffer): void => {
        text += d.toString()
        for (const l of [...listeners]) l()
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    return {
        child,
        output: () => text,
        exited,
        waitForOutput: (pattern, timeoutMs) =>
            new Promise((resolveWait, reject) => {
                const timer = setTimeout(() => {
                    listeners.delete(check)
                    reject(new Error(`output never matched ${pattern}:\n${text}`))
                }, timeoutMs)
                const check = (): void => {
                    if (!pattern.test(text)) return
                    clearTimeout(timer)
                    listeners.delete(check)
                    resolveWait()
                }
                listeners.add(check)
                check()
            }),
    }
}

let running: Started | undefined
let sandbox: Sandbox | undefined
const dirs: string[] = []

afterEach(async () => {
    if (running && running.child.exitCode === null) {
        running.child.kill('SIGKILL')
        await running.exited
    }
    running = undefined
    await sandbox?.close()
    sandbox = undefined
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('npm start', () => {
    it('names only configuration variables the executor knows in its banner', () => {
        // setup
        const variables = describeConfig()
        const known = new Set([
            ...variables.map((v) => v.name),
            ...variables.filter((v) => v.secret).map((v) => `${v.name}_FILE`),
        ])

        // execution
        const named =
            sandboxBanner()
                .join('\n')
                .match(/GBG_[A-Z_]+/g) ?? []

        // validation: every GBG_* the banner tells people to set exists (a secret's *_FILE form included)
        expect(named.length).toBeGreaterThan(5)
        for (const name of named) expect(known.has(name), name).toBe(true)
    })

    it('without GBG_SN_URL runs the embedded sandbox and stops it cleanly on Ctrl-C', { timeout: 60_000 }, async () => {
        // setup / execution: start, wait until the executor has claimed the seeded action
        running = startScript({})
        await running.waitForOutput(/✓ claimed\s+action BGQ\d+ by sandbox-executor-1/, 45_000)
        // One Ctrl-C on `npm start` reaches the script twice within milliseconds (terminal + npm's relay): one stop.
        running.child.kill('SIGINT')
        running.child.kill('SIGINT')
        const code = await running.exited

        // validation: banner first, then a clean two-step stop (executor gracefully, then the emulators)
        const out = running.output()
        expect(out.indexOf('EMBEDDED SANDBOX')).toBeGreaterThanOrEqual(0)
        expect(out.indexOf('EMBEDDED SANDBOX')).toBeLessThan(out.indexOf('✓ queued'))
        expect(out).toMatch(/Stopping \(SIGINT\)/)
        expect(out).toMatch(/Stopped\. Executor exit: 0\./)
        expect(code).toBe(0)
    })

    it(
        'with GBG_SN_URL runs the production executor with the caller environment, no sandbox',
        { timeout: 60_000 },
        async () => {
            // setup: an instance to point at (the sandbox's emulators stand in for a real one)
            const dataDir = mkdtempSync(join(tmpdir(), 'gbg-start-'))
            dirs.push(dataDir)
            sandbox = await startSandbox({ provider: 'webhook', durationMinutes: 1, dataDir })
            const action = sandbox.seeded.action.sysId

            // execution: npm start with that environment; wait for the claim on the instance, then SIGTERM
            running = startScript(sandbox.env)
            await sandbox.sn.waitFor(
                (store) => (store.get(TABLE.action, action)?.[ACTION_FIELDS.leaseOwner] ?? '') !== '',
                45_000,
            )
            running.child.kill('SIGTERM')
            const code = await running.exited

            // validation: the executor (JSON logs on stdout) ran as configured, no sandbox banner, clean exit
            const out = running.output()
            expect(out).not.toMatch(/EMBEDDED SANDBOX/)
            expect(out).toMatch(/"message":"executor stopped"/)
            expect(sandbox.sn.store.get(TABLE.action, action)?.[ACTION_FIELDS.leaseOwner]).toBe('sandbox-executor-1')
            expect(out).not.toContain(sandbox.env['GBG_SN_PASSWORD']!)
            expect(code).toBe(0)
        },
    )
})
