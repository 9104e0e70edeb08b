/**
 * The simulator's own agenda: what the simulated people and the environment do at given virtual times (order a
 * request, vote, click "Revoke now", run the watchdog job, inject a fault, crash or restart an executor). Items
 * due at the same time run in the order they were scheduled.
 *
 * Test code only.
 */

interface Item {
    at: number
    seq: number
    label: string
    run: () => void | Promise<void>
}

export class Agenda {
    private items: Item[] = []
    private seq = 0

    /** Schedule `run` at epoch ms `at`. */
    at(at: number, label: string, run: () => void | Promise<void>): void {
        this.items.push({ at, seq: this.seq++, label, run })
    }

    /** Epoch ms of the next item, or undefined. */
    next(): number | undefined {
        let best: Item | undefined
        for (const i of this.items) if (!best || i.at < best.at || (i.at === best.at && i.seq < best.seq)) best = i
        return best?.at
    }

    /** Removes and returns the items due at or before `now`, in order. */
    due(now: number): Item[] {
        const due = this.items.filter((i) => i.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq)
        if (due.length > 0) this.items = this.items.filter((i) => i.at > now)
        return due
    }

    get size(): number {
        return this.items.length
    }
}
