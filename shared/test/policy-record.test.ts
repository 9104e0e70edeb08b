import { describe, expect, it } from 'vitest'
import { evaluatePolicyRecords, policyContentDigest, policyFromRecord, policyToRecord } from '../src/policy-record'
import type { PolicyRule } from '../src/policy-types'
import { POLICY_FIELDS } from '../src/schema'
import { confirmedRecord } from './fixtures'

const G1 = '0c'.repeat(16)
const G2 = '5a'.repeat(16)
const U1 = 'f1'.repeat(16)
const ROLE = '62e90394-69f5-4237-9190-012177145e10'

/** A complete, valid record as the Table API returns it: every value a string. */
const validRecord = (): Record<string, string> => ({
    name: 'Workstations',
    active: 'true',
    order: '100',
    target_kind: 'device_local_admin',
    min_duration: '15',
    max_duration: '240',
    emergency_max_duration: '1970-01-01 08:00:00',
    allowed_device_classes: 'Workstation, laptop',
    corp_managed_only: 'true',
    blocked_users: U1,
    blocked_groups: '',
    allowed_roles: JSON.stringify({ [G1]: [ROLE] }),
    change_required_for_servers: 'true',
    change_required_for_production: 'false',
    incident_required_for_emergency: 'true',
    business_hours: '{"days":[1,2,3,4,5],"start":"08:00","end":"18:00","utcOffsetMinutes":60}',
    second_approver_rules: '{"outsideBusinessHours":true,"serversOrProduction":true,"highRiskRoles":false}',
    second_approver_group: G2,
    high_risk_roles: `["${ROLE}"]`,
    auto_approve_rules:
        '[{"name":"oncall","requireIncidentPriorityAtMost":2,"requireRequesterInIncidentGroup":true,"targetKinds":["device_local_admin"],"maxDurationMinutes":120}]',
    approval_timeout_minutes: '60',
    emergency_approval_timeout_minutes: '5',
    escalation_group: G1,
    incident_command_group: '',
    security_group: '',
    customer_authority_group: '',
})

