/**
 * Issue 14, the app's side of the console's named approval slots (server modules on the Glide fake): a console
 * request is routed to incident command, security and the accountable customer-account authority, each from the
 * group the policy names for it; every approval record says its slot; the requester is never asked; one person in
 * two slot groups fills one slot only; someone who was not asked cannot fill a slot. Only three distinct people
 * approving queue the grant.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { GlideRecord, glide } from '../now-app/test/support/glide-fake'
import { castVote } from '../now-app/test/support/app-actions'
import {
    W,
    actionsOf,
    approvalsOf,
    auditOf,
    buildWorld,
    grants,
    id,
    journalOf,
    policies,
    setPolicies,
} from '../now-app/test/support/app-world'
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'

const G_IC = id(0x110)
const G_CUST = id(0x111)
const IRIS = id(0xe1) // incident commander
const CARLOS = id(0xc1) // customer-account authority

/** The world plus the console's groups and policy: incident command, security (carol, bob), customer authority. */
function consoleWorld(options: { aliceInCustomerGroup?: boolean; bobInIncidentCommand?: boolean } = {}): void {
    buildWorld()
    for (const [sysId, userName] of [
        [IRIS, 'iris'],
        [CARLOS, 'carlos'],
    ] as const) {
        glide.insert(PLATFORM_TABLE.user, {
            sys_id: sysId,
            user_name: userName,
            name: userName,
            email: `${userName}@example.com`,
            active: true,
        })
    }
    glide.insert(PLATFORM_TABLE.group, { sys_id: G_IC, name: 'Incident command', active: true })
    glide.insert(PLATFORM_TABLE.group, { sys_id: G_CUST, name: 'Customer authority', active: true })
    glide.insert(PLATFORM_TABLE.groupMember, { user: IRIS, group: G_IC })
    glide.insert(PLATFORM_TABLE.groupMember, { user: CARLOS, group: G_CUST })
    if (options.aliceInCustomerGroup) glide.insert(PLATFORM_TABLE.groupMember, { user: W.alice, group: G_CUST })
    if (options.bobInIncidentCommand) glide.insert(PLATFORM_TABLE.groupMember, { user: W.bob, group: G_IC })
    const base = policies()[0]!
    setPolicies([
        ...policies(),
        {
            ...base,
            name: 'Emergency console',
            targetKind: 'console',
            minDurationMinutes: 15,
            emergencyMaxDurationMinutes: 240,
            autoApproveRules: [],
            incidentCommandGroupId: G_IC,
            securityGroupId: W.security,
            customerAuthorityGroupId: G_CUST,
        },
    ])
    // A live P1 for the emergency.
    const incident = new GlideRecord(PLATFORM_TABLE.incident)
    incident.get(W.incident)
    incident.setValue('priority', '1')
    incident.update()
}

/** Alice asks for the console restoration (what an entry point inserts); returns the grant row. */
function requestConsole(): Record<string, string> {
    const grant = new GlideRecord(TABLE.grant)
    grant.initialize()
    const values: Record<string, string> = {
        [GRANT_FIELDS.requestedFor]: W.alice,
        [GRANT_FIELDS.openedBy]: W.alice,
        [GRANT_FIELDS.targetKind]: 'console',
        [GRANT_FIELDS.targetAccount]: 'jane.admin@contoso.example',
        [GRANT_FIELDS.targetTenantId]: 'TNT-40213',
        [GRANT_FIELDS.targetTenantName]: 'Contoso Manufacturing',
        [GRANT_FIELDS.targetScope]: 'helpdesk_admin,user_admin',
        [GRANT_FIELDS.requestedDuration]: '60',
        [GRANT_FIELDS.justification]: 'Restore the customer administrators locked out by the SSO incident',
        [GRANT_FIELDS.incident]: W.incident,
        [GRANT_FIELDS.emergency]: 'true',
        [GRANT_FIELDS.state]: 'requested',
    }
    for (const [k, v] of Object.entries(values)) grant.setValue(k, v)
    const sysId = grant.insert()!
    return grants().find((g) => g.sys_id === sysId)!
}

/** `voter` votes on the approval record `approvalSysId`. Returns update()'s result (null when refused). */
function voteOn(approvalSysId: string, voter: string, userName: string): string | null {
    glide.setUser({ sysId: voter, userName, roles: ['x_gbg_breakglass.approver'] })
    return castVote(approvalSysId, 'approved')
}

const stateOf = (grantSysId: string): string => grants().find((g) => g.sys_id === grantSysId)![GRANT_FIELDS.state]!

