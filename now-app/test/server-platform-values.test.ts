/**
 * Regression (issue 11, section 1): on an instance GlideRecord.getValue gives '1' / '0' for true/false fields
 * (contracts/servicenow-rest.md "Glide values"). The app's server modules used to compare with 'true', so on an
 * instance every user read as inactive, every device as not corporate-managed, every incident as closed and every
 * policy as invalid — while the old fake (which stored String(value)) let all tests pass. The fake now gives what
 * the platform gives; these tests pin that the world really reads '1' and that the modules accept it, and refuse
 * on '0'.
 */
import { beforeEach, describe, expect, it } from 'vitest'

import { GlideRecord, glide } from './support/glide-fake'
import { orderItem } from './support/app-actions'
import { W, buildWorld, grants } from './support/app-world'
import { emergencyRequestUrl } from '../src/server/emergency'
import { readCi, readIncident, readUser } from '../src/server/glide-io'
import { PLATFORM_TABLE, TABLE } from '../../shared/src/schema'

/** getValue of `field` on a record, as a server script reads it. */
function value(table: string, sysId: string, field: string): string | null {
    const gr = new GlideRecord(table)
    expect(gr.get(sysId)).toBe(true)
    return gr.getValue(field)
}

function order(device = W.workstation): Record<string, string> {
    const ritm = orderItem(W.itemLocalAdmin, W.alice, {
        requested_for: W.alice,
        device,
        role: '',
        duration_minutes: '60',
        justification: 'Install the signed scanner driver for the lab',
        incident: '',
        change_request: '',
        emergency: 'false',
    })
    return grants().find((g) => g.ritm === ritm)!
}

const reasonCodes = (grant: Record<string, string>): string[] =>
    (
        (JSON.parse(glide.row(TABLE.grant, grant.sys_id!)!.policy_decision!) as { reasons?: { code: string }[] })
            .reasons ?? []
    ).map((r) => r.code)

beforeEach(() => buildWorld())

describe("server modules on '1' / '0' booleans, as an instance returns them", () => {
    it("the world reads as an instance gives it: active user, corporate-managed device, active policy all '1'", () => {
        expect(value(PLATFORM_TABLE.user, W.alice, 'active')).toBe('1')
        expect(value(PLATFORM_TABLE.computer, W.workstation, 'u_corp_managed')).toBe('1')
        const policy = glide.rows(TABLE.policy)[0]!
        expect(value(TABLE.policy, policy.sys_id!, 'active')).toBe('1')
        expect(value(TABLE.policy, policy.sys_id!, 'corp_managed_only')).toBe('1')
    })

    it('accepts a request for a corporate-managed device by an active user under a valid policy', () => {
        const grant = order()
        expect(glide.row(TABLE.grant, grant.sys_id!)!.state).toBe('awaiting_approval')
        expect(readUser(W.alice)!.active).toBe(true)
        expect(readCi(W.workstation)!.corpManaged).toBe(true)
    })

    it("refuses on '0': an inactive user, a device that is not corporate-managed", () => {
        const user = new GlideRecord(PLATFORM_TABLE.user)
        user.get(W.alice)
        user.setValue('active', false)
        user.update()
        const ci = new GlideRecord(PLATFORM_TABLE.computer)
        ci.get(W.workstation)
        ci.setValue('u_corp_managed', '0')
        ci.update()
        expect([value(PLATFORM_TABLE.user, W.alice, 'active'), readUser(W.alice)!.active]).toEqual(['0', false])
        expect(readCi(W.workstation)!.corpManaged).toBe(false)
        const grant = order()
        expect(glide.row(TABLE.grant, grant.sys_id!)!.state).toBe('policy_rejected')
        expect(reasonCodes(grant)).toEqual(expect.arrayContaining(['USER_INACTIVE', 'DEVICE_NOT_CORP_MANAGED']))
    })

    it("reads an open P1 incident as active ('1') for the emergency action, a closed one ('0') as not", () => {
        const incident = new GlideRecord(PLATFORM_TABLE.incident)
        incident.get(W.incident)
        incident.setValue('priority', '1')
        incident.update()
        expect(value(PLATFORM_TABLE.incident, W.incident, 'active')).toBe('1')
        expect(readIncident(W.incident)!.active).toBe(true)
        incident.get(W.incident)
        expect(emergencyRequestUrl(incident)).toMatchObject({ ok: true })
        incident.setValue('active', 'false')
        incident.update()
        expect(readIncident(W.incident)!.active).toBe(false)
        incident.get(W.incident)
        expect(emergencyRequestUrl(incident)).toMatchObject({ ok: false })
    })
})
