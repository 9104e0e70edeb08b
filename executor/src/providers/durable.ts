/**
 * The journal's durability barrier in front of every provider WRITE (issue 18): `barrier` (Journal.sync) runs right
 * before each grant, revoke and extend call, so the `calling` step and everything journaled before it are on disk
 * before the provider can act — what `synchronous=FULL` gave at every commit, for one fsync per call instead of one
 * per commit (journal/journal.ts). Reads (verify, health) pass straight through.
 */
import type { ExecutionPlan } from '@gbg/shared'
import type { Provider, ProviderCallContext } from './types'

/** `provider` with `barrier` run before each of its writes. */
export function durableProvider(provider: Provider, barrier: () => void): Provider {
    const durable = <T>(call: () => Promise<T>): Promise<T> => {
        barrier()
        return call()
    }
    return {
        get name() {
            return provider.name
        },
        describe: () => provider.describe(),
        health: () => provider.health(),
        grant: (plan: ExecutionPlan, ctx: ProviderCallContext) => durable(() => provider.grant(plan, ctx)),
        revoke: (plan: ExecutionPlan, ctx: ProviderCallContext) => durable(() => provider.revoke(plan, ctx)),
        verify: (plan: ExecutionPlan, ctx: ProviderCallContext) => provider.verify(plan, ctx),
        ...(provider.extend
            ? {
                  extend: (plan: ExecutionPlan, to: Date, ctx: ProviderCallContext) =>
                      durable(() => provider.extend!(plan, to, ctx)),
              }
            : {}),
    }
}
