/** Test fixtures shared by the shared/ unit tests. */
import { policyRecordDigest } from '../src/policy-record'
import type { PolicyRule } from '../src/policy-types'
import { POLICY_FIELDS } from '../src/schema'

/** A permissive device policy (no second approver, no auto-approval), with `over` applied. */
export const policyRule = (over: Partial<PolicyRule>): PolicyRule => ({
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

/** Two SecOps people of the fixtures: one changed the policy, the other confirmed it. */
export const POLICY_EDITOR = 'e1'.repeat(16)
export const POLICY_CONFIRMER = 'e2'.repeat(16)

/**
 * `record` as a policy whose content was changed by one SecOps person and confirmed by another (the two-person
 * rule, server/policy-confirmation.ts); a record that does not parse is returned unchanged.
 */
export function confirmedRecord(record: Record<string, string>): Record<string, string> {
    const digest = policyRecordDigest(record)
    if (digest === '') return record
    return {
        ...record,
        [POLICY_FIELDS.editedBy]: POLICY_EDITOR,
        [POLICY_FIELDS.confirmedBy]: POLICY_CONFIRMER,
        [POLICY_FIELDS.confirmedAt]: '2026-01-01 00:00:00',
        [POLICY_FIELDS.confirmedDigest]: digest,
    }
}
