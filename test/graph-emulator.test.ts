/**
 * The Graph emulator honours the contract (contracts/microsoft-graph.md): success shapes, every documented
 * failure mode, body validation, native expiry, throttling and injected faults. Raw HTTP, no provider code.
 */
import https from 'node:https'
import axios, { type AxiosInstance } from 'axios'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from './emulators/graph'
import {
    ALICE,
    BOB,
    CLIENT_ID,
    CLIENT_SECRET,
    GROUP_WS_ADMINS,
    MovableClock,
    ROLE_GLOBAL_ADMIN,
    ROLE_USER_ADMIN,
    TENANT,
} from './emulators/graph/fixture'

const REQUESTS = '/roleManagement/directory/roleAssignmentScheduleRequests'
const INSTANCES = '/roleManagement/directory/roleAssignmentScheduleInstances'
const GROUP_REQUESTS = '/identityGovernance/privilegedAccess/group/assignmentScheduleRequests'
const GROUP_INSTANCES = '/identityGovernance/privilegedAccess/group/assignmentScheduleInstances'

let emu: GraphEmulator
let clock: MovableClock
let http: AxiosInstance

async function start(over: Partial<GraphEmulatorOptions> = {}): Promise<void> {
    clock = new MovableClock(Date.parse('2030-01-01T08:00:00Z'))
    emu = await startGraphEmulator({
        now: clock.now,
        tenantId: TENANT,
        clients: [
            { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
            {
                clientId: '00000000-0000-4000-8000-0000000000ff',
                clientSecret: 'reader',
                permissions: ['User.Read.All'],
            },
        ],
        users: [ALICE, BOB],
        roles: [ROLE_USER_ADMIN, ROLE_GLOBAL_ADMIN],
        groups: [GROUP_WS_ADMINS],
        ...over,
    })
    http = axios.create({ httpsAgent: new https.Agent({ ca: emu.ca }), validateStatus: () => true })
}

async function token(clientId = CLIENT_ID, secret = CLIENT_SECRET): Promise<string> {
    const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: secret,
        scope: 'https://graph.microsoft.com/.default',
    })
    const res = await http.post(emu.tokenUrl, form.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(200)
    return res.data.access_token as string
}

async function graph(method: string, path: string, body?: unknown, tok?: string, headers: Record<string, string> = {}) {
    const t = tok ?? (await token())
    return http.request({
        method,
        url: `${emu.graphBase}${path}`,
        data: body,
        headers: { authorization: `Bearer ${t}`, ...headers },
    })
}

function assignBody(over: Record<string, unknown> = {}) {
    return {
        action: 'adminAssign',
        principalId: ALICE.id,
        roleDefinitionId: ROLE_USER_ADMIN.id,
        directoryScopeId: '/',
        justification: 'BGA0001001 test',
        ticketInfo: { ticketNumber: 'RITM0010001', ticketSystem: 'ServiceNow' },
        scheduleInfo: {
            startDateTime: clock.now().toISOString(),
            expiration: { type: 'afterDuration', duration: 'PT30M' },
        },
        ...over,
    }
}

function expectODataError(res: { status: number; data: any }, status: number, code: string) {
    expect(res.status).toBe(status)
    expect(res.data.error.code).toBe(code)
    expect(typeof res.data.error.message).toBe('string')
    expect(Object.keys(res.data.error.innerError).sort()).toEqual(['client-request-id', 'date', 'request-id'])
}

