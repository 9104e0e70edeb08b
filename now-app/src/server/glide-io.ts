/**
 * The app's Glide glue, in one place: time conversions, properties, reading the platform records a request
 * refers to (user, groups, CI, incident, change), journal entries and the hash-chained audit trail. Decisions are
 * made elsewhere (shared/); this module only reads and writes records. Every query is built with addQuery on a
 * fixed field name: no encoded query is ever assembled from record or request text.
 */
import { gs, GlideRecord, GlideDateTime } from '@servicenow/glide'
import { auditHead } from './audit-chain-rule'
import { APP_REACTION_EVENT, chainEvent, GENESIS_HASH } from './shared/audit-chain'
import { isTrueField, parseBooleanProperty, type BooleanPropertyReading } from './shared/booleans'
import { canonicalJson } from './shared/canonical-json'
import type { RequestChange, RequestCi, RequestIncident, RequestedFor } from './shared/policy-types'
import {
    APP_TASK_FIELDS,
    COMPUTER_FIELDS,
    GROUP_MEMBER_FIELDS,
    PRODUCTION_USED_FOR,
    SERVER_CLASS,
    SYSTEM_FIELDS,
    USER_FIELDS,
    USER_MANAGER_FIELD,
} from './shared/platform'
import { AUDIT_FIELDS, PLATFORM_TABLE, TABLE, isSysId } from './shared/schema'

/** A field's value as a string ('' when empty). */
export function str(record: any, field: string): string {
    const value = record.getValue(field)
    return value === null || value === undefined ? '' : String(value)
}

/**
 * Whether a true/false field is set. On the instance getValue gives '1' / '0' for a boolean (contracts/
 * servicenow-rest.md, "Glide values"), never 'true': read every boolean field through here (the shared
 * isTrueField accepts both spellings; empty or anything else is false).
 */
export function boolField(record: any, field: string): boolean {
    return isTrueField(str(record, field))
}

/** A whole number of minutes from record or form text; NaN when the text is not one (the policy then says so). */
export function wholeNumber(text: string): number {
    return /^[0-9]{1,6}$/.test(text.trim()) ? parseInt(text.trim(), 10) : NaN
}

/** Now, epoch milliseconds (the instance clock). */
export function nowMs(): number {
    return new GlideDateTime().getNumericValue()
}

/** A glide_date_time value ('YYYY-MM-DD HH:mm:ss', UTC) as epoch ms; null when empty or unparsable. */
export function glideToMs(value: string): number | null {
    if (!value) return null
    const gdt = new GlideDateTime()
    gdt.setValue(value)
    const ms = gdt.getNumericValue()
    return typeof ms === 'number' && isFinite(ms) && ms > 0 ? ms : null
}

/** Epoch ms as a glide_date_time value. */
export function msToGlide(ms: number): string {
    const gdt = new GlideDateTime()
    gdt.setNumericValue(ms)
    return gdt.getValue()
}

/** ISO-8601 at whole seconds (how audit times are hashed: a glide_date_time stores seconds). */
export function isoSeconds(ms: number): string {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString()
}

/** An integer property; `fallback` when missing or not a positive integer. */
export function intProperty(name: string, fallback: number): number {
    const n = parseInt(String(gs.getProperty(name, '')), 10)
    return isFinite(n) && n > 0 ? n : fallback
}

/**
 * A boolean property, read by the shared parser (booleans.ts) the executor uses too: exactly 'true' / 'false';
 * anything else (missing, "true ", "TRUE", "1") is `safeValue` plus an error for a person to see.
 */
export function booleanProperty(name: string, safeValue = false): BooleanPropertyReading {
    const raw: unknown = gs.getProperty(name)
    return parseBooleanProperty(name, raw === null || raw === undefined ? raw : String(raw), safeValue)
}

/** A boolean property's value (see {@link booleanProperty}; a missing or malformed kill switch is off). */
export function boolProperty(name: string): boolean {
    return booleanProperty(name).value
}

/** A sys_id property ('' when empty or not a sys_id). */
export function sysIdProperty(name: string): string {
    const value = String(gs.getProperty(name, ''))
    return isSysId(value) ? value : ''
}

/** Distinct values of `pick` over the group memberships where `field` = `value` (sorted). */
function memberships(field: string, value: string, pick: string): string[] {
    const out: string[] = []
    if (!isSysId(value)) return out
    const gr = new GlideRecord(PLATFORM_TABLE.groupMember)
    gr.addQuery(field, value)
    gr.query()
    while (gr.next()) {
        const v = str(gr, pick)
        if (isSysId(v) && out.indexOf(v) < 0) out.push(v)
    }
    return out.sort()
}

/** sys_user_group sys_ids the user is a member of. */
export function userGroupIds(userSysId: string): string[] {
    return memberships(GROUP_MEMBER_FIELDS.user, userSysId, GROUP_MEMBER_FIELDS.group)
}

