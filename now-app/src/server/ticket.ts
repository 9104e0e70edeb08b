/**
 * What the person who asked sees: work notes (agents, approvers) and customer-visible comments on the RITM or,
 * for requests that did not come through the catalog, on the incident they reference.
 */
import { addJournal, str } from './glide-io'
import { GRANT_FIELDS, PLATFORM_TABLE } from './shared/schema'

/** The task that carries the conversation for a grant: its RITM, else its incident; null when neither. */
export function ticketOf(grant: any): { table: string; sysId: string } | null {
    const ritm = str(grant, GRANT_FIELDS.ritm)
    if (ritm) return { table: PLATFORM_TABLE.ritm, sysId: ritm }
    const incident = str(grant, GRANT_FIELDS.incident)
    if (incident) return { table: PLATFORM_TABLE.incident, sysId: incident }
    return null
}

/** A work note on the grant's ticket. */
export function workNote(grant: any, text: string): void {
    const ticket = ticketOf(grant)
    if (ticket) addJournal(ticket.table, ticket.sysId, 'work_notes', text)
}

/** A customer-visible comment on the grant's ticket (the requester reads it). */
export function customerComment(grant: any, text: string): void {
    const ticket = ticketOf(grant)
    if (ticket) addJournal(ticket.table, ticket.sysId, 'comments', text)
}
