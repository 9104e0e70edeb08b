/**
 * Issue 10 (approval integrity), shared decision code: one reading of boolean properties (the kill switch), an
 * auto-approve rule never satisfied by the requester's own ticket, and auto-approve rules applied only when a
 * second SecOps person confirmed the policy's current content.
 */
import { describe, expect, it } from 'vitest'
import { isFalseField, isTrueField, parseBooleanField, parseBooleanProperty, parseKillSwitch } from '../src/booleans'
import { AUTO_APPROVE_DECLINED, evaluate } from '../src/policy'
import { evaluatePolicyRecords, policyRecordDigest, policyToRecord } from '../src/policy-record'
import type { AccessRequest, EvaluationContext, RequestIncident } from '../src/policy-types'
import { POLICY_FIELDS } from '../src/schema'
import { POLICY_CONFIRMER, POLICY_EDITOR, confirmedRecord, policyRule } from './fixtures'

const id = (n: number): string => n.toString(16).padStart(32, '0')
const ALICE = id(0xa1)
const DESK = id(0xd5)
const GROUP = id(0x100)
const KILL = 'x_gbg_breakglass.integration_enabled'
const ctx: EvaluationContext = { nowMs: 0, integrationEnabled: true, defaultMaxDurationMinutes: 240 }

const policy = policyRule({
    name: 'local admin',
    autoApproveRules: [
        {
            name: 'P1/P2 on-call responder',
            requireIncidentPriorityAtMost: 2,
            requireRequesterInIncidentGroup: true,
            targetKinds: ['device_local_admin'],
            maxDurationMinutes: 60,
        },
    ],
})

function request(incident: Partial<RequestIncident>): AccessRequest {
    return {
        requestedFor: { sysId: ALICE, userName: 'alice', email: 'a@example.com', active: true, groupIds: [GROUP] },
        openedBy: ALICE,
        targetKind: 'device_local_admin',
        target: {
            ci: { sysId: id(0x200), name: 'PC', deviceClass: 'workstation', corpManaged: true, production: false },
        },
        durationMinutes: 30,
        justification: 'Install the signed vendor driver on my workstation',
        emergency: false,
        incident: {
            sysId: id(0x300),
            number: 'INC0010001',
            priority: 1,
            active: true,
            callerId: id(0xc0),
            assignedTo: '',
            assignmentGroupId: GROUP,
            ciSysId: '',
            openedBy: DESK,
            prioritySetBy: [DESK],
            assignmentSetBy: [DESK],
            ...incident,
        },
    }
}

const declinedCodes = (r: AccessRequest, records = [confirmedRecord(policyToRecord(policy))]) => {
    const d = evaluatePolicyRecords(r, records, ctx)
    return { auto: d.autoApprove, codes: (d.autoApproveDeclined || []).map((x) => x.code), d }
}

describe('boolean properties: one parser, exact text, safe value otherwise', () => {
    it.each([
        ['true', true, ''],
        ['false', false, ''],
    ])('%j reads as %s', (raw, value, error) => {
        expect(parseKillSwitch(KILL, raw)).toEqual({ value, error })
    })
    it.each(['true ', ' true', 'TRUE', 'True', '1', 'yes', '', undefined, null])(
        'the kill switch %j is a configuration error: integration disabled, saying so',
        (raw) => {
            const reading = parseKillSwitch(KILL, raw)
            expect(reading.value).toBe(false)
            expect(reading.error).toContain(KILL)
            expect(reading.error).toContain('treated as false')
        },
    )
    it('another property falls back to its own safe value', () => {
        expect(parseBooleanProperty('p', 'False', true)).toMatchObject({ value: true })
    })
    it("record fields accept the Table API's and getValue's spellings only", () => {
        expect([
            parseBooleanField('true'),
            parseBooleanField('1'),
            parseBooleanField('false'),
            parseBooleanField('0'),
        ]).toEqual([true, true, false, false])
        expect(parseBooleanField('TRUE')).toBeNull()
        expect(parseBooleanField('')).toBeNull()
    })
    it('isTrueField / isFalseField: both spellings; empty, missing or anything else is neither', () => {
        // contracts/servicenow-rest.md "Glide values": getValue gives '1' / '0', the Table API 'true' / 'false'.
        const values = ['true', '1', 'false', '0', '', null, undefined, 'TRUE', 'yes', 1, true]
        expect(values.map(isTrueField)).toEqual([true, true, false, false, false, false, false, false, false, false, false])
        expect(values.map(isFalseField)).toEqual([false, false, true, true, false, false, false, false, false, false, false])
    })
    it('the policy says why the integration is disabled', () => {
        const d = evaluate(request({}), [policy], {
            ...ctx,
            integrationEnabled: false,
            integrationError: 'Property x is "true ".',
        })
        expect(d.reasons[0]).toMatchObject({
            code: 'INTEGRATION_DISABLED',
            message: expect.stringContaining('"true "'),
        })
    })
})

