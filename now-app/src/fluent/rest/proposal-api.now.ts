import '@servicenow/sdk/global'
import { Acl, RestApi } from '@servicenow/sdk/core'
import { proposeRequest } from '../../server/proposal-api'
import { proposerRole } from '../security/roles.now'

/*
 * POST /api/x_gbg_breakglass/breakglass/proposals — an assistant or Teams bot proposes a request on behalf of a
 * named user. Create-only: the request then goes through policy and approval like any other. Authenticated,
 * and authorised by the proposer role (this ACL, enforced on the route, and checked again in the handler).
 */
export const proposalAcl = Acl({
    $id: Now.ID['acl-rest-proposals'],
    name: 'x_gbg_breakglass.breakglass.proposals',
    type: 'rest_endpoint',
    operation: 'execute',
    roles: [proposerRole],
    description: 'Only integrations with the proposer role may propose break-glass requests.',
})

RestApi({
    $id: Now.ID['rest-breakglass'],
    name: 'Break-glass',
    serviceId: 'breakglass',
    shortDescription: 'Propose governed break-glass access requests (create-only).',
    consumes: 'application/json',
    produces: 'application/json',
    enforceAcl: [proposalAcl],
    routes: [
        {
            $id: Now.ID['rest-breakglass-proposals'],
            name: 'Propose a request',
            method: 'POST',
            path: '/proposals',
            shortDescription:
                'Creates a break-glass request for a named user with a justification; returns 201 with the request number and its state after the policy check, 400 with one message per invalid field, 403 without the proposer role.',
            authentication: true,
            authorization: true,
            enforceAcl: [proposalAcl],
            consumes: 'application/json',
            produces: 'application/json',
            requestExample:
                '{"requested_for":"alice","target_kind":"device_local_admin","device":"<cmdb_ci_computer sys_id>","duration_minutes":30,"justification":"Reinstall the VPN client after the failed update","incident":"INC0010001"}',
            script: proposeRequest,
        },
    ],
})
