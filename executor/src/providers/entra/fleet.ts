/**
 * The fleet's view of who holds a shared Entra assignment, read fresh from ServiceNow's grant records (the state
 * every executor replica shares) — never from one replica's journal. Two grants of the same role (or group) to the
 * same person share ONE assignment at Entra; whichever replica revokes one of them decides from these records
 * whether another grant still holds it. The protocol and its races are written down in docs/entra.md "Overlap".
 *
 * The decision rules are pure and live here ({@link liveHolders}, {@link adoptableHolders}, {@link ownStateWritten});
 * the provider (assignment.ts) applies them, the ServiceNow implementation of {@link FleetGrants} lives beside the
 * gateway (servicenow/fleet-grants.ts), and {@link InMemoryFleetGrants} stands in for it in provider unit tests.
 */
import { REVOCABLE_STATES, type ExecutionPlan, type GrantState } from '@gbg/shared'
import type { HolderProvider } from './holders'

/** One grant of this system as ServiceNow records it (only grants whose plan parses and matches its digest). */
export interface FleetGrant {
    sysId: string
    number: string
    state: GrantState
    /** The grant's expiry as written back after the grant; null while granting. */
    expiresAt: Date | null
    /** The approved plan (digest verified): principal and target are compared from it. */
    plan: ExecutionPlan
    /** Grants a finished revoke of this grant kept the shared assignment for (its evidence `retainedFor`). */
    retainedFor: string[]
}

/** Read access to the fleet's grants. Reads are fresh: a cached answer would reopen the races this exists for. */
export interface FleetGrants {
    /**
     * Grants of `userSysId` at `provider` in one of `states`, most recently updated first, at most `limit`.
     * Throws when ServiceNow cannot be read (the caller decides; it never guesses an empty fleet).
     */
    list(
        userSysId: string,
        provider: HolderProvider,
        states: readonly GrantState[],
        limit: number,
    ): Promise<FleetGrant[]>
}

/** States whose grant may hold access at a provider now (REVOCABLE_STATES: granting, active, revoking, revoke_failed). */
export const OPEN_HOLDER_STATES: readonly GrantState[] = REVOCABLE_STATES
/** How many finished (revoked) grants are read back when looking for one that kept the assignment for this grant. */
export const RETAINED_LOOKBACK = 20

/**
 * A live holder: a grant that is being granted or is active and whose expiry has not passed. A revoke keeps the
 * shared assignment only for live holders; an expired grant whose own revoke has not begun yet never keeps it
 * (expiry is the safety property: its access ends now, whoever removes it).
 */
export function isLiveHolder(g: FleetGrant, now: Date): boolean {
    if (g.state !== 'granting' && g.state !== 'active') return false
    return g.expiresAt === null || g.expiresAt.getTime() > now.getTime()
}

/** Other grants that hold the assignment now (see {@link isLiveHolder}). */
export function liveHolders(others: readonly FleetGrant[], now: Date): FleetGrant[] {
    return others.filter((g) => isLiveHolder(g, now))
}

/**
 * Grants whose existing assignment a new grant may share: every other grant being granted or active, expired or
 * not. An expired-but-active grant has not begun its revoke; that revoke reads ServiceNow after writing `revoking`,
 * so it will see this grant's `granting` and keep the assignment (the ordering argument in docs/entra.md).
 * A grant already in `revoking` may have decided to remove before this grant's `granting` was visible: never
 * adopt its assignment, wait until that revoke has finished (the caller retries).
 */
export function adoptableHolders(others: readonly FleetGrant[]): FleetGrant[] {
    return others.filter((g) => g.state === 'granting' || g.state === 'active')
}

/**
 * Is this grant's own state visible in ServiceNow, so that any replica deciding after our read sees it? For a
 * grant: `granting` (or already `active`). For a revoke: anything but `granting` / `active` before the expiry
 * (`revoking`, `revoke_failed`, `revoked`), or an expiry already passed.
 */
export function ownStateWritten(op: 'grant' | 'revoke', self: FleetGrant | undefined, now: Date): boolean {
    if (op === 'grant') return self !== undefined && (self.state === 'granting' || self.state === 'active')
    return self === undefined || !isLiveHolder(self, now)
}

/** Does `other`'s plan name the same principal and target as ours? `targetOf` is the provider's own choice. */
export function sameAccess(
    ours: ExecutionPlan,
    other: ExecutionPlan,
    targetId: string,
    targetOf: (plan: ExecutionPlan) => string,
): boolean {
    if (other.provider !== ours.provider) return false
    if (other.principal.userSysId !== ours.principal.userSysId) return false
    // The provider resolves the principal from the e-mail: a different e-mail may be another Entra object.
    if (other.principal.email.toLowerCase() !== ours.principal.email.toLowerCase()) return false
    try {
        return targetOf(other).toLowerCase() === targetId.toLowerCase()
    } catch {
        return false // a plan this provider refuses cannot be holding its assignment
    }
}

/** Test double of {@link FleetGrants}: the grant records a test sets, with their states. Never used in production. */
export class InMemoryFleetGrants implements FleetGrants {
    private readonly grants = new Map<string, FleetGrant & { updated: number }>()
    private tick = 0
    /** Calls made (tests count reads). */
    reads = 0
    /** Make the next reads fail (ServiceNow unreachable). */
    failing: Error | undefined

    /** Record (or update) the ServiceNow state of the grant of `plan`. */
    set(plan: ExecutionPlan, state: GrantState, expiresAt: Date | null = null, retainedFor: string[] = []): void {
        this.grants.set(plan.grantSysId, {
            sysId: plan.grantSysId,
            number: plan.grantNumber,
            state,
            expiresAt,
            plan,
            retainedFor,
            updated: ++this.tick,
        })
    }

    async list(
        userSysId: string,
        provider: HolderProvider,
        states: readonly GrantState[],
        limit: number,
    ): Promise<FleetGrant[]> {
        this.reads++
        if (this.failing) throw this.failing
        return [...this.grants.values()]
            .filter((g) => g.plan.principal.userSysId === userSysId && g.plan.provider === provider)
            .filter((g) => states.includes(g.state))
            .sort((a, b) => b.updated - a.updated)
            .slice(0, limit)
            .map(({ updated: _updated, ...g }) => ({ ...g }))
    }
}
