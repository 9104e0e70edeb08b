/**
 * Server-side enforcement on submit. Every entry point (the catalog items, the incident's emergency actions,
 * the proposal API) creates a grant in state `requested`; the grant's after-insert rule calls
 * {@link processSubmission}, which judges it — policy (shared evaluate), ticket validation, one open request per
 * user and target, approver availability — and then either rejects it with every reason, or freezes the plan
 * and asks for approval, or (rule-based auto-approval) approves and queues it at once.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { DECISION_MAX_LENGTH, requestApprovals, approveGrant } from './approvals'
import {
    addJournal,
    appendAudit,
    groupMemberIds,
    notify,
    nowMs,
    readUser,
    sessionActor,
    str,
    sysIdProperty,
} from './glide-io'
import { processExtension } from './extend'
import { judge, policyMinFor, resolveGrant } from './request'
import { customerComment, ticketOf } from './ticket'
import { approvalRoute } from './shared/approval'
import { canonicalJson } from './shared/canonical-json'
import { buildPlan, defaultProviderFor, planDigest } from './shared/plan'
import { planText } from './shared/plan-text'
import { APP_TASK_FIELDS } from './shared/platform'
import type { Decision, DecisionReason } from './shared/policy-types'
import { consoleTargetReasons } from './shared/console-packet'
import { openRequestForUserReason, providerDurationReasons, providerLimits } from './shared/policy-provider'
import {
    DEVICE_ADMIN_PROVIDERS,
    EVENT,
    GRANT_FIELDS,
    OPEN_GRANT_STATES,
    PLATFORM_TABLE,
    PROPERTY,
    TABLE,
    isSysId,
    type ProviderName,
    type TargetKind,
} from './shared/schema'
import {
    duplicateRequestReason,
    mergeReasons,
    plannedDurationWithinWindow,
    recordTicketFacts,
    ticketSubmitReasons,
    targetField,
    targetValue,
    ticketReasons,
} from './shared/tickets'

/** Outcome of a submission, for callers that answer a person or an API client. */
export interface SubmissionResult {
    state: 'policy_rejected' | 'awaiting_approval' | 'queued' | 'ignored'
    reasons: DecisionReason[]
}

/** Business rule (after insert, grant): judge a new request. */
export function onGrantInserted(current: any): void {
    if (str(current, GRANT_FIELDS.state) !== 'requested') return
    const grant = new GlideRecord(TABLE.grant)
    if (grant.get(String(current.getUniqueValue()))) processSubmission(grant, sessionActor())
}

