/**
 * Building, digesting, parsing and verifying the execution plan (see plan-types.ts). The plan is frozen with
 * `planDigest` before approval; the executor re-parses the stored JSON with {@link parsePlan} (strict: unknown
 * or missing fields are errors) and recomputes the digest with {@link verifyPlanDigest} before every privileged
 * call.
 *
 * Pure ES2021, dependency-free — deliberately no zod: this file is bundled into the ServiceNow app.
 */
import { canonicalJson } from './canonical-json'
import { DURATION_BOUNDS, PROVIDERS, TARGET_KINDS, isSysId } from './schema'
import type { ProviderName, TargetKind } from './schema'
import { PLAN_VERSION } from './plan-types'
import type { ExecutionPlan, PlanTarget, PlanTickets } from './plan-types'
import type { AccessRequest } from './policy-types'
import { isSha256Hex, sha256 } from './sha256'

/**
 * Default provider per target kind. Device local admin goes through an Entra group fed into the devices' local
 * Administrators (Intune policy) unless the deployment configures the admin-as-a-service webhook instead; PAM
 * accounts go through the webhook; the emergency console kind through the browser-driving `console` provider.
 */
export function defaultProviderFor(kind: TargetKind): ProviderName {
    switch (kind) {
        case 'device_local_admin':
            return 'entra-group'
        case 'entra_role':
            return 'entra-role'
        case 'entra_group':
            return 'entra-group'
        case 'pam_account':
            return 'webhook'
        case 'console':
            return 'console'
    }
}

/** Input of {@link buildPlan}. */
export interface BuildPlanInput {
    grantSysId: string
    grantNumber: string
    /** The request the policy allowed. */
    request: AccessRequest
    /**
     * Approved duration in minutes (already bounded by policy and approvers). A plan only checks the hard
     * DURATION_BOUNDS (1..1440): the policy minimum — 5 unless a sandbox policy sets less — was applied by
     * evaluate / boundApprovedDuration before the plan was frozen.
     */
    durationMinutes: number
    /** From the policy decision. */
    highRisk: boolean
    /** RITM number, when the request came through the catalog. */
    ritmNumber?: string
    /** Provider to use. @defaultValue `defaultProviderFor(request.targetKind)` */
    provider?: ProviderName
}

/**
 * Build the execution plan for an allowed request. Only the fields relevant to the target kind are set.
 *
 * @throws Error listing every problem when the result would not pass {@link parsePlan} (e.g. a device request
 *   without a CI, a duration outside the hard bounds): a plan that the executor would refuse is never frozen.
 */
export function buildPlan(input: BuildPlanInput): ExecutionPlan {
    const request = input.request
    const kind = request.targetKind
    const target: PlanTarget = { kind }
    const t = request.target
    if (kind === 'device_local_admin') {
        if (t.ci) {
            target.ciSysId = t.ci.sysId
            target.deviceName = t.ci.name
            target.deviceClass = t.ci.deviceClass
        }
        if (t.groupId) target.groupId = t.groupId
    } else if (kind === 'entra_role') {
        if (t.roleId !== undefined) target.roleId = t.roleId
        if (t.roleName) target.roleName = t.roleName
    } else if (kind === 'entra_group') {
        if (t.groupId !== undefined) target.groupId = t.groupId
    } else if (t.account !== undefined) {
        target.account = t.account
        if (kind === 'console') {
            if (t.tenantId !== undefined) target.tenantId = t.tenantId
            if (t.tenantName !== undefined) target.tenantName = t.tenantName
            if (t.scope !== undefined) target.scope = t.scope
        }
    }
    const tickets: PlanTickets = {}
    if (input.ritmNumber) tickets.ritm = input.ritmNumber
    if (request.incident && request.incident.number) tickets.incident = request.incident.number
    if (request.change && request.change.number) tickets.change = request.change.number
    const plan: ExecutionPlan = {
        version: PLAN_VERSION,
        grantSysId: input.grantSysId,
        grantNumber: input.grantNumber,
        provider: input.provider === undefined ? defaultProviderFor(kind) : input.provider,
        operation: 'grant',
        principal: {
            userSysId: request.requestedFor.sysId,
            userName: request.requestedFor.userName,
            email: request.requestedFor.email,
        },
        target,
        durationMinutes: input.durationMinutes,
        justification: request.justification,
        tickets,
        emergency: request.emergency,
        highRisk: input.highRisk,
    }
    const errors = validatePlan(plan)
    if (errors.length > 0) throw new Error(`buildPlan: invalid plan: ${errors.join('; ')}`)
    return plan
}

/** SHA-256 (lowercase hex) of the plan's canonical JSON: independent of key order and whitespace. */
export function planDigest(plan: ExecutionPlan): string {
    return sha256(canonicalJson(plan))
}

