/**
 * Metrics: own registry, typed methods, Prometheus exposition.
 */
import { describe, expect, it } from 'vitest'
import { register as globalRegistry } from 'prom-client'
import { createMetrics } from '../src/metrics'

describe('Metrics', () => {
    it('exposes every executor metric with its labels', async () => {
        // setup
        const metrics = createMetrics({ defaultMetrics: false })
        // execution
        metrics.recordAction('grant', 'done')
        metrics.recordAction('revoke', 'retry')
        metrics.recordAction('revoke', 'retry')
        metrics.observeProviderCall('webhook', 'grant', 'ok', 0.12)
        metrics.observeServiceNowCall('claimAction', 'ok', 0.03)
        metrics.setActiveGrants(3)
        metrics.setOverdueRevokes(1)
        metrics.setWriteBackBacklog(7)
        metrics.countWriteBackBoundExceeded()
        metrics.countLeaseLost()
        metrics.countIncident(1)
        const text = await metrics.render()
        // validation
        expect(text).toContain('gbg_actions_total{type="grant",outcome="done"} 1')
        expect(text).toContain('gbg_actions_total{type="revoke",outcome="retry"} 2')
        expect(text).toContain(
            'gbg_provider_call_duration_seconds_bucket{le="0.25",provider="webhook",operation="grant",outcome="ok"} 1',
        )
        expect(text).toContain('gbg_servicenow_call_duration_seconds_count{operation="claimAction",outcome="ok"} 1')
        expect(text).toContain('gbg_active_grants 3')
        expect(text).toContain('gbg_overdue_revokes 1')
        expect(text).toContain('gbg_writeback_backlog 7')
        expect(text).toContain('gbg_writeback_bound_exceeded_total 1')
        expect(text).toContain('gbg_lease_lost_total 1')
        expect(text).toContain('gbg_incidents_raised_total{priority="1"} 1')
        expect(metrics.contentType).toMatch(/^text\/plain/)
    })

    it('keeps registries apart and never touches the global one', async () => {
        // setup
        const a = createMetrics({ defaultMetrics: false })
        const b = createMetrics({ defaultMetrics: false })
        // execution
        a.countLeaseLost()
        // validation
        expect(await b.render()).toContain('gbg_lease_lost_total 0')
        expect(await globalRegistry.metrics()).not.toContain('gbg_lease_lost_total')
    })

    it('collects default process metrics with the prefix and constant labels when asked', async () => {
        const metrics = createMetrics({ labels: { instance: 'exec-1' } })
        const text = await metrics.render()
        expect(text).toMatch(/gbg_process_cpu_user_seconds_total\{instance="exec-1"\}/)
    })
})
