/**
 * Red team (issue 10): rules, policy confirmation and booleans. Attack 1 (self-service auto-approval) and, from 9,
 * the kill switch read differently on the two sides and SecOps editing the auto-approve rules that then match
 * their own requests. Each attack runs the way an attacker would: through the app's modules as that user on the
 * ServiceNow emulator, or a record rewritten between steps; the real executor (in process, virtual clock) judges
 * what reaches its queue. Each ends with 0 provider calls, the reason where a person reads it, and an audit event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
    ACTION_FIELDS,
    AUTO_APPROVE_DECLINED,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    POLICY_FIELDS,
    PROPERTY,
    ROLE,
    TABLE,
    policyRecordDigest,
} from '@gbg/shared'
import { GlideRecord, glide } from '../../now-app/test/support/glide-fake'
import { orderItem } from '../../now-app/test/support/app-actions'
import { installAppCatalog, startAppOnEmulator, type AppRuntime } from '../support/app-on-emulator'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { addGrant } from '../e2e/support/grants'
import { startWorld, type World } from '../e2e/support/world'
import { auditEvents, expectRefused, providerWrites, ritmText } from './support'

/** The documented example rule: P1/P2 incident, requester in its assignment group, short local admin. */
const EXAMPLE_RULE = JSON.stringify([
    {
        name: 'P1/P2 on-call responder',
        requireIncidentPriorityAtMost: 2,
        requireRequesterInIncidentGroup: true,
        targetKinds: ['device_local_admin'],
        maxDurationMinutes: 60,
    },
])

let world: World
let app: AppRuntime
let items: { localAdmin: string; entraRole: string }
let executor: InProcessExecutor | undefined
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
/** A SecOps member who also requests access (manager: marcus), and the service desk that raises incidents. */
let mallory = ''
let desk = ''

beforeAll(async () => {
    world = await startWorld({ durationMinutes: 60, clock })
    world.sn.store.update(TABLE.grant, world.base.grant.sysId, { [GRANT_FIELDS.state]: 'cancelled' })
    app = startAppOnEmulator(world.sn)
    items = installAppCatalog(world.sn, world.base.secopsGroupSysId, 'webhook')
    const { sn, base } = world
    mallory = sn.addUser({
        userName: 'mallory.secops',
        firstName: 'Mallory',
        lastName: 'Secops',
        email: 'mallory@contoso.example',
        roles: [ROLE.requester, ROLE.secops],
        groups: [base.resolverGroupSysId],
        manager: base.manager.sysId,
    })
    desk = sn.addUser({
        userName: 'desk.agent',
        firstName: 'Desk',
        lastName: 'Agent',
        email: 'desk@contoso.example',
        roles: [],
    })
})
afterAll(async () => {
    await executor?.stop()
    app?.stop()
    await world?.close()
})

/** Write `fields` on the policy through the app (its rules run) as `userName`; false when the write was refused. */
function editPolicy(userName: string, fields: Record<string, string>): boolean {
    return app.as(userName, () => {
        const gr = new GlideRecord(TABLE.policy)
        gr.get(world.base.policySysId)
        for (const [k, v] of Object.entries(fields)) gr.setValue(k, v)
        return gr.update() !== null
    })
}

function policy(): Record<string, string> {
    return world.sn.store.get(TABLE.policy, world.base.policySysId)!
}

/** Sam (SecOps) sets the example rule; Priya (another SecOps person) confirms exactly that content. */
function confirmedExampleRule(): void {
    expect(editPolicy('sam.okafor', { [POLICY_FIELDS.autoApproveRules]: EXAMPLE_RULE })).toBe(true)
    expect(editPolicy('priya.shah', { [POLICY_FIELDS.confirmedDigest]: policyRecordDigest(policy()) })).toBe(true)
    expect(policy()[POLICY_FIELDS.confirmedBy]).not.toBe('')
}

/** A P1 incident; `by` decides who raised it (caller, opener, creator). */
function incident(fields: Record<string, string>): string {
    return world.sn.store.insert(PLATFORM_TABLE.incident, {
        short_description: 'Payment API down',
        priority: '1',
        active: 'true',
        caller_id: desk,
        opened_by: desk,
        sys_created_by: 'desk.agent',
        assignment_group: world.base.resolverGroupSysId,
        ...fields,
    })['sys_id']!
}

/** `userName` (sysId `who`) orders 30 minutes of local admin on the seeded workstation as an emergency. */
function order(userName: string, who: string, incidentSysId: string): { ritm: string; grant: Record<string, string> } {
    const ritm = app.as(userName, () =>
        orderItem(
            items.localAdmin,
            who,
            {
                requested_for: who,
                device: world.base.ci.sysId,
                duration_minutes: '30',
                justification: 'Restart the payment agent service during the P1 outage on this host',
                emergency: 'true',
                incident: incidentSysId,
            },
            { requested_for: who },
        ),
    )
    const grant = world.sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]!
    return { ritm, grant }
}

