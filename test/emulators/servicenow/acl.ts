/**
 * ACL emulation.
 *
 * ACLs of the built app (`now-app/dist`) — on the app's own tables AND on platform tables — are evaluated the way
 * the instance does:
 * - an operation on a table needs at least one passing table-level ACL (`field === ''`) for that operation;
 *   no such ACL at all means deny (the instance runs in default-deny mode);
 * - a field operation needs a passing ACL on the field itself if it has any, else on `table.*` if any,
 *   else it is allowed (field ACLs only narrow what the table ACL allows);
 * - an ACL passes when the user has one of its roles (or it lists none) AND its condition passes AND its
 *   script passes; the `admin` role passes every ACL with `adminOverrides` and holds every role otherwise.
 * - Conditions: encoded queries evaluated on the record, with `javascript:gs.getUserID()` supported. Scripts:
 *   only `answer = true;`, `answer = false;` and `answer = gs.hasRole('<role>');`. Anything else cannot be
 *   evaluated here and DENIES (fail secure) — add support here before relying on such an ACL in a test.
 *
 * Platform tables are deny by default (contract "Stock ACLs a scoped app cannot assume"). Access is the union of:
 * the stock baseline every authenticated user has ({@link AUTHENTICATED_BASELINE}); the documented fixture of the
 * stock roles ({@link STOCK_ROLE_PERMISSIONS}, per role); and the app's dist ACLs on that table. A field write or
 * create allowed by a dist ACL alone needs a passing dist ACL on the field or on `table.*`: the instance's own
 * field ACLs on its tables are not in dist, so a table-level ACL is not assumed to open every field. `admin`
 * bypasses everything.
 */
import {
    AUTHENTICATED_BASELINE,
    STOCK_ROLE_PERMISSIONS,
    type PlatformGrant,
} from './platform-schema'
import { matchesQuery, parseEncodedQuery, type FieldValue } from './query'
import type { Schema } from './schema'
import type { DistAcl } from '../../support/app-dist'

/** Table API operations an ACL can guard. */
export type AclOperation = 'read' | 'write' | 'create' | 'delete'

/** The authenticated caller. */
export interface Principal {
    sysId: string
    userName: string
    roles: Set<string>
    /** The zone of the user's `sys_user.time_zone` ('' = the system zone). */
    timeZone: string
}

/** Reads a (possibly dot-walked) field of a record of a table; undefined for an unknown path. */
export type PathReader = (table: string, row: Record<string, string>, path: string) => FieldValue | undefined

/** Role that bypasses ACLs (except those with admin_overrides = false). */
export const ADMIN_ROLE = 'admin'

/** Decides access for the Table and Attachment APIs. */
export class AccessControl {
    constructor(
        private readonly schema: Schema,
        private readonly read: PathReader,
        private readonly isPath: (table: string, path: string) => boolean,
        /** Platform-table grants per role (the stock roles' fixture, plus the temporary legacy executor grants). */
        private readonly permissions: Record<string, Record<string, PlatformGrant>> = STOCK_ROLE_PERMISSIONS,
        /** What every authenticated user gets on platform tables. */
        private readonly baseline: Record<string, PlatformGrant> = AUTHENTICATED_BASELINE,
    ) {}

    /** True when the user holds `admin`. */
    isAdmin(p: Principal): boolean {
        return p.roles.has(ADMIN_ROLE)
    }

    /** Table-level check of `op` on `row` (for create: the record about to be inserted). */
    canTable(p: Principal, table: string, op: AclOperation, row: Record<string, string>): boolean {
        if (this.isApp(table)) {
            const acls = this.acls(table, '', op)
            // No ACL for the operation: default deny, except for admin (the instance's wildcard ACLs let it in).
            if (acls.length === 0) return this.isAdmin(p)
            return acls.some((acl) => this.passes(acl, p, table, row))
        }
        if (this.isAdmin(p)) return true
        if (this.platformGrants(p, table).some((g) => grantAllows(g, op, row, p.sysId))) return true
        // ACLs the app ships on this platform table (dist), evaluated as on the app's tables.
        return this.acls(table, '', op).some((acl) => this.passes(acl, p, table, row))
    }

