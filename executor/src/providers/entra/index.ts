/**
 * The Entra providers: `entra-role` (PIM for roles) and `entra-group` (local admin through an Intune-fed Entra
 * group, PIM for Groups or plain membership). Both share one Graph client (MSAL auth, one error mapping); who holds a
 * shared assignment is read from ServiceNow's grants (fleet.ts), the journal only remembers this replica's writes.
 */
import type { Provider } from '../types'
import { AssignmentProvider } from './assignment'
import { MsalTokenSource, type TokenSource } from './auth'
import { entraGroupConfigSchema, entraRoleConfigSchema, parseConfig, type EntraConnectionConfig } from './config'
import { GraphClient } from './graph-client'
import { MembersGroupBackend, PimGroupBackend } from './group-provider'
import type { FleetGrants } from './fleet'
import type { HolderRegistry } from './holders'
import { RoleBackend } from './role-provider'

/** Dependencies of the Entra provider factories. */
export interface EntraProviderDeps {
    /** This replica's own writes (the SQLite journal in production): lost-response tracing. Required. */
    holders: HolderRegistry
    /** The fleet's grants (ServiceNow in production): who else holds a shared assignment. Required. */
    fleet: FleetGrants
    /** Clock. @defaultValue () => new Date() */
    now?: () => Date
    /** Share one Graph client between both providers (built from the config when absent). */
    graph?: GraphClient
    /** Token source override (tests); MSAL by default. */
    tokens?: TokenSource
}

/** Build the shared Graph client for a connection config. */
export function createGraphClient(
    conn: EntraConnectionConfig,
    deps: { now?: () => Date; tokens?: TokenSource } = {},
): GraphClient {
    return new GraphClient({
        baseUrl: conn.graphBaseUrl,
        tokens: deps.tokens ?? new MsalTokenSource(conn),
        timeoutMs: conn.timeoutMs,
        caCertificatePem: conn.caCertificatePem,
        now: deps.now,
    })
}

function requireHolders(deps: EntraProviderDeps | undefined, name: string): HolderRegistry {
    if (!deps?.holders) throw new Error(`${name}: a holder registry (deps.holders) is required`)
    if (!deps.fleet) throw new Error(`${name}: the fleet's grants (deps.fleet, ServiceNow) are required`)
    return deps.holders
}

/** Create the `entra-role` provider. `rawConfig` is validated with {@link entraRoleConfigSchema}. */
export function createEntraRoleProvider(rawConfig: unknown, deps: EntraProviderDeps): Provider {
    const cfg = parseConfig(entraRoleConfigSchema, rawConfig, 'entraRole')
    const holders = requireHolders(deps, 'entra-role')
    const now = deps.now ?? (() => new Date())
    const graph = deps.graph ?? createGraphClient(cfg.connection, { now, tokens: deps.tokens })
    return new AssignmentProvider({
        name: 'entra-role',
        graph,
        backend: new RoleBackend(graph, cfg, now),
        holders,
        fleet: deps.fleet,
        now,
        principalLookup: cfg.connection.principalLookup,
    })
}

/** Create the `entra-group` provider. `rawConfig` is validated with {@link entraGroupConfigSchema}. */
export function createEntraGroupProvider(rawConfig: unknown, deps: EntraProviderDeps): Provider {
    const cfg = parseConfig(entraGroupConfigSchema, rawConfig, 'entraGroup')
    const holders = requireHolders(deps, 'entra-group')
    const now = deps.now ?? (() => new Date())
    const graph = deps.graph ?? createGraphClient(cfg.connection, { now, tokens: deps.tokens })
    return new AssignmentProvider({
        name: 'entra-group',
        graph,
        backend: cfg.mode === 'pim' ? new PimGroupBackend(graph, cfg, now) : new MembersGroupBackend(graph, cfg),
        holders,
        fleet: deps.fleet,
        now,
        principalLookup: cfg.connection.principalLookup,
    })
}

export { AssignmentProvider, grantMarker, parseGrantMarker } from './assignment'
export { MsalTokenSource, defaultScope, type TokenSource } from './auth'
export {
    entraConnectionSchema,
    entraGroupConfigSchema,
    entraRoleConfigSchema,
    isGuid,
    type EntraConnectionConfig,
    type EntraConnectionInput,
    type EntraGroupConfig,
    type EntraGroupConfigInput,
    type EntraRoleConfig,
    type EntraRoleConfigInput,
} from './config'
export { scanDrift, type DriftItem, type DriftScanInput } from './drift'
export { mapGraphResponse, mapTokenError, mapTransportError, GRAPH_CODES } from './errors'
export { GraphClient, graphPath, type GraphClientOptions } from './graph-client'
export { chooseGroup, signOutNotes } from './group-provider'
export {
    InMemoryFleetGrants,
    OPEN_HOLDER_STATES,
    isLiveHolder,
    liveHolders,
    sameAccess,
    type FleetGrant,
    type FleetGrants,
} from './fleet'
export { holderKey, InMemoryHolderRegistry, type HolderProvider, type HolderRegistry } from './holders'
export { resolvePrincipal, type ResolvedPrincipal } from './principal'
