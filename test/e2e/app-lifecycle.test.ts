/**
 * The whole lifecycle through both sides, with nothing seeded by hand: the ServiceNow app's own server modules
 * (running on the ServiceNow emulator, their business rules wired as in Fluent) take a catalog request, judge it,
 * freeze the plan and ask the manager; the manager approves; the real executor (in this process, on the world's virtual clock) grants through the
 * webhook emulator, and the app's rules react to its Table API write-backs; "Revoke now" from the grant form makes
 * the executor revoke; one audit chain holds the app's and the executor's events and the executor's
 * `audit verify` accepts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ACTION_FIELDS, AUDIT_FIELDS, EVENT, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { castVote, orderItem } from '../../now-app/test/support/app-actions'
import { revokeNowFromGrant } from '../../now-app/src/server/revoke-now'
import { runWatchdog } from '../../now-app/src/server/watchdog'
import type { AppRuntime } from '../support/app-on-emulator'
import { formatGlideDateTime } from '../emulators/servicenow'
import {
    runCliInProcess as runCli,
    startInProcessExecutor,
    type InProcessExecutor,
} from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import type { World } from './support/world'
import { startAppWorld, type AppWorld } from './support/app-world'

let world: World
let app: AppRuntime
let items: { localAdmin: string; entraRole: string }
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let executor: InProcessExecutor | undefined

let appWorld: AppWorld | undefined

beforeAll(async () => {
    appWorld = await startAppWorld({ durationMinutes: 60, clock })
    ;({ world, app, items } = appWorld)
})
afterAll(async () => {
    await executor?.stop()
    await appWorld?.close()
})

/** Alice orders `minutes` of local admin on her workstation through the catalog; returns the RITM sys_id. */
function orderLocalAdmin(minutes: number): string {
    const { base } = world
    return app.as(base.requester.userName, () =>
        orderItem(
            items.localAdmin,
            base.requester.sysId,
            {
                requested_for: base.requester.sysId,
                device: base.ci.sysId,
                duration_minutes: String(minutes),
                justification: 'Install and debug the vendor VPN client driver on my development workstation',
                emergency: 'false',
            },
            { requested_for: base.requester.sysId },
        ),
    )
}

/** The manager approves every approval of `grantSysId` waiting for them. */
function managerApproves(grantSysId: string): void {
    const { sn, base } = world
    for (const a of sn.store.list(
        PLATFORM_TABLE.approval,
        (r) => r['document_id'] === grantSysId && r['state'] === 'requested',
    )) {
        app.as(base.manager.userName, () => expect(castVote(a['sys_id']!, 'approved')).not.toBeNull())
    }
}

describe('app + executor: catalog request → policy → approval → grant → revoke now', () => {
    it('runs the whole lifecycle through the real app modules and the real executor', async () => {
        // setup
        const { sn, base, webhook } = world

        // execution: alice orders 30 minutes of local admin on her workstation
        const ritmSysId = orderLocalAdmin(30)

        // validation: judged, plan frozen, manager asked (the plan on the approval record)
        const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritmSysId)[0]!
        expect(grant[GRANT_FIELDS.state]).toBe('awaiting_approval')
        expect(grant[GRANT_FIELDS.provider]).toBe('webhook')
        const approvals = sn.store.list(PLATFORM_TABLE.approval, (a) => a['document_id'] === grant['sys_id'])
        expect(approvals.map((a) => [a['approver'], a['state']])).toEqual([[base.manager.sysId, 'requested']])
        expect(sn.store.journal(PLATFORM_TABLE.approval, approvals[0]!['sys_id']!)[0]!.value).toContain(
            grant[GRANT_FIELDS.planDigest],
        )
        expect(app.events.map((e) => e.name)).toContain(EVENT.approvalRequested)

        // execution: the manager approves
        managerApproves(grant['sys_id']!)
        const queued = sn.store.get(TABLE.grant, grant['sys_id']!)!
        expect(queued[GRANT_FIELDS.state]).toBe('queued')
        const [grantAction] = sn.store.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === grant['sys_id'])
        expect(grantAction).toMatchObject({ [ACTION_FIELDS.type]: 'grant', [ACTION_FIELDS.state]: 'ready' })

        // execution: the executor grants (its recheck gate accepts the app's approval and plan)
        const env = world.env('e2e-app')
        executor = await startInProcessExecutor(env, clock)
        await world.until((s) => s.get(TABLE.grant, grant['sys_id']!)?.[GRANT_FIELDS.state] === 'active', 30_000)

        // validation: the app's rule reacted to the executor's Table API write
        expect(webhook.grants.size).toBe(1)
        const ritmComments = () =>
            sn.store
                .journal(PLATFORM_TABLE.ritm, ritmSysId)
                .filter((j) => j.element === 'comments')
                .map((j) => j.value)
        expect(ritmComments().some((c) => c.includes('is granted until'))).toBe(true)
        expect(app.events.map((e) => e.name)).toContain(EVENT.granted)

        // execution: the requester clicks "Revoke now" on the grant form
        app.as(base.requester.userName, () => {
            const form = new GlideRecord(TABLE.grant)
            form.get(grant['sys_id']!)
            revokeNowFromGrant(form)
        })
        expect(app.messages.info.pop()).toMatch(/Revoke of .* queued/)
        await world.until((s) => s.get(TABLE.grant, grant['sys_id']!)?.[GRANT_FIELDS.state] === 'revoked', 30_000)

        // validation: removed at the service, the requester told, nothing for the watchdog to do
        expect([...webhook.grants.values()].map((g) => g.status)).toEqual(['revoked'])
        expect(ritmComments().some((c) => c.includes('was removed'))).toBe(true)
        expect(app.events.map((e) => e.name)).toContain(EVENT.revoked)
        const run = runWatchdog()
        expect(run.incidentsRaised).toEqual([])
        expect(run.heartbeat).toBe('ok')

        // validation: one chain, app and executor events interleaved, verified by the executor's CLI
        const types = sn.store
            .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grant['sys_id'])
            .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
            .map((e) => e[AUDIT_FIELDS.eventType])
        expect(types.slice(0, 3)).toEqual(['request.submitted', 'policy.evaluated', 'plan.frozen'])
        expect(types).toEqual(
            expect.arrayContaining(['approval.vote', 'request.approved', 'grant.queued', 'revoke.queued']),
        )
        expect(types.indexOf('grant.queued')).toBeLessThan(types.length - 1)
        const verify = await runCli(['audit', 'verify', grant['sys_id']!], env)
        expect(verify.stderr).toBe('')
        expect(verify.code).toBe(0)
        expect(verify.stdout).toMatch(/intact/)
    })
})

