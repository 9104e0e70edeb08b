import {
    CatalogClientScript,
    CatalogItem,
    CatalogUiPolicy,
    CheckboxVariable,
    MultiLineTextVariable,
    ReferenceVariable,
    RequestedForVariable,
    SelectBoxVariable,
    SingleLineTextVariable,
} from '@servicenow/sdk/core'
import { breakGlassCategory, requesterCriteria } from './catalog-access.now'

/*
 * Catalog item "Temporary Entra role": a Microsoft Entra directory role for a bounded time (PIM assignment
 * with a schedule expiration, so the role also ends if every executor is down).
 *
 * The role select box stores the role *definition id* (a template id identical in every tenant); the label
 * is the display name. The list is deliberately short: policy decides who may hold which role, and
 * high-risk roles (Global Administrator, Security Administrator) get a second approver.
 *
 * Client scripts are `global: false` (this item only) and only give immediate feedback; the server
 * re-validates on submit.
 *
 * Fulfilment: the item names no flow, workflow or execution plan (dist test), so the platform attaches no
 * fulfilment process to its RITMs; the app's own server logic moves the RITM (see docs/request-lifecycle.md).
 */
export const temporaryEntraRole = CatalogItem({
    $id: Now.ID['cat-item-temporary-entra-role'],
    name: 'Temporary Entra role',
    shortDescription: 'A Microsoft Entra directory role for a limited time, after approval.',
    description:
        'Request a Microsoft Entra directory role for a limited time. The request is checked against the break-glass policy and approved; the role is assigned with an expiration and removed automatically.',
    catalogs: ['e0d08b13c3330100c8b837659bba8fb4'],
    categories: [breakGlassCategory],
    availableFor: [requesterCriteria],
    requestMethod: 'request',
    hideAddToCart: true,
    hideQuantitySelector: true,
    hideSaveAsDraft: true,
    hideAddToWishList: true,
    meta: ['break-glass', 'entra', 'azure ad', 'directory role', 'pim', 'temporary access'],
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
        role: SelectBoxVariable({
            question: 'Entra role',
            mandatory: true,
            includeNone: true,
            order: 200,
            choices: {
                '62e90394-69f5-4237-9190-012177145e10': { label: 'Global Administrator', sequence: 1 },
                '194ae4cb-b126-40b2-bd5b-6091b380977d': { label: 'Security Administrator', sequence: 2 },
                'fe930be7-5e62-47db-91af-98c3a49a38b1': { label: 'User Administrator', sequence: 3 },
                '729827e3-9c14-49f7-bb1b-9608f156bbb8': { label: 'Helpdesk Administrator', sequence: 4 },
            },
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
            helpText: 'What you need to do and why it needs this role (at least 20 characters).',
            mandatory: true,
            order: 400,
        }),
        incident: ReferenceVariable({
            question: 'Related incident',
            referenceTable: 'incident',
            referenceQualCondition: 'active=true',
            order: 500,
        }),
        // Prefilled (with the incident) by "Request break-glass Entra role" on a P1 / P2 incident or incident task.
        emergency: CheckboxVariable({
            question: 'Emergency (production down)',
            helpText: 'Emergency requests need an incident and use the short emergency approval path.',
            order: 700,
        }),
    },
})

CatalogUiPolicy({
    $id: Now.ID['cat-policy-entra-role-emergency-incident'],
    shortDescription: 'Emergency Entra role requests need an incident',
    catalogItem: temporaryEntraRole,
    global: false,
    catalogCondition: `${temporaryEntraRole.variables.emergency}=true^EQ`,
    reverseIfFalse: true,
    onLoad: true,
    actions: [
        {
            variableName: temporaryEntraRole.variables.incident,
            mandatory: true,
            variableMessage: 'An emergency request must reference the incident it resolves.',
            variableMessageType: 'info',
        },
    ],
})

CatalogClientScript({
    $id: Now.ID['cat-script-entra-role-duration'],
    name: 'Break-glass: check duration (Entra role)',
    type: 'onChange',
    catalogItem: temporaryEntraRole,
    variableName: temporaryEntraRole.variables.duration_minutes,
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
    $id: Now.ID['cat-script-entra-role-submit'],
    name: 'Break-glass: validate before submit (Entra role)',
    type: 'onSubmit',
    catalogItem: temporaryEntraRole,
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
    return ok;
}`,
})
