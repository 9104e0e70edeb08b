/**
 * More approved grants on top of the sandbox scenario (`test/sandbox/seed.ts`): the end-to-end tests need many
 * grants (200 for the two-executor test), each on its own workstation — the admin-as-a-service refuses a second
 * active grant of the same principal on the same device — and records the app would never produce (tampered
 * plans, unknown action types). Every grant is written the way the app writes one: RITM, grant record, plan
 * frozen with its digest by the shared `buildPlan` / `planDigest`, an approval by the requester's manager (never
 * the requester), the app-side audit events hash-chained from genesis, and one ready grant action.
 *
 * Test code only.
 */
import { randomBytes } from 'node:crypto'
import {
    ACTION_FIELDS,
    ACTION_PRIORITY,
    AUDIT_FIELDS,
    GENESIS_HASH,
    GRANT_FIELDS,
    PLATFORM_TABLE,
    TABLE,
    buildPlan,
    canonicalJson,
    chainEvent,
    planDigest,
    type AccessRequest,
    type ActionType,
    type ExecutionPlan,
} from '@gbg/shared'
import { formatGlideDateTime } from '../../emulators/servicenow/store'
import type { SeedTarget, SeededScenario } from '../../sandbox/seed'
import type { EmulatorStore } from '../../emulators/servicenow/types'
import type { ServiceNowEmulator } from '../../emulators/servicenow'

/** One grant added by {@link addGrant}. */
export interface AddedGrant {
    grantSysId: string
    grantNumber: string
    actionSysId: string
    ritmSysId: string
    ciSysId: string
    ciName: string
    plan: ExecutionPlan
    digest: string
}

/** Options of {@link addGrant}. */
export interface AddGrantOptions {
    durationMinutes: number
    /** Device name; unique per grant by default. */
    ciName?: string
    /** Queue the grant action now. @defaultValue true */
    queueAction?: boolean
}

let counter = 0

/** A fresh 32-hex sys_id. */
export function newSysId(): string {
    return randomBytes(16).toString('hex')
}

/**
 * A corporate development workstation assigned to the scenario's requester (the sandbox policy allows local admin
 * on it); returns its sys_id.
 */
export function addWorkstation(store: EmulatorStore, base: SeededScenario, name: string): string {
    return store.insert(PLATFORM_TABLE.computer, {
        name,
        os: 'Windows 11 Enterprise',
        u_device_class: 'workstation',
        u_corp_managed: 'true',
        used_for: 'Development',
        assigned_to: base.requester.sysId,
        support_group: base.resolverGroupSysId,
    })['sys_id']!
}

/**
 * Adds one approved, queued webhook grant for the scenario's requester on a new workstation, reusing the
 * scenario's users, groups and policy (which allows 1..240 minutes on corporate workstations).
 */
