import { DateTimeColumn, StringColumn, Table } from '@servicenow/sdk/core'

/**
 * Executor heartbeat: one row per executor instance, upserted on every poll and claim; the watchdog job
 * raises an incident when the newest `last_poll_at` is older than the heartbeat-stale property. Field names
 * are the contract in `shared/src/schema.ts` (EXECUTOR_FIELDS).
 *
 * Web service access: the executor creates and updates its own row through the Table API.
 */
export const x_gbg_breakglass_executor = Table({
    name: 'x_gbg_breakglass_executor',
    label: 'Break-glass executor',
    display: 'name',
    allowWebServiceAccess: true,
    schema: {
        name: StringColumn({ label: 'Name', maxLength: 100, mandatory: true, unique: true }),
        host: StringColumn({ label: 'Host', maxLength: 255 }),
        version: StringColumn({ label: 'Version', maxLength: 50 }),
        last_poll_at: DateTimeColumn({ label: 'Last poll at' }),
        last_claim_at: DateTimeColumn({ label: 'Last claim at' }),
    },
})
