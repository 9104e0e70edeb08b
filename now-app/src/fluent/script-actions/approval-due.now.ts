import '@servicenow/sdk/global'
import { ScriptAction } from '@servicenow/sdk/core'
import { onApprovalDue } from '../../server/watchdog'

/*
 * The approval timeout at its due time: approvals.ts requestApprovals schedules `x_gbg_breakglass.approval.due` with
 * gs.eventQueueScheduled for the policy's timeout and the second timeout; this runs the shared timeout step for that
 * one grant (escalate, then cancel). The watchdog's 5-minute sweep runs the same step for every grant as a safety net.
 */
ScriptAction({
    $id: Now.ID['script-action-approval-due'],
    name: 'Break-glass approval due',
    eventName: 'x_gbg_breakglass.approval.due',
    active: true,
    description: 'Escalates or cancels a break-glass request at its approval timeout (watchdog.ts onApprovalDue).',
    script: onApprovalDue,
})
