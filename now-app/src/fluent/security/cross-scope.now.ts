import { CrossScopePrivilege } from '@servicenow/sdk/core'

/*
 * Runtime access of the app's server code to platform (global) tables: what it reads to judge a request, the
 * approvals it creates and updates, the incidents it raises and resolves, the RITM work notes and assignment it
 * writes — and what it does for the executor, whose role touches no platform table (executor-api.ts: the gate
 * facts and the context, which also read groups and the session user's roles; ticket-update.ts: work notes,
 * incidents and the receipt attachment; vote-io.ts: delegated votes from sys_user_delegate; request.ts: who set an
 * incident's priority / assignment, from sys_audit). Nothing else (no delete anywhere). Written out one by one (no loops: see FLUENT-NOTES).
 */

CrossScopePrivilege({
    $id: Now.ID['xscope-sc_req_item-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sc_req_item',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sc_req_item-write'],
    operation: 'write',
    status: 'allowed',
    targetName: 'sc_req_item',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sc_cat_item-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sc_cat_item',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-incident-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'incident',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-incident-create'],
    operation: 'create',
    status: 'allowed',
    targetName: 'incident',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-incident-write'],
    operation: 'write',
    status: 'allowed',
    targetName: 'incident',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-change_request-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'change_request',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sysapproval_approver-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sysapproval_approver',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sysapproval_approver-create'],
    operation: 'create',
    status: 'allowed',
    targetName: 'sysapproval_approver',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sysapproval_approver-write'],
    operation: 'write',
    status: 'allowed',
    targetName: 'sysapproval_approver',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_user-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_user_grmember-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user_grmember',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-cmdb_ci_computer-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'cmdb_ci_computer',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_journal_field-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_journal_field',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_user_delegate-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user_delegate',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_audit-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_audit',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_user_group-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user_group',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_user_has_role-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user_has_role',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_user_role-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user_role',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_attachment-create'],
    operation: 'create',
    status: 'allowed',
    targetName: 'sys_attachment',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

CrossScopePrivilege({
    $id: Now.ID['xscope-sys_attachment-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_attachment',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

// Emergency requests from an incident task (emergency.ts): the task's parent incident and its active flag.
CrossScopePrivilege({
    $id: Now.ID['xscope-incident_task-read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'incident_task',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
