/**
 * Red team, attack 7: the audit chain. The real executor grants the scenario's seeded request (webhook emulator,
 * audit key GBG_AUDIT_KEY set), then the attacker works on the grant's chain in ServiceNow:
 *
 * - as an instance admin (a background script: no ACL stops it) deleting the tail, deleting the whole chain, or
 *   rewriting an event and recomputing every later hash — each leaves a chain the unanchored check
 *   (`verifyChain`, what `audit verify` ran before) still calls intact; `audit verify` now compares it with the
 *   head the executor anchored in its journal and reports it BROKEN / tampered (exit 1);
 * - with the executor integration user's credentials but not the audit key, appending a well-linked forged event
 *   through the Table API: its hash chain is fine, its MAC is missing → BROKEN;
 * - racing appenders: the app's appendAudit (or a second executor replica) commits between the executor's read of
 *   the head and its insert; the audit insert rule refuses the stale insert, the executor re-reads the head, and
 *   both events land in one linear chain that verifies.
 *
 * Each case also checks that nothing reached the provider after the grant (0 provider calls by the attack), and
 * (7a–7d) that the executor itself notices the break without anyone running `audit verify`: its periodic pass over
 * the grants it holds active (7a: the executor is already running when the tail goes) or its check at start
 * (7b–7d) compares the chain with its journal anchor and reports it — the reason on the grant's last_error and the
 * RITM, an `audit_chain_tampered` event appended after the current head, a P1 incident for SecOps — while the grant
 * stays as it was (no provider call, no new expiry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
    ACTION_FIELDS,
    AUDIT_CHAIN_TAMPERED,
    AUDIT_FIELDS,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    TABLE,
    auditHash,
    verifyChain,
} from '@gbg/shared'
import { loadConfig } from '@gbg/executor/src/config'
import { connectServiceNow, openJournal } from '@gbg/executor/src/service'
import { createLogger } from '@gbg/executor/src/log'
import { eventsOfRows } from '@gbg/executor/src/audit-verify'
import { appendAudit } from '../../now-app/src/server/glide-io'
import { formatGlideDateTime } from '../emulators/servicenow'
import { startAppOnEmulator } from '../support/app-on-emulator'
import { runCliInProcess as runCli, startInProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { startWorld, type World } from '../e2e/support/world'
import { providerWrites, ritmText } from './support'
import type { InProcessExecutor } from '../support/executor-in-process'

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
const AUDIT_KEY = 'red-team-audit-key-0123456789abcdef-0123456789'
let world: World
let env: Record<string, string>
let grantId: string
let providerCallsAfterGrant: number
/** The chain as the executor left it (restored after each tampering case). */
let original: Record<string, string>[]

const chainRows = (): Record<string, string>[] =>
    world.sn.store
        .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grantId)
        .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))

/** What the unanchored, unkeyed check (the old `audit verify`) says of the stored chain. */
const unanchoredVerdict = () => verifyChain(eventsOfRows(chainRows()))

/** As an instance admin with a background script: remove audit events (no ACL applies to server scripts). */
function deleteEvents(rows: Record<string, string>[]): void {
    for (const r of rows) world.sn.scripting.remove(TABLE.auditEvent, r['sys_id']!)
}

/** Put the executor's chain back exactly as it was (same sys_ids, creators and values). */
function restoreChain(): void {
    deleteEvents(chainRows())
    for (const r of original) world.sn.store.insert(TABLE.auditEvent, { ...r })
}

/** Restore the chain and the executor's anchor of it (which its record of a break re-based). */
function restoreChainAndAnchor(): void {
    restoreChain()
    const head = original.at(-1)!
    const journal = openJournal(loadConfig(env))
    try {
        journal.rebaseAuditAnchor(grantId, Number(head[AUDIT_FIELDS.sequence]), head[AUDIT_FIELDS.hash]!)
    } finally {
        journal.close()
    }
}

const tamperIncidents = () =>
    world.sn.store.list(PLATFORM_TABLE.incident, (i) =>
        (i['short_description'] ?? '').startsWith('Audit chain tampered'),
    )

/**
 * The executor (running, or started now) notices the break by itself and reports it: reason on the grant and the
 * RITM, an `audit_chain_tampered` event after the current head, one more P1, 0 provider calls; the grant keeps its
 * state and expiry. `audit verify` afterwards still says BROKEN, with the recorded break.
 */
