/**
 * Shared helpers of the red-team suite (test/red-team): every attack ends with the same three checks — the
 * systems that grant access were never called, the refusal reason is where a person sees it (grant / RITM), and
 * the audit trail recorded it. Each attack file builds its own world (app modules on the Glide fake, or the
 * emulators + the executor in process on a virtual clock) and uses these to judge the outcome.
 *
 * Test code only.
 */
import { expect } from 'vitest'
import { AUDIT_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import type { EmulatorStore } from '../emulators/servicenow/types'
import type { WebhookEmulator } from '../emulators/webhook'
import type { GraphEmulator } from '../emulators/graph'

/** Calls that could change access at a provider: webhook POST/DELETE /grants, Graph writes (anything not GET). */
export function providerWrites(providers: { webhook?: WebhookEmulator; graph?: GraphEmulator }): number {
    let n = 0
    if (providers.webhook) {
        n += providers.webhook.callCount('POST', '/grants') + providers.webhook.callCount('DELETE', '/grants')
    }
    if (providers.graph) {
        n += providers.graph.requests.filter((r) => r.method !== 'GET' && !/\/oauth2\//.test(r.path)).length
    }
    return n
}

/** The grant's audit events, in sequence order: `{ eventType, actor, payload }`. */
export function auditEvents(
    store: EmulatorStore,
    grantSysId: string,
): { eventType: string; actor: string; payload: Record<string, unknown> }[] {
    return store
        .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grantSysId)
        .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
        .map((e) => ({
            eventType: e[AUDIT_FIELDS.eventType] ?? '',
            actor: e[AUDIT_FIELDS.actor] ?? '',
            payload: JSON.parse(e[AUDIT_FIELDS.payload] || '{}') as Record<string, unknown>,
        }))
}

/** Every journal entry (work notes and comments) of the grant's RITM, joined. */
export function ritmText(store: EmulatorStore, ritmSysId: string): string {
    return store
        .journal(PLATFORM_TABLE.ritm, ritmSysId)
        .map((j) => j.value)
        .join('\n')
}

/**
 * The attack was refused: no provider write, the grant is not active, `reason` is on the grant's last_error (and
 * on the RITM when `ritmSysId` is given), and an audit event of one of `eventTypes` mentions it.
 */
export function expectRefused(options: {
    store: EmulatorStore
    grantSysId: string
    ritmSysId?: string
    reason: RegExp
    eventTypes: string[]
    providers: { webhook?: WebhookEmulator; graph?: GraphEmulator }
}): void {
    const { store, grantSysId, reason } = options
    expect(providerWrites(options.providers), 'provider calls').toBe(0)
    const grant = store.get(TABLE.grant, grantSysId)!
    expect(grant[GRANT_FIELDS.state], 'grant state').not.toBe('active')
    expect(grant[GRANT_FIELDS.lastError], 'reason on the grant').toMatch(reason)
    if (options.ritmSysId) expect(ritmText(store, options.ritmSysId), 'reason on the RITM').toMatch(reason)
    const events = auditEvents(store, grantSysId).filter((e) => options.eventTypes.includes(e.eventType))
    expect(
        events.some((e) => reason.test(JSON.stringify(e.payload))),
        `an audit event (${options.eventTypes.join(' | ')}) records the refusal`,
    ).toBe(true)
}
