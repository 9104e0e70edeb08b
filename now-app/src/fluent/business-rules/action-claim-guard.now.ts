import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { guardActionWrite } from '../../server/claim-guard-rule'

/*
 * The claim guard: refuses a claim while another executor's lease is valid, and any executor write to an action
 * it does not hold. The decision is shared/src/claim-guard.ts (also run by the emulator).
 */
BusinessRule({
    $id: Now.ID['br-action-claim-guard'],
    name: 'Break-glass: claim guard on the action queue',
    table: 'x_gbg_breakglass_action',
    when: 'before',
    action: ['update'],
    order: 100,
    active: true,
    description:
        'Refuses (aborts) a claim while another executor lease is valid and any executor write by a non-holder.',
    script: guardActionWrite,
})