    /** Field-level check (call after the table-level check passed). */
    canField(p: Principal, table: string, field: string, op: AclOperation, row: Record<string, string>): boolean {
        if (this.isApp(table)) {
            const own = this.acls(table, field, op)
            if (own.length > 0) return own.some((acl) => this.passes(acl, p, table, row))
            const star = this.acls(table, '*', op)
            if (star.length > 0) return star.some((acl) => this.passes(acl, p, table, row))
            return true
        }
        if (this.isAdmin(p)) return true
        const grants = this.platformGrants(p, table)
        if (op === 'read' || op === 'delete') {
            // A stock grant covers the whole record; a dist table ACL is narrowed by dist field ACLs.
            if (grants.some((g) => grantAllows(g, op, row, p.sysId))) return true
            if (!this.acls(table, '', op).some((acl) => this.passes(acl, p, table, row))) return false
            const own = this.acls(table, field, op)
            if (own.length > 0) return own.some((acl) => this.passes(acl, p, table, row))
            const star = this.acls(table, '*', op)
            if (star.length > 0) return star.some((acl) => this.passes(acl, p, table, row))
            return true
        }
        if (
            grants.some((g) => {
                const fields = g[op]
                return fields === '*' || (Array.isArray(fields) && fields.includes(field))
            })
        ) {
            return true
        }
        // Dist ACLs on platform tables open a field write only when they name it (or `table.*`).
        const own = this.acls(table, field, op)
        if (own.length > 0) return own.some((acl) => this.passes(acl, p, table, row))
        return this.acls(table, '*', op).some((acl) => this.passes(acl, p, table, row))
    }

    private isApp(table: string): boolean {
        return this.schema.tables.get(table)?.app === true
    }

    /** ACLs for (table or an ancestor, field, op). */
    private acls(table: string, field: string, op: AclOperation): DistAcl[] {
        const tables = this.schema.ancestors(table)
        return this.schema.acls.filter((a) => tables.includes(a.table) && a.field === field && a.operation === op)
    }

    /** Stock grants of `p` on `table` (or an ancestor): the authenticated baseline, then the grants of its roles. */
    private platformGrants(p: Principal, table: string): PlatformGrant[] {
        const tables = this.schema.ancestors(table)
        const out: PlatformGrant[] = []
        for (const t of tables) {
            const g = this.baseline[t]
            if (g) out.push(g)
        }
        for (const role of p.roles) {
            const perms = this.permissions[role]
            if (!perms) continue
            for (const t of tables) {
                const g = perms[t]
                if (g) out.push(g)
            }
        }
        return out
    }

    private passes(acl: DistAcl, p: Principal, table: string, row: Record<string, string>): boolean {
        const admin = this.isAdmin(p)
        if (admin && acl.adminOverrides) return true
        if (acl.roles.length > 0 && !admin && !acl.roles.some((r) => p.roles.has(r))) return false
        if (acl.condition.trim() !== '' && !this.conditionPasses(acl.condition, p, table, row)) return false
        if (acl.script.trim() !== '' && !this.scriptPasses(acl.script, p)) return false
        return true
    }

    private conditionPasses(condition: string, p: Principal, table: string, row: Record<string, string>): boolean {
        try {
            const query = parseEncodedQuery(condition, {
                isField: (path) => this.isPath(table, path),
                resolveScript: (expr) => (/^gs\.getUserID\(\)\s*;?$/.test(expr) ? p.sysId : undefined),
            })
            return matchesQuery(query, (path) => this.read(table, row, path))
        } catch {
            // A condition this emulator cannot evaluate denies: fail secure.
            return false
        }
    }

    private scriptPasses(script: string, p: Principal): boolean {
        const s = script.trim()
        const literal = /^answer\s*=\s*(true|false)\s*;?$/.exec(s)
        if (literal) return literal[1] === 'true'
        const role = /^answer\s*=\s*gs\.hasRole\(\s*['"]([\w.]+)['"]\s*\)\s*;?$/.exec(s)
        if (role) return this.isAdmin(p) || p.roles.has(role[1]!)
        return false
    }
}

/** True when a stock grant allows table-level `op` on `row` for the user `userSysId`. */
function grantAllows(g: PlatformGrant, op: AclOperation, row: Record<string, string>, userSysId: string): boolean {
    if (op === 'read') return g.read === true && (!g.readWhere || g.readWhere(row, userSysId))
    if (op === 'delete') return g.delete === true
    return g[op] !== undefined
}
