import { describe, expect, it } from 'vitest'
import { CATALOG_ITEM, EVENT, PLATFORM_TABLE, ROLE, TABLE } from '@gbg/shared'
import { loadAppDist } from '../../test/support/app-dist'

/*
 * The request workflow as built: a passing build proves little (see FLUENT-NOTES), so these read now-app/dist and
 * check that each business rule, job, UI action and REST route is on the right table / phase / roles and calls an
 * exported function of a server module the build emitted, and that every module's imports resolve.
 */
const dist = loadAppDist()
const PREFIX = 'x_gbg_breakglass/@gbg/now-app/0.1.0/'

/** The function and module a generated script calls (`// @fluent-module fn;false;path`). */
function wired(script: string | undefined): { fn: string; path: string } {
    const m = /@fluent-module ([A-Za-z0-9_]+);[a-z]+;(\S+)/.exec(script ?? '')
    expect(m, 'script is not wired to a server module').not.toBeNull()
    return { fn: m![1]!, path: m![2]! }
}

/** Assert the script calls `fn` exported by `modulePath` and that the module was packaged. */
function expectWired(script: string | undefined, modulePath: string, fn: string): void {
    const w = wired(script)
    expect(w).toEqual({ fn, path: PREFIX + modulePath })
    const content = dist.moduleByPath(modulePath)
    expect(content, `${modulePath} not packaged`).toBeDefined()
    expect(content).toMatch(new RegExp(`export function ${fn}\\b`))
}

const rolesOf = (uiActionSysId: string): string[] =>
    dist
        .records('sys_ui_action_role')
        .filter((r) => r.sys_ui_action === uiActionSysId)
        .map((r) => r['sys_user_role.display'] ?? '')
        .sort()

describe('built app: workflow business rules', () => {
    const rules = dist.records('sys_script')
    const rule = (name: string) => {
        const found = rules.filter((r) => r.name === name)
        expect(found, name).toHaveLength(1)
        return found[0]!
    }
    const cases: [string, string, 'before' | 'after' | 'async', 'insert' | 'update', string, string][] = [
        [
            'Break-glass: catalog request creates a grant',
            PLATFORM_TABLE.ritm,
            'async',
            'insert',
            'src/server/catalog-submit.ts',
            'onRitmInserted',
        ],
        ['Break-glass: judge a new request', TABLE.grant, 'after', 'insert', 'src/server/submit.ts', 'onGrantInserted'],
        [
            'Break-glass: approvers may only shorten the duration',
            TABLE.grant,
            'before',
            'update',
            'src/server/grant-rules.ts',
            'guardApprovedDuration',
        ],
        [
            'Break-glass: tell people what the executor did',
            TABLE.grant,
            'after',
            'update',
            'src/server/grant-rules.ts',
            'onGrantStateChanged',
        ],
        [
            'Break-glass: refuse self-approval',
            PLATFORM_TABLE.approval,
            'before',
            'update',
            'src/server/approvals.ts',
            'guardApprovalVote',
        ],
        [
            'Break-glass: decide on each vote',
            PLATFORM_TABLE.approval,
            'after',
            'update',
            'src/server/approvals.ts',
            'onApprovalVote',
        ],
        [
            'Break-glass: only the app creates approvals',
            PLATFORM_TABLE.approval,
            'before',
            'insert',
            'src/server/approvals.ts',
            'guardApprovalInsert',
        ],
        [
            'Break-glass: claim guard on the action queue',
            TABLE.action,
            'before',
            'update',
            'src/server/claim-guard-rule.ts',
            'guardActionWrite',
        ],
        [
            'Break-glass: audit chain has one head',
            TABLE.auditEvent,
            'before',
            'insert',
            'src/server/audit-chain-rule.ts',
            'guardAuditAppend',
        ],
    ]
    // An extended grant's scheduled revoke moves with it (behaviour: server-extend.test.ts).
    cases.push([
        'Break-glass: an extended grant moves its scheduled revoke',
        TABLE.grant,
        'after',
        'update',
        'src/server/extend.ts',
        'onGrantExpiryMoved',
    ])
    for (const [name, table, when, on, path, fn] of cases) {
        it(`${name}: ${when} ${on} on ${table}, calling ${fn}`, () => {
            const r = rule(name)
            expect(r).toMatchObject({
                collection: table,
                // The SDK emits an async rule as `async_always` (the platform's current async mode).
                when: when === 'async' ? 'async_always' : when,
                active: 'true',
                action_insert: String(on === 'insert'),
                action_update: String(on === 'update'),
                action_delete: 'false',
            })
            expectWired(r.script, path, fn)
        })
    }

    it('conditions keep the approval rules to this app and to state changes', () => {
        for (const name of ['Break-glass: refuse self-approval', 'Break-glass: decide on each vote']) {
            expect(rule(name).condition).toBe(
                "current.source_table == 'x_gbg_breakglass_grant' && current.state.changes()",
            )
        }
        expect(rule('Break-glass: judge a new request').condition).toBe("current.state == 'requested'")
        expect(rule('Break-glass: tell people what the executor did').condition).toBe('current.state.changes()')
        expect(rule('Break-glass: an extended grant moves its scheduled revoke').condition).toBe(
            "current.expires_at.changes() && current.state == 'active'",
        )
    })

    it('has no other business rule', () => {
        // The policy two-person rule (insert and update) is checked in server-policy-integrity.test.ts.
        const policyRule = 'Break-glass: policy changes need a second SecOps person'
        // The executor's state machine (action inserts, grant inserts / updates) is checked in
        // dist-business-rules.test.ts.
        const stateMachine = [
            'Break-glass: executor creates only revoke and verify actions',
            'Break-glass: executor transitions on the grant',
        ]
        // The ticket-update table's guard and effect rules are checked in dist-executor-api.test.ts.
        const ticketUpdate = ['Break-glass: perform ticket update', 'Break-glass: ticket update stays within its grant']
        // Ticket-bound access and cancel are checked in server-ticket-bound-cancel.test.ts.
        const ticketBound = [
            'Break-glass: access ends with its incident',
            'Break-glass: access ends with its change and its window',
            'Break-glass: a cancelled request stays cancelled',
        ]
        // The report measures rule is checked in dist-audit.test.ts.
        const measures = ['Break-glass: grant report measures']
        // The nudge (async) is checked in dist-business-rules.test.ts.
        const nudge = ['Break-glass: nudge the executor when an action is queued']
        expect(rules.map((r) => r.name).sort()).toEqual(
            [
                ...cases.map((c) => c[0]),
                policyRule,
                ...stateMachine,
                ...ticketUpdate,
                ...ticketBound,
                ...measures,
                ...nudge,
            ].sort(),
        )
    })
})

