/**
 * The executor CLI. Every command reads the same configuration (GBG_* variables and an optional
 * GBG_CONFIG_FILE; `doctor` explains each problem):
 *
 *   run                         the production service (poll, claim, grant, write back, revoke; ops HTTP)
 *   doctor                      check configuration, journal, ServiceNow auth, tables / fields / ACLs, providers
 *   status                      what this executor's journal holds (unfinished actions, revoke timers, outbox)
 *   audit verify <grant sys_id> recompute the grant's audit hash chain from ServiceNow and report the first break
 *   revoke <grant sys_id> --reason "<text>"   queue a high-priority revoke action (as the integration user)
 *   drift                       list Entra role / group holders that no active grant covers
 *   config                      list every configuration variable with its default
 *
 * Exit codes: 0 ok, 1 a check failed / the command failed, 2 usage or configuration error.
 */
import { userInfo } from 'node:os'
import { ACTION_PRIORITY, AUDIT_FIELDS, SYSTEM_FIELDS, TABLE, isSysId } from '@gbg/shared'
import { judgeAuditChain } from './audit-verify'
import { ConfigError, describeConfig, loadConfig, redactConfig, type Config } from './config'
import { createLogger } from './log'
import type { Logger } from './ports'
import { errorText } from './transport'
import { runDoctor } from './doctor'
import { connectServiceNow, openJournal, startService, type Service } from './service'
import { query } from './servicenow/query'
import { runDriftScan } from './drift'

type Out = (line: string) => void

/** Parse `--name value` options after the positional arguments. */
function option(args: string[], name: string): string | undefined {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
}

function loadOrExplain(env: NodeJS.ProcessEnv, err: Out): Config | undefined {
    try {
        return loadConfig(env)
    } catch (error) {
        if (error instanceof ConfigError) {
            err(error.message)
            err('Run `gbg-executor config` for the list of variables, `gbg-executor doctor` for a full check.')
            return undefined
        }
        throw error
    }
}

/** `run`: start the service; SIGINT/SIGTERM once drains, twice forces. */
async function cmdRun(config: Config, logger: Logger): Promise<number> {
    let service: Service
    try {
        service = await startService(config, { logger })
    } catch (error) {
        logger.error('executor failed to start', { error: errorText(error) })
        return 1
    }
    return new Promise<number>((resolve) => {
        let signals = 0
        const onSignal = (signal: NodeJS.Signals) => {
            signals += 1
            const force = signals > 1
            logger.info(`received ${signal}`, { stage: force ? 'force' : 'drain' })
            service
                .stop({ force })
                .then(() => resolve(0))
                .catch((error: unknown) => {
                    logger.error('shutdown failed', { error: errorText(error) })
                    resolve(1)
                })
        }
        process.on('SIGINT', onSignal)
        process.on('SIGTERM', onSignal)
    })
}

/** `status`: the local journal's view (works without ServiceNow). */
function cmdStatus(config: Config, out: Out): number {
    const journal = openJournal(config)
    try {
        const unfinished = journal.unfinished()
        const timers = journal.timers()
        const pending = journal.outbox({ status: 'pending' })
        const dead = journal.outbox({ status: 'dead' })
        out(`executor ${config.instanceName} · journal ${config.journalPath} (schema v${journal.schemaVersion()})`)
        out(`unfinished actions: ${unfinished.length}`)
        for (const a of unfinished) {
            out(
                `  ${a.type.padEnd(7)} action ${a.actionId} grant ${a.grantId} step ${a.step} since ${a.updatedAt.toISOString()}${a.lastError ? ` — ${a.lastError}` : ''}`,
            )
        }
        out(`armed revoke timers: ${timers.length}`)
        for (const t of timers) out(`  grant ${t.grantId} revoke due ${t.dueAt.toISOString()}`)
        out(`write-backs pending: ${pending.length}, dead: ${dead.length}`)
        for (const o of [...pending, ...dead].slice(0, 20)) {
            out(
                `  #${o.id} ${o.kind} grant ${o.grantId} ${o.status} attempts ${o.attempts}${o.lastError ? ` — ${o.lastError}` : ''}`,
            )
        }
        return dead.length > 0 ? 1 : 0
    } finally {
        journal.close()
    }
}

/**
 * `audit verify <grant>`: rebuild the chain from ServiceNow and judge it (src/audit-verify.ts): every link, the
 * anchor this executor's journal holds for the grant, and the MAC of every event the integration user created.
 */
