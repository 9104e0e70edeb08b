/**
 * The frozen execution plan in words, for approvers (approval record, notification) and the ticket: exactly
 * what the executor will do, with the digest that the executor checks before acting.
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import type { ExecutionPlan } from './plan-types'
import { formatTime } from './time-format'

const KIND_TEXT: Record<string, string> = {
    device_local_admin: 'local administrator on device',
    entra_role: 'Entra ID directory role',
    entra_group: 'membership of Entra ID group',
    pam_account: 'PAM-managed account',
    console: 'emergency console account',
}

/** Multi-line, human-readable rendering of `plan`. */
export function planText(plan: ExecutionPlan, digest: string): string {
    const t = plan.target
    let target = KIND_TEXT[t.kind] || t.kind
    if (t.kind === 'device_local_admin')
        target += ` ${t.deviceName || t.ciSysId || '?'} (${t.deviceClass || 'unknown class'})`
    else if (t.kind === 'entra_role') target += ` ${t.roleName ? `${t.roleName} (${t.roleId})` : t.roleId || '?'}`
    else if (t.kind === 'entra_group') target += ` ${t.groupId || '?'}`
    else target += ` ${t.account || '?'}`
    const tickets: string[] = []
    if (plan.tickets.ritm) tickets.push(`request ${plan.tickets.ritm}`)
    if (plan.tickets.incident) tickets.push(`incident ${plan.tickets.incident}`)
    if (plan.tickets.change) tickets.push(`change ${plan.tickets.change}`)
    const ext = plan.extension
    if (plan.operation === 'extend' && ext) {
        return [
            `Extension plan ${plan.grantNumber} for ${ext.grantNumber}${plan.emergency ? ' (EMERGENCY)' : ''}${plan.highRisk ? ' (HIGH RISK)' : ''}`,
            `- Provider: ${plan.provider}, operation: extend the live access in place, then automatic revoke at the new end`,
            `- Who: ${plan.principal.userName} <${plan.principal.email}>`,
            `- What: ${target}`,
            `- Ends now: ${formatTime(new Date(ext.fromExpiresAt))}; new end: ${formatTime(new Date(ext.toExpiresAt))} (${plan.durationMinutes} more minutes)`,
            `- Tickets: ${tickets.length > 0 ? tickets.join(', ') : 'none'}`,
            `- Justification: ${plan.justification}`,
            `- Plan digest (SHA-256): ${digest}`,
        ].join('\n')
    }
    return [
        `Execution plan for ${plan.grantNumber}${plan.emergency ? ' (EMERGENCY)' : ''}${plan.highRisk ? ' (HIGH RISK)' : ''}`,
        `- Provider: ${plan.provider}, operation: ${plan.operation}, then automatic revoke at expiry`,
        `- Who: ${plan.principal.userName} <${plan.principal.email}>`,
        `- What: ${target}`,
        `- For: ${plan.durationMinutes} minutes from the moment it is granted`,
        `- Tickets: ${tickets.length > 0 ? tickets.join(', ') : 'none'}`,
        `- Justification: ${plan.justification}`,
        `- Plan digest (SHA-256): ${digest}`,
    ].join('\n')
}