describe("auto-approval is never satisfied by the requester's own ticket", () => {
    it('applies to an incident raised, prioritised and assigned by someone else', () => {
        expect(declinedCodes(request({}))).toMatchObject({ auto: { rule: 'P1/P2 on-call responder' }, codes: [] })
    })
    it.each([
        ['the caller', { callerId: ALICE }],
        ['the opener', { openedBy: ALICE }],
        ['who raised the priority', { prioritySetBy: [DESK, ALICE] }],
        ['who assigned it to their group', { assignmentSetBy: [ALICE] }],
    ])('declines when the requester is %s (human approval instead)', (_who, over) => {
        const { auto, codes, d } = declinedCodes(request(over))
        expect(auto).toBeNull()
        expect(codes).toEqual([AUTO_APPROVE_DECLINED.ownTicket])
        expect(d.allowed).toBe(true)
        expect(d.requiredApprovals.map((a) => a.kind)).toEqual(['manager'])
    })
    it("declines when the person who opened the request on the requester's behalf raised the ticket", () => {
        const r = { ...request({ prioritySetBy: [id(0xb0)] }), openedBy: id(0xb0) }
        expect(declinedCodes(r).codes).toEqual([AUTO_APPROVE_DECLINED.ownTicket])
    })
    it.each([
        ['opener', { openedBy: undefined }],
        ['priority history', { prioritySetBy: undefined }],
        ['assignment history', { assignmentSetBy: [] }],
    ])('declines when the %s cannot be told', (_what, over) => {
        const { auto, codes } = declinedCodes(request(over as Partial<RequestIncident>))
        expect(auto).toBeNull()
        expect(codes).toEqual([AUTO_APPROVE_DECLINED.ticketHistoryUnknown])
    })
})

describe('auto-approve rules need a second SecOps person', () => {
    const record = policyToRecord(policy)
    const confirmed = confirmedRecord(record)
    it('applies the rules of confirmed content', () => {
        expect(declinedCodes(request({}), [confirmed]).auto).toEqual({ rule: 'P1/P2 on-call responder' })
    })
    it.each([
        ['never confirmed', record],
        ['confirmed by its own editor', { ...confirmed, [POLICY_FIELDS.confirmedBy]: POLICY_EDITOR }],
        ['with no recorded editor', { ...confirmed, [POLICY_FIELDS.editedBy]: '' }],
        [
            'edited after the confirmation',
            {
                ...confirmed,
                [POLICY_FIELDS.autoApproveRules]: confirmed[POLICY_FIELDS.autoApproveRules]!.replace('60', '240'),
            },
        ],
        ['confirmed for other content', { ...confirmed, [POLICY_FIELDS.confirmedDigest]: 'ab'.repeat(32) }],
    ])('ignores the rules of a policy %s; the rest of the policy still applies', (_what, rec) => {
        const { auto, codes, d } = declinedCodes(request({}), [rec])
        expect(auto).toBeNull()
        expect(codes).toEqual([AUTO_APPROVE_DECLINED.unconfirmed])
        expect(d.allowed).toBe(true)
        expect(d.policyName).toBe('local admin')
    })
    it('the digest is of the parsed content: both boolean spellings give the same one', () => {
        const glide = {
            ...record,
            [POLICY_FIELDS.active]: '1',
            [POLICY_FIELDS.corpManagedOnly]: record[POLICY_FIELDS.corpManagedOnly] === 'true' ? '1' : '0',
        }
        expect(policyRecordDigest(glide)).toBe(policyRecordDigest(record))
        expect(POLICY_CONFIRMER).not.toBe(POLICY_EDITOR)
    })
})
