import { Property } from '@servicenow/sdk/core'
import { adminRole, secopsRole } from '../security/roles.now'

/*
 * System properties of the app (names: PROPERTY in shared/src/schema.ts). Read at runtime with
 * gs.getProperty(); the dist tests check each exists with its default.
 *
 * Write access: admin and SecOps (these tune a security control). Read access: default (server code).
 * The integration switch is the kill switch: when false, no new grant actions are queued and the executor
 * refuses to grant (it still revokes — removing access is always allowed).
 */

export const integrationEnabledProperty = Property({
    $id: Now.ID['prop-integration-enabled'],
    name: 'x_gbg_breakglass.integration_enabled',
    type: 'boolean',
    value: true,
    description: 'Kill switch. When false, no grant is queued or executed; revokes still run.',
    roles: { write: [adminRole, secopsRole] },
})

export const defaultMaxDurationProperty = Property({
    $id: Now.ID['prop-default-max-duration'],
    name: 'x_gbg_breakglass.default_max_duration_minutes',
    type: 'integer',
    value: 240,
    description: 'Maximum duration in minutes when no policy sets one (hard bounds 5-1440 always apply).',
    roles: { write: [adminRole, secopsRole] },
})

export const revokeGraceProperty = Property({
    $id: Now.ID['prop-revoke-grace'],
    name: 'x_gbg_breakglass.revoke_grace_minutes',
    type: 'integer',
    value: 5,
    description: 'Minutes after expiry before the watchdog treats a still-active grant as a missed revoke.',
    roles: { write: [adminRole, secopsRole] },
})

export const approvalTimeoutProperty = Property({
    $id: Now.ID['prop-approval-timeout'],
    name: 'x_gbg_breakglass.approval_timeout_minutes',
    type: 'integer',
    value: 240,
    description: 'Minutes an approval may stay pending before it escalates (policy may override).',
    roles: { write: [adminRole, secopsRole] },
})

export const emergencyApprovalTimeoutProperty = Property({
    $id: Now.ID['prop-emergency-approval-timeout'],
    name: 'x_gbg_breakglass.emergency_approval_timeout_minutes',
    type: 'integer',
    value: 5,
    description: 'Minutes an emergency approval may stay pending before it escalates to the on-call managers.',
    roles: { write: [adminRole, secopsRole] },
})

export const watchdogIntervalProperty = Property({
    $id: Now.ID['prop-watchdog-interval'],
    name: 'x_gbg_breakglass.watchdog_interval_minutes',
    type: 'integer',
    value: 5,
    description: 'How often the watchdog job looks for overdue grants, stuck actions and silent executors.',
    roles: { write: [adminRole, secopsRole] },
})

export const heartbeatStaleProperty = Property({
    $id: Now.ID['prop-heartbeat-stale'],
    name: 'x_gbg_breakglass.heartbeat_stale_minutes',
    type: 'integer',
    value: 10,
    description: 'Minutes without an executor poll before the watchdog raises an incident.',
    roles: { write: [adminRole, secopsRole] },
})

export const secopsGroupProperty = Property({
    $id: Now.ID['prop-secops-group'],
    name: 'x_gbg_breakglass.secops_group',
    type: 'string',
    value: '',
    description:
        'sys_id of the Security Operations group: policy-rejected requests are assigned to it, watchdog incidents and revoke failures go to it. Required: while it is empty or not a group, every request is refused with that reason (nobody would get its escalations). Set it at install.',
    roles: { write: [adminRole, secopsRole] },
})

export const resolverGroupProperty = Property({
    $id: Now.ID['prop-resolver-group'],
    name: 'x_gbg_breakglass.resolver_group',
    type: 'string',
    value: '',
    description:
        'sys_id of the resolver group a failed grant is routed to: its request item is assigned to the group with the reason (seed: "routes to the right resolver group"). Empty or not a group: Security Operations, and the work note says so.',
    roles: { write: [adminRole, secopsRole] },
})

export const expiryWarningProperty = Property({
    $id: Now.ID['prop-expiry-warning'],
    name: 'x_gbg_breakglass.expiry_warning_minutes',
    type: 'integer',
    value: 10,
    description: 'Minutes before expiry at which the requester gets the "access expires soon" e-mail.',
    roles: { write: [adminRole, secopsRole] },
})

export const deviceAdminProviderProperty = Property({
    $id: Now.ID['prop-device-admin-provider'],
    name: 'x_gbg_breakglass.device_admin_provider',
    type: 'string',
    value: 'entra-group',
    description:
        'Provider the plan names for device local admin: entra-group (an Intune-fed Entra group; the executor maps device classes to groups), webhook (an admin-as-a-service endpoint) or epm (BeyondTrust EPM Just-in-Time Admin: 5 minutes to 24 hours, one open request per user). Anything else refuses device requests.',
    roles: { write: [adminRole, secopsRole] },
})

/*
 * The nudge (issue 18; server/nudge.ts): when the app queues an action that is ready now (a grant just approved,
 * "Revoke now", the watchdog's re-queued revoke), an async business rule POSTs a signed "poll now" to the
 * executor, so approval -> active does not wait for the next poll. Optional: off until enabled with a URL and a
 * secret; a failed nudge is only logged (the executor's poll stays the source of truth).
 * The secret is a password2 property (stored encrypted, masked in the UI; the SDK's rest-message guide:
 * "Store the actual key in a password2 system property ... Set at runtime via gs.getProperty()"), private (not
 * carried by update sets or the app package), readable and writable by admins only.
 */
export const nudgeEnabledProperty = Property({
    $id: Now.ID['prop-nudge-enabled'],
    name: 'x_gbg_breakglass.nudge_enabled',
    type: 'boolean',
    value: false,
    description:
        'Send the signed nudge to the executor when an action is queued that is ready now, so it polls at once. Needs the nudge URL and secret; a failed nudge is logged and changes nothing else.',
    roles: { write: [adminRole, secopsRole] },
})

export const nudgeUrlProperty = Property({
    $id: Now.ID['prop-nudge-url'],
    name: 'x_gbg_breakglass.nudge_url',
    type: 'string',
    value: '',
    description:
        "The executor's nudge endpoint, e.g. https://executor.example.com:8443/v1/nudge (https; http only to localhost).",
    roles: { write: [adminRole, secopsRole] },
})

export const nudgeSecretProperty = Property({
    $id: Now.ID['prop-nudge-secret'],
    name: 'x_gbg_breakglass.nudge_secret',
    type: 'password2',
    value: '',
    isPrivate: true,
    description:
        "HMAC secret of the nudge (at least 32 characters): the same value as the executor's GBG_NUDGE_SECRET.",
    roles: { read: [adminRole], write: [adminRole] },
})
