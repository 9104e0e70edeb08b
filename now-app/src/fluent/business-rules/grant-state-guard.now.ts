import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { guardGrantWrite } from '../../server/claim-guard-rule'

/*
 * The state machine on grants: the executor role moves a grant only along the transitions it owns
 * (queued → granting → active | grant_failed, active → revoking → revoked | revoke_failed…), writes only its own
 * fields, and never creates a grant. The decision is shared/src/state-machine.ts, through shared/src/claim-guard.ts.
 */
BusinessRule({
    $id: Now.ID['br-grant-state-guard'],
    name: 'Break-glass: executor transitions on the grant',
    table: 'x_gbg_breakglass_grant',
    when: 'before',
    action: ['insert', 'update'],
    order: 50,
    active: true,
    description:
        'Refuses (aborts) a grant insert by the executor role and any update outside the transitions and fields it owns.',
    script: guardGrantWrite,
})