export function addGrant(sn: SeedTarget, base: SeededScenario, options: AddGrantOptions): AddedGrant {
    const store = sn.store
    counter += 1
    const stamp = formatGlideDateTime(store.clock())
    const ciName = options.ciName ?? `WS-E2E-${process.pid}-${String(counter).padStart(4, '0')}`
    const ciSysId = addWorkstation(store, base, ciName)
    const justification = `End-to-end test grant ${counter}: install a signed driver on ${ciName}`
    const ritm = store.insert(PLATFORM_TABLE.ritm, {
        short_description: `Temporary local admin access for ${base.requester.displayName}`,
        description: justification,
        requested_for: base.requester.sysId,
        opened_by: base.requester.sysId,
        opened_at: stamp,
        cmdb_ci: ciSysId,
        state: '2',
        approval: 'approved',
        stage: 'fulfillment',
    })
    const ritmSysId = ritm['sys_id']!
    const grant = store.insert(TABLE.grant, {
        [GRANT_FIELDS.requestedFor]: base.requester.sysId,
        [GRANT_FIELDS.openedBy]: base.requester.sysId,
        [GRANT_FIELDS.targetKind]: 'device_local_admin',
        [GRANT_FIELDS.provider]: 'webhook',
        [GRANT_FIELDS.targetCi]: ciSysId,
        [GRANT_FIELDS.requestedDuration]: String(options.durationMinutes),
        [GRANT_FIELDS.justification]: justification,
        [GRANT_FIELDS.ritm]: ritmSysId,
        [GRANT_FIELDS.emergency]: 'false',
        [GRANT_FIELDS.state]: 'requested',
    })
    const grantSysId = grant['sys_id']!
    const grantNumber = grant[GRANT_FIELDS.number]!
    const request: AccessRequest = {
        requestedFor: {
            sysId: base.requester.sysId,
            userName: base.requester.userName,
            email: base.requester.email,
            active: true,
            groupIds: [base.resolverGroupSysId],
        },
        openedBy: base.requester.sysId,
        targetKind: 'device_local_admin',
        target: {
            ci: { sysId: ciSysId, name: ciName, deviceClass: 'workstation', corpManaged: true, production: false },
        },
        durationMinutes: options.durationMinutes,
        justification,
        emergency: false,
    }
    const plan = buildPlan({
        grantSysId,
        grantNumber,
        request,
        durationMinutes: options.durationMinutes,
        highRisk: false,
        ritmNumber: ritm['number']!,
        provider: 'webhook',
    })
    const digest = planDigest(plan)
    // The app's approval: on the grant itself, for the route stored at submit (the recheck gate counts no other).
    const approval = store.insert(PLATFORM_TABLE.approval, {
        approver: base.manager.sysId,
        sysapproval: ritmSysId,
        document_id: grantSysId,
        source_table: TABLE.grant,
        state: 'approved',
    })
    store.update(TABLE.grant, grantSysId, {
        [GRANT_FIELDS.policyDecision]: canonicalJson({
            slots: ['manager'],
            assignments: [
                { slot: 'manager', approverSysId: base.manager.sysId, groupId: '', approvalSysId: approval['sys_id'] },
            ],
        }),
        [GRANT_FIELDS.plan]: canonicalJson(plan),
        [GRANT_FIELDS.planDigest]: digest,
        [GRANT_FIELDS.approvedDuration]: String(options.durationMinutes),
        [GRANT_FIELDS.approvalSummary]: canonicalJson({
            planDigest: digest,
            approvals: [{ kind: 'manager', approval: approval['sys_id'], approver: base.manager.sysId }],
        }),
        [GRANT_FIELDS.approvedAt]: stamp,
        [GRANT_FIELDS.state]: 'queued',
    })
    // The app's own audit events start the chain; the executor continues it.
    appendChainedEvent(store, grantSysId, 'plan.frozen', 'system', { planDigest: digest })
    appendChainedEvent(store, grantSysId, 'approval.approved', base.manager.userName, {
        approval: approval['sys_id'],
        planDigest: digest,
    })
    // The vote as the app records it when it accepts it (issue 10 contract): who acted, for which plan.
    appendChainedEvent(store, grantSysId, 'approval.vote', base.manager.userName, {
        approval: approval['sys_id'],
        decision: 'approved',
        voter: base.manager.sysId,
        slot: 'manager',
        planDigest: digest,
    })
    const actionSysId = options.queueAction === false ? '' : queueAction(sn, grantSysId, 'grant', base.manager.sysId)
    return { grantSysId, grantNumber, actionSysId, ritmSysId, ciSysId, ciName, plan, digest }
}

/**
 * Inserts a ready action as the app does (the grant flow, or the "Revoke now" UI action). `type` is written as
 * given: the Table API stores any string in a choice field, so a record with an unknown type can exist.
 */
export function queueAction(
    sn: SeedTarget,
    grantSysId: string,
    type: ActionType | string,
    requestedBy: string,
    priority: number = type === 'revoke' ? ACTION_PRIORITY.revokeNow : ACTION_PRIORITY.grant,
): string {
    const sysId = newSysId()
    sn.store.insert(TABLE.action, {
        sys_id: sysId,
        [ACTION_FIELDS.grant]: grantSysId,
        [ACTION_FIELDS.type]: type,
        [ACTION_FIELDS.state]: 'ready',
        [ACTION_FIELDS.priority]: String(priority),
        [ACTION_FIELDS.notBefore]: formatGlideDateTime(new Date(sn.store.clock().getTime() - 1000)),
        [ACTION_FIELDS.attempts]: '0',
        [ACTION_FIELDS.maxAttempts]: '10',
        [ACTION_FIELDS.idempotencyKey]: sysId,
        [ACTION_FIELDS.requestedBy]: requestedBy,
        [ACTION_FIELDS.reason]: `End-to-end test ${type}`,
    })
    return sysId
}

/**
 * Appends an audit event to the grant's chain straight in the store (no business rule runs), linked to its last
 * event (or to the genesis hash) with the shared chain hash: how the seeds write the app's events, and what
 * someone with write access to the audit table can produce.
 */
