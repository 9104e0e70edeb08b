/**
 * The grant action of an extension record (plan `operation: 'extend'`, shared/src/extend.ts): the recheck gate has
 * passed on the extension's OWN approvals (read fresh) and on the grant it extends as read now (active, not being
 * revoked, ending where the approvers saw it end). Then, as for a grant: journal `calling` with the extension's move
 * to `granting` recorded in ServiceNow first (the compare-and-set a cancel of the extension wins) → provider.extend
 * on the extended grant's own plan → journal `provider_done` → write-back:
 *
 * - the extended grant gets the new `expires_at` (what overlap holders, drift, expiry warnings and the watchdog read;
 *   the app's write guard accepts exactly the approved new end) and the app moves its scheduled revoke's `not_before`
 *   there (extend.ts onGrantExpiryMoved); this replica's local timer (if it has one for that grant) moves too. A replica whose timer still says the old end reads the revoke action at that time, finds it
 *   due later and re-arms (worker.ts takeTimer);
 * - the extension record ends `extended` with the old and new end;
 * - both audit chains record it (`grant_extended` on the grant: old end, new end, the extension and its approvals);
 *   the RITM gets a note.
 *
 * A provider refusal (the access already ended: `RoleAssignmentDoesNotExist`, `access_ended`) fails the extension with the reason on
 * the ticket; nothing changes on the grant. Resume: `calling` calls extend again (idempotent: a provider that already
 * ends at the new end answers `alreadyDone`), `provider_done` writes back.
 */
import { formatTime, parsePlan, type ExecutionPlan } from '@gbg/shared'
import { redact } from '../log'
import type { JournalAction } from '../journal/journal'
import { ACCESS_ENDED_CODE, ProviderError, type ExtendResult } from '../providers/types'
import type { RecheckPassed } from '../recheck'
import { outboxItem } from '../writeback'
import {
    auditItem,
    commit,
    errorText,
    incidentItem,
    journaledPlan,
    ref,
    ritmNoteItems,
    type RunContext,
} from './context'
import { finishAction, nextAttempt } from './finish'
import { parseTxnIds } from './revoke'
import { dataOf, journalData, journalResult } from './journal-data'

/** The extension facts the journal keeps from the gate (everything the call and the write-back need). */
export interface JournaledExtension {
    grantSysId: string
    grantNumber: string
    /** The extended grant's own plan JSON (its digest checked at the gate): what the provider extends. */
    grantPlan: string
    grantRitm: string
    fromExpiresAt: string
    toExpiresAt: string
    /** sys_id of the extended grant's scheduled revoke to move ('' when none was open). */
    scheduledRevoke: string
    /**
     * The extended grant's provider transaction ids as read at the gate (the webhook's service grant id, EPM's request
     * id: what those providers extend). Absent in rows journaled before they were kept: read as [].
     */
    grantTxnIds?: string[]
    totalMinutes: number
}

/** Start an extension whose gate passed. */
export async function extendFromStart(ctx: RunContext, recheck: RecheckPassed): Promise<void> {
    const { core, action } = ctx
    const ext = recheck.extension!
    const plan = recheck.plan
    const extension: JournaledExtension = {
        grantSysId: ext.grant.sysId,
        grantNumber: ext.grant.number,
        grantPlan: ext.grant.plan,
        grantRitm: ext.grant.ritm,
        fromExpiresAt: new Date(ext.fromMs).toISOString(),
        toExpiresAt: new Date(ext.toMs).toISOString(),
        scheduledRevoke: ext.scheduledRevoke ? ext.scheduledRevoke.sysId : '',
        totalMinutes: ext.totalMinutes,
        grantTxnIds: parseTxnIds(ext.grant.providerTxnIds ?? ''),
    }
    const approvals = recheck.approvals.map((x) => ({
        sysId: x.sysId,
        approverSysId: x.approverSysId,
        state: x.state,
        updatedOn: x.updatedOn.toISOString(),
    }))
    core.events.emit('recheck:passed', ref(ctx))
    commit(
        ctx,
        'claimed',
        'calling',
        {
            plan: recheck.grant.plan,
            provider: plan.provider,
            lastError: '',
            data: dataOf('grant', {
                ritm: recheck.grant.ritm,
                grantNumber: recheck.grant.number,
                approvalSummary: recheck.grant.approvalSummary,
                approvals,
                digest: recheck.digest,
                autoApprove: null,
                recheck: {
                    checkedAt: recheck.checkedAt.toISOString(),
                    planDigest: recheck.digest,
                    policy: recheck.decision.policyName,
                    approvals: approvals.map((x) => ({ approver: x.approverSysId, state: x.state, at: x.updatedOn })),
                    extension,
                },
                callingAt: core.clock.now().toISOString(),
                grantMinutes: plan.durationMinutes,
                extension,
            }),
        },
        [
            outboxItem.grantPatch(
                action.grantSysId,
                { state: 'granting', executorInstance: core.options.instance, lastError: '' },
                action.sysId,
            ),
        ],
        'calling provider.extend',
    )
    // As for a grant: `granting` of the extension must be recorded before the call (a cancel of it wins the race).
    await core.writeBack.flush()
    if (ctx.signal.aborted) return
    const granting = core.journal
        .outbox({ actionId: action.sysId })
        .filter((item) => item.kind === 'grant_patch')
        .pop()
    if (granting && granting.status !== 'delivered') {
        return retryExtend(
            ctx,
            granting.status === 'dead'
                ? `ServiceNow refused the move to granting (${granting.lastError}); checking the extension again before any call`
                : 'ServiceNow has not recorded the move to granting yet; no provider call until it has',
            undefined,
            'calling',
        )
    }
    return callExtend(ctx, core.journal.get(action.sysId)!)
}

