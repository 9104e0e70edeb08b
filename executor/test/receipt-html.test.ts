import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ExecutionPlan } from '@gbg/shared'
import { buildReceipt, escapeHtml, receiptHtmlFileName, renderReceiptHtml } from '../src/receipt'

const hostile = '<img src=x onerror="alert(1)">&\''
const plan: ExecutionPlan = {
    version: 1,
    grantSysId: 'a'.repeat(32),
    grantNumber: 'BGA0001001',
    provider: 'webhook',
    operation: 'grant',
    principal: { userSysId: 'b'.repeat(32), userName: `alice${hostile}`, email: 'alice@example.com' },
    target: { kind: 'device_local_admin', ciSysId: 'c'.repeat(32), deviceName: `PC-1</td><script>x()</script>` },
    durationMinutes: 60,
    justification: `Fix the driver ${hostile}`,
    tickets: { ritm: 'RITM0010001', incident: 'INC0000042' },
    emergency: true,
    highRisk: false,
} as ExecutionPlan

function receipt() {
    return buildReceipt({
        plan,
        digest: 'd'.repeat(64),
        approvals: [
            {
                sysId: 'e'.repeat(32),
                approverSysId: 'f'.repeat(32),
                state: 'approved',
                updatedOn: new Date('2026-11-27T10:05:00Z'),
            },
        ],
        approvalSummary: JSON.stringify({ approvals: [{ approver: 'f'.repeat(32), approverName: `Bob ${hostile}` }] }),
        txnIds: ['txn-1', `txn-<b>2</b>`],
        grantedAt: new Date('2026-11-27T10:06:00Z'),
        expiresAt: new Date('2026-11-27T11:06:00Z'),
        nativeExpiry: true,
        alreadyDone: false,
        notes: [`note ${hostile}`],
        executorInstance: 'exec-a',
    })
}

describe('the human-readable receipt', () => {
    it('shows the same content as the JSON receipt, with the JSON bytes’ SHA-256', () => {
        // Setup
        const r = receipt()
        const json = Buffer.from(JSON.stringify(r, null, 2), 'utf8')
        const hash = createHash('sha256').update(json).digest('hex')
        // Execution
        const html = renderReceiptHtml(r, hash)
        // Validation: every fact of the JSON is on the page (escaped)
        expect(html).toContain(`<code id="json-sha256">${hash}</code>`)
        for (const fact of [
            r.grantNumber,
            r.grantSysId,
            r.principal.userName,
            r.provider,
            r.planDigest,
            r.executorInstance,
            r.justification,
            ...r.txnIds,
            ...r.notes,
            'RITM0010001',
            'INC0000042',
            'Bob',
            '60 minutes',
        ])
            expect(html, fact).toContain(escapeHtml(fact))
        expect(html).toContain('enforced by the provider as well')
        expect(receiptHtmlFileName('BGA0001001')).toBe('access-grant-receipt-BGA0001001.html')
    })

    it('escapes every value: no markup from request text reaches the page, and it loads nothing', () => {
        const html = renderReceiptHtml(receipt(), 'a'.repeat(64))
        expect(html).not.toContain('<script')
        expect(html).not.toContain('<img')
        expect(html).not.toContain('<b>2</b>')
        expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;')
        expect(html).toContain("default-src 'none'")
        expect(html).not.toMatch(/(src|href)="?https?:/i)
        expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;')
    })
})
