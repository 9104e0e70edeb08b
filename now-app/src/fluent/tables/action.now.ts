import { ChoiceColumn, DateTimeColumn, IntegerColumn, ReferenceColumn, StringColumn, Table } from '@servicenow/sdk/core'

/**
 * Action: the executor's outbound queue (grant / revoke / verify). Field names and choices are the contract in
 * `shared/src/schema.ts` (ACTION_FIELDS, ACTION_TYPES, ACTION_STATES).
 *
 * Web service access: the executor polls, claims (lease) and completes actions through the Table API and
 * inserts revoke / verify actions. Indexes serve its queries: the poll (`state=ready^not_before<=now`
 * ordered by priority), the lease sweeper (`lease_until`) and per-grant lookups (`grant`).
 */
export const x_gbg_breakglass_action = Table({
    name: 'x_gbg_breakglass_action',
    label: 'Break-glass action',
    display: 'number',
    audit: true,
    allowWebServiceAccess: true,
    autoNumber: { prefix: 'BGQ', number: 1000, numberOfDigits: 7 },
    index: [
        { name: 'idx_bg_action_poll', unique: false, element: ['state', 'not_before', 'priority'] },
        { name: 'idx_bg_action_lease', unique: false, element: 'lease_until' },
        { name: 'idx_bg_action_grant', unique: false, element: 'grant' },
    ],
    schema: {
        number: StringColumn({
            label: 'Number',
            maxLength: 40,
            readOnly: true,
            default: 'javascript:global.getNextObjNumberPadded();',
        }),
        grant: ReferenceColumn({
            label: 'Grant',
            referenceTable: 'x_gbg_breakglass_grant',
            mandatory: true,
            cascadeRule: 'restrict',
        }),
        type: ChoiceColumn({
            label: 'Type',
            mandatory: true,
            dropdown: 'dropdown_without_none',
            choices: {
                grant: { label: 'Grant', sequence: 10 },
                revoke: { label: 'Revoke', sequence: 20 },
                verify: { label: 'Verify', sequence: 30 },
            },
        }),
        state: ChoiceColumn({
            label: 'State',
            mandatory: true,
            default: 'ready',
            dropdown: 'dropdown_without_none',
            choices: {
                ready: { label: 'Ready', sequence: 10 },
                claimed: { label: 'Claimed', sequence: 20 },
                done: { label: 'Done', sequence: 30 },
                failed: { label: 'Failed', sequence: 40 },
                dead: { label: 'Dead', sequence: 50 },
            },
        }),
        priority: IntegerColumn({ label: 'Priority', mandatory: true, default: '3' }),
        not_before: DateTimeColumn({ label: 'Not before' }),
        attempts: IntegerColumn({ label: 'Attempts', default: '0' }),
        max_attempts: IntegerColumn({ label: 'Max attempts', default: '10' }),
        lease_owner: StringColumn({ label: 'Lease owner', maxLength: 100 }),
        lease_until: DateTimeColumn({ label: 'Lease until' }),
        idempotency_key: StringColumn({ label: 'Idempotency key', maxLength: 100 }),
        requested_by: ReferenceColumn({ label: 'Requested by', referenceTable: 'sys_user' }),
        reason: StringColumn({ label: 'Reason', maxLength: 1000 }),
        last_error: StringColumn({ label: 'Last error', maxLength: 4000 }),
        result: StringColumn({ label: 'Result (JSON)', maxLength: 65000 }),
        completed_at: DateTimeColumn({ label: 'Completed at' }),
    },
})
