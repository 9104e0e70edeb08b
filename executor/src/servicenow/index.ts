/** The ServiceNow adapter: Table API client, gateway, error mapping and the safe query builder. */
export { createServiceNowClient, parseLinkHeader } from './client'
export type { ServiceNowAuth, ServiceNowClient, ServiceNowClientOptions, SnRecord } from './client'
export { createServiceNowGateway, parseAction, parseGrant } from './gateway'
export type { ServiceNowGatewayOptions } from './gateway'
export { ServiceNowError, isServiceNowError, mapHttpError, mapTransportError } from './errors'
export type { ServiceNowErrorKind } from './errors'
export { EncodedQuery, QueryBuildError, formatGlideDateTime, parseGlideDateTime, query } from './query'
