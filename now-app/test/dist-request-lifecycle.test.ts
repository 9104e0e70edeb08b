import { describe, expect, it } from 'vitest'
import { CATALOG_ITEM, PLATFORM_TABLE, PROPERTY, TABLE } from '../../shared/src/schema'
import { loadAppDist } from '../../test/support/app-dist'

/*
 * The request's own lifecycle on the platform, as built (issue 11, section 3): which RITMs the app's rule takes, the
 * catalog items' fulfilment (none attached), the Requested For variable, the workspace buttons, the properties page
 * and the catalog ATF tests. A passing build proves little (FLUENT-NOTES): these read now-app/dist.
 */
const dist = loadAppDist()

const item = (name: string) => {
    const found = dist.records('sc_cat_item').filter((i) => i.name === name)
    expect(found, name).toHaveLength(1)
    return found[0]!
}
const localAdmin = item(CATALOG_ITEM.localAdmin.name)
const entraRole = item(CATALOG_ITEM.entraRole.name)
const entraGroup = item(CATALOG_ITEM.entraGroup.name)
const consoleItem = item(CATALOG_ITEM.console.name)
const allItems = [localAdmin, entraRole, entraGroup, consoleItem]
const variableId = (catItem: Record<string, string>, name: string): string => {
    const found = dist.records('item_option_new').filter((v) => v.cat_item === catItem.sys_id && v.name === name)
    expect(found, `${catItem.name}.${name}`).toHaveLength(1)
    return found[0]!.sys_id!
}

describe('catalog requests: which RITMs the app takes, and what fulfils them', () => {
    it('the RITM rule runs only for the break-glass items (a filter on their sys_ids, not every RITM)', () => {
        const rules = dist.records('sys_script').filter((r) => r.collection === PLATFORM_TABLE.ritm)
        expect(rules.map((r) => r.name)).toEqual(['Break-glass: catalog request creates a grant'])
        expect(rules[0]!.filter_condition).toBe(`${allItems.map((i) => `cat_item=${i.sys_id}`).join('^OR')}^EQ`)
        // Every item of the contract, and nothing else.
        expect(allItems.map((i) => i.name).sort()).toEqual(Object.values(CATALOG_ITEM).map((i) => i.name).sort())
        // The filter alone decides (no script condition that could widen or silently narrow it).
        expect(rules[0]!.condition).toBe('')
    })

    it('neither item names a flow, workflow or delivery plan: no platform fulfilment is attached to their RITMs', () => {
        for (const i of allItems) {
            expect(i.flow_designer_flow, i.name).toBe('')
            expect(i.workflow, i.name).toBe('')
            expect(i.delivery_plan, i.name).toBe('')
            expect(i.delivery_plan_script, i.name).toBe('')
        }
    })

    it('"Requested for" is a Requested For variable (type 31) on both items, defaulting to the person ordering', () => {
        for (const i of allItems) {
            const v = dist.records('item_option_new').find((r) => r.cat_item === i.sys_id && r.name === 'requested_for')
            expect(v, i.name).toMatchObject({
                type: '31',
                reference: 'sys_user',
                mandatory: 'true',
                default_value: 'javascript:gs.getUserID()',
            })
        }
    })

    it('no catalog client script reads the page (DOM, window, location): the incident prefill is the URL', () => {
        const scripts = dist.records('catalog_script_client')
        expect(scripts.length).toBeGreaterThan(0)
        for (const s of scripts) {
            expect(s.script, s.name).not.toMatch(/\b(window|document|top|location|parent)\s*\./)
            expect(s.script, s.name).not.toMatch(/sysparm_incident|sysparm_emergency/)
        }
    })
})

describe('UI actions in Service Operations Workspace', () => {
    it('every action is a form button in configurable workspaces as well as on the classic form', () => {
        const expected = [
            'incident:Request break-glass access',
            'incident:Request break-glass Entra role',
            'incident:Request break-glass Entra group',
            'incident:Request emergency console action',
            'incident_task:Request break-glass access',
            'incident_task:Request break-glass Entra role',
            'incident_task:Request break-glass Entra group',
            'incident_task:Request emergency console action',
            'sc_req_item:Cancel break-glass request',
            'sc_req_item:Revoke break-glass access now',
            'x_gbg_breakglass_grant:Cancel before start',
            'x_gbg_breakglass_grant:Extend (30 more minutes)',
            'x_gbg_breakglass_grant:Revoke now',
        ]
        const actions = dist.records('sys_ui_action')
        // Every action but "Verify audit chain" (an auditors' form button, checked in dist-audit.test.ts).
        const others = actions.filter((a) => !(a.table === TABLE.grant && a.name === 'Verify audit chain'))
        expect(others.map((a) => `${a.table}:${a.name}`).sort()).toEqual([...expected].sort())
        for (const key of expected) {
            const found = actions.filter((a) => `${a.table}:${a.name}` === key)
            expect(found, key).toHaveLength(1)
            expect(found[0], key).toMatchObject({
                form_button: 'true',
                form_button_v2: 'true',
                format_for_configurable_workspace: 'true',
                show_insert: 'false',
            })
        }
    })
})

