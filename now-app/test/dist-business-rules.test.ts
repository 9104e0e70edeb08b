import { describe, expect, it } from 'vitest'
import { TABLE } from '@gbg/shared'
import { loadAppDist } from '../../test/support/app-dist'

// The claim guard must be wired where the instance enforces it: before update on the action table, calling a
// server module the build actually emitted.
describe('built app: business rules', () => {
    const dist = loadAppDist()
    const rules = dist.records('sys_script')

    it('the claim guard runs before update on the action table and its module is packaged', () => {
        const guard = rules.filter((r) => r.collection === TABLE.action && r.when === 'before')
        expect(guard).toHaveLength(1)
        expect(guard[0]).toMatchObject({ action_update: 'true', action_insert: 'false', active: 'true' })
        const required = /require\('x_gbg_breakglass\/@gbg\/now-app\/[^/]+\/(src\/server\/[^']+)'\)/.exec(guard[0]!.script ?? '')
        expect(required?.[1]).toBe('src/server/claim-guard-rule.ts')
        const module = dist.moduleByPath(required![1]!)
        expect(module).toContain('checkActionWrite')
    })
})
