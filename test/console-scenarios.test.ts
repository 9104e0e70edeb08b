/**
 * Issue 14 scenario suite: every drift of the emergency console (and combinations) through the real console
 * provider in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core), against the console emulator
 * on the virtual clock. Prints the seed's evaluation figures ("Measured"): submissions without over-privilege or
 * duplicates, drift caught before submit, evidence bundles complete, halts that preserved the takeover state, and
 * time per flow.
 *
 * The recheck gate is a test double here (it answers what recheckGrant would: pass with the plan's digest and the
 * approvals, or refuse); the gate itself is tested in test/red-team (gate.test.ts, console-approvals.test.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { planDigest, type ExecutionPlan } from '@gbg/shared'
import { createConsoleProvider, type TakeoverState } from '@gbg/executor/src/providers/console'
import { ProviderError, type Provider } from '@gbg/executor/src/providers/types'
import type { RecheckResult } from '@gbg/executor/src/recheck'
import { CHROMIUM_ARGS } from '@gbg/executor/src/providers/console/provider'
import { startConsoleEmulator, type ConsoleDrift, type ConsoleEmulator } from './emulators/console'
import { VirtualClock } from './support/virtual-clock'

const CHROMIUM = '/usr/bin/chromium'
const GRANT = 'a'.repeat(32)

function consolePlan(over: Partial<ExecutionPlan['target']> = {}, duration = 60): ExecutionPlan {
    return {
        version: 1,
        grantSysId: GRANT,
        grantNumber: 'BGA0004711',
        provider: 'console',
        operation: 'grant',
        principal: { userSysId: 'b'.repeat(32), userName: 'sam.support', email: 'sam.support@vendor.example' },
        target: {
            kind: 'console',
            account: 'jane.admin@contoso.example',
            tenantId: 'TNT-40213',
            tenantName: 'Contoso Manufacturing',
            scope: 'user_admin,helpdesk_admin',
            ...over,
        },
        durationMinutes: duration,
        justification: 'Restore customer admins after INC0012345',
        tickets: { incident: 'INC0012345' },
        emergency: true,
        highRisk: true,
    }
}

type GateMode = 'pass' | 'refuse' | 'refuse-at-submit' | 'other-digest'

/**
 * The gate double. `caps[i]` is the `grantMinutes` the i-th call answers (the recheck's ticket-bound cap: a linked
 * change window ending sooner than the plan); absent = the plan's minutes, no cap.
 */
function gateFor(plan: ExecutionPlan, clock: VirtualClock, mode: () => GateMode, caps: number[] = []) {
    let calls = 0
    const gate = async (grantSysId: string): Promise<RecheckResult> => {
        calls++
        const m = mode()
        if (grantSysId !== plan.grantSysId) throw new Error('gate asked for another grant')
        if (m === 'refuse' || (m === 'refuse-at-submit' && calls >= 2)) {
            return {
                ok: false,
                code: 'APPROVAL_STALE',
                reason: 'Approval by security was withdrawn.',
                malformed: false,
            }
        }
        const digest = m === 'other-digest' ? 'f'.repeat(64) : planDigest(plan)
        return {
            ok: true,
            grant: {} as never,
            plan,
            digest,
            approvals: ['1', '2', '3'].map((n) => ({
                sysId: n.repeat(32),
                approverSysId: String(Number(n) + 3).repeat(32),
                state: 'approved',
                updatedOn: clock.now(),
            })),
            decision: {} as never,
            grantMinutes: caps[calls - 1] ?? plan.durationMinutes,
            expiryCapMs: caps[calls - 1] === undefined ? null : clock.nowMs() + caps[calls - 1]! * 60_000,
            checkedAt: clock.now(),
        }
    }
    return { gate, calls: () => calls }
}

interface Outcome {
    name: string
    submitted: boolean
    overPrivileged: boolean
    duplicate: boolean
    halted: boolean
    alreadyDone: boolean
    takeoverComplete: boolean
    evidenceComplete: boolean
    ms: number
    code: string
    priority: number
}

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined }
const results: Outcome[] = []
let browser: Browser
let evidenceRoot: string

beforeAll(async () => {
    evidenceRoot = mkdtempSync(join(tmpdir(), 'gbg-console-'))
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] })
})

