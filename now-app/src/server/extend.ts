/**
 * Extending an active grant (issue 17). Who may ask, from which state, how long and through which provider is
 * decided by shared/src/extend.ts; this module reads the facts and acts:
 *
 * - {@link requestExtension} (the app's API for an extension: the grant form's UI action, and callers such as the
 *   simulator's workload) judges the request as the session user and creates the **extension record**: a grant
 *   (`extends_grant` = the grant) for the same person and target, `requested_duration` = the extra minutes, on the
 *   grant's RITM (notes land there; the RITM does not follow the extension's states, ritm-sync.ts);
 * - its insert runs the grant's submit rule, which hands it to {@link processExtension}: today's policy judges the
 *   whole access (granted_at → new end) against its maximum, a linked change's window caps the new end, the same
 *   approval route as any request is asked (never the requester; an extension is never auto-approved) to approve
 *   exactly the extension plan (shared buildExtensionPlan: same provider, person and target, the current and new end);
 * - on approval the usual grant action is queued; the executor's gate rechecks the extension's own approvals and the
 *   grant it extends, then extends in place (executor/src/worker/extend.ts).
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { DECISION_MAX_LENGTH, requestApprovals } from './approvals'
import {
    appendAudit,
    boolField,
    glideToMs,
    groupMemberIds,
    msToGlide,
    notify,
    nowMs,
    readUser,
    sessionActor,
    str,
    wholeNumber,
} from './glide-io'
import { judge, policyMinFor, resolveGrant } from './request'
import { customerComment, workNote } from './ticket'
import { approvalRoute } from './shared/approval'
import { APP_REACTION_EVENT } from './shared/audit-chain'
import { canonicalJson } from './shared/canonical-json'
import {
    EXTEND_CODE,
    buildExtensionPlan,
    extendRequestVerdict,
    extendSupportReason,
    extensionProviderReason,
    extensionOverMaxReason,
    extensionWindow,
    grantLiveVerdict,
    type ExtendableGrant,
} from './shared/extend'
import { planDigest, verifyPlanDigest } from './shared/plan'
import { planText } from './shared/plan-text'
import type { Decision, DecisionReason } from './shared/policy-types'
import { ACTION_FIELDS, ACTION_PRIORITY, EVENT, GRANT_FIELDS, TABLE, type TargetKind } from './shared/schema'
import type { ExtensionWriteFacts } from './shared/state-machine'
import { mergeReasons, ticketReasons, ticketSubmitReasons } from './shared/tickets'
import { formatTime } from './shared/time-format'

/** Outcome shown to the person who asked (and returned to API callers). */
export interface ExtendResult {
    ok: boolean
    message: string
    /** The extension record (when one was created). */
    sysId?: string
    number?: string
    /** Where the submit rule left it: awaiting_approval, or policy_rejected with the reasons in `message`. */
    state?: string
}

/** States of an extension record that is still open (a second one is refused meanwhile). */
const OPEN_EXTENSION_STATES = ['requested', 'awaiting_approval', 'approved', 'queued', 'granting']

/** The grant as the shared decision reads it. */
function extendable(grant: any): ExtendableGrant {
    return {
        sysId: String(grant.getUniqueValue()),
        number: str(grant, GRANT_FIELDS.number),
        state: str(grant, GRANT_FIELDS.state),
        requestedFor: str(grant, GRANT_FIELDS.requestedFor),
        openedBy: str(grant, GRANT_FIELDS.openedBy),
        provider: str(grant, GRANT_FIELDS.provider),
        grantedAtMs: msOf(grant, GRANT_FIELDS.grantedAt),
        expiresAtMs: msOf(grant, GRANT_FIELDS.expiresAt),
        isExtension: str(grant, GRANT_FIELDS.extendsGrant) !== '',
    }
}

function msOf(grant: any, field: string): number {
    const ms = glideToMs(str(grant, field))
    return ms === null ? NaN : ms
}

