/**
 * The grant / revoke / verify algorithm both Entra providers share, over a small {@link AssignmentBackend}
 * (PIM for roles, PIM for Groups, plain `$ref` membership). It is read-first and reconciling. Who else holds a
 * shared assignment comes from ServiceNow's grant records (fleet.ts: every replica's grants), never from one
 * replica's journal; the journal's holder registry only remembers this replica's own writes (a lost response).
 *
 * - **grant**: resolve the principal, read the assignment. Absent → create it (PIM with an `afterDuration`
 *   expiration). Present and ours (an earlier attempt: holder registry, our grant marker, a request id in
 *   `ctx.txnIds`) → `alreadyDone`. Present and held by other open grants of this system (ServiceNow) →
 *   **overlap**: no second assignment; when this grant ends later and the backend has a native clock, extend the
 *   assignment (`adminUpdate` to the later end). Present while another grant's revoke is under way → retry after
 *   it. Present with no grant of this system behind it → held **outside** this system: change nothing, say so and
 *   set `evidence.drift = true` (the worker routes it to SecOps).
 * - **revoke**: absent → `alreadyAbsent`. Still held by another live grant (ServiceNow) → keep it, release only
 *   this grant (the last holder removes). Ours alone → remove (`adminRemove` / `DELETE …/$ref`); "does not exist"
 *   → re-read → `alreadyAbsent`; `ActiveDurationTooShort` → retryable until 5 minutes after activation. Held
 *   outside the system → nothing removed, drift flagged.
 * - **verify**: what the provider says, from this grant's point of view (an assignment kept alive only by other
 *   live grants does not count as the access of a grant that is no longer live).
 */
import { formatTime, type ExecutionPlan } from '@gbg/shared'
import type {
    AuditedCall,
    ExtendResult,
    GrantResult,
    Provider,
    ProviderCallContext,
    ProviderDescription,
    RevokeResult,
    VerifyResult,
} from '../types'
import { ProviderError } from '../types'
import type { GraphClient } from './graph-client'
import {
    OPEN_HOLDER_STATES,
    RETAINED_LOOKBACK,
    adoptableHolders,
    isLiveHolder,
    liveHolders,
    ownStateWritten,
    sameAccess,
    type FleetGrant,
    type FleetGrants,
} from './fleet'
import { holderKey, type HolderProvider, type HolderRegistry } from './holders'
import { resolvePrincipal, type ResolvedPrincipal } from './principal'
import { MIN_ACTIVE_MS, GRAPH_CODES } from './errors'

/** How long after an assignment's own end the removal is retried (Entra's clock may run a little behind ours). */
const NATIVE_END_MARGIN_MS = 2_000

/** What the backend read about one principal + target. */
export interface Observed {
    present: boolean
    start?: Date
    /** End of the live assignment; null = permanent / no provider clock. */
    end?: Date | null
    /** Schedule id the live assignment belongs to (PIM), to trace which request created it. */
    scheduleId?: string
    /** Provider ids of the live assignment (instance / schedule ids), for txnIds. */
    ids: string[]
    /** Redacted raw state for evidence. */
    evidence: Record<string, unknown>
}

/**
 * A schedule request of this grant that took effect at the provider: an earlier attempt's `adminAssign` (or the
 * `adminUpdate` that extended a shared assignment for it), found by the grant marker in its `customData`.
 */
export interface EarlierRequest {
    requestId: string
    action: string
    start: Date
    /** End of the schedule it asked for; null = no expiration. */
    end: Date | null
}

/** Inputs of a backend write. */
export interface WriteArgs {
    plan: ExecutionPlan
    principal: ResolvedPrincipal
    targetId: string
    ctx: ProviderCallContext
    calls: AuditedCall[]
}

/** Outcome of a backend assign / extend. */
export interface AssignOutcome {
    txnIds: string[]
    /** End at the provider; null when the provider has no clock (plain membership). */
    end: Date | null
}

