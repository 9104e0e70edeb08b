/**
 * Fault injection of the simulator, each kind with a base rate scaled by `--faults P`, through the emulators'
 * own fault APIs (one rule per injected fault, armed at a PRNG-chosen instant and consumed by the next matching
 * request; the emulators' own `rate` — Math.random — is never used):
 *
 * - ServiceNow: 429 with Retry-After, 500 / 502 / 503, the connection dropped after the write was applied, the
 *   connection dropped before the request was processed (what a client timeout looks like), an expired OAuth
 *   token.
 * - Providers (webhook, Graph): 5xx / 429, a request lost before it was applied (timeout), a response lost after
 *   the change was applied, an expired Graph token; access re-added by someone at the revoke (Entra: a permanent
 *   role assignment or a direct group membership added out of band; SecOps removes it once an incident is raised).
 * - BeyondTrust EPM: 500 / 429 / 503 on its Management API, a create or decision whose response is lost after
 *   EPM applied it.
 * - Teams: the notification webhook failing.
 * - Executor: a crash at a journal step (the in-process service force-stopped from its own event — no production
 *   hook), a restart on the same journal or on a lost (deleted) one, clock skew against the instance.
 * - The watchdog job run at a grant's expiry instant, racing the executor's revoke.
 *
 * Test code only.
 */
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import type { Agenda } from './agenda'
import { incidentOpenFor } from './invariants'
import type { Prng } from './prng'
import type { Lifecycle, SimResult } from './run'
import type { SimWorld } from './world'

export type FaultKind =
    | 'sn_429'
    | 'sn_5xx'
    | 'sn_drop_after_write'
    | 'sn_timeout'
    | 'sn_expired_token'
    | 'webhook_error'
    | 'webhook_timeout'
    | 'webhook_lost_response'
    | 'graph_error'
    | 'graph_timeout'
    | 'graph_lost_response'
    | 'graph_expired_token'
    | 'teams_error'
    | 'watchdog_race'
    | 'epm_error'
    | 'epm_lost_response'

/** Probability per fault tick (about every 30 s of virtual time) at `--faults 1`. */
const BASE_RATE: Record<FaultKind, number> = {
    sn_429: 0.3,
    sn_5xx: 0.3,
    sn_drop_after_write: 0.2,
    sn_timeout: 0.1,
    sn_expired_token: 0.05,
    webhook_error: 0.2,
    webhook_timeout: 0.1,
    webhook_lost_response: 0.1,
    graph_error: 0.2,
    graph_timeout: 0.1,
    graph_lost_response: 0.1,
    graph_expired_token: 0.05,
    teams_error: 0.1,
    watchdog_race: 0.2,
    epm_error: 0.2,
    epm_lost_response: 0.1,
}
/** Chance of a crash at each journal step event, at `--faults 1`. */
const CRASH_RATE = 0.03
/** Chance that someone re-adds Entra access at a revoke, at `--faults 1`. */
const RE_ADD_RATE = 0.1

export class FaultInjector {
    private active = true
    /** Lifecycles at whose revoke someone re-added access that SecOps have not removed yet. */
    private strays: Lifecycle[] = []
    /** Set by the run: one extra watchdog run. */
    onWatchdogRace: () => void = () => undefined

    constructor(
        private readonly prng: Prng,
        private readonly rate: number,
        /** Fault kinds enabled (all when empty); the draws are made either way, so a filter keeps the workload. */
        private readonly only: readonly string[],
        private readonly sim: SimWorld,
        private readonly result: SimResult,
        private readonly trace: (line: string) => void,
    ) {}

    /** Whether `kind` is enabled (`--only`). */
    enabled(kind: string): boolean {
        return this.only.length === 0 || this.only.includes(kind)
    }

    /** A race or a hit observed (not a draw): e.g. an armed EPM fault met a call. */
    observe(what: string): void {
        this.result.observed[what] = (this.result.observed[what] ?? 0) + 1
    }

    count(kind: string): void {
        this.result.faults[kind] = (this.result.faults[kind] ?? 0) + 1
    }

    /** Epoch ms of a glide date-time ('' → undefined). */
    parseTime(value: string | undefined): number | undefined {
        return parseGlideDateTime(value ?? '')?.getTime()
    }

    /** Whether the executor crashes at this journal step. */
    crashHere(step: string): boolean {
        void step
        return this.active && this.prng.chance(this.rate * CRASH_RATE) && this.enabled('executor_crash')
    }

