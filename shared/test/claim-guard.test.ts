import { describe, expect, it } from 'vitest'
import { checkActionWrite } from '../src/claim-guard'

// Fake clock: a fixed "now"; leases are expressed relative to it.
const NOW = Date.UTC(2025, 2, 12, 10, 0, 0)

describe('claim guard', () => {
    it('refuses a claim while another lease is valid', () => {
        // Setup: exec-a holds the lease for another minute.
        const before = { state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: NOW + 60000 }
        // Execution
        const verdict = checkActionWrite(
            before,
            { state: 'claimed', leaseOwner: 'exec-b', leaseUntilMs: NOW + 120000 },
            'exec-b',
            NOW,
        )
        // Validation
        expect(verdict).toEqual({ allowed: false, reason: expect.stringMatching(/leased by exec-a/) })
    })

    it('allows a claim after the lease expired, and on a ready action', () => {
        const expired = { state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: NOW }
        expect(checkActionWrite(expired, { leaseOwner: 'exec-b', leaseUntilMs: NOW + 60000 }, 'exec-b', NOW)).toEqual({
            allowed: true,
        })
        const ready = { state: 'ready', leaseOwner: '', leaseUntilMs: 0 }
        expect(checkActionWrite(ready, { state: 'claimed', leaseOwner: 'exec-b' }, 'exec-b', NOW)).toEqual({
            allowed: true,
        })
    })

    it('refuses a claim made in another executor name', () => {
        const ready = { state: 'ready', leaseOwner: '', leaseUntilMs: 0 }
        expect(checkActionWrite(ready, { leaseOwner: 'exec-a' }, 'exec-b', NOW).allowed).toBe(false)
    })

    it('refuses a write by a non-holder', () => {
        const before = { state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: NOW + 60000 }
        expect(checkActionWrite(before, { state: 'done' }, 'exec-b', NOW)).toEqual({
            allowed: false,
            reason: expect.stringMatching(/does not hold the lease/),
        })
    })

    it('refuses a write by a holder whose lease expired, allows it while valid', () => {
        const lapsed = { state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: NOW - 1 }
        expect(checkActionWrite(lapsed, { state: 'done' }, 'exec-a', NOW)).toEqual({
            allowed: false,
            reason: expect.stringMatching(/expired/),
        })
        const valid = { ...lapsed, leaseUntilMs: NOW + 1 }
        expect(checkActionWrite(valid, { state: 'done' }, 'exec-a', NOW)).toEqual({ allowed: true })
    })

    it('lets any executor (the sweeper) release an expired lease, but not a valid one', () => {
        const expired = { state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: NOW - 1000 }
        expect(checkActionWrite(expired, { state: 'ready', leaseOwner: '' }, 'exec-c', NOW)).toEqual({ allowed: true })
        const valid = { ...expired, leaseUntilMs: NOW + 1000 }
        expect(checkActionWrite(valid, { state: 'ready', leaseOwner: '' }, 'exec-c', NOW).allowed).toBe(false)
    })

    it.each(['done', 'dead'])('never re-claims a %s action', (state) => {
        const finished = { state, leaseOwner: 'exec-a', leaseUntilMs: NOW - 1000 }
        expect(checkActionWrite(finished, { state: 'claimed', leaseOwner: 'exec-b' }, 'exec-b', NOW)).toEqual({
            allowed: false,
            reason: `Claim refused: the action is already ${state}.`,
        })
    })
})

describe('checkActionWrite: only a write to state claimed is a claim', () => {
    const now = Date.parse('2026-01-01T12:00:00Z')
    const released = { state: 'ready', leaseOwner: '', leaseUntilMs: 0 }

    it('refuses a late executor finishing a released action without claiming it again', () => {
        // execution / validation
        const verdict = checkActionWrite(released, { leaseOwner: 'exec-1', state: 'done' }, 'exec-1', now)
        expect(verdict.allowed).toBe(false)
    })

    it('still allows a proper claim of the released action', () => {
        const verdict = checkActionWrite(
            released,
            { leaseOwner: 'exec-1', state: 'claimed', leaseUntilMs: now + 60_000 },
            'exec-1',
            now,
        )
        expect(verdict).toEqual({ allowed: true })
    })
})
