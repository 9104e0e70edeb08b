import { ApplicationMenu, Record } from '@servicenow/sdk/core'
import { adminRole, agentRole, approverRole, auditorRole, requesterRole, secopsRole } from '../security/roles.now'

/*
 * Navigator menu "Break-Glass Access". Every module is role-gated; the gates match the read ACLs (a module
 * shown to a role that cannot read the table would only show an empty list). The executor and proposer
 * roles are integration identities and get no menu.
 */
export const breakGlassMenu = ApplicationMenu({
    $id: Now.ID['menu-break-glass'],
    title: 'Break-Glass Access',
    hint: 'Temporary, approved and audited administrative access',
    description: 'Grants, the executor queue, policies and the audit trail of governed break-glass access.',
    roles: [requesterRole, approverRole, agentRole, secopsRole, auditorRole, adminRole],
    active: true,
    order: 100,
})

Record({
    $id: Now.ID['module-my-grants'],
    table: 'sys_app_module',
    data: {
        title: 'My grants',
        application: breakGlassMenu,
        link_type: 'FILTER',
        name: 'x_gbg_breakglass_grant',
        filter: 'requested_for=javascript:gs.getUserID()^ORopened_by=javascript:gs.getUserID()^ORDERBYDESCsys_created_on',
        hint: 'Grants requested for or by me',
        roles: ['x_gbg_breakglass.requester'],
        active: true,
        order: 100,
    },
})

Record({
    $id: Now.ID['module-all-grants'],
    table: 'sys_app_module',
    data: {
        title: 'All grants',
        application: breakGlassMenu,
        link_type: 'LIST',
        name: 'x_gbg_breakglass_grant',
        hint: 'Every break-glass grant',
        roles: [
            'x_gbg_breakglass.approver',
            'x_gbg_breakglass.agent',
            'x_gbg_breakglass.secops',
            'x_gbg_breakglass.auditor',
        ],
        active: true,
        order: 200,
    },
})

Record({
    $id: Now.ID['module-active-grants'],
    table: 'sys_app_module',
    data: {
        title: 'Active grants',
        application: breakGlassMenu,
        link_type: 'FILTER',
        name: 'x_gbg_breakglass_grant',
        filter: 'stateINgranting,active,revoking,revoke_failed^ORDERBYexpires_at',
        hint: 'Grants whose access may exist right now',
        roles: [
            'x_gbg_breakglass.approver',
            'x_gbg_breakglass.agent',
            'x_gbg_breakglass.secops',
            'x_gbg_breakglass.auditor',
        ],
        active: true,
        order: 300,
    },
})

Record({
    $id: Now.ID['module-queue'],
    table: 'sys_app_module',
    data: {
        title: 'Queue',
        application: breakGlassMenu,
        link_type: 'FILTER',
        name: 'x_gbg_breakglass_action',
        filter: 'stateINready,claimed,failed^ORDERBYpriority^ORDERBYnot_before',
        hint: 'Executor actions not finished yet',
        roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.auditor'],
        active: true,
        order: 400,
    },
})

Record({
    $id: Now.ID['module-dead-actions'],
    table: 'sys_app_module',
    data: {
        title: 'Dead actions',
        application: breakGlassMenu,
        link_type: 'FILTER',
        name: 'x_gbg_breakglass_action',
        filter: 'state=dead^ORDERBYDESCsys_updated_on',
        hint: 'Actions that exhausted their attempts and need a human',
        roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.auditor'],
        active: true,
        order: 500,
    },
})

Record({
    $id: Now.ID['module-policies'],
    table: 'sys_app_module',
    data: {
        title: 'Policies',
        application: breakGlassMenu,
        link_type: 'LIST',
        name: 'x_gbg_breakglass_policy',
        hint: 'Break-glass policy as data',
        roles: ['x_gbg_breakglass.secops', 'x_gbg_breakglass.auditor', 'x_gbg_breakglass.approver'],
        active: true,
        order: 600,
    },
})

Record({
    $id: Now.ID['module-audit-events'],
    table: 'sys_app_module',
    data: {
        title: 'Audit events',
        application: breakGlassMenu,
        link_type: 'LIST',
        name: 'x_gbg_breakglass_audit_event',
        hint: 'Append-only, hash-chained audit trail',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        active: true,
        order: 700,
    },
})

Record({
    $id: Now.ID['module-executors'],
    table: 'sys_app_module',
    data: {
        title: 'Executors',
        application: breakGlassMenu,
        link_type: 'LIST',
        name: 'x_gbg_breakglass_executor',
        hint: 'Executor instances and their last heartbeat',
        roles: ['x_gbg_breakglass.agent', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.auditor'],
        active: true,
        order: 800,
    },
})

/*
 * The app's system-properties page (properties/properties-page.now.ts): the kill switch and every setting, for SecOps
 * and admins (who may change each is the property's write roles). A direct link to the platform's properties page.
 */
Record({
    $id: Now.ID['module-properties'],
    table: 'sys_app_module',
    data: {
        title: 'Properties',
        application: breakGlassMenu,
        link_type: 'DIRECT',
        query: 'system_properties_ui.do?sysparm_category=Break-Glass%20Access&sysparm_title=Break-Glass%20Access%20properties',
        hint: 'Kill switch, SecOps group, durations and timeouts of break-glass access',
        roles: ['x_gbg_breakglass.secops', 'x_gbg_breakglass.admin'],
        active: true,
        order: 900,
    },
})
