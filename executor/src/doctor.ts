/**
 * `doctor`: one pass over everything the executor needs, printing what is wrong and how to fix it. It only
 * reads: it writes nothing to ServiceNow (no heartbeat — a row under this executor's name would tell the watchdog
 * a dead fleet is alive), posts nothing to Teams, changes nothing at any provider.
 *
 * Checks, in order (later checks still run when an earlier one fails, where they can):
 * 1. configuration (every problem, each naming its variable);
 * 2. the journal file opens and migrates;
 * 3. ServiceNow is reachable (a failure names GBG_SN_URL) and the integration user is authenticated (a failure
 *    names the credential variables of the auth mode);
 * 4. every app table and field the executor reads is readable (a field left out of a response is missing or
 *    hidden by a read ACL; an empty table cannot show its fields and is reported as such);
 * 5. the instance context, from the app's executor API (`GET /api/x_gbg_breakglass/executor/context`): the app's
 *    settings (kill switch), the SecOps group property resolved on the instance (unset, not a sys_id, no such
 *    group), the incident caller, and the integration user's time zone and roles; executor settings that the app
 *    now decides (GBG_SECOPS_GROUP, GBG_SN_INCIDENT_CALLER) are reported as unused when set;
 * 6. every configured provider answers its health check;
 * 7. the Teams webhook URL is probed without posting (notify/teams.ts probeWebhook).
 *
 * Lines: `✓` passed, `!` a warning (reported, does not fail), `✗` failed with `→` the fix.
 * Write ACLs on grant and action fields cannot be probed without changing a real record: they are asserted by the
 * tests over the built app (`now-app/test/dist-security.test.ts`) and proven on the first claim.
 */
import {
    ACTION_FIELDS,
    AUDIT_FIELDS,
    EXECUTOR_FIELDS,
    GRANT_FIELDS,
    POLICY_FIELDS,
    PROPERTY,
    TABLE,
    parseKillSwitch,
} from '@gbg/shared'
import { ConfigError, OBSOLETE_VARIABLES, loadConfig, type Config } from './config'
import { nullLogger } from './log'
import { probeWebhook } from './notify/teams'
import type { ServiceNowGateway } from './ports'
import { buildProviders, connectServiceNow, openJournal } from './service'
import type { ServiceNowClient } from './servicenow/client'
import { isServiceNowError } from './servicenow/errors'
import { checkInstanceFields } from './servicenow/field-check'
import { ServiceNowFleetGrants } from './servicenow/fleet-grants'
import { errorText } from './transport'

type Out = (line: string) => void

/** Fields per app table the executor reads (everything it maps). */
const READ_FIELDS: Record<string, readonly string[]> = {
    [TABLE.grant]: Object.values(GRANT_FIELDS),
    [TABLE.action]: Object.values(ACTION_FIELDS),
    [TABLE.policy]: Object.values(POLICY_FIELDS),
    [TABLE.auditEvent]: [AUDIT_FIELDS.sequence, AUDIT_FIELDS.hash],
    [TABLE.executor]: Object.values(EXECUTOR_FIELDS),
}

/** The role the integration user must hold, and the only one it should. */
export const EXECUTOR_ROLE = 'x_gbg_breakglass.executor'

/**
 * What the app's executor API answers at `GET /api/x_gbg_breakglass/executor/context` (shared/src/schema.ts
 * ExecutorContextFacts): the app settings as stored, the SecOps group property resolved, the incident caller, and
 * the session user as the instance sees it.
 */
export interface InstanceContext {
    settings: {
        integration_enabled: string | null
        default_max_duration_minutes: string | null
        secops_group: string | null
    }
    secops_group: { status: 'ok' | 'unset' | 'invalid' | 'not_found'; sys_id: string; name: string }
    /** Where failed grants are routed (absent: an app older than issue 17). */
    failure_route?: { via: 'resolver' | 'secops' | ''; sys_id: string; name: string }
    incident_caller: { sys_id: string; user_name: string } | null
    session: { sys_id: string; user_name: string; roles: string[]; time_zone: string }
}

/** The gateway as doctor uses it: the context read is there once the app ships its executor API. */
type DoctorGateway = ServiceNowGateway & { getInstanceContext?: () => Promise<InstanceContext> }

/** Seams for tests: how doctor connects to ServiceNow (default: the service's own wiring). */
export interface DoctorDeps {
    connect?: (config: Config) => { client: ServiceNowClient; gateway: DoctorGateway }
}

