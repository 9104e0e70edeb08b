/**
 * What auditors and SecOps see, read from the built app (now-app/dist), never from the Fluent sources: every report
 * of shared/src/audit-reports.ts as a sys_report (table, type, filter, grouping, aggregate, columns, roles), the two
 * dashboards (each widget's stored props against its report, permissions by role), the form and list layouts of
 * every app table (the grant's story: sections, fields, annotations, related lists), the "Verify audit chain" UI
 * action and the measures rule. A build can succeed while emitting something else (FLUENT-NOTES.md; a Role object
 * in a report's roles became "[object Object]" here), so every value is asserted.
 */
import { describe, expect, it } from 'vitest'
import {
    AUDIT_DASHBOARDS,
    AUDIT_REPORTS,
    GRANT_FIELDS,
    ROLE,
    TABLE,
    auditReport,
    reportRoles,
    widgetProps,
} from '@gbg/shared'
import { loadAppDist } from '../../test/support/app-dist'

const dist = loadAppDist()
const APP_TABLES = Object.values(TABLE) as string[]
/** sys_id of each dashboard component the app uses (the SDK's name → component table). */
const COMPONENT: Record<string, string> = {
    'single-score': 'd24d53f60350de7a652caf3188a46ed2',
    'vertical-bar': '23051643b7e03010097cb81cde11a910',
    donut: 'a2b0596cec6b9d49dd1ff9bf76b5084b',
}
const SYSTEM_COLUMNS = ['sys_created_on', 'sys_updated_on', 'sys_created_by', 'sys_id']

/** Every field an encoded query names (field before its operator), e.g. 'state' in 'stateINa,b^x=1'. */
function filterFields(filter: string): string[] {
    if (filter === '') return []
    return filter.split('^').map((term) => /^([a-z_]+?)(ISNOTEMPTY|IN|=|<|>|STARTSWITH)/.exec(term)?.[1] ?? `?${term}`)
}

function column(table: string, field: string): boolean {
    return SYSTEM_COLUMNS.includes(field) || (dist.tables.get(table)?.fields.has(field) ?? false)
}

describe('built app: reports (sys_report)', () => {
    const reports = dist.records('sys_report')

    it('has exactly the reports of the contract, one per title', () => {
        expect(reports.map((r) => r.title).sort()).toEqual(AUDIT_REPORTS.map((r) => r.title).sort())
        expect(new Set(AUDIT_REPORTS.map((r) => r.key)).size).toBe(AUDIT_REPORTS.length)
    })

    for (const spec of AUDIT_REPORTS) {
        it(`${spec.key}: answers "${spec.question.slice(0, 60)}…" on the right data, for the right roles`, () => {
            const r = reports.find((x) => x.title === spec.title)!
            expect(r).toBeDefined()
            expect(r).toMatchObject({
                description: spec.question,
                table: spec.table,
                type: spec.type,
                filter: spec.filter,
                field: spec.groupBy,
                aggregate: spec.aggregate,
                sumfield: spec.sumField,
                trend_field: spec.trendField,
                interval: spec.trendField ? 'week' : '',
                field_list: spec.fields.join(','),
                is_published: 'false',
            })
            // Role NAMES (a Role object is emitted as "[object Object]").
            expect((r.roles ?? '').split(',')).toEqual([...reportRoles(spec)])
            for (const role of (r.roles ?? '').split(',')) expect(dist.roles).toContain(role)
            expect((r.roles ?? '').split(',')).not.toContain(ROLE.executor)
            // Every column it names exists on its table.
            const named = [spec.groupBy, spec.sumField, spec.trendField, ...spec.fields, ...filterFields(spec.filter)]
            for (const f of named.filter((x) => x !== ''))
                expect(column(spec.table, f), `${spec.table}.${f}`).toBe(true)
            if (spec.aggregate !== 'COUNT')
                expect(dist.tables.get(spec.table)!.fields.get(spec.sumField)!.type).toBe('integer')
            if (spec.trendField)
                expect(dist.tables.get(spec.table)!.fields.get(spec.trendField)!.type).toBe('glide_date_time')
        })
    }

    it('the measures the duration reports aggregate are computed by the app, never written by the executor', () => {
        const rule = dist.records('sys_script').find((s) => s.name === 'Break-glass: grant report measures')!
        expect(rule).toMatchObject({
            collection: TABLE.grant,
            when: 'before',
            action_insert: 'true',
            action_update: 'true',
            order: '60',
            active: 'true',
        })
        expect(rule.script).toContain("require('x_gbg_breakglass/@gbg/now-app/0.1.0/src/server/grant-measures.ts')")
        expect(dist.moduleByPath('src/server/grant-measures.ts')).toContain('setGrantMeasures')
        const guard = dist
            .records('sys_script')
            .find((s) => s.name === 'Break-glass: executor transitions on the grant')!
        expect(Number(guard.order)).toBeLessThan(Number(rule.order))
        const executorWrites = dist.acls
            .filter((a) => a.table === TABLE.grant && a.operation === 'write' && a.roles.includes(ROLE.executor))
            .map((a) => a.field)
        for (const f of [
            GRANT_FIELDS.approvalLatencySeconds,
            GRANT_FIELDS.timeToAccessSeconds,
            GRANT_FIELDS.revokeLatenessSeconds,
            GRANT_FIELDS.autoApproved,
            GRANT_FIELDS.refusalCode,
            GRANT_FIELDS.planText,
        ])
            expect(executorWrites).not.toContain(f)
    })
})

