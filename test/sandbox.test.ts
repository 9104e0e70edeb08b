/**
 * The embedded sandbox: emulators up on 127.0.0.1, scenario seeded, and an environment the executor's own
 * configuration loader accepts as a production configuration.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PROPERTY, TABLE, providerLimits } from '@gbg/shared'
import { SANDBOX_PROVIDERS } from './sandbox/args'
import { loadConfig } from '@gbg/executor/src/config'
import { startSandbox, type Sandbox } from './sandbox/sandbox'

let sandbox: Sandbox | undefined
let dataDir: string

beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gbg-sandbox-'))
})
afterEach(async () => {
    await sandbox?.close()
    sandbox = undefined
    rmSync(dataDir, { recursive: true, force: true })
})

describe('startSandbox', () => {
    it.each(SANDBOX_PROVIDERS)(
        'gives the executor a valid %s configuration pointing at the emulators',
        async (provider) => {
            // setup / execution
            // (the shortest grant each provider takes: EPM's JIT sessions last at least 5 minutes)
            sandbox = await startSandbox({
                provider,
                durationMinutes: providerLimits(provider).minDurationMinutes,
                dataDir,
            })

            // validation: the executor's loader accepts the environment and enables exactly the scenario's provider
            const config = loadConfig(sandbox.env)
            expect(config.sandbox).toBe(true)
            expect(config.providers).toEqual([provider])
            expect(config.servicenow.url).toBe(sandbox.sn.url)
            expect(config.servicenow.username).toBe(sandbox.seeded.executorUser.userName)
            // SecOps is the app's property on the instance (the app assigns the executor's incidents), not executor config.
            expect(config).not.toHaveProperty('secopsGroupSysId')
            expect(
                sandbox.sn.store.list('sys_properties', (p) => p['name'] === PROPERTY.secopsGroup)[0]?.['value'],
            ).toBe(sandbox.seeded.secopsGroupSysId)
            expect(config.journalPath.startsWith(sandbox.dataDir)).toBe(true)
            // The nudge is on: the instance's properties point at this executor with the secret it holds.
            const property = (name: string) =>
                sandbox!.sn.store.list('sys_properties', (p) => p['name'] === name)[0]?.['value']
            expect(property(PROPERTY.nudgeEnabled)).toBe('true')
            expect(property(PROPERTY.nudgeUrl)).toBe(`http://127.0.0.1:${sandbox.executorPort}/v1/nudge`)
            expect(config.http.port).toBe(sandbox.executorPort)
            expect(config.http.nudgeSecret).toBeDefined()
            expect(property(PROPERTY.nudgeSecret)).toBe(config.http.nudgeSecret)
            if (provider === 'webhook') {
                expect(config.webhook?.baseUrl).toBe(sandbox.webhook.url)
                expect(config.entra).toBeUndefined()
            } else if (provider === 'epm') {
                expect(config.epm?.baseUrl).toBe(sandbox.epm.url)
                expect(config.epm?.ticketBaseUrl).toBe(sandbox.sn.url)
                expect(config.entra).toBeUndefined()
                // The scenario's device is enrolled in EPM under its CMDB name.
                expect([...sandbox.epm.computers.values()].map((c) => c.hostName)).toEqual([sandbox.seeded.ci.name])
            } else if (provider === 'console') {
                // The console emulator, Debian's Chromium, evidence in the run's folder; the app asked the three slots.
                expect(config.console?.baseUrl).toBe(sandbox.console!.url)
                expect(config.console?.chromiumPath).toBe('/usr/bin/chromium')
                expect(config.console?.evidenceDir.startsWith(sandbox.dataDir)).toBe(true)
                expect(config.entra).toBeUndefined()
                expect(sandbox.seeded.plan.provider).toBe('console')
                expect(sandbox.seeded.decision.requiredApprovals.map((a) => a.kind)).toEqual([
                    'incident_command',
                    'security',
                    'customer_authority',
                ])
                expect(sandbox.approvedBy).toEqual(['iris.cole', 'sam.okafor', 'carlos.reyes'])
            } else {
                expect(config.entra?.graphBaseUrl).toBe(sandbox.graph.graphBase)
                expect(config.entra?.authorityHost.startsWith('https://127.0.0.1:')).toBe(true)
                expect(sandbox.env['NODE_EXTRA_CA_CERTS']).toBeTruthy()
            }
            // every URL is local
            for (const [name, value] of Object.entries(sandbox.env)) {
                if (/^https?:/.test(value)) expect(new URL(value).hostname, name).toBe('127.0.0.1')
            }

            // validation: the credentials in the environment work against the ServiceNow emulator
            const auth = Buffer.from(`${sandbox.env['GBG_SN_USERNAME']}:${sandbox.env['GBG_SN_PASSWORD']}`).toString(
                'base64',
            )
            const res = await fetch(`${sandbox.sn.url}/api/now/table/${TABLE.action}?sysparm_query=state=ready`, {
                headers: { authorization: `Basic ${auth}`, accept: 'application/json' },
            })
            expect(res.status).toBe(200)
            expect(((await res.json()) as { result: unknown[] }).result).toHaveLength(1)
        },
    )

    it('seeds the Graph emulator with the requester and the target role and group', async () => {
        // setup / execution
        sandbox = await startSandbox({ provider: 'entra-role', durationMinutes: 1, dataDir })
        const ids = sandbox.seeded.graphIds

        // validation: the requester resolves by UPN, the group exists and has no member yet, no role instance yet
        expect(sandbox.graph.state.getUser(sandbox.seeded.requester.email).id).toBe(ids.userId)
        expect(sandbox.graph.state.members(ids.groupId)).toEqual([])
        expect(sandbox.graph.state.listRoleInstances({ principalId: ids.userId })).toEqual([])
    })

    it('closes every emulator', async () => {
        // setup
        sandbox = await startSandbox({ provider: 'webhook', durationMinutes: 1, dataDir })
        const urls = [sandbox.sn.url, sandbox.webhook.url]

        // execution
        await sandbox.close()

        // validation: nothing answers any more
        for (const url of urls) await expect(fetch(`${url}/`)).rejects.toThrow()
    })
})
