/**
 * The recheck gate, run immediately before every privileged grant call. It re-reads everything the decision
 * depends on from ServiceNow — the grant, its audit chain and the policies from the app's tables, and the platform
 * facts (approvals, user / CI / incident / change, app properties) in ONE call of the app's gate-facts endpoint
 * (the executor's role reads no platform table) — and re-runs the same pure policy module the app ran on submit.
 * The app only gathers those facts; judging them is the gate's, and an answer it cannot read is a refusal. Any mismatch, and any error while checking,
 * is a refusal: the gate fails secure, it never "passes because it could not tell".
 *
 * Refusals are either `malformed` (the queue record or plan cannot be trusted at all: missing grant, plan that
 * does not parse, digest mismatch, plan for another grant → the action goes dead) or not (a legitimate record
 * whose facts no longer allow the grant → the action fails).
 */
import {
    CONSOLE_APPROVAL_SLOTS,
    DURATION_BOUNDS,
    providerDurationReasons,
    GRANTABLE_STATES,
    durationWithinWindow,
    extensionGateVerdict,
    extensionProviderReason,
    ticketVerdict,
    verifyPlanDigest,
    type BoundTicket,
    TARGET_KINDS,
    evaluatePolicyRecords,
    formatMinutes,
    isSysId,
    namedSlotProblems,
    parsePlan,
    planDigest,
    withRecordedTicketFacts,
    type AccessRequest,
    type Decision,
    type ExecutionPlan,
    type PersonRef,
    type RequestTarget,
    type TargetKind,
} from '@gbg/shared'
import {
    APPROVAL_GATE_CODE,
    SHORTENED_EVENT,
    VOTE_EVENT,
    judgeApprovals,
    parseStoredRoute,
    shortenedFrom,
    votersToLookUp,
} from './approval-gate'
import type {
    ApprovalRecord,
    AuditEventRecord,
    Clock,
    GateFactsBundle,
    GrantRecord,
    QueueAction,
    ServiceNowGateway,
    UserRecord,
} from './ports'
import { isServiceNowError } from './servicenow/errors'
import { errorText } from './transport'

/** Stable refusal codes (audit events and tickets key on them). */
export const RECHECK_CODE = {
    grantMissing: 'GRANT_MISSING',
    grantState: 'GRANT_STATE',
    planInvalid: 'PLAN_INVALID',
    digestMismatch: 'PLAN_DIGEST_MISMATCH',
    planGrantMismatch: 'PLAN_GRANT_MISMATCH',
    providerUnknown: 'PROVIDER_NOT_CONFIGURED',
    approvalMissing: APPROVAL_GATE_CODE.approvalMissing,
    approvalRejected: APPROVAL_GATE_CODE.approvalRejected,
    selfApproval: APPROVAL_GATE_CODE.selfApproval,
    /** An approval's voter is no user (a sys_id that names nobody). */
    approverInvalid: APPROVAL_GATE_CODE.approverInvalid,
    /** A counted vote bound another plan digest: the plan (and its digest) changed after the vote. */
    voteDigestMismatch: APPROVAL_GATE_CODE.voteDigestMismatch,
    /** The plan's principal (user name / e-mail) is not the requested-for user's current record. */
    principalMismatch: 'PRINCIPAL_MISMATCH',
    approvalStale: 'APPROVAL_STALE',
    policyDenied: 'POLICY_DENIED',
    windowInvalid: 'WINDOW_INVALID',
    /** Cancelled before it started (by an approver, SecOps, the requester, or because its ticket ended). */
    grantCancelled: 'GRANT_CANCELLED',
    /** The linked incident / change ended, or the change window is over (shared tickets.ts ticketVerdict). */
    ticketEnded: 'TICKET_ENDED',
    /** An extension plan whose grant can no longer be extended as approved (shared extend.ts extensionGateVerdict). */
    extensionRefused: 'EXTENSION_REFUSED',
    checkError: 'CHECK_ERROR',
} as const
export type RecheckCode = (typeof RECHECK_CODE)[keyof typeof RECHECK_CODE]

/** Inputs of {@link recheckGrant}. */
export interface RecheckDeps {
    gateway: ServiceNowGateway
    clock: Pick<Clock, 'now'>
    /** Names of the providers this executor has configured. */
    providers: ReadonlySet<string> | ReadonlyMap<string, unknown>
    /** Oldest approval still accepted, in ms. @defaultValue 24 h */
    maxApprovalAgeMs?: number
}

