/**
 * The data contract between the ServiceNow app (now-app) and the executor: every table, field and enumerated
 * value either side reads or writes is named here, once. The Fluent table definitions use these names, the
 * executor's ServiceNow client builds its queries and PATCH bodies only from them, and the tests that read
 * `now-app/dist/` assert that the built app defines exactly these fields and that the executor role's
 * field-level write ACLs are exactly {@link EXECUTOR_WRITABLE}.
 *
 * Pure and dependency-free (ES2021): this file is also bundled into the ServiceNow app.
 */

/** Application scope of the ServiceNow app. */
export const SCOPE = 'x_gbg_breakglass'

/** Table names (scope-prefixed, as on the instance). */
export const TABLE = {
    grant: 'x_gbg_breakglass_grant',
    action: 'x_gbg_breakglass_action',
    policy: 'x_gbg_breakglass_policy',
    auditEvent: 'x_gbg_breakglass_audit_event',
    executor: 'x_gbg_breakglass_executor',
    /**
     * Requests for a platform-side effect of the executor (a RITM work note, an incident, an incident work note,
     * the receipt attachment): the executor inserts a row, the app's rule performs the effect with GlideRecord
     * and records the result on the row (docs/request-lifecycle.md "What the executor may touch").
     */
    ticketUpdate: 'x_gbg_breakglass_ticket_update',
} as const

/** Platform tables the executor touches (outside the app scope). */
export const PLATFORM_TABLE = {
    user: 'sys_user',
    group: 'sys_user_group',
    groupMember: 'sys_user_grmember',
    computer: 'cmdb_ci_computer',
    ritm: 'sc_req_item',
    approval: 'sysapproval_approver',
    incident: 'incident',
    change: 'change_request',
    attachment: 'sys_attachment',
} as const

/** What a grant gives access to. */
export const TARGET_KINDS = ['device_local_admin', 'entra_role', 'entra_group', 'pam_account', 'console'] as const
export type TargetKind = (typeof TARGET_KINDS)[number]

/** Lifecycle of a grant record. */
export const GRANT_STATES = [
    'requested',
    'policy_rejected',
    'awaiting_approval',
    'approved',
    'rejected',
    'queued',
    'granting',
    'active',
    'revoking',
    'revoked',
    'grant_failed',
    'revoke_failed',
    'cancelled',
    'expired_unapproved',
    /**
     * The provider stopped rather than guessed (console drift, ambiguous outcome, pending decision at the provider):
     * the takeover state is on the grant's evidence; SecOps resumes by hand or cancels (revoke).
     */
    'halted',
    /**
     * An extension record (`extends_grant` set) whose new end was applied to the grant it extends: final; the access
     * itself stays on that grant (shared/src/extend.ts).
     */
    'extended',
] as const
export type GrantState = (typeof GRANT_STATES)[number]

/** Grant states in which the executor may still perform the grant call. */
export const GRANTABLE_STATES: readonly GrantState[] = ['queued', 'granting']
/** Grant states in which access may exist at a provider and therefore must eventually be revoked. */
export const REVOCABLE_STATES: readonly GrantState[] = ['granting', 'active', 'revoking', 'revoke_failed', 'halted']

/** Kinds of executor action on the outbound queue. */
export const ACTION_TYPES = ['grant', 'revoke', 'verify'] as const
export type ActionType = (typeof ACTION_TYPES)[number]

/** States of an action on the outbound queue. */
export const ACTION_STATES = ['ready', 'claimed', 'done', 'failed', 'dead'] as const
export type ActionState = (typeof ACTION_STATES)[number]

/** Action priorities: lower number runs first (ServiceNow convention, 1 = critical). */
export const ACTION_PRIORITY = { revokeNow: 1, revoke: 2, grant: 3, verify: 4 } as const

/** Providers the executor knows. The plan names one; the executor refuses a plan naming another. */
export const PROVIDERS = ['webhook', 'entra-role', 'entra-group', 'epm', 'console'] as const
export type ProviderName = (typeof PROVIDERS)[number]

