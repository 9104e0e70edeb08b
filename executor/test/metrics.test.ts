/**
 * Metrics: own registry, typed methods, Prometheus exposition, standard default-metric names, build info, the
 * health gauges read at scrape time.
 */
import { describe, expect, it } from 'vitest'
import { register as globalRegistry } from 'prom-client'
import { METRIC_NAMES, createMetrics } from '../src/metrics'

describe('Metrics', () => {
    it('exposes every executor metric with its labels', async () => {
        // setup
        const metrics = createMetrics({ defaultMetrics: false })
        // execution
        metrics.recordAction('grant', 'done')
        metrics.recordAction('revoke', 'retry')
        metrics.recordAction('revoke', 'retry')
        metrics.observeProviderCall('webhook', 'grant', 'ok', 0.12)
        metrics.observeServiceNowCall('PATCH', 'x_gbg_breakglass_action', 'lost_claim', 0.03)
        metrics.countTeamsSend('granted', 'ok')
        metrics.countTeamsSend('warning', 'retryable')
        metrics.setActiveGrants(3)
        metrics.setOverdueRevokes(1)
        metrics.setWriteBackBacklog(7)
        metrics.setDriftHolders(2)
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
        expect(text).toContain(
            'gbg_servicenow_call_duration_seconds_count{method="PATCH",table="x_gbg_breakglass_action",outcome="lost_claim"} 1',
        )
        expect(text).toContain('gbg_teams_notifications_total{kind="granted",outcome="ok"} 1')
        expect(text).toContain('gbg_teams_notifications_total{kind="warning",outcome="retryable"} 1')
        expect(text).toContain('gbg_active_grants 3')
        expect(text).toContain('gbg_overdue_revokes 1')
        expect(text).toContain('gbg_writeback_backlog 7')
        expect(text).toContain('gbg_drift_holders 2')
        expect(text).toContain('gbg_writeback_bound_exceeded_total 1')
        expect(text).toContain('gbg_lease_lost_total 1')
        expect(text).toContain('gbg_incidents_raised_total{priority="1"} 1')
        expect(metrics.contentType).toMatch(/^text\/plain/)
    })

    it('starts the counters alerts watch at zero, so increase() sees their first event', async () => {
        const text = await createMetrics({ defaultMetrics: false }).render()
        expect(text).toContain('gbg_incidents_raised_total{priority="1"} 0')
        expect(text).toContain('gbg_incidents_raised_total{priority="2"} 0')
        for (const type of ['grant', 'revoke', 'verify'])
            expect(text).toContain(`gbg_actions_total{type="${type}",outcome="dead"} 0`)
        expect(text).toContain('gbg_writeback_bound_exceeded_total 0')
    })

    it('reports the build as gbg_build_info{version,commit} 1', async () => {
        const metrics = createMetrics({
            defaultMetrics: false,
            build: { version: '1.2.3', commit: 'abcdef0', builtAt: '2026-12-02T15:00:00Z' },
        })
        expect(await metrics.render()).toContain('gbg_build_info{version="1.2.3",commit="abcdef0"} 1')
    })

    it('lists in METRIC_NAMES exactly the gbg_ metrics it exports', async () => {
        const metrics = createMetrics({ defaultMetrics: false })
        metrics.reportHealth(
            () => ({ worker: true }),
            async () => ({ servicenow: true }),
        )
        const text = await metrics.render()
        const exported = [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]).sort()
        expect(exported).toEqual([...METRIC_NAMES].sort())
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

    it('collects the default process metrics under their standard names (no prefix) with constant labels', async () => {
        const metrics = createMetrics({ labels: { instance: 'exec-1' } })
        const text = await metrics.render()
        expect(text).toMatch(/^process_cpu_user_seconds_total\{instance="exec-1"\} /m)
        expect(text).toMatch(/^process_resident_memory_bytes\{instance="exec-1"\} /m)
        expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{instance="exec-1"\} /m)
        expect(text).not.toMatch(/gbg_process_|gbg_nodejs_/)
    })

    it('reads liveness and readiness checks at scrape time into gbg_live and gbg_ready', async () => {
        // setup
        const metrics = createMetrics({ defaultMetrics: false })
        let serviceNow = true
        metrics.reportHealth(
            () => ({ worker: true, journal: true }),
            async () => ({ journal: true, servicenow: serviceNow, 'provider:webhook': true }),
        )
        // execution
        const before = await metrics.render()
        serviceNow = false
        const after = await metrics.render()
        // validation
        expect(before).toContain('gbg_live{check="worker"} 1')
        expect(before).toContain('gbg_ready{check="servicenow"} 1')
        expect(after).toContain('gbg_ready{check="servicenow"} 0')
        expect(after).toContain('gbg_ready{check="provider:webhook"} 1')
    })
})