/** Result of {@link parsePlan} / {@link verifyPlanDigest}. */
export type PlanParseResult = { ok: true; plan: ExecutionPlan } | { ok: false; errors: string[] }

/** Parse and strictly validate stored plan JSON, reporting every problem. */
export function parsePlan(json: string): PlanParseResult {
    let value: unknown
    try {
        value = JSON.parse(json)
    } catch (error) {
        return { ok: false, errors: [`plan is not valid JSON: ${(error as Error).message}`] }
    }
    const errors = validatePlan(value)
    if (errors.length > 0) return { ok: false, errors }
    return { ok: true, plan: value as ExecutionPlan }
}

/**
 * Parse `planJson` and check that its digest equals `digest` (the one frozen at approval). Any failure —
 * unparseable plan, malformed digest, mismatch — is `ok: false`: the executor must not act.
 */
export function verifyPlanDigest(planJson: string, digest: string): PlanParseResult {
    if (!isSha256Hex(digest)) return { ok: false, errors: ['digest is not a lowercase SHA-256 hex string'] }
    const parsed = parsePlan(planJson)
    if (!parsed.ok) return parsed
    const actual = planDigest(parsed.plan)
    if (actual !== digest) {
        return {
            ok: false,
            errors: [`plan digest mismatch: the plan was changed after approval (${actual} != ${digest})`],
        }
    }
    return parsed
}

const PLAN_KEYS = [
    'version',
    'grantSysId',
    'grantNumber',
    'provider',
    'operation',
    'principal',
    'target',
    'durationMinutes',
    'justification',
    'tickets',
    'emergency',
    'highRisk',
]
const PRINCIPAL_KEYS = ['userSysId', 'userName', 'email']
const TARGET_KEYS = [
    'kind',
    'ciSysId',
    'deviceName',
    'deviceClass',
    'roleId',
    'roleName',
    'groupId',
    'account',
    'tenantId',
    'tenantName',
    'scope',
]
const TICKET_KEYS = ['ritm', 'incident', 'change']
/** Target fields that must be present (non-empty) per kind; the others allowed per kind are optional. */
const TARGET_REQUIRED: Record<TargetKind, string[]> = {
    device_local_admin: ['ciSysId', 'deviceName'],
    entra_role: ['roleId'],
    entra_group: ['groupId'],
    pam_account: ['account'],
    console: ['account'],
}
const TARGET_ALLOWED: Record<TargetKind, string[]> = {
    device_local_admin: ['ciSysId', 'deviceName', 'deviceClass', 'groupId'],
    entra_role: ['roleId', 'roleName'],
    entra_group: ['groupId'],
    pam_account: ['account'],
    // The console packet (tenant, scope) is optional here: the webhook's console kind has none; the console
    // provider refuses a plan without it (providers/console/provider.ts consolePacket).
    console: ['account', 'tenantId', 'tenantName', 'scope'],
}
/** Provider ids (Entra object / role ids) are GUID-like; never let arbitrary text reach a URL. */
const PROVIDER_ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], where: string, errors: string[]): void {
    for (const key of Object.keys(obj)) {
        if (allowed.indexOf(key) < 0) errors.push(`${where}.${key} is not a plan field`)
    }
}

