/**
 * Seeds the ServiceNow emulator with one complete, realistic break-glass scenario: what the ServiceNow app
 * itself does between "the requester submits the catalog item" and "the executor finds a ready action". The
 * writes go straight into the emulator's store (as the platform's own business rules and flows would write
 * them), in the order the app makes them: users and groups exist → CI and policy exist → RITM submitted →
 * grant record created → deterministic policy check → plan frozen with its digest → approvals → grant queued
 * and its grant action inserted. Every app-side step is also appended to the hash-chained audit trail.
 *
 * The policy decision, the plan and its digest are computed with the same shared code the app bundles
 * (`evaluatePolicyRecords`, `buildPlan`, `planDigest`, `chainEvent`), so the executor's recheck gate judges
 * exactly what the app decided. A scenario the shared policy would refuse throws here: a seeding mistake is
 * loud, never a silently broken demo.
 *
 * Test / dev code only.
 */
import { randomBytes } from 'node:crypto'
import {
    ACTION_FIELDS,
    ACTION_PRIORITY,
    AUDIT_FIELDS,
    GENESIS_HASH,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    PROPERTY,
    ROLE,
    TABLE,
    buildPlan,
    canonicalJson,
    chainEvent,
    evaluatePolicyRecords,
    planDigest,
    POLICY_FIELDS,
    policyFromRecord,
    policyRecordDigest,
    policyToRecord,
    type AccessRequest,
    type Decision,
    type ExecutionPlan,
    type PolicyRule,
    type ProviderName,
    type TargetKind,
} from '@gbg/shared'
import type { EmulatorStore } from '../emulators/servicenow/types'
import { formatGlideDateTime } from '../emulators/servicenow/store'
import { cachedAppDist } from '../emulators/servicenow/schema'

/** The platform's system properties table (not an app table, not in PLATFORM_TABLE). */
const PROPERTY_TABLE = 'sys_properties'

/** Value of an app property as the built app ships it (`sys_properties` records in now-app/dist). */
function appProperty(name: string): string | undefined {
    return cachedAppDist()
        .records(PROPERTY_TABLE)
        .find((r) => r['name'] === name)?.['value']
}

/** The part of the ServiceNow emulator seeding needs (structurally a `ServiceNowEmulator`). */
export interface SeedTarget {
    store: EmulatorStore
    addUser(user: {
        userName: string
        password?: string
        email?: string
        firstName?: string
        lastName?: string
        roles: string[]
        groups?: string[]
        manager?: string
    }): string
}

/** Entra object ids the scenario uses; the sandbox seeds the Graph emulator with the same ids. */
export interface GraphIds {
    /** Entra object id of the requester (alice). */
    userId: string
    /** Role definition id (entra-role). */
    roleId: string
    /** Role display name (entra-role). */
    roleName: string
    /** Object id of the group fed into the workstations' local Administrators by Intune (entra-group). */
    groupId: string
    /** Display name of that group. */
    groupName: string
}

/**
 * Default Entra ids. The role id is the real, tenant-independent template id of Global Administrator; the user
 * and group ids are fixed GUIDs so logs of two sandbox runs compare.
 */
export const DEFAULT_GRAPH_IDS: GraphIds = {
    userId: '5f0c6a6e-3b1d-4c2a-9a7e-1d2b3c4d5e6f',
    roleId: '62e90394-69f5-4237-9190-012177145e10',
    roleName: 'Global Administrator',
    groupId: '8d3f2b1a-7c6e-4f5d-9b8a-0e1f2a3b4c5d',
    groupName: 'BG-LocalAdmin-Workstations',
}

