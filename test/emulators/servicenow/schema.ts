/**
 * The emulator's dictionary: app tables from the built app (`now-app/dist`, through `test/support/app-dist`)
 * merged with the fixture platform tables ({@link PLATFORM_TABLES}). Every table gets the system columns.
 */
import { loadAppDist, type AppDist, type DistAcl } from '../../support/app-dist'
import { PLATFORM_TABLES } from './platform-schema'

/** One column. */
export interface FieldDef {
    name: string
    type: string
    reference: string
    defaultValue: string
    /** value → display label */
    choices: Map<string, string>
    /** System columns (sys_id, sys_created_on…) are set by the platform only. */
    system: boolean
}

/** One table, with inherited columns merged in. */
export interface TableDef {
    name: string
    label: string
    superClass: string
    wsAccess: boolean
    /** True for tables of the app (ACLs from dist); false for fixture platform tables. */
    app: boolean
    fields: Map<string, FieldDef>
    numberPrefix: string
    numberStart: number
    numberDigits: number
    displayField: string
}

/** The whole dictionary plus the app's ACLs. */
export interface Schema {
    tables: Map<string, TableDef>
    acls: DistAcl[]
    /** `table` and every table extending it (table-per-hierarchy: a query on task sees incidents). */
    family(table: string): Set<string>
    /** `table` and its ancestors, nearest first. */
    ancestors(table: string): string[]
}

/** Columns the platform maintains on every table. */
export const SYSTEM_FIELDS = [
    'sys_id',
    'sys_created_on',
    'sys_created_by',
    'sys_updated_on',
    'sys_updated_by',
    'sys_mod_count',
] as const

function systemFields(): Map<string, FieldDef> {
    const out = new Map<string, FieldDef>()
    for (const name of SYSTEM_FIELDS) {
        const type =
            name === 'sys_id'
                ? 'GUID'
                : name === 'sys_mod_count'
                  ? 'integer'
                  : name.endsWith('_on')
                    ? 'glide_date_time'
                    : 'string'
        out.set(name, { name, type, reference: '', defaultValue: '', choices: new Map(), system: true })
    }
    return out
}

const distCache = new Map<string, AppDist>()

/** Loads (once per directory) the built app. Throws when the app has not been built. */
export function cachedAppDist(distDir?: string): AppDist {
    const key = distDir ?? ''
    let dist = distCache.get(key)
    if (!dist) {
        dist = loadAppDist(distDir)
        distCache.set(key, dist)
    }
    return dist
}

/** Builds the dictionary from the built app in `distDir` and the platform fixture. */
export function buildSchema(distDir?: string): Schema {
    const dist = cachedAppDist(distDir)
    const tables = new Map<string, TableDef>()

    for (const pt of PLATFORM_TABLES) {
        const parent = pt.superClass ? tables.get(pt.superClass) : undefined
        if (pt.superClass && !parent) throw new Error(`platform-schema: ${pt.name} extends unknown ${pt.superClass}`)
        const fields = new Map(parent ? parent.fields : systemFields())
        for (const f of pt.fields) {
            fields.set(f.name, {
                name: f.name,
                type: f.type,
                reference: f.reference ?? '',
                defaultValue: f.defaultValue ?? '',
                choices: new Map(f.choices ?? []),
                system: false,
            })
        }
        tables.set(pt.name, {
            name: pt.name,
            label: pt.label,
            superClass: pt.superClass ?? '',
            wsAccess: pt.wsAccess,
            app: false,
            fields,
            numberPrefix: pt.numberPrefix ?? '',
            numberStart: pt.numberStart ?? 1000,
            numberDigits: 7,
            displayField: pt.displayField,
        })
    }

    const numbers = new Map(dist.records('sys_number').map((n) => [n['category'] ?? '', n]))
    for (const dt of dist.tables.values()) {
        const fields = systemFields()
        for (const f of dt.fields.values()) {
            fields.set(f.name, {
                name: f.name,
                type: f.type,
                reference: f.reference,
                defaultValue: f.defaultValue,
                choices: new Map(f.choices.map((c) => [c, c])),
                system: false,
            })
        }
        const num = numbers.get(dt.name)
        tables.set(dt.name, {
            name: dt.name,
            label: dt.label,
            superClass: dt.superClass,
            wsAccess: dt.wsAccess,
            app: true,
            fields,
            numberPrefix: num?.['prefix'] ?? '',
            numberStart: Number(num?.['number'] ?? '1000') || 1000,
            numberDigits: Number(num?.['maximum_digits'] ?? '7') || 7,
            displayField: fields.has('number') ? 'number' : fields.has('name') ? 'name' : 'sys_id',
        })
    }

    const ancestors = (table: string): string[] => {
        const out: string[] = []
        let t = tables.get(table)
        while (t) {
            out.push(t.name)
            t = t.superClass ? tables.get(t.superClass) : undefined
        }
        return out
    }
    const familyCache = new Map<string, Set<string>>()
    const family = (table: string): Set<string> => {
        let set = familyCache.get(table)
        if (!set) {
            set = new Set([...tables.keys()].filter((t) => ancestors(t).includes(table)))
            familyCache.set(table, set)
        }
        return set
    }
    return { tables, acls: dist.acls.filter((a) => a.active && a.type === 'record'), family, ancestors }
}
