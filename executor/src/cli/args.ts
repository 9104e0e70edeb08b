/**
 * The CLI's command line: one table of commands, each parsed by `node:util` `parseArgs` (strict: an unknown option
 * or a missing value is a usage error naming it). `--reason=x` and `--reason x` both work; `--json` makes the
 * commands a script reads print one JSON document on stdout.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

/** One command of the CLI. */
export interface CommandSpec {
    /** Words of the command (`audit verify` is two). */
    words: readonly string[]
    /** Positional arguments after the command words, in order (shown in the usage line). */
    positionals: readonly string[]
    /** Options besides `--help`. */
    options: Options
    /** Usage of the options, e.g. `--reason <text> [--json]`. */
    optionUsage: string
    summary: string
}

const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies Options

/** Every command. */
export const COMMANDS: readonly CommandSpec[] = [
    {
        words: ['run'],
        positionals: [],
        options: {},
        optionUsage: '',
        summary: 'run the service: poll, claim, grant, write back, revoke; /healthz, /readyz, /metrics',
    },
    {
        words: ['doctor'],
        positionals: [],
        options: {},
        optionUsage: '',
        summary: 'check the configuration, the journal, ServiceNow and every provider, and explain each problem',
    },
    {
        words: ['status'],
        positionals: [],
        options: { ...JSON_OPTION, local: { type: 'boolean' } },
        optionUsage: '[--json] [--local]',
        summary:
            "this executor's journal: unfinished actions, armed revoke timers, write-backs (numbers looked up in " +
            'ServiceNow unless --local)',
    },
    {
        words: ['audit', 'verify'],
        positionals: ['<grant>'],
        options: { ...JSON_OPTION },
        optionUsage: '[--json]',
        summary: "recompute a grant's audit hash chain from ServiceNow; exit 1 when it is broken",
    },
    {
        words: ['revoke'],
        positionals: ['<grant>'],
        options: { ...JSON_OPTION, reason: { type: 'string' } },
        optionUsage: '--reason <text> [--json]',
        summary: 'queue a priority-1 revoke of a grant that still holds access (like "Revoke now")',
    },
    {
        words: ['report'],
        positionals: [],
        options: { ...JSON_OPTION, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
        optionUsage: '--from <YYYY-MM-DD> --to <YYYY-MM-DD> [--out <dir>] [--json]',
        summary:
            "evidence pack for a period (read-only): HTML report with charts, every grant's verified audit chain, " +
            'raw JSON, and a one-page summary, written to --out (default ./evidence-<from>-<to>)',
    },
    {
        words: ['drift'],
        positionals: [],
        options: { ...JSON_OPTION },
        optionUsage: '[--json]',
        summary: 'Entra role / group holders that no active grant covers',
    },
    {
        words: ['config'],
        positionals: [],
        options: { ...JSON_OPTION, markdown: { type: 'boolean' } },
        optionUsage: '[--json | --markdown]',
        summary: "every configuration variable with its type and default (--markdown: the README's table)",
    },
    {
        words: ['print-config'],
        positionals: [],
        options: {},
        optionUsage: '',
        summary: 'the loaded configuration, secrets redacted',
    },
]

/** `<grant>` arguments: a number or a sys_id. */
const ARGUMENT_HELP = '<grant> is a grant number (BGA…), the number of one of its actions (BGQ…) or a sys_id.'

/** Usage line of one command. */
export function commandUsage(spec: CommandSpec): string {
    return ['usage: gbg-executor', ...spec.words, ...spec.positionals, spec.optionUsage].filter(Boolean).join(' ')
}

/** Help of one command. */
export function commandHelp(spec: CommandSpec): string {
    const lines = [commandUsage(spec), '', `  ${spec.summary}`]
    if (spec.positionals.includes('<grant>')) lines.push('', `  ${ARGUMENT_HELP}`)
    if ('json' in spec.options) lines.push('  --json prints one JSON document on stdout (for scripts).')
    return lines.join('\n')
}

/** The whole help. */
export function generalHelp(): string {
    const width = Math.max(...COMMANDS.map((c) => [...c.words, ...c.positionals].join(' ').length))
    return [
        'usage: gbg-executor <command> [arguments] [options]',
        '       gbg-executor --version | --help | <command> --help',
        '',
        'commands:',
        ...COMMANDS.map((c) => `  ${[...c.words, ...c.positionals].join(' ').padEnd(width)}  ${c.summary}`),
        '',
        ARGUMENT_HELP,
        'Every command reads the GBG_* configuration (`gbg-executor config` lists it).',
        'Exit codes: 0 ok, 1 a check or the command failed, 2 usage or configuration error.',
    ].join('\n')
}

/** A parsed command line. */
export type Parsed =
    | { kind: 'version' }
    | { kind: 'help'; text: string }
    | {
          kind: 'command'
          spec: CommandSpec
          /** Name of the command (`audit verify`). */
          name: string
          positionals: string[]
          values: Record<string, string | boolean | undefined>
      }

/** A command line that cannot be run: the message says why and how. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'UsageError'
    }
}

/**
 * Parse argv (without `node` and the script).
 *
 * @throws UsageError for an unknown command, an unknown option, a missing value or a wrong number of arguments.
 */
export function parseCommandLine(argv: readonly string[]): Parsed {
    const [first, ...rest] = argv
    if (first === undefined) throw new UsageError(generalHelp())
    if (first === '--version' || first === '-V' || first === 'version') return { kind: 'version' }
    if (first === '--help' || first === '-h') return { kind: 'help', text: generalHelp() }
    if (first === 'help') {
        if (rest.length === 0) return { kind: 'help', text: generalHelp() }
        return { kind: 'help', text: commandHelp(findSpec(rest)) }
    }
    const spec = findSpec(argv)
    const name = spec.words.join(' ')
    let parsed: ReturnType<typeof parseArgs>
    try {
        parsed = parseArgs({
            args: argv.slice(spec.words.length),
            options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        })
    } catch (error) {
        // parseArgs names the option ("Unknown option '--force'", "Option '--reason <value>' argument missing").
        throw new UsageError(`${name}: ${(error as Error).message.split('\n')[0]}\n${commandUsage(spec)}`)
    }
    const values = parsed.values as Record<string, string | boolean | undefined>
    if (values['help']) return { kind: 'help', text: commandHelp(spec) }
    if (parsed.positionals.length !== spec.positionals.length) {
        const expected = spec.positionals.length === 0 ? 'no arguments' : spec.positionals.join(' ')
        throw new UsageError(`${name}: expects ${expected}\n${commandUsage(spec)}`)
    }
    return { kind: 'command', spec, name, positionals: parsed.positionals, values }
}

function findSpec(argv: readonly string[]): CommandSpec {
    const spec = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w))
    if (spec) return spec
    const group = COMMANDS.find((c) => c.words.length > 1 && c.words[0] === argv[0])
    if (group) {
        const options = COMMANDS.filter((c) => c.words[0] === argv[0]).map((c) => c.words.join(' '))
        throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"; did you mean ${options.join(', ')}?`)
    }
    throw new UsageError(`unknown command "${String(argv[0]).slice(0, 40)}"; run gbg-executor --help`)
}