/** The journaled extension facts of `row`; throws when the journal lacks them (a corrupt row is loud). */
function journaledExtension(row: JournalAction): JournaledExtension {
    const d = journalData('grant', row)
    if (!d.extension) throw new Error(`journal row ${row.actionId} of an extension has no extension facts`)
    return d.extension
}

/** Call provider.extend (first time, or again on resume: idempotent for the same end). */
export async function callExtend(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core, action } = ctx
    const plan = journaledPlan(row)
    const ext = journaledExtension(row)
    const grantPlan = parsePlan(ext.grantPlan)
    if (!grantPlan.ok) {
        return failExtend(
            ctx,
            plan,
            new ProviderError('fatal', `the extended grant's plan does not parse`, 'invalid_plan'),
        )
    }
    const provider = core.providers.get(plan.provider)
    if (!provider || !provider.extend) {
        return failExtend(
            ctx,
            plan,
            new ProviderError(
                'fatal',
                `provider ${plan.provider} cannot extend access in place`,
                'EXTEND_NOT_SUPPORTED',
            ),
        )
    }
    core.events.emit('grant:calling', { ...ref(ctx), provider: plan.provider })
    let result: ExtendResult
    try {
        result = await provider.extend(grantPlan.plan, new Date(ext.toExpiresAt), {
            idempotencyKey: action.sysId,
            txnIds: ext.grantTxnIds ?? [],
            reference: plan.grantNumber,
            signal: ctx.signal,
        })
    } catch (error) {
        if (ctx.signal.aborted) return
        if (error instanceof ProviderError && (error.kind === 'retryable' || error.kind === 'unknown_outcome')) {
            // Extending again is harmless (the same end): retry from `calling` after the backoff.
            return retryExtend(ctx, `${plan.provider}: ${error.message}`, error.retryAfterMs, 'calling')
        }
        return failExtend(
            ctx,
            plan,
            error instanceof ProviderError ? error : new ProviderError('fatal', errorText(error), 'unexpected'),
        )
    }
    const stored = {
        txnIds: result.txnIds,
        expiresAt: result.expiresAt.toISOString(),
        nativeExpiry: result.nativeExpiry,
        alreadyDone: result.alreadyDone,
        calls: redact(result.calls) as unknown[],
        notes: result.notes ?? [],
        ...(result.evidence ? { evidence: redact(result.evidence) } : {}),
    }
    const done = core.journal.transition(
        action.sysId,
        'calling',
        'provider_done',
        {
            txnIds: result.txnIds,
            providerResult: stored,
            expiresAt: new Date(ext.toExpiresAt),
            data: dataOf('grant', { grantedAt: core.clock.now().toISOString() }),
        },
        `provider.extend ok (${result.alreadyDone ? 'already at the new end' : 'extended'})`,
    )
    if (ctx.signal.aborted) return
    return writeBackExtend(ctx, done)
}

