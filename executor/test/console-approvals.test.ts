/**
 * Attacks on the emergency console's approvals (issue 14): incident command, security and the accountable
 * customer-account authority must each approve — three named slots, three distinct people, none the requester.
 * Written before the control: the same person in two slots, the requester in a slot, a missing slot, a forged slot
 * value, a route rewritten to the ordinary manager slot. Judged by the executor's approval gate (approval-gate.ts)
 * and the shared named-slot check (shared/src/approval.ts namedSlotProblems), exactly as recheck.ts chains them.
 */
import { describe, expect, it } from 'vitest'
import {
    CONSOLE_APPROVAL_SLOTS,
    approvalRoute,
    namedSlotProblems,
    type AccessRequest,
    type ApprovalSlot,
    type Decision,
} from '@gbg/shared'
import { VOTE_EVENT, judgeApprovals, parseStoredRoute, type StoredRoute } from '../src/approval-gate'
import { slotGroupProblems } from '../src/recheck'
import type { GateFactsBundle } from '../src/ports'
import type { ApprovalRecord, AuditEventRecord, UserRecord } from '../src/ports'

const id = (c: string): string => c.repeat(32)
const REQUESTER = id('a')
const IC = id('1')
const SEC = id('2')
const CUST = id('3')
const OTHER = id('4')
const DIGEST = 'd'.repeat(64)
const NOW = new Date(Date.UTC(2026, 11, 2, 18, 0, 0))

const request: AccessRequest = {
    requestedFor: {
        sysId: REQUESTER,
        userName: 'sam.support',
        email: 'sam.support@vendor.example',
        active: true,
        groupIds: [],
    },
    openedBy: REQUESTER,
    targetKind: 'console',
    target: {},
    durationMinutes: 60,
    justification: 'restore tenant admins',
    emergency: true,
}

const users = new Map<string, UserRecord | null>(
    [REQUESTER, IC, SEC, CUST, OTHER].map((u) => [
        u,
        {
            sysId: u,
            userName: `user-${u[0]}`,
            email: `user-${u[0]}@vendor.example`,
            active: true,
            groupSysIds: [],
        } as UserRecord,
    ]),
)

function consoleRoute(
    overrides: Partial<Record<ApprovalSlot, string>> = {},
    slots = [...CONSOLE_APPROVAL_SLOTS],
): StoredRoute {
    const who: Record<string, string> = { incident_command: IC, security: SEC, customer_authority: CUST, ...overrides }
    return parseStoredRoute(
        JSON.stringify({
            slots,
            assignments: slots.map((slot) => ({ slot, approverSysId: who[slot], groupId: id('9') })),
        }),
    )
}

let seq = 0
function approved(
    approver: string,
    slot: string,
    voter = approver,
    digest = DIGEST,
): { record: ApprovalRecord; vote: AuditEventRecord } {
    const sysId = ((0x10 + seq++) % 256).toString(16).padStart(2, '0').repeat(16)
    return {
        record: { sysId, approverSysId: approver, state: 'approved', updatedOn: NOW },
        vote: {
            sysId: id('e'),
            sequence: seq,
            eventType: VOTE_EVENT,
            actor: voter,
            payload: { approval: sysId, decision: 'approved', voter, slot, planDigest: digest, authority: 'approver' },
        } as unknown as AuditEventRecord,
    }
}

/** The gate's verdict for a console grant: judgeApprovals, then the named-slot check (as recheck.ts does). */
function gate(route: StoredRoute, votes: { record: ApprovalRecord; vote: AuditEventRecord }[]): string[] {
    const verdict = judgeApprovals({
        request,
        route,
        approvals: votes.map((v) => v.record),
        votes: votes.map((v) => v.vote),
        digest: DIGEST,
        users,
    })
    if (!verdict.ok) return [`${verdict.code}: ${verdict.reason}`]
    const person = (u: string) => ({ sysId: u, email: users.get(u)?.email ?? '' })
    return namedSlotProblems(
        CONSOLE_APPROVAL_SLOTS,
        route.slots,
        verdict.filled.map((f) => ({
            filled: f.filled,
            approver: person(f.approverSysId),
            recordedSlot: f.recordedSlot,
            ...(f.onBehalfOf ? { onBehalfOf: person(f.onBehalfOf) } : {}),
        })),
        { requestedFor: person(REQUESTER), openedBy: person(REQUESTER) },
    )
}

