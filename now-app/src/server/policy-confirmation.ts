/**
 * Before-insert/update business rule on x_gbg_breakglass_policy: the two-person rule for policy changes.
 *
 * - A write that changes the policy's content (its parsed rules: shared policyContentDigest) stamps the writer
 *   as `edited_by` and clears `confirmed_by` / `confirmed_at` / `confirmed_digest`: the new content is not
 *   confirmed. Writing a confirmation in the same write is refused (one person cannot change and confirm).
 * - A confirmation is a write of `confirmed_digest` (field ACL: SecOps only) that leaves the content alone. It is
 *   refused unless the writer holds the SecOps role, is not the policy's `edited_by`, and the digest is the one of
 *   the content as it is now (they confirm what they read, not a later edit). The rule stamps `confirmed_by`
 *   (the session user, gs.getUserID(), never a value from the request) and `confirmed_at`.
 * - Any other write of the stamp fields is put back; clearing `confirmed_digest` withdraws the confirmation.
 *
 * Evaluation on both sides (shared evaluatePolicyRecords) applies a policy's auto-approve rules only when its
 * current content is confirmed by someone other than its editor. The table is audited (sys_audit keeps each edit
 * and confirmation with its author); the refusal is shown to the person (gs.addErrorMessage) and logged.
 */
import { gs } from '@servicenow/glide'
import { msToGlide, nowMs, str } from './glide-io'
import { policyRecordDigest } from './shared/policy-record'
import { POLICY_FIELDS, ROLE, isSysId } from './shared/schema'

const F = POLICY_FIELDS
const STAMPS = [F.editedBy, F.confirmedBy, F.confirmedAt, F.confirmedDigest]

/** The policy record's fields as strings. */
function fieldsOf(record: any): Record<string, string> {
    const out: Record<string, string> = {}
    for (const field of Object.values(F)) out[field] = str(record, field)
    return out
}

function refuse(current: any, reason: string): void {
    current.setAbortAction(true)
    gs.addErrorMessage(reason)
    gs.warn(`Break-glass policy ${str(current, F.name)}: ${reason} (by ${String(gs.getUserName())})`)
}

/** The business rule's script. */
export function guardPolicyWrite(current: any, previous: any): void {
    const actor = String(gs.getUserID() || '')
    const now = fieldsOf(current)
    const before = previous ? fieldsOf(previous) : null
    const digest = policyRecordDigest(now)
    const contentChanged = !before || digest !== policyRecordDigest(before) || digest === ''
    const confirming =
        now[F.confirmedDigest] !== '' && now[F.confirmedDigest] !== (before ? before[F.confirmedDigest] : '')

    if (contentChanged) {
        if (confirming) {
            refuse(
                current,
                'A policy change and its confirmation must come from two different SecOps people: save the change; ' +
                    'another SecOps member then confirms it.',
            )
            return
        }
        current.setValue(F.editedBy, actor)
        current.setValue(F.confirmedBy, '')
        current.setValue(F.confirmedAt, '')
        current.setValue(F.confirmedDigest, '')
        gs.info(`Break-glass policy ${now[F.name]} changed by ${String(gs.getUserName())}: awaiting confirmation`)
        return
    }
    const prior = before as Record<string, string>
    if (confirming) {
        const editor = prior[F.editedBy]
        if (!gs.hasRole(ROLE.secops)) {
            refuse(current, 'Only Security Operations may confirm a policy change.')
        } else if (!isSysId(actor) || !isSysId(editor) || actor === editor) {
            refuse(
                current,
                isSysId(editor)
                    ? 'You made the last change to this policy: another SecOps member must confirm it.'
                    : 'This policy records no editor: save it first, then another SecOps member confirms it.',
            )
        } else if (now[F.confirmedDigest] !== digest) {
            refuse(
                current,
                'The confirmation is for other content than the policy holds now: reload and confirm again.',
            )
        } else {
            current.setValue(F.editedBy, editor)
            current.setValue(F.confirmedBy, actor)
            current.setValue(F.confirmedAt, msToGlide(Math.floor(nowMs() / 1000) * 1000))
            gs.info(`Break-glass policy ${now[F.name]} confirmed by ${String(gs.getUserName())}`)
        }
        return
    }
    if (now[F.confirmedDigest] === '' && prior[F.confirmedDigest] !== '') {
        // Withdrawing a confirmation is always allowed (it only makes the policy stricter).
        current.setValue(F.editedBy, prior[F.editedBy])
        current.setValue(F.confirmedBy, '')
        current.setValue(F.confirmedAt, '')
        return
    }
    // Nobody writes the stamps by hand: put them back.
    for (const field of STAMPS) if (now[field] !== prior[field]) current.setValue(field, prior[field])
}
