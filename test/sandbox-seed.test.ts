/**
 * The sandbox's seeded scenario, read back the way the executor reads it (Table API, as the integration user),
 * and the timeline driven through a whole lifecycle by store writes. The end-to-end run with the real executor
 * is test/sandbox-demo.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
    ACTION_FIELDS,
    ACTION_PRIORITY,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    ROLE,
    TABLE,
    policyFromRecord,
    verifyPlanDigest,
} from '@gbg/shared'
import { startServiceNowEmulator, formatGlideDateTime, type ServiceNowEmulator } from './emulators/servicenow'
import { SANDBOX_PROVIDERS, parseDemoArgs } from './sandbox/args'
import { seedScenario, type SeededScenario } from './sandbox/seed'
import { startAppOnEmulator, type AppRuntime } from './support/app-on-emulator'
import { STAGES, TimelineFailure, compactJson, watchGrant } from './sandbox/timeline'

let sn: ServiceNowEmulator
let executorApi: AppRuntime

beforeEach(async () => {
    sn = await startServiceNowEmulator({})
    // The app's executor interfaces, as on an instance with the app installed (the executor reads through them).
    executorApi = startAppOnEmulator(sn, { only: 'executor-api' })
})
afterEach(async () => {
    executorApi.stop()
    await sn.close()
})

/** GET through the Table API as `user`. */
async function get(s: SeededScenario, path: string): Promise<{ status: number; body: any }> {
    const auth = Buffer.from(`${s.executorUser.userName}:${s.executorUser.password}`).toString('base64')
    const res = await fetch(`${sn.url}${path}`, {
        headers: { authorization: `Basic ${auth}`, accept: 'application/json' },
    })
    return { status: res.status, body: res.status === 204 ? null : await res.json() }
}

