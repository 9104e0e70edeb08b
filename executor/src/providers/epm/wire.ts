/**
 * What the `epm` provider reads from the EPM Management API, and how (`shared/contracts/beyondtrust-epm.md`).
 * Several shapes are unconfirmed [U] in the contract; each is read tolerantly here, in one place, and documented
 * in `docs/epm.md`:
 * - wire casing (camelCase or PascalCase): every object key is read case-insensitively ({@link camelKeys});
 * - the create answer: a bare uuid (JSON string), `{id}` / `{requestId}`, or an array of one such object;
 * - get one: an array (confirmed) — an object alone is accepted as a one-element array; `[]` means unknown id;
 * - paged lists: the envelope `{pageNumber,pageSize,totalRecordCount,pageCount,data}` [3P] or a bare array;
 * - the computer: host name as `host` or `hostName`, state as `authorisationState` or `state`.
 * Anything else is "not understood" (fatal), never guessed at.
 */
import { z } from 'zod'

/** EPM ids are uuids; nothing else is ever put into a URL. */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
/** Idempotency keys the provider accepts (they travel in the request's reason). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/
/** Host names as EPM stores them (NetBIOS / DNS labels); anything else is refused before any call. */
export const HOST_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/

/** Marker of our idempotency key inside the request's reason (the only free-text field EPM surely stores). */
export const KEY_MARKER = 'gbg-key:'

/** Every object key with its first letter lower-cased, recursively (PascalCase and camelCase read alike). */
export function camelKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(camelKeys)
    if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {}
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            out[k.length > 0 ? k[0]!.toLowerCase() + k.slice(1) : k] = camelKeys(v)
        }
        return out
    }
    return value
}

const isoDate = z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time')
    .transform((s) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`))

const optionalText = z
    .string()
    .nullish()
    .transform((s) => s ?? '')

/** Decisions the provider understands. `Expired` / `Ended` only when EPM reports ended sessions as a state [U]. */
export const DECISIONS = ['Pending', 'Approved', 'Denied', 'Expired', 'Ended'] as const
export type Decision = (typeof DECISIONS)[number]

/** An AdminAccessRequestModel as the provider reads it (field names [U]; see docs/epm.md). */
export const accessRequestSchema = z.object({
    id: z.string().regex(UUID_PATTERN),
    computerId: z.string().regex(UUID_PATTERN),
    userName: optionalText,
    reason: optionalText,
    ticketId: optionalText,
    ticketUrl: optionalText,
    decision: z.enum(DECISIONS),
    /** Session length in seconds, as a string or a number. */
    duration: z.union([z.string().regex(/^\d{1,7}$/), z.number().int().min(0)]).transform((d) => Number(d)),
    decisionTime: isoDate.nullish(),
    decisionPerformedByUser: optionalText,
    message: optionalText,
    createdOn: isoDate,
    modifiedOn: isoDate.nullish(),
})

/** One admin access request read from EPM. */
export type AccessRequest = z.infer<typeof accessRequestSchema>

/** A computer as the provider reads it (field names [U]). */
export const computerSchema = z
    .object({
        id: z.string().regex(UUID_PATTERN),
        host: z.string().nullish(),
        hostName: z.string().nullish(),
        authorisationState: z.string().nullish(),
        state: z.string().nullish(),
        lastConnected: isoDate.nullish(),
    })
    .transform((c) => ({
        id: c.id,
        hostName: c.hostName ?? c.host ?? '',
        state: c.authorisationState ?? c.state ?? '',
        lastConnected: c.lastConnected ?? null,
    }))

/** One computer read from EPM. */
export type Computer = z.infer<typeof computerSchema>

/** A page of a paged list: the envelope [3P] or a bare array. */
export function pageOf<T extends z.ZodTypeAny>(
    item: T,
): z.ZodType<{ data: z.infer<T>[]; pageCount: number }, z.ZodTypeDef, unknown> {
    return z.union([
        z
            .object({
                data: z.array(item),
                pageCount: z.number().int().min(0).optional(),
                totalRecordCount: z.number().int().min(0).optional(),
            })
            .transform((p) => ({ data: p.data, pageCount: p.pageCount ?? 1 })),
        z.array(item).transform((data) => ({ data, pageCount: 1 })),
    ])
}

/** `GET /v2/AdminAccessRequest/{id}`: an array [C], or one object [U]. */
export const getOneSchema = z.union([z.array(accessRequestSchema), accessRequestSchema.transform((r) => [r])])

/** The create answer [U]: a bare id, `{id}` / `{requestId}`, or `[{id}]`. Undefined when none of these. */
export function createdId(body: unknown): string | undefined {
    const candidate = Array.isArray(body) && body.length === 1 ? body[0] : body
    if (typeof candidate === 'string') return UUID_PATTERN.test(candidate) ? candidate.toLowerCase() : undefined
    if (candidate && typeof candidate === 'object') {
        const o = candidate as Record<string, unknown>
        for (const key of ['id', 'requestId']) {
            const v = o[key]
            if (typeof v === 'string' && UUID_PATTERN.test(v)) return v.toLowerCase()
        }
    }
    return undefined
}

/** The session's end as the provider computes it: approval time (decision time, else creation) + duration. */
export function sessionEnd(request: AccessRequest): Date {
    const start = request.decisionTime ?? request.createdOn
    return new Date(start.getTime() + request.duration * 1000)
}

/** Whether the request gives the user admin rights now. */
export function isActive(request: AccessRequest, now: Date): boolean {
    return request.decision === 'Approved' && now.getTime() < sessionEnd(request).getTime()
}

/** Whether the request still counts as open for EPM's one-open-request-per-user rule. */
export function isOpen(request: AccessRequest, now: Date): boolean {
    return request.decision === 'Pending' || isActive(request, now)
}

/** The idempotency key our reason carries, if any. */
export function keyInReason(reason: string): string | undefined {
    const at = reason.lastIndexOf(KEY_MARKER)
    if (at < 0) return undefined
    const key = reason.slice(at + KEY_MARKER.length).replace(/[)\]\s].*$/s, '')
    return IDEMPOTENCY_KEY_PATTERN.test(key) ? key : undefined
}

/** Redacted evidence of one request read from EPM (no secrets in it; the reason is the requester's text). */
export function requestEvidence(request: AccessRequest, now: Date): Record<string, unknown> {
    return {
        requestId: request.id,
        computerId: request.computerId,
        userName: request.userName,
        decision: request.decision,
        durationSeconds: request.duration,
        createdOn: request.createdOn.toISOString(),
        decisionTime: request.decisionTime ? request.decisionTime.toISOString() : null,
        decidedBy: request.decisionPerformedByUser,
        sessionEnd: sessionEnd(request).toISOString(),
        active: isActive(request, now),
        ticketId: request.ticketId,
        message: request.message,
    }
}
