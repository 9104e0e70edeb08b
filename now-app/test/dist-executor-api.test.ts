/**
 * The built app's interfaces for the executor (issue 11, "the executor needs only its own role"): the Scripted
 * REST operations it reads its platform facts through (method, path, authentication, ACL → executor role only),
 * the ticket-update table it asks for platform-side effects through (create + read for the executor, no write,
 * no delete, result columns out of its reach) and the two rules that judge and perform those effects.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { EXECUTOR_API, EXECUTOR_CREATABLE, ROLE, TABLE, TICKET_UPDATE_FIELDS } from '@gbg/shared'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_DIST_DIR, loadAppDist, type AppDist, type DistAcl } from '../../test/support/app-dist'

let dist: AppDist
beforeAll(() => {
    dist = loadAppDist()
})

const passes = (acl: DistAcl, role: string): boolean => acl.active && acl.roles.includes(role) && acl.script === ''
const denyAll = (acl: DistAcl): boolean =>
    acl.roles.length === 0 && /answer\s*=\s*false/.test(acl.script) && acl.adminOverrides === false

describe('built app: the executor REST API', () => {
    it('one API, /api/x_gbg_breakglass/executor, with exactly the gate-facts and context operations (GET) and the approval-notice claim (POST)', () => {
        const api = dist.records('sys_ws_definition').filter((d) => d['base_uri'] === EXECUTOR_API.basePath)
        expect(api).toHaveLength(1)
        const ops = dist.records('sys_ws_operation').filter((o) => o['web_service_definition'] === api[0]!['sys_id'])
        expect(ops.map((o) => [o['http_method'], o['relative_path']]).sort()).toEqual(
            [
                ['GET', EXECUTOR_API.context],
                ['GET', EXECUTOR_API.gateFacts],
                ['POST', EXECUTOR_API.approvalNotices],
            ].sort(),
        )
        for (const op of ops) {
            expect(op['active'], op['relative_path']).toBe('true')
            expect(op['requires_authentication'], op['relative_path']).toBe('true')
            expect(op['requires_acl_authorization'], op['relative_path']).toBe('true')
            // The handler is the app's server module (executor-api.ts), nothing inline.
            expect(op['operation_script']).toMatch(/src\/server\/executor-api\.ts/)
        }
    })

    it('every operation is guarded by a REST ACL that only the executor role passes', () => {
        const api = dist.records('sys_ws_definition').find((d) => d['base_uri'] === EXECUTOR_API.basePath)!
        const ops = dist.records('sys_ws_operation').filter((o) => o['web_service_definition'] === api['sys_id'])
        for (const op of [api, ...ops]) {
            const ids = (op['enforce_acl'] ?? '').split(',').filter((x) => x !== '')
            expect(ids, op['relative_path'] ?? 'definition').not.toHaveLength(0)
            for (const id of ids) {
                const acl = dist.acls.find((a) => a.sysId === id)
                expect(acl, id).toBeDefined()
                expect(acl!.type).toBe('REST_Endpoint')
                expect(acl!.roles).toEqual([ROLE.executor])
                for (const role of Object.values(ROLE).filter((r) => r !== ROLE.executor))
                    expect(passes(acl!, role), role).toBe(false)
            }
        }
    })
})

describe('built app: the ticket-update table', () => {
    const on = (op: string, field = ''): DistAcl[] =>
        dist.acls.filter(
            (a) => a.type === 'record' && a.table === TABLE.ticketUpdate && a.operation === op && a.field === field,
        )

    it('the executor may create and read rows; nobody writes or deletes one (admin included)', () => {
        expect(on('create').some((a) => passes(a, ROLE.executor))).toBe(true)
        expect(on('read').some((a) => passes(a, ROLE.executor))).toBe(true)
        expect(on('write').length).toBeGreaterThan(0)
        for (const acl of on('write')) expect(denyAll(acl)).toBe(true)
        for (const acl of on('write', '*')) expect(denyAll(acl)).toBe(true)
        expect(on('delete').length).toBeGreaterThan(0)
        for (const acl of on('delete')) expect(denyAll(acl)).toBe(true)
    })

    it("the executor sets only the input columns on create; the result columns are the app rule's", () => {
        const creatable = EXECUTOR_CREATABLE[TABLE.ticketUpdate] as readonly string[]
        for (const field of creatable)
            expect(
                on('create', field).some((a) => passes(a, ROLE.executor)),
                field,
            ).toBe(true)
        for (const field of [
            TICKET_UPDATE_FIELDS.state,
            TICKET_UPDATE_FIELDS.resultSysId,
            TICKET_UPDATE_FIELDS.resultNumber,
            TICKET_UPDATE_FIELDS.error,
        ]) {
            expect(creatable).not.toContain(field)
            expect(on('create', field)).toEqual([])
        }
        expect(on('create', '*').some((a) => passes(a, ROLE.executor))).toBe(false)
    })

    it('a unique index on the idempotency key; a before-insert guard and an after-insert rule from ticket-update.ts', () => {
        const rules = dist.records('sys_script').filter((r) => r['collection'] === TABLE.ticketUpdate)
        const shape = rules.map((r) => [r['when'], r['action_insert'], r['action_update'], r['active']]).sort()
        expect(shape).toEqual(
            [
                ['after', 'true', 'false', 'true'],
                ['before', 'true', 'false', 'true'],
            ].sort(),
        )
        for (const r of rules) expect(r['script']).toMatch(/src\/server\/ticket-update\.ts/)
        // The unique index is emitted in the table's dictionary file.
        const dictionary = readFileSync(
            join(DEFAULT_DIST_DIR, 'app', 'dictionary', `${TABLE.ticketUpdate}.xml`),
            'utf8',
        )
        expect(dictionary).toMatch(
            /<index name="idx_bg_ticket_update_key" unique="true">\s*<element name="idempotency_key"\/>\s*<\/index>/,
        )
    })
})