/** The credential variables of an auth mode, for messages. */
function credentialVariables(config: Config): string {
    switch (config.servicenow.authMode) {
        case 'basic':
            return 'GBG_SN_USERNAME / GBG_SN_PASSWORD'
        case 'oauth_password':
            return 'GBG_SN_CLIENT_ID / GBG_SN_CLIENT_SECRET and GBG_SN_USERNAME / GBG_SN_PASSWORD'
        case 'oauth_client_credentials':
            return 'GBG_SN_CLIENT_ID / GBG_SN_CLIENT_SECRET (and the OAuth client credentials grant on the instance)'
    }
}

/** A ServiceNow failure in words, naming the variable to fix. */
function explainServiceNow(error: unknown, config: Config): { what: string; fix: string } {
    const url = config.servicenow.url
    if (isServiceNowError(error)) {
        if (error.status === undefined && error.kind !== 'unauthorized') {
            // No HTTP answer: DNS, refused, TLS, timeout.
            return {
                what: `cannot reach GBG_SN_URL (${url}): ${error.code ?? error.message}`,
                fix:
                    error.code === 'ETIMEDOUT' || /timeout/i.test(error.message)
                        ? 'check GBG_SN_URL, the network path and proxy; raise GBG_SN_TIMEOUT_MS if the instance is slow'
                        : 'check GBG_SN_URL (host name, https, port), DNS, the proxy and the TLS chain (NODE_EXTRA_CA_CERTS)',
            }
        }
        switch (error.status === 401 ? 'unauthorized' : error.kind) {
            case 'unauthorized':
                return {
                    what: `cannot authenticate to GBG_SN_URL (${url}): ${error.message}`,
                    fix: `check ${credentialVariables(config)} and that the user is active with web service access`,
                }
            case 'fatal':
                if (error.status === 400 || error.status === 404)
                    return {
                        what: `${error.message}`,
                        fix: `is the x_gbg_breakglass app installed on GBG_SN_URL (${url})?`,
                    }
                if (error.status === 403)
                    return {
                        what: error.message,
                        fix: `give the integration user the role ${EXECUTOR_ROLE} (and check Web service access on the table)`,
                    }
                return { what: error.message, fix: `check GBG_SN_URL (${url}) and the app's version` }
            default:
                return {
                    what: `GBG_SN_URL (${url}): ${error.message}`,
                    fix: 'the instance answered with a transient error; re-run doctor, then check the instance health',
                }
        }
    }
    return { what: `GBG_SN_URL (${url}): ${errorText(error)}`, fix: 'check GBG_SN_URL and the network path' }
}

