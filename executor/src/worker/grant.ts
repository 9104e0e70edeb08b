/**
 * The grant action: recheck gate → journal `calling` (BEFORE the call) → provider.grant → journal
 * `provider_done` (BEFORE any write-back) → write-back queued with the revoke scheduled → done once delivered.
 *
 * Critical section: between `calling` and `provider_done` the outcome is unknown to anyone else. A crash there
 * is resumed by reading the provider (verify) before any new grant call, so a lost response never becomes a
 * second grant.
 */
import { createHash } from 'node:crypto'
import { ACTION_PRIORITY, GRANTABLE_STATES, isSysId, type ExecutionPlan } from '@gbg/shared'
import { redact } from '../log'
import { ProviderError, type GrantResult } from '../providers/types'
import {
    buildReceipt,
    describeTarget,
    grantedWorkNote,
    receiptFileName,
    receiptHtmlFileName,
    renderReceiptHtml,
} from '../receipt'
import { RECHECK_CODE, recheckGrant, type RecheckRefused } from '../recheck'
import { outboxItem } from '../writeback'
import type { JournalAction } from '../journal/journal'
import {
    beginRun,
    GRANT_TABLE,
    auditItem,
    commit,
    errorText,
    incidentItem,
    journaledPlan,
    ref,
    ritmNoteItems,
    type RunContext,
} from './context'
import { callExtend, extendFromStart, writeBackExtend } from './extend'
import { closeFinished, finishAction, nextAttempt } from './finish'
import {
    dataOf,
    journalData,
    journaled,
    journalResult,
    type ActionData,
    type ActionDataWrite,
    type ProviderResultRecord,
} from './journal-data'

/** Run a grant action from whatever step the journal holds. */
export async function runGrant(ctx: RunContext): Promise<void> {
    const j = ctx.core.journal
    const a = ctx.action
    let row = beginRun(ctx, 'grant')
    switch (row.step) {
        case 'claimed':
            if (journalData('grant', row).reconcile === true) {
                // The previous attempt's outcome is still unknown: read the provider before anything else.
                row = j.transition(a.sysId, 'claimed', 'calling', {}, 'reconcile an unknown outcome')
                return reconcile(ctx, row, 'unknown_outcome', undefined, true)
            }
            return grantFromStart(ctx)
        case 'calling':
            // An extension: extending again to the same end is harmless (worker/extend.ts).
            if (journaledPlan(row).operation === 'extend') return callExtend(ctx, row)
            // Crashed (or was stopped) mid-call: the outcome is unknown.
            return reconcile(ctx, row, 'unknown_outcome', undefined, true)
        case 'provider_done':
            if (journaledPlan(row).operation === 'extend') return writeBackExtend(ctx, row)
            return writeBackGrant(ctx, row)
        case 'written_back':
            await ctx.core.writeBack.flush({ grantId: ctx.action.grantSysId })
            return
        default:
            return closeFinished(ctx, row)
    }
}

