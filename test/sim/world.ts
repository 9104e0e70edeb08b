/**
 * The simulated world: the app world of the e2e tests (test/e2e/support/app-world.ts — ServiceNow emulator with the
 * app's real server modules and rules, the webhook emulator, the sandbox people and workstation policy), plus the
 * Graph emulator (PIM for roles and groups), the BeyondTrust EPM emulator (with three EPM engineers in the requester's
 * group) and the Teams emulator, an Entra-role policy next to the workstation
 * policy, the documented auto-approval rule (set by one SecOps person, confirmed by another), and the `GBG_*`
 * environment of each REAL executor started in process on the world's virtual clock.
 *
 * Only public harnesses and emulator APIs are used, so the simulator follows the executor and the app as they
 * change.
 *
 * Test code only.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
    PLATFORM_TABLE,
    ROLE,
    POLICY_FIELDS,
    PROPERTY,
    TABLE,
    policyFromRecord,
    policyRecordDigest,
    policyToRecord,
    type ProviderName,
} from '@gbg/shared'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { startAppWorld, type AppWorld } from '../e2e/support/app-world'
import { DECISION_PATHS, startEpmEmulator, type EpmEmulator } from '../emulators/epm'
import { startGraphEmulator, type GraphEmulator } from '../emulators/graph'
import { startTeamsEmulator, type TeamsEmulator } from '../emulators/teams'
import { DEFAULT_GRAPH_IDS } from '../sandbox/seed'
import type { VirtualClock } from '../support/virtual-clock'
import type { Prng } from './prng'

/** Entra tenant of the simulated world (a fixed GUID: it only names the emulated tenant). */
const TENANT_ID = '7b0c3d2e-1f4a-4b5c-8d6e-9f0a1b2c3d4e'
const ENTRA_CLIENT_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
/** Two more directory roles (Microsoft's built-in role template ids) besides the seeded one. */
const EXTRA_ROLES = [
    { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', displayName: 'User Administrator' },
    { id: '194ae4cb-b126-40b2-bd5b-6091b380977d', displayName: 'Security Administrator' },
]

/** The documented example auto-approval rule (docs/request-lifecycle.md): on-call responder of a P1/P2 incident. */
export const AUTO_APPROVE_RULE = JSON.stringify([
    {
        name: 'P1/P2 on-call responder',
        requireIncidentPriorityAtMost: 2,
        requireRequesterInIncidentGroup: true,
        targetKinds: ['device_local_admin'],
        maxDurationMinutes: 60,
    },
])

/** Approval timeout of the simulated policies (escalation after it, cancellation after a second one). */
export const APPROVAL_TIMEOUT_MINUTES = 15

/** A running simulated world. */
export interface SimWorld {
    appWorld: AppWorld
    graph: GraphEmulator
    teams: TeamsEmulator
    /** BeyondTrust EPM (every simulated workstation is enrolled as it is ordered: {@link enrolDevice}). */
    epm: EpmEmulator
    /** Enrols a workstation in EPM (Authorised, connected now), as the EPM agent does when it is installed. */
    enrolDevice(hostName: string): void
    /**
     * Engineers of the requester's group who order EPM local admin (EPM allows one open request per user, which
     * the app enforces for the epm provider: with one requester most EPM orders would be refused).
     */
    epmRequesters: { sysId: string; userName: string }[]
    /** Entra object ids (user = the requester). */
    ids: typeof DEFAULT_GRAPH_IDS
    /**
     * The directory roles the requester may ask for (`ids.roleId` first): several, so that role requests are not
     * mostly refused as a duplicate of the one open request for the same role.
     */
    roleIds: string[]
    /** The service-desk agent who raises incidents (itil). */
    deskAgent: { sysId: string; userName: string }
    /** Executor environment of `instance` (journal `<dir>/<instance>.db`). */
    env(instance: string): Record<string, string>
    /** Which provider the catalog's device item uses for the next order. */
    setDeviceProvider(provider: Extract<ProviderName, 'webhook' | 'entra-group' | 'epm'>): void
    close(): Promise<void>
}

/** Starts the world on `clock`; secrets are drawn from `prng` (a replay gets the same world). */
export async function startSimWorld(clock: VirtualClock, prng: Prng): Promise<SimWorld> {
    const appWorld = await startAppWorld({ clock, durationMinutes: 60, oauth: true })
    const { world, app } = appWorld
    const { sn, base } = world
    const now = () => clock.now()
    const ids = { ...DEFAULT_GRAPH_IDS }
    const clientSecret = prng.hex(24)
    const auditKey = prng.hex(32)
    const graph = await startGraphEmulator({
        now,
        tenantId: TENANT_ID,
        clients: [{ clientId: ENTRA_CLIENT_ID, clientSecret }],
        users: [
            {
                id: ids.userId,
                userPrincipalName: base.requester.email,
                mail: base.requester.email,
                displayName: base.requester.displayName,
            },
        ],
        roles: [{ id: ids.roleId, displayName: ids.roleName }, ...EXTRA_ROLES],
        // The requester is eligible for every role in PIM: the executor confirms it before an Entra role grant.
        eligibilities: [ids.roleId, ...EXTRA_ROLES.map((r) => r.id)].map((roleDefinitionId) => ({
            principalId: ids.userId,
            roleDefinitionId,
        })),
        groups: [{ id: ids.groupId, displayName: ids.groupName }],
        pimForGroups: true,
    })
    const teams = await startTeamsEmulator({ now })
    // Not drawn from `prng`: a new draw would shift every later one, and so every kept seed's world.
    const epmClientId = 'gbg-sim-executor'
    const epmSecret = `epm-${clientSecret}`
    const epm = await startEpmEmulator({ clientId: epmClientId, clientSecret: epmSecret, now })
    const caFile = join(world.dir, 'graph-ca.pem')
    writeFileSync(caFile, graph.ca)

    // An Entra-role policy beside the seeded workstation policy (same people, two-person confirmed).
    const devicePolicy = sn.store.get(TABLE.policy, base.policySysId)!
    const parsed = policyFromRecord(devicePolicy)
    if (!parsed.ok) throw new Error(`sim world: the seeded policy does not parse: ${parsed.errors.join('; ')}`)
    const roleRecord: Record<string, string> = {
        ...policyToRecord({
            ...parsed.policy,
            name: 'Simulation: Entra directory roles',
            targetKind: 'entra_role',
            allowedDeviceClasses: [],
            allowedRoles: { [base.resolverGroupSysId]: [ids.roleId, ...EXTRA_ROLES.map((r) => r.id)] },
            // The simulated role is treated like any other: high-risk routes are exercised by the device policy.
            highRiskRoleIds: [],
            autoApproveRules: [],
            approvalTimeoutMinutes: APPROVAL_TIMEOUT_MINUTES,
        }),
        [POLICY_FIELDS.editedBy]: devicePolicy[POLICY_FIELDS.editedBy] ?? '',
        [POLICY_FIELDS.confirmedBy]: devicePolicy[POLICY_FIELDS.confirmedBy] ?? '',
        [POLICY_FIELDS.confirmedAt]: devicePolicy[POLICY_FIELDS.confirmedAt] ?? '',
    }
    roleRecord[POLICY_FIELDS.confirmedDigest] = policyRecordDigest(roleRecord)
    sn.store.insert(TABLE.policy, roleRecord)

    // Auto-approval as people set it up: Sam (SecOps) writes the rule, Priya (SecOps) confirms exactly that content.
    const editPolicy = (userName: string, fields: Record<string, string>): void => {
        const ok = app.as(userName, () => {
            const gr = new GlideRecord(TABLE.policy)
            gr.get(base.policySysId)
            for (const [k, v] of Object.entries(fields)) gr.setValue(k, v)
            return gr.update() !== null
        })
        if (!ok) throw new Error(`sim world: ${userName} could not edit the policy`)
    }
    const timeout = policyToRecord({ ...parsed.policy, approvalTimeoutMinutes: APPROVAL_TIMEOUT_MINUTES })
    editPolicy(base.secondApprover.userName, {
        [POLICY_FIELDS.autoApproveRules]: AUTO_APPROVE_RULE,
        // A shorter approval timeout than the sandbox's hour keeps escalation lifecycles short in virtual time.
        [POLICY_FIELDS.approvalTimeoutMinutes]: timeout[POLICY_FIELDS.approvalTimeoutMinutes]!,
    })
    editPolicy('priya.shah', {
        [POLICY_FIELDS.confirmedDigest]: policyRecordDigest(sn.store.get(TABLE.policy, base.policySysId)!),
    })
    const deskAgent = { userName: 'desk.agent', sysId: '' }
    deskAgent.sysId = sn.addUser({
        userName: deskAgent.userName,
        firstName: 'Desk',
        lastName: 'Agent',
        email: 'desk@contoso.example',
        roles: ['itil'],
    })

    const epmRequesters = ['jordan.epm', 'kim.epm', 'lee.epm'].map((userName) => ({
        userName,
        sysId: sn.addUser({
            userName,
            firstName: userName.split('.')[0]!,
            lastName: 'Engineer',
            email: `${userName}@contoso.example`,
            roles: [ROLE.requester],
            groups: [base.resolverGroupSysId],
            manager: base.manager.sysId,
        }),
    }))

    const setDeviceProvider = (provider: 'webhook' | 'entra-group' | 'epm'): void => {
        const row = sn.scripting.list('sys_properties').find((p) => p['name'] === PROPERTY.deviceAdminProvider)
        if (row) sn.scripting.modify('sys_properties', row['sys_id']!, { value: provider }, 'system')
    }

    return {
        appWorld,
        graph,
        teams,
        epm,
        enrolDevice(hostName) {
            epm.addComputer(hostName, { state: 'Authorised', lastConnected: now() })
        },
        ids,
        roleIds: [ids.roleId, ...EXTRA_ROLES.map((r) => r.id)],
        deskAgent,
        epmRequesters,
        env(instance) {
            return world.env(instance, {
                GBG_LOG_LEVEL: 'warn',
                // OAuth (password grant), so an access token can expire mid-run.
                GBG_SN_AUTH_MODE: 'oauth_password',
                GBG_SN_CLIENT_ID: world.oauthClient!.clientId,
                GBG_SN_CLIENT_SECRET: world.oauthClient!.clientSecret,
                GBG_POLL_INTERVAL_SECONDS: '90',
                GBG_LEASE_SECONDS: '180',
                GBG_BACKOFF_BASE_MS: '2000',
                GBG_BACKOFF_MAX_MS: '60000',
                GBG_PROVIDERS: 'webhook,entra-role,entra-group,epm',
                GBG_AUDIT_KEY: auditKey,
                GBG_AUDIT_INTEGRATION_USER: base.executorUser.userName,
                GBG_TEAMS_WEBHOOK_URL: teams.workflowsUrl,
                GBG_ENTRA_TENANT_ID: TENANT_ID,
                GBG_ENTRA_CLIENT_ID: ENTRA_CLIENT_ID,
                GBG_ENTRA_CLIENT_SECRET: clientSecret,
                GBG_ENTRA_AUTHORITY_URL: graph.authorityHost,
                GBG_ENTRA_GRAPH_BASE_URL: graph.graphBase,
                GBG_ENTRA_GROUP_MODE: 'pim',
                GBG_ENTRA_DEVICE_CLASS_GROUPS: `workstation=${ids.groupId}`,
                GBG_ENTRA_CA_FILE: caFile,
                GBG_EPM_BASE_URL: epm.url,
                GBG_EPM_CLIENT_ID: epmClientId,
                GBG_EPM_CLIENT_SECRET: epmSecret,
                GBG_EPM_DECISION_PATH: DECISION_PATHS[epm.switches.decisionPath],
            })
        },
        setDeviceProvider,
        async close() {
            await epm.close().catch(() => undefined)
            await teams.close().catch(() => undefined)
            await graph.close().catch(() => undefined)
            await appWorld.close()
        },
    }
}

/** The requester's open incident for auto-approval: raised by the desk agent for the requester's group. */
export function raiseP1(sim: SimWorld): string {
    const { world, app } = sim.appWorld
    return app.as(sim.deskAgent.userName, () => {
        const gr = new GlideRecord(PLATFORM_TABLE.incident)
        gr.initialize()
        gr.setValue('short_description', 'Payment API down')
        gr.setValue('priority', '1')
        gr.setValue('active', 'true')
        gr.setValue('caller_id', sim.deskAgent.sysId)
        gr.setValue('opened_by', sim.deskAgent.sysId)
        gr.setValue('assignment_group', world.base.resolverGroupSysId)
        return String(gr.insert())
    })
}