/** Judge the grant and move it on. */
export function processSubmission(grant: any, actor: string): SubmissionResult {
    const grantSysId = String(grant.getUniqueValue())
    if (str(grant, GRANT_FIELDS.state) !== 'requested') return { state: 'ignored', reasons: [] }
    // An extension of an active grant: its own judgement (extend.ts, shared/src/extend.ts).
    if (str(grant, GRANT_FIELDS.extendsGrant)) {
        const judged = processExtension(grant, actor, secopsGroupReasons())
        return {
            state: judged.state === 'awaiting_approval' ? 'awaiting_approval' : 'policy_rejected',
            reasons: judged.reasons,
        }
    }
    const resolved = resolveGrant(grant)
    const request = resolved.request
    appendAudit(grantSysId, 'request.submitted', actor, {
        requestedFor: request.requestedFor.sysId,
        openedBy: request.openedBy,
        targetKind: request.targetKind,
        target: targetValue(request.targetKind, request.target),
        durationMinutes: request.durationMinutes,
        emergency: request.emergency,
        incident: request.incident ? request.incident.number : '',
        change: request.change ? request.change.number : '',
        proposedBy: str(grant, GRANT_FIELDS.proposedBy),
    })

    const decision = judge(request)
    const duplicate = findOpenDuplicate(
        grant,
        request.requestedFor.sysId,
        request.targetKind,
        targetValue(request.targetKind, request.target),
    )
    // What the provider enforces itself (EPM: 5 min – 24 h, one open request per user): refused here, with the
    // reason on the ticket, rather than by the provider after approval.
    const plannedProvider = providerFor(request.targetKind)
    const providerReasons =
        plannedProvider === null
            ? []
            : [
                  ...(request.targetKind === 'console' ? consoleTargetReasons(request.target) : []),
                  ...(decision.reasons.length === 0
                      ? providerDurationReasons(plannedProvider, decision.durationMinutes)
                      : []),
                  ...(duplicate ? [] : openRequestOfUser(grant, request.requestedFor.sysId, plannedProvider)),
              ]
    let reasons = mergeReasons(
        resolved.reasons,
        decision.reasons,
        ticketReasons(request),
        ticketSubmitReasons(request, nowMs()),
        duplicate ? [duplicate] : [],
        providerReasons,
        secopsGroupReasons(),
    )
    let route = null as ReturnType<typeof approvalRoute> | null
    if (reasons.length === 0 && !decision.autoApprove) {
        const members: Record<string, string[]> = {}
        for (const required of decision.requiredApprovals) {
            if (required.groupId) members[required.groupId] = groupMemberIds(required.groupId)
        }
        const manager = resolved.user ? readUser(resolved.user.managerSysId) : null
        route = approvalRoute(decision, request, manager, members)
        if (!route.ok) reasons = mergeReasons(reasons, route.reasons)
    }
    appendAudit(grantSysId, 'policy.evaluated', 'system', {
        allowed: reasons.length === 0,
        policy: decision.policyName,
        reasons,
        highRisk: decision.highRisk,
        autoApprove: decision.autoApprove,
        autoApproveDeclined: decision.autoApproveDeclined || [],
        requiredApprovals: decision.requiredApprovals,
        // What the auto-approve rules were judged on (the executor relies on it while the incident is unchanged).
        ticketFacts: request.incident ? recordTicketFacts(request.incident) : null,
    })
    const refuse = (why: DecisionReason[]): SubmissionResult => {
        rejectByPolicy(grant, decision, why)
        return { state: 'policy_rejected', reasons: why }
    }
    if (reasons.length > 0) return refuse(reasons)

    // Freeze the plan: exactly what the executor will do. Approvers approve this text and digest.
    const provider = providerFor(request.targetKind)
    if (provider === null) {
        return refuse([
            {
                code: 'CONFIGURATION_INVALID',
                message: `Property ${PROPERTY.deviceAdminProvider} names no known device provider (${DEVICE_ADMIN_PROVIDERS.join(' or ')}).`,
            },
        ])
    }
    // Bound to a change: the access ends by the window's end (shared tickets.ts; the executor's gate caps it again).
    const windowed = plannedDurationWithinWindow(
        request,
        decision.durationMinutes,
        policyMinFor(request.targetKind),
        nowMs(),
    )
    if (!windowed.ok) return refuse([windowed.reason])
    let plan
    try {
        plan = buildPlan({
            grantSysId,
            grantNumber: str(grant, GRANT_FIELDS.number),
            request,
            durationMinutes: windowed.durationMinutes,
            highRisk: decision.highRisk,
            ritmNumber: ritmNumber(grant),
            provider,
        })
    } catch (error) {
        return refuse([{ code: 'PLAN_INVALID', message: String((error as Error).message || error) }])
    }
    const digest = planDigest(plan)
    grant.setValue(GRANT_FIELDS.plan, canonicalJson(plan))
    grant.setValue(GRANT_FIELDS.planDigest, digest)
    grant.setValue(GRANT_FIELDS.provider, plan.provider)
    const stored = canonicalJson({
        policy: decision.policyName,
        highRisk: decision.highRisk,
        autoApprove: decision.autoApprove,
        autoApproveDeclined: decision.autoApproveDeclined || [],
        requiredApprovals: decision.requiredApprovals,
        approvalTimeoutMinutes: decision.approvalTimeoutMinutes,
        escalationGroupId: decision.escalationGroupId,
        slots: route && route.ok ? route.slots : [],
        assignments: route && route.ok ? route.assignments : [],
    })
    if (stored.length > DECISION_MAX_LENGTH) {
        // A cut JSON would lose the approval route and leave the request waiting for nobody: refuse instead.
        return refuse([
            {
                code: 'APPROVAL_ROUTE_TOO_LARGE',
                message: 'Too many approvers to record the approval route; reduce the second-approver group.',
            },
        ])
    }
    grant.setValue(GRANT_FIELDS.policyDecision, stored)
    appendAudit(grantSysId, 'plan.frozen', 'system', {
        digest,
        provider: plan.provider,
        durationMinutes: plan.durationMinutes,
        ...(windowed.capped && request.change
            ? { cappedToChangeWindow: { change: request.change.number, requestedMinutes: decision.durationMinutes } }
            : {}),
    })

    if (decision.autoApprove) {
        grant.update()
        approveGrant(
            grant,
            { by: 'rule', rule: decision.autoApprove.rule, approvals: [] },
            `rule:${decision.autoApprove.rule}`,
        )
        return { state: 'queued', reasons: [] }
    }
    if (!route || !route.ok) return { state: 'ignored', reasons: [] }
    noteDeclinedAutoApproval(grant, decision)
    requestApprovals(grant, route.assignments, planText(plan, digest))
    return { state: 'awaiting_approval', reasons: [] }
}

