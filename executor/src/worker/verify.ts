/**
 * The verify action: read the provider's state and attach it to the grant as evidence. Access found present on a
 * revoked grant (re-added by hand, a lost revoke, a provider that "forgot") is escalated: SecOps get an
 * incident and a high-priority revoke is queued again.
 */
import { ACTION_PRIORITY } from '@gbg/shared'
import { redact } from '../log'
import type { JournalAction } from '../journal/journal'
import type { GrantRecord } from '../ports'
import { ProviderError } from '../providers/types'
import { describeTarget } from '../receipt'
import { isServiceNowError } from '../servicenow/errors'
import { incidentRaisedOrQueued, outboxItem } from '../writeback'
import {
    beginRun,
    auditItem,
    commit,
    errorText,
    incidentItem,
    journaledPlan,
    ref,
    ritmNoteItems,
    type RunContext,
} from './context'
import { closeFinished, finishAction, nextAttempt } from './finish'
import { dataOf, journalData, journalResult, type ProviderResultRecord } from './journal-data'
import { parseTxnIds, planToRevoke } from './revoke'

/** Run a verify action from whatever step the journal holds. */
export async function runVerify(ctx: RunContext): Promise<void> {
    const row = beginRun(ctx, 'verify')
    switch (row.step) {
        case 'claimed':
            return verifyFromStart(ctx)
        case 'calling':
            return verifyCall(ctx, row) // read-only: simply read again
        case 'provider_done':
            return writeBackVerify(ctx, row)
        case 'written_back':
            await ctx.core.writeBack.flush({ grantId: ctx.action.grantSysId })
            return
        default:
            return closeFinished(ctx, row)
    }
}

async function verifyFromStart(ctx: RunContext): Promise<void> {
    const { core, action } = ctx
    let grant: GrantRecord | undefined
    try {
        grant = await core.gateway.getGrant(action.grantSysId)
    } catch (error) {
        if (ctx.signal.aborted) return
        if (isServiceNowError(error, 'not_found'))
            return failVerify(ctx, `grant ${action.grantSysId} does not exist`, 'dead')
        return retryVerify(ctx, `could not read the grant: ${errorText(error)}`)
    }
    // The plan journaled at grant time (what was really granted) first; a ServiceNow plan differing from it is
    // tampering, reported once and never acted on.
    const recorded = core.journal.grantRecord(action.grantSysId)
    const { plan, planRaw, mismatch } = planToRevoke(action.grantSysId, recorded, grant)
    if (!plan) return failVerify(ctx, `the plan of ${grant.number} cannot be trusted and none is journaled`, 'failed')
    const items = []
    if (mismatch) {
        if (!incidentRaisedOrQueued(core.journal, action.grantSysId, 'revoke_plan_mismatch')) {
            items.push(
                incidentItem(
                    ctx,
                    'revoke_plan_mismatch',
                    1,
                    `Tampered plan on break-glass grant ${plan.grantNumber}`,
                    `The grant's plan cannot be trusted (${mismatch}); verifying what the executor journal recorded.`,
                ),
            )
        }
        items.push(auditItem(ctx, 'verify_plan_mismatch', { reason: mismatch }))
    }
    const row = commit(
        ctx,
        'claimed',
        'calling',
        {
            plan: planRaw,
            provider: plan.provider,
            // The provider is asked about the GRANT's access: by the ids its grant recorded and the key the grant
            // was made under, never by this verify action's own id (which names nothing at the provider).
            txnIds: recorded && recorded.txnIds.length > 0 ? recorded.txnIds : parseTxnIds(grant.providerTxnIds),
            data: dataOf('verify', {
                ritm: grant.ritm,
                grantState: grant.state,
                priorEvidence: grant.evidence,
                grantKey: recorded?.actionId ?? '',
            }),
        },
        items,
        'calling provider.verify',
    )
    return verifyCall(ctx, row)
}

