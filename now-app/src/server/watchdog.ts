/**
 * The watchdog job, independent of the executor. Each run:
 * 1. approval timeouts: escalate after the policy's timeout, cancel after the second (shared approvalTimeoutStep);
 * 2. "expires soon" warnings for active grants;
 * 3. overdue grants and stuck actions (shared watchdogFindings): one P1 / P2 incident per grant for SecOps,
 *    correlated by grant, a revoke re-queued when none is live, a work note on every run while unresolved;
 * 4. incidents of grants now confirmed revoked are resolved with the evidence;
 * 5. a missing executor heartbeat raises (and, once seen again, resolves) its own incident.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { approvalTimeoutMinutes, endUnapproved, escalateApprovals, storedRoute } from './approvals'
import { appendAudit, glideToMs, intProperty, msToGlide, notify, nowMs, str, sysIdProperty } from './glide-io'
import { accessOf, timeOf } from './notice'
import { queueRevokeAction } from './queue'
import { workNote } from './ticket'
import { approvalTimeoutStep } from './shared/approval'
import { parsePlan } from './shared/plan'
import { planText } from './shared/plan-text'
import { APP_TASK_FIELDS, INCIDENT_CATEGORY, INCIDENT_CLOSE_CODE, INCIDENT_STATE } from './shared/platform'
import {
    ACTION_FIELDS,
    ACTION_PRIORITY,
    EVENT,
    EXECUTOR_FIELDS,
    GRANT_FIELDS,
    HEARTBEAT_CORRELATION_ID,
    PLATFORM_TABLE,
    PROPERTY,
    REVOCABLE_STATES,
    TABLE,
    isSysId,
} from './shared/schema'
import {
    watchdogFindings,
    type GrantFinding,
    type WatchdogAction,
    type WatchdogExecutor,
    type WatchdogGrant,
} from './shared/watchdog'

/** Incident states that end it (resolved, closed, canceled): a new problem then raises a new incident. */
const CLOSED_INCIDENT_STATES: string[] = [INCIDENT_STATE.resolved, INCIDENT_STATE.closed, INCIDENT_STATE.canceled]

/** What one run did (logged, and returned for tests). */
export interface WatchdogRun {
    escalated: string[]
    cancelled: string[]
    warned: string[]
    incidentsRaised: string[]
    incidentsUpdated: string[]
    incidentsResolved: string[]
    revokesQueued: string[]
    heartbeat: 'ok' | 'raised' | 'updated' | 'resolved'
}

/** Scheduled job entry point. */
export function runWatchdog(): WatchdogRun {
    const run: WatchdogRun = {
        escalated: [],
        cancelled: [],
        warned: [],
        incidentsRaised: [],
        incidentsUpdated: [],
        incidentsResolved: [],
        revokesQueued: [],
        heartbeat: 'ok',
    }
    const now = nowMs()
    approvalTimeouts(now, run)
    expiryWarnings(now, run)
    const findings = watchdogFindings({
        nowMs: now,
        graceMinutes: intProperty(PROPERTY.revokeGraceMinutes, 5),
        heartbeatStaleMinutes: intProperty(PROPERTY.heartbeatStaleMinutes, 10),
        grants: revocableGrants(),
        actions: openActions(),
        executors: executors(),
    })
    for (const finding of findings.grants) handleFinding(finding, now, run)
    resolveRevoked(run)
    run.heartbeat = heartbeat(findings.heartbeat ? findings.heartbeat.message : '', now)
    gs.info(`Break-glass watchdog: ${JSON.stringify(run)}`)
    return run
}

function approvalTimeouts(now: number, run: WatchdogRun): void {
    const gr = new GlideRecord(TABLE.grant)
    gr.addQuery(GRANT_FIELDS.state, 'awaiting_approval')
    gr.query()
    while (gr.next()) approvalTimeoutFor(gr, now, run)
}

/**
 * The approval timeout step (shared approvalTimeoutStep) for one grant awaiting approval: escalate after the policy's
 * timeout, cancel after the second. Run by the watchdog for every such grant, and by the `approval.due` script action
 * for one grant at its due time ({@link onApprovalDue}). Idempotent: the step reads the stage and the time.
 */
