/**
 * Writes policy-vectors.json. The JSON file is the artifact the tests (TS source and packaged app code) run;
 * this script only saves typing: fixtures are built from a few bases with explicit overrides, and every
 * `expect` below is written by hand from the rules — never computed by the policy code under test.
 *
 * Regenerate after editing: npx tsx shared/test/vectors/generate-policy-vectors.ts
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'

// --- Identities (32-hex sys_ids; Entra ids are GUIDs) ------------------------------------------------------
const id = (pair: string): string => pair.repeat(16)
const ALICE = id('a1') // the requester
const BOB = id('b0') // opened a request on Alice's behalf
const MANAGER = id('c3')
const SERVICE_DESK = id('5d') // raised and triaged the incident
const VIP = id('f1') // blocked user
const G_ONCALL = id('0c') // Alice's resolver / on-call group
const G_DBA = id('db')
const G_VIP = id('de') // blocked group
const G_SECOND = id('5a') // second approvers
const G_ESCALATE = id('e5')
const CI_WS = id('c1')
const CI_SRV = id('c2')
const CI_OTHER = id('c9')
const INC = id('1c')
const CHG = id('cc')
const ROLE_HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8'
const ROLE_GLOBAL = '62e90394-69f5-4237-9190-012177145e10'
const ROLE_USERADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1'
const ENTRA_GROUP = '3f1c2a7e-1111-4c2b-9d3e-0a1b2c3d4e5f'

// --- Time: Wednesday 2025-03-12, business hours Mon-Fri 08:00-18:00 UTC ----------------------------------
const at = (day: number, hh: number, mm: number): number => Date.UTC(2025, 2, day, hh, mm)
const WED_10 = at(12, 10, 0)
const HOUR = 3600000

type Json = Record<string, unknown>
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
/** Shallow-per-level merge: objects merge recursively, everything else (arrays included) replaces. */
function merge<T>(base: T, patch: Json): T {
    const out = clone(base) as Json
    for (const [k, v] of Object.entries(patch)) {
        const cur = out[k]
        if (v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)) {
            out[k] = merge(cur, v as Json)
        } else {
            out[k] = v
        }
    }
    return out as T
}

const devicePolicy = {
    name: 'Workstation and server local admin',
    active: true,
    order: 100,
    targetKind: 'device_local_admin',
    maxDurationMinutes: 240,
    emergencyMaxDurationMinutes: 480,
    allowedDeviceClasses: ['workstation', 'laptop', 'server'],
    corpManagedOnly: true,
    blockedUserIds: [VIP],
    blockedGroupIds: [G_VIP],
    allowedRoles: {},
    changeRequiredForServers: true,
    changeRequiredForProduction: true,
    incidentRequiredForEmergency: true,
    businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', utcOffsetMinutes: 0 },
    secondApproverRules: { outsideBusinessHours: true, serversOrProduction: true, highRiskRoles: true },
    secondApproverGroupId: G_SECOND,
    highRiskRoleIds: [],
    autoApproveRules: [
        {
            name: 'p1-p2-oncall-responder',
            requireIncidentPriorityAtMost: 2,
            requireRequesterInIncidentGroup: true,
            targetKinds: ['device_local_admin'],
            maxDurationMinutes: 120,
        },
    ],
    approvalTimeoutMinutes: 60,
    emergencyApprovalTimeoutMinutes: 5,
    escalationGroupId: G_ESCALATE,
}
const rolePolicy = merge(devicePolicy, {
    name: 'Entra directory roles',
    targetKind: 'entra_role',
    maxDurationMinutes: 480,
    emergencyMaxDurationMinutes: 480,
    allowedDeviceClasses: [],
    allowedRoles: { [G_ONCALL]: [ROLE_HELPDESK, ROLE_GLOBAL], [G_DBA]: [ROLE_USERADMIN] },
    highRiskRoleIds: [ROLE_GLOBAL],
    autoApproveRules: [],
})
const anyPolicy = merge(devicePolicy, {
    name: 'Default',
    order: 1000,
    targetKind: 'any',
    maxDurationMinutes: 60,
    emergencyMaxDurationMinutes: 120,
    allowedDeviceClasses: [],
    secondApproverRules: { outsideBusinessHours: false, serversOrProduction: true, highRiskRoles: false },
    autoApproveRules: [],
})

