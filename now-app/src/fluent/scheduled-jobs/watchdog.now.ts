import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { runWatchdog } from '../../server/watchdog'

/*
 * The watchdog, independent of the executor: approval timeouts, expiry warnings, overdue grants and stuck
 * actions (P1/P2 incidents, re-queued revokes), executor heartbeat. Every 5 minutes (the interval property
 * documents the value; change both together). executionStart is fixed so the build does not stamp its own time.
 */
ScheduledScript({
    $id: Now.ID['job-watchdog'],
    name: 'Break-glass watchdog',
    active: true,
    frequency: 'periodically',
    executionInterval: { minutes: 5 },
    executionStart: '2026-01-01 00:00:00',
    timeZone: 'UTC',
    script: runWatchdog,
})
