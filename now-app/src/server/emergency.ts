/**
 * "Request break-glass access" on a P1 / P2 incident: opens the local-admin catalog item in the Service Portal with
 * the incident and the emergency flag prefilled by the platform's URL prefill (`sysparm_variable_values`, a JSON
 * object of variable name → value, reference values as sys_ids; ServiceNow docs, "Prefilling variable values on the
 * catalog item form in the portal and Next Experience UIs", on unless glide.sc.enable_url_prefill is false). No
 * client script reads the page. The emergency policy (shorter maximum, 5-minute approval timeout, incident
 * required) applies on submit as for any request; the prefilled values are re-validated there like typed ones.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { boolField, str } from './glide-io'
import { APP_TASK_FIELDS } from './shared/platform'
import { CATALOG_ITEM, CATALOG_VARIABLE, isSysId } from './shared/schema'

/** The URL of the prefilled request form, or an error message. */
export function emergencyRequestUrl(incident: any): { ok: true; url: string } | { ok: false; message: string } {
    const priority = parseInt(str(incident, APP_TASK_FIELDS.priority), 10)
    if (!boolField(incident, APP_TASK_FIELDS.active) || (priority !== 1 && priority !== 2)) {
        return {
            ok: false,
            message: 'Emergency break-glass access can only be requested from an open P1 or P2 incident.',
        }
    }
    const item = new GlideRecord('sc_cat_item')
    item.addQuery('name', CATALOG_ITEM.localAdmin.name)
    item.addQuery('active', 'true')
    item.setLimit(1)
    item.query()
    if (!item.next())
        return { ok: false, message: `The catalog item "${CATALOG_ITEM.localAdmin.name}" is not available.` }
    const itemSysId = String(item.getUniqueValue())
    const incidentSysId = String(incident.getUniqueValue())
    // Only sys_ids go into the URL (nothing from record text), and the JSON is URL-encoded as a whole.
    if (!isSysId(itemSysId) || !isSysId(incidentSysId))
        return { ok: false, message: 'The incident or the catalog item has no valid sys_id.' }
    const prefill: Record<string, string> = {}
    prefill[CATALOG_VARIABLE.incident] = incidentSysId
    prefill[CATALOG_VARIABLE.emergency] = 'true'
    const url = `sp?id=sc_cat_item&sys_id=${itemSysId}&sysparm_variable_values=${encodeURIComponent(JSON.stringify(prefill))}`
    return { ok: true, url }
}

/** UI action script on the incident form. */
export function requestBreakGlassFromIncident(current: any): void {
    const result = emergencyRequestUrl(current)
    if (!result.ok) {
        gs.addErrorMessage(result.message)
        return
    }
    gs.setRedirect(result.url)
}