describe('built app: dashboards (par_dashboard)', () => {
    const dashboards = dist.records('par_dashboard')
    const canvases = dist.records('par_dashboard_canvas')
    const widgets = dist.records('par_dashboard_widget')
    const permissions = dist.records('par_dashboard_permission')

    it('has the SecOps / audit dashboard and the service desk one', () => {
        expect(dashboards.map((d) => d.name).sort()).toEqual(AUDIT_DASHBOARDS.map((d) => d.name).sort())
    })

    for (const spec of AUDIT_DASHBOARDS) {
        it(`${spec.name}: one widget per report, showing that report's data, readable by ${spec.roles.join(', ')}`, () => {
            const dashboard = dashboards.find((d) => d.name === spec.name)!
            expect(dashboard.active).toBe('true')
            const canvasIds = canvases.filter((c) => c.dashboard === dashboard.sys_id).map((c) => c.sys_id)
            const mine = widgets.filter((w) => canvasIds.includes(w.canvas ?? ''))
            expect(mine).toHaveLength(spec.widgets.length)
            const titles = mine.map((w) => (JSON.parse(w.component_props!) as { headerTitle: string }).headerTitle)
            expect(titles.sort()).toEqual(spec.widgets.map((w) => auditReport(w.report).title).sort())
            for (const w of spec.widgets) {
                const report = auditReport(w.report)
                const stored = mine.find(
                    (x) => (JSON.parse(x.component_props!) as { headerTitle: string }).headerTitle === report.title,
                )!
                expect(stored.component).toBe(COMPONENT[w.component])
                const props = JSON.parse(stored.component_props!) as Record<string, unknown>
                // The report's table, filter, aggregate (and grouping) — exactly what widgetProps says.
                for (const [key, value] of Object.entries(widgetProps(w))) expect(props[key]).toEqual(value)
                const source = (props.dataSources as { tableOrViewName: string; filterQuery: string }[])[0]!
                expect(source).toMatchObject({ tableOrViewName: report.table, filterQuery: report.filter })
            }
            const perms = permissions.filter((p) => p.dashboard === dashboard.sys_id)
            expect(perms.map((p) => p['role.display']).sort()).toEqual([...spec.roles].sort())
            for (const p of perms) expect(p).toMatchObject({ can_read: 'true', can_write: 'false', owner: 'false' })
        })
    }
})