/** Active members (sys_user sys_ids) of a group. */
export function groupMemberIds(groupSysId: string): string[] {
    return memberships(GROUP_MEMBER_FIELDS.group, groupSysId, GROUP_MEMBER_FIELDS.user).filter((u) => {
        const user = new GlideRecord(PLATFORM_TABLE.user)
        return user.get(u) && boolField(user, USER_FIELDS.active)
    })
}

/** A user as the policy sees it, plus name and manager; null when the user does not exist. */
export interface UserInfo extends RequestedFor {
    name: string
    managerSysId: string
}

export function readUser(sysId: string): UserInfo | null {
    if (!isSysId(sysId)) return null
    const gr = new GlideRecord(PLATFORM_TABLE.user)
    if (!gr.get(sysId)) return null
    return {
        sysId,
        userName: str(gr, USER_FIELDS.userName),
        email: str(gr, USER_FIELDS.email),
        active: boolField(gr, USER_FIELDS.active),
        groupIds: userGroupIds(sysId),
        name: str(gr, USER_FIELDS.name),
        managerSysId: str(gr, USER_MANAGER_FIELD),
    }
}

/** A user's sys_id from a user name or a sys_id ('' when there is no such user). */
export function findUserSysId(reference: string): string {
    const gr = new GlideRecord(PLATFORM_TABLE.user)
    if (isSysId(reference)) return gr.get(reference) ? reference : ''
    gr.addQuery(USER_FIELDS.userName, reference)
    gr.setLimit(1)
    gr.query()
    return gr.next() ? str(gr, SYSTEM_FIELDS.sysId) || String(gr.getUniqueValue()) : ''
}

/** A user's display name for messages ('' when unknown). */
export function userName(sysId: string): string {
    if (!isSysId(sysId)) return ''
    const gr = new GlideRecord(PLATFORM_TABLE.user)
    return gr.get(sysId) ? str(gr, USER_FIELDS.name) || str(gr, USER_FIELDS.userName) : ''
}

/** The computer CI; null when it does not exist. Servers stored as cmdb_ci_server count as servers. */
export function readCi(sysId: string): RequestCi | null {
    if (!isSysId(sysId)) return null
    const gr = new GlideRecord(PLATFORM_TABLE.computer)
    if (!gr.get(sysId)) return null
    const declared = str(gr, COMPUTER_FIELDS.deviceClass)
    return {
        sysId,
        name: str(gr, COMPUTER_FIELDS.name),
        deviceClass: declared !== '' ? declared : str(gr, SYSTEM_FIELDS.className) === SERVER_CLASS ? 'server' : '',
        corpManaged: boolField(gr, COMPUTER_FIELDS.corpManaged),
        production: str(gr, COMPUTER_FIELDS.usedFor) === PRODUCTION_USED_FOR,
    }
}

/** Open a task by sys_id or number (a fixed-shape reference; nothing else reaches the query). */
function getTask(table: string, reference: string): any {
    if (!reference) return null
    const gr = new GlideRecord(table)
    if (isSysId(reference)) return gr.get(reference) ? gr : null
    if (!/^[A-Z]{2,5}[0-9]{5,12}$/.test(reference)) return null
    gr.addQuery(APP_TASK_FIELDS.number, reference)
    gr.setLimit(1)
    gr.query()
    return gr.next() ? gr : null
}

/** The incident by sys_id or number; null when it does not exist. */
export function readIncident(reference: string): RequestIncident | null {
    const gr = getTask(PLATFORM_TABLE.incident, reference)
    if (!gr) return null
    return {
        sysId: String(gr.getUniqueValue()),
        number: str(gr, APP_TASK_FIELDS.number),
        priority: parseInt(str(gr, APP_TASK_FIELDS.priority), 10) || 5,
        active: boolField(gr, APP_TASK_FIELDS.active),
        state: str(gr, APP_TASK_FIELDS.state),
        callerId: str(gr, APP_TASK_FIELDS.callerId),
        assignedTo: str(gr, APP_TASK_FIELDS.assignedTo),
        assignmentGroupId: str(gr, APP_TASK_FIELDS.assignmentGroup),
        ciSysId: str(gr, APP_TASK_FIELDS.cmdbCi),
    }
}

