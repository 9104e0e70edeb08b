/**
 * The access model of the built app (now-app/dist): ACLs on every table and operation, the executor's
 * field-level write and create reach equal to EXECUTOR_WRITABLE / EXECUTOR_CREATABLE (shared/src/schema.ts),
 * an append-only audit table, a read-only auditor, requesters limited to their own grants.
 *
 * ACL semantics assumed (ServiceNow): an operation on a record needs a passing table-level ACL; a field needs a
 * passing ACL on `table.field` if one exists, else on `table.*`; several ACLs on the same object are OR'ed;
 * the roles of one ACL are OR'ed. On insert, field-level `create` ACLs are used and, where a field has none
 * at all (neither `table.field` nor `table.*`), its `write` ACLs are.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { EXECUTOR_CREATABLE, EXECUTOR_WRITABLE, GRANT_FIELDS, ROLE, TABLE } from '../../shared/src/schema'
import { loadAppDist, type AppDist, type DistAcl } from '../../test/support/app-dist'

const OPERATIONS = ['read', 'write', 'create', 'delete'] as const
const APP_TABLES: string[] = Object.values(TABLE)
const MUTATING = ['write', 'create', 'delete']

let dist: AppDist
let acls: DistAcl[]

beforeAll(() => {
    // Setup: npm test builds the app first (`now-sdk build --frozenKeys`); a missing dist fails loudly here.
    dist = loadAppDist()
    acls = dist.acls.filter((a) => a.type === 'record' && a.active && APP_TABLES.includes(a.table))
})

function aclsOn(table: string, operation: string, field: string): DistAcl[] {
    return acls.filter((a) => a.table === table && a.operation === operation && a.field === field)
}

/** An ACL nobody passes: no roles, no condition, a script that answers false, admin cannot override. */
function isDenyAll(acl: DistAcl): boolean {
    return (
        acl.roles.length === 0 &&
        !acl.adminOverrides &&
        /^\s*(answer\s*=\s*false|return\s+false)\s*;?\s*$/.test(acl.script)
    )
}

/** The approver-access function a role-less ACL's script calls ('' when it calls none). */
function approverAccessScript(acl: DistAcl): string {
    const m = /@fluent-module (\w+);false;x_gbg_breakglass\/@gbg\/now-app\/[^/]+\/src\/server\/approver-access\.ts\n/.exec(acl.script)
    return m && new RegExp(`answer = ${m[1]}\\(current\\);\\s*$`).test(acl.script) ? m[1]! : ''
}

/**
 * A role-less ACL that opens a grant to the approvers its approval route asks (judged by who acts, see
 * server/approver-access.ts): not "everyone", whatever roles they hold.
 */
function isRouteApproverAcl(acl: DistAcl): boolean {
    return acl.roles.length === 0 && acl.table === TABLE.grant && approverAccessScript(acl) !== ''
}

/** True when a user holding only `role` passes at least one of `list` (conditions/scripts assumed true). */
function roleCanPass(list: DistAcl[], role: string): boolean {
    return list.some((a) => !isDenyAll(a) && a.roles.includes(role))
}

/** Fields of `table` a user holding only `role` may write on an existing record. */
function writableFields(table: string, role: string): string[] {
    if (!roleCanPass(aclsOn(table, 'write', ''), role)) return []
    const fields = [...(dist.tables.get(table)?.fields.keys() ?? [])]
    return fields.filter((f) => {
        const own = aclsOn(table, 'write', f)
        if (own.length > 0) return roleCanPass(own, role)
        const star = aclsOn(table, 'write', '*')
        return star.length === 0 || roleCanPass(star, role)
    })
}

/** Fields of `table` the executor role may write on an existing record. */
function executorWritableFields(table: string): string[] {
    return writableFields(table, ROLE.executor)
}

