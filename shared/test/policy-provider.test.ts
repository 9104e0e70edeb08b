import { describe, expect, it } from 'vitest'
import {
    DURATION_BOUNDS,
    PROVIDERS,
    PROVIDER_LIMIT_REASON,
    openRequestForUserReason,
    providerDurationReasons,
    providerLimits,
} from '../src'

describe('provider limits (what a provider enforces itself)', () => {
    it('epm: 5 minutes to 24 hours, one open request per user', () => {
        expect(providerLimits('epm')).toEqual({
            minDurationMinutes: 5,
            maxDurationMinutes: 1440,
            openRequestScope: 'user',
        })
        expect(providerDurationReasons('epm', 4)[0]?.code).toBe(PROVIDER_LIMIT_REASON.durationBelowProviderMinimum)
        expect(providerDurationReasons('epm', 5)).toEqual([])
        expect(providerDurationReasons('epm', 1440)).toEqual([])
        expect(providerDurationReasons('epm', 1441)[0]?.code).toBe(PROVIDER_LIMIT_REASON.durationAboveProviderMaximum)
        expect(providerDurationReasons('epm', 30.5)[0]?.code).toBe(PROVIDER_LIMIT_REASON.durationBelowProviderMinimum)
    })

    it('the emergency console lasts 15 minutes to 4 hours: its shortest and longest expiry choices', () => {
        expect(providerLimits('console')).toEqual({
            minDurationMinutes: 15,
            maxDurationMinutes: 240,
            openRequestScope: 'user_and_target',
        })
        expect(providerDurationReasons('console', 14).map((r) => r.code)).toEqual([
            PROVIDER_LIMIT_REASON.durationBelowProviderMinimum,
        ])
        expect(providerDurationReasons('console', 241).map((r) => r.code)).toEqual([
            PROVIDER_LIMIT_REASON.durationAboveProviderMaximum,
        ])
        expect(providerDurationReasons('console', 45)).toEqual([])
    })

    it('every other provider adds nothing to the hard bounds and scopes duplicates per target', () => {
        for (const p of PROVIDERS.filter((x) => x !== 'epm' && x !== 'console')) {
            expect(providerLimits(p)).toEqual({
                minDurationMinutes: DURATION_BOUNDS.min,
                maxDurationMinutes: DURATION_BOUNDS.max,
                openRequestScope: 'user_and_target',
            })
            expect(providerDurationReasons(p, 1)).toEqual([])
        }
    })

    it('names the open request in the refusal', () => {
        const reason = openRequestForUserReason('epm', 'BGA0001234', 'active')
        expect(reason.code).toBe(PROVIDER_LIMIT_REASON.openRequestForUser)
        expect(reason.message).toContain('BGA0001234 (active)')
    })
})
