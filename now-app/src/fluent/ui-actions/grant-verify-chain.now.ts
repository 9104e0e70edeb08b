import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { verifyChainFromGrant } from '../../server/chain-verify'

/*
 * "Verify audit chain" on the grant form (auditors, SecOps; admin contains both): runs the shared chain verification
 * server-side and shows intact / broken with the first bad event, and what the in-instance check cannot prove
 * (server/chain-verify.ts). Reads only; changes nothing.
 */
UiAction({
    $id: Now.ID['ui-action-grant-verify-chain'],
    table: 'x_gbg_breakglass_grant',
    name: 'Verify audit chain',
    actionName: 'x_gbg_verify_chain',
    hint: 'Check that the audit events of this grant were not edited, removed or reordered',
    showInsert: false,
    showUpdate: true,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'unstyled' },
    workspace: { isConfigurableWorkspace: true, showFormButtonV2: true, showFormMenuButtonV2: false },
    roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
    script: verifyChainFromGrant,
    order: 200,
})