/** Options of {@link seedScenario}. */
export interface SeedOptions {
    /** Which provider the frozen plan names (and so which target kind the request is for). */
    provider: ProviderName
    /** Requested (and approved) duration in minutes; the sandbox policy allows 1..240. */
    durationMinutes: number
    /** Entra ids. @defaultValue {@link DEFAULT_GRAPH_IDS} */
    graphIds?: Partial<GraphIds>
    /** Clock of the app side (timestamps of the seeded records). @defaultValue system clock */
    now?: () => Date
    /**
     * Let the ServiceNow app's own server modules take the request (RITM → policy → plan → approvals → queued)
     * instead of writing those records here by hand; see test/sandbox/through-app.ts. People, groups, CI and
     * policy are seeded either way.
     */
    throughApp?: (order: {
        provider: ProviderName
        requester: SeededUser
        secopsGroupSysId: string
        ciSysId: string
        roleId: string
        durationMinutes: number
        justification: string
        /** The emergency console request (provider console): its P1 incident and packet. */
        console?: { incidentSysId: string } & typeof CONSOLE_PACKET
    }) => {
        ritm: { sysId: string; number: string }
        grant: { sysId: string; number: string }
        action: { sysId: string; number: string }
        approvalSysIds: string[]
        plan: ExecutionPlan
        planDigest: string
        decision: Decision
    }
}

/** A person the scenario created. */
export interface SeededUser {
    sysId: string
    userName: string
    email: string
    displayName: string
}

/** What {@link seedScenario} created: sys_ids, numbers and the frozen plan. */
export interface SeededScenario {
    provider: ProviderName
    targetKind: TargetKind
    requester: SeededUser
    manager: SeededUser
    /** SecOps member who gave the second approval (only required for high-risk targets). */
    secondApprover: SeededUser
    /** The executor's integration user: role `x_gbg_breakglass.executor` only, random password. */
    executorUser: { sysId: string; userName: string; password: string }
    secopsGroupSysId: string
    /** Resolver group of the requester (the policy allows it the Entra role). */
    resolverGroupSysId: string
    ci: { sysId: string; name: string }
    policySysId: string
    ritm: { sysId: string; number: string }
    /** sysapproval_approver records, all approved. */
    approvalSysIds: string[]
    grant: { sysId: string; number: string }
    action: { sysId: string; number: string }
    plan: ExecutionPlan
    planDigest: string
    decision: Decision
    graphIds: GraphIds
    durationMinutes: number
    /** The console scenario's P1 incident and its three named approvers (provider console), else null. */
    console: {
        incident: { sysId: string; number: string }
        incidentCommander: SeededUser
        customerAuthority: SeededUser
        groups: { incidentCommand: string; security: string; customerAuthority: string }
    } | null
}

/**
 * Inserts the app's system properties as installing the app does (values from now-app/dist), where the
 * emulator models `sys_properties` and the property is not there yet. Returns how many were inserted.
 */
export function installAppProperties(store: EmulatorStore): number {
    let existing: Record<string, string>[]
    try {
        existing = store.list(PROPERTY_TABLE)
    } catch {
        // This emulator build has no sys_properties table: nothing to install into.
        return 0
    }
    let inserted = 0
    for (const record of cachedAppDist().records(PROPERTY_TABLE)) {
        const name = record['name'] ?? ''
        if (name === '' || existing.some((e) => e['name'] === name)) continue
        store.insert(PROPERTY_TABLE, { name, value: record['value'] ?? '' })
        inserted += 1
    }
    return inserted
}

/** Set an app property as an administrator does after installing (where the emulator models sys_properties). */
export function setAppProperty(store: EmulatorStore, name: string, value: string): void {
    let rows: Record<string, string>[]
    try {
        rows = store.list(PROPERTY_TABLE, (r) => r['name'] === name)
    } catch {
        return // this emulator build has no sys_properties table
    }
    if (rows[0]) store.update(PROPERTY_TABLE, rows[0]['sys_id']!, { value })
    else store.insert(PROPERTY_TABLE, { name, value })
}

/** Target kind each provider serves in the scenario. */
export function targetKindFor(provider: ProviderName): TargetKind {
    // Webhook and entra-group both give local admin on a workstation (admin-as-a-service vs an Entra group
    // that an Intune policy puts into the device's local Administrators); entra-role is a directory role.
    // The console provider restores a customer tenant's administrators (issue 14): target kind console.
    if (provider === 'console') return 'console'
    return provider === 'entra-role' ? 'entra_role' : 'device_local_admin'
}

