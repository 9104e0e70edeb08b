/**
 * The executor's audit event MAC (docs/security.md "Audit chain"): `HMAC-SHA256(key, auditMacInput(hash))`, hex —
 * the message and which events need a MAC are defined once in shared/src/audit-chain.ts.
 * The event hash commits to the event and to the whole chain before it, so a valid MAC proves a holder of the key
 * (an executor) appended exactly this event at exactly this position. The key comes from GBG_AUDIT_KEY(_FILE) and
 * never leaves the executor (never logged, never sent to ServiceNow).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { auditMacInput } from '@gbg/shared'

/** The MAC of an event hash under `key`. */
export function auditMac(key: string, hash: string): string {
    return createHmac('sha256', key).update(auditMacInput(hash)).digest('hex')
}

/** True when `mac` is the MAC of `hash` under `key` (constant-time comparison). */
export function auditMacValid(key: string, hash: string, mac: string): boolean {
    if (!/^[0-9a-f]{64}$/.test(mac)) return false
    return timingSafeEqual(Buffer.from(auditMac(key, hash), 'hex'), Buffer.from(mac, 'hex'))
}
