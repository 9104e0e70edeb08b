/**
 * The policy vectors against the TypeScript source. packaged-policy.test.ts runs the same vectors against the
 * JavaScript the ServiceNow build emits.
 */
import { describe, expect, it } from 'vitest'
import { boundApprovedDuration, canApprove, evaluate, POLICY_REASON } from '../src/policy'
import { evaluatePolicyRecords, policyFromRecord, policyToRecord } from '../src/policy-record'
import type { PolicyRule } from '../src/policy-types'
import { confirmedRecord } from './fixtures'
import {
    decisionInvariantViolations,
    expected,
    loadPolicyVectors,
    runEvaluateVector,
    summarise,
    type PolicyApi,
} from './policy-vector-runner'

const api: PolicyApi = { evaluate, evaluatePolicyRecords, policyToRecord, canApprove, boundApprovedDuration }
const vectors = loadPolicyVectors()
const knownCodes = Object.values(POLICY_REASON) as string[]

describe('policy vectors (TypeScript source)', () => {
    it('has enough vectors to cover the rules', () => {
        // Validation: the brief asks for at least 45 evaluate vectors; every reason code is exercised.
        expect(vectors.evaluate.length).toBeGreaterThanOrEqual(45)
        const exercised = new Set(vectors.evaluate.flatMap((v) => v.expect.reasonCodes))
        for (const c of vectors.canApprove) if (c.expect.code) exercised.add(c.expect.code)
        expect([...exercised].sort()).toEqual([...knownCodes].sort())
    })

    it.each(vectors.evaluate.map((v) => [v.name, v] as const))('evaluate: %s', (_name, vector) => {
        // Setup / execution
        const decision = runEvaluateVector(api, vector)
        // Validation: the expected outcome, only known reason codes, and the decision invariants.
        expect(summarise(decision, vector.expect)).toEqual(expected(vector.expect))
        for (const r of decision.reasons) expect(knownCodes).toContain(r.code)
        expect(decisionInvariantViolations(decision)).toEqual([])
    })

    it.each(vectors.evaluate.filter((v) => v.policies.every((p) => !('record' in p))).map((v) => [v.name, v] as const))(
        'record round trip gives the same decision: %s',
        (_name, vector) => {
            // Setup: the vector's rules as Table-API records; rules a record cannot express are skipped.
            const records = (vector.policies as PolicyRule[]).map((p) => confirmedRecord(policyToRecord(p)))
            if (!records.every((r) => policyFromRecord(r).ok)) return
            // Execution
            const viaRecords = evaluatePolicyRecords(vector.request, records, vector.context)
            // Validation
            expect(viaRecords).toEqual(evaluate(vector.request, vector.policies as PolicyRule[], vector.context))
        },
    )

    it.each(vectors.canApprove.map((v) => [v.name, v] as const))('canApprove: %s', (_name, vector) => {
        // Execution
        const verdict = canApprove(vector.request, vector.approver)
        // Validation
        expect({ allowed: verdict.allowed, code: verdict.code }).toEqual(vector.expect)
        expect(verdict.reason.length).toBeGreaterThan(0)
    })

    it.each(vectors.boundApprovedDuration.map((v) => [v.name, v] as const))(
        'boundApprovedDuration: %s',
        (_name, vector) => {
            // Execution / validation
            expect(boundApprovedDuration(vector.requested, vector.approverChosen, vector.policyMinMinutes)).toBe(
                vector.expect,
            )
        },
    )
})
