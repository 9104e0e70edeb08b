/**
 * The invariants over one hand-made lifecycle (L1, grant g1, RITM r1) against a stand-in world: what the
 * sim-invariants-*.test.ts files break on purpose. Test code only.
 */
import { Invariants } from './invariants'
import type { Lifecycle, SimResult } from './run'
import type { SimWorld } from './world'
import type { VirtualClock } from '../support/virtual-clock'

/** `lifecycle`: its kind, duration and order time, and whatever else the test sets (revokeNowAt, roleId …). */
export function judgeOne(
    sim: SimWorld,
    nowMs: () => number,
    lifecycle: Pick<Lifecycle, 'kind' | 'durationMinutes' | 'orderedAt'> & Partial<Lifecycle>,
): { lifecycle: Lifecycle; invariants: Invariants; result: SimResult } {
    const l: Lifecycle = {
        id: 1,
        label: 'L1',
        path: 'human',
        ritmSysId: 'r1',
        ritmNumber: 'RITM0010001',
        grantSysId: 'g1',
        grantNumber: 'BGA0001001',
        approved: true,
        final: '',
        ...lifecycle,
    }
    const clock = { nowMs } as unknown as VirtualClock
    const result = { violations: [], trace: [] } as unknown as SimResult
    const invariants = new Invariants(sim, clock, [l], new Map([['g1', l]]), () => undefined, result, 'seed', 0)
    return { lifecycle: l, invariants, result }
}