afterAll(async () => {
    await browser?.close()
    rmSync(evidenceRoot, { recursive: true, force: true })
    if (results.length > 0) {
        const n = results.length
        const normal = results.filter((r) => !r.halted)
        const drifts = results.filter((r) => r.name.startsWith('drift'))
        const caught = drifts.filter((r) => r.halted && !r.submitted)
        const halts = results.filter((r) => r.halted)
        // A re-run after a crash submits nothing and finds the one restoration: clean, and no duplicate.
        const clean = normal.filter((r) => (r.submitted || r.alreadyDone) && !r.overPrivileged && !r.duplicate)
        const bundles = normal.filter((r) => r.evidenceComplete)
        const times = results.map((r) => r.ms).sort((a, b) => a - b)
        console.log(
            [
                'Measured (issue 14 console scenarios, real Chromium):',
                `  submissions without over-privilege or duplicates: ${clean.length}/${normal.length}`,
                `  drift caught before submit: ${caught.length}/${drifts.length}`,
                `  evidence bundles complete: ${bundles.length}/${normal.length}`,
                `  halts that preserved the takeover state: ${halts.filter((r) => r.takeoverComplete).length}/${halts.length}`,
                `  time per flow: median ${times[Math.floor(n / 2)]} ms, max ${times[n - 1]} ms over ${n} flows`,
            ].join('\n'),
        )
    }
})

interface RunOptions {
    drift?: ConsoleDrift
    gate?: () => GateMode
    plan?: ExecutionPlan
    pageTimeoutMs?: number
    /** The gate's ticket-bound cap per call (see {@link gateFor}). */
    caps?: number[]
    /** The plan ServiceNow holds (the gate answers it), when the flow runs another (the worker's capped plan). */
    approvedPlan?: ExecutionPlan
    /** Before the flow (e.g. an earlier restoration). */
    before?: (c: ConsoleEmulator, p: Provider, plan: ExecutionPlan) => Promise<void>
}

async function run(name: string, options: RunOptions = {}) {
    const clock = new VirtualClock(Date.UTC(2026, 11, 2, 18, 0, 0))
    const consoleEmu = await startConsoleEmulator({ now: () => clock.now(), drift: options.drift })
    const plan = options.plan ?? consolePlan()
    const g = gateFor(options.approvedPlan ?? plan, clock, options.gate ?? (() => 'pass'), options.caps)
    const provider = createConsoleProvider(
        {
            baseUrl: consoleEmu.url,
            username: consoleEmu.username,
            password: consoleEmu.password,
            totpSeed: consoleEmu.totpSeed,
            chromiumPath: CHROMIUM,
            evidenceDir: join(evidenceRoot, name.replace(/\W+/g, '-')),
            pageTimeoutMs: options.pageTimeoutMs ?? 2_000,
        },
        {
            gate: g.gate,
            now: () => clock.now(),
            browser: async () => browser,
            ...(process.env.CONSOLE_DEBUG
                ? {
                      logger: {
                          ...silent,
                          debug: (m: string, meta?: object) => console.log(Math.round(performance.now()), m, meta),
                      },
                  }
                : {}),
        },
    )
    try {
        await options.before?.(consoleEmu, provider, plan)
        const before = consoleEmu.restorations.length
        const submitsBefore = consoleEmu.submitRequests
        const started = performance.now()
        let error: ProviderError | null = null
        let result = null
        try {
            result = await provider.grant(plan, { idempotencyKey: 'c'.repeat(32) })
        } catch (e) {
            if (!(e instanceof ProviderError)) throw e
            error = e
        }
        const ms = Math.round(performance.now() - started)
        const mine = consoleEmu.restorations.filter((r) => r.reference === plan.grantNumber)
        const created = consoleEmu.restorations.slice(before)
        const approved = (plan.target.scope ?? '').split(',')
        // Never longer than the plan, nor than the gate's cap at the packet check.
        const allowedMinutes = Math.min(plan.durationMinutes, options.caps?.[0] ?? plan.durationMinutes)
        const takeover = error?.details?.takeover as TakeoverState | undefined
        const outcome: Outcome = {
            name,
            submitted: created.length > 0,
            overPrivileged: created.some(
                (r) => r.scope.some((s) => !approved.includes(s)) || (r.expiryMinutes ?? Infinity) > allowedMinutes,
            ),
            duplicate: mine.length > 1 || consoleEmu.submitRequests - submitsBefore > 1,
            halted: error?.kind === 'halted',
            alreadyDone: result?.alreadyDone === true,
            takeoverComplete:
                !!takeover &&
                takeover.reason !== '' &&
                takeover.pageReached !== '' &&
                takeover.approvalsReliedOn !== undefined &&
                takeover.enteredValues !== undefined &&
                (takeover.pageReached === '(browser not entered)' ||
                    (!!takeover.screenshot && existsSync(takeover.screenshot.screenshot))) &&
                (takeover.pageReached === '(browser not entered)' || takeover.traces.length > 0),
            evidenceComplete: false,
            ms,
            code: error?.code ?? '',
            priority: Number(error?.details?.incidentPriority ?? 0),
        }
        if (result) {
            const ev = (
                result.evidence as {
                    console: {
                        checkpoints: {
                            checkpoint: string
                            screenshot: string
                            screenshotSha256: string
                            text: string
                        }[]
                    }
                }
            ).console
            const names = ev.checkpoints.map((c) => c.checkpoint)
            outcome.evidenceComplete =
                (result.alreadyDone
                    ? ['packet-checked', 'confirmation']
                    : ['packet-checked', 'tenant-verified', 'review', 'confirmation']
                ).every((c) => names.includes(c)) &&
                ev.checkpoints.every((c) => existsSync(c.screenshot) && c.screenshotSha256.length === 64) &&
                result.calls.some((c) => c.method === 'CHECKPOINT')
        }
        results.push(outcome)
        return { outcome, error, result, takeover, console: consoleEmu, provider, plan, clock, gateCalls: g.calls() }
    } finally {
        await consoleEmu.close()
    }
}