const workstation = {
    sysId: CI_WS,
    name: 'WS-ALICE-01',
    deviceClass: 'workstation',
    corpManaged: true,
    production: false,
}
const server = { sysId: CI_SRV, name: 'SRV-DB-07', deviceClass: 'server', corpManaged: true, production: true }
const baseRequest = {
    requestedFor: { sysId: ALICE, userName: 'alice', email: 'alice@example.com', active: true, groupIds: [G_ONCALL] },
    openedBy: ALICE,
    targetKind: 'device_local_admin',
    target: { ci: workstation },
    durationMinutes: 60,
    justification: 'Install the vendor driver for the docking station',
    emergency: false,
}
const p1 = {
    sysId: INC,
    number: 'INC0010001',
    priority: 1,
    active: true,
    callerId: BOB,
    assignedTo: ALICE,
    assignmentGroupId: G_ONCALL,
    ciSysId: CI_WS,
    // Raised, prioritised and assigned by the service desk, not by the requester (alice).
    openedBy: SERVICE_DESK,
    prioritySetBy: [SERVICE_DESK],
    assignmentSetBy: [SERVICE_DESK],
}
const change = {
    sysId: CHG,
    number: 'CHG0030001',
    active: true,
    startMs: WED_10 - HOUR,
    endMs: WED_10 + 4 * HOUR,
    ciSysId: CI_SRV,
}
const baseContext = { nowMs: WED_10, integrationEnabled: true, defaultMaxDurationMinutes: 120 }
const emergencyP1 = { emergency: true, incident: merge(p1, { assignmentGroupId: G_DBA }) }

interface Expect {
    allowed: boolean
    reasonCodes: string[]
    durationMinutes?: number
    requiredApprovalKinds?: string[]
    autoApproveRule?: string | null
    highRisk?: boolean
    policyName?: string
    approvalTimeoutMinutes?: number
}
const cases: Json[] = []
function vector(name: string, opts: { request?: Json; policies?: unknown[]; context?: Json; expect: Expect }): void {
    const request = opts.request ? merge(baseRequest, opts.request) : clone(baseRequest)
    // The base request is a device request; other kinds must not inherit its CI.
    if (request.targetKind !== 'device_local_admin') delete (request.target as Json).ci
    cases.push({
        name,
        request,
        policies: opts.policies ? clone(opts.policies) : [clone(devicePolicy), clone(rolePolicy)],
        context: opts.context ? merge(baseContext, opts.context) : clone(baseContext),
        expect: opts.expect,
    })
}
const ok = (extra: Partial<Expect> = {}): Expect => ({
    allowed: true,
    reasonCodes: [],
    requiredApprovalKinds: ['manager'],
    autoApproveRule: null,
    highRisk: false,
    ...extra,
})
const no = (...codes: string[]): Expect => ({
    allowed: false,
    reasonCodes: codes,
    requiredApprovalKinds: [],
    autoApproveRule: null,
})
const withSecond = ['manager', 'second_approver']

// --- Baseline, kill switch, policy selection ------------------------------------------------------------
vector('workstation request inside business hours needs the manager only', {
    expect: ok({ durationMinutes: 60, policyName: devicePolicy.name, approvalTimeoutMinutes: 60 }),
})
vector('integration disabled denies', { context: { integrationEnabled: false }, expect: no('INTEGRATION_DISABLED') })
vector('no policy for the target kind denies', {
    request: { targetKind: 'entra_group', target: { groupId: ENTRA_GROUP } },
    expect: no('NO_MATCHING_POLICY'),
})
vector("an 'any' policy is the fallback for a kind without its own policy", {
    request: { targetKind: 'entra_group', target: { groupId: ENTRA_GROUP } },
    policies: [devicePolicy, anyPolicy],
    expect: ok({ policyName: 'Default' }),
})
vector("a kind-specific policy wins over an 'any' policy with a lower order", {
    request: { durationMinutes: 200 },
    policies: [merge(anyPolicy, { order: 1 }), merge(devicePolicy, { order: 500 })],
    expect: ok({ durationMinutes: 200, policyName: devicePolicy.name }),
})
vector('the lowest order wins among policies for the same kind', {
    request: { durationMinutes: 200 },
    policies: [
        merge(devicePolicy, { name: 'Strict', order: 200, maxDurationMinutes: 30 }),
        merge(devicePolicy, { name: 'Main', order: 100 }),
    ],
    expect: ok({ durationMinutes: 200, policyName: 'Main' }),
})
vector('an inactive policy is ignored even with the lowest order', {
    request: { durationMinutes: 200 },
    policies: [merge(devicePolicy, { name: 'Old', order: 1, active: false, maxDurationMinutes: 30 }), devicePolicy],
    expect: ok({ durationMinutes: 200, policyName: devicePolicy.name }),
})
vector('only inactive policies means no matching policy', {
    policies: [merge(devicePolicy, { active: false }), merge(anyPolicy, { active: false })],
    expect: no('NO_MATCHING_POLICY'),
})
vector('an unknown target kind is an invalid request', {
    request: { targetKind: 'printer' },
    expect: no('REQUEST_INVALID'),
})

