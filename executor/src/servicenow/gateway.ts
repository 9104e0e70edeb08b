/**
 * The ServiceNow gateway ({@link ServiceNowGateway}): the executor's whole view of the instance, over the Table
 * API client. It maps schema.ts field names to the port's records and back, and enforces on our side what the
 * instance enforces on its side:
 *
 * - writes to the grant / action / executor tables send only {@link EXECUTOR_WRITABLE} fields, creates only
 *   {@link EXECUTOR_CREATABLE} fields (asserted in code: a patch naming another field throws before any call);
 * - every write to an action carries `lease_owner` = this executor's instance name, which is how the claim guard
 *   (shared/src/claim-guard.ts, run by the app's business rule) identifies the writer — except the sweeper's
 *   release (`state=ready`, `lease_owner=''`), which any executor may do on an expired lease;
 * - queries are built only from schema constants, enumerated values and validated sys_ids (query.ts).
 *
 * Errors are {@link ServiceNowError}s; a record that does not parse (unknown state, malformed number or date,
 * a field hidden by a read ACL) is `fatal` and names the field: never guess on the access-control path. Queue rows
 * are the exception: each is parsed alone, and one whose own values are malformed comes back marked `malformed`
 * (see {@link parseAction}) so that it is marked dead instead of failing the whole poll.
 */
import {
    ACTION_FIELDS,
    ACTION_STATES,
    ACTION_TYPES,
    AUDIT_FIELDS,
    EXECUTOR_CREATABLE,
    EXECUTOR_FIELDS,
    EXECUTOR_WRITABLE,
    GENESIS_HASH,
    GRANT_FIELDS,
    EXECUTOR_API,
    GRANT_STATES,
    POLICY_FIELDS,
    TABLE,
    TICKET_UPDATE_FIELDS,
    actionRowProblems,
    auditHash,
    canonicalJson,
    isSha256Hex,
    isSysId,
    parseBooleanField,
    type ActionState,
    type AuditAnchor,
    type ActionType,
    type GrantState,
    type ProviderName,
} from '@gbg/shared'
import type {
    ActionPatch,
    AuditEventRecord,
    BatchWrite,
    BatchWriteOutcome,
    AuditEventInput,
    GateFactsBundle,
    GrantPatch,
    GrantRecord,
    InstanceContext,
    NewAction,
    QueueAction,
    ServiceNowGateway,
    TicketUpdate,
    TicketUpdateResult,
} from '../ports'
import { auditMac } from '../audit-mac'
import { redact, redactString } from '../log'
import {
    TICKET_UPDATE_READ,
    parseApprovalNotices,
    parseGateFacts,
    parseInstanceContext,
    ticketUpdateBody,
    ticketUpdateResult,
    type ApprovalNotice,
} from './app-api'
import { releaseLease } from '../worker/leases'
import {
    MAX_BATCH_REQUESTS,
    type BatchSubRequest,
    type BatchSubResult,
    type ServiceNowClient,
    type SnRecord,
} from './client'
import { AuditHeadMoved, ServiceNowError } from './errors'
import { SYSTEM_FIELDS } from './platform-fields'
import {
    IDENTIFIER_PATTERN,
    QueryBuildError,
    formatGlideDateTime,
    parseGlideDateTime,
    query,
    zoneWideningMs,
} from './query'

/** Options of {@link createServiceNowGateway}. */
export interface ServiceNowGatewayOptions {
    /** This executor's instance name: the lease owner it claims as and writes as. */
    instanceName: string
    /**
     * The service's clock, for the lease expiry a release writes. Required: a gateway on another clock than the
     * worker's (e.g. wall time under a virtual clock) ended its own lease at a time still in the lease, so the
     * requeue was refused and every retried action stuck claimed (found by the simulator, seed npm-test-1).
     */
    now: () => Date
    /** Key of the MAC on every audit event this executor appends (GBG_AUDIT_KEY); no MAC without it. Secret. */
    auditKey?: string
}

/** Appends of one audit event tried while the audit insert rule refuses a head another appender moved. */
const AUDIT_APPEND_ATTEMPTS = 5

/** Longest `last_error` the tables hold (StringColumn maxLength). */
const LAST_ERROR_MAX = 4000

const ACTION_READ = [SYSTEM_FIELDS.sysId, SYSTEM_FIELDS.createdOn, ...Object.values(ACTION_FIELDS)]
const GRANT_READ = [SYSTEM_FIELDS.sysId, ...Object.values(GRANT_FIELDS)]
const OPEN_ACTION_STATES = ACTION_STATES.filter((s) => s !== 'done' && s !== 'dead')
/** Fields of the grant's approval route read (getApprovalRoute). */
const ROUTE_READ = [SYSTEM_FIELDS.sysId, GRANT_FIELDS.policyDecision]
/** Fields of the gate's read of a grant's audit events (listAuditEvents; the hash gives the chain's head). */
const GATE_EVENTS_READ = [
    AUDIT_FIELDS.sequence,
    AUDIT_FIELDS.eventType,
    AUDIT_FIELDS.actor,
    AUDIT_FIELDS.payload,
    AUDIT_FIELDS.hash,
]
/**
 * How long a read sent in the claim's batch call stands in for the same read made directly: the reads of the gate
 * are batched with the claim ("at the same moment"), never reused later. Each is used at most once.
 */
const READ_AHEAD_MS = 1000
/** Audit chain heads remembered from the gate's read (a hint for the write-back's first append; bounded). */
const MAX_HEAD_HINTS = 1000
const POLICY_READ = [SYSTEM_FIELDS.sysId, ...Object.values(POLICY_FIELDS)]

/** Create the gateway. */
export function createServiceNowGateway(client: ServiceNowClient, opts: ServiceNowGatewayOptions): ServiceNowGateway {
    if (!IDENTIFIER_PATTERN.test(opts.instanceName)) {
        throw new ServiceNowError('fatal', `instance name must match ${String(IDENTIFIER_PATTERN)}`)
    }
    return new TableApiGateway(client, opts)
}

/** How many users' display names the gateway remembers for Teams cards. */
const MAX_DISPLAY_NAMES = 1000

class TableApiGateway implements ServiceNowGateway {
    /** Heartbeat row sys_id per executor name (found or created once). */
    private readonly heartbeatRows = new Map<string, string>()
    /** Display names from the gate facts read (bounded: the oldest are forgotten first). */
    private readonly displayNames = new Map<string, string>()
    /** The integration user's session time zone ('' unknown to the app), once learned. */
    private zone: string | undefined
    private zoneRetryAt = -Infinity
    /** Reads sent in a claim's batch call, each used once within {@link READ_AHEAD_MS} (key → answer). */
    private readonly readAhead = new Map<string, { atMs: number; result: BatchSubResult }>()
    /** The head of a grant's chain as the gate last read it: where the write-back's first append links. */
    private readonly headHints = new Map<string, AuditAnchor>()

    constructor(
        private readonly client: ServiceNowClient,
        private readonly opts: ServiceNowGatewayOptions,
    ) {}

