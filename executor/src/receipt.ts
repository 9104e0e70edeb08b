/**
 * The "access grant receipt": a JSON document attached to the RITM when access is granted, so the requester,
 * approvers and auditors hold one self-contained record of what was granted, on whose approval, until when,
 * and which provider transactions did it. Pure: built from the journaled facts, no I/O.
 */
import { formatTime, type ExecutionPlan } from '@gbg/shared'
import type { ApprovalRecord } from './ports'

/** Receipt format version (bump on shape changes). */
export const RECEIPT_VERSION = 1

/** One approval as the receipt shows it. */
export interface ReceiptApproval {
    approverSysId: string
    /** Display name from the grant's approval summary, when it carries one. */
    approverName?: string
    state: string
    at: string
}

/** The receipt document. */
export interface GrantReceipt {
    receiptVersion: number
    kind: 'access_grant_receipt'
    grantNumber: string
    grantSysId: string
    principal: ExecutionPlan['principal']
    target: ExecutionPlan['target']
    provider: string
    durationMinutes: number
    emergency: boolean
    highRisk: boolean
    tickets: ExecutionPlan['tickets']
    justification: string
    approvals: ReceiptApproval[]
    /** Auto-approval rule name, when the request was approved by rule. */
    autoApprovedBy?: string
    planDigest: string
    txnIds: string[]
    grantedAt: string
    expiresAt: string
    /** True when the provider itself ends the access at expiresAt (not only the executor's revoke). */
    nativeExpiry: boolean
    /** True when the grant already existed at the provider (reconciled, no second grant made). */
    reconciled: boolean
    notes: string[]
    executorInstance: string
}

/** Inputs of {@link buildReceipt}. */
export interface ReceiptInput {
    plan: ExecutionPlan
    digest: string
    approvals: ApprovalRecord[]
    /** Raw approval_summary JSON of the grant (names of approvers), may be ''. */
    approvalSummary: string
    autoApprovedBy?: string | null
    txnIds: string[]
    grantedAt: Date
    expiresAt: Date
    nativeExpiry: boolean
    alreadyDone: boolean
    notes?: string[]
    executorInstance: string
}

/**
 * Names by approver sys_id from the grant's approval summary. The summary is written by the app; accepted
 * shapes: an array of `{approver|approverSysId|sys_id, name|approverName|approver_name}` or `{approvals: [...]}`.
 * Anything else yields no names (the receipt then shows sys_ids only): display data never blocks a grant.
 */
export function approverNames(summary: string): Map<string, string> {
    const names = new Map<string, string>()
    if (!summary) return names
    let data: unknown
    try {
        data = JSON.parse(summary)
    } catch {
        return names
    }
    const list = Array.isArray(data)
        ? data
        : typeof data === 'object' && data !== null && Array.isArray((data as { approvals?: unknown }).approvals)
          ? ((data as { approvals: unknown[] }).approvals as unknown[])
          : []
    for (const entry of list) {
        if (typeof entry !== 'object' || entry === null) continue
        const e = entry as Record<string, unknown>
        const id = [e.approver, e.approverSysId, e.sys_id].find((v) => typeof v === 'string') as string | undefined
        const name = [e.name, e.approverName, e.approver_name].find((v) => typeof v === 'string') as string | undefined
        if (id && name) names.set(id, name)
    }
    return names
}

/** Build the receipt. */
export function buildReceipt(input: ReceiptInput): GrantReceipt {
    const names = approverNames(input.approvalSummary)
    const receipt: GrantReceipt = {
        receiptVersion: RECEIPT_VERSION,
        kind: 'access_grant_receipt',
        grantNumber: input.plan.grantNumber,
        grantSysId: input.plan.grantSysId,
        principal: input.plan.principal,
        target: input.plan.target,
        provider: input.plan.provider,
        durationMinutes: input.plan.durationMinutes,
        emergency: input.plan.emergency,
        highRisk: input.plan.highRisk,
        tickets: input.plan.tickets,
        justification: input.plan.justification,
        approvals: input.approvals.map((a) => {
            const r: ReceiptApproval = { approverSysId: a.approverSysId, state: a.state, at: a.updatedOn.toISOString() }
            const name = names.get(a.approverSysId)
            if (name) r.approverName = name
            return r
        }),
        planDigest: input.digest,
        txnIds: input.txnIds,
        grantedAt: input.grantedAt.toISOString(),
        expiresAt: input.expiresAt.toISOString(),
        nativeExpiry: input.nativeExpiry,
        reconciled: input.alreadyDone,
        notes: input.notes ?? [],
        executorInstance: input.executorInstance,
    }
    if (input.autoApprovedBy) receipt.autoApprovedBy = input.autoApprovedBy
    return receipt
}

/** File name of the receipt attachment. */
export function receiptFileName(grantNumber: string): string {
    return `access-grant-receipt-${grantNumber.replace(/[^A-Za-z0-9_-]/g, '_')}.json`
}

/** The work note on the RITM when access is granted. */
export function grantedWorkNote(receipt: GrantReceipt): string {
    const approvers =
        receipt.approvals.length > 0
            ? receipt.approvals.map((a) => `${a.approverName ?? a.approverSysId} (${peopleTime(a.at)})`).join(', ')
            : receipt.autoApprovedBy
              ? `auto-approved by rule "${receipt.autoApprovedBy}"`
              : 'none recorded'
    const lines = [
        `Access granted: ${describeTarget(receipt.target)} for ${receipt.principal.userName} (${receipt.grantNumber}).`,
        `Approved by: ${approvers}.`,
        `Valid until: ${peopleTime(receipt.expiresAt)}${receipt.nativeExpiry ? ' (enforced by the provider as well)' : ' (removed by the executor)'}.`,
        `Provider: ${receipt.provider}; transaction ids: ${receipt.txnIds.join(', ') || 'none'}.`,
        `Plan digest: ${receipt.planDigest}.`,
    ]
    if (receipt.reconciled) lines.push('The access already existed at the provider; no second grant was made.')
    for (const note of receipt.notes) lines.push(`Note: ${note}`)
    return lines.join('\n')
}

/** A stored ISO time as people read it (shared formatTime, with the zone); anything else as it is. */
function peopleTime(iso: string): string {
    const date = new Date(iso)
    return Number.isNaN(date.getTime()) ? iso : formatTime(date)
}

/** Human description of a plan target. */
export function describeTarget(t: ExecutionPlan['target']): string {
    switch (t.kind) {
        case 'device_local_admin':
            return `local admin on ${t.deviceName ?? t.ciSysId}`
        case 'entra_role':
            return `Entra role ${t.roleName ?? t.roleId}`
        case 'entra_group':
            return `Entra group ${t.groupId}`
        default:
            return `${t.kind} ${t.account ?? ''}`.trim()
    }
}
