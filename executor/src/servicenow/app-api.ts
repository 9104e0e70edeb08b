/**
 * The executor's side of the app's own interfaces for it (docs/request-lifecycle.md "What the executor may touch
 * on the instance"): the answers of the Scripted REST operations (gate facts, context), validated with zod — an
 * answer we do not understand is an error, so the recheck gate refuses — and the rows of the ticket-update table
 * through which the app performs the executor's platform-side effects.
 */
import { z } from 'zod'
import { PROPERTY, TABLE, TICKET_UPDATE_FIELDS as F, isSysId, parseKillSwitch } from '@gbg/shared'
import type {
    AppSettings,
    ApprovalRecord,
    ComputerRecord,
    GateFactsBundle,
    InstanceContext,
    TicketUpdate,
    TicketUpdateResult,
    UserRecord,
} from '../ports'
import { redactString } from '../log'
import type { SnRecord } from './client'
import { ServiceNowError } from './errors'
import { IDENTIFIER_PATTERN, parseGlideDateTime } from './query'

const sysId = z.string().regex(/^[0-9a-f]{32}$/)
/** A reference value: '' or a sys_id. */
const ref = z.union([z.literal(''), sysId])
/** "YYYY-MM-DD HH:mm:ss" UTC or ''. */
const glideDate = z.string().refine((v) => {
    try {
        parseGlideDateTime(v)
        return true
    } catch {
        return false
    }
}, 'not a date-time')

const settingsSchema = z
    .object({ integration_enabled: z.string().nullable(), default_max_duration_minutes: z.string().nullable() })
    .strict()

const gateFactsSchema = z
    .object({
        grant: sysId,
        approvals: z.array(
            z
                .object({
                    sys_id: sysId,
                    approver: ref,
                    state: z.string().max(40),
                    document_id: z.string().max(32),
                    source_table: z.string().max(80),
                    sysapproval: ref,
                    sys_updated_on: glideDate,
                })
                .strict(),
        ),
        users: z.array(
            z
                .object({
                    sys_id: sysId,
                    user_name: z.string().min(1).max(100),
                    // The display name, for Teams cards only: an app that does not send it (or sends '') still passes.
                    name: z.string().max(255).default(''),
                    email: z.string().max(255),
                    active: z.boolean(),
                    groups: z.array(sysId),
                })
                .strict(),
        ),
        computers: z.array(
            z
                .object({
                    sys_id: sysId,
                    name: z.string().max(255),
                    device_class: z.string().max(40),
                    production: z.boolean(),
                    corp_managed: z.boolean().nullable(),
                })
                .strict(),
        ),
        incident: z
            .object({
                sys_id: sysId,
                number: z.string().max(40),
                priority: z.number().int(),
                active: z.boolean(),
                state: z.string().max(40).optional(),
                caller_id: ref,
                assigned_to: ref,
                assignment_group: ref,
                cmdb_ci: ref,
                sys_mod_count: z.number().int(),
                sys_updated_on: z.string().max(40),
            })
            .strict()
            .nullable(),
        change: z
            .object({
                sys_id: sysId,
                number: z.string().max(40),
                active: z.boolean(),
                state: z.string().max(40).optional(),
                start_date: glideDate,
                end_date: glideDate,
                cmdb_ci: ref,
                requested_by: ref,
                assigned_to: ref,
                assignment_group: ref,
            })
            .strict()
            .nullable(),
        settings: settingsSchema,
    })
    .strict()

const contextSchema = z
    .object({
        settings: settingsSchema.extend({ secops_group: z.string().nullable() }).strict(),
        secops_group: z
            .object({
                status: z.enum(['ok', 'unset', 'invalid', 'not_found']),
                sys_id: ref,
                name: z.string().max(255),
            })
            .strict(),
        failure_route: z
            .object({ via: z.enum(['resolver', 'secops', '']), sys_id: ref, name: z.string().max(255) })
            .strict()
            .optional(),
        incident_caller: z
            .object({ sys_id: sysId, user_name: z.string().max(100) })
            .strict()
            .nullable(),
        session: z
            .object({
                sys_id: ref,
                user_name: z.string().max(100),
                roles: z.array(z.string().max(100)),
                time_zone: z.string().max(100),
            })
            .strict(),
    })
    .strict()

