import { describe, expect, it } from 'vitest'
import {
    buildPlan,
    defaultProviderFor,
    parsePlan,
    planDigest,
    verifyPlanDigest,
    type BuildPlanInput,
} from '../src/plan'
import type { AccessRequest } from '../src/policy-types'
import { TARGET_KINDS } from '../src/schema'

const GRANT = 'ab'.repeat(16)
const request: AccessRequest = {
    requestedFor: { sysId: 'a1'.repeat(16), userName: 'alice', email: 'alice@example.com', active: true, groupIds: [] },
    openedBy: 'a1'.repeat(16),
    targetKind: 'device_local_admin',
    target: {
        ci: {
            sysId: 'c1'.repeat(16),
            name: 'WS-ALICE-01',
            deviceClass: 'workstation',
            corpManaged: true,
            production: false,
        },
    },
    durationMinutes: 60,
    justification: 'Install the vendor driver for the docking station',
    emergency: false,
    incident: {
        sysId: '1c'.repeat(16),
        number: 'INC0010001',
        priority: 1,
        active: true,
        callerId: '',
        assignedTo: '',
        assignmentGroupId: '',
        ciSysId: '',
    },
}
const input = (over: Partial<BuildPlanInput> = {}): BuildPlanInput => ({
    grantSysId: GRANT,
    grantNumber: 'BGA0001001',
    request,
    durationMinutes: 45,
    highRisk: false,
    ritmNumber: 'RITM0010001',
    ...over,
})

/** Rebuild an object with every key order reversed, recursively. */
function reverseKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reverseKeys)
    if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {}
        for (const key of Object.keys(value).reverse()) out[key] = reverseKeys((value as Record<string, unknown>)[key])
        return out
    }
    return value
}

