/**
 * Drift scan: holders of the Entra roles and groups this system manages that no active grant covers (a
 * permanent assignment someone added by hand, a removal that failed silently…). Used by the `drift` CLI
 * command and by the optional periodic job (`GBG_DRIFT_SCHEDULE`, off by default).
 */
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import type { EntraConfig } from './config'
import type { Journal } from './journal/journal'
import { createGraphClient, scanDrift, type DriftItem } from './providers/entra'
import { entraConnection } from './providers/registry'
import type { ServiceNowClient } from './servicenow/client'
import { query } from './servicenow/query'

/** Result of one scan. */
export interface DriftReport {
    managedRoles: string[]
    managedGroups: string[]
    items: DriftItem[]
}

/**
 * Scan once. Managed targets are every role / group a grant of this system has targeted (read from ServiceNow)
 * plus the configured device-class groups; the active holders come from this executor's journal.
 */
export async function runDriftScan(
    entra: EntraConfig,
    client: ServiceNowClient,
    journal: Journal,
): Promise<DriftReport> {
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
    const items = await scanDrift({ graph, managedRoles, managedGroups, activeGrantKeys: journal.holderKeys() })
    return { managedRoles, managedGroups, items }
}
