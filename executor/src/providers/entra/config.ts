/**
 * Configuration of the Entra providers: one zod schema per provider, defaults applied, failing fast with a
 * message that names the offending setting. Secrets (client secret, certificate key) are plain values here; the
 * executor's config loader resolves `*_FILE` paths before this schema sees them.
 */
import { z } from 'zod'
import { URL_RULE, isAllowedUrl } from '../../url-policy'

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/** True for an Entra object id (GUID). Every id interpolated into a Graph URL passes this first. */
export function isGuid(value: unknown): value is string {
    return typeof value === 'string' && GUID.test(value)
}

/** Role template id of Global Administrator (the same in every tenant). */
export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10'

const guid = (what: string) => z.string().regex(GUID, `${what} must be a GUID`)

/** `https:` everywhere; plain `http:` only to loopback (url-policy.ts: the same rule as the executor's config). */
const secureUrl = (what: string) =>
    z
        .string()
        .url(`${what} must be a URL`)
        .refine((v) => isAllowedUrl(new URL(v)), `${what} ${URL_RULE}`)

/** Client certificate credential (preferred in production over a client secret). */
export const certificateCredentialSchema = z.object({
    /** SHA-256 thumbprint of the certificate registered on the app (hex, 64 characters). */
    thumbprintSha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'certificate.thumbprintSha256 must be 64 hex characters'),
    /** PEM private key of the certificate. */
    privateKeyPem: z.string().min(1, 'certificate.privateKeyPem is required'),
    /** PEM public certificate chain, sent as `x5c` (needed for subject-name/issuer authentication). */
    certificatePem: z.string().optional(),
})

/** Connection settings shared by both Entra providers (one Graph client, one app registration). */
export const entraConnectionSchema = z
    .object({
        /** Tenant id (GUID). */
        tenantId: guid('tenantId'),
        /** Application (client) id of the executor's app registration. */
        clientId: guid('clientId'),
        /** Client secret. Use {@link certificate} in production. */
        clientSecret: z.string().min(1).optional(),
        certificate: certificateCredentialSchema.optional(),
        /** Login host. @defaultValue https://login.microsoftonline.com */
        authorityHost: z
            .string()
            .url('authorityHost must be a URL')
            .refine((v) => new URL(v).protocol === 'https:', 'authorityHost must use https (MSAL refuses http)')
            .default('https://login.microsoftonline.com'),
        /** Graph base URL including the version. @defaultValue https://graph.microsoft.com/v1.0 */
        graphBaseUrl: secureUrl('graphBaseUrl').default('https://graph.microsoft.com/v1.0'),
        /** Token scope. @defaultValue `<graph origin>/.default` */
        scope: z.string().optional(),
        /** Extra PEM trust anchor (TLS-inspecting proxy, the local emulator). */
        caCertificatePem: z.string().optional(),
        /** Per-request timeout (ms). A write that times out has an unknown outcome. @defaultValue 30000 */
        timeoutMs: z.number().int().positive().default(30_000),
        /** How a ServiceNow user maps to an Entra user: plan email matched on this property. @defaultValue userPrincipalName */
        principalLookup: z.enum(['userPrincipalName', 'mail']).default('userPrincipalName'),
    })
    .refine((c) => (c.clientSecret === undefined) !== (c.certificate === undefined), {
        message: 'exactly one of clientSecret or certificate must be set',
        path: ['clientSecret'],
    })

/** Configuration of the `entra-role` provider (PIM for Microsoft Entra roles). */
export const entraRoleConfigSchema = z.object({
    connection: entraConnectionSchema,
    /** Directory scope of assignments. @defaultValue '/' (tenant) */
    directoryScopeId: z.literal('/').default('/'),
    /** `ticketInfo.ticketSystem` sent with every request. @defaultValue ServiceNow */
    ticketSystem: z.string().min(1).default('ServiceNow'),
    /** Roles this provider may assign (role definition ids); empty = any role in an approved plan. */
    allowedRoleIds: z.array(guid('allowedRoleIds[]')).default([]),
    /**
     * PIM eligibility before a grant (seed 001: "confirm target user exists and is eligible"). `required`: a
     * principal with no eligibility for the role in PIM is refused (`fatal`, `not_eligible`); `report`: the finding
     * only goes on the ticket. Either way the principal's current role assignments are read and reported.
     * @defaultValue required
     */
    eligibility: z.enum(['required', 'report']).default('required'),
    /**
     * Roles after whose revoke the user's sign-in sessions are revoked (`POST /users/{id}/revokeSignInSessions`),
     * so tokens issued during the elevation stop working. A plan marked high-risk by the policy gets it too.
     * @defaultValue [Global Administrator]
     */
    revokeSessionsRoleIds: z.array(guid('revokeSessionsRoleIds[]')).default([GLOBAL_ADMINISTRATOR_ROLE_ID]),
})

/** Configuration of the `entra-group` provider (local admin through an Intune-fed Entra group). */
export const entraGroupConfigSchema = z.object({
    connection: entraConnectionSchema,
    /**
     * `pim`: PIM for Groups assignment with an `afterDuration` expiration (Entra ends it natively).
     * `members`: plain `$ref` membership; Entra has no clock, the executor's revoke is the only one.
     * @defaultValue pim
     */
    mode: z.enum(['pim', 'members']).default('pim'),
    /** Device class (e.g. `workstation`, `server`) → group object id. */
    groupsByDeviceClass: z.record(z.string(), guid('groupsByDeviceClass value')).default({}),
    /** Device name → group object id (overrides the class mapping). */
    groupsByDevice: z.record(z.string(), guid('groupsByDevice value')).default({}),
    /** Further groups a plan may name directly (`entra_group` targets). */
    allowedGroupIds: z.array(guid('allowedGroupIds[]')).default([]),
    /**
     * What happens to the Windows session at expiry: `forced` (an Intune / EPM sign-out is forced) or
     * `required` (the user is told to sign out; the existing admin token lives until then). @defaultValue required
     */
    signOutPolicy: z.enum(['forced', 'required']).default('required'),
    /** `ticketInfo.ticketSystem` (PIM mode). @defaultValue ServiceNow */
    ticketSystem: z.string().min(1).default('ServiceNow'),
})

export type EntraConnectionConfig = z.output<typeof entraConnectionSchema>
export type EntraConnectionInput = z.input<typeof entraConnectionSchema>
export type EntraRoleConfig = z.output<typeof entraRoleConfigSchema>
export type EntraRoleConfigInput = z.input<typeof entraRoleConfigSchema>
export type EntraGroupConfig = z.output<typeof entraGroupConfigSchema>
export type EntraGroupConfigInput = z.input<typeof entraGroupConfigSchema>

/** Parse a config section, turning zod issues into one message naming each setting (never its value). */
export function parseConfig<T extends z.ZodTypeAny>(schema: T, raw: unknown, section: string): z.output<T> {
    const result = schema.safeParse(raw)
    if (result.success) return result.data
    const issues = result.error.issues.map((i) => `${section}.${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid ${section} configuration: ${issues.join('; ')}`)
}
