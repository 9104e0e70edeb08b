/**
 * Rules a provider itself enforces, applied by the app on submit and re-checked by the executor's gate, so that a
 * request the provider would refuse is refused here, with a reason a person reads, and never reaches the
 * provider:
 * - duration bounds: BeyondTrust EPM's JIT Admin sessions last 5 minutes to 24 hours (the endpoint app offers
 *   exactly that range and the approver sets the duration; `shared/contracts/beyondtrust-epm.md`, "JIT session
 *   lifecycle and limits" 2–3);
 * - open-request scope: EPM allows one open request per user (any computer), not one per user and target
 *   (same section, 2). Our own duplicate rule is per user and target; for `epm` it widens to per user.
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */
import { DURATION_BOUNDS, type ProviderName } from './schema'
import type { DecisionReason } from './policy-types'

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
}

/** Reason codes of {@link providerLimitReasons}. */
export const PROVIDER_LIMIT_REASON = {
    durationBelowProviderMinimum: 'DURATION_BELOW_PROVIDER_MINIMUM',
    durationAboveProviderMaximum: 'DURATION_ABOVE_PROVIDER_MAXIMUM',
    openRequestForUser: 'OPEN_REQUEST_FOR_USER',
} as const

/**
 * The emergency console's expiry choices in minutes (issue 14; its restoration form offers exactly these). The console
 * provider sets the longest choice not beyond the minutes it may grant (approved, capped by a change window), so a
 * console request lasts 15 minutes to 4 hours.
 */
export const CONSOLE_EXPIRY_CHOICES: readonly number[] = [15, 30, 60, 120, 240]

/** The limits of `provider` (the hard bounds and per-target duplicates for providers that add nothing). */
export function providerLimits(provider: ProviderName): ProviderLimits {
    if (provider === 'epm') return { minDurationMinutes: 5, maxDurationMinutes: 24 * 60, openRequestScope: 'user' }
    if (provider === 'console') {
        return {
            minDurationMinutes: CONSOLE_EXPIRY_CHOICES[0]!,
            maxDurationMinutes: CONSOLE_EXPIRY_CHOICES[CONSOLE_EXPIRY_CHOICES.length - 1]!,
            openRequestScope: 'user_and_target',
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
    return []
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
