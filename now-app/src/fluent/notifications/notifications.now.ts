import '@servicenow/sdk/global'
import { EmailNotification, Record } from '@servicenow/sdk/core'

/*
 * E-mail notifications of the app: HTML, one per event of events.now.ts, each naming the request (number, for whom),
 * saying what happened in the words the server composed for the event (parm2: the access — kind and target —, the
 * expiry or removal time as "YYYY-MM-DD HH:mm UTC", the reasons; shared/src/notice-text.ts), and linking to the grant
 * (${URI_REF}). No plan JSON, digest, tenant or group id goes into an e-mail. Recipients come from the event (parm1:
 * SecOps members) or from the grant (requested_for and opened_by). Written out one by one (no loops).
 *
 * parm2 carries text people wrote (an approver's rejection comment, a role or device name): it is printed only
 * through the mail script below, which escapes it for HTML and keeps its line breaks.
 *
 * Approval requests: no e-mail of ours. The app's approvals are ordinary sysapproval_approver records, for which the
 * platform's own approval notification sends the approver one e-mail with its working approve / reject reply links
 * (handled by the platform's inbound approval action). A second e-mail of ours would be a duplicate without working
 * links (decision in docs/request-lifecycle.md). The event x_gbg_breakglass.approval.requested stays registered and
 * fired, for the audit trail and any subscriber an instance adds.
 */

/** Mail script: prints the event's text (parm2) HTML-escaped, line breaks kept. Used as ${mail_script:…} below. */
export const eventTextMailScript = Record({
    $id: Now.ID['mail-script-event-text'],
    table: 'sys_script_email',
    data: {
        name: 'x_gbg_breakglass_event_text',
        new_lines_to_html: false,
        // One plain string literal: the build rejects a concatenation and drops a template literal (FLUENT-NOTES).
        // The script spells the entity for '&' in two parts: the build writes a literal "&amp;" into the XML
        // unescaped, so the instance would read a bare '&' (the dist test runs the built script).
        script: '(function runMailScript(current, template, email, email_action, event) {\n    var text = String((event && event.parm2) || "");\n    var amp = "&" + "amp;";\n    var safe = text.replace(/&/g, amp).replace(/</g, "&lt;").replace(/>/g, "&gt;")\n        .replace(/"/g, "&quot;").replace(/\'/g, "&#39;").replace(/\\r?\\n/g, "<br>");\n    template.print("<p>" + safe + "</p>");\n})(current, template, email, email_action, event);\n',
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
        contentType: 'text/html',
        subject: 'Approved: break-glass request ${number}',
        messageHtml:
            '<p>Your break-glass request <strong>${number}</strong> for ${requested_for} was approved:</p>${mail_script:x_gbg_breakglass_event_text}<p>Access is being granted now; you will get another e-mail with its expiry.</p><p>Request: ${URI_REF}</p>',
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
        contentType: 'text/html',
        subject: 'Not approved: break-glass request ${number}',
        messageHtml:
            '<p>Your break-glass request <strong>${number}</strong> for ${requested_for} cannot go ahead:</p>${mail_script:x_gbg_breakglass_event_text}<p>Nothing was granted.</p><p>Request: ${URI_REF}</p>',
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
        contentType: 'text/html',
        subject: 'Cancelled: break-glass request ${number}',
        messageHtml:
            '<p>Your break-glass request <strong>${number}</strong> for ${requested_for} was not granted:</p>${mail_script:x_gbg_breakglass_event_text}<p>Request: ${URI_REF}</p>',
    },
})

EmailNotification({
    $id: Now.ID['notify-granted'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: access granted',
    description: 'To the requester: what was granted, on what, until when (UTC).',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.granted' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: false },
    emailContent: {
        contentType: 'text/html',
        subject: 'Granted: break-glass access ${number}',
        messageHtml:
            '<p>Break-glass access <strong>${number}</strong> for ${requested_for}:</p>${mail_script:x_gbg_breakglass_event_text}<p>It is removed automatically at that time. To end it sooner, use <em>Revoke now</em> on the request.</p><p>Access: ${URI_REF}</p>',
    },
})

EmailNotification({
    $id: Now.ID['notify-expiry-warning'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: access expires soon',
    description: 'To the requester, before expiry: what expires and when (UTC).',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.expiry.warning' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: false },
    emailContent: {
        contentType: 'text/html',
        subject: 'Expires soon: break-glass access ${number}',
        messageHtml:
            '<p>Break-glass access <strong>${number}</strong> for ${requested_for} expires soon:</p>${mail_script:x_gbg_breakglass_event_text}<p>Save your work; the access is removed automatically.</p><p>Access: ${URI_REF}</p>',
    },
})

EmailNotification({
    $id: Now.ID['notify-revoked'],
    table: 'x_gbg_breakglass_grant',
    name: 'Break-glass: access removed',
    description: 'To the requester: what was removed and when (UTC).',
    triggerConditions: { generationType: 'event', eventName: 'x_gbg_breakglass.revoked' },
    recipientDetails: { recipientFields: ['requested_for'], sendToCreator: false },
    emailContent: {
        contentType: 'text/html',
        subject: 'Removed: break-glass access ${number}',
        messageHtml:
            '<p>Break-glass access <strong>${number}</strong> for ${requested_for} has ended:</p>${mail_script:x_gbg_breakglass_event_text}<p>Access: ${URI_REF}</p>',
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
        contentType: 'text/html',
        subject: 'REVOKE FAILED: break-glass access ${number} for ${requested_for}',
        messageHtml:
            '<p><strong>The revoke of break-glass access ${number} for ${requested_for} failed.</strong></p>${mail_script:x_gbg_breakglass_event_text}<p>Access may still exist at the provider. The watchdog raises an incident; remove the access by hand if the retry does not confirm.</p><p>Access: ${URI_REF}</p>',
        importance: 'high',
    },
})