async function grantFromStart(ctx: RunContext): Promise<void> {
    const { core, action } = ctx
    const recheck = await recheckGrant(action.grantSysId, {
        gateway: core.gateway,
        clock: core.clock,
        providers: core.providers,
        maxApprovalAgeMs: core.options.maxApprovalAgeMs,
    })
    if (ctx.signal.aborted) return
    if (!recheck.ok && recheck.transient) {
        // ServiceNow could not answer the checks: nothing is granted now; try again later (dead after max attempts).
        return retryGrant(ctx, `${recheck.code}: ${recheck.reason}`, recheck.retryAfterMs)
    }
    if (!recheck.ok) return refuse(ctx, recheck)
    // An extension record moves the end of another grant's live access: never a provider.grant.
    if (recheck.plan.operation === 'extend') return extendFromStart(ctx, recheck)
    const { grant, digest, approvals, decision } = recheck
    // Bound to a change: granted only up to the window's end (fewer minutes than approved, never more).
    const plan =
        recheck.grantMinutes < recheck.plan.durationMinutes
            ? { ...recheck.plan, durationMinutes: recheck.grantMinutes }
            : recheck.plan
    core.events.emit('recheck:passed', ref(ctx))
    const recheckSummary = {
        checkedAt: recheck.checkedAt.toISOString(),
        planDigest: digest,
        policy: decision.policyName,
        highRisk: decision.highRisk,
        autoApprove: decision.autoApprove ? decision.autoApprove.rule : null,
        approvals: approvals.map((x) => ({ approver: x.approverSysId, state: x.state, at: x.updatedOn.toISOString() })),
        ...(plan !== recheck.plan
            ? {
                  cappedToChangeWindow: {
                      windowEndsAt: new Date(recheck.expiryCapMs!).toISOString(),
                      approvedMinutes: recheck.plan.durationMinutes,
                      grantedMinutes: plan.durationMinutes,
                  },
              }
            : {}),
    }
    // Journal `calling` BEFORE the call, together with the plan it acts on and the facts the write-back needs.
    commit(
        ctx,
        'claimed',
        'calling',
        {
            plan: grant.plan,
            provider: plan.provider,
            lastError: '',
            data: dataOf('grant', {
                ritm: grant.ritm,
                grantNumber: grant.number,
                approvalSummary: grant.approvalSummary,
                approvals: approvals.map((x) => ({
                    sysId: x.sysId,
                    approverSysId: x.approverSysId,
                    state: x.state,
                    updatedOn: x.updatedOn.toISOString(),
                })),
                digest,
                autoApprove: recheckSummary.autoApprove,
                recheck: recheckSummary,
                callingAt: core.clock.now().toISOString(),
                grantMinutes: plan.durationMinutes,
            }),
        },
        [
            outboxItem.grantPatch(
                grant.sysId,
                { state: 'granting', executorInstance: core.options.instance, lastError: '' },
                action.sysId,
            ),
        ],
        'calling provider.grant',
    )
    // `granting` must be recorded in ServiceNow before the call: it is the compare-and-set against a cancel. The app
    // cancels only approved / queued grants, and its state guard refuses the executor's move of a cancelled grant to
    // granting. Refused for good (a cancel won the race) or not delivered (ServiceNow unreachable, so a cancel could
    // land unseen) → no provider call now; the retry runs the recheck gate again, which reads the grant's state.
    await core.writeBack.flush({ grantId: action.grantSysId })
    if (ctx.signal.aborted) return
    const granting = core.journal
        .outbox({ actionId: action.sysId })
        .filter((item) => item.kind === 'grant_patch')
        .pop()
    if (granting && granting.status !== 'delivered') {
        return retryGrant(
            ctx,
            granting.status === 'dead'
                ? `ServiceNow refused the move to granting (${granting.lastError}); checking the grant again before any call`
                : 'ServiceNow has not recorded the move to granting yet; no provider call until it has',
        )
    }
    const provider = core.providers.get(plan.provider)!
    core.events.emit('grant:calling', { ...ref(ctx), provider: plan.provider })
    let result: GrantResult
    try {
        result = await provider.grant(plan, { idempotencyKey: action.sysId, signal: ctx.signal })
    } catch (error) {
        if (ctx.signal.aborted) return
        return onGrantError(ctx, plan, error)
    }
    return onGrantResult(ctx, plan, result)
}

/** Journal the confirmed grant (BEFORE any write-back), then queue the write-back. */
async function onGrantResult(ctx: RunContext, plan: ExecutionPlan, result: GrantResult): Promise<void> {
    const { core, action } = ctx
    const j = core.journal
    const now = core.clock.now()
    const stored: ProviderResultRecord<'grant'> = {
        txnIds: result.txnIds,
        expiresAt: result.expiresAt.toISOString(),
        nativeExpiry: result.nativeExpiry,
        alreadyDone: result.alreadyDone,
        calls: redact(result.calls) as unknown[],
        notes: result.notes ?? [],
        ...(result.evidence ? { evidence: redact(result.evidence) } : {}),
    }
    const row = j.transition(
        action.sysId,
        'calling',
        'provider_done',
        {
            txnIds: result.txnIds,
            providerResult: stored,
            expiresAt: result.expiresAt,
            data: dataOf('grant', { grantedAt: now.toISOString(), reconcile: false }),
        },
        `provider.grant ok (${result.alreadyDone ? 'already done' : 'granted'})`,
    )
    core.events.emit('grant:active', {
        ...ref(ctx),
        provider: plan.provider,
        txnIds: result.txnIds,
        expiresAt: result.expiresAt,
        alreadyDone: result.alreadyDone,
    })
    if (ctx.signal.aborted) return
    return writeBackGrant(ctx, row)
}

