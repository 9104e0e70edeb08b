/**
 * A small instance for the server-module tests, on the Glide fake: people and groups, a workstation and a
 * server, an incident and a change, the two catalog items, one policy per kind, the app's properties, and the
 * business rules wired exactly as the Fluent files wire them (see src/fluent/business-rules).
 */
import { wireAppRules } from './app-rules'
import { policyToRecord } from '../../../shared/src/policy-record'
import type { PolicyRule } from '../../../shared/src/policy-types'
import { CATALOG_ITEM, PLATFORM_TABLE, PROPERTY, TABLE } from '../../../shared/src/schema'
import { glide, type Row } from './glide-fake'

export const id = (n: number): string => n.toString(16).padStart(32, '0')

/** Well-known sys_ids of the world. */
export const W = {
    alice: id(0xa1), // requester, in the resolvers group
    bob: id(0xb0), // alice's manager
    carol: id(0xc0), // security group (second approver)
    dave: id(0xd0), // escalation group
    erin: id(0xe0), // SecOps
    mallory: id(0x3a), // inactive manager-less user
    resolvers: id(0x100),
    security: id(0x101),
    escalation: id(0x102),
    secops: id(0x103),
    workstation: id(0x200),
    server: id(0x201),
    incident: id(0x300),
    change: id(0x301),
    itemLocalAdmin: id(0x400),
    itemEntraRole: id(0x401),
    globalAdminRole: '62e90394-69f5-4237-9190-012177145e10',
    helpdeskRole: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
} as const

export const HOUR = 3600_000

/** The policies of the world (tests may replace them). */
export function policies(): PolicyRule[] {
    const common = {
        active: true,
        order: 100,
        minDurationMinutes: 5,
        maxDurationMinutes: 240,
        emergencyMaxDurationMinutes: 30,
        allowedDeviceClasses: [],
        corpManagedOnly: true,
        blockedUserIds: [],
        blockedGroupIds: [],
        allowedRoles: { [W.resolvers]: [W.globalAdminRole, W.helpdeskRole] },
        changeRequiredForServers: true,
        changeRequiredForProduction: false,
        incidentRequiredForEmergency: true,
        businessHours: null,
        secondApproverRules: { outsideBusinessHours: false, serversOrProduction: true, highRiskRoles: true },
        secondApproverGroupId: W.security,
        highRiskRoleIds: [W.globalAdminRole],
        autoApproveRules: [
            {
                name: 'P1/P2 on-call responder',
                requireIncidentPriorityAtMost: 2 as const,
                requireRequesterInIncidentGroup: true,
                targetKinds: ['device_local_admin' as const],
                maxDurationMinutes: 30,
            },
        ],
        approvalTimeoutMinutes: 60,
        emergencyApprovalTimeoutMinutes: 5,
        escalationGroupId: W.escalation,
    }
    return [
        { ...common, name: 'Local admin', targetKind: 'device_local_admin' },
        { ...common, name: 'Entra roles', targetKind: 'entra_role' },
    ]
}

export function setPolicies(list: PolicyRule[]): void {
    glide.tables.set(TABLE.policy, [])
    for (const p of list) glide.insert(TABLE.policy, policyToRecord(p))
}

