/**
 * Parsing policy records (`x_gbg_breakglass_policy`) as the Table API or `GlideRecord.getValue` returns them:
 * every value a string; booleans 'true' / 'false' from the Table API, '1' / '0' from getValue inside the instance
 * (contracts/servicenow-rest.md, "Glide values"; both read by the shared parseBooleanField); glide_list (reference list) fields comma-separated sys_ids;
 * rule lists JSON strings; references a bare sys_id or ''. A record that does not parse is reported with EVERY
 * error, and {@link evaluatePolicyRecords} denies any request such a record could govern: a broken policy must
 * never silently fall back to a laxer one.
 *
 * Field formats (empty string allowed where noted):
 * - `name` non-empty; `active`: a boolean; `order`: integer; `target_kind`: a TARGET_KINDS value or 'any'.
 * - `corp_managed_only`, `change_required_for_*`, `incident_required_for_emergency`: a boolean; '' = true
 *   (the table's defaults, and the stricter answer).
 * - `min_duration`, `max_duration`, `emergency_max_duration`, `approval_timeout_minutes`,
 *   `emergency_approval_timeout_minutes`: whole minutes ('' = 0 = use the default). A glide_duration value
 *   ('1970-01-01 HH:MM:SS') is accepted too. `min_duration` may be as low as DURATION_BOUNDS.min (1, for
 *   sandbox / demo policies); unset it means DEFAULT_MIN_DURATION_MINUTES (5). It must not exceed
 *   DURATION_BOUNDS.max nor `max_duration`.
 * - `allowed_device_classes`, `high_risk_roles`: comma-separated (or a JSON array of strings); '' = none.
 * - `blocked_users`, `blocked_groups`: comma-separated sys_ids; '' = none.
 * - `allowed_roles`: JSON object `{ "<group sys_id>": ["<role id>", ...] }`; '' = none.
 * - `business_hours`: JSON `{ "days": [1,2,3,4,5], "start": "08:00", "end": "18:00", "utcOffsetMinutes": 60 }`;
 *   '' = no business hours.
 * - `second_approver_rules`: JSON `{ "outsideBusinessHours": bool, "serversOrProduction": bool,
 *   "highRiskRoles": bool }`; '' = all false.
 * - `auto_approve_rules`: JSON array of {@link AutoApproveRule}; '' = none.
 * - `second_approver_group`, `escalation_group`: sys_id or ''.
 * - `incident_command_group`, `security_group`, `customer_authority_group` (the emergency console's named approval
 *   slots, issue 14): sys_id or ''; a console request needs all three (shared evaluate).
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */
import { DURATION_BOUNDS, POLICY_FIELDS, TARGET_KINDS, isSysId } from './schema'
import type { TargetKind } from './schema'
import { isFalseField, parseBooleanField } from './booleans'
import { canonicalJson } from './canonical-json'
import { evaluate, parseHhMm, POLICY_REASON } from './policy'
import { sha256 } from './sha256'
import type {
    AccessRequest,
    AutoApproveRule,
    BusinessHours,
    Decision,
    EvaluationContext,
    PolicyRule,
    SecondApproverRules,
} from './policy-types'

/** Result of {@link policyFromRecord}. */
export type PolicyParseResult = { ok: true; policy: PolicyRule } | { ok: false; errors: string[] }

/** Entra role / object ids: GUID-like tokens only (they end up in Graph URLs and filters). */
const ROLE_ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/
const DURATION_PATTERN = /^1970-01-(\d\d) (\d\d):(\d\d):(\d\d)$/