// --- Duration bounds -------------------------------------------------------------------------------------
// The hard floor is 1 minute; a policy without min_duration gets the default minimum of 5 (Entra PIM cannot
// remove an assignment within 5 minutes of activation). Only a policy that sets a lower minimum goes below 5.
const sandboxPolicy = merge(devicePolicy, { name: 'Sandbox demo', minDurationMinutes: 1 })
vector('duration 4 is below the default policy minimum of 5', {
    request: { durationMinutes: 4 },
    expect: { ...no('DURATION_BELOW_POLICY_MIN'), durationMinutes: 5 },
})
vector('duration 1 is denied under a policy without min_duration (default minimum 5)', {
    request: { durationMinutes: 1 },
    expect: { ...no('DURATION_BELOW_POLICY_MIN'), durationMinutes: 5 },
})
vector('duration 5 (the default policy minimum) is allowed under a policy without min_duration', {
    request: { durationMinutes: 5 },
    expect: ok({ durationMinutes: 5 }),
})
vector('duration 0 is below the hard floor of 1', {
    request: { durationMinutes: 0 },
    expect: { ...no('DURATION_BELOW_MIN'), durationMinutes: 5 },
})
vector('a negative duration is below the hard floor', {
    request: { durationMinutes: -5 },
    expect: { ...no('DURATION_BELOW_MIN'), durationMinutes: 5 },
})
vector('a sandbox policy with min_duration 1 allows a 1-minute grant', {
    request: { durationMinutes: 1 },
    policies: [sandboxPolicy],
    expect: ok({ durationMinutes: 1, policyName: 'Sandbox demo' }),
})
vector('a sandbox policy with min_duration 1 still denies 0 minutes (hard floor)', {
    request: { durationMinutes: 0 },
    policies: [sandboxPolicy],
    expect: { ...no('DURATION_BELOW_MIN'), durationMinutes: 1 },
})
vector('a policy minimum of 3 denies 2 minutes with its own bound', {
    request: { durationMinutes: 2 },
    policies: [merge(devicePolicy, { minDurationMinutes: 3 })],
    expect: { ...no('DURATION_BELOW_POLICY_MIN'), durationMinutes: 3 },
})
vector('with no policy, a short duration reports only the missing policy and clamps to the default minimum', {
    request: { targetKind: 'entra_group', target: { groupId: ENTRA_GROUP }, durationMinutes: 3 },
    expect: { ...no('NO_MATCHING_POLICY'), durationMinutes: 5 },
})
vector('duration 1440 (hard maximum) is allowed under a 1440-minute policy', {
    request: { durationMinutes: 1440 },
    policies: [merge(devicePolicy, { maxDurationMinutes: 1440 })],
    expect: ok({ durationMinutes: 1440 }),
})
vector('duration 1441 is above the hard maximum (policy max 1440)', {
    request: { durationMinutes: 1441 },
    policies: [merge(devicePolicy, { maxDurationMinutes: 1440 })],
    expect: { ...no('DURATION_ABOVE_MAX'), durationMinutes: 1440 },
})
vector('duration 1441 under a 240-minute policy breaks both bounds', {
    request: { durationMinutes: 1441 },
    expect: { ...no('DURATION_ABOVE_MAX', 'DURATION_ABOVE_POLICY_MAX'), durationMinutes: 240 },
})
vector('duration exactly the policy maximum is allowed', {
    request: { durationMinutes: 240 },
    expect: ok({ durationMinutes: 240 }),
})
vector('duration one above the policy maximum is denied', {
    request: { durationMinutes: 241 },
    expect: { ...no('DURATION_ABOVE_POLICY_MAX'), durationMinutes: 240 },
})
vector('emergency duration exactly the emergency maximum is allowed', {
    request: { ...emergencyP1, durationMinutes: 480 },
    expect: ok({ durationMinutes: 480, approvalTimeoutMinutes: 5 }),
})
vector('emergency duration one above the emergency maximum is denied', {
    request: { ...emergencyP1, durationMinutes: 481 },
    expect: { ...no('DURATION_ABOVE_POLICY_MAX'), durationMinutes: 480 },
})
vector('a non-emergency request may not use the emergency maximum', {
    request: { durationMinutes: 480 },
    expect: { ...no('DURATION_ABOVE_POLICY_MAX'), durationMinutes: 240 },
})
vector('a duration below the policy minimum (15) is denied with the bound', {
    request: { durationMinutes: 14 },
    policies: [merge(devicePolicy, { minDurationMinutes: 15 })],
    expect: { ...no('DURATION_BELOW_POLICY_MIN'), durationMinutes: 15 },
})
vector('a duration exactly the policy minimum is allowed', {
    request: { durationMinutes: 15 },
    policies: [merge(devicePolicy, { minDurationMinutes: 15 })],
    expect: ok({ durationMinutes: 15 }),
})
vector('below the hard floor reports only the hard bound, even with a policy minimum', {
    request: { durationMinutes: 0 },
    policies: [merge(devicePolicy, { minDurationMinutes: 15 })],
    expect: { ...no('DURATION_BELOW_MIN'), durationMinutes: 15 },
})
vector('4 minutes under a policy minimum of 15 is below the policy minimum, not the hard floor', {
    request: { durationMinutes: 4 },
    policies: [merge(devicePolicy, { minDurationMinutes: 15 })],
    expect: { ...no('DURATION_BELOW_POLICY_MIN'), durationMinutes: 15 },
})
vector('a fractional duration is invalid', { request: { durationMinutes: 60.5 }, expect: no('DURATION_INVALID') })
vector('a policy without a maximum uses the default maximum property (120): 120 allowed', {
    request: { durationMinutes: 120 },
    policies: [merge(devicePolicy, { maxDurationMinutes: 0 })],
    expect: ok({ durationMinutes: 120 }),
})
vector('a policy without a maximum uses the default maximum property (120): 121 denied', {
    request: { durationMinutes: 121 },
    policies: [merge(devicePolicy, { maxDurationMinutes: 0 })],
    expect: { ...no('DURATION_ABOVE_POLICY_MAX'), durationMinutes: 120 },
})

