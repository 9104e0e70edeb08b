/**
 * The `console` provider (issue 14): restores a customer tenant's administrators through a vendor's browser-only
 * emergency admin console, driven by Playwright (`playwright-core`) in Debian's Chromium. It stops rather than
 * guesses:
 *
 * 1. **Packet check, before any browser entry**: a fresh recheck gate run (executor/src/recheck.ts, the same gate
 *    the worker ran) must pass for this very plan (same digest), and the packet — tenant id and name, customer
 *    administrator, privilege scope, expiry window, incident — must be complete and requestable.
 * 2. Pages are recognised by explicit markers (pages.ts); anything else halts.
 * 3. **Submit gate, immediately before the final click**: the recheck gate again, fresh, and the console's review
 *    page (tenant id and name, administrator, scope, expiry, incident, our reference) compared with the plan.
 * 4. Any halt saves the console draft where the page allows, and throws ProviderError('halted') carrying the
 *    takeover state (entered values, approvals relied on, page reached, reason, masked screenshot, trace); the
 *    worker puts it on the grant (state `halted`), tells SecOps, and never retries it.
 * 5. Evidence: a masked screenshot and the masked page text at each checkpoint (packet checked, tenant verified,
 *    review, confirmation), hashed (SHA-256) into the audit chain through the grant's provider calls; a check that
 *    no masked value, and nothing secret-looking, is in the saved page text.
 * 6. After submit, an ambiguous or missing confirmation is resolved by looking the restoration up by our
 *    reference (the grant number) first; still unknown → halt with a P1 incident, never a second submission.
 *
 * The restoration id is the transaction id. Revoke ends the emergency session through the console and verifies
 * it on the status page.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { planDigest, type ExecutionPlan } from '@gbg/shared'
import { nullLogger } from '../../log'
import type { ConsoleConfig } from '../../config'
import type { Logger } from '../../ports'
import type { RecheckResult } from '../../recheck'
import { URL_RULE, isAllowedUrl } from '../../url-policy'
import {
    ProviderError,
    type AuditedCall,
    type GrantResult,
    type Provider,
    type ProviderCallContext,
    type ProviderDescription,
    type RevokeResult,
    type VerifyResult,
} from '../types'
import {
    CONSOLE_PAGES,
    EXPIRY_CHOICES,
    MASK_SELECTOR,
    REQUESTABLE_PRIVILEGES,
    consoleExpiryWithin,
    describeLeak,
    leakedValues,
    type ConsolePageName,
} from './pages'
import { base32Decode, totp } from './totp'

/** Chromium flags of this machine kind (no sandbox as root, no background networking on a closed network). */
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
] as const

/** Configuration of the console provider: the executor configuration's `console` section, as validated there. */
export type ConsoleProviderConfig = ConsoleConfig

/** The fresh recheck the packet check and the submit gate run (recheck.ts recheckGrant bound to ServiceNow). */
export type ConsoleGate = (grantSysId: string) => Promise<RecheckResult>

/** Dependencies of the console provider. */
export interface ConsoleProviderDeps {
    now?: () => Date
    logger?: Logger
    /** Required: the recheck gate. */
    gate: ConsoleGate
    /** A browser to reuse (tests share one per file); by default each flow launches Chromium and closes it. */
    browser?: () => Promise<Browser>
}

/** One checkpoint's evidence. */
export interface ConsoleCheckpoint {
    checkpoint: string
    page: string
    screenshot: string
    screenshotSha256: string
    text: string
    textSha256: string
    at: string
}

/** The takeover state recorded on a halted grant. */
export interface TakeoverState {
    reason: string
    code: string
    pageReached: string
    url: string
    enteredValues: Record<string, string>
    submitted: boolean
    draftId: string | null
    approvalsReliedOn: { sysId: string; approver: string; updatedOn: string }[]
    screenshot: ConsoleCheckpoint | null
    traces: { file: string; sha256: string }[]
    checkpoints: ConsoleCheckpoint[]
    resume: string
    at: string
}

/** Halt codes (the takeover state's `code`). */
export const CONSOLE_HALT = {
    packet: 'PACKET_MISMATCH',
    gate: 'GATE_REFUSED',
    unexpectedPage: 'UNEXPECTED_PAGE',
    alert: 'CONSOLE_WARNING',
    tenant: 'TENANT_MISMATCH',
    scope: 'SCOPE_EXPANSION',
    noExpiry: 'NO_EXPIRY_CONTROL',
    duration: 'UNUSUAL_DURATION',
    formChanged: 'FORM_CHANGED',
    review: 'REVIEW_MISMATCH',
    sessionExpired: 'SESSION_EXPIRED',
    secret: 'SECRET_EXPOSED',
    outcome: 'OUTCOME_UNKNOWN',
    signIn: 'SIGN_IN_FAILED',
    timeout: 'PAGE_TIMEOUT',
    duplicate: 'DUPLICATE_WARNING',
} as const

class Halt extends Error {
    constructor(
        readonly code: string,
        message: string,
    ) {
        super(message)
    }
}

/** The console packet of a plan (issue 14): what the approvers approved, in the console's terms. */
export interface ConsolePacket {
    tenantId: string
    tenantName: string
    account: string
    scope: string[]
    /**
     * The expiry set at the console: the longest of its choices not beyond the minutes the executor may grant
     * (the plan's, capped by the recheck gate's ticket-bound window at the packet check), never longer.
     */
    expiryMinutes: number
    incident: string
    reference: string
    evidence: string
}