    /**
     * At a revoke of an Entra grant: maybe someone re-adds the access out of band. When an incident is already open
     * for the grant (raised before the re-add: no new one will come), SecOps working it find the stray access too.
     */
    maybeReAdd(l: Lifecycle | undefined, agenda: Agenda, now: number): void {
        if (!l || !this.active || l.kind === 'webhook' || l.kind === 'epm' || l.reAdded) return
        if (!this.prng.chance(this.rate * RE_ADD_RATE) || !this.enabled('access_re_added')) return
        const { graph, ids } = this.sim
        l.reAdded = true
        l.strayAccess = true
        this.strays.push(l)
        if (l.kind === 'entra-role') graph.addPermanentAssignment(ids.userId, l.roleId ?? ids.roleId)
        else graph.addDirectMember(ids.groupId, ids.userId)
        this.count('access_re_added')
        this.trace(`someone re-added ${l.kind} access at the revoke of ${l.label}`)
        if (incidentOpenFor(this.sim.appWorld.world.sn, l.grantSysId)) this.onIncident(l, agenda, now)
    }

    /**
     * SecOps reacts to an incident about a grant whose access someone re-added: the stray access is removed. Also
     * when the incident is another grant's of the same person and target (finding 7b): a membership re-added at a
     * revoke that kept the shared assignment for other holders raises nothing for that grant; the last holder's
     * revoke finds it (held outside the system) and raises its incident, and SecOps working it find the stray.
     */
    onIncident(l: Lifecycle | undefined, agenda: Agenda, now: number): void {
        if (!l) return
        const sameTarget = (o: Lifecycle) => o.kind === l.kind && o.roleId === l.roleId
        if (!l.reAdded && !this.strays.some((o) => o.strayAccess && sameTarget(o))) return
        agenda.at(now + this.prng.int(60_000, 15 * 60_000), `secops cleans ${l.label}`, () => this.cleanUp(l))
    }

    /** Removes every out-of-band assignment / membership of the requester (what SecOps does by hand). */
    cleanUp(l: Lifecycle): void {
        const { graph, ids } = this.sim
        const state = graph.state
        const before = state.roleInstances.length + (state.directMembers.get(ids.groupId)?.size ?? 0)
        state.roleInstances = state.roleInstances.filter(
            (i) => !(i.principalId === ids.userId && i.endDateTime === null),
        )
        state.directMembers.get(ids.groupId)?.delete(ids.userId)
        const after = state.roleInstances.length + (state.directMembers.get(ids.groupId)?.size ?? 0)
        if (before !== after) this.trace(`SecOps removed the out-of-band access found for ${l.label}`)
        // Every out-of-band assignment / membership of the requester is gone, whichever revoke it was added at.
        for (const stray of this.strays) stray.strayAccess = false
        this.strays = []
    }

    /** Arms faults at PRNG-chosen ticks from `start` until the run is finishing. */
    schedule(agenda: Agenda, start: number, until: number, finishing: () => boolean): void {
        const tick = (): void => {
            if (!this.active || finishing()) return
            for (const kind of Object.keys(BASE_RATE) as FaultKind[]) {
                if (this.prng.chance(this.rate * BASE_RATE[kind]) && this.enabled(kind)) this.inject(kind, agenda)
            }
            agenda.at(this.clockNow() + this.prng.int(5_000, 55_000), 'fault tick', tick)
        }
        this.clockNow = () => this.sim.appWorld.world.now().getTime()
        void until
        agenda.at(start + this.prng.int(5_000, 55_000), 'fault tick', tick)
    }

    private clockNow: () => number = () => 0

    /** Stops injecting and removes every armed rule (the run drains without faults). */
    stop(): void {
        this.active = false
        this.sim.appWorld.world.sn.faults.clear()
        this.sim.appWorld.world.webhook.faults.clear()
        this.sim.graph.faults.clear()
        this.sim.teams.faults.clear()
        this.sim.epm.faults.clear()
    }

