/**
 * Rules a provider itself enforces, applied by the app on submit and re-checked by the executor's gate, so that a
 * request the provider would refuse is refused here, with a reason a person reads, and never reaches the
 * provider:
 * - duration bounds: BeyondTrust EPM's JIT Admin sessions last 5 minutes to 24 hours (the endpoint app offers
 *   exactly that range and the approver sets the duration; `shared/contracts/beyondtrust-epm.md`, "JIT session
 *   lifecycle and limits" 2–3);
 * - open-request scope: EPM allows one open request per user (any computer), not one per user and target
 *   (same section, 2). Our own duplicate rule is per user and target; for `epm` it widens to per user;
 * - the emergency console's packet (docs/console.md): an expiry that is one of the console form's choices, a tenant
 *   id and name, the customer administrator, and a privilege scope from the privileges the provider may request
 *   (never `global_admin`). The console provider halts on a plan without them (`consolePacket`); the app refuses
 *   such a request on submit instead, with the reason on the ticket.
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */
import { DURATION_BOUNDS, type ProviderName } from './schema'
import type { DecisionReason, RequestTarget } from './policy-types'

/** Which open requests block a new one. */
export type OpenRequestScope = 'user_and_target' | 'user'

/** What a provider enforces on its own. */
export interface ProviderLimits {
    /** Shortest duration (minutes) the provider accepts. */
    minDurationMinutes: number
    /** Longest duration (minutes) the provider accepts. */
    maxDurationMinutes: number
    /** Open requests that block a new one for this provider. */
    openRequestScope: OpenRequestScope
    /** The only durations the provider accepts (its form's choices); absent: any within the bounds. */
    durationChoices?: readonly number[]
}

/** Expiry choices of the emergency console's form (minutes): a console plan's duration is one of them exactly. */
export const CONSOLE_EXPIRY_CHOICES: readonly number[] = [15, 30, 60, 120, 240]
/** Privileges the console provider may request, in the console's own names. `global_admin` is never requested. */
export const CONSOLE_REQUESTABLE_PRIVILEGES: readonly string[] = [
    'user_admin',
    'helpdesk_admin',
    'billing_admin',
    'security_admin',
]

/** Reason codes of {@link providerLimitReasons}. */
export const PROVIDER_LIMIT_REASON = {
    durationBelowProviderMinimum: 'DURATION_BELOW_PROVIDER_MINIMUM',
    durationAboveProviderMaximum: 'DURATION_ABOVE_PROVIDER_MAXIMUM',
    openRequestForUser: 'OPEN_REQUEST_FOR_USER',
    durationNotAProviderChoice: 'DURATION_NOT_A_PROVIDER_CHOICE',
    consolePacketInvalid: 'CONSOLE_PACKET_INVALID',
} as const

/** The limits of `provider` (the hard bounds and per-target duplicates for providers that add nothing). */
export function providerLimits(provider: ProviderName): ProviderLimits {
    if (provider === 'epm') return { minDurationMinutes: 5, maxDurationMinutes: 24 * 60, openRequestScope: 'user' }
    if (provider === 'console') {
        return {
            minDurationMinutes: CONSOLE_EXPIRY_CHOICES[0]!,
            maxDurationMinutes: CONSOLE_EXPIRY_CHOICES[CONSOLE_EXPIRY_CHOICES.length - 1]!,
            openRequestScope: 'user_and_target',
            durationChoices: CONSOLE_EXPIRY_CHOICES,
        }
    }
    return {
        minDurationMinutes: DURATION_BOUNDS.min,
        maxDurationMinutes: DURATION_BOUNDS.max,
        openRequestScope: 'user_and_target',
    }
}

/** Reasons the provider would refuse `durationMinutes` ([] when it accepts it). */
export function providerDurationReasons(provider: ProviderName, durationMinutes: number): DecisionReason[] {
    const limits = providerLimits(provider)
    if (!Number.isInteger(durationMinutes) || durationMinutes < limits.minDurationMinutes) {
        return [
            {
                code: PROVIDER_LIMIT_REASON.durationBelowProviderMinimum,
                message: `Provider ${provider} grants at least ${limits.minDurationMinutes} minutes; ${durationMinutes} was asked.`,
            },
        ]
    }
    if (durationMinutes > limits.maxDurationMinutes) {
        return [
            {
                code: PROVIDER_LIMIT_REASON.durationAboveProviderMaximum,
                message: `Provider ${provider} grants at most ${limits.maxDurationMinutes} minutes; ${durationMinutes} was asked.`,
            },
        ]
    }
    const choices = limits.durationChoices
    if (choices && choices.indexOf(durationMinutes) < 0) {
        return [
            {
                code: PROVIDER_LIMIT_REASON.durationNotAProviderChoice,
                message: `Provider ${provider} grants exactly ${choices.join(', ')} minutes; ${durationMinutes} was asked (the policy's or an approver's limit may have lowered it).`,
            },
        ]
    }
    return []
}

/** A console tenant id: letters, digits, `.`, `_`, `-` (e.g. TNT-40213). */
const CONSOLE_TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
/** The customer administrator to restore: an account name or e-mail address. */
const CONSOLE_ACCOUNT = /^[A-Za-z0-9._@\\-]{1,255}$/

/**
 * What is wrong with the console packet of a request for the `console` provider ([] when it is complete and
 * requestable): one reason naming every problem, in words the requester can act on.
 */
export function consoleTargetReasons(target: RequestTarget): DecisionReason[] {
    const problems: string[] = []
    const tenantId = target.tenantId || ''
    const tenantName = target.tenantName || ''
    const account = target.account || ''
    if (!CONSOLE_TENANT_ID.test(tenantId))
        problems.push('the customer tenant id is missing or not an id (letters, digits, . _ -)')
    if (tenantName.trim() === '' || tenantName.length > 100 || /[\u0000-\u001f]/.test(tenantName))
        problems.push('the customer tenant name is missing or not a name (at most 100 characters)')
    if (!CONSOLE_ACCOUNT.test(account)) problems.push('the customer administrator account is missing or not an account name')
    const scope = (target.scope || '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    if (scope.length === 0) problems.push('no privilege is selected')
    for (const s of scope) {
        if (CONSOLE_REQUESTABLE_PRIVILEGES.indexOf(s) < 0)
            problems.push(`privilege "${s}" cannot be requested (only ${CONSOLE_REQUESTABLE_PRIVILEGES.join(', ')})`)
    }
    if (problems.length === 0) return []
    // One reason with every problem (reasons are de-duplicated by code when merged).
    return [{ code: PROVIDER_LIMIT_REASON.consolePacketInvalid, message: `Emergency console request: ${problems.join('; ')}.` }]
}

/**
 * The refusal for a second open request of a user when the provider allows one per user (any target).
 * `existing` names the open grant (number and state).
 */
export function openRequestForUserReason(
    provider: ProviderName,
    existingNumber: string,
    existingState: string,
): DecisionReason {
    return {
        code: PROVIDER_LIMIT_REASON.openRequestForUser,
        message:
            `Provider ${provider} allows one open request per user, and this user already has ${existingNumber} ` +
            `(${existingState}) on another target. Wait until it ends, or have it revoked or cancelled first.`,
    }
}
