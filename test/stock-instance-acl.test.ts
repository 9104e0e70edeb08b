import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, PROPERTY, ROLE, TABLE } from '@gbg/shared'
import { loadAppDist, type DistAcl } from './support/app-dist'
import { PLATFORM_TABLES, startServiceNowEmulator, type ServiceNowEmulator } from './emulators/servicenow'

/*
 * Issue 11: on a stock instance the integration user holding only `x_gbg_breakglass.executor` reads and writes
 * nothing of the platform tables beyond what the app's dist grants it (plus the authenticated baseline: its own
 * sys_user record). Every platform table of the emulator's fixture is enumerated; what the executor may see is
 * derived from the dist ACLs here, independently of the emulator's ACL code.
 */

const EXEC = 'exec:exec-pw'
const ADMIN = 'admin:admin-pw'
const PLATFORM = new Set(PLATFORM_TABLES.map((t) => t.name))

interface Reply {
    status: number
    body: any
}

/** Dist ACLs on platform tables that a user holding only the executor role can pass on role grounds. */
function executorPlatformAcls(): DistAcl[] {
    return loadAppDist().acls.filter(
        (a) =>
            a.active &&
            a.type === 'record' &&
            PLATFORM.has(a.table) &&
            (a.roles.length === 0 || a.roles.includes(ROLE.executor)),
    )
}

/** Ancestors of a platform table, itself first. */
function ancestors(table: string): string[] {
    const out: string[] = []
    let t = PLATFORM_TABLES.find((x) => x.name === table)
    while (t) {
        out.push(t.name)
        t = t.superClass ? PLATFORM_TABLES.find((x) => x.name === t!.superClass) : undefined
    }
    return out
}

/**
 * Whether a table-level dist read ACL lets the executor see `row`. Only the shapes the app ships are understood;
 * anything else fails the test, so a new platform ACL in dist gets its own expectation here.
 */
function distReadPasses(acl: DistAcl, row: Record<string, string>): boolean {
    if (acl.script.trim() !== '')
        throw new Error(`dist ACL ${acl.table} read: scripted ACL not understood by this test`)
    const condition = acl.condition.trim()
    if (condition === '') return true
    const startsWith = /^([a-z_]+)STARTSWITH([A-Za-z0-9_.]+)$/.exec(condition)
    if (startsWith) return (row[startsWith[1]!] ?? '').startsWith(startsWith[2]!)
    throw new Error(`dist ACL ${acl.table} read: condition ${condition} not understood by this test; add it`)
}

