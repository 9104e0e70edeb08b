/**
 * Extending an active grant (issue 17: "a request for more time on it goes through policy and approval like any
 * request, and the provider extends in place where it can, else grants the remainder; overlap rules hold").
 *
 * An extension is its own grant record (`extends_grant` = the grant it extends) with its own frozen plan
 * (`operation: 'extend'`, same provider, person and target as the grant, the grant's current end and the new end),
 * its own approvals (the same route as any request: never the requester) and its own grant action. The executor's
 * gate rechecks the extension's approvals fresh, then moves the end of the EXISTING access: the grant it extends gets
 * the new `expires_at` (what overlap holders, drift and expiry warnings read), its scheduled revoke moves to the new
 * end, and the extension record ends `extended`. The extension record never holds access itself.
 *
 * Decided once here, for the app (now-app/src/server/extend.ts) and the executor (worker/extend.ts):
 * - who may ask: the person the access is for, or the person who opened it (nobody else's grant is extended);
 * - from which state: `active`, before its end, with no revoke asked for (Revoke now, ticket end) and no other
 *   extension open; less than {@link EXTEND_MIN_LEFT_MS} before the end is too late (the revoke may be starting);
 * - how long: the policy's maximum applies to the TOTAL (granted_at → new end); a linked change's window caps the
 *   new end (shared tickets.ts `cappedExpiryMs`);
 * - per provider: Entra roles / groups extend in place (PIM `adminExtend`), the webhook in place (contract 1.1
 *   `POST /grants/{id}/extend`), EPM in place (the decision call re-approves the live request with the seconds to the
 *   new end); the console cannot (its temporary privilege is fixed when it is set): refused with the reason. A
 *   remainder grant is never made: both the webhook (409 grant_conflict) and EPM (one open request per user) refuse a
 *   second live grant of the same person and target, so it could only start after the old one ended (docs/extend.md).
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import type { ExecutionPlan, PlanExtension } from './plan-types'
import type { GrantState, ProviderName } from './schema'
import { cappedExpiryMs } from './tickets'

/** Stable codes of an extension refusal (tickets and reports key on them; never rename). */
export const EXTEND_CODE = {
    notAllowed: 'EXTEND_NOT_ALLOWED',
    state: 'EXTEND_STATE',
    ended: 'EXTEND_GRANT_ENDED',
    tooLate: 'EXTEND_TOO_LATE',
    revokePending: 'EXTEND_REVOKE_PENDING',
    alreadyOpen: 'EXTEND_ALREADY_OPEN',
    minutes: 'EXTEND_MINUTES_INVALID',
    overMax: 'EXTEND_OVER_POLICY_MAX',
    window: 'EXTEND_CHANGE_WINDOW',
    provider: 'EXTEND_NOT_SUPPORTED',
    justification: 'EXTEND_JUSTIFICATION_MISSING',
    changed: 'EXTEND_GRANT_CHANGED',
    mismatch: 'EXTEND_PLAN_MISMATCH',
} as const

/** The least time that must be left before the grant's end to ask for, or perform, an extension. */
export const EXTEND_MIN_LEFT_MS = 60_000

/** Minimum justification length of an extension (the policy's own minimum is judged too). */
export const EXTEND_JUSTIFICATION_MIN = 10

/**
 * How each provider extends. `in_place`: the provider moves the end of the live access:
 * - Entra roles / groups: PIM `adminExtend` (Graph v1.0 "Create roleAssignmentScheduleRequests": "adminExtend: For
 *   administrators to extend expiring assignments"; PIM for Groups takes the same actions);
 * - webhook: `POST /grants/{id}/extend` with the new `expiresAt` (docs/webhook-provider.openapi.yaml, contract 1.1);
 *   a service still on contract 1.0 answers 404 to it and the extension fails with that reason, nothing changed;
 * - EPM: the decision call ("Updates an Admin Access Request decision": request id, `Approved`, duration in seconds,
 *   contracts/beyondtrust-epm.md) re-approves the live request with the seconds from now to the new end, read back.
 * `none`: the console's temporary privilege is chosen from fixed expiry choices when it is set and has no extend
 * step (contracts seed 002, docs/console.md): refused with {@link extendSupportReason}.
 */
export const EXTEND_SUPPORT: Readonly<Record<ProviderName, 'in_place' | 'none'>> = {
    'entra-role': 'in_place',
    'entra-group': 'in_place',
    webhook: 'in_place',
    epm: 'in_place',
    console: 'none',
}

