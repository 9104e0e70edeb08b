import { describe, expect, it } from 'vitest'
import { dueApprovalNotices, reminderLeadMs, type PendingApproval } from '../src/approval-notices'

const G = 'a'.repeat(32)
const A1 = 'b'.repeat(32)
const A2 = 'c'.repeat(32)
const T0 = Date.UTC(2026, 11, 2, 10, 0, 0)
const MIN = 60_000

function pending(over: Partial<PendingApproval> = {}): PendingApproval {
    return {
        grantSysId: G,
        requestedAtMs: T0,
        timeoutMinutes: 5,
        stage: 0,
        hasEscalationGroup: true,
        approvals: [
            { approvalSysId: A1, approverSysId: 'd'.repeat(32) },
            { approvalSysId: A2, approverSysId: 'e'.repeat(32) },
        ],
        ...over,
    }
}

const kinds = (nowMs: number, p = pending()) => dueApprovalNotices([p], nowMs).map((n) => n.key)

describe('dueApprovalNotices', () => {
    it('an approval card per open approval at once, nothing else before the reminder', () => {
        expect(kinds(T0)).toEqual([`notice:approval:${A1}`, `notice:approval:${A2}`])
        expect(kinds(T0 + 4 * MIN - 1)).toHaveLength(2)
    })

    it('the reminder a fifth of the timeout before it (5-minute emergency: at 4 minutes), until the timeout', () => {
        expect(reminderLeadMs(5)).toBe(MIN)
        expect(kinds(T0 + 4 * MIN)).toEqual([
            `notice:approval:${A1}`,
            `notice:reminder:${A1}`,
            `notice:approval:${A2}`,
            `notice:reminder:${A2}`,
        ])
        expect(kinds(T0 + 5 * MIN).filter((k) => k.includes('reminder'))).toEqual([])
    })

    it('the escalation at the timeout exactly, once per request, only with an escalation group', () => {
        expect(kinds(T0 + 5 * MIN - 1).some((k) => k.includes('escalation'))).toBe(false)
        expect(kinds(T0 + 5 * MIN).filter((k) => k.includes('escalation'))).toEqual([`notice:escalation:${G}`])
        expect(kinds(T0 + 5 * MIN, pending({ hasEscalationGroup: false })).some((k) => k.includes('escalation'))).toBe(
            false,
        )
        const [escalation] = dueApprovalNotices([pending()], T0 + 5 * MIN).filter((n) => n.kind === 'escalation')
        expect(escalation!.dueAtMs).toBe(T0 + 5 * MIN)
    })

    it('escalated approvers get their card but no reminder; past the second timeout nothing is due', () => {
        expect(kinds(T0 + 6 * MIN, pending({ stage: 1 })).filter((k) => k.includes('reminder'))).toEqual([])
        expect(kinds(T0 + 10 * MIN)).toEqual([])
    })

    it('no timeout or no request time known: nothing (never a card with a made-up due time)', () => {
        expect(kinds(T0, pending({ timeoutMinutes: 0 }))).toEqual([])
        expect(kinds(T0, pending({ requestedAtMs: 0 }))).toEqual([])
    })

    it('the reminder lead is at least a minute and at most an hour', () => {
        expect(reminderLeadMs(2)).toBe(MIN)
        expect(reminderLeadMs(60)).toBe(12 * MIN)
        expect(reminderLeadMs(1440)).toBe(60 * MIN)
    })
})
