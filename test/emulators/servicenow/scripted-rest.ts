/**
 * Scripted REST APIs of the built app, served by the ServiceNow emulator: the operations are read from `dist/`
 * (`sys_ws_definition`: base URI; `sys_ws_operation`: HTTP method, relative path with `{param}` templates,
 * requires authentication, requires ACL authorization, enforced ACLs, and the server-module function its script
 * calls), and each call is routed to the handler the app world registered for that function — the app's own
 * server module, run as the authenticated user, as the platform runs the operation script.
 *
 * Platform behaviour reproduced (README.md "Scripted REST APIs", with sources):
 * - `/api/<namespace>/<api_id><relative_path>`; path parameters in `request.pathParams`, query parameters in
 *   `request.queryParams` (arrays of strings), the JSON body in `request.body.data`;
 * - no or bad credentials on an operation that requires authentication → 401 (the Table API's envelope);
 * - an operation that requires ACL authorization answers 403 "User Not Authorized" unless the user passes its
 *   REST_Endpoint ACLs (every one listed; roles, `admin` passing ACLs with admin overrides);
 * - `response.setBody(obj)` is serialized as `{"result": obj}` with the status the script set (200 by default);
 * - a path under a known API that matches no operation → 400 "Requested URI does not represent any resource";
 *   a known path with another method → 405.
 *
 * Test / dev code only.
 */
import type { AppDist, DistAcl } from '../../support/app-dist'
import type { Principal } from './acl'

/** A Scripted REST operation script: the platform's RESTAPIRequest / RESTAPIResponse objects. */
export type ScriptedRestHandler = (request: unknown, response: unknown) => void

/** One call as the HTTP layer saw it. */
export interface ScriptedRestCall {
    method: string
    /** URL path, no query string. */
    path: string
    query: URLSearchParams
    /** Raw request body. */
    body: Buffer
    headers: Record<string, string | string[] | undefined>
}

/** The answer to send, or undefined when the path is not a Scripted REST API of the app. */
export interface ScriptedRestAnswer {
    status: number
    body: unknown
    headers: Record<string, string>
}

/** What the emulator's HTTP layer calls (ServiceNowEmulator.useScriptedRest). */
export interface ScriptedRestRouter {
    /**
     * Answer `call` when its path belongs to one of the app's APIs; `authenticate` (throws the platform's 401) is
     * called only for operations that require authentication.
     */
    handle(call: ScriptedRestCall, authenticate: () => Principal): ScriptedRestAnswer | undefined
}

/** Options of {@link createScriptedRest}. */
export interface ScriptedRestOptions {
    dist: AppDist
    /**
     * Handlers by `<module path>#<function>` as the operation script names them, e.g.
     * `src/server/executor-api.ts#executorGateFacts`.
     */
    handlers: Readonly<Record<string, ScriptedRestHandler>>
    /** Run `fn` in the session of `userName` (the app world's `as`). */
    runAs<T>(userName: string, fn: () => T): T
}

interface Operation {
    method: string
    base: string
    relativePath: string
    pattern: RegExp
    params: string[]
    requiresAuth: boolean
    requiresAcl: boolean
    aclIds: string[]
    handlerKey: string
}

const failure = (status: number, message: string, detail: string | null = null): ScriptedRestAnswer => ({
    status,
    body: { error: { message, detail }, status: 'failure' },
    headers: {},
})

