/**
 * `npm run deploy -- <env> [--dry-run]`: validate sn-fluent.config.json and build / pack / install the Fluent app
 * for that environment. `--dry-run` prints the exact commands without running them.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DeployConfigError, parseDeployConfig, planDeploy } from './deploy-config'

function main(argv: string[]): number {
    const dryRun = argv.includes('--dry-run')
    const envName = argv.find((a) => !a.startsWith('--'))
    if (!envName) {
        console.error('usage: npm run deploy -- <env> [--dry-run]')
        return 2
    }
    const root = join(__dirname, '..')
    try {
        const cfg = parseDeployConfig(readFileSync(join(root, 'sn-fluent.config.json'), 'utf8'))
        const commands = planDeploy(cfg, envName, process.env)
        console.log(`Deploying to ${envName} (${cfg.targets[envName]!.instanceUrl})`)
        for (const c of commands) {
            const envText = Object.entries(c.env).map(([k, v]) => `${k}=${v} `).join('')
            console.log(`$ ${envText}${c.cmd} ${c.args.join(' ')}`)
            if (dryRun) continue
            const r = spawnSync(c.cmd, c.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...c.env } })
            if (r.status !== 0) {
                console.error(`Command failed with exit code ${r.status}`)
                return r.status ?? 1
            }
        }
        if (!cfg.targets[envName]!.install) {
            console.log(`Not installing: "${envName}" is build + pack only. Promote now-app/target/*.zip through the application repository.`)
        }
        return 0
    } catch (e) {
        if (e instanceof DeployConfigError) {
            console.error(e.message)
            return 1
        }
        throw e
    }
}

process.exitCode = main(process.argv.slice(2))
