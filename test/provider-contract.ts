/**
 * The provider contract suite: the same behaviour asserted against every provider (webhook, Entra role, Entra
 * group…), each wired to its own emulator by a `setup` function. A provider passes when:
 * - grant → verify present → revoke → verify absent;
 * - a grant retried with the same idempotency key gives one grant (`alreadyDone` on the retry);
 * - a grant whose answer is lost after it was applied surfaces as `unknown_outcome`, verify (by the same key)
 *   finds the access, and the retry does not grant twice;
 * - injected transient / permanent failures map to `retryable` / `fatal`;
 * - revoking absent access is success with `alreadyAbsent`;
 * - every documented error of the provider's API maps to its kind.
 *
 * Not a test file itself: `test/provider-contract-<provider>.test.ts` calls {@link runProviderContract}.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExecutionPlan } from '@gbg/shared'
import {
    ProviderError,
    type Provider,
    type ProviderCallContext,
    type ProviderErrorKind,
} from '../executor/src/providers/types'

/** One documented error of a provider's API and the kind it must map to. */
export interface DocumentedErrorCase {
    /** Which call the failure hits. For revoke / verify the suite grants first (without the fault). */
    operation: 'grant' | 'revoke' | 'verify'
    /** Arms the fault for the next call of `operation` (e.g. adds an emulator fault). */
    inject(): void | Promise<void>
    /** Expected kind, or `already_absent` for a revoke that must succeed with `alreadyAbsent: true`. */
    expect: ProviderErrorKind | 'already_absent'
    /** Expected `retryAfterMs`, when the answer carries Retry-After. */
    retryAfterMs?: number
}

/** What a provider's `setup` returns: the provider wired to a fresh emulator, and ways to break it. */
export interface ProviderContractFixture {
    provider: Provider
    /** A plan the provider can grant (its principal and target exist in the emulator). */
    plan: ExecutionPlan
    inject: {
        /** The next grant call fails transiently (nothing applied). */
        retryable(): void | Promise<void>
        /** The next grant call fails permanently (nothing applied). */
        fatal(): void | Promise<void>
        /** The next grant call is applied, but its answer never arrives (connection dropped). */
        dropAfterApply(): void | Promise<void>
        /** Every documented error of the API, by a readable name (e.g. `grant 429 + Retry-After`). */
        documented: Record<string, DocumentedErrorCase>
    }
    /** Access currently present at the provider for the plan's principal and target. */
    countGrants(): number | Promise<number>
    /** Stops emulators. */
    teardown(): Promise<void>
}

let keySeq = 0
/** A fresh idempotency key (shape accepted by every provider: letters, digits, `:` and `-`). */
function freshKey(): string {
    keySeq += 1
    return `contract:${process.pid}-${Date.now()}-${keySeq}`
}

async function expectProviderError(promise: Promise<unknown>): Promise<ProviderError> {
    try {
        await promise
    } catch (err) {
        expect(err).toBeInstanceOf(ProviderError)
        return err as ProviderError
    }
    throw new Error('expected a ProviderError, but the call succeeded')
}

/**
 * Registers the contract suite for one provider.
 *
 * @param name - label of the suite, e.g. `webhook`
 * @param setup - creates a fresh fixture; called before every test (and once per documented error case)
 */
