import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'

/*
 * Events of the app (names: EVENT in shared/src/schema.ts; at most 40 characters). Fired with gs.eventQueue by
 * the server modules; the e-mail notifications in notifications.now.ts listen to them. parm1 = recipients
 * (sys_user sys_ids, comma-separated), parm2 = the text people read (access, expiry in UTC, reasons).
 * Written out one by one (no loops: see FLUENT-NOTES).
 */

Record({
    $id: Now.ID['event-approval-requested'],
    table: 'sysevent_register',
    data: {
        suffix: 'approval.requested',
        event_name: 'x_gbg_breakglass.approval.requested',
        description:
            'Approval of a break-glass request is requested (parm1 approvers, parm2 the plan). No app e-mail listens: the platform approval notification on sysapproval_approver e-mails the approver.',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Server module approvals.ts (requestApprovals, escalateApprovals)',
        priority: 100,
    },
})

Record({
    $id: Now.ID['event-approved'],
    table: 'sysevent_register',
    data: {
        suffix: 'approved',
        event_name: 'x_gbg_breakglass.approved',
        description: 'A break-glass request was approved (by people or by rule) and queued.',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Server module approvals.ts (approveGrant)',
        priority: 100,
    },
})

Record({
    $id: Now.ID['event-rejected'],
    table: 'sysevent_register',
    data: {
        suffix: 'rejected',
        event_name: 'x_gbg_breakglass.rejected',
        description: 'A break-glass request was refused by policy or rejected by an approver (parm2 why).',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Server modules submit.ts (rejectByPolicy), approvals.ts (rejectByApprover)',
        priority: 100,
    },
})

Record({
    $id: Now.ID['event-cancelled'],
    table: 'sysevent_register',
    data: {
        suffix: 'cancelled',
        event_name: 'x_gbg_breakglass.cancelled',
        description: 'A break-glass request ended without access: approval timeout or kill switch (parm2 why).',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Server module approvals.ts (endUnapproved), from the watchdog job',
        priority: 100,
    },
})

Record({
    $id: Now.ID['event-granted'],
    table: 'sysevent_register',
    data: {
        suffix: 'granted',
        event_name: 'x_gbg_breakglass.granted',
        description: 'Access was granted by the executor (parm2: the access and its expiry, UTC, in words).',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Business rule Break-glass: tell people what the executor did',
        priority: 100,
    },
})

Record({
    $id: Now.ID['event-expiry-warning'],
    table: 'sysevent_register',
    data: {
        suffix: 'expiry.warning',
        event_name: 'x_gbg_breakglass.expiry.warning',
        description: 'Access expires soon (parm2: the access and its expiry, UTC, in words).',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Scheduled job Break-glass watchdog',
        priority: 100,
    },
})

Record({
    $id: Now.ID['event-revoked'],
    table: 'sysevent_register',
    data: {
        suffix: 'revoked',
        event_name: 'x_gbg_breakglass.revoked',
        description: 'Access was removed by the executor (parm2: the access, when, why, in words).',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Business rule Break-glass: tell people what the executor did',
        priority: 100,
    },
})

Record({
    $id: Now.ID['event-revoke-failed'],
    table: 'sysevent_register',
    data: {
        suffix: 'revoke.failed',
        event_name: 'x_gbg_breakglass.revoke.failed',
        description: 'A revoke failed: access may still exist (parm1 SecOps members, parm2 error).',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Business rule Break-glass: tell people what the executor did',
        priority: 50,
    },
})

Record({
    $id: Now.ID['event-approval-due'],
    table: 'sysevent_register',
    data: {
        suffix: 'approval.due',
        event_name: 'x_gbg_breakglass.approval.due',
        description:
            'Scheduled (gs.eventQueueScheduled) for the approval timeout and the second timeout of a request (parm1 the stage). Its script action escalates or cancels that request at the due time; the watchdog sweep is the safety net.',
        table: 'x_gbg_breakglass_grant',
        fired_by: 'Server module approvals.ts (requestApprovals)',
        priority: 100,
    },
})
