/**
 * The overlap protocol across replicas (docs/entra.md "Overlap"), at the provider: who else holds a shared
 * assignment comes from ServiceNow's grants (the fleet double), never from one replica's holder registry. Each
 * replica here is its own provider with its own registry over the same Graph emulator and the same fleet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { planDigest, type ExecutionPlan } from '@gbg/shared'
import { ProviderError } from '../src/providers/types'
import type { Provider } from '../src/providers/types'
import {
    InMemoryHolderRegistry,
    createEntraGroupProvider,
    createGraphClient,
    entraConnectionSchema,
} from '../src/providers/entra'
import { fleetGrantOf } from '../src/servicenow/fleet-grants'
import type { GrantRecord } from '../src/ports'
import {
    GROUP_WS_ADMINS,
    ALICE,
    groupPlan,
    startEntraFixture,
    workerLike,
    type EntraFixture,
} from '../../test/emulators/graph/fixture'

let fx: EntraFixture
/** A second replica: its own holder registry, the same Graph tenant and the same ServiceNow grants. */
let other: Provider

beforeEach(async () => {
    fx = await startEntraFixture({ groupMode: 'members' })
    const graph = createGraphClient(entraConnectionSchema.parse(fx.connection), { now: fx.clock.now })
    other = createEntraGroupProvider(
        {
            connection: fx.connection,
            mode: 'members',
            groupsByDeviceClass: { workstation: GROUP_WS_ADMINS.id },
            signOutPolicy: 'required',
        },
        { holders: new InMemoryHolderRegistry(), fleet: fx.fleet, now: fx.clock.now, graph },
    )
})
afterEach(async () => {
    await fx.close()
})

const member = () => fx.emu.state.members(GROUP_WS_ADMINS.id).some((u) => u.id === ALICE.id)
const plan = (c: string, minutes: number): ExecutionPlan =>
    groupPlan({
        grantSysId: c.repeat(32),
        grantNumber: `BGA000000${c === 'a' ? 1 : c === 'b' ? 2 : 3}`,
        durationMinutes: minutes,
    })

