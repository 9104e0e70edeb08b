/**
 * The console provider's RFC 6238 TOTP (node:crypto) against the RFC's own test vectors (Appendix B, SHA-1,
 * seed "12345678901234567890"), and base32 seeds as enrolment QR codes carry them.
 */
import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode, checkTotp, totp } from '../src/providers/console/totp'

const SEED = Buffer.from('12345678901234567890', 'ascii')

describe('TOTP (RFC 6238)', () => {
    it.each([
        [59, '94287082'],
        [1111111109, '07081804'],
        [1111111111, '14050471'],
        [1234567890, '89005924'],
        [2000000000, '69279037'],
        [20000000000, '65353130'],
    ])('matches the RFC test vector at T=%i', (seconds, code) => {
        expect(totp(SEED, seconds * 1000, 8)).toBe(code)
        expect(totp(SEED, seconds * 1000)).toBe(code.slice(2))
    })

    it('accepts one step of clock drift either side and nothing further', () => {
        const at = 1_700_000_000_000
        const code = totp(SEED, at)
        expect(checkTotp(SEED, code, at + 30_000)).not.toBeNull()
        expect(checkTotp(SEED, code, at - 30_000)).not.toBeNull()
        expect(checkTotp(SEED, code, at + 90_000)).toBeNull()
        expect(checkTotp(SEED, 'abcdef', at)).toBeNull()
    })

    it('round-trips base32 and refuses what is not base32', () => {
        expect(base32Encode(SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
        expect(base32Decode('gezdgnbvgy3tqojqgezdgnbvgy3tqojq').equals(SEED)).toBe(true)
        expect(() => base32Decode('not base32!')).toThrow('not base32')
    })
})
