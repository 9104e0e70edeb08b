/**
 * Under the tsx runtime (`npm start`, `npm run demo`), make `@servicenow/glide` — imported by the ServiceNow app's
 * server modules — resolve to the Glide fake, so the sandbox runs the app's real modules on the ServiceNow
 * emulator. Import this module before anything that imports the app's server modules. Under vitest the alias in
 * vitest.config.ts does the same, and this patch is inert (vitest resolves modules itself).
 *
 * Test / dev code only: production never loads test/.
 */
import Module from 'node:module'
import { resolve } from 'node:path'
import { REPO_ROOT } from '../support/executor-process'

const FAKE = resolve(REPO_ROOT, 'now-app/test/support/glide-fake.ts')
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string }
const original = resolver._resolveFilename
if (!(original as { gbgGlideAlias?: boolean }).gbgGlideAlias) {
    const patched = function (this: unknown, request: string, ...rest: unknown[]): string {
        return original.call(this, request === '@servicenow/glide' ? FAKE : request, ...rest)
    }
    ;(patched as { gbgGlideAlias?: boolean }).gbgGlideAlias = true
    resolver._resolveFilename = patched
}
