import { describe, expect, it } from 'vitest'
import { checkActionInsert, checkActionWrite, checkGrantInsert, checkGrantWrite } from '../src/claim-guard'
import { actionRowProblems } from '../src/state-machine'

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

describe('state machine: the executor makes only its own transitions', () => {
    const holder = { state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: NOW + 60_000 }

    it('lets the lease holder finish, retry and renew, but not leave the queue states', () => {
        for (const to of ['done', 'failed', 'dead', 'claimed']) {
            expect(checkActionWrite(holder, { state: to }, 'exec-a', NOW), to).toEqual({ allowed: true })
        }
        expect(checkActionWrite(holder, { state: 'paused' }, 'exec-a', NOW)).toEqual({
            allowed: false,
            reason: expect.stringMatching(/Transition refused: "paused" is not an action state/),
        })
    })

    it('refuses the holder re-queueing a finished action (a grant would run twice)', () => {
        for (const from of ['done', 'dead', 'failed']) {
            const finished = { ...holder, state: from }
            expect(checkActionWrite(finished, { state: 'ready' }, 'exec-a', NOW)).toEqual({
                allowed: false,
                reason: expect.stringMatching(new RegExp(`Transition refused.*${from} → ready`)),
            })
            // and a claim of it is a lost claim, as before
            expect(
                checkActionWrite(finished, { state: 'claimed', leaseOwner: 'exec-b' }, 'exec-b', NOW + 61_000),
            ).toEqual({
                allowed: false,
                reason: expect.stringMatching(/Claim refused: the action is already/),
            })
        }
    })

    it('lets the executor insert only ready, well-formed revoke and verify actions', () => {
        const row = { grant: 'a'.repeat(32), type: 'revoke', state: 'ready', priority: '1', maxAttempts: '1000' }
        expect(checkActionInsert(row)).toEqual({ allowed: true })
        expect(checkActionInsert({ ...row, type: 'verify', priority: '4' })).toEqual({ allowed: true })
        const refused: [string, Record<string, string>, RegExp][] = [
            ['grant action', { ...row, type: 'grant' }, /may not create a grant action/],
            ['unknown type', { ...row, type: 'elevate' }, /only revoke and verify/],
            ['claimed at birth', { ...row, state: 'claimed' }, /created ready/],
            ['done at birth', { ...row, state: 'done' }, /created ready/],
            ['empty priority', { ...row, priority: '' }, /priority "" is not a whole number/],
            ['empty max_attempts', { ...row, maxAttempts: '' }, /max_attempts "" is not a whole number/],
            ['no grant', { ...row, grant: '' }, /references no valid grant \("" is not a sys_id\)/],
        ]
        for (const [name, values, reason] of refused) {
            expect(checkActionInsert(values), name).toEqual({ allowed: false, reason: expect.stringMatching(reason) })
        }
    })

    it('lets the executor move a grant only along its own transitions', () => {
        const allowed: [string, string, string[]][] = [
            ['queued', 'granting', ['state', 'executor_instance', 'last_error']],
            ['granting', 'active', ['state', 'granted_at', 'expires_at', 'provider_txn_ids', 'evidence']],
            ['queued', 'grant_failed', ['state', 'last_error']],
            ['active', 'revoking', ['state']],
            ['revoking', 'revoked', ['state', 'revoked_at', 'evidence', 'last_error']],
            ['active', 'revoke_failed', ['state', 'last_error']],
            ['revoke_failed', 'revoked', ['state', 'revoked_at']],
            ['grant_failed', 'revoking', ['state']],
            ['awaiting_approval', 'awaiting_approval', ['last_error']],
            ['active', 'active', ['evidence']],
        ]
        for (const [from, to, fields] of allowed) {
            expect(checkGrantWrite(from, to, fields), `${from} → ${to}`).toEqual({ allowed: true })
        }
        const refused: [string, string, string[], RegExp][] = [
            ['queued', 'active', ['state'], /queued → active/],
            ['queued', 'revoked', ['state'], /queued → revoked/],
            ['awaiting_approval', 'queued', ['state'], /awaiting_approval → queued/],
            ['revoked', 'active', ['state'], /revoked → active/],
            ['active', 'cancelled', ['state'], /active → cancelled/],
            ['granting', 'paused', ['state'], /"paused" is not a grant state/],
            ['queued', 'queued', ['plan', 'plan_digest'], /plan is not the executor's to write/],
            ['queued', 'queued', ['approval_summary'], /approval_summary is not the executor's/],
            [
                'active',
                'active',
                ['expires_at'],
                /expiry of active access moves only to the new end of an approved extension/,
            ],
            ['active', 'revoking', ['revoked_at'], /revoked_at is written only with the move to revoked/],
        ]
        for (const [from, to, fields, reason] of refused) {
            expect(checkGrantWrite(from, to, fields), `${from} → ${to}`).toEqual({
                allowed: false,
                reason: expect.stringMatching(reason),
            })
        }
        expect(checkGrantInsert().allowed).toBe(false)
    })

    it('names each malformed field of a queue row, and accepts an empty attempts count', () => {
        const good = { grant: 'b'.repeat(32), type: 'grant', state: 'ready', priority: '3', maxAttempts: '10' }
        expect(actionRowProblems({ ...good, attempts: '' })).toEqual([])
        expect(
            actionRowProblems({ ...good, priority: '0', maxAttempts: '-1', attempts: 'x', state: 'paused' }),
        ).toEqual([
            'state "paused" is not one of ready, claimed, done, failed, dead',
            'priority "0" is not a whole number ≥ 1',
            'max_attempts "-1" is not a whole number ≥ 1',
            'attempts "x" is not a whole number ≥ 0',
        ])
    })
})
