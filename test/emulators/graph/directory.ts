/**
 * The Graph emulator's tenant: users, directory roles, groups, PIM for roles, PIM for Groups and plain group
 * membership, driven by an injectable clock. Pure state and rules, no HTTP: `index.ts` routes requests here.
 *
 * Rules modelled from the contract notes (`contracts/microsoft-graph.md`): schedule-request body validation,
 * `RoleAssignmentExists`, `RoleAssignmentDoesNotExist`, `ActiveDurationTooShort`, `PendingRoleAssignmentRequest`,
 * policy rules (`ExpirationRule`, `JustificationRule`, `TicketingRule`), approval-required roles
 * (`PendingApproval`), native expiry (an instance disappears at its `endDateTime` on the emulator's clock),
 * `$ref` membership errors and the destructive `DELETE /groups/{id}/members/{id}` without `/$ref`.
 *
 * Test / dev code only.
 */
import { randomUUID } from 'node:crypto'
import { isoZ, parseIsoDuration } from './odata'

/** A failure Graph would answer with: HTTP status + OData error code + message. */
export class GraphFault extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
    ) {
        super(message)
    }
}

export interface EmulatorUser {
    id: string
    userPrincipalName: string
    mail: string
    displayName: string
    /**
     * Graph's `signInSessionsValidFromDateTime`: refresh tokens and session cookies issued before it are invalid.
     * `POST /users/{id}/revokeSignInSessions` sets it to now (Graph v1.0 "user: revokeSignInSessions").
     */
    signInSessionsValidFromDateTime?: string
}

/**
 * A PIM eligibility (`unifiedRoleEligibilityScheduleInstance`, Graph v1.0 "List roleEligibilityScheduleInstances"):
 * the principal may hold the role. Eligibility is not access: only an assignment is.
 */
export interface RoleEligibilityInstanceRecord {
    id: string
    principalId: string
    roleDefinitionId: string
    directoryScopeId: string
    appScopeId: string | null
    startDateTime: string
    endDateTime: string | null
    memberType: 'Direct' | 'Group' | 'Inherited'
    roleEligibilityScheduleId: string
}

export interface EmulatorRole {
    id: string
    displayName: string
}

export interface EmulatorGroup {
    id: string
    displayName: string
}

/** Tenant set-up and role / group policy. */
export interface DirectoryOptions {
    now: () => Date
    users: EmulatorUser[]
    roles: EmulatorRole[]
    groups: EmulatorGroup[]
    /** Role id → maximum active assignment duration (ISO 8601). Longer or permanent → `ExpirationRule`. */
    roleMaxDuration?: Record<string, string>
    /** Group id → maximum PIM for Groups assignment duration (ISO 8601). */
    groupMaxDuration?: Record<string, string>
    /** Policy requires a justification (`JustificationRule`). */
    requireJustification?: boolean
    /** Policy requires ticket info (`TicketingRule`). */
    requireTicket?: boolean
    /** Roles whose assignment needs approval: requests end in `PendingApproval` with an `approvalId`. */
    approvalRequiredRoles?: string[]
    /** Minimum active time before an assignment may be removed (`ActiveDurationTooShort`). @defaultValue 5 */
    minActiveMinutes?: number
    /** PIM role eligibilities present at start (permanent unless `endDateTime`). @defaultValue none */
    eligibilities?: Array<{ principalId: string; roleDefinitionId: string; endDateTime?: string }>
}

const ROLE_ACTIONS = [
    'adminAssign',
    'adminUpdate',
    'adminRemove',
    'adminExtend',
    'adminRenew',
    'selfActivate',
    'selfDeactivate',
    'selfExtend',
    'selfRenew',
] as const
const EXPIRATION_TYPES = ['notSpecified', 'noExpiration', 'afterDateTime', 'afterDuration'] as const

/** A validated schedule: start and end (null = permanent). */
interface Schedule {
    start: Date
    end: Date | null
}

