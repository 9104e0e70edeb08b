/**
 * In-memory ServiceNow for worker tests. `FakeServiceNow` is the instance (records, claim guard, fault
 * injection); `FakeGateway` is one executor's view of it (the writer identity the claim guard judges), so two
 * gateways over one instance behave like two executors sharing a queue.
 *
 * Faithful where the worker depends on it: the action table's claim guard is the shared `checkActionWrite`
 * (a refused write is a `lost_claim` error, as the real 403 business-rule abort maps to), missing records are
 * `not_found`, an unreachable instance is `retryable`.
 */
import {
    ACTION_PRIORITY,
    buildPlan,
    checkActionWrite,
    planDigest,
    policyToRecord,
    type AccessRequest,
    type ExecutionPlan,
    type GrantState,
    type PolicyRule,
    type ProviderName,
    type RequestChange,
    type RequestIncident,
} from '@gbg/shared'
import type {
    ActionPatch,
    AppSettings,
    ApprovalRecord,
    AuditEventInput,
    AuditEventRecord,
    Clock,
    ComputerRecord,
    GateFactsBundle,
    GrantPatch,
    GrantRecord,
    IncidentInput,
    InstanceContext,
    NewAction,
    QueueAction,
    ServiceNowGateway,
    TicketUpdate,
    TicketUpdateResult,
    UserRecord,
} from '../../src/ports'
import { ServiceNowError } from '../../src/servicenow/errors'
import { policyRule } from '../../../shared/test/fixtures'

/** Gateway method names (for fault injection and call counting). */
export type GatewayMethod = keyof ServiceNowGateway

let counter = 0
/** A fresh, valid sys_id. */
export function sysId(): string {
    counter++
    return (Date.now().toString(16) + counter.toString(16).padStart(8, '0')).padStart(32, 'a').slice(-32)
}

/** Fault: throw `error` on the next `count` calls of a method (optionally only when `when` matches the args). */
interface Fault {
    method: GatewayMethod
    error: () => Error
    remaining: number
    when?: (args: unknown[]) => boolean
}

/** A retryable "ServiceNow unreachable" error. */
export function unreachable(): ServiceNowError {
    return new ServiceNowError('retryable', 'ServiceNow unreachable (fake): ECONNREFUSED', { code: 'ECONNREFUSED' })
}

/** The fake instance. */
export class FakeServiceNow {
    readonly actions = new Map<string, QueueAction>()
    readonly grants = new Map<string, GrantRecord>()
    /** Approval records keyed by the record they approve: the grant (the app's) or a RITM (task approvals). */
    readonly approvals = new Map<string, ApprovalRecord[]>()
    /** The grant's stored policy decision and approval route (policy_decision JSON) per grant. */
    readonly routes = new Map<string, string>()
    /** Audit events the app wrote for a grant (e.g. `approval.vote`), before the executor's own ({@link audit}). */
    readonly appAudit = new Map<string, AuditEventRecord[]>()
    readonly users = new Map<string, UserRecord>()
    readonly computers = new Map<string, ComputerRecord>()
    readonly incidentFacts = new Map<string, RequestIncident>()
    readonly changes = new Map<string, RequestChange>()
    policies: Record<string, string>[] = []
    settings: AppSettings = { integrationEnabled: true, defaultMaxDurationMinutes: 0 }
    readonly workNotes: { table: string; sysId: string; note: string }[] = []
    readonly attachments: { table: string; sysId: string; fileName: string; contentType: string; body: Buffer }[] = []
    readonly audit: AuditEventInput[] = []
    readonly incidents: { sysId: string; number: string; input: IncidentInput }[] = []
    readonly heartbeats: { name: string; at: Date; claimed: boolean }[] = []
    /** Ticket updates done, by idempotency key (the app's unique index). */
    readonly ticketUpdates = new Map<string, TicketUpdateResult>()
    /** One-time claims (claimOnce): key → the note of the row that holds it. */
    readonly claims = new Map<string, string>()
    readonly calls: { method: GatewayMethod; writer: string }[] = []
    /** While true every call fails as unreachable. */
    down = false
    private faults: Fault[] = []
    private actionNumber = 1000
    private incidentNumber = 1000