/** Reset the fake and build the world at 2026-11-27 10:00 UTC, session user alice. */
export function buildWorld(): void {
    glide.reset()
    glide.numbering.set(TABLE.grant, 'BGA')
    glide.numbering.set(TABLE.action, 'BGQ')
    glide.numbering.set(PLATFORM_TABLE.incident, 'INC')
    glide.numbering.set(PLATFORM_TABLE.ritm, 'RITM')
    glide.numbering.set(PLATFORM_TABLE.change, 'CHG')
    const user = (sysId: string, userName: string, manager = '', active = true): void => {
        glide.insert(PLATFORM_TABLE.user, {
            sys_id: sysId,
            user_name: userName,
            name: userName,
            email: `${userName}@example.com`,
            active,
            manager,
        })
    }
    user(W.alice, 'alice', W.bob)
    user(W.bob, 'bob')
    user(W.carol, 'carol')
    user(W.dave, 'dave')
    user(W.erin, 'erin')
    user(W.mallory, 'mallory', '', true)
    // The groups themselves (the SecOps group property must name an existing group: submit refuses otherwise).
    for (const [sysId, name] of [
        [W.resolvers, 'Resolvers'],
        [W.security, 'Security'],
        [W.escalation, 'Escalation'],
        [W.secops, 'SecOps'],
    ] as const) {
        glide.insert(PLATFORM_TABLE.group, { sys_id: sysId, name, active: true })
    }
    const member = (u: string, g: string): void => {
        glide.insert(PLATFORM_TABLE.groupMember, { user: u, group: g })
    }
    member(W.alice, W.resolvers)
    member(W.carol, W.security)
    member(W.bob, W.security) // the manager is also in security: one person cannot fill both slots
    member(W.dave, W.escalation)
    member(W.erin, W.secops)
    glide.insert(PLATFORM_TABLE.computer, {
        sys_id: W.workstation,
        name: 'PC-ALICE',
        u_device_class: 'workstation',
        u_corp_managed: true,
        used_for: 'Development',
    })
    glide.insert(PLATFORM_TABLE.computer, {
        sys_id: W.server,
        name: 'SRV-DB1',
        sys_class_name: 'cmdb_ci_server',
        u_corp_managed: true,
        used_for: 'Production',
    })
    glide.insert(PLATFORM_TABLE.incident, {
        sys_id: W.incident,
        number: 'INC0010001',
        priority: 3,
        active: true,
        caller_id: W.alice,
        assignment_group: '',
        cmdb_ci: '',
    })
    glide.insert(PLATFORM_TABLE.change, {
        sys_id: W.change,
        number: 'CHG0030001',
        active: true,
        start_date: '2026-11-27 09:00:00',
        end_date: '2026-11-27 12:00:00',
        cmdb_ci: W.server,
        assigned_to: W.alice,
    })
    glide.insert('sc_cat_item', { sys_id: W.itemLocalAdmin, name: CATALOG_ITEM.localAdmin.name, active: true })
    glide.insert('sc_cat_item', { sys_id: W.itemEntraRole, name: CATALOG_ITEM.entraRole.name, active: true })
    setPolicies(policies())
    glide.properties.set(PROPERTY.integrationEnabled, 'true')
    glide.properties.set(PROPERTY.defaultMaxDuration, '240')
    glide.properties.set(PROPERTY.secopsGroup, W.secops)
    glide.properties.set(PROPERTY.revokeGraceMinutes, '5')
    glide.properties.set(PROPERTY.heartbeatStaleMinutes, '10')
    glide.properties.set(PROPERTY.expiryWarningMinutes, '10')
    glide.setUser({ sysId: W.alice, userName: 'alice', roles: ['x_gbg_breakglass.requester'] })
    wireRules()
}

/** The business rules, as wired in src/fluent/business-rules. */
function wireRules(): void {
    wireAppRules({ claimGuard: true })
}

/** The grants, approvals, actions and audit events of the world. */
export const grants = (): Row[] => glide.rows(TABLE.grant)
export const approvalsOf = (grantSysId: string): Row[] =>
    glide.rows(PLATFORM_TABLE.approval).filter((r) => r.document_id === grantSysId)
export const actionsOf = (grantSysId: string): Row[] => glide.rows(TABLE.action).filter((r) => r.grant === grantSysId)
export const auditOf = (grantSysId: string): Row[] =>
    glide
        .rows(TABLE.auditEvent)
        .filter((r) => r.grant === grantSysId)
        .sort((a, b) => Number(a.sequence) - Number(b.sequence))
export const journalOf = (sysId: string, field?: string): string[] =>
    glide.journal.filter((j) => j.sysId === sysId && (!field || j.field === field)).map((j) => j.text)
