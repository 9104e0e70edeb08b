/**
 * Failure routing (seed 000: "If the grant call fails: update the ticket with the error and route to the right
 * resolver group"). A grant that ends `grant_failed` (the provider refused it, the recheck gate refused it, or its
 * attempts ran out) has its RITM assigned to the resolver group named by `x_gbg_breakglass.resolver_group`, with the
 * reason as a work note that says exactly where it went. Unset or naming no group: Security Operations
 * (`x_gbg_breakglass.secops_group`), and the note says the resolver group is not configured. The RITM itself still
 * closes as the grant's state says (Closed Incomplete: nothing was granted); the assignment puts it in the group's
 * queue of recently closed work and the note is the hand-over.
 */
import { GlideRecord } from '@servicenow/glide'
import { str, sysIdProperty } from './glide-io'
import { APP_TASK_FIELDS } from './shared/platform'
import { GRANT_FIELDS, PLATFORM_TABLE, PROPERTY, isSysId } from './shared/schema'

/** Where a failed grant goes: the group's sys_id and name, and why that group ('' when none is configured). */
export interface FailureRoute {
    groupSysId: string
    groupName: string
    /** 'resolver' (the configured resolver group), 'secops' (its fallback), or '' (neither configured). */
    via: 'resolver' | 'secops' | ''
}

/** The group a failed grant is routed to (doctor and the properties page show the same property). */
export function failureRoute(): FailureRoute {
    const resolver = existingGroup(sysIdProperty(PROPERTY.resolverGroup))
    if (resolver) return { ...resolver, via: 'resolver' }
    const secops = existingGroup(sysIdProperty(PROPERTY.secopsGroup))
    if (secops) return { ...secops, via: 'secops' }
    return { groupSysId: '', groupName: '', via: '' }
}

function existingGroup(sysId: string): { groupSysId: string; groupName: string } | null {
    if (!isSysId(sysId)) return null
    const group = new GlideRecord(PLATFORM_TABLE.group)
    if (!group.get(sysId)) return null
    return { groupSysId: sysId, groupName: str(group, 'name') || sysId }
}

/** Assign the failed grant's RITM to the failure route's group with the reason; returns the route taken. */
export function routeFailedGrant(grant: any): FailureRoute {
    const route = failureRoute()
    const ritmSysId = str(grant, GRANT_FIELDS.ritm)
    if (!isSysId(ritmSysId)) return route
    const ritm = new GlideRecord(PLATFORM_TABLE.ritm)
    if (!ritm.get(ritmSysId)) return route
    const number = str(grant, GRANT_FIELDS.number)
    const reason = str(grant, GRANT_FIELDS.lastError) || '(no reason recorded)'
    let where: string
    if (route.via === 'resolver') where = `Assigned to the resolver group ${route.groupName} for follow-up.`
    else if (route.via === 'secops')
        where =
            `Assigned to Security Operations (${route.groupName}): no resolver group is configured ` +
            `(property ${PROPERTY.resolverGroup}).`
    else
        where =
            `NOT assigned to any group: neither ${PROPERTY.resolverGroup} nor ${PROPERTY.secopsGroup} names an ` +
            'existing group. An administrator must set one.'
    if (route.groupSysId) ritm.setValue(APP_TASK_FIELDS.assignmentGroup, route.groupSysId)
    ritm.setValue('work_notes', `Break-glass grant ${number} failed: ${reason}\n${where}`)
    ritm.update()
    return route
}
