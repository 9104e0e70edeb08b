import axios, { type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { ACTION_FIELDS, TABLE } from '@gbg/shared'
import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../test/support/virtual-clock'
import { createServiceNowClient, parseLinkHeader, type ServiceNowAuth } from '../src/servicenow/client'
import { ServiceNowError } from '../src/servicenow/errors'
import { query } from '../src/servicenow/query'

const BASE = 'https://acme.service-now.com'
const SYS_ID = '0123456789abcdef0123456789abcdef'

interface Seen {
    method: string
    url: URL
    headers: Record<string, string>
    body: unknown
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

/** An axios adapter answering from `handler`, recording every request. */
function mockServer(handler: (req: Seen, index: number) => Reply) {
    const seen: Seen[] = []
    const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
        const url = new URL(axios.getUri(config))
        const headers: Record<string, string> = {}
        for (const [k, v] of Object.entries(config.headers.toJSON())) headers[k.toLowerCase()] = String(v)
        const req: Seen = { method: (config.method ?? 'get').toUpperCase(), url, headers, body: config.data }
        seen.push(req)
        const reply = handler(req, seen.length - 1)
        const response: AxiosResponse = {
            status: reply.status,
            statusText: String(reply.status),
            headers: reply.headers ?? {},
            data: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}),
            config,
        }
        return response
    }
    return { adapter, seen }
}

const basic: ServiceNowAuth = { mode: 'basic', username: 'svc', password: 'pw' }
const listQuery = () => query(TABLE.action).eq(ACTION_FIELDS.state, 'ready').build()
const row = (n: number) => ({ sys_id: n.toString(16).padStart(32, '0'), number: `BGQ${n}` })
const linkTo = (offset: number, rel = 'next') =>
    `<${BASE}/api/now/table/${TABLE.action}?sysparm_query=state%3Dready&sysparm_fields=sys_id,number&sysparm_limit=2&sysparm_offset=${offset}>;rel="${rel}"`

describe('ServiceNow client: lists', () => {
    it('pages by Link rel="next" until it is absent, through short and empty pages', async () => {
        // Setup: 4 pages; the second is empty (row ACLs), the third short
        const pages: Reply[] = [
            {
                status: 200,
                body: { result: [row(1), row(2)] },
                headers: { link: `${linkTo(0, 'first')},${linkTo(2)}` },
            },
            { status: 200, body: { result: [] }, headers: { link: `${linkTo(0, 'prev')},${linkTo(4)}` } },
            { status: 200, body: { result: [row(5)] }, headers: { link: linkTo(6) } },
            {
                status: 200,
                body: { result: [row(7), row(8)] },
                headers: { link: `${linkTo(0, 'first')},${linkTo(4, 'prev')}` },
            },
        ]
        const server = mockServer((_req, i) => pages[i]!)
        const client = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter: server.adapter, pageSize: 2 })
        // Execution
        const rows = await client.list(TABLE.action, listQuery(), ['sys_id', 'number'])
        // Validation
        expect(rows.map((r) => r.number)).toEqual(['BGQ1', 'BGQ2', 'BGQ5', 'BGQ7', 'BGQ8'])
        expect(server.seen).toHaveLength(4)
        const first = server.seen[0]!
        expect(first.url.pathname).toBe(`/api/now/table/${TABLE.action}`)
        expect(first.url.searchParams.get('sysparm_query')).toBe('state=ready')
        expect(first.url.searchParams.get('sysparm_limit')).toBe('2')
        expect(first.url.searchParams.get('sysparm_exclude_reference_link')).toBe('true')
        expect(first.headers['accept']).toBe('application/json')
        expect(first.headers['authorization']).toBe('Basic ' + Buffer.from('svc:pw').toString('base64'))
        expect(server.seen[3]!.url.searchParams.get('sysparm_offset')).toBe('6')
    })

    it('stops at the limit and normalises values to strings', async () => {
        // Setup
        const server = mockServer(() => ({
            status: 200,
            body: {
                result: [
                    { sys_id: SYS_ID, grant: { link: 'x', value: SYS_ID }, priority: 2, active: true, empty: null },
                    row(2),
                    row(3),
                ],
            },
            headers: { link: linkTo(3) },
        }))
        const client = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter: server.adapter })
        // Execution
        const rows = await client.list(TABLE.action, listQuery(), ['sys_id'], 2)
        // Validation
        expect(rows).toHaveLength(2)
        expect(rows[0]).toEqual({ sys_id: SYS_ID, grant: SYS_ID, priority: '2', active: 'true', empty: '' })
        expect(server.seen).toHaveLength(1)
        expect(server.seen[0]!.url.searchParams.get('sysparm_limit')).toBe('2')
    })

    it('refuses a Link that leaves the instance or the table', async () => {
        for (const next of [
            'https://evil.example.com/api/now/table/x_gbg_breakglass_action?x=1',
            `${BASE}/api/now/table/sys_user?x=1`,
        ]) {
            // Setup
            const server = mockServer(() => ({
                status: 200,
                body: { result: [row(1)] },
                headers: { link: `<${next}>;rel="next"` },
            }))
            const client = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter: server.adapter })
            // Execution / validation
            await expect(client.list(TABLE.action, listQuery(), ['sys_id'])).rejects.toMatchObject({ kind: 'fatal' })
            expect(server.seen).toHaveLength(1)
        }
    })

    it('refuses unknown tables, fields and malformed sys_ids before sending anything', async () => {
        // Setup
        const server = mockServer(() => ({ status: 200, body: { result: {} } }))
        const client = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter: server.adapter })
        // Execution / validation
        await expect(client.get(TABLE.action, '../sys_user')).rejects.toMatchObject({ kind: 'fatal' })
        await expect(client.get('sys_user_has_role', SYS_ID)).rejects.toMatchObject({ kind: 'fatal' })
        await expect(client.patch(TABLE.grant, SYS_ID, { requested_for: SYS_ID, bogus: 'x' })).rejects.toMatchObject({
            kind: 'fatal',
        })
        await expect(client.list(TABLE.grant, listQuery(), ['sys_id'])).rejects.toThrow(/query built for/)
        expect(server.seen).toHaveLength(0)
    })

    it('treats a 200 without a JSON result as fatal (sleeping instance, proxy page)', async () => {
        // Setup
        const server = mockServer(() => ({ status: 200, body: '<html>Your instance is hibernating</html>' }))
        const client = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter: server.adapter })
        // Execution / validation
        await expect(client.get(TABLE.action, SYS_ID)).rejects.toMatchObject({ kind: 'fatal' })
    })

    it('parses Link headers with commas inside URLs', () => {
        expect(parseLinkHeader('<https://h/a?f=a,b&o=0>;rel="first",<https://h/a?f=a,b&o=2>; rel="next"')).toEqual({
            first: 'https://h/a?f=a,b&o=0',
            next: 'https://h/a?f=a,b&o=2',
        })
        expect(parseLinkHeader('')).toEqual({})
    })
})

