/**
 * The approval half of the recheck gate (issue 10, attacks 4 and 5), pure: given the grant's stored approval
 * route, the approval records of the grant itself, the `approval.vote` events of its audit chain and the voters'
 * current user records, decide whether the plan about to be granted is the plan the required people approved.
 *
 * Rules (the app decides the same votes with the shared {@link approvalOutcome}; this only adds what the executor
 * must check again from outside the app):
 * - only approvals on the grant itself (document_id = grant) count — never those reached through a RITM, whose
 *   reference can be re-pointed;
 * - an approval counts only when its approver is listed in the stored route (`assignments`) and the app recorded
 *   its vote (`approval.vote`, payload `{ approval, decision, voter, slot, planDigest, authority, onBehalfOf? }`)
 *   with the same voter, or as cast for that approver by their delegate / an approval administrator (`onBehalfOf`
 *   = the approver, `authority` delegate | approval_admin | admin: the app judged the delegation, issue 11);
 * - every counted vote bound the digest of the plan being granted: a plan rewritten together with its digest
 *   after the votes has no vote;
 * - the voter is an existing, active user, never the requester or whoever opened the request;
 * - any rejection refuses; every slot of the route must be filled by a distinct person (a vote cast for another
 *   approver uses up both the voter and that approver).
 */
import {
    ROUTE_SLOTS,
    actsForAnother,
    approvalOutcome,
    canApprove,
    isSysId,
    planDigest,
    type AccessRequest,
    type ApprovalAssignment,
    type ApprovalSlot,
    type ApprovalVote,
    type ExecutionPlan,
} from '@gbg/shared'
import type { ApprovalRecord, AuditEventRecord, UserRecord } from './ports'

/** The audit event type the app records each accepted vote as. */
export const VOTE_EVENT = 'approval.vote'

/** Refusal codes of {@link judgeApprovals} (a subset of the recheck gate's codes). */
export const APPROVAL_GATE_CODE = {
    approvalMissing: 'APPROVAL_MISSING',
    approvalRejected: 'APPROVAL_REJECTED',
    selfApproval: 'SELF_APPROVAL',
    approverInvalid: 'APPROVER_INVALID',
    voteDigestMismatch: 'PLAN_NOT_APPROVED',
} as const
export type ApprovalGateCode = (typeof APPROVAL_GATE_CODE)[keyof typeof APPROVAL_GATE_CODE]

const SLOTS: readonly ApprovalSlot[] = [...ROUTE_SLOTS, 'escalation']

/** The approval route stored on the grant at submit (policy_decision JSON: slots + assignments). */
export interface StoredRoute {
    slots: ApprovalSlot[]
    assignments: ApprovalAssignment[]
}

/** Parse the grant's policy_decision JSON; anything unreadable is an empty route (no slot, nobody listed). */
export function parseStoredRoute(text: string): StoredRoute {
    let value: unknown
    try {
        value = JSON.parse(text || '{}')
    } catch {
        return { slots: [], assignments: [] }
    }
    const v = (value !== null && typeof value === 'object' ? value : {}) as { slots?: unknown; assignments?: unknown }
    const slots = Array.isArray(v.slots)
        ? v.slots.filter((s): s is ApprovalSlot => SLOTS.includes(s as ApprovalSlot) && s !== 'escalation')
        : []
    const assignments: ApprovalAssignment[] = []
    if (Array.isArray(v.assignments)) {
        for (const a of v.assignments as unknown[]) {
            const x = (a ?? {}) as Record<string, unknown>
            if (
                SLOTS.includes(x.slot as ApprovalSlot) &&
                typeof x.approverSysId === 'string' &&
                isSysId(x.approverSysId)
            ) {
                assignments.push({
                    slot: x.slot as ApprovalSlot,
                    approverSysId: x.approverSysId,
                    groupId: typeof x.groupId === 'string' ? x.groupId : '',
                    // The approval record the app created for this assignment: it fills this slot and no other.
                    ...(typeof x.approvalSysId === 'string' && isSysId(x.approvalSysId)
                        ? { approvalSysId: x.approvalSysId }
                        : {}),
                })
            }
        }
    }
    return { slots, assignments }
}

/** One `approval.vote` payload as the contract defines it; null when the payload is not one. */
export interface RecordedVote {
    approval: string
    decision: 'approved' | 'rejected'
    voter: string
    slot: string
    planDigest: string
    actor: string
    /** The assigned approver the voter acted for ('' when they voted themselves). */
    onBehalfOf: string
    /** The authority the app recorded ('approver', 'delegate', 'approval_admin', 'admin'; '' in older events). */
    authority: string
}

