/**
 * "Request break-glass access" on a P1 / P2 incident: opens the local-admin catalog item prefilled with the
 * incident and the emergency flag (a catalog client script reads the two URL parameters). The emergency policy
 * (shorter maximum, 5-minute approval timeout, incident required) applies on submit as for any request.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { boolField, str } from './glide-io'
import { APP_TASK_FIELDS } from './shared/platform'
import { CATALOG_ITEM } from './shared/schema'

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
    const url =
        'com.glideapp.servicecatalog_cat_item_view.do?v=1' +
        `&sysparm_id=${String(item.getUniqueValue())}` +
        `&sysparm_incident=${String(incident.getUniqueValue())}` +
        '&sysparm_emergency=true'
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
