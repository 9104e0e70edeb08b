/**
 * Provider registry: the webhook provider is built from configuration; wrong names fail at startup.
 */
import { describe, expect, it } from 'vitest'
import { ProviderConfigError, createProviders } from '../src/providers/registry'

const webhook = { baseUrl: 'https://admin.example.com', hmacSecret: 's'.repeat(32) }

describe('createProviders', () => {
    it('creates the webhook provider under its name', () => {
        // execution
        const providers = createProviders({ providers: ['webhook'], webhook })
        // validation
        expect([...providers.keys()]).toEqual(['webhook'])
        expect(providers.get('webhook')!.describe().baseUrl).toBe('https://admin.example.com')
    })

    it('fails at startup for an unknown provider name, naming it and the known ones', () => {
        expect(() => createProviders({ providers: ['webhook', 'pam-magic'], webhook })).toThrow(
            /unknown provider "pam-magic"; known providers: webhook, entra-role, entra-group/,
        )
    })

    it('fails for an enabled provider without configuration, a duplicate, or none at all', () => {
        expect(() => createProviders({ providers: ['webhook'] })).toThrow(ProviderConfigError)
        expect(() => createProviders({ providers: ['webhook', 'webhook'], webhook })).toThrow(/twice/)
        expect(() => createProviders({ providers: [] })).toThrow(/no provider enabled/)
    })

    it('wraps a factory refusal without leaking the secret', () => {
        // setup
        const secret = 'super-secret-value-that-is-long-enough'
        // execution
        let message = ''
        try {
            createProviders({
                providers: ['webhook'],
                webhook: { baseUrl: 'http://admin.example.com', hmacSecret: secret },
            })
        } catch (err) {
            message = (err as Error).message
        }
        // validation
        expect(message).toMatch(/^provider "webhook": .*https/)
        expect(message).not.toContain(secret)
    })
})
