import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../src/canonical-json'

describe('canonicalJson', () => {
    it('sorts keys recursively, keeps array order and drops whitespace', () => {
        // Setup
        const value = { b: 1, a: { d: [3, { z: 1, y: 2 }, 1], c: 'x' }, A: true }
        // Execution / validation
        expect(canonicalJson(value)).toBe('{"A":true,"a":{"c":"x","d":[3,{"y":2,"z":1},1]},"b":1}')
    })

    it('is independent of key insertion order', () => {
        const one = { grant: 'g', tickets: { ritm: 'R', change: 'C' }, n: 1 }
        const two = { n: 1, tickets: { change: 'C', ritm: 'R' }, grant: 'g' }
        expect(canonicalJson(one)).toBe(canonicalJson(two))
    })

    it('drops undefined properties and writes undefined array items as null', () => {
        expect(canonicalJson({ a: undefined, b: null, c: [undefined, 1] })).toBe('{"b":null,"c":[null,1]}')
    })

    it('writes numbers and strings as JSON does', () => {
        expect(canonicalJson([0, -0, 1.5, 1e21, -2, 'é"\\\n😀', ''])).toBe('[0,0,1.5,1e+21,-2,"é\\"\\\\\\n😀",""]')
        expect(JSON.parse(canonicalJson({ s: '\u2028\u0001' }))).toEqual({ s: '\u2028\u0001' })
    })

    it('round-trips through JSON.parse', () => {
        const value = { x: [1, 'two', { three: [null, false] }], y: { '': 0, ' ': 1 } }
        expect(JSON.parse(canonicalJson(value))).toEqual(value)
    })

    it('accepts the same object referenced twice (not a cycle)', () => {
        const shared = { k: 1 }
        expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}')
    })

    it.each([
        ['NaN', { a: NaN }],
        ['Infinity', [Infinity]],
        ['-Infinity', { a: { b: -Infinity } }],
        ['a function', { f: () => 1 }],
        ['a symbol', { s: Symbol('x') }],
        ['a bigint', { n: BigInt(1) }],
        ['a Date', { d: new Date(0) }],
        ['a Map', { m: new Map() }],
        ['top-level undefined', undefined],
    ])('rejects %s', (_label, value) => {
        expect(() => canonicalJson(value)).toThrow(/canonicalJson/)
    })

    it('rejects cycles', () => {
        const a: Record<string, unknown> = {}
        a.self = a
        expect(() => canonicalJson(a)).toThrow(/cycle/)
    })
})
