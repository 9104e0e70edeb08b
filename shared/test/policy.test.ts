import { describe, expect, it } from 'vitest'
import { evaluate, isWithinBusinessHours, parseHhMm, policyMaxDuration, selectPolicy } from '../src/policy'
import type { AccessRequest, PolicyRule } from '../src/policy-types'

const rule = (over: Partial<PolicyRule>): PolicyRule => ({
    name: 'p',
    active: true,
    order: 100,
    targetKind: 'device_local_admin',
    maxDurationMinutes: 240,
    emergencyMaxDurationMinutes: 480,
    allowedDeviceClasses: [],
    corpManagedOnly: false,
    blockedUserIds: [],
    blockedGroupIds: [],
    allowedRoles: {},
    changeRequiredForServers: false,
    changeRequiredForProduction: false,
    incidentRequiredForEmergency: false,
    businessHours: null,
    secondApproverRules: { outsideBusinessHours: false, serversOrProduction: false, highRiskRoles: false },
    secondApproverGroupId: '',
    highRiskRoleIds: [],
    autoApproveRules: [],
    approvalTimeoutMinutes: 60,
    emergencyApprovalTimeoutMinutes: 5,
    escalationGroupId: '',
    ...over,
})
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
