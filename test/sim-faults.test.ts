/**
 * The simulator's fault injector (test/sim/faults.ts) keeps at most one armed rule per system (docs/simulation.md
 * finding 11). A rule waits for the next matching request; before, rules armed while a system was called rarely
 * piled up — at the end of a world (seed long-4, worlds 203 and 219) one Entra revoke retrying every few minutes
 * met a queued Graph fault at every attempt for two hours (60 failures, every one an injected fault on its first
 * call) and the world did not converge. The emulators' fault APIs are modelled by their `add` / `clear` contract:
 * a rule is consumed `times` times by matching requests, `clear` drops every rule.
 */
import { describe, expect, it } from 'vitest'
import { Agenda } from './sim/agenda'
import { FaultInjector } from './sim/faults'
import { Prng } from './sim/prng'
import type { SimResult } from './sim/run'
import type { SimWorld } from './sim/world'

/** An emulator's fault list: what is still armed, as the number of requests it would fail. */
class Rules {
    private rules: { times?: number }[] = []
    add(rule: { times?: number }): void {
        this.rules.push(rule)
    }
    clear(): void {
        this.rules = []
    }
    /** Requests the armed rules would still fail (a rule without `times` fails one request here). */
    get pendingFailures(): number {
        return this.rules.reduce((n, r) => n + (r.times ?? 1), 0)
    }
}

function world(clock: { now: number }) {
    const sn = { faults: new Rules(), expireTokens: () => undefined, store: { list: () => [] } }
    const webhook = { faults: new Rules() }
    const graph = { faults: new Rules(), expireTokens: () => undefined }
    const teams = { faults: new Rules() }
    const epm = { faults: new Rules() }
    const appWorld = { world: { sn, webhook, now: () => new Date(clock.now) } }
    return { sim: { appWorld, graph, teams, epm }, systems: { sn, webhook, graph, teams, epm } }
}

describe('simulator fault injection', () => {
    it('two hours of fault ticks with no request arm at most one rule per system (no pile-up)', async () => {
        // setup: nobody calls any system (the tail of a world: one revoke backing off between attempts)
        const clock = { now: Date.parse('2026-07-27T11:00:00Z') }
        const { sim, systems } = world(clock)
        const result = { faults: {}, observed: {} } as SimResult
        const faults = new FaultInjector(
            new Prng('pile-up'),
            1,
            [],
            sim as unknown as SimWorld,
            result,
            () => undefined,
        )
        const agenda = new Agenda()
        faults.schedule(agenda, clock.now, clock.now, () => false)
        // execution: every tick of two hours of virtual time
        const end = clock.now + 2 * 60 * 60_000
        for (let next = agenda.next(); next !== undefined && next <= end; next = agenda.next()) {
            clock.now = next
            for (const item of agenda.due(next)) await item.run()
        }
        // validation: many faults were injected, yet the next requests to each system fail at most 3 times (one
        // rule, `times` ≤ 3); before, every rule armed in those two hours was still waiting
        const injected = Object.values(result.faults).reduce((a, b) => a + b, 0)
        expect(injected).toBeGreaterThan(100)
        expect(result.faults['graph_error']).toBeGreaterThan(10)
        for (const [name, s] of Object.entries(systems)) {
            expect(s.faults.pendingFailures, name).toBeLessThanOrEqual(3)
        }
    })
})
