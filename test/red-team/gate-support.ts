/**
 * Helpers of the red-team gate suite (gate.test.ts): a stored plan rewritten the way an attacker with write access
 * to the grant record would (plan JSON and its unkeyed SHA-256 together, so the digest check alone passes), and
 * the check that the executor's recheck gate refused a grant without touching a provider.
 *
 * Test code only.
 */
import { expect } from 'vitest'
import { GRANT_FIELDS, TABLE, canonicalJson, planDigest, type ExecutionPlan } from '@gbg/shared'
import { appendChainedEvent } from '../e2e/support/grants'
import type { EmulatorStore } from '../emulators/servicenow/types'
import { auditEvents, ritmText } from './support'

/** Rewrite the grant's stored plan with `change` and store the matching digest (what a tamperer does). */
export function rewritePlan(
    store: EmulatorStore,
    grantSysId: string,
    change: (plan: ExecutionPlan) => void,
): ExecutionPlan {
    const plan = JSON.parse(store.get(TABLE.grant, grantSysId)![GRANT_FIELDS.plan]!) as ExecutionPlan
    change(plan)
    store.update(TABLE.grant, grantSysId, {
        [GRANT_FIELDS.plan]: canonicalJson(plan),
        [GRANT_FIELDS.planDigest]: planDigest(plan),
    })
    return plan
}

/**
 * The recheck gate refused: `providerCallsSince()` is 0, the grant did not become active and carries `reason`
 * (grant last_error), the RITM has it in a work note, and a `recheck_refused` audit event records it.
 */
export function expectGateRefused(options: {
    store: EmulatorStore
    grantSysId: string
    ritmSysId: string
    reason: RegExp
    providerCallsSince: () => number
}): void {
    const { store, grantSysId, ritmSysId, reason } = options
    expect(options.providerCallsSince(), 'provider calls').toBe(0)
    const grant = store.get(TABLE.grant, grantSysId)!
    expect(grant[GRANT_FIELDS.state], 'grant state').toBe('grant_failed')
    expect(grant[GRANT_FIELDS.lastError], 'reason on the grant').toMatch(reason)
    expect(ritmText(store, ritmSysId), 'reason on the RITM').toMatch(reason)
    const refused = auditEvents(store, grantSysId).filter((e) => e.eventType === 'recheck_refused')
    expect(
        refused.some((e) => reason.test(JSON.stringify(e.payload))),
        'a recheck_refused audit event records the refusal',
    ).toBe(true)
}

/**
 * An audit event forged straight into the store, linked to the grant's last event with the public (unkeyed) chain
 * hash: what someone with write access to the audit table can produce.
 */
export const appendForgedEvent = appendChainedEvent