/** A passed recheck: what the privileged call may rely on. */
export interface RecheckPassed {
    ok: true
    grant: GrantRecord
    plan: ExecutionPlan
    digest: string
    approvals: ApprovalRecord[]
    decision: Decision
    checkedAt: Date
    /**
     * Minutes to grant now: the plan's duration, or fewer so that access ends by the linked change window's end
     * (shared tickets.ts durationWithinWindow). Never more than the plan's.
     */
    grantMinutes: number
    /** End of the linked change window (epoch ms): expiry is capped there. Null without a change. */
    expiryCapMs: number | null
    /** An extension plan: the grant it extends as read at the gate, and that grant's scheduled revoke (to move). */
    extension?: ExtensionAtGate
}

/** What the gate read about the grant an extension plan extends. */
export interface ExtensionAtGate {
    grant: GrantRecord
    /** The grant's open scheduled revoke at its current end (null when none is open: nothing to move). */
    scheduledRevoke: QueueAction | null
    fromMs: number
    toMs: number
    totalMinutes: number
}

/** A refusal. */
export interface RecheckRefused {
    ok: false
    code: RecheckCode
    reason: string
    /** The record cannot be trusted (→ dead), as opposed to facts that no longer allow the grant (→ failed). */
    malformed: boolean
    /** The grant as read, when it could be read. */
    grant?: GrantRecord
    /** The plan, when it parsed (for the incident text). */
    plan?: ExecutionPlan
    /**
     * The check could not complete because ServiceNow was transiently unavailable (timeout, 429, 5xx): still no
     * grant, but the action is retried with backoff instead of failing the request for good.
     */
    transient?: boolean
    /** Server-requested wait (Retry-After) for a transient refusal. */
    retryAfterMs?: number
}

export type RecheckResult = RecheckPassed | RecheckRefused

/** Default {@link RecheckDeps.maxApprovalAgeMs}: 24 hours. */
export const DEFAULT_MAX_APPROVAL_AGE_MS = 24 * 3_600_000

/** The app's audit event recording the policy judgement on submit (and, with it, the ticket facts). */
const POLICY_EVALUATED_EVENT = 'policy.evaluated'

class Refusal extends Error {
    constructor(
        readonly code: RecheckCode,
        message: string,
        readonly malformed = false,
    ) {
        super(message)
    }
}

/**
 * Read the grant an extension plan extends, and its open actions, and judge them (shared extensionGateVerdict): deny
 * when in doubt (ended, revoked or being revoked, changed since the approval, another provider / person / target).
 */
async function extensionAtGate(plan: ExecutionPlan, deps: RecheckDeps, now: Date): Promise<ExtensionAtGate> {
    const ext = plan.extension!
    let extended: GrantRecord
    try {
        extended = await deps.gateway.getGrant(ext.grantSysId)
    } catch (error) {
        if (isServiceNowError(error, 'not_found')) {
            throw new Refusal(RECHECK_CODE.extensionRefused, `The grant to extend (${ext.grantNumber}) does not exist.`)
        }
        throw error
    }
    const verified = verifyPlanDigest(extended.plan, extended.planDigest)
    const open = await deps.gateway.listOpenActionsForGrant(extended.sysId)
    const revokes = open.filter((a) => a.type === 'revoke')
    const expiresAtMs = extended.expiresAt ? extended.expiresAt.getTime() : NaN
    const verdict = extensionGateVerdict(
        plan,
        {
            sysId: extended.sysId,
            number: extended.number,
            state: extended.state,
            expiresAtMs,
            plan: verified.ok && verified.plan.grantSysId === extended.sysId ? verified.plan : null,
            openRevokes: revokes.map((a) => ({
                priority: a.priority,
                number: a.number,
                notBeforeMs: a.notBefore ? a.notBefore.getTime() : NaN,
            })),
        },
        now.getTime(),
    )
    if (!verdict.allowed) throw new Refusal(RECHECK_CODE.extensionRefused, `${verdict.code}: ${verdict.message}`)
    const fromMs = Date.parse(ext.fromExpiresAt)
    const toMs = Date.parse(ext.toExpiresAt)
    const grantedAtMs = extended.grantedAt ? extended.grantedAt.getTime() : NaN
    if (!isFinite(grantedAtMs)) {
        throw new Refusal(RECHECK_CODE.extensionRefused, `${extended.number} has no recorded grant time.`)
    }
    return {
        grant: extended,
        scheduledRevoke: revokes.find((a) => a.state === 'ready') ?? null,
        fromMs,
        toMs,
        totalMinutes: Math.ceil((toMs - grantedAtMs) / 60_000),
    }
}

