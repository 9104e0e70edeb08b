export * from './schema'
export * from './plan-types'
export * from './claim-guard'
export * from './policy-types'