/** The auto-approval was declined with `code`: human approval route, reason on the RITM and in the audit trail. */
function expectNoAutoApproval(grant: Record<string, string>, ritm: string, codes: RegExp): void {
    const now = world.sn.store.get(TABLE.grant, grant['sys_id']!)!
    expect(now[GRANT_FIELDS.state]).not.toBe('queued')
    expect(world.sn.store.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === grant['sys_id'])).toEqual([])
    expect(JSON.parse(now[GRANT_FIELDS.policyDecision] || '{}').autoApprove ?? null).toBeNull()
    expect(ritmText(world.sn.store, ritm)).toMatch(codes)
    const evaluated = auditEvents(world.sn.store, grant['sys_id']!).find((e) => e.eventType === 'policy.evaluated')
    expect(JSON.stringify(evaluated?.payload.autoApproveDeclined)).toMatch(codes)
    expect(providerWrites({ webhook: world.webhook })).toBe(0)
}

/** Cancel the open request so the next attack on the same device is not a duplicate. */
function close(grantSysId: string): void {
    world.sn.store.update(TABLE.grant, grantSysId, { [GRANT_FIELDS.state]: 'cancelled' })
}

describe('red team: auto-approve rules', () => {
    it('own P1 in own group: the requester raises a P1 for their group and orders access → no auto-approval', () => {
        confirmedExampleRule()
        const { base } = world
        const inc = incident({
            caller_id: base.requester.sysId,
            opened_by: base.requester.sysId,
            sys_created_by: 'alice.nguyen',
        })
        const { ritm, grant } = order(base.requester.userName, base.requester.sysId, inc)
        expectNoAutoApproval(grant, ritm, new RegExp(AUTO_APPROVE_DECLINED.ownTicket))
        expect(world.sn.store.get(TABLE.grant, grant['sys_id']!)![GRANT_FIELDS.state]).toBe('awaiting_approval')
        close(grant['sys_id']!)
    })

    it('priority raised by the requester: a P3 of the desk, raised to P1 and assigned to their group → no auto-approval', () => {
        const { base } = world
        const inc = incident({ priority: '3', assignment_group: '' })
        // The attacker reshapes someone else's ticket (on an instance: any itil write path).
        app.as(base.requester.userName, () => {
            const gr = new GlideRecord(PLATFORM_TABLE.incident)
            gr.get(inc)
            gr.setValue('priority', '1')
            gr.setValue('assignment_group', base.resolverGroupSysId)
            gr.update()
        })
        const { ritm, grant } = order(base.requester.userName, base.requester.sysId, inc)
        // sys_audit (recorded by the emulator as the platform does for incident) names the requester as the one
        // who set the priority and the group: their own ticket.
        expectNoAutoApproval(grant, ritm, new RegExp(AUTO_APPROVE_DECLINED.ownTicket))
        close(grant['sys_id']!)
    })

    it("recheck: a queue row forged after submit (grant rewritten to queued, action inserted) is refused by the executor's gate", async () => {
        const { sn, base, webhook } = world
        const inc = incident({ caller_id: base.requester.sysId })
        const { ritm, grant } = order(base.requester.userName, base.requester.sysId, inc)
        const grantSysId = grant['sys_id']!
        // Rewritten between steps: approved "by rule" with no vote, and a grant action in the queue.
        sn.store.update(TABLE.grant, grantSysId, {
            [GRANT_FIELDS.state]: 'queued',
            [GRANT_FIELDS.approvedAt]:
                sn.store.get(TABLE.grant, grantSysId)![GRANT_FIELDS.approvedAt] || '2026-01-06 10:00:00',
        })
        for (const a of sn.store.list(PLATFORM_TABLE.approval, (r) => r['document_id'] === grantSysId)) {
            sn.store.update(PLATFORM_TABLE.approval, a['sys_id']!, { state: 'not_required' })
        }
        sn.store.insert(TABLE.action, {
            [ACTION_FIELDS.grant]: grantSysId,
            [ACTION_FIELDS.type]: 'grant',
            [ACTION_FIELDS.state]: 'ready',
            [ACTION_FIELDS.priority]: '50',
            [ACTION_FIELDS.attempts]: '0',
            [ACTION_FIELDS.maxAttempts]: '3',
            [ACTION_FIELDS.idempotencyKey]: `forged-${grantSysId}`,
            [ACTION_FIELDS.requestedBy]: base.requester.sysId,
            [ACTION_FIELDS.reason]: 'auto-approved',
        })
        executor = await startInProcessExecutor(world.env('red-rules'), clock)
        await world.until((s) => s.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.lastError] !== '', 30_000)
        const types = auditEvents(sn.store, grantSysId)
            .map((e) => e.eventType)
            .filter((t) => /refus|recheck|fail|dead/.test(t))
        expectRefused({
            store: sn.store,
            grantSysId,
            reason: /approv|APPROVAL|state|STATE|refus/i,
            eventTypes: types,
            providers: { webhook },
        })
        expect(webhook.grants.size).toBe(0)
        void ritm
        await executor.stop()
        executor = undefined
        close(grantSysId)
    })
})

