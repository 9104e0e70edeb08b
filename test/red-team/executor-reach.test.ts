/**
 * Red team, issue 11 ("the executor needs only its own role"): someone holding the executor integration user's
 * credentials, on the deny-by-default emulator (no legacy platform grants), tries to reach past the app's own
 * tables and its two interfaces for the executor. Each attack is made with the Table API or the REST API directly
 * (not through the executor, whose own checks would stop most of them first), and the app's controls must refuse:
 *
 * - platform tables: nothing is readable or writable (the gate's facts come from the app's executor API);
 * - the ticket-update table: a note only ever lands on the named grant's own RITM, an incident note only on an
 *   incident linked to or raised for that grant; result columns cannot be forged; rows cannot be edited or
 *   deleted; a used key never does a second effect;
 * - the executor API: only the executor role; a malformed grant id is 400 before any query, an unknown one 404.
 *
 * Test code only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXECUTOR_API, GRANT_FIELDS, PLATFORM_TABLE, PROPERTY, TABLE, TICKET_UPDATE_FIELDS as F } from '@gbg/shared'
import { startWorld, type World } from '../e2e/support/world'

let world: World
let execAuth = ''
let requesterAuth = ''
/** An incident of somebody else's, linked to no grant. */
let foreignIncident = ''
/** The RITM of another request (not the seeded grant's). */
let foreignRitm = ''

interface Reply {
    status: number
    body: any
}

