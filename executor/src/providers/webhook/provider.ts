/**
 * The `webhook` provider: grants temporary admin rights through any service implementing the admin-as-a-service
 * contract (`docs/webhook-provider.openapi.yaml`). Every request is HMAC-signed; `POST /grants` carries the
 * action's idempotency key, so retrying a grant whose answer was lost never makes a second grant.
 *
 * Transaction ids written to the grant record: `[<service grant id>, 'idempotency-key:<key>']`. The second
 * entry lets revoke / verify find the grant by key when the id is unknown to the service (404).
 *
 * Extend (contract 1.1.0, `POST /grants/{id}/extend`): the grant is read first (by its recorded id, else its key);
 * already ending at the new end → done without a call (a lost answer's retry); ended → fatal `access_ended`; else the
 * new absolute end is sent under the extension's own idempotency key and the answer must show it. A 1.0.0 service
 * answers 404 to the path: fatal `extend_not_supported`, nothing changed.
 */
import axios, { type AxiosInstance } from 'axios'
import { formatTime, type ExecutionPlan } from '@gbg/shared'
import { nullLogger } from '../../log'
import { URL_RULE, isAllowedUrl } from '../../url-policy'
import type { Logger } from '../../ports'
import {
    ProviderError,
    ACCESS_ENDED_CODE,
    type AuditedCall,
    type ExtendResult,
    type GrantResult,
    type Provider,
    type ProviderCallContext,
    type ProviderDescription,
    type RevokeResult,
    type VerifyResult,
} from '../types'
import { mapHttpError, mapTransportError, notUnderstood, type WebhookOperation } from './errors'
import { SIGNATURE_HEADER, signRequest } from './signature'
import {
    GRANT_ID_PATTERN,
    IDEMPOTENCY_KEY_PATTERN,
    WEBHOOK_TARGET_KINDS,
    grantCreatedSchema,
    grantEvidence,
    grantListSchema,
    grantRequestBody,
    grantSchema,
    healthSchema,
    type WireGrant,
} from './wire'

/** Prefix of the transaction id entry that carries the idempotency key. */
export const IDEMPOTENCY_TXN_PREFIX = 'idempotency-key:'

/** Configuration of the webhook provider. */
export interface WebhookProviderConfig {
    /** Base URL of the service, e.g. `https://admin-service.example.com/api`. `http:` only for localhost. */
    baseUrl: string
    /** Shared HMAC secret (at least 32 characters). */
    hmacSecret: string
    /** Per-request timeout in milliseconds. @defaultValue 10000 */
    timeoutMs?: number
}

/** Dependencies of the webhook provider. */
export interface WebhookProviderDeps {
    /** Clock used for signature timestamps. @defaultValue () => new Date() */
    now?: () => Date
    /** Never given secrets. */
    logger?: Logger
}

/** Result of {@link WebhookProvider.findByIdempotencyKey}. */
export interface IdempotencyLookup {
    grants: WireGrant[]
    call: AuditedCall
}

interface Answer {
    status: number
    retryAfter: string | undefined
    replayed: boolean
    text: string
    json: unknown
    call: AuditedCall
}

const NAME = 'webhook'
const DEFAULT_TIMEOUT_MS = 10_000
/** Slack between the approved end and the service's expiry before we call the service's expiry "longer". */
const EXPIRY_TOLERANCE_MS = 60_000

/** The webhook provider (see the module comment). */
export class WebhookProvider implements Provider {
    readonly name = NAME
    private readonly origin: string
    private readonly basePath: string
    private readonly http: AxiosInstance
    private readonly now: () => Date
    private readonly logger: Logger
    private readonly timeoutMs: number

