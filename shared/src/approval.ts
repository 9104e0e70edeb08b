/**
 * The approval engine's decisions: who must approve a request the policy allowed, whether the votes so far
 * approve or reject it, what an unanswered request does when its timeout passes, and the summary recorded on
 * the grant. The app keeps the votes in `sysapproval_approver`; this module only judges them.
 *
 * Rules:
 * - Every request the policy did not auto-approve needs its requester's manager; the policy may add a second
 *   approver from a named group (outside business hours, server / production CI, high-risk role).
 * - Nobody approves their own request ({@link canApprove}): such a vote is ignored and reported, never counted.
 * - Each required slot needs an approval by a distinct person (the manager cannot also be the second approver).
 * - After the policy's approval timeout the request escalates: members of the escalation group may fill any
 *   slot still open. After a second timeout it is cancelled.
 * - Any eligible rejection rejects the request.
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import type { AccessRequest, Decision, DecisionReason } from './policy-types'
import { canApprove } from './policy'
import { isSysId } from './schema'

/**
 * Kinds of approval slot. `escalation` votes may fill any slot still open after the first timeout. The named
 * slots `incident_command`, `security` and `customer_authority` are the emergency console's (issue 14): each must
 * be approved, by three distinct people, none the requester ({@link namedSlotProblems}).
 */
export type ApprovalSlot =
    | 'manager'
    | 'second_approver'
    | 'escalation'
    | 'incident_command'
    | 'security'
    | 'customer_authority'

/** The named approval slots of the emergency console (target kind and provider `console`). */
export const CONSOLE_APPROVAL_SLOTS: readonly ApprovalSlot[] = ['incident_command', 'security', 'customer_authority']

/** How each slot is named for people: on every approval record the app creates, in notes and summaries. */
export const SLOT_LABELS: Readonly<Record<ApprovalSlot, string>> = {
    manager: 'Manager',
    second_approver: 'Second approver',
    escalation: 'Escalation',
    incident_command: 'Incident command',
    security: 'Security',
    customer_authority: 'Accountable customer-account authority',
}

/**
 * The first line of an approval record's comments: which slot this approval fills (issue 14: "shown on each
 * approval record"). The app's own record and the assignment it was created for are what the gate binds the slot to;
 * this line is for the approver.
 */
export function approvalSlotLine(slot: ApprovalSlot): string {
    const named = CONSOLE_APPROVAL_SLOTS.indexOf(slot) >= 0
    return `Approval slot: ${SLOT_LABELS[slot] || slot}${named ? ' (emergency console: one of three named approvals, three different people)' : ''}`
}

/** Every slot kind a stored route may name (escalation is never a route slot of its own). */
export const ROUTE_SLOTS: readonly ApprovalSlot[] = [
    'manager',
    'second_approver',
    'incident_command',
    'security',
    'customer_authority',
]

/** An approval that filled a slot, as far as {@link namedSlotProblems} judges it. */
export interface FilledSlot {
    /** The slot filled. */
    filled: ApprovalSlot
    /** The person who acted. */
    approver: PersonRef
    /** The assigned approver a delegate acted for, if any (that person is used up too). */
    onBehalfOf?: PersonRef
    /** The slot the app recorded with the vote ('' when none was recorded). */
    recordedSlot: string
}

/**
 * Problems with a route that must consist of exactly the `required` named slots (the console's three): each slot
 * in the route once and nothing else; each filled exactly once, by the slot the vote was recorded for (a vote
 * recorded for another slot is a forged or moved vote); distinct people across all slots (a delegate and the
 * person they act for both count); none the person the access is for, nor whoever opened the request. [] when
 * none.
 */
