/**
 * A small PromQL subset — parser and evaluator — for checking the shipped alert rules and dashboard against a
 * real executor's /metrics (test/metrics-export.test.ts) and for rendering the dashboard's panels from scrapes
 * of a sandbox run (scripts/render-dashboard.ts). Not Prometheus: it knows exactly what deploy/prometheus and
 * deploy/grafana use, and refuses anything else loudly, so an expression outside the subset is noticed.
 *
 * Subset: selectors `name{label=|!=|=~|!~"value"}`, range selectors `[5m]`, `rate`, `increase` (counter resets
 * handled; no extrapolation: increase = growth between the first and last sample inside the window),
 * `histogram_quantile` (linear interpolation inside the bucket, as Prometheus), the aggregations
 * `sum | min | max | avg | count` with `by (…)` before or after the argument, and one comparison with a number
 * (`> 0`, `== 0`, …) that filters, as in an alert. Grafana's `$instance` variable is read as `.*`.
 *
 * Test / dev code only.
 */

/** One sample of a scrape. */
export interface Sample {
    name: string
    labels: Record<string, string>
    value: number
}

/** One scrape of /metrics at a time. */
export interface Scrape {
    atMs: number
    samples: Sample[]
}

/** One series of an evaluation result. */
export interface SeriesValue {
    labels: Record<string, string>
    value: number
}

type Matcher = { label: string; op: '=' | '!=' | '=~' | '!~'; value: string }
export type Node =
    | { kind: 'number'; value: number }
    | { kind: 'selector'; name: string | undefined; matchers: Matcher[]; rangeMs?: number }
    | { kind: 'call'; fn: 'rate' | 'increase' | 'histogram_quantile'; args: Node[] }
    | { kind: 'aggregate'; op: 'sum' | 'min' | 'max' | 'avg' | 'count'; by: string[]; arg: Node }
    | { kind: 'compare'; op: '>' | '<' | '>=' | '<=' | '==' | '!='; left: Node; right: number }

const AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'count'])
const FUNCTIONS = new Set(['rate', 'increase', 'histogram_quantile'])
const DURATION_UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** Grafana's dashboard variables as this subset reads them. */
export function substituteVariables(expr: string): string {
    return expr.replace(/\$instance\b/g, '.*')
}

