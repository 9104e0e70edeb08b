/**
 * The ServiceNow gateway against the ServiceNow emulator (tables and ACLs from the built app, the shared claim
 * guard, faults). Time is a VirtualClock shared by the emulator and the client: leases, token expiry and
 * Retry-After waits move only when the test advances it.
 */
import {
    ACTION_FIELDS,
    AUDIT_FIELDS,
    EXECUTOR_FIELDS,
    EXECUTOR_WRITABLE,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    PROPERTY,
    ROLE,
    TABLE,
    verifyChain,
} from '@gbg/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServiceNowEmulator, type ServiceNowEmulator } from '../../test/emulators/servicenow'
import { startAppOnEmulator, type AppRuntime } from '../../test/support/app-on-emulator'
import { VirtualClock } from '../../test/support/virtual-clock'
import type { QueueAction, ServiceNowGateway } from '../src/ports'
import { createServiceNowClient, type ServiceNowAuth, type ServiceNowClient } from '../src/servicenow/client'
import { ServiceNowError } from '../src/servicenow/errors'
import { assertOnly, createServiceNowGateway, parseAction } from '../src/servicenow/gateway'
import { formatGlideDateTime } from '../src/servicenow/query'

const EXEC_USER = { userName: 'svc_breakglass', password: 'exec-pw' }
const OAUTH = { clientId: 'gbg-executor', clientSecret: 'oauth-client-secret' }

let clock: VirtualClock
let sn: ServiceNowEmulator
let clients: ServiceNowClient[]
let aliceId: string
let app: AppRuntime

beforeEach(async () => {
    clock = new VirtualClock(new Date('2025-06-02T09:00:00Z'))
    sn = await startServiceNowEmulator({
        now: () => clock.now(),
        tokenTtlSeconds: 300,
        users: [
            { ...EXEC_USER, roles: [ROLE.executor] },
            { userName: 'alice', password: 'alice-pw', email: 'alice@example.test', roles: [ROLE.requester] },
        ],
        oauthClients: [{ ...OAUTH, clientCredentialsUser: EXEC_USER.userName }],
    })
    clients = []
    // The app's executor interfaces (REST API, ticket-update rules): what the gateway talks to besides the tables.
    app = startAppOnEmulator(sn, { only: 'executor-api' })
    aliceId = sn.store.list(PLATFORM_TABLE.user).find((u) => u['user_name'] === 'alice')!['sys_id']!
})

afterEach(async () => {
    app.stop()
    for (const c of clients) c.close()
    await sn.close()
})

function gateway(
    instanceName = 'exec-1',
    auth?: ServiceNowAuth,
    pageSize = 500,
): { gw: ServiceNowGateway; client: ServiceNowClient } {
    const client = createServiceNowClient({
        baseUrl: sn.url,
        auth: auth ?? { mode: 'basic', username: EXEC_USER.userName, password: EXEC_USER.password },
        clock,
        pageSize,
    })
    clients.push(client)
    return { gw: createServiceNowGateway(client, { instanceName, now: () => clock.now() }), client }
}

function seedGrant(values: Record<string, string> = {}): Record<string, string> {
    return sn.store.insert(TABLE.grant, {
        [GRANT_FIELDS.requestedFor]: aliceId,
        [GRANT_FIELDS.targetKind]: 'device_local_admin',
        [GRANT_FIELDS.provider]: 'webhook',
        [GRANT_FIELDS.requestedDuration]: '60',
        [GRANT_FIELDS.justification]: 'Patch the print server',
        [GRANT_FIELDS.state]: 'queued',
        [GRANT_FIELDS.plan]: '{"v":1}',
        [GRANT_FIELDS.planDigest]: 'a'.repeat(64),
        ...values,
    })
}

function seedAction(grantSysId: string, values: Record<string, string> = {}): Record<string, string> {
    return sn.store.insert(TABLE.action, {
        [ACTION_FIELDS.grant]: grantSysId,
        [ACTION_FIELDS.type]: 'grant',
        [ACTION_FIELDS.state]: 'ready',
        [ACTION_FIELDS.priority]: '3',
        [ACTION_FIELDS.maxAttempts]: '8',
        [ACTION_FIELDS.idempotencyKey]: 'k',
        ...values,
    })
}

const minutes = (n: number): Date => new Date(clock.now().getTime() + n * 60_000)

