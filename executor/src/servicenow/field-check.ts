/**
 * The start-up check of the instance's grant and action fields (issue 18): the Table API silently drops a field
 * a table does not have on PATCH, so an app older than this executor would lose write-backs without an error.
 * `run` reads the newest record of each table once, asking for every field it maps, and reports the fields the
 * answer lacks (missing on the instance, or hidden by a read ACL). An empty table cannot show its fields: then
 * the echo check on every write (gateway.ts `echoed`) is what notices.
 *
 * One list call per table, once per start, off the path to the first claim.
 */
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import type { ServiceNowClient } from './client'
import { query } from './query'

/** Fields per table the check asks for: everything the executor maps on the tables it writes. */
export const CHECKED_FIELDS: Readonly<Record<string, readonly string[]>> = {
    [TABLE.grant]: Object.values(GRANT_FIELDS),
    [TABLE.action]: Object.values(ACTION_FIELDS),
}

/** Outcome of the check per table. */
export interface FieldCheckResult {
    table: string
    /** `checked` (a record was read), `empty` (nothing to read), `error` (the read failed). */
    status: 'checked' | 'empty' | 'error'
    missing: string[]
    error?: string
    /** The read's failure as thrown (doctor explains it). */
    cause?: unknown
}

/**
 * Reads one record per table and lists the fields its answer lacks (`tables`: the fields to check per table; the
 * start-up check's by default, doctor passes every table it reads). Never throws.
 */
export async function checkInstanceFields(
    client: ServiceNowClient,
    tables: Readonly<Record<string, readonly string[]>> = CHECKED_FIELDS,
): Promise<FieldCheckResult[]> {
    const results: FieldCheckResult[] = []
    for (const [table, fields] of Object.entries(tables)) {
        try {
            const rows = await client.list(
                table,
                query(table).orderByDesc('sys_created_on').build(),
                ['sys_id', ...fields],
                1,
            )
            const row = rows[0]
            if (!row) results.push({ table, status: 'empty', missing: [] })
            else results.push({ table, status: 'checked', missing: fields.filter((f) => !(f in row)) })
        } catch (error) {
            results.push({ table, status: 'error', missing: [], error: String(error), cause: error })
        }
    }
    return results
}
