/**
 * Issue 10, app side of "rules, policy confirmation, booleans": the ticket history the app reads from sys_audit
 * (who raised the priority, who assigned the incident), the kill switch read by the shared exact-text parser,
 * and the two-person rule on policy writes (business rule policy-confirmation).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { GlideRecord, glide } from './support/glide-fake'
import { orderItem } from './support/app-actions'
import { W, buildWorld } from './support/app-world'
import { confirmSeededPolicies } from './support/policy-confirmation'
import { loadAppDist } from '../../test/support/app-dist'
import { AUTO_APPROVE_DECLINED } from '../../shared/src/policy'
import { policyRecordDigest } from '../../shared/src/policy-record'
import { PLATFORM_TABLE, POLICY_FIELDS, PROPERTY, ROLE, TABLE } from '../../shared/src/schema'

const INC = '4'.repeat(32)

beforeEach(() => {
    buildWorld()
    confirmSeededPolicies(W.erin, W.carol)
    glide.insert(PLATFORM_TABLE.incident, {
        sys_id: INC,
        number: 'INC0010009',
        priority: 1,
        active: true,
        assignment_group: W.resolvers,
        opened_by: W.dave,
        sys_created_by: 'dave',
    })
})

function order(): Record<string, string> {
    const ritm = orderItem(W.itemLocalAdmin, W.alice, {
        requested_for: W.alice,
        device: W.workstation,
        duration_minutes: '30',
        justification: 'Restart the payment agent during the P1 outage',
        incident: INC,
        emergency: 'true',
    })
    return glide.rows(TABLE.grant).find((g) => g.ritm === ritm)!
}

const declined = (grant: Record<string, string>): string[] =>
    (
        (JSON.parse(grant.policy_decision!) as { autoApproveDeclined?: { code: string }[] }).autoApproveDeclined ?? []
    ).map((r) => r.code)

/** A sys_audit row as the platform writes it for an update of an audited field (user = user_name). */
function audited(field: string, user: string, value: string): void {
    glide.insert('sys_audit', { tablename: 'incident', documentkey: INC, fieldname: field, user, newvalue: value })
}

describe('auto-approval and the incident history (sys_audit)', () => {
    it('applies when the desk raised, prioritised and assigned the incident', () => {
        audited('priority', 'dave', '1')
        expect(order().state).toBe('queued')
    })

    it('declines when the requester raised the priority (sys_audit says alice)', () => {
        audited('priority', 'alice', '1')
        const grant = order()
        expect(grant.state).toBe('awaiting_approval')
        expect(declined(grant)).toEqual([AUTO_APPROVE_DECLINED.ownTicket])
    })

    it('declines when the requester assigned the incident to their group', () => {
        audited('assignment_group', 'alice', W.resolvers)
        expect(declined(order())).toEqual([AUTO_APPROVE_DECLINED.ownTicket])
    })

    it("declines when the incident was created in the requester's session", () => {
        glide.row(PLATFORM_TABLE.incident, INC)!.sys_created_by = 'alice'
        expect(declined(order())).toEqual([AUTO_APPROVE_DECLINED.ownTicket])
    })
})

describe('the kill switch through the shared parser', () => {
    it.each(['true ', 'TRUE', '1', ''])('refuses with the property named when it reads %j', (value) => {
        glide.properties.set(PROPERTY.integrationEnabled, value)
        const grant = order()
        expect(grant.state).toBe('policy_rejected')
        expect(grant.last_error).toContain('INTEGRATION_DISABLED')
        expect(grant.last_error).toContain(PROPERTY.integrationEnabled)
    })
})

describe('two-person rule on policy writes', () => {
    const policySysId = (): string => glide.rows(TABLE.policy)[0]!.sys_id!
    const write = (as: { sysId: string; userName: string }, fields: Record<string, string>): string | null => {
        glide.setUser({ ...as, roles: [ROLE.secops] })
        const gr = new GlideRecord(TABLE.policy)
        gr.get(policySysId())
        for (const [k, v] of Object.entries(fields)) gr.setValue(k, v)
        return gr.update()
    }
    const erin = { sysId: W.erin, userName: 'erin' }
    const carol = { sysId: W.carol, userName: 'carol' }

    it('stamps the editor and clears the confirmation; only another SecOps person confirms the current content', () => {
        expect(write(erin, { [POLICY_FIELDS.maxDuration]: '120' })).not.toBeNull()
        const row = () => glide.row(TABLE.policy, policySysId())!
        expect(row()).toMatchObject({ edited_by: W.erin, confirmed_by: '', confirmed_digest: '' })
        const digest = policyRecordDigest(row() as Record<string, string>)
        expect(write(erin, { [POLICY_FIELDS.confirmedDigest]: digest })).toBeNull()
        expect(write(carol, { [POLICY_FIELDS.confirmedDigest]: 'ab'.repeat(32) })).toBeNull()
        glide.setUser({ sysId: W.dave, userName: 'dave', roles: [ROLE.approver] })
        const gr = new GlideRecord(TABLE.policy)
        gr.get(policySysId())
        gr.setValue(POLICY_FIELDS.confirmedDigest, digest)
        expect(gr.update()).toBeNull()
        expect(write(carol, { [POLICY_FIELDS.confirmedDigest]: digest })).not.toBeNull()
        expect(row()).toMatchObject({ edited_by: W.erin, confirmed_by: W.carol, confirmed_digest: digest })
        // Stamps written by hand are put back.
        write(erin, { [POLICY_FIELDS.confirmedBy]: W.dave })
        expect(row().confirmed_by).toBe(W.carol)
    })

    it('is wired in the built app: before insert and update on the policy table', () => {
        const rule = loadAppDist()
            .records('sys_script')
            .find((r) => r.name === 'Break-glass: policy changes need a second SecOps person')
        expect(rule).toMatchObject({
            collection: TABLE.policy,
            when: 'before',
            action_insert: 'true',
            action_update: 'true',
            action_delete: 'false',
        })
        expect(rule!.script).toContain('guardPolicyWrite')
    })
})
