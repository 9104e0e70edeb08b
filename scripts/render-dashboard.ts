/**
 * Renders the shipped Grafana dashboard (deploy/grafana/gbg-executor.json) from a sandbox run, without Grafana:
 * the embedded sandbox and the REAL executor run in this process on a virtual clock, `/metrics` is scraped every
 * 15 s of virtual time, each panel's queries are evaluated over those scrapes (test/support/promql.ts) and drawn as
 * simple SVG charts laid out by the panels' gridPos; Debian's chromium (through playwright-core) screenshots the
 * page into docs/img/gbg-executor-dashboard.png.
 *
 * The run: a 1-minute webhook grant ordered through the ServiceNow app, granted, announced on Teams, revoked at its
 * expiry and verified; meanwhile a short burst of 503 pages from ServiceNow and one throttled Teams send, so the
 * panels show failure outcomes next to the successes.
 *
 *   npx tsx scripts/render-dashboard.ts [--out docs/img/gbg-executor-dashboard.png] [--html /tmp/dashboard.html]
 *
 * Needs the built app (`npm run build`) and /usr/bin/chromium (`apt-get install -y chromium`). Not part of the test
 * suite.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import axios from 'axios'
import { chromium } from 'playwright-core'
import { GRANT_FIELDS, TABLE } from '@gbg/shared'
import { CHROMIUM_ARGS } from '../executor/src/providers/console/provider'
import { startSandbox } from '../test/sandbox/sandbox'
import { REPO_ROOT } from '../test/support/executor-process'
import { startInProcessExecutor } from '../test/support/executor-in-process'
import { evaluate, legend, parseExposition, parsePromQL, type Scrape } from '../test/support/promql'
import { VirtualClock } from '../test/support/virtual-clock'
import { runFor } from '../test/support/virtual-time'

interface Target {
    expr: string
    legendFormat?: string
}
interface Panel {
    type: string
    title: string
    description?: string
    gridPos: { h: number; w: number; x: number; y: number }
    targets?: Target[]
    fieldConfig?: {
        defaults?: { unit?: string; thresholds?: { steps: Array<{ color: string; value: number | null }> } }
    }
}

const SCRAPE_EVERY_MS = 15_000
const COLORS = [
    '#73bf69',
    '#f2cc0c',
    '#5794f2',
    '#ff780a',
    '#b877d9',
    '#f2495c',
    '#8ab8ff',
    '#96d98d',
    '#ffb357',
    '#ca95e5',
]

const { values: args } = parseArgs({
    options: {
        out: { type: 'string', default: join(REPO_ROOT, 'docs', 'img', 'gbg-executor-dashboard.png') },
        html: { type: 'string' },
    },
})

/** Runs the sandbox lifecycle and returns the scrapes. */
async function record(): Promise<Scrape[]> {
    const clock = new VirtualClock(Date.UTC(2026, 0, 6, 10, 0, 0))
    const sandbox = await startSandbox({ provider: 'webhook', durationMinutes: 1, via: 'app', clock })
    const executor = await startInProcessExecutor({ ...sandbox.env, GBG_LOG_LEVEL: 'warn' }, clock)
    const scrapes: Scrape[] = []
    const { host, port } = executor.service.address
    const scrape = async () => {
        const res = await axios.get<string>(`http://${host}:${port}/metrics`, { responseType: 'text' })
        // the target labels Prometheus adds to every sample it scrapes
        const target = { job: 'gbg-executor', instance: sandbox.env['GBG_INSTANCE_NAME'] ?? `${host}:${port}` }
        const samples = parseExposition(res.data).map((s) => ({ ...s, labels: { ...s.labels, ...target } }))
        scrapes.push({ atMs: clock.nowMs(), samples })
    }
    try {
        const state = () => sandbox.sn.store.get(TABLE.grant, sandbox.seeded.grant.sysId)?.[GRANT_FIELDS.state]
        await scrape()
        // two minutes before anything happens would be dull: the request is already queued, the run starts at once
        for (let i = 0; i < 4; i++) {
            await runFor(clock, SCRAPE_EVERY_MS)
            await scrape()
        }
        // bursts of 503 pages from the instance's load balancer, and one throttled Teams send
        sandbox.sn.faults.add({ status: 503, times: 6 })
        sandbox.teams.faults.add({ status: 429, retryAfterSeconds: 1 })
        for (let i = 0; i < 16; i++) {
            if (i === 6) sandbox.sn.faults.add({ status: 503, times: 12 })
            await runFor(clock, SCRAPE_EVERY_MS)
            await scrape()
        }
        if (state() !== 'revoked') throw new Error(`the sandbox grant ended ${String(state())}, not revoked`)
    } finally {
        await executor.stop()
        await sandbox.close()
    }
    return scrapes
}

