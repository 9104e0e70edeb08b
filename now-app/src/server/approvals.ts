/**
 * The approval engine (decision recorded in docs/request-lifecycle.md): approvals are ordinary
 * `sysapproval_approver` records created here for the people the shared {@link approvalRoute} names; every vote
 * re-runs the shared {@link approvalOutcome}; the watchdog job applies the timeouts. Why not Flow approval rules:
 * who must approve comes from the policy decision (second approver only outside business hours / for servers /
 * for high-risk roles, auto-approval by rule), a self-approval must be refused at the moment of the vote, and
 * one person must not fill two slots — none of which a Flow approval rule can express.
 */
import { gs, GlideDateTime, GlideRecord } from '@servicenow/glide'
import {
    appendAudit,
    boolField,
    groupMemberIds,
    intProperty,
    msToGlide,
    notify,
    nowMs,
    sessionActor,
    str,
    userName,
    userNameOf,
    latestJournal,
} from './glide-io'
import { judgeStoredPlan } from './plan-store'
import { auditPayloads, personRef, standInFor } from './vote-io'
import { queueGrantAction } from './queue'
import { customerComment, workNote } from './ticket'
import {
    actsForAnother,
    approvalOutcome,
    approvalSlotLine,
    approvalSummaryText,
    SLOT_LABELS,
    escalationAssignments,
    judgeVote,
    type ApprovalAssignment,
    type ApprovalSlot,
    type ApprovalSummary,
    type ApprovalVote,
    type VoteParties,
    type VoteVerdict,
} from './shared/approval'
import { canonicalJson } from './shared/canonical-json'
import { APP_APPROVAL_FIELDS } from './shared/platform'
import { planDigest, verifyPlanDigest } from './shared/plan'
import type { AccessRequest } from './shared/policy-types'
import { EVENT, GRANT_FIELDS, PLATFORM_TABLE, PROPERTY, TABLE, isSysId, type TargetKind } from './shared/schema'

/** Length of the grant's policy_decision column: the stored decision and approval route must fit, uncut. */
export const DECISION_MAX_LENGTH = 65000

/** The routing stored on the grant at submit (policy_decision JSON). */
export interface StoredRoute {
    slots: ApprovalSlot[]
    assignments: ApprovalAssignment[]
    approvalTimeoutMinutes: number
    escalationGroupId: string
    policy: string
}

/** Read the stored routing of a grant (empty when missing or unreadable). */
export function storedRoute(grant: any): StoredRoute {
    const parsed = storedDecision(grant)
    return {
        slots: Array.isArray(parsed.slots) ? parsed.slots : [],
        assignments: Array.isArray(parsed.assignments) ? parsed.assignments : [],
        approvalTimeoutMinutes: typeof parsed.approvalTimeoutMinutes === 'number' ? parsed.approvalTimeoutMinutes : 0,
        escalationGroupId: typeof parsed.escalationGroupId === 'string' ? parsed.escalationGroupId : '',
        policy: typeof parsed.policy === 'string' ? parsed.policy : '',
    }
}

/** The policy_decision JSON of a grant ({} when missing or unreadable). */
function storedDecision(grant: any): any {
    try {
        const parsed = JSON.parse(str(grant, GRANT_FIELDS.policyDecision) || '{}')
        return parsed && typeof parsed === 'object' ? parsed : {}
    } catch {
        return {}
    }
}

function saveRoute(grant: any, route: StoredRoute): boolean {
    const parsed = storedDecision(grant)
    parsed.slots = route.slots
    parsed.assignments = route.assignments
    const text = canonicalJson(parsed)
    // Never store a cut JSON (the route would be lost): keep the previous route and say so.
    if (text.length > DECISION_MAX_LENGTH) {
        gs.error(`Break-glass ${str(grant, GRANT_FIELDS.number)}: escalation route too large to record; not escalated`)
        return false
    }
    grant.setValue(GRANT_FIELDS.policyDecision, text)
    return true
}