// --- Requester -------------------------------------------------------------------------------------------
vector('a blocked user is denied', {
    request: { requestedFor: { sysId: VIP, userName: 'ceo', email: 'ceo@example.com' }, openedBy: VIP },
    expect: no('USER_BLOCKED'),
})
vector('a member of a blocked group is denied', {
    request: { requestedFor: { groupIds: [G_ONCALL, G_VIP] } },
    expect: no('GROUP_BLOCKED'),
})
vector('an inactive user is denied', { request: { requestedFor: { active: false } }, expect: no('USER_INACTIVE') })
vector('every failing reason is reported, not just the first', {
    request: {
        requestedFor: { sysId: VIP, active: false, groupIds: [G_VIP] },
        durationMinutes: 4,
        justification: 'need admin',
    },
    // 4 minutes is above the 1-minute floor but below the default policy minimum of 5.
    expect: no(
        'USER_BLOCKED',
        'GROUP_BLOCKED',
        'USER_INACTIVE',
        'DURATION_BELOW_POLICY_MIN',
        'JUSTIFICATION_TOO_SHORT',
    ),
})
vector('disabled integration is reported together with the other failures', {
    request: { requestedFor: { groupIds: [G_VIP] } },
    context: { integrationEnabled: false },
    expect: no('INTEGRATION_DISABLED', 'GROUP_BLOCKED'),
})

// --- Device -------------------------------------------------------------------------------------------------
vector('a device class outside the allowed list is denied', {
    request: { target: { ci: { deviceClass: 'kiosk' } } },
    expect: no('DEVICE_CLASS_NOT_ALLOWED'),
})
vector('device class matching is case-insensitive', {
    request: { target: { ci: { deviceClass: 'Laptop' } } },
    expect: ok(),
})
vector('an unmanaged device is denied when corp-managed only', {
    request: { target: { ci: { corpManaged: false } } },
    expect: no('DEVICE_NOT_CORP_MANAGED'),
})
vector('an unmanaged device is allowed when the policy does not require corp-managed', {
    request: { target: { ci: { corpManaged: false } } },
    policies: [merge(devicePolicy, { corpManagedOnly: false })],
    expect: ok(),
})
vector('a device request without a CI is denied', {
    request: { target: { ci: undefined } },
    expect: no('TARGET_MISSING'),
})

