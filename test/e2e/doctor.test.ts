/**
 * `doctor` catching each misconfiguration of issue 13, in process (the CLI's `main`, same code as the program)
 * against the emulators: it passes on a good configuration and leaves the executor table untouched (no heartbeat
 * under the live executor's name); a bogus or unset SecOps group, a bogus incident caller, a dead Teams URL, an
 * unreachable GBG_SN_URL, an unreadable certificate file; and, through the app's executor context, the SecOps
 * property unset / not found, the integration user's time zone and roles, and obsolete executor settings.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROPERTY, TABLE } from '@gbg/shared'
import { runDoctor, type InstanceContext } from '@gbg/executor/src/doctor'
import { connectServiceNow } from '@gbg/executor/src/service'
import { nullLogger } from '@gbg/executor/src/log'
import { startTeamsEmulator, type TeamsEmulator } from '../emulators/teams'
import { freePort } from '../sandbox/sandbox'
import { runCliInProcess } from '../support/executor-in-process'
import { startWorld, type World } from './support/world'

let world: World
let teams: TeamsEmulator

beforeAll(async () => {
    world = await startWorld()
    teams = await startTeamsEmulator()
})
afterAll(async () => {
    await teams?.close()
    await world?.close()
})

const ABSENT_SYS_ID = 'f'.repeat(32)

const PROPERTIES = 'sys_properties'

function propertyValue(name: string): string {
    return world.sn.store.list(PROPERTIES, (r) => r['name'] === name)[0]?.['value'] ?? ''
}

function setProperty(name: string, value: string): void {
    const row = world.sn.store.list(PROPERTIES, (r) => r['name'] === name)[0]
    if (row) world.sn.store.update(PROPERTIES, row['sys_id']!, { value })
    else world.sn.store.insert(PROPERTIES, { name, value })
}

function doctor(overrides: Record<string, string> = {}) {
    return runCliInProcess(['doctor'], world.env('doctor', { GBG_TEAMS_WEBHOOK_URL: teams.workflowsUrl, ...overrides }))
}

/** Doctor with the app's executor context answered by `context` (what the app's executor API returns). */
async function doctorWithContext(context: InstanceContext, overrides: Record<string, string> = {}) {
    const lines: string[] = []
    const code = await runDoctor(
        world.env('doctor', { GBG_TEAMS_WEBHOOK_URL: teams.workflowsUrl, GBG_LOG_LEVEL: 'warn', ...overrides }),
        (l) => lines.push(l),
        {
            connect: (config) => {
                const { client, gateway } = connectServiceNow(config, nullLogger)
                return { client, gateway: Object.assign(gateway, { getInstanceContext: async () => context }) }
            },
        },
    )
    return { code, stdout: lines.join('\n') }
}

function goodContext(): InstanceContext {
    const b = world.base
    return {
        settings: {
            integration_enabled: 'true',
            default_max_duration_minutes: '240',
            secops_group: b.secopsGroupSysId,
        },
        secops_group: { status: 'ok', sys_id: b.secopsGroupSysId, name: 'SecOps' },
        incident_caller: { sys_id: b.executorUser.sysId, user_name: b.executorUser.userName },
        session: {
            sys_id: b.executorUser.sysId,
            user_name: b.executorUser.userName,
            roles: ['x_gbg_breakglass.executor'],
            time_zone: 'Europe/Berlin',
        },
    }
}