/** Run every check; returns the exit code (0 all good, 1 something failed, 2 configuration unusable). */
export async function runDoctor(env: NodeJS.ProcessEnv, out: Out, deps: DoctorDeps = {}): Promise<number> {
    let failures = 0
    let warnings = 0
    const ok = (what: string) => out(`  ✓ ${what}`)
    const warn = (what: string, fix?: string) => {
        warnings += 1
        out(`  ! ${what}${fix ? `\n      → ${fix}` : ''}`)
    }
    const bad = (what: string, fix: string) => {
        failures += 1
        out(`  ✗ ${what}\n      → ${fix}`)
    }

    out('configuration')
    let config: Config
    try {
        config = loadConfig(env)
        ok(
            `loaded (instance ${config.instanceName}, ServiceNow ${config.servicenow.url}, providers ${config.providers.join(', ')})`,
        )
    } catch (error) {
        if (error instanceof ConfigError) {
            bad('configuration is invalid', error.message.replace(/\n/g, '\n        '))
            return 2
        }
        throw error
    }

    out('journal')
    try {
        const journal = openJournal(config)
        ok(
            `${config.journalPath} (schema v${journal.schemaVersion()}, ${journal.unfinished().length} unfinished actions)`,
        )
        journal.close()
    } catch (error) {
        bad(
            `GBG_JOURNAL_PATH: cannot open ${config.journalPath}: ${errorText(error)}`,
            'GBG_JOURNAL_PATH must be a writable file on local disk',
        )
    }

    out('ServiceNow')
    const { client, gateway } = (deps.connect ?? ((c: Config) => connectServiceNow(c, nullLogger)))(config)
    let reachable = false
    try {
        await gateway.ping()
        reachable = true
        ok(
            `${config.servicenow.url} reachable and authenticated as the integration user (${config.servicenow.authMode})`,
        )
    } catch (error) {
        const e = explainServiceNow(error, config)
        bad(e.what, e.fix)
    }
    if (reachable) {
        for (const r of await checkInstanceFields(client, READ_FIELDS)) {
            const fields = READ_FIELDS[r.table] ?? []
            if (r.status === 'error')
                bad(
                    `${r.table}: ${explainServiceNow(r.cause, config).what}`,
                    'the executor role needs read on this table (see now-app/src/fluent/security)',
                )
            else if (r.status === 'empty')
                ok(`${r.table}: readable (empty: fields cannot be checked until it has a record)`)
            else if (r.missing.length === 0) ok(`${r.table}: readable, all ${fields.length} fields present`)
            else
                bad(
                    `${r.table}: fields missing or hidden: ${r.missing.join(', ')}`,
                    `upgrade the app to the version this executor expects, or check the field read ACLs for ${EXECUTOR_ROLE}`,
                )
        }

        out('instance settings')
        await checkContext(gateway, config, env, { ok, warn, bad })
    }

    out('providers')
    try {
        const journal = openJournal(config)
        try {
            // Health checks only: the console's gate is never run by doctor.
            const providers = buildProviders(
                config,
                journal,
                new ServiceNowFleetGrants(() => gateway),
                nullLogger,
                undefined,
                undefined,
                () => Promise.reject(new Error('doctor runs no grant')),
            )
            for (const [name, provider] of providers) {
                try {
                    await provider.health()
                    ok(`${name}: healthy (${provider.describe().baseUrl})`)
                } catch (error) {
                    bad(
                        `${name}: ${errorText(error)}`,
                        name === 'webhook'
                            ? 'check GBG_WEBHOOK_BASE_URL, GBG_WEBHOOK_HMAC_SECRET and network access to the service'
                            : 'check GBG_ENTRA_TENANT_ID, GBG_ENTRA_CLIENT_ID, GBG_ENTRA_CERT_FILE (or GBG_ENTRA_CLIENT_SECRET), GBG_ENTRA_AUTHORITY_URL / GBG_ENTRA_GRAPH_BASE_URL and the app permissions (docs/entra.md)',
                    )
                }
            }
        } finally {
            journal.close()
        }
    } catch (error) {
        bad(
            `providers cannot be built: ${errorText(error)}`,
            'fix the provider settings (GBG_PROVIDERS, GBG_WEBHOOK_*, GBG_ENTRA_*, GBG_EPM_*)',
        )
    }

    out('Teams')
    if (!config.teams) {
        warn('GBG_TEAMS_WEBHOOK_URL is not set: no Teams cards (grants, expiry warnings, failures)')
    } else {
        const hooks: Array<[string, string]> = [['GBG_TEAMS_WEBHOOK_URL', config.teams.webhookUrl]]
        if (config.teams.opsWebhookUrl) hooks.push(['GBG_TEAMS_OPS_WEBHOOK_URL', config.teams.opsWebhookUrl])
        else warn('GBG_TEAMS_OPS_WEBHOOK_URL is not set: ops cards (write-back stuck) go to GBG_TEAMS_WEBHOOK_URL')
        if (config.teams.oncallWebhookUrl) hooks.push(['GBG_TEAMS_ONCALL_WEBHOOK_URL', config.teams.oncallWebhookUrl])
        else warn('GBG_TEAMS_ONCALL_WEBHOOK_URL is not set: approval escalations go to GBG_TEAMS_WEBHOOK_URL')
        for (const [name, hookUrl] of hooks) {
            const probe = await probeWebhook(hookUrl)
            if (probe.verdict === 'alive') ok(`${name} (${probe.host}): ${probe.detail}; nothing posted`)
            else if (probe.verdict === 'unverifiable') warn(`${name} (${probe.host}): ${probe.detail}`)
            else
                bad(
                    `${name} (${probe.host}): ${probe.detail}`,
                    probe.status === undefined
                        ? `check ${name}'s host and the network path to it (DNS, proxy, firewall)`
                        : `copy the URL again from the Teams workflow ("When a Teams webhook request is received") into ${name} (or its _FILE)`,
                )
        }
    }

    const tail = warnings > 0 ? `, ${warnings} warning(s)` : ''
    out(failures === 0 ? `\nall checks passed${tail}` : `\n${failures} check(s) failed${tail}`)
    return failures === 0 ? 0 : 1
}

