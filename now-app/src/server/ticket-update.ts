/**
 * Ticket updates (`x_gbg_breakglass_ticket_update`): the executor's platform-side effects, performed by the app.
 *
 * The executor's integration user holds only the executor role: it may not write a RITM's work notes, raise an
 * incident or attach a file to a task on a stock instance. It inserts a row here instead (create + read ACLs, no
 * write, no delete), and these rules perform the effect with GlideRecord under the app's cross-scope privileges:
 *
 * - before insert ({@link guardTicketUpdate}): refuse (abort → 403 to the Table API caller, with the reason) a row
 *   that names no existing grant, an unknown kind, a key already used, or a target that is not the grant's own:
 *   a note goes only to the grant's RITM, an incident note only to the incident linked to the grant or raised for
 *   it through this table — never to a record the caller names otherwise. Result fields are cleared.
 * - after insert ({@link applyTicketUpdate}): perform the effect and record the result on the row (`state`,
 *   `result_sys_id`, `result_number`, `error`); the executor reads them back.
 *
 * Incidents are assigned to the SecOps group property and raised with the session user (the integration user) as
 * caller: both decided here, not by the executor.
 */
import { gs, GlideRecord, GlideSysAttachment } from '@servicenow/glide'
import { addJournal, str } from './glide-io'
import { APP_TASK_FIELDS, INCIDENT_STATE } from './shared/platform'
import {
    GRANT_FIELDS,
    PLATFORM_TABLE,
    PROPERTY,
    TABLE,
    TICKET_UPDATE_FIELDS as F,
    TICKET_UPDATE_KINDS,
    isSysId,
} from './shared/schema'

/** Longest idempotency key. */
const KEY_MAX = 200
/** Longest short description of an incident. */
const SHORT_DESCRIPTION_MAX = 160
/** correlation_id of incidents raised for the executor: one per grant and kind. */
export function executorIncidentCorrelation(grantSysId: string, incidentKind: string): string {
    return `x_gbg_breakglass:executor:${grantSysId}:${incidentKind}`.slice(0, 100)
}

/** Incident kinds the executor raises for integration failures (`integration_writeback`): children of the grant's incident. */
export function isIntegrationIncidentKind(kind: string): boolean {
    return kind.indexOf('integration_') === 0
}

/** A kind name of the executor's (revoke_failed, drift, audit_chain_tampered:<hex>…). */
const INCIDENT_KIND = /^[a-z][a-z0-9_:.-]{0,63}$/
/** An executor's instance name (lease owner): what a Teams notice claim records. */
export const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/
/** A file name of the receipt. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
/** A MIME type. */
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]{1,60}$/
/** Base64 text. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function refuse(current: any, message: string): void {
    gs.addErrorMessage(`Ticket update refused: ${message}`)
    current.setAbortAction(true)
}

/**
 * The incidents a note about `grantSysId` may go to: the grant's linked one and its watchdog's (when the grant exists),
 * and those raised for that same grant value through this table.
 */
function incidentsOf(grantSysId: string, grant: any): string[] {
    const out = grant
        ? [str(grant, GRANT_FIELDS.incident), str(grant, GRANT_FIELDS.watchdogIncident)].filter((id) => isSysId(id))
        : []
    const raised = new GlideRecord(TABLE.ticketUpdate)
    raised.addQuery(F.grant, grantSysId)
    raised.addQuery(F.kind, 'incident')
    raised.addQuery(F.state, 'done')
    raised.query()
    while (raised.next()) {
        const id = str(raised, F.resultSysId)
        if (isSysId(id) && out.indexOf(id) < 0) out.push(id)
    }
    return out
}

