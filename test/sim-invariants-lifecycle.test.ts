/**
 * The simulator's invariants for the issue-17 workload (test/sim/invariants.ts), each broken on purpose and each
 * legitimate state accepted: a request cancelled before it started that reaches the provider or leaves `cancelled`
 * (cancel); access alive past its incident's resolution + grace with no incident open (ticket-close); an expiry
 * beyond the approved plan without an approved extension, and an extension executed that nobody approved
 * (extension-approval). The world is a minimal stand-in holding only what the invariants read (ServiceNow records,
 * the webhook emulator's grants).
 */
import { describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE, planDigest, type ExecutionPlan } from '@gbg/shared'
import { GRACE_MS } from './sim/invariants'
import type { Lifecycle } from './sim/run'
import { judgeOne } from './sim/one-lifecycle'
import type { SimWorld } from './sim/world'

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0)
const MIN = 60_000
const glide = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

function setup(
    options: { state?: string; expiresAt?: number; planMinutes?: number; lifecycle?: Partial<Lifecycle> } = {},
) {
    const plan = {
        provider: 'webhook',
        grantNumber: 'BGA0001001',
        durationMinutes: options.planMinutes ?? 10,
        principal: { userName: 'alex.rivera', email: 'alex@contoso.example' },
        target: { kind: 'device_local_admin', deviceName: 'WS-SIM-0-00001' },
    } as unknown as ExecutionPlan
    const grant: Record<string, string> = {
        sys_id: 'g1',
        [GRANT_FIELDS.state]: options.state ?? 'active',
        [GRANT_FIELDS.plan]: JSON.stringify(plan),
        [GRANT_FIELDS.planDigest]: planDigest(plan),
        [GRANT_FIELDS.grantedAt]: glide(T0),
        [GRANT_FIELDS.expiresAt]: glide(options.expiresAt ?? T0 + 10 * MIN),
    }
    const extension: Record<string, string> = { sys_id: 'x1', [GRANT_FIELDS.state]: 'awaiting_approval' }
    const tables: Record<string, Record<string, string>[]> = {
        [TABLE.grant]: [grant, extension],
        [PLATFORM_TABLE.incident]: [],
    }
    const store = {
        get: (table: string, id: string) => tables[table]?.find((r) => r['sys_id'] === id),
        list: (table: string, pred: (r: Record<string, string>) => boolean) => (tables[table] ?? []).filter(pred),
    }
    const webhookGrants = new Map<
        string,
        { grantNumber: string; status: string; principal: { email: string }; extensions?: unknown[] }
    >()
    const roleRequests: Record<string, unknown>[] = []
    let now = T0 + MIN
    const sim = {
        appWorld: { world: { sn: { store }, webhook: { grants: webhookGrants } } },
        graph: { state: { roleRequests, groupRequests: [], listRoleInstances: () => [], members: () => [] } },
        ids: { userId: 'u1', groupId: 'grp', roleId: 'role' },
        epm: { requests: new Map(), computers: new Map() },
        env: () => ({}),
    } as unknown as SimWorld
    const { lifecycle, invariants, result } = judgeOne(sim, () => now, {
        kind: 'webhook',
        durationMinutes: 10,
        orderedAt: T0,
        ...options.lifecycle,
    })
    const violations = () => result.violations.map((v) => `${v.invariant}: ${v.message}`)
    const grantAtWebhook = (status = 'active') =>
        webhookGrants.set('w1', { grantNumber: 'BGA0001001', status, principal: { email: 'alex@contoso.example' } })
    return {
        invariants,
        violations,
        grant,
        extension,
        lifecycle,
        grantAtWebhook,
        webhookExtend: (extensionNumber: string) =>
            webhookGrants.set('w1', {
                ...webhookGrants.get('w1')!,
                extensions: [{ extensionNumber, from: new Date(T0), to: new Date(T0 + 600_000), at: new Date(T0) }],
            }),
        entraExtend: () =>
            roleRequests.push({
                action: 'adminExtend',
                status: 'Provisioned',
                ticketInfo: { ticketNumber: 'RITM0010001' },
            }),
        openIncident: () =>
            tables[PLATFORM_TABLE.incident]!.push({ state: '2', correlation_id: 'x_gbg_breakglass:grant:g1' }),
        setNow: (ms: number) => (now = ms),
    }
}

describe('simulator invariant: cancel (a request cancelled before it started is never granted)', () => {
    it('accepts a cancelled request with nothing at the provider', () => {
        const w = setup({ state: 'cancelled', lifecycle: { cancelAfterMs: 1000, cancelledAt: T0 } })
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })

    it('reports a provider grant for a cancelled request', () => {
        const w = setup({ state: 'cancelled', lifecycle: { cancelAfterMs: 1000, cancelledAt: T0 } })
        w.grantAtWebhook()
        w.invariants.check()
        expect(w.violations()).toEqual([
            'cancel: webhook grant BGA0001001 for L1, which was cancelled before it started',
        ])
    })

    it('reports a cancelled request that moved on (granting after the cancel)', () => {
        const w = setup({ state: 'granting', lifecycle: { cancelAfterMs: 1000, cancelledAt: T0 } })
        w.invariants.check()
        expect(w.violations()).toEqual(['cancel: L1 (BGA0001001) was cancelled before it started but is now granting'])
    })

    it('a cancel that came too late (refused: the grant had started) is judged as an ordinary grant', () => {
        const w = setup({ lifecycle: { cancelAfterMs: 30_000 } })
        w.grantAtWebhook()
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })
})