describe('doctor', () => {
    it('passes on a good configuration, probes Teams without posting, and writes nothing to the executor table', async () => {
        // setup: the SecOps group property set as the install guide says; the executor table as it is
        setProperty(PROPERTY.secopsGroup, world.base.secopsGroupSysId)
        const before = JSON.stringify(world.sn.store.list(TABLE.executor, () => true))
        const messages = teams.messages.length

        // execution
        const result = await doctor()

        // validation: every check passes; no heartbeat row written or changed; no card posted; no secret printed
        expect(result.code, result.stdout + result.stderr).toBe(0)
        expect(result.stdout).not.toContain('✗')
        expect(result.stdout).toMatch(/reachable and authenticated as the integration user/)
        expect(result.stdout).toMatch(/✓ x_gbg_breakglass\.integration_enabled = true/)
        expect(result.stdout).toMatch(/✓ x_gbg_breakglass\.secops_group: .+ \([0-9a-f]{32}\)/)
        expect(result.stdout).toMatch(
            new RegExp(
                `✓ integration user ${world.base.executorUser.userName}: time zone .+, roles .*x_gbg_breakglass\\.executor`,
            ),
        )
        expect(result.stdout).toMatch(/GBG_TEAMS_WEBHOOK_URL \(127\.0\.0\.1:\d+\): the flow exists .*nothing posted/)
        expect(result.stdout).toMatch(/all checks passed/)
        expect(JSON.stringify(world.sn.store.list(TABLE.executor, () => true))).toBe(before)
        expect(teams.messages.length).toBe(messages)
        expect(result.stdout).not.toContain(new URL(teams.workflowsUrl).searchParams.get('sig')!)
        expect(result.stdout).not.toContain(world.base.executorUser.password)
    })

    it('catches the SecOps group property naming no group, or unset, on the instance', async () => {
        // setup: the property as an administrator mistyped it, then cleared it
        const original = propertyValue(PROPERTY.secopsGroup)
        try {
            setProperty(PROPERTY.secopsGroup, ABSENT_SYS_ID)
            const missing = await doctor()
            setProperty(PROPERTY.secopsGroup, '')
            const unset = await doctor()

            // validation
            expect(missing.code).toBe(1)
            expect(missing.stdout).toMatch(/✗ x_gbg_breakglass\.secops_group = f{32}: no such group on the instance/)
            expect(unset.code).toBe(1)
            expect(unset.stdout).toMatch(
                /✗ x_gbg_breakglass\.secops_group is not set: incidents and refused requests go to no group/,
            )
        } finally {
            setProperty(PROPERTY.secopsGroup, original)
        }
    })

    it('warns that a set GBG_SECOPS_GROUP or GBG_SN_INCIDENT_CALLER is no longer used, and where it now lives', async () => {
        const result = await doctor({ GBG_SECOPS_GROUP: ABSENT_SYS_ID, GBG_SN_INCIDENT_CALLER: ABSENT_SYS_ID })
        expect(result.stdout).toMatch(
            /! GBG_SECOPS_GROUP is set but no longer used: the setting now lives in the app's property x_gbg_breakglass\.secops_group/,
        )
        expect(result.stdout).toMatch(
            /! GBG_SN_INCIDENT_CALLER is set but no longer used: the setting now lives in the app/,
        )
    })

    it('catches a dead Teams URL: a wrong signature, and nothing listening', async () => {
        // setup: the right flow with a wrong signature; and a port nobody listens on
        const wrongSig = new URL(teams.workflowsUrl)
        wrongSig.searchParams.set('sig', 'not-the-signature')
        const closed = `http://127.0.0.1:${await freePort()}/workflows/x/triggers/manual/paths/invoke?sig=secret-sig`

        // execution
        const refused = await doctor({ GBG_TEAMS_WEBHOOK_URL: wrongSig.toString() })
        const unreachable = await doctor({ GBG_TEAMS_WEBHOOK_URL: closed })

        // validation: both fail naming the variable; the secret part of the URL is never printed
        expect(refused.code).toBe(1)
        expect(refused.stdout).toMatch(
            /✗ GBG_TEAMS_WEBHOOK_URL \(127\.0\.0\.1:\d+\): the flow refused the URL's signature \(HTTP 401\)/,
        )
        expect(refused.stdout).not.toContain('not-the-signature')
        expect(unreachable.code).toBe(1)
        expect(unreachable.stdout).toMatch(/✗ GBG_TEAMS_WEBHOOK_URL \(127\.0\.0\.1:\d+\): unreachable \(ECONNREFUSED\)/)
        expect(unreachable.stdout).not.toContain('secret-sig')
        expect(teams.messages).toHaveLength(0)
    })

    it('names GBG_SN_URL when ServiceNow cannot be reached', async () => {
        const url = `http://127.0.0.1:${await freePort()}`
        const result = await doctor({ GBG_SN_URL: url })
        expect(result.code).toBe(1)
        expect(result.stdout).toContain(`✗ cannot reach GBG_SN_URL (${url}): ECONNREFUSED`)
        expect(result.stdout).toMatch(/→ check GBG_SN_URL \(host name, https, port\)/)
    })

    it('names the credential variables when the integration user is refused', async () => {
        const result = await doctor({ GBG_SN_PASSWORD: 'not-the-password-1' })
        expect(result.code).toBe(1)
        expect(result.stdout).toMatch(/✗ cannot authenticate to GBG_SN_URL \(http:\/\/127\.0\.0\.1:\d+\): .*401/)
        expect(result.stdout).toMatch(/→ check GBG_SN_USERNAME \/ GBG_SN_PASSWORD/)
        expect(result.stdout).not.toContain('not-the-password-1')
    })

    it('reports an unreadable certificate file as such', async () => {
        const result = await doctor({
            GBG_ENTRA_TENANT_ID: '3f1e8a2c-5b7d-4c9e-8f0a-1b2c3d4e5f60',
            GBG_ENTRA_CLIENT_ID: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
            GBG_ENTRA_CERT_FILE: join(world.dir, 'no-such-cert.pem'),
        })
        expect(result.code).toBe(2)
        expect(result.stdout).toMatch(/GBG_ENTRA_CERT_FILE: cannot read the certificate file \(ENOENT\)/)
        expect(result.stdout).not.toMatch(/exactly one of/)

        const garbage = join(world.dir, 'garbage.pem')
        writeFileSync(garbage, 'not a pem')
        const unparsable = await doctor({
            GBG_ENTRA_TENANT_ID: '3f1e8a2c-5b7d-4c9e-8f0a-1b2c3d4e5f60',
            GBG_ENTRA_CLIENT_ID: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
            GBG_ENTRA_CERT_FILE: garbage,
        })
        expect(unparsable.stdout).toMatch(/GBG_ENTRA_CERT_FILE: the certificate file holds no PEM CERTIFICATE block/)
        expect(unparsable.stdout).not.toMatch(/exactly one of/)
    })

    describe("through the app's executor context", () => {
        it("reports the SecOps group, the integration user's time zone and roles, and warns of obsolete settings", async () => {
            // The two settings the app now decides, still set in an old deployment's environment.
            const result = await doctorWithContext(goodContext(), {
                GBG_SECOPS_GROUP: world.base.secopsGroupSysId,
                GBG_SN_INCIDENT_CALLER: world.base.executorUser.sysId,
            })
            expect(result.code, result.stdout).toBe(0)
            expect(result.stdout).toMatch(/✓ x_gbg_breakglass\.secops_group: SecOps \([0-9a-f]{32}\)/)
            expect(result.stdout).toMatch(
                /✓ integration user .*: time zone Europe\/Berlin, roles x_gbg_breakglass\.executor/,
            )
            expect(result.stdout).toMatch(
                /! GBG_SECOPS_GROUP is set but no longer used: the setting now lives in the app's property x_gbg_breakglass\.secops_group/,
            )
            expect(result.stdout).toMatch(/! GBG_SN_INCIDENT_CALLER is set but no longer used/)
        })

        it('catches the SecOps group property unset, not a sys_id, or naming no group', async () => {
            const unset = goodContext()
            unset.settings.secops_group = null
            unset.secops_group = { status: 'unset', sys_id: '', name: '' }
            const invalid = goodContext()
            invalid.settings.secops_group = 'SecOps'
            invalid.secops_group = { status: 'invalid', sys_id: '', name: '' }
            const missing = goodContext()
            missing.settings.secops_group = ABSENT_SYS_ID
            missing.secops_group = { status: 'not_found', sys_id: ABSENT_SYS_ID, name: '' }

            const results = await Promise.all([unset, invalid, missing].map((c) => doctorWithContext(c)))

            expect(results.map((r) => r.code)).toEqual([1, 1, 1])
            expect(results[0]!.stdout).toMatch(
                /✗ x_gbg_breakglass\.secops_group is not set: incidents and refused requests go to no group/,
            )
            expect(results[1]!.stdout).toMatch(/✗ x_gbg_breakglass\.secops_group = "SecOps" is not a sys_id/)
            expect(results[2]!.stdout).toMatch(
                /✗ x_gbg_breakglass\.secops_group = f{32}: no such group on the instance/,
            )
        })

        it('shows where failed grants are routed: the resolver group, SecOps as the fallback, or nowhere', async () => {
            const resolver = goodContext()
            resolver.failure_route = { via: 'resolver', sys_id: 'a'.repeat(32), name: 'Endpoint Engineering' }
            const fallback = goodContext()
            fallback.failure_route = { via: 'secops', sys_id: world.base.secopsGroupSysId, name: 'SecOps' }
            const nowhere = goodContext()
            nowhere.failure_route = { via: '', sys_id: '', name: '' }
            const [r, f, n] = await Promise.all([resolver, fallback, nowhere].map((c) => doctorWithContext(c)))
            expect(r!.code, r!.stdout).toBe(0)
            expect(r!.stdout).toMatch(
                /✓ x_gbg_breakglass\.resolver_group: failed grants are routed to Endpoint Engineering \(a{32}\)/,
            )
            expect(f!.code, f!.stdout).toBe(0)
            expect(f!.stdout).toMatch(
                /! x_gbg_breakglass\.resolver_group names no group: failed grants are routed to Security Operations \(SecOps\)/,
            )
            expect(n!.code).toBe(1)
            expect(n!.stdout).toMatch(/✗ failed grants are routed to no group/)
        })

        it('catches a missing executor role and warns of extra roles', async () => {
            const context = goodContext()
            context.session.roles = ['admin', 'itil']
            const result = await doctorWithContext(context, { GBG_SECOPS_GROUP: '', GBG_SN_INCIDENT_CALLER: '' })
            expect(result.code).toBe(1)
            expect(result.stdout).toMatch(/✗ .* does not hold x_gbg_breakglass\.executor/)
            expect(result.stdout).toMatch(/! .* holds more than x_gbg_breakglass\.executor: admin, itil/)
            expect(result.stdout).not.toMatch(/no longer used/)
        })
    })
})
