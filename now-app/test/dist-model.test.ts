/**
 * The built app (now-app/dist) against the data contract in shared/src/schema.ts: tables, fields, types,
 * choices, numbering, indexes, web service access, roles, catalog items, properties, navigation and module
 * wiring. Everything is read from what `now-sdk build` emitted, never from the Fluent sources, because the
 * build can succeed while emitting something else (see FLUENT-NOTES.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import {
    ACTION_FIELDS,
    ACTION_STATES,
    ACTION_TYPES,
    AUDIT_FIELDS,
    EXECUTOR_FIELDS,
    GRANT_FIELDS,
    GRANT_STATES,
    POLICY_FIELDS,
    PROPERTY,
    PROVIDERS,
    ROLE,
    TABLE,
    TARGET_KINDS,
    TICKET_UPDATE_FIELDS,
} from '../../shared/src/schema'
import { DEFAULT_DIST_DIR, loadAppDist, type AppDist } from '../../test/support/app-dist'

/** What a column must look like in dist. `minLength` for long text, `maxLength` for exact-width columns. */
interface ColumnSpec {
    type: string
    reference?: string
    choices?: readonly string[]
    minLength?: number
    maxLength?: number
}

const str = (): ColumnSpec => ({ type: 'string' })
/** JSON payloads and long text: at least 8000 characters (plan, evidence, payload, rule lists). */
const long = (minLength = 8000): ColumnSpec => ({ type: 'string', minLength })
const hash = (): ColumnSpec => ({ type: 'string', minLength: 64, maxLength: 64 })
const int = (): ColumnSpec => ({ type: 'integer' })
const bool = (): ColumnSpec => ({ type: 'boolean' })
const time = (): ColumnSpec => ({ type: 'glide_date_time' })
const ref = (reference: string): ColumnSpec => ({ type: 'reference', reference })
const list = (reference: string): ColumnSpec => ({ type: 'glide_list', reference })
const choice = (choices: readonly string[]): ColumnSpec => ({ type: 'choice', choices })

