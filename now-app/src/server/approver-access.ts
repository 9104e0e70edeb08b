/**
 * Who may open a grant because they are asked to approve it: the approvers the app's route names (the manager, the
 * second approver, escalation approvers), whoever they are and whatever roles they hold. The grant's ACLs call these
 * (security/acls-grant.now.ts): read for an approver the route asked on this grant, write (only approved_duration,
 * the field ACLs narrow it) for one whose approval is still open. Judged by who acts (gs.getUserID()), never by a
 * role: the platform assigns no app role to a requester's manager. Platform delegation is not honoured (as for votes).
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { storedRoute } from './approvals'
import { str } from './glide-io'
import { APP_APPROVAL_FIELDS } from './shared/platform'
import { PLATFORM_TABLE, TABLE, isSysId } from './shared/schema'

/** sysapproval_approver states of an approval the approver has not answered yet. */
const OPEN_APPROVAL_STATE = 'requested'

/**
 * The states of the approvals the app created for `userSysId` on `grant` (one per route assignment naming them whose
 * record still belongs to this grant); [] when the route names them nowhere.
 */
export function routeApprovalStates(grant: any, userSysId: string): string[] {
    const states: string[] = []
    if (!grant || !isSysId(userSysId)) return states
    const grantSysId = String(grant.getUniqueValue())
    for (const a of storedRoute(grant).assignments) {
        if (a.approverSysId !== userSysId || !a.approvalSysId || !isSysId(a.approvalSysId)) continue
        const approval = new GlideRecord(PLATFORM_TABLE.approval)
        if (!approval.get(a.approvalSysId)) continue
        if (str(approval, APP_APPROVAL_FIELDS.sourceTable) !== TABLE.grant) continue
        if (str(approval, APP_APPROVAL_FIELDS.documentId) !== grantSysId) continue
        if (str(approval, APP_APPROVAL_FIELDS.approver) !== userSysId) continue
        states.push(str(approval, APP_APPROVAL_FIELDS.state))
    }
    return states
}

/** Whether `userSysId` holds an approval of `grant` still waiting for their vote. */
export function isPendingApproverOf(grant: any, userSysId: string): boolean {
    return routeApprovalStates(grant, userSysId).indexOf(OPEN_APPROVAL_STATE) >= 0
}

/** ACL script (read, grant): the session user is an approver the route asked on this grant (voted or not). */
export function canReadAsRouteApprover(current: any): boolean {
    return routeApprovalStates(current, String(gs.getUserID() || '')).length > 0
}

/** ACL script (write, grant and approved_duration): the session user's approval of this grant is still open. */
export function canShortenAsPendingApprover(current: any): boolean {
    return isPendingApproverOf(current, String(gs.getUserID() || ''))
}
