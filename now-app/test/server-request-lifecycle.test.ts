import { beforeEach, describe, expect, it } from 'vitest'

import { GlideRecord, glide } from './support/glide-fake'
import { castVote, orderItem } from './support/app-actions'
import { W, approvalsOf, buildWorld, grants } from './support/app-world'
import { RITM_STAGE, RITM_STATE, ritmViewOf } from '../../shared/src/ritm-lifecycle'
import { EVENT, GRANT_STATES, PLATFORM_TABLE, PROPERTY, TABLE } from '../../shared/src/schema'
import { canReadAsRouteApprover, canShortenAsPendingApprover } from '../src/server/approver-access'
import { requestBreakGlassFromIncident } from '../src/server/emergency'
import { runWatchdog } from '../src/server/watchdog'

/*
 * The request's own lifecycle on the platform (issue 11 §3), on the Glide fake with the app's rules wired as in
 * Fluent: the RITM's State / Stage / Approval follow the grant and the RITM closes when the grant ends; the people
 * the approval route asks can read the grant and shorten it only while their own vote is open.
 */

const HOUR = 3600_000
const START = Date.UTC(2026, 10, 27, 10, 0, 0)
const EXECUTOR = { sysId: '1'.repeat(32), userName: 'executor', roles: ['x_gbg_breakglass.executor'] }
/** The scheduled watchdog runs as the system. */
const SYSTEM = { sysId: '6816f79cc0a8016401c5a33be04be441', userName: 'system', roles: ['admin'] }
function watchdogRun(): ReturnType<typeof runWatchdog> {
    glide.setUser(SYSTEM)
    return runWatchdog()
}

/** Order the local-admin item as alice; returns the RITM and grant sys_ids. */
function order(variables: Record<string, string> = {}): { ritm: string; grant: string } {
    const ritm = orderItem(W.itemLocalAdmin, W.alice, {
        requested_for: W.alice,
        device: W.workstation,
        duration_minutes: '60',
        justification: 'Install the signed scanner driver for the lab',
        emergency: 'false',
        ...variables,
    })
    const grant = grants().find((g) => g.ritm === ritm)
    if (!grant) throw new Error('no grant for the order')
    return { ritm, grant: grant.sys_id! }
}

const ritmRow = (sysId: string) => glide.row(PLATFORM_TABLE.ritm, sysId)!
/** State / stage / approval / active of a RITM as stored. */
const shown = (sysId: string) => {
    const r = ritmRow(sysId)
    return { state: r.state, stage: r.stage, approval: r.approval, active: r.active }
}

function vote(grantSysId: string, voter: string, userName: string, state: 'approved' | 'rejected'): void {
    glide.setUser({ sysId: voter, userName, roles: [] })
    const approval = approvalsOf(grantSysId).find((a) => a.approver === voter)
    if (!approval) throw new Error(`no approval for ${userName}`)
    expect(castVote(approval.sys_id!, state, state === 'rejected' ? 'Not during the freeze' : '')).not.toBeNull()
}

/** Write grant fields as the executor does (Table API write-back; the app's rules run). */
function executorWrites(grantSysId: string, values: Record<string, string>): void {
    glide.setUser(EXECUTOR)
    const gr = new GlideRecord(TABLE.grant)
    expect(gr.get(grantSysId)).toBe(true)
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    expect(gr.update(), glide.messages.error.join(' | ')).not.toBeNull()
}

const grantOf = (sysId: string) => {
    const gr = new GlideRecord(TABLE.grant)
    gr.get(sysId)
    return gr
}

beforeEach(() => {
    buildWorld()
    glide.setNow(START)
})