    async listReadyActions(now: Date, limit: number): Promise<QueueAction[]> {
        return (await this.listPollActions(now, limit)).ready
    }

    async listExpiredLeases(now: Date, limit: number): Promise<QueueAction[]> {
        return (await this.listPollActions(now, limit)).expired
    }

    /**
     * ONE query per poll for both: ready actions whose not_before has passed (or is empty), and claimed actions
     * whose lease lapsed (or has none) — two blocks OR'ed with `^NQ`. Dates are compared on the UTC values the
     * Table API returns, never in the query alone: the instance may read a plain query date as UTC or in the
     * integration user's zone (query.ts whereDateAnyZone). The bound is widened only by what the integration
     * user's zone needs (learned once from the app's context API; none for UTC and zones west of it, 14 h when
     * unknown), so an idle poll reads the due rows and the in-flight ones, not every row due in the next 14 h.
     */
    async listPollActions(now: Date, limit: number): Promise<{ ready: QueueAction[]; expired: QueueAction[] }> {
        const widen = zoneWideningMs(await this.integrationZone(), now)
        const q = build(() =>
            query(TABLE.action)
                .eq(ACTION_FIELDS.state, 'ready')
                .whereDateAnyZone(ACTION_FIELDS.notBefore, '<=', now, widen)
                .or(ACTION_FIELDS.notBefore, 'ISEMPTY')
                .newQuery()
                .eq(ACTION_FIELDS.state, 'claimed')
                .whereDateAnyZone(ACTION_FIELDS.leaseUntil, '<', now, widen)
                .or(ACTION_FIELDS.leaseUntil, 'ISEMPTY')
                .orderBy(ACTION_FIELDS.priority)
                .orderBy(SYSTEM_FIELDS.createdOn)
                .build(),
        )
        const rows = (await this.client.list(TABLE.action, q, ACTION_READ)).map(parseAction)
        const t = now.getTime()
        const ready = rows
            .filter((a) => a.state === 'ready' && (a.notBefore === null || a.notBefore.getTime() <= t))
            .slice(0, limit)
        const expired = rows
            .filter((a) => a.state === 'claimed' && (a.leaseUntil === null || a.leaseUntil.getTime() < t))
            .sort((a, b) => (a.leaseUntil?.getTime() ?? 0) - (b.leaseUntil?.getTime() ?? 0))
            .slice(0, limit)
        return { ready, expired }
    }

    /** The integration user's session zone, read once from the app's context API (undefined: unknown). */
    private async integrationZone(): Promise<string | undefined> {
        if (this.zone !== undefined) return this.zone || undefined
        const now = this.opts.now().getTime()
        if (now < this.zoneRetryAt) return undefined
        try {
            const context = await this.getInstanceContext()
            this.zone = context.session.time_zone
        } catch {
            // Unknown until the next try: the full widening meanwhile (correct, just reads more).
            this.zoneRetryAt = now + 600_000
        }
        return this.zone || undefined
    }

    async getAction(sysId: string): Promise<QueueAction> {
        return parseAction(await this.client.get(TABLE.action, sysId, ACTION_READ))
    }

    async claimAction(action: QueueAction, owner: string, leaseUntil: Date): Promise<QueueAction> {
        if (owner !== this.opts.instanceName) {
            // The claim guard refuses claims in another name; catching it here names the bug.
            throw new ServiceNowError(
                'fatal',
                `claimAction: owner ${owner} is not this executor (${this.opts.instanceName})`,
            )
        }
        const body = {
            [ACTION_FIELDS.state]: 'claimed',
            [ACTION_FIELDS.leaseOwner]: owner,
            [ACTION_FIELDS.leaseUntil]: formatGlideDateTime(leaseUntil),
            [ACTION_FIELDS.attempts]: String(action.attempts + 1),
        }
        assertOnly(TABLE.action, body, EXECUTOR_WRITABLE[TABLE.action], 'write')
        const row = await this.claimWithReads(action, body)
        const claimed = hasAll(row, ACTION_READ) ? parseAction(row) : await this.getAction(action.sysId)
        if (claimed.leaseOwner !== owner || claimed.state !== 'claimed') {
            // The write was answered but did not stick (a field silently not written): somebody else's action.
            throw new ServiceNowError(
                'lost_claim',
                `Lost the claim on action ${action.sysId}: after the claim it is ${claimed.state} leased by ` +
                    `${claimed.leaseOwner || 'nobody'}`,
            )
        }
        return claimed
    }

    /**
     * The claim PATCH, and — in the same Batch API call, when the client has it — the reads the action's run makes
     * right after it: the grant (every type) and the gate's facts for a grant (route, audit events, app facts,
     * policies). They are read at the claim's moment and stand in for the direct reads only within
     * {@link READ_AHEAD_MS}, once each: the gate stays as fresh as reading them itself. A refused claim discards them.
     */
    private async claimWithReads(action: QueueAction, body: Record<string, string>): Promise<SnRecord> {
        const grant = action.grantSysId
        if (!this.client.batch || !isSysId(grant) || action.malformed) {
            return this.client.patch(TABLE.action, action.sysId, body)
        }
        const reads: { key: string; request: BatchSubRequest }[] = [
            { key: `grant:${grant}`, request: { op: 'get', table: TABLE.grant, sysId: grant, fields: GRANT_READ } },
        ]
        if (action.type === 'grant') {
            reads.push(
                { key: `route:${grant}`, request: { op: 'get', table: TABLE.grant, sysId: grant, fields: ROUTE_READ } },
                {
                    key: `events:${grant}`,
                    request: {
                        op: 'list',
                        table: TABLE.auditEvent,
                        query: this.gateEventsQuery(grant),
                        fields: GATE_EVENTS_READ,
                    },
                },
                { key: `facts:${grant}`, request: { op: 'getApi', path: this.gateFactsPath(grant) } },
                {
                    key: 'policies',
                    request: { op: 'list', table: TABLE.policy, query: this.policiesQuery(), fields: POLICY_READ },
                },
            )
        }
        const [claim, ...answers] = await this.client.batch([
            { op: 'patch', table: TABLE.action, sysId: action.sysId, values: body },
            ...reads.map((r) => r.request),
        ])
        if (!claim || !claim.ok) throw claim?.error ?? new ServiceNowError('retryable', 'claim not answered')
        const atMs = this.opts.now().getTime()
        for (const [i, r] of reads.entries()) {
            const result = answers[i]
            if (result?.ok) this.readAhead.set(r.key, { atMs, result })
        }
        return claim.record!
    }

    /** The answer of a read sent with the claim, if it is fresh and unused (then it is used up). */
    private takeReadAhead(key: string): BatchSubResult | undefined {
        const hit = this.readAhead.get(key)
        if (!hit) return undefined
        this.readAhead.delete(key)
        const age = this.opts.now().getTime() - hit.atMs
        // Stale entries of runs that never asked are dropped as they are found.
        for (const [k, v] of this.readAhead)
            if (this.opts.now().getTime() - v.atMs > READ_AHEAD_MS) this.readAhead.delete(k)
        return age >= 0 && age <= READ_AHEAD_MS ? hit.result : undefined
    }

