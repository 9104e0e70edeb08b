/**
 * Reader of the built ServiceNow app (`now-app/dist/`): what `now-sdk build` really emitted, as opposed to what
 * the Fluent sources say. The dist tests, the ServiceNow emulator (its tables come from here) and other
 * contract tests read the app through this module only.
 *
 * The build emits three XML shapes, all handled here:
 * - `dist/app/dictionary/<table>.xml`: `<database><element type="collection" …>` with one child `<element>` per
 *   column (attributes `type`, `label`, `max_length`, `reference`, `mandatory`, `default_value`) and inline
 *   `<choice><element value=…/></choice>` lists;
 * - `dist/app/update/*.xml` (and `author_elective_update/`, `unload*`): `<record_update>` wrapping one record
 *   element named after its table (`<sys_db_object action="INSERT_OR_UPDATE">`, `<sys_security_acl>`…);
 * - `sys_choice_v2` wrappers holding a `sys_choice_set` and several `sys_choice` records.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'

/** One column of an app table, as the dictionary in dist defines it. */
export interface DistField {
    name: string
    type: string
    label: string
    maxLength: number
    reference: string
    mandatory: boolean
    choices: string[]
    defaultValue: string
}

/** One table of the app (sys_db_object + its dictionary). */
export interface DistTable {
    name: string
    label: string
    superClass: string
    wsAccess: boolean
    fields: Map<string, DistField>
}

/** field: '' for a table-level ACL (name "table"), '*' for "table.*", else the field name */
export interface DistAcl {
    sysId: string
    type: string
    operation: string
    table: string
    field: string
    roles: string[]
    condition: string
    script: string
    active: boolean
    adminOverrides: boolean
}

/** Everything the tests need to know about the built app. */
export interface AppDist {
    tables: Map<string, DistTable>
    acls: DistAcl[]
    roles: string[]
    /** every emitted record of a platform table (e.g. 'sys_script', 'sc_cat_item', 'item_option_new', 'sys_hub_flow'), values flattened to strings (reference values = sys_id, display_value kept under `<field>.display`) */
    records(table: string): Record<string, string>[]
    /** content of the sys_module whose path ends with `pathSuffix` (e.g. 'src/server/shared/policy.ts'), or undefined */
    moduleByPath(pathSuffix: string): string | undefined
}

/** Absolute path of `now-app/dist` in this repository. */
export const DEFAULT_DIST_DIR: string = resolve(dirname(fileURLToPath(import.meta.url)), '../../now-app/dist')

type XmlNode = Record<string, unknown>

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Keep every value as the exact text ServiceNow would store ("0010" stays "0010", "true" stays a string).
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Element tags that can repeat are always arrays, so one code path reads one or many.
    isArray: (_name, _jpath, _isLeafNode, isAttribute) => !isAttribute,
})

/** Walks `dir` recursively and returns every `.xml` file, sorted for a deterministic record order. */
function xmlFiles(dir: string): string[] {
    const out: string[] = []
    for (const entry of readdirSync(dir).sort()) {
        const path = join(dir, entry)
        if (statSync(path).isDirectory()) out.push(...xmlFiles(path))
        else if (entry.endsWith('.xml')) out.push(path)
    }
    return out
}

function isNode(value: unknown): value is XmlNode {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function children(node: XmlNode, tag: string): XmlNode[] {
    const value = node[tag]
    if (!Array.isArray(value)) return []
    return value.map((v) => (isNode(v) ? v : { '#text': String(v ?? '') }))
}

function attr(node: XmlNode, name: string): string {
    const value = node[`@_${name}`]
    return value === undefined ? '' : String(value)
}

/** Text content of an element (CDATA included; fast-xml-parser merges it into `#text`). */
function text(node: XmlNode): string {
    const value = node['#text']
    return value === undefined ? '' : String(value)
}

/** A record element is flattened to `{ field: text, 'field.display': display_value }`. */
function flatten(record: XmlNode): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [key, value] of Object.entries(record)) {
        if (key.startsWith('@_') || key === '#text') continue
        const first = Array.isArray(value) ? value[0] : value
        const node: XmlNode = isNode(first) ? first : { '#text': String(first ?? '') }
        out[key] = text(node).trim() === '' && hasElementChildren(node) ? '' : text(node)
        const display = attr(node, 'display_value') || attr(node, 'name')
        if (display !== '') out[`${key}.display`] = display
    }
    return out
}

