/**
 * The words people read about a grant in e-mails and ticket comments: what access it is (kind and target, never a
 * tenant id, secret or plan digest) and stored times in the one format people read (time-format.ts formatTime,
 * "2026-11-27 10:30 UTC"). The HTML e-mails print these texts through the app's mail script, which escapes them
 * (now-app notifications/notifications.now.ts).
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import type { TargetKind } from './schema'
import { formatTime } from './time-format'

/** What a grant gives access to, as the e-mail names it. */
export interface AccessTarget {
    kind: TargetKind | string
    /** Device name (device_local_admin). */
    ciName?: string
    /** Entra role display name (entra_role). */
    roleName?: string
    /** Entra group display name, when known (entra_group). */
    groupName?: string
    /** Account name (pam_account, console). */
    account?: string
}

/** A stored glide_date_time value ("YYYY-MM-DD HH:mm:ss", UTC) as people read it (formatTime); '' when empty or malformed. */
export function glideUtcText(value: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(String(value || '').trim())
    if (!m) return ''
    const n = (i: number): number => Number(m[i])
    return formatTime(new Date(Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6))))
}

/** The access in words, e.g. "local administrator rights on PC-ALICE" or "the Entra role Global Administrator". */
export function accessText(target: AccessTarget): string {
    const named = (value: string | undefined, fallback: string): string => (value && value.trim()) || fallback
    switch (target.kind) {
        case 'device_local_admin':
            return `local administrator rights on ${named(target.ciName, 'the requested device')}`
        case 'entra_role':
            return `the Entra role ${named(target.roleName, '(unnamed role)')}`
        case 'entra_group':
            return `membership of the Entra group ${named(target.groupName, '(unnamed group)')}`
        case 'pam_account':
            return `use of the privileged account ${named(target.account, '(unnamed account)')}`
        case 'console':
            return `console access as ${named(target.account, '(unnamed account)')}`
        default:
            return 'the requested access'
    }
}

/**
 * What a failure card says happened after a grant / revoke / verify failed and incident `incidentNumber` was raised
 * (the executor raises it through the app, which assigns it to Security Operations). Only what did happen: the
 * request item's own routing (resolver group) is the app's and is read on the ticket.
 */
export function failureOutcomeText(operation: 'grant' | 'revoke' | 'verify', incidentNumber: string): string {
    const incident = incidentNumber ? `incident ${incidentNumber}` : 'an incident'
    if (operation === 'grant') {
        return `No access was given. The reason is on the request, and ${incident} was raised for Security Operations.`
    }
    return `The access may still exist. Security Operations has ${incident}, and the executor keeps retrying.`
}
