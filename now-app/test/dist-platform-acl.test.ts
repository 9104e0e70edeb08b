import { describe, expect, it } from 'vitest'
import { ROLE } from '@gbg/shared'
import { loadAppDist } from '../../test/support/app-dist'

// The app opens exactly one door on a platform table: the executor may read the app's own system properties
// (the recheck gate's kill switch), nothing else on sys_properties, and nobody gets write through this app.
describe('built app: ACLs on platform tables', () => {
    const dist = loadAppDist()
    const platform = dist.acls.filter((a) => a.type === 'record' && !a.table.startsWith('x_gbg_breakglass_'))

    it('the only platform-table ACL is a read of x_gbg_breakglass.* properties for the executor role', () => {
        // validation
        expect(platform.map((a) => [a.table, a.field, a.operation, a.roles, a.condition])).toEqual([
            ['sys_properties', '', 'read', [ROLE.executor], 'nameSTARTSWITHx_gbg_breakglass.'],
        ])
        expect(platform[0]!.active).toBe(true)
    })

    it('the only ACL that is not a record ACL guards the proposal REST endpoint, for the proposer role', () => {
        const other = dist.acls.filter((a) => a.type !== 'record')
        expect(other.map((a) => [a.type, a.operation, a.roles])).toEqual([
            ['REST_Endpoint', 'execute', [ROLE.proposer]],
        ])
    })
})
