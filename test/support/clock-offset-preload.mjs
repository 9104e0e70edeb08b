/**
 * Loaded with `node --import` into an executor CHILD process by tests where the process boundary is the point
 * (kill -9 and restart on the same journal). It shifts the wall clock — `Date.now()` and `new Date()` — by the
 * number of milliseconds written in the file named by E2E_CLOCK_OFFSET_FILE, read on every call, so the test can
 * jump the whole world (these children and the emulators in the test process, which add the same offset) past an
 * expiry at the moment it chooses instead of waiting for it. Relative timers (setTimeout, performance.now) are
 * untouched: the executor's poll loop keeps its pace and reads the shifted time on each wake-up, exactly as it
 * would after an NTP step. This is what libfaketime does for native programs.
 *
 * Test code only: the executor's production code has no clock hook; this file is never loaded outside tests.
 */
import { readFileSync } from 'node:fs'

const file = process.env.E2E_CLOCK_OFFSET_FILE
if (file) {
    const RealDate = Date
    const offset = () => {
        try {
            const value = Number(readFileSync(file, 'utf8'))
            return Number.isFinite(value) ? value : 0
        } catch {
            return 0
        }
    }
    class ShiftedDate extends RealDate {
        constructor(...args) {
            if (args.length === 0) super(RealDate.now() + offset())
            else super(...args)
        }
        static now() {
            return RealDate.now() + offset()
        }
    }
    globalThis.Date = ShiftedDate
}
