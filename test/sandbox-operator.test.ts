/**
 * The sandbox's operator hand-off (issue 13): the sandbox writes its executor's configuration to a 0600 file in its
 * data folder, and prints how to run the Runbook's commands against it without printing any secret. The file
 * carries exactly the executor's environment, and `doctor` and `status` pass with it (the CLI's `main`, in process;
 * the printed command line runs the same `main` under `node --env-file`).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliInProcess } from './support/executor-in-process'
import { envFileText, operatorCommands, startSandbox, type Sandbox } from './sandbox/sandbox'

let sandbox: Sandbox
let dataDir: string

beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gbg-operator-'))
    sandbox = await startSandbox({ provider: 'webhook', durationMinutes: 1, dataDir, via: 'seed' })
})
afterAll(async () => {
    await sandbox?.close()
    rmSync(dataDir, { recursive: true, force: true })
})

/** The secret values of the sandbox executor's configuration. */
function secrets(env: Record<string, string>): string[] {
    const teamsSig = new URL(env['GBG_TEAMS_WEBHOOK_URL']!).searchParams.get('sig')!
    return [env['GBG_SN_PASSWORD']!, env['GBG_WEBHOOK_HMAC_SECRET']!, env['GBG_AUDIT_KEY']!, teamsSig]
}

describe('sandbox operator hand-off', () => {
    it('writes the executor environment to a 0600 file in the data folder, exactly', () => {
        // execution
        const mode = statSync(sandbox.envFile).mode & 0o777
        const parsed = parseEnv(readFileSync(sandbox.envFile, 'utf8'))

        // validation
        expect(sandbox.envFile).toBe(join(dataDir, 'executor.env'))
        expect(mode).toBe(0o600)
        expect(parsed).toEqual(sandbox.env)
    })

    it('prints the Runbook commands against that file, with the grant number and no secret', () => {
        // execution
        const lines = operatorCommands(sandbox, dataDir)
        const text = lines.join('\n')

        // validation: doctor, status, audit verify and revoke, each through the env file; no secret value
        const cli = 'node --env-file=executor.env --import tsx executor/src/cli.ts'
        expect(lines).toContain(`  ${cli} doctor`)
        expect(lines).toContain(`  ${cli} status`)
        expect(lines).toContain(`  ${cli} audit verify ${sandbox.seeded.grant.number}`)
        expect(text).toContain(`${cli} revoke ${sandbox.seeded.grant.number} --reason "`)
        for (const secret of secrets(sandbox.env)) expect(text).not.toContain(secret)
    })

    it('doctor and status pass with the environment read back from the file', async () => {
        // setup
        const env = parseEnv(readFileSync(sandbox.envFile, 'utf8')) as Record<string, string>

        // execution
        const doctor = await runCliInProcess(['doctor'], env)
        const status = await runCliInProcess(['status'], env)

        // validation
        expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0)
        expect(doctor.stdout).toMatch(/all checks passed/)
        expect(status.code, status.stdout + status.stderr).toBe(0)
        expect(status.stdout).toContain(`journal ${sandbox.env['GBG_JOURNAL_PATH']}`)
        for (const secret of secrets(env)) expect(doctor.stdout + status.stdout).not.toContain(secret)
    })

    it('refuses a value the env file cannot carry', () => {
        expect(() => envFileText({ GBG_X: 'a"b' })).toThrow(/GBG_X holds a character/)
        expect(() => envFileText({ GBG_X: 'a\nb' })).toThrow(/GBG_X/)
        expect(() => envFileText({ 'bad name': 'x' })).toThrow(/not a variable name/)
    })
})
