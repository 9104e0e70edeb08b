import { beforeEach, describe, expect, it } from 'vitest'

import { GlideRecord, glide, type Row } from './support/glide-fake'
import { orderItem } from './support/app-actions'
import { W, approvalsOf, buildWorld, grants, id, journalOf, policies, setPolicies } from './support/app-world'
import {
    requestBreakGlassFromIncident,
    requestConsoleFromIncident,
    requestEntraGroupFromIncident,
    requestEntraRoleFromIncident,
} from '../src/server/emergency'
import { CATALOG_ITEM, PLATFORM_TABLE, PROPERTY, TABLE, type ProviderName } from '../../shared/src/schema'
import type { PolicyRule } from '../../shared/src/policy-types'

/*
 * Emergency requests for every kind from an incident or an incident task (issue 17): the incident's / task's UI
 * action opens that kind's catalog item prefilled; ordering it as prefilled makes an emergency grant judged by the
 * emergency policy (incident required, emergency maximum, 5-minute approval timeout, escalation group) with the plan
 * naming that kind's provider. Attacks: an incident the person is not on, a closed / resolved incident, a task of a
 * closed incident, a P3, a forged console packet — each refused with the reason where the person sees it.
 */

const ITEM = {
    entraGroup: id(0x402),
    console: id(0x403),
}
const GROUP = '3f1c2a7e-1111-4c2b-9d3e-0a1b2c3d4e5f'
const TASK_P1 = id(0x310)
const INC_P1 = id(0x311)

/**
 * The world's policies plus an Entra group and a console policy (the same emergency settings). The console's named
 * approval slots (issue 14: incident command, security, customer-account authority) each from its own group.
 */
function allPolicies(): PolicyRule[] {
    const base = policies()
    const local = base[0]!
    const consoleSlots = {
        incidentCommandGroupId: W.escalation,
        securityGroupId: W.security,
        customerAuthorityGroupId: W.secops,
    }
    return [
        ...base,
        { ...local, name: 'Entra groups', targetKind: 'entra_group', autoApproveRules: [] },
        { ...local, ...consoleSlots, name: 'Emergency console', targetKind: 'console', autoApproveRules: [] },
    ]
}

beforeEach(() => {
    buildWorld()
    glide.insert('sc_cat_item', { sys_id: ITEM.entraGroup, name: CATALOG_ITEM.entraGroup.name, active: true })
    glide.insert('sc_cat_item', { sys_id: ITEM.console, name: CATALOG_ITEM.console.name, active: true })
    setPolicies(allPolicies())
    // alice's P1: she is in the assignment group (resolvers); an open task of it.
    glide.insert(PLATFORM_TABLE.incident, {
        sys_id: INC_P1,
        number: 'INC0020001',
        priority: 1,
        active: true,
        state: '2',
        caller_id: W.dave,
        assignment_group: W.resolvers,
    })
    glide.insert('incident_task', { sys_id: TASK_P1, number: 'TASK0001', active: true, incident: INC_P1 })
})

const record = (table: string, sysId: string): GlideRecord => {
    const gr = new GlideRecord(table)
    expect(gr.get(sysId)).toBe(true)
    return gr
}