interface Report {
    ok: (what: string) => void
    warn: (what: string, fix?: string) => void
    bad: (what: string, fix: string) => void
}

/** The instance context from the app's executor API: settings, SecOps group, incident caller, session user. */
async function checkContext(
    gateway: DoctorGateway,
    config: Config,
    env: NodeJS.ProcessEnv,
    { ok, warn, bad }: Report,
): Promise<void> {
    let ctx: InstanceContext
    try {
        if (typeof gateway.getInstanceContext !== 'function') throw new Error('this executor build has no context read')
        ctx = await gateway.getInstanceContext()
    } catch (error) {
        bad(
            `the app's executor API (context): ${explainServiceNow(error, config).what}`,
            `the integration user needs the role ${EXECUTOR_ROLE}; upgrade the app if the API is missing`,
        )
        return
    }
    const killSwitch = parseKillSwitch(PROPERTY.integrationEnabled, ctx.settings.integration_enabled ?? undefined)
    if (killSwitch.value) ok(`${PROPERTY.integrationEnabled} = true: grants run`)
    else
        bad(
            `integration is disabled (${PROPERTY.integrationEnabled} = ${JSON.stringify(ctx.settings.integration_enabled)}): grants are refused, revokes still run`,
            `set ${PROPERTY.integrationEnabled} to exactly true when the integration should run`,
        )

    const g = ctx.secops_group
    const property = PROPERTY.secopsGroup
    switch (g.status) {
        case 'ok':
            ok(`${property}: ${g.name} (${g.sys_id})`)
            break
        case 'unset':
            bad(
                `${property} is not set: incidents and refused requests go to no group`,
                `set ${property} to the sys_id of the SecOps group (Break-Glass Access → Properties)`,
            )
            break
        case 'invalid':
            bad(
                `${property} = ${JSON.stringify(ctx.settings.secops_group ?? '')} is not a sys_id`,
                `set ${property} to the sys_id (32 hex) of the SecOps group`,
            )
            break
        case 'not_found':
            bad(
                `${property} = ${g.sys_id || JSON.stringify(ctx.settings.secops_group ?? '')}: no such group on the instance`,
                `set ${property} to the sys_id of an existing SecOps group`,
            )
            break
    }
    const route = ctx.failure_route
    if (route) {
        if (route.via === 'resolver')
            ok(`${PROPERTY.resolverGroup}: failed grants are routed to ${route.name} (${route.sys_id})`)
        else if (route.via === 'secops')
            warn(
                `${PROPERTY.resolverGroup} names no group: failed grants are routed to Security Operations (${route.name})`,
                `set ${PROPERTY.resolverGroup} to the sys_id of the group that follows up failed grants`,
            )
        else
            bad(
                `failed grants are routed to no group: neither ${PROPERTY.resolverGroup} nor ${PROPERTY.secopsGroup} names one`,
                `set ${PROPERTY.resolverGroup} (or at least ${PROPERTY.secopsGroup})`,
            )
    }
    if (ctx.incident_caller) ok(`incidents are raised with caller ${ctx.incident_caller.user_name}`)
    else warn('the app reports no caller for the incidents it raises for the executor')

    const s = ctx.session
    const tz = s.time_zone || '(system default)'
    ok(`integration user ${s.user_name}: time zone ${tz}, roles ${s.roles.length > 0 ? s.roles.join(', ') : 'none'}`)
    if (!s.roles.includes(EXECUTOR_ROLE))
        bad(`${s.user_name} does not hold ${EXECUTOR_ROLE}`, `grant ${EXECUTOR_ROLE} to the integration user`)
    const extra = s.roles.filter((r) => r !== EXECUTOR_ROLE)
    if (extra.length > 0)
        warn(
            `${s.user_name} holds more than ${EXECUTOR_ROLE}: ${extra.join(', ')}`,
            `least privilege: the integration user needs ${EXECUTOR_ROLE} only`,
        )

    // The executor's own copies of these settings are obsolete once the app decides them.
    for (const [name, { nowIn }] of Object.entries(OBSOLETE_VARIABLES)) {
        if ((env[name] ?? '').trim() !== '')
            warn(`${name} is set but no longer used: the setting now lives in ${nowIn}`, `remove ${name}`)
    }
}
