/**
 * Queue records the executor must not trust: a plan that is not JSON, an unknown action type, an action whose
 * grant does not exist (or names none), a plan changed after approval (digest mismatch), a plan copied from another
 * grant. Each is rejected with the reason on the action (and on the grant, where there is one) and the provider is
 * never called; the queue keeps working for the good records behind them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, TABLE, canonicalJson } from '@gbg/shared'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { addGrant, newSysId, queueAction } from './support/grants'
import { startWorld, type World } from './support/world'

let world: World
const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    world = await startWorld({ clock })
})
afterAll(async () => {
    await executor?.stop()
    await world?.close()
})

describe('bad queue records', () => {
    it('rejects each with its reason and never calls the provider', async () => {
        // setup: five untrustworthy records, as a broken integration or a tampering admin would leave them
        const { sn, webhook, base } = world
        const badJson = addGrant(sn, base, { durationMinutes: 30 })
        sn.store.update(TABLE.grant, badJson.grantSysId, { [GRANT_FIELDS.plan]: '{"version":1,"grantSysId":' })
        const tampered = addGrant(sn, base, { durationMinutes: 30 })
        sn.store.update(TABLE.grant, tampered.grantSysId, {
            [GRANT_FIELDS.plan]: canonicalJson({ ...tampered.plan, durationMinutes: 240 }),
        })
        const foreign = addGrant(sn, base, { durationMinutes: 30 })
        const other = addGrant(sn, base, { durationMinutes: 30, queueAction: false })
        sn.store.update(TABLE.grant, foreign.grantSysId, {
            [GRANT_FIELDS.plan]: canonicalJson(other.plan),
            [GRANT_FIELDS.planDigest]: other.digest,
        })
        const unknownType = addGrant(sn, base, { durationMinutes: 30, queueAction: false })
        const unknownTypeAction = queueAction(sn, unknownType.grantSysId, 'elevate', base.manager.sysId)
        const missingGrantAction = queueAction(sn, newSysId(), 'grant', base.manager.sysId)
        const noGrantAction = queueAction(sn, '', 'grant', base.manager.sysId)
        const actionOf = (id: string) => sn.store.get(TABLE.action, id)!
        const grantOf = (id: string) => sn.store.get(TABLE.grant, id)!
        const bad = [
            badJson.actionSysId,
            tampered.actionSysId,
            foreign.actionSysId,
            unknownTypeAction,
            missingGrantAction,
            noGrantAction,
        ]
        const finished = (id: string) => ['dead', 'failed'].includes(actionOf(id)[ACTION_FIELDS.state]!)

        // execution
        executor = await startInProcessExecutor(world.env('e2e-bad'), clock)
        await world.until(() => bad.every(finished), 20_000)

        // validation: dead (the record cannot be trusted), with the reason on the action and the grant
        const expectRejected = (actionId: string, grantId: string | null, reason: RegExp) => {
            const action = actionOf(actionId)
            expect(action[ACTION_FIELDS.state], action[ACTION_FIELDS.lastError]).toBe('dead')
            expect(action[ACTION_FIELDS.lastError]).toMatch(reason)
            if (grantId) {
                expect(grantOf(grantId)[GRANT_FIELDS.lastError]).toMatch(reason)
                expect(grantOf(grantId)[GRANT_FIELDS.state]).not.toBe('active')
            }
        }
        await world.until(() => grantOf(badJson.grantSysId)[GRANT_FIELDS.lastError] !== '', 5_000)
        expectRejected(badJson.actionSysId, badJson.grantSysId, /PLAN_INVALID.*not valid JSON/)
        expectRejected(
            tampered.actionSysId,
            tampered.grantSysId,
            // both digests stay readable on the record (the computed one is not mistaken for a credential)
            new RegExp(`PLAN_DIGEST_MISMATCH.*computed SHA-256 [0-9a-f]{64} != approved ${tampered.digest}`),
        )
        expectRejected(foreign.actionSysId, foreign.grantSysId, /PLAN_GRANT_MISMATCH/)
        expectRejected(unknownTypeAction, unknownType.grantSysId, /unknown action type "elevate"/)
        expectRejected(missingGrantAction, null, /GRANT_MISSING/)
        expectRejected(noGrantAction, null, /no valid grant/)
        for (const g of [badJson, tampered, foreign]) {
            expect(grantOf(g.grantSysId)[GRANT_FIELDS.state]).toBe('grant_failed')
            // the requester's ticket says why
            expect(
                sn.store
                    .journal('sc_req_item', g.ritmSysId)
                    .map((n) => n.value)
                    .join('\n'),
            ).toMatch(/No access was granted/)
        }
        // validation: SecOps got an incident per refused grant
        const incidents = sn.store.list('incident', (i) =>
            /refused by the recheck gate/.test(i['short_description'] ?? ''),
        )
        expect(incidents.length).toBeGreaterThanOrEqual(4)
        // validation: the provider was never called
        const providerCalls = ['GET', 'POST', 'DELETE'].reduce((n, m) => n + webhook.callCount(m, '/grants'), 0)
        expect(providerCalls).toBe(0)
        expect(webhook.grants.size).toBe(0)

        // execution: a good grant behind them is still served (the bad records did not poison the queue)
        const good = addGrant(sn, base, { durationMinutes: 30 })
        await world.until(() => grantOf(good.grantSysId)[GRANT_FIELDS.state] === 'active', 15_000)

        // validation
        expect([...webhook.grants.values()].map((w) => w.idempotencyKey)).toEqual([good.actionSysId])
    })
})
