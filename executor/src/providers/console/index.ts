export * from './provider'
export { CONSOLE_PAGES, MASK_SELECTOR, REQUESTABLE_PRIVILEGES, EXPIRY_CHOICES, leakedValues } from './pages'
export { totp, hotp, checkTotp, base32Decode, base32Encode } from './totp'
