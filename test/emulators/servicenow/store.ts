/**
 * The emulator's records: one table-per-hierarchy map (a record lives in its concrete table and is seen
 * through every ancestor), journal entries and attachment contents. Values are strings, as on the instance.
 */
import { randomBytes } from 'node:crypto'
import { AUDITED_TABLES } from './platform-schema'
import type { FieldDef, Schema, TableDef } from './schema'
import type { EmulatorStore, JournalEntry, StoredAttachment } from './types'

type Row = Record<string, string>

interface Entry {
    table: string
    values: Row
    /** Creation order across every table (what a list of a table family is ordered by). */
    seq: number
    /** Every column of the table is in `values` (computed once: writes only ever add columns of the table). */
    complete?: boolean
}

/** "YYYY-MM-DD HH:mm:ss" in UTC, the Table API's date-time format. */
export function formatGlideDateTime(date: Date): string {
    return date.toISOString().slice(0, 19).replace('T', ' ')
}

/** Parses "YYYY-MM-DD HH:mm:ss" (UTC) to epoch ms; NaN for '' or anything else. */
export function parseGlideDateTime(value: string): number {
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return Number.NaN
    return Date.parse(`${value.replace(' ', 'T')}Z`)
}

/** A fresh sys_id: 32 lowercase hex characters. */
export function newSysId(): string {
    return randomBytes(16).toString('hex')
}

const SYS_ID = /^[0-9a-f]{32}$/

/** Raised for a store misuse (unknown table / field, bad value, missing record). */
function addTo(index: Map<string, Set<string>>, value: string, sysId: string): void {
    let ids = index.get(value)
    if (!ids) index.set(value, (ids = new Set()))
    ids.add(sysId)
}

export class StoreError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'StoreError'
    }
}

/**
 * Normalises a value for a column, as the platform stores it. Returns undefined when the value cannot be
 * stored (the Table API then leaves the field unchanged; the direct store API throws).
 */
export function normalizeValue(field: FieldDef, raw: string): string | undefined {
    switch (field.type) {
        case 'boolean':
            return raw === 'true' || raw === '1' ? 'true' : 'false'
        case 'integer':
        case 'longint':
            if (raw === '') return ''
            return /^-?\d+$/.test(raw.trim()) ? String(Number.parseInt(raw.trim(), 10)) : undefined
        case 'decimal':
        case 'float':
            if (raw === '') return ''
            return Number.isFinite(Number(raw)) ? String(Number(raw)) : undefined
        case 'glide_date_time':
            if (raw === '') return ''
            return Number.isNaN(parseGlideDateTime(raw)) ? undefined : raw
        case 'glide_date':
            if (raw === '') return ''
            return /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined
        default:
            return raw
    }
}

/** Implementation of {@link EmulatorStore} plus the internals the server uses. */
export class Store implements EmulatorStore {
    private readonly rows = new Map<string, Entry>()
    /**
     * The same entries per concrete table (issue 18): a list reads only its table family, not every record of the
     * instance (sys_audit grows with every field change; scanning it on each query made the emulator O(N²)).
     */
    private readonly byTable = new Map<string, Map<string, Entry>>()
    private seq = 0
    private readonly journals = new Map<string, JournalEntry[]>()
    private readonly files = new Map<string, Buffer>()
    private readonly counters = new Map<string, number>()
    private readonly listeners = new Set<() => void>()

    constructor(
        readonly schema: Schema,
        private readonly now: () => Date,
    ) {}

    clock(): Date {
        return this.now()
    }

    /** Registers a callback run after every write; returns the unsubscribe function. */
    onWrite(listener: () => void): () => void {
        this.listeners.add(listener)
        return () => this.listeners.delete(listener)
    }

    private emit(): void {
        for (const l of [...this.listeners]) l()
    }

    /** The table definition, or throws. */
    table(name: string): TableDef {
        const def = this.schema.tables.get(name)
        if (!def) throw new StoreError(`Unknown table ${name}`)
        return def
    }

    // ---- public, strict API -------------------------------------------------------------------------------

    insert(table: string, values: Record<string, string>): Record<string, string> {
        const def = this.table(table)
        const clean: Row = {}
        for (const [k, v] of Object.entries(values)) {
            const field = def.fields.get(k)
            if (!field) throw new StoreError(`Unknown field ${table}.${k}`)
            if (field.system) {
                if (k === 'sys_id' && !SYS_ID.test(v)) throw new StoreError(`Invalid sys_id ${v}`)
                clean[k] = v
                continue
            }
            const n = normalizeValue(field, String(v))
            if (n === undefined) throw new StoreError(`Invalid value for ${table}.${k} (${field.type}): ${v}`)
            clean[k] = n
        }
        return this.create(table, clean, 'system')
    }

