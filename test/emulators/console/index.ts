/**
 * Emulator of a vendor's browser-only emergency support admin console (issue 14): server-rendered forms, its own
 * sign-in (service account + RFC 6238 TOTP), a CSRF token per session, an idle session that expires on the
 * emulator's clock (the tests' virtual clock), tenant search → tenant verification, the restoration form
 * (incident reference, customer administrator, temporary privilege scope, expiry, customer-approval evidence,
 * acknowledgement, our reference), "Save draft", a review page, a confirmation page with a restoration id, a
 * status page that looks restorations up by our reference, and a page to end an active emergency session early.
 *
 * Every drift of the issue is a switch in {@link ConsoleDrift} (mutable while running). Behaviour and sources:
 * README.md in this folder.
 *
 * Test / dev code only.
 */
import { randomBytes } from 'node:crypto'
import express, { type Request, type Response } from 'express'
import { base32Decode, checkTotp } from '@gbg/executor/src/providers/console/totp'
import { listen } from '../http-listen'

/** Privileges the console can restore, in its own names. */
export const CONSOLE_PRIVILEGES = [
    'user_admin',
    'helpdesk_admin',
    'billing_admin',
    'security_admin',
    'global_admin',
] as const
/** Expiry choices of the form (minutes). */
export const CONSOLE_EXPIRY_CHOICES = [15, 30, 60, 120, 240] as const

/** A tenant the console knows. The secret, contacts and token are what the pages must never leak unmasked. */
export interface ConsoleTenant {
    id: string
    name: string
    region: string
    /** Tenant API secret shown on the verification page (masked by the provider). */
    secret: string
    contactEmail: string
    contactPhone: string
}

/** The switches of the issue's drifts (all off by default). */
export interface ConsoleDrift {
    /** Tenant search answers a look-alike tenant (another id and name) instead of the one searched for. */
    wrongTenant?: boolean
    /** The form pre-selects global_admin besides whatever is entered. */
    broaderPreselected?: boolean
    /** Privileges are offered only as one "full administrator bundle" checkbox. */
    bundleOnly?: boolean
    /** The form has no expiry control (restorations would never expire at the console). */
    noExpiry?: boolean
    /** An unexpired break-glass session exists for the tenant (from someone else's reference). */
    existingSession?: boolean
    /** The session expires while the form is open: the next request after the form is rendered finds it gone. */
    timeoutMidForm?: boolean
    /** Layout change: the incident field is renamed and the Review button renamed and moved above the form. */
    layoutChange?: boolean
    /** Every page is answered this many (real) milliseconds late. */
    slowPageMs?: number
    /** A "this bypasses …" warning interstitial comes between the form and the review page. */
    warningInterstitial?: boolean
    /** The review page shows something other than what was entered. */
    reviewMismatch?: 'scope' | 'expiry' | 'tenant'
    /** After submit: `ambiguous` answers "Request received" without an id; `never` records the restoration but
     * never answers. */
    confirmation?: 'ambiguous' | 'never'
    /** The status page does not (yet) show restorations submitted under `confirmation` drift. */
    statusLag?: boolean
    /** Submit answers a possible-duplicate warning ("Submit anyway?") instead of accepting. */
    duplicateWarning?: boolean
    /** Tenant secret, contact details and the session token also appear in an unmarked notes banner. */
    exposeSecrets?: boolean
}

/** A restoration the console recorded. */
export interface ConsoleRestoration {
    id: string
    tenantId: string
    account: string
    scope: string[]
    expiryMinutes: number | null
    incident: string
    evidence: string
    reference: string
    submittedAt: Date
    expiresAt: Date | null
    endedAt: Date | null
    by: string
}

/** A saved draft. */
export interface ConsoleDraft {
    id: string
    tenantId: string
    values: Record<string, string | string[]>
    savedAt: Date
}

/** Options of {@link startConsoleEmulator}. */
export interface ConsoleEmulatorOptions {
    now?: () => Date
    port?: number
    username?: string
    password?: string
    /** Base32 TOTP seed of the service account. @defaultValue a random one (see `totpSeed`) */
    totpSeed?: string
    /** Idle session length. @defaultValue 15 minutes */
    sessionMinutes?: number
    tenants?: ConsoleTenant[]
    drift?: ConsoleDrift
}