describe('stock instance: the executor role reads nothing outside what dist grants (legacy grants off)', () => {
    let sn: ServiceNowEmulator
    let execId = ''
    let otherId = ''
    let acls: DistAcl[] = []

    const call = async (method: string, path: string, auth: string, body?: unknown): Promise<Reply> => {
        const headers: Record<string, string> = {
            Accept: 'application/json',
            Authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
        }
        if (body !== undefined) headers['Content-Type'] = 'application/json'
        const res = await fetch(sn.url + path, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
        })
        const text = await res.text()
        return { status: res.status, body: text === '' ? undefined : JSON.parse(text) }
    }

    /** The rows of `table` (children included) the executor may read: baseline + dist read ACLs. */
    const expectedVisible = (table: string): Set<string> => {
        const read = acls.filter((a) => a.operation === 'read' && a.field === '' && ancestors(table).includes(a.table))
        const ids = new Set<string>()
        for (const row of sn.store.list(table)) {
            const own = ancestors(table).includes('sys_user') && row['sys_id'] === execId
            if (own || read.some((a) => distReadPasses(a, row))) ids.add(row['sys_id']!)
        }
        return ids
    }

    beforeAll(async () => {
        acls = executorPlatformAcls()
        sn = await startServiceNowEmulator({
            users: [
                { userName: 'admin', password: 'admin-pw', roles: ['admin'] },
                { userName: 'other', password: 'other-pw', roles: ['itil'] },
            ],
        })
        otherId = sn.store.list('sys_user', (u) => u['user_name'] === 'other')[0]!['sys_id']!
        execId = sn.addUser({ userName: 'exec', password: 'exec-pw', roles: [ROLE.executor], manager: otherId })
        // One record in every platform table of the fixture, and the app's own property beside a foreign one.
        for (const t of PLATFORM_TABLES) sn.store.insert(t.name, {})
        sn.store.insert('sys_properties', { name: PROPERTY.integrationEnabled, value: 'true' })
        sn.store.insert('sys_properties', { name: 'glide.security.secret_setting', value: 'x' })
    })
    afterAll(async () => sn?.close())

    it('dist ships only understood platform ACLs for the executor (a new one needs its expectation here)', () => {
        for (const acl of acls) {
            expect(acl.operation, `${acl.table}.${acl.field || '(table)'}`).toBe('read')
            expect(acl.field, acl.table).toBe('')
            // Throws for a condition / script this test does not understand.
            distReadPasses(acl, {})
        }
    })

    it.each(PLATFORM_TABLES.map((t) => t.name))(
        '%s: lists and GETs exactly what dist (or the baseline) allows',
        async (table) => {
            // setup
            const rows = sn.store.list(table)
            const visible = expectedVisible(table)
            // execution
            const list = await call('GET', `/api/now/table/${table}?sysparm_fields=sys_id`, EXEC)
            const singles = await Promise.all(
                rows.map((r) => call('GET', `/api/now/table/${table}/${r['sys_id']}`, EXEC)),
            )
            const admin = await Promise.all(
                rows.map((r) => call('GET', `/api/now/table/${table}/${r['sys_id']}`, ADMIN)),
            )
            // validation
            expect(rows.length).toBeGreaterThan(0)
            expect(admin.map((r) => r.status)).toEqual(rows.map(() => 200)) // the records exist: denial is not vacuous
            expect(list.status).toBe(200)
            expect(new Set(list.body.result.map((r: any) => r.sys_id))).toEqual(visible)
            expect(singles.map((r) => r.status)).toEqual(rows.map((r) => (visible.has(r['sys_id']!) ? 200 : 404)))
        },
    )

    it.each(PLATFORM_TABLES.map((t) => t.name))(
        '%s: every write is refused (403, or 404 for a record it cannot read)',
        async (table) => {
            // setup
            const rows = sn.store.list(table)
            const visible = expectedVisible(table)
            const before = rows.map((r) => sn.store.get(table, r['sys_id']!)!['sys_mod_count'])
            const someField = PLATFORM_TABLES.find((t) => t.name === table)!.fields[0]?.name ?? 'sys_id'
            // execution
            const create = await call('POST', `/api/now/table/${table}`, EXEC, { [someField]: '1' })
            const patches = await Promise.all(
                rows.map((r) => call('PATCH', `/api/now/table/${table}/${r['sys_id']}`, EXEC, { [someField]: '1' })),
            )
            const deletes = await Promise.all(
                rows.map((r) => call('DELETE', `/api/now/table/${table}/${r['sys_id']}`, EXEC)),
            )
            // validation
            expect(create.status).toBe(403)
            expect(create.body.error.detail).toBe('ACL Exception Insert Failed due to security constraints')
            const refused = rows.map((r) => (visible.has(r['sys_id']!) ? 403 : 404))
            expect(patches.map((r) => r.status)).toEqual(refused)
            expect(deletes.map((r) => r.status)).toEqual(refused)
            expect(rows.map((r) => sn.store.get(table, r['sys_id']!)?.['sys_mod_count'])).toEqual(before)
        },
    )

    it('leaves out fields it may not read: dot-walks into records it cannot read', async () => {
        // setup
        const grant = sn.store.insert(TABLE.grant, { [GRANT_FIELDS.requestedFor]: otherId })
        // execution
        const own = await call(
            'GET',
            `/api/now/table/sys_user/${execId}?sysparm_fields=user_name,manager,manager.user_name`,
            EXEC,
        )
        const onGrant = await call(
            'GET',
            `/api/now/table/${TABLE.grant}/${grant['sys_id']}?sysparm_fields=${GRANT_FIELDS.requestedFor},${GRANT_FIELDS.requestedFor}.user_name`,
            EXEC,
        )
        const asAdmin = await call(
            'GET',
            `/api/now/table/${TABLE.grant}/${grant['sys_id']}?sysparm_fields=${GRANT_FIELDS.requestedFor}.user_name`,
            ADMIN,
        )
        // validation
        expect(own.body.result).toEqual({ user_name: 'exec', manager: { link: expect.any(String), value: otherId } })
        expect(onGrant.body.result).toEqual({
            [GRANT_FIELDS.requestedFor]: { link: expect.any(String), value: otherId },
        })
        expect(asAdmin.body.result).toEqual({ [`${GRANT_FIELDS.requestedFor}.user_name`]: 'other' })
    })

    it('cannot attach files to records it can read (no sys_attachment create on a stock instance)', async () => {
        const res = await fetch(
            `${sn.url}/api/now/attachment/file?table_name=sys_user&table_sys_id=${execId}&file_name=a.txt`,
            {
                method: 'POST',
                headers: {
                    Accept: 'application/json',
                    'Content-Type': 'text/plain',
                    Authorization: `Basic ${Buffer.from(EXEC).toString('base64')}`,
                },
                body: 'x',
            },
        )
        expect(res.status).toBe(403)
        expect(sn.store.attachments('sys_user', execId)).toEqual([])
    })
})

