import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { requesterRole } from '../security/roles.now'

/*
 * ATF: each catalog item ordered through the catalog, as a requester does (open the item, fill the variables, Order
 * Now), then checked on the server: the async RITM rule made a grant, the policy allowed it, the plan is frozen,
 * the RITM shows "waiting for approval" for the right person, and the manager's approval record carries the plan
 * with its digest. Run on an instance after install (x_gbg_breakglass.secops_group must be set: without it every
 * request is refused).
 *
 * Everything a step needs is written literally (template literals in record values are dropped by the build; see
 * FLUENT-NOTES) or given as sys_ids (the steps take no CatalogItem object): the items' and variables' sys_ids (item_option_new, from generated/keys.ts), fixed sys_ids for the device and
 * the resolver group the test inserts, and the justification each check looks its grant up by. The dist test checks
 * the variable sys_ids against the built items.
 */

const LOCAL_ADMIN_POLICY = {
    name: 'ATF catalog local admin',
    active: true,
    order: 1,
    target_kind: 'device_local_admin',
    min_duration: 5,
    max_duration: 60,
    emergency_max_duration: 30,
    corp_managed_only: false,
    change_required_for_servers: false,
    change_required_for_production: false,
    incident_required_for_emergency: true,
    approval_timeout_minutes: 60,
    emergency_approval_timeout_minutes: 5,
}

const ENTRA_ROLE_POLICY = {
    name: 'ATF catalog Entra role',
    active: true,
    order: 1,
    target_kind: 'entra_role',
    min_duration: 5,
    max_duration: 60,
    emergency_max_duration: 30,
    allowed_roles: '{"a7fbc00000000000000000000000e001":["729827e3-9c14-49f7-bb1b-9608f156bbb8"]}',
    incident_required_for_emergency: true,
    approval_timeout_minutes: 60,
    emergency_approval_timeout_minutes: 5,
}