/** Each kind: its UI action, its item, the variables the requester fills in, the provider its plan names. */
interface KindCase {
    name: string
    action: (current: unknown) => void
    item: string
    emergencyBox: boolean
    variables: Record<string, string>
    provider: ProviderName
    setup?: () => void
    target: Record<string, unknown>
}
const KINDS: KindCase[] = [
    {
        name: 'local admin through BeyondTrust EPM',
        action: requestBreakGlassFromIncident,
        item: W.itemLocalAdmin,
        emergencyBox: true,
        variables: { device: W.workstation, duration_minutes: '20' },
        provider: 'epm',
        setup: () => glide.properties.set(PROPERTY.deviceAdminProvider, 'epm'),
        target: { kind: 'device_local_admin', ciSysId: W.workstation, deviceName: 'PC-ALICE' },
    },
    {
        name: 'Entra role',
        action: requestEntraRoleFromIncident,
        item: W.itemEntraRole,
        emergencyBox: true,
        variables: { role: W.helpdeskRole, duration_minutes: '20' },
        provider: 'entra-role',
        target: { kind: 'entra_role', roleId: W.helpdeskRole },
    },
    {
        name: 'Entra group',
        action: requestEntraGroupFromIncident,
        item: ITEM.entraGroup,
        emergencyBox: true,
        variables: { group_id: GROUP, duration_minutes: '20' },
        provider: 'entra-group',
        target: { kind: 'entra_group', groupId: GROUP },
    },
    {
        name: 'console',
        action: requestConsoleFromIncident,
        item: ITEM.console,
        emergencyBox: false,
        variables: {
            tenant_id: 'TNT-40213',
            tenant_name: 'Contoso Retail',
            account: 'admin@contoso.example',
            scope_user_admin: 'true',
            scope_security_admin: 'true',
            duration_minutes: '30',
        },
        provider: 'console',
        target: {
            kind: 'console',
            account: 'admin@contoso.example',
            tenantId: 'TNT-40213',
            tenantName: 'Contoso Retail',
            scope: 'user_admin,security_admin',
        },
    },
]

/** Click the action on `current`; the prefill it redirects to, or null (and the error shown) when it refused. */
function click(k: KindCase, current: GlideRecord): { item: string; prefill: Record<string, string> } | null {
    glide.redirects.length = 0
    glide.messages.error.length = 0
    k.action(current)
    if (glide.redirects.length === 0) return null
    const url = new URL(`https://instance.example/${glide.redirects[0]!}`)
    expect(url.pathname).toBe('/sp')
    expect(url.searchParams.get('id')).toBe('sc_cat_item')
    return {
        item: url.searchParams.get('sys_id') ?? '',
        prefill: JSON.parse(url.searchParams.get('sysparm_variable_values') ?? '') as Record<string, string>,
    }
}

/** Order `k`'s item as alice with `prefill` and her own answers; the grant row. */
function order(k: KindCase, prefill: Record<string, string>, extra: Record<string, string> = {}): Row {
    const ritm = orderItem(k.item, W.alice, {
        requested_for: W.alice,
        justification: 'Production outage: restore service for the P1 now',
        ...k.variables,
        ...prefill,
        ...extra,
    })
    const grant = grants().find((g) => g.ritm === ritm)
    if (!grant) throw new Error('no grant for the order')
    return grant
}

const reasonsOf = (g: Row): string => String(g.last_error ?? '')

describe('an emergency request of every kind from an incident and from an incident task', () => {
    for (const k of KINDS) {
        for (const from of ['incident', 'incident_task'] as const) {
            it(`${k.name}, from the ${from}: the item prefilled, the emergency policy applied, the plan for ${k.provider}`, () => {
                // Setup
                k.setup?.()
                const current = from === 'incident' ? record(PLATFORM_TABLE.incident, INC_P1) : record('incident_task', TASK_P1)

                // Execution: the action, then ordering the item as prefilled
                const opened = click(k, current)
                expect(opened, glide.messages.error.join(' | ')).not.toBeNull()
                const grant = order(k, opened!.prefill)

                // Validation: the kind's item, exactly the parent incident (and the emergency box where the item has one)
                expect(opened!.item).toBe(k.item)
                expect(opened!.prefill).toEqual(k.emergencyBox ? { incident: INC_P1, emergency: 'true' } : { incident: INC_P1 })
                expect(grant.state, reasonsOf(grant)).toBe('awaiting_approval')
                expect(grant.emergency).toBe('true')
                expect(grant.incident).toBe(INC_P1)
                const plan = JSON.parse(grant.plan!) as { provider: string; target: Record<string, unknown>; emergency: boolean }
                expect(plan.provider).toBe(k.provider)
                expect(plan.emergency).toBe(true)
                expect(plan.target).toMatchObject(k.target)
                // The emergency policy: the 5-minute approval timeout, then the escalation group; the manager asked.
                const decision = JSON.parse(grant.policy_decision!) as { approvalTimeoutMinutes: number; escalationGroupId: string }
                expect(decision.approvalTimeoutMinutes).toBe(5)
                expect(decision.escalationGroupId).toBe(W.escalation)
                // People are asked (the manager; for the console, its named slots: the console branch's policy).
                const asked = approvalsOf(grant.sys_id!).map((a) => a.approver)
                expect(asked.length).toBeGreaterThan(0)
                expect(asked).not.toContain(W.alice)
                if (k.provider !== 'console') expect(asked).toContain(W.bob)
            })
        }
    }

    it('the emergency maximum applies to every kind (30 minutes here): a longer emergency request is refused', () => {
        for (const k of KINDS) {
            buildWorldAgain()
            k.setup?.()
            // The console's next choice above 30 is 60; the others ask for 45.
            const grant = order(k, { incident: INC_P1, emergency: 'true' }, { duration_minutes: k.provider === 'console' ? '60' : '45' })
            expect(grant.state, k.name).toBe('policy_rejected')
            expect(reasonsOf(grant), k.name).toContain('[DURATION_ABOVE_POLICY_MAX]')
        }
    })
})