/** Create one approval per assignment, showing the plan; the grant waits for them. */
export function requestApprovals(grant: any, assignments: ApprovalAssignment[], plan: string): void {
    const grantSysId = String(grant.getUniqueValue())
    const now = nowMs()
    const minutes = approvalTimeoutMinutes(grant)
    grant.setValue(GRANT_FIELDS.state, 'awaiting_approval')
    grant.setValue(GRANT_FIELDS.approvalRequestedAt, msToGlide(now))
    grant.setValue(GRANT_FIELDS.approvalStage, '0')
    const created = insertApprovals(grant, assignments, plan, now + minutes * 60000)
    saveRoute(grant, { ...storedRoute(grant), assignments: created })
    grant.update()
    workNote(
        grant,
        `Approval requested from ${assignments.map((a) => `${userName(a.approverSysId) || a.approverSysId} (${SLOT_LABELS[a.slot] || a.slot})`).join(', ')}.\n\n${plan}`,
    )
    appendAudit(grantSysId, 'approval.requested', 'system', {
        approvers: assignments.map((a) => ({ slot: a.slot, approver: a.approverSysId })),
        dueInMinutes: minutes,
    })
    notify(EVENT.approvalRequested, grant, assignments.map((a) => a.approverSysId).join(','), plan)
    scheduleApprovalDue(grant, now, minutes)
}

/**
 * Schedule the `approval.due` event at the approval timeout and at the second timeout (parm1 = the stage it is for),
 * so escalation and cancellation happen at the due time (watchdog.ts onApprovalDue), not at the watchdog's next
 * 5-minute sweep (which stays the safety net).
 */
function scheduleApprovalDue(grant: any, requestedAtMs: number, minutes: number): void {
    if (!(minutes > 0)) return
    for (let stage = 0; stage < 2; stage++) {
        const due = new GlideDateTime()
        due.setValue(requestedAtMs + (stage + 1) * minutes * 60000)
        gs.eventQueueScheduled(EVENT.approvalDue, grant, String(stage), '', due)
    }
}

/**
 * True only while {@link insertApprovals} inserts the app's own approval records: the before-insert guard
 * ({@link guardApprovalInsert}) lets those through and refuses every other approval for a grant. It is a variable
 * of this script's runtime, set and cleared around the insert in the same transaction; no record field, request
 * parameter or Table API call can set it (a Table API insert is another transaction that never runs this code).
 */
let creatingApprovals = false

/** Create the approval records; returns the assignments with the sys_id of each record created. */
function insertApprovals(
    grant: any,
    assignments: ApprovalAssignment[],
    plan: string,
    dueMs: number,
): ApprovalAssignment[] {
    const ritm = str(grant, GRANT_FIELDS.ritm)
    const created: ApprovalAssignment[] = []
    for (const a of assignments) {
        const approval = new GlideRecord(PLATFORM_TABLE.approval)
        approval.initialize()
        approval.setValue(APP_APPROVAL_FIELDS.approver, a.approverSysId)
        approval.setValue(APP_APPROVAL_FIELDS.state, 'requested')
        approval.setValue(APP_APPROVAL_FIELDS.sourceTable, TABLE.grant)
        approval.setValue(APP_APPROVAL_FIELDS.documentId, String(grant.getUniqueValue()))
        if (ritm) approval.setValue(APP_APPROVAL_FIELDS.sysapproval, ritm)
        approval.setValue(APP_APPROVAL_FIELDS.dueDate, msToGlide(dueMs))
        approval.setValue(
            APP_APPROVAL_FIELDS.comments,
            `${approvalSlotLine(a.slot)}\nYou are asked to approve (${SLOT_LABELS[a.slot] || a.slot}) this exact plan. You may shorten the duration on the grant before approving; you cannot lengthen it.\n\n${plan}`,
        )
        creatingApprovals = true
        let sysId: string | null = null
        try {
            sysId = approval.insert()
        } finally {
            creatingApprovals = false
        }
        created.push(sysId ? { ...a, approvalSysId: String(sysId) } : { ...a })
    }
    return created
}

/**
 * The request as far as {@link canApprove} judges it (who the access is for, who opened it): all that deciding
 * on votes and picking escalation approvers needs, without re-reading the user, CI and tickets.
 */
function approverCheckRequest(grant: any): AccessRequest {
    return {
        requestedFor: {
            sysId: str(grant, GRANT_FIELDS.requestedFor),
            userName: '',
            email: '',
            active: true,
            groupIds: [],
        },
        openedBy: str(grant, GRANT_FIELDS.openedBy),
        targetKind: str(grant, GRANT_FIELDS.targetKind) as TargetKind,
        target: {},
        durationMinutes: 0,
        justification: '',
        emergency: false,
    }
}