export function approvalTimeoutFor(gr: any, now: number, run: WatchdogRun): void {
    const minutes = approvalTimeoutMinutes(gr)
    const requestedAt = glideToMs(str(gr, GRANT_FIELDS.approvalRequestedAt))
    const step = approvalTimeoutStep(
        parseInt(str(gr, GRANT_FIELDS.approvalStage), 10) || 0,
        requestedAt === null ? now : requestedAt,
        minutes,
        minutes,
        isSysId(storedRoute(gr).escalationGroupId),
        now,
    )
    const number = str(gr, GRANT_FIELDS.number)
    if (step === 'escalate') {
        const parsed = parsePlan(str(gr, GRANT_FIELDS.plan))
        const plan = parsed.ok ? planText(parsed.plan, str(gr, GRANT_FIELDS.planDigest)) : ''
        escalateApprovals(gr, plan)
        run.escalated.push(number)
    } else if (step === 'cancel') {
        endUnapproved(
            gr,
            'expired_unapproved',
            'No approval decision was made in time; the request was cancelled. Submit a new one if access is still needed.',
            'watchdog',
        )
        run.cancelled.push(number)
    }
}

/**
 * Script action of the `approval.due` event (scheduled by approvals.ts requestApprovals for the timeout and the
 * second timeout): the timeout step of that one grant, at its due time. The event may arrive for a grant no longer
 * awaiting approval (approved, rejected, cancelled meanwhile): then nothing happens. The watchdog's sweep stays the
 * safety net should the event be lost.
 */
export function onApprovalDue(event: any, current: any): void {
    // The parameter names are the script action's globals (`event`, `current`): the SDK's generated call passes them
    // by these names (dist: `onApprovalDue(event, current)`), so they must not be renamed.
    if (!current || !isSysId(String(current.getUniqueValue()))) return
    const gr = new GlideRecord(TABLE.grant)
    if (!gr.get(String(current.getUniqueValue()))) return
    if (str(gr, GRANT_FIELDS.state) !== 'awaiting_approval') return
    const run: WatchdogRun = {
        escalated: [],
        cancelled: [],
        warned: [],
        incidentsRaised: [],
        incidentsUpdated: [],
        incidentsResolved: [],
        revokesQueued: [],
        heartbeat: 'ok',
    }
    approvalTimeoutFor(gr, nowMs(), run)
    if (run.escalated.length + run.cancelled.length > 0)
        gs.info(
            `Break-glass approval due (stage ${event ? String(event.parm1) : '?'}): ${JSON.stringify({ escalated: run.escalated, cancelled: run.cancelled })}`,
        )
}

function expiryWarnings(now: number, run: WatchdogRun): void {
    const warnMs = intProperty(PROPERTY.expiryWarningMinutes, 10) * 60000
    const gr = new GlideRecord(TABLE.grant)
    gr.addQuery(GRANT_FIELDS.state, 'active')
    gr.addQuery(GRANT_FIELDS.expiryWarned, '!=', 'true')
    gr.addQuery(GRANT_FIELDS.expiresAt, '<=', msToGlide(now + warnMs))
    gr.addQuery(GRANT_FIELDS.expiresAt, '>', msToGlide(now))
    gr.query()
    while (gr.next()) {
        gr.setValue(GRANT_FIELDS.expiryWarned, 'true')
        gr.update()
        notify(
            EVENT.expiryWarning,
            gr,
            str(gr, GRANT_FIELDS.requestedFor),
            `Expires: ${accessOf(gr)}, at ${timeOf(gr, GRANT_FIELDS.expiresAt)}.`,
        )
        run.warned.push(str(gr, GRANT_FIELDS.number))
    }
}

function revocableGrants(): WatchdogGrant[] {
    const out: WatchdogGrant[] = []
    const gr = new GlideRecord(TABLE.grant)
    // Queued grants too: their grant action can be stuck (the finding then names the grant).
    gr.addQuery(GRANT_FIELDS.state, 'IN', REVOCABLE_STATES.concat(['queued']).join(','))
    gr.query()
    while (gr.next()) {
        const parsed = parsePlan(str(gr, GRANT_FIELDS.plan))
        out.push({
            sysId: String(gr.getUniqueValue()),
            number: str(gr, GRANT_FIELDS.number),
            state: str(gr, GRANT_FIELDS.state),
            expiresAtMs: glideToMs(str(gr, GRANT_FIELDS.expiresAt)),
            // A plan that does not parse is treated as high risk: when in doubt, escalate harder.
            highRisk: parsed.ok ? parsed.plan.highRisk : true,
        })
    }
    return out
}

