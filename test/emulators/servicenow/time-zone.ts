/**
 * Time zones of the emulated instance (contract "Time zones and dates"): date-time columns are stored in UTC as
 * `YYYY-MM-DD HH:mm:ss`; a user's zone (`sys_user.time_zone`) changes only how a value is shown to them
 * (`sysparm_display_value=true|all`), how a value they write is read with `sysparm_input_display_value=true`, and —
 * with the emulator's `queryDateZone: 'user'` — how a plain date value in their encoded query is read.
 *
 * Zones are IANA / Java zone ids (`America/New_York`, `Europe/Berlin`, `GMT`, `US/Eastern`); an empty zone is the
 * instance's system zone, which the emulator takes as GMT.
 */

const GLIDE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** The zone an empty `sys_user.time_zone` means here (the instance's system zone). */
export const SYSTEM_TIME_ZONE = 'GMT'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(zone: string): Intl.DateTimeFormat {
    let f = formatters.get(zone)
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
        })
        formatters.set(zone, f)
    }
    return f
}

/** True when `zone` is a zone id the platform (and this emulator) knows. */
export function isTimeZone(zone: string): boolean {
    if (zone === '') return true
    try {
        formatter(zone)
        return true
    } catch {
        return false
    }
}

/** The zone a user's `time_zone` value stands for. */
export function effectiveZone(userZone: string | undefined): string {
    return userZone === undefined || userZone === '' ? SYSTEM_TIME_ZONE : userZone
}

/** Wall-clock fields of the instant `utcMs` in `zone`, as epoch ms of that wall clock read as UTC. */
function wallClockMs(utcMs: number, zone: string): number {
    const parts: Record<string, number> = {}
    for (const p of formatter(zone).formatToParts(new Date(utcMs))) {
        if (p.type !== 'literal') parts[p.type] = Number(p.value)
    }
    return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!)
}

function parse(value: string): number | undefined {
    const m = GLIDE_DATE_TIME.exec(value)
    if (!m) return undefined
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
    return Number.isNaN(ms) ? undefined : ms
}

function format(ms: number): string {
    return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

/** A UTC `YYYY-MM-DD HH:mm:ss` value as the wall clock of `zone`; other text is returned unchanged. */
export function utcToZone(value: string, zone: string): string {
    const ms = parse(value)
    if (ms === undefined) return value
    return format(wallClockMs(ms, zone))
}

/**
 * A `YYYY-MM-DD HH:mm:ss` wall clock of `zone` as the UTC value; other text is returned unchanged. A wall clock in
 * a DST gap or overlap resolves to one of its readings (not modelled more precisely).
 */
export function zoneToUtc(value: string, zone: string): string {
    const wall = parse(value)
    if (wall === undefined) return value
    let utc = wall - (wallClockMs(wall, zone) - wall)
    utc = wall - (wallClockMs(utc, zone) - utc)
    return format(utc)
}
