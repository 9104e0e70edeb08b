/**
 * The journal's durability barrier before every provider write (providers/durable.ts, journal.ts `sync`, issue 18):
 * with `synchronous=NORMAL` a commit is forced to disk only by the barrier, so a grant, revoke or extend call must
 * never start before it ran — the `calling` step is on disk before the provider can act. Reads pass straight through.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Journal } from '../src/journal/journal'
import { durableProvider } from '../src/providers/durable'
import type { Provider } from '../src/providers/types'
import { VirtualClock } from '../../test/support/virtual-clock'

const T0 = Date.UTC(2026, 0, 6, 10, 0, 0)

describe('durable provider', () => {
    it('forces the journal to disk before each grant, revoke and extend, never before a read', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'gbg-durable-'))
        const journal = Journal.open(join(dir, 'j.db'), { clock: new VirtualClock(T0) })
        try {
            // What each call saw when it started: the fsyncs so far.
            const seen: Record<string, number> = {}
            const inner: Provider = {
                name: 'fake',
                describe: () => ({ name: 'fake', baseUrl: 'https://fake.invalid', nativeExpiry: true }),
                health: async () => undefined,
                grant: async () => {
                    seen['grant'] = journal.syncCount()
                    return { txnIds: [], expiresAt: new Date(T0), nativeExpiry: true, alreadyDone: false, calls: [] }
                },
                revoke: async () => {
                    seen['revoke'] = journal.syncCount()
                    return { alreadyAbsent: false, calls: [] }
                },
                verify: async () => {
                    seen['verify'] = journal.syncCount()
                    return { present: false, evidence: {}, calls: [] }
                },
                extend: async () => {
                    seen['extend'] = journal.syncCount()
                    return { txnIds: [], expiresAt: new Date(T0), nativeExpiry: true, alreadyDone: false, calls: [] }
                },
            }
            const provider = durableProvider(inner, () => journal.sync())
            const plan = {} as Parameters<Provider['grant']>[0]
            journal.sync()

            // a grant: `calling` committed, then the call — the barrier ran in between
            journal.begin({ actionId: 'a1', grantId: 'g1', type: 'grant', attempts: 1 })
            journal.transition('a1', 'claimed', 'calling')
            const before = journal.syncCount()
            await provider.grant(plan, { idempotencyKey: 'a1' })
            expect(seen['grant']).toBe(before + 1)

            // a read after nothing new: no fsync at all
            await provider.verify(plan, { idempotencyKey: 'a1' })
            expect(seen['verify']).toBe(before + 1)

            // the revoke and the extension, each after a commit of its own
            journal.begin({ actionId: 'a2', grantId: 'g1', type: 'revoke', attempts: 1 })
            await provider.revoke(plan, { idempotencyKey: 'a2' })
            expect(seen['revoke']).toBe(before + 2)
            journal.transition('a2', 'claimed', 'calling')
            await provider.extend!(plan, new Date(T0), { idempotencyKey: 'a3' })
            expect(seen['extend']).toBe(before + 3)

            // a provider without extend stays without it (the worker then refuses the extension)
            const { extend: _none, ...plain } = inner
            expect(durableProvider(plain as Provider, () => journal.sync()).extend).toBeUndefined()
        } finally {
            journal.close()
            rmSync(dir, { recursive: true, force: true })
        }
    })
})
