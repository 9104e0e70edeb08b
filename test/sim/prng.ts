/**
 * The simulator's one source of randomness: a seeded PRNG (sfc32, seeded through a 32-bit string hash). Every
 * random choice of a run — the workload, the faults, the interleaving (executor start offsets, crash points) — is
 * drawn from one instance, in a fixed order, so the same seed replays the same run. Nothing in `test/sim` calls
 * `Math.random` or reads the wall clock for a decision.
 *
 * Test code only.
 */

/** xmur3: a 32-bit hash of `text`, used to derive the four sfc32 state words from the seed. */
function xmur3(text: string): () => number {
    let h = 1779033703 ^ text.length
    for (let i = 0; i < text.length; i++) {
        h = Math.imul(h ^ text.charCodeAt(i), 3432918353)
        h = (h << 13) | (h >>> 19)
    }
    return () => {
        h = Math.imul(h ^ (h >>> 16), 2246822507)
        h = Math.imul(h ^ (h >>> 13), 3266489909)
        h ^= h >>> 16
        return h >>> 0
    }
}

/** A seeded pseudo-random generator (sfc32). */
export class Prng {
    private a: number
    private b: number
    private c: number
    private d: number

    constructor(seed: string | number) {
        const next = xmur3(String(seed))
        this.a = next()
        this.b = next()
        this.c = next()
        this.d = next()
        for (let i = 0; i < 15; i++) this.next()
    }

    /** A float in [0, 1). */
    next(): number {
        this.a >>>= 0
        this.b >>>= 0
        this.c >>>= 0
        this.d >>>= 0
        let t = (this.a + this.b) | 0
        this.a = this.b ^ (this.b >>> 9)
        this.b = (this.c + (this.c << 3)) | 0
        this.c = (this.c << 21) | (this.c >>> 11)
        this.d = (this.d + 1) | 0
        t = (t + this.d) | 0
        this.c = (this.c + t) | 0
        return (t >>> 0) / 4294967296
    }

    /** An integer in [min, max] (inclusive). */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1))
    }

    /** True with probability `p`. */
    chance(p: number): boolean {
        return this.next() < p
    }

    /** One element of `items`. */
    pick<T>(items: readonly T[]): T {
        if (items.length === 0) throw new Error('Prng.pick: no items')
        return items[Math.floor(this.next() * items.length)]!
    }

    /** One key of `weights`, chosen with probability proportional to its weight. */
    weighted<K extends string>(weights: Record<K, number>): K {
        const entries = Object.entries(weights) as [K, number][]
        const total = entries.reduce((sum, [, w]) => sum + w, 0)
        let r = this.next() * total
        for (const [key, w] of entries) {
            r -= w
            if (r < 0) return key
        }
        return entries[entries.length - 1]![0]
    }

    /** A hex string of `bytes` random bytes (secrets of the simulated world, reproducible from the seed). */
    hex(bytes: number): string {
        let out = ''
        for (let i = 0; i < bytes; i++) out += this.int(0, 255).toString(16).padStart(2, '0')
        return out
    }

    /** A child generator for a sub-stream (its own sequence; the parent advances by one draw). */
    fork(label: string): Prng {
        return new Prng(`${label}:${this.int(0, 2 ** 31)}`)
    }
}