/** Expected column shapes, keyed by the contract constants so a renamed field cannot slip through. */
const EXPECTED: Record<string, Record<string, ColumnSpec>> = {
    [TABLE.grant]: {
        [GRANT_FIELDS.number]: str(),
        [GRANT_FIELDS.requestedFor]: ref('sys_user'),
        [GRANT_FIELDS.openedBy]: ref('sys_user'),
        [GRANT_FIELDS.targetKind]: choice(TARGET_KINDS),
        [GRANT_FIELDS.provider]: choice(PROVIDERS),
        [GRANT_FIELDS.targetCi]: ref('cmdb_ci_computer'),
        [GRANT_FIELDS.targetRoleId]: str(),
        [GRANT_FIELDS.targetRoleName]: str(),
        [GRANT_FIELDS.targetGroupId]: str(),
        [GRANT_FIELDS.targetAccount]: str(),
        [GRANT_FIELDS.targetTenantId]: str(),
        [GRANT_FIELDS.targetTenantName]: str(),
        [GRANT_FIELDS.targetScope]: str(),
        [GRANT_FIELDS.requestedDuration]: int(),
        [GRANT_FIELDS.approvedDuration]: int(),
        [GRANT_FIELDS.justification]: { type: 'multi_two_lines', minLength: 4000, maxLength: 4000 },
        [GRANT_FIELDS.ritm]: ref('sc_req_item'),
        [GRANT_FIELDS.incident]: ref('incident'),
        [GRANT_FIELDS.change]: ref('change_request'),
        [GRANT_FIELDS.emergency]: bool(),
        [GRANT_FIELDS.proposedBy]: ref('sys_user'),
        [GRANT_FIELDS.plan]: long(),
        [GRANT_FIELDS.planDigest]: hash(),
        [GRANT_FIELDS.approvalSummary]: long(),
        [GRANT_FIELDS.approvedAt]: time(),
        [GRANT_FIELDS.state]: choice(GRANT_STATES),
        [GRANT_FIELDS.grantedAt]: time(),
        [GRANT_FIELDS.expiresAt]: time(),
        [GRANT_FIELDS.revokedAt]: time(),
        [GRANT_FIELDS.revokeReason]: str(),
        [GRANT_FIELDS.providerTxnIds]: long(4000),
        [GRANT_FIELDS.executorInstance]: str(),
        [GRANT_FIELDS.lastError]: long(4000),
        [GRANT_FIELDS.evidence]: long(),
        [GRANT_FIELDS.policyDecision]: long(65000),
        [GRANT_FIELDS.approvalRequestedAt]: time(),
        [GRANT_FIELDS.approvalStage]: int(),
        [GRANT_FIELDS.expiryWarned]: bool(),
        [GRANT_FIELDS.watchdogIncident]: ref('incident'),
        [GRANT_FIELDS.approvalLatencySeconds]: int(),
        [GRANT_FIELDS.timeToAccessSeconds]: int(),
        [GRANT_FIELDS.revokeLatenessSeconds]: int(),
        [GRANT_FIELDS.autoApproved]: bool(),
        [GRANT_FIELDS.refusalCode]: { type: 'string', maxLength: 64 },
        [GRANT_FIELDS.planText]: long(),
        [GRANT_FIELDS.extendsGrant]: ref(TABLE.grant),
    },
    [TABLE.action]: {
        [ACTION_FIELDS.number]: str(),
        [ACTION_FIELDS.grant]: ref(TABLE.grant),
        [ACTION_FIELDS.type]: choice(ACTION_TYPES),
        [ACTION_FIELDS.state]: choice(ACTION_STATES),
        [ACTION_FIELDS.priority]: int(),
        [ACTION_FIELDS.notBefore]: time(),
        [ACTION_FIELDS.attempts]: int(),
        [ACTION_FIELDS.maxAttempts]: int(),
        [ACTION_FIELDS.leaseOwner]: str(),
        [ACTION_FIELDS.leaseUntil]: time(),
        [ACTION_FIELDS.idempotencyKey]: str(),
        [ACTION_FIELDS.requestedBy]: ref('sys_user'),
        [ACTION_FIELDS.reason]: str(),
        [ACTION_FIELDS.lastError]: long(4000),
        [ACTION_FIELDS.result]: long(),
        [ACTION_FIELDS.completedAt]: time(),
    },
    [TABLE.policy]: {
        [POLICY_FIELDS.name]: str(),
        [POLICY_FIELDS.active]: bool(),
        [POLICY_FIELDS.order]: int(),
        [POLICY_FIELDS.targetKind]: choice(['any', ...TARGET_KINDS]),
        [POLICY_FIELDS.minDuration]: int(),
        [POLICY_FIELDS.maxDuration]: int(),
        [POLICY_FIELDS.emergencyMaxDuration]: int(),
        [POLICY_FIELDS.allowedDeviceClasses]: long(),
        [POLICY_FIELDS.corpManagedOnly]: bool(),
        [POLICY_FIELDS.blockedUsers]: list('sys_user'),
        [POLICY_FIELDS.blockedGroups]: list('sys_user_group'),
        [POLICY_FIELDS.allowedRoles]: long(),
        [POLICY_FIELDS.changeRequiredForServers]: bool(),
        [POLICY_FIELDS.changeRequiredForProduction]: bool(),
        [POLICY_FIELDS.incidentRequiredForEmergency]: bool(),
        [POLICY_FIELDS.businessHours]: long(),
        [POLICY_FIELDS.secondApproverRules]: long(),
        [POLICY_FIELDS.secondApproverGroup]: ref('sys_user_group'),
        [POLICY_FIELDS.highRiskRoles]: long(),
        [POLICY_FIELDS.autoApproveRules]: long(),
        [POLICY_FIELDS.approvalTimeoutMinutes]: int(),
        [POLICY_FIELDS.emergencyApprovalTimeoutMinutes]: int(),
        [POLICY_FIELDS.escalationGroup]: ref('sys_user_group'),
        [POLICY_FIELDS.incidentCommandGroup]: ref('sys_user_group'),
        [POLICY_FIELDS.securityGroup]: ref('sys_user_group'),
        [POLICY_FIELDS.customerAuthorityGroup]: ref('sys_user_group'),
        [POLICY_FIELDS.editedBy]: ref('sys_user'),
        [POLICY_FIELDS.confirmedBy]: ref('sys_user'),
        [POLICY_FIELDS.confirmedAt]: time(),
        [POLICY_FIELDS.confirmedDigest]: hash(),
    },
    [TABLE.auditEvent]: {
        [AUDIT_FIELDS.grant]: ref(TABLE.grant),
        [AUDIT_FIELDS.action]: ref(TABLE.action),
        [AUDIT_FIELDS.sequence]: int(),
        [AUDIT_FIELDS.eventType]: str(),
        [AUDIT_FIELDS.actor]: str(),
        [AUDIT_FIELDS.occurredAt]: time(),
        [AUDIT_FIELDS.payload]: long(),
        [AUDIT_FIELDS.prevHash]: hash(),
        [AUDIT_FIELDS.hash]: hash(),
        // HMAC-SHA256 (hex) of the executor's own events; empty on the app's (docs/security.md, "Audit chain").
        [AUDIT_FIELDS.mac]: hash(),
    },
    [TABLE.executor]: {
        [EXECUTOR_FIELDS.name]: str(),
        [EXECUTOR_FIELDS.host]: str(),
        [EXECUTOR_FIELDS.version]: str(),
        [EXECUTOR_FIELDS.lastPollAt]: time(),
        [EXECUTOR_FIELDS.lastClaimAt]: time(),
    },
    [TABLE.ticketUpdate]: {
        [TICKET_UPDATE_FIELDS.grant]: ref(TABLE.grant),
        [TICKET_UPDATE_FIELDS.kind]: str(),
        [TICKET_UPDATE_FIELDS.incident]: ref('incident'),
        [TICKET_UPDATE_FIELDS.text]: str(),
        [TICKET_UPDATE_FIELDS.incidentKind]: str(),
        [TICKET_UPDATE_FIELDS.priority]: int(),
        [TICKET_UPDATE_FIELDS.shortDescription]: str(),
        [TICKET_UPDATE_FIELDS.fileName]: str(),
        [TICKET_UPDATE_FIELDS.contentType]: str(),
        [TICKET_UPDATE_FIELDS.content]: str(),
        [TICKET_UPDATE_FIELDS.idempotencyKey]: str(),
        [TICKET_UPDATE_FIELDS.state]: str(),
        [TICKET_UPDATE_FIELDS.resultSysId]: str(),
        [TICKET_UPDATE_FIELDS.resultNumber]: str(),
        [TICKET_UPDATE_FIELDS.error]: str(),
    },
}