/** A fresh world inside one test (the beforeEach again). */
function buildWorldAgain(): void {
    buildWorld()
    glide.insert('sc_cat_item', { sys_id: ITEM.entraGroup, name: CATALOG_ITEM.entraGroup.name, active: true })
    glide.insert('sc_cat_item', { sys_id: ITEM.console, name: CATALOG_ITEM.console.name, active: true })
    setPolicies(allPolicies())
    glide.insert(PLATFORM_TABLE.incident, {
        sys_id: INC_P1,
        number: 'INC0020001',
        priority: 1,
        active: true,
        state: '2',
        caller_id: W.dave,
        assignment_group: W.resolvers,
    })
    glide.insert('incident_task', { sys_id: TASK_P1, number: 'TASK0001', active: true, incident: INC_P1 })
}

describe('attacks: emergency access from an incident that does not allow it is refused clearly', () => {
    for (const k of KINDS) {
        it(`${k.name}: an incident the person is not on (not caller, assignee or in its group) → refused, reason on the ticket`, () => {
            // Setup: a P1 of another team; alice is nowhere on it
            k.setup?.()
            const other = glide.insert(PLATFORM_TABLE.incident, {
                number: 'INC0020009',
                priority: 1,
                active: true,
                state: '2',
                caller_id: W.dave,
                assignment_group: W.escalation,
            })

            // Execution: the action opens the item (the incident is fine); alice orders it for herself
            const opened = click(k, record(PLATFORM_TABLE.incident, other.sys_id!))
            const grant = order(k, opened!.prefill)

            // Validation: refused with the reason; nothing asked, nothing queued; the requester reads why
            expect(grant.state).toBe('policy_rejected')
            expect(reasonsOf(grant)).toContain('[INCIDENT_NOT_INVOLVED]')
            expect(approvalsOf(grant.sys_id!)).toEqual([])
            expect(glide.rows(TABLE.action).filter((a) => a.grant === grant.sys_id)).toEqual([])
            expect(journalOf(grant.ritm!, 'comments').join('\n')).toContain('INC0020009 does not involve alice')
        })

        it(`${k.name}: a closed incident, a resolved one still marked active, a task of a closed incident, a P3 → no form; forged orders refused`, () => {
            k.setup?.()
            const closed = glide.insert(PLATFORM_TABLE.incident, {
                number: 'INC0020010',
                priority: 1,
                active: false,
                state: '7',
                assignment_group: W.resolvers,
            })
            const resolved = glide.insert(PLATFORM_TABLE.incident, {
                number: 'INC0020011',
                priority: 1,
                active: true,
                state: '6',
                assignment_group: W.resolvers,
            })
            const task = glide.insert('incident_task', { number: 'TASK0002', active: true, incident: closed.sys_id })
            const p3 = glide.insert(PLATFORM_TABLE.incident, {
                number: 'INC0020012',
                priority: 3,
                active: true,
                state: '2',
                assignment_group: W.resolvers,
            })

            // The UI action refuses each, with the message on the form and no redirect
            for (const [table, sysId] of [
                [PLATFORM_TABLE.incident, closed.sys_id!],
                [PLATFORM_TABLE.incident, resolved.sys_id!],
                ['incident_task', task.sys_id!],
                [PLATFORM_TABLE.incident, p3.sys_id!],
            ] as const) {
                expect(click(k, record(table, sysId)), `${table} ${sysId}`).toBeNull()
                expect(glide.messages.error.join(' ')).toContain('only be requested from an open P1 or P2 incident')
            }
            click(k, record(PLATFORM_TABLE.incident, resolved.sys_id!))
            expect(glide.messages.error.join(' ')).toContain('INC0020011 was resolved')

            // Forged orders (the prefill typed by hand): refused on submit with the reason
            const expectations: [string, string][] = [
                [closed.sys_id!, '[INCIDENT_INACTIVE]'],
                [resolved.sys_id!, '[TICKET_ENDED]'],
                [p3.sys_id!, '[INCIDENT_PRIORITY_TOO_LOW]'],
            ]
            for (const [incident, code] of expectations) {
                const grant = order(k, k.emergencyBox ? { incident, emergency: 'true' } : { incident })
                expect(grant.state, code).toBe('policy_rejected')
                expect(reasonsOf(grant), code).toContain(code)
            }
        })
    }

    it('an emergency without an incident (the box ticked by hand) is refused for every kind', () => {
        for (const k of KINDS) {
            buildWorldAgain()
            k.setup?.()
            const grant = order(k, k.emergencyBox ? { emergency: 'true' } : {})
            expect(grant.state, k.name).toBe('policy_rejected')
            expect(reasonsOf(grant), k.name).toMatch(/\[INCIDENT_REQUIRED\]|\[EMERGENCY_INCIDENT_REQUIRED\]/)
        }
    })
})

