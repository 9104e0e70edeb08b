/**
 * `gbg-executor report`: the evidence pack.
 *
 * 1. The measures, on rows whose answers are known: weekly counts by kind, AVG / MAX of the durations the app stored,
 *    shares, the "now" lists, breaches, and escaping of hostile text.
 * 2. From a sandbox run (emulators, the app's real server modules on the ServiceNow emulator, the real executor on a
 *    virtual clock): one catalog request granted and revoked, then `report` through the CLI's main() with the
 *    executor's own credentials; the pack is opened in headless Chromium (Debian's, via playwright-core) and its
 *    charts, numbers and chain table are checked against data.json and the emulator's records. With
 *    GBG_WRITE_DOCS_IMG=1 the screenshot is written to docs/img/evidence-pack.png (committed).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { AUDIT_REPORTS, GRANT_FIELDS, TABLE, chainEvent, GENESIS_HASH } from '@gbg/shared'
import { main } from '@gbg/executor/src/cli'
import { CHROMIUM_ARGS as CONSOLE_CHROMIUM_ARGS } from '@gbg/executor/src/providers/console/provider'
import { computePack, renderEvidencePack, renderSummary, weekOf, type PackData } from '@gbg/executor/src/evidence-pack'
import { runScenario } from './sandbox/scenario'
import { REPO_ROOT } from './support/executor-process'
import { VirtualClock } from './support/virtual-clock'
import { runUntil } from './support/virtual-time'

const at = (iso: string): string => iso.replace('T', ' ').slice(0, 19)
// The machine's Chromium flags (the console provider's), plus no QUIC: the pack must make no network request at all.
const CHROMIUM_ARGS = [...CONSOLE_CHROMIUM_ARGS, '--disable-quic']

describe('evidence pack: the measures', () => {
    // Two weeks: Mon 2026-01-05 and Mon 2026-01-12.
    const grants = [
        {
            sys_id: 'g1',
            sys_created_on: at('2026-01-05T09:00:00Z'),
            number: 'BGA0001001',
            state: 'revoked',
            target_kind: 'device_local_admin',
            provider: 'webhook',
            requested_for: 'u1',
            plan: JSON.stringify({ principal: { userName: 'alice' } }),
            approved_at: at('2026-01-05T09:05:00Z'),
            granted_at: at('2026-01-05T09:06:00Z'),
            expires_at: at('2026-01-05T10:06:00Z'),
            revoked_at: at('2026-01-05T10:06:30Z'),
            approval_latency_seconds: '300',
            time_to_access_seconds: '60',
            revoke_lateness_seconds: '30',
            auto_approved: 'false',
            emergency: 'false',
        },
        {
            sys_id: 'g2',
            sys_created_on: at('2026-01-07T09:00:00Z'),
            number: 'BGA0001002',
            state: 'revoked',
            target_kind: 'entra_role',
            provider: 'entra-role',
            requested_for: 'u2',
            plan: JSON.stringify({ principal: { userName: '<b>bob</b>' } }),
            approved_at: at('2026-01-07T09:01:40Z'),
            granted_at: at('2026-01-07T09:02:00Z'),
            expires_at: at('2026-01-07T09:32:00Z'),
            revoked_at: at('2026-01-07T09:32:00Z'),
            approval_latency_seconds: '100',
            time_to_access_seconds: '20',
            revoke_lateness_seconds: '0',
            auto_approved: 'false',
            emergency: 'true',
        },
        {
            sys_id: 'g3',
            sys_created_on: at('2026-01-13T09:00:00Z'),
            number: 'BGA0001003',
            state: 'active',
            target_kind: 'device_local_admin',
            provider: 'webhook',
            requested_for: 'u1',
            plan: JSON.stringify({ principal: { userName: 'alice' } }),
            approved_at: at('2026-01-13T09:00:00Z'),
            granted_at: at('2026-01-13T09:00:10Z'),
            expires_at: at('2026-01-13T09:30:00Z'),
            approval_latency_seconds: '0',
            time_to_access_seconds: '10',
            auto_approved: 'true',
            emergency: 'true',
        },
        {
            sys_id: 'g4',
            sys_created_on: at('2026-01-13T11:00:00Z'),
            number: 'BGA0001004',
            state: 'policy_rejected',
            target_kind: 'device_local_admin',
            refusal_code: 'CHANGE_REQUIRED',
            emergency: 'false',
        },
    ]
    const vote = chainEvent(GENESIS_HASH, {
        grant: 'g1',
        action: '',
        sequence: 1,
        eventType: 'approval.vote',
        actor: 'carol',
        occurredAt: '2026-01-05T09:05:00.000Z',
        payload: {},
    })
    const events = [
        { grant: 'g1', sequence: '1', event_type: 'approval.vote', actor: 'carol', occurred_at: at(vote.occurredAt) },
        {
            grant: 'g2',
            sequence: '5',
            event_type: 'revoke_failed',
            actor: 'exec',
            occurred_at: at('2026-01-07T09:33:00Z'),
        },
    ]
    const pack = (now: string): PackData =>
        computePack({
            from: new Date('2026-01-05T00:00:00Z'),
            to: new Date('2026-01-19T00:00:00Z'),
            generatedAt: new Date(now),
            grants,
            events,
            tickets: [],
            chains: [
                {
                    grantSysId: 'g1',
                    number: 'BGA0001001',
                    intact: true,
                    events: 1,
                    badSequence: null,
                    reason: '',
                    warnings: [],
                },
                {
                    grantSysId: 'g2',
                    number: 'BGA0001002',
                    intact: false,
                    events: 5,
                    badSequence: 3,
                    reason: 'hash does not match the event content (event altered) <script>',
                    warnings: [],
                },
            ],
            instance: 'https://acme.example',
            generatedBy: 'test',
        })

    it('computes every report measure the way the report aggregates it', () => {
        const data = pack('2026-01-13T09:10:00Z')
        expect(Object.keys(data.measures).sort()).toEqual(AUDIT_REPORTS.map((r) => r.key).sort())
        expect(weekOf(new Date('2026-01-11T23:59:59Z'))).toBe('2026-01-05')
        expect(data.measures['grants_by_kind_weekly']).toEqual({
            kind: 'weekly',
            series: {
                '2026-01-05': { device_local_admin: 1, entra_role: 1 },
                '2026-01-12': { device_local_admin: 1 },
            },
        })
        // Human approvals only (g3 was auto-approved): (300 + 100) / 2.
        expect(data.measures['approval_latency_weekly']).toEqual({
            kind: 'weeklyValue',
            aggregate: 'AVG',
            values: { '2026-01-05': 200 },
        })
        expect(data.measures['time_to_access_weekly']).toMatchObject({ values: { '2026-01-05': 40, '2026-01-12': 10 } })
        expect(data.measures['revoke_lateness_weekly']).toMatchObject({
            aggregate: 'MAX',
            values: { '2026-01-05': 30 },
        })
        expect(data.measures['refusals_by_reason']).toEqual({ kind: 'groups', values: { CHANGE_REQUIRED: 1 } })
        expect(data.measures['auto_approved_share']).toEqual({ kind: 'groups', values: { false: 2, true: 1 } })
        expect(data.measures['emergency_share']).toEqual({ kind: 'groups', values: { false: 2, true: 2 } })
        expect(data.measures['grants_per_requester']).toEqual({ kind: 'groups', values: { alice: 2, '<b>bob</b>': 1 } })
        expect(data.measures['votes_per_approver']).toEqual({ kind: 'groups', values: { carol: 1 } })
        expect(data.measures['failures_and_escalations_weekly']).toEqual({
            kind: 'weekly',
            series: { '2026-01-05': { revoke_failed: 1 } },
        })
        expect((data.measures['active_now'] as { rows: unknown[] }).rows).toHaveLength(1)
        // At 09:10 g3 is within its window; the late revoke of week 1 and the broken chain are breaches.
        expect((data.measures['past_expiry_now'] as { rows: unknown[] }).rows).toHaveLength(0)
        expect(data.breaches).toEqual(['revoke_lateness_weekly', 'audit_chains'])
        expect(data.totals).toEqual({ grants: 4, granted: 3, refused: 1, chainsIntact: 1, chainsBroken: 1 })
        // Later, g3 is held past its expiry: the list that must be empty is not.
        const later = pack('2026-01-13T09:31:00Z')
        expect(
            (later.measures['past_expiry_now'] as { rows: Record<string, string>[] }).rows.map((r) => r['number']),
        ).toEqual(['BGA0001003'])
        expect(later.breaches).toContain('past_expiry_now')
    })

    it('escapes every value and loads nothing from outside', () => {
        const data = pack('2026-01-13T09:10:00Z')
        const html = renderEvidencePack(data, { grants })
        const summary = renderSummary(data)
        for (const page of [html, summary]) {
            expect(page).not.toMatch(/<script|<b>bob/)
            expect(page).not.toMatch(/(src|href)="?https?:/i)
            expect(page).toContain("default-src 'none'")
        }
        expect(html).toContain('&lt;b&gt;bob&lt;/b&gt;')
        expect(html).toContain('(event altered) &lt;script&gt;')
    })
})

describe('evidence pack: from a sandbox run, rendered in headless Chromium', () => {
    const dirs: string[] = []
    afterAll(() => {
        for (const d of dirs) rmSync(d, { recursive: true, force: true })
    })

    it('reads the run read-only, and the charts and numbers on the page match the data', async () => {
        // setup: a whole lifecycle in the sandbox (catalog request through the app's modules, the real executor)
        const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
        const scenario = await runScenario({
            provider: 'webhook',
            durationMinutes: 1,
            timeoutMs: 120_000,
            clock,
            print: () => undefined,
        })
        let done = false
        void scenario.finished.then(() => (done = true))
        try {
            await runUntil(clock, () => done, {
                within: 10 * 60_000,
                what: 'the sandbox grant revoked',
                realMs: 90_000,
            })
            await scenario.executor.stop()
            const store = scenario.sandbox.sn.store
            const grant = store.get(TABLE.grant, scenario.sandbox.seeded.grant.sysId)!
            expect(grant[GRANT_FIELDS.state]).toBe('revoked')
            const writesBefore = scenario.sandbox.sn.requests.filter((r) => r.method !== 'GET').length

            // execution: the CLI, with the executor's own configuration
            const out = mkdtempSync(join(tmpdir(), 'gbg-pack-'))
            dirs.push(out)
            const lines: string[] = []
            const code = await main(
                ['report', '--from', '2026-01-05', '--to', '2026-01-11', '--out', out],
                scenario.sandbox.env,
                (l) => lines.push(l),
                (l) => lines.push(l),
                () => clock.now(),
            )
            expect(lines.join('\n')).toMatch(/1 requests, 1 granted, 0 refused; audit chains 1 intact, 0 broken/)
            expect(code).toBe(0)
            // read-only: not one write to ServiceNow
            expect(scenario.sandbox.sn.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore)

            const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as PackData & {
                raw: { grants: Record<string, string>[] }
            }
            expect(data.raw.grants.map((g) => g[GRANT_FIELDS.number])).toEqual([grant[GRANT_FIELDS.number]])
            // The durations are the ones the app stored on the grant (server/grant-measures.ts on the emulator).
            expect(grant[GRANT_FIELDS.timeToAccessSeconds]).toMatch(/^\d+$/)
            const week = '2026-01-05'
            expect(data.measures['time_to_access_weekly']).toMatchObject({
                values: { [week]: Number(grant[GRANT_FIELDS.timeToAccessSeconds]) },
            })
            expect(data.measures['revoke_lateness_weekly']).toMatchObject({
                values: { [week]: Number(grant[GRANT_FIELDS.revokeLatenessSeconds]) },
            })

            // validation in a real browser: every report has its chart or list, bars carry the data's numbers
            const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
            try {
                const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
                const external: string[] = []
                page.on('request', (r) => {
                    if (!r.url().startsWith('file:')) external.push(r.url())
                })
                await page.goto(`file://${join(out, 'evidence-pack.html')}`)
                for (const r of AUDIT_REPORTS) {
                    const shown = await page.locator(`[data-report="${r.key}"]`).count()
                    expect(shown, r.key).toBe(1)
                }
                const bars = await page.locator('svg.chart g.bar').evaluateAll((gs) =>
                    gs.map((g) => ({
                        report: g.closest('svg')!.getAttribute('data-report'),
                        label: g.getAttribute('data-label'),
                        total: Number(g.getAttribute('data-total')),
                        height: (g.querySelector('rect') as SVGRectElement).getBBox().height,
                    })),
                )
                const bar = (key: string) => bars.filter((b) => b.report === key)
                expect(bar('grants_by_kind_weekly')).toEqual([expect.objectContaining({ label: week, total: 1 })])
                expect(bar('time_to_access_weekly')).toEqual([
                    expect.objectContaining({ label: week, total: Number(grant[GRANT_FIELDS.timeToAccessSeconds]) }),
                ])
                expect(bar('grants_per_requester')).toEqual([
                    expect.objectContaining({ label: scenario.sandbox.seeded.requester.userName, total: 1 }),
                ])
                // A bar with a value is drawn (non-zero height); the tallest bar of a chart fills the plot.
                for (const b of bars.filter((x) => x.total > 0))
                    expect(b.height, `${b.report} ${b.label}`).toBeGreaterThan(10)
                const chain = page.locator(`table.chains tr[data-grant="${grant[GRANT_FIELDS.number]}"]`)
                expect(await chain.getAttribute('data-intact')).toBe('true')
                expect(await page.locator('[data-kpi="access granted"] b').textContent()).toBe('1')
                expect(await page.locator('[data-kpi="held past expiry now (must be 0)"] b').textContent()).toBe('0')
                expect(await page.locator('#raw-json').textContent()).toContain(grant[GRANT_FIELDS.planDigest]!)
                expect(external).toEqual([])
                if (process.env['GBG_WRITE_DOCS_IMG'] === '1') {
                    await page.screenshot({ path: resolve(REPO_ROOT, 'docs/img/evidence-pack.png'), fullPage: false })
                }
                const summary = await browser.newPage()
                await summary.goto(`file://${join(out, 'summary.html')}`)
                expect(await summary.locator('table.summary tr').count()).toBe(12)
            } finally {
                await browser.close()
            }
        } finally {
            await scenario.shutdown()
        }
    }, 120_000)
})