describe('console approvals: three named slots, three distinct people, none the requester', () => {
    it('passes with incident command, security and customer-account authority approved by three people', () => {
        expect(
            gate(consoleRoute(), [
                approved(IC, 'incident_command'),
                approved(SEC, 'security'),
                approved(CUST, 'customer_authority'),
            ]),
        ).toEqual([])
    })

    it('attack: the same person in two slots is refused', () => {
        const route = consoleRoute({ security: IC })
        const problems = gate(route, [
            approved(IC, 'incident_command'),
            approved(IC, 'security'),
            approved(CUST, 'customer_authority'),
        ])
        expect(problems.join(' ')).toMatch(/distinct|APPROVAL_MISSING/)
        expect(problems).not.toEqual([])
    })

    it('attack: the requester in a slot is refused', () => {
        const problems = gate(consoleRoute({ customer_authority: REQUESTER }), [
            approved(IC, 'incident_command'),
            approved(SEC, 'security'),
            approved(REQUESTER, 'customer_authority'),
        ])
        expect(problems.join(' ')).toMatch(/SELF_APPROVAL|requester/)
    })

    it('attack: a missing slot (route with two of the three) is refused even when both approved', () => {
        const problems = gate(consoleRoute({}, ['incident_command', 'security']), [
            approved(IC, 'incident_command'),
            approved(SEC, 'security'),
        ])
        expect(problems).toContain('the approval route lacks the customer authority slot')
    })

    it('attack: an unapproved slot is refused', () => {
        const problems = gate(consoleRoute(), [approved(IC, 'incident_command'), approved(SEC, 'security')])
        expect(problems.join(' ')).toMatch(/APPROVAL_MISSING/)
    })

    it('attack: a forged slot value on the recorded vote is refused', () => {
        const problems = gate(consoleRoute(), [
            approved(IC, 'incident_command'),
            approved(SEC, 'security'),
            approved(CUST, 'superuser'),
        ])
        expect(problems.join(' ')).toContain('recorded for "superuser"')
    })

    it('attack: a forged slot name in the stored route is dropped, so the route lacks that slot', () => {
        const route = parseStoredRoute(
            JSON.stringify({
                slots: ['incident_command', 'security', 'customer_authorty'],
                assignments: [
                    { slot: 'incident_command', approverSysId: IC },
                    { slot: 'security', approverSysId: SEC },
                    { slot: 'customer_authorty', approverSysId: CUST },
                ],
            }),
        )
        const problems = gate(route, [
            approved(IC, 'incident_command'),
            approved(SEC, 'security'),
            approved(CUST, 'customer_authorty'),
        ])
        expect(problems).toContain('the approval route lacks the customer authority slot')
    })

    it('attack: a route rewritten to the ordinary manager slot does not satisfy the console', () => {
        const route = parseStoredRoute(
            JSON.stringify({ slots: ['manager'], assignments: [{ slot: 'manager', approverSysId: OTHER }] }),
        )
        const problems = gate(route, [approved(OTHER, 'manager')])
        expect(problems).toEqual(
            expect.arrayContaining([
                'the approval route lacks the incident command slot',
                'the approval route has a manager slot this kind does not use',
            ]),
        )
    })

    it('a delegate and the person they act for are both used up', () => {
        expect(
            namedSlotProblems(
                CONSOLE_APPROVAL_SLOTS,
                CONSOLE_APPROVAL_SLOTS,
                [
                    { filled: 'incident_command', approver: { sysId: IC }, recordedSlot: 'incident_command' },
                    {
                        filled: 'security',
                        approver: { sysId: SEC },
                        onBehalfOf: { sysId: IC },
                        recordedSlot: 'security',
                    },
                    { filled: 'customer_authority', approver: { sysId: CUST }, recordedSlot: 'customer_authority' },
                ],
                { requestedFor: { sysId: REQUESTER }, openedBy: { sysId: REQUESTER } },
            ),
        ).toContain('the security approver already fills another slot: three distinct people are required')
    })

    it('the same human under two accounts (same mailbox) counts once', () => {
        expect(
            namedSlotProblems(
                CONSOLE_APPROVAL_SLOTS,
                CONSOLE_APPROVAL_SLOTS,
                [
                    {
                        filled: 'incident_command',
                        approver: { sysId: IC, email: 'kim@vendor.example' },
                        recordedSlot: 'incident_command',
                    },
                    {
                        filled: 'security',
                        approver: { sysId: SEC, email: 'KIM@vendor.example' },
                        recordedSlot: 'security',
                    },
                    { filled: 'customer_authority', approver: { sysId: CUST }, recordedSlot: 'customer_authority' },
                ],
                { requestedFor: { sysId: REQUESTER }, openedBy: { sysId: REQUESTER } },
            ),
        ).toContain('the security approver already fills another slot: three distinct people are required')
    })

    it('the app routes each named slot to its own group, leaving the requester out', () => {
        const decision = {
            allowed: true,
            reasons: [],
            durationMinutes: 60,
            requiredApprovals: [
                { kind: 'incident_command', groupId: id('7'), reason: 'console' },
                { kind: 'security', groupId: id('8'), reason: 'console' },
                { kind: 'customer_authority', groupId: id('9'), reason: 'console' },
            ],
            autoApprove: null,
        } as unknown as Decision
        const route = approvalRoute(decision, request, null, {
            [id('7')]: [IC, REQUESTER],
            [id('8')]: [SEC],
            [id('9')]: [CUST],
        })
        expect(route.ok).toBe(true)
        if (route.ok) {
            expect(route.slots).toEqual(['incident_command', 'security', 'customer_authority'])
            expect(route.assignments.map((a) => [a.slot, a.approverSysId])).toEqual([
                ['incident_command', IC],
                ['security', SEC],
                ['customer_authority', CUST],
            ])
        }
        const empty = approvalRoute(decision, request, null, {
            [id('7')]: [REQUESTER],
            [id('8')]: [SEC],
            [id('9')]: [CUST],
        })
        expect(empty.ok).toBe(false)
    })

    /** A route as the app stores it: every assignment bound to the approval record created for it. */
    function boundRoute(
        votes: { slot: ApprovalSlot; v: { record: ApprovalRecord; vote: AuditEventRecord } }[],
        groups: Partial<Record<ApprovalSlot, string>> = {},
    ): StoredRoute {
        return parseStoredRoute(
            JSON.stringify({
                slots: CONSOLE_APPROVAL_SLOTS,
                assignments: votes.map(({ slot, v }) => ({
                    slot,
                    approverSysId: v.record.approverSysId,
                    groupId: groups[slot] ?? id('9'),
                    approvalSysId: v.record.sysId,
                })),
            }),
        )
    }

    it('attack: an approval for a different plan (another digest) is refused', () => {
        const problems = gate(consoleRoute(), [
            approved(IC, 'incident_command'),
            approved(SEC, 'security', SEC, 'e'.repeat(64)),
            approved(CUST, 'customer_authority'),
        ])
        expect(problems.join(' ')).toMatch(/PLAN_NOT_APPROVED/)
    })

    it('attack: one person asked in two slots (two records) approving both is refused', () => {
        const a = approved(IC, 'incident_command')
        const b = approved(IC, 'security')
        const c = approved(CUST, 'customer_authority')
        const route = boundRoute([
            { slot: 'incident_command', v: a },
            { slot: 'security', v: b },
            { slot: 'customer_authority', v: c },
        ])
        expect(gate(route, [a, b, c]).join(' ')).toMatch(/APPROVAL_MISSING|distinct/)
    })

    it('attack: a slot label forged on the vote of a bound record is refused', () => {
        // The record was created for the incident command slot; the vote claims security.
        const a = approved(IC, 'security')
        const b = approved(SEC, 'security')
        const c = approved(CUST, 'customer_authority')
        const route = boundRoute([
            { slot: 'incident_command', v: a },
            { slot: 'security', v: b },
            { slot: 'customer_authority', v: c },
        ])
        expect(gate(route, [a, b, c])).toContain(
            'the incident command approval was recorded for "security", not for incident command',
        )
    })

    it('attack: a bound record whose approver was changed afterwards does not count', () => {
        const a = approved(IC, 'incident_command')
        const b = approved(SEC, 'security')
        const c = approved(CUST, 'customer_authority')
        const route = boundRoute([
            { slot: 'incident_command', v: a },
            { slot: 'security', v: b },
            { slot: 'customer_authority', v: c },
        ])
        const moved = { record: { ...c.record, approverSysId: OTHER }, vote: { ...c.vote, actor: OTHER } }
        ;(moved.vote.payload as Record<string, unknown>)['voter'] = OTHER
        expect(gate(route, [a, b, moved]).join(' ')).toMatch(/APPROVAL_MISSING.*changed from the one the app asked/)
    })

    describe('each slot from its own group (policy today, route, membership)', () => {
        const G_IC = id('7')
        const G_SEC = id('8')
        const G_CUST = id('9')
        const decision = {
            requiredApprovals: [
                { kind: 'incident_command', groupId: G_IC, reason: 'console' },
                { kind: 'security', groupId: G_SEC, reason: 'console' },
                { kind: 'customer_authority', groupId: G_CUST, reason: 'console' },
            ],
        } as unknown as Decision
        const route = parseStoredRoute(
            JSON.stringify({
                slots: CONSOLE_APPROVAL_SLOTS,
                assignments: [
                    { slot: 'incident_command', approverSysId: IC, groupId: G_IC },
                    { slot: 'security', approverSysId: SEC, groupId: G_SEC },
                    { slot: 'customer_authority', approverSysId: CUST, groupId: G_CUST },
                ],
            }),
        )
        const filled = [
            { filled: 'incident_command', approverSysId: IC, onBehalfOf: '' },
            { filled: 'security', approverSysId: SEC, onBehalfOf: '' },
            { filled: 'customer_authority', approverSysId: CUST, onBehalfOf: '' },
        ]
        const facts = (groups: Record<string, string[]>): GateFactsBundle =>
            ({
                users: new Map(
                    Object.entries(groups).map(([u, g]) => [
                        u,
                        { sysId: u, userName: `user-${u[0]}`, email: '', active: true, groupSysIds: g },
                    ]),
                ),
            }) as unknown as GateFactsBundle

        it('passes when every approver is a current member of the group the policy names for the slot', () => {
            expect(
                slotGroupProblems(decision, route, filled, facts({ [IC]: [G_IC], [SEC]: [G_SEC], [CUST]: [G_CUST] })),
            ).toEqual([])
        })

        it('attack: a slot approved by someone no longer (or never) in its group is refused', () => {
            expect(
                slotGroupProblems(decision, route, filled, facts({ [IC]: [G_IC], [SEC]: [G_SEC], [CUST]: [G_IC] })),
            ).toEqual(['the customer authority approver user-3 is not a member of the customer authority group'])
        })

        it('attack: a route that drew a slot from another group than the policy names is refused', () => {
            const forged = parseStoredRoute(
                JSON.stringify({
                    slots: CONSOLE_APPROVAL_SLOTS,
                    assignments: [
                        { slot: 'incident_command', approverSysId: IC, groupId: G_IC },
                        { slot: 'security', approverSysId: SEC, groupId: G_IC },
                        { slot: 'customer_authority', approverSysId: CUST, groupId: G_CUST },
                    ],
                }),
            )
            expect(
                slotGroupProblems(
                    decision,
                    forged,
                    filled,
                    facts({ [IC]: [G_IC], [SEC]: [G_SEC, G_IC], [CUST]: [G_CUST] }),
                ),
            ).toEqual(["the security approver was not drawn from the policy's security group"])
        })

        it('a delegate is judged by the membership of the approver they act for', () => {
            const viaDelegate = [filled[0]!, { filled: 'security', approverSysId: OTHER, onBehalfOf: SEC }, filled[2]!]
            expect(
                slotGroupProblems(
                    decision,
                    route,
                    viaDelegate,
                    facts({ [IC]: [G_IC], [SEC]: [G_SEC], [CUST]: [G_CUST], [OTHER]: [] }),
                ),
            ).toEqual([])
        })
    })
})