    constructor(readonly clock: Pick<Clock, 'now'>) {}

    /** A gateway for the executor `writer`. */
    gateway(writer: string): FakeGateway {
        return new FakeGateway(this, writer)
    }

    /** Fail the next `count` calls of `method` with `error` (default: unreachable). */
    fail(
        method: GatewayMethod,
        count = 1,
        error: () => Error = unreachable,
        when?: (args: unknown[]) => boolean,
    ): void {
        this.faults.push({ method, error, remaining: count, when })
    }

    /** Remove every pending fault. */
    clearFaults(): void {
        this.faults = []
    }

    /** Count of calls of `method`. */
    count(method: GatewayMethod): number {
        return this.calls.filter((c) => c.method === method).length
    }

    /** @internal called by the gateway before each operation. */
    enter(method: GatewayMethod, writer: string, args: unknown[]): void {
        this.calls.push({ method, writer })
        if (this.down) throw unreachable()
        const fault = this.faults.find((f) => f.method === method && f.remaining > 0 && (!f.when || f.when(args)))
        if (fault) {
            fault.remaining--
            throw fault.error()
        }
    }

    /** Add an action as the app would (state ready). */
    addAction(input: Partial<QueueAction> & { grantSysId: string; type: QueueAction['type'] }): QueueAction {
        const action: QueueAction = {
            sysId: sysId(),
            number: `BGX${this.actionNumber++}`,
            state: 'ready',
            priority: ACTION_PRIORITY[input.type as 'grant'] ?? 3,
            notBefore: null,
            attempts: 0,
            maxAttempts: 5,
            leaseOwner: '',
            leaseUntil: null,
            idempotencyKey: '',
            reason: '',
            lastError: '',
            result: '',
            createdOn: this.clock.now(),
            ...input,
        }
        if (!action.idempotencyKey) action.idempotencyKey = action.sysId
        this.actions.set(action.sysId, action)
        return action
    }

    /** Actions of a grant, oldest first. */
    actionsOf(grantSysId: string, type?: string): QueueAction[] {
        return [...this.actions.values()]
            .filter((a) => a.grantSysId === grantSysId && (type === undefined || a.type === type))
            .sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())
    }

    /** Audit event types of a grant, in order. */
    auditTypes(grantSysId: string): string[] {
        return this.audit.filter((e) => e.grantSysId === grantSysId).map((e) => e.eventType)
    }

    nextIncidentNumber(): string {
        return `INC${this.incidentNumber++}`
    }
}

function notFound(table: string, id: string): ServiceNowError {
    return new ServiceNowError('not_found', `ServiceNow 404 on ${table}/${id} (fake)`, { status: 404 })
}

/** One executor's gateway over the fake instance. */
export class FakeGateway implements ServiceNowGateway {
    constructor(
        readonly sn: FakeServiceNow,
        readonly writer: string,
    ) {}

    private now(): Date {
        return this.sn.clock.now()
    }

    async listReadyActions(now: Date, limit: number): Promise<QueueAction[]> {
        this.sn.enter('listReadyActions', this.writer, [now, limit])
        return [...this.sn.actions.values()]
            .filter((a) => a.state === 'ready' && (a.notBefore === null || a.notBefore <= now))
            .sort((a, b) => a.priority - b.priority || a.createdOn.getTime() - b.createdOn.getTime())
            .slice(0, limit)
            .map((a) => ({ ...a }))
    }

    async listExpiredLeases(now: Date, limit: number): Promise<QueueAction[]> {
        this.sn.enter('listExpiredLeases', this.writer, [now, limit])
        return [...this.sn.actions.values()]
            .filter((a) => a.state === 'claimed' && a.leaseUntil !== null && a.leaseUntil < now)
            .slice(0, limit)
            .map((a) => ({ ...a }))
    }

    async getAction(id: string): Promise<QueueAction> {
        this.sn.enter('getAction', this.writer, [id])
        const a = this.sn.actions.get(id)
        if (!a) throw notFound('action', id)
        return { ...a }
    }

