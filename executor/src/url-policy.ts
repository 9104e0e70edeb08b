/**
 * Which URLs the executor talks to: ONE decision, used by the configuration (config.ts), the providers and the
 * Teams notifier, so a URL is never accepted by one and refused by another.
 *
 * `https:` always; plain `http:` only to a loopback host (localhost and *.localhost, 127.0.0.0/8, ::1): every URL
 * the executor calls carries credentials or grants access, and loopback is the one place no network sees them
 * (local emulators, a sidecar proxy).
 */

/** True for a loopback host name: localhost (and *.localhost), 127.0.0.0/8, ::1 (with or without brackets). */
export function isLoopbackHost(hostname: string): boolean {
    const h = hostname.toLowerCase().replace(/^\[|\]$/g, '')
    if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true
    const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h)
    return m !== null && m.slice(1).every((o) => Number(o) <= 255)
}

/** True when the executor may call `url`: https, or http to a loopback host. */
export function isAllowedUrl(url: URL): boolean {
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
}

/** The rule in words, for error messages. */
export const URL_RULE = 'must use https:// (plain http:// is allowed only to localhost, 127.0.0.0/8 or ::1)'
