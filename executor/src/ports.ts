/**
 * Ports: every side effect the worker has, the clock and the logger included. Production wires the real adapters
 * (ServiceNow Table API client, SQLite journal, providers, system clock); tests wire fakes or the emulators.
 */
import type {
    ActionState,
    ActionType,
    ExecutorContextFacts,
    GrantState,
    ProviderName,
    RequestChange,
    RequestIncident,
} from '@gbg/shared'
import type { ApprovalNotice } from './servicenow/app-api'

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

/**
 * Incident to raise for SecOps (revoke failed, tampered plan…). The app raises it (a ticket update): it assigns it
 * to its SecOps group property and sets the integration user as caller; the executor decides neither.
 */
export interface IncidentInput {
    shortDescription: string
    description: string
    /** 1 = critical (high-risk targets), 2 = high. */
    priority: 1 | 2
    /** grant sys_id, for correlation. */
    grantSysId: string
}

/**
 * A platform-side effect the executor asks the app for (a row of the ticket-update table; the app's rule performs
 * it, only ever on the grant's own RITM or an incident linked to or raised for the grant).
 */
export type TicketUpdate =
    | { kind: 'ritm_note'; grantSysId: string; text: string }
    | { kind: 'incident_note'; grantSysId: string; incidentSysId: string; text: string }
    | {
          kind: 'incident'
          grantSysId: string
          /** The executor's name for why (one incident per grant and kind). */
          incidentKind: string
          priority: 1 | 2
          shortDescription: string
          description: string
      }
    | { kind: 'receipt'; grantSysId: string; fileName: string; contentType: string; content: Buffer }

/** What the app did for a {@link TicketUpdate}: the record written or created (an incident's number). */
export interface TicketUpdateResult {
    sysId: string
    number: string
}

/** An approval record as the recheck gate needs it. */
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
    /** sys_user.name, when the instance gives one (Teams cards show it; no gate decision reads it). */
    displayName?: string
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
 * Every platform fact the recheck gate judges for one grant, from ONE call of the app's Scripted REST API (the
 * executor's role reads no platform table): the app gathers, the executor judges.
 */
export interface GateFactsBundle {
    /** The app's approvals of the grant itself (document_id = grant, source_table = grant table): the only ones counted. */
    grantApprovals: ApprovalRecord[]
    /** Approvals reached through the grant's RITM that are not on the grant itself (never counted). */
    ritmApprovals: ApprovalRecord[]
    /** The users the gate may look up (requested-for, opener, approvers, voters, route assignees), by sys_id. */
    users: ReadonlyMap<string, UserRecord>
    /** The grant's target CI and the plan's, by sys_id (absent: no such CI). */
    computers: ReadonlyMap<string, ComputerRecord>
    /** The linked incident (null: none linked, or it does not exist). */
    incident: IncidentFacts | null
    /** The linked change (null: none linked, or it does not exist). */
    change: ChangeFacts | null
    settings: AppSettings
}

/**
 * What doctor and start-up report about the instance: the answer of the app's context endpoint as the contract
 * defines it (shared/src/schema.ts ExecutorContextFacts), checked against that shape. The settings are the stored
 * texts: parse them with the shared parsers (parseKillSwitch) as the gate does.
 */
