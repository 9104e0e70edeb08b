/**
 * A world with the ServiceNow app's own modules running on the emulator: the e2e world (test/e2e/support/world.ts)
 * with the scenario's hand-seeded grant cancelled (stories here order their own requests through the catalog), the
 * app's rules attached and its catalog items installed. Used by the app-driven e2e tests and the red-team suite.
 *
 * Test code only.
 */
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { installAppCatalog, startAppOnEmulator, type AppRuntime } from '../../support/app-on-emulator'
import { startWorld, type World, type WorldOptions } from './world'

/** A running app world. */
export interface AppWorld {
    world: World
    app: AppRuntime
    items: { localAdmin: string; entraRole: string }
    /** Stops the app and closes the emulators (the caller stops its executor first). */
    close(): Promise<void>
}

/** Starts an {@link AppWorld}. */
export async function startAppWorld(
    options: WorldOptions = {},
    /** `asyncDelayMs`: when the instance's scheduler picks up async business rules (app-on-emulator.ts). */
    appOptions: { asyncDelayMs?: number } = {},
): Promise<AppWorld> {
    const world = await startWorld(options)
    const { sn, base } = world
    // The scenario's own hand-seeded grant is not part of these stories: end it so it is not an open request.
    sn.store.update(TABLE.grant, base.grant.sysId, { [GRANT_FIELDS.state]: 'cancelled' })
    const clock = options.clock
    const app = startAppOnEmulator(sn, {
        ...appOptions,
        // Events the app schedules (gs.eventQueueScheduled) run at their time on the world's virtual clock.
        ...(clock
            ? {
                  scheduleAt: (atMs: number, run: () => void) =>
                      void clock.sleep(Math.max(0, atMs - clock.nowMs())).then(() => {
                          try {
                              run()
                          } catch (error) {
                              // As on an instance: a failing script action is logged, the processor goes on.
                              console.error('scheduled event failed', error)
                          }
                      }),
              }
            : {}),
    })
    const items = installAppCatalog(sn, base.secopsGroupSysId, 'webhook')
    return {
        world,
        app,
        items,
        async close() {
            app.stop()
            await world.close()
        },
    }
}
