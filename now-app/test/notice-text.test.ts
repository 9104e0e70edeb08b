import { describe, expect, it } from 'vitest'
import { accessText, glideUtcText } from '../../shared/src/notice-text'

/* The words e-mails and ticket comments use for a grant (shared/src/notice-text.ts). */
describe('notice text', () => {
    it('names the access by kind and target, never by an id', () => {
        expect(accessText({ kind: 'device_local_admin', ciName: 'PC-ALICE' })).toBe(
            'local administrator rights on PC-ALICE',
        )
        expect(accessText({ kind: 'entra_role', roleName: 'Helpdesk Administrator' })).toBe(
            'the Entra role Helpdesk Administrator',
        )
        expect(accessText({ kind: 'entra_group', groupName: 'Intune workstation admins' })).toBe(
            'membership of the Entra group Intune workstation admins',
        )
        expect(accessText({ kind: 'pam_account', account: 'svc-backup' })).toBe(
            'use of the privileged account svc-backup',
        )
        expect(accessText({ kind: 'console', account: 'root' })).toBe('console access as root')
        // Missing names say so instead of printing an empty string or an id
        expect(accessText({ kind: 'device_local_admin', ciName: '  ' })).toBe(
            'local administrator rights on the requested device',
        )
        expect(accessText({ kind: 'something_else' })).toBe('the requested access')
    })

    it('writes a stored UTC date-time in the one format people read, with the zone', () => {
        expect(glideUtcText('2026-11-27 11:00:59')).toBe('2026-11-27 11:00 UTC')
        expect(glideUtcText('2026-01-06 09:05:00')).toBe('2026-01-06 09:05 UTC')
        expect(glideUtcText('')).toBe('')
        expect(glideUtcText('27/11/2026 11:00')).toBe('')
    })
})
