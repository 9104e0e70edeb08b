/**
 * Red team, issue 10 attack 8 and the state machine: one poisoned queue row must not stop the queue, and the
 * executor's integration user can make only the transitions it owns.
 *
 * - Poisoned rows are written the way a broken import, a background script or a tampering admin leaves them:
 *   straight into the store (no business rule runs, as with `setWorkflow(false)`). The Table API stores `""` in an
 *   integer column as an empty value and answers it as `""` (every value is a string, an empty field reads as
 *   `null` from `getValue` / `""` over REST: /work/shared/contracts/servicenow-rest.md, "Response shape" and
 *   "Glide values inside the instance"; the emulator: test/emulators/servicenow/store.ts `normalizeValue`).
 * - The executor's own attacks go through the Table API over HTTP, with the executor integration user's
 *   credentials and roles, against the ACLs of the built app and the app's business rules (app-on-emulator).
 *
 * Every good request is made through the app (catalog order, the manager's vote), so the real recheck gate runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { revokeNowFromGrant } from '../../now-app/src/server/revoke-now'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { newSysId } from '../e2e/support/grants'
import type { World } from '../e2e/support/world'
import { formatGlideDateTime } from '../emulators/servicenow/store'
import {
    auditEvents,
    providerWrites,
    ritmText,
    startRedTeamWorld,
    type OrderedGrant,
    type RedTeamWorld,
} from './support'

let rt: RedTeamWorld
let world: World
const clock = new VirtualClock(Date.UTC(2026, 2, 2, 9, 0, 0))
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    rt = await startRedTeamWorld({ clock, durationMinutes: 60, devicePrefix: 'WS-RT8' })
    world = rt.world
})
afterAll(async () => {
    await executor?.stop()
    await rt?.close()
})

// ---- helpers: the app as people use it, and the executor user's Table API -----------------------------------

/** Alice orders 30 minutes of local admin on a new workstation and her manager approves: a queued grant. */
const approvedGrant = (): OrderedGrant => rt.approvedGrant()

/** A queue row as a broken import / background script leaves it: stored as given, no business rule. */
function poisonedRow(grantSysId: string, fields: Record<string, string>): string {
    const sysId = newSysId()
    world.sn.store.insert(TABLE.action, {
        sys_id: sysId,
        [ACTION_FIELDS.grant]: grantSysId,
        [ACTION_FIELDS.type]: 'grant',
        [ACTION_FIELDS.state]: 'ready',
        [ACTION_FIELDS.priority]: '3',
        [ACTION_FIELDS.notBefore]: formatGlideDateTime(new Date(clock.nowMs() - 60_000)),
        [ACTION_FIELDS.attempts]: '0',
        [ACTION_FIELDS.maxAttempts]: '10',
        [ACTION_FIELDS.idempotencyKey]: `poison:${sysId}`,
        [ACTION_FIELDS.reason]: 'imported',
    })
    // Rewritten after the insert, as the bad value would arrive: the store keeps "" in an integer column.
    world.sn.store.update(TABLE.action, sysId, fields)
    return sysId
}

/** A Table API call as the executor's integration user (its roles, the built app's ACLs, the app's rules). */
async function asExecutor(
    method: 'POST' | 'PATCH',
    table: string,
    sysId: string,
    body: Record<string, string>,
): Promise<{ status: number; detail: string }> {
    const { base, sn } = world
    const auth = Buffer.from(`${base.executorUser.userName}:${base.executorUser.password}`).toString('base64')
    const res = await fetch(`${sn.url}/api/now/table/${table}${sysId ? `/${sysId}` : ''}`, {
        method,
        headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
    })
    const json = (await res.json()) as { error?: { detail?: string } }
    return { status: res.status, detail: json.error?.detail ?? '' }
}

const grantOf = (id: string) => world.sn.store.get(TABLE.grant, id)!
const actionOf = (id: string) => world.sn.store.get(TABLE.action, id)!
const grantCalls = () => world.webhook.callCount('POST', '/grants')

/** The refusal is in the grant's audit chain and on its RITM, where a person sees it. */
function expectRefusalRecorded(grantSysId: string, ritmSysId: string, reason: RegExp, eventType: string): void {
    const events = auditEvents(world.sn.store, grantSysId).filter((e) => e.eventType === eventType)
    expect(
        events.some((e) => reason.test(JSON.stringify(e.payload))),
        `${eventType} records ${String(reason)}`,
    ).toBe(true)
    expect(ritmText(world.sn.store, ritmSysId), 'reason on the RITM').toMatch(reason)
}

async function ensureExecutor(): Promise<void> {
    executor ??= await startInProcessExecutor(world.env('rt-queue'), clock)
}

