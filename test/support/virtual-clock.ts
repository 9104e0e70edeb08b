/**
 * The virtual clock of every test: the executor (in process), the emulators (`now`), the app's modules on the
 * Glide fake and the test itself read this one clock, and time moves only when the test says so. Sleepers wake
 * in order of their wake-up time (ties: in the order they started sleeping), and `now()` reads each sleeper's
 * wake-up time while it resumes, so code that sleeps in a loop sees time move in the steps it asked for.
 *
 * Test code only: production runs on `systemClock` (executor/src/clock.ts).
 */
import { abortError } from '@gbg/executor/src/clock'
import type { Clock } from '@gbg/executor/src/ports'

interface Sleeper {
    wakeAt: number
    seq: number
    resolve: () => void
}

export class VirtualClock implements Clock {
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

    /** `now()` in epoch milliseconds. */
    nowMs(): number {
        return this.current
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

    /** Epoch ms of the next wake-up, or undefined when nobody sleeps. */
    nextWakeAt(): number | undefined {
        return this.sorted()[0]?.wakeAt
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
        if (!(ms >= 0)) throw new Error('VirtualClock.advance: ms must be >= 0')
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
    async set(date: Date | number): Promise<void> {
        const at = typeof date === 'number' ? date : date.getTime()
        await this.advance(Math.max(0, at - this.current))
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
export async function flushMicrotasks(): Promise<void> {
    for (let i = 0; i < 10; i++) await Promise.resolve()
    await new Promise<void>((resolve) => setImmediate(resolve))
}