/** Run the gate for `grantSysId`. Never throws: every failure is a refusal. */
export async function recheckGrant(grantSysId: string, deps: RecheckDeps): Promise<RecheckResult> {
    let grant: GrantRecord | undefined
    let plan: ExecutionPlan | undefined
    try {
        if (!isSysId(grantSysId)) throw new Refusal(RECHECK_CODE.grantMissing, 'The action names no valid grant.', true)
        try {
            grant = await deps.gateway.getGrant(grantSysId)
        } catch (error) {
            if (isServiceNowError(error, 'not_found')) {
                throw new Refusal(RECHECK_CODE.grantMissing, `Grant ${grantSysId} does not exist (or is hidden).`, true)
            }
            throw error
        }
        const g = grant
        if (g.state === 'cancelled') {
            throw new Refusal(
                RECHECK_CODE.grantCancelled,
                `Grant ${g.number} was cancelled before it started${g.lastError ? ` (${g.lastError})` : ''}; nothing is granted.`,
            )
        }
        if (!GRANTABLE_STATES.includes(g.state)) {
            throw new Refusal(
                RECHECK_CODE.grantState,
                `Grant ${g.number} is ${g.state}; only ${GRANTABLE_STATES.join(' / ')} grants may be granted.`,
            )
        }

        // Plan: parses strictly, digest equals the approved one, belongs to this grant and matches its record.
        const parsed = parsePlan(g.plan)
        if (!parsed.ok) {
            throw new Refusal(RECHECK_CODE.planInvalid, `The stored plan is invalid: ${parsed.errors.join('; ')}`, true)
        }
        plan = parsed.plan
        const digest = planDigest(plan)
        if (digest !== g.planDigest) {
            throw new Refusal(
                RECHECK_CODE.digestMismatch,
                // "computed <hex>", not "digest <hex>": the log redactor reads "Digest <token>" as HTTP Digest auth.
                `The plan was changed after approval (computed SHA-256 ${digest} != approved ${g.planDigest || '(empty)'}).`,
                true,
            )
        }
        if (plan.grantSysId !== g.sysId) {
            throw new Refusal(
                RECHECK_CODE.planGrantMismatch,
                `The plan belongs to grant ${plan.grantSysId}, not ${g.sysId}.`,
                true,
            )
        }
        const mismatches = planGrantMismatches(plan, g)
        if (mismatches.length > 0) {
            throw new Refusal(
                RECHECK_CODE.planGrantMismatch,
                `The grant record no longer matches its approved plan: ${mismatches.join('; ')}.`,
                true,
            )
        }
        if (!hasProvider(deps.providers, plan.provider)) {
            throw new Refusal(
                RECHECK_CODE.providerUnknown,
                `Provider "${plan.provider}" is not configured on this executor.`,
            )
        }

        // Window: the plan's duration is the approved one and within the hard bounds.
        if (plan.durationMinutes < DURATION_BOUNDS.min || plan.durationMinutes > DURATION_BOUNDS.max) {
            throw new Refusal(
                RECHECK_CODE.windowInvalid,
                `Approved duration ${plan.durationMinutes} min is outside the bounds.`,
            )
        }
        // …and within what the provider itself accepts (EPM: 5 min – 24 h), as the app checked on submit.
        const providerLimit = providerDurationReasons(plan.provider, plan.durationMinutes)[0]
        if (providerLimit) throw new Refusal(RECHECK_CODE.windowInvalid, providerLimit.message)
        if (g.approvedDuration > 0 && g.approvedDuration !== plan.durationMinutes) {
            throw new Refusal(
                RECHECK_CODE.windowInvalid,
                `Approved duration on the grant (${g.approvedDuration} min) differs from the plan (${plan.durationMinutes} min).`,
            )
        }

        // Approvals, before today's facts (so a plan rewritten after the votes is named as such): the route stored
        // on the grant decides who must approve; only the grant's own approvals with their recorded votes count,
        // and every counted vote bound this plan's digest (approval-gate.ts).
        const now = deps.clock.now()
        const route = parseStoredRoute(await deps.gateway.getApprovalRoute(g.sysId))
        // One read of the grant's chain for every recorded fact the gate judges.
        const events = await deps.gateway.listAuditEvents(g.sysId, [
            VOTE_EVENT,
            SHORTENED_EVENT,
            POLICY_EVALUATED_EVENT,
        ])
        // One read of every platform fact (the app's gate-facts endpoint): approvals, people, CI, tickets, settings.
        const facts = await deps.gateway.gateFacts(g.sysId)
        const { approved, filled } = judgeVotes(g, plan, digest, route, events, facts)
        // The emergency console (issue 14): exactly its three named slots, three distinct people, none the requester.
        if (plan.target.kind === 'console' && plan.provider === 'console') {
            const person = (id: string): PersonRef => ({ sysId: id, email: facts.users.get(id)?.email ?? '' })
            const problems = namedSlotProblems(
                CONSOLE_APPROVAL_SLOTS,
                route.slots,
                filled.map((f) => ({
                    filled: f.filled,
                    approver: person(f.approverSysId),
                    ...(f.onBehalfOf ? { onBehalfOf: person(f.onBehalfOf) } : {}),
                    recordedSlot: f.recordedSlot,
                })),
                { requestedFor: person(g.requestedFor), openedBy: person(g.openedBy) },
            )
            if (problems.length > 0) {
                throw new Refusal(
                    RECHECK_CODE.approvalMissing,
                    'The emergency console needs incident command, security and the accountable customer-account ' +
                        `authority to approve, three distinct people, none the requester: ${problems.join('; ')}.`,
                )
            }
        }

        // Current facts → the same policy evaluation as on submit (and the plan's principal / device as they are).
        const request = buildRequest(g, plan, facts)
        // An extension: the grant it extends must still be the live access the approvers saw, and the policy's
        // maximum applies to the whole access (granted_at → new end), as on submit (shared extend.ts).
        let extension: ExtensionAtGate | undefined
        if (plan.operation === 'extend') {
            if (route.slots.length === 0) {
                throw new Refusal(RECHECK_CODE.approvalMissing, 'An extension needs a human approval; it has none.')
            }
            extension = await extensionAtGate(plan, deps, now)
            request.durationMinutes = extension.totalMinutes
            const providerRule = extensionProviderReason(plan.provider, plan.durationMinutes, extension.totalMinutes)
            if (providerRule) throw new Refusal(RECHECK_CODE.extensionRefused, providerRule)
        }
        // Approved by rule: who raised / shaped the incident is what the app recorded (sys_audit is not readable
        // here), and only while the incident is unchanged since (tickets.ts withRecordedTicketFacts).
        let factsProblem = ''
        if (route.slots.length === 0 && request.incident) {
            const held = withRecordedTicketFacts(request.incident, recordedTicketFacts(events))
            request.incident = held.incident
            factsProblem = held.problem
        }
        // Ticket-bound access: the linked incident / change must still be open and the change window not over; the
        // access is granted only up to the window's end (shared tickets.ts, the same rule the app applies).
        let expiryCapMs: number | null = null
        for (const ticket of boundTickets(request)) {
            const verdict = ticketVerdict(ticket, now.getTime())
            if (!verdict.open) throw new Refusal(RECHECK_CODE.ticketEnded, verdict.reason)
            if (verdict.endsAtMs !== null) expiryCapMs = verdict.endsAtMs
        }
        if (extension && expiryCapMs !== null && extension.toMs > expiryCapMs) {
            throw new Refusal(
                RECHECK_CODE.ticketEnded,
                `The window of change ${request.change ? request.change.number : ''} now ends before the extension's new end; nothing is extended.`,
            )
        }
        const grantMinutes = extension
            ? plan.durationMinutes
            : durationWithinWindow(now.getTime(), plan.durationMinutes, expiryCapMs)
        if (grantMinutes < 1) {
            throw new Refusal(
                RECHECK_CODE.ticketEnded,
                `Less than a minute is left in the window of change ${request.change ? request.change.number : ''}; nothing is granted.`,
            )
        }
        const records = await deps.gateway.listPolicies()
        const settings = facts.settings
        const decision = evaluatePolicyRecords(request, records, {
            nowMs: now.getTime(),
            integrationEnabled: settings.integrationEnabled,
            defaultMaxDurationMinutes: settings.defaultMaxDurationMinutes,
        })
        if (!decision.allowed) {
            throw new Refusal(
                RECHECK_CODE.policyDenied,
                `Policy now denies the request: ${decision.reasons.map((r) => `${r.code}: ${r.message}`).join('; ')}`,
            )
        }
        // The emergency console: each named slot approved by a current member of the group today's policy names for
        // it (nobody outside the slot's group, whatever the stored route says).
        if (plan.target.kind === 'console' && plan.provider === 'console') {
            const problems = slotGroupProblems(decision, route, filled, facts)
            if (problems.length > 0) {
                throw new Refusal(
                    RECHECK_CODE.approvalMissing,
                    `The emergency console's approvals do not come from the groups the policy names: ${problems.join('; ')}.`,
                )
            }
        }

        // A route with no slot was approved by rule: the auto-approve rule must still match today, recently.
        const maxAge = deps.maxApprovalAgeMs ?? DEFAULT_MAX_APPROVAL_AGE_MS
        if (route.slots.length === 0) {
            if (!decision.autoApprove) {
                const why = [
                    factsProblem,
                    ...(decision.autoApproveDeclined || []).map((r) => `${r.code}: ${r.message}`),
                ]
                    .filter((w) => w !== '')
                    .join('; ')
                throw new Refusal(
                    RECHECK_CODE.approvalMissing,
                    'The request has no approval: its stored route names no approver and the automatic approval ' +
                        `does not hold${why ? ` (${why})` : ' (no auto-approve rule matches)'}; it needs a human approval.`,
                )
            }
            if (!g.approvedAt || now.getTime() - g.approvedAt.getTime() > maxAge) {
                throw new Refusal(
                    RECHECK_CODE.approvalStale,
                    'The automatic approval is missing its time or is too old.',
                )
            }
        }
        for (const a of approved) {
            if (
                !(a.updatedOn instanceof Date) ||
                isNaN(a.updatedOn.getTime()) ||
                now.getTime() - a.updatedOn.getTime() > maxAge
            ) {
                throw new Refusal(
                    RECHECK_CODE.approvalStale,
                    `Approval ${a.sysId} is older than ${formatMinutes(Math.round(maxAge / 60_000))}; the request must be approved again.`,
                )
            }
        }
        return {
            ok: true,
            grant: g,
            plan,
            digest,
            approvals: approved,
            decision,
            checkedAt: now,
            grantMinutes,
            expiryCapMs,
            ...(extension ? { extension } : {}),
        }
    } catch (error) {
        if (error instanceof Refusal) {
            return { ok: false, code: error.code, reason: error.message, malformed: error.malformed, grant, plan }
        }
        // Fail secure: a check that could not complete is a refusal, never a pass. When the cause is a transient
        // ServiceNow outage the refusal is marked transient: the worker retries later rather than failing the grant.
        const message = errorText(error)
        // Refused credentials (401 twice) are transient too: a person fixes them and the grant goes on, while
        // readiness and the logs say why nothing moves.
        const transient = isServiceNowError(error, 'retryable') || isServiceNowError(error, 'unauthorized')
        return {
            ok: false,
            code: RECHECK_CODE.checkError,
            reason: `The recheck could not complete (${message}); refusing to grant.`,
            malformed: false,
            grant,
            plan,
            transient,
            retryAfterMs: transient ? (error as { retryAfterMs?: number }).retryAfterMs : undefined,
        }
    }
}