/** An open revoke asked for by a person or a ticket (priority 1), or the grant already being revoked: its number. */
function pendingRevoke(grantSysId: string): string {
    const gr = new GlideRecord(TABLE.action)
    gr.addQuery(ACTION_FIELDS.grant, grantSysId)
    gr.addQuery(ACTION_FIELDS.type, 'revoke')
    gr.addQuery(ACTION_FIELDS.priority, String(ACTION_PRIORITY.revokeNow))
    gr.addQuery(ACTION_FIELDS.state, 'IN', 'ready,claimed')
    gr.query()
    return gr.next() ? str(gr, ACTION_FIELDS.number) || 'revoke queued' : ''
}

/** Another open extension of the grant (not `except`): its number. */
function openExtensionOf(grantSysId: string, except: string): string {
    const gr = new GlideRecord(TABLE.grant)
    gr.addQuery(GRANT_FIELDS.extendsGrant, grantSysId)
    gr.addQuery(GRANT_FIELDS.state, 'IN', OPEN_EXTENSION_STATES.join(','))
    gr.query()
    while (gr.next()) {
        if (String(gr.getUniqueValue()) !== except) return str(gr, GRANT_FIELDS.number)
    }
    return ''
}

/**
 * Ask for `minutes` more on `grantSysId` as the session user, with `justification`. Refused (nothing created; the
 * refusal is on the grant's audit trail) unless shared extendRequestVerdict allows it; otherwise the extension record
 * is created and judged at once (policy, approvals) by the grant's submit rule.
 */
export function requestExtension(grantSysId: string, minutes: number, justification: string): ExtendResult {
    return requestExtensionAs(grantSysId, minutes, justification, String(gs.getUserID() || ''), '')
}

/**
 * {@link requestExtension} for `actor` (a sys_user sys_id): the proposal API's path, where an assistant
 * (`proposedBy`, the calling integration) asks on behalf of the person who asked it. The same rule applies: only the
 * person the access is for (or who asked for it) may ask, and they can never approve it.
 */
export function requestExtensionAs(
    grantSysId: string,
    minutes: number,
    justification: string,
    actor: string,
    proposedBy: string,
): ExtendResult {
    const grant = new GlideRecord(TABLE.grant)
    if (!grant.get(grantSysId)) return { ok: false, message: 'Extend: the access does not exist.' }
    const facts = extendable(grant)
    const verdict = extendRequestVerdict({
        grant: facts,
        actor,
        minutes,
        justification,
        nowMs: nowMs(),
        revokePending: str(grant, GRANT_FIELDS.state) === 'active' ? pendingRevoke(facts.sysId) : '',
        openExtension: openExtensionOf(facts.sysId, ''),
    })
    if (!verdict.allowed) {
        appendAudit(facts.sysId, 'extension.refused', sessionActor(), {
            by: actor,
            code: verdict.code,
            reason: verdict.message,
            minutes,
        })
        return { ok: false, message: verdict.message }
    }
    const ext = new GlideRecord(TABLE.grant)
    ext.initialize()
    const copy = [
        GRANT_FIELDS.requestedFor,
        GRANT_FIELDS.targetKind,
        GRANT_FIELDS.provider,
        GRANT_FIELDS.targetCi,
        GRANT_FIELDS.targetRoleId,
        GRANT_FIELDS.targetRoleName,
        GRANT_FIELDS.targetGroupId,
        GRANT_FIELDS.targetAccount,
        GRANT_FIELDS.ritm,
        GRANT_FIELDS.incident,
        GRANT_FIELDS.change,
        GRANT_FIELDS.emergency,
    ]
    for (const field of copy) ext.setValue(field, str(grant, field))
    ext.setValue(GRANT_FIELDS.openedBy, actor)
    if (proposedBy) ext.setValue(GRANT_FIELDS.proposedBy, proposedBy)
    ext.setValue(GRANT_FIELDS.extendsGrant, facts.sysId)
    ext.setValue(GRANT_FIELDS.requestedDuration, String(minutes))
    ext.setValue(GRANT_FIELDS.justification, String(justification).trim().slice(0, 4000))
    ext.setValue(GRANT_FIELDS.state, 'requested')
    const id = String(ext.insert() || '')
    if (!id) return { ok: false, message: 'Extend: the extension request could not be created.' }
    appendAudit(facts.sysId, 'extension.requested', sessionActor(), {
        by: actor,
        extension: id,
        minutes,
        ...(proposedBy ? { proposedBy } : {}),
    })
    const created = new GlideRecord(TABLE.grant)
    created.get(id)
    const number = str(created, GRANT_FIELDS.number)
    const state = str(created, GRANT_FIELDS.state)
    const refused = state === 'policy_rejected'
    return {
        ok: !refused,
        sysId: id,
        number,
        state,
        message: refused
            ? `Extension ${number} of ${facts.number} refused:\n${str(created, GRANT_FIELDS.lastError)}`
            : `Extension ${number} of ${facts.number} (${minutes} more minutes) is ${state.replace('_', ' ')}.`,
    }
}

