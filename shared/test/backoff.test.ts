import { describe, expect, it } from 'vitest'
import { backoffMs, type BackoffOptions } from '../src/backoff'

const opts = (over: Partial<BackoffOptions> = {}): BackoffOptions => ({
    baseMs: 1000,
    maxMs: 60000,
    jitter: 0,
    random: () => 0,
    ...over,
})

describe('backoffMs', () => {
    it('doubles from the base per attempt', () => {
        expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, opts()))).toEqual([1000, 2000, 4000, 8000, 16000])
    })

    it('is capped at maxMs, even for huge attempts', () => {
        expect(backoffMs(7, opts())).toBe(60000)
        expect(backoffMs(5000, opts())).toBe(60000)
        expect(backoffMs(Infinity, opts())).toBe(60000)
    })

    it('treats attempts below 1 and NaN as the first retry', () => {
        expect(backoffMs(0, opts())).toBe(1000)
        expect(backoffMs(-3, opts())).toBe(1000)
        expect(backoffMs(NaN, opts())).toBe(1000)
    })

    it('only shortens with jitter, within the jitter fraction', () => {
        // random 0 → full delay; random → 1 → delay × (1 - jitter).
        expect(backoffMs(3, opts({ jitter: 0.5, random: () => 0 }))).toBe(4000)
        expect(backoffMs(3, opts({ jitter: 0.5, random: () => 0.5 }))).toBe(3000)
        expect(backoffMs(3, opts({ jitter: 0.5, random: () => 0.999999 }))).toBe(2000)
        expect(backoffMs(20, opts({ jitter: 1, random: () => 0.25 }))).toBe(45000)
    })

    it('handles a zero base', () => {
        expect(backoffMs(2000, opts({ baseMs: 0 }))).toBe(0)
    })

    it('rejects bad options and bad randomness loudly', () => {
        expect(() => backoffMs(1, opts({ baseMs: -1 }))).toThrow(/baseMs/)
        expect(() => backoffMs(1, opts({ maxMs: Infinity }))).toThrow(/maxMs/)
        expect(() => backoffMs(1, opts({ jitter: 1.5 }))).toThrow(/jitter/)
        expect(() => backoffMs(1, opts({ jitter: NaN }))).toThrow(/jitter/)
        expect(() => backoffMs(1, opts({ random: () => 1 }))).toThrow(/random/)
    })
})
