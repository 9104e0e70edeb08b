import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { setGrantMeasures } from '../../server/grant-measures'

/*
 * The report measures (approval latency, time to access, revoke lateness, auto-approved, refusal code) are computed
 * once on the grant, when the times they derive from are written (docs/audit.md). Order 60: after the state
 * machine's guard (50), so the guard judges only the fields the writer sent.
 */
BusinessRule({
    $id: Now.ID['br-grant-measures'],
    name: 'Break-glass: grant report measures',
    table: 'x_gbg_breakglass_grant',
    when: 'before',
    action: ['insert', 'update'],
    order: 60,
    active: true,
    description:
        'Stores approval latency, time to access, revoke lateness (seconds), auto-approval and the refusal reason code on the grant for the reports.',
    script: setGrantMeasures,
})
