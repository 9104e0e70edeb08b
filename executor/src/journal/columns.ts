/**
 * What the journal's stores share: the clock they stamp rows with and the decoding of stored columns.
 */

/** Milliseconds since the epoch, read from the journal's clock at each write. */
export type NowMs = () => number

/** A JSON column's value, or `fallback` when the column is empty or unreadable. */
export function parseJson<T>(text: string | null, fallback: T): T {
    if (text === null || text === '') return fallback
    try {
        return JSON.parse(text) as T
    } catch {
        return fallback
    }
}

/** A nullable epoch-milliseconds column as a date. */
export function dateOrNull(ms: number | null): Date | null {
    return ms === null ? null : new Date(ms)
}
