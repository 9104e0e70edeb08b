/**
 * Typed executor events: the one seam logs, metrics, the demo timeline and tests subscribe to. The worker only
 * emits; it never knows who listens. A listener that throws is isolated (reported through `listener:error`
 * when someone listens to that, otherwise swallowed) so a metrics bug can never break a grant or a revoke.
 */
import type { ActionType } from '@gbg/shared'
import { errorText } from './transport'

/** Common fields of every action-scoped event. */
export interface ActionRef {
    actionSysId: string
    grantSysId: string
    type: ActionType | string
}

/** Why the worker left a ready action alone this round. */
export type SkipReason = 'ordering' | 'in_flight' | 'grant_busy' | 'capacity'

/** Every event with its payload. */
export interface ExecutorEvents {
    'worker:started': { instance: string }
    'worker:stopped': { instance: string; forced: boolean }
    /** One poll round finished (`ready` actions seen, `claimed` of them). */
    'worker:polled': { at: Date; ready: number; claimed: number; ok: boolean }
    'worker:error': { stage: string; error: string }
    'action:claimed': ActionRef & { attempts: number; leaseUntil: Date; resumed: boolean }
    'action:skipped': ActionRef & { reason: SkipReason }
    'action:done': ActionRef
    /** The action goes back to the queue with `notBefore` (retryable failure). */
    'action:retry': ActionRef & { attempts: number; notBefore: Date; error: string }
    'action:failed': ActionRef & { error: string }
    'action:dead': ActionRef & { error: string }
    'action:resumed': ActionRef & { step: string }
    'grant:calling': ActionRef & { provider: string }
    'grant:active': ActionRef & { provider: string; txnIds: string[]; expiresAt: Date; alreadyDone: boolean }
    'grant:failed': ActionRef & { provider: string; kind: string; error: string }
    'grant:halted': ActionRef & { provider: string; error: string }
    /** A grant whose outcome was unknown was reconciled by reading the provider. */
    'grant:reconciled': ActionRef & { provider: string; present: boolean }
    'revoke:calling': ActionRef & { provider: string; local: boolean }
    'revoke:done': ActionRef & { provider: string; alreadyAbsent: boolean; local: boolean; retainedFor: string[] }
    'revoke:failed': ActionRef & { provider: string; error: string; failures: number }
    'verify:done': ActionRef & { provider: string; present: boolean }
    'recheck:refused': ActionRef & { code: string; reason: string; malformed: boolean }
    'recheck:passed': ActionRef
    'incident:raised': { grantSysId: string; kind: string; priority: 1 | 2; sysId: string; number: string }
    'lease:lost': ActionRef & { stage: string; error: string }
    'lease:renewed': ActionRef & { leaseUntil: Date }
    'timer:armed': { grantSysId: string; dueAt: Date }
    'timer:fired': { grantSysId: string; dueAt: Date; local: boolean }
    'writeback:done': { outboxId: number; kind: string; grantSysId: string; actionSysId: string }
    'writeback:failed': {
        outboxId: number
        kind: string
        grantSysId: string
        actionSysId: string
        error: string
        attempts: number
        /** True when the item will not be retried (a non-retryable ServiceNow error). */
        final: boolean
    }
    /** An outbox item is still undelivered past the configured bound (ops hook; it keeps being retried). */
    'writeback:bound_exceeded': {
        outboxId: number
        kind: string
        grantSysId: string
        actionSysId: string
        ageMs: number
        attempts: number
        error: string
    }
    'listener:error': { event: string; error: string }
}

/** Name of an event. */
export type ExecutorEventName = keyof ExecutorEvents

/** A listener of event `K`. */
export type Listener<K extends ExecutorEventName> = (payload: ExecutorEvents[K]) => void

/** Typed emitter. `on` returns the unsubscribe function; `next` is an awaitable hook for tests. */
export class ExecutorEventBus {
    private readonly listeners = new Map<ExecutorEventName, Set<(payload: never) => void>>()
    private readonly anyListeners = new Set<(name: ExecutorEventName, payload: unknown) => void>()

    /** Subscribe to `name`; returns the function that unsubscribes. */
    on<K extends ExecutorEventName>(name: K, listener: Listener<K>): () => void {
        let set = this.listeners.get(name)
        if (!set) {
            set = new Set()
            this.listeners.set(name, set)
        }
        set.add(listener as (payload: never) => void)
        return () => set!.delete(listener as (payload: never) => void)
    }

    /** Subscribe to every event (timelines, debug logging); returns the unsubscribe function. */
    onAny(listener: (name: ExecutorEventName, payload: unknown) => void): () => void {
        this.anyListeners.add(listener)
        return () => this.anyListeners.delete(listener)
    }

    /** Resolve with the next `name` event whose payload satisfies `predicate` (default: any). */
    next<K extends ExecutorEventName>(
        name: K,
        predicate: (payload: ExecutorEvents[K]) => boolean = () => true,
    ): Promise<ExecutorEvents[K]> {
        return new Promise((resolve) => {
            const off = this.on(name, (payload) => {
                if (!predicate(payload)) return
                off()
                resolve(payload)
            })
        })
    }

    /** Emit synchronously to every listener; listener failures are isolated. */
    emit<K extends ExecutorEventName>(name: K, payload: ExecutorEvents[K]): void {
        const set = this.listeners.get(name)
        if (set) {
            for (const listener of [...set]) this.safeCall(name, () => (listener as Listener<K>)(payload))
        }
        for (const listener of [...this.anyListeners]) this.safeCall(name, () => listener(name, payload))
    }

    private safeCall(name: ExecutorEventName, fn: () => void): void {
        try {
            fn()
        } catch (error) {
            if (name === 'listener:error') return
            this.emit('listener:error', { event: name, error: errorText(error) })
        }
    }
}
