/**
 * The measures auditors and SecOps report on, computed ONCE on the grant (docs/audit.md): the app's before rule on
 * the grant (now-app/src/server/grant-measures.ts) stores them whenever the times they derive from are written, so
 * a `sys_report` only groups and averages stored columns and never recomputes a duration; the executor's evidence
 * pack (`gbg report`) reads the same stored columns.
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */

/** The grant's facts a measure is derived from. Times are epoch ms (null when not set). */
export interface GrantMeasureInput {
    /** When the request was submitted (the grant's creation). */
    submittedMs: number | null
    approvedMs: number | null
    grantedMs: number | null
    expiresMs: number | null
    revokedMs: number | null
    state: string
    /** The grant's approval_summary JSON ('' when none). */
    approvalSummary: string
    /** The grant's policy_decision JSON ('' when none). */
    policyDecision: string
}

/**
 * The stored measures. A duration is null until both of its times exist, and never negative: a clock step between
 * ServiceNow and the executor must not produce a "negative latency" bar.
 */
export interface GrantMeasures {
    /** submit → approved, whole seconds. */
    approvalLatencySeconds: number | null
    /** approved → active (granted_at), whole seconds. */
    timeToAccessSeconds: number | null
    /**
     * revoked_at − expires_at, whole seconds, floored at 0: the target is zero; a grant revoked before its expiry
     * ("Revoke now") was not late (its revoke_reason says why it ended early).
     */
    revokeLatenessSeconds: number | null
    /** Approved by an auto-approve rule (approval_summary.by = 'rule') rather than by people. */
    autoApproved: boolean
    /** First policy reason code of a policy refusal (state policy_rejected); '' otherwise. */
    refusalCode: string
}

/** Longest refusal code stored (the column's width). */
export const REFUSAL_CODE_MAX = 64

function seconds(from: number | null, to: number | null): number | null {
    if (from === null || to === null || !isFinite(from) || !isFinite(to)) return null
    return Math.max(0, Math.floor((to - from) / 1000))
}

function parseObject(text: string): Record<string, unknown> | null {
    if (!text) return null
    try {
        const value: unknown = JSON.parse(text)
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : null
    } catch {
        return null
    }
}

/** The first reason code of a stored policy decision ('' when it carries none). */
export function firstReasonCode(policyDecision: string): string {
    const decision = parseObject(policyDecision)
    const reasons = decision ? decision['reasons'] : null
    if (!Array.isArray(reasons) || reasons.length === 0) return ''
    const first = reasons[0] as { code?: unknown } | null
    const code = first && typeof first.code === 'string' ? first.code : ''
    // A code is a stable constant (UPPER_SNAKE); anything else is not trusted as a report group.
    return /^[A-Z][A-Z0-9_]*$/.test(code) ? code.slice(0, REFUSAL_CODE_MAX) : code === '' ? '' : 'UNRECOGNISED'
}

/** Compute every measure of a grant from its stored facts. */
export function grantMeasures(input: GrantMeasureInput): GrantMeasures {
    const summary = parseObject(input.approvalSummary)
    return {
        approvalLatencySeconds: seconds(input.submittedMs, input.approvedMs),
        timeToAccessSeconds: seconds(input.approvedMs, input.grantedMs),
        revokeLatenessSeconds: seconds(input.expiresMs, input.revokedMs),
        autoApproved: summary !== null && summary['by'] === 'rule',
        refusalCode: input.state === 'policy_rejected' ? firstReasonCode(input.policyDecision) : '',
    }
}