/** Every saved page text of a flow, concatenated. */
function savedTexts(list: { text: string }[]): string {
    return list.map((c) => readFileSync(c.text, 'utf8')).join('\n')
}

// Real Chromium on a shared 2-core machine: a flow takes 1–3 s alone, much more under load.
describe('console provider in real Chromium (issue 14)', { timeout: 120_000 }, () => {
    it('submits an approved restoration once, within the approved scope and expiry, with masked evidence', async () => {
        const r = await run('normal')
        expect(r.error).toBeNull()
        expect(r.result!.txnIds).toHaveLength(1)
        expect(r.result!.txnIds[0]).toMatch(/^RST-\d+$/)
        expect(r.console.restorations).toHaveLength(1)
        const rest = r.console.restorations[0]!
        expect(rest.scope.sort()).toEqual(['helpdesk_admin', 'user_admin'])
        expect(rest.expiryMinutes).toBe(60)
        expect(rest.reference).toBe('BGA0004711')
        expect(rest.incident).toBe('INC0012345')
        expect(r.result!.expiresAt.toISOString()).toBe(new Date(r.clock.nowMs() + 60 * 60_000).toISOString())
        expect(r.outcome.evidenceComplete).toBe(true)
        expect(r.gateCalls).toBe(2) // packet check + submit gate
        // No masked value reached the saved page texts; the tenant secret was on the verification page.
        const ev = (r.result!.evidence as { console: { checkpoints: { text: string }[] } }).console
        const text = savedTexts(ev.checkpoints)
        expect(text).toContain('[masked]')
        for (const t of r.console.tenants) {
            expect(text).not.toContain(t.secret)
            expect(text).not.toContain(t.contactEmail)
        }
        expect(text).not.toMatch(/sess_[0-9a-f]{8}/)
        // Nor the service account's password anywhere in the evidence folder's trace.
        const traces = (r.result!.evidence as { console: { traces: { file: string }[] } }).console.traces
        expect(traces.length).toBe(1)
        for (const t of traces) expect(readFileSync(t.file).includes(Buffer.from(r.console.password))).toBe(false)
    })

    it('revokes through the console at expiry and verifies on the status page', async () => {
        const clock = new VirtualClock(Date.UTC(2026, 11, 2, 18, 0, 0))
        const c = await startConsoleEmulator({ now: () => clock.now() })
        const plan = consolePlan()
        const provider = createConsoleProvider(
            {
                baseUrl: c.url,
                username: c.username,
                password: c.password,
                totpSeed: c.totpSeed,
                chromiumPath: CHROMIUM,
                evidenceDir: join(evidenceRoot, 'revoke'),
                pageTimeoutMs: 2_000,
            },
            { gate: gateFor(plan, clock, () => 'pass').gate, now: () => clock.now(), browser: async () => browser },
        )
        try {
            const granted = await provider.grant(plan, { idempotencyKey: 'k' })
            expect((await provider.verify(plan, { idempotencyKey: 'v', txnIds: granted.txnIds })).present).toBe(true)
            clock.advance(59 * 60_000)
            const revoked = await provider.revoke(plan, { idempotencyKey: 'r', txnIds: granted.txnIds })
            expect(revoked.alreadyAbsent).toBe(false)
            expect(c.restorations[0]!.endedAt).not.toBeNull()
            expect((await provider.verify(plan, { idempotencyKey: 'v2', txnIds: granted.txnIds })).present).toBe(false)
            // A second revoke finds nothing to end.
            expect((await provider.revoke(plan, { idempotencyKey: 'r2', txnIds: granted.txnIds })).alreadyAbsent).toBe(
                true,
            )
        } finally {
            await c.close()
        }
    })

    const drifts: [string, RunOptions, string][] = [
        ['drift: wrong tenant after search', { drift: { wrongTenant: true } }, 'TENANT_MISMATCH'],
        ['drift: broader privileges pre-selected', { drift: { broaderPreselected: true } }, 'SCOPE_EXPANSION'],
        ['drift: privileges only as a bundle', { drift: { bundleOnly: true } }, 'SCOPE_EXPANSION'],
        ['drift: no expiry control', { drift: { noExpiry: true } }, 'NO_EXPIRY_CONTROL'],
        ['drift: existing unexpired session', { drift: { existingSession: true } }, 'CONSOLE_WARNING'],
        ['drift: session times out mid-form', { drift: { timeoutMidForm: true } }, 'SESSION_EXPIRED'],
        ['drift: field and button renamed / moved', { drift: { layoutChange: true } }, 'FORM_CHANGED'],
        [
            'drift: slow page beyond the page timeout',
            { drift: { slowPageMs: 1_500 }, pageTimeoutMs: 600 },
            'PAGE_TIMEOUT',
        ],
        ['drift: warning interstitial', { drift: { warningInterstitial: true } }, 'UNEXPECTED_PAGE'],
        ['drift: review shows broader scope', { drift: { reviewMismatch: 'scope' } }, 'REVIEW_MISMATCH'],
        ['drift: review shows another expiry', { drift: { reviewMismatch: 'expiry' } }, 'REVIEW_MISMATCH'],
        ['drift: review shows another tenant', { drift: { reviewMismatch: 'tenant' } }, 'REVIEW_MISMATCH'],
        ['drift: duplicate-submission warning', { drift: { duplicateWarning: true } }, 'DUPLICATE_WARNING'],
        ['drift: secrets, contacts and tokens on the pages', { drift: { exposeSecrets: true } }, 'SECRET_EXPOSED'],
        ['drift: approval withdrawn before browser entry', { gate: () => 'refuse' }, 'GATE_REFUSED'],
        ['drift: approval withdrawn before the final click', { gate: () => 'refuse-at-submit' }, 'GATE_REFUSED'],
        ['drift: ServiceNow holds another plan', { gate: () => 'other-digest' }, 'PACKET_MISMATCH'],
        ['drift: packet asks for global_admin', { plan: consolePlan({ scope: 'global_admin' }) }, 'PACKET_MISMATCH'],
        ['drift: approved minutes shorter than the console offers', { plan: consolePlan({}, 10) }, 'PACKET_MISMATCH'],
        ['drift: change window leaves less than the console offers', { caps: [12] }, 'UNUSUAL_DURATION'],
        ['drift: change window shrinks before the final click', { caps: [60, 20] }, 'UNUSUAL_DURATION'],
        [
            'drift: combination (slow page + existing session)',
            { drift: { slowPageMs: 150, existingSession: true } },
            'CONSOLE_WARNING',
        ],
        [
            'drift: combination (layout change + preselected scope)',
            { drift: { layoutChange: true, broaderPreselected: true } },
            'FORM_CHANGED',
        ],
        [
            'drift: combination (interstitial + secrets)',
            { drift: { warningInterstitial: true, exposeSecrets: true } },
            'SECRET_EXPOSED',
        ],
    ]
    for (const [name, options, code] of drifts) {
        it(`${name} → halts without submitting (${code})`, async () => {
            const r = await run(name, options)
            expect(r.error?.kind).toBe('halted')
            expect(r.error?.code).toBe(code)
            expect(r.console.restorations.filter((x) => x.reference === r.plan.grantNumber)).toHaveLength(0)
            expect(r.outcome.takeoverComplete).toBe(true)
            expect(r.takeover!.submitted).toBe(false)
            expect(r.takeover!.reason).not.toBe('')
            if (code === 'SCOPE_EXPANSION' && options.drift?.broaderPreselected) {
                // A drift on the form: the draft is saved for the human takeover.
                expect(r.takeover!.draftId).toMatch(/^DRF-\d+$/)
                expect(r.console.drafts).toHaveLength(1)
                expect(r.takeover!.resume).toContain(r.takeover!.draftId!)
            }
            if (r.takeover!.pageReached !== '(browser not entered)') {
                // The takeover's saved text never holds a masked value.
                const text = savedTexts(r.takeover!.checkpoints)
                for (const t of r.console.tenants) expect(text).not.toContain(t.secret)
            }
        })
    }

    it("a 45-minute plan sets the console's 30-minute expiry: the longest choice within it, never longer", async () => {
        const r = await run('expiry: rounded down to a console choice', { plan: consolePlan({}, 45) })
        expect(r.error).toBeNull()
        expect(r.console.restorations[0]!.expiryMinutes).toBe(30)
        expect(r.result!.expiresAt.getTime()).toBe(r.clock.nowMs() + 30 * 60_000)
    })

    it('the recheck caps the grant at the change window: the console expiry comes from the capped minutes', async () => {
        // The linked change window ends in 40 minutes: 60 approved, 40 allowed → the console's 30.
        const r = await run('expiry: capped by the change window', { caps: [40, 40] })
        expect(r.error).toBeNull()
        expect(r.console.restorations[0]!.expiryMinutes).toBe(30)
        expect(r.outcome.overPrivileged).toBe(false)
        // The worker hands the provider the capped plan (worker/grant.ts): the approved digest still matches.
        const capped = await run('expiry: capped plan from the worker', {
            plan: { ...consolePlan(), durationMinutes: 40 },
            approvedPlan: consolePlan(),
            caps: [40, 40],
        })
        expect(capped.error).toBeNull()
        expect(capped.console.restorations[0]!.expiryMinutes).toBe(30)
    })

    it('ambiguous confirmation → looked up by our reference, confirmed, no second submission', async () => {
        const r = await run('ambiguous: resolved by status', { drift: { confirmation: 'ambiguous' } })
        expect(r.error).toBeNull()
        expect(r.result!.txnIds).toEqual([r.console.restorations[0]!.id])
        expect(r.console.submitRequests).toBe(1)
    })

    it('confirmation never arrives → looked up by our reference, no second submission', async () => {
        const r = await run('ambiguous: never answered', { drift: { confirmation: 'never' }, pageTimeoutMs: 1_500 })
        expect(r.error).toBeNull()
        expect(r.result!.txnIds).toEqual([r.console.restorations[0]!.id])
        expect(r.console.submitRequests).toBe(1)
    })

    it('ambiguous and not on the status page → halt with a P1, never a second submission', async () => {
        const r = await run('ambiguous: unknown', { drift: { confirmation: 'ambiguous', statusLag: true } })
        expect(r.error?.kind).toBe('halted')
        expect(r.error?.code).toBe('OUTCOME_UNKNOWN')
        expect(r.outcome.priority).toBe(1)
        expect(r.takeover!.submitted).toBe(true)
        expect(r.console.submitRequests).toBe(1)
        expect(r.takeover!.resume).toContain('Never submit again')
    })

    it('a re-run after a crash finds the restoration by our reference and never submits again', async () => {
        const r = await run('crash: resumed', {
            before: async (c, p, plan) => {
                await p.grant(plan, { idempotencyKey: 'first' })
                expect(c.restorations).toHaveLength(1)
            },
        })
        expect(r.error).toBeNull()
        expect(r.result!.alreadyDone).toBe(true)
        expect(r.console.restorations).toHaveLength(1)
        expect(r.console.submitRequests).toBe(1)
    })

    it('a wrong TOTP seed is refused by the console and halts before any tenant page', async () => {
        const clock = new VirtualClock(Date.UTC(2026, 11, 2, 18, 0, 0))
        const c = await startConsoleEmulator({ now: () => clock.now() })
        const plan = consolePlan()
        const provider = createConsoleProvider(
            {
                baseUrl: c.url,
                username: c.username,
                password: c.password,
                totpSeed: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
                chromiumPath: CHROMIUM,
                evidenceDir: join(evidenceRoot, 'totp'),
                pageTimeoutMs: 2_000,
            },
            { gate: gateFor(plan, clock, () => 'pass').gate, now: () => clock.now(), browser: async () => browser },
        )
        try {
            const e = await provider.grant(plan, { idempotencyKey: 'k' }).catch((x: unknown) => x)
            expect(e).toBeInstanceOf(ProviderError)
            expect((e as ProviderError).code).toBe('SIGN_IN_FAILED')
            expect(c.refusedSignIns).toBe(1)
            expect(c.restorations).toHaveLength(0)
        } finally {
            await c.close()
        }
    })
})
