import { Record } from '@servicenow/sdk/core'

/*
 * Where the break-glass items live and who may order them.
 *
 * - The items are placed in the platform's out-of-box "Service Catalog" (sc_catalog
 *   e0d08b13c3330100c8b837659bba8fb4, the same sys_id on every instance) under an app-owned category.
 * - Only holders of x_gbg_breakglass.requester (admin contains it) see and order them: user criteria, the
 *   platform mechanism for catalog visibility. Server-side enforcement (policy check on submit) does not
 *   rely on this.
 */

/** Out-of-box Service Catalog (sc_catalog), identical sys_id on every ServiceNow instance. */
export const SERVICE_CATALOG_SYS_ID = 'e0d08b13c3330100c8b837659bba8fb4'

export const breakGlassCategory = Record({
    $id: Now.ID['sc-category-break-glass'],
    table: 'sc_category',
    data: {
        title: 'Break-Glass Access',
        description: 'Temporary, approved and audited administrative access. Access is removed automatically.',
        sc_catalog: 'e0d08b13c3330100c8b837659bba8fb4',
        active: true,
    },
})

export const requesterCriteria = Record({
    $id: Now.ID['uc-break-glass-requesters'],
    table: 'user_criteria',
    data: {
        name: 'Break-glass requesters',
        short_description: 'Users holding x_gbg_breakglass.requester (or x_gbg_breakglass.admin).',
        active: true,
        match_all: false,
        role: Now.ref('sys_user_role', { name: 'x_gbg_breakglass.requester' }),
    },
})