describe('seedScenario', () => {
    it("seeds the console scenario only through the app (its three named approvals are the app's)", () => {
        expect(() => seedScenario(sn, { provider: 'console', durationMinutes: 15 })).toThrow(/through the app only/)
    })

    it.each(SANDBOX_PROVIDERS.filter((p) => p !== 'console'))(
        'queues an approved %s grant the executor user can read and verify',
        async (provider) => {
            // setup / execution: seed a 1-minute grant for the provider
            const s = seedScenario(sn, { provider, durationMinutes: 1 })

            // validation: the integration user sees exactly one ready grant action, with the agreed priority and key
            const actions = await get(
                s,
                `/api/now/table/${TABLE.action}?sysparm_query=state=ready&sysparm_exclude_reference_link=true`,
            )
            expect(actions.status).toBe(200)
            expect(actions.body.result).toHaveLength(1)
            const action = actions.body.result[0]
            expect(action[ACTION_FIELDS.type]).toBe('grant')
            expect(action[ACTION_FIELDS.priority]).toBe(String(ACTION_PRIORITY.grant))
            expect(action[ACTION_FIELDS.idempotencyKey]).toBe(action.sys_id)
            expect(action[ACTION_FIELDS.grant]).toBe(s.grant.sysId)

            // validation: the grant is queued, its stored plan verifies against the frozen digest and names the provider
            const grant = (
                await get(s, `/api/now/table/${TABLE.grant}/${s.grant.sysId}?sysparm_exclude_reference_link=true`)
            ).body.result
            expect(grant[GRANT_FIELDS.state]).toBe('queued')
            expect(grant[GRANT_FIELDS.approvedDuration]).toBe('1')
            const verified = verifyPlanDigest(grant[GRANT_FIELDS.plan], grant[GRANT_FIELDS.planDigest])
            expect(verified.ok).toBe(true)
            if (verified.ok) {
                expect(verified.plan.provider).toBe(provider)
                expect(verified.plan.durationMinutes).toBe(1)
                expect(verified.plan.principal.email).toBe('alice.nguyen@contoso.example')
                expect(verified.plan.tickets.ritm).toBe(s.ritm.number)
            }
            expect(JSON.parse(grant[GRANT_FIELDS.approvalSummary]).approvals.length).toBe(s.approvalSysIds.length)

            // validation: every required approval is on the RITM, approved, and none by the requester (read from the
            // instance's records: the executor user cannot read approvals on a stock instance; it gets them through the
            // app's executor API, below)
            const approvals = sn.store.list(PLATFORM_TABLE.approval, (a) => a['sysapproval'] === s.ritm.sysId)
            expect(approvals.map((a) => a['state'])).toEqual(s.approvalSysIds.map(() => 'approved'))
            expect(approvals.map((a) => a['approver'])).not.toContain(s.requester.sysId)
            expect(approvals.length).toBe(provider === 'entra-role' ? 2 : 1)
            expect((await get(s, `/api/now/table/${PLATFORM_TABLE.approval}`)).body.result).toEqual([])
            const facts = await get(s, `/api/x_gbg_breakglass/executor/grants/${s.grant.sysId}/facts`)
            expect(facts.status).toBe(200)
            expect(facts.body.result.approvals.map((a: any) => a.sys_id).sort()).toEqual(
                approvals.map((a) => a['sys_id']).sort(),
            )

            // validation: the policy record is stored as strings the shared parser accepts, with the 1-minute floor
            const policy = sn.store.get(TABLE.policy, s.policySysId)!
            const parsed = policyFromRecord(policy)
            expect(parsed.ok && parsed.policy.minDurationMinutes).toBe(1)
            expect(parsed.ok && parsed.policy.blockedUserIds).toContain(s.executorUser.sysId)
        },
    )

    it('gives the integration user only the executor role and a password stored nowhere in the data', () => {
        // setup / execution
        const s = seedScenario(sn, { provider: 'webhook', durationMinutes: 1 })

        // validation: exactly one role, the executor role
        const roleIds = sn.store
            .list('sys_user_has_role', (r) => r['user'] === s.executorUser.sysId)
            .map((r) => r['role'])
        const roles = sn.store.list('sys_user_role', (r) => roleIds.includes(r['sys_id'])).map((r) => r['name'])
        expect(roles).toEqual([ROLE.executor])
        expect(s.executorUser.password.length).toBeGreaterThanOrEqual(24)
        const dump = JSON.stringify(sn.store.list(TABLE.grant)) + JSON.stringify(sn.store.list('sys_user'))
        expect(dump).not.toContain(s.executorUser.password)
    })

    it('refuses to seed a request the sandbox policy would reject', () => {
        // setup / execution / validation: 300 minutes is above the sandbox policy maximum of 240
        expect(() => seedScenario(sn, { provider: 'webhook', durationMinutes: 300 })).toThrow(/policy refuses/)
    })

    it('the executor user cannot change the frozen plan (field ACL)', async () => {
        // setup
        const s = seedScenario(sn, { provider: 'webhook', durationMinutes: 1 })
        const auth = Buffer.from(`${s.executorUser.userName}:${s.executorUser.password}`).toString('base64')

        // execution: try to lengthen the approved plan through the Table API
        const res = await fetch(`${sn.url}/api/now/table/${TABLE.grant}/${s.grant.sysId}`, {
            method: 'PATCH',
            headers: { authorization: `Basic ${auth}`, accept: 'application/json', 'content-type': 'application/json' },
            body: JSON.stringify({ [GRANT_FIELDS.plan]: '{}', [GRANT_FIELDS.approvedDuration]: '240' }),
        })

        // validation: whatever the status, the plan and duration are unchanged
        expect([200, 403]).toContain(res.status)
        const grant = sn.store.get(TABLE.grant, s.grant.sysId)!
        expect(grant[GRANT_FIELDS.approvedDuration]).toBe('1')
        expect(verifyPlanDigest(grant[GRANT_FIELDS.plan]!, grant[GRANT_FIELDS.planDigest]!).ok).toBe(true)
    })
})

