import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { cancelFromGrant } from '../../server/cancel'
import { extendFromGrant } from '../../server/extend'
import { revokeNowFromGrant } from '../../server/revoke-now'

/* "Revoke now" on the grant form: queues a priority-1 revoke action (who and why on the action). */
UiAction({
    $id: Now.ID['ui-action-grant-revoke-now'],
    table: 'x_gbg_breakglass_grant',
    name: 'Revoke now',
    actionName: 'x_gbg_revoke_now',
    hint: 'Remove this access now: queues a priority-1 revoke for the executor',
    condition: "['granting','active','revoking','revoke_failed','halted'].indexOf(String(current.state)) >= 0",
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
    script: revokeNowFromGrant,
    order: 100,
})

/*
 * "Cancel before start" on the grant form: an approved grant that has not started ends cancelled (nothing is
 * granted, the executor's gate refuses it even if it already claimed the action). No role filter: the approvers the
 * route asked hold no app role; the server decides who may (shared/src/cancel.ts).
 */
UiAction({
    $id: Now.ID['ui-action-grant-cancel'],
    table: 'x_gbg_breakglass_grant',
    name: 'Cancel before start',
    actionName: 'x_gbg_cancel_before_start',
    hint: 'Cancel this approved access before it starts (approver, Security Operations, or the person it is for)',
    condition: "['approved','queued'].indexOf(String(current.state)) >= 0",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'destructive' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: [],
    script: cancelFromGrant,
    order: 110,
})

/*
 * "Extend (30 more minutes)" on an active grant: creates an extension request that goes through policy (the maximum
 * applies to the whole access) and approval like any request; the executor extends the access in place (Entra) once
 * approved. No role filter: the server decides who may (the person it is for, or who asked for it; shared/src/extend.ts).
 */
UiAction({
    $id: Now.ID['ui-action-grant-extend'],
    table: 'x_gbg_breakglass_grant',
    name: 'Extend (30 more minutes)',
    actionName: 'x_gbg_extend',
    hint: 'Ask for 30 more minutes of this access: needs approval again, like the request',
    condition: "String(current.state) == 'active' && String(current.extends_grant) == ''",
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'primary' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: [],
    script: extendFromGrant,
    order: 120,
})
