/**
 * In-memory provider for worker tests. It keeps real state (who has which access), honours the idempotency key
 * like a well-behaved provider (a repeated grant with the same key is `alreadyDone`, never a second grant), and
 * can be scripted to fail, to apply a grant and then lose the response, or to block a call until released.
 */
import type { Clock } from '../../src/ports'
import {
    ProviderError,
    type GrantResult,
    type Provider,
    type ProviderCallContext,
    type ProviderDescription,
    type RevokeResult,
    type VerifyResult,
} from '../../src/providers/types'
import type { ExecutionPlan, ProviderName } from '@gbg/shared'

/** Provider operations. */
export type ProviderOp = 'grant' | 'revoke' | 'verify'

/** A scripted outcome of the next call of an operation. */
export type ScriptStep =
    | { throw: ProviderError | Error }
    /** Apply the operation, then throw (a lost response). */
    | { applyThenThrow: ProviderError | Error }
    /** (revoke) Pretend to succeed without removing anything. */
    | { noEffect: true }
    /** Apply the operation, then never answer until the call is aborted (the executor died mid-call). */
    | { applyThenHang: true }

interface Held {
    txnIds: string[]
    expiresAt: Date
    idempotencyKey: string
}

/** A blocked call: `entered` resolves when the call arrives; `release()` lets it continue. */
export interface Gate {
    entered: Promise<void>
    release(): void
}

/** The fake provider. */
export class FakeProvider implements Provider {
    readonly held = new Map<string, Held>()
    /** Grants actually applied (a second grant of the same key would count twice). */
    applied = 0
    readonly calls: { op: ProviderOp; idempotencyKey: string; at: Date }[] = []
    private readonly scripts: Record<ProviderOp, ScriptStep[]> = { grant: [], revoke: [], verify: [] }
    private readonly gates: Record<ProviderOp, { entered: () => void; wait: Promise<void> }[]> = {
        grant: [],
        revoke: [],
        verify: [],
    }
    private txn = 0
    private appliedWaiters: { n: number; resolve: () => void }[] = []

    /** Resolves once `n` grants have been applied in total. */
    whenApplied(n = 1): Promise<void> {
        if (this.applied >= n) return Promise.resolve()
        return new Promise((resolve) => this.appliedWaiters.push({ n, resolve }))
    }

    private noteApplied(): void {
        this.applied++
        const ready = this.appliedWaiters.filter((w) => this.applied >= w.n)
        this.appliedWaiters = this.appliedWaiters.filter((w) => this.applied < w.n)
        for (const w of ready) w.resolve()
    }

    constructor(
        readonly clock: Pick<Clock, 'now'>,
        readonly name: ProviderName = 'webhook',
        readonly nativeExpiry = false,
    ) {}

    describe(): ProviderDescription {
        return { name: this.name, baseUrl: 'https://fake.invalid', nativeExpiry: this.nativeExpiry }
    }

    async health(): Promise<void> {}

    /** Script the next calls of `op`. */
    script(op: ProviderOp, ...steps: ScriptStep[]): void {
        this.scripts[op].push(...steps)
    }

    /** Block the next call of `op` until released. */
    block(op: ProviderOp): Gate {
        let entered!: () => void
        const enteredP = new Promise<void>((r) => (entered = r))
        let release!: () => void
        const wait = new Promise<void>((r) => (release = r))
        this.gates[op].push({ entered, wait })
        return { entered: enteredP, release }
    }

    /** Number of calls of `op`. */
    count(op: ProviderOp): number {
        return this.calls.filter((c) => c.op === op).length
    }

    /** True when the plan's principal holds the plan's access. */
    has(plan: ExecutionPlan): boolean {
        return this.held.has(keyOf(plan))
    }

    private async enter(op: ProviderOp, ctx: ProviderCallContext): Promise<ScriptStep | undefined> {
        this.calls.push({ op, idempotencyKey: ctx.idempotencyKey, at: this.clock.now() })
        const gate = this.gates[op].shift()
        if (gate) {
            gate.entered()
            await new Promise<void>((resolve, reject) => {
                void gate.wait.then(resolve)
                ctx.signal?.addEventListener('abort', () => reject(new ProviderError('unknown_outcome', 'aborted')), {
                    once: true,
                })
            })
        }
        const step = this.scripts[op].shift()
        if (step && 'throw' in step) throw step.throw
        return step
    }

    async grant(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<GrantResult> {
        const step = await this.enter('grant', ctx)
        const key = keyOf(plan)
        const existing = this.held.get(key)
        let result: GrantResult
        if (existing && existing.idempotencyKey === ctx.idempotencyKey) {
            result = {
                txnIds: existing.txnIds,
                expiresAt: existing.expiresAt,
                nativeExpiry: this.nativeExpiry,
                alreadyDone: true,
                calls: [],
            }
        } else {
            const txnIds = [`txn-${++this.txn}`]
            const expiresAt = new Date(this.clock.now().getTime() + plan.durationMinutes * 60_000)
            this.held.set(key, { txnIds, expiresAt, idempotencyKey: ctx.idempotencyKey })
            this.noteApplied()
            result = {
                txnIds,
                expiresAt,
                nativeExpiry: this.nativeExpiry,
                alreadyDone: false,
                calls: [
                    {
                        method: 'POST',
                        url: 'https://fake.invalid/grants',
                        status: 201,
                        requestBody: { account: plan.target.account, token: 'secret-token' },
                    },
                ],
                notes: ['Sign out and in again to pick up the new rights.'],
            }
        }
        if (step && 'applyThenThrow' in step) throw step.applyThenThrow
        if (step && 'applyThenHang' in step) {
            await new Promise<void>((_, reject) => {
                const fail = () => reject(new ProviderError('unknown_outcome', 'connection dropped (fake)'))
                if (ctx.signal?.aborted) fail()
                ctx.signal?.addEventListener('abort', fail, { once: true })
            })
        }
        return result
    }

    async revoke(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<RevokeResult> {
        const step = await this.enter('revoke', ctx)
        if (step && 'noEffect' in step) return { alreadyAbsent: false, calls: [] }
        const key = keyOf(plan)
        const had = this.held.delete(key)
        if (step && 'applyThenThrow' in step) throw step.applyThenThrow
        return {
            alreadyAbsent: !had,
            calls: [{ method: 'DELETE', url: 'https://fake.invalid/grants', status: had ? 204 : 404 }],
        }
    }

    async verify(plan: ExecutionPlan, ctx: ProviderCallContext): Promise<VerifyResult> {
        await this.enter('verify', ctx)
        const held = this.held.get(keyOf(plan))
        return {
            present: held !== undefined,
            ...(held ? { expiresAt: held.expiresAt } : {}),
            evidence: { account: plan.target.account, present: held !== undefined, txnIds: held ? held.txnIds : [] },
            calls: [{ method: 'GET', url: 'https://fake.invalid/grants', status: 200 }],
        }
    }
}

function keyOf(plan: ExecutionPlan): string {
    return `${plan.principal.userSysId}|${plan.target.kind}|${plan.target.account ?? plan.target.roleId ?? plan.target.groupId ?? ''}`
}
