/**
 * The deterministic policy check. The ServiceNow app runs it when a request is submitted and the executor
 * runs it again in the recheck gate right before the privileged call, on the same inputs shape, so "policy
 * allowed it" means the same thing on both sides.
 *
 * Design choices:
 * - Every check runs and EVERY failing reason is returned (a requester fixes all of them in one go).
 * - Fail secure: anything missing that a rule needs (no policy, no CI for a device request, no change for a
 *   server) is a denial, never a pass.
 * - No clock, no randomness, no I/O: time comes from {@link EvaluationContext.nowMs}.
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */
import { DEFAULT_MIN_DURATION_MINUTES, DURATION_BOUNDS, TARGET_KINDS, isSysId } from './schema'
import type { TargetKind } from './schema'
import type {
    AccessRequest,
    BusinessHours,
    Decision,
    DecisionReason,
    EvaluationContext,
    PolicyRule,
    RequestIncident,
    RequestTarget,
    RequiredApproval,
} from './policy-types'

/** Stable reason codes of {@link evaluate} and {@link canApprove}. Never rename: tickets and reports key on them. */
/** An Entra object id (GUID): the only shape of Entra group id a request may carry. */
const ENTRA_OBJECT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

export const POLICY_REASON = {
    /** The integration kill switch is off. */
    integrationDisabled: 'INTEGRATION_DISABLED',
    /** No active policy for the target kind (nor an 'any' policy). */
    noPolicy: 'NO_MATCHING_POLICY',
    /** A policy record that could apply does not parse (see policy-record.ts). */
    policyInvalid: 'POLICY_INVALID',
    /** The request itself is malformed (unknown target kind, requester sys_id not a sys_id). */
    requestInvalid: 'REQUEST_INVALID',
    /** Duration not a whole number of minutes. */
    durationInvalid: 'DURATION_INVALID',
    /** Duration below the platform floor DURATION_BOUNDS.min (whatever the policy). */
    durationBelowMin: 'DURATION_BELOW_MIN',
    /**
     * Duration at or above the floor but below the policy's effective minimum: its own `min_duration`, or
     * DEFAULT_MIN_DURATION_MINUTES when it sets none (see {@link policyMinDuration}).
     */
    durationBelowPolicyMin: 'DURATION_BELOW_POLICY_MIN',
    /** Duration above DURATION_BOUNDS.max. */
    durationAboveMax: 'DURATION_ABOVE_MAX',
    /** Duration above the policy's (emergency) maximum. */
    durationAbovePolicyMax: 'DURATION_ABOVE_POLICY_MAX',
    userBlocked: 'USER_BLOCKED',
    groupBlocked: 'GROUP_BLOCKED',
    userInactive: 'USER_INACTIVE',
    /** The target field the kind needs (CI, role id, group id, account) is missing. */
    targetMissing: 'TARGET_MISSING',
    deviceClassNotAllowed: 'DEVICE_CLASS_NOT_ALLOWED',
    deviceNotCorpManaged: 'DEVICE_NOT_CORP_MANAGED',
    changeRequired: 'CHANGE_REQUIRED',
    changeInactive: 'CHANGE_INACTIVE',
    changeOutsideWindow: 'CHANGE_OUTSIDE_WINDOW',
    /** The linked change is for another CI. */
    changeCiMismatch: 'CHANGE_CI_MISMATCH',
    incidentRequired: 'INCIDENT_REQUIRED',
    incidentPriorityTooLow: 'INCIDENT_PRIORITY_TOO_LOW',
    incidentInactive: 'INCIDENT_INACTIVE',
    roleNotAllowed: 'ROLE_NOT_ALLOWED',
    justificationTooShort: 'JUSTIFICATION_TOO_SHORT',
    /** A second approver is required but the policy names no second-approver group. */
    secondApproverUnavailable: 'SECOND_APPROVER_UNAVAILABLE',
    /**
     * An emergency console request (issue 14) needs its three named approval slots, but the policy does not name
     * the group of each (incident command, security, customer-account authority).
     */
    consoleApproversUnset: 'CONSOLE_APPROVERS_UNSET',
    /** canApprove: the approver is the requester (requested_for or opened_by). */
    selfApproval: 'SELF_APPROVAL',
    /** canApprove: the approver id is not a sys_id. */
    approverInvalid: 'APPROVER_INVALID',
} as const