/** The field constants of each table, as the contract lists them. */
const CONTRACT_FIELDS: Record<string, Record<string, string>> = {
    [TABLE.grant]: GRANT_FIELDS,
    [TABLE.action]: ACTION_FIELDS,
    [TABLE.policy]: POLICY_FIELDS,
    [TABLE.auditEvent]: AUDIT_FIELDS,
    [TABLE.executor]: EXECUTOR_FIELDS,
    [TABLE.ticketUpdate]: TICKET_UPDATE_FIELDS,
}

/**
 * Tables the executor reaches through the Table API and that therefore carry ws_access=true: grant, action,
 * audit event and executor (read/write), policy (read: the recheck gate re-runs policy before each
 * privileged call) and ticket update (create/read: its platform-side effects, done by the app). Documented in
 * now-app/README.md and in each table file.
 */
const WEB_SERVICE_TABLES: readonly string[] = [
    TABLE.grant,
    TABLE.action,
    TABLE.auditEvent,
    TABLE.executor,
    TABLE.policy,
    TABLE.ticketUpdate,
]

let dist: AppDist

beforeAll(() => {
    // Setup: npm test builds the app first (`now-sdk build --frozenKeys`); a missing dist fails loudly here.
    dist = loadAppDist()
})

describe('tables and fields match shared/src/schema.ts', () => {
    it('emits exactly the contract tables', () => {
        // Execution / validation: no table missing, none extra
        expect([...dist.tables.keys()].sort()).toEqual(Object.values(TABLE).sort())
    })

    it('the expectations in this file cover every contract field (test and contract cannot drift)', () => {
        // Validation: EXPECTED lists exactly the fields of each *_FIELDS constant
        for (const table of Object.values(TABLE)) {
            expect(Object.keys(EXPECTED[table] ?? {}).sort(), table).toEqual(
                Object.values(CONTRACT_FIELDS[table] ?? {}).sort(),
            )
        }
    })

    for (const table of Object.values(TABLE)) {
        it(`${table}: every field exists with its type, reference, length and choices, and no other field`, () => {
            // Setup
            const distTable = dist.tables.get(table)
            expect(distTable, `${table} missing from dist`).toBeDefined()
            const fields = distTable?.fields ?? new Map()
            const contract = Object.values(CONTRACT_FIELDS[table] ?? {})

            // Validation: the app defines no column outside the contract
            expect([...fields.keys()].sort()).toEqual([...contract].sort())
            for (const name of contract) {
                const field = fields.get(name)
                const spec = EXPECTED[table]?.[name]
                expect(field, `${table}.${name}`).toBeDefined()
                if (!field || !spec) continue
                expect(field.type, `${table}.${name} type`).toBe(spec.type)
                expect(field.label, `${table}.${name} label`).not.toBe('')
                if (spec.reference !== undefined)
                    expect(field.reference, `${table}.${name} reference`).toBe(spec.reference)
                else expect(field.reference, `${table}.${name} reference`).toBe('')
                if (spec.minLength !== undefined)
                    expect(field.maxLength, `${table}.${name} length`).toBeGreaterThanOrEqual(spec.minLength)
                if (spec.maxLength !== undefined)
                    expect(field.maxLength, `${table}.${name} length`).toBeLessThanOrEqual(spec.maxLength)
                if (spec.choices !== undefined)
                    expect([...field.choices].sort(), `${table}.${name} choices`).toEqual([...spec.choices].sort())
                else expect(field.choices, `${table}.${name} choices`).toEqual([])
            }
        })
    }

    it('state fields default to the first lifecycle state', () => {
        // Validation: a new grant is requested, a new action is ready
        expect(dist.tables.get(TABLE.grant)?.fields.get(GRANT_FIELDS.state)?.defaultValue).toBe(GRANT_STATES[0])
        expect(dist.tables.get(TABLE.action)?.fields.get(ACTION_FIELDS.state)?.defaultValue).toBe(ACTION_STATES[0])
    })

    it('grant and action are auto-numbered (sys_number + number default), with distinct prefixes', () => {
        // Setup
        const numbers = dist.records('sys_number')
        const prefixes: string[] = []

        for (const table of [TABLE.grant, TABLE.action]) {
            // Execution
            const counter = numbers.find((n) => n['category'] === table)
            const field = dist.tables.get(table)?.fields.get(GRANT_FIELDS.number)

            // Validation: autoNumber silently does nothing without this default
            expect(counter, `sys_number for ${table}`).toBeDefined()
            expect(counter?.['prefix']).toMatch(/^[A-Z]{3,4}$/)
            expect(field?.defaultValue).toBe('javascript:global.getNextObjNumberPadded();')
            prefixes.push(counter?.['prefix'] ?? '')
        }
        expect(new Set(prefixes).size).toBe(2)
    })

    it('the action table has the indexes the executor queries need', () => {
        // Setup: indexes are only in the dictionary file
        const xml = readFileSync(join(DEFAULT_DIST_DIR, 'app', 'dictionary', `${TABLE.action}.xml`), 'utf8')
        const parser = new XMLParser({
            ignoreAttributes: false,
            attributeNamePrefix: '',
            isArray: (name) => name === 'index' || name === 'element',
        })
        const doc = parser.parse(xml) as { database: { element: { index?: { element: { name: string }[] }[] }[] } }

        // Execution
        const indexes = (doc.database.element[0]?.index ?? []).map((i) => i.element.map((e) => e.name))

        // Validation: poll (state, not_before, priority), lease sweeper, per-grant lookups
        expect(indexes).toContainEqual([ACTION_FIELDS.state, ACTION_FIELDS.notBefore, ACTION_FIELDS.priority])
        expect(indexes).toContainEqual([ACTION_FIELDS.leaseUntil])
        expect(indexes).toContainEqual([ACTION_FIELDS.grant])
    })

    it('web service access is on exactly the documented tables', () => {
        // Validation: the Table API answers 403 on a table without ws_access
        const withWs = [...dist.tables.values()].filter((t) => t.wsAccess).map((t) => t.name)
        expect(withWs.sort()).toEqual([...WEB_SERVICE_TABLES].sort())
    })
})

