import { Role } from '@servicenow/sdk/core'

/**
 * Roles of the app (names: ROLE in `shared/src/schema.ts`).
 *
 * Containment: admin contains every human role, so an app admin can do what any of them can. It deliberately
 * does NOT contain `executor` (field-level write access reserved to the integration user, so an admin's edit
 * is distinguishable from the executor's) nor `proposer` (the assistant's create-only identity). No role
 * contains another human role otherwise: an approver is not automatically a requester, an auditor stays
 * read-only.
 */
export const requesterRole = Role({
    name: 'x_gbg_breakglass.requester',
    description: 'Can order temporary elevation from the catalog and read own grants.',
})

export const approverRole = Role({
    name: 'x_gbg_breakglass.approver',
    description: 'Approves break-glass plans; reads all grants.',
})

export const agentRole = Role({
    name: 'x_gbg_breakglass.agent',
    description: 'Service desk agent: reads grants and the queue, can request a revoke.',
})

export const secopsRole = Role({
    name: 'x_gbg_breakglass.secops',
    description: 'Security operations: maintains policies, handles failed actions and escalations.',
})

export const auditorRole = Role({
    name: 'x_gbg_breakglass.auditor',
    description: 'Read-only access to grants, actions, policies, executors and audit events.',
})

export const executorRole = Role({
    name: 'x_gbg_breakglass.executor',
    description: 'Executor integration user: reads the queue, writes back only the fields it owns.',
})

export const proposerRole = Role({
    name: 'x_gbg_breakglass.proposer',
    description: 'Assistant / bot identity that may only propose a request through the scripted REST API.',
})

export const adminRole = Role({
    name: 'x_gbg_breakglass.admin',
    description: 'Application administrator of Governed Break-Glass Access.',
    containsRoles: [requesterRole, approverRole, agentRole, secopsRole, auditorRole],
})