/** A running emulator. */
export interface ConsoleEmulator {
    url: string
    username: string
    password: string
    totpSeed: string
    tenants: ConsoleTenant[]
    /** Mutable: switch drifts on and off while running. */
    drift: ConsoleDrift
    restorations: ConsoleRestoration[]
    drafts: ConsoleDraft[]
    /** Submit requests received (accepted or not), for "never a second submission" checks. */
    submitRequests: number
    /** Sign-ins refused (wrong password / TOTP / CSRF). */
    refusedSignIns: number
    /** Requests refused for a missing or wrong CSRF token. */
    csrfRefusals: number
    close(): Promise<void>
}

interface Session {
    id: string
    csrf: string
    user: string
    lastSeen: number
    /** Expired by the timeoutMidForm drift. */
    killed: boolean
    token: string
}

export const DEFAULT_TENANTS: ConsoleTenant[] = [
    {
        id: 'TNT-40213',
        name: 'Contoso Manufacturing',
        region: 'eu-west',
        secret: 'sk_live_7QmZ3vTnR8pK2wXe',
        contactEmail: 'it-ops@contoso.example',
        contactPhone: '+44 20 7946 0813',
    },
    {
        id: 'TNT-40231',
        name: 'Contoso Manufacturing (Sandbox)',
        region: 'eu-west',
        secret: 'sk_live_Hn4cR1uYb6sLq9Dz',
        contactEmail: 'sandbox-admin@contoso.example',
        contactPhone: '+44 20 7946 0999',
    },
]

const esc = (v: unknown): string =>
    String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Start the console on 127.0.0.1. */
