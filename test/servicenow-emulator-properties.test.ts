import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROPERTY, ROLE } from '@gbg/shared'
import { DEFAULT_DIST_DIR } from './support/app-dist'
import { startServiceNowEmulator, type ServiceNowEmulator } from './emulators/servicenow'

/*
 * ACLs an app ships on a platform table come from its dist like its own-table ACLs (README "ACLs"): here the read
 * ACL on sys_properties the app once shipped for its executor (condition: name starts with the app's prefix), added
 * to a copy of the built app. Without such an ACL in dist the executor role reads no property (stock instance:
 * test/stock-instance-acl.test.ts).
 */

/** A copy of the built app plus a sys_properties read ACL for the executor role, with a condition. */
function distWithPropertiesAcl(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sn-emu-props-'))
    cpSync(DEFAULT_DIST_DIR, dir, { recursive: true })
    const update = join(dir, 'app', 'update')
    writeFileSync(
        join(update, 'sys_security_acl_00000000000000000000000000000b0b.xml'),
        `<?xml version="1.0"?><record_update table="sys_security_acl"><sys_security_acl action="INSERT_OR_UPDATE">
<sys_id>00000000000000000000000000000b0b</sys_id><active>true</active><admin_overrides>true</admin_overrides>
<condition>nameSTARTSWITHx_gbg_breakglass.</condition><name>sys_properties</name>
<operation display_value="read">read</operation><script/><type>record</type></sys_security_acl></record_update>`,
    )
    writeFileSync(
        join(update, 'sys_security_acl_role_00000000000000000000000000000b0c.xml'),
        `<?xml version="1.0"?><record_update table="sys_security_acl_role"><sys_security_acl_role action="INSERT_OR_UPDATE">
<sys_id>00000000000000000000000000000b0c</sys_id><sys_security_acl>00000000000000000000000000000b0b</sys_security_acl>
<sys_user_role name="${ROLE.executor}">00000000000000000000000000000002</sys_user_role>
</sys_security_acl_role></record_update>`,
    )
    return dir
}

const USERS = [
    { userName: 'exec', password: 'exec-pw', roles: [ROLE.executor] },
    { userName: 'nobody', password: 'nobody-pw', roles: [] },
]

function seed(sn: ServiceNowEmulator): void {
    sn.store.insert('sys_properties', { name: PROPERTY.integrationEnabled, value: 'true', type: 'boolean' })
    sn.store.insert('sys_properties', { name: 'glide.security.secret_setting', value: 'x', type: 'string' })
}

describe('ServiceNow emulator: an app ACL on sys_properties (from dist) for the executor role', () => {
    let sn: ServiceNowEmulator
    let distDir: string
    const get = async (path: string, user: string) => {
        const res = await fetch(sn.url + path, {
            headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(user).toString('base64')}` },
        })
        return { status: res.status, body: (await res.json()) as any }
    }

    beforeAll(async () => {
        // setup: legacy grants off, so only the dist ACL can open the table
        distDir = distWithPropertiesAcl()
        sn = await startServiceNowEmulator({ distDir, users: USERS })
        seed(sn)
    })
    afterAll(async () => {
        await sn?.close()
        rmSync(distDir, { recursive: true, force: true })
    })

    it('lists only x_gbg_breakglass.* rows to the executor', async () => {
        // execution
        const r = await get('/api/now/table/sys_properties?sysparm_fields=name,value', 'exec:exec-pw')
        // validation
        expect(r.status).toBe(200)
        expect(r.body.result).toEqual([{ name: PROPERTY.integrationEnabled, value: 'true' }])
    })

    it('hides another property row as if it did not exist', async () => {
        const other = sn.store.list('sys_properties', (row) => row.name === 'glide.security.secret_setting')[0]!
        const r = await get(`/api/now/table/sys_properties/${other.sys_id}`, 'exec:exec-pw')
        expect(r.status).toBe(404)
    })

    it('gives a user without the role nothing', async () => {
        const r = await get('/api/now/table/sys_properties', 'nobody:nobody-pw')
        expect(r.body.result ?? []).toEqual([])
    })
})