export function namedSlotProblems(
    required: readonly ApprovalSlot[],
    routeSlots: readonly ApprovalSlot[],
    filled: readonly FilledSlot[],
    parties: { requestedFor: PersonRef; openedBy: PersonRef },
): string[] {
    const problems: string[] = []
    const label = (slot: string): string => slot.replace(/_/g, ' ')
    for (const slot of required) {
        const n = routeSlots.filter((s) => s === slot).length
        if (n !== 1) problems.push(`the approval route ${n === 0 ? 'lacks' : 'repeats'} the ${label(slot)} slot`)
    }
    for (const slot of routeSlots) {
        if (required.indexOf(slot) < 0) problems.push(`the approval route has a ${label(slot)} slot this kind does not use`)
    }
    const people: PersonRef[] = []
    for (const slot of required) {
        const here = filled.filter((f) => f.filled === slot)
        if (here.length !== 1) {
            problems.push(`the ${label(slot)} slot is ${here.length === 0 ? 'not approved' : 'filled twice'}`)
            continue
        }
        const f = here[0]!
        if (f.recordedSlot !== slot) {
            problems.push(
                `the ${label(slot)} approval was recorded for "${f.recordedSlot.slice(0, 40) || '(no slot)'}", not for ${label(slot)}`,
            )
        }
        for (const who of f.onBehalfOf ? [f.approver, f.onBehalfOf] : [f.approver]) {
            if (samePerson(who, parties.requestedFor) || samePerson(who, parties.openedBy)) {
                problems.push(`the ${label(slot)} approver is the requester`)
            }
            if (people.some((p) => samePerson(p, who))) {
                problems.push(`the ${label(slot)} approver already fills another slot: three distinct people are required`)
            }
            people.push(who)
        }
    }
    return problems
}

/** Reason codes of the approval engine. */
export const APPROVAL_REASON = {
    managerUnavailable: 'MANAGER_UNAVAILABLE',
    secondApproverUnavailable: 'SECOND_APPROVER_UNAVAILABLE',
} as const

/** One approval to request: a person, and the slot their vote fills. */
export interface ApprovalAssignment {
    slot: ApprovalSlot
    approverSysId: string
    /** Group the approver was drawn from ('' for the manager). */
    groupId: string
    /**
     * The sysapproval_approver record the app created for this assignment (set once created). Only records listed
     * here are the app's: a vote on any other record is refused and never counted.
     */
    approvalSysId?: string
}

/** Result of {@link approvalRoute}. */
export type ApprovalRoute =
    { ok: true; slots: ApprovalSlot[]; assignments: ApprovalAssignment[] } | { ok: false; reasons: DecisionReason[] }

/** The requester's manager as found on sys_user (null when the user has none). */
export interface ManagerInfo {
    sysId: string
    active: boolean
    /** The manager's e-mail address, when known: a manager with the requester's own address is the same person. */
    email?: string
}

/** A user as far as telling people apart goes. */
export interface PersonRef {
    sysId: string
    email?: string
}

/**
 * Whether two user records belong to the same human. Decision (issue 10, attack 6): the same sys_id, or the same
 * non-empty e-mail address (trimmed, case-insensitive) — an admin account ("marcus.lee-adm") shares its owner's
 * mailbox in the directories this app is used with. The `manager` link alone is NOT taken as identity: every
 * employee's manager is linked that way, and a manager approving a report's request is the normal case.
 */
export function samePerson(a: PersonRef | null, b: PersonRef | null): boolean {
    if (!a || !b || !isSysId(a.sysId) || !isSysId(b.sysId)) return false
    if (a.sysId === b.sysId) return true
    const ea = (a.email || '').trim().toLowerCase()
    const eb = (b.email || '').trim().toLowerCase()
    return ea !== '' && ea === eb
}

/** Reason codes of {@link judgeVote}. */
export const VOTE_REASON = {
    selfApproval: 'SELF_APPROVAL',
    voterInvalid: 'APPROVER_INVALID',
    notAppApproval: 'APPROVAL_NOT_IN_ROUTE',
    notAssigned: 'VOTER_NOT_ASSIGNED',
} as const

/**
 * On what authority a person acts on an approval (recorded with each accepted vote, `approval.vote` payload
 * `authority`). The platform lets a **delegate** (`sys_user_delegate` row of the approver with approvals = true,
 * current), `approval_admin` and `admin` act on approvals that are not theirs (contracts/servicenow-rest.md, "Glide
 * values"): such a vote fills the slot of the approver it was assigned to, but the voter is still the person who
 * acted — judged against the requester, and never filling a second slot.
 */