describe('built app: watchdog job', () => {
    it('runs runWatchdog every 5 minutes from a fixed start, not the build time', () => {
        const jobs = dist.records('sysauto_script')
        expect(jobs).toHaveLength(1)
        expect(jobs[0]).toMatchObject({
            name: 'Break-glass watchdog',
            active: 'true',
            run_type: 'periodically',
            run_period: '1970-01-01 00:05:00',
            run_start: '2026-01-01 00:00:00',
        })
        expectWired(jobs[0]!.script, 'src/server/watchdog.ts', 'runWatchdog')
    })
})

describe('built app: workflow UI actions', () => {
    const actions = dist.records('sys_ui_action')
    const find = (table: string, name: string) => {
        const a = actions.find((x) => x.table === table && x.name === name)
        expect(a, `${table} ${name}`).toBeDefined()
        return a!
    }

    it('every UI action is hidden on new records; all but the cancel actions are role-gated', () => {
        // The workflow actions, the cancel actions, "Extend", the emergency actions on incidents and incident tasks,
        // and "Verify audit chain" (its roles: dist-audit.test.ts).
        expect(actions).toHaveLength(14)
        // Cancel: the approvers the route asked hold no app role, so the server decides who may (shared/src/cancel.ts);
        // Extend: the person the access is for, judged by the server too (shared/src/extend.ts).
        const cancel = ['Cancel before start', 'Cancel break-glass request', 'Extend (30 more minutes)']
        for (const a of actions) {
            expect(a.show_insert, a.name).toBe('false')
            if (cancel.indexOf(a.name ?? '') >= 0) expect(rolesOf(a.sys_id!), a.name).toEqual([])
            else expect(rolesOf(a.sys_id!).length, a.name).toBeGreaterThan(0)
        }
    })

    it('the extend action calls the server module on active grants that are not extensions themselves', () => {
        const extend = find(TABLE.grant, 'Extend (30 more minutes)')
        expect(extend.condition).toBe("String(current.state) == 'active' && String(current.extends_grant) == ''")
        expectWired(extend.script, 'src/server/extend.ts', 'extendFromGrant')
    })

    it('cancel actions call the server module on approved / queued grants only', () => {
        const onGrant = find(TABLE.grant, 'Cancel before start')
        expect(onGrant.condition).toBe("['approved','queued'].indexOf(String(current.state)) >= 0")
        expectWired(onGrant.script, 'src/server/cancel.ts', 'cancelFromGrant')
        const onRitm = find(PLATFORM_TABLE.ritm, 'Cancel break-glass request')
        for (const item of Object.values(CATALOG_ITEM)) expect(onRitm.condition).toContain(`'${item.name}'`)
        expectWired(onRitm.script, 'src/server/cancel.ts', 'cancelFromRitm')
    })

    it('emergency actions for every catalog item on incidents and incident tasks', () => {
        for (const table of [PLATFORM_TABLE.incident, 'incident_task']) {
            const admin = find(table, 'Request break-glass access')
            const role = find(table, 'Request break-glass Entra role')
            const group = find(table, 'Request break-glass Entra group')
            const console = find(table, 'Request emergency console action')
            expectWired(admin.script, 'src/server/emergency.ts', 'requestBreakGlassFromIncident')
            expectWired(role.script, 'src/server/emergency.ts', 'requestEntraRoleFromIncident')
            expectWired(group.script, 'src/server/emergency.ts', 'requestEntraGroupFromIncident')
            expectWired(console.script, 'src/server/emergency.ts', 'requestConsoleFromIncident')
            for (const a of [admin, role, group, console]) {
                expect(a.condition).toContain('current.active == true')
                expect(a.condition).toContain(
                    table === 'incident_task' ? 'current.incident.priority' : 'current.priority',
                )
                expect(rolesOf(a.sys_id!)).toEqual([ROLE.agent, ROLE.requester, ROLE.secops].sort())
            }
        }
    })

    it('"Request break-glass access" on open P1/P2 incidents for agents, SecOps and requesters', () => {
        const a = find(PLATFORM_TABLE.incident, 'Request break-glass access')
        expect(a.condition).toContain("String(current.priority) == '1'")
        expect(a.condition).toContain("String(current.priority) == '2'")
        expect(a.condition).toContain('current.active == true')
        expect(rolesOf(a.sys_id!)).toEqual([ROLE.agent, ROLE.requester, ROLE.secops].sort())
        expectWired(a.script, 'src/server/emergency.ts', 'requestBreakGlassFromIncident')
    })

    it('"Revoke break-glass access now" on the RITM of every catalog item', () => {
        const a = find(PLATFORM_TABLE.ritm, 'Revoke break-glass access now')
        for (const item of Object.values(CATALOG_ITEM)) expect(a.condition).toContain(`'${item.name}'`)
        expect(rolesOf(a.sys_id!)).toEqual([ROLE.agent, ROLE.approver, ROLE.requester, ROLE.secops].sort())
        expectWired(a.script, 'src/server/revoke-now.ts', 'revokeNowFromRitm')
    })
})

