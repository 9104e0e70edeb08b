import { beforeEach, describe, expect, it, vi } from 'vitest'

// A minimal Glide fake: the roles of the calling user, a fixed "now", and recorded error messages.
const glide = vi.hoisted(() => ({ roles: new Set<string>(), nowMs: 0, messages: [] as string[] }))
vi.mock('@servicenow/glide', () => ({
    gs: {
        hasRole: (role: string) => glide.roles.has('admin') || glide.roles.has(role),
        addErrorMessage: (m: string) => glide.messages.push(m),
    },
    GlideDateTime: class {
        getNumericValue(): number {
            return glide.nowMs
        }
    },
}))

import { glideDateTimeToMs, guardActionWrite } from '../src/server/claim-guard-rule'

/** A record as a business rule sees it: getValue + setAbortAction. */
function record(values: Record<string, string>) {
    return {
        aborted: false,
        getValue: (f: string) => values[f] ?? null,
        setAbortAction(v: boolean) {
            this.aborted = v
        },
    }
}

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0)
const inOneMinute = '2026-11-24 12:01:00'
const oneMinuteAgo = '2026-11-24 11:59:00'

describe('claim guard business rule (action table, before update)', () => {
    beforeEach(() => {
        glide.roles = new Set(['x_gbg_breakglass.executor'])
        glide.nowMs = NOW
        glide.messages = []
    })

    it('parses stored UTC date-times', () => {
        expect(glideDateTimeToMs('2026-11-24 12:00:00')).toBe(NOW)
        expect(glideDateTimeToMs('')).toBe(0)
        expect(glideDateTimeToMs('yesterday')).toBe(0)
    })

    it('aborts a second claimer while the first lease is valid, with the reason', () => {
        // setup
        const previous = record({ state: 'claimed', lease_owner: 'exec-1', lease_until: inOneMinute })
        const current = record({ state: 'claimed', lease_owner: 'exec-2', lease_until: '2026-11-24 12:02:00' })
        // execution
        guardActionWrite(current, previous)
        // validation
        expect(current.aborted).toBe(true)
        expect(glide.messages[0]).toMatch(/leased by exec-1/)
    })

    it('lets the holder complete and a claimer take over an expired lease', () => {
        const held = record({ state: 'claimed', lease_owner: 'exec-1', lease_until: inOneMinute })
        const done = record({ state: 'done', lease_owner: 'exec-1', lease_until: inOneMinute })
        guardActionWrite(done, held)
        expect(done.aborted).toBe(false)

        const expired = record({ state: 'claimed', lease_owner: 'exec-1', lease_until: oneMinuteAgo })
        const takeover = record({ state: 'claimed', lease_owner: 'exec-2', lease_until: inOneMinute })
        guardActionWrite(takeover, expired)
        expect(takeover.aborted).toBe(false)
    })

    it('refuses a late executor finishing an action the sweeper released', () => {
        const released = record({ state: 'ready', lease_owner: '', lease_until: '' })
        const late = record({ state: 'done', lease_owner: 'exec-1', lease_until: '' })
        guardActionWrite(late, released)
        expect(late.aborted).toBe(true)
    })

    it('does not judge admins or app logic (no executor role)', () => {
        const previous = record({ state: 'claimed', lease_owner: 'exec-1', lease_until: inOneMinute })
        for (const roles of [['admin'], []]) {
            glide.roles = new Set(roles)
            const current = record({ state: 'ready', lease_owner: '', lease_until: '' })
            guardActionWrite(current, previous)
            expect(current.aborted).toBe(false)
        }
    })
})
