/**
 * The safety invariants the simulator checks after every settled step (and once more when a world ends), each
 * judged from what the systems themselves hold — the ServiceNow emulator's records, the provider emulators'
 * state, the executors' journals — never from the executor's own opinion of what it did:
 *
 * 1. approval-route   — no provider grant without a valid approval route for exactly that plan: every access a
 *                       provider handed out maps to a request the simulated people approved (or a rule approved),
 *                       whose stored plan still hashes to its digest and names that principal and target.
 * 2. single-grant     — at most one grant at the provider per approved request.
 * 3. expiry           — no access alive past its end (expiry, or the "Revoke now" click) + GRACE_MS unless an
 *                       incident is open for the grant (or another live grant of the same person and target
 *                       covers it).
 * 4. revoke-readback  — every grant marked revoked was confirmed by a read-back: its evidence says absent and the
 *                       provider agrees (unless another live grant legitimately holds the access).
 * 5. write-back       — every write-back eventually delivered: at the end no executor journal holds an
 *                       undelivered outbox item and every request reached a final state in ServiceNow.
 * 6. audit-chain      — every grant's audit chain verifies (hash links, and the executor's MAC on its events).
 * 7. lease            — no action stuck past its lease: a claimed action whose lease ran out more than LEASE_SLACK_MS
 *                       ago while an executor was up.
 * 8. overlap          — nothing revoked that another active grant still holds: while a grant is active (from
 *                       SKEW_TOLERANCE_MS after granted_at to SKEW_TOLERANCE_MS before its expiry, no "Revoke now",
 *                       its ticket not closed), its access exists at the provider.
 * 9. cancel           — a request cancelled before it started is never granted: no access at any provider for it,
 *                       and its grant stays `cancelled`.
 * 10. ticket-close    — access given for an incident ends within GRACE_MS of the incident being resolved, unless an
 *                       incident is open for the grant (the expiry check with the ticket's close as the end).
 * 11. extension-approval — an extension never grants without its own approval: a grant's expiry never lies beyond
 *                       its approved plan's end plus the extensions the simulated approvers approved, and an extension
 *                       record is never executed unless they approved it.
 *
 * Test code only.
 */
import { AUDIT_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE, planDigest, type ExecutionPlan } from '@gbg/shared'
import { judgeAuditChain } from '../../executor/src/audit-verify'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import type { InProcessExecutor } from '../support/executor-in-process'
import type { EmulatorStore } from '../emulators/servicenow/types'
import type { VirtualClock } from '../support/virtual-clock'
import type { Lifecycle, SimResult } from './run'
import type { SimWorld } from './world'

/** How long access may outlive its end before it is a violation (unless an incident is open). */
export const GRACE_MS = 15 * 60_000
/** How long after its lease ran out a claimed action may stay claimed (sweep by another replica's poll). */
export const LEASE_SLACK_MS = 10 * 60_000
/**
 * Clock skew the overlap check tolerates at both ends of a grant (the simulated skew is at most 15 s: a replica
 * whose clock runs ahead asks the provider to start "now" by its clock, a few seconds in the instance's future).
 */
export const SKEW_TOLERANCE_MS = 20_000
/** Trace lines printed with a violation. */
const TRACE_TAIL = 40

/** One invariant violation. */
/** Does an open incident exist on the instance for this grant (the watchdog's or the executor's)? */
export function incidentOpenFor(sn: { store: EmulatorStore }, grantSysId: string): boolean {
    return (
        sn.store.list(
            PLATFORM_TABLE.incident,
            (i) =>
                i['state'] !== '6' &&
                i['state'] !== '7' &&
                ((i['correlation_id'] ?? '').endsWith(grantSysId) || (i['description'] ?? '').includes(grantSysId)),
        ).length > 0
    )
}

export interface Violation {
    invariant: string
    message: string
    /** Virtual time of the world when it was seen. */
    at: string
    world: number
    lifecycle?: string
    /** The trace lines of that lifecycle and the last lines before the violation. */
    trace: string[]
}

// A halted grant (issue 14) may hold access at the provider (a decision pending there, an unknown outcome) until SecOps decide.
const LIVE_STATES = ['granting', 'active', 'revoking', 'revoke_failed', 'halted']

