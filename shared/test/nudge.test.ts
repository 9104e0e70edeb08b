import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadPackagedModules, readPackagedSharedModules } from './packaged-modules'
import {
    hmacSha256Hex,
    nudgeBody,
    nudgeConfigProblem,
    nudgeSignature,
    nudgeTimeInWindow,
    parseNudgeSignature,
} from '../src/nudge'

const nodeHmac = (key: string, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest('hex')

describe('hmacSha256Hex (pure, runs on the platform)', () => {
    it('matches RFC 4231 test cases 2 and 6 (short key; key longer than the block)', () => {
        expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
            '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
        )
        const key = String.fromCharCode(...new Array<number>(131).fill(0xaa))
        // 0xaa is one byte in Latin-1 but two in UTF-8: compare with Node over the same UTF-8 bytes instead.
        expect(hmacSha256Hex(key, 'Test Using Larger Than Block-Size Key - Hash Key First')).toBe(
            nodeHmac(key, 'Test Using Larger Than Block-Size Key - Hash Key First'),
        )
    })

    it("equals Node's createHmac for keys of 0..130 characters and non-ASCII text", () => {
        for (let n = 0; n <= 130; n += 13) {
            const key = 'k€y-'.repeat(n).slice(0, n)
            const msg = `1767225600.{"reason":"action.queued","n":${n},"t":"ü😀"}`
            expect(hmacSha256Hex(key, msg)).toBe(nodeHmac(key, msg))
        }
    })
})

describe('nudge signature', () => {
    const secret = 's'.repeat(40)

    it('signs "<t>.<body>" and parses back', () => {
        const body = nudgeBody('grant')
        const header = nudgeSignature(secret, 1767225600.9, body)
        const parsed = parseNudgeSignature(header)
        expect(parsed).toEqual({ t: 1767225600, v1: nodeHmac(secret, `1767225600.${body}`) })
    })

    it('refuses malformed headers', () => {
        for (const bad of ['', 't=1', 'v1=' + 'a'.repeat(64), 't=x,v1=' + 'a'.repeat(64), 't=1,v1=' + 'A'.repeat(64)]) {
            expect(parseNudgeSignature(bad)).toBeNull()
        }
    })

    it('has a 300 s window both ways', () => {
        const now = 1_767_225_600_000
        expect(nudgeTimeInWindow(now / 1000 - 300, now)).toBe(true)
        expect(nudgeTimeInWindow(now / 1000 - 301, now)).toBe(false)
        expect(nudgeTimeInWindow(now / 1000 + 301, now)).toBe(false)
    })

    it('the body names only a reason and a known action type', () => {
        expect(JSON.parse(nudgeBody('grant'))).toEqual({ reason: 'action.queued', type: 'grant' })
        expect(JSON.parse(nudgeBody('<script>'))).toEqual({ reason: 'action.queued' })
    })
})

describe('nudgeConfigProblem', () => {
    const secret = 'x'.repeat(32)
    it('accepts https anywhere and http to localhost only', () => {
        expect(nudgeConfigProblem('https://executor.example.com:8443/v1/nudge', secret)).toBe('')
        expect(nudgeConfigProblem('http://127.0.0.1:9000/v1/nudge', secret)).toBe('')
        expect(nudgeConfigProblem('http://executor.example.com/v1/nudge', secret)).toMatch(/https/)
    })
    it('refuses credentials in the URL, other schemes and short secrets', () => {
        expect(nudgeConfigProblem('https://u:p@executor.example.com/v1/nudge', secret)).toMatch(/credentials/)
        expect(nudgeConfigProblem('ftp://executor.example.com/', secret)).toMatch(/not an http/)
        expect(nudgeConfigProblem('https://executor.example.com/v1/nudge', 'short')).toMatch(/secret/)
        expect(nudgeConfigProblem('https://executor.example.com/v1/nudge', 'hunter2')).not.toContain('hunter2')
    })
})

describe('the packaged nudge module (what the instance runs: now-app/dist, in a bare vm)', () => {
    it("signs exactly as the executor verifies with Node's HMAC", () => {
        // setup
        const runtime = loadPackagedModules(readPackagedSharedModules())
        const secret = 'packaged-secret-0123456789abcdef-0123456789'
        const body = '{"reason":"action.queued","type":"revoke"}'

        // execution
        const header = runtime.call<string>('nudgeSignature', [secret, 1767225600, body])

        // validation
        expect(header).toBe(`t=1767225600,v1=${nodeHmac(secret, `1767225600.${body}`)}`)
    })
})
