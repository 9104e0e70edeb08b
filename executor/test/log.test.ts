import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { REDACTED, createLogger, isSecretKey, redact, redactString } from '../src/log'

/** A logger writing to memory; `lines()` waits for winston's async pipe to flush. */
function memoryLogger(level: 'debug' | 'info' = 'debug') {
    const chunks: string[] = []
    const stream = new Writable({
        write(chunk: Buffer, _enc, done) {
            chunks.push(chunk.toString('utf8'))
            done()
        },
    })
    const logger = createLogger({ level, stream, defaultMeta: { instance: 'exec-1' } })
    return {
        logger,
        async output(): Promise<string> {
            await new Promise<void>((resolve) => setImmediate(resolve))
            return chunks.join('')
        },
    }
}

const SECRETS = {
    password: 'hunter2-password',
    token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJleGVjdXRvciJ9.c2lnbmF0dXJl',
    basic: 'c3ZjOmh1bnRlcjI=',
    bearer: 'opaque-bearer-token-123',
    sig: 'teams-signature-abc',
    code: 'azure-function-key-xyz',
    clientSecret: 'client-secret-value',
    cookie: 'JSESSIONID=abcdef',
    apiKey: 'api-key-value-9',
    assertion: 'client-assertion-jwt',
    hmac: 'hmac-secret-value',
}

describe('log redaction', () => {
    it('never writes a secret, whatever shape it hides in', async () => {
        // Setup
        const { logger, output } = memoryLogger()
        const axiosLikeError = Object.assign(new Error(`Request failed for https://x.example/api?sig=${SECRETS.sig}`), {
            config: {
                url: `https://func.example/api/grant?code=${SECRETS.code}&user=alice`,
                headers: {
                    Authorization: `Bearer ${SECRETS.bearer}`,
                    Cookie: SECRETS.cookie,
                    'X-Api-Key': SECRETS.apiKey,
                },
                data: `grant_type=password&client_secret=${SECRETS.clientSecret}&password=${SECRETS.password}`,
            },
            response: { data: { access_token: SECRETS.token, token_type: 'Bearer' } },
        })
        // Execution
        logger.info(`calling with Authorization: Basic ${SECRETS.basic}`, {
            request: { headers: { authorization: `Bearer ${SECRETS.bearer}` } },
            nested: [{ deep: { deeper: { password: SECRETS.password, client_assertion: SECRETS.assertion } } }],
            webhookUrl: `https://prod.logic.azure.com/workflows/1?api-version=1&sig=${SECRETS.sig}`,
            hmacSecret: SECRETS.hmac,
            jwtInText: `got ${SECRETS.token} back`,
        })
        logger.error('provider call failed', { error: axiosLikeError })
        logger.warn(axiosLikeError)
        const text = await output()
        // Validation: nothing secret, but the useful context is still there
        for (const [name, secret] of Object.entries(SECRETS)) expect(text, name).not.toContain(secret)
        expect(text).toContain(REDACTED)
        expect(text).toContain('https://func.example/api/grant?code=[REDACTED]&user=alice')
        expect(text).toContain('"instance":"exec-1"')
        const lines = text
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Record<string, unknown>)
        expect(lines).toHaveLength(3)
        expect(lines[0]).toMatchObject({ level: 'info', message: 'calling with Authorization: Basic [REDACTED]' })
        expect(typeof lines[0]!.timestamp).toBe('string')
    })

    it('redacts by key at any depth, keeps harmless keys that merely contain "sig"', () => {
        // Setup
        const input = {
            assignment_group: '0123456789abcdef0123456789abcdef',
            design: 'kept',
            signature: 's',
            hmacSig: 'h',
            'x-ms-sig': 'x',
            list: [{ refresh_token: 'r' }, 'Bearer abc.def'],
        }
        // Execution
        const out = redact(input) as Record<string, unknown>
        // Validation
        expect(out).toEqual({
            assignment_group: '0123456789abcdef0123456789abcdef',
            design: 'kept',
            signature: REDACTED,
            hmacSig: REDACTED,
            'x-ms-sig': REDACTED,
            list: [{ refresh_token: REDACTED }, `Bearer ${REDACTED}`],
        })
        expect(input.signature).toBe('s') // a copy, the input is untouched
    })

    it('table: secret key names', () => {
        const secret = [
            'password',
            'clientSecret',
            'access_token',
            'Authorization',
            'set-cookie',
            'sig',
            'client_assertion',
            'apiKey',
            'api-key',
            'x_api_key',
        ]
        const plain = ['user', 'assignmentGroup', 'design', 'status', 'url', 'expiresAt', 'signed']
        for (const k of secret) expect(isSecretKey(k), k).toBe(true)
        for (const k of plain) expect(isSecretKey(k), k).toBe(false)
    })

    it('table: secret values inside strings', () => {
        const cases: [string, string][] = [
            ['Authorization: Bearer abc.def-ghi', `Authorization: Bearer ${REDACTED}`],
            ['basic dXNlcjpwYXNz', `basic ${REDACTED}`],
            ['https://h/x?sig=abc&a=1', `https://h/x?sig=${REDACTED}&a=1`],
            ['https://h/x?a=1&code=abc#frag', `https://h/x?a=1&code=${REDACTED}#frag`],
            ['https://user:pw@host/path', `https://${REDACTED}@host/path`],
            ['nothing secret here', 'nothing secret here'],
        ]
        for (const [input, expected] of cases) expect(redactString(input)).toBe(expected)
    })

    it('survives cycles and huge objects', () => {
        // Setup
        const a: Record<string, unknown> = { name: 'a' }
        a.self = a
        let deep: Record<string, unknown> = {}
        const root = deep
        for (let i = 0; i < 50; i++) {
            deep.next = {}
            deep = deep.next as Record<string, unknown>
        }
        // Execution
        const out = redact({ a, root, buf: Buffer.alloc(1024) }) as Record<string, unknown>
        // Validation
        expect((out.a as Record<string, unknown>).self).toBe('[Circular]')
        expect(JSON.stringify(out.root)).toContain('[Truncated]')
        expect(out.buf).toBe('[Buffer 1024 bytes]')
    })

    it('respects the level', async () => {
        // Setup
        const { logger, output } = memoryLogger('info')
        // Execution
        logger.debug('hidden')
        logger.info('shown')
        // Validation
        const text = await output()
        expect(text).toContain('shown')
        expect(text).not.toContain('hidden')
    })
})