// ---- attack 8: one poisoned row stops everything -------------------------------------------------------------

describe('red team 8: a poisoned queue row', () => {
    it('priority "" does not stop a good grant nor a Revoke now behind it; the row dies with its reason', async () => {
        // setup: a poisoned row at the head of the queue (it names the scenario's own, ended grant), a good grant
        const { base } = world
        const victim = { grantSysId: base.grant.sysId, ritmSysId: base.ritm.sysId }
        const poison = poisonedRow(victim.grantSysId, { [ACTION_FIELDS.priority]: '' })
        const good = approvedGrant()
        const before = grantCalls()

        // execution: the executor polls
        await ensureExecutor()
        await world.until((s) => s.get(TABLE.grant, good.grantSysId)?.[GRANT_FIELDS.state] === 'active', 30_000)
        await world.until((s) => s.get(TABLE.action, poison)?.[ACTION_FIELDS.state] === 'dead', 30_000)

        // validation: the poisoned row is dead with its reason, on the action, its grant, the RITM and the chain
        expect(actionOf(poison)[ACTION_FIELDS.lastError]).toMatch(/priority "" is not a whole number/)
        expect(grantOf(victim.grantSysId)[GRANT_FIELDS.lastError]).toMatch(/malformed.*priority/)
        expectRefusalRecorded(victim.grantSysId, victim.ritmSysId, /priority/, 'action_rejected')
        // the provider was called for the good grant only, never for the poisoned row
        expect([...world.webhook.grants.values()].map((g) => g.idempotencyKey)).not.toContain(poison)
        expect(grantCalls() - before).toBe(1)

        // execution: another poisoned row, then "Revoke now" on the good grant
        const poison2 = poisonedRow(victim.grantSysId, { [ACTION_FIELDS.priority]: '' })
        rt.app.as(base.requester.userName, () => {
            const form = new GlideRecord(TABLE.grant)
            form.get(good.grantSysId)
            revokeNowFromGrant(form)
        })
        await world.until((s) => s.get(TABLE.grant, good.grantSysId)?.[GRANT_FIELDS.state] === 'revoked', 30_000)

        // validation: the revoke was served, and the second poisoned row is dead too, with no grant call
        await world.until((s) => s.get(TABLE.action, poison2)?.[ACTION_FIELDS.state] === 'dead', 30_000)
        expect(world.webhook.callCount('DELETE', '/grants')).toBeGreaterThanOrEqual(1)
        expect(grantCalls() - before).toBe(1)
    })

    it('an empty max_attempts does not stop the queue; the row dies with its reason and no provider call', async () => {
        // setup
        const victim = approvedGrant()
        const legit = world.sn.store.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === victim.grantSysId)[0]!
        // the app's own grant action is the one poisoned: nobody may guess its retry budget
        world.sn.store.update(TABLE.action, legit['sys_id']!, { [ACTION_FIELDS.maxAttempts]: '' })
        const good = approvedGrant()
        const before = providerWrites({ webhook: world.webhook })

        // execution
        await ensureExecutor()
        await world.until((s) => s.get(TABLE.grant, good.grantSysId)?.[GRANT_FIELDS.state] === 'active', 30_000)
        await world.until((s) => s.get(TABLE.action, legit['sys_id']!)?.[ACTION_FIELDS.state] === 'dead', 30_000)

        // validation: one provider call (the good grant), the victim is not active, the reason is everywhere
        const number = grantOf(victim.grantSysId)[GRANT_FIELDS.number]
        expect([...world.webhook.grants.values()].filter((g) => g.grantNumber === number)).toEqual([])
        expect(providerWrites({ webhook: world.webhook }) - before).toBe(1)
        expect(grantOf(victim.grantSysId)[GRANT_FIELDS.state]).not.toBe('active')
        expect(actionOf(legit['sys_id']!)[ACTION_FIELDS.lastError]).toMatch(/max_attempts/)
        expect(grantOf(victim.grantSysId)[GRANT_FIELDS.lastError]).toMatch(/max_attempts/)
        expectRefusalRecorded(victim.grantSysId, victim.ritmSysId, /max_attempts/, 'action_rejected')
    })

    it('a row with an unknown state neither blocks the queue nor can be written by the executor user', async () => {
        // setup: the grant's own action put into a state the queue does not know, a good grant behind it
        const victim = approvedGrant()
        const legit = world.sn.store.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === victim.grantSysId)[0]!
        world.sn.store.update(TABLE.action, legit['sys_id']!, { [ACTION_FIELDS.state]: 'paused' })
        const good = approvedGrant()
        const before = providerWrites({ webhook: world.webhook })

        // execution: the executor serves the queue
        await ensureExecutor()
        await world.until((s) => s.get(TABLE.grant, good.grantSysId)?.[GRANT_FIELDS.state] === 'active', 30_000)

        // validation: the good grant was served; nothing ran for the victim
        expect(providerWrites({ webhook: world.webhook }) - before).toBe(1)
        expect(grantOf(victim.grantSysId)[GRANT_FIELDS.state]).toBe('queued')

        // execution: the executor user tries to park the good grant's revoke in an unknown state
        const revoke = world.sn.store.list(
            TABLE.action,
            (a) => a[ACTION_FIELDS.grant] === good.grantSysId && a[ACTION_FIELDS.type] === 'revoke',
        )[0]!
        const r = await asExecutor('PATCH', TABLE.action, revoke['sys_id']!, {
            [ACTION_FIELDS.state]: 'paused',
            [ACTION_FIELDS.leaseOwner]: 'rt-queue',
        })

        // validation: refused by the instance's claim guard (the emulator runs the shared checkActionWrite natively
        // and answers 403 before any business rule: the audit event and note of an action-update refusal are
        // the app rule's, on an instance — now-app/test/server-claim-guard-rule.test.ts), the revoke stays ready
        expect(r.status).toBe(403)
        expect(r.detail).toMatch(/"paused" is not an action state/)
        expect(actionOf(revoke['sys_id']!)[ACTION_FIELDS.state]).toBe('ready')
    })
})