/** The approvals of a grant (the app's own: source_table = grant), query not yet run. */
function grantApprovals(grantSysId: string): any {
    const gr = new GlideRecord(PLATFORM_TABLE.approval)
    gr.addQuery(APP_APPROVAL_FIELDS.sourceTable, TABLE.grant)
    gr.addQuery(APP_APPROVAL_FIELDS.documentId, grantSysId)
    return gr
}

/**
 * Minutes before an unanswered approval of `grant` escalates (and again before it is cancelled): the policy's,
 * as stored at submit, else the app property — the emergency one for emergency requests.
 */
export function approvalTimeoutMinutes(grant: any): number {
    const stored = storedRoute(grant).approvalTimeoutMinutes
    if (stored > 0) return stored
    return boolField(grant, GRANT_FIELDS.emergency)
        ? intProperty(PROPERTY.emergencyApprovalTimeoutMinutes, 5)
        : intProperty(PROPERTY.approvalTimeoutMinutes, 240)
}

/** The people a vote on `grant` is judged against (their e-mail addresses read for the same-person check). */
function voteParties(grant: any): VoteParties {
    return {
        requestedFor: personRef(str(grant, GRANT_FIELDS.requestedFor)),
        openedBy: personRef(str(grant, GRANT_FIELDS.openedBy)),
        proposedBy: str(grant, GRANT_FIELDS.proposedBy),
    }
}

/**
 * Judge the session user's vote on the approval `approvalSysId` of `grant` (shared judgeVote): as the assigned
 * approver, or standing in for them (their current delegate for approvals, approval_admin, admin: vote-io
 * standInFor) — never as the requester, opener or proposer, whatever their authority.
 */
function judgeSessionVote(grant: any, approvalSysId: string): { verdict: VoteVerdict; voter: string } {
    const voter = String(gs.getUserID() || '')
    const parties = voteParties(grant)
    const assignment = assignmentOf(grant, approvalSysId)
    const standIn =
        assignment && assignment.approverSysId !== voter
            ? standInFor(assignment.approverSysId, voter, partyUserNames(parties))
            : null
    return { verdict: judgeVote(parties, assignment, personRef(voter), standIn), voter }
}

/** The user names of the requester and the opener (a delegation they created does not count). */
function partyUserNames(parties: VoteParties): string[] {
    return [userNameOf(parties.requestedFor.sysId), userNameOf(parties.openedBy.sysId)].filter((n) => n !== '')
}

/**
 * Another approval of the grant already approved by one of the people this vote would use (who acts, and whom they
 * act for): one person fills one slot, in person or through a delegate. Returns that approval's sys_id, or ''.
 */
function slotAlreadyFilledBy(grant: any, approvalSysId: string, people: string[]): string {
    for (const v of acceptedVotes(String(grant.getUniqueValue()))) {
        if (v.approval === approvalSysId || v.decision !== 'approved') continue
        if (votePeople(v.voter, v.onBehalfOf).some((p) => people.indexOf(p) >= 0)) return v.approval
    }
    return ''
}

/** The people a vote uses up: who acted, and whom they acted for. */
function votePeople(voter: string, onBehalfOf: string): string[] {
    return onBehalfOf ? [voter, onBehalfOf] : [voter]
}

/** An accepted vote as the app recorded it (`approval.vote`). */
interface RecordedVote {
    approval: string
    decision: string
    voter: string
    onBehalfOf: string
    authority: string
}

/** The grant's accepted votes, the last per approval (in chain order). */
function acceptedVotes(grantSysId: string): RecordedVote[] {
    const last: Record<string, RecordedVote> = {}
    for (const p of auditPayloads(grantSysId, 'approval.vote')) {
        if (typeof p.approval !== 'string' || typeof p.voter !== 'string' || typeof p.decision !== 'string') continue
        last[p.approval] = {
            approval: p.approval,
            decision: p.decision,
            voter: p.voter,
            onBehalfOf: typeof p.onBehalfOf === 'string' ? p.onBehalfOf : '',
            authority: typeof p.authority === 'string' ? p.authority : '',
        }
    }
    return Object.keys(last).map((k) => last[k] as RecordedVote)
}

/** The route assignment the app created `approvalSysId` for; null when the record is not the app's. */
function assignmentOf(grant: any, approvalSysId: string): ApprovalAssignment | null {
    if (!approvalSysId) return null
    return storedRoute(grant).assignments.filter((a) => a.approvalSysId === approvalSysId)[0] || null
}

