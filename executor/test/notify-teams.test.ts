/**
 * Teams notifications: every card parses and validates with Microsoft's `adaptivecards` package, uses only
 * Action.OpenUrl, stays under the size limit; both webhook styles succeed against the emulator, throttling
 * and failures map to retryable / fatal, and the webhook URL never reaches a log or an error.
 */
import { createRequire } from 'node:module'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExecutionPlan } from '@gbg/shared'
import {
    MAX_PAYLOAD_BYTES,
    NotifyError,
    buildCard,
    buildMessage,
    classifyAnswer,
    createTeamsNotifier,
    grantRecordUrl,
    serializeMessage,
    summaryFromPlan,
    type TeamsEvent,
} from '../src/notify/teams'
import { startTeamsEmulator, type TeamsEmulator } from '../../test/emulators/teams'

// The package's ESM build uses extensionless imports Node cannot load; its UMD bundle is the same code.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards')

const INSTANCE = 'https://acme.service-now.com'
const plan: ExecutionPlan = {
    version: 1,
    grantSysId: '0123456789abcdef0123456789abcdef',
    grantNumber: 'BGA0001001',
    provider: 'webhook',
    operation: 'grant',
    principal: { userSysId: 'fedcba9876543210fedcba9876543210', userName: 'alice', email: 'alice@example.com' },
    target: { kind: 'device_local_admin', deviceName: 'PC-0042', deviceClass: 'workstation' },
    durationMinutes: 60,
    justification: 'Install the plotter driver',
    tickets: {},
    emergency: false,
    highRisk: false,
}
const grant = summaryFromPlan(plan)
const expiresAt = new Date('2030-01-01T09:00:00.123Z')

const events: TeamsEvent[] = [
    { kind: 'granted', grant, expiresAt, notes: ['Sign out and in again to use the rights.'] },
    { kind: 'warning', grant, expiresAt, minutesLeft: 5 },
    { kind: 'warning', grant, expiresAt, minutesLeft: 1 },
    { kind: 'revoked', grant, revokedAt: expiresAt, reason: 'expired' },
    {
        kind: 'failure',
        grant,
        operation: 'grant',
        error: 'principal not allowed on this target',
        incidentNumber: 'INC0020001',
    },
    { kind: 'failure', grant, operation: 'revoke', error: 'service unavailable', incidentNumber: 'INC0020002' },
]

function validate(card: unknown): string[] {
    const adaptive = new AC.AdaptiveCard()
    const context = new AC.SerializationContext(AC.Versions.v1_4)
    adaptive.parse(card, context)
    const problems: string[] = []
    for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message)
    for (const event of adaptive.validateProperties().validationEvents) problems.push(event.message)
    return problems
}