describe('roles', () => {
    it('emits exactly the contract roles', () => {
        expect(dist.roles).toEqual(Object.values(ROLE).sort())
    })

    it('admin contains every human role and neither executor nor proposer', () => {
        // Setup
        const contains = dist.records('sys_user_role_contains')

        // Execution
        const inAdmin = contains.filter((c) => c['role.display'] === ROLE.admin).map((c) => c['contains.display'])

        // Validation
        expect(inAdmin.sort()).toEqual([ROLE.requester, ROLE.approver, ROLE.agent, ROLE.secops, ROLE.auditor].sort())
        // No other role contains anything (an auditor must never inherit a writer role)
        expect(contains.every((c) => c['role.display'] === ROLE.admin)).toBe(true)
    })
})

/** item_option_new.type codes emitted by the SDK. */
const VARIABLE_TYPE = {
    multiLineText: '2',
    selectBox: '5',
    singleLineText: '6',
    checkbox: '7',
    reference: '8',
    /** Requested For (sets the REQ's and the RITM's requested_for at checkout). */
    requestedFor: '31',
} as const

describe('catalog items', () => {
    const LOCAL_ADMIN = 'Temporary local admin access'
    const ENTRA_ROLE = 'Temporary Entra role'

    function variablesOf(itemName: string): Map<string, Record<string, string>> {
        const item = dist.records('sc_cat_item').find((i) => i['name'] === itemName)
        expect(item, `catalog item "${itemName}"`).toBeDefined()
        const vars = dist.records('item_option_new').filter((v) => v['cat_item'] === item?.['sys_id'])
        return new Map(vars.map((v) => [v['name'] ?? '', v]))
    }

    it('"Temporary local admin access" has all its variables with the right types', () => {
        // Execution
        const vars = variablesOf(LOCAL_ADMIN)

        // Validation
        const expected: [string, string, string][] = [
            ['requested_for', VARIABLE_TYPE.requestedFor, 'sys_user'],
            ['device', VARIABLE_TYPE.reference, 'cmdb_ci_computer'],
            ['duration_minutes', VARIABLE_TYPE.singleLineText, ''],
            ['justification', VARIABLE_TYPE.multiLineText, ''],
            ['incident', VARIABLE_TYPE.reference, 'incident'],
            ['change_request', VARIABLE_TYPE.reference, 'change_request'],
            ['emergency', VARIABLE_TYPE.checkbox, ''],
        ]
        expect([...vars.keys()].sort()).toEqual(expected.map((e) => e[0]).sort())
        for (const [name, type, reference] of expected) {
            expect(vars.get(name)?.['type'], name).toBe(type)
            expect(vars.get(name)?.['reference'] ?? '', name).toBe(reference)
        }
        expect(vars.get('requested_for')?.['mandatory']).toBe('true')
        expect(vars.get('device')?.['mandatory']).toBe('true')
        expect(vars.get('justification')?.['mandatory']).toBe('true')
    })

    it('"Temporary Entra role" has all its variables and the well-known role definition ids', () => {
        // Execution
        const vars = variablesOf(ENTRA_ROLE)
        const roleVar = vars.get('role')
        const choices = dist.records('question_choice').filter((c) => c['question'] === roleVar?.['sys_id'])

        // Validation
        expect([...vars.keys()].sort()).toEqual([
            'duration_minutes',
            'emergency',
            'incident',
            'justification',
            'requested_for',
            'role',
        ])
        expect(roleVar?.['type']).toBe(VARIABLE_TYPE.selectBox)
        expect(vars.get('requested_for')?.['type']).toBe(VARIABLE_TYPE.requestedFor)
        expect(vars.get('requested_for')?.['reference']).toBe('sys_user')
        expect(vars.get('incident')?.['reference']).toBe('incident')
        const byLabel = Object.fromEntries(choices.map((c) => [c['text'], c['value']]))
        expect(byLabel).toMatchObject({
            'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
            'User Administrator': 'fe930be7-5e62-47db-91af-98c3a49a38b1',
            'Helpdesk Administrator': '729827e3-9c14-49f7-bb1b-9608f156bbb8',
            'Security Administrator': '194ae4cb-b126-40b2-bd5b-6091b380977d',
        })
        for (const c of choices)
            expect(c['value']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    })

    it('"Temporary Entra group membership": the group object id and the emergency box (issue 17)', () => {
        const vars = variablesOf('Temporary Entra group membership')
        expect([...vars.keys()].sort()).toEqual([
            'duration_minutes',
            'emergency',
            'group_id',
            'incident',
            'justification',
            'requested_for',
        ])
        expect(vars.get('group_id')).toMatchObject({ type: VARIABLE_TYPE.singleLineText, mandatory: 'true' })
        expect(vars.get('requested_for')?.['type']).toBe(VARIABLE_TYPE.requestedFor)
        expect(vars.get('incident')?.['reference']).toBe('incident')
    })

    it('"Emergency console action": the packet, one box per requestable privilege (none for global admin), the console\'s expiry choices, a P1/P2 incident', () => {
        const vars = variablesOf('Emergency console action')
        expect([...vars.keys()].sort()).toEqual([
            'account',
            'duration_minutes',
            'incident',
            'justification',
            'requested_for',
            'scope_billing_admin',
            'scope_helpdesk_admin',
            'scope_security_admin',
            'scope_user_admin',
            'tenant_id',
            'tenant_name',
        ])
        for (const name of ['tenant_id', 'tenant_name', 'account', 'incident', 'duration_minutes'])
            expect(vars.get(name)?.['mandatory'], name).toBe('true')
        // No emergency box: always an emergency (catalog-submit.ts); the incident must be an open P1 / P2.
        expect(vars.get('incident')?.['reference_qual_condition'] ?? vars.get('incident')?.['reference_qual']).toContain(
            'priorityIN1,2',
        )
        const duration = vars.get('duration_minutes')!
        expect(duration['type']).toBe(VARIABLE_TYPE.selectBox)
        const choices = dist.records('question_choice').filter((c) => c['question'] === duration['sys_id'])
        expect(choices.map((c) => Number(c['value'])).sort((a, b) => a - b)).toEqual([15, 30, 60, 120, 240])
        for (const [name, v] of vars) if (name.startsWith('scope_')) expect(v['type'], name).toBe(VARIABLE_TYPE.checkbox)
    })

    it('every item is orderable only through the requester user criteria', () => {
        // Setup
        const criteria = dist.records('user_criteria')
        const links = dist.records('sc_cat_item_user_criteria_mtom')

        for (const name of [LOCAL_ADMIN, ENTRA_ROLE, 'Temporary Entra group membership', 'Emergency console action']) {
            // Execution
            const item = dist.records('sc_cat_item').find((i) => i['name'] === name)
            const itemCriteria = links
                .filter((l) => l['sc_cat_item'] === item?.['sys_id'])
                .map((l) => criteria.find((c) => c['sys_id'] === l['user_criteria']))

            // Validation: exactly one criteria, active, on the requester role
            expect(itemCriteria, name).toHaveLength(1)
            expect(itemCriteria[0]?.['active']).toBe('true')
            expect(itemCriteria[0]?.['role.display']).toBe(ROLE.requester)
            expect(item?.['active']).toBe('true')
        }
    })

    it('no catalog client script or catalog UI policy is global, and each targets one of the items', () => {
        // Setup
        const itemIds = new Set(dist.records('sc_cat_item').map((i) => i['sys_id']))
        const scripts = dist.records('catalog_script_client')
        const policies = dist.records('catalog_ui_policy')

        // Validation: global=true would run the script on every catalog item of the instance
        expect(scripts.length).toBeGreaterThanOrEqual(3)
        for (const s of scripts) {
            expect(s['global'], s['name']).toBe('false')
            expect(itemIds.has(s['cat_item']), s['name']).toBe(true)
        }
        for (const p of policies) {
            expect(p['global'], p['short_description']).toBe('false')
            expect(itemIds.has(p['catalog_item']), p['short_description']).toBe(true)
        }
    })

    it('client-side checks cover duration bounds, justification length and servers needing a change', () => {
        // Setup
        const scripts = dist
            .records('catalog_script_client')
            .map((s) => s['script'] ?? '')
            .join('\n')

        // Validation: the bounds are the contract's DURATION_BOUNDS (5..1440)
        expect(scripts).toContain('minutes < 5')
        expect(scripts).toContain('minutes > 1440')
        expect(scripts).toContain('.length < 20')
        expect(scripts).toContain("setMandatory('change_request'")
    })
})

describe('system properties', () => {
    it('every contract property exists with a usable default', () => {
        // Setup
        const props = new Map(dist.records('sys_properties').map((p) => [p['name'], p]))

        // Validation
        expect([...props.keys()].filter((n) => n?.startsWith('x_gbg_breakglass.')).sort()).toEqual(
            Object.values(PROPERTY).sort(),
        )
        expect(props.get(PROPERTY.integrationEnabled)?.['type']).toBe('boolean')
        expect(props.get(PROPERTY.integrationEnabled)?.['value']).toBe('true')
        expect(props.get(PROPERTY.emergencyApprovalTimeoutMinutes)?.['value']).toBe('5')
        expect(props.get(PROPERTY.secopsGroup)?.['type']).toBe('string')
        expect(props.get(PROPERTY.resolverGroup)?.['type']).toBe('string')
        expect(props.get(PROPERTY.resolverGroup)?.['value'] ?? '').toBe('')
        expect(props.get(PROPERTY.deviceAdminProvider)?.['value']).toBe('entra-group')
        const strings: string[] = [
            PROPERTY.integrationEnabled,
            PROPERTY.secopsGroup,
            PROPERTY.resolverGroup,
            PROPERTY.deviceAdminProvider,
            PROPERTY.nudgeEnabled,
            PROPERTY.nudgeUrl,
            PROPERTY.nudgeSecret,
        ]
        const integers = Object.values(PROPERTY).filter((n) => strings.indexOf(n) < 0)
        for (const name of integers) {
            expect(props.get(name)?.['type'], name).toBe('integer')
            expect(Number(props.get(name)?.['value']), name).toBeGreaterThan(0)
        }
        expect(Number(props.get(PROPERTY.defaultMaxDuration)?.['value'])).toBeLessThanOrEqual(1440)
    })
})

describe('navigation', () => {
    it('"Break-Glass Access" menu has every module, each role-gated and pointing at an app table', () => {
        // Setup
        const menu = dist.records('sys_app_application').find((a) => a['title'] === 'Break-Glass Access')
        expect(menu).toBeDefined()
        const modules = dist.records('sys_app_module').filter((m) => m['application'] === menu?.['sys_id'])
        const appRoles = new Set<string>(Object.values(ROLE))

        // Validation
        expect(modules.map((m) => m['title']).sort()).toEqual(
            [
                'My grants',
                'All grants',
                'Active grants',
                'Queue',
                'Dead actions',
                'Policies',
                'Audit events',
                'Executors',
                'Properties',
            ].sort(),
        )
        const tableModules = modules.filter((m) => m['title'] !== 'Properties')
        for (const m of modules) {
            const roles = (m['roles'] ?? '').split(',').filter((r) => r !== '')
            expect(roles.length, m['title']).toBeGreaterThan(0)
            for (const r of roles) expect(appRoles.has(r), `${m['title']}: ${r}`).toBe(true)
            expect(roles, m['title']).not.toContain(ROLE.executor)
            expect(m['active']).toBe('true')
        }
        for (const m of tableModules) expect(Object.values(TABLE) as string[], m['title']).toContain(m['name'])
        expect(modules.find((m) => m['title'] === 'My grants')?.['filter']).toContain('javascript:gs.getUserID()')
        expect(modules.find((m) => m['title'] === 'Dead actions')?.['filter']).toContain('state=dead')
    })
})

/** Every `require('x_gbg_breakglass/…')` in `text` that names no emitted sys_module. */
function unresolvedRequires(text: string, app: Pick<AppDist, 'moduleByPath'>): string[] {
    const missing: string[] = []
    for (const match of text.matchAll(/require\(\s*['"](x_gbg_breakglass\/[^'"]+)['"]\s*\)/g)) {
        const path = match[1] ?? ''
        if (app.moduleByPath(path) === undefined) missing.push(path)
    }
    return missing
}

function xmlFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((e) => {
        const p = join(dir, e)
        return statSync(p).isDirectory() ? xmlFiles(p) : e.endsWith('.xml') ? [p] : []
    })
}