/** Fields of the grant table (`x_gbg_breakglass_grant`). */
export const GRANT_FIELDS = {
    number: 'number',
    requestedFor: 'requested_for',
    openedBy: 'opened_by',
    targetKind: 'target_kind',
    provider: 'provider',
    targetCi: 'target_ci',
    targetRoleId: 'target_role_id',
    targetRoleName: 'target_role_name',
    targetGroupId: 'target_group_id',
    targetAccount: 'target_account',
    /**
     * The emergency console packet (target kind `console`, issue 14): the customer tenant's id and name as the
     * console shows them, and the temporary privilege scope (comma-separated console privilege names).
     */
    targetTenantId: 'target_tenant_id',
    targetTenantName: 'target_tenant_name',
    targetScope: 'target_scope',
    requestedDuration: 'requested_duration',
    approvedDuration: 'approved_duration',
    justification: 'justification',
    ritm: 'ritm',
    incident: 'incident',
    change: 'change_request',
    emergency: 'emergency',
    proposedBy: 'proposed_by',
    plan: 'plan',
    planDigest: 'plan_digest',
    approvalSummary: 'approval_summary',
    approvedAt: 'approved_at',
    state: 'state',
    grantedAt: 'granted_at',
    expiresAt: 'expires_at',
    revokedAt: 'revoked_at',
    revokeReason: 'revoke_reason',
    providerTxnIds: 'provider_txn_ids',
    executorInstance: 'executor_instance',
    lastError: 'last_error',
    evidence: 'evidence',
    /** Policy decision on submit (JSON: allowed, reasons, approvals, policy name), written by the app. */
    policyDecision: 'policy_decision',
    /** When approvals were requested (start of the approval timeout). */
    approvalRequestedAt: 'approval_requested_at',
    /** 0 = waiting for the normal approvers, 1 = escalated to the escalation group after the first timeout. */
    approvalStage: 'approval_stage',
    /** True once the "expires soon" notification was sent. */
    expiryWarned: 'expiry_warned',
    /** The watchdog's open incident for this grant (overdue revoke, stuck action). */
    watchdogIncident: 'watchdog_incident',
    /** Report measures (shared/src/grant-measures.ts), set by the app's grant rule, never by the executor. */
    approvalLatencySeconds: 'approval_latency_seconds',
    timeToAccessSeconds: 'time_to_access_seconds',
    revokeLatenessSeconds: 'revoke_lateness_seconds',
    autoApproved: 'auto_approved',
    refusalCode: 'refusal_code',
    /** The frozen plan in words (shared planText), for the grant's form; the digest over `plan` stays the authority. */
    planText: 'plan_text',
    /**
     * On an extension request (shared/src/extend.ts): the grant whose live access it asks more time for. Set by the
     * app when it creates the extension, never by people or the executor.
     */
    extendsGrant: 'extends_grant',
} as const

/** Fields of the action table (`x_gbg_breakglass_action`), the executor's outbound queue. */
export const ACTION_FIELDS = {
    number: 'number',
    grant: 'grant',
    type: 'type',
    state: 'state',
    priority: 'priority',
    notBefore: 'not_before',
    attempts: 'attempts',
    maxAttempts: 'max_attempts',
    leaseOwner: 'lease_owner',
    leaseUntil: 'lease_until',
    idempotencyKey: 'idempotency_key',
    requestedBy: 'requested_by',
    reason: 'reason',
    lastError: 'last_error',
    result: 'result',
    completedAt: 'completed_at',
} as const

/** Fields of the policy table (`x_gbg_breakglass_policy`): policy as data. JSON fields hold the rule lists. */
export const POLICY_FIELDS = {
    name: 'name',
    active: 'active',
    order: 'order',
    targetKind: 'target_kind',
    minDuration: 'min_duration',
    maxDuration: 'max_duration',
    emergencyMaxDuration: 'emergency_max_duration',
    allowedDeviceClasses: 'allowed_device_classes',
    corpManagedOnly: 'corp_managed_only',
    blockedUsers: 'blocked_users',
    blockedGroups: 'blocked_groups',
    allowedRoles: 'allowed_roles',
    changeRequiredForServers: 'change_required_for_servers',
    changeRequiredForProduction: 'change_required_for_production',
    incidentRequiredForEmergency: 'incident_required_for_emergency',
    businessHours: 'business_hours',
    secondApproverRules: 'second_approver_rules',
    secondApproverGroup: 'second_approver_group',
    highRiskRoles: 'high_risk_roles',
    autoApproveRules: 'auto_approve_rules',
    approvalTimeoutMinutes: 'approval_timeout_minutes',
    emergencyApprovalTimeoutMinutes: 'emergency_approval_timeout_minutes',
    escalationGroup: 'escalation_group',
    /**
     * The emergency console's named approval slots (issue 14, target kind `console`): the group each slot's
     * approver is drawn from (sys_user_group sys_id, '' when none). A console request needs all three.
     */
    incidentCommandGroup: 'incident_command_group',
    securityGroup: 'security_group',
    customerAuthorityGroup: 'customer_authority_group',
    /**
     * Two-person rule for policy changes (now-app/src/server/policy-confirmation.ts): who last changed the
     * policy's content (set by the app's rule), the SecOps person who confirmed it (never the editor), when, and
     * the SHA-256 of the content they confirmed (shared policyContentDigest). Auto-approve rules of a policy
     * whose current content is not so confirmed are not applied, on either side.
     */
    editedBy: 'edited_by',
    confirmedBy: 'confirmed_by',
    confirmedAt: 'confirmed_at',
    confirmedDigest: 'confirmed_digest',
} as const

