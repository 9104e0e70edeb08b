/**
 * The revoke action (and the local timer revoke). Removing access is always allowed, so there is no recheck
 * gate; but the executor must know exactly what to remove: the stored plan must parse and match its digest.
 * When it does not, the executor removes what ITS journal recorded for the grant and raises an incident.
 *
 * A revoke is only successful when provider.verify afterwards says the access is absent. Failures are retried
 * with capped backoff forever (never dead); after a bound SecOps get an incident (P1 for high-risk plans), and
 * when removal is finally confirmed that incident gets a work note with the evidence.
 *
 * Overlapping grants of the same access (same provider, principal and target): the provider reads ServiceNow's
 * grants (every replica's) and leaves the access in place while another grant still holds it (docs/entra.md).
 */
import {
    ACTION_PRIORITY,
    backoffMs,
    formatTime,
    isSysId,
    parsePlan,
    verifyPlanDigest,
    type ExecutionPlan,
} from '@gbg/shared'
import { redact } from '../log'
import type { JournalAction } from '../journal/journal'
import type { GrantRecord } from '../ports'
import { ProviderError, type RevokeResult, type VerifyResult } from '../providers/types'
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
    localRevokeId,
    ref,
    ritmNoteItems,
    type RunContext,
} from './context'
import { closeFinished, finishAction } from './finish'
import { dataOf, journalData, journaled, journaledRitm, journalResult, type ProviderResultRecord } from './journal-data'

/**
 * Longest wait for the grant read before a revoke of a grant this executor journaled (or the configured
 * `revokeServiceNowWaitMs` when longer); a timer's revoke shares its wait with the queue hand-over.
 */
const GRANT_READ_BOUND_MS = 2_000
const SLOW = Symbol('slow')

/** `promise`, or a rejection with {@link SLOW} after `ms` on the worker's clock. */
async function within<T>(promise: Promise<T>, ms: number, core: RunContext['core']): Promise<T> {
    const stop = new AbortController()
    const timeout = core.clock.sleep(ms, stop.signal).then(
        () => Promise.reject(SLOW),
        () => new Promise<never>(() => undefined),
    )
    promise.catch(() => undefined)
    try {
        return await Promise.race([promise, timeout])
    } finally {
        stop.abort()
    }
}

/** Incident kind of a revoke that keeps failing. */
export const REVOKE_FAILED_INCIDENT = 'revoke_failed'

/** Run a revoke (queue action, or local timer run when `ctx.local`) from whatever step the journal holds. */
export async function runRevoke(ctx: RunContext): Promise<void> {
    const row = beginRun(ctx, 'revoke')
    switch (row.step) {
        case 'claimed':
            return revokeFromStart(ctx)
        case 'calling':
            // Revoke is idempotent (absent = success) and verify decides: simply call again.
            return revokeCall(ctx, row)
        case 'provider_done':
            return writeBackRevoke(ctx, row)
        case 'written_back':
            await ctx.core.writeBack.flush({ grantId: ctx.action.grantSysId })
            return
        default:
            return closeFinished(ctx, row)
    }
}