describe('system properties page', () => {
    it('a properties category lists every property of the app, opened by a SecOps / admin menu module', () => {
        const categories = dist.records('sys_properties_category')
        expect(categories.map((c) => c.name)).toEqual(['Break-Glass Access'])
        const props = new Map(dist.records('sys_properties').map((p) => [p.sys_id, p.name]))
        const listed = dist
            .records('sys_properties_category_m2m')
            .filter((m) => m.category === categories[0]!.sys_id)
            .map((m) => props.get(m.property ?? ''))
        expect(listed.sort()).toEqual(Object.values(PROPERTY).sort())
        const modules = dist.records('sys_app_module').filter((m) => m.title === 'Properties')
        expect(modules).toHaveLength(1)
        expect(modules[0]).toMatchObject({
            link_type: 'DIRECT',
            query: 'system_properties_ui.do?sysparm_category=Break-Glass%20Access&sysparm_title=Break-Glass%20Access%20properties',
            active: 'true',
        })
        expect((modules[0]!.roles ?? '').split(',').sort()).toEqual([
            'x_gbg_breakglass.admin',
            'x_gbg_breakglass.secops',
        ])
    })
})

describe('ATF: each catalog item ordered through the catalog', () => {
    const tests = dist.records('sys_atf_test')
    const stepsOf = (testName: string) => {
        const test = tests.find((t) => t.name === testName)
        expect(test, testName).toBeDefined()
        return dist
            .records('sys_atf_step')
            .filter((s) => s.test === test!.sys_id)
            .sort((a, b) => Number(a.order) - Number(b.order))
    }
    const valuesOf = (stepSysId: string) =>
        dist
            .records('sys_variable_value')
            .filter((v) => v.document_key === stepSysId)
            .map((v) => v.value ?? '')

    const cases: [string, Record<string, string>, [string, string][], string][] = [
        [
            'Break-glass: ordering "Temporary local admin access" from the catalog reaches awaiting approval',
            localAdmin,
            [
                ['device', 'a7fbc000000000000000000000000c01'],
                ['duration_minutes', '30'],
                ['justification', 'ATF catalog order: local admin to reinstall the signed scanner driver'],
            ],
            "String(grant.getValue('target_ci')) !== 'a7fbc000000000000000000000000c01'",
        ],
        [
            'Break-glass: ordering "Temporary Entra role" from the catalog reaches awaiting approval',
            entraRole,
            [
                ['role', '729827e3-9c14-49f7-bb1b-9608f156bbb8'],
                ['duration_minutes', '30'],
                ['justification', 'ATF catalog order: Entra helpdesk role to reset a locked account'],
            ],
            "String(grant.getValue('target_role_id')) !== '729827e3-9c14-49f7-bb1b-9608f156bbb8'",
        ],
    ]
    for (const [name, catItem, variables, targetCheck] of cases) {
        it(`${catItem.name}: opens the item, sets its variables by their built sys_ids, orders it, then checks the server`, () => {
            const steps = stepsOf(name)
            const values = steps.map((s) => valuesOf(s.sys_id!))
            // The open / set / order steps name this item and come in that order, before the server check.
            const openAt = values.findIndex((v) => v.includes(catItem.sys_id!) && v.length === 1)
            const setAt = values.findIndex((v) => v.some((x) => x.startsWith('IO:')))
            const orderAt = values.findIndex((v) => v.length === 1 && v[0] === 'form_submitted_to_server')
            const checkAt = values.findIndex((v) => v.some((x) => x.includes('stepResult')))
            expect(openAt, 'open step').toBeGreaterThanOrEqual(0)
            expect(openAt).toBeLessThan(setAt)
            expect(setAt).toBeLessThan(orderAt)
            expect(orderAt).toBeLessThan(checkAt)
            expect(values[setAt]).toContain(catItem.sys_id)
            // Every IO:<sys_id> is a variable of this item, with the literal value the check looks for.
            const io = values[setAt]!.find((x) => x.startsWith('IO:'))!
            const expected =
                variables.map(([variable, value]) => `IO:${variableId(catItem, variable)}=${value}`).join('^') + '^EQ'
            expect(io).toBe(expected)
            // The server check: the grant this order made (by its justification) awaits approval, the RITM shows it
            // for the requester, the manager's approval carries the plan digest.
            const check = values[checkAt]!.find((x) => x.includes('stepResult'))!
            const justification = variables.find(([v]) => v === 'justification')![1]
            expect(check).toContain(`var JUSTIFICATION = '${justification}';`)
            expect(check).toContain(targetCheck)
            for (const fact of [
                "!== 'awaiting_approval'",
                "String(ritm.getValue('stage')) !== 'waiting_for_approval'",
                "String(ritm.getValue('approval')) !== 'requested'",
                "String(ritm.getValue('requested_for')) !== String(grant.getValue('requested_for'))",
                "approval.addQuery('document_id', grant.getUniqueValue());",
                "plan.addQuery('value', 'CONTAINS', String(grant.getValue('plan_digest')));",
            ])
                expect(check, fact).toContain(fact)
        })
    }
})
