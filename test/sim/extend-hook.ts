import { requestExtension } from '../../now-app/src/server/extend'

/**
 * The simulator's hook for "extend an active grant" (issue 17): how a simulated requester asks the app for more time
 * on an active grant. The extension is its own request (policy, its own approval by the route's approvers, never the
 * requester), then the executor extends in place (every provider but the console, which refuses on request).
 *
 * Wired to the app's own `requestExtension` (now-app/src/server/extend.ts): the same server code the "Extend" UI
 * action calls. The invariant "an extension never grants without its own approval" (invariants.ts) judges the result.
 *
 * Test code only.
 */

/** What the app answers the person who asked (now-app/src/server/extend.ts ExtendResult). */
export interface ExtendAnswer {
    ok: boolean
    message: string
    /** The extension record (a grant naming the grant it extends), when one was created. */
    sysId?: string
    number?: string
    state?: string
}

/** Ask, as the session user, for `minutes` more on `grantSysId`. */
export interface ExtendHook {
    request(grantSysId: string, minutes: number, justification: string): ExtendAnswer
}

export const extendHook: ExtendHook | null = { request: requestExtension }