/** One kind of Entra assignment. */
export interface AssignmentBackend {
    readonly provider: HolderProvider
    /** Does the provider end the access itself? */
    readonly nativeExpiry: boolean
    /** Register the holder before the write (backends with no provider-side marker to trace a lost response). */
    readonly preRegister: boolean
    /**
     * Every assignment this system makes carries a marker the provider keeps (PIM: the grant marker in the request's
     * `customData`), so {@link traceOwners} tells this system's assignments from access held outside it. Plain
     * membership has none: there, who holds it is known only from ServiceNow's grants.
     */
    readonly traceable: boolean
    /** Target id (GUID) for the plan; throws fatal when the plan does not fit this provider. */
    target(plan: ExecutionPlan): string
    read(principalId: string, targetId: string, calls: AuditedCall[], signal?: AbortSignal): Promise<Observed>
    /** Grant sys_ids and request ids that provider records tie to the live assignment ([] when untraceable). */
    traceOwners(
        principalId: string,
        targetId: string,
        obs: Observed,
        calls: AuditedCall[],
        signal?: AbortSignal,
    ): Promise<{ grantSysIds: string[]; requestIds: string[] }>
    /**
     * The latest request of grant `grantSysId` that took effect at the provider (its marker, a success status, not a
     * removal), read before a new assignment is made when none is live: an earlier attempt whose outcome this
     * attempt does not know (journal lost, write-back not delivered) may have granted and the access since ended
     * natively. Absent for backends with no request history (plain membership).
     */
    earlierRequest?(
        principalId: string,
        targetId: string,
        grantSysId: string,
        calls: AuditedCall[],
        signal?: AbortSignal,
    ): Promise<EarlierRequest | undefined>
    assign(args: WriteArgs, end: Date): Promise<AssignOutcome>
    /**
     * Move the end of the live assignment `obs` later (only called when `nativeExpiry`). Its start stays where it is
     * (`keptStart`): an update's window replaces the old one, and a start "now" by a replica whose clock runs ahead of
     * Entra's would leave the access of every holder scheduled a few seconds in the future (docs/simulation.md finding
     * 7). `asExtension`: an approved extension of this grant (PIM `adminExtend`, so Entra's maximum-duration rule
     * judges the whole assignment); otherwise the overlap case (`adminUpdate`).
     */
    extend(args: WriteArgs, end: Date, obs: Observed, asExtension?: boolean): Promise<AssignOutcome>
    remove(args: WriteArgs, obs: Observed): Promise<{ txnIds: string[] }>
    isExistsError(e: ProviderError): boolean
    isAbsentError(e: ProviderError): boolean
    /** Notes for the requester attached to every grant / revoke result. */
    notes(op: 'grant' | 'revoke'): string[]
    /**
     * Before any write of a grant: confirm the principal may be given the target (PIM eligibility) and read what
     * it already holds, for the ticket. Throws a fatal ProviderError to refuse; otherwise its notes and evidence
     * join the grant result.
     */
    precheck?(args: WriteArgs): Promise<Followup>
    /**
     * After the principal no longer holds the target through this grant (removed now, or already gone): the
     * follow-up steps (e.g. revoke the user's sign-in sessions after a high-risk role). Throws to make the revoke
     * fail and be retried (the retry finds the assignment absent and runs this again).
     */
    afterRevoke?(args: WriteArgs): Promise<Followup>
}

/** Notes and evidence of a backend's pre-grant check or post-revoke follow-up. */
export interface Followup {
    notes: string[]
    evidence: Record<string, unknown>
}

/**
 * The `startDateTime` of an update of the live assignment `obs`: the start it already has (never "now": see
 * {@link AssignmentBackend.extend}); now only when the read did not say.
 */
export function keptStart(obs: Observed, now: Date): string {
    return (obs.start ?? now).toISOString()
}

/** Marker put into PIM `customData` so a lost response can be traced back to its grant. */
export function grantMarker(grantSysId: string, idempotencyKey: string): string {
    return `gbg-grant=${grantSysId};action=${idempotencyKey}`
}

/** Grant sys_id from a {@link grantMarker}, or undefined. */
export function parseGrantMarker(customData: string | null | undefined): string | undefined {
    return customData ? /(?:^|;)gbg-grant=([^;]+)/.exec(customData)?.[1] : undefined
}

/** Shared settings of an assignment provider. */
export interface AssignmentProviderOptions {
    name: HolderProvider
    graph: GraphClient
    backend: AssignmentBackend
    /** This replica's own writes (lost-response tracing only; never who else holds the assignment). */
    holders: HolderRegistry
    /** Who holds the assignment across the fleet: ServiceNow's grant records. */
    fleet: FleetGrants
    now: () => Date
    principalLookup: 'userPrincipalName' | 'mail'
}

