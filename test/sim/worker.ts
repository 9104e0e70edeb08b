/**
 * A simulator worker process (`--workers N`, parallel.ts): runs whole worlds on request, one at a time, and sends
 * each world's result back. Exits on 'exit' or when the parent goes away.
 *
 * Test / dev code only.
 */
import type { WorkReply, WorkRequest } from './parallel'
import { runWorldSpec } from './run'

let busy: Promise<void> = Promise.resolve()

process.on('message', (message: WorkRequest | 'exit') => {
    if (message === 'exit') {
        void busy.then(() => process.exit(0))
        return
    }
    busy = busy.then(async () => {
        let reply: WorkReply
        try {
            const result = await runWorldSpec(message.spec, message.options)
            reply = { ok: true, result }
        } catch (error) {
            reply = { ok: false, index: message.spec.index, error: (error as Error).stack ?? String(error) }
        }
        process.send!(reply)
    })
})
process.on('disconnect', () => process.exit(0))
