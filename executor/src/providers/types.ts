/**
 * The provider port: every system that grants access (admin-as-a-service webhook, Entra PIM roles, Entra
 * groups, PAM…) sits behind this one interface, and maps its own API's errors to {@link ProviderError}
 * kinds. The worker never sees an HTTP status or a vendor error code.
 */
import type { ExecutionPlan } from '@gbg/shared'

/** How the worker must treat a provider failure. */
export type ProviderErrorKind =
    /** Transient (timeouts, resets, 408, 429, 5xx): retry later, honouring `retryAfterMs` when given. */
    | 'retryable'
    /** Will not succeed by retrying (validation, 4xx, policy rule, unknown principal): stop, tell humans. */
    | 'fatal'
    /** The outcome is not known (timeout / dropped connection after the request was sent): reconcile by
     * reading the provider's state before doing anything else. */
    | 'unknown_outcome'
    /** A human decision is pending at the provider (e.g. Entra PIM approval): report and halt. */
    | 'halted'

/** The single error type providers throw. `code` is the provider's own code, kept for the ticket. */
export class ProviderError extends Error {
    constructor(
        readonly kind: ProviderErrorKind,
        message: string,
        readonly code?: string,
        readonly retryAfterMs?: number,
        readonly details?: Record<string, unknown>,
    ) {
        super(message)
        this.name = 'ProviderError'
    }
}

/** Context of one provider call. `idempotencyKey` is derived from the action sys_id and sent downstream. */
export interface ProviderCallContext {
    idempotencyKey: string
    /** Transaction ids recorded by an earlier grant of the same grant record (for revoke / verify). */
    txnIds?: string[]
    /**
     * What a provider with shared assignments does when ServiceNow cannot tell who else holds the access
     * (docs/entra.md "Overlap"): `retry` (default: a queue action, ServiceNow answered a moment ago) or `remove`
     * (the local timer's revoke past expiry + grace: expiry wins, even over another grant's access).
     */
    ifHoldersUnknown?: 'retry' | 'remove'
    /** Our reference sent to the provider where its contract has one (an extension: the extension's number). */
    reference?: string
    /** Abort the call (shutdown). */
    signal?: AbortSignal
}

/** Result of a successful (or reconciled) grant. */
export interface GrantResult {
    /** Provider transaction ids (request id, assignment id…), written to the grant record. */
    txnIds: string[]
    /** Effective expiry at the provider; the grant's expires_at is counted from the confirmed grant. */
    expiresAt: Date
    /** True when the provider itself ends the access at `expiresAt` (PIM schedule), false when only our
     * revoke does. Recorded on the grant so people know which clock is authoritative. */
    nativeExpiry: boolean
    /** True when the grant already existed (reconciled after a lost response): no second grant was made. */
    alreadyDone: boolean
    /** Redacted description of the exact API call(s), for the audit trail. */
    calls: AuditedCall[]
    /** Notes for the requester (e.g. "sign out and in again"), shown in the receipt and notification. */
    notes?: string[]
    /** Redacted state the provider read or decided on, attached to the grant. `drift: true` means the access
     * is held outside this system (e.g. a permanent assignment): nothing was changed, route to SecOps. */
    evidence?: Record<string, unknown>
}

/** Result of a revoke. */
export interface RevokeResult {
    /** True when there was nothing to remove (already revoked, or expired natively at the provider). */
    alreadyAbsent: boolean
    calls: AuditedCall[]
    notes?: string[]
    /** As {@link GrantResult.evidence} (`drift: true` → held outside this system, nothing removed). */
    evidence?: Record<string, unknown>
}

/** Code of a fatal extend error meaning "the access already ended at the provider: nothing to extend". */
export const ACCESS_ENDED_CODE = 'access_ended'

/** Result of an approved extension (shared/src/extend.ts): the access of the grant now ends at `expiresAt`. */
export interface ExtendResult {
    /** Provider transaction ids of the extension (request / schedule ids). */
    txnIds: string[]
    /** The end the provider now has (the approved new end, or later when an earlier attempt already set it). */
    expiresAt: Date
    nativeExpiry: boolean
    /** True when the provider already ended at the new end (an earlier attempt's lost response): no second call. */
    alreadyDone: boolean
    calls: AuditedCall[]
    notes?: string[]
    evidence?: Record<string, unknown>
}

/** What the provider currently says about the access. */
export interface VerifyResult {
    present: boolean
    /** Expiry the provider reports, if any. */
    expiresAt?: Date
    /** Raw evidence read from the provider (redacted), attached to the grant. */
    evidence: Record<string, unknown>
    calls: AuditedCall[]
}

/** One external call as it goes into the audit trail: never a secret, never a token. */
export interface AuditedCall {
    method: string
    url: string
    status?: number
    requestBody?: unknown
    responseBody?: unknown
}

/** Health / identity of a provider for `/readyz` and `doctor`. */
export interface ProviderDescription {
    name: string
    baseUrl: string
    nativeExpiry: boolean
}

/** The provider port. */
export interface Provider {
    readonly name: string
    describe(): ProviderDescription
    /** Reachability and credentials check (used by /readyz and doctor). Throws ProviderError when unhealthy. */
    health(): Promise<void>
    /** Grant the access in the plan. Must be idempotent for the same `idempotencyKey`. */
    grant(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<GrantResult>
    /** Remove the access in the plan. Absent access is success with `alreadyAbsent`. */
    revoke(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<RevokeResult>
    /** Read the provider's current state for the plan's principal and target. */
    verify(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<VerifyResult>
    /**
     * Move the end of the live access of the grant of `plan` (that grant's own plan) to `to`, in place. Only providers
     * whose contract has an extend (shared EXTEND_SUPPORT `in_place`) implement it; idempotent for the same end.
     * `ctx.txnIds` are the extended grant's transaction ids (what the grant call returned); `ctx.idempotencyKey` is the
     * extension's own. Access that has already ended throws fatal with code {@link ACCESS_ENDED_CODE} (or Entra's
     * `RoleAssignmentDoesNotExist`): nothing extended, nothing to escalate.
     */
    extend?(plan: ExecutionPlan, to: Date, ctx: ProviderCallContext): Promise<ExtendResult>
}