/** Before insert: the row is refused unless its effect stays within its own grant. */
export function guardTicketUpdate(current: any): void {
    // Whatever the caller sent, the result is the app's to write.
    current.setValue(F.state, '')
    current.setValue(F.resultSysId, '')
    current.setValue(F.resultNumber, '')
    current.setValue(F.error, '')

    const key = str(current, F.idempotencyKey)
    if (key === '' || key.length > KEY_MAX)
        return refuse(current, `an idempotency key (1-${KEY_MAX} characters) is required.`)
    const kind = str(current, F.kind)
    if ((TICKET_UPDATE_KINDS as readonly string[]).indexOf(kind) < 0) {
        return refuse(
            current,
            `unknown kind "${kind.slice(0, 40)}"; expected one of ${TICKET_UPDATE_KINDS.join(', ')}.`,
        )
    }
    const grantSysId = str(current, F.grant)
    const grant = new GlideRecord(TABLE.grant)
    const exists = isSysId(grantSysId) && grant.get(grantSysId)
    // Only a new incident for SecOps may be about a grant that does not exist (a queue row naming none is itself
    // what SecOps must hear about), and a note on an incident raised that way. Nothing else.
    const standalone = kind === 'incident' || kind === 'incident_note'
    if (!exists && !(standalone && (grantSysId === '' || isSysId(grantSysId)))) {
        return refuse(current, 'it names no existing grant.')
    }
    const number = exists ? str(grant, GRANT_FIELDS.number) : `(no grant ${grantSysId || 'named'})`

    const same = new GlideRecord(TABLE.ticketUpdate)
    same.addQuery(F.idempotencyKey, key)
    same.setLimit(1)
    same.query()
    if (same.next()) return refuse(current, `duplicate idempotency key ${key}; read the existing row by its key.`)

    const text = str(current, F.text)
    if (kind === 'ritm_note') {
        if (!isSysId(str(grant, GRANT_FIELDS.ritm)))
            return refuse(current, `grant ${str(grant, GRANT_FIELDS.number)} has no RITM.`)
        if (text.trim() === '') return refuse(current, 'the note is empty.')
        if (str(current, F.incident) !== '') return refuse(current, 'a RITM note names no incident.')
    } else if (kind === 'incident_note') {
        const incident = str(current, F.incident)
        if (!isSysId(incident) || incidentsOf(grantSysId, exists ? grant : null).indexOf(incident) < 0) {
            return refuse(
                current,
                `incident ${incident.slice(0, 40) || '(none)'} is not linked to or raised for grant ${number}.`,
            )
        }
        if (text.trim() === '') return refuse(current, 'the note is empty.')
    } else if (kind === 'teams_notice') {
        // The claim of one Teams approval notice by one executor (executor-api.ts executorApprovalNotices): the key
        // is the notice's, the text the claiming executor's name. Nothing else happens.
        if (key.indexOf('notice:') !== 0) return refuse(current, 'a Teams notice key starts with "notice:".')
        if (!INSTANCE_NAME.test(text)) return refuse(current, 'a Teams notice names the executor that claims it.')
        if (str(current, F.incident) !== '') return refuse(current, 'a Teams notice names no incident.')
    } else if (kind === 'incident') {
        const priority = str(current, F.priority)
        if (priority !== '1' && priority !== '2') return refuse(current, 'an incident is priority 1 or 2.')
        if (!INCIDENT_KIND.test(str(current, F.incidentKind)))
            return refuse(current, 'the incident kind is not a kind name.')
        if (str(current, F.shortDescription).trim() === '')
            return refuse(current, 'the incident needs a short description.')
        if (str(current, F.incident) !== '') return refuse(current, 'a new incident names no incident.')
    } else {
        if (!FILE_NAME.test(str(current, F.fileName))) return refuse(current, 'the receipt needs a plain file name.')
        if (!CONTENT_TYPE.test(str(current, F.contentType))) return refuse(current, 'the receipt needs a content type.')
        const content = str(current, F.content)
        if (content === '' || !BASE64.test(content)) return refuse(current, 'the receipt content must be base64.')
        if (str(current, F.incident) !== '') return refuse(current, 'a receipt names no incident.')
    }
}

