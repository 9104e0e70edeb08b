import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeployConfigError, parseDeployConfig, planDeploy } from '../scripts/deploy-config'

const root = join(__dirname, '..')
const base = {
    app: 'now-app',
    targets: {
        dev: {
            instanceUrl: 'https://dev.example.service-now.com',
            auth: { mode: 'alias', alias: 'dev1' },
            skipFlowActivation: true,
        },
        ci: { instanceUrl: 'https://ci.example.service-now.com', auth: { mode: 'ci', type: 'basic' } },
        prod: {
            instanceUrl: 'https://prod.example.service-now.com',
            auth: { mode: 'alias', alias: 'p' },
            install: false,
        },
    },
}
const parse = (o: unknown) => parseDeployConfig(JSON.stringify(o))

describe('sn-fluent.config.json deployment targets', () => {
    it('the committed file is valid and names dev, test and prod', () => {
        const cfg = parseDeployConfig(readFileSync(join(root, 'sn-fluent.config.json'), 'utf8'))
        expect(Object.keys(cfg.targets).sort()).toEqual(['dev', 'prod', 'test'])
    })

    it('plans a frozen-keys build, a pack and an alias install with options', () => {
        // execution
        const cmds = planDeploy(parse(base), 'dev', {})
        // validation
        expect(cmds.map((c) => [c.cmd, ...c.args].join(' '))).toEqual([
            'npx now-sdk build --frozenKeys now-app',
            'npx now-sdk pack now-app',
            'npx now-sdk install --auth dev1 --skip-flow-activation --source now-app',
        ])
    })

    it('CI mode passes the instance through SN_SDK_* and requires the credential variables', () => {
        expect(() => planDeploy(parse(base), 'ci', {})).toThrow(/SN_SDK_USER, SN_SDK_USER_PWD/)
        const cmds = planDeploy(parse(base), 'ci', { SN_SDK_USER: 'u', SN_SDK_USER_PWD: 'p' })
        const install = cmds[2]!
        expect(install.env).toEqual({
            SN_SDK_NODE_ENV: 'SN_SDK_CI_INSTALL',
            SN_SDK_AUTH_TYPE: 'basic',
            SN_SDK_INSTANCE_URL: 'https://ci.example.service-now.com',
        })
        // the secret values are inherited from the environment, never copied into the plan
        expect(JSON.stringify(cmds)).not.toContain('"p"')
    })

    it('a build-and-pack-only target never installs', () => {
        expect(planDeploy(parse(base), 'prod', {}).map((c) => c.args[1])).toEqual(['build', 'pack'])
    })

    it('an unknown environment is an error naming the known ones', () => {
        expect(() => planDeploy(parse(base), 'staging', {})).toThrow(
            /Unknown environment "staging". Known: dev, ci, prod/,
        )
    })

    it.each([
        ['plain http instance', { instanceUrl: 'http://dev.example.service-now.com' }, /https:\/\/ instance URL/],
        [
            'instance URL with credentials',
            { instanceUrl: 'https://a:b@dev.example.service-now.com' },
            /https:\/\/ instance URL/,
        ],
        [
            'instance URL with a path',
            { instanceUrl: 'https://dev.example.service-now.com/x' },
            /https:\/\/ instance URL/,
        ],
        [
            'a password in the file',
            { auth: { mode: 'alias', alias: 'a', password: 'x' } },
            /Unrecognized key|secrets must not/,
        ],
        ['a secret anywhere', { client_secret: 'x' }, /secrets must not be stored|Unrecognized key/],
        ['an alias with shell characters', { auth: { mode: 'alias', alias: 'a;rm -rf /' } }, /targets.dev.auth.alias/],
        ['an unknown auth mode', { auth: { mode: 'token' } }, /targets.dev.auth/],
    ])('rejects %s', (_name, patch, message) => {
        const cfg = { ...base, targets: { ...base.targets, dev: { ...base.targets.dev, ...patch } } }
        expect(() => parse(cfg)).toThrow(DeployConfigError)
        expect(() => parse(cfg)).toThrow(message)
    })

    it('rejects text that is not JSON', () => {
        expect(() => parseDeployConfig('{')).toThrow(/not valid JSON/)
    })
})