    private inject(kind: FaultKind, agenda: Agenda): void {
        const { sn, webhook } = this.sim.appWorld.world
        const { graph, teams, epm } = this.sim
        const p = this.prng
        const times = p.int(1, 3)
        // The Table / Attachment APIs only: the token endpoint is not rate limited and answers in its own format.
        const api = /^\/api\/now\//
        switch (kind) {
            case 'sn_429':
                sn.faults.add({ path: api, method: p.pick(['GET', 'POST', 'PATCH']), status: 429, retryAfterSeconds: p.int(1, 30), times })
                break
            case 'sn_5xx':
                sn.faults.add({ path: api, method: p.pick(['GET', 'POST', 'PATCH']), status: p.pick([500, 502, 503] as const), times })
                break
            case 'sn_drop_after_write':
                sn.faults.add({ path: api, method: p.pick(['POST', 'PATCH']), dropAfterWrite: true, times: 1 })
                break
            case 'sn_timeout':
                sn.faults.add({ path: api, method: p.pick(['GET', 'POST', 'PATCH']), dropBeforeProcessing: true, times: 1 })
                break
            case 'sn_expired_token':
                // At this instant (not a rule on a later request: rules injected while nobody calls would pile up
                // and expire the refreshed token too — two early expiries back to back, which is not this fault).
                sn.expireTokens()
                break
            case 'webhook_error': {
                const status = p.pick([500, 502, 503, 429])
                webhook.faults.add({
                    method: p.pick(['GET', 'POST', 'DELETE']),
                    status,
                    ...(status === 429 || status === 503 ? { retryAfterSeconds: p.int(1, 20) } : {}),
                    times,
                })
                break
            }
            case 'webhook_timeout':
                webhook.faults.add({ method: p.pick(['GET', 'POST', 'DELETE']), dropBeforeApply: true, times: 1 })
                break
            case 'webhook_lost_response':
                webhook.faults.add({ method: p.pick(['POST', 'DELETE']), dropAfterApply: true, times: 1 })
                break
            case 'graph_error': {
                // At most one Graph rule armed at a time, as for EPM: Graph is called only while an Entra lifecycle
                // is granted / revoked / verified, so rules armed during a long quiet stretch piled up and failed one
                // revoke's every attempt for hours (finding 12).
                graph.faults.clear()
                const status = p.pick([500, 503, 429])
                graph.faults.add({
                    path: /^\/v1\.0\//,
                    status,
                    ...(status !== 500 ? { retryAfterSeconds: p.int(1, 20) } : {}),
                    times,
                })
                break
            }
            case 'graph_timeout':
                graph.faults.clear()
                graph.faults.add({ path: /^\/v1\.0\//, dropBeforeApply: true, times: 1 })
                break
            case 'graph_lost_response':
                graph.faults.clear()
                graph.faults.add({ method: 'POST', path: /Requests$/, dropAfterApply: true, times: 1 })
                break
            case 'graph_expired_token':
                // At this instant (finding 3: rules queued while no Graph call happened expired the token fetched
                // after the first 401 as well, so the client's one refresh met a second expiry and failed the grant).
                graph.expireTokens()
                break
            case 'teams_error':
                teams.faults.add({ status: p.pick([500, 502, 429]), times: 1 })
                break
            case 'epm_error': {
                // At most one EPM rule armed at a time: EPM is called only while an EPM lifecycle runs, so rules
                // armed in between would pile up and fail its first calls far beyond the injected rate.
                epm.faults.clear()
                const status = p.pick([500, 429, 503])
                epm.faults.add({
                    path: /^\/management-api\//,
                    method: p.pick(['GET', 'POST']),
                    status,
                    ...(status !== 500 ? { retryAfterSeconds: p.int(1, 20) } : {}),
                    times,
                    before: () => this.observe('epm_fault_hit'),
                })
                break
            }
            case 'epm_lost_response':
                epm.faults.clear()
                // The create or the decision (end early) applied by EPM, its answer lost on the way back.
                epm.faults.add({
                    method: 'POST',
                    path: /^\/management-api\/v[23]\/AdminAccessRequest/,
                    dropAfterApply: true,
                    times: 1,
                    before: () => this.observe('epm_fault_hit'),
                })
                break
            case 'watchdog_race': {
                const now = this.clockNow()
                const active = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.state] === 'active')
                if (active.length === 0) return
                const at = this.parseTime(p.pick(active)[GRANT_FIELDS.expiresAt])
                if (at === undefined || at < now) return
                agenda.at(at + p.int(0, 2_000), 'watchdog race', () => this.onWatchdogRace())
                break
            }
        }
        this.count(kind)
    }
}
