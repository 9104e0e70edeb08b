/**
 * The evidence pack of `gbg-executor report` (docs/audit.md "Evidence pack"): for a period, the same measures as the
 * app's reports (shared/src/audit-reports.ts, same keys), every grant's verified audit chain, and the raw rows —
 * rendered as one self-contained HTML file (inline SVG charts; no script, no external resource; CSP default-src
 * 'none') plus a one-page summary. Pure: rows in, text out; the CLI reads ServiceNow and writes the files.
 *
 * The durations are the ones the app stored on each grant (shared/src/grant-measures.ts, computed once there); the
 * pack aggregates them exactly as the reports do (AVG / MAX per ISO week of the report's date column).
 */
import { AUDIT_REPORTS, GRANT_FIELDS, TICKET_UPDATE_FIELDS, auditReport, type AuditReport } from '@gbg/shared'
import { escapeHtml } from './receipt'
import { parseGlideDateTime } from './servicenow/query'

/** A row as the Table API returns it. */
export type Row = Record<string, string | undefined>

/** One grant's chain verdict (executor/src/audit-verify.ts judgeAuditChain). */
export interface ChainResult {
    grantSysId: string
    number: string
    intact: boolean
    events: number
    badSequence: number | null
    reason: string
    warnings: string[]
}

/** What the pack is built from. */
export interface PackInput {
    /** Inclusive start, exclusive end (UTC). */
    from: Date
    to: Date
    /** When the report ran ("now" for the lists of what holds now). */
    generatedAt: Date
    grants: Row[]
    /** Audit events of those grants (and of the period). */
    events: Row[]
    /** Ticket updates (the drift incidents). */
    tickets: Row[]
    chains: ChainResult[]
    /** Who ran it and against which instance, for the cover. */
    instance: string
    generatedBy: string
}

/** A measure: a grouped count, a per-week series, or a list of grants. */
export type Measure =
    | { kind: 'groups'; values: Record<string, number> }
    | { kind: 'weekly'; series: Record<string, Record<string, number>> }
    | { kind: 'weeklyValue'; values: Record<string, number>; aggregate: 'AVG' | 'MAX' }
    | { kind: 'list'; rows: Record<string, string>[] }

/** Every measure by report key, plus the chain results and counts. */
export interface PackData {
    period: { from: string; to: string }
    generatedAt: string
    instance: string
    generatedBy: string
    measures: Record<string, Measure>
    chains: ChainResult[]
    totals: { grants: number; granted: number; refused: number; chainsIntact: number; chainsBroken: number }
    /** Reports whose target is breached (past expiry not empty, revoke lateness above zero). */
    breaches: string[]
}

const time = (row: Row, field: string): Date | null => parseGlideDateTime(row[field] ?? '')
const inPeriod = (d: Date | null, from: Date, to: Date): boolean =>
    d !== null && d.getTime() >= from.getTime() && d.getTime() < to.getTime()

/** Monday (UTC) of the ISO week of `d`, as YYYY-MM-DD. */
export function weekOf(d: Date): string {
    const day = (d.getUTCDay() + 6) % 7
    const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
    return monday.toISOString().slice(0, 10)
}

/** The requester's user name from the frozen plan (the sys_id when the plan does not parse). */
function requesterOf(grant: Row): string {
    try {
        const plan = JSON.parse(grant[GRANT_FIELDS.plan] ?? '') as { principal?: { userName?: unknown } }
        if (typeof plan.principal?.userName === 'string' && plan.principal.userName !== '')
            return plan.principal.userName
    } catch {
        // fall through
    }
    return grant[GRANT_FIELDS.requestedFor] || '(unknown)'
}

