import { Acl } from '@servicenow/sdk/core'
import { auditorRole, adminRole } from './roles.now'

Acl({
    $id: Now.ID['probe_a'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: 'state',
    operation: 'write',
    roles: [auditorRole, adminRole],
    condition: 'requested_for=javascript:gs.getUserID()',
    script: 'answer = false;',
    adminOverrides: false,
})
Acl({
    $id: Now.ID['probe_b'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    field: '*',
    operation: 'read',
    roles: ['x_gbg_breakglass.agent'],
})
Acl({
    $id: Now.ID['probe_c'],
    type: 'record',
    table: 'x_gbg_breakglass_grant',
    operation: 'read',
    decisionType: 'deny',
})
