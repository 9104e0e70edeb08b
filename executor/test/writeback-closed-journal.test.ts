/**
 * WriteBack.flush "never throws" — also when the journal is already closed: a pass still queued when the service
 * was force-stopped (a crash of a replica in the simulator, docs/simulation.md) must not become an unhandled
 * rejection that ends the process. Found by the simulator's long run (seed long-1): a worker process died with
 * "The database connection is not open" from the flush's own error path.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { VirtualClock } from '../../test/support/virtual-clock'
import { ExecutorEventBus } from '../src/events'
import { Journal } from '../src/journal/journal'
import { createLogger } from '../src/log'
import { WriteBack, type WriteBackOptions } from '../src/writeback'

describe('write-back on a closed journal', () => {
    let dir = ''
    afterEach(() => rmSync(dir, { recursive: true, force: true }))

    it('flush resolves (nothing delivered, nothing counted) instead of rejecting', async () => {
        // setup: a journal closed under the write-back, as a force stop leaves it
        dir = mkdtempSync(join(tmpdir(), 'gbg-wb-closed-'))
        const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0))
        const journal = Journal.open(join(dir, 'j.db'), { clock })
        const logged: string[] = []
        const logger = createLogger({ level: 'error' })
        logger.on('data', (info: { message: string }) => logged.push(info.message))
        const writeBack = new WriteBack({
            journal,
            clock,
            logger,
            events: new ExecutorEventBus(),
            random: () => 0.5,
        } as unknown as WriteBackOptions)
        journal.close()

        // execution
        const report = await writeBack.flush()

        // validation: a report, and the failure is logged
        expect(report).toEqual({ delivered: 0, failed: 0, pending: 0 })
        expect(logged).toContain('write-back pass failed')
    })
})
