import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { guardPolicyWrite } from '../../server/policy-confirmation'

/*
 * Two-person rule on policies: a content change records its editor and clears the confirmation; a confirmation
 * by the editor, by someone without SecOps, or of other content than the current one is refused (aborted).
 */
BusinessRule({
    $id: Now.ID['br-policy-confirmation'],
    name: 'Break-glass: policy changes need a second SecOps person',
    table: 'x_gbg_breakglass_policy',
    when: 'before',
    action: ['insert', 'update'],
    order: 100,
    active: true,
    description:
        'Stamps the editor of a policy change and clears its confirmation; refuses a confirmation by the editor.',
    script: guardPolicyWrite,
})