/** Parses `expr`; throws naming the position of anything outside the subset. */
export function parsePromQL(expr: string): Node {
    const src = substituteVariables(expr)
    let pos = 0
    const fail = (what: string): never => {
        throw new Error(`PromQL subset: ${what} at ${pos} in ${JSON.stringify(expr)}`)
    }
    const ws = () => {
        while (pos < src.length && /\s/.test(src[pos]!)) pos++
    }
    const peek = (s: string) => {
        ws()
        return src.startsWith(s, pos)
    }
    const eat = (s: string) => {
        if (!peek(s)) fail(`expected ${JSON.stringify(s)}`)
        pos += s.length
    }
    const ident = (): string => {
        ws()
        const m = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(src.slice(pos))
        if (!m) return fail('expected a name')
        pos += m[0].length
        return m[0]
    }
    const str = (): string => {
        ws()
        const m = /^"((?:[^"\\]|\\.)*)"/.exec(src.slice(pos))
        if (!m) return fail('expected a string')
        pos += m[0].length
        return m[1]!.replace(/\\(.)/g, '$1')
    }
    const num = (): number => {
        ws()
        const m = /^-?\d+(\.\d+)?/.exec(src.slice(pos))
        if (!m) return fail('expected a number')
        pos += m[0].length
        return Number(m[0])
    }
    const labelList = (): string[] => {
        eat('(')
        const labels: string[] = []
        while (!peek(')')) {
            labels.push(ident())
            if (peek(',')) eat(',')
        }
        eat(')')
        return labels
    }
    const selector = (name: string | undefined): Node => {
        const matchers: Matcher[] = []
        if (peek('{')) {
            eat('{')
            while (!peek('}')) {
                const label = ident()
                ws()
                const op = (['=~', '!~', '!=', '='] as const).find((o) => src.startsWith(o, pos))
                if (!op) fail('expected a matcher operator')
                pos += op!.length
                matchers.push({ label, op: op!, value: str() })
                if (peek(',')) eat(',')
            }
            eat('}')
        }
        if (name === undefined && matchers.length === 0) fail('empty selector')
        let rangeMs: number | undefined
        if (peek('[')) {
            eat('[')
            ws()
            const m = /^(\d+)([smhd])/.exec(src.slice(pos))
            if (!m) fail('expected a duration')
            pos += m![0].length
            rangeMs = Number(m![1]) * DURATION_UNITS[m![2]!]!
            eat(']')
        }
        return { kind: 'selector', name, matchers, rangeMs }
    }
    const primary = (): Node => {
        ws()
        if (peek('(')) {
            eat('(')
            const inner = expression()
            eat(')')
            return inner
        }
        if (/^-?\d/.test(src.slice(pos))) return { kind: 'number', value: num() }
        if (peek('{')) return selector(undefined)
        const name = ident()
        if (AGGREGATIONS.has(name)) {
            let by: string[] = []
            if (peek('by')) {
                eat('by')
                by = labelList()
            }
            eat('(')
            const arg = expression()
            eat(')')
            if (by.length === 0 && peek('by')) {
                eat('by')
                by = labelList()
            }
            return { kind: 'aggregate', op: name as 'sum', by, arg }
        }
        if (FUNCTIONS.has(name)) {
            eat('(')
            const args: Node[] = [expression()]
            while (peek(',')) {
                eat(',')
                args.push(expression())
            }
            eat(')')
            const fn = name as 'rate' | 'increase' | 'histogram_quantile'
            if (fn === 'histogram_quantile') {
                if (args.length !== 2 || args[0]!.kind !== 'number') fail('histogram_quantile(q, expr) expected')
            } else if (args.length !== 1 || args[0]!.kind !== 'selector' || args[0]!.rangeMs === undefined) {
                fail(`${fn}(selector[range]) expected`)
            }
            return { kind: 'call', fn, args }
        }
        if (/^(by|without|on|ignoring|group_left|group_right|offset|bool|and|or|unless)$/.test(name))
            fail(`unsupported keyword ${name}`)
        if (peek('(')) fail(`unsupported function ${name}`)
        return selector(name)
    }
    const expression = (): Node => {
        const left = primary()
        ws()
        const op = (['>=', '<=', '==', '!=', '>', '<'] as const).find((o) => src.startsWith(o, pos))
        if (!op) return left
        pos += op.length
        const right = num()
        return { kind: 'compare', op, left, right }
    }
    const node = expression()
    ws()
    if (pos !== src.length) fail('unexpected text')
    return node
}

/** Metric names an expression selects. */
export function metricNames(node: Node): string[] {
    switch (node.kind) {
        case 'number':
            return []
        case 'selector': {
            const byMatcher = node.matchers.filter((m) => m.label === '__name__' && m.op === '=').map((m) => m.value)
            return node.name ? [node.name, ...byMatcher] : byMatcher
        }
        case 'call':
            return node.args.flatMap(metricNames)
        case 'aggregate':
            return metricNames(node.arg)
        case 'compare':
            return metricNames(node.left)
    }
}

/** Parses the Prometheus text exposition into samples (comments skipped). */
export function parseExposition(text: string): Sample[] {
    const samples: Sample[] = []
    for (const line of text.split('\n')) {
        if (line === '' || line.startsWith('#')) continue
        const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line)
        if (!m) throw new Error(`exposition line not understood: ${line}`)
        const labels: Record<string, string> = {}
        for (const l of (m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
            labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1')
        }
        const value = m[4] === '+Inf' ? Infinity : m[4] === '-Inf' ? -Infinity : Number(m[4])
        samples.push({ name: m[1]!, labels, value })
    }
    return samples
}

const seriesKey = (labels: Record<string, string>) =>
    JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))

function matches(sample: Sample, node: Extract<Node, { kind: 'selector' }>): boolean {
    if (node.name !== undefined && sample.name !== node.name) return false
    return node.matchers.every((m) => {
        const v = m.label === '__name__' ? sample.name : (sample.labels[m.label] ?? '')
        switch (m.op) {
            case '=':
                return v === m.value
            case '!=':
                return v !== m.value
            case '=~':
                return new RegExp(`^(?:${m.value})$`).test(v)
            case '!~':
                return !new RegExp(`^(?:${m.value})$`).test(v)
        }
    })
}

/** Growth of a counter over its samples, counter resets counted as from zero. */
function growth(values: number[]): number {
    let total = 0
    for (let i = 1; i < values.length; i++) {
        const d = values[i]! - values[i - 1]!
        total += d >= 0 ? d : values[i]!
    }
    return total
}

