/**
 * Issue 17, "the provider extends in place where it can (Entra, EPM, webhook)": an approved extension of a webhook
 * grant (contract 1.1 `POST /grants/{id}/extend`) and of an EPM JIT Admin session (the decision call re-approves the
 * live request to the new end), through the app's own modules and two executor replicas on one virtual clock.
 *
 * Per provider:
 * 1. Replica A grants a 10-minute access; Alice asks for 6 more minutes; her manager approves.
 * 2. The provider applies the extension but its answer is lost (the connection drops after the change); replica A
 *    crashes. Replica B claims the extension, runs the gate again and finds the provider already at the new end: no
 *    second call, no second grant / request; the grant's end and its scheduled revoke move to the new end.
 * 3. Replica A comes back holding its revoke timer at the OLD end; past the old end the access is still there (at
 *    the provider and in ServiceNow): nothing revoked it.
 * 4. A second extension the provider refuses (webhook: a 1.0.0 service answers 404; EPM: 409 to lengthening an
 *    approved request) fails with the reason on the ticket; the end is unchanged.
 * 5. The access ends at the new end: revoked by the executor, gone at the provider.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, AUDIT_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE, type ProviderName } from '@gbg/shared'
import { castVote } from '../../now-app/test/support/app-actions'
import { requestExtension } from '../../now-app/src/server/extend'
import { parseGlideDateTime } from '../../executor/src/servicenow/query'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { startInProcessExecutor, type InProcessExecutor } from '../support/executor-in-process'
import { VirtualClock } from '../support/virtual-clock'
import { runUntil } from '../support/virtual-time'

const JUSTIFICATION = 'The driver roll-out on this device is not finished; six more minutes'

/** What the test reads and does at one provider (its emulator). */
interface ProviderSide {
    /** Live grants / requests of the user at the provider, with their end. */
    held(user: string): { ends: number; active: boolean }[]
    /** Every grant / request the provider ever made for the user. */
    made(user: string): number
    /** Calls that extend (webhook POST /grants/{id}/extend, EPM decision calls). */
    extendCalls(): number
    /** The next extend call is applied, then its answer is lost. */
    loseNextAnswer(): void
    /** From now on the provider refuses to extend. */
    refuseExtensions(): void
    /** The code the refusal is reported with. */
    refusalCode: RegExp
}

function sideOf(sb: Sandbox, provider: ProviderName, clock: VirtualClock): ProviderSide {
    if (provider === 'webhook') {
        const mine = (user: string) =>
            [...sb.webhook.grants.values()].filter((g) => g.principal.userName.toLowerCase() === user.toLowerCase())
        return {
            held: (user) =>
                mine(user)
                    .filter((g) => g.status === 'active')
                    .map((g) => ({ ends: g.expiresAt.getTime(), active: true })),
            made: (user) => mine(user).length,
            // POST /grants/{id}/extend (POST /grants itself does not start with '/grants/')
            extendCalls: () => sb.webhook.callCount('POST', '/grants/'),
            loseNextAnswer: () => sb.webhook.faults.add({ method: 'POST', path: /\/extend$/, dropAfterApply: true }),
            // A service still on contract 1.0.0 has no such route (404 not_found).
            refuseExtensions: () =>
                sb.webhook.faults.add({ method: 'POST', path: /\/extend$/, status: 404, times: 50 }),
            refusalCode: /extend_not_supported/,
        }
    }
    const mine = (user: string) =>
        [...sb.epm.requests.values()].filter((r) => r.userName.toLowerCase() === user.toLowerCase())
    const end = (r: { decisionTime: Date | null; createdOn: Date; durationSeconds: number }) =>
        (r.decisionTime ?? r.createdOn).getTime() + r.durationSeconds * 1000
    return {
        held: (user) =>
            mine(user)
                .filter((r) => r.decision === 'Approved' && clock.nowMs() < end(r))
                .map((r) => ({ ends: end(r), active: true })),
        made: (user) => mine(user).length,
        extendCalls: () => sb.epm.callCount('POST', '/management-api/v2/AdminAccessRequest'),
        loseNextAnswer: () => sb.epm.faults.add({ method: 'POST', path: /decision/, dropAfterApply: true }),
        refuseExtensions: () => {
            sb.epm.switches.extendApproved = 'conflict-409'
        },
        refusalCode: /extend_refused/,
    }
}