/**
 * For each named slot filled: the group today's policy names for it (decision.requiredApprovals), the group the
 * stored route drew it from, and the assigned approver's current membership must all agree. [] when they do.
 */
export function slotGroupProblems(
    decision: Decision,
    route: ReturnType<typeof parseStoredRoute>,
    filled: { filled: string; approverSysId: string; onBehalfOf: string }[],
    facts: GateFactsBundle,
): string[] {
    const problems: string[] = []
    for (const f of filled) {
        const label = f.filled.replace(/_/g, ' ')
        const required = decision.requiredApprovals.filter((r) => r.kind === f.filled)[0]
        const groupId = required?.groupId ?? ''
        if (!isSysId(groupId)) {
            problems.push(`the policy names no group for the ${label} slot`)
            continue
        }
        // The person the slot was asked of (a delegate acts for them; the delegate need not be in the group).
        const assigned = f.onBehalfOf || f.approverSysId
        const drawn = route.assignments.filter((a) => a.slot === f.filled && a.approverSysId === assigned)
        if (drawn.length === 0 || drawn.some((a) => a.groupId !== groupId)) {
            problems.push(`the ${label} approver was not drawn from the policy's ${label} group`)
        }
        const user = facts.users.get(assigned)
        if (!user || !user.groupSysIds.includes(groupId)) {
            problems.push(`the ${label} approver ${user?.userName ?? assigned} is not a member of the ${label} group`)
        }
    }
    return problems
}

