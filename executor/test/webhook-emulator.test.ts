/**
 * The webhook emulator must refuse what the contract refuses: these tests sign requests by hand (independently of
 * the provider's signer) and check signatures, the replay window, idempotency, conflicts, native expiry and the
 * injected faults. The last test checks the emulator against the OpenAPI document.
 */
import { createHash, createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebhookEmulator, type WebhookEmulator } from '../../test/emulators/webhook'

const SECRET = 'emulator-test-secret-0123456789abcdef'
const START = new Date('2030-01-01T08:00:00Z')

let clock: Date
let emu: WebhookEmulator

function sign(secret: string, t: number, method: string, path: string, body: string): string {
    const bodyHash = createHash('sha256').update(body).digest('hex')
    const v1 = createHmac('sha256', secret).update(`${t}.${method}.${path}.${bodyHash}`).digest('hex')
    return `t=${t},v1=${v1}`
}

interface CallOptions {
    body?: unknown
    key?: string
    secret?: string
    /** Signature time; defaults to the emulator clock. */
    at?: Date
    /** Path used in the signature when different from the one sent (tampering). */
    signedPath?: string
    signedBody?: string
    signature?: string | null
}

async function call(method: string, path: string, options: CallOptions = {}) {
    const body =
        options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    const t = Math.floor((options.at ?? clock).getTime() / 1000)
    const headers: Record<string, string> = {}
    if (body !== '') headers['Content-Type'] = 'application/json'
    if (options.key) headers['Idempotency-Key'] = options.key
    const signature =
        options.signature !== undefined
            ? options.signature
            : sign(options.secret ?? SECRET, t, method, options.signedPath ?? path, options.signedBody ?? body)
    if (signature !== null) headers['X-GBG-Signature'] = signature
    const response = await fetch(emu.url + path, { method, headers, body: body === '' ? undefined : body })
    const text = await response.text()
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined }
}

function grantBody(overrides: Record<string, unknown> = {}) {
    return {
        principal: { userName: 'alice', email: 'alice@example.com' },
        target: { kind: 'device_local_admin', deviceName: 'PC-0042', deviceClass: 'workstation' },
        durationMinutes: 60,
        justification: 'Install driver for INC0010001',
        tickets: { incident: 'INC0010001' },
        grantNumber: 'BGA0001001',
        ...overrides,
    }
}

beforeEach(async () => {
    clock = new Date(START)
    emu = await startWebhookEmulator({ hmacSecret: SECRET, now: () => clock })
})

afterEach(async () => {
    await emu.close()
})

describe('signatures', () => {
    it('refuses a request without a signature header', async () => {
        // execution
        const res = await call('GET', '/health', { signature: null })
        // validation
        expect(res.status).toBe(401)
        expect(res.json.error.code).toBe('signature_missing')
    })

    it('refuses a malformed signature header', async () => {
        const res = await call('GET', '/health', { signature: 'v1=abc,t=1' })
        expect(res.status).toBe(401)
        expect(res.json.error.code).toBe('signature_missing')
    })

    it('refuses a signature made with another secret', async () => {
        const res = await call('GET', '/health', { secret: 'another-secret-0123456789abcdefghij' })
        expect(res.status).toBe(401)
        expect(res.json.error.code).toBe('signature_invalid')
    })

    it('refuses a signature older than 300 s and accepts one 299 s old', async () => {
        // execution
        const old = await call('GET', '/health', { at: new Date(START.getTime() - 301_000) })
        const recent = await call('GET', '/health', { at: new Date(START.getTime() - 299_000) })
        const future = await call('GET', '/health', { at: new Date(START.getTime() + 301_000) })
        // validation
        expect(old.status).toBe(401)
        expect(old.json.error.code).toBe('signature_expired')
        expect(recent.status).toBe(200)
        expect(future.status).toBe(401)
    })

    it('refuses a signature moved to another path or body', async () => {
        // setup
        const created = await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        const otherPath = `/grants/${created.json.id}`
        // execution
        const moved = await call('DELETE', otherPath, { signedPath: '/grants/grt_other' })
        const tampered = await call('POST', '/grants', {
            body: grantBody({ durationMinutes: 600 }),
            key: 'k-2',
            signedBody: JSON.stringify(grantBody()),
        })
        // validation
        expect(moved.status).toBe(401)
        expect(tampered.status).toBe(401)
        expect(emu.grants.get(created.json.id)!.status).toBe('active')
        expect(emu.grants.size).toBe(1)
    })

    it('signs the query string: a key swapped after signing is refused', async () => {
        const res = await call('GET', '/grants?idempotencyKey=a', { signedPath: '/grants?idempotencyKey=b' })
        expect(res.status).toBe(401)
    })
})