const escape = (s: string) =>
    s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

function formatValue(v: number, unit: string | undefined): string {
    if (!Number.isFinite(v)) return String(v)
    if (unit === 'bytes') return v >= 1e6 ? `${(v / 1048576).toFixed(0)} MiB` : `${(v / 1024).toFixed(0)} KiB`
    if (unit === 's') return v < 1 ? `${(v * 1000).toFixed(v < 0.01 ? 1 : 0)} ms` : `${v.toFixed(2)} s`
    if (unit === 'percentunit') return `${(v * 100).toFixed(1)}%`
    if (unit === 'reqps') return `${v.toFixed(2)}/s`
    return Number.isInteger(v) ? String(v) : v.toFixed(2)
}

/** Series of one panel: legend → points over the scrapes. */
function panelSeries(panel: Panel, scrapes: Scrape[]): Map<string, Array<{ t: number; v: number }>> {
    const series = new Map<string, Array<{ t: number; v: number }>>()
    for (const target of panel.targets ?? []) {
        const ast = parsePromQL(target.expr)
        for (const s of scrapes) {
            for (const r of evaluate(ast, scrapes, s.atMs)) {
                const name = legend(target.legendFormat ?? target.expr, r.labels) || target.expr
                const points = series.get(name) ?? []
                points.push({ t: s.atMs, v: r.value })
                series.set(name, points)
            }
        }
    }
    return series
}

function statHtml(panel: Panel, scrapes: Scrape[]): string {
    const unit = panel.fieldConfig?.defaults?.unit
    const steps = panel.fieldConfig?.defaults?.thresholds?.steps
    const items = [...panelSeries(panel, scrapes)].map(([name, points]) => {
        const v = points[points.length - 1]!.v
        let color = '#5794f2'
        if (steps)
            for (const step of steps)
                if (step.value === null || v >= step.value)
                    color = step.color === 'green' ? '#299c46' : step.color === 'red' ? '#d44a3a' : step.color
        return `<div class="stat" style="background:${color}"><div class="stat-value">${escape(formatValue(v, unit))}</div><div class="stat-name">${escape(name)}</div></div>`
    })
    return items.length > 0 ? items.join('') : '<div class="nodata">No data</div>'
}

function chartSvg(panel: Panel, scrapes: Scrape[], width: number, height: number): string {
    const unit = panel.fieldConfig?.defaults?.unit
    const series = [...panelSeries(panel, scrapes)]
    if (series.length === 0) return '<div class="nodata">No data</div>'
    const t0 = scrapes[0]!.atMs
    const t1 = scrapes[scrapes.length - 1]!.atMs
    const all = series.flatMap(([, p]) => p.map((x) => x.v)).filter(Number.isFinite)
    const max = Math.max(...all, 0)
    const top = max === 0 ? 1 : max * 1.1
    const pad = { l: 58, r: 8, t: 6, b: 18 }
    const w = width - pad.l - pad.r
    const h = height - pad.t - pad.b
    const x = (t: number) => pad.l + ((t - t0) / Math.max(t1 - t0, 1)) * w
    const y = (v: number) => pad.t + h - (v / top) * h
    const grid = [0, 0.5, 1]
        .map((f) => {
            const v = top * f
            return `<line x1="${pad.l}" x2="${pad.l + w}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${pad.l - 4}" y="${y(v) + 4}" class="axis" text-anchor="end">${escape(formatValue(v, unit))}</text>`
        })
        .join('')
    const minutes = Math.floor((t1 - t0) / 60_000)
    const ticks = Array.from({ length: minutes + 1 }, (_, m) => {
        const t = t0 + m * 60_000
        const label = new Date(t).toISOString().slice(11, 16)
        return `<text x="${x(t)}" y="${height - 4}" class="axis" text-anchor="middle">${label}</text>`
    }).join('')
    const lines = series
        .map(([, points], i) => {
            const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')
            const dot =
                points.length === 1
                    ? `<circle cx="${x(points[0]!.t)}" cy="${y(points[0]!.v)}" r="2.5" fill="${COLORS[i % COLORS.length]}"/>`
                    : ''
            return `<path d="${d}" stroke="${COLORS[i % COLORS.length]}" fill="none" stroke-width="1.6"/>${dot}`
        })
        .join('')
    const legendHtml = series
        .map(
            ([name], i) =>
                `<span class="key"><i style="background:${COLORS[i % COLORS.length]}"></i>${escape(name)}</span>`,
        )
        .join('')
    return `<svg width="${width}" height="${height}">${grid}${ticks}${lines}</svg><div class="legend">${legendHtml}</div>`
}

