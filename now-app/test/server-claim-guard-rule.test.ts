import { beforeEach, describe, expect, it, vi } from 'vitest'

// A minimal Glide fake: the roles of the calling user, a fixed "now", and recorded error messages.
const glide = vi.hoisted(() => ({
    roles: new Set<string>(),
    nowMs: 0,
    messages: [] as string[],
    audits: [] as { grant: string; eventType: string; payload: Record<string, unknown> }[],
    notes: [] as string[],
}))
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
    GlideRecord: class {
        get(): boolean {
            return true
        }
    },
}))
// Where a refusal is recorded: the grant's audit chain and its ticket (their own modules are tested elsewhere).
vi.mock('../src/server/glide-io', () => ({
    appendAudit: (grant: string, eventType: string, _actor: string, payload: Record<string, unknown>) =>
        glide.audits.push({ grant, eventType, payload }),
    sessionActor: () => 'svc.breakglass.executor',
    // Used by extend.ts extensionWriteFacts (the executor-write guard's extension facts).
    str: (record: { getValue(f: string): unknown }, field: string) => String(record.getValue(field) ?? ''),
    glideToMs: (value: string) => (value ? Date.parse(`${value.replace(' ', 'T')}Z`) : null),
}))
vi.mock('../src/server/ticket', () => ({ workNote: (_grant: unknown, text: string) => glide.notes.push(text) }))

import { glideDateTimeToMs, guardActionInsert, guardActionWrite, guardGrantWrite } from '../src/server/claim-guard-rule'

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
        glide.audits = []
        glide.notes = []
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

const GRANT = 'a1'.repeat(16)

describe('state machine business rules (executor role)', () => {
    beforeEach(() => {
        glide.roles = new Set(['x_gbg_breakglass.executor'])
        glide.nowMs = NOW
        glide.messages = []
        glide.audits = []
        glide.notes = []
    })
    const withId = (values: Record<string, string>) => ({ ...record(values), getUniqueValue: () => GRANT })

    it('refuses a grant action inserted by the executor, recording it on the grant and its ticket', () => {
        const row = { grant: GRANT, type: 'grant', state: 'ready', priority: '3', max_attempts: '10' }
        const current = record(row)
        guardActionInsert(current)
        expect(current.aborted).toBe(true)
        expect(glide.messages[0]).toMatch(/may not create a grant action/)
        expect(glide.audits).toEqual([
            { grant: GRANT, eventType: 'executor.write_refused', payload: expect.objectContaining({ type: 'grant' }) },
        ])
        expect(glide.notes[0]).toMatch(/may not create a grant action/)
        const revoke = record({ ...row, type: 'revoke', priority: '1' })
        guardActionInsert(revoke)
        expect(revoke.aborted).toBe(false)
        // Getvalue of an empty integer is null on the instance (contracts/servicenow-rest.md): read as ''
        const empty = record({ ...row, type: 'verify', priority: '' })
        guardActionInsert(empty)
        expect(empty.aborted).toBe(true)
        expect(glide.messages.at(-1)).toMatch(/priority "" is not a whole number/)
    })

    it('refuses a queued grant moved to active, and a plan rewrite; allows queued → granting', () => {
        const queued = { state: 'queued', plan: '{"a":1}', plan_digest: 'd1', last_error: '' }
        const toActive = withId({ ...queued, state: 'active', expires_at: '2026-11-24 20:00:00' })
        guardGrantWrite(toActive, record(queued))
        expect(toActive.aborted).toBe(true)
        expect(glide.messages[0]).toMatch(/queued → active/)
        expect(glide.audits[0]).toMatchObject({ grant: GRANT, payload: { from: 'queued', to: 'active' } })

        const plan = withId({ ...queued, plan: '{"a":2}', plan_digest: 'd2' })
        guardGrantWrite(plan, record(queued))
        expect(plan.aborted).toBe(true)
        expect(glide.messages[1]).toMatch(/plan is not the executor's to write/)

        const granting = withId({ ...queued, state: 'granting', executor_instance: 'exec-1' })
        guardGrantWrite(granting, record(queued))
        expect(granting.aborted).toBe(false)
    })

    it('refuses a grant created by the executor', () => {
        const current = withId({ state: 'queued' })
        guardGrantWrite(current, null)
        expect(current.aborted).toBe(true)
        expect(glide.messages[0]).toMatch(/never creates a grant/)
    })

    it('records a holder re-queueing a finished action, not a lost claim', () => {
        const previous = record({ grant: GRANT, state: 'done', lease_owner: 'exec-1', lease_until: inOneMinute })
        const current = withId({ grant: GRANT, state: 'ready', lease_owner: 'exec-1', lease_until: inOneMinute })
        guardActionWrite(current, previous)
        expect(current.aborted).toBe(true)
        expect(glide.messages[0]).toMatch(/done → ready/)
        expect(glide.audits).toHaveLength(1)

        const lost = record({ grant: GRANT, state: 'claimed', lease_owner: 'exec-2', lease_until: inOneMinute })
        guardActionWrite(
            lost,
            record({ grant: GRANT, state: 'claimed', lease_owner: 'exec-1', lease_until: inOneMinute }),
        )
        expect(lost.aborted).toBe(true)
        expect(glide.audits).toHaveLength(1)
    })

    it('does not judge admins or app logic', () => {
        for (const roles of [['admin'], []]) {
            glide.roles = new Set(roles)
            const current = withId({ state: 'active' })
            guardGrantWrite(current, record({ state: 'queued' }))
            guardActionInsert(current)
            expect(current.aborted).toBe(false)
        }
    })
})