/** `<module path>#<function>` from the SDK's generated operation script (`// @fluent-module fn;…;scope/pkg/ver/path`). */
function handlerKeyOf(script: string): string {
    const m = /@fluent-module\s+([A-Za-z_$][\w$]*);[^;\n]*;[^\n]*?(src\/[^\s;]+\.ts)/.exec(script)
    return m ? `${m[2]}#${m[1]}` : ''
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The routes of the built app's Scripted REST APIs. */
export function createScriptedRest(opts: ScriptedRestOptions): ScriptedRestRouter {
    const definitions = new Map(opts.dist.records('sys_ws_definition').map((d) => [d['sys_id'] ?? '', d]))
    const bases = [...definitions.values()].map((d) => d['base_uri'] ?? '').filter((b) => b !== '')
    const operations: Operation[] = []
    for (const op of opts.dist.records('sys_ws_operation')) {
        if (op['active'] === 'false') continue
        const def = definitions.get(op['web_service_definition'] ?? '')
        if (!def || def['active'] === 'false') continue
        const base = def['base_uri'] ?? ''
        const relativePath = op['relative_path'] ?? ''
        const params: string[] = []
        const source = relativePath
            .split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)
            .map((part) => {
                const param = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(part)
                if (!param) return escapeRegExp(part)
                params.push(param[1]!)
                return '([^/]+)'
            })
            .join('')
        const acls = (op['enforce_acl'] || def['enforce_acl'] || '').split(',').filter((id) => id !== '')
        operations.push({
            method: (op['http_method'] ?? 'GET').toUpperCase(),
            base,
            relativePath,
            pattern: new RegExp(`^${escapeRegExp(base)}${source}/?$`),
            params,
            requiresAuth: op['requires_authentication'] !== 'false',
            requiresAcl: op['requires_acl_authorization'] === 'true',
            aclIds: acls,
            handlerKey: handlerKeyOf(op['operation_script'] ?? ''),
        })
    }
    const aclById = new Map(opts.dist.acls.map((a) => [a.sysId, a]))

    /** An ACL passes for `p`: one of its roles (none listed: anyone), admin with admin overrides; scripts deny. */
    const passes = (acl: DistAcl, p: Principal): boolean => {
        if (!acl.active) return false
        if (p.roles.has('admin') && acl.adminOverrides) return true
        const script = acl.script.trim()
        if (script !== '' && !/^answer\s*=\s*true;?$/.test(script)) return false
        return acl.roles.length === 0 || acl.roles.some((r) => p.roles.has(r))
    }

    return {
        handle(call, authenticate) {
            if (!bases.some((b) => call.path === b || call.path.startsWith(`${b}/`))) return undefined
            const matching = operations.filter((o) => o.pattern.test(call.path))
            if (matching.length === 0) return failure(400, 'Requested URI does not represent any resource')
            const op = matching.find((o) => o.method === call.method.toUpperCase())
            if (!op) return failure(405, 'Method not Supported', `${call.method} is not supported for this resource`)
            const principal = op.requiresAuth ? authenticate() : undefined
            if (op.requiresAcl) {
                const acls = op.aclIds.map((id) => aclById.get(id))
                if (!principal || acls.length === 0 || acls.some((a) => !a || !passes(a, principal))) {
                    return failure(403, 'User Not Authorized', `Not authorized to access ${op.base}${op.relativePath}`)
                }
            }
            const handler = opts.handlers[op.handlerKey]
            if (!handler) {
                return failure(500, 'Internal server error', `emulator: no handler registered for ${op.handlerKey}`)
            }
            const values = op.pattern.exec(call.path)!.slice(1)
            const pathParams: Record<string, string> = {}
            op.params.forEach((name, i) => (pathParams[name] = decodeURIComponent(values[i] ?? '')))
            const queryParams: Record<string, string[]> = {}
            for (const [k, v] of call.query.entries()) (queryParams[k] ??= []).push(v)
            const text = call.body.length > 0 ? call.body.toString('utf8') : ''
            const request = {
                pathParams,
                queryParams,
                uri: call.path,
                url: call.path,
                body: {
                    get data(): unknown {
                        return text === '' ? undefined : (JSON.parse(text) as unknown)
                    },
                    dataString: text,
                },
                getHeader: (name: string): string => {
                    const v = call.headers[name.toLowerCase()]
                    return Array.isArray(v) ? v.join(',') : (v ?? '')
                },
            }
            let status = 200
            let body: unknown = undefined
            const headers: Record<string, string> = {}
            const response = {
                setStatus: (s: number) => void (status = s),
                setBody: (b: unknown) => void (body = b),
                setHeader: (k: string, v: string) => void (headers[k] = v),
                setContentType: (t: string) => void (headers['Content-Type'] = t),
            }
            const run = (): void => handler(request, response)
            if (principal) opts.runAs(principal.userName, run)
            else run()
            return { status, body: body === undefined ? {} : { result: body }, headers }
        },
    }
}
