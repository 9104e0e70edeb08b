/**
 * Before-update business rule on the action table: the server-side claim guard. Thin Glide glue; the decision is
 * the shared pure `checkActionWrite` (the same function the ServiceNow emulator runs, so the executor's
 * multi-executor tests exercise exactly this rule).
 *
 * Only writes by the executor integration role are judged (app logic and admins are not leases holders).
 * The writer is identified by the `lease_owner` value the update leaves on the record: executors send their own
 * instance name in every write to an action they hold. Limitation: a write that does not carry `lease_owner` is
 * attributed to the current holder (a business rule cannot tell an unchanged field from an unsent one).
 */
import { gs, GlideDateTime } from '@servicenow/glide'
import { checkActionWrite } from './shared/claim-guard'
import { ACTION_FIELDS, ROLE } from './shared/schema'

/** 'YYYY-MM-DD HH:mm:ss' (UTC, as stored) → epoch ms; 0 when empty or malformed. */
export function glideDateTimeToMs(value: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value || '')
    if (!m) return 0
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
}

function value(record: any, field: string): string {
    const v = record.getValue(field)
    return v === null || v === undefined ? '' : String(v)
}

/** The business rule's script: abort the update with a clear message when the guard refuses it. */
export function guardActionWrite(current: any, previous: any): void {
    if (gs.hasRole('admin') || !gs.hasRole(ROLE.executor)) return
    const before = {
        state: value(previous, ACTION_FIELDS.state),
        leaseOwner: value(previous, ACTION_FIELDS.leaseOwner),
        leaseUntilMs: glideDateTimeToMs(value(previous, ACTION_FIELDS.leaseUntil)),
    }
    const change: { state?: string; leaseOwner?: string; leaseUntilMs?: number } = {}
    if (value(current, ACTION_FIELDS.state) !== before.state) change.state = value(current, ACTION_FIELDS.state)
    const owner = value(current, ACTION_FIELDS.leaseOwner)
    if (owner !== before.leaseOwner) change.leaseOwner = owner
    const leaseUntil = glideDateTimeToMs(value(current, ACTION_FIELDS.leaseUntil))
    if (leaseUntil !== before.leaseUntilMs) change.leaseUntilMs = leaseUntil
    const writer = owner
    const verdict = checkActionWrite(before, change, writer, new GlideDateTime().getNumericValue())
    if (!verdict.allowed) {
        current.setAbortAction(true)
        gs.addErrorMessage(verdict.reason)
    }
}
