/**
 * The frozen plan at approval time: its digest must still match what approvers saw, an approver's shortening
 * (grant.approved_duration, never longer than requested, never below the policy minimum) is applied by
 * re-freezing the plan with the shorter duration, and the kill switch is checked one last time.
 */
import { appendAudit, boolProperty, str } from './glide-io'
import { policyMinFor } from './request'
import { canonicalJson } from './shared/canonical-json'
import { planDigest, verifyPlanDigest } from './shared/plan'
import { boundApprovedDuration } from './shared/policy'
import { GRANT_FIELDS, PROPERTY, type TargetKind } from './shared/schema'

export type StoredPlanVerdict =
    { ok: true; durationMinutes: number; shortened: boolean } | { ok: false; message: string }

/** Check the stored plan and apply the approved duration (mutates the grant's plan fields; caller updates). */
export function judgeStoredPlan(grant: any): StoredPlanVerdict {
    if (!boolProperty(PROPERTY.integrationEnabled)) {
        return { ok: false, message: 'The break-glass integration is disabled; nothing was queued.' }
    }
    const verified = verifyPlanDigest(str(grant, GRANT_FIELDS.plan), str(grant, GRANT_FIELDS.planDigest))
    if (!verified.ok) {
        return {
            ok: false,
            message: `The frozen plan does not match its digest (${verified.errors.join('; ')}); nothing was queued.`,
        }
    }
    const plan = verified.plan
    const requested = parseInt(str(grant, GRANT_FIELDS.requestedDuration), 10)
    const chosenText = str(grant, GRANT_FIELDS.approvedDuration)
    const chosen = chosenText === '' ? null : parseInt(chosenText, 10)
    const minimum = policyMinFor(str(grant, GRANT_FIELDS.targetKind) as TargetKind)
    const duration = boundApprovedDuration(Math.min(plan.durationMinutes, requested), chosen, minimum)
    if (duration === plan.durationMinutes) return { ok: true, durationMinutes: duration, shortened: false }
    const before = str(grant, GRANT_FIELDS.planDigest)
    // beforeMinutes lets the executor prove the votes cast before this shortening covered this very plan.
    const beforeMinutes = plan.durationMinutes
    plan.durationMinutes = duration
    const digest = planDigest(plan)
    grant.setValue(GRANT_FIELDS.plan, canonicalJson(plan))
    grant.setValue(GRANT_FIELDS.planDigest, digest)
    appendAudit(String(grant.getUniqueValue()), 'plan.shortened', 'system', {
        before,
        after: digest,
        beforeMinutes,
        durationMinutes: duration,
    })
    return { ok: true, durationMinutes: duration, shortened: duration < requested }
}
