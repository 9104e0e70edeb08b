import { describe, expect, it } from 'vitest'
import {
    DURATION_BOUNDS,
    PROVIDERS,
    PROVIDER_LIMIT_REASON,
    consoleTargetReasons,
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

    it("console: exactly the console form's expiry choices", () => {
        expect(providerLimits('console')).toMatchObject({ minDurationMinutes: 15, maxDurationMinutes: 240 })
        for (const m of [15, 30, 60, 120, 240]) expect(providerDurationReasons('console', m)).toEqual([])
        for (const m of [1, 14, 20, 45, 241]) {
            const reasons = providerDurationReasons('console', m)
            expect(reasons, String(m)).toHaveLength(1)
        }
        expect(providerDurationReasons('console', 20)[0]!.code).toBe(PROVIDER_LIMIT_REASON.durationNotAProviderChoice)
    })

    it('console packet: complete and requestable, or one reason naming every problem', () => {
        const ok = { tenantId: 'TNT-40213', tenantName: 'Contoso', account: 'admin@contoso.example', scope: 'user_admin' }
        expect(consoleTargetReasons(ok)).toEqual([])
        const bad = consoleTargetReasons({ ...ok, tenantId: 'a/b', scope: 'global_admin, user_admin' })
        expect(bad).toHaveLength(1)
        expect(bad[0]!.code).toBe(PROVIDER_LIMIT_REASON.consolePacketInvalid)
        expect(bad[0]!.message).toContain('tenant id')
        expect(bad[0]!.message).toContain('"global_admin" cannot be requested')
        expect(consoleTargetReasons({})[0]!.message).toContain('no privilege is selected')
    })

    it('names the open request in the refusal', () => {
        const reason = openRequestForUserReason('epm', 'BGA0001234', 'active')
        expect(reason.code).toBe(PROVIDER_LIMIT_REASON.openRequestForUser)
        expect(reason.message).toContain('BGA0001234 (active)')
    })
})