describe('the RITM follows its grant', () => {
    it('every grant state has a defined RITM view (or none for the transient "requested" and for "extended")', () => {
        for (const state of GRANT_STATES) {
            const view = ritmViewOf(state)
            // `extended` is only ever an extension record's state: the RITM follows the grant it extends (ritm-sync.ts).
            if (state === 'requested' || state === 'extended') expect(view).toBeNull()
            else expect(view, state).not.toBeNull()
        }
        expect(ritmViewOf('no_such_state')).toBeNull()
    })

    it('ordered → awaiting approval → approved → fulfilment → closed complete when revoked', () => {
        // Setup / Execution: order, the manager approves, the executor grants, the access ends
        const { ritm, grant } = order()
        expect(shown(ritm)).toMatchObject({
            state: RITM_STATE.open,
            stage: RITM_STAGE.waitingForApproval,
            approval: 'requested',
            active: 'true',
        })
        vote(grant, W.bob, 'bob', 'approved')
        expect(grantOf(grant).getValue('state')).toBe('queued')
        expect(shown(ritm)).toMatchObject({
            state: '1',
            stage: 'request_approved',
            approval: 'approved',
            active: 'true',
        })
        executorWrites(grant, { state: 'granting' })
        expect(shown(ritm)).toMatchObject({ state: '2', stage: 'fulfillment', approval: 'approved', active: 'true' })
        executorWrites(grant, { state: 'active', granted_at: '2026-11-27 10:00:00', expires_at: '2026-11-27 11:00:00' })
        expect(shown(ritm)).toMatchObject({ state: '2', stage: 'fulfillment', active: 'true' })
        glide.setNow(START + HOUR)
        executorWrites(grant, { state: 'revoking' })
        expect(shown(ritm)).toMatchObject({ state: '2', stage: 'fulfillment', active: 'true' })
        executorWrites(grant, { state: 'revoked', revoked_at: '2026-11-27 11:00:05' })

        // Validation: closed complete, no longer active
        expect(shown(ritm)).toMatchObject({ state: '3', stage: 'complete', approval: 'approved', active: 'false' })
    })

    it('a revoke that fails keeps the RITM in fulfilment (access may still exist)', () => {
        const { ritm, grant } = order()
        vote(grant, W.bob, 'bob', 'approved')
        executorWrites(grant, { state: 'granting' })
        executorWrites(grant, { state: 'active', expires_at: '2026-11-27 11:00:00' })
        executorWrites(grant, { state: 'revoking' })
        executorWrites(grant, { state: 'revoke_failed', last_error: 'provider 503' })
        expect(shown(ritm)).toMatchObject({ state: '2', stage: 'fulfillment', active: 'true' })
    })

    it('rejected by the approver → closed incomplete, Request Cancelled, approval rejected', () => {
        const { ritm, grant } = order()
        vote(grant, W.bob, 'bob', 'rejected')
        expect(grantOf(grant).getValue('state')).toBe('rejected')
        expect(shown(ritm)).toMatchObject({
            state: '4',
            stage: 'Request Cancelled',
            approval: 'rejected',
            active: 'false',
        })
    })

    it('refused by policy → closed incomplete, Request Cancelled, approval never requested', () => {
        const { ritm, grant } = order({ duration_minutes: '600' })
        expect(grantOf(grant).getValue('state')).toBe('policy_rejected')
        expect(shown(ritm)).toMatchObject({ state: '4', stage: 'Request Cancelled', active: 'false' })
        expect(ritmRow(ritm).approval ?? '').not.toBe('requested')
    })

    it('no decision in time (watchdog) → closed incomplete, approval cancelled', () => {
        const { ritm, grant } = order()
        glide.setNow(START + 61 * 60_000)
        watchdogRun() // first timeout: escalated
        glide.setNow(START + 122 * 60_000)
        watchdogRun() // second: expired_unapproved
        expect(grantOf(grant).getValue('state')).toBe('expired_unapproved')
        expect(shown(ritm)).toMatchObject({
            state: '4',
            stage: 'Request Cancelled',
            approval: 'cancelled',
            active: 'false',
        })
    })

    it('a grant that fails to be granted → closed incomplete', () => {
        const { ritm, grant } = order()
        vote(grant, W.bob, 'bob', 'approved')
        executorWrites(grant, { state: 'granting' })
        executorWrites(grant, { state: 'grant_failed', last_error: 'provider refused: device unknown' })
        expect(shown(ritm)).toMatchObject({ state: '4', stage: 'Request Cancelled', active: 'false' })
    })
})

