/**
 * Provider pacing (issue 18): the executor's real ceiling is the provider's write limit, not a small fixed number of
 * actions in flight. Each provider gets a token bucket of `writesPerSecond` (GBG_PROVIDER_WRITES_PER_SECOND; Microsoft
 * Graph allows 3,000 writes per 150 s per app and tenant, 20 / s — contracts/microsoft-graph.md "Throttling"), taken
 * by every grant and revoke call; reads (verify, health) are not paced. A revoke never waits for a token (it takes one
 * on credit, so the grants behind it yield): access is removed at expiry whatever the grant backlog. A retryable
 * failure with Retry-After (429, 503) empties the bucket until then, and every caller — revokes too — honours it,
 * not only the one that was told.
 */
import type { ExecutionPlan } from '@gbg/shared'
import type { Clock } from '../ports'
import { ProviderError, type Provider, type ProviderCallContext } from './types'

/** Pacing of one provider. */
export interface PaceSettings {
    /** Grant and revoke calls per second; 0 turns pacing off. */
    writesPerSecond: number
}

/** A token bucket; revokes take their token at once (on credit), grants queue for theirs. */
export class WritePacer {
    private tokens: number
    private lastMs: number
    private pausedUntilMs = 0
    private readonly waiters: Array<() => void> = []
    private timer: Promise<void> | null = null
    private readonly burst: number

    constructor(
        private readonly rate: number,
        private readonly clock: Clock,
    ) {
        this.burst = Math.max(1, rate)
        this.tokens = this.burst
        this.lastMs = clock.now().getTime()
    }

    /** Wait for a token: a grant queues for one; a revoke waits only for a provider's Retry-After. */
    async take(revoke: boolean): Promise<void> {
        if (revoke) {
            const wait = this.pausedUntilMs - this.clock.now().getTime()
            if (wait > 0) await this.clock.sleep(wait)
            this.available()
            this.tokens -= 1
            return
        }
        if (this.waiters.length === 0 && this.available() >= 1) {
            this.tokens -= 1
            return
        }
        await new Promise<void>((resolve) => {
            this.waiters.push(resolve)
            this.schedule()
        })
    }

    /** No token until `untilMs` (a provider's Retry-After). */
    pause(untilMs: number): void {
        if (untilMs <= this.pausedUntilMs) return
        this.pausedUntilMs = untilMs
        this.tokens = Math.min(this.tokens, 0)
    }

    private available(): number {
        const now = this.clock.now().getTime()
        if (now < this.pausedUntilMs) {
            this.lastMs = Math.max(this.lastMs, now)
            return 0
        }
        const from = Math.max(this.lastMs, this.pausedUntilMs)
        this.tokens = Math.min(this.burst, this.tokens + ((now - from) * this.rate) / 1000)
        this.lastMs = now
        return this.tokens
    }

    /** Serve waiters as tokens come, sleeping until the next one. */
    private schedule(): void {
        if (this.timer) return
        this.timer = (async () => {
            while (this.waiters.length > 0) {
                if (this.available() >= 1) {
                    this.tokens -= 1
                    this.waiters.shift()!()
                    continue
                }
                const now = this.clock.now().getTime()
                const refill = Math.ceil(((1 - this.tokens) * 1000) / this.rate)
                const wait = Math.max(1, this.pausedUntilMs - now, now < this.pausedUntilMs ? 0 : refill)
                await this.clock.sleep(wait)
            }
        })().finally(() => {
            this.timer = null
        })
    }
}

/**
 * `provider` with its grant and revoke calls paced by `settings` (no pacing at 0). A retryable provider error with
 * Retry-After pauses the bucket for every caller; the error still reaches the worker, which retries as before.
 */
export function pacedProvider(provider: Provider, settings: PaceSettings, clock: Clock): Provider {
    if (!(settings.writesPerSecond > 0)) return provider
    const pacer = new WritePacer(settings.writesPerSecond, clock)
    const paced = async <T>(revoke: boolean, call: () => Promise<T>): Promise<T> => {
        await pacer.take(revoke)
        try {
            return await call()
        } catch (error) {
            if (error instanceof ProviderError && error.kind === 'retryable' && error.retryAfterMs !== undefined)
                pacer.pause(clock.now().getTime() + error.retryAfterMs)
            throw error
        }
    }
    return {
        get name() {
            return provider.name
        },
        describe: () => provider.describe(),
        health: () => provider.health(),
        grant: (plan: ExecutionPlan, ctx: ProviderCallContext) => paced(false, () => provider.grant(plan, ctx)),
        revoke: (plan: ExecutionPlan, ctx: ProviderCallContext) => paced(true, () => provider.revoke(plan, ctx)),
        verify: (plan: ExecutionPlan, ctx: ProviderCallContext) => provider.verify(plan, ctx),
        // An extension is a write at the provider (Entra adminExtend): paced like a grant.
        ...(provider.extend
            ? {
                  extend: (plan: ExecutionPlan, to: Date, ctx: ProviderCallContext) =>
                      paced(false, () => provider.extend!(plan, to, ctx)),
              }
            : {}),
    }
}