    private gateEventsQuery(grantSysId: string) {
        return build(() =>
            query(TABLE.auditEvent).eq(AUDIT_FIELDS.grant, grantSysId).orderBy(AUDIT_FIELDS.sequence).build(),
        )
    }

    private policiesQuery() {
        return build(() => query(TABLE.policy).orderBy(POLICY_FIELDS.order).build())
    }

    private gateFactsPath(grantSysId: string): string {
        return EXECUTOR_API.basePath + EXECUTOR_API.gateFacts.replace('{grant_sys_id}', grantSysId)
    }

    /** The body of an action PATCH that is not a release (the claim guard names the writer by its lease_owner). */
    private actionPatchBody(patch: ActionPatch): Record<string, string> {
        const body: Record<string, string> = {}
        if (patch.state !== undefined) body[ACTION_FIELDS.state] = oneOf(patch.state, ACTION_STATES, 'state')
        if (patch.notBefore !== undefined) body[ACTION_FIELDS.notBefore] = dateOut(patch.notBefore)
        if (patch.attempts !== undefined) body[ACTION_FIELDS.attempts] = intOut(patch.attempts, 'attempts')
        if (patch.leaseUntil !== undefined) body[ACTION_FIELDS.leaseUntil] = dateOut(patch.leaseUntil)
        if (patch.lastError !== undefined) body[ACTION_FIELDS.lastError] = lastErrorColumn(patch.lastError)
        if (patch.result !== undefined) body[ACTION_FIELDS.result] = patch.result
        if (patch.completedAt !== undefined) body[ACTION_FIELDS.completedAt] = dateOut(patch.completedAt)
        if (patch.state === 'ready' && patch.leaseOwner === '') {
            throw new ServiceNowError('fatal', 'a release takes the lease protocol (updateAction), not one PATCH')
        }
        if (patch.leaseOwner !== undefined && patch.leaseOwner !== this.opts.instanceName) {
            throw new ServiceNowError(
                'fatal',
                `updateAction: lease_owner may only be this executor (${this.opts.instanceName}) or '' with ` +
                    `state=ready (release)`,
            )
        }
        body[ACTION_FIELDS.leaseOwner] = this.opts.instanceName
        assertOnly(TABLE.action, body, EXECUTOR_WRITABLE[TABLE.action], 'write')
        return body
    }

    async updateAction(sysId: string, patch: ActionPatch): Promise<void> {
        const body: Record<string, string> = {}
        if (patch.state !== undefined) body[ACTION_FIELDS.state] = oneOf(patch.state, ACTION_STATES, 'state')
        if (patch.notBefore !== undefined) body[ACTION_FIELDS.notBefore] = dateOut(patch.notBefore)
        if (patch.attempts !== undefined) body[ACTION_FIELDS.attempts] = intOut(patch.attempts, 'attempts')
        if (patch.leaseUntil !== undefined) body[ACTION_FIELDS.leaseUntil] = dateOut(patch.leaseUntil)
        if (patch.lastError !== undefined) body[ACTION_FIELDS.lastError] = lastErrorColumn(patch.lastError)
        if (patch.result !== undefined) body[ACTION_FIELDS.result] = patch.result
        if (patch.completedAt !== undefined) body[ACTION_FIELDS.completedAt] = dateOut(patch.completedAt)

        const isRelease = patch.state === 'ready' && patch.leaseOwner === ''
        if (isRelease) {
            body[ACTION_FIELDS.leaseOwner] = ''
            assertOnly(TABLE.action, body, EXECUTOR_WRITABLE[TABLE.action], 'write')
            // A holder's release of its own still-valid lease takes two writes (the lease protocol, leases.ts):
            // end the lease as the holder, with the rest of the patch, then return the action to the queue.
            const { [ACTION_FIELDS.state]: _state, ...rest } = body
            return releaseLease(
                {
                    release: () => this.client.patch(TABLE.action, sysId, body),
                    endOwnLease: (leaseUntil) =>
                        this.client.patch(TABLE.action, sysId, {
                            ...rest,
                            [ACTION_FIELDS.leaseOwner]: this.opts.instanceName,
                            [ACTION_FIELDS.leaseUntil]: dateOut(leaseUntil),
                        }),
                    requeue: () =>
                        this.client.patch(TABLE.action, sysId, {
                            [ACTION_FIELDS.state]: 'ready',
                            [ACTION_FIELDS.leaseOwner]: '',
                            [ACTION_FIELDS.leaseUntil]: '',
                        }),
                },
                this.opts.now,
            )
        } else {
            if (patch.leaseOwner !== undefined && patch.leaseOwner !== this.opts.instanceName) {
                throw new ServiceNowError(
                    'fatal',
                    `updateAction: lease_owner may only be this executor (${this.opts.instanceName}) or '' with ` +
                        `state=ready (release)`,
                )
            }
            // The claim guard identifies the writer by the lease_owner it sends.
            body[ACTION_FIELDS.leaseOwner] = this.opts.instanceName
        }
        assertOnly(TABLE.action, body, EXECUTOR_WRITABLE[TABLE.action], 'write')
        echoed(TABLE.action, sysId, body, await this.client.patch(TABLE.action, sysId, body))
    }

    async createAction(action: NewAction): Promise<QueueAction> {
        const body = createActionBody(action)
        const row = await this.client.create(TABLE.action, body)
        return hasAll(row, ACTION_READ) ? parseAction(row) : this.getAction(required(row, SYSTEM_FIELDS.sysId))
    }

    async listOpenActionsForGrant(grantSysId: string): Promise<QueueAction[]> {
        const q = build(() =>
            query(TABLE.action)
                .eq(ACTION_FIELDS.grant, grantSysId)
                .in(ACTION_FIELDS.state, OPEN_ACTION_STATES)
                .orderBy(ACTION_FIELDS.priority)
                .orderBy(SYSTEM_FIELDS.createdOn)
                .build(),
        )
        const rows = await this.client.list(TABLE.action, q, ACTION_READ)
        return rows.map(parseAction)
    }

    async getGrant(sysId: string): Promise<GrantRecord> {
        const ahead = this.takeReadAhead(`grant:${sysId}`)
        if (ahead?.record) return parseGrant(ahead.record)
        return parseGrant(await this.client.get(TABLE.grant, sysId, GRANT_READ))
    }

    async listUserGrants(
        userSysId: string,
        provider: ProviderName,
        states: readonly GrantState[],
        limit: number,
    ): Promise<GrantRecord[]> {
        if (!isSysId(userSysId)) throw new ServiceNowError('fatal', 'listUserGrants: user is not a sys_id')
        const q = build(() =>
            query(TABLE.grant)
                .eq(GRANT_FIELDS.requestedFor, userSysId)
                .eq(GRANT_FIELDS.provider, provider)
                .in(GRANT_FIELDS.state, states)
                .orderByDesc(SYSTEM_FIELDS.updatedOn)
                .build(),
        )
        const rows = await this.client.list(TABLE.grant, q, GRANT_READ, limit)
        return rows.map(parseGrant)
    }