describe('policyFromRecord', () => {
    it('uses exactly the policy table fields of the schema', () => {
        expect(Object.keys(confirmedRecord(validRecord())).sort()).toEqual(Object.values(POLICY_FIELDS).sort())
    })

    it("reads true/false fields in both spellings: the Table API's 'true' / 'false' and getValue's '1' / '0'", () => {
        const api = policyFromRecord(validRecord())
        const glide = policyFromRecord({ ...validRecord(), active: '1', corp_managed_only: '0' })
        expect(api.ok && glide.ok).toBe(true)
        if (api.ok && glide.ok) {
            expect(glide.policy).toEqual({ ...api.policy, corpManagedOnly: false })
            expect(policyContentDigest(glide.policy)).not.toBe(policyContentDigest(api.policy))
        }
    })

    it('parses a complete record', () => {
        // Execution
        const result = policyFromRecord(validRecord())
        // Validation
        expect(result).toEqual({
            ok: true,
            policy: {
                name: 'Workstations',
                active: true,
                order: 100,
                targetKind: 'device_local_admin',
                minDurationMinutes: 15,
                maxDurationMinutes: 240,
                emergencyMaxDurationMinutes: 480,
                allowedDeviceClasses: ['workstation', 'laptop'],
                corpManagedOnly: true,
                blockedUserIds: [U1],
                blockedGroupIds: [],
                allowedRoles: { [G1]: [ROLE] },
                changeRequiredForServers: true,
                changeRequiredForProduction: false,
                incidentRequiredForEmergency: true,
                businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', utcOffsetMinutes: 60 },
                secondApproverRules: { outsideBusinessHours: true, serversOrProduction: true, highRiskRoles: false },
                secondApproverGroupId: G2,
                highRiskRoleIds: [ROLE],
                autoApproveRules: [
                    {
                        name: 'oncall',
                        requireIncidentPriorityAtMost: 2,
                        requireRequesterInIncidentGroup: true,
                        targetKinds: ['device_local_admin'],
                        maxDurationMinutes: 120,
                    },
                ],
                approvalTimeoutMinutes: 60,
                emergencyApprovalTimeoutMinutes: 5,
                escalationGroupId: G1,
            },
        })
    })

    it('round-trips through policyToRecord', () => {
        const first = policyFromRecord(validRecord())
        if (!first.ok) throw new Error(first.errors.join('; '))
        expect(policyFromRecord(policyToRecord(first.policy))).toEqual(first)
    })

    it('applies documented defaults for empty optional fields (strict booleans default to true)', () => {
        // Setup: only the required fields set.
        const result = policyFromRecord({ name: 'Minimal', active: 'false', order: '0', target_kind: 'any' })
        // Validation
        expect(result.ok && (result.policy as PolicyRule)).toMatchObject({
            minDurationMinutes: 0,
            maxDurationMinutes: 0,
            allowedDeviceClasses: [],
            corpManagedOnly: true,
            changeRequiredForServers: true,
            changeRequiredForProduction: true,
            incidentRequiredForEmergency: true,
            allowedRoles: {},
            businessHours: null,
            secondApproverRules: { outsideBusinessHours: false, serversOrProduction: false, highRiskRoles: false },
            autoApproveRules: [],
            secondApproverGroupId: '',
        })
    })

    it('reports every error of a broken record, not just the first', () => {
        // Setup: a record broken in (almost) every field.
        const record: Record<string, string> = {
            name: ' ',
            active: 'yes',
            order: 'first',
            target_kind: 'printer',
            min_duration: '15 minutes',
            max_duration: '4h',
            emergency_max_duration: '1970-01-01 00:00:30',
            allowed_device_classes: 'workstation,,server',
            corp_managed_only: 'TRUE',
            blocked_users: 'alice',
            blocked_groups: `${G1},bad`,
            allowed_roles: '{"notagroup":["r1"],"' + G1 + '":"r2"}',
            change_required_for_servers: 'on',
            change_required_for_production: 'true',
            incident_required_for_emergency: 'false',
            business_hours: '{"days":[7],"start":"18:00","end":"08:00","utcOffsetMinutes":61.5,"tz":"CET"}',
            second_approver_rules: '{"outsideBusinessHours":"yes","other":true}',
            second_approver_group: 'group',
            high_risk_roles: 'ok-role,bad role',
            auto_approve_rules:
                '[{"name":"","requireIncidentPriorityAtMost":3,"targetKinds":["printer"],"maxDurationMinutes":0,"x":1}, 5]',
            approval_timeout_minutes: '-1',
            emergency_approval_timeout_minutes: 'soon',
            escalation_group: '{not json',
        }
        // Execution
        const result = policyFromRecord(record)
        // Validation: one message per problem, each prefixed with its field.
        expect(result.ok).toBe(false)
        expect(!result.ok && result.errors).toEqual([
            'name: must not be empty',
            "active: expected a boolean ('true' / 'false' or '1' / '0'), got \"yes\"",
            'order: expected a whole number, got "first"',
            'target_kind: expected one of device_local_admin, entra_role, entra_group, pam_account, console, any; got "printer"',
            'min_duration: expected whole minutes, got "15 minutes"',
            'max_duration: expected whole minutes, got "4h"',
            'emergency_max_duration: duration "1970-01-01 00:00:30" is not a whole number of minutes',
            'allowed_device_classes: empty item in list "workstation,,server"',
            "corp_managed_only: expected a boolean ('true' / 'false' or '1' / '0'), got \"TRUE\"",
            'blocked_users: not sys_ids: alice',
            'blocked_groups: not sys_ids: bad',
            'allowed_roles: key "notagroup" is not a group sys_id',
            `allowed_roles: roles of group "${G1}" must be an array of role ids`,
            "change_required_for_servers: expected a boolean ('true' / 'false' or '1' / '0'), got \"on\"",
            'business_hours: unknown key "tz"',
            'business_hours: days must be an array of weekday numbers 0 (Sunday) .. 6',
            'business_hours: start must be before end (overnight windows are not supported)',
            'business_hours: utcOffsetMinutes must be a whole number within -840..840',
            'second_approver_rules: unknown key "other"',
            'second_approver_rules: outsideBusinessHours must be a boolean',
            'second_approver_group: expected a sys_id or empty, got "group"',
            'high_risk_roles: not role ids: bad role',
            'auto_approve_rules[0]: unknown key "x"',
            'auto_approve_rules[0]: name must be a non-empty string',
            'auto_approve_rules[0]: requireIncidentPriorityAtMost must be 1 or 2',
            'auto_approve_rules[0]: requireRequesterInIncidentGroup must be a boolean',
            'auto_approve_rules[0]: targetKinds must be a non-empty array of device_local_admin, entra_role, entra_group, pam_account, console',
            'auto_approve_rules[0]: maxDurationMinutes must be a positive whole number',
            'auto_approve_rules[1]: expected an object',
            'approval_timeout_minutes: expected whole minutes, got "-1"',
            'emergency_approval_timeout_minutes: expected whole minutes, got "soon"',
            'escalation_group: expected a sys_id or empty, got "{not json"',
        ])
    })

    it('requires a second-approver group and business hours when the rules need them', () => {
        const record = { ...validRecord(), second_approver_group: '', business_hours: '' }
        const result = policyFromRecord(record)
        expect(!result.ok && result.errors).toEqual([
            'second_approver_group: required when any second approver rule is on',
            'business_hours: required when the outside-business-hours second approver rule is on',
        ])
    })

    it('accepts a minimum down to the 1-minute floor; unset means the default', () => {
        // Setup / execution
        const one = policyFromRecord({ ...validRecord(), min_duration: '1' })
        const asDuration = policyFromRecord({ ...validRecord(), min_duration: '1970-01-01 00:01:00' })
        const unset = policyFromRecord({ ...validRecord(), min_duration: '' })
        // Validation: 1 is kept as is; '' parses to 0, which evaluate reads as DEFAULT_MIN_DURATION_MINUTES.
        expect(one.ok && one.policy.minDurationMinutes).toBe(1)
        expect(asDuration.ok && asDuration.policy.minDurationMinutes).toBe(1)
        expect(unset.ok && unset.policy.minDurationMinutes).toBe(0)
    })

    it('refuses a minimum above the hard maximum even when the policy sets no maximum', () => {
        const result = policyFromRecord({ ...validRecord(), min_duration: '1441', max_duration: '' })
        expect(!result.ok && result.errors).toEqual(['min_duration: 1441 is above the hard maximum 1440'])
    })

    it('refuses a minimum above the maximum', () => {
        const result = policyFromRecord({ ...validRecord(), min_duration: '300' })
        expect(!result.ok && result.errors).toEqual(['min_duration: 300 is above max_duration 240'])
    })

    it('reports invalid JSON in a JSON field', () => {
        const result = policyFromRecord({ ...validRecord(), allowed_roles: '{oops' })
        expect(!result.ok && result.errors[0]).toMatch(/^allowed_roles: not valid JSON/)
    })
})

