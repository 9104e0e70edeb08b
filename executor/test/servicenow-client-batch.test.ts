/**
 * The client's Batch API call (issue 18): sub-requests are built as their direct methods build them, and every
 * sub-response goes through the one error table — a refused claim is `lost_claim`, a 429 inside the batch is
 * `retryable` with its Retry-After, an unserviced request is known not applied, an answer not in the documented
 * shape leaves every outcome unknown (never `fatal`: a write-back is not given up for a proxy's page).
 */
import axios, { type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../test/support/virtual-clock'
import { createServiceNowClient } from '../src/servicenow/client'
import { ServiceNowError } from '../src/servicenow/errors'

const BASE = 'https://acme.service-now.com'
const SYS_ID = '0123456789abcdef0123456789abcdef'
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64')

function client(answer: (batch: { rest_requests: any[] }) => { status: number; body: unknown }) {
    const seen: { url: string; body: any }[] = []
    const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
        const body = JSON.parse(String(config.data))
        seen.push({ url: new URL(axios.getUri(config)).pathname, body })
        const reply = answer(body)
        return {
            status: reply.status,
            statusText: '',
            headers: {},
            data: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body),
            config,
        } as AxiosResponse
    }
    const c = createServiceNowClient({
        baseUrl: BASE,
        auth: { mode: 'basic', username: 'svc', password: 'pw' },
        adapter,
        clock: new VirtualClock(Date.UTC(2026, 0, 6)),
    })
    return { c, seen }
}

describe('ServiceNow client: Batch API', () => {
    it('sends the sub-requests as the direct calls and maps each answer through the one error table', async () => {
        // setup: the instance answers a claim refused by the claim guard, a grant read, a 429 and leaves one unserviced
        const { c, seen } = client((batch) => ({
            status: 200,
            body: {
                batch_request_id: 'x',
                serviced_requests: [
                    {
                        id: batch.rest_requests[0].id,
                        status_code: 403,
                        body: b64({ error: { message: 'Operation Failed', detail: 'Claim refused: held by exec-2' } }),
                        headers: [],
                    },
                    {
                        id: batch.rest_requests[1].id,
                        status_code: 200,
                        body: b64({ result: { sys_id: SYS_ID, state: 'active' } }),
                        headers: [],
                    },
                    {
                        id: batch.rest_requests[2].id,
                        status_code: 429,
                        body: b64({ error: { message: 'Rate limit exceeded', detail: '' } }),
                        headers: [{ name: 'Retry-After', value: '9' }],
                    },
                ],
                unserviced_requests: [batch.rest_requests[3].id],
            },
        }))

        // execution
        const results = await c.batch!([
            { op: 'patch', table: TABLE.action, sysId: SYS_ID, values: { [ACTION_FIELDS.state]: 'claimed' } },
            { op: 'get', table: TABLE.grant, sysId: SYS_ID, fields: ['sys_id', GRANT_FIELDS.state] },
            { op: 'create', table: TABLE.auditEvent, values: { sequence: '2' } },
            { op: 'patch', table: TABLE.grant, sysId: SYS_ID, values: { [GRANT_FIELDS.state]: 'active' } },
        ])

        // validation: one call, to the versioned path, each sub-request a relative /api path with a Base64 body
        expect(seen).toHaveLength(1)
        expect(seen[0]!.url).toBe('/api/now/v1/batch')
        const sent = seen[0]!.body.rest_requests
        expect(sent.map((r: any) => r.method)).toEqual(['PATCH', 'GET', 'POST', 'PATCH'])
        expect(sent[0].url).toMatch(new RegExp(`^/api/now/table/${TABLE.action}/${SYS_ID}\\?`))
        expect(JSON.parse(Buffer.from(sent[0].body, 'base64').toString())).toEqual({ state: 'claimed' })
        expect(sent[1].body).toBeUndefined()
        // validation: each answer as the direct call's
        expect(results[0]).toMatchObject({ ok: false, error: { kind: 'lost_claim', status: 403 } })
        expect(results[1]).toEqual({ ok: true, record: { sys_id: SYS_ID, state: 'active' } })
        expect(results[2]).toMatchObject({ ok: false, error: { kind: 'retryable', status: 429, retryAfterMs: 9000 } })
        expect(results[3]).toMatchObject({ ok: false, error: { kind: 'retryable', unknownOutcome: false } })
    })

    it('an answer not in the documented shape leaves every outcome unknown, retryable', async () => {
        const { c } = client(() => ({ status: 200, body: '<html>instance waking up</html>' }))
        const results = await c.batch!([
            { op: 'patch', table: TABLE.grant, sysId: SYS_ID, values: { [GRANT_FIELDS.state]: 'active' } },
        ])
        expect(results[0]).toMatchObject({ ok: false, error: { kind: 'retryable', unknownOutcome: true } })
    })

    it('a failure of the batch call as a whole is thrown (429 on the batch)', async () => {
        const { c } = client(() => ({ status: 429, body: { error: { message: 'Rate limit exceeded' } } }))
        const call = c.batch!([{ op: 'get', table: TABLE.grant, sysId: SYS_ID }])
        await expect(call).rejects.toBeInstanceOf(ServiceNowError)
        await expect(call).rejects.toMatchObject({ kind: 'retryable', status: 429 })
    })

    it('refuses to build a sub-request the direct method refuses, before any call (attack)', async () => {
        const { c, seen } = client(() => ({ status: 200, body: { serviced_requests: [], unserviced_requests: [] } }))
        await expect(
            c.batch!([{ op: 'patch', table: TABLE.grant, sysId: '../sys_user/x', values: { state: 'active' } }]),
        ).rejects.toMatchObject({ kind: 'fatal' })
        await expect(c.batch!([{ op: 'getApi', path: '/api/now/table/sys_user' }])).rejects.toMatchObject({
            kind: 'fatal',
        })
        await expect(
            c.batch!([{ op: 'patch', table: 'sys_user', sysId: SYS_ID, values: { roles: 'admin' } }]),
        ).rejects.toMatchObject({ kind: 'fatal' })
        expect(seen).toHaveLength(0)
    })
})
