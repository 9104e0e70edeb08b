/**
 * Builds the providers the executor is configured to use, once, at startup. An unknown or unconfigured
 * provider name fails here with a message naming it — never later in the middle of a grant.
 */
import { PROVIDERS, type ProviderName } from '@gbg/shared'
import type { Provider } from './types'
import {
    createWebhookProvider,
    type ProviderCallObserver,
    type ProviderLogger,
    type WebhookProviderConfig,
} from './webhook'
// ── helper F: import the Entra factories here ─────────────────────────────────────────────────────────────────
// import { createEntraGroupProvider, createEntraRoleProvider } from './entra'

/** Provider part of the executor configuration (the loaded `Config` fits structurally). */
export interface ProvidersConfig {
    /** Names of the providers to enable (validated against {@link PROVIDERS}). */
    providers: readonly string[]
    /** Required when `webhook` is enabled. */
    webhook?: WebhookProviderConfig
    // ── helper F: typed config of the Entra providers goes here ───────────────────────────────────────────────
    /** Required when `entra-role` is enabled (shape owned by the Entra provider). */
    entraRole?: unknown
    /** Required when `entra-group` is enabled (shape owned by the Entra provider). */
    entraGroup?: unknown
}

/** Shared dependencies handed to every provider factory. */
export interface ProviderDeps {
    /** Clock (signature timestamps, schedules). @defaultValue () => new Date() */
    now?: () => Date
    logger?: ProviderLogger
    metrics?: ProviderCallObserver
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
        providers.set(name, build(name, config, deps))
    }
    return providers
}

function build(name: ProviderName, config: ProvidersConfig, deps: ProviderDeps): Provider {
    try {
        switch (name) {
            case 'webhook':
                if (!config.webhook) throw new ProviderConfigError('provider "webhook" is enabled but not configured')
                return createWebhookProvider(config.webhook, deps)
            // ── helper F: register the Entra providers here (their factories also need `holders` in deps) ──────
            // case 'entra-role':
            //     return createEntraRoleProvider(config.entraRole, { ...deps, holders })
            // case 'entra-group':
            //     return createEntraGroupProvider(config.entraGroup, { ...deps, holders })
            case 'entra-role':
            case 'entra-group':
                throw new ProviderConfigError(`provider "${name}" is not available in this build yet`)
        }
    } catch (err) {
        if (err instanceof ProviderConfigError) throw err
        throw new ProviderConfigError(`provider "${name}": ${err instanceof Error ? err.message : String(err)}`)
    }
}