export function runProviderContract(name: string, setup: () => Promise<ProviderContractFixture>): void {
    describe(`provider contract: ${name}`, () => {
        let fx: ProviderContractFixture

        beforeEach(async () => {
            fx = await setup()
        })

        afterEach(async () => {
            await fx.teardown()
        })

        it('describes itself and is healthy', async () => {
            // execution
            const description = fx.provider.describe()
            // validation
            expect(description.name).toBe(fx.provider.name)
            expect(description.baseUrl).toMatch(/^https?:\/\//)
            await expect(fx.provider.health()).resolves.toBeUndefined()
        })

        it('grant → verify present → revoke → verify absent', async () => {
            // setup
            const ctx: ProviderCallContext = { idempotencyKey: freshKey() }
            // execution + validation: grant
            const granted = await fx.provider.grant(fx.plan, ctx)
            expect(granted.alreadyDone).toBe(false)
            expect(granted.txnIds.length).toBeGreaterThan(0)
            expect(granted.expiresAt.getTime()).toBeGreaterThan(0)
            expect(granted.calls.length).toBeGreaterThan(0)
            expect(await fx.countGrants()).toBe(1)
            const withTxn: ProviderCallContext = { ...ctx, txnIds: granted.txnIds }
            const present = await fx.provider.verify(fx.plan, withTxn)
            expect(present.present).toBe(true)
            // revoke
            const revoked = await fx.provider.revoke(fx.plan, withTxn)
            expect(revoked.alreadyAbsent).toBe(false)
            expect(await fx.countGrants()).toBe(0)
            const absent = await fx.provider.verify(fx.plan, withTxn)
            expect(absent.present).toBe(false)
            expect(Object.keys(absent.evidence).length).toBeGreaterThan(0)
        })

        it('a grant retried with the same idempotency key gives one grant', async () => {
            // setup
            const ctx: ProviderCallContext = { idempotencyKey: freshKey() }
            const first = await fx.provider.grant(fx.plan, ctx)
            // execution
            const second = await fx.provider.grant(fx.plan, ctx)
            // validation
            expect(second.alreadyDone).toBe(true)
            expect(second.txnIds[0]).toBe(first.txnIds[0])
            expect(await fx.countGrants()).toBe(1)
        })

        it('an answer lost after the grant was applied is unknown_outcome, reconciled by verify', async () => {
            // setup
            const ctx: ProviderCallContext = { idempotencyKey: freshKey() }
            await fx.inject.dropAfterApply()
            // execution
            const err = await expectProviderError(fx.provider.grant(fx.plan, ctx))
            const seen = await fx.provider.verify(fx.plan, ctx)
            const retried = await fx.provider.grant(fx.plan, ctx)
            // validation
            expect(err.kind).toBe('unknown_outcome')
            expect(seen.present).toBe(true)
            expect(retried.alreadyDone).toBe(true)
            expect(await fx.countGrants()).toBe(1)
        })

        it('a transient failure is retryable and a later retry grants once', async () => {
            // setup
            const ctx: ProviderCallContext = { idempotencyKey: freshKey() }
            await fx.inject.retryable()
            // execution
            const err = await expectProviderError(fx.provider.grant(fx.plan, ctx))
            const retried = await fx.provider.grant(fx.plan, ctx)
            // validation
            expect(err.kind).toBe('retryable')
            expect(retried.txnIds.length).toBeGreaterThan(0)
            expect(await fx.countGrants()).toBe(1)
        })

        it('a permanent failure is fatal and grants nothing', async () => {
            // setup
            await fx.inject.fatal()
            // execution
            const err = await expectProviderError(fx.provider.grant(fx.plan, { idempotencyKey: freshKey() }))
            // validation
            expect(err.kind).toBe('fatal')
            expect(err.message.length).toBeGreaterThan(0)
            expect(await fx.countGrants()).toBe(0)
        })

        it('revoking access that is already gone succeeds with alreadyAbsent', async () => {
            // setup
            const ctx: ProviderCallContext = { idempotencyKey: freshKey() }
            const granted = await fx.provider.grant(fx.plan, ctx)
            const withTxn = { ...ctx, txnIds: granted.txnIds }
            await fx.provider.revoke(fx.plan, withTxn)
            // execution
            const again = await fx.provider.revoke(fx.plan, withTxn)
            // validation
            expect(again.alreadyAbsent).toBe(true)
            expect(await fx.countGrants()).toBe(0)
        })

        it('maps every documented error to its kind', async () => {
            const cases = Object.entries(fx.inject.documented)
            expect(cases.length).toBeGreaterThan(0)
            for (const [caseName, errorCase] of cases) {
                // setup: a fresh provider + emulator per case, granted first when the case hits revoke / verify
                const own = await setup()
                try {
                    const documented = own.inject.documented[caseName]!
                    const ctx: ProviderCallContext = { idempotencyKey: freshKey() }
                    if (documented.operation !== 'grant') {
                        const granted = await own.provider.grant(own.plan, ctx)
                        ctx.txnIds = granted.txnIds
                    }
                    await documented.inject()
                    // execution
                    const call =
                        documented.operation === 'grant'
                            ? own.provider.grant(own.plan, ctx)
                            : documented.operation === 'revoke'
                              ? own.provider.revoke(own.plan, ctx)
                              : own.provider.verify(own.plan, ctx)
                    // validation
                    if (errorCase.expect === 'already_absent') {
                        const result = (await call) as { alreadyAbsent?: boolean }
                        expect(result.alreadyAbsent, caseName).toBe(true)
                    } else {
                        const err = await expectProviderError(call)
                        expect(err.kind, `${caseName}: ${err.message}`).toBe(errorCase.expect)
                        if (errorCase.retryAfterMs !== undefined)
                            expect(err.retryAfterMs, caseName).toBe(errorCase.retryAfterMs)
                    }
                } finally {
                    await own.teardown()
                }
            }
        })
    })
}
