/**
 * The signed "nudge" (issue 18): ServiceNow tells the executor "poll now" when it queues an action that is ready
 * at once (a grant just approved, a "Revoke now"). One definition for both sides: the app signs with it
 * (now-app/src/server/nudge.ts, on the platform, where no `crypto` exists — hence HMAC over the shared pure
 * SHA-256), the executor verifies with it (executor/src/http/server.ts).
 *
 * Wire format:
 *   POST <nudge URL>   Content-Type: application/json
 *   X-GBG-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *   body: {"reason":"action.queued","type":"grant"|"revoke"}   (every field optional; `{}` means "poll now")
 *
 * The nudge carries NO authority: the executor only polls sooner. It reads nothing from the body it would act on
 * (the action to run, its grant, its approval all come from the poll and pass the gate as always), so the body
 * names nothing but a reason and an action type for the log. The signature only keeps strangers from making the
 * executor poll more often; a replay is refused and a flood is bounded by the executor (one extra poll at most
 * per `NUDGE_MIN_POLL_GAP_MS`).
 *
 * Pure ES2021, dependency-free (runs on the ServiceNow platform and in Node).
 */
import { sha256Bytes, utf8Encode } from './sha256'

/** Header carrying the signature. */
export const NUDGE_SIGNATURE_HEADER = 'X-GBG-Signature'
/** Replay window of a nudge signature, in seconds (both directions). */
export const NUDGE_WINDOW_SECONDS = 300
/** Shortest secret accepted on either side (the executor's `GBG_NUDGE_SECRET` rule). */
export const NUDGE_SECRET_MIN_LENGTH = 32
/** Largest body the executor reads. */
export const NUDGE_MAX_BODY_BYTES = 4096
/**
 * However many nudges arrive, a nudge wakes the executor's loop at most once per this many ms: the first at once,
 * later ones within the gap coalesced into one wake-up at its end. A flood costs at most 1000 / 250 = 4 extra polls
 * a second, each one ServiceNow call, and no nudge is delayed by more than this.
 */
export const NUDGE_MIN_POLL_GAP_MS = 250
/** How long the app waits for the executor's answer before logging the nudge as failed (setHttpTimeout). */
export const NUDGE_HTTP_TIMEOUT_MS = 2000

/** What a nudge says (for the executor's log only). */
export interface NudgeBody {
    reason?: string
    type?: 'grant' | 'revoke' | 'verify'
    actionSysId?: string
}

/** HMAC-SHA256 (RFC 2104) of `message` under `key` (both UTF-8), as lowercase hex. */
export function hmacSha256Hex(key: string, message: string): string {
    const BLOCK = 64
    let k = utf8Encode(key)
    if (k.length > BLOCK) k = hexBytes(sha256Bytes(k))
    const inner: number[] = []
    const outer: number[] = []
    for (let i = 0; i < BLOCK; i++) {
        const b = i < k.length ? (k[i] as number) : 0
        inner.push(b ^ 0x36)
        outer.push(b ^ 0x5c)
    }
    const innerHash = hexBytes(sha256Bytes(inner.concat(utf8Encode(message))))
    return sha256Bytes(outer.concat(innerHash))
}

function hexBytes(hex: string): number[] {
    const out: number[] = []
    for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16))
    return out
}

/** The signed string: `"<t>.<raw body>"`. */
export function nudgeSigningInput(unixSeconds: number, body: string): string {
    return `${unixSeconds}.${body}`
}

/** The X-GBG-Signature value for `body` sent at `unixSeconds`. */
export function nudgeSignature(secret: string, unixSeconds: number, body: string): string {
    const t = Math.floor(unixSeconds)
    return `t=${t},v1=${hmacSha256Hex(secret, nudgeSigningInput(t, body))}`
}

/** A parsed X-GBG-Signature header; null when it is not `t=<digits>,v1=<64 hex>`. */
export function parseNudgeSignature(header: string): { t: number; v1: string } | null {
    const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(String(header || '').trim())
    if (!match) return null
    return { t: Number(match[1]), v1: match[2] as string }
}

/** True when the signature time `t` (unix seconds) is within the replay window of `nowMs`. */
export function nudgeTimeInWindow(t: number, nowMs: number): boolean {
    return Math.abs(nowMs / 1000 - t) <= NUDGE_WINDOW_SECONDS
}

/** The body the app sends: a reason and the action's type, nothing the executor would act on. */
export function nudgeBody(type: string): string {
    const body: NudgeBody = { reason: 'action.queued' }
    if (type === 'grant' || type === 'revoke' || type === 'verify') body.type = type
    return JSON.stringify(body)
}

/**
 * Why a configured nudge is not usable ('' when it is): the URL must be https (http only to localhost, as the
 * executor's own rule for plain http) with no credentials in it, and the secret at least
 * {@link NUDGE_SECRET_MIN_LENGTH} characters. The message names the property, never the secret.
 */
export function nudgeConfigProblem(url: string, secret: string): string {
    const m = /^(https?):\/\/([^/?#]*)(?:[/?#]|$)/i.exec(url)
    if (!m) return 'the nudge URL is not an http(s) URL'
    const authority = m[2] as string
    if (authority.indexOf('@') >= 0) return 'the nudge URL must not carry credentials'
    const host = authority.replace(/:\d+$/, '').toLowerCase()
    const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]'
    if ((m[1] as string).toLowerCase() === 'http' && !local)
        return 'the nudge URL must be https (http only to localhost)'
    if (secret.length < NUDGE_SECRET_MIN_LENGTH) {
        return `the nudge secret is missing or shorter than ${NUDGE_SECRET_MIN_LENGTH} characters`
    }
    return ''
}