describe('stock roles fixture; no executor grants on platform tables', () => {
    let sn: ServiceNowEmulator
    const ids: Record<string, string> = {}
    const get = async (path: string, auth: string): Promise<Reply> => {
        const res = await fetch(sn.url + path, {
            headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(auth).toString('base64')}` },
        })
        return { status: res.status, body: await res.json() }
    }

    beforeAll(async () => {
        // Default options: the stock behaviour (the executor's former legacy grants are gone, issue 11).
        sn = await startServiceNowEmulator({
            users: [
                { userName: 'exec', password: 'exec-pw', roles: [ROLE.executor] },
                { userName: 'admin', password: 'admin-pw', roles: ['admin'] },
                { userName: 'ann', password: 'ann-pw', roles: ['approver_user'] },
                { userName: 'boss', password: 'boss-pw', roles: ['approval_admin'] },
            ],
        })
        const user = (n: string): string => sn.store.list('sys_user', (u) => u['user_name'] === n)[0]!['sys_id']!
        ids.ann = user('ann')
        ids.boss = user('boss')
        sn.store.insert('incident', { short_description: 'x' })
        ids.annApproval = sn.store.insert('sysapproval_approver', { approver: ids.ann })['sys_id']!
        ids.bossApproval = sn.store.insert('sysapproval_approver', { approver: ids.boss })['sys_id']!
    })
    afterAll(async () => sn?.close())

    it('by default the executor reads no incident (no legacy platform grants any more)', async () => {
        const r = await get('/api/now/table/incident', EXEC)
        const asAdmin = await get('/api/now/table/incident', 'admin:admin-pw')
        expect(r.body.result).toEqual([])
        expect(asAdmin.body.result).toHaveLength(1) // the incident exists: the denial is not vacuous
    })

    it('approver_user reads only the approvals addressed to it; approval_admin reads every approval', async () => {
        const ann = await get('/api/now/table/sysapproval_approver?sysparm_fields=sys_id', 'ann:ann-pw')
        const boss = await get('/api/now/table/sysapproval_approver?sysparm_fields=sys_id', 'boss:boss-pw')
        expect(ann.body.result).toEqual([{ sys_id: ids.annApproval }])
        expect(boss.body.result.map((r: any) => r.sys_id).sort()).toEqual([ids.annApproval, ids.bossApproval].sort())
    })
})
