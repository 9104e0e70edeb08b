/**
 * The world an end-to-end test runs in: the ServiceNow emulator (tables and ACLs from the built app) and the
 * admin-as-a-service webhook emulator on 127.0.0.1, the sandbox scenario seeded (users, groups, SecOps, the
 * executor's integration user, a workstation policy allowing 1..240 minutes), a temp folder for journals, and the
 * `GBG_*` environment that points the real executor at them.
 *
 * Test code only.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ACTION_FIELDS, TABLE } from '@gbg/shared'
import {
    startServiceNowEmulator,
    type ServiceNowEmulator,
    type ServiceNowEmulatorOptions,
} from '../../emulators/servicenow'
import { startWebhookEmulator, type WebhookEmulator } from '../../emulators/webhook'
import { seedScenario, type SeededScenario } from '../../sandbox/seed'
import { startAppOnEmulator } from '../../support/app-on-emulator'
import type { EmulatorStore } from '../../emulators/servicenow/types'
import type { VirtualClock } from '../../support/virtual-clock'
import { runUntil } from '../../support/virtual-time'

/** Options of {@link startWorld}. */
export interface WorldOptions {
    /** Duration of the scenario's own seeded grant. @defaultValue 60 */
    durationMinutes?: number
    /** Keep the scenario's seeded grant action ready (otherwise it is parked as `done` before any executor runs). */
    keepSeededAction?: boolean
    /**
     * How far the webhook service's clock runs behind ours. With 0 the service's native expiry always wins the
     * race against the executor's revoke (the revoke then finds the grant already expired); a service clock a few
     * seconds behind makes the executor's revoke at expiry the thing that actually removes the access.
     * @defaultValue 0
     */
    webhookClockLagMs?: number
    /** OAuth client registered on the ServiceNow emulator (for `oauth_password` tests). */
    oauth?: boolean
    /**
     * The one clock of the world: the emulators read it, and so does an executor started in process on it.
     * Absent: the system clock (a world for executors in child processes).
     */
    clock?: VirtualClock
    /** Further options of the ServiceNow emulator (e.g. `queryDateZone`). */
    servicenow?: Pick<ServiceNowEmulatorOptions, 'queryDateZone' | 'batchOrder' | 'batchRateLimit'>
}

/** A running world. */
export interface World {
    sn: ServiceNowEmulator
    webhook: WebhookEmulator
    base: SeededScenario
    dir: string
    hmacSecret: string
    oauthClient?: { clientId: string; clientSecret: string }
    /** Executor environment for `instance` (journal `<dir>/<instance>.db`), with `overrides` applied last. */
    env(instance: string, overrides?: Record<string, string>): Record<string, string>
    journalPath(instance: string): string
    /** The world's time: the virtual clock, or the system clock shifted by every {@link World.jumpClock} so far. */
    now(): Date
    /**
     * Without a virtual clock: move the wall clock of the emulators AND of the executor children started with this
     * world's env forward by `ms` (test/support/clock-offset-preload.mjs), e.g. past an expiry.
     */
    jumpClock(ms: number): void
    /**
     * Waits until `predicate` holds on the ServiceNow emulator's records: on a virtual clock by running the world
     * (at most `withinMs` of virtual time), otherwise by watching the emulator's writes (at most `withinMs` real).
     */
    until(predicate: (store: EmulatorStore) => boolean, withinMs?: number, what?: string): Promise<void>
    close(): Promise<void>
}

/** Starts the emulators and seeds the scenario. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
    const dir = mkdtempSync(join(tmpdir(), 'gbg-e2e-'))
    const hmacSecret = randomBytes(32).toString('base64url')
    const oauthClient = options.oauth
        ? { clientId: `e2e-${randomBytes(4).toString('hex')}`, clientSecret: randomBytes(24).toString('base64url') }
        : undefined
    const clock = options.clock
    const offsetFile = join(dir, 'clock-offset-ms')
    let offsetMs = 0
    writeFileSync(offsetFile, '0')
    const nowMs = clock ? () => clock.nowMs() : () => Date.now() + offsetMs
    const now = () => new Date(nowMs())
    const sn = await startServiceNowEmulator({
        ...options.servicenow,
        oauthClients: oauthClient ? [oauthClient] : [],
        now,
    })
    const lag = options.webhookClockLagMs ?? 0
    const webhook = await startWebhookEmulator({ hmacSecret, now: () => new Date(nowMs() - lag) })
    const base = seedScenario(sn, { provider: 'webhook', durationMinutes: options.durationMinutes ?? 60, now })
    // What the executor talks to on an instance besides the app's tables: the app's executor REST API (gate facts,
    // context) and its ticket-update rules (work notes, incidents, receipts). Hand-seeded grants need no more of the
    // app; the app world (app-world.ts) starts all of it.
    const executorApi = startAppOnEmulator(sn, { only: 'executor-api' })
    if (!options.keepSeededAction) {
        // Parked as the app would leave a finished action: no executor will ever pick it up.
        sn.store.update(TABLE.action, base.action.sysId, { [ACTION_FIELDS.state]: 'done' })
    }
    const journalPath = (instance: string) => join(dir, `${instance}.db`)
    return {
        sn,
        webhook,
        base,
        dir,
        hmacSecret,
        oauthClient,
        journalPath,
        now,
        async until(predicate, withinMs = 20_000, what) {
            if (clock) await runUntil(clock, () => predicate(sn.store), { within: withinMs, what })
            else await sn.waitFor(predicate, withinMs)
        },
        jumpClock(ms) {
            if (clock) throw new Error('jumpClock: this world runs on a virtual clock; advance that instead')
            if (!(ms >= 0)) throw new Error('jumpClock: forward only')
            offsetMs += ms
            writeFileSync(offsetFile, String(offsetMs))
        },
        env(instance, overrides = {}) {
            return {
                GBG_INSTANCE_NAME: instance,
                GBG_LOG_LEVEL: 'debug',
                GBG_SN_URL: sn.url,
                GBG_SN_AUTH_MODE: 'basic',
                GBG_SN_USERNAME: base.executorUser.userName,
                GBG_SN_PASSWORD: base.executorUser.password,
                GBG_SN_TIMEOUT_MS: '10000',
                GBG_POLL_INTERVAL_SECONDS: '1',
                GBG_BACKOFF_BASE_MS: '300',
                GBG_BACKOFF_MAX_MS: '3000',
                GBG_JOURNAL_PATH: journalPath(instance),
                GBG_HTTP_HOST: '127.0.0.1',
                GBG_HTTP_PORT: '0',
                GBG_PROVIDERS: 'webhook',
                GBG_WEBHOOK_BASE_URL: webhook.url,
                GBG_WEBHOOK_HMAC_SECRET: hmacSecret,
                // Read by the child's clock preload only (not a GBG_ setting; the executor never sees it).
                ...(clock ? {} : { E2E_CLOCK_OFFSET_FILE: offsetFile }),
                ...overrides,
            }
        },
        async close() {
            executorApi.stop()
            await webhook.close().catch(() => undefined)
            await sn.close().catch(() => undefined)
            rmSync(dir, { recursive: true, force: true })
        },
    }
}