export type InstanceContext = ExecutorContextFacts

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
    /** Both of the above in ONE call (a poll's only read); the worker uses it when the gateway has it. */
    listPollActions?(now: Date, limit: number): Promise<{ ready: QueueAction[]; expired: QueueAction[] }>
    getAction(sysId: string): Promise<QueueAction>
    /** Claim: write lease_owner, lease_until, state=claimed, attempts+1. Throws lost_claim when the guard refuses. */
    claimAction(action: QueueAction, owner: string, leaseUntil: Date): Promise<QueueAction>
    updateAction(sysId: string, patch: ActionPatch): Promise<void>
    createAction(action: NewAction): Promise<QueueAction>
    /** Open (not done / dead) actions of a grant, to enforce per-grant ordering. */
    listOpenActionsForGrant(grantSysId: string): Promise<QueueAction[]>
    getGrant(sysId: string): Promise<GrantRecord>
    /**
     * Grants of one person at one provider in one of `states`, most recently updated first, at most `limit`: the
     * fleet's view of who holds a shared access (providers/entra/fleet.ts). Every replica's grants, read fresh.
     */
    listUserGrants(
        userSysId: string,
        provider: ProviderName,
        states: readonly GrantState[],
        limit: number,
    ): Promise<GrantRecord[]>
    /**
     * Active grants (every replica's) whose expiry lies in (now, now + withinMs], soonest first: what the expiry
     * warnings are driven by (notify/notifier.ts).
     */
    listExpiringGrants(now: Date, withinMs: number): Promise<GrantRecord[]>
    /**
     * Claim a one-time effect fleet-wide through the ticket-update table's unique idempotency key: inserts a RITM
     * note `note` under `key` unless a row with that key exists. True when the row is this executor's (it was
     * inserted now or earlier with this very note, which names the executor), false when another holds it.
     */
    claimOnce(grantSysId: string, key: string, note: string): Promise<boolean>
    updateGrant(sysId: string, patch: GrantPatch): Promise<void>
    /**
     * The facts the recheck gate judges for one grant, in one call (the app's GET …/executor/grants/{id}/facts).
     * An answer that does not have the expected shape is a fatal error (a refusal), never a pass.
     */
    gateFacts(grantSysId: string): Promise<GateFactsBundle>
    /**
     * A user's display name as last seen in gate facts read by this process (undefined when none was seen): the
     * executor cannot read sys_user, so this is how Teams cards name the requester. Optional for fakes.
     */
    userDisplayName?(userSysId: string): string | undefined
    /** The instance context for doctor and start-up (the app's GET …/executor/context). */
    getInstanceContext(): Promise<InstanceContext>
    /**
     * The Teams approval notices due now, each claimed for `instance` by the app (one executor sends each card;
     * app executor API `approval-notices`). Optional: gateways without it send no approval cards.
     */
    claimApprovalNotices?(instance: string): Promise<ApprovalNotice[]>
    /** The grant's stored policy decision and approval route (the raw policy_decision JSON; additive, issue 10). */
    getApprovalRoute(grantSysId: string): Promise<string>
    /**
     * The grant's audit events of any of `eventTypes`, in sequence order, from one read (additive, issue 10: the
     * `approval.vote`, `plan.shortened` and `policy.evaluated` events the recheck gate judges).
     */
    listAuditEvents(grantSysId: string, eventTypes: readonly string[]): Promise<AuditEventRecord[]>
    /**
     * Every record of the policy table (active or not) as the Table API returns it: raw strings keyed by
     * POLICY_FIELDS names, parsed by `policyFromRecord` / `evaluatePolicyRecords` (additive seam change, helper E1).
     */
    listPolicies(): Promise<Record<string, string>[]>
    /**
     * Ask the app for a platform-side effect (RITM work note, incident, incident work note, receipt): inserts a
     * ticket-update row with `idempotencyKey` (an existing row with that key is read back instead, so a resumed
     * write-back never does it twice) and resolves to what the app did; a refusal or a failed effect is fatal.
     */
    requestTicketUpdate(update: TicketUpdate, idempotencyKey: string): Promise<TicketUpdateResult>
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
        options?: {
            /**
             * Link after `knownHead` only: when the insert rule refuses (the head is not `knownHead`), throw
             * instead of re-reading the head, so the caller checks the chain before appending anywhere else.
             */
            onlyAfterKnownHead?: boolean
        },
    ): Promise<{ sequence: number; hash: string } | void>
    /**
     * Every audit event row of the grant (AUDIT_FIELDS, sys_id, sys_created_by), in sequence order: what the
     * executor checks against its journal anchor before it appends (additive, issue 10 attack 7; fakes may omit it).
     */
    readAuditChain?(grantSysId: string): Promise<Record<string, string>[]>
    /**
     * Several write-backs in ONE ServiceNow call (the Batch API; docs/performance.md). Each write is validated and
     * built as its direct method builds it and its answer checked as the direct answer is; one outcome per write, in
     * order. Rejects only when the call as a whole failed (then any write may or may not have been applied). Audit
     * events are linked after `knownHead`, or after the previous event of the same grant in this batch. Optional
     * (additive, issue 18): without it the write-back delivers item by item.
     */
    writeBatch?(writes: readonly BatchWrite[]): Promise<BatchWriteOutcome[]>
    /**
     * The audit event `event` is already in its grant's chain (an earlier attempt whose answer was lost): its row is
     * found by the hash it would have had after its stored predecessor. Optional (additive, issue 18).
     */
    findAppendedAudit?(event: AuditEventInput): Promise<{ sequence: number; hash: string } | undefined>
    /** Upsert this executor's heartbeat row (watchdog input). */
    heartbeat(name: string, host: string, version: string, at: Date, claimed: boolean): Promise<void>
    /** Cheap authenticated call for readiness. */
    ping(): Promise<void>
}

/** One write of {@link ServiceNowGateway.writeBatch}: what the direct gateway method of the same name writes. */
export type BatchWrite =
    | { kind: 'grant_patch'; grantSysId: string; patch: GrantPatch }
    /** Not a release (`state: 'ready'` with `leaseOwner: ''`): that takes the lease protocol's several writes. */
    | { kind: 'action_patch'; actionSysId: string; patch: ActionPatch }
    | { kind: 'ticket_update'; update: TicketUpdate; idempotencyKey: string }
    | { kind: 'audit'; event: AuditEventInput; knownHead?: { sequence: number; hash: string } }
    | { kind: 'create_action'; action: NewAction }

/** The outcome of one {@link BatchWrite}. */
export type BatchWriteOutcome =
    | {
          ok: true
          /** audit: the new head. */
          head?: { sequence: number; hash: string }
          /** create_action: the new action's sys_id. */
          sysId?: string
          /** ticket_update: the app's answer. */
          ticket?: TicketUpdateResult
      }
    | { ok: false; error: unknown }