describe('built app: proposal REST API', () => {
    it('POST /proposals requires authentication and the proposer-only REST ACL, and calls proposeRequest', () => {
        // The executor's own API (/api/x_gbg_breakglass/executor) is checked in dist-executor-api.test.ts.
        const definitions = dist.records('sys_ws_definition').filter((d) => d.service_id === 'breakglass')
        expect(definitions).toHaveLength(1)
        const ops = dist.records('sys_ws_operation').filter((o) => o.web_service_definition === definitions[0]!.sys_id)
        expect(ops).toHaveLength(1)
        const op = ops[0]!
        const acl = dist.acls.find((a) => a.type === 'REST_Endpoint' && a.sysId === op.enforce_acl)
        expect(acl?.roles).toEqual([ROLE.proposer])
        expect(op).toMatchObject({
            http_method: 'POST',
            operation_uri: '/api/x_gbg_breakglass/breakglass/proposals',
            requires_authentication: 'true',
            requires_acl_authorization: 'true',
            enforce_acl: acl!.sysId,
            active: 'true',
        })
        expect(definitions[0]).toMatchObject({
            namespace: 'x_gbg_breakglass',
            service_id: 'breakglass',
            enforce_acl: acl!.sysId,
        })
        expectWired(op.operation_script, 'src/server/proposal-api.ts', 'proposeRequest')
    })
})

