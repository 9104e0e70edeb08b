/**
 * The `epm` provider: device local admin through BeyondTrust EPM-WM Just-in-Time Admin access
 * (`shared/contracts/beyondtrust-epm.md`, `docs/epm.md`).
 *
 * - Grant: resolve the plan's device to exactly one EPM computer (Authorised, connected recently), make sure the
 *   user has no other open request (EPM allows one per user), then create an already-approved admin access request
 *   on the user's behalf — duration in seconds (300–86400), the justification, the RITM number and link as the
 *   ticket, our idempotency key in the reason — read it back, and pin the duration through the decision call
 *   (documented in seconds) when the read-back differs. The EPM request id is the transaction id.
 * - Revoke: set the request's decision to Denied with the reason, and read it back. A request already Denied or
 *   past its end is "already absent", with the request as evidence. EPM also ends the session on its own at expiry
 *   (native expiry: the user is logged off); the executor's revoke is the second clock.
 * - Extend (an approved extension, shared/src/extend.ts): read the live request; re-approve it through the decision
 *   call with the seconds from now to the new end (a decision's duration runs from its own time, as `sessionEnd`
 *   reads it), then read it back: it must end at the new end. Already there → done without a call (a lost answer's
 *   retry); ended → fatal `access_ended`; EPM refusing (409) or ignoring the new duration → fatal `extend_refused`,
 *   nothing changed (the session ends at its old end). Never a second request: EPM allows one open request per user.
 * - Verify: read the request; once the session is over, read EPM's events for the session's window and attach the
 *   activity summary (activity.ts). The executor's delayed verify re-reads them and reports late events.
 */
import { formatTime, type ExecutionPlan } from '@gbg/shared'
import { nullLogger } from '../../log'
import type { Logger } from '../../ports'
import { URL_RULE, isAllowedUrl } from '../../url-policy'
import {
    ACCESS_ENDED_CODE,
    ProviderError,
    type AuditedCall,
    type ExtendResult,
    type GrantResult,
    type Provider,
    type ProviderCallContext,
    type ProviderDescription,
    type RevokeResult,
    type VerifyResult,
} from '../types'
import { eventsOf, sessionEvents, summarise, type ActivitySummary, type SessionEvent } from './activity'
import { EpmClient, type EpmClientConfig } from './client'
import { computerRefused, declined, notUnderstood, oneOpenRequest } from './errors'
import {
    HOST_NAME_PATTERN,
    IDEMPOTENCY_KEY_PATTERN,
    KEY_MARKER,
    UUID_PATTERN,
    accessRequestSchema,
    computerSchema,
    createdId,
    getOneSchema,
    isActive,
    isOpen,
    keyInReason,
    pageOf,
    requestEvidence,
    sessionEnd,
    type AccessRequest,
    type Computer,
} from './wire'

/** Prefix of the transaction id entry that carries the idempotency key. */
export const IDEMPOTENCY_TXN_PREFIX = 'idempotency-key:'
/** EPM's session bounds in seconds (5 min – 24 h). */
export const SESSION_SECONDS = { min: 300, max: 86_400 } as const

/** Where the decision call lives: the path is unconfirmed [U]; `{id}` is replaced by the request's uuid. */
export const DEFAULT_DECISION_PATH = '/management-api/v2/AdminAccessRequest/decision'
const API = '/management-api'
const PAGE_SIZE = 200
const MAX_COMPUTER_PAGES = 25
const MAX_REQUEST_PAGES = 5
const EVENT_RECORD_SIZE = 1000
const MAX_EVENT_PAGES = 20
/** Slack between the planned duration and what EPM reports before the provider pins it again. */
const DURATION_TOLERANCE_S = 1
/**
 * A session our clock says ended less than this long ago is still ended explicitly by a revoke: EPM's clock decides
 * when it ends, and ours may run ahead of EPM's (docs/simulation.md finding 8). Denying a request that has really
 * ended is harmless (EPM answers 409 or 200 without effect).
 */
export const ENDED_SESSION_MARGIN_MS = 60_000