/**
 * Why an auto-approve rule that matched was not applied (Decision.autoApproveDeclined). Not denials: the request
 * takes the human approval route instead. Never rename: tickets and reports key on them.
 */
export const AUTO_APPROVE_DECLINED = {
    /** The requester raised, prioritised or assigned the incident themselves. */
    ownTicket: 'AUTO_APPROVE_OWN_TICKET',
    /** Who raised / prioritised / assigned the incident cannot be told. */
    ticketHistoryUnknown: 'AUTO_APPROVE_TICKET_HISTORY_UNKNOWN',
    /** The policy's current content is not confirmed by a second SecOps person. */
    unconfirmed: 'AUTO_APPROVE_RULES_UNCONFIRMED',
} as const
export type PolicyReasonCode = (typeof POLICY_REASON)[keyof typeof POLICY_REASON]

/** Minimum justification length (characters, after trimming). */
export const MIN_JUSTIFICATION_LENGTH = 20

/** Device class that counts as a server (for change and second-approver rules and high risk). */
export const SERVER_DEVICE_CLASS = 'server'

/**
 * Select the policy governing `kind`: among active policies for exactly that kind the lowest `order` wins
 * (ties broken by name, so the choice never depends on record order); only when none exists, the lowest-order
 * active 'any' policy.
 */
export function selectPolicy(policies: PolicyRule[], kind: TargetKind): PolicyRule | null {
    const pick = (wanted: TargetKind | 'any'): PolicyRule | null => {
        let best: PolicyRule | null = null
        for (const p of policies) {
            if (!p.active || p.targetKind !== wanted) continue
            if (best === null || p.order < best.order || (p.order === best.order && p.name < best.name)) best = p
        }
        return best
    }
    return pick(kind) || pick('any')
}

/** Parse 'HH:MM' (00:00..24:00) to minutes since midnight, or NaN. */
export function parseHhMm(text: string): number {
    const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text)
    if (!m) return NaN
    const minutes = Number(m[1]) * 60 + Number(m[2])
    return minutes <= 24 * 60 ? minutes : NaN
}

/**
 * True when `nowMs` falls within the business hours: a listed weekday (in the policy's fixed UTC offset) and
 * start <= local time < end. Malformed hours count as outside (the stricter answer: it asks for a second
 * approver rather than waiving one).
 */
export function isWithinBusinessHours(hours: BusinessHours, nowMs: number): boolean {
    const start = parseHhMm(hours.start)
    const end = parseHhMm(hours.end)
    if (!(start < end) || !isFinite(hours.utcOffsetMinutes)) return false
    // Shift the instant by the offset and read it with UTC getters: local wall time without Intl zone data.
    const local = new Date(nowMs + hours.utcOffsetMinutes * 60000)
    const minutes = local.getUTCHours() * 60 + local.getUTCMinutes()
    return hours.days.indexOf(local.getUTCDay()) >= 0 && minutes >= start && minutes < end
}

/** Effective maximum duration (minutes) a policy allows for a normal or emergency request, within the hard bounds. */
export function policyMaxDuration(policy: PolicyRule | null, emergency: boolean, context: EvaluationContext): number {
    let max = policy
        ? emergency && policy.emergencyMaxDurationMinutes > 0
            ? policy.emergencyMaxDurationMinutes
            : policy.maxDurationMinutes
        : 0
    // A policy with no maximum (0) falls back to the app-wide default property, then the hard bound.
    if (!(max > 0))
        max = context.defaultMaxDurationMinutes > 0 ? context.defaultMaxDurationMinutes : DURATION_BOUNDS.max
    return Math.min(max, DURATION_BOUNDS.max)
}

