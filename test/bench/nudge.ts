/**
 * Bench scenario "nudge" (issue 18): approval → active, with and without the app's nudge, on the REAL clock.
 *
 * The ServiceNow app's own modules run on the emulator (test/e2e/support/app-world.ts): the requester orders local
 * admin, the manager approves through the app, the app queues the grant action and — with the nudge configured —
 * its async business rule POSTs the signed nudge through the emulator's outbound HTTP to the executor (in this
 * process, real HTTP). Measured per approval: from the approving vote to the executor's `grant:active` event.
 * Approvals are spread at random over the poll interval, so without the nudge each one waits a uniformly random
 * part of the poll. Targets: p99 ≤ 1 s with the nudge, ≤ poll interval + 1 s without.
 *
 * Test code only.
 */
import { Writable } from 'node:stream'
import { loadConfig } from '@gbg/executor/src/config'
import { createLogger } from '@gbg/executor/src/log'
import { startService } from '@gbg/executor/src/service'
import { GRANT_FIELDS, PLATFORM_TABLE, PROPERTY, TABLE } from '@gbg/shared'
import { castVote, orderItem } from '../../now-app/test/support/app-actions'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { revokeNowFromGrant } from '../../now-app/src/server/revoke-now'
import { startAppWorld, type AppWorld } from '../e2e/support/app-world'
import { applyLatency } from './latency'

/** Options of {@link runNudgeBench}. */
export interface NudgeBenchArgs {
    /** Approvals per mode. */
    approvals: number
    /** ms of round trip per ServiceNow and webhook call (latency.ts). */
    latency: number
    /** ms of instance time per ServiceNow request, sub-requests included (latency.ts). */
    serverMs: number
    /** Executor poll interval, seconds. */
    poll: number
    /** ms before the instance's scheduler runs the async rule that sends the nudge. */
    asyncDelay: number
}

const SECRET = 'bench-nudge-secret-0123456789abcdef-0123'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b)
    return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const end = Date.now() + timeoutMs
    while (!check()) {
        if (Date.now() > end) throw new Error(`bench nudge: ${what} not reached within ${timeoutMs} ms`)
        await sleep(5)
    }
}

/** Approval → active latencies (ms) of `args.approvals` approvals, nudge on or off. */
async function measure(args: NudgeBenchArgs, nudge: boolean): Promise<number[]> {
    const appWorld: AppWorld = await startAppWorld({ durationMinutes: 60 }, { asyncDelayMs: args.asyncDelay })
    const { world, app, items } = appWorld
    const { sn, webhook, base } = world
    applyLatency(sn, webhook, args)
    const config = loadConfig(
        world.env(`bench-nudge-${nudge ? 'on' : 'off'}`, {
            GBG_POLL_INTERVAL_SECONDS: String(args.poll),
            GBG_NUDGE_SECRET: SECRET,
            GBG_LOG_LEVEL: 'error',
        }),
    )
    const logger = process.env['BENCH_DEBUG']
        ? createLogger({ level: 'info', stream: process.stderr })
        : createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, done) => done() }) })
    const service = await startService(config, { logger })
    const activeAt = new Map<string, number>()
    service.events.on('grant:active', (e: { grantSysId: string }) => activeAt.set(e.grantSysId, Date.now()))
    const property = (name: string, value: string) => {
        const p = sn.scripting.list('sys_properties').find((r) => r['name'] === name)
        if (p) sn.scripting.modify('sys_properties', p['sys_id']!, { value }, 'system')
        else sn.scripting.create('sys_properties', { name, value }, 'system')
    }
    property(PROPERTY.nudgeEnabled, String(nudge))
    property(PROPERTY.nudgeUrl, `http://${service.address.host}:${service.address.port}/v1/nudge`)
    property(PROPERTY.nudgeSecret, SECRET)
    const latencies: number[] = []
    try {
        for (let i = 0; i < args.approvals; i++) {
            // a random phase of the poll interval
            await sleep(Math.random() * args.poll * 1000)
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
            const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]
            if (!grant || grant[GRANT_FIELDS.state] !== 'awaiting_approval') {
                throw new Error(`bench nudge: the app did not ask for approval (${grant?.[GRANT_FIELDS.lastError]})`)
            }
            const grantSysId = grant['sys_id']!
            const approvals = sn.store.list(
                PLATFORM_TABLE.approval,
                (a) => a['document_id'] === grantSysId && a['state'] === 'requested',
            )
            const approvedAt = Date.now()
            for (const a of approvals) app.as(base.manager.userName, () => castVote(a['sys_id']!, 'approved'))
            await until(() => activeAt.has(grantSysId), args.poll * 1000 + 30_000, 'a grant active')
            latencies.push(activeAt.get(grantSysId)! - approvedAt)
            // One open request (and one grant at the service) per person and target: the requester revokes this one
            // through the app ("Revoke now") before the next round.
            const stateIs = (state: string) => () =>
                sn.store.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] === state
            await until(stateIs('active'), args.poll * 1000 + 30_000, 'the grant written back active')
            app.as(base.requester.userName, () => {
                const form = new GlideRecord(TABLE.grant)
                form.get(grantSysId)
                revokeNowFromGrant(form)
            })
            await until(stateIs('revoked'), args.poll * 1000 + 30_000, 'the grant revoked')
        }
    } finally {
        await service.stop()
        await appWorld.close()
    }
    return latencies
}

/** Runs the scenario and prints each figure with its target. */
export async function runNudgeBench(
    args: NudgeBenchArgs,
    line: (what: string, value: string, target: string, met?: boolean) => void,
): Promise<void> {
    const show = (label: string, xs: number[], targetMs: number, target: string) =>
        line(
            label,
            `p50 ${pct(xs, 50)} ms, p99 ${pct(xs, 99)} ms, max ${Math.max(...xs)} ms`,
            target,
            pct(xs, 99) <= targetMs,
        )
    const withNudge = await measure(args, true)
    show(`approval → active with nudge (${args.approvals})`, withNudge, 1000, 'p99 ≤ 1000 ms')
    const without = await measure(args, false)
    show(
        `approval → active without nudge (${args.approvals})`,
        without,
        args.poll * 1000 + 1000,
        `p99 ≤ ${args.poll * 1000 + 1000} ms (poll + 1 s)`,
    )
}