/** Fields of the append-only, hash-chained audit event table (`x_gbg_breakglass_audit_event`). */
export const AUDIT_FIELDS = {
    grant: 'grant',
    action: 'action',
    sequence: 'sequence',
    eventType: 'event_type',
    actor: 'actor',
    occurredAt: 'occurred_at',
    payload: 'payload',
    prevHash: 'prev_hash',
    hash: 'hash',
    /** HMAC-SHA256 of `hash` under the executor's audit key, on the events the executor appends ('' otherwise). */
    mac: 'mac',
} as const

/** Fields of the executor heartbeat table (`x_gbg_breakglass_executor`), read by the watchdog. */
export const EXECUTOR_FIELDS = {
    name: 'name',
    host: 'host',
    version: 'version',
    lastPollAt: 'last_poll_at',
    lastClaimAt: 'last_claim_at',
} as const

/** Fields of the ticket-update table (`x_gbg_breakglass_ticket_update`): one platform-side effect each. */
export const TICKET_UPDATE_FIELDS = {
    /** The grant the effect belongs to: the rule only touches this grant's RITM, its linked / raised incidents. */
    grant: 'grant',
    /** One of {@link TICKET_UPDATE_KINDS}. */
    kind: 'kind',
    /** incident_note: the incident (linked to the grant, or raised for it through this table). */
    incident: 'incident',
    /** The note / description text (ritm_note, incident_note, incident). */
    text: 'text',
    /** incident: the executor's name for why it raised it (e.g. revoke_failed), one incident per grant and kind. */
    incidentKind: 'incident_kind',
    /** incident: 1 or 2. */
    priority: 'priority',
    /** incident: short description. */
    shortDescription: 'short_description',
    /** receipt: file name, content type and base64 content of the attachment. */
    fileName: 'file_name',
    contentType: 'content_type',
    content: 'content',
    /** Unique: a second row with the same key is refused; the executor finds its row by key after a lost answer. */
    idempotencyKey: 'idempotency_key',
    /** Set by the app: `done` or `failed`. */
    state: 'state',
    /** Set by the app: the record created (incident, attachment) or written (RITM, incident). */
    resultSysId: 'result_sys_id',
    /** Set by the app: the incident's number. */
    resultNumber: 'result_number',
    /** Set by the app: why the effect could not be performed. */
    error: 'error',
} as const

/** Kinds of ticket update (values of TICKET_UPDATE_FIELDS.kind). */
export const TICKET_UPDATE_KINDS = ['ritm_note', 'incident', 'incident_note', 'receipt', 'teams_notice'] as const
export type TicketUpdateKind = (typeof TICKET_UPDATE_KINDS)[number]

/** States of a ticket update row (set by the app's rule). */
export const TICKET_UPDATE_STATES = ['done', 'failed'] as const

/**
 * The app's Scripted REST API for the executor (ACL: executor role only). Everything platform-side the executor
 * needs to read comes from these two operations; it reads no platform table itself.
 */
export const EXECUTOR_API = {
    /** Base path (namespace x_gbg_breakglass, API id `executor`). */
    basePath: `/api/${SCOPE}/executor`,
    /** GET: the facts the recheck gate judges for one grant (relative path, `{grant_sys_id}` a path parameter). */
    gateFacts: '/grants/{grant_sys_id}/facts',
    /** GET: app settings, SecOps group, incident caller and the session user (doctor, start-up). */
    context: '/context',
    /**
     * POST `{instance}`: the Teams approval notices due now (approval cards, reminders, escalations), each claimed for
     * the calling executor through a `teams_notice` ticket-update row (unique key: one executor sends it, once).
     */
    approvalNotices: '/approval-notices',
} as const

