/**
 * Ports: every side effect the worker has, the clock and the logger included. Production wires the real adapters
 * (ServiceNow Table API client, SQLite journal, providers, system clock); tests wire fakes or the emulators.
 */
import type { ActionState, ActionType, GrantState, RequestChange, RequestIncident } from '@gbg/shared'

/** Time source. Tests use a fake clock instead of sleeping. */
export interface Clock {
    now(): Date
    /** Resolve after `ms`, or earlier when `signal` aborts. */
    sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/**
 * The logger port: all a component needs of a logger. winston's Logger (log.ts `createLogger`) satisfies it;
 * `nullLogger` (log.ts) drops everything; tests pass plain objects. Metadata is redacted by the real logger.
 */
export interface Logger {
    error(message: string, meta?: Record<string, unknown>): void
    warn(message: string, meta?: Record<string, unknown>): void
    info(message: string, meta?: Record<string, unknown>): void
    debug(message: string, meta?: Record<string, unknown>): void
}

/** An action record as the executor sees it (parsed from the Table API strings). */
export interface QueueAction {
    sysId: string
    number: string
    grantSysId: string
    type: ActionType
    state: ActionState
    priority: number
    notBefore: Date | null
    attempts: number
    maxAttempts: number
    leaseOwner: string
    leaseUntil: Date | null
    idempotencyKey: string
    reason: string
    lastError: string
    /** Raw `result` JSON string (validated by whoever reads it). */
    result: string
    createdOn: Date
    /**
     * Set when the row's own values are malformed (empty priority or max_attempts, unknown type or state…): why.
     * Such a row is never run; the worker marks it dead with this reason. The other fields then hold neutral values.
     */
    malformed?: string
}

/** A grant record as the executor sees it. Reference fields are sys_ids ('' when empty). */
export interface GrantRecord {
    sysId: string
    number: string
    state: GrantState
    requestedFor: string
    openedBy: string
    targetKind: string
    provider: string
    targetCi: string
    targetRoleId: string
    targetRoleName: string
    targetGroupId: string
    targetAccount: string
    requestedDuration: number
    approvedDuration: number
    justification: string
    ritm: string
    incident: string
    change: string
    emergency: boolean
    /** Raw plan JSON string as stored; parsing and digest checking belong to the recheck gate. */
    plan: string
    planDigest: string
    /** Raw approval summary JSON string. */
    approvalSummary: string
    approvedAt: Date | null
    grantedAt: Date | null
    expiresAt: Date | null
    revokedAt: Date | null
    revokeReason: string
    providerTxnIds: string
    executorInstance: string
    lastError: string
    evidence: string
}

/** Fields of a grant the executor may change (exactly EXECUTOR_WRITABLE for the grant table). */
export interface GrantPatch {
    state?: GrantState
    grantedAt?: Date | null
    expiresAt?: Date | null
    revokedAt?: Date | null
    providerTxnIds?: string
    executorInstance?: string
    lastError?: string
    evidence?: string
}

/** Fields of an action the executor may change (exactly EXECUTOR_WRITABLE for the action table). */
export interface ActionPatch {
    state?: ActionState
    notBefore?: Date | null
    attempts?: number
    leaseOwner?: string
    leaseUntil?: Date | null
    lastError?: string
    result?: string
    completedAt?: Date | null
}

/** A new action the executor schedules (revoke at expiry, verify after revoke). */
export interface NewAction {
    grantSysId: string
    type: ActionType
    priority: number
    notBefore: Date
    maxAttempts: number
    idempotencyKey: string
    reason: string
}

/** One audit event to append (the gateway computes sequence and hash chain). */
export interface AuditEventInput {
    grantSysId: string
    actionSysId?: string
    eventType: string
    actor: string
    occurredAt: Date
    payload: Record<string, unknown>
}

/** Incident to raise for SecOps (revoke failed, tampered plan…). */
export interface IncidentInput {
    shortDescription: string
    description: string
    /** 1 = critical (high-risk targets), 2 = high. */
    priority: 1 | 2
    /** sys_user_group sys_id of SecOps; empty → the instance's default assignment rules apply. */
    assignmentGroup: string
    /** grant sys_id, for correlation. */
    grantSysId: string
}

/** Approval records of the grant's RITM, as the recheck gate needs them. */
export interface ApprovalRecord {
    sysId: string
    approverSysId: string
    state: string
    updatedOn: Date
}

/** One audit event of a grant as read back from ServiceNow (the payload parsed; {} when it does not parse). */
export interface AuditEventRecord {
    sequence: number
    eventType: string
    actor: string
    payload: Record<string, unknown>
}

/** Minimal user facts the recheck gate re-evaluates policy with. */
export interface UserRecord {
    sysId: string
    userName: string
    email: string
    active: boolean
    /** Group sys_ids the user is a member of. */
    groupSysIds: string[]
}

/** Minimal CI facts the recheck gate re-evaluates policy with. */
export interface ComputerRecord {
    sysId: string
    name: string
    /** e.g. `server`, `workstation`, from the CI's class / classification. */
    deviceClass: string
    /** True for production CIs. */
    production: boolean
    /**
     * True for corporate-managed devices. Optional (additive seam change, helper E1): absent means "not known to
     * be corp-managed", which a `corp_managed_only` policy denies (fail secure).
     */
    corpManaged?: boolean
}

/** Minimal incident facts the recheck gate re-evaluates policy with (the policy module's own shape). */
export type IncidentFacts = RequestIncident

/** Minimal change facts the recheck gate re-evaluates policy with (times are epoch milliseconds). */
export type ChangeFacts = RequestChange

/** App properties the recheck gate evaluates policy with. */
export interface AppSettings {
    /** `x_gbg_breakglass.integration_enabled` (the kill switch). */
    integrationEnabled: boolean
    /** `x_gbg_breakglass.default_max_duration_minutes` (0 when unset). */
    defaultMaxDurationMinutes: number
}

/**
 * The ServiceNow gateway: everything the executor reads from or writes to the instance. Implemented over the
 * Table API client; every method builds its query only from enumerated values and validated sys_ids.
 * Errors are thrown as `ServiceNowError` (see servicenow/errors.ts) with kind retryable | fatal | lost_claim | not_found.
 */
export interface ServiceNowGateway {
    /** Ready actions with not_before passed (or empty), ordered by priority then creation, up to `limit`. */
    listReadyActions(now: Date, limit: number): Promise<QueueAction[]>
    /** Claimed actions whose lease expired before `now` (for the sweeper). */
    listExpiredLeases(now: Date, limit: number): Promise<QueueAction[]>
    getAction(sysId: string): Promise<QueueAction>
    /** Claim: write lease_owner, lease_until, state=claimed, attempts+1. Throws lost_claim when the guard refuses. */
    claimAction(action: QueueAction, owner: string, leaseUntil: Date): Promise<QueueAction>
    updateAction(sysId: string, patch: ActionPatch): Promise<void>
    createAction(action: NewAction): Promise<QueueAction>
    /** Open (not done / dead) actions of a grant, to enforce per-grant ordering. */
    listOpenActionsForGrant(grantSysId: string): Promise<QueueAction[]>
    getGrant(sysId: string): Promise<GrantRecord>
    updateGrant(sysId: string, patch: GrantPatch): Promise<void>
    /** Approvals attached to the RITM (sysapproval_approver.sysapproval = ritm). */
    /** Approvals of the grant (document_id = grant) and of its RITM ('' when none), each once. */
    listApprovals(grantSysId: string, ritmSysId: string): Promise<ApprovalRecord[]>
    /**
     * The app's approvals of the grant itself (source_table = grant, document_id = grant), never those reached
     * through the grant's RITM: the only approvals the recheck gate counts (additive, issue 10).
     */
    listGrantApprovals(grantSysId: string): Promise<ApprovalRecord[]>
    /** The grant's stored policy decision and approval route (the raw policy_decision JSON; additive, issue 10). */
    getApprovalRoute(grantSysId: string): Promise<string>
    /**
     * The grant's audit events of any of `eventTypes`, in sequence order, from one read (additive, issue 10: the
     * `approval.vote`, `plan.shortened` and `policy.evaluated` events the recheck gate judges).
     */
    listAuditEvents(grantSysId: string, eventTypes: readonly string[]): Promise<AuditEventRecord[]>
    getUser(sysId: string): Promise<UserRecord>
    getComputer(sysId: string): Promise<ComputerRecord>
    /**
     * Every record of the policy table (active or not) as the Table API returns it: raw strings keyed by
     * POLICY_FIELDS names, parsed by `policyFromRecord` / `evaluatePolicyRecords` (additive seam change, helper E1).
     */
    listPolicies(): Promise<Record<string, string>[]>
    /** Incident facts for the recheck gate (additive seam change, helper E1). */
    getIncident(sysId: string): Promise<IncidentFacts>
    /** Change facts for the recheck gate (additive seam change, helper E1). */
    getChange(sysId: string): Promise<ChangeFacts>
    /** The app properties the policy evaluation needs (additive seam change, helper E1). */
    getAppSettings(): Promise<AppSettings>
    /** Add a work note (journal entry) to a task-derived record (RITM, incident). */
    addWorkNote(table: 'sc_req_item' | 'incident', sysId: string, note: string): Promise<void>
    /** Attach a file (the access grant receipt) to a record. */
    attach(table: string, sysId: string, fileName: string, contentType: string, body: Buffer): Promise<void>
    /**
     * Append to the grant's hash chain (MACed when the executor has an audit key); resolves to the new head for the
     * journal's anchor (test fakes may resolve to nothing).
     */
    /**
     * `knownHead`: the chain head the caller has just read (e.g. while checking the chain), used for the first
     * attempt instead of reading it again; a head that moved meanwhile is refused by the insert rule and re-read.
     */
    appendAudit(
        event: AuditEventInput,
        knownHead?: { sequence: number; hash: string },
    ): Promise<{ sequence: number; hash: string } | void>
    /**
     * Every audit event row of the grant (AUDIT_FIELDS, sys_id, sys_created_by), in sequence order: what the
     * executor checks against its journal anchor before it appends (additive, issue 10 attack 7; fakes may omit it).
     */
    readAuditChain?(grantSysId: string): Promise<Record<string, string>[]>
    createIncident(input: IncidentInput): Promise<{ sysId: string; number: string }>
    /** Upsert this executor's heartbeat row (watchdog input). */
    heartbeat(name: string, host: string, version: string, at: Date, claimed: boolean): Promise<void>
    /** Cheap authenticated call for readiness. */
    ping(): Promise<void>
}