describe('graph emulator', () => {
    beforeEach(async () => {
        await start()
    })
    afterEach(async () => {
        await emu.close()
    })

    describe('token endpoint', () => {
        it('issues a bearer token for valid client credentials', async () => {
            // execution
            const form = new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: CLIENT_ID,
                client_secret: CLIENT_SECRET,
                scope: 'https://graph.microsoft.com/.default',
            })
            const res = await http.post(emu.tokenUrl, form.toString())
            // validation
            expect(res.status).toBe(200)
            expect(res.data).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 })
            expect(res.data.access_token.length).toBeGreaterThan(10)
        })

        it('refuses a wrong secret with 401 invalid_client and the AADSTS body', async () => {
            // execution
            const form = new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: CLIENT_ID,
                client_secret: 'wrong',
                scope: 'https://graph.microsoft.com/.default',
            })
            const res = await http.post(emu.tokenUrl, form.toString())
            // validation
            expect(res.status).toBe(401)
            expect(res.data.error).toBe('invalid_client')
            expect(res.data.error_description).toMatch(/^AADSTS7000215/)
            expect(res.data.error_codes).toEqual([7000215])
            expect(res.data).toHaveProperty('trace_id')
            expect(res.data).toHaveProperty('correlation_id')
            expect(res.data).toHaveProperty('timestamp')
        })

        it('refuses a scope that is not /.default with invalid_scope (AADSTS70011)', async () => {
            // execution
            const form = new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: CLIENT_ID,
                client_secret: CLIENT_SECRET,
                scope: 'User.Read',
            })
            const res = await http.post(emu.tokenUrl, form.toString())
            // validation
            expect(res.status).toBe(400)
            expect(res.data.error).toBe('invalid_scope')
            expect(res.data.error_codes).toEqual([70011])
        })

        it('refuses an unknown tenant', async () => {
            // execution
            const form = new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: CLIENT_ID,
                client_secret: CLIENT_SECRET,
                scope: 'x/.default',
            })
            const res = await http.post(
                `${emu.url}/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token`,
                form.toString(),
            )
            // validation
            expect(res.status).toBe(400)
            expect(res.data.error_description).toMatch(/AADSTS90002/)
        })

        it('expires tokens on its own clock: 401 InvalidAuthenticationToken', async () => {
            // setup
            const t = await token()
            clock.advanceMinutes(61)
            // execution
            const res = await graph('GET', `/users/${ALICE.id}`, undefined, t)
            // validation
            expectODataError(res, 401, 'InvalidAuthenticationToken')
        })

        it('answers 401 without a bearer token', async () => {
            // execution
            const res = await http.get(`${emu.graphBase}/users/${ALICE.id}`)
            // validation
            expectODataError(res, 401, 'InvalidAuthenticationToken')
        })
    })

    describe('PIM for roles', () => {
        it('adminAssign → 201 Provisioned, an instance with the end time, and the request readable by id', async () => {
            // execution
            const res = await graph('POST', REQUESTS, assignBody())
            const list = await graph(
                'GET',
                `${INSTANCES}?$filter=principalId eq '${ALICE.id}' and roleDefinitionId eq '${ROLE_USER_ADMIN.id}'`,
            )
            const byId = await graph('GET', `${REQUESTS}/${res.data.id}`)
            // validation
            expect(res.status).toBe(201)
            expect(res.data).toMatchObject({
                status: 'Provisioned',
                action: 'adminAssign',
                principalId: ALICE.id,
                approvalId: null,
            })
            expect(res.data.targetScheduleId).toBeTruthy()
            expect(list.data.value).toHaveLength(1)
            expect(list.data.value[0]).toMatchObject({
                endDateTime: '2030-01-01T08:30:00Z',
                roleAssignmentScheduleId: res.data.targetScheduleId,
                assignmentType: 'Assigned',
                memberType: 'Direct',
            })
            expect(byId.data.id).toBe(res.data.id)
        })

        it('expires natively: the instance disappears at its end time on the emulator clock', async () => {
            // setup
            await graph('POST', REQUESTS, assignBody())
            // execution
            clock.advanceMinutes(29)
            const before = await graph('GET', `${INSTANCES}?$filter=principalId eq '${ALICE.id}'`)
            clock.advanceMinutes(1)
            const after = await graph('GET', `${INSTANCES}?$filter=principalId eq '${ALICE.id}'`)
            // validation
            expect(before.data.value).toHaveLength(1)
            expect(after.data.value).toHaveLength(0)
        })

        it('RoleAssignmentExists for a second assign of an active pair', async () => {
            // setup
            await graph('POST', REQUESTS, assignBody())
            // execution
            const res = await graph('POST', REQUESTS, assignBody())
            // validation
            expectODataError(res, 400, 'RoleAssignmentExists')
        })

        it('RoleAssignmentDoesNotExist when removing nothing', async () => {
            // execution
            const res = await graph('POST', REQUESTS, {
                action: 'adminRemove',
                principalId: ALICE.id,
                roleDefinitionId: ROLE_USER_ADMIN.id,
                directoryScopeId: '/',
            })
            // validation
            expectODataError(res, 400, 'RoleAssignmentDoesNotExist')
        })

        it('ActiveDurationTooShort within 5 minutes of activation, Revoked after', async () => {
            // setup
            await emu.close()
            await start({ minActiveMinutes: 5 })
            await graph('POST', REQUESTS, assignBody())
            const remove = {
                action: 'adminRemove',
                principalId: ALICE.id,
                roleDefinitionId: ROLE_USER_ADMIN.id,
                directoryScopeId: '/',
            }
            // execution
            clock.advanceMinutes(4)
            const early = await graph('POST', REQUESTS, remove)
            clock.advanceMinutes(1)
            const later = await graph('POST', REQUESTS, remove)
            // validation
            expectODataError(early, 400, 'ActiveDurationTooShort')
            expect(later.status).toBe(201)
            expect(later.data).toMatchObject({ status: 'Revoked', targetScheduleId: null, scheduleInfo: null })
        })

        it('policy rules: ExpirationRule, JustificationRule and TicketingRule are named in the message', async () => {
            // setup
            await emu.close()
            await start({
                roleMaxDuration: { [ROLE_USER_ADMIN.id]: 'PT1H' },
                requireJustification: true,
                requireTicket: true,
            })
            // execution
            const tooLong = await graph(
                'POST',
                REQUESTS,
                assignBody({ scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT2H' } } }),
            )
            const permanent = await graph(
                'POST',
                REQUESTS,
                assignBody({ scheduleInfo: { expiration: { type: 'noExpiration' } } }),
            )
            const noWhy = await graph('POST', REQUESTS, assignBody({ justification: undefined }))
            const noTicket = await graph('POST', REQUESTS, assignBody({ ticketInfo: undefined }))
            const ok = await graph('POST', REQUESTS, assignBody())
            // validation
            expectODataError(tooLong, 400, 'RoleAssignmentRequestPolicyValidationFailed')
            expect(tooLong.data.error.message).toContain('ExpirationRule')
            expect(permanent.data.error.message).toContain('ExpirationRule')
            expect(noWhy.data.error.message).toContain('JustificationRule')
            expect(noTicket.data.error.message).toContain('TicketingRule')
            expect(ok.status).toBe(201)
        })

        it('approval-required roles end in PendingApproval with an approvalId and no instance', async () => {
            // setup
            await emu.close()
            await start({ approvalRequiredRoles: [ROLE_GLOBAL_ADMIN.id] })
            // execution
            const res = await graph('POST', REQUESTS, assignBody({ roleDefinitionId: ROLE_GLOBAL_ADMIN.id }))
            const again = await graph('POST', REQUESTS, assignBody({ roleDefinitionId: ROLE_GLOBAL_ADMIN.id }))
            const list = await graph('GET', `${INSTANCES}?$filter=principalId eq '${ALICE.id}'`)
            // validation
            expect(res.status).toBe(201)
            expect(res.data.status).toBe('PendingApproval')
            expect(res.data.approvalId).toMatch(/^[0-9a-f-]{36}$/)
            expectODataError(again, 400, 'PendingRoleAssignmentRequest')
            expect(list.data.value).toHaveLength(0)
        })

        it('404 for an unknown principal or role', async () => {
            // execution
            const principal = await graph(
                'POST',
                REQUESTS,
                assignBody({ principalId: '00000000-0000-4000-8000-00000000dead' }),
            )
            const role = await graph(
                'POST',
                REQUESTS,
                assignBody({ roleDefinitionId: '00000000-0000-4000-8000-00000000beef' }),
            )
            // validation
            expectODataError(principal, 404, 'Request_ResourceNotFound')
            expectODataError(role, 404, 'Request_ResourceNotFound')
        })

        it.each([
            [
                'duration with type afterDateTime',
                { scheduleInfo: { expiration: { type: 'afterDateTime', duration: 'PT1H' } } },
            ],
            [
                'endDateTime together with duration',
                {
                    scheduleInfo: {
                        expiration: { type: 'afterDuration', duration: 'PT1H', endDateTime: '2030-01-01T09:00:00Z' },
                    },
                },
            ],
            [
                'a malformed duration',
                { scheduleInfo: { expiration: { type: 'afterDuration', duration: '30 minutes' } } },
            ],
            ['an unknown expiration type', { scheduleInfo: { expiration: { type: 'whenever' } } }],
            ['a missing principalId', { principalId: undefined }],
            ['a missing roleDefinitionId', { roleDefinitionId: undefined }],
            ['an unknown action', { action: 'adminDelete' }],
            ['no scope', { directoryScopeId: undefined }],
        ])('rejects a body with %s (400)', async (_name, over) => {
            // execution
            const res = await graph('POST', REQUESTS, assignBody(over))
            // validation
            expect(res.status).toBe(400)
            expect(emu.state.roleInstances).toHaveLength(0)
        })

        it('cancel works only on a Granted (scheduled) request', async () => {
            // setup
            const future = await graph(
                'POST',
                REQUESTS,
                assignBody({
                    scheduleInfo: {
                        startDateTime: '2030-01-02T08:00:00Z',
                        expiration: { type: 'afterDuration', duration: 'PT1H' },
                    },
                }),
            )
            const now = await graph('POST', REQUESTS, assignBody({ principalId: BOB.id }))
            // execution
            const cancelFuture = await graph('POST', `${REQUESTS}/${future.data.id}/cancel`)
            const cancelNow = await graph('POST', `${REQUESTS}/${now.data.id}/cancel`)
            // validation
            expect(future.data.status).toBe('Granted')
            expect(cancelFuture.status).toBe(204)
            expect(cancelNow.status).toBe(400)
        })

        it('adminUpdate moves the end of the live schedule', async () => {
            // setup
            const first = await graph('POST', REQUESTS, assignBody())
            // execution
            const upd = await graph(
                'POST',
                REQUESTS,
                assignBody({
                    action: 'adminUpdate',
                    scheduleInfo: { expiration: { type: 'afterDateTime', endDateTime: '2030-01-01T10:00:00Z' } },
                }),
            )
            // validation
            expect(upd.status).toBe(201)
            expect(upd.data.targetScheduleId).toBe(first.data.targetScheduleId)
            expect(emu.state.roleInstances[0]?.endDateTime).toBe('2030-01-01T10:00:00Z')
        })

        it('adminExtend (issue 17): nothing active is RoleAssignmentDoesNotExist; from the start, the maximum judges the whole assignment', async () => {
            // setup: a 1-hour maximum for the role; nothing assigned yet
            await emu.close()
            await start({ roleMaxDuration: { [ROLE_USER_ADMIN.id]: 'PT1H' } })
            const extend = (end: string) =>
                assignBody({
                    action: 'adminExtend',
                    scheduleInfo: {
                        startDateTime: '2030-01-01T08:00:00Z',
                        expiration: { type: 'afterDateTime', endDateTime: end },
                    },
                })
            // execution
            const absent = await graph('POST', REQUESTS, extend('2030-01-01T08:45:00Z'))
            const first = await graph(
                'POST',
                REQUESTS,
                assignBody({ scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT30M' } } }),
            )
            const beyond = await graph('POST', REQUESTS, extend('2030-01-01T09:30:00Z'))
            const within = await graph('POST', REQUESTS, extend('2030-01-01T08:50:00Z'))
            // validation
            expectODataError(absent, 400, 'RoleAssignmentDoesNotExist')
            expect(first.status).toBe(201)
            expectODataError(beyond, 400, 'RoleAssignmentRequestPolicyValidationFailed')
            expect(beyond.data.error.message).toContain('ExpirationRule')
            expect(within.status).toBe(201)
            expect(within.data).toMatchObject({ action: 'adminExtend', targetScheduleId: first.data.targetScheduleId })
            expect(emu.state.roleInstances).toHaveLength(1)
            expect(emu.state.roleInstances[0]?.endDateTime).toBe('2030-01-01T08:50:00Z')
        })

        it('filters requests and refuses filters it does not support', async () => {
            // setup
            await graph('POST', REQUESTS, assignBody())
            // execution
            const ok = await graph('GET', `${REQUESTS}?$filter=principalId eq '${ALICE.id}'`)
            const bad = await graph('GET', `${REQUESTS}?$filter=startswith(principalId,'a')`)
            // validation
            expect(ok.data.value).toHaveLength(1)
            expect(bad.status).toBe(400)
        })
    })

    describe('PIM for Groups', () => {
        it('adminAssign with accessId member creates an instance and a membership; listing needs a filter', async () => {
            // execution
            const res = await graph('POST', GROUP_REQUESTS, {
                accessId: 'member',
                principalId: ALICE.id,
                groupId: GROUP_WS_ADMINS.id,
                action: 'adminAssign',
                scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
            })
            const list = await graph(
                'GET',
                `${GROUP_INSTANCES}?$filter=groupId eq '${GROUP_WS_ADMINS.id}' and principalId eq '${ALICE.id}'`,
            )
            const unfiltered = await graph('GET', GROUP_INSTANCES)
            const members = await graph('GET', `/groups/${GROUP_WS_ADMINS.id}/members`)
            // validation
            expect(res.status).toBe(201)
            expect(res.data).toMatchObject({ status: 'Provisioned', accessId: 'member' })
            expect(list.data.value).toHaveLength(1)
            expect(list.data.value[0]).toMatchObject({
                accessId: 'member',
                assignmentScheduleId: res.data.targetScheduleId,
            })
            expect(unfiltered.status).toBe(400)
            expect(members.data.value.map((m: { id: string }) => m.id)).toEqual([ALICE.id])
        })

        it('rejects a missing accessId and a second assign', async () => {
            // setup
            const body = {
                accessId: 'member',
                principalId: ALICE.id,
                groupId: GROUP_WS_ADMINS.id,
                action: 'adminAssign',
            }
            await graph('POST', GROUP_REQUESTS, {
                ...body,
                scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
            })
            // execution
            const noAccess = await graph('POST', GROUP_REQUESTS, { ...body, accessId: undefined })
            const twice = await graph('POST', GROUP_REQUESTS, body)
            // validation
            expect(noAccess.status).toBe(400)
            expectODataError(twice, 400, 'RoleAssignmentExists')
        })

        it('answers 404 when the tenant has no PIM for Groups', async () => {
            // setup
            await emu.close()
            await start({ pimForGroups: false })
            // execution
            const res = await graph('GET', `${GROUP_INSTANCES}?$filter=groupId eq '${GROUP_WS_ADMINS.id}'`)
            // validation
            expect(res.status).toBe(404)
        })
    })

    describe('group membership', () => {
        const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` })

        it('$ref add 204, add again 400 "already exist", unknown object 404', async () => {
            // execution
            const add = await graph('POST', `/groups/${GROUP_WS_ADMINS.id}/members/$ref`, ref(ALICE.id))
            const again = await graph('POST', `/groups/${GROUP_WS_ADMINS.id}/members/$ref`, ref(ALICE.id))
            const unknown = await graph(
                'POST',
                `/groups/${GROUP_WS_ADMINS.id}/members/$ref`,
                ref('00000000-0000-4000-8000-00000000dead'),
            )
            // validation
            expect(add.status).toBe(204)
            expectODataError(again, 400, 'Request_BadRequest')
            expect(again.data.error.message).toMatch(/One or more added object references already exist/)
            expectODataError(unknown, 404, 'Request_ResourceNotFound')
        })

        it('$ref remove 204, non-member 404 Request_ResourceNotFound', async () => {
            // setup
            await graph('POST', `/groups/${GROUP_WS_ADMINS.id}/members/$ref`, ref(ALICE.id))
            // execution
            const del = await graph('DELETE', `/groups/${GROUP_WS_ADMINS.id}/members/${ALICE.id}/$ref`)
            const again = await graph('DELETE', `/groups/${GROUP_WS_ADMINS.id}/members/${ALICE.id}/$ref`)
            // validation
            expect(del.status).toBe(204)
            expectODataError(again, 404, 'Request_ResourceNotFound')
            expect(emu.state.users.has(ALICE.id)).toBe(true)
        })

        it('DELETE members/{id} WITHOUT /$ref deletes the user object and is recorded', async () => {
            // setup
            await graph('POST', `/groups/${GROUP_WS_ADMINS.id}/members/$ref`, ref(ALICE.id))
            // execution
            const res = await graph('DELETE', `/groups/${GROUP_WS_ADMINS.id}/members/${ALICE.id}`)
            const user = await graph('GET', `/users/${ALICE.id}`)
            // validation
            expect(res.status).toBe(204)
            expect(emu.state.dangerousDeletes).toEqual([
                expect.objectContaining({ groupId: GROUP_WS_ADMINS.id, objectId: ALICE.id }),
            ])
            expect(user.status).toBe(404)
        })

        it('$filter on members is an advanced query (ConsistencyLevel: eventual + $count)', async () => {
            // setup
            await graph('POST', `/groups/${GROUP_WS_ADMINS.id}/members/$ref`, ref(ALICE.id))
            const path = `/groups/${GROUP_WS_ADMINS.id}/members?$filter=id eq '${ALICE.id}'`
            // execution
            const plain = await graph('GET', path)
            const advanced = await graph('GET', `${path}&$count=true`, undefined, undefined, {
                ConsistencyLevel: 'eventual',
            })
            // validation
            expectODataError(plain, 400, 'Request_UnsupportedQuery')
            expect(advanced.data.value).toHaveLength(1)
            expect(advanced.data['@odata.count']).toBe(1)
        })

        it('pages collections with @odata.nextLink', async () => {
            // setup
            await emu.close()
            await start({ pageSize: 1 })
            await graph('POST', `/groups/${GROUP_WS_ADMINS.id}/members/$ref`, ref(ALICE.id))
            await graph('POST', `/groups/${GROUP_WS_ADMINS.id}/members/$ref`, ref(BOB.id))
            // execution
            const first = await graph('GET', `/groups/${GROUP_WS_ADMINS.id}/members`)
            const second = await http.get(first.data['@odata.nextLink'], {
                headers: { authorization: `Bearer ${await token()}` },
            })
            // validation
            expect(first.data.value).toHaveLength(1)
            expect(second.data.value).toHaveLength(1)
            expect(second.data['@odata.nextLink']).toBeUndefined()
        })
    })

    describe('users', () => {
        it('looks users up by id, UPN, and $filter on userPrincipalName or mail', async () => {
            // execution
            const byId = await graph('GET', `/users/${ALICE.id}`)
            const byUpn = await graph('GET', `/users/${ALICE.userPrincipalName}`)
            const byFilter = await graph('GET', `/users?$filter=mail eq '${BOB.mail}'`)
            const none = await graph('GET', `/users?$filter=userPrincipalName eq 'o''brien@contoso.example'`)
            const unknown = await graph('GET', '/users/00000000-0000-4000-8000-00000000dead')
            // validation
            expect(byId.data.id).toBe(ALICE.id)
            expect(byUpn.data.id).toBe(ALICE.id)
            expect(byFilter.data.value.map((u: { id: string }) => u.id)).toEqual([BOB.id])
            expect(none.data.value).toEqual([])
            expectODataError(unknown, 404, 'Request_ResourceNotFound')
        })
    })

    describe('permissions, throttling and faults', () => {
        it('403 Authorization_RequestDenied for an app without the permission', async () => {
            // setup
            const t = await token('00000000-0000-4000-8000-0000000000ff', 'reader')
            // execution
            const write = await graph('POST', REQUESTS, assignBody(), t)
            const read = await graph('GET', `/users/${ALICE.id}`, undefined, t)
            // validation
            expectODataError(write, 403, 'Authorization_RequestDenied')
            expect(read.status).toBe(200)
        })

        it('429 TooManyRequests with Retry-After past the write limit, per app, on the emulator clock', async () => {
            // setup
            await emu.close()
            await start({ writeLimit: { max: 2, windowSeconds: 150 } })
            const t = await token()
            await graph('POST', REQUESTS, assignBody(), t)
            await graph('POST', REQUESTS, assignBody({ principalId: BOB.id }), t)
            // execution
            clock.advanceMinutes(1)
            const throttled = await graph('POST', REQUESTS, assignBody({ roleDefinitionId: ROLE_GLOBAL_ADMIN.id }), t)
            const read = await graph('GET', `/users/${ALICE.id}`, undefined, t)
            clock.advanceMinutes(1.5)
            const later = await graph('POST', REQUESTS, assignBody({ roleDefinitionId: ROLE_GLOBAL_ADMIN.id }), t)
            // validation
            expectODataError(throttled, 429, 'TooManyRequests')
            expect(throttled.headers['retry-after']).toBe('90')
            expect(throttled.headers['x-ms-throttle-scope']).toMatch(/WriteLimit/)
            expect(read.status).toBe(200)
            expect(later.status).toBe(201)
        })

        it('injects a status with code and Retry-After, a limited number of times', async () => {
            // setup
            emu.faults.add({
                method: 'POST',
                path: /roleAssignmentScheduleRequests$/,
                status: 503,
                retryAfterSeconds: 7,
                times: 1,
            })
            // execution
            const first = await graph('POST', REQUESTS, assignBody())
            const second = await graph('POST', REQUESTS, assignBody())
            // validation
            expectODataError(first, 503, 'ServiceUnavailable')
            expect(first.headers['retry-after']).toBe('7')
            expect(second.status).toBe(201)
        })

        it('drops the response after applying the change', async () => {
            // setup
            emu.faults.add({ method: 'POST', path: /roleAssignmentScheduleRequests$/, dropAfterApply: true })
            // execution
            const err = await graph('POST', REQUESTS, assignBody()).catch((e: Error) => e)
            // validation
            expect(err).toBeInstanceOf(Error)
            expect(emu.state.roleInstances).toHaveLength(1)
        })

        it('holds a slow response past a client timeout after applying the change', async () => {
            // setup
            emu.faults.add({ method: 'POST', path: /roleAssignmentScheduleRequests$/, latencyMs: 1_000 })
            const t = await token()
            // execution
            const err = await http
                .post(`${emu.graphBase}${REQUESTS}`, assignBody(), {
                    headers: { authorization: `Bearer ${t}` },
                    timeout: 150,
                })
                .catch((e: Error) => e)
            // validation
            expect(err).toBeInstanceOf(Error)
            expect(emu.state.roleInstances).toHaveLength(1)
        })

        it('expires every token on demand and counts calls', async () => {
            // setup
            const t = await token()
            emu.faults.add({ expireTokens: true, path: /\/users\// })
            // execution
            const res = await graph('GET', `/users/${ALICE.id}`, undefined, t)
            // validation
            expectODataError(res, 401, 'InvalidAuthenticationToken')
            expect(emu.callCount({ method: 'GET', path: /^\/v1\.0\/users\// })).toBe(1)
        })

        it('expires the tokens issued so far at once, however often asked; a token issued afterwards works', async () => {
            // setup: two early expiries before any call (the simulator's graph_expired_token at two fault ticks)
            const old = await token()
            emu.expireTokens()
            emu.expireTokens()
            // execution
            const refused = await graph('GET', `/users/${ALICE.id}`, undefined, old)
            const fresh = await token()
            const accepted = await graph('GET', `/users/${ALICE.id}`, undefined, fresh)
            // validation: the old token is refused as expired, the one fetched after it is not
            expectODataError(refused, 401, 'InvalidAuthenticationToken')
            expect(accepted.status).toBe(200)
        })
    })
})
