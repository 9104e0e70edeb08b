/**
 * Leases on queue actions: the one place that knows the lease protocol. The claim guard (shared/src/claim-guard.ts,
 * run by the app's business rule) enforces it on the instance; this module is how the executor follows it.
 *
 * - claim: take a ready action for `leaseMs`, in this executor's name (attempts are counted at the claim);
 * - hold: the holder renews its lease every half lease while the action runs;
 * - sweep: any executor returns claimed actions whose lease expired to the queue (crashed or stuck executors);
 * - take back: an action we were working on (a resumed run, or a write-back refused because our lease lapsed while
 *   ServiceNow was unreachable). Our valid lease is kept; a lapsed one is released, then the action is claimed
 *   again; another executor's valid lease wins; a finished action needs nothing;
 * - release by the holder: the guard knows a writer only by the lease_owner it sends, so a release ('' as owner) of
 *   a lease that is still valid comes from "nobody" and is refused. The holder then ends its own lease first and
 *   returns the action to the queue after ({@link releaseLease}, which the gateway runs on its raw writes).
 */
import type { ExecutorEventBus } from '../events'
import type { Clock, Logger, QueueAction, ServiceNowGateway } from '../ports'
import { isServiceNowError } from '../servicenow/errors'
import { errorText } from '../transport'

/** What the lease protocol works with. */
export interface LeaseDeps {
    gateway: ServiceNowGateway
    clock: Clock
    events: ExecutorEventBus
    logger: Logger
    /** This executor's instance name: the lease owner. */
    instance: string
    /** Lease length; a holder renews every half lease. */
    leaseMs: number
}

/** What {@link Leases.takeBack} found, and did. */
export type TakeBack =
    /** Our lease is still valid: nothing was written. */
    | { kind: 'ours'; action: QueueAction }
    /** Claimed again (released first when our lapsed lease still sat on it), with a lease until `leaseUntil`. */
    | { kind: 'claimed'; action: QueueAction; leaseUntil: Date }
    /** Another executor holds a valid lease: not ours to take. */
    | { kind: 'held'; holder: string }
    /** Done, failed or dead: there is nothing to take. */
    | { kind: 'finished' }

/** The owner of a valid lease on `action` at `now`; '' when nobody holds one. */
export function leaseHolder(action: QueueAction, now: Date): string {
    const valid = action.leaseOwner !== '' && action.leaseUntil !== null && action.leaseUntil > now
    return valid ? action.leaseOwner : ''
}

/** The lease protocol of one executor. */
export class Leases {
    constructor(private readonly d: LeaseDeps) {}

    /**
     * Claim a ready action. Null when it could not be claimed: another executor got there first (`lease:lost`,
     * not an error) or ServiceNow failed (logged).
     */
    async claim(action: QueueAction): Promise<QueueAction | null> {
        const outcome = await this.tryClaim(action)
        return typeof outcome === 'string' ? null : outcome
    }

    /** As {@link claim}, telling a claim lost to another owner (`lost`) from a failed call (`failed`). */
    async tryClaim(action: QueueAction): Promise<QueueAction | 'lost' | 'failed'> {
        const leaseUntil = this.leaseFrom(this.d.clock.now())
        try {
            const claimed = await this.d.gateway.claimAction(action, this.d.instance, leaseUntil)
            this.announce(claimed, claimed.leaseUntil ?? leaseUntil, false)
            return claimed
        } catch (error) {
            if (isServiceNowError(error, 'lost_claim')) {
                this.d.events.emit('lease:lost', { ...refOf(action), stage: 'claim', error: errorText(error) })
                return 'lost'
            }
            this.d.logger.warn('claim failed', { action: action.sysId, error: errorText(error) })
            return 'failed'
        }
    }

    /** Renew the lease of a running action every half lease until stopped; a lost lease stops the renewals. */
    hold(action: QueueAction): { stop(): void } {
        const stop = new AbortController()
        const { clock, events, logger } = this.d
        const half = Math.max(1, Math.floor(this.d.leaseMs / 2))
        void (async () => {
            for (;;) {
                try {
                    await clock.sleep(half, stop.signal)
                } catch {
                    return
                }
                if (stop.signal.aborted) return
                try {
                    const leaseUntil = await this.renew(action.sysId)
                    events.emit('lease:renewed', { ...refOf(action), leaseUntil })
                } catch (error) {
                    if (isServiceNowError(error, 'lost_claim')) {
                        events.emit('lease:lost', { ...refOf(action), stage: 'renew', error: errorText(error) })
                        logger.error('lost the lease of a running action', {
                            action: action.sysId,
                            error: errorText(error),
                        })
                        return
                    }
                    logger.warn('lease renewal failed; will retry', { action: action.sysId, error: errorText(error) })
                }
            }
        })()
        return { stop: () => stop.abort() }
    }