describe('built app: the approval timeout at its due time', () => {
    it('one active script action on approval.due calls onApprovalDue with the script action globals (event, current)', () => {
        const actions = dist.records('sysevent_script_action')
        expect(actions.map((a) => [a.event_name, a.active])).toEqual([[EVENT.approvalDue, 'true']])
        expectWired(actions[0]!.script, 'src/server/watchdog.ts', 'onApprovalDue')
        // The SDK calls the module function with its own parameter names: anything but these globals is undefined.
        expect(actions[0]!.script).toMatch(/onApprovalDue\(event, current\);/)
    })
})

describe('built app: events and e-mail notifications', () => {
    const registered = dist.records('sysevent_register')
    const emails = dist.records('sysevent_email_action')

    it('registers every event the server modules fire (scoped name, suffix, at most 40 characters)', () => {
        expect(registered.map((r) => r.event_name).sort()).toEqual(Object.values(EVENT).sort())
        for (const r of registered) {
            expect(r.event_name!.length, r.event_name).toBeLessThanOrEqual(40)
            expect(r.event_name).toBe(`x_gbg_breakglass.${r.suffix}`)
            expect(r.fired_by, r.event_name).not.toBe('')
        }
    })

    it('has one active event-driven HTML e-mail per event, on the grant table, except the approval request', () => {
        // The approver's e-mail is the platform's approval notification on sysapproval_approver (its approve /
        // reject reply links work); one of ours would be a second e-mail without them.
        // approval.due is no e-mail either: a scheduled event its script action handles (below).
        const withEmail = Object.values(EVENT).filter((e) => e !== EVENT.approvalRequested && e !== EVENT.approvalDue)
        expect(emails.map((e) => e.event_name).sort()).toEqual(withEmail.sort())
        for (const e of emails) {
            expect(e, e.name).toMatchObject({
                collection: TABLE.grant,
                generation_type: 'event',
                active: 'true',
                content_type: 'text/html',
            })
            expect(e.subject, e.name).toContain('${number}')
        }
    })

    it('every e-mail names the request and person, prints the event text only escaped, and links to the grant', () => {
        for (const e of emails) {
            const html = e.message_html ?? ''
            expect(html, e.name).toContain('${number}')
            expect(html, e.name).toContain('${requested_for}')
            expect(html, e.name).toContain('${mail_script:x_gbg_breakglass_event_text}')
            expect(html, e.name).toContain('${URI_REF}')
            // Free text only through the escaping mail script; no plan, digest or raw ids in an e-mail.
            for (const raw of [
                '${event.parm2}',
                '${plan',
                '${plan_digest}',
                '${policy_decision}',
                '${provider_txn_ids}',
            ])
                expect(`${e.subject} ${html} ${e.message_text ?? ''}`, `${e.name}: ${raw}`).not.toContain(raw)
        }
    })

    it('revoke failures go to SecOps (event parm1), the rest to the requester', () => {
        const by = (event: string) => emails.find((e) => e.event_name === event)!
        expect(by(EVENT.revokeFailed)).toMatchObject({ event_parm_1: 'true', mandatory: 'true', importance: 'high' })
        for (const event of [
            EVENT.approved,
            EVENT.rejected,
            EVENT.cancelled,
            EVENT.granted,
            EVENT.expiryWarning,
            EVENT.revoked,
        ]) {
            expect(by(event).recipient_fields, event).toContain('requested_for')
        }
    })

    it('the mail script, as built, prints parm2 HTML-escaped with its line breaks (run on a fake template)', () => {
        const scripts = dist.records('sys_script_email').filter((m) => m.name === 'x_gbg_breakglass_event_text')
        expect(scripts).toHaveLength(1)
        const printed: string[] = []
        const template = { print: (t: string) => printed.push(t) }
        const event = { parm2: 'Rejected by <b>Bob</b> & "Carol": it\'s risky\nNothing was granted.' }
        new Function('current', 'template', 'email', 'email_action', 'event', scripts[0]!.script!)(
            {},
            template,
            {},
            {},
            event,
        )
        expect(printed.join('')).toBe(
            '<p>Rejected by &lt;b&gt;Bob&lt;/b&gt; &amp; &quot;Carol&quot;: it&#39;s risky<br>Nothing was granted.</p>',
        )
    })
})

