import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
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
