/**
 * Field names of the platform tables the executor reads or writes (outside the app scope, so not in
 * `shared/src/schema.ts`, which holds the app's own contract). Like schema.ts, these constants are the only
 * place a field name is spelt: the query builder and the gateway accept nothing else.
 *
 * Device class and production come from the customer's CMDB; this project's convention (documented with the
 * ServiceNow emulator's platform schema) is `cmdb_ci_computer.u_device_class` and `used_for = Production`.
 */
import {
    ACTION_FIELDS,
    AUDIT_FIELDS,
    EXECUTOR_FIELDS,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    POLICY_FIELDS,
    PROPERTY,
    TABLE,
} from '@gbg/shared'

// The platform field names live in shared/src/platform.ts (the ServiceNow app reads the same records).
export {
    APPROVAL_FIELDS,
    APPROVAL_STATES,
    COMPUTER_FIELDS,
    GROUP_MEMBER_FIELDS,
    PRODUCTION_USED_FOR,
    SERVER_CLASS,
    SYSTEM_FIELDS,
    TASK_FIELDS,
    USER_FIELDS,
} from '@gbg/shared'
import { APPROVAL_FIELDS, COMPUTER_FIELDS, GROUP_MEMBER_FIELDS, TASK_FIELDS, USER_FIELDS } from '@gbg/shared'

/** System properties table (the app's properties, e.g. the integration kill switch). Not in PLATFORM_TABLE. */
export const PROPERTY_TABLE = 'sys_properties'

/** sys_properties. */
export const PROPERTY_FIELDS = { name: 'name', value: 'value' } as const

/** The property names the executor may query (schema.ts PROPERTY): the enumeration of sys_properties.name. */
export const PROPERTY_NAMES: readonly string[] = Object.values(PROPERTY)

/**
 * Every table the client may address, with the field names (besides {@link SYSTEM_FIELDS}) the query builder
 * and the client accept on it. A table or field outside this map cannot be queried, read or written.
 */
export const QUERYABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
    [TABLE.action]: Object.values(ACTION_FIELDS),
    [TABLE.grant]: Object.values(GRANT_FIELDS),
    [TABLE.auditEvent]: Object.values(AUDIT_FIELDS),
    [TABLE.executor]: Object.values(EXECUTOR_FIELDS),
    [TABLE.policy]: Object.values(POLICY_FIELDS),
    [PLATFORM_TABLE.user]: Object.values(USER_FIELDS),
    [PLATFORM_TABLE.group]: ['name', 'active'],
    [PLATFORM_TABLE.groupMember]: Object.values(GROUP_MEMBER_FIELDS),
    [PLATFORM_TABLE.computer]: Object.values(COMPUTER_FIELDS),
    [PLATFORM_TABLE.ritm]: Object.values(TASK_FIELDS),
    [PLATFORM_TABLE.approval]: Object.values(APPROVAL_FIELDS),
    [PLATFORM_TABLE.incident]: Object.values(TASK_FIELDS),
    [PLATFORM_TABLE.change]: Object.values(TASK_FIELDS),
    [PLATFORM_TABLE.attachment]: ['file_name', 'table_name', 'table_sys_id'],
    [PROPERTY_TABLE]: Object.values(PROPERTY_FIELDS),
}
