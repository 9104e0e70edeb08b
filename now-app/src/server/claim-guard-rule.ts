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
import { gs, GlideDateTime, GlideRecord } from '@servicenow/glide'
import { checkActionInsert, checkActionWrite, checkGrantInsert, checkGrantWrite } from './shared/claim-guard'
import { extensionWriteFacts } from './extend'
import { APP_REACTION_EVENT } from './shared/audit-chain'
import { ACTION_FIELDS, GRANT_FIELDS, ROLE, TABLE } from './shared/schema'
import { appendAudit, sessionActor } from './glide-io'
import { workNote } from './ticket'

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

/** True for a write the guard judges: the executor integration role, not an admin. */
function isExecutorWrite(): boolean {
    return !gs.hasRole('admin') && gs.hasRole(ROLE.executor)
}

/**
 * Refuse the write: the reason first (it is what the Table API answers with, 403), then where people see it —
 * the grant's audit chain (`executor.write_refused`) and a work note on its ticket — when the write names a grant.
 */
function refuse(current: any, reason: string, grantSysId: string, details: Record<string, unknown>): void {
    gs.addErrorMessage(reason)
    current.setAbortAction(true)
    if (!grantSysId) return
    appendAudit(grantSysId, APP_REACTION_EVENT.executorWriteRefused, sessionActor(), { reason, ...details })
    const grant = new GlideRecord(TABLE.grant)
    if (grant.get(grantSysId)) workNote(grant, `A write by the executor integration user was refused: ${reason}`)
}

/** The business rule's script: abort the update with a clear message when the guard refuses it. */
export function guardActionWrite(current: any, previous: any): void {
    if (!isExecutorWrite()) return
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
        // A lost claim (another executor's lease) is the protocol at work, not an attack: no audit, no note.
        const protocol = /^(Claim|Write) refused\b/.test(verdict.reason)
        refuse(current, verdict.reason, protocol ? '' : value(current, ACTION_FIELDS.grant), {
            table: TABLE.action,
            action: String(current.getUniqueValue ? current.getUniqueValue() : ''),
            from: before.state,
            to: change.state ?? before.state,
        })
    }
}

/**
 * Before-insert business rule on the action table: the executor may create only revoke and verify actions,
 * `ready` and well-formed (shared/src/state-machine.ts). Other writers are not judged here.
 */
export function guardActionInsert(current: any): void {
    if (!isExecutorWrite()) return
    const row = {
        grant: value(current, ACTION_FIELDS.grant),
        type: value(current, ACTION_FIELDS.type),
        state: value(current, ACTION_FIELDS.state),
        priority: value(current, ACTION_FIELDS.priority),
        maxAttempts: value(current, ACTION_FIELDS.maxAttempts),
    }
    const verdict = checkActionInsert(row)
    if (!verdict.allowed)
        refuse(current, verdict.reason, /^[0-9a-f]{32}$/.test(row.grant) ? row.grant : '', {
            table: TABLE.action,
            ...row,
        })
}

/** Every grant field whose value the update changes. */
function changedGrantFields(current: any, previous: any): string[] {
    const changed: string[] = []
    const fields = Object.values(GRANT_FIELDS) as string[]
    for (let i = 0; i < fields.length; i++) {
        if (value(current, fields[i]!) !== value(previous, fields[i]!)) changed.push(fields[i]!)
    }
    return changed
}

/**
 * Before-insert / before-update business rule on the grant table: the executor moves a grant only along the
 * transitions it owns, writes only its own fields, and never creates a grant (shared/src/state-machine.ts).
 */
export function guardGrantWrite(current: any, previous: any): void {
    if (!isExecutorWrite()) return
    if (!previous) {
        refuse(current, (checkGrantInsert() as { reason: string }).reason, '', { table: TABLE.grant })
        return
    }
    const from = value(previous, GRANT_FIELDS.state)
    const to = value(current, GRANT_FIELDS.state)
    const changed = changedGrantFields(current, previous)
    const verdict = checkGrantWrite(from, to, changed, extensionWriteFacts(current, previous))
    if (!verdict.allowed) {
        refuse(current, verdict.reason, String(current.getUniqueValue()), {
            table: TABLE.grant,
            from,
            to,
            fields: changed,
        })
    }
}
