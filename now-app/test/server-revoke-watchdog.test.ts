import { beforeEach, describe, expect, it } from 'vitest'

import { GlideRecord, glide } from './support/glide-fake'
import { W, HOUR, actionsOf, auditOf, buildWorld, journalOf } from './support/app-world'
import { queueRevokeNow, revokeNowFromGrant, revokeNowFromRitm } from '../src/server/revoke-now'
import { runWatchdog } from '../src/server/watchdog'
import { requestBreakGlassFromIncident } from '../src/server/emergency'
import { buildPlan } from '../../shared/src/plan'
import {
    EVENT,
    HEARTBEAT_CORRELATION_ID,
    INCIDENT_CORRELATION_PREFIX,
    PLATFORM_TABLE,
    TABLE,
} from '../../shared/src/schema'

const MIN = 60_000
const NOW = Date.UTC(2026, 10, 27, 10, 0, 0)
const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19)

/** An active grant as the executor leaves it, expiring at `expiresMs`. */
function activeGrant(expiresMs: number, over: Record<string, unknown> = {}): Record<string, string> {
    return glide.insert(TABLE.grant, {
        requested_for: W.alice,
        opened_by: W.alice,
        target_kind: 'device_local_admin',
        target_ci: W.workstation,
        requested_duration: 60,
        justification: 'Install the signed scanner driver for the lab',
        state: 'active',
        plan: planJson(false),
        granted_at: at(expiresMs - HOUR),
        expires_at: at(expiresMs),
        executor_instance: 'exec-a',
        ...over,
    })
}

function setGrant(sysId: string, values: Record<string, string>): void {
    glide.setUser({ sysId: '1'.repeat(32), userName: 'executor', roles: ['x_gbg_breakglass.executor'] })
    const gr = new GlideRecord(TABLE.grant)
    gr.get(sysId)
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    gr.update()
}

/** A real frozen plan (the watchdog reads high risk from it). */
function planJson(highRisk: boolean): string {
    const plan = buildPlan({
        grantSysId: '2'.repeat(32),
        grantNumber: 'BGA0000001',
        request: {
            requestedFor: { sysId: W.alice, userName: 'alice', email: 'alice@example.com', active: true, groupIds: [] },
            openedBy: W.alice,
            targetKind: 'device_local_admin',
            target: {
                ci: {
                    sysId: W.workstation,
                    name: 'PC-ALICE',
                    deviceClass: 'workstation',
                    corpManaged: true,
                    production: false,
                },
            },
            durationMinutes: 60,
            justification: 'Install the signed scanner driver for the lab',
            emergency: false,
        },
        durationMinutes: 60,
        highRisk,
    })
    return JSON.stringify(plan)
}

const incidents = () => glide.rows(PLATFORM_TABLE.incident).filter((i) => (i.correlation_id ?? '') !== '')

beforeEach(() => {
    buildWorld()
    // A live executor unless a test says otherwise.
    glide.insert(TABLE.executor, { name: 'exec-a', last_poll_at: at(NOW), last_claim_at: at(NOW - 5 * MIN) })
})

describe('Revoke now', () => {
    it('queues one priority-1 revoke recording who and why, and notes it on the ticket', () => {
        const grant = activeGrant(NOW + HOUR)
        glide.setUser({ sysId: W.bob, userName: 'bob', roles: ['x_gbg_breakglass.approver'] })
        revokeNowFromGrant(new GlideRecordFor(TABLE.grant, grant.sys_id!))
        const actions = actionsOf(grant.sys_id!)
        expect(actions).toHaveLength(1)
        expect(actions[0]).toMatchObject({
            type: 'revoke',
            state: 'ready',
            priority: '1',
            not_before: '2026-11-27 10:00:00',
            requested_by: W.bob,
            reason: 'Revoke now requested by bob from the grant form',
        })
        expect(glide.messages.info[0]).toMatch(/Revoke of BGA\d+ queued/)
        expect(auditOf(grant.sys_id!).map((e) => [e.event_type, e.actor])).toEqual([['revoke.queued', 'bob']])
    })

    it('a second click while the first is waiting queues nothing more; a grant without access is refused', () => {
        const grant = activeGrant(NOW + HOUR)
        expect(queueRevokeNow(grant.sys_id!, W.bob, 'first').ok).toBe(true)
        const again = queueRevokeNow(grant.sys_id!, W.bob, 'second')
        expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/already queued/) })
        expect(actionsOf(grant.sys_id!)).toHaveLength(1)
        const revoked = activeGrant(NOW - HOUR, { state: 'revoked', target_ci: W.server })
        revokeNowFromGrant(new GlideRecordFor(TABLE.grant, revoked.sys_id!))
        expect(glide.messages.error[0]).toMatch(/is revoked; there is no access to revoke/)
        expect(actionsOf(revoked.sys_id!)).toEqual([])
    })

    it('works from the RITM too', () => {
        const ritm = glide.insert(PLATFORM_TABLE.ritm, { number: 'RITM0000042' })
        const grant = activeGrant(NOW + HOUR, { ritm: ritm.sys_id })
        revokeNowFromRitm(new GlideRecordFor(PLATFORM_TABLE.ritm, ritm.sys_id!))
        expect(actionsOf(grant.sys_id!).map((a) => [a.type, a.priority])).toEqual([['revoke', '1']])
        expect(journalOf(ritm.sys_id!, 'work_notes').join()).toContain('Revoke now requested')
        const empty = glide.insert(PLATFORM_TABLE.ritm, { number: 'RITM0000043' })
        revokeNowFromRitm(new GlideRecordFor(PLATFORM_TABLE.ritm, empty.sys_id!))
        expect(glide.messages.error.pop()).toContain('holds no access')
    })
})