/**
 * Effective minimum duration (minutes) under `policy`: its own `minDurationMinutes` when set (> 0), otherwise
 * DEFAULT_MIN_DURATION_MINUTES (Entra PIM cannot remove an assignment within 5 minutes of activation, so only a
 * policy that explicitly asks for less — sandbox / demo — goes below it). No policy gets the default, the
 * stricter answer. Always within DURATION_BOUNDS, whole minutes (a fractional minimum rounds up).
 */
export function policyMinDuration(policy: PolicyRule | null): number {
    const own = policy ? policy.minDurationMinutes : undefined
    const min = typeof own === 'number' && own > 0 ? Math.ceil(own) : DEFAULT_MIN_DURATION_MINUTES
    return Math.max(DURATION_BOUNDS.min, Math.min(min, DURATION_BOUNDS.max))
}

/** "1 minute" / "5 minutes", for reason messages. */
function minutesText(n: number): string {
    return n === 1 ? '1 minute' : `${n} minutes`
}

/**
 * Judge `request` against the policies at `context.nowMs`. See the module comment for the principles and
 * {@link POLICY_REASON} for the rules.
 */
export function evaluate(request: AccessRequest, policies: PolicyRule[], context: EvaluationContext): Decision {
    const reasons: DecisionReason[] = []
    const deny = (code: PolicyReasonCode, message: string): void => {
        reasons.push({ code, message })
    }
    const kindKnown = TARGET_KINDS.indexOf(request.targetKind) >= 0
    const policy = kindKnown ? selectPolicy(policies, request.targetKind) : null
    const user = request.requestedFor
    // Defensive against hand-built requests: a missing target is judged as an empty one (TARGET_MISSING).
    const t: RequestTarget = request.target || {}
    const ci = t.ci
    const isServer = !!ci && String(ci.deviceClass).toLowerCase() === SERVER_DEVICE_CLASS
    const isProduction = !!ci && ci.production === true
    const roleId = t.roleId
    const highRiskRole =
        !!policy && request.targetKind === 'entra_role' && !!roleId && policy.highRiskRoleIds.indexOf(roleId) >= 0
    // The emergency console restores privileged access to a customer's production tenant: always high risk.
    const isConsole = request.targetKind === 'console'
    const highRisk = isServer || isProduction || highRiskRole || isConsole

    // --- Context and request shape -------------------------------------------------------------------------
    if (context.integrationEnabled !== true) {
        const why = context.integrationError ? ` ${context.integrationError}` : ''
        deny(POLICY_REASON.integrationDisabled, `The break-glass integration is disabled.${why}`)
    }
    if (!kindKnown) deny(POLICY_REASON.requestInvalid, `Unknown target kind "${String(request.targetKind)}".`)
    if (!isSysId(user.sysId)) deny(POLICY_REASON.requestInvalid, 'The requested-for user is not a valid sys_id.')
    if (kindKnown && !policy) {
        deny(POLICY_REASON.noPolicy, `No active policy governs ${request.targetKind} requests.`)
    }

    // --- Duration ------------------------------------------------------------------------------------------
    const requested = request.durationMinutes
    const maxAllowed = policyMaxDuration(policy, request.emergency, context)
    const policyMin = policyMinDuration(policy)
    if (typeof requested !== 'number' || !Number.isInteger(requested)) {
        deny(POLICY_REASON.durationInvalid, 'The duration must be a whole number of minutes.')
    } else {
        if (requested < DURATION_BOUNDS.min) {
            deny(POLICY_REASON.durationBelowMin, `The duration must be at least ${minutesText(DURATION_BOUNDS.min)}.`)
        }
        // One duration-minimum reason per request: below the floor already says it all.
        if (policy && requested >= DURATION_BOUNDS.min && requested < policyMin) {
            const source = policy.minDurationMinutes && policy.minDurationMinutes > 0 ? '' : ', default minimum'
            deny(
                POLICY_REASON.durationBelowPolicyMin,
                `The duration must be at least ${minutesText(policyMin)} for ${request.targetKind} requests ` +
                    `(policy ${policy.name}${source}).`,
            )
        }
        if (requested > DURATION_BOUNDS.max) {
            deny(POLICY_REASON.durationAboveMax, `The duration must be at most ${DURATION_BOUNDS.max} minutes.`)
        }
        if (policy && maxAllowed < DURATION_BOUNDS.max && requested > maxAllowed) {
            deny(
                POLICY_REASON.durationAbovePolicyMax,
                `The duration must be at most ${maxAllowed} minutes for ${request.emergency ? 'emergency ' : ''}` +
                    `${request.targetKind} requests (policy ${policy.name}).`,
            )
        }
    }

    // --- Requester -----------------------------------------------------------------------------------------
    if (user.active !== true) deny(POLICY_REASON.userInactive, 'The requested-for user is inactive.')
    if (policy) {
        if (policy.blockedUserIds.indexOf(user.sysId) >= 0) {
            deny(POLICY_REASON.userBlocked, 'The requested-for user may not receive break-glass access.')
        }
        const blockedGroups = (user.groupIds || []).filter((g) => policy.blockedGroupIds.indexOf(g) >= 0)
        if (blockedGroups.length > 0) {
            deny(
                POLICY_REASON.groupBlocked,
                `The requested-for user is a member of a blocked group (${blockedGroups.join(', ')}).`,
            )
        }
    }

    // --- Target --------------------------------------------------------------------------------------------
    if (request.targetKind === 'device_local_admin') {
        if (!ci || !isSysId(ci.sysId)) {
            deny(POLICY_REASON.targetMissing, 'A device request needs a configuration item.')
        } else if (policy) {
            const allowed = policy.allowedDeviceClasses.map((c) => c.toLowerCase())
            if (allowed.length > 0 && allowed.indexOf(String(ci.deviceClass).toLowerCase()) < 0) {
                deny(
                    POLICY_REASON.deviceClassNotAllowed,
                    `Device class "${ci.deviceClass}" is not allowed (allowed: ${policy.allowedDeviceClasses.join(', ')}).`,
                )
            }
            if (policy.corpManagedOnly && ci.corpManaged !== true) {
                deny(POLICY_REASON.deviceNotCorpManaged, `Device ${ci.name} is not corporate-managed.`)
            }
        }
    } else if (request.targetKind === 'entra_role') {
        if (!t.roleId) {
            deny(POLICY_REASON.targetMissing, 'An Entra role request needs a role id.')
        } else if (policy) {
            const groups = user.groupIds || []
            let permitted = false
            for (const g of groups) {
                const roles = Object.prototype.hasOwnProperty.call(policy.allowedRoles, g)
                    ? policy.allowedRoles[g]
                    : undefined
                if (roles && roles.indexOf(t.roleId) >= 0) permitted = true
            }
            if (!permitted) {
                deny(
                    POLICY_REASON.roleNotAllowed,
                    `None of the requester's resolver groups may request role ${t.roleName || t.roleId}.`,
                )
            }
        }
    } else if (request.targetKind === 'entra_group') {
        if (!t.groupId) deny(POLICY_REASON.targetMissing, 'An Entra group request needs a group id.')
        else if (!ENTRA_OBJECT_ID.test(t.groupId))
            deny(POLICY_REASON.targetMissing, 'The Entra group must be given by its object id (a GUID).')
    } else if (request.targetKind === 'pam_account' || request.targetKind === 'console') {
        if (!t.account) deny(POLICY_REASON.targetMissing, 'A PAM / console request needs an account.')
        if (isConsole) {
            // The console packet (issue 14): which tenant, as the console shows it, and which privileges.
            const missing = [
                t.tenantId ? '' : 'tenant id',
                t.tenantName ? '' : 'tenant name',
                t.scope ? '' : 'privilege scope',
            ].filter((x) => x !== '')
            if (missing.length > 0) {
                deny(POLICY_REASON.targetMissing, `An emergency console request needs its ${missing.join(', ')}.`)
            }
        }
    }

    // --- Change --------------------------------------------------------------------------------------------
    const change = request.change
    if (policy && !change) {
        if (isServer && policy.changeRequiredForServers) {
            deny(POLICY_REASON.changeRequired, 'Access to a server requires a linked change request.')
        } else if (isProduction && policy.changeRequiredForProduction) {
            deny(POLICY_REASON.changeRequired, 'Access to a production CI requires a linked change request.')
        }
    }
    if (change) {
        if (change.active !== true) deny(POLICY_REASON.changeInactive, `Change ${change.number} is not active.`)
        if (!(context.nowMs >= change.startMs && context.nowMs < change.endMs)) {
            deny(POLICY_REASON.changeOutsideWindow, `Now is outside the window of change ${change.number}.`)
        }
        if (ci && change.ciSysId && change.ciSysId !== ci.sysId) {
            deny(POLICY_REASON.changeCiMismatch, `Change ${change.number} is for another configuration item.`)
        }
    }

    // --- Emergency and incident ------------------------------------------------------------------------------
    const incident = request.incident
    if (request.emergency && !incident && policy && policy.incidentRequiredForEmergency) {
        deny(POLICY_REASON.incidentRequired, 'An emergency request requires a linked P1 or P2 incident.')
    }
    if (incident) {
        if (request.emergency && !(incident.priority === 1 || incident.priority === 2)) {
            deny(
                POLICY_REASON.incidentPriorityTooLow,
                `Incident ${incident.number} is P${incident.priority}; an emergency needs P1 or P2.`,
            )
        }
        if (incident.active !== true) deny(POLICY_REASON.incidentInactive, `Incident ${incident.number} is not active.`)
    }

    // --- Justification ----------------------------------------------------------------------------------------
    if (typeof request.justification !== 'string' || request.justification.trim().length < MIN_JUSTIFICATION_LENGTH) {
        deny(
            POLICY_REASON.justificationTooShort,
            `The justification must be at least ${MIN_JUSTIFICATION_LENGTH} characters.`,
        )
    }

    // --- Approvals -------------------------------------------------------------------------------------------
    const requiredApprovals: RequiredApproval[] = []
    let autoApprove: { rule: string } | null = null
    const declinedReasons: DecisionReason[] = []
    if (policy) {
        const secondReasons: string[] = []
        const rules = policy.secondApproverRules
        if (
            rules.outsideBusinessHours &&
            policy.businessHours &&
            !isWithinBusinessHours(policy.businessHours, context.nowMs)
        ) {
            secondReasons.push('outside business hours')
        }
        if (rules.serversOrProduction && (isServer || isProduction)) secondReasons.push('server or production target')
        if (rules.highRiskRoles && highRiskRole) secondReasons.push('high-risk role')

        // Auto-approval replaces human approval only for a pre-approved pattern, never for high risk, never on the
        // requester's own ticket and never under rules no second SecOps person confirmed.
        if (!highRisk && incident) {
            for (const rule of policy.autoApproveRules) {
                const priorityOk =
                    incident.active === true &&
                    incident.priority >= 1 &&
                    incident.priority <= rule.requireIncidentPriorityAtMost
                const groupOk =
                    !rule.requireRequesterInIncidentGroup ||
                    (!!incident.assignmentGroupId && (user.groupIds || []).indexOf(incident.assignmentGroupId) >= 0)
                const kindOk = rule.targetKinds.indexOf(request.targetKind) >= 0
                const durationOk = typeof requested === 'number' && requested <= rule.maxDurationMinutes
                if (!(priorityOk && groupOk && kindOk && durationOk)) continue
                const declined = autoApproveDeclined(policy, request, incident, rule.name)
                if (declined) {
                    declinedReasons.push(declined)
                    break
                }
                autoApprove = { rule: rule.name }
                break
            }
        }
        if (isConsole) {
            // The emergency console (issue 14): incident command, security and the accountable customer-account
            // authority, each from its own group, three distinct people (approval.ts namedSlotProblems), no manager
            // slot and never by rule (high risk).
            const slots: { kind: RequiredApproval['kind']; groupId: string; label: string }[] = [
                { kind: 'incident_command', groupId: policy.incidentCommandGroupId || '', label: 'incident command' },
                { kind: 'security', groupId: policy.securityGroupId || '', label: 'security' },
                {
                    kind: 'customer_authority',
                    groupId: policy.customerAuthorityGroupId || '',
                    label: 'customer-account authority',
                },
            ]
            const unset = slots.filter((x) => !isSysId(x.groupId)).map((x) => x.label)
            if (unset.length > 0) {
                deny(
                    POLICY_REASON.consoleApproversUnset,
                    `An emergency console request needs incident command, security and the accountable customer-account ` +
                        `authority to approve, but policy ${policy.name} names no group for ${unset.join(', ')}.`,
                )
            } else {
                for (const x of slots) {
                    requiredApprovals.push({
                        kind: x.kind,
                        groupId: x.groupId,
                        reason: `emergency console: ${x.label} approval`,
                    })
                }
            }
        } else if (!autoApprove) {
            requiredApprovals.push({ kind: 'manager', reason: 'manager approval is always required' })
            if (secondReasons.length > 0) {
                if (!isSysId(policy.secondApproverGroupId)) {
                    deny(
                        POLICY_REASON.secondApproverUnavailable,
                        `A second approver is required (${secondReasons.join(', ')}) but policy ${policy.name} names no second-approver group.`,
                    )
                } else {
                    requiredApprovals.push({
                        kind: 'second_approver',
                        groupId: policy.secondApproverGroupId,
                        reason: secondReasons.join(', '),
                    })
                }
            }
        }
    }

    const allowed = reasons.length === 0
    return {
        allowed,
        reasons,
        durationMinutes: allowed ? requested : clampDuration(requested, policyMin, maxAllowed),
        requiredApprovals: allowed ? requiredApprovals : [],
        autoApprove: allowed ? autoApprove : null,
        autoApproveDeclined: declinedReasons,
        highRisk,
        policyName: policy ? policy.name : '',
        approvalTimeoutMinutes: policy
            ? request.emergency
                ? policy.emergencyApprovalTimeoutMinutes
                : policy.approvalTimeoutMinutes
            : 0,
        escalationGroupId: policy ? policy.escalationGroupId : '',
    }
}