describe('POST /grants', () => {
    it('grants with 201 and native expiry at grantedAt + duration', async () => {
        // execution
        const res = await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        // validation
        expect(res.status).toBe(201)
        expect(res.json).toEqual({
            id: expect.stringMatching(/^grt_/),
            status: 'active',
            grantedAt: START.toISOString(),
            expiresAt: new Date(START.getTime() + 3_600_000).toISOString(),
        })
        expect(res.headers.get('idempotent-replayed')).toBeNull()
    })

    it('requires an Idempotency-Key', async () => {
        const res = await call('POST', '/grants', { body: grantBody() })
        expect(res.status).toBe(400)
        expect(res.json.error.code).toBe('validation_failed')
        expect(emu.grants.size).toBe(0)
    })

    it('validates the body', async () => {
        // execution
        const missingDevice = await call('POST', '/grants', {
            body: grantBody({ target: { kind: 'device_local_admin' } }),
            key: 'k-1',
        })
        const badKind = await call('POST', '/grants', {
            body: grantBody({ target: { kind: 'entra_role', roleId: 'x' } }),
            key: 'k-2',
        })
        const badDuration = await call('POST', '/grants', { body: grantBody({ durationMinutes: 0 }), key: 'k-3' })
        const extra = await call('POST', '/grants', { body: { ...grantBody(), admin: true }, key: 'k-4' })
        const notJson = await call('POST', '/grants', { body: '{nope', key: 'k-5' })
        // validation
        for (const res of [missingDevice, badKind, badDuration, extra, notJson]) {
            expect(res.status).toBe(400)
            expect(res.json.error.code).toBe('validation_failed')
        }
        expect(emu.grants.size).toBe(0)
    })

    it('replays the original 201 for the same key and body, with Idempotent-Replayed', async () => {
        // setup
        const first = await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        clock = new Date(START.getTime() + 5_000)
        // execution: same content, different key order
        const { grantNumber, ...rest } = grantBody()
        const reordered = { grantNumber, ...rest }
        const second = await call('POST', '/grants', { body: reordered, key: 'k-1' })
        // validation
        expect(second.status).toBe(201)
        expect(second.text).toBe(first.text)
        expect(second.headers.get('idempotent-replayed')).toBe('true')
        expect(emu.grants.size).toBe(1)
    })

    it('answers 422 for the same key with a different body', async () => {
        await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        const res = await call('POST', '/grants', { body: grantBody({ durationMinutes: 120 }), key: 'k-1' })
        expect(res.status).toBe(422)
        expect(res.json.error.code).toBe('idempotency_key_reused')
        expect(emu.grants.size).toBe(1)
    })

    it('answers 409 when the principal already has an active grant on the target from another key', async () => {
        // setup
        await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        // execution
        const res = await call('POST', '/grants', { body: grantBody({ justification: 'again' }), key: 'k-2' })
        // validation
        expect(res.status).toBe(409)
        expect(res.json.error.code).toBe('grant_conflict')
        expect(emu.grants.size).toBe(1)
    })

    it('answers 403 for a principal not allowed on the target', async () => {
        const body = grantBody({
            target: { kind: 'device_local_admin', deviceName: 'DC01', deviceClass: 'domain_controller' },
        })
        const res = await call('POST', '/grants', { body, key: 'k-1' })
        expect(res.status).toBe(403)
        expect(res.json.error.code).toBe('principal_not_allowed')
    })
})