describe('evaluatePolicyRecords', () => {
    it('lists every error of the broken policy in the denial', () => {
        // Setup: a device request and a broken device policy.
        const request = {
            requestedFor: {
                sysId: 'a1'.repeat(16),
                userName: 'alice',
                email: 'a@example.com',
                active: true,
                groupIds: [],
            },
            openedBy: 'a1'.repeat(16),
            targetKind: 'device_local_admin' as const,
            target: {
                ci: {
                    sysId: 'c1'.repeat(16),
                    name: 'WS',
                    deviceClass: 'workstation',
                    corpManaged: true,
                    production: false,
                },
            },
            durationMinutes: 60,
            justification: 'A sufficiently long justification',
            emergency: false,
        }
        const broken = { ...validRecord(), max_duration: 'x', blocked_users: 'y' }
        // Execution
        const decision = evaluatePolicyRecords(request, [broken], {
            nowMs: Date.UTC(2025, 2, 12, 10),
            integrationEnabled: true,
            defaultMaxDurationMinutes: 60,
        })
        // Validation
        expect(decision.allowed).toBe(false)
        expect(decision.reasons).toEqual([
            {
                code: 'POLICY_INVALID',
                message:
                    'Policy Workstations is invalid: max_duration: expected whole minutes, got "x"; blocked_users: not sys_ids: y',
            },
        ])
    })

    it("skips a broken record that is explicitly inactive in either spelling ('false' from the Table API, '0' from getValue)", () => {
        // contracts/servicenow-rest.md "Glide values": inside the instance an inactive record reads active = '0'.
        const request = {
            requestedFor: { sysId: 'a1'.repeat(16), userName: 'alice', email: 'a@example.com', active: true, groupIds: [] },
            openedBy: 'a1'.repeat(16),
            targetKind: 'device_local_admin' as const,
            target: {
                ci: { sysId: 'c1'.repeat(16), name: 'WS', deviceClass: 'workstation', corpManaged: true, production: false },
            },
            durationMinutes: 60,
            justification: 'A sufficiently long justification',
            emergency: false,
        }
        const context = { nowMs: Date.UTC(2025, 2, 12, 10), integrationEnabled: true, defaultMaxDurationMinutes: 60 }
        const reasonsWith = (active: string): string[] =>
            evaluatePolicyRecords(request, [{ ...validRecord(), name: 'Old', active, max_duration: 'x' }], context).reasons.map(
                (r) => r.code,
            )
        expect(reasonsWith('false')).toEqual(['NO_MATCHING_POLICY'])
        expect(reasonsWith('0')).toEqual(['NO_MATCHING_POLICY'])
        // Active (either spelling) or unreadable: the broken record could govern the request, so it denies it.
        expect(reasonsWith('1')).toEqual(['POLICY_INVALID'])
        expect(reasonsWith('true')).toEqual(['POLICY_INVALID'])
        expect(reasonsWith('')).toEqual(['POLICY_INVALID'])
    })
})
