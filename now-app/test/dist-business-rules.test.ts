import { describe, expect, it } from 'vitest'
import { PROPERTY, TABLE } from '@gbg/shared'
import { loadAppDist } from '../../test/support/app-dist'

// The claim guard must be wired where the instance enforces it: before update on the action table, calling a
// server module the build actually emitted.
describe('built app: business rules', () => {
    const dist = loadAppDist()
    const rules = dist.records('sys_script')

    it('the claim guard runs before update on the action table and its module is packaged', () => {
        const guard = rules.filter(
            (r) => r.collection === TABLE.action && r.when === 'before' && r.action_update === 'true',
        )
        expect(guard).toHaveLength(1)
        expect(guard[0]).toMatchObject({ action_update: 'true', action_insert: 'false', active: 'true' })
        const required = /require\('x_gbg_breakglass\/@gbg\/now-app\/[^/]+\/(src\/server\/[^']+)'\)/.exec(
            guard[0]!.script ?? '',
        )
        expect(required?.[1]).toBe('src/server/claim-guard-rule.ts')
        const module = dist.moduleByPath(required![1]!)
        expect(module).toContain('checkActionWrite')
    })

    // The state machine (shared/src/state-machine.ts): the executor's action inserts and its grant writes.
    it('the state machine runs before insert on the action table and before insert / update on the grant', () => {
        const moduleOf = (script: string): string =>
            /require\('x_gbg_breakglass\/@gbg\/now-app\/[^/]+\/(src\/server\/[^']+)'\)/.exec(script)?.[1] ?? ''
        const onInsert = rules.filter(
            (r) => r.collection === TABLE.action && r.when === 'before' && r.action_insert === 'true',
        )
        expect(onInsert).toHaveLength(1)
        expect(onInsert[0]).toMatchObject({ action_update: 'false', active: 'true' })
        expect(moduleOf(onInsert[0]!.script ?? '')).toBe('src/server/claim-guard-rule.ts')
        expect(onInsert[0]!.script).toContain('guardActionInsert')
        const onGrant = rules.filter((r) => r.name === 'Break-glass: executor transitions on the grant')
        expect(onGrant).toHaveLength(1)
        expect(onGrant[0]).toMatchObject({
            collection: TABLE.grant,
            when: 'before',
            action_insert: 'true',
            action_update: 'true',
            active: 'true',
        })
        expect(onGrant[0]!.script).toContain('guardGrantWrite')
        expect(dist.moduleByPath('src/server/claim-guard-rule.ts')).toContain('checkGrantWrite')
    })
})

// The nudge (issue 18): async (a background job after the insert committed, never part of the approval), on the
// action table's inserts, calling the packaged nudge module, which builds its request with sn_ws.RESTMessageV2.
describe('built app: the nudge rule', () => {
    const dist = loadAppDist()

    it('runs async after insert on the action table, and its module sends with RESTMessageV2 and a timeout', () => {
        const nudge = dist
            .records('sys_script')
            .filter((r) => r.name === 'Break-glass: nudge the executor when an action is queued')
        expect(nudge).toHaveLength(1)
        expect(nudge[0]).toMatchObject({
            collection: TABLE.action,
            when: 'async_always',
            action_insert: 'true',
            action_update: 'false',
            active: 'true',
        })
        expect(nudge[0]!.script).toContain("src/server/nudge.ts')")
        expect(nudge[0]!.script).toContain('nudgeOnActionInsert')
        const module = dist.moduleByPath('src/server/nudge.ts') ?? ''
        expect(module).toContain("from '@servicenow/glide/sn_ws'")
        expect(module).toContain('setHttpTimeout(')
        expect(module).toContain('nudgeSignature')
    })

    it('the nudge properties: off by default, the secret a private password2 only admins read or write', () => {
        const props = new Map(dist.records('sys_properties').map((p) => [p['name'], p]))
        expect(props.get(PROPERTY.nudgeEnabled)).toMatchObject({ type: 'boolean', value: 'false' })
        expect(props.get(PROPERTY.nudgeUrl)).toMatchObject({ type: 'string' })
        expect(props.get(PROPERTY.nudgeUrl)?.['value'] ?? '').toBe('')
        const secret = props.get(PROPERTY.nudgeSecret)
        expect(secret).toMatchObject({ type: 'password2', is_private: 'true' })
        expect(secret?.['value'] ?? '').toBe('')
        expect(secret?.['read_roles']).toBe('x_gbg_breakglass.admin')
        expect(secret?.['write_roles']).toBe('x_gbg_breakglass.admin')
    })
})

describe('built app: UI actions', () => {
    const dist = loadAppDist()

    it('"Revoke now" on the grant: server module, hidden on insert, for requester / approver / agent / SecOps', () => {
        const action = dist.records('sys_ui_action').find((a) => a.table === TABLE.grant && a.name === 'Revoke now')
        expect(action).toBeDefined()
        expect(action!.show_insert).toBe('false')
        expect(action!.script).toContain("require('x_gbg_breakglass/@gbg/now-app/0.1.0/src/server/revoke-now.ts')")
        expect(dist.moduleByPath('src/server/revoke-now.ts')).toContain('revokeNowFromGrant')
        const roles = dist
            .records('sys_ui_action_role')
            .filter((r) => r.sys_ui_action === action!.sys_id)
            .map((r) => r['sys_user_role.display'])
            .sort()
        expect(roles).toEqual([
            'x_gbg_breakglass.agent',
            'x_gbg_breakglass.approver',
            'x_gbg_breakglass.requester',
            'x_gbg_breakglass.secops',
        ])
    })
})