/** Queue every write-back of a confirmed grant (from journaled facts only: also used on resume). */
async function writeBackGrant(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core, action } = ctx
    const plan = journaledPlan(row)
    const d = journalData('grant', row)
    const r = journalResult('grant', row)
    const grantedAt = journaled(d.grantedAt, row, 'grantedAt')
    const expiresAt = row.expiresAt ?? new Date(r.expiresAt)
    const ritm = d.ritm ?? ''
    const receipt = buildReceipt({
        plan,
        digest: d.digest ?? '',
        approvals: d.approvals ?? [],
        approvalSummary: d.approvalSummary ?? '',
        autoApprovedBy: d.autoApprove ?? null,
        txnIds: row.txnIds,
        grantedAt,
        expiresAt,
        nativeExpiry: r.nativeExpiry,
        alreadyDone: r.alreadyDone,
        notes: r.notes,
        executorInstance: core.options.instance,
    })
    const body = Buffer.from(JSON.stringify(receipt, null, 2), 'utf8')
    // The same content for people, carrying the JSON's SHA-256 (issue 16).
    const html = Buffer.from(renderReceiptHtml(receipt, createHash('sha256').update(body).digest('hex')), 'utf8')
    const items = [
        outboxItem.grantPatch(
            action.grantSysId,
            {
                state: 'active',
                grantedAt,
                expiresAt,
                providerTxnIds: JSON.stringify(row.txnIds),
                executorInstance: core.options.instance,
                lastError: '',
                ...(r.evidence ? { evidence: JSON.stringify(r.evidence) } : {}),
            },
            action.sysId,
        ),
        ...((r.evidence as { drift?: unknown } | undefined)?.drift === true
            ? [
                  incidentItem(
                      ctx,
                      'drift',
                      plan.highRisk ? 1 : 2,
                      `Access of ${plan.grantNumber} is held outside the break-glass system`,
                      `${describeTarget(plan.target)} for ${plan.principal.userName}: the provider reports the access ` +
                          `already exists outside this system (e.g. a permanent assignment). Evidence: ${JSON.stringify(r.evidence)}`,
                  ),
              ]
            : []),
        ...ritmNoteItems(ctx, ritm, grantedWorkNote(receipt)),
        outboxItem.attachment(
            ritm ? 'sc_req_item' : GRANT_TABLE,
            ritm || action.grantSysId,
            receiptFileName(plan.grantNumber),
            'application/json',
            body,
            action.grantSysId,
            action.sysId,
        ),
        outboxItem.attachment(
            ritm ? 'sc_req_item' : GRANT_TABLE,
            ritm || action.grantSysId,
            receiptHtmlFileName(plan.grantNumber),
            'text/html',
            html,
            action.grantSysId,
            action.sysId,
        ),
        auditItem(ctx, 'recheck_passed', { ...d.recheck, plan }),
        auditItem(ctx, 'provider_call', { operation: 'grant', provider: plan.provider, calls: r.calls }),
        auditItem(ctx, 'grant_active', {
            txnIds: row.txnIds,
            grantedAt: grantedAt.toISOString(),
            expiresAt: expiresAt.toISOString(),
            nativeExpiry: r.nativeExpiry,
            alreadyDone: r.alreadyDone,
            notes: r.notes,
            planDigest: d.digest,
        }),
        // The revoke at expiry is created in ServiceNow (durable, visible, watchdog-checked) AND armed locally.
        outboxItem.createAction(
            {
                grantSysId: action.grantSysId,
                type: 'revoke',
                priority: ACTION_PRIORITY.revoke,
                notBefore: expiresAt,
                maxAttempts: core.options.revokeMaxAttempts,
                idempotencyKey: `revoke:${action.grantSysId}`,
                reason: `Scheduled revoke at the expiry of ${plan.grantNumber}`,
            },
            true,
            action.sysId,
        ),
    ]
    return finishAction(ctx, {
        kind: 'done',
        result: { txnIds: row.txnIds, expiresAt: expiresAt.toISOString(), alreadyDone: r.alreadyDone },
        items,
        detail: 'write-back queued',
        journal: () => core.journal.armTimer(action.grantSysId, expiresAt),
        announce: () => core.events.emit('timer:armed', { grantSysId: action.grantSysId, dueAt: expiresAt }),
    })
}

