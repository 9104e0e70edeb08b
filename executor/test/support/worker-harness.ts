/**
 * Wiring of a worker over the fake ServiceNow, the fake provider, a VirtualClock and a real journal file in a temp
 * dir — plus `restart()`, which builds a NEW worker over the same journal file (a crash / restart).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { VirtualClock } from '../../../test/support/virtual-clock'
import type { ExecutorEventName } from '../../src/events'
import { Journal } from '../../src/journal/journal'
import type { WorkerOptions } from '../../src/worker/options'
import { Worker } from '../../src/worker/worker'
import { FakeServiceNow } from './fake-gateway'
import { FakeProvider } from './fake-provider'

/** One recorded event. */
export interface Recorded {
    name: ExecutorEventName
    payload: Record<string, unknown>
}

/** A wired worker. */
export interface Harness {
    clock: VirtualClock
    dir: string
    journal: Journal
    sn: FakeServiceNow
    provider: FakeProvider
    worker: Worker
    events: Recorded[]
    /** One worker round, then wait for every run it started. */
    round(): Promise<void>
    /** Names of the recorded events (optionally only those starting with `prefix`). */
    names(prefix?: string): string[]
    /** A new worker over the same journal file, ServiceNow, provider and clock (the old one is abandoned). */
    restart(options?: Partial<WorkerOptions>): Harness
    /** Close the journal and delete the temp dir. */
    cleanup(): void
}

/** Default worker options of the tests: deterministic jitter, short bounds. */
export const TEST_OPTIONS: WorkerOptions = {
    instance: 'exec-1',
    host: 'test-host',
    pollIntervalMs: 5_000,
    maxInFlight: 4,
    leaseMs: 60_000,
    random: () => 0,
    grantBackoff: { baseMs: 30_000, maxMs: 600_000, jitter: 0.2 },
    revokeBackoff: { baseMs: 10_000, maxMs: 60_000, jitter: 0.2 },
    writebackBackoff: { baseMs: 5_000, maxMs: 60_000, jitter: 0.2 },
    writebackBoundMs: 120_000,
    revokeEscalateAfterFailures: 3,
    localRevokeGraceMs: 30_000,
    verifyDelayMs: 60_000,
}

/** Build a harness. */
export function makeHarness(
    options: Partial<WorkerOptions> = {},
    shared: { clock?: VirtualClock; dir?: string; sn?: FakeServiceNow; provider?: FakeProvider } = {},
): Harness {
    const clock = shared.clock ?? new VirtualClock(Date.UTC(2025, 0, 6, 10, 0, 0))
    const dir = shared.dir ?? mkdtempSync(join(tmpdir(), 'gbg-worker-'))
    const journal = Journal.open(join(dir, 'journal.db'), { clock })
    const sn = shared.sn ?? new FakeServiceNow(clock)
    const provider = shared.provider ?? new FakeProvider(clock)
    const merged: WorkerOptions = { ...TEST_OPTIONS, ...options }
    const worker = new Worker(
        { gateway: sn.gateway(merged.instance), journal, providers: new Map([[provider.name, provider]]), clock },
        merged,
    )
    const events: Recorded[] = []
    worker.events.onAny((name, payload) => events.push({ name, payload: payload as Record<string, unknown> }))
    const h: Harness = {
        clock,
        dir,
        journal,
        sn,
        provider,
        worker,
        events,
        async round() {
            await worker.tick()
            await worker.idle()
        },
        names(prefix = '') {
            return events.map((e) => e.name).filter((n) => n.startsWith(prefix))
        },
        restart(more = {}) {
            journal.close()
            return makeHarness({ ...merged, ...more }, { clock, dir, sn, provider })
        },
        cleanup() {
            journal.close()
            rmSync(dir, { recursive: true, force: true })
        },
    }
    return h
}
