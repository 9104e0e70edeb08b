/**
 * The app's interfaces for the executor (issue 11): the executor REST API's handlers (executor-api.ts) and the
 * ticket-update rules (ticket-update.ts), on the Glide fake with the app's world and rules.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { GlideRecord, glide } from './support/glide-fake'
import { W, approvalsOf, buildWorld, grants } from './support/app-world'
import { callProposalApi } from './support/app-actions'
import { executorContext, executorGateFacts } from '../src/server/executor-api'
import { PLATFORM_TABLE, PROPERTY, ROLE, TABLE, TICKET_UPDATE_FIELDS as F } from '../../shared/src/schema'

const EXEC = 'e0e'.padEnd(32, '0')
const BOT = 'b07'.padEnd(32, '0')

function call(handler: (req: any, res: any) => void, pathParams: Record<string, string> = {}) {
    const out = { status: 200, body: undefined as any }
    handler({ pathParams }, { setStatus: (s: number) => (out.status = s), setBody: (b: unknown) => (out.body = b) })
    return out
}

const asExecutor = (): void => glide.setUser({ sysId: EXEC, userName: 'svc_exec', roles: [ROLE.executor] })

/** A request awaiting approval, proposed for alice (the manager bob is asked). */
function proposedGrant(): string {
    glide.setUser({ sysId: BOT, userName: 'bot', roles: [ROLE.proposer] })
    const out = callProposalApi({
        requested_for: 'alice',
        target_kind: 'device_local_admin',
        device: W.workstation,
        duration_minutes: 30,
        justification: 'Reinstall the VPN client after the failed update',
        incident: 'INC0010001',
    })
    expect(out.status).toBe(201)
    return grants()[0]!.sys_id!
}

function ticketUpdate(values: Record<string, string>): { id: string | null; error: string } {
    const errors = glide.messages.error.length
    const gr = new GlideRecord(TABLE.ticketUpdate)
    gr.initialize()
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    const id = gr.insert()
    return { id, error: glide.messages.error[errors] ?? '' }
}

beforeEach(() => {
    buildWorld()
    glide.insert('sys_user', { sys_id: BOT, user_name: 'bot', active: true })
    glide.insert('sys_user', { sys_id: EXEC, user_name: 'svc_exec', active: true, time_zone: 'Europe/Berlin' })
})

describe('executor API: gate facts', () => {
    it("gathers the grant's approvals, the people, the CI, the incident and the settings as stored", () => {
        const grant = proposedGrant()
        asExecutor()
        const out = call(executorGateFacts, { grant_sys_id: grant })
        expect(out.status).toBe(200)
        expect(out.body.grant).toBe(grant)
        expect(out.body.approvals.map((a: any) => [a.approver, a.document_id, a.source_table])).toEqual(
            approvalsOf(grant).map((a) => [a['approver'], grant, TABLE.grant]),
        )
        const alice = out.body.users.find((u: any) => u.sys_id === W.alice)
        expect(alice).toMatchObject({ user_name: 'alice', active: true, groups: [W.resolvers] })
        expect(out.body.users.map((u: any) => u.sys_id)).toContain(W.bob)
        expect(out.body.computers).toEqual([
            {
                sys_id: W.workstation,
                name: 'PC-ALICE',
                device_class: 'workstation',
                production: false,
                corp_managed: true,
            },
        ])
        expect(out.body.incident).toMatchObject({ sys_id: W.incident, number: 'INC0010001', priority: 3, active: true })
        expect(out.body.change).toBeNull()
        expect(out.body.settings).toEqual({ integration_enabled: 'true', default_max_duration_minutes: '240' })
    })

    it('400 for a malformed sys_id (before any query), 404 for an unknown grant, 403 without the executor role', () => {
        asExecutor()
        expect(call(executorGateFacts, { grant_sys_id: 'abc' }).status).toBe(400)
        expect(call(executorGateFacts, { grant_sys_id: `${'a'.repeat(32)}^ORstate=active` }).status).toBe(400)
        expect(call(executorGateFacts, {}).status).toBe(400)
        expect(call(executorGateFacts, { grant_sys_id: 'f'.repeat(32) }).status).toBe(404)
        glide.setUser({ sysId: W.alice, userName: 'alice', roles: [ROLE.requester] })
        expect(call(executorGateFacts, { grant_sys_id: 'f'.repeat(32) }).status).toBe(403)
    })
})

