/**
 * The emulator's Batch API (`POST /api/now/v1/batch`, README "Batch API"): shape, the caller's own ACLs on every
 * sub-request (the attack tests come first), independent in-order sub-requests, and the documented failure modes
 * (429 on the batch as a whole, unserviced requests, a dropped connection mid-batch, request validation).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXECUTOR_FIELDS, ROLE, TABLE } from '@gbg/shared'
import { startServiceNowEmulator, type ServiceNowEmulator } from './emulators/servicenow'
import type { ServiceNowEmulatorOptions } from './emulators/servicenow/types'

const EXEC = 'exec-1:exec-1-pw'
const ADMIN = 'admin:admin-pw'
const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64')
const unb64 = (v: string): any => {
    const text = Buffer.from(v, 'base64').toString('utf8')
    return text === '' ? undefined : JSON.parse(text)
}
const JSON_HEADERS = [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Accept', value: 'application/json' },
]

interface Item {
    id: string
    method: string
    url: string
    body?: string
    headers?: { name: string; value: string }[]
    exclude_response_headers?: boolean
}

let emu: ServiceNowEmulator
let execRow = ''

async function start(extra: ServiceNowEmulatorOptions = {}): Promise<void> {
    emu = await startServiceNowEmulator({
        now: () => new Date('2026-01-06T10:00:00Z'),
        users: [
            { userName: 'admin', password: 'admin-pw', roles: ['admin'] },
            { userName: 'exec-1', password: 'exec-1-pw', roles: [ROLE.executor] },
        ],
        ...extra,
    })
    execRow = emu.store.insert(TABLE.executor, { [EXECUTOR_FIELDS.name]: 'exec-a', [EXECUTOR_FIELDS.host]: 'h0' })[
        'sys_id'
    ]!
}

async function batch(
    items: Item[],
    o: { auth?: string; contentType?: string; raw?: string; path?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
    const res = await fetch(emu.url + (o.path ?? '/api/now/v1/batch'), {
        method: 'POST',
        headers: {
            Accept: 'application/json',
            'Content-Type': o.contentType ?? 'application/json',
            Authorization: `Basic ${Buffer.from(o.auth ?? EXEC).toString('base64')}`,
        },
        body: o.raw ?? JSON.stringify({ batch_request_id: 'b1', rest_requests: items }),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}

const patchHost = (id: string, host: string): Item => ({
    id,
    method: 'PATCH',
    url: `/api/now/table/${TABLE.executor}/${execRow}`,
    headers: JSON_HEADERS,
    body: b64({ [EXECUTOR_FIELDS.host]: host }),
})
const sub = (body: any, id: string) => body.serviced_requests.find((s: any) => s.id === id)

describe('ServiceNow emulator Batch API', () => {
    beforeEach(async () => start())
    afterEach(async () => emu.close())

    it('runs each sub-request with the caller own ACLs: no privilege beyond a direct call (attack)', async () => {
        // setup: the integration user's own sys_user row (readable, not writable) and an admin's
        const me = emu.store.list('sys_user', (u) => u['user_name'] === 'exec-1')[0]!['sys_id']!
        const admin = emu.store.list('sys_user', (u) => u['user_name'] === 'admin')[0]!['sys_id']!
        const adminAuth = `Basic ${Buffer.from(ADMIN).toString('base64')}`
        const before = emu.requests.length

        // execution: writes the executor role may not make, one dressed up with an admin Authorization header and
        // the emulator's internal sub-request marker
        const r = await batch([
            {
                id: 'own-user',
                method: 'PATCH',
                url: `/api/now/table/sys_user/${me}`,
                headers: JSON_HEADERS,
                body: b64({ title: 'x' }),
            },
            {
                id: 'as-admin',
                method: 'PATCH',
                url: `/api/now/table/sys_user/${admin}`,
                headers: [
                    ...JSON_HEADERS,
                    { name: 'Authorization', value: adminAuth },
                    { name: 'x-gbg-emulator-batch-item', value: 'guess b1' },
                ],
                body: b64({ title: 'pwned' }),
            },
            {
                id: 'incident',
                method: 'POST',
                url: '/api/now/table/incident',
                headers: JSON_HEADERS,
                body: b64({ short_description: 'x' }),
            },
            { id: 'audit-log', method: 'GET', url: '/api/now/table/sys_audit?sysparm_limit=1', headers: JSON_HEADERS },
            { id: 'absolute', method: 'GET', url: `${emu.url}/api/now/table/${TABLE.executor}` },
            { id: 'token', method: 'POST', url: '/oauth_token.do', body: b64('grant_type=password') },
            {
                id: 'nested',
                method: 'POST',
                url: '/api/now/v1/batch',
                headers: JSON_HEADERS,
                body: b64({ rest_requests: [] }),
            },
        ])

        // validation
        expect(r.status).toBe(200)
        expect(sub(r.body, 'own-user').status_code).toBe(403)
        expect(sub(r.body, 'as-admin').status_code).toBe(404) // another user's record: hidden, as for a direct call
        expect(sub(r.body, 'incident').status_code).toBe(403)
        expect(unb64(sub(r.body, 'audit-log').body).result).toEqual([])
        expect(sub(r.body, 'absolute').status_code).toBe(400)
        expect(sub(r.body, 'token').status_code).toBe(400)
        expect(sub(r.body, 'nested').status_code).toBe(400)
        expect(emu.store.get('sys_user', me)!['title'] ?? '').toBe('')
        expect(emu.store.get('sys_user', admin)!['title'] ?? '').toBe('')
        expect(emu.store.list('incident')).toHaveLength(0)
        const seen = emu.requests.slice(before)
        // every sub-request that ran did so as exec-1, never as admin
        expect(seen.filter((s) => s.batch === 'b1').every((s) => s.user === 'exec-1')).toBe(true)
        expect(seen.filter((s) => s.batch === undefined)).toHaveLength(1)
    })

    it('refuses a batch without valid credentials before running anything (attack)', async () => {
        const r = await batch([patchHost('1', 'h1')], { auth: 'exec-1:wrong' })
        expect(r.status).toBe(401)
        expect(emu.store.get(TABLE.executor, execRow)![EXECUTOR_FIELDS.host]).toBe('h0')
        expect(emu.requests.filter((s) => s.batch !== undefined)).toHaveLength(0)
    })

    it('answers every sub-request in order, Base64 bodies and headers, and is one call in the request log', async () => {
        const before = emu.requests.length
        const r = await batch([
            patchHost('p', 'h1'),
            {
                id: 'g',
                method: 'GET',
                url: `/api/now/table/${TABLE.executor}/${execRow}?sysparm_fields=host`,
                exclude_response_headers: true,
            },
            {
                id: 'c',
                method: 'POST',
                url: `/api/now/table/${TABLE.executor}`,
                headers: JSON_HEADERS,
                body: b64({ [EXECUTOR_FIELDS.name]: 'exec-b' }),
            },
        ])
        expect(r.status).toBe(200)
        expect(r.body.batch_request_id).toBe('b1')
        expect(r.body.unserviced_requests).toEqual([])
        expect(r.body.serviced_requests.map((s: any) => [s.id, s.status_code, s.status_text])).toEqual([
            ['p', 200, 'OK'],
            ['g', 200, 'OK'],
            ['c', 201, 'Created'],
        ])
        // the GET ran after the PATCH and saw its value
        expect(unb64(sub(r.body, 'g').body).result).toEqual({ host: 'h1' })
        expect(sub(r.body, 'g').headers).toEqual([])
        expect(sub(r.body, 'p').headers.some((h: any) => h.name.toLowerCase() === 'content-type')).toBe(true)
        expect(typeof sub(r.body, 'p').execution_time).toBe('number')
        const seen = emu.requests.slice(before)
        expect(seen.filter((s) => s.batch === undefined).map((s) => `${s.method} ${s.path}`)).toEqual([
            'POST /api/now/v1/batch',
        ])
        expect(seen.filter((s) => s.batch === 'b1')).toHaveLength(3)
    })

    it('runs sub-requests independently: a refused one rolls nothing back', async () => {
        const action = emu.store.insert(TABLE.action, { state: 'ready' })['sys_id']!
        const r = await batch([
            patchHost('1', 'h1'),
            // the claim guard refuses a write to an action carrying no lease owner
            {
                id: '2',
                method: 'PATCH',
                url: `/api/now/table/${TABLE.action}/${action}`,
                headers: JSON_HEADERS,
                body: b64({ state: 'done' }),
            },
            {
                id: '3',
                method: 'POST',
                url: `/api/now/table/${TABLE.executor}`,
                headers: JSON_HEADERS,
                body: b64({ name: 'exec-c' }),
            },
        ])
        expect(r.body.serviced_requests.map((s: any) => s.status_code)).toEqual([200, 403, 201])
        expect(emu.store.get(TABLE.executor, execRow)![EXECUTOR_FIELDS.host]).toBe('h1')
        expect(emu.store.get(TABLE.action, action)!['state']).toBe('ready')
        expect(emu.store.list(TABLE.executor, (e) => e['name'] === 'exec-c')).toHaveLength(1)
    })

    it('validates the batch request as a whole', async () => {
        expect((await batch([], { raw: '{"batch_request_id":"x"}' })).status).toBe(400)
        expect((await batch([{ id: '', method: 'GET', url: '/api/now/table/incident' }])).status).toBe(400)
        expect((await batch([patchHost('1', 'a'), patchHost('1', 'b')])).status).toBe(400)
        expect((await batch([patchHost('1', 'a')], { contentType: 'text/plain' })).status).toBe(415)
        // the unversioned path does not exist (community thread, README)
        expect((await batch([patchHost('1', 'a')], { path: '/api/now/batch' })).status).toBe(400)
        expect(emu.store.get(TABLE.executor, execRow)![EXECUTOR_FIELDS.host]).toBe('h0')
    })

    it('a 429 on the batch as a whole runs none of it', async () => {
        emu.faults.add({ path: /\/api\/now\/v1\/batch/, status: 429, retryAfterSeconds: 7, times: 1 })
        const r = await batch([patchHost('1', 'h1')])
        expect(r.status).toBe(429)
        expect(r.headers.get('retry-after')).toBe('7')
        expect(emu.store.get(TABLE.executor, execRow)![EXECUTOR_FIELDS.host]).toBe('h0')
    })

    it('a fault on a sub-request is that sub-request status; scope picks direct calls or sub-requests', async () => {
        emu.faults.add({
            method: 'POST',
            path: new RegExp(`/table/${TABLE.executor}$`),
            status: 500,
            times: 1,
            scope: 'batch',
        })
        const r = await batch([
            {
                id: 'c',
                method: 'POST',
                url: `/api/now/table/${TABLE.executor}`,
                headers: JSON_HEADERS,
                body: b64({ name: 'x1' }),
            },
            patchHost('p', 'h1'),
        ])
        expect(r.body.serviced_requests.map((s: any) => s.status_code)).toEqual([500, 200])
        expect(emu.store.list(TABLE.executor, (e) => e['name'] === 'x1')).toHaveLength(0)
        emu.faults.add({ method: 'PATCH', status: 503, times: 1, scope: 'direct' })
        expect((await batch([patchHost('p2', 'h2')])).body.serviced_requests[0].status_code).toBe(200)
    })

    it('reports what it did not run as unserviced (size / processing limit) and runs none of it', async () => {
        emu.faults.add({ path: /\/api\/now\/v1\/batch/, unservicedAfter: 1, times: 1 })
        const r = await batch([
            patchHost('1', 'h1'),
            {
                id: '2',
                method: 'POST',
                url: `/api/now/table/${TABLE.executor}`,
                headers: JSON_HEADERS,
                body: b64({ name: 'late' }),
            },
        ])
        expect(r.status).toBe(200)
        expect(r.body.serviced_requests.map((s: any) => s.id)).toEqual(['1'])
        expect(r.body.unserviced_requests).toEqual(['2'])
        expect(emu.store.list(TABLE.executor, (e) => e['name'] === 'late')).toHaveLength(0)
    })

    it('a connection dropped mid-batch loses the answer: the sub-requests before it applied, none after', async () => {
        emu.faults.add({
            method: 'POST',
            path: new RegExp(`/table/${TABLE.executor}$`),
            dropAfterWrite: true,
            times: 1,
            scope: 'batch',
        })
        await expect(
            batch([
                patchHost('1', 'h1'),
                {
                    id: '2',
                    method: 'POST',
                    url: `/api/now/table/${TABLE.executor}`,
                    headers: JSON_HEADERS,
                    body: b64({ name: 'mid' }),
                },
                patchHost('3', 'h3'),
            ]),
        ).rejects.toThrow()
        expect(emu.store.get(TABLE.executor, execRow)![EXECUTOR_FIELDS.host]).toBe('h1')
        expect(emu.store.list(TABLE.executor, (e) => e['name'] === 'mid')).toHaveLength(1)
    })
})

describe('ServiceNow emulator Batch API switches', () => {
    afterEach(async () => emu.close())

    it("batchOrder 'reverse' runs the sub-requests last to first", async () => {
        await start({ batchOrder: 'reverse' })
        const r = await batch([patchHost('1', 'first'), patchHost('2', 'second')])
        expect(r.body.serviced_requests.map((s: any) => s.status_code)).toEqual([200, 200])
        expect(emu.store.get(TABLE.executor, execRow)![EXECUTOR_FIELDS.host]).toBe('first')
    })

    it("batchRateLimit 'each' counts every sub-request (429 inside the batch); 'batch' counts the call once", async () => {
        await start({ rateLimitPerHour: 3 })
        const r = await batch([patchHost('1', 'a'), patchHost('2', 'b'), patchHost('3', 'c')])
        // the batch call is the 1st request of the hour, the sub-requests the 2nd, 3rd and 4th
        expect(r.body.serviced_requests.map((s: any) => s.status_code)).toEqual([200, 200, 429])
        await emu.close()
        await start({ rateLimitPerHour: 3, batchRateLimit: 'batch' })
        const r2 = await batch([patchHost('1', 'a'), patchHost('2', 'b'), patchHost('3', 'c'), patchHost('4', 'd')])
        expect(r2.body.serviced_requests.map((s: any) => s.status_code)).toEqual([200, 200, 200, 200])
    })

    it('a batch past its transaction quota reports the rest unserviced', async () => {
        await start({ batchTimeoutMs: 30 })
        emu.faults.add({ method: 'PATCH', latencyMs: 40, times: 1, scope: 'batch' })
        const r = await batch([patchHost('1', 'a'), patchHost('2', 'b')])
        expect(r.body.serviced_requests.map((s: any) => s.id)).toEqual(['1'])
        expect(r.body.unserviced_requests).toEqual(['2'])
        expect(emu.store.get(TABLE.executor, execRow)![EXECUTOR_FIELDS.host]).toBe('a')
    })
})
