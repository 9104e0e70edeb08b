import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_FIELDS, GRANT_FIELDS, ROLE, TABLE } from '@gbg/shared'
import { startServiceNowEmulator, utcToZone, zoneToUtc, type ServiceNowEmulator } from './emulators/servicenow'

// Contract "Time zones and dates": values stored and returned in UTC; the user's zone (sys_user.time_zone) shows in
// display values, reads sysparm_input_display_value writes, and — with queryDateZone 'user' — plain query dates.

const clock = new Date('2026-01-06T12:00:00Z')

describe('time-zone helpers', () => {
    it('convert between UTC and a zone’s wall clock, with daylight saving', () => {
        expect(utcToZone('2026-01-06 12:00:00', 'America/New_York')).toBe('2026-01-06 07:00:00')
        expect(utcToZone('2026-07-06 12:00:00', 'America/New_York')).toBe('2026-07-06 08:00:00')
        expect(utcToZone('2026-07-06 12:00:00', 'Europe/Berlin')).toBe('2026-07-06 14:00:00')
        expect(zoneToUtc('2026-07-06 14:00:00', 'Europe/Berlin')).toBe('2026-07-06 12:00:00')
        expect(zoneToUtc('2026-01-06 07:00:00', 'America/New_York')).toBe('2026-01-06 12:00:00')
        expect(zoneToUtc('2026-01-06 12:00:00', 'GMT')).toBe('2026-01-06 12:00:00')
        expect(zoneToUtc('not a date', 'GMT')).toBe('not a date')
    })
})

describe.each(['utc', 'user'] as const)('ServiceNow emulator, query dates read as %s', (reading) => {
    let sn: ServiceNowEmulator
    const ids: Record<string, string> = {}
    const get = async (path: string, user: string): Promise<any> => {
        const res = await fetch(sn.url + path, {
            headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(user).toString('base64')}` },
        })
        return res.json()
    }

    beforeAll(async () => {
        sn = await startServiceNowEmulator({
            now: () => clock,
            queryDateZone: reading,
            users: [
                { userName: 'ny', password: 'ny-pw', roles: [ROLE.executor], timeZone: 'America/New_York' },
                { userName: 'gmt', password: 'gmt-pw', roles: [ROLE.executor] },
            ],
        })
        const grant = sn.store.insert(TABLE.grant, { [GRANT_FIELDS.state]: 'queued' })['sys_id']!
        // 12:00 UTC is 07:00 in New York (EST).
        ids.noon = sn.store.insert(TABLE.action, {
            [ACTION_FIELDS.grant]: grant,
            [ACTION_FIELDS.notBefore]: '2026-01-06 12:00:00',
            [ACTION_FIELDS.reason]: 'tz',
        })['sys_id']!
    })
    afterAll(async () => sn?.close())

    it('reads a plain date in a query as UTC, or as the caller’s wall clock', async () => {
        const q = `/api/now/table/${TABLE.action}?sysparm_fields=sys_id&sysparm_query=reason=tz^not_before<=2026-01-06 08:00:00`
        const ny = await get(q, 'ny:ny-pw')
        const gmt = await get(q, 'gmt:gmt-pw')
        // 08:00 UTC is before noon; 08:00 in New York is 13:00 UTC, after it.
        expect(ny.result.map((r: any) => r.sys_id)).toEqual(reading === 'user' ? [ids.noon] : [])
        expect(gmt.result).toEqual([])
    })

    it('answers values in UTC and display values in the caller’s zone', async () => {
        const path = `/api/now/table/${TABLE.action}/${ids.noon}?sysparm_fields=not_before&sysparm_display_value=all`
        const ny = await get(path, 'ny:ny-pw')
        const gmt = await get(path, 'gmt:gmt-pw')
        expect(ny.result.not_before).toEqual({ display_value: '2026-01-06 07:00:00', value: '2026-01-06 12:00:00' })
        expect(gmt.result.not_before).toEqual({ display_value: '2026-01-06 12:00:00', value: '2026-01-06 12:00:00' })
    })
})

describe('ServiceNow emulator: writes and users', () => {
    let sn: ServiceNowEmulator
    beforeAll(async () => {
        sn = await startServiceNowEmulator({
            now: () => clock,
            users: [{ userName: 'admin', password: 'admin-pw', roles: ['admin'], timeZone: 'Europe/Berlin' }],
        })
    })
    afterAll(async () => sn?.close())

    it('takes written date-times as UTC, or as the caller’s wall clock with sysparm_input_display_value=true', async () => {
        const write = async (query: string): Promise<any> => {
            const res = await fetch(`${sn.url}/api/now/table/change_request${query}`, {
                method: 'POST',
                headers: {
                    Accept: 'application/json',
                    'Content-Type': 'application/json',
                    Authorization: `Basic ${Buffer.from('admin:admin-pw').toString('base64')}`,
                },
                body: JSON.stringify({ start_date: '2026-01-06 10:00:00' }),
            })
            return (await res.json()).result
        }
        const plain = await write('')
        const asDisplay = await write('?sysparm_input_display_value=true')
        expect(plain.start_date).toBe('2026-01-06 10:00:00')
        // 10:00 in Berlin (CET, UTC+1) is 09:00 UTC.
        expect(asDisplay.start_date).toBe('2026-01-06 09:00:00')
    })

    it('stores a user’s zone, empty for the system zone, and refuses an unknown one', () => {
        const admin = sn.store.list('sys_user', (u) => u['user_name'] === 'admin')[0]!
        expect(admin['time_zone']).toBe('Europe/Berlin')
        sn.addUser({ userName: 'plain', roles: [] })
        expect(sn.store.list('sys_user', (u) => u['user_name'] === 'plain')[0]!['time_zone']).toBe('')
        expect(() => sn.addUser({ userName: 'lost', roles: [], timeZone: 'Mars/Olympus_Mons' })).toThrow(/time zone/)
    })
})
