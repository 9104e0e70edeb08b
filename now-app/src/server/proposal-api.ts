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
import { GRANT_FIELDS, ROLE, TABLE, isSysId } from './shared/schema'
import { requestExtensionAs } from './extend'

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
    // An extension of an active grant (issue 17): its own small body, the same rules as the grant form's action.
    if (body && typeof body === 'object' && !Array.isArray(body) && 'extends' in body) {
        return proposeExtension(body as Record<string, unknown>, response, fail)
    }
    // `requested_by` is this endpoint's own field (who asked the assistant); the rest is the shared proposal.
    let requestedBy = ''
    const errors: ProposalError[] = []
    if (body && typeof body === 'object' && !Array.isArray(body) && 'requested_by' in body) {
        const { requested_by: named, ...rest } = body as Record<string, unknown>
        body = rest
        if (typeof named !== 'string' || !REQUESTED_BY.test(named)) {
            errors.push({
                field: 'requested_by',
                message: 'Not a valid value: expected the user name or sys_id of the person who asked.',
            })
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

/** Fields of an extension proposal. */
const EXTENSION_FIELDS = ['extends', 'duration_minutes', 'justification', 'requested_by']

/**
 * `{ extends: <grant sys_id>, duration_minutes, justification, requested_by? }`: more time on an active grant, asked
 * by the person behind the assistant (`requested_by`, else the caller), who must be the person the access is for or
 * who asked for it (shared/src/extend.ts). 201 with where the extension stands (awaiting approval, or refused by
 * policy with the reasons); 400 when the body is invalid or the extension may not be asked for (nothing created).
 */
function proposeExtension(
    body: Record<string, unknown>,
    response: any,
    fail: (status: number, errors: ProposalError[]) => void,
): void {
    const errors: ProposalError[] = []
    for (const key of Object.keys(body)) {
        if (EXTENSION_FIELDS.indexOf(key) < 0) errors.push({ field: key, message: 'Unknown field for an extension.' })
    }
    const grantSysId = body['extends']
    if (!isSysId(grantSysId)) errors.push({ field: 'extends', message: 'Expected the sys_id of the grant to extend.' })
    const minutes = body['duration_minutes']
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
        errors.push({ field: 'duration_minutes', message: 'Expected whole extra minutes, 1 to 1440.' })
    }
    const justification = body['justification']
    if (typeof justification !== 'string' || justification.trim().length < 20) {
        errors.push({ field: 'justification', message: 'Expected a justification of at least 20 characters.' })
    }
    let human = String(gs.getUserID())
    if ('requested_by' in body) {
        const named = body['requested_by']
        if (typeof named !== 'string' || !REQUESTED_BY.test(named)) {
            errors.push({
                field: 'requested_by',
                message: 'Not a valid value: expected the user name or sys_id of the person who asked.',
            })
        } else {
            human = findUserSysId(named)
            if (!human) errors.push({ field: 'requested_by', message: `No user "${named}".` })
        }
    }
    if (errors.length > 0) return fail(400, errors)
    const result = requestExtensionAs(
        grantSysId as string,
        minutes as number,
        (justification as string).trim(),
        human,
        String(gs.getUserID()),
    )
    if (!result.sysId) return fail(400, [{ field: 'extends', message: result.message }])
    appendAudit(result.sysId, 'request.proposed', String(gs.getUserName()), {
        proposedBy: String(gs.getUserID()),
        requestedBy: human,
        extends: grantSysId,
    })
    response.setStatus(201)
    response.setBody({ sys_id: result.sysId, number: result.number, state: result.state, message: result.message })
}