/**
 * Why the auto-approve rule `ruleName` of `policy`, which matches `request`, must not approve it; null when it
 * may. A rule is never satisfied by a ticket the requester (the person the access is for, or whoever opened the
 * request) raised themselves: its caller, its opener, whoever last set its priority or its assignment group. When
 * any of these is unknown (the reader could not see the ticket's history) the rule is not satisfied either.
 */
export function autoApproveDeclined(
    policy: PolicyRule,
    request: AccessRequest,
    incident: RequestIncident,
    ruleName: string,
): DecisionReason | null {
    if (policy.autoApproveBlocked) {
        return {
            code: AUTO_APPROVE_DECLINED.unconfirmed,
            message: `Auto-approve rule "${ruleName}" was not applied: ${policy.autoApproveBlocked}`,
        }
    }
    const requester: string[] = []
    if (isSysId(request.requestedFor.sysId)) requester.push(request.requestedFor.sysId)
    if (isSysId(request.openedBy)) requester.push(request.openedBy)
    const roles: [string, string[] | undefined][] = [
        ['caller', [incident.callerId]],
        ['opener', incident.openedBy === undefined || incident.openedBy === '' ? undefined : [incident.openedBy]],
        ['who set its priority', incident.prioritySetBy],
        ['who set its assignment group', incident.assignmentSetBy],
    ]
    const own = roles.filter(([, who]) => !!who && who.some((w) => requester.indexOf(w) >= 0)).map(([role]) => role)
    if (own.length > 0) {
        return {
            code: AUTO_APPROVE_DECLINED.ownTicket,
            message:
                `Auto-approve rule "${ruleName}" was not applied: the requester is the ${own.join(', ')} of incident ` +
                `${incident.number}; a ticket the requester raised cannot approve their own access. The request ` +
                'needs a human approval.',
        }
    }
    const unknown = roles.filter(([, who]) => !Array.isArray(who) || who.length === 0).map(([role]) => role)
    if (requester.length === 0 || unknown.length > 0) {
        return {
            code: AUTO_APPROVE_DECLINED.ticketHistoryUnknown,
            message:
                `Auto-approve rule "${ruleName}" was not applied: it cannot be told who raised incident ` +
                `${incident.number} (${unknown.join(', ') || 'requester'} unknown); the request needs a human approval.`,
        }
    }
    return null
}

