/**
 * What an action handler works with: the worker's ports, the action, and small helpers that build outbox items
 * the same way for every handler.
 */
import { TABLE, parsePlan, type ExecutionPlan } from '@gbg/shared'
import type { ExecutorEventBus, ActionRef } from '../events'
import type { Journal, JournalAction, JournalPatch, JournalStep, OutboxInput } from '../journal/journal'
import type { Clock, IncidentInput, Logger, QueueAction, ServiceNowGateway } from '../ports'
import type { Provider } from '../providers/types'
import { outboxItem, type WriteBack } from '../writeback'
import type { ResolvedWorkerOptions } from './options'

/** The worker's ports and settings, shared by every handler. */
export interface WorkerCore {
    gateway: ServiceNowGateway
    journal: Journal
    providers: ReadonlyMap<string, Provider>
    clock: Clock
    events: ExecutorEventBus
    logger: Logger
    options: ResolvedWorkerOptions
    writeBack: WriteBack
}

/** One run of one action. */
export interface RunContext {
    core: WorkerCore
    /** The action (for a local timer revoke: a synthetic one whose sysId starts with {@link LOCAL_REVOKE_PREFIX}). */
    action: QueueAction
    /** True for a revoke run from the local timer, with no ServiceNow action to update. */
    local: boolean
    /** Aborted on forced shutdown: stop at once, leave the journal as it is (resume reconciles). */
    signal: AbortSignal
    /**
     * A revoke the lane took at its expiry: the provider call is due by this instant. ServiceNow reads before it
     * (the grant) wait at most until then when the journal holds the plan.
     */
    revokeBy?: Date
}

/** Journal id prefix of revokes run by the local timer. */
export const LOCAL_REVOKE_PREFIX = 'local-revoke:'

/** Journal id of the local timer revoke of a grant. */
export function localRevokeId(grantSysId: string): string {
    return `${LOCAL_REVOKE_PREFIX}${grantSysId}`
}

/** Event reference of the run. */
export function ref(ctx: RunContext): ActionRef {
    return { actionSysId: ctx.action.sysId, grantSysId: ctx.action.grantSysId, type: ctx.action.type }
}

/** An audit event item of this run. */
export function auditItem(ctx: RunContext, eventType: string, payload: Record<string, unknown>): OutboxInput {
    return outboxItem.audit({
        grantSysId: ctx.action.grantSysId,
        ...(ctx.local ? {} : { actionSysId: ctx.action.sysId }),
        eventType,
        actor: ctx.core.options.instance,
        occurredAt: ctx.core.clock.now(),
        payload,
    })
}

/** A work note on the RITM, when the grant has one. */
export function ritmNoteItems(ctx: RunContext, ritm: string, note: string): OutboxInput[] {
    if (!ritm) return []
    return [outboxItem.workNote('sc_req_item', ritm, note, ctx.action.grantSysId, ctx.action.sysId)]
}

/** An incident for SecOps (the app raises it: assignment group and caller are its properties, not ours). */
export function incidentItem(
    ctx: RunContext,
    kind: string,
    priority: 1 | 2,
    shortDescription: string,
    description: string,
): OutboxInput {
    const input: IncidentInput = {
        shortDescription,
        description,
        priority,
        grantSysId: ctx.action.grantSysId,
    }
    return outboxItem.incident(ctx.action.grantSysId, kind, input, ctx.action.sysId)
}

/** Parse a plan already validated once (journaled); throws when the journal holds garbage. */
export function journaledPlan(row: JournalAction): ExecutionPlan {
    const parsed = parsePlan(row.plan)
    if (!parsed.ok) throw new Error(`journaled plan of ${row.actionId} does not parse: ${parsed.errors.join('; ')}`)
    return parsed.plan
}

/** The grant table name, for attachments when a grant has no RITM. */
export const GRANT_TABLE = TABLE.grant

/** Text of any thrown value (the shared one, re-exported for the worker modules). */
export { errorText } from '../transport'

/**
 * Commit a step change together with its outbox items and any other journal writes (`extra`) in ONE SQLite
 * transaction: a crash leaves either the old step and no items, or the new step and all of them.
 */
export function commit(
    ctx: RunContext,
    from: JournalStep | readonly JournalStep[],
    to: JournalStep,
    patch: JournalPatch,
    items: OutboxInput[],
    detail = '',
    extra?: () => void,
): JournalAction {
    const j = ctx.core.journal
    return j.transaction(() => {
        j.transition(ctx.action.sysId, from, to, patch, detail)
        if (items.length > 0) j.enqueue(items)
        if (extra) extra()
        return j.get(ctx.action.sysId)!
    })
}

/**
 * Open (or resume) the journal row of the action being run. An action that waited for a retry and was claimed
 * again goes back to `claimed`, so every runner starts from a step it knows.
 */
export function beginRun(ctx: RunContext, type: 'grant' | 'revoke' | 'verify'): JournalAction {
    const j = ctx.core.journal
    const a = ctx.action
    const row = j.begin({ actionId: a.sysId, grantId: a.grantSysId, type, attempts: a.attempts })
    if (row.step !== 'retry_wait') return row
    return j.transition(a.sysId, 'retry_wait', 'claimed', { attempts: a.attempts }, 'claimed again for a retry')
}
