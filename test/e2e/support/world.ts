/**
 * The world an end-to-end test runs in: the ServiceNow emulator (tables and ACLs from the built app) and the
 * admin-as-a-service webhook emulator on 127.0.0.1, the sandbox scenario seeded (users, groups, SecOps, the
 * executor's integration user, a workstation policy allowing 1..240 minutes), a temp folder for journals, and the
 * `GBG_*` environment that points the real executor at them.
 *
 * Test code only.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ACTION_FIELDS, TABLE } from '@gbg/shared'
import { startServiceNowEmulator, type ServiceNowEmulator } from '../../emulators/servicenow'
import { startWebhookEmulator, type WebhookEmulator } from '../../emulators/webhook'
import { seedScenario, type SeededScenario } from '../../sandbox/seed'
import type { VirtualClock } from '../../support/virtual-clock'

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
    const nowMs = clock ? () => clock.nowMs() : () => Date.now()
    const now = () => new Date(nowMs())
    const sn = await startServiceNowEmulator({ oauthClients: oauthClient ? [oauthClient] : [], now })
    const lag = options.webhookClockLagMs ?? 0
    const webhook = await startWebhookEmulator({ hmacSecret, now: () => new Date(nowMs() - lag) })
    const base = seedScenario(sn, { provider: 'webhook', durationMinutes: options.durationMinutes ?? 60, now })
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
        env(instance, overrides = {}) {
            return {
                GBG_INSTANCE_NAME: instance,
                GBG_LOG_LEVEL: 'debug',
                GBG_SN_URL: sn.url,
                GBG_SN_AUTH_MODE: 'basic',
                GBG_SN_USERNAME: base.executorUser.userName,
                GBG_SN_PASSWORD: base.executorUser.password,
                GBG_SN_INCIDENT_CALLER: base.executorUser.sysId,
                GBG_SN_TIMEOUT_MS: '10000',
                GBG_POLL_INTERVAL_SECONDS: '1',
                GBG_BACKOFF_BASE_MS: '300',
                GBG_BACKOFF_MAX_MS: '3000',
                GBG_SECOPS_GROUP: base.secopsGroupSysId,
                GBG_JOURNAL_PATH: journalPath(instance),
                GBG_HTTP_HOST: '127.0.0.1',
                GBG_HTTP_PORT: '0',
                GBG_PROVIDERS: 'webhook',
                GBG_WEBHOOK_BASE_URL: webhook.url,
                GBG_WEBHOOK_HMAC_SECRET: hmacSecret,
                ...overrides,
            }
        },
        async close() {
            await webhook.close().catch(() => undefined)
            await sn.close().catch(() => undefined)
            rmSync(dir, { recursive: true, force: true })
        },
    }
}