/** The tickets the request is bound to (its incident and change, as read now). */
function boundTickets(request: AccessRequest): BoundTicket[] {
    const out: BoundTicket[] = []
    const i = request.incident
    if (i) out.push({ kind: 'incident', number: i.number, state: i.state ?? '', active: i.active })
    const c = request.change
    if (c) out.push({ kind: 'change', number: c.number, state: c.state ?? '', active: c.active, endMs: c.endMs })
    return out
}

function hasProvider(providers: RecheckDeps['providers'], name: string): boolean {
    return providers.has(name)
}

/**
 * The approvals that fill the grant's stored route ({@link judgeApprovals}); none for a route without slots (approved
 * by rule), where any rejection on the grant still refuses.
 */
function judgeVotes(
    g: GrantRecord,
    plan: ExecutionPlan,
    digest: string,
    route: ReturnType<typeof parseStoredRoute>,
    events: AuditEventRecord[],
    facts: GateFactsBundle,
): { approved: ApprovalRecord[]; filled: Extract<ReturnType<typeof judgeApprovals>, { ok: true }>['filled'] } {
    // Only the approvals on the grant itself count (never those reached through its RITM).
    const approvals = facts.grantApprovals
    const votes = events.filter((e) => e.eventType === VOTE_EVENT)
    const shortenings = events.filter((e) => e.eventType === SHORTENED_EVENT)
    const users = new Map<string, UserRecord | null>()
    for (const id of votersToLookUp(approvals, votes)) users.set(id, facts.users.get(id) ?? null)
    const request = approverRequest(g)
    const before = shortenedFrom(plan, digest, shortenings)
    const verdict = judgeApprovals({ request, route, approvals, votes, digest, users, shortenedFrom: before })
    if (route.slots.length === 0) {
        if (!verdict.ok && verdict.code === RECHECK_CODE.approvalRejected)
            throw new Refusal(verdict.code, verdict.reason)
        return { approved: [], filled: [] }
    }
    if (!verdict.ok) throw new Refusal(verdict.code, verdict.reason, verdict.malformed)
    return { approved: verdict.counted, filled: verdict.filled }
}

