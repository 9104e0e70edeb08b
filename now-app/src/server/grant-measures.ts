/**
 * Before insert / update on the grant (business-rules/grant-measures.now.ts, order 60: after the state machine's
 * guard at 50, so the guard judges only what the writer sent): store the report measures whenever the times they
 * derive from change — approval latency when the app approves, time to access when the executor writes granted_at,
 * revoke lateness when it writes revoked_at; and the frozen plan in words for the form. The computation is the shared pure `grantMeasures`; this is Glide glue.
 */
import { boolField, glideToMs, str } from './glide-io'
import { grantMeasures } from './shared/grant-measures'
import { parsePlan } from './shared/plan'
import { planText } from './shared/plan-text'
import { SYSTEM_FIELDS } from './shared/platform'
import { GRANT_FIELDS } from './shared/schema'

function setIfChanged(current: any, field: string, value: string): void {
    if (str(current, field) !== value) current.setValue(field, value)
}

const asText = (n: number | null): string => (n === null ? '' : String(n))

/** The business rule's script. */
export function setGrantMeasures(current: any): void {
    const measures = grantMeasures({
        submittedMs: glideToMs(str(current, SYSTEM_FIELDS.createdOn)),
        approvedMs: glideToMs(str(current, GRANT_FIELDS.approvedAt)),
        grantedMs: glideToMs(str(current, GRANT_FIELDS.grantedAt)),
        expiresMs: glideToMs(str(current, GRANT_FIELDS.expiresAt)),
        revokedMs: glideToMs(str(current, GRANT_FIELDS.revokedAt)),
        state: str(current, GRANT_FIELDS.state),
        approvalSummary: str(current, GRANT_FIELDS.approvalSummary),
        policyDecision: str(current, GRANT_FIELDS.policyDecision),
    })
    setIfChanged(current, GRANT_FIELDS.approvalLatencySeconds, asText(measures.approvalLatencySeconds))
    setIfChanged(current, GRANT_FIELDS.timeToAccessSeconds, asText(measures.timeToAccessSeconds))
    setIfChanged(current, GRANT_FIELDS.revokeLatenessSeconds, asText(measures.revokeLatenessSeconds))
    if (boolField(current, GRANT_FIELDS.autoApproved) !== measures.autoApproved)
        current.setValue(GRANT_FIELDS.autoApproved, measures.autoApproved ? 'true' : 'false')
    setIfChanged(current, GRANT_FIELDS.refusalCode, measures.refusalCode)
    setIfChanged(current, GRANT_FIELDS.planText, planInWords(current))
}

/**
 * The frozen plan in words (shared planText, the text approvers were shown), '' while there is no plan. Display
 * only: the executor checks the digest over the stored JSON, never this text.
 */
function planInWords(current: any): string {
    const json = str(current, GRANT_FIELDS.plan)
    if (json === '') return ''
    const parsed = parsePlan(json)
    if (!parsed.ok) return `The stored plan cannot be read: ${parsed.errors.join('; ')}`.slice(0, 8000)
    return planText(parsed.plan, str(current, GRANT_FIELDS.planDigest)).slice(0, 8000)
}
