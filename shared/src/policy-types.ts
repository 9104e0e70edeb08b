/**
 * Types of the deterministic policy check: the parsed policy record, the access request being judged, the
 * evaluation context and the decision. The same types are used by the ServiceNow app (on submit) and by the
 * executor (recheck gate immediately before a privileged call), so both judge a request identically.
 *
 * Pure types, ES2021-safe (bundled into the ServiceNow app too).
 */
import type { TargetKind } from './schema'

/** Working hours used for the "second approver outside business hours" rule. */
export interface BusinessHours {
    /** Days of the week that are working days, 0 = Sunday … 6 = Saturday. */
    days: number[]
    /** Start of the working day, 'HH:MM' (24 h), inclusive, in the local time given by `utcOffsetMinutes`. */
    start: string
    /** End of the working day, 'HH:MM' (24 h), exclusive. */
    end: string
    /**
     * Fixed offset of the local time from UTC in minutes (e.g. 60 for CET, -300 for EST). A fixed offset rather
     * than a time zone name because the policy module may not use `Intl` zone data (it also runs on the
     * platform); daylight-saving changes are a policy edit.
     */
    utcOffsetMinutes: number
}

/** When a second approver (in addition to the manager) is required. */
export interface SecondApproverRules {
    /** Request evaluated outside {@link PolicyRule.businessHours}. */
    outsideBusinessHours: boolean
    /** Target CI is a server or a production CI. */
    serversOrProduction: boolean
    /** Requested Entra role is listed in {@link PolicyRule.highRiskRoleIds}. */
    highRiskRoles: boolean
}

/** A pre-approved pattern: requests matching it are approved without a human (never for high-risk targets). */
export interface AutoApproveRule {
    /** Rule name, recorded in the decision and the audit trail. */
    name: string
    /** The linked incident must be active with a priority at most this (1 = P1 only, 2 = P1 or P2). */
    requireIncidentPriorityAtMost: 1 | 2
    /** The requester must be a member of the incident's assignment group (the on-call responder pattern). */
    requireRequesterInIncidentGroup: boolean
    /** Target kinds the rule applies to. */
    targetKinds: TargetKind[]
    /** Longest duration the rule auto-approves, in minutes. */
    maxDurationMinutes: number
}

/** A parsed policy record (`x_gbg_breakglass_policy`). */
export interface PolicyRule {
    name: string
    active: boolean
    /** Lower order wins among policies matching the same target kind (ServiceNow convention). */
    order: number
    /** Target kind the policy governs; 'any' policies apply only when no kind-specific policy is active. */
    targetKind: TargetKind | 'any'
    /**
     * Shortest duration in minutes (0 / absent = DURATION_BOUNDS.min only). Optional so rules written before the
     * `min_duration` column existed stay valid.
     */
    minDurationMinutes?: number
    /** Longest normal duration in minutes (further bounded by DURATION_BOUNDS). */
    maxDurationMinutes: number
    /** Longest emergency duration in minutes (further bounded by DURATION_BOUNDS). */
    emergencyMaxDurationMinutes: number
    /** Device classes (e.g. 'workstation', 'server') that may be elevated; empty = any class. */
    allowedDeviceClasses: string[]
    /** Only corporate-managed devices may be elevated. */
    corpManagedOnly: boolean
    /** sys_user sys_ids that may never receive access (VIP, service and break-glass accounts). */
    blockedUserIds: string[]
    /** sys_user_group sys_ids whose members may never receive access. */
    blockedGroupIds: string[]
    /** Resolver group sys_id → Entra role definition ids members of that group may request. */
    allowedRoles: Record<string, string[]>
    /** A server CI requires a linked active change within its window. */
    changeRequiredForServers: boolean
    /** A production CI requires a linked active change within its window. */
    changeRequiredForProduction: boolean
    /** An emergency request requires an active P1/P2 incident. */
    incidentRequiredForEmergency: boolean
    /** Working hours; null = no business-hours concept (never "outside business hours"). */
    businessHours: BusinessHours | null
    secondApproverRules: SecondApproverRules
    /** Group that provides the second approver (sys_user_group sys_id), '' when none. */
    secondApproverGroupId: string
    /** Entra role ids considered high risk (second approver, never auto-approved, P1 escalation). */
    highRiskRoleIds: string[]
    autoApproveRules: AutoApproveRule[]
    /** Minutes before an unanswered approval escalates. */
    approvalTimeoutMinutes: number
    /** Minutes before an unanswered emergency approval escalates. */
    emergencyApprovalTimeoutMinutes: number
    /** Group escalated to on approval timeout (sys_user_group sys_id), '' when none. */
    escalationGroupId: string
    /**
     * The emergency console's named approval slots (target kind `console`, issue 14): the group each slot's approver
     * is drawn from (sys_user_group sys_id). Absent / '' = none; a console request then is refused
     * (CONSOLE_APPROVERS_UNSET). Optional so policies written before the columns existed stay valid.
     */
    incidentCommandGroupId?: string
    securityGroupId?: string
    customerAuthorityGroupId?: string
    /**
     * Why {@link autoApproveRules} may not be used although present ('' / absent = they may): set by
     * evaluatePolicyRecords when the record's current content is not confirmed by a second SecOps person
     * (policy-confirmation.ts). The rest of the policy still applies; requests take the human approval route.
     */
    autoApproveBlocked?: string
}