function clampDuration(value: number, min: number, max: number): number {
    if (typeof value !== 'number' || value !== value) return min
    return Math.max(min, Math.min(Math.floor(value), max))
}

/** Verdict of {@link canApprove}. `code` is '' when allowed. */
export interface ApproverVerdict {
    allowed: boolean
    code: string
    reason: string
}

/**
 * Whether `approverSysId` may approve `request`: never the person the access is for, nor whoever opened the
 * request (so a requester cannot approve access they asked for on someone else's behalf either).
 */
export function canApprove(request: AccessRequest, approverSysId: string): ApproverVerdict {
    if (!isSysId(approverSysId)) {
        return { allowed: false, code: POLICY_REASON.approverInvalid, reason: 'The approver is not a valid user.' }
    }
    if (approverSysId === request.requestedFor.sysId) {
        return {
            allowed: false,
            code: POLICY_REASON.selfApproval,
            reason: 'The person the access is for cannot approve it.',
        }
    }
    if (approverSysId === request.openedBy) {
        return {
            allowed: false,
            code: POLICY_REASON.selfApproval,
            reason: 'The person who opened the request cannot approve it.',
        }
    }
    return {
        allowed: true,
        code: '',
        reason: 'The approver is neither the requester nor the person the access is for.',
    }
}