/** A row matches a report's fixed filter (the encoded queries of shared/src/audit-reports.ts, evaluated here). */
function matches(report: AuditReport, row: Row, now: Date): boolean {
    if (report.filter === '') return true
    return report.filter.split('^').every((term) => {
        let m = /^([a-z_]+)ISNOTEMPTY$/.exec(term)
        if (m) return (row[m[1]!] ?? '') !== ''
        m = /^([a-z_]+)IN(.*)$/.exec(term)
        if (m) return m[2]!.split(',').includes(row[m[1]!] ?? '')
        m = /^([a-z_]+)<javascript:gs\.nowDateTime\(\)$/.exec(term)
        if (m) {
            const d = time(row, m[1]!)
            return d !== null && d.getTime() < now.getTime()
        }
        m = /^([a-z_]+)=(.*)$/.exec(term)
        if (m) {
            const v = row[m[1]!] ?? ''
            // Booleans come back as 'true' / 'false' from the Table API, '1' / '0' inside the instance.
            if (m[2] === 'false') return v === 'false' || v === '0' || v === ''
            if (m[2] === 'true') return v === 'true' || v === '1'
            return v === m[2]
        }
        throw new Error(`evidence pack: filter term ${term} of ${report.key} is not understood`)
    })
}

function boolText(v: string | undefined): string {
    return v === 'true' || v === '1' ? 'true' : 'false'
}

/** Compute every measure of the reports over the period. */
export function computePack(input: PackInput): PackData {
    const { from, to, generatedAt: now } = input
    const measures: Record<string, Measure> = {}
    for (const report of AUDIT_REPORTS) {
        const rows = report.table.endsWith('_grant')
            ? input.grants
            : report.table.endsWith('_audit_event')
              ? input.events
              : input.tickets
        const selected = rows.filter((r) => matches(report, r, now))
        if (report.type === 'list') {
            // "Now" lists: as the report runs. Drift findings: raised in the period.
            const listed =
                report.key === 'drift_findings'
                    ? selected.filter((r) => inPeriod(time(r, 'sys_created_on'), from, to))
                    : selected
            measures[report.key] = {
                kind: 'list',
                rows: listed.map((r) => Object.fromEntries(report.fields.map((f) => [f, r[f] ?? '']))),
            }
            continue
        }
        // Grouped (non-trend) reports count the period's rows by when they happened: an audit event's occurred_at,
        // a record's creation otherwise.
        const dateColumn =
            report.trendField || (report.table.endsWith('_audit_event') ? 'occurred_at' : 'sys_created_on')
        const dated = (r: Row): Date | null => time(r, dateColumn)
        const period = selected.filter((r) => inPeriod(dated(r), from, to))
        const group = (r: Row): string => {
            if (report.groupBy === GRANT_FIELDS.requestedFor) return requesterOf(r)
            if (report.groupBy === GRANT_FIELDS.autoApproved || report.groupBy === GRANT_FIELDS.emergency)
                return boolText(r[report.groupBy])
            return r[report.groupBy] || '(empty)'
        }
        if (report.type === 'trend' && report.aggregate === 'COUNT') {
            const series: Record<string, Record<string, number>> = {}
            for (const r of period) {
                const week = weekOf(dated(r)!)
                const g = group(r)
                series[week] = series[week] ?? {}
                series[week][g] = (series[week][g] ?? 0) + 1
            }
            measures[report.key] = { kind: 'weekly', series }
        } else if (report.type === 'trend') {
            const byWeek: Record<string, number[]> = {}
            for (const r of period) {
                const v = Number(r[report.sumField] ?? '')
                if ((r[report.sumField] ?? '') === '' || !Number.isFinite(v)) continue
                ;(byWeek[weekOf(dated(r)!)] = byWeek[weekOf(dated(r)!)] ?? []).push(v)
            }
            const values: Record<string, number> = {}
            for (const [week, list] of Object.entries(byWeek)) {
                values[week] =
                    report.aggregate === 'MAX'
                        ? Math.max(...list)
                        : Math.round(list.reduce((a, b) => a + b, 0) / list.length)
            }
            measures[report.key] = { kind: 'weeklyValue', values, aggregate: report.aggregate as 'AVG' | 'MAX' }
        } else {
            const values: Record<string, number> = {}
            for (const r of period) values[group(r)] = (values[group(r)] ?? 0) + 1
            measures[report.key] = { kind: 'groups', values }
        }
    }
    const periodGrants = input.grants.filter((g) => inPeriod(time(g, 'sys_created_on'), from, to))
    const breaches: string[] = []
    const pastExpiry = measures['past_expiry_now'] as { rows: unknown[] }
    if (pastExpiry.rows.length > 0) breaches.push('past_expiry_now')
    const lateness = measures['revoke_lateness_weekly'] as { values: Record<string, number> }
    if (Object.values(lateness.values).some((v) => v > 0)) breaches.push('revoke_lateness_weekly')
    const broken = input.chains.filter((c) => !c.intact).length
    if (broken > 0) breaches.push('audit_chains')
    return {
        period: { from: from.toISOString(), to: to.toISOString() },
        generatedAt: now.toISOString(),
        instance: input.instance,
        generatedBy: input.generatedBy,
        measures,
        chains: input.chains,
        totals: {
            grants: periodGrants.length,
            granted: periodGrants.filter((g) => (g[GRANT_FIELDS.grantedAt] ?? '') !== '').length,
            refused: periodGrants.filter((g) => g[GRANT_FIELDS.state] === 'policy_rejected').length,
            chainsIntact: input.chains.length - broken,
            chainsBroken: broken,
        },
        breaches,
    }
}