    async listExpiringGrants(now: Date, withinMs: number): Promise<GrantRecord[]> {
        const until = new Date(now.getTime() + withinMs)
        const q = build(() =>
            query(TABLE.grant)
                .eq(GRANT_FIELDS.state, 'active')
                .whereDateAnyZone(GRANT_FIELDS.expiresAt, '<=', until)
                .orderBy(GRANT_FIELDS.expiresAt)
                .build(),
        )
        // The widened window is read whole; the exact bound is applied on the UTC values returned.
        const rows = await this.client.list(TABLE.grant, q, GRANT_READ)
        return rows
            .map(parseGrant)
            .filter((g) => g.expiresAt !== null && g.expiresAt > now && g.expiresAt.getTime() <= until.getTime())
    }

    async claimOnce(grantSysId: string, key: string, note: string): Promise<boolean> {
        const body = ticketUpdateBody({ kind: 'ritm_note', grantSysId, text: note }, key)
        assertOnly(TABLE.ticketUpdate, body, EXECUTOR_CREATABLE[TABLE.ticketUpdate], 'create')
        const mine = body[TICKET_UPDATE_FIELDS.text]
        const holder = async () => {
            const q = build(() => query(TABLE.ticketUpdate).eq(TICKET_UPDATE_FIELDS.idempotencyKey, key).build())
            const [row] = await this.client.list(
                TABLE.ticketUpdate,
                q,
                [SYSTEM_FIELDS.sysId, TICKET_UPDATE_FIELDS.idempotencyKey, TICKET_UPDATE_FIELDS.text],
                1,
            )
            return row ? (row[TICKET_UPDATE_FIELDS.text] ?? '') : undefined
        }
        const before = await holder()
        if (before !== undefined) return before === mine
        try {
            await this.client.create(TABLE.ticketUpdate, body)
            return true
        } catch (error) {
            // Refused because the key was taken meanwhile: the row says who holds the claim.
            if (error instanceof ServiceNowError && error.status === 403) {
                const raced = await holder()
                if (raced !== undefined) return raced === mine
            }
            throw error
        }
    }

    async updateGrant(sysId: string, patch: GrantPatch): Promise<void> {
        const body = grantPatchBody(patch)
        if (Object.keys(body).length === 0) return
        echoed(TABLE.grant, sysId, body, await this.client.patch(TABLE.grant, sysId, body))
    }

    async getApprovalRoute(grantSysId: string): Promise<string> {
        const row =
            this.takeReadAhead(`route:${grantSysId}`)?.record ??
            (await this.client.get(TABLE.grant, grantSysId, ROUTE_READ))
        return parsing(TABLE.grant, row, () => required(row, GRANT_FIELDS.policyDecision))
    }

    async listAuditEvents(grantSysId: string, eventTypes: readonly string[]): Promise<AuditEventRecord[]> {
        // event_type is free text, not an enumeration the query builder accepts: filtered here instead.
        const rows =
            this.takeReadAhead(`events:${grantSysId}`)?.records ??
            (await this.client.list(TABLE.auditEvent, this.gateEventsQuery(grantSysId), GATE_EVENTS_READ))
        // The whole chain was read: its last row is the head the write-back's first append links after (a hint:
        // the insert rule refuses it if the head moved meanwhile).
        const last = rows[rows.length - 1]
        const head = last
            ? { sequence: Number(last[AUDIT_FIELDS.sequence]), hash: last[AUDIT_FIELDS.hash] ?? '' }
            : undefined
        if (head && Number.isSafeInteger(head.sequence) && head.sequence > 0 && isSha256Hex(head.hash)) {
            this.headHints.delete(grantSysId)
            this.headHints.set(grantSysId, head)
            if (this.headHints.size > MAX_HEAD_HINTS)
                this.headHints.delete(this.headHints.keys().next().value as string)
        }
        return rows
            .filter((r) => eventTypes.includes(r[AUDIT_FIELDS.eventType] ?? ''))
            .map((r) =>
                parsing(TABLE.auditEvent, r, () => ({
                    sequence: int(r, AUDIT_FIELDS.sequence),
                    eventType: required(r, AUDIT_FIELDS.eventType),
                    actor: str(r, AUDIT_FIELDS.actor),
                    payload: payloadObject(required(r, AUDIT_FIELDS.payload)),
                })),
            )
    }

    async listPolicies(): Promise<Record<string, string>[]> {
        return (
            this.takeReadAhead('policies')?.records ??
            (await this.client.list(TABLE.policy, this.policiesQuery(), POLICY_READ))
        )
    }

    async gateFacts(grantSysId: string): Promise<GateFactsBundle> {
        if (!isSysId(grantSysId)) throw new ServiceNowError('fatal', 'gateFacts: grant is not a sys_id')
        const ahead = this.takeReadAhead(`facts:${grantSysId}`)
        const answer = ahead?.ok ? ahead.result : await this.client.getApi(this.gateFactsPath(grantSysId))
        const facts = parseGateFacts(answer, grantSysId)
        for (const u of facts.users.values()) {
            if (!u.displayName) continue
            this.displayNames.delete(u.sysId)
            this.displayNames.set(u.sysId, u.displayName)
            if (this.displayNames.size > MAX_DISPLAY_NAMES) {
                this.displayNames.delete(this.displayNames.keys().next().value as string)
            }
        }
        return facts
    }

    userDisplayName(userSysId: string): string | undefined {
        return this.displayNames.get(userSysId)
    }

    async claimApprovalNotices(instance: string): Promise<ApprovalNotice[]> {
        return parseApprovalNotices(
            await this.client.postApi(EXECUTOR_API.basePath + EXECUTOR_API.approvalNotices, { instance }),
        )
    }

    async getInstanceContext(): Promise<InstanceContext> {
        return parseInstanceContext(await this.client.getApi(EXECUTOR_API.basePath + EXECUTOR_API.context))
    }

    async requestTicketUpdate(update: TicketUpdate, idempotencyKey: string): Promise<TicketUpdateResult> {
        const body = ticketUpdateBody(update, idempotencyKey)
        assertOnly(TABLE.ticketUpdate, body, EXECUTOR_CREATABLE[TABLE.ticketUpdate], 'create')
        // No read first: the app refuses a second row with the same key (403), and only then is the earlier row
        // (an attempt whose answer was lost, another replica) read and answered — one call when nothing was done.
        let row: SnRecord
        try {
            row = await this.client.create(TABLE.ticketUpdate, body)
        } catch (error) {
            // Refused because the key was taken meanwhile (a concurrent attempt): that attempt's row is the answer.
            if (error instanceof ServiceNowError && error.status === 403) {
                const raced = await this.ticketUpdateByKey(body[TICKET_UPDATE_FIELDS.idempotencyKey]!)
                if (raced) return ticketUpdateResult(raced)
            }
            throw error
        }
        if (row[TICKET_UPDATE_FIELDS.state] === undefined || row[TICKET_UPDATE_FIELDS.state] === '') {
            // The create answer may predate the app's after rule: read the row back.
            row = await this.client.get(TABLE.ticketUpdate, sysId(row, SYSTEM_FIELDS.sysId), TICKET_UPDATE_READ)
        }
        return ticketUpdateResult(row)
    }

