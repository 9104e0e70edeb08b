import { beforeEach, describe, expect, it } from 'vitest'
import { GlideRecord, glide } from './support/glide-fake'
import { appendAudit } from '../src/server/glide-io'
import { guardAuditAppend } from '../src/server/audit-chain-rule'
import { AUDIT_FIELDS, TABLE } from '../../shared/src/schema'
import { AUDIT_HEAD_MOVED, GENESIS_HASH, chainEvent, verifyChain } from '../../shared/src/audit-chain'

const GRANT = 'a'.repeat(32)

/** The grant's stored chain, in sequence order, as verifyChain reads it. */
function chain() {
    return glide
        .rows(TABLE.auditEvent)
        .filter((r) => r[AUDIT_FIELDS.grant] === GRANT)
        .sort((a, b) => Number(a[AUDIT_FIELDS.sequence]) - Number(b[AUDIT_FIELDS.sequence]))
        .map((r) => ({
            grant: r[AUDIT_FIELDS.grant] ?? '',
            action: r[AUDIT_FIELDS.action] ?? '',
            sequence: Number(r[AUDIT_FIELDS.sequence]),
            eventType: r[AUDIT_FIELDS.eventType] ?? '',
            actor: r[AUDIT_FIELDS.actor] ?? '',
            occurredAt: (r[AUDIT_FIELDS.occurredAt] ?? '').replace(' ', 'T') + '.000Z',
            payload: JSON.parse(r[AUDIT_FIELDS.payload] || 'null') as unknown,
            prevHash: r[AUDIT_FIELDS.prevHash] ?? '',
            hash: r[AUDIT_FIELDS.hash] ?? '',
        }))
}

describe('audit insert rule: one head per chain (before insert, audit table)', () => {
    beforeEach(() => {
        glide.reset()
        glide.setNow(Date.UTC(2026, 0, 6, 10, 0, 0))
    })

    it('appends in order and refuses an insert that does not extend the current head', () => {
        // Setup
        glide.addRule({ table: TABLE.auditEvent, when: 'before', on: 'insert', fn: (c) => guardAuditAppend(c) })
        appendAudit(GRANT, 'request.submitted', 'alice', { n: 1 })
        appendAudit(GRANT, 'policy.evaluated', 'system', { n: 2 })
        // Execution: a second appender that read the empty chain inserts #1 again
        const stale = chainEvent(GENESIS_HASH, {
            grant: GRANT,
            action: '',
            sequence: 1,
            eventType: 'grant.step',
            actor: 'exec',
            occurredAt: '2026-01-06T10:00:00.000Z',
            payload: {},
        })
        const gr = new GlideRecord(TABLE.auditEvent)
        gr.initialize()
        gr.setValue(AUDIT_FIELDS.grant, GRANT)
        gr.setValue(AUDIT_FIELDS.sequence, '1')
        gr.setValue(AUDIT_FIELDS.eventType, stale.eventType)
        gr.setValue(AUDIT_FIELDS.actor, stale.actor)
        gr.setValue(AUDIT_FIELDS.occurredAt, '2026-01-06 10:00:00')
        gr.setValue(AUDIT_FIELDS.payload, '{}')
        gr.setValue(AUDIT_FIELDS.prevHash, GENESIS_HASH)
        gr.setValue(AUDIT_FIELDS.hash, stale.hash)
        // Validation
        expect(gr.insert()).toBeNull()
        expect(glide.messages.error.join('\n')).toMatch(new RegExp(`^${AUDIT_HEAD_MOVED}`))
        expect(chain().map((e) => e.sequence)).toEqual([1, 2])
        expect(verifyChain(chain())).toEqual({ ok: true })
    })

    it('appendAudit re-reads the head and links after an event another appender committed first', () => {
        // Setup: the first time, another appender commits #2 just before our insert is judged
        let raced = false
        glide.addRule({
            table: TABLE.auditEvent,
            when: 'before',
            on: 'insert',
            fn: () => {
                if (raced) return
                raced = true
                const [first] = chain()
                const other = chainEvent(first!.hash, {
                    ...first!,
                    sequence: 2,
                    eventType: 'grant.step',
                    actor: 'exec',
                })
                glide.insert(TABLE.auditEvent, {
                    [AUDIT_FIELDS.grant]: GRANT,
                    [AUDIT_FIELDS.sequence]: '2',
                    [AUDIT_FIELDS.eventType]: other.eventType,
                    [AUDIT_FIELDS.actor]: other.actor,
                    [AUDIT_FIELDS.occurredAt]: '2026-01-06 10:00:00',
                    [AUDIT_FIELDS.payload]: JSON.stringify(other.payload),
                    [AUDIT_FIELDS.prevHash]: other.prevHash,
                    [AUDIT_FIELDS.hash]: other.hash,
                })
            },
        })
        glide.addRule({ table: TABLE.auditEvent, when: 'before', on: 'insert', fn: (c) => guardAuditAppend(c) })
        raced = true
        appendAudit(GRANT, 'request.submitted', 'alice', { n: 1 })
        raced = false
        // Execution
        appendAudit(GRANT, 'policy.evaluated', 'system', { n: 2 })
        // Validation: both landed, one linear chain
        expect(chain().map((e) => [e.sequence, e.eventType])).toEqual([
            [1, 'request.submitted'],
            [2, 'grant.step'],
            [3, 'policy.evaluated'],
        ])
        expect(verifyChain(chain())).toEqual({ ok: true })
    })
})