export function appendChainedEvent(
    store: EmulatorStore,
    grantSysId: string,
    eventType: string,
    actor: string,
    payload: Record<string, unknown>,
): void {
    const last = store
        .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === grantSysId)
        .sort((a, b) => Number(b[AUDIT_FIELDS.sequence]) - Number(a[AUDIT_FIELDS.sequence]))[0]
    const occurredAt = new Date(Math.floor(store.clock().getTime() / 1000) * 1000).toISOString()
    const e = chainEvent(last?.[AUDIT_FIELDS.hash] ?? GENESIS_HASH, {
        grant: grantSysId,
        action: '',
        sequence: Number(last?.[AUDIT_FIELDS.sequence] ?? '0') + 1,
        eventType,
        actor,
        occurredAt,
        payload,
    })
    store.insert(TABLE.auditEvent, {
        [AUDIT_FIELDS.grant]: e.grant,
        [AUDIT_FIELDS.sequence]: String(e.sequence),
        [AUDIT_FIELDS.eventType]: e.eventType,
        [AUDIT_FIELDS.actor]: e.actor,
        [AUDIT_FIELDS.occurredAt]: formatGlideDateTime(new Date(e.occurredAt)),
        [AUDIT_FIELDS.payload]: canonicalJson(e.payload),
        [AUDIT_FIELDS.prevHash]: e.prevHash,
        [AUDIT_FIELDS.hash]: e.hash,
    })
}

const CLONE_SKIPS = [
    'sys_id',
    'number',
    'sys_created_on',
    'sys_updated_on',
    'sys_mod_count',
    'sys_created_by',
    'sys_updated_by',
]
const copy = (r: Record<string, string>) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !CLONE_SKIPS.includes(k)))

/**
 * A second approved request of the scenario's person for the same target, with another duration (its own RITM,
 * approvals, audit-chained votes bound to its plan digest, and a ready grant action). Returns the grant sys_id.
 */
export function cloneGrant(sn: ServiceNowEmulator, base: SeededScenario, durationMinutes: number): string {
    const store = sn.store
    const ritm = store.insert(PLATFORM_TABLE.ritm, copy(store.get(PLATFORM_TABLE.ritm, base.ritm.sysId)!))
    const grant = store.insert(TABLE.grant, {
        ...copy(store.get(TABLE.grant, base.grant.sysId)!),
        [GRANT_FIELDS.ritm]: ritm.sys_id!,
        [GRANT_FIELDS.plan]: '',
        [GRANT_FIELDS.planDigest]: '',
    })
    const plan: ExecutionPlan = {
        ...base.plan,
        grantSysId: grant.sys_id!,
        grantNumber: grant.number!,
        durationMinutes,
        tickets: { ...base.plan.tickets, ritm: ritm.number! },
    }
    const digest = planDigest(plan)
    store.update(TABLE.grant, grant.sys_id!, {
        [GRANT_FIELDS.plan]: JSON.stringify(plan),
        [GRANT_FIELDS.planDigest]: digest,
        [GRANT_FIELDS.requestedDuration]: String(durationMinutes),
        [GRANT_FIELDS.approvedDuration]: String(durationMinutes),
    })
    // Approved as the app approves: its approvals on the new grant, the route naming them, each vote recorded in
    // the new grant's audit chain bound to this plan's digest (what the recheck gate counts).
    const route = JSON.parse(store.get(TABLE.grant, base.grant.sysId)![GRANT_FIELDS.policyDecision]!) as {
        assignments: { slot: string; approverSysId: string; approvalSysId?: string }[]
    }
    for (const assignment of route.assignments) {
        const original = store.get(PLATFORM_TABLE.approval, assignment.approvalSysId ?? '')
        if (!original || original['state'] !== 'approved') continue
        const approval = store.insert(PLATFORM_TABLE.approval, {
            ...copy(original),
            sysapproval: ritm.sys_id!,
            document_id: grant.sys_id!,
        })
        assignment.approvalSysId = approval.sys_id!
        const voter = store.get('sys_user', assignment.approverSysId)!
        appendChainedEvent(store, grant.sys_id!, 'approval.vote', voter['user_name']!, {
            approval: approval.sys_id!,
            decision: 'approved',
            voter: assignment.approverSysId,
            slot: assignment.slot,
            planDigest: digest,
        })
    }
    store.update(TABLE.grant, grant.sys_id!, { [GRANT_FIELDS.policyDecision]: canonicalJson(route) })
    store.insert(TABLE.action, {
        ...copy(store.get(TABLE.action, base.action.sysId)!),
        [ACTION_FIELDS.grant]: grant.sys_id!,
        [ACTION_FIELDS.idempotencyKey]: `${grant.sys_id}:grant`,
    })
    return grant.sys_id!
}
