/** `npm run sim` builds the app first when now-app/dist is missing or older than its sources (test/sim/built-app.ts). */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { builtAppStale, newestMtime } from './sim/built-app'

const dirs: string[] = []
afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A file at `path` whose modification time is `t` seconds since the epoch. */
function file(path: string, t: number): void {
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, 'x')
    utimesSync(path, t, t)
}

describe('sim: the built app is current', () => {
    it('missing → never built; older than a source → stale; newer than every source → current', () => {
        // setup
        const root = mkdtempSync(join(tmpdir(), 'sim-built-'))
        dirs.push(root)
        const built = join(root, 'dist/app')
        const src = join(root, 'src')
        file(join(src, 'server/a.ts'), 1_000)
        file(join(src, 'fluent/b.now.ts'), 2_000)
        // execution + validation
        expect(builtAppStale(built, [src])).toBe('never built')
        file(join(built, 'x.xml'), 1_500)
        expect(builtAppStale(built, [src])).toMatch(/changed since the last build/)
        file(join(built, 'sub/y.xml'), 3_000)
        expect(newestMtime(built)).toBe(3_000_000)
        expect(builtAppStale(built, [src])).toBeUndefined()
        expect(builtAppStale(built, [join(root, 'absent')])).toBeUndefined()
    })
})
