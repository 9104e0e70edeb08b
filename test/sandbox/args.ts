/**
 * Command line of the sandbox demo / `npm start` in sandbox mode.
 *
 * Test / dev code only.
 */
import { PROVIDERS, providerLimits, type ProviderName } from '@gbg/shared'

/**
 * Providers the sandbox scenario runs: every one. `console` (issue 14) drives the console emulator in Debian's
 * Chromium (/usr/bin/chromium) after the three named approvals through the app.
 */
export const SANDBOX_PROVIDERS: readonly ProviderName[] = PROVIDERS

/** Parsed command line. */
export interface DemoArgs {
    provider: ProviderName
    durationMinutes: number
}

/**
 * Parses `--provider X` / `--provider=X`. The grant lasts 1 minute, except through `epm`: BeyondTrust EPM's JIT
 * Admin sessions last at least 5 minutes (the app refuses less), and `console`: the console's shortest expiry is
 * 15 minutes. Throws a usage message.
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
            if (!(SANDBOX_PROVIDERS as readonly string[]).includes(p)) {
                throw new Error(`unknown provider "${p}"; choose one of ${SANDBOX_PROVIDERS.join(', ')}`)
            }
            args.provider = p as ProviderName
            args.durationMinutes = Math.max(1, providerLimits(args.provider).minDurationMinutes)
        } else if (flag === '--help' || flag === '-h') {
            throw new Error('usage: npm run demo [-- --provider webhook|entra-role|entra-group|epm|console]')
        } else {
            throw new Error(
                `unknown argument "${arg}"; usage: npm run demo [-- --provider webhook|entra-role|entra-group|epm|console]`,
            )
        }
    }
    return args
}