describe('simulator invariant: ticket-close (access ends within the grace of its incident being resolved)', () => {
    const closedAt = T0 + 2 * MIN

    it('accepts access still alive within the grace after the incident was resolved', () => {
        const w = setup({ lifecycle: { ticketClosedAt: closedAt } })
        w.grantAtWebhook()
        w.setNow(closedAt + GRACE_MS - MIN)
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })

    it('reports access alive past the resolution + grace (before the planned expiry) with no incident open', () => {
        const w = setup({ expiresAt: T0 + 60 * MIN, planMinutes: 60, lifecycle: { ticketClosedAt: closedAt } })
        w.grantAtWebhook()
        w.setNow(closedAt + GRACE_MS + MIN)
        w.invariants.check()
        expect(w.violations()).toEqual([
            'ticket-close: L1 (BGA0001001, webhook, state active) still has access 16 min after its incident was resolved, no incident open',
        ])
    })

    it('accepts it when an incident is open for the grant (SecOps have it)', () => {
        const w = setup({ expiresAt: T0 + 60 * MIN, planMinutes: 60, lifecycle: { ticketClosedAt: closedAt } })
        w.grantAtWebhook()
        w.openIncident()
        w.setNow(closedAt + GRACE_MS + MIN)
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })

    it('an active grant whose incident was resolved may lose its access (no overlap violation)', () => {
        const w = setup({ expiresAt: T0 + 60 * MIN, planMinutes: 60, lifecycle: { ticketClosedAt: closedAt } })
        w.setNow(closedAt + MIN)
        w.invariants.check()
        expect(w.violations()).toEqual([])
        // …while the same grant without a closed ticket must keep it.
        const v = setup({ expiresAt: T0 + 60 * MIN, planMinutes: 60 })
        v.setNow(closedAt + MIN)
        v.invariants.check()
        expect(v.violations()).toEqual([
            'overlap: L1 (BGA0001001, webhook) is active until 2026-01-05T10:00:00.000Z but its access is gone',
        ])
    })
})

describe('simulator invariant: extension-approval (an extension never grants without its own approval)', () => {
    const extension = (approved: boolean) => ({ sysId: 'x1', number: 'BGA0001002', minutes: 10, approved, state: '' })

    it('accepts an expiry moved by an approved extension', () => {
        const w = setup({ expiresAt: T0 + 20 * MIN, lifecycle: { extension: extension(true) } })
        w.grantAtWebhook()
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })

    it('reports an expiry beyond the approved plan with no approved extension', () => {
        const w = setup({ expiresAt: T0 + 20 * MIN, lifecycle: { extension: extension(false) } })
        w.grantAtWebhook()
        w.invariants.check()
        expect(w.violations()).toEqual([
            'extension-approval: L1 (BGA0001001) expires at 2026-01-05T09:20:00.000Z, beyond its approved 10 min from 2026-01-05T09:00:00.000Z',
        ])
    })

    it('reports an expiry beyond the plan + the approved extension', () => {
        const w = setup({ expiresAt: T0 + 30 * MIN, lifecycle: { extension: extension(true) } })
        w.grantAtWebhook()
        w.invariants.check()
        expect(w.violations()[0]).toContain('beyond its approved 10 min + 10 min extension')
    })

    it('reports an extension record executed though nobody approved it', () => {
        const w = setup({ lifecycle: { extension: extension(false) } })
        w.grantAtWebhook()
        w.extension[GRANT_FIELDS.state] = 'active'
        w.invariants.check()
        expect(w.violations()).toEqual([
            "extension-approval: L1's extension BGA0001002 is active though nobody approved it",
        ])
    })

    it("reports an in-place extension at Entra (adminExtend on the grant's ticket) that nobody approved, not an approved one", () => {
        const unapproved = setup({ lifecycle: { extension: extension(false) } })
        unapproved.grantAtWebhook()
        unapproved.entraExtend()
        unapproved.invariants.check()
        expect(unapproved.violations()).toEqual([
            'extension-approval: an Entra adminExtend (RITM0010001) for L1 whose extension nobody approved',
        ])
        const approved = setup({ lifecycle: { extension: extension(true) } })
        approved.grantAtWebhook()
        approved.entraExtend()
        approved.invariants.check()
        expect(approved.violations()).toEqual([])
    })

    it('reports a webhook grant extended in place by an extension nobody approved (or of another grant)', () => {
        const unapproved = setup({ lifecycle: { extension: extension(false) } })
        unapproved.grantAtWebhook()
        unapproved.webhookExtend('BGA0001002')
        unapproved.invariants.check()
        expect(unapproved.violations()).toEqual([
            'extension-approval: webhook grant BGA0001001 extended by BGA0001002 for L1 whose extension nobody approved',
        ])
        const other = setup({ lifecycle: { extension: extension(true) } })
        other.grantAtWebhook()
        other.webhookExtend('BGA0009999')
        other.invariants.check()
        expect(other.violations()).toHaveLength(1)
        const approved = setup({ lifecycle: { extension: extension(true) } })
        approved.grantAtWebhook()
        approved.webhookExtend('BGA0001002')
        approved.invariants.check()
        expect(approved.violations()).toEqual([])
    })
})
