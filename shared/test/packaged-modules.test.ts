/**
 * The packaged-module loader itself (no dist needed): it must fail loudly on what the platform would not run,
 * otherwise packaged-policy.test.ts could pass for the wrong reason.
 */
import { describe, expect, it } from 'vitest'
import { importSpecifiers, loadPackagedModules, readPackagedSharedModules } from './packaged-modules'

describe('packaged module loader', () => {
    it('fails with a build hint when dist is missing', () => {
        // Execution / validation
        expect(() => readPackagedSharedModules('/nonexistent/now-app/dist/app/update')).toThrow(/npm run build/)
    })

    it('links relative ES module imports, re-exports and cycles-free graphs', () => {
        // Setup: three modules shaped like the SDK output (extensionless relative imports, export *).
        const runtime = loadPackagedModules([
            {
                id: 'a',
                path: 'x/src/server/shared/a.ts',
                content: "import { two } from './b';\nexport function add(x) { return x + two; }\n",
            },
            { id: 'b', path: 'x/src/server/shared/b.ts', content: 'export const two = 2;\n' },
            {
                id: 'index',
                path: 'x/src/server/shared/index.ts',
                content: "export * from './a';\nexport * from './b';\n",
            },
        ])
        // Execution / validation
        expect(runtime.call('add', [40])).toBe(42)
        expect(runtime.exportNames('index').sort()).toEqual(['add', 'two'])
    })

    it('refuses a module importing a Node module', () => {
        // Setup
        const runtime = loadPackagedModules([
            { id: 'index', path: 'p', content: "import fs from 'node:fs';\nexport const f = () => fs;\n" },
        ])
        // Execution / validation: resolution fails inside the context.
        expect(() => runtime.call('f', [])).toThrow(/non-relative "node:fs"/)
    })

    it('gives modules no Node globals and no string code generation', () => {
        // Setup
        const runtime = loadPackagedModules([
            {
                id: 'index',
                path: 'p',
                content:
                    "export const env = () => typeof process;\nexport const gen = () => new Function('return 1')();\n",
            },
        ])
        // Execution / validation
        expect(runtime.call('env', [])).toBe('undefined')
        expect(() => runtime.call('gen', [])).toThrow(/Code generation from strings disallowed/)
    })

    it('finds static, re-export and dynamic import specifiers', () => {
        // Execution / validation
        const specs = importSpecifiers(
            "import { a } from './a';\nexport * from './b';\nexport { c } from './c';\nconst d = import('./d');\n",
        )
        expect(specs).toEqual(['./a', './b', './c', './d'])
    })
})
