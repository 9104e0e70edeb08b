import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { requestBreakGlassFromIncident } from '../../server/emergency'
import { revokeNowFromRitm } from '../../server/revoke-now'

/*
 * "Request break-glass access" on an open P1/P2 incident: opens the local-admin item prefilled with the incident and
 * the emergency flag through the platform's URL prefill (sysparm_variable_values; see server/emergency.ts).
 */
UiAction({
    $id: Now.ID['ui-action-incident-request-break-glass'],
    table: 'incident',
    name: 'Request break-glass access',
    actionName: 'x_gbg_request_break_glass',
    hint: 'Emergency: request temporary admin access for this P1/P2 incident (emergency policy applies)',
    condition: "current.active == true && (String(current.priority) == '1' || String(current.priority) == '2')",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    // Also a form button in Service Operations Workspace (configurable workspaces), not only the classic form.
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.requester'],
    script: requestBreakGlassFromIncident,
    order: 200,
})

/* "Revoke break-glass access" on the RITM: queues a priority-1 revoke of every grant of the request that holds access. */
UiAction({
    $id: Now.ID['ui-action-ritm-revoke-now'],
    table: 'sc_req_item',
    name: 'Revoke break-glass access now',
    actionName: 'x_gbg_ritm_revoke_now',
    hint: 'Remove the access this request gave, now: queues a priority-1 revoke for the executor',
    condition:
        "current.cat_item.name == 'Temporary local admin access' || current.cat_item.name == 'Temporary Entra role'",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    // Also a form button in Service Operations Workspace (configurable workspaces), not only the classic form.
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: [
        'x_gbg_breakglass.requester',
        'x_gbg_breakglass.approver',
        'x_gbg_breakglass.agent',
        'x_gbg_breakglass.secops',
    ],
    script: revokeNowFromRitm,
    order: 100,
})