    private async ticketUpdateByKey(key: string): Promise<SnRecord | undefined> {
        const q = build(() => query(TABLE.ticketUpdate).eq(TICKET_UPDATE_FIELDS.idempotencyKey, key).build())
        const [row] = await this.client.list(TABLE.ticketUpdate, q, TICKET_UPDATE_READ, 1)
        return row
    }

    async appendAudit(
        event: AuditEventInput,
        knownHead?: AuditAnchor,
        options: { onlyAfterKnownHead?: boolean } = {},
    ): Promise<AuditAnchor> {
        const grant = event.grantSysId
        if (grant !== '' && !isSysId(grant)) throw new ServiceNowError('fatal', 'appendAudit: grant is not a sys_id')
        // The audit insert rule refuses an event that does not extend the current head (the app, another replica
        // or a concurrent append got there first): re-read the head and link after it; anything else is thrown.
        for (let attempt = 1; ; attempt++) {
            const head = attempt === 1 && knownHead ? knownHead : await this.auditHead(grant)
            const { body, sequence, hash } = auditLink(event, head ?? null, this.opts.auditKey)
            try {
                await this.client.create(TABLE.auditEvent, body)
                return { sequence, hash }
            } catch (error) {
                const refused = error instanceof ServiceNowError && error.status === 403
                if (!refused || attempt >= AUDIT_APPEND_ATTEMPTS) throw error
                if (options.onlyAfterKnownHead && knownHead) throw new AuditHeadMoved(grant, error)
                const now = await this.auditHead(grant)
                // Refused for another reason than a moved head (ACL, bad content): not ours to retry.
                if (now?.sequence === head?.sequence && now?.hash === head?.hash) throw error
            }
        }
    }

    async readAuditChain(grantSysId: string): Promise<Record<string, string>[]> {
        if (!isSysId(grantSysId)) throw new ServiceNowError('fatal', 'readAuditChain: grant is not a sys_id')
        const q = build(() =>
            query(TABLE.auditEvent).eq(AUDIT_FIELDS.grant, grantSysId).orderBy(AUDIT_FIELDS.sequence).build(),
        )
        return await this.client.list(TABLE.auditEvent, q, [
            SYSTEM_FIELDS.sysId,
            SYSTEM_FIELDS.createdBy,
            ...Object.values(AUDIT_FIELDS),
        ])
    }

    /** The head (highest sequence and its hash) of the audit chain of `grant` ('' = events about no grant). */
    private async auditHead(grant: string): Promise<AuditAnchor | null> {
        const q = build(() => {
            const b = query(TABLE.auditEvent)
            if (grant === '') b.where(AUDIT_FIELDS.grant, 'ISEMPTY')
            else b.eq(AUDIT_FIELDS.grant, grant)
            return b.orderByDesc(AUDIT_FIELDS.sequence).build()
        })
        const [last] = await this.client.list(TABLE.auditEvent, q, [AUDIT_FIELDS.sequence, AUDIT_FIELDS.hash], 1)
        if (!last) return null
        const sequence = parsing(TABLE.auditEvent, last, () => int(last, AUDIT_FIELDS.sequence))
        const hash = last[AUDIT_FIELDS.hash] ?? ''
        if (!isSha256Hex(hash)) {
            throw new ServiceNowError('fatal', `appendAudit: the last audit event of grant ${grant} has no valid hash`)
        }
        return { sequence, hash }
    }

    async writeBatch(writes: readonly BatchWrite[]): Promise<BatchWriteOutcome[]> {
        if (!this.client.batch) throw new ServiceNowError('fatal', 'writeBatch: the ServiceNow client has no batch()')
        if (writes.length > MAX_BATCH_REQUESTS) {
            throw new ServiceNowError('fatal', `writeBatch: ${writes.length} writes > ${MAX_BATCH_REQUESTS}`)
        }
        const outcomes: (BatchWriteOutcome | undefined)[] = writes.map(() => undefined)
        const sent: { index: number; request: BatchSubRequest; body: Record<string, string> }[] = []
        // The chain tip per grant as this batch extends it: an event links after the one before it in the batch.
        const tips = new Map<string, AuditAnchor | null>()
        const links = new Map<number, AuditAnchor>()
        for (const [index, w] of writes.entries()) {
            try {
                switch (w.kind) {
                    case 'grant_patch': {
                        const body = grantPatchBody(w.patch)
                        if (Object.keys(body).length === 0) {
                            outcomes[index] = { ok: true }
                            break
                        }
                        if (!isSysId(w.grantSysId)) throw new ServiceNowError('fatal', 'updateGrant: not a sys_id')
                        sent.push({
                            index,
                            body,
                            request: { op: 'patch', table: TABLE.grant, sysId: w.grantSysId, values: body },
                        })
                        break
                    }
                    case 'action_patch': {
                        const body = this.actionPatchBody(w.patch)
                        sent.push({
                            index,
                            body,
                            request: { op: 'patch', table: TABLE.action, sysId: w.actionSysId, values: body },
                        })
                        break
                    }
                    case 'ticket_update': {
                        const body = ticketUpdateBody(w.update, w.idempotencyKey)
                        assertOnly(TABLE.ticketUpdate, body, EXECUTOR_CREATABLE[TABLE.ticketUpdate], 'create')
                        sent.push({ index, body, request: { op: 'create', table: TABLE.ticketUpdate, values: body } })
                        break
                    }
                    case 'create_action': {
                        const body = createActionBody(w.action)
                        sent.push({ index, body, request: { op: 'create', table: TABLE.action, values: body } })
                        break
                    }
                    case 'audit': {
                        const grant = w.event.grantSysId
                        if (grant !== '' && !isSysId(grant))
                            throw new ServiceNowError('fatal', 'appendAudit: grant is not a sys_id')
                        let head: AuditAnchor | null | undefined = tips.has(grant) ? tips.get(grant) : w.knownHead
                        if (head === undefined) {
                            // No head known: the gate's read of this chain (a hint: a moved head is refused by the
                            // insert rule and the event goes the direct way), else read it now.
                            head = this.headHints.get(grant) ?? (await this.auditHead(grant))
                            this.headHints.delete(grant)
                        }
                        const link = auditLink(w.event, head, this.opts.auditKey)
                        tips.set(grant, { sequence: link.sequence, hash: link.hash })
                        links.set(index, { sequence: link.sequence, hash: link.hash })
                        sent.push({
                            index,
                            body: link.body,
                            request: { op: 'create', table: TABLE.auditEvent, values: link.body },
                        })
                        break
                    }
                }
            } catch (error) {
                // Not sendable (a validation refusal, or the head read failed): this write alone fails, as directly.
                outcomes[index] = { ok: false, error }
            }
        }
        const answers = sent.length > 0 ? await this.client.batch(sent.map((x) => x.request)) : []
        for (const [i, x] of sent.entries()) {
            const answer = answers[i]
            const w = writes[x.index]!
            if (!answer || !answer.ok) {
                outcomes[x.index] = { ok: false, error: answer?.error ?? new ServiceNowError('retryable', 'no answer') }
                continue
            }
            try {
                const row = answer.record!
                switch (w.kind) {
                    case 'grant_patch':
                        echoed(TABLE.grant, w.grantSysId, x.body, row)
                        outcomes[x.index] = { ok: true }
                        break
                    case 'action_patch':
                        echoed(TABLE.action, w.actionSysId, x.body, row)
                        outcomes[x.index] = { ok: true }
                        break
                    case 'ticket_update': {
                        const settled =
                            row[TICKET_UPDATE_FIELDS.state] === undefined || row[TICKET_UPDATE_FIELDS.state] === ''
                                ? await this.client.get(
                                      TABLE.ticketUpdate,
                                      sysId(row, SYSTEM_FIELDS.sysId),
                                      TICKET_UPDATE_READ,
                                  )
                                : row
                        outcomes[x.index] = { ok: true, ticket: ticketUpdateResult(settled) }
                        break
                    }
                    case 'create_action':
                        outcomes[x.index] = { ok: true, sysId: sysId(row, SYSTEM_FIELDS.sysId) }
                        break
                    case 'audit':
                        outcomes[x.index] = { ok: true, head: links.get(x.index)! }
                        break
                }
            } catch (error) {
                outcomes[x.index] = { ok: false, error }
            }
        }
        return outcomes.map(
            (o) => o ?? { ok: false, error: new ServiceNowError('fatal', 'writeBatch: write not handled') },
        )
    }