/** The packet of `plan`, or the list of what is missing / not requestable. */
export function consolePacket(
    plan: ExecutionPlan,
): { ok: true; packet: ConsolePacket } | { ok: false; problems: string[] } {
    const t = plan.target
    const problems: string[] = []
    if (plan.provider !== 'console' || t.kind !== 'console') problems.push('the plan is not a console plan')
    if (!t.tenantId) problems.push('no tenant id')
    if (!t.tenantName) problems.push('no tenant name')
    if (!t.account) problems.push('no customer administrator account')
    const scope = (t.scope ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    if (scope.length === 0) problems.push('no privilege scope')
    for (const s of scope) {
        if (!(REQUESTABLE_PRIVILEGES as readonly string[]).includes(s))
            problems.push(`privilege "${s}" is not one the provider may request`)
    }
    if (new Set(scope).size !== scope.length) problems.push('the scope names a privilege twice')
    const expiry = consoleExpiryWithin(plan.durationMinutes)
    if (expiry === null)
        problems.push(
            `${plan.durationMinutes} minutes are shorter than the console's shortest expiry (${EXPIRY_CHOICES.join(', ')} minutes)`,
        )
    if (!plan.tickets.incident) problems.push('no incident')
    if (problems.length > 0) return { ok: false, problems }
    return {
        ok: true,
        packet: {
            tenantId: t.tenantId!,
            tenantName: t.tenantName!,
            account: t.account!,
            scope: [...scope].sort(),
            expiryMinutes: expiry!,
            incident: plan.tickets.incident!,
            reference: plan.grantNumber,
            evidence: `${plan.grantNumber} approvals (incident command, security, customer-account authority)`,
        },
    }
}

/** Look-ups of the status page by our reference after an unconfirmed submit (reads, never a second submission). */
const LOOKUP_ATTEMPTS = 3

/** `promise`, or `fallback` after `ms` (a page still waiting for an answer may never settle a read). */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<T>((resolve) => {
        timer = setTimeout(() => resolve(fallback), ms)
    })
    return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer))
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

