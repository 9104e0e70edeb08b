/**
 * Contract-faithful Microsoft Graph + Entra token emulator (`contracts/microsoft-graph.md`): client-credentials
 * token endpoint (secret or certificate assertion), PIM for roles, PIM for Groups, `$ref` group membership, user
 * lookup, throttling on the documented write limit, and injectable faults (error status, latency, a response
 * lost after the change was applied, expired tokens).
 *
 * Served over HTTPS with a throw-away self-signed certificate (`ca` on the handle) because MSAL refuses a plain
 * `http:` authority. The emulator's clock is injectable: PIM instances disappear at their end time on it
 * (native expiry) and tokens expire on it.
 *
 * Test / dev code only: never imported by the shipped executor.
 */
import {
    createPublicKey,
    randomBytes,
    randomUUID,
    verify as verifySignature,
    X509Certificate,
    constants,
} from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listen } from '../http-listen'
import {
    Directory,
    GraphFault,
    type DirectoryOptions,
    type EmulatorGroup,
    type EmulatorRole,
    type EmulatorUser,
} from './directory'
import { odataError, parseEqFilter, UnsupportedFilterError } from './odata'
import { emulatorServerCertificate, thumbprintSha256 } from './tls'

export { Directory, GraphFault } from './directory'
export type { EmulatorGroup, EmulatorRole, EmulatorUser } from './directory'
export { createTestCertificate, type TestCertificate } from './tls'

/** Every application permission the emulator knows (the default grant of a client). */
export const ALL_PERMISSIONS = [
    'RoleManagement.ReadWrite.Directory',
    'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup',
    'GroupMember.ReadWrite.All',
    'User.Read.All',
] as const

/** A registered application (service principal) in the emulated tenant. */
export interface EmulatorClient {
    clientId: string
    /** Client secret credential. */
    clientSecret?: string
    /** Certificate credential (PEM): client assertions must be signed by its key and carry its thumbprint. */
    certificatePem?: string
    /** Granted application permissions. @defaultValue {@link ALL_PERMISSIONS} */
    permissions?: string[]
}

/** An injected fault. Matching requests (method and path) are affected `times` times. */
export interface FaultSpec {
    method?: string
    /** Tested against the request path (no query), e.g. `/roleAssignmentScheduleRequests$/`. */
    path?: RegExp
    /** Answer with this status (and OData `code`) instead of processing. */
    status?: number
    code?: string
    message?: string
    /** Adds `Retry-After` (seconds). */
    retryAfterSeconds?: number
    /** Process normally, then hold the response this long (real time): a slow response past a client timeout. */
    latencyMs?: number
    /** Process normally (the change IS applied), then drop the connection: the response is lost. */
    dropAfterApply?: boolean
    /**
     * Drop the connection without processing (nothing applied): to the client this is a request that timed out or
     * was reset before Graph acted on it (contracts/microsoft-graph.md: a timeout's outcome is unknown to the caller).
     */
    dropBeforeApply?: boolean
    /** Expire every issued token before processing (the request then gets 401). */
    expireTokens?: boolean
    /** How many matching requests the fault affects. @defaultValue 1 */
    times?: number
}

/** One request as the emulator saw it. */
export interface RecordedRequest {
    method: string
    path: string
    query: string
    body: unknown
    status: number
    clientId?: string
}

/** Options of {@link startGraphEmulator}. */
export interface GraphEmulatorOptions {
    /** Emulator clock. @defaultValue `() => new Date()` */
    now?: () => Date
    /** @defaultValue 0 (any free port) */
    port?: number
    tenantId: string
    clients: EmulatorClient[]
    users: EmulatorUser[]
    roles: EmulatorRole[]
    groups: EmulatorGroup[]
    /** Serve PIM for Groups; when false its endpoints answer 404 like a tenant without it. @defaultValue true */
    pimForGroups?: boolean
    roleMaxDuration?: Record<string, string>
    groupMaxDuration?: Record<string, string>
    requireJustification?: boolean
    requireTicket?: boolean
    approvalRequiredRoles?: string[]
    /** @defaultValue 5 (Entra's rule) */
    minActiveMinutes?: number
    /** Token lifetime in seconds. @defaultValue 3599 */
    tokenLifetimeSeconds?: number
    /** Write throttling per app+tenant (documented: 3,000 writes per 150 s). */
    writeLimit?: { max: number; windowSeconds: number }
    /** Page size of collections (`@odata.nextLink` beyond it). @defaultValue 100 */
    pageSize?: number
}

