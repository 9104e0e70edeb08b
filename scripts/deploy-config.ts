/**
 * Deployment targets (`sn-fluent.config.json`): validation and the exact commands a deploy runs.
 *
 * The ServiceNow SDK only reads `now-app/now.config.json` and has no notion of environments, so the card's
 * `sn-fluent.config.json` carries them: per environment the instance URL, how `now-sdk install` authenticates
 * (a stored credential alias, or CI mode where the SDK reads SN_SDK_* variables), and options. Secrets never
 * live in the file: in CI mode they come from the environment, with an alias from the SDK's keychain.
 *
 * Production is build + pack only by default (`install: false`): ServiceNow's guidance is to promote to
 * production through the application repository, not with `now-sdk install` from a pipeline.
 */
import { z } from 'zod'

const httpsInstance = z
    .string()
    .url()
    .refine((u) => {
        const url = new URL(u)
        return url.protocol === 'https:' && url.pathname.replace(/\/$/, '') === '' && !url.search && !url.username
    }, 'must be an https:// instance URL with no path, query or credentials')

const aliasAuth = z.object({ mode: z.literal('alias'), alias: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) }).strict()
const ciAuth = z.object({ mode: z.literal('ci'), type: z.enum(['basic', 'oauth']) }).strict()

const target = z
    .object({
        instanceUrl: httpsInstance,
        auth: z.discriminatedUnion('mode', [aliasAuth, ciAuth]),
        /** Leave flows inactive after install (`--skip-flow-activation`). @defaultValue false */
        skipFlowActivation: z.boolean().default(false),
        /** Run `now-sdk install`; false → build and pack only. @defaultValue true */
        install: z.boolean().default(true),
        /** Uninstall first (`--reinstall`): destroys on-instance-only metadata. @defaultValue false */
        reinstall: z.boolean().default(false),
    })
    .strict()

const SECRET_KEY = /(password|secret|token|pwd|client_secret|credential)/i

export const deployConfigSchema = z
    .object({
        $comment: z.string().optional(),
        app: z.string().regex(/^[A-Za-z0-9._-]+$/),
        targets: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,19}$/), target),
    })
    .strict()
    .superRefine((cfg, ctx) => {
        // A secret-looking key anywhere in the file is refused outright: secrets belong in the environment.
        const walk = (value: unknown, path: (string | number)[]): void => {
            if (value && typeof value === 'object') {
                for (const [k, v] of Object.entries(value)) {
                    if (SECRET_KEY.test(k)) ctx.addIssue({ code: 'custom', path: [...path, k], message: 'secrets must not be stored in sn-fluent.config.json' })
                    walk(v, [...path, k])
                }
            }
        }
        walk(cfg, [])
    })

export type DeployConfig = z.infer<typeof deployConfigSchema>

/** One command of a deploy, exactly as it will be spawned. */
export interface DeployCommand {
    cmd: string
    args: string[]
    /** Extra environment for this command (names only for secrets: values are inherited, never printed). */
    env: Record<string, string>
}

/** Thrown for any problem with the file, the environment name or missing CI variables. */
export class DeployConfigError extends Error {}

const CI_VARS = { basic: ['SN_SDK_USER', 'SN_SDK_USER_PWD'], oauth: ['SN_SDK_OAUTH_CLIENT_ID', 'SN_SDK_OAUTH_CLIENT_SECRET'] } as const

/** Parse and validate the file contents; every problem is listed with its JSON path. */
export function parseDeployConfig(text: string): DeployConfig {
    let raw: unknown
    try {
        raw = JSON.parse(text)
    } catch (e) {
        throw new DeployConfigError(`sn-fluent.config.json is not valid JSON: ${(e as Error).message}`)
    }
    const parsed = deployConfigSchema.safeParse(raw)
    if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`)
        throw new DeployConfigError(`sn-fluent.config.json is invalid:\n${lines.join('\n')}`)
    }
    return parsed.data
}

/**
 * The commands `npm run deploy -- <env>` runs, in order: a frozen-keys build (what was reviewed is what ships),
 * pack, and — when the target allows it — install with that target's authentication.
 */
export function planDeploy(cfg: DeployConfig, envName: string, processEnv: Record<string, string | undefined>): DeployCommand[] {
    const t = cfg.targets[envName]
    if (!t) {
        throw new DeployConfigError(`Unknown environment "${envName}". Known: ${Object.keys(cfg.targets).join(', ')}`)
    }
    const sdk = (args: string[], env: Record<string, string> = {}): DeployCommand => ({ cmd: 'npx', args: ['now-sdk', ...args, cfg.app], env })
    const commands: DeployCommand[] = [sdk(['build', '--frozenKeys']), sdk(['pack'])]
    if (!t.install) return commands

    const installArgs = ['install']
    let env: Record<string, string> = {}
    if (t.auth.mode === 'alias') {
        installArgs.push('--auth', t.auth.alias)
    } else {
        const missing = CI_VARS[t.auth.type].filter((v) => !processEnv[v])
        if (missing.length) {
            throw new DeployConfigError(`Environment "${envName}" uses CI ${t.auth.type} auth; set ${missing.join(', ')}`)
        }
        env = { SN_SDK_NODE_ENV: 'SN_SDK_CI_INSTALL', SN_SDK_AUTH_TYPE: t.auth.type, SN_SDK_INSTANCE_URL: t.instanceUrl }
    }
    if (t.skipFlowActivation) installArgs.push('--skip-flow-activation')
    if (t.reinstall) installArgs.push('--reinstall')
    // `install` takes the project folder with --source, not as a positional parameter.
    commands.push({ cmd: 'npx', args: ['now-sdk', ...installArgs, '--source', cfg.app], env })
    return commands
}
