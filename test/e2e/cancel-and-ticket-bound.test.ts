/**
 * Issue 17 through both sides, on the emulators with the real executor on virtual time and the app's own modules:
 *
 * 1. The cancel race: an executor has claimed the grant action and its recheck gate has read the grant (still
 *    queued) when the approver cancels. The executor's move to `granting` (its compare-and-set) is refused by the
 *    state guard, so it makes no provider call; its next attempt's gate sees `cancelled` and stands down
 *    (GRANT_CANCELLED, no incident). The provider is never called.
 * 2. Ticket-bound access: the linked incident is resolved while the access is active; the app queues a priority-1
 *    revoke with that reason and the executor removes the access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ACTION_FIELDS, AUDIT_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { castVote, orderItem } from '../../now-app/test/support/app-actions'
import { APP_REST_HANDLERS } from '../../now-app/test/support/app-rules'
import { cancelGrantAsUser } from '../../now-app/src/server/cancel'
import type { AppRuntime } from '../support/app-on-emulator'
import { loadAppDist } from '../support/app-dist'
import { createScriptedRest } from '../emulators/servicenow'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import type { World } from './support/world'
import { startAppWorld, type AppWorld } from './support/app-world'

let world: World
let app: AppRuntime
let items: { localAdmin: string; entraRole: string }
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let executor: InProcessExecutor | undefined
let appWorld: AppWorld | undefined

const GATE_FACTS = 'src/server/executor-api.ts#executorGateFacts'

beforeAll(async () => {
    appWorld = await startAppWorld({ durationMinutes: 60, clock })
    ;({ world, app, items } = appWorld)
})
afterAll(async () => {
    await executor?.stop()
    await appWorld?.close()
})

/** Alice orders 30 minutes of local admin on her workstation; returns the grant sys_id (approved by her manager). */
function orderApproved(variables: Record<string, string> = {}): string {
    const { sn, base } = world
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
                ...variables,
            },
            { requested_for: base.requester.sysId },
        ),
    )
    const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]!
    for (const a of sn.store.list(
        PLATFORM_TABLE.approval,
        (r) => r['document_id'] === grant['sys_id'] && r['state'] === 'requested',
    )) {
        app.as(base.manager.userName, () => expect(castVote(a['sys_id']!, 'approved')).not.toBeNull())
    }
    expect(sn.store.get(TABLE.grant, grant['sys_id']!)![GRANT_FIELDS.state], grant[GRANT_FIELDS.lastError]).toBe(
        'queued',
    )
    return grant['sys_id']!
}

const auditTypes = (grantSysId: string): { type: string; payload: string; actor: string }[] =>
    world.sn.store
        .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grantSysId)
        .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
        .map((e) => ({
            type: e[AUDIT_FIELDS.eventType]!,
            payload: e[AUDIT_FIELDS.payload]!,
            actor: e[AUDIT_FIELDS.actor]!,
        }))