/** Handle returned by {@link startGraphEmulator}. */
export interface GraphEmulator {
    /** `https://127.0.0.1:<port>` (login host and Graph host). */
    url: string
    /** Authority host for MSAL: `url`. */
    authorityHost: string
    tokenUrl: string
    graphBase: string
    /** PEM of the self-signed server certificate, to trust. */
    ca: string
    tenantId: string
    state: Directory
    requests: RecordedRequest[]
    addPermanentAssignment(principalId: string, roleId: string): void
    addDirectMember(groupId: string, userId: string): void
    faults: { add(f: FaultSpec): void; clear(): void }
    /**
     * Every token issued so far expires now (an early expiry or a revocation at this instant): the next Graph call
     * with one gets 401 `InvalidAuthenticationToken`; a token issued afterwards is valid. Unlike the `expireTokens`
     * fault rule (applied on a later request), calling it several times before any request expires the same tokens
     * once — repeated early expiries do not pile up onto the token fetched after the first.
     */
    expireTokens(): void
    callCount(filter?: { method?: string; path?: RegExp }): number
    close(): Promise<void>
}

interface IssuedToken {
    clientId: string
    expiresAt: number
    revoked: boolean
}

const GRAPH_PREFIX = '/v1.0'

/** Start the emulator on 127.0.0.1. */
export async function startGraphEmulator(opts: GraphEmulatorOptions): Promise<GraphEmulator> {
    const now = opts.now ?? (() => new Date())
    const dirOpts: DirectoryOptions = { ...opts, now }
    const directory = new Directory(dirOpts)
    const tokens = new Map<string, IssuedToken>()
    const faults: (FaultSpec & { left: number })[] = []
    const requests: RecordedRequest[] = []
    const writes = new Map<string, number[]>()
    const pageSize = opts.pageSize ?? 100
    const writeLimit = opts.writeLimit ?? { max: 3000, windowSeconds: 150 }
    const cert = emulatorServerCertificate()
    let base = ''

    function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        res.end(body === undefined ? undefined : JSON.stringify(body))
    }

    async function readBody(req: IncomingMessage): Promise<string> {
        const chunks: Buffer[] = []
        for await (const c of req) chunks.push(c as Buffer)
        return Buffer.concat(chunks).toString('utf8')
    }

    function takeFault(method: string, path: string): (FaultSpec & { left: number }) | undefined {
        const f = faults.find(
            (x) => x.left > 0 && (!x.method || x.method.toUpperCase() === method) && (!x.path || x.path.test(path)),
        )
        if (f) f.left -= 1
        return f
    }

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const method = (req.method ?? 'GET').toUpperCase()
        const url = new URL(req.url ?? '/', base)
        const path = decodeURIComponent(url.pathname)
        const raw = await readBody(req)
        const record: RecordedRequest = { method, path, query: url.search, body: undefined, status: 0 }
        requests.push(record)
        const fault = takeFault(method, path)
        if (fault?.expireTokens) for (const t of tokens.values()) t.revoked = true
        if (fault?.dropBeforeApply) {
            record.status = 0
            req.socket.destroy()
            return
        }
        const isToken = /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)
        if (fault?.status) {
            record.status = fault.status
            const headers: Record<string, string> = {}
            if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds)
            const body = isToken
                ? aadError(fault.code ?? 'temporarily_unavailable', 'AADSTS50001: injected fault', 50001)
                : odataError(fault.code ?? defaultCode(fault.status), fault.message ?? 'Injected fault.', now())
            sendJson(res, fault.status, body, headers)
            return
        }
        let result: { status: number; body?: unknown; headers?: Record<string, string> }
        try {
            if (isToken) result = tokenEndpoint(path, raw)
            else if (/^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(path)) result = openIdConfig(path)
            else if (path.startsWith(GRAPH_PREFIX + '/')) {
                const clientId = authenticate(req)
                record.clientId = clientId
                let body: unknown
                if (raw !== '') {
                    try {
                        body = JSON.parse(raw)
                    } catch {
                        throw new GraphFault(400, 'BadRequest', 'Unable to read JSON request payload.')
                    }
                }
                record.body = body
                result = graph(method, path.slice(GRAPH_PREFIX.length), url, body, req, clientId)
            } else result = { status: 404, body: odataError('Request_ResourceNotFound', `No route ${path}`, now()) }
        } catch (err) {
            if (err instanceof GraphFault) {
                result = { status: err.status, body: odataError(err.code, err.message, now()), headers: {} }
                if (err.status === 429) result.headers = throttleHeaders(err.message)
            } else if (err instanceof TokenFault) {
                result = { status: err.status, body: err.body }
            } else if (err instanceof UnsupportedFilterError) {
                result = { status: 400, body: odataError('BadRequest', err.message, now()) }
            } else throw err
        }
        record.status = result.status
        if (fault?.dropAfterApply) {
            // The change is applied; the client never hears about it.
            req.socket.destroy()
            return
        }
        if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs))
        if (res.destroyed || req.socket.destroyed) return
        if (result.status === 204) {
            res.writeHead(204, result.headers ?? {})
            res.end()
        } else sendJson(res, result.status, result.body, result.headers)
    }

    function throttleHeaders(message: string): Record<string, string> {
        const retry = /retry after (\d+)/i.exec(message)?.[1] ?? '1'
        return {
            'retry-after': retry,
            'x-ms-throttle-scope': `Tenant_Application/WriteLimit/${opts.tenantId}`,
            'x-ms-throttle-information': 'WriteLimitExceeded',
        }
    }

    function defaultCode(status: number): string {
        if (status === 429) return 'TooManyRequests'
        if (status === 401) return 'InvalidAuthenticationToken'
        if (status === 403) return 'Authorization_RequestDenied'
        if (status === 404) return 'Request_ResourceNotFound'
        if (status === 503) return 'ServiceUnavailable'
        if (status >= 500) return 'InternalServerError'
        return 'BadRequest'
    }

    // ---- token endpoint ----------------------------------------------------------------------------------

    class TokenFault extends Error {
        constructor(
            readonly status: number,
            readonly body: unknown,
        ) {
            super('token fault')
        }
    }

    function aadError(error: string, description: string, code: number) {
        return {
            error,
            error_description: `${description}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${now().toISOString()}`,
            error_codes: [code],
            timestamp: now().toISOString(),
            trace_id: randomUUID(),
            correlation_id: randomUUID(),
        }
    }

    function openIdConfig(path: string) {
        const tenant = path.split('/')[1] as string
        const authority = `${base}/${tenant}`
        return {
            status: 200,
            body: {
                token_endpoint: `${authority}/oauth2/v2.0/token`,
                authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
                end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
                issuer: `${authority}/v2.0`,
                jwks_uri: `${authority}/discovery/v2.0/keys`,
            },
        }
    }

    function tokenEndpoint(path: string, raw: string) {
        const tenant = path.split('/')[1]
        if (tenant !== opts.tenantId) {
            throw new TokenFault(400, aadError('invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`, 90002))
        }
        const form = new URLSearchParams(raw)
        if (form.get('grant_type') !== 'client_credentials') {
            throw new TokenFault(
                400,
                aadError('unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.', 70003),
            )
        }
        const clientId = form.get('client_id') ?? ''
        const client = opts.clients.find((c) => c.clientId === clientId)
        if (!client) {
            throw new TokenFault(
                400,
                aadError(
                    'unauthorized_client',
                    `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`,
                    700016,
                ),
            )
        }
        const scope = form.get('scope') ?? ''
        if (!scope.split(' ').some((s) => s.endsWith('/.default'))) {
            throw new TokenFault(
                400,
                aadError(
                    'invalid_scope',
                    `AADSTS70011: The provided value for the input parameter 'scope' is not valid.`,
                    70011,
                ),
            )
        }
        const secret = form.get('client_secret')
        const assertion = form.get('client_assertion')
        let ok = false
        if (secret !== null) ok = client.clientSecret !== undefined && secret === client.clientSecret
        else if (assertion !== null) ok = verifyAssertion(client, assertion, `${base}${path}`)
        if (!ok) {
            const msg =
                secret !== null
                    ? 'AADSTS7000215: Invalid client secret provided.'
                    : 'AADSTS700027: Client assertion failed signature validation.'
            throw new TokenFault(401, aadError('invalid_client', msg, secret !== null ? 7000215 : 700027))
        }
        const lifetime = opts.tokenLifetimeSeconds ?? 3599
        const token = randomBytes(24).toString('base64url')
        tokens.set(token, { clientId, expiresAt: now().getTime() + lifetime * 1000, revoked: false })
        return {
            status: 200,
            body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token },
        }
    }

    /** RFC 7523 client assertion: signature by the registered certificate's key, thumbprint, aud, iss/sub, exp. */
    function verifyAssertion(client: EmulatorClient, jwt: string, tokenUrl: string): boolean {
        if (!client.certificatePem) return false
        const parts = jwt.split('.')
        if (parts.length !== 3) return false
        try {
            const header = JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString('utf8'))
            const payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'))
            const thumb = thumbprintSha256(client.certificatePem)
            const x5tS256 = header['x5t#S256']
                ? Buffer.from(header['x5t#S256'], 'base64url').toString('hex').toUpperCase()
                : ''
            if (x5tS256 !== thumb) return false
            const key = createPublicKey(
                new X509Certificate(client.certificatePem).publicKey.export({ format: 'pem', type: 'spki' }),
            )
            const data = Buffer.from(`${parts[0]}.${parts[1]}`)
            const sig = Buffer.from(parts[2] as string, 'base64url')
            const valid =
                header.alg === 'PS256'
                    ? verifySignature(
                          'sha256',
                          data,
                          { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
                          sig,
                      )
                    : header.alg === 'RS256' && verifySignature('sha256', data, key, sig)
            // exp is checked against real time: MSAL stamps it from the real clock, not the emulator's.
            return (
                valid &&
                payload.aud === tokenUrl &&
                payload.iss === client.clientId &&
                payload.sub === client.clientId &&
                typeof payload.exp === 'number' &&
                payload.exp * 1000 > Date.now()
            )
        } catch {
            return false
        }
    }

    function authenticate(req: IncomingMessage): string {
        const auth = req.headers.authorization ?? ''
        const m = /^Bearer (.+)$/.exec(auth)
        if (!m) throw new GraphFault(401, 'InvalidAuthenticationToken', 'Access token is empty.')
        const t = tokens.get(m[1] as string)
        if (!t)
            throw new GraphFault(
                401,
                'InvalidAuthenticationToken',
                'Access token validation failure. Invalid audience.',
            )
        if (t.revoked || t.expiresAt <= now().getTime()) {
            throw new GraphFault(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.')
        }
        return t.clientId
    }

    function requirePermission(clientId: string, anyOf: string[]): void {
        const client = opts.clients.find((c) => c.clientId === clientId)
        const granted = client?.permissions ?? [...ALL_PERMISSIONS]
        if (!anyOf.some((p) => granted.includes(p))) {
            throw new GraphFault(
                403,
                'Authorization_RequestDenied',
                'Insufficient privileges to complete the operation.',
            )
        }
    }

    /** Sliding-window write limit per app+tenant, on the emulator clock. */
    function countWrite(clientId: string): void {
        const t = now().getTime()
        const windowMs = writeLimit.windowSeconds * 1000
        const list = (writes.get(clientId) ?? []).filter((x) => x > t - windowMs)
        if (list.length >= writeLimit.max) {
            const retry = Math.max(1, Math.ceil(((list[0] as number) + windowMs - t) / 1000))
            writes.set(clientId, list)
            throw new GraphFault(429, 'TooManyRequests', `Too many requests. Please retry after ${retry} seconds.`)
        }
        list.push(t)
        writes.set(clientId, list)
    }

    // ---- Graph routes ------------------------------------------------------------------------------------

    function collection(url: URL, items: unknown[], context: string) {
        const top = Number(url.searchParams.get('$top') ?? pageSize)
        const size = Number.isInteger(top) && top > 0 ? Math.min(top, pageSize) : pageSize
        const skip = Number(url.searchParams.get('$skiptoken') ?? '0')
        const page = items.slice(skip, skip + size)
        const body: Record<string, unknown> = {
            '@odata.context': `${base}${GRAPH_PREFIX}/$metadata#${context}`,
            value: page,
        }
        if (url.searchParams.get('$count') === 'true') body['@odata.count'] = items.length
        if (skip + size < items.length) {
            const next = new URL(url.toString())
            next.searchParams.set('$skiptoken', String(skip + size))
            body['@odata.nextLink'] = next.toString()
        }
        return { status: 200, body }
    }

    function graph(method: string, path: string, url: URL, body: unknown, req: IncomingMessage, clientId: string) {
        const filterText = url.searchParams.get('$filter')
        const write = method !== 'GET'
        const ROLE_READ = ['RoleManagement.ReadWrite.Directory', 'RoleManagement.Read.Directory']
        const GROUP_PIM = ['PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup']
        const MEMBERS_WRITE = ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All']
        const MEMBERS_READ = [...MEMBERS_WRITE, 'GroupMember.Read.All', 'Group.Read.All']
        const USERS_READ = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All']
        let m: RegExpExecArray | null

        // PIM for roles
        if (path === '/roleManagement/directory/roleAssignmentScheduleRequests') {
            requirePermission(clientId, write ? ['RoleManagement.ReadWrite.Directory'] : ROLE_READ)
            if (method === 'POST') {
                countWrite(clientId)
                return {
                    status: 201,
                    body: withContext(directory.createRoleRequest(body, clientId), 'roleAssignmentScheduleRequests'),
                }
            }
            if (method === 'GET') {
                const f = parseEqFilter(filterText, ['principalId', 'roleDefinitionId', 'status', 'directoryScopeId'])
                return collection(
                    url,
                    directory.listRoleRequests(f),
                    'roleManagement/directory/roleAssignmentScheduleRequests',
                )
            }
        }
        if ((m = /^\/roleManagement\/directory\/roleAssignmentScheduleRequests\/([^/]+)(\/cancel)?$/.exec(path))) {
            requirePermission(clientId, write ? ['RoleManagement.ReadWrite.Directory'] : ROLE_READ)
            if (m[2] && method === 'POST') {
                countWrite(clientId)
                directory.cancelRoleRequest(m[1] as string)
                return { status: 204 }
            }
            if (!m[2] && method === 'GET') return { status: 200, body: directory.getRoleRequest(m[1] as string) }
        }
        if (path === '/roleManagement/directory/roleAssignmentScheduleInstances' && method === 'GET') {
            requirePermission(clientId, ROLE_READ)
            const f = parseEqFilter(filterText, ['principalId', 'roleDefinitionId', 'directoryScopeId'])
            return collection(
                url,
                directory.listRoleInstances(f),
                'roleManagement/directory/roleAssignmentScheduleInstances',
            )
        }

        // PIM for Groups
        if (path.startsWith('/identityGovernance/privilegedAccess/group/')) {
            if (opts.pimForGroups === false)
                throw new GraphFault(404, 'Request_ResourceNotFound', `Resource not found for the segment.`)
            requirePermission(clientId, GROUP_PIM)
            const sub = path.slice('/identityGovernance/privilegedAccess/group'.length)
            if (sub === '/assignmentScheduleRequests' && method === 'POST') {
                countWrite(clientId)
                return {
                    status: 201,
                    body: withContext(directory.createGroupRequest(body, clientId), 'assignmentScheduleRequests'),
                }
            }
            if (sub === '/assignmentScheduleRequests' || sub === '/assignmentScheduleInstances') {
                if (method !== 'GET') throw new GraphFault(405, 'Request_BadRequest', 'Method not allowed.')
                const f = parseEqFilter(filterText, ['groupId', 'principalId', 'accessId'])
                if (f.groupId === undefined && f.principalId === undefined) {
                    throw new GraphFault(400, 'BadRequest', "The query must filter on 'groupId' or 'principalId'.")
                }
                const items = sub.endsWith('Requests')
                    ? directory.listGroupRequests(f)
                    : directory.listGroupInstances(f)
                return collection(url, items, `identityGovernance/privilegedAccess/group${sub}`)
            }
        }

        // Group membership
        if ((m = /^\/groups\/([^/]+)\/members\/\$ref$/.exec(path)) && method === 'POST') {
            requirePermission(clientId, MEMBERS_WRITE)
            countWrite(clientId)
            directory.addMemberRef(m[1] as string, body)
            return { status: 204 }
        }
        if ((m = /^\/groups\/([^/]+)\/members\/([^/]+)\/\$ref$/.exec(path)) && method === 'DELETE') {
            requirePermission(clientId, MEMBERS_WRITE)
            countWrite(clientId)
            directory.removeMemberRef(m[1] as string, m[2] as string)
            return { status: 204 }
        }
        if ((m = /^\/groups\/([^/]+)\/members\/([^/$]+)$/.exec(path)) && method === 'DELETE') {
            requirePermission(clientId, MEMBERS_WRITE)
            countWrite(clientId)
            directory.deleteMemberObject(m[1] as string, m[2] as string)
            return { status: 204 }
        }
        if ((m = /^\/groups\/([^/]+)\/members$/.exec(path)) && method === 'GET') {
            requirePermission(clientId, MEMBERS_READ)
            let members = directory
                .members(m[1] as string)
                .map((u) => ({ '@odata.type': '#microsoft.graph.user', ...u }))
            if (filterText !== null) {
                // $filter on members is an advanced query: Graph refuses it without ConsistencyLevel + $count.
                if (req.headers['consistencylevel'] !== 'eventual' || url.searchParams.get('$count') !== 'true') {
                    throw new GraphFault(400, 'Request_UnsupportedQuery', 'Unsupported Query.')
                }
                const f = parseEqFilter(filterText, ['id'])
                members = members.filter((u) => u.id === f.id)
            }
            return collection(url, members, 'directoryObjects')
        }

        // Users
        if (path === '/users' && method === 'GET') {
            requirePermission(clientId, USERS_READ)
            const f = parseEqFilter(filterText, ['userPrincipalName', 'mail'])
            return collection(url, directory.findUsers(f), 'users')
        }
        if ((m = /^\/users\/([^/]+)$/.exec(path)) && method === 'GET') {
            requirePermission(clientId, USERS_READ)
            return { status: 200, body: directory.getUser(m[1] as string) }
        }
        if (method === 'GET' || method === 'POST' || method === 'DELETE' || method === 'PATCH') {
            throw new GraphFault(400, 'BadRequest', `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`)
        }
        throw new GraphFault(405, 'Request_BadRequest', 'Method not allowed.')
    }

    function withContext(obj: object, set: string) {
        return { '@odata.context': `${base}${GRAPH_PREFIX}/$metadata#${set}/$entity`, ...obj }
    }

    const listening = await listen(
        (req, res) => {
            handle(req, res).catch((err: unknown) => {
                if (!res.headersSent) sendJson(res, 500, odataError('InternalServerError', String(err), now()))
            })
        },
        { port: opts.port, tls: cert },
    )
    base = listening.url

    return {
        url: base,
        authorityHost: base,
        tokenUrl: `${base}/${opts.tenantId}/oauth2/v2.0/token`,
        graphBase: `${base}${GRAPH_PREFIX}`,
        ca: cert.certPem,
        tenantId: opts.tenantId,
        state: directory,
        requests,
        addPermanentAssignment: (principalId, roleId) => void directory.addPermanentAssignment(principalId, roleId),
        addDirectMember: (groupId, userId) => directory.addDirectMember(groupId, userId),
        faults: {
            add: (f) => void faults.push({ ...f, left: f.times ?? 1 }),
            clear: () => void faults.splice(0, faults.length),
        },
        expireTokens: () => {
            for (const t of tokens.values()) t.revoked = true
        },
        callCount: (filter = {}) =>
            requests.filter(
                (r) =>
                    (!filter.method || r.method === filter.method.toUpperCase()) &&
                    (!filter.path || filter.path.test(r.path)),
            ).length,
        close: listening.close,
    }
}