async function revokeFromStart(ctx: RunContext): Promise<void> {
    const { core, action } = ctx
    const j = core.journal
    const grantId = action.grantSysId

    // The local timer already removed this access (ServiceNow was unreachable then): only close the action.
    if (!ctx.local) {
        const localRow = j.get(localRevokeId(grantId))
        if (localRow && ['provider_done', 'written_back', 'done'].includes(localRow.step)) {
            return finishAction(ctx, {
                kind: 'done',
                result: { revokedBy: 'local timer', at: journalData('revoke', localRow).revokedAt ?? null },
                from: 'claimed',
                patch: { plan: localRow.plan, provider: localRow.provider, providerResult: localRow.providerResult },
                detail: 'closed: the local timer already revoked',
                announce: () =>
                    core.events.emit('revoke:done', {
                        ...ref(ctx),
                        provider: localRow.provider,
                        alreadyAbsent: true,
                        local: false,
                        retainedFor: [],
                    }),
            })
        }
    }

    // What to remove: the plan this executor journaled when it granted (what it really granted), never a plan
    // re-read later; ServiceNow's plan only when this executor holds no grant of it (another replica granted).
    // A ServiceNow plan that differs from the journaled one is tampering: reported, and the journaled one wins.
    // The read is bounded when this executor journaled the grant: a slow ServiceNow (429 storm, in-call retries)
    // must not hold the revoke; the journal's plan is what is revoked then, and the write-back catches up later.
    let grant: GrantRecord | 'missing' | undefined
    const recorded = j.grantRecord(grantId)
    if (!ctx.local) {
        try {
            const read = core.gateway.getGrant(grantId)
            const readBound = Math.max(GRANT_READ_BOUND_MS, core.options.revokeServiceNowWaitMs)
            const bound = ctx.revokeBy
                ? Math.min(readBound, Math.max(0, ctx.revokeBy.getTime() - core.clock.now().getTime()))
                : readBound
            grant = recorded ? await within(read, bound, core) : await read
        } catch (error) {
            if (ctx.signal.aborted) return
            if (error === SLOW) {
                core.logger.warn('revoke: ServiceNow slow to answer; revoking what the journal recorded', {
                    grant: grantId,
                })
                grant = undefined
            } else if (!isServiceNowError(error, 'not_found')) {
                if (!recorded) return revokeFailure(ctx, undefined, error)
                grant = undefined
            } else grant = 'missing'
        }
    }
    const { plan, planRaw, mismatch, planSource } = planToRevoke(grantId, recorded, grant)
    if (grant === 'missing') grant = undefined
    const ritm = grant ? grant.ritm : ritmFromJournal(ctx)
    if (!plan) {
        // Nothing trustworthy says what to remove: humans must act (P1, it may be live access).
        const text = `Cannot revoke: ${mismatch || 'no plan'}; no grant of this access is recorded by ${core.options.instance}.`
        return finishAction(ctx, {
            kind: 'failed',
            error: text,
            from: 'claimed',
            items: [
                ...(grant ? [outboxItem.grantPatch(grantId, { lastError: text }, action.sysId)] : []),
                ...(isSysId(grantId)
                    ? [
                          incidentItem(
                              ctx,
                              'revoke_no_plan',
                              1,
                              `Break-glass revoke impossible for ${grant?.number ?? grantId}`,
                              text,
                          ),
                          auditItem(ctx, 'revoke_refused', { reason: text }),
                      ]
                    : []),
            ],
            detail: 'no plan to revoke',
            announce: () =>
                core.events.emit('revoke:failed', {
                    ...ref(ctx),
                    provider: '',
                    error: text,
                    failures: action.attempts,
                }),
        })
    }
    const txnIds = recorded?.txnIds ?? parseTxnIds(grant?.providerTxnIds ?? '')
    const items = []
    if (grant && grant.state !== 'revoked') {
        items.push(outboxItem.grantPatch(grantId, { state: 'revoking' }, action.sysId))
    }
    if (mismatch) {
        const text = `The grant's plan cannot be trusted (${mismatch}); revoking what the executor journal recorded.`
        if (!incidentRaisedOrQueued(j, grantId, 'revoke_plan_mismatch')) {
            items.push(
                incidentItem(
                    ctx,
                    'revoke_plan_mismatch',
                    1,
                    `Tampered plan on break-glass grant ${plan.grantNumber}`,
                    text,
                ),
                ...ritmNoteItems(ctx, ritm, `Tampering detected: ${text} SecOps has been notified.`),
            )
        }
        items.push(auditItem(ctx, 'revoke_plan_mismatch', { reason: mismatch, revoking: describeTarget(plan.target) }))
    }
    const row = commit(
        ctx,
        'claimed',
        'calling',
        {
            plan: planRaw,
            provider: plan.provider,
            txnIds,
            lastError: '',
            data: dataOf('revoke', {
                ritm,
                grantNumber: plan.grantNumber,
                planSource,
                alreadyRevoked: grant?.state === 'revoked',
            }),
        },
        items,
        'calling provider.revoke',
    )
    // The 'revoking' state goes out in the background: a revoke never waits for the outbox (issue 18).
    void core.writeBack.flush({ grantId })
    if (ctx.signal.aborted) return
    return revokeCall(ctx, row)
}