/** Queue every write-back of a confirmed extension (from journaled facts only: also used on resume). */
export async function writeBackExtend(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core, action } = ctx
    const plan = journaledPlan(row)
    const ext = journaledExtension(row)
    const d = journalData('grant', row)
    const r = journalResult('grant', row)
    const from = new Date(ext.fromExpiresAt)
    const to = new Date(ext.toExpiresAt)
    const at = d.grantedAt ?? core.clock.now()
    const approvals = (d.approvals ?? []).map((x) => ({
        approval: x.sysId,
        approver: x.approverSysId,
        state: x.state,
        at: x.updatedOn.toISOString(),
    }))
    const payload = {
        extension: action.grantSysId,
        extensionNumber: plan.grantNumber,
        previousExpiresAt: from.toISOString(),
        expiresAt: to.toISOString(),
        addedMinutes: plan.durationMinutes,
        totalMinutes: ext.totalMinutes,
        approvals,
        planDigest: d.digest ?? '',
        provider: plan.provider,
        txnIds: row.txnIds,
        alreadyDone: r.alreadyDone,
    }
    const note =
        `Access ${ext.grantNumber} extended by ${plan.durationMinutes} minutes (${plan.grantNumber}, approved): it now ends ` +
        `${formatTime(to)} instead of ${formatTime(from)}. ${(r.notes ?? []).join(' ')}`.trim()
    const items = [
        // The extended grant: its new end is what every replica, the watchdog and the warnings read from now on. The
        // app's guard accepts it only as the new end of this approved extension, and moves the scheduled revoke.
        outboxItem.grantPatch(ext.grantSysId, { expiresAt: to }, action.sysId),
        outboxItem.audit({
            grantSysId: ext.grantSysId,
            actionSysId: action.sysId,
            eventType: 'grant_extended',
            actor: core.options.instance,
            occurredAt: at,
            payload,
        }),
        // The extension record: final, with the ends it applied.
        outboxItem.grantPatch(
            action.grantSysId,
            {
                state: 'extended',
                grantedAt: at,
                expiresAt: to,
                providerTxnIds: JSON.stringify(row.txnIds),
                lastError: '',
                evidence: JSON.stringify({ extended: ext.grantSysId, previousExpiresAt: from.toISOString() }),
            },
            action.sysId,
        ),
        auditItem(ctx, 'recheck_passed', { ...(d.recheck ?? {}), plan }),
        auditItem(ctx, 'provider_call', { operation: 'extend', provider: plan.provider, calls: r.calls }),
        auditItem(ctx, 'extension_applied', payload),
        ...ritmNoteItems(ctx, ext.grantRitm || (d.ritm ?? ''), note),
    ]
    return finishAction(ctx, {
        kind: 'done',
        result: { extended: ext.grantSysId, previousExpiresAt: from.toISOString(), expiresAt: to.toISOString() },
        items,
        detail: 'extension write-back queued',
        // This replica's revoke timer of the extended grant (if it holds one) moves with it.
        journal: () => {
            if (core.journal.timers().some((t) => t.grantId === ext.grantSysId))
                core.journal.armTimer(ext.grantSysId, to)
        },
        announce: () =>
            core.events.emit('grant:active', {
                ...ref(ctx),
                provider: plan.provider,
                txnIds: row.txnIds,
                expiresAt: to,
                alreadyDone: r.alreadyDone,
            }),
    })
}

async function retryExtend(
    ctx: RunContext,
    message: string,
    retryAfterMs: number | undefined,
    from: 'claimed' | 'calling',
): Promise<void> {
    const next = nextAttempt(ctx, message, retryAfterMs)
    if ('gaveUp' in next) {
        return failExtend(
            ctx,
            journaledPlan(ctx.core.journal.get(ctx.action.sysId)!),
            new ProviderError('fatal', next.gaveUp),
        )
    }
    return finishAction(ctx, {
        kind: 'retry',
        error: message,
        notBefore: next.notBefore,
        from,
        items: [auditItem(ctx, 'grant_retry', { attempts: ctx.action.attempts, error: message })],
        patch: { attempts: ctx.action.attempts },
        detail: 'extension retry scheduled',
    })
}

/** The extension failed: nothing changed on the grant it extends; the reason goes to the ticket and SecOps. */
async function failExtend(ctx: RunContext, plan: ExecutionPlan, error: ProviderError): Promise<void> {
    const { core, action } = ctx
    const row = core.journal.get(action.sysId)!
    const d = journalData('grant', row)
    const ext = d.extension
    const text = `${plan.provider} did not extend the access${error.code ? ` (${error.code})` : ''}: ${error.message}`
    return finishAction(ctx, {
        kind: 'failed',
        error: text,
        items: [
            outboxItem.grantPatch(action.grantSysId, { state: 'grant_failed', lastError: text }, action.sysId),
            ...ritmNoteItems(
                ctx,
                ext?.grantRitm || (d.ritm ?? ''),
                `Extension ${plan.grantNumber} was NOT applied; ${ext ? ext.grantNumber : 'the access'} still ends as before. ${text}`,
            ),
            ...(error.code === 'RoleAssignmentDoesNotExist' || error.code === ACCESS_ENDED_CODE
                ? []
                : [incidentItem(ctx, 'extend_failed', 2, `Break-glass extension ${plan.grantNumber} failed`, text)]),
            auditItem(ctx, 'grant_failed', {
                kind: error.kind,
                code: error.code ?? '',
                error: error.message,
                extend: true,
            }),
        ],
        detail: 'provider refused the extension',
        announce: () =>
            core.events.emit('grant:failed', { ...ref(ctx), provider: plan.provider, kind: error.kind, error: text }),
    })
}
