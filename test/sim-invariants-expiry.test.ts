/**
 * The simulator's expiry invariant on access someone re-added out of band (test/sim/invariants.ts, docs/simulation.md
 * finding 12). Seed long-4 (worlds 56, 58, 81, 88, 180, 248 on the code of 2026-12-03 00:00): after "Revoke now" had
 * revoked a grant, the revoke scheduled at its original expiry ran later still, and the simulated someone re-added
 * the access at that revoke — 17 to 75 minutes past the grant's end, so the invariant (end + 15 min grace, judged on
 * the grant's end) reported it the instant it appeared, before any system could have seen it. Access this system
 * did not grant is due an incident 15 minutes after it appears; the grant's own access still after its end.
 */
import { describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { GRACE_MS } from './sim/invariants'
import { judgeOne } from './sim/one-lifecycle'
import type { SimWorld } from './sim/world'

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0)
const MIN = 60_000
const glide = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

/** An Entra role grant revoked by "Revoke now" at T0 + 10 min; it would have expired at T0 + 40 min. */
function setup() {
    const grant: Record<string, string> = {
        sys_id: 'g1',
        [GRANT_FIELDS.state]: 'revoked',
        [GRANT_FIELDS.grantedAt]: glide(T0),
        [GRANT_FIELDS.expiresAt]: glide(T0 + 40 * MIN),
        [GRANT_FIELDS.evidence]: JSON.stringify({ present: false }),
    }
    const tables: Record<string, Record<string, string>[]> = { [TABLE.grant]: [grant], [PLATFORM_TABLE.incident]: [] }
    const store = {
        get: (table: string, id: string) => tables[table]?.find((r) => r['sys_id'] === id),
        list: (table: string, pred: (r: Record<string, string>) => boolean) => (tables[table] ?? []).filter(pred),
    }
    /** The role instance the person holds (none: the revoke removed it). */
    let held = false
    const sim = {
        appWorld: { world: { sn: { store }, webhook: { grants: new Map() } } },
        graph: {
            state: {
                roleRequests: [],
                groupRequests: [],
                listRoleInstances: () => (held ? [{ principalId: 'u1', endDateTime: null }] : []),
                members: () => [],
            },
        },
        ids: { userId: 'u1', groupId: 'grp', roleId: 'role' },
        epm: { requests: new Map(), computers: new Map() },
        env: () => ({}),
    } as unknown as SimWorld
    let now = T0 + 10 * MIN
    const { lifecycle, invariants, result } = judgeOne(sim, () => now, {
        kind: 'entra-role',
        durationMinutes: 40,
        orderedAt: T0,
        revokeNowAt: T0 + 10 * MIN,
        roleId: 'role',
    })
    // The revoke's read-back, judged once when the grant turned revoked (nothing held then).
    invariants.check()
    return {
        lifecycle,
        invariants,
        violations: () => result.violations.map((v) => v.invariant),
        at: (ms: number) => (now = ms),
        hold: (v: boolean) => (held = v),
        openIncident: () =>
            tables[PLATFORM_TABLE.incident]!.push({ sys_id: 'i1', state: '1', correlation_id: 'revoke_failed:g1' }),
    }
}

/** Someone re-adds the access at the late revoke (what FaultInjector.maybeReAdd records). */
function reAdd(w: ReturnType<typeof setup>, at: number): void {
    w.at(at)
    w.hold(true)
    w.lifecycle.reAdded = true
    w.lifecycle.strayAccess = true
    w.lifecycle.reAddedAt = at
}

describe('simulator expiry invariant, access re-added out of band', () => {
    it('re-added past the grant’s end + grace: no violation the instant it appears', () => {
        const w = setup()
        reAdd(w, T0 + 40 * MIN)
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })

    it('still there with no incident a grace after it appeared: a violation', () => {
        const w = setup()
        reAdd(w, T0 + 40 * MIN)
        w.invariants.check()
        w.at(T0 + 40 * MIN + GRACE_MS + 1_000)
        w.invariants.check()
        expect(w.violations()).toEqual(['expiry'])
    })

    it('still there with an incident open for the grant: accounted for', () => {
        const w = setup()
        reAdd(w, T0 + 40 * MIN)
        w.openIncident()
        w.at(T0 + 40 * MIN + GRACE_MS + 1_000)
        w.invariants.check()
        expect(w.violations()).toEqual([])
    })

    it('the grant’s own access past its end + grace (nothing re-added) is still a violation', () => {
        const w = setup()
        w.hold(true)
        w.at(T0 + 10 * MIN + GRACE_MS + 1_000)
        w.invariants.check()
        expect(w.violations()).toContain('expiry')
    })
})