/** Parse a policy record, reporting every error (prefixed with the field name). */
export function policyFromRecord(fields: Record<string, string>): PolicyParseResult {
    const errors: string[] = []
    const F = POLICY_FIELDS
    const raw = (field: string): string => {
        const v = fields[field]
        if (v === undefined || v === null) return ''
        if (typeof v !== 'string') {
            errors.push(`${field}: must be a string`)
            return ''
        }
        return v
    }

    const bool = (field: string, emptyDefault: boolean | null): boolean => {
        const v = raw(field).trim()
        const parsed = parseBooleanField(v)
        if (parsed !== null) return parsed
        if (v === '' && emptyDefault !== null) return emptyDefault
        errors.push(`${field}: expected a boolean ('true' / 'false' or '1' / '0'), got "${v}"`)
        return false
    }
    const integer = (field: string, emptyDefault: number | null): number => {
        const v = raw(field).trim()
        if (v === '' && emptyDefault !== null) return emptyDefault
        if (/^-?\d+$/.test(v)) return Number(v)
        errors.push(`${field}: expected a whole number, got "${v}"`)
        return 0
    }
    const minutes = (field: string): number => {
        const v = raw(field).trim()
        if (v === '') return 0
        const d = DURATION_PATTERN.exec(v)
        let n: number
        if (d) {
            const seconds = (Number(d[1]) - 1) * 86400 + Number(d[2]) * 3600 + Number(d[3]) * 60 + Number(d[4])
            if (seconds % 60 !== 0) {
                errors.push(`${field}: duration "${v}" is not a whole number of minutes`)
                return 0
            }
            n = seconds / 60
        } else if (/^\d+$/.test(v)) {
            n = Number(v)
        } else {
            errors.push(`${field}: expected whole minutes, got "${v}"`)
            return 0
        }
        if (n > 1000000) {
            errors.push(`${field}: ${n} minutes is not plausible`)
            return 0
        }
        return n
    }
    const json = (field: string): unknown => {
        const v = raw(field).trim()
        if (v === '') return undefined
        try {
            return JSON.parse(v)
        } catch (error) {
            errors.push(`${field}: not valid JSON (${(error as Error).message})`)
            return undefined
        }
    }
    const stringList = (field: string): string[] => {
        const v = raw(field).trim()
        if (v === '') return []
        if (v.charAt(0) === '[') {
            const parsed = json(field)
            if (parsed === undefined) return []
            if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string' || x.trim() === '')) {
                errors.push(`${field}: expected a JSON array of non-empty strings`)
                return []
            }
            return parsed.map((x: string) => x.trim())
        }
        const items = v.split(',').map((x) => x.trim())
        if (items.some((x) => x === '')) errors.push(`${field}: empty item in list "${v}"`)
        return items.filter((x) => x !== '')
    }
    const sysIdList = (field: string): string[] => {
        const items = stringList(field)
        const bad = items.filter((x) => !isSysId(x))
        if (bad.length > 0) errors.push(`${field}: not sys_ids: ${bad.join(', ')}`)
        return items.filter((x) => isSysId(x))
    }
    const reference = (field: string): string => {
        const v = raw(field).trim()
        if (v !== '' && !isSysId(v)) {
            errors.push(`${field}: expected a sys_id or empty, got "${v}"`)
            return ''
        }
        return v
    }

    const name = raw(F.name).trim()
    if (name === '') errors.push(`${F.name}: must not be empty`)
    const active = bool(F.active, null)
    const order = integer(F.order, null)
    const kindText = raw(F.targetKind).trim()
    let targetKind: TargetKind | 'any' = 'any'
    if (kindText === 'any' || TARGET_KINDS.indexOf(kindText as TargetKind) >= 0) {
        targetKind = kindText as TargetKind | 'any'
    } else {
        errors.push(`${F.targetKind}: expected one of ${TARGET_KINDS.join(', ')}, any; got "${kindText}"`)
    }
    const minDurationMinutes = minutes(F.minDuration)
    const maxDurationMinutes = minutes(F.maxDuration)
    const emergencyMaxDurationMinutes = minutes(F.emergencyMaxDuration)
    const allowedDeviceClasses = stringList(F.allowedDeviceClasses).map((c) => c.toLowerCase())
    const corpManagedOnly = bool(F.corpManagedOnly, true)
    const blockedUserIds = sysIdList(F.blockedUsers)
    const blockedGroupIds = sysIdList(F.blockedGroups)
    const allowedRoles = parseAllowedRoles(json(F.allowedRoles), F.allowedRoles, errors)
    const changeRequiredForServers = bool(F.changeRequiredForServers, true)
    const changeRequiredForProduction = bool(F.changeRequiredForProduction, true)
    const incidentRequiredForEmergency = bool(F.incidentRequiredForEmergency, true)
    const businessHours = parseBusinessHours(json(F.businessHours), F.businessHours, errors)
    const secondApproverRules = parseSecondApproverRules(json(F.secondApproverRules), F.secondApproverRules, errors)
    const secondApproverGroupId = reference(F.secondApproverGroup)
    const highRiskRoleIds = stringList(F.highRiskRoles)
    const badRoles = highRiskRoleIds.filter((r) => !ROLE_ID_PATTERN.test(r))
    if (badRoles.length > 0) errors.push(`${F.highRiskRoles}: not role ids: ${badRoles.join(', ')}`)
    const autoApproveRules = parseAutoApproveRules(json(F.autoApproveRules), F.autoApproveRules, errors)
    const approvalTimeoutMinutes = minutes(F.approvalTimeoutMinutes)
    const emergencyApprovalTimeoutMinutes = minutes(F.emergencyApprovalTimeoutMinutes)
    const escalationGroupId = reference(F.escalationGroup)
    const incidentCommandGroupId = reference(F.incidentCommandGroup)
    const securityGroupId = reference(F.securityGroup)
    const customerAuthorityGroupId = reference(F.customerAuthorityGroup)

    // Cross-field checks: a policy that asks for a second approver must say who that is.
    if (
        (secondApproverRules.outsideBusinessHours ||
            secondApproverRules.serversOrProduction ||
            secondApproverRules.highRiskRoles) &&
        secondApproverGroupId === ''
    ) {
        errors.push(`${F.secondApproverGroup}: required when any second approver rule is on`)
    }
    // Any positive minimum is at or above the floor (DURATION_BOUNDS.min = 1); one no request can meet is an error.
    if (minDurationMinutes > 0 && maxDurationMinutes > 0 && minDurationMinutes > maxDurationMinutes) {
        errors.push(`${F.minDuration}: ${minDurationMinutes} is above ${F.maxDuration} ${maxDurationMinutes}`)
    } else if (minDurationMinutes > DURATION_BOUNDS.max) {
        errors.push(`${F.minDuration}: ${minDurationMinutes} is above the hard maximum ${DURATION_BOUNDS.max}`)
    }
    if (secondApproverRules.outsideBusinessHours && businessHours === null) {
        errors.push(`${F.businessHours}: required when the outside-business-hours second approver rule is on`)
    }

    if (errors.length > 0) return { ok: false, errors }
    return {
        ok: true,
        policy: {
            name,
            active,
            order,
            targetKind,
            minDurationMinutes,
            maxDurationMinutes,
            emergencyMaxDurationMinutes,
            allowedDeviceClasses,
            corpManagedOnly,
            blockedUserIds,
            blockedGroupIds,
            allowedRoles,
            changeRequiredForServers,
            changeRequiredForProduction,
            incidentRequiredForEmergency,
            businessHours,
            secondApproverRules,
            secondApproverGroupId,
            highRiskRoleIds,
            autoApproveRules,
            approvalTimeoutMinutes,
            emergencyApprovalTimeoutMinutes,
            escalationGroupId,
            // Set only when given: a policy without console slots keeps the content digest it was confirmed with.
            ...(incidentCommandGroupId ? { incidentCommandGroupId } : {}),
            ...(securityGroupId ? { securityGroupId } : {}),
            ...(customerAuthorityGroupId ? { customerAuthorityGroupId } : {}),
        },
    }
}

