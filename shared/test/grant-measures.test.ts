import { describe, expect, it } from 'vitest'
import { firstReasonCode, grantMeasures, type GrantMeasureInput } from '../src/grant-measures'

const T0 = Date.UTC(2026, 10, 27, 10, 0, 0)
const base: GrantMeasureInput = {
    submittedMs: T0,
    approvedMs: null,
    grantedMs: null,
    expiresMs: null,
    revokedMs: null,
    state: 'awaiting_approval',
    approvalSummary: '',
    policyDecision: '',
}

describe('grant measures (computed once on the grant)', () => {
    it('has no duration until both of its times exist', () => {
        expect(grantMeasures(base)).toEqual({
            approvalLatencySeconds: null,
            timeToAccessSeconds: null,
            revokeLatenessSeconds: null,
            autoApproved: false,
            refusalCode: '',
        })
    })

    it('measures submit → approved, approved → active and revoked − expires in whole seconds', () => {
        const m = grantMeasures({
            ...base,
            state: 'revoked',
            approvedMs: T0 + 4 * 60_000 + 30_500,
            grantedMs: T0 + 5 * 60_000 + 10_000,
            expiresMs: T0 + 65 * 60_000,
            revokedMs: T0 + 65 * 60_000 + 42_000,
            approvalSummary: '{"by":"people","approvals":[]}',
        })
        expect(m).toEqual({
            approvalLatencySeconds: 270,
            timeToAccessSeconds: 39,
            revokeLatenessSeconds: 42,
            autoApproved: false,
            refusalCode: '',
        })
    })

    it('an early revoke (Revoke now) is not late, and a clock step never makes a negative duration', () => {
        const m = grantMeasures({
            ...base,
            approvedMs: T0 - 1000,
            grantedMs: T0 + 1000,
            expiresMs: T0 + 3_600_000,
            revokedMs: T0 + 600_000,
        })
        expect(m.revokeLatenessSeconds).toBe(0)
        expect(m.approvalLatencySeconds).toBe(0)
        expect(m.timeToAccessSeconds).toBe(2)
    })

    it('auto-approval is read from the approval summary', () => {
        expect(grantMeasures({ ...base, approvalSummary: '{"by":"rule","rule":"P1 on-call"}' }).autoApproved).toBe(true)
        expect(grantMeasures({ ...base, approvalSummary: '{"by":"people"}' }).autoApproved).toBe(false)
        expect(grantMeasures({ ...base, approvalSummary: 'not json' }).autoApproved).toBe(false)
    })

    it('the refusal code is the first policy reason, only on a policy refusal, and only a code-shaped one', () => {
        const decision =
            '{"allowed":false,"reasons":[{"code":"CHANGE_REQUIRED","message":"m"},{"code":"X","message":"n"}]}'
        expect(grantMeasures({ ...base, state: 'policy_rejected', policyDecision: decision }).refusalCode).toBe(
            'CHANGE_REQUIRED',
        )
        expect(grantMeasures({ ...base, state: 'rejected', policyDecision: decision }).refusalCode).toBe('')
        expect(firstReasonCode('{"reasons":[{"code":"<script>","message":"m"}]}')).toBe('UNRECOGNISED')
        expect(firstReasonCode('{"reasons":[]}')).toBe('')
        expect(firstReasonCode('[1,2]')).toBe('')
        expect(firstReasonCode('')).toBe('')
    })
})
