import { describe, expect, it } from 'vitest'
import { CONSOLE_PACKET_INVALID, consoleTargetReasons, providerDurationReasons, providerLimits } from '../src'

describe('the emergency console packet as requested (checked on submit)', () => {
    const ok = { tenantId: 'TNT-40213', tenantName: 'Contoso', account: 'admin@contoso.example', scope: 'user_admin' }

    it('a complete, requestable packet has no reason', () => {
        expect(consoleTargetReasons(ok)).toEqual([])
        expect(consoleTargetReasons({ ...ok, scope: 'user_admin,security_admin' })).toEqual([])
    })

    it('one reason names every problem: a tenant id that is not an id, global admin, a privilege twice', () => {
        const bad = consoleTargetReasons({ ...ok, tenantId: 'a/b', scope: 'global_admin, user_admin,user_admin' })
        expect(bad).toHaveLength(1)
        expect(bad[0]!.code).toBe(CONSOLE_PACKET_INVALID)
        expect(bad[0]!.message).toContain('tenant id')
        expect(bad[0]!.message).toContain('"global_admin" cannot be requested')
        expect(bad[0]!.message).toContain('names a privilege twice')
    })

    it('an empty packet: tenant, name, account and privileges all named', () => {
        const message = consoleTargetReasons({})[0]!.message
        for (const part of ['tenant id', 'tenant name', 'administrator account', 'no privilege is selected'])
            expect(message).toContain(part)
    })

    it('the console provider takes 15 minutes to 4 hours', () => {
        expect(providerLimits('console')).toMatchObject({ minDurationMinutes: 15, maxDurationMinutes: 240 })
        expect(providerDurationReasons('console', 10)).toHaveLength(1)
        expect(providerDurationReasons('console', 45)).toEqual([])
    })
})
