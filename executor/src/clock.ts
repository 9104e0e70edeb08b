/**
 * Clocks: the system clock for production and a fake clock for tests (time only moves when the test says so,
 * so backoff, leases and expiry are tested without sleeping).
 */
import type { Clock } from './ports'

function abortError(signal: AbortSignal): Error {
    const reason: unknown = signal.reason
    if (reason instanceof Error) return reason
    const error = new Error('The operation was aborted')
    error.name = 'AbortError'
    return error
}

/**
 * The real clock. `sleep` resolves after `ms` (negative → 0) or rejects with the signal's reason (an
 * `AbortError`) when `signal` aborts first, so a shutting-down worker is not held by a pending backoff.
 */
export const systemClock: Clock = {
    now: () => new Date(),
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
        return new Promise((resolve, reject) => {
            if (signal?.aborted) {
                reject(abortError(signal))
                return
            }
            const onAbort = (): void => {
                clearTimeout(timer)
                reject(abortError(signal!))
            }
            const timer = setTimeout(
                () => {
                    signal?.removeEventListener('abort', onAbort)
                    resolve()
                },
                Math.max(0, ms),
            )
            signal?.addEventListener('abort', onAbort, { once: true })
        })
    },
}

interface Sleeper {
    wakeAt: number
    seq: number
    resolve: () => void
}

/**
 * A clock that only moves on {@link FakeClock.advance} / {@link FakeClock.set}. Sleepers wake in order of their
 * wake-up time (ties: in the order they started sleeping), and `now()` reads each sleeper's wake-up time while
 * it resumes, so code that sleeps in a loop sees time move in the steps it asked for.
 */
export class FakeClock implements Clock {
    private current: number
    private seq = 0
    private sleepers: Sleeper[] = []
    private waiters: { count: number; resolve: () => void }[] = []

    /** @param start initial time. @defaultValue 2025-01-01T00:00:00Z */
    constructor(start: Date | number = Date.UTC(2025, 0, 1)) {
        this.current = typeof start === 'number' ? start : start.getTime()
    }

    now(): Date {
        return new Date(this.current)
    }

    sleep(ms: number, signal?: AbortSignal): Promise<void> {
        return new Promise((resolve, reject) => {
            if (signal?.aborted) {
                reject(abortError(signal))
                return
            }
            const sleeper: Sleeper = { wakeAt: this.current + Math.max(0, ms), seq: this.seq++, resolve: () => {} }
            const onAbort = (): void => {
                this.sleepers = this.sleepers.filter((s) => s !== sleeper)
                reject(abortError(signal!))
            }
            sleeper.resolve = () => {
                signal?.removeEventListener('abort', onAbort)
                resolve()
            }
            signal?.addEventListener('abort', onAbort, { once: true })
            this.sleepers.push(sleeper)
            this.notifyWaiters()
        })
    }

    /** Number of pending sleepers. */
    get pending(): number {
        return this.sleepers.length
    }

    /** Durations (ms from now) the pending sleepers still have to wait, soonest first. */
    pendingDelays(): number[] {
        return this.sorted().map((s) => s.wakeAt - this.current)
    }

    /** Resolves once at least `count` sleepers are pending (an awaitable hook instead of a real sleep). */
    whenSleeping(count = 1): Promise<void> {
        if (this.sleepers.length >= count) return Promise.resolve()
        return new Promise((resolve) => this.waiters.push({ count, resolve }))
    }

    /**
     * Move time forward by `ms`, waking every sleeper due on the way, in order. Resolves after each woken sleeper
     * had a chance to run (and possibly sleep again within the window, which is then honoured too).
     */
    async advance(ms: number): Promise<void> {
        if (!(ms >= 0)) throw new Error('FakeClock.advance: ms must be >= 0')
        const target = this.current + ms
        for (;;) {
            const next = this.sorted()[0]
            if (!next || next.wakeAt > target) break
            this.sleepers = this.sleepers.filter((s) => s !== next)
            this.current = Math.max(this.current, next.wakeAt)
            next.resolve()
            await flushMicrotasks()
        }
        this.current = target
        await flushMicrotasks()
    }

    /** Jump to `date` (forward only), waking sleepers as {@link advance} does. */
    async set(date: Date): Promise<void> {
        await this.advance(Math.max(0, date.getTime() - this.current))
    }

    private sorted(): Sleeper[] {
        return [...this.sleepers].sort((a, b) => a.wakeAt - b.wakeAt || a.seq - b.seq)
    }

    private notifyWaiters(): void {
        const ready = this.waiters.filter((w) => this.sleepers.length >= w.count)
        this.waiters = this.waiters.filter((w) => this.sleepers.length < w.count)
        for (const w of ready) w.resolve()
    }
}

/** Let pending promise continuations run (several turns, as chains of awaits need one turn each). */
async function flushMicrotasks(): Promise<void> {
    for (let i = 0; i < 10; i++) await Promise.resolve()
    await new Promise<void>((resolve) => setImmediate(resolve))
}
