/**
 * The nudge (issue 18): when an action is queued that the executor may run now — the grant action of a request
 * just approved, a "Revoke now", the watchdog's re-queued revoke — tell the executor to poll at once, so approval →
 * active takes a second instead of up to a poll interval.
 *
 * Wiring (business-rules/action-nudge.now.ts): an ASYNC business rule after insert on the action table, so the call
 * runs on a scheduler worker after the approving transaction committed: it never delays, blocks or fails the
 * approval (KB0694711 "execute() vs executeAsync()": execute() blocks the thread that runs it — here a background
 * worker, bounded by setHttpTimeout). The request is sn_ws.RESTMessageV2 (empty constructor + setEndpoint /
 * setHttpMethod / setRequestHeader / setRequestBody / setHttpTimeout / execute; RESTResponseV2 getStatusCode /
 * haveError / getErrorCode / getErrorMessage — ServiceNow docs "RESTMessageV2 - Scoped, Global" and
 * "RESTResponseV2 - Scoped, Global", and the SDK's `now-sdk explain rest-message-guide`).
 *
 * Optional and harmless: off unless PROPERTY.nudgeEnabled is 'true' and a usable URL and secret are set (a bad one
 * is logged, never sent). The signature is the shared definition (shared/src/nudge.ts) the executor verifies. The
 * nudge carries no authority — the executor only polls sooner and every action still passes its gate — so a
 * failure costs only the wait for the next poll: it is logged (gs.warn, with the action number and the error; never
 * the secret or the signature) and nothing else happens.
 */
import { gs } from '@servicenow/glide'
import { RESTMessageV2 } from '@servicenow/glide/sn_ws'
import { booleanProperty, glideToMs, nowMs, str } from './glide-io'
import {
    NUDGE_HTTP_TIMEOUT_MS,
    NUDGE_SIGNATURE_HEADER,
    nudgeBody,
    nudgeConfigProblem,
    nudgeSignature,
} from './shared/nudge'
import { ACTION_FIELDS, PROPERTY } from './shared/schema'

/** A nudge ready to send. */
export interface NudgeRequest {
    url: string
    body: string
    /** X-GBG-Signature value. */
    signature: string
    /** The action's number, for the log. */
    action: string
}

/** Action types the app queues ready now (the executor creates verify actions and runs them itself). */
const NUDGED_TYPES = ['grant', 'revoke']
/** An action due within this many ms counts as ready now (clock steps between insert and this rule). */
const DUE_SLACK_MS = 1000

/**
 * The nudge for a just-inserted action, or null when none is to be sent: nudging is off, the action is not a
 * ready grant / revoke due now, or the configuration is unusable (then logged as an error for an admin to fix).
 */
export function nudgeFor(action: any): NudgeRequest | null {
    if (!booleanProperty(PROPERTY.nudgeEnabled).value) return null
    if (str(action, ACTION_FIELDS.state) !== 'ready') return null
    if (NUDGED_TYPES.indexOf(str(action, ACTION_FIELDS.type)) < 0) return null
    const notBefore = glideToMs(str(action, ACTION_FIELDS.notBefore))
    const now = nowMs()
    if (notBefore !== null && notBefore > now + DUE_SLACK_MS) return null
    const url = String(gs.getProperty(PROPERTY.nudgeUrl, '') || '').trim()
    const secret = String(gs.getProperty(PROPERTY.nudgeSecret, '') || '')
    const number = str(action, ACTION_FIELDS.number) || String(action.getUniqueValue())
    const problem = nudgeConfigProblem(url, secret)
    if (problem) {
        gs.error(
            `Break-glass nudge not sent for ${number}: ${problem} (properties ${PROPERTY.nudgeUrl} / ${PROPERTY.nudgeSecret}). The executor picks the action up at its next poll.`,
        )
        return null
    }
    const body = nudgeBody(str(action, ACTION_FIELDS.type))
    return { url, body, signature: nudgeSignature(secret, Math.floor(now / 1000), body), action: number }
}

/** POST the nudge; returns '' when the executor accepted it (202), else what went wrong (no secret in it). */
export function sendNudge(request: NudgeRequest): string {
    const message = new RESTMessageV2()
    message.setEndpoint(request.url)
    message.setHttpMethod('post')
    message.setRequestHeader('Content-Type', 'application/json')
    message.setRequestHeader('Accept', 'application/json')
    message.setRequestHeader(NUDGE_SIGNATURE_HEADER, request.signature)
    message.setRequestBody(request.body)
    message.setHttpTimeout(NUDGE_HTTP_TIMEOUT_MS)
    try {
        const response = message.execute()
        const status = response.getStatusCode()
        if (response.haveError()) {
            return `HTTP ${status}, error ${response.getErrorCode()}: ${short(response.getErrorMessage())}`
        }
        return status === 202 ? '' : `HTTP ${status}: ${short(response.getBody())}`
    } catch (error) {
        return `not sent: ${short(errorText(error))}`
    }
}

/** Async business rule (after insert, action table): nudge the executor for an action it may run now. */
export function nudgeOnActionInsert(current: any): void {
    let request: NudgeRequest | null = null
    try {
        request = nudgeFor(current)
        if (!request) return
        const failure = sendNudge(request)
        if (failure) {
            gs.warn(
                `Break-glass nudge for ${request.action} failed (${failure}); the executor picks the action up at its next poll.`,
            )
        } else gs.debug(`Break-glass nudge sent for ${request.action}.`)
    } catch (error) {
        gs.error(
            `Break-glass nudge for ${request ? request.action : 'an action'} failed: ${short(errorText(error))}; the executor picks the action up at its next poll.`,
        )
    }
}

function errorText(error: unknown): string {
    if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message)
    return String(error)
}

/** Error and response texts are the executor's or the platform's: short, one line. */
function short(text: string): string {
    return String(text || '')
        .replace(/\s+/g, ' ')
        .slice(0, 300)
}