/**
 * The duration to grant after approval: an approver may shorten the requested duration but never lengthen it,
 * and the result always lies within DURATION_BOUNDS and never below the policy minimum (whole minutes). A
 * missing / non-numeric choice keeps the requested duration.
 *
 * @param policyMinMinutes - the governing policy's {@link policyMinDuration}. Absent / null / not positive means
 *   the policy is unknown here, and DEFAULT_MIN_DURATION_MINUTES applies: the production-safe answer, so a caller
 *   that forgets it can never shorten a production grant below what Entra PIM can revoke. A value outside
 *   DURATION_BOUNDS is brought within them.
 */
export function boundApprovedDuration(
    requested: number,
    approverChosen?: number | null,
    policyMinMinutes?: number | null,
): number {
    const min =
        typeof policyMinMinutes === 'number' && isFinite(policyMinMinutes) && policyMinMinutes > 0
            ? Math.max(DURATION_BOUNDS.min, Math.min(Math.ceil(policyMinMinutes), DURATION_BOUNDS.max))
            : DEFAULT_MIN_DURATION_MINUTES
    let result = typeof requested === 'number' && isFinite(requested) ? Math.floor(requested) : min
    if (typeof approverChosen === 'number' && isFinite(approverChosen) && approverChosen < result) {
        result = Math.floor(approverChosen)
    }
    return Math.max(min, Math.min(result, DURATION_BOUNDS.max))
}
