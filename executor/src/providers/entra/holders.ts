/**
 * Holder registry: which active grants of this system currently hold one Entra assignment. Two grants of the
 * same role (or group) to the same user share ONE assignment at Entra; the registry records every grant that
 * relies on it so that only the last holder's revoke actually removes it.
 *
 * The production implementation lives in the executor's SQLite journal (it must survive restarts); the
 * in-memory one here is for tests. Methods are synchronous because the journal (better-sqlite3) is.
 */

/** Provider half of a holder key. */
export type HolderProvider = 'entra-role' | 'entra-group'

/** Registry of grants holding a shared provider assignment. Key = {@link holderKey}. */
export interface HolderRegistry {
    /** Grant sys_ids currently recorded as holders of `key` (any order, no duplicates). */
    holdersOf(key: string): string[]
    /** Record (or refresh) `grantSysId` as a holder of `key` until `expiresAt`. Idempotent. */
    addHolder(key: string, grantSysId: string, expiresAt: Date): void
    /** Remove `grantSysId` from `key`'s holders (no-op if absent); returns the holders that remain. */
    removeHolder(key: string, grantSysId: string): string[]
}

/** The holder key: `provider|principalId|targetId` (all lower case; ids are GUIDs). */
export function holderKey(provider: HolderProvider, principalId: string, targetId: string): string {
    return `${provider}|${principalId.toLowerCase()}|${targetId.toLowerCase()}`
}

/** Test / single-process registry. Not durable: never use it in production. */
export class InMemoryHolderRegistry implements HolderRegistry {
    private readonly byKey = new Map<string, Map<string, Date>>()

    holdersOf(key: string): string[] {
        return [...(this.byKey.get(key)?.keys() ?? [])]
    }

    addHolder(key: string, grantSysId: string, expiresAt: Date): void {
        let holders = this.byKey.get(key)
        if (!holders) {
            holders = new Map()
            this.byKey.set(key, holders)
        }
        holders.set(grantSysId, expiresAt)
    }

    removeHolder(key: string, grantSysId: string): string[] {
        const holders = this.byKey.get(key)
        if (!holders) return []
        holders.delete(grantSysId)
        if (holders.size === 0) this.byKey.delete(key)
        return [...holders.keys()]
    }

    /** Recorded expiry of a holder (tests). */
    expiryOf(key: string, grantSysId: string): Date | undefined {
        return this.byKey.get(key)?.get(grantSysId)
    }

    /** Every key with at least one holder (the drift scan's `activeGrantKeys` in tests). */
    keys(): string[] {
        return [...this.byKey.keys()]
    }
}
