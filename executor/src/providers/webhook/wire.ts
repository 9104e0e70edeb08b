/**
 * Wire format of the admin-as-a-service webhook contract (`docs/webhook-provider.openapi.yaml`): the request
 * body built from a plan, and zod schemas for every answer the provider reads. An answer that does not match
 * is "not understood" (fatal), never guessed at.
 */
import { z } from 'zod'
import type { ExecutionPlan } from '@gbg/shared'

/** Target kinds the contract supports. */
export const WEBHOOK_TARGET_KINDS = ['device_local_admin', 'pam_account', 'console'] as const

/** Grant ids as the contract defines them; anything else is never put into a URL. */
export const GRANT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
/** Idempotency keys as the contract defines them. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/

const isoDate = z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time')
    .transform((s) => new Date(s))

/** 201 answer of `POST /grants`. */
export const grantCreatedSchema = z.object({
    id: z.string().regex(GRANT_ID_PATTERN),
    status: z.literal('active'),
    grantedAt: isoDate,
    expiresAt: isoDate,
})

/** A grant as `GET /grants/{id}` and `GET /grants?idempotencyKey=` return it. */
export const grantSchema = z.object({
    id: z.string().regex(GRANT_ID_PATTERN),
    status: z.enum(['active', 'revoked', 'expired']),
    principal: z.object({ userName: z.string(), email: z.string() }),
    target: z.object({ kind: z.string() }).passthrough(),
    grantedAt: isoDate,
    expiresAt: isoDate,
    revokedAt: isoDate.nullable(),
})

/** A grant read from the service. */
export type WireGrant = z.infer<typeof grantSchema>

/** 200 answer of `GET /grants?idempotencyKey=`. */
export const grantListSchema = z.object({ grants: z.array(grantSchema) })

/** 200 answer of `GET /health`. */
export const healthSchema = z.object({ status: z.literal('ok') })

/** Body of `POST /grants` for a plan. Only the fields the contract defines; undefined fields left out. */
export function grantRequestBody(plan: ExecutionPlan): Record<string, unknown> {
    const target: Record<string, string> = { kind: plan.target.kind }
    if (plan.target.deviceName) target.deviceName = plan.target.deviceName
    if (plan.target.deviceClass) target.deviceClass = plan.target.deviceClass
    if (plan.target.ciSysId) target.ciSysId = plan.target.ciSysId
    if (plan.target.account) target.account = plan.target.account
    const tickets: Record<string, string> = {}
    if (plan.tickets.ritm) tickets.ritm = plan.tickets.ritm
    if (plan.tickets.incident) tickets.incident = plan.tickets.incident
    if (plan.tickets.change) tickets.change = plan.tickets.change
    return {
        principal: { userName: plan.principal.userName, email: plan.principal.email },
        target,
        durationMinutes: plan.durationMinutes,
        justification: plan.justification,
        tickets,
        grantNumber: plan.grantNumber,
    }
}

/** Evidence attached to the grant record for one grant read from the service (no secrets in it). */
export function grantEvidence(grant: WireGrant, source: string, checkedAt: Date): Record<string, unknown> {
    return {
        source,
        checkedAt: checkedAt.toISOString(),
        grantId: grant.id,
        status: grant.status,
        principal: grant.principal.userName,
        target: grant.target,
        grantedAt: grant.grantedAt.toISOString(),
        expiresAt: grant.expiresAt.toISOString(),
        revokedAt: grant.revokedAt ? grant.revokedAt.toISOString() : null,
    }
}