/** Fields of `table` the executor role may set when it inserts a record. */
function executorCreatableFields(table: string): string[] {
    if (!roleCanPass(aclsOn(table, 'create', ''), ROLE.executor)) return []
    const fields = [...(dist.tables.get(table)?.fields.keys() ?? [])]
    const hasFieldCreate = acls.some((a) => a.table === table && a.operation === 'create' && a.field !== '')
    if (!hasFieldCreate) return executorWritableFieldsIgnoringTable(table, fields)
    return fields.filter((f) => {
        const own = aclsOn(table, 'create', f)
        if (own.length > 0) return roleCanPass(own, ROLE.executor)
        const star = aclsOn(table, 'create', '*')
        if (star.length > 0) return roleCanPass(star, ROLE.executor)
        return executorWritableFieldsIgnoringTable(table, [f]).length === 1
    })
}

/** Field-level write evaluation only (used as the insert fallback, where the table-level write ACL is moot). */
function executorWritableFieldsIgnoringTable(table: string, fields: string[]): string[] {
    return fields.filter((f) => {
        const own = aclsOn(table, 'write', f)
        if (own.length > 0) return roleCanPass(own, ROLE.executor)
        const star = aclsOn(table, 'write', '*')
        return star.length === 0 || roleCanPass(star, ROLE.executor)
    })
}

describe('ACL coverage', () => {
    for (const table of APP_TABLES) {
        it(`${table} has table-level read, write, create and delete ACLs`, () => {
            // Validation: a table with no ACL for an operation is open or closed depending on instance settings
            for (const op of OPERATIONS) expect(aclsOn(table, op, ''), `${table} ${op}`).not.toHaveLength(0)
        })
    }

    it('every ACL names a real field, uses only app roles and grants nothing to everyone', () => {
        // Setup
        const appRoles = new Set<string>(Object.values(ROLE))

        for (const acl of acls) {
            // Validation: a typo'd field name or a silently table-level ACL (the `.map()` trap) shows up here
            if (acl.field !== '' && acl.field !== '*') {
                expect(dist.tables.get(acl.table)?.fields.has(acl.field), `${acl.table}.${acl.field}`).toBe(true)
            }
            for (const role of acl.roles) expect(appRoles.has(role), `${acl.table}.${acl.field} ${role}`).toBe(true)
            expect(
                acl.roles.length > 0 || isDenyAll(acl) || isRouteApproverAcl(acl),
                `${acl.table}.${acl.field} ${acl.operation} open`,
            ).toBe(true)
        }
    })

    it('every app ACL is an allow rule (deny-always rules are scripts, not decision_type=deny)', () => {
        // Setup: decision_type is not part of DistAcl; read the raw records
        const ids = new Set(acls.map((a) => a.sysId))

        // Validation: the role/field reasoning in this file assumes allow rules only
        for (const r of dist.records('sys_security_acl').filter((r) => ids.has(r['sys_id'] ?? ''))) {
            expect(r['decision_type'], r['name']).toBe('allow')
        }
    })
})