    constructor(
        private readonly config: WebhookProviderConfig,
        private readonly deps: WebhookProviderDeps = {},
    ) {
        let url: URL
        try {
            url = new URL(config.baseUrl)
        } catch {
            throw new Error('webhook provider: baseUrl is not a valid URL')
        }
        if (!isAllowedUrl(url)) {
            throw new Error(`webhook provider: baseUrl ${URL_RULE}`)
        }
        if (url.username || url.password || url.search || url.hash) {
            throw new Error('webhook provider: baseUrl must not carry credentials, a query or a fragment')
        }
        if (!config.hmacSecret || config.hmacSecret.length < 32) {
            throw new Error('webhook provider: hmacSecret must be at least 32 characters')
        }
        this.origin = url.origin
        this.basePath = url.pathname.replace(/\/+$/, '')
        this.now = deps.now ?? (() => new Date())
        this.logger = deps.logger ?? nullLogger
        this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
        // Statuses are judged by errors.ts, never by axios; redirects are not followed (a signed request must not
        // be replayed to another location); the body is read as text so the zod schemas see exactly what came.
        this.http = axios.create({
            validateStatus: () => true,
            maxRedirects: 0,
            responseType: 'text',
            transformResponse: [(data: unknown) => data],
        })
    }

    describe(): ProviderDescription {
        return { name: NAME, baseUrl: this.origin + this.basePath, nativeExpiry: true }
    }

    async health(): Promise<void> {
        const answer = await this.send('health', 'GET', '/health', undefined, {})
        if (answer.status !== 200) throw this.httpError('health', answer)
        if (!healthSchema.safeParse(answer.json).success) throw notUnderstood('health', 'health body')
    }

