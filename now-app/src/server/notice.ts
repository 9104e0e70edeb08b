/**
 * The words about a grant that people read in e-mails and ticket comments (shared/notice-text.ts): the access it
 * gives (kind and target by name, never an id or secret) and its stored times as "YYYY-MM-DD HH:mm UTC".
 */
import { str } from './glide-io'
import { accessText, glideUtcText } from './shared/notice-text'
import { GRANT_FIELDS } from './shared/schema'

/** The access of `grant` in words, e.g. "local administrator rights on PC-ALICE". */
export function accessOf(grant: any): string {
    return accessText({
        kind: str(grant, GRANT_FIELDS.targetKind),
        ciName: String(grant.getDisplayValue(GRANT_FIELDS.targetCi) || ''),
        roleName: str(grant, GRANT_FIELDS.targetRoleName),
        account: str(grant, GRANT_FIELDS.targetAccount),
    })
}

/** A stored date-time field of `grant` as people read it ('' when empty). */
export function timeOf(grant: any, field: string): string {
    return glideUtcText(str(grant, field))
}
