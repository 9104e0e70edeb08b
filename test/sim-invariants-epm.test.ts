/**
 * The simulator's invariants judged on BeyondTrust EPM state (test/sim/invariants.ts): each broken on purpose —
 * a session nobody approved, one on another computer, two for one request, a session alive past its end, a revoke
 * EPM does not show — must be reported; the legitimate states must not. The world is a minimal stand-in holding
 * only what the invariants read (ServiceNow records, the EPM emulator's requests and computers).
 */
import { describe, expect, it } from 'vitest'
import { GRANT_FIELDS, TABLE, planDigest, type ExecutionPlan } from '@gbg/shared'
import type { EmulatedComputer, EmulatedRequest } from './emulators/epm'
import { judgeOne } from './sim/one-lifecycle'
import type { SimWorld } from './sim/world'

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0)
const glide = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

function setup(options: { state?: string; expiresAt?: number; evidence?: unknown } = {}) {
    const plan = {
        provider: 'epm',
        grantNumber: 'BGA0001001',
        principal: { userName: 'alex.rivera', email: 'alex@contoso.example' },
        target: { kind: 'device_local_admin', deviceName: 'WS-SIM-0-00001' },
    } as unknown as ExecutionPlan
    const grant: Record<string, string> = {
        sys_id: 'g1',
        [GRANT_FIELDS.state]: options.state ?? 'active',
        [GRANT_FIELDS.plan]: JSON.stringify(plan),
        [GRANT_FIELDS.planDigest]: planDigest(plan),
        [GRANT_FIELDS.grantedAt]: glide(T0),
        [GRANT_FIELDS.expiresAt]: glide(options.expiresAt ?? T0 + 10 * 60_000),
        [GRANT_FIELDS.evidence]: JSON.stringify(options.evidence ?? {}),
    }
    const tables: Record<string, Record<string, string>[]> = { [TABLE.grant]: [grant] }
    const store = {
        get: (table: string, id: string) => tables[table]?.find((r) => r['sys_id'] === id),
        list: (table: string, pred: (r: Record<string, string>) => boolean) => (tables[table] ?? []).filter(pred),
    }
    const computers = new Map<string, EmulatedComputer>()
    const addComputer = (id: string, hostName: string): void => {
        computers.set(id, { id, hostName, state: 'Authorised', lastConnected: new Date(T0), createdOn: new Date(T0) })
    }
    addComputer('c1', 'WS-SIM-0-00001')
    addComputer('c2', 'WS-OTHER')
    const requests = new Map<string, EmulatedRequest>()
    const addRequest = (id: string, r: Partial<EmulatedRequest>): EmulatedRequest => {
        const request: EmulatedRequest = {
            id,
            computerId: 'c1',
            userId: null,
            userName: 'alex.rivera',
            reason: '',
            systemId: '',
            ticketId: 'RITM0010001',
            ticketUrl: '',
            decision: 'Approved',
            durationSeconds: 600,
            decisionTime: new Date(T0),
            decisionPerformedByUser: 'ServiceNow break-glass',
            message: '',
            createdOn: new Date(T0),
            modifiedOn: new Date(T0),
            sessionIdentifier: id,
            ...r,
        }
        requests.set(id, request)
        return request
    }
    let now = T0 + 60_000
    const sim = {
        appWorld: { world: { sn: { store }, webhook: { grants: new Map() } } },
        graph: { state: { roleRequests: [], groupRequests: [], listRoleInstances: () => [], members: () => [] } },
        ids: { userId: 'u1', groupId: 'grp', roleId: 'role' },
        epm: { requests, computers },
        env: () => ({}),
    } as unknown as SimWorld
    const { invariants, result } = judgeOne(sim, () => now, { kind: 'epm', durationMinutes: 10, orderedAt: T0 })
    const violations = () => result.violations.map((v) => `${v.invariant}: ${v.message}`)
    return { addRequest, invariants, violations, setNow: (ms: number) => (now = ms) }
}

describe('simulator invariants on EPM', () => {
    it('accepts one approved session of the approved request on its computer', () => {
        const w = setup()
        w.addRequest('e1', {})
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })

    it('reports an EPM session that belongs to no simulated request (approval-route)', () => {
        const w = setup()
        w.addRequest('e1', {})
        w.addRequest('rogue', { ticketId: 'RITM0099999' })
        w.invariants.check()
        expect(w.violations()).toEqual([
            'approval-route: EPM admin access request rogue (RITM0099999) at the provider belongs to no simulated request',
        ])
    })

    it('reports a session of our ticket on another computer (approval-route)', () => {
        const w = setup()
        w.addRequest('e1', { computerId: 'c2' })
        w.invariants.check()
        expect(w.violations()).toEqual([
            'approval-route: EPM admin access request e1 (RITM0010001) for L1 does not match its approved plan',
        ])
    })

    it('reports two sessions for one approved request, even after the first was ended (single-grant)', () => {
        const w = setup()
        const first = w.addRequest('e1', {})
        w.invariants.check()
        first.decision = 'Denied'
        w.addRequest('e2', {})
        w.invariants.check()
        expect(w.violations()).toEqual(['single-grant: L1 was granted 2 times at the provider'])
    })

    it('reports a session still approved past the grant end + grace with no incident (expiry)', () => {
        const w = setup()
        w.addRequest('e1', { durationSeconds: 86_400 })
        w.setNow(T0 + 10 * 60_000 + 16 * 60_000)
        w.invariants.check()
        expect(w.violations()).toEqual([
            'expiry: L1 (BGA0001001, epm, state active) still has access 16 min after its end, no incident open',
        ])
    })

    it('does not count a session EPM ended at its own expiry (native clock)', () => {
        const w = setup()
        w.addRequest('e1', { durationSeconds: 600 })
        w.setNow(T0 + 40 * 60_000)
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })

    it('reports a grant marked revoked while EPM still shows the session approved (revoke-readback)', () => {
        const w = setup({ state: 'revoked', evidence: { present: false } })
        w.addRequest('e1', {})
        w.invariants.check()
        expect(w.violations()).toEqual(['revoke-readback: L1 marked revoked but the provider still shows the access'])
    })

    it('accepts a revoked grant whose EPM request was ended early (Denied)', () => {
        const w = setup({ state: 'revoked', evidence: { present: false } })
        w.addRequest('e1', {}).decision = 'Denied'
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })
})