function openActions(): WatchdogAction[] {
    const out: WatchdogAction[] = []
    const gr = new GlideRecord(TABLE.action)
    gr.addQuery(ACTION_FIELDS.state, 'IN', 'ready,claimed')
    gr.query()
    while (gr.next()) {
        out.push({
            sysId: String(gr.getUniqueValue()),
            number: str(gr, ACTION_FIELDS.number),
            grantSysId: str(gr, ACTION_FIELDS.grant),
            type: str(gr, ACTION_FIELDS.type),
            state: str(gr, ACTION_FIELDS.state),
            leaseOwner: str(gr, ACTION_FIELDS.leaseOwner),
            leaseUntilMs: glideToMs(str(gr, ACTION_FIELDS.leaseUntil)),
            notBeforeMs: glideToMs(str(gr, ACTION_FIELDS.notBefore)),
        })
    }
    return out
}

function executors(): WatchdogExecutor[] {
    const out: WatchdogExecutor[] = []
    const gr = new GlideRecord(TABLE.executor)
    gr.query()
    while (gr.next()) {
        out.push({
            name: str(gr, EXECUTOR_FIELDS.name),
            lastPollAtMs: glideToMs(str(gr, EXECUTOR_FIELDS.lastPollAt)),
            lastClaimAtMs: glideToMs(str(gr, EXECUTOR_FIELDS.lastClaimAt)),
        })
    }
    return out
}

/** The open incident with `correlationId`, or null. */
function openIncident(correlationId: string): any {
    const gr = new GlideRecord(PLATFORM_TABLE.incident)
    gr.addQuery(APP_TASK_FIELDS.correlationId, correlationId)
    gr.addQuery(APP_TASK_FIELDS.state, 'NOT IN', CLOSED_INCIDENT_STATES.join(','))
    gr.setLimit(1)
    gr.query()
    return gr.next() ? gr : null
}

function createIncident(
    correlationId: string,
    priority: 1 | 2,
    shortDescription: string,
    description: string,
    ciSysId: string,
): any {
    const gr = new GlideRecord(PLATFORM_TABLE.incident)
    gr.initialize()
    gr.setValue(APP_TASK_FIELDS.state, INCIDENT_STATE.new)
    gr.setValue(APP_TASK_FIELDS.shortDescription, shortDescription.slice(0, 160))
    gr.setValue(APP_TASK_FIELDS.description, description)
    gr.setValue(APP_TASK_FIELDS.impact, '1')
    gr.setValue(APP_TASK_FIELDS.urgency, String(priority))
    gr.setValue(APP_TASK_FIELDS.priority, String(priority))
    gr.setValue(APP_TASK_FIELDS.category, INCIDENT_CATEGORY.software)
    gr.setValue(APP_TASK_FIELDS.correlationId, correlationId)
    const secops = sysIdProperty(PROPERTY.secopsGroup)
    if (secops) gr.setValue(APP_TASK_FIELDS.assignmentGroup, secops)
    if (ciSysId) gr.setValue(APP_TASK_FIELDS.cmdbCi, ciSysId)
    gr.insert()
    return gr
}

/** Resolve a watchdog incident with `notes` as its close notes (the problem it was raised for is over). */
function resolveIncident(incident: any, notes: string): void {
    incident.setValue(APP_TASK_FIELDS.state, INCIDENT_STATE.resolved)
    incident.setValue(APP_TASK_FIELDS.closeCode, INCIDENT_CLOSE_CODE.solutionProvided)
    incident.setValue(APP_TASK_FIELDS.closeNotes, notes.slice(0, 4000))
    incident.update()
}

