/**
 * The approval engine (decision recorded in docs/request-lifecycle.md): approvals are ordinary
 * `sysapproval_approver` records created here for the people the shared {@link approvalRoute} names; every vote
 * re-runs the shared {@link approvalOutcome}; the watchdog job applies the timeouts. Why not Flow approval rules:
 * who must approve comes from the policy decision (second approver only outside business hours / for servers /
 * for high-risk roles, auto-approval by rule), a self-approval must be refused at the moment of the vote, and
 * one person must not fill two slots — none of which a Flow approval rule can express.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import {
    appendAudit,
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
import { queueGrantAction } from './queue'
import { customerComment, workNote } from './ticket'
import {
    approvalOutcome,
    approvalSummaryText,
    escalationAssignments,
    type ApprovalAssignment,
    type ApprovalSlot,
    type ApprovalSummary,
    type ApprovalVote,
} from './shared/approval'
import { canonicalJson } from './shared/canonical-json'
import { APP_APPROVAL_FIELDS } from './shared/platform'
import { canApprove } from './shared/policy'
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
    grant.update()
    insertApprovals(grant, assignments, plan, now + minutes * 60000)
    workNote(
        grant,
        `Approval requested from ${assignments.map((a) => userName(a.approverSysId) || a.approverSysId).join(', ')}.\n\n${plan}`,
    )
    appendAudit(grantSysId, 'approval.requested', 'system', {
        approvers: assignments.map((a) => ({ slot: a.slot, approver: a.approverSysId })),
        dueInMinutes: minutes,
    })
    notify(EVENT.approvalRequested, grant, assignments.map((a) => a.approverSysId).join(','), plan)
}

function insertApprovals(grant: any, assignments: ApprovalAssignment[], plan: string, dueMs: number): void {
    const ritm = str(grant, GRANT_FIELDS.ritm)
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
            `You are asked to approve (${a.slot.replace('_', ' ')}) this exact plan. You may shorten the duration on the grant before approving; you cannot lengthen it.\n\n${plan}`,
        )
        approval.insert()
    }
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
    return str(grant, GRANT_FIELDS.emergency) === 'true'
        ? intProperty(PROPERTY.emergencyApprovalTimeoutMinutes, 5)
        : intProperty(PROPERTY.approvalTimeoutMinutes, 240)
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
 * Business rule (before update, sysapproval_approver): refuse a vote by the person the access is for or who
 * opened the request, and any vote on a grant no longer awaiting approval.
 */
export function guardApprovalVote(current: any, previous: any): void {
    const grant = votedGrant(current, previous)
    if (!grant) return
    const approver = str(current, APP_APPROVAL_FIELDS.approver)
    const verdict = canApprove(approverCheckRequest(grant), approver)
    const number = str(grant, GRANT_FIELDS.number)
    if (!verdict.allowed) {
        gs.addErrorMessage(`${number}: ${verdict.reason} The vote was not recorded.`)
        current.setAbortAction(true)
        appendAudit(String(grant.getUniqueValue()), 'approval.self_refused', sessionActor(), {
            approver,
            reason: verdict.reason,
        })
        return
    }
    if (str(grant, GRANT_FIELDS.state) !== 'awaiting_approval') {
        gs.addErrorMessage(`${number} is ${str(grant, GRANT_FIELDS.state)}; it is no longer waiting for approval.`)
        current.setAbortAction(true)
    }
}

/** Business rule (after update, sysapproval_approver): a vote was cast; decide the grant. */
export function onApprovalVote(current: any, previous: any): void {
    const grant = votedGrant(current, previous)
    if (!grant) return
    appendAudit(String(grant.getUniqueValue()), 'approval.vote', sessionActor(), {
        approver: str(current, APP_APPROVAL_FIELDS.approver),
        state: str(current, APP_APPROVAL_FIELDS.state),
    })
    decideApprovals(grant)
}

/** Re-judge the votes of a grant awaiting approval and approve / reject it when decided. */
export function decideApprovals(grant: any): 'pending' | 'approved' | 'rejected' | 'ignored' {
    if (str(grant, GRANT_FIELDS.state) !== 'awaiting_approval') return 'ignored'
    const route = storedRoute(grant)
    const slotOf: Record<string, ApprovalSlot> = {}
    for (const a of route.assignments) if (!slotOf[a.approverSysId]) slotOf[a.approverSysId] = a.slot
    const votes: ApprovalVote[] = []
    const gr = grantApprovals(String(grant.getUniqueValue()))
    gr.query()
    while (gr.next()) {
        const approver = str(gr, APP_APPROVAL_FIELDS.approver)
        const slot = slotOf[approver]
        if (!slot) continue // an approval added by hand, outside the route: not counted
        votes.push({ slot, approverSysId: approver, state: str(gr, APP_APPROVAL_FIELDS.state) })
    }
    const outcome = approvalOutcome(approverCheckRequest(grant), route.slots, votes)
    if (outcome.status === 'rejected' && outcome.rejection) {
        rejectByApprover(grant, outcome.rejection.approverSysId)
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
                    approverName: userName(a.approverSysId),
                    at: new Date(nowMs()).toISOString(),
                })),
            },
            sessionActor(),
        )
        return 'approved'
    }
    return 'pending'
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

/** An approver rejected: the grant ends `rejected`, the requester is told who and why (their comment). */
export function rejectByApprover(grant: any, approverSysId: string): void {
    const grantSysId = String(grant.getUniqueValue())
    const number = str(grant, GRANT_FIELDS.number)
    const who = userName(approverSysId) || approverSysId
    const why = approverComment(grantSysId, approverSysId)
    const reason = why ? `Rejected by ${who}: ${why}` : `Rejected by ${who} (no comment given).`
    closeOpenApprovals(grantSysId, 'not_required')
    grant.setValue(GRANT_FIELDS.state, 'rejected')
    grant.setValue(GRANT_FIELDS.lastError, reason.slice(0, 4000))
    grant.update()
    appendAudit(grantSysId, 'request.rejected', sessionActor(), { approver: approverSysId, comment: why })
    workNote(grant, `${number}: ${reason} Nothing was granted.`)
    customerComment(grant, `Your break-glass request ${number} was not approved. ${reason} Nothing was granted.`)
    notify(EVENT.rejected, grant, str(grant, GRANT_FIELDS.requestedFor), reason)
}

/**
 * The approver's latest comment on their approval of the grant ('' when none): the reason they gave. The plan
 * the app wrote as the approval's first comment is not theirs and is skipped (filtered by author).
 */
function approverComment(grantSysId: string, approverSysId: string): string {
    const approverUserName = userNameOf(approverSysId)
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
    insertApprovals(grant, added, plan, nowMs() + minutes * 60000)
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