// ── Rendering ────────────────────────────────────────────────────────────────────────────────────────────────────

const e = (v: unknown): string => escapeHtml(String(v ?? ''))
const PALETTE = ['#2f6db5', '#d9822b', '#3a9a5b', '#b5423b', '#7e57c2', '#8a8a8a', '#c2a633', '#2aa3a3']

/** Bars of one chart: label, stacked segments. Each bar and segment carries its number in data-* attributes. */
function barChart(key: string, bars: { label: string; segments: { name: string; value: number }[] }[], unit: string) {
    const width = 640
    const height = 220
    const left = 48
    const bottom = 40
    const totals = bars.map((b) => b.segments.reduce((a, s) => a + s.value, 0))
    const max = Math.max(1, ...totals)
    const slot = bars.length > 0 ? (width - left - 10) / bars.length : 0
    const barWidth = Math.max(4, Math.min(48, slot * 0.7))
    const names = [...new Set(bars.flatMap((b) => b.segments.map((s) => s.name)))]
    const colour = (name: string): string => PALETTE[names.indexOf(name) % PALETTE.length]!
    const scale = (v: number): number => (v / max) * (height - bottom - 20)
    const parts: string[] = []
    parts.push(`<line x1="${left}" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" stroke="#999"/>`)
    parts.push(`<text x="${left - 6}" y="${20}" text-anchor="end" font-size="10">${e(max)}</text>`)
    bars.forEach((bar, i) => {
        const x = left + i * slot + (slot - barWidth) / 2
        let y = height - bottom
        parts.push(`<g class="bar" data-label="${e(bar.label)}" data-total="${totals[i]}">`)
        for (const s of bar.segments) {
            const h = scale(s.value)
            y -= h
            parts.push(
                `<rect class="segment" data-name="${e(s.name)}" data-value="${s.value}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${colour(s.name)}"><title>${e(bar.label)} ${e(s.name)}: ${s.value}${e(unit)}</title></rect>`,
            )
        }
        parts.push(
            `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="10">${totals[i]}</text>`,
        )
        parts.push(
            `<text x="${(x + barWidth / 2).toFixed(1)}" y="${height - bottom + 14}" text-anchor="middle" font-size="9">${e(bar.label.length > 14 ? `${bar.label.slice(0, 13)}…` : bar.label)}</text>`,
        )
        parts.push('</g>')
    })
    const legend =
        names.length > 1 || (names.length === 1 && names[0] !== 'value')
            ? `<p class="legend">${names.map((n) => `<span><i style="background:${colour(n)}"></i>${e(n)}</span>`).join(' ')}</p>`
            : ''
    const empty = bars.length === 0 ? '<p class="empty">No data in this period.</p>' : ''
    return `<svg class="chart" data-report="${e(key)}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>${legend}${empty}`
}

function listTable(rows: Record<string, string>[], fields: string[]): string {
    if (rows.length === 0) return '<p class="empty">None.</p>'
    return `<table class="list"><tr>${fields.map((f) => `<th>${e(f)}</th>`).join('')}</tr>${rows
        .map((r) => `<tr>${fields.map((f) => `<td>${e(r[f])}</td>`).join('')}</tr>`)
        .join('')}</table>`
}

