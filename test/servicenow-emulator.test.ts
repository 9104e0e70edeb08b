import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, ROLE, TABLE } from '@gbg/shared'
import { DEFAULT_DIST_DIR } from './support/app-dist'
import { startServiceNowEmulator, type ServiceNowEmulator } from './emulators/servicenow'

// A fake clock: token expiry, rate-limit windows, timestamps and the claim guard all read it.
let clock = new Date('2025-03-10T10:00:00Z')
const now = (): Date => clock
const advance = (seconds: number): void => {
    clock = new Date(clock.getTime() + seconds * 1000)
}

const ADMIN = 'admin:admin-pw'
const EXEC1 = 'exec-1:exec-1-pw'
const EXEC2 = 'exec-2:exec-2-pw'
/** A service desk agent (stock itil): platform-table writes on a stock instance need such a role. */
const AGENT = 'agent:agent-pw'
const REQUESTER = 'alice:alice-pw'
const OTHER_REQUESTER = 'bob:bob-pw'
const NOBODY = 'nobody:nobody-pw'
const GLIDE_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const SYS_ID = /^[0-9a-f]{32}$/

interface Reply {
    status: number
    headers: Headers
    body: any
}

interface CallOptions {
    auth?: string | { bearer: string } | null
    body?: unknown
    headers?: Record<string, string>
}

function makeCall(base: () => string) {
    return async (method: string, path: string, o: CallOptions = {}): Promise<Reply> => {
        const headers: Record<string, string> = { Accept: 'application/json', ...o.headers }
        if (o.auth !== null) {
            const auth = o.auth ?? ADMIN
            headers['Authorization'] =
                typeof auth === 'string' ? `Basic ${Buffer.from(auth).toString('base64')}` : `Bearer ${auth.bearer}`
        }
        let body: string | undefined
        if (o.body !== undefined) {
            body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body)
            headers['Content-Type'] ??= 'application/json'
        }
        const res = await fetch(base() + path, { method, headers, body })
        const text = await res.text()
        let parsed: unknown = text
        try {
            parsed = text === '' ? undefined : JSON.parse(text)
        } catch {
            // not JSON (HTML error page, file download)
        }
        return { status: res.status, headers: res.headers, body: parsed }
    }
}

/** A copy of the built app with two extra ACL facts the real app does not have, to test hidden fields / ws_access. */
function fixtureDist(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sn-emu-dist-'))
    cpSync(DEFAULT_DIST_DIR, dir, { recursive: true })
    const update = join(dir, 'app', 'update')
    // 1. A field read ACL: only admins read grant.plan_digest.
    writeFileSync(
        join(update, 'sys_security_acl_0000000000000000000000000000f00d.xml'),
        `<?xml version="1.0"?><record_update table="sys_security_acl"><sys_security_acl action="INSERT_OR_UPDATE">
<sys_id>0000000000000000000000000000f00d</sys_id><active>true</active><admin_overrides>true</admin_overrides>
<condition/><name>x_gbg_breakglass_grant.plan_digest</name><operation display_value="read">read</operation>
<script/><type>record</type></sys_security_acl></record_update>`,
    )
    writeFileSync(
        join(update, 'sys_security_acl_role_0000000000000000000000000000f00e.xml'),
        `<?xml version="1.0"?><record_update table="sys_security_acl_role"><sys_security_acl_role action="INSERT_OR_UPDATE">
<sys_id>0000000000000000000000000000f00e</sys_id><sys_security_acl>0000000000000000000000000000f00d</sys_security_acl>
<sys_user_role name="x_gbg_breakglass.admin">00000000000000000000000000000001</sys_user_role>
</sys_security_acl_role></record_update>`,
    )
    // 2. The policy table without web service access.
    for (const file of readdirSync(update).filter((f) => f.startsWith('sys_db_object_'))) {
        const xml = readFileSync(join(update, file), 'utf8')
        if (xml.includes('<name>x_gbg_breakglass_policy</name>')) {
            writeFileSync(
                join(update, file),
                xml.replace('<ws_access>true</ws_access>', '<ws_access>false</ws_access>'),
            )
        }
    }
    return dir
}