/**
 * The emergency console scenario's packet (issue 14): the customer administrator to restore at the tenant the console
 * emulator knows (test/emulators/console DEFAULT_TENANTS), with two of its privileges.
 */
export const CONSOLE_PACKET = {
    account: 'jane.admin@contoso.example',
    tenantId: 'TNT-40213',
    tenantName: 'Contoso Manufacturing',
    scope: 'helpdesk_admin,user_admin',
} as const

/** A password that meets any sane instance password policy; never printed or logged. */
export function randomPassword(): string {
    return `Gbg-${randomBytes(18).toString('base64url')}-9a`
}

/**
 * Seeds the scenario. Throws when the shared policy would refuse the request (e.g. a duration outside the
 * sandbox policy) — the app would not have queued it either.
 */
export function seedScenario(sn: SeedTarget, options: SeedOptions): SeededScenario {
    const now = options.now ?? (() => new Date())
    const store = sn.store
    const graphIds: GraphIds = { ...DEFAULT_GRAPH_IDS, ...options.graphIds }
    const provider = options.provider
    const targetKind = targetKindFor(provider)
    const stamp = (): string => formatGlideDateTime(now())
    const insert = (table: string, values: Record<string, string>): Record<string, string> =>
        store.insert(table, values)

    // --- The app's installed properties (integration kill switch, default maximum duration…) ---------------------
    installAppProperties(store)

    // --- People and groups (exist before any request) --------------------------------------------------------
    const secopsGroupSysId = insert(PLATFORM_TABLE.group, {
        name: 'SecOps',
        description: 'Security operations: break-glass escalations, second approvals, watchdog incidents',
        email: 'secops@contoso.example',
    })['sys_id']!
    // The install guide's step: the app's SecOps group property names this group (doctor fails while it is unset).
    setAppProperty(store, PROPERTY.secopsGroup, secopsGroupSysId)
    const resolverGroupSysId = insert(PLATFORM_TABLE.group, {
        name: 'Identity Operations',
        description: 'Resolver group for Entra ID and endpoint administration',
        email: 'identity-ops@contoso.example',
    })['sys_id']!

    const person = (
        userName: string,
        firstName: string,
        lastName: string,
        roles: string[],
        groups: string[],
        manager?: string,
    ): SeededUser => {
        const email = `${userName}@contoso.example`
        const sysId = sn.addUser({ userName, firstName, lastName, email, roles, groups, manager })
        return { sysId, userName, email, displayName: `${firstName} ${lastName}` }
    }
    const manager = person('marcus.lee', 'Marcus', 'Lee', [ROLE.approver], [resolverGroupSysId])
    const requester = person('alice.nguyen', 'Alice', 'Nguyen', [ROLE.requester], [resolverGroupSysId], manager.sysId)
    const secondApprover = person('sam.okafor', 'Sam', 'Okafor', [ROLE.approver, ROLE.secops], [secopsGroupSysId])
    store.update(PLATFORM_TABLE.group, secopsGroupSysId, { manager: secondApprover.sysId })
    store.update(PLATFORM_TABLE.group, resolverGroupSysId, { manager: manager.sysId })

    // The integration user holds the executor role and nothing else; its password exists only in memory and in
    // the executor child's environment.
    const executorPassword = randomPassword()
    const executorUserName = 'svc_gbg_executor'
    const executorSysId = sn.addUser({
        userName: executorUserName,
        firstName: 'Break-glass',
        lastName: 'Executor',
        password: executorPassword,
        roles: [ROLE.executor],
    })

    // --- The device -----------------------------------------------------------------------------------------
    const ciName = 'WS-ALICE-01'
    const ciSysId = insert(PLATFORM_TABLE.computer, {
        name: ciName,
        serial_number: 'PF3XK2M9',
        os: 'Windows 11 Enterprise',
        os_version: '10.0.22631',
        u_device_class: 'workstation',
        u_corp_managed: 'true',
        u_intune_device_id: '0b6f1c52-4a7d-4e0b-8d3e-5c2a9f71b604',
        u_entra_device_id: 'e1d2c3b4-a596-4788-99aa-bbccddeeff00',
        // A developer workstation: not a production CI, so no change record is needed.
        used_for: 'Development',
        assigned_to: requester.sysId,
        support_group: resolverGroupSysId,
    })['sys_id']!

    // --- The emergency console (issue 14): a P1 incident and the three named approval groups ---------------------
    let consoleSeed: SeededScenario['console'] = null
    if (targetKind === 'console') {
        const group = (name: string, description: string): string =>
            insert(PLATFORM_TABLE.group, { name, description })['sys_id']!
        const incidentCommand = group('Major Incident Command', 'Incident commanders of major (P1) incidents')
        const customerAuthority = group(
            'Contoso Account Authority',
            "The customer's accountable account owners (approve restorations of their tenant's administrators)",
        )
        const incidentCommander = person('iris.cole', 'Iris', 'Cole', [ROLE.approver], [incidentCommand])
        const customerAuthorityUser = person('carlos.reyes', 'Carlos', 'Reyes', [ROLE.approver], [customerAuthority])
        const incident = insert(PLATFORM_TABLE.incident, {
            short_description: 'Contoso Manufacturing: customer administrators locked out after the SSO incident',
            priority: '1',
            impact: '1',
            urgency: '1',
            active: 'true',
            state: '2',
            caller_id: manager.sysId,
            opened_by: manager.sysId,
            assigned_to: requester.sysId,
            assignment_group: resolverGroupSysId,
        })
        consoleSeed = {
            incident: { sysId: incident['sys_id']!, number: incident['number']! },
            incidentCommander,
            customerAuthority: customerAuthorityUser,
            // Security: the SecOps group (Sam).
            groups: { incidentCommand, security: secopsGroupSysId, customerAuthority },
        }
    }

    // --- Policy as data (all values strings / JSON, as the table stores them) ----------------------------------
    const rule: PolicyRule = {
        name:
            targetKind === 'entra_role'
                ? 'Sandbox: Entra directory roles'
                : targetKind === 'console'
                  ? 'Sandbox: emergency console'
                  : 'Sandbox: workstation local admin',
        active: true,
        order: 100,
        targetKind,
        // 1 minute so the demo shows the revoke at the real expiry; production policies keep the default 5.
        minDurationMinutes: 1,
        maxDurationMinutes: 240,
        emergencyMaxDurationMinutes: 60,
        allowedDeviceClasses: targetKind === 'device_local_admin' ? ['workstation', 'laptop'] : [],
        corpManagedOnly: true,
        // Service and break-glass accounts never receive elevation: the executor's own account first.
        blockedUserIds: [executorSysId],
        blockedGroupIds: [],
        allowedRoles: targetKind === 'entra_role' ? { [resolverGroupSysId]: [graphIds.roleId] } : {},
        changeRequiredForServers: true,
        changeRequiredForProduction: true,
        incidentRequiredForEmergency: true,
        // Business hours are recorded but do not trigger a second approver: the demo must not depend on the hour.
        businessHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', utcOffsetMinutes: 0 },
        secondApproverRules: { outsideBusinessHours: false, serversOrProduction: true, highRiskRoles: true },
        secondApproverGroupId: secopsGroupSysId,
        highRiskRoleIds: ['62e90394-69f5-4237-9190-012177145e10', 'e8611ab8-c189-46e8-94e1-60213ab1f814'],
        autoApproveRules: [],
        approvalTimeoutMinutes: 60,
        emergencyApprovalTimeoutMinutes: 5,
        escalationGroupId: secopsGroupSysId,
        // The console's named slots: incident command, security (SecOps), the customer's account authority.
        ...(consoleSeed
            ? {
                  emergencyMaxDurationMinutes: 240,
                  incidentCommandGroupId: consoleSeed.groups.incidentCommand,
                  securityGroupId: consoleSeed.groups.security,
                  customerAuthorityGroupId: consoleSeed.groups.customerAuthority,
              }
            : {}),
    }
    // Two-person rule (now-app/src/server/policy-confirmation.ts): written by one SecOps person (Sam), confirmed
    // by another (Priya, SecOps role only: not in the SecOps group, so approval routes stay as they were).
    const policyConfirmer = person('priya.shah', 'Priya', 'Shah', [ROLE.secops], [])
    const policyRecord: Record<string, string> = {
        ...policyToRecord(rule),
        [POLICY_FIELDS.editedBy]: secondApprover.sysId,
        [POLICY_FIELDS.confirmedBy]: policyConfirmer.sysId,
        [POLICY_FIELDS.confirmedAt]: stamp(),
    }
    policyRecord[POLICY_FIELDS.confirmedDigest] = policyRecordDigest(policyRecord)
    const parsed = policyFromRecord(policyRecord)
    if (!parsed.ok) throw new Error(`seedScenario: sandbox policy does not parse: ${parsed.errors.join('; ')}`)
    const policySysId = insert(TABLE.policy, policyRecord)['sys_id']!

    // --- Catalog submit: RITM + grant record ----------------------------------------------------------------
    const justification =
        targetKind === 'entra_role'
            ? 'Rotate the tenant-wide conditional access break-glass exclusions after the quarterly review'
            : targetKind === 'console'
              ? "Restore Contoso Manufacturing's customer administrator after the SSO incident locked every admin out"
              : 'Install and debug the vendor VPN client driver on my development workstation'
    /** What the scenario seeded before the request, whoever then takes the request. */
    const people = () => ({
        provider,
        targetKind,
        requester,
        manager,
        secondApprover,
        executorUser: { sysId: executorSysId, userName: executorUserName, password: executorPassword },
        secopsGroupSysId,
        resolverGroupSysId,
        ci: { sysId: ciSysId, name: ciName },
        policySysId,
        graphIds,
        console: consoleSeed,
    })
    if (options.throughApp) {
        const r = options.throughApp({
            provider,
            requester,
            secopsGroupSysId,
            ciSysId,
            roleId: graphIds.roleId,
            durationMinutes: options.durationMinutes,
            justification,
            ...(consoleSeed ? { console: { incidentSysId: consoleSeed.incident.sysId, ...CONSOLE_PACKET } } : {}),
        })
        return { ...people(), ...r, durationMinutes: r.plan.durationMinutes }
    }
    if (consoleSeed) {
        throw new Error('seedScenario: the console scenario runs through the app only (its three named approvals)')
    }
    const itemName = targetKind === 'entra_role' ? 'Temporary Entra role' : 'Temporary local admin access'
    const ritm = insert(PLATFORM_TABLE.ritm, {
        short_description: `${itemName} for ${requester.displayName}`,
        description: justification,
        requested_for: requester.sysId,
        opened_by: requester.sysId,
        opened_at: stamp(),
        assignment_group: secopsGroupSysId,
        cmdb_ci: targetKind === 'device_local_admin' ? ciSysId : '',
        state: '1',
        approval: 'requested',
        stage: 'waiting_for_approval',
    })
    const ritmSysId = ritm['sys_id']!
    const ritmNumber = ritm['number']!

    const grantValues: Record<string, string> = {
        [GRANT_FIELDS.requestedFor]: requester.sysId,
        [GRANT_FIELDS.openedBy]: requester.sysId,
        [GRANT_FIELDS.targetKind]: targetKind,
        [GRANT_FIELDS.provider]: provider,
        [GRANT_FIELDS.requestedDuration]: String(options.durationMinutes),
        [GRANT_FIELDS.justification]: justification,
        [GRANT_FIELDS.ritm]: ritmSysId,
        [GRANT_FIELDS.emergency]: 'false',
        [GRANT_FIELDS.state]: 'requested',
    }
    if (targetKind === 'entra_role') {
        grantValues[GRANT_FIELDS.targetRoleId] = graphIds.roleId
        grantValues[GRANT_FIELDS.targetRoleName] = graphIds.roleName
    } else {
        grantValues[GRANT_FIELDS.targetCi] = ciSysId
        if (provider === 'entra-group') grantValues[GRANT_FIELDS.targetGroupId] = graphIds.groupId
    }
    const grant = insert(TABLE.grant, grantValues)
    const grantSysId = grant['sys_id']!
    const grantNumber = grant[GRANT_FIELDS.number]!

    // Audit trail of the app-side steps, hash-chained from genesis (the executor continues the chain).
    let prevHash = GENESIS_HASH
    let sequence = 0
    const audit = (eventType: string, actor: string, payload: Record<string, unknown>): void => {
        sequence += 1
        // occurred_at is a glide_date_time (whole seconds): hash the value the table can give back.
        const occurredAt = new Date(Math.floor(now().getTime() / 1000) * 1000).toISOString()
        const event = chainEvent(prevHash, {
            grant: grantSysId,
            action: '',
            sequence,
            eventType,
            actor,
            occurredAt,
            payload,
        })
        prevHash = event.hash
        insert(TABLE.auditEvent, {
            [AUDIT_FIELDS.grant]: event.grant,
            [AUDIT_FIELDS.sequence]: String(event.sequence),
            [AUDIT_FIELDS.eventType]: event.eventType,
            [AUDIT_FIELDS.actor]: event.actor,
            [AUDIT_FIELDS.occurredAt]: formatGlideDateTime(new Date(event.occurredAt)),
            [AUDIT_FIELDS.payload]: canonicalJson(event.payload),
            [AUDIT_FIELDS.prevHash]: event.prevHash,
            [AUDIT_FIELDS.hash]: event.hash,
        })
    }
    audit('request.submitted', requester.userName, {
        ritm: ritmNumber,
        targetKind,
        provider,
        durationMinutes: options.durationMinutes,
    })

    // --- Deterministic policy check (the same module the executor's recheck gate runs) --------------------------
    const request: AccessRequest = {
        requestedFor: {
            sysId: requester.sysId,
            userName: requester.userName,
            email: requester.email,
            active: true,
            groupIds: [resolverGroupSysId],
        },
        openedBy: requester.sysId,
        targetKind,
        target:
            targetKind === 'entra_role'
                ? { roleId: graphIds.roleId, roleName: graphIds.roleName }
                : {
                      ci: {
                          sysId: ciSysId,
                          name: ciName,
                          deviceClass: 'workstation',
                          corpManaged: true,
                          production: false,
                      },
                      ...(provider === 'entra-group' ? { groupId: graphIds.groupId } : {}),
                  },
        durationMinutes: options.durationMinutes,
        justification,
        emergency: false,
    }
    const decision = evaluatePolicyRecords(request, [policyRecord], {
        nowMs: now().getTime(),
        integrationEnabled: appProperty(PROPERTY.integrationEnabled) === 'true',
        defaultMaxDurationMinutes: Number(appProperty(PROPERTY.defaultMaxDuration) || '0'),
    })
    if (!decision.allowed) {
        throw new Error(
            `seedScenario: the sandbox policy refuses the request: ${decision.reasons.map((r) => r.message).join(' ')}`,
        )
    }
    audit('policy.allowed', 'system', {
        policy: decision.policyName,
        highRisk: decision.highRisk,
        requiredApprovals: decision.requiredApprovals.map((a) => a.kind),
        property: PROPERTY.integrationEnabled,
    })

    // --- Supervised plan: frozen with its digest before anyone approves ---------------------------------------
    const plan = buildPlan({
        grantSysId,
        grantNumber,
        request,
        durationMinutes: decision.durationMinutes,
        highRisk: decision.highRisk,
        ritmNumber,
        provider,
    })
    const digest = planDigest(plan)
    store.update(TABLE.grant, grantSysId, {
        [GRANT_FIELDS.plan]: canonicalJson(plan),
        [GRANT_FIELDS.planDigest]: digest,
        [GRANT_FIELDS.state]: 'awaiting_approval',
    })
    audit('plan.frozen', 'system', { planDigest: digest })

    // --- Approvals: the manager always; a SecOps second approver when the decision requires one ---------------
    const approvers: { kind: string; user: SeededUser }[] = [{ kind: 'manager', user: manager }]
    if (decision.requiredApprovals.some((a) => a.kind === 'second_approver')) {
        approvers.push({ kind: 'second_approver', user: secondApprover })
    }
    const approvalSysIds: string[] = []
    const approvalSummary: Record<string, unknown>[] = []
    const assignments: Record<string, unknown>[] = []
    for (const { kind, user } of approvers) {
        // The app's approvals are on the grant itself (the recheck gate counts no other).
        const approval = insert(PLATFORM_TABLE.approval, {
            approver: user.sysId,
            sysapproval: ritmSysId,
            document_id: grantSysId,
            source_table: TABLE.grant,
            state: 'requested',
        })
        assignments.push({ slot: kind, approverSysId: user.sysId, groupId: '', approvalSysId: approval['sys_id'] })
        const approvedAt = stamp()
        store.update(PLATFORM_TABLE.approval, approval['sys_id']!, {
            state: 'approved',
            comments: `Approved plan ${digest.slice(0, 12)}… (${plan.durationMinutes} min)`,
        })
        approvalSysIds.push(approval['sys_id']!)
        approvalSummary.push({
            kind,
            approval: approval['sys_id'],
            approver: user.sysId,
            approverUserName: user.userName,
            state: 'approved',
            at: approvedAt,
        })
        audit('approval.approved', user.userName, { kind, approval: approval['sys_id'], planDigest: digest })
        // The vote as the app records it when it accepts it (issue 10 contract): who acted, for which plan.
        audit('approval.vote', user.userName, {
            approval: approval['sys_id'],
            decision: 'approved',
            voter: user.sysId,
            slot: kind,
            planDigest: digest,
        })
    }
    // The approval route the app stores at submit (policy_decision): the slots and who may fill them.
    store.update(TABLE.grant, grantSysId, {
        [GRANT_FIELDS.policyDecision]: canonicalJson({
            policy: decision.policyName,
            slots: approvers.map((a) => a.kind),
            assignments,
        }),
    })

    // --- Queued: grant state + one ready grant action (idempotency key = the action's own sys_id) --------------
    const approvedAt = stamp()
    store.update(PLATFORM_TABLE.ritm, ritmSysId, { approval: 'approved', stage: 'fulfillment', state: '2' })
    store.update(TABLE.grant, grantSysId, {
        [GRANT_FIELDS.approvedDuration]: String(plan.durationMinutes),
        [GRANT_FIELDS.approvalSummary]: canonicalJson({
            policy: decision.policyName,
            planDigest: digest,
            highRisk: decision.highRisk,
            approvals: approvalSummary,
        }),
        [GRANT_FIELDS.approvedAt]: approvedAt,
        [GRANT_FIELDS.state]: 'queued',
    })
    const actionSysId = randomBytes(16).toString('hex')
    const action = insert(TABLE.action, {
        sys_id: actionSysId,
        [ACTION_FIELDS.grant]: grantSysId,
        [ACTION_FIELDS.type]: 'grant',
        [ACTION_FIELDS.state]: 'ready',
        [ACTION_FIELDS.priority]: String(ACTION_PRIORITY.grant),
        [ACTION_FIELDS.notBefore]: approvedAt,
        [ACTION_FIELDS.attempts]: '0',
        [ACTION_FIELDS.maxAttempts]: '10',
        [ACTION_FIELDS.idempotencyKey]: actionSysId,
        [ACTION_FIELDS.requestedBy]: manager.sysId,
        [ACTION_FIELDS.reason]: `Approved ${ritmNumber}`,
    })
    audit('grant.queued', 'system', { action: action[ACTION_FIELDS.number], planDigest: digest })

    return {
        ...people(),
        ritm: { sysId: ritmSysId, number: ritmNumber },
        approvalSysIds,
        grant: { sysId: grantSysId, number: grantNumber },
        action: { sysId: actionSysId, number: action[ACTION_FIELDS.number]! },
        plan,
        planDigest: digest,
        decision,
        durationMinutes: plan.durationMinutes,
    }
}
