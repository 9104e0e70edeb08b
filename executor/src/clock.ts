/**
 * The system clock: the one clock of production. Tests use the virtual clock in test/support/virtual-clock.ts
 * (time only moves when the test says so, so backoff, leases and expiry are tested without sleeping).
 */
import type { Clock } from './ports'

export function abortError(signal: AbortSignal): Error {
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