/** Slack when comparing a provider end with the requested end (clock skew, rounding to whole minutes). */
const END_TOLERANCE_MS = 60_000
/**
 * A shared assignment ending more than this before a new holder's expiry is extended. Not END_TOLERANCE_MS: two
 * grants claimed in the same poll whose durations differ by exactly one minute would otherwise leave the later
 * one's access ending a minute early at Entra (found by the virtual-clock overlap test).
 */
const EXTEND_SLACK_MS = 5_000

/** The shared provider (see the module comment). */
export class AssignmentProvider implements Provider {
    readonly name: string

    constructor(private readonly o: AssignmentProviderOptions) {
        this.name = o.name
    }

    describe(): ProviderDescription {
        return { name: this.o.name, baseUrl: this.o.graph.baseUrl, nativeExpiry: this.o.backend.nativeExpiry }
    }

    async health(): Promise<void> {
        // A token plus one cheap authenticated read proves credentials, network and the read permission.
        await this.o.graph.request({ method: 'GET', path: '/users', query: { $top: '1', $select: 'id' } }, [])
    }

    private checkPlan(plan: ExecutionPlan): void {
        if (plan.provider !== this.o.name) {
            throw new ProviderError(
                'fatal',
                `plan names provider "${plan.provider}", this is "${this.o.name}"`,
                'wrong_provider',
            )
        }
        if (!Number.isInteger(plan.durationMinutes) || plan.durationMinutes <= 0) {
            throw new ProviderError(
                'fatal',
                `plan duration ${plan.durationMinutes} is not a positive whole number of minutes`,
                'invalid_plan',
            )
        }
    }

    private async context(plan: ExecutionPlan, ctx: ProviderCallContext, calls: AuditedCall[]) {
        this.checkPlan(plan)
        const targetId = this.o.backend.target(plan)
        const principal = await resolvePrincipal(
            this.o.graph,
            plan.principal,
            this.o.principalLookup,
            calls,
            ctx.signal,
        )
        const key = holderKey(this.o.name, principal.id, targetId)
        return { targetId, principal, key, args: { plan, principal, targetId, ctx, calls } satisfies WriteArgs }
    }

    /** Did this grant (an earlier attempt of it, on this replica or another) make the live assignment? */
    private async ownership(
        plan: ExecutionPlan,
        ctx: ProviderCallContext,
        key: string,
        principalId: string,
        targetId: string,
        obs: Observed,
        calls: AuditedCall[],
    ) {
        let mine =
            this.o.holders.holdersOf(key).includes(plan.grantSysId) ||
            obs.ids.some((id) => ctx.txnIds?.includes(id) ?? false)
        let traced: string[] = []
        if (!mine) {
            // A lost response or a crash before anything was recorded: do provider records trace it to a grant?
            const t = await this.o.backend.traceOwners(principalId, targetId, obs, calls, ctx.signal)
            traced = t.grantSysIds.filter((g) => g !== plan.grantSysId)
            mine =
                t.grantSysIds.includes(plan.grantSysId) || t.requestIds.some((id) => ctx.txnIds?.includes(id) ?? false)
        }
        return { mine, traced }
    }

    /**
     * This grant's own record and the other grants of the same principal + target, read fresh from ServiceNow.
     * `undefined` when ServiceNow cannot be read and the caller allows acting alone (`ifHoldersUnknown: remove`).
     */
    private async fleetView(
        plan: ExecutionPlan,
        targetId: string,
        ctx: ProviderCallContext,
        states: readonly FleetGrant['state'][] = OPEN_HOLDER_STATES,
        limit = 200,
    ): Promise<{ self: FleetGrant | undefined; others: FleetGrant[] } | undefined> {
        let rows: FleetGrant[]
        try {
            rows = await this.o.fleet.list(plan.principal.userSysId, this.o.name, states, limit)
        } catch (err) {
            if (ctx.ifHoldersUnknown === 'remove') return undefined
            throw new ProviderError(
                'retryable',
                `cannot read the other grants of this access from ServiceNow (${err instanceof Error ? err.message : String(err)}); nothing was changed`,
                'holders_unknown',
                10_000,
            )
        }
        const self = rows.find((g) => g.sysId === plan.grantSysId)
        const others = rows.filter(
            (g) => g.sysId !== plan.grantSysId && sameAccess(plan, g.plan, targetId, (p) => this.o.backend.target(p)),
        )
        return { self, others }
    }

