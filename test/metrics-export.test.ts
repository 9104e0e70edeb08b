/**
 * The shipped operator tools name only metrics a running executor really exports: the real executor (in process,
 * virtual time) runs a sandbox lifecycle — a 1-minute webhook grant granted, written back, announced on Teams,
 * revoked at expiry and verified — and its /metrics is scraped; every metric named by the Prometheus alert rules
 * (deploy/prometheus/gbg-alerts.yml), the Grafana dashboard (deploy/grafana/gbg-executor.json), the README and
 * docs/operations.md must be in that scrape. The rules are also checked for shape (YAML, expr / for / labels /
 * annotations, a runbook pointer to a README heading that exists) and every expression of the rules and the
 * dashboard must parse (test/support/promql.ts, the subset they are written in).
 *
 * `up` is the one name allowed without an exporter: Prometheus synthesises it for every scrape target.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import axios from 'axios'
import yaml from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { startSandbox, type Sandbox } from './sandbox/sandbox'
import { REPO_ROOT } from './support/executor-process'
import { startInProcessExecutor, type InProcessExecutor } from './support/executor-in-process'
import { evaluate, metricNames, parseExposition, parsePromQL, type Scrape } from './support/promql'
import { VirtualClock } from './support/virtual-clock'
import { runFor } from './support/virtual-time'

/** Synthesised by Prometheus itself for every target, never exported. */
const PROMETHEUS_SYNTHETIC = new Set(['up'])
const METRIC_TOKEN = /\b((?:gbg|process|nodejs)_[a-z0-9_]*[a-z0-9])\b/g

const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
let sandbox: Sandbox
let executor: InProcessExecutor
const scrapes: Scrape[] = []
let exported: Set<string>

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8')

async function scrape(): Promise<string> {
    const { host, port } = executor.service.address
    const res = await axios.get<string>(`http://${host}:${port}/metrics`, { responseType: 'text' })
    expect(res.status).toBe(200)
    scrapes.push({ atMs: clock.nowMs(), samples: parseExposition(res.data) })
    return res.data
}

/** GitHub's anchor of a Markdown heading. */
function slug(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-')
}

function anchors(markdown: string): Set<string> {
    return new Set([...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)))
}

beforeAll(async () => {
    // The app's own modules take the request through policy and approval and serve the executor's API.
    sandbox = await startSandbox({ provider: 'webhook', durationMinutes: 1, via: 'app', clock })
    executor = await startInProcessExecutor({ ...sandbox.env, GBG_LOG_LEVEL: 'warn' }, clock)
    const grant = sandbox.seeded.grant.sysId
    const state = () => sandbox.sn.store.get(TABLE.grant, grant)?.[GRANT_FIELDS.state]
    // Scraped every 15 s of virtual time, as Prometheus would, until the grant is revoked and announced.
    await scrape()
    for (let i = 0; i < 24 && !(state() === 'revoked' && sandbox.teams.messages.length >= 2); i++) {
        await runFor(clock, 15_000)
        await scrape()
    }
    expect(state()).toBe('revoked')
    await runFor(clock, 30_000)
    const text = await scrape()
    exported = new Set([
        ...scrapes.flatMap((s) => s.samples.map((x) => x.name)),
        ...[...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!),
    ])
}, 120_000)

afterAll(async () => {
    await executor?.stop()
    await sandbox?.close()
})

describe('what a running executor exports', () => {
    it('exports the ServiceNow, provider and Teams call metrics it observed in the lifecycle, and its build', () => {
        const last = scrapes[scrapes.length - 1]!.samples
        const has = (name: string, labels: Record<string, string>) =>
            last.some(
                (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) && s.value > 0,
            )
        expect(
            has('gbg_servicenow_call_duration_seconds_count', { method: 'GET', table: TABLE.action, outcome: 'ok' }),
        ).toBe(true)
        expect(
            has('gbg_servicenow_call_duration_seconds_count', { method: 'PATCH', table: TABLE.grant, outcome: 'ok' }),
        ).toBe(true)
        expect(
            has('gbg_provider_call_duration_seconds_count', { provider: 'webhook', operation: 'grant', outcome: 'ok' }),
        ).toBe(true)
        expect(
            has('gbg_provider_call_duration_seconds_count', {
                provider: 'webhook',
                operation: 'revoke',
                outcome: 'ok',
            }),
        ).toBe(true)
        expect(has('gbg_teams_notifications_total', { kind: 'granted', outcome: 'ok' })).toBe(true)
        expect(has('gbg_actions_total', { type: 'grant', outcome: 'done' })).toBe(true)
        expect(has('gbg_build_info', {})).toBe(true)
        expect(has('gbg_ready', { check: 'servicenow' })).toBe(true)
        expect(has('process_cpu_seconds_total', {})).toBe(true)
    })
})

