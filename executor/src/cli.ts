/**
 * The executor CLI (`gbg-executor`, production entry point: executor/dist/cli.js). Every command reads the same
 * configuration (GBG_* variables and an optional GBG_CONFIG_FILE; `doctor` explains each problem). Commands and
 * options are in cli/args.ts (`gbg-executor --help`):
 *
 *   run                         the production service (poll, claim, grant, write back, revoke; ops HTTP)
 *   doctor                      check configuration, journal, ServiceNow, providers
 *   status [--json] [--local]   what this executor's journal holds, with grant / action numbers
 *   audit verify <grant> [--json]            recompute the grant's audit hash chain, report the first break
 *   revoke <grant> --reason <text> [--json]  queue a priority-1 revoke (refused for a grant that has ended)
 *   drift [--json]              Entra role / group holders that no active grant covers
 *   report --from <day> --to <day> [--out <dir>] [--json]   evidence pack for a period (docs/audit.md)
 *   config [--json]             every configuration variable with its type and default
 *   --version                   version, git commit and build time (src/build-info.ts)
 *
 * `<grant>` is a grant number (BGA…), the number of one of its actions (BGQ…) or a sys_id (cli/records.ts).
 * Exit codes: 0 ok, 1 a check / the command failed, 2 usage or configuration error.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join, resolve as resolvePath } from 'node:path'
import {
    ACTION_PRIORITY,
    AUDIT_FIELDS,
    GRANT_FIELDS,
    HOLDING_STATES,
    REVOCABLE_STATES,
    TABLE,
    TICKET_UPDATE_FIELDS,
} from '@gbg/shared'
import { judgeAuditChain } from './audit-verify'
import { buildInfo, versionLine } from './build-info'
import { COMMANDS, UsageError, commandUsage, parseCommandLine, type CommandSpec } from './cli/args'
import { RecordNotFoundError, numbersOf, resolveGrant, type ResolvedGrant } from './cli/records'
import { ConfigError, configTableMarkdown, describeConfig, loadConfig, redactConfig, type Config } from './config'
import { runDoctor } from './doctor'
import { runDriftScan } from './drift'
import {
    PACK_GRANT_FIELDS,
    PACK_TICKET_FIELDS,
    computePack,
    renderEvidencePack,
    renderSummary,
    type ChainResult,
} from './evidence-pack'
import { createLogger } from './log'
import type { Logger } from './ports'
import { connectServiceNow, openJournal, serviceNowAuth, startService, type Service } from './service'
import { createServiceNowClient } from './servicenow/client'
import { SYSTEM_FIELDS } from './servicenow/platform-fields'
import { parseGlideDateTime, query } from './servicenow/query'
import { errorText } from './transport'

type Out = (line: string) => void

/** What a command prints: `out` for results, `err` for problems; `json` when --json was given. */
interface Io {
    out: Out
    err: Out
    json: boolean
}

