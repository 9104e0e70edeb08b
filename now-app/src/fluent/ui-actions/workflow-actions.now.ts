import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { cancelFromRitm } from '../../server/cancel'
import {
    requestBreakGlassFromIncident,
    requestConsoleFromIncident,
    requestEntraGroupFromIncident,
    requestEntraRoleFromIncident,
} from '../../server/emergency'
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
        "current.cat_item.name == 'Temporary local admin access' || current.cat_item.name == 'Temporary Entra role' || current.cat_item.name == 'Temporary Entra group membership' || current.cat_item.name == 'Emergency console action'",
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

/* "Request break-glass Entra role" on an open P1/P2 incident: the Entra role item, prefilled the same way. */
UiAction({
    $id: Now.ID['ui-action-incident-request-entra-role'],
    table: 'incident',
    name: 'Request break-glass Entra role',
    actionName: 'x_gbg_request_break_glass_entra_role',
    hint: 'Emergency: request a temporary Entra role for this P1/P2 incident (emergency policy applies)',
    condition: "current.active == true && (String(current.priority) == '1' || String(current.priority) == '2')",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.requester'],
    script: requestEntraRoleFromIncident,
    order: 210,
})

/* The same two emergency actions on an open task of a P1/P2 incident (seed 000: "or incident task"). */
UiAction({
    $id: Now.ID['ui-action-incident-task-request-break-glass'],
    table: 'incident_task',
    name: 'Request break-glass access',
    actionName: 'x_gbg_task_request_break_glass',
    hint: 'Emergency: request temporary admin access for the P1/P2 incident of this task (emergency policy applies)',
    condition:
        "current.active == true && (String(current.incident.priority) == '1' || String(current.incident.priority) == '2')",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.requester'],
    script: requestBreakGlassFromIncident,
    order: 200,
})

UiAction({
    $id: Now.ID['ui-action-incident-task-request-entra-role'],
    table: 'incident_task',
    name: 'Request break-glass Entra role',
    actionName: 'x_gbg_task_request_break_glass_entra_role',
    hint: 'Emergency: request a temporary Entra role for the P1/P2 incident of this task (emergency policy applies)',
    condition:
        "current.active == true && (String(current.incident.priority) == '1' || String(current.incident.priority) == '2')",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.requester'],
    script: requestEntraRoleFromIncident,
    order: 210,
})

/*
 * "Cancel break-glass request" on the RITM: cancels every approved grant of the request that has not started. No
 * role filter: the approvers the route asked hold no app role; the server decides who may (shared/src/cancel.ts).
 */
UiAction({
    $id: Now.ID['ui-action-ritm-cancel'],
    table: 'sc_req_item',
    name: 'Cancel break-glass request',
    actionName: 'x_gbg_ritm_cancel',
    hint: 'Cancel approved access that has not started (approver, Security Operations, or the person it is for)',
    condition:
        "current.cat_item.name == 'Temporary local admin access' || current.cat_item.name == 'Temporary Entra role' || current.cat_item.name == 'Temporary Entra group membership' || current.cat_item.name == 'Emergency console action'",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: [],
    script: cancelFromRitm,
    order: 110,
})

/*
 * The other kinds from an open P1/P2 incident and from an open task of one (issue 17: emergency requests for every
 * kind): the Entra group membership item and the emergency console item, prefilled the same way (server/emergency.ts).
 * Local admin through BeyondTrust EPM is "Request break-glass access" with the EPM device provider.
 */
UiAction({
    $id: Now.ID['ui-action-incident-request-entra-group'],
    table: 'incident',
    name: 'Request break-glass Entra group',
    actionName: 'x_gbg_request_break_glass_entra_group',
    hint: 'Emergency: request a temporary Entra group membership for this P1/P2 incident (emergency policy applies)',
    condition: "current.active == true && (String(current.priority) == '1' || String(current.priority) == '2')",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.requester'],
    script: requestEntraGroupFromIncident,
    order: 220,
})

UiAction({
    $id: Now.ID['ui-action-incident-task-request-entra-group'],
    table: 'incident_task',
    name: 'Request break-glass Entra group',
    actionName: 'x_gbg_task_request_break_glass_entra_group',
    hint: 'Emergency: request a temporary Entra group membership for the P1/P2 incident of this task (emergency policy applies)',
    condition:
        "current.active == true && (String(current.incident.priority) == '1' || String(current.incident.priority) == '2')",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.requester'],
    script: requestEntraGroupFromIncident,
    order: 220,
})

UiAction({
    $id: Now.ID['ui-action-incident-request-console'],
    table: 'incident',
    name: 'Request emergency console action',
    actionName: 'x_gbg_request_emergency_console',
    hint: "Emergency: request a customer tenant administrator's restoration in the vendor console for this P1/P2 incident",
    condition: "current.active == true && (String(current.priority) == '1' || String(current.priority) == '2')",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.requester'],
    script: requestConsoleFromIncident,
    order: 230,
})

UiAction({
    $id: Now.ID['ui-action-incident-task-request-console'],
    table: 'incident_task',
    name: 'Request emergency console action',
    actionName: 'x_gbg_task_request_emergency_console',
    hint: "Emergency: request a customer tenant administrator's restoration in the vendor console for the P1/P2 incident of this task",
    condition:
        "current.active == true && (String(current.incident.priority) == '1' || String(current.incident.priority) == '2')",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.requester'],
    script: requestConsoleFromIncident,
    order: 230,
})
