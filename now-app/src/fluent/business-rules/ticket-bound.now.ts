import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { guardCancelledFinal } from '../../server/cancel'
import { onChangeUpdated, onIncidentUpdated } from '../../server/ticket-bound'

/*
 * Ticket-bound access and cancel (issue 17). They only wire: the server modules decide with shared/src/tickets.ts
 * and shared/src/cancel.ts (docs/request-lifecycle.md). On incident and change_request (another scope's tables) a
 * scoped app may add only async rules (ServiceNow docs, "Creation restrictions across application scopes"); the
 * server code reads them with the app's cross-scope read privileges (security/cross-scope.now.ts).
 */

BusinessRule({
    $id: Now.ID['br-incident-ticket-bound'],
    name: 'Break-glass: access ends with its incident',
    table: 'incident',
    when: 'async',
    action: ['update'],
    order: 200,
    active: true,
    // Only incidents that ended (Resolved 6, Closed 7, Canceled 8, or inactive): no run for every other update.
    filterCondition: 'stateIN6,7,8^ORactive=false^EQ',
    description:
        'When an incident is resolved, closed or cancelled: a priority-1 revoke of the break-glass access given for it, and approved requests for it that have not started are cancelled.',
    script: onIncidentUpdated,
})

BusinessRule({
    $id: Now.ID['br-change-ticket-bound'],
    name: 'Break-glass: access ends with its change and its window',
    table: 'change_request',
    when: 'async',
    action: ['update'],
    order: 200,
    active: true,
    description:
        'When a change is closed or cancelled, or its window ends earlier than a grant expires: a priority-1 revoke (due at the window end), and approved requests for it that have not started are cancelled.',
    script: onChangeUpdated,
})

BusinessRule({
    $id: Now.ID['br-grant-cancelled-final'],
    name: 'Break-glass: a cancelled request stays cancelled',
    table: 'x_gbg_breakglass_grant',
    when: 'before',
    action: ['update'],
    order: 40,
    active: true,
    description: 'Refuses (aborts) any write that moves a cancelled grant to another state, whoever writes.',
    script: guardCancelledFinal,
})