/** Why `provider` cannot extend ('' when it can). */
export function extendSupportReason(provider: string): string {
    const support = (EXTEND_SUPPORT as Record<string, string>)[provider]
    if (support === 'in_place') return ''
    if (provider === 'console') {
        return (
            'The emergency console sets its temporary privilege once, from fixed expiry choices, and has no step to ' +
            'extend it; request new console access once this one has ended.'
        )
    }
    return `Provider ${provider || '(none)'} cannot extend access; request new access once this one has ended.`
}

/**
 * Provider rules on an extension ('' when none refuses): EPM re-approves the session with the seconds from the
 * executor's call to the new end, and EPM sessions last 5 minutes to 24 hours (contracts/beyondtrust-epm.md, "JIT
 * session lifecycle" 2–3), so an EPM extension adds at least 5 minutes and the whole access stays within 24 hours;
 * the webhook contract's grants last at most 1440 minutes in total (`durationMinutes` maximum, and `extend`'s rule).
 */
export function extensionProviderReason(provider: string, extraMinutes: number, totalMinutes: number): string {
    if (provider === 'epm') {
        if (extraMinutes < 5)
            return 'An extension of an EPM session adds at least 5 minutes (EPM sessions last 5 minutes to 24 hours).'
        if (totalMinutes > 24 * 60)
            return `EPM sessions last at most 24 hours; with this extension the access would last ${totalMinutes} minutes.`
    }
    if (provider === 'webhook' && totalMinutes > 1440) {
        return `The admin service grants at most 1440 minutes in total; with this extension the access would last ${totalMinutes} minutes.`
    }
    return ''
}

/** The grant an extension is asked for, as read now. */
export interface ExtendableGrant {
    sysId: string
    number: string
    state: GrantState | string
    requestedFor: string
    openedBy: string
    provider: string
    /** epoch ms; NaN when not set. */
    grantedAtMs: number
    /** epoch ms; NaN when not set. */
    expiresAtMs: number
    /** This grant is itself an extension record (never extended: its grant is). */
    isExtension: boolean
}

/** The facts an extension request is judged on. */
export interface ExtendRequestFacts {
    grant: ExtendableGrant
    /** sys_id of who asks (the session user). */
    actor: string
    /** Extra minutes asked for. */
    minutes: number
    justification: string
    nowMs: number
    /** Number of an open revoke (Revoke now, ticket end) of the grant, '' when none. */
    revokePending: string
    /** Number of another open extension of the grant, '' when none. */
    openExtension: string
}

export type ExtendVerdict = { allowed: true } | { allowed: false; code: string; message: string }

const refuse = (code: string, message: string): ExtendVerdict => ({ allowed: false, code, message })

/** Judge a person's request for more time on a grant (before anything is created). */
export function extendRequestVerdict(f: ExtendRequestFacts): ExtendVerdict {
    const g = f.grant
    if (!f.actor) return refuse(EXTEND_CODE.notAllowed, 'Extension refused: no user is acting.')
    if (f.actor !== g.requestedFor && f.actor !== g.openedBy) {
        return refuse(
            EXTEND_CODE.notAllowed,
            `Extension of ${g.number} refused: only the person the access is for (or who asked for it) may ask for more time.`,
        )
    }
    const live = grantLiveVerdict(g, f.nowMs)
    if (!live.allowed) return live
    if (f.revokePending) {
        return refuse(
            EXTEND_CODE.revokePending,
            `${g.number} is being removed (${f.revokePending}); it cannot be extended.`,
        )
    }
    if (f.openExtension) {
        return refuse(
            EXTEND_CODE.alreadyOpen,
            `An extension of ${g.number} is already open (${f.openExtension}); wait for its decision.`,
        )
    }
    const supported = extendSupportReason(g.provider)
    if (supported) return refuse(EXTEND_CODE.provider, supported)
    if (!isFinite(f.minutes) || Math.floor(f.minutes) !== f.minutes || f.minutes < 1) {
        return refuse(EXTEND_CODE.minutes, 'Ask for a whole number of extra minutes (at least 1).')
    }
    if (String(f.justification || '').trim().length < EXTEND_JUSTIFICATION_MIN) {
        return refuse(
            EXTEND_CODE.justification,
            `Say why more time is needed (at least ${EXTEND_JUSTIFICATION_MIN} characters).`,
        )
    }
    return { allowed: true }
}