function quantile(q: number, buckets: Array<{ le: number; count: number }>): number {
    buckets.sort((a, b) => a.le - b.le)
    const total = buckets[buckets.length - 1]?.count ?? 0
    if (total === 0 || buckets.length < 2) return NaN
    const rank = q * total
    let prevLe = 0
    let prevCount = 0
    for (const b of buckets) {
        if (b.count >= rank) {
            if (b.le === Infinity) return prevLe
            return prevLe + ((b.le - prevLe) * (rank - prevCount)) / Math.max(b.count - prevCount, 1e-12)
        }
        prevLe = b.le
        prevCount = b.count
    }
    return prevLe
}

/** Evaluates `node` at `atMs` over `scrapes` (oldest first). */
export function evaluate(node: Node, scrapes: Scrape[], atMs: number): SeriesValue[] {
    switch (node.kind) {
        case 'number':
            return [{ labels: {}, value: node.value }]
        case 'selector': {
            if (node.rangeMs !== undefined) throw new Error('a range selector needs rate() or increase()')
            const last = [...scrapes].reverse().find((s) => s.atMs <= atMs)
            if (!last) return []
            return last.samples
                .filter((s) => matches(s, node))
                .map((s) => ({ labels: { __name__: s.name, ...s.labels }, value: s.value }))
        }
        case 'call': {
            if (node.fn === 'histogram_quantile') {
                const q = (node.args[0] as { value: number }).value
                const groups = new Map<
                    string,
                    { labels: Record<string, string>; buckets: { le: number; count: number }[] }
                >()
                for (const s of evaluate(node.args[1]!, scrapes, atMs)) {
                    const { le, __name__: _name, ...rest } = s.labels
                    if (le === undefined) continue
                    const key = seriesKey(rest)
                    const group = groups.get(key) ?? { labels: rest, buckets: [] }
                    group.buckets.push({ le: le === '+Inf' ? Infinity : Number(le), count: s.value })
                    groups.set(key, group)
                }
                return [...groups.values()]
                    .map((g) => ({ labels: g.labels, value: quantile(q, g.buckets) }))
                    .filter((s) => !Number.isNaN(s.value))
            }
            const sel = node.args[0] as Extract<Node, { kind: 'selector' }>
            const window = scrapes.filter((s) => s.atMs <= atMs && s.atMs > atMs - sel.rangeMs!)
            const series = new Map<string, { labels: Record<string, string>; points: { t: number; v: number }[] }>()
            for (const scrape of window) {
                for (const s of scrape.samples) {
                    if (!matches(s, sel)) continue
                    const key = seriesKey(s.labels)
                    const entry = series.get(key) ?? { labels: { ...s.labels }, points: [] }
                    entry.points.push({ t: scrape.atMs, v: s.value })
                    series.set(key, entry)
                }
            }
            const out: SeriesValue[] = []
            for (const { labels, points } of series.values()) {
                if (points.length < 2) continue
                const inc = growth(points.map((p) => p.v))
                const seconds = (points[points.length - 1]!.t - points[0]!.t) / 1000
                out.push({ labels, value: node.fn === 'increase' ? inc : inc / seconds })
            }
            return out
        }
        case 'aggregate': {
            const groups = new Map<string, { labels: Record<string, string>; values: number[] }>()
            for (const s of evaluate(node.arg, scrapes, atMs)) {
                const labels = Object.fromEntries(node.by.filter((l) => l in s.labels).map((l) => [l, s.labels[l]!]))
                const key = seriesKey(labels)
                const group = groups.get(key) ?? { labels, values: [] }
                group.values.push(s.value)
                groups.set(key, group)
            }
            return [...groups.values()].map(({ labels, values }) => {
                const sum = values.reduce((a, b) => a + b, 0)
                const value =
                    node.op === 'sum'
                        ? sum
                        : node.op === 'min'
                          ? Math.min(...values)
                          : node.op === 'max'
                            ? Math.max(...values)
                            : node.op === 'avg'
                              ? sum / values.length
                              : values.length
                return { labels, value }
            })
        }
        case 'compare': {
            const test: Record<typeof node.op, (a: number) => boolean> = {
                '>': (a) => a > node.right,
                '<': (a) => a < node.right,
                '>=': (a) => a >= node.right,
                '<=': (a) => a <= node.right,
                '==': (a) => a === node.right,
                '!=': (a) => a !== node.right,
            }
            return evaluate(node.left, scrapes, atMs).filter((s) => test[node.op](s.value))
        }
    }
}

/** Grafana's legend: `{{label}}` replaced by the series' label value. */
export function legend(format: string, labels: Record<string, string>): string {
    return format.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, l: string) => labels[l] ?? '')
}
