import {
    CatalogClientScript,
    CatalogItem,
    CheckboxVariable,
    MultiLineTextVariable,
    ReferenceVariable,
    RequestedForVariable,
    SelectBoxVariable,
    SingleLineTextVariable,
} from '@servicenow/sdk/core'
import { breakGlassCategory, requesterCriteria } from './catalog-access.now'

/*
 * Catalog item "Emergency console action": an emergency action that exists only in a vendor's browser-only admin
 * console (restoring a customer tenant's administrator after an incident), carried out by the console provider in a
 * real browser (docs/console.md). Always an emergency (no checkbox: catalog-submit.ts sets it), so a P1 / P2
 * incident the person is on is required; opened prefilled from an incident or a task of one by "Request emergency
 * console action" (server/emergency.ts).
 *
 * The packet the approvers approve and the provider types: tenant id and name, the customer administrator, the
 * privileges (one box each, only those the provider may request — never global admin: there is no box for it) and
 * the expiry, one of the console form's own choices. The server re-checks every part on submit (shared
 * consoleTargetReasons, providerDurationReasons); nothing here is trusted.
 */
export const emergencyConsole = CatalogItem({
    $id: Now.ID['cat-item-emergency-console'],
    name: 'Emergency console action',
    shortDescription: "Emergency restoration of a customer tenant's administrator in the vendor console, after approval.",
    description:
        "Request an emergency restoration of a customer tenant's administrator privileges in the vendor's admin console, for an open P1 or P2 incident. Incident command, security and the customer-account authority approve the exact packet; the action is carried out and ended automatically.",
    catalogs: ['e0d08b13c3330100c8b837659bba8fb4'],
    categories: [breakGlassCategory],
    availableFor: [requesterCriteria],
    requestMethod: 'request',
    hideAddToCart: true,
    hideQuantitySelector: true,
    hideSaveAsDraft: true,
    hideAddToWishList: true,
    meta: ['break-glass', 'emergency', 'console', 'tenant', 'restore administrator'],
    variables: {
        requested_for: RequestedForVariable({
            question: 'Requested for',
            referenceQualCondition: 'active=true',
            defaultValue: 'javascript:gs.getUserID()',
            mandatory: true,
            order: 100,
        }),
        tenant_id: SingleLineTextVariable({
            question: 'Customer tenant id',
            helpText: 'The tenant id as the console shows it (letters, digits, . _ -).',
            mandatory: true,
            order: 200,
        }),
        tenant_name: SingleLineTextVariable({
            question: 'Customer tenant name',
            helpText: 'The tenant name as the console shows it: the provider checks both before acting.',
            mandatory: true,
            order: 210,
        }),
        account: SingleLineTextVariable({
            question: 'Customer administrator to restore',
            helpText: "The customer administrator's account (e-mail address).",
            mandatory: true,
            order: 220,
        }),
        scope_user_admin: CheckboxVariable({ question: 'Privilege: user administration', order: 300 }),
        scope_helpdesk_admin: CheckboxVariable({ question: 'Privilege: helpdesk administration', order: 310 }),
        scope_billing_admin: CheckboxVariable({ question: 'Privilege: billing administration', order: 320 }),
        scope_security_admin: CheckboxVariable({ question: 'Privilege: security administration', order: 330 }),
        duration_minutes: SelectBoxVariable({
            question: 'Expiry (minutes)',
            mandatory: true,
            includeNone: false,
            defaultValue: '30',
            order: 400,
            choices: {
                '15': { label: '15 minutes', sequence: 1 },
                '30': { label: '30 minutes', sequence: 2 },
                '60': { label: '60 minutes', sequence: 3 },
                '120': { label: '120 minutes', sequence: 4 },
                '240': { label: '240 minutes', sequence: 5 },
            },
        }),
        justification: MultiLineTextVariable({
            question: 'Justification',
            helpText: 'What happened and why the administrator must be restored now (at least 20 characters).',
            mandatory: true,
            order: 500,
        }),
        incident: ReferenceVariable({
            question: 'Incident',
            referenceTable: 'incident',
            referenceQualCondition: 'active=true^priorityIN1,2',
            helpText: 'The open P1 or P2 incident this action resolves.',
            mandatory: true,
            order: 600,
        }),
    },
})

CatalogClientScript({
    $id: Now.ID['cat-script-console-submit'],
    name: 'Break-glass: validate before submit (emergency console)',
    type: 'onSubmit',
    catalogItem: emergencyConsole,
    global: false,
    uiType: 'all',
    script: `function onSubmit() {
    var ok = true;
    var boxes = ['scope_user_admin', 'scope_helpdesk_admin', 'scope_billing_admin', 'scope_security_admin'];
    var any = false;
    for (var i = 0; i < boxes.length; i++) if (g_form.getValue(boxes[i]) === 'true') any = true;
    if (!any) {
        g_form.addErrorMessage('Select at least one privilege to restore.');
        ok = false;
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(String(g_form.getValue('tenant_id') || '').trim())) {
        g_form.showFieldMsg('tenant_id', 'Enter the tenant id as the console shows it.', 'error');
        ok = false;
    }
    if (String(g_form.getValue('justification') || '').trim().length < 20) {
        g_form.showFieldMsg('justification', 'Explain the need in at least 20 characters.', 'error');
        ok = false;
    }
    return ok;
}`,
})