/** Whether `g` is active access that can still be extended at `nowMs`. */
export function grantLiveVerdict(g: ExtendableGrant, nowMs: number): ExtendVerdict {
    if (g.isExtension) {
        return refuse(EXTEND_CODE.state, `${g.number} is an extension; ask for more time on the grant it extends.`)
    }
    if (g.state !== 'active') {
        const ended = ['revoking', 'revoked', 'revoke_failed', 'grant_failed', 'cancelled'].indexOf(g.state) >= 0
        return refuse(
            ended ? EXTEND_CODE.ended : EXTEND_CODE.state,
            ended
                ? `${g.number} is ${g.state}: the access has ended (or is ending), so it cannot be extended; request new access.`
                : `${g.number} is ${g.state}; only active access can be extended.`,
        )
    }
    if (!isFinite(g.expiresAtMs) || !isFinite(g.grantedAtMs)) {
        return refuse(EXTEND_CODE.state, `${g.number} has no recorded grant and expiry time; it cannot be extended.`)
    }
    if (nowMs >= g.expiresAtMs) {
        return refuse(EXTEND_CODE.ended, `${g.number} ended at its expiry; it cannot be extended. Request new access.`)
    }
    if (g.expiresAtMs - nowMs < EXTEND_MIN_LEFT_MS) {
        return refuse(
            EXTEND_CODE.tooLate,
            `${g.number} ends in less than a minute; it is too late to extend it. Request new access.`,
        )
    }
    return { allowed: true }
}

/**
 * The new end of an extension by `minutes` of access ending at `fromMs`, capped at a change window's end
 * (`windowEndMs`, null for none). `extraMinutes` is what is really added (whole minutes; 0 when the window leaves
 * nothing) and `totalMinutes` the whole access from `grantedAtMs` to the new end (what the policy's maximum judges).
 */
export function extensionWindow(
    grantedAtMs: number,
    fromMs: number,
    minutes: number,
    windowEndMs: number | null,
): { toMs: number; extraMinutes: number; totalMinutes: number; capped: boolean } {
    const capped = cappedExpiryMs(fromMs, minutes, windowEndMs)
    const extraMinutes = Math.max(0, Math.floor((capped.expiresAtMs - fromMs) / 60_000))
    const toMs = fromMs + extraMinutes * 60_000
    return {
        toMs,
        extraMinutes,
        totalMinutes: Math.ceil((toMs - grantedAtMs) / 60_000),
        capped: capped.capped,
    }
}

/**
 * The refusal for an extension whose total is beyond the policy maximum, when the policy refused the total with
 * `policyReasons` (its duration-above-maximum reasons); '' when it did not.
 */
export function extensionOverMaxReason(
    number: string,
    totalMinutes: number,
    policyReasons: { code: string; message: string }[],
): string {
    const over = policyReasons.filter((r) => r.code === 'DURATION_ABOVE_POLICY_MAX' || r.code === 'DURATION_ABOVE_MAX')
    if (over.length === 0) return ''
    return (
        `With this extension ${number} would last ${totalMinutes} minutes in total (from when it was granted to the ` +
        `new end); the policy's maximum applies to the whole access: ${over.map((r) => r.message).join(' ')}`
    )
}

/** Input of {@link buildExtensionPlan}. */
export interface ExtensionPlanInput {
    /** The extended grant's approved plan (digest verified by the caller). */
    grantPlan: ExecutionPlan
    /** The extension record. */
    extensionSysId: string
    extensionNumber: string
    fromMs: number
    toMs: number
    justification: string
    highRisk: boolean
    emergency: boolean
}

/**
 * The extension's plan: exactly the grant's provider, person and target; operation `extend`; `durationMinutes` the
 * minutes added; the grant it extends and its end before and after. Approvers approve this plan (and its digest).
 */
export function buildExtensionPlan(input: ExtensionPlanInput): ExecutionPlan {
    const g = input.grantPlan
    const extension: PlanExtension = {
        grantSysId: g.grantSysId,
        grantNumber: g.grantNumber,
        fromExpiresAt: new Date(input.fromMs).toISOString(),
        toExpiresAt: new Date(input.toMs).toISOString(),
    }
    return {
        version: g.version,
        grantSysId: input.extensionSysId,
        grantNumber: input.extensionNumber,
        provider: g.provider,
        operation: 'extend',
        principal: { userSysId: g.principal.userSysId, userName: g.principal.userName, email: g.principal.email },
        target: JSON.parse(JSON.stringify(g.target)),
        durationMinutes: Math.round((input.toMs - input.fromMs) / 60_000),
        justification: input.justification,
        tickets: JSON.parse(JSON.stringify(g.tickets)),
        emergency: input.emergency,
        highRisk: input.highRisk || g.highRisk,
        extension,
    }
}