/**
 * A refused vote or write: the reason goes on the grant (last_error), the ticket (work note) and the audit trail;
 * the acting user sees it. The grant itself stays where it was.
 */
export function recordRefusal(grantSysId: string, eventType: string, message: string, payload: object): void {
    const grant = new GlideRecord(TABLE.grant)
    if (!grant.get(grantSysId)) return
    const text = `${str(grant, GRANT_FIELDS.number)}: ${message}`
    gs.addErrorMessage(text)
    grant.setValue(GRANT_FIELDS.lastError, text.slice(0, 4000))
    grant.setWorkflow(false)
    grant.update()
    workNote(grant, text)
    appendAudit(grantSysId, eventType, sessionActor(), { ...payload, reason: message })
}

/** The grant an approval belongs to; null when it is not one of ours. */
function grantOfApproval(approval: any): any {
    if (str(approval, APP_APPROVAL_FIELDS.sourceTable) !== TABLE.grant) return null
    const grantSysId = str(approval, APP_APPROVAL_FIELDS.documentId)
    if (!isSysId(grantSysId)) return null
    const grant = new GlideRecord(TABLE.grant)
    return grant.get(grantSysId) ? grant : null
}

/** The grant of an approval whose state just became approved / rejected; null for anything else. */
function votedGrant(current: any, previous: any): any {
    const state = str(current, APP_APPROVAL_FIELDS.state)
    if (state !== 'approved' && state !== 'rejected') return null
    if (previous && str(previous, APP_APPROVAL_FIELDS.state) === state) return null
    return grantOfApproval(current)
}

/**
 * Business rule (before update, sysapproval_approver): judge the vote by who acts (gs.getUserID(), never the
 * record's `approver` field): refuse it from the person the access is for, whoever opened or proposed the request
 * (as a delegate or admin too), anyone but the approver the app assigned this record to or someone who may stand
 * in for them (current delegate for approvals, approval_admin, admin), a second approval by a person already used
 * for another slot, on a record the app did not create for the route, on a plan that no longer matches its
 * digest, and on a grant no longer awaiting approval.
 */
export function guardApprovalVote(current: any, previous: any): void {
    const grant = votedGrant(current, previous)
    if (!grant) return
    const approvalSysId = String(current.getUniqueValue())
    const { verdict, voter } = judgeSessionVote(grant, approvalSysId)
    const number = str(grant, GRANT_FIELDS.number)
    if (!verdict.allowed) {
        current.setAbortAction(true)
        recordRefusal(
            String(grant.getUniqueValue()),
            verdict.self ? 'approval.self_refused' : 'approval.refused',
            `Vote by ${sessionActor()} refused: ${verdict.reason} The vote was not recorded.`,
            {
                approval: approvalSysId,
                approver: str(current, APP_APPROVAL_FIELDS.approver),
                voter,
                code: verdict.code,
            },
        )
        return
    }
    if (str(current, APP_APPROVAL_FIELDS.state) === 'approved') {
        const other = slotAlreadyFilledBy(grant, approvalSysId, votePeople(voter, verdict.onBehalfOf))
        if (other) {
            current.setAbortAction(true)
            recordRefusal(
                String(grant.getUniqueValue()),
                'approval.refused',
                `Vote by ${voterName(voter, verdict.onBehalfOf)} refused: one person fills one approval slot, in person or through a delegate, and approval ${other} of this request was already approved by or for them. The vote was not recorded.`,
                { approval: approvalSysId, voter, onBehalfOf: verdict.onBehalfOf, code: 'SLOT_ALREADY_FILLED' },
            )
            return
        }
    }
    if (!votedPlanDigest(grant)) {
        current.setAbortAction(true)
        recordRefusal(
            String(grant.getUniqueValue()),
            'approval.refused',
            'The frozen plan does not match its digest; the vote was not recorded.',
            { approval: approvalSysId, voter },
        )
        return
    }
    if (str(grant, GRANT_FIELDS.state) !== 'awaiting_approval') {
        gs.addErrorMessage(`${number} is ${str(grant, GRANT_FIELDS.state)}; it is no longer waiting for approval.`)
        current.setAbortAction(true)
    }
}

