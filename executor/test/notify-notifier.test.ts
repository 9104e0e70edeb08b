/**
 * Durable Teams cards (notify/notifier.ts) on a real journal and a virtual clock: cards are queued in the journal's
 * outbox and sent once; a failed send is retried with backoff; a refused one is kept dead; the expiry warnings come
 * from ServiceNow's active grants (every replica's), are claimed once fleet-wide, survive a restart (a new
 * Notifications on the same journal file) and are sent once across two executors; every grant long enough gets its
 * warning, and a missed 5-minute warning is not sent late.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { canonicalJson, planDigest, type ExecutionPlan } from '@gbg/shared'
import { ExecutorEventBus } from '../src/events'
import { Journal } from '../src/journal/journal'
import { nullLogger } from '../src/log'
import {
    Notifications,
    TEAMS_GIVE_UP_MS,
    TEAMS_OUTBOX_KIND,
    WARNING_SCAN_MS,
    failedOperation,
} from '../src/notify/notifier'
import type { GrantRecord, ServiceNowGateway } from '../src/ports'
import { NotifyError, type TeamsEvent } from '../src/notify/teams'
import { VirtualClock } from '../../test/support/virtual-clock'

const T0 = Date.UTC(2026, 11, 2, 10, 0, 0)
let dir: string
let clock: VirtualClock
let journal: Journal
let sn: SnGrants

/** ServiceNow's active grants and its ticket-update claims (unique key), as the two gateway reads answer them. */
class SnGrants implements Pick<ServiceNowGateway, 'listExpiringGrants' | 'claimOnce'> {
    readonly grants = new Map<string, GrantRecord>()
    readonly claims = new Map<string, string>()
    reads = 0
    add(p: ExecutionPlan, expiresAt: Date): void {
        const text = canonicalJson(p)
        this.grants.set(p.grantSysId, {
            sysId: p.grantSysId,
            number: p.grantNumber,
            state: 'active',
            plan: text,
            planDigest: planDigest(p),
            expiresAt,
        } as GrantRecord)
    }
    async listExpiringGrants(now: Date, withinMs: number): Promise<GrantRecord[]> {
        this.reads++
        return [...this.grants.values()].filter(
            (g) => g.state === 'active' && g.expiresAt! > now && g.expiresAt!.getTime() <= now.getTime() + withinMs,
        )
    }
    async claimOnce(_grant: string, key: string, note: string): Promise<boolean> {
        const held = this.claims.get(key)
        if (held !== undefined) return held === note
        this.claims.set(key, note)
        return true
    }
}

function plan(grantSysId: string, durationMinutes: number): ExecutionPlan {
    return {
        version: 1,
        grantSysId,
        grantNumber: `BGA${grantSysId.slice(0, 7)}`,
        provider: 'webhook',
        operation: 'grant',
        principal: { userSysId: 'f'.repeat(32), userName: 'alice', email: 'alice@example.com' },
        target: {
            kind: 'device_local_admin',
            ciSysId: 'c'.repeat(32),
            deviceName: 'PC-0042',
            deviceClass: 'workstation',
        },
        durationMinutes,
        justification: 'driver',
        tickets: {},
        emergency: false,
        highRisk: false,
    }
}

/** A grant this executor granted at now, for `minutes`: journaled plan, revoke timer at the expiry. */
function granted(grantSysId: string, minutes: number): Date {
    const actionId = `a${grantSysId.slice(1)}`
    journal.begin({ actionId, grantId: grantSysId, type: 'grant', attempts: 1 })
    journal.transition(actionId, 'claimed', 'calling', {
        plan: canonicalJson(plan(grantSysId, minutes)),
        provider: 'webhook',
    })
    const expiresAt = new Date(clock.nowMs() + minutes * 60_000)
    journal.transition(actionId, 'calling', 'provider_done', { expiresAt })
    journal.armTimer(grantSysId, expiresAt)
    sn.add(plan(grantSysId, minutes), expiresAt)
    return expiresAt
}

