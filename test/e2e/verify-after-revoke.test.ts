/**
 * The follow-up verify after a revoke asks the provider about the GRANT's access (by the grant's recorded id and
 * idempotency key), not about the verify action's own id: access that comes back after the revoke (re-added by
 * hand, a service that "forgot" the revoke) is caught — an incident for SecOps and a revoke queued again — and the
 * revoke's own evidence on the grant stays as it was, the verification recorded beside it.
 *
 * Regression for issue 18: the verify looked the grant up under its own sys_id, found nothing, reported "absent"
 * and overwrote the revoke's evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'
import { startWorld, type World } from './support/world'

/** The service's clock lags ours, so the executor's revoke at expiry is what removes the access. */
const LAG_MS = 15_000
/** The executor's default delay between a revoke and its follow-up verify. */
const VERIFY_DELAY_MS = 300_000

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let world: World
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    world = await startWorld({ durationMinutes: 1, keepSeededAction: true, webhookClockLagMs: LAG_MS, clock })
})
afterAll(async () => {
    await executor?.stop()
    await world?.close()
})

describe('follow-up verify after a revoke', () => {
    it('catches access re-added after the revoke and keeps the revoke evidence', async () => {
        // setup: grant, then revoke at the expiry
        const { sn, webhook, base } = world
        const s = sn.store
        const grantId = base.grant.sysId
        // A 10 s poll: the verify runs 5 minutes after the revoke; fewer idle rounds keep the test fast.
        executor = await startInProcessExecutor(world.env('e2e-verify', { GBG_POLL_INTERVAL_SECONDS: '10' }), clock)
        await runUntil(clock, () => s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'revoked', {
            within: 120_000,
            what: 'grant revoked at expiry',
        })
        const verifyOf = () =>
            s.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === grantId && a[ACTION_FIELDS.type] === 'verify')
        await runUntil(clock, () => verifyOf().length === 1, { within: 10_000, what: 'verify action queued' })
        const revokeEvidence = JSON.parse(s.get(TABLE.grant, grantId)![GRANT_FIELDS.evidence]!)
        expect(revokeEvidence).toMatchObject({ provider: 'webhook', alreadyAbsent: false, revokedBy: 'e2e-verify' })
        const [serviceGrant] = [...webhook.grants.values()]
        expect(serviceGrant!.status).toBe('revoked')

        // execution: the service brings the access back (a revoke it "forgot", or re-added by hand)
        serviceGrant!.revokedAt = null
        ;(serviceGrant as { expiresAt: Date }).expiresAt = new Date(clock.nowMs() + 3_600_000)
        expect(webhook.activeGrantsFor(base.requester.userName)).toHaveLength(1)
        const verifySysId = verifyOf()[0]!['sys_id']!
        await runUntil(clock, () => s.get(TABLE.action, verifySysId)?.[ACTION_FIELDS.state] === 'done', {
            within: VERIFY_DELAY_MS + 30_000,
            what: 'verify done',
        })

        // validation: the verify read the grant by its recorded id and found it present
        await runUntil(
            clock,
            () => s.list('incident', (i) => /still present/.test(i['short_description'] ?? '')).length === 1,
            { within: 10_000, what: 'incident raised' },
        )
        const result = JSON.parse(s.get(TABLE.action, verifySysId)![ACTION_FIELDS.result]!)
        expect(result).toMatchObject({ present: true, escalated: true })
        expect(webhook.callCount('GET', `/grants/${serviceGrant!.id}`)).toBeGreaterThanOrEqual(1)

        // validation: the revoke's evidence is kept, the verification sits beside it
        await runUntil(
            clock,
            () => JSON.parse(s.get(TABLE.grant, grantId)![GRANT_FIELDS.evidence]!).followUpVerify !== undefined,
            { within: 10_000, what: 'verification written back' },
        )
        const evidence = JSON.parse(s.get(TABLE.grant, grantId)![GRANT_FIELDS.evidence]!)
        expect(evidence).toMatchObject(revokeEvidence)
        expect(evidence.followUpVerify).toMatchObject({ present: true, provider: 'webhook', grantState: 'revoked' })
        expect(evidence.followUpVerify.evidence).toMatchObject({ grantId: serviceGrant!.id, status: 'active' })

        // validation: a revoke is queued again and removes the access again
        await runUntil(clock, () => webhook.activeGrantsFor(base.requester.userName).length === 0, {
            within: 30_000,
            what: 'access revoked again',
        })
        expect(serviceGrant!.status).toBe('revoked')
    }, 60_000)
})
