import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROPERTY, ROLE } from '@gbg/shared'
import { startServiceNowEmulator, type ServiceNowEmulator } from './emulators/servicenow'

// The executor reads the app's kill switch from sys_properties: it may see the app's own rows and nothing else.
describe('ServiceNow emulator: sys_properties for the executor role', () => {
    let sn: ServiceNowEmulator
    const get = async (path: string, user: string) => {
        const res = await fetch(sn.url + path, {
            headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(user).toString('base64')}` },
        })
        return { status: res.status, body: (await res.json()) as any }
    }

    beforeAll(async () => {
        // setup
        sn = await startServiceNowEmulator({
            users: [
                { userName: 'exec', password: 'exec-pw', roles: [ROLE.executor] },
                { userName: 'nobody', password: 'nobody-pw', roles: [] },
            ],
        })
        sn.store.insert('sys_properties', { name: PROPERTY.integrationEnabled, value: 'true', type: 'boolean' })
        sn.store.insert('sys_properties', { name: 'glide.security.secret_setting', value: 'x', type: 'string' })
    })
    afterAll(async () => sn.close())

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
