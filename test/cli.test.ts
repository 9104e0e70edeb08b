/**
 * The executor CLI's command line and its grant / action arguments, in process (`main()`, the same function
 * `gbg-executor` runs) against the ServiceNow and webhook emulators: numbers (BGA…, BGQ…) and sys_ids are both
 * accepted and anything else is refused before any query; `--reason=x` and `--reason x`; `--json` for scripts;
 * `status` shows numbers; `revoke` refuses a grant that has ended (with the reason) and a second revoke-now.
 * The CLI as a program, against a running executor, is test/e2e/cli.test.ts; the production bundle is
 * test/deploy-build.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, ACTION_PRIORITY, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { readBuildInfo, versionLine } from '@gbg/executor/src/build-info'
import { main } from '@gbg/executor/src/cli'
import { parseCommandLine, UsageError } from '@gbg/executor/src/cli/args'
import { parseRecordArgument } from '@gbg/executor/src/cli/records'
import { loadConfig } from '@gbg/executor/src/config'
import { openJournal } from '@gbg/executor/src/service'
import { addGrant, queueAction } from './e2e/support/grants'
import { startWorld, type World } from './e2e/support/world'

let world: World

beforeAll(async () => {
    world = await startWorld()
})
afterAll(async () => {
    await world?.close()
})

/** Runs the CLI in process; returns the exit code and what it printed. */
async function cli(argv: string[], env: Record<string, string>) {
    const out: string[] = []
    const err: string[] = []
    const code = await main(
        argv,
        env,
        (l) => out.push(l),
        (l) => err.push(l),
    )
    return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

/** Revoke-now actions of a grant in the emulator. */
function revokeNows(grantSysId: string) {
    return world.sn.store.list(
        TABLE.action,
        (a) =>
            a[ACTION_FIELDS.grant] === grantSysId &&
            a[ACTION_FIELDS.type] === 'revoke' &&
            a[ACTION_FIELDS.priority] === String(ACTION_PRIORITY.revokeNow),
    )
}

/** Requests the ServiceNow emulator has seen so far. */
function requests(): number {
    return world.sn.requests.length
}

describe('command line (node:util parseArgs)', () => {
    it('--version prints version, commit and build time; run from source the last two are "unknown"', async () => {
        // execution
        const result = await cli(['--version'], {})

        // validation: the dev fallback (no dist/build-info.json next to the sources)
        expect(result.code).toBe(0)
        expect(result.stdout).toBe('gbg-executor 0.1.0 (commit unknown, built unknown)')
    })

    it('build info comes from build-info.json when present; a malformed field reads "unknown"', () => {
        // setup
        const dir = mkdtempSync(join(tmpdir(), 'gbg-build-info-'))
        try {
            writeFileSync(
                join(dir, 'build-info.json'),
                JSON.stringify({ version: '1.2.3', commit: 'a'.repeat(40), builtAt: '2026-01-01T00:00:00.000Z' }),
            )
            // execution / validation
            expect(versionLine(readBuildInfo(dir))).toBe(
                `gbg-executor 1.2.3 (commit ${'a'.repeat(40)}, built 2026-01-01T00:00:00.000Z)`,
            )
            writeFileSync(
                join(dir, 'build-info.json'),
                JSON.stringify({ version: '1.2.3', commit: 'x"} 1', builtAt: 5 }),
            )
            expect(readBuildInfo(dir)).toEqual({ version: '1.2.3', commit: 'unknown', builtAt: 'unknown' })
        } finally {
            rmSync(dir, { recursive: true, force: true })
        }
    })

    it('accepts --reason=x and --reason x alike; refuses unknown options and missing values by name', () => {
        // execution / validation
        const joined = parseCommandLine(['revoke', 'BGA0001000', '--reason=Laptop stolen'])
        const split = parseCommandLine(['revoke', 'BGA0001000', '--reason', 'Laptop stolen', '--json'])
        expect(joined.kind === 'command' && joined.values['reason']).toBe('Laptop stolen')
        expect(split.kind === 'command' && split.values['reason']).toBe('Laptop stolen')
        expect(split.kind === 'command' && split.values['json']).toBe(true)
        expect(() => parseCommandLine(['revoke', 'BGA0001000', '--force'])).toThrow(/revoke: Unknown option '--force'/)
        expect(() => parseCommandLine(['revoke', 'BGA0001000', '--reason'])).toThrow(/--reason/)
        expect(() => parseCommandLine(['audit', 'verify'])).toThrow(/audit verify: expects <grant>/)
        expect(() => parseCommandLine(['audit', 'check', 'x'])).toThrow(/did you mean audit verify/)
        expect(() => parseCommandLine(['revokee'])).toThrow(UsageError)
    })

    it('doctor --help and help <command> print the usage without reading any configuration', async () => {
        // execution: an empty environment (no GBG_SN_URL): a command would fail on the configuration
        const help = await cli(['doctor', '--help'], {})
        const revoke = await cli(['help', 'revoke'], {})
        const none = await cli([], {})

        // validation
        expect(help.code).toBe(0)
        expect(help.stdout).toMatch(/^usage: gbg-executor doctor/)
        expect(revoke.stdout).toMatch(/usage: gbg-executor revoke <grant> --reason <text> \[--json\]/)
        expect(revoke.stdout).toMatch(/grant number \(BGA…\), the number of one of its actions \(BGQ…\) or a sys_id/)
        expect(none.code).toBe(2)
        expect(none.stderr).toMatch(/usage: gbg-executor <command>/)
    })

    it('a grant argument is a grant number, an action number or a sys_id, and nothing else', () => {
        // validation: forms people and scripts use
        expect(parseRecordArgument('BGA0001000')).toEqual({ kind: 'grant_number', number: 'BGA0001000' })
        expect(parseRecordArgument(' bga0001000 ')).toEqual({ kind: 'grant_number', number: 'BGA0001000' })
        expect(parseRecordArgument('BGQ0001234')).toEqual({ kind: 'action_number', number: 'BGQ0001234' })
        expect(parseRecordArgument('A'.repeat(32))).toEqual({ kind: 'sys_id', sysId: 'a'.repeat(32) })
        // validation: query metacharacters, other prefixes, short numbers never pass
        for (const bad of [
            'BGA0001000^ORnumber!=x',
            'BGA1',
            'INC0001000',
            'BGA0001000,BGA0001001',
            '',
            'g'.repeat(32),
        ]) {
            expect(() => parseRecordArgument(bad), bad).toThrow(UsageError)
        }
    })
})

describe('grant arguments against the instance', () => {
    it('audit verify takes the grant number, an action number or the sys_id; refuses other text before any query', async () => {
        // setup: a queued grant with the app's first audit events
        const env = world.env('cli-audit')
        const g = addGrant(world.sn, world.base, { durationMinutes: 60 })
        const action = world.sn.store.get(TABLE.action, g.actionSysId)!

        // execution
        const byNumber = await cli(['audit', 'verify', g.grantNumber], env)
        const bySysId = await cli(['audit', 'verify', g.grantSysId, '--json'], env)
        const byAction = await cli(['audit', 'verify', action[ACTION_FIELDS.number]!, '--json'], env)
        const before = requests()
        const injected = await cli(['audit', 'verify', `${g.grantNumber}^ORnumberISNOTEMPTY`], env)

        // validation: the same chain three ways; the JSON names the grant both ways
        expect(byNumber.code, byNumber.stderr).toBe(0)
        expect(byNumber.stdout).toMatch(
            new RegExp(`audit chain of grant ${g.grantNumber} \\(${g.grantSysId}\\): 3 events, intact`),
        )
        for (const r of [bySysId, byAction]) {
            expect(r.code, r.stderr).toBe(0)
            const json = JSON.parse(r.stdout) as {
                grant: { sysId: string; number: string }
                intact: boolean
                events: unknown[]
            }
            expect(json.grant).toMatchObject({ sysId: g.grantSysId, number: g.grantNumber })
            expect(json.intact).toBe(true)
            expect(json.events).toHaveLength(3)
        }
        expect((JSON.parse(byAction.stdout) as { grant: { viaAction: string } }).grant.viaAction).toBe(
            action[ACTION_FIELDS.number],
        )
        // validation: refused as a usage error without one request to the instance; an unknown number is named
        expect(injected.code).toBe(2)
        expect(injected.stderr).toMatch(/is not a grant number \(BGA \+ 7 digits\)/)
        expect(requests()).toBe(before)
        const unknown = await cli(['audit', 'verify', 'BGA9999999'], env)
        expect(unknown.code).toBe(1)
        expect(unknown.stderr).toMatch(/no grant BGA9999999 on the instance/)
    })

    it('revoke --reason=… by number queues one revoke-now; a second one is refused while it waits', async () => {
        // setup: an active grant
        const env = world.env('cli-revoke')
        const g = addGrant(world.sn, world.base, { durationMinutes: 60, queueAction: false })
        world.sn.store.update(TABLE.grant, g.grantSysId, { [GRANT_FIELDS.state]: 'active' })

        // execution
        const first = await cli(['revoke', g.grantNumber, '--reason=Laptop reported stolen', '--json'], env)
        const second = await cli(['revoke', g.grantSysId, '--reason', 'Laptop reported stolen again'], env)

        // validation: one action, at top priority, with the reason; the JSON names grant and action
        expect(first.code, first.stderr).toBe(0)
        const json = JSON.parse(first.stdout) as {
            queued: boolean
            grant: { number: string; state: string }
            action: { sysId: string; number: string }
        }
        expect(json).toMatchObject({ queued: true, grant: { number: g.grantNumber, state: 'active' } })
        expect(json.action.number).toMatch(/^BGQ\d{7}$/)
        const queued = revokeNows(g.grantSysId)
        expect(queued.map((a) => a['sys_id'])).toEqual([json.action.sysId])
        expect(queued[0]![ACTION_FIELDS.reason]).toMatch(
            /Revoke now from the executor CLI by .*: Laptop reported stolen$/,
        )
        expect(second.code).toBe(1)
        expect(second.stderr).toContain(
            `revoke refused: a revoke of ${g.grantNumber} (${g.grantSysId}) is already queued (${json.action.number}, ready)`,
        )
        expect(revokeNows(g.grantSysId)).toHaveLength(1)
    })

    it.each([
        [
            'revoked',
            { [GRANT_FIELDS.revokedAt]: '2026-01-01 10:00:00', [GRANT_FIELDS.revokeReason]: 'expired' },
            /revoked at 2026-01-01T10:00:00\.000Z; reason: expired/,
        ],
        ['expired_unapproved', {}, /is expired_unapproved; it holds no access/],
        ['rejected', {}, /is rejected; it holds no access/],
        ['policy_rejected', {}, /is policy_rejected; it holds no access/],
        [
            'grant_failed',
            { [GRANT_FIELDS.lastError]: 'webhook 403: device not managed' },
            /is grant_failed \(last error: webhook 403: device not managed\)/,
        ],
        ['cancelled', {}, /is cancelled; it holds no access/],
    ])('revoke of a %s grant is refused with the reason and queues nothing', async (state, fields, reason) => {
        // setup
        const env = world.env('cli-ended')
        const g = addGrant(world.sn, world.base, { durationMinutes: 60, queueAction: false })
        world.sn.store.update(TABLE.grant, g.grantSysId, { [GRANT_FIELDS.state]: state, ...fields })

        // execution
        const text = await cli(['revoke', g.grantNumber, '--reason', 'Make sure it is gone'], env)
        const json = await cli(['revoke', g.grantNumber, '--reason=Make sure it is gone', '--json'], env)

        // validation
        expect(text.code).toBe(1)
        expect(text.stderr).toMatch(reason)
        expect(text.stderr).toMatch(/nothing queued/)
        expect(json.code).toBe(1)
        expect(JSON.parse(json.stdout)).toMatchObject({ queued: false, grant: { number: g.grantNumber, state } })
        expect(revokeNows(g.grantSysId)).toHaveLength(0)
    })

    it('revoke without a real reason is a usage error and queues nothing', async () => {
        // setup
        const env = world.env('cli-reason')
        const g = addGrant(world.sn, world.base, { durationMinutes: 60, queueAction: false })
        world.sn.store.update(TABLE.grant, g.grantSysId, { [GRANT_FIELDS.state]: 'active' })

        // execution
        const missing = await cli(['revoke', g.grantNumber], env)
        const short = await cli(['revoke', g.grantNumber, '--reason=no'], env)

        // validation
        expect(missing.code).toBe(2)
        expect(missing.stderr).toMatch(/--reason must say why/)
        expect(short.code).toBe(2)
        expect(revokeNows(g.grantSysId)).toHaveLength(0)
    })
})

describe('status', () => {
    it('shows the numbers of the grants and actions the journal holds; --json for scripts; --local without them', async () => {
        // setup: the journal of an executor holding an armed revoke timer and an unfinished grant action
        const env = world.env('cli-status')
        const g = addGrant(world.sn, world.base, { durationMinutes: 60 })
        const revoke = queueAction(world.sn, g.grantSysId, 'revoke', world.base.manager.sysId, ACTION_PRIORITY.revoke)
        const grantAction = world.sn.store.get(TABLE.action, g.actionSysId)!
        const revokeNumber = world.sn.store.get(TABLE.action, revoke)![ACTION_FIELDS.number]!
        const journal = openJournal(loadConfig(env))
        journal.begin({ actionId: g.actionSysId, grantId: g.grantSysId, type: 'grant', attempts: 1 })
        journal.armTimer(g.grantSysId, new Date('2030-01-01T00:00:00Z'), revoke)
        journal.close()

        // execution
        const text = await cli(['status'], env)
        const json = await cli(['status', '--json'], env)
        const local = await cli(['status', '--local'], env)

        // validation: numbers first, sys_ids beside them
        expect(text.code, text.stderr).toBe(0)
        expect(text.stdout).toContain(
            `grant   action ${grantAction[ACTION_FIELDS.number]} (${g.actionSysId}) grant ${g.grantNumber} (${g.grantSysId}) step claimed`,
        )
        expect(text.stdout).toContain(`grant ${g.grantNumber} (${g.grantSysId}) revoke due 2030-01-01T00:00:00.000Z`)
        const status = JSON.parse(json.stdout) as {
            numbers: string
            unfinished: { grantNumber: string; actionNumber: string; step: string }[]
            revokeTimers: { grantNumber: string; revokeActionNumber: string; dueAt: string }[]
            writeBacks: { pending: number; dead: number }
        }
        expect(status.numbers).toBe('servicenow')
        expect(status.unfinished).toEqual([
            expect.objectContaining({
                grantNumber: g.grantNumber,
                actionNumber: grantAction[ACTION_FIELDS.number],
                step: 'claimed',
            }),
        ])
        expect(status.revokeTimers).toEqual([
            expect.objectContaining({
                grantNumber: g.grantNumber,
                revokeActionNumber: revokeNumber,
                dueAt: '2030-01-01T00:00:00.000Z',
            }),
        ])
        expect(status.writeBacks).toEqual(expect.objectContaining({ pending: 0, dead: 0 }))
        expect(local.stdout).toContain(`grant ${g.grantSysId} revoke due 2030-01-01T00:00:00.000Z`)
        expect(local.stdout).not.toContain(g.grantNumber)
    })

    it('still shows the journal when ServiceNow does not answer, and says the numbers are missing', async () => {
        // setup: the same kind of journal, ServiceNow on a port nothing listens on
        const env = world.env('cli-status-offline', { GBG_SN_URL: 'http://127.0.0.1:9' })
        const journal = openJournal(loadConfig(env))
        journal.armTimer('b'.repeat(32), new Date('2030-01-01T00:00:00Z'))
        journal.close()

        // execution
        const result = await cli(['status', '--json'], env)

        // validation
        expect(result.code, result.stderr).toBe(0)
        const status = JSON.parse(result.stdout) as { numbers: string; numbersError: string; revokeTimers: unknown[] }
        expect(status.numbers).toBe('unavailable')
        expect(status.numbersError).not.toBe('')
        expect(status.revokeTimers).toEqual([expect.objectContaining({ grantSysId: 'b'.repeat(32), grantNumber: '' })])
    })
})
