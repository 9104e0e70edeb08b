/** Test fixtures shared by the shared/ unit tests. */
import type { PolicyRule } from '../src/policy-types'

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