describe('built app: server modules', () => {
    const modules = dist.records('sys_module').filter((m) => (m.path ?? '').includes('/src/server/'))

    it('every relative import of every server module resolves to a packaged module', () => {
        expect(modules.length).toBeGreaterThan(20)
        const paths = new Set(modules.map((m) => m.path))
        for (const m of modules) {
            const dir = m.path!.slice(0, m.path!.lastIndexOf('/'))
            for (const match of (m.content ?? '').matchAll(/from ['"](\.[^'"]+)['"]/g)) {
                const target = new URL(match[1]!, `file:///${dir}/`).pathname.slice(1)
                const candidates = [target, `${target}.ts`, `${target}/index.ts`]
                expect(
                    candidates.some((c) => paths.has(c)),
                    `${m.path} imports ${match[1]}`,
                ).toBe(true)
            }
            for (const match of (m.content ?? '').matchAll(/from ['"]([^.'"][^'"]*)['"]/g)) {
                expect(match[1], `${m.path} imports a package`).toMatch(/^@servicenow\/glide/)
            }
        }
    })

    it('the ATF watchdog test requires the module by the path the build gives it', () => {
        const inputs = dist.records('sys_variable_value').map((v) => v.value ?? '')
        const script = inputs.find((v) => v.includes('runWatchdog'))
        expect(script).toContain(`require('${PREFIX}src/server/watchdog.ts')`)
    })
})

describe('built app: ATF tests', () => {
    it('covers policy reject, approval path with self-approval refused, revoke now and the watchdog', () => {
        const tests = dist
            .records('sys_atf_test')
            .map((t) => t.name)
            .sort()
        expect(tests).toEqual(
            [
                'Break-glass: "Revoke now" on an active grant queues a priority-1 revoke',
                'Break-glass: ordering "Temporary Entra role" from the catalog reaches awaiting approval',
                'Break-glass: ordering "Temporary local admin access" from the catalog reaches awaiting approval',
                'Break-glass: a request out of policy is refused with its reasons and nothing is queued',
                'Break-glass: manager approval queues one grant action; self-approval is refused',
                'Break-glass: the watchdog raises an incident for a grant past its expiry and re-queues the revoke',
            ].sort(),
        )
        expect(dist.records('sys_atf_test').every((t) => t.active === 'true')).toBe(true)
    })

    it("ties each test's queries to that test's own grant (a query that could match anything proves nothing)", () => {
        const values = dist.records('sys_variable_value').map((v) => v.value ?? '')
        const queries = values.filter((v) => v.includes('grant.justification='))
        const inserted = values.filter((v) => /(^|\^)justification=ATF /.test(v))
        expect(queries).toHaveLength(4)
        for (const q of queries) {
            const justification = /grant\.justification=([^^]+)/.exec(q)![1]!
            expect(
                inserted.some(
                    (i) =>
                        i.includes(`justification=${justification}^`) || i.endsWith(`justification=${justification}`),
                ),
            ).toBe(true)
        }
    })

    it('the Revoke now test clicks the Revoke now UI action of the grant form', () => {
        const revokeNow = dist.records('sys_ui_action').find((a) => a.table === TABLE.grant && a.name === 'Revoke now')!
        const values = dist.records('sys_variable_value').map((v) => v.value)
        expect(values).toContain(revokeNow.sys_id)
    })
})

describe('built app: cross-scope access', () => {
    it('declares exactly the platform-table operations the server modules use, and no delete', () => {
        const privileges = dist
            .records('sys_scope_privilege')
            .map((p) => `${p.target_name}:${p.operation}`)
            .sort()
        expect(privileges).toEqual(
            [
                'change_request:read',
                'cmdb_ci_computer:read',
                'incident:create',
                'incident:read',
                'incident:write',
                // emergency requests from an incident task (emergency.ts)
                'incident_task:read',
                'sc_cat_item:read',
                'sc_req_item:read',
                'sc_req_item:write',
                // the executor's receipt attached by the ticket-update rule (dist-executor-api.test.ts)
                'sys_attachment:create',
                'sys_attachment:read',
                // who set an incident's priority / assignment group (request.ts withTicketHistory)
                'sys_audit:read',
                'sys_journal_field:read',
                'sys_user:read',
                'sys_user_grmember:read',
                // delegated votes (vote-io.ts)
                'sys_user_delegate:read',
                // the executor API's context and gate facts (groups, roles)
                'sys_user_group:read',
                'sys_user_has_role:read',
                'sys_user_role:read',
                'sysapproval_approver:create',
                'sysapproval_approver:read',
                'sysapproval_approver:write',
            ].sort(),
        )
        for (const p of dist.records('sys_scope_privilege')) {
            expect(p, p.target_name).toMatchObject({
                status: 'allowed',
                target_scope: 'global',
                target_type: 'sys_db_object',
            })
        }
    })
})