    get(table: string, sysId: string): Record<string, string> | undefined {
        const entry = this.entry(table, sysId)
        return entry ? this.project(table, entry) : undefined
    }

    /**
     * The records of a table (and of the tables extending it) in creation order that `filter` keeps. `eq`, when
     * given, is a promise of the caller that its filter keeps only rows whose field equals the value EXACTLY for
     * each entry (a top-level AND `field=value` on a sys_id-shaped value): the candidates then come from an index
     * instead of a scan of the table. Rows are still passed to `filter`, so the index only narrows, never decides.
     */
    list(
        table: string,
        filter?: (r: Record<string, string>) => boolean,
        eq?: Readonly<Record<string, string>>,
    ): Record<string, string>[] {
        const family = this.schema.family(this.table(table).name)
        const out: Row[] = []
        let entries: Iterable<Entry>
        const hint = eq ? Object.entries(eq).find(([, v]) => SYS_ID.test(v)) : undefined
        if (hint) {
            const found: Entry[] = []
            for (const name of family) {
                if (!this.table(name).fields.has(hint[0])) continue
                for (const id of this.indexOf(name, hint[0]).get(hint[1]) ?? []) found.push(this.rows.get(id)!)
            }
            entries = found.sort((a, b) => a.seq - b.seq)
        } else if (family.size === 1) entries = this.byTable.get([...family][0]!)?.values() ?? []
        else {
            // several concrete tables: in creation order, as one scan of every record returned them
            const all: Entry[] = []
            for (const name of family) for (const e of this.byTable.get(name)?.values() ?? []) all.push(e)
            entries = all.sort((a, b) => a.seq - b.seq)
        }
        const name = this.table(table).name
        for (const entry of entries) {
            // A record of the table itself holds exactly its columns: the filter reads them without a projection,
            // and only the rows it keeps are projected (a copy, as before).
            if (filter && entry.table === name && this.complete(entry)) {
                if (filter(entry.values)) out.push(this.project(table, entry))
                continue
            }
            const row = this.project(table, entry)
            if (!filter || filter(row)) out.push(row)
        }
        return out
    }

    update(table: string, sysId: string, values: Record<string, string>): Record<string, string> {
        const def = this.table(table)
        const clean: Row = {}
        for (const [k, v] of Object.entries(values)) {
            const field = def.fields.get(k)
            if (!field) throw new StoreError(`Unknown field ${table}.${k}`)
            if (field.system) {
                if (k === 'sys_id') throw new StoreError('sys_id cannot be changed')
                clean[k] = v
                continue
            }
            const n = normalizeValue(field, String(v))
            if (n === undefined) throw new StoreError(`Invalid value for ${table}.${k} (${field.type}): ${v}`)
            clean[k] = n
        }
        if (!this.entry(table, sysId)) throw new StoreError(`No ${table} record ${sysId}`)
        return this.modify(table, sysId, clean, 'system')
    }

    /** Every journal entry as a sys_journal_field row (what a server script queries), oldest first. */
    journalRows(): Record<string, string>[] {
        const rows: Record<string, string>[] = []
        for (const [sysId, entries] of this.journals) {
            const table = this.rows.get(sysId)?.table ?? ''
            entries.forEach((j, i) =>
                rows.push({
                    sys_id: `${sysId.slice(0, 24)}${i.toString(16).padStart(8, '0')}`,
                    name: table,
                    element_id: sysId,
                    element: j.element,
                    value: j.value,
                    sys_created_on: j.createdOn,
                    sys_created_by: j.createdBy,
                }),
            )
        }
        return rows
    }

    journal(table: string, sysId: string): JournalEntry[] {
        if (!this.entry(table, sysId)) return []
        return (this.journals.get(sysId) ?? []).map((j) => ({ ...j }))
    }

    attachments(table: string, sysId: string): StoredAttachment[] {
        return this.list('sys_attachment', (a) => a['table_name'] === table && a['table_sys_id'] === sysId).map(
            (a) => ({
                sysId: a['sys_id']!,
                fileName: a['file_name']!,
                contentType: a['content_type']!,
                content: this.files.get(a['sys_id']!) ?? Buffer.alloc(0),
            }),
        )
    }

    // ---- internals ------------------------------------------------------------------------------------------

    /** The stored entry when `sysId` is a record of `table` or of a table extending it. */
    private entry(table: string, sysId: string): Entry | undefined {
        const entry = this.rows.get(sysId)
        if (!entry || !this.schema.family(table).has(entry.table)) return undefined
        return entry
    }

