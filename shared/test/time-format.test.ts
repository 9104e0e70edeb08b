import { describe, expect, it } from 'vitest'
import { formatMinutes, formatTime, plural } from '../src/time-format'

describe('formatTime', () => {
    it('writes UTC with the zone, 24-hour, minutes truncated', () => {
        expect(formatTime(new Date('2026-12-02T15:42:59.999Z'))).toBe('2026-12-02 15:42 UTC')
        expect(formatTime(new Date('2027-01-05T03:07:00Z'))).toBe('2027-01-05 03:07 UTC')
        expect(formatTime(new Date('2026-12-31T23:59:00+05:00'))).toBe('2026-12-31 18:59 UTC')
    })

    it('refuses an invalid date', () => {
        expect(() => formatTime(new Date('nope'))).toThrow(RangeError)
    })
})

describe('formatMinutes and plural', () => {
    it('never writes "1 minutes"', () => {
        expect(formatMinutes(1)).toBe('1 minute')
        expect(formatMinutes(0)).toBe('0 minutes')
        expect(formatMinutes(5)).toBe('5 minutes')
        expect(plural(1, 'hour')).toBe('1 hour')
        expect(plural(2, 'hour')).toBe('2 hours')
    })

    it('writes hours and days', () => {
        expect(formatMinutes(60)).toBe('1 hour')
        expect(formatMinutes(90)).toBe('1 hour 30 minutes')
        expect(formatMinutes(240)).toBe('4 hours')
        expect(formatMinutes(1440 + 120 + 5)).toBe('1 day 2 hours')
    })

    it('refuses a negative or fractional duration', () => {
        expect(() => formatMinutes(-1)).toThrow(RangeError)
        expect(() => formatMinutes(1.5)).toThrow(RangeError)
    })
})
