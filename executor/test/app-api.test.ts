/**
 * The executor's reading of the app's executor API (src/servicenow/app-api.ts): an answer that does not have the
 * contract's shape — forged, garbled, about another grant, with a wrong type anywhere — is an error, so the recheck
 * gate refuses; never a pass. And the rows it inserts for ticket updates carry nothing but validated, redacted text.
 */
import { describe, expect, it } from 'vitest'
import { TABLE, type GateFacts } from '@gbg/shared'
import { parseGateFacts, parseInstanceContext, ticketUpdateBody, ticketUpdateResult } from '../src/servicenow/app-api'

const GRANT = 'a'.repeat(32)
const USER = 'b'.repeat(32)
const CI = 'c'.repeat(32)

function facts(): GateFacts {
    return {
        grant: GRANT,
        approvals: [
            {
                sys_id: 'd'.repeat(32),
                approver: USER,
                state: 'approved',
                document_id: GRANT,
                source_table: TABLE.grant,
                sysapproval: '',
                sys_updated_on: '2025-06-02 09:00:00',
            },
            {
                sys_id: 'e'.repeat(32),
                approver: USER,
                state: 'approved',
                document_id: '',
                source_table: '',
                sysapproval: 'f'.repeat(32),
                sys_updated_on: '2025-06-02 09:00:00',
            },
        ],
        users: [
            { sys_id: USER, user_name: 'bob', name: 'Bob Builder', email: 'bob@example.test', active: true, groups: [CI] },
        ],
        computers: [{ sys_id: CI, name: 'WS-1', device_class: 'workstation', production: false, corp_managed: null }],
        incident: null,
        change: null,
        settings: { integration_enabled: 'true', default_max_duration_minutes: '120' },
    }
}

describe('gate facts answer', () => {
    it("a well-formed answer: the grant's own approvals apart from the RITM's; settings by the shared parser", () => {
        // Execution
        const f = parseGateFacts(facts(), GRANT)
        // Validation
        expect(f.grantApprovals.map((a) => a.sysId)).toEqual(['d'.repeat(32)])
        expect(f.ritmApprovals.map((a) => a.sysId)).toEqual(['e'.repeat(32)])
        expect(f.grantApprovals[0]!.updatedOn.toISOString()).toBe('2025-06-02T09:00:00.000Z')
        expect(f.users.get(USER)).toMatchObject({
            userName: 'bob',
            displayName: 'Bob Builder',
            active: true,
            groupSysIds: [CI],
        })
        expect(f.computers.get(CI)).toEqual({
            sysId: CI,
            name: 'WS-1',
            deviceClass: 'workstation',
            production: false,
        })
        expect(f.settings).toEqual({ integrationEnabled: true, defaultMaxDurationMinutes: 120 })
    })

    it("a user's display name is optional: missing or '' still passes, with no display name", () => {
        // Setup
        const missing = facts()
        delete (missing.users[0] as { name?: string }).name
        const empty = facts()
        empty.users[0]!.name = ''
        // Execution + Validation
        for (const answer of [missing, empty]) {
            const user = parseGateFacts(answer, GRANT).users.get(USER)!
            expect(user.userName).toBe('bob')
            expect(user).not.toHaveProperty('displayName')
        }
    })

    it('the kill switch is on only for exactly "true" (the one parser), missing is off', () => {
        for (const raw of ['true ', 'TRUE', '1', '', null]) {
            const x = facts()
            x.settings.integration_enabled = raw
            expect(parseGateFacts(x, GRANT).settings.integrationEnabled, String(raw)).toBe(false)
        }
    })

    it('a forged or garbled answer is refused: wrong grant, wrong types, extra fields, not JSON, HTML', () => {
        const cases: [string, unknown][] = [
            ['another grant', { ...facts(), grant: 'e'.repeat(32) }],
            ['string for a boolean', { ...facts(), users: [{ ...facts().users[0]!, active: 'true' }] }],
            ['a user id that is no sys_id', { ...facts(), users: [{ ...facts().users[0]!, sys_id: 'bob' }] }],
            ['an unknown field', { ...facts(), verdict: 'allowed' }],
            ['missing settings', { ...facts(), settings: undefined }],
            [
                'approval date not a date',
                { ...facts(), approvals: [{ ...facts().approvals[0]!, sys_updated_on: 'yesterday' }] },
            ],
            [
                'an approver query in a reference',
                { ...facts(), approvals: [{ ...facts().approvals[0]!, approver: `${USER}^ORstate=approved` }] },
            ],
            ['an array', [facts()]],
            ['a string', '<html>instance hibernating</html>'],
            ['null', null],
        ]
        for (const [what, answer] of cases) {
            expect(() => parseGateFacts(answer, GRANT), what).toThrow(/expected shape|not .*a{32}|about grant/)
        }
    })

    it('the context answer is checked the same way', () => {
        const ok = {
            settings: { integration_enabled: 'true', default_max_duration_minutes: null, secops_group: null },
            secops_group: { status: 'unset', sys_id: '', name: '' },
            incident_caller: null,
            session: { sys_id: USER, user_name: 'svc', roles: ['x_gbg_breakglass.executor'], time_zone: 'GMT' },
        }
        expect(parseInstanceContext(ok)).toEqual(ok)
        expect(() => parseInstanceContext({ ...ok, secops_group: { ...ok.secops_group, status: 'fine' } })).toThrow(
            /expected shape/,
        )
        expect(() => parseInstanceContext({ ...ok, session: { ...ok.session, roles: 'admin' } })).toThrow(
            /expected shape/,
        )
    })
})

describe('ticket update rows', () => {
    it("carry only the kind's columns, redacted; a bad key, grant, incident or file name throws before any call", () => {
        const body = ticketUpdateBody(
            { kind: 'ritm_note', grantSysId: GRANT, text: 'Webhook https://h/x?sig=abc' },
            'tu:1',
        )
        expect(body).toEqual({
            grant: GRANT,
            kind: 'ritm_note',
            idempotency_key: 'tu:1',
            text: 'Webhook https://h/x?sig=[REDACTED]',
        })
        expect(() => ticketUpdateBody({ kind: 'ritm_note', grantSysId: GRANT, text: 'x' }, 'tu^ORx=1')).toThrow(/key/)
        expect(() => ticketUpdateBody({ kind: 'ritm_note', grantSysId: 'nope', text: 'x' }, 'tu:1')).toThrow(/grant/)
        expect(() =>
            ticketUpdateBody({ kind: 'incident_note', grantSysId: GRANT, incidentSysId: 'INC001', text: 'x' }, 'tu:1'),
        ).toThrow(/sys_id/)
        expect(() =>
            ticketUpdateBody(
                {
                    kind: 'receipt',
                    grantSysId: GRANT,
                    fileName: '../etc/passwd',
                    contentType: 'text/plain',
                    content: Buffer.from('x'),
                },
                'tu:1',
            ),
        ).toThrow(/file name/)
    })

    it("a failed effect is fatal with the app's reason; an unfinished one retryable; a done one gives its result", () => {
        expect(() => ticketUpdateResult({ state: 'failed', error: 'RITM gone', idempotency_key: 'k' })).toThrow(
            /could not perform ticket update k: RITM gone/,
        )
        expect(() => ticketUpdateResult({ state: '', idempotency_key: 'k' })).toThrow(
            expect.objectContaining({ kind: 'retryable' }),
        )
        expect(ticketUpdateResult({ state: 'done', result_sys_id: USER, result_number: 'INC0010001' })).toEqual({
            sysId: USER,
            number: 'INC0010001',
        })
    })
})
