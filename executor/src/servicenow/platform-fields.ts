/**
 * The tables and fields the executor's Table API client may address: the app's own tables only.
 */
import {
    ACTION_FIELDS,
    AUDIT_FIELDS,
    EXECUTOR_FIELDS,
    GRANT_FIELDS,
    POLICY_FIELDS,
    TABLE,
    TICKET_UPDATE_FIELDS,
} from '@gbg/shared'

// The platform field names live in shared/src/platform.ts (the ServiceNow app reads the same records).
export { SYSTEM_FIELDS } from '@gbg/shared'

/**
 * Every table the client may address, with the field names (besides {@link SYSTEM_FIELDS}) the query builder
 * and the client accept on it. A table or field outside this map cannot be queried, read or written.
 *
 * Only the app's own tables: the executor's role reads no platform table (docs/request-lifecycle.md "What the
 * executor may touch on the instance"). What the recheck gate needs from platform records comes from the app's
 * Scripted REST API; work notes, incidents and the receipt go through the ticket-update table.
 */
export const QUERYABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
    [TABLE.action]: Object.values(ACTION_FIELDS),
    [TABLE.grant]: Object.values(GRANT_FIELDS),
    [TABLE.auditEvent]: Object.values(AUDIT_FIELDS),
    [TABLE.executor]: Object.values(EXECUTOR_FIELDS),
    [TABLE.policy]: Object.values(POLICY_FIELDS),
    [TABLE.ticketUpdate]: Object.values(TICKET_UPDATE_FIELDS),
}