// ---- the state machine: the executor user makes only the transitions it owns -------------------------------

describe('red team: the executor integration user outside its transitions', () => {
    it('cannot insert a grant action (only revoke and verify)', async () => {
        // setup: an approved grant whose own grant action the attacker ended
        const target = approvedGrant()
        const legit = world.sn.store.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === target.grantSysId)[0]!
        world.sn.store.update(TABLE.action, legit['sys_id']!, { [ACTION_FIELDS.state]: 'dead' })
        const before = providerWrites({ webhook: world.webhook })
        const actionsBefore = world.sn.store.list(TABLE.action).length

        // execution
        const r = await asExecutor('POST', TABLE.action, '', {
            [ACTION_FIELDS.grant]: target.grantSysId,
            [ACTION_FIELDS.type]: 'grant',
            [ACTION_FIELDS.state]: 'ready',
            [ACTION_FIELDS.priority]: '3',
            [ACTION_FIELDS.maxAttempts]: '10',
            [ACTION_FIELDS.notBefore]: formatGlideDateTime(new Date(clock.nowMs() - 1000)),
            [ACTION_FIELDS.idempotencyKey]: `forged:${newSysId()}`,
            [ACTION_FIELDS.reason]: 'forged by the integration user',
        })
        await ensureExecutor()
        await executor!.service.worker.tick()

        // validation
        expect(r.status).toBe(403)
        expect(r.detail).toMatch(/grant action/)
        expect(world.sn.store.list(TABLE.action).length).toBe(actionsBefore)
        expect(providerWrites({ webhook: world.webhook }) - before).toBe(0)
        expect(grantOf(target.grantSysId)[GRANT_FIELDS.state]).toBe('queued')
        expectRefusalRecorded(target.grantSysId, target.ritmSysId, /grant action/, 'executor.write_refused')
    })

    it('cannot insert an action already claimed, or with an empty priority', async () => {
        const target = approvedGrant()
        world.sn.store
            .list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === target.grantSysId)
            .forEach((a) => world.sn.store.update(TABLE.action, a['sys_id']!, { [ACTION_FIELDS.state]: 'dead' }))
        const base = {
            [ACTION_FIELDS.grant]: target.grantSysId,
            [ACTION_FIELDS.type]: 'verify',
            [ACTION_FIELDS.priority]: '4',
            [ACTION_FIELDS.maxAttempts]: '5',
            [ACTION_FIELDS.idempotencyKey]: `forged:${newSysId()}`,
        }
        const claimed = await asExecutor('POST', TABLE.action, '', { ...base, [ACTION_FIELDS.state]: 'claimed' })
        const empty = await asExecutor('POST', TABLE.action, '', {
            ...base,
            [ACTION_FIELDS.state]: 'ready',
            [ACTION_FIELDS.priority]: '',
        })
        expect([claimed.status, empty.status]).toEqual([403, 403])
        expect(claimed.detail).toMatch(/ready/)
        expect(empty.detail).toMatch(/priority/)
        expectRefusalRecorded(target.grantSysId, target.ritmSysId, /priority/, 'executor.write_refused')
    })

    it('cannot move a queued grant straight to revoked, or to active without granting', async () => {
        // setup: an approved grant no executor has touched
        const target = approvedGrant()
        const before = providerWrites({ webhook: world.webhook })
        await executor?.stop()
        executor = undefined

        // execution
        const toRevoked = await asExecutor('PATCH', TABLE.grant, target.grantSysId, {
            [GRANT_FIELDS.state]: 'revoked',
            [GRANT_FIELDS.revokedAt]: formatGlideDateTime(new Date(clock.nowMs())),
        })
        const toActive = await asExecutor('PATCH', TABLE.grant, target.grantSysId, {
            [GRANT_FIELDS.state]: 'active',
            [GRANT_FIELDS.grantedAt]: formatGlideDateTime(new Date(clock.nowMs())),
            [GRANT_FIELDS.expiresAt]: formatGlideDateTime(new Date(clock.nowMs() + 8 * 3600_000)),
        })

        // validation
        expect([toRevoked.status, toActive.status]).toEqual([403, 403])
        expect(toRevoked.detail).toMatch(/queued → revoked/)
        expect(toActive.detail).toMatch(/queued → active/)
        expect(grantOf(target.grantSysId)[GRANT_FIELDS.state]).toBe('queued')
        expect(grantOf(target.grantSysId)[GRANT_FIELDS.expiresAt]).toBe('')
        expect(providerWrites({ webhook: world.webhook }) - before).toBe(0)
        expectRefusalRecorded(target.grantSysId, target.ritmSysId, /queued → revoked/, 'executor.write_refused')
        expectRefusalRecorded(target.grantSysId, target.ritmSysId, /queued → active/, 'executor.write_refused')
    })

    it("cannot edit a grant's plan, its approvals, or re-run a finished action", async () => {
        // setup: an approved grant, granted by the executor
        const target = approvedGrant()
        await ensureExecutor()
        await world.until((s) => s.get(TABLE.grant, target.grantSysId)?.[GRANT_FIELDS.state] === 'active', 30_000)
        const grantAction = world.sn.store.list(
            TABLE.action,
            (a) => a[ACTION_FIELDS.grant] === target.grantSysId && a[ACTION_FIELDS.type] === 'grant',
        )[0]!
        await executor?.stop()
        executor = undefined
        const planBefore = grantOf(target.grantSysId)[GRANT_FIELDS.plan]
        const approval = world.sn.store.list(PLATFORM_TABLE.approval, (a) => a['document_id'] === target.grantSysId)[0]!
        const before = providerWrites({ webhook: world.webhook })

        // execution: rewrite the plan and its digest; flip the vote; re-queue the finished grant action
        const plan = await asExecutor('PATCH', TABLE.grant, target.grantSysId, {
            [GRANT_FIELDS.plan]: planBefore!.replace(/WS-RT8-\d+/, 'DC-01'),
            [GRANT_FIELDS.planDigest]: '0'.repeat(64),
        })
        const vote = await asExecutor('PATCH', PLATFORM_TABLE.approval, approval['sys_id']!, { state: 'rejected' })
        // the executor still holds its lease on the finished action (the lease outlives the run)
        world.sn.store.update(TABLE.action, grantAction['sys_id']!, {
            [ACTION_FIELDS.leaseUntil]: formatGlideDateTime(new Date(clock.nowMs() + 60_000)),
        })
        const rerun = await asExecutor('PATCH', TABLE.action, grantAction['sys_id']!, {
            [ACTION_FIELDS.state]: 'ready',
            [ACTION_FIELDS.leaseOwner]: grantAction[ACTION_FIELDS.leaseOwner]!,
        })

        // validation: all refused, nothing changed, no provider call
        expect([plan.status, rerun.status]).toEqual([403, 403])
        // On a stock instance the executor cannot even read an approval (its role holds no platform ACL, issue 11):
        // the write is refused as for a record that does not exist (a hidden record answers 404).
        expect(vote.status).toBe(404)
        expect(grantOf(target.grantSysId)[GRANT_FIELDS.plan]).toBe(planBefore)
        expect(world.sn.store.get(PLATFORM_TABLE.approval, approval['sys_id']!)!['state']).toBe('approved')
        expect(actionOf(grantAction['sys_id']!)[ACTION_FIELDS.state]).toBe('done')
        expect(rerun.detail).toMatch(/done → ready/)
        expect(providerWrites({ webhook: world.webhook }) - before).toBe(0)
    })

    it('cannot create a grant record', async () => {
        const { base } = world
        const grantsBefore = world.sn.store.list(TABLE.grant).length
        const r = await asExecutor('POST', TABLE.grant, '', {
            [GRANT_FIELDS.requestedFor]: base.requester.sysId,
            [GRANT_FIELDS.targetKind]: 'device_local_admin',
            [GRANT_FIELDS.state]: 'queued',
        })
        expect(r.status).toBe(403)
        expect(world.sn.store.list(TABLE.grant).length).toBe(grantsBefore)
    })
})
