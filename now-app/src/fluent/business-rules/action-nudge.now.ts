import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { nudgeOnActionInsert } from '../../server/nudge'

/*
 * The nudge (issue 18): after an action is inserted, a background job (async: never part of the approving
 * transaction) POSTs the signed "poll now" to the executor when nudging is enabled and the action is a grant or
 * revoke the executor may run now. server/nudge.ts decides and sends; a failure is only logged.
 */
BusinessRule({
    $id: Now.ID['br-action-nudge'],
    name: 'Break-glass: nudge the executor when an action is queued',
    table: 'x_gbg_breakglass_action',
    when: 'async',
    action: ['insert'],
    order: 200,
    active: true,
    description:
        'Async: when nudging is enabled (x_gbg_breakglass.nudge_enabled), POSTs a signed nudge so the executor polls at once for a grant or revoke queued ready now. Failures are logged; the executor still polls.',
    script: nudgeOnActionInsert,
})