    /** The record seen through `table`: only that table's columns. */
    private project(table: string, entry: Entry): Row {
        const def = this.table(table)
        const out: Row = {}
        for (const name of def.fields.keys()) out[name] = entry.values[name] ?? ''
        return out
    }

    /** Concrete table of a record, whatever table it is asked through. */
    concreteTable(sysId: string): string | undefined {
        return this.rows.get(sysId)?.table
    }

    /** Creates a record from already-normalised values (unknown keys are the caller's problem). */
    create(table: string, values: Row, actor: string): Row {
        const def = this.table(table)
        const stamp = formatGlideDateTime(this.now())
        const sysId = values['sys_id'] && SYS_ID.test(values['sys_id']) ? values['sys_id'] : newSysId()
        if (this.rows.has(sysId)) throw new StoreError(`Duplicate sys_id ${sysId}`)
        const row: Row = {}
        for (const field of def.fields.values()) {
            if (field.system) continue
            const d = field.defaultValue
            row[field.name] = d.startsWith('javascript:') ? '' : d
        }
        if (def.fields.has('sys_class_name')) row['sys_class_name'] = def.name
        const journal: [string, string][] = []
        for (const [k, v] of Object.entries(values)) {
            const field = def.fields.get(k)
            if (!field || field.system) continue
            if (field.type === 'journal_input') {
                if (v !== '') journal.push([k, v])
                continue
            }
            row[k] = v
        }
        if (def.fields.has('number') && def.numberPrefix && !values['number']) row['number'] = this.nextNumber(def)
        if (def.name === 'sys_user') row['name'] = [row['first_name'], row['last_name']].filter(Boolean).join(' ')
        row['sys_id'] = sysId
        row['sys_created_on'] = values['sys_created_on'] || stamp
        row['sys_created_by'] = values['sys_created_by'] || actor
        row['sys_updated_on'] = values['sys_updated_on'] || row['sys_created_on']
        row['sys_updated_by'] = values['sys_updated_by'] || actor
        row['sys_mod_count'] = values['sys_mod_count'] || '0'
        this.put(sysId, { table: def.name, values: row, seq: this.seq++ })
        for (const [element, value] of journal) this.addJournal(sysId, element, value, actor, stamp)
        const changes: [string, string, string][] = []
        for (const field of def.fields.values()) {
            if (!field.system && field.type !== 'journal_input' && (row[field.name] ?? '') !== '')
                changes.push([field.name, '', row[field.name]!])
        }
        for (const [element, value] of journal) changes.push([element, '', value])
        this.audit(def.name, sysId, changes, row['sys_created_by']!, row['sys_mod_count']!, stamp)
        this.emit()
        return this.project(table, this.rows.get(sysId)!)
    }

    /** Applies already-normalised values to a record seen through `table`; bumps sys_mod_count. */
    modify(table: string, sysId: string, values: Row, actor: string): Row {
        const def = this.table(table)
        const entry = this.entry(table, sysId)
        if (!entry) throw new StoreError(`No ${table} record ${sysId}`)
        const stamp = formatGlideDateTime(this.now())
        const changes: [string, string, string][] = []
        this.reindex(sysId, entry, 'remove')
        try {
            this.applyValues(def, entry, sysId, values, actor, stamp, changes)
        } finally {
            this.reindex(sysId, entry, 'add')
        }
        this.audit(entry.table, sysId, changes, actor, entry.values['sys_mod_count']!, stamp)
        this.emit()
        return this.project(table, entry)
    }

    private applyValues(
        def: TableDef,
        entry: Entry,
        sysId: string,
        values: Row,
        actor: string,
        stamp: string,
        changes: [string, string, string][],
    ): void {
        for (const [k, v] of Object.entries(values)) {
            const field = def.fields.get(k)
            if (!field || k === 'sys_id' || k === 'sys_class_name') continue
            if (field.type === 'journal_input') {
                if (v !== '') this.addJournal(sysId, k, v, actor, stamp)
                if (v !== '') changes.push([k, '', v])
                continue
            }
            if (!field.system && (entry.values[k] ?? '') !== v) changes.push([k, entry.values[k] ?? '', v])
            entry.values[k] = v
        }
        if (entry.table === 'sys_user') {
            entry.values['name'] = [entry.values['first_name'], entry.values['last_name']].filter(Boolean).join(' ')
        }
        entry.values['sys_mod_count'] =
            values['sys_mod_count'] ?? String(Number(entry.values['sys_mod_count'] ?? '0') + 1)
        entry.values['sys_updated_on'] = values['sys_updated_on'] ?? stamp
        entry.values['sys_updated_by'] = values['sys_updated_by'] ?? actor
    }

