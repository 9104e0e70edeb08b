import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { guardAuditAppend } from '../../server/audit-chain-rule'

/*
 * One head per audit chain: an insert that does not extend the grant's current head (sequence + prev_hash) or
 * whose hash does not match its content is refused, so the app and the executor (or two executors) cannot fork a
 * chain. The decision is shared/src/audit-chain.ts checkAppend; the unique (grant, sequence) index backs it.
 */
BusinessRule({
    $id: Now.ID['br-audit-chain-guard'],
    name: 'Break-glass: audit chain has one head',
    table: 'x_gbg_breakglass_audit_event',
    when: 'before',
    action: ['insert'],
    order: 100,
    active: true,
    description:
        'Refuses (aborts) an audit event that does not extend the current head of its chain or whose hash does not match its content.',
    script: guardAuditAppend,
})