describe('cards', () => {
    it.each(events.map((e) => [`${e.kind}${'minutesLeft' in e ? ` ${e.minutesLeft}` : ''}`, e] as const))(
        '%s card parses and validates as Adaptive Card 1.4 with OpenUrl actions only',
        (_name, event) => {
            // execution
            const card = buildCard(event, INSTANCE)
            const payload = serializeMessage(buildMessage(card))
            // validation
            expect(validate(card)).toEqual([])
            expect(card.version).toBe('1.4')
            expect(payload).not.toContain('Action.Submit')
            expect(card.actions!.every((a) => a.type === 'Action.OpenUrl')).toBe(true)
            expect(Buffer.byteLength(payload)).toBeLessThan(MAX_PAYLOAD_BYTES)
        },
    )

    it('granted and warning cards link "Revoke now" to the grant record in ServiceNow, with the expiry', () => {
        // execution
        const granted = buildCard(events[0]!, INSTANCE)
        const warning = buildCard(events[2]!, INSTANCE)
        // validation
        const link = `${INSTANCE}/x_gbg_breakglass_grant.do?sys_id=${plan.grantSysId}`
        expect(granted.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Revoke now', url: link }])
        expect(warning.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Revoke now', url: link }])
        expect(JSON.stringify(granted)).toContain('"Expires","value":"2030-01-01 09:00 UTC"')
        expect(JSON.stringify(warning)).toContain('1 minute left: BGA0001001')
        expect(JSON.stringify(buildCard(events[1]!, INSTANCE))).toContain('5 minutes left: BGA0001001')
    })

    it('shows the display name, and the failure card names the incident', () => {
        // setup
        const named = summaryFromPlan(plan, 'Alice Example')
        // execution
        const granted = JSON.stringify(buildCard({ kind: 'granted', grant: named, expiresAt }, INSTANCE))
        const failure = JSON.stringify(buildCard({ ...events[5]!, grant: named } as TeamsEvent, INSTANCE))
        const anonymous = JSON.stringify(buildCard(events[0]!, INSTANCE))
        // validation: the name people know, with the login for the unambiguous record; the incident in the heading
        expect(granted).toContain('"For","value":"Alice Example (alice)"')
        expect(failure).toContain('Revoke failed: BGA0001001 — incident INC0020002')
        expect(failure).toContain('"Incident","value":"INC0020002"')
        expect(anonymous).toContain('"For","value":"alice"')
    })

    it('clips oversized text so the payload stays under the limit', () => {
        // setup
        const huge = { ...grant, justification: 'x'.repeat(100_000) }
        // execution
        const payload = serializeMessage(buildMessage(buildCard({ kind: 'granted', grant: huge, expiresAt }, INSTANCE)))
        // validation
        expect(Buffer.byteLength(payload)).toBeLessThan(MAX_PAYLOAD_BYTES)
    })

    it('refuses to build a link from something that is not a sys_id', () => {
        expect(() => grantRecordUrl(INSTANCE, '../sys_user.do?x')).toThrow(/sys_id/)
        expect(() => grantRecordUrl('http://acme.example.com', plan.grantSysId)).toThrow(/https/)
    })
})

describe('classifyAnswer', () => {
    it('accepts Workflows 202 and legacy 200 "1"; maps throttling and failures', () => {
        expect(classifyAnswer(202, '')).toBeUndefined()
        expect(classifyAnswer(200, '1')).toBeUndefined()
        expect(classifyAnswer(200, 'Microsoft Teams endpoint returned HTTP error 429')?.kind).toBe('retryable')
        expect(classifyAnswer(200, 'Summary or Text is required.')?.kind).toBe('fatal')
        expect(classifyAnswer(429, '', 3000)).toMatchObject({ kind: 'retryable', retryAfterMs: 3000 })
        expect(classifyAnswer(503, '')?.kind).toBe('retryable')
        expect(classifyAnswer(413, '')?.kind).toBe('fatal')
        expect(classifyAnswer(400, '')?.kind).toBe('fatal')
    })
})

describe('TeamsNotifier against the emulator', () => {
    let emu: TeamsEmulator
    let logged: string[]
    const logger = {
        info: (m: string, meta?: object) => logged.push(m + JSON.stringify(meta ?? {})),
        warn: (m: string, meta?: object) => logged.push(m + JSON.stringify(meta ?? {})),
        error: (m: string, meta?: object) => logged.push(m + JSON.stringify(meta ?? {})),
        debug: (m: string, meta?: object) => logged.push(m + JSON.stringify(meta ?? {})),
    }

    beforeEach(async () => {
        emu = await startTeamsEmulator({ now: () => new Date('2030-01-01T08:00:00Z') })
        logged = []
    })

    afterEach(async () => {
        await emu.close()
    })

    it('delivers to a Workflows webhook (202) and a legacy webhook (200 "1")', async () => {
        // setup
        const workflows = createTeamsNotifier({ webhookUrl: emu.workflowsUrl, instanceUrl: INSTANCE }, logger)
        const legacy = createTeamsNotifier({ webhookUrl: emu.legacyUrl, instanceUrl: INSTANCE }, logger)
        // execution
        await workflows.send(events[0]!)
        await legacy.send(events[3]!)
        // validation
        const received = await emu.waitForMessages(2)
        expect(received.map((m) => m.style)).toEqual(['workflows', 'legacy'])
        expect(received[0]!.payload.attachments[0]!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' })
    })

    it('maps legacy throttling (200 with HTTP error 429) to retryable', async () => {
        // setup
        const legacy = createTeamsNotifier({ webhookUrl: emu.legacyUrl, instanceUrl: INSTANCE }, logger)
        // execution: the legacy connector allows 4 messages per second
        for (let i = 0; i < 4; i++) await legacy.send(events[1]!)
        const err = await legacy.send(events[1]!).catch((e: unknown) => e)
        // validation
        expect(err).toBeInstanceOf(NotifyError)
        expect((err as NotifyError).kind).toBe('retryable')
        expect(emu.messages).toHaveLength(4)
    })

    it('maps 5xx to retryable and a wrong secret to fatal, never logging or returning the URL', async () => {
        // setup
        emu.faults.add({ style: 'workflows', status: 502 })
        const good = createTeamsNotifier({ webhookUrl: emu.workflowsUrl, instanceUrl: INSTANCE }, logger)
        const badUrl = emu.workflowsUrl.replace(/sig=[^&]+/, 'sig=wrong')
        const bad = createTeamsNotifier({ webhookUrl: badUrl, instanceUrl: INSTANCE }, logger)
        // execution
        const transient = (await good.send(events[0]!).catch((e: unknown) => e)) as NotifyError
        const refused = (await bad.send(events[0]!).catch((e: unknown) => e)) as NotifyError
        await emu.close()
        const unreachable = (await good.send(events[0]!).catch((e: unknown) => e)) as NotifyError
        emu = await startTeamsEmulator() // for afterEach
        // validation
        expect([transient.kind, refused.kind, unreachable.kind]).toEqual(['retryable', 'fatal', 'retryable'])
        expect(refused.status).toBe(401)
        const everything = JSON.stringify([logged, transient.message, refused.message, unreachable.message])
        expect(everything).not.toContain('sig=')
        expect(everything).not.toContain('/workflows/')
    })

    it('the emulator refuses Action.Submit, non-cards and oversized payloads', async () => {
        // setup
        const post = (body: string) =>
            fetch(emu.workflowsUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
        const card = buildCard(events[0]!, INSTANCE)
        const submit = buildMessage({ ...card, actions: [{ type: 'Action.Submit', title: 'Revoke' }] })
        // execution
        const withSubmit = await post(JSON.stringify(submit))
        const text = await post(JSON.stringify({ text: 'hello' }))
        const big = await post(JSON.stringify({ ...buildMessage(card), pad: 'x'.repeat(30_000) }))
        // validation
        expect([withSubmit.status, text.status, big.status]).toEqual([400, 400, 413])
        expect(emu.messages).toHaveLength(0)
    })
})