function recordedVote(e: AuditEventRecord): RecordedVote | null {
    const p = e.payload
    if (typeof p.approval !== 'string' || typeof p.voter !== 'string' || typeof p.planDigest !== 'string') return null
    if (p.decision !== 'approved' && p.decision !== 'rejected') return null
    return {
        approval: p.approval,
        decision: p.decision,
        voter: p.voter,
        slot: typeof p.slot === 'string' ? p.slot : '',
        planDigest: p.planDigest,
        actor: e.actor,
        onBehalfOf: typeof p.onBehalfOf === 'string' ? p.onBehalfOf : '',
        authority: typeof p.authority === 'string' ? p.authority : '',
    }
}

/** Inputs of {@link judgeApprovals}. */
export interface ApprovalGateInput {
    /** Who the access is for and who opened the request ({@link canApprove} reads only these). */
    request: AccessRequest
    route: StoredRoute
    /** The approval records of the grant itself. */
    approvals: ApprovalRecord[]
    /** The grant's `approval.vote` events, in sequence order. */
    votes: AuditEventRecord[]
    /** Digest of the plan about to be granted. */
    digest: string
    /**
     * Earlier digests of this very plan that a vote may have bound: the plan before an approver shortened it
     * ({@link shortenedFrom}). Absent: only `digest`.
     */
    shortenedFrom?: ReadonlySet<string>
    /** Current user record of each voter (null: no such user). */
    users: ReadonlyMap<string, UserRecord | null>
}

/** Result of {@link judgeApprovals}. */
export type ApprovalGateResult =
    | {
          ok: true
          counted: ApprovalRecord[]
          /** Which slot each counted approval filled, who acted (and for whom), and the slot its vote recorded. */
          filled: { filled: ApprovalSlot; approverSysId: string; onBehalfOf: string; recordedSlot: string }[]
      }
    | { ok: false; code: ApprovalGateCode; reason: string; malformed: boolean }

/** The audit event the app records when it applies an approver's shortening (re-freezing the plan). */
export const SHORTENED_EVENT = 'plan.shortened'

/**
 * The digests `plan` had before an approver shortened it — what the votes cast before the shortening bound. A
 * `plan.shortened` event counts only when it names this plan's digest as `after` and its `before` digest is this
 * very plan with the longer `beforeMinutes` and nothing else changed: a shortening can only ever take access away,
 * so a vote for the longer plan covers the shorter one. Anything else (another target, a longer duration, an
 * event that does not add up) proves nothing.
 */
export function shortenedFrom(
    plan: ExecutionPlan,
    digest: string,
    events: AuditEventRecord[],
): Set<string> {
    const before = new Set<string>()
    for (const e of events) {
        const p = e.payload
        if (p.after !== digest || typeof p.before !== 'string' || typeof p.beforeMinutes !== 'number') continue
        if (!Number.isInteger(p.beforeMinutes) || p.beforeMinutes <= plan.durationMinutes) continue
        if (planDigest({ ...plan, durationMinutes: p.beforeMinutes }) === p.before) before.add(p.before)
    }
    return before
}

/** The people whose records {@link judgeApprovals} needs: the voter of every approved approval on the grant. */
export function votersToLookUp(approvals: ApprovalRecord[], votes: AuditEventRecord[]): string[] {
    const ids = new Set<string>()
    for (const a of approvals) if (a.state === 'approved' && isSysId(a.approverSysId)) ids.add(a.approverSysId)
    for (const e of votes) {
        const v = recordedVote(e)
        if (v && isSysId(v.voter)) ids.add(v.voter)
    }
    return [...ids]
}

