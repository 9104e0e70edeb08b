import { defineConfig } from 'vitest/config'

// One runner for the whole repo: shared unit tests, executor unit/integration tests, tests that read the
// built ServiceNow app in now-app/dist, and the cross-component end-to-end tests under test/.
export default defineConfig({
    test: {
        include: ['shared/test/**/*.test.ts', 'executor/test/**/*.test.ts', 'now-app/test/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/node_modules/**', '**/dist/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
        reporters: ['default'],
    },
})
