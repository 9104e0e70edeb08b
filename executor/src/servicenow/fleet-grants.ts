/**
 * The fleet's grants ({@link FleetGrants}) read from ServiceNow through the gateway: the shared state from which the
 * Entra providers decide who else holds a shared assignment, the drift scan which holders are explained, and the
 * expiry warnings which grants to warn. One read per question, never cached (docs/entra.md "Overlap").
 *
 * A grant whose stored plan does not parse or does not match its digest is left out: it can never make a revoke
 * keep access (fail closed), and the recheck gate / revoke path report the tampering on that grant itself.
 */
import { verifyPlanDigest, type GrantState, type ProviderName } from '@gbg/shared'
import type { FleetGrant, FleetGrants } from '../providers/entra/fleet'
import type { GrantRecord, ServiceNowGateway } from '../ports'

/** Convert one grant record; undefined when its plan cannot be trusted. */
export function fleetGrantOf(g: GrantRecord): FleetGrant | undefined {
    const v = verifyPlanDigest(g.plan, g.planDigest)
    if (!v.ok || v.plan.grantSysId !== g.sysId) return undefined
    // An extension record never holds access itself: its grant does, with the new end (shared extend.ts).
    if (v.plan.operation !== 'grant') return undefined
    return {
        sysId: g.sysId,
        number: g.number,
        state: g.state,
        expiresAt: g.expiresAt,
        plan: v.plan,
        retainedFor: retainedFor(g.evidence),
    }
}

/** The `retainedFor` list a finished revoke wrote into the grant's evidence (worker/revoke.ts). */
function retainedFor(evidence: string): string[] {
    if (!evidence) return []
    try {
        const parsed = JSON.parse(evidence) as { retainedFor?: unknown }
        return Array.isArray(parsed.retainedFor)
            ? parsed.retainedFor.filter((x): x is string => typeof x === 'string')
            : []
    } catch {
        return []
    }
}

/** {@link FleetGrants} over the gateway. `gateway` is a getter: the service builds providers before the client. */
export class ServiceNowFleetGrants implements FleetGrants {
    constructor(private readonly gateway: () => Pick<ServiceNowGateway, 'listUserGrants'>) {}

    async list(
        userSysId: string,
        provider: ProviderName,
        states: readonly GrantState[],
        limit: number,
    ): Promise<FleetGrant[]> {
        const rows = await this.gateway().listUserGrants(userSysId, provider, states, limit)
        return rows.map(fleetGrantOf).filter((g): g is FleetGrant => g !== undefined)
    }
}
