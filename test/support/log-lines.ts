/**
 * The executor's structured JSON log lines, as tests read them: split from a stream, parsed, optionally appended
 * to a file. Shared by the in-process executor and the child-process wrapper (which must not load the executor).
 *
 * Test code only.
 */
import { appendFileSync } from 'node:fs'
import { Writable } from 'node:stream'

/** One parsed log line (`message` plus metadata), or `{ raw }` for a non-JSON line. */
export type LogLine = Record<string, unknown> & { message?: string; level?: string }

/** True for a log line of the executor's event `name` about `grantSysId` (when given). */
export function isEvent(name: string, grantSysId?: string): (l: LogLine) => boolean {
    return (l) => l['event'] === name && (grantSysId === undefined || l['grantSysId'] === grantSysId)
}

/** Splits a text stream into lines and hands each one over parsed (JSON) with its text. */
export function lineSplitter(onLine: (line: LogLine, text: string) => void): (chunk: Buffer | string) => void {
    let buffer = ''
    return (chunk) => {
        buffer += chunk.toString()
        let nl: number
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const text = buffer.slice(0, nl)
            buffer = buffer.slice(nl + 1)
            if (text.trim() === '') continue
            let line: LogLine
            try {
                line = JSON.parse(text) as LogLine
            } catch {
                line = { raw: text }
            }
            onLine(line, text)
        }
    }
}

/** A collector of JSON log lines (a Writable the executor's winston logger writes to), optionally into a file. */
export function logCollector(logFile?: string): { stream: Writable; lines: LogLine[] } {
    const lines: LogLine[] = []
    const split = lineSplitter((line, text) => {
        lines.push(line)
        if (logFile) appendFileSync(logFile, text + '\n')
    })
    const stream = new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
            split(chunk)
            callback()
        },
    })
    return { stream, lines }
}