    private guard(
        before: QueueAction,
        change: { state?: string; leaseOwner?: string; leaseUntil?: Date | null },
    ): void {
        const verdict = checkActionWrite(
            {
                state: before.state,
                leaseOwner: before.leaseOwner,
                leaseUntilMs: before.leaseUntil ? before.leaseUntil.getTime() : 0,
            },
            {
                ...(change.state !== undefined ? { state: change.state } : {}),
                ...(change.leaseOwner !== undefined ? { leaseOwner: change.leaseOwner } : {}),
                ...(change.leaseUntil !== undefined
                    ? { leaseUntilMs: change.leaseUntil ? change.leaseUntil.getTime() : 0 }
                    : {}),
            },
            this.writer,
            this.now().getTime(),
        )
        if (!verdict.allowed) {
            throw new ServiceNowError('lost_claim', `Lost the claim (fake): ${verdict.reason}`, {
                status: 403,
                detail: verdict.reason,
            })
        }
    }

    async claimAction(action: QueueAction, owner: string, leaseUntil: Date): Promise<QueueAction> {
        this.sn.enter('claimAction', this.writer, [action, owner, leaseUntil])
        const current = this.sn.actions.get(action.sysId)
        if (!current) throw notFound('action', action.sysId)
        this.guard(current, { state: 'claimed', leaseOwner: owner, leaseUntil })
        if (current.state !== 'ready' && !(current.state === 'claimed' && current.leaseOwner === '')) {
            throw new ServiceNowError(
                'lost_claim',
                `Lost the claim (fake): Claim refused: action is ${current.state}`,
                { status: 403 },
            )
        }
        Object.assign(current, { state: 'claimed', leaseOwner: owner, leaseUntil, attempts: current.attempts + 1 })
        return { ...current }
    }

    async updateAction(id: string, patch: ActionPatch): Promise<void> {
        this.sn.enter('updateAction', this.writer, [id, patch])
        const current = this.sn.actions.get(id)
        if (!current) throw notFound('action', id)
        this.guard(current, patch)
        for (const [k, v] of Object.entries(patch))
            if (v !== undefined) (current as unknown as Record<string, unknown>)[k] = v
    }

    async createAction(input: NewAction): Promise<QueueAction> {
        this.sn.enter('createAction', this.writer, [input])
        return { ...this.sn.addAction({ ...input, state: 'ready' }) }
    }

    async listOpenActionsForGrant(grantSysId: string): Promise<QueueAction[]> {
        this.sn.enter('listOpenActionsForGrant', this.writer, [grantSysId])
        return this.sn
            .actionsOf(grantSysId)
            .filter((a) => a.state !== 'done' && a.state !== 'dead')
            .map((a) => ({ ...a }))
    }

    async getGrant(id: string): Promise<GrantRecord> {
        this.sn.enter('getGrant', this.writer, [id])
        const g = this.sn.grants.get(id)
        if (!g) throw notFound('grant', id)
        return { ...g }
    }

    async listUserGrants(
        userSysId: string,
        provider: ProviderName,
        states: readonly GrantState[],
        limit: number,
    ): Promise<GrantRecord[]> {
        this.sn.enter('listUserGrants', this.writer, [userSysId, provider, states, limit])
        return [...this.sn.grants.values()]
            .filter((g) => g.requestedFor === userSysId && g.provider === provider && states.includes(g.state))
            .reverse()
            .slice(0, limit)
            .map((g) => ({ ...g }))
    }

