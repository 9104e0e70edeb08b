import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { applyTicketUpdate, guardTicketUpdate } from '../../server/ticket-update'

/*
 * The executor's platform-side effects, done by the app (docs/request-lifecycle.md "What the executor may touch on
 * the instance"): a row the executor inserts is refused unless its effect stays within its own grant (before), then
 * performed with GlideRecord and its result recorded on the row (after).
 */
BusinessRule({
    $id: Now.ID['br-ticket-update-guard'],
    name: 'Break-glass: ticket update stays within its grant',
    table: 'x_gbg_breakglass_ticket_update',
    when: 'before',
    action: ['insert'],
    order: 100,
    active: true,
    description:
        "Refuses (aborts) a ticket update naming no grant, an unknown kind, a used idempotency key, or a target that is not the grant's own RITM or incident.",
    script: guardTicketUpdate,
})

BusinessRule({
    $id: Now.ID['br-ticket-update-apply'],
    name: 'Break-glass: perform ticket update',
    table: 'x_gbg_breakglass_ticket_update',
    when: 'after',
    action: ['insert'],
    order: 100,
    active: true,
    description:
        'Writes the work note, raises the incident (SecOps group, the integration user as caller) or attaches the receipt, and records the result on the row.',
    script: applyTicketUpdate,
})