/** The chart or list of one report. */
function renderMeasure(report: AuditReport, m: Measure): string {
    switch (m.kind) {
        case 'list':
            return `<div class="listing" data-report="${e(report.key)}" data-count="${m.rows.length}">${listTable(m.rows, report.fields)}</div>`
        case 'groups':
            return barChart(
                report.key,
                Object.entries(m.values)
                    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                    .map(([label, value]) => ({ label, segments: [{ name: 'value', value }] })),
                '',
            )
        case 'weekly':
            return barChart(
                report.key,
                Object.keys(m.series)
                    .sort()
                    .map((week) => ({
                        label: week,
                        segments: Object.entries(m.series[week]!)
                            .sort((a, b) => a[0].localeCompare(b[0]))
                            .map(([name, value]) => ({ name, value })),
                    })),
                '',
            )
        case 'weeklyValue':
            return barChart(
                report.key,
                Object.keys(m.values)
                    .sort()
                    .map((week) => ({ label: week, segments: [{ name: 'value', value: m.values[week]! }] })),
                ' s',
            )
    }
}

const STYLE =
    'body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#111;max-width:1100px}h1{margin-bottom:0}' +
    '.muted{color:#666}table{border-collapse:collapse}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #ddd;font-size:12px;vertical-align:top}' +
    'section{margin:1.5em 0;padding-top:.5em;border-top:1px solid #ccc}.q{color:#333;font-style:italic}' +
    '.legend span{margin-right:1em;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}' +
    '.ok{color:#1b7a36;font-weight:600}.bad{color:#b3261e;font-weight:600}.empty{color:#666}' +
    '.kpi{display:inline-block;margin:0 2em 1em 0}.kpi b{display:block;font-size:28px}pre{white-space:pre-wrap;font-size:11px;background:#f6f6f6;padding:1em}'

