/**
 * The report measures on the Glide fake, through the app's real rules (wired as business-rules/grant-measures.now.ts
 * wires them): a request approved by people, then granted and revoked by the executor's writes; a policy refusal
 * with its reason code (auto-approval is read from the approval summary: shared/test/grant-measures.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { GlideRecord, glide } from './support/glide-fake'
import { W, approvalsOf, buildWorld, grants } from './support/app-world'
import { castVote, orderItem } from './support/app-actions'
import { PLATFORM_TABLE, TABLE } from '../../shared/src/schema'

const MIN = 60_000
const T0 = Date.UTC(2026, 10, 27, 10, 0, 0)
const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19)

function order(variables: Record<string, string> = {}): Record<string, string> {
    const alice = glide.rows(PLATFORM_TABLE.user).find((u) => u.user_name === 'alice')!.sys_id!
    const ritm = orderItem(W.itemLocalAdmin, alice, {
        requested_for: W.alice,
        device: W.workstation,
        role: '',
        duration_minutes: '60',
        justification: 'Install the signed scanner driver for the lab',
        incident: '',
        change_request: '',
        emergency: 'false',
        ...variables,
    })
    return grants().find((g) => g.ritm === ritm)!
}

/** Write as the executor's integration user does (the state machine's guard judges it). */
function executorWrite(sysId: string, values: Record<string, string>): void {
    glide.setUser({ sysId: '1'.repeat(32), userName: 'executor', roles: ['x_gbg_breakglass.executor'] })
    const gr = new GlideRecord(TABLE.grant)
    gr.get(sysId)
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    expect(gr.update()).not.toBeNull()
}

const grant = (sysId: string) => grants().find((g) => g.sys_id === sysId)!

beforeEach(() => {
    buildWorld()
    glide.setNow(T0)
})

describe('grant report measures', () => {
    it('approval latency, time to access and revoke lateness land on the grant when their times are written', () => {
        // Setup: submitted at T0, approved by bob 7 min 30 s later
        const g = order()
        expect(g.state).toBe('awaiting_approval')
        expect(g.approval_latency_seconds ?? '').toBe('')
        glide.setNow(T0 + 7 * MIN + 30_000)
        glide.setUser({ sysId: W.bob, userName: 'bob', roles: ['x_gbg_breakglass.approver'] })
        castVote(approvalsOf(g.sys_id!).find((a) => a.approver === W.bob)!.sys_id!, 'approved')
        // Validation: approval latency only
        expect(grant(g.sys_id!)).toMatchObject({
            state: 'queued',
            approval_latency_seconds: '450',
            auto_approved: 'false',
        })
        expect(grant(g.sys_id!).time_to_access_seconds ?? '').toBe('')
        // Execution: the executor grants 50 s after approval, then revokes 95 s after expiry
        const granted = T0 + 8 * MIN + 20_000
        executorWrite(g.sys_id!, { state: 'granting' })
        executorWrite(g.sys_id!, { state: 'active', granted_at: at(granted), expires_at: at(granted + 60 * MIN) })
        expect(grant(g.sys_id!).time_to_access_seconds).toBe('50')
        executorWrite(g.sys_id!, { state: 'revoking' })
        executorWrite(g.sys_id!, { state: 'revoked', revoked_at: at(granted + 60 * MIN + 95_000) })
        // Validation
        expect(grant(g.sys_id!)).toMatchObject({
            approval_latency_seconds: '450',
            time_to_access_seconds: '50',
            revoke_lateness_seconds: '95',
        })
        expect(grant(g.sys_id!).refusal_code ?? '').toBe('')
    })

    it('the executor cannot write a measure itself (the state machine refuses the field)', () => {
        const g = order()
        glide.setUser({ sysId: W.bob, userName: 'bob', roles: ['x_gbg_breakglass.approver'] })
        castVote(approvalsOf(g.sys_id!).find((a) => a.approver === W.bob)!.sys_id!, 'approved')
        glide.setUser({ sysId: '1'.repeat(32), userName: 'executor', roles: ['x_gbg_breakglass.executor'] })
        const gr = new GlideRecord(TABLE.grant)
        gr.get(g.sys_id!)
        gr.setValue('state', 'granting')
        gr.setValue('approval_latency_seconds', '1')
        expect(gr.update()).toBeNull()
        expect(grant(g.sys_id!).approval_latency_seconds).toBe('0')
    })

    it('a policy refusal carries its first reason code and no approval latency', () => {
        glide.setUser({ sysId: W.alice, userName: 'alice', roles: ['x_gbg_breakglass.requester'] })
        const refused = order({ device: W.server })
        expect(refused.state).toBe('policy_rejected')
        expect(refused.refusal_code).toBe('CHANGE_REQUIRED')
        expect(refused.approval_latency_seconds ?? '').toBe('')
    })
})