    async listExpiringGrants(now: Date, withinMs: number): Promise<GrantRecord[]> {
        this.sn.enter('listExpiringGrants', this.writer, [now, withinMs])
        const until = now.getTime() + withinMs
        return [...this.sn.grants.values()]
            .filter((g) => g.state === 'active' && g.expiresAt !== null)
            .filter((g) => g.expiresAt! > now && g.expiresAt!.getTime() <= until)
            .sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime())
            .map((g) => ({ ...g }))
    }

    async claimOnce(grantSysId: string, key: string, note: string): Promise<boolean> {
        this.sn.enter('claimOnce', this.writer, [grantSysId, key, note])
        const held = this.sn.claims.get(key)
        if (held !== undefined) return held === note
        this.sn.claims.set(key, note)
        return true
    }

    async updateGrant(id: string, patch: GrantPatch): Promise<void> {
        this.sn.enter('updateGrant', this.writer, [id, patch])
        const g = this.sn.grants.get(id)
        if (!g) throw notFound('grant', id)
        for (const [k, v] of Object.entries(patch))
            if (v !== undefined) (g as unknown as Record<string, unknown>)[k] = v
    }

    /**
     * The app's gate-facts endpoint: approvals keyed by the grant (the app's) or by its RITM (task approvals, never
     * counted), every known user, the CIs, the grant's incident and change, the settings. Missing records are
     * simply absent, as the endpoint leaves them out.
     */
    async gateFacts(grant: string): Promise<GateFactsBundle> {
        this.sn.enter('gateFacts', this.writer, [grant])
        const g = this.sn.grants.get(grant)
        if (!g) throw notFound('grant', grant)
        const copy = (a: ApprovalRecord): ApprovalRecord => ({ ...a })
        const onGrant = new Set((this.sn.approvals.get(grant) ?? []).map((a) => a.sysId))
        return {
            grantApprovals: (this.sn.approvals.get(grant) ?? []).map(copy),
            ritmApprovals: (g.ritm ? (this.sn.approvals.get(g.ritm) ?? []) : [])
                .filter((a) => !onGrant.has(a.sysId))
                .map(copy),
            users: new Map([...this.sn.users].map(([id, u]) => [id, { ...u, groupSysIds: [...u.groupSysIds] }])),
            computers: new Map([...this.sn.computers].map(([id, c]) => [id, { ...c }])),
            incident:
                g.incident && this.sn.incidentFacts.has(g.incident)
                    ? { ...this.sn.incidentFacts.get(g.incident)! }
                    : null,
            change: g.change && this.sn.changes.has(g.change) ? { ...this.sn.changes.get(g.change)! } : null,
            settings: { ...this.sn.settings },
        }
    }

    async getInstanceContext(): Promise<InstanceContext> {
        this.sn.enter('getInstanceContext', this.writer, [])
        return {
            settings: {
                integration_enabled: String(this.sn.settings.integrationEnabled),
                default_max_duration_minutes: String(this.sn.settings.defaultMaxDurationMinutes),
                secops_group: null,
            },
            secops_group: { status: 'unset', sys_id: '', name: '' },
            incident_caller: null,
            session: { sys_id: '', user_name: this.writer, roles: ['x_gbg_breakglass.executor'], time_zone: 'GMT' },
        }
    }

    async getApprovalRoute(grant: string): Promise<string> {
        this.sn.enter('getApprovalRoute', this.writer, [grant])
        if (!this.sn.grants.has(grant)) throw notFound('grant', grant)
        return this.sn.routes.get(grant) ?? ''
    }

    async listAuditEvents(grant: string, eventTypes: readonly string[]): Promise<AuditEventRecord[]> {
        this.sn.enter('listAuditEvents', this.writer, [grant, ...eventTypes])
        const app = this.sn.appAudit.get(grant) ?? []
        const own = this.sn.audit
            .filter((e) => e.grantSysId === grant)
            .map((e, i) => ({
                sequence: app.length + i + 1,
                eventType: e.eventType,
                actor: e.actor,
                payload: e.payload,
            }))
        return [...app, ...own].filter((e) => eventTypes.includes(e.eventType)).map((e) => ({ ...e }))
    }

    async listPolicies(): Promise<Record<string, string>[]> {
        this.sn.enter('listPolicies', this.writer, [])
        return this.sn.policies.map((p) => ({ ...p }))
    }

    /**
     * The app's ticket-update rule: a note only on the grant's RITM or an incident linked to / raised for it, one
     * effect per idempotency key (a repeated key answers the first result).
     */
    async requestTicketUpdate(update: TicketUpdate, key: string): Promise<TicketUpdateResult> {
        this.sn.enter('requestTicketUpdate', this.writer, [update, key])
        const done = this.sn.ticketUpdates.get(key)
        if (done) return { ...done }
        const found = this.sn.grants.get(update.grantSysId)
        const refuse = (why: string): ServiceNowError =>
            new ServiceNowError('fatal', `Ticket update refused: ${why} (fake)`, { status: 403 })
        const standalone = update.kind === 'incident' || update.kind === 'incident_note'
        if (!found && !standalone) throw refuse('it names no existing grant.')
        const g = found ?? ({ sysId: update.grantSysId, number: '', ritm: '', incident: '' } as GrantRecord)
        let result: TicketUpdateResult
        switch (update.kind) {
            case 'ritm_note':
                if (!g.ritm) throw refuse(`grant ${g.number} has no RITM.`)
                this.sn.workNotes.push({ table: 'sc_req_item', sysId: g.ritm, note: update.text })
                result = { sysId: g.ritm, number: '' }
                break
            case 'incident_note': {
                const own = [
                    ...(g.incident ? [g.incident] : []),
                    ...this.sn.incidents.filter((i) => i.input.grantSysId === g.sysId).map((i) => i.sysId),
                ]
                if (!own.includes(update.incidentSysId))
                    throw refuse(`incident ${update.incidentSysId} is not the grant's.`)
                this.sn.workNotes.push({ table: 'incident', sysId: update.incidentSysId, note: update.text })
                result = { sysId: update.incidentSysId, number: '' }
                break
            }
            case 'incident': {
                const input: IncidentInput = {
                    shortDescription: update.shortDescription,
                    description: update.description,
                    priority: update.priority,
                    grantSysId: update.grantSysId,
                }
                const created = { sysId: sysId(), number: this.sn.nextIncidentNumber(), input }
                this.sn.incidents.push(created)
                result = { sysId: created.sysId, number: created.number }
                break
            }
            case 'receipt': {
                const table = g.ritm ? 'sc_req_item' : 'x_gbg_breakglass_grant'
                const id = g.ritm || g.sysId
                this.sn.attachments.push({
                    table,
                    sysId: id,
                    fileName: update.fileName,
                    contentType: update.contentType,
                    body: update.content,
                })
                result = { sysId: sysId(), number: '' }
                break
            }
        }
        this.sn.ticketUpdates.set(key, result)
        return { ...result }
    }

    async appendAudit(event: AuditEventInput): Promise<void> {
        this.sn.enter('appendAudit', this.writer, [event])
        this.sn.audit.push(event)
    }

    async heartbeat(name: string, _host: string, _version: string, at: Date, claimed: boolean): Promise<void> {
        this.sn.enter('heartbeat', this.writer, [name])
        this.sn.heartbeats.push({ name, at, claimed })
    }

    async ping(): Promise<void> {
        this.sn.enter('ping', this.writer, [])
    }
}