describe('server modules', () => {
    it('the require checker flags a module path that was not emitted (so the next test can fail)', () => {
        // Setup / execution
        const missing = unresolvedRequires(
            "const { a } = require('x_gbg_breakglass/@gbg/now-app/0.1.0/src/server/nope.ts');",
            dist,
        )

        // Validation
        expect(missing).toEqual(['x_gbg_breakglass/@gbg/now-app/0.1.0/src/server/nope.ts'])
    })

    it("every require('x_gbg_breakglass/...') in any emitted script resolves to an emitted sys_module", () => {
        // Setup: scan every emitted file, whatever its table (business rules, REST, jobs, ACLs, flows…)
        const files = xmlFiles(join(DEFAULT_DIST_DIR, 'app'))

        // Execution
        const missing = files.flatMap((f) => unresolvedRequires(readFileSync(f, 'utf8'), dist).map((p) => `${f}: ${p}`))

        // Validation
        expect(missing).toEqual([])
    })

    it('every relative import inside an emitted sys_module resolves to another emitted sys_module', () => {
        // Setup
        const modules = dist.records('sys_module').filter((m) => /\.(ts|js|mjs|cjs)$/.test(m['path'] ?? ''))
        expect(dist.moduleByPath('src/server/shared/schema.ts')).toContain('x_gbg_breakglass')
        const missing: string[] = []

        for (const m of modules) {
            // Execution: resolve './x' and '../x' against the module's own folder
            const dir = (m['path'] ?? '').split('/').slice(0, -1)
            for (const match of (m['content'] ?? '').matchAll(
                /(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g,
            )) {
                const parts = [...dir]
                for (const seg of (match[1] ?? '').split('/')) {
                    if (seg === '..') parts.pop()
                    else if (seg !== '.') parts.push(seg)
                }
                const base = parts.join('/')
                const candidates = [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`]
                if (!candidates.some((c) => dist.moduleByPath(c) !== undefined))
                    missing.push(`${m['path']} -> ${match[1]}`)
            }
        }

        // Validation: an import from outside the server modules folder builds but is not emitted
        expect(missing).toEqual([])
    })
})
