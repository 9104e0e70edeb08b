/**
 * Loads the shared modules exactly as the ServiceNow build packages them (`sys_module` records in
 * `now-app/dist/app/update/`) and runs them in a bare `node:vm` context, so tests judge the JavaScript the
 * instance will run rather than the TypeScript we wrote.
 *
 * How, and why this way:
 * - The records are parsed with fast-xml-parser (values kept verbatim); every record whose `<path>` contains
 *   `/src/server/shared/` is a module, keyed by the path below that folder without `.ts` (e.g. `policy`).
 * - The packaged modules are ES modules with extensionless relative imports. `vm.SourceTextModule` would link
 *   them natively but needs `node --experimental-vm-modules`, which the shared vitest config does not pass.
 *   Instead each module's ESM syntax is rewritten to a CommonJS-style body by TypeScript's own `transpileModule`
 *   (module: CommonJS, target: ES2021, so ONLY import/export syntax changes — a real parser, not regexes), and
 *   a tiny loader that lives INSIDE the context links them: `require('./x')` resolves relative to the importing
 *   module and only to other packaged modules; anything else (a bare or `node:` specifier) throws.
 * - The context is `vm.createContext({})` with string code generation disabled: only ECMAScript built-ins, no
 *   `require`, `process`, `Buffer`, `TextEncoder`, timers, and no `eval` / `new Function` (banned on the
 *   platform too). Values cross the realm boundary only as JSON strings, so no host object leaks in and the
 *   results compare cleanly with `toEqual`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { XMLParser } from 'fast-xml-parser'
import ts from 'typescript'

/** `now-app/dist/app/update` of this repository. */
export const UPDATE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../now-app/dist/app/update')

/** Path marker of the shared modules inside the app (the symlink now-app/src/server/shared → shared/src). */
const SHARED_MARKER = '/src/server/shared/'

/** A packaged shared module: its id (path below the shared folder, no extension) and compiled ES module text. */
export interface PackagedModule {
    id: string
    path: string
    content: string
}

/** Read every packaged shared module. Throws with a "run npm run build" hint when dist is missing. */
export function readPackagedSharedModules(updateDir: string = UPDATE_DIR): PackagedModule[] {
    if (!existsSync(updateDir)) {
        throw new Error(
            `${updateDir} is missing: the ServiceNow app has not been built. Run \`npm run build\` from the repo root ` +
                '(the root `npm test` builds the app first).',
        )
    }
    const parser = new XMLParser({ parseTagValue: false, trimValues: false, ignoreAttributes: true })
    const modules: PackagedModule[] = []
    for (const file of readdirSync(updateDir).sort()) {
        if (!/^sys_module_.*\.xml$/.test(file)) continue
        const doc = parser.parse(readFileSync(join(updateDir, file), 'utf8')) as {
            record_update?: { sys_module?: { path?: string; content?: string } }
        }
        const record = doc.record_update && doc.record_update.sys_module
        const path = record && typeof record.path === 'string' ? record.path : ''
        const at = path.indexOf(SHARED_MARKER)
        if (!record || at < 0 || !path.endsWith('.ts')) continue
        modules.push({ id: path.slice(at + SHARED_MARKER.length, -3), path, content: String(record.content ?? '') })
    }
    return modules
}

/** Module specifiers a packaged module imports or re-exports from (static and dynamic). */
export function importSpecifiers(content: string): string[] {
    const found: string[] = []
    const source = ts.createSourceFile('m.js', content, ts.ScriptTarget.ES2021, false, ts.ScriptKind.JS)
    const visit = (node: ts.Node): void => {
        if (
            (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
            node.moduleSpecifier &&
            ts.isStringLiteral(node.moduleSpecifier)
        ) {
            found.push(node.moduleSpecifier.text)
        }
        if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
            const arg = node.arguments[0]
            found.push(arg && ts.isStringLiteral(arg) ? arg.text : '<dynamic>')
        }
        ts.forEachChild(node, visit)
    }
    visit(source)
    return found
}

/** Loaded packaged modules: call an export by name with JSON-able arguments, get a JSON-able result. */
export interface PackagedRuntime {
    /** Names exported by the module `id`. */
    exportNames(id: string): string[]
    /** Call export `name` of module `id` (default: `index`). Arguments and result cross as JSON. */
    call<T = unknown>(name: string, args: unknown[], id?: string): T
    /** Evaluate an expression in the bare context (for asserting what the context lacks). */
    evaluate<T = unknown>(expression: string): T
}

const LOADER = `
var __cache = {};
function __resolve(fromId, spec) {
    if (spec.charAt(0) !== '.') throw new Error('packaged module ' + fromId + ' requires non-relative "' + spec + '"');
    var parts = fromId.split('/'); parts.pop();
    var segs = spec.replace(/\\.(js|ts)$/, '').split('/');
    for (var i = 0; i < segs.length; i++) {
        if (segs[i] === '..') parts.pop(); else if (segs[i] !== '.' && segs[i] !== '') parts.push(segs[i]);
    }
    return parts.join('/');
}
function __load(id) {
    if (__cache[id]) return __cache[id].exports;
    var factory = __factories[id];
    if (!factory) throw new Error('module "' + id + '" is not packaged');
    var module = { exports: {} };
    __cache[id] = module;
    factory(module.exports, function (spec) { return __load(__resolve(id, spec)); }, module);
    return module.exports;
}
function __call(id, name, argsJson) {
    var fn = __load(id)[name];
    if (typeof fn !== 'function') throw new Error(id + '.' + name + ' is not an exported function');
    var result = fn.apply(null, JSON.parse(argsJson));
    return result === undefined ? 'null' : JSON.stringify(result);
}
function __exportNames(id) { return JSON.stringify(Object.keys(__load(id))); }
`

/** Transpile the modules' ESM syntax to CommonJS bodies and link them inside a fresh bare vm context. */
export function loadPackagedModules(modules: PackagedModule[]): PackagedRuntime {
    let script = 'var __factories = {};\n'
    for (const m of modules) {
        const cjs = ts.transpileModule(m.content, {
            fileName: `${m.id}.js`,
            compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, allowJs: true },
        }).outputText
        script += `__factories[${JSON.stringify(m.id)}] = function (exports, require, module) {\n${cjs}\n};\n`
    }
    script += LOADER
    const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } })
    vm.runInContext(script, context, { filename: 'packaged-shared-modules.js' })
    const g = context as unknown as {
        __call(id: string, name: string, argsJson: string): string
        __exportNames(id: string): string
    }
    return {
        exportNames: (id) => JSON.parse(g.__exportNames(id)) as string[],
        call: <T>(name: string, args: unknown[], id = 'index') =>
            JSON.parse(g.__call(id, name, JSON.stringify(args))) as T,
        evaluate: <T>(expression: string) => vm.runInContext(expression, context) as T,
    }
}