/** The app's properties as stored (raw text, null when the property does not exist): the executor parses them. */
export interface AppSettingsFacts {
    integration_enabled: string | null
    default_max_duration_minutes: string | null
}

/** One sysapproval_approver record in the gate facts (raw values; dates "YYYY-MM-DD HH:mm:ss" UTC). */
export interface GateFactsApproval {
    sys_id: string
    approver: string
    state: string
    document_id: string
    source_table: string
    sysapproval: string
    sys_updated_on: string
}

/** One user in the gate facts (requested-for, approvers, voters, route assignees). */
export interface GateFactsUser {
    sys_id: string
    user_name: string
    /** The display name (sys_user.name; '' when the record has none): what Teams cards show beside user_name. */
    name: string
    email: string
    active: boolean
    /** sys_user_group sys_ids the user is a member of. */
    groups: string[]
}

/** A computer CI in the gate facts (the grant's target CI and the plan's). */
export interface GateFactsComputer {
    sys_id: string
    name: string
    device_class: string
    production: boolean
    /** null when the CI does not say. */
    corp_managed: boolean | null
}

/** The grant's linked incident (with its version: sys_mod_count, sys_updated_on). */
export interface GateFactsIncident {
    sys_id: string
    number: string
    priority: number
    active: boolean
    /** incident.state as stored (optional: an app older than issue 17 does not send it). */
    state?: string
    caller_id: string
    assigned_to: string
    assignment_group: string
    cmdb_ci: string
    sys_mod_count: number
    sys_updated_on: string
}

/** The grant's linked change request (window "YYYY-MM-DD HH:mm:ss" UTC, '' when unset). */
export interface GateFactsChange {
    sys_id: string
    number: string
    active: boolean
    /** change_request.state as stored (optional: an app older than issue 17 does not send it). */
    state?: string
    start_date: string
    end_date: string
    cmdb_ci: string
    requested_by: string
    assigned_to: string
    assignment_group: string
}

/**
 * Answer of GET {@link EXECUTOR_API}.gateFacts: every platform fact the executor's recheck gate judges for one
 * grant, gathered by the app (which holds the cross-scope read privileges); the executor judges them itself.
 */
export interface GateFacts {
    grant: string
    approvals: GateFactsApproval[]
    users: GateFactsUser[]
    computers: GateFactsComputer[]
    incident: GateFactsIncident | null
    change: GateFactsChange | null
    settings: AppSettingsFacts
}

/** Answer of GET {@link EXECUTOR_API}.context (doctor, start-up). */
export interface ExecutorContextFacts {
    settings: AppSettingsFacts & { secops_group: string | null }
    /** The SecOps group property resolved: `unset` (empty), `invalid` (not a sys_id), `not_found`, or `ok`. */
    secops_group: { status: 'ok' | 'unset' | 'invalid' | 'not_found'; sys_id: string; name: string }
    /**
     * Where a failed grant's request item is routed (PROPERTY.resolverGroup, else the SecOps group; `via` '' when
     * neither names a group). Optional: an app older than issue 17 does not send it.
     */
    failure_route?: { via: 'resolver' | 'secops' | ''; sys_id: string; name: string }
    /** Caller of the incidents the app raises for the executor (the integration user), null when unknown. */
    incident_caller: { sys_id: string; user_name: string } | null
    /** The session user: the integration user as the instance sees it. */
    session: { sys_id: string; user_name: string; roles: string[]; time_zone: string }
}

/**
 * Fields the executor's integration role may write (field-level write ACLs). Everything else on these tables
 * (requester, target, duration, plan and digest, approvals, policy) is out of the executor's reach: the built
 * app is tested to grant the executor role exactly these and no more.
 */