async function onGrantError(ctx: RunContext, plan: ExecutionPlan, error: unknown): Promise<void> {
    if (!(error instanceof ProviderError)) {
        // A bug or an unmapped failure after the request may have left: read the provider, then fail loudly.
        ctx.core.logger.error('provider.grant threw an unmapped error', {
            action: ctx.action.sysId,
            error: errorText(error),
        })
        return reconcile(ctx, ctx.core.journal.get(ctx.action.sysId)!, 'unexpected', error)
    }
    switch (error.kind) {
        case 'retryable':
            return retryGrant(ctx, `${plan.provider}: ${error.message}`, error.retryAfterMs)
        case 'unknown_outcome':
            return reconcile(ctx, ctx.core.journal.get(ctx.action.sysId)!, 'unknown_outcome', error)
        case 'halted':
            return haltGrant(ctx, plan, error)
        case 'fatal':
        default:
            return failGrant(ctx, plan, error)
    }
}

/**
 * Unknown outcome: the provider's state decides. Present → done (no second grant). Absent → when the unknown
 * call belongs to an earlier attempt (`atStart`: resumed or re-claimed), this attempt starts over from the recheck
 * gate; right after the failed call, the action goes back to the queue with backoff.
 */
async function reconcile(
    ctx: RunContext,
    row: JournalAction,
    cause: 'unknown_outcome' | 'unexpected',
    original?: unknown,
    atStart = false,
): Promise<void> {
    const { core, action } = ctx
    const plan = journaledPlan(row)
    const provider = core.providers.get(plan.provider)
    if (!provider) {
        return retryGrant(ctx, `provider ${plan.provider} is not configured; cannot reconcile`, undefined, {
            reconcile: true,
        })
    }
    let present: boolean
    let verify
    try {
        verify = await provider.verify(plan, { idempotencyKey: action.sysId, txnIds: row.txnIds, signal: ctx.signal })
        present = verify.present
    } catch (error) {
        if (ctx.signal.aborted) return
        // Still unknown: keep the reconcile mark so the next attempt reads the provider first again.
        const retryAfter = error instanceof ProviderError ? error.retryAfterMs : undefined
        return retryGrant(ctx, `grant outcome unknown and verify failed: ${errorText(error)}`, retryAfter, {
            reconcile: true,
        })
    }
    core.events.emit('grant:reconciled', { ...ref(ctx), provider: plan.provider, present })
    if (present) {
        const journaledData = journalData('grant', row)
        const callingAt = journaledData.callingAt ?? core.clock.now()
        // The minutes the provider was asked for (capped at a change window's end), never the plan's longer ones.
        const minutes = Math.min(journaledData.grantMinutes ?? plan.durationMinutes, plan.durationMinutes)
        const ownEnd = new Date(callingAt.getTime() + minutes * 60_000)
        // The access is there, but the provider ties nothing of this grant or system to it (Entra: a membership or
        // assignment held outside): no grant of ours is behind it — drift, reported as the grant call reports it
        // (evidence on the grant, an incident), never adopted as this grant's (docs/simulation.md finding 17).
        if ((verify.evidence as { drift?: unknown }).drift === true) {
            return onGrantResult(ctx, plan, {
                txnIds: [],
                expiresAt: ownEnd,
                nativeExpiry: false,
                alreadyDone: true,
                calls: verify.calls,
                notes: [
                    'The grant call outcome was unknown; the provider shows the access, but held outside this system ' +
                        '(nothing of this grant is behind it): nothing was changed and SecOps is informed.',
                ],
                evidence: verify.evidence,
            })
        }
        const result: GrantResult = {
            txnIds: txnIdsFromEvidence(verify.evidence),
            // Never longer than approved: counted from the call when the provider does not say, and capped there when
            // it says later — a read shows the end of the access as held, which an overlapping grant of the same
            // person and Entra group / role may have extended for itself (docs/simulation.md finding 15).
            expiresAt: verify.expiresAt && verify.expiresAt.getTime() < ownEnd.getTime() ? verify.expiresAt : ownEnd,
            nativeExpiry: provider.describe().nativeExpiry,
            alreadyDone: true,
            calls: verify.calls,
            notes: ['The grant call outcome was unknown; the provider confirmed the access exists (no second grant).'],
        }
        return onGrantResult(ctx, plan, result)
    }
    if (cause === 'unexpected') {
        return failGrant(ctx, plan, new ProviderError('fatal', `unexpected provider failure: ${errorText(original)}`))
    }
    if (atStart) {
        core.journal.transition(
            action.sysId,
            'calling',
            'claimed',
            { data: { reconcile: false } },
            'verified absent: start over',
        )
        return grantFromStart(ctx)
    }
    return retryGrant(ctx, 'grant outcome was unknown; the provider shows no access; retrying', undefined, {
        reconcile: false,
    })
}