/** The record form of a policy (inverse of {@link policyFromRecord}), e.g. to seed an emulator or fixtures. */
export function policyToRecord(policy: PolicyRule): Record<string, string> {
    const F = POLICY_FIELDS
    const record: Record<string, string> = {}
    record[F.name] = policy.name
    record[F.active] = String(policy.active)
    record[F.order] = String(policy.order)
    record[F.targetKind] = policy.targetKind
    record[F.minDuration] = policy.minDurationMinutes ? String(policy.minDurationMinutes) : ''
    record[F.maxDuration] = String(policy.maxDurationMinutes)
    record[F.emergencyMaxDuration] = String(policy.emergencyMaxDurationMinutes)
    record[F.allowedDeviceClasses] = policy.allowedDeviceClasses.join(',')
    record[F.corpManagedOnly] = String(policy.corpManagedOnly)
    record[F.blockedUsers] = policy.blockedUserIds.join(',')
    record[F.blockedGroups] = policy.blockedGroupIds.join(',')
    record[F.allowedRoles] = Object.keys(policy.allowedRoles).length > 0 ? JSON.stringify(policy.allowedRoles) : ''
    record[F.changeRequiredForServers] = String(policy.changeRequiredForServers)
    record[F.changeRequiredForProduction] = String(policy.changeRequiredForProduction)
    record[F.incidentRequiredForEmergency] = String(policy.incidentRequiredForEmergency)
    record[F.businessHours] = policy.businessHours ? JSON.stringify(policy.businessHours) : ''
    record[F.secondApproverRules] = JSON.stringify(policy.secondApproverRules)
    record[F.secondApproverGroup] = policy.secondApproverGroupId
    record[F.highRiskRoles] = policy.highRiskRoleIds.join(',')
    record[F.autoApproveRules] = policy.autoApproveRules.length > 0 ? JSON.stringify(policy.autoApproveRules) : ''
    record[F.approvalTimeoutMinutes] = String(policy.approvalTimeoutMinutes)
    record[F.emergencyApprovalTimeoutMinutes] = String(policy.emergencyApprovalTimeoutMinutes)
    record[F.escalationGroup] = policy.escalationGroupId
    record[F.incidentCommandGroup] = policy.incidentCommandGroupId || ''
    record[F.securityGroup] = policy.securityGroupId || ''
    record[F.customerAuthorityGroup] = policy.customerAuthorityGroupId || ''
    return record
}

