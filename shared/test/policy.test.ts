import { describe, expect, it } from 'vitest'
import {
    boundApprovedDuration,
    evaluate,
    isWithinBusinessHours,
    parseHhMm,
    policyMaxDuration,
    policyMinDuration,
    selectPolicy,
} from '../src/policy'
import { DEFAULT_MIN_DURATION_MINUTES, DURATION_BOUNDS } from '../src/schema'
import type { AccessRequest } from '../src/policy-types'
import { policyRule } from './fixtures'

const rule = policyRule
const context = { nowMs: 0, integrationEnabled: true, defaultMaxDurationMinutes: 90 }

describe('policy helpers', () => {
    it('selects by order, then name, independent of list order', () => {
        const b = rule({ name: 'b' })
        const a = rule({ name: 'a' })
        expect(selectPolicy([b, a], 'device_local_admin')).toBe(a)
        expect(selectPolicy([a, b], 'device_local_admin')).toBe(a)
        expect(selectPolicy([a], 'entra_role')).toBeNull()
    })

    it('parses HH:MM strictly', () => {
        expect(parseHhMm('08:00')).toBe(480)
        expect(parseHhMm('24:00')).toBe(1440)
        expect(parseHhMm('8:00')).toBeNaN()
        expect(parseHhMm('12:60')).toBeNaN()
        expect(parseHhMm('25:00')).toBeNaN()
    })

    it('treats malformed business hours as outside (asks for a second approver)', () => {
        const now = Date.UTC(2025, 2, 12, 10)
        expect(isWithinBusinessHours({ days: [3], start: '08:00', end: '18:00', utcOffsetMinutes: 0 }, now)).toBe(true)
        expect(isWithinBusinessHours({ days: [3], start: '18:00', end: '08:00', utcOffsetMinutes: 0 }, now)).toBe(false)
        expect(isWithinBusinessHours({ days: [3], start: 'x', end: '18:00', utcOffsetMinutes: 0 }, now)).toBe(false)
    })

    it('keeps a 1-minute platform floor and a 5-minute default policy minimum', () => {
        // Validation: the design numbers, written out (Entra PIM cannot remove an assignment within 5 minutes).
        expect(DURATION_BOUNDS).toEqual({ min: 1, max: 1440 })
        expect(DEFAULT_MIN_DURATION_MINUTES).toBe(5)
    })

    it('derives the effective minimum duration', () => {
        // Validation: unset / 0 / nonsense = the default 5; a set minimum wins, down to the floor of 1.
        expect(policyMinDuration(null)).toBe(5)
        expect(policyMinDuration(rule({}))).toBe(5)
        expect(policyMinDuration(rule({ minDurationMinutes: 0 }))).toBe(5)
        expect(policyMinDuration(rule({ minDurationMinutes: -3 }))).toBe(5)
        expect(policyMinDuration(rule({ minDurationMinutes: NaN }))).toBe(5)
        expect(policyMinDuration(rule({ minDurationMinutes: 1 }))).toBe(1)
        expect(policyMinDuration(rule({ minDurationMinutes: 3 }))).toBe(3)
        expect(policyMinDuration(rule({ minDurationMinutes: 15 }))).toBe(15)
        // A hand-built fractional minimum rounds up (stricter); one above the hard maximum is capped.
        expect(policyMinDuration(rule({ minDurationMinutes: 0.5 }))).toBe(1)
        expect(policyMinDuration(rule({ minDurationMinutes: 2.2 }))).toBe(3)
        expect(policyMinDuration(rule({ minDurationMinutes: 5000 }))).toBe(1440)
    })

    it('bounds an approved duration by the policy minimum it is given, else the default', () => {
        // Validation: a null / non-positive / non-finite minimum counts as unknown (default 5).
        expect(boundApprovedDuration(60, 1)).toBe(5)
        expect(boundApprovedDuration(60, 1, null)).toBe(5)
        expect(boundApprovedDuration(60, 1, 0)).toBe(5)
        expect(boundApprovedDuration(60, 1, NaN)).toBe(5)
        expect(boundApprovedDuration(60, 1, 1)).toBe(1)
        expect(boundApprovedDuration(60, 1, 0.5)).toBe(1)
        expect(boundApprovedDuration(NaN, null, 1)).toBe(1)
        expect(boundApprovedDuration(NaN, null)).toBe(5)
        expect(boundApprovedDuration(60, 30, 45)).toBe(45)
    })

    it('derives the effective maximum duration', () => {
        expect(policyMaxDuration(rule({}), false, context)).toBe(240)
        expect(policyMaxDuration(rule({}), true, context)).toBe(480)
        expect(policyMaxDuration(rule({ emergencyMaxDurationMinutes: 0 }), true, context)).toBe(240)
        expect(policyMaxDuration(rule({ maxDurationMinutes: 0 }), false, context)).toBe(90)
        expect(policyMaxDuration(rule({ maxDurationMinutes: 5000 }), false, context)).toBe(1440)
        expect(policyMaxDuration(null, false, { ...context, defaultMaxDurationMinutes: 0 })).toBe(1440)
    })

    it('judges a request without a target object as missing its target instead of throwing', () => {
        // Setup: a hand-built request that lost its target.
        const request = {
            requestedFor: { sysId: 'a1'.repeat(16), userName: 'a', email: 'a@example.com', active: true, groupIds: [] },
            openedBy: 'a1'.repeat(16),
            targetKind: 'device_local_admin',
            durationMinutes: 60,
            justification: 'A sufficiently long justification',
            emergency: false,
        } as unknown as AccessRequest
        // Execution
        const decision = evaluate(request, [rule({})], { ...context, nowMs: Date.UTC(2025, 2, 12, 10) })
        // Validation
        expect(decision.reasons.map((r) => r.code)).toEqual(['TARGET_MISSING'])
    })
})
