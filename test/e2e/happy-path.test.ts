/**
 * End to end, the real executor service against the ServiceNow and webhook emulators, all on one virtual clock:
 * an approved 1-minute grant is granted, written back (state, times, txn ids, instance, work note, receipt, audit
 * chain), its revoke is queued in ServiceNow for the expiry, and at the expiry the access is revoked, verified
 * absent and the evidence written.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, AUDIT_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { parseGlideDateTime } from '../emulators/servicenow'
import {
    isEvent,
    runCliInProcess as runCli,
    startInProcessExecutor,
    type InProcessExecutor,
} from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'
import { startWorld, type World } from './support/world'
import { journalHistory, journalOutbox } from './support/journal'

/** The service's clock lags ours by this much, so the executor's revoke at expiry is what removes the access. */
const LAG_MS = 15_000

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let world: World
let executor: InProcessExecutor | undefined

beforeAll(async () => {
    world = await startWorld({ durationMinutes: 1, keepSeededAction: true, webhookClockLagMs: LAG_MS, clock })
})
afterAll(async () => {
    await executor?.stop()
    await world?.close()
})

describe('happy path: grant → write back → revoke at expiry → verify', () => {
    it('grants, writes everything back, revokes at the expiry and leaves a verifiable audit chain', async () => {
        // setup
        const { sn, webhook, base } = world
        const grantId = base.grant.sysId
        const ritm = base.ritm.sysId
        const env = world.env('e2e-happy')
        const t0 = clock.nowMs()
        const s = sn.store

        // execution: the real executor picks up the approved grant
        executor = await startInProcessExecutor(env, clock)
        await runUntil(clock, () => s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'active', {
            within: 20_000,
            what: 'grant active',
        })
        await runUntil(
            clock,
            () =>
                s.list(TABLE.action, (a) => a[ACTION_FIELDS.grant] === grantId && a[ACTION_FIELDS.type] === 'revoke')
                    .length === 1 && s.get(TABLE.action, base.action.sysId)?.[ACTION_FIELDS.state] === 'done',
            { within: 20_000, what: 'revoke queued, grant action done' },
        )
        const grantedIn = clock.nowMs() - t0

        // validation: the grant record
        const active = sn.store.get(TABLE.grant, grantId)!
        const service = [...webhook.grants.values()]
        expect(service).toHaveLength(1)
        expect(service[0]!.idempotencyKey).toBe(base.action.sysId)
        expect(JSON.parse(active[GRANT_FIELDS.providerTxnIds]!)).toContain(service[0]!.id)
        expect(active[GRANT_FIELDS.executorInstance]).toBe('e2e-happy')
        const grantedAt = parseGlideDateTime(active[GRANT_FIELDS.grantedAt]!)
        const expiresAt = parseGlideDateTime(active[GRANT_FIELDS.expiresAt]!)
        expect(Number.isNaN(grantedAt)).toBe(false)
        // never longer than approved; the service's clock (which sets the expiry) lags ours by LAG_MS
        expect(expiresAt - grantedAt).toBeLessThanOrEqual(60_000)
        expect(expiresAt - grantedAt).toBeGreaterThanOrEqual(60_000 - LAG_MS - 1_000)
        expect(active[GRANT_FIELDS.lastError]).toBe('')

        // validation: the grant action is done, the revoke is queued for the expiry
        const grantAction = sn.store.get(TABLE.action, base.action.sysId)!
        expect(grantAction[ACTION_FIELDS.leaseOwner]).toBe('e2e-happy')
        expect(JSON.parse(grantAction[ACTION_FIELDS.result]!).txnIds).toContain(service[0]!.id)
        const [revoke] = sn.store.list(
            TABLE.action,
            (a) => a[ACTION_FIELDS.grant] === grantId && a[ACTION_FIELDS.type] === 'revoke',
        )
        expect(revoke![ACTION_FIELDS.notBefore]).toBe(active[GRANT_FIELDS.expiresAt])
        expect(revoke![ACTION_FIELDS.state]).toBe('ready')

        // validation: work note and receipt on the RITM
        const notes = sn.store.journal('sc_req_item', ritm).filter((n) => n.element === 'work_notes')
        expect(notes.filter((n) => n.value.startsWith('Access granted'))).toHaveLength(1)
        expect(notes[0]!.createdBy).toBe(base.executorUser.userName)
        const attachments = sn.store.attachments('sc_req_item', ritm)
        expect(attachments.map((a) => a.contentType)).toEqual(['application/json', 'text/html'])
        const receipt = JSON.parse(attachments[0]!.content.toString('utf8'))
        // The page people read: same receipt, carrying the SHA-256 of the JSON attachment's exact bytes.
        const page = attachments[1]!.content.toString('utf8')
        expect(attachments[1]!.fileName).toBe(attachments[0]!.fileName.replace(/\.json$/, '.html'))
        expect(page).toContain(
            `<code id="json-sha256">${createHash('sha256').update(attachments[0]!.content).digest('hex')}</code>`,
        )
        expect(page).toContain(base.planDigest)
        expect(page).not.toMatch(/<script/i)
        expect(receipt).toMatchObject({
            kind: 'access_grant_receipt',
            grantNumber: base.grant.number,
            grantSysId: grantId,
            planDigest: base.planDigest,
            executorInstance: 'e2e-happy',
            reconciled: false,
        })
        expect(receipt.approvals.map((a: { approverSysId: string }) => a.approverSysId)).toEqual([base.manager.sysId])

        // validation: the audit chain verifies (the CLI recomputes it from ServiceNow)
        const audit1 = await runCli(['audit', 'verify', grantId], env)
        expect(audit1.stderr).toBe('')
        expect(audit1.code).toBe(0)
        expect(audit1.stdout).toMatch(/intact/)
        expect(audit1.stdout).toMatch(/grant_active/)

        // execution: wait for the expiry (about a minute after the grant)
        const waitMs = expiresAt - clock.nowMs() + 20_000
        await runUntil(clock, () => s.get(TABLE.grant, grantId)?.[GRANT_FIELDS.state] === 'revoked', {
            within: waitMs,
            what: 'grant revoked',
        })
        const revokedSeenAt = clock.nowMs()

        // validation: revoked at the expiry, by this executor's queue revoke, and really removed at the service
        const revoked = sn.store.get(TABLE.grant, grantId)!
        const revokedAt = parseGlideDateTime(revoked[GRANT_FIELDS.revokedAt]!)
        expect(revokedAt).toBeGreaterThanOrEqual(expiresAt)
        expect(revokedAt - expiresAt).toBeLessThan(5_000)
        expect(service[0]!.status).toBe('revoked')
        expect(service[0]!.revokedAt).not.toBeNull()
        const evidence = JSON.parse(revoked[GRANT_FIELDS.evidence]!)
        expect(evidence).toMatchObject({
            provider: 'webhook',
            present: false,
            alreadyAbsent: false,
            revokedBy: 'e2e-happy',
        })
        expect(evidence.evidence).toMatchObject({ grantId: service[0]!.id, status: 'revoked' })
        await runUntil(clock, () => s.get(TABLE.action, revoke!['sys_id']!)?.[ACTION_FIELDS.state] === 'done', {
            within: 10_000,
            what: 'revoke action done',
        })
        expect(webhook.callCount('POST', '/grants')).toBe(1)
        expect(webhook.callCount('DELETE', '/grants/')).toBe(1)
        const removedNotes = sn.store
            .journal('sc_req_item', ritm)
            .filter((n) => n.element === 'work_notes' && n.value.startsWith('Access removed'))
        expect(removedNotes).toHaveLength(1)
        // a verify action is scheduled to check again later that the access stays removed
        expect(
            sn.store.list(
                TABLE.action,
                (a) => a[ACTION_FIELDS.grant] === grantId && a[ACTION_FIELDS.type] === 'verify',
            ),
        ).toHaveLength(1)

        // validation: the journal took every step, and every write-back was delivered
        await runUntil(
            clock,
            () => journalOutbox(world.journalPath('e2e-happy')).every((o) => o.status === 'delivered'),
            { within: 10_000, what: 'every write-back delivered' },
        )
        expect(journalHistory(world.journalPath('e2e-happy'), base.action.sysId)).toEqual([
            '∅→claimed',
            'claimed→calling',
            'calling→provider_done',
            'provider_done→written_back',
            'written_back→done',
        ])
        expect(journalHistory(world.journalPath('e2e-happy'), revoke!['sys_id']!)).toEqual([
            '∅→claimed',
            'claimed→calling',
            'calling→provider_done',
            'provider_done→written_back',
            'written_back→done',
        ])
        await runUntil(clock, () => executor!.lines.some(isEvent('action:done', grantId)), {
            within: 5_000,
            what: 'action:done logged',
        })

        // validation: the whole chain, app events + grant + revoke, still verifies
        const audit2 = await runCli(['audit', 'verify', grantId], env)
        expect(audit2.code).toBe(0)
        expect(audit2.stdout).toMatch(/revoke_done/)
        const types = sn.store
            .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grantId)
            .map((e) => e[AUDIT_FIELDS.eventType])
        expect(types.slice(0, 1)).toEqual(['request.submitted'])
        expect(types).toEqual(
            expect.arrayContaining(['recheck_passed', 'provider_call', 'grant_active', 'revoke_done']),
        )
        console.info(
            `[e2e happy] granted+written back in ${grantedIn} ms; revoked ${revokedAt - expiresAt} ms after expiry; ` +
                `total ${revokedSeenAt - t0} ms (virtual time)`,
        )
    })
})
