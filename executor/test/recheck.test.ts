import { afterEach, describe, expect, it } from 'vitest'
import { planDigest, policyToRecord } from '@gbg/shared'
import { RECHECK_CODE, recheckGrant } from '../src/recheck'
import { parseGateFacts } from '../src/servicenow/app-api'
import { ServiceNowError } from '../src/servicenow/errors'
import {
    permissivePolicy,
    seedGrant,
    sysId,
    voteEvent,
    type SeededGrant,
    type FakeServiceNow,
} from './support/fake-gateway'
import { makeHarness, type Harness } from './support/worker-harness'

const HOUR = 3_600_000

/** A stored approval route (policy_decision JSON) with `slots` and [slot, approver] assignments. */
function routeOf(slots: string[], assignments: [string, string][]): string {
    return JSON.stringify({
        slots,
        assignments: assignments.map(([slot, approverSysId]) => ({ slot, approverSysId, groupId: '' })),
    })
}

interface Case {
    name: string
    code: string
    malformed: boolean
    /** Make the seeded request fail the recheck. */
    mutate(sn: FakeServiceNow, s: SeededGrant, h: Harness): void
    /** The grant keeps this state (default: grant_failed). */
    grantState?: string
    seed?: Parameters<typeof seedGrant>[1]
}

const CASES: Case[] = [
    {
        name: 'tampered plan (content changed after approval)',
        code: RECHECK_CODE.digestMismatch,
        malformed: true,
        mutate: (sn, s) => {
            const g = sn.grants.get(s.grant.sysId)!
            g.plan = g.plan.replace('"durationMinutes":60', '"durationMinutes":240')
        },
    },
    {
        name: 'digest mismatch',
        code: RECHECK_CODE.digestMismatch,
        malformed: true,
        mutate: (sn, s) => {
            sn.grants.get(s.grant.sysId)!.planDigest = 'a'.repeat(64)
        },
    },
    {
        name: 'plan that does not parse',
        code: RECHECK_CODE.planInvalid,
        malformed: true,
        mutate: (sn, s) => {
            sn.grants.get(s.grant.sysId)!.plan = '{"version":1'
        },
    },
    {
        name: 'grant record no longer matching its plan',
        code: RECHECK_CODE.planGrantMismatch,
        malformed: true,
        mutate: (sn, s) => {
            sn.grants.get(s.grant.sysId)!.requestedFor = sysId()
        },
    },
    {
        name: 'stale approval',
        code: RECHECK_CODE.approvalStale,
        malformed: false,
        mutate: (sn, s, h) => {
            sn.approvals.get(s.grant.sysId)![0]!.updatedOn = new Date(h.clock.now().getTime() - 25 * HOUR)
        },
    },
    {
        name: 'missing approval',
        code: RECHECK_CODE.approvalMissing,
        malformed: false,
        mutate: (sn, s) => {
            sn.approvals.set(s.grant.sysId, [])
        },
    },
    {
        name: 'self approval',
        code: RECHECK_CODE.selfApproval,
        malformed: false,
        mutate: (sn, s) => {
            sn.approvals.get(s.grant.sysId)![0]!.approverSysId = s.requester.sysId
        },
    },
    {
        name: 'a rejected approval',
        code: RECHECK_CODE.approvalRejected,
        malformed: false,
        mutate: (sn, s, h) => {
            sn.approvals
                .get(s.grant.sysId)!
                .push({ sysId: sysId(), approverSysId: sysId(), state: 'rejected', updatedOn: h.clock.now() })
        },
    },
    {
        name: 'an approval by a user not on the stored route (unrelated user)',
        code: RECHECK_CODE.approvalMissing,
        malformed: false,
        mutate: (sn, s) => {
            const stranger = { ...s.approver, sysId: sysId(), userName: 'stranger' }
            sn.users.set(stranger.sysId, stranger)
            const a = sn.approvals.get(s.grant.sysId)![0]!
            a.approverSysId = stranger.sysId
            sn.appAudit.set(s.grant.sysId, [voteEvent(a, stranger, s.grant.planDigest)])
        },
    },
    {
        name: 'an approval by a sys_id that is no user (even when listed on the route)',
        code: RECHECK_CODE.approverInvalid,
        malformed: false,
        mutate: (sn, s) => {
            const ghost = { ...s.approver, sysId: sysId() }
            const a = sn.approvals.get(s.grant.sysId)![0]!
            a.approverSysId = ghost.sysId
            sn.routes.set(s.grant.sysId, routeOf(['manager'], [['manager', ghost.sysId]]))
            sn.appAudit.set(s.grant.sysId, [voteEvent(a, ghost, s.grant.planDigest)])
        },
    },
    {
        name: 'one vote where the route requires two',
        code: RECHECK_CODE.approvalMissing,
        malformed: false,
        mutate: (sn, s) => {
            sn.routes.set(
                s.grant.sysId,
                routeOf(
                    ['manager', 'second_approver'],
                    [
                        ['manager', s.approver.sysId],
                        ['second_approver', sysId()],
                    ],
                ),
            )
        },
    },
    {
        name: "approvals reached only through the grant's RITM",
        code: RECHECK_CODE.approvalMissing,
        malformed: false,
        mutate: (sn, s) => {
            sn.approvals.set(s.ritm, sn.approvals.get(s.grant.sysId)!)
            sn.approvals.set(s.grant.sysId, [])
        },
    },
    {
        name: 'an approval with no recorded vote',
        code: RECHECK_CODE.approvalMissing,
        malformed: false,
        mutate: (sn, s) => {
            sn.appAudit.set(s.grant.sysId, [])
        },
    },
    {
        name: 'a vote cast by the requester on the manager approval',
        code: RECHECK_CODE.selfApproval,
        malformed: false,
        mutate: (sn, s) => {
            const a = sn.approvals.get(s.grant.sysId)![0]!
            sn.appAudit.set(s.grant.sysId, [voteEvent(a, s.requester, s.grant.planDigest)])
        },
    },
    {
        name: 'plan and digest rewritten together after the vote',
        code: RECHECK_CODE.voteDigestMismatch,
        malformed: true,
        mutate: (sn, s) => {
            const g = sn.grants.get(s.grant.sysId)!
            const plan = { ...s.plan, target: { ...s.plan.target, account: 'svc-domain-admin' } }
            g.plan = JSON.stringify(plan)
            g.planDigest = planDigest(plan)
            g.targetAccount = 'svc-domain-admin'
        },
    },
    {
        name: "the requester's e-mail changed since the plan was frozen",
        code: RECHECK_CODE.principalMismatch,
        malformed: false,
        mutate: (sn, s) => {
            sn.users.get(s.requester.sysId)!.email = 'someone.else@example.com'
        },
    },
    {
        name: 'policy now failing (user blocked since approval)',
        code: RECHECK_CODE.policyDenied,
        malformed: false,
        mutate: (sn, s) => {
            sn.policies = [policyToRecord(permissivePolicy({ blockedUserIds: [s.requester.sysId] }))]
        },
    },
    {
        name: 'policy now failing (user deactivated)',
        code: RECHECK_CODE.policyDenied,
        malformed: false,
        mutate: (sn, s) => {
            sn.users.get(s.requester.sysId)!.active = false
        },
    },
    {
        name: 'integration kill switch off',
        code: RECHECK_CODE.policyDenied,
        malformed: false,
        mutate: (sn) => {
            sn.settings.integrationEnabled = false
        },
    },
    {
        // (A cancelled grant is a person's decision, not a failure: recheck-tickets.test.ts.)
        name: 'grant rejected (not a grantable state)',
        code: RECHECK_CODE.grantState,
        malformed: false,
        grantState: 'rejected',
        mutate: (sn, s) => {
            sn.grants.get(s.grant.sysId)!.state = 'rejected'
        },
    },
    {
        name: 'provider not configured on this executor',
        code: RECHECK_CODE.providerUnknown,
        malformed: false,
        seed: { provider: 'entra-role' },
        mutate: () => {},
    },
    {
        name: 'approved duration differing from the plan',
        code: RECHECK_CODE.windowInvalid,
        malformed: false,
        mutate: (sn, s) => {
            sn.grants.get(s.grant.sysId)!.approvedDuration = 30
        },
    },
    {
        name: 'a check that errors (policy table refused by an ACL)',
        code: RECHECK_CODE.checkError,
        malformed: false,
        mutate: (sn) =>
            sn.fail('listPolicies', 1, () => new ServiceNowError('fatal', 'ACL Exception', { status: 403 })),
    },
    {
        name: 'an unparseable policy record',
        code: RECHECK_CODE.policyDenied,
        malformed: false,
        mutate: (sn) => {
            sn.policies[0]!.max_duration = 'lots'
        },
    },
]