async function call(method: string, path: string, auth: string, body?: unknown): Promise<Reply> {
    const res = await fetch(`${world.sn.url}${path}`, {
        method,
        headers: {
            Accept: 'application/json',
            ...(auth ? { Authorization: `Basic ${auth}` } : {}),
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null }
}

const basic = (user: string, password: string): string => Buffer.from(`${user}:${password}`).toString('base64')
const ticketUpdate = (values: Record<string, string>): Promise<Reply> =>
    call('POST', `/api/now/table/${TABLE.ticketUpdate}`, execAuth, values)

beforeAll(async () => {
    world = await startWorld()
    const { base, sn } = world
    execAuth = basic(base.executorUser.userName, base.executorUser.password)
    const requesterPassword = 'requester-pw-red-team'
    sn.addUser({ userName: 'mallory.requester', password: requesterPassword, roles: ['x_gbg_breakglass.requester'] })
    requesterAuth = basic('mallory.requester', requesterPassword)
    foreignIncident = sn.store.insert(PLATFORM_TABLE.incident, { short_description: 'Printer on fire' })['sys_id']!
    foreignRitm = sn.store.insert(PLATFORM_TABLE.ritm, { short_description: 'Another request' })['sys_id']!
})
afterAll(async () => {
    await world?.close()
})

describe('red team (issue 11): the executor reaches only the app', () => {
    it('reads no platform table with its credentials: approvals, users, memberships, CIs, tickets, properties', async () => {
        for (const table of [
            PLATFORM_TABLE.approval,
            PLATFORM_TABLE.user,
            PLATFORM_TABLE.groupMember,
            PLATFORM_TABLE.computer,
            PLATFORM_TABLE.incident,
            PLATFORM_TABLE.change,
            PLATFORM_TABLE.ritm,
            'sys_properties',
        ]) {
            const r = await call('GET', `/api/now/table/${table}?sysparm_limit=50`, execAuth)
            const rows = Array.isArray(r.body?.result) ? (r.body.result as Record<string, unknown>[]) : []
            // Its own sys_user record is the stock baseline; nothing else.
            const others = rows.filter((row) => row['user_name'] !== world.base.executorUser.userName)
            expect(others, `${table}: ${r.status}`).toEqual([])
        }
        // Nor writes a work note on a RITM directly.
        const patch = await call('PATCH', `/api/now/table/${PLATFORM_TABLE.ritm}/${world.base.ritm.sysId}`, execAuth, {
            work_notes: 'forged note',
        })
        expect([403, 404]).toContain(patch.status)
        expect(world.sn.store.journal(PLATFORM_TABLE.ritm, world.base.ritm.sysId)).toEqual([])
    })

    it("cannot put a note on a record that is not its grant's: another incident, a RITM named in the row, no grant", async () => {
        const grant = world.base.grant.sysId
        const before = world.sn.store.list(TABLE.ticketUpdate).length
        const attempts: [string, Record<string, string>][] = [
            [
                'incident note on an incident linked to no grant',
                { grant, kind: 'incident_note', incident: foreignIncident, text: 'x', idempotency_key: 'rt:1' },
            ],
            [
                'a RITM note that names an incident to redirect it',
                { grant, kind: 'ritm_note', incident: foreignIncident, text: 'x', idempotency_key: 'rt:2' },
            ],
            [
                'a grant that does not exist',
                { grant: 'f'.repeat(32), kind: 'ritm_note', text: 'x', idempotency_key: 'rt:3' },
            ],
            ['an unknown kind', { grant, kind: 'comment', text: 'x', idempotency_key: 'rt:4' }],
            ['no idempotency key', { grant, kind: 'ritm_note', text: 'x' }],
        ]
        for (const [what, values] of attempts) {
            const r = await ticketUpdate(values)
            expect(r.status, what).toBe(403)
            expect(JSON.stringify(r.body), what).toMatch(/Ticket update refused|ACL/)
        }
        expect(world.sn.store.list(TABLE.ticketUpdate)).toHaveLength(before)
        expect(world.sn.store.journal(PLATFORM_TABLE.incident, foreignIncident)).toEqual([])
        expect(world.sn.store.journal(PLATFORM_TABLE.ritm, foreignRitm)).toEqual([])
    })

    it("a RITM note lands on the grant's own RITM only; the row cannot be edited, deleted or forged as done", async () => {
        const grant = world.base.grant.sysId
        const ritm = world.sn.store.get(TABLE.grant, grant)![GRANT_FIELDS.ritm]!
        const ok = await ticketUpdate({
            grant,
            kind: 'ritm_note',
            text: 'Granted (red team control)',
            idempotency_key: 'rt:ok',
        })
        expect(ok.status).toBe(201)
        expect(ok.body.result[F.state]).toBe('done')
        expect(ok.body.result[F.resultSysId]).toBe(ritm)
        expect(world.sn.store.journal(PLATFORM_TABLE.ritm, ritm).map((j) => j.value)).toContain(
            'Granted (red team control)',
        )
        expect(world.sn.store.journal(PLATFORM_TABLE.ritm, foreignRitm)).toEqual([])

        const id = ok.body.result['sys_id'] as string
        const edit = await call('PATCH', `/api/now/table/${TABLE.ticketUpdate}/${id}`, execAuth, {
            [F.text]: 'rewritten',
        })
        expect(edit.status).toBe(403)
        const del = await call('DELETE', `/api/now/table/${TABLE.ticketUpdate}/${id}`, execAuth)
        expect(del.status).toBe(403)
        // Result columns are the app's: a row that claims to be done already is refused by the field ACLs.
        const forged = await ticketUpdate({
            grant,
            kind: 'ritm_note',
            text: 'x',
            idempotency_key: 'rt:forged',
            [F.state]: 'done',
            [F.resultSysId]: foreignRitm,
        })
        expect(forged.status).toBe(403)
        expect(world.sn.store.get(TABLE.ticketUpdate, id)![F.text]).toBe('Granted (red team control)')
    })

    it('a used idempotency key never does a second effect (one incident, whatever is replayed)', async () => {
        const grant = world.base.grant.sysId
        const incident = {
            grant,
            kind: 'incident',
            incident_kind: 'revoke_failed',
            priority: '1',
            short_description: 'Revoke failing (red team)',
            text: 'details',
            idempotency_key: 'rt:incident',
        }
        const first = await ticketUpdate(incident)
        expect(first.status).toBe(201)
        const replay = await ticketUpdate(incident)
        expect(replay.status).toBe(403)
        expect(JSON.stringify(replay.body)).toMatch(/duplicate idempotency key/)
        const raised = world.sn.store.list(
            PLATFORM_TABLE.incident,
            (i) => i['short_description'] === 'Revoke failing (red team)',
        )
        expect(raised).toHaveLength(1)
        // Assigned by the app's property, not by anything the executor sent.
        expect(raised[0]!['assignment_group']).toBe(
            world.sn.store.list('sys_properties', (p) => p['name'] === PROPERTY.secopsGroup)[0]!['value'],
        )
        // A note on the incident raised for this grant is accepted; the same note on a foreign one is not.
        const note = await ticketUpdate({
            grant,
            kind: 'incident_note',
            incident: first.body.result[F.resultSysId] as string,
            text: 'still failing',
            idempotency_key: 'rt:incident-note',
        })
        expect(note.status).toBe(201)
    })

    it('the executor API answers only the executor role; bad ids are 400 before any query, unknown grants 404', async () => {
        const facts = (id: string): string =>
            EXECUTOR_API.basePath + EXECUTOR_API.gateFacts.replace('{grant_sys_id}', id)
        const grant = world.base.grant.sysId
        expect((await call('GET', facts(grant), '')).status).toBe(401)
        expect((await call('GET', facts(grant), requesterAuth)).status).toBe(403)
        expect((await call('GET', EXECUTOR_API.basePath + EXECUTOR_API.context, requesterAuth)).status).toBe(403)
        expect((await call('GET', facts('not-a-sys-id'), execAuth)).status).toBe(400)
        expect((await call('GET', facts(encodeURIComponent(`${grant}^ORstate=active`)), execAuth)).status).toBe(400)
        expect((await call('GET', facts('f'.repeat(32)), execAuth)).status).toBe(404)
        expect((await call('POST', facts(grant), execAuth, {})).status).toBe(405)
        const ok = await call('GET', facts(grant), execAuth)
        expect(ok.status).toBe(200)
        expect(ok.body.result.grant).toBe(grant)
    })

    it('approval notices: executor role only, a valid instance name required; a claim row cannot be forged', async () => {
        const notices = EXECUTOR_API.basePath + EXECUTOR_API.approvalNotices
        // another role, no body, a name that is not one (a query or markup in it)
        expect((await call('POST', notices, requesterAuth, { instance: 'mallory' })).status).toBe(403)
        expect((await call('POST', notices, execAuth, {})).status).toBe(400)
        expect((await call('POST', notices, execAuth, { instance: 'x^ORstate=active' })).status).toBe(400)
        expect((await call('POST', notices, execAuth, { instance: '<script>' })).status).toBe(400)
        const ok = await call('POST', notices, execAuth, { instance: 'red-team-exec' })
        expect(ok.status).toBe(200)
        expect(ok.body.result).toEqual({ notices: [] })
        // claim rows: a key that is not a notice's, no executor name, a grant that does not exist
        const grant = world.base.grant.sysId
        const claim = (values: Record<string, string>) =>
            ticketUpdate({ grant, kind: 'teams_notice', text: 'red-team-exec', ...values })
        expect((await claim({ idempotency_key: 'tu:not-a-notice' })).status).toBe(403)
        expect((await claim({ idempotency_key: 'notice:approval:x', text: '' })).status).toBe(403)
        expect((await claim({ idempotency_key: 'notice:approval:y', grant: 'f'.repeat(32) })).status).toBe(403)
        // a genuine claim, then the same key again (another replica): refused
        expect((await claim({ idempotency_key: `notice:escalation:${grant}` })).status).toBe(201)
        expect((await claim({ idempotency_key: `notice:escalation:${grant}`, text: 'other-exec' })).status).toBe(403)
    })
})
