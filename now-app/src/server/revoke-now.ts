/**
 * "Revoke now": queue a priority-1 revoke action for a grant, recording who asked and why. Thin Glide glue; the
 * executor does the revoke (and verify) exactly as at expiry.
 *
 * Refused when the grant holds no access that could be revoked (state outside REVOCABLE_STATES) or when a
 * revoke-now is already waiting, so repeated clicks queue one action.
 */
import { gs, GlideRecord, GlideDateTime } from '@servicenow/glide'
import { ACTION_FIELDS, ACTION_PRIORITY, GRANT_FIELDS, REVOCABLE_STATES, TABLE } from './shared/schema'

/** Outcome shown to the person who clicked. */
export interface RevokeNowResult {
    ok: boolean
    message: string
}

/** Queue a revoke-now for `grantSysId` on behalf of `userSysId` with `reason`. */
export function queueRevokeNow(grantSysId: string, userSysId: string, reason: string): RevokeNowResult {
    const grant = new GlideRecord(TABLE.grant)
    if (!grant.get(grantSysId)) return { ok: false, message: 'Revoke now: the grant does not exist.' }
    const number = String(grant.getValue(GRANT_FIELDS.number) || grantSysId)
    const state = String(grant.getValue(GRANT_FIELDS.state) || '')
    if ((REVOCABLE_STATES as readonly string[]).indexOf(state) < 0) {
        return { ok: false, message: `Revoke now: ${number} is ${state}; there is no access to revoke.` }
    }
    const open = new GlideRecord(TABLE.action)
    open.addQuery(ACTION_FIELDS.grant, grantSysId)
    open.addQuery(ACTION_FIELDS.type, 'revoke')
    open.addQuery(ACTION_FIELDS.priority, String(ACTION_PRIORITY.revokeNow))
    open.addQuery(ACTION_FIELDS.state, 'IN', 'ready,claimed')
    open.query()
    if (open.next()) {
        return { ok: false, message: `Revoke now: a revoke of ${number} is already queued (${open.getValue(ACTION_FIELDS.number)}).` }
    }
    const now = new GlideDateTime()
    const action = new GlideRecord(TABLE.action)
    action.initialize()
    action.setValue(ACTION_FIELDS.grant, grantSysId)
    action.setValue(ACTION_FIELDS.type, 'revoke')
    action.setValue(ACTION_FIELDS.state, 'ready')
    action.setValue(ACTION_FIELDS.priority, String(ACTION_PRIORITY.revokeNow))
    action.setValue(ACTION_FIELDS.notBefore, now.getValue())
    action.setValue(ACTION_FIELDS.maxAttempts, '1000')
    action.setValue(ACTION_FIELDS.idempotencyKey, `revoke-now:${grantSysId}:${now.getNumericValue()}`)
    action.setValue(ACTION_FIELDS.requestedBy, userSysId)
    action.setValue(ACTION_FIELDS.reason, reason.slice(0, 1000))
    action.insert()
    return { ok: true, message: `Revoke of ${number} queued (${action.getValue(ACTION_FIELDS.number)}); the executor runs it next.` }
}

/** UI action script on the grant form. */
export function revokeNowFromGrant(current: any): void {
    const result = queueRevokeNow(
        String(current.getUniqueValue()),
        gs.getUserID(),
        `Revoke now requested by ${gs.getUserName()} from the grant form`,
    )
    if (result.ok) gs.addInfoMessage(result.message)
    else gs.addErrorMessage(result.message)
}
