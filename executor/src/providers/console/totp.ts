/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits — the defaults every
 * authenticator app uses), with node:crypto. The console provider signs in with it; the console emulator checks
 * it. Seeds are given in RFC 4648 base32 (what enrolment QR codes carry).
 */
import { createHmac } from 'node:crypto'

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** Decode RFC 4648 base32 (padding and spaces ignored, case-insensitive). @throws Error on any other character. */
export function base32Decode(text: string): Buffer {
    const clean = text.replace(/[\s=]/g, '').toUpperCase()
    let bits = 0
    let value = 0
    const out: number[] = []
    for (const ch of clean) {
        const idx = BASE32.indexOf(ch)
        if (idx < 0) throw new Error('the TOTP seed is not base32')
        value = (value << 5) | idx
        bits += 5
        if (bits >= 8) {
            out.push((value >>> (bits - 8)) & 0xff)
            bits -= 8
        }
    }
    return Buffer.from(out)
}

/** Encode bytes as RFC 4648 base32 without padding. */
export function base32Encode(bytes: Buffer): string {
    let bits = 0
    let value = 0
    let out = ''
    for (const b of bytes) {
        value = (value << 8) | b
        bits += 8
        while (bits >= 5) {
            out += BASE32[(value >>> (bits - 5)) & 31]
            bits -= 5
        }
    }
    if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
    return out
}

/** RFC 4226 HOTP of `counter` (dynamic truncation), `digits` long. */
export function hotp(key: Buffer, counter: number, digits = 6): string {
    const msg = Buffer.alloc(8)
    msg.writeBigUInt64BE(BigInt(counter))
    const mac = createHmac('sha1', key).update(msg).digest()
    const offset = mac[mac.length - 1]! & 0x0f
    const code = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!
    return String(code % 10 ** digits).padStart(digits, '0')
}

/** RFC 6238 TOTP at `atMs` (30 s steps from the Unix epoch). */
export function totp(key: Buffer, atMs: number, digits = 6, stepSeconds = 30): string {
    return hotp(key, Math.floor(atMs / 1000 / stepSeconds), digits)
}

/**
 * Check a code, accepting `window` steps either side (RFC 6238 §5.2 recommends at most one step of clock drift).
 * Returns the matched step (for replay protection) or null.
 */
export function checkTotp(key: Buffer, code: string, atMs: number, window = 1, stepSeconds = 30): number | null {
    if (!/^\d{6}$/.test(code)) return null
    const step = Math.floor(atMs / 1000 / stepSeconds)
    for (let d = -window; d <= window; d++) {
        if (hotp(key, step + d) === code) return step + d
    }
    return null
}