Test(
    {
        $id: Now.ID['atf-catalog-order-local-admin'],
        name: 'Break-glass: ordering "Temporary local admin access" from the catalog reaches awaiting approval',
        description:
            'Orders the local-admin item through the catalog as a requester (device, 30 minutes, justification) and checks on the server that its grant awaits the manager, the RITM shows stage waiting_for_approval and approval requested for the requester, and the approval record shows the plan digest.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.recordInsert({
            $id: Now.ID['atf-cat-la-policy'],
            table: 'x_gbg_breakglass_policy',
            fieldValues: LOCAL_ADMIN_POLICY,
            enforceSecurity: false,
        })
        atf.server.recordInsert({
            $id: Now.ID['atf-cat-la-ci'],
            table: 'cmdb_ci_computer',
            fieldValues: { sys_id: 'a7fbc000000000000000000000000c01', name: 'ATF-CAT-PC-1', install_status: 1 },
            enforceSecurity: false,
        })
        const manager = atf.server.createUser({
            $id: Now.ID['atf-cat-la-manager'],
            firstName: 'ATF',
            lastName: 'Catalog Manager',
            impersonate: false,
        })
        atf.server.createUser({
            $id: Now.ID['atf-cat-la-requester'],
            firstName: 'ATF',
            lastName: 'Catalog Requester',
            fieldValues: { manager: manager.user },
            roles: [requesterRole],
            impersonate: true,
        })
        atf.catalog.openCatalogItem({ $id: Now.ID['atf-cat-la-open'], catalogItem: 'bb349d9e0f6b45de958e641a0f6fa2c1' })
        atf.catalog.setVariableValue({
            $id: Now.ID['atf-cat-la-variables'],
            catalogItem: 'bb349d9e0f6b45de958e641a0f6fa2c1',
            variableValues:
                'IO:db3fcb1a1b89465eb7e481e85d042ebc=a7fbc000000000000000000000000c01^IO:0cfa3c0a50b24bbd987123a27cf33f84=30^IO:e90467f7989147eeae2a0f2f35b3fa91=ATF catalog order: local admin to reinstall the signed scanner driver^EQ',
        })
        atf.catalog.orderCatalogItem({ $id: Now.ID['atf-cat-la-order'], assert: 'form_submitted_to_server' })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-cat-la-check'],
            script: '(function(outputs, steps, params, stepResult, assertEqual) {\n    var JUSTIFICATION = \'ATF catalog order: local admin to reinstall the signed scanner driver\';\n    var deadline = new GlideDateTime();\n    deadline.addSeconds(120);\n    var grant = null;\n    while (grant === null) {\n        var g = new GlideRecord(\'x_gbg_breakglass_grant\');\n        g.addQuery(\'justification\', JUSTIFICATION);\n        g.query();\n        if (g.next() && String(g.getValue(\'state\')) !== \'requested\') grant = g;\n        else if (new GlideDateTime().after(deadline)) {\n            stepResult.setOutputMessage(\'No grant was judged for the ordered item within 120 s (the async RITM rule did not run).\');\n            return false;\n        }\n    }\n    var fail = function (message) { stepResult.setOutputMessage(message); return false; };\n    if (String(grant.getValue(\'state\')) !== \'awaiting_approval\') return fail(\'Grant \' + grant.getValue(\'number\') + \' is \' + grant.getValue(\'state\') + \', not awaiting_approval: \' + grant.getValue(\'last_error\'));\n    if (!grant.getValue(\'plan\') || !grant.getValue(\'plan_digest\')) return fail(\'The grant has no frozen plan.\');\n    if (String(grant.getValue(\'target_kind\')) !== \'device_local_admin\' || String(grant.getValue(\'target_ci\')) !== \'a7fbc000000000000000000000000c01\') return fail(\'The grant does not target the ordered device.\');\n    var ritm = new GlideRecord(\'sc_req_item\');\n    if (!ritm.get(String(grant.getValue(\'ritm\')))) return fail(\'The grant has no RITM.\');\n    if (String(ritm.getValue(\'requested_for\')) !== String(grant.getValue(\'requested_for\'))) return fail(\'RITM requested_for is not the grant requested_for.\');\n    if (String(ritm.getValue(\'stage\')) !== \'waiting_for_approval\') return fail(\'RITM stage is \' + ritm.getValue(\'stage\') + \', not waiting_for_approval.\');\n    if (String(ritm.getValue(\'approval\')) !== \'requested\') return fail(\'RITM approval is \' + ritm.getValue(\'approval\') + \', not requested.\');\n    var approval = new GlideRecord(\'sysapproval_approver\');\n    approval.addQuery(\'source_table\', \'x_gbg_breakglass_grant\');\n    approval.addQuery(\'document_id\', grant.getUniqueValue());\n    approval.addQuery(\'state\', \'requested\');\n    approval.query();\n    if (!approval.next()) return fail(\'No open approval for the grant.\');\n    var requester = new GlideRecord(\'sys_user\');\n    if (!requester.get(String(grant.getValue(\'requested_for\'))) || String(requester.getValue(\'manager\')) !== String(approval.getValue(\'approver\'))) return fail(\'The approval is not assigned to the requester manager.\');\n    var plan = new GlideRecord(\'sys_journal_field\');\n    plan.addQuery(\'name\', \'sysapproval_approver\');\n    plan.addQuery(\'element_id\', approval.getUniqueValue());\n    plan.addQuery(\'element\', \'comments\');\n    plan.addQuery(\'value\', \'CONTAINS\', String(grant.getValue(\'plan_digest\')));\n    plan.query();\n    if (!plan.next()) return fail(\'The approval record does not show the plan with its digest.\');\n    stepResult.setOutputMessage(grant.getValue(\'number\') + \' awaits approval by the manager with the plan on the approval record.\');\n    return true;\n})(outputs, steps, params, stepResult, assertEqual);\n',
        })
    },
)