describe.each(['webhook', 'epm'] as const)('extend a %s grant in place', (provider) => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    const dir = mkdtempSync(join(tmpdir(), `gbg-extend-${provider}-`))
    let sandbox: Sandbox | undefined
    const running: InProcessExecutor[] = []
    afterAll(async () => {
        await Promise.all(running.map((e) => e.stop().catch(() => undefined)))
        await sandbox?.close()
        rmSync(dir, { recursive: true, force: true })
    })

    it('a lost answer and a crash never extend twice; the old end revokes nothing; the access ends at the new end', async () => {
        // setup: the sandbox's catalog request for 10 minutes of local admin, approved through the app
        sandbox = await startSandbox({ provider, durationMinutes: 10, pollIntervalSeconds: 5, clock })
        const sb = sandbox
        const sn = sb.sn
        const app = sb.app!
        const side = sideOf(sb, provider, clock)
        const grantId = sb.seeded.grant.sysId
        const grant = (id: string) => sn.store.get(TABLE.grant, id)!
        const state = (id: string) => grant(id)[GRANT_FIELDS.state]
        const endOf = (id: string) => parseGlideDateTime(grant(id)[GRANT_FIELDS.expiresAt]!)?.getTime()
        const alice = sb.seeded.requester.userName
        const start = async (name: string) => {
            const e = await startInProcessExecutor(
                {
                    ...sb.env,
                    GBG_HTTP_PORT: '0',
                    GBG_INSTANCE_NAME: name,
                    GBG_JOURNAL_PATH: join(dir, `${name}.db`),
                },
                clock,
            )
            running.push(e)
            return e
        }
        const approveAll = (extSysId: string) => {
            for (const a of sn.store.list(
                PLATFORM_TABLE.approval,
                (r) => r['document_id'] === extSysId && r['state'] === 'requested',
            )) {
                const who = sn.store.get(PLATFORM_TABLE.user, a['approver']!)?.['user_name'] ?? ''
                app.as(who, () => castVote(a['sys_id']!, 'approved'))
            }
        }
        const failure = (id: string) =>
            `${state(id)} ${grant(id)[GRANT_FIELDS.lastError]} ${JSON.stringify(
                sn.store
                    .list(TABLE.action, (r) => r[ACTION_FIELDS.grant] === id)
                    .map((x) => [x[ACTION_FIELDS.type], x[ACTION_FIELDS.state], x[ACTION_FIELDS.lastError]]),
            )}`

        // execution 1: replica A grants
        const a = await start(`${provider}-a`)
        await runUntil(clock, () => state(grantId) === 'active', { within: 60_000, what: 'grant active' })
        const oldEnd = endOf(grantId)!
        expect(side.held(alice)).toHaveLength(1)
        expect(Math.abs(side.held(alice)[0]!.ends - oldEnd)).toBeLessThan(2_000)

        // execution 2: Alice asks for 6 more minutes; the manager approves the extension plan
        const asked = app.as(alice, () => requestExtension(grantId, 6, JUSTIFICATION))
        expect(asked.ok, asked.message).toBe(true)
        const ext = asked.sysId!
        approveAll(ext)
        expect(state(ext), grant(ext)[GRANT_FIELDS.lastError]).toBe('queued')
        const newEnd = oldEnd + 6 * 60_000

        // the provider extends, the answer is lost; A crashes before anything is written back
        side.loseNextAnswer()
        await runUntil(clock, () => side.extendCalls() >= 1, { within: 60_000, what: 'the extend call' }).catch(
            (error) => {
                throw new Error(`${String(error)}: ${failure(ext)}`)
            },
        )
        await a.crash()
        expect(endOf(grantId)).toBe(oldEnd)
        expect(side.held(alice).map((h) => h.ends)).toEqual([expect.closeTo(newEnd, -4)])

        // execution 3: replica B claims the extension, finds the provider already at the new end
        await start(`${provider}-b`)
        await runUntil(clock, () => state(ext) === 'extended' && endOf(grantId) === newEnd, {
            within: 5 * 60_000,
            what: 'extension applied and written back',
        }).catch((error) => {
            throw new Error(`${String(error)}: ${failure(ext)}`)
        })

        // validation 3: in place, exactly once: one grant / request at the provider, one extend call
        expect(side.made(alice)).toBe(1)
        expect(side.extendCalls()).toBe(1)
        expect(side.held(alice)).toHaveLength(1)
        expect(Math.abs(side.held(alice)[0]!.ends - newEnd)).toBeLessThan(2_000)
        const revokes = () =>
            sn.store.list(TABLE.action, (r) => r[ACTION_FIELDS.grant] === grantId && r[ACTION_FIELDS.type] === 'revoke')
        expect(revokes()).toHaveLength(1)
        expect(parseGlideDateTime(revokes()[0]![ACTION_FIELDS.notBefore]!)!.getTime()).toBe(newEnd)
        const extended = sn.store
            .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grantId)
            .find((e) => e[AUDIT_FIELDS.eventType] === 'grant_extended')
        expect(JSON.parse(extended![AUDIT_FIELDS.payload]!)).toMatchObject({
            extension: ext,
            provider,
            addedMinutes: 6,
            alreadyDone: true,
        })

        // execution 4: A comes back next to B (its journal holds the revoke timer at the OLD end); past the old end
        // nothing is revoked: the access is still there
        await start(`${provider}-a`)
        await runUntil(clock, () => clock.nowMs() > oldEnd + 90_000, { within: 20 * 60_000, what: 'past the old end' })
        expect(state(grantId)).toBe('active')
        expect(side.held(alice)).toHaveLength(1)

        // execution 5: a second extension the provider refuses → failed with the reason; the end is unchanged
        side.refuseExtensions()
        const refused = app.as(alice, () => requestExtension(grantId, 5, JUSTIFICATION))
        expect(refused.ok, refused.message).toBe(true)
        approveAll(refused.sysId!)
        await runUntil(clock, () => state(refused.sysId!) === 'grant_failed', {
            within: 5 * 60_000,
            what: 'the refused extension fails',
        }).catch((error) => {
            throw new Error(`${String(error)}: ${failure(refused.sysId!)}`)
        })
        expect(grant(refused.sysId!)[GRANT_FIELDS.lastError]).toMatch(side.refusalCode)
        expect(endOf(grantId)).toBe(newEnd)
        expect(side.held(alice).map((h) => h.ends)).toEqual([expect.closeTo(newEnd, -4)])
        expect(side.made(alice)).toBe(1)

        // execution 6: the access ends at the new end
        await runUntil(clock, () => state(grantId) === 'revoked', { within: 20 * 60_000, what: 'revoked' })
        const revokedAt = parseGlideDateTime(grant(grantId)[GRANT_FIELDS.revokedAt]!)!.getTime()
        expect(revokedAt).toBeGreaterThanOrEqual(newEnd)
        expect(revokedAt).toBeLessThan(newEnd + 60_000)
        expect(side.held(alice)).toHaveLength(0)
        expect(side.made(alice)).toBe(1)
    }, 120_000)
})
