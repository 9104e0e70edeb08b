/**
 * The process's entropy, taken from the seed while a simulated world runs. The emulators draw record ids, tokens and
 * Graph ids at random (`crypto.randomBytes` / `randomUUID`), the executor's backoff jitter and the notifier use
 * `Math.random`; those values decide orders (a list sorted by sys_id, which outbox item goes first) and so the
 * interleaving. Replaying a seed — and running a world in a worker process instead of the parent — must give the
 * same trace, so for the duration of a world these three functions draw from a PRNG forked for that world, and are
 * restored afterwards. Nothing here is a production hook: it patches the Node built-ins of the simulator's own
 * process (`syncBuiltinESMExports` makes ES-module importers of `node:crypto` see the patch too).
 *
 * Test code only.
 */
import crypto from 'node:crypto'
import { syncBuiltinESMExports } from 'node:module'
import type { Prng } from './prng'

type RandomBytes = typeof crypto.randomBytes

let installed = false

/** Routes `crypto.randomBytes`, `crypto.randomUUID` and `Math.random` to `prng` until the returned restore runs. */
export function useSeededEntropy(prng: Prng): () => void {
    if (installed) throw new Error('seeded entropy is already installed (one world at a time per process)')
    installed = true
    const original = { randomBytes: crypto.randomBytes, randomUUID: crypto.randomUUID, random: Math.random }
    const bytes = (size: number): Buffer => {
        const out = Buffer.allocUnsafe(size)
        for (let i = 0; i < size; i++) out[i] = Math.floor(prng.next() * 256)
        return out
    }
    const randomBytes = ((size: number, callback?: (err: Error | null, buf: Buffer) => void) => {
        const buf = bytes(size)
        if (callback) {
            process.nextTick(() => callback(null, buf))
            return undefined
        }
        return buf
    }) as RandomBytes
    const randomUUID = (): `${string}-${string}-${string}-${string}-${string}` => {
        const b = bytes(16)
        b[6] = (b[6]! & 0x0f) | 0x40
        b[8] = (b[8]! & 0x3f) | 0x80
        const h = b.toString('hex')
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
    }
    crypto.randomBytes = randomBytes
    crypto.randomUUID = randomUUID
    Math.random = () => prng.next()
    syncBuiltinESMExports()
    return () => {
        crypto.randomBytes = original.randomBytes
        crypto.randomUUID = original.randomUUID
        Math.random = original.random
        syncBuiltinESMExports()
        installed = false
    }
}
