/**
 * The product's auto-approval, set up as people do it: Sam (SecOps) sets the documented example rule (P1/P2
 * incident, requester in its assignment group, short local admin) and Priya (another SecOps person) confirms it;
 * a service-desk agent raises a P1 for the requester's group through the app's modules (so the emulator's sys_audit
 * records who did what); the requester orders local admin as an emergency on it. Used by the auto-approval e2e and
 * red-team tests.
 *
 * Test code only.
 */
import { expect } from 'vitest'
import { GRANT_FIELDS, PLATFORM_TABLE, POLICY_FIELDS, TABLE, policyRecordDigest } from '@gbg/shared'
import { GlideRecord } from '../../../now-app/test/support/glide-fake'
import { orderItem } from '../../../now-app/test/support/app-actions'
import type { AppRuntime } from '../../support/app-on-emulator'
import type { World } from './world'

/** The documented example rule. */
export const EXAMPLE_RULE = JSON.stringify([
    {
        name: 'P1/P2 on-call responder',
        requireIncidentPriorityAtMost: 2,
        requireRequesterInIncidentGroup: true,
        targetKinds: ['device_local_admin'],
        maxDurationMinutes: 60,
    },
])

/** Write `fields` on the seeded policy through the app as `userName`; false when refused. */
function editPolicy(world: World, app: AppRuntime, userName: string, fields: Record<string, string>): boolean {
    return app.as(userName, () => {
        const gr = new GlideRecord(TABLE.policy)
        gr.get(world.base.policySysId)
        for (const [k, v] of Object.entries(fields)) gr.setValue(k, v)
        return gr.update() !== null
    })
}

/** Sam sets the example rule, Priya confirms exactly that content. */
export function confirmExampleRule(world: World, app: AppRuntime): void {
    expect(editPolicy(world, app, 'sam.okafor', { [POLICY_FIELDS.autoApproveRules]: EXAMPLE_RULE })).toBe(true)
    const policy = world.sn.store.get(TABLE.policy, world.base.policySysId)!
    expect(editPolicy(world, app, 'priya.shah', { [POLICY_FIELDS.confirmedDigest]: policyRecordDigest(policy) })).toBe(
        true,
    )
}

/** The service-desk agent (no requester role) that raises incidents. Returns their sys_id. */
export function addDeskAgent(world: World): string {
    return world.sn.addUser({
        userName: 'desk.agent',
        firstName: 'Desk',
        lastName: 'Agent',
        email: 'desk@contoso.example',
        roles: ['itil'],
    })
}

/** `userName` (sys_id `who`) raises a P`priority` incident for the requester's group, through the app's modules. */
export function raiseIncident(world: World, app: AppRuntime, userName: string, who: string, priority = '1'): string {
    return app.as(userName, () => {
        const gr = new GlideRecord(PLATFORM_TABLE.incident)
        gr.initialize()
        gr.setValue('short_description', 'Payment API down')
        gr.setValue('priority', priority)
        gr.setValue('active', 'true')
        gr.setValue('caller_id', who)
        gr.setValue('opened_by', who)
        gr.setValue('assignment_group', world.base.resolverGroupSysId)
        return String(gr.insert())
    })
}

/** The requester orders 30 minutes of local admin on the seeded workstation as an emergency on `incident`. */
export function orderOnIncident(
    world: World,
    app: AppRuntime,
    localAdminItem: string,
    incident: string,
): { ritm: string; grant: string } {
    const { base } = world
    const ritm = app.as(base.requester.userName, () =>
        orderItem(
            localAdminItem,
            base.requester.sysId,
            {
                requested_for: base.requester.sysId,
                device: base.ci.sysId,
                duration_minutes: '30',
                justification: 'Restart the payment agent service during the P1 outage on this host',
                emergency: 'true',
                incident,
            },
            { requested_for: base.requester.sysId },
        ),
    )
    const grant = world.sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]!
    return { ritm, grant: grant['sys_id']! }
}