/** Tell the ticket why an auto-approve rule that matched was not applied (the request waits for people instead). */
function noteDeclinedAutoApproval(grant: any, decision: Decision): void {
    const declined = decision.autoApproveDeclined || []
    const ticket = ticketOf(grant)
    if (declined.length === 0 || !ticket) return
    const lines = declined.map((r) => `- ${r.message} [${r.code}]`).join('\n')
    addJournal(
        ticket.table,
        ticket.sysId,
        'work_notes',
        `Break-glass request ${str(grant, GRANT_FIELDS.number)}: no automatic approval.\n${lines}`,
    )
}

/**
 * The SecOps group must be configured (property x_gbg_breakglass.secops_group, a sys_user_group sys_id): refused
 * requests, watchdog incidents and revoke failures go to it. Without it a request is refused with that reason, to
 * the requester, rather than escalations going to nobody.
 */
export function secopsGroupReasons(): DecisionReason[] {
    const raw = String(gs.getProperty(PROPERTY.secopsGroup, '') || '').trim()
    const ask = 'Ask your ServiceNow administrator to set it (Break-Glass Access → Properties); nothing was granted.'
    if (!raw)
        return [
            {
                code: 'SECOPS_GROUP_UNSET',
                message: `The break-glass app has no Security Operations group configured (property ${PROPERTY.secopsGroup} is empty), so nobody would handle this request's escalations. ${ask}`,
            },
        ]
    const group = new GlideRecord(PLATFORM_TABLE.group)
    if (!isSysId(raw) || !group.get(raw))
        return [
            {
                code: 'SECOPS_GROUP_NOT_FOUND',
                message: `The break-glass app's Security Operations group (property ${PROPERTY.secopsGroup}) names no group on this instance, so nobody would handle this request's escalations. ${ask}`,
            },
        ]
    return []
}

/** The provider a plan for `kind` names; null when the device provider property is not a known one. */
function providerFor(kind: TargetKind): ProviderName | null {
    if (kind !== 'device_local_admin') return defaultProviderFor(kind)
    const configured = String(gs.getProperty(PROPERTY.deviceAdminProvider, 'entra-group'))
    return (DEVICE_ADMIN_PROVIDERS as readonly string[]).indexOf(configured) >= 0 ? (configured as ProviderName) : null
}

/** The RITM number of the grant ('' when it has none). */
function ritmNumber(grant: any): string {
    const ritm = str(grant, GRANT_FIELDS.ritm)
    if (!ritm) return ''
    const gr = new GlideRecord(PLATFORM_TABLE.ritm)
    return gr.get(ritm) ? str(gr, APP_TASK_FIELDS.number) : ''
}

