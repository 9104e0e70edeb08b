/**
 * The app's writes to the executor's outbound queue: the one grant action of an approved grant (idempotent: a
 * grant that already has a grant action gets no second one) and revoke actions (revoke now, watchdog re-queue).
 * Each inserted action is recorded in the grant's audit chain.
 */
import { GlideRecord } from '@servicenow/glide'
import { appendAudit, msToGlide, nowMs, str } from './glide-io'
import { ACTION_FIELDS, ACTION_PRIORITY, TABLE } from './shared/schema'

/** What differs between the actions the app queues. */
interface NewAction {
    type: 'grant' | 'revoke'
    priority: number
    maxAttempts: number
    idempotencyKey: string
    /** sys_user sys_id of whoever asked ('' for the app itself). */
    requestedBy: string
    reason: string
    /** Not to run before (epoch ms); now when absent. */
    notBeforeMs?: number
}

/** Insert a ready action due now and audit it as `eventType`; returns its number. */
function insertAction(grantSysId: string, a: NewAction, eventType: string, actor: string, payload: object): string {
    const reason = a.reason.slice(0, 1000)
    const action = new GlideRecord(TABLE.action)
    action.initialize()
    action.setValue(ACTION_FIELDS.grant, grantSysId)
    action.setValue(ACTION_FIELDS.type, a.type)
    action.setValue(ACTION_FIELDS.state, 'ready')
    action.setValue(ACTION_FIELDS.priority, String(a.priority))
    action.setValue(ACTION_FIELDS.notBefore, msToGlide(a.notBeforeMs !== undefined ? a.notBeforeMs : nowMs()))
    action.setValue(ACTION_FIELDS.attempts, '0')
    action.setValue(ACTION_FIELDS.maxAttempts, String(a.maxAttempts))
    action.setValue(ACTION_FIELDS.idempotencyKey, a.idempotencyKey)
    if (a.requestedBy) action.setValue(ACTION_FIELDS.requestedBy, a.requestedBy)
    action.setValue(ACTION_FIELDS.reason, reason)
    const actionSysId = String(action.insert())
    const number = str(action, ACTION_FIELDS.number)
    appendAudit(grantSysId, eventType, actor, { action: number, priority: a.priority, ...payload }, actionSysId)
    return number
}

/** Insert the grant action; returns its number ('' when one already existed). */
export function queueGrantAction(grantSysId: string, actor: string, reason: string): string {
    const existing = new GlideRecord(TABLE.action)
    existing.addQuery(ACTION_FIELDS.grant, grantSysId)
    existing.addQuery(ACTION_FIELDS.type, 'grant')
    existing.setLimit(1)
    existing.query()
    if (existing.next()) return ''
    const grant: NewAction = {
        type: 'grant',
        priority: ACTION_PRIORITY.grant,
        maxAttempts: 10,
        idempotencyKey: `grant:${grantSysId}`,
        requestedBy: '',
        reason,
    }
    return insertAction(grantSysId, grant, 'grant.queued', actor, {})
}

/** Insert a revoke action (revoke now, watchdog re-queue, ticket end; due at `notBeforeMs`, else now); returns its number. */
export function queueRevokeAction(
    grantSysId: string,
    priority: number,
    idempotencyKey: string,
    requestedBy: string,
    reason: string,
    actor: string,
    notBeforeMs?: number,
): string {
    const revoke: NewAction = {
        type: 'revoke',
        priority,
        maxAttempts: 1000,
        idempotencyKey,
        requestedBy,
        reason,
        ...(notBeforeMs !== undefined ? { notBeforeMs } : {}),
    }
    return insertAction(grantSysId, revoke, 'revoke.queued', actor, {
        reason: reason.slice(0, 1000),
        ...(notBeforeMs !== undefined ? { notBefore: msToGlide(notBeforeMs) } : {}),
    })
}
