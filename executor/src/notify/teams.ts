/**
 * Teams notifications through a Workflows webhook ("When a Teams webhook request is received") or a legacy
 * incoming webhook, as an Adaptive Card 1.4 (contract: `contracts/endpoint-and-teams.md` §4).
 *
 * Cards: granted (with expiry and a "Revoke now" link to the grant in ServiceNow), 5- and 1-minute warnings,
 * revoked, failures. Only `Action.OpenUrl` is used: webhooks cannot deliver `Action.Submit`, and the revoke must
 * go through ServiceNow's "Revoke now" UI action anyway (approved, audited), never through the chat.
 *
 * The webhook URL carries its secret (`sig=` / the legacy path): it is never logged and never put in an error.
 */
import axios, { type AxiosInstance } from 'axios'
import { SYS_ID_PATTERN, TABLE, failureOutcomeText, formatTime, plural, type ExecutionPlan } from '@gbg/shared'
import { nullLogger } from '../log'
import type { Logger } from '../ports'
import { classifyTransportError, parseRetryAfter } from '../transport'
import { URL_RULE, isAllowedUrl } from '../url-policy'

/** Adaptive Card schema version used: the highest Teams webhooks render everywhere. */
export const CARD_VERSION = '1.4'
/**
 * Largest payload sent. Teams refuses about 28 KB (413); 1 KB of margin covers the envelope differences
 * between Workflows and legacy connectors.
 */
export const MAX_PAYLOAD_BYTES = 27 * 1024
/** Longest text of one field on a card; longer text is cut with an ellipsis. */
const MAX_FIELD_CHARS = 1000

/** What the card says about the grant. */
export interface GrantSummary {
    /** grant record sys_id (32 hex): used for the link to the record. */
    grantSysId: string
    /** e.g. BGA0001001 */
    grantNumber: string
    /** Who holds the access: the user name (login). */
    requester: string
    /** The requester's display name ("Alice Example"), when known: cards show it instead of the login. */
    requesterName?: string
    /** Human description of the access, e.g. "Local admin on PC-0042 (workstation)". */
    target: string
    justification?: string
}

/** One notification. */
export type TeamsEvent =
    | { kind: 'granted'; grant: GrantSummary; expiresAt: Date; notes?: string[] }
    | { kind: 'warning'; grant: GrantSummary; expiresAt: Date; minutesLeft: 5 | 1 }
    | { kind: 'revoked'; grant: GrantSummary; revokedAt: Date; reason?: string }
    | {
          kind: 'failure'
          grant: GrantSummary
          operation: 'grant' | 'revoke' | 'verify'
          error: string
          /** The SecOps incident raised for the failure (the card is sent when it exists, so it can name it). */
          incidentNumber: string
      }

/** Configuration of the notifier. */
export interface TeamsNotifierConfig {
    /** Workflows or legacy webhook URL. A secret. */
    webhookUrl: string
    /** ServiceNow instance base URL, e.g. `https://acme.service-now.com`, for links to the grant record. */
    instanceUrl: string
    /** Request timeout in milliseconds. @defaultValue 10000 */
    timeoutMs?: number
}

/** A failed notification. `retryable`: throttled, 408, 5xx, network; `fatal`: the card or the URL is wrong. */
export class NotifyError extends Error {
    constructor(
        readonly kind: 'retryable' | 'fatal',
        message: string,
        readonly status?: number,
        readonly retryAfterMs?: number,
    ) {
        super(message)
        this.name = 'NotifyError'
    }
}

/** An Adaptive Card element or action (kept loose: the builders below are the only producers). */
type CardNode = Record<string, unknown>

/** The Adaptive Card object. */
export interface AdaptiveCard {
    $schema: string
    type: 'AdaptiveCard'
    version: string
    body: CardNode[]
    actions?: CardNode[]
}

/** The webhook message envelope. */
export interface TeamsMessage {
    type: 'message'
    attachments: Array<{
        contentType: 'application/vnd.microsoft.card.adaptive'
        contentUrl: null
        content: AdaptiveCard
    }>
}