describe('executor API: context', () => {
    it("reports the settings, the SecOps group resolved, the caller and the session's time zone", () => {
        asExecutor()
        const out = call(executorContext)
        expect(out.status).toBe(200)
        expect(out.body).toMatchObject({
            secops_group: { status: 'ok', sys_id: W.secops, name: 'SecOps' },
            incident_caller: { sys_id: EXEC, user_name: 'svc_exec' },
            session: { sys_id: EXEC, user_name: 'svc_exec', time_zone: 'Europe/Berlin' },
        })
        for (const [value, status] of [
            ['', 'unset'],
            ['not-a-sys-id', 'invalid'],
            ['f'.repeat(32), 'not_found'],
        ] as const) {
            glide.properties.set(PROPERTY.secopsGroup, value)
            expect(call(executorContext).body.secops_group.status, value).toBe(status)
        }
    })
})

describe('ticket updates', () => {
    it("a RITM note goes to the grant's own RITM; an incident note only to its incident; a used key never twice", () => {
        const grant = proposedGrant()
        const ritm = glide.insert(PLATFORM_TABLE.ritm, { short_description: 'x' }).sys_id!
        glide.rows(TABLE.grant)[0]!['ritm'] = ritm
        const foreign = glide.insert(PLATFORM_TABLE.incident, { short_description: 'not ours' }).sys_id!
        asExecutor()

        const note = ticketUpdate({ grant, kind: 'ritm_note', text: 'Granted', idempotency_key: 'k1' })
        expect(note.error).toBe('')
        expect(glide.journal.filter((j) => j.sysId === ritm).map((j) => j.text)).toEqual(['Granted'])
        expect(glide.row(TABLE.ticketUpdate, note.id!)).toMatchObject({ [F.state]: 'done', [F.resultSysId]: ritm })

        const linked = ticketUpdate({
            grant,
            kind: 'incident_note',
            incident: W.incident,
            text: 'n',
            idempotency_key: 'k2',
        })
        expect(linked.error).toBe('')
        const other = ticketUpdate({
            grant,
            kind: 'incident_note',
            incident: foreign,
            text: 'n',
            idempotency_key: 'k3',
        })
        expect(other.id).toBeNull()
        expect(other.error).toMatch(/is not linked to or raised for grant/)
        expect(glide.journal.filter((j) => j.sysId === foreign)).toEqual([])

        const again = ticketUpdate({ grant, kind: 'ritm_note', text: 'Granted', idempotency_key: 'k1' })
        expect(again.id).toBeNull()
        expect(again.error).toMatch(/duplicate idempotency key k1/)
        expect(glide.journal.filter((j) => j.sysId === ritm)).toHaveLength(1)
    })

    it('an incident is assigned to the SecOps property and called by the session user; results the app writes', () => {
        const grant = proposedGrant()
        asExecutor()
        const out = ticketUpdate({
            grant,
            kind: 'incident',
            incident_kind: 'revoke_failed',
            priority: '1',
            short_description: 'Revoke failing',
            text: 'details',
            idempotency_key: 'inc1',
            [F.state]: 'done',
            [F.resultSysId]: W.incident,
        })
        expect(out.error).toBe('')
        const row = glide.row(TABLE.ticketUpdate, out.id!)!
        // The caller's result columns were cleared; the app's are the incident it raised.
        expect(row[F.resultSysId]).not.toBe(W.incident)
        const incident = glide.row(PLATFORM_TABLE.incident, row[F.resultSysId]!)!
        expect(incident).toMatchObject({ assignment_group: W.secops, caller_id: EXEC, priority: '1', urgency: '1' })
        expect(row[F.resultNumber]).toBe(incident['number'] ?? '')
        // A note on the incident raised for this grant is accepted.
        const note = ticketUpdate({
            grant,
            kind: 'incident_note',
            incident: row[F.resultSysId]!,
            text: 'n',
            idempotency_key: 'inc1n',
        })
        expect(note.error).toBe('')
    })

    it('the receipt goes to the grant when it has no RITM', () => {
        const grant = proposedGrant()
        asExecutor()
        const out = ticketUpdate({
            grant,
            kind: 'receipt',
            file_name: 'receipt.json',
            content_type: 'application/json',
            content: Buffer.from('{"ok":true}').toString('base64'),
            idempotency_key: 'r1',
        })
        expect(out.error).toBe('')
        const attachment = glide.rows('sys_attachment').find((a) => a['table_sys_id'] === grant)!
        expect(attachment).toMatchObject({ table_name: TABLE.grant, file_name: 'receipt.json' })
        expect(glide.files.get(attachment['sys_id']!)!.toString()).toBe('{"ok":true}')
    })
})
