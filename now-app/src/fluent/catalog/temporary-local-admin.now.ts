import {
    CatalogClientScript,
    CatalogItem,
    CatalogUiPolicy,
    CheckboxVariable,
    MultiLineTextVariable,
    ReferenceVariable,
    RequestedForVariable,
    SingleLineTextVariable,
} from '@servicenow/sdk/core'
import { breakGlassCategory, requesterCriteria } from './catalog-access.now'

/*
 * Catalog item "Temporary local admin access": local administrator rights on one computer for a bounded time.
 *
 * Client-side checks here are a convenience for immediate feedback only (duration 5-1440 minutes,
 * justification of at least 20 characters, change request mandatory for servers, incident mandatory for an
 * emergency). The server re-validates everything on submit with the shared policy module; a request that
 * bypasses the form (Service Portal API, REST) gains nothing from skipping these scripts.
 *
 * Client scripts and UI policies are `global: false`: they apply to this item only. No client script reads the
 * page (DOM, window, top.location): the incident's "Request break-glass access" action prefills the incident and
 * the emergency flag through the platform's URL prefill (`sysparm_variable_values`, see server/emergency.ts).
 *
 * Fulfilment: the item names no flow, workflow or execution plan (dist test), so the platform attaches no
 * fulfilment process to its RITMs; the app's own server logic moves the RITM (see docs/request-lifecycle.md).
 */
export const temporaryLocalAdmin = CatalogItem({
    $id: Now.ID['cat-item-temporary-local-admin'],
    name: 'Temporary local admin access',
    shortDescription: 'Local administrator rights on one computer for a limited time, after approval.',
    description:
        'Request temporary local administrator rights on a managed computer. The request is checked against the break-glass policy, approved, granted automatically and removed automatically when it expires.',
    catalogs: ['e0d08b13c3330100c8b837659bba8fb4'],
    categories: [breakGlassCategory],
    availableFor: [requesterCriteria],
    requestMethod: 'request',
    hideAddToCart: true,
    hideQuantitySelector: true,
    hideSaveAsDraft: true,
    hideAddToWishList: true,
    meta: ['break-glass', 'local admin', 'elevation', 'temporary access'],
    variables: {
        // A Requested For variable (type 31): checkout copies it to the REQ's and the RITM's requested_for, so
        // both show the person the access is for (not whoever clicked Order).
        requested_for: RequestedForVariable({
            question: 'Requested for',
            referenceQualCondition: 'active=true',
            defaultValue: 'javascript:gs.getUserID()',
            mandatory: true,
            order: 100,
        }),
        device: ReferenceVariable({
            question: 'Device',
            referenceTable: 'cmdb_ci_computer',
            referenceQualCondition: 'install_status=1',
            helpText: 'The managed computer on which local administrator rights are needed.',
            mandatory: true,
            order: 200,
        }),
        duration_minutes: SingleLineTextVariable({
            question: 'Duration (minutes)',
            defaultValue: '60',
            helpText: 'Between 5 and 1440 minutes. Policy may lower the approved duration.',
            mandatory: true,
            order: 300,
        }),
        justification: MultiLineTextVariable({
            question: 'Justification',
            helpText: 'What you need to do and why it needs administrator rights (at least 20 characters).',
            mandatory: true,
            order: 400,
        }),
        incident: ReferenceVariable({
            question: 'Related incident',
            referenceTable: 'incident',
            referenceQualCondition: 'active=true',
            order: 500,
        }),
        change_request: ReferenceVariable({
            question: 'Related change request',
            referenceTable: 'change_request',
            referenceQualCondition: 'active=true',
            helpText: 'Mandatory for servers.',
            order: 600,
        }),
        emergency: CheckboxVariable({
            question: 'Emergency (production down)',
            helpText: 'Emergency requests need an incident and use the short emergency approval path.',
            order: 700,
        }),
    },
})

CatalogUiPolicy({
    $id: Now.ID['cat-policy-local-admin-emergency-incident'],
    shortDescription: 'Emergency local admin requests need an incident',
    catalogItem: temporaryLocalAdmin,
    global: false,
    catalogCondition: `${temporaryLocalAdmin.variables.emergency}=true^EQ`,
    reverseIfFalse: true,
    onLoad: true,
    actions: [
        {
            variableName: temporaryLocalAdmin.variables.incident,
            mandatory: true,
            variableMessage: 'An emergency request must reference the incident it resolves.',
            variableMessageType: 'info',
        },
    ],
})

CatalogClientScript({
    $id: Now.ID['cat-script-local-admin-duration'],
    name: 'Break-glass: check duration (local admin)',
    type: 'onChange',
    catalogItem: temporaryLocalAdmin,
    variableName: temporaryLocalAdmin.variables.duration_minutes,
    global: false,
    uiType: 'all',
    script: `function onChange(control, oldValue, newValue, isLoading) {
    if (isLoading) return;
    g_form.hideFieldMsg('duration_minutes', true);
    var text = String(newValue || '').trim();
    var minutes = /^[0-9]+$/.test(text) ? parseInt(text, 10) : NaN;
    if (isNaN(minutes) || minutes < 5 || minutes > 1440) {
        g_form.showFieldMsg('duration_minutes', 'Enter a whole number of minutes between 5 and 1440.', 'error');
    }
}`,
})

CatalogClientScript({
    $id: Now.ID['cat-script-local-admin-server-change'],
    name: 'Break-glass: change request mandatory for servers',
    type: 'onChange',
    catalogItem: temporaryLocalAdmin,
    variableName: temporaryLocalAdmin.variables.device,
    global: false,
    uiType: 'all',
    script: `function onChange(control, oldValue, newValue, isLoading) {
    if (!newValue) {
        g_form.setMandatory('change_request', false);
        return;
    }
    g_form.getReference('device', function (device) {
        var cls = String((device && device.sys_class_name) || '');
        var isServer = cls.indexOf('server') !== -1;
        g_form.setMandatory('change_request', isServer);
        g_form.hideFieldMsg('change_request', true);
        if (isServer) {
            g_form.showFieldMsg('change_request', 'This device is a server: a change request is required.', 'info');
        }
    });
}`,
})

CatalogClientScript({
    $id: Now.ID['cat-script-local-admin-submit'],
    name: 'Break-glass: validate before submit (local admin)',
    type: 'onSubmit',
    catalogItem: temporaryLocalAdmin,
    global: false,
    uiType: 'all',
    script: `function onSubmit() {
    var ok = true;
    var text = String(g_form.getValue('duration_minutes') || '').trim();
    var minutes = /^[0-9]+$/.test(text) ? parseInt(text, 10) : NaN;
    if (isNaN(minutes) || minutes < 5 || minutes > 1440) {
        g_form.showFieldMsg('duration_minutes', 'Enter a whole number of minutes between 5 and 1440.', 'error');
        ok = false;
    }
    if (String(g_form.getValue('justification') || '').trim().length < 20) {
        g_form.showFieldMsg('justification', 'Explain the need in at least 20 characters.', 'error');
        ok = false;
    }
    if (g_form.isMandatory('change_request') && !g_form.getValue('change_request')) {
        g_form.showFieldMsg('change_request', 'This device is a server: a change request is required.', 'error');
        ok = false;
    }
    return ok;
}`,
})