/** Another open request for the same user and target, as a reason; null when there is none. */
function findOpenDuplicate(grant: any, userSysId: string, kind: string, target: string): DecisionReason | null {
    if (!isSysId(userSysId) || !target) return null
    const field = targetField(kind as never)
    const gr = new GlideRecord(TABLE.grant)
    gr.addQuery(GRANT_FIELDS.requestedFor, userSysId)
    gr.addQuery(GRANT_FIELDS.targetKind, kind)
    gr.addQuery(field, target)
    gr.addQuery(GRANT_FIELDS.state, 'IN', OPEN_GRANT_STATES.join(','))
    gr.addQuery('sys_id', '!=', String(grant.getUniqueValue()))
    gr.orderBy('sys_created_on')
    gr.setLimit(1)
    gr.query()
    if (!gr.next()) return null
    return duplicateRequestReason(str(gr, GRANT_FIELDS.number), str(gr, GRANT_FIELDS.state))
}

/**
 * For a provider that allows one open request per user (EPM), another open grant of this user through the same
 * provider on any target, as a reason; [] when the provider scopes per target or there is none.
 */
function openRequestOfUser(grant: any, userSysId: string, provider: ProviderName): DecisionReason[] {
    if (providerLimits(provider).openRequestScope !== 'user' || !isSysId(userSysId)) return []
    const gr = new GlideRecord(TABLE.grant)
    gr.addQuery(GRANT_FIELDS.requestedFor, userSysId)
    gr.addQuery(GRANT_FIELDS.provider, provider)
    gr.addQuery(GRANT_FIELDS.state, 'IN', OPEN_GRANT_STATES.join(','))
    gr.addQuery('sys_id', '!=', String(grant.getUniqueValue()))
    gr.orderBy('sys_created_on')
    gr.setLimit(1)
    gr.query()
    if (!gr.next()) return []
    return [openRequestForUserReason(provider, str(gr, GRANT_FIELDS.number), str(gr, GRANT_FIELDS.state))]
}

/**
 * Refuse: the grant ends `policy_rejected` with the reasons, the ticket gets them all as a work note and a
 * customer-visible comment and goes to the SecOps group, the requester is notified; nothing is queued.
 */
export function rejectByPolicy(grant: any, decision: Decision, reasons: DecisionReason[]): void {
    const grantSysId = String(grant.getUniqueValue())
    const lines = reasons.map((r) => `- ${r.message} [${r.code}]`).join('\n')
    grant.setValue(GRANT_FIELDS.state, 'policy_rejected')
    grant.setValue(GRANT_FIELDS.lastError, `Refused by policy:\n${lines}`.slice(0, 4000))
    grant.setValue(
        GRANT_FIELDS.policyDecision,
        canonicalJson({ allowed: false, policy: decision.policyName, reasons }).slice(0, DECISION_MAX_LENGTH),
    )
    grant.update()
    const number = str(grant, GRANT_FIELDS.number)
    const ticket = ticketOf(grant)
    if (ticket) {
        const gr = new GlideRecord(ticket.table)
        if (gr.get(ticket.sysId)) {
            gr.setValue(
                'work_notes',
                `Break-glass request ${number} refused by policy ${decision.policyName || '(none)'}:\n${lines}`,
            )
            const secops = sysIdProperty(PROPERTY.secopsGroup)
            if (secops && ticket.table === PLATFORM_TABLE.ritm) gr.setValue(APP_TASK_FIELDS.assignmentGroup, secops)
            gr.update()
        }
    }
    customerComment(
        grant,
        `Your break-glass request ${number} cannot go ahead:\n${lines}\nNothing was granted. Security Operations has been informed.`,
    )
    appendAudit(grantSysId, 'request.policy_rejected', 'system', { reasons })
    notify(EVENT.rejected, grant, str(grant, GRANT_FIELDS.requestedFor), `Refused by policy:\n${lines}`)
}