function printJson(io: Io, value: unknown): void {
    io.out(JSON.stringify(value, null, 2))
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
    const info = buildInfo()
    logger.info('executor build', { version: info.version, commit: info.commit, builtAt: info.builtAt })
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

/** Longest wait of `status` for the number look-up: the journal view must not hang on a dead instance. */
const STATUS_LOOKUP_TIMEOUT_MS = 5_000

/** Grant and action numbers of the journal's sys_ids, from ServiceNow (one read per table and 100 ids). */
async function lookUpNumbers(
    config: Config,
    logger: Logger,
    grantIds: string[],
    actionIds: string[],
): Promise<Map<string, string>> {
    const client = createServiceNowClient({
        baseUrl: config.servicenow.url,
        auth: serviceNowAuth(config),
        timeoutMs: Math.min(config.servicenow.timeoutMs, STATUS_LOOKUP_TIMEOUT_MS),
        pageSize: config.servicenow.pageSize,
        getRetries: 0,
        logger,
    })
    const numbers = new Map<string, string>()
    if (grantIds.length > 0) for (const [k, v] of await numbersOf(client, TABLE.grant, grantIds)) numbers.set(k, v)
    if (actionIds.length > 0) for (const [k, v] of await numbersOf(client, TABLE.action, actionIds)) numbers.set(k, v)
    return numbers
}

/** `status`: the local journal's view, with the numbers people know the records by. */
async function cmdStatus(config: Config, logger: Logger, io: Io, local: boolean): Promise<number> {
    const journal = openJournal(config)
    let snapshot
    try {
        snapshot = {
            schemaVersion: journal.schemaVersion(),
            unfinished: journal.unfinished(),
            timers: journal.timers(),
            pending: journal.outbox({ status: 'pending' }),
            dead: journal.outbox({ status: 'dead' }),
        }
    } finally {
        journal.close()
    }
    const { unfinished, timers, pending, dead } = snapshot
    const outbox = [...pending, ...dead]
    const grantIds = [
        ...unfinished.map((a) => a.grantId),
        ...timers.map((t) => t.grantId),
        ...outbox.map((o) => o.grantId),
    ]
    const actionIds = [...unfinished.map((a) => a.actionId), ...timers.map((t) => t.revokeActionId)]

    let numbers = new Map<string, string>()
    let lookup: 'servicenow' | 'local' | 'unavailable' = 'local'
    let lookupError = ''
    if (!local && grantIds.length + actionIds.length > 0) {
        try {
            numbers = await lookUpNumbers(config, logger, grantIds, actionIds)
            lookup = 'servicenow'
        } catch (error) {
            lookup = 'unavailable'
            lookupError = errorText(error)
        }
    }
    const num = (id: string): string => numbers.get(id) ?? ''
    /** `BGA0001001 (sys_id)` when the number is known, else the sys_id. */
    const label = (id: string): string => (num(id) ? `${num(id)} (${id})` : id || '-')

    if (io.json) {
        printJson(io, {
            executor: config.instanceName,
            journal: config.journalPath,
            schemaVersion: snapshot.schemaVersion,
            numbers: lookup,
            ...(lookupError ? { numbersError: lookupError } : {}),
            unfinished: unfinished.map((a) => ({
                type: a.type,
                actionSysId: a.actionId,
                actionNumber: num(a.actionId),
                grantSysId: a.grantId,
                grantNumber: num(a.grantId),
                step: a.step,
                attempts: a.attempts,
                since: a.updatedAt.toISOString(),
                lastError: a.lastError,
            })),
            revokeTimers: timers.map((t) => ({
                grantSysId: t.grantId,
                grantNumber: num(t.grantId),
                revokeActionSysId: t.revokeActionId,
                revokeActionNumber: num(t.revokeActionId),
                dueAt: t.dueAt.toISOString(),
            })),
            writeBacks: {
                pending: pending.length,
                dead: dead.length,
                items: outbox.map((o) => ({
                    id: o.id,
                    kind: o.kind,
                    grantSysId: o.grantId,
                    grantNumber: num(o.grantId),
                    status: o.status,
                    attempts: o.attempts,
                    lastError: o.lastError,
                })),
            },
        })
        return dead.length > 0 ? 1 : 0
    }
    const { out } = io
    out(`executor ${config.instanceName} · journal ${config.journalPath} (schema v${snapshot.schemaVersion})`)
    out(`unfinished actions: ${unfinished.length}`)
    for (const a of unfinished) {
        out(
            `  ${a.type.padEnd(7)} action ${label(a.actionId)} grant ${label(a.grantId)} step ${a.step} since ${a.updatedAt.toISOString()}${a.lastError ? ` — ${a.lastError}` : ''}`,
        )
    }
    out(`armed revoke timers: ${timers.length}`)
    for (const t of timers) out(`  grant ${label(t.grantId)} revoke due ${t.dueAt.toISOString()}`)
    out(`write-backs pending: ${pending.length}, dead: ${dead.length}`)
    for (const o of outbox.slice(0, 20)) {
        out(
            `  #${o.id} ${o.kind} grant ${label(o.grantId)} ${o.status} attempts ${o.attempts}${o.lastError ? ` — ${o.lastError}` : ''}`,
        )
    }
    if (lookup === 'unavailable') out(`numbers: not looked up, ServiceNow did not answer (${lookupError})`)
    return dead.length > 0 ? 1 : 0
}

/**
 * `audit verify <grant>`: rebuild the chain from ServiceNow and judge it (src/audit-verify.ts): every link, the
 * anchor this executor's journal holds for the grant, and the MAC of every event the integration user created.
 */
async function cmdAuditVerify(config: Config, logger: Logger, argument: string, io: Io): Promise<number> {
    const { client } = connectServiceNow(config, logger)
    const grant = await resolveGrant(client, argument)
    const q = query(TABLE.auditEvent).eq(AUDIT_FIELDS.grant, grant.sysId).orderBy(AUDIT_FIELDS.sequence).build()
    const rows = await client.list(TABLE.auditEvent, q, [
        SYSTEM_FIELDS.sysId,
        SYSTEM_FIELDS.createdBy,
        ...Object.values(AUDIT_FIELDS),
    ])
    const journal = openJournal(config)
    let anchor
    try {
        anchor = journal.auditAnchor(grant.sysId)
    } finally {
        journal.close()
    }
    const verdict = judgeAuditChain(rows, {
        anchor,
        key: config.audit.key,
        integrationUser: config.audit.integrationUser,
    })
    const name = grantName(grant)
    if (io.json) {
        printJson(io, {
            grant: grantJson(grant),
            intact: verdict.ok,
            ...(verdict.ok ? {} : { brokenAtSequence: verdict.badSequence ?? null, reason: verdict.reason }),
            anchoredAtSequence: anchor?.sequence ?? null,
            warnings: verdict.warnings,
            events: verdict.events.map((e, i) => ({
                sequence: e.sequence,
                occurredAt: e.occurredAt,
                eventType: e.eventType,
                actor: e.actor,
                createdBy: rows[i]?.[SYSTEM_FIELDS.createdBy] ?? '',
            })),
        })
        return verdict.ok ? 0 : 1
    }
    if (verdict.ok) {
        const pinned = anchor ? `, anchored at #${anchor.sequence}` : ''
        io.out(`audit chain of grant ${name}: ${verdict.events.length} events, intact${pinned}`)
        for (const w of verdict.warnings) io.out(`  note: ${w}`)
        verdict.events.forEach((e, i) =>
            io.out(
                `  #${e.sequence} ${e.occurredAt} ${e.eventType} by ${e.actor} (created by ${rows[i]?.[SYSTEM_FIELDS.createdBy] ?? ''})`,
            ),
        )
        return 0
    }
    io.err(`audit chain of grant ${name} is BROKEN at event #${verdict.badSequence ?? '?'}: ${verdict.reason}`)
    io.err('Treat this as a security incident: the append-only audit table was altered or an event is missing.')
    return 1
}

function grantName(grant: ResolvedGrant): string {
    return grant.number ? `${grant.number} (${grant.sysId})` : grant.sysId
}

function grantJson(grant: ResolvedGrant): Record<string, string> {
    return { sysId: grant.sysId, number: grant.number, ...(grant.viaAction ? { viaAction: grant.viaAction } : {}) }
}

/** Smallest reason a revoke accepts (the same floor as the app's "Revoke now"). */
const MIN_REASON = 5

/**
 * `revoke <grant> --reason`: queue a priority-1 revoke action, exactly like the "Revoke now" UI action: refused
 * (exit 1, with the grant's state and why it ended) when the grant holds no access any more, and when a revoke-now
 * of it is already waiting — a second one would only run twice.
 */
async function cmdRevoke(
    config: Config,
    logger: Logger,
    argument: string,
    reason: string | undefined,
    io: Io,
    spec: CommandSpec,
): Promise<number> {
    const text = reason?.trim() ?? ''
    if (text.length < MIN_REASON) {
        io.err(`revoke: --reason must say why, at least ${MIN_REASON} characters\n${commandUsage(spec)}`)
        return 2
    }
    const { client, gateway } = connectServiceNow(config, logger)
    const grant = await resolveGrant(client, argument)
    const record = await gateway.getGrant(grant.sysId)
    const name = record.number ? `${record.number} (${grant.sysId})` : grant.sysId
    const refuse = (why: string, extra: Record<string, unknown> = {}): number => {
        if (io.json) {
            printJson(io, { queued: false, grant: { ...grantJson(grant), state: record.state }, reason: why, ...extra })
        } else {
            io.err(`revoke refused: ${why}`)
        }
        return 1
    }
    if (!(REVOCABLE_STATES as readonly string[]).includes(record.state)) {
        const details = [
            record.revokedAt ? `revoked at ${record.revokedAt.toISOString()}` : '',
            record.revokeReason ? `reason: ${record.revokeReason}` : '',
            record.lastError ? `last error: ${record.lastError}` : '',
        ].filter(Boolean)
        return refuse(
            `grant ${name} is ${record.state}${details.length ? ` (${details.join('; ')})` : ''}; it holds no access ` +
                'to revoke, nothing queued',
            {
                revokedAt: record.revokedAt?.toISOString() ?? null,
                revokeReason: record.revokeReason,
                lastError: record.lastError,
            },
        )
    }
    const waiting = (await gateway.listOpenActionsForGrant(grant.sysId)).find(
        (a) =>
            a.type === 'revoke' &&
            a.priority === ACTION_PRIORITY.revokeNow &&
            (a.state === 'ready' || a.state === 'claimed'),
    )
    if (waiting) {
        return refuse(
            `a revoke of ${name} is already queued (${waiting.number || waiting.sysId}, ${waiting.state}); nothing queued`,
            { action: { sysId: waiting.sysId, number: waiting.number, state: waiting.state } },
        )
    }
    const now = new Date()
    const action = await gateway.createAction({
        grantSysId: grant.sysId,
        type: 'revoke',
        priority: ACTION_PRIORITY.revokeNow,
        notBefore: now,
        maxAttempts: 1000,
        idempotencyKey: `revoke-now:${grant.sysId}:${now.getTime()}`,
        reason: `Revoke now from the executor CLI by ${userInfo().username} on ${config.instanceName}: ${text}`.slice(
            0,
            1000,
        ),
    })
    if (io.json) {
        printJson(io, {
            queued: true,
            grant: { ...grantJson(grant), state: record.state },
            action: { sysId: action.sysId, number: action.number },
        })
    } else {
        io.out(
            `queued revoke ${action.number || action.sysId} for grant ${name} (state ${record.state}); the next poll runs it`,
        )
    }
    return 0
}

/** `drift`: Entra holders of managed roles / groups that no open grant in ServiceNow (any replica's) explains. */
async function cmdDrift(config: Config, logger: Logger, io: Io): Promise<number> {
    if (!config.entra) {
        io.err('drift: the Entra providers are not configured (GBG_ENTRA_*)')
        return 2
    }
    const { client } = connectServiceNow(config, logger)
    const report = await runDriftScan(config.entra, client)
    const { managedRoles, managedGroups, items } = report
    if (io.json) {
        printJson(io, { managedRoles, managedGroups, holders: items })
        return items.length > 0 ? 1 : 0
    }
    io.out(
        `drift scan: ${managedRoles.length} roles, ${managedGroups.length} groups, ${items.length} holder(s) without an active grant`,
    )
    for (const d of items) io.out(`  ${d.kind} ${d.targetId}: ${d.principalName || d.principalId} — ${d.reason}`)
    return items.length > 0 ? 1 : 0
}

/** `config`: the settings table (config.ts); `--markdown` prints the README's configuration table. */
function cmdConfig(io: Io, markdown: boolean): number {
    if (markdown) {
        io.out(configTableMarkdown())
        return 0
    }
    const variables = describeConfig()
    if (io.json) {
        printJson(io, variables)
        return 0
    }
    for (const v of variables) {
        const secret = v.secret ? ` (secret; or ${v.name}_FILE)` : ''
        const def = v.defaultValue ? ` [default: ${v.defaultValue}]` : ''
        io.out(`${v.name}${secret} — ${v.type}${def}\n    ${v.description}`)
    }
    return 0
}

/** A day (YYYY-MM-DD, UTC midnight) from the command line; UsageError otherwise. */
function dayOption(name: string, value: unknown): Date {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw new UsageError(`--${name} <YYYY-MM-DD> is required`)
    }
    const date = new Date(`${value}T00:00:00.000Z`)
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        throw new UsageError(`--${name} ${value} is not a calendar day`)
    }
    return date
}

