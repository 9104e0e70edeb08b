/**
 * `doctor`: one pass over everything the executor needs, printing what is wrong and how to fix it.
 *
 * Checks, in order (later checks still run when an earlier one fails, where they can):
 * 1. configuration (every problem, each naming its variable);
 * 2. the journal file opens and migrates;
 * 3. ServiceNow is reachable and the integration user is authenticated;
 * 4. every app table and field the executor reads is readable (a field left out of a response is missing or
 *    hidden by a read ACL; an empty table cannot show its fields and is reported as such);
 * 5. the app's properties (kill switch, default max duration) are readable;
 * 6. the executor may write its own heartbeat row (a real write through the write ACLs of its fields);
 * 7. every configured provider answers its health check.
 *
 * Write ACLs on grant and action fields cannot be probed without changing a real record: they are asserted
 * by the tests over the built app (`now-app/test/dist-security.test.ts`) and proven on the first claim.
 */
import { hostname } from 'node:os'
import { ACTION_FIELDS, AUDIT_FIELDS, EXECUTOR_FIELDS, GRANT_FIELDS, POLICY_FIELDS, TABLE } from '@gbg/shared'
import { ConfigError, loadConfig, type Config } from './config'
import { nullLogger } from './log'
import { buildProviders, connectServiceNow, EXECUTOR_VERSION, openJournal } from './service'
import { isServiceNowError } from './servicenow/errors'
import { query } from './servicenow/query'
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

function explain(error: unknown): string {
    if (isServiceNowError(error)) {
        switch (error.kind) {
            case 'unauthorized':
                return `${error.message} — check GBG_SN_USERNAME / GBG_SN_PASSWORD (or the OAuth client) and that the user is active`
            case 'fatal':
                if (error.status === 400)
                    return `${error.message} — is the x_gbg_breakglass app installed on this instance?`
                if (error.status === 403)
                    return `${error.message} — give the integration user the role x_gbg_breakglass.executor (and check Web service access on the table)`
                return error.message
            default:
                return error.message
        }
    }
    return errorText(error)
}

/** Run every check; returns the exit code (0 all good, 1 something failed, 2 configuration unusable). */
export async function runDoctor(env: NodeJS.ProcessEnv, out: Out): Promise<number> {
    let failures = 0
    const ok = (what: string) => out(`  ✓ ${what}`)
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
            `cannot open ${config.journalPath}: ${explain(error)}`,
            'GBG_JOURNAL_PATH must be a writable file on local disk',
        )
    }

    out('ServiceNow')
    const { client, gateway } = connectServiceNow(config, nullLogger)
    let reachable = false
    try {
        await gateway.ping()
        reachable = true
        ok(`reachable and authenticated as the integration user (${config.servicenow.authMode})`)
    } catch (error) {
        bad(
            `cannot authenticate to ${config.servicenow.url}: ${explain(error)}`,
            'fix the ServiceNow settings above, then re-run doctor',
        )
    }
    if (reachable) {
        for (const [table, fields] of Object.entries(READ_FIELDS)) {
            try {
                const rows = await client.list(
                    table,
                    query(table).orderByDesc('sys_created_on').build(),
                    ['sys_id', ...fields],
                    1,
                )
                const row = rows[0]
                if (!row) {
                    ok(`${table}: readable (empty: fields cannot be checked until it has a record)`)
                    continue
                }
                const missing = fields.filter((f) => !(f in row))
                if (missing.length === 0) ok(`${table}: readable, all ${fields.length} fields present`)
                else
                    bad(
                        `${table}: fields missing or hidden: ${missing.join(', ')}`,
                        'upgrade the app to the version this executor expects, or check the field read ACLs for x_gbg_breakglass.executor',
                    )
            } catch (error) {
                bad(
                    `${table}: ${explain(error)}`,
                    'the executor role needs read on this table (see now-app/src/fluent/security)',
                )
            }
        }
        try {
            const settings = await gateway.getAppSettings()
            if (settings.integrationEnabled) ok('app properties readable; integration enabled')
            else
                bad(
                    'integration is disabled (or its property is unreadable): grants will be refused, revokes still run',
                    'set x_gbg_breakglass.integration_enabled = true, and let the executor role read x_gbg_breakglass.* properties',
                )
        } catch (error) {
            bad(
                `app properties: ${explain(error)}`,
                'the executor role needs read on sys_properties rows named x_gbg_breakglass.*',
            )
        }
        try {
            await gateway.heartbeat(config.instanceName, hostname(), EXECUTOR_VERSION, new Date(), false)
            ok(`heartbeat row written for ${config.instanceName} (write ACLs of ${TABLE.executor} work)`)
        } catch (error) {
            bad(
                `cannot write the heartbeat row: ${explain(error)}`,
                'the executor role needs create/write on the executor table',
            )
        }
    }

    out('providers')
    try {
        const journal = openJournal(config)
        try {
            const providers = buildProviders(config, journal, nullLogger)
            for (const [name, provider] of providers) {
                try {
                    await provider.health()
                    ok(`${name}: healthy (${provider.describe().baseUrl})`)
                } catch (error) {
                    bad(
                        `${name}: ${explain(error)}`,
                        `check the ${name} settings (gbg-executor config) and network access`,
                    )
                }
            }
        } finally {
            journal.close()
        }
    } catch (error) {
        bad(
            `providers cannot be built: ${explain(error)}`,
            'fix the provider settings (GBG_PROVIDERS, GBG_WEBHOOK_*, GBG_ENTRA_*)',
        )
    }

    out(failures === 0 ? '\nall checks passed' : `\n${failures} check(s) failed`)
    return failures === 0 ? 0 : 1
}