describe('built app: form and list layouts', () => {
    const forms = dist.records('sys_ui_form')
    const formSections = dist.records('sys_ui_form_section')
    const sections = dist.records('sys_ui_section')
    const elements = dist.records('sys_ui_element')
    const lists = dist.records('sys_ui_list')
    const listElements = dist.records('sys_ui_list_element')

    /** Section captions of `table`'s default form, in order, with their elements. */
    function formOf(table: string): { caption: string; elements: Record<string, string>[] }[] {
        const form = forms.find((f) => f.name === table && f.view === 'Default view')
        if (!form) return []
        return formSections
            .filter((fs) => fs.sys_ui_form === form.sys_id)
            .sort((a, b) => Number(a.position) - Number(b.position))
            .map((fs) => {
                const section = sections.find((s) => s.sys_id === fs.sys_ui_section)!
                return {
                    caption: section.caption ?? '',
                    elements: elements
                        .filter((e) => e.sys_ui_section === section.sys_id)
                        .sort((a, b) => Number(a.position) - Number(b.position)),
                }
            })
    }
    const fieldsOn = (table: string): string[] =>
        formOf(table).flatMap((s) => s.elements.filter((e) => (e.type ?? '') === '').map((e) => e.element ?? ''))

    it('every app table has a default form showing every column (the receipt content aside)', () => {
        for (const table of APP_TABLES) {
            const shown = fieldsOn(table)
            const expected = [...dist.tables.get(table)!.fields.keys()].filter(
                (f) => !(table === TABLE.ticketUpdate && f === 'content'),
            )
            expect(shown.sort(), table).toEqual(expected.sort())
        }
    })

    it("the grant's story: request, plan in words, approvals, access, revoke evidence, measures, audit trail", () => {
        const form = formOf(TABLE.grant)
        expect(form.map((s) => s.caption)).toEqual([
            'Request',
            'Plan',
            'Approvals',
            'Access',
            'Revoke evidence',
            'Measures',
            'Audit trail',
        ])
        const fieldsIn = (caption: string): string[] =>
            form
                .find((s) => s.caption === caption)!
                .elements.filter((e) => (e.type ?? '') === '')
                .map((e) => e.element!)
        const listsIn = (caption: string): string[] =>
            form
                .find((s) => s.caption === caption)!
                .elements.filter((e) => e.type === 'list')
                .map((e) => e.element!)
        expect(fieldsIn('Plan')).toEqual([GRANT_FIELDS.planText, GRANT_FIELDS.planDigest, GRANT_FIELDS.plan])
        expect(fieldsIn('Approvals')).toEqual(
            expect.arrayContaining([GRANT_FIELDS.approvedAt, GRANT_FIELDS.approvalSummary, GRANT_FIELDS.autoApproved]),
        )
        expect(listsIn('Approvals')).toEqual([`12M.${TABLE.grant}.sysapproval_approver.document_id`])
        expect(fieldsIn('Access')).toEqual(
            expect.arrayContaining([GRANT_FIELDS.providerTxnIds, GRANT_FIELDS.revokedAt]),
        )
        expect(fieldsIn('Revoke evidence')).toEqual([GRANT_FIELDS.evidence])
        expect(fieldsIn('Measures').sort()).toEqual(
            [
                GRANT_FIELDS.approvalLatencySeconds,
                GRANT_FIELDS.revokeLatenessSeconds,
                GRANT_FIELDS.timeToAccessSeconds,
            ].sort(),
        )
        expect(listsIn('Audit trail')).toEqual([
            `12M.${TABLE.grant}.${TABLE.auditEvent}.grant`,
            `12M.${TABLE.grant}.${TABLE.action}.grant`,
            `12M.${TABLE.grant}.${TABLE.ticketUpdate}.grant`,
        ])
        // The annotations say what the digest, the votes and the in-instance verification mean.
        const annotations = dist.records('sys_ui_annotation').map((a) => a.text ?? '')
        const shownIds = form.flatMap((s) => s.elements.filter((e) => e.type === 'annotation').map((e) => e.element))
        expect(shownIds).toHaveLength(4)
        expect(annotations.join('\n')).toMatch(/planDigest/)
        expect(annotations.join('\n')).toMatch(/only "gbg audit verify" also proves/)
    })

    it('every app table has a default list whose columns exist; the audit trail list reads who, what, when, hash', () => {
        for (const table of APP_TABLES) {
            const list = lists.find((l) => l.name === table && !l.parent)
            expect(list, table).toBeDefined()
            const columns = listElements.filter((e) => e.list_id === list!.sys_id).map((e) => e.element!)
            expect(columns.length, table).toBeGreaterThan(2)
            for (const c of columns) expect(column(table, c), `${table}.${c}`).toBe(true)
        }
        const trail = lists.find((l) => l.name === TABLE.auditEvent && l.parent === TABLE.grant)!
        const columns = listElements
            .filter((e) => e.list_id === trail.sys_id)
            .sort((a, b) => Number(a.position) - Number(b.position))
            .map((e) => e.element)
        expect(columns).toEqual(['sequence', 'occurred_at', 'actor', 'event_type', 'payload', 'hash'])
    })
})

describe('built app: "Verify audit chain"', () => {
    it('is a grant form button for auditors and SecOps only, running the shared chain verification server-side', () => {
        const action = dist
            .records('sys_ui_action')
            .find((a) => a.table === TABLE.grant && a.name === 'Verify audit chain')!
        expect(action).toBeDefined()
        expect(action).toMatchObject({ show_insert: 'false', show_update: 'true', form_button: 'true' })
        expect(action.script).toContain("require('x_gbg_breakglass/@gbg/now-app/0.1.0/src/server/chain-verify.ts')")
        const module = dist.moduleByPath('src/server/chain-verify.ts')
        expect(module).toContain('verifyChainFromGrant')
        expect(module).toMatch(/import \{ verifyChain \} from '.\/shared\/audit-chain'/)
        expect(dist.moduleByPath('src/server/shared/audit-chain.ts')).toContain('function verifyChain')
        const roles = dist
            .records('sys_ui_action_role')
            .filter((r) => r.sys_ui_action === action.sys_id)
            .map((r) => r['sys_user_role.display'])
            .sort()
        expect(roles).toEqual([ROLE.auditor, ROLE.secops])
    })
})
