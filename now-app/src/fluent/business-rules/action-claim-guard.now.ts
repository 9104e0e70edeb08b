import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { guardActionInsert, guardActionWrite } from '../../server/claim-guard-rule'

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

/*
 * The state machine on inserts: the executor creates only ready, well-formed revoke and verify actions (never a
 * grant action). The decision is shared/src/state-machine.ts, through shared/src/claim-guard.ts.
 */
BusinessRule({
    $id: Now.ID['br-action-insert-guard'],
    name: 'Break-glass: executor creates only revoke and verify actions',
    table: 'x_gbg_breakglass_action',
    when: 'before',
    action: ['insert'],
    order: 100,
    active: true,
    description:
        'Refuses (aborts) an action inserted by the executor role unless it is a ready, well-formed revoke or verify.',
    script: guardActionInsert,
})