/** Configuration of the EPM provider. */
export interface EpmProviderConfig extends EpmClientConfig {
    /** Decision call path. @defaultValue {@link DEFAULT_DECISION_PATH} */
    decisionPath?: string
    /** A computer must have connected within this many minutes. @defaultValue 1440 */
    computerMaxAgeMinutes?: number
    /** Name recorded as the approver (decisionPerformedByUser). @defaultValue 'ServiceNow break-glass' */
    decidedBy?: string
    /** ServiceNow instance URL, for the ticket link (`ticketUrl`). */
    ticketBaseUrl?: string
    /** External system id sent as `systemId`. @defaultValue 'ServiceNow' */
    systemId?: string
}

/** Dependencies of the EPM provider. */
export interface EpmProviderDeps {
    now?: () => Date
    logger?: Logger
}

interface Found {
    request?: AccessRequest
    calls: AuditedCall[]
    source: string
}

/** The EPM provider (see the module comment). */
export class EpmProvider implements Provider {
    readonly name = 'epm'
    readonly client: EpmClient
    private readonly now: () => Date
    private readonly logger: Logger
    private readonly decisionPath: string
    private readonly maxAgeMs: number
    private readonly decidedBy: string
    private readonly ticketBaseUrl: string
    private readonly systemId: string

    constructor(config: EpmProviderConfig, deps: EpmProviderDeps = {}) {
        let url: URL
        try {
            url = new URL(config.baseUrl)
        } catch {
            throw new Error('epm provider: baseUrl is not a valid URL')
        }
        if (!isAllowedUrl(url)) throw new Error(`epm provider: baseUrl ${URL_RULE}`)
        if (url.username || url.password || url.search || url.hash || url.pathname.replace(/\/+$/, '') !== '') {
            throw new Error('epm provider: baseUrl must be the tenant origin only (no path, credentials or query)')
        }
        if (config.tokenUrl !== undefined) {
            let token: URL
            try {
                token = new URL(config.tokenUrl)
            } catch {
                throw new Error('epm provider: tokenUrl is not a valid URL')
            }
            if (!isAllowedUrl(token)) throw new Error(`epm provider: tokenUrl ${URL_RULE}`)
        }
        if (!config.clientId) throw new Error('epm provider: clientId is required')
        if (!config.clientSecret) throw new Error('epm provider: clientSecret is required')
        const decisionPath = config.decisionPath ?? DEFAULT_DECISION_PATH
        if (!/^\/[A-Za-z0-9/_.{}-]{1,200}$/.test(decisionPath) || decisionPath.replace('{id}', '').includes('{')) {
            throw new Error('epm provider: decisionPath must be an absolute path, optionally with one {id}')
        }
        this.decisionPath = decisionPath
        this.now = deps.now ?? (() => new Date())
        this.logger = deps.logger ?? nullLogger
        this.maxAgeMs = (config.computerMaxAgeMinutes ?? 1440) * 60_000
        this.decidedBy = (config.decidedBy ?? 'ServiceNow break-glass').slice(0, 100)
        this.ticketBaseUrl = (config.ticketBaseUrl ?? '').replace(/\/+$/, '')
        this.systemId = (config.systemId ?? 'ServiceNow').slice(0, 100)
        this.client = new EpmClient(config, this.now, this.logger)
    }

    describe(): ProviderDescription {
        return { name: this.name, baseUrl: this.client.baseUrl, nativeExpiry: true }
    }

    async health(): Promise<void> {
        const query = new URLSearchParams({ 'Pagination.PageSize': '1', 'Pagination.PageNumber': '1' })
        const answer = await this.client.request('health', 'GET', `${API}/v3/Computers?${query}`, undefined)
        this.client.expect('health', answer)
        if (!pageOf(computerSchema).safeParse(answer.json).success) throw notUnderstood('health', 'computer page')
    }