export class Invariants {
    private readonly reported = new Set<string>()
    private readonly checkedRevoked = new Set<string>()
    /** EPM requests seen Approved at some check (a session lasts ≥ 5 minutes: no approval goes unseen). */
    private readonly epmApproved = new Set<string>()

    constructor(
        private readonly sim: SimWorld,
        private readonly clock: VirtualClock,
        private readonly lifecycles: Lifecycle[],
        private readonly byGrant: Map<string, Lifecycle>,
        private readonly trace: (line: string) => void,
        private readonly result: SimResult,
        private readonly seed: string,
        private readonly world: number,
    ) {}

    private get sn() {
        return this.sim.appWorld.world.sn
    }

    private time(value: string | undefined): number | undefined {
        return parseGlideDateTime(value ?? '')?.getTime()
    }

    private violate(invariant: string, message: string, l?: Lifecycle): void {
        const key = `${invariant}:${l?.label ?? ''}:${l ? '' : message}`
        if (this.reported.has(key)) return
        this.reported.add(key)
        this.trace(`VIOLATION ${invariant}: ${message}`)
        const all = this.result.trace
        const mine = l ? all.filter((t) => new RegExp(`\\b${l.label}\\b`).test(t)) : []
        this.result.violations.push({
            invariant,
            message,
            at: new Date(this.clock.nowMs()).toISOString(),
            world: this.world,
            lifecycle: l?.label,
            trace: [...mine, '...', ...all.slice(-TRACE_TAIL)],
        })
        void this.seed
    }

    /** A liveness failure (the run did not finish). */
    liveness(message: string): void {
        const open = this.lifecycles
            .filter((l) => l.grantSysId)
            .map((l) => [l, this.sn.store.get(TABLE.grant, l.grantSysId)?.[GRANT_FIELDS.state] ?? ''] as const)
            .filter(
                ([, s]) =>
                    ![
                        'revoked',
                        'rejected',
                        'cancelled',
                        'expired_unapproved',
                        'grant_failed',
                        'policy_rejected',
                    ].includes(s),
            )
            .map(([l, s]) => `${l.label}=${s}`)
        this.violate('write-back', `${message}; unfinished: ${open.join(', ') || 'none'}`)
    }

    /** Does an open incident exist for this grant (the watchdog's or the executor's)? */
    private incidentOpen(grantSysId: string): boolean {
        return incidentOpenFor(this.sn, grantSysId)
    }

    /**
     * Access of `l` alive at its provider now (webhook: its own service grant; EPM: its approved request's session
     * has not run out; Entra: the person holds the target).
     */
    private accessAlive(l: Lifecycle): boolean {
        const { webhook } = this.sim.appWorld.world
        const { graph, ids, epm } = this.sim
        if (l.kind === 'epm') {
            // An approved request whose session has not run out (EPM logs the user off at its end on its own).
            const now = this.clock.nowMs()
            return [...epm.requests.values()].some(
                (r) =>
                    r.ticketId === l.ritmNumber &&
                    r.decision === 'Approved' &&
                    r.decisionTime !== null &&
                    now < r.decisionTime.getTime() + r.durationSeconds * 1000,
            )
        }
        if (l.kind === 'webhook') {
            return [...webhook.grants.values()].some((g) => g.grantNumber === l.grantNumber && g.status === 'active')
        }
        if (l.kind === 'entra-role') {
            return graph.state.listRoleInstances({ principalId: ids.userId, roleDefinitionId: l.roleId ?? ids.roleId }).length > 0
        }
        return graph.state.members(ids.groupId).some((u) => u.id === ids.userId)
    }

    /**
     * Entra kinds share one assignment: access alive past this grant's end is accounted for when another grant of
     * the same person and target that still holds it (not revoked) has an open incident — the stuck revoke of the
     * last holder is what keeps the shared access, and SecOps have it (docs/entra.md "Overlap").
     */
    private sharedUnderIncident(l: Lifecycle): boolean {
        if (l.kind === 'webhook' || l.kind === 'epm') return false
        return this.lifecycles.some((o) => {
            if (o === l || o.kind !== l.kind || !o.grantSysId) return false
            // Only the same assignment: the Entra role kind spreads over several roles.
            if (l.kind === 'entra-role' && o.roleId !== l.roleId) return false
            const state = this.sn.store.get(TABLE.grant, o.grantSysId)?.[GRANT_FIELDS.state] ?? ''
            return state !== 'revoked' && this.incidentOpen(o.grantSysId)
        })
    }