describe('grant state changes written by the executor', () => {
    it('notify the requester when granted and revoked, and SecOps when a revoke fails', () => {
        const ritm = glide.insert(PLATFORM_TABLE.ritm, { number: 'RITM0000044' })
        const grant = activeGrant(NOW + HOUR, { state: 'granting', ritm: ritm.sys_id })
        setGrant(grant.sys_id!, { state: 'active' })
        setGrant(grant.sys_id!, { state: 'revoke_failed', last_error: 'provider 503' })
        setGrant(grant.sys_id!, { state: 'revoked', revoked_at: at(NOW) })
        expect(glide.events.map((e) => [e.name, e.parm1])).toEqual([
            [EVENT.granted, W.alice],
            [EVENT.revokeFailed, W.erin],
            [EVENT.revoked, W.alice],
        ])
        // The e-mail text names the access and the time in the one format people read (UTC said).
        expect(glide.events[0]!.parm2).toBe(
            'Granted: local administrator rights on PC-ALICE, until 2026-11-27 11:00 UTC.',
        )
        expect(glide.events[1]!.parm2).toBe('Removing local administrator rights on PC-ALICE failed: provider 503')
        expect(glide.events[2]!.parm2).toMatch(
            /^Removed: local administrator rights on PC-ALICE, at 2026-11-27 10:00 UTC\./,
        )
        const comments = journalOf(ritm.sys_id!, 'comments').join('\n')
        expect(comments).toContain('(local administrator rights on PC-ALICE) is granted until 2026-11-27 11:00 UTC')
        expect(comments).toContain('(local administrator rights on PC-ALICE) was removed at 2026-11-27 10:00 UTC')
        expect(journalOf(ritm.sys_id!, 'work_notes').join()).toContain('REVOKE FAILED')
    })
})