function hasElementChildren(node: XmlNode): boolean {
    return Object.keys(node).some((k) => !k.startsWith('@_') && k !== '#text')
}

/** Actions that put a record on the instance (deletes and bulk deletes are not emitted records). */
function isUpsert(node: XmlNode): boolean {
    const action = attr(node, 'action')
    return action === '' || /insert|update/i.test(action)
}

/**
 * Collects record elements under a `<record_update>`: its direct children, and the records nested one level
 * down in wrappers such as `sys_choice_v2` (which hold `sys_choice_set` + `sys_choice`).
 */
function collectRecords(root: XmlNode, sink: Map<string, Record<string, string>[]>): void {
    for (const [tag, value] of Object.entries(root)) {
        if (tag.startsWith('@_') || tag === '#text' || !Array.isArray(value)) continue
        for (const item of value) {
            if (!isNode(item)) continue
            const nested = Object.entries(item).filter(
                ([k, v]) =>
                    !k.startsWith('@_') && Array.isArray(v) && v.some((x) => isNode(x) && x['sys_id'] !== undefined),
            )
            if (item['sys_id'] === undefined && nested.length > 0) {
                collectRecords(item, sink)
                continue
            }
            if (item['sys_id'] === undefined || !isUpsert(item)) continue
            const list = sink.get(tag) ?? []
            list.push(flatten(item))
            sink.set(tag, list)
        }
    }
}

function toBool(value: string): boolean {
    return value === 'true' || value === '1'
}

function toInt(value: string): number {
    const n = Number.parseInt(value, 10)
    return Number.isFinite(n) ? n : 0
}

/** Tables and columns from `dist/app/dictionary/*.xml` (the per-table schema files). */
function readDictionaryFiles(files: string[]): Map<string, DistTable> {
    const tables = new Map<string, DistTable>()
    for (const file of files) {
        const doc = parser.parse(readFileSync(file, 'utf8')) as XmlNode
        for (const db of children(doc, 'database')) {
            for (const el of children(db, 'element')) {
                if (attr(el, 'type') !== 'collection') continue
                const table: DistTable = {
                    name: attr(el, 'name'),
                    label: attr(el, 'label'),
                    superClass: attr(el, 'extends') || attr(el, 'super_class'),
                    wsAccess: toBool(attr(el, 'ws_access')),
                    fields: new Map(),
                }
                for (const col of children(el, 'element')) {
                    const choices = children(col, 'choice')
                        .flatMap((c) => children(c, 'element'))
                        .filter((c) => !toBool(attr(c, 'inactive')))
                        .map((c) => attr(c, 'value'))
                    table.fields.set(attr(col, 'name'), {
                        name: attr(col, 'name'),
                        type: attr(col, 'type'),
                        label: attr(col, 'label'),
                        maxLength: toInt(attr(col, 'max_length')),
                        reference: attr(col, 'reference'),
                        mandatory: toBool(attr(col, 'mandatory')),
                        choices,
                        defaultValue: attr(col, 'default_value'),
                    })
                }
                tables.set(table.name, table)
            }
        }
    }
    return tables
}

/**
 * Reads the built app in `distDir` (default: `now-app/dist`). Throws with a clear message when the app has not
 * been built, so a test never passes vacuously on an empty folder.
 */
