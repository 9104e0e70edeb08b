/**
 * Issue 11, time zones: a plain date inside an encoded query is read by the instance as UTC or in the integration
 * user's zone (sources disagree: contract "Time zones and dates"; the emulator's `queryDateZone`). Two failures were
 * reported with an executor that formatted its query dates in UTC: integration user at UTC−5 → the revoke ran 55 s
 * before the expiry; at UTC+2 → the grant was never claimed. The executor must be right under both readings and any
 * zone, and never revoke before `expires_at` by its own clock.
 *
 * 1. The real executor in process on virtual time against the emulators, the integration user in New York (winter,
 *    UTC−5) and in Berlin (summer, UTC+2), under both readings: claimed at once, revoked at the expiry, not before.
 * 2. The two queue queries the executor builds with a date (ready actions, expired leases) at the extreme zones
 *    (UTC−12, UTC+14): exactly the due rows, under both readings.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, ROLE, TABLE } from '@gbg/shared'
import { parseGlideDateTime, startServiceNowEmulator, type ServiceNowEmulator } from '../emulators/servicenow'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'
import { startWorld, type World } from './support/world'
import { createServiceNowClient, type ServiceNowClient } from '../../executor/src/servicenow/client'
import { createServiceNowGateway } from '../../executor/src/servicenow/gateway'
import { formatGlideDateTime } from '../../executor/src/servicenow/query'

/** The webhook service's clock lags ours: the executor's revoke at expiry is what removes the access. */
const LAG_MS = 15_000
const READINGS = ['utc', 'user'] as const

/** The reported zones, on dates where their offset is the reported one. */
const REPORTED = [
    { zone: 'America/New_York', offset: 'UTC−5', start: Date.UTC(2026, 0, 6, 10, 0, 0) },
    { zone: 'Europe/Berlin', offset: 'UTC+2', start: Date.UTC(2026, 6, 6, 10, 0, 0) },
] as const

describe.each(READINGS)(
    'query dates read as %s: the executor is right whatever the integration user’s zone',
    (reading) => {
        let world: World | undefined
        let executor: InProcessExecutor | undefined
        afterEach(async () => {
            await executor?.stop()
            await world?.close()
            executor = undefined
            world = undefined
        })

        it.each(REPORTED)(
            'integration user in $zone ($offset): claimed at once, revoked at the expiry, never before',
            async ({ zone, start }) => {
                // setup: an approved 1-minute grant, its action ready now; the integration user's zone set on the instance
                const clock = new VirtualClock(start)
                world = await startWorld({
                    durationMinutes: 1,
                    keepSeededAction: true,
                    webhookClockLagMs: LAG_MS,
                    clock,
                    servicenow: { queryDateZone: reading },
                })
                const { sn, webhook, base } = world
                sn.store.update(PLATFORM_TABLE.user, base.executorUser.sysId, { time_zone: zone })
                const grantId = base.grant.sysId
                const state = (): string => sn.store.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] ?? ''

                // execution: the grant is claimed and granted (UTC+2 under the user's-zone reading used to never claim it)
                executor = await startInProcessExecutor(world.env(`tz-${reading}`), clock)
                await runUntil(clock, () => state() === 'active', { within: 20_000, what: `grant active (${zone})` })
                const expiresAt = parseGlideDateTime(sn.store.get(TABLE.grant, grantId)![GRANT_FIELDS.expiresAt]!)
                // The revoke is queued for the expiry; up to just before it, nothing may revoke (UTC−5 used to, 55 s early).
                await runUntil(clock, () => state() !== 'active' || clock.nowMs() >= expiresAt - 1_000, {
                    within: expiresAt - clock.nowMs(),
                    what: 'just before the expiry',
                })
                const beforeExpiry = { state: state(), deletes: webhook.callCount('DELETE', '/grants/') }
                await runUntil(clock, () => state() === 'revoked', {
                    within: expiresAt - clock.nowMs() + 20_000,
                    what: 'grant revoked',
                })

                // validation: still active with no revoke call a second before the expiry; revoked at it by the executor's
                // clock (revoked_at is written from it) and by the service's (which lags ours by LAG_MS)
                expect(beforeExpiry).toEqual({ state: 'active', deletes: 0 })
                const revoked = sn.store.get(TABLE.grant, grantId)!
                const revokedAt = parseGlideDateTime(revoked[GRANT_FIELDS.revokedAt]!)
                expect(revokedAt).toBeGreaterThanOrEqual(expiresAt)
                expect(revokedAt - expiresAt).toBeLessThan(5_000)
                const [service] = [...webhook.grants.values()]
                expect(service!.revokedAt).not.toBeNull()
                expect(service!.revokedAt!.getTime() + LAG_MS).toBeGreaterThanOrEqual(expiresAt)
                expect(webhook.callCount('POST', '/grants')).toBe(1)
            },
        )
    },
)

