/**
 * Fixture schema of the platform tables the app and the executor touch (everything outside the app scope,
 * which comes from the built app in `now-app/dist`). A deliberately small subset of the real dictionary: the
 * columns this project reads or writes, plus the ones a realistic record carries. A column that is not listed
 * here cannot be written through the emulator (silently ignored, as the Table API does for unknown fields) —
 * add it here when the product starts using it.
 *
 * Decisions (documented in README.md):
 * - Device class: `cmdb_ci_computer.u_device_class` (choices `server`, `workstation`, `laptop`, `virtual_desktop`)
 *   is a custom column the customer keeps; production is `used_for = Production`. Servers may also be stored in
 *   `cmdb_ci_server` (which extends `cmdb_ci_computer`, so they appear in computer queries as on an instance).
 * - Journal columns (`work_notes`, `comments`) have type `journal_input`: writes become journal entries and
 *   reads answer "".
 */

/** One column of a platform table. */
export interface PlatformField {
    name: string
    type: string
    label?: string
    /** Referenced table, for `reference` columns. */
    reference?: string
    defaultValue?: string
    /** Choice values, with their display labels. */
    choices?: [value: string, label: string][]
    maxLength?: number
}

/** One platform table. Fields of `superClass` are inherited (table-per-hierarchy, as on the instance). */
export interface PlatformTable {
    name: string
    label: string
    superClass?: string
    /** Allow access to this table via web services (sys_db_object.ws_access). */
    wsAccess: boolean
    /** Auto-number prefix of the `number` column, e.g. `INC` → INC0010001. */
    numberPrefix?: string
    /** First number handed out. */
    numberStart?: number
    /** Column whose value is the record's display value (reference `display_value`). */
    displayField: string
    fields: PlatformField[]
}

const TASK_STATES: [string, string][] = [
    ['-5', 'Pending'],
    ['1', 'Open'],
    ['2', 'Work in Progress'],
    ['3', 'Closed Complete'],
    ['4', 'Closed Incomplete'],
    ['7', 'Closed Skipped'],
]

const PRIORITIES: [string, string][] = [
    ['1', '1 - Critical'],
    ['2', '2 - High'],
    ['3', '3 - Moderate'],
    ['4', '4 - Low'],
    ['5', '5 - Planning'],
]

const APPROVAL: [string, string][] = [
    ['not requested', 'Not Yet Requested'],
    ['requested', 'Requested'],
    ['approved', 'Approved'],
    ['rejected', 'Rejected'],
    ['cancelled', 'Cancelled'],
]