async function revokeCall(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core, action } = ctx
    const j = core.journal
    const plan = journaledPlan(row)
    let revoke: RevokeResult | null = null
    const provider = core.providers.get(plan.provider)
    if (!provider) return revokeFailure(ctx, plan, new Error(`provider ${plan.provider} is not configured`))
    // The local timer revokes past expiry + grace, often because ServiceNow does not answer: when it cannot tell
    // whether another grant shares the access, expiry wins (docs/entra.md "Overlap").
    const callCtx = {
        idempotencyKey: action.sysId,
        txnIds: row.txnIds,
        signal: ctx.signal,
        ifHoldersUnknown: ctx.local ? ('remove' as const) : ('retry' as const),
    }
    core.events.emit('revoke:calling', { ...ref(ctx), provider: plan.provider, local: ctx.local })
    try {
        revoke = await provider.revoke(plan, callCtx)
    } catch (error) {
        if (ctx.signal.aborted) return
        // Unknown outcome: verify decides. Anything else is a failed attempt.
        if (!(error instanceof ProviderError && error.kind === 'unknown_outcome'))
            return revokeFailure(ctx, plan, error)
    }
    let verify: VerifyResult
    try {
        verify = await provider.verify(plan, callCtx)
    } catch (error) {
        if (ctx.signal.aborted) return
        return revokeFailure(ctx, plan, error)
    }
    // Only the provider's own reading proves removal. (Shared assignments: the provider keeps the assignment for
    // the other live grants ServiceNow lists and reports this grant's access as absent.)
    if (verify.present) {
        return revokeFailure(ctx, plan, new Error('provider.verify still shows the access after the revoke'))
    }
    const revokeEvidence = revoke?.evidence ?? {}
    const shared = revokeEvidence.sharedWith
    const stored: ProviderResultRecord<'revoke'> = {
        alreadyAbsent: revoke ? revoke.alreadyAbsent : true,
        retainedFor: Array.isArray(shared) ? shared.filter((x): x is string => typeof x === 'string') : [],
        drift: revokeEvidence.drift === true,
        calls: redact(revoke ? revoke.calls : []) as unknown[],
        notes: revoke?.notes ?? [],
        revokeEvidence: redact(revokeEvidence),
        verify: {
            present: verify.present,
            evidence: redact(verify.evidence),
            calls: redact(verify.calls) as unknown[],
            ...(verify.expiresAt ? { expiresAt: verify.expiresAt.toISOString() } : {}),
        },
    }
    const done = j.transition(
        action.sysId,
        'calling',
        'provider_done',
        { providerResult: stored, data: dataOf('revoke', { revokedAt: core.clock.now().toISOString() }) },
        stored.retainedFor.length
            ? `released; shared assignment stays for ${stored.retainedFor.join(', ')}`
            : 'revoked and verified absent',
    )
    core.events.emit('revoke:done', {
        ...ref(ctx),
        provider: plan.provider,
        alreadyAbsent: stored.alreadyAbsent,
        local: ctx.local,
        retainedFor: stored.retainedFor,
    })
    if (ctx.signal.aborted) return
    return writeBackRevoke(ctx, done)
}

