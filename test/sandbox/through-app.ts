/**
 * The sandbox's request goes through the ServiceNow app's real server modules (on the emulator): the requester
 * orders the catalog item, the app judges it (policy, tickets, approvers), freezes the plan and asks for
 * approval; the approvers approve in turn; the app queues the grant action. The app keeps running for the rest of
 * the sandbox, reacting to the executor's Table API write-backs (ticket comments, notification events).
 *
 * Test / dev code only.
 */
import { GRANT_FIELDS, PLATFORM_TABLE, TABLE, type Decision, type ExecutionPlan, type ProviderName } from '@gbg/shared'
import type { ServiceNowEmulator } from '../emulators/servicenow'
import { castVote, orderItem } from '../../now-app/test/support/app-actions'
import { GlideRecord } from '../../now-app/test/support/glide-fake'
import { installAppCatalog, startAppOnEmulator, type AppRuntime } from '../support/app-on-emulator'

/** What the requester orders. */
export interface AppOrder {
    provider: ProviderName
    requester: { sysId: string; userName: string }
    secopsGroupSysId: string
    ciSysId: string
    roleId: string
    durationMinutes: number
    justification: string
    /** The emergency console request (issue 14): its P1 incident and packet. */
    console?: {
        incidentSysId: string
        account: string
        tenantId: string
        tenantName: string
        scope: string
    }
}

/** What the app produced. */
export interface AppSubmission {
    app: AppRuntime
    ritm: { sysId: string; number: string }
    grant: { sysId: string; number: string }
    action: { sysId: string; number: string }
    approvalSysIds: string[]
    /** user_name of each approver, in the order they approved. */
    approvedBy: string[]
    plan: ExecutionPlan
    planDigest: string
    decision: Decision
}

/**
 * The emergency console request as an entry point creates it (issue 14; the catalog item / incident action that
 * collects it is another area's): a RITM, then the grant in state `requested` with the console packet and the P1
 * incident. The grant's after-insert rule then judges it exactly as for every other kind (submit.ts).
 */
function requestConsole(order: AppOrder, c: NonNullable<AppOrder['console']>): string {
    const ritm = new GlideRecord(PLATFORM_TABLE.ritm)
    ritm.initialize()
    ritm.setValue('short_description', `Emergency console restoration: ${c.tenantName}`)
    ritm.setValue('requested_for', order.requester.sysId)
    ritm.setValue('opened_by', order.requester.sysId)
    const ritmSysId = ritm.insert() ?? ''
    const grant = new GlideRecord(TABLE.grant)
    grant.initialize()
    const values: Record<string, string> = {
        [GRANT_FIELDS.requestedFor]: order.requester.sysId,
        [GRANT_FIELDS.openedBy]: order.requester.sysId,
        [GRANT_FIELDS.targetKind]: 'console',
        [GRANT_FIELDS.targetAccount]: c.account,
        [GRANT_FIELDS.targetTenantId]: c.tenantId,
        [GRANT_FIELDS.targetTenantName]: c.tenantName,
        [GRANT_FIELDS.targetScope]: c.scope,
        [GRANT_FIELDS.requestedDuration]: String(order.durationMinutes),
        [GRANT_FIELDS.justification]: order.justification,
        [GRANT_FIELDS.incident]: c.incidentSysId,
        [GRANT_FIELDS.emergency]: 'true',
        [GRANT_FIELDS.ritm]: ritmSysId,
        [GRANT_FIELDS.state]: 'requested',
    }
    for (const [field, value] of Object.entries(values)) grant.setValue(field, value)
    grant.insert()
    return ritmSysId
}

