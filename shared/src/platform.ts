/**
 * Field names of the platform tables (outside the app scope) that both the executor and the ServiceNow app
 * read or write: users and group membership, computers, tasks (RITM, incident, change), approvals. Like
 * schema.ts, these constants are the only place such a field name is spelt.
 *
 * Device class and production come from the customer's CMDB; this project's convention (documented with the
 * ServiceNow emulator's platform schema) is `cmdb_ci_computer.u_device_class` and `used_for = Production`.
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */

/** Columns every table has. */
export const SYSTEM_FIELDS = {
    sysId: 'sys_id',
    createdOn: 'sys_created_on',
    /** user_name of the session that created the record (set by the platform, never by a Table API body). */
    createdBy: 'sys_created_by',
    updatedOn: 'sys_updated_on',
    className: 'sys_class_name',
    /** Update count of the record (+1 on every update): with sys_updated_on, its version. */
    modCount: 'sys_mod_count',
} as const

/** sys_user. */
export const USER_FIELDS = { userName: 'user_name', email: 'email', active: 'active', name: 'name' } as const

/** sys_user_grmember. */
export const GROUP_MEMBER_FIELDS = { user: 'user', group: 'group' } as const

/** cmdb_ci_computer (cmdb_ci columns inherited). */
export const COMPUTER_FIELDS = {
    name: 'name',
    deviceClass: 'u_device_class',
    usedFor: 'used_for',
    corpManaged: 'u_corp_managed',
} as const

/** `used_for` value of production CIs. */
export const PRODUCTION_USED_FOR = 'Production'

/** Class of server CIs: a server stored in cmdb_ci_server counts as a server even without u_device_class. */
export const SERVER_CLASS = 'cmdb_ci_server'

/** sysapproval_approver. */
export const APPROVAL_FIELDS = {
    approver: 'approver',
    sysapproval: 'sysapproval',
    state: 'state',
    /** The approved record: the app points its approvals at the grant (source_table = grant table). */
    documentId: 'document_id',
    sourceTable: 'source_table',
} as const

/** sysapproval_approver fields the app also writes (the executor only reads {@link APPROVAL_FIELDS}). */
export const APP_APPROVAL_FIELDS = {
    ...APPROVAL_FIELDS,
    comments: 'comments',
    dueDate: 'due_date',
} as const

/** sysapproval_approver.state values. */
export const APPROVAL_STATES = [
    'not requested',
    'requested',
    'approved',
    'rejected',
    'cancelled',
    'not_required',
] as const

/** Task fields the executor reads or writes (work notes, incidents it raises, incident / change facts). */
export const TASK_FIELDS = {
    number: 'number',
    active: 'active',
    assignedTo: 'assigned_to',
    startDate: 'start_date',
    endDate: 'end_date',
    workNotes: 'work_notes',
    shortDescription: 'short_description',
    description: 'description',
    priority: 'priority',
    impact: 'impact',
    urgency: 'urgency',
    assignmentGroup: 'assignment_group',
    callerId: 'caller_id',
    category: 'category',
    cmdbCi: 'cmdb_ci',
} as const

/** Task fields the app also reads or writes (the executor's query whitelist stays {@link TASK_FIELDS}). */
export const APP_TASK_FIELDS = {
    ...TASK_FIELDS,
    comments: 'comments',
    state: 'state',
    closeCode: 'close_code',
    closeNotes: 'close_notes',
    correlationId: 'correlation_id',
    openedBy: 'opened_by',
    requestedFor: 'requested_for',
    requestedBy: 'requested_by',
    catItem: 'cat_item',
    /**
     * incident.parent_incident (base system "Parent Incident" reference to incident): a child incident names its
     * parent here (ServiceNow docs, "Create a child incident").
     */
    parentIncident: 'parent_incident',
} as const

/** sys_user: the manager reference (read by the app to route the manager approval). */
export const USER_MANAGER_FIELD = 'manager'

/** incident.state values the app writes. */
export const INCIDENT_STATE = { new: '1', inProgress: '2', resolved: '6', closed: '7', canceled: '8' } as const

/**
 * incident.close_code (Resolution code) the app writes when it resolves its own incidents: a base-system choice of a
 * current release. The resolution codes are Duplicate, Known error, No resolution provided, Resolved by caller /
 * change / problem / request, Solution provided, Workaround provided (ServiceNow docs, "Resolve and close an
 * incident"; value = label). The older "Solved (Permanently)" codes are gone from current releases.
 */
export const INCIDENT_CLOSE_CODE = { solutionProvided: 'Solution provided' } as const

/**
 * incident.category of the incidents the app raises: a base-system category (ServiceNow docs, "Incident categories
 * and subcategories": Inquiry / Help `inquiry`, Software `software`, Hardware `hardware`, Network `network`,
 * Database `database`). There is no base-system "security" category; an access left in place is a software matter.
 */
export const INCIDENT_CATEGORY = { software: 'software' } as const