describe('cancel before start, racing an executor that already claimed the grant action', () => {
    it('the approver cancels after the gate read the grant: no provider call, ever', async () => {
        const { sn, base, webhook } = world
        const grant = orderApproved()
        const [grantAction] = sn.store.list(
            TABLE.action,
            (a) => a[ACTION_FIELDS.grant] === grant && a[ACTION_FIELDS.type] === 'grant',
        )

        // The manager's cancel lands right after the executor's gate has read the grant and its facts: the gate
        // passes on what it read, and only the compare-and-set of `granting` can stop the call.
        let cancelled = ''
        sn.useScriptedRest(
            createScriptedRest({
                dist: loadAppDist(),
                runAs: app.as,
                handlers: {
                    ...APP_REST_HANDLERS,
                    [GATE_FACTS]: (request, response) => {
                        APP_REST_HANDLERS[GATE_FACTS]!(request, response)
                        if (cancelled) return
                        expect(sn.store.get(TABLE.action, grantAction!['sys_id']!)![ACTION_FIELDS.state]).toBe(
                            'claimed',
                        )
                        const result = app.as(base.manager.userName, () =>
                            cancelGrantAsUser(grant, 'Approved in error: the driver is installed by the vendor'),
                        )
                        expect(result.ok, result.message).toBe(true)
                        cancelled = grant
                    },
                },
            }),
        )

        executor = await startInProcessExecutor(world.env('e2e-cancel'), clock)
        await world.until(
            (s) =>
                ['failed', 'dead'].includes(s.get(TABLE.action, grantAction!['sys_id']!)?.[ACTION_FIELDS.state] ?? ''),
            10 * 60_000,
            'the grant action ends',
        )

        // validation: the race happened, the provider was never called, the grant stays cancelled
        expect(cancelled).toBe(grant)
        expect(webhook.callCount('POST', '/grants')).toBe(0)
        expect(webhook.grants.size).toBe(0)
        const g = sn.store.get(TABLE.grant, grant)!
        expect(g[GRANT_FIELDS.state]).toBe('cancelled')
        expect(g[GRANT_FIELDS.lastError]).toContain('Cancelled before it started by')
        // The executor's move to granting was refused by the state guard (403), then its gate stood down.
        const refusedGranting = sn.requests.filter(
            (r) => r.method === 'PATCH' && r.path.includes(`${TABLE.grant}/${grant}`) && r.status === 403,
        )
        expect(refusedGranting.length).toBeGreaterThanOrEqual(1)
        const events = auditTypes(grant)
        expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['request.cancelled_before_start']))
        const stoodDown = events.filter((e) => e.payload.includes('GRANT_CANCELLED'))
        expect(stoodDown.length).toBeGreaterThanOrEqual(1)
        expect(events.some((e) => e.type.includes('grant_active'))).toBe(false)
        // A human decision, not a failure: no incident for it.
        const incidents = sn.store.list(PLATFORM_TABLE.incident, (i) => (i['correlation_id'] ?? '').includes(grant))
        expect(incidents).toEqual([])

        // The app's own gate-facts handler again for the next story.
        sn.useScriptedRest(createScriptedRest({ dist: loadAppDist(), runAs: app.as, handlers: APP_REST_HANDLERS }))
    }, 60_000)
})

describe('access ends with its incident', () => {
    it('resolving the linked incident makes the executor revoke the active access at once, with that reason', async () => {
        const { sn, base, webhook } = world
        const incident = sn.scripting.create(
            PLATFORM_TABLE.incident,
            {
                number: 'INC0077001',
                short_description: 'VPN client crashes after the update',
                caller_id: base.requester.sysId,
                priority: '3',
                state: '2',
                active: 'true',
            },
            'system',
        )['sys_id']!
        const grant = orderApproved({ incident })
        await world.until((s) => s.get(TABLE.grant, grant)?.[GRANT_FIELDS.state] === 'active', 5 * 60_000, 'active')
        const expiresAt = sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.expiresAt]!
        const grantedAt = clock.nowMs()

        // The service desk resolves the incident (the app's async rule runs as on an instance).
        app.as('system', () => {
            const gr = new GlideRecord(PLATFORM_TABLE.incident)
            expect(gr.get(incident)).toBe(true)
            gr.setValue('state', '6')
            gr.setValue('close_notes', 'Vendor hotfix applied')
            expect(gr.update()).not.toBeNull()
        })
        const [revoke] = sn.store.list(
            TABLE.action,
            (a) =>
                a[ACTION_FIELDS.grant] === grant &&
                a[ACTION_FIELDS.type] === 'revoke' &&
                a[ACTION_FIELDS.priority] === '1',
        )
        expect(revoke?.[ACTION_FIELDS.reason]).toContain('Incident INC0077001 was resolved')

        await world.until((s) => s.get(TABLE.grant, grant)?.[GRANT_FIELDS.state] === 'revoked', 5 * 60_000, 'revoked')
        // Removed well before the planned expiry, at the service too.
        expect(clock.nowMs() - grantedAt).toBeLessThan(5 * 60_000)
        expect(sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.revokedAt]! < expiresAt).toBe(true)
        expect([...webhook.grants.values()].filter((w) => w.status === 'revoked').length).toBeGreaterThanOrEqual(1)
        expect(auditTypes(grant).some((e) => e.type === 'revoke.queued' && e.actor === 'ticket:INC0077001')).toBe(true)
    }, 60_000)
})
