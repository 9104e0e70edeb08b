/**
 * Test support for the two-person rule on policies (src/server/policy-confirmation.ts): mark the seeded policy
 * rows as changed by one SecOps person and confirmed by another, as an installed, reviewed policy is.
 */
import { policyRecordDigest } from '../../../shared/src/policy-record'
import { POLICY_FIELDS, TABLE } from '../../../shared/src/schema'
import { glide } from './glide-fake'

/** Confirm every stored policy row as `confirmer` for content last changed by `editor` (two different people). */
export function confirmSeededPolicies(editor: string, confirmer: string): void {
    if (editor === confirmer) throw new Error('confirmSeededPolicies: the editor cannot confirm')
    for (const row of glide.rows(TABLE.policy)) {
        const record: Record<string, string> = {}
        for (const field of Object.values(POLICY_FIELDS)) record[field] = String(row[field] ?? '')
        row[POLICY_FIELDS.editedBy] = editor
        row[POLICY_FIELDS.confirmedBy] = confirmer
        row[POLICY_FIELDS.confirmedAt] = '2026-11-27 09:00:00'
        row[POLICY_FIELDS.confirmedDigest] = policyRecordDigest(record)
    }
}
