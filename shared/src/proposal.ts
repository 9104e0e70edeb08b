/**
 * Validation of a request *proposed* by an assistant or a Teams bot through the app's scripted REST API. A
 * proposal can only create a request (which then goes through policy and approval like any other); it cannot
 * approve, execute or change state. Every field is checked here, strictly: unknown fields, wrong types and
 * identifiers of the wrong shape are refused with one message per problem (HTTP 400), and only identifiers of a
 * fixed shape (sys_id, user name, ticket number, GUID) ever reach a query.
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import type { TargetKind } from './schema'
import { DURATION_BOUNDS, TARGET_KINDS, isSysId } from './schema'
import { MIN_JUSTIFICATION_LENGTH } from './policy'

/** Maximum justification length (the grant column is 4000 characters). */
export const MAX_JUSTIFICATION_LENGTH = 4000

/** Fields a proposal may carry. */
export const PROPOSAL_FIELDS = [
    'requested_for',
    'target_kind',
    'device',
    'role_id',
    'role_name',
    'group_id',
    'account',
    'duration_minutes',
    'justification',
    'incident',
    'change_request',
    'emergency',
] as const

/** A valid proposal. References are as given (sys_id, user name or ticket number); the app resolves them. */
export interface Proposal {
    requestedFor: string
    targetKind: TargetKind
    device: string
    roleId: string
    roleName: string
    groupId: string
    account: string
    durationMinutes: number
    justification: string
    incident: string
    change: string
    emergency: boolean
}

/** One problem with a field. */
export interface ProposalError {
    field: string
    message: string
}

export type ProposalResult = { ok: true; proposal: Proposal } | { ok: false; errors: ProposalError[] }

const USER_NAME = /^[A-Za-z0-9._@+-]{1,100}$/
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const INCIDENT_NUMBER = /^INC[0-9]{7,10}$/
const CHANGE_NUMBER = /^CHG[0-9]{7,10}$/
const ACCOUNT = /^[A-Za-z0-9._@\\-]{1,255}$/
const ROLE_NAME = /^[A-Za-z0-9 ._()-]{1,100}$/

/** Validate a parsed JSON body. */
export function validateProposal(body: unknown): ProposalResult {
    const errors: ProposalError[] = []
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return { ok: false, errors: [{ field: '(body)', message: 'The body must be a JSON object.' }] }
    }
    const b = body as Record<string, unknown>
    for (const key of Object.keys(b)) {
        if ((PROPOSAL_FIELDS as readonly string[]).indexOf(key) < 0) {
            errors.push({ field: key, message: 'Unknown field (a proposal may not set it).' })
        }
    }
    const text = (field: string, required: boolean, pattern: RegExp | null, what: string): string => {
        const value = b[field]
        if (value === undefined || value === null || value === '') {
            if (required) errors.push({ field, message: `Required: ${what}.` })
            return ''
        }
        if (typeof value !== 'string') {
            errors.push({ field, message: `Must be a string: ${what}.` })
            return ''
        }
        if (pattern && !pattern.test(value)) {
            errors.push({ field, message: `Not a valid value: expected ${what}.` })
            return ''
        }
        return value
    }

    const requestedFor = text('requested_for', true, USER_NAME, 'a user name or sys_id of the person the access is for')
    const kindText = text('target_kind', true, null, `one of ${TARGET_KINDS.join(', ')}`)
    let targetKind: TargetKind = 'device_local_admin'
    if (kindText !== '') {
        if (TARGET_KINDS.indexOf(kindText as TargetKind) < 0) {
            errors.push({
                field: 'target_kind',
                message: `Not a valid value: expected one of ${TARGET_KINDS.join(', ')}.`,
            })
        } else {
            targetKind = kindText as TargetKind
        }
    }
    const device = text(
        'device',
        targetKind === 'device_local_admin' && kindText !== '',
        /^[0-9a-f]{32}$/,
        'the sys_id of a cmdb_ci_computer',
    )
    const roleId = text('role_id', targetKind === 'entra_role', GUID, 'an Entra role definition id (GUID)')
    const roleName = text('role_name', false, ROLE_NAME, 'a role display name')
    const groupId = text('group_id', targetKind === 'entra_group', GUID, 'an Entra group object id (GUID)')
    const account = text(
        'account',
        targetKind === 'pam_account' || targetKind === 'console',
        ACCOUNT,
        'an account name',
    )
    for (const [field, kinds] of [
        ['device', ['device_local_admin']],
        ['role_id', ['entra_role']],
        ['role_name', ['entra_role']],
        ['group_id', ['entra_group', 'device_local_admin']],
        ['account', ['pam_account', 'console']],
    ] as [string, string[]][]) {
        if (kindText !== '' && b[field] !== undefined && kinds.indexOf(targetKind) < 0) {
            errors.push({ field, message: `Not allowed for target_kind ${targetKind}.` })
        }
    }

    let durationMinutes = 0
    const d = b.duration_minutes
    if (d === undefined || d === null) {
        errors.push({ field: 'duration_minutes', message: 'Required: a whole number of minutes.' })
    } else if (typeof d !== 'number' || !Number.isInteger(d)) {
        errors.push({ field: 'duration_minutes', message: 'Must be a whole number of minutes.' })
    } else if (d < DURATION_BOUNDS.min || d > DURATION_BOUNDS.max) {
        errors.push({
            field: 'duration_minutes',
            message: `Out of bounds: ${DURATION_BOUNDS.min} to ${DURATION_BOUNDS.max} minutes.`,
        })
    } else {
        durationMinutes = d
    }

    const justification = text(
        'justification',
        true,
        null,
        `a justification of ${MIN_JUSTIFICATION_LENGTH} to ${MAX_JUSTIFICATION_LENGTH} characters`,
    )
    if (justification !== '') {
        const length = justification.trim().length
        if (length < MIN_JUSTIFICATION_LENGTH || justification.length > MAX_JUSTIFICATION_LENGTH) {
            errors.push({
                field: 'justification',
                message: `Must be ${MIN_JUSTIFICATION_LENGTH} to ${MAX_JUSTIFICATION_LENGTH} characters.`,
            })
        }
    }
    const incident = text('incident', false, null, 'an incident number (INC…) or sys_id')
    if (incident !== '' && !INCIDENT_NUMBER.test(incident) && !isSysId(incident)) {
        errors.push({ field: 'incident', message: 'Not a valid value: expected an incident number (INC…) or sys_id.' })
    }
    const change = text('change_request', false, null, 'a change number (CHG…) or sys_id')
    if (change !== '' && !CHANGE_NUMBER.test(change) && !isSysId(change)) {
        errors.push({
            field: 'change_request',
            message: 'Not a valid value: expected a change number (CHG…) or sys_id.',
        })
    }
    let emergency = false
    if (b.emergency !== undefined && b.emergency !== null) {
        if (typeof b.emergency !== 'boolean') errors.push({ field: 'emergency', message: 'Must be true or false.' })
        else emergency = b.emergency
    }
    if (errors.length > 0) return { ok: false, errors }
    return {
        ok: true,
        proposal: {
            requestedFor,
            targetKind,
            device,
            roleId,
            roleName,
            groupId,
            account,
            durationMinutes,
            justification,
            incident,
            change,
            emergency,
        },
    }
}