// --- Change ------------------------------------------------------------------------------------------------
const serverReq = { target: { ci: server } }
vector('a server without a change is denied', {
    request: serverReq,
    expect: { ...no('CHANGE_REQUIRED'), highRisk: true },
})
vector('a server with an active change in its window is allowed, high risk, with a second approver', {
    request: { ...serverReq, change },
    expect: ok({ highRisk: true, requiredApprovalKinds: withSecond }),
})
vector('a production workstation without a change is denied', {
    request: { target: { ci: { production: true } } },
    expect: { ...no('CHANGE_REQUIRED'), highRisk: true },
})
vector('production without a change is allowed when the policy does not require one', {
    request: { target: { ci: { production: true } } },
    policies: [merge(devicePolicy, { changeRequiredForProduction: false })],
    expect: ok({ highRisk: true, requiredApprovalKinds: withSecond }),
})
vector('an inactive change is denied', {
    request: { ...serverReq, change: { ...change, active: false } },
    expect: { ...no('CHANGE_INACTIVE'), highRisk: true },
})
vector('a change whose window has not started is denied', {
    request: { ...serverReq, change: { ...change, startMs: WED_10 + 1, endMs: WED_10 + HOUR } },
    expect: { ...no('CHANGE_OUTSIDE_WINDOW'), highRisk: true },
})
vector('a change whose window ends exactly now is outside (end exclusive)', {
    request: { ...serverReq, change: { ...change, endMs: WED_10 } },
    expect: { ...no('CHANGE_OUTSIDE_WINDOW'), highRisk: true },
})
vector('a change whose window starts exactly now is inside (start inclusive)', {
    request: { ...serverReq, change: { ...change, startMs: WED_10 } },
    expect: ok({ highRisk: true, requiredApprovalKinds: withSecond }),
})
vector('a change for another CI is denied', {
    request: { ...serverReq, change: { ...change, ciSysId: CI_OTHER } },
    expect: { ...no('CHANGE_CI_MISMATCH'), highRisk: true },
})

// --- Emergency and incident ---------------------------------------------------------------------------------
vector('an emergency without an incident is denied', { request: { emergency: true }, expect: no('INCIDENT_REQUIRED') })
vector('an emergency with a P3 incident is denied', {
    request: { emergency: true, incident: { ...p1, priority: 3 } },
    expect: no('INCIDENT_PRIORITY_TOO_LOW'),
})
vector('an emergency with an inactive incident is denied', {
    request: { emergency: true, incident: { ...p1, active: false } },
    expect: no('INCIDENT_INACTIVE'),
})
vector('an emergency with a P2 incident uses the emergency approval timeout', {
    request: { emergency: true, incident: { ...p1, priority: 2, assignmentGroupId: G_DBA } },
    expect: ok({ approvalTimeoutMinutes: 5 }),
})
vector('an emergency without an incident is allowed when the policy does not require one', {
    request: { emergency: true },
    policies: [merge(devicePolicy, { incidentRequiredForEmergency: false })],
    expect: ok({ approvalTimeoutMinutes: 5 }),
})

// --- Entra roles ----------------------------------------------------------------------------------------------
const roleReq = (roleId: string, roleName: string): Json => ({ targetKind: 'entra_role', target: { roleId, roleName } })
vector("a role allowed for the requester's resolver group is allowed", {
    request: roleReq(ROLE_HELPDESK, 'Helpdesk Administrator'),
    expect: ok({ policyName: rolePolicy.name }),
})
vector("a role not allowed for any of the requester's groups is denied", {
    request: roleReq(ROLE_USERADMIN, 'User Administrator'),
    expect: no('ROLE_NOT_ALLOWED'),
})
vector('a high-risk role is allowed with a second approver and flagged high risk', {
    request: roleReq(ROLE_GLOBAL, 'Global Administrator'),
    expect: ok({ highRisk: true, requiredApprovalKinds: withSecond }),
})
vector('a role request without a role id is denied', {
    request: { targetKind: 'entra_role', target: {} },
    expect: no('TARGET_MISSING'),
})
vector('a PAM account request without an account is denied', {
    request: { targetKind: 'pam_account', target: {} },
    policies: [anyPolicy],
    expect: no('TARGET_MISSING'),
})