describe('executor role', () => {
    for (const table of APP_TABLES) {
        const writable: readonly string[] = (EXECUTOR_WRITABLE as Record<string, readonly string[]>)[table] ?? []

        it(`${table}: field-level write ACLs that include the executor are exactly EXECUTOR_WRITABLE`, () => {
            // Execution
            const fieldAcls = acls.filter(
                (a) =>
                    a.table === table &&
                    a.operation === 'write' &&
                    a.field !== '' &&
                    a.field !== '*' &&
                    a.roles.includes(ROLE.executor),
            )
            const starAcls = aclsOn(table, 'write', '*')

            // Validation
            expect(fieldAcls.map((a) => a.field).sort()).toEqual([...writable].sort())
            for (const star of starAcls) expect(star.roles, `${table}.* write`).not.toContain(ROLE.executor)
            if (writable.length > 0) {
                // Without a table.* write ACL every other field would be open to the executor
                expect(starAcls.length, `${table}.* write`).toBeGreaterThan(0)
                expect(roleCanPass(aclsOn(table, 'write', ''), ROLE.executor), `${table} table write`).toBe(true)
            }
        })

        it(`${table}: the executor can effectively write exactly EXECUTOR_WRITABLE`, () => {
            // Execution: evaluate table + field ACLs for a user holding only the executor role
            const effective = executorWritableFields(table)

            // Validation
            expect(effective.sort()).toEqual([...writable].sort())
        })
    }

    for (const table of APP_TABLES) {
        const creatable: readonly string[] = (EXECUTOR_CREATABLE as Record<string, readonly string[]>)[table] ?? []

        it(`${table}: the executor can create ${creatable.length > 0 ? 'records setting exactly EXECUTOR_CREATABLE' : 'nothing'}`, () => {
            // Execution
            const effective = executorCreatableFields(table)

            // Validation
            expect(effective.sort()).toEqual([...creatable].sort())
            for (const star of aclsOn(table, 'create', '*')) {
                // A table.* create that includes the executor is only acceptable when it may set every column
                if (star.roles.includes(ROLE.executor))
                    expect([...creatable].sort()).toEqual([...(dist.tables.get(table)?.fields.keys() ?? [])].sort())
            }
        })
    }

    it('reads every app table and deletes nothing', () => {
        for (const table of APP_TABLES) {
            // Validation
            expect(roleCanPass(aclsOn(table, 'read', ''), ROLE.executor), `${table} read`).toBe(true)
            expect(roleCanPass(aclsOn(table, 'delete', ''), ROLE.executor), `${table} delete`).toBe(false)
        }
    })

    it('cannot write the plan, its digest, the requester, the target or the duration of a grant', () => {
        // Execution
        const effective = executorWritableFields(TABLE.grant)

        // Validation: the recheck gate's inputs stay out of the executor's reach
        for (const f of [
            GRANT_FIELDS.plan,
            GRANT_FIELDS.planDigest,
            GRANT_FIELDS.requestedFor,
            GRANT_FIELDS.targetCi,
            GRANT_FIELDS.targetRoleId,
            GRANT_FIELDS.approvedDuration,
            GRANT_FIELDS.approvalSummary,
        ]) {
            expect(effective).not.toContain(f)
        }
    })

    it('is not contained in admin, so no human inherits its field access', () => {
        const contained = dist.records('sys_user_role_contains').map((c) => c['contains.display'])
        expect(contained).not.toContain(ROLE.executor)
    })
})

describe('approvers on the grant', () => {
    /** Fields a user passing exactly the ACLs `passes` accepts may write on an existing grant. */
    function writableBy(passes: (acl: DistAcl) => boolean): string[] {
        const can = (list: DistAcl[]) => list.some((a) => !isDenyAll(a) && passes(a))
        if (!can(aclsOn(TABLE.grant, 'write', ''))) return []
        return [...(dist.tables.get(TABLE.grant)?.fields.keys() ?? [])].filter((f) => {
            const own = aclsOn(TABLE.grant, 'write', f)
            if (own.length > 0) return can(own)
            const star = aclsOn(TABLE.grant, 'write', '*')
            return star.length === 0 || can(star)
        })
    }

    it('the approvers the route asks read the grant and, while their vote is open, write only approved_duration', () => {
        // Setup: a person asked by the route holds no app role; they pass exactly the route-approver ACLs
        const routeAcls = acls.filter((a) => a.table === TABLE.grant && a.roles.length === 0 && !isDenyAll(a))
        const pendingApprover = (a: DistAcl) => isRouteApproverAcl(a) && approverAccessScript(a) !== ''

        // Validation: every role-less grant ACL is a route-approver ACL, and these are exactly the three
        expect(routeAcls.every(isRouteApproverAcl)).toBe(true)
        expect(
            routeAcls.map((a) => `${a.operation} ${a.field || '(table)'} ${a.condition} ${approverAccessScript(a)}`).sort(),
        ).toEqual(
            [
                'read (table)  canReadAsRouteApprover',
                'write (table) state=awaiting_approval^EQ canShortenAsPendingApprover',
                'write approved_duration  canShortenAsPendingApprover',
            ].sort(),
        )
        expect(writableBy(pendingApprover)).toEqual([GRANT_FIELDS.approvedDuration])
        expect(dist.moduleByPath('src/server/approver-access.ts')).toMatch(/export function canShortenAsPendingApprover\b/)
        expect(dist.moduleByPath('src/server/approver-access.ts')).toMatch(/export function canReadAsRouteApprover\b/)
    })

    it('no role writes a grant through being an approver: the approver role reads, nothing more', () => {
        for (const role of [ROLE.approver, ROLE.requester, ROLE.agent, ROLE.auditor, ROLE.proposer]) {
            expect(writableFields(TABLE.grant, role), role).toEqual([])
        }
        expect(roleCanPass(aclsOn(TABLE.grant, 'read', ''), ROLE.approver)).toBe(true)
    })
})