    async findAppendedAudit(event: AuditEventInput): Promise<AuditAnchor | undefined> {
        const grant = event.grantSysId
        const action = event.actionSysId ?? ''
        if (grant !== '' && !isSysId(grant))
            throw new ServiceNowError('fatal', 'findAppendedAudit: grant is not a sys_id')
        if (action !== '' && !isSysId(action))
            throw new ServiceNowError('fatal', 'findAppendedAudit: action is not a sys_id')
        // The events of the same action (or the last few of the grant for an event about no action): few rows.
        const q = build(() => {
            const b = query(TABLE.auditEvent)
            if (grant === '') b.where(AUDIT_FIELDS.grant, 'ISEMPTY')
            else b.eq(AUDIT_FIELDS.grant, grant)
            if (action === '') b.where(AUDIT_FIELDS.action, 'ISEMPTY')
            else b.eq(AUDIT_FIELDS.action, action)
            return b.orderByDesc(AUDIT_FIELDS.sequence).build()
        })
        const rows = await this.client.list(
            TABLE.auditEvent,
            q,
            [AUDIT_FIELDS.sequence, AUDIT_FIELDS.prevHash, AUDIT_FIELDS.hash],
            50,
        )
        for (const row of rows) {
            const sequence = Number(row[AUDIT_FIELDS.sequence])
            const prevHash = row[AUDIT_FIELDS.prevHash] ?? ''
            if (!Number.isSafeInteger(sequence) || sequence < 1 || !isSha256Hex(prevHash)) continue
            // The row this event would be after the row's own predecessor: the same hash means the same event.
            const link = auditLink(event, sequence === 1 ? null : { sequence: sequence - 1, hash: prevHash }, undefined)
            if (link.hash === row[AUDIT_FIELDS.hash]) return { sequence, hash: link.hash }
        }
        return undefined
    }

    async heartbeat(name: string, host: string, version: string, at: Date, claimed: boolean): Promise<void> {
        const values: Record<string, string> = {
            [EXECUTOR_FIELDS.host]: host,
            [EXECUTOR_FIELDS.version]: version,
            [EXECUTOR_FIELDS.lastPollAt]: formatGlideDateTime(at),
        }
        if (claimed) values[EXECUTOR_FIELDS.lastClaimAt] = formatGlideDateTime(at)
        assertOnly(TABLE.executor, values, EXECUTOR_WRITABLE[TABLE.executor], 'write')

        let rowId = this.heartbeatRows.get(name)
        if (rowId === undefined) {
            const q = build(() => query(TABLE.executor).eq(EXECUTOR_FIELDS.name, name).build())
            const [existing] = await this.client.list(TABLE.executor, q, [SYSTEM_FIELDS.sysId], 1)
            rowId = existing?.[SYSTEM_FIELDS.sysId]
        }
        if (rowId !== undefined) {
            try {
                await this.client.patch(TABLE.executor, rowId, values)
                this.heartbeatRows.set(name, rowId)
                return
            } catch (error) {
                // Row deleted under us (an admin cleaning up): create it again below.
                if (!(error instanceof ServiceNowError && error.kind === 'not_found')) throw error
                this.heartbeatRows.delete(name)
            }
        }
        const body = { [EXECUTOR_FIELDS.name]: name, ...values }
        assertOnly(TABLE.executor, body, EXECUTOR_CREATABLE[TABLE.executor], 'create')
        const created = await this.client.create(TABLE.executor, body)
        this.heartbeatRows.set(name, sysId(created, SYSTEM_FIELDS.sysId))
    }

    async ping(): Promise<void> {
        await this.client.ping()
    }
}

/** The body of a grant PATCH (the executor's write set only; an empty body writes nothing). */
function grantPatchBody(patch: GrantPatch): Record<string, string> {
    const body: Record<string, string> = {}
    if (patch.state !== undefined) body[GRANT_FIELDS.state] = oneOf(patch.state, GRANT_STATES, 'state')
    if (patch.grantedAt !== undefined) body[GRANT_FIELDS.grantedAt] = dateOut(patch.grantedAt)
    if (patch.expiresAt !== undefined) body[GRANT_FIELDS.expiresAt] = dateOut(patch.expiresAt)
    if (patch.revokedAt !== undefined) body[GRANT_FIELDS.revokedAt] = dateOut(patch.revokedAt)
    if (patch.providerTxnIds !== undefined) body[GRANT_FIELDS.providerTxnIds] = patch.providerTxnIds
    if (patch.executorInstance !== undefined) body[GRANT_FIELDS.executorInstance] = patch.executorInstance
    if (patch.lastError !== undefined) body[GRANT_FIELDS.lastError] = lastErrorColumn(patch.lastError)
    if (patch.evidence !== undefined) body[GRANT_FIELDS.evidence] = patch.evidence
    // Anything else a caller smuggles in (a wider object cast to GrantPatch) is refused, not dropped.
    for (const key of Object.keys(patch)) {
        if (!GRANT_PATCH_KEYS.has(key)) throw new ServiceNowError('fatal', `updateGrant: ${key} is not writable`)
    }
    assertOnly(TABLE.grant, body, EXECUTOR_WRITABLE[TABLE.grant], 'write')
    return body
}

/**
 * The audit event row that links `event` after `head` (null: the chain's first): sequence, prev_hash, the hash over
 * exactly what is stored, and the MAC when the executor has an audit key. Pure: the same event after the same head
 * always gives the same row (how a lost answer's row is found again, {@link ServiceNowGateway.findAppendedAudit}).
 */
