/**
 * What each action type (grant / revoke / verify) keeps in its journal row: one shape per type for the row's
 * `data` (the facts its write-back needs, merged in step by step, so every field is optional) and one for its
 * `providerResult`. Writes are typed ({@link dataOf}; dates as ISO strings: the row is JSON); reads go through
 * {@link journalData} / {@link journalResult}, which check every field and hand the data's dates back as Dates.
 * The journal is a file on disk: what comes back is checked, and a row that does not match its shape is a loud
 * error, like a journaled plan that does not parse.
 */
import { z } from 'zod'
import type { JournalAction } from '../journal/journal'

const isoDate = z.string().datetime()
/** A date of the data: written as an ISO string, read back as a Date. */
const dateField = isoDate.transform((s) => new Date(s))

// ── grant ────────────────────────────────────────────────────────────────────────────────────────────────────

const GRANT_DATA = z
    .object({
        ritm: z.string(),
        grantNumber: z.string(),
        approvalSummary: z.string(),
        /** The approvals the recheck gate counted (for the receipt). */
        approvals: z.array(
            z.object({ sysId: z.string(), approverSysId: z.string(), state: z.string(), updatedOn: dateField }),
        ),
        digest: z.string(),
        /** The auto-approve rule that stood in for approvals, if any. */
        autoApprove: z.string().nullable(),
        /** The recheck summary for the audit trail. */
        recheck: z.record(z.unknown()),
        /** When provider.grant was called: an unknown outcome found present expires from here. */
        callingAt: dateField,
        /** Minutes the provider was asked for (fewer than the plan's when capped at a change window's end). */
        grantMinutes: z.number().int().positive(),
        grantedAt: dateField,
        /** The last attempt's outcome is unknown: read the provider before anything else. */
        reconcile: z.boolean(),
        /** An extension record's grant action (worker/extend.ts): the grant it extends and the ends. */
        extension: z.object({
            grantSysId: z.string(),
            grantNumber: z.string(),
            grantPlan: z.string(),
            grantRitm: z.string(),
            fromExpiresAt: isoDate,
            toExpiresAt: isoDate,
            scheduledRevoke: z.string(),
            totalMinutes: z.number().int(),
            /** The extended grant's provider transaction ids (webhook grant id, EPM request id). */
            grantTxnIds: z.array(z.string()).optional(),
        }),
    })
    .partial()

const GRANT_RESULT = z.object({
    txnIds: z.array(z.string()),
    expiresAt: isoDate,
    nativeExpiry: z.boolean(),
    alreadyDone: z.boolean(),
    calls: z.array(z.unknown()),
    notes: z.array(z.string()),
    /** Redacted provider evidence (`drift: true` → held outside this system). */
    evidence: z.unknown().optional(),
})

// ── revoke ───────────────────────────────────────────────────────────────────────────────────────────────────

const REVOKE_DATA = z
    .object({
        ritm: z.string(),
        grantNumber: z.string(),
        /** Where the plan acted on came from: the grant record, or the executor's journal (mismatch, local). */
        planSource: z.enum(['grant', 'journal']),
        /** The grant was already revoked in ServiceNow (no work note, no verify). */
        alreadyRevoked: z.boolean(),
        revokedAt: dateField,
        /** Failed attempts of a local timer revoke (a queue revoke counts its attempts on the action). */
        failures: z.number(),
    })
    .partial()

const REVOKE_RESULT = z.object({
    alreadyAbsent: z.boolean(),
    /** Other grants the provider keeps a shared assignment for (its holder registry). */
    retainedFor: z.array(z.string()),
    /** The provider found the access held outside this system and removed nothing. */
    drift: z.boolean(),
    calls: z.array(z.unknown()),
    notes: z.array(z.string()),
    revokeEvidence: z.unknown(),
    verify: z
        .object({
            present: z.boolean(),
            evidence: z.unknown(),
            calls: z.array(z.unknown()),
            expiresAt: isoDate.optional(),
        })
        .nullable(),
})

// ── verify ───────────────────────────────────────────────────────────────────────────────────────────────────

const VERIFY_DATA = z
    .object({
        ritm: z.string(),
        /** The grant's state when the verify started (present on a revoked grant escalates). */
        grantState: z.string(),
        /** The grant's evidence when the verify started (the revoke's): kept, the verify's result goes beside it. */
        priorEvidence: z.string(),
        /** The idempotency key the grant was made under (the grant action's id), for a provider lookup by key. */
        grantKey: z.string(),
    })
    .partial()

const VERIFY_RESULT = z.object({
    present: z.boolean(),
    evidence: z.unknown(),
    calls: z.array(z.unknown()),
    expiresAt: isoDate.nullable(),
    verifiedAt: isoDate,
})

/** The one field every action type may record: the grant's RITM. */
const RITM_DATA = z.object({ ritm: z.string() }).partial()

// ── writes and reads ─────────────────────────────────────────────────────────────────────────────────────────

/** The shapes of each action type's journal row. */
const SHAPES = {
    grant: { data: GRANT_DATA, result: GRANT_RESULT },
    revoke: { data: REVOKE_DATA, result: REVOKE_RESULT },
    verify: { data: VERIFY_DATA, result: VERIFY_RESULT },
}

/** An action type the worker runs. */
export type RunType = keyof typeof SHAPES
/** The journal data of an action of type `T`, as read (dates as Dates). */
export type ActionData<T extends RunType> = z.output<(typeof SHAPES)[T]['data']>
/** The journal data of an action of type `T`, as written (dates as ISO strings). */
export type ActionDataWrite<T extends RunType> = z.input<(typeof SHAPES)[T]['data']>
/** The provider result of an action of type `T` as journaled (dates as ISO strings, calls redacted). */
export type ProviderResultRecord<T extends RunType> = z.output<(typeof SHAPES)[T]['result']>

/** Data to merge into a journal row of `type`: only the fields of that type's shape. */
export function dataOf<T extends RunType>(_type: T, data: ActionDataWrite<T>): Record<string, unknown> {
    return data
}

/** The journal data of a row of `type`, checked. */
export function journalData<T extends RunType>(type: T, row: JournalAction): ActionData<T> {
    return parse(SHAPES[type].data, row.data, ofType(type, row), 'data')
}

/** The journaled provider result of a row of `type` (it has one from `provider_done` on), checked. */
export function journalResult<T extends RunType>(type: T, row: JournalAction): ProviderResultRecord<T> {
    return parse(SHAPES[type].result, row.providerResult, ofType(type, row), 'provider result')
}

/** The RITM any action row recorded for its grant ('' when none); only that field is read. */
export function journaledRitm(row: JournalAction): string {
    return parse(RITM_DATA, row.data, row, 'data').ritm ?? ''
}

/** A field that the row's step guarantees; its absence means the journal holds garbage. */
export function journaled<T>(value: T | undefined, row: JournalAction, field: string): T {
    if (value === undefined) throw new Error(`journaled ${row.type} ${row.actionId} at ${row.step} has no ${field}`)
    return value
}

function ofType(type: RunType, row: JournalAction): JournalAction {
    if (row.type !== type) throw new Error(`journal row ${row.actionId} is a ${row.type}, not a ${type}`)
    return row
}

function parse<S extends z.ZodTypeAny>(schema: S, value: unknown, row: JournalAction, what: string): z.output<S> {
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data as z.output<S>
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    throw new Error(`journaled ${what} of ${row.type} ${row.actionId} does not parse: ${issues}`)
}