/** SHA-256 of the stored plan when it matches its frozen digest ('' when it does not): what a vote binds. */
function votedPlanDigest(grant: any): string {
    const verified = verifyPlanDigest(str(grant, GRANT_FIELDS.plan), str(grant, GRANT_FIELDS.planDigest))
    return verified.ok ? planDigest(verified.plan) : ''
}

/**
 * Business rule (after update, sysapproval_approver): a vote was accepted. Record who actually voted (the session
 * user), on which of the app's approvals, for which slot and which plan (audit `approval.vote`), then decide.
 */
export function onApprovalVote(current: any, previous: any): void {
    const grant = votedGrant(current, previous)
    if (!grant) return
    const approvalSysId = String(current.getUniqueValue())
    const { verdict, voter } = judgeSessionVote(grant, approvalSysId)
    const digest = votedPlanDigest(grant)
    // The before rule refused anything else; a vote that still does not pass is not recorded, so never counted.
    if (!verdict.allowed || !digest || str(grant, GRANT_FIELDS.state) !== 'awaiting_approval') return
    const decision = str(current, APP_APPROVAL_FIELDS.state)
    if (decision === 'approved' && slotAlreadyFilledBy(grant, approvalSysId, votePeople(voter, verdict.onBehalfOf))) {
        return
    }
    // The voter is who acted; a delegate or administrator is recorded with whom they acted for and on what authority.
    appendAudit(String(grant.getUniqueValue()), 'approval.vote', sessionActor(), {
        approval: approvalSysId,
        decision,
        voter,
        slot: verdict.slot,
        planDigest: digest,
        authority: verdict.authority,
        ...(verdict.onBehalfOf ? { onBehalfOf: verdict.onBehalfOf } : {}),
    })
    decideApprovals(grant)
}

/**
 * Business rule (before insert, sysapproval_approver): only the app creates approvals for a grant (see
 * {@link creatingApprovals}). Any other insert for a grant — pre-approved or not, by form, import or Table API —
 * is refused and recorded.
 */
export function guardApprovalInsert(current: any): void {
    if (creatingApprovals) return
    const documentId = str(current, APP_APPROVAL_FIELDS.documentId)
    if (str(current, APP_APPROVAL_FIELDS.sourceTable) !== TABLE.grant && !isSysId(documentId)) return
    const grant = new GlideRecord(TABLE.grant)
    if (!isSysId(documentId) || !grant.get(documentId)) {
        if (str(current, APP_APPROVAL_FIELDS.sourceTable) === TABLE.grant) current.setAbortAction(true)
        return
    }
    current.setAbortAction(true)
    recordRefusal(
        documentId,
        'approval.insert_refused',
        `An approval record not created by the app was refused (inserted by ${sessionActor()} for approver ${str(current, APP_APPROVAL_FIELDS.approver) || '(none)'}, state ${str(current, APP_APPROVAL_FIELDS.state) || '(none)'}). Only approvals the app creates for the request's approval route count.`,
        { approver: str(current, APP_APPROVAL_FIELDS.approver), state: str(current, APP_APPROVAL_FIELDS.state) },
    )
}

/** Re-judge the votes of a grant awaiting approval and approve / reject it when decided. */
export function decideApprovals(grant: any): 'pending' | 'approved' | 'rejected' | 'ignored' {
    if (str(grant, GRANT_FIELDS.state) !== 'awaiting_approval') return 'ignored'
    const votes = countedVotes(grant)
    const outcome = approvalOutcome(approverCheckRequest(grant), storedRoute(grant).slots, votes)
    if (outcome.status === 'rejected' && outcome.rejection) {
        rejectByApprover(grant, outcome.rejection.approverSysId, outcome.rejection.onBehalfOf || '')
        return 'rejected'
    }
    if (outcome.status === 'approved') {
        approveGrant(
            grant,
            {
                by: 'people',
                approvals: outcome.approvals.map((a) => ({
                    slot: a.slot,
                    filled: a.filled,
                    approver: a.approverSysId,
                    approverName: voterName(a.approverSysId, a.onBehalfOf || ''),
                    at: new Date(nowMs()).toISOString(),
                })),
            },
            sessionActor(),
        )
        return 'approved'
    }
    return 'pending'
}

/** "Dana" for a person who voted themselves, "Dana for Bob" for a delegate or administrator acting for Bob. */
function voterName(voterSysId: string, onBehalfOf: string): string {
    const who = userName(voterSysId) || voterSysId
    return onBehalfOf ? `${who} for ${userName(onBehalfOf) || onBehalfOf}` : who
}

