/**
 * Emergency requests of every kind from an incident, on the ServiceNow emulator (the built app's tables, ACLs and
 * business rules; the app's real server modules): the incident's UI action opens the kind's item, ordering it as
 * prefilled gives an emergency grant whose record (the dist's columns, the console packet included) and frozen plan
 * name that kind's provider, with the emergency approval timeout; an incident the person is not on and a resolved
 * incident are refused with the reason on the RITM (issue 17). The glide-fake tests
 * (now-app/test/server-emergency-kinds.test.ts) cover every refusal; this one proves the wiring on the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
    CATALOG_ITEM,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    POLICY_FIELDS,
    PROPERTY,
    ROLE,
    TABLE,
    policyFromRecord,
    policyToRecord,
    type TargetKind,
} from '@gbg/shared'
import { orderItem } from '../../now-app/test/support/app-actions'
import { GlideRecord, glide } from '../../now-app/test/support/glide-fake'
import {
    requestBreakGlassFromIncident,
    requestConsoleFromIncident,
    requestEntraGroupFromIncident,
    requestEntraRoleFromIncident,
} from '../../now-app/src/server/emergency'
import { setAppProperty } from '../sandbox/seed'
import { VirtualClock } from '../support/virtual-clock'
import { startAppWorld, type AppWorld } from './support/app-world'

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let appWorld: AppWorld
let p1 = ''
let otherP1 = ''
const ROLE_ID = '729827e3-9c14-49f7-bb1b-9608f156bbb8'
const GROUP_ID = '3f1c2a7e-1111-4c2b-9d3e-0a1b2c3d4e5f'

beforeAll(async () => {
    appWorld = await startAppWorld({ durationMinutes: 60, clock })
    const { world, app } = appWorld
    const { sn, base } = world
    // The other kinds' items and policies (the seeded workstation policy's settings, one policy per kind).
    for (const item of [CATALOG_ITEM.entraGroup, CATALOG_ITEM.console, CATALOG_ITEM.entraRole])
        if (!sn.scripting.list('sc_cat_item').some((i) => i['name'] === item.name))
            sn.scripting.create('sc_cat_item', { name: item.name, active: 'true' }, 'system')
    const device = policyFromRecord(sn.store.get(TABLE.policy, base.policySysId)!)
    if (!device.ok) throw new Error(device.errors.join('; '))
    // The emergency console's three named approval slots (issue 14): incident command, security (SecOps) and the
    // customer's account authority, each a group with one approver who is not the requester.
    const slotGroup = (name: string, userName: string): string => {
        const sysId = sn.store.insert(PLATFORM_TABLE.group, { name })['sys_id']!
        sn.addUser({ userName, firstName: userName, lastName: 'Approver', roles: [ROLE.approver], groups: [sysId] })
        return sysId
    }
    const consoleSlots = {
        incidentCommandGroupId: slotGroup('Major Incident Command', 'iris.cole'),
        securityGroupId: base.secopsGroupSysId,
        customerAuthorityGroupId: slotGroup('Contoso Account Authority', 'carlos.reyes'),
    }
    for (const targetKind of ['entra_role', 'entra_group', 'console'] as TargetKind[]) {
        sn.store.insert(TABLE.policy, {
            ...policyToRecord({
                ...device.policy,
                name: `Emergency ${targetKind}`,
                targetKind,
                allowedDeviceClasses: [],
                allowedRoles: targetKind === 'entra_role' ? { [base.resolverGroupSysId]: [ROLE_ID] } : {},
                autoApproveRules: [],
                ...(targetKind === 'console' ? consoleSlots : {}),
            }),
            [POLICY_FIELDS.active]: 'true',
        })
    }
    // A P1 of the requester's group, and one of another team.
    const incident = (group: string) =>
        app.as('system', () => {
            const gr = new GlideRecord(PLATFORM_TABLE.incident)
            gr.initialize()
            gr.setValue('short_description', 'Checkout down')
            gr.setValue('priority', '1')
            gr.setValue('active', 'true')
            gr.setValue('state', '2')
            gr.setValue('assignment_group', group)
            return String(gr.insert())
        })
    p1 = incident(base.resolverGroupSysId)
    otherP1 = incident(base.secopsGroupSysId)
}, 60_000)
afterAll(async () => {
    await appWorld?.close()
})

const itemId = (name: string): string =>
    appWorld.world.sn.scripting.list('sc_cat_item').find((i) => i['name'] === name)!['sys_id']!

interface Kind {
    name: string
    action: (current: unknown) => void
    item: string
    variables: Record<string, string>
    provider: string
    deviceProvider?: string
    fields: Record<string, string>
}
const KINDS: Kind[] = [
    {
        name: 'local admin via EPM',
        action: requestBreakGlassFromIncident,
        item: CATALOG_ITEM.localAdmin.name,
        variables: { duration_minutes: '20' },
        provider: 'epm',
        deviceProvider: 'epm',
        fields: {},
    },
    {
        name: 'Entra role',
        action: requestEntraRoleFromIncident,
        item: CATALOG_ITEM.entraRole.name,
        variables: { role: ROLE_ID, duration_minutes: '20' },
        provider: 'entra-role',
        fields: { [GRANT_FIELDS.targetRoleId]: ROLE_ID },
    },
    {
        name: 'Entra group',
        action: requestEntraGroupFromIncident,
        item: CATALOG_ITEM.entraGroup.name,
        variables: { group_id: GROUP_ID, duration_minutes: '20' },
        provider: 'entra-group',
        fields: { [GRANT_FIELDS.targetGroupId]: GROUP_ID },
    },
    {
        name: 'console',
        action: requestConsoleFromIncident,
        item: CATALOG_ITEM.console.name,
        variables: {
            tenant_id: 'TNT-40213',
            tenant_name: 'Contoso Retail',
            account: 'admin@contoso.example',
            scope_user_admin: 'true',
            duration_minutes: '30',
        },
        provider: 'console',
        fields: {
            [GRANT_FIELDS.targetTenantId]: 'TNT-40213',
            [GRANT_FIELDS.targetTenantName]: 'Contoso Retail',
            [GRANT_FIELDS.targetAccount]: 'admin@contoso.example',
            [GRANT_FIELDS.targetScope]: 'user_admin',
        },
    },
]

/** As the requester: click the kind's action on `incident`, then order the item as prefilled. */
function clickAndOrder(k: Kind, incident: string): Record<string, string> {
    const { world, app } = appWorld
    const { sn, base } = world
    if (k.deviceProvider) setAppProperty(sn.store, PROPERTY.deviceAdminProvider, k.deviceProvider)
    const prefill = app.as(base.requester.userName, () => {
        glide.redirects.length = 0
        const gr = new GlideRecord(PLATFORM_TABLE.incident)
        expect(gr.get(incident)).toBe(true)
        k.action(gr)
        expect(glide.redirects, glide.messages.error.join(' | ')).toHaveLength(1)
        const url = new URL(`https://instance.example/${glide.redirects[0]!}`)
        expect(url.searchParams.get('sys_id')).toBe(itemId(k.item))
        return JSON.parse(url.searchParams.get('sysparm_variable_values') ?? '') as Record<string, string>
    })
    const ritm = app.as(base.requester.userName, () =>
        orderItem(
            itemId(k.item),
            base.requester.sysId,
            {
                requested_for: base.requester.sysId,
                device: k.deviceProvider ? base.ci.sysId : '',
                justification: 'Checkout is down for every customer: restore it now',
                ...k.variables,
                ...prefill,
            },
            { requested_for: base.requester.sysId },
        ),
    )
    const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]
    expect(grant, `${k.name}: no grant`).toBeDefined()
    // One open request per user (EPM) and per target: end it so the next kind starts clean.
    return grant!
}