/** Stored role assignment schedule request (the shape Graph returns). */
export interface RoleRequestRecord {
    id: string
    status: string
    createdDateTime: string
    completedDateTime: string | null
    approvalId: string | null
    customData: string | null
    action: string
    principalId: string
    roleDefinitionId: string
    directoryScopeId: string | null
    appScopeId: string | null
    isValidationOnly: boolean
    targetScheduleId: string | null
    justification: string | null
    createdBy: { application: { id: string; displayName: string | null } | null; device: null; user: null }
    scheduleInfo: unknown
    ticketInfo: { ticketNumber: string | null; ticketSystem: string | null } | null
}

/** Active (or scheduled) role assignment. */
export interface RoleInstanceRecord {
    id: string
    principalId: string
    roleDefinitionId: string
    directoryScopeId: string
    appScopeId: string | null
    startDateTime: string
    endDateTime: string | null
    assignmentType: 'Assigned' | 'Activated'
    memberType: 'Direct' | 'Group' | 'Inherited'
    roleAssignmentOriginId: string
    roleAssignmentScheduleId: string
}

/** Stored PIM for Groups assignment schedule request. */
export interface GroupRequestRecord {
    id: string
    status: string
    createdDateTime: string
    completedDateTime: string | null
    approvalId: string | null
    customData: string | null
    action: string
    accessId: string
    principalId: string
    groupId: string
    isValidationOnly: boolean
    targetScheduleId: string | null
    justification: string | null
    createdBy: RoleRequestRecord['createdBy']
    scheduleInfo: unknown
    ticketInfo: RoleRequestRecord['ticketInfo']
}

/** Active (or scheduled) PIM for Groups assignment. */
export interface GroupInstanceRecord {
    id: string
    accessId: 'member' | 'owner'
    groupId: string
    principalId: string
    startDateTime: string
    endDateTime: string | null
    assignmentType: 'assigned' | 'activated'
    memberType: 'direct' | 'group'
    assignmentScheduleId: string
}

/** A `DELETE /groups/{id}/members/{id}` without `/$ref`: the dangerous call that deletes the object. */
export interface DangerousDelete {
    groupId: string
    objectId: string
    at: string
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function optString(body: Record<string, unknown>, key: string): string | null {
    const v = body[key]
    if (v === undefined || v === null) return null
    if (typeof v !== 'string') throw new GraphFault(400, 'BadRequest', `Property '${key}' must be a string.`)
    return v
}

const APP_NAME = 'gbg-executor'

/** The emulated tenant. */
export class Directory {
    readonly users = new Map<string, EmulatorUser>()
    readonly roles = new Map<string, EmulatorRole>()
    readonly groups = new Map<string, EmulatorGroup>()
    /** Direct (non-PIM) members per group. */
    readonly directMembers = new Map<string, Set<string>>()
    readonly roleRequests: RoleRequestRecord[] = []
    roleInstances: RoleInstanceRecord[] = []
    readonly groupRequests: GroupRequestRecord[] = []
    groupInstances: GroupInstanceRecord[] = []
    readonly dangerousDeletes: DangerousDelete[] = []
    roleEligibilities: RoleEligibilityInstanceRecord[] = []
    /** Every `revokeSignInSessions` call, in order (user id and when). */
    readonly sessionRevocations: Array<{ userId: string; at: string }> = []
    /** Objects deleted through the dangerous call. */
    readonly deletedObjects: EmulatorUser[] = []

    constructor(private readonly opts: DirectoryOptions) {
        for (const u of opts.users) this.users.set(u.id, { ...u })
        for (const r of opts.roles) this.roles.set(r.id, { ...r })
        for (const g of opts.groups) {
            this.groups.set(g.id, { ...g })
            this.directMembers.set(g.id, new Set())
        }
        for (const e of opts.eligibilities ?? []) this.addEligibility(e.principalId, e.roleDefinitionId, e.endDateTime)
    }

    private now(): Date {
        return this.opts.now()
    }