async function verifyCall(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core, action } = ctx
    const plan = journaledPlan(row)
    const provider = core.providers.get(plan.provider)
    if (!provider) return retryVerify(ctx, `provider ${plan.provider} is not configured`)
    const grantKey = journalData('verify', row).grantKey
    let result
    try {
        result = await provider.verify(plan, {
            idempotencyKey: grantKey || action.sysId,
            txnIds: row.txnIds,
            signal: ctx.signal,
        })
    } catch (error) {
        if (ctx.signal.aborted) return
        return retryVerify(
            ctx,
            `verify failed: ${errorText(error)}`,
            error instanceof ProviderError ? error.retryAfterMs : undefined,
        )
    }
    const stored: ProviderResultRecord<'verify'> = {
        present: result.present,
        evidence: redact(result.evidence),
        calls: redact(result.calls) as unknown[],
        expiresAt: result.expiresAt ? result.expiresAt.toISOString() : null,
        verifiedAt: core.clock.now().toISOString(),
    }
    const done = core.journal.transition(
        action.sysId,
        'calling',
        'provider_done',
        { providerResult: stored },
        'verified',
    )
    core.events.emit('verify:done', { ...ref(ctx), provider: plan.provider, present: result.present })
    return writeBackVerify(ctx, done)
}

async function writeBackVerify(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core, action } = ctx
    const plan = journaledPlan(row)
    const r = journalResult('verify', row)
    const d = journalData('verify', row)
    const grantState = d.grantState ?? ''
    const verification = { ...r, provider: plan.provider, grantState }
    const items = [
        outboxItem.grantPatch(
            action.grantSysId,
            { evidence: JSON.stringify(withFollowUp(d.priorEvidence ?? '', verification)) },
            action.sysId,
        ),
        auditItem(ctx, 'verify_done', {
            provider: plan.provider,
            present: r.present,
            evidence: r.evidence,
            calls: r.calls,
        }),
    ]
    // Shared assignments are the provider's business: its verify reports this grant's access only.
    const escalate = r.present && (grantState === 'revoked' || grantState === 'revoke_failed')
    if (escalate) {
        const what = `${describeTarget(plan.target)} for ${plan.principal.userName} (${plan.grantNumber})`
        const text = `Verification at ${r.verifiedAt} found ${what} still present although the grant is ${grantState}. A revoke has been queued again.`
        items.push(
            incidentItem(
                ctx,
                `verify_present:${action.sysId}`,
                plan.highRisk ? 1 : 2,
                `Revoked break-glass access still present: ${plan.grantNumber}`,
                text,
            ),
            ...ritmNoteItems(ctx, d.ritm ?? '', text),
            outboxItem.createAction(
                {
                    grantSysId: action.grantSysId,
                    type: 'revoke',
                    priority: ACTION_PRIORITY.revokeNow,
                    notBefore: core.clock.now(),
                    maxAttempts: core.options.revokeMaxAttempts,
                    idempotencyKey: `revoke-again:${action.grantSysId}:${action.sysId}`,
                    reason: 'Access found present after revoke',
                },
                false,
                action.sysId,
            ),
        )
    }
    return finishAction(ctx, {
        kind: 'done',
        result: { present: r.present, escalated: escalate },
        items,
        detail: escalate ? 'present after revoke: escalated' : 'write-back queued',
    })
}

/**
 * The grant's evidence with the follow-up verification beside it: what the revoke recorded (its calls, the state
 * it read, who revoked) stays as it was, the verification goes under `followUpVerify`.
 */
export function withFollowUp(prior: string, verification: Record<string, unknown>): Record<string, unknown> {
    if (prior.trim() === '') return { followUpVerify: verification }
    let parsed: unknown
    try {
        parsed = JSON.parse(prior)
    } catch {
        parsed = undefined
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { ...(parsed as Record<string, unknown>), followUpVerify: verification }
    }
    return { previousEvidence: prior, followUpVerify: verification }
}

async function retryVerify(ctx: RunContext, message: string, retryAfterMs?: number): Promise<void> {
    const next = nextAttempt(ctx, message, retryAfterMs)
    if ('gaveUp' in next) return failVerify(ctx, next.gaveUp, 'dead')
    return finishAction(ctx, { kind: 'retry', error: message, notBefore: next.notBefore, detail: 'retry scheduled' })
}

function failVerify(ctx: RunContext, message: string, kind: 'failed' | 'dead'): Promise<void> {
    return finishAction(ctx, {
        kind,
        error: message,
        items: [auditItem(ctx, 'verify_failed', { error: message })],
        detail: 'verify failed',
    })
}