class Sender {
    sent: TeamsEvent[] = []
    failures: NotifyError[] = []
    async send(event: TeamsEvent): Promise<void> {
        const failure = this.failures.shift()
        if (failure) throw failure
        this.sent.push(event)
    }
    titles(): string[] {
        return this.sent.map((e) =>
            e.kind === 'warning'
                ? `${e.grant.grantSysId.slice(0, 2)} warning ${e.minutesLeft}`
                : `${e.grant.grantSysId.slice(0, 2)} ${e.kind}`,
        )
    }
}

function start(sender: Sender, instance = 'exec-a', j: Journal = journal) {
    const events = new ExecutorEventBus()
    const notifications = new Notifications({
        journal: j,
        grants: sn,
        instance,
        events,
        clock,
        logger: nullLogger,
        teams: sender,
        backoff: { baseMs: 2_000, maxMs: 60_000, jitter: 0 },
        random: () => 0,
        displayName: () => 'Alice Example',
    })
    const stop = notifications.start()
    /** One worker round: what the worker emits after each poll. */
    const round = async () => {
        events.emit('worker:polled', { at: clock.now(), ready: 0, claimed: 0, ok: true })
        await notifications.idle()
        await notifications.deliver()
    }
    return { events, notifications, stop, round }
}

/** Worker rounds every `stepMs` of virtual time until `until` (ms since T0). */
async function rounds(round: () => Promise<void>, untilMs: number, stepMs = 5_000) {
    while (clock.nowMs() < T0 + untilMs) {
        await clock.advance(Math.min(stepMs, T0 + untilMs - clock.nowMs()))
        await round()
    }
}

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gbg-notify-'))
    clock = new VirtualClock(T0)
    journal = Journal.open(join(dir, 'journal.db'), { clock })
    sn = new SnGrants()
})
afterEach(() => {
    journal.close()
    rmSync(dir, { recursive: true, force: true })
})

