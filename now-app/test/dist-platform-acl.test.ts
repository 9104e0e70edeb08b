import { describe, expect, it } from 'vitest'
import { ROLE } from '@gbg/shared'
import { loadAppDist } from '../../test/support/app-dist'

// The app opens no door on a platform table (issue 11): the executor's role reads its platform facts through the
// app's executor REST API and asks for its platform-side effects through the ticket-update table; nobody gets
// read or write on a platform table through this app's ACLs.
describe('built app: ACLs on platform tables', () => {
    const dist = loadAppDist()
    const platform = dist.acls.filter((a) => a.type === 'record' && !a.table.startsWith('x_gbg_breakglass_'))

    it('the app ships no ACL on a platform table (the executor once read sys_properties; no more)', () => {
        // validation
        expect(platform.map((a) => [a.table, a.field, a.operation, a.roles, a.condition])).toEqual([])
    })

    it('the only ACLs that are not record ACLs guard the REST endpoints: proposals for the proposer, the executor API for the executor', () => {
        const other = dist.acls.filter((a) => a.type !== 'record')
        expect(other.map((a) => [a.type, a.operation, a.roles]).sort()).toEqual(
            [
                ['REST_Endpoint', 'execute', [ROLE.executor]],
                ['REST_Endpoint', 'execute', [ROLE.proposer]],
            ].sort(),
        )
    })
})
