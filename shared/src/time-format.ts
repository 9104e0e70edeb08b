/**
 * The one way times and durations are written for people: Teams cards, work notes and comments the executor
 * writes (and the app may use the same). One format everywhere, always with its zone, so a reader never wonders
 * whether "15:42" is their time or the server's:
 *
 *   formatTime(d)        → "2026-12-02 15:42 UTC"
 *   formatMinutes(1)     → "1 minute";  formatMinutes(90) → "1 hour 30 minutes"
 *
 * UTC, because the writer does not know the reader's zone (a work note is read by the requester, the approver
 * and the auditor, anywhere) and because it is what ServiceNow stores. Minutes, because no access in this system
 * is shorter than a minute and a seconds digit in a message invites false precision.
 *
 * Pure ES2021, no Intl (the ServiceNow app bundles shared/ for Rhino).
 */

function pad2(n: number): string {
    return n < 10 ? `0${n}` : String(n)
}

/**
 * A time for people: `YYYY-MM-DD HH:mm UTC` (24-hour clock, minutes truncated).
 *
 * @throws RangeError on an invalid date (a message must never say "NaN-NaN").
 */
export function formatTime(date: Date): string {
    const ms = date.getTime()
    if (!Number.isFinite(ms)) throw new RangeError('formatTime: invalid date')
    return (
        `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ` +
        `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())} UTC`
    )
}

/** `count` and the noun, singular for exactly 1: `plural(1, 'minute')` → "1 minute", `plural(5, …)` → "5 minutes". */
export function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * A duration in whole minutes for people: "1 minute", "45 minutes", "2 hours", "1 hour 30 minutes",
 * "1 day 2 hours".
 *
 * @throws RangeError unless `minutes` is a whole number ≥ 0.
 */
export function formatMinutes(minutes: number): string {
    if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError('formatMinutes: not a whole number of minutes')
    if (minutes < 60) return plural(minutes, 'minute')
    const days = Math.floor(minutes / 1440)
    const hours = Math.floor((minutes % 1440) / 60)
    const mins = minutes % 60
    const parts: string[] = []
    if (days > 0) parts.push(plural(days, 'day'))
    if (hours > 0) parts.push(plural(hours, 'hour'))
    if (mins > 0 && days === 0) parts.push(plural(mins, 'minute'))
    return parts.join(' ')
}
