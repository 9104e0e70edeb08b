import { describe, expect, it } from 'vitest'
import { CANCEL_CODE, cancelVerdict, isUncancel, type CancelFacts } from '../src/cancel'
import { failureOutcomeText } from '../src/notice-text'
import { TICKET_END_CODE, cappedExpiryMs, durationWithinWindow, ticketVerdict, type BoundTicket } from '../src/tickets'

const MIN = 60_000
const NOW = Date.UTC(2026, 11, 2, 10, 0, 0)

describe('ticketVerdict', () => {
    const incident = (state: string, active = true): BoundTicket => ({
        kind: 'incident',
        number: 'INC1',
        state,
        active,
    })
    const change = (state: string, endMs: number, active = true): BoundTicket => ({
        kind: 'change',
        number: 'CHG1',
        state,
        active,
        endMs,
    })

    it('incident states Resolved 6, Closed 7, Canceled 8 and inactive end access; others keep it (no end time)', () => {
        expect(ticketVerdict(incident('6'), NOW)).toMatchObject({ open: false, code: TICKET_END_CODE.incidentEnded })
        expect(ticketVerdict(incident('7'), NOW)).toMatchObject({
            open: false,
            reason: expect.stringContaining('closed'),
        })
        expect(ticketVerdict(incident('8'), NOW)).toMatchObject({
            open: false,
            reason: expect.stringContaining('cancelled'),
        })
        expect(ticketVerdict(incident('2', false), NOW)).toMatchObject({ open: false })
        for (const open of ['1', '2', '3', ''])
            expect(ticketVerdict(incident(open), NOW)).toEqual({ open: true, endsAtMs: null })
    })

    it('change states Closed 3 and Canceled 4, inactive, a window over or without an end end access', () => {
        expect(ticketVerdict(change('3', NOW + MIN), NOW)).toMatchObject({
            open: false,
            code: TICKET_END_CODE.changeEnded,
        })
        expect(ticketVerdict(change('4', NOW + MIN), NOW)).toMatchObject({ open: false })
        expect(ticketVerdict(change('-1', NOW + MIN, false), NOW)).toMatchObject({ open: false })
        expect(ticketVerdict(change('-1', NOW), NOW)).toMatchObject({ open: false, code: TICKET_END_CODE.windowEnded })
        expect(ticketVerdict(change('-1', NaN), NOW)).toMatchObject({
            open: false,
            code: TICKET_END_CODE.windowUnknown,
        })
        // Implement (-1), Review (0), Scheduled (-2): open until the window's end.
        for (const s of ['-2', '-1', '0'])
            expect(ticketVerdict(change(s, NOW + MIN), NOW)).toEqual({ open: true, endsAtMs: NOW + MIN })
    })
})

describe('expiry within the window', () => {
    it('caps at the window end, never lengthens', () => {
        expect(cappedExpiryMs(NOW, 60, NOW + 20 * MIN)).toEqual({ expiresAtMs: NOW + 20 * MIN, capped: true })
        expect(cappedExpiryMs(NOW, 60, NOW + 90 * MIN)).toEqual({ expiresAtMs: NOW + 60 * MIN, capped: false })
        expect(cappedExpiryMs(NOW, 60, null)).toEqual({ expiresAtMs: NOW + 60 * MIN, capped: false })
        expect(durationWithinWindow(NOW, 60, NOW + 20 * MIN + 59_999)).toBe(20)
        expect(durationWithinWindow(NOW, 60, NOW + 30_000)).toBe(0)
        expect(durationWithinWindow(NOW, 60, NOW - MIN)).toBe(0)
        expect(durationWithinWindow(NOW, 15, NOW + 90 * MIN)).toBe(15)
    })
})

describe('cancelVerdict', () => {
    const base: CancelFacts = {
        state: 'queued',
        number: 'BGA1',
        actor: 'u-actor',
        requestedFor: 'u-alice',
        openedBy: 'u-alice',
        actorIsSecops: false,
        actorIsRouteApprover: false,
        reason: 'approved in error',
    }
    it('SecOps, a route approver, the requester for their own; nobody else', () => {
        expect(cancelVerdict({ ...base, actorIsSecops: true })).toEqual({ allowed: true, authority: 'secops' })
        expect(cancelVerdict({ ...base, actorIsRouteApprover: true })).toEqual({ allowed: true, authority: 'approver' })
        expect(cancelVerdict({ ...base, actor: 'u-alice' })).toEqual({ allowed: true, authority: 'requester' })
        expect(cancelVerdict(base)).toMatchObject({ allowed: false, code: CANCEL_CODE.notAllowed })
        expect(cancelVerdict({ ...base, actor: '', actorIsSecops: true })).toMatchObject({ allowed: false })
    })
    it('only approved / queued, with a reason', () => {
        for (const state of ['granting', 'active', 'revoking', 'revoke_failed']) {
            const v = cancelVerdict({ ...base, state, actorIsSecops: true })
            expect(v).toMatchObject({ allowed: false, code: CANCEL_CODE.state })
            expect(!v.allowed && v.message).toContain('Revoke now')
        }
        for (const state of ['awaiting_approval', 'cancelled', 'revoked', 'rejected']) {
            expect(cancelVerdict({ ...base, state, actorIsSecops: true })).toMatchObject({ allowed: false })
        }
        expect(cancelVerdict({ ...base, state: 'approved', actorIsSecops: true })).toMatchObject({ allowed: true })
        expect(cancelVerdict({ ...base, actorIsSecops: true, reason: ' no ' })).toMatchObject({
            allowed: false,
            code: CANCEL_CODE.reasonMissing,
        })
    })
    it('un-cancel is any move out of cancelled', () => {
        expect(isUncancel('cancelled', 'queued')).toBe(true)
        expect(isUncancel('cancelled', 'cancelled')).toBe(false)
        expect(isUncancel('queued', 'cancelled')).toBe(false)
    })
})

describe('failure card text', () => {
    it('says what happened, nothing about a service desk', () => {
        const grant = failureOutcomeText('grant', 'INC0001')
        expect(grant).toBe(
            'No access was given. The reason is on the request, and incident INC0001 was raised for Security Operations.',
        )
        expect(grant).not.toMatch(/service desk/i)
        expect(failureOutcomeText('revoke', '')).toContain('an incident')
    })
})