describe('ServiceNow gateway on the emulator: queue', () => {
    it('a poisoned row (empty priority, empty max_attempts) does not fail the read: it comes back marked', async () => {
        // Setup: the emulator stores "" in an integer column (the Table API answers every value as a string, an
        // empty field as "": shared/contracts/servicenow-rest.md "Response shape")
        const grant = seedGrant()
        const good = seedAction(grant['sys_id']!, { [ACTION_FIELDS.priority]: '1' })
        const poisoned = seedAction(grant['sys_id']!, { [ACTION_FIELDS.priority]: '' })
        const noBudget = seedAction(grant['sys_id']!, { [ACTION_FIELDS.maxAttempts]: '' })
        const { gw } = gateway('exec-1')
        // Execution
        const actions = await gw.listReadyActions(clock.now(), 100)
        const open = await gw.listOpenActionsForGrant(grant['sys_id']!)
        // Validation
        const byId = new Map(actions.map((a) => [a.sysId, a]))
        expect(byId.get(good['sys_id']!)?.malformed).toBeUndefined()
        expect(byId.get(poisoned['sys_id']!)?.malformed).toMatch(/priority "" is not a whole number/)
        expect(byId.get(noBudget['sys_id']!)?.malformed).toMatch(/max_attempts "" is not a whole number/)
        expect(open.map((a) => a.sysId).sort()).toEqual(
            [good['sys_id']!, poisoned['sys_id']!, noBudget['sys_id']!].sort(),
        )
    })

    it('lists ready actions across several pages by Link, due ones only, by priority', async () => {
        // Setup: 5 due actions (priorities mixed), one not yet due, one claimed
        const grant = seedGrant()
        const priorities = ['3', '1', '4', '2', '3']
        for (const p of priorities) seedAction(grant['sys_id']!, { [ACTION_FIELDS.priority]: p })
        seedAction(grant['sys_id']!, { [ACTION_FIELDS.notBefore]: formatGlideDateTime(minutes(10)) })
        seedAction(grant['sys_id']!, { [ACTION_FIELDS.state]: 'claimed' })
        const due = seedAction(grant['sys_id']!, { [ACTION_FIELDS.notBefore]: formatGlideDateTime(minutes(-1)) })
        const { gw } = gateway('exec-1', undefined, 2)
        const before = sn.requests.length
        // Execution
        const actions = await gw.listReadyActions(clock.now(), 100)
        // Validation
        expect(actions.map((a) => a.priority)).toEqual([1, 2, 3, 3, 3, 4])
        expect(actions.some((a) => a.sysId === due['sys_id'])).toBe(true)
        // The date bound is widened for any zone reading (query.ts whereDateAnyZone): the not-yet-due row is read
        // too (7 rows, 4 pages of 2) and filtered out here on its UTC value.
        const pages = sn.requests.slice(before).filter((r) => r.path.endsWith(TABLE.action))
        expect(pages.length).toBe(4)
        expect(pages.map((r) => new URLSearchParams(r.query).get('sysparm_offset') ?? '0')).toEqual([
            '0',
            '2',
            '4',
            '6',
        ])
        const a = actions[0]!
        expect(a).toMatchObject({
            type: 'grant',
            state: 'ready',
            grantSysId: grant['sys_id'],
            attempts: 0,
            maxAttempts: 8,
            leaseOwner: '',
        })
        expect(a.createdOn).toBeInstanceOf(Date)
    })

    it('claims with a lease (attempts + 1), refuses a second claimer as lost_claim, and lets the sweeper release', async () => {
        // Setup
        const grant = seedGrant()
        const row = seedAction(grant['sys_id']!)
        const one = gateway('exec-1').gw
        const two = gateway('exec-2').gw
        const [action] = await one.listReadyActions(clock.now(), 10)
        // Execution: exec-1 claims
        const claimed = await one.claimAction(action!, 'exec-1', minutes(2))
        // Validation
        expect(claimed).toMatchObject({ state: 'claimed', leaseOwner: 'exec-1', attempts: 1 })
        expect(claimed.leaseUntil?.toISOString()).toBe(minutes(2).toISOString())

        // Execution: exec-2 tries the same action while the lease is valid
        const lost = await two.claimAction(action!, 'exec-2', minutes(2)).catch((e: unknown) => e)
        // Validation
        expect(lost).toBeInstanceOf(ServiceNowError)
        expect(lost).toMatchObject({ kind: 'lost_claim', status: 403 })
        expect((lost as Error).message).toContain('Claim refused')
        // exec-2 cannot complete it behind exec-1's back either
        await expect(two.updateAction(row['sys_id']!, { state: 'done' })).rejects.toMatchObject({ kind: 'lost_claim' })
        // exec-1 (the holder) can write; its writes carry its name
        await one.updateAction(row['sys_id']!, { lastError: 'transient: 503' })
        expect(sn.store.get(TABLE.action, row['sys_id']!)![ACTION_FIELDS.lastError]).toBe('transient: 503')

        // Execution: the lease lapses; exec-2's sweeper sees and releases it
        await clock.advance(3 * 60_000)
        const expired = await two.listExpiredLeases(clock.now(), 10)
        expect(expired.map((a) => a.sysId)).toEqual([row['sys_id']])
        await two.updateAction(row['sys_id']!, { state: 'ready', leaseOwner: '' })
        // Validation: back in the queue, claimable again; exec-1, whose lease lapsed, cannot write any more
        expect(sn.store.get(TABLE.action, row['sys_id']!)).toMatchObject({ state: 'ready', lease_owner: '' })
        const reclaimed = await two.claimAction(await two.getAction(row['sys_id']!), 'exec-2', minutes(2))
        expect(reclaimed).toMatchObject({ leaseOwner: 'exec-2', attempts: 2 })
        await expect(one.updateAction(row['sys_id']!, { state: 'done' })).rejects.toMatchObject({ kind: 'lost_claim' })
    })

    // Regression: a retry releases the action while its own lease is still valid ('' as lease_owner names
    // nobody, so the guard refused it until the lease expired, holding every write-back behind it for minutes).
    it('releases its own still-valid lease at once (end the lease as holder, then return to the queue)', async () => {
        // Setup
        const grant = seedGrant()
        const row = seedAction(grant['sys_id']!)
        const one = gateway('exec-1').gw
        const two = gateway('exec-2').gw
        const [action] = await one.listReadyActions(clock.now(), 10)
        await one.claimAction(action!, 'exec-1', minutes(2))
        // Execution: exec-2 cannot release exec-1's valid lease; exec-1 can, with its retry data
        await expect(two.updateAction(row['sys_id']!, { state: 'ready', leaseOwner: '' })).rejects.toMatchObject({
            kind: 'lost_claim',
        })
        await one.updateAction(row['sys_id']!, {
            state: 'ready',
            leaseOwner: '',
            leaseUntil: null,
            lastError: 'revoke attempt 1 failed: 400 ActiveDurationTooShort',
        })
        // Validation: back in the queue at once, the retry data kept, and claimable by anyone
        expect(sn.store.get(TABLE.action, row['sys_id']!)).toMatchObject({
            state: 'ready',
            lease_owner: '',
            lease_until: '',
            last_error: 'revoke attempt 1 failed: 400 ActiveDurationTooShort',
        })
        const reclaimed = await two.claimAction(await two.getAction(row['sys_id']!), 'exec-2', minutes(2))
        expect(reclaimed).toMatchObject({ leaseOwner: 'exec-2', state: 'claimed' })
    })

    // Regression: a write carrying lease_owner=<self> on an UNOWNED action used to count as a claim, so an
    // executor whose lease lapsed and was swept could mark the action done in one write. A claim now requires
    // state=claimed.
    it('refuses a non-claim write by an executor that does not hold the lease on a released action', async () => {
        // Setup: exec-1 claims, the lease lapses, the sweeper releases it
        const grant = seedGrant()
        const row = seedAction(grant['sys_id']!)
        const one = gateway('exec-1').gw
        const two = gateway('exec-2').gw
        await one.claimAction(await one.getAction(row['sys_id']!), 'exec-1', minutes(2))
        await clock.advance(3 * 60_000)
        await two.updateAction(row['sys_id']!, { state: 'ready', leaseOwner: '' })
        // Execution / validation: exec-1 finishing it without re-claiming must be refused
        await expect(one.updateAction(row['sys_id']!, { state: 'done' })).rejects.toMatchObject({ kind: 'lost_claim' })
    })

    it('sends only executor-writable fields, refusing anything else before any call', async () => {
        // Setup
        const grant = seedGrant()
        const { gw } = gateway()
        const before = sn.requests.length
        // Execution / validation: a wider object smuggled in as a patch
        await expect(
            gw.updateGrant(grant['sys_id']!, { state: 'active', requestedFor: aliceId } as never),
        ).rejects.toMatchObject({ kind: 'fatal' })
        await expect(gw.updateAction(grant['sys_id']!, { leaseOwner: 'someone-else' })).rejects.toMatchObject({
            kind: 'fatal',
        })
        await expect(
            gw.claimAction({ sysId: grant['sys_id']!, attempts: 0 } as QueueAction, 'exec-9', minutes(1)),
        ).rejects.toMatchObject({
            kind: 'fatal',
        })
        expect(sn.requests.length).toBe(before)

        // Execution: a legitimate write-back
        await gw.updateGrant(grant['sys_id']!, {
            state: 'active',
            grantedAt: clock.now(),
            expiresAt: minutes(60),
            providerTxnIds: '["txn-1"]',
            executorInstance: 'exec-1',
            lastError: 'Authorization: Bearer abc.def',
        })
        // Validation
        const stored = sn.store.get(TABLE.grant, grant['sys_id']!)!
        expect(stored).toMatchObject({
            state: 'active',
            granted_at: '2025-06-02 09:00:00',
            expires_at: '2025-06-02 10:00:00',
            provider_txn_ids: '["txn-1"]',
            executor_instance: 'exec-1',
            last_error: 'Authorization: Bearer [REDACTED]',
        })
        const parsed = await gw.getGrant(grant['sys_id']!)
        expect(parsed).toMatchObject({
            state: 'active',
            requestedFor: aliceId,
            requestedDuration: 60,
            emergency: false,
        })
        expect(parsed.expiresAt?.toISOString()).toBe('2025-06-02T10:00:00.000Z')
    })

    it('maps an ACL refusal to fatal, naming the missing ACL', async () => {
        // Setup: a write the executor role has no field ACL for (bypassing the gateway's own guard)
        const grant = seedGrant()
        const { client } = gateway()
        // Execution
        const error = await client
            .patch(TABLE.grant, grant['sys_id']!, { [GRANT_FIELDS.planDigest]: 'b'.repeat(64) })
            .catch((e: unknown) => e)
        // Validation
        expect(error).toMatchObject({ kind: 'fatal', status: 403 })
        expect((error as Error).message).toMatch(/lacks a write ACL on table x_gbg_breakglass_grant/)
        expect(sn.store.get(TABLE.grant, grant['sys_id']!)![GRANT_FIELDS.planDigest]).toBe('a'.repeat(64))
    })

    it('creates revoke actions and lists the open actions of a grant', async () => {
        // Setup
        const grant = seedGrant({ [GRANT_FIELDS.state]: 'active' })
        seedAction(grant['sys_id']!, { [ACTION_FIELDS.state]: 'done' })
        const { gw } = gateway()
        // Execution
        const created = await gw.createAction({
            grantSysId: grant['sys_id']!,
            type: 'revoke',
            priority: 2,
            notBefore: minutes(60),
            maxAttempts: 8,
            idempotencyKey: `revoke:${grant['sys_id']}`,
            reason: 'expiry',
        })
        const open = await gw.listOpenActionsForGrant(grant['sys_id']!)
        // Validation
        expect(created).toMatchObject({
            type: 'revoke',
            state: 'ready',
            priority: 2,
            reason: 'expiry',
            grantSysId: grant['sys_id'],
        })
        expect(created.notBefore?.toISOString()).toBe(minutes(60).toISOString())
        expect(created.number).toMatch(/^BGQ/)
        expect(open.map((a) => a.sysId)).toEqual([created.sysId])
    })
})