    /** Retry until this grant's own state is visible in ServiceNow (the ordering the overlap protocol needs). */
    private waitForOwnState(op: 'grant' | 'revoke'): ProviderError {
        return new ProviderError(
            'retryable',
            `this grant's ${op === 'grant' ? 'granting' : 'revoking'} state is not in ServiceNow yet; the shared assignment is decided once it is`,
            'own_state_pending',
            5_000,
        )
    }

    /** The tail of the calls in progress per assignment (principal + target) in this process (serialized). */
    private readonly inProgress = new Map<string, Promise<void>>()

    /**
     * Runs `fn` after every earlier call on the same assignment in this process has finished: a read → decide →
     * write on one assignment (assign, extend a shared one, remove) never interleaves with another's. Before, two
     * grants sharing an assignment both read its end and both extended it, and the shorter extension landing last
     * cut the longer grant's access (docs/simulation.md finding 18). Replicas in other processes are ordered by the
     * fleet's ServiceNow states as before.
     */
    private async serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
        const before = this.inProgress.get(key) ?? Promise.resolve()
        let done!: () => void
        const mine = new Promise<void>((resolve) => (done = resolve))
        const tail = before.then(() => mine)
        this.inProgress.set(key, tail)
        await before
        try {
            return await fn()
        } finally {
            done()
            if (this.inProgress.get(key) === tail) this.inProgress.delete(key)
        }
    }

    async grant(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<GrantResult> {
        const calls: AuditedCall[] = []
        const { targetId, principal, key, args } = await this.context(plan, ctx, calls)
        const pre = this.o.backend.precheck ? await this.o.backend.precheck(args) : undefined
        const result = await this.serialized(key, () =>
            this.grantChecked(plan, ctx, key, principal, targetId, args, calls),
        )
        if (!pre) return result
        return {
            ...result,
            notes: [...pre.notes, ...(result.notes ?? [])],
            evidence: { ...(result.evidence ?? {}), precheck: pre.evidence },
        }
    }

    private async grantChecked(
        plan: ExecutionPlan,
        ctx: ProviderCallContext,
        key: string,
        principal: ResolvedPrincipal,
        targetId: string,
        args: WriteArgs,
        calls: AuditedCall[],
    ): Promise<GrantResult> {
        const wanted = new Date(this.o.now().getTime() + plan.durationMinutes * 60_000)
        let obs = await this.o.backend.read(principal.id, targetId, calls, ctx.signal)
        if (!obs.present) {
            // At most one grant per approved request: an earlier attempt of this grant may have assigned it and the
            // assignment ended since (docs/simulation.md finding 10). Never a second assignment then.
            const earlier = await this.o.backend.earlierRequest?.(
                principal.id,
                targetId,
                plan.grantSysId,
                calls,
                ctx.signal,
            )
            if (earlier) throw this.earlierGrantNotLive(earlier)
            if (this.o.backend.preRegister) this.o.holders.addHolder(key, plan.grantSysId, wanted)
            try {
                const out = await this.o.backend.assign(args, wanted)
                this.o.holders.addHolder(key, plan.grantSysId, wanted)
                return this.grantResult(out.txnIds, wanted, out.end, false, calls, [], {
                    principalId: principal.id,
                    targetId,
                })
            } catch (err) {
                if (!(err instanceof ProviderError)) throw err
                if (!this.o.backend.isExistsError(err)) {
                    if (this.o.backend.preRegister && err.kind !== 'unknown_outcome')
                        this.o.holders.removeHolder(key, plan.grantSysId)
                    throw err
                }
                // Appeared between our read and our write (or a lost response we cannot see): read again.
                obs = await this.o.backend.read(principal.id, targetId, calls, ctx.signal)
                if (!obs.present)
                    throw new ProviderError(
                        'retryable',
                        `${err.message}, but a re-read finds nothing: retry`,
                        err.code,
                        5_000,
                    )
            }
        }
        return this.grantOnExisting(plan, ctx, key, principal, targetId, obs, wanted, args, calls)
    }

    /**
     * An earlier attempt of this grant took effect at the provider and nothing is live now. Before the end it
     * asked for, the assignment may still be scheduled (the earlier replica's clock ahead of Entra's) or was
     * removed by someone: retried, never re-assigned. After it, the access granted for this request has run its
     * course: the grant ends refused (`grant_ended`, as the webhook and EPM providers answer a replayed grant
     * that has ended), and a new access needs a new request.
     */
    private earlierGrantNotLive(earlier: EarlierRequest): ProviderError {
        const now = this.o.now().getTime()
        const window = `${formatTime(earlier.start)} to ${earlier.end ? formatTime(earlier.end) : 'no end'}`
        const details = { earlierRequestId: earlier.requestId, action: earlier.action, window }
        if (earlier.end === null || earlier.end.getTime() > now) {
            const startsIn = earlier.start.getTime() - now
            return new ProviderError(
                'retryable',
                `an earlier attempt of this grant made ${this.o.name} request ${earlier.requestId} (${earlier.action}, ` +
                    `${window}) but the provider shows no live assignment; no second assignment is made, retrying`,
                'earlier_assignment_not_live',
                startsIn > 0 ? startsIn + NATIVE_END_MARGIN_MS : 30_000,
                details,
            )
        }
        return new ProviderError(
            'fatal',
            `the assignment an earlier attempt of this grant made (${this.o.name} request ${earlier.requestId}, ` +
                `${window}) has already ended; no second assignment is made for one approved request: a new ` +
                'access needs a new request',
            'grant_ended',
            undefined,
            details,
        )
    }

    private async grantOnExisting(
        plan: ExecutionPlan,
        ctx: ProviderCallContext,
        key: string,
        principal: ResolvedPrincipal,
        targetId: string,
        obs: Observed,
        wanted: Date,
        args: WriteArgs,
        calls: AuditedCall[],
    ): Promise<GrantResult> {
        const own = await this.ownership(plan, ctx, key, principal.id, targetId, obs, calls)
        const fleet = (await this.fleetView(plan, targetId, ctx))!
        // Shared only when this system made it. With a traceable backend, live access that neither this grant nor
        // any marker ties to this system (a plain membership under PIM for Groups, a permanent role assignment) is
        // held outside, whatever other grants of this system are granting or active: they may rest on that same
        // outside access themselves (a drift grant holds nothing), and the access ends whenever SecOps remove it
        // (docs/simulation.md finding 13).
        const systemMade = !this.o.backend.traceable || own.mine || own.traced.length > 0
        const adopt = systemMade ? adoptableHolders(fleet.others) : []
        const removing = fleet.others.filter((g) => g.state === 'revoking' || g.state === 'revoke_failed')
        const base = { principalId: principal.id, targetId, assignment: obs.evidence }
        if (systemMade && adopt.length === 0 && removing.length > 0) {
            // Another grant's revoke may already have decided to remove it (before our `granting` was visible):
            // never rely on that assignment; once that revoke has finished, the retry creates or adopts.
            throw new ProviderError(
                'retryable',
                `the assignment is being removed by the revoke of ${removing.map((g) => g.number || g.sysId).join(', ')}; retrying after it`,
                'shared_assignment_ending',
                30_000,
            )
        }
        let sharedWith = adopt.map((g) => g.sysId)
        if (systemMade && !own.mine && sharedWith.length === 0) {
            // A finished revoke that kept the assignment for this grant (it saw us granting), or an assignment a
            // marker ties to this system: ours to share. Nothing of this system behind it: held outside.
            const finished = await this.fleetView(plan, targetId, ctx, ['revoked'], RETAINED_LOOKBACK)
            sharedWith = [
                ...finished!.others.filter((g) => g.retainedFor.includes(plan.grantSysId)).map((g) => g.sysId),
                ...own.traced,
            ]
        }
        // Sharing relies on the other grants' revokes seeing this grant: only once our `granting` is visible.
        if (sharedWith.length > 0 && !ownStateWritten('grant', fleet.self, this.o.now()))
            throw this.waitForOwnState('grant')
        if (own.mine && sharedWith.length === 0) {
            // Reconciled: the earlier attempt did create it (lost response / crash before we recorded it).
            const expiresAt = obs.end ?? wanted
            this.o.holders.addHolder(key, plan.grantSysId, expiresAt)
            return this.grantResult(
                obs.ids,
                expiresAt,
                obs.end ?? null,
                true,
                calls,
                ['reconciled: the assignment already existed from an earlier attempt of this grant'],
                base,
            )
        }
        if (sharedWith.length > 0) {
            // Overlap: another grant of this system holds it. Never a second assignment.
            sharedWith = [...new Set(sharedWith)]
            this.o.holders.addHolder(key, plan.grantSysId, wanted)
            let txnIds = obs.ids
            let end = obs.end ?? null
            let extended = false
            if (this.o.backend.nativeExpiry && end !== null && end.getTime() < wanted.getTime() - EXTEND_SLACK_MS) {
                try {
                    const out = await this.o.backend.extend(args, wanted, obs)
                    txnIds = [...out.txnIds, ...obs.ids.filter((id) => !out.txnIds.includes(id))]
                    end = out.end
                    extended = true
                } catch (err) {
                    if (err instanceof ProviderError && err.kind !== 'unknown_outcome')
                        this.o.holders.removeHolder(key, plan.grantSysId)
                    throw err
                }
            }
            const names = sharedWith.map((id) => fleet.others.find((g) => g.sysId === id)?.number || id)
            const notes = [
                `shared assignment: grant(s) ${names.join(', ')} of this system already hold it; no second assignment was made` +
                    (extended ? '; its end was extended to this grant’s expiry' : ''),
            ]
            return this.grantResult(txnIds, wanted, end, own.mine, calls, notes, { ...base, sharedWith })
        }
        // Held outside this system (permanent assignment, manual membership): change nothing, flag drift.
        return {
            txnIds: [],
            expiresAt: wanted,
            nativeExpiry: false,
            alreadyDone: true,
            calls,
            notes: [
                `${principal.userPrincipalName} already holds this access outside the break-glass system ` +
                    `(${obs.end ? `until ${formatTime(obs.end)}` : 'permanently'}); nothing was changed and SecOps is informed`,
            ],
            evidence: { ...base, drift: true, external: true },
        }
    }

    private grantResult(
        txnIds: string[],
        expiresAt: Date,
        providerEnd: Date | null,
        alreadyDone: boolean,
        calls: AuditedCall[],
        extraNotes: string[],
        evidence: Record<string, unknown>,
    ): GrantResult {
        // Native only when the provider's own clock ends the access no later than this grant's expiry.
        const nativeExpiry =
            this.o.backend.nativeExpiry &&
            providerEnd !== null &&
            providerEnd.getTime() <= expiresAt.getTime() + END_TOLERANCE_MS
        const notes = [...extraNotes, ...this.o.backend.notes('grant')]
        if (this.o.backend.nativeExpiry && providerEnd !== null && !nativeExpiry) {
            notes.push(`Entra keeps the shared assignment until ${formatTime(providerEnd)} (a later grant's expiry)`)
        }
        return {
            txnIds,
            expiresAt,
            nativeExpiry,
            alreadyDone,
            calls,
            notes,
            evidence: { ...evidence, providerEnd: providerEnd?.toISOString() ?? null },
        }
    }

    async revoke(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<RevokeResult> {
        const calls: AuditedCall[] = []
        const { targetId, principal, key, args } = await this.context(plan, ctx, calls)
        const result = await this.serialized(key, () =>
            this.revokeResolved(plan, ctx, key, principal, targetId, args, calls),
        )
        // The follow-up runs only when the principal no longer holds the target through this system: removed now,
        // or already absent. Not while other grants keep the shared assignment, not for access held outside.
        const gone =
            result.evidence?.drift !== true &&
            result.evidence?.sharedWith === undefined &&
            result.evidence?.heldBy === undefined
        if (!gone || !this.o.backend.afterRevoke) return result
        const after = await this.o.backend.afterRevoke(args)
        return {
            ...result,
            notes: [...(result.notes ?? []), ...after.notes],
            evidence: { ...(result.evidence ?? {}), ...after.evidence },
        }
    }

    private async revokeResolved(
        plan: ExecutionPlan,
        ctx: ProviderCallContext,
        key: string,
        principal: ResolvedPrincipal,
        targetId: string,
        args: WriteArgs,
        calls: AuditedCall[],
    ): Promise<RevokeResult> {
        const obs = await this.o.backend.read(principal.id, targetId, calls, ctx.signal)
        const notes = this.o.backend.notes('revoke')
        if (!obs.present) {
            this.o.holders.removeHolder(key, plan.grantSysId)
            const why = this.o.backend.nativeExpiry
                ? 'already absent (ended natively at Entra, or removed earlier)'
                : 'already absent'
            return { alreadyAbsent: true, calls, notes: [why, ...notes], evidence: { assignment: obs.evidence } }
        }
        const own = await this.ownership(plan, ctx, key, principal.id, targetId, obs, calls)
        const fleet = await this.fleetView(plan, targetId, ctx)
        const now = this.o.now()
        const live = fleet ? liveHolders(fleet.others, now) : []
        const heldBy = live.map((g) => g.sysId)
        // Ours: this grant made or shared it (its recorded ids, this replica's registry), or a marker ties it to
        // another grant of this system. A direct membership under PIM for Groups matches neither: held outside.
        const ours = own.mine || own.traced.length > 0
        if (!ours) {
            if (heldBy.length > 0) {
                return {
                    alreadyAbsent: true,
                    calls,
                    notes: [`this grant does not hold the assignment; grant(s) ${heldBy.join(', ')} do`, ...notes],
                    evidence: { assignment: obs.evidence, heldBy },
                }
            }
            return {
                alreadyAbsent: true,
                calls,
                notes: [
                    `${principal.userPrincipalName} holds this access outside the break-glass system; nothing was removed and SecOps is informed`,
                    ...notes,
                ],
                evidence: { assignment: obs.evidence, drift: true, external: true },
            }
        }
        if (heldBy.length > 0) {
            // Keep it for the other live grants, but only once our own `revoking` is visible: a replica revoking
            // one of them then sees this grant as not live, so the two can never both keep it (docs/entra.md).
            if (!ownStateWritten('revoke', fleet!.self, now)) throw this.waitForOwnState('revoke')
            this.o.holders.removeHolder(key, plan.grantSysId)
            const names = live.map((g) => g.number || g.sysId)
            return {
                alreadyAbsent: false,
                calls,
                notes: [
                    `this grant is released; the assignment stays for grant(s) ${names.join(', ')} and is removed by the last holder`,
                    ...notes,
                ],
                evidence: { assignment: obs.evidence, sharedWith: heldBy },
            }
        }
        if (!fleet) {
            notes.unshift(
                'ServiceNow could not be read to see whether another grant shares this assignment: removed at expiry anyway (expiry wins)',
            )
        }
        try {
            await this.o.backend.remove(args, obs)
        } catch (err) {
            if (!(err instanceof ProviderError)) throw err
            if (this.o.backend.isAbsentError(err)) {
                const again = await this.o.backend.read(principal.id, targetId, calls, ctx.signal)
                if (again.present)
                    throw new ProviderError(
                        'retryable',
                        `${err.message}, but the assignment is still listed: retry`,
                        err.code,
                        30_000,
                    )
                this.o.holders.removeHolder(key, plan.grantSysId)
                return {
                    alreadyAbsent: true,
                    calls,
                    notes: ['already absent (removed or expired between read and remove)', ...notes],
                    evidence: { assignment: again.evidence },
                }
            }
            if (err.code === GRAPH_CODES.activeDurationTooShort) {
                // Entra refuses the removal until 5 minutes after activation. An assignment whose own end comes
                // sooner (a short grant whose revoke timer fired a moment before Entra's clock reached the end)
                // disappears by itself then: retry just after that end instead of waiting out the 5 minutes.
                const nowMs = this.o.now().getTime()
                const startMs = obs.start?.getTime() ?? nowMs
                const minActiveAt = startMs + MIN_ACTIVE_MS
                const endMs = obs.end?.getTime()
                const retryAt = endMs !== undefined && endMs < minActiveAt ? endMs + NATIVE_END_MARGIN_MS : minActiveAt
                const wait = Math.max(NATIVE_END_MARGIN_MS, retryAt - nowMs)
                throw new ProviderError(
                    'retryable',
                    `${err.message} (retry after ${Math.ceil(wait / 1000)} s)`,
                    err.code,
                    wait,
                    err.details,
                )
            }
            throw err
        }
        this.o.holders.removeHolder(key, plan.grantSysId)
        return { alreadyAbsent: false, calls, notes, evidence: { removed: obs.evidence } }
    }

    /**
     * An approved extension of the grant of `plan` (shared/src/extend.ts): move the end of its live assignment to
     * `to` in place. Absent → fatal `RoleAssignmentDoesNotExist` (the access already ended: nothing is extended, the
     * requester asks anew). Already ending at `to` or later → done (a lost response of an earlier attempt). No native
     * clock (plain membership) → nothing to call: our revoke, moved to `to` by the worker, ends it.
     */
    async extend(plan: ExecutionPlan, to: Date, ctx: ProviderCallContext): Promise<ExtendResult> {
        const calls: AuditedCall[] = []
        const { targetId, principal, key, args } = await this.context(plan, ctx, calls)
        return this.serialized(key, () => this.extendResolved(plan, to, ctx, principal, targetId, args, calls))
    }

    private async extendResolved(
        plan: ExecutionPlan,
        to: Date,
        ctx: ProviderCallContext,
        principal: ResolvedPrincipal,
        targetId: string,
        args: WriteArgs,
        calls: AuditedCall[],
    ): Promise<ExtendResult> {
        const obs = await this.o.backend.read(principal.id, targetId, calls, ctx.signal)
        if (!obs.present) {
            throw new ProviderError(
                'fatal',
                `the access of ${plan.grantNumber} no longer exists at Entra (it ended or was removed); nothing was extended`,
                GRAPH_CODES.assignmentDoesNotExist,
                undefined,
                { assignment: obs.evidence },
            )
        }
        const evidence = { principalId: principal.id, targetId, before: obs.evidence }
        if (!this.o.backend.nativeExpiry || obs.end === null || obs.end === undefined) {
            return {
                txnIds: obs.ids,
                expiresAt: to,
                nativeExpiry: false,
                alreadyDone: false,
                calls,
                notes: ['the assignment has no end at Entra; the scheduled revoke moves to the new end'],
                evidence,
            }
        }
        if (obs.end.getTime() >= to.getTime() - END_TOLERANCE_MS) {
            return { txnIds: obs.ids, expiresAt: obs.end, nativeExpiry: true, alreadyDone: true, calls, evidence }
        }
        const out = await this.o.backend.extend(args, to, obs, true)
        this.o.holders.addHolder(holderKey(this.o.name, principal.id, targetId), plan.grantSysId, to)
        return {
            txnIds: out.txnIds,
            expiresAt: out.end ?? to,
            nativeExpiry: true,
            alreadyDone: false,
            calls,
            notes: [`Entra now ends the assignment at ${formatTime(to)} (extended in place)`],
            evidence,
        }
    }

    async verify(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<VerifyResult> {
        const calls: AuditedCall[] = []
        const { targetId, principal, key } = await this.context(plan, ctx, calls)
        const obs = await this.o.backend.read(principal.id, targetId, calls, ctx.signal)
        const evidence: Record<string, unknown> = { principalId: principal.id, targetId, assignment: obs.evidence }
        if (!obs.present) return { present: false, evidence, calls }
        const fleet = await this.fleetView(plan, targetId, ctx)
        const now = this.o.now()
        const selfLive = fleet?.self !== undefined && isLiveHolder(fleet.self, now)
        const heldBy = fleet ? liveHolders(fleet.others, now).map((g) => g.sysId) : []
        if (!selfLive && heldBy.length > 0) {
            // Access exists, but only through other live grants: this grant's access is gone.
            return { present: false, evidence: { ...evidence, assignmentPresent: true, heldBy }, calls }
        }
        const own = await this.ownership(plan, ctx, key, principal.id, targetId, obs, calls)
        const ours = own.mine || own.traced.length > 0 || heldBy.length > 0
        if (ours) {
            evidence.holders = [...(selfLive ? [plan.grantSysId] : []), ...heldBy]
            return { present: true, ...(obs.end ? { expiresAt: obs.end } : {}), evidence, calls }
        }
        return {
            present: true,
            ...(obs.end ? { expiresAt: obs.end } : {}),
            evidence: { ...evidence, drift: true, external: true },
            calls,
        }
    }
}
