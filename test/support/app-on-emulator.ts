/**
 * The ServiceNow app's server modules running on the ServiceNow emulator: the Glide fake's storage, clock and
 * properties become the emulator's, and the app's business rules run both for the modules' own writes and for
 * Table API writes (the executor's), as on an instance. Nothing is reimplemented: the same modules the app
 * packages decide, over the same records the executor reads.
 *
 * The caller must resolve `@servicenow/glide` to `now-app/test/support/glide-fake.ts` — the root tsconfig.json `paths` do (tsx and vitest alike), the
 * sandbox's resolve hook in `npm start` — before the server modules are imported.
 *
 * Test / dev code only.
 */
import { randomBytes } from 'node:crypto'
import { CATALOG_ITEM, PLATFORM_TABLE, PROPERTY } from '@gbg/shared'
import { createScriptedRest, type ServiceNowEmulator } from '../emulators/servicenow'
import { glide, type Row } from '../../now-app/test/support/glide-fake'
import { APP_REST_HANDLERS, wireAppRules, wireExecutorApiRules } from '../../now-app/test/support/app-rules'
import { loadAppDist } from './app-dist'

/** The app running on one emulator. */
export interface AppRuntime {
    /** Run `fn` as the user `userName` (their roles from sys_user_has_role), like a UI session. */
    as<T>(userName: string, fn: () => T): T
    /** Events the app queued (gs.eventQueue): e-mail notifications on an instance. */
    events: typeof glide.events
    /** Error / info messages the app showed to users (gs.addErrorMessage / addInfoMessage). */
    messages: typeof glide.messages
    /** Detach from the emulator. */
    stop(): void
}

/**
 * Start the app on `sn`. One at a time per process (the Glide fake is a singleton). `only: 'executor-api'` runs
 * just what the executor talks to (its Scripted REST API and the ticket-update rules), for worlds whose grants are
 * seeded by hand rather than ordered through the app; by default every rule of the app runs.
 */
