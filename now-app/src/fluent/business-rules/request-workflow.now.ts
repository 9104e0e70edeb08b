import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { guardApprovalInsert, guardApprovalVote, onApprovalVote } from '../../server/approvals'
import { onRitmInserted } from '../../server/catalog-submit'
import { onGrantExpiryMoved } from '../../server/extend'
import { guardApprovedDuration, onGrantStateChanged } from '../../server/grant-rules'
import { onGrantInserted } from '../../server/submit'

/*
 * The request workflow's business rules. They only wire: each calls one server module function, which decides
 * with the shared code (see docs/request-lifecycle.md). Written out one by one (no loops: see FLUENT-NOTES).
 */

BusinessRule({
    $id: Now.ID['br-ritm-create-grant'],
    name: 'Break-glass: catalog request creates a grant',
    table: 'sc_req_item',
    // async: the item's variables are written after the RITM row itself during checkout; an async rule runs
    // once the transaction is committed, with the variables in place.
    when: 'async',
    action: ['insert'],
    order: 200,
    active: true,
    // Only the app's catalog items (their sys_ids, from generated/keys.ts: 'cat-item-temporary-local-admin',
    // 'cat-item-temporary-entra-role', 'cat-item-temporary-entra-group', 'cat-item-emergency-console'), not every
    // RITM on the instance. Written out literally: a template literal here would be dropped by the build
    // (FLUENT-NOTES); the dist test checks these are the items' sys_ids.
    filterCondition:
        'cat_item=bb349d9e0f6b45de958e641a0f6fa2c1^ORcat_item=343034545f4e4bffab7562f501a4bf1a^ORcat_item=f91e452e5dea459da3521f1c2edc33e5^ORcat_item=3591b98f67b049f8864f6f96d455957c^EQ',
    description:
        'A RITM of one of the break-glass catalog items becomes a grant in state requested (judged by the grant rule).',
    script: onRitmInserted,
})

BusinessRule({
    $id: Now.ID['br-grant-submit'],
    name: 'Break-glass: judge a new request',
    table: 'x_gbg_breakglass_grant',
    when: 'after',
    action: ['insert'],
    order: 100,
    active: true,
    condition: "current.state == 'requested'",
    description:
        'Server-side enforcement on submit: policy, ticket validation, one open request per target; rejects with every reason, or freezes the plan and requests approval, or approves by rule.',
    script: onGrantInserted,
})

BusinessRule({
    $id: Now.ID['br-grant-approved-duration'],
    name: 'Break-glass: approvers may only shorten the duration',
    table: 'x_gbg_breakglass_grant',
    when: 'before',
    action: ['update'],
    order: 100,
    active: true,
    condition: 'current.approved_duration.changes()',
    description: 'Refuses an approved duration longer than requested, below the policy minimum, or set after approval.',
    script: guardApprovedDuration,
})

BusinessRule({
    $id: Now.ID['br-grant-state-notify'],
    name: 'Break-glass: tell people what the executor did',
    table: 'x_gbg_breakglass_grant',
    when: 'after',
    action: ['update'],
    order: 200,
    active: true,
    condition: 'current.state.changes()',
    description: 'Granted / revoked / revoke failed / grant failed: ticket comments and notification events.',
    script: onGrantStateChanged,
})

BusinessRule({
    $id: Now.ID['br-approval-guard'],
    name: 'Break-glass: refuse self-approval',
    table: 'sysapproval_approver',
    when: 'before',
    action: ['update'],
    order: 100,
    active: true,
    condition: "current.source_table == 'x_gbg_breakglass_grant' && current.state.changes()",
    description:
        'Aborts a vote by the person the access is for or who opened the request, and votes on decided grants.',
    script: guardApprovalVote,
})

BusinessRule({
    $id: Now.ID['br-approval-decide'],
    name: 'Break-glass: decide on each vote',
    table: 'sysapproval_approver',
    when: 'after',
    action: ['update'],
    order: 200,
    active: true,
    condition: "current.source_table == 'x_gbg_breakglass_grant' && current.state.changes()",
    description:
        'Re-judges the votes (shared approvalOutcome): approved → queued + one grant action; rejected → rejected.',
    script: onApprovalVote,
})

BusinessRule({
    $id: Now.ID['br-approval-insert-guard'],
    name: 'Break-glass: only the app creates approvals',
    table: 'sysapproval_approver',
    when: 'before',
    action: ['insert'],
    order: 100,
    active: true,
    description:
        "Aborts any approval for a break-glass grant that the app did not create itself for the request's approval route (a pre-approved record inserted by form, import or Table API), recording the refusal on the grant.",
    script: guardApprovalInsert,
})

BusinessRule({
    $id: Now.ID['br-grant-expiry-extended'],
    name: 'Break-glass: an extended grant moves its scheduled revoke',
    table: 'x_gbg_breakglass_grant',
    when: 'after',
    action: ['update'],
    order: 210,
    active: true,
    condition: "current.expires_at.changes() && current.state == 'active'",
    description: 'An approved extension moved the end of active access: the scheduled revoke falls due at the new end.',
    script: onGrantExpiryMoved,
})
