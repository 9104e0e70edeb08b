export * from './schema'
export * from './plan-types'
export * from './claim-guard'