    async grant(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<GrantResult> {
        const hostName = this.checkPlan(plan, 'grant')
        const key = checkKey(ctx.idempotencyKey)
        const seconds = plan.durationMinutes * 60
        if (seconds < SESSION_SECONDS.min || seconds > SESSION_SECONDS.max) {
            throw new ProviderError(
                'fatal',
                `epm grant: EPM sessions last 5 minutes to 24 hours; the plan asks ${plan.durationMinutes} minutes`,
                'duration_out_of_range',
            )
        }
        const calls: AuditedCall[] = []
        const computer = await this.resolveComputer(hostName, calls, ctx.signal)
        // Duplicate protection and EPM's one-open-request-per-user rule, before anything is created.
        const mine = await this.requestsOfUser(plan.principal.userName, calls, ctx.signal)
        const now = this.now()
        const ticketId = plan.tickets.ritm || plan.grantNumber
        const ours = mine.find((r) => keyInReason(r.reason) === key)
        if (ours) {
            // Ours = our key in the reason AND our ticket on the request AND the plan's computer: a request someone
            // typed our key into from the endpoint app is not taken for ours.
            if (ours.computerId.toLowerCase() !== computer.id.toLowerCase() || ours.ticketId !== ticketId) {
                throw new ProviderError(
                    'fatal',
                    `epm grant: request ${ours.id} carries this grant's key but not its computer (${hostName}) and ticket ` +
                        `(${ticketId}); refusing to treat it as ours`,
                    'computer_mismatch',
                )
            }
            if (!isOpen(ours, now)) {
                throw new ProviderError(
                    'fatal',
                    `epm grant: the request made earlier under this key (${ours.id}) has ended (${ours.decision}); ` +
                        'a new grant needs a new action',
                    'grant_ended',
                )
            }
            const settled = await this.settle(ours, seconds, calls, ctx.signal)
            return this.grantResult(settled, key, calls, true, computer)
        }
        const other = mine.find((r) => isOpen(r, now))
        if (other) {
            throw oneOpenRequest(
                'grant',
                `request ${other.id}, ${other.decision}, created ${formatTime(other.createdOn)}`,
                {
                    openRequestId: other.id,
                },
            )
        }
        const body: Record<string, unknown> = {
            computerId: computer.id,
            duration: String(seconds),
            userId: null,
            userName: plan.principal.userName,
            reason: `${plan.justification.slice(0, 400)} (${plan.grantNumber}; ${KEY_MARKER}${key})`,
            systemId: this.systemId,
            ticketId,
            ticketUrl: this.ticketUrl(plan),
            decision: 'Approved',
            decisionPerformedByUser: this.decidedBy,
            decisionTime: now.toISOString(),
            message: `Approved in ServiceNow (${ticketId}, ${plan.grantNumber})`,
        }
        const answer = await this.client.request('create', 'POST', `${API}/v3/AdminAccessRequest`, body, ctx.signal)
        calls.push(answer.call)
        this.client.expect('create', answer)
        let id = createdId(answer.json)
        if (!id) {
            // The 200 body is unconfirmed: find what we created by our key.
            const again = await this.requestsOfUser(plan.principal.userName, calls, ctx.signal)
            id = again.find((r) => keyInReason(r.reason) === key)?.id
            if (!id) throw notUnderstood('create', 'no request id in the answer and none found under our key')
        }
        const read = await this.getById(id, ctx.signal)
        calls.push(...read.calls)
        if (!read.request) throw notUnderstood('create', `created request ${id} cannot be read back`)
        const settled = await this.settle(read.request, seconds, calls, ctx.signal)
        return this.grantResult(settled, key, calls, false, computer)
    }

    async extend(plan: ExecutionPlan, to: Date, ctx: ProviderCallContext): Promise<ExtendResult> {
        this.checkPlan(plan, 'extend')
        const key = checkKey(ctx.idempotencyKey)
        if (!ctx.txnIds || ctx.txnIds.length === 0) {
            throw new ProviderError(
                'fatal',
                'epm extend: the grant has no recorded EPM request; nothing was extended',
                'bad_txn_id',
            )
        }
        const found = await this.find(plan, ctx)
        const calls = [...found.calls]
        const request = found.request
        const now = this.now()
        if (!request) {
            throw new ProviderError(
                'fatal',
                'epm extend: EPM has no request of this grant; nothing was extended',
                ACCESS_ENDED_CODE,
            )
        }
        this.checkPrincipal(request, plan, 'extend')
        if (!isActive(request, now)) {
            throw new ProviderError(
                'fatal',
                `epm extend: request ${request.id} is ${request.decision}${request.decision === 'Approved' ? `, ended ${formatTime(sessionEnd(request))}` : ''}: the session is over; nothing was extended`,
                ACCESS_ENDED_CODE,
                undefined,
                { request: requestEvidence(request, now) },
            )
        }
        const txnIds = [request.id, `${IDEMPOTENCY_TXN_PREFIX}${key}`]
        if (sessionEnd(request).getTime() >= to.getTime() - DURATION_TOLERANCE_S * 1000) {
            // Already at the new end: an earlier attempt whose answer was lost. No second decision.
            return this.extendResult(request, to, txnIds, calls, true)
        }
        const seconds = Math.ceil((to.getTime() - now.getTime()) / 1000)
        if (seconds < SESSION_SECONDS.min || seconds > SESSION_SECONDS.max) {
            throw new ProviderError(
                'fatal',
                `epm extend: EPM sessions last 5 minutes to 24 hours; the new end is ${seconds} s away; nothing was extended`,
                'duration_out_of_range',
            )
        }
        const answer = await this.decide(
            request,
            'Approved',
            seconds,
            `Extended in ServiceNow (${ctx.reference || plan.grantNumber}): the session now ends ${formatTime(to)}`,
            ctx.signal,
        )
        calls.push(answer.call)
        if (answer.status === 404) {
            throw new ProviderError(
                'fatal',
                `epm extend: request ${request.id} is gone from EPM; nothing was extended`,
                ACCESS_ENDED_CODE,
            )
        }
        if (answer.status === 409) {
            throw new ProviderError(
                'fatal',
                `epm extend: EPM refused to change the approved request ${request.id} (409); the session still ends ` +
                    `${formatTime(sessionEnd(request))}`,
                'extend_refused',
            )
        }
        if (answer.status !== 200) throw this.client.error('decide', answer)
        const back = await this.getById(request.id, ctx.signal)
        calls.push(...back.calls)
        const after = back.request
        if (!after || !isActive(after, this.now())) {
            throw new ProviderError(
                'fatal',
                `epm extend: request ${request.id} reads ${after ? after.decision : 'absent'} after the extension; the session has ended`,
                ACCESS_ENDED_CODE,
            )
        }
        if (sessionEnd(after).getTime() < to.getTime() - DURATION_TOLERANCE_S * 1000) {
            throw new ProviderError(
                'fatal',
                `epm extend: EPM accepted the decision but request ${request.id} still ends ${formatTime(sessionEnd(after))}, ` +
                    `not ${formatTime(to)}; nothing was extended`,
                'extend_refused',
                undefined,
                { request: requestEvidence(after, this.now()) },
            )
        }
        return this.extendResult(after, to, txnIds, calls, false)
    }

    private extendResult(
        request: AccessRequest,
        to: Date,
        txnIds: string[],
        calls: AuditedCall[],
        alreadyDone: boolean,
    ): ExtendResult {
        const end = sessionEnd(request)
        const longer = end.getTime() > to.getTime() + 60_000
        return {
            txnIds,
            expiresAt: longer ? to : end,
            nativeExpiry: !longer,
            alreadyDone,
            calls,
            notes: [
                `EPM JIT Admin session (request ${request.id}, the same session) re-approved until ${formatTime(end)}; ` +
                    'EPM warns the user 5 and 1 minutes before the new end. The device picks up the decision at its next check-in.' +
                    (longer ? ' EPM ends it later than approved: the executor ends it at the approved end.' : ''),
            ],
            evidence: { request: requestEvidence(request, this.now()) },
        }
    }

    async revoke(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<RevokeResult> {
        this.checkPlan(plan, 'revoke')
        const found = await this.find(plan, ctx)
        const calls = [...found.calls]
        const request = found.request
        if (!request) return { alreadyAbsent: true, calls, notes: ['No request of this grant exists in EPM.'] }
        this.checkPrincipal(request, plan, 'revoke')
        const now = this.now()
        // By our clock only: an Approved session that ended moments ago may still run on EPM's clock. End it.
        const maybeRunning =
            request.decision === 'Approved' && sessionEnd(request).getTime() > now.getTime() - ENDED_SESSION_MARGIN_MS
        if (!isOpen(request, now) && !maybeRunning) {
            return {
                alreadyAbsent: true,
                calls,
                notes: [alreadyEndedNote(request)],
                evidence: { request: requestEvidence(request, now), endedBy: endedBy(request, now) },
            }
        }
        const answer = await this.decide(request, 'Denied', request.duration, this.revokeMessage(plan), ctx.signal)
        calls.push(answer.call)
        if (answer.status !== 200 && answer.status !== 404 && answer.status !== 409)
            throw this.client.error('decide', answer)
        const back = await this.getById(request.id, ctx.signal)
        calls.push(...back.calls)
        if (back.request && isOpen(back.request, this.now())) {
            throw new ProviderError(
                'retryable',
                `epm revoke: EPM still shows request ${request.id} as ${back.request.decision} after the denial`,
                'still_open',
            )
        }
        const evidence = back.request
            ? { request: requestEvidence(back.request, this.now()) }
            : { requestId: request.id }
        if (answer.status !== 200) {
            // 404 / 409: the request was ended (or removed) by someone else meanwhile, or its session had run out
            // on EPM's clock: nothing left to do.
            return { alreadyAbsent: true, calls, notes: ['The session had already ended in EPM.'], evidence }
        }
        if (back.request && back.request.decision !== 'Denied') {
            // Accepted without effect: the session had already run out on EPM's clock.
            return {
                alreadyAbsent: true,
                calls,
                notes: [alreadyEndedNote(back.request)],
                evidence: { ...evidence, endedBy: endedBy(back.request, this.now()) },
            }
        }
        return { alreadyAbsent: false, calls, evidence }
    }

    async verify(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<VerifyResult> {
        this.checkPlan(plan, 'verify')
        const found = await this.find(plan, ctx)
        const calls = [...found.calls]
        const now = this.now()
        const request = found.request
        if (!request) {
            return {
                present: false,
                evidence: { source: found.source, checkedAt: now.toISOString(), found: false },
                calls,
            }
        }
        this.checkPrincipal(request, plan, 'verify')
        const active = isActive(request, now)
        const key = keyInReason(request.reason)
        const evidence: Record<string, unknown> = {
            source: found.source,
            checkedAt: now.toISOString(),
            ...requestEvidence(request, now),
            txnIds: key ? [request.id, `${IDEMPOTENCY_TXN_PREFIX}${key}`] : [request.id],
        }
        if (!active && request.decision !== 'Pending') {
            // The session is over: what was it used for? A Reporting failure never blocks the verification.
            try {
                const activity = await this.activity(request, calls, ctx.signal)
                evidence.activity = activity
                evidence.activitySummary = activity.text
            } catch (error) {
                if (!(error instanceof ProviderError)) throw error
                evidence.activity = { error: error.message, code: error.code ?? '' }
            }
        }
        return { present: active, expiresAt: sessionEnd(request), evidence, calls }
    }

    /** The session's events (window = creation to the end or the denial), summarised. */
    async activity(request: AccessRequest, calls: AuditedCall[], signal?: AbortSignal): Promise<ActivitySummary> {
        const now = this.now()
        const start = request.createdOn
        const naturalEnd = sessionEnd(request)
        const deniedAt = request.decision === 'Denied' ? (request.decisionTime ?? request.modifiedOn ?? now) : undefined
        const endMs = Math.min(
            naturalEnd.getTime(),
            deniedAt ? deniedAt.getTime() : naturalEnd.getTime(),
            now.getTime(),
        )
        const key = {
            requestId: request.id,
            ticketId: request.ticketId,
            start,
            end: new Date(Math.max(endMs, start.getTime())),
        }
        const events: SessionEvent[] = []
        let incomplete = false
        let from = start
        for (let page = 0; page < MAX_EVENT_PAGES; page += 1) {
            const query = new URLSearchParams({ StartDate: from.toISOString(), RecordSize: String(EVENT_RECORD_SIZE) })
            const answer = await this.client.request(
                'events',
                'GET',
                `${API}/v3/Events/FromStartDate?${query}`,
                undefined,
                signal,
            )
            calls.push({ ...answer.call, responseBody: undefined })
            this.client.expect('events', answer)
            const list = eventsOf(answer.json)
            if (!list) throw notUnderstood('events', 'no events array in the answer')
            events.push(...sessionEvents(list, key))
            if (list.length < EVENT_RECORD_SIZE) break
            // No end date: page forward on the ingestion time (inclusive, so de-duplicated by id). A full page
            // within one millisecond cannot be paged past without skipping: said so on the summary.
            const latest = latestIngested(list)
            if (!latest || latest.getTime() <= from.getTime()) {
                incomplete = true
                break
            }
            if (page === MAX_EVENT_PAGES - 1) incomplete = true
            from = latest
        }
        return { ...summarise(events, key, now), ...(incomplete ? { incomplete: true } : {}) }
    }

    /** The request of this grant: by the recorded id, else by our idempotency key. */
    private async find(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<Found> {
        const id = ctx.txnIds?.[0]
        const calls: AuditedCall[] = []
        if (id !== undefined && !id.startsWith(IDEMPOTENCY_TXN_PREFIX)) {
            if (!UUID_PATTERN.test(id)) {
                throw new ProviderError('fatal', 'epm: recorded transaction id is not an EPM request id', 'bad_txn_id')
            }
            const read = await this.getById(id, ctx.signal)
            calls.push(...read.calls)
            if (read.request) return { request: read.request, calls, source: 'GET /v2/AdminAccessRequest/{id}' }
        }
        const recorded = ctx.txnIds?.find((t) => t.startsWith(IDEMPOTENCY_TXN_PREFIX))
        const key = checkKey(recorded ? recorded.slice(IDEMPOTENCY_TXN_PREFIX.length) : ctx.idempotencyKey)
        const mine = await this.requestsOfUser(plan.principal.userName, calls, ctx.signal)
        const now = this.now()
        const ours = mine.filter((r) => keyInReason(r.reason) === key)
        const chosen = ours.find((r) => isOpen(r, now)) ?? ours[0]
        return { request: chosen, calls, source: 'GET /v3/AdminAccessRequest (by idempotency key)' }
    }

    /**
     * Makes `request` Approved with exactly `seconds`: a request born Pending (the approving fields ignored) or
     * with another duration (the create's unit is unconfirmed) gets the decision call, documented in seconds.
     * A request born Denied is EPM declining it (JIT disabled, another open request…): fatal with EPM's message.
     */
    private async settle(
        request: AccessRequest,
        seconds: number,
        calls: AuditedCall[],
        signal?: AbortSignal,
    ): Promise<AccessRequest> {
        if (request.decision === 'Denied' || request.decision === 'Expired' || request.decision === 'Ended') {
            throw declined('grant', request.message, { requestId: request.id, decision: request.decision })
        }
        if (request.decision === 'Approved' && Math.abs(request.duration - seconds) <= DURATION_TOLERANCE_S)
            return request
        this.logger.info('epm request needs its decision pinned', {
            decision: request.decision,
            duration: request.duration,
        })
        const answer = await this.decide(request, 'Approved', seconds, 'Approved in ServiceNow', signal)
        calls.push(answer.call)
        if (answer.status !== 200) throw this.client.error('decide', answer)
        const back = await this.getById(request.id, signal)
        calls.push(...back.calls)
        const now = back.request
        if (!now || now.decision !== 'Approved' || Math.abs(now.duration - seconds) > DURATION_TOLERANCE_S) {
            if (now && now.decision === 'Denied') throw declined('grant', now.message, { requestId: now.id })
            throw notUnderstood(
                'decide',
                `request ${request.id} reads ${now ? `${now.decision}, ${now.duration} s` : 'absent'} after approving ${seconds} s`,
            )
        }
        return now
    }

    private grantResult(
        request: AccessRequest,
        key: string,
        calls: AuditedCall[],
        alreadyDone: boolean,
        computer: Computer,
    ): GrantResult {
        const now = this.now()
        return {
            txnIds: [request.id, `${IDEMPOTENCY_TXN_PREFIX}${key}`],
            expiresAt: sessionEnd(request),
            nativeExpiry: true,
            alreadyDone,
            calls,
            notes: [
                `EPM JIT Admin session on ${computer.hostName} until ${formatTime(sessionEnd(request))}; EPM warns the ` +
                    'user 5 and 1 minutes before the end and logs them off at expiry. The device picks up the ' +
                    'decision at its next check-in.',
            ],
            evidence: {
                request: requestEvidence(request, now),
                computer: {
                    id: computer.id,
                    hostName: computer.hostName,
                    state: computer.state,
                    lastConnected: computer.lastConnected ? computer.lastConnected.toISOString() : null,
                },
            },
        }
    }

    /** The one EPM computer named `hostName`, Authorised and connected recently; anything else refuses. */
    private async resolveComputer(hostName: string, calls: AuditedCall[], signal?: AbortSignal): Promise<Computer> {
        const matches: Computer[] = []
        const schema = pageOf(computerSchema)
        let complete = false
        for (let page = 1; page <= MAX_COMPUTER_PAGES; page += 1) {
            const query = new URLSearchParams({
                'Filter.Host': hostName,
                'Pagination.PageSize': String(PAGE_SIZE),
                'Pagination.PageNumber': String(page),
                'Sorts[0].by': 'Created',
                'Sorts[0].order': 'asc',
            })
            const answer = await this.client.request(
                'computers',
                'GET',
                `${API}/v3/Computers?${query}`,
                undefined,
                signal,
            )
            calls.push({ ...answer.call, responseBody: undefined })
            this.client.expect('computers', answer)
            const parsed = schema.safeParse(answer.json)
            if (!parsed.success) throw notUnderstood('computers', 'computer page does not match')
            // The host filter's name and match mode are unconfirmed: keep exact (case-insensitive) matches only.
            for (const c of parsed.data.data) {
                if (c.hostName.toLowerCase() === hostName.toLowerCase() && !matches.some((m) => m.id === c.id))
                    matches.push(c)
            }
            if (page >= parsed.data.pageCount || parsed.data.data.length < PAGE_SIZE) {
                complete = true
                break
            }
        }
        if (!complete) {
            throw computerRefused(
                'computer_ambiguous',
                `EPM lists more than ${MAX_COMPUTER_PAGES * PAGE_SIZE} computers for host ${hostName}; the lookup ` +
                    'cannot be completed safely',
            )
        }
        if (matches.length === 0) {
            throw computerRefused(
                'computer_not_found',
                `no EPM computer is named ${hostName}; is the EPM agent installed?`,
            )
        }
        if (matches.length > 1) {
            throw computerRefused(
                'computer_ambiguous',
                `${matches.length} EPM computers are named ${hostName} (${matches.map((m) => m.id).join(', ')}); ` +
                    'remove the stale ones in EPM first',
                { computerIds: matches.map((m) => m.id) },
            )
        }
        const computer = matches[0]!
        if (computer.state.toLowerCase() !== 'authorised' && computer.state.toLowerCase() !== 'authorized') {
            throw computerRefused(
                'computer_not_authorised',
                `EPM computer ${hostName} is ${computer.state || 'of unknown state'}, not Authorised; authorise it in EPM first`,
                { computerId: computer.id },
            )
        }
        const age = computer.lastConnected ? this.now().getTime() - computer.lastConnected.getTime() : Infinity
        if (age > this.maxAgeMs) {
            throw computerRefused(
                'computer_offline',
                `EPM computer ${hostName} last connected ${computer.lastConnected ? formatTime(computer.lastConnected) : 'never'}` +
                    ` (more than ${Math.round(this.maxAgeMs / 60_000)} minutes ago); it would not pick up the session`,
                { computerId: computer.id },
            )
        }
        return computer
    }

    /** The user's requests (newest first), filtered client-side on the user name (filter names are unconfirmed). */
    private async requestsOfUser(
        userName: string,
        calls: AuditedCall[],
        signal?: AbortSignal,
    ): Promise<AccessRequest[]> {
        const out: AccessRequest[] = []
        const schema = pageOf(accessRequestSchema)
        for (let page = 1; page <= MAX_REQUEST_PAGES; page += 1) {
            const query = new URLSearchParams({
                'Filter.ComputerUserName': userName,
                'Pagination.PageSize': String(PAGE_SIZE),
                'Pagination.PageNumber': String(page),
                'Sorts[0].by': 'CreatedOn',
                'Sorts[0].order': 'desc',
            })
            const answer = await this.client.request(
                'list',
                'GET',
                `${API}/v3/AdminAccessRequest?${query}`,
                undefined,
                signal,
            )
            calls.push({ ...answer.call, responseBody: undefined })
            this.client.expect('list', answer)
            const parsed = schema.safeParse(answer.json)
            if (!parsed.success) throw notUnderstood('list', 'request page does not match')
            out.push(...parsed.data.data.filter((r) => r.userName.toLowerCase() === userName.toLowerCase()))
            if (page >= parsed.data.pageCount || parsed.data.data.length < PAGE_SIZE) break
        }
        return out
    }

    private async getById(
        id: string,
        signal?: AbortSignal,
    ): Promise<{ request?: AccessRequest; calls: AuditedCall[] }> {
        const answer = await this.client.request('get', 'GET', `${API}/v2/AdminAccessRequest/${id}`, undefined, signal)
        if (answer.status === 404) return { calls: [answer.call] }
        this.client.expect('get', answer)
        const parsed = getOneSchema.safeParse(answer.json)
        if (!parsed.success) throw notUnderstood('get', 'request does not match')
        const request = parsed.data.find((r) => r.id.toLowerCase() === id.toLowerCase())
        return { request, calls: [answer.call] }
    }

    private decide(
        request: AccessRequest,
        decision: 'Approved' | 'Denied',
        seconds: number,
        message: string,
        signal?: AbortSignal,
    ) {
        const body = {
            requestId: request.id,
            decision,
            duration: String(seconds),
            user: this.decidedBy,
            message: message.slice(0, 400),
        }
        return this.client.request('decide', 'POST', this.decisionPath.replace('{id}', request.id), body, signal)
    }

    private revokeMessage(plan: ExecutionPlan): string {
        return `Session ended by the break-glass executor: ${plan.grantNumber} revoked (approved window over or revoked early).`
    }

    private ticketUrl(plan: ExecutionPlan): string | null {
        if (!this.ticketBaseUrl) return null
        if (plan.tickets.ritm)
            return `${this.ticketBaseUrl}/nav_to.do?uri=sc_req_item.do%3Fsysparm_query%3Dnumber%3D${encodeURIComponent(plan.tickets.ritm)}`
        return `${this.ticketBaseUrl}/nav_to.do?uri=x_gbg_breakglass_grant.do%3Fsys_id%3D${encodeURIComponent(plan.grantSysId)}`
    }

    private checkPlan(plan: ExecutionPlan, op: 'grant' | 'revoke' | 'extend' | 'verify'): string {
        if (plan.provider !== this.name) {
            throw new ProviderError('fatal', `epm ${op}: plan names provider ${plan.provider}`, 'wrong_provider')
        }
        if (plan.target.kind !== 'device_local_admin') {
            throw new ProviderError(
                'fatal',
                `epm ${op}: target kind ${plan.target.kind} is not supported`,
                'bad_target',
            )
        }
        const host = plan.target.deviceName ?? ''
        if (!HOST_NAME_PATTERN.test(host)) {
            throw new ProviderError(
                'fatal',
                `epm ${op}: the plan's device name is missing or not a host name`,
                'bad_target',
            )
        }
        return host
    }

    /** A request read back must be the plan's user's: anything else means a wrong or tampered id. */
    private checkPrincipal(request: AccessRequest, plan: ExecutionPlan, op: 'revoke' | 'extend' | 'verify'): void {
        if (request.userName.toLowerCase() !== plan.principal.userName.toLowerCase()) {
            throw new ProviderError(
                'fatal',
                `epm ${op}: request ${request.id} belongs to another user than the plan's`,
                'principal_mismatch',
            )
        }
    }
}

function checkKey(key: string): string {
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
        throw new ProviderError('fatal', 'epm: idempotency key has characters the provider refuses', 'bad_key')
    }
    return key
}

function latestIngested(list: unknown[]): Date | undefined {
    let latest: number | undefined
    for (const e of list) {
        const ingested = e && typeof e === 'object' ? findIngested(e) : undefined
        if (ingested !== undefined && (latest === undefined || ingested > latest)) latest = ingested
    }
    return latest === undefined ? undefined : new Date(latest)
}

function findIngested(event: object): number | undefined {
    const ev = Object.entries(event).find(([k]) => k.toLowerCase() === 'event')?.[1]
    const raw =
        ev && typeof ev === 'object' ? Object.entries(ev).find(([k]) => k.toLowerCase() === 'ingested')?.[1] : undefined
    const t = typeof raw === 'string' ? Date.parse(raw) : NaN
    return Number.isNaN(t) ? undefined : t
}

function endedBy(request: AccessRequest, now: Date): string {
    if (request.decision === 'Denied') return 'denied'
    if (request.decision === 'Expired' || request.decision === 'Ended') return request.decision.toLowerCase()
    return sessionEnd(request).getTime() <= now.getTime() ? 'expired' : 'unknown'
}

function alreadyEndedNote(request: AccessRequest): string {
    if (request.decision === 'Denied') {
        return `The EPM session had already ended: request ${request.id} is Denied${request.decisionTime ? ` since ${formatTime(request.decisionTime)}` : ''}.`
    }
    return `The EPM session had already expired at ${formatTime(sessionEnd(request))} (EPM logs the user off at expiry).`
}

/** Creates the EPM provider (validates the configuration; throws a plain Error at startup when wrong). */
export function createEpmProvider(config: EpmProviderConfig, deps: EpmProviderDeps = {}): EpmProvider {
    return new EpmProvider(config, deps)
}
