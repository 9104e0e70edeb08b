/** ISO 8601 durations as PIM's `expiration.duration` uses them. */

/** Minutes → normalised ISO 8601 duration (`90` → `PT1H30M`, `2880` → `P2D`). */
export function isoDurationFromMinutes(minutes: number): string {
    if (!Number.isInteger(minutes) || minutes <= 0)
        throw new RangeError(`duration must be a positive whole number of minutes, got ${minutes}`)
    const days = Math.floor(minutes / 1440)
    const hours = Math.floor((minutes % 1440) / 60)
    const mins = minutes % 60
    let out = 'P'
    if (days) out += `${days}D`
    if (hours || mins) out += 'T'
    if (hours) out += `${hours}H`
    if (mins) out += `${mins}M`
    return out
}

/** ISO 8601 duration (`P1DT2H30M15S`) → milliseconds; null when malformed. */
export function parseIsoDurationMs(text: string): number | null {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text)
    if (!m || text === 'P' || text.endsWith('T')) return null
    const [, d, h, min, s] = m
    return (Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1_000
}