/**
 * The votes that count: one per approval the app created for the stored route, whose record still holds the
 * decision an accepted `approval.vote` event recorded for it, cast by the approver it was assigned to or recorded
 * as cast for them by a delegate / approval administrator (`onBehalfOf` = that approver). The voter is the one the
 * event names (who acted), never the record's `approver` field; any other record is not counted.
 */
function countedVotes(grant: any): ApprovalVote[] {
    const grantSysId = String(grant.getUniqueValue())
    const bySysId: Record<string, ApprovalAssignment> = {}
    for (const a of storedRoute(grant).assignments) if (a.approvalSysId) bySysId[a.approvalSysId] = a
    const lastVote: Record<string, RecordedVote> = {}
    for (const v of acceptedVotes(grantSysId)) lastVote[v.approval] = v
    const votes: ApprovalVote[] = []
    const gr = grantApprovals(grantSysId)
    gr.query()
    while (gr.next()) {
        const approvalSysId = String(gr.getUniqueValue())
        const assignment = bySysId[approvalSysId]
        const vote = lastVote[approvalSysId]
        if (!assignment || !vote) continue
        const inPerson = vote.voter === assignment.approverSysId && !vote.onBehalfOf
        const standIn = vote.onBehalfOf === assignment.approverSysId && actsForAnother(vote.authority)
        if (!inPerson && !standIn) continue
        if (vote.decision !== str(gr, APP_APPROVAL_FIELDS.state)) continue
        votes.push({
            slot: assignment.slot,
            approverSysId: vote.voter,
            ...(standIn ? { onBehalfOf: vote.onBehalfOf } : {}),
            state: vote.decision,
        })
    }
    return votes
}

/**
 * Approved (by people or by rule): apply any shortening, fill the approval summary, queue the one grant action.
 * The kill switch is checked again here: with the integration disabled nothing is queued and the request is
 * cancelled with that message.
 */
export function approveGrant(
    grant: any,
    summary: Pick<ApprovalSummary, 'by' | 'rule' | 'approvals'>,
    actor: string,
): void {
    const grantSysId = String(grant.getUniqueValue())
    const number = str(grant, GRANT_FIELDS.number)
    closeOpenApprovals(grantSysId, 'not_required')
    const judged = judgeStoredPlan(grant)
    if (!judged.ok) {
        endUnapproved(grant, 'cancelled', judged.message, actor)
        return
    }
    const full: ApprovalSummary = {
        by: summary.by,
        rule: summary.rule,
        approvals: summary.approvals,
        durationMinutes: judged.durationMinutes,
        shortened: judged.shortened,
        policy: storedRoute(grant).policy,
    }
    grant.setValue(GRANT_FIELDS.state, 'queued')
    grant.setValue(GRANT_FIELDS.lastError, '')
    grant.setValue(GRANT_FIELDS.approvedAt, msToGlide(nowMs()))
    grant.setValue(GRANT_FIELDS.approvedDuration, String(judged.durationMinutes))
    grant.setValue(GRANT_FIELDS.approvalSummary, canonicalJson(full).slice(0, 8000))
    grant.update()
    const text = approvalSummaryText(full)
    appendAudit(grantSysId, 'request.approved', actor, full)
    const action = queueGrantAction(grantSysId, actor, `Approved: ${text}`)
    workNote(grant, `${number} ${text} Grant action ${action} queued for the executor.`)
    customerComment(grant, `Your break-glass request ${number} was ${text} Access is being granted now.`)
    notify(EVENT.approved, grant, str(grant, GRANT_FIELDS.requestedFor), text)
}

/**
 * An approver rejected (`voterSysId`, who acted; `onBehalfOf` the approver a delegate or approval administrator
 * acted for, '' when none): the grant ends `rejected`, the requester is told who and why (their comment).
 */
