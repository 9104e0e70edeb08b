/**
 * Small OData / ISO 8601 pieces the Graph emulator needs: the error body, `$filter` parsing (only `eq` joined by
 * `and`, the subset the PIM and users endpoints document for our queries) and ISO 8601 durations.
 *
 * Test / dev code only.
 */
import { randomUUID } from 'node:crypto'

/** Graph's OData error body. */
export interface ODataErrorBody {
    error: {
        code: string
        message: string
        innerError: { date: string; 'request-id': string; 'client-request-id': string }
    }
}

/** Build the OData error body exactly as Graph returns it. */
export function odataError(code: string, message: string, now: Date, clientRequestId?: string): ODataErrorBody {
    const requestId = randomUUID()
    return {
        error: {
            code,
            message,
            innerError: {
                date: now.toISOString().replace(/\.\d{3}Z$/, ''),
                'request-id': requestId,
                'client-request-id': clientRequestId ?? requestId,
            },
        },
    }
}

/** A `$filter` the emulator cannot evaluate: Graph answers 400 rather than ignoring it. */
export class UnsupportedFilterError extends Error {}

/**
 * Parse `a eq 'x' and b eq 'y'` into `{a: 'x', b: 'y'}`. Doubled single quotes are OData's escape. Anything else
 * (`or`, `ne`, functions, unquoted values) throws {@link UnsupportedFilterError}: answering with more rows than
 * Graph would hides caller bugs.
 */
export function parseEqFilter(filter: string | null, allowed: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {}
    if (filter === null || filter.trim() === '') return out
    const clause = /^\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*/
    let rest = filter
    for (;;) {
        const m = clause.exec(rest)
        if (!m) throw new UnsupportedFilterError(`Invalid filter clause: ${filter}`)
        const field = m[1] as string
        if (!allowed.includes(field)) throw new UnsupportedFilterError(`Unsupported filter property '${field}'`)
        out[field] = (m[2] as string).replace(/''/g, "'")
        rest = rest.slice(m[0].length)
        if (rest === '') return out
        const and = /^and\s+/i.exec(rest)
        if (!and) throw new UnsupportedFilterError(`Invalid filter clause: ${filter}`)
        rest = rest.slice(and[0].length)
    }
}

/** Parse an ISO 8601 duration (`PT30M`, `P1DT2H`, `PT90S`) into milliseconds; null when malformed. */
export function parseIsoDuration(text: string): number | null {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text)
    if (!m || text === 'P' || text.endsWith('T')) return null
    const [, d, h, min, s] = m
    return (Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1_000
}

/** Graph's date-time format (UTC, `Z`). */
export function isoZ(date: Date): string {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