export function auditLink(
    event: AuditEventInput,
    head: AuditAnchor | null,
    auditKey: string | undefined,
): { body: Record<string, string>; sequence: number; hash: string } {
    const grant = event.grantSysId
    const action = event.actionSysId ?? ''
    if (grant !== '' && !isSysId(grant)) throw new ServiceNowError('fatal', 'appendAudit: grant is not a sys_id')
    if (action !== '' && !isSysId(action)) throw new ServiceNowError('fatal', 'appendAudit: action is not a sys_id')
    // Stored at whole seconds (glide_date_time), so hash the ISO form a verifier will rebuild from the record.
    const occurredAt = new Date(Math.floor(event.occurredAt.getTime() / 1000) * 1000)
    // Redacted, then stored canonically; the hash covers exactly what is stored.
    const payloadText = canonicalJson(redact(event.payload))
    const sequence = head ? head.sequence + 1 : 1
    const prevHash = head ? head.hash : GENESIS_HASH
    const hash = auditHash(prevHash, {
        grant,
        action,
        sequence,
        eventType: event.eventType,
        actor: event.actor,
        occurredAt: occurredAt.toISOString(),
        payload: JSON.parse(payloadText) as unknown,
    })
    const body = {
        [AUDIT_FIELDS.grant]: grant,
        [AUDIT_FIELDS.action]: action,
        [AUDIT_FIELDS.sequence]: String(sequence),
        [AUDIT_FIELDS.eventType]: event.eventType,
        [AUDIT_FIELDS.actor]: event.actor,
        [AUDIT_FIELDS.occurredAt]: formatGlideDateTime(occurredAt),
        [AUDIT_FIELDS.payload]: payloadText,
        [AUDIT_FIELDS.prevHash]: prevHash,
        [AUDIT_FIELDS.hash]: hash,
        [AUDIT_FIELDS.mac]: auditKey ? auditMac(auditKey, hash) : '',
    }
    assertOnly(TABLE.auditEvent, body, EXECUTOR_CREATABLE[TABLE.auditEvent], 'create')
    return { body, sequence, hash }
}

/** The body of a new queue action (the executor's create set only). */
function createActionBody(action: NewAction): Record<string, string> {
    if (!isSysId(action.grantSysId)) throw new ServiceNowError('fatal', 'createAction: grant is not a sys_id')
    const body = {
        [ACTION_FIELDS.grant]: action.grantSysId,
        [ACTION_FIELDS.type]: oneOf(action.type, ACTION_TYPES, 'type'),
        [ACTION_FIELDS.state]: 'ready',
        [ACTION_FIELDS.priority]: intOut(action.priority, 'priority'),
        [ACTION_FIELDS.notBefore]: formatGlideDateTime(action.notBefore),
        [ACTION_FIELDS.maxAttempts]: intOut(action.maxAttempts, 'maxAttempts'),
        [ACTION_FIELDS.idempotencyKey]: action.idempotencyKey,
        [ACTION_FIELDS.reason]: action.reason,
    }
    assertOnly(TABLE.action, body, EXECUTOR_CREATABLE[TABLE.action], 'create')
    return body
}

const GRANT_PATCH_KEYS = new Set([
    'state',
    'grantedAt',
    'expiresAt',
    'revokedAt',
    'providerTxnIds',
    'executorInstance',
    'lastError',
    'evidence',
])

/** Throws (before any call) when `body` names a field outside `allowed`: the executor's writable set. */
export function assertOnly(
    table: string,
    body: Record<string, string>,
    allowed: readonly string[],
    operation: 'write' | 'create',
): void {
    const extra = Object.keys(body).filter((f) => !allowed.includes(f))
    if (extra.length > 0) {
        throw new ServiceNowError(
            'fatal',
            `refusing to ${operation} ${extra.join(', ')} on ${table}: not in the executor's ${operation} set`,
        )
    }
}

/**
 * Parse an action record ALONE: a row whose own values are malformed (shared/src/state-machine.ts
 * `actionRowProblems`: empty or non-integer priority / max_attempts, an unknown type or state, a grant that is not
 * a sys_id, a date that is not a date) is returned with `malformed` naming every problem, and neutral values in
 * the fields it got wrong (never used to run anything: the worker marks such a row dead with its reason, on the
 * action, the grant and its ticket, and makes no provider call). Refusing it here would fail the whole poll, so
 * one bad row would stop every grant and revoke behind it.
 *
 * Still fatal (the whole read fails, loudly): a field missing from the answer (a read ACL hides it — a deployment
 * error that concerns every row, not one) and a sys_id that is not one (no instance stores that).
 */
export function parseAction(r: SnRecord): QueueAction {
    return parsing(TABLE.action, r, () => {
        const raw = {
            grant: r[ACTION_FIELDS.grant] ?? '',
            type: required(r, ACTION_FIELDS.type),
            state: required(r, ACTION_FIELDS.state),
            priority: required(r, ACTION_FIELDS.priority),
            attempts: r[ACTION_FIELDS.attempts] ?? '',
            maxAttempts: required(r, ACTION_FIELDS.maxAttempts),
        }
        const problems = actionRowProblems(raw)
        const softDate = (field: string): Date | null => {
            try {
                return date(r, field)
            } catch (error) {
                problems.push((error as Error).message)
                return null
            }
        }
        const notBefore = softDate(ACTION_FIELDS.notBefore)
        const leaseUntil = softDate(ACTION_FIELDS.leaseUntil)
        const createdOn = softDate(SYSTEM_FIELDS.createdOn)
        if (createdOn === null && !problems.some((p) => p.includes(SYSTEM_FIELDS.createdOn))) {
            problems.push(`field ${SYSTEM_FIELDS.createdOn} is empty`)
        }
        const whole = (v: string, fallback: number): number => (/^\d+$/.test(v) ? Number(v) : fallback)
        return {
            sysId: sysId(r, SYSTEM_FIELDS.sysId),
            number: str(r, ACTION_FIELDS.number),
            grantSysId: isSysId(raw.grant) ? raw.grant : '',
            type: raw.type as ActionType,
            state: raw.state as ActionState,
            // A malformed priority sorts last; it never runs anyway.
            priority: whole(raw.priority, Number.MAX_SAFE_INTEGER),
            notBefore,
            attempts: whole(raw.attempts, 0),
            maxAttempts: whole(raw.maxAttempts, 1),
            leaseOwner: str(r, ACTION_FIELDS.leaseOwner),
            leaseUntil,
            idempotencyKey: str(r, ACTION_FIELDS.idempotencyKey),
            reason: str(r, ACTION_FIELDS.reason),
            lastError: str(r, ACTION_FIELDS.lastError),
            result: str(r, ACTION_FIELDS.result),
            createdOn: createdOn ?? new Date(0),
            ...(problems.length > 0 ? { malformed: problems.join('; ') } : {}),
        }
    })
}

