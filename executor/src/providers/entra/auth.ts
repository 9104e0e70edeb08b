/**
 * App-only tokens for Graph through `@azure/msal-node`'s ConfidentialClientApplication (client credentials,
 * client secret or certificate). MSAL caches the token in memory and renews it before expiry; the Graph client
 * asks for a forced refresh once when Graph answers 401 (token revoked or clock skew).
 *
 * MSAL is loaded at the first token request, not at start-up: an executor without the Entra providers never loads
 * it (about 15 MB of RSS and a good part of the start-up time; docs/performance.md "Journal").
 */
import type { ConfidentialClientApplication, Configuration } from '@azure/msal-node'
import type { EntraConnectionConfig } from './config'
import { mapTokenError } from './errors'
import { ProviderError } from '../types'

/** Source of bearer tokens for Graph. */
export interface TokenSource {
    /** A valid access token; `forceRefresh` bypasses the cache (after a 401). Throws ProviderError. */
    getToken(forceRefresh?: boolean): Promise<string>
}

/** Login hosts MSAL knows (instance discovery works there); any other host is configured offline. */
const MICROSOFT_LOGIN_HOSTS = new Set([
    'login.microsoftonline.com',
    'login.microsoftonline.us',
    'login.partner.microsoftonline.cn',
    'login.chinacloudapi.cn',
])

/** The `.default` scope for the Graph host of `graphBaseUrl`. */
export function defaultScope(graphBaseUrl: string): string {
    return `${new URL(graphBaseUrl).origin}/.default`
}

/** MSAL-backed token source. */
export class MsalTokenSource implements TokenSource {
    private app: ConfidentialClientApplication | undefined
    private readonly config: Configuration
    private readonly scope: string

    constructor(private readonly cfg: EntraConnectionConfig) {
        this.scope = cfg.scope ?? defaultScope(cfg.graphBaseUrl)
        const host = new URL(cfg.authorityHost)
        const authority = `${host.origin}/${cfg.tenantId}`
        const auth: Configuration['auth'] = { clientId: cfg.clientId, authority }
        if (cfg.clientSecret !== undefined) auth.clientSecret = cfg.clientSecret
        if (cfg.certificate) {
            auth.clientCertificate = {
                thumbprintSha256: cfg.certificate.thumbprintSha256,
                privateKey: cfg.certificate.privateKeyPem,
                ...(cfg.certificate.certificatePem ? { x5c: cfg.certificate.certificatePem } : {}),
            }
        }
        if (!MICROSOFT_LOGIN_HOSTS.has(host.hostname)) {
            // Not a Microsoft cloud (the local emulator): trust the host as given and describe its endpoints
            // ourselves, so MSAL makes no instance-discovery or metadata call to the internet.
            auth.knownAuthorities = [host.host]
            auth.authorityMetadata = JSON.stringify({
                token_endpoint: `${authority}/oauth2/v2.0/token`,
                authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
                end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
                issuer: `${authority}/v2.0`,
                jwks_uri: `${authority}/discovery/v2.0/keys`,
            })
        }
        this.config = {
            auth,
            system: {
                ...(cfg.caCertificatePem ? { customAgentOptions: { ca: cfg.caCertificatePem } } : {}),
                // MSAL logs can carry request parameters: keep them off (0 = LogLevel.Error).
                loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined },
            },
        }
    }

    /**
     * The MSAL application, built at the first token request (one per source: its token cache). MSAL is loaded
     * synchronously (`require`), not with `import()`: an asynchronous load is real disk I/O the virtual clock cannot
     * see, so the simulator moved time on while it was pending and the same seed gave different traces (the first
     * Entra grant of a process landed minutes later than in its replay).
     */
    private application(): ConfidentialClientApplication {
        if (!this.app) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const msal = require('@azure/msal-node') as typeof import('@azure/msal-node')
            this.app = new msal.ConfidentialClientApplication(this.config)
        }
        return this.app
    }

    async getToken(forceRefresh = false): Promise<string> {
        let timer: NodeJS.Timeout | undefined
        // MSAL sets no timeout on token POSTs; a hung login endpoint must not hang the worker.
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(
                () =>
                    reject(
                        new ProviderError(
                            'retryable',
                            `Entra token request timed out after ${this.cfg.timeoutMs} ms`,
                            'token_timeout',
                        ),
                    ),
                this.cfg.timeoutMs,
            )
        })
        try {
            const result = await Promise.race([
                this.application().acquireTokenByClientCredential({ scopes: [this.scope], skipCache: forceRefresh }),
                timeout,
            ])
            if (!result?.accessToken) throw new ProviderError('fatal', 'Entra returned no access token', 'no_token')
            return result.accessToken
        } catch (err) {
            if (err instanceof ProviderError) throw err
            throw mapTokenError(err)
        } finally {
            clearTimeout(timer)
        }
    }
}
