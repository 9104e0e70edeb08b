/**
 * Request signing for the admin-as-a-service webhook contract (`docs/webhook-provider.openapi.yaml`):
 *
 *     X-GBG-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<METHOD>.<path>.<sha256 hex of body>")>
 *
 * The path is the request target as sent (base-path prefix and query string included), so a signature cannot
 * be moved to another grant id or another query. The body hash binds the exact bytes sent.
 */
import { createHash, createHmac } from 'node:crypto'

/** Name of the signature header. */
export const SIGNATURE_HEADER = 'X-GBG-Signature'

/** Lower-case hex SHA-256 of a body (the empty string for requests without one). */
export function bodySha256(body: string): string {
    return createHash('sha256').update(body, 'utf8').digest('hex')
}

/** The exact string that is HMAC-ed. */
export function signingString(timestampSeconds: number, method: string, path: string, body: string): string {
    return `${timestampSeconds}.${method.toUpperCase()}.${path}.${bodySha256(body)}`
}

/**
 * Value of the `X-GBG-Signature` header for one request.
 *
 * @param secret - shared HMAC secret (never logged, never put in an audited call)
 * @param now - the signing time; the service refuses timestamps more than 300 s from its own clock
 */
export function signRequest(secret: string, now: Date, method: string, path: string, body: string): string {
    const t = Math.floor(now.getTime() / 1000)
    const v1 = createHmac('sha256', secret)
        .update(signingString(t, method, path, body))
        .digest('hex')
    return `t=${t},v1=${v1}`
}
