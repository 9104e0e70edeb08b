export {
    createEpmProvider,
    EpmProvider,
    DEFAULT_DECISION_PATH,
    IDEMPOTENCY_TXN_PREFIX,
    SESSION_SECONDS,
    ENDED_SESSION_MARGIN_MS,
} from './provider'
export type { EpmProviderConfig, EpmProviderDeps } from './provider'
export { EpmClient, TOKEN_RENEW_BEFORE_MS } from './client'
export { summarise, sessionEvents, LATE_AFTER_MS, type ActivitySummary } from './activity'