Test(
    {
        $id: Now.ID['atf-catalog-order-entra-role'],
        name: 'Break-glass: ordering "Temporary Entra role" from the catalog reaches awaiting approval',
        description:
            'Orders the Entra-role item through the catalog as a requester in a group the policy allows the Helpdesk Administrator role, and checks on the server that its grant awaits the manager, the RITM shows stage waiting_for_approval and approval requested for the requester, and the approval record shows the plan digest.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.recordInsert({
            $id: Now.ID['atf-cat-er-policy'],
            table: 'x_gbg_breakglass_policy',
            fieldValues: ENTRA_ROLE_POLICY,
            enforceSecurity: false,
        })
        atf.server.recordInsert({
            $id: Now.ID['atf-cat-er-group'],
            table: 'sys_user_group',
            fieldValues: { sys_id: 'a7fbc00000000000000000000000e001', name: 'ATF catalog resolvers', active: true },
            enforceSecurity: false,
        })
        const manager = atf.server.createUser({
            $id: Now.ID['atf-cat-er-manager'],
            firstName: 'ATF',
            lastName: 'Role Manager',
            impersonate: false,
        })
        const requester = atf.server.createUser({
            $id: Now.ID['atf-cat-er-requester'],
            firstName: 'ATF',
            lastName: 'Role Requester',
            fieldValues: { manager: manager.user },
            roles: [requesterRole],
            impersonate: false,
        })
        atf.server.recordInsert({
            $id: Now.ID['atf-cat-er-membership'],
            table: 'sys_user_grmember',
            fieldValues: { user: requester.user, group: 'a7fbc00000000000000000000000e001' },
            enforceSecurity: false,
        })
        atf.server.impersonate({ $id: Now.ID['atf-cat-er-as-requester'], user: requester.user })
        atf.catalog.openCatalogItem({ $id: Now.ID['atf-cat-er-open'], catalogItem: '343034545f4e4bffab7562f501a4bf1a' })
        atf.catalog.setVariableValue({
            $id: Now.ID['atf-cat-er-variables'],
            catalogItem: '343034545f4e4bffab7562f501a4bf1a',
            variableValues:
                'IO:5ca5ceb8114449619aebb561283eba80=729827e3-9c14-49f7-bb1b-9608f156bbb8^IO:592253969f3745378db95bf0972084ff=30^IO:b1434e2801bd4f2b9fe7d62998fec5df=ATF catalog order: Entra helpdesk role to reset a locked account^EQ',
        })
        atf.catalog.orderCatalogItem({ $id: Now.ID['atf-cat-er-order'], assert: 'form_submitted_to_server' })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-cat-er-check'],
            script: '(function(outputs, steps, params, stepResult, assertEqual) {\n    var JUSTIFICATION = \'ATF catalog order: Entra helpdesk role to reset a locked account\';\n    var deadline = new GlideDateTime();\n    deadline.addSeconds(120);\n    var grant = null;\n    while (grant === null) {\n        var g = new GlideRecord(\'x_gbg_breakglass_grant\');\n        g.addQuery(\'justification\', JUSTIFICATION);\n        g.query();\n        if (g.next() && String(g.getValue(\'state\')) !== \'requested\') grant = g;\n        else if (new GlideDateTime().after(deadline)) {\n            stepResult.setOutputMessage(\'No grant was judged for the ordered item within 120 s (the async RITM rule did not run).\');\n            return false;\n        }\n    }\n    var fail = function (message) { stepResult.setOutputMessage(message); return false; };\n    if (String(grant.getValue(\'state\')) !== \'awaiting_approval\') return fail(\'Grant \' + grant.getValue(\'number\') + \' is \' + grant.getValue(\'state\') + \', not awaiting_approval: \' + grant.getValue(\'last_error\'));\n    if (!grant.getValue(\'plan\') || !grant.getValue(\'plan_digest\')) return fail(\'The grant has no frozen plan.\');\n    if (String(grant.getValue(\'target_kind\')) !== \'entra_role\' || String(grant.getValue(\'target_role_id\')) !== \'729827e3-9c14-49f7-bb1b-9608f156bbb8\') return fail(\'The grant does not target the ordered Entra role.\');\n    var ritm = new GlideRecord(\'sc_req_item\');\n    if (!ritm.get(String(grant.getValue(\'ritm\')))) return fail(\'The grant has no RITM.\');\n    if (String(ritm.getValue(\'requested_for\')) !== String(grant.getValue(\'requested_for\'))) return fail(\'RITM requested_for is not the grant requested_for.\');\n    if (String(ritm.getValue(\'stage\')) !== \'waiting_for_approval\') return fail(\'RITM stage is \' + ritm.getValue(\'stage\') + \', not waiting_for_approval.\');\n    if (String(ritm.getValue(\'approval\')) !== \'requested\') return fail(\'RITM approval is \' + ritm.getValue(\'approval\') + \', not requested.\');\n    var approval = new GlideRecord(\'sysapproval_approver\');\n    approval.addQuery(\'source_table\', \'x_gbg_breakglass_grant\');\n    approval.addQuery(\'document_id\', grant.getUniqueValue());\n    approval.addQuery(\'state\', \'requested\');\n    approval.query();\n    if (!approval.next()) return fail(\'No open approval for the grant.\');\n    var requester = new GlideRecord(\'sys_user\');\n    if (!requester.get(String(grant.getValue(\'requested_for\'))) || String(requester.getValue(\'manager\')) !== String(approval.getValue(\'approver\'))) return fail(\'The approval is not assigned to the requester manager.\');\n    var plan = new GlideRecord(\'sys_journal_field\');\n    plan.addQuery(\'name\', \'sysapproval_approver\');\n    plan.addQuery(\'element_id\', approval.getUniqueValue());\n    plan.addQuery(\'element\', \'comments\');\n    plan.addQuery(\'value\', \'CONTAINS\', String(grant.getValue(\'plan_digest\')));\n    plan.query();\n    if (!plan.next()) return fail(\'The approval record does not show the plan with its digest.\');\n    stepResult.setOutputMessage(grant.getValue(\'number\') + \' awaits approval by the manager with the plan on the approval record.\');\n    return true;\n})(outputs, steps, params, stepResult, assertEqual);\n',
        })
    },
)