describe('ServiceNow client: retries', () => {
    it('retries a GET after 429 honouring Retry-After, on the fake clock', async () => {
        // Setup
        const clock = new VirtualClock()
        const server = mockServer((_req, i) =>
            i === 0
                ? {
                      status: 429,
                      headers: { 'retry-after': '2' },
                      body: { error: { message: 'Rate limit exceeded', detail: null }, status: 'failure' },
                  }
                : { status: 200, body: { result: row(1) } },
        )
        const client = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter: server.adapter, clock })
        // Execution
        const pending = client.get(TABLE.action, SYS_ID)
        await clock.whenSleeping()
        // Validation: it waits exactly Retry-After, and only then asks again
        expect(clock.pendingDelays()).toEqual([2000])
        expect(server.seen).toHaveLength(1)
        await clock.advance(1999)
        expect(server.seen).toHaveLength(1)
        await clock.advance(1)
        await expect(pending).resolves.toMatchObject({ number: 'BGQ1' })
        expect(server.seen).toHaveLength(2)
    })

    it('gives up after 3 retries with exponential delays, and throws a long Retry-After at once', async () => {
        // Setup
        const clock = new VirtualClock()
        const server = mockServer(() => ({ status: 503, body: '' }))
        const client = createServiceNowClient({
            baseUrl: BASE,
            auth: basic,
            adapter: server.adapter,
            clock,
            getRetryBaseMs: 100,
        })
        // Execution
        const pending = client.get(TABLE.action, SYS_ID).catch((e: unknown) => e)
        const delays: number[] = []
        for (let i = 0; i < 3; i++) {
            await clock.whenSleeping()
            delays.push(...clock.pendingDelays())
            await clock.advance(clock.pendingDelays()[0]!)
        }
        const error = await pending
        // Validation
        expect(delays).toEqual([100, 200, 400])
        expect(error).toBeInstanceOf(ServiceNowError)
        expect(error).toMatchObject({ kind: 'retryable', status: 503 })
        expect(server.seen).toHaveLength(4)

        // Setup: Retry-After beyond the in-call cap is left to the worker's schedule
        const slow = mockServer(() => ({ status: 429, headers: { 'retry-after': '3600' }, body: '' }))
        const client2 = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter: slow.adapter, clock })
        await expect(client2.get(TABLE.action, SYS_ID)).rejects.toMatchObject({
            kind: 'retryable',
            retryAfterMs: 3_600_000,
        })
        expect(slow.seen).toHaveLength(1)
    })

    it('never retries a write', async () => {
        // Setup
        const server = mockServer(() => ({ status: 500, body: '' }))
        const client = createServiceNowClient({
            baseUrl: BASE,
            auth: basic,
            adapter: server.adapter,
            clock: new VirtualClock(),
        })
        // Execution / validation
        await expect(client.patch(TABLE.action, SYS_ID, { state: 'done' })).rejects.toMatchObject({ kind: 'retryable' })
        await expect(client.create(TABLE.action, { state: 'ready' })).rejects.toMatchObject({ kind: 'retryable' })
        expect(server.seen).toHaveLength(2)
        expect(server.seen[0]!.headers['content-type']).toBe('application/json')
    })

    it('maps a dropped connection on a write as retryable with an unknown outcome', async () => {
        // Setup
        const adapter: AxiosAdapter = async () => {
            throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
        }
        const client = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter })
        // Execution / validation
        await expect(client.create(TABLE.action, { state: 'ready' })).rejects.toMatchObject({
            kind: 'retryable',
            unknownOutcome: true,
        })
    })
})

