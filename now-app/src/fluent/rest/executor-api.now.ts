import '@servicenow/sdk/global'
import { Acl, RestApi } from '@servicenow/sdk/core'
import { executorApprovalNotices, executorContext, executorGateFacts } from '../../server/executor-api'
import { executorRole } from '../security/roles.now'

/*
 * /api/x_gbg_breakglass/executor/… — the executor's only window on platform records (docs/request-lifecycle.md
 * "What the executor may touch on the instance"): the facts its recheck gate judges for one grant, the context
 * doctor and start-up report (GET, read-only), and the Teams approval notices due now, each claimed for the caller
 * (POST: the only write is the claim row). Authenticated; the executor role only (this ACL on every route, checked
 * again in the handlers).
 */
export const executorApiAcl = Acl({
    $id: Now.ID['acl-rest-executor'],
    name: 'x_gbg_breakglass.executor.api',
    type: 'rest_endpoint',
    operation: 'execute',
    roles: [executorRole],
    description: 'Only the executor integration user reads the gate facts and its context.',
})

RestApi({
    $id: Now.ID['rest-executor'],
    name: 'Break-glass executor',
    serviceId: 'executor',
    shortDescription: 'Read-only facts for the break-glass executor (recheck gate, doctor).',
    consumes: 'application/json',
    produces: 'application/json',
    enforceAcl: [executorApiAcl],
    routes: [
        {
            $id: Now.ID['rest-executor-gate-facts'],
            name: 'Gate facts of a grant',
            method: 'GET',
            path: '/grants/{grant_sys_id}/facts',
            shortDescription:
                "The grant's approvals, the users, CI, incident and change its recheck gate judges, and the app settings; 400 for a malformed sys_id, 404 for an unknown grant, 403 without the executor role.",
            authentication: true,
            authorization: true,
            enforceAcl: [executorApiAcl],
            produces: 'application/json',
            script: executorGateFacts,
        },
        {
            $id: Now.ID['rest-executor-context'],
            name: 'Executor context',
            method: 'GET',
            path: '/context',
            shortDescription:
                'App settings, the SecOps group resolved, the incident caller and the session user (roles, time zone); 403 without the executor role.',
            authentication: true,
            authorization: true,
            enforceAcl: [executorApiAcl],
            produces: 'application/json',
            script: executorContext,
        },
        {
            $id: Now.ID['rest-executor-approval-notices'],
            name: 'Approval notices',
            method: 'POST',
            path: '/approval-notices',
            shortDescription:
                'Body {"instance": "<executor name>"}: the Teams approval cards, reminders and escalations due now, each claimed for that executor (one sender per notice); 400 without a valid name, 403 without the executor role.',
            authentication: true,
            authorization: true,
            enforceAcl: [executorApiAcl],
            consumes: 'application/json',
            produces: 'application/json',
            script: executorApprovalNotices,
        },
    ],
})
