/**
 * The watchdog's decisions, independent of the executor: grants that still hold access past their expiry plus
 * grace, actions stuck past their lease (or a revoke nobody picked up), and a missing executor heartbeat. The
 * app's scheduled job gathers the records, asks this module, and raises / updates / resolves incidents.
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import { INCIDENT_CORRELATION_PREFIX, REVOCABLE_STATES } from './schema'

/** A grant as the watchdog sees it. Times are epoch ms (null when empty). */
export interface WatchdogGrant {
    sysId: string
    number: string
    state: string
    expiresAtMs: number | null
    /** From the frozen plan: server / production CI or high-risk role → P1. */
    highRisk: boolean
}

/** An action on the queue as the watchdog sees it. */
export interface WatchdogAction {
    sysId: string
    number: string
    grantSysId: string
    type: string
    state: string
    leaseOwner: string
    leaseUntilMs: number | null
    notBeforeMs: number | null
}

/** An executor heartbeat row. */
export interface WatchdogExecutor {
    name: string
    lastPollAtMs: number | null
    lastClaimAtMs: number | null
}

/** Input of {@link watchdogFindings}. */
export interface WatchdogInput {
    nowMs: number
    graceMinutes: number
    heartbeatStaleMinutes: number
    grants: WatchdogGrant[]
    actions: WatchdogAction[]
    executors: WatchdogExecutor[]
}

/** A problem on one grant that needs an incident. */
export interface GrantFinding {
    kind: 'overdue_grant' | 'stuck_action'
    grantSysId: string
    grantNumber: string
    priority: 1 | 2
    /** incident correlation_id (one incident per grant, whatever the kind). */
    correlationId: string
    message: string
    /** True when no live revoke is waiting for this grant: the job queues one. */
    requeueRevoke: boolean
}

/** The executor heartbeat is missing. */
export interface HeartbeatFinding {
    lastSeenMs: number | null
    message: string
}

/** Result of {@link watchdogFindings}. */
export interface WatchdogFindings {
    grants: GrantFinding[]
    heartbeat: HeartbeatFinding | null
}

/** correlation_id of the incident about `grantSysId`. */
export function grantCorrelationId(grantSysId: string): string {
    return INCIDENT_CORRELATION_PREFIX + grantSysId
}

function iso(ms: number | null): string {
    return ms === null ? 'never' : new Date(ms).toISOString()
}

/**
 * Decide what is wrong now. One finding per grant (an overdue grant wins over a stuck action of the same
 * grant). A revoke is "live" when it is due (not_before passed, less than the grace ago) or claimed under a valid
 * lease; one scheduled for later does not count.
 */
export function watchdogFindings(input: WatchdogInput): WatchdogFindings {
    const grace = Math.max(0, input.graceMinutes) * 60000
    const now = input.nowMs
    const byGrant: Record<string, GrantFinding> = {}
    const grantsById: Record<string, WatchdogGrant> = {}
    for (const g of input.grants) grantsById[g.sysId] = g

    const liveRevoke: Record<string, boolean> = {}
    for (const a of input.actions) {
        if (a.type !== 'revoke') continue
        // Live: due now and not yet stale, or held under a valid lease. A revoke scheduled for later does not
        // help a grant that is already overdue.
        const live =
            (a.state === 'ready' &&
                (a.notBeforeMs === null || (a.notBeforeMs <= now && a.notBeforeMs + grace > now))) ||
            (a.state === 'claimed' && a.leaseUntilMs !== null && a.leaseUntilMs > now)
        if (live) liveRevoke[a.grantSysId] = true
    }

    for (const g of input.grants) {
        if ((REVOCABLE_STATES as readonly string[]).indexOf(g.state) < 0) continue
        if (g.expiresAtMs === null || g.expiresAtMs + grace > now) continue
        byGrant[g.sysId] = {
            kind: 'overdue_grant',
            grantSysId: g.sysId,
            grantNumber: g.number,
            priority: g.highRisk ? 1 : 2,
            correlationId: grantCorrelationId(g.sysId),
            message:
                `${g.number} is still ${g.state} ${Math.floor((now - g.expiresAtMs) / 60000)} minutes after its expiry ` +
                `(${iso(g.expiresAtMs)}); access may still exist at the provider.`,
            requeueRevoke: !liveRevoke[g.sysId],
        }
    }

    for (const a of input.actions) {
        if (byGrant[a.grantSysId]) continue
        const stuckClaim = a.state === 'claimed' && a.leaseUntilMs !== null && a.leaseUntilMs + grace <= now
        const unpickedRevoke =
            a.type === 'revoke' && a.state === 'ready' && a.notBeforeMs !== null && a.notBeforeMs + grace <= now
        if (!stuckClaim && !unpickedRevoke) continue
        const g = grantsById[a.grantSysId]
        const revocable = !!g && (REVOCABLE_STATES as readonly string[]).indexOf(g.state) >= 0
        byGrant[a.grantSysId] = {
            kind: 'stuck_action',
            grantSysId: a.grantSysId,
            grantNumber: g ? g.number : a.grantSysId,
            priority: g && g.highRisk ? 1 : 2,
            correlationId: grantCorrelationId(a.grantSysId),
            message: stuckClaim
                ? `${a.type} action ${a.number} has been claimed by ${a.leaseOwner || 'an executor'} past its lease (${iso(a.leaseUntilMs)}).`
                : `revoke action ${a.number} has waited since ${iso(a.notBeforeMs)} without an executor picking it up.`,
            requeueRevoke: revocable && !liveRevoke[a.grantSysId],
        }
    }

    const grants: GrantFinding[] = []
    for (const key of Object.keys(byGrant).sort()) {
        const finding = byGrant[key]
        if (finding) grants.push(finding)
    }

    let heartbeat: HeartbeatFinding | null = null
    const stale = Math.max(1, input.heartbeatStaleMinutes) * 60000
    let lastSeen: number | null = null
    for (const e of input.executors) {
        for (const t of [e.lastPollAtMs, e.lastClaimAtMs]) {
            if (t !== null && (lastSeen === null || t > lastSeen)) lastSeen = t
        }
    }
    const waiting = input.actions.some((a) => a.state === 'ready' || a.state === 'claimed')
    if ((input.executors.length > 0 || waiting) && (lastSeen === null || lastSeen + stale <= now)) {
        heartbeat = {
            lastSeenMs: lastSeen,
            message:
                `No executor has polled or claimed for ${Math.floor(stale / 60000)} minutes or more (last seen ${iso(lastSeen)}); ` +
                'grants and revokes are not being executed.',
        }
    }
    return { grants, heartbeat }
}