describe('revoke, read and native expiry', () => {
    it('revokes with 204, then answers 410 already_revoked; 404 for an unknown id', async () => {
        // setup
        const created = await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        clock = new Date(START.getTime() + 60_000)
        // execution
        const first = await call('DELETE', `/grants/${created.json.id}`)
        const again = await call('DELETE', `/grants/${created.json.id}`)
        const unknown = await call('DELETE', '/grants/grt_unknown')
        const read = await call('GET', `/grants/${created.json.id}`)
        // validation
        expect(first.status).toBe(204)
        expect(again.status).toBe(410)
        expect(again.json.error.code).toBe('already_revoked')
        expect(unknown.status).toBe(404)
        expect(read.json).toMatchObject({
            status: 'revoked',
            revokedAt: clock.toISOString(),
            principal: { userName: 'alice' },
        })
    })

    it('ends access itself at expiresAt (native expiry on its clock)', async () => {
        // setup
        const created = await call('POST', '/grants', { body: grantBody({ durationMinutes: 5 }), key: 'k-1' })
        // execution
        clock = new Date(START.getTime() + 5 * 60_000 - 1)
        const before = await call('GET', `/grants/${created.json.id}`)
        clock = new Date(START.getTime() + 5 * 60_000)
        const after = await call('GET', `/grants/${created.json.id}`)
        const del = await call('DELETE', `/grants/${created.json.id}`)
        const fresh = await call('POST', '/grants', { body: grantBody({ justification: 'again' }), key: 'k-2' })
        // validation
        expect(before.json.status).toBe('active')
        expect(after.json).toMatchObject({ status: 'expired', revokedAt: null })
        expect(del.status).toBe(410)
        expect(del.json.error.code).toBe('already_expired')
        expect(fresh.status).toBe(201)
    })

    it('lists grants by idempotency key and validates the query', async () => {
        // setup
        const created = await call('POST', '/grants', { body: grantBody(), key: 'grant:abc' })
        // execution
        const found = await call('GET', '/grants?idempotencyKey=grant:abc')
        const none = await call('GET', '/grants?idempotencyKey=other')
        const missing = await call('GET', '/grants')
        // validation
        expect(found.json.grants).toHaveLength(1)
        expect(found.json.grants[0].id).toBe(created.json.id)
        expect(none.json).toEqual({ grants: [] })
        expect(missing.status).toBe(400)
    })
})

describe('faults', () => {
    it('injects a status with Retry-After for the given number of times', async () => {
        // setup
        emu.faults.add({ method: 'POST', path: /^\/grants$/, status: 429, retryAfterSeconds: 7, times: 2 })
        // execution
        const a = await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        const b = await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        const c = await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        // validation
        expect([a.status, b.status, c.status]).toEqual([429, 429, 201])
        expect(a.headers.get('retry-after')).toBe('7')
        expect(a.json.error.code).toBe('rate_limited')
        expect(emu.callCount('POST', '/grants')).toBe(3)
    })

    it('drops the connection after applying the grant', async () => {
        // setup
        emu.faults.add({ method: 'POST', dropAfterApply: true })
        // execution
        const dropped = call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        // validation
        await expect(dropped).rejects.toThrow()
        expect(emu.grants.size).toBe(1)
        const retry = await call('POST', '/grants', { body: grantBody(), key: 'k-1' })
        expect(retry.status).toBe(201)
        expect(retry.headers.get('idempotent-replayed')).toBe('true')
        expect(emu.grants.size).toBe(1)
    })

    it('drops the connection before applying when asked', async () => {
        emu.faults.add({ method: 'POST', dropBeforeApply: true })
        await expect(call('POST', '/grants', { body: grantBody(), key: 'k-1' })).rejects.toThrow()
        expect(emu.grants.size).toBe(0)
    })

    it('delays a response by latencyMs', async () => {
        emu.faults.add({ path: /^\/health$/, latencyMs: 150 })
        const started = performance.now()
        const res = await call('GET', '/health')
        expect(res.status).toBe(200)
        expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    })
})

describe('OpenAPI document', () => {
    it('documents every route and status the emulator answers', () => {
        // setup: js-yaml is present through the lint toolchain; parse the document
        const require = createRequire(import.meta.url)
        const yaml = require('js-yaml') as { load(text: string): unknown }
        const file = fileURLToPath(new URL('../../docs/webhook-provider.openapi.yaml', import.meta.url))
        const doc = yaml.load(readFileSync(file, 'utf8')) as {
            openapi: string
            paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
        }
        // execution
        const statuses = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses)
        // validation
        expect(doc.openapi).toBe('3.1.0')
        expect(statuses('/grants', 'post')).toEqual(
            expect.arrayContaining(['201', '400', '401', '403', '409', '422', '429', '5XX']),
        )
        expect(statuses('/grants', 'get')).toEqual(expect.arrayContaining(['200', '400', '401']))
        expect(statuses('/grants/{id}', 'get')).toEqual(expect.arrayContaining(['200', '401', '404']))
        expect(statuses('/grants/{id}', 'delete')).toEqual(expect.arrayContaining(['204', '401', '404', '410']))
        expect(statuses('/grants/{id}/extend', 'post')).toEqual(
            expect.arrayContaining(['200', '400', '401', '404', '410', '422', '429', '5XX']),
        )
        expect(statuses('/health', 'get')).toEqual(expect.arrayContaining(['200', '401']))
    })
})