describe('timeline', () => {
    /** Plays the executor's writes for a whole lifecycle through the store. */
    function playLifecycle(s: SeededScenario, t0: number, finishRevoke = true): string {
        const at = (seconds: number): string => formatGlideDateTime(new Date(t0 + seconds * 1000))
        sn.store.update(TABLE.action, s.action.sysId, {
            [ACTION_FIELDS.state]: 'claimed',
            [ACTION_FIELDS.leaseOwner]: 'exec-a',
            [ACTION_FIELDS.leaseUntil]: at(60),
            [ACTION_FIELDS.attempts]: '1',
        })
        sn.store.update(TABLE.grant, s.grant.sysId, { [GRANT_FIELDS.state]: 'granting' })
        sn.store.update(TABLE.grant, s.grant.sysId, {
            [GRANT_FIELDS.state]: 'active',
            [GRANT_FIELDS.grantedAt]: at(1),
            [GRANT_FIELDS.expiresAt]: at(61),
            [GRANT_FIELDS.providerTxnIds]: JSON.stringify(['grt_123']),
            [GRANT_FIELDS.executorInstance]: 'exec-a',
        })
        sn.store.update(PLATFORM_TABLE.ritm, s.ritm.sysId, { work_notes: 'Access granted' })
        sn.store.insert(PLATFORM_TABLE.attachment, {
            file_name: 'receipt.json',
            content_type: 'application/json',
            table_name: PLATFORM_TABLE.ritm,
            table_sys_id: s.ritm.sysId,
        })
        const revoke = sn.store.insert(TABLE.action, {
            [ACTION_FIELDS.grant]: s.grant.sysId,
            [ACTION_FIELDS.type]: 'revoke',
            [ACTION_FIELDS.priority]: String(ACTION_PRIORITY.revoke),
            [ACTION_FIELDS.notBefore]: at(61),
        })
        sn.store.update(TABLE.action, s.action.sysId, { [ACTION_FIELDS.state]: 'done' })
        sn.store.update(TABLE.grant, s.grant.sysId, {
            [GRANT_FIELDS.state]: 'revoked',
            [GRANT_FIELDS.revokedAt]: at(62),
        })
        sn.store.update(TABLE.grant, s.grant.sysId, {
            [GRANT_FIELDS.evidence]: JSON.stringify({
                verifiedAt: new Date(t0 + 62_000).toISOString(),
                provider: 'webhook',
                present: false,
                evidence: { status: 'revoked' },
            }),
        })
        const verify = sn.store.insert(TABLE.action, {
            [ACTION_FIELDS.grant]: s.grant.sysId,
            [ACTION_FIELDS.type]: 'verify',
            [ACTION_FIELDS.priority]: String(ACTION_PRIORITY.verify),
            [ACTION_FIELDS.notBefore]: at(362),
        })
        sn.store.update(TABLE.action, verify['sys_id']!, {
            [ACTION_FIELDS.state]: 'done',
            [ACTION_FIELDS.result]: '{"present":false}',
        })
        // The revoke action completes last, after its write-backs.
        if (finishRevoke) sn.store.update(TABLE.action, revoke['sys_id']!, { [ACTION_FIELDS.state]: 'done' })
        return revoke['sys_id']!
    }

    it('prints every stage once, in order, as the writes happen', async () => {
        // setup
        const s = seedScenario(sn, { provider: 'webhook', durationMinutes: 1 })
        const lines: string[] = []
        const { timeline, finished } = watchGrant(sn, { grantSysId: s.grant.sysId, ritmSysId: s.ritm.sysId }, 5000, {
            print: (l) => lines.push(l),
        })

        // execution
        playLifecycle(s, Date.now())
        await finished
        // the watch ends at "verified"; a later look (as `npm start` keeps doing) shows the follow-up verify
        timeline.observe()

        // validation: one line per stage, in lifecycle order, with the details that matter
        expect(timeline.events.map((e) => e.kind)).toEqual([...STAGES, 'recheck', 'recheck'])
        expect(lines).toHaveLength(STAGES.length + 2)
        expect(lines[1]).toMatch(/claimed .*by exec-a/)
        expect(lines[2]).toMatch(/granted .*txn grt_123.*expires/)
        expect(lines[3]).toMatch(/written back .*receipt receipt\.json/)
        expect(lines[5]).toMatch(/revoked .*1 s after expiry/)
        expect(lines[6]).toMatch(/verified .*access absent at webhook.*evidence: status=revoked/)
        expect(lines[7]).toMatch(/follow-up verify BGQ\d+ not before/)
        expect(lines[8]).toMatch(/follow-up verify BGQ\d+ done: present=false/)
        expect(timeline.done).toBe(true)
        expect(lines.join('\n')).not.toMatch(/[{}]/)
    })

    it('is not done before the revoke action has finished its write-back', async () => {
        // setup
        const s = seedScenario(sn, { provider: 'webhook', durationMinutes: 1 })
        const { timeline, finished } = watchGrant(sn, { grantSysId: s.grant.sysId, ritmSysId: s.ritm.sysId }, 5000, {
            print: () => undefined,
        })

        // execution: everything but the revoke action's final "done"
        const revoke = playLifecycle(s, Date.now(), false)

        // validation: verified is printed, but the watch goes on until the revoke action is done
        expect(timeline.has('verified')).toBe(true)
        expect(timeline.done).toBe(false)
        sn.store.update(TABLE.action, revoke, { [ACTION_FIELDS.state]: 'done' })
        await finished
        expect(timeline.done).toBe(true)
    })

    it('stops with a clear failure when the grant action dies', async () => {
        // setup
        const s = seedScenario(sn, { provider: 'webhook', durationMinutes: 1 })
        const lines: string[] = []
        const { finished } = watchGrant(sn, { grantSysId: s.grant.sysId, ritmSysId: s.ritm.sysId }, 5000, {
            print: (l) => lines.push(l),
        })

        // execution: the executor gives up on the grant
        sn.store.update(TABLE.action, s.action.sysId, {
            [ACTION_FIELDS.state]: 'dead',
            [ACTION_FIELDS.lastError]: 'principal_not_allowed',
        })

        // validation
        await expect(finished).rejects.toBeInstanceOf(TimelineFailure)
        await expect(finished).rejects.toThrow(/dead: principal_not_allowed/)
        expect(lines.some((l) => l.includes('✗ failure'))).toBe(true)
    })

    it('times out when nothing happens', async () => {
        // setup / execution: nobody processes the queue
        const s = seedScenario(sn, { provider: 'webhook', durationMinutes: 1 })
        const { timeline, finished } = watchGrant(sn, { grantSysId: s.grant.sysId, ritmSysId: s.ritm.sysId }, 200, {
            print: () => undefined,
        })

        // validation
        await expect(finished).rejects.toThrow(/not met within 200 ms/)
        expect(timeline.has('queued')).toBe(true)
        expect(timeline.has('claimed')).toBe(false)
    })

    it('renders JSON ids without JSON punctuation', () => {
        // setup / execution / validation
        expect(compactJson('["a","b"]')).toBe('a, b')
        expect(compactJson('{"requestId":"r1","scheduleId":"s1"}')).toBe('requestId=r1, scheduleId=s1')
        expect(compactJson('')).toBe('')
        expect(compactJson('not json')).toBe('not json')
    })
})

describe('demo arguments', () => {
    it('accepts the three providers and rejects anything else', () => {
        // setup / execution / validation
        expect(parseDemoArgs([])).toEqual({ provider: 'webhook', durationMinutes: 1 })
        expect(parseDemoArgs(['--provider', 'entra-role']).provider).toBe('entra-role')
        expect(parseDemoArgs(['--provider=entra-group']).provider).toBe('entra-group')
        // The console's shortest expiry is 15 minutes.
        expect(parseDemoArgs(['--provider', 'console'])).toEqual({ provider: 'console', durationMinutes: 15 })
        expect(() => parseDemoArgs(['--provider', 'pam'])).toThrow(/unknown provider/)
        expect(() => parseDemoArgs(['--provider'])).toThrow(/needs a value/)
        expect(() => parseDemoArgs(['--fast'])).toThrow(/unknown argument/)
    })
})