describe('Teams cards through the outbox', () => {
    it('sends the granted card once, with the display name, and keeps it in the outbox', async () => {
        // setup
        const sender = new Sender()
        const { events, round } = start(sender)
        const g = '1'.repeat(32)
        const expiresAt = granted(g, 60)

        // execution: the event twice (a resumed action re-announces), then a round
        events.emit('grant:active', {
            actionSysId: 'a',
            grantSysId: g,
            type: 'grant',
            provider: 'webhook',
            txnIds: [],
            expiresAt,
            alreadyDone: false,
        })
        events.emit('grant:active', {
            actionSysId: 'a',
            grantSysId: g,
            type: 'grant',
            provider: 'webhook',
            txnIds: [],
            expiresAt,
            alreadyDone: true,
        })
        await round()

        // validation
        expect(sender.titles()).toEqual(['11 granted'])
        expect(sender.sent[0]!.grant.requesterName).toBe('Alice Example')
        const items = journal.outbox({}).filter((o) => o.kind === TEAMS_OUTBOX_KIND)
        expect(items.map((o) => [o.actionId, o.status])).toEqual([[`teams:${g}:granted`, 'delivered']])
    })

    it('retries a failed send with backoff, and keeps a refused card dead', async () => {
        // setup: Teams answers 503 twice, then accepts; a second grant's card is refused for good
        const sender = new Sender()
        const { events, round } = start(sender)
        const g1 = '1'.repeat(32)
        const g2 = '2'.repeat(32)
        const e1 = granted(g1, 60)
        const e2 = granted(g2, 60)
        sender.failures.push(
            new NotifyError('retryable', 'HTTP 503', 503),
            new NotifyError('retryable', 'HTTP 503', 503),
        )

        // execution
        events.emit('grant:active', {
            actionSysId: 'a',
            grantSysId: g1,
            type: 'grant',
            provider: 'webhook',
            txnIds: [],
            expiresAt: e1,
            alreadyDone: false,
        })
        await round()
        const afterFirst = sender.sent.length
        await rounds(round, 1_000, 1_000) // before the 2 s backoff: not retried yet
        const beforeBackoff = sender.sent.length
        await rounds(round, 10_000, 1_000)
        sender.failures.push(new NotifyError('fatal', 'HTTP 400', 400))
        events.emit('grant:active', {
            actionSysId: 'b',
            grantSysId: g2,
            type: 'grant',
            provider: 'webhook',
            txnIds: [],
            expiresAt: e2,
            alreadyDone: false,
        })
        await rounds(round, 60_000, 5_000)

        // validation
        expect(afterFirst).toBe(0)
        expect(beforeBackoff).toBe(0)
        expect(sender.titles()).toEqual(['11 granted'])
        const items = journal.outbox({}).filter((o) => o.kind === TEAMS_OUTBOX_KIND)
        expect(items.map((o) => [o.grantId, o.status, o.attempts])).toEqual([
            [g1, 'delivered', 2],
            [g2, 'dead', 1],
        ])
    })

    it('abandons a card Teams never took within the give-up time', async () => {
        const sender = new Sender()
        const { events, round } = start(sender)
        const g = '1'.repeat(32)
        const expiresAt = granted(g, 240)
        for (let i = 0; i < 100; i++) sender.failures.push(new NotifyError('retryable', 'HTTP 503', 503))
        events.emit('grant:active', {
            actionSysId: 'a',
            grantSysId: g,
            type: 'grant',
            provider: 'webhook',
            txnIds: [],
            expiresAt,
            alreadyDone: false,
        })
        await rounds(round, TEAMS_GIVE_UP_MS + 120_000, 10_000)
        const [item] = journal.outbox({}).filter((o) => o.kind === TEAMS_OUTBOX_KIND)
        expect(item!.status).toBe('dead')
        expect(item!.lastError).toMatch(/not delivered within 10 minutes/)
        expect(sender.sent).toHaveLength(0)
    })

    it('sends the failure card when the incident is raised, naming it; not for drift', async () => {
        const sender = new Sender()
        const { events, round } = start(sender)
        const g = '1'.repeat(32)
        granted(g, 60)
        events.emit('incident:raised', {
            grantSysId: g,
            kind: 'revoke_failed',
            priority: 1,
            sysId: 'x'.repeat(32),
            number: 'INC0010042',
        })
        events.emit('incident:raised', {
            grantSysId: g,
            kind: 'drift',
            priority: 2,
            sysId: 'y'.repeat(32),
            number: 'INC0010043',
        })
        await round()
        expect(sender.sent).toHaveLength(1)
        const card = sender.sent[0]!
        expect(card.kind === 'failure' && [card.operation, card.incidentNumber]).toEqual(['revoke', 'INC0010042'])
        expect(failedOperation('recheck_refused')).toBe('grant')
        expect(failedOperation('grant_dead')).toBe('grant')
        expect(failedOperation('drift')).toBeUndefined()
    })
})