/** Why an answer does not have the contract's shape (first few problems, each with its path). */
function shapeProblems(error: z.ZodError): string {
    return error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`)
        .join('; ')
}

/** The settings the gate evaluates with, parsed by the shared parsers the app uses too. */
function appSettings(raw: z.infer<typeof settingsSchema>): AppSettings & { error: string } {
    // (The context answer keeps the stored texts: doctor reports them as they are.)
    // Exactly 'true' enables; missing, unreadable or anything else ("true ", "TRUE", "1") → disabled (fail secure).
    const killSwitch = parseKillSwitch(PROPERTY.integrationEnabled, raw.integration_enabled)
    const max = (raw.default_max_duration_minutes ?? '').trim()
    return {
        integrationEnabled: killSwitch.value,
        defaultMaxDurationMinutes: /^\d+$/.test(max) ? Number(max) : 0,
        error: killSwitch.error ?? '',
    }
}

/** Parse and check the gate facts of `grantSysId`; anything unexpected is a fatal error (the gate refuses). */
export function parseGateFacts(answer: unknown, grantSysId: string): GateFactsBundle {
    const parsed = gateFactsSchema.safeParse(answer)
    if (!parsed.success) {
        throw new ServiceNowError(
            'fatal',
            `The gate facts of grant ${grantSysId} do not have the expected shape: ${shapeProblems(parsed.error)}`,
        )
    }
    const f = parsed.data
    if (f.grant !== grantSysId) {
        throw new ServiceNowError('fatal', `The gate facts answer is about grant ${f.grant}, not ${grantSysId}`)
    }
    const approval = (a: (typeof f.approvals)[number]): ApprovalRecord => ({
        sysId: a.sys_id,
        approverSysId: a.approver,
        state: a.state,
        updatedOn: parseGlideDateTime(a.sys_updated_on) ?? new Date(Number.NaN),
    })
    const onGrant = (a: (typeof f.approvals)[number]): boolean =>
        a.document_id === grantSysId && a.source_table === TABLE.grant
    const users = new Map<string, UserRecord>()
    for (const u of f.users) {
        users.set(u.sys_id, {
            sysId: u.sys_id,
            userName: u.user_name,
            ...(u.name ? { displayName: u.name } : {}),
            email: u.email,
            active: u.active,
            groupSysIds: [...new Set(u.groups)],
        })
    }
    const computers = new Map<string, ComputerRecord>()
    for (const c of f.computers) {
        computers.set(c.sys_id, {
            sysId: c.sys_id,
            name: c.name,
            deviceClass: c.device_class,
            production: c.production,
            // Absent (unknown) stays undefined: "not known to be corp-managed".
            ...(c.corp_managed !== null ? { corpManaged: c.corp_managed } : {}),
        })
    }
    const i = f.incident
    const c = f.change
    const { error: _error, ...settings } = appSettings(f.settings)
    return {
        grantApprovals: f.approvals.filter(onGrant).map(approval),
        ritmApprovals: f.approvals.filter((a) => !onGrant(a)).map(approval),
        users,
        computers,
        incident: i
            ? {
                  sysId: i.sys_id,
                  number: i.number,
                  priority: i.priority,
                  active: i.active,
                  ...(i.state !== undefined ? { state: i.state } : {}),
                  callerId: i.caller_id,
                  assignedTo: i.assigned_to,
                  assignmentGroupId: i.assignment_group,
                  ciSysId: i.cmdb_ci,
                  sysModCount: i.sys_mod_count,
                  sysUpdatedOn: i.sys_updated_on,
              }
            : null,
        change: c
            ? {
                  sysId: c.sys_id,
                  number: c.number,
                  active: c.active,
                  ...(c.state !== undefined ? { state: c.state } : {}),
                  // An empty window is NaN: every comparison with it is false, so "inside the window" fails (secure).
                  startMs: parseGlideDateTime(c.start_date)?.getTime() ?? Number.NaN,
                  endMs: parseGlideDateTime(c.end_date)?.getTime() ?? Number.NaN,
                  ciSysId: c.cmdb_ci,
                  requestedBy: c.requested_by,
                  assignedTo: c.assigned_to,
                  assignmentGroupId: c.assignment_group,
              }
            : null,
        settings,
    }
}

/** Check the context answer (doctor, start-up) against the contract's shape; anything else is a fatal error. */
export function parseInstanceContext(answer: unknown): InstanceContext {
    const parsed = contextSchema.safeParse(answer)
    if (!parsed.success) {
        throw new ServiceNowError(
            'fatal',
            `The executor context answer does not have the expected shape: ${shapeProblems(parsed.error)}`,
        )
    }
    return parsed.data
}

/** Fields read back from a ticket-update row. */
export const TICKET_UPDATE_READ: readonly string[] = [
    'sys_id',
    F.grant,
    F.kind,
    F.idempotencyKey,
    F.state,
    F.resultSysId,
    F.resultNumber,
    F.error,
]

/** Longest text of a note or an incident description (the column's length). */
const TEXT_MAX = 8000
/** Longest short description of an incident. */
const SHORT_DESCRIPTION_MAX = 160
/** Receipt file names and content types (what the app's rule accepts). */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]{1,60}$/

/** The row to insert for `update` (redacted text; identifiers validated; nothing else). */
export function ticketUpdateBody(update: TicketUpdate, idempotencyKey: string): Record<string, string> {
    // Only an incident (and a note on it) may be about no grant: a queue row naming none is what SecOps must hear of.
    const standalone = update.kind === 'incident' || update.kind === 'incident_note'
    if (!isSysId(update.grantSysId) && !(standalone && update.grantSysId === '')) {
        throw new ServiceNowError('fatal', 'ticket update: grant is not a sys_id')
    }
    if (!IDENTIFIER_PATTERN.test(idempotencyKey)) {
        throw new ServiceNowError('fatal', `ticket update: idempotency key must match ${String(IDENTIFIER_PATTERN)}`)
    }
    const body: Record<string, string> = {
        ...(update.grantSysId !== '' ? { [F.grant]: update.grantSysId } : {}),
        [F.kind]: update.kind,
        [F.idempotencyKey]: idempotencyKey,
    }
    switch (update.kind) {
        case 'ritm_note':
            body[F.text] = redactString(update.text).slice(0, TEXT_MAX)
            break
        case 'incident_note':
            if (!isSysId(update.incidentSysId)) throw new ServiceNowError('fatal', 'incident note: not a sys_id')
            body[F.incident] = update.incidentSysId
            body[F.text] = redactString(update.text).slice(0, TEXT_MAX)
            break
        case 'incident':
            if (update.priority !== 1 && update.priority !== 2)
                throw new ServiceNowError('fatal', 'incident priority must be 1 or 2')
            body[F.incidentKind] = update.incidentKind
            body[F.priority] = String(update.priority)
            body[F.shortDescription] = redactString(update.shortDescription).slice(0, SHORT_DESCRIPTION_MAX)
            body[F.text] = redactString(update.description).slice(0, TEXT_MAX)
            break
        case 'receipt':
            if (!FILE_NAME.test(update.fileName)) throw new ServiceNowError('fatal', 'receipt: not a plain file name')
            if (!CONTENT_TYPE.test(update.contentType)) throw new ServiceNowError('fatal', 'receipt: bad content type')
            body[F.fileName] = update.fileName
            body[F.contentType] = update.contentType
            body[F.content] = update.content.toString('base64')
            break
        default:
            throw new ServiceNowError('fatal', `unknown ticket update kind ${(update as { kind: string }).kind}`)
    }
    return body
}

/** What the app recorded on a ticket-update row; a failed effect is fatal, an unfinished one retryable. */
export function ticketUpdateResult(row: SnRecord): TicketUpdateResult {
    const state = row[F.state] ?? ''
    const key = row[F.idempotencyKey] ?? ''
    if (state === 'failed') {
        throw new ServiceNowError(
            'fatal',
            `The app could not perform ticket update ${key}: ${row[F.error] || 'no reason given'}`,
        )
    }
    if (state !== 'done') {
        throw new ServiceNowError('retryable', `Ticket update ${key} is not done yet (state ${JSON.stringify(state)})`)
    }
    const resultSysId = row[F.resultSysId] ?? ''
    return { sysId: isSysId(resultSysId) ? resultSysId : '', number: row[F.resultNumber] ?? '' }
}