/**
 * SHA-256 (hex) of a policy's content: the canonical JSON of the parsed rule, so '1' / 'true', list spacing and
 * field order do not matter and the app (getValue) and the executor (Table API) compute the same value. The
 * confirmation fields are not content.
 */
export function policyContentDigest(policy: PolicyRule): string {
    const content: Record<string, unknown> = {}
    for (const key of Object.keys(policy)) {
        if (key !== 'autoApproveBlocked') content[key] = (policy as unknown as Record<string, unknown>)[key]
    }
    return sha256(canonicalJson(content))
}

/** Digest of a policy record's content; '' when the record does not parse (nothing to confirm). */
export function policyRecordDigest(record: Record<string, string>): string {
    const parsed = policyFromRecord(record)
    return parsed.ok ? policyContentDigest(parsed.policy) : ''
}

/**
 * Whether a policy record's current content was confirmed by a second SecOps person: `edited_by` and
 * `confirmed_by` are two different users and `confirmed_digest` is the digest of the content as it is now. ''
 * when confirmed, else why not (for the person reading the decision).
 */
export function policyConfirmationProblem(record: Record<string, string>, policy: PolicyRule): string {
    const F = POLICY_FIELDS
    const editedBy = (record[F.editedBy] || '').trim()
    const confirmedBy = (record[F.confirmedBy] || '').trim()
    const confirmedDigest = (record[F.confirmedDigest] || '').trim()
    if (!isSysId(confirmedBy) || confirmedDigest === '') {
        return `policy ${policy.name} is not confirmed by a second SecOps person.`
    }
    if (!isSysId(editedBy)) return `policy ${policy.name} records no editor, so its confirmation proves nothing.`
    if (editedBy === confirmedBy) {
        return `policy ${policy.name} was confirmed by the person who last changed it; a second SecOps person must.`
    }
    if (confirmedDigest !== policyContentDigest(policy)) {
        return `policy ${policy.name} was changed after it was confirmed; a second SecOps person must confirm it again.`
    }
    return ''
}

