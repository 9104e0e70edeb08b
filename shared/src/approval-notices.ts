/**
 * Approval notices in Teams (issue 17; seeds 000 and 001: "sends an approval card to the user's manager … in Teams",
 * "route approval to on-call identity lead in Teams", "if approval isn't received in 5 minutes, escalates to the
 * on-call manager channel"): which cards are due for a request awaiting approval. Pure: the app decides with it
 * (executor API `approval-notices`), the executor only delivers what the app handed it.
 *
 * Cards, each at most once (the key is claimed through ServiceNow):
 * - `approval`: one per open approval record, as soon as it exists, to its approver;
 * - `reminder`: one per open approval record, {@link reminderLeadMs} before the policy's approval timeout;
 * - `escalation`: one per request, at the timeout itself, to the on-call channel, when the route has an escalation
 *   group (the app's escalation step adds that group's approvers; the card tells the channel at the due time).
 * The vote itself stays in ServiceNow under the approver's identity: a card only links to their approval record.
 */

/** A request awaiting approval, as the app sees it. */
export interface PendingApproval {
    grantSysId: string
    /** When the approvals were asked (ms since the epoch). */
    requestedAtMs: number
    /** The policy's approval timeout (minutes); 0 or less: none known. */
    timeoutMinutes: number
    /** 0: first approvers asked; 1: escalated. */
    stage: number
    /** The route names an escalation group. */
    hasEscalationGroup: boolean
    /** Open approval records (state requested) and their approvers. */
    approvals: Array<{ approvalSysId: string; approverSysId: string }>
}

/** Kind of a card. */
export type ApprovalNoticeKind = 'approval' | 'reminder' | 'escalation'

/** One card that is due. */
export interface DueApprovalNotice {
    /** Idempotency key (at most 100 characters): one card per key, ever. */
    key: string
    kind: ApprovalNoticeKind
    grantSysId: string
    /** The approval record the card is about (not for `escalation`). */
    approvalSysId: string
    approverSysId: string
    /** When the request escalates / times out (ms since the epoch). */
    dueAtMs: number
}

/**
 * How long before the timeout the reminder is due: a fifth of the timeout, at least one minute, at most an hour
 * (a 5-minute emergency timeout reminds at 4 minutes; the default 240 minutes at 3 h 12 min).
 */
export function reminderLeadMs(timeoutMinutes: number): number {
    const fifth = Math.floor((timeoutMinutes * 60_000) / 5)
    return Math.min(60 * 60_000, Math.max(60_000, fifth))
}

/** The idempotency key of a card. */
export function approvalNoticeKey(kind: ApprovalNoticeKind, grantSysId: string, approvalSysId: string): string {
    return kind === 'escalation' ? `notice:escalation:${grantSysId}` : `notice:${kind}:${approvalSysId}`
}

/** The cards due at `nowMs` for the requests given (keys already claimed are left out by the caller). */
export function dueApprovalNotices(pending: readonly PendingApproval[], nowMs: number): DueApprovalNotice[] {
    const out: DueApprovalNotice[] = []
    for (const p of pending) {
        if (!(p.timeoutMinutes > 0) || !(p.requestedAtMs > 0)) continue
        const dueAtMs = p.requestedAtMs + p.timeoutMinutes * 60_000
        // Past the second timeout the request is cancelled: nothing is worth a card any more.
        if (nowMs >= p.requestedAtMs + 2 * p.timeoutMinutes * 60_000) continue
        for (const a of p.approvals) {
            out.push({
                key: approvalNoticeKey('approval', p.grantSysId, a.approvalSysId),
                kind: 'approval',
                grantSysId: p.grantSysId,
                approvalSysId: a.approvalSysId,
                approverSysId: a.approverSysId,
                dueAtMs,
            })
            // A reminder only for the first stage's approvals, before their timeout (escalated approvers were just asked).
            if (p.stage < 1 && nowMs >= dueAtMs - reminderLeadMs(p.timeoutMinutes) && nowMs < dueAtMs) {
                out.push({
                    key: approvalNoticeKey('reminder', p.grantSysId, a.approvalSysId),
                    kind: 'reminder',
                    grantSysId: p.grantSysId,
                    approvalSysId: a.approvalSysId,
                    approverSysId: a.approverSysId,
                    dueAtMs,
                })
            }
        }
        if (p.hasEscalationGroup && nowMs >= dueAtMs) {
            out.push({
                key: approvalNoticeKey('escalation', p.grantSysId, ''),
                kind: 'escalation',
                grantSysId: p.grantSysId,
                approvalSysId: '',
                approverSysId: '',
                dueAtMs,
            })
        }
    }
    return out
}