/**
 * `report --from --to [--out]`: the evidence pack (src/evidence-pack.ts). Read-only, with the executor's own role:
 * the grants created in the period plus those that hold access, wait or failed now; their audit events, each chain
 * judged like `audit verify` (anchor from this executor's journal, MAC with the audit key); the drift incidents.
 * `--to` is inclusive (the pack covers [from, to + 1 day)).
 */
async function cmdReport(
    config: Config,
    logger: Logger,
    values: Record<string, string | boolean | undefined>,
    io: Io,
    now: () => Date,
): Promise<number> {
    const from = dayOption('from', values['from'])
    const toDay = dayOption('to', values['to'])
    if (toDay.getTime() < from.getTime()) throw new UsageError('--to is before --from')
    const to = new Date(toDay.getTime() + 86_400_000)
    const outDir = resolvePath(
        typeof values['out'] === 'string' && values['out'] !== ''
            ? values['out']
            : `evidence-${dayText(from)}-${dayText(toDay)}`,
    )
    const { client } = connectServiceNow(config, logger)
    const inPeriod = await client.list(
        TABLE.grant,
        query(TABLE.grant)
            .whereDateAnyZone(SYSTEM_FIELDS.createdOn, '>=', from)
            .whereDateAnyZone(SYSTEM_FIELDS.createdOn, '<', to)
            .orderBy(SYSTEM_FIELDS.createdOn)
            .build(),
        PACK_GRANT_FIELDS,
    )
    const current = await client.list(
        TABLE.grant,
        query(TABLE.grant)
            .in(GRANT_FIELDS.state, [...HOLDING_STATES, 'awaiting_approval', 'grant_failed'])
            .build(),
        PACK_GRANT_FIELDS,
    )
    const bySysId = new Map<string, (typeof inPeriod)[number]>()
    for (const g of [...inPeriod, ...current]) bySysId.set(g[SYSTEM_FIELDS.sysId] ?? '', g)
    // The widened date query returns a superset (zones): keep the period's grants exactly, plus the current ones.
    const grants = [...bySysId.values()].filter((g) => {
        const created = parseGlideDateTime(g[SYSTEM_FIELDS.createdOn] ?? '')
        const within = created !== null && created >= from && created < to
        return within || current.includes(g)
    })
    const journal = openJournal(config)
    const events: (typeof inPeriod)[number][] = []
    const chains: ChainResult[] = []
    try {
        for (const g of grants) {
            const sysId = g[SYSTEM_FIELDS.sysId] ?? ''
            const rows = await client.list(
                TABLE.auditEvent,
                query(TABLE.auditEvent).eq(AUDIT_FIELDS.grant, sysId).orderBy(AUDIT_FIELDS.sequence).build(),
                [SYSTEM_FIELDS.sysId, SYSTEM_FIELDS.createdBy, ...Object.values(AUDIT_FIELDS)],
            )
            events.push(...rows)
            const verdict = judgeAuditChain(rows, {
                anchor: journal.auditAnchor(sysId),
                key: config.audit.key,
                integrationUser: config.audit.integrationUser,
            })
            chains.push({
                grantSysId: sysId,
                number: g[GRANT_FIELDS.number] ?? '',
                intact: verdict.ok,
                events: rows.length,
                badSequence: verdict.ok ? null : (verdict.badSequence ?? null),
                reason: verdict.reason,
                warnings: verdict.warnings,
            })
        }
    } finally {
        journal.close()
    }
    const tickets = await client.list(
        TABLE.ticketUpdate,
        query(TABLE.ticketUpdate)
            .eq(TICKET_UPDATE_FIELDS.kind, 'incident')
            .eq(TICKET_UPDATE_FIELDS.incidentKind, 'drift')
            .build(),
        PACK_TICKET_FIELDS,
    )
    const data = computePack({
        from,
        to,
        generatedAt: now(),
        grants,
        events,
        tickets,
        chains,
        instance: config.servicenow.url,
        generatedBy: `${userInfo().username} (gbg-executor report)`,
    })
    const raw = { grants, auditEvents: events, driftIncidents: tickets }
    mkdirSync(outDir, { recursive: true })
    const pack = renderEvidencePack(data, raw)
    writeFileSync(join(outDir, 'evidence-pack.html'), pack)
    writeFileSync(join(outDir, 'summary.html'), renderSummary(data))
    writeFileSync(join(outDir, 'data.json'), JSON.stringify({ ...data, raw }, null, 2))
    const files = ['evidence-pack.html', 'summary.html', 'data.json']
    if (io.json) printJson(io, { outDir, files, totals: data.totals, breaches: data.breaches })
    else {
        io.out(`evidence pack for ${dayText(from)} to ${dayText(toDay)} written to ${outDir}: ${files.join(', ')}`)
        io.out(
            `  ${data.totals.grants} requests, ${data.totals.granted} granted, ${data.totals.refused} refused; ` +
                `audit chains ${data.totals.chainsIntact} intact, ${data.totals.chainsBroken} broken`,
        )
        for (const b of data.breaches) io.err(`  target breached: ${b}`)
    }
    // A breached target (access past expiry, a late revoke, a broken chain) is a finding: exit 1, like audit verify.
    return data.breaches.length > 0 ? 1 : 0
}