describe.each(READINGS)(
    'query dates read as %s: the executor’s date queries return exactly the due rows',
    (reading) => {
        const clock = new VirtualClock(Date.UTC(2026, 2, 10, 12, 0, 0))
        let sn: ServiceNowEmulator
        let client: ServiceNowClient
        let userId = ''
        const ids: Record<string, string> = {}
        const at = (seconds: number): string => formatGlideDateTime(new Date(clock.nowMs() + seconds * 1000))

        beforeAll(async () => {
            // setup: ready actions due a second ago / in a second / with no date; claimed actions whose lease ended a
            // second ago / ends in a second / has no end
            sn = await startServiceNowEmulator({
                now: () => clock.now(),
                queryDateZone: reading,
                users: [{ userName: 'svc', password: 'svc-pw', roles: [ROLE.executor] }],
            })
            userId = sn.store.list(PLATFORM_TABLE.user, (u) => u['user_name'] === 'svc')[0]!['sys_id']!
            const grant = sn.store.insert(TABLE.grant, { [GRANT_FIELDS.state]: 'queued' })['sys_id']!
            const action = (values: Record<string, string>): string =>
                sn.store.insert(TABLE.action, {
                    [ACTION_FIELDS.grant]: grant,
                    [ACTION_FIELDS.type]: 'revoke',
                    [ACTION_FIELDS.priority]: '3',
                    [ACTION_FIELDS.maxAttempts]: '8',
                    ...values,
                })['sys_id']!
            ids.dueNow = action({ [ACTION_FIELDS.state]: 'ready', [ACTION_FIELDS.notBefore]: at(-1) })
            ids.dueLater = action({ [ACTION_FIELDS.state]: 'ready', [ACTION_FIELDS.notBefore]: at(1) })
            ids.undated = action({ [ACTION_FIELDS.state]: 'ready' })
            const lease = (until: string): Record<string, string> => ({
                [ACTION_FIELDS.state]: 'claimed',
                [ACTION_FIELDS.leaseOwner]: 'ghost',
                [ACTION_FIELDS.leaseUntil]: until,
            })
            ids.expired = action(lease(at(-1)))
            ids.held = action(lease(at(1)))
            ids.noLease = action(lease(''))
            client = createServiceNowClient({
                baseUrl: sn.url,
                auth: { mode: 'basic', username: 'svc', password: 'svc-pw' },
                clock,
            })
        })
        afterAll(async () => {
            client?.close()
            await sn?.close()
        })

        it.each(['Etc/GMT+12', 'America/New_York', 'GMT', 'Europe/Berlin', 'Pacific/Kiritimati'])(
            'integration user in %s',
            async (zone) => {
                // setup
                sn.store.update(PLATFORM_TABLE.user, userId, { time_zone: zone })
                const gw = createServiceNowGateway(client, { instanceName: 'tz-check', now: () => clock.now() })
                // execution
                const ready = await gw.listReadyActions(clock.now(), 10)
                const expired = await gw.listExpiredLeases(clock.now(), 10)
                // validation
                expect(ready.map((a) => a.sysId).sort()).toEqual([ids.dueNow, ids.undated].sort())
                expect(expired.map((a) => a.sysId).sort()).toEqual([ids.expired, ids.noLease].sort())
            },
        )
    },
)
