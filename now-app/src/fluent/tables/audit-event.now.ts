import { DateTimeColumn, IntegerColumn, ReferenceColumn, StringColumn, Table } from '@servicenow/sdk/core'

/**
 * Audit event: append-only, hash-chained (`hash = SHA-256(prev_hash + canonical event)`). Field names are the
 * contract in `shared/src/schema.ts` (AUDIT_FIELDS). `actor` is text (a user name, `executor:<instance>` or
 * `system`), not a reference, so the chain stays verifiable after a user is deleted.
 *
 * Web service access: the executor appends events through the Table API (create + read only; the ACLs in
 * `security/acls-audit-event.now.ts` leave no write or delete path for anyone).
 */
export const x_gbg_breakglass_audit_event = Table({
    name: 'x_gbg_breakglass_audit_event',
    label: 'Break-glass audit event',
    display: 'event_type',
    allowWebServiceAccess: true,
    // Unique: one event per (grant, sequence), so two appenders that read the same head cannot both insert (the
    // audit insert rule refuses the second first; this index is the database's own guarantee under a race).
    index: [{ name: 'idx_bg_audit_grant_seq', unique: true, element: ['grant', 'sequence'] }],
    schema: {
        grant: ReferenceColumn({
            label: 'Grant',
            referenceTable: 'x_gbg_breakglass_grant',
            cascadeRule: 'restrict',
        }),
        action: ReferenceColumn({ label: 'Action', referenceTable: 'x_gbg_breakglass_action', cascadeRule: 'none' }),
        sequence: IntegerColumn({ label: 'Sequence', mandatory: true }),
        event_type: StringColumn({ label: 'Event type', maxLength: 100, mandatory: true }),
        actor: StringColumn({ label: 'Actor', maxLength: 255, mandatory: true }),
        occurred_at: DateTimeColumn({ label: 'Occurred at', mandatory: true }),
        payload: StringColumn({ label: 'Payload (JSON, redacted)', maxLength: 65000 }),
        prev_hash: StringColumn({ label: 'Previous hash', maxLength: 64 }),
        hash: StringColumn({ label: 'Hash', maxLength: 64, mandatory: true }),
        mac: StringColumn({ label: 'Executor MAC', maxLength: 64 }),
    },
})