describe('recheck gate (through the worker)', () => {
    let h: Harness
    afterEach(() => h?.cleanup())

    for (const c of CASES) {
        it(`refuses without a provider call: ${c.name}`, async () => {
            // setup
            h = makeHarness()
            const s = seedGrant(h.sn, c.seed)
            c.mutate(h.sn, s, h)

            // execution
            await h.round()

            // validation: no provider call, reason everywhere, SecOps told
            expect(h.provider.calls).toEqual([])
            const action = h.sn.actions.get(s.action.sysId)!
            expect(action.state).toBe(c.malformed ? 'dead' : 'failed')
            expect(action.lastError).toContain(c.code)
            const grant = h.sn.grants.get(s.grant.sysId)!
            expect(grant.lastError).toContain(c.code)
            expect(grant.state).toBe(c.grantState ?? 'grant_failed')
            expect(h.sn.workNotes.find((n) => n.sysId === s.ritm)?.note).toContain('No access was granted')
            expect(h.sn.incidents.map((i) => i.input.priority)).toEqual([2])
            expect(h.sn.auditTypes(s.grant.sysId)).toEqual(['recheck_refused'])
            expect(h.events.find((e) => e.name === 'recheck:refused')?.payload).toMatchObject({
                code: c.code,
                malformed: c.malformed,
            })
        })
    }

    it('refuses a grant that does not exist (404): dead, reason on the action', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.grants.delete(s.grant.sysId)

        // execution
        await h.round()

        // validation
        expect(h.provider.calls).toEqual([])
        expect(h.sn.actions.get(s.action.sysId)).toMatchObject({ state: 'dead' })
        expect(h.sn.actions.get(s.action.sysId)?.lastError).toContain(RECHECK_CODE.grantMissing)
    })
})

