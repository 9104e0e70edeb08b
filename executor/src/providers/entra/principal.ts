/**
 * Principal resolution: the plan's ServiceNow user (email / UPN) → exactly one Entra user object id.
 * Zero or several matches are fatal: granting admin rights to a guessed account is worse than not granting.
 */
import type { User } from '@microsoft/microsoft-graph-types'
import type { PlanPrincipal } from '@gbg/shared'
import type { AuditedCall } from '../types'
import { ProviderError } from '../types'
import { odataString, type GraphClient } from './graph-client'

/** An Entra user as the providers need it. */
export interface ResolvedPrincipal {
    id: string
    userPrincipalName: string
    displayName: string
}

/** Strict shape for the lookup value: it goes into an OData literal (quotes are escaped, the rest refused). */
const LOOKUP_VALUE = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/

/** Resolve the plan principal by `userPrincipalName` or `mail` (config). */
export async function resolvePrincipal(
    graph: GraphClient,
    principal: PlanPrincipal,
    lookup: 'userPrincipalName' | 'mail',
    calls: AuditedCall[],
    signal?: AbortSignal,
): Promise<ResolvedPrincipal> {
    const value = principal.email.trim()
    if (!LOOKUP_VALUE.test(value) || value.length > 254) {
        throw new ProviderError(
            'fatal',
            `cannot resolve ${principal.userName}: "${value}" is not a valid ${lookup}`,
            'principal_invalid',
        )
    }
    const users = await graph.list<User>(
        {
            path: '/users',
            query: { $filter: `${lookup} eq ${odataString(value)}`, $select: 'id,userPrincipalName,mail,displayName' },
            signal,
        },
        calls,
    )
    if (users.length === 0) {
        throw new ProviderError(
            'fatal',
            `no Entra user has ${lookup} ${value} (ServiceNow user ${principal.userName})`,
            'principal_not_found',
        )
    }
    if (users.length > 1) {
        throw new ProviderError(
            'fatal',
            `${users.length} Entra users have ${lookup} ${value} (ServiceNow user ${principal.userName}): refusing to guess`,
            'principal_not_unique',
            undefined,
            { matches: users.map((u) => u.id) },
        )
    }
    const u = users[0] as User
    if (!u.id) throw new ProviderError('fatal', `Entra user for ${value} has no id`, 'principal_invalid')
    return { id: u.id, userPrincipalName: u.userPrincipalName ?? value, displayName: u.displayName ?? '' }
}