function handleFinding(finding: GrantFinding, now: number, run: WatchdogRun): void {
    const grant = new GlideRecord(TABLE.grant)
    if (!grant.get(finding.grantSysId)) return
    let incident = openIncident(finding.correlationId)
    if (!incident) {
        const description = [
            finding.message,
            '',
            `Grant: ${finding.grantNumber} (${TABLE.grant} ${finding.grantSysId})`,
            `Requested for: ${grant.getDisplayValue(GRANT_FIELDS.requestedFor)}`,
            `Target: ${str(grant, GRANT_FIELDS.targetKind)} ${grant.getDisplayValue(GRANT_FIELDS.targetCi) || str(grant, GRANT_FIELDS.targetRoleName) || str(grant, GRANT_FIELDS.targetRoleId) || str(grant, GRANT_FIELDS.targetGroupId) || str(grant, GRANT_FIELDS.targetAccount)}`,
            `Expires at: ${str(grant, GRANT_FIELDS.expiresAt)} UTC; provider transactions: ${str(grant, GRANT_FIELDS.providerTxnIds) || 'none recorded'}`,
            `Executor: ${str(grant, GRANT_FIELDS.executorInstance) || 'unknown'}; last error: ${str(grant, GRANT_FIELDS.lastError) || 'none'}`,
            '',
            'Remove the access by hand if the re-queued revoke does not confirm within minutes. This incident is resolved automatically when the revoke is confirmed.',
        ].join('\n')
        incident = createIncident(
            finding.correlationId,
            finding.priority,
            `Break-glass ${finding.grantNumber}: ${finding.kind === 'overdue_grant' ? 'access not removed after expiry' : 'executor action stuck'}`,
            description,
            str(grant, GRANT_FIELDS.targetCi),
        )
        grant.setValue(GRANT_FIELDS.watchdogIncident, String(incident.getUniqueValue()))
        grant.update()
        appendAudit(finding.grantSysId, 'watchdog.incident_raised', 'watchdog', {
            incident: str(incident, APP_TASK_FIELDS.number),
            priority: finding.priority,
            kind: finding.kind,
            message: finding.message,
        })
        workNote(
            grant,
            `Watchdog raised P${finding.priority} incident ${str(incident, APP_TASK_FIELDS.number)}: ${finding.message}`,
        )
        run.incidentsRaised.push(str(incident, APP_TASK_FIELDS.number))
    } else {
        run.incidentsUpdated.push(str(incident, APP_TASK_FIELDS.number))
    }
    let note = `Watchdog ${new Date(now).toISOString()}: ${finding.message}`
    if (finding.requeueRevoke) {
        const action = queueRevokeAction(
            finding.grantSysId,
            ACTION_PRIORITY.revokeNow,
            `watchdog:${finding.grantSysId}:${now}`,
            '',
            `Watchdog: ${finding.message}`,
            'watchdog',
        )
        note += ` Revoke re-queued as ${action}.`
        run.revokesQueued.push(action)
    } else {
        note += ' A revoke is already queued or running.'
    }
    incident.setValue(APP_TASK_FIELDS.workNotes, note)
    incident.update()
}

function resolveRevoked(run: WatchdogRun): void {
    const gr = new GlideRecord(TABLE.grant)
    gr.addQuery(GRANT_FIELDS.state, 'revoked')
    gr.addNotNullQuery(GRANT_FIELDS.watchdogIncident)
    gr.query()
    while (gr.next()) {
        const incident = new GlideRecord(PLATFORM_TABLE.incident)
        if (!incident.get(str(gr, GRANT_FIELDS.watchdogIncident))) continue
        if (CLOSED_INCIDENT_STATES.indexOf(str(incident, APP_TASK_FIELDS.state)) >= 0) continue
        const evidence = `Revoke confirmed at ${str(gr, GRANT_FIELDS.revokedAt)} UTC by ${str(gr, GRANT_FIELDS.executorInstance) || 'the executor'}. Evidence: ${str(gr, GRANT_FIELDS.evidence) || 'none recorded'}`
        incident.setValue(APP_TASK_FIELDS.workNotes, `Watchdog: ${evidence}`)
        resolveIncident(incident, evidence)
        appendAudit(String(gr.getUniqueValue()), 'watchdog.incident_resolved', 'watchdog', {
            incident: str(incident, APP_TASK_FIELDS.number),
            revokedAt: str(gr, GRANT_FIELDS.revokedAt),
        })
        run.incidentsResolved.push(str(incident, APP_TASK_FIELDS.number))
    }
}

function heartbeat(message: string, now: number): WatchdogRun['heartbeat'] {
    const incident = openIncident(HEARTBEAT_CORRELATION_ID)
    if (!message) {
        if (!incident) return 'ok'
        resolveIncident(incident, `Executor heartbeat seen again (${new Date(now).toISOString()}).`)
        return 'resolved'
    }
    if (incident) {
        incident.setValue(APP_TASK_FIELDS.workNotes, `Watchdog ${new Date(now).toISOString()}: ${message}`)
        incident.update()
        return 'updated'
    }
    createIncident(
        HEARTBEAT_CORRELATION_ID,
        1,
        'Break-glass executor heartbeat missing',
        `${message}\n\nCheck the executor service (/healthz, logs). Expired access is not being removed while it is down.`,
        '',
    )
    return 'raised'
}
