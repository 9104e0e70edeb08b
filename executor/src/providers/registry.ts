/**
 * Builds the providers the executor is configured to use, once, at startup. An unknown or unconfigured
 * provider name fails here with a message naming it — never later in the middle of a grant.
 */
import { PROVIDERS, type ProviderName } from '@gbg/shared'
import type { Provider } from './types'
import type { Logger } from '../ports'
import { errorText } from '../transport'
import { createWebhookProvider, type WebhookProviderConfig } from './webhook'
import { instrumentProvider, type ProviderCallObserver } from './instrumented'
import {
    createEntraGroupProvider,
    createEntraRoleProvider,
    createGraphClient,
    type FleetGrants,
    type HolderRegistry,
} from './entra'
import type { EntraConnectionConfig } from './entra/config'
import type { EntraConfig, EpmConfig } from '../config'
import { createEpmProvider } from './epm'
import { createConsoleProvider, type ConsoleGate, type ConsoleProviderConfig } from './console'

/** Provider part of the executor configuration (the loaded `Config` fits structurally). */
export interface ProvidersConfig {
    /** Names of the providers to enable (validated against {@link PROVIDERS}). */
    providers: readonly string[]
    /** Required when `webhook` is enabled. */
    webhook?: WebhookProviderConfig
    /** Required when `entra-role` or `entra-group` is enabled (the executor's `Config.entra` section). */
    entra?: EntraSection
    /** Required when `epm` is enabled (the executor's `Config.epm` section). */
    epm?: EpmConfig
    /** Required when `console` is enabled (the executor's `Config.console` section). */
    console?: ConsoleProviderConfig
}

/** The executor configuration's Entra section (validated by config.ts). */
export type EntraSection = EntraConfig

/** Shared dependencies handed to every provider factory. */
export interface ProviderDeps {
    /** Clock (signature timestamps, schedules). @defaultValue () => new Date() */
    now?: () => Date
    logger?: Logger
    /** Times and counts every call of every provider (see instrumented.ts). */
    metrics?: ProviderCallObserver
    /** The Entra providers' record of this replica's own writes (the SQLite journal in production). */
    holders?: HolderRegistry
    /** The fleet's grants (ServiceNow): who else holds a shared Entra assignment. */
    fleet?: FleetGrants
    /** The recheck gate bound to ServiceNow: the console provider's packet check and submit gate. */
    gate?: ConsoleGate
}

/** Raised at startup for a provider configuration that cannot work. */
export class ProviderConfigError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'ProviderConfigError'
    }
}

function isProviderName(name: string): name is ProviderName {
    return (PROVIDERS as readonly string[]).includes(name)
}

/**
 * Creates every enabled provider.
 *
 * @throws ProviderConfigError for an unknown name, a duplicate, a missing provider section, or a provider whose
 *   factory refuses its configuration (the factory's message is kept; it never contains the secret).
 */
export function createProviders(config: ProvidersConfig, deps: ProviderDeps = {}): Map<ProviderName, Provider> {
    const providers = new Map<ProviderName, Provider>()
    if (config.providers.length === 0)
        throw new ProviderConfigError('no provider enabled: set at least one of ' + PROVIDERS.join(', '))
    for (const name of config.providers) {
        if (!isProviderName(name)) {
            throw new ProviderConfigError(`unknown provider "${name}"; known providers: ${PROVIDERS.join(', ')}`)
        }
        if (providers.has(name)) throw new ProviderConfigError(`provider "${name}" is enabled twice`)
        const provider = build(name, config, deps)
        providers.set(name, deps.metrics ? instrumentProvider(provider, deps.metrics) : provider)
    }
    return providers
}

function build(name: ProviderName, config: ProvidersConfig, deps: ProviderDeps): Provider {
    try {
        switch (name) {
            case 'webhook':
                if (!config.webhook) throw new ProviderConfigError('provider "webhook" is enabled but not configured')
                return createWebhookProvider(config.webhook, deps)
            case 'entra-role':
            case 'entra-group':
                return buildEntra(name, config, deps)
            case 'epm':
                if (!config.epm)
                    throw new ProviderConfigError('provider "epm" is enabled but the EPM settings (GBG_EPM_*) are not set')
                return createEpmProvider(config.epm, { now: deps.now, logger: deps.logger })
            case 'console':
                if (!config.console)
                    throw new ProviderConfigError('provider "console" is enabled but the GBG_CONSOLE_* settings are not set')
                if (!deps.gate) throw new ProviderConfigError('provider "console" needs the recheck gate (ServiceNow)')
                return createConsoleProvider(config.console, {
                    gate: deps.gate,
                    ...(deps.now ? { now: deps.now } : {}),
                    ...(deps.logger ? { logger: deps.logger } : {}),
                })
        }
    } catch (err) {
        if (err instanceof ProviderConfigError) throw err
        throw new ProviderConfigError(`provider "${name}": ${errorText(err)}`)
    }
}

/** Graph clients shared by both Entra providers of one registry (one token cache, one throttling view). */
const graphClients = new WeakMap<EntraSection, ReturnType<typeof createGraphClient>>()

function buildEntra(name: 'entra-role' | 'entra-group', config: ProvidersConfig, deps: ProviderDeps): Provider {
    const e = config.entra
    if (!e)
        throw new ProviderConfigError(`provider "${name}" is enabled but the Entra settings (GBG_ENTRA_*) are not set`)
    if (!deps.holders) throw new ProviderConfigError(`provider "${name}" needs the journal as its holder registry`)
    if (!deps.fleet) throw new ProviderConfigError(`provider "${name}" needs ServiceNow's grants (deps.fleet)`)
    const connection = entraConnection(e)
    const now = deps.now ?? (() => new Date())
    let graph = graphClients.get(e)
    if (!graph) {
        graph = createGraphClient(connection, { now })
        graphClients.set(e, graph)
    }
    const entraDeps = { holders: deps.holders, fleet: deps.fleet, now, graph }
    if (name === 'entra-role') return createEntraRoleProvider({ connection }, entraDeps)
    return createEntraGroupProvider(entraGroupInput(e), entraDeps)
}

/** The entra-group provider's settings from the Entra section (the drift scan chooses groups with the same). */
export function entraGroupInput(e: EntraSection) {
    return {
        connection: entraConnection(e),
        mode: e.groupMode,
        groupsByDeviceClass: e.groupsByDeviceClass,
        signOutPolicy: e.signOutPolicy,
    }
}

/**
 * The Entra providers' connection settings from the executor configuration. The section is already typed and
 * validated by config.ts (one settings table, one URL rule): it is taken as it is, not validated a second time.
 */
export function entraConnection(e: EntraSection): EntraConnectionConfig {
    return {
        tenantId: e.tenantId,
        clientId: e.clientId,
        clientSecret: e.clientSecret,
        certificate: e.certificate,
        authorityHost: e.authorityHost,
        graphBaseUrl: e.graphBaseUrl,
        caCertificatePem: e.caCertificatePem,
        timeoutMs: e.timeoutMs,
        principalLookup: e.principalLookup,
    }
}
