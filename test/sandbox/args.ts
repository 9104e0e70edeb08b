/**
 * Command line of the sandbox demo / `npm start` in sandbox mode.
 *
 * Test / dev code only.
 */
import { PROVIDERS, providerLimits, type ProviderName } from '@gbg/shared'

/**
 * Providers the sandbox scenario runs. `console` (issue 14) is not among them yet: its scenario needs the console
 * packet (tenant, scope) and the three named approvals seeded through the app; its flows run in real Chromium in
 * test/console-scenarios.test.ts.
 */
export const SANDBOX_PROVIDERS: readonly ProviderName[] = PROVIDERS.filter((p) => p !== 'console')

/** Parsed command line. */
export interface DemoArgs {
    provider: ProviderName
    durationMinutes: number
}

/**
 * Parses `--provider X` / `--provider=X`. The grant lasts 1 minute, except through `epm`: BeyondTrust EPM's JIT
 * Admin sessions last at least 5 minutes (the app refuses less). Throws a usage message.
 */
export function parseDemoArgs(argv: string[]): DemoArgs {
    const args: DemoArgs = { provider: 'webhook', durationMinutes: 1 }
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!
        const [flag, inline] = arg.includes('=')
            ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
            : [arg, undefined]
        const value = (): string => {
            const v = inline ?? argv[++i]
            if (v === undefined) throw new Error(`${flag} needs a value`)
            return v
        }
        if (flag === '--provider') {
            const p = value()
            if (p === 'console') {
                throw new Error(
                    'the sandbox does not run the console provider yet; its flows run in real Chromium in ' +
                        'test/console-scenarios.test.ts (npx vitest run test/console-scenarios.test.ts)',
                )
            }
            if (!(SANDBOX_PROVIDERS as readonly string[]).includes(p)) {
                throw new Error(`unknown provider "${p}"; choose one of ${SANDBOX_PROVIDERS.join(', ')}`)
            }
            args.provider = p as ProviderName
            args.durationMinutes = Math.max(1, providerLimits(args.provider).minDurationMinutes)
        } else if (flag === '--help' || flag === '-h') {
            throw new Error('usage: npm run demo [-- --provider webhook|entra-role|entra-group|epm]')
        } else {
            throw new Error(
                `unknown argument "${arg}"; usage: npm run demo [-- --provider webhook|entra-role|entra-group|epm]`,
            )
        }
    }
    return args
}