/** The change request by sys_id or number; null when it does not exist. */
export function readChange(reference: string): RequestChange | null {
    const gr = getTask(PLATFORM_TABLE.change, reference)
    if (!gr) return null
    const start = glideToMs(str(gr, APP_TASK_FIELDS.startDate))
    const end = glideToMs(str(gr, APP_TASK_FIELDS.endDate))
    return {
        sysId: String(gr.getUniqueValue()),
        number: str(gr, APP_TASK_FIELDS.number),
        active: boolField(gr, APP_TASK_FIELDS.active),
        state: str(gr, APP_TASK_FIELDS.state),
        startMs: start === null ? NaN : start,
        endMs: end === null ? NaN : end,
        ciSysId: str(gr, APP_TASK_FIELDS.cmdbCi),
        requestedBy: str(gr, APP_TASK_FIELDS.requestedBy),
        assignedTo: str(gr, APP_TASK_FIELDS.assignedTo),
        assignmentGroupId: str(gr, APP_TASK_FIELDS.assignmentGroup),
    }
}

/** Append a journal entry (work_notes or comments) to a task; silently nothing when the task is gone. */
export function addJournal(table: string, sysId: string, field: 'work_notes' | 'comments', text: string): void {
    if (!isSysId(sysId)) return
    const gr = new GlideRecord(table)
    if (!gr.get(sysId)) return
    gr.setValue(field, text)
    gr.update()
}

/** A user's login name ('' when unknown). */
export function userNameOf(sysId: string): string {
    if (!isSysId(sysId)) return ''
    const gr = new GlideRecord(PLATFORM_TABLE.user)
    return gr.get(sysId) ? str(gr, USER_FIELDS.userName) : ''
}

/**
 * The latest journal entry of `field` on a record, written by `author` (a user name) when given; '' when none.
 * Journal entries are sys_journal_field rows (element_id = the record).
 */
export function latestJournal(table: string, sysId: string, field: 'work_notes' | 'comments', author = ''): string {
    const gr = new GlideRecord(JOURNAL_TABLE)
    gr.addQuery('name', table)
    gr.addQuery('element_id', sysId)
    gr.addQuery('element', field)
    if (author) gr.addQuery('sys_created_by', author)
    gr.orderByDesc('sys_created_on')
    gr.setLimit(1)
    gr.query()
    return gr.next() ? str(gr, 'value') : ''
}

/** The platform table holding journal entries. */
const JOURNAL_TABLE = 'sys_journal_field'

/** The actor recorded in audit events for the current session user. */
export function sessionActor(): string {
    return String(gs.getUserName() || 'system')
}

/** Appends tried when the audit insert rule refuses a stale head (each re-reads the head). */
const AUDIT_APPEND_ATTEMPTS = 5

/**
 * Append an audit event to the grant's chain: sequence and prev_hash continue from the grant's last event (the
 * executor appends to the same chain the same way), the hash is the shared auditHash over the stored content.
 */
export function appendAudit(
    grantSysId: string,
    eventType: string,
    actor: string,
    payload: unknown,
    actionSysId = '',
): void {
    const at = nowMs()
    const payloadText = canonicalJson(payload === undefined ? {} : payload)
    // The audit insert rule refuses an event that does not extend the current head (another appender — the
    // executor, a replica, a concurrent transaction — got there first): re-read the head and link after it.
    for (let attempt = 1; attempt <= AUDIT_APPEND_ATTEMPTS; attempt++) {
        const head = auditHead(grantSysId)
        const sequence = head ? head.sequence + 1 : 1
        const prevHash = head ? head.hash : GENESIS_HASH
        const event = chainEvent(prevHash, {
            grant: grantSysId,
            action: actionSysId,
            sequence,
            eventType,
            actor,
            occurredAt: isoSeconds(at),
            payload: JSON.parse(payloadText) as unknown,
        })
        const gr = new GlideRecord(TABLE.auditEvent)
        gr.initialize()
        gr.setValue(AUDIT_FIELDS.grant, grantSysId)
        if (actionSysId) gr.setValue(AUDIT_FIELDS.action, actionSysId)
        gr.setValue(AUDIT_FIELDS.sequence, String(sequence))
        gr.setValue(AUDIT_FIELDS.eventType, eventType)
        gr.setValue(AUDIT_FIELDS.actor, actor)
        gr.setValue(AUDIT_FIELDS.occurredAt, msToGlide(Math.floor(at / 1000) * 1000))
        gr.setValue(AUDIT_FIELDS.payload, payloadText)
        gr.setValue(AUDIT_FIELDS.prevHash, prevHash)
        gr.setValue(AUDIT_FIELDS.hash, event.hash)
        if (gr.insert()) return
    }
    gs.error(`Break-glass: audit event ${eventType} of grant ${grantSysId} not appended: the chain head kept moving`)
}

/** Queue an app event (e-mail notifications listen to these) and record it in the audit trail. */
export function notify(eventName: string, grant: any, parm1: string, parm2: string): void {
    gs.eventQueue(eventName, grant, parm1, parm2)
    appendAudit(String(grant.getUniqueValue()), APP_REACTION_EVENT.notificationQueued, 'system', {
        event: eventName,
        recipients: parm1 ? parm1.split(',').length : 0,
    })
}