async function writeBackRevoke(ctx: RunContext, row: JournalAction): Promise<void> {
    const { core, action } = ctx
    const j = core.journal
    const plan = journaledPlan(row)
    const r = journalResult('revoke', row)
    const d = journalData('revoke', row)
    const revokedAt = journaled(d.revokedAt, row, 'revokedAt')
    const evidence = {
        verifiedAt: revokedAt.toISOString(),
        provider: plan.provider,
        present: r.verify ? r.verify.present : null,
        alreadyAbsent: r.alreadyAbsent,
        // Nothing was left to remove: the provider ended the access itself (native expiry) or it was removed
        // out of band. Not a failure; recorded so auditors see which clock ended the access.
        expiredAtProvider: r.alreadyAbsent && r.retainedFor.length === 0,
        retainedFor: r.retainedFor,
        planSource: d.planSource ?? 'grant',
        revokedBy: ctx.local ? `${core.options.instance} (local timer)` : core.options.instance,
        notes: r.notes,
        revoke: r.revokeEvidence ?? null,
        evidence: r.verify ? r.verify.evidence : null,
    }
    const evidenceText = JSON.stringify(evidence)
    const what = `${describeTarget(plan.target)} for ${plan.principal.userName} (${plan.grantNumber})`
    const note = [
        r.retainedFor.length
            ? `Grant ended at ${formatTime(revokedAt)}: ${what}. The shared assignment stays for overlapping grant(s) ${r.retainedFor.join(', ')}.`
            : r.alreadyAbsent
              ? `Access had already ended (expired at the provider) and is verified absent at ${formatTime(revokedAt)}: ${what}.`
              : `Access removed at ${formatTime(revokedAt)} and verified absent at the provider: ${what}.`,
        ...r.notes.map((n) => `Note: ${n}`),
        // The revoke evidence reaches the request item too (issue 16), not only the grant's evidence field.
        // A ticket update's text holds 8000 characters: a longer evidence is cut here, whole on the grant.
        evidenceText.length <= 6000
            ? `Evidence: ${evidenceText}`
            : `Evidence (first 6000 characters; whole on ${plan.grantNumber}): ${evidenceText.slice(0, 6000)}`,
    ].join('\n')
    const items = [
        outboxItem.grantPatch(
            action.grantSysId,
            { state: 'revoked', revokedAt, evidence: evidenceText, lastError: '' },
            action.sysId,
        ),
        auditItem(ctx, 'revoke_done', {
            provider: plan.provider,
            calls: [...r.calls, ...(r.verify ? r.verify.calls : [])],
            evidence,
            local: ctx.local,
        }),
    ]
    if (d.alreadyRevoked !== true) items.push(...ritmNoteItems(ctx, d.ritm ?? '', note))
    if (r.drift && !incidentRaisedOrQueued(j, action.grantSysId, 'drift')) {
        items.push(
            incidentItem(
                ctx,
                'drift',
                plan.highRisk ? 1 : 2,
                `Access of ${plan.grantNumber} is held outside the break-glass system`,
                `${what}: the provider reports the access is held outside this system; nothing was removed. Evidence: ${evidenceText}`,
            ),
        )
    }
    if (incidentRaisedOrQueued(j, action.grantSysId, REVOKE_FAILED_INCIDENT)) {
        items.push(
            outboxItem.incidentNote(
                action.grantSysId,
                REVOKE_FAILED_INCIDENT,
                `Removal confirmed at ${formatTime(revokedAt)}: ${what}. Evidence: ${evidenceText}`,
                action.sysId,
            ),
        )
    }
    if (d.alreadyRevoked !== true) {
        items.push(
            outboxItem.createAction(
                {
                    grantSysId: action.grantSysId,
                    type: 'verify',
                    priority: ACTION_PRIORITY.verify,
                    notBefore: new Date(core.clock.now().getTime() + core.options.verifyDelayMs),
                    maxAttempts: core.options.verifyMaxAttempts,
                    idempotencyKey: `verify:${action.grantSysId}:${action.sysId}`,
                    reason: `Verify the access of ${plan.grantNumber} stays removed`,
                },
                false,
                action.sysId,
            ),
        )
    }
    return finishAction(ctx, {
        kind: 'done',
        result: { alreadyAbsent: r.alreadyAbsent, retainedFor: r.retainedFor },
        items,
        detail: 'write-back queued',
        journal: () => j.disarmTimer(action.grantSysId),
    })
}

/** A failed revoke attempt: retry with capped backoff, forever; escalate once past the bound. */
async function revokeFailure(ctx: RunContext, plan: ExecutionPlan | undefined, error: unknown): Promise<void> {
    const { core, action } = ctx
    const j = core.journal
    const d = journalData('revoke', j.get(action.sysId)!)
    const o = core.options
    const failures = ctx.local ? (d.failures ?? 0) + 1 : Math.max(action.attempts, 1)
    const message = `revoke attempt ${failures} failed: ${errorText(error)}`
    let delay = backoffMs(failures, { ...o.revokeBackoff, random: o.random })
    const retryAfter = error instanceof ProviderError ? error.retryAfterMs : undefined
    if (retryAfter !== undefined) delay = Math.min(Math.max(delay, retryAfter), o.revokeBackoff.maxMs)
    const notBefore = new Date(core.clock.now().getTime() + delay)
    const escalate =
        failures >= o.revokeEscalateAfterFailures &&
        !incidentRaisedOrQueued(j, action.grantSysId, REVOKE_FAILED_INCIDENT)
    const items = [
        auditItem(ctx, 'revoke_failed', {
            failures,
            error: errorText(error),
            nextAttemptAt: notBefore.toISOString(),
            escalated: escalate,
        }),
    ]
    if (escalate) {
        const number = plan?.grantNumber ?? d.grantNumber ?? action.grantSysId
        const what = plan ? `${describeTarget(plan.target)} for ${plan.principal.userName}` : 'the access'
        items.push(
            outboxItem.grantPatch(action.grantSysId, { state: 'revoke_failed', lastError: message }, action.sysId),
            incidentItem(
                ctx,
                REVOKE_FAILED_INCIDENT,
                plan && !plan.highRisk ? 2 : 1,
                `Break-glass access ${number} could not be revoked`,
                `The executor failed to remove ${what} ${failures} times and keeps retrying. Last error: ${errorText(error)}. ` +
                    `Provider: ${plan?.provider ?? 'unknown'}. Next attempt: ${notBefore.toISOString()}. Remove the access manually if needed.`,
            ),
        )
    } else {
        items.push(outboxItem.grantPatch(action.grantSysId, { lastError: message }, action.sysId))
    }
    return finishAction(ctx, {
        kind: 'retry',
        error: message,
        notBefore,
        items,
        patch: { data: dataOf('revoke', { failures }) },
        detail: 'revoke retry',
        journal: () => {
            // The local timer run retries itself: re-arm the timer at the next attempt.
            if (ctx.local) j.armTimer(action.grantSysId, notBefore)
        },
        announce: () =>
            core.events.emit('revoke:failed', {
                ...ref(ctx),
                provider: plan?.provider ?? '',
                error: message,
                failures,
            }),
    })
}