function page(dashboard: { title: string; panels: Panel[] }, scrapes: Scrape[]): { html: string; height: number } {
    const COL = 56
    const ROW = 34
    let bottom = 0
    const boxes = dashboard.panels.map((p) => {
        const { x, y, w, h } = p.gridPos
        bottom = Math.max(bottom, (y + h) * ROW)
        const style = `left:${x * COL}px;top:${y * ROW}px;width:${w * COL - 6}px;height:${h * ROW - 6}px`
        if (p.type === 'row') return `<div class="row" style="${style}">${escape(p.title)}</div>`
        const inner =
            p.type === 'stat' ? statHtml(p, scrapes) : chartSvg(p, scrapes, w * COL - 18, h * ROW - 6 - 30 - 34)
        return `<div class="panel" style="${style}"><div class="title">${escape(p.title)}</div><div class="body ${p.type}">${inner}</div></div>`
    })
    const from = new Date(scrapes[0]!.atMs).toISOString().slice(0, 16).replace('T', ' ')
    const to = new Date(scrapes[scrapes.length - 1]!.atMs).toISOString().slice(11, 16)
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#111217;color:#ccccdc;font:12px/1.3 -apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header{padding:10px 14px;font-size:16px;color:#fff}header small{color:#8e8e9e;font-size:12px;margin-left:10px}
.grid-root{position:relative;margin:0 10px 10px}
.panel{position:absolute;background:#181b1f;border:1px solid #2a2d33;border-radius:3px;overflow:hidden}
.title{padding:6px 8px;font-weight:600;color:#d8d9da;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.row{position:absolute;font-weight:600;font-size:14px;color:#d8d9da;padding-top:8px}
.body{padding:0 6px}.body.stat{display:flex;gap:4px;flex-wrap:wrap;height:calc(100% - 34px)}
.stat{flex:1;min-width:60px;border-radius:2px;color:#fff;display:flex;flex-direction:column;justify-content:center;align-items:center}
.stat-value{font-size:22px;font-weight:600}.stat-name{font-size:11px;opacity:.9;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:95%}
.grid{stroke:#2a2d33}.axis{fill:#8e8e9e;font-size:10px}
.legend{display:flex;flex-wrap:wrap;gap:2px 10px;max-height:30px;overflow:hidden}.key{white-space:nowrap}.key i{display:inline-block;width:10px;height:3px;margin-right:4px;vertical-align:middle}
.nodata{color:#8e8e9e;padding:20px;text-align:center}
</style></head><body><header>${escape(dashboard.title)}<small>sandbox run, virtual time ${from}–${to} UTC, scraped every ${SCRAPE_EVERY_MS / 1000} s · rendered from deploy/grafana/gbg-executor.json by scripts/render-dashboard.ts</small></header>
<div class="grid-root" style="height:${bottom}px">${boxes.join('')}</div></body></html>`
    return { html, height: bottom + 60 }
}

async function main(): Promise<void> {
    const dashboard = JSON.parse(readFileSync(join(REPO_ROOT, 'deploy', 'grafana', 'gbg-executor.json'), 'utf8')) as {
        title: string
        panels: Panel[]
    }
    const scrapes = await record()
    const { html, height } = page(dashboard, scrapes)
    if (args.html) writeFileSync(resolve(args.html), html)
    const out = resolve(args.out!)
    mkdirSync(dirname(out), { recursive: true })
    const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: [...CHROMIUM_ARGS],
    })
    try {
        const pageHandle = await browser.newPage({ viewport: { width: 24 * 56 + 20, height }, deviceScaleFactor: 1 })
        await pageHandle.setContent(html, { waitUntil: 'load' })
        await pageHandle.screenshot({ path: out, fullPage: true })
    } finally {
        await browser.close()
    }
    console.log(`${scrapes.length} scrapes, ${dashboard.panels.length} panels → ${out}`)
}

main().then(
    () => process.exit(0),
    (error: unknown) => {
        console.error(error)
        process.exit(1)
    },
)