function validatePlan(value: unknown): string[] {
    const errors: string[] = []
    if (!isPlainObject(value)) return ['plan must be a JSON object']
    checkKeys(value, PLAN_KEYS.concat(['extension']), 'plan', errors)
    for (const key of PLAN_KEYS) {
        if (!(key in value)) errors.push(`plan.${key} is missing`)
    }
    if ('version' in value && value.version !== PLAN_VERSION) {
        errors.push(`plan.version must be ${PLAN_VERSION}`)
    }
    if ('grantSysId' in value && !isSysId(value.grantSysId)) errors.push('plan.grantSysId must be a sys_id')
    if ('grantNumber' in value && !nonEmptyString(value.grantNumber))
        errors.push('plan.grantNumber must be a non-empty string')
    if ('provider' in value && PROVIDERS.indexOf(value.provider as ProviderName) < 0) {
        errors.push(`plan.provider must be one of ${PROVIDERS.join(', ')}`)
    }
    if ('operation' in value && value.operation !== 'grant' && value.operation !== 'extend')
        errors.push("plan.operation must be 'grant' or 'extend'")
    validateExtension(value, errors)
    if ('principal' in value) {
        const p = value.principal
        if (!isPlainObject(p)) {
            errors.push('plan.principal must be an object')
        } else {
            checkKeys(p, PRINCIPAL_KEYS, 'plan.principal', errors)
            if (!isSysId(p.userSysId)) errors.push('plan.principal.userSysId must be a sys_id')
            if (!nonEmptyString(p.userName)) errors.push('plan.principal.userName must be a non-empty string')
            if (typeof p.email !== 'string') errors.push('plan.principal.email must be a string')
        }
    }
    if ('target' in value) validateTarget(value.target, errors)
    if ('durationMinutes' in value) {
        const d = value.durationMinutes
        if (typeof d !== 'number' || !Number.isInteger(d) || d < DURATION_BOUNDS.min || d > DURATION_BOUNDS.max) {
            errors.push(
                `plan.durationMinutes must be a whole number within ${DURATION_BOUNDS.min}..${DURATION_BOUNDS.max}`,
            )
        }
    }
    if ('justification' in value && typeof value.justification !== 'string')
        errors.push('plan.justification must be a string')
    if ('tickets' in value) {
        const tickets = value.tickets
        if (!isPlainObject(tickets)) {
            errors.push('plan.tickets must be an object')
        } else {
            checkKeys(tickets, TICKET_KEYS, 'plan.tickets', errors)
            for (const key of TICKET_KEYS) {
                if (key in tickets && !nonEmptyString(tickets[key]))
                    errors.push(`plan.tickets.${key} must be a non-empty string`)
            }
        }
    }
    if ('emergency' in value && typeof value.emergency !== 'boolean') errors.push('plan.emergency must be a boolean')
    if ('highRisk' in value && typeof value.highRisk !== 'boolean') errors.push('plan.highRisk must be a boolean')
    return errors
}

const EXTENSION_KEYS = ['grantSysId', 'grantNumber', 'fromExpiresAt', 'toExpiresAt']
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/

/** `extension` is present exactly on an `extend` plan, names another grant, and its end is later than its start. */
function validateExtension(value: Record<string, unknown>, errors: string[]): void {
    const extend = value.operation === 'extend'
    if (!('extension' in value)) {
        if (extend) errors.push('plan.extension is required for operation extend')
        return
    }
    if (!extend) {
        errors.push('plan.extension applies only to operation extend')
        return
    }
    const e = value.extension
    if (!isPlainObject(e)) {
        errors.push('plan.extension must be an object')
        return
    }
    checkKeys(e, EXTENSION_KEYS, 'plan.extension', errors)
    if (!isSysId(e.grantSysId)) errors.push('plan.extension.grantSysId must be a sys_id')
    else if (e.grantSysId === value.grantSysId) errors.push('plan.extension.grantSysId must name another grant')
    if (!nonEmptyString(e.grantNumber)) errors.push('plan.extension.grantNumber must be a non-empty string')
    for (const key of ['fromExpiresAt', 'toExpiresAt']) {
        const v = e[key]
        if (typeof v !== 'string' || !ISO_UTC.test(v) || !isFinite(Date.parse(v)))
            errors.push(`plan.extension.${key} must be an ISO 8601 UTC time`)
    }
    if (
        typeof e.fromExpiresAt === 'string' &&
        typeof e.toExpiresAt === 'string' &&
        !(Date.parse(e.toExpiresAt) > Date.parse(e.fromExpiresAt))
    )
        errors.push('plan.extension.toExpiresAt must be later than fromExpiresAt')
}

function validateTarget(target: unknown, errors: string[]): void {
    if (!isPlainObject(target)) {
        errors.push('plan.target must be an object')
        return
    }
    checkKeys(target, TARGET_KEYS, 'plan.target', errors)
    const kind = target.kind as TargetKind
    if (TARGET_KINDS.indexOf(kind) < 0) {
        errors.push(`plan.target.kind must be one of ${TARGET_KINDS.join(', ')}`)
        return
    }
    for (const key of TARGET_REQUIRED[kind]) {
        if (!(key in target)) errors.push(`plan.target.${key} is required for ${kind}`)
    }
    for (const key of Object.keys(target)) {
        if (key === 'kind' || TARGET_KEYS.indexOf(key) < 0) continue
        if (TARGET_ALLOWED[kind].indexOf(key) < 0) {
            errors.push(`plan.target.${key} does not apply to ${kind}`)
            continue
        }
        const v = target[key]
        if (!nonEmptyString(v)) {
            errors.push(`plan.target.${key} must be a non-empty string`)
        } else if (key === 'ciSysId' && !isSysId(v)) {
            errors.push('plan.target.ciSysId must be a sys_id')
        } else if ((key === 'roleId' || key === 'groupId') && !PROVIDER_ID_PATTERN.test(v)) {
            errors.push(`plan.target.${key} must be a provider object id (letters, digits, '-')`)
        }
    }
}

function nonEmptyString(value: unknown): value is string {
    return typeof value === 'string' && value.length > 0
}
