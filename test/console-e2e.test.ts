/**
 * Issue 14 end to end: the emergency console through everything real — the ServiceNow app's server modules on the
 * emulator (policy with the three named approval slots, one approval record per slot member, each naming its slot),
 * the REAL executor service in process (worker, journal, the recheck gate against ServiceNow — no stand-in), the
 * console emulator and Debian's Chromium, all on one virtual clock (the browser itself runs in real time).
 *
 * 1. catalog → active → revoked: three distinct approvers (incident command, security, customer-account
 *    authority), the packet check and the submit gate both run the real gate, the restoration id is the
 *    transaction id, the masked checkpoints' SHA-256s are in the audit chain and match the files, the chain
 *    verifies, and the console restoration ends at the approved expiry.
 * 2. drift (global_admin pre-selected on the form) → the grant is `halted` with its takeover state on the grant,
 *    nothing submitted, the draft saved, and SecOps told through an incident.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AUDIT_FIELDS, GRANT_FIELDS, PLATFORM_TABLE, TABLE } from '@gbg/shared'
import { checkOutcome, runScenario, type RunningScenario } from './sandbox/scenario'
import { expectCompleteTimeline, startDemo } from './support/demo'
import { VirtualClock } from './support/virtual-clock'
import { runUntil } from './support/virtual-time'

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

interface Call {
    method: string
    responseBody?: Record<string, unknown>
}

describe('console end to end (app → real executor and gate → console in Chromium, virtual time)', () => {
    it(
        'takes an emergency console request from catalog to active to revoked (npm run demo --provider console)',
        { timeout: 180_000 },
        async () => {
            // setup: the demo with the console provider (three named approvals through the app; the console's shortest
            // expiry, 15 minutes of virtual time) — the one console lifecycle of the suite: the demo's timeline, exit
            // code and summary are checked here too
            const clock = new VirtualClock(Date.UTC(2026, 11, 2, 18, 0, 0))
            let scenario: RunningScenario | undefined
            const demo = startDemo(['--provider', 'console'], { clock, onScenario: (s) => (scenario = s) })
            await runUntil(clock, () => scenario !== undefined || demo.ended(), {
                within: 5 * 60_000,
                realMs: 120_000,
                what: 'the demo scenario to start',
            })
            if (!scenario)
                throw new Error(`the demo ended before its scenario started: ${(await demo.finish()).stderr}`)
            const { sandbox } = scenario
            const store = sandbox.sn.store
            const s = sandbox.seeded
            try {
                // The app asked one approval per slot member, each record naming its slot; three different people approved.
                const approvals = store.list(PLATFORM_TABLE.approval, (a) => a['document_id'] === s.grant.sysId)
                const comments = approvals.map(
                    (a) =>
                        store.journal(PLATFORM_TABLE.approval, a['sys_id']!).find((j) => j.element === 'comments')
                            ?.value ?? '',
                )
                expect(comments.map((c) => c.split('\n')[0]).sort()).toEqual(
                    [
                        'Approval slot: Accountable customer-account authority',
                        'Approval slot: Incident command',
                        'Approval slot: Security',
                    ].map((x) => `${x} (emergency console: one of three named approvals, three different people)`),
                )
                expect(sandbox.approvedBy).toEqual(['iris.cole', 'sam.okafor', 'carlos.reyes'])

                // execution: the executor claims, gates, drives the console, writes back, revokes at expiry, verifies
                await runUntil(clock, () => store.get(TABLE.grant, s.grant.sysId)![GRANT_FIELDS.state] === 'active', {
                    within: 10 * 60_000,
                    realMs: 120_000,
                    what: 'the grant to be active',
                })
                // The evidence attached to the grant when it became active: the console's masked checkpoints.
                const active = JSON.parse(store.get(TABLE.grant, s.grant.sysId)![GRANT_FIELDS.evidence]!) as {
                    console: {
                        restorationId: string
                        checkpoints: {
                            checkpoint: string
                            screenshot: string
                            screenshotSha256: string
                            text: string
                            textSha256: string
                        }[]
                    }
                }
                const run = await demo.finish(40 * 60_000)
                const lines = run.stdout.split('\n')

                // validation: the demo's complete timeline, exit 0, its summary (no incident, no access left, the chain)
                expectCompleteTimeline(run)
                expect(run.stdout).toMatch(/through the browser-only emergency console/)
                expect(run.stdout).toMatch(/asked iris\.cole and sam\.okafor and carlos\.reyes, who approved/)
                expect(run.stdout).toMatch(
                    /console restorations for BGA\d+: RST-\d+ \(helpdesk_admin,user_admin, 15 min\)/,
                )
                const at = (re: RegExp): number => lines.findIndex((l) => re.test(l))
                const order = [
                    /checkpoint\s+Packet check: recheck passed fresh/,
                    /checkpoint\s+packet-checked on "Packet checked": masked screenshot SHA-256 [0-9a-f]{12}/,
                    /checkpoint\s+tenant-verified on "Tenant verification": masked screenshot/,
                    /checkpoint\s+review on "Review restoration": masked screenshot/,
                    /checkpoint\s+Submit gate: recheck passed fresh \(plan [0-9a-f]{12}…, 3 approvals, 15 min allowed\)/,
                    /checkpoint\s+confirmation on "Restoration submitted": masked screenshot/,
                ].map(at)
                for (const i of order) expect(i, run.stdout).toBeGreaterThanOrEqual(0)
                expect([...order].sort((a, b) => a - b)).toEqual(order)

                // validation: one restoration, exactly the packet, its id the grant's transaction id
                const grant = store.get(TABLE.grant, s.grant.sysId)!
                expect(grant[GRANT_FIELDS.state]).toBe('revoked')
                const restorations = sandbox.console!.restorations
                expect(restorations).toHaveLength(1)
                const r = restorations[0]!
                expect(JSON.parse(grant[GRANT_FIELDS.providerTxnIds]!)).toEqual([r.id])
                expect(r.scope.slice().sort()).toEqual(['helpdesk_admin', 'user_admin'])
                expect(r.expiryMinutes).toBe(15)
                expect(r.reference).toBe(s.grant.number)
                expect(r.tenantId).toBe('TNT-40213')
                expect(sandbox.console!.submitRequests).toBe(1)
                expect(checkOutcome(sandbox).problems).toEqual([])

                // validation: the real gate ran at the packet check and at the submit gate, and every checkpoint's
                // SHA-256 is in the audit chain and matches the masked file the executor saved
                const events = store
                    .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === s.grant.sysId)
                    .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
                const grantCalls = events
                    .filter((e) => e[AUDIT_FIELDS.eventType]!.endsWith('provider_call'))
                    .map((e) => JSON.parse(e[AUDIT_FIELDS.payload]!) as { operation: string; calls: Call[] })
                    .find((p) => p.operation === 'grant')!.calls
                expect(grantCalls.filter((c) => c.method === 'GATE').map((c) => c.responseBody!['where'])).toEqual([
                    'Packet check',
                    'Submit gate',
                ])
                for (const gate of grantCalls.filter((c) => c.method === 'GATE')) {
                    expect(gate.responseBody!['digest']).toBe(s.planDigest)
                    expect(gate.responseBody!['approvals']).toHaveLength(3)
                }
                const checkpoints = grantCalls.filter((c) => c.method === 'CHECKPOINT').map((c) => c.responseBody!)
                expect(checkpoints.map((c) => c['checkpoint'])).toEqual([
                    'packet-checked',
                    'tenant-verified',
                    'review',
                    'confirmation',
                ])
                const grantActive = events.find((e) => e[AUDIT_FIELDS.eventType]!.endsWith('grant_active'))!
                expect(JSON.parse(grantActive[AUDIT_FIELDS.payload]!).txnIds).toEqual([r.id])
                // The evidence on the grant names the same checkpoints; each file is the one the chain's hash names.
                expect(active.console.restorationId).toBe(r.id)
                expect(active.console.checkpoints.map((c) => c.checkpoint)).toEqual(
                    checkpoints.map((c) => c['checkpoint']),
                )
                for (const [i, c] of active.console.checkpoints.entries()) {
                    expect(sha256(readFileSync(c.screenshot))).toBe(checkpoints[i]!['screenshotSha256'])
                    expect(sha256(readFileSync(c.text))).toBe(checkpoints[i]!['textSha256'])
                    // Masked: the tenant's API secret and contact never reach the saved page text.
                    const text = readFileSync(c.text, 'utf8')
                    for (const t of sandbox.console!.tenants) {
                        expect(text).not.toContain(t.secret)
                        expect(text).not.toContain(t.contactEmail)
                    }
                }

                // validation: the timeline shows the gated checkpoints
                const checkpointLines = lines.filter((l) => l.includes('checkpoint'))
                expect(checkpointLines.some((l) => l.includes('Packet check: recheck passed fresh'))).toBe(true)
                expect(checkpointLines.some((l) => l.includes('Submit gate: recheck passed fresh'))).toBe(true)
                expect(checkpointLines.some((l) => l.includes('review on "Review restoration"'))).toBe(true)
            } finally {
                await scenario.shutdown()
            }
        },
    )

    it(
        'halts on a drifted console form: takeover state on the grant, nothing submitted, SecOps told',
        {
            timeout: 180_000,
        },
        async () => {
            // setup: the console pre-selects global_admin on the restoration form
            const clock = new VirtualClock(Date.UTC(2026, 11, 2, 18, 0, 0))
            const scenario = await runScenario({
                provider: 'console',
                durationMinutes: 15,
                timeoutMs: 60 * 60_000,
                print: () => undefined,
                clock,
                consoleDrift: { broaderPreselected: true },
            })
            scenario.finished.catch(() => undefined)
            const { sandbox } = scenario
            const store = sandbox.sn.store
            const s = sandbox.seeded
            const grantOf = () => store.get(TABLE.grant, s.grant.sysId)!
            try {
                // execution
                await runUntil(clock, () => grantOf()[GRANT_FIELDS.state] === 'halted', {
                    within: 10 * 60_000,
                    realMs: 120_000,
                    what: 'the grant to halt',
                })
                await runUntil(
                    clock,
                    () =>
                        store.list(PLATFORM_TABLE.incident, (i) => (i['description'] ?? '').includes(s.grant.number))
                            .length > 0,
                    { within: 5 * 60_000, realMs: 60_000, what: "SecOps' incident" },
                )

                // validation: nothing reached the console; the draft is saved; the takeover state is on the grant
                expect(sandbox.console!.submitRequests).toBe(0)
                expect(sandbox.console!.restorations).toHaveLength(0)
                expect(sandbox.console!.drafts).toHaveLength(1)
                const grant = grantOf()
                expect(grant[GRANT_FIELDS.lastError]).toMatch(/pre-selects global_admin/)
                const takeover = (JSON.parse(grant[GRANT_FIELDS.evidence]!) as { takeover: Record<string, unknown> })
                    .takeover
                expect(takeover['code']).toBe('SCOPE_EXPANSION')
                expect(takeover['submitted']).toBe(false)
                expect(takeover['draftId']).toBe(sandbox.console!.drafts[0]!.id)
                expect(takeover['pageReached']).toBe('Restore administrator access')
                expect(takeover['approvalsReliedOn']).toHaveLength(3)
                expect((takeover['enteredValues'] as Record<string, string>)['scope']).toBeUndefined()
                expect(existsSync((takeover['screenshot'] as { screenshot: string }).screenshot)).toBe(true)
                expect((takeover['traces'] as unknown[]).length).toBeGreaterThan(0)
                // SecOps is told: an incident for the grant, assigned to the SecOps group, and the halt in the audit chain
                const incident = store.list(PLATFORM_TABLE.incident, (i) =>
                    (i['description'] ?? '').includes(s.grant.number),
                )[0]!
                expect(incident['assignment_group']).toBe(s.secopsGroupSysId)
                expect(incident['priority']).toBe('2')
                const types = store
                    .list(TABLE.auditEvent, (e) => e[AUDIT_FIELDS.grant] === s.grant.sysId)
                    .map((e) => e[AUDIT_FIELDS.eventType])
                expect(types.some((t) => t!.endsWith('grant_halted'))).toBe(true)
                // The halted grant action is not retried.
                const action = store.list(
                    TABLE.action,
                    (a) => a['grant'] === s.grant.sysId && a['type'] === 'grant',
                )[0]!
                expect(action['state']).toBe('failed')
            } finally {
                await scenario.shutdown()
            }
        },
    )
})