// --- Emergency console (issue 14): three named slots from the policy's groups, never by rule -------------------
const G_IC = id('1a') // incident command
const G_SEC = id('2b') // security
const G_CUST = id('3c') // accountable customer-account authority
const consolePolicy = merge(anyPolicy, {
    name: 'Emergency console',
    order: 50,
    targetKind: 'console',
    maxDurationMinutes: 240,
    emergencyMaxDurationMinutes: 240,
    incidentCommandGroupId: G_IC,
    securityGroupId: G_SEC,
    customerAuthorityGroupId: G_CUST,
    // A rule that would match a P1 console request: the console is high risk, so it never applies.
    autoApproveRules: [
        {
            name: 'p1-console',
            requireIncidentPriorityAtMost: 2,
            requireRequesterInIncidentGroup: false,
            targetKinds: ['console'],
            maxDurationMinutes: 240,
        },
    ],
})
const consoleTarget = {
    account: 'jane.admin@contoso.example',
    tenantId: 'TNT-40213',
    tenantName: 'Contoso Manufacturing',
    scope: 'user_admin,helpdesk_admin',
}
const consoleSlots = ['incident_command', 'security', 'customer_authority']
vector('an emergency console request needs incident command, security and customer-account authority', {
    request: { targetKind: 'console', target: consoleTarget, ...emergencyP1 },
    policies: [consolePolicy],
    expect: ok({ requiredApprovalKinds: consoleSlots, highRisk: true, policyName: 'Emergency console' }),
})
vector('a console policy without the security group denies (no slot left unnamed)', {
    request: { targetKind: 'console', target: consoleTarget, ...emergencyP1 },
    policies: [merge(consolePolicy, { securityGroupId: '' })],
    expect: no('CONSOLE_APPROVERS_UNSET'),
})
vector('a console request without its tenant packet is denied', {
    request: { targetKind: 'console', target: { account: consoleTarget.account }, ...emergencyP1 },
    policies: [consolePolicy],
    expect: no('TARGET_MISSING'),
})

// --- Justification ---------------------------------------------------------------------------------------------
vector('a 19-character justification is too short', {
    request: { justification: 'x'.repeat(19) },
    expect: no('JUSTIFICATION_TOO_SHORT'),
})
vector('a 20-character justification is enough', { request: { justification: 'y'.repeat(20) }, expect: ok() })
vector('padding does not count towards the justification', {
    request: { justification: '   ' + 'z'.repeat(17) + '      ' },
    expect: no('JUSTIFICATION_TOO_SHORT'),
})

// --- Business hours ---------------------------------------------------------------------------------------------
vector('Wednesday 08:00 (start, inclusive) is inside business hours', {
    context: { nowMs: at(12, 8, 0) },
    expect: ok(),
})
vector('Wednesday 07:59 is outside business hours: second approver', {
    context: { nowMs: at(12, 7, 59) },
    expect: ok({ requiredApprovalKinds: withSecond }),
})
vector('Wednesday 17:59 is inside business hours', { context: { nowMs: at(12, 17, 59) }, expect: ok() })
vector('Wednesday 18:00 (end, exclusive) is outside business hours: second approver', {
    context: { nowMs: at(12, 18, 0) },
    expect: ok({ requiredApprovalKinds: withSecond }),
})
vector('Saturday 10:00 is outside business hours: second approver', {
    context: { nowMs: at(15, 10, 0) },
    expect: ok({ requiredApprovalKinds: withSecond }),
})
vector('UTC+1: 07:30 UTC is 08:30 local, inside business hours', {
    policies: [merge(devicePolicy, { businessHours: { utcOffsetMinutes: 60 } })],
    context: { nowMs: at(12, 7, 30) },
    expect: ok(),
})
vector('UTC-5: Saturday 02:00 UTC is Friday 21:00 local, outside business hours', {
    policies: [merge(devicePolicy, { businessHours: { utcOffsetMinutes: -300 } })],
    context: { nowMs: at(15, 2, 0) },
    expect: ok({ requiredApprovalKinds: withSecond }),
})
vector('UTC+10: Sunday 23:30 UTC is Monday 09:30 local, inside business hours', {
    policies: [merge(devicePolicy, { businessHours: { utcOffsetMinutes: 600 } })],
    context: { nowMs: at(16, 23, 30) },
    expect: ok(),
})
vector('outside business hours needs no second approver when that rule is off', {
    policies: [merge(devicePolicy, { secondApproverRules: { outsideBusinessHours: false } })],
    context: { nowMs: at(15, 10, 0) },
    expect: ok(),
})
vector('a required second approver without a second-approver group denies (misconfigured policy)', {
    policies: [merge(devicePolicy, { secondApproverGroupId: '' })],
    context: { nowMs: at(15, 10, 0) },
    expect: no('SECOND_APPROVER_UNAVAILABLE'),
})

