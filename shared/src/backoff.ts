/**
 * Capped, jittered exponential backoff for retries scheduled through an action's `not_before`.
 *
 * Pure ES2021: randomness is injected so tests (and replays) are deterministic.
 */

/** Options of {@link backoffMs}. */
export interface BackoffOptions {
    /** Delay before the first retry, in milliseconds (attempt 1). */
    baseMs: number
    /** Upper bound of any delay, in milliseconds, applied before jitter (so jitter never exceeds it). */
    maxMs: number
    /**
     * Fraction of the delay that is randomised, 0..1. With 0.2 the delay lies in [0.8 × d, d]: jitter only ever
     * shortens, so the cap stays a hard cap, and replicas retrying the same failure spread out.
     */
    jitter: number
    /** Source of uniform randomness in [0, 1), e.g. `Math.random`. */
    random: () => number
}

/**
 * Delay before retry number `attempt` (1 = first retry): `min(maxMs, baseMs × 2^(attempt-1))`, then reduced by
 * up to `jitter` of itself. Attempts below 1 are treated as 1. Returns whole milliseconds.
 *
 * @throws Error when an option is out of range (negative or non-finite delays, jitter outside 0..1) or
 *   `random()` returns a value outside [0, 1) — a misconfigured backoff must fail loudly, not spin.
 */
export function backoffMs(attempt: number, options: BackoffOptions): number {
    const { baseMs, maxMs, jitter, random } = options
    if (!(baseMs >= 0) || !isFinite(baseMs)) throw new Error(`backoffMs: baseMs must be a finite number >= 0`)
    if (!(maxMs >= 0) || !isFinite(maxMs)) throw new Error(`backoffMs: maxMs must be a finite number >= 0`)
    if (!(jitter >= 0 && jitter <= 1)) throw new Error(`backoffMs: jitter must be within 0..1`)
    // NaN and values below 1 count as the first retry. n is limited to 1000 so 2^(n-1) stays finite (baseMs 0
    // never yields 0 × Infinity = NaN); baseMs × 2^(n-1) may still overflow to Infinity, which Math.min absorbs.
    const n = attempt >= 1 ? Math.min(Math.floor(attempt), 1000) : 1
    const raw = Math.min(maxMs, baseMs * Math.pow(2, n - 1))
    const r = random()
    if (!(r >= 0 && r < 1)) throw new Error(`backoffMs: random() must return a number in [0, 1)`)
    return Math.round(raw * (1 - jitter * r))
}