describe('expiry warnings from ServiceNow, claimed once for the fleet', () => {
    it('warns at 5 and 1 minutes, once each, across a restart between the two', async () => {
        // setup: a 10-minute grant
        const g = '1'.repeat(32)
        const expiresAt = granted(g, 10)
        const first = new Sender()
        const a = start(first)

        // execution: run to 3 minutes before expiry (the 5-minute warning is sent), then "restart": a new
        // Notifications (and a reopened journal) with nothing in memory; run to the expiry
        await rounds(a.round, 7 * 60_000)
        a.stop()
        journal.close()
        journal = Journal.open(join(dir, 'journal.db'), { clock })
        const second = new Sender()
        const b = start(second)
        await rounds(b.round, 10 * 60_000)

        // validation: 5-minute warning at T-5 min by the first, 1-minute warning at T-1 min by the second, once
        // each, at most one scan interval late; one ServiceNow read per scan interval at most
        expect(first.titles()).toEqual(['11 warning 5'])
        expect(second.titles()).toEqual(['11 warning 1'])
        const warnings = journal.outbox({}).filter((o) => o.actionId.startsWith(`teams:${g}:warning`))
        expect(warnings.map((o) => [o.actionId, o.status])).toEqual([
            [`teams:${g}:warning:5:${expiresAt.getTime() / 1000}`, 'delivered'],
            [`teams:${g}:warning:1:${expiresAt.getTime() / 1000}`, 'delivered'],
        ])
        const lateness = warnings.map((o, i) => o.createdAt.getTime() - T0 - [5, 9][i]! * 60_000)
        for (const ms of lateness) expect(ms).toBeGreaterThanOrEqual(0)
        for (const ms of lateness) expect(ms).toBeLessThanOrEqual(WARNING_SCAN_MS)
        expect(sn.reads).toBeLessThanOrEqual(Math.ceil((10 * 60_000) / WARNING_SCAN_MS) + 1)
        const card = first.sent[0]!
        expect(card.kind === 'warning' && card.expiresAt.getTime()).toBe(expiresAt.getTime())
        const at = expiresAt.getTime() / 1000
        expect([...sn.claims.keys()]).toEqual([`expiry-warning:${g}:5:${at}`, `expiry-warning:${g}:1:${at}`])
    })

    it('an extended grant (issue 17) is warned again before its new end, once per end', async () => {
        // setup: a 10-minute grant, warned at 5 minutes left
        const g = '3'.repeat(32)
        granted(g, 10)
        const sender = new Sender()
        const a = start(sender)
        await rounds(a.round, 7 * 60_000)
        expect(sender.titles()).toEqual(['33 warning 5'])
        // execution: an approved extension moves its end 10 minutes later (what ServiceNow's grant now says)
        sn.add(plan(g, 10), new Date(T0 + 20 * 60_000))
        await rounds(a.round, 21 * 60_000)
        a.stop()
        // validation: 5 and 1 minute before the NEW end; the old end's 1-minute warning never went out
        expect(sender.titles()).toEqual(['33 warning 5', '33 warning 5', '33 warning 1'])
        const ends = sender.sent.map((c) => (c.kind === 'warning' ? c.expiresAt.getTime() - T0 : 0) / 60_000)
        expect(ends).toEqual([10, 20, 20])
    })

    it('two executors: each warning is sent once, by whichever claims it; a grant neither granted is warned too', async () => {
        // setup: executor B has its own journal and granted nothing; the grant is in ServiceNow only
        const g = '3'.repeat(32)
        sn.add(plan(g, 10), new Date(T0 + 10 * 60_000))
        const other = Journal.open(join(dir, 'other.db'), { clock })
        const senderA = new Sender()
        const senderB = new Sender()
        const a = start(senderA, 'exec-a')
        const b = start(senderB, 'exec-b', other)
        // execution: both run their rounds at the same instants
        await rounds(async () => {
            await Promise.all([a.round(), b.round()])
        }, 10 * 60_000)
        other.close()
        // validation: two warnings in all, each once
        expect([...senderA.titles(), ...senderB.titles()].sort()).toEqual(['33 warning 1', '33 warning 5'])
        expect([...sn.claims.values()].every((n) => /by executor exec-[ab]\.$/.test(n))).toBe(true)
    })

    it('warns every grant long enough: a 5-minute grant the 1-minute warning, a 1-minute grant none', async () => {
        const sender = new Sender()
        const { round } = start(sender)
        granted('5'.repeat(32), 5)
        granted('1'.repeat(32), 1)
        granted('2'.repeat(32), 2)
        await rounds(round, 5 * 60_000)
        expect(sender.titles().sort()).toEqual(['22 warning 1', '55 warning 1'])
    })

    it('does not send a 5-minute warning late when the executor was down through it', async () => {
        // setup: a 10-minute grant; the executor is down from T+4 to T+9.5 min
        const g = '1'.repeat(32)
        granted(g, 10)
        const sender = new Sender()
        const { round } = start(sender)
        await rounds(round, 4 * 60_000)
        await clock.advance(5.5 * 60_000)
        await rounds(round, 10 * 60_000)
        expect(sender.titles()).toEqual(['11 warning 1'])
    })
})