/** The `approval.vote` event the app records when `voter` approves `approval` (issue 10 contract). */
export function voteEvent(
    approval: ApprovalRecord,
    voter: UserRecord,
    digest: string,
    slot = 'manager',
    decision: 'approved' | 'rejected' = 'approved',
): AuditEventRecord {
    return {
        sequence: 0,
        eventType: 'approval.vote',
        actor: voter.userName,
        payload: { approval: approval.sysId, decision, voter: voter.sysId, slot, planDigest: digest },
    }
}

/** A policy that allows the seeded PAM-account requests. */
export function permissivePolicy(overrides: Partial<PolicyRule> = {}): PolicyRule {
    return policyRule({
        name: 'PAM accounts',
        targetKind: 'pam_account',
        emergencyMaxDurationMinutes: 60,
        ...overrides,
    })
}

/** What {@link seedGrant} created. */
export interface SeededGrant {
    grant: GrantRecord
    plan: ExecutionPlan
    action: QueueAction
    requester: UserRecord
    approver: UserRecord
    ritm: string
}

/** Options of {@link seedGrant}. */
export interface SeedOptions {
    provider?: ProviderName
    durationMinutes?: number
    account?: string
    /** Principal (requested-for) to reuse (overlapping grants). */
    requester?: UserRecord
    highRisk?: boolean
    /** Skip creating the grant action. */
    noAction?: boolean
}

