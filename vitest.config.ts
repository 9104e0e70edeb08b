import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// One runner for the whole repo: shared unit tests, executor unit/integration tests, tests that read the
// built ServiceNow app in now-app/dist, and the cross-component end-to-end tests under test/.
export default defineConfig({
    resolve: {
        // The app's server modules import the platform's Glide API; in Node they run on the Glide fake (alone, or
        // on the ServiceNow emulator's records: test/support/app-on-emulator.ts). The tsx runtime of the sandbox
        // does the same with test/sandbox/glide-alias.ts.
        alias: {
            '@servicenow/glide': fileURLToPath(new URL('./now-app/test/support/glide-fake.ts', import.meta.url)),
        },
    },
    test: {
        include: [
            'shared/test/**/*.test.ts',
            'executor/test/**/*.test.ts',
            'now-app/test/**/*.test.ts',
            'test/**/*.test.ts',
        ],
        exclude: ['**/node_modules/**', '**/dist/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
        reporters: ['default'],
    },
})