/** The platform tables, parents before children. */
export const PLATFORM_TABLES: PlatformTable[] = [
    {
        name: 'sys_user',
        label: 'User',
        wsAccess: true,
        displayField: 'name',
        fields: [
            { name: 'user_name', type: 'string', maxLength: 40 },
            { name: 'first_name', type: 'string', maxLength: 50 },
            { name: 'last_name', type: 'string', maxLength: 50 },
            // Computed from first and last name on every write, as the platform does.
            { name: 'name', type: 'string', maxLength: 151 },
            { name: 'email', type: 'email', maxLength: 100 },
            { name: 'active', type: 'boolean', defaultValue: 'true' },
            { name: 'locked_out', type: 'boolean', defaultValue: 'false' },
            { name: 'vip', type: 'boolean', defaultValue: 'false' },
            { name: 'manager', type: 'reference', reference: 'sys_user' },
            { name: 'title', type: 'string', maxLength: 60 },
            { name: 'department', type: 'string', maxLength: 32 },
            { name: 'employee_number', type: 'string', maxLength: 100 },
            { name: 'time_zone', type: 'string', maxLength: 40 },
        ],
    },
    {
        name: 'sys_user_group',
        label: 'Group',
        wsAccess: true,
        displayField: 'name',
        fields: [
            { name: 'name', type: 'string', maxLength: 80 },
            { name: 'description', type: 'string', maxLength: 1000 },
            { name: 'active', type: 'boolean', defaultValue: 'true' },
            { name: 'manager', type: 'reference', reference: 'sys_user' },
            { name: 'email', type: 'email', maxLength: 100 },
            { name: 'type', type: 'string', maxLength: 1024 },
        ],
    },
    {
        name: 'sys_user_grmember',
        label: 'Group Member',
        wsAccess: true,
        displayField: 'sys_id',
        fields: [
            { name: 'user', type: 'reference', reference: 'sys_user' },
            { name: 'group', type: 'reference', reference: 'sys_user_group' },
        ],
    },
    {
        name: 'sys_user_role',
        label: 'Role',
        wsAccess: true,
        displayField: 'name',
        fields: [
            { name: 'name', type: 'string', maxLength: 100 },
            { name: 'description', type: 'string', maxLength: 1000 },
            { name: 'elevated_privilege', type: 'boolean', defaultValue: 'false' },
        ],
    },
    {
        name: 'sys_user_has_role',
        label: 'User Role',
        wsAccess: true,
        displayField: 'sys_id',
        fields: [
            { name: 'user', type: 'reference', reference: 'sys_user' },
            { name: 'role', type: 'reference', reference: 'sys_user_role' },
            { name: 'inherited', type: 'boolean', defaultValue: 'false' },
            { name: 'state', type: 'string', defaultValue: 'active' },
        ],
    },
    {
        // Delegation (User > Delegates): `delegate` may act for `user` between `starts` and `ends` (empty = no
        // bound) in what the flags allow; with `approvals` the delegate may act on the user's approvals.
        // Docs "Delegate approvals and tasks to another user" / "Service Delegation":
        // https://www.servicenow.com/docs/r/australia/servicenow-platform/self-service/t_DelegateApprovalsTasks.html
        name: 'sys_user_delegate',
        label: 'Delegate',
        wsAccess: true,
        displayField: 'sys_id',
        fields: [
            { name: 'user', type: 'reference', reference: 'sys_user' },
            { name: 'delegate', type: 'reference', reference: 'sys_user' },
            { name: 'starts', type: 'glide_date_time' },
            { name: 'ends', type: 'glide_date_time' },
            { name: 'approvals', type: 'boolean', defaultValue: 'true' },
            { name: 'assignments', type: 'boolean', defaultValue: 'true' },
            { name: 'notifications', type: 'boolean', defaultValue: 'true' },
            { name: 'invitations', type: 'boolean', defaultValue: 'true' },
        ],
    },
    {
        // The app resolves its own catalog items by name (RITM rule, emergency action).
        name: 'sc_cat_item',
        label: 'Catalog Item',
        wsAccess: true,
        displayField: 'name',
        fields: [
            { name: 'name', type: 'string', maxLength: 100 },
            { name: 'short_description', type: 'string', maxLength: 160 },
            { name: 'active', type: 'boolean', defaultValue: 'true' },
        ],
    },
    {
        name: 'cmdb_ci',
        label: 'Configuration Item',
        wsAccess: true,
        displayField: 'name',
        fields: [
            { name: 'name', type: 'string', maxLength: 255 },
            { name: 'sys_class_name', type: 'sys_class_name', maxLength: 80 },
            { name: 'serial_number', type: 'string', maxLength: 255 },
            {
                name: 'install_status',
                type: 'integer',
                defaultValue: '1',
                choices: [
                    ['1', 'Installed'],
                    ['3', 'In Maintenance'],
                    ['6', 'In Stock'],
                    ['7', 'Retired'],
                ],
            },
            {
                name: 'operational_status',
                type: 'integer',
                defaultValue: '1',
                choices: [
                    ['1', 'Operational'],
                    ['2', 'Non-Operational'],
                    ['6', 'Retired'],
                ],
            },
            {
                name: 'used_for',
                type: 'string',
                defaultValue: 'Production',
                choices: [
                    ['Production', 'Production'],
                    ['Staging', 'Staging'],
                    ['QA', 'QA'],
                    ['Test', 'Test'],
                    ['Development', 'Development'],
                    ['Demonstration', 'Demonstration'],
                    ['Training', 'Training'],
                    ['Disaster recovery', 'Disaster recovery'],
                ],
            },
            { name: 'assigned_to', type: 'reference', reference: 'sys_user' },
            { name: 'support_group', type: 'reference', reference: 'sys_user_group' },
            { name: 'company', type: 'string', maxLength: 32 },
        ],
    },
    {
        name: 'cmdb_ci_computer',
        label: 'Computer',
        superClass: 'cmdb_ci',
        wsAccess: true,
        displayField: 'name',
        fields: [
            { name: 'os', type: 'string', maxLength: 40 },
            { name: 'os_version', type: 'string', maxLength: 40 },
            { name: 'classification', type: 'string', maxLength: 40 },
            {
                name: 'u_device_class',
                type: 'string',
                label: 'Device class',
                choices: [
                    ['server', 'Server'],
                    ['workstation', 'Workstation'],
                    ['laptop', 'Laptop'],
                    ['virtual_desktop', 'Virtual desktop'],
                ],
            },
            { name: 'u_corp_managed', type: 'boolean', label: 'Corporate-managed', defaultValue: 'true' },
            { name: 'u_intune_device_id', type: 'string', label: 'Intune device id', maxLength: 64 },
            { name: 'u_entra_device_id', type: 'string', label: 'Entra device id', maxLength: 64 },
        ],
    },
    {
        name: 'cmdb_ci_server',
        label: 'Server',
        superClass: 'cmdb_ci_computer',
        wsAccess: true,
        displayField: 'name',
        fields: [],
    },
    {
        name: 'task',
        label: 'Task',
        wsAccess: true,
        numberPrefix: 'TASK',
        numberStart: 10001,
        displayField: 'number',
        fields: [
            { name: 'number', type: 'string', maxLength: 40 },
            { name: 'sys_class_name', type: 'sys_class_name', maxLength: 80 },
            { name: 'short_description', type: 'string', maxLength: 160 },
            { name: 'description', type: 'string', maxLength: 4000 },
            { name: 'state', type: 'integer', defaultValue: '1', choices: TASK_STATES },
            { name: 'active', type: 'boolean', defaultValue: 'true' },
            { name: 'priority', type: 'integer', defaultValue: '4', choices: PRIORITIES },
            { name: 'impact', type: 'integer', defaultValue: '3' },
            { name: 'urgency', type: 'integer', defaultValue: '3' },
            { name: 'assigned_to', type: 'reference', reference: 'sys_user' },
            { name: 'assignment_group', type: 'reference', reference: 'sys_user_group' },
            { name: 'cmdb_ci', type: 'reference', reference: 'cmdb_ci' },
            { name: 'opened_by', type: 'reference', reference: 'sys_user' },
            { name: 'opened_at', type: 'glide_date_time' },
            { name: 'closed_at', type: 'glide_date_time' },
            { name: 'due_date', type: 'glide_date_time' },
            { name: 'parent', type: 'reference', reference: 'task' },
            { name: 'approval', type: 'string', defaultValue: 'not requested', choices: APPROVAL },
            { name: 'correlation_id', type: 'string', maxLength: 100 },
            { name: 'work_notes', type: 'journal_input' },
            { name: 'comments', type: 'journal_input' },
        ],
    },
    {
        name: 'incident',
        label: 'Incident',
        superClass: 'task',
        wsAccess: true,
        numberPrefix: 'INC',
        numberStart: 10001,
        displayField: 'number',
        fields: [
            {
                name: 'state',
                type: 'integer',
                defaultValue: '1',
                choices: [
                    ['1', 'New'],
                    ['2', 'In Progress'],
                    ['3', 'On Hold'],
                    ['6', 'Resolved'],
                    ['7', 'Closed'],
                    ['8', 'Canceled'],
                ],
            },
            { name: 'priority', type: 'integer', defaultValue: '5', choices: PRIORITIES },
            { name: 'caller_id', type: 'reference', reference: 'sys_user' },
            { name: 'category', type: 'string', defaultValue: 'inquiry', maxLength: 40 },
            { name: 'subcategory', type: 'string', maxLength: 40 },
            { name: 'severity', type: 'integer', defaultValue: '3' },
            { name: 'close_code', type: 'string', maxLength: 40 },
            { name: 'close_notes', type: 'string', maxLength: 4000 },
            // Base-system "Parent Incident": a child incident references its parent (docs "Create a child incident").
            { name: 'parent_incident', type: 'reference', reference: 'incident' },
        ],
    },
    {
        name: 'change_request',
        label: 'Change Request',
        superClass: 'task',
        wsAccess: true,
        numberPrefix: 'CHG',
        numberStart: 30001,
        displayField: 'number',
        fields: [
            {
                name: 'state',
                type: 'integer',
                defaultValue: '-5',
                choices: [
                    ['-5', 'New'],
                    ['-4', 'Assess'],
                    ['-3', 'Authorize'],
                    ['-2', 'Scheduled'],
                    ['-1', 'Implement'],
                    ['0', 'Review'],
                    ['3', 'Closed'],
                    ['4', 'Canceled'],
                ],
            },
            { name: 'type', type: 'string', defaultValue: 'normal', maxLength: 40 },
            { name: 'risk', type: 'integer', defaultValue: '3' },
            { name: 'start_date', type: 'glide_date_time' },
            { name: 'end_date', type: 'glide_date_time' },
            { name: 'requested_by', type: 'reference', reference: 'sys_user' },
        ],
    },
    {
        name: 'sc_req_item',
        label: 'Requested Item',
        superClass: 'task',
        wsAccess: true,
        numberPrefix: 'RITM',
        numberStart: 10001,
        displayField: 'number',
        fields: [
            { name: 'cat_item', type: 'reference', reference: 'sc_cat_item' },
            { name: 'request', type: 'reference', reference: 'sc_request' },
            { name: 'requested_for', type: 'reference', reference: 'sys_user' },
            { name: 'quantity', type: 'integer', defaultValue: '1' },
            { name: 'stage', type: 'string', defaultValue: 'waiting_for_approval', maxLength: 40 },
        ],
    },
    {
        name: 'sysapproval_approver',
        label: 'Approval',
        wsAccess: true,
        displayField: 'sys_id',
        fields: [
            { name: 'approver', type: 'reference', reference: 'sys_user' },
            { name: 'sysapproval', type: 'reference', reference: 'task' },
            { name: 'document_id', type: 'string', maxLength: 32 },
            { name: 'source_table', type: 'string', maxLength: 80 },
            {
                name: 'state',
                type: 'string',
                defaultValue: 'requested',
                choices: [...APPROVAL, ['not_required', 'No Longer Required']],
            },
            { name: 'group', type: 'reference', reference: 'sysapproval_group' },
            { name: 'due_date', type: 'glide_date_time' },
            { name: 'comments', type: 'journal_input' },
        ],
    },
    {
        // System properties. The app's own properties (x_gbg_breakglass.*) are seeded from now-app/dist by the
        // sandbox; the executor reads the kill switch and the default maximum duration here.
        name: 'sys_properties',
        label: 'System Property',
        wsAccess: true,
        displayField: 'name',
        fields: [
            { name: 'name', type: 'string', maxLength: 100 },
            { name: 'value', type: 'string', maxLength: 4000 },
            { name: 'type', type: 'string', maxLength: 40, defaultValue: 'string' },
            { name: 'description', type: 'string', maxLength: 512 },
            { name: 'suffix', type: 'string', maxLength: 100 },
        ],
    },
    {
        name: 'sys_attachment',
        label: 'Attachment',
        wsAccess: true,
        displayField: 'file_name',
        fields: [
            { name: 'file_name', type: 'string', maxLength: 100 },
            { name: 'content_type', type: 'string', maxLength: 100 },
            { name: 'size_bytes', type: 'string', maxLength: 40 },
            { name: 'size_compressed', type: 'string', maxLength: 40 },
            { name: 'compressed', type: 'boolean', defaultValue: 'true' },
            { name: 'table_name', type: 'string', maxLength: 100 },
            { name: 'table_sys_id', type: 'string', maxLength: 32 },
            { name: 'average_image_color', type: 'string', maxLength: 40 },
            { name: 'image_width', type: 'string', maxLength: 40 },
            { name: 'image_height', type: 'string', maxLength: 40 },
            { name: 'hash', type: 'string', maxLength: 64 },
        ],
    },
    {
        // The platform's field-change history (README "sys_audit"): written by the store for AUDITED_TABLES only.
        // Readable by admin alone (no stock role grant lists it, no baseline), as on a stock instance.
        name: 'sys_audit',
        label: 'Sys Audit',
        wsAccess: true,
        displayField: 'fieldname',
        fields: [
            { name: 'tablename', type: 'string', maxLength: 80 },
            { name: 'documentkey', type: 'string', maxLength: 32 },
            { name: 'fieldname', type: 'string', maxLength: 80 },
            { name: 'oldvalue', type: 'string', maxLength: 8000 },
            { name: 'newvalue', type: 'string', maxLength: 8000 },
            { name: 'user', type: 'string', maxLength: 255 },
            { name: 'record_checkpoint', type: 'integer' },
            { name: 'reason', type: 'string', maxLength: 255 },
        ],
    },
]