/**
 * Judge a new extension record (called by the grant's submit rule for records with `extends_grant`): every reason at
 * once, like any request; allowed → the extension plan is frozen and the route's approvers are asked.
 */
export function processExtension(
    ext: any,
    actor: string,
    secopsReasons: DecisionReason[],
): { state: string; reasons: DecisionReason[] } {
    const extSysId = String(ext.getUniqueValue())
    const number = str(ext, GRANT_FIELDS.number)
    const grant = new GlideRecord(TABLE.grant)
    const grantSysId = str(ext, GRANT_FIELDS.extendsGrant)
    const fail = (
        reasons: DecisionReason[],
        decision: Decision | null,
    ): { state: string; reasons: DecisionReason[] } => {
        refuseExtension(ext, grantSysId, decision ? decision.policyName : '', reasons)
        return { state: 'policy_rejected', reasons }
    }
    if (!grant.get(grantSysId)) {
        return fail(
            [{ code: EXTEND_CODE.state, message: `The access to extend (${grantSysId}) does not exist.` }],
            null,
        )
    }
    const g = extendable(grant)
    const minutes = wholeNumber(str(ext, GRANT_FIELDS.requestedDuration))
    appendAudit(extSysId, 'request.submitted', actor, {
        extends: grantSysId,
        extendsNumber: g.number,
        requestedFor: str(ext, GRANT_FIELDS.requestedFor),
        openedBy: str(ext, GRANT_FIELDS.openedBy),
        minutes,
    })
    const now = nowMs()
    // Who and when again, as the record says (the record could be inserted by other means than requestExtension).
    const asked = extendRequestVerdict({
        grant: g,
        actor: str(ext, GRANT_FIELDS.openedBy),
        minutes,
        justification: str(ext, GRANT_FIELDS.justification),
        nowMs: now,
        revokePending: pendingRevoke(grantSysId),
        openExtension: openExtensionOf(grantSysId, extSysId),
    })
    if (!asked.allowed) return fail([{ code: asked.code, message: asked.message }], null)
    const same =
        str(ext, GRANT_FIELDS.requestedFor) === g.requestedFor &&
        str(ext, GRANT_FIELDS.provider) === g.provider &&
        str(ext, GRANT_FIELDS.targetKind) === str(grant, GRANT_FIELDS.targetKind)
    if (!same) {
        return fail(
            [
                {
                    code: EXTEND_CODE.mismatch,
                    message: `The extension names another person, provider or target than ${g.number}.`,
                },
            ],
            null,
        )
    }
    const verified = verifyPlanDigest(str(grant, GRANT_FIELDS.plan), str(grant, GRANT_FIELDS.planDigest))
    if (!verified.ok || verified.plan.operation !== 'grant' || verified.plan.grantSysId !== grantSysId) {
        return fail(
            [
                {
                    code: EXTEND_CODE.mismatch,
                    message: `The plan of ${g.number} cannot be verified; it cannot be extended.`,
                },
            ],
            null,
        )
    }
    const resolved = resolveGrant(ext)
    const request = resolved.request
    const win = extensionWindow(
        g.grantedAtMs,
        g.expiresAtMs,
        minutes,
        request.change && typeof request.change.endMs === 'number' && isFinite(request.change.endMs)
            ? request.change.endMs
            : null,
    )
    const minimum = policyMinFor(str(ext, GRANT_FIELDS.targetKind) as TargetKind)
    const windowReasons: DecisionReason[] = []
    if (win.extraMinutes < Math.max(1, minimum)) {
        windowReasons.push({
            code: win.capped ? EXTEND_CODE.window : EXTEND_CODE.minutes,
            message: win.capped
                ? `The window of change ${request.change ? request.change.number : ''} leaves ${win.extraMinutes} more minute(s); the policy minimum is ${minimum}.`
                : `An extension must add at least ${minimum} minutes (the policy minimum).`,
        })
    }
    // What the provider itself accepts (EPM: at least 5 more minutes, 24 hours in total; the webhook: 1440 minutes).
    const providerRule = extensionProviderReason(g.provider, win.extraMinutes, win.totalMinutes)
    if (providerRule) windowReasons.push({ code: EXTEND_CODE.provider, message: providerRule })
    // The policy judges the whole access: from when it was granted to the new end.
    request.durationMinutes = win.totalMinutes
    const judged = judge(request)
    const decision: Decision = { ...judged, autoApprove: null }
    const overMax = extensionOverMaxReason(g.number, win.totalMinutes, judged.reasons)
    let reasons = mergeReasons(
        resolved.reasons,
        overMax ? [{ code: EXTEND_CODE.overMax, message: overMax }] : [],
        judged.reasons,
        ticketReasons(request),
        ticketSubmitReasons(request, now),
        windowReasons,
        secopsReasons,
    )
    let route = null as ReturnType<typeof approvalRoute> | null
    if (reasons.length === 0) {
        const members: Record<string, string[]> = {}
        for (const required of decision.requiredApprovals) {
            if (required.groupId) members[required.groupId] = groupMemberIds(required.groupId)
        }
        const manager = resolved.user ? readUser(resolved.user.managerSysId) : null
        route = approvalRoute(decision, request, manager, members)
        if (!route.ok) reasons = mergeReasons(reasons, route.reasons)
        else if (route.assignments.length === 0) {
            reasons = mergeReasons(reasons, [
                { code: EXTEND_CODE.notAllowed, message: 'An extension needs a human approval; nobody can be asked.' },
            ])
        }
    }
    appendAudit(extSysId, 'policy.evaluated', 'system', {
        allowed: reasons.length === 0,
        policy: judged.policyName,
        reasons,
        highRisk: judged.highRisk,
        autoApprove: null,
        extension: { grant: grantSysId, totalMinutes: win.totalMinutes, extraMinutes: win.extraMinutes },
        requiredApprovals: decision.requiredApprovals,
    })
    if (reasons.length > 0 || !route || !route.ok) return fail(reasons, judged)

    const plan = buildExtensionPlan({
        grantPlan: verified.plan,
        extensionSysId: extSysId,
        extensionNumber: number,
        fromMs: g.expiresAtMs,
        toMs: win.toMs,
        justification: str(ext, GRANT_FIELDS.justification),
        highRisk: judged.highRisk,
        emergency: verified.plan.emergency,
    })
    const digest = planDigest(plan)
    const stored = canonicalJson({
        policy: judged.policyName,
        highRisk: judged.highRisk,
        autoApprove: null,
        autoApproveDeclined: [],
        requiredApprovals: decision.requiredApprovals,
        approvalTimeoutMinutes: judged.approvalTimeoutMinutes,
        escalationGroupId: judged.escalationGroupId,
        slots: route.slots,
        assignments: route.assignments,
    })
    if (stored.length > DECISION_MAX_LENGTH) {
        return fail(
            [{ code: 'APPROVAL_ROUTE_TOO_LARGE', message: 'Too many approvers to record the approval route.' }],
            judged,
        )
    }
    ext.setValue(GRANT_FIELDS.plan, canonicalJson(plan))
    ext.setValue(GRANT_FIELDS.planDigest, digest)
    ext.setValue(GRANT_FIELDS.provider, plan.provider)
    ext.setValue(GRANT_FIELDS.requestedDuration, String(plan.durationMinutes))
    ext.setValue(GRANT_FIELDS.policyDecision, stored)
    appendAudit(extSysId, 'plan.frozen', 'system', {
        digest,
        provider: plan.provider,
        durationMinutes: plan.durationMinutes,
        extension: plan.extension,
        totalMinutes: win.totalMinutes,
        ...(win.capped && request.change ? { cappedToChangeWindow: { change: request.change.number } } : {}),
    })
    requestApprovals(ext, route.assignments, planText(plan, digest))
    customerComment(
        ext,
        `Extension ${number} of ${g.number} asked for: access would end ${formatTime(new Date(win.toMs))} instead of ` +
            `${formatTime(new Date(g.expiresAtMs))}. Waiting for approval.`,
    )
    return { state: 'awaiting_approval', reasons: [] }
}