async function cmdAuditVerify(
    config: Config,
    logger: Logger,
    grant: string | undefined,
    out: Out,
    err: Out,
): Promise<number> {
    if (!isSysId(grant)) {
        err('usage: audit verify <grant sys_id (32 hex)>')
        return 2
    }
    const { client } = connectServiceNow(config, logger)
    const q = query(TABLE.auditEvent).eq(AUDIT_FIELDS.grant, grant).orderBy(AUDIT_FIELDS.sequence).build()
    const rows = await client.list(TABLE.auditEvent, q, [
        SYSTEM_FIELDS.sysId,
        SYSTEM_FIELDS.createdBy,
        ...Object.values(AUDIT_FIELDS),
    ])
    const journal = openJournal(config)
    let anchor
    try {
        anchor = journal.auditAnchor(grant)
    } finally {
        journal.close()
    }
    const verdict = judgeAuditChain(rows, {
        anchor,
        key: config.audit.key,
        integrationUser: config.audit.integrationUser,
    })
    if (verdict.ok) {
        const pinned = anchor ? `, anchored at #${anchor.sequence}` : ''
        out(`audit chain of grant ${grant}: ${verdict.events.length} events, intact${pinned}`)
        for (const w of verdict.warnings) out(`  note: ${w}`)
        verdict.events.forEach((e, i) =>
            out(
                `  #${e.sequence} ${e.occurredAt} ${e.eventType} by ${e.actor} (created by ${rows[i]?.[SYSTEM_FIELDS.createdBy] ?? ''})`,
            ),
        )
        return 0
    }
    err(`audit chain of grant ${grant} is BROKEN at event #${verdict.badSequence ?? '?'}: ${verdict.reason}`)
    err('Treat this as a security incident: the append-only audit table was altered or an event is missing.')
    return 1
}

/** `revoke <grant> --reason`: queue a high-priority revoke action, exactly like the "Revoke now" UI action. */
async function cmdRevoke(config: Config, logger: Logger, args: string[], out: Out, err: Out): Promise<number> {
    const grant = args[0]
    const reason = option(args, 'reason')
    if (!isSysId(grant) || !reason || reason.trim().length < 5) {
        err('usage: revoke <grant sys_id> --reason "<why, at least 5 characters>"')
        return 2
    }
    const { gateway } = connectServiceNow(config, logger)
    const record = await gateway.getGrant(grant)
    const now = new Date()
    const action = await gateway.createAction({
        grantSysId: grant,
        type: 'revoke',
        priority: ACTION_PRIORITY.revokeNow,
        notBefore: now,
        maxAttempts: 1000,
        idempotencyKey: `revoke-now:${grant}:${now.getTime()}`,
        reason: `Revoke now from the executor CLI by ${userInfo().username} on ${config.instanceName}: ${reason.trim()}`.slice(
            0,
            1000,
        ),
    })
    out(
        `queued revoke ${action.number || action.sysId} for grant ${record.number} (state ${record.state}); the next poll runs it`,
    )
    return 0
}

/** `drift`: Entra holders of managed roles / groups without an active grant in this executor's journal. */
async function cmdDrift(config: Config, logger: Logger, out: Out, err: Out): Promise<number> {
    if (!config.entra) {
        err('drift: the Entra providers are not configured (GBG_ENTRA_*)')
        return 2
    }
    const { client } = connectServiceNow(config, logger)
    const journal = openJournal(config)
    let report
    try {
        report = await runDriftScan(config.entra, client, journal)
    } finally {
        journal.close()
    }
    const { managedRoles, managedGroups, items } = report
    out(
        `drift scan: ${managedRoles.length} roles, ${managedGroups.length} groups, ${items.length} holder(s) without an active grant`,
    )
    for (const d of items) out(`  ${d.kind} ${d.targetId}: ${d.principalName || d.principalId} — ${d.reason}`)
    return items.length > 0 ? 1 : 0
}

/** Entry point (exported for tests); returns the exit code. */
export async function main(
    argv: string[],
    env: NodeJS.ProcessEnv = process.env,
    out: Out = console.log,
    err: Out = console.error,
): Promise<number> {
    const [command, ...args] = argv
    if (!command || command === 'help' || command === '--help') {
        out('usage: gbg-executor <run|doctor|status|audit verify <grant>|revoke <grant> --reason "..."|drift|config>')
        return command ? 0 : 2
    }
    if (command === 'config') {
        for (const v of describeConfig()) {
            out(
                `${v.name}${v.secret ? ' (secret; or ' + v.name + '_FILE)' : ''}\n    ${v.description}${v.defaultValue ? ` [default: ${v.defaultValue}]` : ''}`,
            )
        }
        return 0
    }
    if (command === 'doctor') return runDoctor(env, out)
    const config = loadOrExplain(env, err)
    if (!config) return 2
    const logger = createLogger({ level: config.logLevel })
    try {
        switch (command) {
            case 'run':
                return await cmdRun(config, logger)
            case 'status':
                return cmdStatus(config, out)
            case 'audit':
                if (args[0] !== 'verify') break
                return await cmdAuditVerify(config, logger, args[1], out, err)
            case 'revoke':
                return await cmdRevoke(config, logger, args, out, err)
            case 'drift':
                return await cmdDrift(config, logger, out, err)
            case 'print-config':
                out(JSON.stringify(redactConfig(config), null, 2))
                return 0
        }
    } catch (error) {
        err(`${command} failed: ${errorText(error)}`)
        return 1
    }
    err(`unknown command "${[command, ...args].join(' ')}"; run with --help`)
    return 2
}

// Run when executed directly (tsx executor/src/cli.ts …), not when imported by tests.
if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code
    })
}