export const VOTE_AUTHORITY = {
    approver: 'approver',
    delegate: 'delegate',
    approvalAdmin: 'approval_admin',
    admin: 'admin',
} as const
export type VoteAuthority = (typeof VOTE_AUTHORITY)[keyof typeof VOTE_AUTHORITY]

/** Whether `authority` lets someone act on an approval assigned to another person (delegate, approval_admin, admin). */
export function actsForAnother(authority: unknown): authority is VoteAuthority {
    return (
        authority === VOTE_AUTHORITY.delegate ||
        authority === VOTE_AUTHORITY.approvalAdmin ||
        authority === VOTE_AUTHORITY.admin
    )
}

/**
 * What the app found about the voter acting for the assigned approver: an authority (delegate / approval_admin /
 * admin), or why they have none (e.g. "their delegation ended at …"), said in the refusal.
 */
export type StandIn = { authority: VoteAuthority } | { refused: string }

/** The people a vote on a request is judged against. */
export interface VoteParties {
    requestedFor: PersonRef
    /** Whoever opened the request: the catalog user, or the human behind a proposal. */
    openedBy: PersonRef
    /** The integration that proposed the request ('' when none). */
    proposedBy: string
}

/** Result of {@link judgeVote}: `onBehalfOf` is the assigned approver when someone else acted for them ('' otherwise). */
export type VoteVerdict =
    | { allowed: true; slot: ApprovalSlot; authority: VoteAuthority; onBehalfOf: string }
    | { allowed: false; code: string; reason: string; self: boolean }

/**
 * Judge a vote by the person who acts (`actor`: the session user, never the approval record's `approver` field):
 * never the person the access is for, whoever opened or proposed the request (nor anyone who is the same person,
 * see {@link samePerson}) — whatever their authority, admin or delegate included; only on an approval the app
 * created for the stored route (`assignment`, null when the record is not listed there), and only by the approver
 * it was assigned to or by someone the app found may act for them (`standIn`, see {@link VOTE_AUTHORITY}).
 */
export function judgeVote(
    parties: VoteParties,
    assignment: ApprovalAssignment | null,
    actor: PersonRef,
    standIn: StandIn | null = null,
): VoteVerdict {
    const refuse = (code: string, reason: string, self: boolean): VoteVerdict => ({
        allowed: false,
        code,
        reason,
        self,
    })
    if (!isSysId(actor.sysId)) return refuse(VOTE_REASON.voterInvalid, 'The voter is not a valid user.', false)
    if (samePerson(actor, parties.requestedFor)) {
        return refuse(VOTE_REASON.selfApproval, 'The person the access is for cannot approve it.', true)
    }
    if (samePerson(actor, parties.openedBy)) {
        return refuse(VOTE_REASON.selfApproval, 'The person who opened the request cannot approve it.', true)
    }
    if (actor.sysId === parties.proposedBy) {
        return refuse(VOTE_REASON.selfApproval, 'The integration that proposed the request cannot approve it.', true)
    }
    if (!assignment) {
        return refuse(
            VOTE_REASON.notAppApproval,
            "This approval was not created by the app for the request's approval route; it does not count.",
            false,
        )
    }
    if (assignment.approverSysId !== actor.sysId) {
        if (standIn && 'authority' in standIn && actsForAnother(standIn.authority)) {
            return {
                allowed: true,
                slot: assignment.slot,
                authority: standIn.authority,
                onBehalfOf: assignment.approverSysId,
            }
        }
        const why = standIn && 'refused' in standIn && standIn.refused ? ` ${standIn.refused}` : ''
        return refuse(
            VOTE_REASON.notAssigned,
            'The voter is not the approver this approval was assigned to, nor their current delegate for approvals ' +
                `(sys_user_delegate with approvals), nor an approval administrator (reassigned votes do not count).${why}`,
            false,
        )
    }
    return { allowed: true, slot: assignment.slot, authority: VOTE_AUTHORITY.approver, onBehalfOf: '' }
}

/**
 * Who must approve: the manager slot and, when the decision requires it, the second-approver slot drawn from
 * the group's active members. People who may not approve (the requester, whoever opened the request) are left
 * out; a slot nobody can fill is a reason to refuse the request now rather than leave it waiting forever.
 *
 * @param groupMembers - active member sys_ids per group sys_id (as resolved by the app).
 */
