/**
 * The bench's latency model (issue 18's "50 ms emulated latency on ServiceNow and the provider"), in one place.
 *
 * - `latency`: the network round trip of one HTTP call, client ↔ instance (or provider). Applied once per call:
 *   to a direct Table API call and to a Batch API call as a whole — a batch's sub-requests travel inside that
 *   one call, so they add no round trip of their own.
 * - `serverMs`: the instance's own processing time per request, applied to every request INCLUDING each
 *   sub-request of a batch. The Batch API runs its sub-requests one after the other on the instance (contract
 *   note servicenow-rest.md "Batch API"), so a batch of n costs n × serverMs there.
 *
 * Until 2026-12-03 the bench applied `latency` to every sub-request too, i.e. it charged a full network round
 * trip for each request inside a batch (`--server-ms 50 --latency 0` reproduces that model). Both models are
 * printed by the throughput round so the figures stay comparable (docs/performance.md).
 */
import type { ServiceNowEmulator } from '../emulators/servicenow'

export interface LatencyModel {
    /** ms of network round trip per HTTP call (ServiceNow and the provider). */
    latency: number
    /** ms of instance processing per ServiceNow request, batch sub-requests included. */
    serverMs: number
}

/** Installs the model on fresh emulators (faults are latency-only: they change no outcome). */
export function applyLatency(
    sn: Pick<ServiceNowEmulator, 'faults'>,
    webhook: { faults: { add(rule: { latencyMs: number; times: number }): unknown } },
    model: LatencyModel,
): void {
    if (model.latency > 0) {
        sn.faults.add({ latencyMs: model.latency, scope: 'direct' })
        webhook.faults.add({ latencyMs: model.latency, times: Number.MAX_SAFE_INTEGER })
    }
    if (model.serverMs > 0) sn.faults.add({ latencyMs: model.serverMs, scope: 'any' })
}
