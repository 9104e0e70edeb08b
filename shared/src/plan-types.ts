/**
 * The execution plan: the exact privileged operation the executor will perform, frozen with its SHA-256
 * digest before approval. Approvers approve this object; the executor recomputes the digest before every
 * privileged call and refuses to act on a mismatch.
 *
 * Pure types, ES2021-safe (bundled into the ServiceNow app too).
 */
import type { ProviderName, TargetKind } from './schema'

/** Plan format version; bump when the shape changes so old digests are never compared with new ones. */
export const PLAN_VERSION = 1

/** Who receives the access. */
export interface PlanPrincipal {
    /** sys_user sys_id of the person the access is for. */
    userSysId: string
    /** sys_user user_name (login). */
    userName: string
    /** Email / UPN used to resolve the principal at the provider. */
    email: string
}

/** What the access is to. Exactly the fields relevant to `kind` are set. */
export interface PlanTarget {
    kind: TargetKind
    /** cmdb_ci_computer sys_id (device_local_admin). */
    ciSysId?: string
    /** Device name as known to the endpoint system (device_local_admin). */
    deviceName?: string
    /** Device class, e.g. `workstation`, `server` (device_local_admin). */
    deviceClass?: string
    /** Entra role definition id (entra_role). */
    roleId?: string
    /** Human-readable role name (entra_role). */
    roleName?: string
    /** Entra group object id (entra_group, or the group fed into local Administrators for a device). */
    groupId?: string
    /** Account name (pam_account / console: the customer administrator whose access is restored). */
    account?: string
    /** Customer tenant id at the console (console provider). */
    tenantId?: string
    /** Customer tenant name, as the console shows it (console provider). */
    tenantName?: string
    /** Temporary privilege scope, comma-separated console privilege names (console provider). */
    scope?: string
}

/** Ticket references carried to the provider (e.g. PIM `ticketInfo`) and into the receipt. */
export interface PlanTickets {
    ritm?: string
    incident?: string
    change?: string
}

/**
 * What an extension plan extends (operation `extend`, shared/src/extend.ts): the grant whose live access gets more
 * time, its end when the extension was asked for, and the new end (ISO 8601 UTC).
 */
export interface PlanExtension {
    grantSysId: string
    grantNumber: string
    fromExpiresAt: string
    toExpiresAt: string
}

/** The frozen execution plan. */
export interface ExecutionPlan {
    version: number
    /** grant record sys_id this plan belongs to. */
    grantSysId: string
    /** grant number (e.g. BGA0001001), for humans. */
    grantNumber: string
    provider: ProviderName
    /** `grant`: give the access; `extend`: move the end of the access of the grant named in `extension`. */
    operation: 'grant' | 'extend'
    principal: PlanPrincipal
    target: PlanTarget
    /** Approved duration in minutes (already bounded by policy). */
    durationMinutes: number
    justification: string
    tickets: PlanTickets
    emergency: boolean
    /** True for high-risk targets (servers / production, high-risk roles): drives P1 vs P2 escalation. */
    highRisk: boolean
    /** Only on an `extend` plan: the grant it extends and the ends before and after. */
    extension?: PlanExtension
}