describe('alert rules (deploy/prometheus/gbg-alerts.yml)', () => {
    const doc = yaml.load(read('deploy/prometheus/gbg-alerts.yml')) as {
        groups: Array<{ name: string; rules: Array<Record<string, unknown>> }>
    }
    const rules = doc.groups.flatMap((g) => g.rules)
    const readmeAnchors = anchors(read('README.md'))

    it('is valid YAML with at least the alerts the README lists', () => {
        expect(doc.groups.length).toBeGreaterThan(0)
        const names = rules.map((r) => r['alert'])
        for (const alert of [
            'GbgRevokeOverdue',
            'GbgActionDead',
            'GbgWriteBackBoundExceeded',
            'GbgIncidentRaised',
            'GbgDriftHolders',
            'GbgExecutorNotReady',
        ])
            expect(names).toContain(alert)
        expect(new Set(names).size).toBe(names.length)
    })

    it.each(rules.map((r) => [String(r['alert']), r] as const))(
        '%s has expr, for, labels, annotations and a runbook anchor that exists',
        (_, rule) => {
            expect(typeof rule['expr']).toBe('string')
            expect(String(rule['for'])).toMatch(/^\d+[smh]$/)
            const labels = rule['labels'] as Record<string, string>
            expect(['critical', 'warning', 'info']).toContain(labels.severity)
            const annotations = rule['annotations'] as Record<string, string>
            expect(annotations.summary).toBeTruthy()
            expect(annotations.description).toBeTruthy()
            const runbook = /^README\.md#([a-z0-9_-]+)$/.exec(annotations.runbook_url ?? '')
            expect(runbook, `runbook_url of ${String(rule['alert'])}`).not.toBeNull()
            expect(readmeAnchors.has(runbook![1]!), `README anchor #${runbook![1]}`).toBe(true)
        },
    )

    it('every expression parses and names only exported metrics', () => {
        for (const rule of rules) {
            const ast = parsePromQL(String(rule['expr']))
            for (const name of metricNames(ast)) {
                if (PROMETHEUS_SYNTHETIC.has(name)) continue
                expect(exported.has(name), `${String(rule['alert'])}: ${name} exported`).toBe(true)
            }
            expect(() => evaluate(ast, scrapes, clock.nowMs())).not.toThrow()
        }
    })
})

describe('dashboard (deploy/grafana/gbg-executor.json)', () => {
    const dashboard = JSON.parse(read('deploy/grafana/gbg-executor.json')) as {
        uid: string
        panels: Array<{ type: string; title: string; targets?: Array<{ expr: string; legendFormat?: string }> }>
    }
    const panels = dashboard.panels.filter((p) => p.type !== 'row')

    it('has panels, each with a title and at least one query', () => {
        expect(dashboard.uid).toBe('gbg-executor')
        expect(panels.length).toBeGreaterThanOrEqual(10)
        for (const p of panels) {
            expect(p.title).toBeTruthy()
            expect(p.targets?.length, p.title).toBeGreaterThan(0)
        }
    })

    it('every query parses, names only exported metrics, and selects data from the sandbox run', () => {
        let withData = 0
        for (const p of panels) {
            for (const t of p.targets!) {
                const ast = parsePromQL(t.expr)
                for (const name of metricNames(ast)) expect(exported.has(name), `${p.title}: ${name}`).toBe(true)
                if (evaluate(ast, scrapes, clock.nowMs()).length > 0) withData++
            }
        }
        // every query but the drift scan's (off in the sandbox: no GBG_DRIFT_SCHEDULE) returns series
        expect(withData).toBeGreaterThanOrEqual(panels.flatMap((p) => p.targets!).length - 1)
    })
})

describe('documentation', () => {
    it.each(['README.md', 'docs/operations.md'])('every metric %s names is exported', (path) => {
        const names = new Set([...read(path).matchAll(METRIC_TOKEN)].map((m) => m[1]!))
        expect(names.size).toBeGreaterThan(3)
        for (const name of names) expect(exported.has(name), `${path}: ${name}`).toBe(true)
    })
})
