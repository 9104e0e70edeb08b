/**
 * The write-backs of an action go to ServiceNow in one Batch API call (issue 18). When that call or one of its
 * sub-requests fails, nothing may be lost and nothing written twice: a failed sub-request is retried by itself, the
 * direct way, and what a lost answer applied is found again by its idempotency key (ticket updates), its hash (audit
 * events) or its open action (the scheduled revoke). One grant per case, the real executor in process, virtual time;
 * the same cases under the emulator's reverse sub-request order (README "Batch API": clients must not depend on it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, AUDIT_FIELDS, GRANT_FIELDS, TABLE, TICKET_UPDATE_FIELDS, canonicalJson } from '@gbg/shared'
import type { FaultRule, SeenRequest } from '../emulators/servicenow/types'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'
import { addGrant } from '../e2e/support/grants'
import { startWorld, type World } from '../e2e/support/world'

const BATCH = /\/api\/now\/v1\/batch/
/** Each case: the fault(s) met by the grant's write-back batch. */
const CASES: { name: string; faults: FaultRule[]; met: (seen: SeenRequest[]) => boolean; reverse?: boolean }[] = [
    {
        name: 'a sub-request answers 5xx (the work note)',
        faults: [
            {
                method: 'POST',
                path: new RegExp(`/${TABLE.ticketUpdate}(\\?|$)`),
                status: 500,
                times: 1,
                scope: 'batch',
            },
        ],
        met: (seen) => seen.some((r) => r.batch !== undefined && r.status === 500),
        reverse: true,
    },
    {
        name: 'the batch call as a whole answers 429',
        faults: [{ path: BATCH, status: 429, retryAfterSeconds: 2, times: 2 }],
        met: (seen) => seen.some((r) => r.path.endsWith('/batch') && r.status === 429),
    },
    {
        name: 'the batch reports unserviced requests',
        faults: [{ path: BATCH, unservicedAfter: 3, times: 2 }],
        met: (seen) => seen.some((r) => r.path.endsWith('/batch')),
    },
    {
        name: 'the connection drops mid-batch after an audit event was stored',
        faults: [
            {
                method: 'POST',
                path: new RegExp(`/${TABLE.auditEvent}(\\?|$)`),
                dropAfterWrite: true,
                times: 1,
                scope: 'batch',
            },
        ],
        met: (seen) => seen.some((r) => r.batch !== undefined && r.path.endsWith(TABLE.auditEvent)),
        reverse: true,
    },
    {
        name: 'the whole batch is applied and its answer lost',
        faults: [{ path: BATCH, dropAfterWrite: true, times: 2 }],
        met: (seen) => seen.some((r) => r.path.endsWith('/batch')),
    },
]

/** A write-back that went the direct way: only a failed batch write is retried so (a clean run batches them all). */
const directWriteBack = (r: SeenRequest) =>
    r.batch === undefined &&
    ((r.method === 'POST' && (r.path.endsWith(TABLE.ticketUpdate) || r.path.endsWith(TABLE.auditEvent))) ||
        (r.method === 'POST' && r.path.endsWith(TABLE.action)) ||
        (r.method === 'PATCH' && r.path.includes(`/${TABLE.grant}/`) && r.status === 200))

for (const order of ['sequential', 'reverse'] as const) {
    describe(`Batch API failures lose and repeat nothing (sub-requests run ${order})`, () => {
        const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
        let world: World
        let executor: InProcessExecutor | undefined

        beforeAll(async () => {
            world = await startWorld({ durationMinutes: 60, clock, servicenow: { batchOrder: order } })
            executor = await startInProcessExecutor(
                // A claim whose batch answer is lost is taken back when its lease lapses (as for a direct claim).
                world.env(`perf-batch-${order}`, { GBG_POLL_INTERVAL_SECONDS: '1', GBG_LEASE_SECONDS: '10' }),
                clock,
            )
        })
        afterAll(async () => {
            await executor?.stop()
            await world?.close()
        })

        for (const c of CASES.filter((x) => order === 'sequential' || x.reverse)) {
            it(
                c.name,
                async () => {
                    // setup
                    const { sn, base, webhook } = world
                    const journal = executor!.service.journal
                    const g = addGrant(sn, base, { durationMinutes: 60 })
                    const before = sn.requests.length
                    for (const f of c.faults) sn.faults.add(f)

                    // execution: approved → active, every write-back delivered
                    const settled = () =>
                        journal.pendingOutbox() === 0 &&
                        sn.store.get(TABLE.action, g.actionSysId)?.[ACTION_FIELDS.state] === 'done'
                    await runUntil(
                        clock,
                        () => sn.store.get(TABLE.grant, g.grantSysId)?.[GRANT_FIELDS.state] === 'active' && settled(),
                        { within: 120_000, what: `grant active and written back (${c.name})` },
                    )
                    sn.faults.clear()

                    // validation: the fault was met, and what it failed was retried the direct way
                    const seen = sn.requests.slice(before)
                    expect(c.met(seen)).toBe(true)
                    expect(seen.some(directWriteBack)).toBe(true)
                    // validation: nothing lost, nothing dead
                    expect(journal.outbox({ status: 'dead' })).toEqual([])
                    const grant = sn.store.get(TABLE.grant, g.grantSysId)!
                    expect(grant[GRANT_FIELDS.grantedAt]).not.toBe('')
                    expect(grant[GRANT_FIELDS.expiresAt]).not.toBe('')
                    // validation: nothing twice — one grant at the provider, one revoke scheduled, one note, two receipts,
                    // each audit event once and the chain linked
                    expect([...webhook.grants.values()].filter((w) => w.idempotencyKey === g.actionSysId)).toHaveLength(
                        1,
                    )
                    const revokes = sn.store.list(
                        TABLE.action,
                        (a) => a[ACTION_FIELDS.grant] === g.grantSysId && a[ACTION_FIELDS.type] === 'revoke',
                    )
                    expect(revokes).toHaveLength(1)
                    const updates = sn.store.list(
                        TABLE.ticketUpdate,
                        (u) => u[TICKET_UPDATE_FIELDS.grant] === g.grantSysId,
                    )
                    const kinds = updates.map((u) => u[TICKET_UPDATE_FIELDS.kind]).sort()
                    expect(kinds).toEqual(['receipt', 'receipt', 'ritm_note'])
                    const events = sn.store
                        .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === g.grantSysId)
                        .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
                    const mine = events.filter((e) => e[AUDIT_FIELDS.actor] === `perf-batch-${order}`)
                    expect(mine.map((e) => e[AUDIT_FIELDS.eventType]).sort()).toEqual([
                        'grant_active',
                        'provider_call',
                        'recheck_passed',
                    ])
                    const contents = events.map((e) =>
                        canonicalJson([e[AUDIT_FIELDS.eventType], e[AUDIT_FIELDS.actor], e[AUDIT_FIELDS.payload]]),
                    )
                    expect(new Set(contents).size).toBe(contents.length)
                    for (const [i, e] of events.entries()) {
                        expect(Number(e[AUDIT_FIELDS.sequence])).toBe(i + 1)
                        if (i > 0) expect(e[AUDIT_FIELDS.prevHash]).toBe(events[i - 1]![AUDIT_FIELDS.hash])
                    }
                },
                60_000,
            )
        }
    })
}