// --- Auto-approval ---------------------------------------------------------------------------------------------
vector('P1 incident + requester in the incident group + short workstation grant is auto-approved', {
    request: { incident: p1 },
    expect: ok({ requiredApprovalKinds: [], autoApproveRule: 'p1-p2-oncall-responder' }),
})
vector('auto-approval also applies at night (no second approver)', {
    request: { incident: p1, durationMinutes: 120 },
    context: { nowMs: at(13, 3, 0) },
    expect: ok({ durationMinutes: 120, requiredApprovalKinds: [], autoApproveRule: 'p1-p2-oncall-responder' }),
})
vector('no auto-approval when the requester is not in the incident assignment group', {
    request: { incident: { ...p1, assignmentGroupId: G_DBA } },
    expect: ok(),
})
vector('no auto-approval above the rule maximum duration', {
    request: { incident: p1, durationMinutes: 121 },
    expect: ok({ durationMinutes: 121 }),
})
vector('no auto-approval for a P3 incident (non-emergency request still allowed)', {
    request: { incident: { ...p1, priority: 3 } },
    expect: ok(),
})
vector('no auto-approval for a P2 incident when the rule requires P1', {
    request: { incident: { ...p1, priority: 2 } },
    policies: [
        merge(devicePolicy, {
            autoApproveRules: [{ ...devicePolicy.autoApproveRules[0], requireIncidentPriorityAtMost: 1 }],
        }),
    ],
    expect: ok(),
})
vector('never auto-approve a high-risk (server) target', {
    request: { ...serverReq, change, incident: { ...p1, ciSysId: CI_SRV } },
    expect: ok({ highRisk: true, requiredApprovalKinds: withSecond }),
})
vector('no auto-approval for a target kind the rule does not list', {
    request: { ...roleReq(ROLE_HELPDESK, 'Helpdesk Administrator'), incident: p1 },
    policies: [merge(rolePolicy, { autoApproveRules: devicePolicy.autoApproveRules })],
    expect: ok(),
})
vector('an emergency matching the auto-approve rule is auto-approved', {
    request: { emergency: true, incident: p1, durationMinutes: 90 },
    expect: ok({
        durationMinutes: 90,
        requiredApprovalKinds: [],
        autoApproveRule: 'p1-p2-oncall-responder',
        approvalTimeoutMinutes: 5,
    }),
})

vector('no auto-approval when the requester is the caller of the incident (own ticket)', {
    request: { incident: { ...p1, callerId: ALICE } },
    expect: ok(),
})
vector('no auto-approval when the requester opened the incident', {
    request: { incident: { ...p1, openedBy: ALICE } },
    expect: ok(),
})
vector('no auto-approval when the requester raised the priority of the incident', {
    request: { incident: { ...p1, prioritySetBy: [SERVICE_DESK, ALICE] } },
    expect: ok(),
})
vector('no auto-approval when the requester assigned the incident to their group', {
    request: { incident: { ...p1, assignmentSetBy: [ALICE] } },
    expect: ok(),
})
vector('no auto-approval when who raised the incident cannot be told (no history)', {
    request: { incident: { ...p1, openedBy: undefined, prioritySetBy: undefined, assignmentSetBy: undefined } },
    expect: ok(),
})

// --- Policy records that do not parse (runner evaluates records through policyFromRecord) ------------------------
const brokenDevice = {
    record: {
        name: 'Broken',
        active: 'true',
        order: '10',
        target_kind: 'device_local_admin',
        max_duration: 'four hours',
        blocked_users: 'nobody',
    },
}
vector('an unparseable policy that could govern the request denies it', {
    policies: [brokenDevice],
    expect: no('POLICY_INVALID'),
})
vector("an unparseable kind-specific policy does not fall back to a valid 'any' policy", {
    policies: [brokenDevice, anyPolicy],
    expect: no('POLICY_INVALID'),
})
vector('an unparseable policy for another target kind is ignored', {
    policies: [merge(brokenDevice, { record: { target_kind: 'entra_role' } }), devicePolicy],
    expect: ok(),
})
vector('an unparseable inactive policy is ignored', {
    policies: [merge(brokenDevice, { record: { active: 'false' } }), devicePolicy],
    expect: ok(),
})

