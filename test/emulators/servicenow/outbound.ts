/**
 * The instance's outbound HTTP: what `sn_ws.RESTMessageV2.execute()` reaches when a script on the instance calls
 * another system (today: the app's nudge to the executor, now-app/src/server/nudge.ts). The app's module builds the
 * request; this performs it for real over HTTP and hands back what the script reads, and keeps a log of every call
 * like the instance's "Outbound HTTP Requests" log (sys_outbound_http_log; docs "RESTMessageV2 - setLogLevel":
 * "To view outbound web service logs, navigate to System Logs > Outbound HTTP Requests").
 *
 * Modelled (ServiceNow docs "RESTMessageV2 - Scoped, Global", "RESTResponseV2 - Scoped, Global"):
 * - the executor's answer: getStatusCode() its status, getBody() its body, haveError() false;
 * - `setHttpTimeout(ms)`: no answer within it is a socket timeout — the docs give two readings: execute() "Might
 *   throw exception if http connection timed out" (RESTMessageV2 execute() example), and RESTResponseV2
 *   getErrorCode() "Numeric error code, such as 1 for socket timeout" (an error response). Switch `failureStyle`:
 *   `'error-response'` (default: haveError() true, getErrorCode() 1 for a timeout, status 0) or `'throw'`
 *   (execute() throws). The app must log either and carry on;
 * - switches `fault`: `'refused'` (nothing listens: connection refused at once) and `'timeout'` (the request is
 *   never answered: it fails after the script's timeout, on the world's clock; nothing is delivered).
 *
 * There is no outbound call unless a script makes one: this model never calls anything by itself.
 * Test / dev code only.
 */
import http from 'node:http'
import https from 'node:https'

/** A request as the script built it (glide-fake.ts OutboundRequest). */
export interface OutboundCall {
    method: string
    url: string
    headers: Record<string, string>
    body: string
    timeoutMs: number
}

/** What the script reads back (glide-fake.ts OutboundAnswer). */
export interface OutboundResult {
    status: number
    body: string
    error?: { code: number; message: string }
    thrown?: string
}

/** One row of the outbound HTTP log. */
export interface OutboundLogEntry {
    at: Date
    method: string
    url: string
    /** Request headers; the signature value is masked as the instance masks sensitive headers. */
    headers: Record<string, string>
    body: string
    status: number
    error: string
    durationMs: number
    /** The request reached the endpoint. */
    delivered: boolean
}

/** The outbound HTTP of one emulated instance. */
export class OutboundHttp {
    /** Every call, in order. */
    readonly log: OutboundLogEntry[] = []
    /** Failure switch for every call until cleared (null: calls go out). */
    fault: 'refused' | 'timeout' | null = null
    /** How a failed call reaches the script (see the module comment). */
    failureStyle: 'error-response' | 'throw' = 'error-response'
    /** Timeout when the script set none (the instance's default, glide.http.timeout: 175 s is not modelled). */
    defaultTimeoutMs = 10_000

    constructor(
        private readonly now: () => Date,
        /** Waits on the world's clock (a virtual clock in tests); default real time. */
        public sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    ) {}

    /** Perform `call` and return what the script reads. */
    async perform(call: OutboundCall): Promise<OutboundResult> {
        const started = this.now().getTime()
        const timeoutMs = call.timeoutMs > 0 ? call.timeoutMs : this.defaultTimeoutMs
        let result: OutboundResult
        let delivered = false
        if (this.fault === 'refused') {
            result = this.failed(0, `java.net.ConnectException: Connection refused (${hostOf(call.url)})`)
        } else if (this.fault === 'timeout') {
            await this.sleep(timeoutMs)
            result = this.failed(1, 'java.net.SocketTimeoutException: Read timed out')
        } else {
            try {
                const answer = await send(call, timeoutMs)
                delivered = true
                result = { status: answer.status, body: answer.body }
            } catch (error) {
                const timedOut = error instanceof Error && error.message === 'timeout'
                result = timedOut
                    ? this.failed(1, 'java.net.SocketTimeoutException: Read timed out')
                    : this.failed(0, `java.net.ConnectException: ${String((error as Error)?.message ?? error)}`)
            }
        }
        this.log.push({
            at: new Date(started),
            method: call.method,
            url: call.url,
            headers: maskHeaders(call.headers),
            body: call.body,
            status: result.status,
            error: result.thrown ?? result.error?.message ?? '',
            durationMs: this.now().getTime() - started,
            delivered,
        })
        return result
    }

    private failed(code: number, message: string): OutboundResult {
        return this.failureStyle === 'throw'
            ? { status: 0, body: '', thrown: message }
            : { status: 0, body: '', error: { code, message } }
    }
}

function hostOf(url: string): string {
    try {
        return new URL(url).host
    } catch {
        return url
    }
}

function maskHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(headers)) out[k] = /signature|authorization/i.test(k) ? '********' : v
    return out
}

/** One request over node:http(s) (counted by the virtual-time runner's diagnostics channels, unlike fetch). */
function send(call: OutboundCall, timeoutMs: number): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
        const url = new URL(call.url)
        const client = url.protocol === 'https:' ? https : http
        const req = client.request(
            url,
            { method: call.method, headers: { ...call.headers, 'Content-Length': Buffer.byteLength(call.body) } },
            (res) => {
                const chunks: Buffer[] = []
                res.on('data', (c: Buffer) => chunks.push(c))
                res.on('end', () =>
                    resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
                )
                res.on('error', reject)
            },
        )
        req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')))
        req.on('error', reject)
        req.end(call.body)
    })
}