function clip(text: string, max = MAX_FIELD_CHARS): string {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * Date-time for a card: the one format people read everywhere the executor writes (shared formatTime, with the
 * zone), so a card, the RITM's work note and the e-mail say the same time the same way.
 */
function cardTime(date: Date): string {
    return formatTime(date)
}

/** Who, for people: the display name with the login, or the login alone when the name is not known. */
export function personText(g: GrantSummary): string {
    return g.requesterName && g.requesterName !== g.requester ? `${g.requesterName} (${g.requester})` : g.requester
}

/** Link to the grant record in ServiceNow (where the "Revoke now" UI action lives). */
export function grantRecordUrl(instanceUrl: string, grantSysId: string): string {
    if (!SYS_ID_PATTERN.test(grantSysId)) throw new Error('grantRecordUrl: grant sys_id is not a sys_id')
    const base = new URL(instanceUrl)
    if (!isAllowedUrl(base)) {
        throw new Error(`grantRecordUrl: instance URL ${URL_RULE}`)
    }
    return `${base.origin}/${TABLE.grant}.do?sys_id=${grantSysId}`
}

/** Human description of a plan's target, for cards. */
export function describeTarget(plan: ExecutionPlan): string {
    const t = plan.target
    switch (t.kind) {
        case 'device_local_admin':
            return `Local admin on ${t.deviceName ?? t.ciSysId ?? 'device'}${t.deviceClass ? ` (${t.deviceClass})` : ''}`
        case 'entra_role':
            return `Entra role ${t.roleName ?? t.roleId ?? ''}`.trim()
        case 'entra_group':
            return `Entra group ${t.groupId ?? ''}`.trim()
        case 'pam_account':
            return `PAM account ${t.account ?? ''}`.trim()
        case 'console':
            return `Emergency console account ${t.account ?? ''}`.trim()
    }
}

/** Card summary of a plan (`requesterName`: the requester's display name, when known). */
export function summaryFromPlan(plan: ExecutionPlan, requesterName?: string): GrantSummary {
    return {
        grantSysId: plan.grantSysId,
        grantNumber: plan.grantNumber,
        requester: plan.principal.userName,
        ...(requesterName ? { requesterName } : {}),
        target: describeTarget(plan),
        justification: plan.justification,
    }
}

function facts(entries: Array<[string, string | undefined]>): CardNode {
    return {
        type: 'FactSet',
        facts: entries
            .filter(([, v]) => v !== undefined && v !== '')
            .map(([title, value]) => ({ title, value: clip(value!) })),
    }
}

function heading(text: string, color: 'Good' | 'Warning' | 'Attention' | 'Default'): CardNode {
    return { type: 'TextBlock', text: clip(text, 200), weight: 'Bolder', size: 'Medium', color, wrap: true }
}

function paragraph(text: string): CardNode {
    return { type: 'TextBlock', text: clip(text), wrap: true }
}

/** Builds the Adaptive Card for an event. */
export function buildCard(event: TeamsEvent, instanceUrl: string): AdaptiveCard {
    const g = event.grant
    const link = grantRecordUrl(instanceUrl, g.grantSysId)
    const body: CardNode[] = []
    const actions: CardNode[] = []
    switch (event.kind) {
        case 'granted':
            body.push(heading(`Access granted: ${g.grantNumber}`, 'Good'))
            body.push(
                facts([
                    ['For', personText(g)],
                    ['Access', g.target],
                    ['Expires', cardTime(event.expiresAt)],
                    ['Justification', g.justification],
                ]),
            )
            for (const note of (event.notes ?? []).slice(0, 5)) body.push(paragraph(note))
            body.push(paragraph('The access is removed automatically at expiry. Finished early? Revoke it now.'))
            actions.push({ type: 'Action.OpenUrl', title: 'Revoke now', url: link })
            break
        case 'warning':
            body.push(heading(`${plural(event.minutesLeft, 'minute')} left: ${g.grantNumber}`, 'Warning'))
            body.push(
                facts([
                    ['For', personText(g)],
                    ['Access', g.target],
                    ['Expires', cardTime(event.expiresAt)],
                ]),
            )
            body.push(paragraph('Save your work: the access ends at expiry and cannot be extended from here.'))
            actions.push({ type: 'Action.OpenUrl', title: 'Revoke now', url: link })
            break
        case 'revoked':
            body.push(heading(`Access removed: ${g.grantNumber}`, 'Default'))
            body.push(
                facts([
                    ['For', personText(g)],
                    ['Access', g.target],
                    ['Removed', cardTime(event.revokedAt)],
                    ['Reason', event.reason],
                ]),
            )
            actions.push({ type: 'Action.OpenUrl', title: 'Open grant', url: link })
            break
        case 'failure':
            body.push(
                heading(
                    `${event.operation[0]!.toUpperCase()}${event.operation.slice(1)} failed: ${g.grantNumber} — incident ${event.incidentNumber}`,
                    'Attention',
                ),
            )
            body.push(
                facts([
                    ['For', personText(g)],
                    ['Access', g.target],
                    ['Error', event.error],
                    ['Incident', event.incidentNumber],
                ]),
            )
            body.push(paragraph(failureOutcomeText(event.operation, event.incidentNumber)))
            actions.push({ type: 'Action.OpenUrl', title: 'Open grant', url: link })
            break
    }
    return {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: CARD_VERSION,
        body,
        actions,
    }
}

/** Wraps a card in the webhook message envelope. */
export function buildMessage(card: AdaptiveCard): TeamsMessage {
    return {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
    }
}

/**
 * Serialises a message and enforces the size limit.
 *
 * @throws NotifyError (fatal) above {@link MAX_PAYLOAD_BYTES}; fields are already clipped, so this means a bug.
 */
export function serializeMessage(message: TeamsMessage): string {
    const text = JSON.stringify(message)
    const bytes = Buffer.byteLength(text, 'utf8')
    if (bytes > MAX_PAYLOAD_BYTES) {
        throw new NotifyError('fatal', `Teams payload is ${bytes} bytes, above the ${MAX_PAYLOAD_BYTES}-byte limit`)
    }
    return text
}

/** Counts every send by card kind and outcome (`ok`, `retryable`, `fatal`): the Metrics object fits. */
export interface TeamsSendObserver {
    countTeamsSend(kind: string, outcome: 'ok' | 'retryable' | 'fatal'): void
}

/** Sends cards to one Teams webhook. */
export class TeamsNotifier {
    private readonly http: AxiosInstance

    constructor(
        private readonly config: TeamsNotifierConfig,
        private readonly logger: Logger = nullLogger,
        private readonly now: () => Date = () => new Date(),
        private readonly observer?: TeamsSendObserver,
    ) {
        let url: URL
        try {
            url = new URL(config.webhookUrl)
        } catch {
            // Never echo the value: it is a secret.
            throw new Error('Teams notifier: webhook URL is not a valid URL')
        }
        if (!isAllowedUrl(url)) {
            throw new Error(`Teams notifier: webhook URL ${URL_RULE}`)
        }
        grantRecordUrl(config.instanceUrl, '0'.repeat(32)) // fail fast on a bad instance URL
        this.http = axios.create({
            validateStatus: () => true,
            maxRedirects: 0,
            responseType: 'text',
            transformResponse: [(data: unknown) => data],
        })
    }

    /**
     * Sends one event. Success: Workflows 202 (empty body), legacy 200 with body `1`.
     *
     * @throws NotifyError — retryable: network failure, 408, 429, 5xx, legacy "HTTP error 429" in a 200 body;
     *   fatal: any other answer (the card or the URL is wrong; retrying cannot help).
     */
    async send(event: TeamsEvent): Promise<void> {
        try {
            await this.post(event)
            this.count(event.kind, 'ok')
        } catch (error) {
            this.count(event.kind, error instanceof NotifyError ? error.kind : 'fatal')
            throw error
        }
    }

    /** The metrics choke point of Teams sends; an observer bug never fails a send. */
    private count(kind: string, outcome: 'ok' | 'retryable' | 'fatal'): void {
        try {
            this.observer?.countTeamsSend(kind, outcome)
        } catch {
            // metrics must never break a notification
        }
    }

    private async post(event: TeamsEvent): Promise<void> {
        const payload = serializeMessage(buildMessage(buildCard(event, this.config.instanceUrl)))
        const meta = { kind: event.kind, grantNumber: event.grant.grantNumber }
        let status: number
        let body: string
        let retryAfter: unknown
        try {
            const response = await this.http.post<string>(this.config.webhookUrl, payload, {
                headers: { 'Content-Type': 'application/json' },
                timeout: this.config.timeoutMs ?? 10_000,
            })
            status = response.status
            body = typeof response.data === 'string' ? response.data : ''
            retryAfter = response.headers['retry-after']
        } catch (err) {
            // The axios error holds the URL: keep only its code. Sent or not, a card can be sent again.
            const code = classifyTransportError(err).code ?? 'UNKNOWN'
            this.logger.warn('Teams notification failed', { ...meta, code })
            throw new NotifyError('retryable', `Teams webhook unreachable (${code})`)
        }
        const result = classifyAnswer(status, body, parseRetryAfter(retryAfter, this.now()))
        if (result) {
            this.logger.warn('Teams notification refused', { ...meta, status, kind: result.kind })
            throw result
        }
        this.logger.debug('Teams notification sent', meta)
    }
}

/** Judges a webhook answer: undefined for success, else the error to throw. */
export function classifyAnswer(status: number, body: string, retryAfterMs?: number): NotifyError | undefined {
    if (status === 202) return undefined
    if (status === 200) {
        if (body.trim() === '1') return undefined
        if (body.includes('HTTP error 429')) {
            return new NotifyError(
                'retryable',
                'Teams webhook throttled (legacy 200 with HTTP error 429)',
                429,
                retryAfterMs,
            )
        }
        return new NotifyError('fatal', 'Teams webhook answer not understood (200 without "1")', status)
    }
    if (status === 408 || status === 429 || status >= 500) {
        return new NotifyError('retryable', `Teams webhook transient failure (HTTP ${status})`, status, retryAfterMs)
    }
    if (status === 413) return new NotifyError('fatal', 'Teams webhook refused the payload as too large (413)', status)
    return new NotifyError('fatal', `Teams webhook refused the message (HTTP ${status})`, status)
}

/** Creates a notifier (validates the configuration). `now` dates a Retry-After given as an HTTP date. */
export function createTeamsNotifier(
    config: TeamsNotifierConfig,
    logger?: Logger,
    now?: () => Date,
    observer?: TeamsSendObserver,
): TeamsNotifier {
    return new TeamsNotifier(config, logger, now, observer)
}

/** What a probe of the webhook URL found (doctor). `alive`: the URL answers as a live webhook would. */
export interface TeamsProbe {
    verdict: 'alive' | 'dead' | 'unverifiable'
    /** Host of the webhook (the URL's secret parts are never shown). */
    host: string
    status?: number
    detail: string
}

/** Style of a webhook URL: Workflows (Power Automate / Logic Apps trigger) or a legacy Office 365 connector. */
export function webhookStyle(url: URL): 'workflows' | 'legacy' | 'unknown' {
    if (/\/triggers\/manual\/paths\/invoke$/.test(url.pathname)) return 'workflows'
    if (url.pathname.startsWith('/webhookb2/') || url.pathname.includes('/IncomingWebhook/')) return 'legacy'
    return 'unknown'
}

/**
 * Judges the answer to a GET of the webhook URL (nothing is posted, no card appears in the channel).
 *
 * A Workflows URL is a Logic Apps request trigger that accepts POST only: a GET that passed the trigger's
 * signature check is refused with 400 and the error code `TriggerRequestMethodNotValid` ("The HTTP method for this
 * request is not valid: expected 'POST' …", Azure/logicapps#1441). That answer is the proof of life: the flow
 * exists at this address. 401 / 403 (`DirectApiAuthorizationRequired`, a wrong or regenerated `sig`) and 404 (the
 * flow was deleted) are dead. A legacy connector has no side-effect-free request, so it is reachable at best.
 */
export function judgeProbe(
    style: 'workflows' | 'legacy' | 'unknown',
    status: number,
    body: string,
): Omit<TeamsProbe, 'host'> {
    if (style === 'workflows') {
        if (status === 400 && body.includes('TriggerRequestMethodNotValid'))
            return {
                verdict: 'alive',
                status,
                detail: 'the flow exists and accepted the URL (GET refused as POST-only)',
            }
        if (status === 401 || status === 403)
            return {
                verdict: 'dead',
                status,
                detail: `the flow refused the URL's signature (HTTP ${status}): the URL is wrong or was regenerated`,
            }
        if (status === 404) return { verdict: 'dead', status, detail: 'no flow at this URL (HTTP 404): it was deleted' }
        return { verdict: 'dead', status, detail: `unexpected answer HTTP ${status}` }
    }
    if (status >= 500) return { verdict: 'dead', status, detail: `the service answered HTTP ${status}` }
    return {
        verdict: 'unverifiable',
        status,
        detail:
            style === 'legacy'
                ? `reachable (HTTP ${status}); a legacy connector cannot be checked without posting, and Office 365 connectors are retired: use a Workflows webhook`
                : `reachable (HTTP ${status}); not a Workflows or connector URL, so it cannot be checked without posting`,
    }
}

/**
 * Probes the webhook URL without posting (a GET, no redirects followed). Never throws; never puts the URL's
 * secret (`sig`, the connector path) in its result.
 */
export async function probeWebhook(webhookUrl: string, timeoutMs = 10_000): Promise<TeamsProbe> {
    let url: URL
    try {
        url = new URL(webhookUrl)
    } catch {
        return { verdict: 'dead', host: '?', detail: 'the URL does not parse' }
    }
    const host = url.host
    try {
        const response = await axios.get<string>(webhookUrl, {
            validateStatus: () => true,
            maxRedirects: 0,
            responseType: 'text',
            transformResponse: [(data: unknown) => data],
            timeout: timeoutMs,
        })
        const body = typeof response.data === 'string' ? response.data.slice(0, 2000) : ''
        return { host, ...judgeProbe(webhookStyle(url), response.status, body) }
    } catch (error) {
        // The axios error holds the URL: keep only its code.
        const code = classifyTransportError(error).code ?? 'UNKNOWN'
        return { verdict: 'dead', host, detail: `unreachable (${code})` }
    }
}
