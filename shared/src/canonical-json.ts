/**
 * Canonical JSON: one byte-for-byte serialisation per JSON value, so a digest computed on the ServiceNow
 * instance and one computed by the executor over the "same" object always agree, whatever key order or
 * whitespace the stored JSON happened to use.
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */

/**
 * Serialise `value` deterministically:
 * - object keys sorted recursively (by UTF-16 code unit, `Array.prototype.sort` default order);
 * - no whitespace; arrays keep their order;
 * - object properties whose value is `undefined` are dropped (as `JSON.stringify` does); `undefined` inside an
 *   array becomes `null` (again as `JSON.stringify` does), so the output is always valid JSON;
 * - numbers use the JavaScript number-to-string rules of `JSON.stringify` (`-0` → `0`, `1e21` stays exponent);
 * - strings are escaped by `JSON.stringify`.
 *
 * @throws Error for NaN / ±Infinity, functions, symbols, bigints, non-plain objects (Date, Map, class
 *   instances…), and cycles — none of them has one unambiguous JSON form, and a digest over an ambiguous form
 *   would be worthless.
 */
export function canonicalJson(value: unknown): string {
    return serialise(value, [], '$')
}

function serialise(value: unknown, stack: unknown[], path: string): string {
    if (value === null) return 'null'
    const type = typeof value
    if (type === 'string') return JSON.stringify(value)
    if (type === 'boolean') return value ? 'true' : 'false'
    if (type === 'number') {
        if (!isFinite(value as number)) {
            throw new Error(`canonicalJson: ${path} is ${String(value)}, which has no JSON form`)
        }
        return JSON.stringify(value)
    }
    if (type === 'undefined' || type === 'function' || type === 'symbol' || type === 'bigint') {
        throw new Error(`canonicalJson: ${path} is a ${type}, which has no JSON form`)
    }
    // Only objects remain.
    if (stack.indexOf(value) >= 0) throw new Error(`canonicalJson: ${path} is a cycle`)
    if (Array.isArray(value)) {
        stack.push(value)
        const parts: string[] = []
        for (let i = 0; i < value.length; i++) {
            const item: unknown = value[i]
            parts.push(item === undefined ? 'null' : serialise(item, stack, `${path}[${i}]`))
        }
        stack.pop()
        return `[${parts.join(',')}]`
    }
    // Object.prototype.toString rather than instanceof / prototype identity: the same check must accept plain
    // objects created in another realm (a vm context, the platform's script engine).
    if (
        Object.prototype.toString.call(value) !== '[object Object]' ||
        typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ) {
        throw new Error(`canonicalJson: ${path} is not a plain object`)
    }
    stack.push(value)
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).sort()
    const parts: string[] = []
    for (const key of keys) {
        const item = record[key]
        if (item === undefined) continue
        parts.push(`${JSON.stringify(key)}:${serialise(item, stack, `${path}.${key}`)}`)
    }
    stack.pop()
    return `{${parts.join(',')}}`
}