/**
 * The ticket facts the app recorded when it judged the request (its `policy.evaluated` event's `ticketFacts`);
 * undefined unless exactly one such event exists (a second one is not the app's single judgement: trust neither).
 */
function recordedTicketFacts(events: AuditEventRecord[]): unknown {
    const evaluated = events.filter((e) => e.eventType === POLICY_EVALUATED_EVENT)
    return evaluated.length === 1 ? evaluated[0]!.payload['ticketFacts'] : undefined
}

/** The request as far as judging a voter needs it: who the access is for, who opened it (as the app judges). */
function approverRequest(g: GrantRecord): AccessRequest {
    return {
        requestedFor: { sysId: g.requestedFor, userName: '', email: '', active: true, groupIds: [] },
        openedBy: g.openedBy,
        targetKind: g.targetKind as TargetKind,
        target: {},
        durationMinutes: 0,
        justification: '',
        emergency: false,
    }
}

/** How the plan's principal differs from the user's current record ('' when it does not). */
function principalMismatch(plan: ExecutionPlan, user: UserRecord): string {
    const p = plan.principal
    const out: string[] = []
    if (p.userName.trim().toLowerCase() !== user.userName.trim().toLowerCase()) {
        out.push(`user name "${p.userName}" is now "${user.userName}"`)
    }
    // The e-mail is what providers resolve the principal by (Entra: the UPN): it must be the user's own, today.
    if (p.email.trim().toLowerCase() !== user.email.trim().toLowerCase()) {
        out.push(`e-mail "${p.email}" is now "${user.email}"`)
    }
    return out.join('; ')
}