describe('red team: the kill switch means one thing on both sides', () => {
    const setKillSwitch = (value: string): void => {
        const row = world.sn.store.list('sys_properties', (p) => p['name'] === PROPERTY.integrationEnabled)[0]!
        world.sn.store.update('sys_properties', row['sys_id']!, { value })
    }

    it.each(['true ', 'TRUE', '1', ''])('the app refuses a request while the kill switch reads %j', (value) => {
        setKillSwitch(value)
        const { base } = world
        const ritm = app.as(base.requester.userName, () =>
            orderItem(
                items.localAdmin,
                base.requester.sysId,
                {
                    requested_for: base.requester.sysId,
                    device: base.ci.sysId,
                    duration_minutes: '30',
                    justification: 'Install and debug the vendor VPN client driver on my development workstation',
                    emergency: 'false',
                },
                { requested_for: base.requester.sysId },
            ),
        )
        const grant = world.sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]!
        expectRefused({
            store: world.sn.store,
            grantSysId: grant['sys_id']!,
            ritmSysId: ritm,
            reason: /INTEGRATION_DISABLED/,
            eventTypes: ['request.policy_rejected'],
            providers: { webhook: world.webhook },
        })
        expect(world.sn.store.get(TABLE.grant, grant['sys_id']!)![GRANT_FIELDS.lastError]).toContain(
            PROPERTY.integrationEnabled,
        )
        setKillSwitch('true')
    })

    it.each(['true ', 'TRUE', '1', ''])(
        "the executor's gate refuses a queued grant while the kill switch reads %j",
        async (value) => {
            const { sn, base, webhook } = world
            setKillSwitch(value)
            const added = addGrant(sn, base, { durationMinutes: 30 })
            executor = await startInProcessExecutor(world.env(`red-kill-${value.trim() || 'empty'}`), clock)
            await world.until(
                (s) => (s.get(TABLE.grant, added.grantSysId)?.[GRANT_FIELDS.lastError] ?? '') !== '',
                30_000,
            )
            const types = auditEvents(sn.store, added.grantSysId)
                .map((e) => e.eventType)
                .filter((t) => /refus|recheck|fail/.test(t))
            expectRefused({
                store: sn.store,
                grantSysId: added.grantSysId,
                reason: /INTEGRATION_DISABLED/,
                eventTypes: types,
                providers: { webhook },
            })
            await executor.stop()
            executor = undefined
            setKillSwitch('true')
            close(added.grantSysId)
        },
    )
})

describe('red team: SecOps and their own auto-approve rules', () => {
    /** Mallory orders on a P1 of her group raised by the desk: the rule matches, but is not confirmed. */
    const malloryOrdersUnderUnconfirmedRules = (): void => {
        const { ritm, grant } = order('mallory.secops', mallory, incident({}))
        expectNoAutoApproval(grant, ritm, new RegExp(AUTO_APPROVE_DECLINED.unconfirmed))
        close(grant['sys_id']!)
    }

    it('SecOps self-edited rule: Mallory widens the rule, confirms it herself (refused), and orders → no auto-approval', () => {
        const rule = EXAMPLE_RULE.replace('"maxDurationMinutes":60', '"maxDurationMinutes":240')
        expect(editPolicy('mallory.secops', { [POLICY_FIELDS.autoApproveRules]: rule })).toBe(true)
        expect(policy()[POLICY_FIELDS.editedBy]).toBe(mallory)
        // Her own confirmation is refused by the rule; writing the stamps by hand is put back.
        expect(editPolicy('mallory.secops', { [POLICY_FIELDS.confirmedDigest]: policyRecordDigest(policy()) })).toBe(
            false,
        )
        expect(glide.messages.error.pop()).toMatch(/another SecOps member must confirm/)
        editPolicy('mallory.secops', { [POLICY_FIELDS.confirmedBy]: world.base.secondApprover.sysId })
        expect(policy()[POLICY_FIELDS.confirmedBy]).toBe('')
        malloryOrdersUnderUnconfirmedRules()
    })

    it('rule edited after confirmation (a raw write behind the rules) → the confirmation no longer counts', () => {
        confirmedExampleRule()
        const wider = EXAMPLE_RULE.replace('"maxDurationMinutes":60', '"maxDurationMinutes":240')
        // Written behind the business rules (on an instance: an admin's background script, an import set).
        world.sn.store.update(TABLE.policy, world.base.policySysId, { [POLICY_FIELDS.autoApproveRules]: wider })
        malloryOrdersUnderUnconfirmedRules()
    })

    it('rule edited after confirmation through the app → the edit clears the confirmation', () => {
        confirmedExampleRule()
        expect(
            editPolicy('mallory.secops', { [POLICY_FIELDS.autoApproveRules]: EXAMPLE_RULE.replace('60', '90') }),
        ).toBe(true)
        expect(policy()).toMatchObject({ [POLICY_FIELDS.confirmedBy]: '', [POLICY_FIELDS.confirmedDigest]: '' })
        malloryOrdersUnderUnconfirmedRules()
    })
})