describe('approvers the route asks', () => {
    const asUser = (sysId: string, userName: string) => glide.setUser({ sysId, userName, roles: [] })

    it('read the grant and, while their vote is open, may shorten it; after voting they read only', () => {
        // Setup: bob (the manager, no app role) is asked
        const { grant } = order()
        asUser(W.bob, 'bob')

        // Validation: pending approver
        expect(canReadAsRouteApprover(grantOf(grant))).toBe(true)
        expect(canShortenAsPendingApprover(grantOf(grant))).toBe(true)

        // Shortening through the form (approved_duration) is accepted from him
        const gr = grantOf(grant)
        gr.setValue('approved_duration', '30')
        expect(gr.update()).not.toBeNull()

        // After his vote: reads, may no longer shorten
        vote(grant, W.bob, 'bob', 'approved')
        asUser(W.bob, 'bob')
        expect(canReadAsRouteApprover(grantOf(grant))).toBe(true)
        expect(canShortenAsPendingApprover(grantOf(grant))).toBe(false)
    })

    it('nobody else passes: the requester, a group member not asked, an approval inserted outside the route', () => {
        const { grant } = order()
        for (const [sysId, name] of [
            [W.alice, 'alice'],
            [W.carol, 'carol'],
            [W.erin, 'erin'],
        ] as const) {
            asUser(sysId, name)
            expect(canReadAsRouteApprover(grantOf(grant)), name).toBe(false)
            expect(canShortenAsPendingApprover(grantOf(grant)), name).toBe(false)
        }
        // An approval row for dave the route does not list (seeded past the app's insert guard) gives nothing.
        glide.insert(PLATFORM_TABLE.approval, {
            approver: W.dave,
            state: 'requested',
            source_table: TABLE.grant,
            document_id: grant,
        })
        asUser(W.dave, 'dave')
        expect(canReadAsRouteApprover(grantOf(grant))).toBe(false)
        expect(canShortenAsPendingApprover(grantOf(grant))).toBe(false)
    })

    it("one approver's open approval on another grant does not open this one", () => {
        const first = order()
        const second = order({ device: W.server, change_request: W.change })
        vote(first.grant, W.bob, 'bob', 'approved')
        asUser(W.bob, 'bob')
        expect(canShortenAsPendingApprover(grantOf(first.grant))).toBe(false)
        expect(grantOf(second.grant).getValue('state')).toBe('awaiting_approval')
        expect(canShortenAsPendingApprover(grantOf(second.grant))).toBe(true)
    })
})

describe('emergency request from an incident', () => {
    it('the UI action opens the item with the platform URL prefill; ordering it as prefilled makes an emergency grant', () => {
        // Setup: an open P1 incident alice is the caller of
        const p1 = glide.insert(PLATFORM_TABLE.incident, {
            number: 'INC0020001',
            priority: 1,
            active: true,
            caller_id: W.alice,
        })
        const incident = new GlideRecord(PLATFORM_TABLE.incident)
        incident.get(p1.sys_id!)

        // Execution: the action's redirect, read as the portal reads it
        requestBreakGlassFromIncident(incident)
        expect(glide.redirects).toHaveLength(1)
        const url = new URL(`https://instance.example/${glide.redirects[0]!}`)
        const prefill = JSON.parse(url.searchParams.get('sysparm_variable_values') ?? '') as Record<string, string>

        // Validation: the local-admin item, exactly the incident (a sys_id) and the emergency flag
        expect(url.pathname).toBe('/sp')
        expect(url.searchParams.get('id')).toBe('sc_cat_item')
        expect(url.searchParams.get('sys_id')).toBe(W.itemLocalAdmin)
        expect(prefill).toEqual({ incident: p1.sys_id, emergency: 'true' })

        // Ordering the item with those values (and the requester's own): the emergency policy applies
        const { grant } = order({
            ...prefill,
            duration_minutes: '20',
            justification: 'Production outage: restart the stuck agent',
        })
        expect(grantOf(grant).getValue('incident')).toBe(p1.sys_id)
        expect(grantOf(grant).getValue('emergency')).toBe('1')
    })
})