/** Fields of the grant record that must agree with the frozen plan. */
function planGrantMismatches(plan: ExecutionPlan, g: GrantRecord): string[] {
    const out: string[] = []
    if (plan.principal.userSysId !== g.requestedFor) out.push('requested_for differs from the plan principal')
    if (plan.target.kind !== g.targetKind) out.push('target kind differs')
    if (g.provider && g.provider !== plan.provider) out.push('provider differs')
    const t = plan.target
    if (t.ciSysId !== undefined && g.targetCi && t.ciSysId !== g.targetCi) out.push('target CI differs')
    if (t.roleId !== undefined && g.targetRoleId && t.roleId !== g.targetRoleId) out.push('target role differs')
    if (t.account !== undefined && g.targetAccount && t.account !== g.targetAccount) out.push('target account differs')
    if (plan.target.kind === 'entra_group' && g.targetGroupId && t.groupId !== g.targetGroupId)
        out.push('target group differs')
    if (plan.emergency !== g.emergency) out.push('emergency flag differs')
    return out
}

/** Resolve the current facts of the request (what the plan will do, judged with today's user / CI / tickets). */
function buildRequest(g: GrantRecord, plan: ExecutionPlan, facts: GateFactsBundle): AccessRequest {
    const kind = plan.target.kind as TargetKind
    if (!TARGET_KINDS.includes(kind)) throw new Refusal(RECHECK_CODE.planInvalid, `Unknown target kind ${kind}.`, true)
    const user = facts.users.get(plan.principal.userSysId)
    if (!user) {
        throw new Refusal(
            RECHECK_CODE.checkError,
            `The plan's principal ${plan.principal.userSysId} is not a user the instance knows (or it is hidden).`,
        )
    }
    const principal = principalMismatch(plan, user)
    if (principal) {
        throw new Refusal(
            RECHECK_CODE.principalMismatch,
            `The plan's principal is not ${user.userName}'s current record: ${principal}.`,
        )
    }
    const target: RequestTarget = {}
    const t = plan.target
    if (kind === 'device_local_admin' && t.ciSysId) {
        const ci = facts.computers.get(t.ciSysId)
        if (!ci) {
            throw new Refusal(
                RECHECK_CODE.checkError,
                `The plan's device ${t.ciSysId} is not a CI the instance knows (or it is hidden).`,
            )
        }
        if (t.deviceName !== undefined && t.deviceName.trim().toLowerCase() !== ci.name.trim().toLowerCase()) {
            throw new Refusal(
                RECHECK_CODE.planGrantMismatch,
                `The plan's device name "${t.deviceName}" is not the name of its CI (${ci.name}).`,
                true,
            )
        }
        target.ci = {
            sysId: ci.sysId,
            name: ci.name,
            deviceClass: ci.deviceClass,
            corpManaged: ci.corpManaged === true,
            production: ci.production,
        }
    }
    if (t.roleId) target.roleId = t.roleId
    if (t.roleName) target.roleName = t.roleName
    if (t.groupId) target.groupId = t.groupId
    if (t.account) target.account = t.account
    if (t.tenantId) target.tenantId = t.tenantId
    if (t.tenantName) target.tenantName = t.tenantName
    if (t.scope) target.scope = t.scope
    const request: AccessRequest = {
        requestedFor: {
            sysId: user.sysId,
            userName: user.userName,
            email: user.email,
            active: user.active,
            groupIds: user.groupSysIds,
        },
        openedBy: g.openedBy,
        targetKind: kind,
        target,
        durationMinutes: plan.durationMinutes,
        justification: plan.justification,
        emergency: plan.emergency,
    }
    if (g.incident) {
        if (!isSysId(g.incident))
            throw new Refusal(RECHECK_CODE.planGrantMismatch, 'The linked incident is not a sys_id.', true)
        if (!facts.incident || facts.incident.sysId !== g.incident) {
            throw new Refusal(
                RECHECK_CODE.checkError,
                `The linked incident ${g.incident} does not exist (or is hidden).`,
            )
        }
        request.incident = { ...facts.incident }
    }
    if (g.change) {
        if (!isSysId(g.change))
            throw new Refusal(RECHECK_CODE.planGrantMismatch, 'The linked change is not a sys_id.', true)
        if (!facts.change || facts.change.sysId !== g.change) {
            throw new Refusal(RECHECK_CODE.checkError, `The linked change ${g.change} does not exist (or is hidden).`)
        }
        request.change = { ...facts.change }
    }
    return request
}
