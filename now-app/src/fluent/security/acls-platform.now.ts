import { Acl } from '@servicenow/sdk/core'
import { executorRole } from './roles.now'

/*
 * ACLs this app adds on platform tables.
 *
 * sys_properties is admin-only by default. The executor's recheck gate reads the app's kill switch
 * (x_gbg_breakglass.integration_enabled) and default maximum duration before every privileged call, and fails
 * secure when it cannot: this read ACL lets the executor role see the app's own properties, and only those
 * (condition: name starts with "x_gbg_breakglass."). No write, create or delete is granted.
 */

Acl({
    $id: Now.ID['acl-sys-properties-read-executor'],
    type: 'record',
    table: 'sys_properties',
    operation: 'read',
    roles: [executorRole],
    condition: 'nameSTARTSWITHx_gbg_breakglass.',
    description: "The executor reads this app's own system properties (kill switch, default maximum duration).",
})
