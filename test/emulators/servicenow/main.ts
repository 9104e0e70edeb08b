/**
 * Starts the ServiceNow emulator for manual use (local development only):
 *
 *   npx tsx test/emulators/servicenow/main.ts [--port 8089] [--dist now-app/dist]
 *
 * Seeds an `admin` user (role admin), an `executor` user (role x_gbg_breakglass.executor), a requester
 * `alice`, and an OAuth client `gbg-executor` whose client-credentials grant acts as `executor`. Passwords and
 * the client secret come from SN_EMU_ADMIN_PASSWORD / SN_EMU_EXECUTOR_PASSWORD / SN_EMU_REQUESTER_PASSWORD /
 * SN_EMU_CLIENT_SECRET (development defaults: admin, executor, alice, local-dev-secret). They are never printed.
 */
import { resolve } from 'node:path'
import { ROLE } from '@gbg/shared'
import { startServiceNowEmulator } from './index'

function arg(name: string): string | undefined {
    const i = process.argv.indexOf(`--${name}`)
    return i >= 0 ? process.argv[i + 1] : undefined
}

const port = Number(arg('port') ?? process.env['SN_EMU_PORT'] ?? '8089')
const dist = arg('dist')

async function main(): Promise<void> {
    const emulator = await startServiceNowEmulator({
        port,
        distDir: dist ? resolve(dist) : undefined,
        users: [
            { userName: 'admin', password: process.env['SN_EMU_ADMIN_PASSWORD'] ?? 'admin', roles: ['admin'] },
            {
                userName: 'executor',
                password: process.env['SN_EMU_EXECUTOR_PASSWORD'] ?? 'executor',
                firstName: 'Break-glass',
                lastName: 'Executor',
                roles: [ROLE.executor],
            },
            {
                userName: 'alice',
                password: process.env['SN_EMU_REQUESTER_PASSWORD'] ?? 'alice',
                firstName: 'Alice',
                lastName: 'Requester',
                email: 'alice@example.test',
                roles: [ROLE.requester],
            },
        ],
        oauthClients: [
            {
                clientId: 'gbg-executor',
                clientSecret: process.env['SN_EMU_CLIENT_SECRET'] ?? 'local-dev-secret',
                clientCredentialsUser: 'executor',
            },
        ],
    })

    emulator.store.insert('sys_user_group', { name: 'SecOps', description: 'Security operations' })
    emulator.store.insert('cmdb_ci_computer', {
        name: 'WS-0001',
        u_device_class: 'workstation',
        used_for: 'Production',
        os: 'Windows 11 Enterprise',
        serial_number: 'SN-WS-0001',
    })

    console.log(
        `ServiceNow emulator listening on ${emulator.url} (users: admin, executor, alice; OAuth client gbg-executor)`,
    )

    const stop = (): void => {
        void emulator.close().then(() => process.exit(0))
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
})
