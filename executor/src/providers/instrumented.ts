/**
 * The one metrics choke point of every provider (webhook, Entra role, Entra group and any added later): each call
 * through the provider port — grant, revoke, verify, health — is timed and reported with its outcome, `ok` or the
 * {@link ProviderError} kind (`retryable`, `fatal`, `unknown_outcome`, `halted`; `error` for anything else, which
 * is a bug). Timing the port rather than each HTTP request means one observation per decision the worker makes,
 * whatever the provider does underneath (token requests, lookups, reconciliation reads).
 */
import type { ExecutionPlan } from '@gbg/shared'
import { ProviderError, type Provider, type ProviderCallContext } from './types'

/** Receives the latency and outcome of every provider call (the Metrics object fits). */
export interface ProviderCallObserver {
    observeProviderCall(provider: string, operation: string, outcome: string, seconds: number): void
}

/** Operations of the provider port that are timed. */
export type ProviderOperation = 'grant' | 'revoke' | 'verify' | 'health' | 'extend'

/** Outcome label of a failed provider call. */
export function providerOutcome(error: unknown): string {
    return error instanceof ProviderError ? error.kind : 'error'
}

/**
 * `provider` with every port call reported to `observer`. Results and errors pass through unchanged; an observer
 * that throws never fails the call.
 */
export function instrumentProvider(provider: Provider, observer: ProviderCallObserver): Provider {
    const timed = async <T>(operation: ProviderOperation, call: () => Promise<T>): Promise<T> => {
        const started = performance.now()
        let outcome = 'ok'
        try {
            return await call()
        } catch (error) {
            outcome = providerOutcome(error)
            throw error
        } finally {
            try {
                observer.observeProviderCall(provider.name, operation, outcome, (performance.now() - started) / 1000)
            } catch {
                // metrics must never break a grant or a revoke
            }
        }
    }
    return {
        get name() {
            return provider.name
        },
        describe: () => provider.describe(),
        health: () => timed('health', () => provider.health()),
        grant: (plan: ExecutionPlan, ctx: ProviderCallContext) => timed('grant', () => provider.grant(plan, ctx)),
        revoke: (plan: ExecutionPlan, ctx: ProviderCallContext) => timed('revoke', () => provider.revoke(plan, ctx)),
        verify: (plan: ExecutionPlan, ctx: ProviderCallContext) => timed('verify', () => provider.verify(plan, ctx)),
        ...(provider.extend
            ? {
                  extend: (plan: ExecutionPlan, to: Date, ctx: ProviderCallContext) =>
                      timed('extend', () => provider.extend!(plan, to, ctx)),
              }
            : {}),
    }
}