describe('ServiceNow gateway on the emulator: transport', () => {
    it('refreshes an OAuth token after expiry and once on 401', async () => {
        // Setup
        const { gw } = gateway('exec-1', { mode: 'oauth_client_credentials', ...OAUTH })
        const grant = seedGrant()
        const tokenCalls = (): number => sn.requests.filter((r) => r.path === '/oauth_token.do').length
        // Execution: first call fetches a token; a call after the TTL fetches a new one before sending
        await gw.getGrant(grant['sys_id']!)
        await clock.advance(301_000)
        await gw.getGrant(grant['sys_id']!)
        // Validation
        expect(tokenCalls()).toBe(2)
        expect(sn.requests.filter((r) => r.status === 401)).toHaveLength(0)

        // Execution: the instance revokes the token early → one 401, one refresh, success
        sn.faults.add({ path: /\/api\/now\/table\//, expireToken: true, times: 1 })
        const again = await gw.getGrant(grant['sys_id']!)
        // Validation
        expect(again.sysId).toBe(grant['sys_id'])
        expect(tokenCalls()).toBe(3)
        expect(sn.requests.filter((r) => r.status === 401)).toHaveLength(1)
        expect(sn.requests.at(-1)).toMatchObject({ status: 200, user: EXEC_USER.userName })
    })

    it('honours Retry-After on a 429 for an idempotent read', async () => {
        // Setup
        const grant = seedGrant()
        const { gw } = gateway()
        sn.faults.add({ method: 'GET', path: /x_gbg_breakglass_grant/, status: 429, retryAfterSeconds: 7, times: 1 })
        // Execution
        const pending = gw.getGrant(grant['sys_id']!)
        await clock.whenSleeping()
        // Validation: waiting 7 s on the fake clock, no second request yet
        expect(clock.pendingDelays()).toEqual([7000])
        const statuses = () => sn.requests.filter((r) => r.path.includes(TABLE.grant)).map((r) => r.status)
        expect(statuses()).toEqual([429])
        await clock.advance(7000)
        await expect(pending).resolves.toMatchObject({ sysId: grant['sys_id'] })
        expect(statuses()).toEqual([429, 200])
    })

    it('does not retry a write on 5xx (the worker retries from its journal)', async () => {
        // Setup
        const grant = seedGrant()
        const { gw } = gateway()
        sn.faults.add({ method: 'PATCH', status: 503, times: 1 })
        // Execution / validation
        await expect(gw.updateGrant(grant['sys_id']!, { state: 'granting' })).rejects.toMatchObject({
            kind: 'retryable',
            status: 503,
        })
        expect(sn.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
        expect(sn.store.get(TABLE.grant, grant['sys_id']!)![GRANT_FIELDS.state]).toBe('queued')
    })

    it('flags a dropped connection after a write as an unknown outcome', async () => {
        // Setup
        const grant = seedGrant()
        const { gw } = gateway()
        sn.faults.add({ method: 'PATCH', dropAfterWrite: true, times: 1 })
        // Execution
        const error = await gw.updateGrant(grant['sys_id']!, { state: 'granting' }).catch((e: unknown) => e)
        // Validation: the write happened, the caller was told it may have
        expect(error).toMatchObject({ kind: 'retryable', unknownOutcome: true })
        expect(sn.store.get(TABLE.grant, grant['sys_id']!)![GRANT_FIELDS.state]).toBe('granting')
    })

    it('maps a missing record to not_found and pings', async () => {
        // Setup
        const { gw } = gateway()
        // Execution / validation
        await expect(gw.getGrant('f'.repeat(32))).rejects.toMatchObject({ kind: 'not_found', status: 404 })
        await expect(gw.ping()).resolves.toBeUndefined()
        const { gw: bad } = gateway('exec-1', { mode: 'basic', username: EXEC_USER.userName, password: 'wrong' })
        await expect(bad.ping()).rejects.toMatchObject({ kind: 'unauthorized', status: 401 })
    })
})

describe('ServiceNow gateway on the emulator: records around the grant', () => {
    it("asks the app for a RITM work note and the receipt: they land on the grant's RITM, once per key", async () => {
        // Setup
        const ritm = sn.store.insert(PLATFORM_TABLE.ritm, {
            short_description: 'Temporary local admin',
            requested_for: aliceId,
        })
        const grant = seedGrant({ [GRANT_FIELDS.ritm]: ritm['sys_id']! })
        const { gw } = gateway()
        // Execution
        const note = {
            kind: 'ritm_note' as const,
            grantSysId: grant['sys_id']!,
            text: 'Access granted until 10:00 UTC. Webhook https://h/x?sig=abc',
        }
        const first = await gw.requestTicketUpdate(note, 'tu:note-1')
        // A resumed write-back asks again with the same key: read back, not written twice.
        const again = await gw.requestTicketUpdate(note, 'tu:note-1')
        await gw.requestTicketUpdate(
            {
                kind: 'receipt',
                grantSysId: grant['sys_id']!,
                fileName: 'receipt.json',
                contentType: 'application/json',
                content: Buffer.from('{"granted":true}'),
            },
            'tu:receipt-1',
        )
        // Validation
        expect(first).toEqual({ sysId: ritm['sys_id'], number: ritm['number'] ?? '' })
        expect(again).toEqual(first)
        const journal = sn.store.journal(PLATFORM_TABLE.ritm, ritm['sys_id']!)
        expect(journal).toHaveLength(1)
        expect(journal[0]).toMatchObject({
            element: 'work_notes',
            value: 'Access granted until 10:00 UTC. Webhook https://h/x?sig=[REDACTED]',
            // Written by the app's rule in the integration user's session.
            createdBy: EXEC_USER.userName,
        })
        const files = sn.store.attachments(PLATFORM_TABLE.ritm, ritm['sys_id']!)
        expect(files).toHaveLength(1)
        expect(files[0]).toMatchObject({ fileName: 'receipt.json', contentType: 'application/json' })
        expect(files[0]!.content.toString()).toBe('{"granted":true}')
        expect(sn.store.list(TABLE.ticketUpdate)).toHaveLength(2)
    })

    it('the receipt of a grant without a RITM goes to the grant itself', async () => {
        // Setup
        const grant = seedGrant()
        const { gw } = gateway()
        // Execution
        await gw.requestTicketUpdate(
            {
                kind: 'receipt',
                grantSysId: grant['sys_id']!,
                fileName: 'receipt.json',
                contentType: 'application/json',
                content: Buffer.from('{}'),
            },
            'tu:receipt-2',
        )
        // Validation
        expect(sn.store.attachments(TABLE.grant, grant['sys_id']!)).toHaveLength(1)
    })

    it('appends hash-chained audit events that verify', async () => {
        // Setup
        const grant = seedGrant()
        const { gw } = gateway()
        // Execution
        await gw.appendAudit({
            grantSysId: grant['sys_id']!,
            eventType: 'grant:started',
            actor: 'executor:exec-1',
            occurredAt: new Date('2025-06-02T09:00:00.456Z'),
            payload: { call: { url: 'https://h/api?code=abc', headers: { Authorization: 'Bearer x' } }, n: 1 },
        })
        await gw.appendAudit({
            grantSysId: grant['sys_id']!,
            eventType: 'grant:active',
            actor: 'executor:exec-1',
            occurredAt: new Date('2025-06-02T09:00:05Z'),
            payload: { txn: 'txn-1' },
        })
        // Validation
        const events = sn.store
            .list(TABLE.auditEvent, (r) => r[AUDIT_FIELDS.grant] === grant['sys_id'])
            .map((r) => ({
                grant: r[AUDIT_FIELDS.grant]!,
                action: r[AUDIT_FIELDS.action]!,
                sequence: Number(r[AUDIT_FIELDS.sequence]),
                eventType: r[AUDIT_FIELDS.eventType]!,
                actor: r[AUDIT_FIELDS.actor]!,
                occurredAt: new Date(r[AUDIT_FIELDS.occurredAt]!.replace(' ', 'T') + 'Z').toISOString(),
                payload: JSON.parse(r[AUDIT_FIELDS.payload]!) as unknown,
                prevHash: r[AUDIT_FIELDS.prevHash]!,
                hash: r[AUDIT_FIELDS.hash]!,
            }))
        expect(events.map((e) => e.sequence)).toEqual([1, 2])
        expect(verifyChain(events)).toEqual({ ok: true })
        expect(JSON.stringify(events[0]!.payload)).not.toContain('abc')
        expect(JSON.stringify(events[0]!.payload)).toContain('[REDACTED]')
    })

    it("reads the gate facts in one call of the app's executor API: approvals, users with memberships, CIs, incident, change, settings; and the policies", async () => {
        // Setup
        const ritm = sn.store.insert(PLATFORM_TABLE.ritm, { short_description: 'x', requested_for: aliceId })
        const approver = sn.addUser({ userName: 'bob', roles: [ROLE.approver] })
        sn.store.insert(PLATFORM_TABLE.approval, { approver, sysapproval: ritm['sys_id']!, state: 'approved' })
        sn.store.insert(PLATFORM_TABLE.approval, {
            approver,
            sysapproval: sn.store.insert(PLATFORM_TABLE.ritm, {})['sys_id']!,
            state: 'rejected',
        })
        // The app's own approvals point at the grant; one on another grant is not listed.
        const carol = sn.addUser({ userName: 'carol', roles: [ROLE.approver] })
        const grantId = 'f'.repeat(32)
        sn.store.insert(PLATFORM_TABLE.approval, {
            approver: carol,
            source_table: TABLE.grant,
            document_id: grantId,
            state: 'requested',
        })
        sn.store.insert(PLATFORM_TABLE.approval, {
            approver: carol,
            source_table: TABLE.grant,
            document_id: 'e'.repeat(32),
            state: 'approved',
        })
        const group = sn.store.insert(PLATFORM_TABLE.group, { name: 'Service desk' })
        sn.store.insert(PLATFORM_TABLE.groupMember, { user: aliceId, group: group['sys_id']! })
        const ws = sn.store.insert(PLATFORM_TABLE.computer, {
            name: 'WS-1',
            u_device_class: 'workstation',
            used_for: 'Test',
            u_corp_managed: 'true',
        })
        const srv = sn.store.insert('cmdb_ci_server', { name: 'SRV-1', used_for: 'Production' })
        const inc = sn.store.insert(PLATFORM_TABLE.incident, {
            priority: '1',
            caller_id: aliceId,
            assignment_group: group['sys_id']!,
            cmdb_ci: ws['sys_id']!,
        })
        const chg = sn.store.insert(PLATFORM_TABLE.change, {
            start_date: '2025-06-02 08:00:00',
            end_date: '2025-06-02 12:00:00',
        })
        sn.store.insert(TABLE.policy, {
            name: 'Workstations',
            active: 'true',
            order: '100',
            target_kind: 'device_local_admin',
            max_duration: '120',
        })
        seedGrant({
            sys_id: grantId,
            [GRANT_FIELDS.ritm]: ritm['sys_id']!,
            [GRANT_FIELDS.targetCi]: ws['sys_id']!,
            [GRANT_FIELDS.incident]: inc['sys_id']!,
            [GRANT_FIELDS.change]: chg['sys_id']!,
        })
        const serverGrant = seedGrant({ [GRANT_FIELDS.targetCi]: srv['sys_id']! })
        const { gw } = gateway()
        // Execution
        const facts = await gw.gateFacts(grantId)
        const user = facts.users.get(aliceId)
        const computer = facts.computers.get(ws['sys_id']!)
        const server = (await gw.gateFacts(serverGrant['sys_id']!)).computers.get(srv['sys_id']!)
        const incident = facts.incident
        const change = facts.change
        const policies = await gw.listPolicies()
        // Validation: the grant's own approvals are the ones the gate counts; the RITM's are listed apart
        expect(facts.grantApprovals.map((a) => [a.approverSysId, a.state])).toEqual([[carol, 'requested']])
        expect(facts.ritmApprovals.map((a) => [a.approverSysId, a.state])).toEqual([[approver, 'approved']])
        expect(facts.users.has(carol)).toBe(true)
        expect(facts.settings).toEqual({ integrationEnabled: false, defaultMaxDurationMinutes: 0 })
        expect(user).toMatchObject({
            sysId: aliceId,
            userName: 'alice',
            email: 'alice@example.test',
            active: true,
            groupSysIds: [group['sys_id']],
        })
        expect(computer).toMatchObject({
            name: 'WS-1',
            deviceClass: 'workstation',
            production: false,
            corpManaged: true,
        })
        expect(server).toMatchObject({ name: 'SRV-1', deviceClass: 'server', production: true })
        expect(incident).toMatchObject({
            number: inc['number'],
            priority: 1,
            active: true,
            callerId: aliceId,
            assignmentGroupId: group['sys_id'],
            ciSysId: ws['sys_id'],
        })
        expect(change).toMatchObject({
            active: true,
            startMs: Date.parse('2025-06-02T08:00:00Z'),
            endMs: Date.parse('2025-06-02T12:00:00Z'),
        })
        expect(policies).toHaveLength(1)
        expect(policies[0]).toMatchObject({
            name: 'Workstations',
            max_duration: '120',
            target_kind: 'device_local_admin',
        })
    })

    it('asks the app to raise an incident for SecOps (its group property, the integration user as caller), and upserts its heartbeat row', async () => {
        // Setup
        const grant = seedGrant()
        const secops = sn.store.insert(PLATFORM_TABLE.group, { name: 'SecOps' })
        sn.store.insert('sys_properties', { name: PROPERTY.secopsGroup, value: secops['sys_id']! })
        const { gw } = gateway()
        // Execution
        const created = await gw.requestTicketUpdate(
            {
                kind: 'incident',
                grantSysId: grant['sys_id']!,
                incidentKind: 'revoke_failed',
                shortDescription: 'Break-glass revoke failing',
                description: 'Revoke of grant failed 3 times',
                priority: 1,
            },
            'inc:revoke-failed-1',
        )
        await gw.heartbeat('exec-1', 'host-a', '0.1.0', clock.now(), false)
        await clock.advance(5_000)
        await gw.heartbeat('exec-1', 'host-a', '0.1.0', clock.now(), true)
        // Validation
        const incident = sn.store.get(PLATFORM_TABLE.incident, created.sysId)!
        expect(created.number).toMatch(/^INC/)
        const executorUser = sn.store.list(PLATFORM_TABLE.user).find((u) => u['user_name'] === EXEC_USER.userName)!
        expect(incident).toMatchObject({
            impact: '1',
            urgency: '1',
            priority: '1',
            assignment_group: secops['sys_id'],
            caller_id: executorUser['sys_id'],
        })
        expect(incident['description']).toContain(grant['sys_id'])
        const rows = sn.store.list(TABLE.executor)
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({
            [EXECUTOR_FIELDS.name]: 'exec-1',
            [EXECUTOR_FIELDS.host]: 'host-a',
            [EXECUTOR_FIELDS.lastPollAt]: '2025-06-02 09:00:05',
            [EXECUTOR_FIELDS.lastClaimAt]: '2025-06-02 09:00:05',
        })
    })
})

describe('ServiceNow gateway: pure parts', () => {
    it('asserts the executor-writable field set', () => {
        // Execution / validation
        expect(() =>
            assertOnly(TABLE.grant, { state: 'active', plan: '{}' }, EXECUTOR_WRITABLE[TABLE.grant], 'write'),
        ).toThrow(/refusing to write plan on x_gbg_breakglass_grant/)
        expect(() => assertOnly(TABLE.action, { grant: 'x' }, EXECUTOR_WRITABLE[TABLE.action], 'write')).toThrow(
            ServiceNowError,
        )
        expect(() =>
            assertOnly(TABLE.grant, { state: 'active' }, EXECUTOR_WRITABLE[TABLE.grant], 'write'),
        ).not.toThrow()
    })

    it('table: an action row is parsed alone: a malformed one is marked with every reason, a hidden field is fatal', () => {
        // Setup
        const good: Record<string, string> = {
            sys_id: '0123456789abcdef0123456789abcdef',
            sys_created_on: '2025-06-02 09:00:00',
            number: 'BGQ1001',
            grant: 'abcdefabcdefabcdefabcdefabcdefab',
            type: 'grant',
            state: 'ready',
            priority: '3',
            not_before: '',
            attempts: '0',
            max_attempts: '8',
            lease_owner: '',
            lease_until: '',
        }
        expect(parseAction(good)).toMatchObject({ priority: 3, notBefore: null, leaseUntil: null })
        expect(parseAction(good).malformed).toBeUndefined()
        expect(parseAction({ ...good, attempts: '' })).toMatchObject({ attempts: 0 })
        expect(parseAction({ ...good, attempts: '' }).malformed).toBeUndefined()
        // Malformed rows (what one bad import or a tampering admin leaves): parsed, marked, never thrown — one such
        // row must not fail the whole poll. (Was: fatal, which stopped every grant and revoke behind it.)
        const malformed: [string, Record<string, string>, RegExp][] = [
            ['unknown state', { ...good, state: 'paused' }, /state "paused" is not one of/],
            ['empty priority', { ...good, priority: '' }, /priority "" is not a whole number/],
            ['non-integer priority', { ...good, priority: '1,000' }, /priority "1,000" is not a whole number/],
            ['empty max_attempts', { ...good, max_attempts: '' }, /max_attempts "" is not a whole number/],
            ['ISO date', { ...good, lease_until: '2025-06-02T09:00:00Z' }, /lease_until is not a date-time/],
            ['bad grant reference', { ...good, grant: 'GRANT1' }, /no valid grant \("GRANT1" is not a sys_id\)/],
            ['unknown type', { ...good, type: 'elevate' }, /unknown action type "elevate"/],
        ]
        for (const [name, record, reason] of malformed) {
            const parsed = parseAction(record)
            expect(parsed.malformed, name).toMatch(reason)
            expect(parsed.sysId, name).toBe(good['sys_id'])
        }
        expect(parseAction({ ...good, priority: '', max_attempts: '' }).malformed).toMatch(/priority.*; max_attempts/)
        // A field left out of the answer (a read ACL hides it) concerns every row: fatal, naming the field.
        for (const field of ['type', 'priority', 'max_attempts']) {
            const { [field]: _hidden, ...record } = good
            let error: unknown
            try {
                parseAction(record)
            } catch (e) {
                error = e
            }
            expect(error, field).toBeInstanceOf(ServiceNowError)
            expect((error as ServiceNowError).kind, field).toBe('fatal')
            expect((error as Error).message, field).toMatch(new RegExp(`field ${field} is missing`))
        }
    })
})
