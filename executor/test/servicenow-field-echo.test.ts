/**
 * Fields the instance does not have are dropped by the Table API without an error (contract: unknown fields are
 * silently ignored): the gateway compares every PATCH answer with what it wrote and fails loudly, and the
 * start-up check lists the grant / action fields a record of the instance lacks (issue 18).
 */
import { ACTION_FIELDS, GRANT_FIELDS, TABLE } from '@gbg/shared'
import { describe, expect, it } from 'vitest'
import type { ServiceNowClient, SnRecord } from '../src/servicenow/client'
import { ServiceNowError } from '../src/servicenow/errors'
import { checkInstanceFields } from '../src/servicenow/field-check'
import { createServiceNowGateway } from '../src/servicenow/gateway'
import { isRetryableWrite } from '../src/writeback'

const SYS_ID = '0123456789abcdef0123456789abcdef'

/** A client whose instance lacks `absent` on every table: PATCH answers echo the record without them. */
function instanceWithout(absent: string[], rows: Record<string, SnRecord[]> = {}): ServiceNowClient {
    const drop = (r: Record<string, string>): SnRecord =>
        Object.fromEntries(Object.entries(r).filter(([k]) => !absent.includes(k)))
    const fail = () => Promise.reject(new Error('not used'))
    return {
        list: async (table) => (rows[table] ?? []).map(drop),
        get: fail,
        create: fail,
        patch: async (_table, sysId, values) => drop({ sys_id: sysId, number: 'BG0001', ...values }),
        attach: fail,
        ping: async () => undefined,
        getApi: fail,
        close: () => undefined,
    }
}

describe('write echo check', () => {
    it('fails loudly, and retryably, when the instance dropped a written grant field', async () => {
        // Setup: the instance has no evidence column
        const gw = createServiceNowGateway(instanceWithout([GRANT_FIELDS.evidence]), {
            instanceName: 'exec-1',
            now: () => new Date(),
        })
        // Execution
        const error = await gw
            .updateGrant(SYS_ID, { state: 'revoked', evidence: '{"present":false}' })
            .catch((e: unknown) => e)
        // Validation
        expect(error).toBeInstanceOf(ServiceNowError)
        expect((error as ServiceNowError).missingFields).toEqual([GRANT_FIELDS.evidence])
        expect((error as Error).message).toMatch(/dropped field/)
        expect(isRetryableWrite(error)).toBe(true)
    })

    it('passes when every written field comes back', async () => {
        const gw = createServiceNowGateway(instanceWithout([]), { instanceName: 'exec-1', now: () => new Date() })
        await expect(gw.updateGrant(SYS_ID, { state: 'revoked', evidence: '{}' })).resolves.toBeUndefined()
        await expect(gw.updateAction(SYS_ID, { lastError: 'x' })).resolves.toBeUndefined()
    })

    it('checks action patches too', async () => {
        const gw = createServiceNowGateway(instanceWithout([ACTION_FIELDS.result]), {
            instanceName: 'exec-1',
            now: () => new Date(),
        })
        await expect(gw.updateAction(SYS_ID, { result: '{}', lastError: '' })).rejects.toMatchObject({
            missingFields: [ACTION_FIELDS.result],
        })
    })
})

describe('start-up field check', () => {
    it('lists the fields a record of the instance lacks, and says when a table is empty', async () => {
        // Setup: one grant record on an instance without last_error; no actions yet
        const full = Object.fromEntries(Object.values(GRANT_FIELDS).map((f) => [f, '']))
        const client = instanceWithout([GRANT_FIELDS.lastError], { [TABLE.grant]: [{ sys_id: SYS_ID, ...full }] })
        // Execution
        const results = await checkInstanceFields(client)
        // Validation
        expect(results).toEqual([
            { table: TABLE.grant, status: 'checked', missing: [GRANT_FIELDS.lastError] },
            { table: TABLE.action, status: 'empty', missing: [] },
        ])
    })
})
