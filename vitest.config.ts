import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const ROOT = fileURLToPath(new URL('.', import.meta.url))

/**
 * The one alias mechanism: the `paths` of the root tsconfig.json. `@servicenow/glide` — imported by the app's
 * server modules — resolves to the Glide fake there; tsx (`npm start`, `npm run demo`) reads those paths itself,
 * and vitest gets the same map here. Nothing else maps module names.
 */
function tsconfigPaths(): Record<string, string> {
    const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')) as {
        compilerOptions?: { paths?: Record<string, string[]> }
    }
    const paths = tsconfig.compilerOptions?.paths ?? {}
    return Object.fromEntries(
        Object.entries(paths).map(([name, [target]]) => [name, ROOT + target!.replace(/^\.\//, '')]),
    )
}

/**
 * Tests where the process boundary is the point — kill -9 of the executor and a restart on its journal, the CLI as
 * a program, `npm start` — spawn real processes. They are few, run after everything else and one at a time (one
 * fork), so no two of them compete for the machine. Every other test runs the executor in its own process on a
 * virtual clock (test/support/virtual-time.ts) and runs in parallel.
 */
const PROCESS_TESTS = [
    'test/e2e/crash-recovery.test.ts',
    'test/e2e/cli.test.ts',
    'test/sandbox-start.test.ts',
    // Replays deploy/Dockerfile outside Docker: two offline `npm ci` runs and the production bundle (~1.5 min).
    'test/deploy-build.test.ts',
]

// One runner for the whole repo: shared unit tests, executor unit/integration tests, tests that read the built
// ServiceNow app in now-app/dist, and the cross-component end-to-end tests under test/.
export default defineConfig({
    resolve: { alias: tsconfigPaths() },
    test: {
        exclude: ['**/node_modules/**', '**/dist/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
        // Every core. Vitest's own default for `run` is one worker fewer than the cores — ONE worker on this 2-core
        // machine, so every file ran after the other while the other core idled during Chromium flows, child
        // processes and settle waits. The `processes` project stays one at a time (singleFork below).
        maxWorkers: availableParallelism(),
        reporters: ['default'],
        projects: [
            {
                extends: true,
                test: {
                    name: 'in-process',
                    include: [
                        'shared/test/**/*.test.ts',
                        'executor/test/**/*.test.ts',
                        'now-app/test/**/*.test.ts',
                        'test/**/*.test.ts',
                    ],
                    exclude: ['**/node_modules/**', '**/dist/**', ...PROCESS_TESTS],
                },
            },
            {
                extends: true,
                test: {
                    name: 'processes',
                    include: PROCESS_TESTS,
                    testTimeout: 120_000,
                    sequence: { groupOrder: 1 },
                    poolOptions: { forks: { singleFork: true } },
                },
            },
        ],
    },
})