/** The plan a revoke acts on, where it came from, and how ServiceNow's copy differs from it ('' when it does not). */
interface ChosenPlan {
    plan?: ExecutionPlan
    planRaw: string
    mismatch: string
    planSource: 'grant' | 'journal'
}

/**
 * Choose the plan to revoke (or verify): the journaled grant's plan when this executor granted, and any difference
 * of the grant record's plan from it as `mismatch`; else the grant record's plan when it is intact.
 */
export function planToRevoke(
    grantId: string,
    recorded: { plan: string } | undefined,
    grant: GrantRecord | 'missing' | undefined,
): ChosenPlan {
    const journaled = recorded ? parsePlan(recorded.plan) : undefined
    let intact: ExecutionPlan | undefined
    let problem = ''
    if (grant === 'missing') problem = `grant ${grantId} could not be read (missing or hidden)`
    else if (grant) {
        const v = verifyPlanDigest(grant.plan, grant.planDigest)
        if (!v.ok) problem = v.errors.join('; ')
        else if (v.plan.grantSysId !== grantId) problem = `the plan names grant ${v.plan.grantSysId}`
        else intact = v.plan
    }
    if (journaled && journaled.ok) {
        let mismatch = problem
        if (!mismatch && intact) {
            const changed = planDifferences(journaled.plan, intact)
            if (changed.length > 0)
                mismatch = `the plan in ServiceNow differs from the plan granted: ${changed.join('; ')}`
        }
        return { plan: journaled.plan, planRaw: recorded!.plan, mismatch, planSource: 'journal' }
    }
    if (intact) return { plan: intact, planRaw: (grant as GrantRecord).plan, mismatch: '', planSource: 'grant' }
    return { planRaw: '', mismatch: problem, planSource: 'grant' }
}

/** The fields (dotted paths) where two plans differ, each as `path: granted -> now`. */
function planDifferences(granted: ExecutionPlan, now: ExecutionPlan): string[] {
    const out: string[] = []
    const walk = (a: unknown, b: unknown, path: string): void => {
        if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
            const keys = new Set([...Object.keys(a), ...Object.keys(b)])
            for (const k of keys)
                walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k)
        } else if (JSON.stringify(a) !== JSON.stringify(b)) {
            out.push(`${path}: ${JSON.stringify(a) ?? '(none)'} -> ${JSON.stringify(b) ?? '(none)'}`)
        }
    }
    walk(granted, now, '')
    return out
}

/** The provider transaction ids as the grant record stores them (a JSON array, or a comma list). */
export function parseTxnIds(text: string): string[] {
    if (!text) return []
    try {
        const v: unknown = JSON.parse(text)
        if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string')
    } catch {
        // comma-separated fallback
    }
    return text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
}

function ritmFromJournal(ctx: RunContext): string {
    for (const a of ctx.core.journal.actionsOfGrant(ctx.action.grantSysId)) {
        const ritm = journaledRitm(a)
        if (ritm) return ritm
    }
    return ''
}