    async grant(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<GrantResult> {
        this.checkPlan(plan, 'grant')
        const key = this.checkKey(ctx.idempotencyKey, 'grant')
        const calls: AuditedCall[] = []
        const body = grantRequestBody(plan)
        const answer = await this.send('grant', 'POST', '/grants', body, ctx, key)
        calls.push(answer.call)
        if (answer.status !== 201) throw this.httpError('grant', answer)
        const created = grantCreatedSchema.safeParse(answer.json)
        if (!created.success) throw notUnderstood('grant', '201 body does not match the contract')
        const notes: string[] = []
        let grantedAt = created.data.grantedAt
        let serviceExpiry = created.data.expiresAt
        if (answer.replayed) {
            // The replayed body shows the state at creation time: read the current state before claiming the
            // access exists (it may have been revoked or expired since).
            const current = await this.getById(created.data.id, ctx)
            calls.push(current.call)
            if (!current.grant) throw notUnderstood('grant', 'replayed grant id is unknown to the service')
            this.checkPrincipal(current.grant, plan, 'grant')
            if (current.grant.status !== 'active') {
                throw new ProviderError(
                    'fatal',
                    `webhook grant: the grant made earlier under this idempotency key is ${current.grant.status}; ` +
                        'a new grant needs a new action',
                    `grant_${current.grant.status}`,
                )
            }
            grantedAt = current.grant.grantedAt
            serviceExpiry = current.grant.expiresAt
        }
        // The revoke must happen at the approved end even if the service set a later expiry.
        const approvedEnd = new Date(grantedAt.getTime() + plan.durationMinutes * 60_000)
        const longer = serviceExpiry.getTime() > approvedEnd.getTime() + EXPIRY_TOLERANCE_MS
        if (longer) {
            notes.push(
                `The service set expiry ${formatTime(serviceExpiry)}, later than the approved end; ` +
                    'the executor revokes at the approved end.',
            )
            this.logger.warn('webhook grant expiry later than approved', { grantNumber: plan.grantNumber })
        }
        return {
            txnIds: [created.data.id, `${IDEMPOTENCY_TXN_PREFIX}${key}`],
            expiresAt: longer ? approvedEnd : serviceExpiry,
            nativeExpiry: !longer,
            alreadyDone: answer.replayed,
            calls,
            ...(notes.length > 0 ? { notes } : {}),
        }
    }

    async extend(plan: ExecutionPlan, to: Date, ctx: ProviderCallContext): Promise<ExtendResult> {
        this.checkPlan(plan, 'extend')
        const key = this.checkKey(ctx.idempotencyKey, 'extend')
        const calls: AuditedCall[] = []
        // The grant as the service has it now: by the recorded id, else by the key it was created with.
        let current: WireGrant | undefined
        const id = this.grantIdFrom(ctx)
        if (id) {
            const read = await this.getById(id, ctx)
            calls.push(read.call)
            current = read.grant
        }
        const recordedKey = ctx.txnIds?.find((t) => t.startsWith(IDEMPOTENCY_TXN_PREFIX))
        if (!current && recordedKey) {
            const lookup = await this.findByIdempotencyKey(recordedKey.slice(IDEMPOTENCY_TXN_PREFIX.length), ctx)
            calls.push(lookup.call)
            current = lookup.grants.find((g) => g.status === 'active') ?? lookup.grants[0]
        }
        if (!current) {
            throw new ProviderError(
                'fatal',
                id || recordedKey
                    ? 'webhook extend: the service has no grant of this access any more; nothing was extended'
                    : 'webhook extend: the grant has no recorded service grant id or key; nothing was extended',
                id || recordedKey ? ACCESS_ENDED_CODE : 'bad_txn_id',
            )
        }
        this.checkPrincipal(current, plan, 'extend')
        if (current.status !== 'active') {
            throw new ProviderError(
                'fatal',
                `webhook extend: grant ${current.id} is ${current.status}: the access has ended; nothing was extended`,
                ACCESS_ENDED_CODE,
            )
        }
        const txnIds = [current.id, `${IDEMPOTENCY_TXN_PREFIX}${key}`]
        if (current.expiresAt.getTime() >= to.getTime() - 1_000) {
            // Already at (or past) the new end: an earlier attempt whose answer was lost. No second call.
            return this.extendResult(current, to, txnIds, calls, true, 'GET /grants/{id} (already at the new end)')
        }
        const body = { expiresAt: to.toISOString(), extensionNumber: (ctx.reference || plan.grantNumber).slice(0, 40) }
        const answer = await this.send('extend', 'POST', `/grants/${current.id}/extend`, body, ctx, key)
        calls.push(answer.call)
        if (answer.status === 404) {
            throw new ProviderError(
                'fatal',
                `webhook extend: the service answered 404 to POST /grants/${current.id}/extend for a grant it has just ` +
                    'listed: it implements the contract without extension (1.0.0); nothing was extended',
                'extend_not_supported',
            )
        }
        if (answer.status === 410) {
            throw new ProviderError(
                'fatal',
                `webhook extend: grant ${current.id} ended before the extension (${answer.text.slice(0, 200)}); nothing was extended`,
                ACCESS_ENDED_CODE,
            )
        }
        if (answer.status !== 200) throw this.httpError('extend', answer)
        const parsed = grantSchema.safeParse(answer.json)
        if (!parsed.success) throw notUnderstood('extend', '200 body does not match the contract')
        const after = parsed.data
        this.checkPrincipal(after, plan, 'extend')
        if (after.id !== current.id || after.status !== 'active' || after.expiresAt.getTime() < to.getTime() - 1_000) {
            throw notUnderstood(
                'extend',
                `grant ${after.id} reads ${after.status} until ${after.expiresAt.toISOString()} after the extension to ${to.toISOString()}`,
            )
        }
        return this.extendResult(after, to, txnIds, calls, answer.replayed, 'POST /grants/{id}/extend')
    }

    private extendResult(
        grant: WireGrant,
        to: Date,
        txnIds: string[],
        calls: AuditedCall[],
        alreadyDone: boolean,
        source: string,
    ): ExtendResult {
        const longer = grant.expiresAt.getTime() > to.getTime() + EXPIRY_TOLERANCE_MS
        return {
            txnIds,
            expiresAt: longer ? to : grant.expiresAt,
            nativeExpiry: !longer,
            alreadyDone,
            calls,
            notes: longer
                ? [
                      `The service ends grant ${grant.id} at ${formatTime(grant.expiresAt)}, later than the approved end; ` +
                          'the executor revokes at the approved end.',
                  ]
                : [
                      `The admin service now ends the access at ${formatTime(grant.expiresAt)} (same grant, extended in place).`,
                  ],
            evidence: grantEvidence(grant, source, this.now()),
        }
    }

    async revoke(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<RevokeResult> {
        this.checkPlan(plan, 'revoke')
        const calls: AuditedCall[] = []
        const id = this.grantIdFrom(ctx)
        if (id) {
            const answer = await this.send('revoke', 'DELETE', `/grants/${id}`, undefined, ctx)
            calls.push(answer.call)
            if (answer.status === 204) return { alreadyAbsent: false, calls }
            if (answer.status === 410) {
                return { alreadyAbsent: true, calls, notes: ['The grant had already ended (revoked or expired).'] }
            }
            if (answer.status !== 404) throw this.httpError('revoke', answer)
            // 404: the id is unknown. Find the grant by idempotency key before concluding nothing is there.
        }
        const lookup = await this.findByIdempotencyKey(this.lookupKey(ctx), ctx)
        calls.push(lookup.call)
        const active = lookup.grants.filter((g) => g.status === 'active')
        for (const grant of active) {
            this.checkPrincipal(grant, plan, 'revoke')
            const answer = await this.send('revoke', 'DELETE', `/grants/${grant.id}`, undefined, ctx)
            calls.push(answer.call)
            if (answer.status !== 204 && answer.status !== 410) throw this.httpError('revoke', answer)
        }
        if (active.length > 0) return { alreadyAbsent: false, calls }
        return {
            alreadyAbsent: true,
            calls,
            notes: [lookup.grants.length > 0 ? 'The grant had already ended.' : 'No grant exists at the service.'],
        }
    }

    async verify(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<VerifyResult> {
        this.checkPlan(plan, 'verify')
        const calls: AuditedCall[] = []
        const id = this.grantIdFrom(ctx)
        if (id) {
            const read = await this.getById(id, ctx)
            calls.push(read.call)
            if (read.grant) return this.verifyResult(read.grant, plan, 'GET /grants/{id}', calls)
        }
        const lookup = await this.findByIdempotencyKey(this.lookupKey(ctx), ctx)
        calls.push(lookup.call)
        const chosen = lookup.grants.find((g) => g.status === 'active') ?? lookup.grants[0]
        if (chosen) return this.verifyResult(chosen, plan, 'GET /grants?idempotencyKey=', calls, this.lookupKey(ctx))
        return {
            present: false,
            evidence: { source: 'GET /grants?idempotencyKey=', checkedAt: this.now().toISOString(), found: false },
            calls,
        }
    }

    /** Grants the service created under an idempotency key (zero or one by contract). For reconciliation. */
    async findByIdempotencyKey(key: string, ctx: Pick<ProviderCallContext, 'signal'> = {}): Promise<IdempotencyLookup> {
        const checked = this.checkKey(key, 'lookup')
        const answer = await this.send(
            'lookup',
            'GET',
            `/grants?idempotencyKey=${encodeURIComponent(checked)}`,
            undefined,
            ctx,
        )
        if (answer.status !== 200) throw this.httpError('lookup', answer)
        const list = grantListSchema.safeParse(answer.json)
        if (!list.success) throw notUnderstood('lookup', 'grant list does not match the contract')
        return { grants: list.data.grants, call: answer.call }
    }

    private verifyResult(
        grant: WireGrant,
        plan: ExecutionPlan,
        source: string,
        calls: AuditedCall[],
        key?: string,
    ): VerifyResult {
        this.checkPrincipal(grant, plan, 'verify')
        return {
            present: grant.status === 'active',
            expiresAt: grant.expiresAt,
            // `txnIds` (the worker's reconciliation reads them): the same ids a grant call returns, so a grant
            // confirmed by reading after a lost response is revoked by its id like any other.
            evidence: {
                ...grantEvidence(grant, source, this.now()),
                txnIds: key ? [grant.id, `${IDEMPOTENCY_TXN_PREFIX}${key}`] : [grant.id],
            },
            calls,
        }
    }

    private async getById(
        id: string,
        ctx: Pick<ProviderCallContext, 'signal'>,
    ): Promise<{ grant?: WireGrant; call: AuditedCall }> {
        const answer = await this.send('verify', 'GET', `/grants/${id}`, undefined, ctx)
        if (answer.status === 404) return { call: answer.call }
        if (answer.status !== 200) throw this.httpError('verify', answer)
        const parsed = grantSchema.safeParse(answer.json)
        if (!parsed.success) throw notUnderstood('verify', 'grant body does not match the contract')
        return { grant: parsed.data, call: answer.call }
    }

    /** The service grant id from the transaction ids, only when it has the contract's shape. */
    private grantIdFrom(ctx: ProviderCallContext): string | undefined {
        const first = ctx.txnIds?.[0]
        if (first === undefined || first.startsWith(IDEMPOTENCY_TXN_PREFIX)) return undefined
        if (!GRANT_ID_PATTERN.test(first)) {
            throw new ProviderError(
                'fatal',
                'webhook: recorded transaction id is not a grant id of this contract',
                'bad_txn_id',
            )
        }
        return first
    }

    /** The key the grant was made with: from the transaction ids when recorded, else the context's key. */
    private lookupKey(ctx: ProviderCallContext): string {
        const recorded = ctx.txnIds?.find((t) => t.startsWith(IDEMPOTENCY_TXN_PREFIX))
        return recorded ? recorded.slice(IDEMPOTENCY_TXN_PREFIX.length) : ctx.idempotencyKey
    }

    private checkKey(key: string, op: WebhookOperation): string {
        if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
            throw new ProviderError(
                'fatal',
                `webhook ${op}: idempotency key has characters the contract refuses`,
                'bad_key',
            )
        }
        return key
    }

    private checkPlan(plan: ExecutionPlan, op: WebhookOperation): void {
        if (plan.provider !== NAME) {
            throw new ProviderError('fatal', `webhook ${op}: plan names provider ${plan.provider}`, 'wrong_provider')
        }
        if (!(WEBHOOK_TARGET_KINDS as readonly string[]).includes(plan.target.kind)) {
            throw new ProviderError(
                'fatal',
                `webhook ${op}: target kind ${plan.target.kind} is not supported`,
                'bad_target',
            )
        }
    }

    /** A grant read back must belong to the plan's principal: anything else means a wrong or tampered id. */
    private checkPrincipal(grant: WireGrant, plan: ExecutionPlan, op: WebhookOperation): void {
        if (grant.principal.userName.toLowerCase() !== plan.principal.userName.toLowerCase()) {
            throw new ProviderError(
                'fatal',
                `webhook ${op}: grant ${grant.id} belongs to another principal than the plan's`,
                'principal_mismatch',
            )
        }
    }

    private httpError(op: WebhookOperation, answer: Answer): ProviderError {
        if (answer.status >= 200 && answer.status < 300) return notUnderstood(op, `unexpected status ${answer.status}`)
        return mapHttpError(op, answer.status, answer.retryAfter, answer.text, this.now())
    }

    /**
     * Sends one signed request. Transport failures are mapped here (errors.ts); HTTP statuses are returned for
     * the caller to judge. The audited call holds method, URL, status and bodies — never a header.
     */
    private async send(
        op: WebhookOperation,
        method: 'GET' | 'POST' | 'DELETE',
        path: string,
        body: Record<string, unknown> | undefined,
        ctx: Pick<ProviderCallContext, 'signal'>,
        idempotencyKey?: string,
    ): Promise<Answer> {
        const fullPath = this.basePath + path
        const text = body === undefined ? '' : JSON.stringify(body)
        const headers: Record<string, string> = {
            Accept: 'application/json',
            [SIGNATURE_HEADER]: signRequest(this.config.hmacSecret, this.now(), method, fullPath, text),
        }
        if (body !== undefined) headers['Content-Type'] = 'application/json'
        if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey
        const call: AuditedCall = { method, url: this.origin + fullPath }
        if (body !== undefined) call.requestBody = body
        try {
            const response = await this.http.request<string>({
                url: this.origin + fullPath,
                method,
                headers,
                data: body === undefined ? undefined : text,
                timeout: this.timeoutMs,
                signal: ctx.signal,
            })
            const responseText = typeof response.data === 'string' ? response.data : ''
            let json: unknown
            try {
                json = responseText === '' ? undefined : JSON.parse(responseText)
            } catch {
                json = undefined
            }
            call.status = response.status
            if (responseText !== '') call.responseBody = json ?? responseText.slice(0, 500)
            this.logger.debug('webhook call', { op, method, path: fullPath.split('?')[0], status: response.status })
            const retryAfter = response.headers['retry-after']
            return {
                status: response.status,
                retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
                replayed: String(response.headers['idempotent-replayed'] ?? '').toLowerCase() === 'true',
                text: responseText,
                json,
                call,
            }
        } catch (err) {
            const mapped = mapTransportError(err, op)
            this.logger.warn('webhook call failed', { op, method, path: fullPath.split('?')[0], code: mapped.code })
            throw mapped
        }
    }
}

/** Creates the webhook provider (validates the configuration; throws a plain Error at startup when wrong). */
export function createWebhookProvider(config: WebhookProviderConfig, deps: WebhookProviderDeps = {}): WebhookProvider {
    return new WebhookProvider(config, deps)
}
