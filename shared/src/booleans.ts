/**
 * One reading of booleans for both sides (the app on the instance, the executor over the Table API).
 *
 * - Properties (`sys_properties.value`, e.g. the kill switch `x_gbg_breakglass.integration_enabled`): a boolean
 *   property stores the text 'true' or 'false' (gs.getProperty and the Table API return it as stored). Only those
 *   two exact texts are accepted: no trimming, no case folding, no '1' / 'yes'. Anything else — missing, empty,
 *   "true ", "TRUE", "1" — is a configuration error: the caller gets its SAFE value (for the kill switch:
 *   integration disabled) and an error text to show where a person sees it. Before this, "true " was enabled
 *   for the executor (it trimmed) and disabled for the app (it did not): two answers to one switch.
 * - Record fields (true/false columns): the Table API returns 'true' / 'false', GlideRecord.getValue inside the
 *   instance returns '1' / '0' (contracts/servicenow-rest.md, "Glide values"), so both spellings are accepted;
 *   anything else is null (the caller decides, usually as an error).
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */

/** A boolean property as read: the value to use, and why it is not the stored one ('' when it is). */
export interface BooleanPropertyReading {
    value: boolean
    /** '' when the property holds exactly 'true' or 'false'; otherwise what is wrong, for a person to fix. */
    error: string
}

/**
 * Read the boolean property `name` from its stored text `raw` (undefined / null when it does not exist).
 * Exactly 'true' → true, exactly 'false' → false, anything else → `safeValue` with an error.
 */
export function parseBooleanProperty(name: string, raw: unknown, safeValue: boolean): BooleanPropertyReading {
    if (raw === 'true') return { value: true, error: '' }
    if (raw === 'false') return { value: false, error: '' }
    const shown = raw === undefined || raw === null ? 'missing' : `"${String(raw).slice(0, 40)}"`
    return {
        value: safeValue,
        error:
            `Property ${name} is ${shown}; only the exact text 'true' or 'false' is accepted, ` +
            `so it is treated as ${String(safeValue)}.`,
    }
}

/** The kill switch: integration enabled only when the property says exactly 'true' (safe value: disabled). */
export function parseKillSwitch(name: string, raw: unknown): BooleanPropertyReading {
    return parseBooleanProperty(name, raw, false)
}

/**
 * A true/false record field as the Table API ('true' / 'false') or getValue ('1' / '0') gives it; else null.
 * The only reading of a boolean field in this code base: never compare a field with 'true' directly (on the
 * instance getValue gives '1', and such a compare is false for every record).
 */
export function parseBooleanField(raw: unknown): boolean | null {
    if (raw === 'true' || raw === '1') return true
    if (raw === 'false' || raw === '0') return false
    return null
}

/**
 * Whether a true/false field is set: exactly true for 'true' / '1' (either spelling, see {@link parseBooleanField});
 * false for 'false' / '0', empty, missing or anything else — the safe reading for flags that grant something
 * (active user, corporate-managed device, open incident, emergency).
 */
export function isTrueField(raw: unknown): boolean {
    return parseBooleanField(raw) === true
}

/**
 * Whether a true/false field is explicitly false ('false' / '0'); false for empty, missing or anything else —
 * for flags whose falseness excuses something (an inactive policy record that does not parse is not reported).
 */
export function isFalseField(raw: unknown): boolean {
    return parseBooleanField(raw) === false
}