async function expectExecutorReports(reason: RegExp, running?: InProcessExecutor): Promise<void> {
    const incidentsBefore = tamperIncidents().length
    const grantBefore = { ...world.sn.store.get(TABLE.grant, grantId)! }
    const executor = running ?? (await startInProcessExecutor(env, clock))
    try {
        await world.until(
            (s) =>
                tamperIncidents().length > incidentsBefore &&
                reason.test(s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.lastError] ?? '') &&
                reason.test(ritmText(s, world.base.ritm.sysId)),
            600_000,
            'the executor reports the tampered chain',
        )
        await executor.service.worker.flushOutbox()
    } finally {
        await executor.stop()
    }
    expect(
        executor.lines.some((l) => l.message === 'audit chain tampered'),
        'an error log line',
    ).toBe(true)
    const grant = world.sn.store.get(TABLE.grant, grantId)!
    expect(grant[GRANT_FIELDS.lastError], 'reason on the grant').toMatch(/^Audit chain tampered: /)
    expect(grant[GRANT_FIELDS.state], 'the grant keeps its state').toBe(grantBefore[GRANT_FIELDS.state])
    expect(grant[GRANT_FIELDS.expiresAt], 'access is not extended').toBe(grantBefore[GRANT_FIELDS.expiresAt])
    expect(ritmText(world.sn.store, world.base.ritm.sysId), 'reason on the RITM').toMatch(/Audit chain tampered: /)
    const incidents = tamperIncidents()
    expect(incidents.length, 'one P1 for this break').toBe(incidentsBefore + 1)
    expect(incidents.at(-1)!['priority'], 'P1').toBe('1')
    const recorded = chainRows().filter((r) => r[AUDIT_FIELDS.eventType] === AUDIT_CHAIN_TAMPERED)
    expect(recorded, 'one audit_chain_tampered event').toHaveLength(1)
    expect(recorded[0]![AUDIT_FIELDS.payload]).toMatch(reason)
    expect(recorded[0]![AUDIT_FIELDS.mac], 'MACed by the executor').toMatch(/^[0-9a-f]{64}$/)
    expect(Number(recorded[0]![AUDIT_FIELDS.sequence]), 'appended after the current head').toBe(
        Math.max(...chainRows().map((r) => Number(r[AUDIT_FIELDS.sequence]))),
    )
    expect(providerWrites({ webhook: world.webhook }) - providerCallsAfterGrant, 'provider calls').toBe(0)
    const verify = await runCli(['audit', 'verify', grantId], env)
    expect(verify.code, 'still BROKEN after the executor recorded it').toBe(1)
    expect(verify.stderr).toMatch(reason)
}

async function expectTampered(reason: RegExp): Promise<void> {
    const verify = await runCli(['audit', 'verify', grantId], env)
    expect(verify.code, verify.stdout + verify.stderr).toBe(1)
    expect(verify.stderr).toMatch(/BROKEN/)
    expect(verify.stderr).toMatch(reason)
    expect(providerWrites({ webhook: world.webhook }) - providerCallsAfterGrant, 'provider calls').toBe(0)
}

beforeAll(async () => {
    world = await startWorld({ durationMinutes: 60, keepSeededAction: true, clock })
    grantId = world.base.grant.sysId
    env = world.env('rt-audit-a', { GBG_AUDIT_KEY: AUDIT_KEY })
    const executor = await startInProcessExecutor(env, clock)
    try {
        await world.until(
            (s) =>
                s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'active' &&
                s.get(TABLE.action, world.base.action.sysId)?.[ACTION_FIELDS.state] === 'done' &&
                s.list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grantId && e[AUDIT_FIELDS.mac] !== '')
                    .length > 0,
            30_000,
            'grant active, its action done and the executor audit events written',
        )
    } finally {
        await executor.stop()
    }
    providerCallsAfterGrant = providerWrites({ webhook: world.webhook })
    original = chainRows().map((r) => ({ ...r }))
    // The untampered chain verifies, anchored, and the executor's events carry a MAC.
    const verify = await runCli(['audit', 'verify', grantId], env)
    expect(verify.stderr).toBe('')
    expect(verify.code).toBe(0)
    expect(verify.stdout).toMatch(/intact, anchored at #\d+/)
}, 60_000)

