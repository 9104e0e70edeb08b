/**
 * Contract-faithful ServiceNow emulator (test / dev only): Table API, Attachment API and OAuth, with the app's
 * tables and ACLs taken from the built app (`now-app/dist`) and platform tables from a fixture. What it
 * emulates, and its documented choices, are in README.md beside this file.
 */
export { startServiceNowEmulator } from './server'
export { OutboundHttp, type OutboundCall, type OutboundLogEntry, type OutboundResult } from './outbound'
export { createScriptedRest } from './scripted-rest'
export type { ScriptedRestHandler, ScriptedRestRouter } from './scripted-rest'
export type {
    EmulatorBusinessRules,
    EmulatorScripting,
    EmulatorStore,
    FaultRule,
    JournalEntry,
    OAuthClient,
    SeedUser,
    SeenRequest,
    ServiceNowEmulator,
    ServiceNowEmulatorOptions,
    StoredAttachment,
} from './types'
export { formatGlideDateTime, parseGlideDateTime } from './store'
export { AUTHENTICATED_BASELINE, PLATFORM_TABLES, STOCK_ROLE_PERMISSIONS } from './platform-schema'
export { isTimeZone, utcToZone, zoneToUtc } from './time-zone'
