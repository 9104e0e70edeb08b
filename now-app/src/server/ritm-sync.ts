/**
 * The RITM follows its grant (shared/ritm-lifecycle.ts ritmViewOf): on every grant state change the grant's rule
 * (grant-rules.ts onGrantStateChanged) sets the RITM's State, Stage and Approval, and closes it when the grant ends.
 * Written with GlideRecord as the system, with business rules on, so the platform's own rules on sc_req_item still
 * run (e.g. "Close Parent if Required" closes the REQ once its RITM is closed).
 */
import { GlideRecord } from '@servicenow/glide'
import { boolField, str } from './glide-io'
import { RITM_FIELDS, ritmViewOf } from './shared/ritm-lifecycle'
import { GRANT_FIELDS, PLATFORM_TABLE, isSysId } from './shared/schema'

/** What {@link syncRitm} did: the fields it changed ([] when the RITM already showed the grant's state). */
export interface RitmSync {
    ritm: string
    changed: string[]
}

/** Bring the grant's RITM in line with the grant's state; null when the grant has no RITM or the state moves none. */
export function syncRitm(grant: any): RitmSync | null {
    const ritmSysId = str(grant, GRANT_FIELDS.ritm)
    // An extension record shares its grant's RITM for the conversation; the RITM follows the grant, not it.
    if (str(grant, GRANT_FIELDS.extendsGrant)) return null
    const target = ritmViewOf(str(grant, GRANT_FIELDS.state))
    if (!target || !isSysId(ritmSysId)) return null
    const ritm = new GlideRecord(PLATFORM_TABLE.ritm)
    if (!ritm.get(ritmSysId)) return null
    const changed: string[] = []
    const set = (field: string, value: string, current: string): void => {
        if (current === value) return
        ritm.setValue(field, value)
        changed.push(field)
    }
    set(RITM_FIELDS.state, target.state, str(ritm, RITM_FIELDS.state))
    set(RITM_FIELDS.stage, target.stage, str(ritm, RITM_FIELDS.stage))
    if (target.approval !== undefined) set(RITM_FIELDS.approval, target.approval, str(ritm, RITM_FIELDS.approval))
    if (boolField(ritm, RITM_FIELDS.active) !== target.active) {
        ritm.setValue(RITM_FIELDS.active, target.active ? 'true' : 'false')
        changed.push(RITM_FIELDS.active)
    }
    if (changed.length > 0) ritm.update()
    return { ritm: ritmSysId, changed }
}