export const EXECUTOR_WRITABLE = {
    [TABLE.grant]: [
        GRANT_FIELDS.state,
        GRANT_FIELDS.grantedAt,
        GRANT_FIELDS.expiresAt,
        GRANT_FIELDS.revokedAt,
        GRANT_FIELDS.providerTxnIds,
        GRANT_FIELDS.executorInstance,
        GRANT_FIELDS.lastError,
        GRANT_FIELDS.evidence,
    ],
    [TABLE.action]: [
        ACTION_FIELDS.state,
        ACTION_FIELDS.notBefore,
        ACTION_FIELDS.attempts,
        ACTION_FIELDS.leaseOwner,
        ACTION_FIELDS.leaseUntil,
        ACTION_FIELDS.lastError,
        ACTION_FIELDS.result,
        ACTION_FIELDS.completedAt,
    ],
    [TABLE.executor]: [
        EXECUTOR_FIELDS.name,
        EXECUTOR_FIELDS.host,
        EXECUTOR_FIELDS.version,
        EXECUTOR_FIELDS.lastPollAt,
        EXECUTOR_FIELDS.lastClaimAt,
    ],
} as const

/**
 * Tables on which the executor role may create records: revoke / verify actions it schedules, audit events
 * it appends, and its own heartbeat row. Fields it may set on create are listed in {@link EXECUTOR_CREATABLE}.
 */
export const EXECUTOR_CREATABLE = {
    [TABLE.action]: [
        ACTION_FIELDS.grant,
        ACTION_FIELDS.type,
        ACTION_FIELDS.state,
        ACTION_FIELDS.priority,
        ACTION_FIELDS.notBefore,
        ACTION_FIELDS.maxAttempts,
        ACTION_FIELDS.idempotencyKey,
        ACTION_FIELDS.reason,
    ],
    [TABLE.auditEvent]: Object.values(AUDIT_FIELDS),
    [TABLE.executor]: Object.values(EXECUTOR_FIELDS),
    [TABLE.ticketUpdate]: [
        TICKET_UPDATE_FIELDS.grant,
        TICKET_UPDATE_FIELDS.kind,
        TICKET_UPDATE_FIELDS.incident,
        TICKET_UPDATE_FIELDS.text,
        TICKET_UPDATE_FIELDS.incidentKind,
        TICKET_UPDATE_FIELDS.priority,
        TICKET_UPDATE_FIELDS.shortDescription,
        TICKET_UPDATE_FIELDS.fileName,
        TICKET_UPDATE_FIELDS.contentType,
        TICKET_UPDATE_FIELDS.content,
        TICKET_UPDATE_FIELDS.idempotencyKey,
    ],
} as const

/** Roles of the app (scope-prefixed). */
export const ROLE = {
    admin: `${SCOPE}.admin`,
    requester: `${SCOPE}.requester`,
    approver: `${SCOPE}.approver`,
    agent: `${SCOPE}.agent`,
    secops: `${SCOPE}.secops`,
    auditor: `${SCOPE}.auditor`,
    executor: `${SCOPE}.executor`,
    proposer: `${SCOPE}.proposer`,
} as const

/** System properties of the app. */
export const PROPERTY = {
    integrationEnabled: `${SCOPE}.integration_enabled`,
    defaultMaxDuration: `${SCOPE}.default_max_duration_minutes`,
    revokeGraceMinutes: `${SCOPE}.revoke_grace_minutes`,
    approvalTimeoutMinutes: `${SCOPE}.approval_timeout_minutes`,
    emergencyApprovalTimeoutMinutes: `${SCOPE}.emergency_approval_timeout_minutes`,
    watchdogIntervalMinutes: `${SCOPE}.watchdog_interval_minutes`,
    heartbeatStaleMinutes: `${SCOPE}.heartbeat_stale_minutes`,
    /** sys_user_group sys_id of Security Operations: rejected requests, watchdog incidents, revoke failures. */
    secopsGroup: `${SCOPE}.secops_group`,
    /**
     * sys_user_group sys_id of the resolver group a grant the provider refused is routed to (its RITM is assigned to
     * it with the reason; seed 000 "routes to the right resolver group"). Empty: Security Operations.
     */
    resolverGroup: `${SCOPE}.resolver_group`,
    /** Minutes before expiry at which the requester is warned. */
    expiryWarningMinutes: `${SCOPE}.expiry_warning_minutes`,
    /** Provider of device local-admin grants: `entra-group` (Intune-fed group), `webhook` (admin-as-a-service) or
     * `epm` (BeyondTrust EPM JIT Admin). */
    deviceAdminProvider: `${SCOPE}.device_admin_provider`,
    /** Send the signed nudge to the executor when an action is queued ready now (issue 18). Default false. */
    nudgeEnabled: `${SCOPE}.nudge_enabled`,
    /** The executor's nudge endpoint, e.g. `https://executor.example.com:8443/v1/nudge`. */
    nudgeUrl: `${SCOPE}.nudge_url`,
    /** HMAC secret of the nudge (password2, private): the executor's GBG_NUDGE_SECRET. */
    nudgeSecret: `${SCOPE}.nudge_secret`,
} as const

