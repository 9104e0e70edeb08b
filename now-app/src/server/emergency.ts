/**
 * Emergency break-glass access from an incident or an incident task (seed 000: "catalog item … (or incident task)"),
 * for every kind (issue 17): on a P1 / P2 incident and on an open task of one (classic form and Service Operations
 * Workspace), "Request break-glass access" (local admin — through the deployment's device provider: the Entra
 * group, the admin-as-a-service webhook or BeyondTrust EPM JIT Admin, property device_admin_provider), "… Entra
 * role", "… Entra group" and "Request emergency console action" open that kind's catalog item in the Service Portal
 * with the incident (and the emergency flag) prefilled by the platform's URL prefill (`sysparm_variable_values`, a
 * JSON object of variable name → value, reference values as sys_ids; ServiceNow docs, "Prefilling variable values on
 * the catalog item form in the portal and Next Experience UIs", on unless glide.sc.enable_url_prefill is false). From
 * a task the prefilled incident is the task's parent incident (incident_task.incident), whose priority counts. No
 * client script reads the page. The emergency policy (shorter maximum, 5-minute approval timeout, incident
 * required) applies on submit as for any request; the prefilled values are re-validated there like typed ones (an
 * incident the person is not on, a closed one or a P3 is refused with the reason on the ticket). The console item
 * has no emergency box: its requests are always emergencies (catalog-submit.ts). PAM accounts have no item: the
 * proposal API.
 */
import { gs, GlideRecord } from '@servicenow/glide'
import { boolField, nowMs, str } from './glide-io'
import { APP_TASK_FIELDS } from './shared/platform'
import { CATALOG_ITEM, CATALOG_VARIABLE, PLATFORM_TABLE, isSysId, type TargetKind } from './shared/schema'
import { ticketVerdict } from './shared/tickets'

/** incident_task: the table and its reference to the parent incident. */
export const INCIDENT_TASK = { table: 'incident_task', incident: 'incident' } as const

/** The catalog item name for `kind` ('' when no item requests that kind). */
export function catalogItemNameFor(kind: TargetKind): string {
    // Every catalog item of the app (a new one in schema.ts CATALOG_ITEM is found without a change here).
    const all = CATALOG_ITEM as unknown as Record<string, { name: string; targetKind: string }>
    const keys = Object.keys(all)
    for (let i = 0; i < keys.length; i++) if (all[keys[i]!]!.targetKind === kind) return all[keys[i]!]!.name
    return ''
}

/** The open P1 / P2 incident behind `task` (an incident, or an incident task's parent), or why not. */
function emergencyIncident(task: any): { ok: true; sysId: string } | { ok: false; message: string } {
    const refuse = {
        ok: false as const,
        message:
            'Emergency break-glass access can only be requested from an open P1 or P2 incident or an open task of one.',
    }
    let incident = task
    if (String(task.getTableName ? task.getTableName() : '') === INCIDENT_TASK.table) {
        if (!boolField(task, APP_TASK_FIELDS.active)) return refuse
        const parent = str(task, INCIDENT_TASK.incident)
        if (!isSysId(parent)) return refuse
        incident = new GlideRecord(PLATFORM_TABLE.incident)
        if (!incident.get(parent)) return refuse
    }
    const priority = parseInt(str(incident, APP_TASK_FIELDS.priority), 10)
    if (!boolField(incident, APP_TASK_FIELDS.active) || (priority !== 1 && priority !== 2)) return refuse
    // Resolved / closed / cancelled but still marked active: the same rule that ends access given for it.
    const verdict = ticketVerdict(
        {
            kind: 'incident',
            number: str(incident, APP_TASK_FIELDS.number),
            state: str(incident, APP_TASK_FIELDS.state),
            active: true,
        },
        nowMs(),
    )
    if (!verdict.open) return { ok: false, message: `${refuse.message} ${verdict.reason}` }
    return { ok: true, sysId: String(incident.getUniqueValue()) }
}

/** The URL of the prefilled request form for `kind` (local admin by default), or an error message. */
export function emergencyRequestUrl(
    task: any,
    kind: TargetKind = 'device_local_admin',
): { ok: true; url: string } | { ok: false; message: string } {
    const incident = emergencyIncident(task)
    if (!incident.ok) return incident
    const name = catalogItemNameFor(kind)
    if (!name) {
        return {
            ok: false,
            message: `There is no catalog item for ${kind} access; request it through the proposal API with emergency set.`,
        }
    }
    const item = new GlideRecord('sc_cat_item')
    item.addQuery('name', name)
    item.addQuery('active', 'true')
    item.setLimit(1)
    item.query()
    if (!item.next()) return { ok: false, message: `The catalog item "${name}" is not available.` }
    const itemSysId = String(item.getUniqueValue())
    // Only sys_ids go into the URL (nothing from record text), and the JSON is URL-encoded as a whole.
    if (!isSysId(itemSysId) || !isSysId(incident.sysId))
        return { ok: false, message: 'The incident or the catalog item has no valid sys_id.' }
    const prefill: Record<string, string> = {}
    prefill[CATALOG_VARIABLE.incident] = incident.sysId
    // The console item has no emergency box (always an emergency).
    if (kind !== 'console') prefill[CATALOG_VARIABLE.emergency] = 'true'
    const url = `sp?id=sc_cat_item&sys_id=${itemSysId}&sysparm_variable_values=${encodeURIComponent(JSON.stringify(prefill))}`
    return { ok: true, url }
}

function redirect(current: any, kind: TargetKind): void {
    const result = emergencyRequestUrl(current, kind)
    if (!result.ok) {
        gs.addErrorMessage(result.message)
        return
    }
    gs.setRedirect(result.url)
}

/** UI action script on the incident and incident task forms: emergency local admin. */
export function requestBreakGlassFromIncident(current: any): void {
    redirect(current, 'device_local_admin')
}

/** UI action script on the incident and incident task forms: emergency Entra role. */
export function requestEntraRoleFromIncident(current: any): void {
    redirect(current, 'entra_role')
}

/** UI action script on the incident and incident task forms: emergency Entra group membership. */
export function requestEntraGroupFromIncident(current: any): void {
    redirect(current, 'entra_group')
}

/** UI action script on the incident and incident task forms: emergency console action (browser-only console). */
export function requestConsoleFromIncident(current: any): void {
    redirect(current, 'console')
}
