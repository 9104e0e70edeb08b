/**
 * The emergency console's packet as the requester gives it (issue 17: the "Emergency console action" item), checked
 * by the app on submit so that a packet the console provider would halt on is refused before anyone approves it,
 * with the reason on the ticket (the provider's own check, `consolePacket` in executor/src/providers/console, stays the
 * last word before the browser opens):
 * - a tenant id shaped like one (letters, digits, `.`, `_`, `-`; it is typed into the console's search);
 * - a tenant name (the provider checks the console shows exactly this name for that id);
 * - the customer administrator as an account name or e-mail address;
 * - a privilege scope naming only privileges the provider may request — never `global_admin` (docs/console.md).
 * The policy (shared/src/policy.ts) refuses a console request missing any part; this adds the shapes and the names.
 *
 * Pure ES2021, dependency-free (bundled into the ServiceNow app too).
 */
import type { DecisionReason, RequestTarget } from './policy-types'

/** Privileges the console provider may request, in the console's own names. `global_admin` is never requested. */
export const CONSOLE_REQUESTABLE_PRIVILEGES: readonly string[] = [
    'user_admin',
    'helpdesk_admin',
    'billing_admin',
    'security_admin',
]

/** Reason code of {@link consoleTargetReasons}. */
export const CONSOLE_PACKET_INVALID = 'CONSOLE_PACKET_INVALID'

/** A console tenant id: letters, digits, `.`, `_`, `-` (e.g. TNT-40213). */
const CONSOLE_TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
/** The customer administrator to restore: an account name or e-mail address. */
const CONSOLE_ACCOUNT = /^[A-Za-z0-9._@\\-]{1,255}$/

/**
 * What is wrong with the console packet of a console request ([] when it is well-formed and requestable): one reason
 * naming every problem, in words the requester can act on.
 */
export function consoleTargetReasons(target: RequestTarget): DecisionReason[] {
    const problems: string[] = []
    const tenantId = target.tenantId || ''
    const tenantName = target.tenantName || ''
    const account = target.account || ''
    if (!CONSOLE_TENANT_ID.test(tenantId))
        problems.push('the customer tenant id is missing or not an id (letters, digits, . _ -)')
    if (tenantName.trim() === '' || tenantName.length > 100 || /[\u0000-\u001f]/.test(tenantName))
        problems.push('the customer tenant name is missing or not a name (at most 100 characters)')
    if (!CONSOLE_ACCOUNT.test(account))
        problems.push('the customer administrator account is missing or not an account name')
    const scope = (target.scope || '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    if (scope.length === 0) problems.push('no privilege is selected')
    for (const s of scope) {
        if (CONSOLE_REQUESTABLE_PRIVILEGES.indexOf(s) < 0)
            problems.push(`privilege "${s}" cannot be requested (only ${CONSOLE_REQUESTABLE_PRIVILEGES.join(', ')})`)
    }
    if (new Set(scope).size !== scope.length) problems.push('the scope names a privilege twice')
    if (problems.length === 0) return []
    // One reason with every problem (reasons are de-duplicated by code when merged).
    return [{ code: CONSOLE_PACKET_INVALID, message: `Emergency console request: ${problems.join('; ')}.` }]
}
