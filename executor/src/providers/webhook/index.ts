/** The admin-as-a-service webhook provider: public surface. */
export { WebhookProvider, createWebhookProvider, IDEMPOTENCY_TXN_PREFIX } from './provider'
export type { IdempotencyLookup, WebhookProviderConfig, WebhookProviderDeps } from './provider'
export { mapHttpError, mapTransportError } from './errors'
export { SIGNATURE_HEADER, signRequest, signingString } from './signature'