describe('watchdog', () => {
    it('raises a P2 incident for SecOps for an overdue grant, re-queues the revoke, notes every run, resolves on revoke', () => {
        const grant = activeGrant(NOW - 10 * MIN)
        const first = runWatchdog()
        expect(first.incidentsRaised).toHaveLength(1)
        const [incident] = incidents()
        expect(incident).toMatchObject({
            correlation_id: INCIDENT_CORRELATION_PREFIX + grant.sys_id,
            priority: '2',
            impact: '1',
            urgency: '2',
            assignment_group: W.secops,
            cmdb_ci: W.workstation,
            state: '1',
        })
        expect(incident!.description).toContain(grant.number)
        expect(glide.row(TABLE.grant, grant.sys_id!)!.watchdog_incident).toBe(incident!.sys_id)
        expect(actionsOf(grant.sys_id!).map((a) => [a.type, a.priority, a.state])).toEqual([['revoke', '1', 'ready']])

        // Next run: same incident, a work note, no second revoke while the first is live.
        glide.setNow(NOW + 1 * MIN)
        const second = runWatchdog()
        expect(second.incidentsRaised).toEqual([])
        expect(second.incidentsUpdated).toEqual([incident!.number])
        expect(incidents()).toHaveLength(1)
        expect(actionsOf(grant.sys_id!)).toHaveLength(1)
        expect(journalOf(incident!.sys_id!, 'work_notes')).toHaveLength(2)

        // The executor confirms the revoke: the incident is resolved with the evidence.
        setGrant(grant.sys_id!, { state: 'revoked', revoked_at: at(NOW + 2 * MIN), evidence: '{"removed":true}' })
        glide.setNow(NOW + 3 * MIN)
        const third = runWatchdog()
        expect(third.incidentsResolved).toEqual([incident!.number])
        const resolved = glide.row(PLATFORM_TABLE.incident, incident!.sys_id!)!
        expect(resolved.state).toBe('6')
        expect(resolved.close_notes).toContain('{"removed":true}')
        expect(auditOf(grant.sys_id!).map((e) => e.event_type)).toEqual(
            expect.arrayContaining(['watchdog.incident_raised', 'revoke.queued', 'watchdog.incident_resolved']),
        )
    })

    it('raises P1 for a high-risk grant and leaves grants within the grace alone', () => {
        activeGrant(NOW - 3 * MIN)
        const risky = activeGrant(NOW - 30 * MIN, { target_ci: W.server, plan: planJson(true) })
        runWatchdog()
        expect(incidents().map((i) => [i.correlation_id, i.priority])).toEqual([
            [INCIDENT_CORRELATION_PREFIX + risky.sys_id, '1'],
        ])
    })

    it('treats an unreadable plan as high risk (when in doubt, escalate harder)', () => {
        activeGrant(NOW - 30 * MIN, { plan: 'not json' })
        runWatchdog()
        expect(incidents().map((i) => i.priority)).toEqual(['1'])
    })

    it('reports an action stuck past its lease', () => {
        const grant = activeGrant(NOW + HOUR, { state: 'granting' })
        glide.insert(TABLE.action, {
            grant: grant.sys_id,
            type: 'grant',
            state: 'claimed',
            lease_owner: 'exec-b',
            lease_until: at(NOW - 20 * MIN),
            not_before: at(NOW - 30 * MIN),
        })
        const run = runWatchdog()
        expect(run.incidentsRaised).toHaveLength(1)
        expect(incidents()[0]!.short_description).toContain('executor action stuck')
        expect(journalOf(incidents()[0]!.sys_id!, 'work_notes').join()).toContain('exec-b')
    })

    it('raises and later resolves the executor heartbeat incident', () => {
        glide.rows(TABLE.executor)[0]!.last_poll_at = at(NOW - 30 * MIN)
        glide.rows(TABLE.executor)[0]!.last_claim_at = at(NOW - 40 * MIN)
        expect(runWatchdog().heartbeat).toBe('raised')
        expect(runWatchdog().heartbeat).toBe('updated')
        const hb = incidents().filter((i) => i.correlation_id === HEARTBEAT_CORRELATION_ID)
        expect(hb.map((i) => [i.priority, i.assignment_group])).toEqual([['1', W.secops]])
        glide.rows(TABLE.executor)[0]!.last_poll_at = at(NOW)
        expect(runWatchdog().heartbeat).toBe('resolved')
        expect(glide.row(PLATFORM_TABLE.incident, hb[0]!.sys_id!)!.state).toBe('6')
    })

    it('warns once before expiry', () => {
        const grant = activeGrant(NOW + 8 * MIN)
        activeGrant(NOW + 30 * MIN, { target_ci: W.server })
        expect(runWatchdog().warned).toEqual([grant.number])
        expect(runWatchdog().warned).toEqual([])
        expect(glide.events.filter((e) => e.name === EVENT.expiryWarning)).toHaveLength(1)
    })
})

describe('emergency break-glass from an incident', () => {
    it('opens the request prefilled from a P1/P2 incident and refuses others', () => {
        const p1 = glide.insert(PLATFORM_TABLE.incident, { number: 'INC0020001', priority: 1, active: true })
        requestBreakGlassFromIncident(new GlideRecordFor(PLATFORM_TABLE.incident, p1.sys_id!))
        expect(glide.redirects).toEqual([
            `sp?id=sc_cat_item&sys_id=${W.itemLocalAdmin}&sysparm_variable_values=${encodeURIComponent(
                JSON.stringify({ incident: p1.sys_id, emergency: 'true' }),
            )}`,
        ])
        requestBreakGlassFromIncident(new GlideRecordFor(PLATFORM_TABLE.incident, W.incident))
        expect(glide.messages.error.pop()).toContain('P1 or P2')
        expect(glide.redirects).toHaveLength(1)
    })
})

/** A GlideRecord positioned on an existing row (what a UI action receives as `current`). */
class GlideRecordFor extends GlideRecord {
    constructor(table: string, sysId: string) {
        super(table)
        this.get(sysId)
    }
}