export function approvalRoute(
    decision: Decision,
    request: AccessRequest,
    manager: ManagerInfo | null,
    groupMembers: Record<string, string[]>,
): ApprovalRoute {
    const reasons: DecisionReason[] = []
    const slots: ApprovalSlot[] = []
    const assignments: ApprovalAssignment[] = []
    for (const required of decision.requiredApprovals) {
        if (required.kind === 'manager') {
            slots.push('manager')
            if (!manager || !isSysId(manager.sysId) || manager.active !== true) {
                reasons.push({
                    code: APPROVAL_REASON.managerUnavailable,
                    message: `${request.requestedFor.userName || 'The requested-for user'} has no active manager to approve the request.`,
                })
            } else if (samePerson(manager, request.requestedFor)) {
                reasons.push({
                    code: APPROVAL_REASON.managerUnavailable,
                    message:
                        'The manager of the requested-for account is the same person (same e-mail address) and cannot approve it.',
                })
            } else if (!canApprove(request, manager.sysId).allowed) {
                reasons.push({
                    code: APPROVAL_REASON.managerUnavailable,
                    message: 'The manager of the requested-for user opened the request and cannot also approve it.',
                })
            } else {
                assignments.push({ slot: 'manager', approverSysId: manager.sysId, groupId: '' })
            }
        } else {
            // second_approver, or one of the console's named slots: drawn from the slot's group.
            const slot: ApprovalSlot = required.kind
            slots.push(slot)
            const groupId = required.groupId || ''
            const members = eligibleMembers(request, groupMembers[groupId] || [])
            if (members.length === 0) {
                reasons.push({
                    code: APPROVAL_REASON.secondApproverUnavailable,
                    message:
                        slot === 'second_approver'
                            ? `A second approver is required (${required.reason}) but the second-approver group has no member who may approve this request.`
                            : `A ${slot.replace(/_/g, ' ')} approval is required (${required.reason}) but its group has no member who may approve this request.`,
                })
            }
            for (const m of members) assignments.push({ slot, approverSysId: m, groupId })
        }
    }
    if (reasons.length > 0) return { ok: false, reasons }
    return { ok: true, slots, assignments }
}

/** Active members of an escalation group who may approve `request`. */
export function escalationAssignments(
    request: AccessRequest,
    groupId: string,
    members: string[],
    alreadyAsked: string[],
): ApprovalAssignment[] {
    return eligibleMembers(request, members)
        .filter((m) => alreadyAsked.indexOf(m) < 0)
        .map((m) => ({ slot: 'escalation' as ApprovalSlot, approverSysId: m, groupId }))
}

function eligibleMembers(request: AccessRequest, members: string[]): string[] {
    const out: string[] = []
    for (const m of members) {
        if (isSysId(m) && canApprove(request, m).allowed && out.indexOf(m) < 0) out.push(m)
    }
    return out
}

/** One vote as stored on `sysapproval_approver` (state: requested, approved, rejected, cancelled, …). */
export interface ApprovalVote {
    slot: ApprovalSlot
    /** The person who voted (who acted). */
    approverSysId: string
    /** The assigned approver a delegate or approval administrator acted for (absent / '' when they voted themselves). */
    onBehalfOf?: string
    state: string
    /** When the vote was cast (epoch ms), for the summary. */
    decidedAtMs?: number
    comments?: string
}

/** An approval that counts, for the summary. */
export interface CountedApproval {
    slot: ApprovalSlot
    filled: ApprovalSlot
    approverSysId: string
    /** See {@link ApprovalVote.onBehalfOf}. */
    onBehalfOf?: string
    decidedAtMs?: number
}

/** Result of {@link approvalOutcome}. */
export interface ApprovalOutcome {
    status: 'pending' | 'approved' | 'rejected'
    /** Approvals that filled the slots (when approved: one per slot). */
    approvals: CountedApproval[]
    /** The eligible rejection that decided it (when rejected). */
    rejection: ApprovalVote | null
    /** Votes ignored because the voter may not approve this request (self-approval). */
    ignored: { vote: ApprovalVote; reason: string }[]
}

