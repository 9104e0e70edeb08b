/**
 * End to end through the ServiceNow app and the real executor service, on virtual time, with BeyondTrust EPM as
 * the device provider (the sandbox scenario): the catalog request is judged and approved by the app, the executor
 * opens an approved EPM JIT Admin session, revokes it at expiry, verifies it ended, and attaches what the session
 * was used for to the grant. An event EPM ingests only minutes after the session ended is missing from the first
 * summary and reported as late by the executor's follow-up verify.
 */
import { describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { runScenario } from '../sandbox/scenario'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'

interface Activity {
    total: number
    counts: Record<string, number>
    late: { count: number }
    blocked: unknown[]
    text: string
}

describe('epm end to end (app → executor → EPM, virtual time)', () => {
    it(
        'summarises the session on the grant after the revoke, and the follow-up verify reports the late event',
        { timeout: 120_000 },
        async () => {
            // setup
            const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
            const scenario = await runScenario({
                provider: 'epm',
                durationMinutes: 5,
                timeoutMs: 30 * 60_000,
                print: () => undefined,
                clock,
                // The revoke runs on the executor's local timer; the follow-up verify waits 5 minutes anyway.
                pollIntervalSeconds: 20,
            })
            const { sandbox } = scenario
            const grantOf = () => sandbox.sn.store.get(TABLE.grant, sandbox.seeded.grant.sysId) ?? {}
            try {
                // execution: the session opens in EPM
                await runUntil(clock, () => [...sandbox.epm.requests.values()].some((r) => r.decision === 'Approved'), {
                    within: 2 * 60_000,
                    what: 'the EPM session to open',
                })
                const request = [...sandbox.epm.requests.values()][0]!
                expect(request.userName).toBe(sandbox.seeded.requester.userName)
                expect(request.durationSeconds).toBe(300)
                expect(request.ticketId).toBe(sandbox.seeded.ritm.number)
                // An elevation 4 minutes in that EPM ingests 4 minutes later, i.e. 3 minutes after the session ended.
                sandbox.epm.recordSessionEvent(request.id, {
                    code: '101',
                    at: new Date(request.createdOn.getTime() + 4 * 60_000),
                    lagMs: 4 * 60_000,
                    process: 'regedit.exe',
                })
                let done = false
                scenario.finished.then(
                    () => (done = true),
                    () => (done = true),
                )
                await runUntil(clock, () => done, { within: 10 * 60_000, what: 'the revoke and its verification' })
                await scenario.finished
                const atRevoke = JSON.parse(grantOf()[GRANT_FIELDS.evidence] ?? 'null') as {
                    evidence: { activity: Activity }
                }
                // The follow-up verify action (5 minutes after the revoke) re-reads EPM's events.
                await runUntil(
                    clock,
                    () =>
                        sandbox.sn.store.list(
                            TABLE.action,
                            (a) =>
                                a[ACTION_FIELDS.grant] === sandbox.seeded.grant.sysId &&
                                a[ACTION_FIELDS.type] === 'verify' &&
                                a[ACTION_FIELDS.state] === 'done',
                        ).length > 0,
                    { within: 15 * 60_000, what: 'the follow-up verify' },
                )
                // The grant keeps what the revoke recorded; the follow-up verification goes beside it.
                const evidence = JSON.parse(grantOf()[GRANT_FIELDS.evidence] ?? 'null') as {
                    evidence: { activity: Activity }
                    followUpVerify: { present: boolean; evidence: { activity: Activity } }
                }
                const later = evidence.followUpVerify

                // validation: nothing left in EPM; the grant says what the session was used for
                expect(grantOf()[GRANT_FIELDS.state]).toBe('revoked')
                expect(sandbox.epm.openRequestsFor(sandbox.seeded.requester.userName)).toHaveLength(0)
                expect(atRevoke.evidence.activity.total).toBe(4)
                expect(atRevoke.evidence.activity.counts).toEqual({ elevation: 2, logon: 1, blocked: 1, other: 0 })
                expect(atRevoke.evidence.activity.blocked).toHaveLength(1)
                expect(atRevoke.evidence.activity.late.count).toBe(0)
                expect(evidence.evidence.activity.total).toBe(4)
                expect(later.present).toBe(false)
                expect(later.evidence.activity.total).toBe(5)
                expect(later.evidence.activity.late.count).toBe(1)
                expect(later.evidence.activity.text).toMatch(/1 arrived late/)
                // …and the audit trail carries the same summaries.
                const audit = sandbox.sn.store
                    .list(TABLE.auditEvent, (e) => e['grant'] === sandbox.seeded.grant.sysId)
                    .map((e) => e['payload'] ?? '')
                expect(audit.some((p) => p.includes('"late":{"count":1'))).toBe(true)
            } finally {
                await scenario.shutdown()
            }
        },
    )
})
