/**
 * What people do in the app, done the way the platform does it, as the current session user of the Glide fake
 * (whatever storage it runs on: in memory, or the ServiceNow emulator): order a catalog item, vote on an approval.
 */
import { proposeRequest } from '../../src/server/proposal-api'
import { PLATFORM_TABLE } from '../../../shared/src/schema'
import { GlideRecord } from './glide-fake'

/**
 * Order a catalog item: insert its RITM with the item's variables (what checkout does; the RITM rule then creates
 * the grant). Returns the RITM sys_id ('' when the insert was refused).
 */
export function orderItem(
    catItemSysId: string,
    openedBy: string,
    variables: Record<string, string>,
    fields: Record<string, string> = {},
): string {
    const ritm = new GlideRecord(PLATFORM_TABLE.ritm)
    ritm.initialize()
    ritm.setValue('cat_item', catItemSysId)
    ritm.setValue('opened_by', openedBy)
    for (const [field, value] of Object.entries(fields)) ritm.setValue(field, value)
    ;(ritm as unknown as { variables: Record<string, string> }).variables = variables
    return ritm.insert() ?? ''
}

/** Approve or reject the approval `approvalSysId`, with an optional comment. Returns update()'s result. */
export function castVote(approvalSysId: string, state: 'approved' | 'rejected', comment = ''): string | null {
    const approval = new GlideRecord(PLATFORM_TABLE.approval)
    if (!approval.get(approvalSysId)) throw new Error(`no approval ${approvalSysId}`)
    approval.setValue('state', state)
    if (comment) approval.setValue('comments', comment)
    return approval.update()
}

/**
 * Call the proposal API (POST /proposals) as the session user, as the platform does: request.body.data is the
 * parsed JSON (a getter that throws when the body was not JSON: pass `badJson`).
 */
export function callProposalApi(body: unknown, badJson = false): { status: number; body: any } {
    const response = {
        status: 0,
        body: undefined as unknown,
        setStatus(s: number) {
            this.status = s
        },
        setBody(b: unknown) {
            this.body = b
        },
    }
    const request = {
        body: {
            get data() {
                if (badJson) throw new Error('JSON parse error')
                return body
            },
        },
    }
    proposeRequest(request, response)
    return { status: response.status, body: response.body }
}