export function loadAppDist(distDir: string = DEFAULT_DIST_DIR): AppDist {
    const appDir = join(distDir, 'app')
    if (!existsSync(appDir)) {
        throw new Error(`No built app at ${appDir}: run \`npx now-sdk build\` in now-app (npm test does it) first`)
    }
    const files = xmlFiles(appDir)
    const dictionaryDir = join(appDir, 'dictionary')
    const tables = readDictionaryFiles(files.filter((f) => dirname(f) === dictionaryDir))

    const byTable = new Map<string, Record<string, string>[]>()
    for (const file of files.filter((f) => dirname(f) !== dictionaryDir)) {
        const doc = parser.parse(readFileSync(file, 'utf8')) as XmlNode
        for (const root of children(doc, 'record_update')) collectRecords(root, byTable)
    }
    const records = (table: string): Record<string, string>[] => (byTable.get(table) ?? []).map((r) => ({ ...r }))

    // sys_db_object carries the authoritative table flags; sys_dictionary records fill tables that have no
    // dictionary file (none today, but the emitted shape is not a contract of the SDK).
    for (const obj of records('sys_db_object')) {
        const existing = tables.get(obj['name'] ?? '')
        const superClass = obj['super_class.display'] ?? obj['super_class'] ?? ''
        if (existing) {
            existing.wsAccess = toBool(obj['ws_access'] ?? '')
            existing.superClass = superClass
            if (obj['label']) existing.label = obj['label']
        } else if (obj['name']) {
            tables.set(obj['name'], {
                name: obj['name'],
                label: obj['label'] ?? '',
                superClass,
                wsAccess: toBool(obj['ws_access'] ?? ''),
                fields: new Map(),
            })
        }
    }
    for (const dict of records('sys_dictionary')) {
        const table = tables.get(dict['name'] ?? '')
        const element = dict['element'] ?? ''
        if (!table || element === '' || table.fields.has(element)) continue
        table.fields.set(element, {
            name: element,
            type: dict['internal_type.display'] ?? dict['internal_type'] ?? '',
            label: dict['column_label'] ?? '',
            maxLength: toInt(dict['max_length'] ?? ''),
            reference: dict['reference.display'] ?? dict['reference'] ?? '',
            mandatory: toBool(dict['mandatory'] ?? ''),
            choices: [],
            defaultValue: dict['default_value'] ?? '',
        })
    }
    // Choices emitted as sys_choice records complete the inline dictionary choices (same values, usually).
    for (const choice of records('sys_choice')) {
        const field = tables.get(choice['name'] ?? '')?.fields.get(choice['element'] ?? '')
        const value = choice['value'] ?? ''
        if (!field || toBool(choice['inactive'] ?? '') || field.choices.includes(value)) continue
        field.choices.push(value)
    }

    const roleNameById = new Map<string, string>()
    for (const role of records('sys_user_role')) roleNameById.set(role['sys_id'] ?? '', role['name'] ?? '')
    const rolesByAcl = new Map<string, string[]>()
    for (const link of records('sys_security_acl_role')) {
        const acl = link['sys_security_acl'] ?? ''
        const role = link['sys_user_role.display'] ?? roleNameById.get(link['sys_user_role'] ?? '') ?? ''
        rolesByAcl.set(acl, [...(rolesByAcl.get(acl) ?? []), role])
    }
    const acls: DistAcl[] = records('sys_security_acl').map((r) => {
        const name = r['name'] ?? ''
        const dot = name.indexOf('.')
        const sysId = r['sys_id'] ?? ''
        return {
            sysId,
            type: r['type.display'] ?? r['type'] ?? '',
            operation: r['operation'] ?? r['operation.display'] ?? '',
            table: dot === -1 ? name : name.slice(0, dot),
            field: dot === -1 ? '' : name.slice(dot + 1),
            roles: [...(rolesByAcl.get(sysId) ?? [])].sort(),
            condition: r['condition'] ?? '',
            script: r['script'] ?? '',
            active: toBool(r['active'] ?? 'true'),
            adminOverrides: toBool(r['admin_overrides'] ?? ''),
        }
    })

    const modules = records('sys_module')
    return {
        tables,
        acls,
        roles: records('sys_user_role')
            .map((r) => r['name'] ?? '')
            .filter((n) => n !== '')
            .sort(),
        records,
        moduleByPath(pathSuffix: string): string | undefined {
            const suffix = pathSuffix.replace(/^\/+/, '')
            const hit = modules.find((m) => (m['path'] ?? '') === suffix || (m['path'] ?? '').endsWith(`/${suffix}`))
            return hit?.['content']
        },
    }
}
