/**
 * Grant / action arguments of the CLI: people see numbers (BGA… on grants, BGQ… on actions) in the timeline,
 * work notes, cards and e-mails; scripts may hold sys_ids. Every argument is checked against the pattern of a
 * number or a sys_id FIRST; only then is it put into a query, through the query builder (which checks it again).
 * Raw text never reaches ServiceNow.
 */
import { ACTION_FIELDS, GRANT_FIELDS, TABLE, isSysId } from '@gbg/shared'
import type { ServiceNowClient } from '../servicenow/client'
import { SYSTEM_FIELDS } from '../servicenow/platform-fields'
import { query } from '../servicenow/query'
import { UsageError } from './args'

/** Grant numbers: the grant table's auto-number prefix BGA and its digits (7 today; more once they run out). */
export const GRANT_NUMBER_PATTERN = /^BGA\d{7,12}$/
/** Action numbers: prefix BGQ. */
export const ACTION_NUMBER_PATTERN = /^BGQ\d{7,12}$/

/** What an argument names, by its form alone. */
export type RecordArgument =
    | { kind: 'grant_number'; number: string }
    | { kind: 'action_number'; number: string }
    | { kind: 'sys_id'; sysId: string }

/**
 * Classify `text` as a grant number, an action number or a sys_id (case-insensitive, surrounding blanks ignored).
 *
 * @throws UsageError for anything else (the text is quoted, shortened, in the message).
 */
export function parseRecordArgument(text: string): RecordArgument {
    const t = text.trim()
    const upper = t.toUpperCase()
    if (GRANT_NUMBER_PATTERN.test(upper)) return { kind: 'grant_number', number: upper }
    if (ACTION_NUMBER_PATTERN.test(upper)) return { kind: 'action_number', number: upper }
    const lower = t.toLowerCase()
    if (isSysId(lower)) return { kind: 'sys_id', sysId: lower }
    throw new UsageError(
        `${JSON.stringify(t.slice(0, 40))} is not a grant number (BGA + 7 digits), an action number (BGQ + 7 digits) ` +
            'or a sys_id (32 hex)',
    )
}

/** A grant found from an argument. */
export interface ResolvedGrant {
    sysId: string
    number: string
    /** The action number or sys_id the grant was found through, when the argument named an action. */
    viaAction?: string
}

/** The argument names no record (exit 1: the command failed, the usage was right). */
export class RecordNotFoundError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'RecordNotFoundError'
    }
}

const GRANT_COLUMNS = [SYSTEM_FIELDS.sysId, GRANT_FIELDS.number]
const ACTION_COLUMNS = [SYSTEM_FIELDS.sysId, ACTION_FIELDS.number, ACTION_FIELDS.grant]

/** The grant `text` names: by its number, by the number or sys_id of one of its actions, or by its sys_id. */
export async function resolveGrant(client: ServiceNowClient, text: string): Promise<ResolvedGrant> {
    const arg = parseRecordArgument(text)
    switch (arg.kind) {
        case 'grant_number': {
            const grant = await one(client, TABLE.grant, GRANT_FIELDS.number, arg.number, GRANT_COLUMNS)
            if (!grant) throw new RecordNotFoundError(`no grant ${arg.number} on the instance`)
            return { sysId: grant[SYSTEM_FIELDS.sysId]!, number: grant[GRANT_FIELDS.number] ?? arg.number }
        }
        case 'action_number': {
            const action = await one(client, TABLE.action, ACTION_FIELDS.number, arg.number, ACTION_COLUMNS)
            if (!action) throw new RecordNotFoundError(`no action ${arg.number} on the instance`)
            return grantOfAction(client, action, arg.number)
        }
        case 'sys_id': {
            const grant = await one(client, TABLE.grant, SYSTEM_FIELDS.sysId, arg.sysId, GRANT_COLUMNS)
            if (grant) return { sysId: arg.sysId, number: grant[GRANT_FIELDS.number] ?? '' }
            const action = await one(client, TABLE.action, SYSTEM_FIELDS.sysId, arg.sysId, ACTION_COLUMNS)
            if (action) return grantOfAction(client, action, action[ACTION_FIELDS.number] || arg.sysId)
            throw new RecordNotFoundError(`no grant or action with sys_id ${arg.sysId} on the instance`)
        }
    }
}

async function grantOfAction(
    client: ServiceNowClient,
    action: Record<string, string>,
    label: string,
): Promise<ResolvedGrant> {
    const grantSysId = action[ACTION_FIELDS.grant] ?? ''
    if (!isSysId(grantSysId)) throw new RecordNotFoundError(`action ${label} names no grant`)
    const grant = await one(client, TABLE.grant, SYSTEM_FIELDS.sysId, grantSysId, GRANT_COLUMNS)
    if (!grant) throw new RecordNotFoundError(`the grant of action ${label} (${grantSysId}) is not on the instance`)
    return { sysId: grantSysId, number: grant[GRANT_FIELDS.number] ?? '', viaAction: label }
}

/** The one record of `table` whose `field` equals `value` (a validated number or sys_id); two is an error. */
async function one(
    client: ServiceNowClient,
    table: string,
    field: string,
    value: string,
    fields: readonly string[],
): Promise<Record<string, string> | undefined> {
    const rows = await client.list(table, query(table).eq(field, value).build(), fields, 2)
    if (rows.length > 1) throw new RecordNotFoundError(`${value} names more than one record of ${table}`)
    return rows[0]
}

/** Numbers of the records of `table` with these sys_ids (one read per 100); ids that are not sys_ids are skipped. */
export async function numbersOf(
    client: ServiceNowClient,
    table: string,
    sysIds: readonly string[],
): Promise<Map<string, string>> {
    const numberField = table === TABLE.grant ? GRANT_FIELDS.number : ACTION_FIELDS.number
    const ids = [...new Set(sysIds.filter((id) => isSysId(id)))]
    const out = new Map<string, string>()
    for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100)
        const q = query(table).in(SYSTEM_FIELDS.sysId, chunk).build()
        for (const row of await client.list(table, q, [SYSTEM_FIELDS.sysId, numberField], chunk.length)) {
            const number = row[numberField]
            if (number) out.set(row[SYSTEM_FIELDS.sysId]!, number)
        }
    }
    return out
}