let grantNumber = 1000

/**
 * Seed a queued, approved PAM-account grant with its frozen plan and digest, an approval by a manager a minute
 * ago, the policy that allows it (once), and a ready grant action.
 */
export function seedGrant(sn: FakeServiceNow, options: SeedOptions = {}): SeededGrant {
    const now = sn.clock.now()
    if (sn.policies.length === 0) sn.policies.push(policyToRecord(permissivePolicy()))
    const requester: UserRecord = options.requester ?? {
        sysId: sysId(),
        userName: `user${counter}`,
        email: `user${counter}@example.com`,
        active: true,
        groupSysIds: [],
    }
    const approver: UserRecord = {
        sysId: sysId(),
        userName: `mgr${counter}`,
        email: `mgr${counter}@example.com`,
        active: true,
        groupSysIds: [],
    }
    sn.users.set(requester.sysId, requester)
    sn.users.set(approver.sysId, approver)
    const grantSysId = sysId()
    const ritm = sysId()
    const number = `BGA${grantNumber++}`
    const duration = options.durationMinutes ?? 60
    const account = options.account ?? 'svc-db-admin'
    const request: AccessRequest = {
        requestedFor: {
            sysId: requester.sysId,
            userName: requester.userName,
            email: requester.email,
            active: true,
            groupIds: [],
        },
        openedBy: requester.sysId,
        targetKind: 'pam_account',
        target: { account },
        durationMinutes: duration,
        justification: 'Database maintenance for the quarterly patch run',
        emergency: false,
    }
    const plan = buildPlan({
        grantSysId,
        grantNumber: number,
        request,
        durationMinutes: duration,
        highRisk: options.highRisk ?? false,
        ritmNumber: 'RITM0010001',
        provider: options.provider ?? 'webhook',
    })
    const planJson = JSON.stringify(plan)
    const grant: GrantRecord = {
        sysId: grantSysId,
        number,
        state: 'queued',
        requestedFor: requester.sysId,
        openedBy: requester.sysId,
        targetKind: 'pam_account',
        provider: plan.provider,
        targetCi: '',
        targetRoleId: '',
        targetRoleName: '',
        targetGroupId: '',
        targetAccount: account,
        requestedDuration: duration,
        approvedDuration: duration,
        justification: request.justification,
        ritm,
        incident: '',
        change: '',
        emergency: false,
        plan: planJson,
        planDigest: planDigest(plan),
        approvalSummary: JSON.stringify([{ approver: approver.sysId, name: 'Mona Manager', state: 'approved' }]),
        approvedAt: new Date(now.getTime() - 60_000),
        grantedAt: null,
        expiresAt: null,
        revokedAt: null,
        revokeReason: '',
        providerTxnIds: '',
        executorInstance: '',
        lastError: '',
        evidence: '',
    }
    sn.grants.set(grantSysId, grant)
    // The app's records: the route stored at submit, the manager's approval on the grant, the vote it recorded.
    const approval: ApprovalRecord = {
        sysId: sysId(),
        approverSysId: approver.sysId,
        state: 'approved',
        updatedOn: new Date(now.getTime() - 60_000),
    }
    sn.routes.set(
        grantSysId,
        JSON.stringify({
            policy: 'PAM accounts',
            slots: ['manager'],
            assignments: [{ slot: 'manager', approverSysId: approver.sysId, groupId: '' }],
        }),
    )
    sn.approvals.set(grantSysId, [approval])
    sn.appAudit.set(grantSysId, [voteEvent(approval, approver, grant.planDigest)])
    const action = options.noAction
        ? (undefined as unknown as QueueAction)
        : sn.addAction({ grantSysId, type: 'grant', priority: ACTION_PRIORITY.grant })
    return { grant, plan, action, requester, approver, ritm }
}