    /**
     * Another live grant of the same person and target (Entra kinds share one assignment), or access someone re-added
     * out of band at another lifecycle's revoke and not yet removed: that access is judged on that lifecycle (its
     * incident), not on every grant of the same target.
     */
    private coveredByAnother(l: Lifecycle): boolean {
        // Webhook and EPM grants each hold their own access (an EPM request per grant).
        if (l.kind === 'webhook' || l.kind === 'epm') return false
        const now = this.clock.nowMs()
        return this.lifecycles.some((o) => {
            if (o === l || o.kind !== l.kind || o.roleId !== l.roleId || !o.grantSysId) return false
            if (o.strayAccess) return true
            const g = this.sn.store.get(TABLE.grant, o.grantSysId)
            if (!g) return false
            const state = g[GRANT_FIELDS.state] ?? ''
            if (state === 'queued' || state === 'approved') return true
            if (!LIVE_STATES.includes(state)) return false
            const end = this.endOf(o, g)
            return end === undefined || end + GRACE_MS > now
        })
    }

    /**
     * The grant found its access held outside this system and made nothing (its evidence says `drift`, docs/entra.md
     * "Drift") and an incident tells SecOps: the only access behind it is that outside access, which SecOps may
     * remove; nothing this system granted is gone (finding 13). A grant that merely shared another's assignment
     * carries no drift evidence and stays under the overlap invariant.
     */
    private heldOutsideAndReported(l: Lifecycle, g: Record<string, string>): boolean {
        let evidence: { drift?: unknown } = {}
        try {
            evidence = JSON.parse(g[GRANT_FIELDS.evidence] || '{}') as { drift?: unknown }
        } catch {
            return false
        }
        return evidence.drift === true && this.incidentOpen(l.grantSysId)
    }

    /** When the grant's access should end: the "Revoke now" click or its incident's close, else its expiry. */
    private endOf(l: Lifecycle, g: Record<string, string>): number | undefined {
        const expires = this.time(g[GRANT_FIELDS.expiresAt])
        const early = Math.min(l.revokeNowAt ?? Infinity, l.ticketClosedAt ?? Infinity)
        if (early !== Infinity) return Math.min(early, expires ?? Infinity)
        return expires
    }

