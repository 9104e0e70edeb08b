/**
 * Shared helpers of the red-team suite (test/red-team): every attack ends with the same three checks — the
 * systems that grant access were never called, the refusal reason is where a person sees it (grant / RITM), and
 * the audit trail recorded it. The attacks made through the app share one world ({@link startRedTeamWorld}: the
 * emulators and the app's modules on a virtual clock, each file with its own executor in process); each file uses
 * these to judge the outcome.
 *
 * Test code only.
 */
import { expect } from 'vitest'
import { AUDIT_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import type { EmulatorStore } from '../emulators/servicenow/types'
import type { WebhookEmulator } from '../emulators/webhook'
import type { GraphEmulator } from '../emulators/graph'
import { castVote, orderItem } from '../../now-app/test/support/app-actions'
import type { AppRuntime } from '../support/app-on-emulator'
import type { VirtualClock } from '../support/virtual-clock'
import type { World } from '../e2e/support/world'
import { startAppWorld } from '../e2e/support/app-world'
import { addWorkstation } from '../e2e/support/grants'

/** Calls that could change access at a provider: webhook POST/DELETE /grants, Graph writes (anything not GET). */
export function providerWrites(providers: { webhook?: WebhookEmulator; graph?: GraphEmulator }): number {
    let n = 0
    if (providers.webhook) {
        n += providers.webhook.callCount('POST', '/grants') + providers.webhook.callCount('DELETE', '/grants')
    }
    if (providers.graph) {
        n += providers.graph.requests.filter((r) => r.method !== 'GET' && !/\/oauth2\//.test(r.path)).length
    }
    return n
}

/** The grant's audit events, in sequence order: `{ eventType, actor, payload }`. */
export function auditEvents(
    store: EmulatorStore,
    grantSysId: string,
): { eventType: string; actor: string; payload: Record<string, unknown> }[] {
    return store
        .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grantSysId)
        .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
        .map((e) => ({
            eventType: e[AUDIT_FIELDS.eventType] ?? '',
            actor: e[AUDIT_FIELDS.actor] ?? '',
            payload: JSON.parse(e[AUDIT_FIELDS.payload] || '{}') as Record<string, unknown>,
        }))
}

/** Every journal entry (work notes and comments) of the grant's RITM, joined. */
export function ritmText(store: EmulatorStore, ritmSysId: string): string {
    return store
        .journal(PLATFORM_TABLE.ritm, ritmSysId)
        .map((j) => j.value)
        .join('\n')
}

/**
 * The attack was refused: no provider write, the grant is not active, `reason` is on the grant's last_error (and
 * on the RITM when `ritmSysId` is given), and an audit event of one of `eventTypes` mentions it.
 */
export function expectRefused(options: {
    store: EmulatorStore
    grantSysId: string
    ritmSysId?: string
    reason: RegExp
    eventTypes: string[]
    providers: { webhook?: WebhookEmulator; graph?: GraphEmulator }
}): void {
    const { store, grantSysId, reason } = options
    expect(providerWrites(options.providers), 'provider calls').toBe(0)
    const grant = store.get(TABLE.grant, grantSysId)!
    expect(grant[GRANT_FIELDS.state], 'grant state').not.toBe('active')
    expect(grant[GRANT_FIELDS.lastError], 'reason on the grant').toMatch(reason)
    if (options.ritmSysId) expect(ritmText(store, options.ritmSysId), 'reason on the RITM').toMatch(reason)
    const events = auditEvents(store, grantSysId).filter((e) => options.eventTypes.includes(e.eventType))
    expect(
        events.some((e) => reason.test(JSON.stringify(e.payload))),
        `an audit event (${options.eventTypes.join(' | ')}) records the refusal`,
    ).toBe(true)
}

/** Options of {@link startRedTeamWorld}. */
export interface RedTeamWorldOptions {
    /** The one clock of the world (emulators, the app's modules, an executor started in process on it). */
    clock: VirtualClock
    /** Duration of the scenario's hand-seeded grant (cancelled here). @defaultValue the world's default */
    durationMinutes?: number
    /** Name prefix of the workstations {@link RedTeamWorld.newWorkstation} creates. @defaultValue `WS-RT` */
    devicePrefix?: string
}

/** What an order through the catalog created. */
export interface OrderedGrant {
    grantSysId: string
    ritmSysId: string
    ciSysId: string
}

/**
 * The red-team world of the attacks made through the app: the emulators (ServiceNow, webhook) on a virtual clock,
 * the app's server modules on the ServiceNow emulator with its catalog items, and the people of the scenario.
 * Each attack file starts its own executor on it (`world.env(instance)`), when and how its story needs.
 */
export interface RedTeamWorld {
    world: World
    app: AppRuntime
    items: { localAdmin: string; entraRole: string }
    /** A new corporate workstation of the requester (one open request per person and device). */
    newWorkstation(name?: string): { sysId: string; name: string }
    /**
     * `opener` (user_name, default the requester) orders local admin through the catalog for `requestedFor`
     * (default the requester) on `ci` (default a new workstation): the grant awaits approval.
     */
    orderGrant(options?: {
        opener?: string
        requestedFor?: string
        ci?: string
        minutes?: number
        justification?: string
        changeRequest?: string
    }): OrderedGrant
    /** The app's open approvals of a grant. */
    openApprovals(grantSysId: string): Record<string, string>[]
    /** `userName` (default the manager) approves every open approval of the grant through the app. */
    voteOpenApprovals(grantSysId: string, userName?: string): void
    /** Ordered (as {@link orderGrant}) and the manager approves through the app: a queued grant. */
    approvedGrant(options?: Parameters<RedTeamWorld['orderGrant']>[0]): OrderedGrant
    /** Webhook grant / revoke calls from now on. */
    providerCallsFromNow(): () => number
    /** Stops the app and closes the emulators (the caller stops its executor first). */
    close(): Promise<void>
}

/** Starts a {@link RedTeamWorld}; the scenario's hand-seeded grant is cancelled (no attack is about it). */
export async function startRedTeamWorld(options: RedTeamWorldOptions): Promise<RedTeamWorld> {
    const appWorld = await startAppWorld({ clock: options.clock, durationMinutes: options.durationMinutes })
    const { world, app, items } = appWorld
    const { sn, base } = world
    const prefix = options.devicePrefix ?? 'WS-RT'
    let devices = 0

    const rt: RedTeamWorld = {
        world,
        app,
        items,
        newWorkstation(name = `${prefix}-${String(++devices).padStart(3, '0')}`) {
            return { sysId: addWorkstation(sn.store, base, name), name }
        },
        orderGrant(o = {}) {
            const opener = o.opener ?? base.requester.userName
            const openerSysId = sn.store.list(PLATFORM_TABLE.user, (u) => u['user_name'] === opener)[0]!['sys_id']!
            const requestedFor = o.requestedFor ?? base.requester.sysId
            const ciSysId = o.ci ?? rt.newWorkstation().sysId
            const ritmSysId = app.as(opener, () =>
                orderItem(
                    items.localAdmin,
                    openerSysId,
                    {
                        requested_for: requestedFor,
                        device: ciSysId,
                        duration_minutes: String(o.minutes ?? 30),
                        justification:
                            o.justification ??
                            'Install the signed vendor driver for the lab analyser on my workstation',
                        ...(o.changeRequest === undefined ? {} : { change_request: o.changeRequest }),
                        emergency: 'false',
                    },
                    { requested_for: requestedFor },
                ),
            )
            const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritmSysId)[0]!
            expect(grant[GRANT_FIELDS.state], grant[GRANT_FIELDS.lastError]).toBe('awaiting_approval')
            return { grantSysId: grant['sys_id']!, ritmSysId, ciSysId }
        },
        openApprovals(grantSysId) {
            return sn.store.list(
                PLATFORM_TABLE.approval,
                (r) => r['document_id'] === grantSysId && r['state'] === 'requested',
            )
        },
        voteOpenApprovals(grantSysId, userName = base.manager.userName) {
            for (const a of rt.openApprovals(grantSysId)) app.as(userName, () => castVote(a['sys_id']!, 'approved'))
        },
        approvedGrant(o) {
            const g = rt.orderGrant(o)
            rt.voteOpenApprovals(g.grantSysId)
            expect(sn.store.get(TABLE.grant, g.grantSysId)![GRANT_FIELDS.state]).toBe('queued')
            return g
        },
        providerCallsFromNow() {
            const before = providerWrites({ webhook: world.webhook })
            return () => providerWrites({ webhook: world.webhook }) - before
        },
        close: appWorld.close,
    }
    return rt
}