/** Refuse an extension: the record ends `policy_rejected`, the ticket and the requester are told; nothing is queued. */
function refuseExtension(ext: any, grantSysId: string, policyName: string, reasons: DecisionReason[]): void {
    const lines = reasons.map((r) => `- ${r.message} [${r.code}]`).join('\n')
    const number = str(ext, GRANT_FIELDS.number)
    ext.setValue(GRANT_FIELDS.state, 'policy_rejected')
    ext.setValue(GRANT_FIELDS.lastError, `Extension refused:\n${lines}`.slice(0, 4000))
    ext.setValue(GRANT_FIELDS.refusalCode, reasons.length > 0 ? reasons[0]!.code : '')
    ext.setValue(
        GRANT_FIELDS.policyDecision,
        canonicalJson({ allowed: false, policy: policyName, reasons }).slice(0, DECISION_MAX_LENGTH),
    )
    ext.update()
    workNote(ext, `Extension ${number} refused:\n${lines}`)
    customerComment(ext, `Your extension ${number} cannot go ahead:\n${lines}\nThe access still ends as before.`)
    appendAudit(String(ext.getUniqueValue()), 'request.policy_rejected', 'system', { reasons })
    if (grantSysId) appendAudit(grantSysId, 'extension.refused', 'system', { extension: number, reasons })
    notify(EVENT.rejected, ext, str(ext, GRANT_FIELDS.requestedFor), `Extension refused:\n${lines}`)
}