/** The person the access is for. */
export interface RequestedFor {
    sysId: string
    userName: string
    email: string
    active: boolean
    /** sys_user_group sys_ids the user is a member of. */
    groupIds: string[]
}

/** The CI (cmdb_ci_computer) a device request targets. */
export interface RequestCi {
    sysId: string
    name: string
    deviceClass: string
    corpManaged: boolean
    production: boolean
}

/** What the access is to; the fields relevant to the request's target kind are set. */
export interface RequestTarget {
    ci?: RequestCi
    roleId?: string
    roleName?: string
    groupId?: string
    account?: string
    /** Console packet (target kind console, console provider): tenant id, tenant name, comma-separated scope. */
    tenantId?: string
    tenantName?: string
    scope?: string
}

/** The incident linked to the request. */
export interface RequestIncident {
    sysId: string
    number: string
    /** 1 = critical … 5 = planning. */
    priority: number
    active: boolean
    /** incident.state as stored (Resolved 6, Closed 7, Canceled 8 end access: tickets.ts ticketVerdict); absent when not read. */
    state?: string
    callerId: string
    assignedTo: string
    assignmentGroupId: string
    ciSysId: string
    /**
     * Who raised the ticket and who shaped it, for the auto-approve rules (a rule is never satisfied by a ticket
     * the requester raised, prioritised or assigned). sys_user sys_ids, or `user:<user_name>` for a name with no
     * user record (a system account). ABSENT means the reader could not tell, and no rule is satisfied then:
     * - `openedBy`: the incident's opened_by;
     * - `prioritySetBy`: everyone who set its priority: the record's creator and every sys_audit update of
     *   `priority` (stricter than "the last one", and independent of how updates within a second are ordered);
     * - `assignmentSetBy`: the same for `assignment_group`.
     */
    openedBy?: string
    prioritySetBy?: string[]
    assignmentSetBy?: string[]
    /** The incident's sys_mod_count and sys_updated_on as read (its version: tickets.ts RecordedTicketFacts). */
    sysModCount?: number
    sysUpdatedOn?: string
}

/** The change request linked to the request. Times are epoch milliseconds. */
export interface RequestChange {
    sysId: string
    number: string
    active: boolean
    /** change_request.state as stored (Closed 3, Canceled 4 end access: tickets.ts ticketVerdict); absent when not read. */
    state?: string
    startMs: number
    endMs: number
    ciSysId: string
    /** sys_user sys_id of the change's requester ('' / absent when unknown). */
    requestedBy?: string
    /** sys_user sys_id of the change's assignee. */
    assignedTo?: string
    /** sys_user_group sys_id of the change's assignment group. */
    assignmentGroupId?: string
}

/** An access request as the policy judges it (resolved from the grant / RITM and the referenced records). */
export interface AccessRequest {
    requestedFor: RequestedFor
    /** sys_user sys_id of whoever submitted the request (may differ from requestedFor). */
    openedBy: string
    targetKind: TargetKind
    target: RequestTarget
    durationMinutes: number
    justification: string
    emergency: boolean
    incident?: RequestIncident
    change?: RequestChange
}

/** Environment of an evaluation. */
export interface EvaluationContext {
    /** Evaluation time, epoch milliseconds (injected: the policy never reads a clock). */
    nowMs: number
    /** The integration kill switch (app property); false denies everything. */
    integrationEnabled: boolean
    /** Why the kill switch reads as it does when its stored text is not exactly 'true' / 'false' (booleans.ts). */
    integrationError?: string
    /** Default maximum duration (app property), applied on top of the policy's own maximum. */
    defaultMaxDurationMinutes: number
}

/** One reason a request fails policy. `code` is a stable constant; `message` is for humans. */
export interface DecisionReason {
    code: string
    message: string
}

/** An approval the request needs before it can be queued. */
export interface RequiredApproval {
    /** `manager`, `second_approver`, or one of the emergency console's named slots (approval.ts). */
    kind: 'manager' | 'second_approver' | 'incident_command' | 'security' | 'customer_authority'
    /** Approving group (sys_user_group sys_id) where the approval goes to a group. */
    groupId?: string
    /** Why this approval is required. */
    reason: string
}

/** The outcome of {@link evaluate}. */
export interface Decision {
    allowed: boolean
    /** EVERY failing reason (empty when allowed), so the requester can fix them all at once. */
    reasons: DecisionReason[]
    /** The duration that will be granted: the requested one, when allowed. */
    durationMinutes: number
    /** Approvals required (empty when auto-approved or denied). */
    requiredApprovals: RequiredApproval[]
    /** The auto-approve rule that matched, or null. */
    autoApprove: { rule: string } | null
    /**
     * Auto-approve rules that would have matched but were not applied, with why (the requester's own ticket, the
     * ticket's history unknown, the rule not confirmed): the request then takes the human approval route.
     */
    autoApproveDeclined?: DecisionReason[]
    /** Server / production CI or a high-risk role. */
    highRisk: boolean
    /** Name of the policy applied ('' when none matched). */
    policyName: string
    /** Minutes before an unanswered approval escalates. */
    approvalTimeoutMinutes: number
    /** Group escalated to on approval timeout ('' when none). */
    escalationGroupId: string
}