    /** Deletes a record (and its attachments, as the platform cascades). */
    remove(table: string, sysId: string): boolean {
        const entry = this.entry(table, sysId)
        if (!entry) return false
        this.drop(sysId)
        this.journals.delete(sysId)
        for (const [id, e] of [...(this.byTable.get('sys_attachment') ?? [])]) {
            if (e.values['table_sys_id'] === sysId) {
                this.drop(id)
                this.files.delete(id)
            }
        }
        if (entry.table === 'sys_attachment') this.files.delete(sysId)
        this.emit()
        return true
    }

    /**
     * The platform's auditing of an audited table (README "sys_audit"): one sys_audit row per changed field,
     * with the session's user_name and the record's update count. No business rules run on these inserts.
     */
    private audit(
        table: string,
        sysId: string,
        changes: [string, string, string][],
        user: string,
        checkpoint: string,
        stamp: string,
    ): void {
        if (!AUDITED_TABLES.has(table) || !this.schema.tables.has('sys_audit')) return
        for (const [fieldname, oldvalue, newvalue] of changes) {
            const id = newSysId()
            const row: Row = { sys_id: id, tablename: table, documentkey: sysId, fieldname, oldvalue, newvalue, user }
            row['record_checkpoint'] = checkpoint
            row['reason'] = ''
            row['sys_created_on'] = stamp
            row['sys_created_by'] = user
            row['sys_updated_on'] = stamp
            row['sys_updated_by'] = user
            row['sys_mod_count'] = '0'
            this.put(id, { table: 'sys_audit', values: row, seq: this.seq++ })
        }
    }

    /** True when the entry's values hold every column of its table (then they read as its projection). */
    private complete(entry: Entry): boolean {
        if (entry.complete === undefined) {
            const def = this.table(entry.table)
            entry.complete = [...def.fields.keys()].every((k) => entry.values[k] !== undefined)
        }
        return entry.complete
    }

    private put(sysId: string, entry: Entry): void {
        this.rows.set(sysId, entry)
        let table = this.byTable.get(entry.table)
        if (!table) this.byTable.set(entry.table, (table = new Map()))
        table.set(sysId, entry)
        this.reindex(sysId, entry, 'add')
    }

    private drop(sysId: string): void {
        const entry = this.rows.get(sysId)
        if (!entry) return
        this.reindex(sysId, entry, 'remove')
        this.rows.delete(sysId)
        this.byTable.get(entry.table)?.delete(sysId)
    }

    /**
     * Equality indexes, built on first use per (concrete table, field) and kept up to date by put / drop / modify
     * (the only writers of an entry's values): value → sys_ids. An emulator's convenience (the instance's database
     * has its own indexes); it changes no answer, only how fast `list` finds the candidates.
     */
    private readonly indexes = new Map<string, Map<string, Map<string, Set<string>>>>()

    private indexOf(table: string, field: string): Map<string, Set<string>> {
        let byField = this.indexes.get(table)
        if (!byField) this.indexes.set(table, (byField = new Map()))
        let index = byField.get(field)
        if (!index) {
            byField.set(field, (index = new Map()))
            for (const [id, e] of this.byTable.get(table) ?? []) addTo(index, e.values[field] ?? '', id)
        }
        return index
    }

    private reindex(sysId: string, entry: Entry, how: 'add' | 'remove'): void {
        const byField = this.indexes.get(entry.table)
        if (!byField) return
        for (const [field, index] of byField) {
            const value = entry.values[field] ?? ''
            if (how === 'add') addTo(index, value, sysId)
            else {
                const ids = index.get(value)
                ids?.delete(sysId)
                if (ids?.size === 0) index.delete(value)
            }
        }
    }

    private addJournal(sysId: string, element: string, value: string, actor: string, stamp: string): void {
        const list = this.journals.get(sysId) ?? []
        list.push({ element: element as JournalEntry['element'], value, createdOn: stamp, createdBy: actor })
        this.journals.set(sysId, list)
    }

    private nextNumber(def: TableDef): string {
        const n = this.counters.get(def.name) ?? def.numberStart
        this.counters.set(def.name, n + 1)
        return def.numberPrefix + String(n).padStart(def.numberDigits, '0')
    }

    /** Stores an attachment's bytes; call before creating its sys_attachment row (which notifies waiters). */
    putFile(attachmentSysId: string, content: Buffer): void {
        this.files.set(attachmentSysId, content)
    }

    /** Bytes of an attachment. */
    file(attachmentSysId: string): Buffer | undefined {
        return this.files.get(attachmentSysId)
    }
}