describe('ServiceNow emulator', () => {
    let emu: ServiceNowEmulator
    let distDir: string
    const call = makeCall(() => emu.url)
    const ids: Record<string, string> = {}

    beforeAll(async () => {
        distDir = fixtureDist()
        emu = await startServiceNowEmulator({
            now,
            distDir,
            users: [
                { userName: 'admin', password: 'admin-pw', roles: ['admin'] },
                { userName: 'exec-1', password: 'exec-1-pw', roles: [ROLE.executor] },
                { userName: 'exec-2', password: 'exec-2-pw', roles: [ROLE.executor] },
                {
                    userName: 'alice',
                    password: 'alice-pw',
                    firstName: 'Alice',
                    lastName: 'Able',
                    roles: [ROLE.requester],
                },
                { userName: 'bob', password: 'bob-pw', roles: [ROLE.requester] },
                { userName: 'nobody', password: 'nobody-pw', roles: [] },
                { userName: 'agent', password: 'agent-pw', roles: ['itil'] },
                { userName: 'gone', password: 'gone-pw', roles: ['admin'], active: false },
            ],
            oauthClients: [
                { clientId: 'cid', clientSecret: 'csecret', clientCredentialsUser: 'exec-1' },
                { clientId: 'nocc', clientSecret: 'nocc-secret' },
            ],
            tokenTtlSeconds: 1799,
        })
        const user = (name: string): string => emu.store.list('sys_user', (u) => u['user_name'] === name)[0]!['sys_id']!
        ids.alice = user('alice')
        ids.bob = user('bob')
    })

    afterAll(async () => {
        await emu?.close()
        rmSync(distDir, { recursive: true, force: true })
    })

    function seedGrant(requestedFor: string, extra: Record<string, string> = {}): Record<string, string> {
        return emu.store.insert(TABLE.grant, {
            [GRANT_FIELDS.requestedFor]: requestedFor,
            [GRANT_FIELDS.targetKind]: 'device_local_admin',
            [GRANT_FIELDS.requestedDuration]: '60',
            [GRANT_FIELDS.justification]: 'patching',
            [GRANT_FIELDS.state]: 'queued',
            [GRANT_FIELDS.plan]: '{"steps":[]}',
            [GRANT_FIELDS.planDigest]: 'abc',
            ...extra,
        })
    }

    describe('Table API shape', () => {
        it('creates with 201, string values, sys fields, auto-number and Location', async () => {
            // Setup / execution
            const res = await call('POST', '/api/now/table/incident', {
                body: { short_description: 'disk full', priority: 2, active: true, bogus_field: 'x' },
            })

            // Validation
            expect(res.status).toBe(201)
            const r = res.body.result
            expect(r.sys_id).toMatch(SYS_ID)
            expect(r.number).toMatch(/^INC\d{7}$/)
            expect(r.priority).toBe('2')
            expect(r.active).toBe('true')
            expect(r.sys_mod_count).toBe('0')
            expect(r.sys_created_on).toBe('2025-03-10 10:00:00')
            expect(r.sys_updated_on).toMatch(GLIDE_DATE_TIME)
            expect(r.sys_created_by).toBe('admin')
            expect(r.sys_class_name).toBe('incident')
            expect(r).not.toHaveProperty('bogus_field')
            for (const value of Object.values(r)) expect(['string', 'object']).toContain(typeof value)
            expect(res.headers.get('location')).toBe(`${emu.url}/api/now/table/incident/${r.sys_id}`)
        })

        it('PATCH and PUT update, increment sys_mod_count and stamp sys_updated_*; DELETE answers 204', async () => {
            // Setup
            const inc = emu.store.insert('incident', { short_description: 'a' })
            advance(60)

            // Execution
            const patched = await call('PATCH', `/api/now/table/incident/${inc['sys_id']}`, {
                body: { short_description: 'b' },
            })
            const put = await call('PUT', `/api/now/table/incident/${inc['sys_id']}`, { body: { description: 'c' } })
            const del = await call('DELETE', `/api/now/table/incident/${inc['sys_id']}`)
            const after = await call('GET', `/api/now/table/incident/${inc['sys_id']}`)

            // Validation
            expect(patched.status).toBe(200)
            expect(patched.body.result.short_description).toBe('b')
            expect(patched.body.result.sys_mod_count).toBe('1')
            expect(patched.body.result.sys_updated_by).toBe('admin')
            expect(patched.body.result.sys_updated_on).toBe('2025-03-10 10:01:00')
            expect(put.status).toBe(200)
            expect(put.body.result.sys_mod_count).toBe('2')
            expect(put.body.result.short_description).toBe('b')
            expect(del.status).toBe(204)
            expect(del.body).toBeUndefined()
            expect(after.status).toBe(404)
            expect(after.body).toEqual({
                error: {
                    message: 'No Record found',
                    detail: "Record doesn't exist or ACL restricts the record retrieval",
                },
                status: 'failure',
            })
        })

        it('renders references as {link, value}, with display values and without links on request', async () => {
            // Setup
            const inc = emu.store.insert('incident', { caller_id: ids.alice!, short_description: 'x' })
            const path = `/api/now/table/incident/${inc['sys_id']}?sysparm_fields=caller_id,priority,assigned_to`

            // Execution
            const plain = await call('GET', path)
            const display = await call('GET', `${path}&sysparm_display_value=true`)
            const all = await call('GET', `${path}&sysparm_display_value=all`)
            const noLink = await call('GET', `${path}&sysparm_exclude_reference_link=true`)

            // Validation
            const link = `${emu.url}/api/now/table/sys_user/${ids.alice}`
            expect(plain.body.result).toEqual({ caller_id: { link, value: ids.alice }, priority: '5', assigned_to: '' })
            expect(display.body.result).toEqual({
                caller_id: { display_value: 'Alice Able', link },
                priority: '5 - Planning',
                assigned_to: '',
            })
            expect(all.body.result.caller_id).toEqual({ display_value: 'Alice Able', link, value: ids.alice })
            expect(all.body.result.priority).toEqual({ display_value: '5 - Planning', value: '5' })
            expect(noLink.body.result.caller_id).toBe(ids.alice)
        })

        it('pages with Link (keeping the other parameters) and X-Total-Count; sysparm_no_count drops the count', async () => {
            // Setup
            for (let i = 0; i < 5; i++)
                emu.store.insert('cmdb_ci_computer', { name: `pager-${i}`, u_device_class: 'workstation' })
            const q =
                '/api/now/table/cmdb_ci_computer?sysparm_query=nameSTARTSWITHpager-^ORDERBYname&sysparm_fields=name'

            // Execution
            const page = await call('GET', `${q}&sysparm_limit=2&sysparm_offset=2`)
            const noCount = await call('GET', `${q}&sysparm_limit=2&sysparm_no_count=true`)

            // Validation
            expect(page.status).toBe(200)
            expect(page.body.result).toEqual([{ name: 'pager-2' }, { name: 'pager-3' }])
            expect(page.headers.get('x-total-count')).toBe('5')
            const links = Object.fromEntries(
                page.headers
                    .get('link')!
                    .split(',')
                    .map((l) => {
                        const m = /^<([^>]+)>;rel="(\w+)"$/.exec(l)!
                        return [m[2], new URL(m[1]!)]
                    }),
            )
            expect(Object.keys(links).sort()).toEqual(['first', 'last', 'next', 'prev'])
            expect(links.next.searchParams.get('sysparm_offset')).toBe('4')
            expect(links.prev.searchParams.get('sysparm_offset')).toBe('0')
            expect(links.last.searchParams.get('sysparm_offset')).toBe('4')
            expect(links.next.searchParams.get('sysparm_fields')).toBe('name')
            expect(links.next.searchParams.get('sysparm_query')).toBe('nameSTARTSWITHpager-^ORDERBYname')
            expect(links.next.pathname).toBe('/api/now/table/cmdb_ci_computer')
            expect(noCount.headers.get('x-total-count')).toBeNull()
            expect(noCount.body.result).toHaveLength(2)
        })

        it('answers an empty list with 200 [] on latest and v2, 404 on v1', async () => {
            // Setup
            const q = 'sysparm_query=short_description=no-such-thing'

            // Execution
            const latest = await call('GET', `/api/now/table/incident?${q}`)
            const v2 = await call('GET', `/api/now/v2/table/incident?${q}`)
            const v1 = await call('GET', `/api/now/v1/table/incident?${q}`)

            // Validation
            expect(latest.status).toBe(200)
            expect(latest.body).toEqual({ result: [] })
            expect(v2.status).toBe(200)
            expect(v1.status).toBe(404)
            expect(v1.body.status).toBe('failure')
        })

        it('rejects an unknown table with 400 and a table without web service access with 403', async () => {
            // Setup / execution
            const unknown = await call('GET', '/api/now/table/u_nope')
            const noWs = await call('GET', `/api/now/table/${TABLE.policy}`)

            // Validation
            expect(unknown.status).toBe(400)
            expect(unknown.body).toEqual({
                error: { message: 'Invalid table u_nope', detail: null },
                status: 'failure',
            })
            expect(noWs.status).toBe(403)
        })

        it('requires JSON Content-Type (415) and a JSON Accept (406); X-no-response-body suppresses the body', async () => {
            // Setup
            const inc = emu.store.insert('incident', { short_description: 'ct' })
            const path = `/api/now/table/incident/${inc['sys_id']}`

            // Execution
            const wrongType = await call('PATCH', path, {
                body: 'short_description=x',
                headers: { 'Content-Type': 'text/plain' },
            })
            const wrongAccept = await call('GET', path, { headers: { Accept: 'text/html' } })
            const badJson = await call('PATCH', path, { body: '{"short_description":' })
            const silent = await call('PATCH', path, {
                body: { short_description: 'y' },
                headers: { 'X-no-response-body': 'true' },
            })

            // Validation
            expect(wrongType.status).toBe(415)
            expect(wrongAccept.status).toBe(406)
            expect(badJson.status).toBe(400)
            expect(silent.status).toBe(200)
            expect(silent.body).toBeUndefined()
            expect(emu.store.get('incident', inc['sys_id']!)!['short_description']).toBe('y')
        })

        it('filters with encoded queries and plain field parameters, sorts by several fields', async () => {
            // Setup
            const mk = (name: string, install: string, cls: string): void =>
                void emu.store.insert('cmdb_ci_computer', {
                    name,
                    install_status: install,
                    u_device_class: cls,
                    used_for: 'Production',
                })
            mk('q-srv-b', '1', 'server')
            mk('q-srv-a', '1', 'server')
            mk('q-ws-a', '7', 'workstation')
            const base = '/api/now/table/cmdb_ci_computer?sysparm_fields=name'

            // Execution
            const servers = await call(
                'GET',
                `${base}&sysparm_query=nameSTARTSWITHq-^u_device_class=server^ORDERBYname`,
            )
            const inOp = await call('GET', `${base}&sysparm_query=nameINq-ws-a,q-srv-b^ORDERBYDESCname`)
            const dropped = await call('GET', `${base}&sysparm_query=nameSTARTSWITHq-^no_such_field=1^ORDERBYname`)
            const plain = await call('GET', `${base}&u_device_class=workstation&sysparm_query=nameSTARTSWITHq-`)
            const multi = await call(
                'GET',
                `${base}&sysparm_query=nameSTARTSWITHq-^ORDERBYDESCu_device_class^ORDERBYname`,
            )

            // Validation
            expect(servers.body.result.map((r: any) => r.name)).toEqual(['q-srv-a', 'q-srv-b'])
            expect(inOp.body.result.map((r: any) => r.name)).toEqual(['q-ws-a', 'q-srv-b'])
            expect(dropped.body.result).toHaveLength(3)
            expect(plain.body.result).toEqual([{ name: 'q-ws-a' }])
            expect(multi.body.result.map((r: any) => r.name)).toEqual(['q-ws-a', 'q-srv-a', 'q-srv-b'])
        })

        it('compares date-times and integers in queries', async () => {
            // Setup
            const grant = seedGrant(ids.alice!)
            const mk = (nb: string, priority: string): string =>
                emu.store.insert(TABLE.action, {
                    [ACTION_FIELDS.grant]: grant['sys_id']!,
                    [ACTION_FIELDS.type]: 'grant',
                    [ACTION_FIELDS.notBefore]: nb,
                    [ACTION_FIELDS.priority]: priority,
                    [ACTION_FIELDS.reason]: 'dt-test',
                })[ACTION_FIELDS.number]!
            const early = mk('2025-03-10 09:00:00', '10')
            const late = mk('2025-03-10 11:00:00', '2')
            const none = mk('', '3')
            const base = `/api/now/table/${TABLE.action}?sysparm_fields=number&sysparm_query=reason=dt-test`

            // Execution
            const due = await call('GET', `${base}^not_before<=2025-03-10 10:00:00^ORnot_beforeISEMPTY^ORDERBYpriority`)
            const prio = await call('GET', `${base}^priority>2^ORDERBYDESCpriority`)

            // Validation
            expect(due.body.result.map((r: any) => r.number)).toEqual([none, early])
            expect(prio.body.result.map((r: any) => r.number)).toEqual([early, none])
            expect(late).toMatch(/^BGQ\d{7}$/)
        })

        it('dot-walks in sysparm_fields and in queries', async () => {
            // Setup
            const grant = seedGrant(ids.alice!, { [GRANT_FIELDS.state]: 'granting' })
            emu.store.insert(TABLE.action, {
                [ACTION_FIELDS.grant]: grant['sys_id']!,
                [ACTION_FIELDS.type]: 'revoke',
                [ACTION_FIELDS.reason]: 'dot-walk',
            })

            // Execution
            const res = await call(
                'GET',
                `/api/now/table/${TABLE.action}?sysparm_query=reason=dot-walk^grant.state=granting&sysparm_fields=type,grant.state,grant.requested_for.user_name`,
            )

            // Validation
            expect(res.body.result).toEqual([
                { type: 'revoke', 'grant.state': 'granting', 'grant.requested_for.user_name': 'alice' },
            ])
        })

        it('ignores unknown fields and unstorable values, refuses wrong methods and unsupported query operators', async () => {
            // Setup
            const grant = seedGrant(ids.alice!)
            const action = emu.store.insert(TABLE.action, {
                [ACTION_FIELDS.grant]: grant['sys_id']!,
                [ACTION_FIELDS.type]: 'grant',
            })
            const path = `/api/now/table/${TABLE.action}/${action['sys_id']}`

            // Execution
            const patched = await call('PATCH', path, {
                body: {
                    no_such_field: 'x',
                    [ACTION_FIELDS.notBefore]: '2025-03-10T10:00:00Z',
                    [ACTION_FIELDS.lastError]: 'e',
                },
            })
            const postOnRecord = await call('POST', path, { body: {} })
            const deleteList = await call('DELETE', `/api/now/table/${TABLE.action}`)
            const unsupported = await call(
                'GET',
                `/api/now/table/${TABLE.action}?sysparm_query=sys_created_onRELATIVEGT@hour@ago@1`,
            )
            const negativeOffset = await call('GET', `/api/now/table/${TABLE.action}?sysparm_offset=-5&sysparm_limit=1`)
            const execDelete = await call('DELETE', path, { auth: EXEC1 })

            // Validation
            expect(patched.status).toBe(200)
            expect(patched.body.result).not.toHaveProperty('no_such_field')
            expect(patched.body.result[ACTION_FIELDS.notBefore]).toBe('')
            expect(patched.body.result[ACTION_FIELDS.lastError]).toBe('e')
            expect(postOnRecord.status).toBe(405)
            expect(deleteList.status).toBe(405)
            expect(unsupported.status).toBe(400)
            expect(negativeOffset.status).toBe(200)
            expect(
                new URL(/<([^>]+)>;rel="first"/.exec(negativeOffset.headers.get('link')!)![1]!).searchParams.get(
                    'sysparm_offset',
                ),
            ).toBe('0')
            expect(execDelete.status).toBe(403)
            expect(execDelete.body.error.detail).toBe('ACL Exception Delete Failed due to security constraints')
        })

        it('sees child-table records through the parent table (task shows incidents)', async () => {
            // Setup
            const inc = emu.store.insert('incident', { short_description: 'hier' })

            // Execution
            const res = await call(
                'GET',
                `/api/now/table/task/${inc['sys_id']}?sysparm_fields=number,sys_class_name,caller_id`,
            )

            // Validation
            expect(res.status).toBe(200)
            expect(res.body.result).toEqual({ number: inc['number'], sys_class_name: 'incident' })
        })
    })

    describe('schema and journal', () => {
        it('takes app tables and fields from the built app, with the auto-number prefix', () => {
            // Setup / execution
            const action = emu.store.insert(TABLE.action, {
                [ACTION_FIELDS.grant]: seedGrant(ids.alice!)['sys_id']!,
                [ACTION_FIELDS.type]: 'grant',
            })

            // Validation: defaults from the dictionary, number BGQ + 7 digits
            expect(action[ACTION_FIELDS.state]).toBe('ready')
            expect(action[ACTION_FIELDS.attempts]).toBe('0')
            expect(action[ACTION_FIELDS.number]).toMatch(/^BGQ\d{7}$/)
            expect(() => emu.store.insert(TABLE.action, { no_such_field: 'x' })).toThrow(/Unknown field/)
            expect(() => emu.store.insert('u_no_table', {})).toThrow(/Unknown table/)
            expect(() => emu.store.insert(TABLE.action, { [ACTION_FIELDS.notBefore]: '2025-03-10T10:00:00Z' })).toThrow(
                /Invalid value/,
            )
        })

        it("gives a new RITM the platform's column defaults: Stage waiting_for_approval (request-lifecycle.md)", () => {
            // Execution
            const ritm = emu.store.insert('sc_req_item', { short_description: 'defaults' })

            // Validation
            expect(ritm['stage']).toBe('waiting_for_approval')
            expect(ritm['quantity']).toBe('1')
        })

        it('turns work_notes / comments writes into journal entries and answers "" for them', async () => {
            // Setup
            const inc = emu.store.insert('incident', { short_description: 'journal' })

            // Execution
            const res = await call('PATCH', `/api/now/table/incident/${inc['sys_id']}`, {
                auth: AGENT,
                body: { work_notes: 'access granted until 11:00' },
            })
            const read = await call('GET', `/api/now/table/incident/${inc['sys_id']}?sysparm_fields=work_notes`)

            // Validation
            expect(res.status).toBe(200)
            expect(read.body.result).toEqual({ work_notes: '' })
            expect(emu.store.journal('incident', inc['sys_id']!)).toEqual([
                {
                    element: 'work_notes',
                    value: 'access granted until 11:00',
                    createdOn: expect.stringMatching(GLIDE_DATE_TIME),
                    createdBy: 'agent',
                },
            ])
        })
    })

    describe('ACLs', () => {
        it('refuses a field the executor may not write (grant.plan) with the ACL 403, and applies nothing', async () => {
            // Setup
            const grant = seedGrant(ids.alice!)
            const path = `/api/now/table/${TABLE.grant}/${grant['sys_id']}`

            // Execution
            const plan = await call('PATCH', path, {
                auth: EXEC1,
                body: { [GRANT_FIELDS.state]: 'granting', [GRANT_FIELDS.plan]: '{}' },
            })
            const state = await call('PATCH', path, { auth: EXEC1, body: { [GRANT_FIELDS.state]: 'granting' } })

            // Validation
            expect(plan.status).toBe(403)
            expect(plan.body).toEqual({
                error: {
                    message: 'Operation Failed',
                    detail: 'ACL Exception Update Failed due to security constraints',
                },
                status: 'failure',
            })
            expect(state.status).toBe(200)
            const stored = emu.store.get(TABLE.grant, grant['sys_id']!)!
            expect(stored[GRANT_FIELDS.plan]).toBe('{"steps":[]}')
            expect(stored[GRANT_FIELDS.state]).toBe('granting')
        })

        it('refuses table operations without a passing ACL (executor creating a grant, anyone editing the audit log)', async () => {
            // Setup
            const event = emu.store.insert(TABLE.auditEvent, {
                sequence: '1',
                event_type: 'x',
                actor: 'a',
                occurred_at: '2025-03-10 10:00:00',
                hash: 'h',
            })

            // Execution
            const create = await call('POST', `/api/now/table/${TABLE.grant}`, {
                auth: EXEC1,
                body: { justification: 'x' },
            })
            const adminEdit = await call('PATCH', `/api/now/table/${TABLE.auditEvent}/${event['sys_id']}`, {
                body: { actor: 'b' },
            })
            const nobodyRead = await call('GET', `/api/now/table/${TABLE.auditEvent}/${event['sys_id']}`, {
                auth: NOBODY,
            })

            // Validation
            expect(create.status).toBe(403)
            expect(create.body.error.detail).toBe('ACL Exception Insert Failed due to security constraints')
            expect(adminEdit.status).toBe(403)
            expect(nobodyRead.status).toBe(404)
        })

        it('leaves out fields the caller cannot read', async () => {
            // Setup
            const grant = seedGrant(ids.alice!)

            // Execution
            const asExec = await call('GET', `/api/now/table/${TABLE.grant}/${grant['sys_id']}`, { auth: EXEC1 })
            const asAdmin = await call('GET', `/api/now/table/${TABLE.grant}/${grant['sys_id']}`)

            // Validation
            expect(asExec.body.result).not.toHaveProperty(GRANT_FIELDS.planDigest)
            expect(asExec.body.result[GRANT_FIELDS.plan]).toBe('{"steps":[]}')
            expect(asAdmin.body.result[GRANT_FIELDS.planDigest]).toBe('abc')
        })

        it('hides records a row ACL denies: 404 on GET, dropped after the limit (short pages) in lists', async () => {
            // Setup: a requester reads only grants requested for them (ACL condition gs.getUserID())
            const tag = 'row-acl'
            const mine1 = seedGrant(ids.alice!, { [GRANT_FIELDS.justification]: tag })
            const theirs = seedGrant(ids.bob!, { [GRANT_FIELDS.justification]: tag })
            const mine2 = seedGrant(ids.alice!, { [GRANT_FIELDS.justification]: tag })
            const q = `/api/now/table/${TABLE.grant}?sysparm_query=justification=${tag}&sysparm_fields=sys_id&sysparm_limit=2`

            // Execution
            const page1 = await call('GET', q, { auth: REQUESTER })
            const page2 = await call('GET', `${q}&sysparm_offset=2`, { auth: REQUESTER })
            const hidden = await call('GET', `/api/now/table/${TABLE.grant}/${theirs['sys_id']}`, { auth: REQUESTER })
            const own = await call('GET', `/api/now/table/${TABLE.grant}/${theirs['sys_id']}`, {
                auth: OTHER_REQUESTER,
            })

            // Validation
            expect(page1.body.result).toEqual([{ sys_id: mine1['sys_id'] }])
            expect(page1.headers.get('x-total-count')).toBe('3')
            expect(page1.headers.get('link')).toContain('rel="next"')
            expect(page2.body.result).toEqual([{ sys_id: mine2['sys_id'] }])
            expect(hidden.status).toBe(404)
            expect(own.status).toBe(200)
        })

        it('applies the platform permission table: itil reads users, writes work notes, creates incidents; the executor role gets none of it', async () => {
            // Setup
            const ritm = emu.store.insert('sc_req_item', { short_description: 'ritm' })

            // Execution
            const asAgent = {
                users: await call('GET', '/api/now/table/sys_user?sysparm_limit=1', { auth: AGENT }),
                note: await call('PATCH', `/api/now/table/sc_req_item/${ritm['sys_id']}`, {
                    auth: AGENT,
                    body: { work_notes: 'n' },
                }),
                inc: await call('POST', '/api/now/table/incident', {
                    auth: AGENT,
                    body: { short_description: 'revoke failed', priority: '1' },
                }),
                roles: await call('GET', '/api/now/table/sys_user_has_role', { auth: AGENT }),
            }
            const asExecutor = {
                users: await call('GET', '/api/now/table/sys_user?sysparm_fields=user_name', { auth: EXEC1 }),
                note: await call('PATCH', `/api/now/table/sc_req_item/${ritm['sys_id']}`, {
                    auth: EXEC1,
                    body: { work_notes: 'n' },
                }),
                inc: await call('POST', '/api/now/table/incident', {
                    auth: EXEC1,
                    body: { short_description: 'revoke failed', priority: '1' },
                }),
            }

            // Validation
            expect(asAgent.users.body.result).toHaveLength(1)
            expect(asAgent.note.status).toBe(200)
            expect(asAgent.inc.status).toBe(201)
            expect(asAgent.inc.body.result.number).toMatch(/^INC/)
            expect(asAgent.roles.body.result).toEqual([])
            // The executor's role (issue 11): only its own user record (the authenticated baseline), nothing else.
            expect(asExecutor.users.body.result).toEqual([{ user_name: 'exec-1' }])
            expect(asExecutor.note.status).toBe(404)
            expect(asExecutor.inc.status).toBe(403)
            expect(emu.store.journal('sc_req_item', ritm['sys_id']!)).toHaveLength(1)
        })
    })

    describe('claim guard on the action table', () => {
        it('lets one executor claim, refuses a second claimer and writes by a non-holder, allows takeover after expiry', async () => {
            // Setup
            const action = emu.store.insert(TABLE.action, {
                [ACTION_FIELDS.grant]: seedGrant(ids.alice!)['sys_id']!,
                [ACTION_FIELDS.type]: 'grant',
            })
            const path = `/api/now/table/${TABLE.action}/${action['sys_id']}`
            const leaseUntil = (seconds: number): string =>
                new Date(clock.getTime() + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')
            const claim = (auth: string, owner: string): Promise<Reply> =>
                call('PATCH', path, {
                    auth,
                    body: { state: 'claimed', lease_owner: owner, lease_until: leaseUntil(300), attempts: '1' },
                })

            // Execution
            const first = await claim(EXEC1, 'exec-1')
            const second = await claim(EXEC2, 'exec-2')
            const anonymous = await call('PATCH', path, { auth: EXEC1, body: { state: 'done' } })
            const renew = await call('PATCH', path, {
                auth: EXEC1,
                body: { lease_owner: 'exec-1', lease_until: leaseUntil(600) },
            })
            advance(601)
            const takeover = await claim(EXEC2, 'exec-2')
            const late = await call('PATCH', path, { auth: EXEC1, body: { state: 'done', lease_owner: 'exec-1' } })

            // Validation
            expect(first.status).toBe(200)
            expect(second.status).toBe(403)
            expect(second.body.error.message).toBe('Operation Failed')
            expect(second.body.error.detail).toMatch(/^Claim refused: action is leased by exec-1/)
            expect(anonymous.status).toBe(403)
            expect(anonymous.body.error.detail).toMatch(/^Write refused/)
            expect(renew.status).toBe(200)
            expect(takeover.status).toBe(200)
            expect(late.status).toBe(403)
            const stored = emu.store.get(TABLE.action, action['sys_id']!)!
            expect(stored[ACTION_FIELDS.leaseOwner]).toBe('exec-2')
            expect(stored[ACTION_FIELDS.state]).toBe('claimed')
        })

        it('lets any executor release an expired lease and never re-claims a finished action', async () => {
            // Setup
            const expired = emu.store.insert(TABLE.action, {
                [ACTION_FIELDS.grant]: seedGrant(ids.alice!)['sys_id']!,
                [ACTION_FIELDS.type]: 'revoke',
                [ACTION_FIELDS.state]: 'claimed',
                [ACTION_FIELDS.leaseOwner]: 'exec-1',
                [ACTION_FIELDS.leaseUntil]: '2000-01-01 00:00:00',
            })
            const done = emu.store.insert(TABLE.action, {
                [ACTION_FIELDS.grant]: seedGrant(ids.alice!)['sys_id']!,
                [ACTION_FIELDS.type]: 'grant',
                [ACTION_FIELDS.state]: 'done',
            })

            // Execution
            const release = await call('PATCH', `/api/now/table/${TABLE.action}/${expired['sys_id']}`, {
                auth: EXEC2,
                body: { state: 'ready', lease_owner: '', lease_until: '' },
            })
            const reclaim = await call('PATCH', `/api/now/table/${TABLE.action}/${done['sys_id']}`, {
                auth: EXEC2,
                body: { state: 'claimed', lease_owner: 'exec-2', lease_until: '2099-01-01 00:00:00' },
            })
            const adminWrite = await call('PATCH', `/api/now/table/${TABLE.action}/${done['sys_id']}`, {
                body: { state: 'ready' },
            })

            // Validation
            expect(release.status).toBe(200)
            expect(release.body.result.lease_owner).toBe('')
            expect(reclaim.status).toBe(403)
            expect(reclaim.body.error.detail).toMatch(/already done/)
            expect(adminWrite.status).toBe(200)
        })
    })

    describe('auth', () => {
        it('answers 401 with the envelope for no, wrong or inactive credentials', async () => {
            // Setup / execution
            const none = await call('GET', '/api/now/table/incident', { auth: null })
            const wrong = await call('GET', '/api/now/table/incident', { auth: 'admin:nope' })
            const inactive = await call('GET', '/api/now/table/incident', { auth: 'gone:gone-pw' })

            // Validation
            for (const r of [none, wrong, inactive]) {
                expect(r.status).toBe(401)
                expect(r.body).toEqual({
                    error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
                    status: 'failure',
                })
            }
        })

        it('issues OAuth tokens (password grant) that expire on the clock and can be refreshed', async () => {
            // Setup
            const token = async (form: Record<string, string>): Promise<Reply> => {
                const res = await fetch(`${emu.url}/oauth_token.do`, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                    body: new URLSearchParams(form).toString(),
                })
                return { status: res.status, headers: res.headers, body: await res.json() }
            }

            // Execution
            const issued = await token({
                grant_type: 'password',
                client_id: 'cid',
                client_secret: 'csecret',
                username: 'exec-1',
                password: 'exec-1-pw',
            })
            const ok = await call('GET', '/api/now/table/sys_user?sysparm_limit=1', {
                auth: { bearer: issued.body.access_token },
            })
            advance(1800)
            const expired = await call('GET', '/api/now/table/sys_user?sysparm_limit=1', {
                auth: { bearer: issued.body.access_token },
            })
            const refreshed = await token({
                grant_type: 'refresh_token',
                client_id: 'cid',
                client_secret: 'csecret',
                refresh_token: issued.body.refresh_token,
            })
            const again = await call('GET', '/api/now/table/sys_user?sysparm_limit=1', {
                auth: { bearer: refreshed.body.access_token },
            })
            const badSecret = await token({
                grant_type: 'password',
                client_id: 'cid',
                client_secret: 'x',
                username: 'exec-1',
                password: 'exec-1-pw',
            })
            const badUser = await token({
                grant_type: 'password',
                client_id: 'cid',
                client_secret: 'csecret',
                username: 'exec-1',
                password: 'x',
            })

            // Validation
            expect(issued.status).toBe(200)
            expect(issued.body).toEqual({
                access_token: expect.any(String),
                refresh_token: expect.any(String),
                scope: 'useraccount',
                token_type: 'Bearer',
                expires_in: 1799,
            })
            expect(ok.status).toBe(200)
            expect(expired.status).toBe(401)
            expect(expired.body.error.message).toBe('User Not Authenticated')
            expect(refreshed.status).toBe(200)
            expect(again.status).toBe(200)
            expect(badSecret.status).toBe(401)
            expect(badUser.status).toBe(401)
        })

        it('expireTokens() expires the access tokens issued so far at once (however often asked), not the refresh tokens', async () => {
            // Setup
            const token = async (form: Record<string, string>): Promise<Reply> => {
                const res = await fetch(`${emu.url}/oauth_token.do`, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                    body: new URLSearchParams(form).toString(),
                })
                return { status: res.status, headers: res.headers, body: await res.json() }
            }
            const issued = await token({
                grant_type: 'password',
                client_id: 'cid',
                client_secret: 'csecret',
                username: 'exec-1',
                password: 'exec-1-pw',
            })

            // Execution: two early expiries before any call
            emu.expireTokens()
            emu.expireTokens()
            const expired = await call('GET', '/api/now/table/sys_user?sysparm_limit=1', {
                auth: { bearer: issued.body.access_token },
            })
            const refreshed = await token({
                grant_type: 'refresh_token',
                client_id: 'cid',
                client_secret: 'csecret',
                refresh_token: issued.body.refresh_token,
            })
            const again = await call('GET', '/api/now/table/sys_user?sysparm_limit=1', {
                auth: { bearer: refreshed.body.access_token },
            })

            // Validation
            expect(expired.status).toBe(401)
            expect(refreshed.status).toBe(200)
            expect(again.status).toBe(200)
        })

        it('client_credentials acts as the configured user, and is refused for a client without one', async () => {
            // Setup
            const form = (id: string, secret: string): RequestInit => ({
                method: 'POST',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({
                    grant_type: 'client_credentials',
                    client_id: id,
                    client_secret: secret,
                }).toString(),
            })

            // Execution
            const res = await fetch(`${emu.url}/oauth_token.do`, form('cid', 'csecret'))
            const body = await res.json()
            const used = await call('GET', '/api/now/table/sys_user?sysparm_limit=1', {
                auth: { bearer: body.access_token },
            })
            const seen = emu.requests.at(-1)
            const refused = await fetch(`${emu.url}/oauth_token.do`, form('nocc', 'nocc-secret'))

            // Validation
            expect(res.status).toBe(200)
            expect(body.token_type).toBe('Bearer')
            expect(used.status).toBe(200)
            expect(seen).toEqual({
                method: 'GET',
                path: '/api/now/table/sys_user',
                query: 'sysparm_limit=1',
                status: 200,
                user: 'exec-1',
            })
            expect(refused.status).toBe(401)
        })
    })

    describe('Attachment API', () => {
        it('uploads a raw body (201, all-string result, Location), lists by table_sys_id and downloads', async () => {
            // Setup
            const inc = emu.store.insert('incident', { short_description: 'attach' })
            const qs = `table_name=incident&table_sys_id=${inc['sys_id']}&file_name=receipt.json`
            const upload = (query: string, headers: Record<string, string>): Promise<Response> =>
                fetch(`${emu.url}/api/now/attachment/file?${query}`, {
                    method: 'POST',
                    headers: {
                        Authorization: `Basic ${Buffer.from(AGENT).toString('base64')}`,
                        Accept: 'application/json',
                        ...headers,
                    },
                    body: '{"granted":true}',
                })

            // Execution
            const res = await upload(qs, { 'Content-Type': 'application/json' })
            const body = await res.json()
            const missing = await upload(`table_name=incident&file_name=x.txt`, { 'Content-Type': 'text/plain' })
            const noRecord = await upload(`table_name=incident&table_sys_id=${'0'.repeat(32)}&file_name=x.txt`, {
                'Content-Type': 'text/plain',
            })
            const list = await call('GET', `/api/now/attachment?sysparm_query=table_sys_id=${inc['sys_id']}`, {
                auth: AGENT,
            })
            const file = await fetch(body.result.download_link, {
                headers: { Authorization: `Basic ${Buffer.from(AGENT).toString('base64')}` },
            })

            // Validation
            expect(res.status).toBe(201)
            const r = body.result
            expect(Object.keys(r).sort()).toEqual(
                [
                    'average_image_color',
                    'compressed',
                    'content_type',
                    'created_by_name',
                    'download_link',
                    'file_name',
                    'image_height',
                    'image_width',
                    'size_bytes',
                    'size_compressed',
                    'sys_created_by',
                    'sys_created_on',
                    'sys_id',
                    'sys_mod_count',
                    'sys_tags',
                    'sys_updated_by',
                    'sys_updated_on',
                    'table_name',
                    'table_sys_id',
                    'updated_by_name',
                ].sort(),
            )
            for (const v of Object.values(r)) expect(typeof v).toBe('string')
            expect(r.size_bytes).toBe('16')
            expect(r.table_sys_id).toBe(inc['sys_id'])
            expect(res.headers.get('location')).toBe(`${emu.url}/api/now/attachment/${r.sys_id}`)
            expect(missing.status).toBe(400)
            expect(noRecord.status).toBe(404)
            expect(list.body.result.map((a: any) => a.file_name)).toEqual(['receipt.json'])
            expect(await file.text()).toBe('{"granted":true}')
            expect(emu.store.attachments('incident', inc['sys_id']!)[0]!.content.toString()).toBe('{"granted":true}')
        })
    })

    describe('faults and hooks', () => {
        it('injects 5xx once, then answers normally', async () => {
            // Setup
            emu.faults.add({ method: 'GET', path: /\/api\/now\/table\/sys_user_group/, status: 503, times: 1 })

            // Execution
            const failed = await call('GET', '/api/now/table/sys_user_group')
            const ok = await call('GET', '/api/now/table/sys_user_group')

            // Validation
            expect(failed.status).toBe(503)
            expect(ok.status).toBe(200)
        })

        it('answers a 500 fault with the JSON envelope and a 502 fault with an HTML page', async () => {
            // Setup
            emu.faults.add({ path: /sys_user_group/, status: 500, times: 1 })
            emu.faults.add({ path: /sys_user_group/, status: 502, times: 1 })

            // Execution
            const e500 = await call('GET', '/api/now/table/sys_user_group')
            const e502 = await call('GET', '/api/now/table/sys_user_group')

            // Validation
            expect(e500.status).toBe(500)
            expect(e500.body.status).toBe('failure')
            expect(e502.status).toBe(502)
            expect(e502.headers.get('content-type')).toMatch(/text\/html/)
        })

        it('injects 429 with Retry-After and X-RateLimit-* headers', async () => {
            // Setup
            emu.faults.add({ path: /sys_user_group/, status: 429, retryAfterSeconds: 7, times: 1 })

            // Execution
            const res = await call('GET', '/api/now/table/sys_user_group')

            // Validation
            expect(res.status).toBe(429)
            expect(res.headers.get('retry-after')).toBe('7')
            expect(res.headers.get('x-ratelimit-reset')).toBe(String(Math.floor(clock.getTime() / 1000) + 7))
            expect(res.headers.get('x-ratelimit-rule')).toMatch(SYS_ID)
            expect(res.body.error.message).toBe('Rate limit exceeded')
        })

        it('adds latency', async () => {
            // Setup
            emu.faults.add({ path: /sys_user_group/, latencyMs: 150, times: 1 })
            const started = performance.now()

            // Execution
            const res = await call('GET', '/api/now/table/sys_user_group')

            // Validation
            expect(res.status).toBe(200)
            expect(performance.now() - started).toBeGreaterThanOrEqual(140)
        })

        it('drops the connection after applying a write (dropAfterWrite)', async () => {
            // Setup
            const inc = emu.store.insert('incident', { short_description: 'before' })
            emu.faults.add({ method: 'PATCH', path: /\/incident\//, dropAfterWrite: true, times: 1 })

            // Execution
            const attempt = call('PATCH', `/api/now/table/incident/${inc['sys_id']}`, {
                body: { short_description: 'after' },
            })

            // Validation
            await expect(attempt).rejects.toThrow()
            expect(emu.store.get('incident', inc['sys_id']!)!['short_description']).toBe('after')
            expect(emu.requests.at(-1)).toMatchObject({ method: 'PATCH', status: 200, user: 'admin' })
        })

        it('expires a token on demand (expireToken)', async () => {
            // Setup
            const res = await fetch(`${emu.url}/oauth_token.do`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({
                    grant_type: 'client_credentials',
                    client_id: 'cid',
                    client_secret: 'csecret',
                }).toString(),
            })
            const { access_token } = await res.json()
            emu.faults.add({ path: /sys_user_group/, expireToken: true, times: 1 })

            // Execution
            const first = await call('GET', '/api/now/table/sys_user_group', { auth: { bearer: access_token } })
            const second = await call('GET', '/api/now/table/sys_user', { auth: { bearer: access_token } })

            // Validation
            expect(first.status).toBe(401)
            expect(second.status).toBe(401)
        })

        it('waitFor resolves after the matching write and rejects on timeout', async () => {
            // Setup
            const inc = emu.store.insert('incident', { short_description: 'wait' })
            const waiting = emu.waitFor((s) => s.journal('incident', inc['sys_id']!).length > 0, 2000)

            // Execution
            await call('PATCH', `/api/now/table/incident/${inc['sys_id']}`, {
                auth: AGENT,
                body: { work_notes: 'done' },
            })

            // Validation
            await expect(waiting).resolves.toBeUndefined()
            await expect(emu.waitFor(() => false, 50)).rejects.toThrow(/within 50 ms/)
        })
    })
})