/** Judge the votes of a grant whose route needs people (route.slots not empty). */
export function judgeApprovals(input: ApprovalGateInput): ApprovalGateResult {
    const { request, route, approvals, digest, users } = input
    const votes = input.votes.map(recordedVote).filter((v): v is RecordedVote => v !== null)
    const refuse = (code: ApprovalGateCode, reason: string, malformed = false): ApprovalGateResult => ({
        ok: false,
        code,
        reason,
        malformed,
    })

    const rejected = approvals.filter((a) => a.state === 'rejected')
    const rejectedVotes = votes.filter((v) => v.decision === 'rejected')
    if (rejected.length > 0 || rejectedVotes.length > 0) {
        const ids = [...new Set([...rejected.map((a) => a.sysId), ...rejectedVotes.map((v) => v.approval)])]
        return refuse(APPROVAL_GATE_CODE.approvalRejected, `The request has rejected approval(s): ${ids.join(', ')}.`)
    }

    const ignored: string[] = []
    const counted: ApprovalVote[] = []
    const bySysId = new Map<string, ApprovalRecord>()
    for (const a of approvals.filter((x) => x.state === 'approved')) {
        // The last recorded vote on this approval is the one that set its state.
        const vote = votes.filter((v) => v.approval === a.sysId && v.decision === 'approved').pop()
        for (const who of vote ? [a.approverSysId, vote.voter] : [a.approverSysId]) {
            const verdict = canApprove(request, who)
            if (!verdict.allowed && isSysId(who)) {
                return refuse(APPROVAL_GATE_CODE.selfApproval, `Approval ${a.sysId}: ${verdict.reason}`)
            }
        }
        // An assignment the app bound to an approval record (approvalSysId) is filled through that record only, for
        // its own slot (a person asked in two slots has two records); unbound ones (older routes) by approver.
        const bound = route.assignments.filter((x) => x.approvalSysId === a.sysId)
        const assigned =
            bound.length > 0
                ? bound.filter((x) => x.approverSysId === a.approverSysId)
                : route.assignments.filter((x) => x.approverSysId === a.approverSysId && !x.approvalSysId)
        if (bound.length > 0 && assigned.length === 0) {
            ignored.push(`${a.sysId} (its approver was changed from the one the app asked)`)
            continue
        }
        if (assigned.length === 0) {
            ignored.push(`${a.sysId} (approver ${a.approverSysId || '(empty)'} is not on the approval route)`)
            continue
        }
        if (!vote) {
            ignored.push(`${a.sysId} (no recorded vote)`)
            continue
        }
        const standIn =
            vote.voter !== a.approverSysId && vote.onBehalfOf === a.approverSysId && actsForAnother(vote.authority)
        if (vote.voter !== a.approverSysId && !standIn) {
            ignored.push(`${a.sysId} (voted by ${vote.voter || '(nobody)'}, not by the approver ${a.approverSysId})`)
            continue
        }
        if (vote.planDigest !== digest && !(input.shortenedFrom?.has(vote.planDigest) ?? false)) {
            // "computed", not "digest <hex>": the log redactor reads "Digest <token>" as HTTP Digest auth.
            return refuse(
                APPROVAL_GATE_CODE.voteDigestMismatch,
                `The plan to grant (SHA-256 ${digest}) is not the plan approval ${a.sysId} approved ` +
                    `(SHA-256 ${vote.planDigest || '(none)'}): the plan was changed after the vote.`,
                true,
            )
        }
        const user = users.get(vote.voter)
        if (!user) {
            return refuse(APPROVAL_GATE_CODE.approverInvalid, `Approval ${a.sysId}: ${vote.voter} is not a user.`)
        }
        if (!user.active) {
            ignored.push(`${a.sysId} (approver ${user.userName} is no longer active)`)
            continue
        }
        // Counted as the person who acted (and, for a stand-in, the approver they acted for): distinct people per slot.
        bySysId.set(vote.voter, a)
        for (const x of assigned) {
            counted.push({
                slot: x.slot,
                approverSysId: vote.voter,
                ...(standIn ? { onBehalfOf: a.approverSysId } : {}),
                state: 'approved',
            })
        }
    }

    const outcome = approvalOutcome(request, route.slots, counted)
    if (outcome.status !== 'approved') {
        const filled = new Set(counted.map((v) => v.approverSysId)).size
        return refuse(
            APPROVAL_GATE_CODE.approvalMissing,
            `The approval route needs ${route.slots.length} approval(s) (${route.slots.join(', ')}) by distinct ` +
                `approvers; ${filled} counted.` +
                (ignored.length > 0 ? ` Not counted: ${ignored.join('; ')}.` : ''),
        )
    }
    return {
        ok: true,
        counted: outcome.approvals.map((c) => bySysId.get(c.approverSysId)!),
        filled: outcome.approvals.map((c) => {
            const record = bySysId.get(c.approverSysId)!
            const vote = votes.filter((v) => v.approval === record.sysId && v.decision === 'approved').pop()
            return {
                filled: c.filled,
                approverSysId: c.approverSysId,
                onBehalfOf: c.onBehalfOf ?? '',
                recordedSlot: vote?.slot ?? '',
            }
        }),
    }
}