function endIt(grant: Record<string, string>): void {
    appWorld.world.sn.store.update(TABLE.grant, grant['sys_id']!, { [GRANT_FIELDS.state]: 'cancelled' })
}

describe('emergency requests of every kind from an incident, on the ServiceNow emulator', () => {
    for (const k of KINDS) {
        it(`${k.name}: an emergency grant for the incident, the plan for ${k.provider}, the emergency timeout`, () => {
            const grant = clickAndOrder(k, p1)
            expect(grant[GRANT_FIELDS.state], grant[GRANT_FIELDS.lastError]).toBe('awaiting_approval')
            expect(grant[GRANT_FIELDS.emergency]).toBe('true')
            expect(grant[GRANT_FIELDS.incident]).toBe(p1)
            expect(grant[GRANT_FIELDS.provider]).toBe(k.provider)
            expect(grant).toMatchObject(k.fields)
            const plan = JSON.parse(grant[GRANT_FIELDS.plan]!) as { provider: string; emergency: boolean }
            expect(plan).toMatchObject({ provider: k.provider, emergency: true })
            const decision = JSON.parse(grant[GRANT_FIELDS.policyDecision]!) as { approvalTimeoutMinutes: number }
            expect(decision.approvalTimeoutMinutes).toBe(5)
            const approvals = appWorld.world.sn.store.list(
                PLATFORM_TABLE.approval,
                (a) => a['document_id'] === grant['sys_id'] && a['state'] === 'requested',
            )
            expect(approvals.length).toBeGreaterThan(0)
            endIt(grant)
        })

        it(`${k.name}: an incident the requester is not on, and the same incident once resolved, are refused on the RITM`, () => {
            const { sn, base } = appWorld.world
            const notOn = clickAndOrder(k, otherP1)
            expect(notOn[GRANT_FIELDS.state]).toBe('policy_rejected')
            expect(notOn[GRANT_FIELDS.lastError]).toContain('[INCIDENT_NOT_INVOLVED]')
            const comments = sn.store
                .journal(PLATFORM_TABLE.ritm, notOn[GRANT_FIELDS.ritm]!).filter((j) => j.element === 'comments')
                .map((j) => j.value)
            expect(comments.join('\n')).toContain('does not involve')

            // Resolved while still marked active: the action refuses it; a hand-made order is refused too.
            sn.store.update(PLATFORM_TABLE.incident, p1, { state: '6' })
            try {
                const refused = appWorld.app.as(base.requester.userName, () => {
                    glide.redirects.length = 0
                    glide.messages.error.length = 0
                    const gr = new GlideRecord(PLATFORM_TABLE.incident)
                    gr.get(p1)
                    k.action(gr)
                    return { redirects: glide.redirects.length, error: glide.messages.error.join(' ') }
                })
                expect(refused.redirects).toBe(0)
                expect(refused.error).toContain('was resolved')
            } finally {
                sn.store.update(PLATFORM_TABLE.incident, p1, { state: '2' })
            }
        })
    }
})
