/**
 * The app's business rules, registered on the Glide fake exactly as src/fluent/business-rules wires them (table,
 * phase, operation, the server module function). Used by the server-module tests and by the emulator-backed
 * runtime (test/support/app-on-emulator.ts), so both run the same wiring the dist tests check.
 */
import { guardApprovalInsert, guardApprovalVote, onApprovalVote } from '../../src/server/approvals'
import { guardAuditAppend } from '../../src/server/audit-chain-rule'
import { onRitmInserted } from '../../src/server/catalog-submit'
import { guardActionInsert, guardActionWrite, guardGrantWrite } from '../../src/server/claim-guard-rule'
import { guardApprovedDuration, onGrantStateChanged } from '../../src/server/grant-rules'
import { onGrantExpiryMoved } from '../../src/server/extend'
import { setGrantMeasures } from '../../src/server/grant-measures'
import { onGrantInserted } from '../../src/server/submit'
import { guardCancelledFinal } from '../../src/server/cancel'
import { onChangeUpdated, onIncidentUpdated } from '../../src/server/ticket-bound'
import { guardPolicyWrite } from '../../src/server/policy-confirmation'
import { executorApprovalNotices, executorContext, executorGateFacts } from '../../src/server/executor-api'
import { proposeRequest } from '../../src/server/proposal-api'
import { applyTicketUpdate, guardTicketUpdate } from '../../src/server/ticket-update'
import { onApprovalDue } from '../../src/server/watchdog'
import { nudgeOnActionInsert } from '../../src/server/nudge'
import { EVENT, PLATFORM_TABLE, TABLE } from '../../../shared/src/schema'
import { glide } from './glide-fake'

/**
 * Register the rules. `claimGuard: false` leaves out the action table's claim guard where the caller already
 * applies the same shared check itself (the ServiceNow emulator does, natively).
 */
export function wireAppRules(options: { claimGuard: boolean }): void {
    wireExecutorApiRules()
    // Script action of the scheduled approval-due event (fluent/notifications/approval-due.now.ts).
    glide.scriptActions.set(EVENT.approvalDue, (event, current) => onApprovalDue(event, current))
    glide.addRule({ table: PLATFORM_TABLE.ritm, when: 'after', on: 'insert', fn: (c) => onRitmInserted(c) })
    glide.addRule({ table: TABLE.grant, when: 'after', on: 'insert', fn: (c) => onGrantInserted(c) })
    glide.addRule({ table: TABLE.policy, when: 'before', on: 'insert', fn: (c) => guardPolicyWrite(c, null) })
    glide.addRule({ table: TABLE.policy, when: 'before', on: 'update', fn: (c, p) => guardPolicyWrite(c, p) })
    glide.addRule({ table: TABLE.auditEvent, when: 'before', on: 'insert', fn: (c) => guardAuditAppend(c) })
    // A cancelled request stays cancelled (order 40: before the state machine's 50).
    glide.addRule({ table: TABLE.grant, when: 'before', on: 'update', fn: (c, p) => guardCancelledFinal(c, p) })
    // The state machine (executor role only): before the app's other grant rules, as its order (50) says.
    glide.addRule({ table: TABLE.grant, when: 'before', on: 'insert', fn: (c) => guardGrantWrite(c, null) })
    glide.addRule({ table: TABLE.grant, when: 'before', on: 'update', fn: (c, p) => guardGrantWrite(c, p) })
    glide.addRule({ table: TABLE.action, when: 'before', on: 'insert', fn: (c) => guardActionInsert(c) })
    // The nudge (business-rules/action-nudge.now.ts): async, run later by the scheduler (glide.useAsyncRunner).
    glide.addRule({ table: TABLE.action, when: 'async', on: 'insert', fn: (c) => nudgeOnActionInsert(c) })
    // The report measures (order 60, after the guard at 50).
    glide.addRule({ table: TABLE.grant, when: 'before', on: 'insert', fn: (c) => setGrantMeasures(c) })
    glide.addRule({ table: TABLE.grant, when: 'before', on: 'update', fn: (c) => setGrantMeasures(c) })
    glide.addRule({ table: TABLE.grant, when: 'before', on: 'update', fn: (c, p) => guardApprovedDuration(c, p) })
    // Ticket-bound access (async rules on an instance; here right after the update).
    glide.addRule({ table: PLATFORM_TABLE.incident, when: 'after', on: 'update', fn: (c) => onIncidentUpdated(c) })
    glide.addRule({ table: PLATFORM_TABLE.change, when: 'after', on: 'update', fn: (c) => onChangeUpdated(c) })
    glide.addRule({ table: TABLE.grant, when: 'after', on: 'update', fn: (c, p) => onGrantStateChanged(c, p) })
    glide.addRule({ table: TABLE.grant, when: 'after', on: 'update', fn: (c, p) => onGrantExpiryMoved(c, p) })
    glide.addRule({
        table: PLATFORM_TABLE.approval,
        when: 'before',
        on: 'update',
        fn: (c, p) => guardApprovalVote(c, p),
    })
    glide.addRule({ table: PLATFORM_TABLE.approval, when: 'after', on: 'update', fn: (c, p) => onApprovalVote(c, p) })
    glide.addRule({ table: PLATFORM_TABLE.approval, when: 'before', on: 'insert', fn: (c) => guardApprovalInsert(c) })
    if (options.claimGuard) {
        glide.addRule({ table: TABLE.action, when: 'before', on: 'update', fn: (c, p) => guardActionWrite(c, p) })
    }
}

/**
 * The rules of the executor's ticket-update table (business-rules/ticket-update.now.ts): the guard before insert,
 * the effect after. Part of {@link wireAppRules}; alone for a world that runs only the app's executor interfaces.
 */
export function wireExecutorApiRules(): void {
    glide.addRule({ table: TABLE.ticketUpdate, when: 'before', on: 'insert', fn: (c) => guardTicketUpdate(c) })
    // The audit chain's insert rule: what the executor's appends (direct or batched) must link after (issue 18).
    glide.addRule({ table: TABLE.auditEvent, when: 'before', on: 'insert', fn: (c) => guardAuditAppend(c) })
    glide.addRule({ table: TABLE.ticketUpdate, when: 'after', on: 'insert', fn: (c) => applyTicketUpdate(c) })
}

/**
 * The app's Scripted REST operations by `<module path>#<function>`, as their operation scripts in dist name them
 * (rest/*.now.ts): what the ServiceNow emulator routes each operation to (test/emulators/servicenow/scripted-rest.ts).
 */
export const APP_REST_HANDLERS: Readonly<Record<string, (request: any, response: any) => void>> = {
    'src/server/proposal-api.ts#proposeRequest': proposeRequest,
    'src/server/executor-api.ts#executorGateFacts': executorGateFacts,
    'src/server/executor-api.ts#executorContext': executorContext,
    'src/server/executor-api.ts#executorApprovalNotices': executorApprovalNotices,
}