describe('audit event table is append-only', () => {
    it('has write and delete ACLs, and every one of them denies everyone, admin included', () => {
        // Setup
        const table = TABLE.auditEvent
        const mutating = acls.filter((a) => a.table === table && (a.operation === 'write' || a.operation === 'delete'))

        // Validation
        expect(aclsOn(table, 'write', '')).not.toHaveLength(0)
        expect(aclsOn(table, 'delete', '')).not.toHaveLength(0)
        for (const acl of mutating) expect(isDenyAll(acl), `${acl.operation} ${acl.field || '(table)'}`).toBe(true)
        for (const role of Object.values(ROLE)) {
            expect(roleCanPass(aclsOn(table, 'write', ''), role), `${role} write`).toBe(false)
            expect(roleCanPass(aclsOn(table, 'delete', ''), role), `${role} delete`).toBe(false)
        }
    })

    it('is created by the executor and admin only, and read by auditor, SecOps, admin and the executor', () => {
        // Setup
        const table = TABLE.auditEvent
        const creators = Object.values(ROLE).filter((r) => roleCanPass(aclsOn(table, 'create', ''), r))
        const readers = Object.values(ROLE).filter((r) => roleCanPass(aclsOn(table, 'read', ''), r))

        // Validation
        expect(creators.sort()).toEqual([ROLE.admin, ROLE.executor].sort())
        expect(readers.sort()).toEqual([ROLE.admin, ROLE.auditor, ROLE.executor, ROLE.secops].sort())
    })
})

describe('human roles', () => {
    it('the auditor reads every app table and has no write, create or delete ACL anywhere', () => {
        for (const table of APP_TABLES) expect(roleCanPass(aclsOn(table, 'read', ''), ROLE.auditor), table).toBe(true)
        // Validation: across all ACLs of the app, including non-record types
        const mutatingForAuditor = dist.acls.filter(
            (a) => MUTATING.includes(a.operation) && a.roles.includes(ROLE.auditor),
        )
        expect(mutatingForAuditor.map((a) => `${a.table}.${a.field} ${a.operation}`)).toEqual([])
    })

    it('a requester reads only grants requested for or opened by them, and nothing else', () => {
        // Setup
        const requesterReads = aclsOn(TABLE.grant, 'read', '').filter((a) => a.roles.includes(ROLE.requester))

        // Validation: every grant read path of the requester is conditioned on the current user
        expect(requesterReads.length).toBeGreaterThan(0)
        for (const acl of requesterReads) {
            const rule = `${acl.condition} ${acl.script}`
            expect(rule).toContain(GRANT_FIELDS.requestedFor)
            expect(rule).toContain(GRANT_FIELDS.openedBy)
            expect(rule).toContain('gs.getUserID()')
        }
        for (const table of APP_TABLES.filter((t) => t !== TABLE.grant)) {
            expect(roleCanPass(aclsOn(table, 'read', ''), ROLE.requester), table).toBe(false)
        }
        for (const op of MUTATING) expect(roleCanPass(aclsOn(TABLE.grant, op, ''), ROLE.requester), op).toBe(false)
    })

    it('approvers, agents and SecOps read all grants without a condition', () => {
        for (const role of [ROLE.approver, ROLE.agent, ROLE.secops]) {
            const unconditional = aclsOn(TABLE.grant, 'read', '').filter(
                (a) => a.roles.includes(role) && a.condition === '' && a.script === '',
            )
            expect(unconditional.length, role).toBeGreaterThan(0)
        }
    })

    it('policies are written, created and deleted only by admin and SecOps', () => {
        for (const op of MUTATING) {
            // Execution
            const who = Object.values(ROLE).filter((r) => roleCanPass(aclsOn(TABLE.policy, op, ''), r))

            // Validation
            expect(who.sort(), op).toEqual([ROLE.admin, ROLE.secops].sort())
        }
    })

    it('the proposer (assistant identity) has no table access at all', () => {
        expect(acls.filter((a) => a.roles.includes(ROLE.proposer))).toEqual([])
    })
})
