/**
 * The provider contract suite run against the Entra providers and the Graph emulator: `entra-role` (PIM for
 * roles), `entra-group` in PIM for Groups mode and in plain `$ref` membership mode.
 */
import type { ExecutionPlan } from '@gbg/shared'
import type { Provider } from '../executor/src/providers/types'
import {
    ALICE,
    GROUP_WS_ADMINS,
    groupPlan,
    ROLE_USER_ADMIN,
    rolePlan,
    startEntraFixture,
    type EntraFixture,
} from './emulators/graph/fixture'
import { runProviderContract, type DocumentedErrorCase, type ProviderContractFixture } from './provider-contract'

/**
 * The Graph client's timeout, wall time (the client's own timer). Every request of the contract runs under it — the
 * token request included — so it is the fixture's usual 2 s, not a tight bound a loaded machine misses (400 ms
 * failed the token request under load); the slow-past-the-timeout case waits three times as long.
 */
const CLIENT_TIMEOUT_MS = 2_000

type Flavour = 'role' | 'group-pim' | 'group-members'

function writePath(flavour: Flavour): RegExp {
    if (flavour === 'role') return /\/roleManagement\/directory\/roleAssignmentScheduleRequests$/
    if (flavour === 'group-pim') return /\/identityGovernance\/privilegedAccess\/group\/assignmentScheduleRequests$/
    return /\/members\/\$ref$/
}

function count(fx: EntraFixture, flavour: Flavour): number {
    const s = fx.emu.state
    s.purgeExpired()
    if (flavour === 'role')
        return s.roleInstances.filter((i) => i.principalId === ALICE.id && i.roleDefinitionId === ROLE_USER_ADMIN.id)
            .length
    return s.members(GROUP_WS_ADMINS.id).filter((u) => u.id === ALICE.id).length
}

function documented(fx: EntraFixture, flavour: Flavour): Record<string, DocumentedErrorCase> {
    const path = writePath(flavour)
    const pim = flavour !== 'group-members'
    const cases: Record<string, DocumentedErrorCase> = {
        'grant 401 after refresh': {
            operation: 'grant',
            expect: 'fatal',
            inject: () =>
                fx.emu.faults.add({ method: 'POST', path, status: 401, code: 'InvalidAuthenticationToken', times: 2 }),
        },
        'grant 403 Authorization_RequestDenied': {
            operation: 'grant',
            expect: 'fatal',
            inject: () => fx.emu.faults.add({ method: 'POST', path, status: 403 }),
        },
        'grant 404 unknown principal': {
            operation: 'grant',
            expect: 'fatal',
            inject: () => fx.emu.faults.add({ method: 'POST', path, status: 404, code: 'Request_ResourceNotFound' }),
        },
        'grant 429 + Retry-After': {
            operation: 'grant',
            expect: 'retryable',
            retryAfterMs: 9_000,
            inject: () => fx.emu.faults.add({ method: 'POST', path, status: 429, retryAfterSeconds: 9 }),
        },
        'grant 500': {
            operation: 'grant',
            expect: 'retryable',
            inject: () => fx.emu.faults.add({ method: 'POST', path, status: 500 }),
        },
        'grant 503 + Retry-After': {
            operation: 'grant',
            expect: 'retryable',
            retryAfterMs: 2_000,
            inject: () => fx.emu.faults.add({ method: 'POST', path, status: 503, retryAfterSeconds: 2 }),
        },
        'grant slow past the client timeout': {
            operation: 'grant',
            expect: 'unknown_outcome',
            inject: () => fx.emu.faults.add({ method: 'POST', path, latencyMs: CLIENT_TIMEOUT_MS * 3 }),
        },
        'verify 403 on the principal lookup': {
            operation: 'verify',
            expect: 'fatal',
            inject: () => fx.emu.faults.add({ path: /\/users$/, status: 403, code: 'Authorization_RequestDenied' }),
        },
        'verify 429': {
            operation: 'verify',
            expect: 'retryable',
            retryAfterMs: 1_000,
            inject: () => fx.emu.faults.add({ method: 'GET', status: 429, retryAfterSeconds: 1 }),
        },
        'verify 503': {
            operation: 'verify',
            expect: 'retryable',
            inject: () => fx.emu.faults.add({ method: 'GET', status: 503 }),
        },
        'revoke 429': {
            operation: 'revoke',
            expect: 'retryable',
            retryAfterMs: 4_000,
            inject: () =>
                fx.emu.faults.add({
                    method: flavour === 'group-members' ? 'DELETE' : 'POST',
                    status: 429,
                    retryAfterSeconds: 4,
                }),
        },
    }
    if (pim) {
        Object.assign(cases, {
            'grant policy ExpirationRule': {
                operation: 'grant',
                expect: 'fatal',
                inject: () =>
                    fx.emu.faults.add({
                        method: 'POST',
                        path,
                        status: 400,
                        code: 'RoleAssignmentRequestPolicyValidationFailed',
                        message: 'The following policy rules failed: ["ExpirationRule"]',
                    }),
            },
            'grant PendingRoleAssignmentRequest': {
                operation: 'grant',
                expect: 'halted',
                inject: () =>
                    fx.emu.faults.add({ method: 'POST', path, status: 400, code: 'PendingRoleAssignmentRequest' }),
            },
            'revoke ActiveDurationTooShort': {
                operation: 'revoke',
                expect: 'retryable',
                inject: () => fx.emu.faults.add({ method: 'POST', path, status: 400, code: 'ActiveDurationTooShort' }),
            },
            'revoke RoleAssignmentDoesNotExist (expired natively)': {
                operation: 'revoke',
                expect: 'already_absent',
                inject: () => fx.clock.advanceMinutes(31),
            },
        } satisfies Record<string, DocumentedErrorCase>)
    } else {
        Object.assign(cases, {
            'revoke 404 Request_ResourceNotFound (already removed)': {
                operation: 'revoke',
                expect: 'already_absent',
                inject: () => {
                    fx.emu.state.directMembers.get(GROUP_WS_ADMINS.id)?.clear()
                },
            },
        } satisfies Record<string, DocumentedErrorCase>)
    }
    return cases
}

function contract(flavour: Flavour): () => Promise<ProviderContractFixture> {
    return async () => {
        const fx = await startEntraFixture({
            groupMode: flavour === 'group-members' ? 'members' : 'pim',
            connection: { timeoutMs: CLIENT_TIMEOUT_MS },
        })
        const provider: Provider = flavour === 'role' ? fx.role : fx.group
        const plan: ExecutionPlan = flavour === 'role' ? rolePlan() : groupPlan()
        const path = writePath(flavour)
        return {
            provider,
            plan,
            inject: {
                retryable: () => fx.emu.faults.add({ method: 'POST', path, status: 503 }),
                fatal: () => fx.emu.faults.add({ method: 'POST', path, status: 403 }),
                dropAfterApply: () => fx.emu.faults.add({ method: 'POST', path, dropAfterApply: true }),
                documented: documented(fx, flavour),
            },
            countGrants: () => count(fx, flavour),
            teardown: () => fx.close(),
        }
    }
}

runProviderContract('entra-role', contract('role'))
runProviderContract('entra-group (PIM for Groups)', contract('group-pim'))
runProviderContract('entra-group (members)', contract('group-members'))