/** Create the console provider. @throws Error for a configuration that cannot work (never echoing a secret). */
export function createConsoleProvider(config: ConsoleProviderConfig, deps: ConsoleProviderDeps): Provider {
    let parsed: URL
    try {
        parsed = new URL(config.baseUrl)
    } catch {
        throw new Error('console base URL is not a URL')
    }
    if (!isAllowedUrl(parsed)) throw new Error(`console base URL ${URL_RULE}`)
    if (!config.username) throw new Error('console service account is not set')
    if (!config.password) throw new Error('console password is not set')
    try {
        if (base32Decode(config.totpSeed).length < 10) throw new Error('short')
    } catch {
        throw new Error('console TOTP seed is not a base32 seed of at least 80 bits')
    }
    const base = config.baseUrl.replace(/\/+$/, '')
    const now = deps.now ?? (() => new Date())
    const logger = deps.logger ?? nullLogger
    let chain: Promise<unknown> = Promise.resolve()
    /** One console flow at a time: one service account, one session. */
    const serial = <T>(fn: () => Promise<T>): Promise<T> => {
        const run = chain.then(fn, fn)
        chain = run.catch(() => undefined)
        return run
    }

    async function openBrowser(): Promise<{ browser: Browser; owned: boolean }> {
        if (deps.browser) return { browser: await deps.browser(), owned: false }
        const { chromium } = await import('playwright-core')
        const browser = await chromium.launch({
            executablePath: config.chromiumPath,
            headless: true,
            args: [...CHROMIUM_ARGS],
        })
        return { browser, owned: true }
    }

    /** One browser flow: its own context (cookies, trace), evidence folder and checkpoint list. */
    class Flow {
        readonly checkpoints: ConsoleCheckpoint[] = []
        readonly calls: AuditedCall[] = []
        readonly entered: Record<string, string> = {}
        /** Values read from masked elements: never in saved text, never logged. */
        readonly masked = new Set<string>()
        submitted = false
        draftId: string | null = null
        approvals: TakeoverState['approvalsReliedOn'] = []
        page!: Page
        context!: BrowserContext
        private browser!: Browser
        private owned = false
        private tracing = false
        readonly traces: { file: string; sha256: string }[] = []
        readonly dir: string

        constructor(
            readonly plan: ExecutionPlan,
            readonly operation: 'grant' | 'revoke' | 'verify',
        ) {
            const stamp = now().toISOString().replace(/[:.]/g, '-')
            this.dir = join(
                config.evidenceDir,
                plan.grantNumber.replace(/[^A-Za-z0-9_-]/g, '_'),
                `${operation}-${stamp}`,
            )
        }

        async open(): Promise<void> {
            mkdirSync(this.dir, { recursive: true })
            const b = await openBrowser()
            this.browser = b.browser
            this.owned = b.owned
            this.context = await this.browser.newContext({ viewport: { width: 820, height: 900 } })
            this.context.setDefaultTimeout(config.pageTimeoutMs)
            this.context.setDefaultNavigationTimeout(config.pageTimeoutMs)
            this.page = await this.context.newPage()
            await this.context.tracing.start({ screenshots: false, snapshots: false, sources: false })
        }

        /**
         * Playwright trace (actions only: no DOM snapshots, no screenshots, so no unmasked value), one chunk from
         * sign-in to the end of the flow: the sign-in itself (password, one-time code) is never in a trace, and the
         * packet card before it is evidence of its own (one trace file per flow: each chunk costs a zip write).
         */
        async startTrace(): Promise<void> {
            if (this.tracing) return
            await this.context.tracing.startChunk({ title: `${this.plan.grantNumber} ${this.operation}` })
            this.tracing = true
        }

        async stopTrace(): Promise<{ file: string; sha256: string }[]> {
            if (this.tracing) {
                this.tracing = false
                const file = join(this.dir, `trace-${this.traces.length + 1}.zip`)
                await this.context.tracing.stopChunk({ path: file })
                this.traces.push({ file, sha256: sha256(readFileSync(file)) })
            }
            return this.traces
        }

        async close(): Promise<void> {
            try {
                await this.context?.close()
            } finally {
                if (this.owned) await this.browser?.close()
            }
        }

        /** The heading of the current page ('' when none). */
        async heading(): Promise<string> {
            const h = this.page.locator('main h1')
            return (await h.count()) === 1 ? ((await h.textContent()) ?? '').trim() : ''
        }

        /** Require the current page to be `name`: its heading, each marker exactly once, and no alert. */
        async expect(name: ConsolePageName): Promise<void> {
            const want = CONSOLE_PAGES[name]
            logger.debug('console page expected', { grant: this.plan.grantNumber, page: want.heading })
            await this.page.waitForLoadState('domcontentloaded')
            // One read of the page (heading, alerts, marker counts): one round trip to the browser, not one per check.
            const seen = await this.page.evaluate((markers: string[]) => {
                const main = document.querySelector('main')
                const h = main ? main.querySelectorAll('h1') : []
                const alert = main ? main.querySelector('[role=alert], .alert') : null
                return {
                    heading: h.length === 1 ? (h[0]!.textContent ?? '').trim() : '',
                    alert: alert ? (alert.textContent ?? '').trim().slice(0, 300) : null,
                    counts: markers.map((m) => (main ? main.querySelectorAll(m).length : 0)),
                }
            }, [...want.markers])
            if (seen.heading !== want.heading) {
                if (seen.heading === CONSOLE_PAGES.signIn.heading && name !== 'signIn') {
                    throw new Halt(
                        CONSOLE_HALT.sessionExpired,
                        `The console session ended: the sign-in page came instead of "${want.heading}".`,
                    )
                }
                throw new Halt(
                    CONSOLE_HALT.unexpectedPage,
                    `Expected the console page "${want.heading}", found "${seen.heading || '(no heading)'}" at ${new URL(this.page.url()).pathname}.`,
                )
            }
            if (seen.alert !== null) {
                throw new Halt(CONSOLE_HALT.alert, `The console warns on "${want.heading}": ${seen.alert}`)
            }
            want.markers.forEach((marker, i) => {
                const n = seen.counts[i]!
                if (n !== 1) {
                    throw new Halt(
                        CONSOLE_HALT.formChanged,
                        `The console page "${want.heading}" changed: ${n === 0 ? 'missing' : `${n} ×`} ${marker}.`,
                    )
                }
            })
        }

        /** The trimmed text of the first element matching each selector inside `main` ('' when none), in one read. */
        async texts(selectors: readonly string[]): Promise<string[]> {
            return this.page.evaluate(
                (list: string[]) =>
                    list.map((sel) => {
                        const e = document.querySelector(`main ${sel}`)
                        return e ? (e.textContent ?? '').trim() : ''
                    }),
                [...selectors],
            )
        }

        async text(selector: string): Promise<string> {
            return ((await this.page.locator(`main ${selector}`).first().textContent()) ?? '').trim()
        }

        /** Click a button by its exact label; it must exist exactly once. */
        async click(label: string): Promise<void> {
            const b = this.page.getByRole('button', { name: label, exact: true })
            const n = await b.count()
            if (n !== 1) {
                throw new Halt(
                    CONSOLE_HALT.formChanged,
                    `The console's "${label}" button is ${n === 0 ? 'missing' : 'ambiguous'} on "${await this.heading()}".`,
                )
            }
            await Promise.all([this.page.waitForLoadState('domcontentloaded'), b.click()])
            await this.page.waitForLoadState('domcontentloaded')
        }

        async goto(path: string): Promise<void> {
            logger.debug('console goto', { path: path.split('?')[0] })
            await this.page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' })
        }

        /**
         * A masked screenshot and the masked page text of the current page, hashed. Refuses (halt) when a masked
         * value or anything secret-looking is in the text as it would be saved.
         */
        async checkpoint(name: string): Promise<ConsoleCheckpoint> {
            logger.debug('console checkpoint', { name })
            const maskLocator = this.page.locator(MASK_SELECTOR)
            for (const v of await maskLocator.allTextContents()) if (v.trim()) this.masked.add(v.trim())
            const text = await this.page.evaluate((selector) => {
                const clone = document.body.cloneNode(true) as HTMLElement
                clone.querySelectorAll(selector).forEach((e) => {
                    e.textContent = '[masked]'
                })
                clone.querySelectorAll('input').forEach((e) => {
                    const i = e as HTMLInputElement
                    if (i.type !== 'hidden' && i.type !== 'password') i.setAttribute('data-value', i.value)
                })
                // Text nodes joined with spaces (adjacent cells must not run into each other).
                const parts: string[] = []
                const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '')
                    else if ((n as Element).tagName === 'STYLE' || (n as Element).tagName === 'SCRIPT') parts.push('')
                    else if ((n as Element).hasAttribute('data-value'))
                        parts.push((n as Element).getAttribute('data-value') ?? '')
                }
                return parts.join(' ').replace(/\s+/g, ' ').trim()
            }, MASK_SELECTOR)
            const leaks = leakedValues(text, [...this.masked], [this.plan.target.account ?? ''])
            const png = await this.page.screenshot({
                fullPage: true,
                mask: leaks.length > 0 ? [this.page.locator('main'), maskLocator] : [maskLocator],
                maskColor: '#000000',
                // Evidence is worth waiting for: a screenshot is not a page answer (a loaded host is slow at it).
                timeout: Math.max(config.pageTimeoutMs, 15_000),
            })
            const safeText = leaks.reduce((t, v) => t.split(v).join('[masked]'), text)
            const file = join(this.dir, `${String(this.checkpoints.length + 1).padStart(2, '0')}-${name}`)
            writeFileSync(`${file}.png`, png)
            writeFileSync(`${file}.txt`, safeText)
            const cp: ConsoleCheckpoint = {
                checkpoint: name,
                page: await this.heading(),
                screenshot: `${file}.png`,
                screenshotSha256: sha256(png),
                text: `${file}.txt`,
                textSha256: sha256(safeText),
                at: now().toISOString(),
            }
            this.checkpoints.push(cp)
            this.calls.push({
                method: 'CHECKPOINT',
                url: `${base}${new URL(this.page.url()).pathname}`,
                responseBody: {
                    checkpoint: name,
                    page: cp.page,
                    screenshotSha256: cp.screenshotSha256,
                    textSha256: cp.textSha256,
                },
            })
            if (leaks.length > 0) {
                throw new Halt(
                    CONSOLE_HALT.secret,
                    `The console shows sensitive data outside its masked fields on "${cp.page}": ${leaks.map(describeLeak).join(', ')}. The screenshot was taken with the whole page masked.`,
                )
            }
            return cp
        }

        async signIn(): Promise<void> {
            await this.goto('/login')
            await this.expect('signIn')
            await this.page.fill('main input[name=username]', config.username)
            await this.page.fill('main input[name=password]', config.password)
            await this.page.fill('main input[name=otp]', totp(base32Decode(config.totpSeed), now().getTime()))
            await this.click('Sign in')
            if ((await this.heading()) === CONSOLE_PAGES.signIn.heading) {
                throw new Halt(CONSOLE_HALT.signIn, 'The console refused the service account sign-in.')
            }
            await this.startTrace()
            this.calls.push({ method: 'POST', url: `${base}/login`, responseBody: { signedIn: true } })
        }

        /** Rows of the status page for our reference: id, state, expiry. */
        async lookUp(reference: string): Promise<{ id: string; state: string; expiresAt: string; tenantId: string }[]> {
            await this.goto(`/restorations/status?reference=${encodeURIComponent(reference)}`)
            await this.expect('status')
            const out = await this.page.evaluate(() =>
                Array.from(document.querySelectorAll('main table.status tr[data-restoration]')).map((row) => {
                    const cell = (sel: string): string => (row.querySelector(sel)?.textContent ?? '').trim()
                    return {
                        id: cell('.restoration-id'),
                        state: cell('.state'),
                        expiresAt: cell('.expires-at'),
                        tenantId: cell('.tenant-id'),
                    }
                }),
            )
            this.calls.push({
                method: 'GET',
                url: `${base}/restorations/status`,
                responseBody: { reference, rows: out },
            })
            return out
        }

        /** Save the draft when the current page has the button (form, review); the draft id or null. */
        async saveDraft(): Promise<string | null> {
            try {
                const button = this.page.getByRole('button', { name: 'Save draft', exact: true })
                if ((await button.count()) !== 1) return null
                await Promise.all([this.page.waitForLoadState('domcontentloaded'), button.click()])
                await this.expect('draftSaved')
                this.draftId = await this.text('.draft-id')
                return this.draftId
            } catch {
                return null
            }
        }
    }

    /**
     * Run the fresh recheck for the plan; a refusal or another digest is a halt. The plan being executed may be the
     * approved one with fewer minutes (the worker caps it at a change window's end): it must be the approved plan
     * in every other field, never longer. Returns the minutes the gate allows now (its ticket-bound cap).
     */
    async function gateFor(flow: Flow, where: string): Promise<number> {
        let r: RecheckResult
        try {
            r = await deps.gate(flow.plan.grantSysId)
        } catch (error) {
            throw new Halt(CONSOLE_HALT.gate, `${where}: the recheck could not run (${(error as Error).message}).`)
        }
        if (!r.ok) throw new Halt(CONSOLE_HALT.gate, `${where}: recheck refused (${r.code}): ${r.reason}`)
        const approvedMinutes = r.plan.durationMinutes
        if (
            r.digest !== planDigest({ ...flow.plan, durationMinutes: approvedMinutes }) ||
            flow.plan.durationMinutes > approvedMinutes
        ) {
            throw new Halt(
                CONSOLE_HALT.packet,
                `${where}: the approved plan in ServiceNow is no longer the plan being executed.`,
            )
        }
        flow.approvals = r.approvals.map((a) => ({
            sysId: a.sysId,
            approver: a.approverSysId,
            updatedOn: a.updatedOn instanceof Date ? a.updatedOn.toISOString() : '',
        }))
        const allowedMinutes = Math.min(flow.plan.durationMinutes, r.grantMinutes)
        flow.calls.push({
            method: 'GATE',
            url: 'servicenow:recheck',
            responseBody: {
                where,
                ok: true,
                digest: r.digest,
                approvals: flow.approvals,
                grantMinutes: r.grantMinutes,
                expiryCapMs: r.expiryCapMs,
            },
        })
        return allowedMinutes
    }

    /** Stop: draft where possible, masked screenshot, trace, takeover state → ProviderError('halted'). */
    async function halt(flow: Flow, halted: Halt): Promise<never> {
        let screenshot: ConsoleCheckpoint | null = null
        let pageReached = ''
        let url = ''
        if (flow.page && !flow.page.isClosed()) {
            pageReached = await within(flow.heading(), config.pageTimeoutMs, '')
            url = (() => {
                try {
                    return new URL(flow.page.url()).pathname
                } catch {
                    return ''
                }
            })()
            try {
                screenshot = await within(flow.checkpoint('halt'), Math.max(config.pageTimeoutMs, 15_000) * 2, null)
                if (!screenshot) throw new Error('the halt screenshot timed out')
            } catch (error) {
                screenshot = flow.checkpoints[flow.checkpoints.length - 1] ?? null
                if (!(error instanceof Halt))
                    logger.warn('console halt screenshot failed', { error: (error as Error).message })
            }
            if (!flow.submitted && halted.code !== CONSOLE_HALT.sessionExpired)
                await within(flow.saveDraft(), config.pageTimeoutMs * 3, null)
        }
        const traces = await flow.stopTrace().catch(() => flow.traces)
        const takeover: TakeoverState = {
            reason: halted.message,
            code: halted.code,
            pageReached: pageReached || '(browser not entered)',
            url,
            enteredValues: { ...flow.entered },
            submitted: flow.submitted,
            draftId: flow.draftId,
            approvalsReliedOn: flow.approvals,
            screenshot,
            traces,
            checkpoints: flow.checkpoints,
            resume: flow.submitted
                ? 'The restoration may have been submitted: look it up on the console status page by the reference, then end it or record it by hand. Never submit again.'
                : flow.draftId
                  ? `Nothing was submitted. Resume draft ${flow.draftId} by hand in the console after checking the reason, or cancel the grant.`
                  : 'Nothing was submitted. Start the restoration by hand in the console after checking the reason, or cancel the grant.',
            at: now().toISOString(),
        }
        logger.warn('console flow halted', {
            grant: flow.plan.grantNumber,
            code: halted.code,
            page: takeover.pageReached,
        })
        throw new ProviderError('halted', halted.message, halted.code, undefined, {
            takeover,
            incidentPriority: halted.code === CONSOLE_HALT.outcome ? 1 : 2,
            calls: flow.calls,
        })
    }

    /** Map a Playwright failure (timeout, closed page) to a halt: the page did not answer as expected. */
    function asHalt(error: unknown): Halt {
        if (error instanceof Halt) return error
        const message = (error as Error)?.message ?? String(error)
        if (/timeout/i.test(message))
            return new Halt(CONSOLE_HALT.timeout, `The console did not answer in time (${config.pageTimeoutMs} ms).`)
        return new Halt(
            CONSOLE_HALT.unexpectedPage,
            `The console flow failed: ${message.split('\n')[0]!.slice(0, 200)}`,
        )
    }

    async function grantFlow(plan: ExecutionPlan): Promise<GrantResult> {
        const flow = new Flow(plan, 'grant')
        try {
            const p = consolePacket(plan)
            if (!p.ok)
                throw new Halt(CONSOLE_HALT.packet, `The approved packet cannot be executed: ${p.problems.join('; ')}.`)
            const packet = p.packet
            // 1. Packet check, before any browser entry. The console's expiry comes from the capped plan: the
            //    longest console choice within the minutes the gate allows now (a change window may end sooner).
            const allowed = await gateFor(flow, 'Packet check')
            const expiry = consoleExpiryWithin(allowed)
            if (expiry === null)
                throw new Halt(
                    CONSOLE_HALT.duration,
                    `Only ${allowed} minutes may be granted (the linked ticket's window ends sooner); the console's shortest expiry is ${EXPIRY_CHOICES[0]} minutes.`,
                )
            packet.expiryMinutes = expiry
            await flow.open()
            await flow.page.setContent(packetCard(plan, packet, flow.approvals, now()))
            await flow.checkpoint('packet-checked')

            await flow.signIn()
            // Our reference first: a restoration already submitted for this grant is never submitted again.
            const existing = (await flow.lookUp(packet.reference)).filter((r) => r.tenantId === packet.tenantId)
            if (existing.length > 0) {
                // The status page is this flow's confirmation: the restoration exists, nothing is submitted again.
                await flow.checkpoint('confirmation')
                return await done(flow, packet, existing[0]!.id, existing[0]!.expiresAt, true)
            }

            // 2. Tenant verification.
            await flow.goto(`/tenants?q=${encodeURIComponent(packet.tenantId)}`)
            await flow.expect('tenantSearch')
            const links = flow.page.locator('main a.tenant-link')
            const ids = (await links.allTextContents()).map((s) => s.trim())
            if (ids.length !== 1 || ids[0] !== packet.tenantId) {
                throw new Halt(
                    CONSOLE_HALT.tenant,
                    `Tenant search for ${packet.tenantId} answered ${ids.length === 0 ? 'nothing' : ids.join(', ')}.`,
                )
            }
            await Promise.all([flow.page.waitForLoadState('domcontentloaded'), links.first().click()])
            await flow.expect('tenantVerify')
            const [shownId, shownName] = await flow.texts(['dd.tenant-id', 'dd.tenant-name'])
            if (shownId !== packet.tenantId || shownName !== packet.tenantName) {
                throw new Halt(
                    CONSOLE_HALT.tenant,
                    `The console shows tenant ${shownId} "${shownName}", the approved packet is ${packet.tenantId} "${packet.tenantName}".`,
                )
            }
            await flow.checkpoint('tenant-verified')
            await flow.click('Confirm tenant')

            // 3. The restoration form.
            await flow.expect('form')
            await checkForm(flow, packet)
            await fillForm(flow, packet)
            await flow.click('Review')
            await flow.expect('review')
            await compareReview(flow, packet)
            await flow.checkpoint('review')

            // 4. Submit gate: fresh recheck immediately before the final click (the window may have shrunk since).
            const stillAllowed = await gateFor(flow, 'Submit gate')
            if (packet.expiryMinutes > stillAllowed)
                throw new Halt(
                    CONSOLE_HALT.duration,
                    `Submit gate: only ${stillAllowed} minutes may be granted now, less than the ${packet.expiryMinutes}-minute expiry entered.`,
                )
            const button = flow.page.getByRole('button', { name: 'Submit restoration', exact: true })
            if ((await button.count()) !== 1)
                throw new Halt(CONSOLE_HALT.formChanged, 'The review page has no single "Submit restoration" button.')
            flow.submitted = true
            flow.calls.push({
                method: 'POST',
                url: `${base}${new URL(flow.page.url()).pathname.replace(/review$/, 'submit')}`,
                requestBody: { ...flow.entered },
            })
            let confirmed = false
            try {
                await Promise.all([flow.page.waitForLoadState('domcontentloaded'), button.click()])
                await flow.expect('confirmation')
                confirmed = true
            } catch (error) {
                const h = asHalt(error)
                logger.debug('console submit not confirmed', { grant: plan.grantNumber, error: h.message })
                // The console's possible-duplicate question is its refusal to accept without "Submit anyway":
                // nothing was submitted, and the provider never answers it.
                if (
                    (await within(flow.heading(), config.pageTimeoutMs, '')) === CONSOLE_PAGES.duplicateWarning.heading
                ) {
                    flow.submitted = false
                    throw new Halt(CONSOLE_HALT.duplicate, `The console warns of a duplicate submission: ${h.message}`)
                }
            }
            if (confirmed) {
                const id = await flow.text('.restoration-id')
                const tenantShown = await flow.text('.tenant-id')
                await flow.checkpoint('confirmation')
                if (/^RST-\d+$/.test(id) && tenantShown === packet.tenantId)
                    return await done(flow, packet, id, await flow.text('.expires-at'), false)
            }
            // 5. Ambiguous or missing confirmation: our reference first, never a second submission.
            const found = await lookUpAfterSubmit(flow, packet)
            if (found)
                return await done(
                    flow,
                    packet,
                    found.id,
                    found.expiresAt,
                    false,
                    'confirmed on the status page after an ambiguous confirmation',
                )
            throw new Halt(
                CONSOLE_HALT.outcome,
                `The restoration was submitted but the console gave no confirmation and the status page has none for reference ${packet.reference}.`,
            )
        } catch (error) {
            if (error instanceof ProviderError) throw error
            return await halt(flow, asHalt(error))
        } finally {
            await flow.close().catch(() => undefined)
        }
    }

    /**
     * After a submit without a recognised confirmation: the status page, by our reference, on a fresh page (the old
     * one may still be waiting for the answer that never comes; it is left alone, never reloaded or resubmitted).
     */
    async function lookUpAfterSubmit(flow: Flow, packet: ConsolePacket) {
        // A read only, so it may be tried again (a slow status page is not an answer): up to LOOKUP_ATTEMPTS times,
        // each on a fresh page. Nothing here ever submits.
        for (let attempt = 1; attempt <= LOOKUP_ATTEMPTS; attempt++) {
            const stale = flow.page
            try {
                flow.page = await flow.context.newPage()
                void stale.close({ runBeforeUnload: false }).catch(() => undefined)
                const found = (await flow.lookUp(packet.reference)).filter((r) => r.tenantId === packet.tenantId)
                if (found.length === 1) {
                    await flow.checkpoint('confirmation')
                    return found[0]!
                }
                if (found.length > 1) return null // two restorations for one reference: never guess which
            } catch (error) {
                if (error instanceof Halt && error.code === CONSOLE_HALT.secret) throw error
                logger.debug('console status look-up failed', { attempt, error: (error as Error).message })
            }
        }
        return null
    }

    async function done(
        flow: Flow,
        packet: ConsolePacket,
        id: string,
        expiresText: string,
        alreadyDone: boolean,
        note?: string,
    ): Promise<GrantResult> {
        const traces = await flow.stopTrace()
        // The console's own expiry, never later than the expiry entered: the executor's revoke is scheduled there.
        const entered = now().getTime() + packet.expiryMinutes * 60_000
        const parsed = Date.parse(expiresText)
        const expiresAt = new Date(Number.isFinite(parsed) ? Math.min(parsed, entered) : entered)
        return {
            txnIds: [id],
            expiresAt,
            nativeExpiry: true,
            alreadyDone,
            calls: flow.calls,
            notes: [
                `Restoration ${id} for tenant ${packet.tenantId}; the console ends it itself at ${expiresAt.toISOString()}.`,
                ...(note ? [note] : []),
            ],
            evidence: {
                console: {
                    restorationId: id,
                    reference: packet.reference,
                    tenantId: packet.tenantId,
                    scope: packet.scope,
                    expiryMinutes: packet.expiryMinutes,
                    approvalsReliedOn: flow.approvals,
                    checkpoints: flow.checkpoints,
                    traces,
                },
            },
        }
    }

    async function checkForm(flow: Flow, packet: ConsolePacket): Promise<void> {
        const boxes = await flow.page.evaluate(() =>
            Array.from(document.querySelectorAll('main input[name=scope]')).map((e) => ({
                value: (e as HTMLInputElement).value,
                checked: (e as HTMLInputElement).checked,
            })),
        )
        const offered = boxes.map((b) => b.value)
        const prechecked = boxes.filter((b) => b.checked).map((b) => b.value)
        const unknown = offered.filter(
            (v) => !(REQUESTABLE_PRIVILEGES as readonly string[]).includes(v) && v !== 'global_admin',
        )
        if (unknown.length > 0)
            throw new Halt(
                CONSOLE_HALT.scope,
                `The console offers privileges only as ${unknown.join(', ')} (not the approved ${packet.scope.join(', ')}).`,
            )
        const missing = packet.scope.filter((s) => !offered.includes(s))
        if (missing.length > 0) throw new Halt(CONSOLE_HALT.scope, `The console does not offer ${missing.join(', ')}.`)
        if (prechecked.length > 0)
            throw new Halt(
                CONSOLE_HALT.scope,
                `The console pre-selects ${prechecked.join(', ')}: broader than the approved scope.`,
            )
        const expiry = flow.page.locator('main select[name=expiry_minutes]')
        if ((await expiry.count()) !== 1)
            throw new Halt(CONSOLE_HALT.noExpiry, 'The restoration form has no expiry control.')
        const options = await expiry
            .locator('option')
            .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
        if (!options.includes(String(packet.expiryMinutes)))
            throw new Halt(CONSOLE_HALT.duration, `The console offers no expiry of ${packet.expiryMinutes} minutes.`)
    }

    async function fillForm(flow: Flow, packet: ConsolePacket): Promise<void> {
        const p = flow.page
        await p.fill('main input[name=incident_ref]', packet.incident)
        flow.entered.incident = packet.incident
        await p.fill('main input[name=admin_account]', packet.account)
        flow.entered.account = packet.account
        for (const s of packet.scope) await p.check(`main input[name=scope][value="${s}"]`)
        flow.entered.scope = packet.scope.join(',')
        await p.selectOption('main select[name=expiry_minutes]', String(packet.expiryMinutes))
        flow.entered.expiryMinutes = String(packet.expiryMinutes)
        await p.fill('main input[name=approval_evidence]', packet.evidence)
        flow.entered.evidence = packet.evidence
        await p.fill('main input[name=client_reference]', packet.reference)
        flow.entered.reference = packet.reference
        await p.check('main input[name=acknowledge]')
        flow.entered.acknowledged = 'yes'
        // What the form now holds is exactly the packet (no other privilege checked by a script on the page).
        const checked = await p
            .locator('main input[name=scope]:checked')
            .evaluateAll((es) => es.map((e) => (e as HTMLInputElement).value))
        if (checked.sort().join(',') !== packet.scope.join(','))
            throw new Halt(
                CONSOLE_HALT.scope,
                `The form holds ${checked.join(', ')}, not the approved ${packet.scope.join(', ')}.`,
            )
    }

    async function compareReview(flow: Flow, packet: ConsolePacket): Promise<void> {
        const [tenantId, tenantName, account, scopeText, expiry, incident, reference] = await flow.texts([
            'dd.tenant-id',
            'dd.tenant-name',
            'dd.admin-account',
            'dd.scope',
            'dd.expiry',
            'dd.incident',
            'dd.client-reference',
        ])
        const shown = {
            tenantId: tenantId!,
            tenantName: tenantName!,
            account: account!,
            scope: scopeText!
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
                .sort()
                .join(','),
            expiry: expiry!,
            incident: incident!,
            reference: reference!,
        }
        const diffs: string[] = []
        if (shown.tenantId !== packet.tenantId) diffs.push(`tenant id ${shown.tenantId} ≠ ${packet.tenantId}`)
        if (shown.tenantName !== packet.tenantName)
            diffs.push(`tenant name "${shown.tenantName}" ≠ "${packet.tenantName}"`)
        if (shown.account !== packet.account) diffs.push(`administrator ${shown.account} ≠ ${packet.account}`)
        if (shown.scope !== packet.scope.join(',')) diffs.push(`scope ${shown.scope} ≠ ${packet.scope.join(',')}`)
        if (shown.expiry !== `${packet.expiryMinutes} minutes`)
            diffs.push(`expiry "${shown.expiry}" ≠ "${packet.expiryMinutes} minutes"`)
        if (shown.incident !== packet.incident) diffs.push(`incident ${shown.incident} ≠ ${packet.incident}`)
        if (shown.reference !== packet.reference) diffs.push(`reference ${shown.reference} ≠ ${packet.reference}`)
        if (diffs.length > 0)
            throw new Halt(CONSOLE_HALT.review, `The review page differs from the approved plan: ${diffs.join('; ')}.`)
    }

    async function revokeFlow(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<RevokeResult> {
        const flow = new Flow(plan, 'revoke')
        try {
            await flow.open()
            await flow.signIn()
            const ids = new Set(ctx.txnIds ?? [])
            const rows = (await flow.lookUp(plan.grantNumber)).filter((r) => ids.size === 0 || ids.has(r.id))
            const active = rows.filter((r) => r.state === 'active')
            for (const r of active) {
                await flow.goto(`/restorations/${encodeURIComponent(r.id)}/end`)
                await flow.expect('endConfirm')
                if ((await flow.text('.restoration-id')) !== r.id)
                    throw new Halt(CONSOLE_HALT.unexpectedPage, `The end page names another restoration than ${r.id}.`)
                await flow.click('End session now')
                await flow.expect('ended')
                await flow.checkpoint('session-ended')
                flow.calls.push({
                    method: 'POST',
                    url: `${base}/restorations/${r.id}/end`,
                    responseBody: { ended: r.id },
                })
            }
            const after = (await flow.lookUp(plan.grantNumber)).filter((r) => ids.size === 0 || ids.has(r.id))
            await flow.checkpoint('status-after-revoke')
            const still = after.filter((r) => r.state === 'active')
            if (still.length > 0)
                throw new ProviderError(
                    'retryable',
                    `The console still shows ${still.map((r) => r.id).join(', ')} active after ending it.`,
                    'STILL_ACTIVE',
                )
            const traces = await flow.stopTrace()
            return {
                alreadyAbsent: active.length === 0,
                calls: flow.calls,
                evidence: {
                    console: { ended: active.map((r) => r.id), status: after, checkpoints: flow.checkpoints, traces },
                },
            }
        } catch (error) {
            if (error instanceof ProviderError) throw error
            const h = asHalt(error)
            throw new ProviderError('retryable', `Console revoke: ${h.message}`, h.code, undefined, {
                checkpoints: flow.checkpoints,
            })
        } finally {
            await flow.close().catch(() => undefined)
        }
    }

    async function verifyFlow(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<VerifyResult> {
        const flow = new Flow(plan, 'verify')
        try {
            await flow.open()
            await flow.signIn()
            const ids = new Set(ctx.txnIds ?? [])
            const rows = (await flow.lookUp(plan.grantNumber)).filter((r) => ids.size === 0 || ids.has(r.id))
            const active = rows.filter((r) => r.state === 'active')
            await flow.checkpoint('status')
            await flow.stopTrace()
            return {
                present: active.length > 0,
                ...(active[0] && Number.isFinite(Date.parse(active[0].expiresAt))
                    ? { expiresAt: new Date(active[0].expiresAt) }
                    : {}),
                evidence: { txnIds: active.map((r) => r.id), status: rows, checkpoints: flow.checkpoints },
                calls: flow.calls,
            }
        } catch (error) {
            if (error instanceof ProviderError) throw error
            throw new ProviderError('retryable', `Console status check: ${asHalt(error).message}`)
        } finally {
            await flow.close().catch(() => undefined)
        }
    }

    return {
        name: 'console',
        describe(): ProviderDescription {
            return { name: 'console', baseUrl: base, nativeExpiry: true }
        },
        async health(): Promise<void> {
            let res: Response
            try {
                res = await fetch(`${base}/login`, { signal: AbortSignal.timeout(config.pageTimeoutMs) })
            } catch (error) {
                throw new ProviderError('retryable', `console unreachable: ${(error as Error).message}`)
            }
            const body = await res.text()
            if (res.status !== 200 || !body.includes(`<h1>${CONSOLE_PAGES.signIn.heading}</h1>`))
                throw new ProviderError('fatal', `console sign-in page not recognised (HTTP ${res.status})`)
        },
        grant: (plan) => serial(() => grantFlow(plan)),
        revoke: (plan, ctx) => serial(() => revokeFlow(plan, ctx)),
        verify: (plan, ctx) => serial(() => verifyFlow(plan, ctx)),
    }
}

const escHtml = (v: unknown): string =>
    String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The "packet checked" evidence card rendered in the browser before it enters the console. */
function packetCard(
    plan: ExecutionPlan,
    packet: ConsolePacket,
    approvals: TakeoverState['approvalsReliedOn'],
    at: Date,
): string {
    const row = (k: string, v: string): string => `<tr><th>${escHtml(k)}</th><td>${escHtml(v)}</td></tr>`
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>Packet checked</title><style>body{font-family:sans-serif;margin:24px}th{text-align:left;padding-right:16px}</style></head>' +
        `<body><main><h1>Packet checked</h1><table>${row('Grant', plan.grantNumber)}${row('Plan SHA-256', planDigest(plan))}` +
        `${row('Tenant', `${packet.tenantId} ${packet.tenantName}`)}${row('Customer administrator', packet.account)}` +
        `${row('Privilege scope', packet.scope.join(', '))}${row('Expiry', `${packet.expiryMinutes} minutes`)}${row('Incident', packet.incident)}` +
        `${approvals.map((a, i) => row(`Approval ${i + 1}`, `${a.sysId} by ${a.approver} at ${a.updatedOn}`)).join('')}` +
        `${row('Checked at', at.toISOString())}</table></main></body></html>`
    )
}
