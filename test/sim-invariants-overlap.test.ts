/**
 * The simulator's overlap invariant and grants that found their access held outside this system (test/sim/
 * invariants.ts, docs/simulation.md finding 13). Seed long-4, worlds 78 and 118: Entra group grants granted while the
 * person was a plain member (re-added out of band at another revoke) lost that access when SecOps removed the stray
 * membership. Grants that recorded a share of an assignment nobody of this system made (before the provider fix)
 * stay violations; a grant whose evidence says drift, with its incident open, made nothing and lost nothing of
 * this system's.
 */
import { describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { judgeOne } from './sim/one-lifecycle'
import type { SimWorld } from './sim/world'

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0)
const MIN = 60_000
const glide = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

/** An active Entra group grant (T0 to T0 + 30 min) whose person is no member of the group any more. */
function setup(evidence: Record<string, unknown>, incident: boolean) {
    const grant: Record<string, string> = {
        sys_id: 'g1',
        [GRANT_FIELDS.state]: 'active',
        [GRANT_FIELDS.grantedAt]: glide(T0),
        [GRANT_FIELDS.expiresAt]: glide(T0 + 30 * MIN),
        [GRANT_FIELDS.evidence]: JSON.stringify(evidence),
    }
    const incidents = incident ? [{ sys_id: 'i1', state: '1', correlation_id: 'drift:g1' }] : []
    const tables: Record<string, Record<string, string>[]> = {
        [TABLE.grant]: [grant],
        [PLATFORM_TABLE.incident]: incidents,
    }
    const store = {
        get: (table: string, id: string) => tables[table]?.find((r) => r['sys_id'] === id),
        list: (table: string, pred: (r: Record<string, string>) => boolean) => (tables[table] ?? []).filter(pred),
    }
    const sim = {
        appWorld: { world: { sn: { store }, webhook: { grants: new Map() } } },
        graph: { state: { roleRequests: [], groupRequests: [], listRoleInstances: () => [], members: () => [] } },
        ids: { userId: 'u1', groupId: 'grp', roleId: 'role' },
        epm: { requests: new Map(), computers: new Map() },
        env: () => ({}),
    } as unknown as SimWorld
    const { invariants, result } = judgeOne(sim, () => T0 + 10 * MIN, {
        kind: 'entra-group',
        durationMinutes: 30,
        orderedAt: T0,
    })
    invariants.check()
    return result.violations.map((v) => v.invariant)
}

describe('simulator overlap invariant, access held outside this system', () => {
    it('an active grant whose assignment is gone is a violation', () => {
        expect(setup({ principalId: 'u1' }, false)).toEqual(['overlap'])
    })

    it('a grant that recorded a share of another grant’s assignment is a violation when it is gone', () => {
        expect(setup({ sharedWith: ['g0'] }, true)).toEqual(['overlap'])
    })

    it('a drift grant (nothing made, outside access found) with its incident open: not a violation', () => {
        expect(setup({ drift: true, external: true }, true)).toEqual([])
    })

    it('a drift grant nobody was told about: still a violation', () => {
        expect(setup({ drift: true, external: true }, false)).toEqual(['overlap'])
    })
})
