/**
 * Put the one grant action of an approved grant on the executor's outbound queue. Idempotent: a grant that
 * already has a grant action gets no second one.
 */
import { GlideRecord } from '@servicenow/glide'
import { appendAudit, msToGlide, nowMs, str } from './glide-io'
import { ACTION_FIELDS, ACTION_PRIORITY, TABLE } from './shared/schema'

/** Insert the grant action; returns its number ('' when one already existed). */
export function queueGrantAction(grantSysId: string, actor: string, reason: string): string {
    const existing = new GlideRecord(TABLE.action)
    existing.addQuery(ACTION_FIELDS.grant, grantSysId)
    existing.addQuery(ACTION_FIELDS.type, 'grant')
    existing.setLimit(1)
    existing.query()
    if (existing.next()) return ''
    const action = new GlideRecord(TABLE.action)
    action.initialize()
    action.setValue(ACTION_FIELDS.grant, grantSysId)
    action.setValue(ACTION_FIELDS.type, 'grant')
    action.setValue(ACTION_FIELDS.state, 'ready')
    action.setValue(ACTION_FIELDS.priority, String(ACTION_PRIORITY.grant))
    action.setValue(ACTION_FIELDS.notBefore, msToGlide(nowMs()))
    action.setValue(ACTION_FIELDS.attempts, '0')
    action.setValue(ACTION_FIELDS.maxAttempts, '10')
    action.setValue(ACTION_FIELDS.idempotencyKey, `grant:${grantSysId}`)
    action.setValue(ACTION_FIELDS.reason, reason.slice(0, 1000))
    const actionSysId = String(action.insert())
    const number = str(action, ACTION_FIELDS.number)
    appendAudit(grantSysId, 'grant.queued', actor, { action: number, priority: ACTION_PRIORITY.grant }, actionSysId)
    return number
}

/** Insert a revoke action (revoke now, watchdog re-queue); returns its number. */
export function queueRevokeAction(
    grantSysId: string,
    priority: number,
    idempotencyKey: string,
    requestedBy: string,
    reason: string,
    actor: string,
): string {
    const action = new GlideRecord(TABLE.action)
    action.initialize()
    action.setValue(ACTION_FIELDS.grant, grantSysId)
    action.setValue(ACTION_FIELDS.type, 'revoke')
    action.setValue(ACTION_FIELDS.state, 'ready')
    action.setValue(ACTION_FIELDS.priority, String(priority))
    action.setValue(ACTION_FIELDS.notBefore, msToGlide(nowMs()))
    action.setValue(ACTION_FIELDS.attempts, '0')
    action.setValue(ACTION_FIELDS.maxAttempts, '1000')
    action.setValue(ACTION_FIELDS.idempotencyKey, idempotencyKey)
    if (requestedBy) action.setValue(ACTION_FIELDS.requestedBy, requestedBy)
    action.setValue(ACTION_FIELDS.reason, reason.slice(0, 1000))
    const actionSysId = String(action.insert())
    const number = str(action, ACTION_FIELDS.number)
    appendAudit(
        grantSysId,
        'revoke.queued',
        actor,
        { action: number, priority, reason: reason.slice(0, 1000) },
        actionSysId,
    )
    return number
}