afterAll(async () => {
    await world?.close()
})

describe('red team 7: the audit chain is anchored outside ServiceNow, keyed, and has one head', () => {
    it('7a tail deleted: removing the last events is reported as tampering, not a shorter intact chain', async () => {
        // The executor is already running (its first pass found the chain intact) when the tail goes.
        const executor = await startInProcessExecutor(env, clock)
        await executor.service.worker.tick()
        const rows = chainRows()
        deleteEvents(rows.slice(-2))
        const reason = /tampered: the chain ends at #\d+, the executor's journal anchors #\d+ \(tail deleted\)/
        expect(unanchoredVerdict().ok, 'the unanchored check accepts the cut chain').toBe(true)
        await expectTampered(reason)
        await expectExecutorReports(reason, executor)
        restoreChainAndAnchor()
    })

    it('7b whole chain deleted: no events while the journal anchors a head is tampering', async () => {
        deleteEvents(chainRows())
        expect(unanchoredVerdict().ok, 'the unanchored check accepts an empty chain').toBe(true)
        await expectTampered(/tampered: the whole chain is gone/)
        await expectExecutorReports(/tampered: the whole chain is gone/)
        restoreChainAndAnchor()
    })

    it('7c one event rewritten and every later hash recomputed: the anchored head no longer matches', async () => {
        const rows = chainRows()
        const events = eventsOfRows(rows)
        // Rewrite event #2's payload, then re-link every later event so the chain is internally consistent.
        let prev = events[0]!.hash
        for (let i = 1; i < events.length; i++) {
            const e = events[i]!
            const payload = i === 1 ? { forged: 'approved by the CISO' } : e.payload
            const hash = auditHash(prev, { ...e, payload })
            world.sn.store.update(TABLE.auditEvent, rows[i]!['sys_id']!, {
                ...(i === 1 ? { [AUDIT_FIELDS.payload]: JSON.stringify(payload) } : {}),
                [AUDIT_FIELDS.prevHash]: prev,
                [AUDIT_FIELDS.hash]: hash,
            })
            prev = hash
        }
        expect(unanchoredVerdict().ok, 'the unanchored check accepts the re-hashed chain').toBe(true)
        const reason = /tampered: event #\d+ does not have the hash the executor's journal anchored/
        await expectTampered(reason)
        await expectExecutorReports(reason)
        restoreChainAndAnchor()
    })

    it('7d forged event appended through the Table API with the integration user credentials but no key', async () => {
        // Only the executor role and admin may create audit events (acls-audit-event.now.ts): the attacker holds
        // the integration user's password (not the audit key) and appends a perfectly linked event.
        const head = chainRows().at(-1)!
        const sequence = Number(head[AUDIT_FIELDS.sequence]) + 1
        const occurredAt = new Date(Math.floor(clock.nowMs() / 1000) * 1000)
        const content = {
            grant: grantId,
            action: '',
            sequence,
            eventType: 'grant.revoked',
            actor: 'rt-audit-a',
            occurredAt: occurredAt.toISOString(),
            payload: { note: 'access removed early' },
        }
        const { userName, password } = world.base.executorUser
        const res = await fetch(`${world.sn.url}/api/now/table/${TABLE.auditEvent}`, {
            method: 'POST',
            headers: {
                authorization: `Basic ${Buffer.from(`${userName}:${password}`).toString('base64')}`,
                'content-type': 'application/json',
                accept: 'application/json',
            },
            body: JSON.stringify({
                [AUDIT_FIELDS.grant]: grantId,
                [AUDIT_FIELDS.action]: '',
                [AUDIT_FIELDS.sequence]: String(sequence),
                [AUDIT_FIELDS.eventType]: content.eventType,
                [AUDIT_FIELDS.actor]: content.actor,
                [AUDIT_FIELDS.occurredAt]: formatGlideDateTime(occurredAt),
                [AUDIT_FIELDS.payload]: JSON.stringify(content.payload),
                [AUDIT_FIELDS.prevHash]: head[AUDIT_FIELDS.hash],
                [AUDIT_FIELDS.hash]: auditHash(head[AUDIT_FIELDS.hash]!, content),
            }),
        })
        expect(res.status, 'the platform accepts the insert (the ACL allows the executor role)').toBe(201)
        expect(unanchoredVerdict().ok, 'the unkeyed check accepts the forged event').toBe(true)
        const reason = new RegExp(
            `tampered: event #${sequence} was created by the integration user .* without a valid MAC`,
        )
        await expectTampered(reason)
        await expectExecutorReports(reason)
        restoreChainAndAnchor()
    })

    it('7e app and executor append the same sequence concurrently: one is refused, re-reads the head, both land', async () => {
        const app = startAppOnEmulator(world.sn)
        try {
            const before = chainRows().length
            const config = loadConfig(env)
            const { client, gateway } = connectServiceNow(config, createLogger({ level: 'error' }))
            // The app commits its event between the executor's read of the head and its insert.
            let raced = false
            const list = client.list.bind(client)
            client.list = (async (...args: Parameters<typeof client.list>) => {
                const rows = await list(...args)
                if (args[0] === TABLE.auditEvent && !raced) {
                    raced = true
                    app.as('system', () => appendAudit(grantId, 'notification.queued', 'system', { event: 'race' }))
                }
                return rows
            }) as typeof client.list
            const head = await gateway.appendAudit({
                grantSysId: grantId,
                eventType: 'grant.verified',
                actor: 'rt-audit-a',
                occurredAt: new Date(clock.nowMs()),
                payload: { race: true },
            })
            expect(raced).toBe(true)
            const rows = chainRows()
            expect(rows, 'both events landed').toHaveLength(before + 2)
            expect(rows.map((r) => Number(r[AUDIT_FIELDS.sequence]))).toEqual(rows.map((_, i) => i + 1))
            expect(rows.at(-2)![AUDIT_FIELDS.eventType]).toBe('notification.queued')
            expect(rows.at(-1)![AUDIT_FIELDS.eventType]).toBe('grant.verified')
            expect(head).toEqual({ sequence: before + 2, hash: rows.at(-1)![AUDIT_FIELDS.hash] })
            expect(unanchoredVerdict()).toEqual({ ok: true })
            const verify = await runCli(['audit', 'verify', grantId], env)
            expect(verify.code, verify.stderr).toBe(0)
            expect(providerWrites({ webhook: world.webhook }) - providerCallsAfterGrant).toBe(0)
        } finally {
            app.stop()
            restoreChain()
        }
    })

    it('7f two executor replicas append concurrently: the second insert is refused and re-linked, no fork', async () => {
        const app = startAppOnEmulator(world.sn)
        try {
            const before = chainRows().length
            const logger = createLogger({ level: 'error' })
            const replica = (name: string) => connectServiceNow(loadConfig({ ...env, GBG_INSTANCE_NAME: name }), logger)
            const a = replica('rt-audit-a')
            const b = replica('rt-audit-b')
            let raced = false
            const list = a.client.list.bind(a.client)
            a.client.list = (async (...args: Parameters<typeof a.client.list>) => {
                const rows = await list(...args)
                if (args[0] === TABLE.auditEvent && !raced) {
                    raced = true
                    await b.gateway.appendAudit({
                        grantSysId: grantId,
                        eventType: 'grant.verified',
                        actor: 'rt-audit-b',
                        occurredAt: new Date(clock.nowMs()),
                        payload: { replica: 'b' },
                    })
                }
                return rows
            }) as typeof a.client.list
            await a.gateway.appendAudit({
                grantSysId: grantId,
                eventType: 'grant.verified',
                actor: 'rt-audit-a',
                occurredAt: new Date(clock.nowMs()),
                payload: { replica: 'a' },
            })
            const rows = chainRows()
            expect(rows).toHaveLength(before + 2)
            expect(rows.slice(-2).map((r) => r[AUDIT_FIELDS.actor])).toEqual(['rt-audit-b', 'rt-audit-a'])
            expect(new Set(rows.map((r) => r[AUDIT_FIELDS.sequence])).size, 'no sequence twice').toBe(rows.length)
            expect(unanchoredVerdict()).toEqual({ ok: true })
            const verify = await runCli(['audit', 'verify', grantId], env)
            expect(verify.code, verify.stderr).toBe(0)
            expect(providerWrites({ webhook: world.webhook }) - providerCallsAfterGrant).toBe(0)
        } finally {
            app.stop()
            restoreChain()
        }
    })
})
