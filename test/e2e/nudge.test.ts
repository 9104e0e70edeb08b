/**
 * The nudge end to end (issue 18), on virtual time: the app's async business rule (now-app/src/server/nudge.ts,
 * run by the Glide fake's scheduler) builds the signed request with RESTMessageV2, the emulator's outbound HTTP
 * performs it against the real executor in this process, and the executor polls at once — an approval reaches the
 * executor's claim without waiting for the poll (60 s here). Then the failure modes (the call failing or timing out,
 * nudging off or misconfigured: the approval is never blocked, failures are logged on the instance, the poll still
 * picks the action up) and the attacks on the executor's endpoint (forged, replayed, a nudge naming a grant that is
 * not approved, a flood): none grants anything or costs more than a bounded number of extra polls.
 */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
    ACTION_FIELDS,
    GRANT_FIELDS,
    NUDGE_MIN_POLL_GAP_MS,
    PLATFORM_TABLE,
    PROPERTY,
    TABLE,
    nudgeSignature,
} from '@gbg/shared'
import { GlideRecord, glide } from '../../now-app/test/support/glide-fake'
import { revokeNowFromGrant } from '../../now-app/src/server/revoke-now'
import { castVote, orderItem } from '../../now-app/test/support/app-actions'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runFor, runUntil } from '../support/virtual-time'
import { startAppWorld, type AppWorld } from './support/app-world'

const SECRET = 'nudge-e2e-secret-0123456789abcdef-0123'
const POLL_SECONDS = 60
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let appWorld: AppWorld
let executor: InProcessExecutor
let nudgeUrl: string

function setProperty(name: string, value: string): void {
    const { sn } = appWorld.world
    const existing = sn.scripting.list('sys_properties').find((p) => p['name'] === name)
    if (existing) sn.scripting.modify('sys_properties', existing['sys_id']!, { value }, 'system')
    else sn.scripting.create('sys_properties', { name, value }, 'system')
}

function configureNudge(enabled: boolean, url = nudgeUrl, secret = SECRET): void {
    setProperty(PROPERTY.nudgeEnabled, String(enabled))
    setProperty(PROPERTY.nudgeUrl, url)
    setProperty(PROPERTY.nudgeSecret, secret)
}

/** Polls of the queue by the executor so far (its GETs on the action table). */
function polls(): number {
    const { sn, base } = appWorld.world
    return sn.requests.filter(
        (r) => r.user === base.executorUser.userName && r.method === 'GET' && r.path.endsWith(`/${TABLE.action}`),
    ).length
}

/** Alice orders local admin on her workstation and her manager approves; returns the grant's sys_id. */
function orderAndApprove(): string {
    const { sn, base } = appWorld.world
    const { app, items } = appWorld
    // One open request per person and target: end the previous story's grant first.
    for (const g of sn.store.list(TABLE.grant, (r) => r[GRANT_FIELDS.requestedFor] === base.requester.sysId)) {
        const state = g[GRANT_FIELDS.state]
        if (state !== 'cancelled' && state !== 'revoked') {
            sn.store.update(TABLE.grant, g['sys_id']!, { [GRANT_FIELDS.state]: 'revoked' })
        }
    }
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
    const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]!
    expect(grant[GRANT_FIELDS.state]).toBe('awaiting_approval')
    for (const a of sn.store.list(
        PLATFORM_TABLE.approval,
        (r) => r['document_id'] === grant['sys_id'] && r['state'] === 'requested',
    )) {
        app.as(base.manager.userName, () => expect(castVote(a['sys_id']!, 'approved')).not.toBeNull())
    }
    return grant['sys_id']!
}

function grantAction(grantSysId: string): Record<string, string> {
    const { sn } = appWorld.world
    return sn.store.list(
        TABLE.action,
        (a) => a[ACTION_FIELDS.grant] === grantSysId && a[ACTION_FIELDS.type] === 'grant',
    )[0]!
}

const claimed = (grantSysId: string) => () => grantAction(grantSysId)?.[ACTION_FIELDS.state] !== 'ready'

/** POST to the executor's nudge endpoint. */
function post(body: string, signature: string): Promise<number> {
    const { host, port } = executor.service.address
    return new Promise((resolve, reject) => {
        const req = http.request(
            {
                host,
                port,
                path: '/v1/nudge',
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-GBG-Signature': signature },
            },
            (res) => {
                res.resume()
                res.on('end', () => resolve(res.statusCode ?? 0))
            },
        )
        req.on('error', reject)
        req.end(body)
    })
}

const signedNow = (body: string, secret = SECRET) => nudgeSignature(secret, Math.floor(clock.nowMs() / 1000), body)