/**
 * Tables the platform audits out of the box (incident, change_request; problem is not in the fixture). Every insert
 * and update of their records writes one sys_audit row per changed field (sys_* fields excepted).
 */
export const AUDITED_TABLES: ReadonlySet<string> = new Set(['incident', 'change_request'])

/** What a role may do on a platform table. Field lists name the columns a write / create may set. */
export interface PlatformGrant {
    read?: boolean
    /** Row condition of the read grant (rows failing it are invisible, like a row ACL); `userSysId` is the caller. */
    readWhere?: (row: Record<string, string>, userSysId: string) => boolean
    create?: '*' | string[]
    write?: '*' | string[]
    delete?: boolean
}

/**
 * Platform tables are deny by default (README "ACLs"): a user holding no platform role reads and writes nothing
 * of them beyond this baseline of what a stock instance gives every authenticated user, plus the ACLs the built
 * app ships on platform tables (taken from `now-app/dist`, evaluated like the app's own ACLs).
 *
 * Kept deliberately minimal — only what is safe to assume on any instance:
 * - `sys_user`: a user reads their own record (the self-service profile; "What role do I need to access sys_user
 *   table?", https://www.servicenow.com/community/developer-forum/what-role-do-i-need-to-access-sys-user-table/m-p/2409064 :
 *   a role-less REST user sees all of their own record and only part of other users'). The emulator gives
 *   nothing of other users' records: which of their fields a stock instance shows varies, so nothing may rely on it.
 * - `sys_attachment`: attachments of a record the user can read are readable (server.ts `readableParent`); creating
 *   one is not in the baseline (contract "Stock ACLs a scoped app cannot assume").
 */