    /** Native expiry: drop every instance whose end has passed on the emulator's clock. */
    purgeExpired(): void {
        const t = this.now().getTime()
        const alive = (end: string | null) => end === null || Date.parse(end) > t
        this.roleInstances = this.roleInstances.filter((i) => alive(i.endDateTime))
        this.groupInstances = this.groupInstances.filter((i) => alive(i.endDateTime))
        for (const r of this.roleRequests) {
            if (
                r.status === 'Granted' &&
                !this.roleInstances.some((i) => i.roleAssignmentScheduleId === r.targetScheduleId)
            ) {
                r.status = 'Provisioned'
            }
        }
    }

    private isActive(start: string, end: string | null): boolean {
        const t = this.now().getTime()
        return Date.parse(start) <= t && (end === null || Date.parse(end) > t)
    }

    // ---- users -------------------------------------------------------------------------------------------

    getUser(idOrUpn: string): EmulatorUser {
        const u =
            this.users.get(idOrUpn) ??
            [...this.users.values()].find((x) => x.userPrincipalName.toLowerCase() === idOrUpn.toLowerCase())
        if (!u) throw this.notFound(idOrUpn)
        return u
    }

    /**
     * `POST /users/{id | userPrincipalName}/revokeSignInSessions` (Graph v1.0 "user: revokeSignInSessions"): resets
     * `signInSessionsValidFromDateTime` to now, invalidating the user's refresh tokens and browser session cookies.
     * Unknown user → 404. Answers `true` (the v1.0 response is an OData `Edm.Boolean`).
     */
    revokeSignInSessions(idOrUpn: string): boolean {
        const u = this.getUser(idOrUpn)
        const at = isoZ(this.now())
        u.signInSessionsValidFromDateTime = at
        this.sessionRevocations.push({ userId: u.id, at })
        return true
    }

    // ---- PIM eligibility ---------------------------------------------------------------------------------

    /** Test hook / set-up: make a principal eligible for a role (tenant scope). */
    addEligibility(principalId: string, roleDefinitionId: string, endDateTime?: string): RoleEligibilityInstanceRecord {
        const record: RoleEligibilityInstanceRecord = {
            id: randomUUID(),
            principalId,
            roleDefinitionId,
            directoryScopeId: '/',
            appScopeId: null,
            startDateTime: isoZ(new Date(this.now().getTime() - 86_400_000)),
            endDateTime: endDateTime ?? null,
            memberType: 'Direct',
            roleEligibilityScheduleId: randomUUID(),
        }
        this.roleEligibilities.push(record)
        return record
    }

    /** Test hook: an eligibility removed in PIM. */
    removeEligibility(principalId: string, roleDefinitionId: string): void {
        this.roleEligibilities = this.roleEligibilities.filter(
            (e) => !(e.principalId === principalId && e.roleDefinitionId === roleDefinitionId),
        )
    }

    /** `GET /roleManagement/directory/roleEligibilityScheduleInstances`: eligibilities in force now. */
    listRoleEligibilities(filter: Record<string, string>): RoleEligibilityInstanceRecord[] {
        return this.roleEligibilities.filter(
            (e) =>
                this.isActive(e.startDateTime, e.endDateTime) &&
                Object.entries(filter).every(([k, v]) => (e as unknown as Record<string, unknown>)[k] === v),
        )
    }

    findUsers(filter: Record<string, string>): EmulatorUser[] {
        return [...this.users.values()].filter((u) =>
            Object.entries(filter).every(([k, v]) => {
                const field = (u as unknown as Record<string, string>)[k]
                // Graph compares UPN and mail case-insensitively.
                return typeof field === 'string' && field.toLowerCase() === v.toLowerCase()
            }),
        )
    }