export async function startConsoleEmulator(options: ConsoleEmulatorOptions = {}): Promise<ConsoleEmulator> {
    const now = options.now ?? (() => new Date())
    const username = options.username ?? 'svc-breakglass'
    const password = options.password ?? randomBytes(12).toString('base64url')
    const totpSeed = options.totpSeed ?? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    const sessionMs = (options.sessionMinutes ?? 15) * 60_000
    const tenants = options.tenants ?? DEFAULT_TENANTS.map((t) => ({ ...t }))
    const sessions = new Map<string, Session>()
    const preTokens = new Set<string>()
    let seq = 0
    const held = new Set<Response>()

    const state: ConsoleEmulator = {
        url: '',
        username,
        password,
        totpSeed,
        tenants,
        drift: { ...(options.drift ?? {}) },
        restorations: [],
        drafts: [],
        submitRequests: 0,
        refusedSignIns: 0,
        csrfRefusals: 0,
        close: async () => undefined,
    }
    const d = (): ConsoleDrift => state.drift
    const tenant = (id: string): ConsoleTenant | undefined => tenants.find((t) => t.id === id)

    const page = (res: Response, title: string, body: string, session?: Session, status = 200): void => {
        const footer = session
            ? `<footer>Signed in as ${esc(session.user)} · support session <span class="session-token">${esc(session.token)}</span> · <a href="/logout">Sign out</a></footer>`
            : ''
        const leak =
            d().exposeSecrets && session
                ? `<p class="notes">Debug: tenant key ${esc(tenants[0]!.secret)}; escalation contact ${esc(tenants[0]!.contactEmail)}; session ${esc(session.token)}</p>`
                : ''
        const html =
            `<!doctype html><html><head><meta charset="utf-8"><title>Northwind Support Console — ${esc(title)}</title>` +
            '<style>body{font-family:sans-serif;margin:24px;width:760px}label{display:block;margin:6px 0}' +
            '.alert{border:2px solid #c00;padding:8px}footer{margin-top:24px;color:#555}</style></head>' +
            `<body><header><strong>Northwind Support Console</strong></header><main><h1>${esc(title)}</h1>${leak}${body}</main>${footer}</body></html>`
        const send = (): void => {
            if (!res.headersSent) res.status(status).type('html').send(html)
        }
        const slow = d().slowPageMs ?? 0
        if (slow > 0) setTimeout(send, slow)
        else send()
    }

    const cookies = (req: Request): Record<string, string> => {
        const out: Record<string, string> = {}
        for (const part of (req.headers.cookie ?? '').split(';')) {
            const i = part.indexOf('=')
            if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim())
        }
        return out
    }

    /** The live session of the request, or null (expired sessions are deleted). */
    const sessionOf = (req: Request): Session | null => {
        const id = cookies(req)['console_sid']
        if (!id) return null
        const s = sessions.get(id)
        if (!s) return null
        if (s.killed || now().getTime() - s.lastSeen > sessionMs) {
            sessions.delete(id)
            return null
        }
        s.lastSeen = now().getTime()
        return s
    }

    const requireSession = (req: Request, res: Response): Session | null => {
        const s = sessionOf(req)
        if (!s) {
            res.redirect(303, '/login?expired=1')
            return null
        }
        if (req.method === 'POST' && (req.body as Record<string, unknown>)?._csrf !== s.csrf) {
            state.csrfRefusals++
            page(res, 'Request refused', '<p class="alert" role="alert">Invalid or missing security token.</p>', s, 403)
            return null
        }
        return s
    }

    /** Someone else's unexpired break-glass session (a sibling team's restoration), under existingSession drift. */
    const otherTeams = (tenantId: string): ConsoleRestoration => ({
        id: 'RST-699999',
        tenantId,
        account: 'someone.else@contoso.example',
        scope: ['user_admin'],
        expiryMinutes: 240,
        incident: 'INC0009999',
        evidence: 'CASE-1',
        reference: 'OTHER-TEAM-1',
        submittedAt: now(),
        expiresAt: new Date(now().getTime() + 240 * 60_000),
        endedAt: null,
        by: 'other-team',
    })
    const activeFor = (tenantId: string): ConsoleRestoration | undefined =>
        state.restorations.find(
            (r) => r.tenantId === tenantId && !r.endedAt && (!r.expiresAt || r.expiresAt.getTime() > now().getTime()),
        ) ?? (d().existingSession ? otherTeams(tenantId) : undefined)

    const app = express()
    app.disable('x-powered-by')
    app.use(express.urlencoded({ extended: false }))

    app.get('/', (_req, res) => res.redirect(303, '/tenants'))

    app.get('/login', (req, res) => {
        const pre = randomBytes(16).toString('hex')
        preTokens.add(pre)
        const note = req.query.expired ? '<p class="notice">Your session has expired. Please sign in again.</p>' : ''
        page(
            res,
            'Sign in',
            `${note}<form method="post" action="/login"><input type="hidden" name="_csrf" value="${pre}">` +
                '<label>Service account <input name="username" autocomplete="username"></label>' +
                '<label>Password <input name="password" type="password"></label>' +
                '<label>Authenticator code <input name="otp" inputmode="numeric"></label>' +
                '<button type="submit">Sign in</button></form>',
        )
    })

    app.post('/login', (req, res) => {
        const b = req.body as Record<string, string>
        const pre = b._csrf ?? ''
        const preOk = preTokens.delete(pre)
        const ok =
            preOk &&
            b.username === username &&
            b.password === password &&
            checkTotp(base32Decode(totpSeed), String(b.otp ?? ''), now().getTime()) !== null
        if (!ok) {
            state.refusedSignIns++
            page(
                res,
                'Sign in',
                '<p class="alert" role="alert">Sign-in failed.</p><p><a href="/login">Try again</a></p>',
                undefined,
                401,
            )
            return
        }
        const s: Session = {
            id: randomBytes(18).toString('hex'),
            csrf: randomBytes(18).toString('hex'),
            user: username,
            lastSeen: now().getTime(),
            killed: false,
            token: `sess_${randomBytes(9).toString('hex')}`,
        }
        sessions.set(s.id, s)
        res.setHeader('Set-Cookie', `console_sid=${s.id}; Path=/; HttpOnly; SameSite=Strict`)
        res.redirect(303, '/tenants')
    })

    app.get('/logout', (req, res) => {
        const id = cookies(req)['console_sid']
        if (id) sessions.delete(id)
        page(res, 'Signed out', '<p>You have been signed out.</p>')
    })

    app.get('/tenants', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        const q = typeof req.query.q === 'string' ? req.query.q.trim() : ''
        let results = ''
        if (q) {
            let found = tenants.filter((t) => t.id === q || t.name.toLowerCase().includes(q.toLowerCase()))
            if (d().wrongTenant) found = tenants.filter((t) => !found.includes(t)).slice(0, 1)
            results =
                found.length === 0
                    ? '<p class="empty">No tenant matches.</p>'
                    : '<table class="results"><tr><th>Tenant</th><th>Name</th><th>Region</th></tr>' +
                      found
                          .map(
                              (t) =>
                                  `<tr><td><a class="tenant-link" href="/tenants/${esc(t.id)}">${esc(t.id)}</a></td><td>${esc(t.name)}</td><td>${esc(t.region)}</td></tr>`,
                          )
                          .join('') +
                      '</table>'
        }
        page(
            res,
            'Tenant search',
            `<form method="get" action="/tenants"><label>Tenant id or name <input name="q" value="${esc(q)}"></label>` +
                `<button type="submit">Search</button></form>${results}`,
            s,
        )
    })

    app.get('/tenants/:id', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        const t = tenant(req.params.id)
        if (!t) {
            page(res, 'Not found', '<p class="alert" role="alert">Unknown tenant.</p>', s, 404)
            return
        }
        const active = activeFor(t.id)
        page(
            res,
            'Tenant verification',
            (active
                ? `<p class="alert" role="alert">An emergency admin session is already active for this tenant (${esc(active.id)}, until ${esc(active.expiresAt?.toISOString() ?? 'no expiry')}).</p>`
                : '') +
                `<dl class="tenant"><dt>Tenant id</dt><dd class="tenant-id">${esc(t.id)}</dd>` +
                `<dt>Name</dt><dd class="tenant-name">${esc(t.name)}</dd><dt>Region</dt><dd>${esc(t.region)}</dd>` +
                `<dt>API secret</dt><dd class="tenant-secret">${esc(t.secret)}</dd>` +
                `<dt>Primary contact</dt><dd class="contact">${esc(t.contactEmail)} · ${esc(t.contactPhone)}</dd></dl>` +
                `<form method="post" action="/tenants/${esc(t.id)}/verify"><input type="hidden" name="_csrf" value="${s.csrf}">` +
                '<button type="submit">Confirm tenant</button></form>',
            s,
        )
    })

    app.post('/tenants/:id/verify', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        if (!tenant(req.params.id)) {
            page(res, 'Not found', '<p class="alert" role="alert">Unknown tenant.</p>', s, 404)
            return
        }
        res.redirect(303, `/restorations/new?tenant=${encodeURIComponent(req.params.id)}`)
    })

    const form = (s: Session, t: ConsoleTenant, values: Record<string, string | string[]>): string => {
        const v = (k: string): string => (typeof values[k] === 'string' ? (values[k] as string) : '')
        const chosen = Array.isArray(values.scope) ? values.scope : values.scope ? [values.scope as string] : []
        const incidentName = d().layoutChange ? 'case_ref' : 'incident_ref'
        const incidentLabel = d().layoutChange ? 'Case reference' : 'Incident reference'
        const scopes = d().bundleOnly
            ? '<label><input type="checkbox" name="scope" value="full_admin_bundle" checked> Full administrator bundle</label>'
            : CONSOLE_PRIVILEGES.map(
                  (p) =>
                      `<label><input type="checkbox" name="scope" value="${p}"${chosen.includes(p) || (d().broaderPreselected && p === 'global_admin') ? ' checked' : ''}> ${p}</label>`,
              ).join('')
        const expiry = d().noExpiry
            ? ''
            : '<label>Expires after <select name="expiry_minutes"><option value="">— choose —</option>' +
              CONSOLE_EXPIRY_CHOICES.map(
                  (m) =>
                      `<option value="${m}"${v('expiry_minutes') === String(m) ? ' selected' : ''}>${m} minutes</option>`,
              ).join('') +
              '</select></label>'
        const review = d().layoutChange ? '<button type="submit" name="intent" value="review">Continue</button>' : ''
        return (
            `<form method="post" action="/restorations"><input type="hidden" name="_csrf" value="${s.csrf}">` +
            `<input type="hidden" name="tenant" value="${esc(t.id)}">${review}` +
            `<p>Tenant <span class="tenant-id">${esc(t.id)}</span> <span class="tenant-name">${esc(t.name)}</span></p>` +
            `<label>${incidentLabel} <input name="${incidentName}" value="${esc(v(incidentName))}"></label>` +
            `<label>Customer administrator <input name="admin_account" value="${esc(v('admin_account'))}"></label>` +
            `<fieldset><legend>Temporary privilege scope</legend>${scopes}</fieldset>${expiry}` +
            `<label>Customer-approval evidence <input name="approval_evidence" value="${esc(v('approval_evidence'))}"></label>` +
            `<label>Your reference <input name="client_reference" value="${esc(v('client_reference'))}"></label>` +
            '<label><input type="checkbox" name="acknowledge" value="yes"> I confirm this restoration was approved by incident command, security and the customer</label>' +
            '<button type="submit" name="intent" value="draft">Save draft</button>' +
            (d().layoutChange ? '' : '<button type="submit" name="intent" value="review">Review</button>') +
            '</form>'
        )
    }

    app.get('/restorations/new', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        const t = tenant(String(req.query.tenant ?? ''))
        if (!t) {
            page(res, 'Not found', '<p class="alert" role="alert">Unknown tenant.</p>', s, 404)
            return
        }
        if (d().timeoutMidForm) s.killed = true
        page(res, 'Restore administrator access', form(s, t, {}), s)
    })

    interface Pending {
        id: string
        values: Record<string, string | string[]>
        tenantId: string
    }
    const pending = new Map<string, Pending>()

    app.post('/restorations', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        const b = req.body as Record<string, string | string[]>
        const t = tenant(String(b.tenant ?? ''))
        if (!t) {
            page(res, 'Not found', '<p class="alert" role="alert">Unknown tenant.</p>', s, 404)
            return
        }
        if (b.intent === 'draft') {
            const draft: ConsoleDraft = { id: `DRF-${1000 + ++seq}`, tenantId: t.id, values: b, savedAt: now() }
            state.drafts.push(draft)
            page(
                res,
                'Draft saved',
                `<p>Draft <span class="draft-id">${draft.id}</span> saved. It is not submitted.</p>`,
                s,
            )
            return
        }
        const scope = Array.isArray(b.scope) ? b.scope : b.scope ? [b.scope] : []
        const incident = String(b.incident_ref ?? b.case_ref ?? '')
        const problems: string[] = []
        if (!incident) problems.push('Incident reference is required.')
        if (!b.admin_account) problems.push('Customer administrator is required.')
        if (scope.length === 0) problems.push('Choose at least one privilege.')
        if (!d().noExpiry && !b.expiry_minutes) problems.push('Choose an expiry.')
        if (!b.approval_evidence) problems.push('Customer-approval evidence is required.')
        if (b.acknowledge !== 'yes') problems.push('You must acknowledge the approvals.')
        if (problems.length > 0) {
            page(
                res,
                'Restore administrator access',
                `<div class="alert" role="alert">${problems.map(esc).join('<br>')}</div>${form(s, t, b)}`,
                s,
                400,
            )
            return
        }
        const p: Pending = { id: `P${1000 + ++seq}`, values: { ...b, scope, incident }, tenantId: t.id }
        pending.set(p.id, p)
        if (d().warningInterstitial) {
            page(
                res,
                'Warning',
                '<p class="alert" role="alert">This bypasses the customer’s delegated administration controls. Continue only if the incident requires it.</p>' +
                    `<form method="post" action="/restorations/${p.id}/review"><input type="hidden" name="_csrf" value="${s.csrf}"><button type="submit">I understand, continue</button></form>`,
                s,
            )
            return
        }
        res.redirect(303, `/restorations/${p.id}/review`)
    })

    const reviewPage = (req: Request, res: Response): void => {
        const s = requireSession(req, res)
        if (!s) return
        const p = pending.get(req.params.pid as string)
        if (!p) {
            page(res, 'Not found', '<p class="alert" role="alert">Unknown request.</p>', s, 404)
            return
        }
        const t = tenant(p.tenantId)!
        const v = p.values
        let scope = (v.scope as string[]).slice()
        let expiry = String(v.expiry_minutes ?? '')
        let shownTenant = t
        if (d().reviewMismatch === 'scope') scope = [...scope, 'global_admin']
        if (d().reviewMismatch === 'expiry') expiry = '240'
        if (d().reviewMismatch === 'tenant') shownTenant = tenants.find((x) => x.id !== t.id) ?? t
        page(
            res,
            'Review restoration',
            `<dl class="review"><dt>Tenant id</dt><dd class="tenant-id">${esc(shownTenant.id)}</dd>` +
                `<dt>Tenant name</dt><dd class="tenant-name">${esc(shownTenant.name)}</dd>` +
                `<dt>Customer administrator</dt><dd class="admin-account">${esc(v.admin_account)}</dd>` +
                `<dt>Privileges</dt><dd class="scope">${scope.map(esc).join(', ')}</dd>` +
                `<dt>Expires after</dt><dd class="expiry">${expiry ? `${esc(expiry)} minutes` : 'no expiry'}</dd>` +
                `<dt>Incident</dt><dd class="incident">${esc(v.incident)}</dd>` +
                `<dt>Customer-approval evidence</dt><dd class="evidence">${esc(v.approval_evidence)}</dd>` +
                `<dt>Your reference</dt><dd class="client-reference">${esc(v.client_reference)}</dd></dl>` +
                `<form method="post" action="/restorations/${p.id}/submit"><input type="hidden" name="_csrf" value="${s.csrf}">` +
                '<button type="submit" name="intent" value="draft">Save draft</button>' +
                '<button type="submit" name="intent" value="submit">Submit restoration</button></form>',
            s,
        )
    }
    app.get('/restorations/:pid/review', reviewPage)
    app.post('/restorations/:pid/review', reviewPage)

    app.post('/restorations/:pid/submit', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        const p = pending.get(req.params.pid)
        if (!p) {
            page(res, 'Not found', '<p class="alert" role="alert">Unknown request.</p>', s, 404)
            return
        }
        const v = p.values
        const b = req.body as Record<string, string>
        if (b.intent === 'draft') {
            const draft: ConsoleDraft = { id: `DRF-${1000 + ++seq}`, tenantId: p.tenantId, values: v, savedAt: now() }
            state.drafts.push(draft)
            page(
                res,
                'Draft saved',
                `<p>Draft <span class="draft-id">${draft.id}</span> saved. It is not submitted.</p>`,
                s,
            )
            return
        }
        state.submitRequests++
        const reference = String(v.client_reference ?? '')
        const dup = reference !== '' && state.restorations.some((r) => r.reference === reference)
        if ((d().duplicateWarning || dup || activeFor(p.tenantId)) && b.force !== '1') {
            page(
                res,
                'Possible duplicate',
                '<p class="alert" role="alert">A restoration for this tenant or reference was already submitted. Submit anyway?</p>' +
                    `<form method="post" action="/restorations/${p.id}/submit"><input type="hidden" name="_csrf" value="${s.csrf}"><input type="hidden" name="force" value="1">` +
                    '<button type="submit" name="intent" value="submit">Submit anyway</button></form>',
                s,
                409,
            )
            return
        }
        const minutes = v.expiry_minutes ? Number(v.expiry_minutes) : null
        const r: ConsoleRestoration = {
            id: `RST-${700000 + ++seq}`,
            tenantId: p.tenantId,
            account: String(v.admin_account),
            scope: v.scope as string[],
            expiryMinutes: minutes,
            incident: String(v.incident),
            evidence: String(v.approval_evidence),
            reference,
            submittedAt: now(),
            expiresAt: minutes ? new Date(now().getTime() + minutes * 60_000) : null,
            endedAt: null,
            by: s.user,
        }
        if (res.headersSent) return
        state.restorations.push(r)
        pending.delete(p.id)
        if (d().confirmation === 'never') {
            held.add(res)
            return
        }
        if (d().confirmation === 'ambiguous') {
            page(res, 'Request received', '<p>Your request is being processed.</p>', s)
            return
        }
        page(
            res,
            'Restoration submitted',
            `<p>Restoration <span class="restoration-id">${r.id}</span> for tenant <span class="tenant-id">${esc(r.tenantId)}</span> is active until <span class="expires-at">${esc(r.expiresAt?.toISOString() ?? 'no expiry')}</span>.</p>`,
            s,
        )
    })

    app.get('/restorations/status', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        const ref = typeof req.query.reference === 'string' ? req.query.reference : ''
        const lagging = d().statusLag && d().confirmation !== undefined
        const rows = lagging ? [] : state.restorations.filter((r) => ref !== '' && r.reference === ref)
        const stateOf = (r: ConsoleRestoration): string =>
            r.endedAt ? 'ended' : r.expiresAt && r.expiresAt.getTime() <= now().getTime() ? 'expired' : 'active'
        page(
            res,
            'Restoration status',
            `<form method="get" action="/restorations/status"><label>Your reference <input name="reference" value="${esc(ref)}"></label><button type="submit">Look up</button></form>` +
                (rows.length === 0
                    ? '<p class="empty">No restoration found for this reference.</p>'
                    : '<table class="status"><tr><th>Restoration</th><th>Tenant</th><th>Administrator</th><th>Privileges</th><th>State</th><th>Expires</th><th></th></tr>' +
                      rows
                          .map(
                              (r) =>
                                  `<tr data-restoration="${esc(r.id)}"><td class="restoration-id">${esc(r.id)}</td><td class="tenant-id">${esc(r.tenantId)}</td>` +
                                  `<td class="admin-account">${esc(r.account)}</td><td class="scope">${esc(r.scope.join(', '))}</td>` +
                                  `<td class="state">${stateOf(r)}</td><td class="expires-at">${esc(r.expiresAt?.toISOString() ?? 'no expiry')}</td>` +
                                  `<td><a class="end-link" href="/restorations/${esc(r.id)}/end">End session</a></td></tr>`,
                          )
                          .join('') +
                      '</table>'),
            s,
        )
    })

    app.get('/restorations/:rid/end', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        const r = state.restorations.find((x) => x.id === req.params.rid)
        if (!r) {
            page(res, 'Not found', '<p class="alert" role="alert">Unknown restoration.</p>', s, 404)
            return
        }
        page(
            res,
            'End emergency session',
            `<p>End restoration <span class="restoration-id">${esc(r.id)}</span> for tenant <span class="tenant-id">${esc(r.tenantId)}</span> now?</p>` +
                `<form method="post" action="/restorations/${esc(r.id)}/end"><input type="hidden" name="_csrf" value="${s.csrf}"><button type="submit">End session now</button></form>`,
            s,
        )
    })

    app.post('/restorations/:rid/end', (req, res) => {
        const s = requireSession(req, res)
        if (!s) return
        const r = state.restorations.find((x) => x.id === req.params.rid)
        if (!r) {
            page(res, 'Not found', '<p class="alert" role="alert">Unknown restoration.</p>', s, 404)
            return
        }
        if (!r.endedAt) r.endedAt = now()
        page(
            res,
            'Emergency session ended',
            `<p>Restoration <span class="restoration-id">${esc(r.id)}</span> has ended.</p>`,
            s,
        )
    })

    const listening = await listen(app, { port: options.port })
    state.url = listening.url
    state.close = async () => {
        for (const r of held) r.destroy()
        await listening.close()
    }
    return state
}