export const AUTHENTICATED_BASELINE: Record<string, PlatformGrant> = {
    sys_user: { read: true, readWhere: (row, userSysId) => row['sys_id'] === userSysId },
}

/**
 * Documented fixture of the stock roles the human personas hold, for platform tables (the instance's own ACLs are
 * not in the app's dist). Grants on a table also apply to the tables extending it (a `task` grant covers
 * `incident`). `admin` bypasses all of this (acl.ts). A role not listed here gives nothing on platform tables; in
 * particular `x_gbg_breakglass.executor` gets nothing here (only what dist grants: no platform table, issue 11).
 *
 * - `itil` (fulfiller / service desk agent): reads users, groups, memberships, CIs and approvals; reads, writes
 *   and creates every task; reads and creates attachments (docs "Base system roles",
 *   https://www.servicenow.com/docs/r/australia/platform-administration/user-administration/r_BaseSystemRoles.html).
 * - `approver_user`: reads and answers (writes state / comments of) the approvals addressed to them (same page).
 * - `approval_admin`: reads and writes every approval, whoever it is addressed to (same page).
 */
export const STOCK_ROLE_PERMISSIONS: Record<string, Record<string, PlatformGrant>> = {
    itil: {
        sys_user: { read: true },
        sys_user_group: { read: true },
        sys_user_grmember: { read: true },
        cmdb_ci: { read: true },
        task: { read: true, write: '*', create: '*' },
        sysapproval_approver: { read: true },
        sys_attachment: { read: true, create: '*' },
    },
    approver_user: {
        sysapproval_approver: {
            read: true,
            readWhere: (row, userSysId) => row['approver'] === userSysId,
            write: ['state', 'comments'],
        },
    },
    approval_admin: {
        sys_user: { read: true },
        sysapproval_approver: { read: true, write: '*' },
    },
}