    /**
     * The sweeper: return claimed actions whose lease expired (crashed or stuck executors) to the queue, up to
     * `limit`, leaving alone those `running` names (ours, still running). Returns how many went back.
     */
    async sweep(
        limit: number,
        running: (sysId: string) => boolean,
        listed?: readonly QueueAction[],
        released?: QueueAction[],
    ): Promise<number> {
        const { gateway, clock, logger } = this.d
        let swept = 0
        try {
            const expired = listed ?? (await gateway.listExpiredLeases(clock.now(), limit))
            for (const action of expired) {
                if (running(action.sysId)) continue
                try {
                    await this.release(action.sysId)
                    released?.push({ ...action, state: 'ready', leaseOwner: '', leaseUntil: null })
                    swept++
                } catch (error) {
                    if (!isServiceNowError(error, 'lost_claim'))
                        logger.warn('sweep failed', { action: action.sysId, error: errorText(error) })
                }
            }
        } catch (error) {
            logger.warn('listing expired leases failed', { error: errorText(error) })
        }
        return swept
    }

    /**
     * Take back an action we were working on: keep our valid lease; when it lapsed, release the action (if our
     * lease still sits on it), then claim it again. ServiceNow errors (a lost race included) are thrown.
     */
    async takeBack(action: QueueAction): Promise<TakeBack> {
        if (action.state !== 'ready' && action.state !== 'claimed') return { kind: 'finished' }
        const now = this.d.clock.now()
        const holder = leaseHolder(action, now)
        if (holder === this.d.instance) return { kind: 'ours', action }
        if (holder !== '') return { kind: 'held', holder }
        let claimable = action
        if (action.state === 'claimed') {
            await this.release(action.sysId)
            claimable = { ...action, state: 'ready', leaseOwner: '', leaseUntil: null }
        }
        const leaseUntil = this.leaseFrom(now)
        const claimed = await this.d.gateway.claimAction(claimable, this.d.instance, leaseUntil)
        return { kind: 'claimed', action: claimed, leaseUntil }
    }

    /**
     * Resume: take back an action the journal had under way, renewing our lease when it is still valid. Null when
     * it is not ours to run (another executor's lease, finished, or ServiceNow failed: logged).
     */
    async retake(action: QueueAction): Promise<QueueAction | null> {
        try {
            const taken = await this.takeBack(action)
            switch (taken.kind) {
                case 'ours':
                    return { ...action, leaseUntil: await this.renew(action.sysId) }
                case 'claimed':
                    this.announce(taken.action, taken.leaseUntil, true)
                    return taken.action
                default:
                    return null
            }
        } catch (error) {
            this.d.logger.warn('resume: could not take the action back', {
                action: action.sysId,
                error: errorText(error),
            })
            return null
        }
    }

    /** Extend our lease from now; returns its new end. */
    private async renew(sysId: string): Promise<Date> {
        const leaseUntil = this.leaseFrom(this.d.clock.now())
        await this.d.gateway.updateAction(sysId, { leaseUntil })
        return leaseUntil
    }

    /** Return an action to the queue: state ready, no owner, no lease. */
    private release(sysId: string): Promise<void> {
        return this.d.gateway.updateAction(sysId, { state: 'ready', leaseOwner: '', leaseUntil: null })
    }

    private leaseFrom(now: Date): Date {
        return new Date(now.getTime() + this.d.leaseMs)
    }

    private announce(claimed: QueueAction, leaseUntil: Date, resumed: boolean): void {
        this.d.events.emit('action:claimed', { ...refOf(claimed), attempts: claimed.attempts, leaseUntil, resumed })
    }
}

/** The raw writes a release is made of (the gateway's Table API patches), for {@link releaseLease}. */
export interface ReleaseWrites {
    /** The release as asked: state ready, no lease owner (with whatever else the patch carries). */
    release(): Promise<unknown>
    /** The rest of the patch (no state), written as the lease holder, with the lease ending at `leaseUntil`. */
    endOwnLease(leaseUntil: Date): Promise<unknown>
    /** Return the action to the queue: state ready, no owner, no lease. */
    requeue(): Promise<unknown>
}

/** How far in the past a holder ends its own lease: a clock running a little ahead of the instance's still ends it. */
const OWN_LEASE_END_MS = 60_000

/**
 * Release an action. The sweeper's release of an expired lease (and the holder's of its lapsed one) goes through
 * at once. A holder releasing its own still-valid lease is refused (`lost_claim`: '' names nobody), so it ends its
 * lease as the holder, with the rest of the patch, then returns the action to the queue, which the guard allows
 * for an expired lease. Refused at that first step: the lease is not ours.
 */
export async function releaseLease(writes: ReleaseWrites, now: () => Date): Promise<void> {
    try {
        await writes.release()
        return
    } catch (error) {
        if (!isServiceNowError(error, 'lost_claim')) throw error
    }
    await writes.endOwnLease(new Date(now().getTime() - OWN_LEASE_END_MS))
    await writes.requeue()
}

function refOf(a: QueueAction): { actionSysId: string; grantSysId: string; type: string } {
    return { actionSysId: a.sysId, grantSysId: a.grantSysId, type: a.type }
}
