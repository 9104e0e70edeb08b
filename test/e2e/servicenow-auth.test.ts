/**
 * A 401 under Basic auth (an expired or dropped session on the instance) never makes a write-back "refused for
 * good" (issue 18): the client repeats the call once on a fresh connection; when ServiceNow refuses again the
 * write-back is kept, retried with backoff, and the refusal is surfaced — an error log line, the
 * `unauthorized` outcome on the ServiceNow call metric, and readiness down until a call succeeds again. The
 * grant still records `active`, `granted_at` and `expires_at` once ServiceNow accepts the user again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'
import { startWorld, type World } from './support/world'
import { journalOutbox } from './support/journal'

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let world: World
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    world = await startWorld({ durationMinutes: 30, keepSeededAction: true, clock })
})
afterAll(async () => {
    await executor?.stop()
    await world?.close()
})

describe('401 under Basic auth', () => {
    it('keeps the write-back through refused credentials and delivers it once they work again', async () => {
        // setup: every grant PATCH answers 401 six times (three attempts of two calls each)
        const { sn, base } = world
        const s = sn.store
        const grantId = base.grant.sysId
        const grantPath = new RegExp(`/${TABLE.grant}/${grantId}`)
        sn.faults.add({ method: 'PATCH', path: grantPath, expireToken: true, times: 6 })

        // execution
        executor = await startInProcessExecutor(world.env('e2e-401'), clock)
        await runUntil(
            clock,
            () =>
                sn.requests.filter((r) => r.method === 'PATCH' && grantPath.test(r.path) && r.status === 401).length >=
                4,
            { within: 30_000, what: 'two write-back attempts refused' },
        )

        // validation: surfaced while refused — log, metric, readiness — and nothing dropped
        expect(executor.lines.some((l) => l.level === 'error' && /401/.test(String(l.message)))).toBe(true)
        const ready = await executor.service.health.ready()
        expect(ready.checks['servicenow']).toMatchObject({ ok: false })
        expect(ready.checks['servicenow']!.error).toMatch(/401/)
        const metrics = await executor.service.metrics.render()
        expect(metrics).toMatch(new RegExp(`outcome="unauthorized"`))
        const outbox = journalOutbox(world.journalPath('e2e-401'))
        expect(outbox.filter((o) => o.status === 'dead')).toEqual([])

        // validation: once ServiceNow accepts the user again, the grant records what happened
        await runUntil(clock, () => s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'active', {
            within: 60_000,
            what: 'grant active after the refusals',
        })
        const g = s.get(TABLE.grant, grantId)!
        expect(g[GRANT_FIELDS.grantedAt]).not.toBe('')
        expect(g[GRANT_FIELDS.expiresAt]).not.toBe('')
        await runUntil(clock, async () => (await executor!.service.health.ready()).checks['servicenow']!.ok, {
            within: 30_000,
            what: 'ready again',
        })
        // each refused attempt was repeated once on a fresh connection before it counted as refused
        const refused = sn.requests.filter((r) => r.method === 'PATCH' && grantPath.test(r.path) && r.status === 401)
        expect(refused.length).toBe(6)
    })
})