// --- canApprove and boundApprovedDuration ------------------------------------------------------------------------
const onBehalf = merge(baseRequest, { openedBy: BOB })
const canApprove = [
    {
        name: 'the person the access is for cannot approve',
        request: onBehalf,
        approver: ALICE,
        expect: { allowed: false, code: 'SELF_APPROVAL' },
    },
    {
        name: 'whoever opened the request cannot approve',
        request: onBehalf,
        approver: BOB,
        expect: { allowed: false, code: 'SELF_APPROVAL' },
    },
    {
        name: 'a self-opened request cannot be approved by its requester',
        request: baseRequest,
        approver: ALICE,
        expect: { allowed: false, code: 'SELF_APPROVAL' },
    },
    { name: 'the manager may approve', request: onBehalf, approver: MANAGER, expect: { allowed: true, code: '' } },
    {
        name: 'an empty approver is refused',
        request: onBehalf,
        approver: '',
        expect: { allowed: false, code: 'APPROVER_INVALID' },
    },
    {
        name: 'a malformed approver id is refused',
        request: onBehalf,
        approver: 'admin',
        expect: { allowed: false, code: 'APPROVER_INVALID' },
    },
]
const boundApprovedDuration = [
    { name: 'an approver may shorten', requested: 60, approverChosen: 30, expect: 30 },
    { name: 'an approver may not lengthen', requested: 60, approverChosen: 90, expect: 60 },
    { name: 'no choice keeps the requested duration', requested: 60, approverChosen: null, expect: 60 },
    { name: 'the same duration is kept', requested: 60, approverChosen: 60, expect: 60 },
    // Without the policy minimum, the default minimum (5) applies: the production-safe answer.
    {
        name: 'with the policy unknown, shortening below the default minimum is raised to 5',
        requested: 60,
        approverChosen: 2,
        expect: 5,
    },
    {
        name: 'a requested duration above the hard maximum is capped at 1440',
        requested: 2000,
        approverChosen: null,
        expect: 1440,
    },
    { name: 'fractions are rounded down', requested: 60, approverChosen: 59.7, expect: 59 },
    { name: 'a negative choice is raised to the minimum', requested: 60, approverChosen: -10, expect: 5 },
    {
        name: 'under a default policy (minimum 5), shortening to 2 is raised to 5',
        requested: 60,
        approverChosen: 2,
        policyMinMinutes: 5,
        expect: 5,
    },
    {
        name: 'under a policy minimum of 15, shortening to 10 is raised to 15',
        requested: 60,
        approverChosen: 10,
        policyMinMinutes: 15,
        expect: 15,
    },
    {
        name: 'under a sandbox policy (minimum 1), an approver may shorten to 1',
        requested: 60,
        approverChosen: 1,
        policyMinMinutes: 1,
        expect: 1,
    },
    {
        name: 'under a sandbox policy, a 1-minute request is kept',
        requested: 1,
        approverChosen: null,
        policyMinMinutes: 1,
        expect: 1,
    },
    {
        name: 'under a sandbox policy, a choice of 0 is raised to the floor of 1',
        requested: 60,
        approverChosen: 0,
        policyMinMinutes: 1,
        expect: 1,
    },
    {
        name: 'under a sandbox policy, the hard maximum still caps at 1440',
        requested: 2000,
        approverChosen: null,
        policyMinMinutes: 1,
        expect: 1440,
    },
]

const out = {
    description:
        'Policy test vectors, run against the TypeScript source (shared/test/policy-vectors.test.ts) and against the ' +
        'JavaScript the Fluent build packages (shared/test/packaged-policy.test.ts). `policies` entries are PolicyRule ' +
        'objects or { record } Table-API records (parsed with policyFromRecord). Generated by generate-policy-vectors.ts.',
    evaluate: cases,
    canApprove,
    boundApprovedDuration,
}
const target = join(dirname(fileURLToPath(import.meta.url)), 'policy-vectors.json')
// Formatted with the repo's prettier config so `prettier --check` stays clean. (A function rather than top-level
// await: tsx runs this file as CommonJS.)
async function write(): Promise<void> {
    const options = (await prettier.resolveConfig(target)) ?? {}
    writeFileSync(target, await prettier.format(JSON.stringify(out), { ...options, filepath: target }))
    console.log(
        `wrote ${cases.length} evaluate, ${canApprove.length} canApprove, ${boundApprovedDuration.length} boundApprovedDuration vectors`,
    )
}
void write()