function txnIdsFromEvidence(evidence: Record<string, unknown>): string[] {
    const ids = evidence.txnIds
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []
}

/** Back to the queue with backoff; dead after max attempts. */
async function retryGrant(
    ctx: RunContext,
    message: string,
    retryAfterMs?: number,
    data: ActionDataWrite<'grant'> = {},
): Promise<void> {
    const { action } = ctx
    const next = nextAttempt(ctx, message, retryAfterMs)
    if ('gaveUp' in next) return deadGrant(ctx, next.gaveUp)
    return finishAction(ctx, {
        kind: 'retry',
        error: message,
        notBefore: next.notBefore,
        items: [
            auditItem(ctx, 'grant_retry', {
                attempts: action.attempts,
                notBefore: next.notBefore.toISOString(),
                error: message,
            }),
        ],
        patch: { attempts: action.attempts, data: dataOf('grant', data) },
        detail: 'retry scheduled',
    })
}

async function deadGrant(ctx: RunContext, message: string): Promise<void> {
    const { core, action } = ctx
    const { row, data } = journaledGrant(ctx)
    const number = data.grantNumber ?? action.grantSysId
    return finishAction(ctx, {
        kind: 'dead',
        error: message,
        items: [
            outboxItem.grantPatch(action.grantSysId, { state: 'grant_failed', lastError: message }, action.sysId),
            ...ritmNoteItems(
                ctx,
                data.ritm ?? '',
                `Access could not be granted (${number}): ${message}. SecOps has been notified.`,
            ),
            incidentItem(ctx, 'grant_dead', 2, `Break-glass grant ${number} failed permanently`, message),
            auditItem(ctx, 'grant_failed', { reason: 'max_attempts', error: message }),
        ],
        detail: 'max attempts reached',
        announce: () =>
            core.events.emit('grant:failed', {
                ...ref(ctx),
                provider: row.provider,
                kind: 'max_attempts',
                error: message,
            }),
    })
}

/** Fatal: nothing partial stays (partial access is revoked), the grant fails with the reason on the ticket. */
async function failGrant(ctx: RunContext, plan: ExecutionPlan, error: ProviderError): Promise<void> {
    const { core, action } = ctx
    const ritm = journaledGrant(ctx).data.ritm ?? ''
    const message = `${plan.provider} refused the grant${error.code ? ` (${error.code})` : ''}: ${error.message}`
    const items = []
    let partial = ''
    if (error.details && error.details.partial === true) {
        try {
            await core.providers
                .get(plan.provider)!
                .revoke(plan, { idempotencyKey: `${action.sysId}:partial`, signal: ctx.signal })
            partial = 'partial access was removed'
        } catch (revokeError) {
            partial = `partial access could not be removed yet (${errorText(revokeError)}); a revoke is queued`
            items.push(
                outboxItem.createAction(
                    {
                        grantSysId: action.grantSysId,
                        type: 'revoke',
                        priority: ACTION_PRIORITY.revokeNow,
                        notBefore: core.clock.now(),
                        maxAttempts: core.options.revokeMaxAttempts,
                        idempotencyKey: `revoke-partial:${action.sysId}`,
                        reason: 'Remove partial access left by a failed grant',
                    },
                    false,
                    action.sysId,
                ),
            )
        }
    }
    const text = partial ? `${message}; ${partial}` : message
    items.push(
        outboxItem.grantPatch(action.grantSysId, { state: 'grant_failed', lastError: text }, action.sysId),
        ...ritmNoteItems(
            ctx,
            ritm,
            `Access could NOT be granted: ${describeTarget(plan.target)} for ${plan.principal.userName}. ${text}`,
        ),
        auditItem(ctx, 'grant_failed', {
            kind: error.kind,
            code: error.code ?? '',
            error: error.message,
            details: error.details ?? {},
            partial,
        }),
    )
    return finishAction(ctx, {
        kind: 'failed',
        error: text,
        items,
        detail: 'provider refused',
        announce: () =>
            core.events.emit('grant:failed', { ...ref(ctx), provider: plan.provider, kind: error.kind, error: text }),
    })
}