/** Re-frame an extension plan after an approver shortened it to `minutes` (the end moves with it). */
export function shortenExtensionPlan(plan: ExecutionPlan, minutes: number): ExecutionPlan {
    if (!plan.extension) return plan
    const from = Date.parse(plan.extension.fromExpiresAt)
    return {
        ...plan,
        durationMinutes: minutes,
        extension: { ...plan.extension, toExpiresAt: new Date(from + minutes * 60_000).toISOString() },
    }
}

/** The extended grant as the executor's gate reads it (ServiceNow), with its verified plan. */
export interface GateGrant {
    sysId: string
    number: string
    state: string
    /** epoch ms; NaN when not set. */
    expiresAtMs: number
    /** The grant's own verified plan (null when it does not parse / match its digest). */
    plan: ExecutionPlan | null
    /** Open revoke actions of the grant: priority and number (a scheduled revoke at expiry has priority 2). */
    openRevokes: { priority: number; number: string; notBeforeMs: number }[]
}

/**
 * The executor's gate for an extension plan, judged on the grant it extends as read now: the grant is still the
 * active access the approvers saw (same provider, person and target, the same end), it has not ended, no revoke other
 * than the scheduled one at its end is open, and enough time is left. Deny when in doubt.
 */
export function extensionGateVerdict(plan: ExecutionPlan, grant: GateGrant, nowMs: number): ExtendVerdict {
    const ext = plan.extension
    if (plan.operation !== 'extend' || !ext) {
        return refuse(EXTEND_CODE.mismatch, 'The plan is not an extension plan.')
    }
    if (grant.sysId !== ext.grantSysId) {
        return refuse(EXTEND_CODE.mismatch, `The plan extends ${ext.grantSysId}, not ${grant.sysId}.`)
    }
    const g = grant.plan
    if (!g || g.operation !== 'grant') {
        return refuse(
            EXTEND_CODE.mismatch,
            `The plan of ${grant.number} cannot be read or verified; nothing is extended.`,
        )
    }
    if (
        g.provider !== plan.provider ||
        g.principal.userSysId !== plan.principal.userSysId ||
        g.principal.email.toLowerCase() !== plan.principal.email.toLowerCase() ||
        JSON.stringify(sortedTarget(g)) !== JSON.stringify(sortedTarget(plan))
    ) {
        return refuse(
            EXTEND_CODE.mismatch,
            `The extension names another provider, person or target than ${grant.number}; nothing is extended.`,
        )
    }
    const live = grantLiveVerdict(
        {
            sysId: grant.sysId,
            number: grant.number,
            state: grant.state,
            requestedFor: '',
            openedBy: '',
            provider: g.provider,
            grantedAtMs: 0,
            expiresAtMs: grant.expiresAtMs,
            isExtension: false,
        },
        nowMs,
    )
    if (!live.allowed) return live
    const from = Date.parse(ext.fromExpiresAt)
    if (!(Math.abs(grant.expiresAtMs - from) < 1_000)) {
        return refuse(
            EXTEND_CODE.changed,
            `${grant.number} now ends at ${new Date(grant.expiresAtMs).toISOString()}, not at ${ext.fromExpiresAt} as ` +
                'approved (extended or shortened since); nothing is extended: ask again.',
        )
    }
    const to = Date.parse(ext.toExpiresAt)
    if (!(to > from) || Math.round((to - from) / 60_000) !== plan.durationMinutes) {
        return refuse(EXTEND_CODE.mismatch, 'The extension plan is inconsistent (end not after the current end).')
    }
    for (const r of grant.openRevokes) {
        // The scheduled revoke at the grant's end is what the extension moves; any other revoke wins.
        const scheduled = r.priority >= 2 && Math.abs(r.notBeforeMs - grant.expiresAtMs) < 1_000
        if (!scheduled) {
            return refuse(
                EXTEND_CODE.revokePending,
                `${grant.number} is being removed (${r.number || 'revoke queued'}); it is not extended.`,
            )
        }
    }
    const support = extendSupportReason(plan.provider)
    if (support) return refuse(EXTEND_CODE.provider, support)
    return { allowed: true }
}

function sortedTarget(plan: ExecutionPlan): [string, unknown][] {
    const t = plan.target as unknown as Record<string, unknown>
    return Object.keys(t)
        .sort()
        .map((k) => [k, t[k]] as [string, unknown])
}