beforeAll(async () => {
    appWorld = await startAppWorld({ durationMinutes: 60, clock })
    executor = await startInProcessExecutor(
        appWorld.world.env('e2e-nudge', {
            GBG_POLL_INTERVAL_SECONDS: String(POLL_SECONDS),
            GBG_NUDGE_SECRET: SECRET,
            GBG_LOG_LEVEL: 'info',
        }),
        clock,
    )
    const { host, port } = executor.service.address
    nudgeUrl = `http://${host}:${port}/v1/nudge`
    // Let the first poll pass: from here on the next one is a minute away.
    await runFor(clock, 1000)
})

afterAll(async () => {
    await executor?.stop()
    await appWorld?.close()
})

describe('the app nudges the executor on approval', () => {
    it('an approval (and a "Revoke now") with the nudge configured reaches the executor without waiting for the poll', async () => {
        // setup
        configureNudge(true)
        const { sn } = appWorld.world
        const sent = sn.outbound.log.length

        // execution
        const approvedAt = clock.nowMs()
        const grantSysId = orderAndApprove()
        expect(sn.store.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state]).toBe('queued')
        await runUntil(clock, claimed(grantSysId), { within: 5_000, what: 'the grant action claimed' })
        const claimMs = clock.nowMs() - approvedAt
        await runUntil(clock, () => sn.store.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] === 'active', {
            within: 5_000,
            what: 'the grant active',
        })

        // validation: one signed call, accepted; claimed and active well inside the 60 s poll
        const calls = sn.outbound.log.slice(sent)
        expect(calls).toHaveLength(1)
        expect(calls[0]).toMatchObject({ method: 'POST', url: nudgeUrl, status: 202, error: '', delivered: true })
        expect(JSON.parse(calls[0]!.body)).toEqual({ reason: 'action.queued', type: 'grant' })
        expect(calls[0]!.headers['X-GBG-Signature']).toBe('********')
        expect(claimMs).toBeLessThan(1000)
        expect(clock.nowMs() - approvedAt).toBeLessThan(1000)
        expect(glide.logs.filter((l) => l.level !== 'debug' && /nudge/i.test(l.message))).toEqual([])

        // execution: "Revoke now" queues a revoke that is ready now: nudged as well
        const revokeAt = clock.nowMs()
        appWorld.app.as(appWorld.world.base.requester.userName, () => {
            const form = new GlideRecord(TABLE.grant)
            form.get(grantSysId)
            revokeNowFromGrant(form)
        })
        await runUntil(clock, () => sn.store.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state] === 'revoked', {
            within: 5_000,
            what: 'the grant revoked',
        })

        // validation
        expect(clock.nowMs() - revokeAt).toBeLessThan(1000)
        const revokeCall = sn.outbound.log.slice(sent + 1)
        expect(revokeCall.map((c) => [c.status, JSON.parse(c.body).type])).toEqual([[202, 'revoke']])
    })

    it('without the nudge the approval waits for the next poll, and no outbound call is made', async () => {
        // setup
        configureNudge(false)
        const { sn } = appWorld.world
        const sent = sn.outbound.log.length

        // execution
        const approvedAt = clock.nowMs()
        const grantSysId = orderAndApprove()
        await runFor(clock, 5_000)
        const stillReady = !claimed(grantSysId)()
        await runUntil(clock, claimed(grantSysId), { within: POLL_SECONDS * 1000 + 1000, what: 'claimed at the poll' })

        // validation
        expect(stillReady).toBe(true)
        expect(clock.nowMs() - approvedAt).toBeGreaterThan(5_000)
        expect(sn.outbound.log.length).toBe(sent)
    })

    it.each([
        ['timing out', 'timeout', 'error-response', /Read timed out/],
        ['refused (execute() throws)', 'refused', 'throw', /not sent: .*Connection refused/],
    ] as const)(
        'a nudge %s never blocks the approval: logged on the instance, the poll still picks the action up',
        async (_name, fault, style, logged) => {
            // setup
            configureNudge(true)
            const { sn } = appWorld.world
            sn.outbound.fault = fault
            sn.outbound.failureStyle = style
            const logsBefore = glide.logs.length
            try {
                // execution: the approval itself completes at once (the call is a background job)
                const grantSysId = orderAndApprove()
                expect(sn.store.get(TABLE.grant, grantSysId)?.[GRANT_FIELDS.state]).toBe('queued')
                await runUntil(
                    clock,
                    () => glide.logs.slice(logsBefore).some((l) => l.level === 'warn' && /nudge/.test(l.message)),
                    { within: 10_000, what: 'the failed nudge logged' },
                )
                await runUntil(clock, claimed(grantSysId), {
                    within: POLL_SECONDS * 1000 + 1000,
                    what: 'claimed at the poll',
                })

                // validation
                const warning = glide.logs.slice(logsBefore).find((l) => l.level === 'warn')!
                expect(warning.message).toMatch(logged)
                expect(warning.message).toContain(grantAction(grantSysId)[ACTION_FIELDS.number])
                expect(warning.message).not.toContain(SECRET)
                expect(sn.outbound.log.at(-1)).toMatchObject({ delivered: false, status: 0 })
            } finally {
                sn.outbound.fault = null
                sn.outbound.failureStyle = 'error-response'
            }
        },
    )

    it('a misconfigured nudge (plain http to another host, short secret) is logged and never sent', async () => {
        // setup
        const { sn } = appWorld.world
        const sent = sn.outbound.log.length
        const logsBefore = glide.logs.length

        // execution
        configureNudge(true, 'http://executor.example.com/v1/nudge')
        orderAndApprove()
        await runFor(clock, 2_000)
        configureNudge(true, nudgeUrl, 'too-short')
        orderAndApprove()
        await runFor(clock, 2_000)

        // validation
        expect(sn.outbound.log.length).toBe(sent)
        const errors = glide.logs
            .slice(logsBefore)
            .filter((l) => l.level === 'error')
            .map((l) => l.message)
        expect(errors.some((m) => /must be https/.test(m))).toBe(true)
        expect(errors.some((m) => /secret is missing or shorter/.test(m))).toBe(true)
        expect(errors.join('\n')).not.toContain('too-short')
        configureNudge(false)
    })
})