describe('attacks on the console packet (the item is always an emergency; nothing typed is trusted)', () => {
    const consoleKind = KINDS.find((k) => k.provider === 'console')!
    const refused = (extra: Record<string, string>): string => {
        const grant = order(consoleKind, { incident: INC_P1 }, extra)
        expect(grant.state).toBe('policy_rejected')
        return reasonsOf(grant)
    }

    it('emergency "false" forged into the order: still an emergency, still needs the incident', () => {
        const grant = order(consoleKind, { incident: INC_P1 }, { emergency: 'false' })
        expect(grant.emergency).toBe('true')
        const noIncident = order(consoleKind, {}, { emergency: 'false', incident: '' })
        expect(noIncident.state).toBe('policy_rejected')
        expect(reasonsOf(noIncident)).toMatch(/INCIDENT_REQUIRED/)
    })

    it('global admin cannot be asked for: a forged "scope" variable is ignored and no privilege box means refused', () => {
        const reasons = refused({ scope: 'global_admin', scope_user_admin: 'false', scope_security_admin: 'false' })
        expect(reasons).toContain('[CONSOLE_PACKET_INVALID]')
        expect(reasons).toContain('no privilege is selected')
        expect(glide.rows(TABLE.grant).some((g) => String(g.plan ?? '').includes('global_admin'))).toBe(false)
    })

    it('an expiry below the console\'s shortest choice (15 minutes) is refused before anyone approves', () => {
        const reasons = refused({ duration_minutes: '10' })
        expect(reasons).toContain('[DURATION_BELOW_PROVIDER_MINIMUM]')
    })

    it('a tenant id that is not an id, a missing tenant name and a bad account are each named in one reason', () => {
        const reasons = refused({ tenant_id: 'TNT 1; DROP', tenant_name: '', account: 'a b' })
        expect(reasons).toContain('customer tenant id is missing or not an id')
        expect(reasons).toContain('customer tenant name is missing')
        expect(reasons).toContain('customer administrator account is missing or not an account name')
    })

    it('an Entra group that is not an object id is refused (nothing but a GUID reaches a plan)', () => {
        const groupKind = KINDS.find((k) => k.provider === 'entra-group')!
        const grant = order(groupKind, { incident: INC_P1, emergency: 'true' }, { group_id: "Domain Admins' OR 1=1" })
        expect(grant.state).toBe('policy_rejected')
        expect(reasonsOf(grant)).toContain('object id (a GUID)')
        expect(grant.plan ?? '').toBe('')
    })
})
