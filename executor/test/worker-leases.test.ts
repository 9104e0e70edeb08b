import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../test/support/virtual-clock'
import { ExecutorEventBus } from '../src/events'
import type { JournalAction } from '../src/journal/journal'
import { nullLogger } from '../src/log'
import { ServiceNowError } from '../src/servicenow/errors'
import { journalData, journaledRitm } from '../src/worker/journal-data'
import { Leases, releaseLease } from '../src/worker/leases'
import { FakeServiceNow, sysId } from './support/fake-gateway'

const MINUTE = 60_000

function world(instance = 'exec-1') {
    const clock = new VirtualClock(Date.UTC(2025, 0, 6, 10, 0, 0))
    const sn = new FakeServiceNow(clock)
    const leases = (name: string) =>
        new Leases({
            gateway: sn.gateway(name),
            clock,
            events: new ExecutorEventBus(),
            logger: nullLogger,
            instance: name,
            leaseMs: MINUTE,
        })
    return { clock, sn, leases: leases(instance), other: leases('exec-2') }
}

function lostClaim(): ServiceNowError {
    return new ServiceNowError('lost_claim', 'Write refused (test)', { status: 403 })
}

describe('leases: taking an action back', () => {
    it('keeps our valid lease without a write', async () => {
        const { sn, leases } = world()
        const action = sn.addAction({ grantSysId: sysId(), type: 'grant' })
        const claimed = (await leases.claim(action))!
        const writes = sn.calls.length
        await expect(leases.takeBack(claimed)).resolves.toMatchObject({ kind: 'ours' })
        expect(sn.calls.length).toBe(writes)
    })

    it("leaves another executor's valid lease alone, and a finished action", async () => {
        const { sn, leases, other } = world()
        const action = sn.addAction({ grantSysId: sysId(), type: 'grant' })
        const theirs = (await other.claim(action))!
        await expect(leases.takeBack(theirs)).resolves.toEqual({ kind: 'held', holder: 'exec-2' })
        await expect(leases.takeBack({ ...theirs, state: 'done' })).resolves.toEqual({ kind: 'finished' })
        expect(sn.count('updateAction') + sn.count('claimAction')).toBe(1)
    })

    it('releases our lapsed lease, then claims the action again', async () => {
        const { clock, sn, leases } = world()
        const action = sn.addAction({ grantSysId: sysId(), type: 'grant' })
        await leases.claim(action)
        await clock.advance(MINUTE + 1)
        const taken = await leases.takeBack(sn.actions.get(action.sysId)!)
        expect(taken).toMatchObject({
            kind: 'claimed',
            action: { state: 'claimed', leaseOwner: 'exec-1', attempts: 2 },
        })
        expect(sn.calls.map((c) => c.method)).toEqual(['claimAction', 'updateAction', 'claimAction'])
    })
})

describe('leases: a holder releasing its own lease', () => {
    it('is one write when the release goes through', async () => {
        const writes: string[] = []
        await releaseLease(
            {
                release: async () => void writes.push('release'),
                endOwnLease: async () => void writes.push('end'),
                requeue: async () => void writes.push('requeue'),
            },
            () => new Date(0),
        )
        expect(writes).toEqual(['release'])
    })

    it('refused as a release from nobody: ends its lease a minute back, then returns the action', async () => {
        const writes: string[] = []
        await releaseLease(
            {
                release: async () => {
                    writes.push('release')
                    throw lostClaim()
                },
                endOwnLease: async (until) => void writes.push(`end ${until.toISOString()}`),
                requeue: async () => void writes.push('requeue'),
            },
            () => new Date(Date.UTC(2025, 0, 6, 10, 0, 0)),
        )
        expect(writes).toEqual(['release', 'end 2025-01-06T09:59:00.000Z', 'requeue'])
    })

    it('does not retry other failures', async () => {
        const writes: string[] = []
        const down = new ServiceNowError('retryable', 'ServiceNow 503 (test)', { status: 503 })
        const release = releaseLease(
            {
                release: async () => {
                    throw down
                },
                endOwnLease: async () => void writes.push('end'),
                requeue: async () => void writes.push('requeue'),
            },
            () => new Date(0),
        )
        await expect(release).rejects.toBe(down)
        expect(writes).toEqual([])
    })
})

describe('journal data: read back and checked', () => {
    const row = (type: string, data: Record<string, unknown>): JournalAction => ({
        actionId: 'a1',
        grantId: 'g1',
        type,
        step: 'provider_done',
        provider: 'fake',
        plan: '',
        txnIds: [],
        providerResult: null,
        expiresAt: null,
        attempts: 1,
        lastError: '',
        data,
        createdAt: new Date(0),
        updatedAt: new Date(0),
    })

    it('turns journaled dates into Dates and leaves absent fields absent', () => {
        const d = journalData(
            'grant',
            row('grant', { ritm: 'r1', grantedAt: '2025-01-06T10:00:00.000Z', reconcile: false }),
        )
        expect(d).toEqual({ ritm: 'r1', grantedAt: new Date('2025-01-06T10:00:00.000Z'), reconcile: false })
        expect(d.callingAt).toBeUndefined()
    })

    it('refuses a field of the wrong shape, naming the row and the field', () => {
        expect(() => journalData('revoke', row('revoke', { failures: '2' }))).toThrow(/revoke a1 .*failures/)
        expect(() => journalData('grant', row('grant', { callingAt: 'yesterday' }))).toThrow(/grant a1 .*callingAt/)
    })

    it("reads any row's RITM, whatever its type", () => {
        expect(journaledRitm(row('verify', { ritm: 'r2', grantState: 'revoked' }))).toBe('r2')
        expect(journaledRitm(row('bogus', {}))).toBe('')
    })
})