/** Parse a grant record. */
export function parseGrant(r: SnRecord): GrantRecord {
    return parsing(TABLE.grant, r, () => ({
        sysId: sysId(r, SYSTEM_FIELDS.sysId),
        number: str(r, GRANT_FIELDS.number),
        state: oneOf(required(r, GRANT_FIELDS.state), GRANT_STATES, GRANT_FIELDS.state) as GrantState,
        requestedFor: ref(r, GRANT_FIELDS.requestedFor),
        openedBy: ref(r, GRANT_FIELDS.openedBy),
        targetKind: required(r, GRANT_FIELDS.targetKind),
        provider: str(r, GRANT_FIELDS.provider),
        targetCi: ref(r, GRANT_FIELDS.targetCi),
        targetRoleId: str(r, GRANT_FIELDS.targetRoleId),
        targetRoleName: str(r, GRANT_FIELDS.targetRoleName),
        targetGroupId: str(r, GRANT_FIELDS.targetGroupId),
        targetAccount: str(r, GRANT_FIELDS.targetAccount),
        requestedDuration: int(r, GRANT_FIELDS.requestedDuration),
        approvedDuration: int(r, GRANT_FIELDS.approvedDuration, 0),
        justification: str(r, GRANT_FIELDS.justification),
        ritm: ref(r, GRANT_FIELDS.ritm),
        incident: ref(r, GRANT_FIELDS.incident),
        change: ref(r, GRANT_FIELDS.change),
        emergency: bool(r, GRANT_FIELDS.emergency),
        plan: required(r, GRANT_FIELDS.plan),
        planDigest: required(r, GRANT_FIELDS.planDigest),
        approvalSummary: str(r, GRANT_FIELDS.approvalSummary),
        approvedAt: date(r, GRANT_FIELDS.approvedAt),
        grantedAt: date(r, GRANT_FIELDS.grantedAt),
        expiresAt: date(r, GRANT_FIELDS.expiresAt),
        revokedAt: date(r, GRANT_FIELDS.revokedAt),
        revokeReason: str(r, GRANT_FIELDS.revokeReason),
        providerTxnIds: str(r, GRANT_FIELDS.providerTxnIds),
        executorInstance: str(r, GRANT_FIELDS.executorInstance),
        lastError: str(r, GRANT_FIELDS.lastError),
        evidence: str(r, GRANT_FIELDS.evidence),
    }))
}

// ---- parsing helpers: the Table API sends strings; anything malformed is fatal and names its field ----

class FieldError extends Error {}

function parsing<T>(table: string, r: SnRecord, fn: () => T): T {
    try {
        return fn()
    } catch (error) {
        if (error instanceof FieldError || error instanceof QueryBuildError) {
            const id = isSysId(r[SYSTEM_FIELDS.sysId]) ? ` ${r[SYSTEM_FIELDS.sysId]}` : ''
            throw new ServiceNowError('fatal', `Unreadable ${table} record${id}: ${error.message}`, { cause: error })
        }
        throw error
    }
}

/** A field that must be present (a field left out means a read ACL hides it: fail secure). */
function required(r: SnRecord, field: string): string {
    const v = r[field]
    if (v === undefined) throw new FieldError(`field ${field} is missing (hidden by a read ACL?)`)
    return v
}

/** An optional text field; '' when absent. */
function str(r: SnRecord, field: string): string {
    return r[field] ?? ''
}

/** A reference: '' or a sys_id. */
function ref(r: SnRecord, field: string): string {
    const v = r[field] ?? ''
    if (v !== '' && !isSysId(v)) throw new FieldError(`field ${field} is not a sys_id`)
    return v
}

function sysId(r: SnRecord, field: string): string {
    const v = required(r, field)
    if (!isSysId(v)) throw new FieldError(`field ${field} is not a sys_id`)
    return v
}

function int(r: SnRecord, field: string, fallback?: number): number {
    const v = r[field]
    if ((v === undefined || v === '') && fallback !== undefined) return fallback
    if (v === undefined) throw new FieldError(`field ${field} is missing (hidden by a read ACL?)`)
    // The Table API may format integers with grouping separators ("1,000") for display; raw values have none.
    if (!/^-?\d+$/.test(v)) throw new FieldError(`field ${field} is not an integer: ${JSON.stringify(v.slice(0, 20))}`)
    return Number.parseInt(v, 10)
}

/** A true/false field through the one shared reading (either spelling); empty is false, anything else an error. */
function bool(r: SnRecord, field: string): boolean {
    const v = r[field] ?? ''
    if (v === '') return false
    const parsed = parseBooleanField(v)
    if (parsed === null) throw new FieldError(`field ${field} is not a boolean: ${JSON.stringify(v.slice(0, 20))}`)
    return parsed
}

/** An audit payload: a JSON object, else {} (a payload that does not parse proves nothing). */
function payloadObject(text: string): Record<string, unknown> {
    try {
        const v: unknown = JSON.parse(text)
        return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
    } catch {
        return {}
    }
}

function date(r: SnRecord, field: string): Date | null {
    const v = r[field] ?? ''
    try {
        return parseGlideDateTime(v)
    } catch {
        throw new FieldError(`field ${field} is not a date-time: ${JSON.stringify(v.slice(0, 30))}`)
    }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
    if (!(allowed as readonly string[]).includes(value)) {
        throw new ServiceNowError(
            'fatal',
            `${field} ${JSON.stringify(value.slice(0, 40))} is not one of ${allowed.join(', ')}`,
        )
    }
    return value as T
}

/**
 * The PATCH answer (the whole record as the caller may read it) must hold every field written: the Table API
 * drops fields a table does not have without an error, so a field missing here was never stored. Loud.
 */
function echoed(table: string, sysId: string, body: Record<string, string>, row: SnRecord): void {
    const missing = Object.keys(body).filter((f) => !(f in row))
    if (missing.length === 0) return
    throw new ServiceNowError(
        'fatal',
        `ServiceNow dropped field(s) ${missing.join(', ')} written to ${table} ${sysId}: the instance's table lacks ` +
            'them (app older than this executor) or the integration user cannot read them',
        { method: 'PATCH', path: `/api/now/table/${table}/${sysId}`, missingFields: missing },
    )
}

function hasAll(r: SnRecord, fields: readonly string[]): boolean {
    return fields.every((f) => r[f] !== undefined)
}

function dateOut(value: Date | null): string {
    return value === null ? '' : formatGlideDateTime(value)
}

function intOut(value: number, field: string): string {
    if (!Number.isSafeInteger(value)) throw new ServiceNowError('fatal', `${field} must be an integer`)
    return String(value)
}

/** last_error text: redacted and cut to the column's length. */
function lastErrorColumn(text: string): string {
    return redactString(text).slice(0, LAST_ERROR_MAX)
}

function build<T>(fn: () => T): T {
    try {
        return fn()
    } catch (error) {
        if (error instanceof QueryBuildError) {
            throw new ServiceNowError('fatal', `Refusing to build a ServiceNow query: ${error.message}`, {
                cause: error,
            })
        }
        throw error
    }
}