describe('app watchdog + executor: a grant left active past its expiry', () => {
    it('raises one P2 incident for SecOps, re-queues the revoke, and resolves the incident once the executor confirms it', async () => {
        // setup: a new request, approved and granted
        const { sn, base, webhook } = world
        const ritmSysId = orderLocalAdmin(30)
        const grantSysId = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritmSysId)[0]!['sys_id']!
        managerApproves(grantSysId)
        const env = world.env('e2e-app')
        executor ??= await startInProcessExecutor(env, clock)
        await world.until((s) => s.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] === 'active', 30_000)
        await executor.stop()
        executor = undefined
        // The executor stays away past the expiry: move the expiry 10 minutes into the past (the provider's own
        // grant stays active; the scheduled revoke is not due yet).
        sn.store.update(TABLE.grant, grantSysId, {
            [GRANT_FIELDS.expiresAt]: formatGlideDateTime(new Date(clock.nowMs() - 10 * 60_000)),
        })

        // execution: the watchdog job runs
        const first = runWatchdog()

        // validation: one P2 incident for SecOps, correlated by grant, and a priority-1 revoke re-queued
        expect(first.incidentsRaised).toHaveLength(1)
        const incident = sn.store.list(
            PLATFORM_TABLE.incident,
            (i) => i['correlation_id'] === `x_gbg_breakglass:grant:${grantSysId}`,
        )
        expect(incident.map((i) => [i['priority'], i['assignment_group'], i['state']])).toEqual([
            ['2', base.secopsGroupSysId, '1'],
        ])
        expect(sn.store.get(TABLE.grant, grantSysId)![GRANT_FIELDS.watchdogIncident]).toBe(incident[0]!['sys_id'])
        const requeued = sn.store.list(
            TABLE.action,
            (a) =>
                a[ACTION_FIELDS.grant] === grantSysId &&
                a[ACTION_FIELDS.type] === 'revoke' &&
                a[ACTION_FIELDS.priority] === '1',
        )
        expect(requeued).toHaveLength(1)
        expect(runWatchdog().incidentsUpdated).toEqual([incident[0]!['number']])

        // execution: the executor comes back and runs the re-queued revoke
        executor = await startInProcessExecutor(env, clock)
        await world.until((s) => s.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] === 'revoked', 30_000)
        const resolved = runWatchdog()

        // validation: access gone at the provider, incident resolved with the evidence, chain intact
        const serviceGrant = [...webhook.grants.values()].find(
            (g) => g.grantNumber === sn.store.get(TABLE.grant, grantSysId)![GRANT_FIELDS.number],
        )
        expect(serviceGrant?.status).toBe('revoked')
        expect(resolved.incidentsResolved).toEqual([incident[0]!['number']])
        const closed = sn.store.get(PLATFORM_TABLE.incident, incident[0]!['sys_id']!)!
        expect(closed['state']).toBe('6')
        expect(closed['close_notes']).toContain('Revoke confirmed')
        const notes = sn.store.journal(PLATFORM_TABLE.incident, incident[0]!['sys_id']!).map((j) => j.value)
        expect(notes.length).toBeGreaterThanOrEqual(3)
        const verify = await runCli(['audit', 'verify', grantSysId], env)
        expect(verify.code).toBe(0)
    })
})
