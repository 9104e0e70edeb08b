/**
 * Drift scan: holders of the Entra roles and groups this system manages that no grant of this system covers (a
 * permanent assignment someone added by hand, a removal that failed silently…). Used by the `drift` CLI command
 * and by the optional periodic job (`GBG_DRIFT_SCHEDULE`, off by default).
 *
 * What explains a holder comes from ServiceNow's grants — every replica's — not from this executor's journal:
 * another replica's active grant is not drift (docs/entra.md "Drift").
 */
import { GRANT_FIELDS, REVOCABLE_STATES, TABLE, verifyPlanDigest, type ExecutionPlan } from '@gbg/shared'
import type { EntraConfig } from './config'
import {
    chooseGroup,
    createGraphClient,
    entraGroupConfigSchema,
    holderKey,
    resolvePrincipal,
    scanDrift,
    type DriftItem,
    type EntraGroupConfig,
    type GraphClient,
} from './providers/entra'
import { entraConnection, entraGroupInput } from './providers/registry'
import type { AuditedCall } from './providers/types'
import type { ServiceNowClient } from './servicenow/client'
import { SYSTEM_FIELDS } from './servicenow/platform-fields'
import { query } from './servicenow/query'

/** Result of one scan. */
export interface DriftReport {
    managedRoles: string[]
    managedGroups: string[]
    /** Grants of this system (any replica) whose access may exist now: they explain their holders. */
    openGrants: number
    items: DriftItem[]
}

/** The entra-group settings the provider runs with (its group choice decides a grant's group). */
export function entraGroupSettings(entra: EntraConfig): EntraGroupConfig {
    return entraGroupConfigSchema.parse(entraGroupInput(entra))
}

/**
 * Holder keys of the grants whose access may exist now (REVOCABLE_STATES, from every replica), with the principal
 * resolved at Entra as the provider resolves it and the target the provider would choose. A grant whose plan does
 * not match its digest, or whose principal does not resolve, explains nothing (its holder is reported).
 */
export async function openGrantKeys(
    plans: readonly ExecutionPlan[],
    graph: GraphClient,
    groupCfg: EntraGroupConfig,
    lookup: 'userPrincipalName' | 'mail',
    calls: AuditedCall[] = [],
): Promise<string[]> {
    const principals = new Map<string, string | undefined>()
    const keys: string[] = []
    for (const plan of plans) {
        const email = plan.principal.email.toLowerCase()
        if (!principals.has(email)) {
            try {
                principals.set(email, (await resolvePrincipal(graph, plan.principal, lookup, calls)).id)
            } catch {
                principals.set(email, undefined)
            }
        }
        const principalId = principals.get(email)
        if (!principalId) continue
        try {
            if (plan.provider === 'entra-role' && plan.target.roleId) {
                keys.push(holderKey('entra-role', principalId, plan.target.roleId))
            } else if (plan.provider === 'entra-group') {
                keys.push(holderKey('entra-group', principalId, chooseGroup(plan, groupCfg)))
            }
        } catch {
            // A plan the provider refuses holds nothing.
        }
    }
    return keys
}

/**
 * Scan once. Managed targets are every role / group a grant of this system has targeted (read from ServiceNow)
 * plus the configured device-class groups; the holders explained are those of ServiceNow's open grants.
 */
export async function runDriftScan(entra: EntraConfig, client: ServiceNowClient): Promise<DriftReport> {
    const graph = createGraphClient(entraConnection(entra))
    const rows = await client.list(
        TABLE.grant,
        query(TABLE.grant).where(GRANT_FIELDS.provider, 'IN', ['entra-role', 'entra-group']).build(),
        [GRANT_FIELDS.targetRoleId, GRANT_FIELDS.targetGroupId],
    )
    const managedRoles = [...new Set(rows.map((r) => r[GRANT_FIELDS.targetRoleId] ?? '').filter((x) => x))]
    const managedGroups = [
        ...new Set(
            [
                ...rows.map((r) => r[GRANT_FIELDS.targetGroupId] ?? ''),
                ...Object.values(entra.groupsByDeviceClass),
            ].filter((x) => x),
        ),
    ]
    const open = await client.list(
        TABLE.grant,
        query(TABLE.grant)
            .where(GRANT_FIELDS.provider, 'IN', ['entra-role', 'entra-group'])
            .in(GRANT_FIELDS.state, REVOCABLE_STATES)
            .build(),
        [SYSTEM_FIELDS.sysId, GRANT_FIELDS.plan, GRANT_FIELDS.planDigest],
    )
    const plans = open
        .map((r) => verifyPlanDigest(r[GRANT_FIELDS.plan] ?? '', r[GRANT_FIELDS.planDigest] ?? ''))
        .flatMap((v) => (v.ok ? [v.plan] : []))
    const activeGrantKeys = await openGrantKeys(plans, graph, entraGroupSettings(entra), entra.principalLookup)
    const items = await scanDrift({ graph, managedRoles, managedGroups, activeGrantKeys })
    return { managedRoles, managedGroups, openGrants: plans.length, items }
}
