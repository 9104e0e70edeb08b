/**
 * The executor CLI as an operator uses it — the program, in its own process, one command at a time — against the
 * emulators and a running executor process: `doctor` (passes; names the problem when the
 * password is wrong), `status` (what the journal holds), `revoke <grant> --reason` (queues a revoke that the
 * running executor performs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, ACTION_PRIORITY, GRANT_FIELDS, PROPERTY, TABLE } from '@gbg/shared'
import { isEvent } from '../support/log-lines'
import {
    runCliProcess as runCli,
    startExecutorProcess as startExecutor,
    type ExecutorProcess,
} from '../support/executor-process'
import { addGrant } from './support/grants'
import { startWorld, type World } from './support/world'

let world: World
let executor: ExecutorProcess | undefined

beforeAll(async () => {
    world = await startWorld()
})
afterAll(async () => {
    await executor?.stop()
    await world?.close()
})

describe('executor CLI', () => {
    it('doctor passes against the emulators', async () => {
        // setup: the SecOps group property set, as the install guide says (doctor fails when it is unset)
        const property = world.sn.store.list('sys_properties', (r) => r['name'] === PROPERTY.secopsGroup)[0]
        if (property)
            world.sn.store.update('sys_properties', property['sys_id']!, { value: world.base.secopsGroupSysId })
        else world.sn.store.insert('sys_properties', { name: PROPERTY.secopsGroup, value: world.base.secopsGroupSysId })

        // execution
        const result = await runCli(['doctor'], world.env('e2e-cli-doctor'))

        // validation
        expect(result.code, result.stdout + result.stderr).toBe(0)
        expect(result.stdout).not.toContain('✗')
        expect(result.stdout).toMatch(/reachable and authenticated as the integration user/)
        expect(result.stdout).toMatch(/webhook: healthy/)
        expect(result.stdout).toMatch(/all checks passed/)
    })

    it('doctor fails with a clear message when the password is wrong', async () => {
        // setup
        const env = world.env('e2e-cli-doctor', { GBG_SN_PASSWORD: 'not-the-password-1' })

        // execution
        const result = await runCli(['doctor'], env)

        // validation: non-zero, the reason and the variable to fix are named, the wrong password is not printed
        expect(result.code).toBe(1)
        const text = result.stdout + result.stderr
        expect(text).toMatch(/✗ cannot authenticate to .*401/)
        expect(text).toMatch(/check GBG_SN_USERNAME \/ GBG_SN_PASSWORD/)
        expect(text).toMatch(/1 check\(s\) failed/)
        expect(text).not.toContain('not-the-password-1')
        expect(text).not.toContain(world.base.executorUser.password)
    })

    it('status prints the journal; revoke --reason queues a revoke the running executor performs', async () => {
        // setup: a running executor that granted one 60-minute grant
        const { sn, webhook, base } = world
        const env = world.env('e2e-cli')
        const g = addGrant(sn, base, { durationMinutes: 60 })
        executor = startExecutor(env)
        await sn.waitFor((s) => s.get(TABLE.action, g.actionSysId)?.[ACTION_FIELDS.state] === 'done', 15_000)
        await executor.waitForLog(isEvent('action:done', g.grantSysId), 5_000)

        // execution: status while the executor runs
        const status = await runCli(['status'], env)

        // validation: the armed revoke timer of the grant, nothing unfinished, nothing pending
        expect(status.code, status.stderr).toBe(0)
        expect(status.stdout).toMatch(/executor e2e-cli · journal .*e2e-cli\.db \(schema v\d+\)/)
        expect(status.stdout).toMatch(/unfinished actions: 0/)
        expect(status.stdout).toMatch(/armed revoke timers: 1/)
        expect(status.stdout).toContain(`grant ${g.grantNumber} (${g.grantSysId}) revoke due `)
        expect(status.stdout).toMatch(/write-backs pending: 0, dead: 0/)

        // execution: revoke now, from the CLI
        const usage = await runCli(['revoke', g.grantSysId], env)
        const revoke = await runCli(['revoke', g.grantSysId, '--reason', 'Laptop reported stolen, INC0012345'], env)

        // validation: usage error without a reason; the revoke is queued at top priority with the reason
        expect(usage.code).toBe(2)
        expect(usage.stderr).toMatch(/--reason/)
        expect(revoke.code, revoke.stderr).toBe(0)
        expect(revoke.stdout).toMatch(new RegExp(`queued revoke .* for grant ${g.grantNumber}`))
        const queued = sn.store.list(
            TABLE.action,
            (a) =>
                a[ACTION_FIELDS.grant] === g.grantSysId &&
                a[ACTION_FIELDS.priority] === String(ACTION_PRIORITY.revokeNow),
        )
        expect(queued).toHaveLength(1)
        expect(queued[0]![ACTION_FIELDS.reason]).toMatch(/Laptop reported stolen, INC0012345/)

        // validation: the running executor performs it
        await sn.waitFor((s) => s.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state] === 'revoked', 15_000)
        await sn.waitFor((s) => s.get(TABLE.action, queued[0]!['sys_id']!)?.[ACTION_FIELDS.state] === 'done', 10_000)
        expect([...webhook.grants.values()][0]!.status).toBe('revoked')

        // validation: status afterwards: the timer is disarmed
        await executor.waitForLog(
            (l) => l['event'] === 'action:done' && l['actionSysId'] === queued[0]!['sys_id'],
            5_000,
        )
        const after = await runCli(['status'], env)
        expect(after.stdout).toMatch(/armed revoke timers: 0/)
    }, 60_000)
})