/**
 * Judge the votes: rejected when any eligible voter rejected; approved when every slot is filled by an eligible
 * approval from a distinct person (escalation approvals fill the slots still open); otherwise pending. A vote cast
 * for another approver uses up both people: the one who acted and the one they acted for.
 */
export function approvalOutcome(request: AccessRequest, slots: ApprovalSlot[], votes: ApprovalVote[]): ApprovalOutcome {
    const ignored: { vote: ApprovalVote; reason: string }[] = []
    const eligible: ApprovalVote[] = []
    for (const vote of votes) {
        if (vote.state !== 'approved' && vote.state !== 'rejected') continue
        const verdict = canApprove(request, vote.approverSysId)
        if (!verdict.allowed) ignored.push({ vote, reason: verdict.reason })
        else eligible.push(vote)
    }
    const rejection = eligible.filter((v) => v.state === 'rejected')[0] || null
    if (rejection) return { status: 'rejected', approvals: [], rejection, ignored }

    const used: string[] = []
    const approvals: CountedApproval[] = []
    const approved = eligible.filter((v) => v.state === 'approved')
    for (const slot of slots) {
        const people = (v: ApprovalVote): string[] => (v.onBehalfOf ? [v.approverSysId, v.onBehalfOf] : [v.approverSysId])
        const pick = (filter: (v: ApprovalVote) => boolean): ApprovalVote | undefined =>
            approved.filter((v) => filter(v) && people(v).every((p) => used.indexOf(p) < 0))[0]
        const vote = pick((v) => v.slot === slot) || pick((v) => v.slot === 'escalation')
        if (!vote) continue
        used.push(...people(vote))
        approvals.push({
            slot: vote.slot,
            filled: slot,
            approverSysId: vote.approverSysId,
            ...(vote.onBehalfOf ? { onBehalfOf: vote.onBehalfOf } : {}),
            decidedAtMs: vote.decidedAtMs,
        })
    }
    const status = slots.length > 0 && approvals.length === slots.length ? 'approved' : 'pending'
    return { status, approvals: status === 'approved' ? approvals : [], rejection: null, ignored }
}

/** What the watchdog does with a request still awaiting approval. */
export type TimeoutStep = 'wait' | 'escalate' | 'cancel'

/**
 * Stage 0 (normal approvers): after `timeoutMinutes` escalate — or, with no escalation group, wait for the
 * second timeout. Stage 1 (escalated) or no escalation group: after twice the timeout, cancel.
 * A timeout that is not a positive number uses `fallbackMinutes`.
 */
export function approvalTimeoutStep(
    stage: number,
    requestedAtMs: number,
    timeoutMinutes: number,
    fallbackMinutes: number,
    hasEscalationGroup: boolean,
    nowMs: number,
): TimeoutStep {
    const minutes = typeof timeoutMinutes === 'number' && timeoutMinutes > 0 ? timeoutMinutes : fallbackMinutes
    const elapsed = nowMs - requestedAtMs
    if (!(elapsed >= 0)) return 'wait'
    if (elapsed >= 2 * minutes * 60000) return 'cancel'
    if (elapsed >= minutes * 60000 && stage < 1 && hasEscalationGroup) return 'escalate'
    return 'wait'
}

/** The approval summary stored on the grant (JSON): who approved, when, by rule or by person. */
export interface ApprovalSummary {
    by: 'rule' | 'people'
    /** The auto-approve rule (by rule). */
    rule?: string
    approvals: { slot: ApprovalSlot; filled: ApprovalSlot; approver: string; approverName: string; at: string }[]
    /** The approved duration in minutes and whether an approver shortened it. */
    durationMinutes: number
    shortened: boolean
    policy: string
}

/** One human-readable line for work notes and notifications. */
export function approvalSummaryText(summary: ApprovalSummary): string {
    const who =
        summary.by === 'rule'
            ? `approved by rule "${summary.rule || ''}"`
            : 'approved by ' +
              summary.approvals
                  .map((a) => `${a.approverName || a.approver} (${a.filled.replace('_', ' ')}, ${a.at})`)
                  .join(' and ')
    return `${who}; duration ${summary.durationMinutes} minutes${summary.shortened ? ' (shortened by the approver)' : ''}; policy ${summary.policy}.`
}
