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

// ── The receipt people read (issue 16) ───────────────────────────────────────────────────────────────────────────

/** Escape text for HTML element content and double-quoted attributes. Every value in the HTML receipt goes here. */
export function escapeHtml(text: string): string {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
}

/** File name of the human-readable receipt (beside the JSON one). */
export function receiptHtmlFileName(grantNumber: string): string {
    return receiptFileName(grantNumber).replace(/\.json$/, '.html')
}

/**
 * The human-readable receipt: the same content as the JSON receipt, laid out for people, plus the SHA-256 of the
 * JSON attachment's exact bytes (`jsonSha256`) so a reader can tie the page to the machine-readable record
 * (`sha256sum access-grant-receipt-*.json`). Self-contained (no script, no external resource); every value escaped.
 */
export function renderReceiptHtml(receipt: GrantReceipt, jsonSha256: string): string {
    const e = (v: unknown): string => escapeHtml(v === undefined || v === null ? '' : String(v))
    const row = (label: string, value: string): string => `<tr><th>${e(label)}</th><td>${value}</td></tr>`
    const approvals =
        receipt.approvals.length > 0
            ? receipt.approvals
                  .map(
                      (a) =>
                          `<li>${e(a.approverName ?? a.approverSysId)} <span class="muted">(${e(a.approverSysId)})</span>: ${e(a.state)} at ${e(peopleTime(a.at))}</li>`,
                  )
                  .join('')
            : `<li>${receipt.autoApprovedBy ? `auto-approved by rule “${e(receipt.autoApprovedBy)}”` : 'none recorded'}</li>`
    const tickets = Object.entries(receipt.tickets as Record<string, unknown>)
        .filter(([, v]) => typeof v === 'string' && v !== '')
        .map(([k, v]) => `${e(k)} ${e(v)}`)
        .join(', ')
    const rows = [
        row('Grant', `${e(receipt.grantNumber)} <span class="muted">(${e(receipt.grantSysId)})</span>`),
        row(
            'Granted to',
            `${e(receipt.principal.userName)} <span class="muted">(${e(receipt.principal.userSysId)})</span>`,
        ),
        row('Access', e(describeTarget(receipt.target))),
        row('Provider', e(receipt.provider)),
        row('Duration', `${e(receipt.durationMinutes)} minutes`),
        row('Granted at', e(peopleTime(receipt.grantedAt))),
        row(
            'Valid until',
            `${e(peopleTime(receipt.expiresAt))}${receipt.nativeExpiry ? ' (enforced by the provider as well)' : ' (removed by the executor)'}`,
        ),
        row('Emergency', receipt.emergency ? 'yes' : 'no'),
        row('High risk', receipt.highRisk ? 'yes' : 'no'),
        row('Tickets', tickets || 'none'),
        row('Justification', e(receipt.justification)),
        row('Approved by', `<ul>${approvals}</ul>`),
        row('Plan digest (SHA-256)', `<code>${e(receipt.planDigest)}</code>`),
        row('Provider transaction ids', receipt.txnIds.map((t) => `<code>${e(t)}</code>`).join('<br>') || 'none'),
        row('Executor instance', e(receipt.executorInstance)),
        row('Reconciled', receipt.reconciled ? 'yes: the access already existed, no second grant was made' : 'no'),
        ...receipt.notes.map((n) => row('Note', e(n))),
    ].join('\n')
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Access grant receipt ${e(receipt.grantNumber)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:4px 10px;border-bottom:1px solid #ddd}th{width:14em;color:#444}code{font:12px ui-monospace,monospace;word-break:break-all}.muted{color:#777}ul{margin:0;padding-left:1.2em}footer{margin-top:1.5em;font-size:12px;color:#444}</style>
</head><body>
<h1>Access grant receipt ${e(receipt.grantNumber)}</h1>
<table>
${rows}
</table>
<footer>Receipt format ${e(receipt.receiptVersion)}. This page shows the content of the JSON receipt
<code>${e(receiptFileName(receipt.grantNumber))}</code>, whose SHA-256 is <code id="json-sha256">${e(jsonSha256)}</code>.
The JSON is the record; check it with <code>sha256sum</code>.</footer>
</body></html>
`
}