describe('console approval slots in the app (issue 14)', () => {
    beforeEach(() => consoleWorld())

    it('routes a console request to the three named slots, each record naming its slot; three people queue it', () => {
        const g = requestConsole()
        expect(g[GRANT_FIELDS.state]).toBe('awaiting_approval')
        const route = JSON.parse(g[GRANT_FIELDS.policyDecision]!) as {
            slots: string[]
            assignments: { slot: string; approverSysId: string; groupId: string }[]
        }
        expect(route.slots).toEqual(['incident_command', 'security', 'customer_authority'])
        // security's group holds carol and bob: both are asked; each record says which slot it is for.
        expect(route.assignments.map((a) => [a.slot, a.approverSysId, a.groupId]).sort()).toEqual(
            [
                ['incident_command', IRIS, G_IC],
                ['security', W.carol, W.security],
                ['security', W.bob, W.security],
                ['customer_authority', CARLOS, G_CUST],
            ].sort(),
        )
        const approvals = approvalsOf(g.sys_id!)
        expect(approvals).toHaveLength(4)
        const firstLines = approvals.map((a) => journalOf(a.sys_id!, 'comments')[0]?.split('\n')[0] ?? '')
        expect(firstLines.filter((l) => l.startsWith('Approval slot: Incident command'))).toHaveLength(1)
        expect(firstLines.filter((l) => l.startsWith('Approval slot: Security'))).toHaveLength(2)
        expect(
            firstLines.filter((l) => l.startsWith('Approval slot: Accountable customer-account authority')),
        ).toHaveLength(1)
        // The plan names the console provider and the packet.
        const plan = JSON.parse(g[GRANT_FIELDS.plan]!) as { provider: string; target: Record<string, string> }
        expect(plan.provider).toBe('console')
        expect(plan.target).toMatchObject({ tenantId: 'TNT-40213', scope: 'helpdesk_admin,user_admin' })

        const recordOf = (approver: string): string => approvals.find((a) => a.approver === approver)!.sys_id!
        expect(voteOn(recordOf(IRIS), IRIS, 'iris')).not.toBeNull()
        expect(voteOn(recordOf(W.carol), W.carol, 'carol')).not.toBeNull()
        expect(stateOf(g.sys_id!)).toBe('awaiting_approval') // two of three
        expect(voteOn(recordOf(CARLOS), CARLOS, 'carlos')).not.toBeNull()
        expect(stateOf(g.sys_id!)).toBe('queued')
        expect(actionsOf(g.sys_id!).filter((a) => a.type === 'grant')).toHaveLength(1)
        const votes = auditOf(g.sys_id!)
            .filter((e) => e.event_type === 'approval.vote')
            .map((e) => (JSON.parse(e.payload!) as { slot: string }).slot)
        expect(votes).toEqual(['incident_command', 'security', 'customer_authority'])
    })

    it('attack: one person in two slot groups fills one slot only; the grant waits for a third person', () => {
        consoleWorld({ bobInIncidentCommand: true })
        const g = requestConsole()
        const bobs = approvalsOf(g.sys_id!).filter((a) => a.approver === W.bob)
        expect(bobs).toHaveLength(2) // asked for incident command and for security
        expect(voteOn(bobs[0]!.sys_id!, W.bob, 'bob')).not.toBeNull()
        expect(voteOn(bobs[1]!.sys_id!, W.bob, 'bob')).toBeNull()
        const carlos = approvalsOf(g.sys_id!).find((a) => a.approver === CARLOS)!
        expect(voteOn(carlos.sys_id!, CARLOS, 'carlos')).not.toBeNull()
        expect(stateOf(g.sys_id!)).toBe('awaiting_approval')
        expect(
            auditOf(g.sys_id!).some(
                (e) => e.event_type === 'approval.refused' && e.payload!.includes('SLOT_ALREADY_FILLED'),
            ),
        ).toBe(true)
    })

    it('attack: the requester in a slot group is never asked; alone there, the request is refused', () => {
        consoleWorld({ aliceInCustomerGroup: true })
        const g = requestConsole()
        expect(approvalsOf(g.sys_id!).map((a) => a.approver)).not.toContain(W.alice)
        // Without carlos, the customer authority group has nobody who may approve: refused now, not waiting forever.
        consoleWorld({ aliceInCustomerGroup: true })
        glide.tables.set(
            PLATFORM_TABLE.groupMember,
            glide.rows(PLATFORM_TABLE.groupMember).filter((m) => m.user !== CARLOS),
        )
        glide.setUser({ sysId: W.alice, userName: 'alice', roles: ['x_gbg_breakglass.requester'] })
        const refused = requestConsole()
        expect(refused[GRANT_FIELDS.state]).toBe('policy_rejected')
        expect(refused[GRANT_FIELDS.lastError]).toMatch(/customer authority approval is required/)
    })

    it("attack: someone not asked for a slot cannot fill it (their vote on another's record is refused)", () => {
        const g = requestConsole()
        const iris = approvalsOf(g.sys_id!).find((a) => a.approver === IRIS)!
        expect(voteOn(iris.sys_id!, W.dave, 'dave')).toBeNull()
        expect(
            auditOf(g.sys_id!).some(
                (e) => e.event_type === 'approval.refused' && e.payload!.includes('VOTER_NOT_ASSIGNED'),
            ),
        ).toBe(true)
    })

    it('refuses a console request when the policy names no group for a slot', () => {
        const p = policies()
        setPolicies([
            ...p,
            {
                ...p[0]!,
                name: 'Emergency console',
                targetKind: 'console',
                autoApproveRules: [],
                incidentCommandGroupId: G_IC,
                securityGroupId: W.security,
            },
        ])
        const g = requestConsole()
        expect(g[GRANT_FIELDS.state]).toBe('policy_rejected')
        expect(g[GRANT_FIELDS.lastError]).toMatch(/CONSOLE_APPROVERS_UNSET/)
    })
})