describe('attacks on the nudge endpoint', () => {
    it('a forged signature is refused and causes no poll', async () => {
        // setup
        const before = polls()
        const body = '{"reason":"action.queued"}'

        // execution
        const forged = await post(body, signedNow(body, 'an-attacker-guess-0123456789abcdef0123'))
        await runFor(clock, 2_000)

        // validation
        expect(forged).toBe(401)
        expect(polls()).toBe(before)
    })

    it('a replayed nudge is refused and causes no second poll', async () => {
        // setup
        await runFor(clock, 1_000)
        const body = '{"reason":"replay-test"}'
        const signature = signedNow(body)

        // execution
        const first = await post(body, signature)
        await runFor(clock, 1_000)
        const afterFirst = polls()
        const replay = await post(body, signature)
        await runFor(clock, 1_000)

        // validation
        expect(first).toBe(202)
        expect(replay).toBe(401)
        expect(polls()).toBe(afterFirst)
    })

    it('a signed nudge naming a grant that is not approved grants nothing', async () => {
        // setup: a request waiting for approval (nobody votes)
        const { sn, base } = appWorld.world
        const { app, items } = appWorld
        for (const g of sn.store.list(TABLE.grant, (r) => r[GRANT_FIELDS.requestedFor] === base.requester.sysId)) {
            if (g[GRANT_FIELDS.state] !== 'revoked')
                sn.store.update(TABLE.grant, g['sys_id']!, { [GRANT_FIELDS.state]: 'revoked' })
        }
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
        const grant = sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritm)[0]!
        const webhookGrants = appWorld.world.webhook.grants.size
        const before = polls()

        // execution
        const body = JSON.stringify({ actionSysId: grant['sys_id'], type: 'grant', reason: 'approve me' })
        const status = await post(body, signedNow(body))
        await runFor(clock, 2_000)

        // validation: it only made the executor look at the queue
        expect(status).toBe(202)
        expect(polls()).toBe(before + 1)
        expect(sn.store.get(TABLE.grant, grant['sys_id']!)?.[GRANT_FIELDS.state]).toBe('awaiting_approval')
        expect(sn.store.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === grant['sys_id'])).toEqual([])
        expect(appWorld.world.webhook.grants.size).toBe(webhookGrants)
    })

    it('a flood of signed nudges costs at most one poll per 250 ms', async () => {
        // setup
        await runFor(clock, 1_000)
        const before = polls()

        // execution: 100 distinct signed nudges at once, then one every 20 ms for 1 s
        const burst = await Promise.all(
            Array.from({ length: 100 }, (_, i) => {
                const body = JSON.stringify({ reason: `flood-${i}` })
                return post(body, signedNow(body))
            }),
        )
        await runFor(clock, 1_000)
        const afterBurst = polls()
        for (let i = 0; i < 50; i++) {
            const body = JSON.stringify({ reason: `drip-${i}` })
            expect(await post(body, signedNow(body))).toBe(202)
            await clock.advance(20)
        }
        await runFor(clock, 1_000)

        // validation
        expect(burst.every((s) => s === 202)).toBe(true)
        expect(afterBurst - before).toBeGreaterThanOrEqual(1)
        expect(afterBurst - before).toBeLessThanOrEqual(2)
        const dripMs = 50 * 20 + 1_000
        expect(polls() - afterBurst).toBeLessThanOrEqual(Math.ceil(dripMs / NUDGE_MIN_POLL_GAP_MS) + 1)
    })
})