describe('recheckGrant', () => {
    let h: Harness
    afterEach(() => h?.cleanup())

    it('passes a clean request and returns the verified plan and approvals', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)

        // execution
        const r = await recheckGrant(s.grant.sysId, {
            gateway: h.sn.gateway('exec-1'),
            clock: h.clock,
            providers: new Set(['webhook']),
        })

        // validation
        expect(r.ok).toBe(true)
        if (!r.ok) return
        expect(r.plan).toEqual(s.plan)
        expect(r.digest).toBe(s.grant.planDigest)
        expect(r.approvals.map((a) => a.approverSysId)).toEqual([s.approver.sysId])
        expect(r.decision.allowed).toBe(true)
    })

    it('honours a configured approval age', async () => {
        // setup: approval 2 hours old, max age 1 hour
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.approvals.get(s.grant.sysId)![0]!.updatedOn = new Date(h.clock.now().getTime() - 2 * HOUR)

        // execution
        const r = await recheckGrant(s.grant.sysId, {
            gateway: h.sn.gateway('exec-1'),
            clock: h.clock,
            providers: new Set(['webhook']),
            maxApprovalAgeMs: HOUR,
        })

        // validation
        expect(r).toMatchObject({ ok: false, code: RECHECK_CODE.approvalStale })
    })

    it('never throws: a gateway that throws a non-ServiceNow error is a refusal', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.fail('gateFacts', 1, () => new TypeError('boom'))

        // execution
        const r = await recheckGrant(s.grant.sysId, {
            gateway: h.sn.gateway('exec-1'),
            clock: h.clock,
            providers: new Set(['webhook']),
        })

        // validation
        expect(r).toMatchObject({ ok: false, code: RECHECK_CODE.checkError, malformed: false })
    })
})

describe('recheck gate: the gate facts answer (issue 11: the app gathers, the executor judges)', () => {
    let h: Harness
    afterEach(() => h?.cleanup())

    it('a forged or garbled facts answer is a refusal with no provider call, never a pass', async () => {
        // setup: the facts endpoint answers something the contract does not describe (an "allowed" verdict and a
        // user whose active flag is a string) — what a proxy, a hostile middlebox or a broken app version could send
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.fail('gateFacts', 1, () => {
            try {
                parseGateFacts(
                    {
                        grant: s.grant.sysId,
                        verdict: 'allowed',
                        users: [{ sys_id: s.requester.sysId, active: 'true' }],
                    },
                    s.grant.sysId,
                )
            } catch (error) {
                return error as Error
            }
            return new Error('parseGateFacts accepted a forged answer')
        })

        // execution
        await h.round()

        // validation: refused for good (a fatal error, not retried as transient), the reason names the shape
        expect(h.provider.calls).toEqual([])
        const action = h.sn.actions.get(s.action.sysId)!
        expect(action.lastError).toContain(RECHECK_CODE.checkError)
        expect(action.lastError).toMatch(/expected shape/)
        expect(h.sn.grants.get(s.grant.sysId)!.state).not.toBe('active')
    })

    it('facts that leave out the principal (no such user, or hidden) are a refusal, not a pass', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.users.delete(s.plan.principal.userSysId)

        // execution
        const r = await recheckGrant(s.grant.sysId, {
            gateway: h.sn.gateway('exec-1'),
            clock: h.clock,
            providers: new Set(['webhook']),
        })

        // validation
        expect(r).toMatchObject({ ok: false, code: RECHECK_CODE.checkError })
        if (!r.ok) expect(r.reason).toMatch(/principal .* is not a user/)
    })
})

describe('recheck gate with ServiceNow transiently unavailable', () => {
    let h: Harness
    afterEach(() => h?.cleanup())

    it('grants nothing, keeps the grant open and retries the action later', async () => {
        // setup: the policy table read fails with a retryable error (ServiceNow unreachable) once
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.fail('listPolicies', 1)

        // execution
        await h.round()

        // validation: no provider call, no permanent failure; the action waits for a retry
        expect(h.provider.calls).toEqual([])
        const action = h.sn.actions.get(s.action.sysId)!
        expect(action.state).toBe('ready')
        expect(action.notBefore!.getTime()).toBeGreaterThan(h.clock.now().getTime())
        expect(action.lastError).toContain(RECHECK_CODE.checkError)
        expect(h.sn.grants.get(s.grant.sysId)!.state).not.toBe('grant_failed')
        expect(h.sn.incidents).toEqual([])
    })

    it('a direct recheck marks the refusal transient', async () => {
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.fail('getGrant', 1)
        const r = await recheckGrant(s.grant.sysId, {
            gateway: h.sn.gateway('exec-1'),
            clock: h.clock,
            providers: new Set(['webhook']),
        })
        expect(r).toMatchObject({ ok: false, code: RECHECK_CODE.checkError, transient: true })
    })
})
