import { IntegerColumn, ReferenceColumn, StringColumn, Table } from '@servicenow/sdk/core'

/**
 * Ticket update: one platform-side effect the executor asks for (a work note on the grant's RITM, an incident for
 * SecOps, a work note on an incident of the grant, the receipt attachment). The executor inserts the row through
 * the Table API (its role holds no ACL on a platform table); the app's rules (business-rules/ticket-update.now.ts,
 * server/ticket-update.ts) check that the effect stays within the row's own grant, perform it with GlideRecord and
 * record the result on the row. Field names are the contract in `shared/src/schema.ts` (TICKET_UPDATE_FIELDS).
 *
 * Web service access: the executor creates and reads rows (ACLs in security/acls-ticket-update.now.ts: no write,
 * no delete). The unique index on the idempotency key makes a second row for the same effect impossible.
 */
export const x_gbg_breakglass_ticket_update = Table({
    name: 'x_gbg_breakglass_ticket_update',
    label: 'Break-glass ticket update',
    display: 'idempotency_key',
    allowWebServiceAccess: true,
    index: [
        { name: 'idx_bg_ticket_update_key', unique: true, element: 'idempotency_key' },
        { name: 'idx_bg_ticket_update_grant', unique: false, element: ['grant', 'kind'] },
    ],
    schema: {
        grant: ReferenceColumn({
            label: 'Grant',
            referenceTable: 'x_gbg_breakglass_grant',
            cascadeRule: 'restrict',
        }),
        kind: StringColumn({ label: 'Kind', maxLength: 40 }),
        incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident' }),
        text: StringColumn({ label: 'Text', maxLength: 8000 }),
        incident_kind: StringColumn({ label: 'Incident kind', maxLength: 64 }),
        priority: IntegerColumn({ label: 'Priority' }),
        short_description: StringColumn({ label: 'Short description', maxLength: 160 }),
        file_name: StringColumn({ label: 'File name', maxLength: 100 }),
        content_type: StringColumn({ label: 'Content type', maxLength: 80 }),
        content: StringColumn({ label: 'Content (base64)', maxLength: 1000000 }),
        idempotency_key: StringColumn({ label: 'Idempotency key', maxLength: 200 }),
        state: StringColumn({ label: 'State', maxLength: 20 }),
        result_sys_id: StringColumn({ label: 'Result sys_id', maxLength: 32 }),
        result_number: StringColumn({ label: 'Result number', maxLength: 40 }),
        error: StringColumn({ label: 'Error', maxLength: 4000 }),
    },
})