export function startAppOnEmulator(
    sn: ServiceNowEmulator,
    options: {
        only?: 'executor-api'
        /**
         * Runs `run` at `atMs` (the world's virtual clock): the instance's event processor for events the app
         * schedules with gs.eventQueueScheduled. Absent: scheduled events are only recorded.
         */
        scheduleAt?: (atMs: number, run: () => void) => void
        /**
         * How long after a write its async business rules start (the scheduler worker picking the job up; "usually
         * only a few seconds later" on a busy instance, sub-second on an idle one). @defaultValue 0
         */
        asyncDelayMs?: number
    } = {},
): AppRuntime {
    glide.reset()
    glide.setClock(() => sn.scripting.now())
    glide.useBackend({
        rows: (table, filter, eq) => sn.scripting.list(table, filter, eq),
        insert: (table, values, notes, actor) => sn.scripting.create(table, { ...values, ...notes }, actor),
        update: (table, sysId, changed, notes, actor) =>
            sn.scripting.modify(table, sysId, { ...changed, ...notes }, actor),
        remove: (table, sysId) => sn.scripting.remove(table, sysId),
        property: (name) => sn.scripting.list('sys_properties').find((p) => p['name'] === name)?.['value'],
        newSysId: () => randomBytes(16).toString('hex'),
        attach: (table, sysId, fileName, contentType, content, actor) =>
            sn.scripting.attach(table, sysId, fileName, contentType, content, actor),
    })
    if (options.only === 'executor-api') wireExecutorApiRules()
    else wireAppRules({ claimGuard: false })

    const userOf = (userName: string): { sysId: string; userName: string; roles: string[] } => {
        const user = sn.scripting.list(PLATFORM_TABLE.user).find((u) => u['user_name'] === userName)
        if (!user) return { sysId: '', userName, roles: [] }
        const roleNames = new Map(sn.scripting.list('sys_user_role').map((r) => [r['sys_id'], r['name'] ?? '']))
        const roles = sn.scripting
            .list('sys_user_has_role')
            .filter((h) => h['user'] === user['sys_id'])
            .map((h) => roleNames.get(h['role']) ?? '')
        return { sysId: user['sys_id']!, userName, roles }
    }
    let current = 'system'
    const as = <T>(userName: string, fn: () => T): T => {
        const before = current
        current = userName
        glide.setUser(userOf(userName))
        try {
            return fn()
        } finally {
            current = before
            glide.setUser(userOf(before))
        }
    }
    // The app's rules on Table API writes, as the API caller.
    sn.useBusinessRules({
        before: (table, op, record: Row, previous, actor) =>
            as(actor, () => glide.runRules(table, 'before', op, record, previous)),
        after: (table, op, record: Row, previous, actor) => {
            as(actor, () => glide.runRules(table, 'after', op, record, previous))
        },
    })
    // Scheduled events run their script actions at their time, as the system user (the instance's event processor).
    const scheduleAt = options.scheduleAt
    if (scheduleAt) glide.useEventScheduler((atMs, run) => scheduleAt(atMs, () => as('system', run)))
    // Async business rules (the nudge) run as scheduler jobs: `asyncDelayMs` after the write, on the world's clock
    // (real timers without one), as the user whose write queued them. Their outbound calls (sn_ws.RESTMessageV2) go
    // through the emulator's outbound HTTP (outbound.ts: real requests, a log, failure switches).
    let stopped = false
    const asyncDelayMs = options.asyncDelayMs ?? 0
    const runAt =
        scheduleAt ?? ((atMs: number, run: () => void) => void setTimeout(run, Math.max(0, atMs - sn.scripting.now())))
    glide.useAsyncRunner((job) =>
        runAt(sn.scripting.now() + asyncDelayMs, () => {
            if (!stopped) void job()
        }),
    )
    glide.useOutbound((request) => sn.outbound.perform(request))
    if (scheduleAt) {
        sn.outbound.sleep = (ms) => new Promise<void>((resolve) => scheduleAt(sn.scripting.now() + ms, resolve))
    }
    // The app's Scripted REST APIs (proposals, the executor's facts and context), run in the caller's session.
    sn.useScriptedRest(createScriptedRest({ dist: loadAppDist(), handlers: APP_REST_HANDLERS, runAs: as }))
    return {
        as,
        events: glide.events,
        messages: glide.messages,
        stop: () => {
            stopped = true
            glide.useAsyncRunner(undefined)
            glide.useOutbound(undefined)
            glide.useEventScheduler(undefined)
            sn.useBusinessRules(undefined)
            sn.useScriptedRest(undefined)
        },
    }
}

/** Make the app's catalog items and SecOps group known to the app on `sn` (what installing the app sets up). */
export function installAppCatalog(
    sn: ServiceNowEmulator,
    secopsGroupSysId: string,
    deviceProvider: 'webhook' | 'entra-group' | 'epm',
): { localAdmin: string; entraRole: string } {
    const item = (name: string): string =>
        sn.scripting.list('sc_cat_item').find((i) => i['name'] === name)?.['sys_id'] ??
        sn.scripting.create('sc_cat_item', { name, active: 'true' }, 'system')['sys_id']!
    const setProperty = (name: string, value: string): void => {
        const existing = sn.scripting.list('sys_properties').find((p) => p['name'] === name)
        if (existing) sn.scripting.modify('sys_properties', existing['sys_id']!, { value }, 'system')
        else sn.scripting.create('sys_properties', { name, value }, 'system')
    }
    setProperty(PROPERTY.secopsGroup, secopsGroupSysId)
    setProperty(PROPERTY.deviceAdminProvider, deviceProvider)
    return { localAdmin: item(CATALOG_ITEM.localAdmin.name), entraRole: item(CATALOG_ITEM.entraRole.name) }
}
