/**
 * From a catalog request to a grant: the RITM's after-insert rule reads the item's variables into a new grant in
 * state `requested` (the grant's own after-insert rule then judges it, see submit.ts). Nothing the form checked
 * is trusted: a missing or malformed value is stored as it is (an unparsable duration as 0) and refused by the
 * policy with a reason the requester can read.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { str, wholeNumber } from './glide-io'
import { isTrueField } from './shared/booleans'
import { APP_TASK_FIELDS } from './shared/platform'
import {
    CATALOG_ITEM,
    CATALOG_VARIABLE,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    TABLE,
    isSysId,
    type TargetKind,
} from './shared/schema'

/** The target kind requested by a catalog item (by its sys_id); null when the item is not one of ours. */
export function catalogTargetKind(catItemSysId: string): TargetKind | null {
    if (!isSysId(catItemSysId)) return null
    const item = new GlideRecord('sc_cat_item')
    if (!item.get(catItemSysId)) return null
    const name = str(item, 'name')
    const all = CATALOG_ITEM as unknown as Record<string, { name: string; targetKind: TargetKind }>
    const keys = Object.keys(all)
    for (let i = 0; i < keys.length; i++) if (all[keys[i]!]!.name === name) return all[keys[i]!]!.targetKind
    return null
}

/** The console item's privilege checkboxes: variable name → the console's privilege name (the scope's words). */
export const CONSOLE_SCOPE_VARIABLES: Readonly<Record<string, string>> = {
    scope_user_admin: 'user_admin',
    scope_helpdesk_admin: 'helpdesk_admin',
    scope_billing_admin: 'billing_admin',
    scope_security_admin: 'security_admin',
}

/** A variable's value as text ('' when absent). */
function variable(ritm: any, name: string): string {
    const vars = ritm.variables
    if (!vars) return ''
    const v = vars[name]
    return v === undefined || v === null ? '' : String(v).trim()
}

/** A variable's display value (the label of a choice), '' when not available. */
function variableLabel(ritm: any, name: string): string {
    const vars = ritm.variables
    const v = vars ? vars[name] : undefined
    return v && typeof v.getDisplayValue === 'function' ? String(v.getDisplayValue()) : ''
}

/**
 * Business rule (async after insert, sc_req_item, filtered to the app's catalog items): a break-glass catalog request
 * becomes a grant. "Requested for" is a Requested For variable (type 31): checkout copies it to the REQ's and the
 * RITM's requested_for. The variable is the requester's answer, so it decides; should the RITM show someone else
 * (an order path that did not copy it), the RITM is corrected so it shows the person the access is for.
 */
export function onRitmInserted(current: any): void {
    const kind = catalogTargetKind(str(current, APP_TASK_FIELDS.catItem))
    if (!kind) return
    const answered = variable(current, CATALOG_VARIABLE.requestedFor)
    if (isSysId(answered) && str(current, APP_TASK_FIELDS.requestedFor) !== answered) {
        const ritm = new GlideRecord(PLATFORM_TABLE.ritm)
        if (ritm.get(String(current.getUniqueValue()))) {
            ritm.setValue(APP_TASK_FIELDS.requestedFor, answered)
            ritm.update()
        }
    }
    createGrantFromRitm(current, kind)
}

/** Create the grant for `ritm`; returns its sys_id. */
export function createGrantFromRitm(ritm: any, kind: TargetKind): string {
    const grant = new GlideRecord(TABLE.grant)
    grant.initialize()
    const requestedFor = variable(ritm, CATALOG_VARIABLE.requestedFor) || str(ritm, APP_TASK_FIELDS.requestedFor)
    grant.setValue(GRANT_FIELDS.requestedFor, requestedFor)
    grant.setValue(GRANT_FIELDS.openedBy, str(ritm, APP_TASK_FIELDS.openedBy) || gs.getUserID())
    grant.setValue(GRANT_FIELDS.targetKind, kind)
    let emergency = isTrueField(variable(ritm, CATALOG_VARIABLE.emergency))
    if (kind === 'device_local_admin') {
        grant.setValue(GRANT_FIELDS.targetCi, variable(ritm, CATALOG_VARIABLE.device))
    } else if (kind === 'entra_group') {
        // Stored as typed (cut to the column): the policy refuses anything but a group object id (GUID).
        grant.setValue(GRANT_FIELDS.targetGroupId, variable(ritm, CATALOG_VARIABLE.group).slice(0, 64))
    } else if (kind === 'console') {
        // The console packet, as typed; the scope only from the item's privilege checkboxes (no free text), and
        // the request is always an emergency (the item exists for incidents only). Checked on submit
        // (shared consoleTargetReasons), never trusted.
        grant.setValue(GRANT_FIELDS.targetTenantId, variable(ritm, CATALOG_VARIABLE.tenantId).slice(0, 64))
        grant.setValue(GRANT_FIELDS.targetTenantName, variable(ritm, CATALOG_VARIABLE.tenantName).slice(0, 100))
        grant.setValue(GRANT_FIELDS.targetAccount, variable(ritm, CATALOG_VARIABLE.account).slice(0, 255))
        const scope: string[] = []
        const names = Object.keys(CONSOLE_SCOPE_VARIABLES)
        for (let i = 0; i < names.length; i++)
            if (isTrueField(variable(ritm, names[i]!))) scope.push(CONSOLE_SCOPE_VARIABLES[names[i]!]!)
        grant.setValue(GRANT_FIELDS.targetScope, scope.join(','))
        emergency = true
    } else {
        grant.setValue(GRANT_FIELDS.targetRoleId, variable(ritm, CATALOG_VARIABLE.role))
        grant.setValue(GRANT_FIELDS.targetRoleName, variableLabel(ritm, CATALOG_VARIABLE.role).slice(0, 100))
    }
    const duration = variable(ritm, CATALOG_VARIABLE.durationMinutes)
    grant.setValue(GRANT_FIELDS.requestedDuration, isNaN(wholeNumber(duration)) ? '0' : duration)
    grant.setValue(GRANT_FIELDS.justification, variable(ritm, CATALOG_VARIABLE.justification).slice(0, 4000))
    grant.setValue(GRANT_FIELDS.incident, variable(ritm, CATALOG_VARIABLE.incident))
    grant.setValue(GRANT_FIELDS.change, variable(ritm, CATALOG_VARIABLE.change))
    grant.setValue(GRANT_FIELDS.emergency, emergency ? 'true' : 'false')
    grant.setValue(GRANT_FIELDS.ritm, String(ritm.getUniqueValue()))
    grant.setValue(GRANT_FIELDS.state, 'requested')
    return String(grant.insert())
}