describe('ServiceNow emulator rate limiting', () => {
    let emu: ServiceNowEmulator
    let t = new Date('2025-03-10T10:30:00Z')
    const call = makeCall(() => emu.url)

    beforeAll(async () => {
        emu = await startServiceNowEmulator({
            now: () => t,
            rateLimitPerHour: 3,
            users: [{ userName: 'admin', password: 'admin-pw', roles: ['admin'] }],
        })
    })
    afterAll(async () => emu?.close())

    it('answers 429 with Retry-After over the hourly limit, X-RateLimit-* on every response, and resets next hour', async () => {
        // Setup / execution
        const replies: Reply[] = []
        for (let i = 0; i < 4; i++) replies.push(await call('GET', '/api/now/table/sys_user'))
        t = new Date('2025-03-10T11:00:01Z')
        const nextHour = await call('GET', '/api/now/table/sys_user')

        // Validation
        expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429])
        for (const r of replies) {
            expect(r.headers.get('x-ratelimit-limit')).toBe('3')
            expect(r.headers.get('x-ratelimit-reset')).toBe(String(Date.parse('2025-03-10T11:00:00Z') / 1000))
            expect(r.headers.get('x-ratelimit-rule')).toMatch(SYS_ID)
        }
        expect(replies[3]!.headers.get('retry-after')).toBe('1800')
        expect(replies[3]!.body.error.detail).toBe('Rate limit of 3 requests per hour for Table API exceeded')
        expect(nextHour.status).toBe(200)
    })
})