    /** Checks after a settled step. */
    check(): void {
        const now = this.clock.nowMs()
        this.checkProviderGrants()
        for (const l of this.lifecycles) {
            if (!l.grantSysId) continue
            const g = this.sn.store.get(TABLE.grant, l.grantSysId)
            if (!g) continue
            const state = g[GRANT_FIELDS.state] ?? ''
            const alive = this.accessAlive(l)
            // 3. expiry + grace. Access someone re-added out of band at this grant's revoke was not granted by this
            // system: it is due an incident GRACE_MS after it appeared, not after the grant's end — re-added at a late
            // revoke (past end + grace) it was otherwise a violation the instant it appeared (finding 12).
            const end = this.endOf(l, g)
            const due = end !== undefined && l.strayAccess && l.reAddedAt !== undefined ? Math.max(end, l.reAddedAt) : end
            if (alive && end !== undefined && due !== undefined && now > due + GRACE_MS) {
                if (!this.coveredByAnother(l) && !this.incidentOpen(l.grantSysId) && !this.sharedUnderIncident(l)) {
                    const byTicket = l.ticketClosedAt !== undefined && end === l.ticketClosedAt
                    this.violate(
                        byTicket ? 'ticket-close' : 'expiry',
                        `${l.label} (${l.grantNumber}, ${l.kind}, state ${state}) still has access ${Math.round((now - end) / 60_000)} min after its ${byTicket ? 'incident was resolved' : 'end'}, no incident open`,
                        l,
                    )
                }
            }
            // 9. a cancelled request stays cancelled (the provider side is judged in checkProviderGrants)
            if (l.cancelledAt !== undefined && state !== 'cancelled') {
                this.violate('cancel', `${l.label} (${l.grantNumber}) was cancelled before it started but is now ${state}`, l)
            }
            // 11. the expiry never lies beyond what was approved (plan + approved extensions)
            this.checkExtensionApproval(l, g)
            // 4. revoke confirmed by a read-back
            if (state === 'revoked' && !this.checkedRevoked.has(l.grantSysId)) {
                this.checkedRevoked.add(l.grantSysId)
                let evidence: { present?: unknown } = {}
                try {
                    evidence = JSON.parse(g[GRANT_FIELDS.evidence] || '{}') as { present?: unknown }
                } catch {
                    evidence = {}
                }
                if (evidence.present !== false) {
                    this.violate('revoke-readback', `${l.label} marked revoked without a read-back saying absent`, l)
                } else if (alive && !this.coveredByAnother(l)) {
                    this.violate(
                        'revoke-readback',
                        `${l.label} marked revoked but the provider still shows the access`,
                        l,
                    )
                }
            }
            // 8. an active grant keeps its access
            if (state === 'active' && l.revokeNowAt === undefined && l.ticketClosedAt === undefined) {
                const expires = this.time(g[GRANT_FIELDS.expiresAt])
                const granted = this.time(g[GRANT_FIELDS.grantedAt])
                if (
                    expires !== undefined &&
                    granted !== undefined &&
                    now > granted + SKEW_TOLERANCE_MS &&
                    now < expires - SKEW_TOLERANCE_MS &&
                    !alive &&
                    !this.heldOutsideAndReported(l, g)
                ) {
                    this.violate(
                        'overlap',
                        `${l.label} (${l.grantNumber}, ${l.kind}) is active until ${new Date(expires).toISOString()} but its access is gone`,
                        l,
                    )
                }
            }
        }
        // 7. leases
        for (const a of this.sn.store.list(TABLE.action, (x) => x['state'] === 'claimed')) {
            const until = this.time(a['lease_until'])
            if (until !== undefined && now > until + LEASE_SLACK_MS) {
                const l = this.byGrant.get(a['grant'] ?? '')
                this.violate(
                    'lease',
                    `${a['type']} action of ${l?.label ?? a['grant']} claimed by ${a['lease_owner']} is ${Math.round((now - until) / 60_000)} min past its lease`,
                    l,
                )
            }
        }
    }

