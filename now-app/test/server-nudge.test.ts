/**
 * The app's nudge module on the in-memory Glide fake: which inserted actions are nudged, what the request looks like
 * (signed with the shared definition, verifiable with Node's HMAC), what is logged when the call fails, and that the
 * fake's async rule runner refuses a script that writes before its outbound call.
 */
import { createHmac } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { GlideRecord, RESTMessageV2, glide, runWithOutbound, type OutboundRequest } from './support/glide-fake'
import { nudgeOnActionInsert } from '../src/server/nudge'
import { ACTION_FIELDS, PROPERTY, TABLE } from '../../shared/src/schema'

const NOW = Date.UTC(2026, 10, 27, 10, 0, 0)
const SECRET = 'unit-nudge-secret-0123456789abcdef-0123'
const URL = 'https://executor.example.com:8443/v1/nudge'
const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19)

let sent: OutboundRequest[]

beforeEach(() => {
    glide.reset()
    glide.setNow(NOW)
    glide.numbering.set(TABLE.action, 'ACT')
    sent = []
    glide.useOutbound(async (request) => {
        sent.push(request)
        return { status: 202, body: '{"accepted":true}' }
    })
    glide.properties.set(PROPERTY.nudgeEnabled, 'true')
    glide.properties.set(PROPERTY.nudgeUrl, URL)
    glide.properties.set(PROPERTY.nudgeSecret, SECRET)
    glide.addRule({ table: TABLE.action, when: 'async', on: 'insert', fn: (c) => nudgeOnActionInsert(c) })
})

/** Insert an action through GlideRecord with the nudge rule wired (async), then run the queued jobs. */
async function insertAction(values: Record<string, string>): Promise<string> {
    const before = sent.length
    const gr = new GlideRecord(TABLE.action)
    gr.initialize()
    gr.setValue(ACTION_FIELDS.grant, 'a'.repeat(32))
    gr.setValue(ACTION_FIELDS.type, 'grant')
    gr.setValue(ACTION_FIELDS.state, 'ready')
    gr.setValue(ACTION_FIELDS.notBefore, at(NOW))
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    const sysId = String(gr.insert())
    // validation: nothing is sent inside the inserting transaction
    expect(sent).toHaveLength(before)
    await glide.runAsyncJobs()
    return sysId
}

describe('nudge module', () => {
    it('sends one signed POST for a ready grant action due now', async () => {
        // execution
        await insertAction({})

        // validation
        expect(sent).toHaveLength(1)
        const request = sent[0]!
        expect(request).toMatchObject({ method: 'POST', url: URL, timeoutMs: 2000 })
        expect(request.headers['Content-Type']).toBe('application/json')
        const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(request.headers['X-GBG-Signature'] ?? '')
        expect(match?.[1]).toBe(String(NOW / 1000))
        const expected = createHmac('sha256', SECRET).update(`${match![1]}.${request.body}`).digest('hex')
        expect(match?.[2]).toBe(expected)
        expect(JSON.parse(request.body)).toEqual({ reason: 'action.queued', type: 'grant' })
        expect(glide.logs.filter((l) => l.level !== 'debug')).toEqual([])
    })

    it('sends nothing when off, for verify actions, for actions due later or not ready', async () => {
        // execution
        await insertAction({ [ACTION_FIELDS.type]: 'verify' })
        await insertAction({ [ACTION_FIELDS.type]: 'revoke', [ACTION_FIELDS.notBefore]: at(NOW + 60 * 60_000) })
        await insertAction({ [ACTION_FIELDS.state]: 'done' })
        glide.properties.set(PROPERTY.nudgeEnabled, 'false')
        await insertAction({})
        glide.properties.set(PROPERTY.nudgeEnabled, 'TRUE')
        await insertAction({})

        // validation
        expect(sent).toEqual([])
    })

    it('logs a refused, failed or non-202 call with the action number, never the secret', async () => {
        // setup
        const answers = [
            { status: 0, body: '', error: { code: 1, message: 'java.net.SocketTimeoutException: Read timed out' } },
            { status: 0, body: '', thrown: 'java.net.ConnectException: Connection refused' },
            { status: 401, body: '{"error":{"code":"signature_invalid"}}' },
        ]
        glide.useOutbound(async (request) => {
            sent.push(request)
            return answers.shift()!
        })

        // execution
        for (let i = 0; i < 3; i++) await insertAction({})

        // validation
        const warnings = glide.logs.filter((l) => l.level === 'warn').map((l) => l.message)
        expect(warnings).toHaveLength(3)
        expect(warnings[0]).toMatch(/ACT\d+ failed \(HTTP 0, error 1: java.net.SocketTimeoutException/)
        expect(warnings[1]).toMatch(/not sent: java.net.ConnectException: Connection refused/)
        expect(warnings[2]).toMatch(/HTTP 401: .*signature_invalid/)
        for (const w of warnings) expect(w).not.toContain(SECRET)
    })

    it('a misconfigured nudge is an error in the log and is not sent', async () => {
        // execution
        glide.properties.set(PROPERTY.nudgeUrl, 'http://executor.example.com/v1/nudge')
        await insertAction({})
        glide.properties.set(PROPERTY.nudgeUrl, URL)
        glide.properties.set(PROPERTY.nudgeSecret, 'short-secret')
        await insertAction({})

        // validation
        expect(sent).toEqual([])
        const errors = glide.logs.filter((l) => l.level === 'error').map((l) => l.message)
        expect(errors[0]).toMatch(/must be https/)
        expect(errors[1]).toMatch(/secret is missing or shorter/)
        expect(errors.join(' ')).not.toContain('short-secret')
    })
})

describe("the fake's background-script runner", () => {
    it('refuses a write before an outbound call (the script would run twice)', async () => {
        // execution
        await runWithOutbound(() => {
            try {
                const gr = new GlideRecord(TABLE.action)
                gr.initialize()
                gr.insert()
            } catch (error) {
                glide.logs.push({ level: 'error', message: String(error) })
            }
            const message = new RESTMessageV2()
            message.setEndpoint(URL)
            message.setHttpMethod('post')
            message.execute()
        })

        // validation: one call made; the final pass wrote (once), the dry pass could not; its refusal left no log
        expect(sent).toHaveLength(1)
        expect(glide.rows(TABLE.action)).toHaveLength(1)
        expect(glide.logs).toEqual([])
    })
})