describe('plan', () => {
    it('builds a device plan with only the device fields and the default provider', () => {
        // Execution
        const plan = buildPlan(input())
        // Validation
        expect(plan).toEqual({
            version: 1,
            grantSysId: GRANT,
            grantNumber: 'BGA0001001',
            provider: 'entra-group',
            operation: 'grant',
            principal: { userSysId: 'a1'.repeat(16), userName: 'alice', email: 'alice@example.com' },
            target: {
                kind: 'device_local_admin',
                ciSysId: 'c1'.repeat(16),
                deviceName: 'WS-ALICE-01',
                deviceClass: 'workstation',
            },
            durationMinutes: 45,
            justification: request.justification,
            tickets: { ritm: 'RITM0010001', incident: 'INC0010001' },
            emergency: false,
            highRisk: false,
        })
    })

    it('maps every target kind to a default provider and honours an explicit one', () => {
        expect(TARGET_KINDS.map(defaultProviderFor)).toEqual([
            'entra-group',
            'entra-role',
            'entra-group',
            'webhook',
            'console',
        ])
        expect(buildPlan(input({ provider: 'webhook' })).provider).toBe('webhook')
    })

    it('builds an Entra role plan', () => {
        const roleRequest: AccessRequest = {
            ...request,
            targetKind: 'entra_role',
            target: { roleId: '62e90394-69f5-4237-9190-012177145e10', roleName: 'Global Administrator' },
        }
        const plan = buildPlan(input({ request: roleRequest, highRisk: true }))
        expect(plan.provider).toBe('entra-role')
        expect(plan.target).toEqual({
            kind: 'entra_role',
            roleId: '62e90394-69f5-4237-9190-012177145e10',
            roleName: 'Global Administrator',
        })
    })

    it('builds an emergency console plan with its packet (tenant, scope) and refuses the packet on other kinds', () => {
        const consoleRequest: AccessRequest = {
            ...request,
            targetKind: 'console',
            target: {
                account: 'jane.admin@contoso.example',
                tenantId: 'TNT-40213',
                tenantName: 'Contoso Manufacturing',
                scope: 'user_admin,helpdesk_admin',
            },
        }
        const plan = buildPlan(input({ request: consoleRequest, provider: 'console', durationMinutes: 60 }))
        expect(plan.target).toEqual({ kind: 'console', ...consoleRequest.target })
        expect(plan.tickets.incident).toBe('INC0010001')
        expect(parsePlan(JSON.stringify(plan)).ok).toBe(true)
        const smuggled = { ...plan, target: { kind: 'entra_role', roleId: 'r-1', tenantId: 'TNT-1' } }
        const parsed = parsePlan(JSON.stringify(smuggled))
        expect(parsed.ok).toBe(false)
        if (!parsed.ok) expect(parsed.errors).toContain('plan.target.tenantId does not apply to entra_role')
        const empty = parsePlan(JSON.stringify({ ...plan, target: { ...plan.target, scope: '' } }))
        expect(empty.ok).toBe(false)
    })

    it('refuses to build a plan the executor would reject', () => {
        expect(() => buildPlan(input({ request: { ...request, target: {} } }))).toThrow(/ciSysId is required/)
        expect(() => buildPlan(input({ durationMinutes: 1441 }))).toThrow(/durationMinutes/)
        expect(() => buildPlan(input({ grantSysId: 'BGA1' }))).toThrow(/grantSysId/)
    })

    it('accepts a duration anywhere within the hard bounds 1..1440 and nothing outside', () => {
        // Setup: the floor (1, a sandbox policy's 1-minute grant), the default policy minimum (5), the maximum.
        const plan = buildPlan(input()) as unknown as Record<string, unknown>
        const parseWith = (durationMinutes: unknown) => parsePlan(JSON.stringify({ ...plan, durationMinutes }))
        // Execution / validation: the plan enforces only the hard bounds; policy minimums are evaluate's job.
        for (const ok of [1, 4, 5, 1440]) expect(parseWith(ok).ok, String(ok)).toBe(true)
        expect(buildPlan(input({ durationMinutes: 1 })).durationMinutes).toBe(1)
        for (const bad of [0, -1, 1441, 1.5, '5']) {
            const result = parseWith(bad)
            expect(!result.ok && result.errors, String(bad)).toEqual([
                'plan.durationMinutes must be a whole number within 1..1440',
            ])
        }
        expect(() => buildPlan(input({ durationMinutes: 0 }))).toThrow(/durationMinutes/)
    })

    it('has a digest that is stable across key order and whitespace', () => {
        // Setup
        const plan = buildPlan(input())
        const digest = planDigest(plan)
        const reordered = JSON.stringify(reverseKeys(plan), null, 4)
        // Execution / validation
        expect(digest).toMatch(/^[0-9a-f]{64}$/)
        expect(planDigest(reverseKeys(plan) as typeof plan)).toBe(digest)
        expect(verifyPlanDigest(reordered, digest)).toEqual({ ok: true, plan: reverseKeys(plan) })
    })

    it('detects a plan tampered with after approval', () => {
        // Setup: the approved plan and digest, then an attacker lengthens the duration / swaps the principal.
        const plan = buildPlan(input())
        const digest = planDigest(plan)
        const longer = JSON.stringify({ ...plan, durationMinutes: 1440 })
        const other = JSON.stringify({ ...plan, principal: { ...plan.principal, userSysId: 'ee'.repeat(16) } })
        // Execution / validation
        for (const tampered of [longer, other]) {
            const result = verifyPlanDigest(tampered, digest)
            expect(result.ok).toBe(false)
            expect(!result.ok && result.errors[0]).toMatch(/digest mismatch/)
        }
    })

    it('refuses a malformed digest and unparseable JSON', () => {
        const json = JSON.stringify(buildPlan(input()))
        expect(verifyPlanDigest(json, 'ABC')).toEqual({
            ok: false,
            errors: ['digest is not a lowercase SHA-256 hex string'],
        })
        expect(verifyPlanDigest(json, planDigest(buildPlan(input())).toUpperCase()).ok).toBe(false)
        const bad = parsePlan('{"version":1,')
        expect(bad.ok).toBe(false)
        expect(!bad.ok && bad.errors[0]).toMatch(/not valid JSON/)
    })

    it('parses strictly and reports every problem', () => {
        // Setup: one unknown field, one missing, and several bad values at once.
        const plan = buildPlan(input()) as unknown as Record<string, unknown>
        const broken: Record<string, unknown> = {
            ...plan,
            extra: 1,
            grantSysId: 'x',
            provider: 'ssh',
            durationMinutes: 0,
            target: { kind: 'device_local_admin', roleId: 'r', ciSysId: 'bad' },
        }
        delete broken.emergency
        // Execution
        const result = parsePlan(JSON.stringify(broken))
        // Validation
        expect(result.ok).toBe(false)
        expect(!result.ok && result.errors).toEqual([
            'plan.extra is not a plan field',
            'plan.emergency is missing',
            'plan.grantSysId must be a sys_id',
            'plan.provider must be one of webhook, entra-role, entra-group, epm, console',
            'plan.target.deviceName is required for device_local_admin',
            'plan.target.roleId does not apply to device_local_admin',
            'plan.target.ciSysId must be a sys_id',
            'plan.durationMinutes must be a whole number within 1..1440',
        ])
    })

    it('rejects non-object plans and a wrong version', () => {
        expect(parsePlan('[]')).toEqual({ ok: false, errors: ['plan must be a JSON object'] })
        const v2 = parsePlan(JSON.stringify({ ...buildPlan(input()), version: 2 }))
        expect(!v2.ok && v2.errors).toEqual(['plan.version must be 1'])
    })

    it('refuses provider ids that could smuggle text into a URL', () => {
        const plan = buildPlan(
            input({ request: { ...request, targetKind: 'entra_group', target: { groupId: 'g-1' } } }),
        )
        const result = parsePlan(JSON.stringify({ ...plan, target: { kind: 'entra_group', groupId: "x' or 1 eq 1" } }))
        expect(!result.ok && result.errors).toEqual([
            "plan.target.groupId must be a provider object id (letters, digits, '-')",
        ])
    })
})
