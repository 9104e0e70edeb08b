/**
 * The policy vectors (and digest / hash agreement) against the JavaScript the Fluent build actually packages
 * into the ServiceNow app — see packaged-modules.ts for how the sys_module records are loaded and linked in a
 * bare vm context. Needs `now-app/dist` (root `npm test` builds it; by hand: `npm run build`).
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditHash, GENESIS_HASH } from '../src/audit-chain'
import { canonicalJson } from '../src/canonical-json'
import { checkActionWrite } from '../src/claim-guard'
import { buildPlan, planDigest } from '../src/plan'
import type { AccessRequest, Decision, EvaluationContext, PolicyRule } from '../src/policy-types'
import {
    importSpecifiers,
    loadPackagedModules,
    readPackagedSharedModules,
    type PackagedModule,
    type PackagedRuntime,
} from './packaged-modules'
import {
    decisionInvariantViolations,
    expected,
    loadPolicyVectors,
    runEvaluateVector,
    summarise,
    type PolicyApi,
} from './policy-vector-runner'

const SHARED_SRC = join(dirname(fileURLToPath(import.meta.url)), '../src')
const vectors = loadPolicyVectors()

let modules: PackagedModule[] = []
let runtime: PackagedRuntime
let api: PolicyApi

beforeAll(() => {
    // Setup: a missing dist fails every test here with the "run npm run build" message.
    modules = readPackagedSharedModules()
    runtime = loadPackagedModules(modules)
    api = {
        evaluate: (request: AccessRequest, policies: PolicyRule[], context: EvaluationContext) =>
            runtime.call<Decision>('evaluate', [request, policies, context]),
        evaluatePolicyRecords: (request, records, context) =>
            runtime.call<Decision>('evaluatePolicyRecords', [request, records, context]),
        policyToRecord: (policy) => runtime.call<Record<string, string>>('policyToRecord', [policy]),
        canApprove: (request, approver) => runtime.call('canApprove', [request, approver]),
        boundApprovedDuration: (requested, chosen, policyMin) =>
            runtime.call<number>('boundApprovedDuration', [requested, chosen, policyMin]),
    }
})

describe('packaged shared modules (now-app/dist sys_module records)', () => {
    it('packages every shared/src file', () => {
        // Setup: the source files the symlink exposes to the build.
        const sources = readdirSync(SHARED_SRC)
            .filter((f) => f.endsWith('.ts'))
            .map((f) => f.slice(0, -3))
            .sort()
        // Validation: a source file without a sys_module means dist is stale or the build dropped it.
        expect(modules.map((m) => m.id).sort(), 'dist is stale? run `npm run build`').toEqual(sources)
    })

    it('is up to date: each packaged module is exactly the ES2021 compilation of its shared/src file', () => {
        // The SDK 4.9.0 emits TypeScript's own transpile output (target ES2021, ES modules) verbatim, so any
        // difference means the source changed after the last build and the vectors below would test old code.
        for (const m of modules) {
            // Setup
            const source = readFileSync(join(SHARED_SRC, `${m.id}.ts`), 'utf8')
            // Execution
            const compiled = ts.transpileModule(source, {
                compilerOptions: { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.ESNext },
            }).outputText
            // Validation
            expect(m.content === compiled, `${m.id}: now-app/dist is stale, run \`npm run build\``).toBe(true)
        }
    })

    it('contains no require() and imports only other packaged modules, relatively', () => {
        const ids = new Set(modules.map((m) => m.id))
        for (const m of modules) {
            // Validation: no CommonJS / Node module access in the shipped text…
            expect(m.content, m.id).not.toMatch(/\brequire\s*\(/)
            expect(m.content, m.id).not.toMatch(/\bnode:/)
            // …and every import resolves to a sibling module that is packaged too.
            for (const spec of importSpecifiers(m.content)) {
                expect(spec, `${m.id} imports ${spec}`).toMatch(/^\.\//)
                expect(ids.has(spec.slice(2)), `${m.id} imports ${spec}, which is not packaged`).toBe(true)
            }
        }
    })

    it('runs in a context without Node globals', () => {
        // Validation: what the modules just ran without.
        expect(
            runtime.evaluate('[typeof require, typeof process, typeof Buffer, typeof TextEncoder, typeof setTimeout]'),
        ).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined'])
        expect(runtime.exportNames('index')).toEqual(
            expect.arrayContaining(['evaluate', 'canApprove', 'planDigest', 'auditHash']),
        )
    })

    it.each(vectors.evaluate.map((v) => [v.name, v] as const))('evaluate: %s', (_name, vector) => {
        // Execution: the packaged evaluate / evaluatePolicyRecords.
        const decision = runEvaluateVector(api, vector)
        // Validation: same expectations as the source run.
        expect(summarise(decision, vector.expect)).toEqual(expected(vector.expect))
        expect(decisionInvariantViolations(decision)).toEqual([])
    })

    it.each(vectors.canApprove.map((v) => [v.name, v] as const))('canApprove: %s', (_name, vector) => {
        const verdict = api.canApprove(vector.request, vector.approver)
        expect({ allowed: verdict.allowed, code: verdict.code }).toEqual(vector.expect)
    })

    it.each(vectors.boundApprovedDuration.map((v) => [v.name, v] as const))(
        'boundApprovedDuration: %s',
        (_name, vector) => {
            expect(api.boundApprovedDuration(vector.requested, vector.approverChosen, vector.policyMinMinutes)).toBe(
                vector.expect,
            )
        },
    )

    it('computes the same SHA-256, plan digest and audit hash as the executor side', () => {
        // Setup: strings covering ASCII, multi-byte, astral (emoji) and a block boundary; a real plan and event.
        const texts = ['', 'abc', 'é ü ß 中文 ✓', '😀🔐 break-glass', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000)]
        const request = vectors.evaluate[0]!.request
        const plan = buildPlan({
            grantSysId: 'ab'.repeat(16),
            grantNumber: 'BGA0001001',
            request,
            durationMinutes: 60,
            highRisk: false,
            ritmNumber: 'RITM0010001',
        })
        const event = {
            grant: 'ab'.repeat(16),
            action: '',
            sequence: 1,
            eventType: 'grant.requested',
            actor: 'alice',
            occurredAt: '2025-03-12T10:00:00.000Z',
            payload: { plan },
        }
        // Execution / validation: the instance and the executor must agree byte for byte.
        for (const text of texts) {
            expect(runtime.call('sha256', [text])).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
        }
        expect(runtime.call('canonicalJson', [plan])).toBe(canonicalJson(plan))
        expect(runtime.call('planDigest', [plan])).toBe(planDigest(plan))
        expect(
            runtime.call('buildPlan', [
                {
                    grantSysId: 'ab'.repeat(16),
                    grantNumber: 'BGA0001001',
                    request,
                    durationMinutes: 60,
                    highRisk: false,
                    ritmNumber: 'RITM0010001',
                },
            ]),
        ).toEqual(plan)
        expect(runtime.call('auditHash', [GENESIS_HASH, event])).toBe(auditHash(GENESIS_HASH, event))
    })

    it('enforces the same claim guard as the source', () => {
        // Setup: a valid foreign lease, an expired one, and a finished action.
        const now = Date.UTC(2025, 2, 12, 10, 0)
        const cases: [Parameters<typeof checkActionWrite>[0], Parameters<typeof checkActionWrite>[1], string][] = [
            [{ state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: now + 60000 }, { leaseOwner: 'exec-b' }, 'exec-b'],
            [{ state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: now - 1 }, { leaseOwner: 'exec-b' }, 'exec-b'],
            [{ state: 'done', leaseOwner: '', leaseUntilMs: 0 }, { leaseOwner: 'exec-b' }, 'exec-b'],
            [
                { state: 'claimed', leaseOwner: 'exec-a', leaseUntilMs: now - 1 },
                { state: 'ready', leaseOwner: '' },
                'exec-c',
            ],
        ]
        for (const [before, change, writer] of cases) {
            // Execution / validation
            expect(runtime.call('checkActionWrite', [before, change, writer, now])).toEqual(
                checkActionWrite(before, change, writer, now),
            )
        }
    })
})
