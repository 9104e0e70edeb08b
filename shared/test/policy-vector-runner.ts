/**
 * Runs policy-vectors.json against any implementation of the policy API: the TypeScript source
 * (policy-vectors.test.ts) or the JavaScript the Fluent build packages (packaged-policy.test.ts). Both tests
 * feed the same vectors through the same summaries, so a divergence between source and packaged code shows up
 * as the same vector failing in one file only.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AccessRequest, Decision, EvaluationContext, PolicyRule } from '../src/policy-types'
import { confirmedRecord } from './fixtures'

/** Expected outcome of an evaluate vector; optional fields are only checked when present. */
export interface VectorExpect {
    allowed: boolean
    reasonCodes: string[]
    durationMinutes?: number
    requiredApprovalKinds?: string[]
    autoApproveRule?: string | null
    highRisk?: boolean
    policyName?: string
    approvalTimeoutMinutes?: number
}

/** A policy in a vector: a parsed rule, or a raw Table-API record that goes through policyFromRecord. */
export type VectorPolicy = PolicyRule | { record: Record<string, string> }

export interface EvaluateVector {
    name: string
    request: AccessRequest
    policies: VectorPolicy[]
    context: EvaluationContext
    expect: VectorExpect
}

export interface CanApproveVector {
    name: string
    request: AccessRequest
    approver: string
    expect: { allowed: boolean; code: string }
}

export interface BoundDurationVector {
    name: string
    requested: number
    approverChosen: number | null
    /** The governing policy's minimum; absent = policy unknown (the default minimum applies). */
    policyMinMinutes?: number | null
    expect: number
}

export interface PolicyVectors {
    evaluate: EvaluateVector[]
    canApprove: CanApproveVector[]
    boundApprovedDuration: BoundDurationVector[]
}

/** The slice of the shared module the vectors exercise. */
export interface PolicyApi {
    evaluate(request: AccessRequest, policies: PolicyRule[], context: EvaluationContext): Decision
    evaluatePolicyRecords(
        request: AccessRequest,
        records: Record<string, string>[],
        context: EvaluationContext,
    ): Decision
    policyToRecord(policy: PolicyRule): Record<string, string>
    canApprove(request: AccessRequest, approver: string): { allowed: boolean; code: string; reason: string }
    boundApprovedDuration(requested: number, approverChosen?: number | null, policyMinMinutes?: number | null): number
}

/** Load the vectors file. */
export function loadPolicyVectors(): PolicyVectors {
    const path = join(dirname(fileURLToPath(import.meta.url)), 'vectors', 'policy-vectors.json')
    return JSON.parse(readFileSync(path, 'utf8')) as PolicyVectors
}

function isRecordEntry(p: VectorPolicy): p is { record: Record<string, string> } {
    return typeof (p as { record?: unknown }).record === 'object'
}

/**
 * Evaluate one vector. Vectors with raw records go through evaluatePolicyRecords (rules in the same vector are
 * turned into records with policyToRecord, so every policy of the case takes the same path); the others call
 * evaluate directly.
 */
export function runEvaluateVector(api: PolicyApi, vector: EvaluateVector): Decision {
    if (vector.policies.some(isRecordEntry)) {
        const records = vector.policies.map((p) =>
            isRecordEntry(p) ? p.record : confirmedRecord(api.policyToRecord(p)),
        )
        return api.evaluatePolicyRecords(vector.request, records, vector.context)
    }
    return api.evaluate(vector.request, vector.policies as PolicyRule[], vector.context)
}

/** The decision reduced to the fields `expect` names (reason codes sorted: the set is what matters). */
export function summarise(decision: Decision, expect: VectorExpect): VectorExpect {
    const summary: VectorExpect = {
        allowed: decision.allowed,
        reasonCodes: decision.reasons.map((r) => r.code).sort(),
    }
    if (expect.durationMinutes !== undefined) summary.durationMinutes = decision.durationMinutes
    if (expect.requiredApprovalKinds !== undefined)
        summary.requiredApprovalKinds = decision.requiredApprovals.map((a) => a.kind)
    if (expect.autoApproveRule !== undefined)
        summary.autoApproveRule = decision.autoApprove ? decision.autoApprove.rule : null
    if (expect.highRisk !== undefined) summary.highRisk = decision.highRisk
    if (expect.policyName !== undefined) summary.policyName = decision.policyName
    if (expect.approvalTimeoutMinutes !== undefined) summary.approvalTimeoutMinutes = decision.approvalTimeoutMinutes
    return summary
}

/** `expect` normalised the way {@link summarise} presents the actual decision. */
export function expected(expect: VectorExpect): VectorExpect {
    return { ...expect, reasonCodes: expect.reasonCodes.slice().sort() }
}

/**
 * Invariants every decision must satisfy whatever the vector: messages are non-empty, duration reasons quote
 * their bound, a denial carries no approvals, and a second approver always names its group. Returns the
 * violations (empty when fine).
 */
export function decisionInvariantViolations(decision: Decision): string[] {
    const problems: string[] = []
    for (const reason of decision.reasons) {
        if (!reason.message) problems.push(`${reason.code} has no message`)
        // The platform floor is 1 minute (DURATION_BOUNDS.min); written out here so a changed floor fails loudly.
        if (reason.code === 'DURATION_BELOW_MIN' && !/\b1 minute\b/.test(reason.message))
            problems.push(`floor of 1 minute not in message "${reason.message}"`)
        if (
            reason.code === 'DURATION_BELOW_POLICY_MIN' &&
            reason.message.indexOf(String(decision.durationMinutes)) < 0
        ) {
            problems.push(`policy minimum ${decision.durationMinutes} not in message "${reason.message}"`)
        }
        if (reason.code === 'DURATION_ABOVE_MAX' && reason.message.indexOf('1440') < 0)
            problems.push('max bound not in message')
        if (
            reason.code === 'DURATION_ABOVE_POLICY_MAX' &&
            reason.message.indexOf(String(decision.durationMinutes)) < 0
        ) {
            problems.push(`policy bound ${decision.durationMinutes} not in message "${reason.message}"`)
        }
    }
    if (decision.allowed !== (decision.reasons.length === 0)) problems.push('allowed disagrees with reasons')
    if (!decision.allowed && (decision.requiredApprovals.length > 0 || decision.autoApprove !== null)) {
        problems.push('a denial carries approvals')
    }
    if (decision.autoApprove !== null && decision.highRisk) problems.push('high-risk request auto-approved')
    // Every human route has a manager, except the emergency console's: exactly its three named slots (issue 14).
    const kinds = decision.requiredApprovals.map((a) => a.kind)
    const consoleRoute = kinds.join(',') === 'incident_command,security,customer_authority'
    if (
        decision.allowed &&
        decision.autoApprove === null &&
        !consoleRoute &&
        decision.requiredApprovals.every((a) => a.kind !== 'manager')
    ) {
        problems.push('allowed without auto-approval but no manager approval')
    }
    if (consoleRoute && (decision.autoApprove !== null || !decision.highRisk)) {
        problems.push('a console route must be high risk and never by rule')
    }
    for (const a of decision.requiredApprovals) {
        if (a.kind !== 'manager' && !a.groupId) problems.push(`${a.kind} approval without group`)
    }
    return problems
}
