import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isSha256Hex, sha256, sha256Bytes, utf8Encode } from '../src/sha256'

const nodeSha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/** Deterministic PRNG (mulberry32) so a failing random case can be reproduced. */
function prng(seed: number): () => number {
    let a = seed >>> 0
    return () => {
        a = (a + 0x6d2b79f5) >>> 0
        let t = a
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
}

/** A random string mixing ASCII, Latin-1, other BMP, emoji (surrogate pairs) and lone surrogates. */
function randomText(random: () => number, length: number): string {
    let s = ''
    for (let i = 0; i < length; i++) {
        const pick = random()
        if (pick < 0.4) s += String.fromCharCode(0x20 + Math.floor(random() * 95))
        else if (pick < 0.55) s += String.fromCharCode(0x80 + Math.floor(random() * 0x780))
        else if (pick < 0.75) s += String.fromCharCode(0x800 + Math.floor(random() * 0xd000))
        else if (pick < 0.95) s += String.fromCodePoint(0x10000 + Math.floor(random() * 0xfffff))
        else s += String.fromCharCode(0xd800 + Math.floor(random() * 0x800))
    }
    return s
}

describe('sha256', () => {
    it('matches the NIST FIPS 180-4 example vectors', () => {
        // Execution / validation
        expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
        expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
        expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
            '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
        )
        expect(
            sha256(
                'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
            ),
        ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1')
        expect(sha256('a'.repeat(1000000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0')
    })

    it('agrees with Node crypto on every padding boundary length', () => {
        // 55/56/63/64/65 bytes are where the length field spills into an extra block.
        for (let n = 0; n <= 200; n++) expect(sha256('q'.repeat(n)), `length ${n}`).toBe(nodeSha('q'.repeat(n)))
    })

    it('agrees with Node crypto on 600 random strings with non-ASCII, emoji and lone surrogates', () => {
        // Setup
        const random = prng(20250312)
        for (let i = 0; i < 600; i++) {
            const text = randomText(random, Math.floor(random() * 300))
            // Execution / validation: digest and encoding both match Node's.
            expect(sha256(text), JSON.stringify(text)).toBe(nodeSha(text))
            expect(utf8Encode(text)).toEqual([...Buffer.from(text, 'utf8')])
        }
    })

    it('encodes lone surrogates as U+FFFD like TextEncoder', () => {
        expect(utf8Encode('\ud800')).toEqual([0xef, 0xbf, 0xbd])
        expect(utf8Encode('a\udc00b')).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62])
        expect(utf8Encode('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80])
    })

    it('hashes raw bytes and recognises digests', () => {
        expect(sha256Bytes([0x61, 0x62, 0x63])).toBe(sha256('abc'))
        expect(isSha256Hex(sha256('x'))).toBe(true)
        expect(isSha256Hex(sha256('x').toUpperCase())).toBe(false)
        expect(isSha256Hex('abc')).toBe(false)
    })
})