/** Whether a grant record is an extension request (it never holds access; its grant does). */
export function isExtensionRecord(grant: any): boolean {
    return str(grant, GRANT_FIELDS.extendsGrant) !== ''
}

/** Grant states an extension record may still be asked about (for callers that poll). */
export function extensionSupportText(provider: string): string {
    return extendSupportReason(provider) || 'This access can be extended in place.'
}

/** The default extra minutes of the grant form's "Extend" action. */
export const FORM_EXTENSION_MINUTES = 30

/** UI action script on the grant form: ask for {@link FORM_EXTENSION_MINUTES} more minutes. */
export function extendFromGrant(current: any): void {
    const result = requestExtension(
        String(current.getUniqueValue()),
        FORM_EXTENSION_MINUTES,
        `More time requested by ${gs.getUserName()} from the grant form: the work is not finished`,
    )
    if (result.ok) gs.addInfoMessage(result.message)
    else gs.addErrorMessage(result.message)
}

/** Live verdict for a grant form condition (shared; exported for the app's tests). */
export function canStillExtend(grant: any): boolean {
    return grantLiveVerdict(extendable(grant), nowMs()).allowed
}

/**
 * For the executor-write guard (claim-guard-rule.ts): whether `previous` is an extension record, and the new ends of
 * the approved extensions of it that start at its current end — an extension record in `granting` (the executor is
 * applying it) or `extended`, whose stored plan verifies against its digest and names this grant and this end.
 */