async function failure(p: Promise<unknown>): Promise<ProviderError> {
    const err = await p.then(
        () => undefined,
        (e: unknown) => e,
    )
    if (!(err instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(err)}`)
    return err
}

describe('shared Entra assignment across replicas', () => {
    it('the replica that never saw the second grant keeps the membership for it; the last holder removes', async () => {
        // setup: A granted by this replica, B by the other
        const a = plan('a', 30)
        const b = plan('b', 60)
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        const gb = await workerLike(fx.fleet).grant(other, b, { idempotencyKey: 'b-1' })
        expect(gb.evidence).toMatchObject({ sharedWith: [a.grantSysId] })
        // execution: A's revoke on this replica (whose registry knows only A)
        fx.clock.advanceMinutes(30)
        const ra = await fx.worker.revoke(fx.group, a, { idempotencyKey: 'a-2', txnIds: ['x'] })
        // validation
        expect(ra.evidence).toMatchObject({ sharedWith: [b.grantSysId] })
        expect(member()).toBe(true)
        // execution: B's revoke on the other replica
        fx.clock.advanceMinutes(30)
        await workerLike(fx.fleet).revoke(other, b, { idempotencyKey: 'b-2', txnIds: ['y'] })
        // validation
        expect(member()).toBe(false)
    })

    it('two early revokes at once both remove (neither keeps it for the other); a third live holder keeps it', async () => {
        // setup: A and B live, both revoked early ("Revoke now") at the same time: both are `revoking`
        const a = plan('a', 30)
        const b = plan('b', 30)
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        await workerLike(fx.fleet).grant(other, b, { idempotencyKey: 'b-1' })
        const expiry = new Date(fx.clock.now().getTime() + 30 * 60_000)
        fx.fleet.set(a, 'revoking', expiry)
        fx.fleet.set(b, 'revoking', expiry)
        // execution
        const [ra, rb] = await Promise.all([
            fx.group.revoke(a, { idempotencyKey: 'a-2', txnIds: ['x'] }),
            other.revoke(b, { idempotencyKey: 'b-2', txnIds: ['y'] }),
        ])
        // validation: no leak
        expect(member()).toBe(false)
        expect([ra.evidence?.sharedWith, rb.evidence?.sharedWith]).toEqual([undefined, undefined])

        // setup 2: C live; A and B revoking again after new grants
        const c = plan('c', 60)
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-3' })
        await fx.worker.grant(fx.group, c, { idempotencyKey: 'c-1' })
        await workerLike(fx.fleet).grant(other, b, { idempotencyKey: 'b-3' })
        fx.fleet.set(a, 'revoking', expiry)
        fx.fleet.set(b, 'revoking', expiry)
        await Promise.all([
            fx.group.revoke(a, { idempotencyKey: 'a-4', txnIds: ['x'] }),
            other.revoke(b, { idempotencyKey: 'b-4', txnIds: ['y'] }),
        ])
        // validation: C still holds it
        expect(member()).toBe(true)
    })

    it('keeps it for another live grant only once its own revoking state is in ServiceNow', async () => {
        const a = plan('a', 30)
        const b = plan('b', 60)
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        await workerLike(fx.fleet).grant(other, b, { idempotencyKey: 'b-1' })
        // A's `revoking` write has not reached ServiceNow (A still active, before its expiry)
        const err = await failure(fx.group.revoke(a, { idempotencyKey: 'a-2', txnIds: ['x'] }))
        expect(err.kind).toBe('retryable')
        expect(err.code).toBe('own_state_pending')
        expect(member()).toBe(true)
    })

    it('an expired grant whose revoke has not started does not keep the access', async () => {
        const a = plan('a', 30)
        const b = plan('b', 10)
        await workerLike(fx.fleet).grant(other, b, { idempotencyKey: 'b-1' })
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        fx.clock.advanceMinutes(30)
        // B expired 20 minutes ago and is still `active` (its executor is down): A's revoke removes
        await fx.worker.revoke(fx.group, a, { idempotencyKey: 'a-2', txnIds: ['x'] })
        expect(member()).toBe(false)
    })

    it('a grant never adopts an assignment another revoke is removing; it adopts what that revoke kept for it', async () => {
        const a = plan('a', 30)
        const b = plan('b', 60)
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        fx.fleet.set(a, 'revoking', new Date(fx.clock.now().getTime() + 30 * 60_000))
        fx.fleet.set(b, 'granting')
        // execution: B's grant while A's revoke is under way
        const err = await failure(other.grant(b, { idempotencyKey: 'b-1' }))
        expect(err.code).toBe('shared_assignment_ending')
        // A's revoke saw B `granting` and kept the membership for it
        const ra = await fx.group.revoke(a, { idempotencyKey: 'a-2', txnIds: ['x'] })
        expect(ra.evidence).toMatchObject({ sharedWith: [b.grantSysId] })
        fx.fleet.set(a, 'revoked', null, [b.grantSysId])
        // B's retry adopts it (not drift)
        const gb = await other.grant(b, { idempotencyKey: 'b-1' })
        expect(gb.evidence).toMatchObject({ sharedWith: [a.grantSysId] })
        expect(gb.evidence?.drift).toBeUndefined()
    })

    it('ServiceNow unreadable: a queue revoke retries without removing; the local timer revoke removes (expiry wins)', async () => {
        const a = plan('a', 30)
        await fx.worker.grant(fx.group, a, { idempotencyKey: 'a-1' })
        fx.fleet.set(a, 'revoking')
        fx.fleet.failing = new Error('ServiceNow 503')
        const err = await failure(fx.group.revoke(a, { idempotencyKey: 'a-2', txnIds: ['x'] }))
        expect(err.code).toBe('holders_unknown')
        expect(member()).toBe(true)
        const r = await fx.group.revoke(a, { idempotencyKey: 'a-3', txnIds: ['x'], ifHoldersUnknown: 'remove' })
        expect(r.notes?.join(' ')).toMatch(/expiry wins/)
        expect(member()).toBe(false)
    })

    it('a grant whose stored plan does not match its digest is never counted as a holder', () => {
        const b = plan('b', 60)
        const record = {
            sysId: b.grantSysId,
            number: b.grantNumber,
            state: 'active',
            plan: JSON.stringify(b),
            planDigest: planDigest(b),
            expiresAt: null,
            evidence: JSON.stringify({ retainedFor: ['a'.repeat(32)] }),
        } as unknown as GrantRecord
        expect(fleetGrantOf(record)?.retainedFor).toEqual(['a'.repeat(32)])
        expect(fleetGrantOf({ ...record, plan: JSON.stringify({ ...b, durationMinutes: 600 }) })).toBeUndefined()
    })
})