/** After insert: perform the effect and record its result on the row. */
export function applyTicketUpdate(current: any): void {
    const row = new GlideRecord(TABLE.ticketUpdate)
    if (!row.get(String(current.getUniqueValue()))) return
    const grantSysId = str(current, F.grant)
    const grant = new GlideRecord(TABLE.grant)
    const exists = isSysId(grantSysId) && grant.get(grantSysId)
    const done = (sysId: string, number: string): void => {
        row.setValue(F.state, 'done')
        row.setValue(F.resultSysId, sysId)
        row.setValue(F.resultNumber, number)
        row.setWorkflow(false)
        row.update()
    }
    const failed = (error: string): void => {
        row.setValue(F.state, 'failed')
        row.setValue(F.error, error.slice(0, 4000))
        row.setWorkflow(false)
        row.update()
    }
    const kind = str(current, F.kind)
    const text = str(current, F.text)
    if (kind === 'ritm_note') {
        const ritm = str(grant, GRANT_FIELDS.ritm)
        const task = new GlideRecord(PLATFORM_TABLE.ritm)
        if (!task.get(ritm)) return failed(`RITM ${ritm} does not exist.`)
        addJournal(PLATFORM_TABLE.ritm, ritm, 'work_notes', text)
        return done(ritm, str(task, APP_TASK_FIELDS.number))
    }
    if (kind === 'incident_note') {
        const id = str(current, F.incident)
        const task = new GlideRecord(PLATFORM_TABLE.incident)
        if (!task.get(id)) return failed(`incident ${id} does not exist.`)
        addJournal(PLATFORM_TABLE.incident, id, 'work_notes', text)
        return done(id, str(task, APP_TASK_FIELDS.number))
    }
    if (kind === 'incident') {
        const priority = str(current, F.priority)
        const gr = new GlideRecord(PLATFORM_TABLE.incident)
        gr.initialize()
        gr.setValue(APP_TASK_FIELDS.state, INCIDENT_STATE.new)
        gr.setValue(APP_TASK_FIELDS.shortDescription, str(current, F.shortDescription).slice(0, SHORT_DESCRIPTION_MAX))
        gr.setValue(
            APP_TASK_FIELDS.description,
            exists
                ? `${text}\n\nBreak-glass grant: ${str(grant, GRANT_FIELDS.number)} (${TABLE.grant} ${grantSysId})`
                : `${text}\n\nBreak-glass grant: none — the executor's request names ${grantSysId || 'no grant'}, which does not exist.`,
        )
        // Priority comes from impact × urgency on an instance: 1×1 → P1, 1×2 → P2.
        gr.setValue(APP_TASK_FIELDS.impact, '1')
        gr.setValue(APP_TASK_FIELDS.urgency, priority)
        gr.setValue(APP_TASK_FIELDS.priority, priority)
        gr.setValue(
            APP_TASK_FIELDS.correlationId,
            executorIncidentCorrelation(grantSysId || 'none', str(current, F.incidentKind)),
        )
        const secops = String(gs.getProperty(PROPERTY.secopsGroup, '') || '').trim()
        if (isSysId(secops)) gr.setValue(APP_TASK_FIELDS.assignmentGroup, secops)
        const caller = String(gs.getUserID())
        if (isSysId(caller)) gr.setValue(APP_TASK_FIELDS.callerId, caller)
        const ci = str(grant, GRANT_FIELDS.targetCi)
        if (isSysId(ci)) gr.setValue(APP_TASK_FIELDS.cmdbCi, ci)
        // An integration failure (the executor cannot record the grant) is a child of the grant's own incident, when
        // it has one (seed 001: "open a child incident for integration failure"); the incident must exist.
        const linked = exists ? str(grant, GRANT_FIELDS.incident) : ''
        if (isIntegrationIncidentKind(str(current, F.incidentKind)) && isSysId(linked)) {
            const parent = new GlideRecord(PLATFORM_TABLE.incident)
            if (parent.get(linked)) gr.setValue(APP_TASK_FIELDS.parentIncident, linked)
        }
        const id = gr.insert()
        if (!id) return failed('the incident could not be created.')
        return done(String(id), str(gr, APP_TASK_FIELDS.number))
    }
    // A Teams notice claim: the row itself is the effect (the executor that claimed it sends the card).
    if (kind === 'teams_notice') return done(grantSysId, '')
    // receipt: on the grant's RITM, else on the grant itself.
    const ritm = str(grant, GRANT_FIELDS.ritm)
    const parent = new GlideRecord(isSysId(ritm) ? PLATFORM_TABLE.ritm : TABLE.grant)
    if (!parent.get(isSysId(ritm) ? ritm : String(grant.getUniqueValue())))
        return failed('the receipt has no record to go to.')
    const attachmentId = new GlideSysAttachment().writeBase64(
        parent,
        str(current, F.fileName),
        str(current, F.contentType),
        str(current, F.content),
    )
    if (!attachmentId) return failed('the receipt could not be attached.')
    return done(String(attachmentId), '')
}