/** Order, approve and queue through the app. Throws with the app's reasons when it refuses. */
export function submitThroughApp(sn: ServiceNowEmulator, order: AppOrder): AppSubmission {
    const items = installAppCatalog(
        sn,
        order.secopsGroupSysId,
        order.provider === 'entra-group' || order.provider === 'epm' ? order.provider : 'webhook',
    )
    const app = startAppOnEmulator(sn)
    const entra = order.provider === 'entra-role'
    const ritmSysId = order.console
        ? app.as(order.requester.userName, () => requestConsole(order, order.console!))
        : app.as(order.requester.userName, () =>
              orderItem(
                  entra ? items.entraRole : items.localAdmin,
                  order.requester.sysId,
                  {
                      requested_for: order.requester.sysId,
                      device: entra ? '' : order.ciSysId,
                      role: entra ? order.roleId : '',
                      duration_minutes: String(order.durationMinutes),
                      justification: order.justification,
                      emergency: 'false',
                  },
                  {
                      short_description: entra ? 'Temporary Entra role' : 'Temporary local admin access',
                      requested_for: order.requester.sysId,
                  },
              ),
          )
    const grantOf = () => sn.store.list(TABLE.grant, (g) => g[GRANT_FIELDS.ritm] === ritmSysId)[0]
    const submitted = grantOf()
    if (!submitted) throw new Error('the app created no grant for the catalog request')
    if (submitted[GRANT_FIELDS.state] !== 'awaiting_approval') {
        throw new Error(
            `the app did not ask for approval: ${submitted[GRANT_FIELDS.state]} — ${submitted[GRANT_FIELDS.lastError]}`,
        )
    }
    const grantSysId = submitted['sys_id']!
    const approvals = sn.store.list(PLATFORM_TABLE.approval, (a) => a['document_id'] === grantSysId)
    const userName = (sysId: string): string => sn.store.get(PLATFORM_TABLE.user, sysId)?.['user_name'] ?? sysId
    const approvedBy: string[] = []
    const approvalSysIds: string[] = []
    for (const approval of approvals) {
        if (grantOf()?.[GRANT_FIELDS.state] !== 'awaiting_approval') break
        const approver = userName(approval['approver'] ?? '')
        if (approvedBy.indexOf(approver) >= 0) continue
        app.as(approver, () => castVote(approval['sys_id']!, 'approved'))
        approvedBy.push(approver)
        approvalSysIds.push(approval['sys_id']!)
    }
    const queued = grantOf()!
    if (queued[GRANT_FIELDS.state] !== 'queued') {
        throw new Error(
            `the app did not queue the grant: ${queued[GRANT_FIELDS.state]} — ${queued[GRANT_FIELDS.lastError]}`,
        )
    }
    const action = sn.store.list(TABLE.action, (a) => a['grant'] === grantSysId && a['type'] === 'grant')[0]!
    const stored = JSON.parse(queued[GRANT_FIELDS.policyDecision] || '{}') as Record<string, unknown>
    const plan = JSON.parse(queued[GRANT_FIELDS.plan]!) as ExecutionPlan
    return {
        app,
        ritm: { sysId: ritmSysId, number: sn.store.get(PLATFORM_TABLE.ritm, ritmSysId)?.['number'] ?? '' },
        grant: { sysId: grantSysId, number: queued[GRANT_FIELDS.number]! },
        action: { sysId: action['sys_id']!, number: action['number']! },
        approvalSysIds,
        approvedBy,
        plan,
        planDigest: queued[GRANT_FIELDS.planDigest]!,
        decision: {
            allowed: true,
            reasons: [],
            durationMinutes: plan.durationMinutes,
            requiredApprovals: (stored['requiredApprovals'] as Decision['requiredApprovals']) ?? [],
            autoApprove: (stored['autoApprove'] as Decision['autoApprove']) ?? null,
            highRisk: stored['highRisk'] === true,
            policyName: String(stored['policy'] ?? ''),
            approvalTimeoutMinutes: Number(stored['approvalTimeoutMinutes'] ?? 0),
            escalationGroupId: String(stored['escalationGroupId'] ?? ''),
        },
    }
}
