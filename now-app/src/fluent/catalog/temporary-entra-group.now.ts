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
 * Catalog item "Temporary Entra group membership": membership of a Microsoft Entra group for a bounded time (PIM for
 * Groups assignment with an expiration, through the entra-group provider; docs/entra.md). Opened prefilled from a
 * P1 / P2 incident or a task of one by "Request break-glass Entra group" (server/emergency.ts).
 *
 * The group is given by its object id (a GUID, tenant-specific, so no fixed list here); the policy refuses any
 * other shape and the approvers approve the plan naming exactly that group. Client scripts are `global: false`
 * (this item only) and only give immediate feedback; the server re-validates on submit.
 *
 * Fulfilment: the item names no flow, workflow or execution plan (dist test); the app's own server logic moves the
 * RITM (see docs/request-lifecycle.md).
 */
export const temporaryEntraGroup = CatalogItem({
    $id: Now.ID['cat-item-temporary-entra-group'],
    name: 'Temporary Entra group membership',
    shortDescription: 'Membership of a Microsoft Entra group for a limited time, after approval.',
    description:
        'Request membership of a Microsoft Entra group for a limited time. The request is checked against the break-glass policy and approved; the membership is assigned with an expiration and removed automatically.',
    catalogs: ['e0d08b13c3330100c8b837659bba8fb4'],
    categories: [breakGlassCategory],
    availableFor: [requesterCriteria],
    requestMethod: 'request',
    hideAddToCart: true,
    hideQuantitySelector: true,
    hideSaveAsDraft: true,
    hideAddToWishList: true,
    meta: ['break-glass', 'entra', 'azure ad', 'group', 'pim for groups', 'temporary access'],
    variables: {
        requested_for: RequestedForVariable({
            question: 'Requested for',
            referenceQualCondition: 'active=true',
            defaultValue: 'javascript:gs.getUserID()',
            mandatory: true,
            order: 100,
        }),
        group_id: SingleLineTextVariable({
            question: 'Entra group object id',
            helpText: 'The object id (GUID) of the Entra group, as shown in the Entra admin center.',
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
            helpText: 'What you need to do and why it needs this group (at least 20 characters).',
            mandatory: true,
            order: 400,
        }),
        incident: ReferenceVariable({
            question: 'Related incident',
            referenceTable: 'incident',
            referenceQualCondition: 'active=true',
            order: 500,
        }),
        // Prefilled (with the incident) by "Request break-glass Entra group" on a P1 / P2 incident or incident task.
        emergency: CheckboxVariable({
            question: 'Emergency (production down)',
            helpText: 'Emergency requests need an incident and use the short emergency approval path.',
            order: 700,
        }),
    },
})

CatalogUiPolicy({
    $id: Now.ID['cat-policy-entra-group-emergency-incident'],
    shortDescription: 'Emergency Entra group requests need an incident',
    catalogItem: temporaryEntraGroup,
    global: false,
    catalogCondition: `${temporaryEntraGroup.variables.emergency}=true^EQ`,
    reverseIfFalse: true,
    onLoad: true,
    actions: [
        {
            variableName: temporaryEntraGroup.variables.incident,
            mandatory: true,
            variableMessage: 'An emergency request must reference the incident it resolves.',
            variableMessageType: 'info',
        },
    ],
})

CatalogClientScript({
    $id: Now.ID['cat-script-entra-group-submit'],
    name: 'Break-glass: validate before submit (Entra group)',
    type: 'onSubmit',
    catalogItem: temporaryEntraGroup,
    global: false,
    uiType: 'all',
    script: `function onSubmit() {
    var ok = true;
    var group = String(g_form.getValue('group_id') || '').trim();
    if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(group)) {
        g_form.showFieldMsg('group_id', 'Enter the group object id (a GUID).', 'error');
        ok = false;
    }
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