    private notFound(id: string): GraphFault {
        return new GraphFault(
            404,
            'Request_ResourceNotFound',
            `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
        )
    }

    // ---- schedules and policy ----------------------------------------------------------------------------

    /** Validate `scheduleInfo` the way Graph does; absent → starts now, no expiration. */
    private parseSchedule(raw: unknown): Schedule {
        const now = this.now()
        if (raw === undefined || raw === null) return { start: now, end: null }
        if (!isObject(raw)) throw new GraphFault(400, 'BadRequest', 'scheduleInfo must be an object.')
        if (raw.recurrence !== undefined && raw.recurrence !== null) {
            throw new GraphFault(400, 'BadRequest', 'Recurrence is not supported for role assignment schedules.')
        }
        let start = now
        if (raw.startDateTime !== undefined && raw.startDateTime !== null) {
            const t = typeof raw.startDateTime === 'string' ? Date.parse(raw.startDateTime) : NaN
            if (Number.isNaN(t)) throw new GraphFault(400, 'BadRequest', 'startDateTime is not a valid DateTimeOffset.')
            start = new Date(t)
        }
        const exp = raw.expiration
        if (exp === undefined || exp === null) return { start, end: null }
        if (!isObject(exp)) throw new GraphFault(400, 'BadRequest', 'expiration must be an object.')
        const type = exp.type ?? 'notSpecified'
        if (typeof type !== 'string' || !(EXPIRATION_TYPES as readonly string[]).includes(type)) {
            throw new GraphFault(400, 'BadRequest', `Invalid expiration type '${String(type)}'.`)
        }
        const hasDuration = exp.duration !== undefined && exp.duration !== null
        const hasEnd = exp.endDateTime !== undefined && exp.endDateTime !== null
        if (hasDuration && hasEnd) {
            throw new GraphFault(400, 'BadRequest', 'expiration cannot specify both endDateTime and duration.')
        }
        if (hasDuration && type !== 'afterDuration') {
            throw new GraphFault(400, 'BadRequest', `expiration.duration requires type 'afterDuration', not '${type}'.`)
        }
        if (hasEnd && type !== 'afterDateTime') {
            throw new GraphFault(
                400,
                'BadRequest',
                `expiration.endDateTime requires type 'afterDateTime', not '${type}'.`,
            )
        }
        if (type === 'afterDuration') {
            const ms = typeof exp.duration === 'string' ? parseIsoDuration(exp.duration) : null
            if (ms === null || ms <= 0)
                throw new GraphFault(400, 'BadRequest', 'expiration.duration is not a valid ISO 8601 duration.')
            return { start, end: new Date(start.getTime() + ms) }
        }
        if (type === 'afterDateTime') {
            const t = typeof exp.endDateTime === 'string' ? Date.parse(exp.endDateTime) : NaN
            if (Number.isNaN(t))
                throw new GraphFault(400, 'BadRequest', 'expiration.endDateTime is required for afterDateTime.')
            if (t <= start.getTime())
                throw new GraphFault(400, 'BadRequest', 'expiration.endDateTime must be after startDateTime.')
            return { start, end: new Date(t) }
        }
        return { start, end: null }
    }

    private checkPolicy(schedule: Schedule, maxIso: string | undefined, body: Record<string, unknown>): void {
        const failed: string[] = []
        if (maxIso !== undefined) {
            const max = parseIsoDuration(maxIso) ?? 0
            if (schedule.end === null || schedule.end.getTime() - schedule.start.getTime() > max)
                failed.push('ExpirationRule')
        }
        const justification = body.justification
        if (this.opts.requireJustification && (typeof justification !== 'string' || justification.trim() === '')) {
            failed.push('JustificationRule')
        }
        const ticket = body.ticketInfo
        if (
            this.opts.requireTicket &&
            (!isObject(ticket) ||
                typeof ticket.ticketNumber !== 'string' ||
                typeof ticket.ticketSystem !== 'string' ||
                ticket.ticketNumber === '' ||
                ticket.ticketSystem === '')
        ) {
            failed.push('TicketingRule')
        }
        if (failed.length > 0) {
            throw new GraphFault(
                400,
                'RoleAssignmentRequestPolicyValidationFailed',
                `The following policy rules failed: ${JSON.stringify(failed)}`,
            )
        }
    }

    private ticketInfo(body: Record<string, unknown>): RoleRequestRecord['ticketInfo'] {
        const t = body.ticketInfo
        if (t === undefined || t === null) return null
        if (!isObject(t)) throw new GraphFault(400, 'BadRequest', 'ticketInfo must be an object.')
        return {
            ticketNumber: typeof t.ticketNumber === 'string' ? t.ticketNumber : null,
            ticketSystem: typeof t.ticketSystem === 'string' ? t.ticketSystem : null,
        }
    }

    private echoSchedule(raw: unknown, s: Schedule | null): unknown {
        if (s === null) return null
        const exp = isObject(raw) && isObject(raw.expiration) ? raw.expiration : {}
        return {
            startDateTime: isoZ(s.start),
            recurrence: null,
            expiration: {
                type: typeof exp.type === 'string' ? exp.type : s.end === null ? 'noExpiration' : 'afterDateTime',
                endDateTime: typeof exp.endDateTime === 'string' ? exp.endDateTime : null,
                duration: typeof exp.duration === 'string' ? exp.duration : null,
            },
        }
    }

    // ---- PIM for roles -----------------------------------------------------------------------------------

    /** `POST /roleManagement/directory/roleAssignmentScheduleRequests`. */
    createRoleRequest(rawBody: unknown, clientId: string): RoleRequestRecord {
        this.purgeExpired()
        if (!isObject(rawBody)) throw new GraphFault(400, 'BadRequest', 'The request body must be a JSON object.')
        const body = rawBody
        const action = optString(body, 'action')
        if (action === null || !(ROLE_ACTIONS as readonly string[]).includes(action)) {
            throw new GraphFault(400, 'BadRequest', `Invalid value for 'action': '${String(body.action)}'.`)
        }
        const principalId = optString(body, 'principalId')
        const roleDefinitionId = optString(body, 'roleDefinitionId')
        if (!principalId) throw new GraphFault(400, 'BadRequest', "Missing required property 'principalId'.")
        if (!roleDefinitionId) throw new GraphFault(400, 'BadRequest', "Missing required property 'roleDefinitionId'.")
        const directoryScopeId = optString(body, 'directoryScopeId')
        const appScopeId = optString(body, 'appScopeId')
        if (directoryScopeId === null && appScopeId === null) {
            throw new GraphFault(400, 'BadRequest', "Either 'directoryScopeId' or 'appScopeId' is required.")
        }
        if (action.startsWith('self')) {
            throw new GraphFault(403, 'Authorization_RequestDenied', 'Self actions are not allowed for an application.')
        }
        if (!this.users.has(principalId)) throw this.notFound(principalId)
        if (!this.roles.has(roleDefinitionId)) throw this.notFound(roleDefinitionId)
        const scope = directoryScopeId ?? '/'
        const isValidationOnly = body.isValidationOnly === true
        const justification = optString(body, 'justification')
        const customData = optString(body, 'customData')
        const ticketInfo = this.ticketInfo(body)
        const now = this.now()
        const same = (i: RoleInstanceRecord) =>
            i.principalId === principalId && i.roleDefinitionId === roleDefinitionId && i.directoryScopeId === scope
        const record: RoleRequestRecord = {
            id: randomUUID(),
            status: 'Provisioned',
            createdDateTime: isoZ(now),
            completedDateTime: isoZ(now),
            approvalId: null,
            customData,
            action,
            principalId,
            roleDefinitionId,
            directoryScopeId,
            appScopeId,
            isValidationOnly,
            targetScheduleId: null,
            justification,
            createdBy: { application: { id: clientId, displayName: APP_NAME }, device: null, user: null },
            scheduleInfo: null,
            ticketInfo,
        }
        const existing = this.roleInstances.find(same)
        if (action === 'adminRemove') {
            if (!existing)
                throw new GraphFault(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.')
            this.checkMinActive(existing.startDateTime)
            if (!isValidationOnly) this.roleInstances = this.roleInstances.filter((i) => i !== existing)
            record.status = 'Revoked'
        } else {
            const schedule = this.parseSchedule(body.scheduleInfo)
            record.scheduleInfo = this.echoSchedule(body.scheduleInfo, schedule)
            if (action === 'adminAssign') {
                if (existing) throw new GraphFault(400, 'RoleAssignmentExists', 'The Role assignment already exists.')
                if (
                    this.roleRequests.some(
                        (r) =>
                            r.status === 'PendingApproval' &&
                            r.principalId === principalId &&
                            r.roleDefinitionId === roleDefinitionId,
                    )
                ) {
                    throw new GraphFault(
                        400,
                        'PendingRoleAssignmentRequest',
                        'There is already a pending request for this role assignment.',
                    )
                }
            } else if (!existing) {
                throw new GraphFault(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.')
            }
            this.checkPolicy(schedule, this.opts.roleMaxDuration?.[roleDefinitionId], body)
            if (isValidationOnly) {
                record.status = 'Provisioned'
            } else if (action === 'adminAssign' && this.opts.approvalRequiredRoles?.includes(roleDefinitionId)) {
                record.status = 'PendingApproval'
                record.approvalId = randomUUID()
                record.completedDateTime = null
            } else if (existing) {
                // adminUpdate / adminExtend / adminRenew: same schedule, new window.
                existing.startDateTime = isoZ(schedule.start)
                existing.endDateTime = schedule.end ? isoZ(schedule.end) : null
                record.targetScheduleId = existing.roleAssignmentScheduleId
            } else {
                record.targetScheduleId = this.addRoleInstance(principalId, roleDefinitionId, scope, schedule)
                if (schedule.start.getTime() > now.getTime()) record.status = 'Granted'
            }
        }
        if (!isValidationOnly) this.roleRequests.push(record)
        return record
    }

    private addRoleInstance(principalId: string, roleId: string, scope: string, s: Schedule): string {
        const scheduleId = randomUUID()
        this.roleInstances.push({
            id: randomUUID(),
            principalId,
            roleDefinitionId: roleId,
            directoryScopeId: scope,
            appScopeId: null,
            startDateTime: isoZ(s.start),
            endDateTime: s.end ? isoZ(s.end) : null,
            assignmentType: 'Assigned',
            memberType: 'Direct',
            roleAssignmentOriginId: randomUUID(),
            roleAssignmentScheduleId: scheduleId,
        })
        return scheduleId
    }

    private checkMinActive(start: string): void {
        const minMs = (this.opts.minActiveMinutes ?? 5) * 60_000
        if (this.now().getTime() - Date.parse(start) < minMs) {
            throw new GraphFault(
                400,
                'ActiveDurationTooShort',
                `The assignment must be active for at least ${this.opts.minActiveMinutes ?? 5} minutes before it can be removed.`,
            )
        }
    }

    /** `GET .../roleAssignmentScheduleRequests/{id}`. */
    getRoleRequest(id: string): RoleRequestRecord {
        this.purgeExpired()
        const r = this.roleRequests.find((x) => x.id === id)
        if (!r) throw this.notFound(id)
        return r
    }

    listRoleRequests(filter: Record<string, string>): RoleRequestRecord[] {
        this.purgeExpired()
        return this.roleRequests.filter((r) =>
            Object.entries(filter).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v),
        )
    }

    /** `POST .../roleAssignmentScheduleRequests/{id}/cancel`: only while `Granted` (scheduled, not yet active). */
    cancelRoleRequest(id: string): void {
        const r = this.getRoleRequest(id)
        if (r.status !== 'Granted') {
            throw new GraphFault(400, 'BadRequest', `Request in status '${r.status}' cannot be canceled.`)
        }
        r.status = 'Canceled'
        this.roleInstances = this.roleInstances.filter((i) => i.roleAssignmentScheduleId !== r.targetScheduleId)
    }

    /** `GET .../roleAssignmentScheduleInstances`: active instances only. */
    listRoleInstances(filter: Record<string, string>): RoleInstanceRecord[] {
        this.purgeExpired()
        return this.roleInstances.filter(
            (i) =>
                this.isActive(i.startDateTime, i.endDateTime) &&
                Object.entries(filter).every(([k, v]) => (i as unknown as Record<string, unknown>)[k] === v),
        )
    }

    /** Test hook: an approver decides a `PendingApproval` request. */
    decideApproval(requestId: string, approve: boolean): void {
        const r = this.getRoleRequest(requestId)
        if (r.status !== 'PendingApproval') throw new Error(`request ${requestId} is ${r.status}`)
        if (!approve) {
            r.status = 'Denied'
            return
        }
        const s = this.parseSchedule(r.scheduleInfo)
        r.targetScheduleId = this.addRoleInstance(r.principalId, r.roleDefinitionId, r.directoryScopeId ?? '/', s)
        r.status = 'Provisioned'
        r.completedDateTime = isoZ(this.now())
    }

    /** Test hook: a permanent assignment made outside the break-glass system (no schedule request of ours). */
    addPermanentAssignment(principalId: string, roleId: string): RoleInstanceRecord {
        this.addRoleInstance(principalId, roleId, '/', {
            start: new Date(this.now().getTime() - 86_400_000),
            end: null,
        })
        return this.roleInstances[this.roleInstances.length - 1] as RoleInstanceRecord
    }

    // ---- PIM for Groups ----------------------------------------------------------------------------------

    /** `POST /identityGovernance/privilegedAccess/group/assignmentScheduleRequests`. */
    createGroupRequest(rawBody: unknown, clientId: string): GroupRequestRecord {
        this.purgeExpired()
        if (!isObject(rawBody)) throw new GraphFault(400, 'BadRequest', 'The request body must be a JSON object.')
        const body = rawBody
        const action = optString(body, 'action')
        if (action === null || !(ROLE_ACTIONS as readonly string[]).includes(action)) {
            throw new GraphFault(400, 'BadRequest', `Invalid value for 'action': '${String(body.action)}'.`)
        }
        const accessId = optString(body, 'accessId')
        if (accessId !== 'member' && accessId !== 'owner') {
            throw new GraphFault(400, 'BadRequest', "Property 'accessId' must be 'member' or 'owner'.")
        }
        const principalId = optString(body, 'principalId')
        const groupId = optString(body, 'groupId')
        if (!principalId) throw new GraphFault(400, 'BadRequest', "Missing required property 'principalId'.")
        if (!groupId) throw new GraphFault(400, 'BadRequest', "Missing required property 'groupId'.")
        if (action.startsWith('self')) {
            throw new GraphFault(403, 'Authorization_RequestDenied', 'Self actions are not allowed for an application.')
        }
        if (!this.users.has(principalId)) throw this.notFound(principalId)
        if (!this.groups.has(groupId)) throw this.notFound(groupId)
        const isValidationOnly = body.isValidationOnly === true
        const now = this.now()
        const record: GroupRequestRecord = {
            id: randomUUID(),
            status: 'Provisioned',
            createdDateTime: isoZ(now),
            completedDateTime: isoZ(now),
            approvalId: null,
            customData: optString(body, 'customData'),
            action,
            accessId,
            principalId,
            groupId,
            isValidationOnly,
            targetScheduleId: null,
            justification: optString(body, 'justification'),
            createdBy: { application: { id: clientId, displayName: APP_NAME }, device: null, user: null },
            scheduleInfo: null,
            ticketInfo: this.ticketInfo(body),
        }
        const existing = this.groupInstances.find(
            (i) => i.principalId === principalId && i.groupId === groupId && i.accessId === accessId,
        )
        if (action === 'adminRemove') {
            if (!existing)
                throw new GraphFault(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.')
            this.checkMinActive(existing.startDateTime)
            if (!isValidationOnly) this.groupInstances = this.groupInstances.filter((i) => i !== existing)
            record.status = 'Revoked'
        } else {
            const schedule = this.parseSchedule(body.scheduleInfo)
            record.scheduleInfo = this.echoSchedule(body.scheduleInfo, schedule)
            if (action === 'adminAssign') {
                if (existing) throw new GraphFault(400, 'RoleAssignmentExists', 'The Role assignment already exists.')
            } else if (!existing) {
                throw new GraphFault(400, 'RoleAssignmentDoesNotExist', 'The Role assignment does not exist.')
            }
            this.checkPolicy(schedule, this.opts.groupMaxDuration?.[groupId], body)
            if (!isValidationOnly) {
                if (existing) {
                    existing.startDateTime = isoZ(schedule.start)
                    existing.endDateTime = schedule.end ? isoZ(schedule.end) : null
                    record.targetScheduleId = existing.assignmentScheduleId
                } else {
                    const scheduleId = randomUUID()
                    this.groupInstances.push({
                        id: randomUUID(),
                        accessId,
                        groupId,
                        principalId,
                        startDateTime: isoZ(schedule.start),
                        endDateTime: schedule.end ? isoZ(schedule.end) : null,
                        assignmentType: 'assigned',
                        memberType: 'direct',
                        assignmentScheduleId: scheduleId,
                    })
                    record.targetScheduleId = scheduleId
                    if (schedule.start.getTime() > now.getTime()) record.status = 'Granted'
                }
            }
        }
        if (!isValidationOnly) this.groupRequests.push(record)
        return record
    }

    listGroupRequests(filter: Record<string, string>): GroupRequestRecord[] {
        this.purgeExpired()
        return this.groupRequests.filter((r) =>
            Object.entries(filter).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v),
        )
    }

    /** `GET .../group/assignmentScheduleInstances`: active instances only. */
    listGroupInstances(filter: Record<string, string>): GroupInstanceRecord[] {
        this.purgeExpired()
        return this.groupInstances.filter(
            (i) =>
                this.isActive(i.startDateTime, i.endDateTime) &&
                Object.entries(filter).every(([k, v]) => (i as unknown as Record<string, unknown>)[k] === v),
        )
    }

    // ---- group membership --------------------------------------------------------------------------------

    private group(groupId: string): Set<string> {
        const set = this.directMembers.get(groupId)
        if (!set) throw this.notFound(groupId)
        return set
    }

    /** Members: direct members plus active PIM for Groups `member` assignments. */
    members(groupId: string): EmulatorUser[] {
        this.purgeExpired()
        const ids = new Set(this.group(groupId))
        for (const i of this.listGroupInstances({ groupId, accessId: 'member' })) ids.add(i.principalId)
        return [...ids].map((id) => this.users.get(id)).filter((u): u is EmulatorUser => u !== undefined)
    }

    /** `POST /groups/{id}/members/$ref`. */
    addMemberRef(groupId: string, rawBody: unknown): void {
        const set = this.group(groupId)
        const ref = isObject(rawBody) ? rawBody['@odata.id'] : undefined
        const m = typeof ref === 'string' ? /\/(?:directoryObjects|users)\/([^/?#]+)$/.exec(ref) : null
        if (!m) {
            throw new GraphFault(400, 'Request_BadRequest', "Invalid object identifier in '@odata.id'.")
        }
        const objectId = decodeURIComponent(m[1] as string)
        if (!this.users.has(objectId)) throw this.notFound(objectId)
        if (this.members(groupId).some((u) => u.id === objectId)) {
            throw new GraphFault(
                400,
                'Request_BadRequest',
                "One or more added object references already exist for the following modified properties: 'members'.",
            )
        }
        set.add(objectId)
    }

    /** `DELETE /groups/{id}/members/{memberId}/$ref`. */
    removeMemberRef(groupId: string, objectId: string): void {
        const set = this.group(groupId)
        if (!set.has(objectId)) throw this.notFound(objectId)
        set.delete(objectId)
    }

    /**
     * `DELETE /groups/{id}/members/{memberId}` WITHOUT `/$ref`: Graph treats it as a delete of the directory
     * object itself. Recorded (tests assert it never happens) and applied, so a caller making it sees the damage.
     */
    deleteMemberObject(groupId: string, objectId: string): void {
        this.group(groupId)
        const user = this.users.get(objectId)
        if (!user) throw this.notFound(objectId)
        this.dangerousDeletes.push({ groupId, objectId, at: isoZ(this.now()) })
        this.deletedObjects.push(user)
        this.users.delete(objectId)
        for (const set of this.directMembers.values()) set.delete(objectId)
        this.roleInstances = this.roleInstances.filter((i) => i.principalId !== objectId)
        this.groupInstances = this.groupInstances.filter((i) => i.principalId !== objectId)
    }

    /** Test hook: a membership added outside the break-glass system. */
    addDirectMember(groupId: string, userId: string): void {
        this.group(groupId).add(userId)
    }
}