/**
 * Parse every record and evaluate. A record that does not parse denies the request (reason POLICY_INVALID,
 * with all its errors) unless it plainly cannot govern it: it is explicitly inactive, or explicitly for another
 * target kind. Where a broken record could apply, "no matching policy" is not reported on top of it.
 */
export function evaluatePolicyRecords(
    request: AccessRequest,
    records: Record<string, string>[],
    context: EvaluationContext,
): Decision {
    const policies: PolicyRule[] = []
    const broken: { name: string; errors: string[] }[] = []
    for (const record of records) {
        const parsed = policyFromRecord(record)
        if (parsed.ok) {
            const policy = parsed.policy
            // Unconfirmed content: the policy applies, its auto-approve rules do not (human approval instead).
            const problem = policy.autoApproveRules.length > 0 ? policyConfirmationProblem(record, policy) : ''
            policies.push(problem ? { ...policy, autoApproveBlocked: problem } : policy)
            continue
        }
        const active = record[POLICY_FIELDS.active]
        const kind = record[POLICY_FIELDS.targetKind]
        const otherKind = TARGET_KINDS.indexOf(kind as TargetKind) >= 0 && kind !== request.targetKind
        if (isFalseField(active) || otherKind) continue
        broken.push({ name: record[POLICY_FIELDS.name] || '(unnamed)', errors: parsed.errors })
    }
    const decision = evaluate(request, policies, context)
    if (broken.length === 0) return decision
    const reasons = decision.reasons.filter((r) => r.code !== POLICY_REASON.noPolicy)
    for (const b of broken) {
        reasons.push({
            code: POLICY_REASON.policyInvalid,
            message: `Policy ${b.name} is invalid: ${b.errors.join('; ')}`,
        })
    }
    return { ...decision, allowed: false, reasons, requiredApprovals: [], autoApprove: null }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseAllowedRoles(value: unknown, field: string, errors: string[]): Record<string, string[]> {
    const result: Record<string, string[]> = {}
    if (value === undefined) return result
    if (!isPlainObject(value)) {
        errors.push(`${field}: expected a JSON object of group sys_id → role id array`)
        return result
    }
    for (const group of Object.keys(value)) {
        const roles = value[group]
        if (!isSysId(group)) errors.push(`${field}: key "${group}" is not a group sys_id`)
        if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string' || !ROLE_ID_PATTERN.test(r))) {
            errors.push(`${field}: roles of group "${group}" must be an array of role ids`)
            continue
        }
        if (isSysId(group)) result[group] = roles.slice() as string[]
    }
    return result
}

function parseBusinessHours(value: unknown, field: string, errors: string[]): BusinessHours | null {
    if (value === undefined || value === null) return null
    if (!isPlainObject(value)) {
        errors.push(`${field}: expected a JSON object`)
        return null
    }
    const before = errors.length
    const { days, start, end, utcOffsetMinutes } = value
    for (const key of Object.keys(value)) {
        if (['days', 'start', 'end', 'utcOffsetMinutes'].indexOf(key) < 0) errors.push(`${field}: unknown key "${key}"`)
    }
    if (!Array.isArray(days) || days.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 6)) {
        errors.push(`${field}: days must be an array of weekday numbers 0 (Sunday) .. 6`)
    }
    const s = typeof start === 'string' ? parseHhMm(start) : NaN
    const e = typeof end === 'string' ? parseHhMm(end) : NaN
    if (s !== s) errors.push(`${field}: start must be 'HH:MM'`)
    if (e !== e) errors.push(`${field}: end must be 'HH:MM'`)
    if (s === s && e === e && !(s < e))
        errors.push(`${field}: start must be before end (overnight windows are not supported)`)
    if (
        typeof utcOffsetMinutes !== 'number' ||
        !Number.isInteger(utcOffsetMinutes) ||
        Math.abs(utcOffsetMinutes) > 14 * 60
    ) {
        errors.push(`${field}: utcOffsetMinutes must be a whole number within -840..840`)
    }
    if (errors.length > before) return null
    return {
        days: (days as number[]).slice(),
        start: start as string,
        end: end as string,
        utcOffsetMinutes: utcOffsetMinutes as number,
    }
}