/**
 * Halted: the provider stopped rather than guessed (a decision pending at the provider, console drift, an
 * ambiguous outcome). The grant goes to `halted` with the provider's takeover state (when it gives one) as its
 * evidence; SecOps get an incident — P1 when the provider says the outcome is unknown (access may exist) — and
 * resume by hand or cancel (Revoke now). Never retried.
 */
async function haltGrant(ctx: RunContext, plan: ExecutionPlan, error: ProviderError): Promise<void> {
    const { core, action } = ctx
    const ritm = journaledGrant(ctx).data.ritm ?? ''
    const text = `halted by ${plan.provider}${error.code ? ` (${error.code})` : ''}: ${error.message}`
    const details = error.details ?? {}
    const takeover = details['takeover']
    const priority = details['incidentPriority'] === 1 ? 1 : 2
    return finishAction(ctx, {
        kind: 'halted',
        error: text,
        items: [
            outboxItem.grantPatch(
                action.grantSysId,
                {
                    state: 'halted',
                    lastError: text,
                    ...(takeover !== undefined ? { evidence: JSON.stringify({ takeover }) } : {}),
                },
                action.sysId,
            ),
            ...ritmNoteItems(ctx, ritm, `The grant is halted and needs a human decision: ${text}`),
            incidentItem(
                ctx,
                'grant_halted',
                priority,
                `Break-glass grant ${plan.grantNumber} halted at ${plan.provider}`,
                takeover !== undefined
                    ? `${text}\nTakeover state (in full on the grant's evidence): ${JSON.stringify(takeover).slice(0, 3000)}`
                    : text,
            ),
            auditItem(ctx, 'grant_halted', {
                code: error.code ?? '',
                error: error.message,
                details,
            }),
        ],
        detail: 'halted',
        announce: () => core.events.emit('grant:halted', { ...ref(ctx), provider: plan.provider, error: text }),
    })
}

/** The recheck gate refused: no provider call; the reason goes to the grant, the RITM, SecOps and the audit trail. */
async function refuse(ctx: RunContext, r: RecheckRefused): Promise<void> {
    const { core, action } = ctx
    const text = `Recheck refused (${r.code}): ${r.reason}`
    const g = r.grant
    const items = []
    if (r.code === RECHECK_CODE.grantCancelled) {
        // A person (or the ticket-bound rule) cancelled it, and the app has already told the ticket and the audit
        // trail: nothing to escalate, nothing to write on the grant; the executor records that it stood down.
        if (isSysId(action.grantSysId))
            items.push(auditItem(ctx, 'recheck_refused', { code: r.code, reason: r.reason }))
    } else if (g) {
        items.push(
            outboxItem.grantPatch(
                g.sysId,
                GRANTABLE_STATES.includes(g.state) ? { state: 'grant_failed', lastError: text } : { lastError: text },
                action.sysId,
            ),
            ...ritmNoteItems(ctx, g.ritm, `No access was granted. ${text}. SecOps has been notified.`),
        )
    }
    if (isSysId(action.grantSysId) && r.code !== RECHECK_CODE.grantCancelled) {
        items.push(
            incidentItem(
                ctx,
                'recheck_refused',
                2,
                `Break-glass grant ${g ? g.number : action.grantSysId} refused by the recheck gate`,
                text,
            ),
            auditItem(ctx, 'recheck_refused', { code: r.code, reason: r.reason, malformed: r.malformed }),
        )
    }
    return finishAction(ctx, {
        kind: r.malformed ? 'dead' : 'failed',
        error: text,
        items,
        from: 'claimed',
        detail: `recheck refused: ${r.code}`,
        announce: () =>
            core.events.emit('recheck:refused', {
                ...ref(ctx),
                code: r.code,
                reason: r.reason,
                malformed: r.malformed,
            }),
    })
}

/** The journal row of the grant being run, and its data. */
function journaledGrant(ctx: RunContext): { row: JournalAction; data: ActionData<'grant'> } {
    const row = ctx.core.journal.get(ctx.action.sysId)!
    return { row, data: journalData('grant', row) }
}