describe('SecOps group not configured', () => {
    for (const [name, value, code] of [
        ['unset', '', 'SECOPS_GROUP_UNSET'],
        ['not a sys_id', 'SecOps', 'SECOPS_GROUP_NOT_FOUND'],
        ['no such group', 'f'.repeat(32), 'SECOPS_GROUP_NOT_FOUND'],
    ] as const) {
        it(`${name}: the request is refused with that reason, to the requester, and nothing is queued`, () => {
            // Setup
            glide.properties.set(PROPERTY.secopsGroup, value)

            // Execution
            const { ritm, grant } = order()

            // Validation
            const g = grantOf(grant)
            expect(g.getValue('state')).toBe('policy_rejected')
            expect(String(g.getValue('last_error'))).toContain(`[${code}]`)
            expect(String(g.getValue('last_error'))).toContain(PROPERTY.secopsGroup)
            expect(glide.rows(TABLE.action).filter((a) => a.grant === grant)).toEqual([])
            expect(approvalsOf(grant)).toEqual([])
            const comments = glide.journal.filter((j) => j.sysId === ritm && j.field === 'comments').map((j) => j.text)
            expect(comments.join('\n')).toContain('Ask your ServiceNow administrator to set it')
            const refused = glide.events.filter((e) => e.name === EVENT.rejected)
            expect(refused.map((e) => e.parm1)).toEqual([W.alice])
            expect(refused[0]!.parm2).toContain(code)
            expect(shown(ritm)).toMatchObject({ state: '4', stage: 'Request Cancelled', active: 'false' })
        })
    }

    it('set to an existing group: no such reason', () => {
        const { grant } = order()
        expect(grantOf(grant).getValue('state')).toBe('awaiting_approval')
    })
})

describe('watchdog incidents use values of a current release', () => {
    // Base-system incident resolution codes and categories (ServiceNow docs: "Resolve and close an incident",
    // "Incident categories and subcategories").
    const RESOLUTION_CODES = [
        'Duplicate',
        'Known error',
        'No resolution provided',
        'Resolved by caller',
        'Resolved by change',
        'Resolved by problem',
        'Resolved by request',
        'Solution provided',
        'Workaround provided',
    ]
    const CATEGORIES = ['inquiry', 'software', 'hardware', 'network', 'database']

    it('the overdue-grant incident has a base-system category, and is resolved with a current resolution code', () => {
        // Setup: an approved, granted grant whose expiry passed 10 minutes ago
        const { grant } = order()
        vote(grant, W.bob, 'bob', 'approved')
        executorWrites(grant, { state: 'granting' })
        executorWrites(grant, { state: 'active', granted_at: '2026-11-27 10:00:00', expires_at: '2026-11-27 11:00:00' })
        glide.setNow(START + HOUR + 10 * 60_000)

        // Execution
        const raised = watchdogRun()
        const incident = glide.rows(PLATFORM_TABLE.incident).find((i) => i.number === raised.incidentsRaised[0])!
        executorWrites(grant, { state: 'revoked', revoked_at: '2026-11-27 11:10:30' })
        const resolved = watchdogRun()

        // Validation
        expect(CATEGORIES).toContain(incident.category)
        expect(resolved.incidentsResolved).toEqual([incident.number])
        const after = glide.row(PLATFORM_TABLE.incident, incident.sys_id!)!
        expect(after.state).toBe('6')
        expect(RESOLUTION_CODES).toContain(after.close_code)
        expect(after.close_notes).toContain('2026-11-27 11:10:30')
    })

    it('the expiry warning names the access and the expiry in UTC', () => {
        const { grant } = order()
        vote(grant, W.bob, 'bob', 'approved')
        executorWrites(grant, { state: 'granting' })
        executorWrites(grant, { state: 'active', granted_at: '2026-11-27 10:00:00', expires_at: '2026-11-27 11:00:00' })
        glide.setNow(START + 55 * 60_000)
        watchdogRun()
        expect(glide.row(TABLE.grant, grant)!.expiry_warned).toBe('true')
        watchdogRun()
        const warnings = glide.events.filter((e) => e.name === EVENT.expiryWarning)
        expect(warnings.map((w) => w.parm2)).toEqual([
            'Expires: local administrator rights on PC-ALICE, at 2026-11-27 11:00 UTC.',
        ])
    })
})

describe('"Requested for" shows the right person', () => {
    it('the Requested For answer decides the grant, and the RITM is corrected to it when it shows someone else', () => {
        // Setup: alice orders for dave; the RITM came through with alice (an order path that did not copy the variable)
        const ritm = orderItem(
            W.itemLocalAdmin,
            W.alice,
            {
                requested_for: W.dave,
                device: W.workstation,
                duration_minutes: '60',
                justification: 'Install the signed scanner driver for the lab',
            },
            { requested_for: W.alice },
        )

        // Validation
        const grant = grants().find((g) => g.ritm === ritm)!
        expect(grant.requested_for).toBe(W.dave)
        expect(grant.opened_by).toBe(W.alice)
        expect(ritmRow(ritm).requested_for).toBe(W.dave)
    })
})
