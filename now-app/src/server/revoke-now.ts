/**
 * "Revoke now": queue a priority-1 revoke action for a grant, recording who asked and why. Thin Glide glue; the
 * executor does the revoke (and verify) exactly as at expiry.
 *
 * Refused when the grant holds no access that could be revoked (state outside REVOCABLE_STATES) or when a
 * revoke-now is already waiting, so repeated clicks queue one action.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { nowMs, str } from './glide-io'
import { queueRevokeAction } from './queue'
import { workNote } from './ticket'
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
    const number = str(grant, GRANT_FIELDS.number) || grantSysId
    const state = str(grant, GRANT_FIELDS.state)
    if (str(grant, GRANT_FIELDS.extendsGrant)) {
        return { ok: false, message: `Revoke now: ${number} is an extension; revoke the access it extends.` }
    }
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
        return {
            ok: false,
            message: `Revoke now: a revoke of ${number} is already queued (${str(open, ACTION_FIELDS.number)}).`,
        }
    }
    const text = reason.slice(0, 1000)
    const action = queueRevokeAction(
        grantSysId,
        ACTION_PRIORITY.revokeNow,
        `revoke-now:${grantSysId}:${nowMs()}`,
        userSysId,
        text,
        String(gs.getUserName() || userSysId),
    )
    workNote(grant, `Revoke now requested: ${text} (action ${action}).`)
    return { ok: true, message: `Revoke of ${number} queued (${action}); the executor runs it next.` }
}

function show(result: RevokeNowResult): void {
    if (result.ok) gs.addInfoMessage(result.message)
    else gs.addErrorMessage(result.message)
}

/** UI action script on the grant form. */
export function revokeNowFromGrant(current: any): void {
    show(
        queueRevokeNow(
            String(current.getUniqueValue()),
            gs.getUserID(),
            `Revoke now requested by ${gs.getUserName()} from the grant form`,
        ),
    )
}

/** UI action script on the RITM form: revoke the access the request gave (every revocable grant of it). */
export function revokeNowFromRitm(current: any): void {
    const grants = new GlideRecord(TABLE.grant)
    grants.addQuery(GRANT_FIELDS.ritm, String(current.getUniqueValue()))
    grants.addQuery(GRANT_FIELDS.state, 'IN', REVOCABLE_STATES.join(','))
    grants.query()
    let found = false
    while (grants.next()) {
        // Extension records share the RITM; the access is on the grant they extend.
        if (str(grants, GRANT_FIELDS.extendsGrant)) continue
        found = true
        show(
            queueRevokeNow(
                String(grants.getUniqueValue()),
                gs.getUserID(),
                `Revoke now requested by ${gs.getUserName()} from request ${str(current, 'number')}`,
            ),
        )
    }
    if (!found) gs.addErrorMessage('Revoke now: this request holds no access that could be revoked.')
}