    /** 1 and 2: every provider grant maps to one approved request with an intact plan. */
    private checkProviderGrants(): void {
        const { webhook } = this.sim.appWorld.world
        const { graph } = this.sim
        const byNumber = new Map<string, Lifecycle>()
        const byRitm = new Map<string, Lifecycle>()
        for (const l of this.lifecycles) {
            if (l.grantNumber) byNumber.set(l.grantNumber, l)
            if (l.ritmNumber) byRitm.set(l.ritmNumber, l)
        }
        const seen = new Map<string, number>()
        const judge = (l: Lifecycle | undefined, what: string, principalOk: (plan: ExecutionPlan) => boolean): void => {
            if (!l) {
                this.violate('approval-route', `${what} at the provider belongs to no simulated request`)
                return
            }
            seen.set(l.label, (seen.get(l.label) ?? 0) + 1)
            if (l.cancelledAt !== undefined) {
                this.violate('cancel', `${what} for ${l.label}, which was cancelled before it started`, l)
                return
            }
            if (!l.approved) {
                this.violate('approval-route', `${what} for ${l.label} (${l.path}) which nobody approved`, l)
                return
            }
            const g = this.sn.store.get(TABLE.grant, l.grantSysId)!
            let plan: ExecutionPlan
            try {
                plan = JSON.parse(g[GRANT_FIELDS.plan] ?? '') as ExecutionPlan
            } catch {
                this.violate('approval-route', `${what} for ${l.label} whose stored plan does not parse`, l)
                return
            }
            if (planDigest(plan) !== g[GRANT_FIELDS.planDigest]) {
                this.violate('approval-route', `${what} for ${l.label} whose plan does not match its digest`, l)
            } else if (!principalOk(plan)) {
                this.violate('approval-route', `${what} for ${l.label} does not match its approved plan`, l)
            }
        }
        for (const sg of webhook.grants.values()) {
            const l = byNumber.get(sg.grantNumber)
            judge(
                l,
                `webhook grant ${sg.grantNumber}`,
                (plan) => plan.principal.email === sg.principal.email && plan.provider === 'webhook',
            )
        }
        const { ids } = this.sim
        for (const r of graph.state.roleRequests) {
            if (r.action !== 'adminAssign' || r.status === 'Failed') continue
            const l = byRitm.get(r.ticketInfo?.ticketNumber ?? '')
            judge(l, `PIM role assignment (${r.ticketInfo?.ticketNumber ?? 'no ticket'})`, (plan) =>
                plan.provider === 'entra-role' &&
                r.principalId === ids.userId &&
                r.roleDefinitionId === l?.roleId &&
                plan.target.kind === 'entra_role' &&
                plan.target.roleId === r.roleDefinitionId,
            )
        }
        // 11. An in-place extension at the webhook service (contract 1.1 extend) only for an extension the simulated
        // approvers approved, of that lifecycle's grant; at EPM a session never ends later than the approved plan plus
        // the approved extension (the decision call that re-approves it is the extension).
        for (const sg of webhook.grants.values()) {
            const l = byNumber.get(sg.grantNumber)
            // (grants a test put into the emulator by hand may have no extension list)
            for (const e of sg.extensions ?? []) {
                if (!l?.extension?.approved || l.extension.number !== e.extensionNumber) {
                    this.violate(
                        'extension-approval',
                        `webhook grant ${sg.grantNumber} extended by ${e.extensionNumber} for ${l?.label ?? 'no simulated request'} whose extension nobody approved`,
                        l,
                    )
                }
            }
        }
        for (const r of this.sim.epm.requests.values()) {
            const l = byRitm.get(r.ticketId)
            if (!l || r.decision !== 'Approved' || !r.decisionTime) continue
            const g = this.sn.store.get(TABLE.grant, l.grantSysId)
            const granted = this.time(g?.[GRANT_FIELDS.grantedAt])
            let planned: number
            try {
                planned = (JSON.parse(g?.[GRANT_FIELDS.plan] ?? '') as ExecutionPlan).durationMinutes
            } catch {
                continue
            }
            if (granted === undefined) continue
            const extra = l.extension?.approved ? l.extension.minutes : 0
            const allowed = granted + (planned + extra) * 60_000 + SKEW_TOLERANCE_MS
            const end = r.decisionTime.getTime() + r.durationSeconds * 1000
            if (end > allowed) {
                this.violate(
                    'extension-approval',
                    `EPM request ${r.id} of ${l.label} ends ${new Date(end).toISOString()}, beyond its approved ${planned} min` +
                        `${extra ? ` + ${extra} min extension` : ''}`,
                    l,
                )
            }
        }
        // 11. An in-place extension at Entra (adminExtend, ticket = the grant's RITM) only for an extension the
        // simulated approvers approved.
        const extendRequests = [
            ...graph.state.roleRequests.map((r) => r as unknown as { action: string; status: string; ticketInfo?: { ticketNumber?: string } }),
            ...graph.state.groupRequests.map((r) => r as unknown as { action: string; status: string; ticketInfo?: { ticketNumber?: string } }),
        ]
        for (const r of extendRequests) {
            if (r.action !== 'adminExtend' || r.status === 'Failed') continue
            const ticket = r.ticketInfo?.ticketNumber ?? ''
            const l = byRitm.get(ticket)
            if (!l?.extension?.approved) {
                this.violate(
                    'extension-approval',
                    `an Entra adminExtend (${ticket || 'no ticket'}) for ${l?.label ?? 'no simulated request'} whose extension nobody approved`,
                    l,
                )
            }
        }
        for (const r of graph.state.groupRequests) {
            if (r.action !== 'adminAssign' || r.status === 'Failed') continue
            const ticket = (r as unknown as { ticketInfo?: { ticketNumber?: string } }).ticketInfo?.ticketNumber ?? ''
            const l = byRitm.get(ticket)
            judge(
                l,
                `PIM group assignment (${ticket || 'no ticket'})`,
                (plan) => plan.provider === 'entra-group' && r.principalId === ids.userId && r.groupId === ids.groupId,
            )
        }
        // EPM: every admin access request EPM approved maps to the approved request of that user and computer.
        const { epm } = this.sim
        for (const r of epm.requests.values()) {
            if (r.decision === 'Approved') this.epmApproved.add(r.id)
            if (!this.epmApproved.has(r.id)) continue
            const l = byRitm.get(r.ticketId)
            const host = epm.computers.get(r.computerId)?.hostName ?? ''
            judge(
                l,
                `EPM admin access request ${r.id} (${r.ticketId || 'no ticket'})`,
                (plan) =>
                    plan.provider === 'epm' &&
                    plan.target.kind === 'device_local_admin' &&
                    r.userName.toLowerCase() === plan.principal.userName.toLowerCase() &&
                    host !== '' &&
                    host.toLowerCase() === (plan.target.deviceName ?? '').toLowerCase(),
            )
        }
        for (const [label, n] of seen) {
            if (n > 1) {
                const l = this.lifecycles.find((x) => x.label === label)
                this.violate('single-grant', `${label} was granted ${n} times at the provider`, l)
            }
        }
    }

