/**
 * The console's page model: every page the provider may meet, recognised by explicit expected markers (the
 * page heading and the elements the step needs). A page that is not the one expected, an expected page missing
 * one of its markers, or any alert on it is a halt: the provider never guesses what an unknown page means.
 */
import { CONSOLE_EXPIRY_CHOICES } from '@gbg/shared'

/** Pages of the emergency console the provider knows. */
export const CONSOLE_PAGES = {
    signIn: { heading: 'Sign in', markers: ['input[name=username]', 'input[name=password]', 'input[name=otp]'] },
    tenantSearch: { heading: 'Tenant search', markers: ['input[name=q]'] },
    tenantVerify: { heading: 'Tenant verification', markers: ['dd.tenant-id', 'dd.tenant-name'] },
    form: {
        heading: 'Restore administrator access',
        markers: [
            'input[name=incident_ref]',
            'input[name=admin_account]',
            'input[name=approval_evidence]',
            'input[name=client_reference]',
            'input[name=acknowledge]',
        ],
    },
    review: {
        heading: 'Review restoration',
        markers: [
            'dd.tenant-id',
            'dd.tenant-name',
            'dd.admin-account',
            'dd.scope',
            'dd.expiry',
            'dd.incident',
            'dd.client-reference',
        ],
    },
    confirmation: { heading: 'Restoration submitted', markers: ['.restoration-id', '.tenant-id'] },
    draftSaved: { heading: 'Draft saved', markers: ['.draft-id'] },
    /** The console's answer to a submit it takes for a duplicate ("Submit anyway?"): never answered by the provider. */
    duplicateWarning: { heading: 'Possible duplicate', markers: [] },
    status: { heading: 'Restoration status', markers: ['input[name=reference]'] },
    endConfirm: { heading: 'End emergency session', markers: ['.restoration-id'] },
    ended: { heading: 'Emergency session ended', markers: ['.restoration-id'] },
} as const
export type ConsolePageName = keyof typeof CONSOLE_PAGES

/**
 * Elements whose content must never reach evidence: tenant secrets, personal contact details, session tokens.
 * Masked in every screenshot (Playwright `mask`) and blanked in every saved page text.
 */
export const MASK_SELECTOR = '.tenant-secret, .contact, .session-token'

/**
 * Patterns of secret-looking text that must not appear in the saved (unmasked) page text: API secrets, session
 * tokens, e-mail addresses of people and phone numbers. The administrator account being restored is the one
 * e-mail address the evidence is meant to show, so it is allowed by value (see leakedValues).
 */
export const SECRET_PATTERNS: readonly RegExp[] = [
    /\bsk_(?:live|test)_[A-Za-z0-9]{8,}/,
    /\bsess_[A-Za-z0-9]{8,}/,
    /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
    /\+\d{1,3}[\d ()-]{7,}\d/,
]

/** Privileges the provider knows how to request, in the console's own names. `global_admin` is never requested. */
export const REQUESTABLE_PRIVILEGES = ['user_admin', 'helpdesk_admin', 'billing_admin', 'security_admin'] as const

/**
 * Expiry choices the console's form offers (minutes): shared CONSOLE_EXPIRY_CHOICES, which the app's submit check
 * also reads (a console request lasts 15 minutes to 4 hours).
 */
export const EXPIRY_CHOICES = CONSOLE_EXPIRY_CHOICES

/**
 * The console expiry to set for `minutes` the executor may grant (approved, capped by a change window): the longest
 * choice not beyond them, never longer; null when even the shortest is too long.
 */
export function consoleExpiryWithin(minutes: number): number | null {
    const fitting = EXPIRY_CHOICES.filter((c) => c <= minutes)
    return fitting.length > 0 ? fitting[fitting.length - 1]! : null
}

/**
 * Which masked values (read from the masked elements) or secret-looking strings appear in `text` (the page text as
 * it will be saved). `allowed` are values the evidence is meant to show (the administrator account).
 */
export function leakedValues(text: string, masked: readonly string[], allowed: readonly string[]): string[] {
    const out = new Set<string>()
    for (const raw of masked) {
        for (const value of raw.split(/\s*·\s*/)) {
            const v = value.trim()
            if (v.length >= 4 && text.includes(v)) out.add(v)
        }
    }
    for (const pattern of SECRET_PATTERNS) {
        const global = new RegExp(pattern.source, 'g')
        for (const m of text.matchAll(global)) {
            if (!allowed.includes(m[0])) out.add(m[0])
        }
    }
    return [...out]
}

/** What the log / takeover record may show of a leaked value: its kind and length, never the value. */
export function describeLeak(value: string): string {
    if (/@/.test(value)) return `an e-mail address (${value.length} characters)`
    if (/^\+/.test(value)) return `a phone number (${value.length} characters)`
    if (/^sess_/.test(value)) return `a session token (${value.length} characters)`
    return `a secret (${value.length} characters)`
}
