/**
 * Drift scan: who holds a managed role or group at Entra without an active grant of this system behind it
 * (permanent assignments, manual memberships, leftovers of a failed revoke). The CLI `drift` command prints
 * the result for SecOps; nothing is changed here.
 */
import type {
    DirectoryObject,
    PrivilegedAccessGroupAssignmentScheduleInstance,
    UnifiedRoleAssignmentScheduleInstance,
    User,
} from '@microsoft/microsoft-graph-types'
import type { AuditedCall } from '../types'
import { ProviderError } from '../types'
import { eqFilter, graphPath, type GraphClient } from './graph-client'
import { holderKey } from './holders'

/** One holder without an active grant. */
export interface DriftItem {
    kind: 'entra-role' | 'entra-group'
    /** Role definition id or group id. */
    targetId: string
    principalId: string
    /** UPN or display name ('' when the principal is not a readable user, e.g. a service principal). */
    principalName: string
    reason: string
}

/** Inputs of {@link scanDrift}. */
export interface DriftScanInput {
    graph: GraphClient
    /** Role definition ids to scan. */
    managedRoles: string[]
    /** Group ids to scan (members and PIM for Groups member assignments). */
    managedGroups: string[]
    /** Holder keys ({@link holderKey}) of grants that are active now. */
    activeGrantKeys: Iterable<string>
    /** Principals expected to hold access permanently (e.g. the tenant's emergency-access accounts). */
    ignorePrincipalIds?: string[]
    /** Read PIM for Groups assignments as well. @defaultValue true */
    pimForGroups?: boolean
    calls?: AuditedCall[]
}

/** List holders of managed roles and groups that no active grant explains. */
export async function scanDrift(input: DriftScanInput): Promise<DriftItem[]> {
    const { graph } = input
    const calls = input.calls ?? []
    const active = new Set(input.activeGrantKeys)
    const ignore = new Set((input.ignorePrincipalIds ?? []).map((p) => p.toLowerCase()))
    const names = new Map<string, string>()
    const out: DriftItem[] = []

    async function nameOf(id: string): Promise<string> {
        const cached = names.get(id)
        if (cached !== undefined) return cached
        let name = ''
        try {
            const u = await graph.request<User>(
                {
                    method: 'GET',
                    path: graphPath`/users/${id}`,
                    query: { $select: 'id,userPrincipalName,displayName' },
                },
                calls,
            )
            name = u.body.userPrincipalName ?? u.body.displayName ?? ''
        } catch (err) {
            // A group or service principal holding a role is not a user: report it without a name.
            if (!(err instanceof ProviderError) || err.details?.status !== 404) throw err
        }
        names.set(id, name)
        return name
    }

    async function add(kind: DriftItem['kind'], targetId: string, principalId: string, reason: string) {
        if (ignore.has(principalId.toLowerCase())) return
        if (active.has(holderKey(kind, principalId, targetId))) return
        if (out.some((d) => d.kind === kind && d.targetId === targetId && d.principalId === principalId)) return
        out.push({ kind, targetId, principalId, principalName: await nameOf(principalId), reason })
    }

    for (const roleId of input.managedRoles) {
        const instances = await graph.list<UnifiedRoleAssignmentScheduleInstance>(
            {
                path: '/roleManagement/directory/roleAssignmentScheduleInstances',
                query: { $filter: eqFilter({ roleDefinitionId: roleId }) },
            },
            calls,
        )
        for (const i of instances) {
            if (!i.principalId) continue
            const reason = i.endDateTime
                ? `time-bound ${i.assignmentType ?? ''} assignment until ${i.endDateTime} without an active grant`.replace(
                      '  ',
                      ' ',
                  )
                : 'permanent assignment outside the break-glass system'
            await add('entra-role', roleId, i.principalId, reason)
        }
    }
    for (const groupId of input.managedGroups) {
        if (input.pimForGroups !== false) {
            const instances = await graph.list<PrivilegedAccessGroupAssignmentScheduleInstance>(
                {
                    path: '/identityGovernance/privilegedAccess/group/assignmentScheduleInstances',
                    query: { $filter: eqFilter({ groupId }) },
                },
                calls,
            )
            for (const i of instances) {
                if (i.accessId !== 'member' || !i.principalId) continue
                await add(
                    'entra-group',
                    groupId,
                    i.principalId,
                    `PIM for Groups membership until ${i.endDateTime ?? 'no end'} without an active grant`,
                )
            }
        }
        const members = await graph.list<DirectoryObject>(
            { path: graphPath`/groups/${groupId}/members`, query: { $select: 'id' } },
            calls,
        )
        for (const m of members) {
            if (!m.id) continue
            await add(
                'entra-group',
                groupId,
                m.id,
                'group member without an active grant (membership made outside the break-glass system)',
            )
        }
    }
    return out
}