    /**
     * 11. An extension never grants without its own approval: the grant's expiry is at most granted_at + the approved
     * plan's duration + the minutes of extensions the simulated approvers approved (+ skew tolerance), and an
     * extension record the approvers did not approve never reaches the executor's states.
     */
    private checkExtensionApproval(l: Lifecycle, g: Record<string, string>): void {
        const granted = this.time(g[GRANT_FIELDS.grantedAt])
        const expires = this.time(g[GRANT_FIELDS.expiresAt])
        if (granted === undefined || expires === undefined) return
        let planned: number
        try {
            planned = (JSON.parse(g[GRANT_FIELDS.plan] ?? '') as ExecutionPlan).durationMinutes
        } catch {
            return
        }
        const extra = l.extension?.approved ? l.extension.minutes : 0
        const allowed = granted + (planned + extra) * 60_000 + SKEW_TOLERANCE_MS
        if (expires > allowed) {
            this.violate(
                'extension-approval',
                `${l.label} (${l.grantNumber}) expires at ${new Date(expires).toISOString()}, beyond its approved ${planned} min` +
                    `${extra ? ` + ${extra} min extension` : ''} from ${new Date(granted).toISOString()}`,
                l,
            )
        }
        if (l.extension && !l.extension.approved) {
            const extState = this.sn.store.get(TABLE.grant, l.extension.sysId)?.[GRANT_FIELDS.state] ?? ''
            if (['granting', 'active', 'revoking', 'revoked', 'extended'].includes(extState)) {
                this.violate(
                    'extension-approval',
                    `${l.label}'s extension ${l.extension.number} is ${extState} though nobody approved it`,
                    l,
                )
            }
        }
    }

    /** End of a world: write-backs delivered and audit chains intact. */
    final(executors: InProcessExecutor[]): void {
        for (const e of executors) {
            const pending = e.service.journal.pendingOutbox()
            if (pending === 0) continue
            // Name what is stuck: kind, lifecycle, attempts, next attempt and last error of each item.
            const items = e.service.journal
                .outbox({ status: 'pending' })
                .map(
                    (i) =>
                        `${i.kind} #${i.id} of ${this.byGrant.get(i.grantId)?.label ?? (i.grantId || 'no grant')} ` +
                        `(${i.attempts} attempt(s), next ${i.nextAttemptAt.toISOString()}${i.lastError ? `: ${i.lastError}` : ''})`,
                )
            this.violate('write-back', `${e.name} still holds ${pending} undelivered write-back(s): ${items.join('; ')}`)
        }
        const env = this.sim.env('audit')
        for (const l of this.lifecycles) {
            if (!l.grantSysId) continue
            const rows = this.sn.store
                .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === l.grantSysId)
                .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
            const verdict = judgeAuditChain(rows, {
                key: env['GBG_AUDIT_KEY'],
                integrationUser: env['GBG_AUDIT_INTEGRATION_USER'],
            })
            if (!verdict.ok) this.violate('audit-chain', `${l.label}: ${verdict.reason}`, l)
            const state = this.sn.store.get(TABLE.grant, l.grantSysId)?.[GRANT_FIELDS.state] ?? ''
            // A request cancelled before it started (by a person, or because its incident was resolved) ends cancelled.
            const mayEndCancelled = l.cancelledAt !== undefined || l.ticketClosedAt !== undefined
            if (l.approved && !['revoked', 'grant_failed', ...(mayEndCancelled ? ['cancelled'] : [])].includes(state)) {
                this.violate('write-back', `${l.label} ended the run in state ${state}`, l)
            }
        }
    }
}