export function extensionWriteFacts(current: any, previous: any): ExtensionWriteFacts {
    const grantSysId = String(current.getUniqueValue())
    const newMs = glideToMs(str(current, GRANT_FIELDS.expiresAt))
    const facts: ExtensionWriteFacts = {
        isExtensionRecord: str(previous, GRANT_FIELDS.extendsGrant) !== '',
        approvedEndsMs: [],
        newExpiresAtMs: newMs === null ? NaN : newMs,
    }
    const fromMs = glideToMs(str(previous, GRANT_FIELDS.expiresAt))
    // Only a move of an active grant's end needs the approved extensions (one query, only then).
    const moving =
        str(previous, GRANT_FIELDS.state) === 'active' &&
        str(current, GRANT_FIELDS.state) === 'active' &&
        str(previous, GRANT_FIELDS.expiresAt) !== str(current, GRANT_FIELDS.expiresAt)
    if (facts.isExtensionRecord || fromMs === null || !moving) return facts
    const gr = new GlideRecord(TABLE.grant)
    gr.addQuery(GRANT_FIELDS.extendsGrant, grantSysId)
    gr.addQuery(GRANT_FIELDS.state, 'IN', 'granting,extended')
    gr.query()
    while (gr.next()) {
        const v = verifyPlanDigest(str(gr, GRANT_FIELDS.plan), str(gr, GRANT_FIELDS.planDigest))
        if (!v.ok || v.plan.operation !== 'extend' || !v.plan.extension) continue
        if (v.plan.grantSysId !== String(gr.getUniqueValue())) continue
        const e = v.plan.extension
        if (e.grantSysId !== grantSysId || Math.abs(Date.parse(e.fromExpiresAt) - fromMs) >= 1000) continue
        facts.approvedEndsMs.push(Date.parse(e.toExpiresAt))
    }
    return facts
}

/**
 * Business rule (after update, grant, expires_at changes on active access): an approved extension moved the end, so
 * the grant's scheduled revoke (ready, not a Revoke now) falls due at the new end. The app moves it: the executor may
 * write only actions it holds the lease of (shared claim-guard.ts), and the revoke is nobody's until it falls due.
 *
 * Only a *move*: the grant was already active with an end. The executor's activation (granting → active, the first
 * end written) also changes expires_at on an active grant and is not one — acting on it appended a
 * `revoke.rescheduled` with nothing moved to every grant's chain, in the executor's session, reported by the
 * executor's chain check as a forged append (simulator finding 14). The event is an app reaction (shared
 * APP_REACTION_EVENT): it is appended in whichever session wrote the new end, the executor's.
 */
export function onGrantExpiryMoved(current: any, previous: any): void {
    if (!previous || str(current, GRANT_FIELDS.state) !== 'active') return
    if (str(previous, GRANT_FIELDS.state) !== 'active') return
    const before = str(previous, GRANT_FIELDS.expiresAt)
    const after = str(current, GRANT_FIELDS.expiresAt)
    const afterMs = glideToMs(after)
    if (before === '' || before === after || afterMs === null || str(current, GRANT_FIELDS.extendsGrant)) return
    const grantSysId = String(current.getUniqueValue())
    const revoke = new GlideRecord(TABLE.action)
    revoke.addQuery(ACTION_FIELDS.grant, grantSysId)
    revoke.addQuery(ACTION_FIELDS.type, 'revoke')
    revoke.addQuery(ACTION_FIELDS.state, 'ready')
    revoke.addQuery(ACTION_FIELDS.priority, '>', String(ACTION_PRIORITY.revokeNow))
    revoke.query()
    const moved: string[] = []
    while (revoke.next()) {
        revoke.setValue(ACTION_FIELDS.notBefore, msToGlide(afterMs))
        // The app's own move, in the executor's session: not an executor write for the action's claim guard.
        revoke.setWorkflow(false)
        revoke.update()
        moved.push(str(revoke, ACTION_FIELDS.number))
    }
    // The *expires soon* e-mail (watchdog.ts) is sent again before the new end.
    const warned = new GlideRecord(TABLE.grant)
    if (warned.get(grantSysId) && boolField(warned, GRANT_FIELDS.expiryWarned)) {
        warned.setValue(GRANT_FIELDS.expiryWarned, 'false')
        warned.setWorkflow(false)
        warned.update()
    }
    appendAudit(grantSysId, APP_REACTION_EVENT.revokeRescheduled, 'system', {
        previousExpiresAt: before,
        expiresAt: after,
        actions: moved,
    })
    workNote(
        current,
        `Access ${str(current, GRANT_FIELDS.number)} now ends ${formatTime(new Date(afterMs))}; its scheduled revoke moved with it.`,
    )
}