/** Providers that can grant device local admin (values of PROPERTY.deviceAdminProvider). */
export const DEVICE_ADMIN_PROVIDERS: readonly ProviderName[] = ['entra-group', 'webhook', 'epm']

/**
 * Grant states of a request that is still open: a second request by the same person for the same target is
 * refused while one of these exists.
 */
export const OPEN_GRANT_STATES: readonly GrantState[] = [
    'requested',
    'awaiting_approval',
    'approved',
    'queued',
    'granting',
    'active',
    'revoking',
    'revoke_failed',
    'halted',
]

/** Events the app fires (registered in sysevent_register; e-mail notifications listen to them). */
export const EVENT = {
    approvalRequested: `${SCOPE}.approval.requested`,
    approved: `${SCOPE}.approved`,
    rejected: `${SCOPE}.rejected`,
    cancelled: `${SCOPE}.cancelled`,
    granted: `${SCOPE}.granted`,
    expiryWarning: `${SCOPE}.expiry.warning`,
    revoked: `${SCOPE}.revoked`,
    revokeFailed: `${SCOPE}.revoke.failed`,
    /**
     * Scheduled (gs.eventQueueScheduled) for the approval timeout and its second timeout of a request: the script action
     * runs the timeout step for that one grant at the due time, not at the watchdog's next sweep.
     */
    approvalDue: `${SCOPE}.approval.due`,
} as const

/** Catalog items of the app (sc_cat_item.name) and the target kind each requests. */
export const CATALOG_ITEM = {
    localAdmin: { name: 'Temporary local admin access', targetKind: 'device_local_admin' },
    entraRole: { name: 'Temporary Entra role', targetKind: 'entra_role' },
    entraGroup: { name: 'Temporary Entra group membership', targetKind: 'entra_group' },
    console: { name: 'Emergency console action', targetKind: 'console' },
} as const

/** Variable names of the catalog items (the items use the same names for the same meaning). */
export const CATALOG_VARIABLE = {
    requestedFor: 'requested_for',
    device: 'device',
    role: 'role',
    /** Entra group item: the group's object id (GUID). */
    group: 'group_id',
    /** Console item: the customer tenant's id and name, the administrator to restore, the privilege scope. */
    tenantId: 'tenant_id',
    tenantName: 'tenant_name',
    account: 'account',
    scope: 'scope',
    durationMinutes: 'duration_minutes',
    justification: 'justification',
    incident: 'incident',
    change: 'change_request',
    emergency: 'emergency',
} as const

/** Prefix of the correlation_id of incidents the app raises for a grant (followed by the grant sys_id). */
export const INCIDENT_CORRELATION_PREFIX = `${SCOPE}:grant:`
/** correlation_id of the "executor heartbeat missing" incident. */
export const HEARTBEAT_CORRELATION_ID = `${SCOPE}:executor-heartbeat`

/**
 * Absolute platform duration bounds (minutes), enforced everywhere whatever a policy says. The floor is 1 so a
 * sandbox / demo policy can grant 1 minute and show the revoke at the real expiry; production policies stay at
 * {@link DEFAULT_MIN_DURATION_MINUTES} unless they explicitly set a lower `min_duration`.
 */
export const DURATION_BOUNDS = { min: 1, max: 24 * 60 } as const

/**
 * Minimum duration (minutes) of a policy that sets no `min_duration` (empty or 0). Why 5: Entra PIM refuses to
 * remove an assignment within 5 minutes of its activation (`ActiveDurationTooShort`, see the Graph contract), and
 * the catalog form asks for 5–1440. A policy may set a lower `min_duration`, down to {@link DURATION_BOUNDS}.min,
 * for sandbox / demo use only.
 */
export const DEFAULT_MIN_DURATION_MINUTES = 5

/** A ServiceNow sys_id: 32 lowercase hex characters. The only shape of identifier ever put into a query. */
export const SYS_ID_PATTERN = /^[0-9a-f]{32}$/

/** True when `value` is a well-formed sys_id. */
export function isSysId(value: unknown): value is string {
    return typeof value === 'string' && SYS_ID_PATTERN.test(value)
}
