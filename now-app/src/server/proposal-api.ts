/**
 * Scripted REST API "propose a request" (POST /api/x_gbg_breakglass/breakglass/proposals), for assistants and
 * Teams bots. It creates a grant in state `requested` on behalf of a named user, marked as proposed by the
 * calling integration, and nothing else: the grant then goes through the same policy check and approvals as a
 * catalog request. It cannot approve, execute or change the state of anything. Authorised by the proposer role
 * (the route's ACL, checked again here); every validation failure is a 400 with one message per field.
 *
 * The human behind a proposal (issue 10, attack 6): an assistant acts for a person, and that person must never
 * approve what they asked for. The body's `requested_by` (user name or sys_id) names them; the grant's `opened_by`
 * is that person and `proposed_by` the calling integration, so the approval route leaves both out and the vote
 * guard refuses both. Without `requested_by` the authenticated caller is taken as the person (someone calling
 * the API directly). Whatever the assistant says, a manager who shares the requested-for account's mailbox is the
 * same person and is never routed the approval (shared approvalRoute / samePerson).
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { appendAudit, findUserSysId, readChange, readCi, readIncident, str } from './glide-io'
import { validateProposal, type ProposalError } from './shared/proposal'
import { GRANT_FIELDS, ROLE, TABLE } from './shared/schema'

/** A user name or sys_id (the shape validateProposal allows for requested_for). */
const REQUESTED_BY = /^[A-Za-z0-9._@+-]{1,100}$/

/** Handle one request; `request` / `response` are the platform's RESTAPIRequest / RESTAPIResponse. */
export function proposeRequest(request: any, response: any): void {
    const fail = (status: number, errors: ProposalError[]): void => {
        response.setStatus(status)
        response.setBody({ error: status === 400 ? 'invalid proposal' : 'forbidden', errors })
    }
    if (!gs.hasRole(ROLE.proposer)) {
        return fail(403, [{ field: '(caller)', message: `The caller needs the ${ROLE.proposer} role.` }])
    }
    let body: unknown
    try {
        body = request.body ? request.body.data : undefined
    } catch {
        return fail(400, [{ field: '(body)', message: 'The body is not valid JSON.' }])
    }
    // `requested_by` is this endpoint's own field (who asked the assistant); the rest is the shared proposal.
    let requestedBy = ''
    const errors: ProposalError[] = []
    if (body && typeof body === 'object' && !Array.isArray(body) && 'requested_by' in body) {
        const { requested_by: named, ...rest } = body as Record<string, unknown>
        body = rest
        if (typeof named !== 'string' || !REQUESTED_BY.test(named)) {
            errors.push({ field: 'requested_by', message: 'Not a valid value: expected the user name or sys_id of the person who asked.' })
        } else {
            requestedBy = findUserSysId(named)
            if (!requestedBy) errors.push({ field: 'requested_by', message: `No user "${named}".` })
        }
    }
    const result = validateProposal(body)
    if (!result.ok) return fail(400, result.errors.concat(errors))
    const p = result.proposal

    const userSysId = findUserSysId(p.requestedFor)
    if (!userSysId) errors.push({ field: 'requested_for', message: `No user "${p.requestedFor}".` })
    if (p.device && !readCi(p.device)) errors.push({ field: 'device', message: 'No such computer.' })
    const incident = p.incident ? readIncident(p.incident) : null
    if (p.incident && !incident) errors.push({ field: 'incident', message: `No incident "${p.incident}".` })
    const change = p.change ? readChange(p.change) : null
    if (p.change && !change) errors.push({ field: 'change_request', message: `No change request "${p.change}".` })
    if (errors.length > 0) return fail(400, errors)

    const caller = String(gs.getUserID())
    const human = requestedBy || caller
    const grant = new GlideRecord(TABLE.grant)
    grant.initialize()
    grant.setValue(GRANT_FIELDS.requestedFor, userSysId)
    grant.setValue(GRANT_FIELDS.openedBy, human)
    grant.setValue(GRANT_FIELDS.proposedBy, caller)
    grant.setValue(GRANT_FIELDS.targetKind, p.targetKind)
    if (p.device) grant.setValue(GRANT_FIELDS.targetCi, p.device)
    if (p.roleId) grant.setValue(GRANT_FIELDS.targetRoleId, p.roleId)
    if (p.roleName) grant.setValue(GRANT_FIELDS.targetRoleName, p.roleName)
    if (p.groupId) grant.setValue(GRANT_FIELDS.targetGroupId, p.groupId)
    if (p.account) grant.setValue(GRANT_FIELDS.targetAccount, p.account)
    grant.setValue(GRANT_FIELDS.requestedDuration, String(p.durationMinutes))
    grant.setValue(GRANT_FIELDS.justification, p.justification)
    if (incident) grant.setValue(GRANT_FIELDS.incident, incident.sysId)
    if (change) grant.setValue(GRANT_FIELDS.change, change.sysId)
    grant.setValue(GRANT_FIELDS.emergency, p.emergency ? 'true' : 'false')
    grant.setValue(GRANT_FIELDS.state, 'requested')
    const sysId = grant.insert()
    if (!sysId) {
        response.setStatus(500)
        response.setBody({ error: 'the request could not be recorded' })
        return
    }
    // The grant's after-insert rule has judged it by now: report where it stands.
    const created = new GlideRecord(TABLE.grant)
    created.get(String(sysId))
    appendAudit(String(sysId), 'request.proposed', String(gs.getUserName()), { proposedBy: caller, requestedBy: human })
    response.setStatus(201)
    response.setBody({
        sys_id: String(sysId),
        number: str(created, GRANT_FIELDS.number),
        state: str(created, GRANT_FIELDS.state),
        message: str(created, GRANT_FIELDS.lastError),
    })
}
