/**
 * Red team (issue 10, follow-up of attack 1): auto-approval that still works, verifiably. The app records the
 * incident facts it judged a rule on (who raised / prioritised / assigned it per sys_audit, its sys_mod_count and
 * sys_updated_on) in the grant's `policy.evaluated` event; the executor cannot read sys_audit and relies on those
 * facts only while the incident is unchanged (shared tickets.ts withRecordedTicketFacts, executor recheck.ts).
 * Each attack: 0 provider calls, the reason on the grant and the RITM, an audit event recording the refusal.
 */
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest'
import { AUDIT_FIELDS, AUTO_APPROVE_DECLINED, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { installAppCatalog, startAppOnEmulator, type AppRuntime } from '../support/app-on-emulator'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { addDeskAgent, confirmExampleRule, orderOnIncident, raiseIncident } from '../e2e/support/auto-approval'
import { startWorld, type World } from '../e2e/support/world'
import { auditEvents, expectRefused, providerWrites, ritmText } from './support'

let world: World
let app: AppRuntime
let items: { localAdmin: string; entraRole: string }
let executor: InProcessExecutor | undefined
let desk = ''
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))

beforeAll(async () => {
    world = await startWorld({ durationMinutes: 60, clock })
    world.sn.store.update(TABLE.grant, world.base.grant.sysId, { [GRANT_FIELDS.state]: 'cancelled' })
    app = startAppOnEmulator(world.sn)
    items = installAppCatalog(world.sn, world.base.secopsGroupSysId, 'webhook')
    desk = addDeskAgent(world)
    confirmExampleRule(world, app)
})
afterEach(async () => {
    await executor?.stop()
    executor = undefined
    // Close whatever the attack left open so the next one is not a duplicate request for the same device.
    for (const g of world.sn.store.list(TABLE.grant, (r) => ['queued', 'awaiting_approval'].includes(r['state']!))) {
        world.sn.store.update(TABLE.grant, g['sys_id']!, { [GRANT_FIELDS.state]: 'cancelled' })
    }
})
afterAll(async () => {
    app?.stop()
    await world?.close()
})

/** The desk raises a P1 for the requester's group; the requester orders; the app auto-approves it. */
function autoApproved(): { incident: string; ritm: string; grant: string } {
    const incident = raiseIncident(world, app, 'desk.agent', desk)
    const order = orderOnIncident(world, app, items.localAdmin, incident)
    expect(world.sn.store.get(TABLE.grant, order.grant)![GRANT_FIELDS.state]).toBe('queued')
    return { incident, ...order }
}

/** The executor runs the queue; the grant ends refused with `reason`. */
async function executorRefuses(grant: string, ritm: string, reason: RegExp): Promise<void> {
    executor = await startInProcessExecutor(world.env(`red-auto-${grant.slice(0, 6)}`), clock)
    await world.until((s) => (s.get(TABLE.grant, grant)?.[GRANT_FIELDS.lastError] ?? '') !== '', 30_000)
    const types = auditEvents(world.sn.store, grant)
        .map((e) => e.eventType)
        .filter((t) => /refus|recheck|fail|dead/.test(t))
    expectRefused({
        store: world.sn.store,
        grantSysId: grant,
        ritmSysId: ritm,
        reason,
        eventTypes: types,
        providers: { webhook: world.webhook },
    })
}

/** Rewrite the grant's `policy.evaluated` payload in place (a record rewritten between steps). */
function rewriteEvaluated(grant: string, edit: (payload: Record<string, unknown>) => void): void {
    const row = world.sn.store.list(
        TABLE.auditEvent,
        (e) => e[AUDIT_FIELDS.grant] === grant && e[AUDIT_FIELDS.eventType] === 'policy.evaluated',
    )[0]!
    const payload = JSON.parse(row[AUDIT_FIELDS.payload]!) as Record<string, unknown>
    edit(payload)
    world.sn.store.update(TABLE.auditEvent, row['sys_id']!, { [AUDIT_FIELDS.payload]: JSON.stringify(payload) })
}

describe('red team: auto-approval on recorded ticket facts', () => {
    it('priority raised by the requester after the auto-approval, before the executor runs → refused', async () => {
        const { incident, ritm, grant } = autoApproved()
        app.as(world.base.requester.userName, () => {
            const gr = new GlideRecord(PLATFORM_TABLE.incident)
            gr.get(incident)
            gr.setValue('priority', '2')
            gr.update()
        })
        const audited = world.sn.store.list('sys_audit', (a) => a['documentkey'] === incident)
        expect(audited.some((a) => a['fieldname'] === 'priority' && a['user'] === 'alice.nguyen')).toBe(true)
        await executorRefuses(grant, ritm, /changed after the auto-approval/)
    })

    it('incident reassigned by the requester after the auto-approval (an itil write path) → refused', async () => {
        const { incident, ritm, grant } = autoApproved()
        // The requester's other account with itil (any write path to the ticket) reassigns it.
        world.sn.addUser({
            userName: 'alice.itil',
            firstName: 'Alice',
            lastName: 'Itil',
            email: 'alice.itil@contoso.example',
            roles: ['itil'],
        })
        app.as('alice.itil', () => {
            const gr = new GlideRecord(PLATFORM_TABLE.incident)
            gr.get(incident)
            gr.setValue('assignment_group', world.base.secopsGroupSysId)
            gr.update()
        })
        expect(world.sn.store.get(PLATFORM_TABLE.incident, incident)!['assignment_group']).toBe(
            world.base.secopsGroupSysId,
        )
        await executorRefuses(grant, ritm, /changed after the auto-approval/)
    })

    it('recorded facts rewritten with an older sys_mod_count → refused', async () => {
        const { ritm, grant } = autoApproved()
        rewriteEvaluated(grant, (p) => {
            ;(p.ticketFacts as { sysModCount: number }).sysModCount -= 1
        })
        await executorRefuses(grant, ritm, /APPROVAL_MISSING|changed after the auto-approval|tamper|TAMPER/)
    })

    it('recorded facts removed from the event (nothing to rely on) → refused', async () => {
        const { ritm, grant } = autoApproved()
        rewriteEvaluated(grant, (p) => delete p.ticketFacts)
        await executorRefuses(grant, ritm, /APPROVAL_MISSING|no ticket facts|tamper|TAMPER/)
    })

    it('the requester raises the P1 themselves → the app does not auto-approve (human route)', () => {
        const { base } = world
        const incident = raiseIncident(world, app, base.requester.userName, base.requester.sysId)
        const { ritm, grant } = orderOnIncident(world, app, items.localAdmin, incident)
        const g = world.sn.store.get(TABLE.grant, grant)!
        expect(g[GRANT_FIELDS.state]).toBe('awaiting_approval')
        expect(JSON.parse(g[GRANT_FIELDS.policyDecision] || '{}').autoApprove ?? null).toBeNull()
        expect(ritmText(world.sn.store, ritm)).toMatch(new RegExp(AUTO_APPROVE_DECLINED.ownTicket))
        const evaluated = auditEvents(world.sn.store, grant).find((e) => e.eventType === 'policy.evaluated')!
        expect(JSON.stringify(evaluated.payload.autoApproveDeclined)).toMatch(AUTO_APPROVE_DECLINED.ownTicket)
        expect(providerWrites({ webhook: world.webhook })).toBe(0)
    })
})