export function rejectByApprover(grant: any, voterSysId: string, onBehalfOf = ''): void {
    const grantSysId = String(grant.getUniqueValue())
    const number = str(grant, GRANT_FIELDS.number)
    const who = voterName(voterSysId, onBehalfOf)
    const why = approverComment(grantSysId, onBehalfOf || voterSysId, voterSysId)
    const reason = why ? `Rejected by ${who}: ${why}` : `Rejected by ${who} (no comment given).`
    closeOpenApprovals(grantSysId, 'not_required')
    grant.setValue(GRANT_FIELDS.state, 'rejected')
    grant.setValue(GRANT_FIELDS.lastError, reason.slice(0, 4000))
    grant.update()
    appendAudit(grantSysId, 'request.rejected', sessionActor(), {
        approver: voterSysId,
        ...(onBehalfOf ? { onBehalfOf } : {}),
        comment: why,
    })
    workNote(grant, `${number}: ${reason} Nothing was granted.`)
    customerComment(grant, `Your break-glass request ${number} was not approved. ${reason} Nothing was granted.`)
    notify(EVENT.rejected, grant, str(grant, GRANT_FIELDS.requestedFor), reason)
}

/**
 * The voter's latest comment on the approval of the grant assigned to `approverSysId` ('' when none): the reason
 * they gave. The plan the app wrote as the approval's first comment is not theirs and is skipped (filtered by
 * author: the voter, who is the approver unless a delegate or administrator acted for them).
 */
function approverComment(grantSysId: string, approverSysId: string, voterSysId: string): string {
    const approverUserName = userNameOf(voterSysId)
    if (!approverUserName) return ''
    const approvals = grantApprovals(grantSysId)
    approvals.addQuery(APP_APPROVAL_FIELDS.approver, approverSysId)
    approvals.query()
    while (approvals.next()) {
        const text = latestJournal(
            PLATFORM_TABLE.approval,
            String(approvals.getUniqueValue()),
            'comments',
            approverUserName,
        )
        if (text) return text.slice(0, 1000)
    }
    return ''
}

/** End a request that will not be granted (timeout, kill switch): `state` is cancelled or expired_unapproved. */
export function endUnapproved(
    grant: any,
    state: 'cancelled' | 'expired_unapproved',
    message: string,
    actor: string,
): void {
    const grantSysId = String(grant.getUniqueValue())
    const number = str(grant, GRANT_FIELDS.number)
    closeOpenApprovals(grantSysId, 'cancelled')
    grant.setValue(GRANT_FIELDS.state, state)
    grant.setValue(GRANT_FIELDS.lastError, message.slice(0, 4000))
    grant.update()
    appendAudit(grantSysId, `request.${state}`, actor, { message })
    workNote(grant, `${number} ${state.replace('_', ' ')}: ${message}`)
    customerComment(grant, `Your break-glass request ${number} was not granted: ${message}`)
    notify(EVENT.cancelled, grant, str(grant, GRANT_FIELDS.requestedFor), message)
}

/** Mark approvals still waiting as `state` (not_required when decided, cancelled when the request ended). */
function closeOpenApprovals(grantSysId: string, state: string): void {
    const gr = grantApprovals(grantSysId)
    gr.addQuery(APP_APPROVAL_FIELDS.state, 'requested')
    gr.query()
    while (gr.next()) {
        gr.setValue(APP_APPROVAL_FIELDS.state, state)
        gr.setWorkflow(false)
        gr.update()
    }
}

/** First timeout: ask the escalation group too (its members may fill any open slot). */
export function escalateApprovals(grant: any, plan: string): number {
    const grantSysId = String(grant.getUniqueValue())
    const route = storedRoute(grant)
    const asked = route.assignments.map((a) => a.approverSysId)
    let added = escalationAssignments(
        approverCheckRequest(grant),
        route.escalationGroupId,
        groupMemberIds(route.escalationGroupId),
        asked,
    )
    // Stage 1 either way, so the next timeout cancels the request rather than escalating again.
    grant.setValue(GRANT_FIELDS.approvalStage, '1')
    if (!saveRoute(grant, { ...route, assignments: route.assignments.concat(added) })) added = []
    grant.update()
    const minutes = approvalTimeoutMinutes(grant)
    const created = insertApprovals(grant, added, plan, nowMs() + minutes * 60000)
    if (created.length > 0 && saveRoute(grant, { ...route, assignments: route.assignments.concat(created) })) {
        grant.update()
    }
    appendAudit(grantSysId, 'approval.escalated', 'system', {
        group: route.escalationGroupId,
        approvers: added.map((a) => a.approverSysId),
    })
    workNote(
        grant,
        `No decision within ${minutes} minutes: escalated to the escalation group (${added.length} approvers).`,
    )
    if (added.length > 0) notify(EVENT.approvalRequested, grant, added.map((a) => a.approverSysId).join(','), plan)
    return added.length
}
