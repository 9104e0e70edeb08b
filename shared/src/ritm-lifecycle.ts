/**
 * What the requested item (sc_req_item, the RITM) shows while its grant moves through its life: the RITM's State,
 * Stage and Approval follow the grant, and the RITM closes when the grant ends. The app's server logic applies this
 * on every grant state change (now-app/src/server/ritm-sync.ts); the catalog items attach no platform fulfilment
 * (no flow, workflow or execution plan), so nothing else moves these RITMs.
 *
 * Values are the platform's own (a current release):
 * - State: the task state choices of sc_req_item — Pending -5, Open 1, Work in Progress 2, Closed Complete 3,
 *   Closed Incomplete 4, Closed Skipped 7 (ServiceNow docs, "State closure in the request fulfillment execution
 *   plan" names the three closed states; the numeric values are the base-system choices scripts set, e.g.
 *   `ritm.state = 4` with `ritm.stage = 'Request Cancelled'` so the base rule "Close Parent if Required" closes the
 *   REQ).
 * - Stage: the sc_req_item Stage (workflow) column, default `waiting_for_approval` (the SDK's platform table
 *   definition of sc_req_item); the stage values the base system shows are Waiting for Approval, Request Approved,
 *   Fulfillment, Delivery, Completed and Request Cancelled (ServiceNow docs, "Workflow stages").
 * - Approval: the task Approval column, default `not requested`; `requested`, `approved`, `rejected`, `cancelled`
 *   as on approval records.
 *
 * Pure and dependency-free (ES2021): bundled into the ServiceNow app.
 */
import type { GrantState } from './schema'

/** sc_req_item fields the app moves with the grant. */
export const RITM_FIELDS = { state: 'state', stage: 'stage', approval: 'approval', active: 'active' } as const

/** sc_req_item.state values (task state choices of the requested item). */
export const RITM_STATE = {
    pending: '-5',
    open: '1',
    workInProgress: '2',
    closedComplete: '3',
    closedIncomplete: '4',
    closedSkipped: '7',
} as const

/** sc_req_item.stage values. */
export const RITM_STAGE = {
    waitingForApproval: 'waiting_for_approval',
    requestApproved: 'request_approved',
    fulfillment: 'fulfillment',
    delivery: 'delivery',
    complete: 'complete',
    cancelled: 'Request Cancelled',
} as const

/** task.approval values the app writes on the RITM. */
export const TASK_APPROVAL = {
    notRequested: 'not requested',
    requested: 'requested',
    approved: 'approved',
    rejected: 'rejected',
    cancelled: 'cancelled',
} as const

/** What the RITM shows for a grant state; `approval` undefined = left as it is. */
export interface RitmView {
    state: (typeof RITM_STATE)[keyof typeof RITM_STATE]
    stage: (typeof RITM_STAGE)[keyof typeof RITM_STAGE]
    approval?: (typeof TASK_APPROVAL)[keyof typeof TASK_APPROVAL]
    /** false once the RITM is closed. */
    active: boolean
    /** What the requester reads (State label / Stage label), for docs and messages. */
    label: string
}

const view = (
    state: RitmView['state'],
    stage: RitmView['stage'],
    approval: RitmView['approval'],
    label: string,
): RitmView => {
    const closed =
        state === RITM_STATE.closedComplete || state === RITM_STATE.closedIncomplete || state === RITM_STATE.closedSkipped
    return approval === undefined ? { state, stage, active: !closed, label } : { state, stage, approval, active: !closed, label }
}

/**
 * The RITM view of a grant in `state`; null when the RITM is left as the catalog made it (`requested`: the grant is
 * being judged, within the same transaction).
 *
 * - awaiting_approval → Open, Waiting for Approval, approval requested
 * - approved / queued → Open, Request Approved, approved
 * - granting / active / revoking / revoke_failed / halted (access may exist; a halted grant waits for SecOps to
 *   resume it by hand or cancel it) → Work in Progress, Fulfillment, approved
 * - revoked (the access ended, at expiry or early) → Closed Complete, Completed
 * - rejected → Closed Incomplete, Request Cancelled, approval rejected
 * - policy_rejected → Closed Incomplete, Request Cancelled (approval never requested: left as it is)
 * - cancelled / expired_unapproved → Closed Incomplete, Request Cancelled, approval cancelled
 * - grant_failed → Closed Incomplete, Request Cancelled (approval stays approved)
 * - extended: none — only an extension record (shared/src/extend.ts) is ever extended, and the RITM follows the grant
 *   it extends, never the extension (ritm-sync.ts skips extension records)
 */
export function ritmViewOf(state: GrantState | string): RitmView | null {
    switch (state) {
        case 'awaiting_approval':
            return view(RITM_STATE.open, RITM_STAGE.waitingForApproval, TASK_APPROVAL.requested, 'Open / Waiting for Approval')
        case 'approved':
        case 'queued':
            return view(RITM_STATE.open, RITM_STAGE.requestApproved, TASK_APPROVAL.approved, 'Open / Request Approved')
        case 'granting':
        case 'active':
        case 'revoking':
        case 'revoke_failed':
        case 'halted':
            return view(RITM_STATE.workInProgress, RITM_STAGE.fulfillment, TASK_APPROVAL.approved, 'Work in Progress / Fulfillment')
        case 'revoked':
            return view(RITM_STATE.closedComplete, RITM_STAGE.complete, undefined, 'Closed Complete / Completed')
        case 'rejected':
            return view(RITM_STATE.closedIncomplete, RITM_STAGE.cancelled, TASK_APPROVAL.rejected, 'Closed Incomplete / Request Cancelled')
        case 'cancelled':
        case 'expired_unapproved':
            return view(RITM_STATE.closedIncomplete, RITM_STAGE.cancelled, TASK_APPROVAL.cancelled, 'Closed Incomplete / Request Cancelled')
        case 'policy_rejected':
        case 'grant_failed':
            return view(RITM_STATE.closedIncomplete, RITM_STAGE.cancelled, undefined, 'Closed Incomplete / Request Cancelled')
        default:
            return null
    }
}
