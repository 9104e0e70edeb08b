import '@servicenow/sdk/global'
import { EmailNotification } from '@servicenow/sdk/core'

/*
 * E-mail notifications, one per event of events.now.ts. Recipients come from the event (parm1: approvers or
 * SecOps members) or from the grant (requested_for and opened_by). Written out one by one (no loops).
 */

EmailNotification({
    $id: Now.ID['notify-approval-requested'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: approval requested',
    description: 'To the approvers, with the exact execution plan they approve.',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.approval.requested' },
    recipientDetails: { eventParm1WithRecipient: true, sendToCreator: false },
    emailContent: {
        contentType: 'text/plain',
        subject: 'Approval needed: break-glass request ${number} for ${requested_for}',
        messageText:
            'Please approve or reject break-glass request ${number}.\n\nYou approve exactly this plan:\n${event.parm2}\n\nOpen your approvals: ${URI_REF}\nYou may shorten the duration on the request before approving; you cannot lengthen it.',
        importance: 'high',
    },
})

EmailNotification({
    $id: Now.ID['notify-approved'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: request approved',
    description: 'To the requester: approved (who, when, by rule or by person) and being granted.',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.approved' },
    recipientDetails: { recipientFields: ['requested_for', 'opened_by'], sendToCreator: false },
    emailContent: {
        contentType: 'text/plain',
        subject: 'Approved: break-glass request ${number}',
        messageText:
            'Your break-glass request ${number} was ${event.parm2}\nAccess is being granted now; you will get another e-mail with its expiry.',
    },
})

EmailNotification({
    $id: Now.ID['notify-rejected'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: request refused or rejected',
    description: 'To the requester: refused by policy (every reason) or rejected by an approver.',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.rejected' },
    recipientDetails: { recipientFields: ['requested_for', 'opened_by'], sendToCreator: false },
    emailContent: {
        contentType: 'text/plain',
        subject: 'Not approved: break-glass request ${number}',
        messageText: 'Your break-glass request ${number} cannot go ahead.\n\n${event.parm2}\n\nNothing was granted.',
    },
})

EmailNotification({
    $id: Now.ID['notify-cancelled'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: request cancelled',
    description: 'To the requester: no decision in time, or the integration is disabled.',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.cancelled' },
    recipientDetails: { recipientFields: ['requested_for', 'opened_by'], sendToCreator: false },
    emailContent: {
        contentType: 'text/plain',
        subject: 'Cancelled: break-glass request ${number}',
        messageText: 'Your break-glass request ${number} was not granted: ${event.parm2}',
    },
})

EmailNotification({
    $id: Now.ID['notify-granted'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: access granted',
    description: 'To the requester: granted, with its expiry.',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.granted' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: false },
    emailContent: {
        contentType: 'text/plain',
        subject: 'Granted until ${expires_at} UTC: break-glass access ${number}',
        messageText:
            'Break-glass access ${number} is granted until ${event.parm2} UTC and is removed automatically then.',
    },
})

EmailNotification({
    $id: Now.ID['notify-expiry-warning'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: access expires soon',
    description: 'To the requester, before expiry.',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.expiry.warning' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: false },
    emailContent: {
        contentType: 'text/plain',
        subject: 'Expires soon: break-glass access ${number}',
        messageText:
            'Break-glass access ${number} expires at ${event.parm2} UTC. Save your work; the access is removed automatically.',
    },
})

EmailNotification({
    $id: Now.ID['notify-revoked'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: access removed',
    description: 'To the requester: the access was removed.',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.revoked' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: false },
    emailContent: {
        contentType: 'text/plain',
        subject: 'Removed: break-glass access ${number}',
        messageText: 'Break-glass access ${number} was removed at ${revoked_at} UTC.',
    },
})

EmailNotification({
    $id: Now.ID['notify-revoke-failed'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: REVOKE FAILED',
    description: 'To Security Operations: a revoke failed and access may still exist.',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.revoke.failed' },
    recipientDetails: { eventParm1WithRecipient: true, sendToCreator: false },
    mandatory: true,
    emailContent: {
        contentType: 'text/plain',
        subject: 'REVOKE FAILED: break-glass access ${number} for ${requested_for}',
        messageText:
            'The revoke of break-glass access ${number} failed: ${event.parm2}\n\nAccess may still exist at the provider. The watchdog raises an incident; remove the access by hand if the retry does not confirm.\n${URI_REF}',
        importance: 'high',
    },
})