function parseSecondApproverRules(value: unknown, field: string, errors: string[]): SecondApproverRules {
    const result: SecondApproverRules = {
        outsideBusinessHours: false,
        serversOrProduction: false,
        highRiskRoles: false,
    }
    if (value === undefined) return result
    if (!isPlainObject(value)) {
        errors.push(`${field}: expected a JSON object`)
        return result
    }
    const keys: (keyof SecondApproverRules)[] = ['outsideBusinessHours', 'serversOrProduction', 'highRiskRoles']
    for (const key of Object.keys(value)) {
        if (keys.indexOf(key as keyof SecondApproverRules) < 0) errors.push(`${field}: unknown key "${key}"`)
    }
    for (const key of keys) {
        const v = value[key]
        if (v === undefined) continue
        if (typeof v !== 'boolean') errors.push(`${field}: ${key} must be a boolean`)
        else result[key] = v
    }
    return result
}

function parseAutoApproveRules(value: unknown, field: string, errors: string[]): AutoApproveRule[] {
    if (value === undefined) return []
    if (!Array.isArray(value)) {
        errors.push(`${field}: expected a JSON array`)
        return []
    }
    const rules: AutoApproveRule[] = []
    value.forEach((item: unknown, i: number) => {
        const where = `${field}[${i}]`
        if (!isPlainObject(item)) {
            errors.push(`${where}: expected an object`)
            return
        }
        const before = errors.length
        const allowed = [
            'name',
            'requireIncidentPriorityAtMost',
            'requireRequesterInIncidentGroup',
            'targetKinds',
            'maxDurationMinutes',
        ]
        for (const key of Object.keys(item)) {
            if (allowed.indexOf(key) < 0) errors.push(`${where}: unknown key "${key}"`)
        }
        if (typeof item.name !== 'string' || item.name.trim() === '')
            errors.push(`${where}: name must be a non-empty string`)
        if (item.requireIncidentPriorityAtMost !== 1 && item.requireIncidentPriorityAtMost !== 2) {
            errors.push(`${where}: requireIncidentPriorityAtMost must be 1 or 2`)
        }
        if (typeof item.requireRequesterInIncidentGroup !== 'boolean') {
            errors.push(`${where}: requireRequesterInIncidentGroup must be a boolean`)
        }
        const kinds = item.targetKinds
        if (
            !Array.isArray(kinds) ||
            kinds.length === 0 ||
            kinds.some((k) => TARGET_KINDS.indexOf(k as TargetKind) < 0)
        ) {
            errors.push(`${where}: targetKinds must be a non-empty array of ${TARGET_KINDS.join(', ')}`)
        }
        const max = item.maxDurationMinutes
        if (typeof max !== 'number' || !Number.isInteger(max) || max <= 0) {
            errors.push(`${where}: maxDurationMinutes must be a positive whole number`)
        }
        if (errors.length > before) return
        rules.push({
            name: item.name as string,
            requireIncidentPriorityAtMost: item.requireIncidentPriorityAtMost as 1 | 2,
            requireRequesterInIncidentGroup: item.requireRequesterInIncidentGroup as boolean,
            targetKinds: (kinds as TargetKind[]).slice(),
            maxDurationMinutes: max as number,
        })
    })
    return rules
}