function page(title: string, body: string): string {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title><style>${STYLE}</style></head><body>
${body}
</body></html>
`
}

function cover(data: PackData): string {
    const t = data.totals
    const kpi = (label: string, value: number | string, cls = ''): string =>
        `<div class="kpi" data-kpi="${e(label)}"><b class="${cls}">${e(value)}</b>${e(label)}</div>`
    const active = (data.measures['active_now'] as { rows: unknown[] }).rows.length
    const past = (data.measures['past_expiry_now'] as { rows: unknown[] }).rows.length
    return [
        `<p class="muted">Period ${e(data.period.from)} to ${e(data.period.to)} (UTC, end exclusive) · instance ${e(data.instance)} · generated ${e(data.generatedAt)} by ${e(data.generatedBy)}</p>`,
        kpi('requests in period', t.grants),
        kpi('access granted', t.granted),
        kpi('refused by policy', t.refused),
        kpi('access held now', active),
        kpi('held past expiry now (must be 0)', past, past > 0 ? 'bad' : 'ok'),
        kpi(
            'audit chains intact',
            `${t.chainsIntact}/${t.chainsIntact + t.chainsBroken}`,
            t.chainsBroken > 0 ? 'bad' : 'ok',
        ),
        data.breaches.length > 0
            ? `<p class="bad">Targets breached: ${data.breaches.map((b) => e(b)).join(', ')}</p>`
            : '<p class="ok">Every target met: nothing held past expiry, no late revoke, every audit chain intact.</p>',
    ].join('\n')
}

function chainTable(chains: ChainResult[]): string {
    if (chains.length === 0) return '<p class="empty">No grants in this period.</p>'
    return `<table class="chains"><tr><th>Grant</th><th>Events</th><th>Chain</th><th>First bad event / notes</th></tr>${chains
        .map(
            (c) =>
                `<tr data-grant="${e(c.number)}" data-intact="${c.intact}"><td>${e(c.number || c.grantSysId)}</td><td>${c.events}</td><td class="${c.intact ? 'ok' : 'bad'}">${c.intact ? 'intact' : 'BROKEN'}</td><td>${c.intact ? e(c.warnings.join('; ')) : `#${e(c.badSequence ?? '?')}: ${e(c.reason)}`}</td></tr>`,
        )
        .join('')}</table>`
}

/** The full evidence pack: cover, every report (question, chart or list), every chain, the raw JSON. */
export function renderEvidencePack(data: PackData, raw: unknown): string {
    const sections = AUDIT_REPORTS.map(
        (r) =>
            `<section id="${e(r.key)}"><h2>${e(r.title.replace(/^Break-glass: /, ''))}</h2><p class="q">${e(r.question)}</p>${renderMeasure(r, data.measures[r.key]!)}</section>`,
    ).join('\n')
    return page(
        `Break-glass evidence pack ${data.period.from.slice(0, 10)} to ${data.period.to.slice(0, 10)}`,
        [
            `<h1>Break-glass access: evidence pack</h1>`,
            cover(data),
            sections,
            `<section id="chains"><h2>Audit chains</h2><p class="q">Was any grant's audit trail altered? Each chain verified with the executor's check (links, hashes, the journal's anchor, the executor's MAC when the audit key is configured).</p>${chainTable(data.chains)}</section>`,
            `<section id="raw"><h2>Raw data</h2><p class="muted">The rows this pack was computed from, as read from ServiceNow (also in data.json beside this file).</p><pre id="raw-json">${e(JSON.stringify(raw, null, 2))}</pre></section>`,
        ].join('\n'),
    )
}

/** The one-page summary: the cover, the "now" lists' counts and the key measures, as text. */
export function renderSummary(data: PackData): string {
    const line = (key: string, text: string): string =>
        `<tr><th>${e(auditReport(key).title.replace(/^Break-glass: /, ''))}</th><td>${text}</td></tr>`
    const weekly = (key: string): string => {
        const m = data.measures[key] as { values: Record<string, number> }
        const weeks = Object.keys(m.values).sort()
        return weeks.length === 0 ? 'no data' : weeks.map((w) => `${e(w)}: ${m.values[w]} s`).join(', ')
    }
    const groups = (key: string): string => {
        const m = data.measures[key] as { values: Record<string, number> }
        const entries = Object.entries(m.values).sort((a, b) => b[1] - a[1])
        return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${e(k)} ${v}`).join(', ')
    }
    const count = (key: string): string => String((data.measures[key] as { rows: unknown[] }).rows.length)
    return page(
        'Break-glass evidence summary',
        [
            '<h1>Break-glass access: summary</h1>',
            cover(data),
            '<table class="summary">',
            line('active_now', count('active_now')),
            line('past_expiry_now', count('past_expiry_now')),
            line('failed_now', count('failed_now')),
            line('refusals_by_reason', groups('refusals_by_reason')),
            line('approval_latency_weekly', weekly('approval_latency_weekly')),
            line('time_to_access_weekly', weekly('time_to_access_weekly')),
            line('revoke_lateness_weekly', weekly('revoke_lateness_weekly')),
            line('auto_approved_share', groups('auto_approved_share')),
            line('emergency_share', groups('emergency_share')),
            line('grants_per_requester', groups('grants_per_requester')),
            line('votes_per_approver', groups('votes_per_approver')),
            line('drift_findings', count('drift_findings')),
            '</table>',
            '<p class="muted">Details, charts, every chain and the raw data: evidence-pack.html.</p>',
        ].join('\n'),
    )
}

/** The fields the pack reads of each table (read-only). */
export const PACK_GRANT_FIELDS: readonly string[] = [
    'sys_id',
    'sys_created_on',
    ...Object.values(GRANT_FIELDS).filter((f) => f !== GRANT_FIELDS.evidence),
]
export const PACK_TICKET_FIELDS: readonly string[] = [
    'sys_id',
    'sys_created_on',
    TICKET_UPDATE_FIELDS.grant,
    TICKET_UPDATE_FIELDS.kind,
    TICKET_UPDATE_FIELDS.incidentKind,
    TICKET_UPDATE_FIELDS.shortDescription,
    TICKET_UPDATE_FIELDS.resultNumber,
    TICKET_UPDATE_FIELDS.priority,
    TICKET_UPDATE_FIELDS.state,
]