describe('ServiceNow client: OAuth', () => {
    const oauth: ServiceNowAuth = { mode: 'oauth_client_credentials', clientId: 'cid', clientSecret: 'csecret' }

    function oauthServer(opts: { ttl: number; reject401?: (token: string) => boolean }) {
        let issued = 0
        const server = mockServer((req) => {
            if (req.url.pathname === '/oauth_token.do') {
                issued++
                return {
                    status: 200,
                    body: {
                        access_token: `tok-${issued}`,
                        token_type: 'Bearer',
                        expires_in: opts.ttl,
                        scope: 'useraccount',
                    },
                }
            }
            const token = req.headers['authorization']?.replace('Bearer ', '') ?? ''
            if (opts.reject401?.(token))
                return {
                    status: 401,
                    body: {
                        error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
                        status: 'failure',
                    },
                }
            return { status: 200, body: { result: row(1) } }
        })
        return server
    }

    it('caches the token and refreshes it shortly before expiry', async () => {
        // Setup
        const clock = new VirtualClock()
        const server = oauthServer({ ttl: 1800 })
        const client = createServiceNowClient({ baseUrl: BASE, auth: oauth, adapter: server.adapter, clock })
        // Execution
        await client.get(TABLE.action, SYS_ID)
        await client.get(TABLE.action, SYS_ID)
        await clock.advance(1800_000 - 60_000) // inside the refresh skew
        await client.get(TABLE.action, SYS_ID)
        // Validation
        const tokenCalls = server.seen.filter((s) => s.url.pathname === '/oauth_token.do')
        expect(tokenCalls).toHaveLength(2)
        expect(String(tokenCalls[0]!.body)).toBe('grant_type=client_credentials&client_id=cid&client_secret=csecret')
        expect(tokenCalls[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded')
        const auths = server.seen
            .filter((s) => s.url.pathname !== '/oauth_token.do')
            .map((s) => s.headers['authorization'])
        expect(auths).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2'])
    })

    it('refreshes once on 401, then reports the refusal as unauthorized (kept and retried by callers)', async () => {
        // Setup: the first token is revoked server-side
        const server = oauthServer({ ttl: 1800, reject401: (t) => t === 'tok-1' })
        const client = createServiceNowClient({ baseUrl: BASE, auth: oauth, adapter: server.adapter })
        // Execution
        await expect(client.get(TABLE.action, SYS_ID)).resolves.toMatchObject({ number: 'BGQ1' })
        // Validation
        expect(server.seen.map((s) => `${s.url.pathname}:${s.headers['authorization'] ?? ''}`)).toEqual([
            '/oauth_token.do:',
            `/api/now/table/${TABLE.action}/${SYS_ID}:Bearer tok-1`,
            '/oauth_token.do:',
            `/api/now/table/${TABLE.action}/${SYS_ID}:Bearer tok-2`,
        ])

        // Setup: every token refused
        const dead = oauthServer({ ttl: 1800, reject401: () => true })
        const client2 = createServiceNowClient({ baseUrl: BASE, auth: oauth, adapter: dead.adapter })
        // Execution / validation
        const error = (await client2.get(TABLE.action, SYS_ID).catch((e: unknown) => e)) as ServiceNowError
        expect(error.kind).toBe('unauthorized')
        expect(error.status).toBe(401)
        expect(dead.seen).toHaveLength(4)
    })

    it('reports refused client credentials without echoing them', async () => {
        // Setup
        const server = mockServer(() => ({
            status: 401,
            body: { error: 'access_denied', error_description: 'invalid client' },
        }))
        const client = createServiceNowClient({ baseUrl: BASE, auth: oauth, adapter: server.adapter })
        // Execution
        const error = (await client.get(TABLE.action, SYS_ID).catch((e: unknown) => e)) as ServiceNowError
        // Validation
        expect(error.kind).toBe('fatal')
        expect(error.message).toContain('GBG_SN_CLIENT_SECRET')
        expect(error.message).not.toContain('csecret')
    })
})

describe('ServiceNow client: 401 under Basic auth', () => {
    const refusal = {
        status: 401,
        body: {
            error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
            status: 'failure',
        },
    }

    it('repeats a call refused once (an expired session) and succeeds', async () => {
        // Setup: the first answer is a 401, the repetition succeeds
        const server = mockServer((_req, i) => (i === 0 ? refusal : { status: 200, body: { result: row(1) } }))
        let refused = 0
        const client = createServiceNowClient({
            baseUrl: BASE,
            auth: basic,
            adapter: server.adapter,
            observer: { observeServiceNowCall: () => undefined, observeRefused: () => refused++ },
        })
        // Execution
        const result = await client.patch(TABLE.grant, SYS_ID, { last_error: '' })
        // Validation: sent twice with the same credentials, no refusal reported
        expect(result).toMatchObject({ number: 'BGQ1' })
        expect(server.seen).toHaveLength(2)
        expect(server.seen[1]!.headers['authorization']).toBe(server.seen[0]!.headers['authorization'])
        expect(refused).toBe(0)
    })

    it('reports a call refused twice as unauthorized, never fatal, without the password', async () => {
        // Setup
        const server = mockServer(() => refusal)
        let refused = 0
        const client = createServiceNowClient({
            baseUrl: BASE,
            auth: basic,
            adapter: server.adapter,
            observer: { observeServiceNowCall: () => undefined, observeRefused: () => refused++ },
        })
        // Execution
        const error = (await client
            .patch(TABLE.grant, SYS_ID, { last_error: '' })
            .catch((e: unknown) => e)) as ServiceNowError
        // Validation
        expect(error).toBeInstanceOf(ServiceNowError)
        expect(error.kind).toBe('unauthorized')
        expect(error.status).toBe(401)
        expect(error.message).toContain('GBG_SN_PASSWORD')
        expect(error.message).not.toContain('pw:')
        expect(server.seen).toHaveLength(2)
        expect(refused).toBe(1)
    })
})

describe('ServiceNow client: attachments', () => {
    it('uploads the raw body with its content type and the record in the query', async () => {
        // Setup
        const server = mockServer(() => ({
            status: 201,
            body: { result: { sys_id: SYS_ID, file_name: 'receipt.json' } },
        }))
        const client = createServiceNowClient({ baseUrl: BASE, auth: basic, adapter: server.adapter })
        // Execution
        const result = await client.attach(
            TABLE.grant,
            SYS_ID,
            'receipt.json',
            'application/json',
            Buffer.from('{"a":1}'),
        )
        // Validation
        const req = server.seen[0]!
        expect(result.sys_id).toBe(SYS_ID)
        expect(req.method).toBe('POST')
        expect(req.url.pathname).toBe('/api/now/attachment/file')
        expect(Object.fromEntries(req.url.searchParams)).toEqual({
            table_name: TABLE.grant,
            table_sys_id: SYS_ID,
            file_name: 'receipt.json',
        })
        expect(req.headers['content-type']).toBe('application/json')
        await expect(
            client.attach(TABLE.grant, SYS_ID, '../etc/passwd', 'text/plain', Buffer.from('')),
        ).rejects.toMatchObject({ kind: 'fatal' })
        await expect(
            client.attach(TABLE.grant, SYS_ID, 'a.txt', 'text/plain\r\nX: y', Buffer.from('')),
        ).rejects.toMatchObject({ kind: 'fatal' })
    })
})