function dayText(d: Date): string {
    return d.toISOString().slice(0, 10)
}

/** Entry point (exported for tests); returns the exit code. */
export async function main(
    argv: string[],
    env: NodeJS.ProcessEnv = process.env,
    out: Out = console.log,
    err: Out = console.error,
    /** The one clock ("now" of `report`); tests pass their virtual clock. */
    now: () => Date = () => new Date(),
): Promise<number> {
    let parsed
    try {
        parsed = parseCommandLine(argv)
    } catch (error) {
        if (error instanceof UsageError) {
            err(error.message)
            return 2
        }
        throw error
    }
    if (parsed.kind === 'version') {
        out(versionLine())
        return 0
    }
    if (parsed.kind === 'help') {
        out(parsed.text)
        return 0
    }
    const { spec, name, positionals, values } = parsed
    const io: Io = { out, err, json: values['json'] === true }
    if (name === 'config') return cmdConfig(io, values['markdown'] === true)
    if (name === 'doctor') return runDoctor(env, out)
    const config = loadOrExplain(env, err)
    if (!config) return 2
    // The service logs JSON lines on stdout at its level. The other commands print their results on stdout (one
    // JSON document with --json), so their log lines — problems only, or debug when asked — go to stderr.
    const logger =
        name === 'run'
            ? createLogger({ level: config.logLevel })
            : createLogger({ level: config.logLevel === 'debug' ? 'debug' : 'warn', stream: process.stderr })
    try {
        switch (name) {
            case 'run':
                return await cmdRun(config, logger)
            case 'status':
                return await cmdStatus(config, logger, io, values['local'] === true)
            case 'audit verify':
                return await cmdAuditVerify(config, logger, positionals[0]!, io)
            case 'revoke':
                return await cmdRevoke(
                    config,
                    logger,
                    positionals[0]!,
                    values['reason'] as string | undefined,
                    io,
                    spec,
                )
            case 'drift':
                return await cmdDrift(config, logger, io)
            case 'report':
                return await cmdReport(config, logger, values, io, now)
            case 'print-config':
                out(JSON.stringify(redactConfig(config), null, 2))
                return 0
        }
    } catch (error) {
        if (error instanceof UsageError) {
            err(`${name}: ${error.message}\n${commandUsage(spec)}`)
            return 2
        }
        if (error instanceof RecordNotFoundError) {
            err(`${name}: ${error.message}`)
            return 1
        }
        err(`${name} failed: ${errorText(error)}`)
        return 1
    }
    err(`${name}: not implemented; known commands: ${COMMANDS.map((c) => c.words.join(' ')).join(', ')}`)
    return 2
}

// Run when executed directly (node executor/dist/cli.js …, tsx executor/src/cli.ts …), not when imported by tests.
if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code
    })
}
