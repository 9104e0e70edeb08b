import { afterEach, describe, expect, it } from 'vitest'
import { ACTION_PRIORITY, formatTime } from '@gbg/shared'
import { ProviderError } from '../src/providers/types'
import { ServiceNowError } from '../src/servicenow/errors'
import { seedGrant } from './support/fake-gateway'
import { makeHarness, type Harness } from './support/worker-harness'
import { runUntil } from '../../test/support/virtual-time'

const MINUTE = 60_000

describe('worker: grant lifecycle', () => {
    let h: Harness
    afterEach(() => h?.cleanup())

    it('grants end to end: claim → recheck → grant → write back → revoke at expiry → verify → revoked', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 60 })
        const start = h.clock.now().getTime()

        // execution: the grant round
        await h.round()

        // validation: grant written back with the provider's confirmed expiry and txn ids
        const grant = h.sn.grants.get(s.grant.sysId)!
        expect(grant.state).toBe('active')
        expect(grant.grantedAt?.getTime()).toBe(start)
        expect(grant.expiresAt?.getTime()).toBe(start + 60 * MINUTE)
        expect(JSON.parse(grant.providerTxnIds)).toEqual(['txn-1'])
        expect(grant.executorInstance).toBe('exec-1')
        expect(h.sn.actions.get(s.action.sysId)).toMatchObject({ state: 'done', attempts: 1 })
        expect(h.provider.has(s.plan)).toBe(true)
        // work note names the approver, the access, the expiry and the txn ids
        const note = h.sn.workNotes.find((n) => n.sysId === s.ritm)!.note
        expect(note).toContain('Mona Manager')
        expect(note).toContain('txn-1')
        expect(note).toContain(`Valid until: ${formatTime(new Date(start + 60 * MINUTE))}`)
        // receipt attached to the RITM
        const receipt = JSON.parse(h.sn.attachments.find((a) => a.sysId === s.ritm)!.body.toString('utf8'))
        expect(receipt).toMatchObject({
            kind: 'access_grant_receipt',
            grantNumber: s.grant.number,
            planDigest: s.grant.planDigest,
            txnIds: ['txn-1'],
            nativeExpiry: false,
            notes: ['Sign out and in again to pick up the new rights.'],
        })
        expect(receipt.approvals[0]).toMatchObject({ approverSysId: s.approver.sysId, approverName: 'Mona Manager' })
        // audit: recheck, the exact calls (redacted), result
        expect(h.sn.auditTypes(s.grant.sysId)).toEqual(['recheck_passed', 'provider_call', 'grant_active'])
        const call = h.sn.audit.find((e) => e.eventType === 'provider_call')!
        expect(JSON.stringify(call.payload)).not.toContain('secret-token')
        // revoke action scheduled at expiry, once, and the local timer armed with it
        const revokes = h.sn.actionsOf(s.grant.sysId, 'revoke')
        expect(revokes).toHaveLength(1)
        expect(revokes[0]).toMatchObject({
            state: 'ready',
            priority: ACTION_PRIORITY.revoke,
            idempotencyKey: `revoke:${s.grant.sysId}`,
        })
        expect(revokes[0]!.notBefore?.getTime()).toBe(start + 60 * MINUTE)
        expect(h.journal.timer(s.grant.sysId)).toMatchObject({ revokeActionId: revokes[0]!.sysId })
        expect(h.journal.get(s.action.sysId)?.step).toBe('done')

        // execution: nothing happens before expiry
        await h.clock.advance(59 * MINUTE)
        await h.round()
        expect(h.provider.count('revoke')).toBe(0)

        // execution: expiry
        await h.clock.advance(MINUTE)
        await h.round()

        // validation: revoked, verified absent, evidence attached, timer disarmed, verify scheduled
        expect(h.provider.has(s.plan)).toBe(false)
        const revoked = h.sn.grants.get(s.grant.sysId)!
        expect(revoked.state).toBe('revoked')
        expect(revoked.revokedAt?.getTime()).toBe(start + 60 * MINUTE)
        expect(JSON.parse(revoked.evidence)).toMatchObject({ present: false, provider: 'webhook' })
        expect(h.sn.actions.get(revokes[0]!.sysId)?.state).toBe('done')
        expect(h.journal.timer(s.grant.sysId)).toBeUndefined()
        expect(h.sn.workNotes.filter((n) => n.sysId === s.ritm).map((n) => n.note)[1]).toContain('Access removed')
        const verify = h.sn.actionsOf(s.grant.sysId, 'verify')
        expect(verify).toHaveLength(1)
        expect(verify[0]!.notBefore?.getTime()).toBe(start + 61 * MINUTE)

        // execution: the verify action
        await h.clock.advance(MINUTE)
        await h.round()

        // validation
        expect(h.sn.actions.get(verify[0]!.sysId)?.state).toBe('done')
        // the revoke's evidence stays; the follow-up verification sits beside it
        expect(JSON.parse(h.sn.grants.get(s.grant.sysId)!.evidence)).toMatchObject({
            alreadyAbsent: false,
            followUpVerify: { present: false, grantState: 'revoked' },
        })
        expect(h.sn.auditTypes(s.grant.sysId)).toEqual([
            'recheck_passed',
            'provider_call',
            'grant_active',
            'revoke_done',
            'verify_done',
        ])
        expect(h.provider.applied).toBe(1)
        expect(h.journal.unfinished()).toEqual([])
        expect(h.names('grant:')).toEqual(['grant:calling', 'grant:active'])
        expect(h.names('revoke:')).toEqual(['revoke:calling', 'revoke:done'])
        expect(h.sn.incidents).toEqual([])
    })

    it('runs the actions of one grant in strict order (priority, then creation)', async () => {
        // setup: the grant action waits for a retry (not due); a later verify of the same grant is due; plus
        // another grant
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.actions.get(s.action.sysId)!.notBefore = new Date(h.clock.now().getTime() + 10_000)
        const verify = h.sn.addAction({ grantSysId: s.grant.sysId, type: 'verify', priority: ACTION_PRIORITY.verify })
        const other = seedGrant(h.sn)

        // execution
        await h.round()

        // validation: the verify waits for the earlier grant action; the other grant is not held back
        expect(h.sn.actions.get(verify.sysId)?.state).toBe('ready')
        expect(h.provider.count('verify')).toBe(0)
        expect(h.sn.actions.get(other.action.sysId)?.state).toBe('done')
        expect(h.events.find((e) => e.name === 'action:skipped')?.payload).toMatchObject({
            actionSysId: verify.sysId,
            reason: 'ordering',
        })

        // execution: the grant action falls due; in that round the verify is held back again (grant busy)
        await h.clock.advance(10_000)
        await h.round()
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
        expect(h.sn.actions.get(verify.sysId)?.state).toBe('ready')
        await h.round()

        // validation: the revoke scheduled at expiry (priority 2) now ranks before the verify (priority 4)
        expect(h.sn.actions.get(verify.sysId)?.state).toBe('ready')
        await h.clock.advance(60 * MINUTE)
        await h.round()
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('revoked')
        await h.round()
        expect(h.sn.actions.get(verify.sysId)?.state).toBe('done')
    })

    it('runs at most K actions at once', async () => {
        // setup: 3 grants, K = 2, the provider holds the first two calls
        h = makeHarness({ maxInFlight: 2 })
        const seeds = [seedGrant(h.sn), seedGrant(h.sn), seedGrant(h.sn)]
        const g1 = h.provider.block('grant')
        const g2 = h.provider.block('grant')

        // execution
        await h.worker.tick()
        await Promise.all([g1.entered, g2.entered])

        // validation: two in flight, the third untouched even by a second round
        expect(h.worker.inFlightCount).toBe(2)
        await h.worker.tick()
        expect(h.provider.count('grant')).toBe(2)
        // which one waits is the replica's spread order (worker.ts spreadOrder); exactly one does
        const states = seeds.map((s) => h.sn.actions.get(s.action.sysId)?.state)
        expect(states.filter((st) => st === 'ready')).toHaveLength(1)
        expect(states.filter((st) => st === 'claimed')).toHaveLength(2)

        // execution: release, next round takes the third
        g1.release()
        g2.release()
        await h.worker.idle()
        await h.round()

        // validation
        for (const s of seeds) expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
        expect(h.provider.applied).toBe(3)
    })

    it('takes the rest of a burst at once when a poll page was full, not at the next poll (issue 18)', async () => {
        // setup: a page of 2 ready actions per poll, K = 4 free slots, a poll only every minute
        h = makeHarness({ maxInFlight: 4, batchSize: 2, pollIntervalMs: 60_000 })
        const seeds = [seedGrant(h.sn), seedGrant(h.sn), seedGrant(h.sn), seedGrant(h.sn), seedGrant(h.sn)]
        const t0 = h.clock.nowMs()

        // execution: the loop runs on its own
        await h.worker.start()
        await runUntil(h.clock, () => seeds.every((s) => h.sn.actions.get(s.action.sysId)?.state === 'done'), {
            within: 50_000,
            what: 'every grant of the burst done',
        })

        // validation: all five within a few refill rounds (250 ms apart), long before the next poll (before: two per
        // poll interval, the last one three minutes later)
        expect(h.clock.nowMs() - t0).toBeLessThan(5_000)
        expect(h.provider.applied).toBe(5)
        await h.worker.stop()
    })

    it('skips silently an action another executor claimed first (lost claim)', async () => {
        // setup: exec-2 wins the race between our list and our claim
        h = makeHarness()
        const s = seedGrant(h.sn)
        const other = h.sn.gateway('exec-2')
        h.sn.fail('claimAction', 1, () => {
            const a = h.sn.actions.get(s.action.sysId)!
            Object.assign(a, {
                state: 'claimed',
                leaseOwner: 'exec-2',
                leaseUntil: new Date(h.clock.now().getTime() + MINUTE),
            })
            return new ServiceNowError('lost_claim', 'Claim refused: action is leased by exec-2', { status: 403 })
        })

        // execution
        await h.round()

        // validation: nothing done by us, no journal row, lease:lost reported
        expect(h.provider.count('grant')).toBe(0)
        expect(h.journal.get(s.action.sysId)).toBeUndefined()
        expect(h.names('lease:')).toEqual(['lease:lost'])
        expect(h.sn.actions.get(s.action.sysId)?.leaseOwner).toBe('exec-2')
        // and we could not write to it either
        await expect(h.sn.gateway('exec-1').updateAction(s.action.sysId, { state: 'done' })).rejects.toMatchObject({
            kind: 'lost_claim',
        })
        void other
    })

    it('sweeps expired leases back to the queue and runs the action', async () => {
        // setup: an action claimed by a crashed executor whose lease ran out
        h = makeHarness()
        const s = seedGrant(h.sn)
        Object.assign(h.sn.actions.get(s.action.sysId)!, {
            state: 'claimed',
            leaseOwner: 'exec-dead',
            leaseUntil: new Date(h.clock.now().getTime() - 1000),
            attempts: 1,
        })

        // execution
        await h.round()

        // validation
        expect(h.sn.actions.get(s.action.sysId)).toMatchObject({ state: 'done', attempts: 2, leaseOwner: 'exec-1' })
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
    })

    it('renews the lease while a call runs longer than half the lease', async () => {
        // setup
        h = makeHarness({ leaseMs: 60_000 })
        const s = seedGrant(h.sn)
        const gate = h.provider.block('grant')
        await h.worker.tick()
        await gate.entered

        // execution
        await h.clock.advance(30_000)

        // validation
        const action = h.sn.actions.get(s.action.sysId)!
        expect(action.leaseUntil?.getTime()).toBe(h.clock.now().getTime() + 60_000)
        expect(h.names('lease:')).toEqual(['lease:renewed'])
        gate.release()
        await h.worker.idle()
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
    })

    it('retries a retryable provider error with backoff, keeping attempts, then succeeds', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { throw: new ProviderError('retryable', 'HTTP 503') })
        const t0 = h.clock.now().getTime()

        // execution
        await h.round()

        // validation: back in the queue with not_before = now + 30 s (attempt 1, no jitter)
        const action = h.sn.actions.get(s.action.sysId)!
        expect(action).toMatchObject({ state: 'ready', attempts: 1, leaseOwner: '' })
        expect(action.notBefore?.getTime()).toBe(t0 + 30_000)
        expect(action.lastError).toContain('HTTP 503')
        expect(h.journal.get(s.action.sysId)?.step).toBe('retry_wait')

        // execution: too early
        await h.clock.advance(29_000)
        await h.round()
        expect(h.provider.count('grant')).toBe(1)

        // execution: due
        await h.clock.advance(1_000)
        await h.round()

        // validation
        expect(h.sn.actions.get(s.action.sysId)).toMatchObject({ state: 'done', attempts: 2, lastError: '' })
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.provider.applied).toBe(1)
    })

    it('honours Retry-After when it is longer than the backoff', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { throw: new ProviderError('retryable', 'HTTP 429', 'TooManyRequests', 120_000) })
        const t0 = h.clock.now().getTime()

        // execution
        await h.round()

        // validation
        expect(h.sn.actions.get(s.action.sysId)?.notBefore?.getTime()).toBe(t0 + 120_000)
    })

    it('goes dead after max attempts: grant_failed and a P2 incident', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.actions.get(s.action.sysId)!.maxAttempts = 2
        h.provider.script(
            'grant',
            { throw: new ProviderError('retryable', 'HTTP 503') },
            { throw: new ProviderError('retryable', 'HTTP 503') },
        )

        // execution
        await h.round()
        await h.clock.advance(30_000)
        await h.round()

        // validation
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('dead')
        expect(h.sn.grants.get(s.grant.sysId)).toMatchObject({ state: 'grant_failed' })
        expect(h.sn.incidents).toHaveLength(1)
        expect(h.sn.incidents[0]!.input.priority).toBe(2)
        expect(h.names('action:dead')).toHaveLength(1)
    })

    it('fatal: grant_failed, the error on the grant and a work note; nothing granted', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { throw: new ProviderError('fatal', 'account does not exist', 'AccountNotFound') })

        // execution
        await h.round()

        // validation
        const grant = h.sn.grants.get(s.grant.sysId)!
        expect(grant.state).toBe('grant_failed')
        expect(grant.lastError).toContain('AccountNotFound')
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('failed')
        expect(h.sn.workNotes.find((n) => n.sysId === s.ritm)?.note).toContain('could NOT be granted')
        expect(h.provider.has(s.plan)).toBe(false)
        expect(h.sn.actionsOf(s.grant.sysId, 'revoke')).toEqual([])
        expect(h.names('grant:failed')).toHaveLength(1)
    })

    it('fatal with partial access: the partial access is revoked', async () => {
        // setup: the provider applies, then reports a fatal partial failure
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', {
            applyThenThrow: new ProviderError('fatal', 'second step failed', 'Partial', undefined, { partial: true }),
        })

        // execution
        await h.round()

        // validation
        expect(h.provider.has(s.plan)).toBe(false)
        expect(h.provider.count('revoke')).toBe(1)
        expect(h.sn.grants.get(s.grant.sysId)?.lastError).toContain('partial access was removed')
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('grant_failed')
    })

    it('unknown outcome: reconciled by verify, exactly one grant at the provider', async () => {
        // setup: the grant is applied but the response is lost
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { applyThenThrow: new ProviderError('unknown_outcome', 'socket hang up') })

        // execution
        await h.round()

        // validation
        expect(h.provider.applied).toBe(1)
        expect(h.provider.count('grant')).toBe(1)
        expect(h.provider.count('verify')).toBe(1)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('done')
        expect(h.events.find((e) => e.name === 'grant:active')?.payload).toMatchObject({ alreadyDone: true })
        expect(h.sn.workNotes.find((n) => n.sysId === s.ritm)?.note).toContain('no second grant')
    })

    it('unknown outcome, the access there but held outside: drift reported, never adopted as this grant (sim long-5 world 74)', async () => {
        // setup: the grant call's outcome is lost (nothing applied); the provider's read shows the person holds the
        // access, but nothing of this system behind it (someone re-added it out of band at another grant's revoke)
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { throw: new ProviderError('unknown_outcome', 'socket hang up') })
        h.provider.verify = async () => ({
            present: true,
            evidence: {
                principalId: 'p',
                targetId: 't',
                assignment: { directMember: true },
                drift: true,
                external: true,
            },
            calls: [{ method: 'GET', url: 'https://fake.invalid/members', status: 200 }],
        })

        // execution
        await h.round()

        // validation: active as a drift grant (the approved window runs, revoke at expiry as for any drift grant),
        // its evidence says drift, no transaction of ours, SecOps get the drift incident; nothing granted
        const grant = h.sn.grants.get(s.grant.sysId)!
        expect(grant.state).toBe('active')
        expect(JSON.parse(grant.evidence)).toMatchObject({ drift: true, external: true })
        expect(JSON.parse(grant.providerTxnIds)).toEqual([])
        expect(h.provider.applied).toBe(0)
        expect(h.sn.incidents.map((i) => i.input.shortDescription)).toEqual([
            expect.stringContaining('held outside the break-glass system'),
        ])
        expect(h.sn.workNotes.find((n) => n.sysId === s.ritm)?.note).toContain('held outside this system')
    })

    it('unknown outcome with nothing at the provider: retried later, one grant in the end', async () => {
        // setup: the request never arrived
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { throw: new ProviderError('unknown_outcome', 'timeout') })

        // execution
        await h.round()
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('ready')
        await h.clock.advance(30_000)
        await h.round()

        // validation
        expect(h.provider.applied).toBe(1)
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
    })

    it('halted: the grant goes to halted, the reason is written, SecOps get a P2, the action fails', async () => {
        // setup
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.provider.script('grant', { throw: new ProviderError('halted', 'PIM approval pending', 'PendingApproval') })

        // execution
        await h.round()

        // validation
        const grant = h.sn.grants.get(s.grant.sysId)!
        expect(grant.state).toBe('halted')
        expect(grant.lastError).toContain('PIM approval pending')
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('failed')
        expect(h.sn.incidents.map((i) => i.input.priority)).toEqual([2])
        expect(h.sn.workNotes.find((n) => n.sysId === s.ritm)?.note).toContain('halted')
    })

    it('halted with a takeover state and an unknown outcome: the takeover on the grant, a P1, never retried', async () => {
        // setup: the console provider halts after submit with its takeover state (issue 14)
        h = makeHarness()
        const s = seedGrant(h.sn)
        const takeover = { reason: 'no confirmation', code: 'OUTCOME_UNKNOWN', submitted: true, draftId: null }
        h.provider.script('grant', {
            throw: new ProviderError('halted', 'no confirmation', 'OUTCOME_UNKNOWN', undefined, {
                takeover,
                incidentPriority: 1,
            }),
        })

        // execution
        await h.round()
        await h.round()

        // validation
        const grant = h.sn.grants.get(s.grant.sysId)!
        expect(grant.state).toBe('halted')
        expect(JSON.parse(grant.evidence)).toEqual({ takeover })
        expect(h.sn.incidents.map((i) => i.input.priority)).toEqual([1])
        expect(h.sn.actions.get(s.action.sysId)?.state).toBe('failed')
        expect(h.provider.calls.filter((c) => c.op === 'grant')).toHaveLength(1)
    })

    it('passes the provider shared-assignment evidence through to the grant and the work note', async () => {
        // setup: the provider releases this grant but keeps a shared assignment for another one
        h = makeHarness()
        const s = seedGrant(h.sn, { durationMinutes: 30 })
        await h.round()
        const original = h.provider.revoke.bind(h.provider)
        h.provider.revoke = async (plan, ctx) => {
            const r = await original(plan, ctx)
            return { ...r, notes: ['the assignment stays for grant X'], evidence: { sharedWith: ['f'.repeat(32)] } }
        }

        // execution
        await h.clock.advance(30 * MINUTE)
        await h.round()

        // validation
        const evidence = JSON.parse(h.sn.grants.get(s.grant.sysId)!.evidence)
        expect(evidence).toMatchObject({ retainedFor: ['f'.repeat(32)], notes: ['the assignment stays for grant X'] })
        expect(h.sn.workNotes.at(-1)?.note).toContain('shared assignment stays')
        expect(h.events.find((e) => e.name === 'revoke:done')?.payload).toMatchObject({ retainedFor: ['f'.repeat(32)] })
    })

    it('rejects a malformed queue record without a provider call', async () => {
        // setup: unparseable result JSON and an unknown type
        h = makeHarness()
        const s = seedGrant(h.sn)
        h.sn.actions.get(s.action.sysId)!.result = '{not json'
        const t = seedGrant(h.sn)
        ;(h.sn.actions.get(t.action.sysId) as { type: string }).type = 'elevate'

        // execution
        await h.round()

        // validation
        expect(h.provider.calls).toEqual([])
        expect(h.sn.actions.get(s.action.sysId)).toMatchObject({ state: 'dead' })
        expect(h.sn.actions.get(s.action.sysId)?.lastError).toContain('not valid JSON')
        expect(h.sn.grants.get(s.grant.sysId)?.lastError).toContain('not valid JSON')
        expect(h.sn.actions.get(t.action.sysId)?.lastError).toContain('unknown action type')
    })

    it('marks a malformed row dead with its reason and still serves the good actions of the same grant', async () => {
        // setup: a grant whose queue holds a row the gateway parsed as malformed (empty priority) AHEAD of its good
        // grant action, and another grant's good action
        h = makeHarness()
        const s = seedGrant(h.sn)
        const poisoned = h.sn.addAction({ grantSysId: s.grant.sysId, type: 'grant', priority: 1 })
        h.sn.actions.get(poisoned.sysId)!.malformed = 'priority "" is not a whole number ≥ 1'
        const other = seedGrant(h.sn)

        // execution: as many rounds as the grant's busy flag needs
        for (let i = 0; i < 3; i++) await h.round()

        // validation: the poisoned row is dead with its reason on the action, the grant, the ticket and the
        // trail, with no provider call of its own; both good grants were served
        expect(h.sn.actions.get(poisoned.sysId)).toMatchObject({ state: 'dead' })
        expect(h.sn.actions.get(poisoned.sysId)?.lastError).toContain('priority "" is not a whole number')
        expect(h.sn.workNotes.some((n) => n.note.includes('priority "" is not a whole number'))).toBe(true)
        expect(h.sn.auditTypes(s.grant.sysId)).toContain('action_rejected')
        expect(
            h.provider.calls
                .filter((c) => c.op === 'grant')
                .map((c) => c.idempotencyKey)
                .sort(),
        ).toEqual([s.action.sysId, other.action.sysId].sort())
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.sn.grants.get(other.grant.sysId)?.state).toBe('active')
    })

    it('runs as a loop: nudge wakes it, stop drains, heartbeat every poll', async () => {
        // setup
        h = makeHarness()
        await h.worker.start()
        await h.clock.whenSleeping()
        const beats = h.sn.heartbeats.length
        const s = seedGrant(h.sn)

        // execution: nudge instead of waiting 5 s
        const active = h.worker.events.next('action:done', (p) => p.actionSysId === s.action.sysId)
        h.worker.nudge()
        await active

        // validation
        expect(h.sn.grants.get(s.grant.sysId)?.state).toBe('active')
        expect(h.sn.heartbeats.length).toBeGreaterThan(beats)

        // execution: graceful stop
        await h.worker.stop()

        // validation
        expect(h.names('worker:')).toContain('worker:stopped')
    })
})
