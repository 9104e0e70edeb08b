/**
 * The simulated SecOps (test/sim/faults.ts): out-of-band access re-added at a revoke is removed once an incident
 * reports it — the incident of the lifecycle it was re-added at, or (finding 7b, docs/simulation.md) the incident of
 * another grant of the same person and target: the last holder of a shared assignment, whose revoke finds the
 * membership held outside the system. Before, SecOps waited for the re-added lifecycle's own incident, which never
 * came when its revoke had kept the shared assignment for other holders, and the world never converged.
 */
import { describe, expect, it } from 'vitest'
import { Agenda } from './sim/agenda'
import { FaultInjector } from './sim/faults'
import { Prng } from './sim/prng'
import type { Lifecycle, SimResult } from './sim/run'
import type { SimWorld } from './sim/world'

const GROUP = 'group-1'
const USER = 'user-1'

/** The parts of a world SecOps touch: Graph's direct members and role instances, the instance's incidents (none). */
function world() {
    const directMembers = new Map<string, Set<string>>([[GROUP, new Set<string>()]])
    const graph = {
        state: { roleInstances: [] as { principalId: string; endDateTime: string | null }[], directMembers },
        addDirectMember: (g: string, u: string) => directMembers.get(g)!.add(u),
        addPermanentAssignment: () => undefined,
    }
    const sn = { store: { list: () => [] } }
    return { graph, ids: { userId: USER, groupId: GROUP, roleId: 'role-1' }, appWorld: { world: { sn } } }
}

function lifecycle(id: number, kind: Lifecycle['kind']): Lifecycle {
    return { id, label: `L${id}`, kind, grantSysId: `g${id}` } as Lifecycle
}

function injector(sim: ReturnType<typeof world>, trace: string[]) {
    const result = { faults: {}, observed: {} } as SimResult
    return new FaultInjector(new Prng('secops'), 1, [], sim as unknown as SimWorld, result, (l) => trace.push(l))
}

describe('simulated SecOps', () => {
    it('remove a membership re-added at a retained revoke when the last holder’s incident reports it', async () => {
        // setup: someone re-adds a plain membership at the revoke of one grant (drawn: 10 % at rate 1)
        const sim = world()
        const trace: string[] = []
        const faults = injector(sim, trace)
        const agenda = new Agenda()
        let reAdded: Lifecycle | undefined
        for (let id = 1; id < 200 && !reAdded; id++) {
            const l = lifecycle(id, 'entra-group')
            faults.maybeReAdd(l, agenda, 0)
            if (l.reAdded) reAdded = l
        }
        expect(reAdded).toBeDefined()
        expect(sim.graph.state.directMembers.get(GROUP)!.has(USER)).toBe(true)
        const lastHolder = lifecycle(1000, 'entra-group')

        // execution: the incident is the last holder's (no incident ever for the re-added lifecycle)
        faults.onIncident(lastHolder, agenda, 0)
        for (const item of agenda.due(Number.MAX_SAFE_INTEGER)) await item.run()

        // validation: SecOps found and removed the membership
        expect(sim.graph.state.directMembers.get(GROUP)!.has(USER)).toBe(false)
        expect(reAdded!.strayAccess).toBe(false)
        expect(trace.some((t) => /SecOps removed the out-of-band access found for L1000/.test(t))).toBe(true)
    })

    it('an incident of another target (or with nothing re-added) schedules nothing', () => {
        // setup
        const sim = world()
        const faults = injector(sim, [])
        const agenda = new Agenda()
        // execution
        faults.onIncident(lifecycle(1, 'entra-group'), agenda, 0)
        faults.onIncident(lifecycle(2, 'webhook'), agenda, 0)
        // validation
        expect(agenda.size).toBe(0)
    })
})
