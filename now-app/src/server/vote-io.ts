/**
 * Reads the vote rules need (issues 10, 11): a user's identity for the same-person check, whether the session user
 * may act for the approver an approval was assigned to (delegation, approval_admin, admin), and the payloads of a
 * grant's audit events of one type (the accepted votes are recorded there, append-only). Queries by fixed field
 * names only.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { boolField, glideToMs, nowMs, str, userNameOf } from './glide-io'
import { VOTE_AUTHORITY, type PersonRef, type StandIn } from './shared/approval'
import { USER_FIELDS } from './shared/platform'
import { AUDIT_FIELDS, PLATFORM_TABLE, TABLE, isSysId } from './shared/schema'

/**
 * The platform's delegation table (Self-Service > My Profile > Delegates): `delegate` may act for `user` between
 * `starts` and `ends` in what its flags allow; `approvals` lets them act on the user's approvals (ServiceNow docs,
 * "Delegate approvals and tasks to another user" / "Service Delegation").
 */
const DELEGATE_TABLE = 'sys_user_delegate'
const DELEGATE_FIELDS = { user: 'user', delegate: 'delegate', starts: 'starts', ends: 'ends', approvals: 'approvals' }

/** A user as the same-person check sees them (sys_id and e-mail; e-mail '' when the user is unknown). */
export function personRef(sysId: string): PersonRef {
    if (!isSysId(sysId)) return { sysId, email: '' }
    const gr = new GlideRecord(PLATFORM_TABLE.user)
    return { sysId, email: gr.get(sysId) ? str(gr, USER_FIELDS.email) : '' }
}

/** The parsed payloads of the grant's audit events of `eventType`, in chain order (unparsable ones skipped). */
export function auditPayloads(grantSysId: string, eventType: string): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = []
    if (!isSysId(grantSysId)) return out
    const gr = new GlideRecord(TABLE.auditEvent)
    gr.addQuery(AUDIT_FIELDS.grant, grantSysId)
    gr.addQuery(AUDIT_FIELDS.eventType, eventType)
    gr.orderBy(AUDIT_FIELDS.sequence)
    gr.query()
    while (gr.next()) {
        try {
            const parsed: unknown = JSON.parse(str(gr, AUDIT_FIELDS.payload) || '{}')
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) out.push(parsed as Record<string, unknown>)
        } catch {
            // A payload that is not JSON is not a vote.
        }
    }
    return out
}

/**
 * Whether the session user (`actorSysId` = gs.getUserID()) may act on an approval assigned to `approverSysId`, and on
 * what authority (decision recorded in docs/request-lifecycle.md, "Delegated votes"):
 * - a **delegate**: a sys_user_delegate row with user = the approver, delegate = the actor, approvals = true, and
 *   starts <= now <= ends (an empty bound is open, as on the platform's form); a row created by one of
 *   `refusedCreators` (the requester, whoever opened the request: user names) does not count;
 * - else `admin`, else `approval_admin` (gs.hasRole of the session user).
 * Null when the actor is the approver or not a user; `{ refused }` says why a delegation found does not count.
 * Who may never vote (the requester, the opener, the proposer) is judged by the shared judgeVote whatever this says.
 */
export function standInFor(approverSysId: string, actorSysId: string, refusedCreators: string[]): StandIn | null {
    if (!isSysId(approverSysId) || !isSysId(actorSysId) || approverSysId === actorSysId) return null
    const problems: string[] = []
    const now = nowMs()
    try {
        const gr = new GlideRecord(DELEGATE_TABLE)
        gr.addQuery(DELEGATE_FIELDS.user, approverSysId)
        gr.addQuery(DELEGATE_FIELDS.delegate, actorSysId)
        gr.query()
        while (gr.next()) {
            const problem = delegationProblem(gr, now, refusedCreators)
            if (!problem) return { authority: VOTE_AUTHORITY.delegate }
            problems.push(problem)
        }
    } catch (error) {
        // Not readable here (e.g. the cross-scope read refused): no delegation counts — deny, and say so.
        gs.error(`Break-glass: delegations (${DELEGATE_TABLE}) could not be read: ${String(error)}`)
        problems.push(`delegations (${DELEGATE_TABLE}) could not be read`)
    }
    if (gs.hasRole('admin')) return { authority: VOTE_AUTHORITY.admin }
    if (gs.hasRole('approval_admin')) return { authority: VOTE_AUTHORITY.approvalAdmin }
    if (problems.length === 0) return null
    const approver = userNameOf(approverSysId) || approverSysId
    return { refused: `Their delegation from ${approver} does not count: ${problems.join('; ')}.` }
}

/** Why a delegation row does not let its delegate act on approvals now ('' when it does). */
function delegationProblem(row: any, now: number, refusedCreators: string[]): string {
    if (!boolField(row, DELEGATE_FIELDS.approvals)) return 'it does not include approvals'
    const startsText = str(row, DELEGATE_FIELDS.starts)
    const endsText = str(row, DELEGATE_FIELDS.ends)
    const starts = glideToMs(startsText)
    const ends = glideToMs(endsText)
    if (startsText && starts === null) return `its start "${startsText.slice(0, 40)}" is not a date`
    if (endsText && ends === null) return `its end "${endsText.slice(0, 40)}" is not a date`
    if (starts !== null && now < starts) return `it starts at ${startsText} UTC`
    if (ends !== null && now > ends) return `it ended at ${endsText} UTC`
    const creator = str(row, 'sys_created_by')
    if (creator && refusedCreators.indexOf(creator) >= 0) return `it was created by ${creator}, a party to this request`
    return ''
}
